/* SPDX-License-Identifier: MIT */
/* store_pg_backup: backups of the PostgreSQL back end (storage layer).
 * The copy is PostgreSQL's own logical dump: Debian's pg_dump
 * --format=custom (package postgresql-client, of the server's major
 * version or newer), run as a child process without a shell. pg_dump
 * reads the whole database in one snapshot, so a server may go on writing
 * while the copy is taken, as with SQLite's online backup. The check
 * (pg_restore reads the whole file) and the restore (pg_restore into the
 * connected database, in one transaction) use pg_restore alike.
 *
 * The password is never on a command line, where any user of the machine
 * could read it: a password in the URL is taken out of it and given to
 * the child in the environment (PGPASSWORD), which only the child's user
 * can read. The tools never prompt for one (--no-password). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "mem.h"
#include "store.h"
#include "store_pg_int.h"

extern char **environ;

/* What a tool's stderr and its captured stdout may fill. */
#define TOOL_ERR_MAX ((size_t)64 * 1024)
#define TOOL_OUT_MAX ((size_t)1 << 20)
#define MAX_ARGS     12

/* One run of a tool of postgresql-client. */
struct tool {
    char *argv[MAX_ARGS + 1]; /* Owned copies; argv[0] is the tool. */
    int argc;
    const char *password; /* Into PGPASSWORD; NULL: the environment's. */
    int out_fd;           /* The child's stdout; -1: 'out' or nowhere. */
    struct buf *out;      /* Its stdout when out_fd is -1; may be NULL. */
    struct buf err;       /* Its stderr. */
};

static void
tool_init(struct tool *t, const char *name)
{
    memset(t, 0, sizeof(*t));
    t->out_fd = -1;
    buf_init(&t->err, TOOL_ERR_MAX);
    t->argv[t->argc++] = xstrdup(name);
}

/* Add the argument 'a' followed by 'b' (may be NULL). */
static void
tool_arg(struct tool *t, const char *a, const char *b)
{
    size_t na = strlen(a);
    size_t nb = b != NULL ? strlen(b) : 0;
    char *arg = xmalloc(na + nb + 1);
    memcpy(arg, a, na);
    if (nb > 0) {
        memcpy(arg + na, b, nb);
    }
    arg[na + nb] = '\0';
    if (t->argc < MAX_ARGS) {
        t->argv[t->argc++] = arg;
    } else {
        free(arg); /* Never: the calls below stay under MAX_ARGS. */
    }
}

static void
tool_cleanup(struct tool *t)
{
    for (int i = 0; i < t->argc; i++) {
        free(t->argv[i]);
    }
    buf_cleanup(&t->err);
}

/* The environment for the child: ours, with PGPASSWORD set to 'password'
 * when there is one. Free with free_env(). */
static char **
child_env(const char *password)
{
    size_t n = 0;
    while (environ[n] != NULL) {
        n++;
    }
    char **env = xcalloc(n + 2, sizeof(*env));
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (password == NULL || strncmp(environ[i], "PGPASSWORD=", 11) != 0) {
            env[k++] = xstrdup(environ[i]);
        }
    }
    if (password != NULL) {
        size_t len = strlen(password) + 12;
        env[k] = xmalloc(len);
        snprintf(env[k], len, "PGPASSWORD=%s", password);
        k++;
    }
    env[k] = NULL;
    return env;
}

static void
free_env(char **env)
{
    for (size_t i = 0; env[i] != NULL; i++) {
        free(env[i]);
    }
    free(env);
}

static void
close_fd(int *fd)
{
    if (*fd >= 0) {
        close(*fd);
        *fd = -1;
    }
}

static bool
make_pipe(int p[2])
{
    if (pipe(p) != 0) {
        return false;
    }
    (void)fcntl(p[0], F_SETFD, FD_CLOEXEC);
    (void)fcntl(p[1], F_SETFD, FD_CLOEXEC);
    return true;
}

/* Read the child's stderr (and stdout, when captured) to their ends. */
static void
read_pipes(struct tool *t, int err_fd, int out_fd)
{
    struct pollfd fds[2] = {{err_fd, POLLIN, 0}, {out_fd, POLLIN, 0}};
    char chunk[8192];
    int open_n = out_fd >= 0 ? 2 : 1;
    while (open_n > 0) {
        if (poll(fds, out_fd >= 0 ? 2 : 1, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || fds[i].revents == 0) {
                continue;
            }
            ssize_t n = read(fds[i].fd, chunk, sizeof(chunk));
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                fds[i].fd = -1;
                open_n--;
                continue;
            }
            /* Past its cap a buffer keeps what it has: the first lines
             * are the ones that tell. */
            (void)(buf_add(i == 0 ? &t->err : t->out, chunk, (size_t)n) ==
                   ERR_OK);
        }
    }
}

/* The reason a tool gave, for a message: its first "error:" line without
 * the tool's name, with the "detail:" line after it (pg_dump says there
 * which versions did not match). 'status' is the wait status. */
static void
tool_reason(const struct tool *t, int status, char *out, size_t len)
{
    const char *text = buf_str(&t->err);
    const char *line = strstr(text, "error: ");
    if (line != NULL) {
        line += 7;
    } else {
        line = text;
        const char *colon = strstr(text, ": ");
        if (strncmp(text, t->argv[0], strlen(t->argv[0])) == 0 &&
            colon != NULL) {
            line = colon + 2;
        }
    }
    int n = (int)strcspn(line, "\n");
    const char *detail = strstr(line, "detail: ");
    if (n > 0 && detail != NULL && detail - line - n < 40) {
        detail += 8;
        snprintf(out, len, "%.*s (%.*s)", n, line, (int)strcspn(detail, "\n"),
                 detail);
    } else if (n > 0) {
        snprintf(out, len, "%.*s", n, line);
    } else if (WIFSIGNALED(status)) {
        snprintf(out, len,
                 L_("%s berhenti oleh sinyal %d", "%s ended by signal %d"),
                 t->argv[0], WTERMSIG(status));
    } else {
        snprintf(out, len,
                 L_("%s keluar dengan kode %d", "%s exited with code %d"),
                 t->argv[0], WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
}

/* Run 't' and wait for it. ERR_UNAVAILABLE (with the store's message)
 * when the tool is not installed; ERR_IO when it could not run; 'failed'
 * set when it ran and did not succeed (its reason in 'why'). */
static enum err
tool_run(struct store *st, struct tool *t, bool *failed, char *why,
         size_t why_len)
{
    int errp[2] = {-1, -1};
    int outp[2] = {-1, -1};
    *failed = false;
    why[0] = '\0';
    if (!make_pipe(errp) ||
        (t->out_fd < 0 && t->out != NULL && !make_pipe(outp))) {
        char msg[300];
        snprintf(msg, sizeof(msg), "%s: %s", t->argv[0], strerror(errno));
        pg_set_errmsg(st, msg);
        close_fd(&errp[0]);
        close_fd(&errp[1]);
        return ERR_IO;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    if (t->out_fd >= 0) {
        posix_spawn_file_actions_adddup2(&fa, t->out_fd, 1);
    } else if (outp[1] >= 0) {
        posix_spawn_file_actions_adddup2(&fa, outp[1], 1);
    } else {
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    }
    posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
    char **env = child_env(t->password);
    pid_t pid = 0;
    int code = posix_spawnp(&pid, t->argv[0], &fa, NULL, t->argv, env);
    posix_spawn_file_actions_destroy(&fa);
    free_env(env);
    close_fd(&errp[1]);
    close_fd(&outp[1]);
    if (code != 0) {
        char msg[400];
        if (code == ENOENT) {
            snprintf(msg, sizeof(msg),
                     L_("%s tidak ditemukan: pasang paket Debian "
                        "postgresql-client (versi server PostgreSQL atau "
                        "lebih baru)",
                        "%s not found: install the Debian package "
                        "postgresql-client (the PostgreSQL server's version "
                        "or newer)"),
                     t->argv[0]);
        } else {
            snprintf(msg, sizeof(msg), "%s: %s", t->argv[0], strerror(code));
        }
        pg_set_errmsg(st, msg);
        close_fd(&errp[0]);
        close_fd(&outp[0]);
        return code == ENOENT ? ERR_UNAVAILABLE : ERR_IO;
    }
    read_pipes(t, errp[0], outp[0]);
    close_fd(&errp[0]);
    close_fd(&outp[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            char msg[300];
            snprintf(msg, sizeof(msg), "%s: %s", t->argv[0], strerror(errno));
            pg_set_errmsg(st, msg);
            return ERR_IO;
        }
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        *failed = true;
        tool_reason(t, status, why, why_len);
    }
    return ERR_OK;
}

/* The URL 'url' without its password, which goes to '*password' (NULL
 * when it has none): in the user part (user:secret@host) or as the
 * parameter password=. libpq reads the URL the same way before and after,
 * which is checked: a password left in the URL is never passed on. Both
 * results are owned by the caller. */
static enum err
split_password(struct store *st, const char *url, char **bare, char **password)
{
    *bare = NULL;
    *password = NULL;
    char *err = NULL;
    PQconninfoOption *opts = PQconninfoParse(url, &err);
    if (opts == NULL) {
        pg_set_errmsg(st, err != NULL ? err : "PQconninfoParse");
        PQfreemem(err);
        return ERR_INVAL;
    }
    for (PQconninfoOption *o = opts; o->keyword != NULL; o++) {
        if (strcmp(o->keyword, "password") == 0 && o->val != NULL) {
            *password = xstrdup(o->val);
        }
    }
    PQconninfoFree(opts);
    struct buf b;
    buf_init(&b, 0);
    const char *p = strstr(url, "://");
    if (*password == NULL || p == NULL) {
        *bare = xstrdup(url);
        return ERR_OK;
    }
    p += 3;
    /* As libpq: user credentials end at the first '@' before any '/'. */
    size_t cred = strcspn(p, "@/");
    const char *rest = p;
    enum err rc = buf_add(&b, url, (size_t)(p - url));
    if (p[cred] == '@') {
        size_t user = strcspn(p, ":@");
        rc = rc == ERR_OK ? buf_add(&b, p, user) : rc;
        rc = rc == ERR_OK ? buf_adds(&b, "@") : rc;
        rest = p + cred + 1;
    }
    const char *query = strchr(rest, '?');
    if (query == NULL) {
        rc = rc == ERR_OK ? buf_adds(&b, rest) : rc;
    } else {
        rc = rc == ERR_OK ? buf_add(&b, rest, (size_t)(query - rest)) : rc;
        const char *sep = "?";
        for (const char *q = query + 1; *q != '\0';) {
            size_t n = strcspn(q, "&");
            if (n > 0 && strncmp(q, "password=", 9) != 0) {
                rc = rc == ERR_OK ? buf_adds(&b, sep) : rc;
                rc = rc == ERR_OK ? buf_add(&b, q, n) : rc;
                sep = "&";
            }
            q += n + (q[n] == '&');
        }
    }
    *bare = buf_take(&b);
    buf_cleanup(&b);
    opts = rc == ERR_OK ? PQconninfoParse(*bare, &err) : NULL;
    bool clean = opts != NULL;
    for (PQconninfoOption *o = opts; clean && o->keyword != NULL; o++) {
        clean = strcmp(o->keyword, "password") != 0 || o->val == NULL;
    }
    PQconninfoFree(opts);
    PQfreemem(err);
    if (!clean) {
        pg_set_errmsg(st, L_("kata sandi di URL PostgreSQL tidak dapat "
                             "dipisahkan; berikan lewat PGPASSWORD atau "
                             "~/.pgpass",
                             "the password in the PostgreSQL URL cannot be "
                             "taken out; give it in PGPASSWORD or ~/.pgpass"));
        free(*bare);
        free(*password);
        *bare = NULL;
        *password = NULL;
        return ERR_INVAL;
    }
    return ERR_OK;
}

/* Point 't' at the database of 'st' (--dbname=URL without the password,
 * which goes to the environment). */
static enum err
tool_connect(struct store *st, struct tool *t, char **password)
{
    char *bare = NULL;
    enum err rc = split_password(st, st->conninfo, &bare, password);
    if (rc == ERR_OK) {
        tool_arg(t, "--dbname=", bare);
        tool_arg(t, "--no-password", NULL);
        t->password = *password;
    }
    free(bare);
    return rc;
}

static void
report(store_progress_fn *progress, void *ctx, long done)
{
    if (progress != NULL) {
        progress(ctx, done, 1);
    }
}

enum err
store_pg_backup(struct store *st, const char *path, store_progress_fn *progress,
                void *ctx)
{
    if (st->conninfo == NULL) {
        return ERR_UNAVAILABLE;
    }
    /* The copy is made under a temporary name and renamed into place, so
     * that a failure never leaves a file that looks like a backup. */
    size_t n = strlen(path) + 16;
    char *tmp = xmalloc(n);
    snprintf(tmp, n, "%s.sebagian", path);
    if (access(path, F_OK) == 0) {
        char msg[600];
        snprintf(msg, sizeof(msg),
                 L_("%s sudah ada; pilih nama lain", "%s exists; choose "
                                                     "another name"),
                 path);
        pg_set_errmsg(st, msg);
        free(tmp);
        return ERR_EXISTS;
    }
    unlink(tmp); /* A leftover of an interrupted run. */
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        char msg[600];
        snprintf(msg, sizeof(msg), "%s: %s", tmp, strerror(errno));
        pg_set_errmsg(st, msg);
        free(tmp);
        return ERR_IO;
    }
    /* pg_dump tells nothing of how far it is: the progress is its start
     * and its end. It reads in a snapshot of its own; writes of the
     * caller's open transaction, if any, are not in the copy. */
    report(progress, ctx, 0);
    struct tool t;
    char *password = NULL;
    bool failed = false;
    char why[600];
    tool_init(&t, "pg_dump");
    tool_arg(&t, "--format=custom", NULL);
    enum err rc = tool_connect(st, &t, &password);
    t.out_fd = fd;
    rc = rc == ERR_OK ? tool_run(st, &t, &failed, why, sizeof(why)) : rc;
    if (rc == ERR_OK && failed) {
        char msg[800];
        snprintf(msg, sizeof(msg), "%s: %s",
                 L_("cadangan gagal", "backup failed"), why);
        pg_set_errmsg(st, msg);
        rc = ERR_IO;
    }
    tool_cleanup(&t);
    free(password);
    if (rc == ERR_OK && fsync(fd) != 0) {
        char msg[600];
        snprintf(msg, sizeof(msg), "%s: %s", tmp, strerror(errno));
        pg_set_errmsg(st, msg);
        rc = ERR_IO;
    }
    close(fd);
    /* link() never replaces a file that appeared meanwhile. */
    if (rc == ERR_OK && link(tmp, path) != 0) {
        char msg[600];
        snprintf(msg, sizeof(msg), "%s: %s", path, strerror(errno));
        pg_set_errmsg(st, msg);
        rc = errno == EEXIST ? ERR_EXISTS : ERR_IO;
    }
    unlink(tmp);
    free(tmp);
    if (rc == ERR_OK) {
        report(progress, ctx, 1);
    }
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
    pg_set_errmsg(st, msg);
    return ERR_INVAL;
}

/* Run pg_restore with 'args' (up to NULL) on the file 'path', which it
 * must read to its end; 'out' takes its stdout (NULL: dropped). ERR_INVAL
 * with the reason when it fails. */
static enum err
restore_reads(struct store *st, const char *path, const char *const *args,
              struct buf *out)
{
    struct tool t;
    bool failed = false;
    char why[600];
    tool_init(&t, "pg_restore");
    for (const char *const *a = args; *a != NULL; a++) {
        tool_arg(&t, *a, NULL);
    }
    tool_arg(&t, "--", NULL); /* A name that begins with '-' is a name. */
    tool_arg(&t, path, NULL);
    t.out = out;
    enum err rc = tool_run(st, &t, &failed, why, sizeof(why));
    if (rc == ERR_OK && failed) {
        rc = bad_backup(st, path, why);
    }
    tool_cleanup(&t);
    return rc;
}

/* The highest version in the data of the table schema_version, as
 * pg_restore writes it: "COPY public.schema_version (...) FROM stdin;",
 * one row a line ("9<TAB>2026-..."), then "\.". 0 when there is none. */
static int
copied_version(const char *script)
{
    int best = 0;
    const char *line = script;
    bool in_copy = false;
    while (*line != '\0') {
        size_t n = strcspn(line, "\n");
        if (!in_copy) {
            in_copy = strncmp(line, "COPY ", 5) == 0 &&
                      strstr(line, "schema_version ") != NULL &&
                      strstr(line, "schema_version ") < line + n;
        } else if (n == 2 && strncmp(line, "\\.", 2) == 0) {
            in_copy = false;
        } else {
            long v = strtol(line, NULL, 10);
            best = v > best && v < 1000000 ? (int)v : best;
        }
        line += n + (line[n] == '\n');
    }
    return best;
}

enum err
store_pg_backup_check(struct store *st, const char *path, int *version)
{
    if (access(path, F_OK) != 0) {
        char msg[600];
        snprintf(msg, sizeof(msg), "%s: %s", path, strerror(errno));
        pg_set_errmsg(st, msg);
        return ERR_NOINPUT;
    }
    /* Its table of contents (a dump at all), then every byte of its data
     * (SQLite's integrity_check: a cut or damaged file fails here, not in
     * the middle of a restore), then the version in its schema_version
     * table. None needs the server. */
    static const char *const list[] = {"--list", NULL};
    static const char *const whole[] = {"--file=/dev/null", NULL};
    static const char *const versions[] = {
        "--data-only", "--table=schema_version", "--file=-", NULL};
    struct buf script;
    buf_init(&script, TOOL_OUT_MAX);
    enum err rc = restore_reads(st, path, list, NULL);
    rc = rc == ERR_OK ? restore_reads(st, path, whole, NULL) : rc;
    rc = rc == ERR_OK ? restore_reads(st, path, versions, &script) : rc;
    if (rc == ERR_OK && (*version = copied_version(buf_str(&script))) < 1) {
        rc = bad_backup(st, path,
                        L_("tidak ada tabel versi skema",
                           "it has no schema version table"));
    }
    buf_cleanup(&script);
    return rc;
}

/* The change counter of the database (store_data_version()) into '*out';
 * '*has' false when it has none (no schema yet). */
static enum err
counter(struct store *st, bool *has, long long *out)
{
    long long n = 0;
    *out = 0;
    enum err rc = pg_one_long(st,
                              "SELECT count(*) FROM pg_catalog.pg_tables"
                              " WHERE schemaname = current_schema() AND"
                              " tablename = 'perubahan'",
                              NULL, &n);
    *has = rc == ERR_OK && n > 0;
    if (*has) {
        rc = pg_one_long(st, "SELECT coalesce(max(n), 0) FROM perubahan", NULL,
                         out);
    }
    return rc;
}

enum err
store_pg_restore(struct store *st, const char *path,
                 store_progress_fn *progress, void *ctx)
{
    if (st->conninfo == NULL) {
        return ERR_UNAVAILABLE;
    }
    if (st->in_tx) {
        /* pg_restore is another session: it would wait for this one's
         * locks for ever. */
        pg_set_errmsg(st, L_("pemulihan tidak dapat di dalam transaksi",
                             "a restore cannot run inside a transaction"));
        return ERR_INTERNAL;
    }
    long long before = 0;
    bool has = false;
    enum err rc = counter(st, &has, &before);
    if (rc != ERR_OK) {
        return rc;
    }
    /* Every object of the dump is dropped and made again from it in one
     * transaction: readers see the old database or the new, never a mix,
     * and a failure leaves the old one. Objects belong to the user that
     * restores (--no-owner): the dump's owner may not exist here. As for
     * the backup, the progress is only the start and the end. */
    report(progress, ctx, 0);
    struct tool t;
    char *password = NULL;
    bool failed = false;
    char why[600];
    tool_init(&t, "pg_restore");
    tool_arg(&t, "--clean", NULL);
    tool_arg(&t, "--if-exists", NULL);
    tool_arg(&t, "--single-transaction", NULL);
    tool_arg(&t, "--no-owner", NULL);
    rc = tool_connect(st, &t, &password);
    tool_arg(&t, "--", NULL); /* A name that begins with '-' is a name. */
    tool_arg(&t, path, NULL);
    rc = rc == ERR_OK ? tool_run(st, &t, &failed, why, sizeof(why)) : rc;
    if (rc == ERR_OK && failed) {
        char msg[800];
        snprintf(msg, sizeof(msg), "%s: %s",
                 L_("pemulihan gagal", "restore failed"), why);
        pg_set_errmsg(st, msg);
        rc = ERR_IO;
    }
    tool_cleanup(&t);
    free(password);
    /* The restored counter may equal the one the other nodes last saw
     * while the data differs: it moves past both, so that every node's
     * caches are emptied. This session's prepared statements need nothing:
     * PostgreSQL analyses them again for the tables made anew. */
    long long after = 0;
    rc = rc == ERR_OK ? counter(st, &has, &after) : rc;
    if (rc == ERR_OK && has) {
        struct pg_params p = {0};
        pg_p_long(&p, before);
        rc = pg_run(st, "UPDATE perubahan SET n = greatest(n, $1::bigint) + 1",
                    &p, NULL);
    }
    if (rc == ERR_OK) {
        report(progress, ctx, 1);
    }
    return rc;
}
