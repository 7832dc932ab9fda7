/* SPDX-License-Identifier: MIT */
/* sk: the decrees of an approved plan as PDF (service layer; domain.md
 * section 5): the batch Keputusan with its Lampiran of moves, one
 * employee's Petikan certified "sesuai dengan aslinya", or a surat tugas
 * for a temporary surge assignment. Letterhead, signatory and places come
 * from the settings; dates are written in Indonesian. */
#ifndef MUTASI_SK_H
#define MUTASI_SK_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

struct store;

/* Write the decree of approved plan 'plan' to 'f': the batch SK when
 * 'nip' is NULL, else that employee's Petikan (or surat tugas for a
 * temporary move). ERR_NOTFOUND for an unknown plan or an employee the
 * plan does not move, ERR_CONFLICT for a plan not approved yet (the
 * reason in 'why', 'why_len' bytes). */
MUST_USE enum err sk_write(struct store *st, const char *plan, const char *nip,
                           FILE *f, char *why, size_t why_len);
/* Write 'day' (a date.h day) as "1 Maret 2026" into 'out'. */
void sk_date_text(int day, char *out, size_t len);

#endif
