/* SPDX-License-Identifier: MIT */
/* store_sqlite_siasn_kirim: the log of moves pushed to SIASN's API, one
 * row per plan and NIP (storage layer, SQLite back end), so that a failed
 * push is retried and a sent one never sent again. Its two statements are
 * prepared per call: a push sends one request per row, far slower than
 * preparing. */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "store.h"
#include "store_sqlite_int.h"

static enum err
prepare(struct store *st, const char *sql, sqlite3_stmt **s)
{
    if (st->db == NULL) {
        return ERR_UNAVAILABLE;
    }
    if (sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK) {
        sqlite3_finalize(*s);
        *s = NULL;
        return sq_fail(st);
    }
    return ERR_OK;
}

static char *
dup_col(sqlite3_stmt *s, int i)
{
    const char *t = sq_col_text(s, i);
    return t ? xstrdup(t) : NULL;
}

void
store_siasn_kirim_cleanup(struct store_siasn_kirim *k)
{
    if (k == NULL) {
        return;
    }
    free(k->plan);
    free(k->nip);
    free(k->permintaan);
    free(k->status);
    free(k->jawaban);
    free(k->waktu);
    memset(k, 0, sizeof(*k));
}

static void
read_row(sqlite3_stmt *s, struct store_siasn_kirim *k)
{
    k->plan = dup_col(s, 0);
    k->nip = dup_col(s, 1);
    k->permintaan = dup_col(s, 2);
    k->status = dup_col(s, 3);
    k->http_status = sqlite3_column_type(s, 4) == SQLITE_NULL
                         ? 0
                         : (long)sqlite3_column_int64(s, 4);
    k->jawaban = dup_col(s, 5);
    k->percobaan = (int)sqlite3_column_int64(s, 6);
    k->waktu = dup_col(s, 7);
}

#define COLUMNS                                                        \
    "plan, nip, permintaan, status, http_status, jawaban, percobaan, " \
    "waktu"

enum err
store_sqlite_siasn_kirim_get(struct store *st, const char *plan,
                             const char *nip, struct store_siasn_kirim *out,
                             bool *found)
{
    sqlite3_stmt *s = NULL;
    memset(out, 0, sizeof(*out));
    *found = false;
    enum err rc = prepare(st,
                          "SELECT " COLUMNS " FROM siasn_kirim"
                          " WHERE plan = ?1 AND nip = ?2",
                          &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, plan);
    sq_bind_text(s, 2, nip);
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW) {
        read_row(s, out);
        *found = true;
    } else if (step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_sqlite_siasn_kirim_each(struct store *st, const char *plan,
                              enum err (*fn)(void *,
                                             const struct store_siasn_kirim *),
                              void *ctx)
{
    sqlite3_stmt *s = NULL;
    enum err rc = prepare(st,
                          "SELECT " COLUMNS " FROM siasn_kirim"
                          " WHERE plan = ?1 ORDER BY nip",
                          &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, plan);
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        struct store_siasn_kirim k;
        memset(&k, 0, sizeof(k));
        read_row(s, &k);
        rc = fn(ctx, &k);
        store_siasn_kirim_cleanup(&k);
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_sqlite_siasn_kirim_put(struct store *st,
                             const struct store_siasn_kirim *k)
{
    sqlite3_stmt *s = NULL;
    if (strcmp(k->status, "terkirim") != 0 && strcmp(k->status, "gagal") != 0) {
        return ERR_INTERNAL;
    }
    /* A row already 'terkirim' is never changed: the WHERE of the upsert
     * keeps it (a move is sent once). */
    enum err rc = prepare(
        st,
        "INSERT INTO siasn_kirim (plan, nip, permintaan, status, http_status,"
        " jawaban, percobaan, waktu)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, " SQ_NOW_SQL ")"
        " ON CONFLICT (plan, nip) DO UPDATE SET permintaan = "
        "excluded.permintaan,"
        " status = excluded.status, http_status = excluded.http_status,"
        " jawaban = excluded.jawaban, percobaan = percobaan + 1,"
        " waktu = excluded.waktu WHERE status <> 'terkirim'",
        &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, k->plan);
    sq_bind_text(s, 2, k->nip);
    sq_bind_text(s, 3, k->permintaan);
    sq_bind_text(s, 4, k->status);
    if (k->http_status > 0) {
        sqlite3_bind_int64(s, 5, k->http_status);
    } else {
        sqlite3_bind_null(s, 5);
    }
    sq_bind_text(s, 6, k->jawaban);
    int step = sqlite3_step(s);
    if (step != SQLITE_DONE) {
        rc = sq_fail(st);
    } else if (sqlite3_changes(st->db) == 0) {
        rc = ERR_CONFLICT; /* Already sent. */
    }
    sqlite3_finalize(s);
    return rc;
}
