/* SPDX-License-Identifier: MIT */
/* store_pg_docs: the PostgreSQL back end's register of documents issued,
 * the numbers of surat tugas and the Minister's approvals (storage
 * layer), as store_sqlite_docs.c.
 *
 * A document is registered once (the unique index dokumen_register_satu)
 * and a surat tugas number is given once (plan_move_st_nomor). On SQLite
 * a second one fails that statement alone, with ERR_DB and SQLite's
 * message, and the transaction goes on; here the statements are written
 * so that they do not fail (ON CONFLICT DO NOTHING, a guard against the
 * number being taken) and the same code and text are given. */
#include "store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"
#include "store_pg_int.h"

/* Column 0 of the one row into 'arg' (a struct text_out); ERR_NOTFOUND
 * when it is NULL. */
struct text_out {
    char *out;
    size_t len;
};

static enum err
text_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct text_out *t = arg;
    (void)st;
    const char *v = pg_col_text(r, row, 0);
    if (v == NULL) {
        return ERR_NOTFOUND;
    }
    snprintf(t->out, t->len, "%s", v);
    return ERR_OK;
}

static const char register_find_sql[] =
    "SELECT sha256 FROM dokumen_register WHERE jenis = $1 AND plan = $2 AND"
    " coalesce(nip, '') = coalesce($3::text, '')";

enum err
store_pg_register_find(struct store *st, const char *jenis, const char *plan,
                       const char *nip, char *out)
{
    struct pg_params p = {0};
    struct text_out t = {out, 65};
    pg_p_text(&p, jenis);
    pg_p_text(&p, plan);
    pg_p_text(&p, nip);
    return pg_one_row(st, register_find_sql, &p, text_row, &t);
}

static const char register_add_sql[] =
    "INSERT INTO dokumen_register (nomor, tanggal, jenis, plan, nip, sha256,"
    " pertama) VALUES ($1, $2::date, $3, $4, $5, $6, " PG_NOW_SQL ")"
    " ON CONFLICT DO NOTHING RETURNING id";

static enum err
any_row(struct store *st, const PGresult *r, int row, void *arg)
{
    (void)st;
    (void)r;
    (void)row;
    (void)arg;
    return ERR_OK;
}

enum err
store_pg_register_add(struct store *st, const struct store_register_row *r)
{
    struct pg_params p = {0};
    pg_p_text(&p, r->nomor);
    pg_p_text(&p, r->tanggal);
    pg_p_text(&p, r->jenis);
    pg_p_text(&p, r->plan);
    pg_p_text(&p, r->nip);
    pg_p_text(&p, r->sha256);
    enum err rc = pg_one_row(st, register_add_sql, &p, any_row, NULL);
    if (rc == ERR_NOTFOUND) {
        /* The document is registered already: SQLite's failure, word for
         * word, so that both back ends print the same. */
        pg_set_errmsg(st, "UNIQUE constraint failed: index "
                          "'dokumen_register_satu'");
        rc = ERR_DB;
    }
    return rc;
}

struct register_each {
    enum err (*fn)(void *, const struct store_register_row *);
    void *ctx;
};

static enum err
register_row(struct store *st, const PGresult *r, int row, void *arg)
{
    (void)st;
    struct register_each *e = arg;
    struct store_register_row x = {
        pg_col_text(r, row, 0), pg_col_text(r, row, 1), pg_col_text(r, row, 2),
        pg_col_text(r, row, 3), pg_col_text(r, row, 4), pg_col_text(r, row, 5),
        pg_col_text(r, row, 6)};
    return e->fn(e->ctx, &x);
}

static const char register_each_sql[] =
    "SELECT nomor, tanggal, jenis, plan, nip, sha256, pertama FROM"
    " dokumen_register ORDER BY id";

enum err
store_pg_register_each(struct store *st,
                       enum err (*fn)(void *,
                                      const struct store_register_row *),
                       void *ctx)
{
    struct register_each e = {fn, ctx};
    return pg_each_row(st, register_each_sql, NULL, register_row, &e);
}

/* The move, whether another move holds the number, and whether it was
 * written: an UPDATE that cannot break plan_move_st_nomor. */
static const char move_set_st_sql[] =
    "WITH m AS (SELECT plan_id, nip FROM plan_move WHERE plan_id = (SELECT"
    " id FROM plan WHERE nama = $1) AND nip = $2), t AS (SELECT 1 FROM"
    " plan_move x WHERE x.st_nomor = $3::text AND NOT EXISTS (SELECT 1 FROM"
    " m WHERE m.plan_id = x.plan_id AND m.nip = x.nip)), u AS (UPDATE"
    " plan_move SET st_nomor = $3::text FROM m WHERE plan_move.plan_id ="
    " m.plan_id AND plan_move.nip = m.nip AND NOT EXISTS (SELECT 1 FROM t)"
    " RETURNING 1) SELECT (SELECT count(*) FROM m), (SELECT count(*) FROM"
    " t), (SELECT count(*) FROM u)";

struct st_set {
    long long moves, taken, written;
};

static enum err
st_set_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct st_set *s = arg;
    (void)st;
    s->moves = pg_col_long(r, row, 0);
    s->taken = pg_col_long(r, row, 1);
    s->written = pg_col_long(r, row, 2);
    return ERR_OK;
}

enum err
store_pg_move_set_st(struct store *st, const char *plan, const char *nip,
                     const char *nomor)
{
    struct pg_params p = {0};
    struct st_set s = {0, 0, 0};
    pg_p_text(&p, plan);
    pg_p_text(&p, nip);
    pg_p_text(&p, nomor);
    enum err rc = pg_one_row(st, move_set_st_sql, &p, st_set_row, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    if (s.moves == 0) {
        pg_set_errmsg(st, "no such move");
        return ERR_NOTFOUND;
    }
    if (s.written == 0) {
        /* The number is another move's: SQLite's failure, word for word. */
        pg_set_errmsg(st, "UNIQUE constraint failed: plan_move.st_nomor");
        return ERR_DB;
    }
    return ERR_OK;
}

static const char move_get_st_sql[] =
    "SELECT m.st_nomor FROM plan_move m JOIN plan p ON p.id = m.plan_id"
    " WHERE p.nama = $1 AND m.nip = $2";

enum err
store_pg_move_get_st(struct store *st, const char *plan, const char *nip,
                     char *out, size_t len)
{
    struct pg_params p = {0};
    struct text_out t = {out, len};
    pg_p_text(&p, plan);
    pg_p_text(&p, nip);
    return pg_one_row(st, move_get_st_sql, &p, text_row, &t);
}

/* The year as SQLite's printf('%04d', ?) writes it, made here. */
static const char count_st_sql[] =
    "SELECT count(*) FROM plan_move m JOIN plan p ON p.id = m.plan_id WHERE"
    " m.st_nomor IS NOT NULL AND substr(p.disetujui, 1, 4) = $1::text";

enum err
store_pg_count_st(struct store *st, int year, long *out)
{
    char y[16];
    snprintf(y, sizeof(y), "%04d", year);
    struct pg_params p = {0};
    pg_p_text(&p, y);
    long long n = 0;
    enum err rc = pg_one_long(st, count_st_sql, &p, &n);
    *out = rc == ERR_OK ? (long)n : 0;
    return rc;
}

struct step_found {
    char *note;
    char *at;
    size_t len;
};

static enum err
step_found_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct step_found *f = arg;
    (void)st;
    const char *n = pg_col_text(r, row, 0);
    const char *a = pg_col_text(r, row, 1);
    snprintf(f->note, f->len, "%s", n ? n : "");
    snprintf(f->at, f->len, "%s", a ? a : "");
    return ERR_OK;
}

static const char request_step_find_sql[] =
    "SELECT catatan, pada FROM permohonan_langkah WHERE permohonan_id = $1"
    " AND aksi = $2 ORDER BY id DESC LIMIT 1";

enum err
store_pg_request_step_find(struct store *st, int64_t id, const char *aksi,
                           char *note, char *at, size_t len)
{
    struct pg_params p = {0};
    struct step_found f = {note, at, len};
    pg_p_long(&p, id);
    pg_p_text(&p, aksi);
    return pg_one_row(st, request_step_find_sql, &p, step_found_row, &f);
}

static const char izin_add_sql[] =
    "INSERT INTO izin_mendagri (plan, masa_label, masa_dari, masa_sampai,"
    " keputusan, nomor, tanggal, pejabat, oleh, sha256, berkas, dicatat)"
    " VALUES ($1, $2, $3::date, $4::date, $5::date, $6, $7::date, $8, $9,"
    " $10, $11, " PG_NOW_SQL ") ON CONFLICT (plan) DO NOTHING RETURNING 1";

enum err
store_pg_izin_add(struct store *st, const struct store_izin *z)
{
    struct pg_params p = {0};
    const char *texts[] = {
        z->plan,  z->masa_label, z->masa_dari, z->masa_sampai, z->keputusan,
        z->nomor, z->tanggal,    z->pejabat,   z->oleh,        z->sha256};
    for (int i = 0; i < 10; i++) {
        pg_p_text(&p, texts[i]);
    }
    /* No bytes at all is NULL, refused by the column as on SQLite. */
    if (z->berkas != NULL) {
        pg_p_bytes(&p, z->berkas, z->berkas_len);
    } else {
        pg_p_text(&p, NULL);
    }
    enum err rc = pg_one_row(st, izin_add_sql, &p, any_row, NULL);
    /* No row: the decision has its approval already. */
    return rc == ERR_NOTFOUND ? ERR_EXISTS : rc;
}

struct izin_ctx {
    struct store_izin *z;
    struct buf *berkas;
};

static enum err
izin_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct izin_ctx *g = arg;
    const char **f[] = {&g->z->plan,        &g->z->masa_label, &g->z->masa_dari,
                        &g->z->masa_sampai, &g->z->keputusan,  &g->z->nomor,
                        &g->z->tanggal,     &g->z->pejabat,    &g->z->oleh,
                        &g->z->sha256};
    for (int i = 0; i < 10; i++) {
        const char *t = pg_col_text(r, row, i);
        *f[i] = xstrdup(t != NULL ? t : "");
    }
    g->z->berkas_len = (size_t)pg_col_long(r, row, 10);
    return g->berkas != NULL ? pg_col_bytes(st, r, row, 11, g->berkas) : ERR_OK;
}

/* Two statements: the PDF is read only when the caller wants it. */
#define IZIN_COLS                                                 \
    "plan, masa_label, masa_dari, masa_sampai, keputusan, nomor," \
    " tanggal, pejabat, oleh, sha256, length(berkas)"
static const char izin_get_sql[] =
    "SELECT " IZIN_COLS ", berkas FROM izin_mendagri WHERE plan = $1";
static const char izin_get_meta_sql[] =
    "SELECT " IZIN_COLS " FROM izin_mendagri WHERE plan = $1";

enum err
store_pg_izin_get(struct store *st, const char *plan, struct store_izin *out,
                  struct buf *berkas)
{
    struct izin_ctx g = {out, berkas};
    struct pg_params p = {0};
    pg_p_text(&p, plan);
    memset(out, 0, sizeof(*out));
    enum err rc = berkas != NULL
                      ? pg_one_row(st, izin_get_sql, &p, izin_row, &g)
                      : pg_one_row(st, izin_get_meta_sql, &p, izin_row, &g);
    if (rc != ERR_OK) {
        store_izin_cleanup(out);
    }
    return rc;
}
