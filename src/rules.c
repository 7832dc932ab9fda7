/* SPDX-License-Identifier: MIT */
/* rules: BUP and TMT pensiun (core layer). */
#include "rules.h"

#include <string.h>

#include "date.h"
#include "model.h"
#include "settings.h"

int
rules_bup(const struct settings *s, const struct jabatan *j)
{
    bool keahlian = j->jenis == JAB_FUNGSIONAL_KEAHLIAN && j->jenjang != NULL;
    if (j->bup > 0) {
        return j->bup;
    }
    if (j->guru) {
        return s->bup_guru;
    }
    if (j->jenis == JAB_JPT) {
        return s->bup_jpt;
    }
    if (keahlian && strcmp(j->jenjang, "madya") == 0) {
        return s->bup_ahli_madya;
    }
    if (keahlian && strcmp(j->jenjang, "utama") == 0) {
        return s->bup_ahli_utama;
    }
    return s->bup_umum;
}

int32_t
rules_tmt_pensiun(int32_t lahir, int bup)
{
    int y = 0;
    int m = 0;
    int d = 0;
    date_to_ymd(lahir, &y, &m, &d);
    /* The day of birth does not matter: born 1968-02-29 with BUP 58
     * retires on 2026-03-01. */
    return m == 12 ? date_from_ymd(y + bup + 1, 1, 1)
                   : date_from_ymd(y + bup, m + 1, 1);
}
