/* SPDX-License-Identifier: MIT */
/* import: loads the five CSV data kinds into the store (service layer,
 * used by the CLI and later the web app). All files of one call load in one
 * transaction in dependency order; any error leaves the database as it
 * was. Checks across rows and against the database live here: duplicate
 * keys, unknown references, cycles in the unit tree, one method per
 * (unit, jabatan), transfer choices. */
#ifndef MUTASI_IMPORT_H
#define MUTASI_IMPORT_H

#include "err.h"
#include "rec.h"

struct store;
struct diag;

#include <stdbool.h>

struct import_stats {
    long n_rows[REC_N_KINDS]; /* Data rows read per kind. */
    long n_new;               /* Employees added. */
    long n_changed;           /* Employees whose data changed. */
    long n_app_kept;          /* Workload rows of the app kept. */
};

/* How an import treats what the app wrote meanwhile. */
struct import_opts {
    /* Replace the workload rows written through the app (surges heads of
     * unit reported) of the pairs a beban file replaces; by default they
     * are kept and named in a warning, and a file row equal to one of them
     * is that row (an export imported again). */
    bool replace_app_rows;
    /* Show a status line (bytes read of all files, rows, rate, time left)
     * on a terminal. */
    bool progress;
};

/* Rows of one data kind that come from another layout than our CSV files
 * (SIASN's, see import_siasn.h): each row holds our values, as our CSV
 * would write them, at the field numbers where the source had them, so
 * that the usual checks and messages apply. 'line' of a row is its line
 * (or index) in 'file'. */
struct import_table {
    enum rec_kind kind;
    const char *file;
    int pos[REC_MAX_COLUMNS]; /* Field of each column of the kind, or -1. */
    int n_fields;
    const struct csv_row *rows;
    long n_rows;
};

/* More for import_run(): tables, a last step inside the transaction, and a
 * dry run. */
struct import_more {
    const struct import_table *tables; /* Read before the files of their
                                        * kind. */
    int n_tables;
    /* Called after every row was written and checked, before the commit;
     * a failure rolls everything back. May be NULL. */
    enum err (*last)(void *ctx, struct store *st);
    void *ctx;
    bool dry_run; /* Check and count everything, then roll back. */
};

/* Load the 'n' files in 'paths' (kind from each file name) into 'st' as
 * 'actor', in one transaction, and record it in the audit log. Problems go
 * to 'd' as "FILE:LINE:COLUMN: message". ERR_USAGE for a file name of no
 * known kind, ERR_NOINPUT for a file that cannot be opened, ERR_INVAL for
 * bad data, ERR_DB (text in store_errmsg()) for the database. Nothing is
 * written unless all of it is ERR_OK; then '*out' gets the counts. */
MUST_USE enum err import_files(struct store *st, const char *const *paths,
                               int n, const char *actor, struct diag *d,
                               struct import_stats *out);
/* import_files() with options 'o'; warnings (lines with "peringatan") go
 * to 'd' too and do not fail the import. */
MUST_USE enum err import_files_opts(struct store *st, const char *const *paths,
                                    int n, const char *actor,
                                    const struct import_opts *o, struct diag *d,
                                    struct import_stats *out);

/* import_files_opts() with the tables and hooks of 'more' (may be NULL). */
MUST_USE enum err import_run(struct store *st, const char *const *paths, int n,
                             const char *actor, const struct import_opts *o,
                             const struct import_more *more, struct diag *d,
                             struct import_stats *out);

#endif
