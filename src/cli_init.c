/* SPDX-License-Identifier: MIT */
/* cli_init: 'mutasi init' creates or upgrades the schema (cli layer). */
#include "cli_init.h"

#include <stdio.h>

#include "cli_util.h"
#include "diag.h"
#include "store.h"

int
cli_init_run(const struct cli *c, int argc, char **argv)
{
    struct store *st = NULL;
    int from = 0;
    (void)argv;
    if (argc > 1) {
        return cli_usage("init", "%s",
                         L_("tidak menerima argumen", "takes no arguments"));
    }
    enum err rc = cli_store_open(c, true, &st);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    rc = store_migrate(st, &from);
    if (rc != ERR_OK) {
        cli_error("%s: %s", c->db, store_errmsg(st));
    } else if (from == STORE_SCHEMA_VERSION) {
        printf(L_("%s: skema sudah versi %d\n",
                  "%s: schema already at version %d\n"),
               c->db, from);
    } else {
        printf(L_("%s: skema diperbarui dari versi %d ke %d\n",
                  "%s: schema upgraded from version %d to %d\n"),
               c->db, from, STORE_SCHEMA_VERSION);
    }
    store_close(st);
    return cli_exit(rc);
}
