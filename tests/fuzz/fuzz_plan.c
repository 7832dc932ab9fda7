/* SPDX-License-Identifier: MIT */
/* fuzz_plan: libFuzzer target for the planner. The input bytes describe a
 * small problem (governments, units with or without coordinates, classes
 * of positions, pairs, staff with attributes and requests); every mode is
 * run and the contract's invariants are checked: no pair leaves its
 * bounds, only eligible staff move, each at most once, within one
 * government and class, and the counts after the plan add up. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abk.h"
#include "date.h"
#include "plan.h"
#include "settings.h"

#define MAX_UNITS 8
#define MAX_JABS  3
#define MAX_STAFF 24

struct input {
    const uint8_t *p;
    size_t n;
};

static unsigned
next(struct input *in)
{
    if (in->n == 0) {
        return 0;
    }
    in->n--;
    return *in->p++;
}

struct problem {
    struct settings s;
    struct plan_unit units[MAX_UNITS];
    char codes[MAX_UNITS][8];
    struct plan_jabatan jabs[MAX_JABS];
    char jab_codes[MAX_JABS][8];
    struct plan_pair pairs[MAX_UNITS * MAX_JABS];
    struct plan_staff staff[MAX_STAFF];
    struct plan_request requests[MAX_STAFF]; /* Staff i's is [i]. */
    struct plan_problem p;
};

static void
build_units(struct input *in, struct problem *x, size_t n_gov, size_t n_units)
{
    for (size_t u = 0; u < n_units; u++) {
        struct plan_unit *t = &x->units[u];
        snprintf(x->codes[u], sizeof(x->codes[u]), "U%zu", u);
        t->kode = x->codes[u];
        t->nama = x->codes[u];
        t->jenis = (enum unit_jenis)(next(in) % 8);
        t->root = u < n_gov ? u : u % n_gov;
        unsigned c = next(in);
        t->lat = c & 1 ? -8.5 - (double)(c >> 1) / 100.0 : MODEL_COORD_NONE;
        t->lon = c & 1 ? 116.0 + (double)(c >> 4) / 50.0 : MODEL_COORD_NONE;
    }
}

static void
build_jabs(struct input *in, struct problem *x, size_t n_jabs)
{
    for (size_t j = 0; j < n_jabs; j++) {
        struct plan_jabatan *t = &x->jabs[j];
        snprintf(x->jab_codes[j], sizeof(x->jab_codes[j]), "J%zu", j);
        t->kode = x->jab_codes[j];
        t->nama = x->jab_codes[j];
        unsigned b = next(in);
        t->jenis = b % 7 == 0 ? JAB_PENGAWAS : JAB_PELAKSANA;
        t->klass = (b >> 3) % 2;
        t->kompetensi = (b >> 4) % 3 == 0 ? "A" : NULL;
    }
}

static size_t
build_pairs(struct input *in, struct problem *x, size_t n_units, size_t n_jabs,
            int32_t day)
{
    size_t n = 0;
    for (size_t u = 0; u < n_units; u++) {
        for (size_t j = 0; j < n_jabs; j++) {
            unsigned b = next(in);
            if (b % 5 == 0) {
                continue; /* No such pair. */
            }
            struct plan_pair *t = &x->pairs[n++];
            memset(t, 0, sizeof(*t));
            t->unit = u;
            t->jab = j;
            t->analysed = b % 7 != 0;
            t->n = (b >> 3) % 5;
            t->n_perm = t->n - (int64_t)((b >> 6) % 2 && t->n > 0);
            t->need_num = t->n * x->p.den;
            t->surge_until = t->n_perm < t->n ? day + 90 : DATE_NONE;
        }
    }
    return n;
}

static void
build_staff(struct input *in, struct problem *x, size_t i, size_t n_units)
{
    struct plan_staff *e = &x->staff[i];
    int32_t day = x->p.day;
    memset(e, 0, sizeof(*e));
    snprintf(e->nip, sizeof(e->nip), "19800101200501%04zu", i);
    e->pair = next(in) % x->p.n_pairs;
    unsigned b = next(in);
    e->status = b % 9 == 0   ? STATUS_CPNS
                : b % 9 == 1 ? STATUS_PPPK
                             : STATUS_PNS;
    e->tmt_unit = day - (int32_t)(next(in) * 15);
    e->tmt_pensiun = day + 200 + (int32_t)(next(in) * 30);
    e->angkat = date_from_ymd(2005, 1, 1);
    e->hukuman_disiplin = b % 13 == 2;
    e->current = b % 17 != 3;
    e->kompetensi = (b >> 4) % 2 ? "A;B" : NULL;
    unsigned c = next(in);
    e->lat = c & 1 ? -8.5 - (double)(c >> 1) / 120.0 : MODEL_COORD_NONE;
    e->lon = c & 1 ? 116.0 + (double)(c >> 3) / 60.0 : MODEL_COORD_NONE;
    struct plan_request *q = &x->requests[i];
    memset(q, 0, sizeof(*q));
    q->n_pilihan = (int8_t)(next(in) % 4);
    for (int k = 0; k < q->n_pilihan; k++) {
        q->pilihan[k] = (int32_t)(next(in) % n_units);
    }
    q->alasan = (enum permohonan_alasan)(next(in) % 5);
    q->tanggal = day - (int32_t)(next(in) % 200);
    /* Without choices: sometimes no request, sometimes one that asks for
     * nothing (both mean none to the planner). */
    e->req = q->n_pilihan > 0 || (c & 2) ? (uint32_t)(i + 1) : 0;
}

static bool
is_analysed(const struct plan_problem *p, size_t k)
{
    return p->pairs[k].analysed;
}

static void
check(const struct plan_problem *p, const struct plan_result *r,
      enum plan_mode mode)
{
    int64_t h[MAX_UNITS * MAX_JABS];
    bool moved[MAX_STAFF] = {false};
    for (size_t k = 0; k < p->n_pairs; k++) {
        h[k] = p->pairs[k].h;
    }
    for (size_t k = 0; k < r->n_moves; k++) {
        const struct plan_move *m = &r->moves[k];
        const struct plan_pair *a = &p->pairs[m->from_pair];
        const struct plan_pair *b = &p->pairs[m->to_pair];
        if (moved[m->staff] || m->from_pair != p->staff[m->staff].pair ||
            !is_analysed(p, m->from_pair) || !is_analysed(p, m->to_pair) ||
            a->unit == b->unit ||
            p->units[a->unit].root != p->units[b->unit].root ||
            p->jabs[a->jab].klass != p->jabs[b->jab].klass ||
            plan_ineligible(p, m->staff, m->aps) != 0 ||
            !plan_has_kompetensi(p, m->staff, b->jab) ||
            (m->aps && a->jab != b->jab) || (m->aps && mode == PLAN_DIRECTED) ||
            (!m->aps && mode == PLAN_VOLUNTARY)) {
            abort();
        }
        moved[m->staff] = true;
        h[m->from_pair]--;
        h[m->to_pair]++;
    }
    for (size_t k = 0; k < p->n_pairs; k++) {
        const struct plan_pair *x = &p->pairs[k];
        int64_t lo = x->h < x->n ? x->h : x->n;
        int64_t hi = x->h > x->n ? x->h : x->n;
        if (h[k] != r->h_after[k] ||
            (x->analysed && (h[k] < lo || h[k] > hi)) ||
            (!x->analysed && h[k] != x->h)) {
            abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct input in = {data, size};
    static struct problem x;
    memset(&x, 0, sizeof(x));
    settings_defaults(&x.s);
    x.p.s = &x.s;
    x.p.day = date_from_ymd(2026, 12, 1);
    x.p.den = abk_den(&x.s);
    size_t n_gov = 1 + next(&in) % 2;
    size_t n_units = n_gov + 1 + next(&in) % (MAX_UNITS - n_gov);
    size_t n_jabs = 1 + next(&in) % MAX_JABS;
    build_units(&in, &x, n_gov, n_units);
    build_jabs(&in, &x, n_jabs);
    x.p.units = x.units;
    x.p.n_units = n_units;
    x.p.jabs = x.jabs;
    x.p.n_jabs = n_jabs;
    x.p.pairs = x.pairs;
    x.p.n_pairs = build_pairs(&in, &x, n_units, n_jabs, x.p.day);
    if (x.p.n_pairs == 0) {
        return 0;
    }
    size_t n_staff = next(&in) % (MAX_STAFF + 1);
    for (size_t i = 0; i < n_staff; i++) {
        build_staff(&in, &x, i, n_units);
        x.pairs[x.staff[i].pair].h++;
    }
    x.p.staff = x.staff;
    x.p.n_staff = n_staff;
    x.p.requests = x.requests;
    x.p.n_requests = n_staff;
    long max_moves = next(&in) % 4 == 0 ? (long)(next(&in) % 4) : -1;
    for (int mode = PLAN_VOLUNTARY; mode <= PLAN_COMBINED; mode++) {
        struct plan_opts o = {(enum plan_mode)mode, max_moves, -1.0, 1, NULL};
        struct plan_result r;
        if (plan_run(&x.p, &o, &r) != ERR_OK) {
            abort();
        }
        check(&x.p, &r, (enum plan_mode)mode);
        if (max_moves >= 0 && (long)r.n_directed > max_moves) {
            abort();
        }
        plan_result_cleanup(&r);
    }
    return 0;
}
