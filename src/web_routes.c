/* SPDX-License-Identifier: MIT */
/* web_routes: the route table and the dispatch, the session and CSRF
 * checks, roles, the answer cache and error statuses (web layer). */
#include "web_routes.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "mem.h"
#include "settings.h"
#include "store.h"
#include "web_abk.h"
#include "web_audit.h"
#include "web_batas.h"
#include "web_documents.h"
#include "web_plans.h"
#include "web_reply.h"
#include "web_requests.h"
#include "web_session.h"
#include "web_settings.h"
#include "web_surges.h"
#include "web_tenang.h"
#include "web_units.h"
#include "web_users.h"

#define HR        WEB_HR
#define ALL_STAFF (WEB_PEGAWAI | WEB_KEPALA | HR)
#define ANYONE    (ALL_STAFF | WEB_ADMIN)

struct route {
    const char *method;
    const char *pattern; /* Segments; "{}" captures one. */
    enum err (*handler)(const struct web_call *, struct web_resp *);
    int roles;   /* Allowed roles; 0: public (no session). */
    bool cached; /* Answers depend only on the data and the caller's
                  * scope: kept until the database changes. */
};

static const struct route routes[] = {
    {"POST", "/api/login", web_api_login, 0, false},
    {"POST", "/api/logout", web_api_logout, ANYONE, false},
    {"GET", "/api/me", web_api_me, ANYONE, false},
    {"GET", "/api/health", web_api_health, 0, false},
    {"GET", "/api/units", web_api_units, ALL_STAFF, true},
    {"GET", "/api/units/{}", web_api_unit, ALL_STAFF, false},
    {"PATCH", "/api/units/{}", web_api_unit_lokasi, WEB_BKPSDM | WEB_ADMIN,
     false},
    {"GET", "/api/siasn/rekonsiliasi", web_api_siasn_recon, HR, false},
    {"GET", "/api/batas", web_api_batas, ALL_STAFF, true},
    {"GET", "/api/units/{}/surges", web_surges_list, WEB_KEPALA | HR, false},
    {"POST", "/api/units/{}/surges", web_surges_add, WEB_KEPALA | WEB_BKPSDM,
     false},
    {"GET", "/api/employees", web_api_employees, ALL_STAFF, true},
    {"GET", "/api/employees/export.xlsx", web_api_employees_xlsx, HR, false},
    {"GET", "/api/employees/{}", web_api_employee, ALL_STAFF, false},
    {"GET", "/api/abk", web_api_abk, WEB_KEPALA | HR, true},
    {"GET", "/api/abk/export.csv", web_api_abk_csv, WEB_KEPALA | HR, false},
    {"GET", "/api/abk/export.xlsx", web_api_abk_xlsx, HR, false},
    {"GET", "/api/retirements", web_api_retirements, WEB_KEPALA | HR, true},
    {"GET", "/api/jabatan", web_api_jabatan, ALL_STAFF, true},
    {"POST", "/api/requests", web_requests_create, WEB_PEGAWAI, false},
    {"GET", "/api/requests", web_requests_list, ALL_STAFF, false},
    {"GET", "/api/requests/{}", web_requests_get, ALL_STAFF, false},
    {"POST", "/api/requests/{}/actions", web_requests_action, ALL_STAFF, false},
    {"POST", "/api/requests/{}/documents", web_requests_upload,
     WEB_PEGAWAI | WEB_BKPSDM, false},
    {"GET", "/api/requests/{}/documents/{}", web_requests_document, ALL_STAFF,
     false},
    {"POST", "/api/requests/{}/documents/{}/review", web_requests_review,
     WEB_BKPSDM, false},
    {"POST", "/api/plans", web_plans_create, WEB_BKPSDM, false},
    {"GET", "/api/plans", web_plans_list, HR | WEB_KEPALA, false},
    {"GET", "/api/plans/{}", web_plans_get, HR | WEB_PEGAWAI | WEB_KEPALA,
     false},
    {"POST", "/api/plans/{}/publish", web_plans_publish, WEB_BKPSDM, false},
    {"POST", "/api/plans/{}/responses", web_plans_respond,
     WEB_PEGAWAI | WEB_KEPALA, false},
    {"POST", "/api/plans/{}/consider", web_plans_consider, WEB_TPK, false},
    {"POST", "/api/plans/{}/approve", web_plans_approve, WEB_PPK, false},
    {"POST", "/api/plans/{}/return", web_plans_return, WEB_PPK, false},
    {"POST", "/api/plans/{}/rerun", web_plans_rerun, WEB_BKPSDM, false},
    {"GET", "/api/plans/{}/compare/{}", web_plans_compare, HR, false},
    {"GET", "/api/plans/{}/export.xlsx", web_plans_xlsx, HR, false},
    {"GET", "/api/plans/{}/sk.pdf", web_plans_sk, HR | WEB_PEGAWAI, false},
    {"GET", "/api/plans/{}/berita-acara.pdf", web_plans_minutes, HR, false},
    {"GET", "/api/plans/{}/masa-tenang", web_tenang_plan, HR, false},
    {"GET", "/api/plans/{}/laporan-mendagri.pdf", web_tenang_report, HR, false},
    {"GET", "/api/masa-tenang", web_tenang_get, HR | WEB_KEPALA, false},
    {"GET", "/api/proposals", web_plans_proposals, WEB_PEGAWAI, false},
    {"GET", "/api/settings/schema", web_settings_schema, HR, true},
    {"POST", "/api/settings/{}", web_settings_set, WEB_BKPSDM | WEB_ADMIN,
     false},
    {"GET", "/api/documents/register", web_documents_register, HR | WEB_ADMIN,
     false},
    {"GET", "/api/documents/register.xlsx", web_documents_register_xlsx,
     HR | WEB_ADMIN, false},
    {"GET", "/api/audit", web_api_audit, HR, false},
    {"GET", "/api/users", web_api_users, WEB_ADMIN, false},
    {"POST", "/api/users", web_api_user_add, WEB_ADMIN, false},
    {"POST", "/api/users/{}", web_api_user_change, WEB_ADMIN, false},
    {"GET", "/api/account-changes", web_api_account_changes,
     WEB_ADMIN | WEB_BKPSDM, false},
    {"POST", "/api/account-changes/{}/confirm", web_api_account_confirm,
     WEB_BKPSDM, false},
    {"POST", "/api/account-changes/{}/refuse", web_api_account_refuse,
     WEB_ADMIN | WEB_BKPSDM, false},
};

size_t
web_routes_body_cap(const char *method, const char *url)
{
    static const struct {
        const char *tail;
        size_t cap;
    } caps[] = {{"/documents", WEB_DOC_MAX},
                {"/approve", WEB_IZIN_BODY_MAX},
                {"/actions", WEB_IZIN_BODY_MAX}};
    size_t n = strlen(url);
    for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
        size_t t = strlen(caps[i].tail);
        if (strcmp(method, "POST") == 0 && n > t &&
            strcmp(url + n - t, caps[i].tail) == 0) {
            return caps[i].cap;
        }
    }
    return WEB_BODY_MAX;
}

/* The HTTP status of 'e'. */
static int
web_status(enum err e)
{
    switch (e) {
    case ERR_OK:
        return 200;
    case ERR_USAGE:
        return 400;
    case ERR_AUTH:
        return 401;
    case ERR_DENIED:
        return 403;
    case ERR_NOTFOUND:
        return 404;
    case ERR_CONFLICT:
    case ERR_EXISTS:
        return 409;
    case ERR_TOOBIG:
        return 413;
    case ERR_INVAL:
        return 422;
    case ERR_THROTTLED:
        return 429;
    case ERR_UNAVAILABLE:
        return 503;
    case ERR_DB:
    case ERR_IO:
    case ERR_NOINPUT:
    case ERR_INTERNAL:
        break;
    }
    return 500;
}

static const char *
error_word(enum err e)
{
    switch (web_status(e)) {
    case 400:
        return "permintaan_salah";
    case 401:
        return "belum_masuk";
    case 403:
        return "ditolak";
    case 404:
        return "tidak_ditemukan";
    case 409:
        return "konflik";
    case 413:
        return "terlalu_besar";
    case 422:
        return "tidak_sah";
    case 429:
        return "terlalu_sering";
    case 503:
        return "sibuk";
    default:
        return "internal";
    }
}

static const char *
default_message(enum err e)
{
    switch (web_status(e)) {
    case 400:
        return "Permintaan tidak dapat dibaca.";
    case 401:
        return "Silakan masuk terlebih dahulu.";
    case 403:
        return "Anda tidak berwenang untuk tindakan ini.";
    case 404:
        return "Tidak ditemukan.";
    case 409:
        return "Data sudah berubah; muat ulang lalu coba lagi.";
    case 413:
        return "Isi permintaan terlalu besar.";
    case 422:
        return "Data tidak sah.";
    case 429:
        return "Terlalu banyak percobaan; coba lagi nanti.";
    case 503:
        return "Basis data sedang sibuk (misalnya impor besar berjalan); "
               "coba lagi sebentar lagi.";
    default:
        return "Kesalahan pada server.";
    }
}

/* The error body of 'e', with the handler's message when it left one. */
static void
error_reply(struct web_resp *out, enum err e)
{
    struct json_obj *o = json_obj_create();
    struct json_obj *err = json_obj_create();
    json_obj_set_str(err, "code", error_word(e));
    json_obj_set_str(err, "message",
                     out->body.len > 0 ? buf_str(&out->body)
                                       : default_message(e));
    if (out->nips[0] != '\0') {
        const char *list[512];
        size_t n = 0;
        for (char *p = out->nips; *p != '\0' && n < 512; n++) {
            list[n] = p;
            p += strcspn(p, ",");
            if (*p == ',') {
                *p++ = '\0';
            }
        }
        json_obj_set_strs(err, "nips", list, (int)n);
    }
    json_obj_set_obj(o, "error", err);
    if (web_reply(out, o) != ERR_OK) {
        buf_reset(&out->body);
    }
    out->status = web_status(e);
}

/* Does 'path' match 'pattern'? Captured segments go to 'params' (copies
 * in 'store', which must hold the path). */
static bool
match(const char *pattern, const char *path, struct web_req *r, char *store)
{
    int n = 0;
    const char *p = pattern;
    const char *q = path;
    char *o = store;
    while (*p != '\0' && *q != '\0') {
        if (p[0] == '{' && p[1] == '}') {
            const char *end = strchr(q, '/');
            size_t len = end ? (size_t)(end - q) : strlen(q);
            if (len == 0 || n == WEB_PARAMS_MAX) {
                return false;
            }
            memcpy(o, q, len);
            o[len] = '\0';
            r->params[n++] = o;
            o += len + 1;
            q += len;
            p += 2;
        } else if (*p++ != *q++) {
            return false;
        }
    }
    r->n_params = n;
    return *p == '\0' && *q == '\0';
}

/* Idle expiry from the setting sesi_menit (its default from settings.c);
 * a session lasts at most 12 hours however busy. One key is read per
 * request, not the whole settings. */
static struct auth_limits
session_limits(struct store *st)
{
    long dflt = strtol(settings_find("sesi_menit")->dflt, NULL, 10);
    struct auth_limits lim = {(int64_t)dflt * 60, (int64_t)12 * 3600};
    char *v = NULL;
    if (store_setting_get(st, "sesi_menit", &v) == ERR_OK) {
        long m = strtol(v, NULL, 10);
        lim.idle = m > 0 ? m * 60 : lim.idle;
    }
    free(v);
    return lim;
}

static bool
is_state_change(const char *method)
{
    return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
}

/* The session, role and CSRF checks of route 't'. */
static enum err
admit(const struct route *t, const struct web_req *r, struct auth_who *who,
      struct web_call *c)
{
    if (t->roles == 0) {
        return ERR_OK;
    }
    if (r->cookie_token == NULL) {
        return ERR_AUTH;
    }
    /* A read may use the session as checked earlier in this generation;
     * a change always asks the database. */
    bool change = is_state_change(r->method);
    uint64_t gen = web_generation(r->web);
    char hash[65];
    bool cached = !change && auth_token_hash(r->cookie_token, hash) &&
                  web_session_find(r, hash, gen, who);
    if (!cached) {
        struct auth_limits lim = session_limits(r->st);
        enum err rc = auth_session(r->st, r->cookie_token, r->now, &lim, who);
        if (rc != ERR_OK) {
            return rc == ERR_NOTFOUND ? ERR_AUTH : rc;
        }
        if (!change) {
            web_session_keep(r, who, gen);
        }
    }
    c->who = who;
    c->role = auth_role_bit(who->role);
    if ((c->role & t->roles) == 0) {
        return ERR_DENIED;
    }
    if (change && (r->csrf == NULL || !auth_equal(r->csrf, who->csrf))) {
        return ERR_DENIED;
    }
    return ERR_OK;
}

/* Call the handler of 't' through the answer cache: the key is the path,
 * the query and the caller's scope; the server's generation makes every
 * write (by this server at once, by any other process within the
 * watchdog's interval) a miss. */
static enum err
cached_call(const struct route *t, const struct web_call *c,
            struct web_resp *out)
{
    uint64_t version = web_generation(c->req->web);
    struct buf key;
    buf_init(&key, 0);
    enum err rc = buf_addf(&key, "%s?", c->req->path);
    rc = rc == ERR_OK ? web_query_string(c->req, &key) : rc;
    /* Today's date too: a default as_of moves with it. */
    rc = rc == ERR_OK ? buf_addf(&key, "|%s|%s|%s|%ld", c->who->role,
                                 c->who->unit, c->who->nip, (long)date_today())
                      : rc;
    if (rc != ERR_OK) {
        buf_cleanup(&key);
        return t->handler(c, out);
    }
    if (web_cache_find(c->req, buf_str(&key), version, &out->body)) {
        out->status = 200;
        buf_cleanup(&key);
        return ERR_OK;
    }
    rc = t->handler(c, out);
    if (rc == ERR_OK && out->status == 200) {
        web_cache_keep(c->req, buf_str(&key), version, &out->body);
    }
    buf_cleanup(&key);
    return rc;
}

/* The route of 'in' into '*t' (its captures in 'r', their copies in
 * 'captured'): ERR_NOTFOUND with a message for a known path under
 * another method. */
static enum err
route_of(const struct web_req *in, struct web_req *r, char *captured,
         const struct route **t, struct web_resp *out)
{
    bool path_known = false;
    *t = NULL;
    for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]) && !*t; i++) {
        if (match(routes[i].pattern, in->path, r, captured)) {
            path_known = true;
            *t = strcmp(routes[i].method, in->method) == 0 ? &routes[i] : NULL;
        }
    }
    if (*t == NULL && path_known) {
        web_message(out, "Metode tidak didukung untuk alamat ini.");
    }
    return *t != NULL ? ERR_OK : ERR_NOTFOUND;
}

/* Fields of free text, which may hold newlines and tabs; every other
 * string of a JSON body holds no control character (issue 18). */
static const char *const note_keys[] = {"catatan",   "keterangan", "alasan",
                                        "tanggapan", "password",   NULL};

/* The field 'key' in words, for a message. */
static const char *
field_words(const char *key)
{
    static const char *const words[][2] = {
        {"login", "nama login"}, {"name", "nama"},   {"nip", "NIP"},
        {"role", "peran"},       {"unit", "unit"},   {"action", "tindakan"},
        {"pilihan", "pilihan"},  {"jenis", "jenis"}, {"status", "status"},
    };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (strcmp(key, words[i][0]) == 0) {
            return words[i][1];
        }
    }
    return key;
}

/* ERR_INVAL, naming the field, when a JSON body holds a control
 * character where text must be one line. */
static enum err
check_text(const struct web_req *r, struct web_resp *out)
{
    char key[64];
    if (r->body[0] != '{' ||
        !json_find_control(r->body, note_keys, key, sizeof(key))) {
        return ERR_OK;
    }
    char msg[160];
    snprintf(msg, sizeof(msg), "Isian '%s' memuat karakter kendali.",
             field_words(key));
    web_message(out, msg);
    return ERR_INVAL;
}

enum err
web_routes_dispatch(const struct web_req *in, struct web_resp *out)
{
    struct web_req r = *in;
    char *captured = xstrdup(in->path);
    const struct route *t = NULL;
    struct auth_who who;
    memset(&who, 0, sizeof(who));
    struct web_call c = {&r, NULL, 0};
    enum err rc = route_of(in, &r, captured, &t, out);
    rc = rc == ERR_OK ? admit(t, &r, &who, &c) : rc;
    if (c.who != NULL) {
        snprintf(out->actor, sizeof(out->actor), "%s", c.who->login);
    }
    rc = rc == ERR_OK ? check_text(&r, out) : rc;
    rc = rc == ERR_OK
             ? (t->cached ? cached_call(t, &c, out) : t->handler(&c, out))
             : rc;
    if (rc != ERR_OK && web_status(rc) >= 500) {
        /* For the error log: the operator learns why, the user does not
         * see the database's words. */
        snprintf(out->cause, sizeof(out->cause), "%s: %s", err_str(rc),
                 store_errmsg(r.st));
    }
    if (rc != ERR_OK) {
        error_reply(out, rc);
    }
    free(captured);
    return ERR_OK;
}

enum err
web_routes_admit(const struct web_req *in, struct web_resp *out)
{
    struct web_req r = *in;
    char *captured = xstrdup(in->path);
    const struct route *t = NULL;
    struct auth_who who;
    memset(&who, 0, sizeof(who));
    struct web_call c = {&r, NULL, 0};
    enum err rc = route_of(in, &r, captured, &t, out);
    rc = rc == ERR_OK ? admit(t, &r, &who, &c) : rc;
    if (rc != ERR_OK) {
        error_reply(out, rc);
    }
    free(captured);
    return ERR_OK;
}

/* The web module's one visible symbol (module.h). */
MODULE_EXPORT const struct web_module mutasi_module_web = {
    MODULE_HEAD(struct web_module),
    web_start,
    web_port,
    web_reopen_log,
    web_stop,
    web_routes_dispatch,
    web_routes_admit,
    web_routes_body_cap,
};
