/* SPDX-License-Identifier: MIT */
/* web_users: the accounts, for the admin (web layer): list, add, disable,
 * enable and set a password, with the checks of 'mutasi user'. Changes
 * that could seat someone in an HR or decision role are proposals that a
 * BKPSDM official confirms (accounts.h). */
#include "web_users.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accounts.h"
#include "auth.h"
#include "json.h"
#include "model.h"
#include "store.h"

static struct json_obj *
user_json(const struct store_user *u)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "login", u->login);
    json_obj_set_str(o, "role", u->role);
    json_obj_set_str(o, "nip", u->nip);
    json_obj_set_str(o, "unit", u->unit);
    json_obj_set_bool(o, "aktif", u->aktif);
    return o;
}

static enum err
user_row(void *ctx, const struct store_user *u)
{
    json_obj_push(ctx, "rows", user_json(u));
    return ERR_OK;
}

/* The accounts, for the admin (never a password or its hash). */
enum err
web_api_users(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc = store_user_each(c->req->st, user_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}

/* Account 'login' as the answer of a change ('status'). */
static enum err
user_reply(const struct web_call *c, const char *login, int status,
           struct web_resp *out)
{
    struct store_user u;
    enum err rc = store_user_get(c->req->st, login, &u);
    if (rc == ERR_OK) {
        rc = web_reply(out, user_json(&u));
        out->status = status;
    }
    store_user_cleanup(&u);
    return rc;
}

/* A new account from a JSON body. */
struct new_user {
    char login[66];
    char password[AUTH_PW_MAX + 2];
    char role[16];
    char nip[32];
    char unit[MODEL_CODE_MAX + 2];
};

static bool
login_ok(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-' ||
              ch == '@')) {
            return false;
        }
    }
    return n > 0 && n <= 64;
}

static enum err
parse_user(const char *body, struct new_user *n, struct web_resp *out)
{
    struct json_obj *in = NULL;
    bool ok = json_obj_parse(body, &in) == ERR_OK &&
              json_obj_text(in, "login", n->login, sizeof(n->login)) &&
              json_obj_text(in, "role", n->role, sizeof(n->role));
    if (ok) {
        json_obj_text(in, "nip", n->nip, sizeof(n->nip));
        json_obj_text(in, "unit", n->unit, sizeof(n->unit));
        /* An account of an HR or decision role gets its password when it
         * is confirmed, from the confirming official (accounts.h). */
        ok = json_obj_text(in, "password", n->password, sizeof(n->password)) ||
             accounts_guarded(n->role);
    }
    json_obj_destroy(in);
    if (!ok) {
        web_message(out, "Kirim {\"login\", \"password\", \"role\", \"nip\", "
                         "\"unit\"} sebagai JSON.");
        return ERR_USAGE;
    }
    return ERR_OK;
}

/* The links of new account 'n' must exist: an employee behind its NIP,
 * a unit behind its unit code ('*why' says which does not). */
static enum err
check_links(struct store *st, const struct new_user *n, const char **why)
{
    struct pegawai p;
    struct unit u;
    enum err rc = n->nip[0] ? store_pegawai_get(st, n->nip, &p) : ERR_OK;
    if (rc == ERR_NOTFOUND) {
        *why = "nip bukan NIP pegawai yang ada.";
        return ERR_INVAL;
    }
    rc = rc == ERR_OK && n->unit[0] ? store_unit_get(st, n->unit, &u) : rc;
    if (rc == ERR_NOTFOUND) {
        *why = "unit bukan kode unit yang ada.";
        return ERR_INVAL;
    }
    return rc;
}

/* The checks of 'mutasi user add': a known role, existing links; a
 * pegawai needs a NIP, a kepala_unit a unit. */
static enum err
check_user(struct store *st, const struct new_user *n, struct web_resp *out)
{
    const char *why = NULL;
    enum err rc = ERR_INVAL;
    if (!login_ok(n->login)) {
        why = "login 1-64 huruf, angka, '.', '_', '-' atau '@'.";
    } else if (strcmp(n->role, "pimpinan") == 0) {
        why = "Peran pimpinan sudah dipisah: tpk (pertimbangan TPK) atau ppk "
              "(keputusan PPK/PyB).";
    } else if (!auth_role_ok(n->role)) {
        why = "role harus pegawai, kepala_unit, bkpsdm, tpk, ppk atau admin.";
    } else if (strcmp(n->role, "pegawai") == 0 && n->nip[0] == '\0') {
        why = "Akun pegawai memerlukan nip.";
    } else if (strcmp(n->role, "kepala_unit") == 0 && n->unit[0] == '\0') {
        why = "Akun kepala_unit memerlukan unit.";
    } else {
        rc = check_links(st, n, &why);
    }
    if (why != NULL) {
        web_message(out, why);
    }
    return rc;
}

static void
password_message(struct web_resp *out)
{
    char why[96];
    snprintf(why, sizeof(why), "password harus %d sampai %d karakter.",
             AUTH_PW_MIN, AUTH_PW_MAX);
    web_message(out, why);
}

/* The JSON of proposal 'p'. */
static struct json_obj *
change_json(const struct store_account_change *p)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_int(o, "id", p->id);
    json_obj_set_str(o, "aksi", p->aksi);
    json_obj_set_str(o, "login", p->login);
    json_obj_set_str(o, "role", p->role);
    json_obj_set_str(o, "nip", p->nip);
    json_obj_set_str(o, "unit", p->unit);
    json_obj_set_str(o, "oleh", p->oleh);
    json_obj_set_str(o, "pada", p->pada);
    json_obj_set_str(o, "status", p->status);
    json_obj_set_str(o, "diputus_oleh", p->diputus_oleh);
    json_obj_set_str(o, "diputus_pada", p->diputus_pada);
    json_obj_set_str(o, "catatan", p->catatan);
    return o;
}

/* Record proposal 'p' by the caller: 202 with {"usulan", "message"}. */
static enum err
propose(const struct web_call *c, const struct store_account_change *p,
        struct web_resp *out)
{
    int64_t id = 0;
    struct store_account_change got;
    enum err rc = accounts_propose(c->req->st, c->who->login, p, &id);
    if (rc == ERR_EXISTS) {
        web_message(out, "Usulan yang sama untuk akun ini masih menunggu "
                         "konfirmasi.");
        return ERR_CONFLICT;
    }
    rc = rc == ERR_OK ? store_account_change_get(c->req->st, id, &got) : rc;
    if (rc == ERR_OK) {
        struct json_obj *o = json_obj_create();
        json_obj_set_obj(o, "usulan", change_json(&got));
        json_obj_set_str(o, "message",
                         "Perubahan akun berperan BKPSDM, TPK, PPK atau admin "
                         "menunggu konfirmasi pejabat BKPSDM lain; kata sandi "
                         "dibuat saat konfirmasi.");
        store_account_change_cleanup(&got);
        rc = web_reply(out, o);
        out->status = 202;
    }
    return rc;
}

/* ERR_OK when account 'login' has a guarded role, ERR_INVAL when it has
 * another; ERR_NOTFOUND when there is none. */
static enum err
target_guarded(const struct web_call *c, const char *login)
{
    struct store_user u;
    enum err rc = store_user_get(c->req->st, login, &u);
    if (rc == ERR_OK && !accounts_guarded(u.role)) {
        rc = ERR_INVAL;
    }
    store_user_cleanup(&u);
    return rc;
}

/* POST /api/users: a new account (201), audited with the admin's login. */
enum err
web_api_user_add(const struct web_call *c, struct web_resp *out)
{
    struct new_user n;
    memset(&n, 0, sizeof(n));
    enum err rc = parse_user(c->req->body, &n, out);
    rc = rc == ERR_OK ? check_user(c->req->st, &n, out) : rc;
    if (rc == ERR_OK && accounts_guarded(n.role)) {
        memset(n.password, 0, sizeof(n.password));
        struct store_user old;
        rc = store_user_get(c->req->st, n.login, &old);
        store_user_cleanup(&old);
        if (rc == ERR_OK) {
            web_message(out, "Login sudah dipakai.");
            return ERR_EXISTS;
        }
        struct store_account_change p = {0};
        p.aksi = "tambah";
        p.login = n.login;
        p.role = n.role;
        p.nip = n.nip[0] ? n.nip : NULL;
        p.unit = n.unit[0] ? n.unit : NULL;
        return rc == ERR_NOTFOUND ? propose(c, &p, out) : rc;
    }
    struct store_user u = {n.login,
                           NULL,
                           n.role,
                           n.nip[0] ? n.nip : NULL,
                           n.unit[0] ? n.unit : NULL,
                           true,
                           NULL};
    rc = rc == ERR_OK ? auth_user_add(c->req->st, c->who->login, &u, n.password)
                      : rc;
    memset(n.password, 0, sizeof(n.password));
    if (rc == ERR_INVAL && out->body.len == 0) {
        password_message(out); /* The role was checked above. */
    } else if (rc == ERR_EXISTS) {
        web_message(out, "Login sudah dipakai.");
    }
    return rc == ERR_OK ? user_reply(c, n.login, 201, out) : rc;
}

/* POST /api/users/{login} {"action": "disable"|"enable"|"passwd",
 * "password"}: as 'mutasi user'; disabling or a new password ends the
 * account's sessions. */
enum err
web_api_user_change(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *in = NULL;
    char action[16] = "";
    char pw[AUTH_PW_MAX + 2] = "";
    const char *login = c->req->params[0];
    if (json_obj_parse(c->req->body, &in) != ERR_OK ||
        !json_obj_text(in, "action", action, sizeof(action))) {
        json_obj_destroy(in);
        web_message(out, "Kirim {\"action\", \"password\"} sebagai JSON.");
        return ERR_USAGE;
    }
    json_obj_text(in, "password", pw, sizeof(pw));
    json_obj_destroy(in);
    enum err rc = ERR_INVAL;
    if (strcmp(action, "disable") == 0 && strcmp(login, c->who->login) == 0) {
        /* The last administrator would lock everyone out (review of
         * 2026-12-01); another account, or the shell, may do it. */
        web_message(out, "Akun sendiri tidak dapat dinonaktifkan.");
        rc = ERR_CONFLICT;
    } else if ((strcmp(action, "passwd") == 0 ||
                strcmp(action, "enable") == 0) &&
               (rc = target_guarded(c, login)) != ERR_INVAL) {
        /* ERR_OK: a guarded account, whose change waits for a second
         * person; else the lookup's error. */
        struct store_account_change p = {0};
        p.aksi = action[0] == 'p' ? "sandi" : "aktifkan";
        p.login = login;
        memset(pw, 0, sizeof(pw));
        return rc == ERR_OK ? propose(c, &p, out) : rc;
    } else if (strcmp(action, "disable") == 0 ||
               strcmp(action, "enable") == 0) {
        rc = auth_user_set_active(c->req->st, c->who->login, login,
                                  action[0] == 'e');
    } else if (strcmp(action, "passwd") == 0) {
        rc = auth_user_passwd(c->req->st, c->who->login, login, pw);
        if (rc == ERR_INVAL) {
            password_message(out);
        }
    } else {
        web_message(out, "action harus disable, enable atau passwd.");
    }
    memset(pw, 0, sizeof(pw));
    return rc == ERR_OK ? user_reply(c, login, 200, out) : rc;
}

static enum err
change_row(void *ctx, const struct store_account_change *p)
{
    json_obj_push(ctx, "rows", change_json(p));
    return ERR_OK;
}

enum err
web_api_account_changes(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc = store_account_change_each(c->req->st, 500, change_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}

/* The id of the proposal in the path; false when it is not a number. */
static bool
change_id(const struct web_call *c, int64_t *id)
{
    char *end = NULL;
    const char *p = c->req->params[0];
    long long v = strtoll(p, &end, 10);
    *id = v;
    return p[0] != '\0' && *end == '\0' && v > 0;
}

enum err
web_api_account_confirm(const struct web_call *c, struct web_resp *out)
{
    int64_t id = 0;
    char pw[17] = "";
    char why[256] = "";
    if (!change_id(c, &id)) {
        return ERR_NOTFOUND;
    }
    enum err rc =
        accounts_confirm(c->req->st, c->who->login, id, pw, why, sizeof(why));
    struct store_account_change got;
    rc = rc == ERR_OK ? store_account_change_get(c->req->st, id, &got) : rc;
    if (rc == ERR_OK) {
        struct json_obj *o = json_obj_create();
        json_obj_set_obj(o, "usulan", change_json(&got));
        /* Shown once, to the confirming official only. */
        json_obj_set_str(o, "password", pw[0] ? pw : NULL);
        store_account_change_cleanup(&got);
        memset(pw, 0, sizeof(pw));
        return web_reply(out, o);
    }
    if (why[0] != '\0') {
        web_message(out, why);
    }
    return rc;
}

enum err
web_api_account_refuse(const struct web_call *c, struct web_resp *out)
{
    int64_t id = 0;
    char why[256] = "";
    char note[1024] = "";
    struct json_obj *in = NULL;
    if (!change_id(c, &id)) {
        return ERR_NOTFOUND;
    }
    if (json_obj_parse(c->req->body, &in) != ERR_OK) {
        web_message(out, "Kirim {\"catatan\"} sebagai JSON.");
        return ERR_USAGE;
    }
    json_obj_text(in, "catatan", note, sizeof(note));
    json_obj_destroy(in);
    struct store_account_change got;
    enum err rc = store_account_change_get(c->req->st, id, &got);
    /* An administrator withdraws only their own proposal. */
    if (rc == ERR_OK && c->role == WEB_ADMIN &&
        strcmp(got.oleh, c->who->login) != 0) {
        rc = ERR_DENIED;
        web_message(out,
                    "Administrator hanya dapat menarik usulannya sendiri.");
    }
    store_account_change_cleanup(&got);
    rc = rc == ERR_OK ? accounts_refuse(c->req->st, c->who->login, id, note,
                                        why, sizeof(why))
                      : rc;
    rc = rc == ERR_OK ? store_account_change_get(c->req->st, id, &got) : rc;
    if (rc == ERR_OK) {
        struct json_obj *o = json_obj_create();
        json_obj_set_obj(o, "usulan", change_json(&got));
        store_account_change_cleanup(&got);
        return web_reply(out, o);
    }
    if (why[0] != '\0') {
        web_message(out, why);
    }
    return rc;
}
