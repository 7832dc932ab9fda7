/* SPDX-License-Identifier: MIT */
/* store_pg_siasn_kirim: the log of moves pushed to SIASN's API in the
 * PostgreSQL back end (storage layer), one row per plan and NIP, as
 * store_sqlite_siasn_kirim.c: a failed push is retried with one more
 * attempt counted, a sent one never changes (ERR_CONFLICT, found by the
 * upsert's WHERE, so that no statement fails and the caller's transaction
 * goes on). store_siasn_kirim_cleanup() is the SQLite file's: it only
 * frees memory. */
#include <string.h>

#include "mem.h"
#include "store.h"
#include "store_pg_int.h"

static char *
dup_col(const PGresult *r, int row, int i)
{
    const char *t = pg_col_text(r, row, i);
    return t ? xstrdup(t) : NULL;
}

static void
read_row(const PGresult *r, int row, struct store_siasn_kirim *k)
{
    k->plan = dup_col(r, row, 0);
    k->nip = dup_col(r, row, 1);
    k->permintaan = dup_col(r, row, 2);
    k->status = dup_col(r, row, 3);
    k->http_status = (long)pg_col_long(r, row, 4); /* NULL: 0. */
    k->jawaban = dup_col(r, row, 5);
    k->percobaan = (int)pg_col_long(r, row, 6);
    k->waktu = dup_col(r, row, 7);
}

#define COLUMNS                                                        \
    "plan, nip, permintaan, status, http_status, jawaban, percobaan, " \
    "waktu"

static enum err
get_row(struct store *st, const PGresult *r, int row, void *ctx)
{
    (void)st;
    read_row(r, row, ctx);
    return ERR_OK;
}

static const char siasn_kirim_get_sql[] =
    "SELECT " COLUMNS " FROM siasn_kirim WHERE plan = $1 AND nip = $2";

enum err
store_pg_siasn_kirim_get(struct store *st, const char *plan, const char *nip,
                         struct store_siasn_kirim *out, bool *found)
{
    memset(out, 0, sizeof(*out));
    *found = false;
    struct pg_params p = {0};
    pg_p_text(&p, plan);
    pg_p_text(&p, nip);
    enum err rc = pg_one_row(st, siasn_kirim_get_sql, &p, get_row, out);
    if (rc == ERR_NOTFOUND) {
        return ERR_OK;
    }
    *found = rc == ERR_OK;
    return rc;
}

struct kirim_each {
    enum err (*fn)(void *, const struct store_siasn_kirim *);
    void *ctx;
};

static enum err
each_row(struct store *st, const PGresult *r, int row, void *ctx)
{
    (void)st;
    struct kirim_each *e = ctx;
    struct store_siasn_kirim k;
    memset(&k, 0, sizeof(k));
    read_row(r, row, &k);
    enum err rc = e->fn(e->ctx, &k);
    store_siasn_kirim_cleanup(&k);
    return rc;
}

/* Byte order (COLLATE "C"), as SQLite compares text. */
static const char siasn_kirim_each_sql[] =
    "SELECT " COLUMNS " FROM siasn_kirim WHERE plan = $1"
    " ORDER BY nip COLLATE \"C\"";

enum err
store_pg_siasn_kirim_each(struct store *st, const char *plan,
                          enum err (*fn)(void *,
                                         const struct store_siasn_kirim *),
                          void *ctx)
{
    struct kirim_each e = {fn, ctx};
    struct pg_params p = {0};
    pg_p_text(&p, plan);
    return pg_each_row(st, siasn_kirim_each_sql, &p, each_row, &e);
}

/* A row already 'terkirim' is never changed: the WHERE of the upsert
 * keeps it (a move is sent once), and no row changes. */
static const char siasn_kirim_put_sql[] =
    "INSERT INTO siasn_kirim (plan, nip, permintaan, status, http_status,"
    " jawaban, percobaan, waktu)"
    " VALUES ($1, $2, $3, $4, $5, $6, 1, " PG_NOW_SQL ")"
    " ON CONFLICT (plan, nip) DO UPDATE SET permintaan = excluded.permintaan,"
    " status = excluded.status, http_status = excluded.http_status,"
    " jawaban = excluded.jawaban, percobaan = siasn_kirim.percobaan + 1,"
    " waktu = excluded.waktu WHERE siasn_kirim.status <> 'terkirim'";

enum err
store_pg_siasn_kirim_put(struct store *st, const struct store_siasn_kirim *k)
{
    if (strcmp(k->status, "terkirim") != 0 && strcmp(k->status, "gagal") != 0) {
        return ERR_INTERNAL;
    }
    struct pg_params p = {0};
    pg_p_text(&p, k->plan);
    pg_p_text(&p, k->nip);
    pg_p_text(&p, k->permintaan);
    pg_p_text(&p, k->status);
    if (k->http_status > 0) {
        pg_p_long(&p, k->http_status);
    } else {
        pg_p_text(&p, NULL);
    }
    pg_p_text(&p, k->jawaban);
    /* No row changed: already sent. */
    return pg_run_changed(st, siasn_kirim_put_sql, &p, ERR_CONFLICT, NULL);
}
