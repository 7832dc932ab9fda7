/* SPDX-License-Identifier: MIT */
/* Tests of the accounts of the web service against a real server
 * (web_fixture.c): the administrator lists, adds, disables, enables and
 * re-keys accounts, each change ending the account's sessions and
 * written to the audit log. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "buf.h"
#include "json.h"

#include "web_fixture.c" /* The server, the client, setup(). */

static void
test_web_admin_manages_accounts_and_their_sessions(void **state)
{
    (void)state;
    struct client root, hr, head;
    char v[256];
    client_init(&root);
    client_init(&hr);
    client_init(&head);
    assert_int_equal(login(&root, "root", PASSWORD), 200);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    assert_int_equal(call(&root, "GET", "/api/users", NULL, false), 200);
    assert_non_null(strstr(buf_str(&root.body),
                           "{\"login\":\"kasek\",\"role\":\"kepala_unit\","
                           "\"nip\":null,\"unit\":\"50204536\","
                           "\"aktif\":true}"));
    assert_null(strstr(buf_str(&root.body), "argon2"));
    assert_null(strstr(buf_str(&root.body), "password"));
    assert_int_equal(call(&hr, "GET", "/api/users", NULL, false), 403);
    const char *good = "{\"login\":\"kadinkes\",\"password\":\"" PASSWORD
                       "\",\"role\":\"kepala_unit\",\"unit\":\"5271.DIKES\"}";
    assert_int_equal(call(&hr, "POST", "/api/users", good, true), 403);
    assert_int_equal(call(&root, "POST", "/api/users", good, false), 403);
    static const struct {
        const char *body;
        long want;
    } bad[] = {
        {"{nope", 400},
        {"{\"login\":\"x1\",\"role\":\"pegawai\"}", 400},
        {"{\"login\":\"x1\",\"password\":\"" PASSWORD "\",\"role\":\"raja\"}",
         422},
        {"{\"login\":\"x1\",\"password\":\"pendek\",\"role\":"
         "\"kepala_unit\",\"unit\":\"50204536\"}",
         422},
        {"{\"login\":\"x1\",\"password\":\"" PASSWORD "\",\"role\":\"pegawai\","
         "\"nip\":\"199999999999999999\"}",
         422},
        {"{\"login\":\"x1\",\"password\":\"" PASSWORD
         "\",\"role\":\"pegawai\"}",
         422},
        {"{\"login\":\"x1\",\"password\":\"" PASSWORD
         "\",\"role\":\"kepala_unit\"}",
         422},
        {"{\"login\":\"x1\",\"password\":\"" PASSWORD
         "\",\"role\":\"kepala_unit\",\"unit\":\"TIDAK.ADA\"}",
         422},
        {"{\"login\":\"a b\",\"password\":\"" PASSWORD
         "\",\"role\":\"bkpsdm\"}",
         422},
        {"{\"login\":\"hr\",\"password\":\"" PASSWORD "\",\"role\":\"bkpsdm\"}",
         409},
    };
    for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
        long got = call(&root, "POST", "/api/users", bad[k].body, true);
        if (got != bad[k].want) {
            fail_msg("%s: %ld, want %ld", bad[k].body, got, bad[k].want);
        }
    }
    assert_int_equal(call(&root, "GET", "/api/users", NULL, false), 200);
    assert_null(strstr(buf_str(&root.body), "\"x1\""));
    /* A new head of the health office can log in and see its staff. */
    assert_int_equal(call(&root, "POST", "/api/users", good, true), 201);
    assert_string_equal(buf_str(&root.body),
                        "{\"login\":\"kadinkes\",\"role\":\"kepala_unit\","
                        "\"nip\":null,\"unit\":\"5271.DIKES\",\"aktif\":true}");
    assert_int_equal(login(&head, "kadinkes", PASSWORD), 200);
    assert_int_equal(
        call(&head, "GET", "/api/employees?unit=5271.DIKES", NULL, false), 200);
    /* Disabling ends its sessions at once; enabling lets it in again. */
    assert_int_equal(call(&root, "POST", "/api/users/kadinkes",
                          "{\"action\":\"disable\"}", true),
                     200);
    assert_string_equal(field(&root, "aktif", v, sizeof(v)), "false");
    assert_int_equal(call(&head, "GET", "/api/me", NULL, false), 401);
    assert_int_equal(login(&head, "kadinkes", PASSWORD), 401);
    assert_int_equal(call(&root, "POST", "/api/users/kadinkes",
                          "{\"action\":\"enable\"}", true),
                     200);
    assert_string_equal(field(&root, "aktif", v, sizeof(v)), "true");
    assert_int_equal(login(&head, "kadinkes", PASSWORD), 200);
    /* So does a new password; a short one changes nothing. */
    assert_int_equal(call(&root, "POST", "/api/users/kadinkes",
                          "{\"action\":\"passwd\",\"password\":\"pendek\"}",
                          true),
                     422);
    assert_int_equal(call(&head, "GET", "/api/me", NULL, false), 200);
    assert_int_equal(call(&root, "POST", "/api/users/kadinkes",
                          "{\"action\":\"passwd\",\"password\":\"sandi-baru-"
                          "kadinkes\"}",
                          true),
                     200);
    assert_null(strstr(buf_str(&root.body), "sandi-baru"));
    assert_int_equal(call(&head, "GET", "/api/me", NULL, false), 401);
    assert_int_equal(login(&head, "kadinkes", "sandi-baru-kadinkes"), 200);
    assert_int_equal(call(&root, "POST", "/api/users/tidak-ada",
                          "{\"action\":\"disable\"}", true),
                     404);
    assert_int_equal(call(&root, "POST", "/api/users/kadinkes",
                          "{\"action\":\"hapus\"}", true),
                     422);
    assert_int_equal(call(&root, "POST", "/api/users/kadinkes", "{}", true),
                     400);
    assert_int_equal(call(&hr, "POST", "/api/users/kadinkes",
                          "{\"action\":\"disable\"}", true),
                     403);
    /* Every change is in the audit log, by the admin, with no password;
     * so is every log-in, failed log-in and log-out (issue #18), with the
     * address it came from. */
    assert_int_equal(call(&head, "POST", "/api/logout", "{}", true), 200);
    assert_int_equal(
        call(&hr, "GET", "/api/audit?entity=user&id=kadinkes", NULL, false),
        200);
    struct json_obj *o = body_json(&hr);
    static const char *const steps[][2] = {
        {"tambah", "root"},      {"masuk", "kadinkes"}, {"nonaktifkan", "root"},
        {"gagal_masuk", "-"},    {"aktifkan", "root"},  {"masuk", "kadinkes"},
        {"ganti_sandi", "root"}, {"masuk", "kadinkes"}, {"keluar", "kadinkes"}};
    size_t n_steps = sizeof(steps) / sizeof(steps[0]);
    assert_int_equal(json_obj_len(o, "rows"), n_steps);
    for (size_t i = 0; i < n_steps; i++) {
        assert_string_equal(item_text(o, "rows", i, "action", v, sizeof(v)),
                            steps[i][0]);
        assert_string_equal(item_text(o, "rows", i, "actor", v, sizeof(v)),
                            steps[i][1]);
    }
    assert_non_null(strstr(buf_str(&hr.body), "alamat"));
    assert_non_null(strstr(buf_str(&hr.body), "127.0.0.1"));
    json_obj_destroy(o);
    assert_null(strstr(buf_str(&hr.body), PASSWORD));
    assert_null(strstr(buf_str(&hr.body), "sandi-baru"));
    assert_null(strstr(buf_str(&hr.body), "argon2"));
    /* An administrator cannot lock themselves out (review 2026-12-01). */
    assert_int_equal(call(&root, "POST", "/api/users/root",
                          "{\"action\":\"disable\"}", true),
                     409);
    assert_int_equal(call(&root, "GET", "/api/me", NULL, false), 200);
    client_cleanup(&root);
    client_cleanup(&hr);
    client_cleanup(&head);
}

/* Issue #18 (separation of duties): the admin only proposes an account of
 * an HR or decision role, a new password for one, or its enabling; a
 * BKPSDM official who is neither the proposer nor the account confirms,
 * and only they see the password made then. */
static void
test_web_decision_accounts_need_a_second_person(void **state)
{
    (void)state;
    struct client root, hr, other, boss, fresh;
    char v[256];
    char pw[64];
    client_init(&root);
    client_init(&hr);
    client_init(&other);
    client_init(&boss);
    client_init(&fresh);
    assert_int_equal(login(&root, "root", PASSWORD), 200);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    assert_int_equal(login(&other, "brute", PASSWORD), 200);
    assert_int_equal(login(&boss, "boss", PASSWORD), 200);
    /* A new PPK account: a proposal, not an account. */
    const char *ppk =
        "{\"login\":\"ppk2\",\"password\":\"sandi-pilihan-admin\","
        "\"role\":\"ppk\"}";
    assert_int_equal(call(&root, "POST", "/api/users", ppk, true), 202);
    assert_string_equal(field(&root, "usulan.status", v, sizeof(v)),
                        "menunggu");
    char id[32];
    field(&root, "usulan.id", id, sizeof(id));
    assert_null(strstr(buf_str(&root.body), "sandi-pilihan-admin"));
    assert_int_equal(login(&fresh, "ppk2", "sandi-pilihan-admin"), 401);
    assert_int_equal(call(&root, "POST", "/api/users", ppk, true), 409);
    char url[96];
    snprintf(url, sizeof(url), "/api/account-changes/%s/confirm", id);
    /* The admin cannot confirm; nor can a decision maker. */
    assert_int_equal(call(&root, "POST", url, "{}", true), 403);
    assert_int_equal(call(&boss, "POST", url, "{}", true), 403);
    assert_int_equal(call(&hr, "GET", "/api/account-changes", NULL, false),
                     200);
    assert_non_null(strstr(buf_str(&hr.body), "\"login\":\"ppk2\""));
    assert_int_equal(call(&hr, "POST", url, "{}", true), 200);
    assert_string_equal(field(&hr, "usulan.status", v, sizeof(v)),
                        "dikonfirmasi");
    field(&hr, "password", pw, sizeof(pw));
    assert_int_equal(strlen(pw), 16);
    assert_int_equal(login(&fresh, "ppk2", pw), 200);
    assert_int_equal(call(&other, "POST", url, "{}", true), 409);
    /* A new password for the PPK waits too; the admin's choice never
     * works, the confirmed one does and ends the old sessions. */
    assert_int_equal(call(&root, "POST", "/api/users/boss",
                          "{\"action\":\"passwd\",\"password\":\"sandi-dari-"
                          "admin\"}",
                          true),
                     202);
    field(&root, "usulan.id", id, sizeof(id));
    assert_int_equal(call(&boss, "GET", "/api/me", NULL, false), 200);
    snprintf(url, sizeof(url), "/api/account-changes/%s/confirm", id);
    assert_int_equal(call(&other, "POST", url, "{}", true), 200);
    field(&other, "password", pw, sizeof(pw));
    assert_int_equal(call(&boss, "GET", "/api/me", NULL, false), 401);
    assert_int_equal(login(&boss, "boss", "sandi-dari-admin"), 401);
    assert_int_equal(login(&boss, "boss", pw), 200);
    /* Nobody confirms a change of their own account. */
    assert_int_equal(
        call(&root, "POST", "/api/users/hr", "{\"action\":\"passwd\"}", true),
        202);
    field(&root, "usulan.id", id, sizeof(id));
    snprintf(url, sizeof(url), "/api/account-changes/%s/confirm", id);
    assert_int_equal(call(&hr, "POST", url, "{}", true), 403);
    /* A refusal needs a reason; the admin withdraws only their own. */
    snprintf(url, sizeof(url), "/api/account-changes/%s/refuse", id);
    assert_int_equal(call(&other, "POST", url, "{}", true), 422);
    assert_int_equal(
        call(&root, "POST", url, "{\"catatan\":\"salah pilih akun\"}", true),
        200);
    assert_string_equal(field(&root, "usulan.status", v, sizeof(v)), "ditolak");
    assert_int_equal(call(&other, "POST", url, "{\"catatan\":\"x\"}", true),
                     409);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    /* A head of unit is not guarded: added at once, as before. */
    assert_int_equal(call(&root, "POST", "/api/users",
                          "{\"login\":\"kapus\",\"password\":\"" PASSWORD
                          "\",\"role\":\"kepala_unit\",\"unit\":\"50204536\"}",
                          true),
                     201);
    /* The audit names both people and no password. */
    assert_int_equal(
        call(&hr, "GET", "/api/audit?entity=user&id=ppk2", NULL, false), 200);
    struct json_obj *o = body_json(&hr);
    static const char *const steps[][2] = {{"usul_akun", "root"},
                                           {"gagal_masuk", "-"},
                                           {"konfirmasi_akun", "hr"},
                                           {"masuk", "ppk2"}};
    assert_int_equal(json_obj_len(o, "rows"), 4);
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(item_text(o, "rows", i, "action", v, sizeof(v)),
                            steps[i][0]);
        assert_string_equal(item_text(o, "rows", i, "actor", v, sizeof(v)),
                            steps[i][1]);
    }
    json_obj_destroy(o);
    assert_null(strstr(buf_str(&hr.body), "sandi-pilihan-admin"));
    client_cleanup(&root);
    client_cleanup(&hr);
    client_cleanup(&other);
    client_cleanup(&boss);
    client_cleanup(&fresh);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_admin_manages_accounts_and_their_sessions),
        cmocka_unit_test(test_web_decision_accounts_need_a_second_person),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
