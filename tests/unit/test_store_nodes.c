/* SPDX-License-Identifier: MIT */
/* What several servers on one database share (issue 19), on either back
 * end: the login throttle's counts and the leases of long work, with two
 * connections standing for two servers. */
#include <pthread.h>

#include "store_fixture.c"

/* A lease is held by one holder at a time, renewed by its holder, free
 * again when it expires or is given back, and given back only by its
 * holder. */
static void
test_lease_one_holder_at_a_time(void **state)
{
    struct fixture *f = *state;
    struct store *other = NULL;
    assert_int_equal(store_open(f->path, false, &other), ERR_OK);
    bool got = false;
    assert_int_equal(
        store_lease_take(f->st, "rencana:a", "n1", 1000, 5000, &got), ERR_OK);
    assert_true(got);
    assert_int_equal(
        store_lease_take(other, "rencana:a", "n2", 2000, 6000, &got), ERR_OK);
    assert_false(got);
    /* Another name is free. */
    assert_int_equal(
        store_lease_take(other, "rencana:b", "n2", 2000, 6000, &got), ERR_OK);
    assert_true(got);
    /* Its holder renews it. */
    assert_int_equal(
        store_lease_take(f->st, "rencana:a", "n1", 3000, 9000, &got), ERR_OK);
    assert_true(got);
    /* Not given back by another; expired at its end. */
    assert_int_equal(store_lease_release(other, "rencana:a", "n2"), ERR_OK);
    assert_int_equal(
        store_lease_take(other, "rencana:a", "n2", 8999, 20000, &got), ERR_OK);
    assert_false(got);
    assert_int_equal(
        store_lease_take(other, "rencana:a", "n2", 9000, 20000, &got), ERR_OK);
    assert_true(got);
    /* Given back by its holder: free at once. */
    assert_int_equal(store_lease_release(other, "rencana:a", "n2"), ERR_OK);
    assert_int_equal(
        store_lease_take(f->st, "rencana:a", "n1", 9001, 20000, &got), ERR_OK);
    assert_true(got);
    store_close(other);
}

struct hammer {
    const char *path;
    int n;
    enum err rc;
};

static void *
fail_many(void *arg)
{
    struct hammer *h = arg;
    struct store *st = NULL;
    h->rc = store_open(h->path, false, &st);
    for (int i = 0; i < h->n && h->rc == ERR_OK; i++) {
        struct store_throttle t;
        h->rc =
            store_throttle_fail(st, "l:10.0.0.1|budi", 1000 + i, 900000, &t);
    }
    store_close(st);
    return NULL;
}

/* Two servers counting failures of one key at once lose none. */
static void
test_throttle_counts_from_two_servers_add_up(void **state)
{
    struct fixture *f = *state;
    struct hammer h[2] = {{f->path, 60, ERR_OK}, {f->path, 60, ERR_OK}};
    pthread_t t[2];
    for (int i = 0; i < 2; i++) {
        assert_int_equal(pthread_create(&t[i], NULL, fail_many, &h[i]), 0);
    }
    for (int i = 0; i < 2; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(h[i].rc, ERR_OK);
    }
    struct store_throttle got;
    assert_int_equal(store_throttle_get(f->st, "l:10.0.0.1|budi", &got),
                     ERR_OK);
    assert_int_equal(got.gagal, 120);
}

/* A wait is never shortened by a later, shorter one; a stale key starts
 * again; a success forgets the key; a sweep removes only stale keys. */
static void
test_throttle_wait_stale_clear_and_sweep(void **state)
{
    struct fixture *f = *state;
    struct store_throttle t;
    assert_int_equal(store_throttle_fail(f->st, "a", 1000, 900, &t), ERR_OK);
    assert_int_equal(t.gagal, 1);
    assert_int_equal(store_throttle_wait(f->st, "a", 9000), ERR_OK);
    assert_int_equal(store_throttle_wait(f->st, "a", 5000), ERR_OK);
    assert_int_equal(store_throttle_get(f->st, "a", &t), ERR_OK);
    assert_int_equal(t.sampai, 9000);
    /* Wait not over yet: counted on, whatever the age. */
    assert_int_equal(store_throttle_fail(f->st, "a", 8000, 900, &t), ERR_OK);
    assert_int_equal(t.gagal, 2);
    assert_int_equal(store_throttle_fail(f->st, "a", 8500, 900, &t), ERR_OK);
    assert_int_equal(t.gagal, 3);
    /* Wait over and last failure older than 900 ms: again from 1. */
    assert_int_equal(store_throttle_fail(f->st, "a", 9401, 900, &t), ERR_OK);
    assert_int_equal(t.gagal, 1);
    assert_int_equal(t.sampai, 0);
    assert_int_equal(store_throttle_fail(f->st, "b", 9401, 900, &t), ERR_OK);
    assert_int_equal(store_throttle_clear(f->st, "b"), ERR_OK);
    assert_int_equal(store_throttle_get(f->st, "b", &t), ERR_OK);
    assert_int_equal(t.gagal, 0);
    assert_int_equal(store_throttle_fail(f->st, "c", 20000, 900, &t), ERR_OK);
    assert_int_equal(store_throttle_sweep(f->st, 20500, 900), ERR_OK);
    assert_int_equal(store_throttle_get(f->st, "a", &t), ERR_OK);
    assert_int_equal(t.gagal, 0); /* Stale: swept. */
    assert_int_equal(store_throttle_get(f->st, "c", &t), ERR_OK);
    assert_int_equal(t.gagal, 1); /* Recent: kept. */
}

/* The change counter moves with a write by another connection and not
 * with a session's use. */
static void
test_data_version_moves_with_writes_of_others(void **state)
{
    struct fixture *f = *state;
    struct store *other = NULL;
    assert_int_equal(store_open(f->path, false, &other), ERR_OK);
    uint64_t v0 = 0;
    uint64_t v1 = 0;
    assert_int_equal(store_data_version(f->st, &v0), ERR_OK);
    assert_int_equal(store_setting_set(other, "login_maks", "7"), ERR_OK);
    assert_int_equal(store_data_version(f->st, &v1), ERR_OK);
    assert_true(v1 != v0);
    store_close(other);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_lease_one_holder_at_a_time),
        T(test_throttle_counts_from_two_servers_add_up),
        T(test_throttle_wait_stale_clear_and_sweep),
        T(test_data_version_moves_with_writes_of_others),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
