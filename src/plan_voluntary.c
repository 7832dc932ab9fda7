/* SPDX-License-Identifier: MIT */
/* plan_voluntary: granting requests in priority order (engine layer).
 *
 * Design note. The contract's rule fixes requesters one by one to the
 * first unit of their list for which some feasible candidate agrees with
 * every outcome fixed so far. A candidate is an assignment of each
 * requester to "stay" or one of their valid choices; it is feasible when
 * every pair's count lies in [min(h, n), max(h, n_perm)]. That is a flow
 * problem: requesters are units of flow from their own pair to the pair
 * they are assigned to, with bounds on each pair's count. Rather than
 * solve a network for every check, we keep one feasible assignment (at
 * the start: everybody stays) and repair it: assigning requester r to u
 * raises u by one and lowers r's current pair w by one; an excess at u is
 * pushed along a path u -> x1 -> ... -> y of reassignments of unfixed
 * requesters (one at x moves to another of its options) to a pair y with
 * room, found by breadth-first search; a deficit at w is filled by a path
 * from a pair with spare staff to w, found by a search backwards. When no
 * path exists, the set the search reached is a cut that no assignment can
 * satisfy (every pair in it is at its bound and no requester can leave
 * it), so the check fails exactly when no feasible candidate exists; the
 * changes are then undone. Moves keep the jabatan, so a search only ever
 * sees one (government, jabatan) component. The outcome of the rule is
 * unique; the repair only finds it. */
#include "plan_voluntary.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "mem.h"
#include "nip.h"
#include "plan_problem.h"
#include "plan_text.h"
#include "settings.h"

/* One requester of R. */
struct req {
    size_t staff;
    char nip[NIP_LEN + 1]; /* Sort keys: points, then date, then NIP. */
    int32_t tanggal;
    size_t own;                       /* Own pair. */
    int64_t points;                   /* Priority points. */
    long opt[MODEL_MAX_PILIHAN];      /* Pair of each choice, or -1. */
    int choice_of[MODEL_MAX_PILIHAN]; /* The choice number (1-5). */
    int n_opt;
    long at;     /* The pair currently assigned. */
    bool fixed;  /* The outcome is fixed. */
    size_t slot; /* Place in the list of its current pair. */
};

/* A list of requesters (indices into the requester array). */
struct list {
    size_t *v;
    size_t n;
    size_t cap;
};

struct undo {
    size_t req;
    long from; /* Where it was. */
};

struct vol {
    const struct plan_problem *p;
    struct plan_voluntary *out;
    struct req *reqs;
    size_t n_reqs;
    size_t cap_reqs;
    int64_t *fixed_in; /* Per pair: requesters fixed to move into it. */
    int64_t *cnt;      /* Current count per pair (the h of the candidate). */
    struct list *at;   /* Per pair: unfixed requesters assigned there. */
    struct list *opts; /* Per pair: requesters that may be assigned there
                        * (as choice or as "stay"). */
    /* Search scratch. */
    uint32_t *seen;
    uint32_t stamp;
    long *via;  /* Per pair: the requester of the step into it. */
    long *prev; /* Per pair: the pair the step came from. */
    size_t *queue;
    struct undo *log;
    size_t n_log;
    size_t cap_log;
};

static int64_t
lo_bound(const struct vol *v, size_t k)
{
    const struct plan_pair *x = &v->p->pairs[k];
    return x->h < x->n ? x->h : x->n;
}

static int64_t
hi_bound(const struct vol *v, size_t k)
{
    const struct plan_pair *x = &v->p->pairs[k];
    return x->h > x->n_perm ? x->h : x->n_perm;
}

static void
list_add(struct list *l, size_t x)
{
    xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v));
    l->v[l->n++] = x;
}

/* Put requester 'q' on pair 'to' (from wherever it is), logged. */
static void
assign(struct vol *v, size_t q, long to)
{
    struct req *r = &v->reqs[q];
    struct list *from = &v->at[r->at];
    size_t last = from->v[--from->n];
    if (last != q) {
        from->v[r->slot] = last;
        v->reqs[last].slot = r->slot;
    }
    v->cnt[r->at]--;
    xgrow((void **)&v->log, &v->cap_log, v->n_log + 1, sizeof(*v->log));
    v->log[v->n_log++] = (struct undo){q, r->at};
    r->at = to;
    r->slot = v->at[to].n;
    list_add(&v->at[to], q);
    v->cnt[to]++;
}

static void
undo_to(struct vol *v, size_t mark)
{
    while (v->n_log > mark) {
        struct undo u = v->log[v->n_log - 1];
        assign(v, u.req, u.from);
        v->n_log -= 2; /* The undo's own entry and the one it undid. */
    }
}

static void
new_search(struct vol *v)
{
    if (++v->stamp == 0) {
        memset(v->seen, 0, v->p->n_pairs * sizeof(*v->seen));
        v->stamp = 1;
    }
}

/* Move one unit out of pair 'from' to a pair with room, along a path of
 * reassignments of unfixed requesters. */
static bool
push_excess(struct vol *v, size_t from)
{
    new_search(v);
    size_t head = 0;
    size_t tail = 0;
    v->queue[tail++] = from;
    v->seen[from] = v->stamp;
    while (head < tail) {
        size_t x = v->queue[head++];
        for (size_t j = 0; j < v->at[x].n; j++) {
            size_t q = v->at[x].v[j];
            const struct req *r = &v->reqs[q];
            if (r->fixed) {
                continue; /* The requester being fixed. */
            }
            long dests[MODEL_MAX_PILIHAN + 1];
            int n_d = 0;
            dests[n_d++] = (long)r->own;
            for (int k = 0; k < r->n_opt; k++) {
                if (r->opt[k] >= 0) {
                    dests[n_d++] = r->opt[k];
                }
            }
            for (int k = 0; k < n_d; k++) {
                size_t y = (size_t)dests[k];
                if (v->seen[y] == v->stamp) {
                    continue;
                }
                v->seen[y] = v->stamp;
                v->via[y] = (long)q;
                v->prev[y] = (long)x;
                if (v->cnt[y] < hi_bound(v, y)) {
                    for (size_t z = y; z != from; z = (size_t)v->prev[z]) {
                        assign(v, (size_t)v->via[z], (long)z);
                    }
                    return true;
                }
                v->queue[tail++] = y;
            }
        }
    }
    return false;
}

/* Bring one unit into pair 'to' from a pair with spare staff, along a
 * path of reassignments found backwards. */
static bool
pull_deficit(struct vol *v, size_t to)
{
    new_search(v);
    size_t head = 0;
    size_t tail = 0;
    v->queue[tail++] = to;
    v->seen[to] = v->stamp;
    while (head < tail) {
        size_t z = v->queue[head++];
        for (size_t j = 0; j < v->opts[z].n; j++) {
            size_t q = v->opts[z].v[j];
            const struct req *r = &v->reqs[q];
            size_t x = (size_t)r->at;
            if (r->fixed || r->at == (long)z || v->seen[x] == v->stamp) {
                continue;
            }
            v->seen[x] = v->stamp;
            v->via[x] = (long)q;
            v->prev[x] = (long)z; /* The step goes x -> z. */
            if (v->cnt[x] > lo_bound(v, x)) {
                for (size_t y = x; y != to; y = (size_t)v->prev[y]) {
                    assign(v, (size_t)v->via[y], v->prev[y]);
                }
                return true;
            }
            v->queue[tail++] = x;
        }
    }
    return false;
}

/* Try to fix requester 'q' at pair 'u'. Returns 0 on success, else the
 * reason it cannot be (the changes undone). */
static int
try_fix(struct vol *v, size_t q, size_t u)
{
    struct req *r = &v->reqs[q];
    size_t mark = v->n_log;
    size_t w = (size_t)r->at;
    if (w != u) {
        r->fixed = true; /* Keeps it out of the searches. */
        assign(v, q, (long)u);
        bool ok = v->cnt[u] <= hi_bound(v, u) || push_excess(v, u);
        if (!ok) {
            undo_to(v, mark);
            r->fixed = false;
            return v->fixed_in[u] > 0 ? PLAN_R_KALAH_PRIORITAS
                                      : PLAN_R_TIDAK_ADA_KEKURANGAN;
        }
        if (v->cnt[w] < lo_bound(v, w) && !pull_deficit(v, w)) {
            undo_to(v, mark);
            r->fixed = false;
            return PLAN_R_ASAL_KURANG;
        }
    }
    /* Fixed: it leaves the lists of the unfixed. */
    struct list *l = &v->at[r->at];
    size_t last = l->v[--l->n];
    if (last != q) {
        l->v[r->slot] = last;
        v->reqs[last].slot = r->slot;
    }
    r->fixed = true;
    if (r->at != (long)r->own) {
        v->fixed_in[r->at]++;
    }
    v->n_log = 0;
    return 0;
}

/* The pair (unit 'unit', jabatan 'jab'), or -1. */
static long
find_pair(const struct vol *v, long unit, size_t jab)
{
    return unit < 0 ? -1 : plan_find_pair(v->p, (size_t)unit, jab);
}

/* The points of requester 'i' (contract section 4): their reason's and
 * those of their years in the unit. */
static int64_t
priority(const struct plan_problem *p, size_t i)
{
    const struct settings *s = p->s;
    const struct plan_staff *e = &p->staff[i];
    const struct plan_request *q = plan_request_of(p, i);
    int months = date_months_between(e->tmt_unit, p->day);
    int64_t y = months > 0 ? months / 12 : 0;
    int64_t t = s->poin_per_tahun * y;
    if (t > s->poin_tahun_maks) {
        t = s->poin_tahun_maks;
    }
    return s->poin_alasan[q != NULL ? q->alasan : 0] + t;
}

static int
by_priority(const void *x, const void *y)
{
    const struct req *a = x;
    const struct req *b = y;
    if (a->points != b->points) {
        return a->points > b->points ? -1 : 1;
    }
    if (a->tanggal != b->tanggal) {
        return a->tanggal < b->tanggal ? -1 : 1;
    }
    return strcmp(a->nip, b->nip);
}

/* The reason choice 'k' of request 'q' of staff 'i' can never be granted,
 * or 0 when it is a valid option at pair '*pair'. */
static int
option_of(const struct vol *v, size_t i, const struct plan_request *q, int k,
          long *pair)
{
    const struct plan_problem *p = v->p;
    const struct plan_staff *e = &p->staff[i];
    const struct plan_pair *own = &p->pairs[e->pair];
    long u = q->pilihan[k];
    *pair = -1;
    if (u < 0 || (size_t)u == own->unit ||
        p->units[u].root != p->units[own->unit].root) {
        return PLAN_R_ABK_TUJUAN;
    }
    long x = find_pair(v, u, own->jab);
    if (x < 0 || !p->pairs[x].analysed) {
        return PLAN_R_ABK_TUJUAN;
    }
    if (plan_jabatan_bar(p, i, own->jab) != 0) {
        return PLAN_R_KOMPETENSI; /* The own jabatan: competencies only. */
    }
    *pair = x;
    return 0;
}

/* Collect R in priority order, with their valid options. */
static void
collect(struct vol *v)
{
    const struct plan_problem *p = v->p;
    for (size_t i = 0; i < p->n_staff; i++) {
        const struct plan_staff *e = &p->staff[i];
        const struct plan_request *q = plan_request_of(p, i);
        if (q == NULL || q->n_pilihan == 0) {
            continue;
        }
        v->out->requests++;
        unsigned why = plan_ineligible(p, i, true);
        if (!p->pairs[e->pair].analysed) {
            why |= PLAN_BIT(PLAN_R_ABK_ASAL);
        }
        if (why != 0) {
            v->out->why_not[i] = why;
            continue;
        }
        xgrow((void **)&v->reqs, &v->cap_reqs, v->n_reqs + 1, sizeof(*v->reqs));
        struct req *r = &v->reqs[v->n_reqs++];
        memset(r, 0, sizeof(*r));
        r->staff = i;
        memcpy(r->nip, e->nip, sizeof(r->nip));
        r->tanggal = q->tanggal;
        r->own = e->pair;
        r->points = priority(p, i);
        for (int k = 0; k < q->n_pilihan; k++) {
            long pair = -1;
            int bad = option_of(v, i, q, k, &pair);
            if (bad != 0) {
                v->out->choice_why[i][k] = (unsigned char)bad;
                continue;
            }
            r->choice_of[r->n_opt] = k + 1;
            r->opt[r->n_opt++] = pair;
        }
    }
    if (v->n_reqs > 0) {
        qsort(v->reqs, v->n_reqs, sizeof(*v->reqs), by_priority);
    }
}

static void
setup(struct vol *v, const struct plan_problem *p, struct plan_voluntary *out)
{
    memset(v, 0, sizeof(*v));
    v->p = p;
    v->out = out;
    size_t n = p->n_pairs + 1;
    v->cnt = xcalloc(n, sizeof(*v->cnt));
    memcpy(v->cnt, out->h, p->n_pairs * sizeof(*v->cnt));
    v->fixed_in = xcalloc(n, sizeof(*v->fixed_in));
    v->at = xcalloc(n, sizeof(*v->at));
    v->opts = xcalloc(n, sizeof(*v->opts));
    v->seen = xcalloc(n, sizeof(*v->seen));
    v->via = xcalloc(n, sizeof(*v->via));
    v->prev = xcalloc(n, sizeof(*v->prev));
    v->queue = xcalloc(n, sizeof(*v->queue));
}

static void
teardown(struct vol *v)
{
    for (size_t k = 0; k < v->p->n_pairs + 1; k++) {
        free(v->at[k].v);
        free(v->opts[k].v);
    }
    void *arrays[] = {v->cnt, v->fixed_in, v->at,    v->opts, v->seen,
                      v->via, v->prev,     v->queue, v->reqs, v->log};
    for (size_t i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++) {
        free(arrays[i]);
    }
}

/* The no-swap baseline: grants in order where the own pair has surplus
 * left and the choice a permanent vacancy left. */
static long
baseline(const struct vol *v)
{
    const struct plan_problem *p = v->p;
    int64_t *spare = xcalloc(p->n_pairs + 1, sizeof(int64_t));
    int64_t *room = xcalloc(p->n_pairs + 1, sizeof(int64_t));
    for (size_t k = 0; k < p->n_pairs; k++) {
        const struct plan_pair *x = &p->pairs[k];
        spare[k] = x->h > x->n ? x->h - x->n : 0;
        room[k] = x->n_perm > x->h ? x->n_perm - x->h : 0;
    }
    long granted = 0;
    for (size_t q = 0; q < v->n_reqs; q++) {
        const struct req *r = &v->reqs[q];
        for (int k = 0; k < r->n_opt && spare[r->own] > 0; k++) {
            if (room[r->opt[k]] > 0) {
                spare[r->own]--;
                room[r->opt[k]]--;
                granted++;
                break;
            }
        }
    }
    free(spare);
    free(room);
    return granted;
}

/* Decide requester 'q': the first choice that can be fixed, else stay.
 * The reasons of the refused choices go to 'why' unless it is NULL. */
static void
decide(struct vol *v, size_t q, unsigned char *why)
{
    struct req *r = &v->reqs[q];
    for (int k = 0; k < r->n_opt; k++) {
        int bad = try_fix(v, q, (size_t)r->opt[k]);
        if (bad == 0) {
            return;
        }
        if (why != NULL) {
            why[r->choice_of[k] - 1] = (unsigned char)bad;
        }
    }
    /* Staying is feasible: the kept assignment agrees with every fixed
     * outcome, and it cannot have r at a choice (that would have been
     * fixed above). */
    if (try_fix(v, q, r->own) != 0) {
        abort(); /* The invariant broke: a programmer error. */
    }
}

static void
emit_moves(struct vol *v)
{
    const struct plan_problem *p = v->p;
    size_t cap = 0;
    for (size_t q = 0; q < v->n_reqs; q++) {
        const struct req *r = &v->reqs[q];
        unsigned char *why = v->out->choice_why[r->staff];
        if (r->at == (long)r->own) {
            unsigned set = 0;
            for (int k = 0; k < MODEL_MAX_PILIHAN; k++) {
                set |= why[k] != PLAN_CHOICE_NONE ? PLAN_BIT(why[k]) : 0;
            }
            v->out->why_not[r->staff] = set;
            continue;
        }
        int choice = 0;
        for (int k = 0; k < r->n_opt; k++) {
            choice = r->opt[k] == r->at ? r->choice_of[k] : choice;
        }
        xgrow((void **)&v->out->moves, &cap, v->out->n_moves + 1,
              sizeof(*v->out->moves));
        struct plan_move *m = &v->out->moves[v->out->n_moves++];
        memset(m, 0, sizeof(*m));
        m->staff = r->staff;
        m->from_pair = r->own;
        m->to_pair = (size_t)r->at;
        m->aps = true;
        m->pilihan_ke = choice;
        m->km = plan_km(p, r->staff, p->pairs[r->at].unit);
        m->km_from = plan_km_from(p, r->staff, p->pairs[r->at].unit);
        m->km_centi = (int64_t)floor(m->km * 100.0 + 0.5);
        m->sementara_sampai = DATE_NONE;
        m->reasons = PLAN_BIT(PLAN_R_DIMINTA);
        m->deciding = PLAN_R_DIMINTA;
        m->h_from = p->pairs[r->own].h;
        m->h_to = p->pairs[r->at].h;
        m->with_in = -1;
        m->with_out = -1;
    }
}

/* ---- kalah_prioritas, counterfactually (see plan_voluntary.h) -------- */

/* A requester's component: its government and jabatan. Moves keep the
 * jabatan within one government, so requesters of other components
 * never change what is feasible for it. */
struct comp_key {
    size_t root;
    size_t jab;
    size_t q; /* Priority place. */
};

static int
by_component(const void *x, const void *y)
{
    const struct comp_key *a = x;
    const struct comp_key *b = y;
    if (a->root != b->root) {
        return a->root < b->root ? -1 : 1;
    }
    if (a->jab != b->jab) {
        return a->jab < b->jab ? -1 : 1;
    }
    return a->q < b->q ? -1 : a->q > b->q;
}

/* The scratch of the counterfactual runs. */
struct cf {
    struct vol v;          /* Pairs sized like the real run's. */
    struct comp_key *keys; /* The requesters by component, then priority. */
    size_t *lo;            /* Per requester: its component in 'keys', */
    size_t *hi;            /* [lo, hi). */
};

static void
cf_init(struct cf *c, const struct vol *v)
{
    const struct plan_problem *p = v->p;
    setup(&c->v, p, v->out);
    size_t n = v->n_reqs;
    c->keys = xcalloc(n + 1, sizeof(*c->keys));
    c->lo = xcalloc(n + 1, sizeof(size_t));
    c->hi = xcalloc(n + 1, sizeof(size_t));
    c->v.reqs = xcalloc(n + 1, sizeof(*c->v.reqs));
    for (size_t q = 0; q < n; q++) {
        const struct plan_pair *own = &p->pairs[v->reqs[q].own];
        c->keys[q] = (struct comp_key){p->units[own->unit].root, own->jab, q};
    }
    qsort(c->keys, n, sizeof(*c->keys), by_component);
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && c->keys[b].root == c->keys[a].root &&
               c->keys[b].jab == c->keys[a].jab) {
            b++;
        }
        for (size_t k = a; k < b; k++) {
            c->lo[c->keys[k].q] = a;
            c->hi[c->keys[k].q] = b;
        }
        a = b;
    }
}

static void
cf_cleanup(struct cf *c)
{
    teardown(&c->v);
    free(c->keys);
    free(c->lo);
    free(c->hi);
}

/* Forget the last counterfactual run: every pair the component of 'q'
 * touched back to its start. */
static void
cf_reset(struct cf *c, const struct vol *v, size_t q)
{
    for (size_t k = c->lo[q]; k < c->hi[q]; k++) {
        const struct req *r = &v->reqs[c->keys[k].q];
        for (int j = -1; j < r->n_opt; j++) {
            size_t x = j < 0 ? r->own : (size_t)r->opt[j];
            c->v.cnt[x] = v->out->h[x];
            c->v.at[x].n = 0;
            c->v.opts[x].n = 0;
            c->v.fixed_in[x] = 0;
        }
    }
    c->v.n_reqs = 0;
    c->v.n_log = 0;
}

/* True when a requester before 'q' was granted pair 'u': a rival. */
static bool
has_rival(const struct cf *c, const struct vol *v, size_t q, size_t u)
{
    for (size_t k = c->lo[q]; k < c->hi[q]; k++) {
        size_t x = c->keys[k].q;
        if (x < q && v->reqs[x].at == (long)u) {
            return true;
        }
    }
    return false;
}

/* The contract's rule run again on R without the rivals of requester 'q'
 * for pair 'u' (those before 'q' granted into 'u'), up to 'q''s turn;
 * then: 0 when 'q' could be fixed at 'u', else the reason it cannot. */
static int
cf_try(struct cf *c, const struct vol *v, size_t q, size_t u)
{
    struct vol *w = &c->v;
    size_t me = 0;
    for (size_t k = c->lo[q]; k < c->hi[q]; k++) {
        size_t x = c->keys[k].q;
        const struct req *r = &v->reqs[x];
        if (x < q && r->at == (long)u) {
            continue; /* A rival: as if it had not asked. */
        }
        me = x == q ? w->n_reqs : me;
        struct req *t = &w->reqs[w->n_reqs];
        *t = *r;
        t->at = (long)t->own;
        t->fixed = false;
        t->slot = w->at[t->own].n;
        list_add(&w->at[t->own], w->n_reqs);
        list_add(&w->opts[t->own], w->n_reqs);
        for (int j = 0; j < t->n_opt; j++) {
            list_add(&w->opts[t->opt[j]], w->n_reqs);
        }
        w->n_reqs++;
    }
    for (size_t x = 0; x < me; x++) {
        decide(w, x, NULL);
    }
    int why = try_fix(w, me, u);
    cf_reset(c, v, q);
    return why;
}

/* Every refused choice with rivals (earlier requesters granted into it)
 * is kalah_prioritas exactly when the rule without the rivals would have
 * let the requester take it at their turn; otherwise its own reason. The
 * counterfactual's own "taken by others" (other requesters who now get
 * there first) is no shortage left: tidak_ada_kekurangan. */
static void
recheck_priority(struct vol *v)
{
    struct cf c;
    bool ready = false;
    for (size_t q = 0; q < v->n_reqs; q++) {
        const struct req *r = &v->reqs[q];
        unsigned char *why = v->out->choice_why[r->staff];
        for (int k = 0; k < r->n_opt && r->opt[k] != r->at; k++) {
            unsigned char *w = &why[r->choice_of[k] - 1];
            size_t u = (size_t)r->opt[k];
            if ((*w != PLAN_R_KALAH_PRIORITAS && *w != PLAN_R_ASAL_KURANG) ||
                v->fixed_in[u] == 0) {
                continue;
            }
            if (!ready) {
                cf_init(&c, v);
                ready = true;
            }
            if (!has_rival(&c, v, q, u)) {
                continue;
            }
            int got = cf_try(&c, v, q, u);
            *w = got == 0                        ? PLAN_R_KALAH_PRIORITAS
                 : got == PLAN_R_KALAH_PRIORITAS ? PLAN_R_TIDAK_ADA_KEKURANGAN
                                                 : (unsigned char)got;
        }
    }
    if (ready) {
        cf_cleanup(&c);
    }
}

/* Who moves with whom: the requester who takes each mover's place, and
 * the one who left its destination. */
static void
link_moves(struct vol *v)
{
    size_t n = v->p->n_pairs + 1;
    long *into = xcalloc(n, sizeof(long));
    long *out_of = xcalloc(n, sizeof(long));
    for (size_t k = 0; k < n; k++) {
        into[k] = -1;
        out_of[k] = -1;
    }
    struct plan_move *m = v->out->moves;
    for (size_t k = 0; k < v->out->n_moves; k++) {
        if (into[m[k].to_pair] < 0) {
            into[m[k].to_pair] = (long)m[k].staff;
        }
        if (out_of[m[k].from_pair] < 0) {
            out_of[m[k].from_pair] = (long)m[k].staff;
        }
    }
    for (size_t k = 0; k < v->out->n_moves; k++) {
        m[k].with_in = into[m[k].from_pair];
        m[k].with_out = out_of[m[k].to_pair];
    }
    free(into);
    free(out_of);
}

enum err
plan_voluntary_run(const struct plan_problem *p, struct plan_voluntary *out)
{
    struct vol v;
    setup(&v, p, out);
    collect(&v);
    for (size_t q = 0; q < v.n_reqs; q++) {
        struct req *r = &v.reqs[q];
        r->at = (long)r->own;
        r->slot = v.at[r->own].n;
        list_add(&v.at[r->own], q);
        list_add(&v.opts[r->own], q);
        for (int k = 0; k < r->n_opt; k++) {
            list_add(&v.opts[r->opt[k]], q);
        }
        out->rank[r->staff] = (long)q;
    }
    for (size_t q = 0; q < v.n_reqs; q++) {
        decide(&v, q, out->choice_why[v.reqs[q].staff]);
    }
    recheck_priority(&v);
    emit_moves(&v);
    link_moves(&v);
    out->baseline = baseline(&v);
    memcpy(out->h, v.cnt, p->n_pairs * sizeof(*out->h));
    teardown(&v);
    return ERR_OK;
}

/* The words of a request's reason. */
static const char *const alasan_words[] = {"ikut pasangan", "kesehatan",
                                           "dekat domisili",
                                           "pengembangan karier", "lainnya"};

/* "alasan kesehatan, 95 poin" of requester 'i'. */
static enum err
add_points(struct buf *b, const struct plan_problem *p, size_t i)
{
    const struct plan_request *q = plan_request_of(p, i);
    return buf_addf(b, "alasan %s, %lld poin",
                    alasan_words[(unsigned)(q != NULL ? q->alasan : 0) % 5],
                    (long long)priority(p, i));
}

/* "2 pemohon lain dengan prioritas lebih tinggi (alasan ..., N poin; ...)":
 * the earlier requesters granted into pair 'pair' before requester rank
 * 'rank', by their reason and points, never by name; at most three. */
static enum err
add_earlier(struct buf *b, const struct plan_problem *p,
            const struct plan_result *r, size_t pair, long rank)
{
    int count = 0;
    for (long k = r->aps_into[pair]; k >= 0; k = r->aps_next[k]) {
        count += r->rank[r->moves[k].staff] < rank;
    }
    enum err rc =
        buf_addf(b, "%d pemohon lain dengan prioritas lebih tinggi", count);
    int named = 0;
    for (long k = r->aps_into[pair]; k >= 0 && rc == ERR_OK && named < 3;
         k = r->aps_next[k]) {
        const struct plan_move *m = &r->moves[k];
        if (r->rank[m->staff] >= rank) {
            continue;
        }
        rc = buf_adds(b, named ? "; " : " (");
        rc = rc == ERR_OK ? add_points(b, p, m->staff) : rc;
        named++;
    }
    if (rc == ERR_OK && count > named) {
        rc = buf_adds(b, "; dan lainnya");
    }
    return rc == ERR_OK && named > 0 ? buf_adds(b, ")") : rc;
}

/* True when a requester before rank 'rank' was granted pair 'pair'. */
static bool
has_earlier(const struct plan_result *r, long pair, long rank)
{
    for (long k = pair >= 0 ? r->aps_into[pair] : -1; k >= 0;
         k = r->aps_next[k]) {
        if (r->rank[r->moves[k].staff] < rank) {
            return true;
        }
    }
    return false;
}

/* The clause of why choice 'k' (0-based) of request 'q' of staff 'i' was
 * not granted. */
static enum err
add_choice(struct buf *b, const struct plan_problem *p,
           const struct plan_result *r, size_t i, const struct plan_request *q,
           int k)
{
    const struct plan_staff *e = &p->staff[i];
    int32_t to = q->pilihan[k];
    const struct plan_unit *u = to >= 0 ? &p->units[to] : NULL;
    const char *name = u ? (u->nama ? u->nama : u->kode) : "?";
    long pair = u ? plan_find_pair(p, (size_t)to, p->pairs[e->pair].jab) : -1;
    const struct plan_pair *x = pair >= 0 ? &p->pairs[pair] : NULL;
    enum err rc = buf_addf(b, "pilihan ke-%d (%s) ", k + 1, name);
    if (rc != ERR_OK) {
        return rc;
    }
    switch (r->choice_why[i][k]) {
    case PLAN_R_KALAH_PRIORITAS:
        rc = buf_adds(b, "sudah diisi ");
        rc = rc == ERR_OK ? add_earlier(b, p, r, (size_t)pair, r->rank[i]) : rc;
        rc = rc == ERR_OK ? buf_adds(b, ", sedangkan permohonannya sendiri (")
                          : rc;
        rc = rc == ERR_OK ? add_points(b, p, i) : rc;
        return rc == ERR_OK ? buf_adds(b, ") lebih rendah") : rc;
    case PLAN_R_TIDAK_ADA_KEKURANGAN:
        if (x != NULL && x->n > x->h && x->n_perm <= x->h) {
            return buf_adds(b, "hanya kekurangan sementara karena lonjakan "
                               "beban kerja, yang tidak diisi dengan mutasi "
                               "permanen");
        }
        if (x != NULL && x->n_perm > x->h && has_earlier(r, pair, r->rank[i])) {
            rc = buf_adds(b, "sudah diisi ");
            rc = rc == ERR_OK ? add_earlier(b, p, r, (size_t)pair, r->rank[i])
                              : rc;
            return rc == ERR_OK ? buf_adds(b, ", dan tanpa permohonan mereka "
                                              "pun tempat itu tidak tersisa "
                                              "untuknya")
                                : rc;
        }
        if (x != NULL && x->n_perm > x->h) {
            return buf_adds(b, "tidak menyisakan tempat yang dapat diisinya "
                               "tanpa membuat unit lain kekurangan atau "
                               "berlebih");
        }
        rc = buf_addf(b, "tidak kekurangan %s (", plan_text_jab(p, e->pair));
        rc = rc == ERR_OK && x != NULL ? plan_text_abk(b, p, (size_t)pair, x->h)
                                       : rc;
        return rc == ERR_OK ? buf_adds(b, ")") : rc;
    case PLAN_R_ASAL_KURANG:
        rc = buf_addf(b,
                      p->pairs[e->pair].h < p->pairs[e->pair].n
                          ? "tidak dapat karena kepindahannya akan "
                            "memperdalam kekurangan %s di %s ("
                          : "tidak dapat karena kepindahannya akan membuat "
                            "%s di %s kurang dari kebutuhan (",
                      plan_text_jab(p, e->pair), plan_text_unit(p, e->pair));
        rc = rc == ERR_OK ? plan_text_abk(b, p, e->pair, p->pairs[e->pair].h)
                          : rc;
        return rc == ERR_OK ? buf_adds(b, ")") : rc;
    case PLAN_R_KOMPETENSI:
        return buf_adds(b, "mensyaratkan kompetensi yang tidak dimiliki");
    case PLAN_R_ABK_TUJUAN:
        return buf_adds(b, "tidak memiliki jabatan ini dengan analisis "
                           "beban kerja di pemerintah daerah yang sama");
    default:
        return buf_adds(b, "tidak dapat dikabulkan");
    }
}

/* The clauses of the choices before 'upto' that were not granted. */
static enum err
add_choices(struct buf *b, const struct plan_problem *p,
            const struct plan_result *r, size_t i, int upto)
{
    enum err rc = ERR_OK;
    const struct plan_request *q = plan_request_of(p, i);
    /* Only a requester's choices have reasons. */
    for (int k = 0; q != NULL && k < upto && rc == ERR_OK; k++) {
        if (r->choice_why[i][k] == PLAN_CHOICE_NONE) {
            continue;
        }
        rc = buf_adds(b, "; ");
        rc = rc == ERR_OK ? add_choice(b, p, r, i, q, k) : rc;
    }
    return rc;
}

/* Who else moves with 'm': partners are "pemohon lain", never named. */
static enum err
add_partners(struct buf *b, const struct plan_move *m)
{
    if (m->with_in >= 0 && m->with_in == m->with_out) {
        return buf_adds(b, "; bertukar tempat dengan pemohon lain");
    }
    enum err rc = ERR_OK;
    if (m->with_in >= 0) {
        rc = buf_adds(b, "; tempatnya diisi pemohon lain");
    }
    if (rc == ERR_OK && m->with_out >= 0) {
        rc = buf_adds(b, "; tempat tujuannya dikosongkan pemohon lain");
    }
    return rc;
}

enum err
plan_voluntary_text(const struct plan_problem *p, const struct plan_result *r,
                    const struct plan_move *m, struct buf *out)
{
    size_t a = m->from_pair;
    size_t b = m->to_pair;
    enum err rc = buf_addf(out,
                           "Dipindahkan atas permintaan sendiri dari %s ke %s "
                           "sebagai %s, pilihan ke-%d dalam permohonannya (",
                           plan_text_unit(p, a), plan_text_unit(p, b),
                           plan_text_jab(p, b), m->pilihan_ke);
    rc = rc == ERR_OK ? add_points(out, p, m->staff) : rc;
    rc = rc == ERR_OK ? buf_adds(out, "); ") : rc;
    rc = rc == ERR_OK ? plan_text_tenure(out, p, m->staff) : rc;
    rc = rc == ERR_OK ? buf_adds(out, "; ") : rc;
    rc = rc == ERR_OK ? plan_text_skp(out, p, m->staff) : rc;
    rc = rc == ERR_OK ? buf_adds(out, ", memenuhi syarat kinerja pindah atas "
                                      "permintaan sendiri")
                      : rc;
    rc =
        rc == ERR_OK ? add_choices(out, p, r, m->staff, m->pilihan_ke - 1) : rc;
    rc = rc == ERR_OK ? add_partners(out, m) : rc;
    rc = rc == ERR_OK ? buf_addf(out, "; menurut analisis beban kerja %s (",
                                 plan_text_unit(p, b))
                      : rc;
    rc = rc == ERR_OK ? plan_text_abk(out, p, b, p->pairs[b].h) : rc;
    rc = rc == ERR_OK ? buf_adds(out, ") dengan rencana ini ") : rc;
    rc = rc == ERR_OK ? plan_text_gap(out, p, b, p->pairs[b].h, r->h_after[b])
                      : rc;
    rc = rc == ERR_OK ? buf_addf(out, ", dan %s (", plan_text_unit(p, a)) : rc;
    rc = rc == ERR_OK ? plan_text_abk(out, p, a, p->pairs[a].h) : rc;
    rc = rc == ERR_OK ? buf_adds(out, ") ") : rc;
    rc = rc == ERR_OK ? plan_text_gap(out, p, a, p->pairs[a].h, r->h_after[a])
                      : rc;
    rc = rc == ERR_OK ? buf_adds(out, "; tidak ada unit yang menjadi "
                                      "kekurangan atau berlebih karenanya")
                      : rc;
    return rc == ERR_OK ? buf_adds(out, ".") : rc;
}

enum err
plan_voluntary_reason(struct buf *out, const struct plan_problem *p,
                      const struct plan_result *r, size_t i)
{
    enum err rc = buf_adds(out, "permohonan pindahnya tidak dapat dikabulkan");
    if (rc == ERR_OK) {
        struct buf tail;
        buf_init(&tail, 0);
        rc = add_choices(&tail, p, r, i, MODEL_MAX_PILIHAN);
        /* add_choices() starts with "; ": here the list follows ": ". */
        if (rc == ERR_OK && tail.len > 2) {
            rc = buf_addf(out, ": %s", buf_str(&tail) + 2);
        }
        buf_cleanup(&tail);
    }
    return rc;
}
