/* SPDX-License-Identifier: MIT */
/* store_pg_account: proposed changes to accounts of HR and decision
 * roles, waiting for a second person (storage layer, PostgreSQL back
 * end; store_sqlite_account.c is its SQLite twin). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mem.h"
#include "store.h"
#include "store_pg_int.h"

#define N_TEXT 11 /* The text columns after the id. */

#define CHANGE_COLS                                                       \
    "id, aksi, login, role, nip, unit, oleh, pada, status, diputus_oleh," \
    " diputus_pada, catatan"

static char *
dup_col(const PGresult *r, int row, int i)
{
    const char *t = pg_col_text(r, row, i);
    return t ? xstrdup(t) : NULL;
}

/* The texts of 'c' in column order. */
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
read_change(const PGresult *r, int row, struct store_account_change *out)
{
    memset(out, 0, sizeof(*out));
    out->id = (int64_t)pg_col_long(r, row, 0);
    for (int i = 0; i < N_TEXT; i++) {
        *texts(out, i) = dup_col(r, row, i + 1);
    }
}

/* The same change of the same account waiting already is no row back
 * (the partial unique index akun_usulan_menunggu, named with its
 * predicate), and leaves the caller's transaction usable. */
static const char change_add_sql[] =
    "INSERT INTO akun_usulan (aksi, login, role, nip, unit, oleh, pada)"
    " VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, "
    "$6::text, " PG_NOW_SQL
    ") ON CONFLICT (login, aksi) WHERE status = 'menunggu' DO"
    " NOTHING RETURNING id";

enum err
store_pg_account_change_add(struct store *st,
                            const struct store_account_change *c, int64_t *id)
{
    struct pg_params p = {0};
    const char *v[] = {c->aksi, c->login, c->role, c->nip, c->unit, c->oleh};
    for (int i = 0; i < 6; i++) {
        pg_p_text(&p, v[i]);
    }
    PGresult *r = NULL;
    enum err rc = pg_run(st, change_add_sql, &p, &r);
    if (rc != ERR_OK) {
        return rc;
    }
    if (PQntuples(r) == 0) {
        PQclear(r);
        pg_set_errmsg(st, L_("usulan yang sama untuk akun ini masih menunggu",
                             "the same change of this account already waits"));
        return ERR_EXISTS;
    }
    *id = (int64_t)pg_col_long(r, 0, 0);
    PQclear(r);
    return ERR_OK;
}

static const char change_get_sql[] =
    "SELECT " CHANGE_COLS " FROM akun_usulan WHERE id = $1::bigint";

static enum err
get_row(struct store *st, const PGresult *r, int row, void *arg)
{
    (void)st;
    read_change(r, row, arg);
    return ERR_OK;
}

enum err
store_pg_account_change_get(struct store *st, int64_t id,
                            struct store_account_change *out)
{
    memset(out, 0, sizeof(*out));
    struct pg_params p = {0};
    pg_p_long(&p, id);
    return pg_one_row(st, change_get_sql, &p, get_row, out);
}

/* Only a waiting proposal closes: of two confirmations at once, the
 * second changes no row. */
static const char change_close_sql[] =
    "UPDATE akun_usulan SET status = $2::text, diputus_oleh = $3::text,"
    " diputus_pada = " PG_NOW_SQL ", catatan = $4::text WHERE id ="
    " $1::bigint AND status = 'menunggu'";

enum err
store_pg_account_change_close(struct store *st, int64_t id, const char *status,
                              const char *oleh, const char *catatan)
{
    struct pg_params p = {0};
    pg_p_long(&p, id);
    pg_p_text(&p, status);
    pg_p_text(&p, oleh);
    pg_p_text(&p, catatan);
    return pg_run_changed(
        st, change_close_sql, &p, ERR_CONFLICT,
        L_("usulan ini sudah diputus", "this change was already decided"));
}

/* The waiting first (false sorts before true), then the newest. */
static const char change_each_sql[] =
    "SELECT " CHANGE_COLS " FROM akun_usulan ORDER BY status <> 'menunggu',"
    " id DESC LIMIT CASE WHEN $1::bigint >= 0 THEN $1::bigint END";

struct each {
    enum err (*fn)(void *, const struct store_account_change *);
    void *ctx;
};

static enum err
each_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each *e = arg;
    struct store_account_change c;
    (void)st;
    read_change(r, row, &c);
    enum err rc = e->fn(e->ctx, &c);
    store_account_change_cleanup(&c);
    return rc;
}

enum err
store_pg_account_change_each(
    struct store *st, long limit,
    enum err (*fn)(void *, const struct store_account_change *), void *ctx)
{
    struct each e = {fn, ctx};
    struct pg_params p = {0};
    pg_p_long(&p, limit);
    return pg_each_row(st, change_each_sql, &p, each_row, &e);
}
