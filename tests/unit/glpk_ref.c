/* SPDX-License-Identifier: MIT */
/* The reference solver of the min-cost-flow suites (test_mcf.c,
 * test_mcf_cs.c, test_plan.c): a network handed to GLPK's out-of-kilter
 * algorithm, so that our solvers are checked against an independent one.
 * Nodes are numbered from 0 here (GLPK counts from 1).
 *
 * Like plan_fixture.c, each suite includes this file once as part of its
 * own translation unit; its functions are static inline so that a suite
 * that uses only some of them compiles without unused warnings. */
#include <glpk.h>
#include <stddef.h>
#include <stdint.h>

struct glpk_ref_v {
    double rhs;
};

struct glpk_ref_a {
    double low;
    double cap;
    double cost;
};

/* A network of 'n' nodes without arcs or supplies; GLPK's terminal output
 * is switched off. */
static inline glp_graph *
glpk_ref_new(int n)
{
    glp_term_out(GLP_OFF);
    glp_graph *g =
        glp_create_graph(sizeof(struct glpk_ref_v), sizeof(struct glpk_ref_a));
    if (n > 0) {
        glp_add_vertices(g, n);
    }
    return g;
}

/* Node 'v' supplies 's' units (demands -s when negative). */
static inline void
glpk_ref_supply(glp_graph *g, int v, int64_t s)
{
    ((struct glpk_ref_v *)g->v[v + 1]->data)->rhs = (double)s;
}

static inline void
glpk_ref_arc(glp_graph *g, int tail, int head, int64_t low, int64_t cap,
             int64_t cost)
{
    glp_arc *a = glp_add_arc(g, tail + 1, head + 1);
    struct glpk_ref_a *d = a->data;
    d->low = (double)low;
    d->cap = (double)cap;
    d->cost = (double)cost;
}

/* Solve and free 'g'. Returns GLPK's verdict (0: optimal, GLP_ENOPFS: no
 * feasible flow) and the optimum's cost in '*cost'. */
static inline int
glpk_ref_solve(glp_graph *g, double *cost)
{
    int ret = glp_mincost_okalg(
        g, offsetof(struct glpk_ref_v, rhs), offsetof(struct glpk_ref_a, low),
        offsetof(struct glpk_ref_a, cap), offsetof(struct glpk_ref_a, cost),
        cost, -1, -1);
    glp_delete_graph(g);
    return ret;
}
