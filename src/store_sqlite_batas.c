/* SPDX-License-Identifier: MIT */
/* store_sqlite_batas: the boundaries of kelurahan and kecamatan that the
 * map draws, in the SQLite back end (storage layer). */
#include <sqlite3.h>

#include "store.h"
#include "store_sqlite_int.h"

enum err
store_sqlite_batas_clear(struct store *st)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_BATAS_CLEAR, &s);
    return rc == ERR_OK ? sq_step_reset(st, s) : rc;
}

enum err
store_sqlite_batas_put(struct store *st, const struct store_batas *b)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_BATAS_PUT, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, b->kode);
    sq_bind_text(s, 2, b->nama);
    sq_bind_text(s, 3, b->jenis);
    sq_bind_text(s, 4, b->kecamatan_kode);
    sq_bind_text(s, 5, b->kecamatan);
    sq_bind_text(s, 6, b->geometri);
    int step = sqlite3_step(s);
    if (step == SQLITE_DONE) {
        sqlite3_reset(s);
        return ERR_OK;
    }
    rc = sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_PRIMARYKEY
             ? ERR_EXISTS
             : sq_fail(st);
    sqlite3_reset(s);
    return rc;
}

struct batas_each {
    enum err (*fn)(void *, const struct store_batas *);
    void *ctx;
};

static enum err
batas_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct batas_each *e = arg;
    struct store_batas b = {sq_col_text(s, 0), sq_col_text(s, 1),
                            sq_col_text(s, 2), sq_col_text(s, 3),
                            sq_col_text(s, 4), sq_col_text(s, 5)};
    (void)st;
    return e->fn(e->ctx, &b);
}

enum err
store_sqlite_batas_each(struct store *st,
                        enum err (*fn)(void *, const struct store_batas *),
                        void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct batas_each e = {fn, ctx};
    enum err rc = sq_stmt(st, S_BATAS_EACH, &s);
    return rc == ERR_OK ? sq_each_row(st, s, batas_row, &e) : rc;
}
