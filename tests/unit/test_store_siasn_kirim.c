/* SPDX-License-Identifier: MIT */
/* Unit tests of the SIASN push log (store_sqlite_siasn_kirim.c,
 * store_pg_siasn_kirim.c) on a real database (a SQLite file, or PostgreSQL
 * when MUTASI_TEST_PG is set): a failed push is recorded and retried with
 * one more attempt, a sent one is never changed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mem.h"
#include "store.h"

#include "store_fixture.c" /* struct fixture, setup(), teardown(). */

static enum err
put(struct store *st, const char *nip, const char *status, long http,
    const char *answer)
{
    char plan[] = "r";
    char n[32];
    char s[16];
    char body[] = "{\"pnsId\":\"x\"}";
    char a[128];
    snprintf(n, sizeof(n), "%s", nip);
    snprintf(s, sizeof(s), "%s", status);
    snprintf(a, sizeof(a), "%s", answer);
    struct store_siasn_kirim k = {plan, n, body, s, http, a, 0, NULL};
    return store_siasn_kirim_put(st, &k);
}

static void
test_kirim_retry_then_never_again(void **state)
{
    struct fixture *f = *state;
    struct store_siasn_kirim k;
    bool found = true;
    const char *nip = "197001012000011001";
    assert_int_equal(store_siasn_kirim_get(f->st, "r", nip, &k, &found),
                     ERR_OK);
    assert_false(found);
    assert_int_equal(put(f->st, nip, "gagal", 0, "connection refused"), ERR_OK);
    assert_int_equal(store_siasn_kirim_get(f->st, "r", nip, &k, &found),
                     ERR_OK);
    assert_true(found);
    assert_string_equal(k.status, "gagal");
    assert_int_equal(k.http_status, 0);
    assert_int_equal(k.percobaan, 1);
    assert_string_equal(k.jawaban, "connection refused");
    assert_non_null(k.waktu);
    store_siasn_kirim_cleanup(&k);
    assert_int_equal(put(f->st, nip, "gagal", 500, "oops"), ERR_OK);
    assert_int_equal(put(f->st, nip, "terkirim", 200, "{\"success\":true}"),
                     ERR_OK);
    assert_int_equal(store_siasn_kirim_get(f->st, "r", nip, &k, &found),
                     ERR_OK);
    assert_string_equal(k.status, "terkirim");
    assert_int_equal(k.http_status, 200);
    assert_int_equal(k.percobaan, 3);
    store_siasn_kirim_cleanup(&k);
    /* Sent: never changed again, whatever comes. */
    assert_int_equal(put(f->st, nip, "gagal", 500, "late"), ERR_CONFLICT);
    assert_int_equal(put(f->st, nip, "terkirim", 200, "again"), ERR_CONFLICT);
    assert_int_equal(store_siasn_kirim_get(f->st, "r", nip, &k, &found),
                     ERR_OK);
    assert_string_equal(k.jawaban, "{\"success\":true}");
    assert_int_equal(k.percobaan, 3);
    store_siasn_kirim_cleanup(&k);
    /* Another plan is another row. */
    assert_int_equal(store_siasn_kirim_get(f->st, "s", nip, &k, &found),
                     ERR_OK);
    assert_false(found);
}

static enum err
count_row(void *ctx, const struct store_siasn_kirim *k)
{
    long *n = ctx;
    assert_string_equal(k->plan, "r");
    (*n)++;
    return ERR_OK;
}

static void
test_kirim_each_and_bad_status(void **state)
{
    struct fixture *f = *state;
    long n = 0;
    assert_int_equal(put(f->st, "197001012000011001", "gagal", 0, "x"), ERR_OK);
    assert_int_equal(put(f->st, "198504042010012004", "terkirim", 200, "y"),
                     ERR_OK);
    assert_int_equal(put(f->st, "198504042010012004", "dikirim", 200, "y"),
                     ERR_INTERNAL);
    assert_int_equal(store_siasn_kirim_each(f->st, "r", count_row, &n), ERR_OK);
    assert_int_equal(n, 2);
}

static enum err
collect_nip(void *ctx, const struct store_siasn_kirim *k)
{
    char *seen = ctx;
    size_t used = strlen(seen);
    snprintf(seen + used, 256 - used, "%s:%s:%d;", k->nip, k->status,
             k->percobaan);
    return ERR_OK;
}

/* A push refused because the move was sent already leaves the caller's
 * transaction whole (on PostgreSQL a failed statement would abort it):
 * the writes around it are committed. Rows come ordered by NIP. */
static void
test_kirim_conflict_keeps_the_transaction(void **state)
{
    struct fixture *f = *state;
    char seen[256] = "";
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(put(f->st, "198504042010012004", "terkirim", 201, "ok"),
                     ERR_OK);
    assert_int_equal(put(f->st, "198504042010012004", "gagal", 500, "late"),
                     ERR_CONFLICT);
    assert_int_equal(put(f->st, "197001012000011001", "gagal", 0, "down"),
                     ERR_OK);
    assert_int_equal(put(f->st, "197001012000011001", "gagal", 503, "busy"),
                     ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_siasn_kirim_each(f->st, "r", collect_nip, seen),
                     ERR_OK);
    assert_string_equal(seen, "197001012000011001:gagal:2;"
                              "198504042010012004:terkirim:1;");
    struct store_siasn_kirim k;
    bool found = false;
    assert_int_equal(
        store_siasn_kirim_get(f->st, "r", "197001012000011001", &k, &found),
        ERR_OK);
    assert_true(found);
    assert_int_equal(k.http_status, 503);
    assert_string_equal(k.jawaban, "busy");
    store_siasn_kirim_cleanup(&k);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_kirim_retry_then_never_again,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_kirim_each_and_bad_status, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_kirim_conflict_keeps_the_transaction, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
