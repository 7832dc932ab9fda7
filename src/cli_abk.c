/* SPDX-License-Identifier: MIT */
/* cli_abk: 'mutasi abk' prints the workload analysis by jabatan, unit or
 * OPD as a table, CSV or JSON (cli layer; contract section 4). */
#include "cli_abk.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "abk_rows.h"
#include "analysis.h"
#include "buf.h"
#include "cli_util.h"
#include "csv.h"
#include "date.h"
#include "diag.h"
#include "json.h"
#include "mem.h"
#include "namebook.h"
#include "num.h"
#include "store.h"
#include "tree.h"

struct printer {
    const struct settings *s;
    const struct namebook *nb; /* Names beside codes; NULL: codes only. */
    enum cli_format format;
    FILE *f;
    int32_t day;
    long n;
    struct buf line;
};

/* Width of a name column of the table. */
#define NAME_WIDTH 32

/* A cell of 'width' characters (UTF-8 characters, not bytes) holding
 * the start of name 'v', with "~" at its end when cut. */
static enum err
name_cell(struct buf *b, const char *v, int width)
{
    enum err rc =
        b->len > 0 && b->data[b->len - 1] != '\n' ? buf_add(b, " ", 1) : ERR_OK;
    v = v != NULL && v[0] != '\0' ? v : "-";
    int chars = 0;
    size_t i = 0;
    size_t len = strlen(v);
    /* Count characters up to width; a longer name keeps width - 1 and a
     * "~". */
    size_t cut = len;
    for (i = 0; i < len; i++) {
        if (((unsigned char)v[i] & 0xC0) != 0x80) {
            if (chars == width - 1) {
                cut = i;
            }
            if (chars == width) {
                break;
            }
            chars++;
        }
    }
    if (i < len) {
        rc = rc == ERR_OK ? buf_add(b, v, cut) : rc;
        rc = rc == ERR_OK ? buf_add(b, "~", 1) : rc;
        return rc;
    }
    rc = rc == ERR_OK ? buf_add(b, v, len) : rc;
    for (; chars < width && rc == ERR_OK; chars++) {
        rc = buf_add(b, " ", 1);
    }
    return rc;
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

static const int widths[ABK_N_COLUMNS] = {24, 22, 13, 10, 6, 9, 5,
                                          5,  5,  8,  7,  6, 2, 9};

static enum err
table_header(struct printer *p, bool groups)
{
    static const char *const name_id[] = {"Nama unit", "Nama jabatan"};
    static const char *const name_en[] = {"Unit name", "Position name"};
    static const char *const id[] = {
        "Unit",      "Jabatan", "Beban menit", "Kebutuhan", "Bulat",
        "Bezetting", "PNS",     "PPPK",        "CPNS",      "PPPK-PW",
        "Selisih",   "EJ",      "PJ",          "Sementara"};
    static const char *const en[] = {
        "Unit", "Position", "Minutes", "Need", "Rounded", "Staff", "PNS",
        "PPPK", "CPNS",     "PPPK-PT", "Gap",  "EJ",      "PJ",    "Surge"};
    enum err rc = ERR_OK;
    for (int i = 0; i < ABK_N_COLUMNS && rc == ERR_OK; i++) {
        if (i == 1 && groups) {
            continue;
        }
        rc = cell(&p->line, L_(id[i], en[i]), widths[i], i >= 2);
        if (rc == ERR_OK && p->nb != NULL && i <= ABK_C_JABATAN) {
            rc = name_cell(&p->line, L_(name_id[i], name_en[i]), NAME_WIDTH);
        }
    }
    return rc == ERR_OK ? buf_add(&p->line, "\n", 1) : rc;
}

static enum err
table_row(struct printer *p, const struct abk_row *w)
{
    const char *t[ABK_N_COLUMNS];
    char text[ABK_N_COLUMNS][32];
    enum err rc = ERR_OK;
    abk_row_texts(p->s, w, t, text, true);
    for (int i = 0; i < ABK_N_COLUMNS && rc == ERR_OK; i++) {
        const char *v = t[i] ? t[i] : "-";
        if (i == 1 && w->jabatan == NULL) {
            continue;
        }
        if (i == ABK_C_EJ && t[i] == NULL && w->r.analysed) {
            v = "kosong"; /* No staff: EJ undefined (domain.md 3). */
        }
        rc = cell(&p->line, v, widths[i], i >= 2);
        if (rc == ERR_OK && p->nb != NULL && i <= ABK_C_JABATAN) {
            rc =
                name_cell(&p->line,
                          i == ABK_C_UNIT ? namebook_unit(p->nb, w->unit)
                                          : namebook_jabatan(p->nb, w->jabatan),
                          NAME_WIDTH);
        }
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
    const char *names[ABK_N_FIELDS];
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
        n = abk_header_fields(groups, p->nb != NULL, names);
        rc = csv_format_row(&p->line, names, n);
        break;
    case CLI_TABLE:
        rc = table_header(p, groups);
        break;
    }
    return rc == ERR_OK ? flush(p) : rc;
}

static enum err
print_row(struct printer *p, const struct abk_row *w)
{
    char text[ABK_N_COLUMNS][32];
    enum err rc = ERR_OK;
    if (p->format == CLI_JSON) {
        struct json_obj *o = json_obj_create();
        abk_row_json(p->s, w, o);
        rc = buf_adds(&p->line, p->n ? ",\n" : "\n");
        rc = rc == ERR_OK ? json_obj_format(o, &p->line) : rc;
        json_obj_destroy(o);
    } else if (p->format == CLI_CSV) {
        const char *fields[ABK_N_FIELDS];
        int n = abk_row_fields(p->s, w, p->nb, fields, text, false);
        rc = csv_format_row(&p->line, fields, n);
    } else {
        rc = table_row(p, w);
    }
    p->n++;
    return rc == ERR_OK ? flush(p) : rc;
}

static enum err
print_row_cb(void *ctx, const struct abk_row *w)
{
    return print_row(ctx, w);
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

static enum err
print_analysis(const struct analysis *a, const struct namebook *nb, int32_t day,
               enum abk_by by, long root, enum cli_format format, FILE *f)
{
    struct printer p = {analysis_settings(a), nb, format, f, day, 0,
                        {NULL, 0, 0, 0}};
    enum err rc = print_begin(&p, by != ABK_BY_JABATAN);
    if (rc == ERR_OK) {
        rc = abk_rows_each(a, by, root, print_row_cb, &p);
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
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    }
}

enum err
cli_abk_export(struct store *st, int32_t day, enum cli_format format, FILE *f)
{
    struct analysis *a = NULL;
    struct namebook *nb = NULL;
    enum err rc = analysis_load(st, day, &a);
    rc = rc == ERR_OK ? namebook_load(st, &nb) : rc;
    rc = rc == ERR_OK
             ? print_analysis(a, nb, day, ABK_BY_JABATAN, -1, format, f)
             : rc;
    namebook_destroy(nb);
    analysis_destroy(a);
    return rc;
}

struct abk_args {
    enum abk_by by;
    enum cli_format format;
    int32_t day;
    const char *unit;
    bool codes; /* --codes: no names beside the codes. */
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
        {"codes", no_argument, NULL, 'c'},
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
            a->by = (enum abk_by)v;
            ok = true;
        } else if (ch == 'f') {
            ok = cli_parse_format(optarg, &a->format);
        } else if (ch == 'd') {
            ok = date_parse(optarg, strlen(optarg), &a->day) == ERR_OK;
        } else if (ch == 'c') {
            a->codes = true;
            ok = true;
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
    struct abk_args args = {ABK_BY_JABATAN, CLI_TABLE, date_today(), NULL,
                            false};
    struct store *st = NULL;
    struct analysis *a = NULL;
    struct namebook *nb = NULL;
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
    if (rc == ERR_OK && !args.codes && args.format != CLI_JSON) {
        rc = namebook_load(st, &nb);
    }
    if (rc == ERR_OK) {
        rc =
            print_analysis(a, nb, args.day, args.by, root, args.format, stdout);
        if (rc == ERR_OK && fflush(stdout) != 0) {
            rc = ERR_IO;
        }
    }
    if (rc != ERR_OK && rc != ERR_NOTFOUND) {
        analysis_error(c, st, rc);
    }
    namebook_destroy(nb);
    analysis_destroy(a);
    store_close(st);
    return cli_exit(rc);
}
