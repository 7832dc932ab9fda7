/* SPDX-License-Identifier: MIT */
/* rules: retirement rules (core layer): the retirement age (BUP) of a
 * position and the date retirement takes effect (domain.md section 4,
 * PP 11/2017 art. 239). No I/O. */
#ifndef MUTASI_RULES_H
#define MUTASI_RULES_H

#include <stdint.h>

struct jabatan;
struct settings;

/* The BUP of position 'j': its override when set; else bup_guru for
 * teachers, bup_jpt for JPT, bup_ahli_madya for fungsional keahlian
 * madya, bup_ahli_utama for keahlian utama; else bup_umum. */
int rules_bup(const struct settings *s, const struct jabatan *j);
/* TMT pensiun of someone born on 'lahir' with retirement age 'bup': the
 * 1st of the month after the birth month, in the year of birth + 'bup'. */
int32_t rules_tmt_pensiun(int32_t lahir, int bup);

#endif
