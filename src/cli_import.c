/* SPDX-License-Identifier: MIT */
/* cli_import: 'mutasi import' loads CSV files, all or nothing (cli
 * layer). */
#include "cli_import.h"

#include <stdio.h>
#include <string.h>

#include "cli_util.h"
#include "diag.h"
#include "import.h"
#include "import_batas.h"
#include "store.h"

static void
print_stats(const struct import_stats *s)
{
    printf("%s", L_("diimpor:", "imported:"));
    for (int k = 0; k < REC_N_KINDS; k++) {
        if (s->n_rows[k] > 0) {
            printf(" %s %ld", rec_kind_name((enum rec_kind)k), s->n_rows[k]);
        }
    }
    printf(L_(" (pegawai baru %ld, berubah %ld)\n",
              " (new employees %ld, changed %ld)\n"),
           s->n_new, s->n_changed);
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
        cli_error("%s: %s", c->db, store_errmsg(st));
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
        if (strcmp(argv[first], "--replace-api-rows") != 0) {
            return cli_usage(
                "import", L_("opsi '%s' tidak dikenal", "unknown option '%s'"),
                argv[first]);
        }
        opts.replace_app_rows = true;
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
    diag_init(&d, DIAG_MAX_DEFAULT);
    rc = import_files_opts(st, (const char *const *)(argv + first),
                           argc - first, c->actor, &opts, &d, &stats);
    cli_print_diag(&d);
    if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
        cli_error("%s: %s", c->db, store_errmsg(st));
    } else if (rc == ERR_OK) {
        print_stats(&stats);
    }
    diag_cleanup(&d);
    store_close(st);
    return cli_exit(rc);
}
