/* SPDX-License-Identifier: MIT */
/* Unit tests of the directed planner (contract section 5, domain.md
 * section 5): small plans checked by hand, the plan's invariants on many
 * random problems, and the optimum of each random problem checked against
 * GLPK's out-of-kilter algorithm on a network that this file builds on its
 * own from the contract's formulas (the oracle and the checks use nothing
 * of plan.c; only the public API is called). GLPK is a test-only
 * dependency.
 *
 * Every hand computation uses the default settings unless a test says
 * otherwise: cost = 1000 + round(100 x km) - 300 when tmt_unit + 60 months
 * <= D - 500 when the destination is on the open request list; slot k of
 * d at a pair with need n is worth w x round(10000 x (d - k + 1) / n), w
 * = 3 for sekolah, puskesmas, rsud, 2 for kelurahan, 1 otherwise. Units on
 * one meridian (lon 116) are 6371.0088 x pi / 180 = 111.19508 km per
 * degree of latitude apart. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glpk_ref.c" /* GLPK, the independent reference solver. */
#include <cmocka.h>

#include "abk.h"
#include "date.h"
#include "model.h"
#include "plan.h"
#include "rng.h"
#include "settings.h"

#include "plan_fixture.c" /* struct fx, CHECK(), hold() and done(). */

#define LON 116.0

static struct plan_opts
directed(long max_moves, double max_km)
{
    struct plan_opts o = {.mode = PLAN_DIRECTED,
                          .max_moves = max_moves,
                          .max_km = max_km,
                          .threads = 1};
    return o;
}

/* ---- The contract's formulas, computed here on their own ------------- */

static bool
has_coords(double lat, double lon)
{
    return lat != MODEL_COORD_NONE && lon != MODEL_COORD_NONE;
}

static double
haversine(double lat1, double lon1, double lat2, double lon2)
{
    const double rad = 3.14159265358979323846 / 180.0;
    double sp = sin((lat2 - lat1) * rad / 2.0);
    double sl = sin((lon2 - lon1) * rad / 2.0);
    double a = sp * sp + cos(lat1 * rad) * cos(lat2 * rad) * sl * sl;
    return 2.0 * 6371.0088 * asin(sqrt(a > 1.0 ? 1.0 : a));
}

/* km of a move of staff 'i' to unit 'b': from home (both coordinates),
 * else from the own unit; 0 when either end has no coordinates. */
static double
ref_km(const struct fx *f, size_t i, size_t b)
{
    const struct plan_staff *e = &f->staff[i];
    const struct plan_unit *to = &f->units[b];
    const struct plan_unit *own = &f->units[f->pairs[e->pair].unit];
    if (!has_coords(to->lat, to->lon)) {
        return 0;
    }
    if (has_coords(e->lat, e->lon)) {
        return haversine(e->lat, e->lon, to->lat, to->lon);
    }
    if (has_coords(own->lat, own->lon)) {
        return haversine(own->lat, own->lon, to->lat, to->lon);
    }
    return 0;
}

static int64_t
round_half_up(double x)
{
    return (int64_t)floor(x + 0.5);
}

static bool
requested(const struct fx *f, size_t i, size_t unit)
{
    uint32_t q = f->staff[i].req;
    const struct plan_request *e = q != 0 ? &f->requests[q - 1] : NULL;
    for (int k = 0; e != NULL && k < e->n_pilihan; k++) {
        if (e->pilihan[k] == (long)unit) {
            return true;
        }
    }
    return false;
}

/* The cost of moving staff 'i' into pair 'b'. */
static int64_t
ref_cost(const struct fx *f, size_t i, size_t b)
{
    const struct settings *s = &f->s;
    const struct plan_staff *e = &f->staff[i];
    size_t unit = f->pairs[b].unit;
    double km = ref_km(f, i, unit);
    int64_t c = s->biaya_pindah + round_half_up((double)s->biaya_per_km * km);
    if (date_add_months(e->tmt_unit, s->rotasi_bulan) <= f->day) {
        c -= s->potongan_rotasi;
    }
    if (requested(f, i, unit)) {
        c -= s->potongan_diminta;
    }
    return c;
}

static int64_t
ref_s(const struct plan_pair *q)
{
    return q->analysed && q->h > q->n ? q->h - q->n : 0;
}

static int64_t
ref_d(const struct plan_pair *q)
{
    return q->analysed && q->n > q->h ? q->n - q->h : 0;
}

/* The value of the k-th filled slot (k = 1 .. d) of pair 'b'. */
static int64_t
ref_value(const struct fx *f, size_t b, int64_t k)
{
    const struct plan_pair *q = &f->pairs[b];
    int64_t d = ref_d(q);
    int64_t w = f->s.bobot[f->units[q->unit].jenis];
    int64_t num = 2 * f->s.nilai_slot * (d - k + 1);
    return w * ((num + q->n) / (2 * q->n));
}

static bool
structural(enum jabatan_jenis j)
{
    return j == JAB_JPT || j == JAB_ADMINISTRATOR || j == JAB_PENGAWAS;
}

/* domain.md section 5, as a set of PLAN_BIT(). */
static unsigned
ref_ineligible(const struct fx *f, size_t i, bool aps)
{
    const struct settings *s = &f->s;
    const struct plan_staff *e = &f->staff[i];
    unsigned bits = 0;
    if (e->status == STATUS_CPNS ||
        (e->status == STATUS_PPPK && !s->pppk_boleh) ||
        (e->status == STATUS_PPPK_PW && !s->pppk_pw_boleh)) {
        bits |= PLAN_BIT(PLAN_R_STATUS);
    }
    /* SKP: each of the two whole years before the plan's year at least
     * skp_min_aps; for a request always, for a directed move by setting. */
    if (aps || s->skp_directed) {
        for (int k = 0; k < 2; k++) {
            if (e->skp[k] < 0 || e->skp[k] < (int)s->skp_min_aps) {
                bits |= PLAN_BIT(PLAN_R_SKP);
            }
        }
    }
    if (date_add_months(e->tmt_unit, s->min_bulan_unit) > f->day) {
        bits |= PLAN_BIT(PLAN_R_MASA_KERJA_UNIT);
    }
    if (date_add_months(f->day, s->pensiun_bulan) >= e->tmt_pensiun) {
        bits |= PLAN_BIT(PLAN_R_PENSIUN);
    }
    if (e->hukuman_disiplin) {
        bits |= PLAN_BIT(PLAN_R_HUKUMAN_DISIPLIN);
    }
    if (structural(f->jabs[f->pairs[e->pair].jab].jenis) &&
        !s->struktural_boleh) {
        bits |= PLAN_BIT(PLAN_R_JABATAN_STRUKTURAL);
    }
    if (aps) {
        int y = 0;
        int m = 0;
        int d = 0;
        date_to_ymd(e->angkat, &y, &m, &d);
        int formasi = e->formasi_tahun != 0 ? e->formasi_tahun : y;
        if (formasi >= s->aps_ikatan_formasi &&
            date_add_months(e->angkat, 12 * (s->aps_ikatan_tahun + 1)) >
                f->day) {
            bits |= PLAN_BIT(PLAN_R_IKATAN_10_TAHUN);
        }
    }
    return bits;
}

/* May staff 'i' move into pair 'b' under 'o' (contract section 5)? */
static bool
ref_allowed(const struct fx *f, const struct plan_opts *o, size_t i, size_t b)
{
    const struct plan_staff *e = &f->staff[i];
    const struct plan_pair *from = &f->pairs[e->pair];
    const struct plan_pair *to = &f->pairs[b];
    if (ref_ineligible(f, i, false) != 0 || ref_s(from) == 0 ||
        ref_d(to) == 0 || from->unit == to->unit ||
        f->units[from->unit].root != f->units[to->unit].root ||
        f->jabs[from->jab].klass != f->jabs[to->jab].klass ||
        !ref_holds(f->jabs[to->jab].kompetensi, e->kompetensi)) {
        return false;
    }
    /* Another jabatan: never for PPPK; its requirements met. */
    const struct plan_jabatan *j = &f->jabs[to->jab];
    if (to->jab != from->jab &&
        (e->status == STATUS_PPPK || e->status == STATUS_PPPK_PW ||
         (j->pendidikan_min >= 0 && e->pendidikan < j->pendidikan_min) ||
         (j->golongan_min >= 0 && e->golongan < j->golongan_min) ||
         (j->golongan_max >= 0 &&
          (e->golongan < 0 || e->golongan > j->golongan_max)))) {
        return false;
    }
    return o->max_km < 0 || ref_km(f, i, to->unit) <= o->max_km;
}

/* ---- The checks every plan must pass ---------------------------------- */

/* Everything contract section 5 promises of 'r', recomputed. */
static void
check_result(const struct fx *f, const struct plan_opts *o,
             const struct plan_result *r)
{
    long out[FX_PAIRS] = {0};
    long in[FX_PAIRS] = {0};
    bool moved[FX_STAFF] = {false};
    bool slot_seen[FX_PAIRS][FX_STAFF + 1];
    int64_t cost = 0;
    int64_t centi = 0;
    memset(slot_seen, 0, sizeof(slot_seen));
    CHECK_EQ(r->n_voluntary, 0);
    CHECK_EQ(r->n_directed, r->n_moves);
    CHECK(r->n_moves == 0 || r->moves != NULL);
    CHECK(o->max_moves < 0 || (long)r->n_moves <= o->max_moves);
    for (size_t k = 0; k < r->n_moves; k++) {
        const struct plan_move *m = &r->moves[k];
        CHECK(m->staff < f->n_staff);
        CHECK(m->to_pair < f->n_pairs);
        CHECK(!moved[m->staff]);
        moved[m->staff] = true;
        if (k > 0) {
            CHECK(strcmp(f->staff[r->moves[k - 1].staff].nip,
                         f->staff[m->staff].nip) < 0);
        }
        CHECK_EQ(plan_ineligible(&f->p, m->staff, false), 0);
        CHECK_EQ(m->from_pair, f->staff[m->staff].pair);
        CHECK_EQ(m->h_from, f->pairs[m->from_pair].h);
        CHECK_EQ(m->h_to, f->pairs[m->to_pair].h);
        CHECK(ref_allowed(f, o, m->staff, m->to_pair));
        CHECK(!m->aps);
        CHECK_EQ(m->pilihan_ke, 0);
        double km = ref_km(f, m->staff, f->pairs[m->to_pair].unit);
        CHECK(fabs(m->km - km) <= 1e-9 * (1.0 + km));
        CHECK_EQ(m->km_centi, round_half_up(100.0 * km));
        CHECK_EQ(m->cost, ref_cost(f, m->staff, m->to_pair));
        CHECK(m->slot >= 1 && m->slot <= FX_STAFF);
        CHECK(!slot_seen[m->to_pair][m->slot]);
        slot_seen[m->to_pair][m->slot] = true;
        CHECK_EQ(m->value, ref_value(f, m->to_pair, m->slot));
        CHECK_EQ(r->move_of[m->staff], (long)k);
        /* Why this person: rotation due, destination asked for. */
        CHECK_EQ((m->reasons & PLAN_BIT(PLAN_R_ROTASI_JATUH_TEMPO)) != 0,
                 date_add_months(f->staff[m->staff].tmt_unit,
                                 f->s.rotasi_bulan) <= f->day);
        CHECK_EQ((m->reasons & PLAN_BIT(PLAN_R_DIMINTA)) != 0,
                 requested(f, m->staff, f->pairs[m->to_pair].unit));
        out[m->from_pair]++;
        in[m->to_pair]++;
        cost += m->cost - m->value;
        centi += m->km_centi;
    }
    for (size_t i = 0; i < f->n_staff; i++) {
        if (!moved[i]) {
            /* Whoever stays has a reason, their ineligibility among it. */
            unsigned bits = ref_ineligible(f, i, false);
            CHECK_EQ(r->move_of[i], -1);
            CHECK(r->why_not[i] != 0);
            CHECK_EQ(r->why_not[i] & bits, bits);
        }
    }
    for (size_t b = 0; b < f->n_pairs; b++) {
        const struct plan_pair *q = &f->pairs[b];
        CHECK(out[b] <= ref_s(q));
        CHECK(in[b] <= ref_d(q));
        for (long k = 1; k <= in[b]; k++) {
            CHECK(slot_seen[b][k]); /* Slots 1 .. moves in. */
        }
        CHECK_EQ(r->h_after[b], q->h - out[b] + in[b]);
        if (q->analysed) {
            CHECK(r->h_after[b] >= (q->h < q->n ? q->h : q->n));
            CHECK(r->h_after[b] <= (q->h > q->n ? q->h : q->n));
        }
    }
    CHECK_EQ(r->cost, cost);
    CHECK_EQ(r->km_total_centi, centi);
    /* Surge-only slots: the moves beyond max(0, n_perm - h) into a pair
     * are temporary, the farthest first (ties: larger NIP). */
    for (size_t b = 0; b < f->n_pairs; b++) {
        const struct plan_pair *q = &f->pairs[b];
        long perm = q->n_perm > q->h ? (long)(q->n_perm - q->h) : 0;
        long temp = in[b] > perm ? in[b] - perm : 0;
        long n_temp = 0;
        for (size_t k = 0; k < r->n_moves; k++) {
            const struct plan_move *m = &r->moves[k];
            if (m->to_pair != b) {
                continue;
            }
            if (m->sementara_sampai == DATE_NONE) {
                continue;
            }
            n_temp++;
            CHECK_EQ(m->sementara_sampai, q->surge_until);
            for (size_t j = 0; j < r->n_moves; j++) {
                const struct plan_move *pm = &r->moves[j];
                if (pm->to_pair == b && pm->sementara_sampai == DATE_NONE) {
                    CHECK(m->km > pm->km ||
                          (m->km == pm->km &&
                           strcmp(f->staff[m->staff].nip,
                                  f->staff[pm->staff].nip) > 0));
                }
            }
        }
        CHECK_EQ(n_temp, temp);
    }
}

static void
fx_run(const struct fx *f, const struct plan_opts *o, struct plan_result *r)
{
    memset(r, 0, sizeof(*r));
    assert_int_equal(plan_run(&f->p, o, r), ERR_OK);
    hold(r);
    check_result(f, o, r);
    fx_check_texts(f, r); /* Issue 16: the reader's words, 2026-12-06. */
}

/* The move of 'nip' in 'r', or NULL. */
static const struct plan_move *
move_of(const struct fx *f, const struct plan_result *r, const char *nip)
{
    size_t i = fx_find(f, nip);
    for (size_t k = 0; k < r->n_moves; k++) {
        if (r->moves[k].staff == i) {
            return &r->moves[k];
        }
    }
    return NULL;
}

/* Moves in 'r' into pair 'b'. */
static long
moves_into(const struct plan_result *r, size_t b)
{
    long n = 0;
    for (size_t k = 0; k < r->n_moves; k++) {
        n += r->moves[k].to_pair == b;
    }
    return n;
}

/* ---- Hand-checked plans ----------------------------------------------- */

static void
test_plan_reason_codes_follow_contract(void **state)
{
    static const char *const codes[PLAN_R_N] = {"status",
                                                "masa_kerja_unit",
                                                "pensiun",
                                                "hukuman_disiplin",
                                                "tugas_belajar",
                                                "ikatan_10_tahun",
                                                "jabatan_struktural",
                                                "abk_asal",
                                                "abk_tujuan",
                                                "kompetensi",
                                                "tidak_ada_kekurangan",
                                                "kalah_prioritas",
                                                "asal_kurang",
                                                "terlalu_jauh",
                                                "lebih_mahal",
                                                "rotasi_jatuh_tempo",
                                                "diminta",
                                                "jarak_terdekat",
                                                "skp",
                                                "syarat_jabatan"};
    (void)state;
    for (int i = 0; i < PLAN_R_N; i++) {
        assert_string_equal(plan_reason_code((enum plan_reason)i), codes[i]);
    }
}

static void
test_plan_closest_teachers_fill_school_shortages(void **state)
{
    /* One government. Need 3, 5 teachers at S1 (s = 2); need 4, 2 at S2
     * (d = 2); need 3, 2 at S3 (d = 1). Units on lon 116: S1 -8.50, S2
     * -8.60, S3 -8.40. Slot values (sekolah, w = 3): S2 3 x round(10000 x
     * 2/4) = 15000, then 3 x round(10000 x 1/4) = 7500; S3 3 x
     * round(10000 x 1/3) = 9999. Homes and km to S2 / S3: A -8.59 1.112 /
     * 21.127; B -8.41 21.127 / 1.112; C -8.55 5.560 / 16.679; D none, so
     * from S1: 11.120 / 11.120; E -8.45 16.679 / 5.560. Only two may
     * leave S1. Best: A -> S2 costs 1000 + round(111.195) = 1111, B -> S3
     * 1111: cost 2222 - 15000 - 9999 = -22777. (A -> S2 with C -> S2
     * gives 1111 + 1556 - 22500 = -19833; A -> S2 with E -> S3 1111 +
     * 1556 - 24999 = -22332.) */
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    (void)state;
    fx_init(&f, date_from_ymd(2025, 7, 1));
    size_t root = fx_unit_at(&f, "P01", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t s1 = fx_unit_at(&f, "P01.S1", UNIT_SEKOLAH, -8.50, LON, root);
    size_t s2 = fx_unit_at(&f, "P01.S2", UNIT_SEKOLAH, -8.60, LON, root);
    size_t s3 = fx_unit_at(&f, "P01.S3", UNIT_SEKOLAH, -8.40, LON, root);
    size_t guru = fx_jab(&f, "GURU", JAB_FUNGSIONAL_KEAHLIAN, 0, NULL);
    size_t a = fx_pair(&f, s1, guru, 3);
    size_t b = fx_pair(&f, s2, guru, 4);
    size_t c = fx_pair(&f, s3, guru, 3);
    fx_staff(&f, "198001012005011001", a)->lat = -8.59;
    fx_staff(&f, "198001012005011002", a)->lat = -8.41;
    fx_staff(&f, "198001012005011003", a)->lat = -8.55;
    fx_staff(&f, "198001012005011004", a);
    fx_staff(&f, "198001012005011005", a)->lat = -8.45;
    for (size_t i = 0; i < f.n_staff; i++) {
        if (f.staff[i].lat != NONE) {
            f.staff[i].lon = LON;
        }
    }
    fx_fill(&f, b, 2);
    fx_fill(&f, c, 2);
    fx_finish(&f);
    fx_run(&f, &o, &r);
    assert_int_equal(r.n_moves, 2);
    const struct plan_move *ma = move_of(&f, &r, "198001012005011001");
    const struct plan_move *mb = move_of(&f, &r, "198001012005011002");
    assert_non_null(ma);
    assert_non_null(mb);
    assert_int_equal(ma->to_pair, b);
    assert_int_equal(ma->km_centi, 111);
    assert_int_equal(ma->cost, 1111);
    assert_int_equal(ma->value, 15000);
    assert_int_equal(ma->slot, 1);
    assert_int_equal(mb->to_pair, c);
    assert_int_equal(mb->cost, 1111);
    assert_int_equal(mb->value, 9999);
    assert_int_equal(r.cost, -22777);
    assert_int_equal(r.km_total_centi, 222);
    assert_int_equal(r.h_after[a], 3);
    assert_int_equal(r.h_after[b], 3);
    assert_int_equal(r.h_after[c], 3);
    /* Before: d 2 + 1, s 2; after: d 1 at S2 only. */
    assert_int_equal(r.before.kekurangan, 3);
    assert_int_equal(r.before.kelebihan, 2);
    assert_int_equal(r.before.jabatan_kurang, 2);
    assert_int_equal(r.after.kekurangan, 1);
    assert_int_equal(r.after.kelebihan, 0);
    assert_int_equal(r.after.jabatan_kurang, 1);
    done(&r);
}

static void
test_plan_rotation_and_request_discounts_pick_employee(void **state)
{
    /* K.A (lainnya, -8.50): need 1, 3 staff (s = 1 .. 2); K.B (-8.60):
     * need 1, none (d = 1, worth 1 x 10000). Nobody has a home, so every
     * move to K.B is 11.120 km: 1000 + 1112 = 2112. E1 plain: 2112; E2
     * exactly 60 months in the unit, due for rotation: 2112 - 300 = 1812;
     * E3 asks for K.C then K.B: 2112 - 500 = 1612, and wins: cost 1612 -
     * 10000 = -8388. When E3 asks for K.C only, E2 wins: 1812 - 10000 =
     * -8188. */
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    (void)state;
    for (int variant = 0; variant < 2; variant++) {
        fx_init(&f, date_from_ymd(2025, 7, 1));
        size_t root = fx_unit_at(&f, "K", UNIT_OPD, NONE, NONE, ROOT_SELF);
        size_t ua = fx_unit_at(&f, "K.A", UNIT_LAINNYA, -8.50, LON, root);
        size_t ub = fx_unit_at(&f, "K.B", UNIT_LAINNYA, -8.60, LON, root);
        size_t uc = fx_unit_at(&f, "K.C", UNIT_LAINNYA, -8.40, LON, root);
        size_t j = fx_jab(&f, "PEL", JAB_PELAKSANA, 0, NULL);
        size_t a = fx_pair(&f, ua, j, 1);
        size_t b = fx_pair(&f, ub, j, 1);
        fx_staff(&f, "198001012005011001", a);
        fx_staff(&f, "198001012005011002", a)->tmt_unit =
            date_add_months(f.day, -60);
        struct plan_staff *e3 = fx_staff(&f, "198001012005011003", a);
        struct plan_request *q3 = fx_req(&f, e3);
        q3->n_pilihan = variant == 0 ? 2 : 1;
        q3->pilihan[0] = (int32_t)uc;
        q3->pilihan[1] = variant == 0 ? (int32_t)ub : -1;
        q3->alasan = ALASAN_DEKAT_DOMISILI;
        fx_finish(&f);
        fx_run(&f, &o, &r);
        assert_int_equal(r.n_moves, 1);
        assert_int_equal(r.moves[0].to_pair, b);
        assert_int_equal(r.moves[0].km_centi, 1112);
        if (variant == 0) {
            assert_string_equal(f.staff[r.moves[0].staff].nip,
                                "198001012005011003");
            assert_int_equal(r.moves[0].cost, 1612);
            assert_int_equal(r.cost, -8388);
        } else {
            assert_string_equal(f.staff[r.moves[0].staff].nip,
                                "198001012005011002");
            assert_int_equal(r.moves[0].cost, 1812);
            assert_int_equal(r.cost, -8188);
        }
        done(&r);
    }
}

static void
test_plan_pruned_arcs_still_explain_those_who_stay(void **state)
{
    /* K.A (lainnya, -8.50): need 1, 3 staff (s = 2); K.B (-8.60) and K.C
     * (-8.62): need 1, none (d = 1 each, worth 10000). Homes on the same
     * meridian, 0.01 degree = 1.11195 km. E1 (-8.57, due for rotation):
     * K.B 3.336 km, 1000 + 334 - 300 = 1034; K.C 5.560 km, 1256. E2
     * (-8.58): K.B 2.224 km, 1222; K.C 4.448 km, 1445. E3 (-8.59): K.B
     * 1.112 km, 1111; K.C 3.336 km, 1334. At most two leave K.A, so the
     * network leaves out each destination's arcs with two cheaper ones
     * from K.A: both of E2's. Best: E1 -> K.C, E3 -> K.B: 1256 + 1111 -
     * 20000 = -17633 (E1 -> K.B, E3 -> K.C: 2368). E2 stays (lebih_mahal)
     * and is nearer K.C (4.448 km) than E1 (5.560 km): E1 is not the
     * nearest, though E2's arc is not in the network; E3 is. */
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    (void)state;
    fx_init(&f, date_from_ymd(2025, 7, 1));
    size_t root = fx_unit_at(&f, "K", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t ua = fx_unit_at(&f, "K.A", UNIT_LAINNYA, -8.50, LON, root);
    size_t ub = fx_unit_at(&f, "K.B", UNIT_LAINNYA, -8.60, LON, root);
    size_t uc = fx_unit_at(&f, "K.C", UNIT_LAINNYA, -8.62, LON, root);
    size_t j = fx_jab(&f, "PEL", JAB_PELAKSANA, 0, NULL);
    size_t a = fx_pair(&f, ua, j, 1);
    size_t b = fx_pair(&f, ub, j, 1);
    size_t c = fx_pair(&f, uc, j, 1);
    struct plan_staff *e1 = fx_staff(&f, "198001012005011001", a);
    e1->tmt_unit = date_add_months(f.day, -60);
    e1->lat = -8.57;
    fx_staff(&f, "198001012005011002", a)->lat = -8.58;
    fx_staff(&f, "198001012005011003", a)->lat = -8.59;
    for (size_t i = 0; i < f.n_staff; i++) {
        f.staff[i].lon = LON;
    }
    fx_finish(&f);
    fx_run(&f, &o, &r);
    assert_int_equal(r.n_moves, 2);
    const struct plan_move *m1 = move_of(&f, &r, "198001012005011001");
    const struct plan_move *m3 = move_of(&f, &r, "198001012005011003");
    assert_non_null(m1);
    assert_non_null(m3);
    assert_null(move_of(&f, &r, "198001012005011002"));
    assert_int_equal(m1->to_pair, c);
    assert_int_equal(m1->cost, 1256);
    assert_int_equal(m3->to_pair, b);
    assert_int_equal(m3->cost, 1111);
    assert_int_equal(r.cost, -17633);
    assert_false(m1->reasons & PLAN_BIT(PLAN_R_JARAK_TERDEKAT));
    assert_true(m3->reasons & PLAN_BIT(PLAN_R_JARAK_TERDEKAT));
    assert_int_equal(r.why_not[fx_find(&f, "198001012005011002")],
                     PLAN_BIT(PLAN_R_LEBIH_MAHAL));
    done(&r);
}

static void
test_plan_never_moves_ineligible_staff(void **state)
{
    /* K.A: need 0, 9 staff (s = 9); K.B: need 8, none (d = 8), no
     * coordinates, so every move costs 1000 and every slot pays (v_k =
     * round(10000 x (9 - k) / 8) >= 1250): each eligible employee moves.
     * D = 2025-07-01, D - 24 months = 2023-07-01, D + 12 months =
     * 2026-07-01. Eligible: PAS24 (tmt_unit 2023-07-01), PENSIUNOK (TMT
     * pensiun 2026-07-02) and BIASA. 3 moves: 3000 - 10000 - 8750 - 7500
     * = -23250. With pppk_boleh = 1 the PPPK moves too: 4000 - 10000 -
     * 8750 - 7500 - 6250 = -28500. */
    static const char *const nips[] = {
        "198001012005011001", /* CPNS */
        "198001012005011002", /* Only 24 months minus a day in the unit. */
        "198001012005011003", /* Exactly 24 months: eligible. */
        "198001012005011004", /* Retires exactly 12 months after D. */
        "198001012005011005", /* Retires a day later: eligible. */
        "198001012005011006", /* Sanction. */
        "198001012005011007", /* CPNS and new in the unit. */
        "198001012005011008", /* Eligible. */
        "199001012021211009", /* PPPK (formation year 2021). */
    };
    const unsigned want[] = {
        PLAN_BIT(PLAN_R_STATUS),
        PLAN_BIT(PLAN_R_MASA_KERJA_UNIT),
        0,
        PLAN_BIT(PLAN_R_PENSIUN),
        0,
        PLAN_BIT(PLAN_R_HUKUMAN_DISIPLIN),
        PLAN_BIT(PLAN_R_STATUS) | PLAN_BIT(PLAN_R_MASA_KERJA_UNIT),
        0,
        PLAN_BIT(PLAN_R_STATUS),
    };
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    (void)state;
    for (int pppk = 0; pppk < 2; pppk++) {
        fx_init(&f, date_from_ymd(2025, 7, 1));
        f.s.pppk_boleh = pppk == 1;
        size_t root = fx_unit_at(&f, "K", UNIT_OPD, NONE, NONE, ROOT_SELF);
        size_t ua = fx_unit_at(&f, "K.A", UNIT_LAINNYA, NONE, NONE, root);
        size_t ub = fx_unit_at(&f, "K.B", UNIT_LAINNYA, NONE, NONE, root);
        size_t j = fx_jab(&f, "PEL", JAB_PELAKSANA, 0, NULL);
        size_t a = fx_pair(&f, ua, j, 0);
        size_t b = fx_pair(&f, ub, j, 8);
        struct plan_staff *e[9];
        for (int k = 0; k < 9; k++) {
            e[k] = fx_staff(&f, nips[k], a);
        }
        int32_t minus24 = date_add_months(f.day, -24);
        int32_t plus12 = date_add_months(f.day, 12);
        e[0]->status = STATUS_CPNS;
        e[1]->tmt_unit = minus24 + 1;
        e[2]->tmt_unit = minus24;
        e[3]->tmt_pensiun = plus12;
        e[4]->tmt_pensiun = plus12 + 1;
        e[5]->hukuman_disiplin = true;
        e[6]->status = STATUS_CPNS;
        e[6]->tmt_unit = minus24 + 1;
        e[8]->status = STATUS_PPPK;
        e[8]->angkat = date_from_ymd(2021, 1, 1);
        fx_finish(&f);
        for (int k = 0; k < 9; k++) {
            unsigned bits = want[k];
            if (k == 8 && pppk == 1) {
                bits = 0;
            }
            snprintf(ctx, sizeof(ctx), "ineligible %s", nips[k]);
            CHECK_EQ(plan_ineligible(&f.p, fx_find(&f, nips[k]), false), bits);
        }
        fx_run(&f, &o, &r);
        assert_int_equal(r.n_moves, pppk == 1 ? 4 : 3);
        assert_int_equal(moves_into(&r, b), pppk == 1 ? 4 : 3);
        assert_int_equal(r.cost, pppk == 1 ? -28500 : -23250);
        for (int k = 0; k < 9; k++) {
            bool may = want[k] == 0 || (k == 8 && pppk == 1);
            assert_int_equal(move_of(&f, &r, nips[k]) != NULL, may);
        }
        /* Those left behind carry the reasons in why_not. */
        for (int k = 0; k < 9; k++) {
            size_t i = fx_find(&f, nips[k]);
            if (move_of(&f, &r, nips[k]) == NULL) {
                snprintf(ctx, sizeof(ctx), "why_not %s", nips[k]);
                CHECK_EQ(r.why_not[i] & want[k], want[k]);
            }
        }
        done(&r);
    }
}

/* One surplus employee at K.A (jabatan J0) and one missing J1 (same
 * kelompok and jenjang, so a mutasi jabatan) at K.B, no coordinates; J1
 * requires 'pend' or more and golongan III/a (8) .. III/d (11). Returns
 * whether the employee moved, with 'why' their reason set if not. */
static bool
moves_into_j1(enum pegawai_status st, int pendidikan, int golongan, int pend,
              unsigned *why)
{
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    fx_init(&f, date_from_ymd(2026, 7, 1));
    size_t root = fx_unit(&f, "K", UNIT_OPD, ROOT_SELF);
    size_t ua = fx_unit(&f, "K.A", UNIT_LAINNYA, root);
    size_t ub = fx_unit(&f, "K.B", UNIT_LAINNYA, root);
    size_t j0 = fx_jab(&f, "J0", JAB_PELAKSANA, 0, NULL);
    size_t j1 = fx_jab(&f, "J1", JAB_PELAKSANA, 0, NULL);
    f.jabs[j1].pendidikan_min = (int8_t)pend;
    f.jabs[j1].golongan_min = 8;
    f.jabs[j1].golongan_max = 11;
    size_t a = fx_pair(&f, ua, j0, 0);
    fx_pair(&f, ub, j1, 1);
    struct plan_staff *e = fx_staff(&f, "198001012005011001", a);
    e->status = st;
    e->pendidikan = (int8_t)pendidikan;
    e->golongan = (int8_t)golongan;
    fx_finish(&f);
    fx_run(&f, &o, &r);
    bool moved = r.n_moves == 1;
    *why = r.why_not[0];
    if (moved) {
        CHECK(r.moves[0].to_pair != r.moves[0].from_pair);
    }
    done(&r);
    return moved;
}

/* The requirements of a mutasi jabatan at their boundaries: golongan at
 * its minimum and maximum, one step outside each, education one level
 * short and exactly met; unknown data never meets a stated requirement. */
static void
test_plan_position_requirements_at_their_bounds(void **state)
{
    unsigned why = 0;
    const unsigned syarat = PLAN_BIT(PLAN_R_SYARAT_JABATAN);
    (void)state;
    snprintf(ctx, sizeof(ctx), "requirements");
    CHECK(moves_into_j1(STATUS_PNS, PEND_S1, 8, PEND_S1, &why));  /* III/a */
    CHECK(moves_into_j1(STATUS_PNS, PEND_S1, 11, PEND_S1, &why)); /* III/d */
    CHECK(!moves_into_j1(STATUS_PNS, PEND_S1, 7, PEND_S1, &why)); /* II/d */
    CHECK_EQ(why, syarat);
    CHECK(!moves_into_j1(STATUS_PNS, PEND_S1, 12, PEND_S1, &why)); /* IV/a */
    CHECK_EQ(why, syarat);
    CHECK(!moves_into_j1(STATUS_PNS, PEND_D4, 9, PEND_S1, &why));
    CHECK_EQ(why, syarat);
    CHECK(moves_into_j1(STATUS_PNS, PEND_S2, 9, PEND_S1, &why));
    CHECK(!moves_into_j1(STATUS_PNS, -1, 9, PEND_S1, &why));
    CHECK_EQ(why, syarat);
    CHECK(!moves_into_j1(STATUS_PNS, PEND_S1, -1, PEND_S1, &why));
    CHECK_EQ(why, syarat);
    CHECK(moves_into_j1(STATUS_PNS, -1, 9, -1, &why)); /* None stated. */
}

/* PPPK move, but only within their own jabatan; part-time PPPK never by
 * default, and like PPPK when pppk_pw_boleh is on. */
static void
test_plan_pppk_keep_their_jabatan_and_part_time_stay(void **state)
{
    unsigned why = 0;
    (void)state;
    snprintf(ctx, sizeof(ctx), "pppk");
    CHECK(!moves_into_j1(STATUS_PPPK, PEND_S1, -1, -1, &why));
    CHECK_EQ(why, PLAN_BIT(PLAN_R_STATUS));
    for (int pw_allowed = 0; pw_allowed < 2; pw_allowed++) {
        for (int st = STATUS_PPPK; st <= STATUS_PPPK_PW; st++) {
            struct fx f;
            struct plan_result r;
            struct plan_opts o = directed(-1, -1);
            fx_init(&f, date_from_ymd(2026, 7, 1));
            f.s.pppk_pw_boleh = pw_allowed == 1;
            size_t root = fx_unit(&f, "K", UNIT_OPD, ROOT_SELF);
            size_t ua = fx_unit(&f, "K.A", UNIT_LAINNYA, root);
            size_t ub = fx_unit(&f, "K.B", UNIT_LAINNYA, root);
            size_t j0 = fx_jab(&f, "J0", JAB_PELAKSANA, 0, NULL);
            size_t a = fx_pair(&f, ua, j0, 0);
            fx_pair(&f, ub, j0, 1);
            fx_staff(&f, "198001012024211001", a)->status =
                (enum pegawai_status)st;
            fx_finish(&f);
            fx_run(&f, &o, &r);
            bool want = st == STATUS_PPPK || pw_allowed;
            snprintf(ctx, sizeof(ctx), "pppk status %d, pw allowed %d", st,
                     pw_allowed);
            CHECK_EQ(r.n_moves, want ? 1 : 0);
            CHECK_EQ(plan_ineligible(&f.p, 0, false),
                     want ? 0 : PLAN_BIT(PLAN_R_STATUS));
            done(&r);
        }
    }
}

/* skp_directed: off by default (a directed move only shows the SKP), on
 * it needs skp_min_aps in each of the two years before the plan's. */
static void
test_plan_skp_directed_setting(void **state)
{
    (void)state;
    for (int on = 0; on < 2; on++) {
        for (int year = 0; year < 2; year++) {
            struct fx f;
            fx_init(&f, date_from_ymd(2026, 7, 1));
            f.s.skp_directed = on == 1;
            size_t root = fx_unit(&f, "K", UNIT_OPD, ROOT_SELF);
            size_t j0 = fx_jab(&f, "J0", JAB_PELAKSANA, 0, NULL);
            size_t a = fx_pair(&f, root, j0, 0);
            fx_staff(&f, "198001012005011001", a)->skp[year] =
                SKP_BUTUH_PERBAIKAN;
            fx_finish(&f);
            snprintf(ctx, sizeof(ctx), "skp_directed %d, year %d", on, year);
            CHECK_EQ(plan_skp_year(&f.p), 2025);
            CHECK_EQ(plan_ineligible(&f.p, 0, false),
                     on ? PLAN_BIT(PLAN_R_SKP) : 0);
            CHECK_EQ(plan_ineligible(&f.p, 0, true), PLAN_BIT(PLAN_R_SKP));
        }
    }
}

static void
test_plan_never_moves_structural_positions(void **state)
{
    /* Three structural positions (administrator, JPT, pengawas), each
     * with one too many at K.A and one missing at K.B, no coordinates:
     * nobody moves. With struktural_boleh = 1 all three move: 3 x (1000
     * - 10000) = -27000. */
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    (void)state;
    for (int allowed = 0; allowed < 2; allowed++) {
        fx_init(&f, date_from_ymd(2025, 7, 1));
        f.s.struktural_boleh = allowed == 1;
        size_t root = fx_unit_at(&f, "K", UNIT_OPD, NONE, NONE, ROOT_SELF);
        size_t ua = fx_unit_at(&f, "K.A", UNIT_LAINNYA, NONE, NONE, root);
        size_t ub = fx_unit_at(&f, "K.B", UNIT_LAINNYA, NONE, NONE, root);
        size_t j0 = fx_jab(&f, "KABID", JAB_ADMINISTRATOR, 0, NULL);
        size_t j1 = fx_jab(&f, "KADIS", JAB_JPT, 1, NULL);
        size_t j2 = fx_jab(&f, "KASI", JAB_PENGAWAS, 2, NULL);
        size_t a0 = fx_pair(&f, ua, j0, 1);
        size_t a1 = fx_pair(&f, ua, j1, 1);
        size_t a2 = fx_pair(&f, ua, j2, 1);
        fx_pair(&f, ub, j0, 1);
        fx_pair(&f, ub, j1, 1);
        fx_pair(&f, ub, j2, 1);
        fx_fill(&f, a0, 2);
        fx_fill(&f, a1, 2);
        fx_fill(&f, a2, 2);
        fx_finish(&f);
        for (size_t i = 0; i < f.n_staff; i++) {
            snprintf(ctx, sizeof(ctx), "structural %s", f.staff[i].nip);
            CHECK_EQ(plan_ineligible(&f.p, i, false),
                     allowed ? 0 : PLAN_BIT(PLAN_R_JABATAN_STRUKTURAL));
        }
        fx_run(&f, &o, &r);
        assert_int_equal(r.n_moves, allowed ? 3 : 0);
        assert_int_equal(r.cost, allowed ? -27000 : 0);
        done(&r);
    }
}

static void
test_plan_service_bond_binds_requests_only(void **state)
{
    /* D = 2025-07-01. The bond (formation year >= 2021, the NIP's year
     * by default) lasts until the appointment month + 11 years. B1
     * appointed 2021-06, formation 0 -> 2021: bonded to 2032-06-01. B2
     * appointed 2014-07 with formation 2021: free from 2025-07-01 = D.
     * B3 appointed 2014-08, formation 2021: bonded to 2025-08-01. B4
     * appointed 2010-03, formation 0 -> 2010: never bonded. The bond
     * does not hold back a directed move: K.A need 0 with 4, K.B need 4
     * with none, no coordinates: 4 moves, 4000 - 10000 - 7500 - 5000 -
     * 2500 = -21000. */
    static const char *const nips[] = {
        "198501012021061001", "198001012014071002", "198001012014081003",
        "198001012010031004"};
    static const int formasi[] = {0, 2021, 2021, 0};
    static const bool bonded[] = {true, false, true, false};
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    (void)state;
    fx_init(&f, date_from_ymd(2025, 7, 1));
    size_t root = fx_unit_at(&f, "K", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t ua = fx_unit_at(&f, "K.A", UNIT_LAINNYA, NONE, NONE, root);
    size_t ub = fx_unit_at(&f, "K.B", UNIT_LAINNYA, NONE, NONE, root);
    size_t j = fx_jab(&f, "PEL", JAB_PELAKSANA, 0, NULL);
    size_t a = fx_pair(&f, ua, j, 0);
    fx_pair(&f, ub, j, 4);
    for (int k = 0; k < 4; k++) {
        fx_staff(&f, nips[k], a)->formasi_tahun = formasi[k];
    }
    fx_finish(&f);
    for (int k = 0; k < 4; k++) {
        size_t i = fx_find(&f, nips[k]);
        snprintf(ctx, sizeof(ctx), "bond %s", nips[k]);
        CHECK_EQ(plan_ineligible(&f.p, i, true),
                 bonded[k] ? PLAN_BIT(PLAN_R_IKATAN_10_TAHUN) : 0);
        CHECK_EQ(plan_ineligible(&f.p, i, false), 0);
    }
    fx_run(&f, &o, &r);
    assert_int_equal(r.n_moves, 4);
    assert_int_equal(r.cost, -21000);
    done(&r);
}

static void
test_plan_never_crosses_governments(void **state)
{
    /* Two roots. G1.A (-8.50) and G2.D (-9.01) each have one nurse too
     * many; G1.C (-9.00) and G2.B (-8.51) each miss one (puskesmas, w =
     * 3: 30000). The cheap moves G1.A -> G2.B and G2.D -> G1.C (0.01
     * degrees, 1111 each) would cross governments. Within each: 0.5
     * degrees = 55.598 km, 1000 + 5560 = 6560 each: cost 2 x (6560 -
     * 30000) = -46880. */
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    (void)state;
    fx_init(&f, date_from_ymd(2025, 7, 1));
    size_t g1 = fx_unit_at(&f, "G1", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t g1a = fx_unit_at(&f, "G1.A", UNIT_PUSKESMAS, -8.50, LON, g1);
    size_t g1c = fx_unit_at(&f, "G1.C", UNIT_PUSKESMAS, -9.00, LON, g1);
    size_t g2 = fx_unit_at(&f, "G2", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t g2b = fx_unit_at(&f, "G2.B", UNIT_PUSKESMAS, -8.51, LON, g2);
    size_t g2d = fx_unit_at(&f, "G2.D", UNIT_PUSKESMAS, -9.01, LON, g2);
    size_t j = fx_jab(&f, "PERAWAT", JAB_FUNGSIONAL_KETERAMPILAN, 0, NULL);
    size_t a = fx_pair(&f, g1a, j, 1);
    size_t c = fx_pair(&f, g1c, j, 1);
    size_t b = fx_pair(&f, g2b, j, 1);
    size_t d = fx_pair(&f, g2d, j, 1);
    fx_fill(&f, a, 2);
    fx_fill(&f, d, 2);
    fx_finish(&f);
    fx_run(&f, &o, &r);
    assert_int_equal(r.n_moves, 2);
    for (size_t k = 0; k < r.n_moves; k++) {
        const struct plan_move *m = &r.moves[k];
        assert_int_equal(m->to_pair, m->from_pair == a ? c : b);
        assert_int_equal(m->cost, 6560);
    }
    assert_int_equal(r.cost, -46880);
    done(&r);
}

static void
test_plan_destination_competency_required(void **state)
{
    /* PERAWAT requires STR. U1 (-8.50): need 1, 4 staff; U2 (-8.60):
     * need 1, none (puskesmas: 30000). Homes: N1 -8.59 with no tags
     * (1111), N2 -8.58 with "STRX;SIP" (1222), M -8.52 with "SIP;STR"
     * (1000 + round(889.56) = 1890), a filler without tags. Only M holds
     * STR: cost 1890 - 30000 = -28110. */
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    (void)state;
    fx_init(&f, date_from_ymd(2025, 7, 1));
    size_t root = fx_unit_at(&f, "D", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t u1 = fx_unit_at(&f, "D.U1", UNIT_PUSKESMAS, -8.50, LON, root);
    size_t u2 = fx_unit_at(&f, "D.U2", UNIT_PUSKESMAS, -8.60, LON, root);
    size_t adm = fx_jab(&f, "ADM", JAB_PELAKSANA, 1, NULL);
    size_t bidan =
        fx_jab(&f, "BIDAN", JAB_FUNGSIONAL_KETERAMPILAN, 2, "SIP;STR");
    size_t j = fx_jab(&f, "PERAWAT", JAB_FUNGSIONAL_KETERAMPILAN, 0, "STR");
    size_t a = fx_pair(&f, u1, j, 1);
    size_t b = fx_pair(&f, u2, j, 1);
    struct plan_staff *e = fx_staff(&f, "198001012005011001", a);
    e->lat = -8.59;
    e->lon = LON;
    e = fx_staff(&f, "198001012005011002", a);
    e->lat = -8.58;
    e->lon = LON;
    e->kompetensi = "STRX;SIP";
    e = fx_staff(&f, "198001012005011003", a);
    e->lat = -8.52;
    e->lon = LON;
    e->kompetensi = "SIP;STR";
    fx_fill(&f, a, 1);
    fx_finish(&f);
    size_t n1 = fx_find(&f, "198001012005011001");
    size_t n2 = fx_find(&f, "198001012005011002");
    size_t m = fx_find(&f, "198001012005011003");
    assert_false(plan_has_kompetensi(&f.p, n1, j));
    assert_false(plan_has_kompetensi(&f.p, n2, j));
    assert_true(plan_has_kompetensi(&f.p, m, j));
    assert_true(plan_has_kompetensi(&f.p, m, bidan));
    assert_false(plan_has_kompetensi(&f.p, n2, bidan));
    assert_true(plan_has_kompetensi(&f.p, n1, adm));
    fx_run(&f, &o, &r);
    assert_int_equal(r.n_moves, 1);
    assert_int_equal(r.moves[0].staff, m);
    assert_int_equal(r.moves[0].to_pair, b);
    assert_int_equal(r.moves[0].cost, 1890);
    assert_int_equal(r.cost, -28110);
    done(&r);
}

static void
test_plan_same_class_fills_other_position(void **state)
{
    /* PENGADM and PENGARS are one class (same kelompok and jenjang),
     * ANALIS another. U1 (kelurahan) has one PENGADM too many; U2
     * (kelurahan, w = 2) misses one ANALIS (20000) and two PENGARS
     * (2 x round(10000 x 2/2) = 20000, then 10000). No coordinates: the
     * PENGADM fills PENGARS at 1000 - 20000 = -19000, never ANALIS. */
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    (void)state;
    fx_init(&f, date_from_ymd(2025, 7, 1));
    size_t root = fx_unit_at(&f, "K", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t u1 = fx_unit_at(&f, "K.U1", UNIT_KELURAHAN, NONE, NONE, root);
    size_t u2 = fx_unit_at(&f, "K.U2", UNIT_KELURAHAN, NONE, NONE, root);
    size_t analis = fx_jab(&f, "ANALIS", JAB_FUNGSIONAL_KEAHLIAN, 1, NULL);
    size_t adm = fx_jab(&f, "PENGADM", JAB_PELAKSANA, 0, NULL);
    size_t ars = fx_jab(&f, "PENGARS", JAB_PELAKSANA, 0, NULL);
    size_t a = fx_pair(&f, u1, adm, 1);
    fx_pair(&f, u2, analis, 1);
    size_t b = fx_pair(&f, u2, ars, 2);
    fx_fill(&f, a, 2);
    fx_finish(&f);
    fx_run(&f, &o, &r);
    assert_int_equal(r.n_moves, 1);
    assert_int_equal(r.moves[0].from_pair, a);
    assert_int_equal(r.moves[0].to_pair, b);
    assert_int_equal(r.moves[0].value, 20000);
    assert_int_equal(r.cost, -19000);
    assert_int_equal(r.h_after[b], 1);
    done(&r);
}

static void
test_plan_max_moves_keeps_best_moves(void **state)
{
    /* K.A has 3 too many; K.B (sekolah, 30000), K.C (kelurahan, 20000)
     * and K.D (lainnya, 10000) each miss one; no coordinates, each move
     * 1000. No limit: 3000 - 60000 = -57000; at most 2: K.B and K.C,
     * 2000 - 50000 = -48000; at most 1: K.B, -29000; 0: nothing. */
    static const long limit[] = {-1, 3, 2, 1, 0};
    static const long want_moves[] = {3, 3, 2, 1, 0};
    static const int64_t want_cost[] = {-57000, -57000, -48000, -29000, 0};
    struct fx f;
    struct plan_result r;
    (void)state;
    fx_init(&f, date_from_ymd(2025, 7, 1));
    size_t root = fx_unit_at(&f, "K", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t ua = fx_unit_at(&f, "K.A", UNIT_LAINNYA, NONE, NONE, root);
    size_t ub = fx_unit_at(&f, "K.B", UNIT_SEKOLAH, NONE, NONE, root);
    size_t uc = fx_unit_at(&f, "K.C", UNIT_KELURAHAN, NONE, NONE, root);
    size_t ud = fx_unit_at(&f, "K.D", UNIT_LAINNYA, NONE, NONE, root);
    size_t j = fx_jab(&f, "PEL", JAB_PELAKSANA, 0, NULL);
    size_t a = fx_pair(&f, ua, j, 0);
    size_t b = fx_pair(&f, ub, j, 1);
    size_t c = fx_pair(&f, uc, j, 1);
    size_t d = fx_pair(&f, ud, j, 1);
    fx_fill(&f, a, 3);
    fx_finish(&f);
    for (int t = 0; t < 5; t++) {
        struct plan_opts o = directed(limit[t], -1);
        fx_run(&f, &o, &r);
        assert_int_equal(r.n_moves, want_moves[t]);
        assert_int_equal(r.cost, want_cost[t]);
        assert_int_equal(moves_into(&r, b), want_moves[t] >= 1);
        assert_int_equal(moves_into(&r, c), want_moves[t] >= 2);
        assert_int_equal(moves_into(&r, d), want_moves[t] >= 3);
        done(&r);
    }
}

static void
test_plan_max_moves_spans_governments(void **state)
{
    /* G1: one too many at G1.A, G1.B (sekolah, 30000) misses one. G2:
     * two too many at G2.A, G2.B (kelurahan, 20000) and G2.C (lainnya,
     * 10000) miss one each. No coordinates. At most 2 moves in all: G1.B
     * and G2.B, 2000 - 50000 = -48000 (not two from one government). */
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(2, -1);
    (void)state;
    fx_init(&f, date_from_ymd(2025, 7, 1));
    size_t g1 = fx_unit_at(&f, "G1", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t g1a = fx_unit_at(&f, "G1.A", UNIT_LAINNYA, NONE, NONE, g1);
    size_t g1b = fx_unit_at(&f, "G1.B", UNIT_SEKOLAH, NONE, NONE, g1);
    size_t g2 = fx_unit_at(&f, "G2", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t g2a = fx_unit_at(&f, "G2.A", UNIT_LAINNYA, NONE, NONE, g2);
    size_t g2b = fx_unit_at(&f, "G2.B", UNIT_KELURAHAN, NONE, NONE, g2);
    size_t g2c = fx_unit_at(&f, "G2.C", UNIT_LAINNYA, NONE, NONE, g2);
    size_t j = fx_jab(&f, "PEL", JAB_PELAKSANA, 0, NULL);
    size_t a1 = fx_pair(&f, g1a, j, 0);
    size_t b1 = fx_pair(&f, g1b, j, 1);
    size_t a2 = fx_pair(&f, g2a, j, 0);
    size_t b2 = fx_pair(&f, g2b, j, 1);
    size_t c2 = fx_pair(&f, g2c, j, 1);
    fx_fill(&f, a1, 1);
    fx_fill(&f, a2, 2);
    fx_finish(&f);
    fx_run(&f, &o, &r);
    assert_int_equal(r.n_moves, 2);
    assert_int_equal(moves_into(&r, b1), 1);
    assert_int_equal(moves_into(&r, b2), 1);
    assert_int_equal(moves_into(&r, c2), 0);
    assert_int_equal(r.cost, -48000);
    done(&r);
    /* Without the limit all three: 3000 - 60000 = -57000. */
    o.max_moves = -1;
    fx_run(&f, &o, &r);
    assert_int_equal(r.n_moves, 3);
    assert_int_equal(r.cost, -57000);
    done(&r);
}

static void
test_plan_max_km_excludes_far_moves(void **state)
{
    /* K.A (-8.50) has 2 too many; K.B (-8.60, 11.1195 km, 2112) and K.C
     * (-8.80, 33.3585 km, 1000 + 3336 = 4336) miss one each (lainnya,
     * 10000). No limit: 2112 + 4336 - 20000 = -13552; max 20 km: K.B
     * only, -7888; max 11.12 km: still K.B; max 11.11 km: nothing. */
    static const double max_km[] = {-1, 40.0, 20.0, 11.12, 11.11};
    static const long want_moves[] = {2, 2, 1, 1, 0};
    static const int64_t want_cost[] = {-13552, -13552, -7888, -7888, 0};
    struct fx f;
    struct plan_result r;
    (void)state;
    fx_init(&f, date_from_ymd(2025, 7, 1));
    size_t root = fx_unit_at(&f, "K", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t ua = fx_unit_at(&f, "K.A", UNIT_LAINNYA, -8.50, LON, root);
    size_t ub = fx_unit_at(&f, "K.B", UNIT_LAINNYA, -8.60, LON, root);
    size_t uc = fx_unit_at(&f, "K.C", UNIT_LAINNYA, -8.80, LON, root);
    size_t j = fx_jab(&f, "PEL", JAB_PELAKSANA, 0, NULL);
    size_t a = fx_pair(&f, ua, j, 0);
    size_t b = fx_pair(&f, ub, j, 1);
    size_t c = fx_pair(&f, uc, j, 1);
    fx_fill(&f, a, 2);
    fx_finish(&f);
    for (int t = 0; t < 5; t++) {
        struct plan_opts o = directed(-1, max_km[t]);
        fx_run(&f, &o, &r);
        assert_int_equal(r.n_moves, want_moves[t]);
        assert_int_equal(r.cost, want_cost[t]);
        assert_int_equal(moves_into(&r, b), want_moves[t] >= 1);
        assert_int_equal(moves_into(&r, c), want_moves[t] >= 2);
        done(&r);
    }
}

static void
test_plan_skips_move_costlier_than_slot(void **state)
{
    /* K.A (-8.50) has 2 too many; K.B (-9.50: 111.195 km, 1000 + 11120 =
     * 12120) and K.C (-9.00: 55.598 km, 6560) miss one each (lainnya,
     * 10000). K.B's move costs more than the slot is worth: only K.C,
     * 6560 - 10000 = -3440. */
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    (void)state;
    fx_init(&f, date_from_ymd(2025, 7, 1));
    size_t root = fx_unit_at(&f, "K", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t ua = fx_unit_at(&f, "K.A", UNIT_LAINNYA, -8.50, LON, root);
    size_t ub = fx_unit_at(&f, "K.B", UNIT_LAINNYA, -9.50, LON, root);
    size_t uc = fx_unit_at(&f, "K.C", UNIT_LAINNYA, -9.00, LON, root);
    size_t j = fx_jab(&f, "PEL", JAB_PELAKSANA, 0, NULL);
    size_t a = fx_pair(&f, ua, j, 0);
    size_t b = fx_pair(&f, ub, j, 1);
    size_t c = fx_pair(&f, uc, j, 1);
    fx_fill(&f, a, 2);
    fx_finish(&f);
    fx_run(&f, &o, &r);
    assert_int_equal(r.n_moves, 1);
    assert_int_equal(moves_into(&r, b), 0);
    assert_int_equal(moves_into(&r, c), 1);
    assert_int_equal(r.moves[0].cost, 6560);
    assert_int_equal(r.cost, -3440);
    assert_int_equal(r.h_after[b], 0);
    done(&r);
}

static void
test_plan_surge_slot_gets_temporary_move(void **state)
{
    /* K.B (puskesmas, -8.60): need 3 with a surge (2 without), 1 in post:
     * d = 2, of which max(0, 2 - 1) = 1 permanent. Slots 3 x round(10000
     * x 2/3) = 20001 and 3 x round(10000 x 1/3) = 9999. K.A (-8.50):
     * need 1 with 3 (s = 2). Homes: NEAR -8.59 (1111), FAR -8.55 (1000 +
     * 556 = 1556), third none (2112). NEAR and FAR move: 2667 - 30000 =
     * -27333; FAR, the farther, is temporary until the surge ends. With
     * no homes at all every move is 2112, 4224 - 30000 = -25776, and of
     * the two movers the larger NIP is temporary. */
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    int32_t until = date_from_ymd(2025, 9, 30);
    (void)state;
    for (int homes = 1; homes >= 0; homes--) {
        fx_init(&f, date_from_ymd(2025, 7, 1));
        size_t root = fx_unit_at(&f, "K", UNIT_OPD, NONE, NONE, ROOT_SELF);
        size_t ua = fx_unit_at(&f, "K.A", UNIT_PUSKESMAS, -8.50, LON, root);
        size_t ub = fx_unit_at(&f, "K.B", UNIT_PUSKESMAS, -8.60, LON, root);
        size_t j = fx_jab(&f, "PERAWAT", JAB_FUNGSIONAL_KETERAMPILAN, 0, NULL);
        size_t a = fx_pair(&f, ua, j, 1);
        size_t b = fx_pair(&f, ub, j, 3);
        f.pairs[b].n_perm = 2;
        f.pairs[b].surge_until = until;
        struct plan_staff *near = fx_staff(&f, "198001012005011001", a);
        struct plan_staff *far = fx_staff(&f, "198001012005011002", a);
        fx_staff(&f, "198001012005011003", a);
        if (homes) {
            near->lat = -8.59;
            near->lon = LON;
            far->lat = -8.55;
            far->lon = LON;
        }
        fx_fill(&f, b, 1);
        fx_finish(&f);
        fx_run(&f, &o, &r);
        assert_int_equal(r.n_moves, 2);
        assert_int_equal(moves_into(&r, b), 2);
        if (homes) {
            const struct plan_move *mn = move_of(&f, &r, "198001012005011001");
            const struct plan_move *mf = move_of(&f, &r, "198001012005011002");
            assert_non_null(mn);
            assert_non_null(mf);
            assert_int_equal(mn->sementara_sampai, DATE_NONE);
            assert_int_equal(mf->sementara_sampai, until);
            assert_int_equal(r.cost, -27333);
        } else {
            const struct plan_move *m0 = &r.moves[0]; /* Smaller NIP. */
            const struct plan_move *m1 = &r.moves[1];
            assert_int_equal(m0->sementara_sampai, DATE_NONE);
            assert_int_equal(m1->sementara_sampai, until);
            assert_int_equal(r.cost, -25776);
        }
        done(&r);
    }
}

static void
test_plan_prefers_fewer_moves_on_equal_objective(void **state)
{
    /* K.B (lainnya) needs 2 and has none: slots 10000 and 5000; K.A has
     * 2 too many; no coordinates, a move costs biaya_pindah. At 5000 one
     * move gives 5000 - 10000 = -5000 and two give 10000 - 15000 =
     * -5000 too: the plan with one move wins. At 4999 two moves are
     * better (9998 - 15000 = -5002 against -5001). At 10000 the move
     * only breaks even: nothing moves; at 9999 one move, -1. The same
     * with one slot (K.B needs 1: 10000), where at most one move is
     * possible: at 9999 the move gains 1 and is made. */
    static const int64_t need[] = {2, 2, 2, 2, 1, 1};
    static const int64_t biaya[] = {5000, 4999, 10000, 9999, 9999, 10000};
    static const long want_moves[] = {1, 2, 0, 1, 1, 0};
    static const int64_t want_cost[] = {-5000, -5002, 0, -1, -1, 0};
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    (void)state;
    for (int t = 0; t < 6; t++) {
        fx_init(&f, date_from_ymd(2025, 7, 1));
        f.s.biaya_pindah = biaya[t];
        size_t root = fx_unit_at(&f, "K", UNIT_OPD, NONE, NONE, ROOT_SELF);
        size_t ua = fx_unit_at(&f, "K.A", UNIT_LAINNYA, NONE, NONE, root);
        size_t ub = fx_unit_at(&f, "K.B", UNIT_LAINNYA, NONE, NONE, root);
        size_t j = fx_jab(&f, "PEL", JAB_PELAKSANA, 0, NULL);
        size_t a = fx_pair(&f, ua, j, 0);
        fx_pair(&f, ub, j, need[t]);
        fx_fill(&f, a, 2);
        fx_finish(&f);
        snprintf(ctx, sizeof(ctx), "need %lld, biaya_pindah %lld",
                 (long long)need[t], (long long)biaya[t]);
        fx_run(&f, &o, &r);
        CHECK_EQ(r.n_moves, want_moves[t]);
        CHECK_EQ(r.cost, want_cost[t]);
        done(&r);
    }
}

static void
test_plan_gainful_move_fills_zero_value_slot(void **state)
{
    /* Settings where a move is worth making for its own sake: biaya_pindah
     * 200, potongan_rotasi 300, so moving someone due for rotation costs
     * 200 - 300 = -100 (no coordinates). K.B (kelurahan) misses one, but
     * bobot_kelurahan is 0: its slot is worth 0 x round(10000 x 1/1) = 0.
     * The objective sum benefit - sum cost gains 100 by the move, so the
     * plan makes it: cost -100 - 0 = -100. R (rotation due) moves; P
     * (not due, cost 200 > 0) stays. */
    struct fx f;
    struct plan_result r;
    struct plan_opts o = directed(-1, -1);
    (void)state;
    fx_init(&f, date_from_ymd(2025, 7, 1));
    f.s.biaya_pindah = 200;
    f.s.bobot[UNIT_KELURAHAN] = 0;
    size_t root = fx_unit_at(&f, "K", UNIT_OPD, NONE, NONE, ROOT_SELF);
    size_t ua = fx_unit_at(&f, "K.A", UNIT_LAINNYA, NONE, NONE, root);
    size_t ub = fx_unit_at(&f, "K.B", UNIT_KELURAHAN, NONE, NONE, root);
    size_t j = fx_jab(&f, "PEL", JAB_PELAKSANA, 0, NULL);
    size_t a = fx_pair(&f, ua, j, 0);
    size_t b = fx_pair(&f, ub, j, 1);
    fx_staff(&f, "198001012005011001", a); /* P */
    fx_staff(&f, "198001012005011002", a)->tmt_unit =
        date_add_months(f.day, -72); /* R */
    fx_finish(&f);
    fx_run(&f, &o, &r);
    assert_int_equal(r.n_moves, 1);
    assert_string_equal(f.staff[r.moves[0].staff].nip, "198001012005011002");
    assert_int_equal(r.moves[0].to_pair, b);
    assert_int_equal(r.moves[0].cost, -100);
    assert_int_equal(r.moves[0].value, 0);
    assert_int_equal(r.cost, -100);
    done(&r);
}

/* ---- Random problems -------------------------------------------------- */

static const char *const tag_lists[] = {"A", "B", "A;B", "B;A;C", "AB", "C"};

static double
random_lat(struct rng *g)
{
    return -8.5 - (double)rng_range(g, 0, 2000) / 10000.0;
}

static double
random_lon(struct rng *g)
{
    return 116.0 + (double)rng_range(g, 0, 2000) / 10000.0;
}

static void
random_settings(struct rng *g, struct settings *s)
{
    if (rng_chance(g, 300)) {
        s->pppk_boleh = rng_chance(g, 500);
        s->pppk_pw_boleh = rng_chance(g, 300);
        s->skp_directed = rng_chance(g, 300);
        s->skp_min_aps = (enum skp_predikat)rng_range(g, 2, 4);
        s->struktural_boleh = rng_chance(g, 300);
        s->min_bulan_unit = (int)rng_range(g, 0, 36);
        s->rotasi_bulan = (int)rng_range(g, 0, 72);
        s->pensiun_bulan = (int)rng_range(g, 0, 24);
    }
    if (rng_chance(g, 300)) {
        s->biaya_pindah = rng_range(g, 0, 3000);
        s->potongan_rotasi = rng_range(g, 0, 1500);
        s->potongan_diminta = rng_range(g, 0, 1500);
    }
    if (rng_chance(g, 300)) {
        s->nilai_slot = rng_range(g, 0, 20000);
        for (int k = 0; k < 8; k++) {
            s->bobot[k] = (int)rng_range(g, 0, 4);
        }
    }
}

static int32_t
random_tmt_unit(struct rng *g, const struct fx *f)
{
    int32_t d = f->day;
    switch (rng_pick(g, 8)) {
    case 0:
        return date_add_months(d, -f->s.min_bulan_unit) +
               (int32_t)rng_range(g, -1, 1);
    case 1:
        return date_add_months(d, -f->s.rotasi_bulan) +
               (int32_t)rng_range(g, -1, 1);
    default:
        return d - (int32_t)rng_range(g, 0, 3650);
    }
}

static void
random_staff(struct rng *g, struct fx *f, size_t pair, int seq)
{
    char nip[128];
    int y = (int)rng_range(g, 1962, 2000);
    int m = (int)rng_range(g, 1, 12);
    int d = (int)rng_range(g, 1, 28);
    int ay = y + (int)rng_range(g, 18, 30);
    int am = (int)rng_range(g, 1, 12);
    int sex = (int)rng_range(g, 1, 2);
    int pick = rng_pick(g, 10);
    enum pegawai_status st = pick == 0   ? STATUS_CPNS
                             : pick == 1 ? STATUS_PPPK
                             : pick == 2 ? STATUS_PPPK_PW
                                         : STATUS_PNS;
    ay = ay > 2024 ? 2024 : ay;
    if (model_status_is_pppk(st)) {
        snprintf(nip, sizeof(nip), "%04d%02d%02d%04d2%d%d%03d", y, m, d, ay,
                 (int)rng_range(g, 1, 9), sex, seq);
    } else {
        snprintf(nip, sizeof(nip), "%04d%02d%02d%04d%02d%d%03d", y, m, d, ay,
                 am, sex, seq);
    }
    struct plan_staff *e = fx_staff(f, nip, pair);
    e->status = st;
    if (model_status_is_pppk(st)) {
        e->angkat = date_from_ymd(ay, 1, 1);
    }
    /* SKP, education and golongan, mostly good enough, sometimes not. */
    for (int k = 0; k < 2; k++) {
        e->skp[k] =
            (int8_t)(rng_chance(g, 800) ? SKP_BAIK : rng_range(g, -1, 4));
    }
    e->pendidikan = (int8_t)rng_range(g, -1, PEND_S3);
    e->golongan =
        (int8_t)(model_status_is_pppk(st) ? -1 : rng_range(g, -1, 16));
    e->tmt_unit = random_tmt_unit(g, f);
    if (rng_chance(g, 100)) {
        e->tmt_pensiun = date_add_months(f->day, f->s.pensiun_bulan) +
                         (int32_t)rng_range(g, -1, 1);
    } else {
        e->tmt_pensiun = f->day + (int32_t)rng_range(g, 1, 7300);
    }
    e->formasi_tahun = rng_chance(g, 200) ? (int)rng_range(g, 2015, 2024) : 0;
    e->hukuman_disiplin = rng_chance(g, 50);
    e->kompetensi = rng_chance(g, 300) ? NULL : tag_lists[rng_pick(g, 6)];
    int home = rng_pick(g, 20);
    if (home < 9) {
        e->lat = random_lat(g);
        e->lon = random_lon(g);
    } else if (home < 11) {
        e->lat = random_lat(g); /* Half a home: not a home. */
    }
    if (rng_chance(g, 250)) {
        struct plan_request *q = fx_req(f, e);
        q->n_pilihan = (int8_t)rng_range(g, 1, MODEL_MAX_PILIHAN);
        for (int k = 0; k < q->n_pilihan; k++) {
            q->pilihan[k] =
                rng_chance(g, 100)
                    ? -1
                    : (int32_t)rng_range(g, 0, (long)f->n_units - 1);
        }
        q->alasan = (enum permohonan_alasan)rng_pick(g, 5);
        q->tanggal = f->day - (int32_t)rng_range(g, 0, 400);
    }
}

/* A random problem: 1-3 governments, 3-12 units, 1-4 positions in 1-3
 * classes, random needs, 0-40 staff with random attributes. */
static void
random_problem(struct rng *g, struct fx *f, struct plan_opts *o)
{
    static const int days[][3] = {
        {2025, 7, 1}, {2024, 2, 29}, {2025, 3, 31}, {2026, 1, 1}};
    const int *dd = days[rng_pick(g, 4)];
    fx_init(f, date_from_ymd(dd[0], dd[1], dd[2]));
    random_settings(g, &f->s);
    /* Now and then a flat problem (no coordinates, round numbers), where
     * moves often break even and equal objectives are common. */
    bool flat = rng_chance(g, 250);
    if (flat) {
        static const int64_t biaya[] = {1000, 2000, 3000};
        static const int64_t nilai[] = {1000, 2000, 3000, 6000};
        f->s.biaya_pindah = biaya[rng_pick(g, 3)];
        f->s.nilai_slot = nilai[rng_pick(g, 4)];
        f->s.potongan_rotasi = 500 * rng_range(g, 0, 1);
        f->s.potongan_diminta = 500 * rng_range(g, 0, 2);
    }
    int n_gov = (int)rng_range(g, 1, 3);
    int n_units = (int)rng_range(g, 3, 12);
    int per[3] = {1, n_gov > 1, n_gov > 2};
    for (int k = n_gov; k < n_units; k++) {
        per[rng_pick(g, n_gov)]++;
    }
    for (int gv = 0; gv < n_gov; gv++) {
        size_t root = f->n_units;
        for (int k = 0; k < per[gv]; k++) {
            char *code = f->ucode[f->n_units];
            if (k == 0) {
                snprintf(code, sizeof(f->ucode[0]), "G%d", gv + 1);
            } else {
                snprintf(code, sizeof(f->ucode[0]), "G%d.%02d", gv + 1, k);
            }
            enum unit_jenis jenis =
                k == 0 ? UNIT_OPD : (enum unit_jenis)rng_pick(g, 8);
            bool coords = !flat && rng_chance(g, 700);
            double lat = coords ? random_lat(g) : NONE;
            double lon = coords ? random_lon(g) : NONE;
            if (coords && f->n_units > 0 && rng_chance(g, 100)) {
                lat = f->units[f->n_units - 1].lat; /* Same place. */
                lon = f->units[f->n_units - 1].lon;
            }
            fx_unit_at(f, code, jenis, lat, lon, k == 0 ? ROOT_SELF : root);
        }
    }
    int n_class = (int)rng_range(g, 1, 3);
    int n_jabs = (int)rng_range(g, 1, 4);
    enum jabatan_jenis class_jenis[3];
    for (int c = 0; c < n_class; c++) {
        class_jenis[c] = rng_chance(g, 100)
                             ? (enum jabatan_jenis)rng_range(g, 0, 2)
                             : (enum jabatan_jenis)rng_range(g, 3, 5);
    }
    for (int j = 0; j < n_jabs; j++) {
        size_t klass = (size_t)rng_pick(g, n_class);
        snprintf(f->jcode[j], sizeof(f->jcode[0]), "J%d", j);
        size_t jab =
            fx_jab(f, f->jcode[j], class_jenis[klass], klass,
                   rng_chance(g, 750) ? NULL : tag_lists[rng_pick(g, 3)]);
        /* Requirements of a move into it, at times (a range of golongan
         * around the middle, so that both ends bind). */
        if (rng_chance(g, 400)) {
            f->jabs[jab].pendidikan_min = (int8_t)rng_range(g, 0, PEND_S3);
        }
        if (rng_chance(g, 300)) {
            f->jabs[jab].golongan_min = (int8_t)rng_range(g, 4, 10);
        }
        if (rng_chance(g, 300)) {
            f->jabs[jab].golongan_max = (int8_t)rng_range(g, 10, 14);
        }
    }
    for (size_t u = 0; u < f->n_units; u++) {
        for (size_t j = 0; j < f->n_jabs; j++) {
            if (!rng_chance(g, 800)) {
                continue;
            }
            size_t q = fx_pair(f, u, j, rng_range(g, 0, 5));
            struct plan_pair *pp = &f->pairs[q];
            pp->analysed = rng_chance(g, 870);
            if (pp->n > 0 && rng_chance(g, 200)) {
                pp->n_perm = rng_range(g, 0, pp->n - 1);
                pp->surge_until = f->day + (int32_t)rng_range(g, 1, 300);
            }
            int64_t den = abk_den(&f->s);
            pp->need_num = pp->n * den + rng_range(g, -den / 3, den / 3);
            pp->need_num = pp->need_num < 0 ? 0 : pp->need_num;
            if (!pp->analysed) {
                pp->n = 0;
                pp->n_perm = 0;
                pp->need_num = 0;
                pp->surge_until = DATE_NONE;
            }
        }
    }
    if (f->n_pairs == 0) {
        fx_pair(f, 1, 0, 1);
    }
    /* Up to 40 staff: each pair near its need, so that surpluses and
     * deficits meet; now and then a few more anywhere. */
    int seq = 0;
    size_t start = (size_t)rng_pick(g, (int)f->n_pairs);
    for (size_t k = 0; k < f->n_pairs && seq < 40; k++) {
        size_t q = (start + k) % f->n_pairs;
        int64_t h = f->pairs[q].n + rng_range(g, -3, 2);
        for (int64_t c = 0; c < h && seq < 40; c++) {
            random_staff(g, f, q, seq++);
        }
    }
    for (int k = rng_chance(g, 200) ? (int)rng_range(g, 1, 8) : 0;
         k > 0 && seq < 40; k--) {
        random_staff(g, f, (size_t)rng_pick(g, (int)f->n_pairs), seq++);
    }
    fx_finish(f);
    *o = directed(-1, -1);
    if (rng_chance(g, 300)) {
        o->max_moves = (long)rng_range(g, 0, 5);
    }
    if (rng_chance(g, 300)) {
        o->max_km = (double)rng_range(g, 0, 3000) / 100.0 + 0.005;
    }
}

#define N_RANDOM 500

static void
same_moves(const struct plan_result *a, const struct plan_result *b)
{
    CHECK_EQ(a->n_moves, b->n_moves);
    CHECK_EQ(a->cost, b->cost);
    for (size_t k = 0; k < a->n_moves; k++) {
        const struct plan_move *x = &a->moves[k];
        const struct plan_move *y = &b->moves[k];
        CHECK_EQ(x->staff, y->staff);
        CHECK_EQ(x->to_pair, y->to_pair);
        CHECK_EQ(x->cost, y->cost);
        CHECK_EQ(x->value, y->value);
        CHECK_EQ(x->slot, y->slot);
        CHECK_EQ(x->km_centi, y->km_centi);
        CHECK_EQ(x->sementara_sampai, y->sementara_sampai);
        CHECK_EQ(x->reasons, y->reasons);
    }
}

static void
test_plan_random_plans_keep_invariants(void **state)
{
    static struct fx f;
    struct rng g;
    long total_moves = 0;
    (void)state;
    rng_init(&g, 2026, 5);
    for (int t = 0; t < N_RANDOM; t++) {
        struct plan_opts o;
        struct plan_result r1;
        struct plan_result r2;
        struct plan_result r3;
        random_problem(&g, &f, &o);
        snprintf(ctx, sizeof(ctx), "random problem %d", t);
        fx_run(&f, &o, &r1);
        fx_run(&f, &o, &r2);
        o.threads = 4;
        fx_run(&f, &o, &r3);
        same_moves(&r1, &r2);
        same_moves(&r1, &r3);
        total_moves += (long)r1.n_moves;
        done(&r1);
        done(&r2);
        done(&r3);
    }
    assert_true(total_moves > N_RANDOM); /* The problems did move people. */
}

static void
test_plan_random_rules_match_domain(void **state)
{
    /* plan_ineligible, plan_km and plan_has_kompetensi against this
     * file's own reading of domain.md section 5 and contract section 5. */
    static struct fx f;
    struct rng g;
    (void)state;
    rng_init(&g, 2026, 6);
    for (int t = 0; t < N_RANDOM; t++) {
        struct plan_opts o;
        random_problem(&g, &f, &o);
        snprintf(ctx, sizeof(ctx), "random problem %d", t);
        for (size_t i = 0; i < f.n_staff; i++) {
            CHECK_EQ(plan_ineligible(&f.p, i, false),
                     ref_ineligible(&f, i, false));
            CHECK_EQ(plan_ineligible(&f.p, i, true),
                     ref_ineligible(&f, i, true));
            for (size_t u = 0; u < f.n_units; u++) {
                double km = ref_km(&f, i, u);
                CHECK(fabs(plan_km(&f.p, i, u) - km) <= 1e-9 * (1.0 + km));
            }
            for (size_t j = 0; j < f.n_jabs; j++) {
                CHECK_EQ(
                    plan_has_kompetensi(&f.p, i, j),
                    ref_holds(f.jabs[j].kompetensi, f.staff[i].kompetensi));
            }
        }
    }
}

struct metrics {
    int64_t kekurangan;
    int64_t kelebihan;
    int64_t jabatan_kurang;
    double ej_sd_milli;
    bool has_sd;
};

static struct metrics
ref_metrics(const struct fx *f, const int64_t *h)
{
    struct metrics m = {0, 0, 0, 0, false};
    double need[FX_UNITS] = {0};
    int64_t staff[FX_UNITS] = {0};
    bool analysed[FX_UNITS] = {false};
    for (size_t b = 0; b < f->n_pairs; b++) {
        const struct plan_pair *q = &f->pairs[b];
        if (!q->analysed) {
            continue;
        }
        m.kekurangan += q->n > h[b] ? q->n - h[b] : 0;
        m.kelebihan += h[b] > q->n ? h[b] - q->n : 0;
        m.jabatan_kurang += q->n > h[b];
        need[q->unit] += (double)q->need_num / (double)f->p.den;
        staff[q->unit] += h[b];
        analysed[q->unit] = true;
    }
    double sum = 0;
    double sq = 0;
    int n = 0;
    for (size_t u = 0; u < f->n_units; u++) {
        if (analysed[u] && staff[u] > 0) {
            double ej = need[u] / (double)staff[u];
            sum += ej;
            sq += ej * ej;
            n++;
        }
    }
    if (n > 0) {
        double mean = sum / n;
        double var = 0;
        for (size_t u = 0; u < f->n_units; u++) {
            if (analysed[u] && staff[u] > 0) {
                double ej = need[u] / (double)staff[u];
                var += (ej - mean) * (ej - mean);
            }
        }
        m.ej_sd_milli = 1000.0 * sqrt(var / n);
        m.has_sd = true;
    }
    return m;
}

static void
check_metrics(const struct plan_metrics *got, const struct metrics *want)
{
    CHECK_EQ(got->kekurangan, want->kekurangan);
    CHECK_EQ(got->kelebihan, want->kelebihan);
    CHECK_EQ(got->jabatan_kurang, want->jabatan_kurang);
    if (want->has_sd) {
        CHECK(fabs((double)got->ej_sd_milli - want->ej_sd_milli) <= 1.0);
    }
}

static void
test_plan_random_metrics_before_and_after(void **state)
{
    static struct fx f;
    struct rng g;
    (void)state;
    rng_init(&g, 2026, 7);
    for (int t = 0; t < N_RANDOM; t++) {
        struct plan_opts o;
        struct plan_result r;
        int64_t h[FX_PAIRS];
        random_problem(&g, &f, &o);
        snprintf(ctx, sizeof(ctx), "random problem %d", t);
        fx_run(&f, &o, &r);
        for (size_t b = 0; b < f.n_pairs; b++) {
            h[b] = f.pairs[b].h;
        }
        struct metrics before = ref_metrics(&f, h);
        struct metrics after = ref_metrics(&f, r.h_after);
        check_metrics(&r.before, &before);
        check_metrics(&r.after, &after);
        done(&r);
    }
}

/* The optimum of 'f' under 'o', by a network built here and solved by
 * GLPK: S -> origin pair (cap s) -> eligible employee (cap 1) -> allowed
 * destination pair (cost M x cost + 'per_move') -> T by one arc per slot
 * (cost -M x v_k), and the bypass S -> T; supply F = min(sum s, sum d,
 * max-moves) and M = F + 1. The optimum is M x (sum cost - sum benefit) +
 * per_move x moves: with 'per_move' 1 the fewest moves among the optimal
 * plans, with -1 the most. */
static void
glpk_optimum(const struct fx *f, const struct plan_opts *o, int per_move,
             int64_t *obj, int64_t *moves)
{
    int64_t sum_s = 0;
    int64_t sum_d = 0;
    for (size_t b = 0; b < f->n_pairs; b++) {
        sum_s += ref_s(&f->pairs[b]);
        sum_d += ref_d(&f->pairs[b]);
    }
    int64_t flow = sum_s < sum_d ? sum_s : sum_d;
    if (o->max_moves >= 0 && o->max_moves < flow) {
        flow = o->max_moves;
    }
    *obj = 0;
    *moves = 0;
    if (flow == 0) {
        return;
    }
    int64_t big = flow + 1;
    int n_pairs = (int)f->n_pairs;
    /* Node 0 is S, 1 is T, 2 + b pair b, 2 + n_pairs + i employee i. */
    glp_graph *g = glpk_ref_new(2 + n_pairs + (int)f->n_staff);
    glpk_ref_supply(g, 0, flow);
    glpk_ref_supply(g, 1, -flow);
    glpk_ref_arc(g, 0, 1, 0, flow, 0);
    for (size_t b = 0; b < f->n_pairs; b++) {
        const struct plan_pair *q = &f->pairs[b];
        if (ref_s(q) > 0) {
            glpk_ref_arc(g, 0, 2 + (int)b, 0, ref_s(q), 0);
        }
        for (int64_t k = 1; k <= ref_d(q); k++) {
            glpk_ref_arc(g, 2 + (int)b, 1, 0, 1, -big * ref_value(f, b, k));
        }
    }
    for (size_t i = 0; i < f->n_staff; i++) {
        int e = 2 + n_pairs + (int)i;
        size_t a = f->staff[i].pair;
        if (ref_ineligible(f, i, false) != 0 || ref_s(&f->pairs[a]) == 0) {
            continue;
        }
        glpk_ref_arc(g, 2 + (int)a, e, 0, 1, 0);
        for (size_t b = 0; b < f->n_pairs; b++) {
            if (ref_allowed(f, o, i, b)) {
                glpk_ref_arc(g, e, 2 + (int)b, 0, 1,
                             big * ref_cost(f, i, b) + per_move);
            }
        }
    }
    double total = 0;
    assert_int_equal(glpk_ref_solve(g, &total), 0);
    int64_t scaled = (int64_t)llround(total) * per_move;
    *moves = ((scaled % big) + big) % big;
    *obj = (scaled - *moves) / big * per_move;
}

static void
test_plan_random_plans_match_glpk_optimum(void **state)
{
    static struct fx f;
    struct rng g;
    long helped = 0;
    long ties = 0;
    (void)state;
    rng_init(&g, 2026, 8);
    for (int t = 0; t < N_RANDOM; t++) {
        struct plan_opts o;
        struct plan_result r;
        int64_t obj = 0;
        int64_t moves = 0;
        int64_t obj_most = 0;
        int64_t most = 0;
        random_problem(&g, &f, &o);
        snprintf(ctx, sizeof(ctx), "random problem %d", t);
        glpk_optimum(&f, &o, 1, &obj, &moves);
        glpk_optimum(&f, &o, -1, &obj_most, &most);
        CHECK_EQ(obj_most, obj); /* The oracle agrees with itself. */
        fx_run(&f, &o, &r);
        CHECK_EQ(r.cost, obj);
        CHECK_EQ(r.n_moves, moves);
        helped += obj < 0;
        ties += most > moves;
        done(&r);
    }
    assert_true(helped > N_RANDOM / 3);
    assert_true(ties >= 5); /* The fewest-moves rule was put to work. */
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_reason_codes_follow_contract),
        cmocka_unit_test(test_plan_closest_teachers_fill_school_shortages),
        cmocka_unit_test(
            test_plan_rotation_and_request_discounts_pick_employee),
        cmocka_unit_test(test_plan_pruned_arcs_still_explain_those_who_stay),
        cmocka_unit_test(test_plan_never_moves_ineligible_staff),
        cmocka_unit_test(test_plan_never_moves_structural_positions),
        cmocka_unit_test(test_plan_position_requirements_at_their_bounds),
        cmocka_unit_test(test_plan_pppk_keep_their_jabatan_and_part_time_stay),
        cmocka_unit_test(test_plan_skp_directed_setting),
        cmocka_unit_test(test_plan_service_bond_binds_requests_only),
        cmocka_unit_test(test_plan_never_crosses_governments),
        cmocka_unit_test(test_plan_destination_competency_required),
        cmocka_unit_test(test_plan_same_class_fills_other_position),
        cmocka_unit_test(test_plan_max_moves_keeps_best_moves),
        cmocka_unit_test(test_plan_max_moves_spans_governments),
        cmocka_unit_test(test_plan_max_km_excludes_far_moves),
        cmocka_unit_test(test_plan_skips_move_costlier_than_slot),
        cmocka_unit_test(test_plan_surge_slot_gets_temporary_move),
        cmocka_unit_test(test_plan_prefers_fewer_moves_on_equal_objective),
        cmocka_unit_test(test_plan_gainful_move_fills_zero_value_slot),
        cmocka_unit_test(test_plan_random_plans_keep_invariants),
        cmocka_unit_test(test_plan_random_rules_match_domain),
        cmocka_unit_test(test_plan_random_metrics_before_and_after),
        cmocka_unit_test(test_plan_random_plans_match_glpk_optimum),
    };
    return cmocka_run_group_tests(tests, NULL, release_held);
}
