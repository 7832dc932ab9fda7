/* SPDX-License-Identifier: MIT */
/* Unit tests of the voluntary planner (contract section 5 "Voluntary
 * mode", domain.md section 5): requests granted in priority order, the
 * swaps, cycles and chains that the rule allows, the reasons a request
 * is refused, the no-swap baseline, and the combined mode on top.
 *
 * Hand-checked plans first. Then an oracle of the contract's rule written
 * here from the contract text alone (it uses nothing of plan.c or
 * plan_voluntary.c; only plan_run() and the public types are called): for
 * a tiny problem it lists every candidate (each requester of R stays or
 * goes to one valid unit of their list), keeps the feasible ones (every
 * analysed pair ends with min(h, n) <= h' <= max(h, n_perm)), then fixes
 * the requesters in priority order to the first listed unit that some
 * feasible candidate agreeing with every earlier outcome allows, else
 * "stay". Each random problem is checked against it, and the result
 * exhaustively for Pareto efficiency and the priority property.
 *
 * Every hand computation uses the default settings: reason points
 * ikut_pasangan 100, kesehatan 80, dekat_domisili 30, pengembangan_karier
 * 20, lainnya 0, plus 5 per whole year since tmt_unit (at most 50); ties by
 * earlier tanggal, then smaller NIP. fx_staff() gives 36 months in the
 * unit (15 points), reason lainnya, tanggal D - 30 and an appointment
 * year from the NIP (2005 for the plain NIPs: no service bond). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "abk.h"
#include "buf.h"
#include "date.h"
#include "model.h"
#include "plan.h"
#include "rng.h"
#include "settings.h"

#include "plan_fixture.c" /* struct fx, CHECK(), hold() and done(). */

#define NO_CHOICE PLAN_CHOICE_NONE

/* ---- The contract's rules, computed here on their own ----------------- */

static int64_t
lo_of(const struct plan_pair *q)
{
    return q->h < q->n ? q->h : q->n;
}

/* The voluntary part's upper bound: max(h, n_perm). */
static int64_t
hi_vol(const struct plan_pair *q)
{
    return q->h > q->n_perm ? q->h : q->n_perm;
}

/* "No unit worse off": max(h, n). */
static int64_t
hi_all(const struct plan_pair *q)
{
    return q->h > q->n ? q->h : q->n;
}

/* domain.md section 5 with the default settings, as a set of PLAN_BIT():
 * PNS only, 24 months in the unit, not within 12 months of retirement, no
 * sanction, not structural; for a request also the service bond (formasi
 * from 2021: not before the appointment month + 11 years). */
static unsigned
ref_ineligible(const struct fx *f, size_t i, bool aps)
{
    const struct plan_staff *e = &f->staff[i];
    unsigned bits = 0;
    /* CPNS never; PPPK within their jabatan (pppk_boleh, on by default);
     * part-time PPPK not unless pppk_pw_boleh. */
    if (e->status == STATUS_CPNS ||
        (e->status == STATUS_PPPK && !f->s.pppk_boleh) ||
        (e->status == STATUS_PPPK_PW && !f->s.pppk_pw_boleh)) {
        bits |= PLAN_BIT(PLAN_R_STATUS);
    }
    /* A request needs an SKP of at least skp_min_aps ('baik' by default)
     * in each of the two years before the plan's year. */
    int min = (int)f->s.skp_min_aps;
    if (aps && (e->skp[0] < min || e->skp[1] < min)) {
        bits |= PLAN_BIT(PLAN_R_SKP);
    }
    if (!e->current || date_add_months(e->tmt_unit, 24) > f->day) {
        bits |= PLAN_BIT(PLAN_R_MASA_KERJA_UNIT);
    }
    if (!(date_add_months(f->day, 12) < e->tmt_pensiun)) {
        bits |= PLAN_BIT(PLAN_R_PENSIUN);
    }
    if (e->hukuman_disiplin) {
        bits |= PLAN_BIT(PLAN_R_HUKUMAN_DISIPLIN);
    }
    enum jabatan_jenis j = f->jabs[f->pairs[e->pair].jab].jenis;
    if (j == JAB_JPT || j == JAB_ADMINISTRATOR || j == JAB_PENGAWAS) {
        bits |= PLAN_BIT(PLAN_R_JABATAN_STRUKTURAL);
    }
    if (aps) {
        int y = 0;
        int m = 0;
        int d = 0;
        date_to_ymd(e->angkat, &y, &m, &d);
        int formasi = e->formasi_tahun != 0 ? e->formasi_tahun : y;
        if (formasi >= 2021 && f->day < date_add_months(e->angkat, 132)) {
            bits |= PLAN_BIT(PLAN_R_IKATAN_10_TAHUN);
        }
    }
    return bits;
}

/* Why a request of staff 'i' is not even considered (0: 'i' is in R). */
static unsigned
ref_not_in_r(const struct fx *f, size_t i)
{
    const struct plan_staff *e = &f->staff[i];
    unsigned bits = ref_ineligible(f, i, true);
    if (!f->pairs[e->pair].analysed) {
        bits |= PLAN_BIT(PLAN_R_ABK_ASAL);
    }
    return bits;
}

static bool
ref_in_r(const struct fx *f, size_t i)
{
    return fx_request(f, i)->n_pilihan > 0 && ref_not_in_r(f, i) == 0;
}

/* The pair (unit 'u', jabatan 'jab'), or -1 (a linear search). */
static long
ref_pair(const struct fx *f, long u, size_t jab)
{
    for (size_t k = 0; k < f->n_pairs; k++) {
        if ((long)f->pairs[k].unit == u && f->pairs[k].jab == jab) {
            return (long)k;
        }
    }
    return -1;
}

/* Why unit 'u' (a list entry) of staff 'i' can never be granted: 0 when
 * it is valid (another unit of the same government whose pair with the
 * own jabatan is analysed, the competencies held); PLAN_R_KOMPETENSI when
 * only the competencies are missing; else PLAN_R_ABK_TUJUAN. */
static int
ref_invalid(const struct fx *f, size_t i, long u)
{
    const struct plan_staff *e = &f->staff[i];
    const struct plan_pair *own = &f->pairs[e->pair];
    if (u < 0 || (size_t)u >= f->n_units || (size_t)u == own->unit ||
        f->units[u].root != f->units[own->unit].root) {
        return PLAN_R_ABK_TUJUAN;
    }
    long x = ref_pair(f, u, own->jab);
    if (x < 0 || !f->pairs[x].analysed) {
        return PLAN_R_ABK_TUJUAN;
    }
    if (!ref_holds(f->jabs[own->jab].kompetensi, e->kompetensi)) {
        return PLAN_R_KOMPETENSI;
    }
    return 0;
}

/* Priority points: reason points plus 5 x y, at most 50, y the largest
 * whole number with tmt_unit + 12y months <= D. */
static int64_t
ref_points(const struct fx *f, size_t i)
{
    static const int64_t reason[5] = {100, 80, 30, 20, 0};
    const struct plan_staff *e = &f->staff[i];
    int64_t y = 0;
    while (date_add_months(e->tmt_unit, 12 * (int)(y + 1)) <= f->day) {
        y++;
    }
    int64_t t = 5 * y > 50 ? 50 : 5 * y;
    return reason[fx_request(f, i)->alasan] + t;
}

/* Does staff 'a' come before staff 'b' in the priority order? */
static bool
ref_before(const struct fx *f, size_t a, size_t b)
{
    int64_t pa = ref_points(f, a);
    int64_t pb = ref_points(f, b);
    if (pa != pb) {
        return pa > pb;
    }
    int32_t ta = fx_request(f, a)->tanggal;
    int32_t tb = fx_request(f, b)->tanggal;
    if (ta != tb) {
        return ta < tb;
    }
    return strcmp(f->staff[a].nip, f->staff[b].nip) < 0;
}

/* R in priority order into 'out'; returns |R|. */
static size_t
ref_order(const struct fx *f, size_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n_staff; i++) {
        if (!ref_in_r(f, i)) {
            continue;
        }
        size_t k = n++;
        while (k > 0 && ref_before(f, i, out[k - 1])) {
            out[k] = out[k - 1];
            k--;
        }
        out[k] = i;
    }
    return n;
}

/* ---- The oracle of the voluntary rule -------------------------------- */

#define OR_REQ  6
#define OR_CAND 16384

struct oracle {
    size_t n;                                   /* |R|. */
    size_t who[FX_STAFF];                       /* R in priority order. */
    int n_opt[FX_STAFF];                        /* Valid list entries. */
    long opt_pair[FX_STAFF][MODEL_MAX_PILIHAN]; /* Their pairs, */
    int opt_place[FX_STAFF][MODEL_MAX_PILIHAN]; /* list places (0-based). */
    int got[FX_STAFF]; /* plan_run()'s outcome: option, -1 stay. */
    /* Only when |R| <= OR_REQ: */
    size_t n_cand;                       /* The feasible candidates, */
    unsigned char cand[OR_CAND][OR_REQ]; /* 0 stay, k + 1 option k. */
    int rule[OR_REQ];                    /* The rule: option, -1 stay. */
};

static struct oracle orc;

/* Is the candidate 'c' feasible: every analysed pair ends in [min(h, n),
 * max(h, n_perm)]? */
static bool
or_feasible(const struct fx *f, const struct oracle *o, const unsigned char *c)
{
    int64_t cnt[FX_PAIRS];
    for (size_t k = 0; k < f->n_pairs; k++) {
        cnt[k] = f->pairs[k].h;
    }
    for (size_t q = 0; q < o->n; q++) {
        if (c[q] > 0) {
            cnt[f->staff[o->who[q]].pair]--;
            cnt[o->opt_pair[q][c[q] - 1]]++;
        }
    }
    for (size_t k = 0; k < f->n_pairs; k++) {
        const struct plan_pair *x = &f->pairs[k];
        if (x->analysed && (cnt[k] < lo_of(x) || cnt[k] > hi_vol(x))) {
            return false;
        }
    }
    return true;
}

/* Build the oracle of 'f': R and the options, then every feasible
 * candidate and the rule's outcome; false when the problem is too big for
 * the candidates (R and the options are there all the same). */
static bool
or_build(const struct fx *f, struct oracle *o)
{
    memset(o, 0, offsetof(struct oracle, cand));
    size_t n = ref_order(f, o->who);
    o->n = n;
    size_t total = 1;
    for (size_t q = 0; q < n; q++) {
        const struct plan_staff *e = &f->staff[o->who[q]];
        const struct plan_request *rq = fx_request(f, o->who[q]);
        for (int k = 0; k < rq->n_pilihan; k++) {
            if (ref_invalid(f, o->who[q], rq->pilihan[k]) == 0) {
                int j = o->n_opt[q]++;
                o->opt_pair[q][j] =
                    ref_pair(f, rq->pilihan[k], f->pairs[e->pair].jab);
                o->opt_place[q][j] = k;
            }
        }
        total *= n <= OR_REQ ? (size_t)(o->n_opt[q] + 1) : 1;
    }
    if (n > OR_REQ || total > OR_CAND) {
        return false;
    }
    for (size_t idx = 0; idx < total; idx++) {
        unsigned char c[OR_REQ] = {0};
        size_t rest = idx;
        for (size_t q = 0; q < n; q++) {
            c[q] = (unsigned char)(rest % (size_t)(o->n_opt[q] + 1));
            rest /= (size_t)(o->n_opt[q] + 1);
        }
        if (or_feasible(f, o, c)) {
            memcpy(o->cand[o->n_cand++], c, sizeof(c));
        }
    }
    /* The rule, literally: keep the feasible candidates that agree with
     * every outcome fixed so far. */
    static unsigned char live[OR_CAND];
    memset(live, 1, sizeof(live));
    for (size_t q = 0; q < n; q++) {
        int pick = 0; /* Stay unless a listed unit is possible. */
        for (int k = 0; k < o->n_opt[q] && pick == 0; k++) {
            for (size_t c = 0; c < o->n_cand; c++) {
                if (live[c] && o->cand[c][q] == k + 1) {
                    pick = k + 1;
                    break;
                }
            }
        }
        bool any = false;
        for (size_t c = 0; c < o->n_cand; c++) {
            live[c] = live[c] && o->cand[c][q] == pick;
            any = any || live[c];
        }
        assert_true(any); /* Staying is always possible. */
        o->rule[q] = pick - 1;
    }
    return true;
}

/* Print the problem, for a failure message. */
static void
dump(const struct fx *f)
{
    print_message("day %d; pairs (unit jab n n_perm h analysed):\n", f->day);
    for (size_t k = 0; k < f->n_pairs; k++) {
        const struct plan_pair *x = &f->pairs[k];
        print_message("  [%zu] %s/%s root %s n %lld n_perm %lld h %lld %s\n", k,
                      f->units[x->unit].kode, f->jabs[x->jab].kode,
                      f->units[f->units[x->unit].root].kode, (long long)x->n,
                      (long long)x->n_perm, (long long)x->h,
                      x->analysed ? "analysed" : "not analysed");
    }
    for (size_t i = 0; i < f->n_staff; i++) {
        const struct plan_staff *e = &f->staff[i];
        const struct plan_request *rq = fx_request(f, i);
        if (rq->n_pilihan == 0) {
            continue;
        }
        print_message("  %s at [%zu] points %lld tanggal %d not-in-R 0x%x:",
                      e->nip, (size_t)e->pair, (long long)ref_points(f, i),
                      rq->tanggal, ref_not_in_r(f, i));
        for (int k = 0; k < rq->n_pilihan; k++) {
            long u = rq->pilihan[k];
            print_message(" %s", u >= 0 ? f->units[u].kode : "?");
        }
        print_message("\n");
    }
}

/* plan_run()'s outcome per requester of 'o' (option index or -1). */
static void
or_read(const struct fx *f, struct oracle *o, const struct plan_result *r)
{
    for (size_t q = 0; q < o->n; q++) {
        long m = r->move_of[o->who[q]];
        o->got[q] = -1;
        if (m < 0) {
            continue;
        }
        for (int k = 0; k < o->n_opt[q]; k++) {
            if (o->opt_pair[q][k] == (long)r->moves[m].to_pair) {
                o->got[q] = k;
            }
        }
        if (o->got[q] < 0) {
            dump(f);
        }
        CHECK(o->got[q] >= 0); /* Moved to a valid unit of the list. */
    }
}

/* The rule's outcome and plan_run()'s agree, requester by requester. */
static void
or_compare(const struct fx *f, const struct oracle *o)
{
    for (size_t q = 0; q < o->n; q++) {
        if (o->got[q] != o->rule[q]) {
            dump(f);
            int want = o->rule[q];
            int got = o->got[q];
            fail_msg("%s: requester %s (priority %zu): the rule gives %s%d, "
                     "plan_run() %s%d",
                     ctx, f->staff[o->who[q]].nip, q,
                     want < 0 ? "stay " : "list place ",
                     want < 0 ? 0 : o->opt_place[q][want] + 1,
                     got < 0 ? "stay " : "list place ",
                     got < 0 ? 0 : o->opt_place[q][got] + 1);
        }
    }
}

/* How good outcome 'c' (0 stay, k + 1 option k) is for requester 'q':
 * smaller is better. */
static int
or_rank(const struct oracle *o, size_t q, int c)
{
    return c == 0 ? o->n_opt[q] : c - 1;
}

/* Pareto efficiency and the priority property of plan_run()'s outcome,
 * over every feasible candidate. Returns true when plan_run()'s outcome is
 * itself one of them. */
static bool
or_efficient(const struct fx *f, const struct oracle *o)
{
    bool found = false;
    for (size_t c = 0; c < o->n_cand; c++) {
        bool better = false;
        bool worse = false;
        bool same = true;
        bool ahead_ok = true; /* Everyone earlier does at least as well. */
        for (size_t q = 0; q < o->n; q++) {
            int want = or_rank(o, q, o->cand[c][q]);
            int have = or_rank(o, q, o->got[q] + 1);
            if (want < have && ahead_ok) {
                dump(f);
                fail_msg("%s: a feasible candidate gives %s an earlier "
                         "choice while nobody before does worse",
                         ctx, f->staff[o->who[q]].nip);
            }
            better = better || want < have;
            worse = worse || want > have;
            same = same && want == have;
            ahead_ok = ahead_ok && want <= have;
        }
        if (better && !worse) {
            dump(f);
            fail_msg("%s: not Pareto efficient (candidate %zu)", ctx, c);
        }
        found = found || same;
    }
    return found;
}

/* The baseline of the contract: in priority order, the first valid listed
 * unit with max(0, n_perm - h) left there while max(0, h - n) is left at
 * the own pair; both then lowered by one. */
static long
or_baseline(const struct fx *f, const struct oracle *o)
{
    int64_t spare[FX_PAIRS];
    int64_t room[FX_PAIRS];
    long granted = 0;
    for (size_t k = 0; k < f->n_pairs; k++) {
        const struct plan_pair *x = &f->pairs[k];
        spare[k] = x->h > x->n ? x->h - x->n : 0;
        room[k] = x->n_perm > x->h ? x->n_perm - x->h : 0;
    }
    for (size_t q = 0; q < o->n; q++) {
        size_t own = f->staff[o->who[q]].pair;
        for (int k = 0; k < o->n_opt[q]; k++) {
            long to = o->opt_pair[q][k];
            if (spare[own] > 0 && room[to] > 0) {
                spare[own]--;
                room[to]--;
                granted++;
                break;
            }
        }
    }
    return granted;
}

/* A walk over the deviations from plan_run()'s outcome. */
struct local {
    const struct fx *f;
    const struct oracle *o;
    int64_t cnt[FX_PAIRS]; /* Counts of the deviation. */
    size_t changed[3];     /* Requesters changed, in priority order, */
    int val[3];            /* and their outcomes (-1 stay). */
    long feasible;         /* Feasible deviations seen. */
};

/* The pair of requester 'q' of 'o' under outcome 'v' (-1 stay). */
static long
or_at(const struct fx *f, const struct oracle *o, size_t q, int v)
{
    return v < 0 ? (long)f->staff[o->who[q]].pair : o->opt_pair[q][v];
}

static bool
local_feasible(const struct local *l)
{
    for (size_t k = 0; k < l->f->n_pairs; k++) {
        const struct plan_pair *x = &l->f->pairs[k];
        if (x->analysed && (l->cnt[k] < lo_of(x) || l->cnt[k] > hi_vol(x))) {
            return false;
        }
    }
    return true;
}

/* Change one more requester (from 'from' on), up to 'depth' more. */
static void
local_walk(struct local *l, size_t from, int depth, int used)
{
    const struct oracle *o = l->o;
    for (size_t q = from; q < o->n; q++) {
        int have = o->got[q];
        for (int v = -1; v < o->n_opt[q]; v++) {
            if (v == have) {
                continue;
            }
            long a = or_at(l->f, o, q, have);
            long b = or_at(l->f, o, q, v);
            l->cnt[a]--;
            l->cnt[b]++;
            l->changed[used] = q;
            l->val[used] = v;
            if (local_feasible(l)) {
                bool ahead_ok = true;
                l->feasible++;
                for (int k = 0; k <= used; k++) {
                    size_t c = l->changed[k];
                    int want = or_rank(o, c, l->val[k] + 1);
                    int has = or_rank(o, c, o->got[c] + 1);
                    if (want < has && ahead_ok) {
                        dump(l->f);
                        fail_msg("%s: a feasible change of %d requesters "
                                 "gives %s an earlier choice while nobody "
                                 "before does worse",
                                 ctx, used + 1, l->f->staff[o->who[c]].nip);
                    }
                    ahead_ok = ahead_ok && want <= has;
                }
            }
            if (depth > 1) {
                local_walk(l, q + 1, depth - 1, used + 1);
            }
            l->cnt[a]++;
            l->cnt[b]--;
        }
    }
}

/* The priority property (and so Pareto efficiency) of plan_run()'s
 * outcome 'r' against every candidate that differs from it in at most
 * three requesters: for problems too big to list every candidate.
 * Returns the number of feasible deviations. */
static long
or_local(const struct fx *f, const struct oracle *o,
         const struct plan_result *r)
{
    static struct local l;
    memset(&l, 0, sizeof(l));
    l.f = f;
    l.o = o;
    for (size_t k = 0; k < f->n_pairs; k++) {
        l.cnt[k] = r->h_after[k];
    }
    local_walk(&l, 0, 3, 0);
    return l.feasible;
}

/* ---- The checks every plan must pass ---------------------------------- */

/* The per-choice reasons of requester 'i' of R granted at list place
 * 'place' (-1: stays). */
static void
check_choice_reasons(const struct fx *f, const struct plan_result *r, size_t i,
                     int place)
{
    const struct plan_staff *e = &f->staff[i];
    const struct plan_request *rq = fx_request(f, i);
    const unsigned char *why = r->choice_why[i];
    unsigned set = 0;
    for (int k = 0; k < MODEL_MAX_PILIHAN; k++) {
        if (k >= rq->n_pilihan) {
            CHECK_EQ(why[k], NO_CHOICE);
            continue;
        }
        int bad = ref_invalid(f, i, rq->pilihan[k]);
        if (bad != 0) {
            CHECK_EQ(why[k], bad);
        } else if (place >= 0 && k >= place) {
            CHECK_EQ(why[k], NO_CHOICE);
        } else {
            CHECK(why[k] == PLAN_R_KALAH_PRIORITAS ||
                  why[k] == PLAN_R_TIDAK_ADA_KEKURANGAN ||
                  why[k] == PLAN_R_ASAL_KURANG);
        }
        if (why[k] == PLAN_R_KALAH_PRIORITAS) {
            /* Someone earlier in the order was granted that unit. */
            long to = ref_pair(f, rq->pilihan[k], f->pairs[e->pair].jab);
            bool earlier = false;
            for (size_t m = 0; m < r->n_moves; m++) {
                size_t s = r->moves[m].staff;
                earlier = earlier ||
                          (r->moves[m].aps && (long)r->moves[m].to_pair == to &&
                           r->rank[s] >= 0 && r->rank[s] < r->rank[i]);
            }
            CHECK(earlier);
        }
        set |= why[k] != NO_CHOICE ? PLAN_BIT(why[k]) : 0;
    }
    if (place < 0) {
        CHECK(set != 0);
        CHECK_EQ(r->why_not_aps[i], set);
    } else {
        CHECK_EQ(r->why_not_aps[i], 0);
    }
}

/* Everything contract section 5 promises of a voluntary or combined
 * result 'r', recomputed. */
static void
check_result(const struct fx *f, enum plan_mode mode,
             const struct plan_result *r)
{
    int64_t cnt[FX_PAIRS];
    bool moved[FX_STAFF] = {false};
    size_t order[FX_STAFF];
    long n_aps = 0;
    long n_req = 0;
    CHECK(r->n_moves == 0 || r->moves != NULL);
    for (size_t k = 0; k < f->n_pairs; k++) {
        cnt[k] = f->pairs[k].h;
    }
    for (size_t k = 0; k < r->n_moves; k++) {
        const struct plan_move *m = &r->moves[k];
        CHECK(m->staff < f->n_staff);
        CHECK(m->to_pair < f->n_pairs);
        size_t i = m->staff;
        const struct plan_staff *e = &f->staff[i];
        const struct plan_pair *from = &f->pairs[e->pair];
        const struct plan_pair *to = &f->pairs[m->to_pair];
        CHECK(!moved[i]); /* Each employee at most once. */
        moved[i] = true;
        CHECK_EQ(r->move_of[i], (long)k);
        CHECK_EQ(m->from_pair, e->pair);
        CHECK(from->unit != to->unit);
        CHECK_EQ(f->units[from->unit].root, f->units[to->unit].root);
        CHECK(to->analysed);
        if (k > 0) {
            const struct plan_move *pm = &r->moves[k - 1];
            CHECK(pm->aps || !m->aps); /* aps first, */
            CHECK(pm->aps != m->aps || /* then by NIP. */
                  strcmp(f->staff[pm->staff].nip, e->nip) < 0);
        }
        if (m->aps) {
            n_aps++;
            CHECK(ref_in_r(f, i));
            CHECK_EQ(to->jab, from->jab); /* The jabatan is kept. */
            const struct plan_request *rq = fx_request(f, i);
            CHECK(m->pilihan_ke >= 1 && m->pilihan_ke <= rq->n_pilihan);
            CHECK_EQ(rq->pilihan[m->pilihan_ke - 1], (long)to->unit);
            CHECK_EQ(ref_invalid(f, i, (long)to->unit), 0);
            CHECK_EQ(m->sementara_sampai, DATE_NONE);
            CHECK(m->reasons & PLAN_BIT(PLAN_R_DIMINTA));
        } else {
            CHECK(mode != PLAN_VOLUNTARY);
            CHECK_EQ(m->pilihan_ke, 0);
            CHECK_EQ(ref_ineligible(f, i, false), 0);
            CHECK_EQ(f->jabs[to->jab].klass, f->jabs[from->jab].klass);
        }
        cnt[e->pair]--;
        cnt[m->to_pair]++;
    }
    CHECK_EQ(r->n_voluntary, n_aps);
    CHECK_EQ(r->requests_granted, n_aps);
    CHECK_EQ(r->n_directed, (long)r->n_moves - n_aps);
    if (mode == PLAN_VOLUNTARY) {
        CHECK_EQ(r->n_directed, 0);
        CHECK_EQ(r->cost, 0);
    }
    for (size_t k = 0; k < f->n_pairs; k++) {
        const struct plan_pair *x = &f->pairs[k];
        CHECK_EQ(r->h_after[k], cnt[k]);
        if (x->analysed) {
            /* No unit worse off; the voluntary part alone never fills a
             * slot that only a surge creates. */
            int64_t hi = mode == PLAN_VOLUNTARY ? hi_vol(x) : hi_all(x);
            CHECK(cnt[k] >= lo_of(x));
            CHECK(cnt[k] <= hi);
        }
    }
    for (size_t i = 0; i < f->n_staff; i++) {
        int n_pilihan = fx_request(f, i)->n_pilihan;
        n_req += n_pilihan > 0;
        if (!moved[i]) {
            CHECK_EQ(r->move_of[i], -1);
        }
        if (!ref_in_r(f, i)) {
            CHECK_EQ(r->rank[i], -1);
            CHECK_EQ(r->why_not_aps[i], n_pilihan > 0 ? ref_not_in_r(f, i) : 0);
            for (int k = 0; k < MODEL_MAX_PILIHAN; k++) {
                CHECK_EQ(r->choice_why[i][k], NO_CHOICE);
            }
        }
    }
    CHECK_EQ(r->requests, n_req);
    /* R in the priority order of the contract. */
    size_t n = ref_order(f, order);
    for (size_t q = 0; q < n; q++) {
        size_t i = order[q];
        long m = r->move_of[i];
        bool aps = m >= 0 && r->moves[m].aps;
        CHECK_EQ(r->rank[i], (long)q);
        check_choice_reasons(f, r, i, aps ? r->moves[m].pilihan_ke - 1 : -1);
    }
}

/* plan_run() in 'mode' without the checks. */
static void
run_raw(const struct fx *f, enum plan_mode mode, struct plan_result *r)
{
    struct plan_opts o = {
        .mode = mode, .max_moves = -1, .max_km = -1, .threads = 1};
    memset(r, 0, sizeof(*r));
    assert_int_equal(plan_run(&f->p, &o, r), ERR_OK);
    hold(r);
    fx_check_texts(f, r); /* Issue 16: the reader's words, 2026-12-06. */
}

/* The aps moves of 'a' and 'b' are the same. */
static void
same_aps(const struct plan_result *a, const struct plan_result *b)
{
    CHECK_EQ(a->n_voluntary, b->n_voluntary);
    CHECK_EQ(a->requests, b->requests);
    CHECK_EQ(a->requests_granted, b->requests_granted);
    CHECK_EQ(a->requests_granted_baseline, b->requests_granted_baseline);
    for (size_t k = 0; k < a->n_voluntary && k < b->n_voluntary; k++) {
        CHECK(a->moves[k].aps && b->moves[k].aps);
        CHECK_EQ(a->moves[k].staff, b->moves[k].staff);
        CHECK_EQ(a->moves[k].to_pair, b->moves[k].to_pair);
        CHECK_EQ(a->moves[k].pilihan_ke, b->moves[k].pilihan_ke);
    }
}

/* plan_run() in 'mode' with every check: the contract's promises, the
 * baseline, and on a small enough problem the oracle (the same outcome
 * for everyone, Pareto efficiency, the priority property), else the
 * priority property against every change of up to three requesters. A
 * combined run keeps the grants of the voluntary run. */
static void
run(const struct fx *f, enum plan_mode mode, struct plan_result *r)
{
    run_raw(f, mode, r);
    check_result(f, mode, r);
    if (mode == PLAN_COMBINED) {
        struct plan_result v;
        run_raw(f, PLAN_VOLUNTARY, &v);
        same_aps(&v, r);
        done(&v);
        return;
    }
    bool small = or_build(f, &orc);
    or_read(f, &orc, r);
    CHECK_EQ(r->requests_granted_baseline, or_baseline(f, &orc));
    if (small) {
        or_compare(f, &orc);
        CHECK(or_efficient(f, &orc));
    } else {
        or_local(f, &orc, r);
    }
}

/* The move of 'nip' in 'r', or NULL. */
static const struct plan_move *
move_of(const struct fx *f, const struct plan_result *r, const char *nip)
{
    long m = r->move_of[fx_find(f, nip)];
    return m >= 0 ? &r->moves[m] : NULL;
}

/* Assert that 'nip' was granted list place 'place' (1-5) into 'pair'. */
static void
granted(const struct fx *f, const struct plan_result *r, const char *nip,
        size_t pair, int place)
{
    const struct plan_move *m = move_of(f, r, nip);
    if (m == NULL) {
        fail_msg("%s: %s was not moved", ctx, nip);
        return;
    }
    CHECK(m->aps);
    CHECK_EQ(m->to_pair, pair);
    CHECK_EQ(m->pilihan_ke, place);
}

/* Assert that 'nip' stays with exactly the reasons 'bits'. */
static void
refused(const struct fx *f, const struct plan_result *r, const char *nip,
        unsigned bits)
{
    size_t i = fx_find(f, nip);
    if (r->move_of[i] >= 0) {
        fail_msg("%s: %s was moved", ctx, nip);
    }
    CHECK_EQ(r->why_not_aps[i], bits);
}

/* The sentence of move 'm' (or of why 'nip' stays) into 'out'. */
static void
text_of(const struct fx *f, const struct plan_result *r, const char *nip,
        char *out, size_t len)
{
    struct buf b;
    size_t i = fx_find(f, nip);
    struct plan_why why = {0, -1};
    buf_init(&b, 0);
    enum err rc = plan_explain(&f->p, r, i, &why, &b);
    snprintf(out, len, "%s", buf_str(&b));
    buf_cleanup(&b);
    assert_int_equal(rc, ERR_OK);
}

static void
has_text(const char *text, const char *part)
{
    if (strstr(text, part) == NULL) {
        fail_msg("%s: \"%s\" not in \"%s\"", ctx, part, text);
    }
}

/* ---- Hand-checked plans ----------------------------------------------- */

/* One government G with schools G.A, G.B, ... ('n' of them) into
 * 'school'; the position GURU into '*guru'. */
static void
schools(struct fx *f, int n, size_t *school, size_t *guru)
{
    static const char *const codes[] = {"G.A", "G.B", "G.C",
                                        "G.D", "G.E", "G.F"};
    size_t g = fx_unit(f, "G", UNIT_OPD, ROOT_SELF);
    for (int k = 0; k < n; k++) {
        school[k] = fx_unit(f, codes[k], UNIT_SEKOLAH, g);
    }
    *guru = fx_jab(f, "GURU", JAB_FUNGSIONAL_KEAHLIAN, 0, NULL);
}

#define D_PLAN date_from_ymd(2025, 7, 1)

#define NIP_A "198001012005011001"
#define NIP_B "198001012005011002"
#define NIP_C "198001012005011003"
#define NIP_D "198001012005011004"
#define NIP_E "198001012005011005"

static void
test_vol_two_full_schools_swap_teachers(void **state)
{
    /* G.A and G.B both need 2 teachers and have 2 (no surplus, no
     * vacancy). A at G.A asks for G.B, B at G.B for G.A. Alone neither
     * may go (G.B would pass max(h, n_perm) = 2, G.A fall below min(h, n)
     * = 2); together both counts stay 2: the candidate {A -> G.B, B ->
     * G.A} is feasible, so the rule grants B (first in order: dekat
     * domisili 30 + 15 = 45 against A's 15) and then A, whose choice the
     * fixed grant of B still allows. The baseline needs a surplus at the
     * own pair: 0. */
    struct fx f;
    struct plan_result r;
    size_t s[2];
    size_t guru;
    char text[512];
    (void)state;
    fx_init(&f, D_PLAN);
    schools(&f, 2, s, &guru);
    size_t pa = fx_pair(&f, s[0], guru, 2);
    size_t pb = fx_pair(&f, s[1], guru, 2);
    fx_ask(&f, fx_staff(&f, NIP_A, pa), ALASAN_LAINNYA, 1, s[1]);
    fx_fill(&f, pa, 1);
    fx_ask(&f, fx_staff(&f, NIP_B, pb), ALASAN_DEKAT_DOMISILI, 1, s[0]);
    fx_fill(&f, pb, 1);
    fx_finish(&f);
    snprintf(ctx, sizeof(ctx), "two-swap");
    run(&f, PLAN_VOLUNTARY, &r);
    assert_int_equal(r.n_moves, 2);
    granted(&f, &r, NIP_A, pb, 1);
    granted(&f, &r, NIP_B, pa, 1);
    assert_int_equal(r.requests, 2);
    assert_int_equal(r.requests_granted, 2);
    assert_int_equal(r.requests_granted_baseline, 0);
    assert_int_equal(r.h_after[pa], 2);
    assert_int_equal(r.h_after[pb], 2);
    assert_int_equal(r.rank[fx_find(&f, NIP_B)], 0);
    assert_int_equal(r.rank[fx_find(&f, NIP_A)], 1);
    /* Each takes the other's place. */
    const struct plan_move *ma = move_of(&f, &r, NIP_A);
    assert_int_equal(ma->with_in, (long)fx_find(&f, NIP_B));
    assert_int_equal(ma->with_out, (long)fx_find(&f, NIP_B));
    text_of(&f, &r, NIP_A, text, sizeof(text));
    has_text(text, "pilihan ke-1");
    has_text(text, "bertukar tempat dengan pemohon lain");
    done(&r);
}

static void
test_vol_three_full_units_rotate_in_a_cycle(void **state)
{
    /* G.A, G.B, G.C each need 1 and have 1. A (G.A) asks for G.B, B (G.B)
     * for G.C, C (G.C) for G.A: only the whole cycle keeps every count at
     * 1, and it is feasible, so all three go. Without C's request the
     * cycle is broken: A to G.B needs B out, B to G.C needs someone out
     * of G.C, and nobody there asks: nobody moves, and each refusal says
     * the destination has no room (tidak_ada_kekurangan). */
    struct fx f;
    struct plan_result r;
    size_t s[3];
    size_t guru;
    char text[512];
    (void)state;
    for (int broken = 0; broken <= 1; broken++) {
        fx_init(&f, D_PLAN);
        schools(&f, 3, s, &guru);
        size_t pa = fx_pair(&f, s[0], guru, 1);
        size_t pb = fx_pair(&f, s[1], guru, 1);
        size_t pc = fx_pair(&f, s[2], guru, 1);
        fx_ask(&f, fx_staff(&f, NIP_A, pa), ALASAN_KESEHATAN, 1, s[1]);
        fx_ask(&f, fx_staff(&f, NIP_B, pb), ALASAN_LAINNYA, 1, s[2]);
        struct plan_staff *c = fx_staff(&f, NIP_C, pc);
        if (!broken) {
            fx_ask(&f, c, ALASAN_IKUT_PASANGAN, 1, s[0]);
        }
        fx_finish(&f);
        snprintf(ctx, sizeof(ctx), "3-cycle, broken %d", broken);
        run(&f, PLAN_VOLUNTARY, &r);
        if (!broken) {
            assert_int_equal(r.n_moves, 3);
            granted(&f, &r, NIP_A, pb, 1);
            granted(&f, &r, NIP_B, pc, 1);
            granted(&f, &r, NIP_C, pa, 1);
            assert_int_equal(r.requests_granted, 3);
            assert_int_equal(r.requests_granted_baseline, 0);
            const struct plan_move *ma = move_of(&f, &r, NIP_A);
            assert_int_equal(ma->with_in, (long)fx_find(&f, NIP_C));
            assert_int_equal(ma->with_out, (long)fx_find(&f, NIP_B));
            text_of(&f, &r, NIP_A, text, sizeof(text));
            has_text(text, "tempatnya diisi pemohon lain");
            has_text(text, "tempat tujuannya dikosongkan pemohon lain");
        } else {
            assert_int_equal(r.n_moves, 0);
            refused(&f, &r, NIP_A, PLAN_BIT(PLAN_R_TIDAK_ADA_KEKURANGAN));
            refused(&f, &r, NIP_B, PLAN_BIT(PLAN_R_TIDAK_ADA_KEKURANGAN));
            assert_int_equal(r.requests, 2);
        }
        assert_int_equal(r.h_after[pa], 1);
        assert_int_equal(r.h_after[pb], 1);
        assert_int_equal(r.h_after[pc], 1);
        done(&r);
    }
}

static void
test_vol_chain_runs_from_surplus_into_vacancy(void **state)
{
    /* G.A needs 1 and has 2 (A and a filler): one may leave. G.B needs 1
     * and has 1 (B). G.C needs 2 and has 1: a permanent vacancy. A asks
     * for G.B, B (ikut pasangan, first in order) for G.C. B alone would
     * leave G.B below min(h, n) = 1, unless A comes in: the chain G.A ->
     * G.B -> G.C ends with counts 1, 1, 2, all within bounds. Both are
     * granted; the baseline grants neither (G.B has no vacancy for A, G.B
     * no surplus for B). */
    struct fx f;
    struct plan_result r;
    size_t s[3];
    size_t guru;
    char text[512];
    (void)state;
    fx_init(&f, D_PLAN);
    schools(&f, 3, s, &guru);
    size_t pa = fx_pair(&f, s[0], guru, 1);
    size_t pb = fx_pair(&f, s[1], guru, 1);
    size_t pc = fx_pair(&f, s[2], guru, 2);
    fx_ask(&f, fx_staff(&f, NIP_A, pa), ALASAN_LAINNYA, 1, s[1]);
    fx_fill(&f, pa, 1);
    fx_ask(&f, fx_staff(&f, NIP_B, pb), ALASAN_IKUT_PASANGAN, 1, s[2]);
    fx_fill(&f, pc, 1);
    fx_finish(&f);
    snprintf(ctx, sizeof(ctx), "chain");
    run(&f, PLAN_VOLUNTARY, &r);
    assert_int_equal(r.n_moves, 2);
    granted(&f, &r, NIP_A, pb, 1);
    granted(&f, &r, NIP_B, pc, 1);
    assert_int_equal(r.requests_granted, 2);
    assert_int_equal(r.requests_granted_baseline, 0);
    assert_int_equal(r.h_after[pa], 1);
    assert_int_equal(r.h_after[pb], 1);
    assert_int_equal(r.h_after[pc], 2);
    const struct plan_move *ma = move_of(&f, &r, NIP_A);
    const struct plan_move *mb = move_of(&f, &r, NIP_B);
    assert_int_equal(ma->with_in, -1);
    assert_int_equal(ma->with_out, (long)fx_find(&f, NIP_B));
    assert_int_equal(mb->with_in, (long)fx_find(&f, NIP_A));
    assert_int_equal(mb->with_out, -1);
    text_of(&f, &r, NIP_B, text, sizeof(text));
    has_text(text, "tempatnya diisi pemohon lain");
    done(&r);
}

static void
test_vol_last_vacancy_goes_to_higher_priority(void **state)
{
    /* G.A needs 1 and has 3 (P, Q, a filler); G.C needs 2 and has 1: one
     * vacancy, and both P and Q ask for it. P: kesehatan 80 + 3 years x 5
     * = 95. Q: lainnya 0 + 12 years, 60 capped at 50 = 50, though Q asked
     * earlier and has the smaller NIP. P gets G.C; for Q no feasible
     * candidate agrees with P's grant: kalah_prioritas. The baseline also
     * grants P only. */
    struct fx f;
    struct plan_result r;
    size_t s[3];
    size_t guru;
    char text[512];
    const char *p_nip = "198505052010011002";
    const char *q_nip = "198505052010011001";
    (void)state;
    fx_init(&f, D_PLAN);
    schools(&f, 3, s, &guru);
    size_t pa = fx_pair(&f, s[0], guru, 1);
    size_t pc = fx_pair(&f, s[2], guru, 2);
    fx_ask(&f, fx_staff(&f, p_nip, pa), ALASAN_KESEHATAN, 1, s[2]);
    struct plan_staff *q = fx_staff(&f, q_nip, pa);
    fx_ask(&f, q, ALASAN_LAINNYA, 1, s[2]);
    q->tmt_unit = date_add_months(D_PLAN, -144);
    fx_req(&f, q)->tanggal = D_PLAN - 200;
    fx_fill(&f, pa, 1);
    fx_fill(&f, pc, 1);
    fx_finish(&f);
    snprintf(ctx, sizeof(ctx), "last vacancy");
    run(&f, PLAN_VOLUNTARY, &r);
    assert_int_equal(r.n_moves, 1);
    granted(&f, &r, p_nip, pc, 1);
    refused(&f, &r, q_nip, PLAN_BIT(PLAN_R_KALAH_PRIORITAS));
    assert_int_equal(r.choice_why[fx_find(&f, q_nip)][0],
                     PLAN_R_KALAH_PRIORITAS);
    assert_int_equal(r.rank[fx_find(&f, p_nip)], 0);
    assert_int_equal(r.rank[fx_find(&f, q_nip)], 1);
    assert_int_equal(r.requests_granted, 1);
    assert_int_equal(r.requests_granted_baseline, 1);
    text_of(&f, &r, q_nip, text, sizeof(text));
    has_text(text, "pilihan ke-1 (G.C) sudah diisi 1 pemohon lain dengan "
                   "prioritas lebih tinggi (alasan kesehatan, 95 poin), "
                   "sedangkan permohonannya sendiri (alasan lainnya, 50 "
                   "poin) lebih rendah");
    done(&r);
}

static void
test_vol_reason_points_order_requesters(void **state)
{
    /* Five requesters with 3 years each (15 points) and the five reasons:
     * 115, 95, 45, 35, 15. The NIPs and dates run the other way, so only
     * the points can give this order. One vacancy: ikut pasangan wins. */
    static const enum permohonan_alasan why[5] = {
        ALASAN_IKUT_PASANGAN, ALASAN_KESEHATAN, ALASAN_DEKAT_DOMISILI,
        ALASAN_PENGEMBANGAN_KARIER, ALASAN_LAINNYA};
    static const char *const nips[5] = {NIP_E, NIP_D, NIP_C, NIP_B, NIP_A};
    struct fx f;
    struct plan_result r;
    size_t s[3];
    size_t guru;
    (void)state;
    fx_init(&f, D_PLAN);
    schools(&f, 3, s, &guru);
    size_t pa = fx_pair(&f, s[0], guru, 1);
    size_t pc = fx_pair(&f, s[2], guru, 2);
    for (int k = 0; k < 5; k++) {
        struct plan_staff *e = fx_staff(&f, nips[k], pa);
        fx_ask(&f, e, why[k], 1, s[2]);
        fx_req(&f, e)->tanggal = D_PLAN - 1 - k;
    }
    fx_fill(&f, pc, 1);
    fx_finish(&f);
    snprintf(ctx, sizeof(ctx), "reason points");
    run(&f, PLAN_VOLUNTARY, &r);
    for (int k = 0; k < 5; k++) {
        assert_int_equal(r.rank[fx_find(&f, nips[k])], k);
    }
    granted(&f, &r, NIP_E, pc, 1);
    /* Had E not asked, only the second (D) would have had the vacancy:
     * kalah_prioritas is counterfactual (issue 16, 2026-12-06). */
    refused(&f, &r, nips[1], PLAN_BIT(PLAN_R_KALAH_PRIORITAS));
    for (int k = 2; k < 5; k++) {
        refused(&f, &r, nips[k], PLAN_BIT(PLAN_R_TIDAK_ADA_KEKURANGAN));
    }
    assert_int_equal(r.requests_granted_baseline, 1);
    done(&r);
}

static void
test_vol_years_in_unit_add_five_points_up_to_fifty(void **state)
{
    /* D = 2025-07-01. E: kesehatan 80, tmt exactly 24 months ago (y = 2):
     * 90. Dd: pengembangan karier 20 + 7 years = 55. C: lainnya 0 + 15
     * years, capped: 50, asked on D - 20. A: dekat domisili 30 + exactly
     * 4 years (2021-07-01 + 48 months = D): 50, asked on D - 10, smaller
     * NIP than C. B: dekat domisili 30, tmt 2021-07-02 (48 months later is
     * after D, so y = 3): 45. Order: E, Dd, C, A, B. */
    struct fx f;
    struct plan_result r;
    size_t s[3];
    size_t guru;
    (void)state;
    fx_init(&f, D_PLAN);
    schools(&f, 3, s, &guru);
    size_t pa = fx_pair(&f, s[0], guru, 1);
    size_t pc = fx_pair(&f, s[2], guru, 2);
    struct plan_staff *e = fx_staff(&f, NIP_E, pa);
    fx_ask(&f, e, ALASAN_KESEHATAN, 1, s[2]);
    e->tmt_unit = date_add_months(D_PLAN, -24);
    struct plan_staff *d = fx_staff(&f, NIP_D, pa);
    fx_ask(&f, d, ALASAN_PENGEMBANGAN_KARIER, 1, s[2]);
    d->tmt_unit = date_add_months(D_PLAN, -84);
    struct plan_staff *c = fx_staff(&f, NIP_C, pa);
    fx_ask(&f, c, ALASAN_LAINNYA, 1, s[2]);
    c->tmt_unit = date_add_months(D_PLAN, -180);
    fx_req(&f, c)->tanggal = D_PLAN - 20;
    struct plan_staff *a = fx_staff(&f, NIP_A, pa);
    fx_ask(&f, a, ALASAN_DEKAT_DOMISILI, 1, s[2]);
    a->tmt_unit = date_from_ymd(2021, 7, 1);
    fx_req(&f, a)->tanggal = D_PLAN - 10;
    struct plan_staff *b = fx_staff(&f, NIP_B, pa);
    fx_ask(&f, b, ALASAN_DEKAT_DOMISILI, 1, s[2]);
    b->tmt_unit = date_from_ymd(2021, 7, 2);
    fx_req(&f, b)->tanggal = D_PLAN - 300;
    fx_fill(&f, pc, 1);
    fx_finish(&f);
    snprintf(ctx, sizeof(ctx), "years in unit");
    run(&f, PLAN_VOLUNTARY, &r);
    assert_int_equal(r.rank[fx_find(&f, NIP_E)], 0);
    assert_int_equal(r.rank[fx_find(&f, NIP_D)], 1);
    assert_int_equal(r.rank[fx_find(&f, NIP_C)], 2);
    assert_int_equal(r.rank[fx_find(&f, NIP_A)], 3);
    assert_int_equal(r.rank[fx_find(&f, NIP_B)], 4);
    granted(&f, &r, NIP_E, pc, 1);
    done(&r);
}

static void
test_vol_equal_points_go_by_date_then_nip(void **state)
{
    /* Three requesters with 15 points each. X and Y asked on D - 10, Z on
     * D - 5 with the smallest NIP. Y's NIP is smaller than X's. Order: Y,
     * X, Z; the one vacancy goes to Y. */
    const char *x_nip = "198505052010011002";
    const char *y_nip = "198505052010011001";
    const char *z_nip = "196901011995031003";
    struct fx f;
    struct plan_result r;
    size_t s[3];
    size_t guru;
    (void)state;
    fx_init(&f, D_PLAN);
    schools(&f, 3, s, &guru);
    size_t pa = fx_pair(&f, s[0], guru, 1);
    size_t pc = fx_pair(&f, s[2], guru, 2);
    struct plan_staff *x = fx_staff(&f, x_nip, pa);
    fx_ask(&f, x, ALASAN_LAINNYA, 1, s[2]);
    fx_req(&f, x)->tanggal = D_PLAN - 10;
    struct plan_staff *y = fx_staff(&f, y_nip, pa);
    fx_ask(&f, y, ALASAN_LAINNYA, 1, s[2]);
    fx_req(&f, y)->tanggal = D_PLAN - 10;
    struct plan_staff *z = fx_staff(&f, z_nip, pa);
    fx_ask(&f, z, ALASAN_LAINNYA, 1, s[2]);
    fx_req(&f, z)->tanggal = D_PLAN - 5;
    fx_fill(&f, pc, 1);
    fx_finish(&f);
    snprintf(ctx, sizeof(ctx), "ties");
    run(&f, PLAN_VOLUNTARY, &r);
    assert_int_equal(r.rank[fx_find(&f, y_nip)], 0);
    assert_int_equal(r.rank[fx_find(&f, x_nip)], 1);
    assert_int_equal(r.rank[fx_find(&f, z_nip)], 2);
    granted(&f, &r, y_nip, pc, 1);
    refused(&f, &r, x_nip, PLAN_BIT(PLAN_R_KALAH_PRIORITAS));
    /* Without Y, X would take it: not Z (issue 16, 2026-12-06). */
    refused(&f, &r, z_nip, PLAN_BIT(PLAN_R_TIDAK_ADA_KEKURANGAN));
    done(&r);
}

/* G.A needs 1 and has 2 (A asks for G.C, a filler); G.C needs 2 with
 * 'n_perm' of it permanent and has 1. */
static void
surge_problem(struct fx *f, int64_t n_perm, size_t *pa, size_t *pc)
{
    size_t s[3];
    size_t guru;
    fx_init(f, D_PLAN);
    schools(f, 3, s, &guru);
    *pa = fx_pair(f, s[0], guru, 1);
    *pc = fx_pair(f, s[2], guru, 2);
    f->pairs[*pc].n_perm = n_perm;
    f->pairs[*pc].surge_until = date_from_ymd(2025, 12, 31);
    fx_ask(f, fx_staff(f, NIP_A, *pa), ALASAN_LAINNYA, 1, s[2]);
    fx_fill(f, *pa, 1);
    fx_fill(f, *pc, 1);
    fx_finish(f);
}

static void
test_vol_surge_only_slot_is_not_granted(void **state)
{
    /* With n_perm = 1 = h at G.C, G.C's second post exists only for the
     * surge: max(h, n_perm) = 1, so A may not take it
     * (tidak_ada_kekurangan), and the baseline sees no permanent vacancy
     * either. With n_perm = 2 the same request is granted. */
    struct fx f;
    struct plan_result r;
    size_t pa;
    size_t pc;
    (void)state;
    surge_problem(&f, 1, &pa, &pc);
    snprintf(ctx, sizeof(ctx), "surge only");
    run(&f, PLAN_VOLUNTARY, &r);
    assert_int_equal(r.n_moves, 0);
    refused(&f, &r, NIP_A, PLAN_BIT(PLAN_R_TIDAK_ADA_KEKURANGAN));
    assert_int_equal(r.choice_why[fx_find(&f, NIP_A)][0],
                     PLAN_R_TIDAK_ADA_KEKURANGAN);
    assert_int_equal(r.requests, 1);
    assert_int_equal(r.requests_granted, 0);
    assert_int_equal(r.requests_granted_baseline, 0);
    assert_int_equal(r.h_after[pc], 1);
    done(&r);

    surge_problem(&f, 2, &pa, &pc);
    snprintf(ctx, sizeof(ctx), "permanent vacancy");
    run(&f, PLAN_VOLUNTARY, &r);
    granted(&f, &r, NIP_A, pc, 1);
    assert_int_equal(r.requests_granted_baseline, 1);
    assert_int_equal(r.h_after[pa], 1);
    assert_int_equal(r.h_after[pc], 2);
    done(&r);
}

static void
test_vol_combined_leaves_surge_slot_to_temporary_assignment(void **state)
{
    /* The surge-only post of the test above, in combined mode: the
     * voluntary part grants nothing, then the directed part fills G.C's
     * deficit (d = 1) from G.A's surplus, as a temporary move until the
     * surge ends (the move is beyond max(0, n_perm - h) = 0). A costs
     * 1000 - 500 (G.C is on A's list) = 500, the filler 1000; the slot is
     * worth 3 x round(10000 x 1 / 2) = 15000: A goes, cost -14500. */
    struct fx f;
    struct plan_result r;
    size_t pa;
    size_t pc;
    (void)state;
    surge_problem(&f, 1, &pa, &pc);
    snprintf(ctx, sizeof(ctx), "combined surge");
    run(&f, PLAN_COMBINED, &r);
    assert_int_equal(r.n_moves, 1);
    assert_int_equal(r.n_voluntary, 0);
    assert_int_equal(r.n_directed, 1);
    assert_int_equal(r.requests_granted, 0);
    const struct plan_move *m = move_of(&f, &r, NIP_A);
    assert_non_null(m);
    assert_false(m->aps);
    assert_int_equal(m->pilihan_ke, 0);
    assert_int_equal(m->to_pair, pc);
    assert_int_equal(m->sementara_sampai, date_from_ymd(2025, 12, 31));
    assert_int_equal(r.cost, -14500);
    assert_int_equal(r.h_after[pa], 1);
    assert_int_equal(r.h_after[pc], 2);
    done(&r);
}

static void
test_vol_leaving_may_not_deepen_own_shortage(void **state)
{
    /* A (kesehatan) at G.A asks for G.C (need 2, has 1). G.A needs 2 and
     * has 2 (h = n), or needs 3 and has 2 (h < n): min(h, n) = 2 either
     * way, so A may only leave if someone comes in (asal_kurang). With B
     * at G.B (need 1, has 2) asking for G.A, the chain G.B -> G.A -> G.C
     * grants both; the baseline grants neither (no surplus at G.A, no
     * permanent vacancy at G.A for B). */
    struct fx f;
    struct plan_result r;
    size_t s[3];
    size_t guru;
    (void)state;
    for (int variant = 0; variant < 3; variant++) {
        fx_init(&f, D_PLAN);
        schools(&f, 3, s, &guru);
        size_t pa = fx_pair(&f, s[0], guru, variant == 1 ? 3 : 2);
        size_t pb = fx_pair(&f, s[1], guru, 1);
        size_t pc = fx_pair(&f, s[2], guru, 2);
        fx_ask(&f, fx_staff(&f, NIP_A, pa), ALASAN_KESEHATAN, 1, s[2]);
        fx_fill(&f, pa, 1);
        struct plan_staff *b = fx_staff(&f, NIP_B, pb);
        if (variant == 2) {
            fx_ask(&f, b, ALASAN_LAINNYA, 1, s[0]);
        }
        fx_fill(&f, pb, 1);
        fx_fill(&f, pc, 1);
        fx_finish(&f);
        snprintf(ctx, sizeof(ctx), "own shortage, variant %d", variant);
        run(&f, PLAN_VOLUNTARY, &r);
        if (variant < 2) {
            assert_int_equal(r.n_moves, 0);
            refused(&f, &r, NIP_A, PLAN_BIT(PLAN_R_ASAL_KURANG));
            assert_int_equal(r.choice_why[fx_find(&f, NIP_A)][0],
                             PLAN_R_ASAL_KURANG);
            assert_int_equal(r.h_after[pa], 2);
        } else {
            assert_int_equal(r.n_moves, 2);
            granted(&f, &r, NIP_A, pc, 1);
            granted(&f, &r, NIP_B, pa, 1);
            assert_int_equal(r.requests_granted_baseline, 0);
            assert_int_equal(r.h_after[pa], 2);
            assert_int_equal(r.h_after[pb], 1);
            assert_int_equal(r.h_after[pc], 2);
        }
        done(&r);
    }
}

static void
test_vol_later_requester_moves_down_own_list(void **state)
{
    /* G.A needs 1, has 3 (A, C, a filler); G.B needs 1, has 1 (B); G.C and
     * G.D need 2, have 1. A (ikut pasangan, 115) asks for G.B, C
     * (kesehatan, 95) for G.C, B (lainnya, 15) for G.C, then G.D. A's
     * grant needs B out of G.B; C's grant then fills G.C, so B can only
     * go to G.D: B gets its second choice, its first lost to C. The
     * baseline grants only C (G.A's surplus into G.C's vacancy): 1 of
     * 3. */
    struct fx f;
    struct plan_result r;
    size_t s[4];
    size_t guru;
    (void)state;
    fx_init(&f, D_PLAN);
    schools(&f, 4, s, &guru);
    size_t pa = fx_pair(&f, s[0], guru, 1);
    size_t pb = fx_pair(&f, s[1], guru, 1);
    size_t pc = fx_pair(&f, s[2], guru, 2);
    size_t pd = fx_pair(&f, s[3], guru, 2);
    fx_ask(&f, fx_staff(&f, NIP_A, pa), ALASAN_IKUT_PASANGAN, 1, s[1]);
    fx_ask(&f, fx_staff(&f, NIP_C, pa), ALASAN_KESEHATAN, 1, s[2]);
    fx_fill(&f, pa, 1);
    fx_ask(&f, fx_staff(&f, NIP_B, pb), ALASAN_LAINNYA, 2, s[2], s[3]);
    fx_fill(&f, pc, 1);
    fx_fill(&f, pd, 1);
    fx_finish(&f);
    snprintf(ctx, sizeof(ctx), "down the list");
    run(&f, PLAN_VOLUNTARY, &r);
    assert_int_equal(r.n_moves, 3);
    granted(&f, &r, NIP_A, pb, 1);
    granted(&f, &r, NIP_C, pc, 1);
    granted(&f, &r, NIP_B, pd, 2);
    size_t b = fx_find(&f, NIP_B);
    assert_int_equal(r.choice_why[b][0], PLAN_R_KALAH_PRIORITAS);
    assert_int_equal(r.choice_why[b][1], NO_CHOICE);
    assert_int_equal(r.why_not_aps[b], 0);
    assert_int_equal(r.requests_granted, 3);
    assert_int_equal(r.requests_granted_baseline, 1);
    assert_int_equal(r.h_after[pa], 1);
    assert_int_equal(r.h_after[pb], 1);
    assert_int_equal(r.h_after[pc], 2);
    assert_int_equal(r.h_after[pd], 2);
    done(&r);
}

static void
test_vol_baseline_counts_direct_grants_only(void **state)
{
    /* Part 1. X (kesehatan) at G.A (need 1, has 2) asks for G.C (need 2,
     * has 1): a direct grant, in the baseline too. S at G.D and T at G.E
     * (each need 1, have 1) ask for each other's school: the swap adds 2
     * grants that the baseline cannot make. 3 granted, baseline 1.
     *
     * Part 2. P (ikut pasangan) at G.A (need 1, has 2) asks for G.C, then
     * G.D; Q (lainnya, smaller NIP, earlier date) at G.B (need 1, has 2)
     * asks for G.C. G.C and G.D need 2 and have 1. In priority order the
     * baseline grants P G.C and then has no vacancy left for Q: 1 (in NIP
     * or date order it would grant 2). The rule grants P G.C too and Q
     * loses: 1. */
    struct fx f;
    struct plan_result r;
    size_t s[5];
    size_t guru;
    (void)state;
    fx_init(&f, D_PLAN);
    schools(&f, 5, s, &guru);
    size_t pa = fx_pair(&f, s[0], guru, 1);
    size_t pc = fx_pair(&f, s[2], guru, 2);
    size_t pd = fx_pair(&f, s[3], guru, 1);
    size_t pe = fx_pair(&f, s[4], guru, 1);
    fx_ask(&f, fx_staff(&f, NIP_A, pa), ALASAN_KESEHATAN, 1, s[2]);
    fx_fill(&f, pa, 1);
    fx_fill(&f, pc, 1);
    fx_ask(&f, fx_staff(&f, NIP_D, pd), ALASAN_LAINNYA, 1, s[4]);
    fx_ask(&f, fx_staff(&f, NIP_E, pe), ALASAN_LAINNYA, 1, s[3]);
    fx_finish(&f);
    snprintf(ctx, sizeof(ctx), "baseline, part 1");
    run(&f, PLAN_VOLUNTARY, &r);
    granted(&f, &r, NIP_A, pc, 1);
    granted(&f, &r, NIP_D, pe, 1);
    granted(&f, &r, NIP_E, pd, 1);
    assert_int_equal(r.requests_granted, 3);
    assert_int_equal(r.requests_granted_baseline, 1);
    done(&r);

    fx_init(&f, D_PLAN);
    schools(&f, 4, s, &guru);
    pa = fx_pair(&f, s[0], guru, 1);
    size_t pb = fx_pair(&f, s[1], guru, 1);
    pc = fx_pair(&f, s[2], guru, 2);
    pd = fx_pair(&f, s[3], guru, 2);
    fx_ask(&f, fx_staff(&f, NIP_B, pa), ALASAN_IKUT_PASANGAN, 2, s[2], s[3]);
    fx_fill(&f, pa, 1);
    struct plan_staff *q = fx_staff(&f, NIP_A, pb);
    fx_ask(&f, q, ALASAN_LAINNYA, 1, s[2]);
    fx_req(&f, q)->tanggal = D_PLAN - 300;
    fx_fill(&f, pb, 1);
    fx_fill(&f, pc, 1);
    fx_fill(&f, pd, 1);
    fx_finish(&f);
    snprintf(ctx, sizeof(ctx), "baseline, part 2");
    run(&f, PLAN_VOLUNTARY, &r);
    granted(&f, &r, NIP_B, pc, 1);
    refused(&f, &r, NIP_A, PLAN_BIT(PLAN_R_KALAH_PRIORITAS));
    assert_int_equal(r.requests_granted, 1);
    assert_int_equal(r.requests_granted_baseline, 1);
    done(&r);
}

/* A request needs an SKP of at least 'baik' (skp_min_aps) in each of the
 * two years before the plan's (2023 and 2024 for a plan of July 2025):
 * exactly 'baik' in both is enough; one year 'butuh perbaikan', or a year
 * not rated, is not; a higher skp_min_aps refuses plain 'baik'. The
 * refusal names both years and the rule. */
static void
test_vol_skp_of_the_last_two_years(void **state)
{
    static const struct {
        int8_t skp[2];
        enum skp_predikat min;
        bool ok;
    } cases[] = {
        {{SKP_BAIK, SKP_BAIK}, SKP_BAIK, true},
        {{SKP_SANGAT_BAIK, SKP_BAIK}, SKP_BAIK, true},
        {{SKP_BUTUH_PERBAIKAN, SKP_SANGAT_BAIK}, SKP_BAIK, false},
        {{SKP_SANGAT_BAIK, SKP_BUTUH_PERBAIKAN}, SKP_BAIK, false},
        {{-1, SKP_BAIK}, SKP_BAIK, false},
        {{SKP_BAIK, SKP_BAIK}, SKP_SANGAT_BAIK, false},
        {{SKP_BUTUH_PERBAIKAN, SKP_BUTUH_PERBAIKAN}, SKP_BUTUH_PERBAIKAN, true},
    };
    (void)state;
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        struct fx f;
        struct plan_result r;
        size_t s[3];
        size_t guru;
        char text[1024];
        fx_init(&f, D_PLAN);
        f.s.skp_min_aps = cases[c].min;
        schools(&f, 3, s, &guru);
        size_t pa = fx_pair(&f, s[0], guru, 1);
        size_t pc = fx_pair(&f, s[2], guru, 3);
        struct plan_staff *e = fx_staff(&f, NIP_A, pa);
        e->skp[0] = cases[c].skp[0];
        e->skp[1] = cases[c].skp[1];
        fx_ask(&f, e, ALASAN_KESEHATAN, 1, s[2]);
        fx_fill(&f, pa, 1);
        fx_fill(&f, pc, 1);
        fx_finish(&f);
        snprintf(ctx, sizeof(ctx), "skp case %zu", c);
        run(&f, PLAN_VOLUNTARY, &r);
        text_of(&f, &r, NIP_A, text, sizeof(text));
        if (cases[c].ok) {
            granted(&f, &r, NIP_A, pc, 1);
            has_text(text, "SKP 2023");
        } else {
            refused(&f, &r, NIP_A, PLAN_BIT(PLAN_R_SKP));
            has_text(text, "SKP 2023 ");
            has_text(text, " dan 2024 ");
            has_text(text, "mensyaratkan SKP minimal");
        }
        done(&r);
    }
}

static void
test_vol_ineligible_requesters_never_move(void **state)
{
    /* G.A has GURU 1 needed, 11 in post (a big surplus); G.C needs 20 and
     * has 1. Every requester asks for G.C; only the two at the edge of a
     * rule (exactly 24 months in the unit; retiring one day after D + 12
     * months) are eligible and granted. A structural post (KASI,
     * pengawas) and a pair without workload analysis (STAF at G.A) keep
     * their requesters too. */
    struct fx f;
    struct plan_result r;
    size_t s[3];
    size_t guru;
    char text[512];
    (void)state;
    fx_init(&f, D_PLAN);
    schools(&f, 3, s, &guru);
    size_t kasi = fx_jab(&f, "KASI", JAB_PENGAWAS, 1, NULL);
    size_t staf = fx_jab(&f, "STAF", JAB_PELAKSANA, 2, NULL);
    size_t pa = fx_pair(&f, s[0], guru, 1);
    size_t pa_kasi = fx_pair(&f, s[0], kasi, 0);
    size_t pa_staf = fx_pair(&f, s[0], staf, 0);
    f.pairs[pa_staf].analysed = false;
    size_t pc = fx_pair(&f, s[2], guru, 20);
    fx_pair(&f, s[2], kasi, 1);
    fx_pair(&f, s[2], staf, 2);
    struct {
        const char *nip;
        unsigned bits;
    } want[] = {
        {"198001012005011001", PLAN_BIT(PLAN_R_STATUS)},
        {"198001012005012002", PLAN_BIT(PLAN_R_STATUS)},
        {"198001012005011003", PLAN_BIT(PLAN_R_MASA_KERJA_UNIT)},
        {"198001012005011004", 0},
        {"198001012005011005", PLAN_BIT(PLAN_R_MASA_KERJA_UNIT)},
        {"198001012005011006", PLAN_BIT(PLAN_R_PENSIUN)},
        {"198001012005011007", 0},
        {"198001012005011008", PLAN_BIT(PLAN_R_HUKUMAN_DISIPLIN)},
        {"199501012021031009", PLAN_BIT(PLAN_R_IKATAN_10_TAHUN)},
        {"198001012005011010",
         PLAN_BIT(PLAN_R_STATUS) | PLAN_BIT(PLAN_R_HUKUMAN_DISIPLIN)},
        {"198001012005011011", PLAN_BIT(PLAN_R_JABATAN_STRUKTURAL)},
        {"198001012005011012", PLAN_BIT(PLAN_R_ABK_ASAL)},
    };
    struct plan_staff *e[12];
    for (int k = 0; k < 12; k++) {
        size_t pair = k == 10 ? pa_kasi : k == 11 ? pa_staf : pa;
        e[k] = fx_staff(&f, want[k].nip, pair);
        fx_ask(&f, e[k], ALASAN_IKUT_PASANGAN, 1, s[2]);
    }
    e[0]->status = STATUS_CPNS;
    e[1]->status = STATUS_PPPK_PW;
    e[1]->angkat = date_from_ymd(2005, 1, 1);
    e[2]->tmt_unit = date_add_months(D_PLAN, -24) + 1;
    e[3]->tmt_unit = date_add_months(D_PLAN, -24);
    e[4]->current = false;
    e[5]->tmt_pensiun = date_add_months(D_PLAN, 12);
    e[6]->tmt_pensiun = date_add_months(D_PLAN, 12) + 1;
    e[7]->hukuman_disiplin = true;
    e[9]->status = STATUS_CPNS;
    e[9]->hukuman_disiplin = true;
    fx_fill(&f, pa, 1);
    fx_fill(&f, pc, 1);
    fx_finish(&f);
    snprintf(ctx, sizeof(ctx), "ineligible");
    run(&f, PLAN_VOLUNTARY, &r);
    for (int k = 0; k < 12; k++) {
        size_t i = fx_find(&f, want[k].nip);
        snprintf(ctx, sizeof(ctx), "ineligible, %s", want[k].nip);
        if (want[k].bits == 0) {
            granted(&f, &r, want[k].nip, pc, 1);
            CHECK(r.rank[i] >= 0);
            continue;
        }
        refused(&f, &r, want[k].nip, want[k].bits);
        CHECK_EQ(r.rank[i], -1);
        for (int c = 0; c < MODEL_MAX_PILIHAN; c++) {
            CHECK_EQ(r.choice_why[i][c], NO_CHOICE);
        }
    }
    assert_int_equal(r.requests, 12);
    assert_int_equal(r.requests_granted, 2);
    assert_int_equal(r.requests_granted_baseline, 2);
    /* The bond of an appointment in 2021-03 ends 11 years later. */
    text_of(&f, &r, "199501012021031009", text, sizeof(text));
    has_text(text, "terikat masa kerja 10 tahun sebelum boleh pindah atas "
                   "permintaan sendiri (surat pernyataan saat "
                   "pengadaannya sebagai ASN), sampai 1 Maret 2032");
    done(&r);
}

static void
test_vol_service_bond_ends_eleven_years_after_appointment(void **state)
{
    /* D = 2025-07-01. Bonded when formasi_tahun (default: the NIP's
     * appointment year) >= 2021 and D is before the appointment month + 11
     * years. Appointed 2014-07, formasi 2021: free from 2025-07-01 = D.
     * Appointed 2014-08, formasi 2021: bonded until 2025-08-01. Appointed
     * 2021-01, formasi 2020: not bonded. Appointed 2021-01, no formasi:
     * 2021, bonded until 2032-01-01. Appointed 2020-12, no formasi: not
     * bonded. */
    struct {
        const char *nip;
        int formasi;
        bool bonded;
    } cases[] = {
        {"199001012014071001", 2021, false}, {"199001012014081002", 2021, true},
        {"199501012021011003", 2020, false}, {"199501012021011004", 0, true},
        {"199501012020121005", 0, false},
    };
    struct fx f;
    struct plan_result r;
    size_t s[3];
    size_t guru;
    (void)state;
    fx_init(&f, D_PLAN);
    schools(&f, 3, s, &guru);
    size_t pa = fx_pair(&f, s[0], guru, 1);
    size_t pc = fx_pair(&f, s[2], guru, 10);
    for (int k = 0; k < 5; k++) {
        struct plan_staff *e = fx_staff(&f, cases[k].nip, pa);
        fx_ask(&f, e, ALASAN_LAINNYA, 1, s[2]);
        e->formasi_tahun = cases[k].formasi;
    }
    fx_fill(&f, pa, 1);
    fx_finish(&f);
    snprintf(ctx, sizeof(ctx), "service bond");
    run(&f, PLAN_VOLUNTARY, &r);
    for (int k = 0; k < 5; k++) {
        snprintf(ctx, sizeof(ctx), "service bond, %s", cases[k].nip);
        if (cases[k].bonded) {
            refused(&f, &r, cases[k].nip, PLAN_BIT(PLAN_R_IKATAN_10_TAHUN));
        } else {
            granted(&f, &r, cases[k].nip, pc, 1);
        }
    }
    assert_int_equal(r.requests_granted, 3);
    done(&r);
}

static void
test_vol_invalid_choices_are_skipped(void **state)
{
    /* Government G (G.A .. G.D) and government H (H.A). GURU needs no
     * competency; LAB needs "K3". A at G.A lists H.A (another
     * government), G.B (no GURU pair there), then G.D (a vacancy): G.D is
     * granted as choice 3. B lists an unknown unit, its own unit and G.C
     * (GURU there has no workload analysis): nothing valid (abk_tujuan).
     * C (LAB, no competencies) asks for G.D: kompetensi. Dd (LAB, holds
     * "X;K3") asks the same and is granted. */
    struct fx f;
    struct plan_result r;
    (void)state;
    fx_init(&f, D_PLAN);
    size_t g = fx_unit(&f, "G", UNIT_OPD, ROOT_SELF);
    size_t ga = fx_unit(&f, "G.A", UNIT_SEKOLAH, g);
    size_t gb = fx_unit(&f, "G.B", UNIT_SEKOLAH, g);
    size_t gc = fx_unit(&f, "G.C", UNIT_SEKOLAH, g);
    size_t gd = fx_unit(&f, "G.D", UNIT_SEKOLAH, g);
    size_t h = fx_unit(&f, "H", UNIT_OPD, ROOT_SELF);
    size_t ha = fx_unit(&f, "H.A", UNIT_SEKOLAH, h);
    size_t guru = fx_jab(&f, "GURU", JAB_FUNGSIONAL_KEAHLIAN, 0, NULL);
    size_t lab = fx_jab(&f, "LAB", JAB_FUNGSIONAL_KETERAMPILAN, 1, "K3");
    size_t pa = fx_pair(&f, ga, guru, 1);
    size_t pa_lab = fx_pair(&f, ga, lab, 1);
    fx_pair(&f, gb, lab, 1);
    size_t pc = fx_pair(&f, gc, guru, 0);
    f.pairs[pc].analysed = false;
    size_t pd = fx_pair(&f, gd, guru, 3);
    size_t pd_lab = fx_pair(&f, gd, lab, 3);
    size_t pha = fx_pair(&f, ha, guru, 3);
    fx_ask(&f, fx_staff(&f, NIP_A, pa), ALASAN_LAINNYA, 3, ha, gb, gd);
    fx_ask(&f, fx_staff(&f, NIP_B, pa), ALASAN_LAINNYA, 3, NO_UNIT, ga, gc);
    fx_fill(&f, pa, 1);
    fx_ask(&f, fx_staff(&f, NIP_C, pa_lab), ALASAN_IKUT_PASANGAN, 1, gd);
    struct plan_staff *d = fx_staff(&f, NIP_D, pa_lab);
    fx_ask(&f, d, ALASAN_LAINNYA, 1, gd);
    d->kompetensi = "X;K3";
    fx_fill(&f, pa_lab, 1);
    fx_fill(&f, pd, 1);
    fx_fill(&f, pd_lab, 1);
    fx_fill(&f, pha, 1);
    fx_finish(&f);
    snprintf(ctx, sizeof(ctx), "invalid choices");
    run(&f, PLAN_VOLUNTARY, &r);
    assert_int_equal(r.n_moves, 2);
    granted(&f, &r, NIP_A, pd, 3);
    size_t a = fx_find(&f, NIP_A);
    assert_int_equal(r.choice_why[a][0], PLAN_R_ABK_TUJUAN);
    assert_int_equal(r.choice_why[a][1], PLAN_R_ABK_TUJUAN);
    assert_int_equal(r.choice_why[a][2], NO_CHOICE);
    refused(&f, &r, NIP_B, PLAN_BIT(PLAN_R_ABK_TUJUAN));
    assert_true(r.rank[fx_find(&f, NIP_B)] >= 0);
    refused(&f, &r, NIP_C, PLAN_BIT(PLAN_R_KOMPETENSI));
    granted(&f, &r, NIP_D, pd_lab, 1);
    assert_int_equal(r.h_after[pha], 1);
    done(&r);
}

static void
test_vol_combined_runs_directed_on_granted_result(void **state)
{
    /* G.A and G.B (need 1, have 1) swap A and B. X at G.E (need 1, has 2)
     * is granted G.F (need 2, has 1). G.D needs 2 and has 1; G.C needs 1
     * and has 2. Voluntary mode: the three grants only. Combined mode:
     * the same grants, then the directed part fills G.D from G.C, the only
     * surplus left (G.E's went with X; moving G.E's filler would leave
     * G.E below its need). Grants are listed first. */
    struct fx f;
    struct plan_result r;
    size_t s[6];
    size_t guru;
    (void)state;
    fx_init(&f, D_PLAN);
    schools(&f, 6, s, &guru);
    size_t pa = fx_pair(&f, s[0], guru, 1);
    size_t pb = fx_pair(&f, s[1], guru, 1);
    size_t pc = fx_pair(&f, s[2], guru, 1);
    size_t pd = fx_pair(&f, s[3], guru, 2);
    size_t pe = fx_pair(&f, s[4], guru, 1);
    size_t pf = fx_pair(&f, s[5], guru, 2);
    fx_ask(&f, fx_staff(&f, NIP_C, pa), ALASAN_LAINNYA, 1, s[1]);
    fx_ask(&f, fx_staff(&f, NIP_D, pb), ALASAN_LAINNYA, 1, s[0]);
    fx_ask(&f, fx_staff(&f, NIP_E, pe), ALASAN_KESEHATAN, 1, s[5]);
    fx_fill(&f, pc, 2);
    fx_fill(&f, pd, 1);
    fx_fill(&f, pe, 1);
    fx_fill(&f, pf, 1);
    fx_finish(&f);
    for (int mode = 0; mode < 2; mode++) {
        bool combined = mode == 1;
        snprintf(ctx, sizeof(ctx), "directed after grants, %s",
                 combined ? "combined" : "voluntary");
        run(&f, combined ? PLAN_COMBINED : PLAN_VOLUNTARY, &r);
        assert_int_equal(r.n_voluntary, 3);
        assert_int_equal(r.n_moves, combined ? 4 : 3);
        granted(&f, &r, NIP_C, pb, 1);
        granted(&f, &r, NIP_D, pa, 1);
        granted(&f, &r, NIP_E, pf, 1);
        assert_int_equal(r.h_after[pc], combined ? 1 : 2);
        assert_int_equal(r.h_after[pd], combined ? 2 : 1);
        assert_int_equal(r.h_after[pe], 1);
        assert_int_equal(r.h_after[pf], 2);
        if (combined) {
            const struct plan_move *m = &r.moves[3];
            assert_false(m->aps);
            assert_int_equal(m->from_pair, pc);
            assert_int_equal(m->to_pair, pd);
        }
        done(&r);
    }
}

/* ---- Random tiny problems against the oracle --------------------------- */

#define N_RANDOM 1000

static const char *const tags[] = {NULL, "K", "L;K"};

/* A random NIP with sequence number 'seq' into 'out' (NIP_LEN + 1). */
static void
random_nip(struct rng *g, char *out, int seq, bool bonded)
{
    char nip[64];
    int by = (int)rng_range(g, 1965, 1996);
    int ay =
        bonded ? (int)rng_range(g, 2016, 2024) : (int)rng_range(g, 1990, 2012);
    snprintf(nip, sizeof(nip), "%04d%02d%02d%04d%02d%d%03d", by,
             (int)rng_range(g, 1, 12), (int)rng_range(g, 1, 28), ay,
             (int)rng_range(g, 1, 12), (int)rng_range(g, 1, 2), seq % 1000);
    memcpy(out, nip, NIP_LEN + 1);
}

/* Make staff 'e' a requester of a random kind. */
static void
random_request(struct rng *g, struct fx *f, struct plan_staff *e, int seq)
{
    size_t own = f->pairs[e->pair].unit;
    size_t pool[FX_UNITS];
    size_t n_pool = 0;
    for (size_t u = 0; u < f->n_units; u++) {
        if (u != own || rng_chance(g, 150)) {
            pool[n_pool++] = u;
        }
    }
    for (size_t k = n_pool; k > 1; k--) {
        size_t j = (size_t)rng_pick(g, (int)k);
        size_t t = pool[k - 1];
        pool[k - 1] = pool[j];
        pool[j] = t;
    }
    int most = n_pool < MODEL_MAX_PILIHAN ? (int)n_pool : MODEL_MAX_PILIHAN;
    struct plan_request *q = fx_req(f, e);
    q->n_pilihan =
        (int8_t)(rng_chance(g, 500) ? most : (int)rng_range(g, 1, most));
    for (int k = 0; k < q->n_pilihan; k++) {
        q->pilihan[k] = (int32_t)pool[k];
    }
    if (q->n_pilihan > 0 && rng_chance(g, 50)) {
        q->pilihan[rng_pick(g, q->n_pilihan)] = -1;
    }
    q->alasan = (enum permohonan_alasan)rng_pick(g, 5);
    q->tanggal = f->day - (int32_t)rng_range(g, 0, 3);
    e->tmt_unit = date_add_months(f->day, -(int)rng_range(g, 24, 150));
    if (rng_chance(g, 150)) {
        e->tmt_unit += 1; /* A day short of a whole year (or of 24 months). */
    }
    if (rng_chance(g, 880)) {
        return;
    }
    switch (rng_pick(g, 9)) {
    case 0:
        e->status = STATUS_CPNS;
        break;
    case 1:
        e->status = STATUS_PPPK;
        break;
    case 7:
        e->status = STATUS_PPPK_PW;
        break;
    case 8:
        e->skp[rng_pick(g, 2)] = (int8_t)rng_range(g, -1, SKP_SANGAT_BAIK);
        break;
    case 2:
        e->tmt_unit = date_add_months(f->day, -(int)rng_range(g, 0, 23));
        break;
    case 3:
        e->tmt_pensiun =
            date_add_months(f->day, 12) + (int32_t)rng_range(g, -30, 1);
        break;
    case 4:
        e->hukuman_disiplin = true;
        break;
    case 5: {
        char nip[NIP_LEN + 1];
        memcpy(nip, e->nip, sizeof(nip));
        random_nip(g, nip, seq, true);
        int y = digits(nip + 8, 4);
        int m = digits(nip + 12, 2);
        memcpy(e->nip, nip, sizeof(nip));
        e->angkat = date_from_ymd(y, m, 1);
        e->formasi_tahun =
            rng_chance(g, 300) ? (int)rng_range(g, 2019, 2023) : 0;
        break;
    }
    default:
        e->current = false;
        break;
    }
}

/* A random problem in 1-2 governments with 1-2 positions, needs 0-3
 * (some with surge-only posts) and staff around the needs. Tiny: 2-4
 * units, up to 24 staff, 2-6 of them with a request (within reach of the
 * oracle). Big: 5-10 units, up to 44 staff, 7-16 requests. */
static void
random_problem(struct rng *g, struct fx *f, bool big)
{
    static const int days[][3] = {
        {2025, 7, 1}, {2024, 2, 29}, {2025, 3, 31}, {2026, 1, 1}};
    const int *dd = days[rng_pick(g, 4)];
    fx_init(f, date_from_ymd(dd[0], dd[1], dd[2]));
    int n_units = big                  ? (int)rng_range(g, 5, 10)
                  : rng_chance(g, 200) ? 2
                                       : (int)rng_range(g, 3, 4);
    int most = big ? 44 : 24;
    int second = rng_chance(g, 300) ? (int)rng_range(g, 1, n_units - 1) : 0;
    for (int gv = 0; gv < 2; gv++) {
        int count = gv == 0 ? n_units - second : second;
        size_t root = f->n_units;
        for (int k = 0; k < count; k++) {
            char *code = f->ucode[f->n_units];
            if (k == 0) {
                snprintf(code, sizeof(f->ucode[0]), "G%d", (gv + 1) % 10);
            } else {
                snprintf(code, sizeof(f->ucode[0]), "G%d.%d", (gv + 1) % 10,
                         k % 10);
            }
            enum unit_jenis jenis =
                k == 0 ? UNIT_OPD : (enum unit_jenis)rng_range(g, 2, 7);
            fx_unit(f, code, jenis, k == 0 ? ROOT_SELF : root);
        }
    }
    int n_jabs = rng_chance(g, 300) ? 2 : 1;
    for (int j = 0; j < n_jabs; j++) {
        snprintf(f->jcode[j], sizeof(f->jcode[0]), "J%d", (j + 1) % 10);
        enum jabatan_jenis jenis = rng_chance(g, 100)
                                       ? JAB_PENGAWAS
                                       : (enum jabatan_jenis)rng_range(g, 3, 5);
        fx_jab(f, f->jcode[j], jenis, (size_t)rng_pick(g, 2),
               rng_chance(g, 200) ? tags[rng_range(g, 1, 2)] : NULL);
    }
    for (size_t u = 0; u < f->n_units; u++) {
        for (size_t j = 0; j < f->n_jabs; j++) {
            if (!rng_chance(g, 850)) {
                continue;
            }
            size_t q =
                fx_pair(f, u, j, rng_chance(g, 100) ? 0 : rng_range(g, 1, 3));
            struct plan_pair *x = &f->pairs[q];
            if (x->n > 0 && rng_chance(g, 250)) {
                x->n_perm = rng_range(g, 0, x->n - 1);
                x->surge_until = f->day + (int32_t)rng_range(g, 1, 200);
            }
            if (!rng_chance(g, 930)) {
                x->analysed = false;
                x->n = 0;
                x->n_perm = 0;
                x->need_num = 0;
                x->surge_until = DATE_NONE;
            }
        }
    }
    if (f->n_pairs == 0) {
        fx_pair(f, 0, 0, 1);
    }
    /* Now and then every pair full: only swaps, cycles and chains can
     * grant anything there. */
    bool full = rng_chance(g, 350);
    int seq = 0;
    for (size_t q = 0; q < f->n_pairs && seq < most; q++) {
        int64_t h = f->pairs[q].n;
        h += full && !rng_chance(g, 150) ? 0 : rng_range(g, -1, 1);
        for (int64_t c = 0; c < h && seq < most; c++) {
            char nip[NIP_LEN + 1];
            random_nip(g, nip, seq++, false);
            struct plan_staff *e = fx_staff(f, nip, q);
            e->kompetensi = tags[rng_pick(g, 3)];
        }
    }
    int n_req = big ? (int)rng_range(g, 7, 16) : (int)rng_range(g, 2, 6);
    for (int k = 0; k < n_req && f->n_staff > 0; k++) {
        size_t i = (size_t)rng_pick(g, (int)f->n_staff);
        if (fx_request(f, i)->n_pilihan == 0) {
            random_request(g, f, &f->staff[i], seq++);
        }
    }
    fx_finish(f);
}

/* What the random problems exercised. */
struct stats {
    long requesters;       /* In R. */
    long granted;          /* Grants. */
    long beyond_baseline;  /* Problems where grants > baseline. */
    long later_choice;     /* Grants of a second or later choice. */
    long lost;             /* Requesters in R who stay. */
    long not_in_r;         /* Requests outside R. */
    long some_grant_moves; /* Problems with grants. */
    long feasible;         /* Feasible candidates in all. */
    long into_full;        /* Grants into a pair without a vacancy. */
    long kalah;            /* Choices lost to an earlier requester. */
};

static void
test_vol_random_outcomes_match_rule_oracle(void **state)
{
    static struct fx f;
    struct rng g;
    struct stats st;
    (void)state;
    memset(&st, 0, sizeof(st));
    rng_init(&g, 2026, 51);
    for (int t = 0; t < N_RANDOM; t++) {
        struct plan_result r;
        random_problem(&g, &f, false);
        snprintf(ctx, sizeof(ctx), "random problem %d", t);
        run_raw(&f, PLAN_VOLUNTARY, &r);
        check_result(&f, PLAN_VOLUNTARY, &r);
        assert_true(or_build(&f, &orc));
        or_read(&f, &orc, &r);
        or_compare(&f, &orc);
        st.requesters += (long)orc.n;
        st.granted += r.requests_granted;
        st.beyond_baseline += r.requests_granted > r.requests_granted_baseline;
        st.some_grant_moves += r.requests_granted > 0;
        st.not_in_r += r.requests - (long)orc.n;
        st.feasible += (long)orc.n_cand;
        for (size_t q = 0; q < orc.n; q++) {
            st.later_choice += orc.got[q] > 0;
            st.lost += orc.got[q] < 0;
            size_t i = orc.who[q];
            if (orc.got[q] >= 0) {
                const struct plan_pair *x =
                    &f.pairs[orc.opt_pair[q][orc.got[q]]];
                st.into_full += x->h >= x->n_perm;
            }
            for (int k = 0; k < MODEL_MAX_PILIHAN; k++) {
                st.kalah += r.choice_why[i][k] == PLAN_R_KALAH_PRIORITAS;
            }
        }
        done(&r);
    }
    print_message("random: %ld requesters in R, %ld outside, %ld granted, "
                  "%ld later choices, %ld stay; %ld problems with grants, "
                  "%ld beyond the baseline; %ld feasible candidates; %ld "
                  "grants into full pairs; %ld choices lost on priority\n",
                  st.requesters, st.not_in_r, st.granted, st.later_choice,
                  st.lost, st.some_grant_moves, st.beyond_baseline, st.feasible,
                  st.into_full, st.kalah);
    /* The problems put the rule to work. */
    assert_true(st.requesters > N_RANDOM);
    assert_true(st.not_in_r > N_RANDOM / 10);
    assert_true(st.some_grant_moves > N_RANDOM / 4);
    assert_true(st.beyond_baseline > N_RANDOM / 20);
    assert_true(st.later_choice > N_RANDOM / 20);
    assert_true(st.lost > N_RANDOM / 3);
    assert_true(st.into_full > N_RANDOM / 10);
    assert_true(st.kalah > N_RANDOM / 20);
}

static void
test_vol_random_outcomes_are_pareto_efficient_and_by_priority(void **state)
{
    static struct fx f;
    struct rng g;
    (void)state;
    rng_init(&g, 2026, 52);
    for (int t = 0; t < N_RANDOM; t++) {
        struct plan_result r;
        random_problem(&g, &f, false);
        snprintf(ctx, sizeof(ctx), "random problem %d", t);
        run_raw(&f, PLAN_VOLUNTARY, &r);
        assert_true(or_build(&f, &orc));
        or_read(&f, &orc, &r);
        /* plan_run()'s outcome is a feasible candidate, no feasible
         * candidate is better for some requester and worse for none, and
         * none gives a requester an earlier choice while everyone before
         * them does at least as well. */
        CHECK(or_efficient(&f, &orc));
        done(&r);
    }
}

static void
test_vol_random_baseline_matches_contract(void **state)
{
    static struct fx f;
    struct rng g;
    long positive = 0;
    (void)state;
    rng_init(&g, 2026, 53);
    for (int t = 0; t < N_RANDOM; t++) {
        struct plan_result r;
        random_problem(&g, &f, false);
        snprintf(ctx, sizeof(ctx), "random problem %d", t);
        run_raw(&f, PLAN_VOLUNTARY, &r);
        assert_true(or_build(&f, &orc));
        long want = or_baseline(&f, &orc);
        CHECK_EQ(r.requests_granted_baseline, want);
        /* The baseline's grants are feasible one by one, so the rule grants
         * at least as many. */
        CHECK(r.requests_granted >= want);
        positive += want > 0;
        done(&r);
    }
    if (positive <= N_RANDOM / 20) { /* Enough cases to mean something. */
        fail_msg("only %ld of %d problems have a positive baseline", positive,
                 N_RANDOM);
    }
}

/* 'a' and 'b' are the same plan. */
static void
same_plan(const struct fx *f, const struct plan_result *a,
          const struct plan_result *b)
{
    CHECK_EQ(a->n_moves, b->n_moves);
    CHECK_EQ(a->requests_granted_baseline, b->requests_granted_baseline);
    CHECK_EQ(a->cost, b->cost);
    for (size_t k = 0; k < a->n_moves && k < b->n_moves; k++) {
        CHECK_EQ(a->moves[k].staff, b->moves[k].staff);
        CHECK_EQ(a->moves[k].to_pair, b->moves[k].to_pair);
        CHECK_EQ(a->moves[k].aps, b->moves[k].aps);
        CHECK_EQ(a->moves[k].pilihan_ke, b->moves[k].pilihan_ke);
        CHECK_EQ(a->moves[k].sementara_sampai, b->moves[k].sementara_sampai);
    }
    for (size_t i = 0; i < f->n_staff; i++) {
        CHECK_EQ(a->why_not_aps[i], b->why_not_aps[i]);
        CHECK_EQ(a->rank[i], b->rank[i]);
        CHECK(memcmp(a->choice_why[i], b->choice_why[i],
                     sizeof(a->choice_why[i])) == 0);
    }
}

static void
test_vol_random_runs_are_deterministic(void **state)
{
    static struct fx f;
    struct rng g;
    (void)state;
    rng_init(&g, 2026, 54);
    for (int t = 0; t < N_RANDOM; t++) {
        struct plan_result a;
        struct plan_result b;
        random_problem(&g, &f, false);
        enum plan_mode mode = t % 2 ? PLAN_COMBINED : PLAN_VOLUNTARY;
        snprintf(ctx, sizeof(ctx), "random problem %d", t);
        run_raw(&f, mode, &a);
        run_raw(&f, mode, &b);
        same_plan(&f, &a, &b);
        done(&a);
        done(&b);
    }
}

static void
test_vol_random_combined_keeps_grants_and_bounds(void **state)
{
    static struct fx f;
    struct rng g;
    long directed = 0;
    long both = 0;
    (void)state;
    rng_init(&g, 2026, 55);
    for (int t = 0; t < N_RANDOM; t++) {
        struct plan_result r;
        random_problem(&g, &f, false);
        snprintf(ctx, sizeof(ctx), "random problem %d", t);
        /* run() checks the bounds of the whole plan, the directed moves'
         * rules, and that the grants are those of voluntary mode. */
        run(&f, PLAN_COMBINED, &r);
        directed += r.n_directed > 0;
        both += r.n_directed > 0 && r.n_voluntary > 0;
        done(&r);
    }
    print_message("combined: %ld with directed moves, %ld with both\n",
                  directed, both);
    assert_true(directed > N_RANDOM / 20);
    assert_true(both > N_RANDOM / 50);
}

static void
test_vol_random_larger_plans_keep_rule_locally(void **state)
{
    static struct fx f;
    struct rng g;
    long feasible = 0;
    long granted = 0;
    (void)state;
    rng_init(&g, 2026, 56);
    for (int t = 0; t < N_RANDOM / 4; t++) {
        struct plan_result r;
        random_problem(&g, &f, true);
        snprintf(ctx, sizeof(ctx), "larger problem %d", t);
        run_raw(&f, PLAN_VOLUNTARY, &r);
        check_result(&f, PLAN_VOLUNTARY, &r);
        or_build(&f, &orc);
        or_read(&f, &orc, &r);
        CHECK_EQ(r.requests_granted_baseline, or_baseline(&f, &orc));
        feasible += or_local(&f, &orc, &r);
        granted += r.requests_granted;
        done(&r);
    }
    print_message("larger: %ld granted, %ld feasible deviations\n", granted,
                  feasible);
    assert_true(granted > N_RANDOM / 4);
}

/* Is option 'opt' of requester 'q' of 'o' open at 'q''s turn: does some
 * feasible candidate agree with the rule's outcomes of everyone before 'q'
 * and give 'q' that option? */
static bool
or_open_at(const struct oracle *o, size_t q, int opt)
{
    for (size_t c = 0; c < o->n_cand; c++) {
        bool agree = o->cand[c][q] == opt + 1;
        for (size_t x = 0; x < q && agree; x++) {
            agree = o->cand[c][x] == o->rule[x] + 1;
        }
        if (agree) {
            return true;
        }
    }
    return false;
}

/* kalah_prioritas is counterfactual (contract section 5 explain; issue
 * 16, 2026-12-06): a refused choice with rivals (requesters before the
 * requester granted into that pair) says kalah_prioritas exactly when,
 * with the rivals' requests withdrawn, the rule would leave that choice
 * open at the requester's turn. Checked by enumerating the candidates of
 * the problem without the rivals. */
static void
test_vol_random_kalah_prioritas_is_counterfactual(void **state)
{
    static struct fx f;
    static struct fx g2;
    static struct oracle alt;
    struct rng g;
    long kalah = 0;
    long other = 0;
    (void)state;
    rng_init(&g, 2026, 57);
    for (int t = 0; t < N_RANDOM; t++) {
        struct plan_result r;
        random_problem(&g, &f, false);
        snprintf(ctx, sizeof(ctx), "counterfactual %d", t);
        run_raw(&f, PLAN_VOLUNTARY, &r);
        if (!or_build(&f, &orc)) {
            done(&r);
            continue;
        }
        or_read(&f, &orc, &r);
        for (size_t q = 0; q < orc.n; q++) {
            size_t i = orc.who[q];
            int upto = orc.got[q] < 0 ? orc.n_opt[q] : orc.got[q];
            for (int k = 0; k < upto; k++) {
                long pair = orc.opt_pair[q][k];
                int place = orc.opt_place[q][k];
                unsigned char why = r.choice_why[i][place];
                bool rivals = false;
                g2 = f;
                for (size_t x = 0; x < q; x++) {
                    if (orc.got[x] >= 0 &&
                        orc.opt_pair[x][orc.got[x]] == pair) {
                        g2.staff[orc.who[x]].req = 0; /* No request. */
                        rivals = true;
                    }
                }
                if (!rivals) {
                    CHECK(why != PLAN_R_KALAH_PRIORITAS);
                    continue;
                }
                fx_finish(&g2);
                assert_true(or_build(&g2, &alt));
                size_t q2 = 0;
                while (alt.who[q2] != i) {
                    q2++;
                }
                int k2 = 0;
                while (alt.opt_place[q2][k2] != place) {
                    k2++;
                }
                bool open = or_open_at(&alt, q2, k2);
                if (open != (why == PLAN_R_KALAH_PRIORITAS)) {
                    dump(&f);
                    fail_msg("%s: %s choice %d says %s, counterfactually %s",
                             ctx, f.staff[i].nip, place + 1,
                             plan_reason_code((enum plan_reason)why),
                             open ? "open" : "closed");
                }
                kalah += open;
                other += !open;
            }
        }
        done(&r);
    }
    print_message("counterfactual: %ld kalah_prioritas, %ld other with "
                  "rivals\n",
                  kalah, other);
    assert_true(kalah > N_RANDOM / 20);
    assert_true(other > N_RANDOM / 100);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vol_two_full_schools_swap_teachers),
        cmocka_unit_test(test_vol_three_full_units_rotate_in_a_cycle),
        cmocka_unit_test(test_vol_chain_runs_from_surplus_into_vacancy),
        cmocka_unit_test(test_vol_last_vacancy_goes_to_higher_priority),
        cmocka_unit_test(test_vol_reason_points_order_requesters),
        cmocka_unit_test(test_vol_years_in_unit_add_five_points_up_to_fifty),
        cmocka_unit_test(test_vol_equal_points_go_by_date_then_nip),
        cmocka_unit_test(test_vol_surge_only_slot_is_not_granted),
        cmocka_unit_test(
            test_vol_combined_leaves_surge_slot_to_temporary_assignment),
        cmocka_unit_test(test_vol_leaving_may_not_deepen_own_shortage),
        cmocka_unit_test(test_vol_later_requester_moves_down_own_list),
        cmocka_unit_test(test_vol_baseline_counts_direct_grants_only),
        cmocka_unit_test(test_vol_ineligible_requesters_never_move),
        cmocka_unit_test(test_vol_skp_of_the_last_two_years),
        cmocka_unit_test(
            test_vol_service_bond_ends_eleven_years_after_appointment),
        cmocka_unit_test(test_vol_invalid_choices_are_skipped),
        cmocka_unit_test(test_vol_combined_runs_directed_on_granted_result),
        cmocka_unit_test(test_vol_random_outcomes_match_rule_oracle),
        cmocka_unit_test(
            test_vol_random_outcomes_are_pareto_efficient_and_by_priority),
        cmocka_unit_test(test_vol_random_baseline_matches_contract),
        cmocka_unit_test(test_vol_random_runs_are_deterministic),
        cmocka_unit_test(test_vol_random_combined_keeps_grants_and_bounds),
        cmocka_unit_test(test_vol_random_larger_plans_keep_rule_locally),
        cmocka_unit_test(test_vol_random_kalah_prioritas_is_counterfactual),
    };
    return cmocka_run_group_tests(tests, NULL, release_held);
}
