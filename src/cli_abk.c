/* SPDX-License-Identifier: MIT */
/* cli_abk: 'mutasi abk' prints the workload analysis by jabatan, unit or
 * OPD as a table, CSV or JSON (cli layer; contract section 4). */
#include "cli_abk.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "buf.h"
#include "cli.h"
#include "csv.h"
#include "date.h"
#include "diag.h"
#include "json.h"
#include "mem.h"
#include "num.h"
#include "store.h"
#include "tree.h"

enum by { BY_JABATAN, BY_UNIT, BY_OPD };

/* One printed row: a pair (with 'jabatan') or a group (without). */
struct row {
    const char *unit;
    const char *jabatan;
    struct abk_result r;
};

struct printer {
    const struct settings *s;
    enum cli_format format;
    FILE *f;
    int32_t day;
    long n;
    struct buf line;
};

static const char *const columns[] = {"unit",
                                      "jabatan",
                                      "beban_menit",
                                      "kebutuhan",
                                      "kebutuhan_bulat",
                                      "bezetting",
                                      "bezetting_pns",
                                      "bezetting_pppk",
                                      "bezetting_cpns",
                                      "selisih",
                                      "ej",
                                      "pj",
                                      "sementara"};
#define N_COLUMNS ((int)(sizeof(columns) / sizeof(columns[0])))

/* Text of each column of 'w' (NULL where the value does not apply), into
 * 'text' (N_COLUMNS x 32 bytes). 'fixed' writes three decimals. */
static void
row_texts(const struct printer *p, const struct row *w,
          const char *out[N_COLUMNS], char text[][32], bool fixed)
{
    const struct abk_result *r = &w->r;
    int64_t ej = abk_ej_milli(p->s, r);
    char pj = abk_pj(p->s, r);
    for (int i = 0; i < N_COLUMNS; i++) {
        out[i] = NULL;
    }
    out[0] = w->unit;
    out[1] = w->jabatan;
    snprintf(text[5], 32, "%ld", r->h);
    out[5] = text[5];
    if (!r->analysed) {
        return;
    }
    int64_t milli[] = {r->beban_milli, abk_milli(p->s, r->need_num)};
    for (int i = 0; i < 2; i++) {
        if (milli[i] >= 0) {
            if (fixed) {
                snprintf(text[2 + i], 32, "%lld.%03lld",
                         (long long)(milli[i] / 1000),
                         (long long)(milli[i] % 1000));
            } else {
                num_format_fixed(milli[i], 3, text[2 + i], 32);
            }
            out[2 + i] = text[2 + i];
        }
    }
    const long counts[] = {(long)r->bulat,
                           r->h,
                           r->h_pns,
                           r->h_pppk,
                           r->h_cpns,
                           r->h - (long)r->bulat,
                           0,
                           0,
                           (long)(r->bulat - r->bulat_perm)};
    for (int i = 4; i < N_COLUMNS; i++) {
        if (i != 10 && i != 11) {
            snprintf(text[i], 32, "%ld", counts[i - 4]);
            out[i] = text[i];
        }
    }
    if (ej >= 0) {
        if (fixed) {
            snprintf(text[10], 32, "%lld.%03lld", (long long)(ej / 1000),
                     (long long)(ej % 1000));
        } else {
            num_format_fixed(ej, 3, text[10], 32);
        }
        out[10] = text[10];
        text[11][0] = pj;
        text[11][1] = '\0';
        out[11] = text[11];
    }
}

static void
json_row(const struct printer *p, const struct row *w, struct json_obj *o)
{
    const char *t[N_COLUMNS];
    char text[N_COLUMNS][32];
    row_texts(p, w, t, text, false);
    const struct abk_result *r = &w->r;
    json_obj_set_str(o, "unit", w->unit);
    if (w->jabatan != NULL) {
        json_obj_set_str(o, "jabatan", w->jabatan);
    }
    int64_t fixed[] = {r->beban_milli, abk_milli(p->s, r->need_num)};
    for (int i = 2; i < N_COLUMNS; i++) {
        if (t[i] == NULL) {
            json_obj_set_null(o, columns[i]);
        } else if (i == 11) {
            json_obj_set_str(o, columns[i], t[i]);
        } else if (i < 4) {
            json_obj_set_fixed(o, columns[i], fixed[i - 2], 3);
        } else if (i == 10) {
            json_obj_set_fixed(o, columns[i], abk_ej_milli(p->s, r), 3);
        } else {
            json_obj_set_int(o, columns[i], strtoll(t[i], NULL, 10));
        }
    }
}

/* A cell of 'width' characters, left aligned for text and right aligned
 * for numbers. */
static enum err
cell(struct buf *b, const char *v, int width, bool right)
{
    enum err rc =
        b->len > 0 && b->data[b->len - 1] != '\n' ? buf_add(b, " ", 1) : ERR_OK;
    return rc == ERR_OK ? buf_addf(b, right ? "%*s" : "%-*s", width, v) : rc;
}

static const int widths[N_COLUMNS] = {24, 22, 13, 10, 6, 9, 5,
                                      5,  5,  7,  6,  2, 9};

static enum err
table_header(struct printer *p, bool groups)
{
    static const char *const id[] = {
        "Unit",      "Jabatan", "Beban menit", "Kebutuhan", "Bulat",
        "Bezetting", "PNS",     "PPPK",        "CPNS",      "Selisih",
        "EJ",        "PJ",      "Sementara"};
    static const char *const en[] = {
        "Unit", "Position", "Minutes", "Need", "Rounded", "Staff", "PNS",
        "PPPK", "CPNS",     "Gap",     "EJ",   "PJ",      "Surge"};
    enum err rc = ERR_OK;
    for (int i = 0; i < N_COLUMNS && rc == ERR_OK; i++) {
        if (i == 1 && groups) {
            continue;
        }
        rc = cell(&p->line, L_(id[i], en[i]), widths[i], i >= 2);
    }
    return rc == ERR_OK ? buf_add(&p->line, "\n", 1) : rc;
}

static enum err
table_row(struct printer *p, const struct row *w)
{
    const char *t[N_COLUMNS];
    char text[N_COLUMNS][32];
    enum err rc = ERR_OK;
    row_texts(p, w, t, text, true);
    for (int i = 0; i < N_COLUMNS && rc == ERR_OK; i++) {
        const char *v = t[i] ? t[i] : "-";
        if (i == 1 && w->jabatan == NULL) {
            continue;
        }
        if (i == 10 && t[i] == NULL && w->r.analysed) {
            v = "kosong"; /* No staff: EJ undefined (domain.md 3). */
        }
        rc = cell(&p->line, v, widths[i], i >= 2);
    }
    return rc == ERR_OK ? buf_add(&p->line, "\n", 1) : rc;
}

static enum err
flush(struct printer *p)
{
    enum err rc = ERR_OK;
    if (p->line.len > 0 &&
        fwrite(p->line.data, 1, p->line.len, p->f) != p->line.len) {
        rc = ERR_IO;
    }
    buf_reset(&p->line);
    return rc;
}

static enum err
print_begin(struct printer *p, bool groups)
{
    char day[DATE_STR_LEN];
    const char *names[N_COLUMNS];
    int n = 0;
    enum err rc = ERR_OK;
    date_format(p->day, day);
    switch (p->format) {
    case CLI_JSON:
        rc = buf_addf(&p->line,
                      "{\"as_of\": \"%s\", \"wke_menit\": %lld, \"rows\": [",
                      day, (long long)p->s->wke_menit);
        break;
    case CLI_CSV:
        for (int i = 0; i < N_COLUMNS; i++) {
            if (!(i == 1 && groups)) {
                names[n++] = columns[i];
            }
        }
        rc = csv_format_row(&p->line, names, n);
        break;
    case CLI_TABLE:
        rc = table_header(p, groups);
        break;
    }
    return rc == ERR_OK ? flush(p) : rc;
}

static enum err
print_row(struct printer *p, const struct row *w)
{
    const char *t[N_COLUMNS];
    char text[N_COLUMNS][32];
    enum err rc = ERR_OK;
    if (p->format == CLI_JSON) {
        struct json_obj *o = json_obj_create();
        json_row(p, w, o);
        rc = buf_adds(&p->line, p->n ? ",\n" : "\n");
        rc = rc == ERR_OK ? json_obj_format(o, &p->line) : rc;
        json_obj_destroy(o);
    } else if (p->format == CLI_CSV) {
        row_texts(p, w, t, text, false);
        const char *fields[N_COLUMNS];
        int n = 0;
        for (int i = 0; i < N_COLUMNS; i++) {
            if (!(i == 1 && w->jabatan == NULL)) {
                fields[n++] = t[i];
            }
        }
        rc = csv_format_row(&p->line, fields, n);
    } else {
        rc = table_row(p, w);
    }
    p->n++;
    return rc == ERR_OK ? flush(p) : rc;
}

static enum err
print_end(struct printer *p)
{
    enum err rc = ERR_OK;
    if (p->format == CLI_JSON) {
        rc = buf_adds(&p->line, p->n ? "\n]}\n" : "]}\n");
    }
    return rc == ERR_OK ? flush(p) : rc;
}

/* Group rows: the analysed pairs of each unit ('by' unit) or OPD group,
 * printed in code order. */
static enum err
print_groups(struct printer *p, const struct analysis *a, enum by by, long root)
{
    const struct tree *t = analysis_tree(a);
    size_t n = tree_count(t);
    struct abk_result *sums = xcalloc(n + 1, sizeof(*sums));
    size_t *order = xcalloc(n + 1, sizeof(*order));
    enum err rc = ERR_OK;
    for (size_t i = 0; i < analysis_count(a) && rc == ERR_OK; i++) {
        const struct analysis_pair *q = analysis_pair_at(a, i);
        if (root >= 0 && !analysis_in_subtree(a, q->unit, (size_t)root)) {
            continue;
        }
        size_t g = by == BY_UNIT ? q->unit : tree_opd(t, q->unit);
        rc = abk_sum(&sums[g], &q->r);
    }
    tree_order_by_code(t, order);
    for (size_t i = 0; i < n && rc == ERR_OK; i++) {
        struct row w = {tree_unit(t, order[i])->kode, NULL, sums[order[i]]};
        if (w.r.analysed) {
            rc = print_row(p, &w);
        }
    }
    free(sums);
    free(order);
    return rc;
}

static enum err
print_pairs(struct printer *p, const struct analysis *a, long root)
{
    enum err rc = ERR_OK;
    for (size_t i = 0; i < analysis_count(a) && rc == ERR_OK; i++) {
        const struct analysis_pair *q = analysis_pair_at(a, i);
        if (root >= 0 && !analysis_in_subtree(a, q->unit, (size_t)root)) {
            continue;
        }
        struct row w = {tree_unit(analysis_tree(a), q->unit)->kode, q->jabatan,
                        q->r};
        rc = print_row(p, &w);
    }
    return rc;
}

static enum err
print_analysis(const struct analysis *a, int32_t day, enum by by, long root,
               enum cli_format format, FILE *f)
{
    struct printer p = {analysis_settings(a), format, f, day, 0,
                        {NULL, 0, 0, 0}};
    enum err rc = print_begin(&p, by != BY_JABATAN);
    if (rc == ERR_OK) {
        rc = by == BY_JABATAN ? print_pairs(&p, a, root)
                              : print_groups(&p, a, by, root);
    }
    rc = rc == ERR_OK ? print_end(&p) : rc;
    buf_cleanup(&p.line);
    return rc;
}

/* Report a failed analysis: the store's text, or what the data holds. */
static void
analysis_error(const struct cli *c, struct store *st, enum err rc)
{
    if (rc == ERR_INVAL) {
        cli_error("%s", L_("satu pasangan unit dan jabatan memiliki baris "
                           "beban dengan metode berbeda",
                           "a unit and position pair has workload rows of "
                           "different methods"));
    } else if (rc == ERR_TOOBIG) {
        cli_error("%s", L_("jumlah beban kerja terlalu besar untuk dihitung",
                           "workload sums too large to compute"));
    } else if (rc == ERR_IO) {
        cli_error("%s", L_("gagal menulis keluaran", "write failed"));
    } else {
        cli_error("%s: %s", c->db, store_errmsg(st));
    }
}

enum err
cli_abk_export(struct store *st, int32_t day, enum cli_format format, FILE *f)
{
    struct analysis *a = NULL;
    enum err rc = analysis_load(st, day, &a);
    rc = rc == ERR_OK ? print_analysis(a, day, BY_JABATAN, -1, format, f) : rc;
    analysis_destroy(a);
    return rc;
}

struct abk_args {
    enum by by;
    enum cli_format format;
    int32_t day;
    const char *unit;
};

static int
parse_word(const char *arg, const char *const *words, int n, int *out)
{
    for (int i = 0; i < n; i++) {
        if (strcmp(arg, words[i]) == 0) {
            *out = i;
            return 0;
        }
    }
    return -1;
}

static int
parse_abk_args(int argc, char **argv, struct abk_args *a)
{
    static const struct option opts[] = {
        {"unit", required_argument, NULL, 'u'},
        {"by", required_argument, NULL, 'b'},
        {"as-of", required_argument, NULL, 'd'},
        {"format", required_argument, NULL, 'f'},
        {NULL, 0, NULL, 0}};
    static const char *const bys[] = {"jabatan", "unit", "opd"};
    int ch = 0;
    int v = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        bool ok = ch == 'u';
        if (ok) {
            a->unit = optarg;
        } else if (ch == 'b' && parse_word(optarg, bys, 3, &v) == 0) {
            a->by = (enum by)v;
            ok = true;
        } else if (ch == 'f') {
            ok = cli_parse_format(optarg, &a->format);
        } else if (ch == 'd') {
            ok = date_parse(optarg, strlen(optarg), &a->day) == ERR_OK;
        }
        if (!ok) {
            return cli_usage("abk",
                             L_("opsi atau nilai tidak sah: '%s'",
                                "invalid option or value: '%s'"),
                             argv[optind - 1]);
        }
    }
    if (optind != argc) {
        return cli_usage("abk", "%s",
                         L_("argumen berlebih", "unexpected arguments"));
    }
    return 0;
}

int
cli_abk_run(const struct cli *c, int argc, char **argv)
{
    struct abk_args args = {BY_JABATAN, CLI_TABLE, date_today(), NULL};
    struct store *st = NULL;
    struct analysis *a = NULL;
    int code = parse_abk_args(argc, argv, &args);
    if (code != 0) {
        return code;
    }
    enum err rc = cli_store_open(c, false, &st);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    rc = analysis_load(st, args.day, &a);
    long root = -1;
    if (rc == ERR_OK && args.unit != NULL) {
        root = tree_find(analysis_tree(a), args.unit);
        if (root < 0) {
            cli_error(L_("unit '%s' tidak ada", "unit '%s' does not exist"),
                      args.unit);
            rc = ERR_NOTFOUND;
        }
    }
    if (rc == ERR_OK) {
        rc = print_analysis(a, args.day, args.by, root, args.format, stdout);
        if (rc == ERR_OK && fflush(stdout) != 0) {
            rc = ERR_IO;
        }
    }
    if (rc != ERR_OK && rc != ERR_NOTFOUND) {
        analysis_error(c, st, rc);
    }
    analysis_destroy(a);
    store_close(st);
    return cli_exit(rc);
}
