/* SPDX-License-Identifier: MIT */
/* xlsx_export: tables to XLSX (service layer). libxlsxwriter writes to a
 * file name, so each sheet is made in a private temporary file and copied
 * to the stream. */
#include "xlsx_export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "abk_rows.h"
#include "analysis.h"
#include "date.h"
#include "json.h"
#include "model.h"
#include "planning.h"
#include "siasn_out.h"
#include "store.h"
#include "tree.h"
#include "xlsx.h"

/* A private temporary file name into 'out' (closed, to be reopened by
 * libxlsxwriter). */
static enum err
temp_path(char out[64])
{
    snprintf(out, 64, "/tmp/mutasi-xlsx-XXXXXX");
    int fd = mkstemp(out);
    if (fd < 0) {
        return ERR_IO;
    }
    close(fd);
    return ERR_OK;
}

static enum err
copy_out(const char *path, FILE *f)
{
    FILE *in = fopen(path, "rb");
    char chunk[65536];
    size_t n = 0;
    enum err rc = in ? ERR_OK : ERR_IO;
    while (rc == ERR_OK && (n = fread(chunk, 1, sizeof(chunk), in)) > 0) {
        rc = fwrite(chunk, 1, n, f) == n ? ERR_OK : ERR_IO;
    }
    if (in != NULL) {
        rc = rc == ERR_OK && ferror(in) ? ERR_IO : rc;
        fclose(in);
    }
    return rc;
}

/* Close 'b', copy its file to 'f' and remove it; 'rc' is what came
 * before. */
static enum err
finish(struct xlsx_book *b, const char *path, enum err rc, FILE *f)
{
    enum err rc2 = b ? xlsx_close(b) : ERR_OK;
    rc = rc == ERR_OK ? rc2 : rc;
    rc = rc == ERR_OK ? copy_out(path, f) : rc;
    unlink(path);
    return rc;
}

static struct xlsx_cell
text_cell(const char *t)
{
    struct xlsx_cell c = {t && t[0] ? t : NULL, 0.0, -1};
    return c;
}

static struct xlsx_cell
number_cell(const char *t, int decimals)
{
    struct xlsx_cell c = {NULL, 0.0, -1};
    if (t != NULL && t[0] != '\0') {
        c.number = strtod(t, NULL);
        c.decimals = decimals;
    }
    return c;
}

struct abk_ctx {
    struct xlsx_book *b;
    const struct analysis *a;
};

static enum err
abk_sheet_row(void *ctx, const struct abk_row *w)
{
    struct abk_ctx *x = ctx;
    const char *t[ABK_N_COLUMNS];
    char text[ABK_N_COLUMNS][32];
    abk_row_texts(analysis_settings(x->a), w, t, text, false);
    const struct tree *tr = analysis_tree(x->a);
    long u = tree_find(tr, w->unit);
    static const int decimals[ABK_N_COLUMNS] = {-1, -1, 3, 3, 0, 0,  0,
                                                0,  0,  0, 0, 3, -1, 0};
    struct xlsx_cell cells[ABK_N_COLUMNS + 1];
    cells[0] = text_cell(w->unit);
    cells[1] = text_cell(u >= 0 ? tree_unit(tr, (size_t)u)->nama : NULL);
    for (int k = 1; k < ABK_N_COLUMNS; k++) {
        cells[k + 1] =
            decimals[k] < 0 ? text_cell(t[k]) : number_cell(t[k], decimals[k]);
    }
    return xlsx_row(x->b, cells, ABK_N_COLUMNS + 1);
}

enum err
xlsx_export_abk(struct store *st, int32_t day, FILE *f)
{
    static const char *const headers[] = {"Kode unit",
                                          "Unit",
                                          "Jabatan",
                                          "Beban (menit)",
                                          "Kebutuhan",
                                          "Kebutuhan bulat",
                                          "Bezetting",
                                          "PNS",
                                          "PPPK",
                                          "CPNS",
                                          "PPPK paruh waktu",
                                          "Selisih",
                                          "EJ",
                                          "PJ",
                                          "Sementara"};
    char path[64];
    struct analysis *a = NULL;
    struct xlsx_book *b = NULL;
    enum err rc = temp_path(path);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = analysis_load(st, day, &a);
    rc = rc == ERR_OK ? xlsx_create(path, "ABK", headers, ABK_N_COLUMNS + 1, &b)
                      : rc;
    struct abk_ctx x = {b, a};
    rc = rc == ERR_OK ? abk_rows_each(a, ABK_BY_JABATAN, -1, abk_sheet_row, &x)
                      : rc;
    analysis_destroy(a);
    return finish(b, path, rc, f);
}

/* The decision so far of move 'm' as words for people. */
static const char *
decision_word(const char *v)
{
    return v[0] == '\0' ? NULL : v;
}

enum err
xlsx_export_plan(const struct saved_plan *sp, FILE *f)
{
    static const char *const headers[] = {"NIP",           "Nama",
                                          "Jabatan asal",  "Jabatan tujuan",
                                          "Unit asal",     "Unit tujuan",
                                          "Jenis",         "Pilihan ke",
                                          "Jarak (km)",    "Sementara sampai",
                                          "Penjelasan",    "Tanggapan",
                                          "Keputusan TPK", "Keputusan PPK"};
    char path[64];
    struct xlsx_book *b = NULL;
    enum err rc = temp_path(path);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = xlsx_create(path, "Rencana", headers, 14, &b);
    for (size_t i = 0; i < sp->n_moves && rc == ERR_OK; i++) {
        const struct saved_move *m = &sp->moves[i];
        char pilihan[16] = "";
        char km[32];
        if (m->aps) {
            snprintf(pilihan, sizeof(pilihan), "%d", m->pilihan_ke);
        }
        snprintf(km, sizeof(km), "%lld.%02lld", (long long)(m->km_centi / 100),
                 (long long)(m->km_centi % 100));
        struct xlsx_cell cells[] = {
            text_cell(m->nip),
            text_cell(m->nama),
            text_cell(m->jabatan_asal),
            text_cell(m->jabatan_tujuan),
            text_cell(m->unit_asal),
            text_cell(m->unit_tujuan),
            text_cell(m->aps ? "aps" : "penugasan"),
            number_cell(pilihan, 0),
            number_cell(km, 2),
            text_cell(decision_word(m->sementara_sampai)),
            text_cell(m->penjelasan),
            text_cell(decision_word(m->tanggapan)),
            text_cell(decision_word(m->keputusan_tpk)),
            text_cell(decision_word(m->keputusan_ppk))};
        rc = xlsx_row(b, cells, 14);
    }
    return finish(b, path, rc, f);
}

static enum err
pegawai_sheet_row(void *ctx, const struct pegawai *p)
{
    char lahir[11];
    char tmt[11];
    date_format(p->tanggal_lahir, lahir);
    date_format(p->tmt_unit, tmt);
    const char *sex = p->jenis_kelamin == 'P' ? "P" : "L";
    struct xlsx_cell cells[] = {
        text_cell(p->nip),
        text_cell(p->nama),
        text_cell(sex),
        text_cell(p->tempat_lahir),
        text_cell(lahir),
        text_cell(model_enum_name(&model_status, (int)p->status)),
        text_cell(p->golongan),
        text_cell(p->jabatan),
        text_cell(p->unit),
        text_cell(tmt),
        text_cell(p->pendidikan)};
    return xlsx_row(ctx, cells, 11);
}

enum err
xlsx_export_pegawai(struct store *st, FILE *f)
{
    static const char *const headers[] = {
        "NIP",           "Nama",     "L/P",       "Tempat lahir",
        "Tanggal lahir", "Status",   "Golongan",  "Jabatan",
        "Unit",          "TMT unit", "Pendidikan"};
    char path[64];
    struct xlsx_book *b = NULL;
    enum err rc = temp_path(path);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = xlsx_create(path, "Pegawai", headers, 11, &b);
    rc = rc == ERR_OK ? store_pegawai_each(st, pegawai_sheet_row, b) : rc;
    return finish(b, path, rc, f);
}

static enum err
register_sheet_row(void *ctx, const struct store_register_row *r)
{
    struct xlsx_cell cells[] = {text_cell(r->nomor),  text_cell(r->tanggal),
                                text_cell(r->jenis),  text_cell(r->plan),
                                text_cell(r->nip),    text_cell(r->sha256),
                                text_cell(r->pertama)};
    return xlsx_row(ctx, cells, 7);
}

enum err
xlsx_export_register(struct store *st, FILE *f)
{
    static const char *const headers[] = {"Nomor",         "Tanggal", "Jenis",
                                          "Rencana",       "NIP",     "SHA-256",
                                          "Pertama terbit"};
    char path[64];
    struct xlsx_book *b = NULL;
    enum err rc = temp_path(path);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = xlsx_create(path, "Register", headers, 7, &b);
    rc = rc == ERR_OK ? store_register_each(st, register_sheet_row, b) : rc;
    return finish(b, path, rc, f);
}

/* The name of side 'sd', or its code when the name is not known. */
static const char *
side_name(const struct siasn_side *sd)
{
    return sd->nama[0] != '\0' ? sd->nama : sd->kode;
}

enum err
xlsx_export_siasn(const struct siasn_batch *sb, FILE *f)
{
    static const char *const headers[] = {"NIP",          "Nama",
                                          "Unor lama",    "ID unor lama",
                                          "Unor baru",    "ID unor baru",
                                          "Jabatan lama", "ID jabatan lama",
                                          "Jabatan baru", "ID jabatan baru",
                                          "Jenis mutasi", "Nomor SK",
                                          "Tanggal SK",   "TMT"};
    char path[64];
    struct xlsx_book *b = NULL;
    enum err rc = temp_path(path);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = xlsx_create(path, "Usul mutasi", headers, 14, &b);
    for (size_t i = 0; i < sb->n_moves && rc == ERR_OK; i++) {
        const struct siasn_move *m = &sb->moves[i];
        struct xlsx_cell cells[] = {text_cell(m->nip),
                                    text_cell(m->nama),
                                    text_cell(side_name(&m->unit_lama)),
                                    text_cell(m->unit_lama.id),
                                    text_cell(side_name(&m->unit_baru)),
                                    text_cell(m->unit_baru.id),
                                    text_cell(side_name(&m->jabatan_lama)),
                                    text_cell(m->jabatan_lama.id),
                                    text_cell(side_name(&m->jabatan_baru)),
                                    text_cell(m->jabatan_baru.id),
                                    text_cell(m->mutasi_jabatan ? "MJ" : "MU"),
                                    text_cell(sb->nomor_sk),
                                    text_cell(sb->tanggal_sk),
                                    text_cell(sb->tmt)};
        rc = xlsx_row(b, cells, 14);
    }
    return finish(b, path, rc, f);
}
