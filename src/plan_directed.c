/* SPDX-License-Identifier: MIT */
/* plan_directed: directed rebalancing by min-cost flow (engine layer); the
 * network is described in plan.h's design note. */
#include "plan_directed.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "geo.h"
#include "mcf.h"
#include "mem.h"
#include "plan_problem.h"
#include "progress.h"
#include "settings.h"

/* Scaled costs stay below this, far from 64 bits (the solver multiplies
 * the largest cost by the node count for its artificial arcs). */
#define MAX_SCALED ((int64_t)1 << 40)

/* A destination pair of one government. */
struct dest {
    size_t pair;
    size_t klass;
    int64_t d;  /* Deficit. */
    int64_t v1; /* Value of its first slot. */
    int node;
};

/* A possible move (an arc employee -> destination). */
struct cand_arc {
    size_t staff;
    size_t dest; /* Index in the dests. */
    int64_t cost;
    double km;
    bool known; /* Both ends of 'km' have coordinates. */
    bool kept;  /* In the network (prune_origin() leaves some out). */
    int arc;    /* Its arc in the network, or -1. */
};

/* Per candidate, what it could reach (for the reasons of those who stay). */
struct reach {
    bool any_deficit; /* A deficit of its class in another unit. */
    bool any_status;  /* ... its status allows (PPPK: own jabatan). */
    bool any_komp;    /* ... for which it holds the competencies. */
    bool any_syarat;  /* ... whose requirements it meets. */
    bool any_near;    /* ... within --max-km. */
};

/* The result of one solve (one government or all together). */
struct gov_out {
    struct plan_move *moves;
    size_t n_moves;
    size_t cap_moves;
    int64_t cost;
    enum err rc;
};

struct ctx {
    const struct plan_problem *p;
    const struct plan_opts *o;
    struct plan_directed *d;
    size_t *staff_start;   /* CSR of staff by pair, in NIP order: those */
    size_t *staff_ix;      /* eligible and not moved yet (index_problem()). */
    struct geo_point *upt; /* Per unit, for distances. */
    size_t *gov_start;     /* CSR of pairs by government. */
    size_t *gov_pairs;
    size_t n_gov;
    size_t *gov_order; /* The order in which the threads take them. */
    struct gov_out *outs;
    atomic_size_t next;
};

/* The value of the 'k'-th filled slot (1-based) of pair 'pair' whose
 * deficit is 'd' (contract section 5). */
static int64_t
plan_slot_value(const struct plan_problem *p, size_t pair, int64_t d, int64_t k)
{
    const struct plan_pair *x = &p->pairs[pair];
    int64_t w = p->s->bobot[p->units[x->unit].jenis];
    int64_t num = p->s->nilai_slot * (d - k + 1);
    /* round(num / n) half up, in integers. */
    return w * ((2 * num + x->n) / (2 * x->n));
}

/* True when staff 'i' is due for rotation on the plan date. */
static bool
plan_rotation_due(const struct plan_problem *p, size_t i)
{
    return date_add_months(p->staff[i].tmt_unit, p->s->rotasi_bulan) <= p->day;
}

/* True when unit 'unit' is on staff 'i''s open request list. */
static bool
plan_requested(const struct plan_problem *p, size_t i, size_t unit)
{
    const struct plan_request *q = plan_request_of(p, i);
    for (int k = 0; q != NULL && k < q->n_pilihan; k++) {
        if (q->pilihan[k] == (long)unit) {
            return true;
        }
    }
    return false;
}

static bool
dest_position_open(const struct plan_problem *p, size_t pair)
{
    enum jabatan_jenis j = p->jabs[p->pairs[pair].jab].jenis;
    return p->s->struktural_boleh || !model_jabatan_is_struktural(j);
}

static int
by_klass_then_pair(const void *x, const void *y)
{
    const struct dest *a = x;
    const struct dest *b = y;
    if (a->klass != b->klass) {
        return a->klass < b->klass ? -1 : 1;
    }
    return a->pair < b->pair ? -1 : a->pair > b->pair;
}

/* The network under construction for a set of governments. */
struct net {
    struct dest *dests;
    size_t n_dests;
    size_t cap_dests;
    struct cand_arc *arcs;
    size_t n_arcs;
    size_t cap_arcs;
    size_t *origins; /* Surplus pairs with at least one arc. */
    size_t n_origins;
    size_t cap_origins;
    int64_t sum_s;
    int64_t sum_d;
    int64_t *scratch; /* For prune_origin(). */
    size_t cap_scratch;
};

static void
net_cleanup(struct net *n)
{
    free(n->dests);
    free(n->arcs);
    free(n->origins);
    free(n->scratch);
}

static void
collect_dests(struct ctx *c, size_t g, struct net *n)
{
    const struct plan_problem *p = c->p;
    size_t first = n->n_dests;
    for (size_t k = c->gov_start[g]; k < c->gov_start[g + 1]; k++) {
        size_t pi = c->gov_pairs[k];
        const struct plan_pair *x = &p->pairs[pi];
        int64_t d = x->n - c->d->h[pi];
        if (!x->analysed || d <= 0 || !dest_position_open(p, pi)) {
            continue;
        }
        xgrow((void **)&n->dests, &n->cap_dests, n->n_dests + 1,
              sizeof(*n->dests));
        struct dest *t = &n->dests[n->n_dests++];
        t->pair = pi;
        t->klass = p->jabs[x->jab].klass;
        t->d = d;
        t->v1 = plan_slot_value(p, pi, d, 1);
        t->node = -1;
    }
    if (n->n_dests > first) {
        qsort(n->dests + first, n->n_dests - first, sizeof(*n->dests),
              by_klass_then_pair);
    }
}

/* The first destination of class 'klass' in [lo, hi), by binary search. */
static size_t
first_of_klass(const struct net *n, size_t lo, size_t hi, size_t klass)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (n->dests[mid].klass < klass) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* Add the arcs of candidate 'i' to the destinations [lo, hi) of its
 * government; returns how many. */
static size_t
candidate_arcs(struct ctx *c, struct net *n, size_t i, size_t lo, size_t hi)
{
    const struct plan_problem *p = c->p;
    const struct plan_staff *e = &p->staff[i];
    size_t unit = p->pairs[e->pair].unit;
    size_t klass = p->jabs[p->pairs[e->pair].jab].klass;
    struct reach r = {false, false, false, false, false};
    size_t added = 0;
    /* The cost term of a move (biaya_pindah + biaya_per_km x km, less
     * potongan_rotasi when rotation is due and potongan_diminta for a
     * requested unit): its part that is the same for every destination,
     * once per candidate; and the bar of each jabatan, again only when
     * the jabatan changes (destinations come by class, then pair). */
    int64_t base = p->s->biaya_pindah -
                   (plan_rotation_due(p, i) ? p->s->potongan_rotasi : 0);
    size_t last_jab = (size_t)-1;
    unsigned bar = 0;
    /* Where distances start: home, else the own unit (plan_km()). */
    struct geo_point home = geo_point_of(e->lat, e->lon);
    const struct geo_point *from =
        e->lat != MODEL_COORD_NONE && e->lon != MODEL_COORD_NONE ? &home
        : p->units[unit].lat != MODEL_COORD_NONE &&
                p->units[unit].lon != MODEL_COORD_NONE
            ? &c->upt[unit]
            : NULL;
    for (size_t k = first_of_klass(n, lo, hi, klass);
         k < hi && n->dests[k].klass == klass; k++) {
        const struct plan_pair *b = &p->pairs[n->dests[k].pair];
        if (b->unit == unit) {
            continue;
        }
        r.any_deficit = true;
        if (b->jab != last_jab) {
            bar = plan_jabatan_bar(p, i, b->jab);
            last_jab = b->jab;
        }
        if (bar & PLAN_BIT(PLAN_R_STATUS)) {
            continue;
        }
        r.any_status = true;
        if (bar & PLAN_BIT(PLAN_R_KOMPETENSI)) {
            continue;
        }
        r.any_komp = true;
        if (bar & PLAN_BIT(PLAN_R_SYARAT_JABATAN)) {
            continue;
        }
        r.any_syarat = true;
        const struct plan_unit *bu = &p->units[b->unit];
        bool known = from != NULL && bu->lat != MODEL_COORD_NONE &&
                     bu->lon != MODEL_COORD_NONE;
        double km = known ? geo_km_points(from, &c->upt[b->unit]) : 0.0;
        if (c->o->max_km >= 0 && km > c->o->max_km) {
            continue;
        }
        r.any_near = true;
        int64_t cost =
            base + (int64_t)floor((double)p->s->biaya_per_km * km + 0.5);
        if (plan_n_pilihan(p, i) > 0 && plan_requested(p, i, b->unit)) {
            cost -= p->s->potongan_diminta;
        }
        if (cost >= n->dests[k].v1) {
            continue; /* Never pays for itself. */
        }
        xgrow((void **)&n->arcs, &n->cap_arcs, n->n_arcs + 1, sizeof(*n->arcs));
        n->arcs[n->n_arcs++] =
            (struct cand_arc){i, k, cost, km, known, true, -1};
        added++;
    }
    /* The reason if they stay; cleared for those who move. */
    c->d->why_not[i] |= !r.any_deficit  ? PLAN_BIT(PLAN_R_TIDAK_ADA_KEKURANGAN)
                        : !r.any_status ? PLAN_BIT(PLAN_R_STATUS)
                        : !r.any_komp   ? PLAN_BIT(PLAN_R_KOMPETENSI)
                        : !r.any_syarat ? PLAN_BIT(PLAN_R_SYARAT_JABATAN)
                        : !r.any_near   ? PLAN_BIT(PLAN_R_TERLALU_JAUH)
                                        : PLAN_BIT(PLAN_R_LEBIH_MAHAL);
    return added;
}

static int
by_cost(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x;
    int64_t b = *(const int64_t *)y;
    return a < b ? -1 : a > b;
}

/* Leave out of the network the arcs [from, n->n_arcs) of one origin pair
 * with surplus 's' that no optimal plan uses: an arc into a destination
 * to which at least 's' arcs of the same origin are strictly cheaper.
 * (Were it used, at most s - 1 of those cheaper ones could be, as at most
 * s move out of the pair; the employee of an unused one could take its
 * place for less.) Every optimal plan of the whole network stays in the
 * smaller one, so its optimum is the same. The arcs stay listed, as the
 * reasons of those who stay read them all. */
static void
prune_origin(struct net *n, size_t from, int64_t s)
{
    size_t n_arcs = n->n_arcs - from;
    if (s <= 0 || (size_t)s >= n_arcs) {
        return;
    }
    /* Arcs come by employee, then destination: count per destination. */
    size_t lo = n->arcs[from].dest;
    size_t hi = lo;
    for (size_t k = from; k < n->n_arcs; k++) {
        size_t t = n->arcs[k].dest;
        lo = t < lo ? t : lo;
        hi = t + 1 > hi ? t + 1 : hi;
    }
    size_t span = hi - lo;
    /* start[t - lo]: where destination t's costs begin in the scratch. */
    xgrow((void **)&n->scratch, &n->cap_scratch, n_arcs + 2 * (span + 1),
          sizeof(int64_t));
    int64_t *cost = n->scratch;
    int64_t *start = cost + n_arcs;
    int64_t *fill = start + span + 1;
    memset(start, 0, (span + 1) * sizeof(int64_t));
    for (size_t k = from; k < n->n_arcs; k++) {
        start[n->arcs[k].dest - lo + 1]++;
    }
    for (size_t t = 0; t < span; t++) {
        start[t + 1] += start[t];
        fill[t] = start[t];
    }
    for (size_t k = from; k < n->n_arcs; k++) {
        cost[fill[n->arcs[k].dest - lo]++] = n->arcs[k].cost;
    }
    /* Each destination's bar: its s-th cheapest cost (kept in 'fill'). */
    for (size_t t = 0; t < span; t++) {
        int64_t len = start[t + 1] - start[t];
        fill[t] = INT64_MAX;
        if (len > s) {
            qsort(cost + start[t], (size_t)len, sizeof(int64_t), by_cost);
            fill[t] = cost[start[t] + s - 1];
        }
    }
    for (size_t k = from; k < n->n_arcs; k++) {
        n->arcs[k].kept = n->arcs[k].cost <= fill[n->arcs[k].dest - lo];
    }
}

/* Add government 'g' to the network: its destinations, then its surplus
 * pairs' candidates and their arcs. */
static void
collect_gov(struct ctx *c, size_t g, struct net *n)
{
    const struct plan_problem *p = c->p;
    size_t lo = n->n_dests;
    collect_dests(c, g, n);
    size_t hi = n->n_dests;
    for (size_t k = lo; k < hi; k++) {
        n->sum_d += n->dests[k].d;
    }
    for (size_t k = c->gov_start[g]; k < c->gov_start[g + 1]; k++) {
        size_t pi = c->gov_pairs[k];
        const struct plan_pair *x = &p->pairs[pi];
        int64_t s = c->d->h[pi] - x->n;
        int64_t n_cand = 0;
        size_t from = n->n_arcs;
        for (size_t j = c->staff_start[pi]; j < c->staff_start[pi + 1]; j++) {
            size_t i = c->staff_ix[j];
            if (c->d->why_not[i] != 0 || c->d->busy[i] >= 0) {
                continue;
            }
            if (!x->analysed || s <= 0) {
                c->d->why_not[i] |= PLAN_BIT(PLAN_R_ABK_ASAL);
                continue;
            }
            n_cand += candidate_arcs(c, n, i, lo, hi) > 0;
        }
        if (n_cand > s) {
            prune_origin(n, from, s);
        }
        if (n_cand > 0) {
            xgrow((void **)&n->origins, &n->cap_origins, n->n_origins + 1,
                  sizeof(*n->origins));
            n->origins[n->n_origins++] = pi;
            n->sum_s += s < n_cand ? s : n_cand;
        }
    }
}

/* The flow network of 'n' with 'flow' units: returns the solver, or NULL
 * when the scaled costs would be too large. '*origin_node' and
 * '*staff_node' are scratch maps it fills. */
static struct mcf *
build_mcf(struct ctx *c, struct net *n, int64_t flow, int64_t scale)
{
    const struct plan_problem *p = c->p;
    size_t n_nodes = 2 + n->n_origins + n->n_dests + n->n_arcs;
    struct mcf *m = mcf_create((int)n_nodes);
    int next = 2;
    int arc = 0;
    enum err rc = mcf_add_arc(m, 0, 1, 0, flow, 0, &arc);
    mcf_add_supply(m, 0, flow);
    mcf_add_supply(m, 1, -flow);
    for (size_t k = 0; k < n->n_dests && rc == ERR_OK; k++) {
        struct dest *t = &n->dests[k];
        t->node = next++;
        int64_t slots = t->d < flow ? t->d : flow;
        for (int64_t j = 1; j <= slots && rc == ERR_OK; j++) {
            /* Values are never negative; a slot worth 0 still takes a
             * move whose cost is negative (settings can make it so). */
            int64_t v = plan_slot_value(p, t->pair, t->d, j);
            if (v > MAX_SCALED / scale) {
                rc = ERR_TOOBIG;
                break;
            }
            rc = mcf_add_arc(m, t->node, 1, 0, 1, -scale * v, &arc);
        }
    }
    /* Origins and employees in the order of the arcs (pairs ascending,
     * staff by NIP within a pair). */
    size_t o = 0;
    int origin_node = -1;
    size_t last_staff = (size_t)-1;
    int staff_node = -1;
    for (size_t k = 0; k < n->n_arcs && rc == ERR_OK; k++) {
        struct cand_arc *a = &n->arcs[k];
        if (!a->kept) {
            continue;
        }
        size_t pair = p->staff[a->staff].pair;
        if (origin_node < 0 || n->origins[o] != pair) {
            while (n->origins[o] != pair) {
                o++;
            }
            origin_node = next++;
            int64_t s = c->d->h[pair] - p->pairs[pair].n;
            rc = mcf_add_arc(m, 0, origin_node, 0, s, 0, &arc);
        }
        if (a->staff != last_staff && rc == ERR_OK) {
            last_staff = a->staff;
            staff_node = next++;
            rc = mcf_add_arc(m, origin_node, staff_node, 0, 1, 0, &arc);
        }
        if (rc == ERR_OK &&
            (a->cost > MAX_SCALED / scale || a->cost < -MAX_SCALED / scale)) {
            rc = ERR_TOOBIG;
        }
        if (rc == ERR_OK) {
            rc = mcf_add_arc(m, staff_node, n->dests[a->dest].node, 0, 1,
                             scale * a->cost + 1, &a->arc);
        }
    }
    if (rc != ERR_OK) {
        mcf_destroy(m);
        return NULL;
    }
    return m;
}

/* Moves into 'dest' sorted by km, then NIP: slot k goes to the k-th. */
static int
by_km_then_nip(const void *x, const void *y, const struct plan_problem *p)
{
    const struct plan_move *a = x;
    const struct plan_move *b = y;
    if (a->km != b->km) {
        return a->km < b->km ? -1 : 1;
    }
    return strcmp(p->staff[a->staff].nip, p->staff[b->staff].nip);
}

/* Insertion sort: a destination receives few moves. */
static void
sort_moves(struct plan_move *v, size_t n, const struct plan_problem *p)
{
    for (size_t i = 1; i < n; i++) {
        struct plan_move t = v[i];
        size_t j = i;
        while (j > 0 && by_km_then_nip(&v[j - 1], &t, p) > 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = t;
    }
}

/* Slots, temporary moves and the reasons of the moves into each
 * destination; 'near' is the shortest known km of a candidate for it who
 * stays (INFINITY when none), 'near_unknown' whether such a candidate's
 * km is unknown. A move is the nearest (jarak_terdekat) only when its own
 * km and every one it is compared with are known. The deciding reason of
 * a directed move is the destination's need (abk_tujuan), or diminta when
 * the destination is on the employee's own request. */
static void
finish_dest(struct ctx *c, const struct dest *t, struct plan_move *v,
            size_t n_v, double near, bool near_unknown)
{
    const struct plan_problem *p = c->p;
    const struct plan_pair *x = &p->pairs[t->pair];
    sort_moves(v, n_v, p);
    int64_t room = x->n_perm - c->d->h[t->pair];
    room = room > 0 ? room : 0;
    for (size_t k = 0; k < n_v; k++) {
        struct plan_move *mv = &v[k];
        mv->slot = (int)k + 1;
        mv->value = plan_slot_value(p, t->pair, t->d, (int64_t)k + 1);
        if ((int64_t)k >= room) {
            mv->sementara_sampai = x->surge_until;
        }
        mv->reasons = PLAN_BIT(PLAN_R_ABK_ASAL) | PLAN_BIT(PLAN_R_ABK_TUJUAN);
        if (plan_rotation_due(p, mv->staff)) {
            mv->reasons |= PLAN_BIT(PLAN_R_ROTASI_JATUH_TEMPO);
        }
        if (plan_requested(p, mv->staff, x->unit)) {
            mv->reasons |= PLAN_BIT(PLAN_R_DIMINTA);
        }
        mv->km_from = plan_km_from(p, mv->staff, x->unit);
        if (mv->km_from != PLAN_KM_UNKNOWN && !near_unknown && mv->km <= near) {
            mv->reasons |= PLAN_BIT(PLAN_R_JARAK_TERDEKAT);
        }
        mv->deciding = mv->reasons & PLAN_BIT(PLAN_R_DIMINTA)
                           ? PLAN_R_DIMINTA
                           : PLAN_R_ABK_TUJUAN;
    }
}

static int
by_dest(const void *x, const void *y)
{
    const struct plan_move *a = x;
    const struct plan_move *b = y;
    return a->slot < b->slot ? -1 : a->slot > b->slot;
}

/* The moves of the solved network 'm' into 'out'. */
static void
read_moves(struct ctx *c, struct net *n, const struct mcf *m,
           struct gov_out *out)
{
    double *near = xcalloc(n->n_dests + 1, sizeof(double));
    bool *near_unknown = xcalloc(n->n_dests + 1, sizeof(bool));
    for (size_t k = 0; k < n->n_dests; k++) {
        near[k] = INFINITY;
    }
    for (size_t k = 0; k < n->n_arcs;) {
        size_t end = k;
        bool moved = false;
        while (end < n->n_arcs && n->arcs[end].staff == n->arcs[k].staff) {
            moved = moved || (n->arcs[end].arc >= 0 &&
                              mcf_flow(m, n->arcs[end].arc) > 0);
            end++;
        }
        for (size_t j = k; j < end; j++) {
            const struct cand_arc *a = &n->arcs[j];
            if (!moved && !a->known) {
                near_unknown[a->dest] = true;
            } else if (!moved && a->km < near[a->dest]) {
                near[a->dest] = a->km;
            }
            if (a->arc < 0 || mcf_flow(m, a->arc) == 0) {
                continue;
            }
            xgrow((void **)&out->moves, &out->cap_moves, out->n_moves + 1,
                  sizeof(*out->moves));
            struct plan_move *mv = &out->moves[out->n_moves++];
            memset(mv, 0, sizeof(*mv));
            mv->staff = a->staff;
            mv->from_pair = c->p->staff[a->staff].pair;
            mv->to_pair = n->dests[a->dest].pair;
            mv->km = a->km;
            mv->km_centi = (int64_t)floor(a->km * 100.0 + 0.5);
            mv->cost = a->cost;
            mv->sementara_sampai = DATE_NONE;
            mv->with_in = -1;
            mv->with_out = -1;
            mv->slot = (int)a->dest; /* The dest, until finish_dest(). */
            mv->h_from = c->d->h[mv->from_pair];
            mv->h_to = c->d->h[mv->to_pair];
        }
        k = end;
    }
    /* Group by destination (a stable order: sort by dest, then NIP in
     * finish_dest()). */
    if (out->n_moves > 0) {
        qsort(out->moves, out->n_moves, sizeof(*out->moves), by_dest);
    }
    for (size_t k = 0; k < out->n_moves;) {
        size_t end = k;
        size_t dest = (size_t)out->moves[k].slot;
        while (end < out->n_moves && (size_t)out->moves[end].slot == dest) {
            end++;
        }
        finish_dest(c, &n->dests[dest], out->moves + k, end - k, near[dest],
                    near_unknown[dest]);
        k = end;
    }
    for (size_t k = 0; k < out->n_moves; k++) {
        out->cost += out->moves[k].cost - out->moves[k].value;
    }
    free(near);
    free(near_unknown);
}

/* Solve the governments 'govs' together with at most 'limit' moves (-1:
 * none) into '*out'. */
static void
solve(struct ctx *c, const size_t *govs, size_t n_govs, long limit,
      struct gov_out *out)
{
    struct net n;
    memset(&n, 0, sizeof(n));
    memset(out, 0, sizeof(*out));
    for (size_t k = 0; k < n_govs; k++) {
        collect_gov(c, govs[k], &n);
    }
    int64_t flow = n.sum_s < n.sum_d ? n.sum_s : n.sum_d;
    if (limit >= 0 && flow > limit) {
        flow = limit;
    }
    if (flow <= 0) {
        net_cleanup(&n);
        return;
    }
    struct mcf *m = build_mcf(c, &n, flow, flow + 1);
    enum mcf_status status = MCF_INFEASIBLE;
    int64_t total = 0;
    out->rc = m ? mcf_solve(m, &status, &total) : ERR_TOOBIG;
    if (out->rc == ERR_OK && status != MCF_OPTIMAL) {
        out->rc = ERR_INTERNAL; /* The bypass arc makes it feasible. */
    }
    if (out->rc == ERR_OK) {
        read_moves(c, &n, m, out);
    }
    mcf_destroy(m);
    net_cleanup(&n);
}

static void *
worker(void *arg)
{
    struct ctx *c = arg;
    for (;;) {
        size_t k = atomic_fetch_add(&c->next, 1);
        if (k >= c->n_gov) {
            return NULL;
        }
        size_t g = c->gov_order[k];
        solve(c, &g, 1, c->o->max_moves, &c->outs[g]);
        progress_step(c->o->progress);
    }
}

/* The governments with the most candidates first, so that the threads
 * do not wait at the end for one large government started last (each
 * result stays in its own place: the order changes no answer). */
static size_t
gov_weight(const struct ctx *c, size_t g)
{
    size_t w = 0;
    for (size_t k = c->gov_start[g]; k < c->gov_start[g + 1]; k++) {
        size_t pi = c->gov_pairs[k];
        w += c->staff_start[pi + 1] - c->staff_start[pi];
    }
    return w;
}

struct gov_rank {
    size_t g;
    size_t weight;
};

static int
by_weight_desc(const void *x, const void *y)
{
    const struct gov_rank *a = x;
    const struct gov_rank *b = y;
    if (a->weight != b->weight) {
        return a->weight > b->weight ? -1 : 1;
    }
    return a->g < b->g ? -1 : a->g > b->g;
}

static void
order_governments(struct ctx *c)
{
    struct gov_rank *r = xcalloc(c->n_gov + 1, sizeof(*r));
    for (size_t g = 0; g < c->n_gov; g++) {
        r[g] = (struct gov_rank){g, gov_weight(c, g)};
    }
    qsort(r, c->n_gov, sizeof(*r), by_weight_desc);
    c->gov_order = xcalloc(c->n_gov + 1, sizeof(size_t));
    for (size_t g = 0; g < c->n_gov; g++) {
        c->gov_order[g] = r[g].g;
    }
    free(r);
}

/* True when staff 'i' may be a candidate: eligible and not moved by the
 * voluntary part. The reasons added later (collect_gov()) never clear
 * these, so the staff that fail it now fail it in every solve. */
static bool
may_move(const struct ctx *c, size_t i)
{
    return c->d->why_not[i] == 0 && c->d->busy[i] < 0;
}

/* Group the staff who may move by pair and pairs by government. */
static void
index_problem(struct ctx *c)
{
    const struct plan_problem *p = c->p;
    c->staff_start = xcalloc(p->n_pairs + 1, sizeof(size_t));
    size_t n_may = 0;
    for (size_t i = 0; i < p->n_staff; i++) {
        if (may_move(c, i)) {
            c->staff_start[p->staff[i].pair + 1]++;
            n_may++;
        }
    }
    c->staff_ix = xcalloc(n_may + 1, sizeof(size_t));
    for (size_t k = 0; k < p->n_pairs; k++) {
        c->staff_start[k + 1] += c->staff_start[k];
    }
    size_t *fill = xcalloc(p->n_pairs + 1, sizeof(size_t));
    for (size_t i = 0; i < p->n_staff; i++) {
        if (may_move(c, i)) {
            size_t k = p->staff[i].pair;
            c->staff_ix[c->staff_start[k] + fill[k]++] = i;
        }
    }
    free(fill);
    /* Governments in the order of their roots' first pair. */
    long *gov_of_root = xcalloc(p->n_units + 1, sizeof(long));
    for (size_t u = 0; u < p->n_units; u++) {
        gov_of_root[u] = -1;
    }
    size_t *gov_of_pair = xcalloc(p->n_pairs + 1, sizeof(size_t));
    c->n_gov = 0;
    for (size_t k = 0; k < p->n_pairs; k++) {
        size_t root = p->units[p->pairs[k].unit].root;
        if (gov_of_root[root] < 0) {
            gov_of_root[root] = (long)c->n_gov++;
        }
        gov_of_pair[k] = (size_t)gov_of_root[root];
    }
    c->gov_start = xcalloc(c->n_gov + 2, sizeof(size_t));
    c->gov_pairs = xcalloc(p->n_pairs + 1, sizeof(size_t));
    for (size_t k = 0; k < p->n_pairs; k++) {
        c->gov_start[gov_of_pair[k] + 1]++;
    }
    for (size_t g = 0; g < c->n_gov; g++) {
        c->gov_start[g + 1] += c->gov_start[g];
    }
    fill = xcalloc(c->n_gov + 1, sizeof(size_t));
    for (size_t k = 0; k < p->n_pairs; k++) {
        size_t g = gov_of_pair[k];
        c->gov_pairs[c->gov_start[g] + fill[g]++] = k;
    }
    free(fill);
    free(gov_of_pair);
    free(gov_of_root);
    order_governments(c);
    c->upt = xcalloc(p->n_units + 1, sizeof(*c->upt));
    for (size_t u = 0; u < p->n_units; u++) {
        c->upt[u] = geo_point_of(p->units[u].lat, p->units[u].lon);
    }
}

/* Run the independent problems on 'o->threads' threads. */
static void
solve_each(struct ctx *c)
{
    int n_threads = c->o->threads > 1 ? c->o->threads : 1;
    if ((size_t)n_threads > c->n_gov) {
        n_threads = (int)c->n_gov;
    }
    pthread_t *t = xcalloc((size_t)n_threads + 1, sizeof(*t));
    int started = 0;
    for (int k = 1; k < n_threads; k++) {
        if (pthread_create(&t[k], NULL, worker, c) != 0) {
            break; /* The remaining work runs on the threads we have. */
        }
        started = k;
    }
    worker(c);
    for (int k = 1; k <= started; k++) {
        pthread_join(t[k], NULL);
    }
    free(t);
}

/* Reset the directed reasons set by a first solve (before a joint one). */
static void
clear_directed_reasons(struct ctx *c)
{
    unsigned mask =
        PLAN_BIT(PLAN_R_ABK_ASAL) | PLAN_BIT(PLAN_R_TIDAK_ADA_KEKURANGAN) |
        PLAN_BIT(PLAN_R_KOMPETENSI) | PLAN_BIT(PLAN_R_TERLALU_JAUH) |
        PLAN_BIT(PLAN_R_LEBIH_MAHAL);
    for (size_t i = 0; i < c->p->n_staff; i++) {
        c->d->why_not[i] &= ~mask;
    }
}

static enum err
gather(struct ctx *c, struct gov_out *outs, size_t n_outs)
{
    struct plan_directed *d = c->d;
    size_t cap = 0;
    for (size_t g = 0; g < n_outs; g++) {
        if (outs[g].rc != ERR_OK) {
            return outs[g].rc;
        }
    }
    for (size_t g = 0; g < n_outs; g++) {
        for (size_t k = 0; k < outs[g].n_moves; k++) {
            xgrow((void **)&d->moves, &cap, d->n_moves + 1, sizeof(*d->moves));
            d->moves[d->n_moves++] = outs[g].moves[k];
            c->d->why_not[outs[g].moves[k].staff] = 0;
        }
        d->cost += outs[g].cost;
    }
    return ERR_OK;
}

static void
free_outs(struct gov_out *outs, size_t n)
{
    for (size_t g = 0; g < n; g++) {
        free(outs[g].moves);
    }
    free(outs);
}

enum err
plan_directed_run(const struct plan_problem *p, const struct plan_opts *o,
                  struct plan_directed *d)
{
    struct ctx c;
    memset(&c, 0, sizeof(c));
    c.p = p;
    c.o = o;
    c.d = d;
    d->moves = NULL;
    d->n_moves = 0;
    d->cost = 0;
    index_problem(&c);
    c.outs = xcalloc(c.n_gov + 1, sizeof(*c.outs));
    atomic_init(&c.next, 0);
    solve_each(&c);
    size_t total = 0;
    for (size_t g = 0; g < c.n_gov; g++) {
        total += c.outs[g].n_moves;
    }
    enum err rc = ERR_OK;
    if (o->max_moves >= 0 && total > (size_t)o->max_moves) {
        /* The limit ties the governments: solve them as one network. */
        free_outs(c.outs, c.n_gov);
        clear_directed_reasons(&c);
        size_t *all = xcalloc(c.n_gov + 1, sizeof(size_t));
        for (size_t g = 0; g < c.n_gov; g++) {
            all[g] = g;
        }
        c.outs = xcalloc(1, sizeof(*c.outs));
        solve(&c, all, c.n_gov, o->max_moves, c.outs);
        free(all);
        rc = gather(&c, c.outs, 1);
        free_outs(c.outs, 1);
    } else {
        rc = gather(&c, c.outs, c.n_gov);
        free_outs(c.outs, c.n_gov);
    }
    free(c.staff_start);
    free(c.staff_ix);
    free(c.gov_start);
    free(c.gov_pairs);
    free(c.gov_order);
    free(c.upt);
    return rc;
}
