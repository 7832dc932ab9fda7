/* SPDX-License-Identifier: MIT */
/* siasn: SIASN's export CSV and reference JSON lists -> tables of cells in
 * our forms (io layer). The CSV goes through csv.c (with '|' allowed), the
 * JSON through json.c; this file knows SIASN's headings, keys and codes. */
#include "siasn.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "csv.h"
#include "date.h"
#include "diag.h"
#include "json.h"
#include "map.h"
#include "mem.h"

enum col_type { T_TEXT, T_ID, T_DATE, T_GOLID };

struct col {
    const char *name;
    const char *alt; /* Another heading or key SIASN uses, or NULL. */
    enum col_type type;
    bool required;
    bool unique; /* Twice in one file is an error. */
};

static const struct col asn_cols[SA_N] = {
    [SA_PNS_ID] = {"pns_id", "id", T_ID, false, true},
    [SA_NIP_BARU] = {"nip_baru", "nip", T_TEXT, true, true},
    [SA_NAMA] = {"nama", NULL, T_TEXT, true, false},
    [SA_GELAR_DEPAN] = {"gelar_depan", NULL, T_TEXT, false, false},
    [SA_GELAR_BELAKANG] = {"gelar_belakang", NULL, T_TEXT, false, false},
    [SA_TEMPAT_LAHIR] = {"tempat_lahir_nama", "tempat_lahir", T_TEXT, false,
                         false},
    [SA_TANGGAL_LAHIR] = {"tanggal_lahir", NULL, T_DATE, false, false},
    [SA_JENIS_KELAMIN] = {"jenis_kelamin", NULL, T_TEXT, false, false},
    [SA_JENIS_PEGAWAI] = {"jenis_pegawai_nama", "jenis_pegawai", T_TEXT, false,
                          false},
    [SA_KEDUDUKAN_HUKUM_ID] = {"kedudukan_hukum_id", NULL, T_TEXT, false,
                               false},
    [SA_STATUS_CPNS_PNS] = {"status_cpns_pns", NULL, T_TEXT, false, false},
    [SA_GOL_AKHIR_ID] = {"gol_akhir_id", NULL, T_GOLID, false, false},
    [SA_GOL_AKHIR_NAMA] = {"gol_akhir_nama", NULL, T_TEXT, false, false},
    [SA_JENIS_JABATAN_ID] = {"jenis_jabatan_id", NULL, T_TEXT, false, false},
    [SA_JABATAN_ID] = {"jabatan_id", NULL, T_ID, true, false},
    [SA_JABATAN_NAMA] = {"jabatan_nama", NULL, T_TEXT, false, false},
    [SA_TMT_JABATAN] = {"tmt_jabatan", NULL, T_DATE, true, false},
    [SA_TINGKAT_PENDIDIKAN] = {"tingkat_pendidikan_nama", NULL, T_TEXT, false,
                               false},
    [SA_PENDIDIKAN] = {"pendidikan_nama", NULL, T_TEXT, false, false},
    [SA_UNOR_ID] = {"unor_id", NULL, T_ID, true, false},
    [SA_UNOR_NAMA] = {"unor_nama", NULL, T_TEXT, false, false},
    [SA_INSTANSI_INDUK_ID] = {"instansi_induk_id", NULL, T_ID, false, false},
    [SA_KOMPETENSI] = {"kompetensi", NULL, T_TEXT, false, false},
    [SA_LAT] = {"lat", NULL, T_TEXT, false, false},
    [SA_LON] = {"lon", NULL, T_TEXT, false, false},
    [SA_HUKUMAN_DISIPLIN] = {"hukuman_disiplin", NULL, T_TEXT, false, false},
    [SA_FORMASI_TAHUN] = {"formasi_tahun", NULL, T_TEXT, false, false},
};

static const struct col unor_cols[SU_N] = {
    [SU_ID] = {"Id", NULL, T_ID, true, true},
    [SU_INSTANSI_ID] = {"InstansiId", NULL, T_ID, false, false},
    [SU_DIATASAN_ID] = {"DiatasanId", NULL, T_ID, false, false},
    [SU_NAMA_UNOR] = {"NamaUnor", NULL, T_TEXT, true, false},
    [SU_NAMA_JABATAN] = {"NamaJabatan", NULL, T_TEXT, false, false},
    [SU_CEPAT_KODE] = {"CepatKode", NULL, T_TEXT, false, false},
    [SU_INDUK_UNOR_ID] = {"IndukUnorId", NULL, T_ID, false, false},
    [SU_JENIS_UNOR_ID] = {"JenisUnorId", NULL, T_TEXT, false, false},
    [SU_ESELON_ID] = {"EselonId", NULL, T_TEXT, false, false},
    [SU_JENIS] = {"jenis", NULL, T_TEXT, false, false},
    [SU_KECAMATAN] = {"kecamatan", NULL, T_TEXT, false, false},
    [SU_LAT] = {"lat", NULL, T_TEXT, false, false},
    [SU_LON] = {"lon", NULL, T_TEXT, false, false},
};

static const struct col jab_cols[SJ_N] = {
    [SJ_ID] = {"id", NULL, T_ID, true, true},
    [SJ_NAMA] = {"nama", NULL, T_TEXT, true, false},
    [SJ_JENJANG] = {"jenjang", NULL, T_TEXT, false, false},
    [SJ_KELOMPOK_ID] = {"kelompokJabatanId", NULL, T_TEXT, false, false},
    [SJ_USIA_BUP] = {"usiaBup", NULL, T_TEXT, false, false},
    [SJ_ESELON_ID] = {"eselonId", NULL, T_TEXT, false, false},
    [SJ_KODE] = {"kode", NULL, T_TEXT, false, false},
    [SJ_KELOMPOK] = {"kelompok", NULL, T_TEXT, false, false},
    [SJ_GURU] = {"guru", NULL, T_TEXT, false, false},
    [SJ_KOMPETENSI] = {"kompetensi", NULL, T_TEXT, false, false},
    [SJ_PENDIDIKAN_MIN] = {"pendidikan_min", NULL, T_TEXT, false, false},
    [SJ_GOLONGAN_MIN] = {"golongan_min", NULL, T_TEXT, false, false},
    [SJ_GOLONGAN_MAX] = {"golongan_max", NULL, T_TEXT, false, false},
};

static const char *const file_names[SIASN_N_FILES] = {
    "data_asn.csv", "ref-unor.json", "ref-jabatan-fungsional.json",
    "ref-jabatan-pelaksana.json", "ref-jabatan-struktural.json"};

static const struct col *
cols_of(enum siasn_file k, int *n)
{
    if (k == SIASN_ASN) {
        *n = SA_N;
        return asn_cols;
    }
    if (k == SIASN_UNOR) {
        *n = SU_N;
        return unor_cols;
    }
    *n = SJ_N;
    return jab_cols;
}

const char *
siasn_file_name(enum siasn_file k)
{
    return file_names[k];
}

const char *
siasn_column_name(enum siasn_file k, int c)
{
    int n = 0;
    return cols_of(k, &n)[c].name;
}

const char *
siasn_cell(const struct siasn_table *t, long i, int c)
{
    return t->cells[i * t->n_cols + c];
}

void
siasn_table_cleanup(struct siasn_table *t)
{
    if (t == NULL || t->cells == NULL) {
        return;
    }
    for (long i = 0; i < t->n_rows * t->n_cols; i++) {
        free(t->cells[i]);
    }
    free(t->cells);
    free(t->lines);
    t->cells = NULL;
    t->lines = NULL;
}

/* Reading state of one file. */
struct reader {
    struct siasn_table *t;
    const struct col *cols;
    struct diag *d;
    long cap;
    struct map seen[SA_N]; /* Values of unique columns -> line. */
    int n_header;          /* CSV: fields of the header row. */
    bool header_done;
};

static void problem(struct reader *r, long line, int field, const char *fmt,
                    ...) __attribute__((format(printf, 4, 5)));

static void
problem(struct reader *r, long line, int field, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag_add(r->d, r->t->file, line, field, "%s", msg);
    r->t->bad = true;
}

/* 's' without surrounding blanks, a leading "'" and the text "null";
 * NULL when nothing is left. */
static char *
clean(const char *s, size_t len)
{
    while (len > 0 && isspace((unsigned char)*s)) {
        s++, len--;
    }
    if (len > 0 && *s == '\'') {
        s++, len--;
    }
    while (len > 0 && isspace((unsigned char)s[len - 1])) {
        len--;
    }
    if (len == 0 || (len == 4 && strncasecmp(s, "null", 4) == 0)) {
        return NULL;
    }
    char *out = xmalloc(len + 1);
    memcpy(out, s, len);
    out[len] = '\0';
    return out;
}

static bool
id_ok(char *s)
{
    size_t n = strlen(s);
    if (n != 32) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (!isxdigit((unsigned char)s[i])) {
            return false;
        }
        s[i] = (char)tolower((unsigned char)s[i]);
    }
    return true;
}

/* d-m-Y ("5-3-1980", "05-03-1980") into "1980-03-05" in 'out'. */
static bool
dmy(const char *s, char out[DATE_STR_LEN])
{
    int part[3] = {0, 0, 0};
    int digits[3] = {0, 0, 0};
    int k = 0;
    for (const char *p = s; *p != '\0'; p++) {
        if (*p == '-' && k < 2 && digits[k] > 0) {
            k++;
        } else if (isdigit((unsigned char)*p) && digits[k] < 4) {
            part[k] = part[k] * 10 + (*p - '0');
            digits[k]++;
        } else {
            return false;
        }
    }
    if (k != 2 || digits[0] > 2 || digits[1] > 2 || digits[2] != 4 ||
        !date_is_valid(part[2], part[1], part[0])) {
        return false;
    }
    date_format(date_from_ymd(part[2], part[1], part[0]), out);
    return true;
}

/* Golongan id 11-14, 21-24, 31-34, 41-45 into "I/a" .. "IV/e". */
static bool
golongan(const char *s, char *out, size_t len)
{
    static const char *const ruang[] = {"I", "II", "III", "IV"};
    if (strlen(s) != 2 || !isdigit((unsigned char)s[0]) ||
        !isdigit((unsigned char)s[1])) {
        return false;
    }
    int g = s[0] - '0';
    int r = s[1] - '0';
    if (g < 1 || g > 4 || r < 1 || r > (g == 4 ? 5 : 4)) {
        return false;
    }
    snprintf(out, len, "%s/%c", ruang[g - 1], 'a' + r - 1);
    return true;
}

/* Check and convert cell 'c' of the row at 'line'; the cell is replaced
 * by its converted text (or freed and NULL after a problem). */
static char *
convert(struct reader *r, long line, int c, char *v)
{
    const struct col *col = &r->cols[c];
    int field = r->t->field[c];
    char text[DATE_STR_LEN + 8];
    if (v == NULL) {
        if (col->required) {
            problem(r, line, field,
                    L_("kolom '%s' wajib diisi", "column '%s' must not be "
                                                 "empty"),
                    col->name);
        }
        return NULL;
    }
    switch (col->type) {
    case T_ID:
        if (!id_ok(v)) {
            problem(r, line, field,
                    L_("id SIASN '%s' di kolom '%s' tidak sah: harus 32 "
                       "digit heksadesimal",
                       "SIASN id '%s' in column '%s' is not valid: it must "
                       "be 32 hexadecimal digits"),
                    v, col->name);
            free(v);
            return NULL;
        }
        break;
    case T_DATE:
        if (!dmy(v, text)) {
            problem(r, line, field,
                    L_("tanggal '%s' di kolom '%s' tidak sah: tulis "
                       "hari-bulan-tahun (d-m-Y), mis. 05-03-1980",
                       "date '%s' in column '%s' is not valid: write "
                       "day-month-year (d-m-Y), e.g. 05-03-1980"),
                    v, col->name);
            free(v);
            return NULL;
        }
        free(v);
        return xstrdup(text);
    case T_GOLID:
        if (!golongan(v, text, sizeof(text))) {
            problem(r, line, field,
                    L_("id golongan '%s' di luar jangkauan: 11-14, 21-24, "
                       "31-34 atau 41-45 (I/a .. IV/e)",
                       "golongan id '%s' is out of range: 11-14, 21-24, "
                       "31-34 or 41-45 (I/a .. IV/e)"),
                    v);
            free(v);
            return NULL;
        }
        free(v);
        return xstrdup(text);
    case T_TEXT:
        break;
    }
    if (col->unique) {
        void *prev = NULL;
        if (map_find(&r->seen[c], v, &prev)) {
            problem(r, line, field,
                    L_("'%s' di kolom '%s' sudah ada di baris %ld",
                       "'%s' in column '%s' already appears on line %ld"),
                    v, col->name, (long)(intptr_t)prev);
        } else {
            map_put(&r->seen[c], v, (void *)(intptr_t)line);
        }
    }
    return v;
}

/* A new row at 'line'; its cells start NULL. */
static long
add_row(struct reader *r, long line)
{
    struct siasn_table *t = r->t;
    if (t->n_rows == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        t->lines = xrealloc(t->lines, (size_t)r->cap * sizeof(*t->lines));
        t->cells = xrealloc(t->cells,
                            (size_t)(r->cap * t->n_cols) * sizeof(*t->cells));
    }
    memset(&t->cells[t->n_rows * t->n_cols], 0,
           (size_t)t->n_cols * sizeof(*t->cells));
    t->lines[t->n_rows] = line;
    return t->n_rows++;
}

/* A heading as read: lower-case, spaces and '-' as '_'. */
static void
heading(const char *s, size_t len, char *out, size_t out_len)
{
    char *v = clean(s, len);
    size_t n = 0;
    for (const char *p = v ? v : ""; *p != '\0' && n + 1 < out_len; p++) {
        int ch = tolower((unsigned char)*p);
        out[n++] = (char)(ch == ' ' || ch == '-' ? '_' : ch);
    }
    out[n] = '\0';
    free(v);
}

static enum err
csv_header(struct reader *r, const struct csv_row *row)
{
    struct siasn_table *t = r->t;
    char name[128];
    r->n_header = row->n_fields;
    t->n_fields = row->n_fields;
    for (int i = 0; i < row->n_fields; i++) {
        heading(row->fields[i], row->lens[i], name, sizeof(name));
        for (int c = 0; c < t->n_cols; c++) {
            const struct col *col = &r->cols[c];
            if (strcmp(name, col->name) != 0 &&
                (col->alt == NULL || strcmp(name, col->alt) != 0)) {
                continue;
            }
            if (t->field[c] != 0) {
                problem(r, row->line, i + 1,
                        L_("kolom '%s' muncul dua kali (juga kolom ke-%d)",
                           "column '%s' appears twice (also field %d)"),
                        col->name, t->field[c]);
            } else {
                t->field[c] = i + 1;
            }
        }
    }
    for (int c = 0; c < t->n_cols; c++) {
        if (r->cols[c].required && t->field[c] == 0) {
            problem(r, row->line, 1,
                    L_("kolom wajib '%s' tidak ada di baris judul",
                       "required column '%s' is missing from the header"),
                    r->cols[c].name);
        }
    }
    return t->bad ? ERR_INVAL : ERR_OK;
}

static bool
row_empty(const struct csv_row *row)
{
    for (int i = 0; i < row->n_fields; i++) {
        if (row->lens[i] > 0) {
            return false;
        }
    }
    return true;
}

static enum err
on_csv_row(void *ctx, const struct csv_row *row)
{
    struct reader *r = ctx;
    struct siasn_table *t = r->t;
    if (!r->header_done) {
        r->header_done = true;
        return csv_header(r, row);
    }
    if (row_empty(row)) {
        return ERR_OK;
    }
    if (row->n_fields != r->n_header) {
        problem(r, row->line,
                (row->n_fields < r->n_header ? row->n_fields : r->n_header) + 1,
                L_("baris ini punya %d kolom, baris judul %d: baris tidak "
                   "rata (periksa pemisah '%c' di dalam isi kolom)",
                   "this row has %d fields, the header %d: a ragged row "
                   "(look for a '%c' inside a value)"),
                row->n_fields, r->n_header, row->delim);
        return diag_over(r->d) ? ERR_INVAL : ERR_OK;
    }
    long i = add_row(r, row->line);
    for (int c = 0; c < t->n_cols; c++) {
        int f = t->field[c];
        char *v = f > 0 ? clean(row->fields[f - 1], row->lens[f - 1]) : NULL;
        if (f > 0 || r->cols[c].required) {
            t->cells[i * t->n_cols + c] = convert(r, row->line, c, v);
        }
    }
    return diag_over(r->d) ? ERR_INVAL : ERR_OK;
}

static enum err
read_csv(struct reader *r, const char *text, size_t len)
{
    struct csv_reader *cr = csv_reader_create(r->t->file, on_csv_row, r, r->d);
    csv_reader_allow_pipe(cr);
    enum err rc = csv_reader_feed(cr, text, len);
    rc = rc == ERR_OK ? csv_reader_finish(cr) : rc;
    csv_reader_destroy(cr);
    if (rc == ERR_OK && !r->header_done) {
        problem(r, 1, 1, "%s",
                L_("berkas kosong: baris judul tidak ada",
                   "empty file: the header row is missing"));
        rc = ERR_INVAL;
    }
    return rc;
}

static enum err
read_json(struct reader *r, const char *text, size_t len)
{
    struct siasn_table *t = r->t;
    struct json_obj *list = NULL;
    struct json_where w;
    char v[1024];
    if (json_list_parse(text, len, &list, &w) != ERR_OK) {
        problem(
            r, w.line, w.column,
            L_("bukan daftar JSON yang sah: %s", "not a valid JSON list: %s"),
            w.text);
        return ERR_INVAL;
    }
    for (int c = 0; c < t->n_cols; c++) {
        t->field[c] = c + 1;
    }
    t->n_fields = t->n_cols;
    size_t n = json_obj_len(list, "data");
    for (size_t k = 0; k < n && !diag_over(r->d); k++) {
        long line = (long)k + 1;
        struct json_obj *item = json_obj_item(list, "data", k);
        if (item == NULL) {
            problem(r, line, 1, "%s",
                    L_("unsur daftar ini bukan objek JSON",
                       "this item of the list is not a JSON object"));
            continue;
        }
        long i = add_row(r, line);
        for (int c = 0; c < t->n_cols; c++) {
            bool bad_type = false;
            const struct col *col = &r->cols[c];
            bool found =
                json_obj_text_nocase(item, col->name, v, sizeof(v), &bad_type);
            if (bad_type) {
                problem(r, line, c + 1,
                        L_("kunci '%s' harus teks atau angka",
                           "key '%s' must be a text or a number"),
                        col->name);
                continue;
            }
            t->cells[i * t->n_cols + c] =
                convert(r, line, c, found ? clean(v, strlen(v)) : NULL);
        }
        json_obj_destroy(item);
    }
    json_obj_destroy(list);
    return ERR_OK;
}

enum err
siasn_read(enum siasn_file k, const char *file, const char *text, size_t len,
           struct diag *d, struct siasn_table *t)
{
    struct reader r;
    memset(t, 0, sizeof(*t));
    memset(&r, 0, sizeof(r));
    t->kind = k;
    t->file = file;
    r.t = t;
    r.d = d;
    r.cols = cols_of(k, &t->n_cols);
    for (int c = 0; c < SA_N; c++) {
        map_init(&r.seen[c]);
    }
    enum err rc =
        k == SIASN_ASN ? read_csv(&r, text, len) : read_json(&r, text, len);
    for (int c = 0; c < SA_N; c++) {
        map_cleanup(&r.seen[c]);
    }
    if (t->cells == NULL) {
        /* No row: keep an empty table that siasn_cell() never reads. */
        t->cells = xcalloc(1, sizeof(*t->cells));
    }
    return rc;
}

/* Where the word 'w' first stands in 'nama' as a whole word; -1 if not. */
static long
word_at(const char *nama, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = nama; *p != '\0'; p++) {
        if ((p == nama || !isalnum((unsigned char)p[-1])) &&
            strncasecmp(p, w, n) == 0 && !isalnum((unsigned char)p[n])) {
            return (long)(p - nama);
        }
    }
    return -1;
}

enum unit_jenis
siasn_guess_unit_jenis(const char *nama, bool *sure)
{
    static const struct {
        const char *word;
        enum unit_jenis jenis;
    } words[] = {{"SD", UNIT_SEKOLAH},          {"SMP", UNIT_SEKOLAH},
                 {"SDN", UNIT_SEKOLAH},         {"SMPN", UNIT_SEKOLAH},
                 {"Sekolah", UNIT_SEKOLAH},     {"TK", UNIT_SEKOLAH},
                 {"Puskesmas", UNIT_PUSKESMAS}, {"RSUD", UNIT_RSUD},
                 {"Rumah Sakit", UNIT_RSUD},    {"Kelurahan", UNIT_KELURAHAN},
                 {"Kecamatan", UNIT_KECAMATAN}, {"Bagian", UNIT_BIDANG},
                 {"Bidang", UNIT_BIDANG},       {"Dinas", UNIT_OPD},
                 {"Badan", UNIT_OPD},           {"Sekretariat", UNIT_OPD},
                 {"Inspektorat", UNIT_OPD},     {"Satuan", UNIT_OPD},
                 {"Kantor", UNIT_OPD}};
    /* The word that comes first decides: "Bidang Pembinaan SD" is a
     * bidang, "SD Negeri 1" a school. */
    long best = -1;
    enum unit_jenis jenis = UNIT_LAINNYA;
    for (size_t i = 0; nama != NULL && i < sizeof(words) / sizeof(*words);
         i++) {
        long at = word_at(nama, words[i].word);
        if (at >= 0 && (best < 0 || at < best)) {
            best = at;
            jenis = words[i].jenis;
        }
    }
    *sure = best >= 0;
    return jenis;
}

void
siasn_code_from_name(const char *nama, size_t max, char *out, size_t len)
{
    static const char *const skip[] = {"dan", "dari", "di",
                                       "ke",  "yang", "untuk"};
    size_t n = 0;
    size_t limit = max < len ? max : len - 1;
    const char *p = nama != NULL ? nama : "";
    out[0] = '\0';
    while (*p != '\0') {
        while (*p != '\0' && !isalnum((unsigned char)*p)) {
            p++;
        }
        const char *w = p;
        while (isalnum((unsigned char)*p)) {
            p++;
        }
        size_t wl = (size_t)(p - w);
        bool skipped = false;
        for (size_t i = 0; i < sizeof(skip) / sizeof(*skip); i++) {
            skipped |=
                wl == strlen(skip[i]) && strncasecmp(w, skip[i], wl) == 0;
        }
        if (wl == 0 || skipped) {
            continue;
        }
        if (n + (n > 0) + wl > limit) {
            if (n == 0) {
                wl = limit; /* One long word: cut it. */
            } else {
                break;
            }
        }
        if (n > 0) {
            out[n++] = '_';
        }
        for (size_t i = 0; i < wl; i++) {
            out[n++] = (char)toupper((unsigned char)w[i]);
        }
        out[n] = '\0';
    }
    if (n == 0) {
        snprintf(out, len, "UNIT");
    }
}

bool
siasn_code_ok(const char *s)
{
    size_t n = s != NULL ? strlen(s) : 0;
    if (n == 0 || n > MODEL_CODE_MAX) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= ' ' || c >= 0x7F || c == ',' || c == ';' || c == '"') {
            return false;
        }
    }
    return true;
}

const char *
siasn_jenjang(const char *code, bool *keterampilan)
{
    static const struct {
        const char *code;
        const char *word;
        bool terampil;
    } map[] = {{"UT", "utama", false},   {"MA", "madya", false},
               {"MU", "muda", false},    {"PT", "pertama", false},
               {"PY", "penyelia", true}, {"MH", "mahir", true},
               {"TR", "terampil", true}, {"PM", "pemula", true}};
    *keterampilan = false;
    for (size_t i = 0; code != NULL && i < sizeof(map) / sizeof(*map); i++) {
        if (strcasecmp(code, map[i].code) == 0 ||
            strcasecmp(code, map[i].word) == 0) {
            *keterampilan = map[i].terampil;
            return map[i].word;
        }
    }
    return NULL;
}

bool
siasn_eselon(const char *eselon_id, enum jabatan_jenis *jenis,
             const char **jenjang)
{
    int e = eselon_id != NULL && strlen(eselon_id) == 2 &&
                    isdigit((unsigned char)eselon_id[0]) &&
                    isdigit((unsigned char)eselon_id[1])
                ? (eselon_id[0] - '0') * 10 + (eselon_id[1] - '0')
                : -1;
    *jenjang = NULL;
    switch (e) {
    case 11:
        *jenis = JAB_JPT;
        *jenjang = "utama";
        return true;
    case 12:
        *jenis = JAB_JPT;
        *jenjang = "madya";
        return true;
    case 21:
    case 22:
        *jenis = JAB_JPT;
        *jenjang = "pratama";
        return true;
    case 31:
    case 32:
        *jenis = JAB_ADMINISTRATOR;
        return true;
    case 41:
    case 42:
        *jenis = JAB_PENGAWAS;
        return true;
    default:
        return false;
    }
}
