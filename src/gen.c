/* SPDX-License-Identifier: MIT */
/* gen: synthetic data sets (io layer).
 *
 * Design: a data set is a list of governments, built and written one at a
 * time (units, workload rows, staff, requests), so memory holds one
 * government, never the nation. For each (unit, position) the generator
 * first decides the workload, writes it as the official method's rows
 * (rombel and JP for teachers, ABK task rows with standard times for
 * office and nursing work, fixed numbers only where a norm gives them:
 * one head per unit, the Permenkes 75/2014 puskesmas minimums), then
 * staffs the pair at a fill rate drawn per group, which is where the
 * imbalances come from: a few hundred teachers short and unevenly spread,
 * technical offices far below their need, some schools and offices over.
 * Every draw comes from one SplitMix64 stream per government, seeded from
 * the seed, so the bytes depend on the seed alone. */
#include "gen.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "date.h"
#include "gen_cat.h"
#include "gen_data.h"
#include "mem.h"
#include "model.h"
#include "nip.h"
#include "rng.h"
#include "rules.h"
#include "settings.h"

#define WKE      75000 /* Minutes a year (domain.md; the default). */
#define KODE_LEN 48
#define NAMA_LEN 120
#define MAX_POS  16 /* Positions of one unit template. */

enum tmpl {
    TM_ROOT,
    TM_OPD,
    TM_BAGIAN,
    TM_KECAMATAN,
    TM_KELURAHAN,
    TM_SD,
    TM_SMP,
    TM_PKM,
    TM_RSUD
};

struct gunit {
    char kode[KODE_LEN];
    char nama[NAMA_LEN];
    char induk[KODE_LEN];
    char kec[40];
    enum unit_jenis jenis;
    enum tmpl tmpl;
    double lat;
    double lon;
    enum gen_jab tech; /* An office's own technical position, or J_N. */
    int size;          /* Office size, in needed staff. */
    int rombel[6];     /* Study groups per grade (schools). */
    bool rawat_inap;   /* A puskesmas with inpatient care. */
    int surge;         /* 1 or 2: a dated dengue surge; 0: none. */
};

/* One employee, kept for the requests of its government. */
struct gperson {
    char nip[NIP_LEN + 1];
    int unit;
    enum gen_jab jab;
    bool aps_ok; /* Eligible for a transfer at own request. */
    double lat;
    double lon;
};

struct gov {
    char kode[24];
    char nama[NAMA_LEN];
    double lat;
    double lon;
    struct gunit *units;
    size_t n_units;
    size_t cap_units;
    struct gperson *people;
    size_t n_people;
    size_t cap_people;
};

/* The NIPs handed out, so that no number is used twice. */
struct nipset {
    uint64_t *slots; /* 0 marks an empty slot. */
    size_t cap;      /* A power of two. */
    size_t n;
};

struct gen {
    const struct gen_opts *o;
    FILE *const *out;
    struct gen_stats *stats;
    struct rng rng; /* The current government's stream. */
    struct nipset nips;
    struct buf line;
    int32_t today;            /* GEN_DATE as a day number. */
    double scale;             /* Size multiplier of units (mataram preset). */
    struct settings defaults; /* For the retirement rules. */
    enum err rc;              /* First write error. */
};

/* --- Output ------------------------------------------------------------ */

static void
put_line(struct gen *g, enum rec_kind k)
{
    if (g->rc == ERR_OK &&
        fwrite(g->line.data, 1, g->line.len, g->out[k]) != g->line.len) {
        g->rc = ERR_IO;
    }
    g->stats->n_rows[k]++;
    buf_reset(&g->line);
}

static void
check(struct gen *g, enum err rc)
{
    if (rc != ERR_OK && g->rc == ERR_OK) {
        g->rc = rc;
    }
}

static bool
nipset_add(struct nipset *s, uint64_t v)
{
    if ((s->n + 1) * 2 > s->cap) {
        struct nipset old = *s;
        s->cap = old.cap ? old.cap * 2 : 1024;
        s->slots = xcalloc(s->cap, sizeof(uint64_t));
        s->n = 0;
        for (size_t i = 0; i < old.cap; i++) {
            if (old.slots[i] != 0) {
                nipset_add(s, old.slots[i]);
            }
        }
        free(old.slots);
    }
    size_t i = (size_t)((v * 0x9E3779B97F4A7C15ULL) >> 20) & (s->cap - 1);
    for (; s->slots[i] != 0; i = (i + 1) & (s->cap - 1)) {
        if (s->slots[i] == v) {
            return false;
        }
    }
    s->slots[i] = v;
    s->n++;
    return true;
}

/* --- Governments and units -------------------------------------------- */

static struct gunit *
add_unit(struct gov *gv, const char *kode, const char *nama, const char *induk,
         enum unit_jenis jenis, enum tmpl tm)
{
    xgrow((void **)&gv->units, &gv->cap_units, gv->n_units + 1,
          sizeof(*gv->units));
    struct gunit *u = &gv->units[gv->n_units++];
    memset(u, 0, sizeof(*u));
    snprintf(u->kode, sizeof(u->kode), "%s", kode);
    snprintf(u->nama, sizeof(u->nama), "%s", nama);
    snprintf(u->induk, sizeof(u->induk), "%s", induk ? induk : "");
    u->jenis = jenis;
    u->tmpl = tm;
    u->lat = MODEL_COORD_NONE;
    u->lon = MODEL_COORD_NONE;
    u->tech = J_N;
    return u;
}

static void
write_unit(struct gen *g, const struct gunit *u)
{
    struct unit x = {u->kode,
                     u->nama,
                     u->induk[0] ? u->induk : NULL,
                     u->jenis,
                     u->kec[0] ? u->kec : NULL,
                     u->lat,
                     u->lon};
    check(g, rec_unit_format(&x, &g->line));
    put_line(g, REC_UNIT);
}

static void
write_jabatan(struct gen *g)
{
    for (int j = 0; j < J_N; j++) {
        const struct gen_jab_def *d = &gen_jabs[j];
        struct jabatan x = {d->kode,    d->nama,      d->jenis,
                            d->jenjang, d->kelompok,  d->group == GROUP_GURU,
                            0,          d->kompetensi};
        check(g, rec_jabatan_format(&x, &g->line));
        put_line(g, REC_JABATAN);
    }
}

/* Rombel per grade: mostly 1-3 at SD, 5-11 at SMP, scaled. */
static void
draw_rombel(struct gen *g, struct gunit *u, int lo, int hi, int n_grades)
{
    for (int k = 0; k < n_grades; k++) {
        int r = (int)lround((double)rng_range(&g->rng, lo, hi) * g->scale);
        u->rombel[k] = r < 1 ? 1 : r;
    }
}

/* A point near (lat, lon), within about 'spread' degrees. */
static void
near(struct gen *g, double lat, double lon, double spread, double *olat,
     double *olon)
{
    double dy = (double)rng_range(&g->rng, -1000, 1000) / 1000.0 * spread;
    double dx = (double)rng_range(&g->rng, -1000, 1000) / 1000.0 * spread;
    *olat = round((lat + dy) * 1e6) / 1e6;
    *olon = round((lon + dx) * 1e6) / 1e6;
}

/* --- People ------------------------------------------------------------ */

static const char *
pick(struct gen *g, const char *const *list)
{
    return list[rng_pick(&g->rng, gen_count(list))];
}

/* An Indonesian-looking name from name parts, with the position's usual
 * title: Sasak and general Indonesian names most, Balinese some. */
static void
make_name(struct gen *g, char jk, const char *gelar, char *out, size_t len)
{
    int style = (int)rng_range(&g->rng, 0, 99);
    const char *a = NULL;
    const char *b = NULL;
    const char *c = "";
    if (style < 15) {
        a = pick(g, jk == 'L' ? gen_bali_male : gen_bali_female);
        b = pick(g, gen_bali_last);
    } else {
        a = pick(g, jk == 'L' ? gen_male_first : gen_female_first);
        b = pick(g, style < 60
                        ? gen_last
                        : (jk == 'L' ? gen_male_first : gen_female_first));
        if (strcmp(a, b) == 0) {
            b = pick(g, gen_last);
        }
        c = style % 3 == 0 ? pick(g, gen_last) : "";
    }
    if (strcmp(b, c) == 0) {
        c = "";
    }
    snprintf(out, len, "%s %s%s%s%s%s", a, b, *c ? " " : "", c,
             gelar ? ", " : "", gelar ? gelar : "");
}

/* BUP of catalogue position 'j' by the rules, under default settings. */
static int
bup_of(const struct gen *g, enum gen_jab j)
{
    const struct gen_jab_def *d = &gen_jabs[j];
    struct jabatan x = {d->kode,    d->nama,      d->jenis,
                        d->jenjang, d->kelompok,  d->group == GROUP_GURU,
                        0,          d->kompetensi};
    return rules_bup(&g->defaults, &x);
}

/* Birth dates: a bulge of staff in their forties and fifties, as in
 * Indonesian local governments, and a tail about to retire. */
static int32_t
draw_birth(struct gen *g, enum pegawai_status st, int bup)
{
    for (int tries = 0;; tries++) {
        int y = 0;
        if (st == STATUS_CPNS) {
            y = (int)rng_range(&g->rng, 1996, 2002);
        } else if (st == STATUS_PPPK) {
            y = (int)rng_range(&g->rng, 1980, 2000);
        } else if (rng_chance(&g->rng, 330)) {
            /* Over 200 of Mataram's staff retire a year (angka_asn.csv). */
            y = (int)rng_range(&g->rng, 1966, 1973);
        } else {
            y = 1970 + (int)rng_range(&g->rng, 0, 14) +
                (int)rng_range(&g->rng, 0, 14);
        }
        int m = (int)rng_range(&g->rng, 1, 12);
        int d = (int)rng_range(&g->rng, 1, 28);
        int32_t lahir = date_from_ymd(y, m, d);
        if (rules_tmt_pensiun(lahir, bup) > g->today || tries > 20) {
            return lahir;
        }
    }
}

struct person {
    enum pegawai_status status;
    char jk;
    int32_t lahir;
    int angkat_y; /* Appointment year. */
    int angkat_m; /* Appointment month (PNS, CPNS). */
    int32_t tmt;
};

/* A NIP never used before in this data set. */
static void
make_nip(struct gen *g, const struct person *p, char out[NIP_LEN + 1])
{
    int y = 0;
    int m = 0;
    int d = 0;
    date_to_ymd(p->lahir, &y, &m, &d);
    for (int seq = (int)rng_range(&g->rng, 1, 999);; seq = seq % 999 + 1) {
        if (p->status == STATUS_PPPK) {
            snprintf(out, NIP_LEN + 1, "%04d%02d%02d%04d21%c%03d", y, m, d,
                     p->angkat_y, p->jk == 'L' ? '1' : '2', seq);
        } else {
            snprintf(out, NIP_LEN + 1, "%04d%02d%02d%04d%02d%c%03d", y, m, d,
                     p->angkat_y, p->angkat_m, p->jk == 'L' ? '1' : '2', seq);
        }
        if (nipset_add(&g->nips, strtoull(out, NULL, 10))) {
            return;
        }
    }
}

static void
draw_appointment(struct gen *g, struct person *p)
{
    int y = 0;
    int m = 0;
    int d = 0;
    date_to_ymd(p->lahir, &y, &m, &d);
    if (p->status == STATUS_CPNS) {
        p->angkat_y = 2025;
        p->angkat_m = (int)rng_range(&g->rng, 7, 12);
    } else if (p->status == STATUS_PPPK) {
        p->angkat_y = (int)rng_range(&g->rng, 2022, 2025);
        p->angkat_m = 0;
    } else {
        int a = y + (int)rng_range(&g->rng, 22, 31);
        p->angkat_y = a > 2024 ? 2024 : a;
        p->angkat_m = (int)rng_range(&g->rng, 1, 12);
    }
    /* Posted to the current unit some months after appointment. */
    int32_t start =
        date_from_ymd(p->angkat_y, p->angkat_m ? p->angkat_m : 1, 1);
    int months = date_months_between(start, g->today) - 1;
    if (p->status == STATUS_CPNS || months < 1) {
        p->tmt = start;
        return;
    }
    int back = (int)rng_range(&g->rng, 1, months < 240 ? months : 240);
    int32_t t = date_add_months(g->today, -back);
    int ty = 0;
    int tm = 0;
    int td = 0;
    date_to_ymd(t, &ty, &tm, &td);
    p->tmt = date_from_ymd(ty, tm, 1);
}

enum edu { EDU_SMA, EDU_D3, EDU_S1, EDU_S2 };

static enum edu
education(struct gen *g, enum gen_jab j)
{
    const struct gen_jab_def *d = &gen_jabs[j];
    if (d->jenis == JAB_JPT || d->jenis == JAB_ADMINISTRATOR) {
        return EDU_S2;
    }
    if (d->jenis == JAB_FUNGSIONAL_KETERAMPILAN) {
        return EDU_D3;
    }
    if (d->jenis == JAB_PELAKSANA) {
        return rng_chance(&g->rng, 500)
                   ? EDU_SMA
                   : (rng_chance(&g->rng, 500) ? EDU_D3 : EDU_S1);
    }
    return d->group == GROUP_GURU && rng_chance(&g->rng, 100) ? EDU_S2 : EDU_S1;
}

/* Golongan from education and years of service: a step every four years
 * from the entry grade, as regular promotion goes. */
static const char *
golongan(struct gen *g, const struct person *p, enum edu e)
{
    static const int pppk_of[] = {4, 6, 8, 9};  /* V, VII, IX, X. */
    static const int entry_of[] = {4, 6, 8, 9}; /* II/a, II/c, III/a, III/b */
    if (p->status == STATUS_PPPK) {
        return model_enum_name(&model_golongan_pppk, pppk_of[e]);
    }
    int years = GEN_DATE_Y - p->angkat_y;
    int g_idx = entry_of[e] + years / 4 + (int)rng_range(&g->rng, -1, 0);
    if (g_idx < entry_of[e]) {
        g_idx = entry_of[e];
    }
    if (g_idx > 14) {
        g_idx = 14; /* IV/c: higher grades are rare in local governments. */
    }
    return model_enum_name(&model_golongan_pns, g_idx);
}

static const char *
education_text(enum edu e, enum gen_jab j)
{
    static const char *const base[] = {"SMA", "D3", "S1", "S2"};
    if (gen_jabs[j].group == GROUP_GURU && e >= EDU_S1) {
        return e == EDU_S2 ? "S2 Pendidikan" : "S1 Pendidikan";
    }
    return base[e];
}

static char
draw_sex(struct gen *g, enum gen_jab j)
{
    int female = 450;
    if (j == J_BIDAN) {
        female = 1000;
    } else if (gen_jabs[j].group == GROUP_GURU ||
               gen_jabs[j].group == GROUP_KESEHATAN) {
        female = 700;
    } else if (j == J_POLISI_PP || j == J_DAMKAR) {
        female = 120;
    }
    return rng_chance(&g->rng, female) ? 'P' : 'L';
}

/* Eligibility for a transfer at own request as of the data's date
 * (domain.md section 5, default settings); requests mostly come from
 * eligible staff. */
static bool
aps_eligible(const struct gen *g, const struct person *p, enum gen_jab j,
             const struct pegawai *x)
{
    if (p->status != STATUS_PNS || x->hukuman_disiplin || x->tugas_belajar ||
        model_jabatan_is_struktural(gen_jabs[j].jenis)) {
        return false;
    }
    if (date_add_months(p->tmt, 24) > g->today ||
        date_add_months(g->today, 12) >=
            rules_tmt_pensiun(p->lahir, bup_of(g, j))) {
        return false;
    }
    int32_t bound = date_from_ymd(p->angkat_y + 11, p->angkat_m, 1);
    return p->angkat_y < 2021 || bound <= g->today;
}

static void
keep_person(struct gov *gv, const struct pegawai *x, int unit, enum gen_jab j,
            bool aps_ok)
{
    xgrow((void **)&gv->people, &gv->cap_people, gv->n_people + 1,
          sizeof(*gv->people));
    struct gperson *q = &gv->people[gv->n_people++];
    snprintf(q->nip, sizeof(q->nip), "%s", x->nip);
    q->unit = unit;
    q->jab = j;
    q->aps_ok = aps_ok;
    q->lat = x->lat;
    q->lon = x->lon;
}

static void
write_person(struct gen *g, struct gov *gv, int unit, enum gen_jab j,
             enum pegawai_status st)
{
    const struct gunit *u = &gv->units[unit];
    const struct gen_jab_def *d = &gen_jabs[j];
    struct person p = {st, draw_sex(g, j), 0, 0, 0, 0};
    char nip[NIP_LEN + 1];
    char nama[NAMA_LEN];
    p.lahir = draw_birth(g, st, bup_of(g, j));
    draw_appointment(g, &p);
    make_nip(g, &p, nip);
    enum edu e = education(g, j);
    make_name(g, p.jk, e >= EDU_S1 ? d->gelar : NULL, nama, sizeof(nama));
    struct pegawai x;
    memset(&x, 0, sizeof(x));
    x.nip = nip;
    x.nama = nama;
    x.jenis_kelamin = p.jk;
    x.tempat_lahir = pick(g, gen_places);
    x.tanggal_lahir = p.lahir;
    x.status = st;
    x.golongan = golongan(g, &p, e);
    x.jabatan = d->kode;
    x.unit = u->kode;
    x.tmt_unit = p.tmt;
    x.pendidikan = education_text(e, j);
    x.kompetensi = d->kompetensi;
    x.lat = MODEL_COORD_NONE;
    x.lon = MODEL_COORD_NONE;
    if (!rng_chance(&g->rng, 60)) {
        double lat = u->lat != MODEL_COORD_NONE ? u->lat : gv->lat;
        double lon = u->lon != MODEL_COORD_NONE ? u->lon : gv->lon;
        near(g, lat, lon, 0.025, &x.lat, &x.lon);
        if (strcmp(gv->kode, "5271") == 0) {
            /* Homes stay inside the city (about 61 km2). */
            x.lat = x.lat < -8.635 ? -8.635 : x.lat > -8.545 ? -8.545 : x.lat;
            x.lon = x.lon < 116.055   ? 116.055
                    : x.lon > 116.165 ? 116.165
                                      : x.lon;
        }
    }
    x.hukuman_disiplin = rng_chance(&g->rng, 4);
    x.tugas_belajar = st == STATUS_PNS && rng_chance(&g->rng, 5);
    check(g, rec_pegawai_format(&x, &g->line));
    put_line(g, REC_PEGAWAI);
    g->stats->n_pns += st == STATUS_PNS;
    g->stats->n_pppk += st == STATUS_PPPK;
    g->stats->n_cpns += st == STATUS_CPNS;
    keep_person(gv, &x, unit, j, aps_eligible(g, &p, j, &x));
}

/* --- Workload and staff ------------------------------------------------- */

static void
write_beban(struct gen *g, const struct gunit *u, enum gen_jab j,
            const char *tugas, int64_t volume_milli, int64_t norma_milli,
            enum beban_metode metode)
{
    struct beban b = {u->kode,     gen_jabs[j].kode, tugas,     volume_milli,
                      norma_milli, metode,           DATE_NONE, DATE_NONE};
    check(g, rec_beban_format(&b, &g->line));
    put_line(g, REC_BEBAN);
}

/* A number in [-1, 1], most often near 0. */
static double
noise(struct gen *g)
{
    return (double)(rng_range(&g->rng, 0, 1000) + rng_range(&g->rng, 0, 1000) -
                    1000) /
           1000.0;
}

static enum pegawai_status
draw_status(struct gen *g, enum gen_group grp)
{
    static const int pppk[] = {360, 320, 0, 95}; /* Per mille, by group. */
    static const int cpns[] = {15, 20, 0, 12};
    int r = (int)rng_range(&g->rng, 0, 999);
    if (r < pppk[grp]) {
        return STATUS_PPPK;
    }
    return r < pppk[grp] + cpns[grp] ? STATUS_CPNS : STATUS_PNS;
}

/* Staff a pair whose need is 'need' at the group's fill rate. 'office_fill'
 * is the unit's own rate for technical staff. */
static void
staff(struct gen *g, struct gov *gv, int unit, enum gen_jab j, double need,
      double office_fill)
{
    enum gen_group grp = gen_jabs[j].group;
    double fill = grp == GROUP_GURU        ? 0.87 + 0.30 * noise(g)
                  : grp == GROUP_KESEHATAN ? 0.92 + 0.25 * noise(g)
                  : grp == GROUP_TEKNIS    ? office_fill * (1 + 0.2 * noise(g))
                                           : (rng_chance(&g->rng, 80) ? 0 : 1);
    long h = lround(need * fill);
    for (long i = 0; i < h; i++) {
        write_person(g, gv, unit, j, draw_status(g, grp));
    }
}

static void
pair_tetap(struct gen *g, struct gov *gv, int unit, enum gen_jab j, long need)
{
    if (need <= 0) {
        return;
    }
    write_beban(g, &gv->units[unit], j, "Kebutuhan menurut norma", need * 1000,
                -1, METODE_TETAP);
    staff(g, gv, unit, j, (double)need, 1.0);
}

/* Task rows whose minutes add up to about 'need' staff-years, split over
 * the position's tasks at random weights; volumes are whole outputs. */
static void
write_tasks(struct gen *g, const struct gunit *u, enum gen_jab j, double need)
{
    const struct gen_jab_def *d = &gen_jabs[j];
    int weights[GEN_MAX_TASKS];
    int n = 0;
    int total = 0;
    for (; n < GEN_MAX_TASKS && d->tasks[n].nama != NULL; n++) {
        weights[n] = (int)rng_range(&g->rng, 5, 30);
        total += weights[n];
    }
    if (u->tmpl != TM_RSUD && j == J_PERAWAT && n > 0) {
        total -= weights[--n]; /* Inpatient nursing is the hospital's. */
    }
    double minutes = need * WKE;
    for (int i = 0; i < n; i++) {
        long vol = lround(minutes * weights[i] / total / d->tasks[i].norma);
        write_beban(g, u, j, d->tasks[i].nama, (vol < 1 ? 1 : vol) * 1000,
                    (int64_t)d->tasks[i].norma * 1000, METODE_TUGAS);
    }
}

static void
pair_tugas(struct gen *g, struct gov *gv, int unit, enum gen_jab j, double need,
           double office_fill)
{
    need *= 1 + 0.08 * noise(g);
    if (need < 0.3) {
        return;
    }
    write_tasks(g, &gv->units[unit], j, need);
    staff(g, gv, unit, j, need, office_fill);
}

/* A dated dengue surge at a puskesmas: extra nursing work in the rainy
 * season, as a yearly rate (domain.md section 3, surges). */
static void
write_surge(struct gen *g, const struct gunit *u)
{
    int32_t from =
        u->surge == 1 ? date_from_ymd(2026, 11, 1) : date_from_ymd(2026, 12, 1);
    int32_t to =
        u->surge == 1 ? date_from_ymd(2027, 3, 31) : date_from_ymd(2027, 2, 28);
    long vol = lround((double)rng_range(&g->rng, 18, 30) / 10.0 * WKE / 45);
    struct beban b = {u->kode,
                      gen_jabs[J_PERAWAT].kode,
                      "Penanganan kasus DBD (KLB)",
                      vol * 1000,
                      45000,
                      METODE_TUGAS,
                      from,
                      to};
    check(g, rec_beban_format(&b, &g->line));
    put_line(g, REC_BEBAN);
}

/* Teachers for 'hours' lesson hours a week (domain.md section 3: 24 to 40
 * JP per teacher). */
static long
teacher_need(long hours)
{
    if (hours <= 0) {
        return 0;
    }
    long need = hours / 24 < 1 ? 1 : hours / 24;
    return hours > 40 * need ? need + 1 : need;
}

static void
pair_rombel(struct gen *g, struct gov *gv, int unit)
{
    const struct gunit *u = &gv->units[unit];
    char tugas[64];
    long need = 0;
    for (int k = 0; k < 6; k++) {
        snprintf(tugas, sizeof(tugas), "Rombel kelas %d", k + 1);
        write_beban(g, u, J_GURU_KELAS, tugas, (int64_t)u->rombel[k] * 1000, -1,
                    METODE_ROMBEL);
        need += u->rombel[k];
    }
    staff(g, gv, unit, J_GURU_KELAS, (double)need, 1.0);
}

static void
pair_jp(struct gen *g, struct gov *gv, int unit, enum gen_jab j, int jp,
        int first_grade)
{
    static const char *const grades[] = {"1",   "2",    "3",  "4", "5",  "6",
                                         "VII", "VIII", "IX", "X", "XI", "XII"};
    const struct gunit *u = &gv->units[unit];
    int n_grades = u->tmpl == TM_SD ? 6 : 3;
    char tugas[96];
    long hours = 0;
    for (int k = 0; k < n_grades; k++) {
        snprintf(tugas, sizeof(tugas), "Kelas %s: %d rombel x %d JP",
                 grades[first_grade + k], u->rombel[k], jp);
        write_beban(g, u, j, tugas, (int64_t)u->rombel[k] * jp * 1000, -1,
                    METODE_JP);
        hours += (long)u->rombel[k] * jp;
    }
    staff(g, gv, unit, j, (double)teacher_need(hours), 1.0);
}

static void
school_pairs(struct gen *g, struct gov *gv, int unit)
{
    static const struct {
        enum gen_jab j;
        int jp;
    } smp[] = {{J_GURU_PAI, 3},     {J_GURU_PPKN, 3},   {J_GURU_BINDO, 6},
               {J_GURU_MTK, 5},     {J_GURU_IPA, 5},    {J_GURU_IPS, 4},
               {J_GURU_BING, 4},    {J_GURU_SENBUD, 3}, {J_GURU_PJOK, 3},
               {J_GURU_PRAKARYA, 2}};
    if (gv->units[unit].tmpl == TM_SD) {
        pair_rombel(g, gv, unit);
        pair_jp(g, gv, unit, J_GURU_PAI, 4, 0);
        pair_jp(g, gv, unit, J_GURU_PJOK, 4, 0);
        return;
    }
    int first = strncmp(gv->units[unit].nama, "SMA", 3) == 0 ? 9 : 6;
    for (size_t i = 0; i < sizeof(smp) / sizeof(smp[0]); i++) {
        pair_jp(g, gv, unit, smp[i].j, smp[i].jp, first);
    }
    pair_tugas(g, gv, unit, J_PENGADM, 1.5, 0.6);
}

/* Permenkes 75/2014 minimums for an urban puskesmas without / with
 * inpatient care; nursing and administration as task rows instead. */
static void
puskesmas_pairs(struct gen *g, struct gov *gv, int unit)
{
    static const struct {
        enum gen_jab j;
        int plain;
        int inpatient;
    } norms[] = {
        {J_DOKTER, 1, 2},      {J_DOKTER_GIGI, 1, 1}, {J_BIDAN, 4, 7},
        {J_PROMKES, 2, 2},     {J_SANITARIAN, 1, 1},  {J_PRANATA_LAB, 1, 1},
        {J_NUTRISIONIS, 1, 2}, {J_APOTEKER, 1, 2},    {J_PENGELOLA_UMUM, 2, 2}};
    const struct gunit *u = &gv->units[unit];
    for (size_t i = 0; i < sizeof(norms) / sizeof(norms[0]); i++) {
        pair_tetap(g, gv, unit, norms[i].j,
                   u->rawat_inap ? norms[i].inpatient : norms[i].plain);
    }
    double nurses = u->rawat_inap ? 8 : 5;
    nurses *= 1 + 0.06 * noise(g);
    write_tasks(g, u, J_PERAWAT, nurses);
    if (u->surge) {
        write_surge(g, u);
    }
    staff(g, gv, unit, J_PERAWAT, nurses, 1.0);
    pair_tugas(g, gv, unit, J_PENGADM, 2.8, 0.7);
}

/* The city hospital: a hospital's work is measured in tasks (outpatient
 * visits, wards, emergency duty), so every need here comes from task rows;
 * only its director is a fixed post. */
static void
rsud_pairs(struct gen *g, struct gov *gv, int unit)
{
    static const struct {
        enum gen_jab j;
        double need;
    } staff_of[] = {
        {J_DOKTER, 30},  {J_PERAWAT, 160},          {J_BIDAN, 25},
        {J_APOTEKER, 8}, {J_PRANATA_LAB, 10},       {J_NUTRISIONIS, 6},
        {J_PENGADM, 25}, {J_PENGELOLA_KEUANGAN, 8}, {J_PENGELOLA_UMUM, 20}};
    pair_tetap(g, gv, unit, J_KEPALA_OPD, 1);
    for (size_t i = 0; i < sizeof(staff_of) / sizeof(staff_of[0]); i++) {
        pair_tugas(g, gv, unit, staff_of[i].j, staff_of[i].need * g->scale,
                   0.6);
    }
}

/* The share of its technical need an office has: far below for most
 * (the reported shortage is mostly technical), above for a few smaller
 * ones. */
static double
office_fill(struct gen *g, double size)
{
    if (size <= 150 && rng_chance(&g->rng, 120)) {
        return (double)rng_range(&g->rng, 105, 135) / 100.0;
    }
    return (double)rng_range(&g->rng, 15, 46) / 100.0;
}

static void
office_pairs(struct gen *g, struct gov *gv, int unit)
{
    const struct gunit *u = &gv->units[unit];
    double size = u->size * g->scale;
    double fill = office_fill(g, size);
    enum gen_jab tech = u->tech;
    switch (u->tmpl) {
    case TM_OPD:
        pair_tetap(g, gv, unit, J_KEPALA_OPD, 1);
        pair_tetap(g, gv, unit, J_SEKRETARIS, 1);
        pair_tetap(g, gv, unit, J_KABID, size > 60 ? 3 : 2);
        pair_tetap(g, gv, unit, J_KASUBAG, 2);
        pair_tugas(g, gv, unit, J_PENGADM, size * 0.22, fill);
        pair_tugas(g, gv, unit, J_PENGELOLA_KEUANGAN, size * 0.08, fill);
        pair_tugas(g, gv, unit, J_PRANATA_KOMPUTER, size * 0.04, fill);
        pair_tugas(g, gv, unit, J_PENGELOLA_UMUM, size * 0.08, fill);
        pair_tugas(g, gv, unit, J_ANALIS_KEBIJAKAN,
                   size * (tech == J_N ? 0.57 : 0.12), fill);
        if (tech != J_N) {
            pair_tugas(g, gv, unit, tech, size * 0.45, fill);
        }
        break;
    case TM_BAGIAN:
        pair_tetap(g, gv, unit, J_KABAG, 1);
        pair_tetap(g, gv, unit, J_KASUBAG, 2);
        pair_tugas(g, gv, unit, J_PENGADM, size * 0.4, fill);
        pair_tugas(g, gv, unit, tech == J_N ? J_ANALIS_KEBIJAKAN : tech,
                   size * 0.4, fill);
        break;
    case TM_KECAMATAN:
        pair_tetap(g, gv, unit, J_CAMAT, 1);
        pair_tetap(g, gv, unit, J_SEKCAM, 1);
        pair_tetap(g, gv, unit, J_KASUBAG, 3);
        pair_tugas(g, gv, unit, J_PENGADM, size * 0.35, fill);
        pair_tugas(g, gv, unit, J_PENGELOLA_LAYANAN, size * 0.35, fill);
        pair_tugas(g, gv, unit, J_ANALIS_KEBIJAKAN, size * 0.15, fill);
        pair_tugas(g, gv, unit, J_PENGELOLA_UMUM, size * 0.1, fill);
        break;
    default: /* TM_KELURAHAN */
        pair_tetap(g, gv, unit, J_LURAH, 1);
        pair_tetap(g, gv, unit, J_KASUBAG, 2);
        pair_tugas(g, gv, unit, J_PENGADM, size * 0.4, fill);
        pair_tugas(g, gv, unit, J_PENGELOLA_LAYANAN, size * 0.5, fill);
        break;
    }
}

static void
unit_pairs(struct gen *g, struct gov *gv, int unit)
{
    switch (gv->units[unit].tmpl) {
    case TM_ROOT:
        break;
    case TM_SD:
    case TM_SMP:
        school_pairs(g, gv, unit);
        break;
    case TM_PKM:
        puskesmas_pairs(g, gv, unit);
        break;
    case TM_RSUD:
        rsud_pairs(g, gv, unit);
        break;
    default:
        office_pairs(g, gv, unit);
        break;
    }
}

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

struct opd_def {
    const char *nama; /* As in data/mataram/opd.csv. */
    const char *kode; /* Our code, after "5271.". */
    enum gen_jab tech;
    int size; /* Needed staff of the office, about. */
};

/* Office sizes are synthetic: larger for the field services (Satpol PP,
 * fire brigade, cleaning, roads), smaller for the planning bodies. */
static const struct opd_def mataram_opd[] = {
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

static const struct opd_def *
find_opd(const char *nama)
{
    for (size_t i = 0; i < sizeof(mataram_opd) / sizeof(mataram_opd[0]); i++) {
        if (strcmp(mataram_opd[i].nama, nama) == 0) {
            return &mataram_opd[i];
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
mataram_offices(struct gen *g, struct gov *gv, const struct table *opd,
                const struct table *kec)
{
    char kode[KODE_LEN];
    for (int i = 0; i < opd->n_rows; i++) {
        const char *nama = cell(opd, i, 0);
        const char *jenis = cell(opd, i, 1);
        const struct opd_def *d = find_opd(nama);
        if (d == NULL) {
            continue; /* Kecamatan and the RSUD come with their data. */
        }
        bool bagian = strcmp(jenis, "bagian_setda") == 0;
        snprintf(kode, sizeof(kode), "5271.%s", d->kode);
        struct gunit *u = add_unit(
            gv, kode, nama, bagian ? "5271.SETDA" : "5271",
            bagian ? UNIT_BIDANG : UNIT_OPD, bagian ? TM_BAGIAN : TM_OPD);
        u->tech = d->tech;
        u->size = d->size;
    }
    for (int i = 0; i < kec->n_rows; i++) {
        char nama[NAMA_LEN];
        snprintf(nama, sizeof(nama), "Kecamatan %s", cell(kec, i, 1));
        struct gunit *u = add_unit(gv, cell(kec, i, 0), nama, "5271",
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
mataram_kelurahan(struct gov *gv, const struct table *kel,
                  const struct table *kec)
{
    char nama[NAMA_LEN];
    for (int i = 0; i < kel->n_rows; i++) {
        snprintf(nama, sizeof(nama), "Kelurahan %s", cell(kel, i, 1));
        struct gunit *u = add_unit(gv, cell(kel, i, 0), nama,
                                   kecamatan_code(kec, cell(kel, i, 2)),
                                   UNIT_KELURAHAN, TM_KELURAHAN);
        snprintf(u->kec, sizeof(u->kec), "%s", cell(kel, i, 2));
        u->lat = coord_of(cell(kel, i, 3));
        u->lon = coord_of(cell(kel, i, 4));
        u->size = 21;
    }
}

static void
mataram_health(struct gen *g, struct gov *gv, const struct table *pkm)
{
    char kode[KODE_LEN];
    char part[32];
    for (int i = 0; i < pkm->n_rows; i++) {
        const char *nama = cell(pkm, i, 0);
        bool rsud = strncmp(nama, "RSUD", 4) == 0;
        slug(nama + (rsud ? 0 : strlen("Puskesmas ")), part, sizeof(part));
        snprintf(kode, sizeof(kode), rsud ? "5271.RSUD" : "5271.PKM.%s", part);
        struct gunit *u = add_unit(
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
mataram_schools(struct gen *g, struct gov *gv, const struct table *sch)
{
    for (int i = 0; i < sch->n_rows; i++) {
        bool sd = strcmp(cell(sch, i, 2), "SD") == 0;
        struct gunit *u =
            add_unit(gv, cell(sch, i, 0), cell(sch, i, 1), "5271.DIKBUD",
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
            draw_rombel(g, u, 6, 10, 3);
        }
    }
}

static enum err
build_mataram(struct gen *g, struct gov *gv)
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
        struct gunit *root =
            add_unit(gv, "5271", gv->nama, NULL, UNIT_LAINNYA, TM_ROOT);
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

/* --- Transfer requests -----------------------------------------------------
 */

struct req_ctx {
    struct gen *g;
    struct gov *gv;
    int *order;  /* People in a random order. */
    bool *used;  /* Has a request already. */
    size_t next; /* Next place in 'order' to look at. */
};

static void
write_request(struct req_ctx *q, const struct gperson *p, const int *units,
              int n)
{
    static const int weights[] = {150, 100, 450, 200, 100}; /* Per mille. */
    static const char *const notes[] = {
        "Mengikuti pasangan yang bertugas di wilayah tujuan",
        "Perawatan kesehatan keluarga", NULL,
        "Ingin mengembangkan kompetensi di unit tujuan", NULL};
    struct permohonan r;
    int a = 0;
    int roll = (int)rng_range(&q->g->rng, 0, 999);
    while (roll >= weights[a]) {
        roll -= weights[a++];
    }
    memset(&r, 0, sizeof(r));
    r.nip = p->nip;
    for (int i = 0; i < n; i++) {
        r.pilihan[i] = q->gv->units[units[i]].kode;
    }
    r.n_pilihan = n;
    r.alasan = (enum permohonan_alasan)a;
    r.keterangan = notes[a];
    r.tanggal = date_add_months(date_from_ymd(2026, 1, 5),
                                (int)rng_range(&q->g->rng, 0, 5)) +
                (int32_t)rng_range(&q->g->rng, 0, 20);
    r.status = PERMOHONAN_DIAJUKAN;
    check(q->g, rec_permohonan_format(&r, &q->g->line));
    put_line(q->g, REC_PERMOHONAN);
}

/* The next person without a request yet, eligible when 'eligible'. */
static int
next_person(struct req_ctx *q, bool eligible)
{
    for (; q->next < q->gv->n_people; q->next++) {
        int i = q->order[q->next];
        if (!q->used[i] && (!eligible || q->gv->people[i].aps_ok)) {
            q->next++;
            return i;
        }
    }
    return -1;
}

/* Someone else eligible in the same position but another unit, and not in
 * any of 'avoid' ('n_avoid' units). */
static int
partner(struct req_ctx *q, int who, const int *avoid, int n_avoid)
{
    const struct gperson *p = &q->gv->people[who];
    size_t n = q->gv->n_people;
    size_t start = (size_t)rng_range(&q->g->rng, 0, (int64_t)n - 1);
    for (size_t k = 0; k < n; k++) {
        int i = (int)((start + k) % n);
        const struct gperson *c = &q->gv->people[i];
        bool clash = false;
        for (int a = 0; a < n_avoid; a++) {
            clash = clash || c->unit == avoid[a];
        }
        if (!q->used[i] && c->aps_ok && c->jab == p->jab && !clash) {
            return i;
        }
    }
    return -1;
}

/* A ring of 'len' people in one position, each asking for the next one's
 * unit: 2 is a swap, 3 a cycle; only together can they all move. */
static void
ring(struct req_ctx *q, int len)
{
    int who[3];
    int units[3];
    who[0] = next_person(q, true);
    if (who[0] < 0) {
        return;
    }
    units[0] = q->gv->people[who[0]].unit;
    for (int k = 1; k < len; k++) {
        who[k] = partner(q, who[0], units, k);
        if (who[k] < 0) {
            return;
        }
        units[k] = q->gv->people[who[k]].unit;
        q->used[who[k]] = true;
    }
    q->used[who[0]] = true;
    for (int k = 0; k < len; k++) {
        write_request(q, &q->gv->people[who[k]], &units[(k + 1) % len], 1);
    }
}

/* One request with 1 to 3 choices among units where colleagues in the
 * same position work; a few come from staff who are not eligible. */
static void
single(struct req_ctx *q)
{
    int who = next_person(q, !rng_chance(&q->g->rng, 100));
    int units[4]; /* The own unit, then up to three choices. */
    int n = 0;
    if (who < 0) {
        return;
    }
    units[n++] = q->gv->people[who].unit;
    int want = (int)rng_range(&q->g->rng, 1, 3);
    for (int tries = 0; tries < 20 && n <= want; tries++) {
        int c = partner(q, who, units, n);
        if (c < 0) {
            break;
        }
        units[n++] = q->gv->people[c].unit;
    }
    q->used[who] = true;
    if (n > 1) {
        write_request(q, &q->gv->people[who], units + 1, n - 1);
    }
}

static void
write_requests(struct gen *g, struct gov *gv, long n_pns)
{
    struct req_ctx q = {g, gv, NULL, NULL, 0};
    size_t n = gv->n_people;
    if (n < 2) {
        return;
    }
    q.order = xcalloc(n, sizeof(int));
    q.used = xcalloc(n, sizeof(bool));
    for (size_t i = 0; i < n; i++) {
        q.order[i] = (int)i;
    }
    for (size_t i = n - 1; i > 0; i--) {
        size_t j = (size_t)rng_range(&g->rng, 0, (int64_t)i);
        int t = q.order[i];
        q.order[i] = q.order[j];
        q.order[j] = t;
    }
    long total = n_pns * 45 / 1000; /* About 4.5% of PNS ask a year. */
    long rings = total / 8;
    for (long k = 0; k < rings; k++) {
        ring(&q, k % 4 == 3 ? 3 : 2);
    }
    for (long k = 0; k < total - rings * 2; k++) {
        single(&q);
    }
    free(q.order);
    free(q.used);
}

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

static struct gunit *
synthetic_unit(struct gen *g, struct gov *gv, const char *suffix,
               const char *nama, const char *induk, enum unit_jenis jenis,
               enum tmpl tm)
{
    char kode[KODE_LEN];
    char parent[KODE_LEN];
    snprintf(kode, sizeof(kode), "%s.%s", gv->kode, suffix);
    snprintf(parent, sizeof(parent), "%s%s%s", gv->kode, induk ? "." : "",
             induk ? induk : "");
    struct gunit *u = add_unit(gv, kode, nama, parent, jenis, tm);
    near(g, gv->lat, gv->lon, 0.12, &u->lat, &u->lon);
    return u;
}

static void
synthetic_offices(struct gen *g, struct gov *gv, const struct shape *s)
{
    for (size_t i = 0; i < sizeof(mataram_opd) / sizeof(mataram_opd[0]); i++) {
        const struct opd_def *d = &mataram_opd[i];
        bool bagian = strncmp(d->kode, "SETDA.", 6) == 0;
        struct gunit *u = synthetic_unit(
            g, gv, d->kode, d->nama, bagian ? "SETDA" : NULL,
            bagian ? UNIT_BIDANG : UNIT_OPD, bagian ? TM_BAGIAN : TM_OPD);
        u->tech = d->tech;
        u->size = (int)lround(d->size * s->office);
    }
    char nama[NAMA_LEN];
    snprintf(nama, sizeof(nama), "RSUD %s", gv->nama + strlen("Pemerintah "));
    synthetic_unit(g, gv, "RSUD", nama, NULL, UNIT_RSUD, TM_RSUD);
}

static void
synthetic_school(struct gen *g, struct gov *gv, const char *level, int n,
                 const char *place, bool rural)
{
    char suffix[24];
    char nama[NAMA_LEN];
    bool sd = strcmp(level, "SD") == 0;
    snprintf(suffix, sizeof(suffix), "%s%04d", level, n);
    snprintf(nama, sizeof(nama), "%s NEGERI %d %s", level, n, place);
    struct gunit *u = synthetic_unit(g, gv, suffix, nama, "DIKBUD",
                                     UNIT_SEKOLAH, sd ? TM_SD : TM_SMP);
    if (sd) {
        draw_rombel(g, u, 1, rural ? 2 : 3, 6);
    } else {
        draw_rombel(g, u, rural ? 3 : 5, rural ? 8 : 10, 3);
    }
}

static void
synthetic_region(struct gen *g, struct gov *gv, const struct shape *s,
                 const char *place)
{
    char suffix[32];
    char nama[NAMA_LEN];
    char kec_suffix[16];
    int n_sd = 0;
    int n_smp = 0;
    int n_pkm = 0;
    for (int k = 1; k <= s->n_kec; k++) {
        snprintf(kec_suffix, sizeof(kec_suffix), "KEC%02d", k);
        snprintf(nama, sizeof(nama), "Kecamatan %s %02d", place, k);
        struct gunit *kec = synthetic_unit(g, gv, kec_suffix, nama, NULL,
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
            struct gunit *p = synthetic_unit(g, gv, suffix, nama, "DINKES",
                                             UNIT_PUSKESMAS, TM_PKM);
            p->rawat_inap = rng_chance(&g->rng, 300);
        }
    }
    for (int i = 1; i <= s->n_sma; i++) {
        synthetic_school(g, gv, "SMA", i, place, false);
    }
}

static void
build_synthetic(struct gen *g, struct gov *gv, const struct shape *s,
                const char *place)
{
    struct gunit *root =
        add_unit(gv, gv->kode, gv->nama, NULL, UNIT_LAINNYA, TM_ROOT);
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

#define N_NTB      ((long)(sizeof(ntb) / sizeof(ntb[0])))
#define N_NASIONAL 552 /* 38 provinces and 514 kabupaten and kota. */

static const char *const preset_names[] = {"mataram", "provinsi", "nasional"};

enum err
gen_preset_parse(const char *name, enum gen_preset *out)
{
    for (int i = 0; i < 3; i++) {
        if (strcmp(name, preset_names[i]) == 0) {
            *out = (enum gen_preset)i;
            return ERR_OK;
        }
    }
    return ERR_NOTFOUND;
}

const char *
gen_preset_name(enum gen_preset p)
{
    return preset_names[p];
}

long
gen_preset_employees(enum gen_preset p)
{
    static const long n[] = {5600, 60000, 4300000};
    return n[p];
}

static void
ntb_gov(struct gen *g, struct gov *gv, const struct ntb_def *d)
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

/* Government 'i' of the nation: each of 38 provinces first, then its
 * kabupaten and kota; Kota Mataram is the real one. */
static void
nasional_gov(struct gen *g, struct gov *gv, long i)
{
    int p = (int)(i * 38 / N_NASIONAL); /* Province of this government. */
    int first = (int)((p * N_NASIONAL + 37) / 38);
    int k = (int)i - first; /* 0 is the province itself. */
    char place[48];
    if (p == 41 && k == 1) {
        (void)build_mataram(g, gv); /* 52 is NTB; 5271 its real capital. */
        return;
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
}

static void
gov_free(struct gov *gv)
{
    free(gv->units);
    free(gv->people);
    memset(gv, 0, sizeof(*gv));
}

/* Build, write and forget government 'i'. */
static enum err
one_gov(struct gen *g, long i)
{
    struct gov gv;
    enum err rc = ERR_OK;
    memset(&gv, 0, sizeof(gv));
    rng_init(&g->rng, g->o->seed, (uint64_t)i + 1);
    if (g->o->preset == GEN_MATARAM ||
        (g->o->preset == GEN_PROVINSI && ntb[i].place == NULL)) {
        rc = build_mataram(g, &gv);
    } else if (g->o->preset == GEN_PROVINSI) {
        ntb_gov(g, &gv, &ntb[i]);
    } else {
        nasional_gov(g, &gv, i);
    }
    long pns_before = g->stats->n_pns;
    for (size_t u = 0; u < gv.n_units && rc == ERR_OK; u++) {
        write_unit(g, &gv.units[u]);
    }
    for (size_t u = 0; u < gv.n_units && rc == ERR_OK; u++) {
        unit_pairs(g, &gv, (int)u);
    }
    if (rc == ERR_OK) {
        write_requests(g, &gv, g->stats->n_pns - pns_before);
    }
    g->stats->n_govs++;
    gov_free(&gv);
    return rc != ERR_OK ? rc : g->rc;
}

static enum err
write_headers(struct gen *g)
{
    for (int k = 0; k < REC_N_KINDS && g->rc == ERR_OK; k++) {
        check(g, rec_header_format((enum rec_kind)k, &g->line));
        if (g->rc == ERR_OK &&
            fwrite(g->line.data, 1, g->line.len, g->out[k]) != g->line.len) {
            g->rc = ERR_IO;
        }
        buf_reset(&g->line);
    }
    return g->rc;
}

enum err
gen_run(const struct gen_opts *o, FILE *const *out, FILE *progress,
        struct gen_stats *stats)
{
    struct gen g;
    double s = o->n_employees > 0 ? (double)o->n_employees /
                                        (double)gen_preset_employees(o->preset)
                                  : 1.0;
    long n_govs = o->preset == GEN_MATARAM    ? 1
                  : o->preset == GEN_PROVINSI ? N_NTB
                                              : N_NASIONAL;
    memset(&g, 0, sizeof(g));
    memset(stats, 0, sizeof(*stats));
    g.o = o;
    g.out = out;
    g.stats = stats;
    g.today = date_from_ymd(GEN_DATE_Y, GEN_DATE_M, GEN_DATE_D);
    g.scale = s;
    settings_defaults(&g.defaults);
    if (o->preset == GEN_NASIONAL && s < 1) {
        /* A smaller nation has fewer governments of the usual size. */
        n_govs = lround(N_NASIONAL * s) < 1 ? 1 : lround(N_NASIONAL * s);
        g.scale = 1;
    }
    buf_init(&g.line, 0);
    enum err rc = write_headers(&g);
    if (rc == ERR_OK) {
        write_jabatan(&g);
        rc = g.rc;
    }
    for (long i = 0; i < n_govs && rc == ERR_OK; i++) {
        rc = one_gov(&g, i);
        if (progress != NULL && n_govs > 20 && (i + 1) % 50 == 0) {
            fprintf(progress, "gen: %ld/%ld pemerintah, %ld pegawai\n", i + 1,
                    n_govs, stats->n_rows[REC_PEGAWAI]);
        }
    }
    buf_cleanup(&g.line);
    free(g.nips.slots);
    return rc;
}

enum err
gen_readme(const struct gen_opts *o, const struct gen_stats *s, struct buf *out)
{
    enum err rc =
        buf_addf(out,
                 "DATA SINTETIS / SYNTHETIC DATA\n\n"
                 "Dibuat oleh: mutasi gen --preset %s --seed %llu",
                 gen_preset_name(o->preset), (unsigned long long)o->seed);
    if (rc == ERR_OK && o->n_employees > 0) {
        rc = buf_addf(out, " --employees %ld", o->n_employees);
    }
    if (rc != ERR_OK) {
        return rc;
    }
    return buf_addf(
        out,
        "\nTanggal acuan data: %04d-%02d-%02d\n\n"
        "Semua orang, NIP, nama, tanggal lahir, alamat dan permohonan dalam\n"
        "data ini SINTETIS (dibuat acak dari potongan nama yang umum); tidak\n"
        "ada orang nyata yang dimaksud. Nama, kode dan koordinat unit Kota\n"
        "Mataram berasal dari data publik (lihat data/mataram/SOURCES.md);\n"
        "rombel, kebutuhan dan pegawainya sintetis. Unit pemerintah lain\n"
        "seluruhnya sintetis.\n\n"
        "All people, NIPs, names, birth dates, homes and requests here are\n"
        "synthetic (random combinations of common name parts); no real\n"
        "person is meant. Kota Mataram's unit names, codes and coordinates\n"
        "come from public data (data/mataram/SOURCES.md); its study groups,\n"
        "workload and staff are synthetic. Other governments are wholly\n"
        "synthetic.\n\n"
        "pemerintah: %ld\nunit.csv: %ld\njabatan.csv: %ld\nbeban.csv: %ld\n"
        "pegawai.csv: %ld (PNS %ld, PPPK %ld, CPNS %ld)\n"
        "permohonan.csv: %ld\n",
        GEN_DATE_Y, GEN_DATE_M, GEN_DATE_D, s->n_govs, s->n_rows[REC_UNIT],
        s->n_rows[REC_JABATAN], s->n_rows[REC_BEBAN], s->n_rows[REC_PEGAWAI],
        s->n_pns, s->n_pppk, s->n_cpns, s->n_rows[REC_PERMOHONAN]);
}
