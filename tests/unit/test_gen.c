/* SPDX-License-Identifier: MIT */
/* Unit tests of the synthetic data generator: determinism, the shape of
 * the Kota Mataram preset (units per type, status split, requests), valid
 * and unique NIPs, needs from task rows, and every row readable by the
 * importer's own record parser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csv.h"
#include "date.h"
#include "gen.h"
#include "gen_cat.h"
#include "map.h"
#include "model.h"
#include "nip.h"
#include "rec.h"

/* A data set generated into memory. */
struct dataset {
    char *text[REC_N_KINDS];
    size_t len[REC_N_KINDS];
    struct gen_stats stats;
};

static void
generate_in(const struct gen_opts *o, struct dataset *out)
{
    FILE *f[REC_N_KINDS];
    for (int k = 0; k < REC_N_KINDS; k++) {
        f[k] = open_memstream(&out->text[k], &out->len[k]);
        assert_non_null(f[k]);
    }
    assert_int_equal(gen_run(o, f, false, &out->stats), ERR_OK);
    for (int k = 0; k < REC_N_KINDS; k++) {
        assert_int_equal(fclose(f[k]), 0);
    }
}

static void
generate(enum gen_preset p, long n, uint64_t seed, struct dataset *out)
{
    struct gen_opts o = {p, n, seed, KURIKULUM_MERDEKA};
    generate_in(&o, out);
}

static void
dataset_free(struct dataset *d)
{
    for (int k = 0; k < REC_N_KINDS; k++) {
        free(d->text[k]);
    }
}

/* Reads one kind's rows through rec and hands each parsed row on. */
struct walk {
    enum rec_kind kind;
    struct rec_reader rr;
    bool header_done;
    void (*fn)(void *, const void *rec);
    void *ctx;
    long n_bad;
};

static enum err
walk_row(void *ctx, const struct csv_row *row)
{
    struct walk *w = ctx;
    union {
        struct unit u;
        struct jabatan j;
        struct beban b;
        struct pegawai p;
        struct permohonan r;
        struct kinerja k;
    } v;
    enum err rc = ERR_OK;
    if (!w->header_done) {
        rec_reader_init(&w->rr, w->kind, "gen.csv", row->delim, NULL);
        w->header_done = true;
        return rec_header_parse(&w->rr, row);
    }
    switch (w->kind) {
    case REC_UNIT:
        rc = rec_unit_parse(&w->rr, row, &v.u);
        break;
    case REC_JABATAN:
        rc = rec_jabatan_parse(&w->rr, row, &v.j);
        break;
    case REC_BEBAN:
        rc = rec_beban_parse(&w->rr, row, &v.b);
        break;
    case REC_PEGAWAI:
        rc = rec_pegawai_parse(&w->rr, row, &v.p);
        break;
    case REC_KINERJA:
        rc = rec_kinerja_parse(&w->rr, row, &v.k);
        break;
    default:
        rc = rec_permohonan_parse(&w->rr, row, &v.r);
        break;
    }
    if (rc != ERR_OK) {
        w->n_bad++;
    } else if (w->fn != NULL) {
        w->fn(w->ctx, &v);
    }
    return ERR_OK;
}

static void
walk(const struct dataset *d, enum rec_kind k, void (*fn)(void *, const void *),
     void *ctx)
{
    struct walk w = {k, {0}, false, fn, ctx, 0};
    struct csv_reader *r = csv_reader_create("gen.csv", walk_row, &w, NULL);
    assert_int_equal(csv_reader_feed(r, d->text[k], d->len[k]), ERR_OK);
    assert_int_equal(csv_reader_finish(r), ERR_OK);
    csv_reader_destroy(r);
    rec_reader_cleanup(&w.rr);
    assert_int_equal(w.n_bad, 0);
}

/* The Kota Mataram preset, seed 1, generated once for the suite. */
static int
setup(void **state)
{
    struct dataset *d = calloc(1, sizeof(*d));
    assert_non_null(d);
    generate(GEN_MATARAM, 0, 1, d);
    *state = d;
    return 0;
}

static int
teardown(void **state)
{
    dataset_free(*state);
    free(*state);
    return 0;
}

static void
test_gen_same_seed_same_bytes(void **state)
{
    const struct dataset *d = *state;
    struct dataset again;
    generate(GEN_MATARAM, 0, 1, &again);
    for (int k = 0; k < REC_N_KINDS; k++) {
        assert_int_equal(again.len[k], d->len[k]);
        assert_memory_equal(again.text[k], d->text[k], d->len[k]);
    }
    dataset_free(&again);
}

static void
test_gen_other_seed_other_people(void **state)
{
    const struct dataset *d = *state;
    struct dataset other;
    generate(GEN_MATARAM, 0, 2, &other);
    assert_true(other.len[REC_PEGAWAI] != d->len[REC_PEGAWAI] ||
                memcmp(other.text[REC_PEGAWAI], d->text[REC_PEGAWAI],
                       d->len[REC_PEGAWAI]) != 0);
    /* The units are the city's own whatever the seed. */
    assert_int_equal(other.stats.n_rows[REC_UNIT], d->stats.n_rows[REC_UNIT]);
    dataset_free(&other);
}

static void
count_jenis(void *ctx, const void *rec)
{
    const struct unit *u = rec;
    ((long *)ctx)[u->jenis]++;
}

static void
test_gen_mataram_has_the_city_units(void **state)
{
    const struct dataset *d = *state;
    long n[UNIT_LAINNYA + 1] = {0};
    walk(d, REC_UNIT, count_jenis, n);
    assert_int_equal(n[UNIT_SEKOLAH], 146 + 24);
    assert_int_equal(n[UNIT_PUSKESMAS], 11);
    assert_int_equal(n[UNIT_RSUD], 1);
    assert_int_equal(n[UNIT_KECAMATAN], 6);
    assert_int_equal(n[UNIT_KELURAHAN], 50);
    assert_int_equal(n[UNIT_OPD], 32);    /* 48 less 6 kecamatan, RSUD, 9 */
    assert_int_equal(n[UNIT_BIDANG], 9);  /* bagian of the Setda. */
    assert_int_equal(n[UNIT_LAINNYA], 1); /* The city itself. */
}

struct people {
    long n[4]; /* By status. */
    long n_hukdis;
    long n_tubel;
    long n_recent; /* PNS appointed in 2021 or later. */
    long n_struktural;
    long n_kepsek; /* Principals in post. */
    long n_bad_nip;
    struct map nips;
    struct map unit_of; /* NIP -> unit code (owned copies). */
    char **owned;
    size_t n_owned;
};

static void
count_person(void *ctx, const void *rec)
{
    const struct pegawai *p = rec;
    struct people *c = ctx;
    struct nip_info info;
    enum nip_problem np = NIP_OK;
    c->n[p->status]++;
    c->n_hukdis += p->hukuman_disiplin;
    c->n_tubel += p->tugas_belajar;
    c->n_struktural += strncmp(p->jabatan, "KEPALA_OPD", 10) == 0 ||
                       strcmp(p->jabatan, "LURAH") == 0;
    c->n_kepsek += strcmp(p->jabatan, "KEPALA_SEKOLAH") == 0;
    if (nip_parse(p->nip, strlen(p->nip), &info, &np) != ERR_OK ||
        nip_check_row(&info, p->tanggal_lahir, p->jenis_kelamin,
                      model_status_is_pppk(p->status)) != NIP_OK ||
        !map_put(&c->nips, p->nip, NULL)) {
        c->n_bad_nip++;
        return;
    }
    c->n_recent += p->status == STATUS_PNS && info.tahun_angkat >= 2021;
    c->owned = realloc(c->owned, (c->n_owned + 1) * sizeof(char *));
    c->owned[c->n_owned] = strdup(p->unit);
    map_put(&c->unit_of, p->nip, c->owned[c->n_owned++]);
}

static void
people_cleanup(struct people *c)
{
    for (size_t i = 0; i < c->n_owned; i++) {
        free(c->owned[i]);
    }
    free(c->owned);
    map_cleanup(&c->nips);
    map_cleanup(&c->unit_of);
}

static void
test_gen_mataram_staff_match_the_published_totals(void **state)
{
    const struct dataset *d = *state;
    struct people c;
    memset(&c, 0, sizeof(c));
    walk(d, REC_PEGAWAI, count_person, &c);
    assert_int_equal(c.n_bad_nip, 0); /* Valid, consistent and unique. */
    /* angka_asn.csv: 4 331 PNS, 1 249 PPPK, 5 580 in all. */
    assert_in_range(c.n[STATUS_PNS], 3900, 4800);
    assert_in_range(c.n[STATUS_PPPK], 1050, 1450);
    assert_in_range(c.n[STATUS_CPNS], 20, 200);
    assert_in_range(c.n[0] + c.n[1] + c.n[2], 5100, 6100);
    /* 3 067 part-time PPPK received NIPs in December 2025. */
    assert_in_range(c.n[STATUS_PPPK_PW], 2700, 3400);
    /* A few ineligible staff of every kind. */
    assert_true(c.n_hukdis > 0 && c.n_tubel > 0 && c.n_recent > 0);
    assert_true(c.n_struktural > 30);
    /* Most of the 170 schools have their principal; a few wait. */
    assert_in_range(c.n_kepsek, 150, 169);
    people_cleanup(&c);
}

struct ratings {
    const struct people *c;
    long n[5]; /* By predikat. */
    long n_unknown_nip;
    long n_after_data_year;
};

static void
count_rating(void *ctx, const void *rec)
{
    const struct kinerja *k = rec;
    struct ratings *r = ctx;
    r->n[k->predikat]++;
    r->n_unknown_nip += !map_find(&r->c->nips, k->nip, NULL);
    r->n_after_data_year += k->tahun > GEN_DATE_Y;
}

/* Every employee's SKP: most 'baik', some 'sangat_baik', a few below, for
 * employees of the data set and years up to the data's own. */
static void
test_gen_mataram_skp_ratings_are_realistic(void **state)
{
    const struct dataset *d = *state;
    struct people c;
    struct ratings r;
    memset(&c, 0, sizeof(c));
    memset(&r, 0, sizeof(r));
    walk(d, REC_PEGAWAI, count_person, &c);
    r.c = &c;
    walk(d, REC_KINERJA, count_rating, &r);
    long all = r.n[0] + r.n[1] + r.n[2] + r.n[3] + r.n[4];
    assert_int_equal(r.n_unknown_nip, 0);
    assert_int_equal(r.n_after_data_year, 0);
    assert_true(all > 2 * (c.n[0] + c.n[1] + c.n[2] + c.n[3]));
    assert_true(r.n[SKP_BAIK] * 10 > all * 7);    /* Most. */
    assert_true(r.n[SKP_SANGAT_BAIK] * 10 > all); /* Some. */
    assert_in_range(r.n[SKP_BUTUH_PERBAIKAN] + r.n[SKP_KURANG] +
                        r.n[SKP_SANGAT_KURANG],
                    1, all / 10); /* A few. */
    people_cleanup(&c);
}

/* Positions whose need a norm gives: heads of units and the Permenkes
 * puskesmas minimums (only at puskesmas). Everything else comes from task
 * rows. */
/* Positions whose need a norm gives: heads of units (principals and
 * heads of puskesmas too) and the puskesmas professions (only at
 * puskesmas). Everything else comes from task rows. */
static bool
fixed_need_allowed(const char *unit, const char *jabatan)
{
    static const char *const structural[] = {"KEPALA_OPD",
                                             "SEKRETARIS_OPD",
                                             "KABID",
                                             "KABAG",
                                             "KASUBAG",
                                             "CAMAT",
                                             "SEKCAM",
                                             "LURAH",
                                             "KEPALA_SEKOLAH",
                                             "KEPALA_PUSKESMAS",
                                             NULL};
    for (int i = 0; structural[i] != NULL; i++) {
        if (strcmp(structural[i], jabatan) == 0) {
            return true;
        }
    }
    if (strstr(unit, ".PKM.") == NULL) {
        return false;
    }
    static const char *const ok[] = {"DOKTER_AP",          "DOKTER_GIGI_AP",
                                     "BIDAN_TRP",          "PROMKES_AP",
                                     "SANITARIAN_TRP",     "PRANATA_LAB_TRP",
                                     "NUTRISIONIS_TRP",    "APOTEKER_AP",
                                     "PENGELOLA_UMUM",     "EPIDEMIOLOG_AP",
                                     "PSIKOLOG_KLINIS_AP", "FISIOTERAPIS_TRP",
                                     "TERAPIS_GIGI_TRP",   NULL};
    for (int i = 0; ok[i] != NULL; i++) {
        if (strcmp(ok[i], jabatan) == 0) {
            return true;
        }
    }
    return false;
}

struct workload {
    long n_rows[4]; /* By method. */
    long n_fixed_bad;
    long n_teacher_bad;
    struct map surge_units;
};

static void
check_beban(void *ctx, const void *rec)
{
    const struct beban *b = rec;
    struct workload *w = ctx;
    bool guru = strncmp(b->jabatan, "GURU_", 5) == 0;
    w->n_rows[b->metode]++;
    w->n_fixed_bad +=
        b->metode == METODE_TETAP && !fixed_need_allowed(b->unit, b->jabatan);
    w->n_teacher_bad +=
        guru != (b->metode == METODE_ROMBEL || b->metode == METODE_JP);
    if (b->berlaku_sampai != DATE_NONE) {
        map_put(&w->surge_units, b->unit, NULL);
    }
}

static void
test_gen_needs_come_from_task_rows(void **state)
{
    const struct dataset *d = *state;
    struct workload w;
    memset(&w, 0, sizeof(w));
    walk(d, REC_BEBAN, check_beban, &w);
    assert_int_equal(w.n_fixed_bad, 0);
    assert_int_equal(w.n_teacher_bad, 0);
    assert_true(w.n_rows[METODE_TUGAS] > w.n_rows[METODE_TETAP]);
    assert_true(w.n_rows[METODE_ROMBEL] == 146 * 6);
    /* Two puskesmas with a dated surge. */
    assert_int_equal(w.surge_units.n_items, 2);
    map_cleanup(&w.surge_units);
}

struct requests {
    struct people *staff;
    long n;
    long n_own; /* A choice that is the requester's own unit. */
    long n_unknown;
};

static void
check_request(void *ctx, const void *rec)
{
    const struct permohonan *r = rec;
    struct requests *q = ctx;
    void *own = NULL;
    q->n++;
    if (!map_find(&q->staff->unit_of, r->nip, &own)) {
        q->n_unknown++;
        return;
    }
    for (int i = 0; i < r->n_pilihan; i++) {
        q->n_own += strcmp(r->pilihan[i], own) == 0;
    }
}

static void
test_gen_requests_are_plausible(void **state)
{
    const struct dataset *d = *state;
    struct people c;
    memset(&c, 0, sizeof(c));
    walk(d, REC_PEGAWAI, count_person, &c);
    struct requests q = {&c, 0, 0, 0};
    walk(d, REC_PERMOHONAN, check_request, &q);
    assert_in_range(q.n, 150, 300);
    assert_int_equal(q.n_own, 0);
    assert_int_equal(q.n_unknown, 0);
    people_cleanup(&c);
}

/* What the workload rows of schools and puskesmas hold. */
struct pairs {
    long n_kepsek;      /* KEPALA_SEKOLAH fixed rows. */
    long n_kapus;       /* KEPALA_PUSKESMAS fixed rows. */
    long n_informatika; /* GURU_INFORMATIKA rows. */
    long n_prakarya;    /* GURU_PRAKARYA rows. */
    long n_bk;          /* GURU_BK rows. */
    struct map hindu;   /* Units with a GURU_AGAMA_HINDU pair. */
    struct map other;   /* Units with a Kristen, Katolik or Buddha pair. */
};

static void
collect_pair(void *ctx, const void *rec)
{
    const struct beban *b = rec;
    struct pairs *q = ctx;
    bool tetap = b->metode == METODE_TETAP;
    q->n_kepsek += tetap && strcmp(b->jabatan, "KEPALA_SEKOLAH") == 0;
    q->n_kapus += tetap && strcmp(b->jabatan, "KEPALA_PUSKESMAS") == 0;
    q->n_informatika += strcmp(b->jabatan, "GURU_INFORMATIKA") == 0;
    q->n_prakarya += strcmp(b->jabatan, "GURU_PRAKARYA") == 0;
    q->n_bk += strcmp(b->jabatan, "GURU_BK") == 0;
    if (strcmp(b->jabatan, "GURU_AGAMA_HINDU") == 0) {
        map_put(&q->hindu, b->unit, NULL);
    } else if (strncmp(b->jabatan, "GURU_AGAMA_", 11) == 0) {
        map_put(&q->other, b->unit, NULL);
    }
}

static void
pairs_cleanup(struct pairs *q)
{
    map_cleanup(&q->hindu);
    map_cleanup(&q->other);
    memset(q, 0, sizeof(*q));
}

/* Issue #17 parts 5 and 6 and the heads of units: every school has one
 * principal post and every puskesmas one head, the SMP hours follow the
 * curriculum (Informatika under Merdeka, Prakarya under K13), SMP have a
 * counsellor (BK) pair, and religion teachers of other faiths appear
 * where the synthetic pupils of that faith are. */
static void
test_gen_schools_follow_the_curriculum_and_heads(void **state)
{
    const struct dataset *d = *state;
    struct pairs q;
    struct dataset k13;
    struct gen_opts o = {GEN_MATARAM, 0, 1, KURIKULUM_K13};
    memset(&q, 0, sizeof(q));
    walk(d, REC_BEBAN, collect_pair, &q);
    assert_int_equal(q.n_kepsek, 146 + 24);
    assert_int_equal(q.n_kapus, 11);
    assert_int_equal(q.n_informatika, 24 * 3); /* A row per SMP grade. */
    assert_int_equal(q.n_prakarya, 0);
    assert_int_equal(q.n_bk, 24);
    /* Hindu pupils (about 14% of the city) warrant a teacher at many
     * schools, the smaller faiths at few. */
    assert_in_range(q.hindu.n_items, 20, 120);
    assert_true(q.other.n_items < q.hindu.n_items);
    pairs_cleanup(&q);
    generate_in(&o, &k13);
    walk(&k13, REC_BEBAN, collect_pair, &q);
    assert_int_equal(q.n_informatika, 0);
    assert_int_equal(q.n_prakarya, 24 * 3);
    pairs_cleanup(&q);
    dataset_free(&k13);
}

static void
test_gen_employees_option_scales(void **state)
{
    struct dataset small;
    (void)state;
    generate(GEN_NASIONAL, 20000, 1, &small);
    assert_true(small.stats.n_govs >= 1 && small.stats.n_govs <= 10);
    assert_in_range(small.stats.n_rows[REC_PEGAWAI], 5000, 60000);
    walk(&small, REC_PEGAWAI, NULL, NULL);
    walk(&small, REC_UNIT, NULL, NULL);
    dataset_free(&small);
}

/* Whether 'w' (length n) is an entry of 'list'. */
static bool
in_list(const char *const *list, const char *w, size_t n)
{
    for (int i = 0; list[i] != NULL; i++) {
        if (strlen(list[i]) == n && strncmp(list[i], w, n) == 0) {
            return true;
        }
    }
    return false;
}

/* Whether the word 'w' (length n) is a name part of the sex 'male'. */
static bool
name_part_of(bool male, const char *w, size_t n)
{
    return in_list(male ? gen_male_first : gen_female_first, w, n) ||
           in_list(male ? gen_male_last : gen_female_last, w, n) ||
           in_list(male ? gen_sasak_male : gen_sasak_female, w, n) ||
           in_list(male ? gen_bali_male_last : gen_bali_female_last, w, n);
}

struct sex_check {
    long n;
    long n_bali;
    long n_sasak;
};

/* The NIP's sex digit (its 15th, 1 male, 2 female), the jenis_kelamin
 * column, the first name or title and every further part of the name
 * agree. */
static void
check_name_sex(void *ctx, const void *rec)
{
    struct sex_check *c = ctx;
    const struct pegawai *p = rec;
    char nama[256];
    snprintf(nama, sizeof(nama), "%s", p->nama);
    char *comma = strchr(nama, ',');
    if (comma != NULL) {
        *comma = '\0'; /* The academic title (gelar) is either sex's. */
    }
    assert_int_equal(strlen(p->nip), 18);
    bool male = p->nip[14] == '1';
    if (!male && p->nip[14] != '2') {
        fail_msg("%s: sex digit %c", p->nip, p->nip[14]);
    }
    assert_int_equal(p->jenis_kelamin, male ? 'L' : 'P');
    const char *w = nama;
    /* A Balinese birth-order name is two words: I Wayan, Ni Wayan. */
    if (strncmp(w, "I ", 2) == 0 || strncmp(w, "Ni ", 3) == 0) {
        const char *sp = strchr(strchr(w, ' ') + 1, ' ');
        assert_non_null(sp);
        if (!in_list(male ? gen_bali_male : gen_bali_female, w,
                     (size_t)(sp - w))) {
            fail_msg("%s %s: '%s' is not a %s Balinese name", p->nip, p->nama,
                     nama, male ? "man's" : "woman's");
        }
        w = sp + 1;
        c->n_bali++;
    } else {
        size_t n = strcspn(w, " ");
        if (!in_list(male ? gen_male_first : gen_female_first, w, n) &&
            !in_list(male ? gen_sasak_male : gen_sasak_female, w, n)) {
            fail_msg("%s %s: the first name is not a %s", p->nip, p->nama,
                     male ? "man's" : "woman's");
        }
        if (in_list(male ? gen_sasak_male : gen_sasak_female, w, n)) {
            c->n_sasak++;
        }
    }
    while (*w != '\0') {
        size_t n = strcspn(w, " ");
        if (!name_part_of(male, w, n) && !in_list(gen_last, w, n)) {
            fail_msg("%s %s: '%.*s' is not a %s name", p->nip, p->nama, (int)n,
                     w, male ? "man's" : "woman's");
        }
        if (name_part_of(!male, w, n)) {
            fail_msg("%s %s: '%.*s' is a name of the other sex", p->nip,
                     p->nama, (int)n, w);
        }
        w += n;
        w += *w == ' ';
    }
    c->n++;
}

/* No name part is in the lists of both sexes (else the check above could
 * not tell a wrong name). */
static void
assert_lists_apart(const char *const *a, const char *const *const *others)
{
    for (int i = 0; a[i] != NULL; i++) {
        for (int k = 0; others[k] != NULL; k++) {
            if (in_list(others[k], a[i], strlen(a[i]))) {
                fail_msg("'%s' is in the lists of both sexes", a[i]);
            }
        }
    }
}

static void
test_gen_names_agree_with_the_nip_sex(void **state)
{
    const struct dataset *d = *state;
    const char *const *const female[] = {gen_female_first,
                                         gen_female_last,
                                         gen_sasak_female,
                                         gen_bali_female,
                                         gen_bali_female_last,
                                         gen_last,
                                         NULL};
    const char *const *const male[] = {gen_male_first,
                                       gen_male_last,
                                       gen_sasak_male,
                                       gen_bali_male,
                                       gen_bali_male_last,
                                       gen_last,
                                       NULL};
    for (int k = 0; male[k] != gen_last; k++) {
        assert_lists_apart(male[k], female);
        assert_lists_apart(female[k], male);
    }
    struct sex_check c = {0, 0, 0};
    walk(d, REC_PEGAWAI, check_name_sex, &c);
    assert_int_equal(c.n, d->stats.n_rows[REC_PEGAWAI]);
    /* Balinese and Sasak names are there, not only the general ones. */
    assert_true(c.n_bali > c.n / 20);
    assert_true(c.n_sasak > c.n / 20);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gen_same_seed_same_bytes),
        cmocka_unit_test(test_gen_other_seed_other_people),
        cmocka_unit_test(test_gen_mataram_has_the_city_units),
        cmocka_unit_test(test_gen_mataram_staff_match_the_published_totals),
        cmocka_unit_test(test_gen_mataram_skp_ratings_are_realistic),
        cmocka_unit_test(test_gen_needs_come_from_task_rows),
        cmocka_unit_test(test_gen_requests_are_plausible),
        cmocka_unit_test(test_gen_schools_follow_the_curriculum_and_heads),
        cmocka_unit_test(test_gen_employees_option_scales),
        cmocka_unit_test(test_gen_names_agree_with_the_nip_sex),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
