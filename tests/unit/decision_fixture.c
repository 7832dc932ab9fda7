/* SPDX-License-Identifier: MIT */
/* The shared fixture of the suites that take a saved plan towards its
 * decision (test_decision.c, test_tenang.c): a template database made
 * once from CSV files by the real import, a plan saved on it by the real
 * planner, the TPK agreeing to every move, and fresh copies of the
 * template for each test (db_fixture.c: SQLite files, or PostgreSQL
 * databases made from the template when MUTASI_TEST_PG is set).
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
#include <string.h>

#include "auth.h"
#include "date.h"
#include "db_fixture.c"
#include "decision.h"
#include "diag.h"
#include "import.h"
#include "json.h"
#include "planning.h"
#include "store.h"

/* The template and the copies made of it, removed by dfx_remove(). */
static struct test_db dfx_db[24];
static size_t dfx_n_db;

static inline struct store *
dfx_open(const char *path)
{
    struct store *st = NULL;
    assert_int_equal(store_open(path, false, &st), ERR_OK);
    return st;
}

/* Make the database '*out' from the CSV 'files', with the setting
 * tahap_permohonan at diajukan so the planner takes the fixture's
 * unverified requests. Returns the open store for further settings; close
 * it before copying. */
static inline struct store *
dfx_template(const struct test_db **out, const char *const *files,
             size_t n_files)
{
    struct store *st = NULL;
    int from = 0;
    struct diag d;
    struct import_stats is;
    struct test_db *tmpl = &dfx_db[dfx_n_db++];
    *out = tmpl;
    test_db_make(tmpl, "template.db");
    assert_int_equal(store_open(tmpl->target, true, &st), ERR_OK);
    assert_int_equal(store_migrate(st, &from), ERR_OK);
    diag_init(&d, 10);
    assert_int_equal(import_files(st, files, n_files, "test", &d, &is), ERR_OK);
    diag_cleanup(&d);
    assert_int_equal(store_setting_set(st, "tahap_permohonan", "diajukan"),
                     ERR_OK);
    return st;
}

/* A new database copied from the closed template (or any closed database)
 * 'from'; its 'target' is the path or URL for store_open(). */
static inline const struct test_db *
dfx_copy(const struct test_db *from)
{
    assert_true(dfx_n_db < sizeof(dfx_db) / sizeof(dfx_db[0]));
    struct test_db *to = &dfx_db[dfx_n_db++];
    test_db_copy(from, to, "copy.db");
    return to;
}

/* Remove the template and every copy. */
static inline int
dfx_remove(void)
{
    for (size_t i = 0; i < dfx_n_db; i++) {
        test_db_drop(&dfx_db[i]);
    }
    dfx_n_db = 0;
    return 0;
}

/* Run the combined planner on the data of 'st' for 1 December 2026 and
 * save the plan as 'name', by the BKPSDM account "hr". */
static inline void
dfx_save_plan(struct store *st, const char *name)
{
    struct planning *pl = NULL;
    struct plan_result r;
    struct json_obj *doc = NULL;
    struct planning_args a = {date_from_ymd(2026, 12, 1), NULL, 0, NULL, 0};
    memset(&r, 0, sizeof(r));
    assert_int_equal(planning_load(st, &a, &pl), ERR_OK);
    struct planning_request q = {name, {PLAN_COMBINED, -1, -1.0, 1, NULL}};
    assert_int_equal(plan_run(planning_problem(pl), &q.opts, &r), ERR_OK);
    assert_int_equal(planning_document(st, pl, &q, &r, &doc), ERR_OK);
    assert_int_equal(planning_save(st, pl, &q, &r, doc, "hr"), ERR_OK);
    json_obj_destroy(doc);
    plan_result_cleanup(&r);
    planning_destroy(pl);
}

/* The TPK 'tpk' agrees to every move of 'name' and closes its
 * consideration; returns the number of moves. */
static inline size_t
dfx_agree_all(struct store *st, const struct decision_actor *tpk,
              const char *name)
{
    struct saved_plan sp;
    struct decision_outcome o;
    assert_int_equal(planning_saved_load(st, name, &sp), ERR_OK);
    size_t n = sp.n_moves;
    struct decision_item *items = calloc(n ? n : 1, sizeof(*items));
    assert_non_null(items);
    for (size_t i = 0; i < n; i++) {
        items[i] =
            (struct decision_item){sp.moves[i].nip, "setuju", NULL, NULL};
    }
    assert_int_equal(
        decision_consider(st, tpk, name, items, n, true, false, &o), ERR_OK);
    decision_outcome_cleanup(&o);
    free(items);
    planning_saved_cleanup(&sp);
    return n;
}
