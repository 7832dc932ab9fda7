/* SPDX-License-Identifier: MIT */
/* store_sqlite_account: proposed changes to accounts of HR and decision
 * roles, waiting for a second person (storage layer, SQLite back end). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mem.h"
#include "store.h"
#include "store_sqlite_int.h"

#define N_TEXT 11 /* The text columns after the id. */

static char *
dup_col(sqlite3_stmt *s, int i)
{
    const char *t = sq_col_text(s, i);
    return t ? xstrdup(t) : NULL;
}

/* The texts of 'c' in column order, for reading and for freeing. */
static const char **
texts(struct store_account_change *c, int i)
{
    const char **f[N_TEXT] = {&c->aksi,         &c->login,  &c->role,
                              &c->nip,          &c->unit,   &c->oleh,
                              &c->pada,         &c->status, &c->diputus_oleh,
                              &c->diputus_pada, &c->catatan};
    return f[i];
}

static void
read_change(sqlite3_stmt *s, struct store_account_change *out)
{
    memset(out, 0, sizeof(*out));
    out->id = sqlite3_column_int64(s, 0);
    for (int i = 0; i < N_TEXT; i++) {
        *texts(out, i) = dup_col(s, i + 1);
    }
}

void
store_account_change_cleanup(struct store_account_change *c)
{
    if (c == NULL) {
        return;
    }
    for (int i = 0; i < N_TEXT; i++) {
        free((void *)(uintptr_t)*texts(c, i));
    }
    memset(c, 0, sizeof(*c));
}

enum err
store_sqlite_account_change_add(struct store *st,
                                const struct store_account_change *c,
                                int64_t *id)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_ACCOUNT_CHANGE_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    const char *v[] = {c->aksi, c->login, c->role, c->nip, c->unit, c->oleh};
    for (int i = 0; i < 6; i++) {
        sq_bind_text(s, i + 1, v[i]);
    }
    int step = sqlite3_step(s);
    sqlite3_reset(s);
    if (step == SQLITE_CONSTRAINT) {
        sq_set_errmsg(st, L_("usulan yang sama untuk akun ini masih menunggu",
                             "the same change of this account already waits"));
        return ERR_EXISTS;
    }
    if (step != SQLITE_DONE) {
        return sq_fail(st);
    }
    *id = sqlite3_last_insert_rowid(st->db);
    return ERR_OK;
}

static enum err
get_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    (void)st;
    read_change(s, arg);
    return ERR_OK;
}

enum err
store_sqlite_account_change_get(struct store *st, int64_t id,
                                struct store_account_change *out)
{
    sqlite3_stmt *s = NULL;
    memset(out, 0, sizeof(*out));
    enum err rc = sq_stmt(st, S_ACCOUNT_CHANGE_GET, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, id);
    return sq_one_row(st, s, get_row, out);
}

enum err
store_sqlite_account_change_close(struct store *st, int64_t id,
                                  const char *status, const char *oleh,
                                  const char *catatan)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_ACCOUNT_CHANGE_CLOSE, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, id);
    sq_bind_text(s, 2, status);
    sq_bind_text(s, 3, oleh);
    sq_bind_text(s, 4, catatan);
    return sq_step_reset_changed(
        st, s, ERR_CONFLICT,
        L_("usulan ini sudah diputus", "this change was already decided"));
}

struct each {
    enum err (*fn)(void *, const struct store_account_change *);
    void *ctx;
};

static enum err
each_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each *e = arg;
    struct store_account_change c;
    (void)st;
    read_change(s, &c);
    enum err rc = e->fn(e->ctx, &c);
    store_account_change_cleanup(&c);
    return rc;
}

enum err
store_sqlite_account_change_each(
    struct store *st, long limit,
    enum err (*fn)(void *, const struct store_account_change *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each e = {fn, ctx};
    enum err rc = sq_stmt(st, S_ACCOUNT_CHANGE_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, limit);
    return sq_each_row(st, s, each_row, &e);
}
