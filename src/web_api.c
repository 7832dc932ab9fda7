/* SPDX-License-Identifier: MIT */
/* web_api: the API's handlers (web layer). Scope is asked of
 * web_scope.c; data come from the store; bodies are JSON. */
#include "web_api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abk_rows.h"
#include "analysis.h"
#include "auth.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "mem.h"
#include "model.h"
#include "rec.h"
#include "store.h"
#include "tree.h"
#include "web_scope.h"
#include "xlsx_export.h"

#define PER_PAGE       50
#define UNIT_MOVES_MAX 200 /* Moves a unit's page shows. */
#define RETIREES_MAX   500 /* Employees a retirement answer lists. */
#define LOGIN_WINDOW \
    ((int64_t)15 * 60) /* Seconds a failed login is remembered. */
#define LOGIN_MAKS_DEF 5

static struct json_obj *
who_json(const struct auth_who *w)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "login", w->login);
    json_obj_set_str(o, "role", w->role);
    json_obj_set_str(o, "nip", w->nip[0] ? w->nip : NULL);
    json_obj_set_str(o, "unit", w->unit[0] ? w->unit : NULL);
    json_obj_set_str(o, "csrf_token", w->csrf);
    return o;
}

static int
login_limit(struct store *st)
{
    char *v = NULL;
    long n = LOGIN_MAKS_DEF;
    if (store_setting_get(st, "login_maks", &v) == ERR_OK) {
        n = strtol(v, NULL, 10);
    }
    free(v);
    return n > 0 ? (int)n : LOGIN_MAKS_DEF;
}

static void
set_cookie(const struct web_call *c, struct web_resp *out, const char *token,
           bool clear)
{
    snprintf(out->set_cookie, sizeof(out->set_cookie),
             "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s", WEB_COOKIE_NAME,
             clear ? "" : token, clear ? "; Max-Age=0" : "",
             web_secure_cookie(c->req->web) ? "; Secure" : "");
}

enum err
web_api_login(const struct web_call *c, struct web_resp *out)
{
    const struct web_req *r = c->req;
    struct json_obj *in = NULL;
    char login[65];
    char password[AUTH_PW_MAX + 2];
    if (json_obj_parse(r->body, &in) != ERR_OK ||
        !json_obj_text(in, "login", login, sizeof(login)) ||
        !json_obj_text(in, "password", password, sizeof(password)) ||
        login[0] == '\0') {
        json_obj_destroy(in);
        web_message(out, "Kirim {\"login\", \"password\"} sebagai JSON.");
        return ERR_USAGE;
    }
    json_obj_destroy(in);
    char by_login[80];
    char by_addr[80];
    snprintf(by_login, sizeof(by_login), "l:%s", login);
    snprintf(by_addr, sizeof(by_addr), "a:%s", r->client);
    int limit = login_limit(r->st);
    /* An address may try a few accounts; an account a few passwords. */
    if (web_throttled(r, by_login, limit, LOGIN_WINDOW) ||
        web_throttled(r, by_addr, 4 * limit, LOGIN_WINDOW)) {
        return ERR_THROTTLED;
    }
    char token[AUTH_TOKEN_LEN + 1];
    struct auth_who who;
    enum err rc = auth_login(r->st, login, password, r->now, token, &who);
    if (rc == ERR_NOTFOUND) {
        web_throttle_note(r, by_login, true);
        web_throttle_note(r, by_addr, true);
        web_message(out, "Login atau kata sandi salah.");
        return ERR_AUTH;
    }
    if (rc != ERR_OK) {
        return rc;
    }
    web_throttle_note(r, by_login, false);
    set_cookie(c, out, token, false);
    return web_reply(out, who_json(&who));
}

enum err
web_api_logout(const struct web_call *c, struct web_resp *out)
{
    enum err rc = auth_logout(c->req->st, c->who);
    if (rc != ERR_OK) {
        return rc;
    }
    set_cookie(c, out, "", true);
    struct json_obj *o = json_obj_create();
    json_obj_set_bool(o, "ok", true);
    return web_reply(out, o);
}

enum err
web_api_me(const struct web_call *c, struct web_resp *out)
{
    return web_reply(out, who_json(c->who));
}

static enum err
unit_row(void *ctx, const struct unit *u)
{
    struct json_obj *o = json_obj_create();
    rec_unit_json(u, o);
    json_obj_push(ctx, "rows", o);
    return ERR_OK;
}

/* The unit tree is the city's public structure: every staff role reads
 * it (a pegawai chooses destinations from it). */
enum err
web_api_units(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc = store_unit_each(c->req->st, unit_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}

static enum err
unit_move_row(void *ctx, const struct store_unit_move *m)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "nip", m->nip);
    json_obj_set_str(o, "nama", m->nama);
    json_obj_set_str(o, "tmt", m->tmt);
    json_obj_set_str(o, "dari", m->dari);
    json_obj_set_str(o, "dari_nama", m->dari_nama);
    json_obj_set_str(o, "ke", m->ke);
    json_obj_set_str(o, "ke_nama", m->ke_nama);
    json_obj_set_str(o, "jabatan", m->jabatan);
    json_obj_push(ctx, "riwayat", o);
    return ERR_OK;
}

/* A unit, and its last moves in and out ("riwayat") for callers who may
 * see its staff: the moves name employees. */
enum err
web_api_unit(const struct web_call *c, struct web_resp *out)
{
    struct unit u;
    const char *kode = c->req->params[0];
    enum err rc = store_unit_get(c->req->st, kode, &u);
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *o = json_obj_create();
    rec_unit_json(&u, o);
    rc = web_scope_unit(c, kode);
    if (rc == ERR_OK) {
        json_obj_set_empty_array(o, "riwayat");
        rc = store_unit_moves_each(c->req->st, kode, UNIT_MOVES_MAX,
                                   unit_move_row, o);
    }
    rc = rc == ERR_NOTFOUND ? ERR_OK : rc;
    if (rc != ERR_OK) {
        json_obj_destroy(o);
        return rc;
    }
    return web_reply(out, o);
}

static enum err
employee_row(void *ctx, const struct pegawai *p)
{
    struct json_obj *o = json_obj_create();
    rec_pegawai_json(p, o);
    json_obj_push(ctx, "rows", o);
    return ERR_OK;
}

/* The page number of the query (1 when absent); ERR_USAGE when bad. */
static enum err
page_of(const struct web_req *r, long *out)
{
    const char *v = web_query(r, "page");
    char *end = NULL;
    long page = v ? strtol(v, &end, 10) : 1;
    if (v != NULL && (*v < '1' || *v > '9' || *end != '\0' || page > 1000000)) {
        return ERR_USAGE;
    }
    *out = page;
    return ERR_OK;
}

/* The subtree a caller lists: a unit asked for must be in scope; a head
 * of unit sees their own subtree by default. */
static enum err
list_root(const struct web_call *c, const char **root)
{
    const char *unit = web_query(c->req, "unit");
    if (unit != NULL && unit[0] != '\0') {
        *root = unit;
        return web_scope_unit(c, unit);
    }
    *root = c->role == WEB_KEPALA ? c->who->unit : NULL;
    return ERR_OK;
}

enum err
web_api_employees(const struct web_call *c, struct web_resp *out)
{
    const struct web_req *r = c->req;
    long page = 1;
    long total = 0;
    enum err rc = page_of(r, &page);
    if (rc != ERR_OK) {
        web_message(out, "Nomor halaman tidak sah.");
        return rc;
    }
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    if (c->role == WEB_PEGAWAI) {
        /* A pegawai's list is themselves. */
        struct pegawai p;
        rc = store_pegawai_get(r->st, c->who->nip, &p);
        if (rc == ERR_OK) {
            rc = employee_row(doc, &p);
            total = 1;
        }
        rc = rc == ERR_NOTFOUND ? ERR_OK : rc;
    } else {
        const char *root = NULL;
        rc = list_root(c, &root);
        const char *q = web_query(r, "q");
        struct store_pegawai_query pq = {root, q && q[0] ? q : NULL, PER_PAGE,
                                         (page - 1) * PER_PAGE};
        rc = rc == ERR_OK
                 ? store_pegawai_page(r->st, &pq, employee_row, doc, &total)
                 : rc;
    }
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    json_obj_set_int(doc, "page", page);
    json_obj_set_int(doc, "per_page", PER_PAGE);
    json_obj_set_int(doc, "total", total);
    return web_reply(out, doc);
}

static enum err
riwayat_row(void *ctx, const struct store_riwayat *h)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "unit", h->unit);
    json_obj_set_str(o, "unit_nama", h->unit_nama);
    json_obj_set_str(o, "jabatan", h->jabatan);
    json_obj_set_str(o, "jabatan_nama", h->jabatan_nama);
    json_obj_set_str(o, "tmt", h->tmt);
    json_obj_set_str(o, "sumber", h->sumber);
    json_obj_push(ctx, "riwayat", o);
    return ERR_OK;
}

/* The names of employee 'p''s unit and position and their history, into
 * 'o'. The codes are copied first: each lookup ends the life of the
 * strings of the one before. */
static enum err
employee_more(struct store *st, const struct pegawai *p, struct json_obj *o)
{
    char nip[32];
    char unit[MODEL_CODE_MAX + 1];
    char jab[MODEL_CODE_MAX + 1];
    struct unit u;
    struct jabatan j;
    snprintf(nip, sizeof(nip), "%s", p->nip);
    snprintf(unit, sizeof(unit), "%s", p->unit);
    snprintf(jab, sizeof(jab), "%s", p->jabatan);
    enum err rc = store_unit_get(st, unit, &u);
    json_obj_set_str(o, "unit_nama", rc == ERR_OK ? u.nama : NULL);
    rc = rc == ERR_NOTFOUND ? ERR_OK : rc;
    enum err rj = rc == ERR_OK ? store_jabatan_get(st, jab, &j) : rc;
    json_obj_set_str(o, "jabatan_nama", rj == ERR_OK ? j.nama : NULL);
    rc = rj == ERR_NOTFOUND ? ERR_OK : rj;
    json_obj_set_empty_array(o, "riwayat");
    return rc == ERR_OK ? store_riwayat_each(st, nip, riwayat_row, o) : rc;
}

enum err
web_api_employee(const struct web_call *c, struct web_resp *out)
{
    struct pegawai p;
    enum err rc = store_pegawai_get(c->req->st, c->req->params[0], &p);
    rc = rc == ERR_OK ? web_scope_employee(c, p.nip, p.unit) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *o = json_obj_create();
    rec_pegawai_json(&p, o);
    rc = employee_more(c->req->st, &p, o);
    if (rc != ERR_OK) {
        json_obj_destroy(o);
        return rc;
    }
    return web_reply(out, o);
}

/* A stored JSON text as a value: the object when it parses, else the
 * text (the log keeps whatever was written). */
static void
set_json_text(struct json_obj *o, const char *key, const char *text)
{
    struct json_obj *v = NULL;
    if (text != NULL && json_obj_parse(text, &v) == ERR_OK) {
        json_obj_set_obj(o, key, v);
    } else {
        json_obj_set_str(o, key, text);
    }
}

static enum err
audit_row(void *ctx, const struct store_audit *a, const char *at)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "at", at);
    json_obj_set_str(o, "actor", a->actor);
    json_obj_set_str(o, "entity", a->entity);
    json_obj_set_str(o, "entity_id", a->entity_id);
    json_obj_set_str(o, "action", a->action);
    set_json_text(o, "before", a->before);
    set_json_text(o, "after", a->after);
    json_obj_push(ctx, "rows", o);
    return ERR_OK;
}

enum err
web_api_audit(const struct web_call *c, struct web_resp *out)
{
    const char *entity = web_query(c->req, "entity");
    const char *id = web_query(c->req, "id");
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc =
        store_audit_each(c->req->st, entity, id, 10000, audit_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}

static bool
parse_by(const char *v, enum abk_by *out)
{
    static const char *const words[] = {"jabatan", "unit", "opd"};
    for (int i = 0; i < 3; i++) {
        if (v != NULL && strcmp(v, words[i]) == 0) {
            *out = (enum abk_by)i;
            return true;
        }
    }
    return v == NULL;
}

/* The saved plan 'name' for /api/abk?plan= into '*sp', and its date into
 * '*day' (the default as_of). Plans are for bkpsdm and pimpinan only. */
static enum err
abk_plan_get(const struct web_call *c, const char *name, struct store_plan *sp,
             int32_t *day)
{
    if ((c->role & (WEB_BKPSDM | WEB_PIMPINAN)) == 0) {
        return ERR_DENIED;
    }
    enum err rc = store_plan_get(c->req->st, name, sp);
    if (rc == ERR_OK &&
        (sp->as_of == NULL ||
         date_parse(sp->as_of, strlen(sp->as_of), day) != ERR_OK)) {
        rc = ERR_INTERNAL; /* The planner always writes its date. */
    }
    return rc;
}

/* What applying a plan's moves did, for the answer. */
struct plan_applied {
    const char *name;
    long n_applied;
    struct buf skipped; /* NIPs, ';'-separated. */
};

/* Apply move 'i' of plan document 'doc' to 'a'; a move whose employee is
 * no longer in post where the plan found them is skipped. */
static enum err
apply_move(struct store *st, struct analysis *a, const struct json_obj *doc,
           size_t i, struct plan_applied *out)
{
    char t[5][80];
    static const char *const keys[] = {"nip", "unit_asal", "jabatan_asal",
                                       "unit_tujuan", "jabatan_tujuan"};
    struct json_obj *m = json_obj_item(doc, "moves", i);
    for (int k = 0; k < 5; k++) {
        json_obj_text(m, keys[k], t[k], sizeof(t[k]));
    }
    json_obj_destroy(m);
    struct pegawai p;
    enum err rc = store_pegawai_get(st, t[0], &p);
    struct analysis_move mv = {t[0], t[1], t[2], t[3], t[4], 0};
    mv.status = rc == ERR_OK ? (int)p.status : 0;
    rc = rc == ERR_OK ? analysis_move_staff(a, &mv) : rc;
    if (rc == ERR_NOTFOUND) {
        return buf_addf(&out->skipped, "%s%s", out->skipped.len ? ";" : "",
                        t[0]);
    }
    out->n_applied += rc == ERR_OK;
    return rc;
}

/* Apply every move of saved plan 'sp' to 'a'. */
static enum err
apply_plan(struct store *st, struct analysis *a, const struct store_plan *sp,
           struct plan_applied *out)
{
    struct json_obj *doc = NULL;
    if (json_obj_parse(sp->hasil ? sp->hasil : "", &doc) != ERR_OK) {
        return ERR_INTERNAL;
    }
    enum err rc = ERR_OK;
    for (size_t i = 0; i < json_obj_len(doc, "moves") && rc == ERR_OK; i++) {
        rc = apply_move(st, a, doc, i, out);
    }
    json_obj_destroy(doc);
    return rc;
}

/* The as_of and by of /api/abk into '*day' (kept when absent) and '*by'. */
static enum err
abk_args(const struct web_req *r, int32_t *day, enum abk_by *by,
         struct web_resp *out)
{
    const char *day_text = web_query(r, "as_of");
    if ((day_text != NULL &&
         date_parse(day_text, strlen(day_text), day) != ERR_OK) ||
        !parse_by(web_query(r, "by"), by)) {
        web_message(out, "as_of harus YYYY-MM-DD dan by salah satu dari "
                         "jabatan, unit, opd.");
        return ERR_USAGE;
    }
    return ERR_OK;
}

/* The analysis document of 'a' for the caller's subtree 'unit' (all when
 * NULL) into '*out'; with 'plan', what applying it did. */
static enum err
abk_doc(const struct analysis *a, const char *unit, enum abk_by by,
        const struct plan_applied *plan, struct json_obj **out)
{
    long root = -1;
    if (unit != NULL) {
        root = tree_find(analysis_tree(a), unit);
    }
    if (unit != NULL && root < 0) {
        return ERR_NOTFOUND;
    }
    enum err rc = abk_rows_doc(a, analysis_day(a), by, root, out);
    if (rc == ERR_OK && plan != NULL) {
        json_obj_set_str(*out, "plan", plan->name);
        json_obj_set_int(*out, "moves_applied", plan->n_applied);
        json_obj_set_list(*out, "moves_skipped",
                          plan->skipped.len ? buf_str(&plan->skipped) : NULL);
    }
    return rc;
}

/* The workload analysis (contract section 4) as of 'as_of' (default
 * today), by jabatan, unit or OPD, within the caller's scope; with
 * ?plan=NAME, as if every move of that saved plan had happened (as_of
 * then defaults to the plan's date). */
enum err
web_api_abk(const struct web_call *c, struct web_resp *out)
{
    const struct web_req *r = c->req;
    const char *plan = web_query(r, "plan");
    struct store_plan sp;
    struct plan_applied done;
    int32_t day = date_today();
    enum abk_by by = ABK_BY_JABATAN;
    const char *unit = NULL;
    struct analysis *a = NULL;
    struct json_obj *doc = NULL;
    memset(&sp, 0, sizeof(sp));
    memset(&done, 0, sizeof(done));
    done.name = plan;
    buf_init(&done.skipped, 0);
    enum err rc = plan ? abk_plan_get(c, plan, &sp, &day) : ERR_OK;
    rc = rc == ERR_OK ? abk_args(r, &day, &by, out) : rc;
    rc = rc == ERR_OK ? list_root(c, &unit) : rc;
    rc = rc == ERR_OK ? analysis_load(r->st, day, &a) : rc;
    rc = rc == ERR_OK && plan ? apply_plan(r->st, a, &sp, &done) : rc;
    rc = rc == ERR_OK ? abk_doc(a, unit, by, plan ? &done : NULL, &doc) : rc;
    analysis_destroy(a);
    store_plan_cleanup(&sp);
    buf_cleanup(&done.skipped);
    return rc == ERR_OK ? web_reply(out, doc) : rc;
}

/* GET /api/abk/export.csv?by=&unit=&as_of=: the rows of /api/abk for a
 * spreadsheet set to Indonesian (';', decimal comma), in the caller's
 * scope. */
enum err
web_api_abk_csv(const struct web_call *c, struct web_resp *out)
{
    int32_t day = date_today();
    enum abk_by by = ABK_BY_JABATAN;
    const char *unit = NULL;
    struct analysis *a = NULL;
    enum err rc = abk_args(c->req, &day, &by, out);
    rc = rc == ERR_OK ? list_root(c, &unit) : rc;
    rc = rc == ERR_OK ? analysis_load(c->req->st, day, &a) : rc;
    long root = rc == ERR_OK && unit ? tree_find(analysis_tree(a), unit) : -1;
    if (rc == ERR_OK && unit != NULL && root < 0) {
        rc = ERR_NOTFOUND;
    }
    if (rc == ERR_OK) {
        buf_reset(&out->body);
        rc = abk_rows_csv(a, by, root, &out->body);
        out->content_type = "text/csv; charset=utf-8";
        out->status = 200;
    }
    analysis_destroy(a);
    return rc;
}

struct abk_xlsx {
    struct store *st;
    int32_t day;
};

static enum err
write_abk_xlsx(void *ctx, FILE *f)
{
    const struct abk_xlsx *x = ctx;
    return xlsx_export_abk(x->st, x->day, f);
}

/* GET /api/abk/export.xlsx?as_of=: the whole government's ABK by jabatan
 * with the PNS/PPPK/CPNS split, as 'mutasi export abk --format xlsx'. */
enum err
web_api_abk_xlsx(const struct web_call *c, struct web_resp *out)
{
    struct abk_xlsx x = {c->req->st, date_today()};
    enum abk_by by = ABK_BY_JABATAN;
    enum err rc = abk_args(c->req, &x.day, &by, out);
    return rc == ERR_OK ? web_reply_file(out, write_abk_xlsx, &x, WEB_XLSX_TYPE)
                        : rc;
}

static enum err
write_pegawai_xlsx(void *ctx, FILE *f)
{
    return xlsx_export_pegawai(ctx, f);
}

/* GET /api/employees/export.xlsx: the nominative list of every employee,
 * as 'mutasi export pegawai --format xlsx'. */
enum err
web_api_employees_xlsx(const struct web_call *c, struct web_resp *out)
{
    return web_reply_file(out, write_pegawai_xlsx, c->req->st, WEB_XLSX_TYPE);
}

static enum err
jabatan_row(void *ctx, const struct jabatan *j)
{
    struct json_obj *o = json_obj_create();
    rec_jabatan_json(j, o);
    json_obj_push(ctx, "rows", o);
    return ERR_OK;
}

/* The positions, like the unit tree, are public structure. */
enum err
web_api_jabatan(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc = store_jabatan_each(c->req->st, jabatan_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}

/* ?years= of /api/retirements into '*out' (5 when absent): ERR_USAGE
 * when not a whole number, ERR_INVAL outside 1..40. */
static enum err
years_of(const struct web_req *r, long *out, struct web_resp *resp)
{
    const char *v = web_query(r, "years");
    char *end = NULL;
    long years = v ? strtol(v, &end, 10) : 5;
    if (v != NULL && (*v < '0' || *v > '9' || *end != '\0')) {
        web_message(resp, "years harus bilangan bulat 1 sampai 40.");
        return ERR_USAGE;
    }
    if (years < 1 || years > 40) {
        web_message(resp, "years harus 1 sampai 40.");
        return ERR_INVAL;
    }
    *out = years;
    return ERR_OK;
}

/* The unit directly under the root of 'u''s tree (a root is its own). */
static size_t
opd_under_root(const struct tree *t, size_t u)
{
    long up = tree_parent(t, u);
    while (up >= 0 && tree_parent(t, (size_t)up) >= 0) {
        u = (size_t)up;
        up = tree_parent(t, u);
    }
    return u;
}

/* The retirees of a period within a subtree, counted. */
struct retire_count {
    const struct analysis *a;
    long root;      /* Subtree; -1 for all. */
    int first_year; /* Of the period's start. */
    long *by_year;  /* From 'first_year' on. */
    long *by_opd;   /* By unit index (opd_under_root()). */
    long total;
};

static void
retiree_json(const struct analysis_retiree *r, struct json_obj *doc)
{
    char tmt[DATE_STR_LEN];
    struct json_obj *o = json_obj_create();
    date_format(r->tmt_pensiun, tmt);
    json_obj_set_str(o, "nip", r->nip);
    json_obj_set_str(o, "nama", r->nama);
    json_obj_set_str(o, "unit", r->unit);
    json_obj_set_str(o, "jabatan", r->jabatan);
    json_obj_set_str(o, "tmt_pensiun", tmt);
    json_obj_push(doc, "pegawai", o);
}

/* Count the retirees of 'rs' in 'n''s subtree and list the first
 * RETIREES_MAX of them (they come by TMT pensiun, then NIP) in 'doc'. */
static void
count_retirees(const struct analysis_retirees *rs, struct retire_count *n,
               struct json_obj *doc)
{
    const struct tree *t = analysis_tree(n->a);
    for (size_t i = 0; i < rs->n; i++) {
        const struct analysis_retiree *r = &rs->rows[i];
        long u = tree_find(t, r->unit);
        if (u < 0 || (n->root >= 0 &&
                      !analysis_in_subtree(n->a, (size_t)u, (size_t)n->root))) {
            continue;
        }
        int y = 0;
        int m = 0;
        int d = 0;
        date_to_ymd(r->tmt_pensiun, &y, &m, &d);
        n->by_year[y - n->first_year]++;
        n->by_opd[opd_under_root(t, (size_t)u)]++;
        if (n->total++ < RETIREES_MAX) {
            retiree_json(r, doc);
        }
    }
}

/* The retirement document of 'rs' between 'from' and 'to' into 'doc'. */
static void
retire_doc(const struct analysis_retirees *rs, struct retire_count *n,
           int32_t from, int32_t to, struct json_obj *doc)
{
    const struct tree *t = analysis_tree(n->a);
    char text[DATE_STR_LEN];
    int last = 0;
    int m = 0;
    int d = 0;
    date_format(from, text);
    json_obj_set_str(doc, "from", text);
    date_format(to, text);
    json_obj_set_str(doc, "to", text);
    json_obj_set_empty_array(doc, "rows");
    json_obj_set_empty_array(doc, "by_opd");
    json_obj_set_empty_array(doc, "pegawai");
    count_retirees(rs, n, doc);
    date_to_ymd(to, &last, &m, &d);
    for (int y = n->first_year; y <= last; y++) {
        struct json_obj *o = json_obj_create();
        json_obj_set_int(o, "tahun", y);
        json_obj_set_int(o, "jumlah", n->by_year[y - n->first_year]);
        json_obj_push(doc, "rows", o);
    }
    size_t *order = xcalloc(tree_count(t) + 1, sizeof(*order));
    tree_order_by_code(t, order);
    for (size_t i = 0; i < tree_count(t); i++) {
        if (n->by_opd[order[i]] > 0) {
            struct json_obj *o = json_obj_create();
            json_obj_set_str(o, "unit", tree_unit(t, order[i])->kode);
            json_obj_set_int(o, "jumlah", n->by_opd[order[i]]);
            json_obj_push(doc, "by_opd", o);
        }
    }
    free(order);
    json_obj_set_int(doc, "total", n->total);
}

/* Who retires in the next 'years' years (from today to the day before
 * the same date 'years' later), by the rule of 'mutasi retirements',
 * within the caller's scope: a count per calendar year, per OPD, and the
 * first RETIREES_MAX employees. */
enum err
web_api_retirements(const struct web_call *c, struct web_resp *out)
{
    long years = 5;
    const char *unit = NULL;
    struct analysis *a = NULL;
    struct analysis_retirees rs = {NULL, 0, 0};
    enum err rc = years_of(c->req, &years, out);
    rc = rc == ERR_OK ? list_root(c, &unit) : rc;
    int32_t from = date_today();
    int32_t to = date_add_months(from, (int)years * 12) - 1;
    rc = rc == ERR_OK ? analysis_load(c->req->st, from, &a) : rc;
    struct retire_count n = {a, -1, 0, NULL, NULL, 0};
    if (rc == ERR_OK && unit != NULL) {
        n.root = tree_find(analysis_tree(a), unit);
        rc = n.root < 0 ? ERR_NOTFOUND : ERR_OK;
    }
    rc = rc == ERR_OK ? analysis_retirees_load(a, c->req->st, from, to, &rs)
                      : rc;
    struct json_obj *doc = NULL;
    if (rc == ERR_OK) {
        int m = 0;
        int d = 0;
        date_to_ymd(from, &n.first_year, &m, &d);
        n.by_year = xcalloc((size_t)years + 2, sizeof(long));
        n.by_opd = xcalloc(tree_count(analysis_tree(a)) + 1, sizeof(long));
        doc = json_obj_create();
        retire_doc(&rs, &n, from, to, doc);
    }
    free(n.by_year);
    free(n.by_opd);
    analysis_retirees_cleanup(&rs);
    analysis_destroy(a);
    return rc == ERR_OK ? web_reply(out, doc) : rc;
}

static struct json_obj *
user_json(const struct store_user *u)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "login", u->login);
    json_obj_set_str(o, "role", u->role);
    json_obj_set_str(o, "nip", u->nip);
    json_obj_set_str(o, "unit", u->unit);
    json_obj_set_bool(o, "aktif", u->aktif);
    return o;
}

static enum err
user_row(void *ctx, const struct store_user *u)
{
    json_obj_push(ctx, "rows", user_json(u));
    return ERR_OK;
}

/* The accounts, for the admin (never a password or its hash). */
enum err
web_api_users(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc = store_user_each(c->req->st, user_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}

/* Account 'login' as the answer of a change ('status'). */
static enum err
user_reply(const struct web_call *c, const char *login, int status,
           struct web_resp *out)
{
    struct store_user u;
    enum err rc = store_user_get(c->req->st, login, &u);
    if (rc == ERR_OK) {
        rc = web_reply(out, user_json(&u));
        out->status = status;
    }
    store_user_cleanup(&u);
    return rc;
}

/* A new account from a JSON body. */
struct new_user {
    char login[66];
    char password[AUTH_PW_MAX + 2];
    char role[16];
    char nip[32];
    char unit[MODEL_CODE_MAX + 2];
};

static bool
login_ok(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-' ||
              ch == '@')) {
            return false;
        }
    }
    return n > 0 && n <= 64;
}

static enum err
parse_user(const char *body, struct new_user *n, struct web_resp *out)
{
    struct json_obj *in = NULL;
    bool ok = json_obj_parse(body, &in) == ERR_OK &&
              json_obj_text(in, "login", n->login, sizeof(n->login)) &&
              json_obj_text(in, "password", n->password, sizeof(n->password)) &&
              json_obj_text(in, "role", n->role, sizeof(n->role));
    if (ok) {
        json_obj_text(in, "nip", n->nip, sizeof(n->nip));
        json_obj_text(in, "unit", n->unit, sizeof(n->unit));
    }
    json_obj_destroy(in);
    if (!ok) {
        web_message(out, "Kirim {\"login\", \"password\", \"role\", \"nip\", "
                         "\"unit\"} sebagai JSON.");
        return ERR_USAGE;
    }
    return ERR_OK;
}

/* The links of new account 'n' must exist: an employee behind its NIP,
 * a unit behind its unit code ('*why' says which does not). */
static enum err
check_links(struct store *st, const struct new_user *n, const char **why)
{
    struct pegawai p;
    struct unit u;
    enum err rc = n->nip[0] ? store_pegawai_get(st, n->nip, &p) : ERR_OK;
    if (rc == ERR_NOTFOUND) {
        *why = "nip bukan NIP pegawai yang ada.";
        return ERR_INVAL;
    }
    rc = rc == ERR_OK && n->unit[0] ? store_unit_get(st, n->unit, &u) : rc;
    if (rc == ERR_NOTFOUND) {
        *why = "unit bukan kode unit yang ada.";
        return ERR_INVAL;
    }
    return rc;
}

/* The checks of 'mutasi user add': a known role, existing links; a
 * pegawai needs a NIP, a kepala_unit a unit. */
static enum err
check_user(struct store *st, const struct new_user *n, struct web_resp *out)
{
    const char *why = NULL;
    enum err rc = ERR_INVAL;
    if (!login_ok(n->login)) {
        why = "login 1-64 huruf, angka, '.', '_', '-' atau '@'.";
    } else if (!auth_role_ok(n->role)) {
        why = "role harus pegawai, kepala_unit, bkpsdm, pimpinan atau admin.";
    } else if (strcmp(n->role, "pegawai") == 0 && n->nip[0] == '\0') {
        why = "Akun pegawai memerlukan nip.";
    } else if (strcmp(n->role, "kepala_unit") == 0 && n->unit[0] == '\0') {
        why = "Akun kepala_unit memerlukan unit.";
    } else {
        rc = check_links(st, n, &why);
    }
    if (why != NULL) {
        web_message(out, why);
    }
    return rc;
}

static void
password_message(struct web_resp *out)
{
    char why[96];
    snprintf(why, sizeof(why), "password harus %d sampai %d karakter.",
             AUTH_PW_MIN, AUTH_PW_MAX);
    web_message(out, why);
}

/* POST /api/users: a new account (201), audited with the admin's login. */
enum err
web_api_user_add(const struct web_call *c, struct web_resp *out)
{
    struct new_user n;
    memset(&n, 0, sizeof(n));
    enum err rc = parse_user(c->req->body, &n, out);
    rc = rc == ERR_OK ? check_user(c->req->st, &n, out) : rc;
    struct store_user u = {n.login,
                           NULL,
                           n.role,
                           n.nip[0] ? n.nip : NULL,
                           n.unit[0] ? n.unit : NULL,
                           true,
                           NULL};
    rc = rc == ERR_OK ? auth_user_add(c->req->st, c->who->login, &u, n.password)
                      : rc;
    memset(n.password, 0, sizeof(n.password));
    if (rc == ERR_INVAL && out->body.len == 0) {
        password_message(out); /* The role was checked above. */
    } else if (rc == ERR_EXISTS) {
        web_message(out, "Login sudah dipakai.");
    }
    return rc == ERR_OK ? user_reply(c, n.login, 201, out) : rc;
}

/* POST /api/users/{login} {"action": "disable"|"enable"|"passwd",
 * "password"}: as 'mutasi user'; disabling or a new password ends the
 * account's sessions. */
enum err
web_api_user_change(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *in = NULL;
    char action[16] = "";
    char pw[AUTH_PW_MAX + 2] = "";
    const char *login = c->req->params[0];
    if (json_obj_parse(c->req->body, &in) != ERR_OK ||
        !json_obj_text(in, "action", action, sizeof(action))) {
        json_obj_destroy(in);
        web_message(out, "Kirim {\"action\", \"password\"} sebagai JSON.");
        return ERR_USAGE;
    }
    json_obj_text(in, "password", pw, sizeof(pw));
    json_obj_destroy(in);
    enum err rc = ERR_INVAL;
    if (strcmp(action, "disable") == 0 && strcmp(login, c->who->login) == 0) {
        /* The last administrator would lock everyone out (review of
         * 2026-12-01); another account, or the shell, may do it. */
        web_message(out, "Akun sendiri tidak dapat dinonaktifkan.");
        rc = ERR_CONFLICT;
    } else if (strcmp(action, "disable") == 0 ||
               strcmp(action, "enable") == 0) {
        rc = auth_user_set_active(c->req->st, c->who->login, login,
                                  action[0] == 'e');
    } else if (strcmp(action, "passwd") == 0) {
        rc = auth_user_passwd(c->req->st, c->who->login, login, pw);
        if (rc == ERR_INVAL) {
            password_message(out);
        }
    } else {
        web_message(out, "action harus disable, enable atau passwd.");
    }
    memset(pw, 0, sizeof(pw));
    return rc == ERR_OK ? user_reply(c, login, 200, out) : rc;
}
