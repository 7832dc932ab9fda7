/* SPDX-License-Identifier: MIT */
/* cli_import: 'mutasi import' loads CSV files, or a folder of SIASN's
 * files with --from siasn, all or nothing (cli layer). */
#include "cli_import.h"

#include <stdio.h>
#include <string.h>

#include "cli_util.h"
#include "csv.h"
#include "diag.h"
#include "import.h"
#include "import_batas.h"
#include "import_siasn.h"
#include "store.h"
#include "xlsx.h"

static void
print_stats(FILE *f, const struct import_stats *s)
{
    fprintf(f, "%s", L_("diimpor:", "imported:"));
    for (int k = 0; k < REC_N_KINDS; k++) {
        if (s->n_rows[k] > 0) {
            fprintf(f, " %s %ld", rec_kind_name((enum rec_kind)k),
                    s->n_rows[k]);
        }
    }
    fprintf(f,
            L_(" (pegawai baru %ld, berubah %ld)\n",
               " (new employees %ld, changed %ld)\n"),
            s->n_new, s->n_changed);
}

static const char *const recon_headers[] = {"perubahan", "nip", "nama",
                                            "sebelum", "sesudah"};

static enum err
recon_xlsx(const struct siasn_report *rep, const char *path)
{
    struct xlsx_book *b = NULL;
    enum err rc = xlsx_create(path, "rekonsiliasi", recon_headers, 5, &b);
    for (size_t i = 0; rc == ERR_OK && i < rep->n_changes; i++) {
        const struct siasn_change *c = &rep->changes[i];
        struct xlsx_cell cells[5] = {{c->perubahan, 0, -1},
                                     {c->nip, 0, -1},
                                     {c->nama, 0, -1},
                                     {c->sebelum, 0, -1},
                                     {c->sesudah, 0, -1}};
        rc = xlsx_row(b, cells, 5);
    }
    if (b != NULL) {
        enum err rc2 = xlsx_close(b);
        rc = rc == ERR_OK ? rc2 : rc;
    }
    if (rc != ERR_OK) {
        cli_error(L_("%s tidak dapat ditulis", "%s cannot be written"), path);
    }
    return rc;
}

static enum err
recon_csv(const struct siasn_report *rep, const char *path)
{
    struct cli_out o;
    struct buf line;
    enum err rc = cli_out_open(&o, path);
    if (rc != ERR_OK) {
        return rc;
    }
    buf_init(&line, 0);
    rc = csv_format_row(&line, recon_headers, 5);
    for (size_t i = 0; rc == ERR_OK && i < rep->n_changes; i++) {
        const struct siasn_change *c = &rep->changes[i];
        const char *f[5] = {c->perubahan, c->nip, c->nama, c->sebelum,
                            c->sesudah};
        rc = csv_format_row(&line, f, 5);
    }
    if (rc == ERR_OK) {
        fputs(buf_str(&line), o.f);
    }
    buf_cleanup(&line);
    enum err rc2 = cli_out_close(&o, rc == ERR_OK);
    return rc == ERR_OK ? rc2 : rc;
}

/* The unit kinds guessed from names, for review, on stderr. */
static void
print_guesses(const struct siasn_report *rep)
{
    if (rep->n_guesses == 0) {
        return;
    }
    fprintf(stderr,
            L_("mutasi: jenis %zu unit baru ditebak dari namanya; periksa "
               "(ubah dengan impor unit.csv):\n",
               "mutasi: the kind of %zu new units was guessed from their "
               "names; check them (change with a unit.csv import):\n"),
            rep->n_guesses);
    for (size_t i = 0; i < rep->n_guesses; i++) {
        const struct siasn_guess *g = &rep->guesses[i];
        fprintf(stderr, "  %-24s %-12s %s%s\n", g->kode, g->jenis, g->nama,
                g->sure ? ""
                        : L_(" (tidak ada petunjuk di nama)",
                             " (no hint in the name)"));
    }
}

/* Counts of each kind of change, on 'f'. */
static void
print_counts(FILE *f, const struct siasn_report *rep, bool dry_run)
{
    static const char *const kinds[] = {
        "baru",    "pindah", "naik_pangkat", "ganti_jabatan",
        "pensiun", "keluar", "hilang"};
    fprintf(f, "%s",
            dry_run ? L_("uji coba, tidak ada yang ditulis; "
                         "perubahan:",
                         "dry run, nothing written; changes:")
                    : L_("perubahan:", "changes:"));
    for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
        long n = 0;
        for (size_t i = 0; i < rep->n_changes; i++) {
            n += strcmp(rep->changes[i].perubahan, kinds[k]) == 0;
        }
        fprintf(f, " %s %ld", kinds[k], n);
    }
    fprintf(f, "\n");
}

static bool
ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s);
    size_t t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

static int
run_siasn(const struct cli *c, struct store *st, const char *dir,
          const char *out, bool dry_run, bool replace_app_rows)
{
    struct diag d;
    struct import_stats stats;
    struct siasn_report rep;
    struct import_siasn_opts o = {dry_run, true, replace_app_rows};
    diag_init(&d, DIAG_MAX_DEFAULT);
    enum err rc = import_siasn(st, dir, c->actor, &o, &d, &stats, &rep);
    cli_print_diag(&d);
    if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    } else if (rc == ERR_OK) {
        print_guesses(&rep);
        /* The table goes to stdout on a re-import (or to -o FILE); the
         * rest is then on stderr, so that stdout is one CSV. */
        bool table = out != NULL || rep.n_before > 0;
        bool on_stdout = table && (out == NULL || strcmp(out, "-") == 0);
        FILE *f = on_stdout ? stderr : stdout;
        if (table && out != NULL && ends_with(out, ".xlsx")) {
            rc = recon_xlsx(&rep, out);
        } else if (table) {
            rc = recon_csv(&rep, out);
        }
        if (!dry_run) {
            print_stats(f, &stats);
        }
        print_counts(f, &rep, dry_run);
    }
    siasn_report_cleanup(&rep);
    diag_cleanup(&d);
    return cli_exit(rc);
}

/* 'mutasi import --batas FILE.geojson': the boundaries of the map. */
static int
import_batas_run(const struct cli *c, const char *path)
{
    struct store *st = NULL;
    struct diag d;
    struct import_batas_stats s;
    enum err rc = cli_store_open(c, false, &st);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    diag_init(&d, DIAG_MAX_DEFAULT);
    rc = import_batas_file(st, path, c->actor, &d, &s);
    cli_print_diag(&d);
    if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    } else if (rc == ERR_OK) {
        printf(L_("diimpor: batas %ld kelurahan, %ld kecamatan (%ld titik)\n",
                  "imported: boundaries of %ld kelurahan, %ld kecamatan (%ld "
                  "points)\n"),
               s.n_kelurahan, s.n_kecamatan, s.n_titik);
    }
    diag_cleanup(&d);
    store_close(st);
    return cli_exit(rc);
}

int
cli_import_run(const struct cli *c, int argc, char **argv)
{
    struct store *st = NULL;
    struct diag d;
    struct import_stats stats;
    struct import_opts opts = {false, true};
    bool siasn = false;
    bool dry_run = false;
    const char *out = NULL;
    int first = 1;
    for (; first < argc && argv[first][0] == '-' && argv[first][1] != '\0';
         first++) {
        if (strcmp(argv[first], "--") == 0) {
            first++;
            break;
        }
        if (strcmp(argv[first], "--batas") == 0) {
            if (first + 2 != argc) {
                return cli_usage("import", "%s",
                                 L_("--batas memerlukan tepat satu berkas "
                                    "GeoJSON",
                                    "--batas needs exactly one GeoJSON file"));
            }
            return import_batas_run(c, argv[first + 1]);
        }
        if (strcmp(argv[first], "--from") == 0 && first + 1 < argc &&
            (strcmp(argv[first + 1], "csv") == 0 ||
             strcmp(argv[first + 1], "siasn") == 0)) {
            siasn = strcmp(argv[++first], "siasn") == 0;
        } else if (strcmp(argv[first], "--dry-run") == 0) {
            dry_run = true;
        } else if (strcmp(argv[first], "-o") == 0 && first + 1 < argc) {
            out = argv[++first];
        } else if (strcmp(argv[first], "--replace-api-rows") == 0) {
            opts.replace_app_rows = true;
        } else {
            return cli_usage(
                "import", L_("opsi '%s' tidak dikenal", "unknown option '%s'"),
                argv[first]);
        }
    }
    if (siasn && argc - first != 1) {
        return cli_usage("import", "%s",
                         L_("--from siasn memuat satu folder berkas SIASN",
                            "--from siasn loads one folder of SIASN files"));
    }
    if (!siasn && (dry_run || out != NULL)) {
        return cli_usage("import", "%s",
                         L_("--dry-run dan -o hanya untuk --from siasn",
                            "--dry-run and -o are for --from siasn only"));
    }
    if (argc <= first) {
        return cli_usage("import", "%s",
                         L_("sebutkan paling sedikit satu berkas CSV",
                            "name at least one CSV file"));
    }
    enum err rc = cli_store_open(c, false, &st);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    if (siasn) {
        int code =
            run_siasn(c, st, argv[first], out, dry_run, opts.replace_app_rows);
        store_close(st);
        return code;
    }
    diag_init(&d, DIAG_MAX_DEFAULT);
    rc = import_files_opts(st, (const char *const *)(argv + first),
                           argc - first, c->actor, &opts, &d, &stats);
    cli_print_diag(&d);
    if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    } else if (rc == ERR_OK) {
        print_stats(stdout, &stats);
    }
    diag_cleanup(&d);
    store_close(st);
    return cli_exit(rc);
}
