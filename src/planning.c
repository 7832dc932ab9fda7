/* SPDX-License-Identifier: MIT */
/* planning: the planner's problem from a store and the plan document
 * (service layer). One pass over each table; staff are matched to their
 * records by NIP in a compact map. */
#include "planning.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "abk.h"
#include "analysis.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "json.h"
#include "map.h"
#include "mem.h"
#include "model.h"
#include "nip.h"
#include "num.h"
#include "planning_int.h"
#include "settings.h"
#include "store.h"
#include "tree.h"

/* The settings: stored values, then the plan's own. */
static enum err
load_settings(struct planning *pl, struct store *st,
              const struct planning_args *args)
{
    size_t n = settings_count();
    pl->texts = xcalloc(n + 1, sizeof(char *));
    settings_defaults(&pl->s);
    for (size_t i = 0; i < n; i++) {
        const struct setting_def *d = settings_at(i);
        char *v = NULL;
        char norm[512];
        char why[256];
        enum err rc = store_setting_get(st, d->key, &v);
        if (rc != ERR_OK && rc != ERR_NOTFOUND) {
            return rc;
        }
        const char *use = rc == ERR_OK ? v : d->dflt;
        if (settings_normalize(d, use, norm, sizeof(norm), why, sizeof(why)) !=
            ERR_OK) {
            snprintf(norm, sizeof(norm), "%s", d->dflt);
        }
        pl->texts[i] = xstrdup(norm);
        free(v);
    }
    for (size_t k = 0; k < args->n_over; k++) {
        const struct planning_setting *o = &args->over[k];
        char norm[512];
        char why[256];
        size_t i = 0;
        while (i < n && strcmp(settings_at(i)->key, o->key) != 0) {
            i++;
        }
        if (i == n) {
            if (args->why) {
                snprintf(args->why, args->why_len, "%s", o->key);
            }
            return ERR_NOTFOUND;
        }
        if (settings_normalize(settings_at(i), o->value, norm, sizeof(norm),
                               why, sizeof(why)) != ERR_OK) {
            if (args->why) {
                snprintf(args->why, args->why_len, "%s: %s", o->key, why);
            }
            return ERR_INVAL;
        }
        free(pl->texts[i]);
        pl->texts[i] = xstrdup(norm);
    }
    for (size_t i = 0; i < n; i++) {
        settings_apply(&pl->s, settings_at(i)->key, pl->texts[i]);
    }
    return ERR_OK;
}

static enum err
add_jabatan(void *ctx, const struct jabatan *j)
{
    struct planning *pl = ctx;
    xgrow((void **)&pl->jabs, &pl->cap_jabs, pl->n_jabs + 1, sizeof(*pl->jabs));
    struct plan_jabatan *c = &pl->jabs[pl->n_jabs++];
    c->kode = xstrdup(j->kode);
    c->nama = xstrdup(j->nama);
    c->jenis = j->jenis;
    c->kompetensi = j->kompetensi ? xstrdup(j->kompetensi) : NULL;
    c->pendidikan_min = (int8_t)j->pendidikan_min;
    c->golongan_min = (int8_t)model_golongan_rank(j->golongan_min);
    c->golongan_max = (int8_t)model_golongan_rank(j->golongan_max);
    struct buf key;
    buf_init(&key, 0);
    enum err rc = buf_addf(&key, "%s|%s", j->kelompok ? j->kelompok : j->kode,
                           j->jenjang ? j->jenjang : "");
    void *klass = NULL;
    if (rc == ERR_OK && !map_find(&pl->klass_ix, buf_str(&key), &klass)) {
        klass = (void *)(uintptr_t)(pl->klass_ix.n_items + 1);
        map_put(&pl->klass_ix, buf_str(&key), klass);
    }
    c->klass = (size_t)(uintptr_t)klass - 1;
    buf_cleanup(&key);
    map_put(&pl->jab_ix, c->kode, (void *)(uintptr_t)pl->n_jabs);
    return rc;
}

static void
load_units(struct planning *pl)
{
    const struct tree *t = analysis_tree(pl->a);
    size_t n = tree_count(t);
    pl->units = xcalloc(n + 1, sizeof(*pl->units));
    for (size_t i = 0; i < n; i++) {
        const struct unit *u = tree_unit(t, i);
        pl->units[i] = (struct plan_unit){u->kode, u->nama, u->jenis,
                                          u->lat,  u->lon,  tree_root(t, i)};
    }
    pl->prob.units = pl->units;
    pl->prob.n_units = n;
}

/* The analysis hook: pair 'k' of 'n', in order, as the analysis makes
 * it (the analysis keeps none: a nation's 1.8 M pairs would be held
 * twice). */
static enum err
load_pair(void *ctx, size_t k, size_t n, const struct analysis_pair *x)
{
    struct planning *pl = ctx;
    if (k == 0) {
        if (n >= UINT32_MAX) {
            return ERR_TOOBIG; /* plan_staff.pair is 32 bits. */
        }
        pl->pairs = xcalloc(n + 1, sizeof(*pl->pairs));
        pl->prob.pairs = pl->pairs;
        pl->prob.n_pairs = n;
    }
    void *j = NULL;
    if (!map_find(&pl->jab_ix, x->jabatan, &j)) {
        return ERR_INTERNAL; /* The analysis knows only these. */
    }
    pl->pairs[k] = (struct plan_pair){x->unit,         (size_t)(uintptr_t)j - 1,
                                      x->r.analysed,   x->r.bulat,
                                      x->r.bulat_perm, x->r.h,
                                      x->r.need_num,   x->surge_until};
    return ERR_OK;
}

struct staff_key {
    uint64_t nip;
    size_t raw; /* Index in the analysis (and in 'raw'). */
};

/* Sort 'keys' by NIP, stably (equal NIPs, 0 for one not of digits, keep
 * their order): a radix sort, 16 bits a pass, skipping the passes where
 * every key has the same digit. A nation's 4.6 M keys take a quarter of
 * qsort()'s time; the second buffer is as large as the keys. */
static void
sort_by_nip(struct staff_key *keys, size_t n)
{
    enum { BITS = 16, BUCKETS = 1 << BITS };
    struct staff_key *other = xcalloc(n + 1, sizeof(*keys));
    size_t *count = xcalloc(BUCKETS, sizeof(size_t));
    struct staff_key *from = keys;
    struct staff_key *to = other;
    for (unsigned shift = 0; shift < 64; shift += BITS) {
        memset(count, 0, BUCKETS * sizeof(size_t));
        for (size_t i = 0; i < n; i++) {
            count[(from[i].nip >> shift) & (BUCKETS - 1)]++;
        }
        if (n == 0 || count[(from[0].nip >> shift) & (BUCKETS - 1)] == n) {
            continue; /* One digit for all: nothing moves. */
        }
        size_t at = 0;
        for (size_t d = 0; d < BUCKETS; d++) {
            size_t c = count[d];
            count[d] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++) {
            to[count[(from[i].nip >> shift) & (BUCKETS - 1)]++] = from[i];
        }
        struct staff_key *t = from;
        from = to;
        to = t;
    }
    if (from != keys) {
        memcpy(keys, from, n * sizeof(*keys));
    }
    free(count);
    free(other);
}

/* Write the 18 digits of 'nip' into 'out' (NIP_LEN + 1 bytes): two
 * halves of 9 digits in 32-bit arithmetic, which is cheaper than 18
 * 64-bit divisions for each of a nation's staff. */
static void
format_nip(uint64_t nip, char *out)
{
    uint32_t lo = (uint32_t)(nip % 1000000000u);
    uint32_t hi = (uint32_t)(nip / 1000000000u % 1000000000u);
    out[NIP_LEN] = '\0';
    for (int k = NIP_LEN - 1; k >= 9; k--) {
        out[k] = (char)('0' + lo % 10);
        lo /= 10;
    }
    for (int k = 8; k >= 0; k--) {
        out[k] = (char)('0' + hi % 10);
        hi /= 10;
    }
}

/* Put the staff in NIP order: sort the keys, then move the records along
 * the permutation's cycles in place (a nation's records fill gigabytes,
 * so no second copy is made). Returns the NIPs as numbers in that order
 * (for apply_skp()); the caller frees them. */
static uint64_t *
load_staff(struct planning *pl)
{
    size_t n = analysis_n_staff(pl->a);
    struct staff_key *keys = xcalloc(n + 1, sizeof(*keys));
    for (size_t i = 0; i < n; i++) {
        keys[i].nip = analysis_staff_nip(pl->a, i);
        keys[i].raw = i;
        size_t pair = 0;
        analysis_staff_at(pl->a, i, &pair, &pl->raw[i].tmt_pensiun);
        pl->raw[i].pair = (uint32_t)pair;
        format_nip(keys[i].nip, pl->raw[i].nip);
    }
    sort_by_nip(keys, n);
    for (size_t i = 0; i < n; i++) {
        if (keys[i].raw == i) {
            continue;
        }
        struct plan_staff t = pl->raw[i];
        size_t j = i;
        for (;;) {
            size_t k = keys[j].raw;
            keys[j].raw = j; /* Done. */
            if (k == i) {
                pl->raw[j] = t;
                break;
            }
            pl->raw[j] = pl->raw[k];
            j = k;
        }
    }
    uint64_t *nips = (uint64_t *)keys; /* Reused: 8 of its 16 bytes each. */
    for (size_t i = 0; i < n; i++) {
        nips[i] = keys[i].nip;
    }
    pl->staff = pl->raw;
    pl->raw = NULL;
    pl->prob.staff = pl->staff;
    pl->prob.n_staff = n;
    return nips;
}

static const char *
intern(struct planning *pl, const char *s)
{
    if (s == NULL || *s == '\0') {
        return NULL;
    }
    /* Staff come grouped by position, so most lists repeat the last. */
    if (pl->last_kept != NULL && strcmp(pl->last_kept, s) == 0) {
        return pl->last_kept;
    }
    map_put(&pl->tags, s, NULL);
    pl->last_kept = map_key(&pl->tags, s);
    return pl->last_kept;
}

/* fn('text') remembered in 'memo' per text (up to MEMO_MAX texts, then
 * computed each time): a nation's millions of rows hold a few hundred
 * education and rank texts, each matched word by word against every
 * level once. Values are kept as the level + 2, never a NULL pointer. */
#define MEMO_MAX 65536

static int
memo_level(struct map *memo, const char *text, int (*fn)(const char *))
{
    void *v = NULL;
    if (text == NULL) {
        return fn(NULL);
    }
    if (map_find(memo, text, &v)) {
        return (int)((intptr_t)v - 2);
    }
    int level = fn(text);
    if (memo->n_items < MEMO_MAX && level >= -1) {
        map_put(memo, text, (void *)(intptr_t)(level + 2));
    }
    return level;
}

/* The analysis hook: what eligibility and cost need of staff 'i'. */
static void
keep_staff(void *ctx, size_t i, const struct store_staff *x)
{
    struct planning *pl = ctx;
    xgrow((void **)&pl->raw, &pl->cap_raw, i + 1, sizeof(*pl->raw));
    struct plan_staff *e = &pl->raw[i];
    memset(e, 0, sizeof(*e));
    struct nip_info info;
    enum nip_problem why = NIP_OK;
    e->status = (enum pegawai_status)x->status;
    e->tmt_unit = x->tmt_unit;
    e->hukuman_disiplin = x->hukuman_disiplin;
    e->formasi_tahun = (int16_t)x->formasi_tahun; /* 1950-2100 or 0. */
    e->kompetensi = intern(pl, x->kompetensi);
    e->pendidikan =
        (int8_t)memo_level(&pl->pend, x->pendidikan, model_pendidikan_level);
    e->golongan =
        (int8_t)memo_level(&pl->gol, x->golongan, model_golongan_rank);
    for (int k = 0; k < PLAN_SKP_YEARS; k++) {
        e->skp[k] = -1; /* Filled by add_kinerja(). */
    }
    e->lat = x->lat;
    e->lon = x->lon;
    e->current = x->tmt_unit <= pl->prob.day && x->unit_now != NULL &&
                 x->jabatan_now != NULL && strcmp(x->unit, x->unit_now) == 0 &&
                 strcmp(x->jabatan, x->jabatan_now) == 0;
    if (nip_parse(x->nip, strlen(x->nip), &info, &why) == ERR_OK) {
        e->angkat = date_from_ymd(info.tahun_angkat,
                                  info.bulan_angkat ? info.bulan_angkat : 1, 1);
    }
}

/* Contract section 5: requests that reached the setting tahap_permohonan
 * and are not past diverifikasi, and (domain.md section 5) not older than
 * masa_permohonan_bulan on the plan date. */
static bool
request_counts(const struct planning *pl, const struct permohonan *r)
{
    const struct settings *s = pl->prob.s;
    return r->status >= s->tahap_permohonan &&
           r->status <= PERMOHONAN_DIVERIFIKASI &&
           date_add_months(r->tanggal, s->masa_permohonan_bulan) >=
               pl->prob.day;
}

/* A read on a second handle on another thread, while the caller goes on
 * with other work (on a large database: ANALYSIS_PARALLEL_UNITS units or
 * more), or on the caller's handle once that work is done. Embedded first
 * in each read's state; 'read' reads on the handle it is given. */
struct side_read {
    enum err (*read)(struct side_read *s, struct store *st);
    struct store *st; /* The second handle, or NULL. */
    pthread_t thread;
    bool threaded; /* 'thread' runs. */
    enum err rc;   /* What the thread's read returned. */
};

static void *
side_thread(void *arg)
{
    struct side_read *s = arg;
    s->rc = s->read(s, s->st);
    return NULL;
}

/* Start 's' on a second handle of 'st' when the database has 'n_units'
 * units or more; otherwise side_finish() reads on 'st'. */
static void
side_start(struct side_read *s, struct store *st, size_t n_units)
{
    s->threaded = n_units >= ANALYSIS_PARALLEL_UNITS &&
                  store_reopen(st, &s->st) == ERR_OK &&
                  pthread_create(&s->thread, NULL, side_thread, s) == 0;
}

/* Wait for 's' and close its handle; read on 'st' when it did not run on
 * a thread or failed there (again, so that a failure's text is on 'st').
 * Returns 'rc' when that is already a failure, else the read's result. */
static enum err
side_finish(struct side_read *s, struct store *st, enum err rc)
{
    if (s->threaded) {
        pthread_join(s->thread, NULL);
    }
    store_close(s->st);
    s->st = NULL;
    if (rc == ERR_OK && (!s->threaded || s->rc != ERR_OK)) {
        rc = s->read(s, st);
    }
    return rc;
}

/* The SKP ratings of the years the rules read (plan_skp_year()), read on
 * a second handle on another thread while the analysis reads the staff:
 * the kinerja table is the largest (a nation's 20 million rows), and the
 * two scans together take both cores. Each rating is kept as one number,
 * (NIP << 4) | (year index << 3) | predikat, in the order read (by NIP);
 * apply_skp() then walks them beside the staff in NIP order. */
struct skp_read {
    struct side_read side; /* First: read_skp() is given it. */
    int first;             /* The first year read. */
    uint64_t *v;
    size_t n;
    size_t cap;
};

_Static_assert(PLAN_SKP_YEARS <= 2 && SKP_SANGAT_BAIK < 8,
               "a rating's year index and predikat fit in 4 bits");

static enum err
keep_kinerja(void *ctx, const struct kinerja *k)
{
    struct skp_read *r = ctx;
    uint64_t nip = nip_key(k->nip);
    int at = k->tahun - r->first;
    /* NIP 0 is no NIP (planning_find_staff() finds none either). */
    if (nip == 0 || at < 0 || at >= PLAN_SKP_YEARS ||
        (unsigned)k->predikat > SKP_SANGAT_BAIK) {
        return ERR_OK;
    }
    xgrow((void **)&r->v, &r->cap, r->n + 1, sizeof(*r->v));
    r->v[r->n++] = nip << 4 | (uint64_t)at << 3 | (uint64_t)k->predikat;
    return ERR_OK;
}

static enum err
read_skp(struct side_read *s, struct store *st)
{
    struct skp_read *r = (struct skp_read *)s;
    r->n = 0;
    return store_kinerja_years(st, r->first, r->first + PLAN_SKP_YEARS - 1,
                               keep_kinerja, r);
}

/* The analysis hook once the units are known: on a large database, start
 * reading the ratings on a second handle on another thread. */
static void
start_skp(void *ctx, size_t n_units)
{
    struct planning *pl = ctx;
    side_start(&pl->skp->side, pl->st, n_units);
}

static int
by_value(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x;
    uint64_t b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* Give each employee their ratings; 'nips' are the staff's NIPs as numbers
 * in staff order (ascending). */
static void
apply_skp(struct planning *pl, struct skp_read *r, const uint64_t *nips)
{
    for (size_t k = 1; k < r->n; k++) {
        if (r->v[k] >> 4 < r->v[k - 1] >> 4) {
            /* Not read in NIP order (a collation): sort them. */
            qsort(r->v, r->n, sizeof(*r->v), by_value);
            break;
        }
    }
    size_t n = pl->prob.n_staff;
    size_t i = 0;
    for (size_t k = 0; k < r->n; k++) {
        uint64_t nip = r->v[k] >> 4;
        while (i < n && nips[i] < nip) {
            i++;
        }
        if (i < n && nips[i] == nip) {
            pl->staff[i].skp[(r->v[k] >> 3) & 1] = (int8_t)(r->v[k] & 7);
        }
    }
}

/* The open requests (those request_counts() takes), read on a second
 * handle on another thread while load_staff() puts the staff in order
 * (on a large database; else on the caller's handle, after it), kept in
 * the order read with their choices as unit indices, then given to the
 * staff (apply_requests()). A NIP that is not 18 characters long is not
 * kept: no staff's NIP (format_nip()) could equal it. */
struct request_row {
    char nip[NIP_LEN + 1];
    int32_t pilihan[MODEL_MAX_PILIHAN];
    int32_t tanggal;
    int8_t n_pilihan;
    enum permohonan_alasan alasan;
};

struct request_read {
    struct side_read side; /* First: read_requests() is given it. */
    const struct planning *pl;
    struct request_row *v;
    size_t n;
    size_t cap;
};

static enum err
keep_request(void *ctx, const struct permohonan *r)
{
    struct request_read *q = ctx;
    if (!request_counts(q->pl, r) || strlen(r->nip) != NIP_LEN) {
        return ERR_OK;
    }
    xgrow((void **)&q->v, &q->cap, q->n + 1, sizeof(*q->v));
    struct request_row *row = &q->v[q->n++];
    const struct tree *t = analysis_tree(q->pl->a);
    memcpy(row->nip, r->nip, NIP_LEN + 1);
    row->n_pilihan = (int8_t)r->n_pilihan;
    for (int k = 0; k < r->n_pilihan; k++) {
        row->pilihan[k] = (int32_t)tree_find(t, r->pilihan[k]);
    }
    row->tanggal = r->tanggal;
    row->alasan = r->alasan;
    return ERR_OK;
}

static enum err
read_requests(struct side_read *s, struct store *st)
{
    struct request_read *q = (struct request_read *)s;
    q->n = 0;
    return store_permohonan_each(st, keep_request, q);
}

/* Give each employee the open request read last for their NIP. */
static void
apply_requests(struct planning *pl, const struct request_read *q)
{
    for (size_t k = 0; k < q->n; k++) {
        const struct request_row *row = &q->v[k];
        long ix = planning_find_staff(pl, row->nip);
        if (ix < 0) {
            continue;
        }
        struct plan_staff *e = &pl->staff[ix];
        if (e->req == 0) {
            /* A later request of the same NIP replaces this one in place. */
            size_t n = pl->prob.n_requests;
            xgrow((void **)&pl->requests, &pl->cap_requests, n + 1,
                  sizeof(*pl->requests));
            pl->prob.requests = pl->requests;
            pl->prob.n_requests = n + 1;
            e->req = (uint32_t)(n + 1);
        }
        struct plan_request *r = &pl->requests[e->req - 1];
        r->n_pilihan = row->n_pilihan;
        memcpy(r->pilihan, row->pilihan,
               (size_t)row->n_pilihan * sizeof(*r->pilihan));
        r->alasan = row->alasan;
        r->tanggal = row->tanggal;
    }
}

enum err
planning_load(struct store *st, const struct planning_args *args,
              struct planning **out)
{
    struct planning *pl = xcalloc(1, sizeof(*pl));
    map_init(&pl->jab_ix);
    map_init(&pl->klass_ix);
    map_init(&pl->tags);
    map_init(&pl->pend);
    map_init(&pl->gol);
    pl->prob.day = args->day;
    uint64_t *nips = NULL;
    struct skp_read skp;
    memset(&skp, 0, sizeof(skp));
    skp.side.read = read_skp;
    skp.first = plan_skp_year(&pl->prob) - (PLAN_SKP_YEARS - 1);
    pl->skp = &skp;
    pl->st = st;
    enum err rc = load_settings(pl, st, args);
    /* The positions first: the pairs come with the analysis. */
    rc = rc == ERR_OK ? store_jabatan_each(st, add_jabatan, pl) : rc;
    struct analysis_hook hook = {keep_staff, pl, start_skp, true, load_pair};
    rc = rc == ERR_OK ? analysis_load_with(st, args->day, &pl->s, &hook, &pl->a)
                      : rc;
    if (rc == ERR_OK) {
        if (pl->pairs == NULL) {
            pl->pairs = xcalloc(1, sizeof(*pl->pairs)); /* No pairs. */
            pl->prob.pairs = pl->pairs;
        }
        pl->prob.s = &pl->s;
        pl->prob.den = abk_den(&pl->s);
        pl->prob.jabs = pl->jabs;
        pl->prob.n_jabs = pl->n_jabs;
        load_units(pl);
    }
    struct request_read req;
    memset(&req, 0, sizeof(req));
    req.side.read = read_requests;
    req.pl = pl;
    if (rc == ERR_OK) {
        side_start(&req.side, st, tree_count(analysis_tree(pl->a)));
        nips = load_staff(pl);
        analysis_release_staff(pl->a);
    }
    rc = side_finish(&req.side, st, rc);
    if (rc == ERR_OK) {
        apply_requests(pl, &req);
    }
    free(req.v);
    rc = side_finish(&skp.side, st, rc);
    pl->skp = NULL;
    pl->st = NULL;
    if (rc == ERR_OK) {
        apply_skp(pl, &skp, nips);
    }
    free(skp.v);
    free(nips);
    if (rc != ERR_OK) {
        planning_destroy(pl);
        return rc;
    }
    *out = pl;
    return ERR_OK;
}

void
planning_destroy(struct planning *pl)
{
    if (pl == NULL) {
        return;
    }
    for (size_t i = 0; pl->texts && i < settings_count(); i++) {
        free(pl->texts[i]);
    }
    free(pl->texts);
    for (size_t k = 0; k < pl->n_jabs; k++) {
        free((void *)(uintptr_t)pl->jabs[k].kode);
        free((void *)(uintptr_t)pl->jabs[k].nama);
        free((void *)(uintptr_t)pl->jabs[k].kompetensi);
    }
    free(pl->jabs);
    free(pl->raw);
    free(pl->staff);
    free(pl->requests);
    free(pl->pairs);
    free(pl->units);
    map_cleanup(&pl->jab_ix);
    map_cleanup(&pl->klass_ix);
    map_cleanup(&pl->tags);
    map_cleanup(&pl->pend);
    map_cleanup(&pl->gol);
    analysis_destroy(pl->a);
    free(pl);
}

const struct plan_problem *
planning_problem(const struct planning *pl)
{
    return &pl->prob;
}

int
planning_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 1 ? (int)(n < 64 ? n : 64) : 1;
}

long
planning_find_staff(const struct planning *pl, const char *nip)
{
    size_t lo = 0;
    size_t hi = pl->prob.n_staff;
    if (nip_key(nip) == 0) {
        return -1;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(pl->staff[mid].nip, nip);
        if (c == 0) {
            return (long)mid;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return -1;
}

const char *const planning_mode_words[3] = {"voluntary", "directed",
                                            "combined"};

static struct json_obj *
settings_doc(const struct planning *pl, const struct plan_opts *o)
{
    struct json_obj *s = json_obj_create();
    for (size_t i = 0; i < settings_count(); i++) {
        const struct setting_def *d = settings_at(i);
        int64_t v = 0;
        int scale = d->type == SETTING_DECIMAL ? 3 : 0;
        if ((d->type == SETTING_INT || d->type == SETTING_DECIMAL) &&
            num_parse_fixed(pl->texts[i], strlen(pl->texts[i]), scale, false,
                            &v) == NUM_OK) {
            json_obj_set_fixed(s, d->key, v, scale);
        } else {
            json_obj_set_str(s, d->key, pl->texts[i]);
        }
    }
    if (o->max_moves >= 0) {
        json_obj_set_int(s, "max_moves", o->max_moves);
    } else {
        json_obj_set_null(s, "max_moves");
    }
    if (o->max_km >= 0) {
        json_obj_set_fixed(s, "max_km", (int64_t)(o->max_km * 1000 + 0.5), 3);
    } else {
        json_obj_set_null(s, "max_km");
    }
    return s;
}

static struct json_obj *
metrics_doc(const struct plan_metrics *m)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_int(o, "kekurangan", m->kekurangan);
    json_obj_set_int(o, "kelebihan", m->kelebihan);
    json_obj_set_int(o, "jabatan_kurang", m->jabatan_kurang);
    json_obj_set_fixed(o, "ej_sd", m->ej_sd_milli, 3);
    return o;
}

static struct json_obj *
summary_doc(const struct plan_result *r)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_obj(o, "before", metrics_doc(&r->before));
    json_obj_set_obj(o, "after", metrics_doc(&r->after));
    json_obj_set_int(o, "moves", (int64_t)r->n_moves);
    json_obj_set_int(o, "voluntary", (int64_t)r->n_voluntary);
    json_obj_set_int(o, "directed", (int64_t)r->n_directed);
    json_obj_set_int(o, "requests", r->requests);
    json_obj_set_int(o, "requests_granted", r->requests_granted);
    json_obj_set_int(o, "requests_granted_baseline",
                     r->requests_granted_baseline);
    json_obj_set_fixed(o, "km_total", r->km_total_centi, 2);
    json_obj_set_int(o, "cost", r->cost);
    return o;
}

/* "reasons": the deciding code first, then the rest in contract order. */
static void
set_reasons(struct json_obj *o, unsigned set, int deciding)
{
    enum plan_reason order[PLAN_R_N];
    const char *codes[PLAN_R_N];
    size_t n = plan_reasons_order(set, deciding, order);
    for (size_t k = 0; k < n; k++) {
        codes[k] = plan_reason_code(order[k]);
    }
    json_obj_set_strs(o, "reasons", codes, (int)n);
}

static enum err
move_doc(const struct planning *pl, const struct plan_result *r,
         const struct plan_move *m, const char *nama, struct json_obj **out)
{
    const struct plan_problem *p = &pl->prob;
    const struct plan_pair *a = &p->pairs[m->from_pair];
    const struct plan_pair *b = &p->pairs[m->to_pair];
    struct buf text;
    buf_init(&text, 0);
    enum err rc = plan_move_text(p, r, m, &text);
    if (rc != ERR_OK) {
        buf_cleanup(&text);
        return rc;
    }
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "nip", p->staff[m->staff].nip);
    json_obj_set_str(o, "nama", nama ? nama : "");
    json_obj_set_str(o, "jabatan_asal", p->jabs[a->jab].kode);
    json_obj_set_str(o, "jabatan_tujuan", p->jabs[b->jab].kode);
    json_obj_set_str(o, "unit_asal", p->units[a->unit].kode);
    json_obj_set_str(o, "unit_tujuan", p->units[b->unit].kode);
    json_obj_set_str(o, "jenis", m->aps ? "aps" : "penugasan");
    if (m->aps) {
        json_obj_set_int(o, "pilihan_ke", m->pilihan_ke);
    } else {
        json_obj_set_null(o, "pilihan_ke");
    }
    json_obj_set_fixed(o, "km", m->km_centi, 2);
    json_obj_set_bool(o, "jarak_diketahui", m->km_from != PLAN_KM_UNKNOWN);
    json_obj_set_bool(o, "ganti_jabatan", a->jab != b->jab);
    if (m->sementara_sampai != DATE_NONE) {
        char day[DATE_STR_LEN];
        date_format(m->sementara_sampai, day);
        json_obj_set_str(o, "sementara_sampai", day);
    } else {
        json_obj_set_null(o, "sementara_sampai");
    }
    json_obj_set_str(o, "penjelasan", buf_str(&text));
    set_reasons(o, m->reasons, m->deciding);
    buf_cleanup(&text);
    *out = o;
    return ERR_OK;
}

/* The names of the movers of 'r', read from the store: names are wanted
 * for them only, so the planner does not hold a nation's millions. */
struct mover_names {
    struct map at; /* NIP -> move index + 1. */
    char **nama;   /* Per move; NULL until read. */
};

static enum err
keep_name(void *ctx, const char *nip, const char *nama)
{
    struct mover_names *n = ctx;
    void *at = NULL;
    if (map_find(&n->at, nip, &at) && n->nama[(uintptr_t)at - 1] == NULL) {
        n->nama[(uintptr_t)at - 1] = xstrdup(nama ? nama : "");
    }
    return ERR_OK;
}

static enum err
read_names(struct store *st, const struct planning *pl,
           const struct plan_result *r, struct mover_names *n)
{
    const char **nips = xcalloc(r->n_moves + 1, sizeof(*nips));
    map_init(&n->at);
    n->nama = xcalloc(r->n_moves + 1, sizeof(*n->nama));
    for (size_t k = 0; k < r->n_moves; k++) {
        nips[k] = pl->prob.staff[r->moves[k].staff].nip;
        map_put(&n->at, nips[k], (void *)(uintptr_t)(k + 1));
    }
    enum err rc = store_pegawai_names(st, nips, r->n_moves, keep_name, n);
    free(nips);
    return rc;
}

static void
names_cleanup(struct mover_names *n, size_t count)
{
    for (size_t k = 0; n->nama != NULL && k < count; k++) {
        free(n->nama[k]);
    }
    free(n->nama);
    map_cleanup(&n->at);
}

enum err
planning_document(struct store *st, const struct planning *pl,
                  const struct planning_request *q, const struct plan_result *r,
                  struct json_obj **out)
{
    struct mover_names names;
    enum err rc = read_names(st, pl, r, &names);
    if (rc != ERR_OK) {
        names_cleanup(&names, r->n_moves);
        return rc;
    }
    struct json_obj *doc = json_obj_create();
    struct json_obj *plan = json_obj_create();
    char day[DATE_STR_LEN];
    date_format(pl->prob.day, day);
    json_obj_set_str(plan, "name", q->name);
    json_obj_set_str(plan, "mode", planning_mode_words[q->opts.mode]);
    json_obj_set_str(plan, "as_of", day);
    json_obj_set_obj(plan, "settings", settings_doc(pl, &q->opts));
    json_obj_set_obj(doc, "plan", plan);
    json_obj_set_obj(doc, "summary", summary_doc(r));
    json_obj_set_empty_array(doc, "moves");
    for (size_t k = 0; k < r->n_moves && rc == ERR_OK; k++) {
        struct json_obj *m = NULL;
        rc = move_doc(pl, r, &r->moves[k], names.nama[k], &m);
        if (rc == ERR_OK) {
            json_obj_push(doc, "moves", m);
        }
    }
    names_cleanup(&names, r->n_moves);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    *out = doc;
    return ERR_OK;
}

enum err
planning_explain(const struct planning *pl, const struct plan_result *r,
                 size_t i, struct json_obj **out)
{
    const struct plan_problem *p = &pl->prob;
    struct buf text;
    buf_init(&text, 0);
    struct plan_why why = {0, -1};
    enum err rc = plan_explain(p, r, i, &why, &text);
    if (rc != ERR_OK) {
        buf_cleanup(&text);
        return rc;
    }
    struct json_obj *o = json_obj_create();
    long mv = r->move_of[i];
    json_obj_set_str(o, "nip", p->staff[i].nip);
    json_obj_set_bool(o, "moved", mv >= 0);
    if (mv >= 0) {
        const struct plan_move *m = &r->moves[mv];
        json_obj_set_str(o, "jenis", m->aps ? "aps" : "penugasan");
        json_obj_set_str(o, "unit_tujuan",
                         p->units[p->pairs[m->to_pair].unit].kode);
    } else {
        json_obj_set_null(o, "jenis");
        json_obj_set_null(o, "unit_tujuan");
    }
    set_reasons(o, why.set, why.deciding);
    json_obj_set_str(o, "text", buf_str(&text));
    buf_cleanup(&text);
    *out = o;
    return ERR_OK;
}

/* How long a lease on a plan's name lasts: far longer than the nation's
 * plan takes, short enough that a server that died while computing does
 * not block the name for long. */
#define LEASE_MS ((int64_t)10 * 60 * 1000)

/* Take the lease on computing plan 'name' for this process and call; the
 * holder's name says which server holds it. */
static enum err
lease_take(struct store *st, const struct planning_args *args, const char *name,
           char *lease, size_t lease_len, char *holder, size_t holder_len)
{
    static _Atomic unsigned long calls;
    char host[64] = "";
    (void)gethostname(host, sizeof(host) - 1);
    snprintf(lease, lease_len, "rencana:%s", name);
    snprintf(holder, holder_len, "%s:%ld:%lu", host, (long)getpid(),
             (unsigned long)++calls);
    int64_t now = date_now_ms();
    bool got = false;
    enum err rc =
        store_lease_take(st, lease, holder, now, now + LEASE_MS, &got);
    if (rc == ERR_OK && !got) {
        if (args->why != NULL) {
            snprintf(args->why, args->why_len,
                     L_("rencana '%s' sedang dihitung oleh server lain; "
                        "tunggu sampai selesai",
                        "plan '%s' is being computed by another server; "
                        "wait until it is done"),
                     name);
        }
        rc = ERR_CONFLICT;
    }
    return rc;
}

enum err
planning_make(struct store *st, const struct planning_args *args,
              const struct planning_request *q, const char *actor,
              struct json_obj **out)
{
    struct planning *pl = NULL;
    struct plan_result r;
    struct json_obj *doc = NULL;
    char lease[96] = "";
    char holder[128] = "";
    memset(&r, 0, sizeof(r));
    enum err rc = actor != NULL
                      ? lease_take(st, args, q->name, lease, sizeof(lease),
                                   holder, sizeof(holder))
                      : ERR_OK;
    if (rc != ERR_OK) {
        return rc;
    }
    rc = planning_load(st, args, &pl);
    rc = rc == ERR_OK ? plan_run(planning_problem(pl), &q->opts, &r) : rc;
    rc = rc == ERR_OK ? planning_document(st, pl, q, &r, &doc) : rc;
    if (rc == ERR_OK && actor != NULL) {
        rc = planning_save(st, pl, q, &r, doc, actor);
    }
    if (actor != NULL) {
        /* A failed release leaves the lease to expire: nothing is lost. */
        enum err released = store_lease_release(st, lease, holder);
        (void)released;
    }
    plan_result_cleanup(&r);
    planning_destroy(pl);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    *out = doc;
    return ERR_OK;
}

enum err
planning_save(struct store *st, const struct planning *pl,
              const struct planning_request *q, const struct plan_result *r,
              const struct json_obj *doc, const char *actor)
{
    return planning_save_fixed(st, pl, q, r, doc, actor, NULL);
}

static bool
mode_of(const char *word, enum plan_mode *out)
{
    for (int i = 0; i < 3; i++) {
        if (strcmp(word, planning_mode_words[i]) == 0) {
            *out = (enum plan_mode)i;
            return true;
        }
    }
    return false;
}

enum err
planning_load_saved(struct store *st, const struct json_obj *doc, int threads,
                    struct planning **pl, struct plan_opts *opts)
{
    char t[64];
    size_t n = settings_count();
    struct planning_setting *over = xcalloc(n + 1, sizeof(*over));
    char(*texts)[64] = xcalloc(n + 1, sizeof(*texts));
    struct planning_args a = {date_today(), over, 0, NULL, 0};
    *opts = (struct plan_opts){PLAN_COMBINED, -1, -1.0, threads, NULL};
    if (json_obj_text(doc, "plan.mode", t, sizeof(t))) {
        (void)mode_of(t, &opts->mode);
    }
    int32_t day = DATE_NONE;
    if (json_obj_text(doc, "plan.as_of", t, sizeof(t)) &&
        date_parse(t, strlen(t), &day) == ERR_OK) {
        a.day = day;
    }
    if (json_obj_text(doc, "plan.settings.max_moves", t, sizeof(t))) {
        opts->max_moves = strtol(t, NULL, 10);
    }
    if (json_obj_text(doc, "plan.settings.max_km", t, sizeof(t))) {
        opts->max_km = strtod(t, NULL);
    }
    for (size_t i = 0; i < n; i++) {
        char path[96];
        snprintf(path, sizeof(path), "plan.settings.%s", settings_at(i)->key);
        if (json_obj_text(doc, path, texts[a.n_over], sizeof(texts[0]))) {
            over[a.n_over] =
                (struct planning_setting){settings_at(i)->key, texts[a.n_over]};
            a.n_over++;
        }
    }
    enum err rc = planning_load(st, &a, pl);
    free(over);
    free(texts);
    return rc;
}

enum err
planning_rerun(struct store *st, const struct json_obj *doc, int threads,
               struct planning **pl, struct plan_result *r,
               struct plan_opts *opts)
{
    enum err rc = planning_load_saved(st, doc, threads, pl, opts);
    rc = rc == ERR_OK ? plan_run(planning_problem(*pl), opts, r) : rc;
    if (rc != ERR_OK) {
        planning_destroy(*pl);
        *pl = NULL;
    }
    return rc;
}

struct json_obj *
planning_doc_move(const struct json_obj *doc, const char *nip)
{
    size_t n = json_obj_len(doc, "moves");
    for (size_t i = 0; i < n; i++) {
        struct json_obj *m = json_obj_item(doc, "moves", i);
        char t[32];
        if (json_obj_text(m, "nip", t, sizeof(t)) && strcmp(t, nip) == 0) {
            return m;
        }
        json_obj_destroy(m);
    }
    return NULL;
}

void
planning_plan_json(const struct store_plan *p, struct json_obj *o)
{
    json_obj_set_str(o, "name", p->nama);
    json_obj_set_str(o, "mode", p->mode);
    json_obj_set_str(o, "as_of", p->as_of);
    json_obj_set_str(o, "status", p->status);
    json_obj_set_str(o, "dibuat", p->dibuat);
    json_obj_set_str(o, "dibuat_oleh", p->dibuat_oleh);
}
