/* SPDX-License-Identifier: MIT */
/* cli_backup: backups that restore (cli layer). 'backup' copies the
 * database while a server goes on writing; 'restore' checks the copy
 * (integrity, a schema this program knows) before it replaces anything,
 * and never replaces an existing database without --force. Both leave a
 * line in the audit log. */
#include "cli_backup.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli_util.h"
#include "diag.h"
#include "json.h"
#include "store.h"

/* Progress on a terminal only: logs and tests get the last line alone. */
static void
show_progress(void *ctx, long done, long total)
{
    (void)ctx;
    if (total > 0 && isatty(STDERR_FILENO)) {
        fprintf(stderr, "\r%3ld%%", done * 100 / total);
        if (done == total) {
            fputs("\r    \r", stderr);
        }
    }
}

static enum err
audit(struct store *st, const struct cli *c, const char *action,
      const char *path, int version)
{
    struct json_obj *o = json_obj_create();
    struct buf after;
    buf_init(&after, 0);
    json_obj_set_str(o, "berkas", path);
    json_obj_set_int(o, "skema", version);
    enum err rc = json_obj_format(o, &after);
    struct store_audit a = {c->actor, "basis_data", NULL,
                            action,   NULL,         buf_str(&after)};
    rc = rc == ERR_OK ? store_audit_add(st, &a) : rc;
    json_obj_destroy(o);
    buf_cleanup(&after);
    return rc;
}

int
cli_backup_run(const struct cli *c, int argc, char **argv)
{
    (void)argv;
    if (argc != 2 || argv[1][0] == '-') {
        return cli_usage("backup", "%s",
                         L_("gunakan: backup BERKAS", "use: backup FILE"));
    }
    struct store *st = NULL;
    enum err rc = cli_store_open(c, false, &st);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    rc = store_backup(st, argv[1], show_progress, NULL);
    if (rc != ERR_OK) {
        cli_error("%s", store_errmsg(st));
    } else {
        rc = audit(st, c, "cadangkan", argv[1], STORE_SCHEMA_VERSION);
        if (rc != ERR_OK) {
            cli_error("%s: %s", c->db_shown, store_errmsg(st));
        }
    }
    if (rc == ERR_OK) {
        printf(L_("cadangan %s ditulis dari %s (skema %d)\n",
                  "backup %s written from %s (schema %d)\n"),
               argv[1], c->db_shown, STORE_SCHEMA_VERSION);
    }
    store_close(st);
    return cli_exit(rc);
}

/* Check the backup and the target before anything is replaced. */
static enum err
preflight(const struct cli *c, const char *path, bool force, int *version)
{
    struct store *probe = NULL;
    /* Nothing is created before the checks pass: a missing SQLite file is
     * probed in memory. A PostgreSQL target (a database the server has
     * already) is probed itself, so that its back end checks the backup
     * (its own dump format) and tells whether it holds data. */
    int has = 0;
    enum err rc = store_open(c->db, false, &probe);
    bool exists = rc != ERR_NOINPUT;
    if (!exists) {
        store_close(probe);
        rc = store_open(":memory:", true, &probe);
    }
    rc = rc == ERR_OK ? store_backup_check(probe, path, version) : rc;
    rc = rc == ERR_OK && exists ? store_schema_version(probe, &has) : rc;
    if (rc != ERR_OK) {
        cli_error("%s", store_errmsg(probe));
    } else if (*version > STORE_SCHEMA_VERSION) {
        cli_error(L_("%s dibuat oleh versi mutasi yang lebih baru (skema %d; "
                     "versi ini mengenal sampai %d): perbarui mutasi dulu",
                     "%s was made by a newer mutasi (schema %d; this one "
                     "knows up to %d): upgrade mutasi first"),
                  path, *version, STORE_SCHEMA_VERSION);
        rc = ERR_INVAL;
    } else if (!force && has > 0) {
        /* A database with a schema is somebody's data. */
        cli_error(L_("%s sudah berisi basis data; pulihkan dengan --force "
                     "untuk menimpanya",
                     "%s already holds a database; restore with --force to "
                     "replace it"),
                  c->db_shown);
        rc = ERR_EXISTS;
    }
    store_close(probe);
    return rc;
}

int
cli_restore_run(const struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {{"force", no_argument, NULL, 'f'},
                                         {NULL, 0, NULL, 0}};
    bool force = false;
    int ch = 0;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (ch != 'f') {
            return cli_usage("restore",
                             L_("opsi tidak sah: '%s'", "invalid option: '%s'"),
                             argv[optind - 1]);
        }
        force = true;
    }
    if (optind != argc - 1) {
        return cli_usage("restore", "%s",
                         L_("gunakan: restore BERKAS [--force]",
                            "use: restore FILE [--force]"));
    }
    const char *path = argv[optind];
    int version = 0;
    enum err rc = preflight(c, path, force, &version);
    if (rc != ERR_OK) {
        return cli_exit(rc);
    }
    struct store *st = NULL;
    int from = 0;
    rc = store_open(c->db, true, &st);
    rc = rc == ERR_OK ? store_restore(st, path, show_progress, NULL) : rc;
    rc = rc == ERR_OK ? store_migrate(st, &from) : rc;
    rc = rc == ERR_OK ? audit(st, c, "pulihkan", path, version) : rc;
    if (rc != ERR_OK) {
        cli_error("%s: %s", c->db_shown, store_errmsg(st));
    } else if (from < STORE_SCHEMA_VERSION) {
        printf(L_("%s dipulihkan dari %s; skema diperbarui dari versi %d ke "
                  "%d\n",
                  "%s restored from %s; schema upgraded from version %d to "
                  "%d\n"),
               c->db_shown, path, from, STORE_SCHEMA_VERSION);
    } else {
        printf(L_("%s dipulihkan dari %s (skema %d)\n",
                  "%s restored from %s (schema %d)\n"),
               c->db_shown, path, from);
    }
    store_close(st);
    return cli_exit(rc);
}
