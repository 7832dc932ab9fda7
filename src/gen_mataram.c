/* SPDX-License-Identifier: MIT */
/* gen_mataram: the mataram preset (io layer): Kota Mataram from the public
 * data of data/mataram (embedded by gen_data), its real offices, kecamatan,
 * kelurahan, puskesmas and schools, with synthetic sizes and study groups. */
#include "gen_mataram.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "gen_cat.h"
#include "gen_data.h"
#include "gen_int.h"
#include "mem.h"
#include "model.h"
#include "rng.h"

/* --- Embedded reference tables ------------------------------------------ */

/* A small CSV table read from the embedded data. */
struct table {
    char **cells; /* Row-major, 'n_cols' per row, the header skipped. */
    int n_rows;
    int n_cols;
    size_t cap;
    bool header_seen;
};

static enum err
table_row(void *ctx, const struct csv_row *row)
{
    struct table *t = ctx;
    if (!t->header_seen) {
        t->header_seen = true;
        t->n_cols = row->n_fields;
        return ERR_OK;
    }
    if (row->n_fields != t->n_cols) {
        return ERR_INTERNAL; /* The shipped data is checked by tests. */
    }
    size_t need = (size_t)(t->n_rows + 1) * (size_t)t->n_cols;
    xgrow((void **)&t->cells, &t->cap, need, sizeof(char *));
    for (int i = 0; i < t->n_cols; i++) {
        t->cells[(size_t)t->n_rows * (size_t)t->n_cols + (size_t)i] =
            xstrdup(row->fields[i]);
    }
    t->n_rows++;
    return ERR_OK;
}

static enum err
table_load(struct table *t, const char *data, size_t len)
{
    memset(t, 0, sizeof(*t));
    struct csv_reader *r = csv_reader_create("data", table_row, t, NULL);
    enum err rc = csv_reader_feed(r, data, len);
    if (rc == ERR_OK) {
        rc = csv_reader_finish(r);
    }
    csv_reader_destroy(r);
    return rc;
}

static const char *
cell(const struct table *t, int row, int col)
{
    return t->cells[(size_t)row * (size_t)t->n_cols + (size_t)col];
}

static void
table_free(struct table *t)
{
    for (size_t i = 0; i < (size_t)t->n_rows * (size_t)t->n_cols; i++) {
        free(t->cells[i]);
    }
    free(t->cells);
}

static double
coord_of(const char *s)
{
    return *s ? strtod(s, NULL) : MODEL_COORD_NONE;
}

/* --- Kota Mataram -------------------------------------------------------- */

/* Office sizes are synthetic: larger for the field services (Satpol PP,
 * fire brigade, cleaning, roads), smaller for the planning bodies. */
const struct gen_opd gen_mataram_opd[] = {
    {"Sekretariat Daerah", "SETDA", J_N, 70},
    {"Sekretariat DPRD", "SETWAN", J_N, 100},
    {"Inspektorat", "INSPEKTORAT", J_AUDITOR, 100},
    {"Dinas Pendidikan", "DIKBUD", J_PENGAWAS_SEKOLAH, 125},
    {"Dinas Kesehatan", "DINKES", J_PROMKES, 110},
    {"Dinas Pekerjaan Umum dan Penataan Ruang", "PUPR", J_TEKNIK_SIPIL, 280},
    {"Dinas Perumahan dan Kawasan Permukiman", "PERKIM", J_TEKNIK_SIPIL, 125},
    {"Satuan Polisi Pamong Praja", "SATPOLPP", J_POLISI_PP, 450},
    {"Dinas Pemadam Kebakaran", "DAMKAR", J_DAMKAR, 310},
    {"Dinas Sosial", "DINSOS", J_PEKERJA_SOSIAL, 155},
    {"Dinas Tenaga Kerja", "DISNAKER", J_N, 100},
    {"Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A",
     J_PEKERJA_SOSIAL, 85},
    {"Dinas Pengendalian Penduduk dan Keluarga Berencana", "DP2KB", J_N, 125},
    {"Dinas Ketahanan Pangan", "DKP", J_PENYULUH_PERTANIAN, 85},
    {"Dinas Lingkungan Hidup", "DLH", J_PETUGAS_KEBERSIHAN, 630},
    {"Dinas Kependudukan dan Pencatatan Sipil", "DUKCAPIL", J_ADMINDUK, 180},
    {"Dinas Perhubungan", "DISHUB", J_PENGUJI_KENDARAAN, 210},
    {"Dinas Komunikasi dan Informatika", "DISKOMINFO", J_PRANATA_HUMAS, 125},
    {"Dinas Perindustrian, Koperasi dan Usaha Kecil dan Menengah",
     "DISPERINKOP", J_N, 110},
    {"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP",
     J_PENATA_PERIZINAN, 125},
    {"Dinas Kepemudaan dan Olahraga", "DISPORA", J_N, 85},
    {"Dinas Kearsipan dan Perpustakaan", "DISARPUS", J_ARSIPARIS, 110},
    {"Dinas Pariwisata", "DISPAR", J_N, 100},
    {"Dinas Pertanian", "DISTAN", J_PENYULUH_PERTANIAN, 155},
    {"Dinas Perikanan", "DISKAN", J_PENYULUH_PERTANIAN, 85},
    {"Dinas Perdagangan", "DISDAG", J_N, 155},
    {"Badan Perencanaan Pembangunan Daerah", "BAPPEDA", J_PERENCANA, 110},
    {"Badan Keuangan Daerah", "BKD", J_PEMERIKSA_PAJAK, 225},
    {"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM",
     J_ANALIS_SDMA, 110},
    {"Badan Riset dan Inovasi Daerah", "BRIDA", J_N, 55},
    {"Badan Kesatuan Bangsa dan Politik", "KESBANGPOL", J_N, 70},
    {"Badan Penanggulangan Bencana Daerah", "BPBD", J_N, 125},
    {"Bagian Pemerintahan", "SETDA.PEM", J_N, 35},
    {"Bagian Hukum", "SETDA.HUKUM", J_N, 35},
    {"Bagian Kesejahteraan Rakyat", "SETDA.KESRA", J_N, 35},
    {"Bagian Perekonomian dan Sumber Daya Alam", "SETDA.EKON", J_N, 35},
    {"Bagian Administrasi Pembangunan", "SETDA.ADPEM", J_N, 35},
    {"Bagian Pengadaan Barang dan Jasa", "SETDA.PBJ", J_PENGELOLA_PENGADAAN,
     35},
    {"Bagian Organisasi", "SETDA.ORG", J_N, 35},
    {"Bagian Umum", "SETDA.UMUM", J_PENGELOLA_UMUM, 35},
    {"Bagian Protokol dan Komunikasi Pimpinan", "SETDA.PROKOPIM",
     J_PRANATA_HUMAS, 35},
};

const size_t gen_mataram_n_opd =
    sizeof(gen_mataram_opd) / sizeof(gen_mataram_opd[0]);

static const struct gen_opd *
find_opd(const char *nama)
{
    for (size_t i = 0; i < sizeof(gen_mataram_opd) / sizeof(gen_mataram_opd[0]);
         i++) {
        if (strcmp(gen_mataram_opd[i].nama, nama) == 0) {
            return &gen_mataram_opd[i];
        }
    }
    return NULL;
}

/* A code part from a name: upper case, words joined by '_'. */
static void
slug(const char *name, char *out, size_t len)
{
    size_t n = 0;
    for (const char *p = name; *p != '\0' && n + 1 < len; p++) {
        char c = *p;
        if (c >= 'a' && c <= 'z') {
            c = (char)(c - 'a' + 'A');
        } else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            c = '_';
        }
        if (c != '_' || (n > 0 && out[n - 1] != '_')) {
            out[n++] = c;
        }
    }
    out[n] = '\0';
}

static void
mataram_offices(struct gen *g, struct gen_gov *gv, const struct table *opd,
                const struct table *kec)
{
    char kode[GEN_KODE_LEN];
    for (int i = 0; i < opd->n_rows; i++) {
        const char *nama = cell(opd, i, 0);
        const char *jenis = cell(opd, i, 1);
        const struct gen_opd *d = find_opd(nama);
        if (d == NULL) {
            continue; /* Kecamatan and the RSUD come with their data. */
        }
        bool bagian = strcmp(jenis, "bagian_setda") == 0;
        snprintf(kode, sizeof(kode), "5271.%s", d->kode);
        struct gen_unit *u = gen_add_unit(
            gv, kode, nama, bagian ? "5271.SETDA" : "5271",
            bagian ? UNIT_BIDANG : UNIT_OPD, bagian ? TM_BAGIAN : TM_OPD);
        u->tech = d->tech;
        u->size = d->size;
    }
    for (int i = 0; i < kec->n_rows; i++) {
        char nama[GEN_NAMA_LEN];
        snprintf(nama, sizeof(nama), "Kecamatan %s", cell(kec, i, 1));
        struct gen_unit *u = gen_add_unit(gv, cell(kec, i, 0), nama, "5271",
                                          UNIT_KECAMATAN, TM_KECAMATAN);
        snprintf(u->kec, sizeof(u->kec), "%s", cell(kec, i, 1));
        u->lat = coord_of(cell(kec, i, 2));
        u->lon = coord_of(cell(kec, i, 3));
        u->size = 60;
    }
    (void)g;
}

static const char *
kecamatan_code(const struct table *kec, const char *nama)
{
    for (int i = 0; i < kec->n_rows; i++) {
        if (strcmp(cell(kec, i, 1), nama) == 0) {
            return cell(kec, i, 0);
        }
    }
    return "5271";
}

static void
mataram_kelurahan(struct gen_gov *gv, const struct table *kel,
                  const struct table *kec)
{
    char nama[GEN_NAMA_LEN];
    for (int i = 0; i < kel->n_rows; i++) {
        snprintf(nama, sizeof(nama), "Kelurahan %s", cell(kel, i, 1));
        struct gen_unit *u = gen_add_unit(gv, cell(kel, i, 0), nama,
                                          kecamatan_code(kec, cell(kel, i, 2)),
                                          UNIT_KELURAHAN, TM_KELURAHAN);
        snprintf(u->kec, sizeof(u->kec), "%s", cell(kel, i, 2));
        u->lat = coord_of(cell(kel, i, 3));
        u->lon = coord_of(cell(kel, i, 4));
        u->size = 21;
    }
}

static void
mataram_health(struct gen *g, struct gen_gov *gv, const struct table *pkm)
{
    char kode[GEN_KODE_LEN];
    char part[32];
    for (int i = 0; i < pkm->n_rows; i++) {
        const char *nama = cell(pkm, i, 0);
        bool rsud = strncmp(nama, "RSUD", 4) == 0;
        slug(nama + (rsud ? 0 : strlen("Puskesmas ")), part, sizeof(part));
        snprintf(kode, sizeof(kode), rsud ? "5271.RSUD" : "5271.PKM.%s", part);
        struct gen_unit *u = gen_add_unit(
            gv, kode, nama, rsud ? "5271" : "5271.DINKES",
            rsud ? UNIT_RSUD : UNIT_PUSKESMAS, rsud ? TM_RSUD : TM_PKM);
        snprintf(u->kec, sizeof(u->kec), "%s", cell(pkm, i, 1));
        u->lat = coord_of(cell(pkm, i, 2));
        u->lon = coord_of(cell(pkm, i, 3));
        /* The source names Tanjung Karang a puskesmas with inpatient
         * care; two others get a dengue surge this rainy season. */
        u->rawat_inap = strstr(nama, "Tanjung Karang") != NULL;
        u->surge = strstr(nama, "Karang Taliwang") ? 1
                   : strstr(nama, "Pagesangan")    ? 2
                                                   : 0;
    }
    (void)g;
}

static void
mataram_schools(struct gen *g, struct gen_gov *gv, const struct table *sch)
{
    for (int i = 0; i < sch->n_rows; i++) {
        bool sd = strcmp(cell(sch, i, 2), "SD") == 0;
        struct gen_unit *u =
            gen_add_unit(gv, cell(sch, i, 0), cell(sch, i, 1), "5271.DIKBUD",
                         UNIT_SEKOLAH, sd ? TM_SD : TM_SMP);
        snprintf(u->kec, sizeof(u->kec), "%s", cell(sch, i, 3));
        u->lat = coord_of(cell(sch, i, 8));
        u->lon = coord_of(cell(sch, i, 9));
        if (sd) {
            for (int k = 0; k < 6; k++) {
                int r = (int)rng_range(&g->rng, 0, 99);
                u->rombel[k] = r < 45 ? 1 : r < 85 ? 2 : 3;
                u->rombel[k] = (int)lround(u->rombel[k] * g->scale) < 1
                                   ? 1
                                   : (int)lround(u->rombel[k] * g->scale);
            }
        } else {
            gen_draw_rombel(g, u, 6, 10, 3);
        }
    }
}

enum err
gen_mataram_build(struct gen *g, struct gen_gov *gv)
{
    struct table t[5];
    static const struct {
        const char *data;
        const size_t *len;
    } src[5] = {{gen_data_opd, &gen_data_opd_len},
                {gen_data_kecamatan, &gen_data_kecamatan_len},
                {gen_data_kelurahan, &gen_data_kelurahan_len},
                {gen_data_puskesmas, &gen_data_puskesmas_len},
                {gen_data_sekolah, &gen_data_sekolah_len}};
    enum err rc = ERR_OK;
    int n = 0;
    for (; n < 5 && rc == ERR_OK; n++) {
        rc = table_load(&t[n], src[n].data, *src[n].len);
    }
    if (rc == ERR_OK) {
        snprintf(gv->kode, sizeof(gv->kode), "5271");
        snprintf(gv->nama, sizeof(gv->nama), "Pemerintah Kota Mataram");
        gv->lat = -8.590154; /* The city point of data/mataram/SOURCES.md. */
        gv->lon = 116.110959;
        struct gen_unit *root =
            gen_add_unit(gv, "5271", gv->nama, NULL, UNIT_LAINNYA, TM_ROOT);
        root->lat = gv->lat;
        root->lon = gv->lon;
        mataram_offices(g, gv, &t[0], &t[1]);
        mataram_kelurahan(gv, &t[2], &t[1]);
        mataram_health(g, gv, &t[3]);
        mataram_schools(g, gv, &t[4]);
    }
    for (int i = 0; i < n; i++) {
        table_free(&t[i]);
    }
    return rc;
}
