/* SPDX-License-Identifier: MIT */
/* pdf: flowing A4 pages with cairo and pango (io layer). */
#include "pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

#define MM       (72.0 / 25.4) /* Points per millimetre. */
#define PAGE_W   (210.0 * MM)
#define PAGE_H   (297.0 * MM)
#define MARGIN   (25.0 * MM)
#define BOTTOM   (PAGE_H - 25.0 * MM)
#define FONT     "DejaVu Serif"
#define CELL_PAD (1.5 * MM)

struct pdf {
    FILE *f;
    bool failed; /* A write to 'f' failed. */
    cairo_surface_t *surface;
    cairo_t *cr;
    double y;  /* Where the next block starts, in points. */
    int pages; /* Pages begun. */
};

static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int len)
{
    struct pdf *p = closure;
    if (fwrite(data, 1, len, p->f) != len) {
        p->failed = true;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
layout_of(struct pdf *p, const struct pdf_style *s, const char *text,
          double width)
{
    PangoLayout *l = pango_cairo_create_layout(p->cr);
    /* Cairo's PDF units are points: lay text out at 72 dpi. */
    pango_cairo_context_set_resolution(pango_layout_get_context(l), 72.0);
    pango_layout_context_changed(l);
    char font[64];
    snprintf(font, sizeof(font), "%s %s %.1f", FONT, s->bold ? "Bold" : "",
             s->size);
    PangoFontDescription *d = pango_font_description_from_string(font);
    pango_layout_set_font_description(l, d);
    pango_font_description_free(d);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_indent(l, (int)(-s->hanging * MM * PANGO_SCALE));
    static const PangoAlignment align[] = {PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER,
                                           PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT};
    pango_layout_set_alignment(l, align[s->align]);
    pango_layout_set_justify(l, s->align == PDF_JUSTIFY);
    pango_layout_set_text(l, text, -1);
    return l;
}

static double
height_of(PangoLayout *l)
{
    int w = 0;
    int h = 0;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

static void
footer(struct pdf *p)
{
    char text[32];
    snprintf(text, sizeof(text), "- %d -", p->pages);
    struct pdf_style s = {9, false, PDF_CENTER, 0, 0, 0};
    PangoLayout *l = layout_of(p, &s, text, PAGE_W - 2 * MARGIN);
    cairo_move_to(p->cr, MARGIN, PAGE_H - 15.0 * MM);
    pango_cairo_show_layout(p->cr, l);
    g_object_unref(l);
}

void
pdf_new_page(struct pdf *p)
{
    if (p->pages > 0) {
        footer(p);
        cairo_show_page(p->cr);
    }
    p->pages++;
    p->y = MARGIN;
}

enum err
pdf_create(FILE *f, struct pdf **out)
{
    struct pdf *p = xcalloc(1, sizeof(*p));
    p->f = f;
    p->surface =
        cairo_pdf_surface_create_for_stream(write_out, p, PAGE_W, PAGE_H);
    if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(p->surface);
        free(p);
        return ERR_INTERNAL;
    }
    p->cr = cairo_create(p->surface);
    cairo_set_source_rgb(p->cr, 0, 0, 0);
    pdf_new_page(p);
    *out = p;
    return ERR_OK;
}

void
pdf_par(struct pdf *p, const struct pdf_style *s, const char *text)
{
    double width = PAGE_W - 2 * MARGIN - s->indent * MM;
    PangoLayout *l = layout_of(p, s, text, width);
    double h = height_of(l);
    if (p->y + h > BOTTOM && p->y > MARGIN) {
        pdf_new_page(p);
    }
    cairo_move_to(p->cr, MARGIN + s->indent * MM, p->y);
    pango_cairo_show_layout(p->cr, l);
    g_object_unref(l);
    p->y += h + s->after * MM;
}

void
pdf_item(struct pdf *p, const char *label, double label_mm, const char *marker,
         const char *text)
{
    struct pdf_style ls = {11, false, PDF_LEFT, 0, 0, 0};
    struct pdf_style ts = {11, false, PDF_JUSTIFY, 0, 0, 0};
    double colon = 4.0;                        /* mm for ": ". */
    double mark = marker[0] != '\0' ? 7.0 : 0; /* mm for "a." or "1.". */
    double left = (label_mm + colon + mark) * MM;
    PangoLayout *t = layout_of(p, &ts, text, PAGE_W - 2 * MARGIN - left);
    double h = height_of(t);
    if (p->y + h > BOTTOM && p->y > MARGIN) {
        pdf_new_page(p);
    }
    if (label[0] != '\0') {
        PangoLayout *l = layout_of(p, &ls, label, label_mm * MM);
        PangoLayout *c = layout_of(p, &ls, ":", colon * MM);
        cairo_move_to(p->cr, MARGIN, p->y);
        pango_cairo_show_layout(p->cr, l);
        cairo_move_to(p->cr, MARGIN + label_mm * MM, p->y);
        pango_cairo_show_layout(p->cr, c);
        g_object_unref(l);
        g_object_unref(c);
    }
    if (mark > 0) {
        PangoLayout *m = layout_of(p, &ls, marker, mark * MM);
        cairo_move_to(p->cr, MARGIN + (label_mm + colon) * MM, p->y);
        pango_cairo_show_layout(p->cr, m);
        g_object_unref(m);
    }
    cairo_move_to(p->cr, MARGIN + left, p->y);
    pango_cairo_show_layout(p->cr, t);
    g_object_unref(t);
    p->y += h + 1.5 * MM;
}

void
pdf_labeled(struct pdf *p, const char *label, double label_mm, const char *text)
{
    pdf_item(p, label, label_mm, "", text);
    p->y += 0.5 * MM;
}

void
pdf_need(struct pdf *p, double mm)
{
    if (p->y + mm * MM > BOTTOM && p->y > MARGIN) {
        pdf_new_page(p);
    }
}

void
pdf_space(struct pdf *p, double mm)
{
    p->y += mm * MM;
    if (p->y > BOTTOM) {
        pdf_new_page(p);
    }
}

/* Draw one table row; returns its height. */
static double
table_row(struct pdf *p, const char *const *cells, const double *widths, int n,
          bool bold, bool draw)
{
    struct pdf_style s = {8, bold, bold ? PDF_CENTER : PDF_LEFT, 0, 0, 0};
    double h = 0;
    PangoLayout *ls[32];
    for (int c = 0; c < n && c < 32; c++) {
        ls[c] = layout_of(p, &s, cells[c] ? cells[c] : "",
                          widths[c] * MM - 2 * CELL_PAD);
        double ch = height_of(ls[c]) + 2 * CELL_PAD;
        h = ch > h ? ch : h;
    }
    double x = MARGIN;
    for (int c = 0; c < n && c < 32; c++) {
        if (draw) {
            cairo_rectangle(p->cr, x, p->y, widths[c] * MM, h);
            cairo_set_line_width(p->cr, 0.5);
            cairo_stroke(p->cr);
            cairo_move_to(p->cr, x + CELL_PAD, p->y + CELL_PAD);
            pango_cairo_show_layout(p->cr, ls[c]);
        }
        x += widths[c] * MM;
        g_object_unref(ls[c]);
    }
    return h;
}

void
pdf_table(struct pdf *p, const char *const *headers, const double *widths,
          int n_cols, const char *const *cells, int n_rows)
{
    double hh = table_row(p, headers, widths, n_cols, true, false);
    if (p->y + 2 * hh > BOTTOM) {
        pdf_new_page(p);
    }
    p->y += table_row(p, headers, widths, n_cols, true, true);
    for (int r = 0; r < n_rows; r++) {
        const char *const *row = cells + (size_t)r * (size_t)n_cols;
        double h = table_row(p, row, widths, n_cols, false, false);
        if (p->y + h > BOTTOM) {
            pdf_new_page(p); /* The header again on the new page. */
            p->y += table_row(p, headers, widths, n_cols, true, true);
        }
        p->y += table_row(p, row, widths, n_cols, false, true);
    }
}

void
pdf_set_date(struct pdf *p, const char *iso)
{
    char when[40];
    snprintf(when, sizeof(when), "%.10sT00:00:00", iso);
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                   when);
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_MOD_DATE,
                                   when);
}

/* Bytes of a PNG being read by cairo. */
struct png_src {
    const unsigned char *data;
    size_t len;
    size_t at;
};

static cairo_status_t
read_png(void *closure, unsigned char *data, unsigned int len)
{
    struct png_src *s = closure;
    if (s->len - s->at < len) {
        return CAIRO_STATUS_READ_ERROR;
    }
    memcpy(data, s->data + s->at, len);
    s->at += len;
    return CAIRO_STATUS_SUCCESS;
}

/* The image of 'png', or NULL when it is not a PNG cairo can load. */
static cairo_surface_t *
png_surface(const unsigned char *png, size_t len)
{
    static const unsigned char magic[8] = {0x89, 'P',  'N',  'G',
                                           '\r', '\n', 0x1a, '\n'};
    if (png == NULL || len < 8 || memcmp(png, magic, 8) != 0) {
        return NULL;
    }
    struct png_src src = {png, len, 0};
    cairo_surface_t *img =
        cairo_image_surface_create_from_png_stream(read_png, &src);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS ||
        cairo_image_surface_get_width(img) <= 0 ||
        cairo_image_surface_get_height(img) <= 0) {
        cairo_surface_destroy(img);
        return NULL;
    }
    return img;
}

bool
pdf_png_ok(const unsigned char *png, size_t len)
{
    cairo_surface_t *img = png_surface(png, len);
    cairo_surface_destroy(img); /* Accepts NULL. */
    return img != NULL;
}

void
pdf_image(struct pdf *p, const unsigned char *png, size_t len, double width_mm)
{
    cairo_surface_t *img = png_surface(png, len);
    if (img == NULL) {
        return;
    }
    double w = cairo_image_surface_get_width(img);
    double h = cairo_image_surface_get_height(img);
    double scale = width_mm * MM / w;
    if (p->y + h * scale > BOTTOM && p->y > MARGIN) {
        pdf_new_page(p);
    }
    cairo_save(p->cr);
    cairo_translate(p->cr, (PAGE_W - width_mm * MM) / 2, p->y);
    cairo_scale(p->cr, scale, scale);
    cairo_set_source_surface(p->cr, img, 0, 0);
    cairo_paint(p->cr);
    cairo_restore(p->cr);
    cairo_surface_destroy(img);
    p->y += h * scale + 2.0 * MM;
}

int
pdf_pages(const struct pdf *p)
{
    return p->pages;
}

enum err
pdf_close(struct pdf *p)
{
    footer(p);
    cairo_show_page(p->cr);
    cairo_destroy(p->cr);
    cairo_surface_finish(p->surface);
    bool bad =
        cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS || p->failed;
    cairo_surface_destroy(p->surface);
    free(p);
    return bad ? ERR_IO : ERR_OK;
}

MODULE_EXPORT const struct pdf_module mutasi_module_pdf = {
    MODULE_HEAD(struct pdf_module),
    pdf_create,
    pdf_par,
    pdf_labeled,
    pdf_item,
    pdf_space,
    pdf_need,
    pdf_new_page,
    pdf_table,
    pdf_set_date,
    pdf_png_ok,
    pdf_image,
    pdf_pages,
    pdf_close,
};
