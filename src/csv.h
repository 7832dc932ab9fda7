/* SPDX-License-Identifier: MIT */
/* csv: RFC 4180 reading over libcsv and minimal-quoting writing (io layer).
 * The reader takes bytes in chunks, drops a UTF-8 byte-order mark, detects
 * ',' or ';' from the header line, checks UTF-8, and hands each row with
 * the line it starts on to a callback. It knows nothing of the domain. */
#ifndef MUTASI_CSV_H
#define MUTASI_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "err.h"

struct diag;
struct csv_reader;

#define CSV_FIELD_MAX  65536 /* Longest field in bytes. */
#define CSV_FIELDS_MAX 256   /* Most fields in one row. */

/* One row: 'n_fields' NUL-terminated fields, borrowed until the callback
 * returns. 'line' is the 1-based line on which the row starts. */
struct csv_row {
    long line;
    char delim; /* The file's separator, ',' or ';' (or '|'). */
    int n_fields;
    const char *const *fields;
    const size_t *lens;
};

/* Called for each row in order; any result but ERR_OK stops the reading
 * and is returned by csv_reader_feed()/csv_reader_finish(). */
typedef enum err (*csv_row_fn)(void *ctx, const struct csv_row *row);

/* A reader for the file named 'file' (for messages), calling 'fn' with
 * 'ctx'. Malformed CSV is reported to 'd' (may be NULL). */
struct csv_reader *csv_reader_create(const char *file, csv_row_fn fn, void *ctx,
                                     struct diag *d);
/* Free 'r'; accepts NULL. */
void csv_reader_destroy(struct csv_reader *r);
/* Parse the next 'len' bytes of input. ERR_INVAL after malformed CSV
 * (reported to the diag; the reader then takes no more input), ERR_TOOBIG
 * for an overlong field or row, or the callback's result. */
MUST_USE enum err csv_reader_feed(struct csv_reader *r, const char *data,
                                  size_t len);
/* End of input: flush the last row; ERR_INVAL for an unclosed quote. */
MUST_USE enum err csv_reader_finish(struct csv_reader *r);
/* The field separator found in the header: ',' or ';' (',' before any
 * input). */
char csv_reader_delim(const struct csv_reader *r);
/* Let 'r' take '|' as the separator too, when the header line has more
 * of them than commas and semicolons (SIASN's export files); call it
 * before the first csv_reader_feed(). */
void csv_reader_allow_pipe(struct csv_reader *r);
/* Read all of 'f' through a new reader; see csv_reader_feed(). ERR_IO when
 * reading fails. */
MUST_USE enum err csv_read_file(FILE *f, const char *file, csv_row_fn fn,
                                void *ctx, struct diag *d);
/* As csv_read_file(), with csv_reader_allow_pipe() when 'pipe'. */
MUST_USE enum err csv_read_file_pipe(FILE *f, const char *file, bool pipe,
                                     csv_row_fn fn, void *ctx, struct diag *d);

/* Append 'n' fields as one CSV line (',' separated, '\n' ended) to 'out',
 * quoting only the fields that need it. */
MUST_USE enum err csv_format_row(struct buf *out, const char *const *fields,
                                 int n);
/* As csv_format_row() with 'sep' (',' ';' or '|') between the fields. */
MUST_USE enum err csv_format_row_sep(struct buf *out, const char *const *fields,
                                     int n, char sep);

#endif
