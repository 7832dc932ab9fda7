/* SPDX-License-Identifier: MIT */
/* Tests of election periods over the API (issue #17 part 4) against a
 * real server (web_fixture.c): a period that ends before it starts is
 * 422 and not kept; the planner reads the period in force; the PPK's
 * decision of a plan that moves an official inside it is 422 naming the
 * move, then passes with the Minister's written approval as base64 in the
 * approve body; the report to the Ministry is a PDF. The examples' plans
 * move staff, not officials: the setting jabatan_kepala is set to the
 * moved employee's jabatan, as HR would list a head's post. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "json.h"
#include "mem.h"
#include "store.h"

#include "web_fixture.c" /* The server, the client, setup(). */

/* A structurally sound PDF: header, xref, trailer, startxref. */
static const char izin_pdf[] =
    "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 2\n"
    "0000000000 65535 f \n0000000009 00000 n \ntrailer<</Size 2/Root 1 0 R>>\n"
    "startxref\n40\n%%EOF\n";

/* The TPK agrees to every move of plan 'name' and closes. */
static void
tpk_agrees_all(struct client *tpk, const char *name)
{
    char path[96];
    struct buf body;
    buf_init(&body, 0);
    snprintf(path, sizeof(path), "/api/plans/%s", name);
    assert_int_equal(call(tpk, "GET", path, NULL, false), 200);
    struct json_obj *o = body_json(tpk);
    size_t n = json_obj_len(o, "moves");
    assert_int_equal(buf_adds(&body, "{\"moves\":["), ERR_OK);
    for (size_t i = 0; i < n; i++) {
        char nip[32];
        item_text(o, "moves", i, "nip", nip, sizeof(nip));
        assert_int_equal(buf_addf(&body,
                                  "%s{\"nip\":\"%s\",\"keputusan\":\"setuju\","
                                  "\"tanggapan\":\"Dijawab.\"}",
                                  i ? "," : "", nip),
                         ERR_OK);
    }
    json_obj_destroy(o);
    assert_int_equal(buf_adds(&body, "],\"close\":true}"), ERR_OK);
    snprintf(path, sizeof(path), "/api/plans/%s/consider", name);
    assert_int_equal(call(tpk, "POST", path, buf_str(&body), true), 200);
    buf_cleanup(&body);
}

/* An approve body from 2027-01-01 keeping only the move of 'keep', with
 * the approval 'izin' (a JSON object, or NULL), into 'out'. */
static void
approve_body(const struct json_obj *plan, const char *keep, const char *izin,
             struct buf *out)
{
    size_t n = json_obj_len(plan, "moves");
    int k = 0;
    out->len = 0;
    assert_int_equal(buf_adds(out, "{\"tmt\":\"2027-01-01\",\"ikutkan\":true,"
                                   "\"strike\":["),
                     ERR_OK);
    for (size_t i = 0; i < n; i++) {
        char nip[32];
        item_text(plan, "moves", i, "nip", nip, sizeof(nip));
        if (strcmp(nip, keep) != 0) {
            assert_int_equal(buf_addf(out,
                                      "%s{\"nip\":\"%s\",\"alasan\":"
                                      "\"Ditunda.\"}",
                                      k++ ? "," : "", nip),
                             ERR_OK);
        }
    }
    assert_int_equal(buf_addf(out, "]%s%s}",
                              izin ? ",\"persetujuan_mendagri\":" : "",
                              izin ? izin : ""),
                     ERR_OK);
}

static void
test_web_tenang_refuses_then_takes_the_approval(void **state)
{
    (void)state;
    struct client hr, boss, tpk;
    client_init(&hr);
    client_init(&boss);
    client_init(&tpk);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    assert_int_equal(login(&boss, "boss", PASSWORD), 200);
    assert_int_equal(login(&tpk, "tpk1", PASSWORD), 200);
    /* A period ending before it starts: 422, nothing kept. */
    assert_int_equal(call(&hr, "POST", "/api/settings/masa_tenang",
                          "{\"value\":\"2027-02-28..2026-11-01 Pilkada Uji\"}",
                          true),
                     422);
    assert_non_null(strstr(buf_str(&hr.body), "berakhir sebelum dimulai"));
    assert_int_equal(call(&hr, "GET", "/api/masa-tenang", NULL, false), 200);
    assert_non_null(strstr(buf_str(&hr.body), "\"periode\":null"));
    assert_int_equal(call(&hr, "POST", "/api/settings/masa_tenang",
                          "{\"value\":\"2026-11-01..2027-02-28 Pilkada Uji\"}",
                          true),
                     200);
    assert_int_equal(call(&hr, "GET", "/api/masa-tenang", NULL, false), 200);
    assert_non_null(strstr(buf_str(&hr.body), "\"label\":\"Pilkada Uji\""));
    assert_non_null(strstr(buf_str(&hr.body), "\"aktif\":true"));
    /* A plan to the PPK; its first move is made an official's. */
    assert_int_equal(call(&hr, "POST", "/api/plans",
                          "{\"name\":\"t1\",\"as_of\":\"2026-12-01\","
                          "\"mode\":\"directed\"}",
                          true),
                     201);
    struct json_obj *plan = body_json(&hr);
    char nip[32];
    char jab[80];
    char value[128];
    item_text(plan, "moves", 0, "nip", nip, sizeof(nip));
    item_text(plan, "moves", 0, "jabatan_asal", jab, sizeof(jab));
    assert_int_equal(call(&hr, "POST", "/api/plans/t1/publish", NULL, true),
                     200);
    tpk_agrees_all(&tpk, "t1");
    snprintf(value, sizeof(value), "{\"value\":\"%s\"}", jab);
    assert_int_equal(
        call(&hr, "POST", "/api/settings/jabatan_kepala", value, true), 200);
    assert_int_equal(
        call(&boss, "GET", "/api/plans/t1/masa-tenang", NULL, false), 200);
    assert_non_null(strstr(buf_str(&boss.body), nip));
    /* Refused, naming the move; then with the approval. */
    struct buf body;
    buf_init(&body, 0);
    approve_body(plan, nip, NULL, &body);
    assert_int_equal(
        call(&boss, "POST", "/api/plans/t1/approve", buf_str(&body), true),
        422);
    assert_non_null(strstr(buf_str(&boss.body), "Pilkada Uji"));
    assert_non_null(strstr(buf_str(&boss.body), nip));
    char *b64 = auth_base64_encode(izin_pdf, sizeof(izin_pdf) - 1);
    char izin[512];
    snprintf(izin, sizeof(izin),
             "{\"nomor\":\"100.2.2.6/9/OTDA\",\"tanggal\":\"2026-12-02\","
             "\"berkas\":\"%s\"}",
             b64);
    approve_body(plan, nip, izin, &body);
    assert_int_equal(
        call(&boss, "POST", "/api/plans/t1/approve", buf_str(&body), true),
        422);
    assert_non_null(strstr(buf_str(&boss.body), "tidak boleh sesudah"));
    assert_int_equal(
        call(&boss, "GET", "/api/plans/t1/laporan-mendagri.pdf", NULL, false),
        404);
    snprintf(izin, sizeof(izin),
             "{\"nomor\":\"100.2.2.6/9/OTDA\",\"tanggal\":\"2026-11-30\","
             "\"berkas\":\"%s\"}",
             b64);
    approve_body(plan, nip, izin, &body);
    assert_int_equal(
        call(&boss, "POST", "/api/plans/t1/approve", buf_str(&body), true),
        200);
    assert_int_equal(
        call(&boss, "GET", "/api/plans/t1/masa-tenang", NULL, false), 200);
    assert_non_null(
        strstr(buf_str(&boss.body), "\"nomor\":\"100.2.2.6/9/OTDA\""));
    assert_int_equal(
        call(&boss, "GET", "/api/plans/t1/laporan-mendagri.pdf", NULL, false),
        200);
    static const char *const want[] = {"LAPORAN PENGGANTIAN PEJABAT",
                                       "Pilkada Uji", "100.2.2.6/9/OTDA", NULL};
    pdf_text_has(&boss, want);
    /* A request's decision reads the same approval (its parse first). */
    assert_int_equal(call(&boss, "POST", "/api/requests/1/actions",
                          "{\"action\":\"tetapkan\",\"tmt\":\"2027-01-01\","
                          "\"persetujuan_mendagri\":{\"tanggal\":\"besok\"}}",
                          true),
                     422);
    assert_non_null(strstr(buf_str(&boss.body), "Tanggal persetujuan"));
    free(b64);
    buf_cleanup(&body);
    json_obj_destroy(plan);
    client_cleanup(&hr);
    client_cleanup(&boss);
    client_cleanup(&tpk);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_tenang_refuses_then_takes_the_approval),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
