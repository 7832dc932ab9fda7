/* SPDX-License-Identifier: MIT */
/* web_requests: the request workflow over the API (web layer). The table
 * of actions says, for each, the status it starts from, where it leads,
 * who may take it and on what scope; everything is checked here before a
 * step is written, and the step itself fails with 409 when the request
 * moved on meanwhile. */
#include "web_requests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "auth.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "kelayakan.h"
#include "mem.h"
#include "model.h"
#include "request.h"
#include "settings.h"
#include "store.h"
#include "tree.h"
#include "web_scope.h"
#include "web_tenang.h"

/* The request service's view of the caller. */
static struct request_ctx
ctx_of(const struct web_call *c)
{
    struct request_ctx x;
    memset(&x, 0, sizeof(x));
    x.st = c->req->st;
    x.who = c->who;
    x.role = c->role;
    return x;
}

static enum err
may_see(const struct web_call *c, const struct store_request *r)
{
    struct request_ctx x = ctx_of(c);
    return request_may_see(&x, r);
}

static struct json_obj *
request_json(const struct store_request *r)
{
    const char *pilihan[5];
    for (int k = 0; k < r->n_pilihan; k++) {
        pilihan[k] = r->pilihan[k];
    }
    struct json_obj *o = json_obj_create();
    json_obj_set_int(o, "id", r->id);
    json_obj_set_str(o, "nip", r->nip);
    json_obj_set_str(o, "status", r->status);
    json_obj_set_strs(o, "pilihan", pilihan, r->n_pilihan);
    json_obj_set_str(o, "alasan", r->alasan);
    json_obj_set_str(o, "keterangan", r->keterangan[0] ? r->keterangan : NULL);
    json_obj_set_str(o, "tanggal", r->tanggal);
    json_obj_set_int(o, "version", r->version);
    json_obj_set_list(o, "warnings", r->peringatan[0] ? r->peringatan : NULL);
    json_obj_set_str(o, "dibuat", r->dibuat);
    json_obj_set_str(o, "diubah", r->diubah);
    json_obj_set_str(o, "tujuan", r->tujuan[0] ? r->tujuan : NULL);
    return o;
}

static enum err request_doc(const struct web_call *c,
                            const struct store_request *r,
                            const struct kelayakan *k, struct json_obj **out);

/* Read the body's "pilihan" into 'r' (1-5 distinct known units other
 * than 'own'); the texts live in 'codes'. */
static enum err
read_choices(const struct web_call *c, const struct json_obj *in,
             const char *own, char (*codes)[65], struct permohonan *r,
             struct web_resp *out)
{
    size_t n = json_obj_len(in, "pilihan");
    if (n < 1 || n > MODEL_MAX_PILIHAN) {
        web_message(out, "pilihan harus 1 sampai 5 kode unit.");
        return ERR_INVAL;
    }
    for (size_t k = 0; k < n; k++) {
        struct unit u;
        if (!json_obj_str_at(in, "pilihan", k, codes[k], 65)) {
            web_message(out, "Setiap pilihan harus kode unit (teks).");
            return ERR_INVAL;
        }
        if (store_unit_get(c->req->st, codes[k], &u) != ERR_OK ||
            strcmp(codes[k], own) == 0) {
            web_message(out,
                        "Pilihan harus unit yang ada, bukan unit sendiri.");
            return ERR_INVAL;
        }
        for (size_t j = 0; j < k; j++) {
            if (strcmp(codes[j], codes[k]) == 0) {
                web_message(out, "Setiap unit hanya boleh dipilih sekali.");
                return ERR_INVAL;
            }
        }
        r->pilihan[k] = codes[k];
    }
    r->n_pilihan = (int)n;
    return ERR_OK;
}

static enum err
parse_new(const struct web_call *c, const struct json_obj *in,
          char (*codes)[65], char *word, char *note, struct permohonan *r,
          struct web_resp *out)
{
    struct pegawai p;
    enum err rc = store_pegawai_get(c->req->st, c->who->nip, &p);
    if (rc != ERR_OK) {
        web_message(out, "Akun ini tidak terhubung dengan data pegawai.");
        return rc == ERR_NOTFOUND ? ERR_INVAL : rc;
    }
    char own[65];
    snprintf(own, sizeof(own), "%s", p.unit);
    memset(r, 0, sizeof(*r));
    r->nip = c->who->nip;
    rc = read_choices(c, in, own, codes, r, out);
    if (rc != ERR_OK) {
        return rc;
    }
    int alasan = json_obj_text(in, "alasan", word, 32)
                     ? model_enum_parse(&model_alasan, word, strlen(word))
                     : -1;
    if (alasan < 0) {
        web_message(out, "alasan harus ikut_pasangan, kesehatan, "
                         "dekat_domisili, pengembangan_karier atau lainnya.");
        return ERR_INVAL;
    }
    r->alasan = (enum permohonan_alasan)alasan;
    if (json_obj_text(in, "keterangan", note, 1024) && note[0] != '\0') {
        r->keterangan = note;
    }
    r->tanggal = date_today();
    r->status = PERMOHONAN_DRAF;
    return ERR_OK;
}

enum err
web_requests_create(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *in = NULL;
    if (json_obj_parse(c->req->body, &in) != ERR_OK) {
        web_message(out, "Kirim {\"pilihan\", \"alasan\", \"keterangan\"} "
                         "sebagai JSON.");
        return ERR_USAGE;
    }
    char codes[MODEL_MAX_PILIHAN][65];
    char word[32];
    char note[1024];
    struct permohonan r;
    enum err rc = parse_new(c, in, codes, word, note, &r, out);
    json_obj_destroy(in);
    int64_t id = 0;
    struct request_ctx x = ctx_of(c);
    rc = rc == ERR_OK ? request_create(&x, &r, &id) : rc;
    if (rc != ERR_OK && x.why[0] != '\0') {
        web_message(out, x.why);
    }
    struct store_request sr;
    struct json_obj *doc = NULL;
    rc = rc == ERR_OK ? store_request_get(c->req->st, id, &sr) : rc;
    rc = rc == ERR_OK ? request_doc(c, &sr, NULL, &doc) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    enum err r2 = web_reply(out, doc);
    out->status = 201;
    return r2;
}

struct list_ctx {
    const struct web_call *c;
    struct json_obj *doc;
    enum err rc;
    const struct kelayakan *k; /* Loaded once for the whole list. */
};

static enum err
list_row(void *ctx, const struct store_request *r)
{
    struct list_ctx *l = ctx;
    enum err rc = may_see(l->c, r);
    if (rc == ERR_NOTFOUND) {
        return ERR_OK;
    }
    struct json_obj *o = NULL;
    rc = rc == ERR_OK ? request_doc(l->c, r, l->k, &o) : rc;
    if (rc == ERR_OK) {
        json_obj_push(l->doc, "rows", o);
    }
    return rc;
}

enum err
web_requests_list(const struct web_call *c, struct web_resp *out)
{
    const struct kelayakan *k = NULL;
    enum err rc = web_kelayakan(c->req, &k);
    if (rc != ERR_OK) {
        return rc;
    }
    struct list_ctx l = {c, json_obj_create(), ERR_OK, k};
    json_obj_set_empty_array(l.doc, "rows");
    rc = store_request_each(c->req->st, list_row, &l);
    web_kelayakan_done(c->req, k);
    if (rc != ERR_OK) {
        json_obj_destroy(l.doc);
        return rc;
    }
    return web_reply(out, l.doc);
}

static enum err
load_visible(const struct web_call *c, struct store_request *r)
{
    char *end = NULL;
    long long id = strtoll(c->req->params[0], &end, 10);
    if (*end != '\0' || id <= 0) {
        return ERR_NOTFOUND;
    }
    enum err rc = store_request_get(c->req->st, id, r);
    return rc == ERR_OK ? may_see(c, r) : rc;
}

static enum err doc_row_json(void *ctx, const struct store_document *d);

/* The request's history, built from its audit entries. */
struct history {
    struct json_obj *o;
    char status[24]; /* Where the entries so far left the request. */
};

/* An upload leaves the status as it is (its entry's "status" holds the
 * document's kind); every other entry's "after" holds the status it
 * reached and, since notes were logged, the step's "catatan". */
static enum err
history_row(void *ctx, const struct store_audit *a, const char *at)
{
    struct history *h = ctx;
    struct json_obj *after = NULL;
    char note[1024] = "";
    char kind[64] = "";
    char file[256] = "";
    bool upload = strcmp(a->action, "unggah") == 0;
    if (a->after != NULL && json_obj_parse(a->after, &after) == ERR_OK) {
        if (!upload) {
            json_obj_text(after, "status", h->status, sizeof(h->status));
        } else {
            json_obj_text(after, "status", kind, sizeof(kind));
            json_obj_text(after, "berkas", file, sizeof(file));
        }
        json_obj_text(after, "catatan", note, sizeof(note));
    }
    json_obj_destroy(after);
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "at", at);
    json_obj_set_str(o, "actor", a->actor);
    json_obj_set_str(o, "action", a->action);
    json_obj_set_str(o, "status", h->status[0] ? h->status : NULL);
    json_obj_set_str(o, "catatan", note[0] ? note : NULL);
    if (upload) {
        /* Which document was uploaded, by its kind and file name. */
        json_obj_set_str(o, "dokumen", kind[0] ? kind : NULL);
        json_obj_set_str(o, "berkas", file[0] ? file : NULL);
    }
    json_obj_push(h->o, "riwayat", o);
    return ERR_OK;
}

/* A request with its documents and its history, oldest first. */
enum err
web_requests_get(const struct web_call *c, struct web_resp *out)
{
    struct store_request *r = xmalloc(sizeof(*r));
    struct json_obj *o = NULL;
    char sid[24];
    enum err rc = load_visible(c, r);
    rc = rc == ERR_OK ? request_doc(c, r, NULL, &o) : rc;
    if (o != NULL) {
        struct history h = {o, ""};
        snprintf(sid, sizeof(sid), "%lld", (long long)r->id);
        json_obj_set_empty_array(o, "documents");
        json_obj_set_empty_array(o, "riwayat");
        rc = store_document_each(c->req->st, r->id, doc_row_json, o);
        rc = rc == ERR_OK ? store_audit_each(c->req->st, "request", sid, 10000,
                                             history_row, &h)
                          : rc;
        rc = rc == ERR_OK ? web_reply(out, o) : rc;
        o = rc == ERR_OK ? NULL : o;
    }
    json_obj_destroy(o);
    free(r);
    return rc;
}

/* The actions the caller may take on 'r' now, into "actions" of 'o': by
 * the very checks of the action itself, so that the web app offers no
 * action that would be refused. */
static enum err
actions_of(const struct web_call *c, const struct store_request *r,
           struct json_obj *o)
{
    const char *may[16];
    int n = 0;
    struct request_ctx x = ctx_of(c);
    enum err rc = request_actions(&x, r, may, &n);
    json_obj_set_strs(o, "actions", may, n);
    return rc;
}

/* The posting in force today from the history (newest first): a move
 * decided with a later TMT is not yet the current post (issue #15). */
struct in_force {
    int32_t today;
    char unit[65];
    bool found;
};

static enum err
in_force_row(void *ctx, const struct store_riwayat *h)
{
    struct in_force *f = ctx;
    int32_t tmt = DATE_NONE;
    if (!f->found && date_parse(h->tmt, strlen(h->tmt), &tmt) == ERR_OK &&
        tmt <= f->today) {
        snprintf(f->unit, sizeof(f->unit), "%s", h->unit);
        f->found = true;
    }
    return ERR_OK;
}

/* Request 'r' as the API shows it: its record, the employee's name and
 * unit in force today (with "pindah" when a decided move waits for its
 * TMT), and the actions the caller may take. */
static enum err
request_doc(const struct web_call *c, const struct store_request *r,
            const struct kelayakan *k, struct json_obj **out)
{
    struct json_obj *o = request_json(r);
    struct pegawai p;
    char nama[256] = "";
    char unit[65] = "";
    int32_t tmt = DATE_NONE;
    enum err rc = store_pegawai_get(c->req->st, r->nip, &p);
    if (rc == ERR_OK) {
        snprintf(nama, sizeof(nama), "%s", p.nama);
        snprintf(unit, sizeof(unit), "%s", p.unit);
        tmt = p.tmt_unit;
    }
    struct in_force f = {date_today(), "", false};
    if (rc == ERR_OK && tmt > f.today) {
        rc = store_riwayat_each(c->req->st, r->nip, in_force_row, &f);
    }
    json_obj_set_str(o, "nama", nama[0] ? nama : NULL);
    json_obj_set_str(o, "unit", f.found ? f.unit : unit[0] ? unit : NULL);
    if (f.found) {
        char day[DATE_STR_LEN];
        struct json_obj *m = json_obj_create();
        date_format(tmt, day);
        json_obj_set_str(m, "unit", unit);
        json_obj_set_str(m, "tmt", day);
        json_obj_set_obj(o, "pindah", m);
    }
    bool tb = rc == ERR_OK && p.tugas_belajar;
    bool known = rc == ERR_OK;
    rc = rc == ERR_NOTFOUND ? ERR_OK : rc;
    rc = rc == ERR_OK ? actions_of(c, r, o) : rc;
    /* May the employee ask to move at all: for the heads and BKPSDM who
     * weigh the request, and the employee. */
    if (rc == ERR_OK && known && k != NULL) {
        kelayakan_json(k, r->nip, tb, o, "kelayakan");
    } else if (rc == ERR_OK && known) {
        rc = web_kelayakan_add(c->req, r->nip, tb, o);
    }
    if (rc != ERR_OK) {
        json_obj_destroy(o);
        return rc;
    }
    *out = o;
    return ERR_OK;
}

struct step_in {
    char action[32];
    char note[1024];
    char tmt[16];
    int64_t version;             /* -1 when not sent. */
    int pilihan;                 /* 0 when not sent. */
    struct web_tenang_izin izin; /* tetapkan: the Minister's approval. */
};

static enum err
parse_step(const char *body, struct step_in *in, struct web_resp *out)
{
    struct json_obj *o = NULL;
    char v[32];
    if (json_obj_parse(body, &o) != ERR_OK ||
        !json_obj_text(o, "action", in->action, sizeof(in->action))) {
        json_obj_destroy(o);
        web_message(out, "Kirim {\"action\", \"catatan\", \"version\"} "
                         "sebagai JSON (tetapkan: juga \"tmt\"; "
                         "setujui_tujuan: \"pilihan\").");
        return ERR_USAGE;
    }
    in->note[0] = '\0';
    in->tmt[0] = '\0';
    json_obj_text(o, "catatan", in->note, sizeof(in->note));
    json_obj_text(o, "tmt", in->tmt, sizeof(in->tmt));
    in->version =
        json_obj_text(o, "version", v, sizeof(v)) ? strtoll(v, NULL, 10) : -1;
    in->pilihan = json_obj_text(o, "pilihan", v, sizeof(v))
                      ? (int)strtol(v, NULL, 10)
                      : 0;
    enum err rc = web_tenang_izin_parse(o, &in->izin, out);
    json_obj_destroy(o);
    return rc;
}

enum err
web_requests_action(const struct web_call *c, struct web_resp *out)
{
    struct step_in in;
    memset(&in, 0, sizeof(in));
    struct store_request *r = xmalloc(sizeof(*r));
    struct request_ctx x = ctx_of(c);
    struct request_result res;
    int32_t tmt = DATE_NONE;
    enum err rc = parse_step(c->req->body, &in, out);
    rc = rc == ERR_OK ? load_visible(c, r) : rc;
    if (rc == ERR_OK && in.tmt[0] != '\0' &&
        date_parse(in.tmt, strlen(in.tmt), &tmt) != ERR_OK) {
        web_message(out, "tmt harus tanggal YYYY-MM-DD.");
        rc = ERR_INVAL;
    }
    struct request_step_in step = {
        in.action,  in.note,
        in.version, in.pilihan,
        tmt,        rc == ERR_OK && in.izin.given ? &in.izin.izin : NULL};
    rc = rc == ERR_OK ? request_act(&x, r, &step, &res) : rc;
    if (rc != ERR_OK && x.why[0] != '\0') {
        web_message(out, x.why);
    }
    struct json_obj *doc = NULL;
    rc = rc == ERR_OK ? request_doc(c, r, NULL, &doc) : rc;
    if (rc == ERR_OK && res.sk_nomor[0] != '\0') {
        json_obj_set_str(doc, "sk_nomor", res.sk_nomor);
        json_obj_set_str(doc, "keputusan", res.plan);
    }
    rc = rc == ERR_OK ? web_reply(out, doc) : rc;
    web_tenang_izin_cleanup(&in.izin);
    free(r);
    return rc;
}

static enum err
doc_row_json(void *ctx, const struct store_document *d)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_int(o, "id", d->id);
    json_obj_set_str(o, "jenis", d->jenis);
    json_obj_set_str(o, "nama_berkas", d->nama_berkas);
    json_obj_set_int(o, "ukuran", (int64_t)d->isi_len);
    json_obj_set_str(o, "sha256", d->sha256);
    json_obj_set_str(o, "status", d->status_buf[0] ? d->status_buf : NULL);
    json_obj_set_str(o, "catatan", d->catatan_buf[0] ? d->catatan_buf : NULL);
    json_obj_push(ctx, "documents", o);
    return ERR_OK;
}

static enum err
upload_reply(const struct web_call *c, int64_t req_id, struct web_resp *out)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_empty_array(o, "documents");
    enum err rc = store_document_each(c->req->st, req_id, doc_row_json, o);
    if (rc != ERR_OK) {
        json_obj_destroy(o);
        return rc;
    }
    const char *missing[16];
    int n = 0;
    for (size_t k = 0; request_doc_kinds[k] != NULL; k++) {
        bool have = false;
        for (size_t i = 0; i < json_obj_len(o, "documents") && !have; i++) {
            struct json_obj *d = json_obj_item(o, "documents", i);
            char t[48];
            have = json_obj_text(d, "jenis", t, sizeof(t)) &&
                   strcmp(t, request_doc_kinds[k]) == 0;
            json_obj_destroy(d);
        }
        if (!have) {
            missing[n++] = request_doc_kinds[k];
        }
    }
    json_obj_set_strs(o, "belum_ada", missing, n);
    return web_reply(out, o);
}

/* A setting of whole numbers in force, or its default. */
static long
setting_long(struct store *st, const char *key)
{
    long v = strtol(settings_find(key)->dflt, NULL, 10);
    char *t = NULL;
    if (store_setting_get(st, key, &t) == ERR_OK) {
        long n = strtol(t, NULL, 10);
        v = n > 0 ? n : v;
    }
    free(t);
    return v;
}

struct doc_total {
    long n;
    size_t bytes;
};

static enum err
add_doc(void *ctx, const struct store_document *d)
{
    struct doc_total *t = ctx;
    t->n++;
    t->bytes += d->isi_len;
    return ERR_OK;
}

/* The documents of request 'id' with 'len' more bytes stay within the
 * settings dokumen_maks and dokumen_maks_mb. */
static enum err
docs_fit(const struct web_call *c, int64_t id, size_t len, struct web_resp *out)
{
    struct doc_total t = {0, 0};
    enum err rc = store_document_each(c->req->st, id, add_doc, &t);
    long max_n = setting_long(c->req->st, "dokumen_maks");
    long max_mb = setting_long(c->req->st, "dokumen_maks_mb");
    if (rc == ERR_OK && t.n + 1 > max_n) {
        web_message(out, "Dokumen permohonan ini sudah sebanyak batasnya "
                         "(pengaturan dokumen_maks).");
        rc = ERR_INVAL;
    }
    if (rc == ERR_OK && t.bytes + len > (size_t)max_mb << 20) {
        web_message(out, "Ukuran semua dokumen permohonan ini melewati "
                         "batasnya (pengaturan dokumen_maks_mb).");
        rc = ERR_TOOBIG;
    }
    return rc;
}

/* A PDF for request 'id': ?jenis= one of the documents of domain.md 5,
 * ?nama= the file name; the body is the file (at most 5 MB). */
enum err
web_requests_upload(const struct web_call *c, struct web_resp *out)
{
    const struct web_req *q = c->req;
    struct store_request *r = xmalloc(sizeof(*r));
    enum err rc = load_visible(c, r);
    const char *kind = web_query(q, "jenis");
    const char *name = web_query(q, "nama");
    if (rc == ERR_OK && c->role == WEB_PEGAWAI &&
        strcmp(r->nip, c->who->nip) != 0) {
        rc = ERR_DENIED;
    }
    if (rc == ERR_OK && request_status_of(r->status) >= PERMOHONAN_DITETAPKAN) {
        web_message(out, "Permohonan ini sudah diputuskan.");
        rc = ERR_CONFLICT;
    }
    if (rc == ERR_OK && !request_doc_kind_ok(kind)) {
        web_message(out, "jenis dokumen tidak dikenal.");
        rc = ERR_INVAL;
    }
    if (rc == ERR_OK && !request_pdf_ok(q->body, q->body_len)) {
        web_message(out, "Dokumen harus berkas PDF yang utuh.");
        rc = ERR_INVAL;
    }
    rc = rc == ERR_OK ? docs_fit(c, r->id, q->body_len, out) : rc;
    char sha[65];
    int64_t doc_id = 0;
    if (rc == ERR_OK) {
        auth_sha256_hex(q->body, q->body_len, sha);
        struct store_document d;
        memset(&d, 0, sizeof(d));
        d.jenis = kind;
        d.permohonan_id = r->id;
        d.nip = r->nip;
        d.nama_berkas = name && name[0] ? name : "dokumen.pdf";
        d.mime = "application/pdf";
        d.isi = q->body;
        d.isi_len = q->body_len;
        d.sha256 = sha;
        d.dibuat_oleh = c->who->login;
        rc = store_begin(q->st);
        rc = rc == ERR_OK ? store_document_add(q->st, &d, &doc_id) : rc;
        struct request_ctx x = ctx_of(c);
        rc = rc == ERR_OK ? request_log_upload(&x, r->id, kind, d.nama_berkas)
                          : rc;
        rc = rc == ERR_OK ? store_commit(q->st) : rc;
        if (rc != ERR_OK) {
            store_rollback(q->st);
        }
    }
    rc = rc == ERR_OK ? upload_reply(c, r->id, out) : rc;
    free(r);
    return rc;
}

static enum err
load_document(const struct web_call *c, struct store_request *r,
              struct store_document *d, struct buf *content)
{
    enum err rc = load_visible(c, r);
    char *end = NULL;
    long long id = strtoll(c->req->params[1], &end, 10);
    if (rc == ERR_OK && (*end != '\0' || id <= 0)) {
        rc = ERR_NOTFOUND;
    }
    rc = rc == ERR_OK ? store_document_get(c->req->st, id, d, content) : rc;
    return rc == ERR_OK && d->permohonan_id != r->id ? ERR_NOTFOUND : rc;
}

/* Content-Disposition: attachment under the file's name, kept to
 * printable ASCII without quotes or backslashes (the name is the
 * uploader's), so that a browser saves the file rather than shows it. */
static void
attachment(const char *name, struct web_resp *out)
{
    char safe[100];
    size_t n = 0;
    for (const char *p = name ? name : ""; *p != '\0' && n < 96; p++) {
        unsigned char ch = (unsigned char)*p;
        bool ok = ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\';
        safe[n] = *p;
        if (!ok) {
            safe[n] = '_';
        }
        n++;
    }
    safe[n] = '\0';
    snprintf(out->disposition, sizeof(out->disposition),
             "attachment; filename=\"%s\"", n > 0 ? safe : "dokumen.pdf");
}

enum err
web_requests_document(const struct web_call *c, struct web_resp *out)
{
    struct store_request *r = xmalloc(sizeof(*r));
    struct store_document *d = xmalloc(sizeof(*d));
    buf_reset(&out->body);
    enum err rc = load_document(c, r, d, &out->body);
    if (rc == ERR_OK) {
        out->content_type = "application/pdf";
        out->status = 200;
        attachment(d->nama_berkas, out);
    } else {
        buf_reset(&out->body);
    }
    free(r);
    free(d);
    return rc;
}

/* Review a document: sesuai, or perlu_revisi with a note, which sends
 * the request back to the employee (draf). */
enum err
web_requests_review(const struct web_call *c, struct web_resp *out)
{
    struct store_request *r = xmalloc(sizeof(*r));
    struct store_document *d = xmalloc(sizeof(*d));
    struct json_obj *in = NULL;
    char status[16] = "";
    char note[1024] = "";
    enum err rc = load_document(c, r, d, NULL);
    if (rc == ERR_OK && (json_obj_parse(c->req->body, &in) != ERR_OK ||
                         !json_obj_text(in, "status", status, sizeof(status)) ||
                         (strcmp(status, "sesuai") != 0 &&
                          strcmp(status, "perlu_revisi") != 0))) {
        web_message(out, "status harus sesuai atau perlu_revisi.");
        rc = ERR_INVAL;
    }
    if (in != NULL) {
        json_obj_text(in, "catatan", note, sizeof(note));
    }
    json_obj_destroy(in);
    bool revise = strcmp(status, "perlu_revisi") == 0;
    if (rc == ERR_OK && revise && note[0] == '\0') {
        web_message(out, "Permintaan revisi wajib disertai catatan.");
        rc = ERR_INVAL;
    }
    enum permohonan_status now = request_status_of(r->status);
    bool back = revise && now > PERMOHONAN_DRAF && now < PERMOHONAN_DITETAPKAN;
    struct store_step s = {r->id,  r->status,      r->version,
                           "draf", "minta_revisi", c->who->login,
                           note,   NULL,           NULL};
    rc = rc == ERR_OK ? store_begin(c->req->st) : rc;
    if (rc == ERR_OK) {
        rc = store_document_review(c->req->st, d->id, status,
                                   note[0] ? note : NULL);
        rc = rc == ERR_OK && back ? store_request_step(c->req->st, &s) : rc;
        struct request_ctx x = ctx_of(c);
        rc = rc == ERR_OK && back ? request_log(&x, r->id, "minta_revisi",
                                                r->status, "draf", note)
                                  : rc;
        rc = rc == ERR_OK ? store_commit(c->req->st) : rc;
        if (rc != ERR_OK) {
            store_rollback(c->req->st);
        }
    }
    int64_t id = r->id;
    free(r);
    free(d);
    return rc == ERR_OK ? upload_reply(c, id, out) : rc;
}
