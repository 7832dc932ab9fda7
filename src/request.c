/* SPDX-License-Identifier: MIT */
/* request: the workflow of a single transfer request (service layer). The
 * table of actions says, for each, the status it starts from, where it
 * leads, who may take it and on what scope; everything is checked here
 * before a step is written, and the step itself fails with ERR_CONFLICT
 * when the request moved on meanwhile. */
#include "request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "auth.h"
#include "buf.h"
#include "date.h"
#include "decision.h"
#include "json.h"
#include "mem.h"
#include "model.h"
#include "settings.h"
#include "store.h"

/* Whose scope an action needs. */
enum scope {
    SCOPE_SELF,   /* The employee themselves. */
    SCOPE_ORIGIN, /* Head of an OPD (or above) over the employee's unit. */
    SCOPE_DEST,   /* Head of an OPD (or above) over a chosen unit. */
    SCOPE_ALL     /* Any unit (bkpsdm, tpk, ppk). */
};

struct action {
    const char *name;
    enum permohonan_status from;
    enum permohonan_status to;
    int roles;
    enum scope scope;
};

/* domain.md section 5, in order: the origin releases, BKPSDM verifies,
 * then (decided alone) the destination receives, the TPK considers and the
 * PPK decides; or the verified request waits for the period's plan. */
static const struct action actions[] = {
    {"ajukan", PERMOHONAN_DRAF, PERMOHONAN_DIAJUKAN, AUTH_PEGAWAI, SCOPE_SELF},
    {"setujui_asal", PERMOHONAN_DIAJUKAN, PERMOHONAN_DISETUJUI_ASAL,
     AUTH_KEPALA, SCOPE_ORIGIN},
    {"verifikasi", PERMOHONAN_DISETUJUI_ASAL, PERMOHONAN_DIVERIFIKASI,
     AUTH_BKPSDM, SCOPE_ALL},
    {"setujui_tujuan", PERMOHONAN_DIVERIFIKASI, PERMOHONAN_DISETUJUI_TUJUAN,
     AUTH_KEPALA, SCOPE_DEST},
    {"pertimbangkan", PERMOHONAN_DISETUJUI_TUJUAN, PERMOHONAN_DIPERTIMBANGKAN,
     AUTH_TPK, SCOPE_ALL},
    {"tetapkan", PERMOHONAN_DIPERTIMBANGKAN, PERMOHONAN_DITETAPKAN, AUTH_PPK,
     SCOPE_ALL},
    {"selesai", PERMOHONAN_DITETAPKAN, PERMOHONAN_SELESAI, AUTH_BKPSDM,
     SCOPE_ALL},
};
#define N_ACTIONS (sizeof(actions) / sizeof(actions[0]))

/* Who may refuse at some step: whoever takes a step after the employee. */
#define REFUSERS (AUTH_KEPALA | AUTH_BKPSDM | AUTH_TPK | AUTH_PPK)
#define READERS  (AUTH_BKPSDM | AUTH_TPK | AUTH_PPK)

const char *const request_doc_kinds[] = {
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
    NULL};

bool
request_doc_kind_ok(const char *kind)
{
    for (size_t i = 0; kind != NULL && request_doc_kinds[i] != NULL; i++) {
        if (strcmp(kind, request_doc_kinds[i]) == 0) {
            return true;
        }
    }
    return false;
}

static void
say(struct request_ctx *c, const char *why)
{
    snprintf(c->why, sizeof(c->why), "%s", why);
}

/* The next step from status 'st', whose taker may refuse at it. */
static const struct action *
next_step(enum permohonan_status st)
{
    for (size_t i = 0; i < N_ACTIONS; i++) {
        if (actions[i].from == st && st != PERMOHONAN_DRAF) {
            return &actions[i];
        }
    }
    return NULL;
}

enum permohonan_status
request_status_of(const char *word)
{
    int v = model_enum_parse(&model_permohonan_status, word, strlen(word));
    return v < 0 ? PERMOHONAN_DIBATALKAN : (enum permohonan_status)v;
}

/* May the caller, a head of unit, act for unit 'unit'? Their unit must
 * contain it and be an OPD, a kecamatan, the RSUD or a root: a school
 * principal or a puskesmas head alone does not release or receive. */
static enum err
head_over(struct request_ctx *c, const char *unit)
{
    struct unit u;
    enum err rc = store_unit_get(c->st, c->who->unit, &u);
    if (rc != ERR_OK) {
        return rc == ERR_NOTFOUND ? ERR_DENIED : rc;
    }
    bool opd = u.induk == NULL || u.jenis == UNIT_OPD ||
               u.jenis == UNIT_KECAMATAN || u.jenis == UNIT_RSUD;
    if (!opd) {
        return ERR_DENIED;
    }
    bool in = false;
    rc = store_unit_in_subtree(c->st, unit, c->who->unit, &in);
    return rc != ERR_OK ? rc : in ? ERR_OK : ERR_DENIED;
}

/* The employee's current unit. */
static enum err
unit_of(struct request_ctx *c, const char *nip, char *out, size_t len)
{
    struct pegawai p;
    enum err rc = store_pegawai_get(c->st, nip, &p);
    if (rc == ERR_OK) {
        snprintf(out, len, "%s", p.unit);
    }
    return rc;
}

static enum err
in_subtree(struct request_ctx *c, const char *unit)
{
    bool in = false;
    enum err rc = store_unit_in_subtree(c->st, unit, c->who->unit, &in);
    return rc != ERR_OK ? rc : in ? ERR_OK : ERR_NOTFOUND;
}

enum err
request_may_see(struct request_ctx *c, const struct store_request *r)
{
    if (c->role & READERS) {
        return ERR_OK;
    }
    if (c->role == AUTH_PEGAWAI) {
        return strcmp(r->nip, c->who->nip) == 0 ? ERR_OK : ERR_NOTFOUND;
    }
    if (c->role != AUTH_KEPALA || c->who->unit[0] == '\0') {
        return ERR_NOTFOUND;
    }
    char unit[65];
    enum err rc = unit_of(c, r->nip, unit, sizeof(unit));
    rc = rc == ERR_OK ? in_subtree(c, unit) : rc;
    for (int k = 0; k < r->n_pilihan && rc == ERR_NOTFOUND; k++) {
        rc = in_subtree(c, r->pilihan[k]);
    }
    return rc;
}

enum err
request_log(struct request_ctx *c, int64_t id, const char *action,
            const char *from, const char *to, const char *note)
{
    char sid[24];
    char before[64];
    struct buf after;
    buf_init(&after, 0);
    snprintf(sid, sizeof(sid), "%lld", (long long)id);
    snprintf(before, sizeof(before), "{\"status\":\"%s\"}", from ? from : "");
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "status", to);
    if (note != NULL && note[0] != '\0') {
        json_obj_set_str(o, "catatan", note);
    }
    enum err rc = json_obj_format(o, &after);
    json_obj_destroy(o);
    struct store_audit a = {c->who->login,        "request",      sid, action,
                            from ? before : NULL, buf_str(&after)};
    rc = rc == ERR_OK ? store_audit_add(c->st, &a) : rc;
    buf_cleanup(&after);
    return rc;
}

enum err
request_log_upload(struct request_ctx *c, int64_t id, const char *kind,
                   const char *file)
{
    char sid[24];
    struct buf after;
    buf_init(&after, 0);
    snprintf(sid, sizeof(sid), "%lld", (long long)id);
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "status", kind);
    json_obj_set_str(o, "berkas", file);
    enum err rc = json_obj_format(o, &after);
    json_obj_destroy(o);
    struct store_audit a = {c->who->login, "request", sid,
                            "unggah",      NULL,      buf_str(&after)};
    rc = rc == ERR_OK ? store_audit_add(c->st, &a) : rc;
    buf_cleanup(&after);
    return rc;
}

enum err
request_create(struct request_ctx *c, const struct permohonan *p, int64_t *id)
{
    enum err rc = store_begin(c->st);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = store_request_create(c->st, p, id);
    rc = rc == ERR_OK ? request_log(c, *id, "buat", NULL, "draf", NULL) : rc;
    rc = rc == ERR_OK ? store_commit(c->st) : rc;
    if (rc != ERR_OK) {
        store_rollback(c->st);
    }
    if (rc == ERR_CONFLICT) {
        say(c, "Anda sudah memiliki permohonan yang terbuka.");
    }
    return rc;
}

/* The index (0-based) of the choice a head receives into: 'pilihan' when
 * given, else the first choice the caller is head over; -1 when none. */
static int
dest_choice(struct request_ctx *c, const struct store_request *r, int pilihan)
{
    if (pilihan > 0) {
        return pilihan <= r->n_pilihan ? pilihan - 1 : -1;
    }
    for (int k = 0; k < r->n_pilihan; k++) {
        if (head_over(c, r->pilihan[k]) == ERR_OK) {
            return k;
        }
    }
    return -1;
}

/* Is the caller the one to take action 't' on request 'r'? */
static enum err
allowed(struct request_ctx *c, const struct action *t,
        const struct store_request *r, int pilihan)
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
    case SCOPE_DEST: {
        if (pilihan < 0 || pilihan > r->n_pilihan) {
            say(c, "pilihan harus nomor urut salah satu unit tujuan.");
            return ERR_INVAL;
        }
        int k = dest_choice(c, r, pilihan);
        return k >= 0 ? head_over(c, r->pilihan[k]) : ERR_DENIED;
    }
    case SCOPE_ALL:
        return ERR_OK;
    }
    return ERR_DENIED;
}

/* The roles that may ever take action 'name', 0 for an unknown one. */
static int
roles_ever(const char *name)
{
    if (strcmp(name, "tolak") == 0) {
        return REFUSERS;
    }
    if (strcmp(name, "batalkan") == 0) {
        return AUTH_PEGAWAI;
    }
    for (size_t i = 0; i < N_ACTIONS; i++) {
        if (strcmp(actions[i].name, name) == 0) {
            return actions[i].roles;
        }
    }
    return 0;
}

/* The step that action 'name' would take on 'r' into '*t' (a refusal or
 * a withdrawal borrows the rights of the step it ends). The role comes
 * first: one that may never take the action is ERR_DENIED whatever the
 * status. */
static enum err
find_action(struct request_ctx *c, const char *name,
            const struct store_request *r, struct action *t)
{
    int ever = roles_ever(name);
    if (ever == 0) {
        say(c, "Aksi tidak dikenal.");
        return ERR_INVAL;
    }
    if ((c->role & ever) == 0) {
        say(c, "Peran Anda tidak mengambil langkah ini.");
        return ERR_DENIED;
    }
    enum permohonan_status now = request_status_of(r->status);
    if (strcmp(name, "tolak") == 0 || strcmp(name, "batalkan") == 0) {
        bool withdraw = name[0] == 'b';
        const struct action *next = next_step(now);
        if (now >= PERMOHONAN_DITETAPKAN || (!withdraw && next == NULL)) {
            say(c, "Permohonan tidak dapat diakhiri pada status ini.");
            return ERR_CONFLICT;
        }
        *t = withdraw ? (struct action){"batalkan", now, PERMOHONAN_DIBATALKAN,
                                        AUTH_PEGAWAI, SCOPE_SELF}
                      : (struct action){"tolak", now, PERMOHONAN_DITOLAK,
                                        next->roles, next->scope};
        return ERR_OK;
    }
    for (size_t i = 0; i < N_ACTIONS; i++) {
        if (strcmp(actions[i].name, name) == 0) {
            *t = actions[i];
            break;
        }
    }
    if (now != t->from) {
        snprintf(c->why, sizeof(c->why),
                 "Permohonan berstatus %s; langkah %s tidak dapat diambil.",
                 r->status, name);
        return ERR_CONFLICT;
    }
    return ERR_OK;
}

static const char *const action_names[] = {
    "ajukan",   "setujui_asal", "verifikasi", "setujui_tujuan", "pertimbangkan",
    "tetapkan", "selesai",      "tolak",      "batalkan"};
#define N_ACTION_NAMES (sizeof(action_names) / sizeof(action_names[0]))

enum err
request_actions(struct request_ctx *c, const struct store_request *r,
                const char **out, int *n)
{
    enum err rc = ERR_OK;
    *n = 0;
    for (size_t i = 0; i < N_ACTION_NAMES && rc == ERR_OK; i++) {
        struct action t = {"", PERMOHONAN_DRAF, PERMOHONAN_DRAF, 0, SCOPE_ALL};
        enum err e = find_action(c, action_names[i], r, &t);
        e = e == ERR_OK ? allowed(c, &t, r, 0) : e;
        if (e == ERR_OK) {
            out[(*n)++] = action_names[i];
        } else if (e != ERR_DENIED && e != ERR_CONFLICT && e != ERR_INVAL &&
                   e != ERR_NOTFOUND) {
            rc = e;
        }
    }
    c->why[0] = '\0';
    return rc;
}

/* The ABK effect of moving 'r''s employee to 'dest', as of today:
 * warnings for a shortage created or deepened at the origin and a surplus
 * at the destination (domain.md section 5: a decision may go against the
 * ABK, but carries these). */
static enum err
abk_warnings(struct request_ctx *c, const struct store_request *r,
             const char *dest, struct buf *out)
{
    struct pegawai p;
    struct analysis *a = NULL;
    char unit[65];
    char jab[65];
    enum err rc = store_pegawai_get(c->st, r->nip, &p);
    if (rc != ERR_OK) {
        return rc;
    }
    snprintf(unit, sizeof(unit), "%s", p.unit);
    snprintf(jab, sizeof(jab), "%s", p.jabatan);
    rc = analysis_load(c->st, date_today(), &a);
    if (rc != ERR_OK) {
        return rc;
    }
    const struct analysis_pair *from = analysis_find_pair(a, unit, jab);
    const struct analysis_pair *to =
        dest != NULL ? analysis_find_pair(a, dest, jab) : NULL;
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

/* The documents of a request, gathered for the checks: the newest of
 * each kind stands (an upload after a request for revision replaces the
 * old one). */
struct doc_state {
    char have[16][48]; /* Kinds present. */
    bool sesuai[16];   /* The newest of that kind reviewed sesuai. */
    int n_have;
    char unreviewed[256]; /* Kinds not reviewed sesuai, ", "-joined. */
};

static enum err
doc_seen(void *ctx, const struct store_document *d)
{
    struct doc_state *s = ctx;
    int k = 0;
    while (k < s->n_have && strcmp(s->have[k], d->jenis) != 0) {
        k++;
    }
    if (k == 16) {
        return ERR_OK; /* More kinds than there are. */
    }
    if (k == s->n_have) {
        snprintf(s->have[s->n_have++], sizeof(s->have[0]), "%s", d->jenis);
    }
    s->sesuai[k] = strcmp(d->status_buf, "sesuai") == 0;
    return ERR_OK;
}

static void
doc_unreviewed(struct doc_state *s)
{
    for (int k = 0; k < s->n_have; k++) {
        size_t n = strlen(s->unreviewed);
        if (!s->sesuai[k]) {
            snprintf(s->unreviewed + n, sizeof(s->unreviewed) - n, "%s%s",
                     n ? ", " : "", s->have[k]);
        }
    }
}

/* The mandatory documents of reason 'alasan' missing from 's', into
 * 'out': the setting dokumen_wajib for every reason, and
 * dokumen_wajib_<alasan> for its own evidence. */
static enum err
missing_docs(struct request_ctx *c, const char *alasan,
             const struct doc_state *s, struct buf *out)
{
    char key[64];
    const char *keys[] = {"dokumen_wajib", key};
    snprintf(key, sizeof(key), "dokumen_wajib_%s", alasan);
    enum err rc = ERR_OK;
    for (int i = 0; i < 2 && rc == ERR_OK; i++) {
        const struct setting_def *def = settings_find(keys[i]);
        char *list = NULL;
        if (def == NULL) {
            continue;
        }
        if (store_setting_get(c->st, keys[i], &list) != ERR_OK) {
            list = xstrdup(def->dflt);
        }
        for (char *p = list; *p != '\0' && rc == ERR_OK;) {
            size_t n = strcspn(p, ";, ");
            bool have = n == 0;
            for (int k = 0; k < s->n_have && !have; k++) {
                have = strlen(s->have[k]) == n && memcmp(s->have[k], p, n) == 0;
            }
            if (!have) {
                rc = buf_addf(out, "%s%.*s", out->len ? ", " : "", (int)n, p);
            }
            p += n + (p[n] != '\0');
        }
        free(list);
    }
    return rc;
}

/* Documents: to submit, the mandatory ones must be there; to verify,
 * also every document reviewed sesuai. */
static enum err
docs_ready(struct request_ctx *c, const struct store_request *r,
           const char *action)
{
    bool submit = strcmp(action, "ajukan") == 0;
    if (!submit && strcmp(action, "verifikasi") != 0) {
        return ERR_OK;
    }
    struct doc_state *s = xcalloc(1, sizeof(*s));
    struct buf miss;
    buf_init(&miss, 0);
    enum err rc = store_document_each(c->st, r->id, doc_seen, s);
    doc_unreviewed(s);
    rc = rc == ERR_OK ? missing_docs(c, r->alasan, s, &miss) : rc;
    if (rc == ERR_OK && miss.len > 0) {
        snprintf(c->why, sizeof(c->why), "Dokumen wajib belum diunggah: %s.",
                 buf_str(&miss));
        rc = ERR_INVAL;
    } else if (rc == ERR_OK && !submit && s->unreviewed[0] != '\0') {
        snprintf(c->why, sizeof(c->why),
                 "Setiap dokumen harus diperiksa 'sesuai' sebelum verifikasi; "
                 "belum: %s.",
                 s->unreviewed);
        rc = ERR_INVAL;
    }
    buf_cleanup(&miss);
    free(s);
    return rc;
}

/* The TPK and the PPK are different people: the account that considered
 * a request never decides it. */
static enum err
not_considerer(struct request_ctx *c, const struct store_request *r)
{
    char who[80] = "";
    enum err rc =
        store_request_actor(c->st, r->id, "pertimbangkan", who, sizeof(who));
    if (rc == ERR_NOTFOUND) {
        return ERR_OK;
    }
    if (rc == ERR_OK && strcmp(who, c->who->login) == 0) {
        say(c, "Akun yang memberi pertimbangan TPK tidak boleh juga "
               "menetapkan permohonan yang sama.");
        return ERR_DENIED;
    }
    return rc;
}

/* What a step needs beyond its role and status. */
static enum err
step_ready(struct request_ctx *c, const struct action *t,
           const struct store_request *r, const struct request_step_in *in)
{
    bool needs_note =
        t->to == PERMOHONAN_DITOLAK || t->to == PERMOHONAN_DIBATALKAN;
    if (needs_note && (in->catatan == NULL || in->catatan[0] == '\0')) {
        say(c, "Penolakan dan pembatalan wajib disertai catatan.");
        return ERR_INVAL;
    }
    if (in->version >= 0 && in->version != r->version) {
        say(c, "Permohonan sudah diubah orang lain; muat ulang.");
        return ERR_CONFLICT;
    }
    if (strcmp(t->name, "setujui_tujuan") == 0 &&
        dest_choice(c, r, in->pilihan) < 0) {
        say(c, "pilihan harus nomor urut salah satu unit tujuan (1-5).");
        return ERR_INVAL;
    }
    if (strcmp(t->name, "tetapkan") == 0) {
        enum err rc = not_considerer(c, r);
        if (rc == ERR_OK && r->tujuan[0] == '\0') {
            say(c, "Permohonan belum diterima oleh OPD tujuan.");
            rc = ERR_CONFLICT;
        }
        return rc == ERR_OK ? decision_tmt_ok(in->tmt, c->why) : rc;
    }
    return docs_ready(c, r, t->name);
}

static enum err
write_step(struct request_ctx *c, const struct store_request *r,
           const struct action *t, const struct request_step_in *in,
           struct request_result *out)
{
    struct buf warn;
    buf_init(&warn, 0);
    /* The ABK's word on the move is taken when the employee submits, so
     * that the heads see it before they release or receive (review of
     * 2026-12-01), and again at verification on that day's data; an empty
     * answer then clears what an earlier one said. */
    bool judged = strcmp(t->name, "ajukan") == 0 ||
                  strcmp(t->name, "verifikasi") == 0 ||
                  strcmp(t->name, "setujui_tujuan") == 0;
    int k = strcmp(t->name, "setujui_tujuan") == 0
                ? dest_choice(c, r, in->pilihan)
                : -1;
    const char *dest = k >= 0                 ? r->pilihan[k]
                       : r->tujuan[0] != '\0' ? r->tujuan
                       : r->n_pilihan > 0     ? r->pilihan[0]
                                              : NULL;
    enum err rc = judged ? abk_warnings(c, r, dest, &warn) : ERR_OK;
    const char *from = model_enum_name(&model_permohonan_status, (int)t->from);
    const char *to = model_enum_name(&model_permohonan_status, (int)t->to);
    const char *note = in->catatan && in->catatan[0] ? in->catatan : NULL;
    struct store_step s = {r->id,
                           from,
                           r->version,
                           to,
                           t->name,
                           c->who->login,
                           note,
                           warn.len ? buf_str(&warn)
                           : judged ? ""
                                    : NULL,
                           k >= 0 ? r->pilihan[k] : NULL};
    char line[512];
    rc = rc == ERR_OK ? store_begin(c->st) : rc;
    if (rc != ERR_OK) {
        buf_cleanup(&warn);
        return rc;
    }
    rc = store_request_step(c->st, &s);
    if (rc == ERR_OK && strcmp(t->name, "tetapkan") == 0) {
        rc = decision_single(c->st, c->who->login, r, in->tmt, in->izin,
                             out->sk_nomor, out->plan, c->why);
        snprintf(line, sizeof(line), "SK %s (%s)%s%s", out->sk_nomor, out->plan,
                 note ? ": " : "", note ? note : "");
        note = line;
    }
    rc = rc == ERR_OK ? request_log(c, r->id, t->name, from, to, note) : rc;
    rc = rc == ERR_OK ? store_commit(c->st) : rc;
    if (rc != ERR_OK) {
        store_rollback(c->st);
    }
    buf_cleanup(&warn);
    return rc;
}

enum err
request_act(struct request_ctx *c, struct store_request *r,
            const struct request_step_in *in, struct request_result *out)
{
    struct action t = {"", PERMOHONAN_DRAF, PERMOHONAN_DRAF, 0, SCOPE_ALL};
    c->why[0] = '\0';
    memset(out, 0, sizeof(*out));
    enum err rc = find_action(c, in->action, r, &t);
    rc = rc == ERR_OK ? allowed(c, &t, r, in->pilihan) : rc;
    if (rc == ERR_DENIED && c->why[0] == '\0') {
        say(c, "Langkah ini bukan wewenang Anda untuk permohonan ini.");
    }
    rc = rc == ERR_OK ? step_ready(c, &t, r, in) : rc;
    rc = rc == ERR_OK ? write_step(c, r, &t, in, out) : rc;
    if (rc == ERR_CONFLICT && c->why[0] == '\0') {
        say(c, "Status permohonan sudah berubah; muat ulang.");
    }
    return rc == ERR_OK ? store_request_get(c->st, r->id, r) : rc;
}

#define PDF_TAIL 1024 /* Bytes at the end where %%EOF and startxref are. */

static bool
pdf_space(char ch)
{
    return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t' || ch == '\f' ||
           ch == '\0';
}

/* The first (or with 'last', the last) 'needle' within [from, to) of
 * 'data', or NULL. */
static const char *
pdf_find(const char *data, size_t from, size_t to, const char *needle,
         bool last)
{
    size_t n = strlen(needle);
    const char *hit = NULL;
    for (size_t i = from; i + n <= to; i++) {
        if (memcmp(data + i, needle, n) == 0) {
            hit = data + i;
            if (!last) {
                break;
            }
        }
    }
    return hit;
}

/* Digits at '*p' (before 'end') into '*out'; '*p' moves past them. */
static bool
pdf_number(const char **p, const char *end, size_t *out)
{
    size_t v = 0;
    const char *q = *p;
    while (q < end && *q >= '0' && *q <= '9' && v < ((size_t)1 << 40)) {
        v = v * 10 + (size_t)(*q++ - '0');
    }
    if (q == *p) {
        return false;
    }
    *p = q;
    *out = v;
    return true;
}

static void
pdf_skip_space(const char **p, const char *end)
{
    while (*p < end && pdf_space(**p)) {
        (*p)++;
    }
}

/* What startxref at 'off' points at ('to': where startxref is): "xref"
 * with a trailer after it, or "N G obj" whose dictionary says /XRef. */
static bool
pdf_xref_ok(const char *data, size_t off, size_t to)
{
    const char *p = data + off;
    const char *end = data + to;
    if (to - off >= 4 && memcmp(p, "xref", 4) == 0) {
        return pdf_find(data, off, to, "trailer", false) != NULL;
    }
    size_t num = 0;
    size_t gen = 0;
    if (!pdf_number(&p, end, &num)) {
        return false;
    }
    pdf_skip_space(&p, end);
    if (!pdf_number(&p, end, &gen)) {
        return false;
    }
    pdf_skip_space(&p, end);
    if (end - p < 3 || memcmp(p, "obj", 3) != 0) {
        return false;
    }
    size_t from = (size_t)(p - data);
    size_t stop = to - from > PDF_TAIL ? from + PDF_TAIL : to;
    const char *type = pdf_find(data, from, stop, "/Type", false);
    if (type == NULL) {
        return false;
    }
    const char *q = type + 5;
    pdf_skip_space(&q, data + stop);
    return data + stop - q >= 5 && memcmp(q, "/XRef", 5) == 0;
}

bool
request_pdf_ok(const char *data, size_t len)
{
    if (len < 16 || memcmp(data, "%PDF-", 5) != 0) {
        return false;
    }
    bool v1 =
        data[5] == '1' && data[6] == '.' && data[7] >= '0' && data[7] <= '9';
    bool v2 = data[5] == '2' && data[6] == '.' && data[7] == '0';
    size_t tail = len > PDF_TAIL ? len - PDF_TAIL : 0;
    const char *eof = pdf_find(data, tail, len, "%%EOF", true);
    if (!(v1 || v2) || eof == NULL) {
        return false;
    }
    for (const char *p = eof + 5; p < data + len; p++) {
        if (!pdf_space(*p)) {
            return false;
        }
    }
    size_t eof_at = (size_t)(eof - data);
    const char *sx = pdf_find(data, tail, eof_at, "startxref", true);
    if (sx == NULL) {
        return false;
    }
    const char *p = sx + 9;
    size_t off = 0;
    pdf_skip_space(&p, eof);
    if (!pdf_number(&p, eof, &off)) {
        return false;
    }
    pdf_skip_space(&p, eof);
    size_t sx_at = (size_t)(sx - data);
    return p == eof && off >= 8 && off < sx_at && pdf_xref_ok(data, off, sx_at);
}
