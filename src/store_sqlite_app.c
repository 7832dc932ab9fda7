/* SPDX-License-Identifier: MIT */
/* store_sqlite_app: the SQLite back end's application tables (storage
 * layer): plans with their moves, the answers and decisions on them, the
 * web app's accounts and sessions, the audit log and the settings. */
#include "store.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "store_sqlite_int.h"

enum err
store_setting_get(struct store *st, const char *key, char **out)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_SETTING_GET, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, key);
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW) {
        *out = xstrdup(sq_col_text(s, 0));
    } else {
        rc = step == SQLITE_DONE ? ERR_NOTFOUND : sq_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

enum err
store_setting_set(struct store *st, const char *key, const char *value)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_SETTING_SET, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, key);
    sq_bind_text(s, 2, value);
    return sq_step_done(st, s);
}

enum err
store_audit_add(struct store *st, const struct store_audit *a)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_AUDIT_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, a->actor);
    sq_bind_text(s, 2, a->entity);
    sq_bind_text(s, 3, a->entity_id);
    sq_bind_text(s, 4, a->action);
    sq_bind_text(s, 5, a->before);
    sq_bind_text(s, 6, a->after);
    return sq_step_done(st, s);
}

static enum err
plan_move_add(struct store *st, int64_t plan_id,
              const struct store_plan_move *m)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_PLAN_MOVE_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, plan_id);
    sq_bind_text(s, 2, m->nip);
    sq_bind_text(s, 3, m->jabatan_asal);
    sq_bind_text(s, 4, m->jabatan_tujuan);
    sq_bind_text(s, 5, m->unit_asal);
    sq_bind_text(s, 6, m->unit_tujuan);
    sq_bind_text(s, 7, m->jenis);
    if (m->pilihan_ke > 0) {
        sqlite3_bind_int(s, 8, m->pilihan_ke);
    } else {
        sqlite3_bind_null(s, 8);
    }
    sqlite3_bind_int64(s, 9, m->km_centi);
    sq_bind_text(s, 10, m->sementara_sampai);
    sq_bind_text(s, 11, m->penjelasan);
    sq_bind_text(s, 12, m->keputusan_tpk);
    sq_bind_text(s, 13, m->keputusan_ppk);
    return sq_step_done(st, s);
}

enum err
store_plan_add(struct store *st, const struct store_plan *p)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_PLAN_EXISTS, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, p->nama);
    int step = sqlite3_step(s);
    sqlite3_reset(s);
    if (step == SQLITE_ROW) {
        sq_set_errmsg(st, "plan exists");
        return ERR_EXISTS;
    }
    if (step != SQLITE_DONE) {
        return sq_fail(st);
    }
    rc = sq_stmt(st, S_PLAN_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    const char *v[] = {p->nama,     p->mode,  p->as_of,
                       p->settings, p->hasil, p->dibuat_oleh};
    for (int i = 0; i < 6; i++) {
        sq_bind_text(s, i + 1, v[i]);
    }
    rc = sq_step_done(st, s);
    int64_t id = sqlite3_last_insert_rowid(st->db);
    for (size_t k = 0; k < p->n_moves && rc == ERR_OK; k++) {
        rc = plan_move_add(st, id, &p->moves[k]);
    }
    return rc;
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
    const char *t = sq_col_text(s, i);
    return t ? xstrdup(t) : NULL;
}

static enum err
plan_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    (void)st;
    struct store_plan *out = arg;
    memset(out, 0, sizeof(*out));
    const char **fields[] = {&out->nama,
                             &out->mode,
                             &out->as_of,
                             &out->settings,
                             &out->hasil,
                             &out->status,
                             &out->dibuat,
                             &out->dibuat_oleh,
                             &out->tmt,
                             &out->sk_nomor,
                             &out->disetujui,
                             &out->tenggat,
                             &out->ba_nomor,
                             &out->dipertimbangkan,
                             &out->catatan_kembali};
    for (int i = 0; i < 15; i++) {
        *fields[i] = col_dup(s, i);
    }
    return ERR_OK;
}

enum err
store_plan_get(struct store *st, const char *nama, struct store_plan *out)
{
    memset(out, 0, sizeof(*out)); /* Safe to clean up whatever happens. */
    return sq_get_one(st, S_PLAN_GET, nama, plan_row, out);
}

void
store_plan_cleanup(struct store_plan *p)
{
    if (p == NULL) {
        return;
    }
    const char *fields[] = {p->nama,
                            p->mode,
                            p->as_of,
                            p->settings,
                            p->hasil,
                            p->status,
                            p->dibuat,
                            p->dibuat_oleh,
                            p->tmt,
                            p->sk_nomor,
                            p->disetujui,
                            p->tenggat,
                            p->ba_nomor,
                            p->dipertimbangkan,
                            p->catatan_kembali};
    for (int i = 0; i < 15; i++) {
        free((void *)(uintptr_t)fields[i]);
    }
    memset(p, 0, sizeof(*p));
}

struct plan_each_ctx {
    enum err (*fn)(void *, const struct store_plan *);
    void *ctx;
};

static enum err
plan_each_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct plan_each_ctx *e = arg;
    struct store_plan p;
    enum err rc = plan_row(st, s, &p);
    rc = rc == ERR_OK ? e->fn(e->ctx, &p) : rc;
    store_plan_cleanup(&p);
    return rc;
}

enum err
store_plan_each(struct store *st,
                enum err (*fn)(void *, const struct store_plan *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct plan_each_ctx e = {fn, ctx};
    enum err rc = sq_stmt(st, S_PLAN_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    return sq_each_row(st, s, plan_each_row, &e);
}

/* Accounts and sessions of the web app. */

static enum err
run_text(struct store *st, const char *sql, const char *const *v, int n,
         int *changes)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    for (int i = 0; i < n; i++) {
        sq_bind_text(s, i + 1, v[i]);
    }
    enum err rc = sq_step_done(st, s);
    if (changes != NULL) {
        *changes = sqlite3_changes(st->db);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_user_add(struct store *st, const struct store_user *u)
{
    struct store_user old;
    enum err rc = store_user_get(st, u->login, &old);
    if (rc == ERR_OK) {
        store_user_cleanup(&old);
        sq_set_errmsg(st, "login exists");
        return ERR_EXISTS;
    }
    if (rc != ERR_NOTFOUND) {
        return rc;
    }
    const char *v[] = {u->login, u->password_hash, u->role,
                       u->nip,   u->unit,          u->aktif ? "1" : "0"};
    return run_text(
        st,
        "INSERT INTO app_user (login, password_hash, role, nip,"
        " unit, aktif, dibuat) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " SQ_NOW_SQL ")",
        v, 6, NULL);
}

static void
user_row(sqlite3_stmt *s, int first, struct store_user *out)
{
    out->login = col_dup(s, first);
    out->password_hash = col_dup(s, first + 1);
    out->role = col_dup(s, first + 2);
    out->nip = col_dup(s, first + 3);
    out->unit = col_dup(s, first + 4);
    out->aktif = sqlite3_column_int(s, first + 5) != 0;
    out->dibuat = col_dup(s, first + 6);
}

#define USER_COLS "login, password_hash, role, nip, unit, aktif, dibuat"

enum err
store_user_get(struct store *st, const char *login, struct store_user *out)
{
    sqlite3_stmt *s = NULL;
    memset(out, 0, sizeof(*out)); /* Safe to clean up whatever happens. */
    if (sqlite3_prepare_v2(
            st->db, "SELECT " USER_COLS " FROM app_user WHERE login = ?1", -1,
            &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sq_bind_text(s, 1, login);
    int step = sqlite3_step(s);
    enum err rc = ERR_OK;
    if (step == SQLITE_ROW) {
        user_row(s, 0, out);
    } else {
        rc = step == SQLITE_DONE ? ERR_NOTFOUND : sq_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

void
store_user_cleanup(struct store_user *u)
{
    if (u == NULL) {
        return;
    }
    const char *f[] = {u->login, u->password_hash, u->role,
                       u->nip,   u->unit,          u->dibuat};
    for (int i = 0; i < 6; i++) {
        free((void *)(uintptr_t)f[i]);
    }
    memset(u, 0, sizeof(*u));
}

enum err
store_user_set_password(struct store *st, const char *login, const char *hash)
{
    const char *v[] = {login, hash};
    int n = 0;
    enum err rc =
        run_text(st, "UPDATE app_user SET password_hash = ?2 WHERE login = ?1",
                 v, 2, &n);
    if (rc == ERR_OK && n == 0) {
        return ERR_NOTFOUND;
    }
    /* A new password ends every session of the account. */
    return rc == ERR_OK ? run_text(st, "DELETE FROM session WHERE login = ?1",
                                   v, 1, NULL)
                        : rc;
}

enum err
store_user_set_active(struct store *st, const char *login, bool aktif)
{
    const char *v[] = {login, aktif ? "1" : "0"};
    int n = 0;
    enum err rc = run_text(
        st, "UPDATE app_user SET aktif = ?2 WHERE login = ?1", v, 2, &n);
    if (rc == ERR_OK && n == 0) {
        return ERR_NOTFOUND;
    }
    if (rc == ERR_OK && !aktif) {
        rc = run_text(st, "DELETE FROM session WHERE login = ?1", v, 1, NULL);
    }
    return rc;
}

enum err
store_user_each(struct store *st,
                enum err (*fn)(void *, const struct store_user *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT login, NULL, role, nip, unit, aktif, dibuat"
                           " FROM app_user ORDER BY login",
                           -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        struct store_user u;
        user_row(s, 0, &u);
        rc = fn(ctx, &u);
        store_user_cleanup(&u);
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_session_add(struct store *st, const struct store_session *x)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO session (token_hash, login, csrf_token,"
                           " dibuat, terakhir) VALUES (?1, ?2, ?3, ?4, ?5)",
                           -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sq_bind_text(s, 1, x->token_hash);
    sq_bind_text(s, 2, x->login);
    sq_bind_text(s, 3, x->csrf_token);
    sqlite3_bind_int64(s, 4, x->dibuat);
    sqlite3_bind_int64(s, 5, x->terakhir);
    enum err rc = sq_step_done(st, s);
    sqlite3_finalize(s);
    return rc;
}

enum err
store_session_get(struct store *st, const char *token_hash,
                  struct store_session *x, struct store_user *u)
{
    sqlite3_stmt *s = NULL;
    memset(x, 0, sizeof(*x));
    memset(u, 0, sizeof(*u));
    if (sqlite3_prepare_v2(
            st->db,
            "SELECT s.token_hash, s.csrf_token, s.dibuat, s.terakhir, u.login,"
            " u.password_hash, u.role, u.nip, u.unit, u.aktif, u.dibuat"
            " FROM session s JOIN app_user u ON u.login = s.login"
            " WHERE s.token_hash = ?1",
            -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sq_bind_text(s, 1, token_hash);
    int step = sqlite3_step(s);
    enum err rc = ERR_OK;
    if (step == SQLITE_ROW) {
        x->token_hash = col_dup(s, 0);
        x->csrf_token = col_dup(s, 1);
        x->dibuat = sqlite3_column_int64(s, 2);
        x->terakhir = sqlite3_column_int64(s, 3);
        user_row(s, 4, u);
        x->login = xstrdup(u->login);
    } else {
        rc = step == SQLITE_DONE ? ERR_NOTFOUND : sq_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

void
store_session_cleanup(struct store_session *x)
{
    if (x == NULL) {
        return;
    }
    free((void *)(uintptr_t)x->token_hash);
    free((void *)(uintptr_t)x->login);
    free((void *)(uintptr_t)x->csrf_token);
    memset(x, 0, sizeof(*x));
}

enum err
store_session_touch(struct store *st, const char *token_hash, int64_t now)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "UPDATE session SET terakhir = ?2 WHERE token_hash ="
                           " ?1",
                           -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sq_bind_text(s, 1, token_hash);
    sqlite3_bind_int64(s, 2, now);
    enum err rc = sq_step_done(st, s);
    sqlite3_finalize(s);
    return rc;
}

enum err
store_session_delete(struct store *st, const char *token_hash)
{
    const char *v[] = {token_hash};
    return run_text(st, "DELETE FROM session WHERE token_hash = ?1", v, 1,
                    NULL);
}

enum err
store_audit_each(struct store *st, const char *entity, const char *entity_id,
                 long limit,
                 enum err (*fn)(void *, const struct store_audit *,
                                const char *at),
                 void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(
            st->db,
            "SELECT at, actor, entity, entity_id, action, before,"
            " after FROM audit WHERE (?1 IS NULL OR entity = ?1)"
            " AND (?2 IS NULL OR entity_id = ?2) ORDER BY id"
            " LIMIT ?3",
            -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sq_bind_text(s, 1, entity);
    sq_bind_text(s, 2, entity_id);
    sqlite3_bind_int64(s, 3, limit);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        struct store_audit a = {sq_col_text(s, 1), sq_col_text(s, 2),
                                sq_col_text(s, 3), sq_col_text(s, 4),
                                sq_col_text(s, 5), sq_col_text(s, 6)};
        rc = fn(ctx, &a, sq_col_text(s, 0));
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

/* Plans through the API. */

enum err
store_plan_set_status(struct store *st, const struct store_plan_change *x)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(
            st->db,
            "UPDATE plan SET status = ?3, diterbitkan = CASE WHEN ?3 ="
            " 'diterbitkan' THEN " SQ_NOW_SQL
            " ELSE diterbitkan END, disetujui ="
            " CASE WHEN ?3 = 'ditetapkan' THEN coalesce(?6 ||"
            " strftime('T%H:%M:%SZ','now'), " SQ_NOW_SQL ") ELSE disetujui END,"
            " dipertimbangkan = CASE WHEN ?3 = 'dipertimbangkan' THEN"
            " coalesce(?6 || strftime('T%H:%M:%SZ','now'), " SQ_NOW_SQL ")"
            " ELSE dipertimbangkan END,"
            " tmt = coalesce(?4, tmt), sk_nomor = coalesce(?5, sk_nomor),"
            " tenggat = coalesce(?7, tenggat), ba_nomor = coalesce(?8,"
            " ba_nomor), catatan_kembali = coalesce(?9, catatan_kembali)"
            " WHERE nama = ?1 AND status = ?2",
            -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sq_bind_text(s, 1, x->nama);
    sq_bind_text(s, 2, x->from);
    sq_bind_text(s, 3, x->to);
    sq_bind_text(s, 4, x->tmt);
    sq_bind_text(s, 5, x->sk_nomor);
    sq_bind_text(s, 6, x->day);
    sq_bind_text(s, 7, x->tenggat);
    sq_bind_text(s, 8, x->ba_nomor);
    sq_bind_text(s, 9, x->catatan);
    return sq_step_changed(st, s, ERR_CONFLICT, "plan moved on");
}

enum err
store_plan_respond(struct store *st, const char *nama, const char *nip,
                   const char *tanggapan, const char *catatan)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "UPDATE plan_move SET tanggapan = ?3,"
                           " catatan_tanggapan = ?4, ditanggapi = " SQ_NOW_SQL
                           " WHERE nip = ?2 AND plan_id = (SELECT id FROM plan"
                           " WHERE nama = ?1)",
                           -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sq_bind_text(s, 1, nama);
    sq_bind_text(s, 2, nip);
    sq_bind_text(s, 3, tanggapan);
    sq_bind_text(s, 4, catatan);
    return sq_step_changed(st, s, ERR_NOTFOUND, NULL);
}

enum err
store_plan_responses_each(struct store *st, const char *nama,
                          enum err (*fn)(void *, const char *nip,
                                         const char *tanggapan,
                                         const char *catatan, const char *at),
                          void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT m.nip, m.tanggapan, m.catatan_tanggapan,"
                           " m.ditanggapi FROM plan_move m JOIN plan p ON p.id"
                           " = m.plan_id WHERE p.nama = ?1 AND m.tanggapan IS"
                           " NOT NULL ORDER BY m.nip",
                           -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sq_bind_text(s, 1, nama);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        rc = fn(ctx, sq_col_text(s, 0), sq_col_text(s, 1), sq_col_text(s, 2),
                sq_col_text(s, 3));
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_plan_count_approved(struct store *st, int year, long *out)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT count(*) FROM plan WHERE status ="
                           " 'ditetapkan' AND substr(disetujui, 1, 4) ="
                           " printf('%04d', ?1)",
                           -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sqlite3_bind_int(s, 1, year);
    int step = sqlite3_step(s);
    *out = step == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return step == SQLITE_ROW ? ERR_OK : sq_fail(st);
}

/* The decision on a plan's moves. */

#define MOVE_COLS                                                           \
    "m.nip, m.jabatan_asal, m.jabatan_tujuan, m.unit_asal, m.unit_tujuan,"  \
    " m.jenis, m.pilihan_ke, m.km_centi, m.sementara_sampai, m.penjelasan," \
    " m.tanggapan, m.catatan_tanggapan, m.keputusan_tpk, m.catatan_tpk,"    \
    " m.jawaban_tpk, m.keputusan_ppk, m.alasan_ppk"

enum err
store_plan_moves_each(struct store *st, const char *nama,
                      enum err (*fn)(void *, const struct store_plan_move *),
                      void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT " MOVE_COLS " FROM plan_move m JOIN plan p"
                           " ON p.id = m.plan_id WHERE p.nama = ?1 ORDER BY"
                           " m.rowid",
                           -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sq_bind_text(s, 1, nama);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        struct store_plan_move m = {
            sq_col_text(s, 0),        sq_col_text(s, 1),
            sq_col_text(s, 2),        sq_col_text(s, 3),
            sq_col_text(s, 4),        sq_col_text(s, 5),
            sqlite3_column_int(s, 6), sqlite3_column_int64(s, 7),
            sq_col_text(s, 8),        sq_col_text(s, 9),
            sq_col_text(s, 10),       sq_col_text(s, 11),
            sq_col_text(s, 12),       sq_col_text(s, 13),
            sq_col_text(s, 14),       sq_col_text(s, 15),
            sq_col_text(s, 16)};
        rc = fn(ctx, &m);
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_plan_move_decide(struct store *st, const struct store_move_decision *d)
{
    const char *v[] = {d->nama, d->nip, d->keputusan, d->catatan, d->jawaban};
    const char *sql =
        d->ppk ? "UPDATE plan_move SET keputusan_ppk = ?3, alasan_ppk = ?4"
                 " WHERE nip = ?2 AND plan_id = (SELECT id FROM plan WHERE"
                 " nama = ?1)"
               : "UPDATE plan_move SET keputusan_tpk = ?3, catatan_tpk = ?4,"
                 " jawaban_tpk = coalesce(?5, jawaban_tpk) WHERE nip = ?2 AND"
                 " plan_id = (SELECT id FROM plan WHERE nama = ?1)";
    int n = 0;
    enum err rc = run_text(st, sql, v, 5 - (d->ppk ? 1 : 0), &n);
    return rc == ERR_OK && n == 0 ? ERR_NOTFOUND : rc;
}

enum err
store_plan_answer_put(struct store *st, const char *nama,
                      const struct store_plan_answer *a)
{
    const char *v[] = {nama, a->nip, a->oleh, a->tanggapan, a->catatan};
    return run_text(
        st,
        "INSERT OR REPLACE INTO plan_tanggapan (plan_id, nip, oleh,"
        " tanggapan, catatan, pada) SELECT id, ?2, ?3, ?4, ?5, " SQ_NOW_SQL
        " FROM plan WHERE nama = ?1",
        v, 5, NULL);
}

enum err
store_plan_answers_each(struct store *st, const char *nama,
                        enum err (*fn)(void *,
                                       const struct store_plan_answer *),
                        void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT t.nip, t.oleh, t.tanggapan, t.catatan,"
                           " t.pada FROM plan_tanggapan t JOIN plan p ON p.id"
                           " = t.plan_id WHERE p.nama = ?1 ORDER BY t.nip,"
                           " t.oleh",
                           -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sq_bind_text(s, 1, nama);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        struct store_plan_answer a = {sq_col_text(s, 0), sq_col_text(s, 1),
                                      sq_col_text(s, 2), sq_col_text(s, 3),
                                      sq_col_text(s, 4)};
        rc = fn(ctx, &a);
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_plan_actors_each(struct store *st, const char *nama, const char *action,
                       enum err (*fn)(void *, const char *actor), void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT DISTINCT actor FROM audit WHERE entity ="
                           " 'plan' AND entity_id = ?1 AND action = ?2 ORDER"
                           " BY actor",
                           -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sq_bind_text(s, 1, nama);
    sq_bind_text(s, 2, action);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        rc = fn(ctx, sq_col_text(s, 0));
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_plan_count_minutes(struct store *st, int year, long *out)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT count(*) FROM plan WHERE ba_nomor IS NOT"
                           " NULL AND substr(dipertimbangkan, 1, 4) ="
                           " printf('%04d', ?1)",
                           -1, &s, NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    sqlite3_bind_int(s, 1, year);
    int step = sqlite3_step(s);
    *out = step == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return step == SQLITE_ROW ? ERR_OK : sq_fail(st);
}
