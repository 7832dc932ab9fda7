/* SPDX-License-Identifier: MIT */
/* cli_plan: 'mutasi plan' runs the planner and prints or saves the plan;
 * 'plan list' and 'plan show NAME' read saved plans; 'mutasi explain'
 * tells why an employee moves or stays (cli layer; contract section 5). */
#include "cli_plan.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli_decision.h"
#include "cli_util.h"
#include "csv.h"
#include "date.h"
#include "diag.h"
#include "json.h"
#include "mem.h"
#include "namebook.h"
#include "num.h"
#include "planning.h"
#include "progress.h"
#include "settings.h"
#include "store.h"
#include "xlsx_export.h"

#define MAX_OVER      64 /* --set options of one run. */
#define PLAN_NAME_MAX 64 /* Longest plan name. */

struct plan_args {
    struct plan_opts opts;
    int32_t day;
    const char *save;
    enum cli_format format;
    struct planning_setting over[MAX_OVER];
    size_t n_over;
};

static const char *const mode_words[] = {"voluntary", "directed", "combined"};

/* A plan name: 1 to 64 letters, digits, '.', '_' or '-' (it appears in
 * URLs and file names). */
static bool
name_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > PLAN_NAME_MAX) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

static bool
parse_mode(const char *s, enum plan_mode *out)
{
    for (int i = 0; i < 3; i++) {
        if (strcmp(s, mode_words[i]) == 0) {
            *out = (enum plan_mode)i;
            return true;
        }
    }
    return false;
}

static bool
parse_km(const char *s, double *out)
{
    int64_t v = 0;
    if (num_parse_fixed(s, strlen(s), 3, false, &v) != NUM_OK || v < 0) {
        return false;
    }
    *out = (double)v / 1000.0;
    return true;
}

static bool
parse_set(struct plan_args *a, char *arg)
{
    char *eq = strchr(arg, '=');
    if (eq == NULL || eq == arg || a->n_over == MAX_OVER) {
        return false;
    }
    *eq = '\0';
    a->over[a->n_over++] = (struct planning_setting){arg, eq + 1};
    return true;
}

static bool
parse_option(struct plan_args *a, int ch, char *arg)
{
    long v = 0;
    char *end = NULL;
    switch (ch) {
    case 'm':
        return parse_mode(arg, &a->opts.mode);
    case 'd':
        return date_parse(arg, strlen(arg), &a->day) == ERR_OK;
    case 'n':
        v = strtol(arg, &end, 10);
        if (*arg < '0' || *arg > '9' || *end != '\0' || v > 100000000) {
            return false;
        }
        a->opts.max_moves = v;
        return true;
    case 'k':
        return parse_km(arg, &a->opts.max_km);
    case 's':
        a->save = arg;
        return name_ok(arg);
    case 'f':
        return cli_parse_format(arg, &a->format) && a->format != CLI_CSV;
    case 'S':
        return parse_set(a, arg);
    default:
        return false;
    }
}

static int
parse_plan_args(int argc, char **argv, struct plan_args *a)
{
    static const struct option opts[] = {
        {"mode", required_argument, NULL, 'm'},
        {"as-of", required_argument, NULL, 'd'},
        {"max-moves", required_argument, NULL, 'n'},
        {"max-km", required_argument, NULL, 'k'},
        {"save", required_argument, NULL, 's'},
        {"format", required_argument, NULL, 'f'},
        {"set", required_argument, NULL, 'S'},
        {NULL, 0, NULL, 0}};
    int ch = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (!parse_option(a, ch, optarg)) {
            return cli_usage("plan",
                             L_("opsi atau nilai tidak sah: '%s'",
                                "invalid option or value: '%s'"),
                             argv[optind - 1]);
        }
    }
    if (optind != argc) {
        return cli_usage("plan", "%s",
                         L_("argumen berlebih", "unexpected arguments"));
    }
    return 0;
}

/* The value at 'path' of 'doc' as text, "-" when absent or null. */
static const char *
text_at(const struct json_obj *doc, const char *path, char *out, size_t len)
{
    if (!json_obj_text(doc, path, out, len)) {
        snprintf(out, len, "-");
    }
    return out;
}

static enum err
print_summary(const struct json_obj *doc, FILE *f)
{
    static const char *const when[] = {"before", "after"};
    static const char *const when_id[] = {"Sebelum", "Sesudah"};
    static const char *const when_en[] = {"Before", "After"};
    char t[8][128];
    fprintf(f,
            L_("Rencana %s, mode %s, per %s\n", "Plan %s, mode %s, as of %s\n"),
            text_at(doc, "plan.name", t[0], 128),
            text_at(doc, "plan.mode", t[1], 128),
            text_at(doc, "plan.as_of", t[2], 128));
    for (int i = 0; i < 2; i++) {
        char path[64];
        const char *keys[] = {"kekurangan", "kelebihan", "jabatan_kurang",
                              "ej_sd"};
        for (int k = 0; k < 4; k++) {
            snprintf(path, sizeof(path), "summary.%s.%s", when[i], keys[k]);
            text_at(doc, path, t[k], 128);
        }
        fprintf(f,
                L_("%s: kekurangan %s, kelebihan %s, jabatan kurang %s, "
                   "SD EJ unit %s\n",
                   "%s: shortage %s, surplus %s, positions short %s, unit EJ "
                   "SD %s\n"),
                L_(when_id[i], when_en[i]), t[0], t[1], t[2], t[3]);
    }
    const char *keys[] = {"moves",
                          "voluntary",
                          "directed",
                          "requests",
                          "requests_granted",
                          "requests_granted_baseline",
                          "km_total",
                          "cost"};
    for (int k = 0; k < 8; k++) {
        char path[64];
        snprintf(path, sizeof(path), "summary.%s", keys[k]);
        text_at(doc, path, t[k], 128);
    }
    fprintf(f,
            L_("Pindah %s (APS %s, penugasan %s); permohonan %s, dikabulkan "
               "%s (tanpa tukar/rantai %s); jarak %s km; biaya %s\n",
               "Moves %s (APS %s, directed %s); requests %s, granted %s "
               "(without swaps/chains %s); distance %s km; cost %s\n"),
            t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
    return ferror(f) ? ERR_IO : ERR_OK;
}

static enum err
print_table(const struct json_obj *doc, FILE *f)
{
    enum err rc = print_summary(doc, f);
    size_t n = json_obj_len(doc, "moves");
    if (rc != ERR_OK || n == 0) {
        return rc;
    }
    fprintf(f, "\n%-18s %-26s %-9s %3s %-24s %-24s %-22s %8s %s\n", "NIP",
            L_("Nama", "Name"), L_("Jenis", "Kind"), L_("Pil", "Ch"),
            L_("Unit asal", "From"), L_("Unit tujuan", "To"),
            L_("Jabatan tujuan", "Position"), "km",
            L_("Sementara s.d.", "Temporary to"));
    static const char *const keys[] = {"nip",
                                       "nama",
                                       "jenis",
                                       "pilihan_ke",
                                       "unit_asal",
                                       "unit_tujuan",
                                       "jabatan_tujuan",
                                       "km",
                                       "sementara_sampai"};
    for (size_t i = 0; i < n; i++) {
        struct json_obj *m = json_obj_item(doc, "moves", i);
        char t[9][256];
        for (int k = 0; k < 9; k++) {
            text_at(m, keys[k], t[k], sizeof(t[k]));
        }
        static const int widths[] = {18, 26, 9, 3, 24, 24, 22, 8};
        for (int k = 0; k < 8; k++) {
            if (k == 3 || k == 7) {
                fprintf(f, "%*s ", widths[k], t[k]); /* Numbers. */
            } else {
                cli_cell(f, t[k], widths[k]);
            }
        }
        fprintf(f, "%s\n", t[8]);
        json_obj_destroy(m);
    }
    return ferror(f) ? ERR_IO : ERR_OK;
}

static enum err
print_doc(const struct json_obj *doc, enum cli_format format, FILE *f)
{
    if (format != CLI_JSON) {
        return print_table(doc, f);
    }
    enum err rc = json_obj_write(doc, f);
    if (rc == ERR_OK && fputc('\n', f) == EOF) {
        rc = ERR_IO;
    }
    return rc;
}

/* Report a failed load or run of the planner. */
static void
plan_error(const struct cli *c, struct store *st, enum err rc, const char *why)
{
    if (rc == ERR_NOTFOUND) {
        cli_error(L_("pengaturan tidak dikenal: %s", "unknown setting: %s"),
                  why);
    } else if (rc == ERR_INVAL) {
        cli_error(
            L_("nilai pengaturan tidak sah: %s", "invalid setting value: %s"),
            why[0] ? why
                   : L_("beban dengan metode berbeda dalam satu pasangan",
                        "workload rows of mixed methods in one pair"));
    } else if (rc == ERR_TOOBIG) {
        cli_error("%s", L_("angka rencana terlalu besar untuk dihitung",
                           "plan numbers too large to compute"));
    } else if (rc == ERR_EXISTS) {
        cli_error(L_("rencana '%s' sudah ada; pilih nama lain",
                     "plan '%s' exists; choose another name"),
                  why);
    } else if (rc == ERR_IO) {
        cli_error("%s", L_("gagal menulis keluaran", "write failed"));
    } else if (rc == ERR_CONFLICT && why[0] != '\0') {
        cli_error("%s", why); /* Computed elsewhere at this moment. */
    } else {
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    }
}

/* Run the planner for 'a' on 'st' as 'actor' (who saves it, with
 * --save): the document into '*doc'. */
static enum err
run_plan(struct store *st, const struct plan_args *a, const char *name,
         const char *actor, char *why, size_t why_len, struct json_obj **doc)
{
    struct planning_args pa = {a->day, a->over, a->n_over, why, why_len};
    struct planning_request q = {name, a->opts};
    /* On a nation the directed part solves hundreds of governments. */
    q.opts.progress = progress_begin(L_("rencana penugasan", "directed plan"),
                                     L_("pemerintah", "governments"), 0);
    enum err rc = planning_make(st, &pa, &q, a->save ? actor : NULL, doc);
    progress_end(q.opts.progress);
    if ((rc == ERR_NOTFOUND || rc == ERR_INVAL) && why[0] != '\0') {
        plan_error(NULL, st, rc, why);
        return ERR_USAGE; /* A --set that is not a setting or its value. */
    }
    if (rc == ERR_EXISTS) {
        snprintf(why, why_len, "%s", name);
    }
    if (rc != ERR_OK) {
        *doc = NULL;
    }
    return rc;
}

/* The page cache of 'plan' (KiB). */
#define PLAN_CACHE_KIB 8192

static int
plan_make(const struct cli *c, int argc, char **argv)
{
    struct plan_args a;
    memset(&a, 0, sizeof(a));
    a.opts =
        (struct plan_opts){PLAN_COMBINED, -1, -1.0, planning_threads(), NULL};
    a.day = date_today();
    a.format = CLI_TABLE;
    int code = parse_plan_args(argc, argv, &a);
    if (code != 0) {
        return code;
    }
    struct store *st = NULL;
    enum err rc = cli_store_open(c, false, &st);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    /* The planner reads each table once from end to end: a page cache
     * would only hold pages never read again (256 MiB of a nation's
     * peak memory). */
    store_cache_limit(st, PLAN_CACHE_KIB);
    char why[256] = "";
    struct json_obj *doc = NULL;
    rc = run_plan(st, &a, a.save, c->actor, why, sizeof(why), &doc);
    rc = rc == ERR_OK ? print_doc(doc, a.format, stdout) : rc;
    if (rc == ERR_OK && fflush(stdout) != 0) {
        rc = ERR_IO;
    }
    if (rc != ERR_OK && rc != ERR_USAGE) {
        plan_error(c, st, rc, why);
    }
    json_obj_destroy(doc);
    store_close(st);
    return cli_exit(rc);
}

/* Load saved plan 'name''s document into '*doc' (reported when absent). */
static enum err
load_doc(struct store *st, const char *name, struct json_obj **doc)
{
    struct store_plan sp;
    enum err rc = store_plan_get(st, name, &sp);
    if (rc == ERR_NOTFOUND) {
        cli_error(L_("rencana '%s' tidak ada (lihat 'mutasi plan list')",
                     "plan '%s' does not exist (see 'mutasi plan list')"),
                  name);
        return rc;
    }
    if (rc != ERR_OK) {
        cli_error("%s", store_errmsg(st));
        return rc;
    }
    rc = sp.hasil ? json_obj_parse(sp.hasil, doc) : ERR_INVAL;
    if (rc != ERR_OK) {
        cli_error(L_("rencana '%s' rusak di basis data",
                     "plan '%s' is damaged in the database"),
                  name);
        rc = ERR_INTERNAL;
    }
    store_plan_cleanup(&sp);
    return rc;
}

static bool
parse_format_only(int argc, char **argv, const char *cmd, int n_pos,
                  enum cli_format *format, int *code)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {NULL, 0, NULL, 0}};
    int ch = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        bool text = ch == 'f' && strcmp(optarg, "text") == 0;
        if (text) {
            *format = CLI_TABLE;
        } else if (ch != 'f' || !cli_parse_format(optarg, format) ||
                   *format == CLI_CSV) {
            *code = cli_usage(cmd,
                              L_("opsi atau nilai tidak sah: '%s'",
                                 "invalid option or value: '%s'"),
                              argv[optind - 1]);
            return false;
        }
    }
    if (argc - optind != n_pos) {
        *code = cli_usage(
            cmd, "%s", L_("jumlah argumen salah", "wrong number of arguments"));
        return false;
    }
    return true;
}

static int
plan_show(const struct cli *c, int argc, char **argv)
{
    enum cli_format format = CLI_TABLE;
    int code = 0;
    if (!parse_format_only(argc, argv, "plan show", 1, &format, &code)) {
        return code;
    }
    struct store *st = NULL;
    struct json_obj *doc = NULL;
    enum err rc = cli_store_open(c, false, &st);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    rc = load_doc(st, argv[optind], &doc);
    if (rc == ERR_OK) {
        rc = print_doc(doc, format, stdout);
        if (rc != ERR_OK) {
            plan_error(c, st, rc, "");
        }
    }
    json_obj_destroy(doc);
    store_close(st);
    return cli_exit(rc);
}

struct list_ctx {
    enum cli_format format;
    struct json_obj *doc;
};

static enum err
list_row(void *ctx, const struct store_plan *p)
{
    struct list_ctx *l = ctx;
    if (l->format == CLI_JSON) {
        struct json_obj *o = json_obj_create();
        planning_plan_json(p, o);
        json_obj_push(l->doc, "rows", o);
        return ERR_OK;
    }
    printf("%-24s %-10s %-10s %-12s %s\n", p->nama, p->mode, p->as_of,
           p->status, p->dibuat);
    return ERR_OK;
}

static int
plan_list(const struct cli *c, int argc, char **argv)
{
    struct list_ctx l = {CLI_TABLE, NULL};
    int code = 0;
    if (!parse_format_only(argc, argv, "plan list", 0, &l.format, &code)) {
        return code;
    }
    struct store *st = NULL;
    enum err rc = cli_store_open(c, false, &st);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    if (l.format == CLI_JSON) {
        l.doc = json_obj_create();
        json_obj_set_empty_array(l.doc, "rows");
    } else {
        printf("%-24s %-10s %-10s %-12s %s\n", L_("Nama", "Name"), "Mode",
               L_("Per", "As of"), "Status", L_("Dibuat", "Created"));
    }
    rc = store_plan_each(st, list_row, &l);
    if (rc == ERR_OK && l.doc != NULL) {
        rc = print_doc(l.doc, CLI_JSON, stdout);
    }
    if (rc != ERR_OK) {
        plan_error(c, st, rc, "");
    }
    json_obj_destroy(l.doc);
    store_close(st);
    return cli_exit(rc);
}

int
cli_plan_run(const struct cli *c, int argc, char **argv)
{
    int code = argc > 1 ? cli_decision_run(c, argv[1], argc - 1, argv + 1) : -1;
    if (code >= 0) {
        return code;
    }
    if (argc > 1 && strcmp(argv[1], "list") == 0) {
        return plan_list(c, argc - 1, argv + 1);
    }
    if (argc > 1 && strcmp(argv[1], "show") == 0) {
        return plan_show(c, argc - 1, argv + 1);
    }
    return plan_make(c, argc, argv);
}

/* The CSV of a plan's moves: the keys of a move of the plan document,
 * each unit and jabatan code with its name beside it ("nama_*", from the
 * data as it is now). */
static const char *const move_columns[] = {"nip",
                                           "nama",
                                           "jabatan_asal",
                                           "nama_jabatan_asal",
                                           "jabatan_tujuan",
                                           "nama_jabatan_tujuan",
                                           "unit_asal",
                                           "nama_unit_asal",
                                           "unit_tujuan",
                                           "nama_unit_tujuan",
                                           "jenis",
                                           "pilihan_ke",
                                           "km",
                                           "sementara_sampai",
                                           "penjelasan"};
#define N_MOVE_COLUMNS 15

/* The name of the code in column 'k' - 1 when column 'k' is a "nama_*"
 * column of a code, else NULL (and '*is_name' false). */
static const char *
move_name(const struct namebook *nb, int k, char *const *t, bool *is_name)
{
    *is_name = k >= 3 && k <= 9 && k % 2 == 1;
    if (!*is_name) {
        return NULL;
    }
    return k <= 5 ? namebook_jabatan(nb, t[k - 1])
                  : namebook_unit(nb, t[k - 1]);
}

static enum err
export_csv(struct store *st, const struct json_obj *doc, FILE *f)
{
    struct buf b;
    struct namebook *nb = NULL;
    buf_init(&b, 0);
    enum err rc = namebook_load(st, &nb);
    rc = rc == ERR_OK ? csv_format_row(&b, move_columns, N_MOVE_COLUMNS) : rc;
    size_t n = json_obj_len(doc, "moves");
    char *t[N_MOVE_COLUMNS];
    for (int k = 0; k < N_MOVE_COLUMNS; k++) {
        t[k] = xmalloc(4096);
    }
    for (size_t i = 0; i < n && rc == ERR_OK; i++) {
        struct json_obj *m = json_obj_item(doc, "moves", i);
        for (int k = 0; k < N_MOVE_COLUMNS; k++) {
            bool is_name = false;
            const char *v = move_name(nb, k, t, &is_name);
            if (is_name) {
                snprintf(t[k], 4096, "%s", v != NULL ? v : "");
            } else {
                json_obj_text(m, move_columns[k], t[k], 4096);
            }
        }
        rc = csv_format_row(&b, (const char *const *)t, N_MOVE_COLUMNS);
        json_obj_destroy(m);
    }
    for (int k = 0; k < N_MOVE_COLUMNS; k++) {
        free(t[k]);
    }
    if (rc == ERR_OK && fwrite(b.data, 1, b.len, f) != b.len) {
        rc = ERR_IO;
    }
    namebook_destroy(nb);
    buf_cleanup(&b);
    return rc;
}

enum err
cli_plan_export(struct store *st, const char *name, enum cli_format format,
                FILE *f)
{
    struct json_obj *doc = NULL;
    enum err rc = load_doc(st, name, &doc);
    if (rc != ERR_OK) {
        return rc;
    }
    if (format == CLI_JSON) {
        struct json_obj *rows = json_obj_create();
        json_obj_set_empty_array(rows, "rows");
        size_t n = json_obj_len(doc, "moves");
        for (size_t i = 0; i < n; i++) {
            json_obj_push(rows, "rows", json_obj_item(doc, "moves", i));
        }
        rc = print_doc(rows, CLI_JSON, f);
        json_obj_destroy(rows);
    } else {
        rc = export_csv(st, doc, f);
    }
    json_obj_destroy(doc);
    return rc;
}

/* The saved move of 'nip' in 'doc' as an explanation, or NULL. */
static struct json_obj *
saved_move(const struct json_obj *doc, const char *nip)
{
    struct json_obj *m = planning_doc_move(doc, nip);
    char t[4096];
    if (m != NULL) {
        struct json_obj *o = json_obj_create();
        json_obj_set_str(o, "nip", nip);
        json_obj_set_bool(o, "moved", true);
        json_obj_text(m, "jenis", t, sizeof(t));
        json_obj_set_str(o, "jenis", t);
        json_obj_text(m, "unit_tujuan", t, sizeof(t));
        json_obj_set_str(o, "unit_tujuan", t);
        /* The saved order: the deciding reason first. */
        const char *codes[PLAN_R_N];
        char words[PLAN_R_N][32];
        size_t n_codes = json_obj_len(m, "reasons");
        n_codes = n_codes < PLAN_R_N ? n_codes : PLAN_R_N;
        for (size_t k = 0; k < n_codes; k++) {
            if (!json_obj_str_at(m, "reasons", k, words[k], sizeof(words[k]))) {
                words[k][0] = '\0';
            }
            codes[k] = words[k];
        }
        json_obj_set_strs(o, "reasons", codes, (int)n_codes);
        json_obj_text(m, "penjelasan", t, sizeof(t));
        json_obj_set_str(o, "text", t);
        json_obj_destroy(m);
        return o;
    }
    return NULL;
}

/* Why 'nip', who is not in post on the plan date, stays. */
static enum err
absent_explanation(struct store *st, const char *nip, int32_t day,
                   struct json_obj **out)
{
    struct pegawai p;
    enum err rc = store_pegawai_get(st, nip, &p);
    if (rc != ERR_OK) {
        if (rc == ERR_NOTFOUND) {
            cli_error(
                L_("pegawai dengan NIP %s tidak ada", "no employee has NIP %s"),
                nip);
        }
        return rc;
    }
    const char *code = p.tugas_belajar    ? "tugas_belajar"
                       : p.tmt_unit > day ? "masa_kerja_unit"
                                          : "pensiun";
    const char *text =
        p.tugas_belajar ? "Tidak dipindahkan: sedang tugas belajar, dibebaskan "
                          "dari jabatannya dan tidak dihitung dalam bezetting "
                          "(Peraturan BKN 5/2019)."
        : p.tmt_unit > day
            ? "Tidak dipindahkan: belum menduduki jabatannya pada tanggal "
              "rencana."
            : "Tidak dipindahkan: sudah mencapai batas usia pensiun pada "
              "tanggal rencana (PP 11/2017 Pasal 239).";
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "nip", nip);
    json_obj_set_bool(o, "moved", false);
    json_obj_set_null(o, "jenis");
    json_obj_set_null(o, "unit_tujuan");
    json_obj_set_strs(o, "reasons", &code, 1);
    json_obj_set_str(o, "text", text);
    *out = o;
    return ERR_OK;
}

/* Why 'nip' stays in saved plan 'doc': the plan is run again on the same
 * date with its own settings. */
static enum err
rerun_explanation(struct store *st, const struct json_obj *doc, const char *nip,
                  struct json_obj **out)
{
    struct planning *pl = NULL;
    struct plan_result r;
    struct plan_opts o;
    memset(&r, 0, sizeof(r));
    enum err rc = planning_rerun(st, doc, planning_threads(), &pl, &r, &o);
    long i = rc == ERR_OK ? planning_find_staff(pl, nip) : -1;
    if (rc == ERR_OK && i < 0) {
        char t[16];
        int32_t day = date_today();
        if (json_obj_text(doc, "plan.as_of", t, sizeof(t)) &&
            date_parse(t, strlen(t), &day) != ERR_OK) {
            day = date_today();
        }
        rc = absent_explanation(st, nip, day, out);
    } else if (rc == ERR_OK) {
        if (r.move_of[i] >= 0) {
            /* The data changed since the plan was saved. */
            r.why_not[i] = 0;
            r.why_not_aps[i] = 0;
            r.move_of[i] = -1;
        }
        rc = planning_explain(pl, &r, (size_t)i, out);
    }
    plan_result_cleanup(&r);
    planning_destroy(pl);
    return rc;
}

static enum err
print_explanation(const struct json_obj *o, enum cli_format format)
{
    if (format == CLI_JSON) {
        return print_doc(o, CLI_JSON, stdout);
    }
    char t[4096];
    json_obj_text(o, "text", t, sizeof(t));
    printf("%s\n", t);
    printf("%s:", L_("Alasan", "Reasons"));
    size_t n = json_obj_len(o, "reasons");
    for (size_t k = 0; k < n; k++) {
        char code[32];
        if (json_obj_str_at(o, "reasons", k, code, sizeof(code))) {
            printf(" %s", code);
        }
    }
    printf("\n");
    return ferror(stdout) ? ERR_IO : ERR_OK;
}

int
cli_explain_run(const struct cli *c, int argc, char **argv)
{
    enum cli_format format = CLI_TABLE;
    int code = 0;
    if (!parse_format_only(argc, argv, "explain", 2, &format, &code)) {
        return code;
    }
    const char *name = argv[optind];
    const char *nip = argv[optind + 1];
    struct store *st = NULL;
    struct json_obj *doc = NULL;
    struct json_obj *o = NULL;
    enum err rc = cli_store_open(c, false, &st);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    rc = load_doc(st, name, &doc);
    if (rc == ERR_OK) {
        o = saved_move(doc, nip);
        if (o == NULL) {
            rc = rerun_explanation(st, doc, nip, &o);
        }
        rc = rc == ERR_OK ? print_explanation(o, format) : rc;
        if (rc != ERR_OK && rc != ERR_NOTFOUND) {
            plan_error(c, st, rc, "");
        }
    }
    json_obj_destroy(o);
    json_obj_destroy(doc);
    store_close(st);
    return cli_exit(rc);
}

enum err
cli_plan_export_xlsx(struct store *st, const char *name, FILE *f)
{
    struct saved_plan sp;
    enum err rc = planning_saved_load(st, name, &sp);
    rc = rc == ERR_OK ? xlsx_export_plan(st, &sp, f) : rc;
    planning_saved_cleanup(&sp);
    return rc;
}
