/* SPDX-License-Identifier: MIT */
/* plan_directed: the directed part of the planner (engine layer): the
 * min-cost-flow network of plan.h's design note, built per government and
 * solved in parallel. Used by plan.c only. */
#ifndef MUTASI_PLAN_DIRECTED_H
#define MUTASI_PLAN_DIRECTED_H

#include <stdbool.h>
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

/* The value of the 'k'-th filled slot (1-based) of pair 'pair' whose
 * deficit is 'd' (contract section 5). */
int64_t plan_slot_value(const struct plan_problem *p, size_t pair, int64_t d,
                        int64_t k);
/* The cost term of moving staff 'i' to unit 'unit' at 'km'. */
int64_t plan_move_cost(const struct plan_problem *p, size_t i, size_t unit,
                       double km);
/* True when staff 'i' is due for rotation on the plan date. */
bool plan_rotation_due(const struct plan_problem *p, size_t i);
/* True when unit 'unit' is on staff 'i''s open request list. */
bool plan_requested(const struct plan_problem *p, size_t i, size_t unit);

#endif
