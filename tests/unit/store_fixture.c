/* SPDX-License-Identifier: MIT */
/* The shared fixture of the store suites (test_store.c, test_store_siasn.c,
 * test_store_siasn_kirim.c): a fresh SQLite file in a directory of its
 * own, migrated to the newest schema, opened for each test and removed
 * after it.
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

#include "mem.h"
#include "store.h"

struct fixture {
    char dir[64];
    char path[96];
    struct store *st;
    int from; /* The version the database was migrated from (0: new). */
};

static inline int
setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof(*f));
    f->from = -1;
    snprintf(f->dir, sizeof(f->dir), "/tmp/mutasi-store-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof(f->path), "%s/t.db", f->dir);
    assert_int_equal(store_open(f->path, true, &f->st), ERR_OK);
    assert_int_equal(store_migrate(f->st, &f->from), ERR_OK);
    *state = f;
    return 0;
}

static inline int
teardown(void **state)
{
    struct fixture *f = *state;
    char cmd[160];
    store_close(f->st);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}
