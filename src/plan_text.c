/* SPDX-License-Identifier: MIT */
/* plan_text: the shared words of the explanations (engine layer). */
#include "plan_text.h"

#include <stdio.h>
#include <string.h>

#include "abk.h"
#include "date.h"
#include "settings.h"

const char *
plan_text_unit(const struct plan_problem *p, size_t pair)
{
    const struct plan_unit *u = &p->units[p->pairs[pair].unit];
    return u->nama ? u->nama : u->kode;
}

const char *
plan_text_jab(const struct plan_problem *p, size_t pair)
{
    const struct plan_jabatan *j = &p->jabs[p->pairs[pair].jab];
    return j->nama ? j->nama : j->kode;
}

enum err
plan_text_number(struct buf *b, int64_t v, int scale)
{
    char digits[32];
    int64_t pow = 1;
    for (int k = 0; k < scale; k++) {
        pow *= 10;
    }
    int64_t a = v < 0 ? -v : v;
    snprintf(digits, sizeof(digits), "%lld", (long long)(a / pow));
    enum err rc = v < 0 ? buf_add(b, "-", 1) : ERR_OK;
    size_t len = strlen(digits);
    for (size_t k = 0; k < len && rc == ERR_OK; k++) {
        rc = buf_add(b, &digits[k], 1);
        if (rc == ERR_OK && k + 1 < len && (len - k - 1) % 3 == 0) {
            rc = buf_add(b, ".", 1);
        }
    }
    if (scale > 0 && rc == ERR_OK) {
        rc = buf_addf(b, ",%0*lld", scale, (long long)(a % pow));
    }
    return rc;
}

enum err
plan_text_date(struct buf *b, int32_t day)
{
    char text[DATE_ID_LEN];
    date_format_id(day, text);
    return buf_adds(b, text);
}

enum err
plan_text_months(struct buf *b, int months)
{
    int y = months / 12;
    int m = months % 12;
    if (y > 0 && m > 0) {
        return buf_addf(b, "%d tahun %d bulan", y, m);
    }
    return y > 0 ? buf_addf(b, "%d tahun", y) : buf_addf(b, "%d bulan", m);
}

enum err
plan_text_abk(struct buf *b, const struct plan_problem *p, size_t pair,
              int64_t h)
{
    struct abk_result r;
    memset(&r, 0, sizeof(r));
    r.analysed = true;
    r.need_num = p->pairs[pair].need_num;
    r.h = (long)h;
    int64_t ej = abk_ej_milli(p->s, &r);
    enum err rc = buf_addf(b, "kebutuhan %lld, bezetting %lld, EJ ",
                           (long long)p->pairs[pair].n, (long long)h);
    if (rc != ERR_OK) {
        return rc;
    }
    return ej < 0 ? buf_adds(b, "kosong") : plan_text_number(b, ej, 3);
}

/* "kekurangan 8", "kelebihan 2" or "sesuai kebutuhan" of need 'n' and
 * 'h' staff; 'bare' leaves the word out when 'same' kind follows. */
static enum err
gap_words(struct buf *b, int64_t n, int64_t h, bool bare)
{
    if (h == n) {
        return buf_adds(b, "sesuai kebutuhan");
    }
    const char *word = h < n ? "kekurangan " : "kelebihan ";
    return buf_addf(b, "%s%lld", bare ? "" : word,
                    (long long)(h < n ? n - h : h - n));
}

enum err
plan_text_gap(struct buf *b, const struct plan_problem *p, size_t pair,
              int64_t before, int64_t after)
{
    int64_t n = p->pairs[pair].n;
    if (before == after) {
        enum err rc = buf_adds(b, "tetap ");
        return rc == ERR_OK ? gap_words(b, n, before, false) : rc;
    }
    bool same = (before < n && after < n) || (before > n && after > n);
    enum err rc = gap_words(b, n, before, false);
    rc = rc == ERR_OK ? buf_adds(b, " menjadi ") : rc;
    return rc == ERR_OK ? gap_words(b, n, after, same) : rc;
}

enum err
plan_text_km(struct buf *b, const struct plan_move *m)
{
    if (m->km_from == PLAN_KM_UNKNOWN) {
        return buf_adds(b, "jarak tidak diketahui (koordinat tidak "
                           "lengkap)");
    }
    enum err rc = buf_addf(b, "jarak dari %s ke unit tujuan ",
                           m->km_from == PLAN_KM_HOME ? "rumah" : "unit asal");
    rc = rc == ERR_OK ? plan_text_number(b, m->km_centi, 2) : rc;
    return rc == ERR_OK ? buf_adds(b, " km") : rc;
}

enum err
plan_text_tenure(struct buf *b, const struct plan_problem *p, size_t i)
{
    int months = date_months_between(p->staff[i].tmt_unit, p->day);
    enum err rc = buf_adds(b, "sudah ");
    rc = rc == ERR_OK ? plan_text_months(b, months > 0 ? months : 0) : rc;
    rc = rc == ERR_OK ? buf_adds(b, " di unit ini") : rc;
    if (rc == ERR_OK && months >= p->s->rotasi_bulan) {
        rc = buf_adds(b, "; rotasi jatuh tempo setelah ");
        rc = rc == ERR_OK ? plan_text_months(b, p->s->rotasi_bulan) : rc;
    }
    return rc;
}

enum err
plan_text_skp(struct buf *b, const struct plan_problem *p, size_t i)
{
    static const char *const words[] = {
        "sangat kurang", "kurang", "butuh perbaikan", "baik", "sangat baik"};
    int first = plan_skp_year(p) - (PLAN_SKP_YEARS - 1);
    enum err rc = buf_adds(b, "SKP");
    for (int k = 0; k < PLAN_SKP_YEARS && rc == ERR_OK; k++) {
        int8_t v = p->staff[i].skp[k];
        rc = buf_addf(b, "%s %d %s", k == 0 ? "" : " dan", first + k,
                      v >= 0 && v < 5 ? words[(size_t)v] : "tidak tercatat");
    }
    return rc;
}

enum err
plan_text_syarat(struct buf *b, const struct plan_problem *p, size_t i,
                 size_t jab)
{
    const struct plan_jabatan *j = &p->jabs[jab];
    const struct plan_staff *e = &p->staff[i];
    enum err rc = ERR_OK;
    bool any = false;
    if (j->pendidikan_min >= 0) {
        rc = buf_addf(b, "pendidikan minimal %s (pendidikannya %s)",
                      model_enum_name(&model_pendidikan, j->pendidikan_min),
                      e->pendidikan >= 0
                          ? model_enum_name(&model_pendidikan, e->pendidikan)
                          : "tidak tercatat");
        any = true;
    }
    if (rc == ERR_OK && (j->golongan_min >= 0 || j->golongan_max >= 0)) {
        const char *lo = model_enum_name(&model_golongan_pns, j->golongan_min);
        const char *hi = model_enum_name(&model_golongan_pns, j->golongan_max);
        rc = buf_adds(b, any ? ", golongan " : "golongan ");
        if (rc == ERR_OK && j->golongan_min >= 0 && j->golongan_max >= 0) {
            rc = buf_addf(b, "%s sampai %s", lo, hi);
        } else if (rc == ERR_OK) {
            rc = buf_addf(b, "%s %s",
                          j->golongan_min >= 0 ? "paling rendah"
                                               : "paling tinggi",
                          j->golongan_min >= 0 ? lo : hi);
        }
        rc = rc == ERR_OK ? buf_addf(b, " (golongannya %s)",
                                     e->golongan >= 0
                                         ? model_enum_name(&model_golongan_pns,
                                                           e->golongan)
                                         : "tidak tercatat")
                          : rc;
        any = true;
    }
    if (rc == ERR_OK && !any) {
        rc = buf_adds(b, "tanpa syarat pendidikan atau golongan");
    }
    return rc;
}
