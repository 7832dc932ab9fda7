/* SPDX-License-Identifier: MIT */
/* cli_projection: 'mutasi projection' shows staff, permanent need and
 * retirements year by year (cli layer; contract section 4), over
 * analysed pairs only, per unit or OPD group. */
#include "cli_projection.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "buf.h"
#include "cli_abk.h"
#include "cli_util.h"
#include "csv.h"
#include "date.h"
#include "diag.h"
#include "json.h"
#include "mem.h"
#include "store.h"
#include "tree.h"

#define MAX_YEARS 50

struct proj_args {
    int years;
    int32_t day;
    bool by_opd;
    enum cli_format format;
};

/* Per group: staff in post, permanent need, retirements per year. */
struct group {
    bool analysed;
    long h;
    long need;
    long retire[MAX_YEARS];
};

static size_t
group_of(const struct analysis *a, const struct proj_args *p, size_t unit)
{
    return p->by_opd ? tree_opd(analysis_tree(a), unit) : unit;
}

static void
tally(const struct analysis *a, const struct proj_args *p, struct group *g)
{
    int y0 = 0;
    int y = 0;
    int m = 0;
    int d = 0;
    date_to_ymd(p->day, &y0, &m, &d);
    for (size_t i = 0; i < analysis_count(a); i++) {
        const struct analysis_pair *q = analysis_pair_at(a, i);
        if (q->r.analysed) {
            struct group *x = &g[group_of(a, p, q->unit)];
            x->analysed = true;
            x->h += q->r.h;
            x->need += (long)q->r.bulat_perm;
        }
    }
    for (size_t i = 0; i < analysis_n_staff(a); i++) {
        size_t pair = 0;
        int32_t tmt = 0;
        analysis_staff_at(a, i, &pair, &tmt);
        const struct analysis_pair *q = analysis_pair_at(a, pair);
        date_to_ymd(tmt, &y, &m, &d);
        if (q->r.analysed && tmt > p->day && y - y0 < p->years) {
            g[group_of(a, p, q->unit)].retire[y - y0]++;
        }
    }
}

static enum err
put_row(struct buf *b, enum cli_format f, const char *unit, const long v[5],
        bool first)
{
    static const char *const keys[] = {"tahun", "bezetting", "kebutuhan_bulat",
                                       "pensiun", "selisih"};
    char text[5][24];
    const char *fields[6] = {unit};
    for (int i = 0; i < 5; i++) {
        snprintf(text[i], sizeof(text[i]), "%ld", v[i]);
        fields[i + 1] = text[i];
    }
    if (f == CLI_CSV) {
        return csv_format_row(b, fields, 6);
    }
    if (f == CLI_TABLE) {
        return buf_addf(b, "%-24s %5ld %9ld %9ld %7ld %7ld\n", unit, v[0], v[1],
                        v[2], v[3], v[4]);
    }
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "unit", unit);
    for (int i = 0; i < 5; i++) {
        json_obj_set_int(o, keys[i], v[i]);
    }
    enum err rc = buf_adds(b, first ? "\n" : ",\n");
    rc = rc == ERR_OK ? json_obj_format(o, b) : rc;
    json_obj_destroy(o);
    return rc;
}

static enum err
print_group(struct buf *b, const struct proj_args *p, const char *unit,
            const struct group *g, bool *first)
{
    int y0 = 0;
    int m = 0;
    int d = 0;
    long h = g->h;
    enum err rc = ERR_OK;
    date_to_ymd(p->day, &y0, &m, &d);
    for (int k = 0; k < p->years && rc == ERR_OK; k++) {
        h -= g->retire[k];
        const long v[5] = {y0 + k, h, g->need, g->retire[k], h - g->need};
        rc = put_row(b, p->format, unit, v, *first);
        *first = false;
    }
    return rc;
}

static enum err
print(const struct analysis *a, const struct proj_args *p,
      const struct group *g)
{
    static const char *const head[] = {
        "unit", "tahun", "bezetting", "kebutuhan_bulat", "pensiun", "selisih"};
    const struct tree *t = analysis_tree(a);
    size_t n = tree_count(t);
    size_t *order = xcalloc(n + 1, sizeof(*order));
    struct buf b;
    bool first = true;
    enum err rc = ERR_OK;
    buf_init(&b, 0);
    tree_order_by_code(t, order);
    rc = p->format == CLI_JSON ? buf_adds(&b, "{\"rows\": [")
         : p->format == CLI_CSV
             ? csv_format_row(&b, head, 6)
             : buf_addf(&b, "%-24s %5s %9s %9s %7s %7s\n", "Unit", "Tahun",
                        "Bezetting", "Kebutuhan", "Pensiun", "Selisih");
    for (size_t i = 0; i < n && rc == ERR_OK; i++) {
        if (g[order[i]].analysed) {
            rc = print_group(&b, p, tree_unit(t, order[i])->kode, &g[order[i]],
                             &first);
        }
    }
    if (rc == ERR_OK && p->format == CLI_JSON) {
        rc = buf_adds(&b, first ? "]}\n" : "\n]}\n");
    }
    if (rc == ERR_OK && fwrite(b.data, 1, b.len, stdout) != b.len) {
        rc = ERR_IO;
    }
    buf_cleanup(&b);
    free(order);
    return rc;
}

static int
parse_args(int argc, char **argv, struct proj_args *a)
{
    static const struct option opts[] = {
        {"years", required_argument, NULL, 'y'},
        {"as-of", required_argument, NULL, 'd'},
        {"by", required_argument, NULL, 'b'},
        {"format", required_argument, NULL, 'f'},
        {NULL, 0, NULL, 0}};
    long years = 5;
    int ch = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        bool ok = false;
        if (ch == 'y') {
            if (cli_parse_long("projection", "--years", optarg, 1, MAX_YEARS,
                               &years) != ERR_OK) {
                return 64;
            }
            ok = true;
        } else if (ch == 'd') {
            ok = date_parse(optarg, strlen(optarg), &a->day) == ERR_OK;
        } else if (ch == 'b') {
            ok = strcmp(optarg, "unit") == 0 || strcmp(optarg, "opd") == 0;
            a->by_opd = strcmp(optarg, "opd") == 0;
        } else if (ch == 'f') {
            ok = cli_parse_format(optarg, &a->format);
        }
        if (!ok) {
            return cli_usage("projection",
                             L_("opsi atau nilai tidak sah: '%s'",
                                "invalid option or value: '%s'"),
                             argv[optind - 1]);
        }
    }
    a->years = (int)years;
    if (optind != argc) {
        return cli_usage("projection", "%s",
                         L_("argumen berlebih", "unexpected arguments"));
    }
    return 0;
}

int
cli_projection_run(const struct cli *c, int argc, char **argv)
{
    struct proj_args p = {5, date_today(), false, CLI_TABLE};
    struct store *st = NULL;
    struct analysis *a = NULL;
    struct group *g = NULL;
    int code = parse_args(argc, argv, &p);
    if (code != 0) {
        return code;
    }
    enum err rc = cli_store_open(c, false, &st);
    rc = rc == ERR_OK ? analysis_load(st, p.day, &a) : rc;
    if (rc == ERR_OK) {
        g = xcalloc(tree_count(analysis_tree(a)) + 1, sizeof(*g));
        tally(a, &p, g);
        rc = print(a, &p, g);
    }
    if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    }
    free(g);
    analysis_destroy(a);
    store_close(st);
    return cli_exit(rc);
}
