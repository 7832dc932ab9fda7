/* SPDX-License-Identifier: MIT */
/* cli_init: 'mutasi init' creates or upgrades the schema (cli layer). */
#include "cli_init.h"

#include <stdio.h>
#include <string.h>

#include "cli_util.h"
#include "diag.h"
#include "store.h"

/* One account whose role the upgrade changed (the audit says so). */
static enum err
role_changed(void *ctx, const struct store_audit *a, const char *at)
{
    (void)ctx;
    (void)at;
    if (strcmp(a->action, "ubah_peran") == 0 && strcmp(a->actor, "init") == 0) {
        printf(L_("akun %s: peran pimpinan kini ppk (TPK dan PPK dipisah; "
                  "beri anggota TPK akun berperan tpk)\n",
                  "account %s: role pimpinan is now ppk (TPK and PPK are "
                  "apart; give TPK members accounts with role tpk)\n"),
               a->entity_id ? a->entity_id : "?");
    }
    return ERR_OK;
}

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
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    } else if (from == STORE_SCHEMA_VERSION) {
        printf(L_("%s: skema sudah versi %d\n",
                  "%s: schema already at version %d\n"),
               c->db_shown, from);
    } else {
        printf(L_("%s: skema diperbarui dari versi %d ke %d\n",
                  "%s: schema upgraded from version %d to %d\n"),
               c->db_shown, from, STORE_SCHEMA_VERSION);
        /* Schema 3 split the role pimpinan; say whom it touched. */
        rc = from > 0 && from < 3 ? store_audit_each(st, "user", NULL, 100000,
                                                     role_changed, NULL)
                                  : ERR_OK;
    }
    store_close(st);
    return cli_exit(rc);
}
