/* SPDX-License-Identifier: MIT */
/* store_pg_batas: the boundaries of kelurahan and kecamatan that the map
 * draws, in the PostgreSQL back end (storage layer). */
#include "store.h"
#include "store_pg_int.h"

enum err
store_pg_batas_clear(struct store *st)
{
    return pg_run(st, "DELETE FROM batas", NULL, NULL);
}

enum err
store_pg_batas_put(struct store *st, const struct store_batas *b)
{
    struct pg_params p = {0};
    pg_p_text(&p, b->kode);
    pg_p_text(&p, b->nama);
    pg_p_text(&p, b->jenis);
    pg_p_text(&p, b->kecamatan_kode);
    pg_p_text(&p, b->kecamatan);
    pg_p_text(&p, b->geometri);
    PGresult *r = NULL;
    /* A code already stored must not abort the caller's transaction. */
    enum err rc = pg_run(st,
                         "INSERT INTO batas (kode, nama, jenis, kecamatan_kode,"
                         " kecamatan, geometri) VALUES ($1, $2, $3, $4, $5, $6)"
                         " ON CONFLICT (kode) DO NOTHING RETURNING 1",
                         &p, &r);
    if (rc == ERR_OK && PQntuples(r) == 0) {
        rc = ERR_EXISTS;
    }
    PQclear(r);
    return rc;
}

struct batas_each {
    enum err (*fn)(void *, const struct store_batas *);
    void *ctx;
};

static enum err
batas_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct batas_each *e = arg;
    struct store_batas b = {pg_col_text(r, row, 0), pg_col_text(r, row, 1),
                            pg_col_text(r, row, 2), pg_col_text(r, row, 3),
                            pg_col_text(r, row, 4), pg_col_text(r, row, 5)};
    (void)st;
    return e->fn(e->ctx, &b);
}

enum err
store_pg_batas_each(struct store *st,
                    enum err (*fn)(void *, const struct store_batas *),
                    void *ctx)
{
    struct batas_each e = {fn, ctx};
    return pg_each_row(st,
                       "SELECT kode, nama, jenis, kecamatan_kode, kecamatan,"
                       " geometri FROM batas ORDER BY jenis COLLATE \"C\""
                       " DESC, kode COLLATE \"C\"",
                       NULL, batas_row, &e);
}
