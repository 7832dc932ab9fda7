/* SPDX-License-Identifier: MIT */
/* analysis: one pass over units, positions, workload rows and staff into
 * per-pair sums (service layer). Pairs are keyed by unit and position
 * numbers in a compact map, so a nation's millions of pairs fit. */
#include "analysis.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "json.h"
#include "map.h"
#include "mem.h"
#include "model.h"
#include "rules.h"
#include "settings_store.h"
#include "store.h"
#include "tree.h"

/* 32-bit indices: a nation has 1.8 M of these (and 300 k units, 2^24
 * positions at most, as abk_pair_key() assumes). */
struct raw_pair {
    uint32_t unit;
    uint32_t jab;
    uint32_t next; /* The unit's next pair (index + 1), or 0; once the
                    * results stream to a hook, the pair's sorted index. */
    struct abk_pair p;
};

struct staff {
    size_t pair; /* While the staff are read: unit << 24 | jabatan. */
    int32_t tmt_pensiun;
    int8_t status; /* enum pegawai_status. */
    uint64_t nip;  /* The 18 digits as a number (0 when not digits). */
};

/* The last unit looked up and its index in the tree: rows come grouped by
 * unit. One per reading thread. */
struct unit_memo {
    char code[MODEL_CODE_MAX + 1];
    long u;
    bool have;
};

struct analysis {
    struct settings s;
    int32_t day;
    struct tree *tree;
    struct map jab_ix;    /* Code -> index + 1 in 'jabs'. */
    struct jabatan *jabs; /* Owned copies of kode and jenjang. */
    size_t n_jabs;
    size_t cap_jabs;
    size_t *unit_pairs; /* Per unit: its first pair (index + 1), or 0. */
    struct raw_pair *raw;
    size_t n_raw;
    size_t cap_raw;
    struct analysis_pair *pairs; /* Sorted results. */
    size_t cap_pairs;
    size_t *raw_of; /* Sorted pair -> its index in 'raw'. */
    size_t cap_raw_of;
    struct staff *staff;
    size_t n_staff;
    size_t cap_staff;
    char last_unit[MODEL_CODE_MAX + 1]; /* The last pair looked up: rows */
    char last_jab[MODEL_CODE_MAX + 1];  /* come grouped by pair, so most */
    size_t last_pair;                   /* lookups end here. */
    bool have_last;
    struct unit_memo memo_rows;       /* Of the workload rows' thread. */
    struct unit_memo memo_staff;      /* Of the staff's. */
    const struct analysis_hook *hook; /* May be NULL. */
    char bup_jab[MODEL_CODE_MAX + 1]; /* The last position's BUP, as */
    int bup;                          /* staff come grouped too. */
};

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

/* The tree index of unit 'unit', or -1; reads only the tree, so that two
 * threads may ask at once, each with its own 'memo'. */
static long
unit_of(const struct analysis *a, struct unit_memo *memo, const char *unit)
{
    if (memo->have && strcmp(memo->code, unit) == 0) {
        return memo->u;
    }
    long u = tree_find(a->tree, unit);
    size_t ulen = strlen(unit);
    memo->have = u >= 0 && ulen <= MODEL_CODE_MAX;
    if (memo->have) {
        memcpy(memo->code, unit, ulen + 1);
        memo->u = u;
    }
    return u;
}

/* The pair of unit index 'u' and jabatan index 'j', made when new. A
 * unit's pairs are a short list (a unit has a few of the positions). */
static struct raw_pair *
pair_at(struct analysis *a, size_t u, size_t j)
{
    for (size_t k = a->unit_pairs[u]; k != 0; k = a->raw[k - 1].next) {
        if (a->raw[k - 1].jab == j) {
            return &a->raw[k - 1];
        }
    }
    xgrow((void **)&a->raw, &a->cap_raw, a->n_raw + 1, sizeof(*a->raw));
    struct raw_pair *p = &a->raw[a->n_raw++];
    memset(p, 0, sizeof(*p));
    p->unit = (uint32_t)u;
    p->jab = (uint32_t)j;
    p->next = (uint32_t)a->unit_pairs[u];
    p->p.surge_until = DATE_NONE;
    a->unit_pairs[u] = a->n_raw;
    return p;
}

/* The pair of 'unit' and 'jabatan', made when new; NULL when either is
 * unknown. */
static struct raw_pair *
pair_lookup(struct analysis *a, const char *unit, const char *jabatan)
{
    void *j = NULL;
    long u = unit_of(a, &a->memo_rows, unit);
    if (u < 0 || !map_find(&a->jab_ix, jabatan, &j)) {
        return NULL;
    }
    return pair_at(a, (size_t)u, (size_t)(uintptr_t)j - 1);
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

/* BUP of the position 'kode' (the default BUP for an unknown code). */
static int
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
    /* The pair itself is found in count_staff_in(), once the workload
     * rows (maybe read meanwhile on another thread) have made theirs. */
    void *j = NULL;
    long u = unit_of(a, &a->memo_staff, x->unit);
    if (u < 0 || !map_find(&a->jab_ix, x->jabatan, &j)) {
        return ERR_INTERNAL; /* Foreign keys make this impossible. */
    }
    xgrow((void **)&a->staff, &a->cap_staff, a->n_staff + 1, sizeof(*a->staff));
    uint64_t nip = 0;
    for (const char *c = x->nip; *c >= '0' && *c <= '9'; c++) {
        nip = nip * 10 + (uint64_t)(*c - '0');
    }
    a->staff[a->n_staff].nip = nip;
    a->staff[a->n_staff].pair = (size_t)u << 24 | ((size_t)(uintptr_t)j - 1);
    a->staff[a->n_staff].tmt_pensiun = tmt;
    a->staff[a->n_staff].status = (int8_t)x->status;
    if (a->hook != NULL) {
        a->hook->staff(a->hook->ctx, a->n_staff, x);
    }
    a->n_staff++;
    return ERR_OK;
}

static void count_staff(struct abk_pair *p, int status, long d);

/* Put each employee read in their pair, made when new, and count them. */
static void
count_staff_in(struct analysis *a)
{
    for (size_t i = 0; i < a->n_staff; i++) {
        size_t key = a->staff[i].pair;
        struct raw_pair *p = pair_at(a, key >> 24, key & 0xffffff);
        count_staff(&p->p, a->staff[i].status, 1);
        a->staff[i].pair = (size_t)(p - a->raw);
    }
}

/* The workload rows, read on a second handle on another thread while the
 * staff are read on the first: the two largest tables at once. */
struct rows_read {
    struct analysis *a;
    struct store *st;
    enum err rc;
};

static void *
rows_thread(void *arg)
{
    struct rows_read *r = arg;
    r->rc = store_beban_scan(r->st, add_beban, r->a);
    return NULL;
}

/* Forget every pair (before the workload rows are read again). */
static void
drop_pairs(struct analysis *a)
{
    a->n_raw = 0;
    memset(a->unit_pairs, 0, (tree_count(a->tree) + 1) * sizeof(size_t));
    a->have_last = false;
}

/* Read the workload rows and the staff: both at once on two handles when
 * a second one opens, else one after the other on 'st'. */
static enum err
read_rows_and_staff(struct analysis *a, struct store *st, int32_t day)
{
    struct rows_read r = {a, NULL, ERR_OK};
    pthread_t t;
    bool threaded = tree_count(a->tree) >= ANALYSIS_PARALLEL_UNITS &&
                    store_reopen(st, &r.st) == ERR_OK &&
                    pthread_create(&t, NULL, rows_thread, &r) == 0;
    enum err rc = threaded ? ERR_OK : store_beban_scan(st, add_beban, a);
    /* The analysis alone needs six columns; a hook (the planner) sees
     * whole records. */
    rc = rc == ERR_OK
             ? (a->hook != NULL ? store_staff_each(st, day, add_staff, a)
                                : store_posts_each(st, day, add_staff, a))
             : rc;
    if (threaded) {
        pthread_join(t, NULL);
        if (r.rc != ERR_OK && rc == ERR_OK) {
            /* Again on 'st', so that a failure's text is on it. */
            drop_pairs(a);
            rc = store_beban_scan(st, add_beban, a);
        }
    }
    store_close(r.st);
    if (rc == ERR_OK) {
        count_staff_in(a);
    }
    return rc;
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

static int
by_number(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x;
    uint64_t b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

struct jab_code {
    const char *kode;
    size_t ix;
};

static int
by_jab_code(const void *x, const void *y)
{
    return strcmp(((const struct jab_code *)x)->kode,
                  ((const struct jab_code *)y)->kode);
}

/* Bits that hold 0 .. n - 1. */
static unsigned
bits_for(size_t n)
{
    unsigned b = 1;
    while (b < 64 && ((uint64_t)1 << b) < n) {
        b++;
    }
    return b;
}

/* The raw pairs in unit code, then jabatan code order into 'out' (raw
 * indices). The codes' ranks and the raw index are packed in one number
 * when they fit 64 bits (a nation: 19 + 10 + 21 bits), sorted as numbers:
 * an eighth of the memory of sorting string pairs, and faster. */
static void
sort_pairs(const struct analysis *a, size_t *out)
{
    size_t n_units = tree_count(a->tree);
    unsigned bu = bits_for(n_units);
    unsigned bj = bits_for(a->n_jabs);
    unsigned br = bits_for(a->n_raw);
    if (bu + bj + br > 64) {
        struct sort_key *keys = xcalloc(a->n_raw + 1, sizeof(*keys));
        for (size_t i = 0; i < a->n_raw; i++) {
            keys[i].unit = tree_unit(a->tree, a->raw[i].unit)->kode;
            keys[i].jabatan = a->jabs[a->raw[i].jab].kode;
            keys[i].raw = i;
        }
        qsort(keys, a->n_raw, sizeof(*keys), by_unit_then_jabatan);
        for (size_t i = 0; i < a->n_raw; i++) {
            out[i] = keys[i].raw;
        }
        free(keys);
        return;
    }
    /* Ranks: rank_u[u] is unit u's place in code order; the same for
     * positions. */
    size_t *order = xcalloc(n_units + 1, sizeof(size_t));
    uint32_t *rank_u = xcalloc(n_units + 1, sizeof(uint32_t));
    uint32_t *rank_j = xcalloc(a->n_jabs + 1, sizeof(uint32_t));
    tree_order_by_code(a->tree, order);
    for (size_t i = 0; i < n_units; i++) {
        rank_u[order[i]] = (uint32_t)i;
    }
    free(order);
    struct jab_code *by_code = xcalloc(a->n_jabs + 1, sizeof(*by_code));
    for (size_t j = 0; j < a->n_jabs; j++) {
        by_code[j] = (struct jab_code){a->jabs[j].kode, j};
    }
    qsort(by_code, a->n_jabs, sizeof(*by_code), by_jab_code);
    for (size_t j = 0; j < a->n_jabs; j++) {
        rank_j[by_code[j].ix] = (uint32_t)j;
    }
    free(by_code);
    uint64_t *keys = xcalloc(a->n_raw + 1, sizeof(uint64_t));
    for (size_t i = 0; i < a->n_raw; i++) {
        keys[i] = (uint64_t)rank_u[a->raw[i].unit] << (bj + br) |
                  (uint64_t)rank_j[a->raw[i].jab] << br | i;
    }
    free(rank_u);
    free(rank_j);
    qsort(keys, a->n_raw, sizeof(uint64_t), by_number);
    uint64_t mask = br == 64 ? UINT64_MAX : ((uint64_t)1 << br) - 1;
    for (size_t i = 0; i < a->n_raw; i++) {
        out[i] = (size_t)(keys[i] & mask);
    }
    free(keys);
}

/* Compute every pair's result in unit, then jabatan order, and point the
 * staff at the sorted pairs. */
static enum err
finish(struct analysis *a)
{
    size_t *sorted = xcalloc(a->n_raw + 1, sizeof(size_t));
    enum err rc = ERR_OK;
    sort_pairs(a, sorted);
    bool stream = a->hook != NULL && a->hook->pair != NULL;
    /* Each raw pair's sorted index: in 'where', or when the results
     * stream (the raw pairs are freed after) in its 'next', no longer
     * read, to spare a nation's 14 MB. */
    size_t *where = stream ? NULL : xcalloc(a->n_raw + 1, sizeof(size_t));
    if (!stream) {
        a->pairs = xcalloc(a->n_raw + 1, sizeof(*a->pairs));
        a->raw_of = xcalloc(a->n_raw + 1, sizeof(*a->raw_of));
        a->cap_pairs = a->n_raw + 1;
        a->cap_raw_of = a->n_raw + 1;
    }
    for (size_t i = 0; i < a->n_raw && rc == ERR_OK; i++) {
        const struct raw_pair *p = &a->raw[sorted[i]];
        struct analysis_pair one;
        struct analysis_pair *x = stream ? &one : &a->pairs[i];
        if (stream) {
            a->raw[sorted[i]].next = (uint32_t)i;
        } else {
            where[sorted[i]] = i;
        }
        x->unit = p->unit;
        x->jabatan = a->jabs[p->jab].kode;
        x->surge_until = p->p.surge_until;
        rc = abk_pair_result(&a->s, &p->p, &x->r);
        if (stream) {
            rc =
                rc == ERR_OK ? a->hook->pair(a->hook->ctx, i, a->n_raw, x) : rc;
        } else {
            a->raw_of[i] = sorted[i];
        }
    }
    for (size_t i = 0; i < a->n_staff; i++) {
        size_t k = a->staff[i].pair;
        a->staff[i].pair = stream ? a->raw[k].next : where[k];
    }
    free(sorted);
    free(where);
    if (a->hook != NULL && (a->hook->results_only || stream)) {
        free(a->raw);
        free(a->raw_of);
        free(a->unit_pairs);
        a->raw = NULL;
        a->raw_of = NULL;
        a->unit_pairs = NULL; /* analysis_move_staff() refuses. */
        a->cap_raw = a->cap_raw_of = 0;
    }
    if (stream) {
        a->n_raw = 0; /* The caller has the pairs. */
    }
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
    enum err rc = ERR_OK;
    if (s != NULL) {
        a->s = *s;
    } else {
        rc = settings_store_load(st, &a->s);
    }
    rc = rc == ERR_OK ? store_unit_each(st, add_unit, a) : rc;
    if (rc == ERR_OK && tree_finish(a->tree) != ERR_OK) {
        rc = ERR_INTERNAL; /* The importer refuses cycles and orphans. */
    }
    rc = rc == ERR_OK ? store_jabatan_each(st, add_jabatan, a) : rc;
    if (rc == ERR_OK) {
        a->unit_pairs = xcalloc(tree_count(a->tree) + 1, sizeof(size_t));
        if (hook != NULL && hook->units != NULL) {
            hook->units(hook->ctx, tree_count(a->tree));
        }
        rc = read_rows_and_staff(a, st, day);
    }
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
    free(a->unit_pairs);
    tree_destroy(a->tree);
    free(a->raw);
    free(a->pairs);
    free(a->raw_of);
    free(a->staff);
    free(a);
}

void
analysis_release_pairs(struct analysis *a)
{
    free(a->unit_pairs);
    free(a->raw);
    free(a->pairs);
    free(a->raw_of);
    a->unit_pairs = NULL;
    a->raw = NULL;
    a->pairs = NULL;
    a->raw_of = NULL;
    a->n_raw = a->cap_raw = a->cap_pairs = a->cap_raw_of = 0;
    a->have_last = false;
}

void
analysis_release_staff(struct analysis *a)
{
    free(a->staff);
    a->staff = NULL;
    a->n_staff = a->cap_staff = 0;
}

const struct settings *
analysis_settings(const struct analysis *a)
{
    return &a->s;
}

int32_t
analysis_day(const struct analysis *a)
{
    return a->day;
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

/* Binary search of the sorted pairs: true with the index of ('unit',
 * 'jabatan') in '*out', or false with the index where it would go. */
static bool
pair_place(const struct analysis *a, const char *unit, const char *jabatan,
           size_t *out)
{
    size_t lo = 0;
    size_t hi = a->n_raw;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct analysis_pair *x = &a->pairs[mid];
        int c = strcmp(tree_unit(a->tree, x->unit)->kode, unit);
        c = c != 0 ? c : strcmp(x->jabatan, jabatan);
        if (c == 0) {
            *out = mid;
            return true;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    *out = lo;
    return false;
}

const struct analysis_pair *
analysis_find_pair(const struct analysis *a, const char *unit,
                   const char *jabatan)
{
    size_t at = 0;
    return pair_place(a, unit, jabatan, &at) ? &a->pairs[at] : NULL;
}

/* Make the pair ('unit', 'jabatan') at sorted index 'at' (from
 * pair_place()), with no rows and no staff; the staff's pair indices
 * past it shift up. ERR_NOTFOUND when either code is unknown. */
static enum err
insert_pair(struct analysis *a, const char *unit, const char *jabatan,
            size_t at)
{
    size_t n = a->n_raw;
    struct raw_pair *p = pair_lookup(a, unit, jabatan);
    if (p == NULL) {
        return ERR_NOTFOUND;
    }
    xgrow((void **)&a->pairs, &a->cap_pairs, n + 1, sizeof(*a->pairs));
    xgrow((void **)&a->raw_of, &a->cap_raw_of, n + 1, sizeof(*a->raw_of));
    memmove(&a->pairs[at + 1], &a->pairs[at], (n - at) * sizeof(*a->pairs));
    memmove(&a->raw_of[at + 1], &a->raw_of[at], (n - at) * sizeof(size_t));
    a->raw_of[at] = n;
    struct analysis_pair *q = &a->pairs[at];
    memset(q, 0, sizeof(*q));
    q->unit = p->unit;
    q->jabatan = a->jabs[p->jab].kode;
    q->surge_until = p->p.surge_until;
    for (size_t i = 0; i < a->n_staff; i++) {
        a->staff[i].pair += a->staff[i].pair >= at;
    }
    return abk_pair_result(&a->s, &p->p, &q->r);
}

/* The staff index of 'nip' counted in sorted pair 'pair', or -1. */
static long
staff_in(const struct analysis *a, const char *nip, size_t pair)
{
    uint64_t key = 0;
    for (const char *c = nip; *c >= '0' && *c <= '9'; c++) {
        key = key * 10 + (uint64_t)(*c - '0');
    }
    for (size_t i = 0; i < a->n_staff; i++) {
        if (a->staff[i].nip == key && a->staff[i].pair == pair) {
            return (long)i;
        }
    }
    return -1;
}

/* Count one employee of status 'status' into 'p' ('d' = 1) or out of it
 * ('d' = -1). */
static void
count_staff(struct abk_pair *p, int status, long d)
{
    p->h += status != STATUS_PPPK_PW ? d : 0;
    p->h_pppk_pw += status == STATUS_PPPK_PW ? d : 0;
    p->h_pns += status == STATUS_PNS ? d : 0;
    p->h_pppk += status == STATUS_PPPK ? d : 0;
    p->h_cpns += status == STATUS_CPNS ? d : 0;
}

enum err
analysis_move_staff(struct analysis *a, const struct analysis_move *m)
{
    size_t from = 0;
    size_t to = 0;
    long who = -1;
    if (a->unit_pairs == NULL) {
        return ERR_INTERNAL; /* analysis_release() freed the pairs. */
    }
    if (pair_place(a, m->unit_asal, m->jabatan_asal, &from)) {
        who = staff_in(a, m->nip, from);
    }
    if (who < 0) {
        return ERR_NOTFOUND;
    }
    if (!pair_place(a, m->unit_tujuan, m->jabatan_tujuan, &to)) {
        enum err rc = insert_pair(a, m->unit_tujuan, m->jabatan_tujuan, to);
        if (rc != ERR_OK) {
            return rc;
        }
        from += from >= to;
    }
    struct abk_pair *src = &a->raw[a->raw_of[from]].p;
    struct abk_pair *dst = &a->raw[a->raw_of[to]].p;
    count_staff(src, m->status, -1);
    count_staff(dst, m->status, 1);
    a->staff[who].pair = to;
    enum err rc = abk_pair_result(&a->s, src, &a->pairs[from].r);
    return rc == ERR_OK ? abk_pair_result(&a->s, dst, &a->pairs[to].r) : rc;
}

struct retiree_ctx {
    const struct analysis *a;
    int32_t from;
    int32_t to;
    struct analysis_retirees *out;
};

static enum err
retiree_row(void *ctx, const struct pegawai *p)
{
    struct retiree_ctx *c = ctx;
    int bup = analysis_bup(c->a, p->jabatan);
    int32_t tmt = rules_tmt_pensiun(p->tanggal_lahir, bup);
    if (tmt < c->from || tmt > c->to) {
        return ERR_OK;
    }
    struct analysis_retirees *rs = c->out;
    xgrow((void **)&rs->rows, &rs->cap, rs->n + 1, sizeof(*rs->rows));
    struct analysis_retiree *r = &rs->rows[rs->n++];
    r->nip = xstrdup(p->nip);
    r->nama = xstrdup(p->nama);
    r->unit = xstrdup(p->unit);
    r->jabatan = xstrdup(p->jabatan);
    r->bup = bup;
    r->tmt_pensiun = tmt;
    return ERR_OK;
}

static int
by_tmt_then_nip(const void *x, const void *y)
{
    const struct analysis_retiree *a = x;
    const struct analysis_retiree *b = y;
    if (a->tmt_pensiun != b->tmt_pensiun) {
        return a->tmt_pensiun < b->tmt_pensiun ? -1 : 1;
    }
    return strcmp(a->nip, b->nip);
}

enum err
analysis_retirees_load(const struct analysis *a, struct store *st, int32_t from,
                       int32_t to, struct analysis_retirees *out)
{
    struct retiree_ctx c = {a, from, to, out};
    enum err rc = store_pegawai_each(st, retiree_row, &c);
    if (rc == ERR_OK && out->n > 1) {
        qsort(out->rows, out->n, sizeof(*out->rows), by_tmt_then_nip);
    }
    return rc;
}

void
analysis_retirees_cleanup(struct analysis_retirees *r)
{
    if (r == NULL) {
        return;
    }
    for (size_t i = 0; i < r->n; i++) {
        free(r->rows[i].nip);
        free(r->rows[i].nama);
        free(r->rows[i].unit);
        free(r->rows[i].jabatan);
    }
    free(r->rows);
    memset(r, 0, sizeof(*r));
}

void
analysis_retiree_json(const struct analysis_retiree *r, bool with_bup,
                      struct json_obj *o)
{
    char tmt[DATE_STR_LEN];
    date_format(r->tmt_pensiun, tmt);
    json_obj_set_str(o, "nip", r->nip);
    json_obj_set_str(o, "nama", r->nama);
    json_obj_set_str(o, "unit", r->unit);
    json_obj_set_str(o, "jabatan", r->jabatan);
    if (with_bup) {
        json_obj_set_int(o, "bup", r->bup);
    }
    json_obj_set_str(o, "tmt_pensiun", tmt);
}
