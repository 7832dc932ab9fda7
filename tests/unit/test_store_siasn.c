/* SPDX-License-Identifier: MIT */
/* Unit tests of SIASN's identifiers (schema 8) on a real database: a
 * SQLite file in a temporary folder, or a PostgreSQL database when
 * MUTASI_TEST_PG is set (store_fixture.c). */
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
#include <sqlite3.h>

#include "buf.h"
#include "mem.h"
#include "store.h"

#define ID_A    "0123456789abcdef0123456789abcdef"
#define ID_A_UP "0123456789ABCDEF0123456789ABCDEF"
#define ID_B    "a5e8b0d1c2f34e6f8a9b0c1d2e3f4a5b"

#include "store_fixture.c" /* struct fixture, setup(), teardown(). */

static void
test_siasn_schema_is_version_8_or_later(void **state)
{
    struct fixture *f = *state;
    int v = 0;
    assert_int_equal(STORE_SCHEMA_V_SIASN, 8);
    assert_true(STORE_SCHEMA_VERSION >= STORE_SCHEMA_V_SIASN);
    assert_int_equal(store_schema_version(f->st, &v), ERR_OK);
    assert_int_equal(v, STORE_SCHEMA_VERSION);
    assert_int_equal(store_check_schema(f->st), ERR_OK);
}

static void
test_siasn_id_set_get_lowers_the_case(void **state)
{
    struct fixture *f = *state;
    struct buf out;
    bool found = true;
    buf_init(&out, 0);
    assert_int_equal(store_siasn_id_get(f->st, "unit", "DIKBUD", &out, &found),
                     ERR_OK);
    assert_false(found);
    assert_int_equal(store_siasn_id_set(f->st, "unit", "DIKBUD", ID_A_UP),
                     ERR_OK);
    assert_int_equal(store_siasn_id_get(f->st, "unit", "DIKBUD", &out, &found),
                     ERR_OK);
    assert_true(found);
    assert_string_equal(buf_str(&out), ID_A);
    /* Another kind is another name space. */
    assert_int_equal(
        store_siasn_id_get(f->st, "jabatan", "DIKBUD", &out, &found), ERR_OK);
    assert_false(found);
    buf_cleanup(&out);
}

static void
test_siasn_id_find_by_either_case(void **state)
{
    struct fixture *f = *state;
    struct buf kode;
    bool found = false;
    buf_init(&kode, 0);
    assert_int_equal(
        store_siasn_id_set(f->st, "pegawai", "198001012005011001", ID_B),
        ERR_OK);
    char upper[] = ID_B;
    for (char *p = upper; *p != '\0'; p++) {
        if (*p >= 'a' && *p <= 'f') {
            *p = (char)(*p - 'a' + 'A');
        }
    }
    assert_int_equal(
        store_siasn_id_find(f->st, "pegawai", upper, &kode, &found), ERR_OK);
    assert_true(found);
    assert_string_equal(buf_str(&kode), "198001012005011001");
    assert_int_equal(store_siasn_id_find(f->st, "unit", ID_B, &kode, &found),
                     ERR_OK);
    assert_false(found);
    assert_int_equal(
        store_siasn_id_find(f->st, "pegawai", "nope", &kode, &found), ERR_OK);
    assert_false(found);
    buf_cleanup(&kode);
}

static void
test_siasn_id_set_replaces_and_refuses_a_taken_id(void **state)
{
    struct fixture *f = *state;
    struct buf out;
    bool found = false;
    buf_init(&out, 0);
    assert_int_equal(store_siasn_id_set(f->st, "jabatan", "GURU", ID_A),
                     ERR_OK);
    assert_int_equal(store_siasn_id_set(f->st, "jabatan", "GURU", ID_B),
                     ERR_OK);
    assert_int_equal(store_siasn_id_get(f->st, "jabatan", "GURU", &out, &found),
                     ERR_OK);
    assert_string_equal(buf_str(&out), ID_B);
    /* The id of GURU cannot go to a second code of the same kind... */
    assert_int_equal(store_siasn_id_set(f->st, "jabatan", "PERAWAT", ID_B),
                     ERR_EXISTS);
    assert_non_null(strstr(store_errmsg(f->st), "kode lain"));
    /* ...but may in another kind. */
    assert_int_equal(store_siasn_id_set(f->st, "unit", "PERAWAT", ID_B),
                     ERR_OK);
    buf_cleanup(&out);
}

static void
test_siasn_id_set_refuses_bad_input(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(store_siasn_id_set(f->st, "dinas", "X", ID_A), ERR_INVAL);
    assert_int_equal(store_siasn_id_set(f->st, NULL, "X", ID_A), ERR_INVAL);
    assert_int_equal(store_siasn_id_set(f->st, "unit", "", ID_A), ERR_INVAL);
    assert_int_equal(store_siasn_id_set(f->st, "unit", "X", "123"), ERR_INVAL);
    assert_int_equal(store_siasn_id_set(f->st, "unit", "X",
                                        "0123456789abcdef0123456789abcdeg"),
                     ERR_INVAL);
    assert_int_equal(store_siasn_id_set(f->st, "unit", "X",
                                        "0123456789abcdef0123456789abcdef0"),
                     ERR_INVAL);
    assert_int_equal(store_siasn_id_set(f->st, "unit", "X", NULL), ERR_INVAL);
}

struct seen {
    char text[512];
    int n;
};

static enum err
collect(void *ctx, const char *jenis, const char *kode, const char *id)
{
    struct seen *s = ctx;
    size_t used = strlen(s->text);
    snprintf(s->text + used, sizeof(s->text) - used, "%s/%s/%.4s;", jenis, kode,
             id);
    s->n++;
    return ERR_OK;
}

static enum err
stop_first(void *ctx, const char *jenis, const char *kode, const char *id)
{
    (void)jenis, (void)kode, (void)id;
    (*(int *)ctx)++;
    return ERR_CONFLICT;
}

static void
test_siasn_id_each_orders_and_filters(void **state)
{
    struct fixture *f = *state;
    struct seen s = {"", 0};
    int calls = 0;
    assert_int_equal(store_siasn_id_set(f->st, "unit", "B", ID_B), ERR_OK);
    assert_int_equal(store_siasn_id_set(f->st, "unit", "A", ID_A), ERR_OK);
    assert_int_equal(store_siasn_id_set(f->st, "instansi", "5271", ID_A),
                     ERR_OK);
    assert_int_equal(store_siasn_id_each(f->st, NULL, collect, &s), ERR_OK);
    assert_string_equal(s.text, "instansi/5271/0123;unit/A/0123;unit/B/a5e8;");
    s.text[0] = '\0';
    s.n = 0;
    assert_int_equal(store_siasn_id_each(f->st, "unit", collect, &s), ERR_OK);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.text, "unit/A/0123;unit/B/a5e8;");
    assert_int_equal(store_siasn_id_each(f->st, NULL, stop_first, &calls),
                     ERR_CONFLICT);
    assert_int_equal(calls, 1);
}

/* An id refused because another code has it leaves the caller's
 * transaction whole: what came before and after it is committed (on
 * PostgreSQL a failed statement would abort the whole transaction). */
static void
test_siasn_id_taken_keeps_the_transaction(void **state)
{
    struct fixture *f = *state;
    struct buf out;
    bool found = false;
    buf_init(&out, 0);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_siasn_id_set(f->st, "unit", "A", ID_A), ERR_OK);
    assert_int_equal(store_siasn_id_set(f->st, "unit", "B", ID_A_UP),
                     ERR_EXISTS);
    assert_int_equal(store_siasn_id_set(f->st, "unit", "B", ID_B), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_siasn_id_get(f->st, "unit", "A", &out, &found),
                     ERR_OK);
    assert_true(found);
    assert_string_equal(buf_str(&out), ID_A);
    assert_int_equal(store_siasn_id_get(f->st, "unit", "B", &out, &found),
                     ERR_OK);
    assert_true(found);
    assert_string_equal(buf_str(&out), ID_B);
    /* Setting a code's own id again is no conflict. */
    assert_int_equal(store_siasn_id_set(f->st, "unit", "B", ID_B), ERR_OK);
    buf_cleanup(&out);
}

static void
test_siasn_ids_roll_back_with_the_transaction(void **state)
{
    struct fixture *f = *state;
    struct buf out;
    bool found = true;
    buf_init(&out, 0);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_siasn_id_set(f->st, "unit", "A", ID_A), ERR_OK);
    store_rollback(f->st);
    assert_int_equal(store_siasn_id_get(f->st, "unit", "A", &out, &found),
                     ERR_OK);
    assert_false(found);
    buf_cleanup(&out);
}

static void
test_siasn_kirim_table_checks_its_status(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(
        test_db_sql(&f->db,
                    "INSERT INTO siasn_kirim (plan, nip, permintaan, status,"
                    " waktu) VALUES ('p', '1', '{}', 'terkirim',"
                    " '2026-01-01T00:00:00Z')",
                    NULL),
        TEST_DB_SQL_OK);
    assert_int_equal(
        test_db_sql(&f->db,
                    "INSERT INTO siasn_kirim (plan, nip, permintaan, status,"
                    " waktu) VALUES ('p', '2', '{}', 'entah',"
                    " '2026-01-01T00:00:00Z')",
                    NULL),
        TEST_DB_SQL_CONSTRAINT);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_siasn_schema_is_version_8_or_later),
        T(test_siasn_id_set_get_lowers_the_case),
        T(test_siasn_id_find_by_either_case),
        T(test_siasn_id_set_replaces_and_refuses_a_taken_id),
        T(test_siasn_id_set_refuses_bad_input),
        T(test_siasn_id_each_orders_and_filters),
        T(test_siasn_id_taken_keeps_the_transaction),
        T(test_siasn_ids_roll_back_with_the_transaction),
        T(test_siasn_kirim_table_checks_its_status),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
