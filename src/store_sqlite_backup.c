/* SPDX-License-Identifier: MIT */
/* store_sqlite_backup: backups of the SQLite back end (storage layer):
 * SQLite's online backup API over one read snapshot, so that a server may
 * go on writing while a copy is taken, and the checks a restore makes
 * before it replaces anything. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "store.h"
#include "store_sqlite_int.h"

#define PAGES_PER_STEP 1024 /* 4 MiB at SQLite's default page size. */

/* Wait 'ms' milliseconds (a step found the destination locked). */
static void
pause_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* Copy 'from' (schema "main") into 'to' in steps, reporting progress.
 * SQLite's error text, if any, ends on 'msg_db'. */
static int
copy_pages(sqlite3 *to, sqlite3 *from, store_progress_fn *progress, void *ctx,
           sqlite3 **msg_db)
{
    sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
    *msg_db = to;
    if (b == NULL) {
        return sqlite3_errcode(to);
    }
    int rc = SQLITE_OK;
    int busy = 0;
    do {
        rc = sqlite3_backup_step(b, PAGES_PER_STEP);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (++busy > 1000) {
                break; /* Ten seconds locked out: give up. */
            }
            pause_ms(10);
            continue;
        }
        busy = 0;
        if (progress != NULL && (rc == SQLITE_OK || rc == SQLITE_DONE)) {
            long total = sqlite3_backup_pagecount(b);
            progress(ctx, total - sqlite3_backup_remaining(b), total);
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    int fin = sqlite3_backup_finish(b);
    return rc == SQLITE_DONE ? fin : rc;
}

static enum err
fail_with(struct store *st, sqlite3 *db, int code, const char *what)
{
    char msg[768];
    snprintf(msg, sizeof(msg), "%s: %s", what,
             db != NULL ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    sq_set_errmsg(st, msg);
    return code == SQLITE_NOMEM ? ERR_INTERNAL : ERR_IO;
}

enum err
store_sqlite_backup(struct store *st, const char *path,
                    store_progress_fn *progress, void *ctx)
{
    if (st->db == NULL) {
        return ERR_UNAVAILABLE;
    }
    /* The copy is made under a temporary name and renamed into place, so
     * that a failure never leaves a file that looks like a backup. */
    char *tmp = NULL;
    size_t n = strlen(path) + 16;
    tmp = malloc(n);
    if (tmp == NULL) {
        return ERR_INTERNAL;
    }
    snprintf(tmp, n, "%s.sebagian", path);
    if (access(path, F_OK) == 0) {
        char msg[600];
        snprintf(msg, sizeof(msg),
                 L_("%s sudah ada; pilih nama lain", "%s exists; choose "
                                                     "another name"),
                 path);
        sq_set_errmsg(st, msg);
        free(tmp);
        return ERR_EXISTS;
    }
    unlink(tmp); /* A leftover of an interrupted run. */
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
        char msg[600];
        snprintf(msg, sizeof(msg), "%s: %s", tmp, strerror(errno));
        sq_set_errmsg(st, msg);
        free(tmp);
        return ERR_IO;
    }
    close(fd);
    sqlite3 *to = NULL;
    enum err rc = ERR_OK;
    int code = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE, NULL);
    sqlite3 *msg_db = to;
    /* One read transaction on the source for the whole copy: other
     * connections' commits land in the WAL beside it and the copy stays
     * the snapshot it began with (no restart under write load). */
    bool own = !st->in_tx;
    if (code == SQLITE_OK && own) {
        code = sqlite3_exec(st->db, "BEGIN; SELECT count(*) FROM sqlite_master",
                            NULL, NULL, NULL);
        msg_db = st->db;
    }
    if (code == SQLITE_OK) {
        code = copy_pages(to, st->db, progress, ctx, &msg_db);
    }
    if (own) {
        sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL); /* Only read. */
    }
    if (code == SQLITE_OK) {
        /* The copy stands alone: no WAL beside it. */
        code =
            sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
        msg_db = to;
    }
    if (code != SQLITE_OK) {
        rc = fail_with(st, msg_db, code, L_("cadangan gagal", "backup failed"));
    }
    if (sqlite3_close(to) != SQLITE_OK && rc == ERR_OK) {
        rc = fail_with(st, NULL, SQLITE_IOERR,
                       L_("cadangan gagal", "backup failed"));
    }
    if (rc == ERR_OK) {
        fd = open(tmp, O_RDONLY);
        if (fd < 0 || fsync(fd) != 0 || link(tmp, path) != 0) {
            char msg[600];
            snprintf(msg, sizeof(msg), "%s: %s", path, strerror(errno));
            sq_set_errmsg(st, msg);
            rc = errno == EEXIST ? ERR_EXISTS : ERR_IO;
        }
        if (fd >= 0) {
            close(fd);
        }
    }
    unlink(tmp);
    free(tmp);
    return rc;
}

static enum err
bad_backup(struct store *st, const char *path, const char *why)
{
    char msg[900];
    snprintf(msg, sizeof(msg),
             L_("%s bukan cadangan mutasi yang utuh: %s",
                "%s is not a whole mutasi backup: %s"),
             path, why);
    sq_set_errmsg(st, msg);
    return ERR_INVAL;
}

/* The first column of the first row of 'sql' on 'db' into 'out'. */
static int
first_text(sqlite3 *db, const char *sql, char *out, size_t len)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
    out[0] = '\0';
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            const unsigned char *t = sqlite3_column_text(s, 0);
            snprintf(out, len, "%s", t != NULL ? (const char *)t : "");
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_sqlite_backup_check(struct store *st, const char *path, int *version)
{
    if (access(path, F_OK) != 0) {
        char msg[600];
        snprintf(msg, sizeof(msg), "%s: %s", path, strerror(errno));
        sq_set_errmsg(st, msg);
        return ERR_NOINPUT;
    }
    sqlite3 *db = NULL;
    char text[512];
    enum err rc = ERR_OK;
    /* Read-only and immutable: checking never writes beside the file. */
    char uri[4200];
    snprintf(uri, sizeof(uri), "file:%s?immutable=1", path);
    int code = strlen(path) < 4000
                   ? sqlite3_open_v2(
                         uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL)
                   : SQLITE_CANTOPEN;
    if (code == SQLITE_OK) {
        code = first_text(db, "PRAGMA integrity_check", text, sizeof(text));
    }
    if (code != SQLITE_OK) {
        rc = bad_backup(st, path,
                        db != NULL ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    } else if (strcmp(text, "ok") != 0) {
        rc = bad_backup(st, path, text);
    } else if (first_text(db,
                          "SELECT coalesce(max(version), 0) FROM "
                          "schema_version",
                          text, sizeof(text)) != SQLITE_OK ||
               (*version = (int)strtol(text, NULL, 10)) < 1) {
        rc = bad_backup(st, path,
                        L_("tidak ada tabel versi skema",
                           "it has no schema version table"));
    }
    sqlite3_close(db);
    return rc;
}

enum err
store_sqlite_restore(struct store *st, const char *path,
                     store_progress_fn *progress, void *ctx)
{
    if (st->db == NULL) {
        return ERR_UNAVAILABLE;
    }
    sqlite3 *from = NULL;
    char uri[4200];
    snprintf(uri, sizeof(uri), "file:%s?immutable=1", path);
    int code =
        strlen(path) < 4000
            ? sqlite3_open_v2(uri, &from,
                              SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL)
            : SQLITE_CANTOPEN;
    sqlite3 *msg_db = from;
    /* The cached statements would outlive the schema they were made for. */
    for (size_t i = 0; i < S_COUNT; i++) {
        sqlite3_finalize(st->stmts[i]);
        st->stmts[i] = NULL;
    }
    if (code == SQLITE_OK) {
        code = copy_pages(st->db, from, progress, ctx, &msg_db);
    }
    enum err rc = code == SQLITE_OK
                      ? ERR_OK
                      : fail_with(st, msg_db, code,
                                  L_("pemulihan gagal", "restore failed"));
    sqlite3_close(from);
    if (rc == ERR_OK &&
        sq_exec(st, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON") !=
            ERR_OK) {
        rc = ERR_IO;
    }
    return rc;
}
