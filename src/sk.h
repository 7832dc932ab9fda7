/* SPDX-License-Identifier: MIT */
/* sk: the decrees of an approved plan as PDF (service layer; domain.md
 * section 5): the batch Keputusan with its Lampiran of moves, one
 * employee's Petikan certified "sesuai dengan aslinya", or a surat tugas
 * with its own number for a temporary surge assignment. Emblem, texts,
 * signatories and places come from the settings; dates are written in
 * Indonesian. A print is the same bytes each time (the register keeps
 * its hash). */
#ifndef MUTASI_SK_H
#define MUTASI_SK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"

struct store;
struct saved_plan;
struct saved_move;

/* A document asked for. */
struct sk_ask {
    const char *plan;  /* The plan's name. */
    const char *nip;   /* NULL for the batch decree. */
    const char *actor; /* Who prints it (the audit of a reprint). */
};

/* Write the decree of approved plan 'a->plan' to 'f': the batch SK when
 * 'a->nip' is NULL, else that employee's Petikan (or surat tugas for a
 * temporary move), registered (docreg.h). ERR_NOTFOUND for an unknown
 * plan or an employee the plan does not move, ERR_CONFLICT for a plan not
 * approved yet (the reason in 'why', 'why_len' bytes). */
MUST_USE enum err sk_write(struct store *st, const struct sk_ask *a, FILE *f,
                           char *why, size_t why_len);
/* Does the decree of approved plan 'sp' make move 'm'? Of a plan decided
 * move by move, those the PPK kept; of one decided before moves carried
 * decisions, all. (A temporary move is made by a surat tugas, not by the
 * decree: the caller checks m->sementara_sampai.) */
bool sk_move_decided(const struct saved_plan *sp, const struct saved_move *m);
/* Write 'day' (a date.h day) as "1 Maret 2026" into 'out'. */
void sk_date_text(int day, char *out, size_t len);

#endif
