/* SPDX-License-Identifier: MIT */
/* cli_util: what the commands share (cli layer): the global options they
 * get, exit codes (sysexits), messages, opening the store, output files
 * and option values. Errors become exit codes only in cli_exit(). */
#ifndef MUTASI_CLI_UTIL_H
#define MUTASI_CLI_UTIL_H

#include <stdbool.h>
#include <stdio.h>

#include "err.h"

struct store;
struct diag;

/* What every command gets from the global options. */
struct cli {
    const char *db;       /* SQLite path or postgresql:// URL. */
    const char *db_shown; /* 'db' for messages: a URL's password hidden. */
    const char *actor;    /* Who acts, for the audit log ("cli:USER"). */
};

/* Output formats of the reporting commands. */
enum cli_format { CLI_TABLE, CLI_CSV, CLI_JSON };

/* An output that is stdout, or a file written to a temporary name and
 * renamed into place on success, so that a failure never leaves half a
 * file. A path that exists and is not a regular file (a device, a pipe, a
 * link) is written in place. */
struct cli_out {
    FILE *f;
    const char *path; /* NULL for stdout. */
    char *tmp;        /* Temporary name, owned. */
};

/* The exit code for 'e' (sysexits): the one place codes become exits. */
int cli_exit(enum err e);
/* Print "mutasi: MESSAGE" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print a usage error about command 'cmd' and a hint to its --help;
 * returns the usage exit code (64). */
int cli_usage(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Open the store of 'c' (created when 'create'; else its schema must be
 * current). Prints the reason and returns the error on failure; '*out' is
 * then NULL. */
MUST_USE enum err cli_store_open(const struct cli *c, bool create,
                                 struct store **out);
/* Print the messages of 'd' to stderr, one per line, with a closing line
 * when some were left out. */
void cli_print_diag(const struct diag *d);
/* Open output 'path' (NULL or "-" for stdout). ERR_IO when it cannot be
 * created (reported). */
MUST_USE enum err cli_out_open(struct cli_out *o, const char *path);
/* Finish output 'o': on 'ok', flush and move the file into place (ERR_IO
 * when that fails, reported); otherwise remove the temporary file. */
MUST_USE enum err cli_out_close(struct cli_out *o, bool ok);
/* Print 's' to 'f' in a column of 'width' characters and a space: cut or
 * padded by UTF-8 characters, not bytes, so that names with accents stay
 * aligned and are never cut inside a character. */
void cli_cell(FILE *f, const char *s, int width);
/* Parse 'arg' as table, csv or json into '*out'. False when it is none. */
bool cli_parse_format(const char *arg, enum cli_format *out);
/* Parse option value 'arg' of option 'opt' as a whole number in
 * ['lo', 'hi']; prints a usage error for command 'cmd' when it is not. */
MUST_USE enum err cli_parse_long(const char *cmd, const char *opt,
                                 const char *arg, long lo, long hi, long *out);

#endif
