/* SPDX-License-Identifier: MIT */
/* cli_export: 'mutasi export KIND' writes one data kind as CSV (which
 * re-imports to the same data) or JSON {"rows": [...]} (cli layer). Rows
 * stream from the store, so memory stays flat on large governments. */
#include "cli_export.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli_abk.h"
#include "cli_plan.h"
#include "cli_util.h"
#include "date.h"
#include "diag.h"
#include "docreg.h"
#include "json.h"
#include "map.h"
#include "mem.h"
#include "model.h"
#include "progress.h"
#include "rec.h"
#include "siasn_out.h"
#include "store.h"
#include "xlsx_export.h"

enum format { FORMAT_CSV, FORMAT_JSON, FORMAT_XLSX };

struct exporter {
    FILE *f;
    enum format format;
    long n_rows;
    struct buf line;
    struct progress *pr; /* The status line on a terminal, or NULL. */
    struct map *ids;     /* JSON: code -> SIASN id of the kind, or NULL. */
};

/* Write one record: 'csv' formats it as a CSV line, 'json' fills an object. */
static enum err
emit(struct exporter *x, enum err (*csv)(const void *, struct buf *),
     void (*json)(const void *, struct json_obj *), const void *rec,
     const char *key)
{
    enum err rc = ERR_OK;
    void *id = NULL;
    buf_reset(&x->line);
    if (x->format == FORMAT_CSV) {
        rc = csv(rec, &x->line);
    } else {
        struct json_obj *o = json_obj_create();
        json(rec, o);
        /* SIASN's id, where there is one (JSON only: the CSV columns are
         * fixed, so that an export re-imports). */
        if (x->ids != NULL && key != NULL && map_find(x->ids, key, &id)) {
            json_obj_set_str(o, "siasn_id", id);
        }
        rc = buf_adds(&x->line, x->n_rows ? ",\n" : "\n");
        rc = rc == ERR_OK ? json_obj_format(o, &x->line) : rc;
        json_obj_destroy(o);
    }
    if (rc == ERR_OK &&
        fwrite(x->line.data, 1, x->line.len, x->f) != x->line.len) {
        rc = ERR_IO;
    }
    x->n_rows++;
    if ((x->n_rows & 1023) == 0) {
        progress_set(x->pr, x->n_rows, x->n_rows);
    }
    return rc;
}

/* Adapters from the typed records to emit()'s untyped ones. */
#define ADAPT(kind, type, key)                                  \
    static enum err kind##_csv(const void *r, struct buf *b)    \
    {                                                           \
        return rec_##kind##_format((const struct type *)r, b);  \
    }                                                           \
    static void kind##_json(const void *r, struct json_obj *o)  \
    {                                                           \
        rec_##kind##_json((const struct type *)r, o);           \
    }                                                           \
    static enum err kind##_row(void *ctx, const struct type *r) \
    {                                                           \
        return emit(ctx, kind##_csv, kind##_json, r, key);      \
    }

ADAPT(unit, unit, r->kode)
ADAPT(jabatan, jabatan, r->kode)
ADAPT(beban, beban, NULL)
ADAPT(pegawai, pegawai, r->nip)
ADAPT(permohonan, permohonan, NULL)
ADAPT(kinerja, kinerja, NULL)

static enum err
keep_id(void *ctx, const char *jenis, const char *kode, const char *siasn_id)
{
    (void)jenis;
    map_put(ctx, kode, xstrdup(siasn_id));
    return ERR_OK;
}

static void
free_id(void *ctx, const char *key, void *value)
{
    (void)ctx, (void)key;
    free(value);
}

static enum err
export_rows(struct store *st, enum rec_kind kind, struct exporter *x)
{
    switch (kind) {
    case REC_UNIT:
        return store_unit_each(st, unit_row, x);
    case REC_JABATAN:
        return store_jabatan_each(st, jabatan_row, x);
    case REC_BEBAN:
        return store_beban_each(st, beban_row, x);
    case REC_PEGAWAI:
        return store_pegawai_each(st, pegawai_row, x);
    case REC_PERMOHONAN:
        return store_permohonan_each(st, permohonan_row, x);
    case REC_KINERJA:
        return store_kinerja_each(st, kinerja_row, x);
    case REC_N_KINDS:
        break;
    }
    return ERR_INTERNAL;
}

static enum err
export_kind(struct store *st, enum rec_kind kind, struct exporter *x)
{
    enum err rc = ERR_OK;
    buf_init(&x->line, 0);
    if (x->format == FORMAT_CSV) {
        rc = rec_header_format(kind, &x->line);
    } else {
        rc = buf_adds(&x->line, "{\"rows\": [");
    }
    if (rc == ERR_OK &&
        fwrite(x->line.data, 1, x->line.len, x->f) != x->line.len) {
        rc = ERR_IO;
    }
    const char *jenis = kind == REC_UNIT      ? "unit"
                        : kind == REC_JABATAN ? "jabatan"
                        : kind == REC_PEGAWAI ? "pegawai"
                                              : NULL;
    struct map ids;
    map_init(&ids);
    if (rc == ERR_OK && x->format == FORMAT_JSON && jenis != NULL) {
        rc = store_siasn_id_each(st, jenis, keep_id, &ids);
        x->ids = &ids;
    }
    if (rc == ERR_OK) {
        x->pr = progress_begin(L_("ekspor", "export"), L_("baris", "rows"), 0);
        rc = export_rows(st, kind, x);
        progress_end(x->pr);
        x->pr = NULL;
    }
    x->ids = NULL;
    map_each(&ids, free_id, NULL);
    map_cleanup(&ids);
    if (rc == ERR_OK && x->format == FORMAT_JSON &&
        fputs(x->n_rows ? "\n]}\n" : "]}\n", x->f) == EOF) {
        rc = ERR_IO;
    }
    buf_cleanup(&x->line);
    return rc;
}

static int
parse_format(const char *arg, enum format *out)
{
    if (strcmp(arg, "csv") == 0) {
        *out = FORMAT_CSV;
    } else if (strcmp(arg, "json") == 0) {
        *out = FORMAT_JSON;
    } else if (strcmp(arg, "xlsx") == 0) {
        *out = FORMAT_XLSX;
    } else {
        return cli_usage("export",
                         L_("format '%s' tidak dikenal (csv, json, xlsx)",
                            "unknown format '%s' (csv, json, xlsx)"),
                         arg);
    }
    return 0;
}

/* The analysis export is the sixth kind, after the data kinds; a saved
 * plan ('plan:NAME') the seventh. */
#define KIND_ABK    REC_N_KINDS
#define KIND_PLAN   (REC_N_KINDS + 1)
#define KIND_REG    (REC_N_KINDS + 2) /* The register of documents. */
#define PLAN_PREFIX "plan:"

static int
parse_kind(const char *arg, enum rec_kind *out)
{
    if (rec_kind_parse(arg, out) == ERR_OK) {
        return 0;
    }
    if (strcmp(arg, "abk") == 0) {
        *out = (enum rec_kind)KIND_ABK;
        return 0;
    }
    if (strcmp(arg, "register") == 0) {
        *out = (enum rec_kind)KIND_REG;
        return 0;
    }
    if (strncmp(arg, PLAN_PREFIX, strlen(PLAN_PREFIX)) == 0 &&
        arg[strlen(PLAN_PREFIX)] != '\0') {
        *out = (enum rec_kind)KIND_PLAN;
        return 0;
    }
    return cli_usage("export",
                     L_("jenis data '%s' tidak dikenal (unit, jabatan, beban, "
                        "pegawai, permohonan, abk, plan:NAMA, register)",
                        "unknown data kind '%s' (unit, jabatan, beban, "
                        "pegawai, permohonan, abk, plan:NAME, register)"),
                     arg);
}

/* The spreadsheets: the ABK, a plan's moves, the nominative list. */
static enum err
export_xlsx(struct store *st, enum rec_kind kind, const char *arg, FILE *f)
{
    if ((int)kind == KIND_ABK) {
        return xlsx_export_abk(st, date_today(), f);
    }
    if ((int)kind == KIND_PLAN) {
        return cli_plan_export_xlsx(st, arg + strlen(PLAN_PREFIX), f);
    }
    if ((int)kind == KIND_REG) {
        return xlsx_export_register(st, f);
    }
    switch (kind) {
    case REC_UNIT:
        return xlsx_export_unit(st, f);
    case REC_BEBAN:
        return xlsx_export_beban(st, f);
    case REC_PERMOHONAN:
        return xlsx_export_permohonan(st, f);
    default:
        return xlsx_export_pegawai(st, f);
    }
}

/* The register of documents as CSV or JSON. */
static enum err
export_register(struct store *st, enum format format, FILE *f)
{
    struct buf b;
    buf_init(&b, 0);
    struct json_obj *o = json_obj_create();
    enum err rc =
        format == FORMAT_CSV ? docreg_csv(st, &b) : docreg_json(st, o);
    if (rc == ERR_OK && format != FORMAT_CSV) {
        rc = json_obj_format(o, &b);
        rc = rc == ERR_OK ? buf_adds(&b, "\n") : rc;
    }
    if (rc == ERR_OK && fwrite(b.data, 1, b.len, f) != b.len) {
        rc = ERR_IO;
    }
    json_obj_destroy(o);
    buf_cleanup(&b);
    return rc;
}

/* Write the records of 'b' as JSON lines to 'f'. */
static enum err
siasn_lines(const struct siasn_batch *b, FILE *f)
{
    struct buf line;
    enum err rc = ERR_OK;
    buf_init(&line, 0);
    for (size_t i = 0; i < b->n_moves && rc == ERR_OK; i++) {
        buf_reset(&line);
        rc = siasn_out_record(b, i, &line);
        rc = rc == ERR_OK ? buf_adds(&line, "\n") : rc;
        if (rc == ERR_OK && fwrite(line.data, 1, line.len, f) != line.len) {
            rc = ERR_IO;
        }
    }
    buf_cleanup(&line);
    return rc;
}

/* 'export siasn PLAN': the write-back records of a decided plan as JSON
 * lines to 'path' (stdout when NULL) and, with 'xlsx', as a list of
 * proposed moves. Nothing is written when a record lacks an id. */
static int
export_siasn(const struct cli *c, const char *plan, const char *path,
             const char *xlsx)
{
    struct store *st = NULL;
    struct siasn_batch b;
    struct buf why;
    memset(&b, 0, sizeof(b));
    buf_init(&why, 0);
    enum err rc = cli_store_open(c, false, &st);
    if (rc == ERR_OK) {
        rc = siasn_out_load(st, plan, &b, &why);
        if (rc == ERR_NOTFOUND) {
            cli_error(L_("rencana '%s' tidak ada", "plan '%s' does not exist"),
                      plan);
        } else if (rc == ERR_INVAL) {
            size_t n = 0;
            for (size_t i = 0; i < why.len; i++) {
                n += why.data[i] == '\n';
            }
            fputs(buf_str(&why), stderr);
            cli_error(L_("ekspor SIASN rencana %s ditolak: %zu id SIASN "
                         "belum ada; tidak ada yang ditulis",
                         "SIASN export of plan %s refused: %zu SIASN ids "
                         "missing; nothing written"),
                      plan, n);
        } else if (rc == ERR_CONFLICT) {
            cli_error("%s", buf_str(&why));
        } else if (rc != ERR_OK) {
            cli_error("%s: %s", c->db_shown, store_errmsg(st));
        }
    }
    struct cli_out out;
    struct cli_out out_x;
    if (rc == ERR_OK && xlsx != NULL) {
        rc = cli_out_open(&out_x, xlsx);
        if (rc == ERR_OK) {
            rc = xlsx_export_siasn(&b, out_x.f);
            enum err rc2 = cli_out_close(&out_x, rc == ERR_OK);
            rc = rc == ERR_OK ? rc2 : rc;
        }
    }
    if (rc == ERR_OK) {
        rc = cli_out_open(&out, path);
        if (rc == ERR_OK) {
            rc = siasn_lines(&b, out.f);
            enum err rc2 = cli_out_close(&out, rc == ERR_OK);
            rc = rc == ERR_OK ? rc2 : rc;
        }
    }
    siasn_out_cleanup(&b);
    buf_cleanup(&why);
    store_close(st);
    return cli_exit(rc);
}

int
cli_export_run(const struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"xlsx", required_argument, NULL, 'x'},
        {NULL, 0, NULL, 0}};
    const char *xlsx = NULL;
    bool format_given = false;
    struct exporter x = {NULL, FORMAT_CSV, 0, {NULL, 0, 0, 0}, NULL, NULL};
    enum rec_kind kind = REC_UNIT;
    const char *path = NULL;
    int ch = 0;
    int code = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "o:", opts, NULL)) != -1 &&
           code == 0) {
        if (ch == 'f') {
            code = parse_format(optarg, &x.format);
            format_given = true;
        } else if (ch == 'x') {
            xlsx = optarg;
        } else if (ch == 'o') {
            path = optarg;
        } else {
            code = cli_usage("export",
                             L_("opsi '%s' tidak dikenal atau "
                                "tanpa nilai",
                                "unknown option or missing value: "
                                "'%s'"),
                             argv[optind - 1]);
        }
    }
    if (code != 0) {
        return code;
    }
    if (optind < argc && strcmp(argv[optind], "siasn") == 0) {
        if (optind != argc - 2 || format_given) {
            return cli_usage("export", "%s",
                             L_("gunakan: export siasn RENCANA [-o BERKAS] "
                                "[--xlsx BERKAS.xlsx]",
                                "use: export siasn PLAN [-o FILE] "
                                "[--xlsx FILE.xlsx]"));
        }
        return export_siasn(c, argv[optind + 1], path, xlsx);
    }
    if (xlsx != NULL) {
        return cli_usage("export", "%s",
                         L_("--xlsx hanya untuk export siasn RENCANA",
                            "--xlsx is only for export siasn PLAN"));
    }
    if (optind != argc - 1) {
        return cli_usage(
            "export", "%s",
            L_("sebutkan tepat satu jenis data", "name exactly one data kind"));
    }
    code = parse_kind(argv[optind], &kind);
    if (code != 0) {
        return code;
    }
    if (x.format == FORMAT_XLSX &&
        (kind == REC_JABATAN || kind == REC_KINERJA)) {
        return cli_usage("export", "%s",
                         L_("format xlsx tersedia untuk unit, beban, pegawai, "
                            "permohonan, abk, plan:NAMA dan register",
                            "the xlsx format is for unit, beban, pegawai, "
                            "permohonan, abk, plan:NAME and register"));
    }
    struct store *st = NULL;
    struct cli_out out;
    enum err rc = cli_store_open(c, false, &st);
    if (rc == ERR_OK) {
        rc = cli_out_open(&out, path);
        if (rc == ERR_OK) {
            x.f = out.f;
            enum cli_format f = x.format == FORMAT_CSV ? CLI_CSV : CLI_JSON;
            if (x.format == FORMAT_XLSX) {
                rc = export_xlsx(st, kind, argv[optind], x.f);
            } else if ((int)kind == KIND_REG) {
                rc = export_register(st, x.format, x.f);
            } else if ((int)kind == KIND_ABK) {
                rc = cli_abk_export(st, date_today(), f, x.f);
            } else if ((int)kind == KIND_PLAN) {
                rc = cli_plan_export(st, argv[optind] + strlen(PLAN_PREFIX), f,
                                     x.f);
            } else {
                rc = export_kind(st, kind, &x);
            }
            if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
                cli_error("%s: %s", c->db_shown, store_errmsg(st));
            }
            enum err rc2 = cli_out_close(&out, rc == ERR_OK);
            rc = rc == ERR_OK ? rc2 : rc;
        }
    }
    store_close(st);
    return cli_exit(rc);
}
