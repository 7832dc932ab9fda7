/* SPDX-License-Identifier: MIT */
/* Tests of the plans of the web service against a real server
 * (web_fixture.c): a plan's way to a decision (published, answered by
 * its employees, considered by the TPK, approved by the PPK), the minutes
 * and the decree as PDF, comparison and export; the proposals an
 * employee sees; an approval refused. The tests run in order: r1 is the
 * first plan decided here, hence the numbers 800.1.6/1/TPK/2026 and
 * 800.1.6/1/BKPSDM/2026. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "mem.h"
#include "store.h"

#include "web_fixture.c" /* The server, the client, setup(). */

/* The NIP and target of the first move of the plan in 'c''s body. */
static void
first_move(struct client *c, char *nip, char *unit, char *kind)
{
    struct json_obj *o = NULL;
    assert_int_equal(json_obj_parse(buf_str(&c->body), &o), ERR_OK);
    struct json_obj *m = json_obj_item(o, "moves", 0);
    assert_non_null(m);
    json_obj_text(m, "nip", nip, 32);
    json_obj_text(m, "unit_tujuan", unit, 80);
    json_obj_text(m, "jenis", kind, 16);
    json_obj_destroy(m);
    json_obj_destroy(o);
}

/* The TPK agrees to every move of plan 'name', answering every
 * objection, and closes ('close'); the status of the last call. */
static long
tpk_agrees_all(struct client *tpk, const char *name, bool close)
{
    char path[96];
    struct json_obj *o = NULL;
    struct buf body;
    buf_init(&body, 0);
    snprintf(path, sizeof(path), "/api/plans/%s", name);
    assert_int_equal(call(tpk, "GET", path, NULL, false), 200);
    assert_int_equal(json_obj_parse(buf_str(&tpk->body), &o), ERR_OK);
    size_t n = json_obj_len(o, "moves");
    assert_int_equal(buf_adds(&body, "{\"moves\":["), ERR_OK);
    for (size_t i = 0; i < n; i++) {
        struct json_obj *m = json_obj_item(o, "moves", i);
        char nip[32];
        json_obj_text(m, "nip", nip, sizeof(nip));
        json_obj_destroy(m);
        assert_int_equal(buf_addf(&body,
                                  "%s{\"nip\":\"%s\",\"keputusan\":"
                                  "\"setuju\",\"tanggapan\":\"Kebutuhan "
                                  "unit tujuan lebih mendesak.\"}",
                                  i ? "," : "", nip),
                         ERR_OK);
    }
    json_obj_destroy(o);
    assert_int_equal(
        buf_addf(&body, "],\"close\":%s}", close ? "true" : "false"), ERR_OK);
    snprintf(path, sizeof(path), "/api/plans/%s/consider", name);
    long rc = call(tpk, "POST", path, buf_str(&body), true);
    buf_cleanup(&body);
    return rc;
}

/* An approve body for plan 'name' from 'tmt' that strikes every move but
 * that of 'keep', into 'out'. */
static void
strike_all_but(struct client *c, const char *name, const char *keep,
               const char *tmt, struct buf *out)
{
    char path[96];
    struct json_obj *o = NULL;
    snprintf(path, sizeof(path), "/api/plans/%s", name);
    assert_int_equal(call(c, "GET", path, NULL, false), 200);
    assert_int_equal(json_obj_parse(buf_str(&c->body), &o), ERR_OK);
    size_t n = json_obj_len(o, "moves");
    int k = 0;
    assert_int_equal(buf_addf(out,
                              "{\"tmt\":\"%s\",\"ikutkan\":true,"
                              "\"strike\":[",
                              tmt),
                     ERR_OK);
    for (size_t i = 0; i < n; i++) {
        struct json_obj *m = json_obj_item(o, "moves", i);
        char nip[32];
        json_obj_text(m, "nip", nip, sizeof(nip));
        json_obj_destroy(m);
        if (strcmp(nip, keep) != 0) {
            assert_int_equal(buf_addf(out,
                                      "%s{\"nip\":\"%s\",\"alasan\":"
                                      "\"Ditunda ke periode berikutnya.\"}",
                                      k++ ? "," : "", nip),
                             ERR_OK);
        }
    }
    json_obj_destroy(o);
    assert_int_equal(buf_adds(out, "]}"), ERR_OK);
}

/* Issue 16 part 3: every document printed has one row in the register
 * (HR roles only); a second print is the same bytes; after a change of
 * the settings (through the API) a reprint is marked SALINAN and the
 * register keeps the first hash. */
static void
register_and_reprint(struct client *hr, struct client *boss,
                     struct client *mover)
{
    struct buf first;
    buf_init(&first, 0);
    assert_int_equal(call(boss, "GET", "/api/plans/r1/sk.pdf", NULL, false),
                     200);
    assert_int_equal(buf_add(&first, boss->body.data, boss->body.len), ERR_OK);
    assert_int_equal(call(boss, "GET", "/api/plans/r1/sk.pdf", NULL, false),
                     200);
    assert_int_equal(boss->body.len, first.len);
    assert_int_equal(memcmp(boss->body.data, first.data, first.len), 0);
    assert_int_equal(call(hr, "GET", "/api/documents/register", NULL, false),
                     200);
    const char *reg = buf_str(&hr->body);
    assert_non_null(strstr(reg, "\"jenis\":\"berita_acara\""));
    assert_non_null(strstr(reg, "\"jenis\":\"sk\",\"plan\":\"r1\","
                                "\"nip\":null"));
    assert_non_null(strstr(reg, "\"jenis\":\"petikan\""));
    assert_non_null(strstr(reg, "\"nomor\":\"800.1.6/1/BKPSDM/2026\""));
    char sha[80];
    snprintf(sha, sizeof(sha), "\"sha256\":\"");
    assert_non_null(strstr(reg, sha));
    char *before = xstrdup(reg);
    assert_int_equal(call(mover, "GET", "/api/documents/register", NULL, false),
                     403);
    assert_int_equal(
        call(boss, "GET", "/api/documents/register.xlsx", NULL, false), 200);
    assert_int_equal(memcmp(boss->body.data, "PK\x03\x04", 4), 0);
    /* Settings over the API: a bad emblem is refused, a text is set. */
    assert_int_equal(call(mover, "POST", "/api/settings/sk_provinsi",
                          "{\"value\":\"X\"}", true),
                     403);
    assert_int_equal(call(hr, "POST", "/api/settings/sk_lambang",
                          "{\"value\":\"AAAA\"}", true),
                     422);
    assert_int_equal(
        call(hr, "POST", "/api/settings/tidak_ada", "{\"value\":\"X\"}", true),
        404);
    assert_int_equal(call(hr, "POST", "/api/settings/sk_provinsi",
                          "{\"value\":\"PROVINSI CONTOH\"}", true),
                     200);
    assert_int_equal(call(boss, "GET", "/api/plans/r1/sk.pdf", NULL, false),
                     200);
    assert_true(boss->body.len != first.len ||
                memcmp(boss->body.data, first.data, first.len) != 0);
    static const char *const copy[] = {"SALINAN", "PROVINSI CONTOH", NULL};
    pdf_text_has(boss, copy);
    assert_int_equal(call(hr, "GET", "/api/documents/register", NULL, false),
                     200);
    assert_string_equal(buf_str(&hr->body), before);
    free(before);
    buf_cleanup(&first);
}

static void
test_web_plan_is_published_answered_and_approved(void **state)
{
    (void)state;
    struct client hr, boss, mover, tpk;
    char nip[32];
    char unit[80];
    char kind[16];
    char v[256];
    client_init(&hr);
    client_init(&boss);
    client_init(&mover);
    client_init(&tpk);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    assert_int_equal(login(&boss, "boss", PASSWORD), 200);
    assert_int_equal(login(&tpk, "tpk1", PASSWORD), 200);
    assert_int_equal(call(&boss, "POST", "/api/plans",
                          "{\"name\":\"r1\",\"as_of\":\"2026-12-01\"}", true),
                     403);
    assert_int_equal(
        call(&hr, "POST", "/api/plans", "{\"name\":\"a b\"}", true), 400);
    assert_int_equal(call(&hr, "POST", "/api/plans",
                          "{\"name\":\"r1\",\"as_of\":\"2026-12-01\","
                          "\"settings\":{\"wke_menit\":-1}}",
                          true),
                     422);
    assert_int_equal(call(&hr, "POST", "/api/plans",
                          "{\"name\":\"r1\",\"as_of\":\"2026-12-01\","
                          "\"mode\":\"directed\"}",
                          true),
                     201);
    first_move(&hr, nip, unit, kind);
    assert_string_equal(kind, "penugasan");
    assert_int_equal(call(&hr, "POST", "/api/plans", "{\"name\":\"r1\"}", true),
                     409);
    /* A second plan of the same day proposes the same moves. */
    assert_int_equal(call(&hr, "POST", "/api/plans",
                          "{\"name\":\"r2\",\"as_of\":\"2026-12-01\","
                          "\"mode\":\"directed\"}",
                          true),
                     201);
    /* The employee concerned gets an account; the draft is not theirs
     * to see yet. */
    struct store *st = NULL;
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    add_user(st, "pindah", "pegawai", nip, NULL);
    store_close(st);
    assert_int_equal(login(&mover, "pindah", PASSWORD), 200);
    assert_int_equal(call(&mover, "GET", "/api/plans/r1", NULL, false), 404);
    assert_int_equal(call(&mover, "POST", "/api/plans/r1/responses",
                          "{\"tanggapan\":\"setuju\"}", true),
                     404);
    assert_int_equal(call(&hr, "POST", "/api/plans/r1/publish", NULL, true),
                     200);
    assert_string_equal(field(&hr, "status", v, sizeof(v)), "diterbitkan");
    assert_int_equal(call(&hr, "POST", "/api/plans/r1/publish", NULL, true),
                     409);
    /* Published: they see their move with its explanation, and answer. */
    assert_int_equal(call(&mover, "GET", "/api/plans/r1", NULL, false), 200);
    assert_string_equal(field(&mover, "move.nip", v, sizeof(v)), nip);
    assert_true(strlen(field(&mover, "move.penjelasan", v, sizeof(v))) > 20);
    assert_null(strstr(buf_str(&mover.body), "\"summary\""));
    assert_int_equal(call(&mover, "POST", "/api/plans/r1/responses",
                          "{\"tanggapan\":\"keberatan\"}", true),
                     422);
    assert_int_equal(call(&mover, "POST", "/api/plans/r1/responses",
                          "{\"tanggapan\":\"keberatan\",\"catatan\":\"anak "
                          "sekolah di dekat rumah\"}",
                          true),
                     200);
    assert_int_equal(call(&hr, "GET", "/api/plans/r1", NULL, false), 200);
    assert_non_null(strstr(buf_str(&hr.body), "\"tanggapan\":\"keberatan\""));
    /* Nothing skips the TPK: the PPK cannot decide a published plan. */
    assert_int_equal(call(&hr, "POST", "/api/plans/r1/approve",
                          "{\"tmt\":\"2027-01-01\"}", true),
                     403);
    assert_int_equal(call(&boss, "POST", "/api/plans/r1/approve",
                          "{\"tmt\":\"2027-01-01\"}", true),
                     409);
    assert_int_equal(call(&boss, "POST", "/api/plans/r1/consider",
                          "{\"moves\":[],\"close\":true}", true),
                     403);
    /* A close with undecided moves is refused, naming them. */
    assert_int_equal(call(&tpk, "POST", "/api/plans/r1/consider",
                          "{\"moves\":[],\"close\":true}", true),
                     422);
    assert_non_null(strstr(buf_str(&tpk.body), "\"nips\":["));
    assert_int_equal(tpk_agrees_all(&tpk, "r1", true), 200);
    assert_string_equal(field(&tpk, "plan.status", v, sizeof(v)),
                        "dipertimbangkan");
    assert_string_equal(field(&tpk, "plan.ba_nomor", v, sizeof(v)),
                        "800.1.6/1/TPK/2026");
    assert_non_null(strstr(buf_str(&tpk.body), "\"jawaban_tpk\":\"Kebutuhan"));
    /* The minutes: every move with its decision, the objection with the
     * TPK's answer (issue #15 item 9). */
    assert_int_equal(
        call(&tpk, "GET", "/api/plans/r2/berita-acara.pdf", NULL, false), 409);
    assert_int_equal(
        call(&mover, "GET", "/api/plans/r1/berita-acara.pdf", NULL, false),
        403);
    assert_int_equal(
        call(&tpk, "GET", "/api/plans/r1/berita-acara.pdf", NULL, false), 200);
    const char *minutes[] = {"BERITA ACARA SIDANG TIM PENILAI KINERJA",
                             "NOMOR 800.1.6/1/TPK/2026",
                             "Pada tanggal 1 Desember 2026",
                             "anak sekolah di dekat rumah",
                             "Kebutuhan unit tujuan lebih mendesak.",
                             "Setuju",
                             nip,
                             NULL};
    pdf_text_has(&tpk, minutes);
    /* The employee reads the TPK's answer to their objection. */
    assert_int_equal(call(&mover, "GET", "/api/plans/r1", NULL, false), 200);
    assert_string_equal(field(&mover, "move.keputusan_tpk", v, sizeof(v)),
                        "setuju");
    /* Approval: a TMT on the 1st; the moves enter the history. */
    assert_int_equal(call(&boss, "POST", "/api/plans/r1/approve",
                          "{\"tmt\":\"2027-01-15\"}", true),
                     422);
    /* The PPK strikes all but the mover's move (the fixture's other
     * surplus staff stay for the tests below). */
    struct buf approve;
    buf_init(&approve, 0);
    strike_all_but(&boss, "r1", nip, "2027-01-01", &approve);
    assert_int_equal(
        call(&boss, "POST", "/api/plans/r1/approve", buf_str(&approve), true),
        200);
    buf_cleanup(&approve);
    assert_int_equal(call(&hr, "GET", "/api/plans/r1", NULL, false), 200);
    assert_string_equal(field(&hr, "plan.status", v, sizeof(v)), "ditetapkan");
    assert_non_null(strstr(buf_str(&hr.body), "\"keputusan_ppk\":\"coret\""));
    assert_non_null(strstr(buf_str(&hr.body), "Ditunda ke periode"));
    assert_string_equal(field(&hr, "plan.sk_nomor", v, sizeof(v)),
                        "800.1.6/1/BKPSDM/2026");
    assert_int_equal(call(&boss, "POST", "/api/plans/r1/approve",
                          "{\"tmt\":\"2027-01-01\"}", true),
                     409);
    char path[96];
    snprintf(path, sizeof(path), "/api/employees/%s", nip);
    assert_int_equal(call(&hr, "GET", path, NULL, false), 200);
    assert_string_equal(field(&hr, "unit", v, sizeof(v)), unit);
    assert_string_equal(field(&hr, "tmt_unit", v, sizeof(v)), "2027-01-01");
    /* Decided, not yet in force: the profile shows the post of today and
     * the move with its TMT (issue #15 item 6). */
    assert_string_equal(field(&hr, "pindah.unit", v, sizeof(v)), unit);
    assert_string_equal(field(&hr, "pindah.tmt", v, sizeof(v)), "2027-01-01");
    assert_true(strcmp(field(&hr, "unit_berlaku", v, sizeof(v)), unit) != 0);
    /* A plan that no longer holds on today's data is refused, naming the
     * moves at fault: r1 moved the same employee (issue #15). */
    assert_int_equal(call(&hr, "POST", "/api/plans/r2/publish", NULL, true),
                     200);
    assert_int_equal(tpk_agrees_all(&tpk, "r2", true), 200);
    assert_int_equal(call(&tpk, "POST", "/api/plans/r2/approve",
                          "{\"tmt\":\"2027-02-01\"}", true),
                     403); /* The TPK never decides. */
    assert_int_equal(call(&boss, "POST", "/api/plans/r2/approve",
                          "{\"tmt\":\"2027-02-01\"}", true),
                     409);
    assert_non_null(strstr(buf_str(&boss.body), nip));
    assert_non_null(strstr(buf_str(&boss.body), "\"nips\":["));
    assert_int_equal(call(&hr, "GET", "/api/plans", NULL, false), 200);
    assert_non_null(strstr(buf_str(&hr.body), "\"name\":\"r2\""));
    /* Side by side: r1's moves are done, so r2 differs from it. */
    assert_int_equal(call(&hr, "GET", "/api/plans/r1/compare/r2", NULL, false),
                     200);
    assert_non_null(strstr(buf_str(&hr.body), "\"a\":{\"before\""));
    assert_non_null(strstr(buf_str(&hr.body), "\"hanya_a\":["));
    assert_int_equal(call(&hr, "GET", "/api/plans/r1/compare/r1", NULL, false),
                     200);
    assert_non_null(strstr(buf_str(&hr.body),
                           "\"hanya_a\":[],\"berbeda\":[],\"hanya_b\":[]"));
    assert_int_equal(
        call(&hr, "GET", "/api/plans/r1/compare/tidak", NULL, false), 404);
    /* The spreadsheet is a zip archive (XLSX). */
    assert_int_equal(call(&hr, "GET", "/api/plans/r1/export.xlsx", NULL, false),
                     200);
    assert_true(hr.body.len > 1000);
    assert_int_equal(memcmp(hr.body.data, "PK\x03\x04", 4), 0);
    assert_int_equal(
        call(&mover, "GET", "/api/plans/r1/export.xlsx", NULL, false), 403);
    /* The decree: every part of domain.md 5 and a mover's data, read back
     * with pdftotext; an employee gets only their own Petikan. */
    char want_nip[32];
    struct json_obj *plan_doc = NULL;
    assert_int_equal(call(&hr, "GET", "/api/plans/r1", NULL, false), 200);
    assert_int_equal(json_obj_parse(buf_str(&hr.body), &plan_doc), ERR_OK);
    struct json_obj *m0 = json_obj_item(plan_doc, "moves", 0);
    json_obj_text(m0, "nip", want_nip, sizeof(want_nip));
    json_obj_destroy(m0);
    json_obj_destroy(plan_doc);
    assert_int_equal(call(&boss, "GET", "/api/plans/r1/sk.pdf", NULL, false),
                     200);
    static const char *const parts[] = {"PEMERINTAH KOTA MATARAM",
                                        "KEPUTUSAN",
                                        "NOMOR 800.1.6/1/BKPSDM/2026",
                                        "Menimbang",
                                        "Mengingat",
                                        "Undang-Undang Nomor 20 Tahun 2023",
                                        "MEMUTUSKAN",
                                        "Menetapkan",
                                        "KESATU",
                                        "KEDUA",
                                        "KETIGA",
                                        "1 Januari 2027",
                                        "Ditetapkan di Mataram",
                                        "WALI KOTA MATARAM",
                                        "Tembusan",
                                        "LAMPIRAN",
                                        NULL};
    pdf_text_has(&boss, parts);
    const char *nip_part[] = {want_nip, NULL};
    pdf_text_has(&boss, nip_part);
    assert_int_equal(call(&mover, "GET", "/api/plans/r1/sk.pdf", NULL, false),
                     404);
    snprintf(path, sizeof(path), "/api/plans/r1/sk.pdf?nip=%s", want_nip);
    assert_int_equal(call(&hr, "GET", path, NULL, false), 200);
    static const char *const petikan[] = {"PETIKAN", "sesuai dengan aslinya",
                                          "KESATU", NULL};
    pdf_text_has(&hr, petikan);
    pdf_text_has(&hr, nip_part);
    assert_int_equal(call(&hr, "GET", "/api/plans/r2/sk.pdf", NULL, false),
                     409); /* Not approved. */
    register_and_reprint(&hr, &boss, &mover);
    client_cleanup(&hr);
    client_cleanup(&boss);
    client_cleanup(&tpk);
    client_cleanup(&mover);
}

/* The text at 'path' in the row of plan 'name' among the "rows" of the
 * last JSON body ("" when there is none). */
static const char *
plan_row(struct client *c, const char *name, const char *path, char *out,
         size_t len)
{
    struct json_obj *o = NULL;
    char n[80];
    out[0] = '\0';
    assert_int_equal(json_obj_parse(buf_str(&c->body), &o), ERR_OK);
    for (size_t i = 0; i < json_obj_len(o, "rows"); i++) {
        struct json_obj *r = json_obj_item(o, "rows", i);
        json_obj_text(r, "name", n, sizeof(n));
        if (strcmp(n, name) == 0) {
            json_obj_text(r, path, out, len);
        }
        json_obj_destroy(r);
    }
    json_obj_destroy(o);
    return out;
}

/* GET /api/proposals: a pegawai sees each plan past draf that moves them,
 * with their move and their answer; nobody else's, and no other role. */
static void
test_web_proposals_list_the_callers_published_moves(void **state)
{
    (void)state;
    struct client hr, mover, other;
    char nip[32];
    char unit[80];
    char kind[16];
    char v[256];
    client_init(&hr);
    client_init(&mover);
    client_init(&other);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    assert_int_equal(call(&hr, "POST", "/api/plans",
                          "{\"name\":\"usul1\",\"as_of\":\"2026-12-01\","
                          "\"mode\":\"directed\"}",
                          true),
                     201);
    first_move(&hr, nip, unit, kind);
    bool sd4_moved = strstr(buf_str(&hr.body), NIP_SD4) != NULL;
    struct store *st = NULL;
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    add_user(st, "usul", "pegawai", nip, NULL);
    store_close(st);
    assert_int_equal(login(&mover, "usul", PASSWORD), 200);
    assert_int_equal(login(&other, "guru", PASSWORD), 200);
    /* A draft is not shown; other roles may not ask. */
    assert_int_equal(call(&mover, "GET", "/api/proposals", NULL, false), 200);
    assert_null(strstr(buf_str(&mover.body), "usul1"));
    assert_int_equal(call(&hr, "GET", "/api/proposals", NULL, false), 403);
    assert_int_equal(call(&hr, "POST", "/api/plans/usul1/publish", NULL, true),
                     200);
    assert_int_equal(call(&mover, "GET", "/api/proposals", NULL, false), 200);
    assert_string_equal(plan_row(&mover, "usul1", "status", v, sizeof(v)),
                        "diterbitkan");
    assert_string_equal(plan_row(&mover, "usul1", "move.nip", v, sizeof(v)),
                        nip);
    assert_string_equal(
        plan_row(&mover, "usul1", "move.unit_tujuan", v, sizeof(v)), unit);
    assert_true(strlen(plan_row(&mover, "usul1", "move.penjelasan", v,
                                sizeof(v))) > 20);
    assert_string_equal(plan_row(&mover, "usul1", "tanggapan", v, sizeof(v)),
                        "");
    assert_null(strstr(buf_str(&mover.body), "\"summary\""));
    /* Their answer comes back with the proposal. */
    assert_int_equal(call(&mover, "POST", "/api/plans/usul1/responses",
                          "{\"tanggapan\":\"keberatan\",\"catatan\":\"orang "
                          "tua sakit\"}",
                          true),
                     200);
    assert_int_equal(call(&mover, "GET", "/api/proposals", NULL, false), 200);
    assert_string_equal(plan_row(&mover, "usul1", "tanggapan", v, sizeof(v)),
                        "keberatan");
    assert_string_equal(plan_row(&mover, "usul1", "catatan", v, sizeof(v)),
                        "orang tua sakit");
    /* Someone the plan does not move does not see it. */
    assert_int_equal(call(&other, "GET", "/api/proposals", NULL, false), 200);
    if (!sd4_moved) {
        assert_string_equal(plan_row(&other, "usul1", "name", v, sizeof(v)),
                            "");
    }
    client_cleanup(&hr);
    client_cleanup(&mover);
    client_cleanup(&other);
}

/* A decree reaches back no further than the month it is signed in, and a
 * plan without moves has nothing to decide (review of 2026-12-01). */
static void
test_web_approval_refuses_a_past_tmt_and_an_empty_plan(void **state)
{
    (void)state;
    struct client hr;
    struct client boss;
    client_init(&hr);
    client_init(&boss);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    assert_int_equal(login(&boss, "boss", PASSWORD), 200);
    assert_int_equal(call(&hr, "POST", "/api/plans",
                          "{\"name\":\"kosong\",\"mode\":\"directed\","
                          "\"max_moves\":0}",
                          true),
                     201);
    /* A draft is not the PPK's to decide; an empty plan is not even
     * published (issue #15: nothing skips a step). */
    assert_int_equal(call(&boss, "POST", "/api/plans/kosong/approve",
                          "{\"tmt\":\"2026-11-01\"}", true),
                     409);
    assert_non_null(strstr(buf_str(&boss.body), "berstatus draf"));
    assert_int_equal(call(&hr, "POST", "/api/plans/kosong/publish", NULL, true),
                     422);
    assert_non_null(strstr(buf_str(&hr.body), "tidak memuat perpindahan"));
    assert_int_equal(call(&hr, "GET", "/api/plans/kosong", NULL, false), 200);
    assert_non_null(strstr(buf_str(&hr.body), "\"status\":\"draf\""));
    client_cleanup(&hr);
    client_cleanup(&boss);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_plan_is_published_answered_and_approved),
        cmocka_unit_test(test_web_proposals_list_the_callers_published_moves),
        cmocka_unit_test(
            test_web_approval_refuses_a_past_tmt_and_an_empty_plan),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
