/* SPDX-License-Identifier: MIT */
/* Unit tests of the cost-scaling solver (mcf_cs): thousands of random
 * instances of several shapes (general, transport, with lower bounds,
 * negative costs, loops, parallel and zero-capacity arcs, infeasible
 * ones), each solved by cost scaling, by the network simplex and by
 * GLPK's out-of-kilter algorithm; the verdicts and optimal costs must
 * agree, and the flow of cost scaling must be feasible and carry its own
 * certificate of optimality (its prices). Counters make sure every kind
 * of instance was met, so the test cannot pass on an empty sample. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "glpk_ref.c" /* GLPK, the independent reference solver. */
#include <cmocka.h>

#include "mcf.h"
#include "mcf_cs.h"
#include "rng.h"

#define MAX_NODES 40
#define MAX_ARCS  160

struct inst {
    int n;
    int m;
    int tail[MAX_ARCS];
    int head[MAX_ARCS];
    int64_t low[MAX_ARCS];
    int64_t cap[MAX_ARCS];
    int64_t cost[MAX_ARCS];
    int64_t supply[MAX_NODES];
    bool has_loop;
    bool transport;
};

/* GLPK's verdict on 'p' (0 or GLP_ENOPFS) and its cost. */
static int
glpk_solve(const struct inst *p, double *cost)
{
    glp_graph *g = glpk_ref_new(p->n);
    for (int i = 0; i < p->n; i++) {
        glpk_ref_supply(g, i, p->supply[i]);
    }
    for (int e = 0; e < p->m; e++) {
        glpk_ref_arc(g, p->tail[e], p->head[e], p->low[e], p->cap[e],
                     p->cost[e]);
    }
    return glpk_ref_solve(g, cost);
}

static void
add_arc(struct inst *p, int tail, int head, const int64_t lcc[3])
{
    int e = p->m++;
    p->tail[e] = tail;
    p->head[e] = head;
    p->low[e] = lcc[0];
    p->cap[e] = lcc[1];
    p->cost[e] = lcc[2];
    p->has_loop = p->has_loop || tail == head;
}

/* Capacity, lower bound and cost of a random arc. */
static void
random_lcc(struct rng *r, int64_t lcc[3])
{
    lcc[1] = rng_chance(r, 100) ? 0 : rng_range(r, 1, 25);
    lcc[0] = rng_chance(r, 200) ? rng_range(r, 0, lcc[1]) : 0;
    lcc[2] = rng_chance(r, 250) ? rng_range(r, -12, -1) : rng_range(r, 0, 30);
}

/* Any arcs between any nodes, a few loops, parallel arcs by chance. */
static void
general_shape(struct rng *r, struct inst *p)
{
    p->n = (int)rng_range(r, 1, MAX_NODES);
    int m = (int)rng_range(r, 0, p->n < 2 ? 0 : MAX_ARCS - 10);
    for (int e = 0; e < m; e++) {
        int tail = (int)rng_range(r, 0, p->n - 1);
        int head = (int)rng_range(r, 0, p->n - 1);
        int64_t lcc[3];
        random_lcc(r, lcc);
        if (tail == head && !rng_chance(r, 50)) {
            head = (head + 1) % p->n;
        }
        add_arc(p, tail, head, lcc);
    }
    for (int k = (int)rng_range(r, 0, 8); k > 0; k--) {
        int64_t a = rng_range(r, 1, 20);
        p->supply[rng_range(r, 0, p->n - 1)] += a;
        p->supply[rng_range(r, 0, p->n - 1)] -= a;
    }
}

/* Sources to sinks, several arcs per pair at times, balanced supplies. */
static void
transport_shape(struct rng *r, struct inst *p)
{
    int half = (int)rng_range(r, 1, MAX_NODES / 2);
    int m = (int)rng_range(r, half, MAX_ARCS - 10);
    p->n = 2 * half;
    p->transport = true;
    for (int e = 0; e < m && p->m < MAX_ARCS - 1; e++) {
        int s = (int)rng_range(r, 0, half - 1);
        int t = half + (int)rng_range(r, 0, half - 1);
        int64_t lcc[3];
        random_lcc(r, lcc);
        add_arc(p, s, t, lcc);
        if (rng_chance(r, 100)) { /* A parallel arc. */
            random_lcc(r, lcc);
            add_arc(p, s, t, lcc);
        }
    }
    int64_t total = 0;
    for (int s = 0; s < half; s++) {
        p->supply[s] = rng_range(r, 0, 30);
        total += p->supply[s];
    }
    for (int t = 0; t < half; t++) {
        int64_t d = total / half + (t < total % half ? 1 : 0);
        p->supply[half + t] = -d;
    }
}

static void
random_inst(struct rng *r, struct inst *p)
{
    *p = (struct inst){0};
    if (rng_chance(r, 400)) {
        transport_shape(r, p);
    } else {
        general_shape(r, p);
    }
    if (rng_chance(r, 40)) {
        p->supply[rng_range(r, 0, p->n - 1)] += 1; /* Unbalanced. */
    }
}

/* The network simplex's verdict and cost on 'p'. */
static enum mcf_status
ns_solve(const struct inst *p, int64_t *cost)
{
    struct mcf *m = mcf_create(p->n);
    enum mcf_status st = MCF_INFEASIBLE;
    int a = 0;
    for (int i = 0; i < p->n; i++) {
        mcf_add_supply(m, i, p->supply[i]);
    }
    for (int e = 0; e < p->m; e++) {
        assert_int_equal(mcf_add_arc(m, p->tail[e], p->head[e], p->low[e],
                                     p->cap[e], p->cost[e], &a),
                         ERR_OK);
    }
    assert_int_equal(mcf_solve(m, &st, cost), ERR_OK);
    mcf_destroy(m);
    return st;
}

/* The flow 'f' meets the bounds and conservation, and the prices 'pi'
 * prove it optimal (mcf_cs.h); returns its cost. */
static int64_t
check_flow(const struct inst *p, const int64_t *f, const int64_t *pi,
           int64_t scale)
{
    int64_t balance[MAX_NODES] = {0};
    int64_t cost = 0;
    assert_true(scale > p->n);
    for (int e = 0; e < p->m; e++) {
        assert_true(f[e] >= p->low[e] && f[e] <= p->cap[e]);
        balance[p->tail[e]] += f[e];
        balance[p->head[e]] -= f[e];
        cost += f[e] * p->cost[e];
        int64_t rc = p->cost[e] * scale + pi[p->tail[e]] - pi[p->head[e]];
        if (f[e] < p->cap[e]) {
            assert_true(rc >= -1);
        }
        if (f[e] > p->low[e]) {
            assert_true(rc <= 1);
        }
    }
    for (int i = 0; i < p->n; i++) {
        assert_int_equal(balance[i], p->supply[i]);
    }
    return cost;
}

struct tally {
    int infeasible;
    int optimal;
    int lower;
    int negative;
    int loops;
    int transport;
};

static void
count(const struct inst *p, bool feasible, struct tally *t)
{
    bool lower = false;
    bool negative = false;
    for (int e = 0; e < p->m; e++) {
        lower = lower || p->low[e] > 0;
        negative = negative || p->cost[e] < 0;
    }
    t->infeasible += !feasible;
    t->optimal += feasible;
    t->lower += feasible && lower;
    t->negative += feasible && negative;
    t->loops += p->has_loop;
    t->transport += p->transport;
}

static void
test_mcf_cs_agrees_with_simplex_and_glpk(void **state)
{
    struct inst p;
    struct rng r;
    struct tally t = {0};
    (void)state;
    rng_init(&r, 2026, 22);
    for (int k = 0; k < 10000; k++) {
        random_inst(&r, &p);
        int64_t flow[MAX_ARCS];
        int64_t pi[MAX_NODES];
        struct mcf_cs_net net = {p.n,   p.m,   p.tail, p.head,
                                 p.low, p.cap, p.cost, p.supply};
        struct mcf_cs_result res = {flow, pi, false, 0};
        assert_int_equal(mcf_cs_solve(&net, &res), ERR_OK);
        int64_t ns_cost = 0;
        enum mcf_status ns = ns_solve(&p, &ns_cost);
        assert_int_equal(res.feasible, ns == MCF_OPTIMAL);
        if (res.feasible) {
            assert_int_equal(check_flow(&p, flow, pi, res.scale), ns_cost);
        }
        if (!p.has_loop) { /* GLPK's graphs have no loops. */
            double glpk_cost = 0;
            int ret = glpk_solve(&p, &glpk_cost);
            assert_int_equal(ret == 0, res.feasible);
            assert_true(ret == 0 || ret == GLP_ENOPFS);
            if (ret == 0) {
                assert_int_equal(ns_cost, (int64_t)glpk_cost);
            }
        }
        count(&p, res.feasible, &t);
    }
    print_message("%d optimal (%d with lower bounds, %d with negative "
                  "costs), %d infeasible, %d with loops, %d transport\n",
                  t.optimal, t.lower, t.negative, t.infeasible, t.loops,
                  t.transport);
    assert_true(t.infeasible > 1500);
    assert_true(t.optimal > 1500);
    assert_true(t.lower > 1000);
    assert_true(t.negative > 1000);
    assert_true(t.loops > 500);
    assert_true(t.transport > 3000);
}

/* A layered network: 'layers' layers of 'width' nodes, each node joined
 * to random nodes of the next layer, supply in the first layer and
 * demand in the last, so that every path is far longer than the partial
 * augmentation's bound (MAX_PATH, 4 arcs). 'cost_range' 0 makes every
 * arc cost 0 (all flows tie); a loop with cost 'loop_cost' hangs on the
 * first node. Solved by both methods: same verdict and cost, and the
 * flow of cost scaling is feasible and costs what it reports. Returns
 * whether it was feasible. */
static bool
layered(struct rng *r, int layers, int width, int64_t cost_range,
        int64_t loop_cost)
{
    int n = layers * width;
    struct mcf *m[2] = {mcf_create(n), mcf_create(n)};
    enum mcf_solver solvers[2] = {MCF_SOLVER_NS, MCF_SOLVER_CS};
    int tail[4096];
    int head[4096];
    int64_t low[4096];
    int64_t cap[4096];
    int64_t cost[4096];
    int64_t supply[4096] = {0};
    int n_arcs = 0;
    int x = 0;
    for (int l = 0; l + 1 < layers; l++) {
        for (int i = 0; i < width; i++) {
            for (int k = 0; k < 3 && n_arcs < 4000; k++, n_arcs++) {
                tail[n_arcs] = l * width + i;
                head[n_arcs] =
                    (l + 1) * width + (int)rng_range(r, 0, width - 1);
                cap[n_arcs] = rng_range(r, 1, 40);
                low[n_arcs] = rng_chance(r, 20) ? rng_range(r, 0, 2) : 0;
                cap[n_arcs] += low[n_arcs];
                cost[n_arcs] = cost_range ? rng_range(r, -3, cost_range) : 0;
            }
        }
    }
    tail[n_arcs] = head[n_arcs] = 0;
    low[n_arcs] = 1;
    cap[n_arcs] = 7;
    cost[n_arcs++] = loop_cost;
    for (int i = 0; i < width; i++) {
        int64_t s = rng_range(r, 0, 12);
        supply[i] += s;
        supply[(layers - 1) * width + (int)rng_range(r, 0, width - 1)] -= s;
    }
    int64_t c[2] = {0, 0};
    enum mcf_status st[2] = {MCF_INFEASIBLE, MCF_OPTIMAL};
    for (int k = 0; k < 2; k++) {
        for (int e = 0; e < n_arcs; e++) {
            assert_int_equal(mcf_add_arc(m[k], tail[e], head[e], low[e], cap[e],
                                         cost[e], &x),
                             ERR_OK);
        }
        for (int u = 0; u < n; u++) {
            mcf_add_supply(m[k], u, supply[u]);
        }
        mcf_set_solver(m[k], solvers[k]);
        assert_int_equal(mcf_solve(m[k], &st[k], &c[k]), ERR_OK);
    }
    assert_int_equal(st[0], st[1]);
    if (st[1] == MCF_OPTIMAL) {
        int64_t net[4096] = {0};
        int64_t total = 0;
        assert_int_equal(c[0], c[1]);
        for (int e = 0; e < n_arcs; e++) {
            int64_t f = mcf_flow(m[1], e);
            assert_true(f >= low[e] && f <= cap[e]);
            net[tail[e]] -= f;
            net[head[e]] += f;
            total += f * cost[e];
        }
        for (int u = 0; u < n; u++) {
            assert_int_equal(net[u] + supply[u], 0);
        }
        assert_int_equal(total, c[1]);
        /* A loop is best full when it pays, else at its lower bound. */
        assert_int_equal(mcf_flow(m[1], n_arcs - 1), loop_cost < 0 ? 7 : 1);
    }
    mcf_destroy(m[0]);
    mcf_destroy(m[1]);
    return st[1] == MCF_OPTIMAL;
}

/* Paths longer than the augmentation's bound, zero-cost ties, loops. */
static void
test_mcf_cs_long_paths_ties_and_loops(void **state)
{
    struct rng r;
    int optimal = 0;
    int ties = 0;
    int paying_loops = 0;
    (void)state;
    rng_init(&r, 31, 4);
    for (int k = 0; k < 300; k++) {
        int layers = (int)rng_range(&r, 6, 60);
        int width = (int)rng_range(&r, 1, 20);
        if (layers * width * 3 >= 4000) {
            width = 4000 / (3 * layers);
        }
        int64_t loop_cost = rng_range(&r, -5, 5);
        if (layered(&r, layers, width, k % 3 == 0 ? 0 : 50, loop_cost)) {
            optimal++;
            ties += k % 3 == 0;
            paying_loops += loop_cost < 0;
        }
    }
    print_message("%d of 300 feasible, %d with every cost 0, %d with a "
                  "paying loop\n",
                  optimal, ties, paying_loops);
    assert_true(optimal > 60 && optimal < 240); /* Infeasible ones too. */
    assert_true(ties > 30);
    assert_true(paying_loops > 30);
}

/* The planner's magnitudes: costs near 1e9 a unit, flows near 1e6. */
static void
test_mcf_cs_large_numbers(void **state)
{
    struct rng r;
    (void)state;
    rng_init(&r, 7, 1);
    for (int k = 0; k < 20; k++) {
        struct mcf *a = mcf_create(300);
        struct mcf *b = mcf_create(300);
        int x = 0;
        for (int e = 0; e < 3000; e++) {
            int tail = (int)rng_range(&r, 0, 299);
            int head = (int)rng_range(&r, 0, 299);
            int64_t cap = rng_range(&r, 0, 1000000);
            int64_t cost = rng_range(&r, -1000000000, 1000000000);
            assert_int_equal(mcf_add_arc(a, tail, head, 0, cap, cost, &x),
                             ERR_OK);
            assert_int_equal(mcf_add_arc(b, tail, head, 0, cap, cost, &x),
                             ERR_OK);
        }
        for (int u = 0; u < 150; u++) {
            mcf_add_supply(a, u, 20000);
            mcf_add_supply(b, u, 20000);
            mcf_add_supply(a, 150 + u, -20000);
            mcf_add_supply(b, 150 + u, -20000);
        }
        mcf_set_solver(b, MCF_SOLVER_CS);
        enum mcf_status sa = MCF_OPTIMAL;
        enum mcf_status sb = MCF_INFEASIBLE;
        int64_t ca = 0;
        int64_t cb = 1;
        assert_int_equal(mcf_solve(a, &sa, &ca), ERR_OK);
        assert_int_equal(mcf_solve(b, &sb, &cb), ERR_OK);
        assert_int_equal(sa, sb);
        if (sa == MCF_OPTIMAL) {
            assert_int_equal(ca, cb);
            assert_true(ca < -1000000000LL * 1000); /* 64 bits needed. */
        }
        mcf_destroy(a);
        mcf_destroy(b);
    }
}

/* Past its bounds cost scaling refuses; the network simplex solves. */
static void
test_mcf_cs_refuses_numbers_past_its_bounds(void **state)
{
    enum mcf_solver solvers[] = {MCF_SOLVER_CS, MCF_SOLVER_NS};
    (void)state;
    for (int k = 0; k < 2; k++) {
        struct mcf *m = mcf_create(2);
        enum mcf_status st = MCF_INFEASIBLE;
        int64_t cost = 0;
        int a = 0;
        mcf_add_supply(m, 0, 2);
        mcf_add_supply(m, 1, -2);
        assert_int_equal(mcf_add_arc(m, 0, 1, 0, 5, INT64_MAX / 64, &a),
                         ERR_OK);
        mcf_set_solver(m, solvers[k]);
        if (k == 0) {
            assert_int_equal(mcf_solve(m, &st, &cost), ERR_TOOBIG);
        } else {
            assert_int_equal(mcf_solve(m, &st, &cost), ERR_OK);
            assert_int_equal(st, MCF_OPTIMAL);
            assert_int_equal(cost, INT64_MAX / 64 * 2);
        }
        mcf_destroy(m);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mcf_cs_agrees_with_simplex_and_glpk),
        cmocka_unit_test(test_mcf_cs_long_paths_ties_and_loops),
        cmocka_unit_test(test_mcf_cs_large_numbers),
        cmocka_unit_test(test_mcf_cs_refuses_numbers_past_its_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
