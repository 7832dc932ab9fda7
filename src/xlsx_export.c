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
#include "namebook.h"
#include "num.h"
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
    const struct namebook *nb;
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
    /* Each code with its name beside it: unit, then jabatan. */
    struct xlsx_cell cells[ABK_N_COLUMNS + 2];
    cells[0] = text_cell(w->unit);
    cells[1] = text_cell(u >= 0 ? tree_unit(tr, (size_t)u)->nama : NULL);
    cells[2] = text_cell(t[ABK_C_JABATAN]);
    cells[3] = text_cell(namebook_jabatan(x->nb, w->jabatan));
    for (int k = ABK_C_BEBAN; k < ABK_N_COLUMNS; k++) {
        cells[k + 2] =
            decimals[k] < 0 ? text_cell(t[k]) : number_cell(t[k], decimals[k]);
    }
    return xlsx_row(x->b, cells, ABK_N_COLUMNS + 2);
}

enum err
xlsx_export_abk(struct store *st, int32_t day, FILE *f)
{
    static const char *const headers[] = {"Kode unit",
                                          "Unit",
                                          "Kode jabatan",
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
    struct namebook *nb = NULL;
    rc = analysis_load(st, day, &a);
    rc = rc == ERR_OK ? namebook_load(st, &nb) : rc;
    rc = rc == ERR_OK ? xlsx_create(path, "ABK", headers, ABK_N_COLUMNS + 2, &b)
                      : rc;
    struct abk_ctx x = {b, a, nb};
    rc = rc == ERR_OK ? abk_rows_each(a, ABK_BY_JABATAN, -1, abk_sheet_row, &x)
                      : rc;
    namebook_destroy(nb);
    analysis_destroy(a);
    return finish(b, path, rc, f);
}

/* A saved decision word ("setuju", "keberatan", "tolak", "coret") for
 * people, or NULL when none yet. */
static const char *
decision_word(const char *v)
{
    static const char *const words[][2] = {{"setuju", "Setuju"},
                                           {"keberatan", "Keberatan"},
                                           {"tolak", "Tolak"},
                                           {"coret", "Dicoret"}};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (strcmp(v, words[i][0]) == 0) {
            return words[i][1];
        }
    }
    return v[0] == '\0' ? NULL : v;
}

#define PLAN_COLUMNS 22

enum err
xlsx_export_plan(struct store *st, const struct saved_plan *sp, FILE *f)
{
    static const char *const headers[PLAN_COLUMNS] = {
        "NIP",
        "Nama",
        "Kode jabatan asal",
        "Jabatan asal",
        "Kode jabatan tujuan",
        "Jabatan tujuan",
        "Kode unit asal",
        "Unit asal",
        "Kode unit tujuan",
        "Unit tujuan",
        "Jenis",
        "Pilihan ke",
        "Jarak (km)",
        "Sementara sampai",
        "Penjelasan",
        "Tanggapan pegawai",
        "Keberatan / catatan pegawai",
        "Keputusan TPK",
        "Catatan TPK",
        "Jawaban TPK atas keberatan",
        "Keputusan PPK",
        "Alasan PPK"};
    char path[64];
    struct xlsx_book *b = NULL;
    struct namebook *nb = NULL;
    enum err rc = temp_path(path);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = namebook_load(st, &nb);
    rc = rc == ERR_OK ? xlsx_create(path, "Rencana", headers, PLAN_COLUMNS, &b)
                      : rc;
    for (size_t i = 0; i < sp->n_moves && rc == ERR_OK; i++) {
        const struct saved_move *m = &sp->moves[i];
        char pilihan[16] = "";
        char km[32];
        if (m->aps) {
            snprintf(pilihan, sizeof(pilihan), "%d", m->pilihan_ke);
        }
        snprintf(km, sizeof(km), "%lld.%02lld", (long long)(m->km_centi / 100),
                 (long long)(m->km_centi % 100));
        struct xlsx_cell cells[PLAN_COLUMNS] = {
            text_cell(m->nip),
            text_cell(m->nama),
            text_cell(m->jabatan_asal),
            text_cell(namebook_jabatan(nb, m->jabatan_asal)),
            text_cell(m->jabatan_tujuan),
            text_cell(namebook_jabatan(nb, m->jabatan_tujuan)),
            text_cell(m->unit_asal),
            text_cell(namebook_unit(nb, m->unit_asal)),
            text_cell(m->unit_tujuan),
            text_cell(namebook_unit(nb, m->unit_tujuan)),
            text_cell(namebook_jenis_pindah(m->aps ? "aps" : "penugasan")),
            number_cell(pilihan, 0),
            number_cell(km, 2),
            text_cell(decision_word(m->sementara_sampai)),
            text_cell(m->penjelasan),
            text_cell(decision_word(m->tanggapan)),
            text_cell(m->catatan_tanggapan),
            text_cell(decision_word(m->keputusan_tpk)),
            text_cell(m->catatan_tpk),
            text_cell(m->jawaban_tpk),
            text_cell(decision_word(m->keputusan_ppk)),
            text_cell(m->alasan_ppk)};
        rc = xlsx_row(b, cells, PLAN_COLUMNS);
    }
    namebook_destroy(nb);
    return finish(b, path, rc, f);
}

struct pegawai_ctx {
    struct xlsx_book *b;
    const struct namebook *nb;
};

static enum err
pegawai_sheet_row(void *ctx, const struct pegawai *p)
{
    struct pegawai_ctx *x = ctx;
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
        text_cell(namebook_jabatan(x->nb, p->jabatan)),
        text_cell(p->unit),
        text_cell(namebook_unit(x->nb, p->unit)),
        text_cell(tmt),
        text_cell(p->pendidikan)};
    return xlsx_row(x->b, cells, 13);
}

enum err
xlsx_export_pegawai(struct store *st, FILE *f)
{
    static const char *const headers[] = {
        "NIP",    "Nama",     "L/P",          "Tempat lahir", "Tanggal lahir",
        "Status", "Golongan", "Kode jabatan", "Jabatan",      "Kode unit",
        "Unit",   "TMT unit", "Pendidikan"};
    char path[64];
    struct xlsx_book *b = NULL;
    enum err rc = temp_path(path);
    if (rc != ERR_OK) {
        return rc;
    }
    struct namebook *nb = NULL;
    rc = namebook_load(st, &nb);
    rc = rc == ERR_OK ? xlsx_create(path, "Pegawai", headers, 13, &b) : rc;
    struct pegawai_ctx x = {b, nb};
    rc = rc == ERR_OK ? store_pegawai_each(st, pegawai_sheet_row, &x) : rc;
    namebook_destroy(nb);
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

/* A sheet written row by row from a store iteration, with names. */
struct named_ctx {
    struct xlsx_book *b;
    const struct namebook *nb;
};

/* Create the book of one sheet at a temporary path, load the names of
 * 'st', call 'each' with 'row' for the rows, and copy the file to 'f'. */
static enum err
named_sheet(struct store *st, const char *sheet, const char *const *headers,
            int n, enum err (*each)(struct store *, struct named_ctx *),
            FILE *f)
{
    char path[64];
    struct xlsx_book *b = NULL;
    struct namebook *nb = NULL;
    enum err rc = temp_path(path);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = namebook_load(st, &nb);
    rc = rc == ERR_OK ? xlsx_create(path, sheet, headers, n, &b) : rc;
    struct named_ctx x = {b, nb};
    rc = rc == ERR_OK ? each(st, &x) : rc;
    namebook_destroy(nb);
    return finish(b, path, rc, f);
}

static enum err
unit_sheet_row(void *ctx, const struct unit *u)
{
    struct named_ctx *x = ctx;
    char lat[32] = "";
    char lon[32] = "";
    if (u->lat != MODEL_COORD_NONE) {
        snprintf(lat, sizeof(lat), "%.6f", u->lat);
        snprintf(lon, sizeof(lon), "%.6f", u->lon);
    }
    struct xlsx_cell cells[] = {
        text_cell(u->kode),
        text_cell(u->nama),
        text_cell(u->induk),
        text_cell(namebook_unit(x->nb, u->induk)),
        text_cell(model_enum_name(&model_unit_jenis, (int)u->jenis)),
        text_cell(u->kecamatan),
        number_cell(lat, 6),
        number_cell(lon, 6)};
    return xlsx_row(x->b, cells, 8);
}

static enum err
units_each(struct store *st, struct named_ctx *x)
{
    return store_unit_each(st, unit_sheet_row, x);
}

enum err
xlsx_export_unit(struct store *st, FILE *f)
{
    static const char *const headers[] = {"Kode",    "Nama",  "Kode induk",
                                          "Induk",   "Jenis", "Kecamatan",
                                          "Lintang", "Bujur"};
    return named_sheet(st, "Unit", headers, 8, units_each, f);
}

static enum err
beban_sheet_row(void *ctx, const struct beban *r)
{
    struct named_ctx *x = ctx;
    char volume[32];
    char norma[32] = "";
    char mulai[DATE_STR_LEN] = "";
    char sampai[DATE_STR_LEN] = "";
    num_format_fixed(r->volume_milli, 3, volume, sizeof(volume));
    if (r->norma_milli >= 0) {
        num_format_fixed(r->norma_milli, 3, norma, sizeof(norma));
    }
    if (r->berlaku_mulai != DATE_NONE) {
        date_format(r->berlaku_mulai, mulai);
    }
    if (r->berlaku_sampai != DATE_NONE) {
        date_format(r->berlaku_sampai, sampai);
    }
    struct xlsx_cell cells[] = {
        text_cell(r->unit),
        text_cell(namebook_unit(x->nb, r->unit)),
        text_cell(r->jabatan),
        text_cell(namebook_jabatan(x->nb, r->jabatan)),
        text_cell(r->tugas),
        number_cell(volume, 3),
        number_cell(norma, 3),
        text_cell(model_enum_name(&model_metode, (int)r->metode)),
        text_cell(mulai),
        text_cell(sampai)};
    return xlsx_row(x->b, cells, 10);
}

static enum err
beban_each(struct store *st, struct named_ctx *x)
{
    return store_beban_each(st, beban_sheet_row, x);
}

enum err
xlsx_export_beban(struct store *st, FILE *f)
{
    static const char *const headers[] = {
        "Kode unit",     "Unit",          "Kode jabatan",  "Jabatan",
        "Tugas",         "Volume",        "Norma (menit)", "Metode",
        "Berlaku mulai", "Berlaku sampai"};
    return named_sheet(st, "Beban", headers, 10, beban_each, f);
}

static enum err
permohonan_sheet_row(void *ctx, const struct permohonan *r)
{
    struct named_ctx *x = ctx;
    char tanggal[DATE_STR_LEN];
    date_format(r->tanggal, tanggal);
    struct xlsx_cell cells[3 + 2 * MODEL_MAX_PILIHAN + 2];
    int n = 0;
    cells[n++] = text_cell(r->nip);
    cells[n++] = text_cell(model_enum_name(&model_alasan, (int)r->alasan));
    cells[n++] = text_cell(tanggal);
    for (int k = 0; k < MODEL_MAX_PILIHAN; k++) {
        const char *u = k < r->n_pilihan ? r->pilihan[k] : NULL;
        cells[n++] = text_cell(u);
        cells[n++] = text_cell(namebook_unit(x->nb, u));
    }
    cells[n++] =
        text_cell(model_enum_name(&model_permohonan_status, (int)r->status));
    cells[n++] = text_cell(r->keterangan);
    return xlsx_row(x->b, cells, n);
}

static enum err
permohonan_each(struct store *st, struct named_ctx *x)
{
    return store_permohonan_each(st, permohonan_sheet_row, x);
}

enum err
xlsx_export_permohonan(struct store *st, FILE *f)
{
    static const char *const headers[] = {
        "NIP",       "Alasan",         "Tanggal",   "Kode pilihan 1",
        "Pilihan 1", "Kode pilihan 2", "Pilihan 2", "Kode pilihan 3",
        "Pilihan 3", "Kode pilihan 4", "Pilihan 4", "Kode pilihan 5",
        "Pilihan 5", "Status",         "Keterangan"};
    return named_sheet(st, "Permohonan", headers, 15, permohonan_each, f);
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
