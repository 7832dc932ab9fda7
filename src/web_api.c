/* SPDX-License-Identifier: MIT */
/* web_api: the API's handlers (web layer). Scope is asked of
 * web_routes.c; data come from the store; bodies are JSON. */
#include "web_api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abk_rows.h"
#include "analysis.h"
#include "auth.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "model.h"
#include "rec.h"
#include "store.h"
#include "tree.h"

#define PER_PAGE 50
#define LOGIN_WINDOW \
    ((int64_t)15 * 60) /* Seconds a failed login is remembered. */
#define LOGIN_MAKS_DEF 5

static struct json_obj *
who_json(const struct auth_who *w)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "login", w->login);
    json_obj_set_str(o, "role", w->role);
    json_obj_set_str(o, "nip", w->nip[0] ? w->nip : NULL);
    json_obj_set_str(o, "unit", w->unit[0] ? w->unit : NULL);
    json_obj_set_str(o, "csrf_token", w->csrf);
    return o;
}

static int
login_limit(struct store *st)
{
    char *v = NULL;
    long n = LOGIN_MAKS_DEF;
    if (store_setting_get(st, "login_maks", &v) == ERR_OK) {
        n = strtol(v, NULL, 10);
    }
    free(v);
    return n > 0 ? (int)n : LOGIN_MAKS_DEF;
}

static void
set_cookie(const struct web_call *c, struct web_resp *out, const char *token,
           bool clear)
{
    snprintf(out->set_cookie, sizeof(out->set_cookie),
             "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s", WEB_COOKIE_NAME,
             clear ? "" : token, clear ? "; Max-Age=0" : "",
             web_secure_cookie(c->req->web) ? "; Secure" : "");
}

/* The front page until the web app comes: what the server offers. */
enum err
web_api_index(const struct web_call *c, struct web_resp *out)
{
    (void)c;
    static const char page[] =
        "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
        "<title>mutasi</title></head><body>\n"
        "<h1>mutasi: sistem informasi mutasi ASN</h1>\n"
        "<p>Server ini melayani API JSON. Masuk dengan <code>POST "
        "/api/login</code> berisi <code>{\"login\", \"password\"}</code>; "
        "setiap perubahan memerlukan header <code>X-CSRF-Token</code>.</p>\n"
        "<ul><li><code>GET /api/me</code></li><li><code>GET /api/units</code>, "
        "<code>/api/units/{kode}</code></li><li><code>GET "
        "/api/employees?unit=&amp;q=&amp;page=</code>, "
        "<code>/api/employees/{nip}</code></li><li><code>GET "
        "/api/audit?entity=&amp;id=</code></li></ul>\n"
        "</body></html>\n";
    out->content_type = "text/html; charset=utf-8";
    buf_reset(&out->body);
    return buf_add(&out->body, page, sizeof(page) - 1);
}

enum err
web_api_login(const struct web_call *c, struct web_resp *out)
{
    const struct web_req *r = c->req;
    struct json_obj *in = NULL;
    char login[65];
    char password[AUTH_PW_MAX + 2];
    if (json_obj_parse(r->body, &in) != ERR_OK ||
        !json_obj_text(in, "login", login, sizeof(login)) ||
        !json_obj_text(in, "password", password, sizeof(password)) ||
        login[0] == '\0') {
        json_obj_destroy(in);
        web_message(out, "Kirim {\"login\", \"password\"} sebagai JSON.");
        return ERR_USAGE;
    }
    json_obj_destroy(in);
    char by_login[80];
    char by_addr[80];
    snprintf(by_login, sizeof(by_login), "l:%s", login);
    snprintf(by_addr, sizeof(by_addr), "a:%s", r->client);
    int limit = login_limit(r->st);
    /* An address may try a few accounts; an account a few passwords. */
    if (web_throttled(r, by_login, limit, LOGIN_WINDOW) ||
        web_throttled(r, by_addr, 4 * limit, LOGIN_WINDOW)) {
        return ERR_THROTTLED;
    }
    char token[AUTH_TOKEN_LEN + 1];
    struct auth_who who;
    enum err rc = auth_login(r->st, login, password, r->now, token, &who);
    if (rc == ERR_NOTFOUND) {
        web_throttle_note(r, by_login, true);
        web_throttle_note(r, by_addr, true);
        web_message(out, "Login atau kata sandi salah.");
        return ERR_AUTH;
    }
    if (rc != ERR_OK) {
        return rc;
    }
    web_throttle_note(r, by_login, false);
    set_cookie(c, out, token, false);
    return web_reply(out, who_json(&who));
}

enum err
web_api_logout(const struct web_call *c, struct web_resp *out)
{
    enum err rc = auth_logout(c->req->st, c->who);
    if (rc != ERR_OK) {
        return rc;
    }
    set_cookie(c, out, "", true);
    struct json_obj *o = json_obj_create();
    json_obj_set_bool(o, "ok", true);
    return web_reply(out, o);
}

enum err
web_api_me(const struct web_call *c, struct web_resp *out)
{
    return web_reply(out, who_json(c->who));
}

static enum err
unit_row(void *ctx, const struct unit *u)
{
    struct json_obj *o = json_obj_create();
    rec_unit_json(u, o);
    json_obj_push(ctx, "rows", o);
    return ERR_OK;
}

/* The unit tree is the city's public structure: every staff role reads
 * it (a pegawai chooses destinations from it). */
enum err
web_api_units(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc = store_unit_each(c->req->st, unit_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}

enum err
web_api_unit(const struct web_call *c, struct web_resp *out)
{
    struct unit u;
    enum err rc = store_unit_get(c->req->st, c->req->params[0], &u);
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *o = json_obj_create();
    rec_unit_json(&u, o);
    return web_reply(out, o);
}

static enum err
employee_row(void *ctx, const struct pegawai *p)
{
    struct json_obj *o = json_obj_create();
    rec_pegawai_json(p, o);
    json_obj_push(ctx, "rows", o);
    return ERR_OK;
}

/* The page number of the query (1 when absent); ERR_USAGE when bad. */
static enum err
page_of(const struct web_req *r, long *out)
{
    const char *v = web_query(r, "page");
    char *end = NULL;
    long page = v ? strtol(v, &end, 10) : 1;
    if (v != NULL && (*v < '1' || *v > '9' || *end != '\0' || page > 1000000)) {
        return ERR_USAGE;
    }
    *out = page;
    return ERR_OK;
}

/* The subtree a caller lists: a unit asked for must be in scope; a head
 * of unit sees their own subtree by default. */
static enum err
list_root(const struct web_call *c, const char **root)
{
    const char *unit = web_query(c->req, "unit");
    if (unit != NULL && unit[0] != '\0') {
        *root = unit;
        return web_scope_unit(c, unit);
    }
    *root = c->role == WEB_KEPALA ? c->who->unit : NULL;
    return ERR_OK;
}

enum err
web_api_employees(const struct web_call *c, struct web_resp *out)
{
    const struct web_req *r = c->req;
    long page = 1;
    long total = 0;
    enum err rc = page_of(r, &page);
    if (rc != ERR_OK) {
        web_message(out, "Nomor halaman tidak sah.");
        return rc;
    }
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    if (c->role == WEB_PEGAWAI) {
        /* A pegawai's list is themselves. */
        struct pegawai p;
        rc = store_pegawai_get(r->st, c->who->nip, &p);
        if (rc == ERR_OK) {
            rc = employee_row(doc, &p);
            total = 1;
        }
        rc = rc == ERR_NOTFOUND ? ERR_OK : rc;
    } else {
        const char *root = NULL;
        rc = list_root(c, &root);
        const char *q = web_query(r, "q");
        struct store_pegawai_query pq = {root, q && q[0] ? q : NULL, PER_PAGE,
                                         (page - 1) * PER_PAGE};
        rc = rc == ERR_OK
                 ? store_pegawai_page(r->st, &pq, employee_row, doc, &total)
                 : rc;
    }
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    json_obj_set_int(doc, "page", page);
    json_obj_set_int(doc, "per_page", PER_PAGE);
    json_obj_set_int(doc, "total", total);
    return web_reply(out, doc);
}

enum err
web_api_employee(const struct web_call *c, struct web_resp *out)
{
    struct pegawai p;
    enum err rc = store_pegawai_get(c->req->st, c->req->params[0], &p);
    rc = rc == ERR_OK ? web_scope_employee(c, p.nip, p.unit) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *o = json_obj_create();
    rec_pegawai_json(&p, o);
    return web_reply(out, o);
}

/* A stored JSON text as a value: the object when it parses, else the
 * text (the log keeps whatever was written). */
static void
set_json_text(struct json_obj *o, const char *key, const char *text)
{
    struct json_obj *v = NULL;
    if (text != NULL && json_obj_parse(text, &v) == ERR_OK) {
        json_obj_set_obj(o, key, v);
    } else {
        json_obj_set_str(o, key, text);
    }
}

static enum err
audit_row(void *ctx, const struct store_audit *a, const char *at)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "at", at);
    json_obj_set_str(o, "actor", a->actor);
    json_obj_set_str(o, "entity", a->entity);
    json_obj_set_str(o, "entity_id", a->entity_id);
    json_obj_set_str(o, "action", a->action);
    set_json_text(o, "before", a->before);
    set_json_text(o, "after", a->after);
    json_obj_push(ctx, "rows", o);
    return ERR_OK;
}

enum err
web_api_audit(const struct web_call *c, struct web_resp *out)
{
    const char *entity = web_query(c->req, "entity");
    const char *id = web_query(c->req, "id");
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc =
        store_audit_each(c->req->st, entity, id, 10000, audit_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}

static bool
parse_by(const char *v, enum abk_by *out)
{
    static const char *const words[] = {"jabatan", "unit", "opd"};
    for (int i = 0; i < 3; i++) {
        if (v != NULL && strcmp(v, words[i]) == 0) {
            *out = (enum abk_by)i;
            return true;
        }
    }
    return v == NULL;
}

/* The workload analysis (contract section 4) as of 'as_of' (default
 * today), by jabatan, unit or OPD, within the caller's scope. */
enum err
web_api_abk(const struct web_call *c, struct web_resp *out)
{
    const struct web_req *r = c->req;
    const char *day_text = web_query(r, "as_of");
    int32_t day = date_today();
    enum abk_by by = ABK_BY_JABATAN;
    if ((day_text != NULL &&
         date_parse(day_text, strlen(day_text), &day) != ERR_OK) ||
        !parse_by(web_query(r, "by"), &by)) {
        web_message(out, "as_of harus YYYY-MM-DD dan by salah satu dari "
                         "jabatan, unit, opd.");
        return ERR_USAGE;
    }
    const char *unit = NULL;
    enum err rc = list_root(c, &unit);
    if (rc != ERR_OK) {
        return rc;
    }
    struct analysis *a = NULL;
    struct json_obj *doc = NULL;
    rc = analysis_load(r->st, day, &a);
    long root = -1;
    if (rc == ERR_OK && unit != NULL) {
        root = tree_find(analysis_tree(a), unit);
        rc = root < 0 ? ERR_NOTFOUND : ERR_OK;
    }
    rc = rc == ERR_OK ? abk_rows_doc(a, day, by, root, &doc) : rc;
    analysis_destroy(a);
    return rc == ERR_OK ? web_reply(out, doc) : rc;
}
