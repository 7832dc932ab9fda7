/* SPDX-License-Identifier: MIT */
/* store_pg_kinerja: the yearly performance ratings (SKP) in the PostgreSQL
 * back end (storage layer): kinerja.csv rows keyed by (nip, tahun), as
 * store_sqlite_kinerja.c keeps them. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "model.h"
#include "store.h"
#include "store_pg_int.h"

/* One statement reads the rating before ('old', the statement's
 * snapshot) and writes only when it differs; the answer is the old word
 * (NULL when there was none). */
static const char kinerja_put_sql[] =
    "WITH old AS (SELECT predikat FROM kinerja WHERE nip = $1::text AND"
    " tahun = $2::integer), up AS (INSERT INTO kinerja (nip, tahun,"
    " predikat) VALUES ($1, $2, $3::text) ON CONFLICT (nip, tahun) DO"
    " UPDATE SET predikat = excluded.predikat WHERE kinerja.predikat IS"
    " DISTINCT FROM excluded.predikat RETURNING 1)"
    " SELECT (SELECT predikat FROM old), (SELECT count(*) FROM up)";

enum err
store_pg_kinerja_put(struct store *st, const struct kinerja *k,
                     enum store_put *out)
{
    const char *word = model_enum_name(&model_predikat, (int)k->predikat);
    if (st->bulk[STORE_BULK_KINERJA]) {
        /* Into the empty table as COPY text: a new rating (the importer
         * lets each (nip, tahun) through once). */
        char tahun[16];
        struct buf *c = &st->copy[STORE_BULK_KINERJA];
        snprintf(tahun, sizeof(tahun), "%d", k->tahun);
        pg_copy_field(c, k->nip, false);
        pg_copy_field(c, tahun, false);
        pg_copy_field(c, word, true);
        enum err rc = pg_copy_row_done(st, STORE_BULK_KINERJA);
        if (rc == ERR_OK && out != NULL) {
            *out = STORE_INSERTED;
        }
        return rc;
    }
    struct pg_params p = {0};
    pg_p_text(&p, k->nip);
    pg_p_long(&p, k->tahun);
    pg_p_text(&p, word);
    PGresult *r = NULL;
    enum err rc = pg_run(st, kinerja_put_sql, &p, &r);
    if (rc == ERR_OK && out != NULL) {
        const char *old = pg_col_text(r, 0, 0);
        *out = old == NULL              ? STORE_INSERTED
               : strcmp(old, word) == 0 ? STORE_UNCHANGED
                                        : STORE_UPDATED;
    }
    PQclear(r);
    return rc;
}

struct kinerja_each {
    enum err (*fn)(void *, const struct kinerja *);
    void *ctx;
};

static enum err
kinerja_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct kinerja_each *e = arg;
    struct kinerja k;
    int predikat = 0;
    enum err rc = pg_col_enum(st, r, row, 2, &model_predikat, &predikat);
    if (rc != ERR_OK) {
        return rc;
    }
    k.nip = pg_col_text(r, row, 0);
    k.tahun = (int)pg_col_long(r, row, 1);
    k.predikat = (enum skp_predikat)predikat;
    return e->fn(e->ctx, &k);
}

/* Every rating streams (two or more per employee on a nation): the
 * callers (export, the planner) only collect. */
enum err
store_pg_kinerja_each(struct store *st,
                      enum err (*fn)(void *, const struct kinerja *), void *ctx)
{
    struct kinerja_each e = {fn, ctx};
    enum err rc = pg_copy_before_read(st, STORE_BULK_KINERJA);
    if (rc != ERR_OK) {
        return rc;
    }
    return pg_stream_rows(st,
                          "SELECT nip, tahun, predikat FROM kinerja"
                          " ORDER BY nip COLLATE \"C\", tahun",
                          NULL, kinerja_row, &e);
}

enum err
store_pg_kinerja_of(struct store *st, const char *nip,
                    enum err (*fn)(void *, const struct kinerja *), void *ctx)
{
    struct kinerja_each e = {fn, ctx};
    struct pg_params p = {0};
    pg_p_text(&p, nip);
    enum err rc = pg_copy_before_read(st, STORE_BULK_KINERJA);
    if (rc != ERR_OK) {
        return rc;
    }
    return pg_each_row(st,
                       "SELECT nip, tahun, predikat FROM kinerja WHERE"
                       " nip = $1 ORDER BY tahun DESC",
                       &p, kinerja_row, &e);
}

enum err
store_pg_kinerja_years(struct store *st, int from, int to,
                       enum err (*fn)(void *, const struct kinerja *),
                       void *ctx)
{
    struct kinerja_each e = {fn, ctx};
    struct pg_params p = {0};
    pg_p_long(&p, from);
    pg_p_long(&p, to);
    enum err rc = pg_copy_before_read(st, STORE_BULK_KINERJA);
    if (rc != ERR_OK) {
        return rc;
    }
    return pg_stream_rows(st,
                          "SELECT nip, tahun, predikat FROM kinerja WHERE"
                          " tahun BETWEEN $1::integer AND $2::integer"
                          " ORDER BY nip COLLATE \"C\", tahun",
                          &p, kinerja_row, &e);
}
