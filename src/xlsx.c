/* SPDX-License-Identifier: MIT */
/* xlsx: tables as XLSX through libxlsxwriter (io layer). */
#include "xlsx.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "mem.h"

#define MAX_COLS 32

struct xlsx_book {
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *bold;
    lxw_format *num[4]; /* 0 to 3 decimals. */
    int n_cols;
    lxw_row_t row;
    size_t width[MAX_COLS]; /* Widest text of each column. */
};

static void
fit(struct xlsx_book *b, int col, size_t len)
{
    if (len > b->width[col]) {
        b->width[col] = len;
    }
}

enum err
xlsx_create(const char *path, const char *sheet, const char *const *headers,
            int n, struct xlsx_book **out)
{
    if (n < 1 || n > MAX_COLS) {
        return ERR_INVAL;
    }
    struct xlsx_book *b = xcalloc(1, sizeof(*b));
    b->wb = workbook_new(path);
    b->ws = b->wb ? workbook_add_worksheet(b->wb, sheet) : NULL;
    if (b->ws == NULL) {
        if (b->wb != NULL) {
            (void)workbook_close(b->wb);
        }
        free(b);
        return ERR_IO;
    }
    static const char *const formats[] = {"0", "0.0", "0.00", "0.000"};
    b->bold = workbook_add_format(b->wb);
    format_set_bold(b->bold);
    for (int k = 0; k < 4; k++) {
        b->num[k] = workbook_add_format(b->wb);
        format_set_num_format(b->num[k], formats[k]);
    }
    b->n_cols = n;
    for (int c = 0; c < n; c++) {
        worksheet_write_string(b->ws, 0, (lxw_col_t)c, headers[c], b->bold);
        fit(b, c, strlen(headers[c]));
    }
    worksheet_freeze_panes(b->ws, 1, 0);
    b->row = 1;
    *out = b;
    return ERR_OK;
}

enum err
xlsx_row(struct xlsx_book *b, const struct xlsx_cell *cells, int n)
{
    for (int c = 0; c < n && c < b->n_cols; c++) {
        const struct xlsx_cell *x = &cells[c];
        lxw_error e = LXW_NO_ERROR;
        if (x->text != NULL) {
            e = worksheet_write_string(b->ws, b->row, (lxw_col_t)c, x->text,
                                       NULL);
            fit(b, c, strlen(x->text));
        } else if (x->decimals >= 0) {
            int d = x->decimals > 3 ? 3 : x->decimals;
            e = worksheet_write_number(b->ws, b->row, (lxw_col_t)c, x->number,
                                       b->num[d]);
            fit(b, c, 10);
        }
        if (e != LXW_NO_ERROR) {
            return ERR_TOOBIG; /* Past the sheet's limits. */
        }
    }
    b->row++;
    return ERR_OK;
}

enum err
xlsx_close(struct xlsx_book *b)
{
    worksheet_autofilter(b->ws, 0, 0, b->row > 1 ? b->row - 1 : 0,
                         (lxw_col_t)(b->n_cols - 1));
    for (int c = 0; c < b->n_cols; c++) {
        double w = (double)(b->width[c] < 60 ? b->width[c] : 60) + 2.0;
        worksheet_set_column(b->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL);
    }
    lxw_error e = workbook_close(b->wb);
    free(b);
    return e == LXW_NO_ERROR ? ERR_OK : ERR_IO;
}

MODULE_EXPORT const struct xlsx_module mutasi_module_xlsx = {
    MODULE_HEAD(struct xlsx_module),
    xlsx_create,
    xlsx_row,
    xlsx_close,
};
