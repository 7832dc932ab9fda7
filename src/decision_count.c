/* SPDX-License-Identifier: MIT */
/* decision_count: the staff per (unit, jabatan) of a plan's own problem,
 * for the decision service: which moves fall with a removal, and whether
 * the moves that remain hold on the day's data (contract section 5: no
 * unit worse off, eligibility, competencies). Private to decision*.c. */
#include "decision_int.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "mem.h"
#include "model.h"
#include "plan.h"
#include "planning.h"
#include "settings.h"
#include "store.h"

/* Staff counts per analysed pair of the plan's problem, for the rule of
 * contract section 5. */
struct counts {
    struct planning *pl;
    const struct plan_problem *p;
    int64_t *h_after;  /* Per pair, after the active moves. */
    signed char *base; /* Per pair, bound_of() before a removal: a pair
                        * out of bounds already is not the removal's
                        * doing. NULL: all within. */
};

static long
unit_index(const struct plan_problem *p, const char *kode)
{
    for (size_t i = 0; i < p->n_units; i++) {
        if (strcmp(p->units[i].kode, kode) == 0) {
            return (long)i;
        }
    }
    return -1;
}

static long
jab_index(const struct plan_problem *p, const char *kode)
{
    for (size_t i = 0; i < p->n_jabs; i++) {
        if (strcmp(p->jabs[i].kode, kode) == 0) {
            return (long)i;
        }
    }
    return -1;
}

static long
pair_of(const struct plan_problem *p, const char *unit, const char *jab)
{
    long u = unit_index(p, unit);
    long j = jab_index(p, jab);
    return u < 0 || j < 0 ? -1 : plan_find_pair(p, (size_t)u, (size_t)j);
}

static enum err
counts_load(struct store *st, const struct saved_plan *sp, struct counts *c)
{
    struct plan_opts o;
    memset(c, 0, sizeof(*c));
    enum err rc = planning_load_saved(st, sp->doc, 1, &c->pl, &o);
    if (rc != ERR_OK) {
        return rc;
    }
    c->p = planning_problem(c->pl);
    c->h_after = xcalloc(c->p->n_pairs + 1, sizeof(*c->h_after));
    return ERR_OK;
}

static void
counts_cleanup(struct counts *c)
{
    free(c->base);
    free(c->h_after);
    planning_destroy(c->pl);
}

/* Count 'active' (per move of 'sp') into c->h_after. */
static void
count_moves(struct counts *c, const struct saved_plan *sp, const bool *active)
{
    for (size_t k = 0; k < c->p->n_pairs; k++) {
        c->h_after[k] = c->p->pairs[k].h;
    }
    for (size_t i = 0; i < sp->n_moves; i++) {
        long from =
            pair_of(c->p, sp->moves[i].unit_asal, sp->moves[i].jabatan_asal);
        long to = pair_of(c->p, sp->moves[i].unit_tujuan,
                          sp->moves[i].jabatan_tujuan);
        if (active[i] && from >= 0) {
            c->h_after[from]--;
        }
        if (active[i] && to >= 0) {
            c->h_after[to]++;
        }
    }
}

/* -1 when pair 'k' ends short of min(h, n), +1 above max(h, n), else 0. */
static int
bound_of(const struct counts *c, long k)
{
    const struct plan_pair *q = &c->p->pairs[k];
    if (!q->analysed) {
        return 0;
    }
    int64_t lo = q->h < q->n ? q->h : q->n;
    int64_t hi = q->h > q->n ? q->h : q->n;
    return c->h_after[k] < lo ? -1 : c->h_after[k] > hi ? 1 : 0;
}

/* bound_of() of pair 'k', unless it was so before the removal. */
static int
worse(const struct counts *c, long k)
{
    int b = bound_of(c, k);
    return c->base != NULL && c->base[k] == b ? 0 : b;
}

/* Take out of 'active' every move that depends on one already out: while
 * a pair falls short, the last active move out of it goes (it leaned on
 * an arrival that no longer comes); while a pair runs over, the last
 * active move into it goes (it leaned on a departure). Those taken out
 * are flagged in 'dropped'. */
static void
settle(struct counts *c, const struct saved_plan *sp, bool *active,
       bool *dropped)
{
    bool again = true;
    while (again) {
        again = false;
        count_moves(c, sp, active);
        for (size_t i = sp->n_moves; i-- > 0 && !again;) {
            const struct saved_move *m = &sp->moves[i];
            long from = pair_of(c->p, m->unit_asal, m->jabatan_asal);
            long to = pair_of(c->p, m->unit_tujuan, m->jabatan_tujuan);
            if (active[i] && ((from >= 0 && worse(c, from) < 0) ||
                              (to >= 0 && worse(c, to) > 0))) {
                active[i] = false;
                dropped[i] = true;
                again = true;
            }
        }
    }
}

/* The moves of 'keep' that fall with those flagged 'gone', into
 * 'dropped': the pairs are counted on the plan's own problem; with
 * 'from_keep', a pair out of bounds with all of 'keep' already is not the
 * removal's doing. */
enum err
decision_falls_with(struct store *st, const struct saved_plan *sp,
                    const bool *keep, const bool *gone, bool from_keep,
                    bool *dropped)
{
    struct counts c;
    enum err rc = counts_load(st, sp, &c);
    if (rc != ERR_OK) {
        return rc;
    }
    if (from_keep) {
        count_moves(&c, sp, keep);
        c.base = xcalloc(c.p->n_pairs + 1, sizeof(*c.base));
        for (size_t k = 0; k < c.p->n_pairs; k++) {
            c.base[k] = (signed char)bound_of(&c, (long)k);
        }
    }
    bool *active = xcalloc(sp->n_moves + 1, sizeof(bool));
    for (size_t i = 0; i < sp->n_moves; i++) {
        active[i] = keep[i] && (gone == NULL || !gone[i]);
    }
    settle(&c, sp, active, dropped);
    free(active);
    counts_cleanup(&c);
    return ERR_OK;
}

/* Why move 'm' no longer holds on today's data, or NULL. */
static const char *
move_fault(const struct counts *c, const struct saved_move *m)
{
    long i = planning_find_staff(c->pl, m->nip);
    if (i < 0) {
        return "tidak lagi menjabat pada tanggal rencana";
    }
    const struct plan_staff *x = &c->p->staff[i];
    const struct plan_pair *q = &c->p->pairs[x->pair];
    if (strcmp(c->p->units[q->unit].kode, m->unit_asal) != 0 ||
        strcmp(c->p->jabs[q->jab].kode, m->jabatan_asal) != 0) {
        return "tidak lagi di unit dan jabatan asal (mungkin sudah "
               "dipindah keputusan lain)";
    }
    if (plan_ineligible(c->p, (size_t)i, m->aps) != 0) {
        return "tidak lagi memenuhi syarat pindah";
    }
    long j = jab_index(c->p, m->jabatan_tujuan);
    unsigned bar = j < 0 ? PLAN_BIT(PLAN_R_KOMPETENSI)
                         : plan_jabatan_bar(c->p, (size_t)i, (size_t)j);
    if (bar & PLAN_BIT(PLAN_R_STATUS)) {
        return "berstatus PPPK, yang hanya dipindah dalam jabatan yang sama";
    }
    if (bar & PLAN_BIT(PLAN_R_KOMPETENSI)) {
        return "tidak memiliki kompetensi jabatan tujuan";
    }
    if (bar & PLAN_BIT(PLAN_R_SYARAT_JABATAN)) {
        return "tidak memenuhi syarat jabatan tujuan (pendidikan atau "
               "golongan)";
    }
    if (pair_of(c->p, m->unit_tujuan, m->jabatan_tujuan) < 0) {
        return "unit tujuan tidak memiliki ABK untuk jabatan ini";
    }
    return NULL;
}

/* Check the moves flagged 'active' on today's data: each still eligible
 * where it stands, and no unit worse off. The moves at fault go to
 * out->nips with the first reason in out->why; ERR_CONFLICT then. */
enum err
decision_check_rules(struct store *st, const struct saved_plan *sp,
                     const bool *active, struct decision_outcome *out)
{
    struct counts c;
    enum err rc = counts_load(st, sp, &c);
    if (rc != ERR_OK) {
        return rc;
    }
    count_moves(&c, sp, active);
    for (size_t i = 0; i < sp->n_moves; i++) {
        const struct saved_move *m = &sp->moves[i];
        if (!active[i]) {
            continue;
        }
        const char *why = move_fault(&c, m);
        long from = pair_of(c.p, m->unit_asal, m->jabatan_asal);
        long to = pair_of(c.p, m->unit_tujuan, m->jabatan_tujuan);
        if (why == NULL && ((from >= 0 && bound_of(&c, from) != 0) ||
                            (to >= 0 && bound_of(&c, to) != 0))) {
            why = "membuat unit asal atau tujuan lebih buruk menurut ABK hari "
                  "ini";
        }
        if (why != NULL) {
            if (out->n_nips == 0) {
                snprintf(out->why, sizeof(out->why),
                         "Perpindahan NIP %s %s; putuskan ulang atau buat "
                         "rencana baru.",
                         m->nip, why);
            }
            decision_outcome_add(out, m->nip);
        }
    }
    counts_cleanup(&c);
    return out->n_nips > 0 ? ERR_CONFLICT : ERR_OK;
}
