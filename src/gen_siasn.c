/* SPDX-License-Identifier: MIT */
/* gen_siasn: our generated CSV reshaped as SIASN's files (io layer). The
 * units and positions are held in memory (a few thousand at most per
 * government set); employees stream from the CSV to data_asn.csv. */
#include "gen_siasn.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csv.h"
#include "json.h"
#include "map.h"
#include "mem.h"
#include "model.h"

#define MAX_COLS 32

/* One CSV file read into rows of strings, by column name. */
struct sheet {
    char *names[MAX_COLS];
    int n_cols;
    char ***rows;
    size_t n_rows;
    size_t cap;
    bool header_done;
};

static enum err
on_sheet_row(void *ctx, const struct csv_row *row)
{
    struct sheet *s = ctx;
    if (row->n_fields > MAX_COLS) {
        return ERR_INVAL;
    }
    if (!s->header_done) {
        s->header_done = true;
        s->n_cols = row->n_fields;
        for (int i = 0; i < row->n_fields; i++) {
            s->names[i] = xstrdup(row->fields[i]);
        }
        return ERR_OK;
    }
    xgrow((void **)&s->rows, &s->cap, s->n_rows + 1, sizeof(*s->rows));
    char **r = xcalloc((size_t)s->n_cols, sizeof(*r));
    for (int i = 0; i < s->n_cols; i++) {
        r[i] = xstrdup(i < row->n_fields ? row->fields[i] : "");
    }
    s->rows[s->n_rows++] = r;
    return ERR_OK;
}

static void
sheet_cleanup(struct sheet *s)
{
    for (size_t i = 0; i < s->n_rows; i++) {
        for (int c = 0; c < s->n_cols; c++) {
            free(s->rows[i][c]);
        }
        free(s->rows[i]);
    }
    for (int c = 0; c < s->n_cols; c++) {
        free(s->names[c]);
    }
    free(s->rows);
}

static int
col(const struct sheet *s, const char *name)
{
    for (int c = 0; c < s->n_cols; c++) {
        if (strcmp(s->names[c], name) == 0) {
            return c;
        }
    }
    return -1;
}

/* Cell 'name' of row 'r'; NULL when empty or absent. */
static const char *
cell(const struct sheet *s, char **r, const char *name)
{
    int c = col(s, name);
    return c >= 0 && r[c][0] != '\0' ? r[c] : NULL;
}

/* A stable synthetic SIASN id of (kind, key): 32 hex digits. */
static void
make_id(const char *kind, const char *key, char out[33])
{
    uint64_t h[2] = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
    for (int k = 0; k < 2; k++) {
        for (const char *p = kind; *p != '\0'; p++) {
            h[k] = (h[k] ^ (unsigned char)*p) * 0x100000001b3ULL;
        }
        h[k] = (h[k] ^ ':') * 0x100000001b3ULL;
        for (const char *p = key; *p != '\0'; p++) {
            h[k] = (h[k] ^ (unsigned char)*p) * 0x100000001b3ULL;
        }
        h[k] ^= h[k] >> 29;
    }
    snprintf(out, 33, "%016" PRIx64 "%016" PRIx64, h[0], h[1]);
}

static void
upper(char *s)
{
    for (; *s != '\0'; s++) {
        if (*s >= 'a' && *s <= 'f') {
            *s = (char)(*s - 'a' + 'A');
        }
    }
}

/* "YYYY-MM-DD" as "DD-MM-YYYY" into 'out'; "" for NULL. */
static const char *
dmy(const char *iso, char out[11])
{
    if (iso == NULL || strlen(iso) != 10) {
        return NULL;
    }
    snprintf(out, 11, "%.2s-%.2s-%.4s", iso + 8, iso + 5, iso);
    return out;
}

static enum err
read_sheet(FILE *f, const char *name, struct sheet *s)
{
    memset(s, 0, sizeof(*s));
    rewind(f);
    return csv_read_file(f, name, on_sheet_row, s, NULL);
}

/* Write the JSON list of 'items' (consumed) to 'f', one item a line. */
static enum err
write_list(FILE *f, struct json_obj **items, size_t n)
{
    struct buf b;
    enum err rc = ERR_OK;
    buf_init(&b, 0);
    fputs("[\n", f);
    for (size_t i = 0; i < n; i++) {
        buf_reset(&b);
        rc = rc == ERR_OK ? json_obj_format(items[i], &b) : rc;
        if (rc == ERR_OK) {
            fprintf(f, "%s%s\n", buf_str(&b), i + 1 < n ? "," : "");
        }
        json_obj_destroy(items[i]);
    }
    fputs("]\n", f);
    buf_cleanup(&b);
    return rc == ERR_OK && ferror(f) ? ERR_IO : rc;
}

/* The root of unit row 'i' (its own code when it has no parent). */
static const char *
root_of(const struct sheet *u, const struct map *row_of, size_t i)
{
    void *v = NULL;
    const char *induk = cell(u, u->rows[i], "induk");
    for (int hops = 0; induk != NULL && hops < 64; hops++) {
        if (!map_find(row_of, induk, &v)) {
            break;
        }
        i = (size_t)(uintptr_t)v - 1;
        induk = cell(u, u->rows[i], "induk");
    }
    return cell(u, u->rows[i], "kode");
}

static enum err
write_unor(const struct sheet *u, const struct map *row_of, FILE *f)
{
    struct json_obj **items = xcalloc(u->n_rows + 1, sizeof(struct json_obj *));
    for (size_t i = 0; i < u->n_rows; i++) {
        char **r = u->rows[i];
        char id[33];
        char up[33];
        char inst[33];
        const char *induk = cell(u, r, "induk");
        struct json_obj *o = json_obj_create();
        make_id("unor", cell(u, r, "kode"), id);
        make_id("instansi", root_of(u, row_of, i), inst);
        upper(id); /* SIASN's lists spell ids in capitals at times. */
        json_obj_set_str(o, "Id", id);
        json_obj_set_str(o, "InstansiId", inst);
        if (induk != NULL) {
            make_id("unor", induk, up);
        }
        json_obj_set_str(o, "DiatasanId", induk != NULL ? up : NULL);
        json_obj_set_str(o, "NamaUnor", cell(u, r, "nama"));
        json_obj_set_null(o, "NamaJabatan");
        json_obj_set_str(o, "CepatKode", cell(u, r, "kode"));
        json_obj_set_str(o, "IndukUnorId", induk != NULL ? up : NULL);
        json_obj_set_null(o, "JenisUnorId");
        json_obj_set_null(o, "EselonId");
        json_obj_set_str(o, "jenis", cell(u, r, "jenis"));
        json_obj_set_str(o, "kecamatan", cell(u, r, "kecamatan"));
        json_obj_set_str(o, "lat", cell(u, r, "lat"));
        json_obj_set_str(o, "lon", cell(u, r, "lon"));
        items[i] = o;
    }
    enum err rc = write_list(f, items, u->n_rows);
    free(items);
    return rc;
}

static const char *
jenjang_code(const char *jenjang)
{
    static const char *const pairs[][2] = {
        {"utama", "UT"},    {"madya", "MA"},    {"muda", "MU"},
        {"pertama", "PT"},  {"penyelia", "PY"}, {"mahir", "MH"},
        {"terampil", "TR"}, {"pemula", "PM"}};
    for (size_t i = 0; jenjang != NULL && i < sizeof(pairs) / sizeof(*pairs);
         i++) {
        if (strcmp(jenjang, pairs[i][0]) == 0) {
            return pairs[i][1];
        }
    }
    return NULL;
}

static const char *
eselon_of(const char *jenis, const char *jenjang)
{
    if (strcmp(jenis, "jpt") == 0) {
        return jenjang != NULL && strcmp(jenjang, "utama") == 0   ? "11"
               : jenjang != NULL && strcmp(jenjang, "madya") == 0 ? "12"
                                                                  : "22";
    }
    return strcmp(jenis, "administrator") == 0 ? "32" : "42";
}

/* Which of the three lists a jabatan goes to. */
static enum siasn_file
list_of(const char *jenis)
{
    if (strncmp(jenis, "fungsional", 10) == 0) {
        return SIASN_FUNGSIONAL;
    }
    return strcmp(jenis, "pelaksana") == 0 ? SIASN_PELAKSANA : SIASN_STRUKTURAL;
}

static enum err
write_jabatan(const struct sheet *j, FILE *const *out)
{
    static const char *const own[] = {"kelompok",     "guru",
                                      "kompetensi",   "pendidikan_min",
                                      "golongan_min", "golongan_max"};
    struct json_obj **items[SIASN_N_FILES];
    size_t n[SIASN_N_FILES] = {0, 0, 0, 0, 0};
    enum err rc = ERR_OK;
    for (int k = 0; k < SIASN_N_FILES; k++) {
        items[k] = xcalloc(j->n_rows + 1, sizeof(struct json_obj *));
    }
    for (size_t i = 0; i < j->n_rows; i++) {
        char **r = j->rows[i];
        char id[33];
        const char *jenis = cell(j, r, "jenis");
        const char *jenjang = cell(j, r, "jenjang");
        enum siasn_file k = list_of(jenis != NULL ? jenis : "");
        struct json_obj *o = json_obj_create();
        make_id("jabatan", cell(j, r, "kode"), id);
        json_obj_set_str(o, "id", id);
        json_obj_set_str(o, "nama", cell(j, r, "nama"));
        if (k == SIASN_FUNGSIONAL) {
            const char *bup = cell(j, r, "bup");
            json_obj_set_str(o, "jenjang", jenjang_code(jenjang));
            json_obj_set_null(o, "kelompokJabatanId");
            if (bup != NULL) {
                json_obj_set_int(o, "usiaBup", strtol(bup, NULL, 10));
            } else {
                json_obj_set_null(o, "usiaBup");
            }
        } else if (k == SIASN_STRUKTURAL) {
            json_obj_set_str(o, "eselonId", eselon_of(jenis, jenjang));
        }
        json_obj_set_str(o, "kode", cell(j, r, "kode"));
        for (size_t c = 0; c < sizeof(own) / sizeof(*own); c++) {
            json_obj_set_str(o, own[c], cell(j, r, own[c]));
        }
        items[k][n[k]++] = o;
    }
    for (int k = SIASN_FUNGSIONAL; k < SIASN_N_FILES; k++) {
        enum err rc2 = write_list(out[k], items[k], n[k]);
        rc = rc == ERR_OK ? rc2 : rc;
    }
    for (int k = 0; k < SIASN_N_FILES; k++) {
        free(items[k]);
    }
    return rc;
}

static const char *const asn_headings[] = {"PNS ID",
                                           "NIP BARU",
                                           "NIP LAMA",
                                           "NAMA",
                                           "GELAR DEPAN",
                                           "GELAR BELAKANG",
                                           "TEMPAT LAHIR NAMA",
                                           "TANGGAL LAHIR",
                                           "JENIS KELAMIN",
                                           "JENIS PEGAWAI NAMA",
                                           "KEDUDUKAN HUKUM ID",
                                           "KEDUDUKAN HUKUM NAMA",
                                           "STATUS CPNS PNS",
                                           "GOL AKHIR ID",
                                           "GOL AKHIR NAMA",
                                           "JENIS JABATAN ID",
                                           "JABATAN ID",
                                           "JABATAN NAMA",
                                           "TMT JABATAN",
                                           "TINGKAT PENDIDIKAN NAMA",
                                           "PENDIDIKAN NAMA",
                                           "UNOR ID",
                                           "UNOR NAMA",
                                           "INSTANSI INDUK ID",
                                           "KOMPETENSI",
                                           "LAT",
                                           "LON",
                                           "HUKUMAN DISIPLIN",
                                           "FORMASI TAHUN"};
#define N_ASN ((int)(sizeof(asn_headings) / sizeof(*asn_headings)))

/* What data_asn.csv needs of the units and positions. */
struct lookups {
    const struct sheet *u;
    const struct sheet *j;
    struct map unit_row; /* Code -> row + 1. */
    struct map jab_row;
    struct map *root_ids; /* Unit code -> instansi id (owned). */
    FILE *out;
    struct buf line;
    struct sheet head; /* The pegawai header only. */
    bool header_done;
    enum err rc;
};

/* PNS golongan "III/a" as SIASN's id "31"; NULL for another. */
static const char *
golongan_id(const char *g, char out[3])
{
    int rank = model_golongan_rank(g);
    if (rank < 0) {
        return NULL;
    }
    /* I/a..I/d, II/a..II/d, III/a..III/d, IV/a..IV/e. */
    int group = rank / 4 + 1;
    int ruang = rank % 4 + 1;
    if (rank == 16) {
        group = 4;
        ruang = 5;
    }
    out[0] = (char)('0' + group);
    out[1] = (char)('0' + ruang);
    out[2] = '\0';
    return out;
}

static const char *
pcell(const struct lookups *l, const struct csv_row *row, const char *name)
{
    int c = col(&l->head, name);
    return c >= 0 && c < row->n_fields && row->lens[c] > 0 ? row->fields[c]
                                                           : NULL;
}

static enum err
on_pegawai(void *ctx, const struct csv_row *row)
{
    struct lookups *l = ctx;
    if (!l->header_done) {
        l->header_done = true;
        return on_sheet_row(&l->head, row);
    }
    const char *nip = pcell(l, row, "nip");
    const char *nama = pcell(l, row, "nama");
    const char *status = pcell(l, row, "status");
    const char *gol = pcell(l, row, "golongan");
    const char *jab = pcell(l, row, "jabatan");
    const char *unit = pcell(l, row, "unit");
    const char *tubel = pcell(l, row, "tugas_belajar");
    char pns_id[33];
    char jab_id[33];
    char unor_id[33];
    char nip_q[32];
    char lahir[11];
    char tmt[11];
    char gid[3];
    char nama_only[512];
    const char *gelar = NULL;
    void *v = NULL;
    const char *jab_nama = NULL;
    const char *jab_jenis = "";
    const char *unor_nama = NULL;
    const char *inst = NULL;
    if (nip == NULL || jab == NULL || unit == NULL || status == NULL) {
        return ERR_INVAL;
    }
    snprintf(nama_only, sizeof(nama_only), "%s", nama != NULL ? nama : "");
    char *comma = strstr(nama_only, ", ");
    if (comma != NULL) {
        *comma = '\0';
        gelar = comma + 2;
    }
    make_id("pns", nip, pns_id);
    make_id("jabatan", jab, jab_id);
    make_id("unor", unit, unor_id);
    snprintf(nip_q, sizeof(nip_q), "'%s", nip);
    if (map_find(&l->jab_row, jab, &v)) {
        char **r = l->j->rows[(uintptr_t)v - 1];
        jab_nama = cell(l->j, r, "nama");
        jab_jenis = cell(l->j, r, "jenis");
    }
    if (map_find(&l->unit_row, unit, &v)) {
        unor_nama = cell(l->u, l->u->rows[(uintptr_t)v - 1], "nama");
    }
    if (map_find(l->root_ids, unit, &v)) {
        inst = v;
    }
    bool pppk = strncmp(status, "PPPK", 4) == 0;
    enum siasn_file k = list_of(jab_jenis != NULL ? jab_jenis : "");
    const char *f[N_ASN] = {
        pns_id,
        nip_q,
        NULL,
        nama_only,
        NULL,
        gelar,
        pcell(l, row, "tempat_lahir"),
        dmy(pcell(l, row, "tanggal_lahir"), lahir),
        pcell(l, row, "jenis_kelamin") == NULL     ? NULL
        : pcell(l, row, "jenis_kelamin")[0] == 'L' ? "M"
                                                   : "F",
        strcmp(status, "PPPK_PW") == 0 ? "PPPK Paruh Waktu"
        : pppk                         ? "PPPK"
                                       : "PNS",
        tubel != NULL && strcmp(tubel, "1") == 0 ? "03" : "01",
        tubel != NULL && strcmp(tubel, "1") == 0 ? "Tugas Belajar" : "Aktif",
        pppk                          ? NULL
        : strcmp(status, "CPNS") == 0 ? "C"
                                      : "P",
        pppk ? NULL : golongan_id(gol, gid),
        gol,
        k == SIASN_FUNGSIONAL  ? "2"
        : k == SIASN_PELAKSANA ? "4"
                               : "1",
        jab_id,
        jab_nama,
        dmy(pcell(l, row, "tmt_unit"), tmt),
        pcell(l, row, "pendidikan"),
        pcell(l, row, "pendidikan"),
        unor_id,
        unor_nama,
        inst,
        pcell(l, row, "kompetensi"),
        pcell(l, row, "lat"),
        pcell(l, row, "lon"),
        pcell(l, row, "hukuman_disiplin"),
        pcell(l, row, "formasi_tahun")};
    for (int i = 0; i < N_ASN; i++) {
        f[i] = f[i] != NULL ? f[i] : "null";
    }
    buf_reset(&l->line);
    enum err rc = csv_format_row_sep(&l->line, f, N_ASN, '|');
    if (rc == ERR_OK &&
        fwrite(l->line.data, 1, l->line.len, l->out) != l->line.len) {
        rc = ERR_IO;
    }
    return rc;
}

enum err
gen_siasn_write(FILE *unit, FILE *jabatan, FILE *pegawai, FILE *const *out)
{
    struct sheet u;
    struct sheet j;
    struct map root_ids;
    struct lookups l;
    memset(&l, 0, sizeof(l));
    map_init(&root_ids);
    map_init(&l.unit_row);
    map_init(&l.jab_row);
    enum err rc = read_sheet(unit, "unit.csv", &u);
    enum err rc2 = read_sheet(jabatan, "jabatan.csv", &j);
    rc = rc == ERR_OK ? rc2 : rc;
    for (size_t i = 0; rc == ERR_OK && i < u.n_rows; i++) {
        map_put(&l.unit_row, cell(&u, u.rows[i], "kode"),
                (void *)(uintptr_t)(i + 1));
    }
    for (size_t i = 0; rc == ERR_OK && i < j.n_rows; i++) {
        map_put(&l.jab_row, cell(&j, j.rows[i], "kode"),
                (void *)(uintptr_t)(i + 1));
    }
    for (size_t i = 0; rc == ERR_OK && i < u.n_rows; i++) {
        char *inst = xmalloc(33);
        make_id("instansi", root_of(&u, &l.unit_row, i), inst);
        map_put(&root_ids, cell(&u, u.rows[i], "kode"), inst);
    }
    rc = rc == ERR_OK ? write_unor(&u, &l.unit_row, out[SIASN_UNOR]) : rc;
    rc = rc == ERR_OK ? write_jabatan(&j, out) : rc;
    if (rc == ERR_OK) {
        l.u = &u;
        l.j = &j;
        l.root_ids = &root_ids;
        l.out = out[SIASN_ASN];
        buf_init(&l.line, 0);
        rc = csv_format_row_sep(&l.line, asn_headings, N_ASN, '|');
        if (rc == ERR_OK &&
            fwrite(l.line.data, 1, l.line.len, l.out) != l.line.len) {
            rc = ERR_IO;
        }
        rewind(pegawai);
        rc = rc == ERR_OK
                 ? csv_read_file(pegawai, "pegawai.csv", on_pegawai, &l, NULL)
                 : rc;
        buf_cleanup(&l.line);
        sheet_cleanup(&l.head);
    }
    map_free_values(&root_ids);
    map_cleanup(&root_ids);
    map_cleanup(&l.unit_row);
    map_cleanup(&l.jab_row);
    sheet_cleanup(&u);
    sheet_cleanup(&j);
    return rc;
}
