/* SPDX-License-Identifier: MIT */
/* Unit tests of the min-cost-flow solver: small hand-checked networks,
 * and thousands of random instances (infeasible ones, zero and negative
 * costs, parallel arcs, lower bounds, disconnected parts) checked against
 * GLPK's out-of-kilter algorithm as an independent oracle. GLPK is a
 * test-only dependency. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "glpk_ref.c" /* GLPK, the independent reference solver. */
#include <cmocka.h>

#include "diag.h"
#include "dimacs.h"
#include "mcf.h"
#include "rng.h"

static void
test_mcf_small_network(void **state)
{
    struct mcf *m = mcf_create(4);
    enum mcf_status st = MCF_INFEASIBLE;
    int64_t cost = 0;
    int a = 0;
    (void)state;
    mcf_add_supply(m, 0, 4);
    mcf_add_supply(m, 3, -4);
    assert_int_equal(mcf_add_arc(m, 0, 1, 0, 4, 2, &a), ERR_OK);
    assert_int_equal(mcf_add_arc(m, 0, 2, 0, 2, 2, &a), ERR_OK);
    assert_int_equal(mcf_add_arc(m, 1, 2, 0, 2, 1, &a), ERR_OK);
    assert_int_equal(mcf_add_arc(m, 1, 3, 0, 3, 3, &a), ERR_OK);
    assert_int_equal(mcf_add_arc(m, 2, 3, 0, 5, 1, &a), ERR_OK);
    assert_int_equal(mcf_solve(m, &st, &cost), ERR_OK);
    assert_int_equal(st, MCF_OPTIMAL);
    assert_int_equal(cost, 14); /* 2 x (1-3-4) + 2 x (1-2-3-4). */
    assert_int_equal(mcf_flow(m, 4), 4);
    mcf_destroy(m);
}

static void
test_mcf_negative_cycle_and_lower_bound(void **state)
{
    struct mcf *m = mcf_create(3);
    enum mcf_status st = MCF_INFEASIBLE;
    int64_t cost = 0;
    int a = 0;
    (void)state;
    /* A negative cycle of capacity 2 with no supplies: it is used full. */
    assert_int_equal(mcf_add_arc(m, 0, 1, 0, 2, -5, &a), ERR_OK);
    assert_int_equal(mcf_add_arc(m, 1, 2, 0, 3, 1, &a), ERR_OK);
    assert_int_equal(mcf_add_arc(m, 2, 0, 1, 4, 1, &a), ERR_OK);
    assert_int_equal(mcf_solve(m, &st, &cost), ERR_OK);
    assert_int_equal(st, MCF_OPTIMAL);
    assert_int_equal(cost, -6);
    assert_int_equal(mcf_flow(m, 2), 2);
    mcf_destroy(m);
}

static void
test_mcf_infeasible(void **state)
{
    struct mcf *m = mcf_create(2);
    enum mcf_status st = MCF_OPTIMAL;
    int64_t cost = 0;
    int a = 0;
    (void)state;
    mcf_add_supply(m, 0, 3);
    mcf_add_supply(m, 1, -3);
    assert_int_equal(mcf_add_arc(m, 0, 1, 0, 2, 1, &a), ERR_OK);
    assert_int_equal(mcf_solve(m, &st, &cost), ERR_OK);
    assert_int_equal(st, MCF_INFEASIBLE);
    mcf_destroy(m);
}

/* Solve the same random instance with GLPK; returns its verdict. */
static int
glpk_solve(int n, int m, int64_t (*arcs)[5], const int64_t *supply,
           double *cost)
{
    glp_graph *g = glpk_ref_new(n);
    for (int i = 0; i < n; i++) {
        glpk_ref_supply(g, i, supply[i]);
    }
    for (int e = 0; e < m; e++) {
        glpk_ref_arc(g, (int)arcs[e][0], (int)arcs[e][1], arcs[e][2],
                     arcs[e][3], arcs[e][4]);
    }
    return glpk_ref_solve(g, cost);
}

#define MAX_ARCS 80

/* One random instance into 'arcs' and 'supply'; returns the arc count. */
static int
random_instance(struct rng *r, int n, int64_t (*arcs)[5], int64_t *supply)
{
    int m = (int)rng_range(r, 0, n < 2 ? 0 : MAX_ARCS);
    for (int i = 0; i < n; i++) {
        supply[i] = 0;
    }
    for (int e = 0; e < m; e++) {
        int64_t tail = rng_range(r, 0, n - 1);
        int64_t head = rng_range(r, 0, n - 2);
        head += head >= tail; /* No loops: GLPK's graphs have none. */
        int64_t cap = rng_range(r, 0, 20);
        int64_t low = rng_chance(r, 300) ? rng_range(r, 0, cap) : 0;
        int64_t cost =
            rng_chance(r, 250) ? rng_range(r, -10, -1) : rng_range(r, 0, 20);
        int64_t row[5] = {tail, head, low, cap, cost};
        for (int k = 0; k < 5; k++) {
            arcs[e][k] = row[k];
        }
    }
    for (int k = (int)rng_range(r, 0, 6); k > 0; k--) {
        int64_t a = rng_range(r, 1, 15);
        supply[rng_range(r, 0, n - 1)] += a;
        supply[rng_range(r, 0, n - 1)] -= a;
    }
    if (rng_chance(r, 100)) {
        supply[rng_range(r, 0, n - 1)] += 1; /* Unbalanced: infeasible. */
    }
    return m;
}

static void
test_mcf_agrees_with_glpk_on_random_instances(void **state)
{
    int64_t arcs[MAX_ARCS][5];
    int64_t supply[32];
    struct rng r;
    int n_infeasible = 0;
    (void)state;
    rng_init(&r, 2026, 11);
    for (int t = 0; t < 4000; t++) {
        int n = (int)rng_range(&r, 1, 25);
        int m = random_instance(&r, n, arcs, supply);
        double glpk_cost = 0;
        int ret = glpk_solve(n, m, arcs, supply, &glpk_cost);
        struct mcf *p = mcf_create(n);
        enum mcf_status st = MCF_INFEASIBLE;
        int64_t cost = 0;
        int a = 0;
        for (int i = 0; i < n; i++) {
            mcf_add_supply(p, i, supply[i]);
        }
        for (int e = 0; e < m; e++) {
            assert_int_equal(mcf_add_arc(p, (int)arcs[e][0], (int)arcs[e][1],
                                         arcs[e][2], arcs[e][3], arcs[e][4],
                                         &a),
                             ERR_OK);
        }
        assert_int_equal(mcf_solve(p, &st, &cost), ERR_OK);
        if (ret == GLP_ENOPFS) {
            assert_int_equal(st, MCF_INFEASIBLE);
            n_infeasible++;
        } else {
            assert_int_equal(ret, 0);
            assert_int_equal(st, MCF_OPTIMAL);
            assert_int_equal(cost, (int64_t)glpk_cost);
        }
        mcf_destroy(p);
    }
    assert_true(n_infeasible > 100); /* Both verdicts were exercised. */
}

/* A transport-shaped problem like bench/src/gen_transport.c's: 'arcs'
 * arcs from arcs / 20 sources to as many sinks, a backbone arc of cost
 * 5000 per source, the other costs 1 .. 1000; every cost times 'scale'.
 * With 'top' > 0, one more arc of that cost and no capacity. */
static struct mcf *
transport(uint64_t seed, int arcs, int64_t scale, int64_t top)
{
    struct rng r;
    int half = arcs / 20 < 2 ? 2 : arcs / 20;
    struct mcf *m = mcf_create(2 * half);
    int64_t total = 0;
    int a = 0;
    rng_init(&r, seed, 7);
    for (int s = 0; s < half; s++) {
        int64_t supply = rng_range(&r, 1, 50);
        mcf_add_supply(m, s, supply);
        total += supply;
    }
    for (int t = 0; t < half; t++) {
        mcf_add_supply(m, half + t, -(total / half + (t < total % half)));
    }
    for (int s = 0; s < half; s++) {
        assert_int_equal(
            mcf_add_arc(m, s, half + s, 0, total, 5000 * scale, &a), ERR_OK);
    }
    for (int e = half; e < arcs; e++) {
        int s = (int)rng_range(&r, 0, half - 1);
        int t = (int)rng_range(&r, 0, half - 1);
        int64_t cap = rng_range(&r, 1, 100);
        int64_t cost = rng_range(&r, 1, 1000) * scale;
        assert_int_equal(mcf_add_arc(m, s, half + t, 0, cap, cost, &a), ERR_OK);
    }
    if (top > 0) {
        assert_int_equal(mcf_add_arc(m, 0, half, 0, 0, top, &a), ERR_OK);
    }
    return m;
}

static int64_t
solve_ok(struct mcf *m)
{
    enum mcf_status st = MCF_INFEASIBLE;
    int64_t cost = 0;
    assert_int_equal(mcf_solve(m, &st, &cost), ERR_OK);
    assert_int_equal(st, MCF_OPTIMAL);
    return cost;
}

/* The digests of the pivots (mcf_trail()) as the solver made them before
 * its per-pivot speed-ups of December 2026 (block search in runs, the
 * two-ended and complementary potential updates, tree arcs' flows kept by
 * node): those changes, and any later one meant to keep the pivots, must
 * leave every pivot as it was, since ties between equal-cost optima
 * decide the plans. */
static void
test_mcf_pivots_are_pinned(void **state)
{
    static const struct {
        uint64_t seed;
        int arcs;
        int64_t cost;
        uint64_t trail;
    } cases[] = {
        {1, 2000, 238272, UINT64_C(0xd45013b46e31d9f0)},
        {2, 20000, 3025040, UINT64_C(0xe22edf1c4bcc2d3b)},
    };
    int64_t arcs[MAX_ARCS][5];
    int64_t supply[32];
    struct rng r;
    uint64_t all = 0;
    (void)state;
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        struct mcf *m = transport(cases[k].seed, cases[k].arcs, 1, 0);
        assert_int_equal(solve_ok(m), cases[k].cost);
        assert_true(mcf_trail(m) == cases[k].trail);
        mcf_destroy(m);
    }
    /* Small random ones: negative costs, lower bounds, infeasible. */
    rng_init(&r, 2027, 3);
    for (int t = 0; t < 1000; t++) {
        int n = (int)rng_range(&r, 1, 25);
        int m = random_instance(&r, n, arcs, supply);
        struct mcf *p = mcf_create(n);
        enum mcf_status st = MCF_INFEASIBLE;
        int64_t cost = 0;
        int a = 0;
        for (int i = 0; i < n; i++) {
            mcf_add_supply(p, i, supply[i]);
        }
        for (int e = 0; e < m; e++) {
            assert_int_equal(mcf_add_arc(p, (int)arcs[e][0], (int)arcs[e][1],
                                         arcs[e][2], arcs[e][3], arcs[e][4],
                                         &a),
                             ERR_OK);
        }
        assert_int_equal(mcf_solve(p, &st, &cost), ERR_OK);
        all = all * 31 + mcf_trail(p);
        mcf_destroy(p);
    }
    assert_true(all == UINT64_C(0x292c9e741fa92613));
}

/* Costs at the largest the network simplex takes: the artificial cost
 * (max |cost| + 1) x (nodes + 1) exactly INT64_MAX / 8 = 2^60 - 1, with
 * 224 nodes, so that the potentials use most of 64 bits (UBSan checks
 * every sum). The potential update over the complement of a subtree moves
 * the root's potential; here some of those updates (about one in ten when
 * this was written) would take it past ART and shift the subtree instead.
 * The optimum must be the unscaled one times the scale; one more unit of
 * cost is refused. */
static void
test_mcf_largest_costs(void **state)
{
    const int64_t top = ((INT64_C(1) << 60) - 1) / 225 - 1;
    const int64_t scale = top / 5000;
    (void)state;
    struct mcf *m = transport(5, 2240, 1, 0);
    int64_t base = solve_ok(m);
    mcf_destroy(m);
    m = transport(5, 2240, scale, top);
    assert_true(solve_ok(m) == base * scale);
    mcf_destroy(m);
    m = transport(5, 2240, scale, top + 1);
    enum mcf_status st = MCF_INFEASIBLE;
    int64_t cost = 0;
    assert_int_equal(mcf_solve(m, &st, &cost), ERR_TOOBIG);
    mcf_destroy(m);
}

static void
test_dimacs_reports_bad_lines(void **state)
{
    static const char text[] = "c test\np min 2 1\nn 1 3\nn 3 -3\n"
                               "a 1 2 0 x 1\n";
    struct diag d;
    struct mcf *m = NULL;
    (void)state;
    diag_init(&d, DIAG_MAX_DEFAULT);
    assert_int_equal(dimacs_parse(text, sizeof(text) - 1, "f.min", &d, &m),
                     ERR_INVAL);
    assert_int_equal(d.n_errors, 2);
    assert_string_equal(d.lines[0],
                        "f.min:4:2: '3' bukan bilangan bulat yang sah di sini");
    diag_cleanup(&d);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mcf_small_network),
        cmocka_unit_test(test_mcf_negative_cycle_and_lower_bound),
        cmocka_unit_test(test_mcf_infeasible),
        cmocka_unit_test(test_mcf_agrees_with_glpk_on_random_instances),
        cmocka_unit_test(test_mcf_pivots_are_pinned),
        cmocka_unit_test(test_mcf_largest_costs),
        cmocka_unit_test(test_dimacs_reports_bad_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
