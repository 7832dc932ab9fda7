/* SPDX-License-Identifier: MIT */
/* rec: CSV rows -> model records for the five data kinds (io layer), and
 * back in rec_format.c. Every field is checked here, with a message naming
 * the column and what is wrong; cross-row checks belong to the importer. */
#include "rec.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "date.h"
#include "diag.h"
#include "model.h"
#include "nip.h"
#include "num.h"
#include "rec_int.h"

struct column {
    const char *name;
    bool required;
};

static const struct column unit_cols[] = {
    {"kode", true},       {"nama", true}, {"induk", false}, {"jenis", true},
    {"kecamatan", false}, {"lat", false}, {"lon", false}};
static const struct column jabatan_cols[] = {
    {"kode", true},          {"nama", true},         {"jenis", true},
    {"jenjang", false},      {"kelompok", false},    {"guru", false},
    {"bup", false},          {"kompetensi", false},  {"pendidikan_min", false},
    {"golongan_min", false}, {"golongan_max", false}};
static const struct column beban_cols[] = {
    {"unit", true},           {"jabatan", true},        {"tugas", false},
    {"volume", true},         {"norma_menit", false},   {"metode", false},
    {"berlaku_mulai", false}, {"berlaku_sampai", false}};
static const struct column pegawai_cols[] = {{"nip", true},
                                             {"nama", true},
                                             {"jenis_kelamin", false},
                                             {"tempat_lahir", false},
                                             {"tanggal_lahir", false},
                                             {"status", true},
                                             {"golongan", false},
                                             {"jabatan", true},
                                             {"unit", true},
                                             {"tmt_unit", true},
                                             {"pendidikan", false},
                                             {"kompetensi", false},
                                             {"lat", false},
                                             {"lon", false},
                                             {"hukuman_disiplin", false},
                                             {"tugas_belajar", false},
                                             {"formasi_tahun", false}};
static const struct column permohonan_cols[] = {{"nip", true},
                                                {"pilihan", true},
                                                {"alasan", true},
                                                {"tanggal", true},
                                                {"keterangan", false}};
static const struct column kinerja_cols[] = {
    {"nip", true}, {"tahun", true}, {"predikat", true}};

struct kind_info {
    const char *name;
    const struct column *cols;
    int n_cols;
};

#define KIND(name, cols)                                    \
    {                                                       \
        name, cols, (int)(sizeof(cols) / sizeof((cols)[0])) \
    }
static const struct kind_info kinds[REC_N_KINDS] = {
    KIND("unit", unit_cols),
    KIND("jabatan", jabatan_cols),
    KIND("beban", beban_cols),
    KIND("pegawai", pegawai_cols),
    KIND("permohonan", permohonan_cols),
    KIND("kinerja", kinerja_cols)};

const char *
rec_kind_name(enum rec_kind k)
{
    return kinds[k].name;
}

enum err
rec_kind_parse(const char *name, enum rec_kind *out)
{
    for (int k = 0; k < REC_N_KINDS; k++) {
        if (strcmp(name, kinds[k].name) == 0) {
            *out = (enum rec_kind)k;
            return ERR_OK;
        }
    }
    return ERR_NOTFOUND;
}

enum err
rec_kind_from_path(const char *path, enum rec_kind *out)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    for (int k = 0; k < REC_N_KINDS; k++) {
        size_t n = strlen(kinds[k].name);
        if (strncasecmp(base, kinds[k].name, n) == 0 &&
            strchr("_-. ", base[n]) != NULL && base[n] != '\0') {
            *out = (enum rec_kind)k;
            return ERR_OK;
        }
    }
    return ERR_NOTFOUND;
}

int
rec_n_columns(enum rec_kind k)
{
    return kinds[k].n_cols;
}

const char *
rec_column_name(enum rec_kind k, int col)
{
    return kinds[k].cols[col].name;
}

void
rec_reader_init(struct rec_reader *r, enum rec_kind k, const char *file,
                char delim, struct diag *d)
{
    memset(r, 0, sizeof(*r));
    r->kind = k;
    r->file = file;
    r->d = d;
    r->comma_decimal = delim == ';';
    for (int i = 0; i < REC_MAX_COLUMNS; i++) {
        r->pos[i] = -1;
    }
    buf_init(&r->scratch, 0);
}

void
rec_reader_cleanup(struct rec_reader *r)
{
    if (r != NULL) {
        buf_cleanup(&r->scratch);
    }
}

void
rec_reader_map(struct rec_reader *r, const int *pos, int n_fields)
{
    r->n_fields = n_fields;
    for (int c = 0; c < kinds[r->kind].n_cols; c++) {
        r->pos[c] = pos[c] < n_fields ? pos[c] : -1;
    }
}

int
rec_field_no(const struct rec_reader *r, int col)
{
    return r->pos[col] >= 0 ? r->pos[col] + 1 : 1;
}

bool
rec_has_column(const struct rec_reader *r, int col)
{
    return r->pos[col] >= 0;
}

bool
rec_row_is_empty(const struct csv_row *row)
{
    for (int i = 0; i < row->n_fields; i++) {
        if (row->lens[i] > 0) {
            return false;
        }
    }
    return true;
}

static void report(struct rec_reader *r, long line, int field_no,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
report(struct rec_reader *r, long line, int field_no, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag_add(r->d, r->file, line, field_no, "%s", msg);
    r->row_bad = true;
}

static int
column_of(enum rec_kind k, const char *name)
{
    for (int c = 0; c < kinds[k].n_cols; c++) {
        if (strcasecmp(kinds[k].cols[c].name, name) == 0) {
            return c;
        }
    }
    return -1;
}

static void
header_field(struct rec_reader *r, const struct csv_row *row, int i)
{
    int c = column_of(r->kind, row->fields[i]);
    if (c < 0) {
        report(r, row->line, i + 1,
               L_("kolom '%s' tidak dikenal untuk berkas %s",
                  "unknown column '%s' for a %s file"),
               row->fields[i], kinds[r->kind].name);
    } else if (r->pos[c] >= 0) {
        report(r, row->line, i + 1,
               L_("kolom '%s' muncul dua kali (juga kolom ke-%d)",
                  "column '%s' appears twice (also field %d)"),
               row->fields[i], r->pos[c] + 1);
    } else {
        r->pos[c] = i;
    }
}

enum err
rec_header_parse(struct rec_reader *r, const struct csv_row *row)
{
    r->row_bad = false;
    r->n_fields = row->n_fields;
    for (int i = 0; i < row->n_fields; i++) {
        header_field(r, row, i);
    }
    for (int c = 0; c < kinds[r->kind].n_cols; c++) {
        if (kinds[r->kind].cols[c].required && r->pos[c] < 0) {
            report(r, row->line, 1,
                   L_("kolom wajib '%s' tidak ada di baris judul",
                      "required column '%s' is missing from the header"),
                   kinds[r->kind].cols[c].name);
        }
    }
    return r->row_bad ? ERR_INVAL : ERR_OK;
}

/* One field of the current row: NULL text when the column is absent or the
 * cell is empty. */
struct field {
    const char *s;
    size_t len;
    int no; /* 1-based field number, for messages. */
    const char *name;
};

static struct field
get(const struct rec_reader *r, const struct csv_row *row, int col)
{
    struct field f = {NULL, 0, rec_field_no(r, col),
                      kinds[r->kind].cols[col].name};
    int i = r->pos[col];
    if (i >= 0 && i < row->n_fields && row->lens[i] > 0) {
        f.s = row->fields[i];
        f.len = row->lens[i];
    }
    return f;
}

static bool
present(struct rec_reader *r, const struct csv_row *row, struct field f,
        bool required)
{
    if (f.s != NULL) {
        return true;
    }
    if (required) {
        report(r, row->line, f.no,
               L_("kolom '%s' wajib diisi", "column '%s' must not be empty"),
               f.name);
    }
    return false;
}

static const char *
text(struct rec_reader *r, const struct csv_row *row, int col, bool required)
{
    struct field f = get(r, row, col);
    return present(r, row, f, required) ? f.s : NULL;
}

static bool
code_char_ok(unsigned char c)
{
    return c > ' ' && c < 0x7F && c != ',' && c != ';' && c != '"';
}

/* A unit or position code: printable ASCII without spaces, commas,
 * semicolons or quotes, at most MODEL_CODE_MAX bytes. */
static bool
code_ok(const char *s, size_t len)
{
    if (len == 0 || len > MODEL_CODE_MAX) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        if (!code_char_ok((unsigned char)s[i])) {
            return false;
        }
    }
    return true;
}

static const char *
code(struct rec_reader *r, const struct csv_row *row, int col, bool required)
{
    struct field f = get(r, row, col);
    if (!present(r, row, f, required)) {
        return NULL;
    }
    if (!code_ok(f.s, f.len)) {
        report(r, row->line, f.no,
               L_("kode '%s' di kolom '%s' tidak sah: gunakan huruf, angka "
                  "dan . - _ / tanpa spasi, paling panjang %d karakter",
                  "code '%s' in column '%s' is not valid: use letters, "
                  "digits and . - _ / without spaces, at most %d characters"),
               f.s, f.name, MODEL_CODE_MAX);
        return NULL;
    }
    return f.s;
}

static int
enumeration(struct rec_reader *r, const struct csv_row *row, int col,
            const struct model_enum *e, int dflt)
{
    char words[512];
    struct field f = get(r, row, col);
    if (!present(r, row, f, dflt < 0)) {
        return dflt;
    }
    int v = model_enum_parse(e, f.s, f.len);
    if (v < 0) {
        report(r, row->line, f.no,
               L_("nilai '%s' tidak dikenal di kolom '%s'; pilihan: %s",
                  "unknown value '%s' in column '%s'; allowed: %s"),
               f.s, f.name, model_enum_list(e, words, sizeof(words)));
    }
    return v < 0 ? dflt : v;
}

static const char *
num_problem_text(enum num_problem p)
{
    switch (p) {
    case NUM_THOUSANDS:
        return L_("jangan pakai pemisah ribuan", "do not use thousands "
                                                 "separators");
    case NUM_NOT_WHOLE:
        return L_("harus bilangan bulat", "must be a whole number");
    case NUM_RANGE:
        return L_("terlalu besar", "too large");
    case NUM_DECIMAL_COMMA:
        return L_("pemisah desimal di berkas berpemisah koma harus titik",
                  "the decimal separator in a comma-separated file must be "
                  "a point");
    case NUM_OK:
    case NUM_DECIMALS: /* Named with its scale by number(). */
    case NUM_SYNTAX:
        break;
    }
    return L_("bukan angka", "not a number");
}

/* A number with 'scale' decimals into '*out'; false when absent or bad. */
static bool
number(struct rec_reader *r, const struct csv_row *row, int col, int scale,
       bool required, int64_t *out)
{
    struct field f = get(r, row, col);
    if (!present(r, row, f, required)) {
        return false;
    }
    enum num_problem p =
        num_parse_fixed(f.s, f.len, scale, r->comma_decimal, out);
    if (p == NUM_DECIMALS) {
        report(r, row->line, f.no,
               L_("angka '%s' di kolom '%s' tidak sah: paling banyak %d angka "
                  "desimal",
                  "number '%s' in column '%s' is not valid: at most %d "
                  "decimal places"),
               f.s, f.name, scale);
        return false;
    }
    if (p != NUM_OK) {
        report(r, row->line, f.no,
               L_("angka '%s' di kolom '%s' tidak sah: %s",
                  "number '%s' in column '%s' is not valid: %s"),
               f.s, f.name, num_problem_text(p));
        return false;
    }
    return true;
}

/* A whole number in ['lo', 'hi'], or 'dflt' when absent or bad. */
static int
whole(struct rec_reader *r, const struct csv_row *row, int col, int lo, int hi,
      int dflt)
{
    int64_t v = 0;
    struct field f = get(r, row, col);
    if (!number(r, row, col, 0, false, &v)) {
        return dflt;
    }
    if (v < lo || v > hi) {
        report(r, row->line, f.no,
               L_("nilai %s di kolom '%s' harus antara %d dan %d",
                  "value %s in column '%s' must be between %d and %d"),
               f.s, f.name, lo, hi);
        return dflt;
    }
    return (int)v;
}

static bool
flag(struct rec_reader *r, const struct csv_row *row, int col)
{
    return whole(r, row, col, 0, 1, 0) == 1;
}

static int32_t
date_field(struct rec_reader *r, const struct csv_row *row, int col,
           bool required)
{
    int32_t day = DATE_NONE;
    struct field f = get(r, row, col);
    if (!present(r, row, f, required)) {
        return DATE_NONE;
    }
    if (date_parse(f.s, f.len, &day) != ERR_OK) {
        report(r, row->line, f.no,
               L_("tanggal '%s' di kolom '%s' tidak sah (format YYYY-MM-DD, "
                  "tanggal yang ada)",
                  "date '%s' in column '%s' is not valid (format YYYY-MM-DD, "
                  "a real day)"),
               f.s, f.name);
        return DATE_NONE;
    }
    return day;
}

static double
coord(struct rec_reader *r, const struct csv_row *row, int col, int limit)
{
    int64_t v = 0;
    struct field f = get(r, row, col);
    if (!number(r, row, col, REC_COORD_SCALE, false, &v)) {
        return MODEL_COORD_NONE;
    }
    if (v < -(int64_t)limit * 10000000 || v > (int64_t)limit * 10000000) {
        report(r, row->line, f.no,
               L_("koordinat %s di kolom '%s' di luar rentang -%d sampai %d",
                  "coordinate %s in column '%s' is out of range -%d to %d"),
               f.s, f.name, limit, limit);
        return MODEL_COORD_NONE;
    }
    return (double)v / 1e7;
}

/* Latitude and longitude come together or not at all. */
static void
coords(struct rec_reader *r, const struct csv_row *row, int lat_col,
       double *lat, double *lon)
{
    struct field flat = get(r, row, lat_col);
    struct field flon = get(r, row, lat_col + 1);
    *lat = coord(r, row, lat_col, 90);
    *lon = coord(r, row, lat_col + 1, 180);
    if ((flat.s == NULL) != (flon.s == NULL)) {
        struct field missing = flat.s == NULL ? flat : flon;
        report(r, row->line, missing.no,
               L_("lat dan lon harus diisi keduanya atau dikosongkan "
                  "keduanya",
                  "lat and lon must both be given or both be left empty"));
        *lat = MODEL_COORD_NONE;
        *lon = MODEL_COORD_NONE;
    }
}

/* A ';'-separated list, trimmed and rejoined without empty items, into the
 * scratch buffer; NULL when empty. Call it at most once per row: a second
 * call may move the buffer and leave the first result dangling. Items are
 * checked by 'item_ok' when it is not NULL. */
static const char *
list(struct rec_reader *r, const struct csv_row *row, int col,
     bool (*item_ok)(const char *, size_t))
{
    struct field f = get(r, row, col);
    size_t start = r->scratch.len;
    bool any = false;
    if (f.s == NULL) {
        return NULL;
    }
    for (const char *p = f.s; p < f.s + f.len;) {
        const char *end = memchr(p, ';', (size_t)(f.s + f.len - p));
        const char *e = end ? end : f.s + f.len;
        while (p < e && isspace((unsigned char)*p)) {
            p++;
        }
        const char *q = e;
        while (q > p && isspace((unsigned char)q[-1])) {
            q--;
        }
        if (q > p && item_ok != NULL && !item_ok(p, (size_t)(q - p))) {
            report(r, row->line, f.no,
                   L_("isi '%.*s' di kolom '%s' tidak sah",
                      "item '%.*s' in column '%s' is not valid"),
                   (int)(q - p), p, f.name);
        }
        if (q > p && ((any && buf_add(&r->scratch, ";", 1) != ERR_OK) ||
                      buf_add(&r->scratch, p, (size_t)(q - p)) != ERR_OK)) {
            return NULL; /* Unreachable: the scratch buffer has no cap. */
        }
        any = any || q > p;
        p = e + 1;
    }
    if (!any || buf_add(&r->scratch, "", 1) != ERR_OK) {
        return NULL;
    }
    return r->scratch.data + start;
}

static bool
tag_ok(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (!code_char_ok((unsigned char)s[i])) {
            return false;
        }
    }
    return true;
}

/* Start a data row: check its field count. */
static bool
begin_row(struct rec_reader *r, const struct csv_row *row)
{
    r->row_bad = false;
    buf_reset(&r->scratch);
    if (row->n_fields != r->n_fields) {
        report(r, row->line,
               row->n_fields > r->n_fields ? r->n_fields + 1
                                           : row->n_fields + 1,
               L_("baris ini punya %d kolom, baris judul punya %d",
                  "this row has %d fields, the header has %d"),
               row->n_fields, r->n_fields);
        return false;
    }
    return true;
}

enum err
rec_unit_parse(struct rec_reader *r, const struct csv_row *row,
               struct unit *out)
{
    memset(out, 0, sizeof(*out));
    if (!begin_row(r, row)) {
        return ERR_INVAL;
    }
    out->kode = code(r, row, REC_U_KODE, true);
    out->nama = text(r, row, REC_U_NAMA, true);
    out->induk = code(r, row, REC_U_INDUK, false);
    out->jenis = (enum unit_jenis)enumeration(r, row, REC_U_JENIS,
                                              &model_unit_jenis, -1);
    out->kecamatan = text(r, row, REC_U_KECAMATAN, false);
    coords(r, row, REC_U_LAT, &out->lat, &out->lon);
    return r->row_bad ? ERR_INVAL : ERR_OK;
}

static const char *const jenjang_keahlian[] = {"pertama", "muda", "madya",
                                               "utama", NULL};
static const char *const jenjang_keterampilan[] = {"pemula", "terampil",
                                                   "mahir", "penyelia", NULL};
static const char *const jenjang_jpt[] = {"pratama", "madya", "utama", NULL};

static void
check_jenjang(struct rec_reader *r, const struct csv_row *row,
              enum jabatan_jenis jenis, const char *jenjang)
{
    const char *const *allowed =
        jenis == JAB_FUNGSIONAL_KEAHLIAN       ? jenjang_keahlian
        : jenis == JAB_FUNGSIONAL_KETERAMPILAN ? jenjang_keterampilan
        : jenis == JAB_JPT                     ? jenjang_jpt
                                               : NULL;
    if (allowed == NULL || jenjang == NULL) {
        return;
    }
    for (int i = 0; allowed[i] != NULL; i++) {
        if (strcmp(allowed[i], jenjang) == 0) {
            return;
        }
    }
    report(r, row->line, rec_field_no(r, REC_J_JENJANG),
           L_("jenjang '%s' tidak cocok dengan jenis jabatan '%s'",
              "jenjang '%s' does not fit position kind '%s'"),
           jenjang, model_enum_name(&model_jabatan_jenis, (int)jenis));
}

/* What enumeration() gives for an optional column left empty (or bad). */
#define NOT_GIVEN 1000

/* golongan_min and golongan_max: PNS golongan words, min <= max. */
static void
jabatan_golongan(struct rec_reader *r, const struct csv_row *row,
                 struct jabatan *out)
{
    int lo =
        enumeration(r, row, REC_J_GOLONGAN_MIN, &model_golongan_pns, NOT_GIVEN);
    int hi =
        enumeration(r, row, REC_J_GOLONGAN_MAX, &model_golongan_pns, NOT_GIVEN);
    out->golongan_min =
        lo != NOT_GIVEN ? model_enum_name(&model_golongan_pns, lo) : NULL;
    out->golongan_max =
        hi != NOT_GIVEN ? model_enum_name(&model_golongan_pns, hi) : NULL;
    if (lo != NOT_GIVEN && hi != NOT_GIVEN && lo > hi) {
        report(r, row->line, rec_field_no(r, REC_J_GOLONGAN_MAX),
               L_("golongan_max %s lebih rendah dari golongan_min %s",
                  "golongan_max %s is below golongan_min %s"),
               out->golongan_max, out->golongan_min);
    }
}

enum err
rec_jabatan_parse(struct rec_reader *r, const struct csv_row *row,
                  struct jabatan *out)
{
    memset(out, 0, sizeof(*out));
    if (!begin_row(r, row)) {
        return ERR_INVAL;
    }
    out->kode = code(r, row, REC_J_KODE, true);
    out->nama = text(r, row, REC_J_NAMA, true);
    int jenis = enumeration(r, row, REC_J_JENIS, &model_jabatan_jenis, -1);
    out->jenis = (enum jabatan_jenis)(jenis < 0 ? 0 : jenis);
    out->jenjang = text(r, row, REC_J_JENJANG, false);
    if (jenis >= 0) {
        check_jenjang(r, row, out->jenis, out->jenjang);
    }
    out->kelompok = code(r, row, REC_J_KELOMPOK, false);
    out->guru = flag(r, row, REC_J_GURU);
    out->bup = whole(r, row, REC_J_BUP, 40, 75, 0);
    out->kompetensi = list(r, row, REC_J_KOMPETENSI, tag_ok);
    int pend =
        enumeration(r, row, REC_J_PENDIDIKAN_MIN, &model_pendidikan, NOT_GIVEN);
    out->pendidikan_min = pend == NOT_GIVEN ? -1 : pend;
    jabatan_golongan(r, row, out);
    return r->row_bad ? ERR_INVAL : ERR_OK;
}

static void
check_volume(struct rec_reader *r, const struct csv_row *row,
             const struct beban *b)
{
    int no = rec_field_no(r, REC_B_VOLUME);
    if (b->volume_milli > REC_VOLUME_MAX * 1000) {
        report(r, row->line, no,
               L_("volume terlalu besar (paling banyak %lld)",
                  "volume too large (at most %lld)"),
               (long long)REC_VOLUME_MAX);
    } else if (b->volume_milli < 0) {
        report(r, row->line, no,
               L_("volume tidak boleh negatif", "volume must not be negative"));
    } else if ((b->metode == METODE_ROMBEL || b->metode == METODE_TETAP) &&
               b->volume_milli % 1000 != 0) {
        report(r, row->line, no,
               L_("volume untuk metode '%s' harus bilangan bulat",
                  "volume for method '%s' must be a whole number"),
               model_enum_name(&model_metode, (int)b->metode));
    }
}

static void
check_norma(struct rec_reader *r, const struct csv_row *row, struct beban *b)
{
    struct field f = get(r, row, REC_B_NORMA);
    if (b->metode != METODE_TUGAS) {
        if (f.s != NULL) {
            report(r, row->line, f.no,
                   L_("norma_menit hanya diisi untuk metode 'tugas'",
                      "norma_menit is only for method 'tugas'"));
        }
        b->norma_milli = -1;
        return;
    }
    if (!number(r, row, REC_B_NORMA, REC_MILLI_SCALE, true, &b->norma_milli)) {
        b->norma_milli = -1;
    } else if (b->norma_milli > REC_NORMA_MAX * 1000) {
        report(r, row->line, f.no,
               L_("norma_menit terlalu besar (paling banyak %lld menit)",
                  "norma_menit too large (at most %lld minutes)"),
               (long long)REC_NORMA_MAX);
    } else if (b->norma_milli < 0) {
        report(r, row->line, f.no,
               L_("norma_menit tidak boleh negatif",
                  "norma_menit must not be negative"));
    }
}

enum err
rec_beban_parse(struct rec_reader *r, const struct csv_row *row,
                struct beban *out)
{
    memset(out, 0, sizeof(*out));
    if (!begin_row(r, row)) {
        return ERR_INVAL;
    }
    out->unit = code(r, row, REC_B_UNIT, true);
    out->jabatan = code(r, row, REC_B_JABATAN, true);
    out->tugas = text(r, row, REC_B_TUGAS, false);
    bool bad_before = r->row_bad;
    out->metode = (enum beban_metode)enumeration(r, row, REC_B_METODE,
                                                 &model_metode, METODE_TUGAS);
    bool metode_ok = r->row_bad == bad_before;
    if (number(r, row, REC_B_VOLUME, REC_MILLI_SCALE, true,
               &out->volume_milli) &&
        metode_ok) {
        check_volume(r, row, out);
    }
    if (metode_ok) {
        check_norma(r, row, out); /* Depends on the method. */
    }
    out->berlaku_mulai = date_field(r, row, REC_B_MULAI, false);
    out->berlaku_sampai = date_field(r, row, REC_B_SAMPAI, false);
    if (out->berlaku_mulai != DATE_NONE && out->berlaku_sampai != DATE_NONE &&
        out->berlaku_sampai < out->berlaku_mulai) {
        report(r, row->line, rec_field_no(r, REC_B_SAMPAI),
               L_("berlaku_sampai lebih awal dari berlaku_mulai",
                  "berlaku_sampai is before berlaku_mulai"));
    }
    return r->row_bad ? ERR_INVAL : ERR_OK;
}

/* Check the NIP against the row and fill what the row leaves out. */
static void
pegawai_nip(struct rec_reader *r, const struct csv_row *row, struct pegawai *p,
            const struct nip_info *info)
{
    static const int col_of[] = {[NIP_BIRTH_MISMATCH] = REC_P_TANGGAL,
                                 [NIP_SEX_MISMATCH] = REC_P_JK,
                                 [NIP_KIND_MISMATCH] = REC_P_STATUS};
    enum nip_problem np =
        nip_check_row(info, p->tanggal_lahir, p->jenis_kelamin,
                      model_status_is_pppk(p->status));
    if (np != NIP_OK) {
        int col = np < (int)(sizeof(col_of) / sizeof(col_of[0])) && col_of[np]
                      ? col_of[np]
                      : REC_P_NIP;
        report(r, row->line, rec_field_no(r, col), "%s",
               nip_problem_text(np, diag_english()));
    }
    if (p->tanggal_lahir == DATE_NONE) {
        p->tanggal_lahir = info->lahir;
    }
    if (p->jenis_kelamin == 0) {
        p->jenis_kelamin = info->jenis_kelamin;
    }
}

static bool
parse_nip(struct rec_reader *r, const struct csv_row *row, int col,
          struct nip_info *info)
{
    enum nip_problem np = NIP_OK;
    struct field f = get(r, row, col);
    if (!present(r, row, f, true)) {
        return false;
    }
    if (nip_parse(f.s, f.len, info, &np) != ERR_OK) {
        report(r, row->line, f.no, "%s", nip_problem_text(np, diag_english()));
        return false;
    }
    return true;
}

static void
check_golongan(struct rec_reader *r, const struct csv_row *row,
               const struct pegawai *p)
{
    const struct model_enum *e = model_status_is_pppk(p->status)
                                     ? &model_golongan_pppk
                                     : &model_golongan_pns;
    char words[512];
    if (p->golongan == NULL ||
        model_enum_parse(e, p->golongan, strlen(p->golongan)) >= 0) {
        return;
    }
    report(r, row->line, rec_field_no(r, REC_P_GOLONGAN),
           L_("golongan '%s' tidak sah untuk status %s; pilihan: %s",
              "golongan '%s' is not valid for status %s; allowed: %s"),
           p->golongan, model_enum_name(&model_status, (int)p->status),
           model_enum_list(e, words, sizeof(words)));
}

static void
pegawai_fields(struct rec_reader *r, const struct csv_row *row,
               struct pegawai *p)
{
    static const char *const jk_names[] = {"L", "P"};
    static const struct model_enum jk = {"jenis_kelamin", jk_names, 2};
    int v = enumeration(r, row, REC_P_JK, &jk, 2);
    p->nama = text(r, row, REC_P_NAMA, true);
    p->jenis_kelamin = 0;
    if (v < 2) {
        p->jenis_kelamin = jk_names[v][0];
    }
    p->tempat_lahir = text(r, row, REC_P_TEMPAT, false);
    p->tanggal_lahir = date_field(r, row, REC_P_TANGGAL, false);
    v = enumeration(r, row, REC_P_STATUS, &model_status, -1);
    p->status = (enum pegawai_status)(v < 0 ? STATUS_PNS : v);
    p->golongan = text(r, row, REC_P_GOLONGAN, false);
    if (v >= 0) {
        check_golongan(r, row, p);
    }
    p->jabatan = code(r, row, REC_P_JABATAN, true);
    p->unit = code(r, row, REC_P_UNIT, true);
    p->tmt_unit = date_field(r, row, REC_P_TMT, true);
    p->pendidikan = text(r, row, REC_P_PENDIDIKAN, false);
    if (p->pendidikan != NULL && model_pendidikan_level(p->pendidikan) < 0) {
        char words[256];
        report(r, row->line, rec_field_no(r, REC_P_PENDIDIKAN),
               L_("pendidikan '%s' harus diawali jenjangnya (%s; SLTA, SMK, "
                  "SLTP, DIII dan sejenisnya juga dibaca), lalu jurusannya, "
                  "mis. 'S1 PGSD'",
                  "pendidikan '%s' must start with its level (%s; SLTA, "
                  "SMK, SLTP, DIII and the like are read too), then the "
                  "field, e.g. 'S1 PGSD'"),
               p->pendidikan,
               model_enum_list(&model_pendidikan, words, sizeof(words)));
    }
    p->kompetensi = list(r, row, REC_P_KOMPETENSI, tag_ok);
    coords(r, row, REC_P_LAT, &p->lat, &p->lon);
    p->hukuman_disiplin = flag(r, row, REC_P_HUKDIS);
    p->tugas_belajar = flag(r, row, REC_P_TUBEL);
    p->formasi_tahun = whole(r, row, REC_P_FORMASI, 1950, 2100, 0);
}

enum err
rec_pegawai_parse(struct rec_reader *r, const struct csv_row *row,
                  struct pegawai *out)
{
    struct nip_info info;
    memset(out, 0, sizeof(*out));
    if (!begin_row(r, row)) {
        return ERR_INVAL;
    }
    out->nip = text(r, row, REC_P_NIP, false);
    bool nip_ok = parse_nip(r, row, REC_P_NIP, &info);
    pegawai_fields(r, row, out);
    if (nip_ok) {
        pegawai_nip(r, row, out, &info);
    }
    if (!r->row_bad && out->tmt_unit <= out->tanggal_lahir) {
        report(r, row->line, rec_field_no(r, REC_P_TMT),
               L_("tmt_unit harus sesudah tanggal lahir",
                  "tmt_unit must be after the date of birth"));
    }
    return r->row_bad ? ERR_INVAL : ERR_OK;
}

/* Split the normalised choice list in the scratch buffer into 'out'. */
static void
split_choices(struct rec_reader *r, const struct csv_row *row,
              const char *joined, struct permohonan *out)
{
    char *p = r->scratch.data + (joined - r->scratch.data);
    int no = rec_field_no(r, REC_R_PILIHAN);
    out->n_pilihan = 0;
    while (p != NULL) {
        char *semi = strchr(p, ';');
        if (semi != NULL) {
            *semi = '\0';
        }
        if (out->n_pilihan == MODEL_MAX_PILIHAN) {
            report(r, row->line, no,
                   L_("pilihan paling banyak %d unit",
                      "at most %d units may be chosen"),
                   MODEL_MAX_PILIHAN);
            return;
        }
        for (int i = 0; i < out->n_pilihan; i++) {
            if (strcmp(out->pilihan[i], p) == 0) {
                report(r, row->line, no,
                       L_("unit '%s' disebut dua kali di pilihan",
                          "unit '%s' is listed twice in pilihan"),
                       p);
            }
        }
        out->pilihan[out->n_pilihan++] = p;
        p = semi ? semi + 1 : NULL;
    }
}

static bool
code_item_ok(const char *s, size_t len)
{
    return code_ok(s, len);
}

enum err
rec_permohonan_parse(struct rec_reader *r, const struct csv_row *row,
                     struct permohonan *out)
{
    struct nip_info info;
    memset(out, 0, sizeof(*out));
    if (!begin_row(r, row)) {
        return ERR_INVAL;
    }
    out->nip = text(r, row, REC_R_NIP, false);
    (void)parse_nip(r, row, REC_R_NIP, &info);
    const char *joined = list(r, row, REC_R_PILIHAN, code_item_ok);
    if (joined == NULL) {
        report(r, row->line, rec_field_no(r, REC_R_PILIHAN),
               L_("kolom 'pilihan' wajib berisi 1 sampai %d kode unit",
                  "column 'pilihan' must hold 1 to %d unit codes"),
               MODEL_MAX_PILIHAN);
    } else {
        split_choices(r, row, joined, out);
    }
    out->alasan = (enum permohonan_alasan)enumeration(r, row, REC_R_ALASAN,
                                                      &model_alasan, -1);
    out->tanggal = date_field(r, row, REC_R_TANGGAL, true);
    out->keterangan = text(r, row, REC_R_KETERANGAN, false);
    out->status = PERMOHONAN_DIAJUKAN;
    return r->row_bad ? ERR_INVAL : ERR_OK;
}

enum err
rec_kinerja_parse(struct rec_reader *r, const struct csv_row *row,
                  struct kinerja *out)
{
    struct nip_info info;
    memset(out, 0, sizeof(*out));
    if (!begin_row(r, row)) {
        return ERR_INVAL;
    }
    out->nip = text(r, row, REC_K_NIP, false);
    (void)parse_nip(r, row, REC_K_NIP, &info);
    if (text(r, row, REC_K_TAHUN, true) != NULL) {
        out->tahun = whole(r, row, REC_K_TAHUN, 1950, 2100, 0);
    }
    int v = enumeration(r, row, REC_K_PREDIKAT, &model_predikat, -1);
    out->predikat = (enum skp_predikat)(v < 0 ? 0 : v);
    return r->row_bad ? ERR_INVAL : ERR_OK;
}
