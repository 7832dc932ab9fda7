/* SPDX-License-Identifier: MIT */
/* mcf: minimum-cost flow by the primal network simplex method (engine
 * layer), the solver under the planner. Integer supplies, lower bounds,
 * capacities and costs (negative costs allowed); pure computation.
 *
 * Design note. The method keeps a strongly feasible spanning tree rooted
 * at an artificial node joined to every node by an artificial arc of cost
 * ART = (max |cost| + 1) x (nodes + 1), so that any solution using one
 * costs more than every real one: the problem is infeasible exactly when
 * an artificial arc keeps flow at the optimum. The tree is stored as
 * parent/pred/thread/rev_thread/succ_num/last_succ arrays (the
 * "augmented thread index"), so that a pivot touches only the changed
 * subtree. Entering arcs are chosen by block search (blocks of about the
 * square root of the arcs, the most negative reduced cost of a block) over
 * the real arcs only, stored in a mixed order so that a block sees arcs
 * of many nodes (this alone made it three times faster on transport
 * problems); first, the cheapest arc into each demand node is pivoted in;
 * the leaving arc is the last blocking arc along the cycle in its
 * orientation, which keeps the tree strongly feasible and prevents
 * cycling. Invariants: tree arcs have zero reduced cost
 * c(e) + pi(tail) - pi(head); non-tree arcs sit at 0 or at capacity.
 * Speed without changing a single pivot (mcf_trail(), pinned by the
 * tests): the potential update walks the thread from both ends at once,
 * over the complement of the subtree when that is smaller (potentials are
 * then relative to the root's, kept within ART); the cycle's paths are
 * found once and read back; tree arcs' flows and capacities are kept by
 * node, in arrays far smaller than the arcs'.
 * References: Ahuja, Magnanti, Orlin, "Network Flows" (1993), ch. 11;
 * Kiraly, Kovacs, "Efficient implementations of minimum-cost flow
 * algorithms" (2012), whose LEMON library we measure against. */
#ifndef MUTASI_MCF_H
#define MUTASI_MCF_H

#include <stdint.h>

#include "err.h"

struct mcf;

enum mcf_status { MCF_OPTIMAL, MCF_INFEASIBLE };

/* Which method mcf_solve() runs: the network simplex (the default), cost
 * scaling (mcf_cs.h), or AUTO: cost scaling from MCF_AUTO_MIN_ARCS arcs
 * on, where bench/mcf measured it faster, and the network simplex below
 * that or when the numbers pass cost scaling's bounds. */
enum mcf_solver { MCF_SOLVER_NS, MCF_SOLVER_CS, MCF_SOLVER_AUTO };

#define MCF_AUTO_MIN_ARCS 1500000

/* A new problem on nodes 0 .. 'n_nodes' - 1 with no arcs; free it with
 * mcf_destroy(). */
struct mcf *mcf_create(int n_nodes);
/* Free 'm'; accepts NULL. */
void mcf_destroy(struct mcf *m);
/* Add an arc from 'tail' to 'head' with flow in ['low', 'cap'] at 'cost'
 * per unit; returns its number (0, 1, ...). ERR_INVAL when a node is out
 * of range or 'low' > 'cap'; ERR_TOOBIG past 2^31 arcs. */
MUST_USE enum err mcf_add_arc(struct mcf *m, int tail, int head, int64_t low,
                              int64_t cap, int64_t cost, int *out);
/* Add 'supply' to node 'node' (negative: demand). */
void mcf_add_supply(struct mcf *m, int node, int64_t supply);
/* Choose the method of mcf_solve() for 'm'. */
void mcf_set_solver(struct mcf *m, enum mcf_solver solver);
/* Solve. '*status' tells whether a feasible flow exists; when it does,
 * '*cost' is the optimal total cost. ERR_TOOBIG when numbers would pass
 * 64 bits (with MCF_SOLVER_CS: past cost scaling's bounds). Call it once per
 * 'm', whatever it returns: solving rearranges the arcs and supplies in place
 * (asserted). */
MUST_USE enum err mcf_solve(struct mcf *m, enum mcf_status *status,
                            int64_t *cost);
/* Number of nodes of 'm'. */
int mcf_n_nodes(const struct mcf *m);
/* A digest of the network simplex's pivots on 'm' (entering arc, leaving
 * node, amount of each, in order): tests pin it so that a change of the
 * solver that alters the sequence of pivots, and so possibly which of
 * equal-cost optima it returns, is seen. Fixed for a given input; not
 * meaningful with cost scaling. */
uint64_t mcf_trail(const struct mcf *m);
/* The flow on arc 'arc' of the optimal solution (after mcf_solve()). */
int64_t mcf_flow(const struct mcf *m, int arc);

#endif
