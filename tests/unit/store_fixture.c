/* SPDX-License-Identifier: MIT */
/* The shared fixture of the store suites (test_store.c, test_store_siasn.c,
 * test_store_siasn_kirim.c): a fresh database (db_fixture.c: a SQLite file,
 * or a PostgreSQL database when MUTASI_TEST_PG is set) migrated to the
 * newest schema, opened for each test and removed after it. f->dir is a
 * directory for the test's other files.
 *
 * As with plan_fixture.c, each suite includes this file once as part of
 * its own translation unit; its functions are static inline. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "db_fixture.c"
#include "mem.h"
#include "store.h"

struct fixture {
    struct test_db db;
    const char *dir;  /* db.dir */
    const char *path; /* db.target */
    struct store *st;
    int from; /* The version the database was migrated from (0: new). */
};

static inline int
setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof(*f));
    f->from = -1;
    test_db_make(&f->db, "t.db");
    f->dir = f->db.dir;
    f->path = f->db.target;
    assert_int_equal(store_open(f->path, true, &f->st), ERR_OK);
    assert_int_equal(store_migrate(f->st, &f->from), ERR_OK);
    *state = f;
    return 0;
}

static inline int
teardown(void **state)
{
    struct fixture *f = *state;
    store_close(f->st);
    test_db_drop(&f->db);
    free(f);
    return 0;
}
