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
#include "mem.h"
#include "model.h"
#include "store.h"
#include "tree.h"
#include "web_scope.h"

/* Whose scope an action needs. */
enum scope {
    SCOPE_SELF,   /* The employee themselves. */
    SCOPE_ORIGIN, /* Head of an OPD (or above) over the employee's unit. */
    SCOPE_DEST,   /* Head of an OPD (or above) over the first choice. */
    SCOPE_ALL     /* Any unit (bkpsdm, pimpinan). */
};

struct action {
    const char *name;
    enum permohonan_status from;
    enum permohonan_status to;
    int roles;
    enum scope scope;
};

static const struct action actions[] = {
    {"ajukan", PERMOHONAN_DRAF, PERMOHONAN_DIAJUKAN, WEB_PEGAWAI, SCOPE_SELF},
    {"setujui_asal", PERMOHONAN_DIAJUKAN, PERMOHONAN_DISETUJUI_ASAL, WEB_KEPALA,
     SCOPE_ORIGIN},
    {"setujui_tujuan", PERMOHONAN_DISETUJUI_ASAL, PERMOHONAN_DISETUJUI_TUJUAN,
     WEB_KEPALA, SCOPE_DEST},
    {"verifikasi", PERMOHONAN_DISETUJUI_TUJUAN, PERMOHONAN_DIVERIFIKASI,
     WEB_BKPSDM, SCOPE_ALL},
    {"pertimbangkan", PERMOHONAN_DIVERIFIKASI, PERMOHONAN_DIPERTIMBANGKAN,
     WEB_PIMPINAN, SCOPE_ALL},
    {"tetapkan", PERMOHONAN_DIPERTIMBANGKAN, PERMOHONAN_DITETAPKAN,
     WEB_PIMPINAN, SCOPE_ALL},
    {"selesai", PERMOHONAN_DITETAPKAN, PERMOHONAN_SELESAI, WEB_BKPSDM,
     SCOPE_ALL},
};

/* Who may refuse a request at each status before ditetapkan: the one
 * whose step is next. */
static const struct action *
next_step(enum permohonan_status st)
{
    for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++) {
        if (actions[i].from == st && st != PERMOHONAN_DRAF) {
            return &actions[i];
        }
    }
    return NULL;
}

static enum permohonan_status
status_of(const char *word)
{
    int v = model_enum_parse(&model_permohonan_status, word, strlen(word));
    return v < 0 ? PERMOHONAN_DIBATALKAN : (enum permohonan_status)v;
}

/* May the caller, a head of unit, act for unit 'unit'? Their unit must
 * contain it and be an OPD, a kecamatan, the RSUD or a root: a school
 * principal or a puskesmas head alone does not release or receive. */
static enum err
head_over(const struct web_call *c, const char *unit)
{
    struct unit u;
    enum err rc = store_unit_get(c->req->st, c->who->unit, &u);
    if (rc != ERR_OK) {
        return rc == ERR_NOTFOUND ? ERR_DENIED : rc;
    }
    bool opd = u.induk == NULL || u.jenis == UNIT_OPD ||
               u.jenis == UNIT_KECAMATAN || u.jenis == UNIT_RSUD;
    if (!opd) {
        return ERR_DENIED;
    }
    bool in = false;
    rc = store_unit_in_subtree(c->req->st, unit, c->who->unit, &in);
    return rc != ERR_OK ? rc : in ? ERR_OK : ERR_DENIED;
}

/* The employee's current unit. */
static enum err
unit_of(const struct web_call *c, const char *nip, char *out, size_t len)
{
    struct pegawai p;
    enum err rc = store_pegawai_get(c->req->st, nip, &p);
    if (rc == ERR_OK) {
        snprintf(out, len, "%s", p.unit);
    }
    return rc;
}

/* May the caller see request 'r' at all? A pegawai their own; a head of
 * unit those of staff in their subtree or asking for a unit in it; bkpsdm
 * and pimpinan all. */
static enum err
may_see(const struct web_call *c, const struct store_request *r)
{
    if (c->role & (WEB_BKPSDM | WEB_PIMPINAN)) {
        return ERR_OK;
    }
    if (c->role == WEB_PEGAWAI) {
        return strcmp(r->nip, c->who->nip) == 0 ? ERR_OK : ERR_NOTFOUND;
    }
    char unit[65];
    enum err rc = unit_of(c, r->nip, unit, sizeof(unit));
    rc = rc == ERR_OK ? web_scope_unit(c, unit) : rc;
    for (int k = 0; k < r->n_pilihan && rc == ERR_NOTFOUND; k++) {
        rc = web_scope_unit(c, r->pilihan[k]);
    }
    return rc;
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
    return o;
}

static enum err request_doc(const struct web_call *c,
                            const struct store_request *r,
                            struct json_obj **out);

/* One audit entry of a request: the status it left ('from'; NULL for a
 * new request) and the one it reached ('to'), and the step's note. */
struct step_log {
    int64_t id;
    const char *action;
    const char *from;
    const char *to;
    const char *note; /* NULL when none. */
};

/* The note goes into 'after' beside the status, so that the request's
 * history can show it (GET /api/requests/{id}, "riwayat"). */
static enum err
audit_step(const struct web_call *c, const struct step_log *s)
{
    char sid[24];
    char before[64];
    struct buf after;
    buf_init(&after, 0);
    snprintf(sid, sizeof(sid), "%lld", (long long)s->id);
    snprintf(before, sizeof(before), "{\"status\":\"%s\"}",
             s->from ? s->from : "");
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "status", s->to);
    if (s->note != NULL && s->note[0] != '\0') {
        json_obj_set_str(o, "catatan", s->note);
    }
    enum err rc = json_obj_format(o, &after);
    json_obj_destroy(o);
    struct store_audit a = {
        c->who->login,           "request",      sid, s->action,
        s->from ? before : NULL, buf_str(&after)};
    rc = rc == ERR_OK ? store_audit_add(c->req->st, &a) : rc;
    buf_cleanup(&after);
    return rc;
}

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
    rc = rc == ERR_OK ? store_begin(c->req->st) : rc;
    if (rc == ERR_OK) {
        rc = store_request_create(c->req->st, &r, &id);
        struct step_log log = {id, "buat", NULL, "draf", NULL};
        rc = rc == ERR_OK ? audit_step(c, &log) : rc;
        rc = rc == ERR_OK ? store_commit(c->req->st) : rc;
        if (rc != ERR_OK) {
            store_rollback(c->req->st);
        }
        if (rc == ERR_CONFLICT) {
            web_message(out, "Anda sudah memiliki permohonan yang terbuka.");
        }
    }
    struct store_request sr;
    struct json_obj *doc = NULL;
    rc = rc == ERR_OK ? store_request_get(c->req->st, id, &sr) : rc;
    rc = rc == ERR_OK ? request_doc(c, &sr, &doc) : rc;
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
    rc = rc == ERR_OK ? request_doc(l->c, r, &o) : rc;
    if (rc == ERR_OK) {
        json_obj_push(l->doc, "rows", o);
    }
    return rc;
}

enum err
web_requests_list(const struct web_call *c, struct web_resp *out)
{
    struct list_ctx l = {c, json_obj_create(), ERR_OK};
    json_obj_set_empty_array(l.doc, "rows");
    enum err rc = store_request_each(c->req->st, list_row, &l);
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
    if (a->after != NULL && json_obj_parse(a->after, &after) == ERR_OK) {
        if (strcmp(a->action, "unggah") != 0) {
            json_obj_text(after, "status", h->status, sizeof(h->status));
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
    rc = rc == ERR_OK ? request_doc(c, r, &o) : rc;
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

/* The ABK effect of moving 'r''s employee to their first choice, as of
 * today: warnings for a shortage created or deepened at the origin and a
 * surplus at the destination (domain.md section 5: a decision may go
 * against the ABK, but carries these). */
static enum err
abk_warnings(const struct web_call *c, const struct store_request *r,
             struct buf *out)
{
    struct pegawai p;
    struct analysis *a = NULL;
    char unit[65];
    char jab[65];
    enum err rc = store_pegawai_get(c->req->st, r->nip, &p);
    if (rc != ERR_OK) {
        return rc;
    }
    snprintf(unit, sizeof(unit), "%s", p.unit);
    snprintf(jab, sizeof(jab), "%s", p.jabatan);
    rc = analysis_load(c->req->st, date_today(), &a);
    if (rc != ERR_OK) {
        return rc;
    }
    const struct analysis_pair *from = analysis_find_pair(a, unit, jab);
    const struct analysis_pair *to =
        r->n_pilihan > 0 ? analysis_find_pair(a, r->pilihan[0], jab) : NULL;
    if (from == NULL || !from->r.analysed) {
        rc = buf_addf(out, "%s;",
                      "unit asal belum memiliki ABK untuk jabatan ini");
    } else if (from->r.h - 1 < from->r.bulat) {
        rc = buf_addf(out, "unit asal akan kekurangan %lld %s;",
                      (long long)(from->r.bulat - (from->r.h - 1)), jab);
    }
    if (rc == ERR_OK && (to == NULL || !to->r.analysed)) {
        rc = buf_addf(out, "%s;",
                      "unit tujuan belum memiliki ABK untuk jabatan ini");
    } else if (rc == ERR_OK && to->r.h + 1 > to->r.bulat) {
        rc = buf_addf(out, "unit tujuan akan kelebihan %lld %s;",
                      (long long)(to->r.h + 1 - to->r.bulat), jab);
    }
    if (rc == ERR_OK && out->len > 0) {
        out->data[--out->len] = '\0'; /* The last ';'. */
    }
    analysis_destroy(a);
    return rc;
}

/* Is the caller the one to take action 't' on request 'r'? */
static enum err
allowed(const struct web_call *c, const struct action *t,
        const struct store_request *r)
{
    if ((c->role & t->roles) == 0) {
        return ERR_DENIED;
    }
    char unit[65];
    switch (t->scope) {
    case SCOPE_SELF:
        return strcmp(r->nip, c->who->nip) == 0 ? ERR_OK : ERR_DENIED;
    case SCOPE_ORIGIN: {
        enum err rc = unit_of(c, r->nip, unit, sizeof(unit));
        return rc == ERR_OK ? head_over(c, unit) : rc;
    }
    case SCOPE_DEST:
        return r->n_pilihan > 0 ? head_over(c, r->pilihan[0]) : ERR_DENIED;
    case SCOPE_ALL:
        return ERR_OK;
    }
    return ERR_DENIED;
}

/* The step that action 'name' would take on 'r' into '*t' (a refusal or
 * a withdrawal borrows the rights of the step it ends). */
static enum err
find_action(const char *name, const struct store_request *r, struct action *t,
            struct web_resp *out)
{
    enum permohonan_status now = status_of(r->status);
    if (strcmp(name, "tolak") == 0 || strcmp(name, "batalkan") == 0) {
        bool withdraw = name[0] == 'b';
        const struct action *next = next_step(now);
        if (now >= PERMOHONAN_DITETAPKAN || (!withdraw && next == NULL)) {
            web_message(out,
                        "Permohonan tidak dapat diakhiri pada status ini.");
            return ERR_CONFLICT;
        }
        *t = withdraw ? (struct action){"batalkan", now, PERMOHONAN_DIBATALKAN,
                                        WEB_PEGAWAI, SCOPE_SELF}
                      : (struct action){"tolak", now, PERMOHONAN_DITOLAK,
                                        next->roles, next->scope};
        return ERR_OK;
    }
    for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++) {
        if (strcmp(actions[i].name, name) == 0) {
            *t = actions[i];
            if (now != t->from) {
                web_message(out,
                            "Status permohonan sudah berubah; muat ulang.");
                return ERR_CONFLICT;
            }
            return ERR_OK;
        }
    }
    web_message(out, "Aksi tidak dikenal.");
    return ERR_INVAL;
}

static const char *const action_names[] = {
    "ajukan",   "setujui_asal", "setujui_tujuan", "verifikasi", "pertimbangkan",
    "tetapkan", "selesai",      "tolak",          "batalkan"};
#define N_ACTION_NAMES (sizeof(action_names) / sizeof(action_names[0]))

/* The actions the caller may take on 'r' now, into "actions" of 'o': by
 * the very checks of web_requests_action() (find_action(), then
 * allowed()), so that the web app offers no action that would be
 * refused. */
static enum err
actions_of(const struct web_call *c, const struct store_request *r,
           struct json_obj *o)
{
    const char *may[N_ACTION_NAMES];
    int n = 0;
    struct web_resp scratch; /* For find_action()'s messages. */
    memset(&scratch, 0, sizeof(scratch));
    buf_init(&scratch.body, 0);
    enum err rc = ERR_OK;
    for (size_t i = 0; i < N_ACTION_NAMES && rc == ERR_OK; i++) {
        struct action t = {"", PERMOHONAN_DRAF, PERMOHONAN_DRAF, 0, SCOPE_ALL};
        enum err e = find_action(action_names[i], r, &t, &scratch);
        e = e == ERR_OK ? allowed(c, &t, r) : e;
        if (e == ERR_OK) {
            may[n++] = action_names[i];
        } else if (e != ERR_DENIED && e != ERR_CONFLICT && e != ERR_INVAL &&
                   e != ERR_NOTFOUND) {
            rc = e;
        }
    }
    buf_cleanup(&scratch.body);
    json_obj_set_strs(o, "actions", may, n);
    return rc;
}

/* Request 'r' as the API shows it: its record, the employee's name and
 * current unit, and the actions the caller may take. */
static enum err
request_doc(const struct web_call *c, const struct store_request *r,
            struct json_obj **out)
{
    struct json_obj *o = request_json(r);
    struct pegawai p;
    enum err rc = store_pegawai_get(c->req->st, r->nip, &p);
    json_obj_set_str(o, "nama", rc == ERR_OK ? p.nama : NULL);
    json_obj_set_str(o, "unit", rc == ERR_OK ? p.unit : NULL);
    rc = rc == ERR_NOTFOUND ? ERR_OK : rc;
    rc = rc == ERR_OK ? actions_of(c, r, o) : rc;
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
    int64_t version; /* -1 when not sent. */
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
                         "sebagai JSON.");
        return ERR_USAGE;
    }
    in->note[0] = '\0';
    json_obj_text(o, "catatan", in->note, sizeof(in->note));
    in->version =
        json_obj_text(o, "version", v, sizeof(v)) ? strtoll(v, NULL, 10) : -1;
    json_obj_destroy(o);
    return ERR_OK;
}

static enum err
take_step(const struct web_call *c, const struct store_request *r,
          const struct action *t, const struct step_in *in)
{
    struct buf warn;
    buf_init(&warn, 0);
    /* The ABK's word on the move is taken when the employee submits, so
     * that the heads see it before they release or receive (review of
     * 2026-12-01), and again at verification on that day's data; an empty
     * answer then clears what an earlier one said. */
    bool judged =
        strcmp(t->name, "ajukan") == 0 || strcmp(t->name, "verifikasi") == 0;
    enum err rc = judged ? abk_warnings(c, r, &warn) : ERR_OK;
    const char *from = model_enum_name(&model_permohonan_status, (int)t->from);
    const char *to = model_enum_name(&model_permohonan_status, (int)t->to);
    struct store_step s = {r->id,
                           from,
                           r->version,
                           to,
                           t->name,
                           c->who->login,
                           in->note[0] ? in->note : NULL,
                           warn.len ? buf_str(&warn)
                           : judged ? ""
                                    : NULL};
    rc = rc == ERR_OK ? store_begin(c->req->st) : rc;
    if (rc == ERR_OK) {
        struct step_log log = {r->id, t->name, from, to, s.catatan};
        rc = store_request_step(c->req->st, &s);
        rc = rc == ERR_OK ? audit_step(c, &log) : rc;
        rc = rc == ERR_OK ? store_commit(c->req->st) : rc;
        if (rc != ERR_OK) {
            store_rollback(c->req->st);
        }
    }
    buf_cleanup(&warn);
    return rc;
}

enum err
web_requests_action(const struct web_call *c, struct web_resp *out)
{
    struct step_in in;
    struct action t = {"", PERMOHONAN_DRAF, PERMOHONAN_DRAF, 0, SCOPE_ALL};
    struct store_request *r = xmalloc(sizeof(*r));
    enum err rc = parse_step(c->req->body, &in, out);
    rc = rc == ERR_OK ? load_visible(c, r) : rc;
    rc = rc == ERR_OK ? find_action(in.action, r, &t, out) : rc;
    rc = rc == ERR_OK ? allowed(c, &t, r) : rc;
    if (rc == ERR_OK && in.version >= 0 && in.version != r->version) {
        web_message(out, "Permohonan sudah diubah orang lain; muat ulang.");
        rc = ERR_CONFLICT;
    }
    bool needs_note =
        t.to == PERMOHONAN_DITOLAK || t.to == PERMOHONAN_DIBATALKAN;
    if (rc == ERR_OK && needs_note && in.note[0] == '\0') {
        web_message(out, "Penolakan dan pembatalan wajib disertai catatan.");
        rc = ERR_INVAL;
    }
    rc = rc == ERR_OK ? take_step(c, r, &t, &in) : rc;
    struct json_obj *doc = NULL;
    rc = rc == ERR_OK ? store_request_get(c->req->st, r->id, r) : rc;
    rc = rc == ERR_OK ? request_doc(c, r, &doc) : rc;
    rc = rc == ERR_OK ? web_reply(out, doc) : rc;
    free(r);
    return rc;
}

/* The documents a request carries (domain.md section 5). */
static const char *const doc_kinds[] = {
    "surat_permohonan",    /* The employee's letter. */
    "bukti_alasan",        /* Marriage book and spouse's SK, doctor's letter. */
    "persetujuan_asal",    /* Release by the origin OPD head. */
    "persetujuan_tujuan",  /* Acceptance by the destination OPD head. */
    "bebas_hukuman",       /* No disciplinary case. */
    "bebas_temuan",        /* The Inspektorat's clearance. */
    "sk_terakhir",         /* Last SK of rank or position. */
    "skp",                 /* Two years of good appraisals. */
    "bebas_tugas_belajar", /* No study leave. */
    "skpp",                /* When the payroll unit changes. */
};
#define N_DOC_KINDS (sizeof(doc_kinds) / sizeof(doc_kinds[0]))

static bool
doc_kind_ok(const char *k)
{
    for (size_t i = 0; k != NULL && i < N_DOC_KINDS; i++) {
        if (strcmp(k, doc_kinds[i]) == 0) {
            return true;
        }
    }
    return false;
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
    const char *missing[N_DOC_KINDS];
    int n = 0;
    for (size_t k = 0; k < N_DOC_KINDS; k++) {
        bool have = false;
        for (size_t i = 0; i < json_obj_len(o, "documents") && !have; i++) {
            struct json_obj *d = json_obj_item(o, "documents", i);
            char t[48];
            have = json_obj_text(d, "jenis", t, sizeof(t)) &&
                   strcmp(t, doc_kinds[k]) == 0;
            json_obj_destroy(d);
        }
        if (!have) {
            missing[n++] = doc_kinds[k];
        }
    }
    json_obj_set_strs(o, "belum_ada", missing, n);
    return web_reply(out, o);
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
    if (rc == ERR_OK && status_of(r->status) >= PERMOHONAN_DITETAPKAN) {
        web_message(out, "Permohonan ini sudah diputuskan.");
        rc = ERR_CONFLICT;
    }
    if (rc == ERR_OK && !doc_kind_ok(kind)) {
        web_message(out, "jenis dokumen tidak dikenal.");
        rc = ERR_INVAL;
    }
    if (rc == ERR_OK && (q->body_len < 5 || memcmp(q->body, "%PDF-", 5) != 0)) {
        web_message(out, "Dokumen harus berkas PDF.");
        rc = ERR_INVAL;
    }
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
        struct step_log log = {r->id, "unggah", NULL, kind, NULL};
        rc = rc == ERR_OK ? audit_step(c, &log) : rc;
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
    enum permohonan_status now = status_of(r->status);
    bool back = revise && now > PERMOHONAN_DRAF && now < PERMOHONAN_DITETAPKAN;
    struct store_step s = {r->id,          r->status,     r->version, "draf",
                           "minta_revisi", c->who->login, note,       NULL};
    rc = rc == ERR_OK ? store_begin(c->req->st) : rc;
    if (rc == ERR_OK) {
        rc = store_document_review(c->req->st, d->id, status,
                                   note[0] ? note : NULL);
        rc = rc == ERR_OK && back ? store_request_step(c->req->st, &s) : rc;
        struct step_log log = {r->id, "minta_revisi", r->status, "draf", note};
        rc = rc == ERR_OK && back ? audit_step(c, &log) : rc;
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
