/* SPDX-License-Identifier: MIT */
/* store_sqlite_kinerja: the yearly performance ratings (SKP) in the SQLite
 * back end (storage layer): kinerja.csv rows keyed by (nip, tahun). */
#include <sqlite3.h>
#include <string.h>

#include "model.h"
#include "nip.h"
#include "store.h"
#include "store_sqlite_int.h"

enum err
store_sqlite_kinerja_put(struct store *st, const struct kinerja *k,
                         enum store_put *out)
{
    sqlite3_stmt *s = NULL;
    const char *word = model_enum_name(&model_predikat, (int)k->predikat);
    if (st->bulk[STORE_BULK_KINERJA]) {
        /* The table was empty and the importer lets no key in twice: a new
         * row, held to go in in key order (store_sqlite_bulk.c). */
        uint64_t key = nip_key(k->nip);
        struct sq_val v[3] = {{SQ_V_TEXT, 0, 0, k->nip},
                              {SQ_V_INT, k->tahun, 0, NULL},
                              {SQ_V_TEXT, 0, 0, word}};
        if (out != NULL) {
            *out = STORE_INSERTED;
        }
        return key != 0 ? sq_bulk_kinerja(st, key, k->tahun, (int)k->predikat)
                        : sq_bulk_add(st, STORE_BULK_KINERJA, v);
    }
    enum err rc = sq_stmt(st, S_KINERJA_GET, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, k->nip);
    sqlite3_bind_int(s, 2, k->tahun);
    int step = sqlite3_step(s);
    bool exists = step == SQLITE_ROW;
    bool same =
        exists && strcmp((const char *)sqlite3_column_text(s, 0), word) == 0;
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_reset(s);
    if (rc != ERR_OK || same) {
        if (out != NULL) {
            *out = STORE_UNCHANGED;
        }
        return rc;
    }
    rc = sq_stmt(st, S_KINERJA_PUT, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, k->nip);
    sqlite3_bind_int(s, 2, k->tahun);
    sq_bind_text(s, 3, word);
    rc = sq_step_reset(st, s);
    if (rc == ERR_OK && out != NULL) {
        *out = exists ? STORE_UPDATED : STORE_INSERTED;
    }
    return rc;
}

struct kinerja_each {
    enum err (*fn)(void *, const struct kinerja *);
    void *ctx;
};

static enum err
kinerja_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct kinerja_each *e = arg;
    struct kinerja k;
    int predikat = 0;
    enum err rc = sq_col_enum(st, s, 2, &model_predikat, &predikat);
    if (rc != ERR_OK) {
        return rc;
    }
    k.nip = sq_col_text(s, 0);
    k.tahun = sqlite3_column_int(s, 1);
    k.predikat = (enum skp_predikat)predikat;
    return e->fn(e->ctx, &k);
}

enum err
store_sqlite_kinerja_each(struct store *st,
                          enum err (*fn)(void *, const struct kinerja *),
                          void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct kinerja_each e = {fn, ctx};
    enum err rc = sq_stmt(st, S_KINERJA_EACH, &s);
    return rc == ERR_OK ? sq_each_row(st, s, kinerja_row, &e) : rc;
}

enum err
store_sqlite_kinerja_of(struct store *st, const char *nip,
                        enum err (*fn)(void *, const struct kinerja *),
                        void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct kinerja_each e = {fn, ctx};
    enum err rc = sq_stmt(st, S_KINERJA_OF, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, nip);
    return sq_each_row(st, s, kinerja_row, &e);
}

enum err
store_sqlite_kinerja_years(struct store *st, int from, int to,
                           enum err (*fn)(void *, const struct kinerja *),
                           void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct kinerja_each e = {fn, ctx};
    enum err rc = sq_stmt(st, S_KINERJA_YEARS, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int(s, 1, from);
    sqlite3_bind_int(s, 2, to);
    return sq_each_row(st, s, kinerja_row, &e);
}
