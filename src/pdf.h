/* SPDX-License-Identifier: MIT */
/* pdf: A4 documents that flow onto pages (io layer) over cairo and pango,
 * the only module that includes them: paragraphs that wrap and break to a
 * new page, and tables whose rows never split and whose header repeats on
 * every page. Text is plain (no markup); a page number at each foot. */
#ifndef MUTASI_PDF_H
#define MUTASI_PDF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"
#include "module.h"

struct pdf;

enum pdf_align { PDF_LEFT, PDF_CENTER, PDF_RIGHT, PDF_JUSTIFY };

struct pdf_style {
    double size; /* Points. */
    bool bold;
    enum pdf_align align;
    double indent;  /* mm from the left margin. */
    double hanging; /* mm the first line starts left of 'indent'. */
    double after;   /* mm of space after. */
};

/* A new document written to 'f' when closed. */
MUST_USE enum err pdf_create(FILE *f, struct pdf **out);
/* Add a paragraph of 'text' in style 's'. */
void pdf_par(struct pdf *p, const struct pdf_style *s, const char *text);
/* Add 'label' (bold) in a column 'label_mm' wide, then ": " and 'text'
 * justified beside it, as the clauses of a decree are set. */
void pdf_labeled(struct pdf *p, const char *label, double label_mm,
                 const char *text);
/* Add one item of a list beside a label column 'label_mm' wide: 'label'
 * and ": " (neither when 'label' is ""), then 'marker' ("a.", "1."; none
 * when "") and 'text' justified with its lines aligned after the marker,
 * as Menimbang and Mengingat are set. */
void pdf_item(struct pdf *p, const char *label, double label_mm,
              const char *marker, const char *text);
/* Add 'mm' of empty space (a page break when it does not fit). */
void pdf_space(struct pdf *p, double mm);
/* Start a new page unless 'mm' of the page are still free (keeps a block
 * such as a signature together). */
void pdf_need(struct pdf *p, double mm);
/* Start a new page. */
void pdf_new_page(struct pdf *p);
/* Add a table of 'n_cols' columns 'widths' mm wide: the header row, then
 * 'n_rows' rows of cells ('cells' row by row). */
void pdf_table(struct pdf *p, const char *const *headers, const double *widths,
               int n_cols, const char *const *cells, int n_rows);
/* Date the document 'iso' (YYYY-MM-DD), its own date, instead of the
 * clock's: the same document prints to the same bytes. */
void pdf_set_date(struct pdf *p, const char *iso);
/* True when the 'len' bytes at 'png' are a PNG image cairo can draw. */
bool pdf_png_ok(const unsigned char *png, size_t len);
/* Add the PNG image 'png' ('len' bytes), centred, 'width_mm' wide; a
 * PNG that does not load adds nothing. */
void pdf_image(struct pdf *p, const unsigned char *png, size_t len,
               double width_mm);
/* The number of pages so far. */
int pdf_pages(const struct pdf *p);
/* Finish the document and free 'p'. ERR_IO when writing failed. */
MUST_USE enum err pdf_close(struct pdf *p);

/* The pdf module's table (module.h): the functions above, in their order. */
struct pdf_module {
    struct module_head head;
    enum err (*create)(FILE *f, struct pdf **out);
    void (*par)(struct pdf *p, const struct pdf_style *s, const char *text);
    void (*labeled)(struct pdf *p, const char *label, double label_mm,
                    const char *text);
    void (*item)(struct pdf *p, const char *label, double label_mm,
                 const char *marker, const char *text);
    void (*space)(struct pdf *p, double mm);
    void (*need)(struct pdf *p, double mm);
    void (*new_page)(struct pdf *p);
    void (*table)(struct pdf *p, const char *const *headers,
                  const double *widths, int n_cols, const char *const *cells,
                  int n_rows);
    void (*set_date)(struct pdf *p, const char *iso);
    bool (*png_ok)(const unsigned char *png, size_t len);
    void (*image)(struct pdf *p, const unsigned char *png, size_t len,
                  double width_mm);
    int (*pages)(const struct pdf *p);
    enum err (*close)(struct pdf *p);
};

#endif
