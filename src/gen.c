/* SPDX-License-Identifier: MIT */
/* gen: synthetic data sets (io layer).
 *
 * Design: a data set is a list of governments, built and written one at a
 * time (units, workload rows, staff, requests), so memory holds one
 * government, never the nation. For each (unit, position) the generator
 * first decides the workload, writes it as the official method's rows
 * (rombel and JP for teachers, the JP from the curriculum table of
 * kurikulum.c for the chosen curriculum, Kurikulum Merdeka unless
 * gen_opts says otherwise, since gen has no database and so no settings;
 * ABK task rows with standard times for office and nursing work; fixed
 * numbers only where a norm gives them: one head per unit, principals and
 * heads of puskesmas included, and the puskesmas professions, whose
 * numbers are illustrative, see gen_staff.c), then
 * staffs the pair at a fill rate drawn per group, which is where the
 * imbalances come from: a few hundred teachers short and unevenly spread,
 * technical offices far below their need, some schools and offices over.
 * Every draw comes from one SplitMix64 stream per government, seeded from
 * the seed, so the bytes depend on the seed alone.
 *
 * Files: gen.c drives the presets and writes units, positions and
 * requests; gen_staff.c the workload and staff of each unit; gen_mataram.c
 * and gen_national.c build the governments of the presets; gen_int.h is
 * what they share. */
#include "gen.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "gen_cat.h"
#include "gen_int.h"
#include "gen_mataram.h"
#include "gen_national.h"
#include "gen_staff.h"
#include "kurikulum.h"
#include "mem.h"
#include "model.h"
#include "progress.h"
#include "rec.h"
#include "rng.h"
#include "settings.h"

/* --- Output ------------------------------------------------------------ */

void
gen_put_line(struct gen *g, enum rec_kind k)
{
    if (g->rc == ERR_OK &&
        fwrite(g->line.data, 1, g->line.len, g->out[k]) != g->line.len) {
        g->rc = ERR_IO;
    }
    g->stats->n_rows[k]++;
    buf_reset(&g->line);
}

void
gen_check(struct gen *g, enum err rc)
{
    if (rc != ERR_OK && g->rc == ERR_OK) {
        g->rc = rc;
    }
}

/* --- Governments and units -------------------------------------------- */

struct gen_unit *
gen_add_unit(struct gen_gov *gv, const char *kode, const char *nama,
             const char *induk, enum unit_jenis jenis, enum gen_tmpl tm)
{
    xgrow((void **)&gv->units, &gv->cap_units, gv->n_units + 1,
          sizeof(*gv->units));
    struct gen_unit *u = &gv->units[gv->n_units++];
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
write_unit(struct gen *g, const struct gen_unit *u)
{
    struct unit x = {u->kode,
                     u->nama,
                     u->induk[0] ? u->induk : NULL,
                     u->jenis,
                     u->kec[0] ? u->kec : NULL,
                     u->lat,
                     u->lon};
    gen_check(g, rec_unit_format(&x, &g->line));
    gen_put_line(g, REC_UNIT);
}

/* The requirements of a move into a catalogue position: the minimum
 * education of its kind (PP 11/2017: JPT and administrator S1/D4,
 * pengawas D3; functional expert S1, skilled D3, entry level SMA) and the
 * golongan range of its jenjang (ahli pertama III/a-III/b, muda
 * III/c-III/d, madya IV/a-IV/c, utama IV/d-IV/e; pemula II/a, terampil
 * II/b-II/d, mahir III/a-III/b, penyelia III/c-III/d). Pelaksana and
 * structural posts state no golongan range here. */
static void
requirements(const struct gen_jab_def *d, struct jabatan *x)
{
    static const struct {
        const char *jenjang;
        const char *lo;
        const char *hi;
    } ranges[] = {
        {"pertama", "III/a", "III/b"}, {"muda", "III/c", "III/d"},
        {"madya", "IV/a", "IV/c"},     {"utama", "IV/d", "IV/e"},
        {"pemula", "II/a", "II/a"},    {"terampil", "II/b", "II/d"},
        {"mahir", "III/a", "III/b"},   {"penyelia", "III/c", "III/d"}};
    switch (d->jenis) {
    case JAB_JPT:
    case JAB_ADMINISTRATOR:
    case JAB_FUNGSIONAL_KEAHLIAN:
        x->pendidikan_min = PEND_S1;
        break;
    case JAB_PENGAWAS:
        x->pendidikan_min = PEND_D3;
        break;
    case JAB_FUNGSIONAL_KETERAMPILAN:
        x->pendidikan_min = d->jenjang && strcmp(d->jenjang, "pemula") == 0
                                ? PEND_SMA
                                : PEND_D3;
        break;
    case JAB_PELAKSANA:
        x->pendidikan_min = PEND_SMA;
        break;
    }
    bool fungsional = d->jenis == JAB_FUNGSIONAL_KEAHLIAN ||
                      d->jenis == JAB_FUNGSIONAL_KETERAMPILAN;
    for (size_t k = 0; fungsional && d->jenjang != NULL &&
                       k < sizeof(ranges) / sizeof(ranges[0]);
         k++) {
        if (strcmp(d->jenjang, ranges[k].jenjang) == 0) {
            x->golongan_min = ranges[k].lo;
            x->golongan_max = ranges[k].hi;
        }
    }
}

static void
write_jabatan(struct gen *g)
{
    for (int j = 0; j < J_N; j++) {
        const struct gen_jab_def *d = &gen_jabs[j];
        struct jabatan x = {d->kode,    d->nama,       d->jenis,
                            d->jenjang, d->kelompok,   d->group == GROUP_GURU,
                            0,          d->kompetensi, -1,
                            NULL,       NULL};
        requirements(d, &x);
        gen_check(g, rec_jabatan_format(&x, &g->line));
        gen_put_line(g, REC_JABATAN);
    }
}

/* Rombel per grade: mostly 1-3 at SD, 5-11 at SMP, scaled. */
void
gen_draw_rombel(struct gen *g, struct gen_unit *u, int lo, int hi, int n_grades)
{
    for (int k = 0; k < n_grades; k++) {
        int r = (int)lround((double)rng_range(&g->rng, lo, hi) * g->scale);
        u->rombel[k] = r < 1 ? 1 : r;
    }
}

void
gen_near(struct gen *g, double lat, double lon, double spread, double *olat,
         double *olon)
{
    double dy = (double)rng_range(&g->rng, -1000, 1000) / 1000.0 * spread;
    double dx = (double)rng_range(&g->rng, -1000, 1000) / 1000.0 * spread;
    *olat = round((lat + dy) * 1e6) / 1e6;
    *olon = round((lon + dx) * 1e6) / 1e6;
}

/* --- Transfer requests -----------------------------------------------------
 */

struct req_ctx {
    struct gen *g;
    struct gen_gov *gv;
    int *order;  /* People in a random order. */
    bool *used;  /* Has a request already. */
    size_t next; /* Next place in 'order' to look at. */
};

static void
write_request(struct req_ctx *q, const struct gen_person *p, const int *units,
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
    gen_check(q->g, rec_permohonan_format(&r, &q->g->line));
    gen_put_line(q->g, REC_PERMOHONAN);
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
    const struct gen_person *p = &q->gv->people[who];
    size_t n = q->gv->n_people;
    size_t start = (size_t)rng_range(&q->g->rng, 0, (int64_t)n - 1);
    for (size_t k = 0; k < n; k++) {
        int i = (int)((start + k) % n);
        const struct gen_person *c = &q->gv->people[i];
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
write_requests(struct gen *g, struct gen_gov *gv, long n_pns)
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

/* --- Presets ------------------------------------------------------------- */

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

/* The name of preset 'p'. */
static const char *
gen_preset_name(enum gen_preset p)
{
    return preset_names[p];
}

/* The preset's own staff size (about). */
static long
gen_preset_employees(enum gen_preset p)
{
    static const long n[] = {5600, 60000, 4300000};
    return n[p];
}

static void
gov_free(struct gen_gov *gv)
{
    free(gv->units);
    free(gv->people);
    memset(gv, 0, sizeof(*gv));
}

/* Build, write and forget government 'i'. */
static enum err
one_gov(struct gen *g, long i)
{
    struct gen_gov gv;
    enum err rc = ERR_OK;
    memset(&gv, 0, sizeof(gv));
    rng_init(&g->rng, g->o->seed, (uint64_t)i + 1);
    if (g->o->preset == GEN_MATARAM) {
        rc = gen_mataram_build(g, &gv);
    } else if (g->o->preset == GEN_PROVINSI) {
        rc = gen_national_build_provinsi(g, &gv, i);
    } else {
        rc = gen_national_build_nasional(g, &gv, i);
    }
    long pns_before = g->stats->n_pns;
    for (size_t u = 0; u < gv.n_units && rc == ERR_OK; u++) {
        write_unit(g, &gv.units[u]);
    }
    for (size_t u = 0; u < gv.n_units && rc == ERR_OK; u++) {
        gen_staff_unit(g, &gv, (int)u);
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
        gen_check(g, rec_header_format((enum rec_kind)k, &g->line));
        if (g->rc == ERR_OK &&
            fwrite(g->line.data, 1, g->line.len, g->out[k]) != g->line.len) {
            g->rc = ERR_IO;
        }
        buf_reset(&g->line);
    }
    return g->rc;
}

enum err
gen_run(const struct gen_opts *o, FILE *const *out, bool progress,
        struct gen_stats *stats)
{
    struct gen g;
    double s = o->n_employees > 0 ? (double)o->n_employees /
                                        (double)gen_preset_employees(o->preset)
                                  : 1.0;
    long n_govs = o->preset == GEN_MATARAM    ? 1
                  : o->preset == GEN_PROVINSI ? GEN_NATIONAL_N_PROVINSI
                                              : GEN_NATIONAL_N_NASIONAL;
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
        n_govs = lround(GEN_NATIONAL_N_NASIONAL * s) < 1
                     ? 1
                     : lround(GEN_NATIONAL_N_NASIONAL * s);
        g.scale = 1;
    }
    buf_init(&g.line, 0);
    enum err rc = write_headers(&g);
    if (rc == ERR_OK) {
        write_jabatan(&g);
        rc = g.rc;
    }
    struct progress *pr =
        progress ? progress_begin("gen", L_("pegawai", "staff"), n_govs) : NULL;
    for (long i = 0; i < n_govs && rc == ERR_OK; i++) {
        rc = one_gov(&g, i);
        progress_set(pr, i + 1, stats->n_rows[REC_PEGAWAI]);
    }
    progress_end(pr);
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
    if (rc == ERR_OK && o->kurikulum != KURIKULUM_MERDEKA) {
        rc = buf_addf(out, " --kurikulum %s", kurikulum_name(o->kurikulum));
    }
    if (rc != ERR_OK) {
        return rc;
    }
    rc = buf_addf(
        out,
        "\nTanggal acuan data: %04d-%02d-%02d\n"
        "Jam pelajaran guru: %s (tabel %s)\n\n"
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
        "permohonan.csv: %ld\nkinerja.csv: %ld\n",
        GEN_DATE_Y, GEN_DATE_M, GEN_DATE_D,
        o->kurikulum == KURIKULUM_K13 ? "Kurikulum 2013" : "Kurikulum Merdeka",
        KURIKULUM_TABLE_VERSION, s->n_govs, s->n_rows[REC_UNIT],
        s->n_rows[REC_JABATAN], s->n_rows[REC_BEBAN], s->n_rows[REC_PEGAWAI],
        s->n_pns, s->n_pppk, s->n_cpns, s->n_rows[REC_PERMOHONAN],
        s->n_rows[REC_KINERJA]);
    return rc == ERR_OK && s->n_pppk_pw > 0
               ? buf_addf(
                     out,
                     "Di samping itu %ld PPPK paruh waktu (dihitung "
                     "terpisah, tidak dalam bezetting kecuali diberi bobot; "
                     "Kota Mataram memberi NIP kepada 3 067 pada Desember "
                     "2025).\n",
                     s->n_pppk_pw)
               : rc;
}
