/* SPDX-License-Identifier: MIT */
/* web_plans: plans over the API (web layer). A plan is the saved
 * document of the planner (planning.h); publishing shows each employee
 * concerned their move; approval applies it. */
#include "web_plans.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "decision.h"
#include "json.h"
#include "mem.h"
#include "minutes.h"
#include "model.h"
#include "planning.h"
#include "settings.h"
#include "sk.h"
#include "store.h"
#include "web_scope.h"
#include "web_tenang.h"
#include "xlsx_export.h"

#define NAME_MAX_LEN 64

static bool
name_ok(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' ||
              ch == '-')) {
            return false;
        }
    }
    return n > 0 && n <= NAME_MAX_LEN;
}

/* The options of a new plan from its JSON body into 'o', 'day' and the
 * settings 'over' (texts in 'texts'). */
static enum err
parse_new(const struct json_obj *in, struct plan_opts *o,
          struct planning_setting *over, struct planning_args *a,
          char (*texts)[64], struct web_resp *out)
{
    char t[64];
    static const char *const modes[] = {"voluntary", "directed", "combined"};
    *o = (struct plan_opts){PLAN_COMBINED, -1, -1.0, planning_threads(), NULL};
    if (json_obj_text(in, "mode", t, sizeof(t))) {
        int m = 0;
        while (m < 3 && strcmp(t, modes[m]) != 0) {
            m++;
        }
        if (m == 3) {
            web_message(out, "mode harus voluntary, directed atau combined.");
            return ERR_INVAL;
        }
        o->mode = (enum plan_mode)m;
    }
    a->day = date_today();
    if (json_obj_text(in, "as_of", t, sizeof(t)) &&
        date_parse(t, strlen(t), &a->day) != ERR_OK) {
        web_message(out, "as_of harus tanggal YYYY-MM-DD.");
        return ERR_INVAL;
    }
    char *end = NULL;
    if (json_obj_text(in, "max_moves", t, sizeof(t))) {
        o->max_moves = strtol(t, &end, 10);
        if (end == t || *end != '\0' || o->max_moves < 0) {
            web_message(out, "max_moves harus bilangan bulat >= 0.");
            return ERR_INVAL;
        }
    }
    if (json_obj_text(in, "max_km", t, sizeof(t))) {
        o->max_km = strtod(t, &end);
        if (end == t || *end != '\0' || !(o->max_km >= 0)) {
            web_message(out, "max_km harus angka >= 0.");
            return ERR_INVAL;
        }
    }
    for (size_t i = 0; i < settings_count() && a->n_over < 64; i++) {
        char path[96];
        snprintf(path, sizeof(path), "settings.%s", settings_at(i)->key);
        if (json_obj_text(in, path, texts[a->n_over], 64)) {
            over[a->n_over] = (struct planning_setting){settings_at(i)->key,
                                                        texts[a->n_over]};
            a->n_over++;
        }
    }
    return ERR_OK;
}

enum err
web_plans_create(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *in = NULL;
    char name[NAME_MAX_LEN + 2];
    if (json_obj_parse(c->req->body, &in) != ERR_OK ||
        !json_obj_text(in, "name", name, sizeof(name)) || !name_ok(name)) {
        json_obj_destroy(in);
        web_message(out, "Kirim {\"name\", \"mode\", \"as_of\", \"settings\"}; "
                         "name 1-64 huruf, angka, '.', '_' atau '-'.");
        return ERR_USAGE;
    }
    struct planning_setting over[64];
    char texts[64][64];
    char why[256] = "";
    struct planning_args a = {0, over, 0, why, sizeof(why)};
    struct plan_opts o;
    enum err rc = parse_new(in, &o, over, &a, texts, out);
    json_obj_destroy(in);
    struct json_obj *doc = NULL;
    struct planning_request q = {name, o};
    rc = rc == ERR_OK ? planning_make(c->req->st, &a, &q, c->who->login, &doc)
                      : rc;
    if ((rc == ERR_NOTFOUND || rc == ERR_INVAL) && why[0] != '\0') {
        web_message(out, why);
        rc = ERR_INVAL;
    }
    if (rc == ERR_CONFLICT && why[0] != '\0') {
        web_message(out, why);
    }
    if (rc == ERR_EXISTS) {
        web_message(out, "Nama rencana sudah dipakai.");
    }
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    rc = web_reply(out, doc);
    out->status = 201;
    return rc;
}

static enum err
list_row(void *ctx, const struct store_plan *p)
{
    struct json_obj *o = json_obj_create();
    planning_plan_json(p, o);
    json_obj_set_str(o, "tmt", p->tmt);
    json_obj_set_str(o, "sk_nomor", p->sk_nomor);
    json_obj_push(ctx, "rows", o);
    return ERR_OK;
}

/* A head of unit sees the plans once published (drafts are BKPSDM's). */
static enum err
published_row(void *ctx, const struct store_plan *p)
{
    return strcmp(p->status, "draf") == 0 ? ERR_OK : list_row(ctx, p);
}

enum err
web_plans_list(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc = store_plan_each(
        c->req->st, c->role == WEB_KEPALA ? published_row : list_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}

/* Where the answers of a plan go, and which of them the caller reads. */
struct answers_ctx {
    const struct web_call *c;
    const struct saved_plan *sp;
    struct json_obj *doc;
};

static bool sees_move(const struct web_call *c, const struct saved_move *x);

static bool
sees_answer(const struct answers_ctx *a, const char *nip)
{
    const struct saved_move *x = planning_saved_move(a->sp, nip);
    return x != NULL && sees_move(a->c, x);
}

static enum err
response_row(void *ctx, const char *nip, const char *tanggapan,
             const char *catatan, const char *at)
{
    struct answers_ctx *a = ctx;
    if (!sees_answer(a, nip)) {
        return ERR_OK;
    }
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "nip", nip);
    json_obj_set_str(o, "tanggapan", tanggapan);
    json_obj_set_str(o, "catatan", catatan);
    json_obj_set_str(o, "ditanggapi", at);
    json_obj_push(a->doc, "responses", o);
    return ERR_OK;
}

/* An employee's own move, with the NIPs of the others a swap or a chain
 * names in its explanation left out: "pemohon NIP x" becomes "pemohon
 * lain", any other "NIP x" "pegawai lain" (review of 2026-12-01: the
 * employee saw colleagues' NIPs). Since issue 16 the planner names no
 * other employee, so this only still matters for plans saved before it;
 * it stays as a cheap defence. NULL when 'doc' does not move 'nip'. */
static struct json_obj *
own_move(const struct json_obj *doc, const char *nip)
{
    struct json_obj *m = planning_doc_move(doc, nip);
    char text[2048];
    if (m == NULL || !json_obj_text(m, "penjelasan", text, sizeof(text))) {
        return m;
    }
    struct buf b;
    buf_init(&b, 0);
    enum err rc = ERR_OK;
    for (const char *p = text; *p != '\0' && rc == ERR_OK;) {
        bool asker = strncmp(p, "pemohon NIP ", 12) == 0;
        const char *d = asker                        ? p + 12
                        : strncmp(p, "NIP ", 4) == 0 ? p + 4
                                                     : NULL;
        if (d != NULL && strspn(d, "0123456789") == 18 &&
            strncmp(d, nip, 18) != 0) {
            rc = buf_adds(&b, asker ? "pemohon lain" : "pegawai lain");
            p = d + 18;
        } else {
            rc = buf_add(&b, p++, 1);
        }
    }
    if (rc == ERR_OK) {
        json_obj_set_str(m, "penjelasan", buf_str(&b));
    }
    buf_cleanup(&b);
    return m;
}

static void
set_text(struct json_obj *o, const char *key, const char *v)
{
    json_obj_set_str(o, key, v != NULL && v[0] != '\0' ? v : NULL);
}

/* A move's decision so far, on its JSON 'm'. */
static void
decision_keys(struct json_obj *m, const struct saved_move *x)
{
    set_text(m, "tanggapan", x->tanggapan);
    set_text(m, "catatan_tanggapan", x->catatan_tanggapan);
    set_text(m, "keputusan_tpk", x->keputusan_tpk);
    set_text(m, "catatan_tpk", x->catatan_tpk);
    set_text(m, "jawaban_tpk", x->jawaban_tpk);
    set_text(m, "keputusan_ppk", x->keputusan_ppk);
    set_text(m, "alasan_ppk", x->alasan_ppk);
}

/* The plan's record on the "plan" of its document. */
static void
plan_keys(struct json_obj *doc, const struct store_plan *p)
{
    struct json_obj *plan = json_obj_get_obj(doc, "plan");
    json_obj_set_str(plan, "status", p->status);
    json_obj_set_str(plan, "tmt", p->tmt);
    json_obj_set_str(plan, "sk_nomor", p->sk_nomor);
    json_obj_set_str(plan, "tenggat", p->tenggat);
    json_obj_set_str(plan, "ba_nomor", p->ba_nomor);
    json_obj_set_str(plan, "catatan_kembali", p->catatan_kembali);
    json_obj_destroy(plan);
}

/* Which moves a caller sees: all (HR), those into or out of a head's
 * subtree, an employee's own. */
static bool
sees_move(const struct web_call *c, const struct saved_move *x)
{
    if (c->role == WEB_PEGAWAI) {
        return strcmp(x->nip, c->who->nip) == 0;
    }
    if (c->role == WEB_KEPALA) {
        return web_scope_unit(c, x->unit_tujuan) == ERR_OK ||
               web_scope_unit(c, x->unit_asal) == ERR_OK;
    }
    return true;
}

/* Keep in 'doc' the moves the caller sees, each with its decision. */
static void
decorate(const struct web_call *c, struct json_obj *doc,
         const struct saved_plan *sp)
{
    size_t n = json_obj_len(doc, "moves");
    struct json_obj **keep = xcalloc(n + 1, sizeof(struct json_obj *));
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        struct json_obj *m = json_obj_item(doc, "moves", i);
        char nip[32] = "";
        json_obj_text(m, "nip", nip, sizeof(nip));
        const struct saved_move *x = planning_saved_move(sp, nip);
        if (x != NULL && sees_move(c, x)) {
            decision_keys(m, x);
            keep[k++] = m;
        } else {
            json_obj_destroy(m);
        }
    }
    json_obj_set_empty_array(doc, "moves");
    for (size_t i = 0; i < k; i++) {
        json_obj_push(doc, "moves", keep[i]);
    }
    free(keep);
}

static enum err
answer_row(void *ctx, const struct store_plan_answer *a)
{
    struct answers_ctx *x = ctx;
    if (!sees_answer(x, a->nip)) {
        return ERR_OK;
    }
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "nip", a->nip);
    json_obj_set_str(o, "oleh", a->oleh);
    json_obj_set_str(o, "tanggapan", a->tanggapan);
    json_obj_set_str(o, "catatan", a->catatan);
    json_obj_set_str(o, "ditanggapi", a->at);
    json_obj_push(x->doc, "tanggapan_kepala", o);
    return ERR_OK;
}

/* An employee sees a plan only once published, and only their move,
 * with the colleagues a swap or chain names left out. */
static enum err
own_view(const struct web_call *c, const struct saved_plan *sp,
         struct web_resp *out)
{
    const struct saved_move *x = planning_saved_move(sp, c->who->nip);
    struct json_obj *m = own_move(sp->doc, c->who->nip);
    if (m == NULL || x == NULL || strcmp(sp->plan.status, "draf") == 0) {
        json_obj_destroy(m);
        return ERR_NOTFOUND;
    }
    decision_keys(m, x);
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "name", sp->plan.nama);
    json_obj_set_str(o, "status", sp->plan.status);
    json_obj_set_str(o, "tenggat", sp->plan.tenggat);
    json_obj_set_str(o, "tmt", sp->plan.tmt);
    json_obj_set_str(o, "sk_nomor", sp->plan.sk_nomor);
    json_obj_set_obj(o, "move", m);
    return web_reply(out, o);
}

enum err
web_plans_get(const struct web_call *c, struct web_resp *out)
{
    struct saved_plan sp;
    enum err rc = planning_saved_load(c->req->st, c->req->params[0], &sp);
    if (rc == ERR_OK && c->role == WEB_PEGAWAI) {
        rc = own_view(c, &sp, out);
    } else if (rc == ERR_OK && c->role == WEB_KEPALA &&
               strcmp(sp.plan.status, "draf") == 0) {
        rc = ERR_NOTFOUND; /* Heads see a plan once it is published. */
    } else if (rc == ERR_OK) {
        struct json_obj *doc = sp.doc;
        sp.doc = NULL;
        plan_keys(doc, &sp.plan);
        decorate(c, doc, &sp);
        json_obj_set_empty_array(doc, "responses");
        json_obj_set_empty_array(doc, "tanggapan_kepala");
        /* A head reads the answers on the moves they see only. */
        struct answers_ctx ax = {c, &sp, doc};
        rc = store_plan_responses_each(c->req->st, sp.plan.nama, response_row,
                                       &ax);
        rc = rc == ERR_OK ? store_plan_answers_each(c->req->st, sp.plan.nama,
                                                    answer_row, &ax)
                          : rc;
        if (rc == ERR_OK) {
            rc = web_reply(out, doc);
        } else {
            json_obj_destroy(doc);
        }
    }
    planning_saved_cleanup(&sp);
    return rc;
}

/* The plan's row, with 'warning' (may be NULL) in "warnings". */
static enum err
status_reply(const struct web_call *c, struct web_resp *out,
             const char *warning)
{
    struct store_plan sp;
    enum err rc = store_plan_get(c->req->st, c->req->params[0], &sp);
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *o = json_obj_create();
    list_row(o, &sp);
    store_plan_cleanup(&sp);
    struct json_obj *row = json_obj_item(o, "rows", 0);
    json_obj_destroy(o);
    json_obj_set_strs(row, "warnings", &warning, warning ? 1 : 0);
    return web_reply(out, row);
}

/* The decision service's view of the caller. */
static struct decision_actor
actor_of(const struct web_call *c)
{
    return (struct decision_actor){c->who->login, c->role, c->who->nip,
                                   c->who->unit};
}

/* The answer of a refused step: its message, and the moves concerned in
 * the error body ("nips") so that the caller can show or confirm them. */
static enum err
refused(struct web_resp *out, enum err rc, struct decision_outcome *o)
{
    if (o->why[0] != '\0') {
        web_message(out, o->why);
    }
    if (o->n_nips > 0) {
        web_error_nips(out, (const char *const *)o->nips, o->n_nips);
    }
    decision_outcome_cleanup(o);
    return rc;
}

static enum err
body_of(const struct web_call *c, struct json_obj **in, struct web_resp *out)
{
    const char *body = c->req->body && c->req->body[0] ? c->req->body : "{}";
    if (json_obj_parse(body, in) != ERR_OK) {
        web_message(out, "Badan permintaan harus objek JSON.");
        return ERR_USAGE;
    }
    return ERR_OK;
}

enum err
web_plans_publish(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *in = NULL;
    struct decision_outcome o;
    char t[16];
    int32_t due = DATE_NONE;
    memset(&o, 0, sizeof(o));
    enum err rc = body_of(c, &in, out);
    if (rc == ERR_OK && json_obj_text(in, "tenggat", t, sizeof(t)) &&
        date_parse(t, strlen(t), &due) != ERR_OK) {
        web_message(out, "tenggat harus tanggal YYYY-MM-DD.");
        rc = ERR_INVAL;
    }
    json_obj_destroy(in);
    if (rc != ERR_OK) {
        return rc;
    }
    struct decision_actor a = actor_of(c);
    rc = decision_publish(c->req->st, &a, c->req->params[0], due, &o);
    return rc == ERR_OK ? status_reply(c, out, NULL) : refused(out, rc, &o);
}

enum err
web_plans_respond(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *in = NULL;
    char answer[16] = "";
    char note[1024] = "";
    char nip[32] = "";
    struct decision_outcome o;
    memset(&o, 0, sizeof(o));
    enum err rc = body_of(c, &in, out);
    if (rc == ERR_OK) {
        json_obj_text(in, "tanggapan", answer, sizeof(answer));
        json_obj_text(in, "catatan", note, sizeof(note));
        json_obj_text(in, "nip", nip, sizeof(nip));
    }
    json_obj_destroy(in);
    if (rc != ERR_OK) {
        return rc;
    }
    struct decision_actor a = actor_of(c);
    rc = decision_respond(c->req->st, &a, c->req->params[0],
                          nip[0] ? nip : NULL, answer, note, &o);
    if (rc != ERR_OK) {
        return refused(out, rc, &o);
    }
    struct json_obj *r = json_obj_create();
    json_obj_set_str(r, "tanggapan", answer);
    json_obj_set_str(r, "catatan", note[0] ? note : NULL);
    return web_reply(out, r);
}

/* The TPK's items of a consider body; texts borrowed from 'in'. */
struct consider_in {
    struct decision_item *items;
    char (*texts)[4][1024];
    size_t n;
};

static enum err
parse_items(const struct json_obj *in, struct consider_in *x,
            struct web_resp *out)
{
    static const char *const keys[] = {"nip", "keputusan", "catatan",
                                       "tanggapan"};
    x->n = json_obj_len(in, "moves");
    if (x->n > 100000) {
        return ERR_TOOBIG;
    }
    x->items = xcalloc(x->n + 1, sizeof(*x->items));
    x->texts = xcalloc(x->n + 1, sizeof(*x->texts));
    for (size_t i = 0; i < x->n; i++) {
        struct json_obj *m = json_obj_item(in, "moves", i);
        const char *v[4];
        for (int k = 0; k < 4; k++) {
            bool has =
                m != NULL && json_obj_text(m, keys[k], x->texts[i][k], 1024);
            v[k] = has ? x->texts[i][k] : NULL;
        }
        json_obj_destroy(m);
        if (v[0] == NULL || v[1] == NULL) {
            web_message(out, "Setiap butir moves memuat nip dan keputusan.");
            return ERR_INVAL;
        }
        x->items[i] = (struct decision_item){v[0], v[1], v[2], v[3]};
    }
    return ERR_OK;
}

static bool
flag_of(const struct json_obj *in, const char *key)
{
    char t[8] = "";
    return json_obj_text(in, key, t, sizeof(t)) && strcmp(t, "true") == 0;
}

enum err
web_plans_consider(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *in = NULL;
    struct consider_in x = {NULL, NULL, 0};
    struct decision_outcome o;
    memset(&o, 0, sizeof(o));
    enum err rc = body_of(c, &in, out);
    rc = rc == ERR_OK ? parse_items(in, &x, out) : rc;
    bool close = in != NULL && flag_of(in, "close");
    bool follow = in != NULL && flag_of(in, "ikutkan");
    json_obj_destroy(in);
    struct decision_actor a = actor_of(c);
    rc = rc == ERR_OK ? decision_consider(c->req->st, &a, c->req->params[0],
                                          x.items, x.n, close, follow, &o)
                      : rc;
    free(x.items);
    free(x.texts);
    if (rc != ERR_OK) {
        return refused(out, rc, &o);
    }
    decision_outcome_cleanup(&o);
    return web_plans_get(c, out);
}

/* The PPK's strikes of an approve body. */
static enum err
parse_strikes(const struct json_obj *in, struct decision_strike **out_s,
              char (**texts)[2][1024], size_t *n, struct web_resp *out)
{
    *n = json_obj_len(in, "strike");
    if (*n > 100000) {
        return ERR_TOOBIG;
    }
    *out_s = xcalloc(*n + 1, sizeof(**out_s));
    *texts = xcalloc(*n + 1, sizeof(**texts));
    for (size_t i = 0; i < *n; i++) {
        struct json_obj *m = json_obj_item(in, "strike", i);
        bool ok = m != NULL && json_obj_text(m, "nip", (*texts)[i][0], 1024) &&
                  json_obj_text(m, "alasan", (*texts)[i][1], 1024);
        json_obj_destroy(m);
        if (!ok) {
            web_message(out, "Setiap coretan memuat nip dan alasan.");
            return ERR_INVAL;
        }
        (*out_s)[i] = (struct decision_strike){(*texts)[i][0], (*texts)[i][1]};
    }
    return ERR_OK;
}

enum err
web_plans_approve(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *in = NULL;
    struct decision_strike *strikes = NULL;
    char(*texts)[2][1024] = NULL;
    size_t n = 0;
    char t[16] = "";
    int32_t tmt = DATE_NONE;
    struct decision_outcome o;
    memset(&o, 0, sizeof(o));
    enum err rc = body_of(c, &in, out);
    if (rc == ERR_OK && (!json_obj_text(in, "tmt", t, sizeof(t)) ||
                         date_parse(t, strlen(t), &tmt) != ERR_OK)) {
        web_message(out, "Kirim {\"tmt\": \"YYYY-MM-01\", \"strike\": "
                         "[{\"nip\", \"alasan\"}], \"persetujuan_mendagri\": "
                         "{\"nomor\", \"tanggal\", \"berkas\"}}: mutasi "
                         "berlaku pada tanggal 1.");
        rc = ERR_INVAL;
    }
    rc = rc == ERR_OK ? parse_strikes(in, &strikes, &texts, &n, out) : rc;
    bool follow = in != NULL && flag_of(in, "ikutkan");
    struct web_tenang_izin z;
    memset(&z, 0, sizeof(z));
    rc = rc == ERR_OK ? web_tenang_izin_parse(in, &z, out) : rc;
    json_obj_destroy(in);
    struct decision_actor a = actor_of(c);
    struct decision_approval ap = {tmt, strikes, n, follow,
                                   rc == ERR_OK && z.given ? &z.izin : NULL};
    rc = rc == ERR_OK
             ? decision_approve_with(c->req->st, &a, c->req->params[0], &ap, &o)
             : rc;
    web_tenang_izin_cleanup(&z);
    free(strikes);
    free(texts);
    if (rc != ERR_OK) {
        return refused(out, rc, &o);
    }
    bool off = o.teacher_off_semester;
    decision_outcome_cleanup(&o);
    return status_reply(c, out,
                        off ? "TMT mutasi guru sebaiknya awal semester "
                              "(1 Januari atau 1 Juli)"
                            : NULL);
}

/* POST /api/plans/{name}/rerun {"name"}: the plan again, with what the
 * TPK decided fixed, saved under a new name (201, the new plan). */
enum err
web_plans_rerun(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *in = NULL;
    char name[NAME_MAX_LEN + 2] = "";
    struct decision_outcome o;
    memset(&o, 0, sizeof(o));
    enum err rc = body_of(c, &in, out);
    if (rc == ERR_OK &&
        (!json_obj_text(in, "name", name, sizeof(name)) || !name_ok(name))) {
        web_message(out, "Kirim {\"name\"}: nama rencana baru, 1-64 huruf, "
                         "angka, '.', '_' atau '-'.");
        rc = ERR_INVAL;
    }
    json_obj_destroy(in);
    struct decision_actor a = actor_of(c);
    rc = rc == ERR_OK
             ? decision_rerun(c->req->st, &a, c->req->params[0], name, &o)
             : rc;
    if (rc != ERR_OK) {
        return refused(out, rc, &o);
    }
    struct web_req q = *c->req; /* The same call, about the new plan. */
    q.params[0] = name;
    struct web_call again = {&q, c->who, c->role};
    rc = web_plans_get(&again, out);
    out->status = rc == ERR_OK ? 201 : out->status;
    return rc;
}

enum err
web_plans_return(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *in = NULL;
    char note[1024] = "";
    struct decision_outcome o;
    memset(&o, 0, sizeof(o));
    enum err rc = body_of(c, &in, out);
    if (rc == ERR_OK) {
        json_obj_text(in, "catatan", note, sizeof(note));
    }
    json_obj_destroy(in);
    struct decision_actor a = actor_of(c);
    rc = rc == ERR_OK
             ? decision_return(c->req->st, &a, c->req->params[0], note, &o)
             : rc;
    return rc == ERR_OK ? status_reply(c, out, NULL) : refused(out, rc, &o);
}

/* The target of 'nip' in 'doc' ("UNIT/JABATAN"), or "" when not moved. */
static void
target_of(const struct json_obj *doc, const char *nip, char *out, size_t len)
{
    struct json_obj *m = planning_doc_move(doc, nip);
    char u[80] = "";
    char j[80] = "";
    if (m != NULL) {
        json_obj_text(m, "unit_tujuan", u, sizeof(u));
        json_obj_text(m, "jabatan_tujuan", j, sizeof(j));
    }
    snprintf(out, len, "%s%s%s", u, m ? "/" : "", j);
    json_obj_destroy(m);
}

/* The moves of 'x' that 'y' has not or sends elsewhere, into 'o'. */
static void
compare_moves(const struct json_obj *x, const struct json_obj *y,
              struct json_obj *o, const char *only_key, bool both)
{
    size_t n = json_obj_len(x, "moves");
    json_obj_set_empty_array(o, only_key);
    if (both) {
        json_obj_set_empty_array(o, "berbeda");
    }
    for (size_t i = 0; i < n; i++) {
        struct json_obj *m = json_obj_item(x, "moves", i);
        char nip[32];
        char tx[170];
        char ty[170];
        json_obj_text(m, "nip", nip, sizeof(nip));
        target_of(x, nip, tx, sizeof(tx));
        target_of(y, nip, ty, sizeof(ty));
        if (ty[0] == '\0') {
            json_obj_push(o, only_key, m);
            continue;
        }
        if (both && strcmp(tx, ty) != 0) {
            struct json_obj *d = json_obj_create();
            json_obj_set_str(d, "nip", nip);
            json_obj_set_str(d, "a", tx);
            json_obj_set_str(d, "b", ty);
            json_obj_push(o, "berbeda", d);
        }
        json_obj_destroy(m);
    }
}

enum err
web_plans_compare(const struct web_call *c, struct web_resp *out)
{
    struct store_plan pa;
    struct store_plan pb;
    struct json_obj *a = NULL;
    struct json_obj *b = NULL;
    enum err rc = store_plan_get(c->req->st, c->req->params[0], &pa);
    enum err rb = store_plan_get(c->req->st, c->req->params[1], &pb);
    rc = rc == ERR_OK ? rb : rc;
    if (rc == ERR_OK && (json_obj_parse(pa.hasil, &a) != ERR_OK ||
                         json_obj_parse(pb.hasil, &b) != ERR_OK)) {
        rc = ERR_INTERNAL;
    }
    if (rc == ERR_OK) {
        struct json_obj *o = json_obj_create();
        json_obj_set_obj(o, "a", json_obj_get_obj(a, "summary"));
        json_obj_set_obj(o, "b", json_obj_get_obj(b, "summary"));
        compare_moves(a, b, o, "hanya_a", true);
        compare_moves(b, a, o, "hanya_b", false);
        rc = web_reply(out, o);
    }
    json_obj_destroy(a);
    json_obj_destroy(b);
    store_plan_cleanup(&pa);
    store_plan_cleanup(&pb);
    return rc;
}

struct plan_xlsx {
    struct store *st;
    const struct saved_plan *sp;
};

static enum err
write_plan_xlsx(void *ctx, FILE *f)
{
    const struct plan_xlsx *x = ctx;
    return xlsx_export_plan(x->st, x->sp, f);
}

/* The plan's moves as a spreadsheet. */
enum err
web_plans_xlsx(const struct web_call *c, struct web_resp *out)
{
    struct saved_plan sp;
    enum err rc = planning_saved_load(c->req->st, c->req->params[0], &sp);
    struct plan_xlsx x = {c->req->st, &sp};
    rc = rc == ERR_OK ? web_reply_file(out, write_plan_xlsx, &x, WEB_XLSX_TYPE)
                      : rc;
    planning_saved_cleanup(&sp);
    return rc;
}

struct sk_job {
    struct store *st;
    const char *plan;
    const char *nip;   /* NULL: the whole decree. */
    const char *actor; /* Who prints it. */
    char why[256];     /* What went wrong, for the answer. */
};

static enum err
write_sk(void *ctx, FILE *f)
{
    struct sk_job *j = ctx;
    struct sk_ask a = {j->plan, j->nip, j->actor};
    return sk_write(j->st, &a, f, j->why, sizeof(j->why));
}

/* GET /api/plans/{name}/sk.pdf[?nip=]: the decree of an approved plan, or
 * one employee's Petikan; an employee may have only their own. */
enum err
web_plans_sk(const struct web_call *c, struct web_resp *out)
{
    const char *nip = web_query(c->req, "nip");
    if (c->role == WEB_PEGAWAI &&
        (nip == NULL || strcmp(nip, c->who->nip) != 0)) {
        return ERR_NOTFOUND;
    }
    struct sk_job job = {c->req->st, c->req->params[0], nip, c->who->login, ""};
    enum err rc = web_reply_file(out, write_sk, &job, "application/pdf");
    if (rc != ERR_OK && job.why[0] != '\0') {
        web_message(out, job.why);
    }
    return rc;
}

static enum err
write_minutes(void *ctx, FILE *f)
{
    struct sk_job *j = ctx;
    struct sk_ask a = {j->plan, NULL, j->actor};
    return minutes_write(j->st, &a, f, j->why, sizeof(j->why));
}

/* GET /api/plans/{name}/berita-acara.pdf: the TPK's minutes. */
enum err
web_plans_minutes(const struct web_call *c, struct web_resp *out)
{
    struct sk_job job = {c->req->st, c->req->params[0], NULL, c->who->login,
                         ""};
    enum err rc = web_reply_file(out, write_minutes, &job, "application/pdf");
    if (rc != ERR_OK && job.why[0] != '\0') {
        web_message(out, job.why);
    }
    return rc;
}

/* The names of the plans an employee may see (not draf), gathered first
 * so that no statement is open while each plan is read. */
struct seen_plans {
    char **names;
    size_t n_names;
    size_t cap;
};

static enum err
seen_plan(void *ctx, const struct store_plan *p)
{
    struct seen_plans *s = ctx;
    if (strcmp(p->status, "draf") == 0) {
        return ERR_OK;
    }
    if (s->n_names == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 8;
        s->names = xrealloc(s->names, s->cap * sizeof(*s->names));
    }
    s->names[s->n_names++] = xstrdup(p->nama);
    return ERR_OK;
}

/* The answer of one employee, from store_plan_responses_each(). */
struct own_answer {
    const char *nip;
    struct json_obj *row; /* Gets "tanggapan" and "catatan". */
};

static enum err
own_answer_row(void *ctx, const char *nip, const char *tanggapan,
               const char *catatan, const char *at)
{
    struct own_answer *a = ctx;
    (void)at;
    if (strcmp(nip, a->nip) == 0) {
        json_obj_set_str(a->row, "tanggapan", tanggapan);
        json_obj_set_str(a->row, "catatan", catatan);
    }
    return ERR_OK;
}

/* Append to "rows" of 'doc' the caller's move in plan 'name', with their
 * answer, when that plan moves them. */
static enum err
proposal_row(const struct web_call *c, const char *name, struct json_obj *doc)
{
    struct store_plan sp;
    struct json_obj *plan = NULL;
    enum err rc = store_plan_get(c->req->st, name, &sp);
    if (rc == ERR_OK &&
        json_obj_parse(sp.hasil ? sp.hasil : "", &plan) != ERR_OK) {
        rc = ERR_INTERNAL;
    }
    struct json_obj *m = rc == ERR_OK ? own_move(plan, c->who->nip) : NULL;
    if (m != NULL) {
        struct json_obj *o = json_obj_create();
        struct own_answer a = {c->who->nip, o};
        json_obj_set_str(o, "name", sp.nama);
        json_obj_set_str(o, "status", sp.status);
        json_obj_set_obj(o, "move", m);
        json_obj_set_null(o, "tanggapan");
        json_obj_set_null(o, "catatan");
        rc = store_plan_responses_each(c->req->st, sp.nama, own_answer_row, &a);
        json_obj_push(doc, "rows", o);
    }
    json_obj_destroy(plan);
    store_plan_cleanup(&sp);
    return rc;
}

enum err
web_plans_proposals(const struct web_call *c, struct web_resp *out)
{
    struct seen_plans s = {NULL, 0, 0};
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc = c->who->nip[0] != '\0'
                      ? store_plan_each(c->req->st, seen_plan, &s)
                      : ERR_OK;
    for (size_t i = 0; i < s.n_names; i++) {
        rc = rc == ERR_OK ? proposal_row(c, s.names[i], doc) : rc;
        free(s.names[i]);
    }
    free(s.names);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}
