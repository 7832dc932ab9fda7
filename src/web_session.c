/* SPDX-License-Identifier: MIT */
/* web_session: logging in and out and the caller's own account (web
 * layer): the session cookie, the throttle of failed logins. */
#include "web_session.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "kelayakan.h"
#include "model.h"
#include "settings.h"
#include "store.h"
#include "web_throttle.h"

/* Failures from one address, over all accounts, before it waits: an
 * office behind one NAT shares an address. */
#define LOGIN_ADDR_FACTOR 10

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

/* The audit line of a log-in, a failed one or a log-out of 'login' from
 * the caller's address (never the password). The answer does not wait
 * on it: a full audit cannot keep anyone out. */
static void
audit_session(const struct web_req *r, const char *actor, const char *login,
              const char *action)
{
    struct json_obj *o = json_obj_create();
    struct buf after;
    buf_init(&after, 0);
    json_obj_set_str(o, "alamat", r->client);
    if (json_obj_format(o, &after) == ERR_OK) {
        struct store_audit a = {actor,  "user", login,
                                action, NULL,   buf_str(&after)};
        enum err ignored = store_audit_add(r->st, &a);
        (void)ignored;
    }
    json_obj_destroy(o);
    buf_cleanup(&after);
}

static int
login_limit(struct store *st)
{
    char *v = NULL;
    long dflt = strtol(settings_find("login_maks")->dflt, NULL, 10);
    long n = dflt;
    if (store_setting_get(st, "login_maks", &v) == ERR_OK) {
        n = strtol(v, NULL, 10);
    }
    free(v);
    return n > 0 ? (int)n : (int)dflt;
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

/* A login sent by another site's page (login CSRF): Sec-Fetch-Site says
 * so, or the Origin's host:port is not the Host (the scheme is not
 * compared: behind a TLS proxy the Host is the same). */
static bool
cross_origin(const struct web_req *r)
{
    if (r->fetch_site != NULL && strcmp(r->fetch_site, "cross-site") == 0) {
        return true;
    }
    if (r->origin == NULL) {
        return false;
    }
    const char *o = strstr(r->origin, "://");
    o = o != NULL ? o + 3 : r->origin;
    return r->host == NULL || strcmp(o, r->host) != 0;
}

enum err
web_api_login(const struct web_call *c, struct web_resp *out)
{
    const struct web_req *r = c->req;
    struct json_obj *in = NULL;
    if (cross_origin(r)) {
        web_message(out, "Masuk dari situs lain ditolak.");
        return ERR_DENIED;
    }
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
    /* An account waits only at the address its failures came from, never
     * for everyone (OWASP: no lockout); an address after many more. */
    char by_login[160];
    char by_addr[80];
    snprintf(by_login, sizeof(by_login), "l:%s|%s", r->client, login);
    snprintf(by_addr, sizeof(by_addr), "a:%s", r->client);
    int limit = login_limit(r->st);
    int64_t now_ms = date_now_ms();
    int wait = 0;
    int wait_addr = 0;
    enum err rc = web_throttle_wait(r->st, by_login, now_ms, &wait);
    rc = rc == ERR_OK ? web_throttle_wait(r->st, by_addr, now_ms, &wait_addr)
                      : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    if (wait > 0 || wait_addr > 0) {
        out->retry_after = wait > wait_addr ? wait : wait_addr;
        return ERR_THROTTLED;
    }
    char token[AUTH_TOKEN_LEN + 1];
    struct auth_who who;
    rc = auth_login(r->st, login, password, r->now, token, &who);
    if (rc == ERR_NOTFOUND) {
        rc = web_throttle_note(r->st, by_login, limit, true, now_ms);
        rc = rc == ERR_OK
                 ? web_throttle_note(r->st, by_addr, LOGIN_ADDR_FACTOR * limit,
                                     true, now_ms)
                 : rc;
        if (rc != ERR_OK) {
            return rc;
        }
        web_message(out, "Login atau kata sandi salah.");
        audit_session(r, "-", login, "gagal_masuk");
        return ERR_AUTH;
    }
    if (rc != ERR_OK) {
        return rc;
    }
    audit_session(r, who.login, who.login, "masuk");
    snprintf(out->actor, sizeof(out->actor), "%s", who.login);
    rc = web_throttle_note(r->st, by_login, limit, false, now_ms);
    if (rc != ERR_OK) {
        return rc;
    }
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
    audit_session(c->req, c->who->login, c->who->login, "keluar");
    set_cookie(c, out, "", true);
    struct json_obj *o = json_obj_create();
    json_obj_set_bool(o, "ok", true);
    return web_reply(out, o);
}

/* The caller's account; an employee's also with their name ("nama", for
 * the header) and whether they may ask to move ("kelayakan", for the
 * request form: before they apply). */
enum err
web_api_me(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *o = who_json(c->who);
    struct pegawai p;
    enum err rc = ERR_OK;
    if (c->who->nip[0] &&
        store_pegawai_get(c->req->st, c->who->nip, &p) == ERR_OK) {
        json_obj_set_str(o, "nama", p.nama);
        rc = web_kelayakan_add(c->req, c->who->nip, p.tugas_belajar, o);
    } else {
        json_obj_set_null(o, "nama");
    }
    if (rc != ERR_OK) {
        json_obj_destroy(o);
        return rc;
    }
    return web_reply(out, o);
}

enum err
web_api_health(const struct web_call *c, struct web_resp *out)
{
    int v = 0;
    enum err rc = store_check_schema(c->req->st);
    rc = rc == ERR_OK ? store_schema_version(c->req->st, &v) : rc;
    if (rc != ERR_OK) {
        web_message(out, "Basis data tidak terjangkau.");
        return ERR_UNAVAILABLE;
    }
    char node[128];
    char host[64] = "";
    (void)gethostname(host, sizeof(host) - 1);
    snprintf(node, sizeof(node), "%s:%d", host, web_port(c->req->web));
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "status", "ok");
    json_obj_set_int(o, "schema", v);
    json_obj_set_str(o, "node", node);
    return web_reply(out, o);
}
