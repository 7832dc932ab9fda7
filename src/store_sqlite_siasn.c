/* SPDX-License-Identifier: MIT */
/* store_sqlite_siasn: SIASN's identifiers beside our codes in the SQLite
 * back end (storage layer): the table siasn_id of schema 8. */
#include <ctype.h>
#include <sqlite3.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "store.h"
#include "store_sqlite_int.h"

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

/* The single text column of the one-row query 's' into 'out'. */
static enum err
one_text(struct store *st, sqlite3_stmt *s, struct buf *out, bool *found)
{
    enum err rc = ERR_OK;
    buf_reset(out);
    *found = false;
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW) {
        *found = true;
        const char *v = sq_col_text(s, 0);
        rc = buf_adds(out, v != NULL ? v : "");
    } else if (step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

enum err
store_sqlite_siasn_id_set(struct store *st, const char *jenis, const char *kode,
                          const char *siasn_id)
{
    char id[STORE_SIASN_ID_LEN + 1];
    if (!jenis_ok(jenis) || kode == NULL || kode[0] == '\0') {
        sq_set_errmsg(st, L_("id SIASN: jenis tidak dikenal atau kode kosong",
                             "SIASN id: unknown kind or empty code"));
        return ERR_INVAL;
    }
    if (!id_lower(siasn_id, id)) {
        sq_set_errmsg(st, L_("id SIASN harus 32 digit heksadesimal",
                             "a SIASN id must be 32 hexadecimal digits"));
        return ERR_INVAL;
    }
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_SIASN_ID_SET, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, jenis);
    sq_bind_text(s, 2, kode);
    sq_bind_text(s, 3, id);
    int step = sqlite3_step(s);
    if (step == SQLITE_DONE) {
        rc = ERR_OK;
    } else if (sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_UNIQUE) {
        sq_set_errmsg(st, L_("id SIASN ini sudah dipakai kode lain",
                             "another code has this SIASN id"));
        rc = ERR_EXISTS;
    } else {
        rc = sq_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

enum err
store_sqlite_siasn_id_get(struct store *st, const char *jenis, const char *kode,
                          struct buf *out, bool *found)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_SIASN_ID_GET, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, jenis);
    sq_bind_text(s, 2, kode);
    return one_text(st, s, out, found);
}

enum err
store_sqlite_siasn_id_find(struct store *st, const char *jenis,
                           const char *siasn_id, struct buf *kode_out,
                           bool *found)
{
    char id[STORE_SIASN_ID_LEN + 1];
    if (!id_lower(siasn_id, id)) {
        buf_reset(kode_out);
        *found = false;
        return ERR_OK;
    }
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_SIASN_ID_FIND, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, jenis);
    sq_bind_text(s, 2, id);
    return one_text(st, s, kode_out, found);
}

struct id_each {
    enum err (*fn)(void *, const char *, const char *, const char *);
    void *ctx;
};

static enum err
id_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    (void)st;
    struct id_each *e = arg;
    return e->fn(e->ctx, sq_col_text(s, 0), sq_col_text(s, 1),
                 sq_col_text(s, 2));
}

enum err
store_sqlite_siasn_id_each(struct store *st, const char *jenis,
                           enum err (*fn)(void *ctx, const char *jenis,
                                          const char *kode,
                                          const char *siasn_id),
                           void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct id_each e = {fn, ctx};
    enum err rc = sq_stmt(st, S_SIASN_ID_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, jenis);
    return sq_each_row(st, s, id_row, &e);
}
