/* SPDX-License-Identifier: MIT */
/* analysis: one pass over units, positions, workload rows and staff into
 * per-pair sums (service layer). Pairs are keyed by unit and position
 * numbers in a compact map, so a nation's millions of pairs fit. */
#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "map.h"
#include "map64.h"
#include "mem.h"
#include "model.h"
#include "rules.h"
#include "store.h"
#include "tree.h"

struct raw_pair {
    size_t unit;
    size_t jab;
    struct abk_pair p;
};

struct staff {
    size_t pair;
    int32_t tmt_pensiun;
    uint64_t nip; /* The 18 digits as a number (0 when not digits). */
};

struct analysis {
    struct settings s;
    int32_t day;
    struct tree *tree;
    struct map jab_ix;    /* Code -> index + 1 in 'jabs'. */
    struct jabatan *jabs; /* Owned copies of kode and jenjang. */
    size_t n_jabs;
    size_t cap_jabs;
    struct map64 pair_ix; /* Unit and jabatan -> index + 1. */
    struct raw_pair *raw;
    size_t n_raw;
    size_t cap_raw;
    struct analysis_pair *pairs; /* Sorted results. */
    struct staff *staff;
    size_t n_staff;
    size_t cap_staff;
    char last_unit[MODEL_CODE_MAX + 1]; /* The last pair looked up: rows */
    char last_jab[MODEL_CODE_MAX + 1];  /* come grouped by pair, so most */
    size_t last_pair;                   /* lookups end here. */
    bool have_last;
    const struct analysis_hook *hook; /* May be NULL. */
    char bup_jab[MODEL_CODE_MAX + 1]; /* The last position's BUP, as */
    int bup;                          /* staff come grouped too. */
};

enum err
analysis_settings_load(struct store *st, struct settings *out)
{
    settings_defaults(out);
    for (size_t i = 0; i < settings_count(); i++) {
        const struct setting_def *d = settings_at(i);
        char *v = NULL;
        char norm[512];
        char why[256];
        enum err rc = store_setting_get(st, d->key, &v);
        if (rc == ERR_NOTFOUND) {
            continue;
        }
        if (rc != ERR_OK) {
            return rc;
        }
        /* Values were checked when set; a damaged one keeps the default. */
        if (settings_normalize(d, v, norm, sizeof(norm), why, sizeof(why)) ==
            ERR_OK) {
            settings_apply(out, d->key, norm);
        }
        free(v);
    }
    return ERR_OK;
}

static enum err
add_unit(void *ctx, const struct unit *u)
{
    tree_add(((struct analysis *)ctx)->tree, u);
    return ERR_OK;
}

static enum err
add_jabatan(void *ctx, const struct jabatan *j)
{
    struct analysis *a = ctx;
    xgrow((void **)&a->jabs, &a->cap_jabs, a->n_jabs + 1, sizeof(*a->jabs));
    struct jabatan *c = &a->jabs[a->n_jabs++];
    *c = *j;
    c->kode = xstrdup(j->kode);
    c->jenjang = j->jenjang ? xstrdup(j->jenjang) : NULL;
    c->nama = NULL;
    c->kelompok = NULL;
    c->kompetensi = NULL;
    map_put(&a->jab_ix, c->kode, (void *)(uintptr_t)a->n_jabs);
    return ERR_OK;
}

/* The pair of 'unit' and 'jabatan', made when new; NULL when either is
 * unknown. */
static struct raw_pair *
pair_lookup(struct analysis *a, const char *unit, const char *jabatan)
{
    void *j = NULL;
    long u = tree_find(a->tree, unit);
    if (u < 0 || !map_find(&a->jab_ix, jabatan, &j)) {
        return NULL;
    }
    uint64_t key = (uint64_t)(u + 1) << 24 | (uint64_t)(uintptr_t)j;
    int64_t ix = 0;
    if (!map64_add(&a->pair_ix, key, (int64_t)a->n_raw + 1, &ix)) {
        return &a->raw[ix - 1];
    }
    xgrow((void **)&a->raw, &a->cap_raw, a->n_raw + 1, sizeof(*a->raw));
    struct raw_pair *p = &a->raw[a->n_raw++];
    memset(p, 0, sizeof(*p));
    p->unit = (size_t)u;
    p->jab = (size_t)(uintptr_t)j - 1;
    p->p.surge_until = DATE_NONE;
    return p;
}

static struct raw_pair *
pair_of(struct analysis *a, const char *unit, const char *jabatan)
{
    if (a->have_last && strcmp(a->last_unit, unit) == 0 &&
        strcmp(a->last_jab, jabatan) == 0) {
        return &a->raw[a->last_pair];
    }
    struct raw_pair *p = pair_lookup(a, unit, jabatan);
    if (p != NULL && strlen(unit) <= MODEL_CODE_MAX &&
        strlen(jabatan) <= MODEL_CODE_MAX) {
        memcpy(a->last_unit, unit, strlen(unit) + 1);
        memcpy(a->last_jab, jabatan, strlen(jabatan) + 1);
        a->last_pair = (size_t)(p - a->raw);
        a->have_last = true;
    }
    return p;
}

static enum err
add_beban(void *ctx, const struct beban *b)
{
    struct analysis *a = ctx;
    struct raw_pair *p = pair_of(a, b->unit, b->jabatan);
    return p ? abk_pair_add_row(&p->p, b, a->day) : ERR_INTERNAL;
}

int
analysis_bup(const struct analysis *a, const char *kode)
{
    void *j = NULL;
    if (!map_find(&a->jab_ix, kode, &j)) {
        return a->s.bup_umum;
    }
    return rules_bup(&a->s, &a->jabs[(uintptr_t)j - 1]);
}

/* Staff in post on the day: not retired by then, not on study leave. */
static enum err
add_staff(void *ctx, const struct store_staff *x)
{
    struct analysis *a = ctx;
    if (x->unit == NULL || x->jabatan == NULL || x->tugas_belajar) {
        return ERR_OK;
    }
    if (strcmp(a->bup_jab, x->jabatan) != 0) {
        size_t len = strlen(x->jabatan);
        a->bup = analysis_bup(a, x->jabatan);
        /* Codes are at most MODEL_CODE_MAX bytes (the importer checks);
         * a longer one is simply not remembered. */
        if (len <= MODEL_CODE_MAX) {
            memcpy(a->bup_jab, x->jabatan, len + 1);
        } else {
            a->bup_jab[0] = '\0';
        }
    }
    int bup = a->bup; /* This row's: recomputed above when it changed. */
    int32_t tmt = rules_tmt_pensiun(x->tanggal_lahir, bup);
    if (tmt <= a->day) {
        return ERR_OK;
    }
    struct raw_pair *p = pair_of(a, x->unit, x->jabatan);
    if (p == NULL) {
        return ERR_INTERNAL; /* Foreign keys make this impossible. */
    }
    p->p.h++;
    p->p.h_pns += x->status == STATUS_PNS;
    p->p.h_pppk += x->status == STATUS_PPPK;
    p->p.h_cpns += x->status == STATUS_CPNS;
    xgrow((void **)&a->staff, &a->cap_staff, a->n_staff + 1, sizeof(*a->staff));
    uint64_t nip = 0;
    for (const char *c = x->nip; *c >= '0' && *c <= '9'; c++) {
        nip = nip * 10 + (uint64_t)(*c - '0');
    }
    a->staff[a->n_staff].nip = nip;
    a->staff[a->n_staff].pair = (size_t)(p - a->raw);
    a->staff[a->n_staff].tmt_pensiun = tmt;
    if (a->hook != NULL) {
        a->hook->staff(a->hook->ctx, a->n_staff, x);
    }
    a->n_staff++;
    return ERR_OK;
}

struct sort_key {
    const char *unit;
    const char *jabatan;
    size_t raw;
};

static int
by_unit_then_jabatan(const void *x, const void *y)
{
    const struct sort_key *a = x;
    const struct sort_key *b = y;
    int c = strcmp(a->unit, b->unit);
    return c != 0 ? c : strcmp(a->jabatan, b->jabatan);
}

/* Compute every pair's result in unit, then jabatan order, and point the
 * staff at the sorted pairs. */
static enum err
finish(struct analysis *a)
{
    struct sort_key *keys = xcalloc(a->n_raw + 1, sizeof(*keys));
    size_t *where = xcalloc(a->n_raw + 1, sizeof(size_t));
    enum err rc = ERR_OK;
    for (size_t i = 0; i < a->n_raw; i++) {
        keys[i].unit = tree_unit(a->tree, a->raw[i].unit)->kode;
        keys[i].jabatan = a->jabs[a->raw[i].jab].kode;
        keys[i].raw = i;
    }
    qsort(keys, a->n_raw, sizeof(*keys), by_unit_then_jabatan);
    a->pairs = xcalloc(a->n_raw + 1, sizeof(*a->pairs));
    for (size_t i = 0; i < a->n_raw && rc == ERR_OK; i++) {
        const struct raw_pair *p = &a->raw[keys[i].raw];
        where[keys[i].raw] = i;
        a->pairs[i].unit = p->unit;
        a->pairs[i].jabatan = a->jabs[p->jab].kode;
        a->pairs[i].surge_until = p->p.surge_until;
        rc = abk_pair_result(&a->s, &p->p, &a->pairs[i].r);
    }
    for (size_t i = 0; i < a->n_staff; i++) {
        a->staff[i].pair = where[a->staff[i].pair];
    }
    free(keys);
    free(where);
    return rc;
}

enum err
analysis_load(struct store *st, int32_t day, struct analysis **out)
{
    return analysis_load_with(st, day, NULL, NULL, out);
}

enum err
analysis_load_with(struct store *st, int32_t day, const struct settings *s,
                   const struct analysis_hook *hook, struct analysis **out)
{
    struct analysis *a = xcalloc(1, sizeof(*a));
    a->hook = hook;
    a->day = day;
    a->tree = tree_create();
    map_init(&a->jab_ix);
    map64_init(&a->pair_ix);
    enum err rc = ERR_OK;
    if (s != NULL) {
        a->s = *s;
    } else {
        rc = analysis_settings_load(st, &a->s);
    }
    rc = rc == ERR_OK ? store_unit_each(st, add_unit, a) : rc;
    if (rc == ERR_OK && tree_finish(a->tree) != ERR_OK) {
        rc = ERR_INTERNAL; /* The importer refuses cycles and orphans. */
    }
    rc = rc == ERR_OK ? store_jabatan_each(st, add_jabatan, a) : rc;
    rc = rc == ERR_OK ? store_beban_each(st, add_beban, a) : rc;
    rc = rc == ERR_OK ? store_staff_each(st, day, add_staff, a) : rc;
    rc = rc == ERR_OK ? finish(a) : rc;
    if (rc != ERR_OK) {
        analysis_destroy(a);
        return rc;
    }
    *out = a;
    return ERR_OK;
}

void
analysis_destroy(struct analysis *a)
{
    if (a == NULL) {
        return;
    }
    for (size_t i = 0; i < a->n_jabs; i++) {
        free((void *)(uintptr_t)a->jabs[i].kode);
        free((void *)(uintptr_t)a->jabs[i].jenjang);
    }
    free(a->jabs);
    map_cleanup(&a->jab_ix);
    map64_cleanup(&a->pair_ix);
    tree_destroy(a->tree);
    free(a->raw);
    free(a->pairs);
    free(a->staff);
    free(a);
}

const struct settings *
analysis_settings(const struct analysis *a)
{
    return &a->s;
}

const struct tree *
analysis_tree(const struct analysis *a)
{
    return a->tree;
}

size_t
analysis_count(const struct analysis *a)
{
    return a->n_raw;
}

const struct analysis_pair *
analysis_pair_at(const struct analysis *a, size_t i)
{
    return &a->pairs[i];
}

bool
analysis_in_subtree(const struct analysis *a, size_t u, size_t root)
{
    for (long c = (long)u; c >= 0; c = tree_parent(a->tree, (size_t)c)) {
        if ((size_t)c == root) {
            return true;
        }
    }
    return false;
}

size_t
analysis_n_staff(const struct analysis *a)
{
    return a->n_staff;
}

void
analysis_staff_at(const struct analysis *a, size_t i, size_t *pair,
                  int32_t *tmt_pensiun)
{
    *pair = a->staff[i].pair;
    *tmt_pensiun = a->staff[i].tmt_pensiun;
}

uint64_t
analysis_staff_nip(const struct analysis *a, size_t i)
{
    return a->staff[i].nip;
}

const struct analysis_pair *
analysis_find_pair(const struct analysis *a, const char *unit,
                   const char *jabatan)
{
    size_t lo = 0;
    size_t hi = a->n_raw;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct analysis_pair *x = &a->pairs[mid];
        int c = strcmp(tree_unit(a->tree, x->unit)->kode, unit);
        c = c != 0 ? c : strcmp(x->jabatan, jabatan);
        if (c == 0) {
            return x;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}
