/* SPDX-License-Identifier: MIT */
/* store_sqlite_request: the SQLite back end's transfer requests (storage
 * layer): requests as imported, their workflow through the API (create,
 * step, the actor of a step) and their documents. Both ways share the
 * lookup of an employee's open request and its writers. */
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "mem.h"
#include "model.h"
#include "store_sqlite_int.h"

/* What an open request holds against the new data 'r'. */
struct open_req {
    int64_t id; /* 0 when there is no open request. */
    enum permohonan_status status;
    bool same; /* Nothing would change. */
};

static void
bind_request(sqlite3_stmt *s, const struct permohonan *r, bool keep_note)
{
    sq_bind_text(s, 2, model_enum_name(&model_alasan, (int)r->alasan));
    sq_bind_text(s, 3, r->keterangan);
    sq_bind_date(s, 4, r->tanggal);
    sqlite3_bind_int(s, 5, keep_note);
}

static enum err
open_request(struct store *st, const struct permohonan *r, bool keep_note,
             struct open_req *out)
{
    sqlite3_stmt *s = NULL;
    struct buf choices;
    int status = 0;
    enum err rc = sq_stmt(st, S_PERMOHONAN_OPEN, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    buf_init(&choices, 0);
    for (int i = 0; i < r->n_pilihan && rc == ERR_OK; i++) {
        rc = buf_addf(&choices, "%s%s", i ? ";" : "", r->pilihan[i]);
    }
    sq_bind_text(s, 1, r->nip);
    bind_request(s, r, keep_note);
    sqlite3_bind_text(s, 6, buf_str(&choices), -1, SQLITE_STATIC);
    int step = sqlite3_step(s);
    out->id = 0;
    if (step == SQLITE_ROW) {
        rc = sq_col_enum(st, s, 1, &model_permohonan_status, &status);
        out->id = sqlite3_column_int64(s, 0);
        out->status = (enum permohonan_status)status;
        out->same = sqlite3_column_int(s, 2) != 0;
    } else if (step != SQLITE_DONE) {
        rc = sq_fail(st);
    }
    sqlite3_reset(s);
    buf_cleanup(&choices);
    return rc;
}

static enum err
write_request(struct store *st, const struct permohonan *r, bool keep_note,
              int64_t *id)
{
    sqlite3_stmt *s = NULL;
    enum err rc =
        sq_stmt(st, *id ? S_PERMOHONAN_UPDATE : S_PERMOHONAN_INSERT, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    if (*id) {
        sqlite3_bind_int64(s, 1, *id);
    } else {
        sq_bind_text(s, 1, r->nip);
    }
    bind_request(s, r, keep_note);
    if (*id == 0) {
        sq_bind_text(s, 5,
                     model_enum_name(&model_permohonan_status, (int)r->status));
    }
    rc = sq_step_reset(st, s);
    if (rc == ERR_OK && *id == 0) {
        *id = sqlite3_last_insert_rowid(st->db);
    }
    return rc;
}

static enum err
write_choices(struct store *st, const struct permohonan *r, int64_t id)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_PILIHAN_CLEAR, &s);
    if (rc == ERR_OK) {
        sqlite3_bind_int64(s, 1, id);
        rc = sq_step_reset(st, s);
    }
    for (int i = 0; i < r->n_pilihan && rc == ERR_OK; i++) {
        rc = sq_stmt(st, S_PILIHAN_ADD, &s);
        if (rc == ERR_OK) {
            sqlite3_bind_int64(s, 1, id);
            sqlite3_bind_int(s, 2, i + 1);
            sq_bind_text(s, 3, r->pilihan[i]);
            rc = sq_step_reset(st, s);
        }
    }
    return rc;
}

/* Rows come one per choice; a request is handed on when its last choice is
 * read. The strings of the held request are copied, since the statement
 * moves on. */
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
acc_start(struct request_acc *a, struct store *st, sqlite3_stmt *s)
{
    int alasan = 0;
    int status = 0;
    enum err rc = sq_col_enum(st, s, 2, &model_alasan, &alasan);
    if (rc == ERR_OK) {
        rc = sq_col_enum(st, s, 5, &model_permohonan_status, &status);
    }
    if (rc == ERR_OK) {
        rc = sq_col_date(st, s, 4, &a->r.tanggal);
    }
    if (rc != ERR_OK) {
        return rc;
    }
    a->r.id = sqlite3_column_int64(s, 0);
    a->r.nip = acc_copy(a, 0, sq_col_text(s, 1));
    a->r.alasan = (enum permohonan_alasan)alasan;
    a->r.keterangan = acc_copy(a, 1, sq_col_text(s, 3));
    a->r.status = (enum permohonan_status)status;
    a->r.version = sqlite3_column_int64(s, 6);
    a->r.n_pilihan = 0;
    a->held = true;
    return ERR_OK;
}

static enum err
request_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct request_acc *a = arg;
    enum err rc = ERR_OK;
    if (!a->held || a->r.id != sqlite3_column_int64(s, 0)) {
        rc = acc_flush(a);
        if (rc == ERR_OK) {
            rc = acc_start(a, st, s);
        }
    }
    if (rc == ERR_OK && a->r.n_pilihan < MODEL_MAX_PILIHAN) {
        int i = a->r.n_pilihan++;
        a->r.pilihan[i] = acc_copy(a, 3 + i, sq_col_text(s, 7));
    }
    return rc;
}

enum err
store_sqlite_permohonan_each(struct store *st,
                             enum err (*fn)(void *, const struct permohonan *),
                             void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct request_acc a;
    memset(&a, 0, sizeof(a));
    a.fn = fn;
    a.ctx = ctx;
    enum err rc = sq_stmt(st, S_PERMOHONAN_EACH, &s);
    if (rc == ERR_OK) {
        rc = sq_each_row(st, s, request_row, &a);
    }
    if (rc == ERR_OK) {
        rc = acc_flush(&a);
    }
    acc_clear(&a);
    return rc;
}

enum err
store_sqlite_permohonan_put(struct store *st, const struct permohonan *r,
                            bool keep_note, enum store_put *out)
{
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
        snprintf(msg, sizeof(msg),
                 L_("permohonan NIP %s sudah berstatus %s; tidak dapat diubah "
                    "lewat impor",
                    "the request of NIP %s already has status %s; an import "
                    "cannot change it"),
                 r->nip,
                 model_enum_name(&model_permohonan_status, (int)old.status));
        sq_set_errmsg(st, msg);
        return ERR_CONFLICT;
    }
    int64_t id = old.id;
    rc = write_request(st, r, keep_note, &id);
    if (rc == ERR_OK) {
        rc = write_choices(st, r, id);
    }
    if (rc == ERR_OK) {
        *out = old.id ? STORE_UPDATED : STORE_INSERTED;
    }
    return rc;
}

/* Requests through the API. */

enum err
store_sqlite_request_create(struct store *st, const struct permohonan *r,
                            int64_t *id)
{
    struct open_req old;
    enum err rc = open_request(st, r, false, &old);
    if (rc != ERR_OK) {
        return rc;
    }
    if (old.id != 0) {
        sq_set_errmsg(st, "open request exists");
        return ERR_CONFLICT;
    }
    int64_t new_id = 0;
    struct permohonan d = *r;
    d.status = PERMOHONAN_DRAF;
    rc = write_request(st, &d, false, &new_id);
    rc = rc == ERR_OK ? write_choices(st, &d, new_id) : rc;
    if (rc == ERR_OK) {
        *id = new_id;
    }
    return rc;
}

static void
copy_text(char *out, size_t len, sqlite3_stmt *s, int i)
{
    const char *t = sq_col_text(s, i);
    snprintf(out, len, "%s", t ? t : "");
}

/* The record of a request through the API, into 'arg' (a struct
 * store_request). */
static enum err
api_request_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct store_request *out = arg;
    (void)st;
    memset(out, 0, sizeof(*out));
    out->id = sqlite3_column_int64(s, 0);
    copy_text(out->nip, sizeof(out->nip), s, 1);
    copy_text(out->status, sizeof(out->status), s, 2);
    out->version = sqlite3_column_int64(s, 3);
    copy_text(out->alasan, sizeof(out->alasan), s, 4);
    copy_text(out->keterangan, sizeof(out->keterangan), s, 5);
    copy_text(out->tanggal, sizeof(out->tanggal), s, 6);
    char list[512];
    copy_text(list, sizeof(list), s, 7);
    for (char *p = list; *p != '\0' && out->n_pilihan < 5;) {
        char *semi = strchr(p, ';');
        size_t n = semi ? (size_t)(semi - p) : strlen(p);
        snprintf(out->pilihan[out->n_pilihan++], 65, "%.*s", (int)n, p);
        p += semi ? n + 1 : n;
    }
    copy_text(out->peringatan, sizeof(out->peringatan), s, 8);
    copy_text(out->dibuat, sizeof(out->dibuat), s, 9);
    copy_text(out->diubah, sizeof(out->diubah), s, 10);
    copy_text(out->tujuan, sizeof(out->tujuan), s, 11);
    return ERR_OK;
}

enum err
store_sqlite_request_get(struct store *st, int64_t id,
                         struct store_request *out)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_REQUEST_GET, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, id);
    return sq_one_row(st, s, api_request_row, out);
}

/* The caller's callback and one record, reused for each row. */
struct request_each_ctx {
    enum err (*fn)(void *, const struct store_request *);
    void *ctx;
    struct store_request *r; /* Owned; a few KB, so on the heap. */
};

static enum err
request_each_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct request_each_ctx *e = arg;
    enum err rc = api_request_row(st, s, e->r);
    return rc == ERR_OK ? e->fn(e->ctx, e->r) : rc;
}

enum err
store_sqlite_request_each(struct store *st,
                          enum err (*fn)(void *, const struct store_request *),
                          void *ctx)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_REQUEST_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    struct request_each_ctx e = {fn, ctx, xmalloc(sizeof(*e.r))};
    rc = sq_each_row(st, s, request_each_row, &e);
    free(e.r);
    return rc;
}

enum err
store_sqlite_request_step(struct store *st, const struct store_step *x)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_REQUEST_STEP, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, x->id);
    sq_bind_text(s, 2, x->from);
    sqlite3_bind_int64(s, 3, x->version);
    sq_bind_text(s, 4, x->to);
    sq_bind_text(s, 5, x->peringatan);
    sq_bind_text(s, 6, x->tujuan);
    rc = sq_step_reset_changed(st, s, ERR_CONFLICT, "request moved on");
    if (rc != ERR_OK) {
        return rc;
    }
    rc = sq_stmt(st, S_REQUEST_STEP_LOG, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, x->id);
    sq_bind_text(s, 2, x->aksi);
    sq_bind_text(s, 3, x->from);
    sq_bind_text(s, 4, x->to);
    sq_bind_text(s, 5, x->aktor);
    sq_bind_text(s, 6, x->catatan);
    return sq_step_reset(st, s);
}

enum err
store_sqlite_request_open_of(struct store *st, const char *nip,
                             struct store_request *out)
{
    return sq_get_one(st, S_REQUEST_OPEN_OF, nip, api_request_row, out);
}

/* The actor's login into 'arg' (a struct actor_out). */
struct actor_out {
    char *out;
    size_t len;
};

static enum err
actor_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct actor_out *a = arg;
    (void)st;
    copy_text(a->out, a->len, s, 0);
    return ERR_OK;
}

enum err
store_sqlite_request_actor(struct store *st, int64_t id, const char *aksi,
                           char *out, size_t len)
{
    sqlite3_stmt *s = NULL;
    struct actor_out a = {out, len};
    enum err rc = sq_stmt(st, S_REQUEST_ACTOR, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, id);
    sq_bind_text(s, 2, aksi);
    return sq_one_row(st, s, actor_row, &a);
}

/* Documents of requests. */

enum err
store_sqlite_document_add(struct store *st, const struct store_document *d,
                          int64_t *id)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_DOCUMENT_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, d->jenis);
    sqlite3_bind_int64(s, 2, d->permohonan_id);
    sq_bind_text(s, 3, d->nip);
    sq_bind_text(s, 4, d->nama_berkas);
    sq_bind_text(s, 5, d->mime);
    sqlite3_bind_blob64(s, 6, d->isi, (sqlite3_uint64)d->isi_len,
                        SQLITE_STATIC);
    sq_bind_text(s, 7, d->sha256);
    sq_bind_text(s, 8, d->dibuat_oleh);
    rc = sq_step_reset(st, s);
    if (rc == ERR_OK) {
        *id = sqlite3_last_insert_rowid(st->db);
    }
    return rc;
}

static void
doc_row(sqlite3_stmt *s, struct store_document *d)
{
    memset(d, 0, sizeof(*d));
    d->id = sqlite3_column_int64(s, 0);
    copy_text(d->jenis_buf, sizeof(d->jenis_buf), s, 1);
    d->permohonan_id = sqlite3_column_int64(s, 2);
    copy_text(d->nip_buf, sizeof(d->nip_buf), s, 3);
    copy_text(d->nama_buf, sizeof(d->nama_buf), s, 4);
    copy_text(d->mime_buf, sizeof(d->mime_buf), s, 5);
    copy_text(d->sha_buf, sizeof(d->sha_buf), s, 6);
    copy_text(d->dibuat_buf, sizeof(d->dibuat_buf), s, 7);
    copy_text(d->oleh_buf, sizeof(d->oleh_buf), s, 8);
    copy_text(d->status_buf, sizeof(d->status_buf), s, 9);
    copy_text(d->catatan_buf, sizeof(d->catatan_buf), s, 10);
    d->isi_len = (size_t)sqlite3_column_int64(s, 11);
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
doc_each_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct doc_ctx *e = arg;
    (void)st;
    doc_row(s, e->d);
    return e->fn(e->ctx, e->d);
}

enum err
store_sqlite_document_each(struct store *st, int64_t permohonan_id,
                           enum err (*fn)(void *,
                                          const struct store_document *),
                           void *ctx)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_DOCUMENT_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, permohonan_id);
    struct doc_ctx e = {fn, ctx, xmalloc(sizeof(*e.d)), NULL};
    rc = sq_each_row(st, s, doc_each_row, &e);
    free(e.d);
    return rc;
}

static enum err
doc_get_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct doc_ctx *g = arg;
    (void)st;
    doc_row(s, g->d);
    if (g->content == NULL) {
        return ERR_OK;
    }
    const void *b = sqlite3_column_blob(s, 12);
    return buf_add(g->content, b ? b : "", (size_t)sqlite3_column_bytes(s, 12));
}

enum err
store_sqlite_document_get(struct store *st, int64_t id,
                          struct store_document *d, struct buf *content)
{
    sqlite3_stmt *s = NULL;
    struct doc_ctx g = {NULL, NULL, d, content};
    enum err rc = sq_stmt(st, S_DOCUMENT_GET, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, id);
    return sq_one_row(st, s, doc_get_row, &g);
}

enum err
store_sqlite_document_review(struct store *st, int64_t id, const char *status,
                             const char *catatan)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_DOCUMENT_REVIEW, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, id);
    sq_bind_text(s, 2, status);
    sq_bind_text(s, 3, catatan);
    return sq_step_reset_changed(st, s, ERR_NOTFOUND, NULL);
}
