/* SPDX-License-Identifier: MIT */
/* plan_voluntary: the voluntary part of the planner (engine layer):
 * granting open transfer requests in priority order wherever some
 * feasible outcome allows it (contract section 5). Used by plan.c only. */
#ifndef MUTASI_PLAN_VOLUNTARY_H
#define MUTASI_PLAN_VOLUNTARY_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "plan_problem.h"

/* kalah_prioritas, precisely. Let i be a requester of R who was refused
 * choice k, whose pair (u, own jabatan) is P, and let the rivals be the
 * requesters before i in the priority order whose outcome is a move into
 * P. Choice k of i says kalah_prioritas exactly when the rivals are not
 * empty and, in the run of the contract's rule on R without the rivals
 * (their requests withdrawn: they stay, counted in h), when i's turn comes
 * some feasible candidate agrees with every outcome fixed before i and
 * gives i choice k. Otherwise the refusal gets the reason that run gives
 * at i's turn: asal_kurang when i's leaving is what fails (own pair
 * short), else tidak_ada_kekurangan (no room left at P, also when other
 * requesters would take it first). Runs are independent per government
 * and jabatan, so the re-run takes only the requesters of i's government
 * with i's jabatan, and only for refusals that have rivals. */

/* What the voluntary part works on and gives back. */
struct plan_voluntary {
    int64_t *h;        /* In: staff per pair; out: after the grants. */
    unsigned *why_not; /* Out: per requester not granted, the reasons. */
    unsigned char (
        *choice_why)[MODEL_MAX_PILIHAN]; /* Out: per staff and
                                          * choice (see plan_result). */
    long *rank;              /* Out: per staff, the priority place or -1. */
    struct plan_move *moves; /* Out: the grants (owned by the caller). */
    size_t n_moves;
    long requests; /* Out: open requests considered. */
    long baseline; /* Out: grants of the no-swap baseline. */
};

/* Append the sentence of granted request 'm' to 'out'. */
MUST_USE enum err plan_voluntary_text(const struct plan_problem *p,
                                      const struct plan_result *r,
                                      const struct plan_move *m,
                                      struct buf *out);
/* Append why the request of staff 'i' was not granted, choice by
 * choice. */
MUST_USE enum err plan_voluntary_reason(struct buf *out,
                                        const struct plan_problem *p,
                                        const struct plan_result *r, size_t i);
/* Grant the requests of 'p' into 'v'. */
MUST_USE enum err plan_voluntary_run(const struct plan_problem *p,
                                     struct plan_voluntary *v);

#endif
