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

/* Run the cached statement 'id' with the texts 'v[0..n)' bound to ?1..?n;
 * the number of rows it changed into '*changes' (may be NULL). */
static enum err
run_text(struct store *st, enum stmt_id id, const char *const *v, int n,
         int *changes)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, id, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    for (int i = 0; i < n; i++) {
        sq_bind_text(s, i + 1, v[i]);
    }
    rc = sq_step_reset(st, s);
    if (changes != NULL) {
        *changes = sqlite3_changes(st->db);
    }
    return rc;
}

/* Run the cached statement 'id', keyed by the text 'key', over each row. */
static enum err
each_by(struct store *st, enum stmt_id id, const char *key, sq_row_fn *row,
        struct each_ctx *e)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, id, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, key);
    return sq_each_row(st, s, row, e);
}

/* Plans. */

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
    return sq_step_reset(st, s);
}

enum err
store_sqlite_plan_add(struct store *st, const struct store_plan *p)
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
    rc = sq_step_reset(st, s);
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
store_sqlite_plan_get(struct store *st, const char *nama,
                      struct store_plan *out)
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

static enum err
plan_each_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct store_plan p;
    enum err rc = plan_row(st, s, &p);
    rc = rc == ERR_OK ? e->fn.plan(e->ctx, &p) : rc;
    store_plan_cleanup(&p);
    return rc;
}

enum err
store_sqlite_plan_each(struct store *st,
                       enum err (*fn)(void *, const struct store_plan *),
                       void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.plan = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_PLAN_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    return sq_each_row(st, s, plan_each_row, &e);
}

enum err
store_sqlite_plan_set_status(struct store *st,
                             const struct store_plan_change *x)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_PLAN_SET_STATUS, &s);
    if (rc != ERR_OK) {
        return rc;
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
    return sq_step_reset_changed(st, s, ERR_CONFLICT, "plan moved on");
}

/* The count of plans of 'year' that query 'id' makes. */
static enum err
count_year(struct store *st, enum stmt_id id, int year, long *out)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, id, &s);
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
store_sqlite_plan_count_approved(struct store *st, int year, long *out)
{
    return count_year(st, S_PLAN_COUNT_APPROVED, year, out);
}

enum err
store_sqlite_plan_count_minutes(struct store *st, int year, long *out)
{
    return count_year(st, S_PLAN_COUNT_MINUTES, year, out);
}

/* The answers and decisions on a plan's moves. */

static enum err
move_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
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
    (void)st;
    return e->fn.move(e->ctx, &m);
}

enum err
store_sqlite_plan_moves_each(struct store *st, const char *nama,
                             enum err (*fn)(void *,
                                            const struct store_plan_move *),
                             void *ctx)
{
    struct each_ctx e = {.fn.move = fn, .ctx = ctx};
    return each_by(st, S_PLAN_MOVES_EACH, nama, move_row, &e);
}

enum err
store_sqlite_plan_move_decide(struct store *st,
                              const struct store_move_decision *d)
{
    const char *v[] = {d->nama, d->nip, d->keputusan, d->catatan, d->jawaban};
    int n = 0;
    enum err rc = d->ppk ? run_text(st, S_PLAN_DECIDE_PPK, v, 4, &n)
                         : run_text(st, S_PLAN_DECIDE_TPK, v, 5, &n);
    return rc == ERR_OK && n == 0 ? ERR_NOTFOUND : rc;
}

enum err
store_sqlite_plan_respond(struct store *st, const char *nama, const char *nip,
                          const char *tanggapan, const char *catatan)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_PLAN_RESPOND, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, nama);
    sq_bind_text(s, 2, nip);
    sq_bind_text(s, 3, tanggapan);
    sq_bind_text(s, 4, catatan);
    return sq_step_reset_changed(st, s, ERR_NOTFOUND, NULL);
}

static enum err
response_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    (void)st;
    return e->fn.response(e->ctx, sq_col_text(s, 0), sq_col_text(s, 1),
                          sq_col_text(s, 2), sq_col_text(s, 3));
}

enum err
store_sqlite_plan_responses_each(struct store *st, const char *nama,
                                 enum err (*fn)(void *, const char *nip,
                                                const char *tanggapan,
                                                const char *catatan,
                                                const char *at),
                                 void *ctx)
{
    struct each_ctx e = {.fn.response = fn, .ctx = ctx};
    return each_by(st, S_PLAN_RESPONSES_EACH, nama, response_row, &e);
}

enum err
store_sqlite_plan_answer_put(struct store *st, const char *nama,
                             const struct store_plan_answer *a)
{
    const char *v[] = {nama, a->nip, a->oleh, a->tanggapan, a->catatan};
    return run_text(st, S_PLAN_ANSWER_PUT, v, 5, NULL);
}

static enum err
answer_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct store_plan_answer a = {sq_col_text(s, 0), sq_col_text(s, 1),
                                  sq_col_text(s, 2), sq_col_text(s, 3),
                                  sq_col_text(s, 4)};
    (void)st;
    return e->fn.answer(e->ctx, &a);
}

enum err
store_sqlite_plan_answers_each(struct store *st, const char *nama,
                               enum err (*fn)(void *,
                                              const struct store_plan_answer *),
                               void *ctx)
{
    struct each_ctx e = {.fn.answer = fn, .ctx = ctx};
    return each_by(st, S_PLAN_ANSWERS_EACH, nama, answer_row, &e);
}

static enum err
actor_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    (void)st;
    return e->fn.actor(e->ctx, sq_col_text(s, 0));
}

enum err
store_sqlite_plan_actors_each(struct store *st, const char *nama,
                              const char *action,
                              enum err (*fn)(void *, const char *actor),
                              void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.actor = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_PLAN_ACTORS_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, nama);
    sq_bind_text(s, 2, action);
    return sq_each_row(st, s, actor_row, &e);
}

/* Accounts and sessions of the web app. */

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

static enum err
user_get_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    (void)st;
    user_row(s, 0, arg);
    return ERR_OK;
}

enum err
store_sqlite_user_get(struct store *st, const char *login,
                      struct store_user *out)
{
    memset(out, 0, sizeof(*out)); /* Safe to clean up whatever happens. */
    return sq_get_one(st, S_USER_GET, login, user_get_row, out);
}

enum err
store_sqlite_user_add(struct store *st, const struct store_user *u)
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
    return run_text(st, S_USER_ADD, v, 6, NULL);
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
store_sqlite_user_set_password(struct store *st, const char *login,
                               const char *hash)
{
    const char *v[] = {login, hash};
    int n = 0;
    enum err rc = run_text(st, S_USER_SET_PASSWORD, v, 2, &n);
    if (rc == ERR_OK && n == 0) {
        return ERR_NOTFOUND;
    }
    /* A new password ends every session of the account. */
    return rc == ERR_OK ? run_text(st, S_SESSION_DELETE_LOGIN, v, 1, NULL) : rc;
}

enum err
store_sqlite_user_set_active(struct store *st, const char *login, bool aktif)
{
    const char *v[] = {login, aktif ? "1" : "0"};
    int n = 0;
    enum err rc = run_text(st, S_USER_SET_ACTIVE, v, 2, &n);
    if (rc == ERR_OK && n == 0) {
        return ERR_NOTFOUND;
    }
    if (rc == ERR_OK && !aktif) {
        rc = run_text(st, S_SESSION_DELETE_LOGIN, v, 1, NULL);
    }
    return rc;
}

static enum err
user_each_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct store_user u;
    (void)st;
    user_row(s, 0, &u);
    enum err rc = e->fn.user(e->ctx, &u);
    store_user_cleanup(&u);
    return rc;
}

enum err
store_sqlite_user_each(struct store *st,
                       enum err (*fn)(void *, const struct store_user *),
                       void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.user = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_USER_EACH, &s);
    return rc == ERR_OK ? sq_each_row(st, s, user_each_row, &e) : rc;
}

enum err
store_sqlite_session_add(struct store *st, const struct store_session *x)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_SESSION_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, x->token_hash);
    sq_bind_text(s, 2, x->login);
    sq_bind_text(s, 3, x->csrf_token);
    sqlite3_bind_int64(s, 4, x->dibuat);
    sqlite3_bind_int64(s, 5, x->terakhir);
    return sq_step_reset(st, s);
}

/* A session and its account, read together. */
struct session_out {
    struct store_session *x;
    struct store_user *u;
};

static enum err
session_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct session_out *o = arg;
    (void)st;
    o->x->token_hash = col_dup(s, 0);
    o->x->csrf_token = col_dup(s, 1);
    o->x->dibuat = sqlite3_column_int64(s, 2);
    o->x->terakhir = sqlite3_column_int64(s, 3);
    user_row(s, 4, o->u);
    o->x->login = xstrdup(o->u->login);
    return ERR_OK;
}

enum err
store_sqlite_session_get(struct store *st, const char *token_hash,
                         struct store_session *x, struct store_user *u)
{
    struct session_out o = {x, u};
    memset(x, 0, sizeof(*x));
    memset(u, 0, sizeof(*u));
    return sq_get_one(st, S_SESSION_GET, token_hash, session_row, &o);
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
store_sqlite_session_touch(struct store *st, const char *token_hash,
                           int64_t now)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_SESSION_TOUCH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, token_hash);
    sqlite3_bind_int64(s, 2, now);
    return sq_step_reset(st, s);
}

enum err
store_sqlite_session_delete(struct store *st, const char *token_hash)
{
    const char *v[] = {token_hash};
    return run_text(st, S_SESSION_DELETE, v, 1, NULL);
}

/* The audit log and the settings. */

enum err
store_sqlite_audit_add(struct store *st, const struct store_audit *a)
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
    return sq_step_reset(st, s);
}

static enum err
audit_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct store_audit a = {sq_col_text(s, 1), sq_col_text(s, 2),
                            sq_col_text(s, 3), sq_col_text(s, 4),
                            sq_col_text(s, 5), sq_col_text(s, 6)};
    (void)st;
    return e->fn.audit(e->ctx, &a, sq_col_text(s, 0));
}

enum err
store_sqlite_audit_each(struct store *st, const char *entity,
                        const char *entity_id, long limit,
                        enum err (*fn)(void *, const struct store_audit *,
                                       const char *at),
                        void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.audit = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_AUDIT_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, entity);
    sq_bind_text(s, 2, entity_id);
    sqlite3_bind_int64(s, 3, limit);
    return sq_each_row(st, s, audit_row, &e);
}

enum err
store_sqlite_setting_get(struct store *st, const char *key, char **out)
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
store_sqlite_setting_set(struct store *st, const char *key, const char *value)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_SETTING_SET, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, key);
    sq_bind_text(s, 2, value);
    return sq_step_reset(st, s);
}
