/* SPDX-License-Identifier: MIT */
/* plan: the transfer planner (engine layer; contract section 5): who may
 * move (domain.md section 5), directed rebalancing by min-cost flow, the
 * before/after metrics and the plain-language explanations. Pure
 * computation over a problem that the service layer fills; no I/O. The
 * problem and result types and the rules each part asks of a problem are
 * in plan_problem.h, which the parts (plan_voluntary, plan_directed) use.
 *
 * Design note (directed mode). Each government (root of the unit tree) is
 * an independent problem; with no global move limit they are solved in
 * parallel. One network per government:
 *
 *   S --s_a--> origin pair a --1--> employee e --1, M*c(e,b)+1--> dest b
 *   dest b --1, -M*v_k(b)--> T   (k = 1 .. d_b, one arc per slot)
 *   S --F, 0--> T                (the bypass: moves are optional)
 *
 * with supply F = min(sum s, sum d, max-moves) at S and demand F at T. The
 * slot values v_k = w(b) * round(nilai_slot * (d - k + 1) / n) fall with
 * k, so the cheapest flow fills a destination's slots in order and the
 * flow's cost is M * (sum cost - sum benefit) + moves. Every feasible
 * plan has fewer than M = F + 1 moves, so the optimum of the scaled
 * problem is an optimal plan and, among the optimal plans, one with the
 * fewest moves. An arc (e, b) whose cost is not below v_1(b) can never
 * pay for itself and is left out; so is one into b to which at least s_a
 * arcs from the same origin a cost strictly less (at most s_a leave a, so
 * an unused cheaper one could always take its place): every optimal plan
 * stays in the smaller network, which on a nation's governments keeps
 * 18% of the arcs. Among equally good plans the solver may then land
 * on another one than on the whole network. With a global --max-moves smaller
 * than the moves of the independent optimum, all governments are solved as one
 * network (a shared S and T), since the limit ties them together.
 *
 * Invariants: a move leaves a pair with surplus (at most s moves) and
 * enters a pair of the same class (same jabatan, or same kelompok and
 * jenjang) with deficit (at most d moves), in another unit of the same
 * government; the employee is eligible, holds every competency that the
 * destination position requires and is moved at most once; so every pair
 * ends within [min(h, n), max(h, n)]. */
#ifndef MUTASI_PLAN_H
#define MUTASI_PLAN_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "plan_problem.h"

/* The contract's word for reason 'r' ("status", "masa_kerja_unit", ...). */
const char *plan_reason_code(enum plan_reason r);

/* Plan 'p' under 'o' into '*out' (free it with plan_result_cleanup()).
 * ERR_TOOBIG when the numbers would pass 64 bits; ERR_INVAL for options
 * out of range. */
MUST_USE enum err plan_run(const struct plan_problem *p,
                           const struct plan_opts *o, struct plan_result *out);
/* Free what 'r' holds; accepts NULL. */
void plan_result_cleanup(struct plan_result *r);

/* Append the one-sentence explanation of move 'm' of 'r' to 'out', in
 * the reader's words (contract section 5 explain): what moves where, why
 * there (the workload of both pairs and what the plan changes there), why
 * this person; no slot values, costs or other employees' names. */
MUST_USE enum err plan_move_text(const struct plan_problem *p,
                                 const struct plan_result *r,
                                 const struct plan_move *m, struct buf *out);

/* The reasons of one employee: every code that holds, and the one that
 * decided. For a move it is the move's own (plan_move.deciding): diminta
 * for a granted request, and for a directed move abk_tujuan (the
 * destination's need), or diminta when the destination is on the
 * employee's own request list. For a stay it is the first rule that fails
 * in the order eligibility is checked (the contract's order: status,
 * masa_kerja_unit, pensiun, ...), or for a requester in R the reason their
 * first choice was refused. */
struct plan_why {
    unsigned set; /* PLAN_BIT() of every code that holds. */
    int deciding; /* An enum plan_reason in 'set', or -1 when empty. */
};

/* The codes of 'set' into 'out' (PLAN_R_N entries), 'deciding' first when
 * it is in 'set', then the rest in the contract's order; returns how
 * many. */
size_t plan_reasons_order(unsigned set, int deciding, enum plan_reason *out);

/* Explain staff 'i' in 'r': '*why' gets the reasons and 'out' the text in
 * Bahasa Indonesia (the move's sentence, or why they stay). */
MUST_USE enum err plan_explain(const struct plan_problem *p,
                               const struct plan_result *r, size_t i,
                               struct plan_why *why, struct buf *out);

#endif
