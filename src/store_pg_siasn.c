/* SPDX-License-Identifier: MIT */
/* store_pg_siasn: SIASN's identifiers beside our codes in the PostgreSQL
 * back end (storage layer): the table siasn_id, as store_sqlite_siasn.c.
 * An id already given to another code is found by the statement itself,
 * not by a failed insert, so that it does not abort the caller's
 * transaction. */
#include <ctype.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "store.h"
#include "store_pg_int.h"

static bool
jenis_ok(const char *jenis)
{
    static const char *const words[] = {"instansi", "unit", "jabatan",
                                        "pegawai"};
    for (size_t i = 0; jenis != NULL && i < sizeof(words) / sizeof(*words);
         i++) {
        if (strcmp(jenis, words[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* 'id' lower-cased into 'out' (STORE_SIASN_ID_LEN + 1 bytes); false when
 * it is not 32 hex digits. */
static bool
id_lower(const char *id, char *out)
{
    size_t n = id == NULL ? 0 : strlen(id);
    if (n != STORE_SIASN_ID_LEN) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (!isxdigit((unsigned char)id[i])) {
            return false;
        }
        out[i] = (char)tolower((unsigned char)id[i]);
    }
    out[n] = '\0';
    return true;
}

static enum err
taken(struct store *st)
{
    pg_set_errmsg(st, L_("id SIASN ini sudah dipakai kode lain",
                         "another code has this SIASN id"));
    return ERR_EXISTS;
}

/* The insert or the replacement happens only when no other code of the
 * kind has the id; the count says which (0: taken). The upsert's own
 * conflict is on (jenis, kode), the row being replaced. */
static const char siasn_id_set_sql[] =
    "WITH lain AS (SELECT 1 FROM siasn_id WHERE jenis = $1 AND"
    "  siasn_id = $3 AND kode <> $2),"
    " tulis AS (INSERT INTO siasn_id (jenis, kode, siasn_id)"
    "  SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM lain)"
    "  ON CONFLICT (jenis, kode) DO UPDATE SET siasn_id = excluded.siasn_id"
    "  RETURNING 1)"
    " SELECT count(*) FROM tulis";

enum err
store_pg_siasn_id_set(struct store *st, const char *jenis, const char *kode,
                      const char *siasn_id)
{
    char id[STORE_SIASN_ID_LEN + 1];
    if (!jenis_ok(jenis) || kode == NULL || kode[0] == '\0') {
        pg_set_errmsg(st, L_("id SIASN: jenis tidak dikenal atau kode kosong",
                             "SIASN id: unknown kind or empty code"));
        return ERR_INVAL;
    }
    if (!id_lower(siasn_id, id)) {
        pg_set_errmsg(st, L_("id SIASN harus 32 digit heksadesimal",
                             "a SIASN id must be 32 hexadecimal digits"));
        return ERR_INVAL;
    }
    struct pg_params p = {0};
    pg_p_text(&p, jenis);
    pg_p_text(&p, kode);
    pg_p_text(&p, id);
    long long written = 0;
    enum err rc = pg_one_long(st, siasn_id_set_sql, &p, &written);
    if (rc == ERR_OK && written == 0) {
        return taken(st);
    }
    if (rc == ERR_DB && pg_failed_with(st, "23505")) {
        /* Only when another transaction gave the id to another code
         * meanwhile, uncommitted when the statement began: the unique
         * index waited for it. Inside a transaction this one is aborted
         * then; the callers roll back on ERR_EXISTS. */
        return taken(st);
    }
    return rc;
}

/* The first column of the row into the struct buf 'ctx'. */
static enum err
text_row(struct store *st, const PGresult *r, int row, void *ctx)
{
    (void)st;
    const char *v = pg_col_text(r, row, 0);
    return buf_adds(ctx, v != NULL ? v : "");
}

/* The one text of the query into 'out', '*found' whether a row came. */
static enum err
one_text(struct store *st, const char *sql, const struct pg_params *p,
         struct buf *out, bool *found)
{
    buf_reset(out);
    *found = false;
    enum err rc = pg_one_row(st, sql, p, text_row, out);
    if (rc == ERR_NOTFOUND) {
        return ERR_OK;
    }
    *found = rc == ERR_OK;
    return rc;
}

static const char siasn_id_get_sql[] =
    "SELECT siasn_id FROM siasn_id WHERE jenis = $1 AND kode = $2";

enum err
store_pg_siasn_id_get(struct store *st, const char *jenis, const char *kode,
                      struct buf *out, bool *found)
{
    struct pg_params p = {0};
    pg_p_text(&p, jenis);
    pg_p_text(&p, kode);
    return one_text(st, siasn_id_get_sql, &p, out, found);
}

static const char siasn_id_find_sql[] =
    "SELECT kode FROM siasn_id WHERE jenis = $1 AND siasn_id = $2";

enum err
store_pg_siasn_id_find(struct store *st, const char *jenis,
                       const char *siasn_id, struct buf *kode_out, bool *found)
{
    char id[STORE_SIASN_ID_LEN + 1];
    if (!id_lower(siasn_id, id)) {
        buf_reset(kode_out);
        *found = false;
        return ERR_OK;
    }
    struct pg_params p = {0};
    pg_p_text(&p, jenis);
    pg_p_text(&p, id);
    return one_text(st, siasn_id_find_sql, &p, kode_out, found);
}

struct id_each {
    enum err (*fn)(void *, const char *, const char *, const char *);
    void *ctx;
};

static enum err
id_row(struct store *st, const PGresult *r, int row, void *arg)
{
    (void)st;
    struct id_each *e = arg;
    return e->fn(e->ctx, pg_col_text(r, row, 0), pg_col_text(r, row, 1),
                 pg_col_text(r, row, 2));
}

/* Byte order (COLLATE "C"), as SQLite compares text, whatever the
 * database's collation. */
static const char siasn_id_each_sql[] =
    "SELECT jenis, kode, siasn_id FROM siasn_id"
    " WHERE $1::text IS NULL OR jenis = $1"
    " ORDER BY jenis COLLATE \"C\", kode COLLATE \"C\"";

enum err
store_pg_siasn_id_each(struct store *st, const char *jenis,
                       enum err (*fn)(void *ctx, const char *jenis,
                                      const char *kode, const char *siasn_id),
                       void *ctx)
{
    struct id_each e = {fn, ctx};
    struct pg_params p = {0};
    pg_p_text(&p, jenis);
    return pg_each_row(st, siasn_id_each_sql, &p, id_row, &e);
}
