/* SPDX-License-Identifier: MIT */
/* cli_util: what the commands share (cli layer): exit codes, messages,
 * opening the store, output files and option values. */
#include "cli_util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "store.h"

int
cli_exit(enum err e)
{
    switch (e) {
    case ERR_OK:
        return 0;
    case ERR_USAGE:
        return 64;
    case ERR_INVAL:
    case ERR_TOOBIG:
    case ERR_CONFLICT:
    case ERR_EXISTS:
        return 65;
    case ERR_NOINPUT:
    case ERR_NOTFOUND:
        return 66;
    case ERR_UNAVAILABLE:
        return 69;
    case ERR_IO:
        return 74;
    case ERR_THROTTLED:
        return 75;
    case ERR_AUTH:
    case ERR_DENIED:
        return 77;
    case ERR_DB:
    case ERR_INTERNAL:
        break;
    }
    return 70;
}

void
cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("mutasi: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int
cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "mutasi %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr,
            L_("\nLihat 'mutasi %s --help'.\n", "\nSee 'mutasi %s --help'.\n"),
            cmd);
    return cli_exit(ERR_USAGE);
}

enum err
cli_store_open(const struct cli *c, bool create, struct store **out)
{
    struct store *st = NULL;
    enum err rc = store_open(c->db, create, &st);
    if (rc == ERR_OK && !create) {
        rc = store_check_schema(st);
    }
    if (rc != ERR_OK) {
        if (st != NULL) { /* None: the pg module is missing, said already. */
            cli_error("%s: %s", c->db_shown, store_errmsg(st));
        }
        store_close(st);
        *out = NULL;
        return rc;
    }
    *out = st;
    return ERR_OK;
}

void
cli_print_diag(const struct diag *d)
{
    for (size_t i = 0; i < d->n_lines; i++) {
        fprintf(stderr, "%s\n", d->lines[i]);
    }
    if (d->n_errors > d->n_lines) {
        fprintf(stderr,
                L_("mutasi: berhenti setelah %zu kesalahan; perbaiki lalu "
                   "ulangi\n",
                   "mutasi: stopped after %zu errors; fix them and try "
                   "again\n"),
                d->n_lines);
    }
}

/* Open 'path' for writing in place: for what is not a regular file (a
 * device, a pipe, a link to one), where a rename would replace the node. */
static enum err
open_in_place(struct cli_out *o, const char *path)
{
    o->f = fopen(path, "wb");
    if (o->f == NULL) {
        cli_error(L_("%s: tidak dapat dibuka: %s", "%s: cannot open: %s"), path,
                  strerror(errno));
        return ERR_IO;
    }
    o->path = path;
    return ERR_OK;
}

enum err
cli_out_open(struct cli_out *o, const char *path)
{
    struct stat sb;
    o->f = stdout;
    o->path = NULL;
    o->tmp = NULL;
    if (path == NULL || strcmp(path, "-") == 0) {
        return ERR_OK;
    }
    if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        return open_in_place(o, path);
    }
    struct buf b;
    buf_init(&b, 0);
    if (buf_addf(&b, "%s.tmp.XXXXXX", path) != ERR_OK) {
        abort(); /* No cap. */
    }
    o->tmp = buf_take(&b);
    int fd = mkstemp(o->tmp);
    /* mkstemp makes the file private; give it the mode a new file gets. */
    mode_t mask = umask(0);
    umask(mask);
    if (fd >= 0 && fchmod(fd, 0666 & ~mask) != 0) {
        close(fd);
        unlink(o->tmp);
        fd = -1;
    }
    o->f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (o->f == NULL) {
        cli_error(L_("%s: tidak dapat dibuat: %s", "%s: cannot create: %s"),
                  path, strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        return ERR_IO;
    }
    o->path = path;
    return ERR_OK;
}

enum err
cli_out_close(struct cli_out *o, bool ok)
{
    enum err rc = ERR_OK;
    if (o->path == NULL) {
        if (fflush(stdout) != 0) {
            rc = ERR_IO;
        }
        return rc;
    }
    bool written = fflush(o->f) == 0 && !ferror(o->f);
    if (fclose(o->f) != 0) {
        written = false;
    }
    if (o->tmp == NULL) { /* Written in place. */
        if (!written) {
            cli_error(L_("%s: gagal menulis: %s", "%s: write failed: %s"),
                      o->path, strerror(errno));
        }
        return written ? ERR_OK : ERR_IO;
    }
    if (ok && (!written || rename(o->tmp, o->path) != 0)) {
        cli_error(L_("%s: gagal menulis: %s", "%s: write failed: %s"), o->path,
                  strerror(errno));
        rc = ERR_IO;
    }
    if (!ok || rc != ERR_OK) {
        unlink(o->tmp);
    }
    free(o->tmp);
    o->tmp = NULL;
    return rc;
}

void
cli_cell(FILE *f, const char *s, int width)
{
    int n = 0;
    const char *p = s;
    while (*p != '\0' && n < width) {
        p++;
        while ((*p & 0xC0) == 0x80) {
            p++; /* Continuation bytes belong to the same character. */
        }
        n++;
    }
    fprintf(f, "%.*s%*s ", (int)(p - s), s, width - n, "");
}

bool
cli_parse_format(const char *arg, enum cli_format *out)
{
    static const char *const names[] = {"table", "csv", "json"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(arg, names[i]) == 0) {
            *out = (enum cli_format)i;
            return true;
        }
    }
    return false;
}

enum err
cli_parse_long(const char *cmd, const char *opt, const char *arg, long lo,
               long hi, long *out)
{
    char *end = NULL;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (errno != 0 || end == arg || *end != '\0' || v < lo || v > hi) {
        (void)cli_usage(cmd,
                        L_("nilai %s untuk %s harus bilangan bulat %ld..%ld",
                           "value %s for %s must be a whole number %ld..%ld"),
                        arg, opt, lo, hi);
        return ERR_USAGE;
    }
    *out = v;
    return ERR_OK;
}
