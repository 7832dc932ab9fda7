/* SPDX-License-Identifier: MIT */
/* The shared part of the web suites (test_web*.c): a real server on
 * 127.0.0.1 (a free port) over a real database (db_fixture.c: a SQLite
 * file, or a PostgreSQL database when MUTASI_TEST_PG is set) loaded with
 * examples/ and the accounts below, and libcurl as the client.
 *
 * Each suite is one binary built from its test_web*.c alone (the Makefile
 * builds one per tests/unit/test_*.c), so each includes this file once as
 * part of its own translation unit; it stays a .c so that 'make fmt' and
 * 'make lint' check it with the tests. Its functions are static inline: a
 * suite that uses only some of them compiles without unused warnings.
 * setup() and teardown() are the group fixture of every suite: each
 * starts from the same fresh data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "auth.h"
#include "buf.h"
#include "db_fixture.c"
#include "diag.h"
#include "import.h"
#include "json.h"
#include "store.h"
#include "web.h"
#include "web_routes.h"

#define PASSWORD "kata-sandi-uji-1"
#define NIP_SD4  "197611082001031006" /* A teacher at SD Negeri 4 Ampenan. */
#define NIP_PKM  "197901192003041017" /* Staff of a puskesmas. */
#define NIP_SD1C "197502111999122014" /* A teacher at SD 1 Cakranegara. */

struct fixture {
    struct test_db tdb;
    const char *dir; /* tdb.dir: for the suite's other files. */
    const char *db;  /* tdb.target: the path or URL of the database. */
    struct web *w;
    int port;
};

static struct fixture fx;
/* A suite may change the server's configuration before setup() starts
 * it (small caps for the hardening tests). */
static void (*fx_tune)(struct web_config *cfg);

struct client {
    CURL *h;
    long status;
    struct buf body;
    char csrf[AUTH_CSRF_LEN + 1];
    char cookie_line[512]; /* The last Set-Cookie header. */
    char retry_after[32];  /* The last Retry-After value, or "". */
    char disposition[256]; /* The last Content-Disposition value, or "". */
    char extra[256];       /* One more header for every request, or "". */
};

static inline size_t
on_body(char *p, size_t size, size_t n, void *ctx)
{
    struct client *c = ctx;
    return buf_add(&c->body, p, size * n) == ERR_OK ? size * n : 0;
}

static inline size_t
on_header(char *p, size_t size, size_t n, void *ctx)
{
    struct client *c = ctx;
    size_t len = size * n;
    if (len > 11 && strncasecmp(p, "Set-Cookie:", 11) == 0) {
        snprintf(c->cookie_line, sizeof(c->cookie_line), "%.*s", (int)len, p);
    }
    if (len > 12 && strncasecmp(p, "Retry-After:", 12) == 0) {
        snprintf(c->retry_after, sizeof(c->retry_after), "%.*s",
                 (int)strcspn(p + 13, "\r\n"), p + 13);
    }
    if (len > 20 && strncasecmp(p, "Content-Disposition:", 20) == 0) {
        snprintf(c->disposition, sizeof(c->disposition), "%.*s",
                 (int)strcspn(p + 21, "\r\n"), p + 21);
    }
    return len;
}

static inline void
client_init(struct client *c)
{
    memset(c, 0, sizeof(*c));
    c->h = curl_easy_init();
    assert_non_null(c->h);
    buf_init(&c->body, 0);
    curl_easy_setopt(c->h, CURLOPT_COOKIEFILE, ""); /* Keep cookies. */
    curl_easy_setopt(c->h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c->h, CURLOPT_WRITEDATA, c);
    curl_easy_setopt(c->h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c->h, CURLOPT_HEADERDATA, c);
}

static inline void
client_cleanup(struct client *c)
{
    curl_easy_cleanup(c->h);
    buf_cleanup(&c->body);
}

/* Send 'method' 'path' with 'body' (may be NULL), the CSRF header when
 * 'csrf'; returns the status. */
static inline long
call(struct client *c, const char *method, const char *path, const char *body,
     bool csrf)
{
    char url[512];
    char header[128];
    struct curl_slist *hs = NULL;
    snprintf(url, sizeof(url), "http://127.0.0.1:%d%s", fx.port, path);
    buf_reset(&c->body);
    c->cookie_line[0] = '\0';
    c->retry_after[0] = '\0';
    c->disposition[0] = '\0';
    curl_easy_setopt(c->h, CURLOPT_URL, url);
    curl_easy_setopt(c->h, CURLOPT_CUSTOMREQUEST, method);
    if (body != NULL) {
        curl_easy_setopt(c->h, CURLOPT_POSTFIELDS, body);
    } else if (strcmp(method, "GET") == 0) {
        curl_easy_setopt(c->h, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(c->h, CURLOPT_POSTFIELDS, "");
    }
    if (csrf) {
        snprintf(header, sizeof(header), "X-CSRF-Token: %s", c->csrf);
        hs = curl_slist_append(hs, header);
    }
    if (c->extra[0] != '\0') {
        hs = curl_slist_append(hs, c->extra);
    }
    curl_easy_setopt(c->h, CURLOPT_HTTPHEADER, hs);
    assert_int_equal(curl_easy_perform(c->h), CURLE_OK);
    curl_easy_getinfo(c->h, CURLINFO_RESPONSE_CODE, &c->status);
    curl_slist_free_all(hs);
    return c->status;
}

/* The text at 'path' of the last JSON body. */
static inline const char *
field(struct client *c, const char *path, char *out, size_t len)
{
    struct json_obj *o = NULL;
    out[0] = '\0';
    if (json_obj_parse(buf_str(&c->body), &o) == ERR_OK) {
        json_obj_text(o, path, out, len);
    }
    json_obj_destroy(o);
    return out;
}

static inline long
login(struct client *c, const char *who, const char *password)
{
    char body[256];
    snprintf(body, sizeof(body), "{\"login\":\"%s\",\"password\":\"%s\"}", who,
             password);
    long st = call(c, "POST", "/api/login", body, false);
    if (st == 200) {
        field(c, "csrf_token", c->csrf, sizeof(c->csrf));
    }
    return st;
}

static inline void
add_user(struct store *st, const char *login_name, const char *role,
         const char *nip, const char *unit)
{
    char hash[AUTH_HASH_MAX];
    assert_int_equal(auth_hash_password(PASSWORD, hash), ERR_OK);
    struct store_user u = {login_name, hash, role, nip, unit, true, NULL};
    assert_int_equal(store_user_add(st, &u), ERR_OK);
}

static inline int
setup(void **state)
{
    (void)state;
    static const char *const files[] = {
        "examples/unit.csv",       "examples/jabatan.csv",
        "examples/beban.csv",      "examples/pegawai.csv",
        "examples/permohonan.csv", "examples/kinerja.csv"};
    struct store *st = NULL;
    struct diag d;
    struct import_stats is;
    int from = 0;
    /* The plans here are as of 2026-12-01 with TMTs in 2027, and a decree
     * may not reach back before the month it is signed in: the server's
     * today is fixed with them. */
    setenv("MUTASI_TODAY", "2026-12-01", 1);
    test_db_make(&fx.tdb, "web.db");
    fx.dir = fx.tdb.dir;
    fx.db = fx.tdb.target;
    assert_int_equal(auth_init(), ERR_OK);
    assert_int_equal(store_open(fx.db, true, &st), ERR_OK);
    assert_int_equal(store_migrate(st, &from), ERR_OK);
    diag_init(&d, 10);
    assert_int_equal(import_files(st, files, 6, "test", &d, &is), ERR_OK);
    diag_cleanup(&d);
    assert_int_equal(store_begin(st), ERR_OK);
    add_user(st, "hr", "bkpsdm", NULL, NULL);
    add_user(st, "boss", "ppk", NULL, NULL);
    add_user(st, "tpk1", "tpk", NULL, NULL);
    add_user(st, "root", "admin", NULL, NULL);
    add_user(st, "kadis", "kepala_unit", NULL, "5271.DIKBUD");
    add_user(st, "kasek", "kepala_unit", NULL, "50204536");
    add_user(st, "guru", "pegawai", NIP_SD4, NULL);
    add_user(st, "brute", "bkpsdm", NULL, NULL);
    add_user(st, "guru2", "pegawai", NIP_SD1C, NULL);
    assert_int_equal(store_commit(st), ERR_OK);
    store_close(st);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    struct web_config cfg = {.db = fx.db,
                             .address = "127.0.0.1",
                             .port = 0,
                             .threads = 4,
                             .dispatch = web_routes_dispatch,
                             .admit = web_routes_admit,
                             .body_cap = web_routes_body_cap};
    if (fx_tune != NULL) {
        fx_tune(&cfg);
    }
    char why[256];
    assert_int_equal(web_start(&cfg, why, sizeof(why), &fx.w), ERR_OK);
    fx.port = web_port(fx.w);
    assert_true(fx.port > 0);
    return 0;
}

static inline int
teardown(void **state)
{
    (void)state;
    web_stop(fx.w);
    curl_global_cleanup();
    test_db_drop(&fx.tdb);
    return 0;
}

/* The parsed body of 'c''s last answer (json_obj_destroy()). */
static inline struct json_obj *
body_json(struct client *c)
{
    struct json_obj *o = NULL;
    assert_int_equal(json_obj_parse(buf_str(&c->body), &o), ERR_OK);
    return o;
}

/* The text of 'key' in item 'i' of the array 'arr' of 'o' ("" for null). */
static inline const char *
item_text(const struct json_obj *o, const char *arr, size_t i, const char *key,
          char *out, size_t len)
{
    struct json_obj *m = json_obj_item(o, arr, i);
    out[0] = '\0';
    if (m != NULL) {
        json_obj_text(m, key, out, len);
    }
    json_obj_destroy(m);
    return out;
}

/* The last body is a PDF whose text holds each of 'want' (NULL-ended). */
static inline void
pdf_text_has(struct client *c, const char *const *want)
{
    char pdf[128];
    char cmd[300];
    snprintf(pdf, sizeof(pdf), "%s/doc.pdf", fx.dir);
    FILE *f = fopen(pdf, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(c->body.data, 1, c->body.len, f), c->body.len);
    fclose(f);
    snprintf(cmd, sizeof(cmd), "pdftotext %s -", pdf);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    struct buf text;
    buf_init(&text, 0);
    char chunk[4096];
    size_t n = 0;
    while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0) {
        assert_int_equal(buf_add(&text, chunk, n), ERR_OK);
    }
    assert_int_equal(pclose(p), 0);
    /* Lines break where the page does: words count, not their lines. */
    for (size_t i = 0; i < text.len; i++) {
        if (text.data[i] == '\n') {
            text.data[i] = ' ';
        }
    }
    for (int i = 0; want[i] != NULL; i++) {
        if (strstr(buf_str(&text), want[i]) == NULL) {
            fail_msg("the PDF lacks '%s'", want[i]);
        }
    }
    buf_cleanup(&text);
    unlink(pdf);
}
