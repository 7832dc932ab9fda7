/* SPDX-License-Identifier: MIT */
/* store_pg_request: the PostgreSQL back end's transfer requests (storage
 * layer), as store_sqlite_request.c: requests as imported, their workflow
 * through the API (create, step, the actor of a step) and their
 * documents. Both ways share the lookup of an employee's open request and
 * its writers.
 *
 * One open request per employee is the unique partial index
 * permohonan_satu_terbuka. As on SQLite the open request is looked up
 * first and the answer (ERR_CONFLICT, an update) comes from that lookup,
 * so no statement fails on purpose and the caller's transaction goes on.
 * Unlike SQLite, another connection may insert the employee's open
 * request between the lookup and the insert: the insert is written ON
 * CONFLICT DO NOTHING, and no row back means that happened. */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "mem.h"
#include "model.h"
#include "store_pg_int.h"

#define OPEN_SQL "status NOT IN ('selesai','ditolak','dibatalkan')"

/* The choices of request p, in their order, joined by ';'. */
#define CHOICES_SQL                                               \
    "coalesce((SELECT string_agg(unit, ';' ORDER BY urutan) FROM" \
    " permohonan_pilihan WHERE permohonan_id = p.id), '')"

/* What an open request holds against the new data 'r'. */
struct open_req {
    int64_t id; /* 0 when there is no open request. */
    enum permohonan_status status;
    bool same; /* Nothing would change. */
};

static const char open_sql[] =
    "SELECT p.id, p.status, p.alasan IS NOT DISTINCT FROM $2::text AND"
    " p.tanggal IS NOT DISTINCT FROM $4::date AND ($5::boolean OR"
    " p.keterangan IS NOT DISTINCT FROM $3::text) AND " CHOICES_SQL
    " IS NOT DISTINCT FROM $6::text FROM permohonan p WHERE p.nip = $1"
    " AND p." OPEN_SQL;

static enum err
open_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct open_req *out = arg;
    int status = 0;
    enum err rc = pg_col_enum(st, r, row, 1, &model_permohonan_status, &status);
    out->id = pg_col_long(r, row, 0);
    out->status = (enum permohonan_status)status;
    out->same = pg_col_bool(r, row, 2);
    return rc;
}

static enum err
open_request(struct store *st, const struct permohonan *r, bool keep_note,
             struct open_req *out)
{
    struct buf choices;
    enum err rc = ERR_OK;
    buf_init(&choices, 0);
    for (int i = 0; i < r->n_pilihan && rc == ERR_OK; i++) {
        rc = buf_addf(&choices, "%s%s", i ? ";" : "", r->pilihan[i]);
    }
    struct pg_params p = {0};
    pg_p_text(&p, r->nip);
    pg_p_text(&p, model_enum_name(&model_alasan, (int)r->alasan));
    pg_p_text(&p, r->keterangan);
    pg_p_date(&p, r->tanggal);
    pg_p_bool(&p, keep_note);
    pg_p_text(&p, buf_str(&choices));
    out->id = 0;
    if (rc == ERR_OK) {
        rc = pg_one_row(st, open_sql, &p, open_row, out);
        if (rc == ERR_NOTFOUND) {
            out->id = 0;
            rc = ERR_OK;
        }
    }
    buf_cleanup(&choices);
    return rc;
}

/* A new request and its choices in one statement (one round trip, the
 * choices in order from $6, an array). */
static const char insert_with_choices_sql[] =
    "WITH req AS (INSERT INTO permohonan (nip, alasan, keterangan, tanggal,"
    " status, dibuat, diubah) VALUES ($1, $2, $3, $4::date, $5, " PG_NOW_SQL
    ", " PG_NOW_SQL ") ON CONFLICT DO NOTHING RETURNING id), ch AS (INSERT"
    " INTO permohonan_pilihan (permohonan_id, urutan, unit) SELECT req.id,"
    " c.urutan, c.unit FROM req, unnest($6::text[]) WITH ORDINALITY AS"
    " c(unit, urutan)) SELECT id FROM req";

static const char update_sql[] =
    "UPDATE permohonan SET alasan = $2, keterangan = CASE WHEN $5::boolean"
    " THEN keterangan ELSE $3::text END, tanggal = $4::date, status = CASE"
    " status WHEN 'draf' THEN 'diajukan' ELSE status END, version = version"
    " + 1, diubah = " PG_NOW_SQL " WHERE id = $1";

static enum err
id_row(struct store *st, const PGresult *r, int row, void *arg)
{
    (void)st;
    *(int64_t *)arg = pg_col_long(r, row, 0);
    return ERR_OK;
}

/* The choices of 'r' as a text array literal: {"a","b"}. */
static void
choices_array(const struct permohonan *r, struct buf *out)
{
    enum err rc = buf_adds(out, "{");
    for (int i = 0; i < r->n_pilihan && rc == ERR_OK; i++) {
        rc = buf_adds(out, i ? ",\"" : "\"");
        for (const char *c = r->pilihan[i]; *c != '\0' && rc == ERR_OK; c++) {
            rc = *c == '"' || *c == '\\' ? buf_add(out, "\\", 1) : rc;
            rc = rc == ERR_OK ? buf_add(out, c, 1) : rc;
        }
        rc = rc == ERR_OK ? buf_adds(out, "\"") : rc;
    }
    rc = rc == ERR_OK ? buf_adds(out, "}") : rc;
    /* The buffer has no limit: only memory fails, and xmalloc ends the
     * program then. */
    (void)rc;
}

/* Write request 'r' and its choices as a new request. ERR_EXISTS when
 * another connection gave the employee an open request since the
 * lookup. */
static enum err
write_new_request(struct store *st, const struct permohonan *r, int64_t *id)
{
    struct pg_params p = {0};
    struct buf choices;
    buf_init(&choices, 0);
    choices_array(r, &choices);
    pg_p_text(&p, r->nip);
    pg_p_text(&p, model_enum_name(&model_alasan, (int)r->alasan));
    pg_p_text(&p, r->keterangan);
    pg_p_date(&p, r->tanggal);
    pg_p_text(&p, model_enum_name(&model_permohonan_status, (int)r->status));
    pg_p_text(&p, buf_str(&choices));
    enum err rc = pg_one_row(st, insert_with_choices_sql, &p, id_row, id);
    buf_cleanup(&choices);
    return rc == ERR_NOTFOUND ? ERR_EXISTS : rc;
}

/* Update the open request 'id' to 'r' (its choices: write_choices()). */
static enum err
write_request(struct store *st, const struct permohonan *r, bool keep_note,
              int64_t id)
{
    struct pg_params p = {0};
    pg_p_long(&p, id);
    pg_p_text(&p, model_enum_name(&model_alasan, (int)r->alasan));
    pg_p_text(&p, r->keterangan);
    pg_p_date(&p, r->tanggal);
    pg_p_bool(&p, keep_note);
    return pg_run(st, update_sql, &p, NULL);
}

static const char choices_clear_sql[] =
    "DELETE FROM permohonan_pilihan WHERE permohonan_id = $1";
static const char choice_add_sql[] =
    "INSERT INTO permohonan_pilihan (permohonan_id, urutan, unit) VALUES"
    " ($1, $2, $3)";

static enum err
write_choices(struct store *st, const struct permohonan *r, int64_t id)
{
    struct pg_params p = {0};
    pg_p_long(&p, id);
    enum err rc = pg_run(st, choices_clear_sql, &p, NULL);
    for (int i = 0; i < r->n_pilihan && rc == ERR_OK; i++) {
        struct pg_params q = {0};
        pg_p_long(&q, id);
        pg_p_long(&q, i + 1);
        pg_p_text(&q, r->pilihan[i]);
        rc = pg_run(st, choice_add_sql, &q, NULL);
    }
    return rc;
}

/* Rows come one per choice; a request is handed on when its last choice is
 * read. The strings of the held request are copied, since the result is
 * gone when the last request is handed on. */
struct request_acc {
    enum err (*fn)(void *, const struct permohonan *); /* The caller's. */
    void *ctx;                                         /* Its context. */
    struct permohonan r;
    char *text[3 + MODEL_MAX_PILIHAN]; /* Owned copies. */
    bool held;
};

static void
acc_clear(struct request_acc *a)
{
    for (size_t i = 0; i < sizeof(a->text) / sizeof(a->text[0]); i++) {
        free(a->text[i]);
        a->text[i] = NULL;
    }
    a->held = false;
}

static enum err
acc_flush(struct request_acc *a)
{
    enum err rc = ERR_OK;
    if (a->held) {
        rc = a->fn(a->ctx, &a->r);
    }
    acc_clear(a);
    return rc;
}

static const char *
acc_copy(struct request_acc *a, int slot, const char *s)
{
    a->text[slot] = s ? xstrdup(s) : NULL;
    return a->text[slot];
}

static enum err
acc_start(struct request_acc *a, struct store *st, const PGresult *r, int row)
{
    int alasan = 0;
    int status = 0;
    enum err rc = pg_col_enum(st, r, row, 2, &model_alasan, &alasan);
    if (rc == ERR_OK) {
        rc = pg_col_enum(st, r, row, 5, &model_permohonan_status, &status);
    }
    if (rc == ERR_OK) {
        rc = pg_col_date(st, r, row, 4, &a->r.tanggal);
    }
    if (rc != ERR_OK) {
        return rc;
    }
    a->r.id = pg_col_long(r, row, 0);
    a->r.nip = acc_copy(a, 0, pg_col_text(r, row, 1));
    a->r.alasan = (enum permohonan_alasan)alasan;
    a->r.keterangan = acc_copy(a, 1, pg_col_text(r, row, 3));
    a->r.status = (enum permohonan_status)status;
    a->r.version = pg_col_long(r, row, 6);
    a->r.n_pilihan = 0;
    a->held = true;
    return ERR_OK;
}

static enum err
request_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct request_acc *a = arg;
    enum err rc = ERR_OK;
    if (!a->held || a->r.id != pg_col_long(r, row, 0)) {
        rc = acc_flush(a);
        if (rc == ERR_OK) {
            rc = acc_start(a, st, r, row);
        }
    }
    if (rc == ERR_OK && a->r.n_pilihan < MODEL_MAX_PILIHAN) {
        int i = a->r.n_pilihan++;
        a->r.pilihan[i] = acc_copy(a, 3 + i, pg_col_text(r, row, 7));
    }
    return rc;
}

static const char permohonan_each_sql[] =
    "SELECT p.id, p.nip, p.alasan, p.keterangan, p.tanggal, p.status,"
    " p.version, c.unit FROM permohonan p JOIN permohonan_pilihan c"
    " ON c.permohonan_id = p.id WHERE p." OPEN_SQL
    " ORDER BY p.nip COLLATE \"C\", p.id, c.urutan";

enum err
store_pg_permohonan_each(struct store *st,
                         enum err (*fn)(void *, const struct permohonan *),
                         void *ctx)
{
    struct request_acc a;
    memset(&a, 0, sizeof(a));
    a.fn = fn;
    a.ctx = ctx;
    enum err rc = pg_each_row(st, permohonan_each_sql, NULL, request_row, &a);
    if (rc == ERR_OK) {
        rc = acc_flush(&a);
    }
    acc_clear(&a);
    return rc;
}

enum err
store_pg_permohonan_put(struct store *st, const struct permohonan *r,
                        bool keep_note, enum store_put *out)
{
    /* A second round only when another connection inserted the
     * employee's open request between this one's lookup and insert: the
     * lookup then finds it, as SQLite's would have. */
    for (int round = 0; round < 2; round++) {
        struct open_req old;
        enum err rc = open_request(st, r, keep_note, &old);
        if (rc != ERR_OK) {
            return rc;
        }
        if (old.id != 0 && old.same && old.status != PERMOHONAN_DRAF) {
            *out = STORE_UNCHANGED;
            return ERR_OK;
        }
        if (old.id != 0 && old.status > PERMOHONAN_DISETUJUI_ASAL) {
            char msg[256];
            snprintf(
                msg, sizeof(msg),
                L_("permohonan NIP %s sudah berstatus %s; tidak dapat diubah "
                   "lewat impor",
                   "the request of NIP %s already has status %s; an import "
                   "cannot change it"),
                r->nip,
                model_enum_name(&model_permohonan_status, (int)old.status));
            pg_set_errmsg(st, msg);
            return ERR_CONFLICT;
        }
        int64_t id = old.id;
        if (id == 0) {
            rc = write_new_request(st, r, &id);
        } else {
            rc = write_request(st, r, keep_note, id);
            rc = rc == ERR_OK ? write_choices(st, r, id) : rc;
        }
        if (rc == ERR_EXISTS) {
            continue;
        }
        if (rc == ERR_OK) {
            *out = old.id ? STORE_UPDATED : STORE_INSERTED;
        }
        return rc;
    }
    char msg[256];
    snprintf(msg, sizeof(msg),
             L_("permohonan NIP %s baru saja dibuat bersamaan; coba lagi",
                "the request of NIP %s was just created meanwhile; try again"),
             r->nip);
    pg_set_errmsg(st, msg);
    return ERR_CONFLICT;
}

/* Requests through the API. */

enum err
store_pg_request_create(struct store *st, const struct permohonan *r,
                        int64_t *id)
{
    struct open_req old;
    enum err rc = open_request(st, r, false, &old);
    if (rc != ERR_OK) {
        return rc;
    }
    int64_t new_id = 0;
    struct permohonan d = *r;
    d.status = PERMOHONAN_DRAF;
    /* ERR_EXISTS: another connection's open request came after the
     * lookup; the same answer as when the lookup finds it. */
    rc = old.id != 0 ? ERR_EXISTS : write_new_request(st, &d, &new_id);
    if (rc == ERR_EXISTS) {
        pg_set_errmsg(st, "open request exists");
        return ERR_CONFLICT;
    }
    if (rc == ERR_OK) {
        *id = new_id;
    }
    return rc;
}

static void
copy_text(char *out, size_t len, const PGresult *r, int row, int i)
{
    const char *t = pg_col_text(r, row, i);
    snprintf(out, len, "%s", t ? t : "");
}

#define REQUEST_SQL                                                    \
    "SELECT p.id, p.nip, p.status, p.version, p.alasan, p.keterangan," \
    " p.tanggal, " CHOICES_SQL ", p.peringatan, p.dibuat, p.diubah,"   \
    " p.tujuan FROM permohonan p"

/* The record of a request through the API, into 'arg' (a struct
 * store_request). */
static enum err
api_request_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct store_request *out = arg;
    (void)st;
    memset(out, 0, sizeof(*out));
    out->id = pg_col_long(r, row, 0);
    copy_text(out->nip, sizeof(out->nip), r, row, 1);
    copy_text(out->status, sizeof(out->status), r, row, 2);
    out->version = pg_col_long(r, row, 3);
    copy_text(out->alasan, sizeof(out->alasan), r, row, 4);
    copy_text(out->keterangan, sizeof(out->keterangan), r, row, 5);
    copy_text(out->tanggal, sizeof(out->tanggal), r, row, 6);
    char list[512];
    copy_text(list, sizeof(list), r, row, 7);
    for (char *p = list; *p != '\0' && out->n_pilihan < 5;) {
        char *semi = strchr(p, ';');
        size_t n = semi ? (size_t)(semi - p) : strlen(p);
        snprintf(out->pilihan[out->n_pilihan++], 65, "%.*s", (int)n, p);
        p += semi ? n + 1 : n;
    }
    copy_text(out->peringatan, sizeof(out->peringatan), r, row, 8);
    copy_text(out->dibuat, sizeof(out->dibuat), r, row, 9);
    copy_text(out->diubah, sizeof(out->diubah), r, row, 10);
    copy_text(out->tujuan, sizeof(out->tujuan), r, row, 11);
    return ERR_OK;
}

static const char request_get_sql[] = REQUEST_SQL " WHERE p.id = $1";

enum err
store_pg_request_get(struct store *st, int64_t id, struct store_request *out)
{
    struct pg_params p = {0};
    pg_p_long(&p, id);
    return pg_one_row(st, request_get_sql, &p, api_request_row, out);
}

/* The caller's callback and one record, reused for each row. */
struct request_each_ctx {
    enum err (*fn)(void *, const struct store_request *);
    void *ctx;
    struct store_request *r; /* Owned; a few KB, so on the heap. */
};

static enum err
request_each_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct request_each_ctx *e = arg;
    enum err rc = api_request_row(st, r, row, e->r);
    return rc == ERR_OK ? e->fn(e->ctx, e->r) : rc;
}

static const char request_each_sql[] = REQUEST_SQL " ORDER BY p.id";

enum err
store_pg_request_each(struct store *st,
                      enum err (*fn)(void *, const struct store_request *),
                      void *ctx)
{
    struct request_each_ctx e = {fn, ctx, xmalloc(sizeof(*e.r))};
    enum err rc = pg_each_row(st, request_each_sql, NULL, request_each_row, &e);
    free(e.r);
    return rc;
}

static const char request_step_sql[] =
    "UPDATE permohonan SET status = $4, version = version + 1, diubah "
    "= " PG_NOW_SQL ", peringatan = coalesce($5::text, peringatan), tujuan ="
    " coalesce($6::text, tujuan) WHERE id = $1 AND status = $2 AND version"
    " = $3";

static const char request_step_log_sql[] =
    "INSERT INTO permohonan_langkah (permohonan_id, aksi, dari_status,"
    " ke_status, aktor, catatan, pada) VALUES ($1, $2, $3, $4, $5, "
    "$6, " PG_NOW_SQL ")";

enum err
store_pg_request_step(struct store *st, const struct store_step *x)
{
    /* The version check is in the WHERE clause: a request moved on by
     * another connection meanwhile matches no row (READ COMMITTED checks
     * the row again after waiting for its lock), and no statement fails. */
    struct pg_params p = {0};
    pg_p_long(&p, x->id);
    pg_p_text(&p, x->from);
    pg_p_long(&p, x->version);
    pg_p_text(&p, x->to);
    pg_p_text(&p, x->peringatan);
    pg_p_text(&p, x->tujuan);
    enum err rc = pg_run_changed(st, request_step_sql, &p, ERR_CONFLICT,
                                 "request moved on");
    if (rc != ERR_OK) {
        return rc;
    }
    struct pg_params q = {0};
    pg_p_long(&q, x->id);
    pg_p_text(&q, x->aksi);
    pg_p_text(&q, x->from);
    pg_p_text(&q, x->to);
    pg_p_text(&q, x->aktor);
    pg_p_text(&q, x->catatan);
    return pg_run(st, request_step_log_sql, &q, NULL);
}

static const char request_open_of_sql[] =
    REQUEST_SQL " WHERE p.nip = $1 AND p." OPEN_SQL;

enum err
store_pg_request_open_of(struct store *st, const char *nip,
                         struct store_request *out)
{
    struct pg_params p = {0};
    pg_p_text(&p, nip);
    return pg_one_row(st, request_open_of_sql, &p, api_request_row, out);
}

/* The actor's login into 'arg' (a struct actor_out). */
struct actor_out {
    char *out;
    size_t len;
};

static enum err
actor_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct actor_out *a = arg;
    (void)st;
    copy_text(a->out, a->len, r, row, 0);
    return ERR_OK;
}

static const char request_actor_sql[] =
    "SELECT aktor FROM permohonan_langkah WHERE permohonan_id = $1 AND aksi"
    " = $2 ORDER BY id DESC LIMIT 1";

enum err
store_pg_request_actor(struct store *st, int64_t id, const char *aksi,
                       char *out, size_t len)
{
    struct actor_out a = {out, len};
    struct pg_params p = {0};
    pg_p_long(&p, id);
    pg_p_text(&p, aksi);
    return pg_one_row(st, request_actor_sql, &p, actor_row, &a);
}

/* Documents of requests. */

static const char document_add_sql[] =
    "INSERT INTO dokumen (jenis, permohonan_id, nip, nama_berkas, mime, isi,"
    " sha256, dibuat, dibuat_oleh) VALUES ($1, $2, $3, $4, $5, $6, "
    "$7, " PG_NOW_SQL ", $8) RETURNING id";

enum err
store_pg_document_add(struct store *st, const struct store_document *d,
                      int64_t *id)
{
    struct pg_params p = {0};
    pg_p_text(&p, d->jenis);
    pg_p_long(&p, d->permohonan_id);
    pg_p_text(&p, d->nip);
    pg_p_text(&p, d->nama_berkas);
    pg_p_text(&p, d->mime);
    /* No bytes at all is NULL, refused by the column as on SQLite. */
    if (d->isi != NULL) {
        pg_p_bytes(&p, d->isi, d->isi_len);
    } else {
        pg_p_text(&p, NULL);
    }
    pg_p_text(&p, d->sha256);
    pg_p_text(&p, d->dibuat_oleh);
    int64_t new_id = 0;
    enum err rc = pg_one_row(st, document_add_sql, &p, id_row, &new_id);
    if (rc == ERR_OK) {
        *id = new_id;
    }
    return rc;
}

#define DOC_COLS                                                        \
    "id, jenis, permohonan_id, nip, nama_berkas, mime, sha256, dibuat," \
    " dibuat_oleh, status_periksa, catatan_periksa, length(isi)"

static void
doc_row(const PGresult *r, int row, struct store_document *d)
{
    memset(d, 0, sizeof(*d));
    d->id = pg_col_long(r, row, 0);
    copy_text(d->jenis_buf, sizeof(d->jenis_buf), r, row, 1);
    d->permohonan_id = pg_col_long(r, row, 2);
    copy_text(d->nip_buf, sizeof(d->nip_buf), r, row, 3);
    copy_text(d->nama_buf, sizeof(d->nama_buf), r, row, 4);
    copy_text(d->mime_buf, sizeof(d->mime_buf), r, row, 5);
    copy_text(d->sha_buf, sizeof(d->sha_buf), r, row, 6);
    copy_text(d->dibuat_buf, sizeof(d->dibuat_buf), r, row, 7);
    copy_text(d->oleh_buf, sizeof(d->oleh_buf), r, row, 8);
    copy_text(d->status_buf, sizeof(d->status_buf), r, row, 9);
    copy_text(d->catatan_buf, sizeof(d->catatan_buf), r, row, 10);
    d->isi_len = (size_t)pg_col_long(r, row, 11);
    d->jenis = d->jenis_buf;
    d->nip = d->nip_buf;
    d->nama_berkas = d->nama_buf;
    d->mime = d->mime_buf;
    d->sha256 = d->sha_buf;
    d->dibuat_oleh = d->oleh_buf;
}

/* A document row for the caller: its record, reused for each row, and
 * for a get the content. */
struct doc_ctx {
    enum err (*fn)(void *, const struct store_document *); /* Each only. */
    void *ctx;
    struct store_document *d;
    struct buf *content; /* Get only; may be NULL. */
};

static enum err
doc_each_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct doc_ctx *e = arg;
    (void)st;
    doc_row(r, row, e->d);
    return e->fn(e->ctx, e->d);
}

static const char document_each_sql[] =
    "SELECT " DOC_COLS " FROM dokumen WHERE permohonan_id = $1 ORDER BY id";

enum err
store_pg_document_each(struct store *st, int64_t permohonan_id,
                       enum err (*fn)(void *, const struct store_document *),
                       void *ctx)
{
    struct pg_params p = {0};
    pg_p_long(&p, permohonan_id);
    struct doc_ctx e = {fn, ctx, xmalloc(sizeof(*e.d)), NULL};
    enum err rc = pg_each_row(st, document_each_sql, &p, doc_each_row, &e);
    free(e.d);
    return rc;
}

static enum err
doc_get_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct doc_ctx *g = arg;
    doc_row(r, row, g->d);
    return g->content != NULL ? pg_col_bytes(st, r, row, 12, g->content)
                              : ERR_OK;
}

/* Two statements: the content is read only when the caller wants it. */
static const char document_get_sql[] =
    "SELECT " DOC_COLS ", isi FROM dokumen WHERE id = $1";
static const char document_get_meta_sql[] =
    "SELECT " DOC_COLS " FROM dokumen WHERE id = $1";

enum err
store_pg_document_get(struct store *st, int64_t id, struct store_document *d,
                      struct buf *content)
{
    struct doc_ctx g = {NULL, NULL, d, content};
    struct pg_params p = {0};
    pg_p_long(&p, id);
    if (content == NULL) {
        return pg_one_row(st, document_get_meta_sql, &p, doc_get_row, &g);
    }
    return pg_one_row(st, document_get_sql, &p, doc_get_row, &g);
}

static const char document_review_sql[] =
    "UPDATE dokumen SET status_periksa = $2, catatan_periksa = $3 WHERE id"
    " = $1";

enum err
store_pg_document_review(struct store *st, int64_t id, const char *status,
                         const char *catatan)
{
    struct pg_params p = {0};
    pg_p_long(&p, id);
    pg_p_text(&p, status);
    pg_p_text(&p, catatan);
    return pg_run_changed(st, document_review_sql, &p, ERR_NOTFOUND, NULL);
}
