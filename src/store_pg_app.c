/* SPDX-License-Identifier: MIT */
/* store_pg_app: the PostgreSQL back end's application tables (storage
 * layer): plans with their moves, the answers and decisions on them, the
 * web app's accounts and sessions, the audit log and the settings. The
 * same rows, order and results as store_sqlite_app.c: text is ordered
 * byte by byte (COLLATE "C", SQLite's BINARY), a plan's moves by seq (the
 * order they were added in, SQLite's rowid), and a name or login already
 * taken is found by ON CONFLICT DO NOTHING, which leaves the caller's
 * transaction usable. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"
#include "store.h"
#include "store_pg_int.h"

struct each_ctx {
    union {
        enum err (*plan)(void *, const struct store_plan *);
        enum err (*move)(void *, const struct store_plan_move *);
        enum err (*response)(void *, const char *nip, const char *tanggapan,
                             const char *catatan, const char *at);
        enum err (*answer)(void *, const struct store_plan_answer *);
        enum err (*actor)(void *, const char *actor);
        enum err (*user)(void *, const struct store_user *);
        enum err (*audit)(void *, const struct store_audit *, const char *at);
    } fn;      /* The caller's callback; the row reader knows which. */
    void *ctx; /* The caller's context. */
};

/* The time of day as stored, without the date: SQLite's
 * strftime('T%H:%M:%SZ','now'), appended to a given day. */
#define TIME_OF_DAY_SQL                                  \
    "to_char(statement_timestamp() AT TIME ZONE 'UTC', " \
    "'\"T\"HH24:MI:SS\"Z\"')"

static char *
col_dup(const PGresult *r, int row, int i)
{
    const char *t = pg_col_text(r, row, i);
    return t ? xstrdup(t) : NULL;
}

/* Run 'sql', keyed by the text 'key', over each row. */
static enum err
each_by(struct store *st, const char *sql, const char *key, pg_row_fn *row,
        struct each_ctx *e)
{
    struct pg_params p = {0};
    pg_p_text(&p, key);
    return pg_each_row(st, sql, &p, row, e);
}

/* Plans. */

static const char plan_add_sql[] =
    "INSERT INTO plan (nama, mode, as_of, settings, hasil, dibuat,"
    " dibuat_oleh) VALUES ($1::text, $2::text, $3::date, $4::text, "
    "$5::text, " PG_NOW_SQL
    ", $6::text) ON CONFLICT (nama) DO NOTHING RETURNING id";

#define PLAN_MOVE_COPY                                                  \
    "plan_move (plan_id, nip, jabatan_asal, jabatan_tujuan, unit_asal," \
    " unit_tujuan, jenis, pilihan_ke, km_centi, sementara_sampai,"      \
    " penjelasan, keputusan_tpk, keputusan_ppk)"

/* The moves of plan 'id' as COPY text, in their order: seq numbers them
 * as they arrive. */
static void
moves_copy_text(const struct store_plan *p, const char *id, struct buf *out)
{
    for (size_t k = 0; k < p->n_moves; k++) {
        const struct store_plan_move *m = &p->moves[k];
        char pilihan[16];
        char km[32];
        snprintf(pilihan, sizeof(pilihan), "%d", m->pilihan_ke);
        snprintf(km, sizeof(km), "%lld", (long long)m->km_centi);
        pg_copy_field(out, id, false);
        pg_copy_field(out, m->nip, false);
        pg_copy_field(out, m->jabatan_asal, false);
        pg_copy_field(out, m->jabatan_tujuan, false);
        pg_copy_field(out, m->unit_asal, false);
        pg_copy_field(out, m->unit_tujuan, false);
        pg_copy_field(out, m->jenis, false);
        pg_copy_field(out, m->pilihan_ke > 0 ? pilihan : NULL, false);
        pg_copy_field(out, km, false);
        pg_copy_field(out, m->sementara_sampai, false);
        pg_copy_field(out, m->penjelasan, false);
        pg_copy_field(out, m->keputusan_tpk, false);
        pg_copy_field(out, m->keputusan_ppk, true);
    }
}

/* The plan row and its moves, inside an open transaction. The moves go
 * in one COPY: a plan of thousands of moves is one round trip, not one
 * per move. */
static enum err
plan_add_rows(struct store *st, const struct store_plan *p)
{
    struct pg_params q = {0};
    const char *v[] = {p->nama,     p->mode,  p->as_of,
                       p->settings, p->hasil, p->dibuat_oleh};
    for (int i = 0; i < 6; i++) {
        pg_p_text(&q, v[i]);
    }
    PGresult *r = NULL;
    enum err rc = pg_run(st, plan_add_sql, &q, &r);
    if (rc != ERR_OK) {
        return rc;
    }
    if (PQntuples(r) == 0) {
        PQclear(r);
        pg_set_errmsg(st, "plan exists");
        return ERR_EXISTS;
    }
    char id[32];
    snprintf(id, sizeof(id), "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    if (p->n_moves == 0) {
        return ERR_OK;
    }
    struct buf text;
    buf_init(&text, 0);
    moves_copy_text(p, id, &text);
    rc = pg_copy(st, PLAN_MOVE_COPY, buf_str(&text), text.len);
    buf_cleanup(&text);
    return rc;
}

enum err
store_pg_plan_add(struct store *st, const struct store_plan *p)
{
    /* A plan and its moves are saved whole: in the caller's transaction,
     * or else in one of their own. */
    if (st->in_tx) {
        return plan_add_rows(st, p);
    }
    enum err rc = store_pg_begin(st);
    rc = rc == ERR_OK ? plan_add_rows(st, p) : rc;
    rc = rc == ERR_OK ? store_pg_commit(st) : rc;
    if (rc != ERR_OK) {
        store_pg_rollback(st);
    }
    return rc;
}

#define PLAN_COLS                                                      \
    "nama, mode, as_of, settings, hasil, status, dibuat, dibuat_oleh," \
    " tmt, sk_nomor, disetujui, tenggat, ba_nomor, dipertimbangkan,"   \
    " catatan_kembali"

static const char plan_get_sql[] =
    "SELECT " PLAN_COLS " FROM plan WHERE nama = $1::text";

/* Without 'hasil', the plan document: the list does not need it. */
static const char plan_each_sql[] =
    "SELECT nama, mode, as_of, settings, NULL::text, status, dibuat,"
    " dibuat_oleh, tmt, sk_nomor, disetujui, tenggat, ba_nomor,"
    " dipertimbangkan, catatan_kembali FROM plan ORDER BY nama COLLATE \"C\"";

static void
plan_row(const PGresult *r, int row, struct store_plan *out)
{
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
        *fields[i] = col_dup(r, row, i);
    }
}

static enum err
plan_get_row(struct store *st, const PGresult *r, int row, void *arg)
{
    (void)st;
    plan_row(r, row, arg);
    return ERR_OK;
}

enum err
store_pg_plan_get(struct store *st, const char *nama, struct store_plan *out)
{
    memset(out, 0, sizeof(*out)); /* Safe to clean up whatever happens. */
    struct pg_params p = {0};
    pg_p_text(&p, nama);
    return pg_one_row(st, plan_get_sql, &p, plan_get_row, out);
}

static enum err
plan_each_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct store_plan p;
    (void)st;
    plan_row(r, row, &p);
    enum err rc = e->fn.plan(e->ctx, &p);
    store_plan_cleanup(&p);
    return rc;
}

enum err
store_pg_plan_each(struct store *st,
                   enum err (*fn)(void *, const struct store_plan *), void *ctx)
{
    struct each_ctx e = {.fn.plan = fn, .ctx = ctx};
    return pg_each_row(st, plan_each_sql, NULL, plan_each_row, &e);
}

/* An approval's or a TPK closing's time is the given day ($6) with the
 * clock's time of day, or the clock's day and time. */
static const char plan_set_status_sql[] =
    "UPDATE plan SET status = $3::text, diterbitkan = CASE WHEN $3::text ="
    " 'diterbitkan' THEN " PG_NOW_SQL " ELSE diterbitkan END, disetujui ="
    " CASE WHEN $3::text = 'ditetapkan' THEN coalesce($6::text "
    "|| " TIME_OF_DAY_SQL ", " PG_NOW_SQL ") ELSE disetujui END,"
    " dipertimbangkan = CASE WHEN $3::text = 'dipertimbangkan' THEN"
    " coalesce($6::text || " TIME_OF_DAY_SQL ", " PG_NOW_SQL ")"
    " ELSE dipertimbangkan END,"
    " tmt = coalesce($4::date, tmt), sk_nomor = coalesce($5::text, sk_nomor),"
    " tenggat = coalesce($7::date, tenggat), ba_nomor = coalesce($8::text,"
    " ba_nomor), catatan_kembali = coalesce($9::text, catatan_kembali)"
    " WHERE nama = $1::text AND status = $2::text";

enum err
store_pg_plan_set_status(struct store *st, const struct store_plan_change *x)
{
    struct pg_params p = {0};
    const char *v[] = {x->nama, x->from,    x->to,       x->tmt,    x->sk_nomor,
                       x->day,  x->tenggat, x->ba_nomor, x->catatan};
    for (int i = 0; i < 9; i++) {
        pg_p_text(&p, v[i]);
    }
    return pg_run_changed(st, plan_set_status_sql, &p, ERR_CONFLICT,
                          "plan moved on");
}

/* The years of the stored times are their first four characters, as
 * SQLite's printf('%04d') writes the year asked for. */
static const char plan_count_approved_sql[] =
    "SELECT count(*) FROM plan WHERE status = 'ditetapkan' AND"
    " substr(disetujui, 1, 4) = $1::text";

static const char plan_count_minutes_sql[] =
    "SELECT count(*) FROM plan WHERE ba_nomor IS NOT NULL AND"
    " substr(dipertimbangkan, 1, 4) = $1::text";

static enum err
count_year(struct store *st, const char *sql, int year, long *out)
{
    char text[16];
    snprintf(text, sizeof(text), "%04d", year);
    struct pg_params p = {0};
    pg_p_text(&p, text);
    long long n = 0;
    enum err rc = pg_one_long(st, sql, &p, &n);
    *out = rc == ERR_OK ? (long)n : 0;
    return rc;
}

enum err
store_pg_plan_count_approved(struct store *st, int year, long *out)
{
    return count_year(st, plan_count_approved_sql, year, out);
}

enum err
store_pg_plan_count_minutes(struct store *st, int year, long *out)
{
    return count_year(st, plan_count_minutes_sql, year, out);
}

/* The answers and decisions on a plan's moves. */

static const char plan_moves_each_sql[] =
    "SELECT m.nip, m.jabatan_asal, m.jabatan_tujuan, m.unit_asal,"
    " m.unit_tujuan, m.jenis, m.pilihan_ke, m.km_centi, m.sementara_sampai,"
    " m.penjelasan, m.tanggapan, m.catatan_tanggapan, m.keputusan_tpk,"
    " m.catatan_tpk, m.jawaban_tpk, m.keputusan_ppk, m.alasan_ppk"
    " FROM plan_move m JOIN plan p ON p.id = m.plan_id WHERE p.nama ="
    " $1::text ORDER BY m.seq";

static enum err
move_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct store_plan_move m = {
        pg_col_text(r, row, 0),      pg_col_text(r, row, 1),
        pg_col_text(r, row, 2),      pg_col_text(r, row, 3),
        pg_col_text(r, row, 4),      pg_col_text(r, row, 5),
        (int)pg_col_long(r, row, 6), (int64_t)pg_col_long(r, row, 7),
        pg_col_text(r, row, 8),      pg_col_text(r, row, 9),
        pg_col_text(r, row, 10),     pg_col_text(r, row, 11),
        pg_col_text(r, row, 12),     pg_col_text(r, row, 13),
        pg_col_text(r, row, 14),     pg_col_text(r, row, 15),
        pg_col_text(r, row, 16)};
    (void)st;
    return e->fn.move(e->ctx, &m);
}

enum err
store_pg_plan_moves_each(struct store *st, const char *nama,
                         enum err (*fn)(void *, const struct store_plan_move *),
                         void *ctx)
{
    struct each_ctx e = {.fn.move = fn, .ctx = ctx};
    return each_by(st, plan_moves_each_sql, nama, move_row, &e);
}

static const char plan_decide_tpk_sql[] =
    "UPDATE plan_move SET keputusan_tpk = $3::text, catatan_tpk = $4::text,"
    " jawaban_tpk = coalesce($5::text, jawaban_tpk) WHERE nip = $2::text AND"
    " plan_id = (SELECT id FROM plan WHERE nama = $1::text)";

static const char plan_decide_ppk_sql[] =
    "UPDATE plan_move SET keputusan_ppk = $3::text, alasan_ppk = $4::text"
    " WHERE nip = $2::text AND plan_id = (SELECT id FROM plan WHERE"
    " nama = $1::text)";

enum err
store_pg_plan_move_decide(struct store *st, const struct store_move_decision *d)
{
    struct pg_params p = {0};
    pg_p_text(&p, d->nama);
    pg_p_text(&p, d->nip);
    pg_p_text(&p, d->keputusan);
    pg_p_text(&p, d->catatan);
    if (d->ppk) {
        return pg_run_changed(st, plan_decide_ppk_sql, &p, ERR_NOTFOUND, NULL);
    }
    pg_p_text(&p, d->jawaban);
    return pg_run_changed(st, plan_decide_tpk_sql, &p, ERR_NOTFOUND, NULL);
}

static const char plan_respond_sql[] =
    "UPDATE plan_move SET tanggapan = $3::text, catatan_tanggapan ="
    " $4::text, ditanggapi = " PG_NOW_SQL " WHERE nip = $2::text AND"
    " plan_id = (SELECT id FROM plan WHERE nama = $1::text)";

enum err
store_pg_plan_respond(struct store *st, const char *nama, const char *nip,
                      const char *tanggapan, const char *catatan)
{
    struct pg_params p = {0};
    pg_p_text(&p, nama);
    pg_p_text(&p, nip);
    pg_p_text(&p, tanggapan);
    pg_p_text(&p, catatan);
    return pg_run_changed(st, plan_respond_sql, &p, ERR_NOTFOUND, NULL);
}

static const char plan_responses_each_sql[] =
    "SELECT m.nip, m.tanggapan, m.catatan_tanggapan, m.ditanggapi FROM"
    " plan_move m JOIN plan p ON p.id = m.plan_id WHERE p.nama = $1::text"
    " AND m.tanggapan IS NOT NULL ORDER BY m.nip COLLATE \"C\"";

static enum err
response_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    (void)st;
    return e->fn.response(e->ctx, pg_col_text(r, row, 0),
                          pg_col_text(r, row, 1), pg_col_text(r, row, 2),
                          pg_col_text(r, row, 3));
}

enum err
store_pg_plan_responses_each(struct store *st, const char *nama,
                             enum err (*fn)(void *, const char *nip,
                                            const char *tanggapan,
                                            const char *catatan,
                                            const char *at),
                             void *ctx)
{
    struct each_ctx e = {.fn.response = fn, .ctx = ctx};
    return each_by(st, plan_responses_each_sql, nama, response_row, &e);
}

/* SQLite's INSERT OR REPLACE: the answer of the same account to the same
 * move replaces the one before. Nothing when there is no such plan. */
static const char plan_answer_put_sql[] =
    "INSERT INTO plan_tanggapan (plan_id, nip, oleh, tanggapan, catatan,"
    " pada) SELECT id, $2::text, $3::text, $4::text, $5::text, " PG_NOW_SQL
    " FROM plan WHERE nama = $1::text ON CONFLICT (plan_id, nip, oleh) DO"
    " UPDATE SET tanggapan = excluded.tanggapan, catatan = excluded.catatan,"
    " pada = excluded.pada";

enum err
store_pg_plan_answer_put(struct store *st, const char *nama,
                         const struct store_plan_answer *a)
{
    struct pg_params p = {0};
    pg_p_text(&p, nama);
    pg_p_text(&p, a->nip);
    pg_p_text(&p, a->oleh);
    pg_p_text(&p, a->tanggapan);
    pg_p_text(&p, a->catatan);
    return pg_run(st, plan_answer_put_sql, &p, NULL);
}

static const char plan_answers_each_sql[] =
    "SELECT t.nip, t.oleh, t.tanggapan, t.catatan, t.pada FROM"
    " plan_tanggapan t JOIN plan p ON p.id = t.plan_id WHERE p.nama ="
    " $1::text ORDER BY t.nip COLLATE \"C\", t.oleh COLLATE \"C\"";

static enum err
answer_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct store_plan_answer a = {
        pg_col_text(r, row, 0), pg_col_text(r, row, 1), pg_col_text(r, row, 2),
        pg_col_text(r, row, 3), pg_col_text(r, row, 4)};
    (void)st;
    return e->fn.answer(e->ctx, &a);
}

enum err
store_pg_plan_answers_each(struct store *st, const char *nama,
                           enum err (*fn)(void *,
                                          const struct store_plan_answer *),
                           void *ctx)
{
    struct each_ctx e = {.fn.answer = fn, .ctx = ctx};
    return each_by(st, plan_answers_each_sql, nama, answer_row, &e);
}

/* GROUP BY rather than DISTINCT: ordered by the bytes of the login. */
static const char plan_actors_each_sql[] =
    "SELECT actor FROM audit WHERE entity = 'plan' AND entity_id = $1::text"
    " AND action = $2::text GROUP BY actor ORDER BY actor COLLATE \"C\"";

static enum err
actor_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    (void)st;
    return e->fn.actor(e->ctx, pg_col_text(r, row, 0));
}

enum err
store_pg_plan_actors_each(struct store *st, const char *nama,
                          const char *action,
                          enum err (*fn)(void *, const char *actor), void *ctx)
{
    struct each_ctx e = {.fn.actor = fn, .ctx = ctx};
    struct pg_params p = {0};
    pg_p_text(&p, nama);
    pg_p_text(&p, action);
    return pg_each_row(st, plan_actors_each_sql, &p, actor_row, &e);
}

/* Accounts and sessions of the web app. */

static void
user_row(const PGresult *r, int row, int first, struct store_user *out)
{
    out->login = col_dup(r, row, first);
    out->password_hash = col_dup(r, row, first + 1);
    out->role = col_dup(r, row, first + 2);
    out->nip = col_dup(r, row, first + 3);
    out->unit = col_dup(r, row, first + 4);
    out->aktif = pg_col_bool(r, row, first + 5);
    out->dibuat = col_dup(r, row, first + 6);
}

static const char user_get_sql[] =
    "SELECT login, password_hash, role, nip, unit, aktif, dibuat FROM"
    " app_user WHERE login = $1::text";

static enum err
user_get_row(struct store *st, const PGresult *r, int row, void *arg)
{
    (void)st;
    user_row(r, row, 0, arg);
    return ERR_OK;
}

enum err
store_pg_user_get(struct store *st, const char *login, struct store_user *out)
{
    memset(out, 0, sizeof(*out)); /* Safe to clean up whatever happens. */
    struct pg_params p = {0};
    pg_p_text(&p, login);
    return pg_one_row(st, user_get_sql, &p, user_get_row, out);
}

static const char user_add_sql[] =
    "INSERT INTO app_user (login, password_hash, role, nip, unit, aktif,"
    " dibuat) VALUES ($1::text, $2::text, $3::text, $4::text, $5::text,"
    " $6::boolean, " PG_NOW_SQL ") ON CONFLICT (login) DO NOTHING RETURNING 1";

enum err
store_pg_user_add(struct store *st, const struct store_user *u)
{
    struct pg_params p = {0};
    pg_p_text(&p, u->login);
    pg_p_text(&p, u->password_hash);
    pg_p_text(&p, u->role);
    pg_p_text(&p, u->nip);
    pg_p_text(&p, u->unit);
    pg_p_bool(&p, u->aktif);
    PGresult *r = NULL;
    enum err rc = pg_run(st, user_add_sql, &p, &r);
    if (rc == ERR_OK && PQntuples(r) == 0) {
        pg_set_errmsg(st, "login exists");
        rc = ERR_EXISTS;
    }
    PQclear(r);
    return rc;
}

static const char user_set_password_sql[] =
    "UPDATE app_user SET password_hash = $2::text WHERE login = $1::text";
static const char user_set_active_sql[] =
    "UPDATE app_user SET aktif = $2::boolean WHERE login = $1::text";
static const char session_delete_login_sql[] =
    "DELETE FROM session WHERE login = $1::text";

static enum err
sessions_end(struct store *st, const char *login)
{
    struct pg_params p = {0};
    pg_p_text(&p, login);
    return pg_run(st, session_delete_login_sql, &p, NULL);
}

enum err
store_pg_user_set_password(struct store *st, const char *login,
                           const char *hash)
{
    struct pg_params p = {0};
    pg_p_text(&p, login);
    pg_p_text(&p, hash);
    enum err rc =
        pg_run_changed(st, user_set_password_sql, &p, ERR_NOTFOUND, NULL);
    /* A new password ends every session of the account. */
    return rc == ERR_OK ? sessions_end(st, login) : rc;
}

enum err
store_pg_user_set_active(struct store *st, const char *login, bool aktif)
{
    struct pg_params p = {0};
    pg_p_text(&p, login);
    pg_p_bool(&p, aktif);
    enum err rc =
        pg_run_changed(st, user_set_active_sql, &p, ERR_NOTFOUND, NULL);
    if (rc == ERR_OK && !aktif) {
        rc = sessions_end(st, login);
    }
    return rc;
}

static const char user_each_sql[] =
    "SELECT login, NULL::text, role, nip, unit, aktif, dibuat FROM app_user"
    " ORDER BY login COLLATE \"C\"";

static enum err
user_each_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct store_user u;
    (void)st;
    user_row(r, row, 0, &u);
    enum err rc = e->fn.user(e->ctx, &u);
    store_user_cleanup(&u);
    return rc;
}

enum err
store_pg_user_each(struct store *st,
                   enum err (*fn)(void *, const struct store_user *), void *ctx)
{
    struct each_ctx e = {.fn.user = fn, .ctx = ctx};
    return pg_each_row(st, user_each_sql, NULL, user_each_row, &e);
}

static const char session_add_sql[] =
    "INSERT INTO session (token_hash, login, csrf_token, dibuat, terakhir)"
    " VALUES ($1::text, $2::text, $3::text, $4::bigint, $5::bigint)";

enum err
store_pg_session_add(struct store *st, const struct store_session *x)
{
    struct pg_params p = {0};
    pg_p_text(&p, x->token_hash);
    pg_p_text(&p, x->login);
    pg_p_text(&p, x->csrf_token);
    pg_p_long(&p, x->dibuat);
    pg_p_long(&p, x->terakhir);
    return pg_run(st, session_add_sql, &p, NULL);
}

static const char session_get_sql[] =
    "SELECT s.token_hash, s.csrf_token, s.dibuat, s.terakhir, u.login,"
    " u.password_hash, u.role, u.nip, u.unit, u.aktif, u.dibuat"
    " FROM session s JOIN app_user u ON u.login = s.login"
    " WHERE s.token_hash = $1::text";

/* A session and its account, read together. */
struct session_out {
    struct store_session *x;
    struct store_user *u;
};

static enum err
session_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct session_out *o = arg;
    (void)st;
    o->x->token_hash = col_dup(r, row, 0);
    o->x->csrf_token = col_dup(r, row, 1);
    o->x->dibuat = (int64_t)pg_col_long(r, row, 2);
    o->x->terakhir = (int64_t)pg_col_long(r, row, 3);
    user_row(r, row, 4, o->u);
    o->x->login = xstrdup(o->u->login);
    return ERR_OK;
}

enum err
store_pg_session_get(struct store *st, const char *token_hash,
                     struct store_session *x, struct store_user *u)
{
    struct session_out o = {x, u};
    memset(x, 0, sizeof(*x));
    memset(u, 0, sizeof(*u));
    struct pg_params p = {0};
    pg_p_text(&p, token_hash);
    return pg_one_row(st, session_get_sql, &p, session_row, &o);
}

static const char session_touch_sql[] =
    "UPDATE session SET terakhir = $2::bigint WHERE token_hash = $1::text";

enum err
store_pg_session_touch(struct store *st, const char *token_hash, int64_t now)
{
    struct pg_params p = {0};
    pg_p_text(&p, token_hash);
    pg_p_long(&p, now);
    return pg_run(st, session_touch_sql, &p, NULL);
}

static const char session_delete_sql[] =
    "DELETE FROM session WHERE token_hash = $1::text";

enum err
store_pg_session_delete(struct store *st, const char *token_hash)
{
    struct pg_params p = {0};
    pg_p_text(&p, token_hash);
    return pg_run(st, session_delete_sql, &p, NULL);
}

/* The audit log and the settings. */

static const char audit_add_sql[] =
    "INSERT INTO audit (at, actor, entity, entity_id, action, before, after)"
    " VALUES (" PG_NOW_SQL ", $1::text, $2::text, $3::text, $4::text,"
    " $5::text, $6::text)";

enum err
store_pg_audit_add(struct store *st, const struct store_audit *a)
{
    struct pg_params p = {0};
    pg_p_text(&p, a->actor);
    pg_p_text(&p, a->entity);
    pg_p_text(&p, a->entity_id);
    pg_p_text(&p, a->action);
    pg_p_text(&p, a->before);
    pg_p_text(&p, a->after);
    return pg_run(st, audit_add_sql, &p, NULL);
}

/* A negative limit is no limit, as SQLite's LIMIT -1 (PostgreSQL refuses
 * a negative one; LIMIT NULL is none). */
static const char audit_each_sql[] =
    "SELECT at, actor, entity, entity_id, action, before, after FROM audit"
    " WHERE ($1::text IS NULL OR entity = $1::text) AND ($2::text IS NULL"
    " OR entity_id = $2::text) ORDER BY id LIMIT CASE WHEN $3::bigint >= 0"
    " THEN $3::bigint END";

static enum err
audit_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct store_audit a = {pg_col_text(r, row, 1), pg_col_text(r, row, 2),
                            pg_col_text(r, row, 3), pg_col_text(r, row, 4),
                            pg_col_text(r, row, 5), pg_col_text(r, row, 6)};
    (void)st;
    return e->fn.audit(e->ctx, &a, pg_col_text(r, row, 0));
}

enum err
store_pg_audit_each(struct store *st, const char *entity, const char *entity_id,
                    long limit,
                    enum err (*fn)(void *, const struct store_audit *,
                                   const char *at),
                    void *ctx)
{
    struct each_ctx e = {.fn.audit = fn, .ctx = ctx};
    struct pg_params p = {0};
    pg_p_text(&p, entity);
    pg_p_text(&p, entity_id);
    pg_p_long(&p, limit);
    return pg_each_row(st, audit_each_sql, &p, audit_row, &e);
}

static const char setting_get_sql[] =
    "SELECT value FROM setting WHERE key = $1::text";

static enum err
setting_row(struct store *st, const PGresult *r, int row, void *arg)
{
    (void)st;
    *(char **)arg = col_dup(r, row, 0);
    return ERR_OK;
}

enum err
store_pg_setting_get(struct store *st, const char *key, char **out)
{
    struct pg_params p = {0};
    pg_p_text(&p, key);
    return pg_one_row(st, setting_get_sql, &p, setting_row, out);
}

static const char setting_set_sql[] =
    "INSERT INTO setting (key, value) VALUES ($1::text, $2::text)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value";

enum err
store_pg_setting_set(struct store *st, const char *key, const char *value)
{
    struct pg_params p = {0};
    pg_p_text(&p, key);
    pg_p_text(&p, value);
    return pg_run(st, setting_set_sql, &p, NULL);
}
