/* SPDX-License-Identifier: MIT */
/* The shared fixture of the suites that take a saved plan towards its
 * decision (test_decision.c, test_tenang.c): a template database made
 * once from CSV files by the real import, a plan saved on it by the real
 * planner, the TPK agreeing to every move, and fresh copies of the
 * template for each test.
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
#include "decision.h"
#include "diag.h"
#include "import.h"
#include "json.h"
#include "planning.h"
#include "store.h"

static inline struct store *
dfx_open(const char *path)
{
    struct store *st = NULL;
    assert_int_equal(store_open(path, false, &st), ERR_OK);
    return st;
}

/* Make the directory 'dir' (a mkdtemp pattern, rewritten) and in it the
 * database 'tmpl' (dir + "/template.db") from the CSV 'files', with the
 * setting tahap_permohonan at diajukan so the planner takes the fixture's
 * unverified requests. Returns the open store for further settings. */
static inline struct store *
dfx_template(char *dir, char *tmpl, size_t tmpl_size, const char *const *files,
             size_t n_files)
{
    struct store *st = NULL;
    int from = 0;
    struct diag d;
    struct import_stats is;
    assert_non_null(mkdtemp(dir));
    snprintf(tmpl, tmpl_size, "%s/template.db", dir);
    assert_int_equal(store_open(tmpl, true, &st), ERR_OK);
    assert_int_equal(store_migrate(st, &from), ERR_OK);
    diag_init(&d, 10);
    assert_int_equal(import_files(st, files, n_files, "test", &d, &is), ERR_OK);
    diag_cleanup(&d);
    assert_int_equal(store_setting_set(st, "tahap_permohonan", "diajukan"),
                     ERR_OK);
    return st;
}

/* Copy the template to 'to' (its WAL was folded in on close). */
static inline void
dfx_copy(const char *tmpl, const char *to)
{
    char cmd[800];
    snprintf(cmd, sizeof(cmd), "cp %s %s && rm -f %s-wal %s-shm", tmpl, to, to,
             to);
    assert_int_equal(system(cmd), 0);
}

/* Remove the fixture's directory. */
static inline int
dfx_remove(const char *dir)
{
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    return system(cmd);
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
    assert_int_equal(planning_document(pl, &q, &r, &doc), ERR_OK);
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
