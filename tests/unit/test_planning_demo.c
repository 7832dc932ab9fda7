/* SPDX-License-Identifier: MIT */
/* Unit tests of the demo's employee (planning_demo_applicant(), src/
 * planning.h) on a real database (db_fixture.c) holding the generated Kota
 * Mataram data, as 'mutasi demo' loads it: the chosen employee has no open
 * request, and once their request for the chosen unit is verified, a
 * voluntary plan made the ordinary way grants it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "db_fixture.c"
#include "diag.h"
#include "gen.h"
#include "import.h"
#include "json.h"
#include "model.h"
#include "planning.h"
#include "rec.h"
#include "store.h"

static struct test_db tdb;
static const char *db;

static int
setup(void **state)
{
    (void)state;
    test_db_make(&tdb, "demo.db");
    db = tdb.target;
    const char *dir = tdb.dir;
    char paths[REC_N_KINDS][160];
    const char *files[REC_N_KINDS];
    FILE *f[REC_N_KINDS];
    for (int k = 0; k < REC_N_KINDS; k++) {
        snprintf(paths[k], sizeof(paths[k]), "%s/%s.csv", dir,
                 rec_kind_name((enum rec_kind)k));
        files[k] = paths[k];
        f[k] = fopen(paths[k], "w");
        assert_non_null(f[k]);
    }
    struct gen_opts o = {GEN_MATARAM, 0, 1, KURIKULUM_MERDEKA};
    struct gen_stats gs;
    assert_int_equal(gen_run(&o, f, false, &gs), ERR_OK);
    for (int k = 0; k < REC_N_KINDS; k++) {
        assert_int_equal(fclose(f[k]), 0);
    }
    struct store *st = NULL;
    int from = 0;
    struct diag d;
    struct import_stats is;
    assert_int_equal(store_open(db, true, &st), ERR_OK);
    assert_int_equal(store_migrate(st, &from), ERR_OK);
    diag_init(&d, 10);
    assert_int_equal(import_files(st, files, REC_N_KINDS, "test", &d, &is),
                     ERR_OK);
    diag_cleanup(&d);
    store_close(st);
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    test_db_drop(&tdb);
    return 0;
}

static enum err
count_open(void *ctx, const struct permohonan *r)
{
    struct {
        const char *nip;
        int n;
    } *c = ctx;
    c->n += strcmp(r->nip, c->nip) == 0;
    return ERR_OK;
}

/* Whether plan document 'doc' grants 'nip' their own request for 'unit'. */
static bool
grants(const struct json_obj *doc, const char *nip, const char *unit)
{
    bool yes = false;
    char v[256];
    for (size_t i = 0; i < json_obj_len(doc, "moves") && !yes; i++) {
        struct json_obj *m = json_obj_item(doc, "moves", i);
        yes = json_obj_text(m, "nip", v, sizeof(v)) && strcmp(v, nip) == 0 &&
              json_obj_text(m, "unit_tujuan", v, sizeof(v)) &&
              strcmp(v, unit) == 0 && json_obj_text(m, "jenis", v, sizeof(v)) &&
              strcmp(v, "aps") == 0;
        json_obj_destroy(m);
    }
    return yes;
}

static void
test_demo_applicant_is_granted(void **state)
{
    (void)state;
    int32_t day = date_from_ymd(2026, 12, 1);
    struct store *st = NULL;
    struct planning_applicant ap;
    assert_int_equal(store_open(db, false, &st), ERR_OK);
    assert_int_equal(planning_demo_applicant(st, day, &ap), ERR_OK);
    assert_int_equal(strlen(ap.nip), 18);
    assert_string_not_equal(ap.unit_asal, ap.unit_tujuan);
    assert_true(ap.nama_unit_tujuan[0] != '\0');
    /* No open request of theirs. */
    struct {
        const char *nip;
        int n;
    } c = {ap.nip, 0};
    assert_int_equal(store_permohonan_each(st, count_open, &c), ERR_OK);
    assert_int_equal(c.n, 0);
    /* A plan before they ask does not move them there at own wish. */
    struct planning_args args = {day, NULL, 0, NULL, 0};
    struct planning_request q = {NULL, {PLAN_VOLUNTARY, -1, -1.0, 1, NULL}};
    struct json_obj *doc = NULL;
    assert_int_equal(planning_make(st, &args, &q, NULL, &doc), ERR_OK);
    assert_false(grants(doc, ap.nip, ap.unit_tujuan));
    json_obj_destroy(doc);
    /* They ask for the printed unit; the request is verified (the head
     * released it, BKPSDM checked it). */
    struct permohonan r;
    memset(&r, 0, sizeof(r));
    r.nip = ap.nip;
    r.pilihan[0] = ap.unit_tujuan;
    r.n_pilihan = 1;
    r.alasan = ALASAN_LAINNYA;
    r.tanggal = day;
    r.status = PERMOHONAN_DIVERIFIKASI;
    enum store_put put = STORE_UNCHANGED;
    assert_int_equal(store_permohonan_put(st, &r, false, &put), ERR_OK);
    assert_int_equal(put, STORE_INSERTED);
    /* The period's plan grants it, in voluntary and in combined mode. */
    assert_int_equal(planning_make(st, &args, &q, NULL, &doc), ERR_OK);
    assert_true(grants(doc, ap.nip, ap.unit_tujuan));
    json_obj_destroy(doc);
    q.opts.mode = PLAN_COMBINED;
    assert_int_equal(planning_make(st, &args, &q, NULL, &doc), ERR_OK);
    assert_true(grants(doc, ap.nip, ap.unit_tujuan));
    json_obj_destroy(doc);
    /* Now they have an open request: the demo would choose someone else. */
    struct planning_applicant next;
    assert_int_equal(planning_demo_applicant(st, day, &next), ERR_OK);
    assert_string_not_equal(next.nip, ap.nip);
    store_close(st);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demo_applicant_is_granted),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
