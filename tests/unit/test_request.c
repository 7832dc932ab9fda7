/* SPDX-License-Identifier: MIT */
/* Unit tests of the request service (src/request.h, issue #15) on a real
 * database (db_fixture.c) with the example data: the order of the steps, the
 * role before the status for every action in every status, the documents before
 * submitting and verifying (the newest of a kind counts), and a request decided
 * alone with its TMT and SK. The API's tests (test_web_requests.c) go through
 * the same service over HTTP. */
#include "request.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "auth.h"
#include "date.h"
#include "db_fixture.c"
#include "diag.h"
#include "import.h"
#include "model.h"
#include "store.h"

#define NIP_SD4 "197611082001031006" /* A teacher at SD Negeri 4 Ampenan. */
#define DEST    "50204545"           /* A school of Dinas Pendidikan. */

static struct test_db tdb;

static struct auth_who who_pegawai = {"guru", "pegawai", NIP_SD4, "",
                                      "",     "",        0,       0};
static struct auth_who who_kadis = {
    "kadis", "kepala_unit", "", "5271.DIKBUD", "", "", 0, 0};
static struct auth_who who_hr = {"hr", "bkpsdm", "", "", "", "", 0, 0};
static struct auth_who who_tpk = {"tpk1", "tpk", "", "", "", "", 0, 0};
static struct auth_who who_ppk = {"ppk1", "ppk", "", "", "", "", 0, 0};
static struct auth_who who_admin = {"root", "admin", "", "", "", "", 0, 0};

static struct store *st;

static struct request_ctx
ctx(const struct auth_who *w)
{
    struct request_ctx c;
    memset(&c, 0, sizeof(c));
    c.st = st;
    c.who = w;
    c.role = auth_role_bit(w->role);
    return c;
}

static int
setup(void **state)
{
    (void)state;
    static const char *const files[] = {
        "examples/unit.csv",       "examples/jabatan.csv",
        "examples/beban.csv",      "examples/pegawai.csv",
        "examples/permohonan.csv", "examples/kinerja.csv"};
    int from = 0;
    struct diag d;
    struct import_stats is;
    setenv("MUTASI_TODAY", "2026-12-01", 1);
    test_db_make(&tdb, "r.db");
    assert_int_equal(store_open(tdb.target, true, &st), ERR_OK);
    assert_int_equal(store_migrate(st, &from), ERR_OK);
    diag_init(&d, 10);
    assert_int_equal(import_files(st, files, 6, "test", &d, &is), ERR_OK);
    diag_cleanup(&d);
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    store_close(st);
    test_db_drop(&tdb);
    return 0;
}

static const char pdf[] = "%PDF-1.4\n%%EOF\n";

static int64_t
upload(int64_t id, const char *kind)
{
    struct store_document d;
    int64_t doc = 0;
    memset(&d, 0, sizeof(d));
    d.jenis = kind;
    d.permohonan_id = id;
    d.nip = NIP_SD4;
    d.nama_berkas = "x.pdf";
    d.mime = "application/pdf";
    d.isi = pdf;
    d.isi_len = sizeof(pdf) - 1;
    d.sha256 = "0";
    d.dibuat_oleh = "guru";
    assert_int_equal(store_document_add(st, &d, &doc), ERR_OK);
    return doc;
}

static enum err
act(const struct auth_who *w, int64_t id, const char *action, int32_t tmt)
{
    struct store_request *r = calloc(1, sizeof(*r));
    struct request_ctx c = ctx(w);
    struct request_result res;
    assert_int_equal(store_request_get(st, id, r), ERR_OK);
    struct request_step_in in = {action, "alasan uji", -1, 0, tmt, NULL};
    enum err rc = request_act(&c, r, &in, &res);
    free(r);
    return rc;
}

/* Every action the roles of 'who' may never take answers ERR_DENIED, in
 * whatever status the request is. */
static void
roles_first(int64_t id)
{
    static const struct {
        const struct auth_who *w;
        const char *never[8];
    } table[] = {
        {&who_pegawai,
         {"setujui_asal", "verifikasi", "setujui_tujuan", "pertimbangkan",
          "tetapkan", "selesai", "tolak", NULL}},
        {&who_kadis,
         {"ajukan", "verifikasi", "pertimbangkan", "tetapkan", "selesai",
          "batalkan", NULL}},
        {&who_hr,
         {"ajukan", "setujui_asal", "setujui_tujuan", "pertimbangkan",
          "tetapkan", "batalkan", NULL}},
        {&who_tpk,
         {"ajukan", "setujui_asal", "verifikasi", "setujui_tujuan", "tetapkan",
          "selesai", "batalkan", NULL}},
        {&who_ppk,
         {"ajukan", "setujui_asal", "verifikasi", "setujui_tujuan",
          "pertimbangkan", "selesai", "batalkan", NULL}},
        {&who_admin,
         {"ajukan", "setujui_asal", "verifikasi", "setujui_tujuan",
          "pertimbangkan", "tetapkan", "tolak", NULL}},
    };
    for (size_t k = 0; k < sizeof(table) / sizeof(table[0]); k++) {
        for (int i = 0; table[k].never[i] != NULL; i++) {
            enum err rc = act(table[k].w, id, table[k].never[i],
                              date_from_ymd(2027, 1, 1));
            if (rc != ERR_DENIED) {
                fail_msg("%s %s: %d", table[k].w->role, table[k].never[i],
                         (int)rc);
            }
        }
    }
}

static void
test_request_goes_its_way_with_roles_first(void **state)
{
    (void)state;
    struct request_ctx c = ctx(&who_pegawai);
    struct permohonan p;
    int64_t id = 0;
    memset(&p, 0, sizeof(p));
    p.nip = NIP_SD4;
    p.pilihan[0] = DEST;
    p.n_pilihan = 1;
    p.alasan = ALASAN_KESEHATAN;
    p.tanggal = date_today();
    p.status = PERMOHONAN_DRAF;
    assert_int_equal(request_create(&c, &p, &id), ERR_OK);
    roles_first(id);
    /* Documents before submitting: the letter, then for health the
     * evidence; the message names what is missing. */
    c = ctx(&who_pegawai);
    struct store_request *r = calloc(1, sizeof(*r));
    assert_int_equal(store_request_get(st, id, r), ERR_OK);
    struct request_step_in in = {"ajukan", NULL, -1, 0, DATE_NONE, NULL};
    struct request_result res;
    assert_int_equal(request_act(&c, r, &in, &res), ERR_INVAL);
    assert_non_null(strstr(c.why, "surat_permohonan"));
    assert_non_null(strstr(c.why, "bukti_alasan"));
    int64_t letter = upload(id, "surat_permohonan");
    int64_t evidence = upload(id, "bukti_alasan");
    assert_int_equal(act(&who_pegawai, id, "ajukan", DATE_NONE), ERR_OK);
    roles_first(id);
    assert_int_equal(act(&who_kadis, id, "setujui_tujuan", DATE_NONE),
                     ERR_CONFLICT); /* Not yet verified. */
    assert_int_equal(act(&who_kadis, id, "setujui_asal", DATE_NONE), ERR_OK);
    /* Verification needs every document, the newest of each kind,
     * reviewed sesuai. */
    assert_int_equal(act(&who_hr, id, "verifikasi", DATE_NONE), ERR_INVAL);
    assert_int_equal(store_document_review(st, evidence, "perlu_revisi", "x"),
                     ERR_OK);
    int64_t again = upload(id, "bukti_alasan");
    assert_int_equal(store_document_review(st, letter, "sesuai", NULL), ERR_OK);
    assert_int_equal(act(&who_hr, id, "verifikasi", DATE_NONE), ERR_INVAL);
    /* The refused evidence stays refused; its newer upload is what counts. */
    assert_int_equal(store_document_review(st, again, "sesuai", NULL), ERR_OK);
    assert_int_equal(act(&who_hr, id, "verifikasi", DATE_NONE), ERR_OK);
    roles_first(id);
    assert_int_equal(act(&who_kadis, id, "setujui_tujuan", DATE_NONE), ERR_OK);
    assert_int_equal(act(&who_tpk, id, "pertimbangkan", DATE_NONE), ERR_OK);
    roles_first(id);
    /* Decided alone: a TMT on the 1st, not before this month. */
    assert_int_equal(act(&who_ppk, id, "tetapkan", DATE_NONE), ERR_INVAL);
    assert_int_equal(act(&who_ppk, id, "tetapkan", date_from_ymd(2026, 11, 1)),
                     ERR_INVAL);
    assert_int_equal(act(&who_ppk, id, "tetapkan", date_from_ymd(2027, 1, 2)),
                     ERR_INVAL);
    c = ctx(&who_ppk);
    assert_int_equal(store_request_get(st, id, r), ERR_OK);
    struct request_step_in decide = {
        "tetapkan", NULL, -1, 0, date_from_ymd(2027, 1, 1), NULL};
    assert_int_equal(request_act(&c, r, &decide, &res), ERR_OK);
    assert_string_equal(r->status, "ditetapkan");
    assert_string_equal(res.sk_nomor, "800.1.6/1/BKPSDM/2026");
    char plan[80];
    snprintf(plan, sizeof(plan), "permohonan-%lld", (long long)id);
    assert_string_equal(res.plan, plan);
    /* Its record carries the keys of a planned move (contract section 5),
     * and its explanation speaks no solver words. */
    struct store_plan sp;
    assert_int_equal(store_plan_get(st, plan, &sp), ERR_OK);
    assert_non_null(strstr(sp.hasil, "\"pilihan_ke\":1,\"km\":"));
    assert_non_null(strstr(sp.hasil, "\"jarak_diketahui\":"));
    assert_non_null(strstr(sp.hasil, "\"ganti_jabatan\":false"));
    assert_non_null(strstr(sp.hasil, "\"reasons\":[\"diminta\"]"));
    assert_non_null(strstr(sp.hasil, "Dipindahkan atas permintaan sendiri"));
    store_plan_cleanup(&sp);
    struct pegawai e;
    assert_int_equal(store_pegawai_get(st, NIP_SD4, &e), ERR_OK);
    assert_string_equal(e.unit, DEST);
    assert_int_equal(e.tmt_unit, date_from_ymd(2027, 1, 1));
    /* Decided is final: no refusal, no withdrawal, no second decision. */
    assert_int_equal(act(&who_pegawai, id, "batalkan", DATE_NONE),
                     ERR_CONFLICT);
    assert_int_equal(act(&who_ppk, id, "tolak", DATE_NONE), ERR_CONFLICT);
    assert_int_equal(act(&who_ppk, id, "tetapkan", date_from_ymd(2027, 1, 1)),
                     ERR_CONFLICT);
    free(r);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_request_goes_its_way_with_roles_first),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
