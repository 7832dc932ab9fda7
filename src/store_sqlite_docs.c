/* SPDX-License-Identifier: MIT */
/* store_sqlite_docs: the SQLite back end's register of documents issued
 * and the numbers of surat tugas (storage layer). */
#include "store.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"
#include "store_sqlite_int.h"

/* Copy column 0 of the one row of 's' into 'out'; ERR_NOTFOUND when there
 * is no row or it is NULL. Resets 's'. */
static enum err
one_text(struct store *st, sqlite3_stmt *s, char *out, size_t len)
{
    enum err rc = ERR_NOTFOUND;
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW && sq_col_text(s, 0) != NULL) {
        snprintf(out, len, "%s", sq_col_text(s, 0));
        rc = ERR_OK;
    } else if (step != SQLITE_ROW && step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

enum err
store_sqlite_register_find(struct store *st, const char *jenis,
                           const char *plan, const char *nip, char *out)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_REGISTER_FIND, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, jenis);
    sq_bind_text(s, 2, plan);
    sq_bind_text(s, 3, nip);
    return one_text(st, s, out, 65);
}

enum err
store_sqlite_register_add(struct store *st, const struct store_register_row *r)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_REGISTER_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, r->nomor);
    sq_bind_text(s, 2, r->tanggal);
    sq_bind_text(s, 3, r->jenis);
    sq_bind_text(s, 4, r->plan);
    sq_bind_text(s, 5, r->nip);
    sq_bind_text(s, 6, r->sha256);
    return sq_step_reset(st, s);
}

struct register_each {
    enum err (*fn)(void *, const struct store_register_row *);
    void *ctx;
};

static enum err
register_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    (void)st;
    struct register_each *e = arg;
    struct store_register_row r = {sq_col_text(s, 0), sq_col_text(s, 1),
                                   sq_col_text(s, 2), sq_col_text(s, 3),
                                   sq_col_text(s, 4), sq_col_text(s, 5),
                                   sq_col_text(s, 6)};
    return e->fn(e->ctx, &r);
}

enum err
store_sqlite_register_each(struct store *st,
                           enum err (*fn)(void *,
                                          const struct store_register_row *),
                           void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct register_each e = {fn, ctx};
    enum err rc = sq_stmt(st, S_REGISTER_EACH, &s);
    return rc == ERR_OK ? sq_each_row(st, s, register_row, &e) : rc;
}

enum err
store_sqlite_move_set_st(struct store *st, const char *plan, const char *nip,
                         const char *nomor)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_MOVE_SET_ST, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, plan);
    sq_bind_text(s, 2, nip);
    sq_bind_text(s, 3, nomor);
    return sq_step_reset_changed(st, s, ERR_NOTFOUND, "no such move");
}

enum err
store_sqlite_move_get_st(struct store *st, const char *plan, const char *nip,
                         char *out, size_t len)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_MOVE_GET_ST, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, plan);
    sq_bind_text(s, 2, nip);
    return one_text(st, s, out, len);
}

enum err
store_sqlite_count_st(struct store *st, int year, long *out)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_COUNT_ST, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int(s, 1, year);
    int step = sqlite3_step(s);
    *out = step == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    return step == SQLITE_ROW ? ERR_OK : sq_fail(st);
}

enum err
store_sqlite_request_step_find(struct store *st, int64_t id, const char *aksi,
                               char *note, char *at, size_t len)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_REQUEST_STEP_FIND, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, id);
    sq_bind_text(s, 2, aksi);
    rc = ERR_NOTFOUND;
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW) {
        const char *n = sq_col_text(s, 0);
        const char *a = sq_col_text(s, 1);
        snprintf(note, len, "%s", n ? n : "");
        snprintf(at, len, "%s", a ? a : "");
        rc = ERR_OK;
    } else if (step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

enum err
store_sqlite_izin_add(struct store *st, const struct store_izin *z)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_IZIN_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    const char *texts[] = {
        z->plan,  z->masa_label, z->masa_dari, z->masa_sampai, z->keputusan,
        z->nomor, z->tanggal,    z->pejabat,   z->oleh,        z->sha256};
    for (int i = 0; i < 10; i++) {
        sq_bind_text(s, i + 1, texts[i]);
    }
    sqlite3_bind_blob64(s, 11, z->berkas, (sqlite3_uint64)z->berkas_len,
                        SQLITE_STATIC);
    int step = sqlite3_step(s);
    rc = step == SQLITE_DONE ? ERR_OK
         : sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_PRIMARYKEY
             ? ERR_EXISTS
             : sq_fail(st);
    sqlite3_reset(s);
    return rc;
}

struct izin_ctx {
    struct store_izin *z;
    struct buf *berkas;
};

static enum err
izin_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct izin_ctx *g = arg;
    (void)st;
    const char **f[] = {&g->z->plan,        &g->z->masa_label, &g->z->masa_dari,
                        &g->z->masa_sampai, &g->z->keputusan,  &g->z->nomor,
                        &g->z->tanggal,     &g->z->pejabat,    &g->z->oleh,
                        &g->z->sha256};
    for (int i = 0; i < 10; i++) {
        const char *t = sq_col_text(s, i);
        *f[i] = xstrdup(t != NULL ? t : "");
    }
    g->z->berkas_len = (size_t)sqlite3_column_bytes(s, 10);
    if (g->berkas == NULL) {
        return ERR_OK;
    }
    const void *b = sqlite3_column_blob(s, 10);
    return buf_add(g->berkas, b ? b : "", g->z->berkas_len);
}

enum err
store_sqlite_izin_get(struct store *st, const char *plan,
                      struct store_izin *out, struct buf *berkas)
{
    struct izin_ctx g = {out, berkas};
    memset(out, 0, sizeof(*out));
    enum err rc = sq_get_one(st, S_IZIN_GET, plan, izin_row, &g);
    if (rc != ERR_OK) {
        store_izin_cleanup(out);
    }
    return rc;
}

void
store_izin_cleanup(struct store_izin *z)
{
    if (z == NULL) {
        return;
    }
    const char *f[] = {
        z->plan,  z->masa_label, z->masa_dari, z->masa_sampai, z->keputusan,
        z->nomor, z->tanggal,    z->pejabat,   z->oleh,        z->sha256};
    for (int i = 0; i < 10; i++) {
        free((void *)(uintptr_t)f[i]);
    }
    memset(z, 0, sizeof(*z));
}
