/* SPDX-License-Identifier: MIT */
/* web_plans: plans over the API (web layer). A plan is the saved
 * document of the planner (planning.h); publishing shows each employee
 * concerned their move; approval applies it. */
#include "web_plans.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "approval.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "mem.h"
#include "model.h"
#include "planning.h"
#include "settings.h"
#include "sk.h"
#include "store.h"
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
    *o = (struct plan_opts){PLAN_COMBINED, -1, -1.0, planning_threads()};
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
    struct planning *pl = NULL;
    struct plan_result r;
    struct json_obj *doc = NULL;
    memset(&r, 0, sizeof(r));
    rc = rc == ERR_OK ? planning_load(c->req->st, &a, &pl) : rc;
    if ((rc == ERR_NOTFOUND || rc == ERR_INVAL) && why[0] != '\0') {
        web_message(out, why);
        rc = ERR_INVAL;
    }
    rc = rc == ERR_OK ? plan_run(planning_problem(pl), &o, &r) : rc;
    struct planning_request q = {name, o};
    rc = rc == ERR_OK ? planning_document(pl, &q, &r, &doc) : rc;
    rc = rc == ERR_OK
             ? planning_save(c->req->st, pl, &q, &r, doc, c->who->login)
             : rc;
    if (rc == ERR_EXISTS) {
        web_message(out, "Nama rencana sudah dipakai.");
    }
    plan_result_cleanup(&r);
    planning_destroy(pl);
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

enum err
web_plans_list(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc = store_plan_each(c->req->st, list_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}

static enum err
response_row(void *ctx, const char *nip, const char *tanggapan,
             const char *catatan, const char *at)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "nip", nip);
    json_obj_set_str(o, "tanggapan", tanggapan);
    json_obj_set_str(o, "catatan", catatan);
    json_obj_set_str(o, "ditanggapi", at);
    json_obj_push(ctx, "responses", o);
    return ERR_OK;
}

/* An employee's own move, with the NIPs of the others a swap or a chain
 * names in its explanation left out: "pemohon NIP x" becomes "pemohon
 * lain", any other "NIP x" "pegawai lain" (review of 2026-12-01: the
 * employee saw colleagues' NIPs). NULL when 'doc' does not move 'nip'. */
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

/* An employee sees a plan only once published, and only their move. */
static enum err
own_view(const struct web_call *c, const struct store_plan *sp,
         const struct json_obj *doc, struct web_resp *out)
{
    struct json_obj *m = own_move(doc, c->who->nip);
    if (m == NULL || strcmp(sp->status, "draf") == 0) {
        json_obj_destroy(m);
        return ERR_NOTFOUND;
    }
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "name", sp->nama);
    json_obj_set_str(o, "status", sp->status);
    json_obj_set_obj(o, "move", m);
    return web_reply(out, o);
}

enum err
web_plans_get(const struct web_call *c, struct web_resp *out)
{
    struct store_plan sp;
    struct json_obj *doc = NULL;
    enum err rc = store_plan_get(c->req->st, c->req->params[0], &sp);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = json_obj_parse(sp.hasil ? sp.hasil : "", &doc) == ERR_OK
             ? ERR_OK
             : ERR_INTERNAL;
    if (rc == ERR_OK && c->role == WEB_PEGAWAI) {
        rc = own_view(c, &sp, doc, out);
        json_obj_destroy(doc);
        doc = NULL;
    } else if (rc == ERR_OK) {
        struct json_obj *plan = json_obj_get_obj(doc, "plan");
        json_obj_set_str(plan, "status", sp.status);
        json_obj_set_str(plan, "tmt", sp.tmt);
        json_obj_set_str(plan, "sk_nomor", sp.sk_nomor);
        json_obj_destroy(plan);
        json_obj_set_empty_array(doc, "responses");
        rc = store_plan_responses_each(c->req->st, sp.nama, response_row, doc);
        rc = rc == ERR_OK ? web_reply(out, doc) : rc;
        doc = rc == ERR_OK ? NULL : doc;
    }
    json_obj_destroy(doc);
    store_plan_cleanup(&sp);
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

static enum err
audit_plan(const struct web_call *c, const char *action, const char *after)
{
    struct store_audit a = {c->who->login, "plan", c->req->params[0],
                            action,        NULL,   after};
    return store_audit_add(c->req->st, &a);
}

enum err
web_plans_publish(const struct web_call *c, struct web_resp *out)
{
    struct store_plan_change x = {
        c->req->params[0], "draf", "diterbitkan", NULL, NULL, NULL};
    struct store_plan sp;
    enum err rc = store_plan_get(c->req->st, x.nama, &sp);
    store_plan_cleanup(&sp);
    rc = rc == ERR_OK ? store_begin(c->req->st) : rc;
    if (rc == ERR_OK) {
        rc = store_plan_set_status(c->req->st, &x);
        rc = rc == ERR_OK ? audit_plan(c, "terbitkan", NULL) : rc;
        rc = rc == ERR_OK ? store_commit(c->req->st) : rc;
        if (rc != ERR_OK) {
            store_rollback(c->req->st);
        }
        if (rc == ERR_CONFLICT) {
            web_message(out, "Hanya rencana berstatus draf yang dapat "
                             "diterbitkan.");
        }
    }
    return rc == ERR_OK ? status_reply(c, out, NULL) : rc;
}

enum err
web_plans_respond(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *in = NULL;
    char answer[16];
    char note[1024] = "";
    if (json_obj_parse(c->req->body, &in) != ERR_OK ||
        !json_obj_text(in, "tanggapan", answer, sizeof(answer)) ||
        (strcmp(answer, "setuju") != 0 && strcmp(answer, "keberatan") != 0)) {
        json_obj_destroy(in);
        web_message(out, "tanggapan harus setuju atau keberatan.");
        return ERR_INVAL;
    }
    json_obj_text(in, "catatan", note, sizeof(note));
    json_obj_destroy(in);
    if (strcmp(answer, "keberatan") == 0 && note[0] == '\0') {
        web_message(out, "Keberatan wajib disertai alasan (catatan).");
        return ERR_INVAL;
    }
    struct store_plan sp;
    enum err rc = store_plan_get(c->req->st, c->req->params[0], &sp);
    if (rc == ERR_OK && strcmp(sp.status, "diterbitkan") != 0) {
        rc = strcmp(sp.status, "draf") == 0 ? ERR_NOTFOUND : ERR_CONFLICT;
        web_message(out, "Rencana ini tidak sedang menunggu tanggapan.");
    }
    store_plan_cleanup(&sp);
    char after[1200];
    snprintf(after, sizeof(after), "{\"nip\":\"%s\",\"tanggapan\":\"%s\"}",
             c->who->nip, answer);
    rc = rc == ERR_OK ? store_begin(c->req->st) : rc;
    if (rc == ERR_OK) {
        rc = store_plan_respond(c->req->st, c->req->params[0], c->who->nip,
                                answer, note[0] ? note : NULL);
        rc = rc == ERR_OK ? audit_plan(c, "tanggapan", after) : rc;
        rc = rc == ERR_OK ? store_commit(c->req->st) : rc;
        if (rc != ERR_OK) {
            store_rollback(c->req->st);
        }
    }
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "tanggapan", answer);
    json_obj_set_str(o, "catatan", note[0] ? note : NULL);
    return web_reply(out, o);
}

static enum err
parse_tmt(const char *body, char *text, int32_t *tmt, struct web_resp *out)
{
    struct json_obj *in = NULL;
    int y = 0;
    int m = 0;
    int d = 0;
    bool ok = json_obj_parse(body, &in) == ERR_OK &&
              json_obj_text(in, "tmt", text, 16) &&
              date_parse(text, strlen(text), tmt) == ERR_OK;
    json_obj_destroy(in);
    if (ok) {
        date_to_ymd(*tmt, &y, &m, &d);
    }
    if (!ok || d != 1) {
        web_message(out, "Kirim {\"tmt\": \"YYYY-MM-01\"}: mutasi berlaku "
                         "pada tanggal 1.");
        return ERR_INVAL;
    }
    return ERR_OK;
}

enum err
web_plans_approve(const struct web_call *c, struct web_resp *out)
{
    char tmt_text[16];
    int32_t tmt = 0;
    struct approval_result res;
    memset(&res, 0, sizeof(res));
    enum err rc = parse_tmt(c->req->body, tmt_text, &tmt, out);
    rc = rc == ERR_OK ? approval_run(c->req->st, c->req->params[0], tmt,
                                     c->who->login, &res)
                      : rc;
    if (rc != ERR_OK && res.why[0] != '\0') {
        web_message(out, res.why);
    }
    return rc == ERR_OK ? status_reply(c, out,
                                       res.teacher_off_semester
                                           ? "TMT mutasi guru sebaiknya awal "
                                             "semester (1 Januari atau 1 Juli)"
                                           : NULL)
                        : rc;
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

static enum err
write_plan_xlsx(void *ctx, FILE *f)
{
    return xlsx_export_plan(ctx, f);
}

/* The plan's moves as a spreadsheet. */
enum err
web_plans_xlsx(const struct web_call *c, struct web_resp *out)
{
    struct store_plan sp;
    struct json_obj *doc = NULL;
    enum err rc = store_plan_get(c->req->st, c->req->params[0], &sp);
    if (rc != ERR_OK) {
        return rc;
    }
    if (json_obj_parse(sp.hasil, &doc) != ERR_OK) {
        rc = ERR_INTERNAL;
    }
    rc = rc == ERR_OK ? web_reply_file(out, write_plan_xlsx, doc, WEB_XLSX_TYPE)
                      : rc;
    json_obj_destroy(doc);
    store_plan_cleanup(&sp);
    return rc;
}

struct sk_job {
    struct store *st;
    const char *plan;
    const char *nip; /* NULL: the whole decree. */
    char why[256];   /* What went wrong, for the answer. */
};

static enum err
write_sk(void *ctx, FILE *f)
{
    struct sk_job *j = ctx;
    return sk_write(j->st, j->plan, j->nip, f, j->why, sizeof(j->why));
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
    struct sk_job job = {c->req->st, c->req->params[0], nip, ""};
    enum err rc = web_reply_file(out, write_sk, &job, "application/pdf");
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
