/* SPDX-License-Identifier: MIT */
/* accounts: changes to accounts of HR and decision roles, by two people
 * (service layer); see accounts.h. */
#include "accounts.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "json.h"
#include "store.h"

bool
accounts_guarded(const char *role)
{
    int bit = role != NULL ? auth_role_bit(role) : 0;
    return (bit & (AUTH_BKPSDM | AUTH_TPK | AUTH_PPK | AUTH_ADMIN)) != 0;
}

/* The audit entry of a step on proposal 'c' (id 'id'). */
static enum err
audit(struct store *st, const char *actor, const char *action,
      const struct store_account_change *c, int64_t id, const char *note)
{
    struct json_obj *o = json_obj_create();
    struct buf after;
    buf_init(&after, 0);
    json_obj_set_int(o, "usulan", id);
    json_obj_set_str(o, "aksi", c->aksi);
    json_obj_set_str(o, "diusulkan_oleh", c->oleh);
    if (c->role != NULL) {
        json_obj_set_str(o, "role", c->role);
    }
    if (note != NULL) {
        json_obj_set_str(o, "catatan", note);
    }
    enum err rc = json_obj_format(o, &after);
    struct store_audit a = {actor,  "user", c->login,
                            action, NULL,   buf_str(&after)};
    rc = rc == ERR_OK ? store_audit_add(st, &a) : rc;
    json_obj_destroy(o);
    buf_cleanup(&after);
    return rc;
}

/* Commit when 'rc' is ERR_OK, else roll back; returns the outcome. */
static enum err
finish(struct store *st, enum err rc)
{
    rc = rc == ERR_OK ? store_commit(st) : rc;
    if (rc != ERR_OK) {
        store_rollback(st);
    }
    return rc;
}

enum err
accounts_propose(struct store *st, const char *actor,
                 const struct store_account_change *c, int64_t *id)
{
    struct store_account_change v = *c;
    v.oleh = actor;
    enum err rc = store_begin(st);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = store_account_change_add(st, &v, id);
    rc = rc == ERR_OK ? audit(st, actor, "usul_akun", &v, *id, NULL) : rc;
    return finish(st, rc);
}

/* Carry out confirmed change 'c' inside the open transaction. */
static enum err
apply(struct store *st, const struct store_account_change *c, char password[17],
      char *why, size_t len)
{
    char hash[AUTH_HASH_MAX];
    struct store_user u;
    enum err rc = ERR_OK;
    password[0] = '\0';
    if (strcmp(c->aksi, "aktifkan") == 0) {
        rc = store_user_set_active(st, c->login, true);
    } else {
        auth_new_password(password);
        rc = auth_hash_password(password, hash);
    }
    if (rc == ERR_OK && strcmp(c->aksi, "sandi") == 0) {
        rc = store_user_set_password(st, c->login, hash);
    } else if (rc == ERR_OK && strcmp(c->aksi, "tambah") == 0) {
        memset(&u, 0, sizeof(u));
        u.login = c->login;
        u.password_hash = hash;
        u.role = c->role;
        u.nip = c->nip;
        u.unit = c->unit;
        u.aktif = true;
        rc = store_user_add(st, &u);
    }
    if (rc == ERR_NOTFOUND || rc == ERR_EXISTS) {
        snprintf(why, len,
                 rc == ERR_EXISTS ? "Login %s sudah dipakai sejak diusulkan."
                                  : "Akun %s sudah tidak ada.",
                 c->login);
        rc = ERR_CONFLICT;
    }
    return rc;
}

/* Load waiting proposal 'id' into 'c' for 'actor' to decide. */
static enum err
load_waiting(struct store *st, int64_t id, struct store_account_change *c,
             char *why, size_t len)
{
    enum err rc = store_account_change_get(st, id, c);
    if (rc == ERR_NOTFOUND) {
        snprintf(why, len, "Usulan %" PRId64 " tidak ada.", id);
    } else if (rc == ERR_OK && strcmp(c->status, "menunggu") != 0) {
        snprintf(why, len, "Usulan %" PRId64 " sudah %s oleh %s.", id,
                 c->status, c->diputus_oleh ? c->diputus_oleh : "-");
        rc = ERR_CONFLICT;
    }
    return rc;
}

enum err
accounts_confirm(struct store *st, const char *actor, int64_t id,
                 char password[17], char *why, size_t len)
{
    struct store_account_change c;
    password[0] = '\0';
    enum err rc = store_begin(st);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = load_waiting(st, id, &c, why, len);
    if (rc == ERR_OK && strcmp(c.oleh, actor) == 0) {
        snprintf(why, len,
                 "Usulan tidak dapat dikonfirmasi oleh pengusulnya sendiri.");
        rc = ERR_DENIED;
    } else if (rc == ERR_OK && strcmp(c.login, actor) == 0) {
        snprintf(why, len, "Perubahan akun sendiri dikonfirmasi orang lain.");
        rc = ERR_DENIED;
    }
    rc = rc == ERR_OK
             ? store_account_change_close(st, id, "dikonfirmasi", actor, NULL)
             : rc;
    rc = rc == ERR_OK ? apply(st, &c, password, why, len) : rc;
    rc = rc == ERR_OK ? audit(st, actor, "konfirmasi_akun", &c, id, NULL) : rc;
    rc = finish(st, rc);
    if (rc != ERR_OK) {
        memset(password, 0, 17);
    }
    store_account_change_cleanup(&c);
    return rc;
}

enum err
accounts_refuse(struct store *st, const char *actor, int64_t id,
                const char *catatan, char *why, size_t len)
{
    struct store_account_change c;
    if (catatan == NULL || catatan[0] == '\0') {
        snprintf(why, len, "Penolakan usulan wajib disertai catatan.");
        return ERR_INVAL;
    }
    enum err rc = store_begin(st);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = load_waiting(st, id, &c, why, len);
    rc = rc == ERR_OK
             ? store_account_change_close(st, id, "ditolak", actor, catatan)
             : rc;
    rc = rc == ERR_OK ? audit(st, actor, "tolak_akun", &c, id, catatan) : rc;
    rc = finish(st, rc);
    store_account_change_cleanup(&c);
    return rc;
}
