/* SPDX-License-Identifier: MIT */
/* mcf_cs: minimum-cost flow by cost scaling (engine layer), the second
 * solver behind mcf.h (mcf_set_solver()); it sees plain arrays, never a
 * struct mcf. Pure computation.
 *
 * Design note. Goldberg's cost-scaling push-relabel method. Costs are
 * multiplied by S = N + 1 (N nodes, the root below included), so that a
 * flow that is 1-optimal in scaled units (every residual arc has reduced
 * cost c(e) + pi(tail) - pi(head) >= -1) is optimal: a cycle has at most
 * N arcs, so its true cost is > -1, hence >= 0. eps starts at the largest
 * scaled real cost and is divided by ALPHA (16, as in LEMON) down to 1;
 * each phase (refine) saturates the residual arcs whose reduced cost is
 * below -eps, then takes the nodes with excess in FIFO order and does
 * partial augment-relabel from each (Goldberg's; LEMON's default): walk
 * admissible arcs (reduced cost < 0) from each node's current arc,
 * relabelling a node without one (pi(u) = max over residual arcs, and
 * the arc back along the path, of pi(v) - c - eps) and stepping back,
 * until the path has 4 arcs, meets a deficit or closes a cycle; then
 * push along it. Loops are left out (their best flow is their own).
 * Global price updates, run at the start of each phase and after every
 * N relabels, set each price to the eps-distance to the nearest deficit
 * by a bucket-based Dijkstra on the residual graph (arc length
 * floor(rc / eps) + 1), stopping as soon as every node with excess has
 * been reached; nodes not reached drop by the rank where it stopped,
 * which keeps the flow eps-optimal. Infeasibility: an artificial root
 * with an arc from every supply node and to every demand node at cost
 * ART = (max |cost| + 1) x (nodes + 1), uncapacitated in effect (the
 * total supply), makes every balanced problem feasible; the original is
 * infeasible exactly when a root arc keeps flow at the optimum (the
 * network simplex's argument), or when the supplies do not sum to zero.
 * Bounds: prices fall by at most about 3 N eps per phase, so everything
 * stays below 2^62 when (max |cost| + 1) x (N + 1)^2 x 8 fits in 63 bits
 * and the capacities and supplies sum within 63 bits; otherwise
 * ERR_TOOBIG before any work (mcf.h then falls back or reports it), and
 * prices are checked as they fall. References: Goldberg, "An efficient
 * implementation of a scaling minimum-cost flow algorithm" (1997);
 * Kiraly, Kovacs, "Efficient implementations of minimum-cost flow
 * algorithms" (2012), whose LEMON CostScaling we measure against. */
#ifndef MUTASI_MCF_CS_H
#define MUTASI_MCF_CS_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"

/* A problem as plain arrays, all borrowed for the call: arc e runs from
 * 'tail'[e] to 'head'[e] with flow in ['low'[e], 'cap'[e]] at 'cost'[e];
 * node u has 'supply'[u] (negative: demand). */
struct mcf_cs_net {
    int n_nodes;
    int n_arcs;
    const int *tail;
    const int *head;
    const int64_t *low;
    const int64_t *cap;
    const int64_t *cost;
    const int64_t *supply;
};

/* The answer: 'flow' (n_arcs) and 'pi' (n_nodes, may be NULL) are the
 * caller's arrays, written when 'feasible'. 'pi' holds the prices in
 * units of cost x 'scale': every arc with flow below its capacity has
 * cost x scale + pi[tail] - pi[head] >= -1, every arc above its lower
 * bound <= 1, and 'scale' exceeds the node count (the certificate). */
struct mcf_cs_result {
    int64_t *flow;
    int64_t *pi;
    bool feasible;
    int64_t scale;
};

/* Solve 'net' into 'out'. ERR_TOOBIG when the numbers are beyond the
 * bounds of the design note (nothing solved). */
MUST_USE enum err mcf_cs_solve(const struct mcf_cs_net *net,
                               struct mcf_cs_result *out);

#endif
