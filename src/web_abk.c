/* SPDX-License-Identifier: MIT */
/* web_abk: the workload analysis (ABK) and retirements (web layer): the
 * analysis as JSON, ';' CSV and a workbook, optionally after a saved
 * plan's moves, and who retires in the coming years, in the caller's
 * scope (web_scope.c). */
#include "web_abk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abk_rows.h"
#include "analysis.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "mem.h"
#include "model.h"
#include "namebook.h"
#include "planning.h"
#include "store.h"
#include "tree.h"
#include "web_scope.h"
#include "xlsx_export.h"

#define RETIREES_MAX 500 /* Employees a retirement answer lists. */

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
 * '*day' (the default as_of). Plans are for bkpsdm, tpk and ppk only. */
static enum err
abk_plan_get(const struct web_call *c, const char *name, struct saved_plan *sp,
             int32_t *day)
{
    if ((c->role & WEB_HR) == 0) {
        return ERR_DENIED;
    }
    enum err rc = planning_saved_load(c->req->st, name, sp);
    if (rc == ERR_OK &&
        (sp->plan.as_of == NULL ||
         date_parse(sp->plan.as_of, strlen(sp->plan.as_of), day) != ERR_OK)) {
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
    struct saved_plan sp;
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
    rc = rc == ERR_OK ? web_scope_root(c, &unit) : rc;
    rc = rc == ERR_OK ? analysis_load(r->st, day, &a) : rc;
    rc = rc == ERR_OK && plan
             ? planning_apply(r->st, a, &sp, &done.n_applied, &done.skipped)
             : rc;
    rc = rc == ERR_OK ? abk_doc(a, unit, by, plan ? &done : NULL, &doc) : rc;
    analysis_destroy(a);
    planning_saved_cleanup(&sp);
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
    struct namebook *nb = NULL;
    enum err rc = abk_args(c->req, &day, &by, out);
    rc = rc == ERR_OK ? web_scope_root(c, &unit) : rc;
    rc = rc == ERR_OK ? analysis_load(c->req->st, day, &a) : rc;
    rc = rc == ERR_OK ? namebook_load(c->req->st, &nb) : rc;
    long root = rc == ERR_OK && unit ? tree_find(analysis_tree(a), unit) : -1;
    if (rc == ERR_OK && unit != NULL && root < 0) {
        rc = ERR_NOTFOUND;
    }
    if (rc == ERR_OK) {
        buf_reset(&out->body);
        rc = abk_rows_csv(a, by, root, nb, &out->body);
        out->content_type = "text/csv; charset=utf-8";
        out->status = 200;
    }
    namebook_destroy(nb);
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
            struct json_obj *o = json_obj_create();
            analysis_retiree_json(r, false, o);
            json_obj_push(doc, "pegawai", o);
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

/* Who retires in the next 'years' calendar years (from today to the end
 * of the year 'years' - 1 after this one, so that the chart shows
 * exactly 'years' bars: the rest of this year and the next ones), by the
 * rule of 'mutasi retirements', within the caller's scope: a count per
 * calendar year, per OPD, and the first RETIREES_MAX employees. */
enum err
web_api_retirements(const struct web_call *c, struct web_resp *out)
{
    long years = 5;
    const char *unit = NULL;
    struct analysis *a = NULL;
    struct analysis_retirees rs = {NULL, 0, 0};
    enum err rc = years_of(c->req, &years, out);
    rc = rc == ERR_OK ? web_scope_root(c, &unit) : rc;
    int32_t from = date_today();
    int y0 = 0;
    int m0 = 0;
    int d0 = 0;
    date_to_ymd(from, &y0, &m0, &d0);
    int32_t to = date_from_ymd(y0 + (int)years - 1, 12, 31);
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
