/* SPDX-License-Identifier: MIT */
/* cli_gen: 'mutasi gen' writes a synthetic data set into a folder (cli
 * layer): the five CSV files and README.txt, each written whole or not at
 * all. */
#include "cli_gen.h"

#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cli_util.h"
#include "diag.h"
#include "gen.h"
#include "gen_siasn.h"
#include "kurikulum.h"
#include "mem.h"

struct gen_args {
    struct gen_opts o;
    const char *dir;
    bool siasn; /* --format siasn. */
};

static int
parse_args(int argc, char **argv, struct gen_args *a)
{
    static const struct option opts[] = {
        {"preset", required_argument, NULL, 'p'},
        {"employees", required_argument, NULL, 'e'},
        {"seed", required_argument, NULL, 's'},
        {"output", required_argument, NULL, 'o'},
        {"kurikulum", required_argument, NULL, 'k'},
        {"format", required_argument, NULL, 'f'},
        {NULL, 0, NULL, 0}};
    long v = 0;
    int ch = 0;
    bool have_preset = false;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        if (ch == 'p') {
            if (gen_preset_parse(optarg, &a->o.preset) != ERR_OK) {
                return cli_usage("gen",
                                 L_("preset '%s' tidak dikenal (mataram, "
                                    "provinsi, nasional)",
                                    "unknown preset '%s' (mataram, provinsi, "
                                    "nasional)"),
                                 optarg);
            }
            have_preset = true;
        } else if (ch == 'e' || ch == 's') {
            if (cli_parse_long("gen", ch == 'e' ? "--employees" : "--seed",
                               optarg, ch == 'e' ? 1 : 0,
                               ch == 'e' ? 100000000L : 2147483647L,
                               &v) != ERR_OK) {
                return 64;
            }
            if (ch == 'e') {
                a->o.n_employees = v;
            } else {
                a->o.seed = (uint64_t)v;
            }
        } else if (ch == 'o') {
            a->dir = optarg;
        } else if (ch == 'f') {
            if (strcmp(optarg, "csv") != 0 && strcmp(optarg, "siasn") != 0) {
                return cli_usage("gen",
                                 L_("format '%s' tidak dikenal (csv, siasn)",
                                    "unknown format '%s' (csv, siasn)"),
                                 optarg);
            }
            a->siasn = strcmp(optarg, "siasn") == 0;
        } else if (ch == 'k') {
            if (!kurikulum_parse(optarg, &a->o.kurikulum)) {
                return cli_usage("gen",
                                 L_("kurikulum '%s' tidak dikenal (merdeka, "
                                    "k13)",
                                    "unknown curriculum '%s' (merdeka, k13)"),
                                 optarg);
            }
        } else {
            return cli_usage("gen",
                             L_("opsi '%s' tidak dikenal atau tanpa "
                                "nilai",
                                "unknown option or missing value: "
                                "'%s'"),
                             argv[optind - 1]);
        }
    }
    if (!have_preset || a->dir == NULL || optind != argc) {
        return cli_usage("gen", "%s",
                         L_("perlu --preset dan -o FOLDER",
                            "--preset and -o FOLDER are required"));
    }
    return 0;
}

static enum err
make_dir(const char *dir)
{
    assert(dir != NULL); /* parse_args() requires -o. */
    if (mkdir(dir, 0777) == 0 || errno == EEXIST) {
        return ERR_OK;
    }
    cli_error(L_("%s: tidak dapat membuat folder: %s",
                 "%s: cannot create the folder: %s"),
              dir, strerror(errno));
    return ERR_IO;
}

static char *
path_in(const char *dir, const char *name)
{
    struct buf b;
    buf_init(&b, 0);
    if (buf_addf(&b, "%s/%s", dir, name) != ERR_OK) {
        abort(); /* No cap. */
    }
    return buf_take(&b);
}

static enum err
write_readme(const struct gen_args *a, const struct gen_stats *st)
{
    struct cli_out out;
    struct buf text;
    char *path = path_in(a->dir, "README.txt");
    buf_init(&text, 0);
    enum err rc = gen_readme(&a->o, st, &text);
    rc = rc == ERR_OK ? cli_out_open(&out, path) : rc;
    if (rc == ERR_OK) {
        bool ok = fwrite(text.data, 1, text.len, out.f) == text.len;
        rc = cli_out_close(&out, ok);
    }
    buf_cleanup(&text);
    free(path);
    return rc;
}

/* The kinds that --format siasn writes in SIASN's shape (through
 * temporary files) rather than as our CSV. */
static bool
in_siasn(const struct gen_args *a, int k)
{
    return a->siasn && (k == REC_UNIT || k == REC_JABATAN || k == REC_PEGAWAI);
}

/* The SIASN files from the temporary CSV of units, positions and staff. */
static enum err
write_siasn(const struct gen_args *a, FILE *const *tmp)
{
    struct cli_out outs[SIASN_N_FILES];
    FILE *files[SIASN_N_FILES];
    char *paths[SIASN_N_FILES];
    int n_open = 0;
    enum err rc = ERR_OK;
    for (; n_open < SIASN_N_FILES && rc == ERR_OK; n_open++) {
        paths[n_open] =
            path_in(a->dir, siasn_file_name((enum siasn_file)n_open));
        rc = cli_out_open(&outs[n_open], paths[n_open]);
        files[n_open] = rc == ERR_OK ? outs[n_open].f : NULL;
    }
    if (rc == ERR_OK) {
        rc = gen_siasn_write(tmp[REC_UNIT], tmp[REC_JABATAN], tmp[REC_PEGAWAI],
                             files);
    }
    for (int k = 0; k < n_open; k++) {
        if (files[k] != NULL) {
            enum err rc2 = cli_out_close(&outs[k], rc == ERR_OK);
            rc = rc == ERR_OK ? rc2 : rc;
        }
        free(paths[k]);
    }
    return rc;
}

/* Open the five outputs, run the generator, and keep all or none. */
static enum err
generate(const struct gen_args *a, struct gen_stats *st)
{
    struct cli_out outs[REC_N_KINDS];
    FILE *files[REC_N_KINDS];
    char *paths[REC_N_KINDS];
    int n_open = 0;
    enum err rc = ERR_OK;
    for (; n_open < REC_N_KINDS && rc == ERR_OK; n_open++) {
        if (in_siasn(a, n_open)) {
            files[n_open] = tmpfile();
            paths[n_open] = NULL;
            rc = files[n_open] != NULL ? ERR_OK : ERR_IO;
            continue;
        }
        struct buf name;
        buf_init(&name, 0);
        rc = buf_addf(&name, "%s.csv", rec_kind_name((enum rec_kind)n_open));
        paths[n_open] = path_in(a->dir, buf_str(&name));
        buf_cleanup(&name);
        rc = rc == ERR_OK ? cli_out_open(&outs[n_open], paths[n_open]) : rc;
        files[n_open] = rc == ERR_OK ? outs[n_open].f : NULL;
    }
    if (rc == ERR_OK) {
        rc = gen_run(&a->o, files, true, st);
        rc = rc == ERR_OK && a->siasn ? write_siasn(a, files) : rc;
        if (rc == ERR_IO) {
            cli_error(L_("%s: gagal menulis", "%s: write failed"), a->dir);
        }
    }
    for (int k = 0; k < n_open; k++) {
        if (in_siasn(a, k)) {
            if (files[k] != NULL) {
                fclose(files[k]);
            }
        } else if (files[k] != NULL) {
            enum err rc2 = cli_out_close(&outs[k], rc == ERR_OK);
            rc = rc == ERR_OK ? rc2 : rc;
        }
        free(paths[k]);
    }
    return rc;
}

int
cli_gen_run(const struct cli *c, int argc, char **argv)
{
    struct gen_args a;
    struct gen_stats st;
    (void)c;
    memset(&a, 0, sizeof(a));
    a.o.seed = 1;
    int code = parse_args(argc, argv, &a);
    if (code != 0) {
        return code;
    }
    enum err rc = make_dir(a.dir);
    rc = rc == ERR_OK ? generate(&a, &st) : rc;
    rc = rc == ERR_OK ? write_readme(&a, &st) : rc;
    if (rc == ERR_OK) {
        printf(L_("%s: %ld pemerintah, %ld unit, %ld beban, %ld pegawai (PNS "
                  "%ld, PPPK %ld, CPNS %ld, PPPK paruh waktu %ld), %ld "
                  "permohonan, %ld nilai SKP\n",
                  "%s: %ld governments, %ld units, %ld workload rows, %ld "
                  "staff (PNS %ld, PPPK %ld, CPNS %ld, part-time PPPK %ld), "
                  "%ld requests, %ld SKP ratings\n"),
               a.dir, st.n_govs, st.n_rows[REC_UNIT], st.n_rows[REC_BEBAN],
               st.n_rows[REC_PEGAWAI], st.n_pns, st.n_pppk, st.n_cpns,
               st.n_pppk_pw, st.n_rows[REC_PERMOHONAN], st.n_rows[REC_KINERJA]);
    }
    return cli_exit(rc);
}
