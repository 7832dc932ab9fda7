/* SPDX-License-Identifier: MIT */
/* plan_directed: the directed part of the planner (engine layer): the
 * min-cost-flow network of plan.h's design note, built per government and
 * solved in parallel. Used by plan.c only. */
#ifndef MUTASI_PLAN_DIRECTED_H
#define MUTASI_PLAN_DIRECTED_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct plan_problem;
struct plan_opts;
struct plan_move;

/* What the directed part works on and gives back. */
struct plan_directed {
    int64_t *h;              /* In: staff per pair after the voluntary part. */
    const long *busy;        /* In: per staff, >= 0 when already moved. */
    unsigned *why_not;       /* In: eligibility per staff; out: the directed
                              * reasons added for candidates not moved. */
    struct plan_move *moves; /* Out: the moves, by NIP (owned). */
    size_t n_moves;
    int64_t cost; /* Out: sum cost - sum benefit. */
};

/* Plan the directed moves of 'p' under 'o' into 'd'. ERR_TOOBIG when the
 * scaled costs would pass 64 bits. */
MUST_USE enum err plan_directed_run(const struct plan_problem *p,
                                    const struct plan_opts *o,
                                    struct plan_directed *d);

#endif
