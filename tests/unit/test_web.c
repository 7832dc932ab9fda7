/* SPDX-License-Identifier: MIT */
/* Tests of the web service against a real server (web_fixture.c): login,
 * cookies, CSRF, the throttle, roles and scope per endpoint, the reads of
 * employees, units and positions, bad bodies, security headers, session
 * expiry, and the web app served from the binary. The other resources
 * have suites of their own: test_web_requests.c, test_web_plans.c,
 * test_web_abk.c and test_web_users.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <curl/curl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "model.h"
#include "store.h"
#include "web.h"

#include "web_fixture.c" /* The server, the client, setup(). */

static void
test_web_login_sets_strict_http_only_cookie(void **state)
{
    (void)state;
    struct client c;
    char v[128];
    client_init(&c);
    assert_int_equal(login(&c, "hr", PASSWORD), 200);
    assert_non_null(strstr(c.cookie_line, WEB_COOKIE_NAME "="));
    assert_non_null(strstr(c.cookie_line, "HttpOnly"));
    assert_non_null(strstr(c.cookie_line, "SameSite=Strict"));
    assert_string_equal(field(&c, "role", v, sizeof(v)), "bkpsdm");
    assert_int_equal(strlen(c.csrf), AUTH_CSRF_LEN);
    assert_int_equal(call(&c, "GET", "/api/me", NULL, false), 200);
    assert_string_equal(field(&c, "login", v, sizeof(v)), "hr");
    assert_string_equal(field(&c, "csrf_token", v, sizeof(v)), c.csrf);
    client_cleanup(&c);
}

static void
test_web_wrong_password_and_unknown_login_answer_alike(void **state)
{
    (void)state;
    struct client c;
    char a[256];
    char b[256];
    client_init(&c);
    assert_int_equal(login(&c, "boss", "bukan-sandinya"), 401);
    field(&c, "error.message", a, sizeof(a));
    assert_int_equal(login(&c, "tidak-ada", "bukan-sandinya"), 401);
    field(&c, "error.message", b, sizeof(b));
    assert_string_equal(a, b);
    assert_string_equal(c.cookie_line, "");
    assert_int_equal(call(&c, "GET", "/api/me", NULL, false), 401);
    assert_string_equal(field(&c, "error.code", a, sizeof(a)), "belum_masuk");
    client_cleanup(&c);
}

static void
test_web_repeated_failures_are_throttled(void **state)
{
    (void)state;
    struct client c;
    client_init(&c);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(login(&c, "brute", "salah-salah-salah"), 401);
    }
    /* Now even the right password waits. */
    assert_int_equal(login(&c, "brute", PASSWORD), 429);
    client_cleanup(&c);
}

static void
test_web_state_change_needs_csrf_token(void **state)
{
    (void)state;
    struct client c;
    client_init(&c);
    assert_int_equal(login(&c, "boss", PASSWORD), 200);
    assert_int_equal(call(&c, "POST", "/api/logout", NULL, false), 403);
    char real[AUTH_CSRF_LEN + 1];
    memcpy(real, c.csrf, sizeof(real));
    memcpy(c.csrf, "00000000000000000000000000000000", AUTH_CSRF_LEN + 1);
    assert_int_equal(call(&c, "POST", "/api/logout", NULL, true), 403);
    memcpy(c.csrf, real, sizeof(real));
    assert_int_equal(call(&c, "POST", "/api/logout", NULL, true), 200);
    assert_non_null(strstr(c.cookie_line, "Max-Age=0"));
    assert_int_equal(call(&c, "GET", "/api/me", NULL, false), 401);
    client_cleanup(&c);
}

/* Expected statuses of each role on each read endpoint. */
static void
test_web_roles_reach_only_their_endpoints(void **state)
{
    (void)state;
    static const char *const logins[] = {"hr", "boss", "kadis", "guru", "root"};
    static const struct {
        const char *path;
        long want[5];
    } cases[] = {
        {"/api/me", {200, 200, 200, 200, 200}},
        {"/api/units", {200, 200, 200, 200, 403}},
        {"/api/units/50204536", {200, 200, 200, 200, 403}},
        {"/api/employees", {200, 200, 200, 200, 403}},
        {"/api/employees/" NIP_SD4, {200, 200, 200, 200, 403}},
        {"/api/employees/" NIP_PKM, {200, 200, 404, 404, 403}},
        {"/api/employees?unit=5271.DIKES", {200, 200, 404, 200, 403}},
        {"/api/audit", {200, 200, 403, 403, 403}},
        {"/api/abk?by=opd&as_of=2026-12-01", {200, 200, 200, 403, 403}},
        {"/api/abk?unit=5271.DIKES", {200, 200, 404, 403, 403}},
        {"/api/abk?by=sideways", {400, 400, 400, 403, 403}},
        {"/api/units/TIDAK.ADA", {404, 404, 404, 404, 403}},
    };
    for (int r = 0; r < 5; r++) {
        struct client c;
        client_init(&c);
        assert_int_equal(login(&c, logins[r], PASSWORD), 200);
        for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
            long got = call(&c, "GET", cases[k].path, NULL, false);
            if (got != cases[k].want[r]) {
                fail_msg("%s %s: %ld, want %ld", logins[r], cases[k].path, got,
                         cases[k].want[r]);
            }
        }
        client_cleanup(&c);
    }
}

static void
test_web_lists_keep_to_scope(void **state)
{
    (void)state;
    struct client c;
    char v[64];
    client_init(&c);
    /* A pegawai's list is themselves, whatever the filter. */
    assert_int_equal(login(&c, "guru", PASSWORD), 200);
    assert_int_equal(
        call(&c, "GET", "/api/employees?unit=5271.DIKES", NULL, false), 200);
    assert_string_equal(field(&c, "total", v, sizeof(v)), "1");
    assert_string_equal(field(&c, "rows", v, sizeof(v)), "");
    assert_non_null(strstr(buf_str(&c.body), NIP_SD4));
    client_cleanup(&c);
    /* A school head sees the school only; the dinas head all schools. */
    client_init(&c);
    assert_int_equal(login(&c, "kasek", PASSWORD), 200);
    assert_int_equal(call(&c, "GET", "/api/employees", NULL, false), 200);
    assert_string_equal(field(&c, "total", v, sizeof(v)), "8");
    assert_null(strstr(buf_str(&c.body), "5271.DIKES"));
    assert_int_equal(
        call(&c, "GET", "/api/employees?unit=5271.DIKBUD", NULL, false), 404);
    client_cleanup(&c);
    client_init(&c);
    assert_int_equal(login(&c, "hr", PASSWORD), 200);
    assert_int_equal(call(&c, "GET", "/api/employees?page=2", NULL, false),
                     200);
    assert_string_equal(field(&c, "total", v, sizeof(v)), "65");
    assert_string_equal(field(&c, "page", v, sizeof(v)), "2");
    assert_int_equal(call(&c, "GET", "/api/employees?page=0", NULL, false),
                     400);
    assert_int_equal(call(&c, "GET", "/api/employees?q=" NIP_PKM, NULL, false),
                     200);
    assert_string_equal(field(&c, "total", v, sizeof(v)), "1");
    client_cleanup(&c);
}

/* Cached answers follow every change of the data, also one made by
 * another connection. */
/* Ask 'path' until it answers 'status' (and its body holds 'text', when
 * given), for at most two seconds. */
static bool
wait_status(struct client *c, const char *path, long status, const char *text)
{
    for (int i = 0; i < 200; i++) {
        if (call(c, "GET", path, NULL, false) == status &&
            (text == NULL || strstr(buf_str(&c->body), text) != NULL)) {
            return true;
        }
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    return false;
}

static void
test_web_cached_answers_follow_changes(void **state)
{
    (void)state;
    struct client c;
    client_init(&c);
    assert_int_equal(login(&c, "hr", PASSWORD), 200);
    const char *path = "/api/employees?q=" NIP_PKM;
    assert_int_equal(call(&c, "GET", path, NULL, false), 200);
    assert_int_equal(call(&c, "GET", path, NULL, false), 200);
    assert_null(strstr(buf_str(&c.body), "Nama Baru Sekali"));
    struct store *st = NULL;
    struct pegawai p;
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    assert_int_equal(store_pegawai_get(st, NIP_PKM, &p), ERR_OK);
    p.nama = "Nama Baru Sekali";
    assert_int_equal(store_pegawai_put(st, &p, "uji", NULL), ERR_OK);
    store_close(st);
    /* A change by another process reaches the server within the
     * watchdog's interval (50 ms); two seconds is only the test's bound. */
    assert_true(wait_status(&c, path, 200, "Nama Baru Sekali"));
    for (int i = 0; i < 6; i++) { /* Whichever handle answers. */
        assert_int_equal(call(&c, "GET", path, NULL, false), 200);
        assert_non_null(strstr(buf_str(&c.body), "Nama Baru Sekali"));
    }
    client_cleanup(&c);
}

/* A second client that sends the session cookie of 'c' (copied from its
 * last Set-Cookie), and keeps sending it whatever the server says. */
static void
same_session(const struct client *c, struct client *d)
{
    char cookie[160];
    const char *v = strstr(c->cookie_line, WEB_COOKIE_NAME "=");
    assert_non_null(v);
    snprintf(cookie, sizeof(cookie), "%.*s", (int)strcspn(v, ";\r\n"), v);
    client_init(d);
    curl_easy_setopt(d->h, CURLOPT_COOKIEFILE, NULL);
    curl_easy_setopt(d->h, CURLOPT_COOKIE, cookie);
}

/* Sessions are checked once per generation: a log-out through the server
 * holds from its next request, a change by another process within the
 * watchdog's interval, and a session is never answered for once its
 * account is disabled or its row is gone. */
static void
test_web_session_cache_follows_revocation(void **state)
{
    (void)state;
    struct client c;
    struct client d;
    struct store *st = NULL;
    client_init(&c);
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    add_user(st, "cache1", "bkpsdm", NULL, NULL);

    /* Log-out through the server: the copy of the cookie is refused on
     * the very next request, though it was just answered for. */
    assert_int_equal(login(&c, "cache1", PASSWORD), 200);
    same_session(&c, &d);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(call(&d, "GET", "/api/me", NULL, false), 200);
    }
    assert_int_equal(call(&c, "POST", "/api/logout", NULL, true), 200);
    assert_int_equal(call(&d, "GET", "/api/me", NULL, false), 401);
    client_cleanup(&d);

    /* The account disabled by another process (the command line). */
    assert_int_equal(login(&c, "cache1", PASSWORD), 200);
    same_session(&c, &d);
    assert_int_equal(call(&d, "GET", "/api/me", NULL, false), 200);
    assert_int_equal(call(&d, "GET", "/api/me", NULL, false), 200);
    assert_int_equal(store_user_set_active(st, "cache1", false), ERR_OK);
    assert_true(wait_status(&d, "/api/me", 401, NULL));
    for (int i = 0; i < 6; i++) {
        assert_int_equal(call(&d, "GET", "/api/me", NULL, false), 401);
    }
    assert_int_equal(store_user_set_active(st, "cache1", true), ERR_OK);
    client_cleanup(&d);

    /* The session's row deleted by another server on the same file. */
    assert_true(wait_status(&c, "/api/me", 401, NULL)); /* Disabled: gone. */
    assert_int_equal(login(&c, "cache1", PASSWORD), 200);
    same_session(&c, &d);
    assert_int_equal(call(&d, "GET", "/api/me", NULL, false), 200);
    char token[AUTH_TOKEN_LEN + 1];
    char hash[65];
    const char *v = strstr(c.cookie_line, WEB_COOKIE_NAME "=");
    assert_non_null(v);
    snprintf(token, sizeof(token), "%s", v + strlen(WEB_COOKIE_NAME "="));
    assert_true(auth_token_hash(token, hash));
    assert_int_equal(store_session_delete(st, hash), ERR_OK);
    assert_true(wait_status(&d, "/api/me", 401, NULL));
    client_cleanup(&d);
    store_close(st);
    client_cleanup(&c);
}

static void
test_web_bad_bodies_get_4xx_and_server_stays_up(void **state)
{
    (void)state;
    struct client c;
    char v[64];
    client_init(&c);
    assert_int_equal(call(&c, "POST", "/api/login", "{nope", false), 400);
    assert_int_equal(call(&c, "POST", "/api/login", "[1,2,3]", false), 400);
    assert_int_equal(call(&c, "POST", "/api/login", "{\"login\":1}", false),
                     400);
    /* Deep nesting. */
    struct buf deep;
    buf_init(&deep, 0);
    for (int i = 0; i < 100000; i++) {
        assert_int_equal(buf_add(&deep, "[", 1), ERR_OK);
    }
    assert_int_equal(call(&c, "POST", "/api/login", buf_str(&deep), false),
                     400);
    /* A body past the cap. */
    for (size_t i = deep.len; i < WEB_BODY_MAX + 10; i++) {
        assert_int_equal(buf_add(&deep, "x", 1), ERR_OK);
    }
    assert_int_equal(call(&c, "POST", "/api/login", buf_str(&deep), false),
                     413);
    assert_string_equal(field(&c, "error.code", v, sizeof(v)), "terlalu_besar");
    buf_cleanup(&deep);
    assert_int_equal(call(&c, "GET", "/api/tidak-ada", NULL, false), 404);
    assert_int_equal(call(&c, "DELETE", "/api/me", NULL, false), 404);
    assert_int_equal(login(&c, "kadis", PASSWORD), 200);
    client_cleanup(&c);
}

static void
test_web_security_headers_on_every_answer(void **state)
{
    (void)state;
    CURL *h = curl_easy_init();
    struct buf head;
    buf_init(&head, 0);
    char url[128];
    snprintf(url, sizeof(url), "http://127.0.0.1:%d/api/me", fx.port);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HEADER, 1L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    struct client c;
    memset(&c, 0, sizeof(c));
    buf_init(&c.body, 0);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &c);
    assert_int_equal(curl_easy_perform(h), CURLE_OK);
    const char *t = buf_str(&c.body);
    assert_non_null(strstr(t, "X-Frame-Options: DENY"));
    assert_non_null(strstr(t, "X-Content-Type-Options: nosniff"));
    assert_non_null(strstr(t, "Content-Security-Policy: default-src 'self'"));
    assert_non_null(strstr(t, "Referrer-Policy: no-referrer"));
    buf_cleanup(&c.body);
    buf_cleanup(&head);
    curl_easy_cleanup(h);
}

/* Expiry is decided on the times the store keeps: checked here directly
 * against auth_session() with a later "now". */
static void
test_web_session_expires_when_idle_and_when_old(void **state)
{
    (void)state;
    struct store *st = NULL;
    char token[AUTH_TOKEN_LEN + 1];
    struct auth_who who;
    struct auth_limits lim = {30 * 60, 12 * 3600};
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    assert_int_equal(auth_login(st, "boss", PASSWORD, 1000, token, &who),
                     ERR_OK);
    assert_int_equal(auth_session(st, token, 1000 + 30 * 60, &lim, &who),
                     ERR_OK);
    /* Its use recorded now: a cache may answer until the idle limit. */
    assert_int_equal(who.last_use, 1000 + 30 * 60);
    assert_int_equal(who.expires, 1000 + 60 * 60);
    /* Used again within the minute: not recorded, the limit stays. */
    assert_int_equal(auth_session(st, token, 1000 + 30 * 60 + 59, &lim, &who),
                     ERR_OK);
    assert_int_equal(who.last_use, 1000 + 30 * 60);
    assert_int_equal(who.expires, 1000 + 60 * 60);
    /* Used at 1000 + 1800: idle until then plus 1800. */
    assert_int_equal(auth_session(st, token, 1000 + 60 * 60 + 1, &lim, &who),
                     ERR_NOTFOUND);
    /* Gone for good once expired. */
    assert_int_equal(auth_session(st, token, 1000 + 60, &lim, &who),
                     ERR_NOTFOUND);
    /* Kept busy, it still ends after the absolute limit. */
    assert_int_equal(auth_login(st, "boss", PASSWORD, 5000, token, &who),
                     ERR_OK);
    for (int64_t t = 5000; t <= 5000 + 12 * 3600; t += 25 * 60) {
        assert_int_equal(auth_session(st, token, t, &lim, &who), ERR_OK);
    }
    /* Near the end, the absolute limit is the earlier one. */
    assert_int_equal(who.expires, 5000 + 12 * 3600);
    assert_int_equal(auth_session(st, token, 5000 + 12 * 3600 + 60, &lim, &who),
                     ERR_NOTFOUND);
    /* Disabling an account ends its sessions. */
    assert_int_equal(auth_login(st, "boss", PASSWORD, 9000, token, &who),
                     ERR_OK);
    assert_int_equal(store_user_set_active(st, "boss", false), ERR_OK);
    assert_int_equal(auth_session(st, token, 9001, &lim, &who), ERR_NOTFOUND);
    assert_int_equal(auth_login(st, "boss", PASSWORD, 9002, token, &who),
                     ERR_NOTFOUND);
    assert_int_equal(store_user_set_active(st, "boss", true), ERR_OK);
    store_close(st);
}

static void
test_web_positions_are_listed_for_staff(void **state)
{
    (void)state;
    struct client guru, root;
    char v[128];
    client_init(&guru);
    client_init(&root);
    assert_int_equal(call(&guru, "GET", "/api/jabatan", NULL, false), 401);
    assert_int_equal(login(&guru, "guru", PASSWORD), 200);
    assert_int_equal(login(&root, "root", PASSWORD), 200);
    for (int pass = 0; pass < 2; pass++) { /* Then from the cache. */
        assert_int_equal(call(&guru, "GET", "/api/jabatan", NULL, false), 200);
        struct json_obj *o = body_json(&guru);
        assert_int_equal(json_obj_len(o, "rows"), 13);
        assert_non_null(strstr(buf_str(&guru.body),
                               "{\"kode\":\"GURU_PJOK_AP\",\"nama\":\"Guru "
                               "Pendidikan Jasmani, Olahraga dan Kesehatan "
                               "Ahli Pertama\",\"jenis\":"
                               "\"fungsional_keahlian\",\"jenjang\":"
                               "\"pertama\",\"kelompok\":null"));
        assert_non_null(strstr(buf_str(&guru.body),
                               "\"kompetensi\":[\"sertifikat_pjok\"]"));
        bool found = false;
        for (size_t i = 0; i < json_obj_len(o, "rows"); i++) {
            if (strcmp(item_text(o, "rows", i, "kode", v, sizeof(v)),
                       "KEPALA_DINAS") == 0) {
                found = true;
                assert_string_equal(item_text(o, "rows", i, "jenis", v, 128),
                                    "jpt");
                assert_string_equal(item_text(o, "rows", i, "nama", v, 128),
                                    "Kepala Dinas");
            }
        }
        assert_true(found);
        json_obj_destroy(o);
    }
    assert_int_equal(call(&root, "GET", "/api/jabatan", NULL, false), 403);
    client_cleanup(&guru);
    client_cleanup(&root);
}

#define NIP_KEPEG "198801072010121009" /* Office staff of the BKPSDM. */

/* Is 'kode' on either side of every move in the unit answer in 'c', each
 * changing the unit, newest first? Returns their number. */
static size_t
check_unit_moves(struct client *c, const char *kode)
{
    struct json_obj *o = body_json(c);
    char prev[32] = "9999-12-31";
    char a[80];
    char b[80];
    char t[32];
    size_t n = json_obj_len(o, "riwayat");
    assert_true(n > 0 && n <= 200);
    for (size_t i = 0; i < n; i++) {
        item_text(o, "riwayat", i, "dari", a, sizeof(a));
        item_text(o, "riwayat", i, "ke", b, sizeof(b));
        item_text(o, "riwayat", i, "tmt", t, sizeof(t));
        assert_true(strcmp(a, kode) == 0 || strcmp(b, kode) == 0);
        assert_string_not_equal(a, b);
        assert_true(strcmp(t, prev) <= 0);
        snprintf(prev, sizeof(prev), "%s", t);
    }
    json_obj_destroy(o);
    return n;
}

static void
test_web_employee_and_unit_show_their_history(void **state)
{
    (void)state;
    struct client hr, guru, kasek;
    char v[256];
    char old[80];
    client_init(&hr);
    client_init(&guru);
    client_init(&kasek);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    assert_int_equal(login(&guru, "guru", PASSWORD), 200);
    assert_int_equal(login(&kasek, "kasek", PASSWORD), 200);
    /* A move of our own, later than any plan's. */
    struct store *st = NULL;
    struct pegawai p;
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    assert_int_equal(store_pegawai_get(st, NIP_KEPEG, &p), ERR_OK);
    snprintf(old, sizeof(old), "%s", p.unit);
    const char *to =
        strcmp(old, "5271.BKPSDM.PPI") != 0 ? "5271.BKPSDM.PPI" : "5271.BKPSDM";
    p.unit = to;
    assert_int_equal(date_parse("2027-06-01", 10, &p.tmt_unit), ERR_OK);
    assert_int_equal(store_pegawai_put(st, &p, "uji", NULL), ERR_OK);
    store_close(st);
    assert_int_equal(call(&hr, "GET", "/api/employees/" NIP_KEPEG, NULL, false),
                     200);
    assert_string_equal(field(&hr, "unit_nama", v, sizeof(v)),
                        strcmp(to, "5271.BKPSDM") == 0
                            ? "Badan Kepegawaian dan Pengembangan Sumber "
                              "Daya Manusia"
                            : "Bidang Pengadaan, Pemberhentian dan Informasi");
    assert_string_equal(field(&hr, "jabatan_nama", v, sizeof(v)),
                        "Pengadministrasi Perkantoran");
    struct json_obj *o = body_json(&hr);
    size_t n = json_obj_len(o, "riwayat");
    assert_true(n >= 2);
    assert_string_equal(item_text(o, "riwayat", 0, "unit", v, 80), to);
    assert_string_equal(item_text(o, "riwayat", 0, "tmt", v, 80), "2027-06-01");
    assert_string_equal(item_text(o, "riwayat", 0, "sumber", v, 80), "uji");
    assert_string_equal(item_text(o, "riwayat", 0, "jabatan_nama", v, 80),
                        "Pengadministrasi Perkantoran");
    assert_string_equal(item_text(o, "riwayat", 1, "unit", v, 80), old);
    /* The SKP ratings, newest year first (examples/kinerja.csv). */
    assert_int_equal(json_obj_len(o, "kinerja"), 3);
    assert_string_equal(item_text(o, "kinerja", 0, "predikat", v, 80), "baik");
    assert_string_equal(item_text(o, "kinerja", 0, "tahun", v, 80), "2026");
    assert_string_equal(item_text(o, "kinerja", 2, "tahun", v, 80), "2024");
    /* The oldest is the import's first posting. */
    char first_tmt[32];
    assert_string_equal(item_text(o, "riwayat", n - 1, "unit", v, 80),
                        "5271.BKPSDM");
    assert_string_equal(item_text(o, "riwayat", n - 1, "unit_nama", v, 80),
                        "Badan Kepegawaian dan Pengembangan Sumber Daya "
                        "Manusia");
    assert_string_equal(item_text(o, "riwayat", n - 1, "sumber", v, 80),
                        "impor");
    item_text(o, "riwayat", n - 1, "tmt", first_tmt, sizeof(first_tmt));
    assert_string_equal(first_tmt, "2016-05-02");
    json_obj_destroy(o);
    /* The unit's moves: ours first, into 'to' and out of 'old'. */
    char path[96];
    snprintf(path, sizeof(path), "/api/units/%s", to);
    assert_int_equal(call(&hr, "GET", path, NULL, false), 200);
    check_unit_moves(&hr, to);
    o = body_json(&hr);
    assert_string_equal(item_text(o, "riwayat", 0, "nip", v, 80), NIP_KEPEG);
    assert_string_equal(item_text(o, "riwayat", 0, "nama", v, 80),
                        "Lalu Satriawan");
    assert_string_equal(item_text(o, "riwayat", 0, "tmt", v, 80), "2027-06-01");
    assert_string_equal(item_text(o, "riwayat", 0, "dari", v, 80), old);
    assert_string_equal(item_text(o, "riwayat", 0, "ke", v, 80), to);
    assert_string_equal(item_text(o, "riwayat", 0, "jabatan", v, 80),
                        "PENGADM_PERKANTORAN");
    assert_true(strlen(item_text(o, "riwayat", 0, "ke_nama", v, 80)) > 5);
    assert_true(strlen(item_text(o, "riwayat", 0, "dari_nama", v, 80)) > 5);
    json_obj_destroy(o);
    snprintf(path, sizeof(path), "/api/units/%s", old);
    assert_int_equal(call(&hr, "GET", path, NULL, false), 200);
    check_unit_moves(&hr, old);
    o = body_json(&hr);
    assert_string_equal(item_text(o, "riwayat", 0, "nip", v, 80), NIP_KEPEG);
    assert_string_equal(item_text(o, "riwayat", 0, "ke", v, 80), to);
    json_obj_destroy(o);
    /* A first posting comes from nowhere. */
    assert_int_equal(call(&hr, "GET", "/api/units/5271.BKPSDM", NULL, false),
                     200);
    size_t n_moves = check_unit_moves(&hr, "5271.BKPSDM");
    o = body_json(&hr);
    bool first = false;
    for (size_t i = 0; i < n_moves; i++) {
        first =
            first ||
            (strcmp(item_text(o, "riwayat", i, "nip", v, 80), NIP_KEPEG) == 0 &&
             strcmp(item_text(o, "riwayat", i, "tmt", v, 80), first_tmt) == 0 &&
             item_text(o, "riwayat", i, "dari", v, 80)[0] == '\0');
    }
    assert_true(first);
    json_obj_destroy(o);
    assert_non_null(
        strstr(buf_str(&hr.body), "\"dari\":null,\"dari_nama\":null"));
    /* Only those who may see a unit's staff see its moves. */
    assert_int_equal(call(&guru, "GET", "/api/units/5271.BKPSDM", NULL, false),
                     200);
    assert_null(strstr(buf_str(&guru.body), "riwayat"));
    assert_int_equal(call(&kasek, "GET", "/api/units/5271.BKPSDM", NULL, false),
                     200);
    assert_null(strstr(buf_str(&kasek.body), "riwayat"));
    assert_int_equal(call(&kasek, "GET", "/api/units/50204536", NULL, false),
                     200);
    check_unit_moves(&kasek, "50204536");
    /* An employee sees their own history. */
    assert_int_equal(call(&guru, "GET", "/api/employees/" NIP_SD4, NULL, false),
                     200);
    assert_string_equal(field(&guru, "jabatan_nama", v, sizeof(v)),
                        "Guru Kelas Ahli Muda");
    assert_non_null(strstr(buf_str(&guru.body), "\"riwayat\":[{\"unit\":"));
    assert_int_equal(call(&hr, "GET", "/api/units/TIDAK.ADA", NULL, false),
                     404);
    client_cleanup(&hr);
    client_cleanup(&guru);
    client_cleanup(&kasek);
}

static size_t
on_head(char *p, size_t size, size_t n, void *ctx)
{
    assert_int_equal(buf_add(ctx, p, size * n), ERR_OK);
    return size * n;
}

/* The web app comes from the binary: the page in Indonesian, revalidated
 * by its ETag; its hashed assets cached for a year and sent gzipped to
 * those who accept it; anything else 404. */
static void
test_web_app_is_served_from_the_binary(void **state)
{
    (void)state;
    struct client c;
    client_init(&c);
    struct buf head;
    buf_init(&head, 0);
    curl_easy_setopt(c.h, CURLOPT_HEADERFUNCTION, on_head);
    curl_easy_setopt(c.h, CURLOPT_HEADERDATA, &head);
    assert_int_equal(call(&c, "GET", "/", NULL, false), 200);
    assert_non_null(strstr(buf_str(&c.body), "<html lang=\"id\">"));
    assert_non_null(strstr(buf_str(&head), "Cache-Control: no-cache"));
    assert_non_null(strstr(buf_str(&head), "Content-Security-Policy:"));
    const char *et = strstr(buf_str(&head), "ETag: ");
    assert_non_null(et);
    char etag[96];
    snprintf(etag, sizeof(etag), "If-None-Match: %.*s",
             (int)strcspn(et + 6, "\r\n"), et + 6);
    const char *js = strstr(buf_str(&c.body), "/assets/main-");
    assert_non_null(js);
    char path[96];
    snprintf(path, sizeof(path), "%.*s", (int)strcspn(js, "\""), js);
    struct curl_slist *hs = curl_slist_append(NULL, etag);
    curl_easy_setopt(c.h, CURLOPT_HTTPHEADER, hs);
    buf_reset(&head);
    char url[160];
    snprintf(url, sizeof(url), "http://127.0.0.1:%d/", fx.port);
    curl_easy_setopt(c.h, CURLOPT_URL, url);
    curl_easy_setopt(c.h, CURLOPT_HTTPGET, 1L);
    assert_int_equal(curl_easy_perform(c.h), CURLE_OK);
    curl_easy_getinfo(c.h, CURLINFO_RESPONSE_CODE, &c.status);
    assert_int_equal(c.status, 304);
    curl_slist_free_all(hs);
    curl_easy_setopt(c.h, CURLOPT_HTTPHEADER, NULL);
    curl_easy_setopt(c.h, CURLOPT_ACCEPT_ENCODING, "gzip");
    buf_reset(&head);
    assert_int_equal(call(&c, "GET", path, NULL, false), 200);
    assert_non_null(strstr(buf_str(&head), "immutable"));
    assert_non_null(strstr(buf_str(&head), "Content-Encoding: gzip"));
    /* curl undid the gzip: the app's own words are in the bundle. */
    assert_non_null(strstr(buf_str(&c.body), "Sistem Informasi Mutasi ASN"));
    assert_int_equal(call(&c, "GET", "/assets/nope.js", NULL, false), 404);
    assert_int_equal(call(&c, "POST", "/", "", false), 404);
    buf_cleanup(&head);
    client_cleanup(&c);
}

/* Issue #18: a store held by another writer (a long import) answers 503
 * with Retry-After once the wait runs out, not a bare 500. */
static void
test_web_busy_store_answers_503_with_retry_after(void **state)
{
    (void)state;
    struct web_config cfg = {.db = fx.db,
                             .address = "127.0.0.1",
                             .threads = 1,
                             .dispatch = web_routes_dispatch,
                             .admit = web_routes_admit,
                             .body_cap = web_routes_body_cap,
                             .busy_ms = 200};
    struct web *w = NULL;
    char why[256];
    assert_int_equal(web_start(&cfg, why, sizeof(why), &w), ERR_OK);
    /* Another writer holds the store: on SQLite a write transaction, on
     * PostgreSQL (whose writers do not exclude each other) the accounts'
     * and sessions' tables locked, which login must wait for. */
    sqlite3 *db = NULL;
    PGconn *pg = NULL;
    if (test_db_pg() == NULL) {
        assert_int_equal(sqlite3_open(fx.db, &db), SQLITE_OK);
        assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL),
                         SQLITE_OK);
    } else {
        pg = PQconnectdb(fx.db);
        assert_int_equal(PQstatus(pg), CONNECTION_OK);
        PGresult *r = PQexec(pg, "BEGIN; LOCK TABLE app_user, session IN "
                                 "ACCESS EXCLUSIVE MODE");
        assert_int_equal(PQresultStatus(r), PGRES_COMMAND_OK);
        PQclear(r);
    }
    int port = fx.port;
    fx.port = web_port(w);
    struct client c;
    client_init(&c);
    assert_int_equal(login(&c, "hr", PASSWORD), 503);
    curl_off_t after = 0;
    assert_int_equal(curl_easy_getinfo(c.h, CURLINFO_RETRY_AFTER, &after),
                     CURLE_OK);
    assert_int_equal(after, 5);
    assert_non_null(strstr(buf_str(&c.body), "sibuk"));
    if (pg == NULL) {
        assert_int_equal(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL),
                         SQLITE_OK);
    } else {
        PQclear(PQexec(pg, "ROLLBACK"));
    }
    assert_int_equal(login(&c, "hr", PASSWORD), 200);
    sqlite3_close(db);
    PQfinish(pg);
    client_cleanup(&c);
    fx.port = port;
    web_stop(w);
}

/* The sum of "bezetting" over the rows of the last body. */
static long
sum_bezetting(struct client *c)
{
    struct json_obj *o = body_json(c);
    long sum = 0;
    char v[32];
    for (size_t i = 0; i < json_obj_len(o, "rows"); i++) {
        sum += strtol(item_text(o, "rows", i, "bezetting", v, sizeof(v)), NULL,
                      10);
    }
    json_obj_destroy(o);
    return sum;
}

static void
set_study_leave(const char *nip, bool on)
{
    struct store *st = NULL;
    struct pegawai p;
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    assert_int_equal(store_pegawai_get(st, nip, &p), ERR_OK);
    p.tugas_belajar = on;
    assert_int_equal(store_pegawai_put(st, &p, "uji", NULL), ERR_OK);
    store_close(st);
}

static void
test_web_me_names_the_person_and_says_who_may_move_and_who_is_in_post(
    void **state)
{
    /* GET /api/me: the employee's name and eligibility; on study leave
     * they may not ask to move, their record is marked, and the unit's
     * count in post drops with the ABK's bezetting. */
    (void)state;
    struct client hr, guru;
    char v[256];
    char unit[64];
    char path[160];
    client_init(&hr);
    client_init(&guru);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    assert_int_equal(login(&guru, "guru", PASSWORD), 200);
    assert_int_equal(call(&hr, "GET", "/api/me", NULL, false), 200);
    assert_string_equal(field(&hr, "nama", v, sizeof(v)), "");
    assert_int_equal(call(&guru, "GET", "/api/me", NULL, false), 200);
    assert_true(strlen(field(&guru, "nama", v, sizeof(v))) > 3);
    assert_string_equal(field(&guru, "nip", v, sizeof(v)), NIP_SD4);
    struct json_obj *me = body_json(&guru);
    char boleh[8];
    assert_true(json_obj_text(me, "kelayakan.boleh", boleh, sizeof(boleh)));
    assert_int_equal(json_obj_len(me, "kelayakan.alasan") == 0,
                     strcmp(boleh, "true") == 0);
    json_obj_destroy(me);

    assert_int_equal(call(&hr, "GET", "/api/employees/" NIP_SD4, NULL, false),
                     200);
    field(&hr, "unit", unit, sizeof(unit));
    struct json_obj *e = body_json(&hr);
    assert_int_equal(json_obj_len(e, "keadaan"), 0);
    assert_true(json_obj_text(e, "tmt_pensiun", v, sizeof(v)));
    assert_true(json_obj_text(e, "kelayakan.boleh", v, sizeof(v)));
    json_obj_destroy(e);
    snprintf(path, sizeof(path), "/api/units/%s", unit);
    assert_int_equal(call(&hr, "GET", path, NULL, false), 200);
    long before =
        strtol(field(&hr, "pegawai.dalam_jabatan", v, sizeof(v)), NULL, 10);
    snprintf(path, sizeof(path), "/api/abk?unit=%s&by=jabatan", unit);
    assert_int_equal(call(&hr, "GET", path, NULL, false), 200);
    assert_int_equal(sum_bezetting(&hr), before);
    assert_true(before > 0);

    set_study_leave(NIP_SD4, true);
    /* The rules are shared for a generation: another process's change
     * shows within the watchdog's interval (two seconds is the bound). */
    for (int i = 0; i < 200; i++) {
        assert_int_equal(call(&guru, "GET", "/api/me", NULL, false), 200);
        if (strstr(buf_str(&guru.body), "\"boleh\":false") != NULL) {
            break;
        }
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    me = body_json(&guru);
    assert_true(json_obj_text(me, "kelayakan.boleh", boleh, sizeof(boleh)));
    assert_string_equal(boleh, "false");
    struct json_obj *why = json_obj_item(me, "kelayakan.alasan", 0);
    assert_non_null(why);
    assert_true(json_obj_text(why, "kode", v, sizeof(v)));
    assert_string_equal(v, "tugas_belajar");
    assert_true(json_obj_text(why, "teks", v, sizeof(v)));
    assert_non_null(strstr(v, "tugas belajar"));
    json_obj_destroy(why);
    json_obj_destroy(me);
    assert_int_equal(call(&hr, "GET", "/api/employees/" NIP_SD4, NULL, false),
                     200);
    e = body_json(&hr);
    assert_true(json_obj_has_item(e, "keadaan", "tugas_belajar"));
    json_obj_destroy(e);
    snprintf(path, sizeof(path), "/api/units/%s", unit);
    assert_int_equal(call(&hr, "GET", path, NULL, false), 200);
    assert_int_equal(
        strtol(field(&hr, "pegawai.dalam_jabatan", v, sizeof(v)), NULL, 10),
        before - 1);
    assert_string_equal(field(&hr, "pegawai.tugas_belajar", v, sizeof(v)), "1");
    /* The analysis is a cached answer: another process's change shows
     * within the watchdog's interval (50 ms; two seconds is the bound). */
    snprintf(path, sizeof(path), "/api/abk?unit=%s&by=jabatan", unit);
    long now_in_post = -1;
    for (int i = 0; i < 200 && now_in_post != before - 1; i++) {
        assert_int_equal(call(&hr, "GET", path, NULL, false), 200);
        now_in_post = sum_bezetting(&hr);
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    assert_int_equal(now_in_post, before - 1);
    set_study_leave(NIP_SD4, false);
    client_cleanup(&hr);
    client_cleanup(&guru);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_login_sets_strict_http_only_cookie),
        cmocka_unit_test(
            test_web_wrong_password_and_unknown_login_answer_alike),
        cmocka_unit_test(test_web_repeated_failures_are_throttled),
        cmocka_unit_test(test_web_state_change_needs_csrf_token),
        cmocka_unit_test(test_web_roles_reach_only_their_endpoints),
        cmocka_unit_test(test_web_lists_keep_to_scope),
        cmocka_unit_test(test_web_cached_answers_follow_changes),
        cmocka_unit_test(test_web_session_cache_follows_revocation),
        cmocka_unit_test(test_web_bad_bodies_get_4xx_and_server_stays_up),
        cmocka_unit_test(test_web_security_headers_on_every_answer),
        cmocka_unit_test(test_web_session_expires_when_idle_and_when_old),
        cmocka_unit_test(test_web_positions_are_listed_for_staff),
        cmocka_unit_test(test_web_employee_and_unit_show_their_history),
        cmocka_unit_test(test_web_app_is_served_from_the_binary),
        cmocka_unit_test(test_web_busy_store_answers_503_with_retry_after),
        cmocka_unit_test(
            test_web_me_names_the_person_and_says_who_may_move_and_who_is_in_post),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
