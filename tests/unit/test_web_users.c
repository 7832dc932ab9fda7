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
        {"{\"login\":\"x1\",\"role\":\"bkpsdm\"}", 400},
        {"{\"login\":\"x1\",\"password\":\"" PASSWORD "\",\"role\":\"raja\"}",
         422},
        {"{\"login\":\"x1\",\"password\":\"pendek\",\"role\":\"bkpsdm\"}", 422},
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
    /* Every change is in the audit log, by the admin, with no password. */
    assert_int_equal(
        call(&hr, "GET", "/api/audit?entity=user&id=kadinkes", NULL, false),
        200);
    struct json_obj *o = body_json(&hr);
    static const char *const steps[] = {"tambah", "nonaktifkan", "aktifkan",
                                        "ganti_sandi"};
    assert_int_equal(json_obj_len(o, "rows"), 4);
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(item_text(o, "rows", i, "action", v, sizeof(v)),
                            steps[i]);
        assert_string_equal(item_text(o, "rows", i, "actor", v, sizeof(v)),
                            "root");
    }
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

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_admin_manages_accounts_and_their_sessions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
