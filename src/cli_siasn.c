/* SPDX-License-Identifier: MIT */
/* cli_siasn: SIASN's ids by hand and the API client (cli layer). Exit
 * codes: 64 usage, 65 a bad configuration file or moves SIASN refused, 66
 * a configuration file that cannot be read, 69 SIASN cannot be reached
 * (or answers something that is not its API), 77 credentials refused. */
#include "cli_siasn.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli_util.h"
#include "diag.h"
#include "model.h"
#include "progress.h"
#include "siasn_api.h"
#include "siasn_conf.h"
#include "siasn_http.h"
#include "siasn_out.h"
#include "store.h"

/* Print the lines of 'why' (each as is) to stderr. */
static void
print_why(const struct buf *why)
{
    if (why->len > 0) {
        fputs(buf_str(why), stderr);
        if (why->data[why->len - 1] != '\n') {
            fputc('\n', stderr);
        }
    }
}

static int
id_set(const struct cli *c, int argc, char **argv)
{
    if (argc != 5) {
        return cli_usage("siasn", "%s",
                         L_("gunakan: siasn id JENIS KODE ID_SIASN",
                            "use: siasn id KIND CODE SIASN_ID"));
    }
    struct store *st = NULL;
    struct buf why;
    buf_init(&why, 0);
    enum err rc = cli_store_open(c, false, &st);
    if (rc == ERR_OK) {
        rc = siasn_id_assign(st, argv[2], argv[3], argv[4], c->actor, &why);
        if (rc != ERR_OK && why.len > 0) {
            cli_error("%s", buf_str(&why));
        } else if (rc != ERR_OK) {
            cli_error("%s", store_errmsg(st));
        }
    }
    buf_cleanup(&why);
    store_close(st);
    return cli_exit(rc);
}

static enum err
id_row(void *ctx, const char *jenis, const char *kode, const char *id)
{
    (void)ctx;
    return printf("%s,%s,%s\n", jenis, kode, id) < 0 ? ERR_IO : ERR_OK;
}

static int
id_list(const struct cli *c, int argc, char **argv)
{
    (void)argv;
    if (argc != 2) {
        return cli_usage("siasn", "%s",
                         L_("gunakan: siasn ids", "use: siasn ids"));
    }
    struct store *st = NULL;
    enum err rc = cli_store_open(c, false, &st);
    if (rc == ERR_OK) {
        rc = printf("jenis,kode,siasn_id\n") < 0 ? ERR_IO : ERR_OK;
        rc = rc == ERR_OK ? store_siasn_id_each(st, NULL, id_row, NULL) : rc;
        if (rc == ERR_DB || rc == ERR_UNAVAILABLE) {
            cli_error("%s: %s", c->db_shown, store_errmsg(st));
        }
    }
    store_close(st);
    return cli_exit(rc);
}

/* Read configuration 'path' into 'conf' and log in; messages printed. */
static enum err
open_api(const char *path, struct siasn_conf *conf, struct siasn_client *cl)
{
    struct diag d;
    diag_init(&d, DIAG_MAX_DEFAULT);
    enum err rc = siasn_conf_load(path, conf, &d);
    for (size_t i = 0; i < d.n_lines; i++) {
        fprintf(stderr, "%s\n", d.lines[i]);
    }
    diag_cleanup(&d);
    if (rc == ERR_NOINPUT) {
        cli_error(L_("berkas konfigurasi %s tidak dapat dibaca",
                     "configuration file %s cannot be read"),
                  path);
    }
    rc = rc == ERR_OK ? siasn_http_init() : rc;
    if (rc == ERR_OK) {
        struct buf why;
        buf_init(&why, 0);
        rc = siasn_login(cl, conf, &why);
        if (rc != ERR_OK) {
            cli_error("%s", buf_str(&why));
        }
        buf_cleanup(&why);
    }
    return rc;
}

struct args {
    const char *config;
    const char *out;
    const char **nips;
    size_t n_nips;
};

static int
parse_args(int argc, char **argv, struct args *a)
{
    static const struct option opts[] = {
        {"config", required_argument, NULL, 'c'},
        {"output", required_argument, NULL, 'o'},
        {"nip", required_argument, NULL, 'n'},
        {NULL, 0, NULL, 0}};
    int ch = 0;
    memset(a, 0, sizeof(*a));
    a->nips = calloc((size_t)argc + 1, sizeof(*a->nips));
    if (a->nips == NULL) {
        return cli_exit(ERR_INTERNAL);
    }
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        if (ch == 'c') {
            a->config = optarg;
        } else if (ch == 'o') {
            a->out = optarg;
        } else if (ch == 'n') {
            a->nips[a->n_nips++] = optarg;
        } else {
            return cli_usage("siasn",
                             L_("opsi atau nilai tidak sah: '%s'",
                                "invalid option or value: '%s'"),
                             argv[optind - 1]);
        }
    }
    if (a->config == NULL) {
        return cli_usage("siasn", "%s",
                         L_("sebutkan --config BERKAS", "give --config FILE"));
    }
    return 0;
}

static int
push(const struct cli *c, int argc, char **argv)
{
    struct args a;
    int code = parse_args(argc, argv, &a);
    if (code == 0 && (optind != argc - 1 || a.out || a.n_nips)) {
        code = cli_usage("siasn", "%s",
                         L_("gunakan: siasn push RENCANA --config BERKAS",
                            "use: siasn push PLAN --config FILE"));
    }
    if (code != 0) {
        free(a.nips);
        return code;
    }
    const char *plan = argv[optind];
    struct store *st = NULL;
    struct siasn_conf conf;
    struct siasn_client cl;
    struct buf why;
    struct siasn_push_count n = {0, 0, 0};
    memset(&cl, 0, sizeof(cl));
    buf_init(&why, 0);
    enum err rc = cli_store_open(c, false, &st);
    /* The records are checked before any network traffic. */
    if (rc == ERR_OK) {
        struct siasn_batch b;
        rc = siasn_out_load(st, plan, &b, &why);
        siasn_out_cleanup(&b);
        if (rc == ERR_NOTFOUND) {
            cli_error(L_("rencana '%s' tidak ada", "plan '%s' does not exist"),
                      plan);
        } else if (rc != ERR_OK) {
            print_why(&why);
        }
        buf_reset(&why);
    }
    memset(&conf, 0, sizeof(conf));
    rc = rc == ERR_OK ? open_api(a.config, &conf, &cl) : rc;
    if (rc == ERR_OK) {
        struct progress *pr = progress_begin(L_("kirim SIASN", "SIASN push"),
                                             L_("usul", "moves"), 0);
        rc = siasn_push(st, &cl, plan, pr, &n, &why);
        progress_end(pr);
        print_why(&why);
        printf(L_("terkirim %ld, sudah terkirim sebelumnya %ld, gagal %ld\n",
                  "sent %ld, sent before %ld, failed %ld\n"),
               n.terkirim, n.dilewati, n.gagal);
        if (rc == ERR_OK && n.gagal > 0) {
            cli_error(L_("%ld usul ditolak SIASN; jalankan push lagi untuk "
                         "mengirim ulang yang gagal saja",
                         "SIASN refused %ld moves; run push again to resend "
                         "only the failed ones"),
                      n.gagal);
            rc = ERR_INVAL;
        } else if (rc == ERR_UNAVAILABLE) {
            cli_error("%s", L_("SIASN tidak dapat dihubungi; jalankan push "
                               "lagi nanti",
                               "SIASN cannot be reached; run push again "
                               "later"));
        } else if (rc == ERR_DB) {
            cli_error("%s: %s", c->db_shown, store_errmsg(st));
        }
    }
    siasn_client_cleanup(&cl);
    siasn_conf_cleanup(&conf);
    buf_cleanup(&why);
    store_close(st);
    free(a.nips);
    return cli_exit(rc);
}

/* Collect the NIP of each employee into the list 'ctx'. */
struct nip_list {
    char **v;
    size_t n;
    size_t cap;
};

static enum err
nip_row(void *ctx, const struct pegawai *p)
{
    struct nip_list *l = ctx;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **v = realloc(l->v, cap * sizeof(*v));
        if (v == NULL) {
            return ERR_INTERNAL;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n] = strdup(p->nip);
    return l->v[l->n++] ? ERR_OK : ERR_INTERNAL;
}

static int
pull(const struct cli *c, int argc, char **argv)
{
    struct args a;
    int code = parse_args(argc, argv, &a);
    if (code == 0 && (optind != argc || a.out == NULL)) {
        code = cli_usage("siasn", "%s",
                         L_("gunakan: siasn pull --config BERKAS -o FOLDER "
                            "[--nip NIP]...",
                            "use: siasn pull --config FILE -o FOLDER "
                            "[--nip NIP]..."));
    }
    if (code != 0) {
        free(a.nips);
        return code;
    }
    struct nip_list l = {NULL, 0, 0};
    struct store *st = NULL;
    struct siasn_conf conf;
    struct siasn_client cl;
    struct buf why;
    struct siasn_pull_count n = {0, 0};
    enum err rc = ERR_OK;
    memset(&cl, 0, sizeof(cl));
    memset(&conf, 0, sizeof(conf));
    buf_init(&why, 0);
    if (a.n_nips == 0) {
        rc = cli_store_open(c, false, &st);
        rc = rc == ERR_OK ? store_pegawai_each(st, nip_row, &l) : rc;
        if (rc == ERR_DB) {
            cli_error("%s: %s", c->db_shown, store_errmsg(st));
        }
    }
    rc = rc == ERR_OK ? open_api(a.config, &conf, &cl) : rc;
    if (rc == ERR_OK) {
        struct progress *pr = progress_begin(L_("tarik SIASN", "SIASN pull"),
                                             L_("pegawai", "employees"), 0);
        rc = a.n_nips ? siasn_pull(&cl, a.out, a.nips, a.n_nips, pr, &n, &why)
                      : siasn_pull(&cl, a.out, (const char *const *)l.v, l.n,
                                   pr, &n, &why);
        progress_end(pr);
        if (rc != ERR_OK) {
            print_why(&why);
        } else {
            printf(L_("%s: %ld unor, %ld pegawai\n",
                      "%s: %ld units, %ld employees\n"),
                   a.out, n.unor, n.pegawai);
        }
    }
    for (size_t i = 0; i < l.n; i++) {
        free(l.v[i]);
    }
    free(l.v);
    siasn_client_cleanup(&cl);
    siasn_conf_cleanup(&conf);
    buf_cleanup(&why);
    store_close(st);
    free(a.nips);
    return cli_exit(rc);
}

int
cli_siasn_run(const struct cli *c, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "id") == 0) {
        return id_set(c, argc, argv);
    }
    if (argc >= 2 && strcmp(argv[1], "ids") == 0) {
        return id_list(c, argc, argv);
    }
    if (argc >= 2 && strcmp(argv[1], "pull") == 0) {
        return pull(c, argc - 1, argv + 1);
    }
    if (argc >= 2 && strcmp(argv[1], "push") == 0) {
        return push(c, argc - 1, argv + 1);
    }
    return cli_usage("siasn", "%s",
                     L_("gunakan: siasn id|ids|pull|push ...",
                        "use: siasn id|ids|pull|push ..."));
}
