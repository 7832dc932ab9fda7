/* SPDX-License-Identifier: MIT */
/* xlsx: spreadsheets for the HR office (io layer) over libxlsxwriter, the
 * only module that includes <xlsxwriter.h>: one sheet of a table with a
 * bold frozen header row, filters on every column and widths that fit the
 * data. Numbers stay numbers (with their decimals) so that the office can
 * sum and sort them. */
#ifndef MUTASI_XLSX_H
#define MUTASI_XLSX_H

#include <stddef.h>

#include "err.h"
#include "module.h"

struct xlsx_book;

/* One cell: text, a number written with 'decimals' decimals, or empty
 * (both NULL/unset). */
struct xlsx_cell {
    const char *text; /* NULL for a number or an empty cell. */
    double number;
    int decimals; /* -1: no number (an empty cell when 'text' is NULL). */
};

/* A new workbook that will be written to 'path'; its one sheet is named
 * 'sheet' and starts with the 'n' 'headers'. */
MUST_USE enum err xlsx_create(const char *path, const char *sheet,
                              const char *const *headers, int n,
                              struct xlsx_book **out);
/* Add a row of 'n' cells. */
MUST_USE enum err xlsx_row(struct xlsx_book *b, const struct xlsx_cell *cells,
                           int n);
/* Write the file and free 'b'. ERR_IO when it cannot be written. */
MUST_USE enum err xlsx_close(struct xlsx_book *b);

/* The xlsx module's table (module.h): the functions above. */
struct xlsx_module {
    struct module_head head;
    enum err (*create)(const char *path, const char *sheet,
                       const char *const *headers, int n,
                       struct xlsx_book **out);
    enum err (*row)(struct xlsx_book *b, const struct xlsx_cell *cells, int n);
    enum err (*close)(struct xlsx_book *b);
};

#endif
