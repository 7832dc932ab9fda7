/* SPDX-License-Identifier: MIT */
/* gen_staff: the workload and staff of each unit of a generated
 * government (io layer): the workload rows by the official method, then
 * people drawn at the group's fill rate, with names, NIPs and careers. */
#include "gen_staff.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "gen_cat.h"
#include "gen_int.h"
#include "kurikulum.h"
#include "mem.h"
#include "model.h"
#include "nip.h"
#include "rec.h"
#include "rng.h"
#include "rules.h"

#define WKE 75000 /* Minutes a year (domain.md; the default). */

/* Add 'v' to 's'; false when it is there already. */
static bool
nipset_add(struct gen_nipset *s, uint64_t v)
{
    if ((s->n + 1) * 2 > s->cap) {
        struct gen_nipset old = *s;
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

/* --- People ------------------------------------------------------------ */

static const char *
pick(struct gen *g, const char *const *list)
{
    return list[rng_pick(&g->rng, gen_count(list))];
}

/* A surname of sex 'jk': one of its own list, or now and then one used
 * by both sexes. */
static const char *
pick_last(struct gen *g, char jk)
{
    if (rng_chance(&g->rng, 100)) {
        return pick(g, gen_last);
    }
    return pick(g, jk == 'L' ? gen_male_last : gen_female_last);
}

/* An Indonesian-looking name of sex 'jk' (the NIP's sex digit) from name
 * parts, with the position's usual title: general Indonesian names most,
 * Sasak names with their noble title (Lalu, Baiq) some, Balinese some,
 * and always Balinese when 'bali' (a teacher of Hindu religion). Every
 * part is of the person's sex. */
static void
make_name(struct gen *g, char jk, const char *gelar, bool bali,
          char out[GEN_NAMA_LEN])
{
    int style = (int)rng_range(&g->rng, 0, 99);
    bool male = jk == 'L';
    const char *const *first = male ? gen_male_first : gen_female_first;
    if (bali) {
        style = 0;
    }
    const char *a = NULL;
    const char *b = NULL;
    const char *c = "";
    if (style < 15) {
        a = pick(g, male ? gen_bali_male : gen_bali_female);
        b = pick(g, male ? gen_bali_male_last : gen_bali_female_last);
    } else if (style < 30) {
        a = pick(g, male ? gen_sasak_male : gen_sasak_female);
        b = pick(g, first);
        c = style % 2 == 0 ? pick_last(g, jk) : "";
    } else {
        a = pick(g, first);
        b = style < 65 ? pick_last(g, jk) : pick(g, first);
        if (strcmp(a, b) == 0) {
            b = pick_last(g, jk);
        }
        c = style % 3 == 0 ? pick_last(g, jk) : "";
    }
    if (strcmp(b, c) == 0) {
        c = "";
    }
    snprintf(out, GEN_NAMA_LEN, "%s %s%s%s%s%s", a, b, *c ? " " : "", c,
             gelar ? ", " : "", gelar ? gelar : "");
}

/* BUP of catalogue position 'j' by the rules, under default settings. */
static int
bup_of(const struct gen *g, enum gen_jab j)
{
    const struct gen_jab_def *d = &gen_jabs[j];
    struct jabatan x = {d->kode,    d->nama,       d->jenis,
                        d->jenjang, d->kelompok,   d->group == GROUP_GURU,
                        0,          d->kompetensi, -1,
                        NULL,       NULL};
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
        } else if (model_status_is_pppk(st)) {
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
        if (model_status_is_pppk(p->status)) {
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
    } else if (p->status == STATUS_PPPK_PW) {
        /* Kota Mataram's part-time PPPK: TMT 1 October 2025, NIPs given
         * in December 2025 (data/mataram/angka_asn.csv). */
        p->angkat_y = 2025;
        p->angkat_m = 0;
        p->tmt = date_from_ymd(2025, 10, 1);
        return;
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
    if (p->status == STATUS_PPPK_PW) {
        return NULL; /* Part-time PPPK are appointed without a golongan. */
    }
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

/* The SKP ratings of person 'p' for each year from their appointment
 * (at most five back) to the data's year, written to kinerja.csv; the
 * data's own year stands for its running appraisal, so that plans made
 * in the following year find two rated years. Most are 'baik', some
 * 'sangat_baik', a few below. Returns the lowest rating of the last two
 * whole years (SKP_SANGAT_BAIK when there is none to judge). */
static enum skp_predikat
write_kinerja(struct gen *g, const struct person *p, const char *nip)
{
    enum skp_predikat low = SKP_SANGAT_BAIK;
    int from = p->angkat_y > GEN_DATE_Y - 4 ? p->angkat_y : GEN_DATE_Y - 4;
    for (int y = from; y <= GEN_DATE_Y; y++) {
        int r = (int)rng_range(&g->rng, 0, 999);
        enum skp_predikat v = r < 770   ? SKP_BAIK
                              : r < 950 ? SKP_SANGAT_BAIK
                              : r < 990 ? SKP_BUTUH_PERBAIKAN
                              : r < 997 ? SKP_KURANG
                                        : SKP_SANGAT_KURANG;
        struct kinerja k = {nip, y, v};
        gen_check(g, rec_kinerja_format(&k, &g->line));
        gen_put_line(g, REC_KINERJA);
        if (y >= GEN_DATE_Y - 2 && v < low) {
            low = v;
        }
    }
    return low;
}

static void
keep_person(struct gen_gov *gv, const struct pegawai *x, int unit,
            enum gen_jab j, bool aps_ok)
{
    xgrow((void **)&gv->people, &gv->cap_people, gv->n_people + 1,
          sizeof(*gv->people));
    struct gen_person *q = &gv->people[gv->n_people++];
    snprintf(q->nip, sizeof(q->nip), "%s", x->nip);
    q->unit = unit;
    q->jab = j;
    q->aps_ok = aps_ok;
    q->lat = x->lat;
    q->lon = x->lon;
}

static void
write_person(struct gen *g, struct gen_gov *gv, int unit, enum gen_jab j,
             enum pegawai_status st)
{
    const struct gen_unit *u = &gv->units[unit];
    const struct gen_jab_def *d = &gen_jabs[j];
    struct person p = {st, draw_sex(g, j), 0, 0, 0, 0};
    char nip[NIP_LEN + 1];
    char nama[GEN_NAMA_LEN];
    p.lahir = draw_birth(g, st, bup_of(g, j));
    draw_appointment(g, &p);
    make_nip(g, &p, nip);
    enum edu e = education(g, j);
    make_name(g, p.jk, e >= EDU_S1 ? d->gelar : NULL, j == J_GURU_HINDU, nama);
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
        gen_near(g, lat, lon, 0.025, &x.lat, &x.lon);
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
    gen_check(g, rec_pegawai_format(&x, &g->line));
    gen_put_line(g, REC_PEGAWAI);
    g->stats->n_pns += st == STATUS_PNS;
    g->stats->n_pppk += st == STATUS_PPPK;
    g->stats->n_cpns += st == STATUS_CPNS;
    g->stats->n_pppk_pw += st == STATUS_PPPK_PW;
    bool skp_ok = write_kinerja(g, &p, nip) >= SKP_BAIK;
    keep_person(gv, &x, unit, j, skp_ok && aps_eligible(g, &p, j, &x));
}

/* --- Workload and staff ------------------------------------------------- */

static void
write_beban(struct gen *g, const struct gen_unit *u, enum gen_jab j,
            const char *tugas, int64_t volume_milli, int64_t norma_milli,
            enum beban_metode metode)
{
    struct beban b = {u->kode,     gen_jabs[j].kode, tugas,     volume_milli,
                      norma_milli, metode,           DATE_NONE, DATE_NONE};
    gen_check(g, rec_beban_format(&b, &g->line));
    gen_put_line(g, REC_BEBAN);
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
staff(struct gen *g, struct gen_gov *gv, int unit, enum gen_jab j, double need,
      double office_fill)
{
    enum gen_group grp = gen_jabs[j].group;
    double fill = grp == GROUP_GURU        ? 0.85 + 0.30 * noise(g)
                  : grp == GROUP_KESEHATAN ? 0.92 + 0.25 * noise(g)
                  : grp == GROUP_TEKNIS    ? office_fill * (1 + 0.2 * noise(g))
                                           : (rng_chance(&g->rng, 80) ? 0 : 1);
    long h = lround(need * fill);
    for (long i = 0; i < h; i++) {
        write_person(g, gv, unit, j, draw_status(g, grp));
    }
    /* Kota Mataram's 3 067 part-time PPPK beside its 5 580 PNS and PPPK
     * (0.55 each; 0.58 where they serve), in schools, health and offices,
     * never in structural
     * posts (data/mataram/angka_asn.csv). */
    if (g->o->preset == GEN_MATARAM && grp != GROUP_STRUKTURAL) {
        double want = (double)h * 0.58 * (1 + 0.3 * noise(g));
        long pw = (long)want; /* The fraction by chance: small pairs too. */
        pw += rng_chance(&g->rng, (int)((want - (double)pw) * 1000));
        for (long i = 0; i < pw; i++) {
            write_person(g, gv, unit, j, STATUS_PPPK_PW);
        }
    }
}

static void
pair_tetap(struct gen *g, struct gen_gov *gv, int unit, enum gen_jab j,
           long need)
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
write_tasks(struct gen *g, const struct gen_unit *u, enum gen_jab j,
            double need)
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
pair_tugas(struct gen *g, struct gen_gov *gv, int unit, enum gen_jab j,
           double need, double office_fill)
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
write_surge(struct gen *g, const struct gen_unit *u)
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
    gen_check(g, rec_beban_format(&b, &g->line));
    gen_put_line(g, REC_BEBAN);
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
pair_rombel(struct gen *g, struct gen_gov *gv, int unit)
{
    const struct gen_unit *u = &gv->units[unit];
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

/* The grade of the curriculum table for grade index 'k' of unit 'u':
 * SD 1-6, SMP 7-9. The SMA of the synthetic governments (first grade X)
 * borrow the SMP rows: the table holds no SMA structure. */
static int
table_grade(const struct gen_unit *u, int k)
{
    return u->tmpl == TM_SD ? k + 1 : 7 + k;
}

static int
n_grades_of(const struct gen_unit *u)
{
    return u->tmpl == TM_SD ? 6 : 3;
}

/* The index in grade_names[] of the unit's first grade (SMA: X). */
static int
first_grade_of(const struct gen_unit *u)
{
    if (u->tmpl == TM_SD) {
        return 0;
    }
    return strncmp(u->nama, "SMA", 3) == 0 ? 9 : 6;
}

static const char *const grade_names[] = {
    "1", "2", "3", "4", "5", "6", "VII", "VIII", "IX", "X", "XI", "XII"};

/* A subject pair: per grade, rombel x the curriculum's weekly JP. No pair
 * when the curriculum does not teach the subject there. */
static void
pair_jp(struct gen *g, struct gen_gov *gv, int unit, enum gen_jab j,
        enum mapel m)
{
    const struct gen_unit *u = &gv->units[unit];
    char tugas[96];
    long hours = 0;
    for (int k = 0; k < n_grades_of(u); k++) {
        hours += (long)u->rombel[k] *
                 kurikulum_jp(g->o->kurikulum, m, table_grade(u, k));
    }
    if (hours == 0) {
        return;
    }
    for (int k = 0; k < n_grades_of(u); k++) {
        int jp = kurikulum_jp(g->o->kurikulum, m, table_grade(u, k));
        snprintf(tugas, sizeof(tugas), "Kelas %s: %d rombel x %d JP",
                 grade_names[first_grade_of(u) + k], u->rombel[k], jp);
        if (jp > 0) {
            write_beban(g, u, j, tugas, (int64_t)u->rombel[k] * jp * 1000, -1,
                        METODE_JP);
        }
    }
    staff(g, gv, unit, j, (double)teacher_need(hours), 1.0);
}

/* Religions other than Islam that local schools teach; Khonghucu is left
 * out (too few pupils anywhere in the synthetic data to need a teacher). */
enum faith { FAITH_HINDU, FAITH_KRISTEN, FAITH_KATOLIK, FAITH_BUDDHA, FAITH_N };

static const enum gen_jab faith_jab[FAITH_N] = {J_GURU_HINDU, J_GURU_KRISTEN,
                                                J_GURU_KATOLIK, J_GURU_BUDDHA};
static const char *const faith_name[FAITH_N] = {"Hindu", "Kristen", "Katolik",
                                                "Buddha"};

/* Pupils' mean shares per mille by kecamatan of Kota Mataram. The city as a
 * whole is 82.48% Muslim, 13.72% Hindu and 0.92% Buddhist (Kemendagri's
 * population data of 30 June 2024, as quoted by Wikipedia's "Kota
 * Mataram"); the remaining 2.9% is mostly Christian. The Hindu Balinese
 * live mostly in Cakranegara and around it; the split by kecamatan below is
 * SYNTHETIC, chosen so that the city's share stays near 14%. */
static const struct {
    const char *kec;
    int share[FAITH_N];
} mataram_faiths[] = {
    {"Cakranegara", {330, 20, 12, 14}}, {"Mataram", {170, 20, 12, 10}},
    {"Sandubaya", {120, 12, 6, 6}},     {"Selaparang", {110, 16, 9, 8}},
    {"Ampenan", {60, 18, 10, 12}},      {"Sekarbela", {20, 8, 4, 4}},
};
/* Elsewhere (synthetic governments): about the nation's shares. */
static const int other_faiths[FAITH_N] = {17, 70, 29, 7};

/* A school's pupils of faith 'f' per mille: its kecamatan's mean, varied
 * between half and one and a half of it. */
static int
faith_share(struct gen *g, const struct gen_gov *gv, const struct gen_unit *u,
            enum faith f)
{
    int mean = other_faiths[f];
    size_t n = strcmp(gv->kode, "5271") == 0
                   ? sizeof(mataram_faiths) / sizeof(mataram_faiths[0])
                   : 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(u->kec, mataram_faiths[i].kec) == 0) {
            mean = mataram_faiths[i].share[f];
        }
    }
    return (int)(mean * rng_range(&g->rng, 50, 150) / 100);
}

/* Religion lessons of faith 'f' for the school's pupils of that faith,
 * when the school has at least FAITH_MIN of them: fewer are taught by a
 * teacher posted at a nearby school with more (our threshold; we found no
 * legal minimum to cite). A small minority is taught in groups of up to
 * GROUP_MAX pupils per phase of the curriculum (SD: grades 1-2, 3-4, 5-6;
 * SMP: 7-9), each group for the weekly JP of the phase's first grade. */
#define FAITH_MIN 40
#define GROUP_MAX 32
static void
pair_faith(struct gen *g, struct gen_gov *gv, int unit, const int *siswa,
           enum faith f)
{
    const struct gen_unit *u = &gv->units[unit];
    int share = faith_share(g, gv, u, f);
    int per_phase = u->tmpl == TM_SD ? 2 : 3;
    int pupils[3] = {0, 0, 0};
    int total = 0;
    long hours = 0;
    char tugas[96];
    for (int k = 0; k < n_grades_of(u); k++) {
        int p = (int)lround((double)siswa[k] * share / 1000.0);
        pupils[k / per_phase] += p;
        total += p;
    }
    if (total < FAITH_MIN) {
        return;
    }
    for (int ph = 0; ph * per_phase < n_grades_of(u); ph++) {
        int k = ph * per_phase;
        int groups = (pupils[ph] + GROUP_MAX - 1) / GROUP_MAX;
        int jp = kurikulum_jp(g->o->kurikulum, MAPEL_AGAMA, table_grade(u, k));
        if (groups == 0 || jp == 0) {
            continue;
        }
        snprintf(tugas, sizeof(tugas),
                 "Kelas %s-%s: %d siswa %s, %d kelompok x %d JP",
                 grade_names[first_grade_of(u) + k],
                 grade_names[first_grade_of(u) + k + per_phase - 1], pupils[ph],
                 faith_name[f], groups, jp);
        write_beban(g, u, faith_jab[f], tugas, (int64_t)groups * jp * 1000, -1,
                    METODE_JP);
        hours += (long)groups * jp;
    }
    staff(g, gv, unit, faith_jab[f], (double)teacher_need(hours), 1.0);
}

/* Guidance and counselling (BK) at SMP: Permendikbud 111/2014 sets one
 * counsellor for 150 pupils, and a counsellor's 24 JP a week are counted as
 * serving 150 pupils. We write it as a 'jp' row of 24 JP per 150 pupils
 * (0.16 JP a pupil) rather than as a fixed need: the need then follows the
 * pupils with the teachers' rounding and 24-40 JP band (150 to 250 pupils
 * per counsellor), and a counsellor is rated like other teachers. */
static void
pair_bk(struct gen *g, struct gen_gov *gv, int unit, const int *siswa)
{
    const struct gen_unit *u = &gv->units[unit];
    int pupils = 0;
    char tugas[96];
    for (int k = 0; k < n_grades_of(u); k++) {
        pupils += siswa[k];
    }
    snprintf(tugas, sizeof(tugas), "Layanan BK: %d siswa (150 siswa = 24 JP)",
             pupils);
    int64_t milli = (int64_t)pupils * 160; /* 24 / 150 JP each, x 1000. */
    write_beban(g, u, J_GURU_BK, tugas, milli, -1, METODE_JP);
    staff(g, gv, unit, J_GURU_BK, (double)teacher_need(milli / 1000), 1.0);
}

/* One fixed head of a unit, vacant at 'vacant' per mille (realistic: a
 * post waits for its appointment). */
static void
pair_head(struct gen *g, struct gen_gov *gv, int unit, enum gen_jab j,
          int vacant)
{
    write_beban(g, &gv->units[unit], j, gen_jabs[j].nama, 1000, -1,
                METODE_TETAP);
    if (!rng_chance(&g->rng, vacant)) {
        write_person(g, gv, unit, j, STATUS_PNS); /* Heads are PNS. */
    }
}

static void
school_pairs(struct gen *g, struct gen_gov *gv, int unit)
{
    static const struct {
        enum gen_jab j;
        enum mapel m;
    } smp[] = {{J_GURU_PAI, MAPEL_AGAMA},
               {J_GURU_PPKN, MAPEL_PANCASILA},
               {J_GURU_BINDO, MAPEL_BINDO},
               {J_GURU_MTK, MAPEL_MTK},
               {J_GURU_IPA, MAPEL_IPA},
               {J_GURU_IPS, MAPEL_IPS},
               {J_GURU_BING, MAPEL_BING},
               {J_GURU_SENBUD, MAPEL_SENI},
               {J_GURU_PJOK, MAPEL_PJOK},
               {J_GURU_PRAKARYA, MAPEL_PRAKARYA},
               {J_GURU_INFORMATIKA, MAPEL_INFORMATIKA}};
    const struct gen_unit *u = &gv->units[unit];
    bool sd = u->tmpl == TM_SD;
    int siswa[6];
    /* Synthetic pupils per grade: up to 28 a study group at SD, 32 at
     * SMP, the usual maximums, most groups a little below. */
    for (int k = 0; k < n_grades_of(u); k++) {
        siswa[k] = u->rombel[k] * (int)(sd ? rng_range(&g->rng, 20, 28)
                                           : rng_range(&g->rng, 26, 32));
    }
    pair_head(g, gv, unit, J_KEPALA_SEKOLAH, 60);
    if (sd) {
        pair_rombel(g, gv, unit);
        pair_jp(g, gv, unit, J_GURU_PAI, MAPEL_AGAMA);
        pair_jp(g, gv, unit, J_GURU_PJOK, MAPEL_PJOK);
    } else {
        for (size_t i = 0; i < sizeof(smp) / sizeof(smp[0]); i++) {
            pair_jp(g, gv, unit, smp[i].j, smp[i].m);
        }
        pair_bk(g, gv, unit, siswa);
    }
    for (int f = 0; f < FAITH_N; f++) {
        pair_faith(g, gv, unit, siswa, (enum faith)f);
    }
    if (!sd) {
        pair_tugas(g, gv, unit, J_PENGADM, 1.5, 0.6);
    }
}

/* Puskesmas staffing by profession. Permenkes 19/2024 (which replaced
 * 43/2019, itself replacing 75/2014) sets the professions of a puskesmas
 * and adds epidemiologists, clinical psychologists, physiotherapists and
 * dental therapists to the older list. The numbers here are ILLUSTRATIVE:
 * the older minimums of Permenkes 75/2014 for an urban puskesmas without /
 * with inpatient care (doctor 1/2, dentist 1/1, midwife 4/7, public health
 * 2/2, environmental health 1/1, lab 1/1, nutrition 1/2, pharmacy 1/2,
 * support 2/2), and one of each profession that 19/2024 adds (we have not
 * verified numbers of 19/2024 itself). Nursing and administration come
 * from task rows instead; every puskesmas has a head (Kepala Puskesmas, a
 * health professional with the added duty). */
static void
puskesmas_pairs(struct gen *g, struct gen_gov *gv, int unit)
{
    static const struct {
        enum gen_jab j;
        int plain;
        int inpatient;
    } norms[] = {{J_DOKTER, 1, 2},          {J_DOKTER_GIGI, 1, 1},
                 {J_BIDAN, 4, 7},           {J_PROMKES, 2, 2},
                 {J_SANITARIAN, 1, 1},      {J_PRANATA_LAB, 1, 1},
                 {J_NUTRISIONIS, 1, 2},     {J_APOTEKER, 1, 2},
                 {J_PENGELOLA_UMUM, 2, 2},  {J_EPIDEMIOLOG, 1, 1},
                 {J_PSIKOLOG_KLINIS, 1, 1}, {J_FISIOTERAPIS, 1, 1},
                 {J_TERAPIS_GIGI, 1, 1}};
    pair_head(g, gv, unit, J_KEPALA_PUSKESMAS, 90);
    const struct gen_unit *u = &gv->units[unit];
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
rsud_pairs(struct gen *g, struct gen_gov *gv, int unit)
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
    return (double)rng_range(&g->rng, 13, 40) / 100.0;
}

static void
office_pairs(struct gen *g, struct gen_gov *gv, int unit)
{
    const struct gen_unit *u = &gv->units[unit];
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

void
gen_staff_unit(struct gen *g, struct gen_gov *gv, int unit)
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
