/* SPDX-License-Identifier: MIT */
/* pdf_load: pdf.h's functions in the program, forwarded to the pdf module
 * (io layer; module.h), which the first pdf_create() or pdf_png_ok() opens. */
#include "pdf.h"

static struct module_slot slot = MODULE_SLOT("pdf", struct pdf_module);

enum err
pdf_create(FILE *f, struct pdf **out)
{
    const struct pdf_module *m = module_get(&slot);
    return m != NULL ? m->create(f, out) : ERR_INTERNAL;
}

bool
pdf_png_ok(const unsigned char *png, size_t len)
{
    const struct pdf_module *m = module_get(&slot);
    return m != NULL && m->png_ok(png, len);
}

/* The functions below take a 'struct pdf' that pdf_create() made, so the
 * module is open. */

static const struct pdf_module *
pdf(void)
{
    return module_get(&slot);
}

void
pdf_par(struct pdf *p, const struct pdf_style *s, const char *text)
{
    pdf()->par(p, s, text);
}

void
pdf_labeled(struct pdf *p, const char *label, double label_mm, const char *text)
{
    pdf()->labeled(p, label, label_mm, text);
}

void
pdf_item(struct pdf *p, const char *label, double label_mm, const char *marker,
         const char *text)
{
    pdf()->item(p, label, label_mm, marker, text);
}

void
pdf_space(struct pdf *p, double mm)
{
    pdf()->space(p, mm);
}

void
pdf_need(struct pdf *p, double mm)
{
    pdf()->need(p, mm);
}

void
pdf_new_page(struct pdf *p)
{
    pdf()->new_page(p);
}

void
pdf_table(struct pdf *p, const char *const *headers, const double *widths,
          int n_cols, const char *const *cells, int n_rows)
{
    pdf()->table(p, headers, widths, n_cols, cells, n_rows);
}

void
pdf_set_date(struct pdf *p, const char *iso)
{
    pdf()->set_date(p, iso);
}

void
pdf_image(struct pdf *p, const unsigned char *png, size_t len, double width_mm)
{
    pdf()->image(p, png, len, width_mm);
}

int
pdf_pages(const struct pdf *p)
{
    return pdf()->pages(p);
}

enum err
pdf_close(struct pdf *p)
{
    return pdf()->close(p);
}
