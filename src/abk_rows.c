/* SPDX-License-Identifier: MIT */
/* abk_rows: the rows of the workload analysis by jabatan, unit or OPD
 * and their JSON (service layer), shared by 'mutasi abk' and the API. */
#include "abk_rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "buf.h"
#include "csv.h"
#include "date.h"
#include "json.h"
#include "mem.h"
#include "namebook.h"
#include "num.h"
#include "settings.h"
#include "tree.h"

const char *const abk_columns[ABK_N_COLUMNS] = {"unit",
                                                "jabatan",
                                                "beban_menit",
                                                "kebutuhan",
                                                "kebutuhan_bulat",
                                                "bezetting",
                                                "bezetting_pns",
                                                "bezetting_pppk",
                                                "bezetting_cpns",
                                                "bezetting_pppk_pw",
                                                "selisih",
                                                "ej",
                                                "pj",
                                                "sementara"};

/* 'v' in decimal into 'out' (at least 21 bytes): snprintf's work without
 * its cost, for the hundreds of thousands of cells of a nation. */
static void
put_long(char *out, long long v)
{
    char tmp[24];
    int n = 0;
    unsigned long long u =
        v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (v < 0) {
        *out++ = '-';
    }
    while (n > 0) {
        *out++ = tmp[--n];
    }
    *out = '\0';
}

/* 'milli' (>= 0) thousandths as "I.FFF" into 'out' (32 bytes). */
static void
put_milli(char *out, long long milli)
{
    put_long(out, milli / 1000);
    size_t n = strlen(out);
    long long f = milli % 1000;
    out[n] = '.';
    out[n + 1] = (char)('0' + f / 100);
    out[n + 2] = (char)('0' + f / 10 % 10);
    out[n + 3] = (char)('0' + f % 10);
    out[n + 4] = '\0';
}

void
abk_row_texts(const struct settings *s, const struct abk_row *w,
              const char *out[ABK_N_COLUMNS], char text[][32], bool fixed)
{
    const struct abk_result *r = &w->r;
    int64_t ej = abk_ej_milli(s, r);
    char pj = abk_pj(s, r);
    for (int i = 0; i < ABK_N_COLUMNS; i++) {
        out[i] = NULL;
    }
    out[ABK_C_UNIT] = w->unit;
    out[ABK_C_JABATAN] = w->jabatan;
    put_long(text[ABK_C_H], r->h);
    out[ABK_C_H] = text[ABK_C_H];
    if (!r->analysed) {
        return;
    }
    int64_t milli[] = {r->beban_milli, abk_milli(s, r->need_num)};
    for (int i = 0; i < 2; i++) {
        if (milli[i] >= 0) {
            if (fixed) {
                put_milli(text[ABK_C_BEBAN + i], (long long)milli[i]);
            } else {
                num_format_fixed(milli[i], 3, text[ABK_C_BEBAN + i], 32);
            }
            out[ABK_C_BEBAN + i] = text[ABK_C_BEBAN + i];
        }
    }
    const struct {
        enum abk_col col;
        long v;
    } counts[] = {{ABK_C_BULAT, (long)r->bulat},
                  {ABK_C_H, r->h},
                  {ABK_C_H_PNS, r->h_pns},
                  {ABK_C_H_PPPK, r->h_pppk},
                  {ABK_C_H_CPNS, r->h_cpns},
                  {ABK_C_H_PPPK_PW, r->h_pppk_pw},
                  {ABK_C_SELISIH, r->h - (long)r->bulat},
                  {ABK_C_SEMENTARA, (long)(r->bulat - r->bulat_perm)}};
    for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
        put_long(text[counts[i].col], counts[i].v);
        out[counts[i].col] = text[counts[i].col];
    }
    if (ej >= 0) {
        if (fixed) {
            put_milli(text[ABK_C_EJ], (long long)ej);
        } else {
            num_format_fixed(ej, 3, text[ABK_C_EJ], 32);
        }
        out[ABK_C_EJ] = text[ABK_C_EJ];
        text[ABK_C_PJ][0] = pj;
        text[ABK_C_PJ][1] = '\0';
        out[ABK_C_PJ] = text[ABK_C_PJ];
    }
}

void
abk_row_json(const struct settings *s, const struct abk_row *w,
             struct json_obj *o)
{
    const char *t[ABK_N_COLUMNS];
    char text[ABK_N_COLUMNS][32];
    abk_row_texts(s, w, t, text, false);
    const struct abk_result *r = &w->r;
    json_obj_set_str(o, "unit", w->unit);
    if (w->jabatan != NULL) {
        json_obj_set_str(o, "jabatan", w->jabatan);
    }
    int64_t fixed[] = {r->beban_milli, abk_milli(s, r->need_num)};
    for (int i = ABK_C_BEBAN; i < ABK_N_COLUMNS; i++) {
        if (t[i] == NULL) {
            json_obj_set_null(o, abk_columns[i]);
        } else if (i == ABK_C_PJ) {
            json_obj_set_str(o, abk_columns[i], t[i]);
        } else if (i < ABK_C_BULAT) {
            json_obj_set_fixed(o, abk_columns[i], fixed[i - ABK_C_BEBAN], 3);
        } else if (i == ABK_C_EJ) {
            json_obj_set_fixed(o, abk_columns[i], abk_ej_milli(s, r), 3);
        } else {
            json_obj_set_int(o, abk_columns[i], strtoll(t[i], NULL, 10));
        }
    }
}

/* Group rows: the analysed pairs of each unit ('by' unit) or OPD group,
 * in code order. */
static enum err
each_group(const struct analysis *a, enum abk_by by, long root,
           enum err (*fn)(void *, const struct abk_row *), void *ctx)
{
    const struct tree *t = analysis_tree(a);
    size_t n = tree_count(t);
    struct abk_result *sums = xcalloc(n + 1, sizeof(*sums));
    size_t *order = xcalloc(n + 1, sizeof(*order));
    enum err rc = ERR_OK;
    for (size_t i = 0; i < analysis_count(a) && rc == ERR_OK; i++) {
        const struct analysis_pair *q = analysis_pair_at(a, i);
        if (root >= 0 && !analysis_in_subtree(a, q->unit, (size_t)root)) {
            continue;
        }
        size_t g = by == ABK_BY_UNIT ? q->unit : tree_opd(t, q->unit);
        rc = abk_sum(&sums[g], &q->r);
    }
    tree_order_by_code(t, order);
    for (size_t i = 0; i < n && rc == ERR_OK; i++) {
        struct abk_row w = {tree_unit(t, order[i])->kode, NULL, sums[order[i]]};
        if (w.r.analysed) {
            rc = fn(ctx, &w);
        }
    }
    free(sums);
    free(order);
    return rc;
}

enum err
abk_rows_each(const struct analysis *a, enum abk_by by, long root,
              enum err (*fn)(void *, const struct abk_row *), void *ctx)
{
    if (by != ABK_BY_JABATAN) {
        return each_group(a, by, root, fn, ctx);
    }
    enum err rc = ERR_OK;
    for (size_t i = 0; i < analysis_count(a) && rc == ERR_OK; i++) {
        const struct analysis_pair *q = analysis_pair_at(a, i);
        if (root >= 0 && !analysis_in_subtree(a, q->unit, (size_t)root)) {
            continue;
        }
        struct abk_row w = {tree_unit(analysis_tree(a), q->unit)->kode,
                            q->jabatan, q->r};
        rc = fn(ctx, &w);
    }
    return rc;
}

struct doc_ctx {
    const struct settings *s;
    struct json_obj *doc;
};

static enum err
doc_row(void *ctx, const struct abk_row *w)
{
    struct doc_ctx *d = ctx;
    struct json_obj *o = json_obj_create();
    abk_row_json(d->s, w, o);
    json_obj_push(d->doc, "rows", o);
    return ERR_OK;
}

enum err
abk_rows_doc(const struct analysis *a, int32_t day, enum abk_by by, long root,
             struct json_obj **out)
{
    char text[DATE_STR_LEN];
    struct doc_ctx d = {analysis_settings(a), json_obj_create()};
    date_format(day, text);
    json_obj_set_str(d.doc, "as_of", text);
    json_obj_set_int(d.doc, "wke_menit", d.s->wke_menit);
    json_obj_set_empty_array(d.doc, "rows");
    enum err rc = abk_rows_each(a, by, root, doc_row, &d);
    if (rc != ERR_OK) {
        json_obj_destroy(d.doc);
        return rc;
    }
    *out = d.doc;
    return ERR_OK;
}

int
abk_header_fields(bool groups, bool with_names, const char *names[ABK_N_FIELDS])
{
    int n = 0;
    for (int i = 0; i < ABK_N_COLUMNS; i++) {
        if (i == ABK_C_JABATAN && groups) {
            continue;
        }
        names[n++] = abk_columns[i];
        if (with_names && i == ABK_C_UNIT) {
            names[n++] = "nama_unit";
        } else if (with_names && i == ABK_C_JABATAN) {
            names[n++] = "nama_jabatan";
        }
    }
    return n;
}

int
abk_row_fields(const struct settings *s, const struct abk_row *w,
               const struct namebook *nb, const char *fields[ABK_N_FIELDS],
               char text[][32], bool decimal_comma)
{
    const char *t[ABK_N_COLUMNS];
    int n = 0;
    abk_row_texts(s, w, t, text, false);
    for (int i = 0; i < ABK_N_COLUMNS; i++) {
        if (i == ABK_C_JABATAN && w->jabatan == NULL) {
            continue;
        }
        char *dot = decimal_comma && i >= 2 && t[i] == text[i]
                        ? strchr(text[i], '.')
                        : NULL;
        if (dot != NULL) {
            *dot = ',';
        }
        fields[n++] = t[i];
        if (nb != NULL && i == ABK_C_UNIT) {
            fields[n++] = namebook_unit(nb, w->unit);
        } else if (nb != NULL && i == ABK_C_JABATAN) {
            fields[n++] = namebook_jabatan(nb, w->jabatan);
        }
    }
    return n;
}

struct csv_ctx {
    const struct settings *s;
    const struct namebook *nb;
    struct buf *out;
};

static enum err
csv_row(void *ctx, const struct abk_row *w)
{
    struct csv_ctx *x = ctx;
    char text[ABK_N_COLUMNS][32];
    const char *fields[ABK_N_FIELDS];
    int n = abk_row_fields(x->s, w, x->nb, fields, text, true);
    return csv_format_row_sep(x->out, fields, n, ';');
}

enum err
abk_rows_csv(const struct analysis *a, enum abk_by by, long root,
             const struct namebook *nb, struct buf *out)
{
    const char *names[ABK_N_FIELDS];
    int n = abk_header_fields(by != ABK_BY_JABATAN, nb != NULL, names);
    struct csv_ctx x = {analysis_settings(a), nb, out};
    enum err rc = buf_add(out, "\xEF\xBB\xBF", 3);
    rc = rc == ERR_OK ? csv_format_row_sep(out, names, n, ';') : rc;
    return rc == ERR_OK ? abk_rows_each(a, by, root, csv_row, &x) : rc;
}
