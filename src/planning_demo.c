/* SPDX-License-Identifier: MIT */
/* planning_demo: the demo's employee (service layer, part of the
 * planning module): someone whose request at own wish a plan would grant
 * today, found by running the planner's own rules on the data, never
 * named by hand. */
#include "planning.h"

#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "map.h"
#include "mem.h"
#include "planning_int.h"
#include "store.h"
#include "tree.h"

/* How many candidates are tried with a whole voluntary plan each. */
#define MAX_TRIES 40

static enum err
note_open(void *ctx, const struct permohonan *r)
{
    map_put(ctx, r->nip, ctx);
    return ERR_OK;
}

/* The first pair of another unit of the same government and the same
 * class as pair 'from' that lacks staff (n > h) and whose position's
 * competencies staff 'i' holds, after pair index 'after'; -1 when none. */
static long
next_shortage(const struct plan_problem *p, size_t i, size_t from, long after)
{
    const struct plan_pair *a = &p->pairs[from];
    size_t root = p->units[a->unit].root;
    for (size_t b = (size_t)(after + 1); b < p->n_pairs; b++) {
        const struct plan_pair *q = &p->pairs[b];
        if (q->analysed && q->n > q->h && q->unit != a->unit &&
            p->units[q->unit].root == root &&
            p->jabs[q->jab].klass == p->jabs[a->jab].klass &&
            plan_has_kompetensi(p, i, q->jab)) {
            return (long)b;
        }
    }
    return -1;
}

/* Whether a voluntary plan of 'pl' grants staff 'i' a request for the
 * unit of pair 'to' (the request is added for the run, then taken
 * away: it goes after the problem's requests and replaces any request
 * of 'i' for the run only). */
static enum err
granted(struct planning *pl, size_t i, size_t to, bool *out)
{
    struct plan_staff *s = &pl->staff[i];
    struct plan_staff keep = *s;
    size_t n = pl->prob.n_requests;
    xgrow((void **)&pl->requests, &pl->cap_requests, n + 1,
          sizeof(*pl->requests));
    struct plan_request *q = &pl->requests[n];
    memset(q, 0, sizeof(*q));
    q->n_pilihan = 1;
    q->pilihan[0] = (int32_t)pl->prob.pairs[to].unit;
    q->alasan = ALASAN_LAINNYA;
    q->tanggal = pl->prob.day;
    pl->prob.requests = pl->requests;
    pl->prob.n_requests = n + 1;
    s->req = (uint32_t)(n + 1);
    struct plan_opts o = {PLAN_VOLUNTARY, -1, -1.0, 1, NULL};
    struct plan_result r;
    memset(&r, 0, sizeof(r));
    enum err rc = plan_run(&pl->prob, &o, &r);
    *out = rc == ERR_OK && r.move_of[i] >= 0 && r.moves[r.move_of[i]].aps;
    plan_result_cleanup(&r);
    *s = keep;
    pl->prob.n_requests = n;
    return rc;
}

enum err
planning_demo_applicant(struct store *st, int32_t day,
                        struct planning_applicant *out)
{
    struct planning *pl = NULL;
    struct planning_args args = {day, NULL, 0, NULL, 0};
    struct map open;
    map_init(&open);
    memset(out, 0, sizeof(*out));
    enum err rc = store_permohonan_each(st, note_open, &open);
    rc = rc == ERR_OK ? planning_load(st, &args, &pl) : rc;
    bool found = false;
    int tries = 0;
    const struct plan_problem *p = rc == ERR_OK ? &pl->prob : NULL;
    for (size_t i = 0; p != NULL && i < p->n_staff && !found &&
                       tries < MAX_TRIES && rc == ERR_OK;
         i++) {
        const struct plan_staff *s = &p->staff[i];
        const struct plan_pair *a = &p->pairs[s->pair];
        /* Leaving must not deepen a shortage: the origin has more staff
         * than it needs. */
        if (map_find(&open, s->nip, NULL) || !a->analysed || a->h <= a->n ||
            plan_ineligible(p, i, true) != 0 || !plan_skp_ok(p, i)) {
            continue;
        }
        long to = next_shortage(p, i, s->pair, -1);
        if (to < 0) {
            continue;
        }
        tries++;
        rc = granted(pl, i, (size_t)to, &found);
        if (found) {
            const struct tree *t = analysis_tree(pl->a);
            const struct plan_unit *from = &p->units[a->unit];
            const struct plan_unit *dest = &p->units[p->pairs[to].unit];
            long u = tree_find(t, from->kode);
            const char *opd = u >= 0
                                  ? tree_unit(t, tree_opd(t, (size_t)u))->kode
                                  : from->kode;
            snprintf(out->nip, sizeof(out->nip), "%s", s->nip);
            snprintf(out->unit_asal, sizeof(out->unit_asal), "%s", from->kode);
            snprintf(out->nama_unit_asal, sizeof(out->nama_unit_asal), "%s",
                     from->nama ? from->nama : "");
            snprintf(out->opd_asal, sizeof(out->opd_asal), "%s", opd);
            snprintf(out->unit_tujuan, sizeof(out->unit_tujuan), "%s",
                     dest->kode);
            snprintf(out->nama_unit_tujuan, sizeof(out->nama_unit_tujuan), "%s",
                     dest->nama ? dest->nama : "");
        }
    }
    planning_destroy(pl);
    map_cleanup(&open);
    if (rc == ERR_OK && !found) {
        rc = ERR_NOTFOUND;
    }
    return rc;
}
