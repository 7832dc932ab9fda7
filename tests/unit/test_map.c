/* SPDX-License-Identifier: MIT */
/* Unit tests of map: adding, finding and overwriting keys, the map's own
 * key copies, growth to many keys and the walk over every entry. */
#include "map.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define MANY_KEYS 100000

/* Write the key of item 'i' into 'out'. */
static void
key_of(size_t i, char *out, size_t out_len)
{
    snprintf(out, out_len, "unit-%zu", i);
}

static void
test_map_empty_finds_nothing(void **state)
{
    struct map m;
    void *v = &m;
    (void)state;
    map_init(&m);
    assert_false(map_find(&m, "x", &v));
    assert_ptr_equal(v, &m);
    assert_false(map_find(&m, "", NULL));
    assert_null(map_key(&m, "x"));
    assert_int_equal(m.n_items, 0);
    map_cleanup(&m);
}

static void
test_map_cleanup_accepts_null_and_empty(void **state)
{
    struct map m;
    (void)state;
    map_cleanup(NULL);
    map_init(&m);
    map_cleanup(&m);
    map_cleanup(&m);
    assert_int_equal(m.n_items, 0);
}

static void
test_map_put_then_find(void **state)
{
    struct map m;
    int a = 1;
    int b = 2;
    void *v = NULL;
    (void)state;
    map_init(&m);
    assert_true(map_put(&m, "alpha", &a));
    assert_true(map_put(&m, "beta", &b));
    assert_true(map_find(&m, "alpha", &v));
    assert_ptr_equal(v, &a);
    assert_true(map_find(&m, "beta", &v));
    assert_ptr_equal(v, &b);
    assert_true(map_find(&m, "beta", NULL));
    assert_false(map_find(&m, "gamma", &v));
    assert_false(map_find(&m, "alph", &v));
    assert_int_equal(m.n_items, 2);
    map_cleanup(&m);
}

static void
test_map_empty_string_is_a_key(void **state)
{
    struct map m;
    int a = 1;
    void *v = NULL;
    (void)state;
    map_init(&m);
    assert_true(map_put(&m, "", &a));
    assert_true(map_find(&m, "", &v));
    assert_ptr_equal(v, &a);
    assert_string_equal(map_key(&m, ""), "");
    map_cleanup(&m);
}

static void
test_map_null_value_is_found(void **state)
{
    struct map m;
    void *v = &m;
    (void)state;
    map_init(&m);
    assert_true(map_put(&m, "k", NULL));
    assert_true(map_find(&m, "k", &v));
    assert_null(v);
    map_cleanup(&m);
}

static void
test_map_put_existing_key_overwrites_and_returns_false(void **state)
{
    struct map m;
    int a = 1;
    int b = 2;
    void *v = NULL;
    (void)state;
    map_init(&m);
    assert_true(map_put(&m, "k", &a));
    assert_false(map_put(&m, "k", &b));
    assert_int_equal(m.n_items, 1);
    assert_true(map_find(&m, "k", &v));
    assert_ptr_equal(v, &b);
    map_cleanup(&m);
}

static void
test_map_copies_the_key(void **state)
{
    struct map m;
    char key[16] = "kode-1";
    int a = 1;
    (void)state;
    map_init(&m);
    assert_true(map_put(&m, key, &a));
    const char *own = map_key(&m, "kode-1");
    assert_non_null(own);
    assert_ptr_not_equal(own, key);
    /* Changing the caller's buffer leaves the map's key alone. */
    key[0] = 'X';
    assert_true(map_find(&m, "kode-1", NULL));
    assert_false(map_find(&m, key, NULL));
    assert_string_equal(own, "kode-1");
    /* The same copy is returned while the map lives. */
    assert_ptr_equal(map_key(&m, "kode-1"), own);
    assert_null(map_key(&m, "kode-2"));
    map_cleanup(&m);
}

static void
test_map_many_keys_survive_growth(void **state)
{
    struct map m;
    char key[32];
    void *v = NULL;
    (void)state;
    map_init(&m);
    for (size_t i = 0; i < MANY_KEYS; i++) {
        key_of(i, key, sizeof(key));
        assert_true(map_put(&m, key, (void *)(uintptr_t)(i + 1)));
    }
    assert_int_equal(m.n_items, MANY_KEYS);
    assert_true(m.cap >= 2 * m.n_items);
    assert_int_equal(m.cap & (m.cap - 1), 0);
    for (size_t i = 0; i < MANY_KEYS; i++) {
        key_of(i, key, sizeof(key));
        assert_true(map_find(&m, key, &v));
        assert_int_equal((uintptr_t)v, i + 1);
        assert_string_equal(map_key(&m, key), key);
    }
    for (size_t i = MANY_KEYS; i < MANY_KEYS + 1000; i++) {
        key_of(i, key, sizeof(key));
        assert_false(map_find(&m, key, &v));
    }
    /* Overwriting after growth keeps the count. */
    assert_false(map_put(&m, "unit-0", NULL));
    assert_int_equal(m.n_items, MANY_KEYS);
    map_cleanup(&m);
}

struct visit {
    unsigned char *seen; /* One flag per key index. */
    size_t n_calls;      /* Calls of the callback. */
    bool bad;            /* A key and value did not match. */
};

static void
visit_entry(void *ctx, const char *key, void *value)
{
    struct visit *vis = ctx;
    size_t i = (uintptr_t)value - 1;
    char want[32];
    vis->n_calls++;
    key_of(i, want, sizeof(want));
    if (i >= MANY_KEYS || strcmp(key, want) != 0 || vis->seen[i]) {
        vis->bad = true;
        return;
    }
    vis->seen[i] = 1;
}

static void
test_map_each_visits_every_key_once(void **state)
{
    struct map m;
    char key[32];
    struct visit vis = {calloc(MANY_KEYS, 1), 0, false};
    (void)state;
    assert_non_null(vis.seen);
    map_init(&m);
    for (size_t i = 0; i < MANY_KEYS; i++) {
        key_of(i, key, sizeof(key));
        assert_true(map_put(&m, key, (void *)(uintptr_t)(i + 1)));
    }
    map_each(&m, visit_entry, &vis);
    assert_false(vis.bad);
    assert_int_equal(vis.n_calls, MANY_KEYS);
    for (size_t i = 0; i < MANY_KEYS; i++) {
        assert_int_equal(vis.seen[i], 1);
    }
    map_cleanup(&m);
    free(vis.seen);
}

static void
count_entry(void *ctx, const char *key, void *value)
{
    size_t *n = ctx;
    (void)key;
    (void)value;
    (*n)++;
}

static void
test_map_each_on_empty_map_calls_nothing(void **state)
{
    struct map m;
    size_t n = 0;
    (void)state;
    map_init(&m);
    map_each(&m, count_entry, &n);
    assert_int_equal(n, 0);
    map_cleanup(&m);
}

static bool
drop_odd(void *ctx, void *value)
{
    size_t *dropped = ctx;
    bool odd = (uintptr_t)value % 2 == 1;
    *dropped += odd ? 1 : 0;
    return odd;
}

/* A long-lived map (the server's login throttle) sheds stale keys. */
static void
test_map_prune_keeps_the_rest(void **state)
{
    struct map m;
    char key[16];
    size_t dropped = 0;
    (void)state;
    map_init(&m);
    for (uintptr_t i = 1; i <= 1000; i++) {
        snprintf(key, sizeof(key), "k%u", (unsigned)i);
        map_put(&m, key, (void *)i);
    }
    map_prune(&m, drop_odd, &dropped);
    assert_int_equal(dropped, 500);
    assert_int_equal(m.n_items, 500);
    for (uintptr_t i = 1; i <= 1000; i++) {
        void *v = NULL;
        snprintf(key, sizeof(key), "k%u", (unsigned)i);
        assert_int_equal(map_find(&m, key, &v), i % 2 == 0);
        if (i % 2 == 0) {
            assert_true((uintptr_t)v == i);
        }
    }
    map_cleanup(&m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_empty_finds_nothing),
        cmocka_unit_test(test_map_cleanup_accepts_null_and_empty),
        cmocka_unit_test(test_map_put_then_find),
        cmocka_unit_test(test_map_empty_string_is_a_key),
        cmocka_unit_test(test_map_null_value_is_found),
        cmocka_unit_test(
            test_map_put_existing_key_overwrites_and_returns_false),
        cmocka_unit_test(test_map_copies_the_key),
        cmocka_unit_test(test_map_many_keys_survive_growth),
        cmocka_unit_test(test_map_each_visits_every_key_once),
        cmocka_unit_test(test_map_each_on_empty_map_calls_nothing),
        cmocka_unit_test(test_map_prune_keeps_the_rest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
