/* SPDX-License-Identifier: MIT */
/* gen_national: the provinsi and nasional presets (io layer): governments
 * whose units are wholly synthetic, shaped like NTB's kab/kota or the
 * nation's provinces, kabupaten and kota; Kota Mataram comes from
 * gen_mataram.c. */
#include "gen_national.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gen_int.h"
#include "gen_mataram.h"
#include "model.h"
#include "rng.h"

/* --- Synthetic governments --------------------------------------------- */

struct shape {
    bool province; /* A province: offices, senior high schools, RSUD. */
    int n_kec;
    int kel_per_kec;
    int sd_per_kec;
    int smp_per_kec;
    int pkm_per_10kec; /* Puskesmas per ten kecamatan. */
    int n_sma;
    double office; /* Office size factor. */
    bool rural;    /* Smaller schools (a kabupaten). */
};

static struct gen_unit *
synthetic_unit(struct gen *g, struct gen_gov *gv, const char *suffix,
               const char *nama, const char *induk, enum unit_jenis jenis,
               enum gen_tmpl tm)
{
    char kode[GEN_KODE_LEN];
    char parent[GEN_KODE_LEN];
    snprintf(kode, sizeof(kode), "%s.%s", gv->kode, suffix);
    snprintf(parent, sizeof(parent), "%s%s%s", gv->kode, induk ? "." : "",
             induk ? induk : "");
    struct gen_unit *u = gen_add_unit(gv, kode, nama, parent, jenis, tm);
    gen_near(g, gv->lat, gv->lon, 0.12, &u->lat, &u->lon);
    return u;
}

static void
synthetic_offices(struct gen *g, struct gen_gov *gv, const struct shape *s)
{
    for (size_t i = 0; i < gen_mataram_n_opd; i++) {
        const struct gen_opd *d = &gen_mataram_opd[i];
        bool bagian = strncmp(d->kode, "SETDA.", 6) == 0;
        struct gen_unit *u = synthetic_unit(
            g, gv, d->kode, d->nama, bagian ? "SETDA" : NULL,
            bagian ? UNIT_BIDANG : UNIT_OPD, bagian ? TM_BAGIAN : TM_OPD);
        u->tech = d->tech;
        u->size = (int)lround(d->size * s->office);
    }
    char nama[GEN_NAMA_LEN];
    snprintf(nama, sizeof(nama), "RSUD %s", gv->nama + strlen("Pemerintah "));
    synthetic_unit(g, gv, "RSUD", nama, NULL, UNIT_RSUD, TM_RSUD);
}

static void
synthetic_school(struct gen *g, struct gen_gov *gv, const char *level, int n,
                 const char *place, bool rural)
{
    char suffix[24];
    char nama[GEN_NAMA_LEN];
    bool sd = strcmp(level, "SD") == 0;
    snprintf(suffix, sizeof(suffix), "%s%04d", level, n);
    snprintf(nama, sizeof(nama), "%s NEGERI %d %s", level, n, place);
    struct gen_unit *u = synthetic_unit(g, gv, suffix, nama, "DIKBUD",
                                        UNIT_SEKOLAH, sd ? TM_SD : TM_SMP);
    if (sd) {
        gen_draw_rombel(g, u, 1, rural ? 2 : 3, 6);
    } else {
        gen_draw_rombel(g, u, rural ? 3 : 5, rural ? 8 : 10, 3);
    }
}

static void
synthetic_region(struct gen *g, struct gen_gov *gv, const struct shape *s,
                 const char *place)
{
    char suffix[32];
    char nama[GEN_NAMA_LEN];
    char kec_suffix[16];
    int n_sd = 0;
    int n_smp = 0;
    int n_pkm = 0;
    for (int k = 1; k <= s->n_kec; k++) {
        snprintf(kec_suffix, sizeof(kec_suffix), "KEC%02d", k);
        snprintf(nama, sizeof(nama), "Kecamatan %s %02d", place, k);
        struct gen_unit *kec = synthetic_unit(g, gv, kec_suffix, nama, NULL,
                                              UNIT_KECAMATAN, TM_KECAMATAN);
        kec->size = (int)lround(40 * s->office);
        for (int l = 1; l <= s->kel_per_kec; l++) {
            snprintf(suffix, sizeof(suffix), "KEC%02d.KEL%02d", k, l);
            snprintf(nama, sizeof(nama), "Kelurahan %s %02d-%02d", place, k, l);
            synthetic_unit(g, gv, suffix, nama, kec_suffix, UNIT_KELURAHAN,
                           TM_KELURAHAN)
                ->size = 15;
        }
        for (int i = 0; i < s->sd_per_kec; i++) {
            synthetic_school(g, gv, "SD", ++n_sd, place, s->rural);
        }
        for (int i = 0; i < s->smp_per_kec; i++) {
            synthetic_school(g, gv, "SMP", ++n_smp, place, s->rural);
        }
        while (n_pkm * 10 < k * s->pkm_per_10kec) {
            snprintf(suffix, sizeof(suffix), "PKM%03d", ++n_pkm);
            snprintf(nama, sizeof(nama), "Puskesmas %s %02d", place, n_pkm);
            struct gen_unit *p = synthetic_unit(g, gv, suffix, nama, "DINKES",
                                                UNIT_PUSKESMAS, TM_PKM);
            p->rawat_inap = rng_chance(&g->rng, 300);
        }
    }
    for (int i = 1; i <= s->n_sma; i++) {
        synthetic_school(g, gv, "SMA", i, place, false);
    }
}

static void
build_synthetic(struct gen *g, struct gen_gov *gv, const struct shape *s,
                const char *place)
{
    struct gen_unit *root =
        gen_add_unit(gv, gv->kode, gv->nama, NULL, UNIT_LAINNYA, TM_ROOT);
    root->lat = gv->lat;
    root->lon = gv->lon;
    synthetic_offices(g, gv, s);
    synthetic_region(g, gv, s, place);
}

/* --- Presets ------------------------------------------------------------- */

/* The kab/kota of Nusa Tenggara Barat: Kemendagri codes, approximate
 * centres and kecamatan counts; their insides are synthetic. */
static const struct ntb_def {
    const char *kode;
    const char *nama;
    const char *place;
    double lat;
    double lon;
    int n_kec;
    bool kota;
} ntb[] = {
    {"5201", "Kabupaten Lombok Barat", "LOMBOK BARAT", -8.68, 116.11, 10,
     false},
    {"5202", "Kabupaten Lombok Tengah", "LOMBOK TENGAH", -8.70, 116.27, 12,
     false},
    {"5203", "Kabupaten Lombok Timur", "LOMBOK TIMUR", -8.65, 116.53, 21,
     false},
    {"5204", "Kabupaten Sumbawa", "SUMBAWA", -8.49, 117.42, 24, false},
    {"5205", "Kabupaten Dompu", "DOMPU", -8.54, 118.46, 8, false},
    {"5206", "Kabupaten Bima", "BIMA", -8.60, 118.69, 18, false},
    {"5207", "Kabupaten Sumbawa Barat", "SUMBAWA BARAT", -8.75, 116.85, 8,
     false},
    {"5208", "Kabupaten Lombok Utara", "LOMBOK UTARA", -8.35, 116.15, 5, false},
    {"5271", "Kota Mataram", NULL, 0, 0, 6, true},
    {"5272", "Kota Bima", "KOTA BIMA", -8.46, 118.73, 5, true},
};

_Static_assert(sizeof(ntb) / sizeof(ntb[0]) == GEN_NATIONAL_N_PROVINSI,
               "GEN_NATIONAL_N_PROVINSI counts the rows of ntb[]");

static void
ntb_gov(struct gen *g, struct gen_gov *gv, const struct ntb_def *d)
{
    struct shape s = {.province = false,
                      .n_kec = d->n_kec,
                      .kel_per_kec = d->kota ? 6 : 1,
                      .sd_per_kec = d->kota ? 14 : 17,
                      .smp_per_kec = d->kota ? 3 : 4,
                      .pkm_per_10kec = 13,
                      .n_sma = 0,
                      .office = d->kota ? 0.8 : 0.7,
                      .rural = !d->kota};
    snprintf(gv->kode, sizeof(gv->kode), "%s", d->kode);
    snprintf(gv->nama, sizeof(gv->nama), "Pemerintah %s", d->nama);
    gv->lat = d->lat;
    gv->lon = d->lon;
    build_synthetic(g, gv, &s, d->place);
}

enum err
gen_national_build_provinsi(struct gen *g, struct gen_gov *gv, long i)
{
    if (ntb[i].place == NULL) {
        return gen_mataram_build(g, gv); /* 5271: the real Kota Mataram. */
    }
    ntb_gov(g, gv, &ntb[i]);
    return ERR_OK;
}

enum err
gen_national_build_nasional(struct gen *g, struct gen_gov *gv, long i)
{
    int p = (int)(i * 38 /
                  GEN_NATIONAL_N_NASIONAL); /* Province of this government. */
    int first = (int)((p * GEN_NATIONAL_N_NASIONAL + 37) / 38);
    int k = (int)i - first; /* 0 is the province itself. */
    char place[48];
    if (p == 41 && k == 1) {
        return gen_mataram_build(g, gv); /* 52 is NTB; 5271 its capital. */
    }
    gv->lat = -8.0 + (double)rng_range(&g->rng, -6000, 6000) / 1000.0;
    gv->lon = 95.0 + (double)rng_range(&g->rng, 0, 45000) / 1000.0;
    bool kota = k > 0 && rng_chance(&g->rng, 190);
    if (k == 0) {
        snprintf(gv->kode, sizeof(gv->kode), "%02d", (11 + p) % 100);
        snprintf(place, sizeof(place), "PROVINSI %s", gv->kode);
        snprintf(gv->nama, sizeof(gv->nama),
                 "Pemerintah Provinsi %s (sintetis)", gv->kode);
    } else {
        snprintf(gv->kode, sizeof(gv->kode), "%02d%02d", (11 + p) % 100,
                 (kota ? 70 + k : k) % 100);
        snprintf(place, sizeof(place), "%s %s", kota ? "KOTA" : "KAB",
                 gv->kode);
        snprintf(gv->nama, sizeof(gv->nama), "Pemerintah %s %s (sintetis)",
                 kota ? "Kota" : "Kabupaten", gv->kode);
    }
    struct shape s = {
        .province = k == 0,
        .n_kec =
            k == 0 ? 0 : (int)rng_range(&g->rng, kota ? 4 : 8, kota ? 10 : 24),
        .kel_per_kec = kota ? 6 : 1,
        .sd_per_kec = kota ? 15 : 30,
        .smp_per_kec = kota ? 3 : 4,
        .pkm_per_10kec = 13,
        .n_sma = k == 0 ? (int)rng_range(&g->rng, 100, 220) : 0,
        .office = (double)rng_range(&g->rng, 4, 7) / 10.0,
        .rural = k > 0 && !kota};
    build_synthetic(g, gv, &s, place);
    return ERR_OK;
}
