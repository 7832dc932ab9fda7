/* SPDX-License-Identifier: MIT */
/* cli_sk: the decree command (cli layer). */
#include "cli_sk.h"

#include <getopt.h>
#include <stdbool.h>
#include <string.h>

#include "cli_util.h"
#include "diag.h"
#include "sk.h"
#include "store.h"
#include "tenang.h"

int
cli_sk_run(const struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"nip", required_argument, NULL, 'n'},
        {"output", required_argument, NULL, 'o'},
        {"laporan", no_argument, NULL, 'l'},
        {NULL, 0, NULL, 0}};
    const char *nip = NULL;
    bool laporan = false;
    const char *path = NULL;
    int ch = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        if (ch == 'n') {
            nip = optarg;
        } else if (ch == 'o') {
            path = optarg;
        } else if (ch == 'l') {
            laporan = true;
        } else {
            return cli_usage("sk",
                             L_("opsi atau nilai tidak sah: '%s'",
                                "invalid option or value: '%s'"),
                             argv[optind - 1]);
        }
    }
    if (optind != argc - 1 || path == NULL || (laporan && nip != NULL)) {
        return cli_usage("sk", "%s",
                         L_("gunakan: sk RENCANA [--nip NIP | --laporan] -o "
                            "BERKAS.pdf",
                            "use: sk PLAN [--nip NIP | --laporan] -o "
                            "FILE.pdf"));
    }
    struct store *st = NULL;
    struct cli_out out;
    char why[256] = "";
    enum err rc = cli_store_open(c, false, &st);
    rc = rc == ERR_OK ? cli_out_open(&out, path) : rc;
    if (rc == ERR_OK) {
        struct sk_ask ask = {argv[optind], nip, c->actor};
        rc = laporan ? tenang_report_write(st, argv[optind], c->actor, out.f,
                                           why, sizeof(why))
                     : sk_write(st, &ask, out.f, why, sizeof(why));
        if (rc == ERR_NOTFOUND && why[0] == '\0') {
            cli_error(L_("rencana '%s' tidak ada", "plan '%s' does not exist"),
                      argv[optind]);
        } else if (rc != ERR_OK && why[0] != '\0') {
            cli_error("%s", why);
        } else if (rc != ERR_OK) {
            cli_error("%s: %s", c->db_shown, store_errmsg(st));
        }
        enum err rc2 = cli_out_close(&out, rc == ERR_OK);
        rc = rc == ERR_OK ? rc2 : rc;
    }
    store_close(st);
    return cli_exit(rc);
}
