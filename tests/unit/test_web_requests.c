/* SPDX-License-Identifier: MIT */
/* Tests of the requests (permohonan) of the web service against a real
 * server (web_fixture.c): a request's way from draft to decision, each
 * step by its role only; racing clients; the documents, uploaded,
 * reviewed and sent back; and the role x action x status matrix. The
 * tests run in order and build on each other's requests: the documents
 * test takes guru2's request, left open by the race. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "store.h"
#include "web.h"

#include "web_fixture.c" /* The server, the client, setup(). */

/* Take 'action' on request 'id' as 'c'; returns the status. */
static long
act(struct client *c, const char *id, const char *action, const char *note)
{
    char path[64];
    char body[512];
    snprintf(path, sizeof(path), "/api/requests/%s/actions", id);
    snprintf(body, sizeof(body), "{\"action\":\"%s\",\"catatan\":\"%s\"}",
             action, note ? note : "");
    return call(c, "POST", path, body, true);
}

static long
act_body(struct client *c, const char *id, const char *body)
{
    char path[64];
    snprintf(path, sizeof(path), "/api/requests/%s/actions", id);
    return call(c, "POST", path, body, true);
}

/* A minimal PDF with its cross-reference table (the server checks the
 * structure). */
static const char test_pdf[] =
    "%PDF-1.4\n"
    "1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
    "xref\n"
    "0 3\n"
    "0000000000 65535 f \n"
    "0000000009 00000 n \n"
    "0000000056 00000 n \n"
    "trailer <</Size 3 /Root 1 0 R>>\n"
    "startxref\n"
    "106\n"
    "%%EOF\n";

/* Upload a PDF of 'kind' to request 'id' as 'c'. */
static void
upload_doc(struct client *c, const char *id, const char *kind)
{
    char path[160];
    snprintf(path, sizeof(path), "/api/requests/%s/documents?jenis=%s", id,
             kind);
    assert_int_equal(call(c, "POST", path, test_pdf, true), 200);
}

/* BKPSDM reviews every document of request 'id' sesuai. */
static void
review_all(struct client *hr, const char *id)
{
    char path[160];
    struct json_obj *o = NULL;
    snprintf(path, sizeof(path), "/api/requests/%s", id);
    assert_int_equal(call(hr, "GET", path, NULL, false), 200);
    assert_int_equal(json_obj_parse(buf_str(&hr->body), &o), ERR_OK);
    size_t n = json_obj_len(o, "documents");
    for (size_t i = 0; i < n; i++) {
        struct json_obj *d = json_obj_item(o, "documents", i);
        char doc[32];
        json_obj_text(d, "id", doc, sizeof(doc));
        json_obj_destroy(d);
        snprintf(path, sizeof(path), "/api/requests/%s/documents/%s/review", id,
                 doc);
        assert_int_equal(
            call(hr, "POST", path, "{\"status\":\"sesuai\"}", true), 200);
    }
    json_obj_destroy(o);
}

static void
test_web_request_goes_from_draft_to_decree(void **state)
{
    (void)state;
    struct client g, kasek, kadis, hr, boss, tpk;
    char id[32];
    char v[256];
    struct client *all[] = {&g, &kasek, &kadis, &hr, &boss, &tpk};
    const char *who[] = {"guru", "kasek", "kadis", "hr", "boss", "tpk1"};
    for (int i = 0; i < 6; i++) {
        client_init(all[i]);
        assert_int_equal(login(all[i], who[i], PASSWORD), 200);
    }
    /* Only the employee drafts, for themselves, with valid choices. */
    assert_int_equal(
        call(&hr, "POST", "/api/requests",
             "{\"pilihan\":[\"50204545\"],\"alasan\":\"kesehatan\"}", true),
        403);
    assert_int_equal(
        call(&g, "POST", "/api/requests",
             "{\"pilihan\":[\"50204536\"],\"alasan\":\"kesehatan\"}", true),
        422); /* Own unit. */
    assert_int_equal(call(&g, "POST", "/api/requests",
                          "{\"pilihan\":[\"50204545\"],\"alasan\":\"bosan\"}",
                          true),
                     422);
    assert_int_equal(call(&g, "POST", "/api/requests",
                          "{\"pilihan\":[\"50204545\",\"50204631\"],"
                          "\"alasan\":\"kesehatan\",\"keterangan\":\"asma\"}",
                          true),
                     201);
    field(&g, "id", id, sizeof(id));
    assert_string_equal(field(&g, "status", v, sizeof(v)), "draf");
    assert_int_equal(
        call(&g, "POST", "/api/requests",
             "{\"pilihan\":[\"50204545\"],\"alasan\":\"kesehatan\"}", true),
        409); /* One open request per employee. */
    /* Each step by its role only. */
    assert_int_equal(act(&kadis, id, "setujui_asal", NULL), 409); /* draf */
    /* The mandatory documents come first (issue #15): the letter, and for
     * health the doctor's letter. */
    assert_int_equal(act(&g, id, "ajukan", NULL), 422);
    assert_non_null(strstr(buf_str(&g.body), "surat_permohonan"));
    upload_doc(&g, id, "surat_permohonan");
    assert_int_equal(act(&g, id, "ajukan", NULL), 422);
    assert_non_null(strstr(buf_str(&g.body), "bukti_alasan"));
    upload_doc(&g, id, "bukti_alasan");
    assert_int_equal(act(&g, id, "ajukan", NULL), 200);
    assert_int_equal(act(&g, id, "setujui_asal", NULL), 403);
    assert_int_equal(act(&kasek, id, "setujui_asal", NULL), 403);
    assert_int_equal(act(&kadis, id, "setujui_asal", NULL), 200);
    /* BKPSDM verifies before the destination receives; a role that never
     * takes a step is 403 whatever the status. */
    assert_int_equal(act(&kadis, id, "setujui_tujuan", NULL), 409);
    assert_int_equal(act(&boss, id, "verifikasi", NULL), 403);
    assert_int_equal(act(&tpk, id, "tetapkan", NULL), 403);
    assert_int_equal(act(&hr, id, "tolak", NULL), 422);      /* No reason. */
    assert_int_equal(act(&hr, id, "verifikasi", NULL), 422); /* Unreviewed. */
    review_all(&hr, id);
    assert_int_equal(act(&hr, id, "verifikasi", NULL), 200);
    /* Backed by the ABK of both units (surplus 1 at the origin, shortage
     * 2 there): no warnings. */
    assert_non_null(strstr(buf_str(&hr.body), "\"warnings\":[]"));
    assert_int_equal(act(&hr, id, "setujui_tujuan", NULL), 403);
    assert_int_equal(
        act_body(&kadis, id, "{\"action\":\"setujui_tujuan\",\"pilihan\":9}"),
        422);
    assert_int_equal(act(&kadis, id, "setujui_tujuan", NULL), 200);
    assert_string_equal(field(&kadis, "status", v, sizeof(v)),
                        "disetujui_tujuan");
    assert_int_equal(act(&boss, id, "pertimbangkan", "sesuai"), 403);
    assert_int_equal(act(&tpk, id, "pertimbangkan", "sesuai kebutuhan"), 200);
    /* The PPK decides against it (the move is written in the matrix test
     * below: here it would take the fixture's one surplus teacher). */
    assert_int_equal(act(&tpk, id, "tolak", "x"), 403);
    assert_int_equal(act(&boss, id, "tolak", "formasi sekolah tujuan penuh"),
                     200);
    assert_string_equal(field(&boss, "status", v, sizeof(v)), "ditolak");
    assert_string_equal(field(&boss, "version", v, sizeof(v)), "7");
    assert_int_equal(act(&g, id, "batalkan", "berubah pikiran"), 409);
    /* The employee follows it; the audit log holds every step. */
    char path[64];
    snprintf(path, sizeof(path), "/api/requests/%s", id);
    assert_int_equal(call(&g, "GET", path, NULL, false), 200);
    assert_string_equal(field(&g, "status", v, sizeof(v)), "ditolak");
    snprintf(path, sizeof(path), "/api/audit?entity=request&id=%s", id);
    assert_int_equal(call(&hr, "GET", path, NULL, false), 200);
    const char *log = buf_str(&hr.body);
    const char *steps[] = {"buat",       "ajukan",         "setujui_asal",
                           "verifikasi", "setujui_tujuan", "pertimbangkan",
                           "tolak"};
    for (int i = 0; i < 7; i++) {
        char needle[64];
        snprintf(needle, sizeof(needle), "\"action\":\"%s\"", steps[i]);
        log = strstr(log, needle);
        assert_non_null(log); /* In this order. */
    }
    /* Another employee does not even see it. */
    struct client g2;
    client_init(&g2);
    assert_int_equal(login(&g2, "guru2", PASSWORD), 200);
    snprintf(path, sizeof(path), "/api/requests/%s", id);
    assert_int_equal(call(&g2, "GET", path, NULL, false), 404);
    client_cleanup(&g2);
    for (int i = 0; i < 6; i++) {
        client_cleanup(all[i]);
    }
}

struct racer {
    const char *id;
    long status;
};

static void *
race(void *arg)
{
    struct racer *r = arg;
    struct client c;
    client_init(&c);
    if (login(&c, "kadis", PASSWORD) == 200) {
        r->status = act(&c, r->id, "setujui_asal", NULL);
    }
    client_cleanup(&c);
    return NULL;
}

static void
test_web_racing_clients_get_one_success(void **state)
{
    (void)state;
    struct client g;
    char id[32];
    client_init(&g);
    assert_int_equal(login(&g, "guru2", PASSWORD), 200);
    assert_int_equal(
        call(&g, "POST", "/api/requests",
             "{\"pilihan\":[\"50204536\"],\"alasan\":\"ikut_pasangan\"}", true),
        201);
    field(&g, "id", id, sizeof(id));
    upload_doc(&g, id, "surat_permohonan");
    upload_doc(&g, id, "bukti_alasan");
    assert_int_equal(act(&g, id, "ajukan", NULL), 200);
    /* The heads see the ABK's word from the start (review 2026-12-01). */
    assert_non_null(
        strstr(buf_str(&g.body), "unit tujuan akan kelebihan 2 GURU_KELAS_AM"));
    /* A stale version is refused. */
    char path[64];
    snprintf(path, sizeof(path), "/api/requests/%s/actions", id);
    assert_int_equal(call(&g, "POST", path,
                          "{\"action\":\"batalkan\",\"catatan\":\"x\","
                          "\"version\":1}",
                          true),
                     409);
    struct racer r[20];
    pthread_t t[20];
    for (int i = 0; i < 20; i++) {
        r[i] = (struct racer){id, 0};
        assert_int_equal(pthread_create(&t[i], NULL, race, &r[i]), 0);
    }
    int ok = 0;
    int conflict = 0;
    for (int i = 0; i < 20; i++) {
        pthread_join(t[i], NULL);
        ok += r[i].status == 200;
        conflict += r[i].status == 409;
    }
    assert_int_equal(ok, 1);
    assert_int_equal(conflict, 19);
    /* Verified against the ABK: SD 4 Ampenan has 5 class teachers for 4
     * study groups, so receiving one more is on record as a warning. */
    struct client kadis, hr;
    client_init(&kadis);
    client_init(&hr);
    assert_int_equal(login(&kadis, "kadis", PASSWORD), 200);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    review_all(&hr, id);
    assert_int_equal(act(&hr, id, "verifikasi", NULL), 200);
    assert_non_null(strstr(buf_str(&hr.body),
                           "unit tujuan akan kelebihan 2 GURU_KELAS_AM"));
    assert_int_equal(act(&kadis, id, "setujui_tujuan", NULL), 200);
    assert_int_equal(act(&hr, id, "tolak", "tidak sesuai ABK"), 403);
    client_cleanup(&kadis);
    client_cleanup(&hr);
    client_cleanup(&g);
}

static void
test_web_documents_are_uploaded_reviewed_and_sent_back(void **state)
{
    (void)state;
    struct client g, hr, g2;
    char id[32];
    char doc[32];
    char v[256];
    char path[160];
    client_init(&g);
    client_init(&hr);
    client_init(&g2);
    assert_int_equal(login(&g, "guru", PASSWORD), 200);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    assert_int_equal(login(&g2, "guru2", PASSWORD), 200);
    /* guru's request is decided; guru2 has an open one from the race. */
    assert_int_equal(call(&g2, "GET", "/api/requests", NULL, false), 200);
    struct json_obj *o = NULL;
    assert_int_equal(json_obj_parse(buf_str(&g2.body), &o), ERR_OK);
    struct json_obj *row = json_obj_item(o, "rows", 0);
    assert_non_null(row);
    json_obj_text(row, "id", id, sizeof(id));
    json_obj_destroy(row);
    json_obj_destroy(o);
    const char *pdf = test_pdf;
    snprintf(path, sizeof(path),
             "/api/requests/%s/documents?jenis=surat_permohonan&nama=surat.pdf",
             id);
    assert_int_equal(call(&g, "POST", path, pdf, true), 404); /* Not theirs. */
    assert_int_equal(call(&g2, "POST", path, "bukan pdf", true), 422);
    snprintf(path, sizeof(path), "/api/requests/%s/documents?jenis=foto", id);
    assert_int_equal(call(&g2, "POST", path, pdf, true), 422);
    snprintf(path, sizeof(path),
             "/api/requests/%s/documents?jenis=surat_permohonan&nama=surat.pdf",
             id);
    assert_int_equal(call(&g2, "POST", path, pdf, true), 200);
    assert_non_null(
        strstr(buf_str(&g2.body), "\"belum_ada\":[\"persetujuan_asal\""));
    assert_string_equal(field(&g2, "documents", v, sizeof(v)), "");
    struct json_obj *d = NULL;
    assert_int_equal(json_obj_parse(buf_str(&g2.body), &d), ERR_OK);
    struct json_obj *first = json_obj_item(d, "documents", 0);
    json_obj_text(first, "id", doc, sizeof(doc));
    json_obj_text(first, "ukuran", v, sizeof(v));
    assert_int_equal(strtol(v, NULL, 10), (long)strlen(pdf));
    json_obj_destroy(first);
    json_obj_destroy(d);
    /* Too large. */
    struct buf big;
    buf_init(&big, 0);
    assert_int_equal(buf_adds(&big, "%PDF-1.4\n"), ERR_OK);
    while (big.len <= WEB_DOC_MAX) {
        assert_int_equal(buf_adds(&big, "0123456789abcdef"), ERR_OK);
    }
    assert_int_equal(call(&g2, "POST", path, buf_str(&big), true), 413);
    buf_cleanup(&big);
    /* The file comes back as it was sent. */
    snprintf(path, sizeof(path), "/api/requests/%s/documents/%s", id, doc);
    assert_int_equal(call(&hr, "GET", path, NULL, false), 200);
    assert_string_equal(buf_str(&hr.body), pdf);
    assert_int_equal(call(&g, "GET", path, NULL, false), 404);
    /* A document to revise sends the request back to its employee. */
    snprintf(path, sizeof(path), "/api/requests/%s/documents/%s/review", id,
             doc);
    assert_int_equal(call(&g2, "POST", path, "{\"status\":\"sesuai\"}", true),
                     403);
    assert_int_equal(
        call(&hr, "POST", path, "{\"status\":\"perlu_revisi\"}", true), 422);
    assert_int_equal(call(&hr, "POST", path,
                          "{\"status\":\"perlu_revisi\",\"catatan\":\"tanpa "
                          "tanda tangan\"}",
                          true),
                     200);
    snprintf(path, sizeof(path), "/api/requests/%s", id);
    assert_int_equal(call(&g2, "GET", path, NULL, false), 200);
    assert_string_equal(field(&g2, "status", v, sizeof(v)), "draf");
    assert_non_null(strstr(buf_str(&g2.body), "tanpa tanda tangan"));
    client_cleanup(&g);
    client_cleanup(&hr);
    client_cleanup(&g2);
}

#define NIP_BIDAN "198303252008122022" /* A midwife at a puskesmas. */

static void
test_web_requests_offer_exactly_the_actions_allowed(void **state)
{
    (void)state;
    static const char *const names[] = {
        "ajukan",         "setujui_asal",  "verifikasi",
        "setujui_tujuan", "pertimbangkan", "tetapkan",
        "selesai",        "tolak",         "batalkan"};
    /* The role x action x status matrix (issue #15): every role, every
     * action, at every status of the single request's way. */
    struct client peg, head, hr, boss, tpk;
    struct client *all[] = {&peg, &head, &hr, &boss, &tpk};
    const char *who[] = {"bidan", "kakota", "hr", "boss", "tpk1"};
    char id[32];
    char unit[80];
    char nama[128];
    char v[256];
    char path[96];
    struct store *st = NULL;
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    add_user(st, "bidan", "pegawai", NIP_BIDAN, NULL);
    add_user(st, "kakota", "kepala_unit", NULL, "5271"); /* Over all. */
    store_close(st);
    for (int i = 0; i < 5; i++) {
        client_init(all[i]);
        assert_int_equal(login(all[i], who[i], PASSWORD), 200);
    }
    assert_int_equal(
        call(&peg, "GET", "/api/employees/" NIP_BIDAN, NULL, false), 200);
    field(&peg, "unit", unit, sizeof(unit));
    field(&peg, "nama", nama, sizeof(nama));
    char body[160];
    snprintf(body, sizeof(body),
             "{\"pilihan\":[\"%s\"],\"alasan\":\"dekat_domisili\"}",
             strcmp(unit, "5271.DIKES.PKM01") != 0 ? "5271.DIKES.PKM01"
                                                   : "5271.DIKES.PKM02");
    assert_int_equal(call(&peg, "POST", "/api/requests", body, true), 201);
    field(&peg, "id", id, sizeof(id));
    assert_string_equal(field(&peg, "nama", v, sizeof(v)), nama);
    assert_string_equal(field(&peg, "unit", v, sizeof(v)), unit);
    assert_non_null(
        strstr(buf_str(&peg.body), "\"actions\":[\"ajukan\",\"batalkan\"]"));
    upload_doc(&peg, id, "surat_permohonan");
    static const struct {
        int who;
        const char *action;
        const char *note;
    } steps[] = {{0, "ajukan", NULL},
                 {1, "setujui_asal", NULL},
                 {2, "verifikasi", NULL},
                 {1, "setujui_tujuan", NULL},
                 {4, "pertimbangkan", "layak"},
                 {3, "tetapkan", NULL},
                 {2, "selesai", "SPMT diterima"}};
    snprintf(path, sizeof(path), "/api/requests/%s", id);
    for (size_t s = 0; s <= 7; s++) {
        for (int k = 0; k < 5; k++) {
            assert_int_equal(call(all[k], "GET", path, NULL, false), 200);
            struct json_obj *o = body_json(all[k]);
            if (s < 7) {
                bool mine = steps[s].who == k;
                assert_true(json_obj_has_item(o, "actions", steps[s].action) ==
                            mine);
            }
            /* Whatever is not offered is refused. */
            for (size_t a = 0; a < 9; a++) {
                if (json_obj_has_item(o, "actions", names[a])) {
                    continue;
                }
                long got = act(all[k], id, names[a], "uji");
                if (got != 403 && got != 409) {
                    fail_msg("%s %s at step %zu: %ld", who[k], names[a], s,
                             got);
                }
            }
            json_obj_destroy(o);
        }
        if (s < 7) {
            struct client *c = all[steps[s].who];
            if (strcmp(steps[s].action, "verifikasi") == 0) {
                review_all(&hr, id);
            }
            long got = strcmp(steps[s].action, "tetapkan") == 0
                           ? act_body(c, id,
                                      "{\"action\":\"tetapkan\","
                                      "\"tmt\":\"2027-02-01\"}")
                           : act(c, id, steps[s].action, steps[s].note);
            assert_int_equal(got, 200);
            if (strcmp(steps[s].action, "tetapkan") == 0) {
                /* The decision alone writes the move and its own SK. */
                char sk_plan[80];
                char epath[200];
                field(c, "keputusan", sk_plan, sizeof(sk_plan));
                assert_true(strncmp(field(c, "sk_nomor", v, sizeof(v)),
                                    "800.1.6/", 8) == 0);
                assert_non_null(strstr(buf_str(&c->body), "\"pindah\":{"));
                assert_string_equal(field(c, "unit", v, sizeof(v)), unit);
                assert_int_equal(
                    call(&hr, "GET", "/api/employees/" NIP_BIDAN, NULL, false),
                    200);
                assert_string_equal(field(&hr, "tmt_unit", v, sizeof(v)),
                                    "2027-02-01");
                snprintf(epath, sizeof(epath), "/api/plans/%s/sk.pdf?nip=%s",
                         sk_plan, NIP_BIDAN);
                assert_int_equal(call(&peg, "GET", epath, NULL, false), 200);
                static const char *const petikan[] = {"PETIKAN", NIP_BIDAN,
                                                      NULL};
                pdf_text_has(&peg, petikan);
                /* Issue 16: the decree of a single decision has the same
                 * layout, its Menimbang b the TPK's note on the request. */
                snprintf(epath, sizeof(epath), "/api/plans/%s/sk.pdf", sk_plan);
                assert_int_equal(call(&hr, "GET", epath, NULL, false), 200);
                static const char *const decree[] = {
                    "PROVINSI NUSA TENGGARA BARAT",
                    "Menimbang",
                    "b. bahwa Tim Penilai Kinerja",
                    "layak",
                    "Mengingat",
                    "KESATU",
                    "Tembusan",
                    "LAMPIRAN",
                    NIP_BIDAN,
                    NULL};
                pdf_text_has(&hr, decree);
            }
            assert_non_null(strstr(buf_str(&c->body), "\"actions\":["));
        }
    }
    /* Its history, oldest first, with the notes given. */
    assert_int_equal(call(&hr, "GET", path, NULL, false), 200);
    assert_string_equal(field(&hr, "status", v, sizeof(v)), "selesai");
    assert_non_null(strstr(buf_str(&hr.body), "\"actions\":[]"));
    struct json_obj *o = body_json(&hr);
    assert_int_equal(json_obj_len(o, "riwayat"), 9); /* With the upload. */
    assert_string_equal(item_text(o, "riwayat", 0, "action", v, 64), "buat");
    assert_string_equal(item_text(o, "riwayat", 0, "status", v, 64), "draf");
    assert_string_equal(item_text(o, "riwayat", 0, "actor", v, 64), "bidan");
    static const char *const reached[] = {
        "diajukan",        "disetujui_asal", "diverifikasi", "disetujui_tujuan",
        "dipertimbangkan", "ditetapkan",     "selesai"};
    for (size_t s = 0; s < 7; s++) {
        assert_string_equal(item_text(o, "riwayat", s + 2, "action", v, 64),
                            steps[s].action);
        assert_string_equal(item_text(o, "riwayat", s + 2, "status", v, 64),
                            reached[s]);
        assert_string_equal(item_text(o, "riwayat", s + 2, "actor", v, 64),
                            who[steps[s].who]);
        item_text(o, "riwayat", s + 2, "catatan", v, 64);
        if (strcmp(steps[s].action, "tetapkan") == 0) {
            assert_true(strncmp(v, "SK 800.1.6/", 11) == 0); /* Its SK. */
        } else {
            assert_string_equal(v, steps[s].note ? steps[s].note : "");
        }
        assert_true(strlen(item_text(o, "riwayat", s + 2, "at", v, 64)) == 20);
    }
    json_obj_destroy(o);
    /* The list carries the same keys. */
    assert_int_equal(call(&peg, "GET", "/api/requests", NULL, false), 200);
    o = body_json(&peg);
    assert_int_equal(json_obj_len(o, "rows"), 1);
    assert_string_equal(item_text(o, "rows", 0, "nama", v, sizeof(v)), nama);
    assert_string_equal(item_text(o, "rows", 0, "unit", v, sizeof(v)), unit);
    json_obj_destroy(o);
    assert_non_null(strstr(buf_str(&peg.body), "\"actions\":[]"));
    for (int i = 0; i < 5; i++) {
        client_cleanup(all[i]);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_request_goes_from_draft_to_decree),
        cmocka_unit_test(test_web_racing_clients_get_one_success),
        cmocka_unit_test(
            test_web_documents_are_uploaded_reviewed_and_sent_back),
        cmocka_unit_test(test_web_requests_offer_exactly_the_actions_allowed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
