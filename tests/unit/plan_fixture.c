/* SPDX-License-Identifier: MIT */
/* The shared fixture of the planner suites (test_plan.c for the directed
 * planner, test_plan_voluntary.c for the voluntary one): a problem built
 * by hand in one 'struct fx', the checks' context, the ';'-list rule of
 * competencies, and the results held until the group teardown.
 *
 * Each suite is one binary built from its test_*.c alone (the Makefile
 * builds one per tests/unit/test_*.c), so each includes this file once as
 * part of its own translation unit; it stays a .c so that 'make fmt' and
 * 'make lint' check it with the tests. Its functions are static inline: a
 * suite that uses only some of them compiles without unused warnings.
 * Nothing here calls the planner's internals: only the public API. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abk.h"
#include "date.h"
#include "model.h"
#include "plan.h"
#include "settings.h"

#define FX_UNITS  16
#define FX_JABS   8
#define FX_PAIRS  64
#define FX_STAFF  64
#define ROOT_SELF SIZE_MAX
#define NO_UNIT   SIZE_MAX /* An unknown unit in a request (-1). */
#define NONE      MODEL_COORD_NONE

/* One problem, owned in one place; fx_finish() points 'p' at the arrays. */
struct fx {
    struct settings s;
    int32_t day;
    struct plan_unit units[FX_UNITS];
    struct plan_jabatan jabs[FX_JABS];
    struct plan_pair pairs[FX_PAIRS];
    struct plan_staff staff[FX_STAFF];
    struct plan_request requests[FX_STAFF]; /* By plan_staff.req - 1. */
    size_t n_requests;
    size_t n_units;
    size_t n_jabs;
    size_t n_pairs;
    size_t n_staff;
    int n_fill;
    char ucode[FX_UNITS][32];
    char jcode[FX_JABS][16];
    struct plan_problem p;
};

/* What the checks name when they fail. */
static char ctx[96] = "";

#define CHECK(c)                                                           \
    do {                                                                   \
        if (!(c)) {                                                        \
            fail_msg("%s: check failed: %s (line %d)", ctx, #c, __LINE__); \
        }                                                                  \
    } while (0)

#define CHECK_EQ(a, b)                                                       \
    do {                                                                     \
        long long a_ = (long long)(a);                                       \
        long long b_ = (long long)(b);                                       \
        if (a_ != b_) {                                                      \
            fail_msg("%s: %s is %lld, expected %lld (%s; line %d)", ctx, #a, \
                     a_, b_, #b, __LINE__);                                  \
        }                                                                    \
    } while (0)

/* ---- The fixture ------------------------------------------------------ */

static inline void
fx_init(struct fx *f, int32_t day)
{
    memset(f, 0, sizeof(*f));
    ctx[0] = '\0';
    settings_defaults(&f->s);
    f->day = day;
}

/* Unit 'kode' at ('lat', 'lon'), in the government whose root is 'root'
 * (ROOT_SELF: it is the root). */
static inline size_t
fx_unit_at(struct fx *f, const char *kode, enum unit_jenis jenis, double lat,
           double lon, size_t root)
{
    assert_true(f->n_units < FX_UNITS);
    size_t i = f->n_units++;
    struct plan_unit *u = &f->units[i];
    u->kode = kode;
    u->nama = kode;
    u->jenis = jenis;
    u->lat = lat;
    u->lon = lon;
    u->root = root == ROOT_SELF ? i : root;
    return i;
}

/* Unit 'kode' without coordinates. */
static inline size_t
fx_unit(struct fx *f, const char *kode, enum unit_jenis jenis, size_t root)
{
    return fx_unit_at(f, kode, jenis, NONE, NONE, root);
}

static inline size_t
fx_jab(struct fx *f, const char *kode, enum jabatan_jenis jenis, size_t klass,
       const char *kompetensi)
{
    assert_true(f->n_jabs < FX_JABS);
    size_t i = f->n_jabs++;
    struct plan_jabatan *j = &f->jabs[i];
    j->kode = kode;
    j->nama = kode;
    j->jenis = jenis;
    j->klass = klass;
    j->kompetensi = kompetensi;
    j->pendidikan_min = -1;
    j->golongan_min = -1;
    j->golongan_max = -1;
    return i;
}

/* An analysed pair with need 'n' (no surge); h is counted at the end.
 * Pairs must be added in unit code, then jabatan code order. */
static inline size_t
fx_pair(struct fx *f, size_t unit, size_t jab, int64_t n)
{
    assert_true(f->n_pairs < FX_PAIRS);
    size_t i = f->n_pairs++;
    struct plan_pair *q = &f->pairs[i];
    q->unit = unit;
    q->jab = jab;
    q->analysed = true;
    q->n = n;
    q->n_perm = n;
    q->need_num = n * abk_den(&f->s);
    q->surge_until = DATE_NONE;
    return i;
}

/* The number written by the 'len' digits at 's'. */
static inline int
digits(const char *s, int len)
{
    int v = 0;
    for (int k = 0; k < len; k++) {
        v = v * 10 + (s[k] - '0');
    }
    return v;
}

/* Employee 'nip' in 'pair': PNS, 36 months in the unit, ten years from
 * retirement, no sanction, no competencies, no home, no request, SKP
 * 'baik' in both years the rules read, education and golongan unknown;
 * appointed in the month that the NIP names. Returns the record to adjust
 * before fx_finish(), which sorts the staff by NIP (pointers then go
 * stale). */
static inline struct plan_staff *
fx_staff(struct fx *f, const char *nip, size_t pair)
{
    assert_true(f->n_staff < FX_STAFF);
    assert_int_equal(strlen(nip), NIP_LEN);
    struct plan_staff *e = &f->staff[f->n_staff++];
    memset(e, 0, sizeof(*e));
    memcpy(e->nip, nip, NIP_LEN + 1);
    int y = digits(nip + 8, 4);
    int m = digits(nip + 12, 2);
    e->pair = pair;
    e->status = STATUS_PNS;
    e->tmt_unit = date_add_months(f->day, -36);
    e->tmt_pensiun = date_add_months(f->day, 120);
    e->angkat = date_from_ymd(y, m >= 1 && m <= 12 ? m : 1, 1);
    e->current = true;
    e->lat = NONE;
    e->lon = NONE;
    e->pendidikan = -1;
    e->golongan = -1;
    for (int k = 0; k < PLAN_SKP_YEARS; k++) {
        e->skp[k] = SKP_BAIK;
    }
    return e;
}

/* 'count' plain employees without a request in 'pair' (NIPs
 * 197001012000011NNN). */
static inline void
fx_fill(struct fx *f, size_t pair, int count)
{
    for (int k = 0; k < count; k++) {
        char nip[32];
        snprintf(nip, sizeof(nip), "197001012000011%03d", f->n_fill++ % 1000);
        fx_staff(f, nip, pair);
    }
}

/* The request of 'e' (of 'f'), to adjust before fx_finish(). When 'e' has
 * none, a new one: no units yet (all unknown), reason 'lainnya', made 30
 * days before the plan date. */
static inline struct plan_request *
fx_req(struct fx *f, struct plan_staff *e)
{
    if (e->req == 0) {
        assert_true(f->n_requests < FX_STAFF);
        struct plan_request *q = &f->requests[f->n_requests++];
        memset(q, 0, sizeof(*q));
        q->alasan = ALASAN_LAINNYA;
        q->tanggal = f->day - 30;
        for (int k = 0; k < MODEL_MAX_PILIHAN; k++) {
            q->pilihan[k] = -1;
        }
        e->req = (uint32_t)f->n_requests;
    }
    return &f->requests[e->req - 1];
}

/* The request of staff 'i' of 'f', read from the fixture's own arrays;
 * without one, a request that asks for nothing (n_pilihan 0). */
static inline const struct plan_request *
fx_request(const struct fx *f, size_t i)
{
    static const struct plan_request none = {0, {0}, 0, 0};
    uint32_t q = f->staff[i].req;
    return q != 0 ? &f->requests[q - 1] : &none;
}

/* Give 'e' an open request for reason 'why' and the 'n' units that follow
 * (size_t; NO_UNIT for an unknown one), in order; returns it. */
static inline struct plan_request *
fx_ask(struct fx *f, struct plan_staff *e, enum permohonan_alasan why, int n,
       ...)
{
    va_list ap;
    assert_true(n >= 1 && n <= MODEL_MAX_PILIHAN);
    struct plan_request *q = fx_req(f, e);
    va_start(ap, n);
    q->n_pilihan = (int8_t)n;
    for (int k = 0; k < n; k++) {
        size_t u = va_arg(ap, size_t);
        q->pilihan[k] = u == NO_UNIT ? -1 : (int32_t)u;
    }
    va_end(ap);
    q->alasan = why;
    return q;
}

static inline int
by_nip(const void *a, const void *b)
{
    return strcmp(((const struct plan_staff *)a)->nip,
                  ((const struct plan_staff *)b)->nip);
}

/* Sort the staff by NIP, count h per pair, check the pair order and
 * point the problem at the arrays. */
static inline void
fx_finish(struct fx *f)
{
    if (f->n_staff > 1) {
        qsort(f->staff, f->n_staff, sizeof(f->staff[0]), by_nip);
    }
    for (size_t i = 0; i < f->n_pairs; i++) {
        f->pairs[i].h = 0;
        if (i > 0) {
            const struct plan_pair *a = &f->pairs[i - 1];
            const struct plan_pair *b = &f->pairs[i];
            int c = strcmp(f->units[a->unit].kode, f->units[b->unit].kode);
            if (c == 0) {
                c = strcmp(f->jabs[a->jab].kode, f->jabs[b->jab].kode);
            }
            assert_true(c < 0);
        }
    }
    uint64_t reqs_seen = 0; /* FX_STAFF bits. */
    for (size_t i = 0; i < f->n_staff; i++) {
        assert_true(f->staff[i].pair < f->n_pairs);
        /* Each request belongs to one record (its index moved with it). */
        uint32_t q = f->staff[i].req;
        assert_true(q <= f->n_requests);
        assert_true(q == 0 || !(reqs_seen & (UINT64_C(1) << (q - 1))));
        reqs_seen |= q != 0 ? UINT64_C(1) << (q - 1) : 0;
        assert_true(i == 0 || strcmp(f->staff[i - 1].nip, f->staff[i].nip) < 0);
        f->pairs[f->staff[i].pair].h++;
    }
    for (size_t i = 0; i < f->n_units; i++) {
        assert_true(f->units[i].root < f->n_units);
    }
    struct plan_problem p = {.s = &f->s,
                             .day = f->day,
                             .den = abk_den(&f->s),
                             .units = f->units,
                             .n_units = f->n_units,
                             .jabs = f->jabs,
                             .n_jabs = f->n_jabs,
                             .pairs = f->pairs,
                             .n_pairs = f->n_pairs,
                             .staff = f->staff,
                             .n_staff = f->n_staff,
                             .requests = f->requests,
                             .n_requests = f->n_requests};
    f->p = p;
}

static inline size_t
fx_find(const struct fx *f, const char *nip)
{
    for (size_t i = 0; i < f->n_staff; i++) {
        if (strcmp(f->staff[i].nip, nip) == 0) {
            return i;
        }
    }
    fail_msg("no employee %s", nip);
    return 0;
}

/* ---- Competencies, by the contract's rule ----------------------------- */

/* Is tag 'tag' ('len' bytes) in the ';'-list 'list'? */
static inline bool
has_tag(const char *list, const char *tag, size_t len)
{
    while (list != NULL && *list != '\0') {
        const char *end = strchr(list, ';');
        size_t n = end != NULL ? (size_t)(end - list) : strlen(list);
        if (n == len && memcmp(list, tag, len) == 0) {
            return true;
        }
        list = end != NULL ? end + 1 : NULL;
    }
    return false;
}

/* Does the ';'-list 'held' hold every tag of 'required'? */
static inline bool
ref_holds(const char *required, const char *held)
{
    while (required != NULL && *required != '\0') {
        const char *end = strchr(required, ';');
        size_t n = end != NULL ? (size_t)(end - required) : strlen(required);
        if (n > 0 && !has_tag(held, required, n)) {
            return false;
        }
        required = end != NULL ? end + 1 : NULL;
    }
    return true;
}

/* ---- Results held until the teardown ---------------------------------- */

/* Results not yet freed, so that a failed check (which leaves its test
 * by longjmp) leaks nothing: the group teardown frees them. */
#define MAX_HELD 64
static struct plan_result held[MAX_HELD];
static bool held_used[MAX_HELD];

/* Keep 'r' (just from plan_run()) until done() or the teardown. */
static inline void
hold(const struct plan_result *r)
{
    size_t k = 0;
    while (k < MAX_HELD && held_used[k]) {
        k++;
    }
    assert_true(k < MAX_HELD);
    held[k] = *r;
    held_used[k] = true;
}

/* Free 'r', held by hold(). */
static inline void
done(struct plan_result *r)
{
    for (size_t k = 0; k < MAX_HELD; k++) {
        if (held_used[k] && held[k].h_after == r->h_after) {
            held_used[k] = false;
        }
    }
    plan_result_cleanup(r);
    memset(r, 0, sizeof(*r));
}

/* The group teardown: free every result still held. */
static inline int
release_held(void **state)
{
    (void)state;
    for (size_t k = 0; k < MAX_HELD; k++) {
        if (held_used[k]) {
            plan_result_cleanup(&held[k]);
            held_used[k] = false;
        }
    }
    return 0;
}

/* ---- The explanations' words (contract section 5 explain) ------------- */

/* The 'n' ASCII digits at 's' followed by a non-digit. */
static inline bool
digits_at(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9') {
            return false;
        }
    }
    return s[n] < '0' || s[n] > '9';
}

/* The first ISO date (\d{4}-\d{2}-\d{2}) in 's', or NULL. */
static inline const char *
iso_date_in(const char *s)
{
    for (const char *q = s; strlen(q) >= 10; q++) {
        bool shape = true;
        for (int k = 0; k < 10 && shape; k++) {
            bool dash = k == 4 || k == 7;
            shape = dash ? q[k] == '-' : q[k] >= '0' && q[k] <= '9';
        }
        if (shape) {
            return q;
        }
    }
    return NULL;
}

/* A distance in 's' ("<digit> km"), or NULL. */
static inline const char *
distance_in(const char *s)
{
    for (const char *q = strstr(s, " km"); q != NULL;
         q = strstr(q + 1, " km")) {
        if (q > s && q[-1] >= '0' && q[-1] <= '9') {
            return q;
        }
    }
    return NULL;
}

/* Fail unless 'text', read by the employee with NIP 'own', speaks the
 * reader's language: no slot values, costs or plan value, no ISO date,
 * no distance when 'km_known' is false (and never "0,00 km" unless that
 * is the known distance), no 18-digit number but the reader's own NIP. */
static inline void
fx_check_text(const char *text, const char *own, bool km_known, bool zero_km)
{
    static const char *const banned[] = {"formasi ke-",   "senilai", "biaya",
                                         "nilai rencana", "slot",    "NIP "};
    for (size_t k = 0; k < sizeof(banned) / sizeof(banned[0]); k++) {
        if (strstr(text, banned[k]) != NULL) {
            fail_msg("%s: \"%s\" in: %s", ctx, banned[k], text);
        }
    }
    if (iso_date_in(text) != NULL) {
        fail_msg("%s: ISO date in: %s", ctx, text);
    }
    if (!km_known && distance_in(text) != NULL) {
        fail_msg("%s: a distance without coordinates in: %s", ctx, text);
    }
    for (const char *q = strstr(text, "0,00 km"); q != NULL && !zero_km;
         q = strstr(q + 1, "0,00 km")) {
        if (q == text || q[-1] < '0' || q[-1] > '9') {
            fail_msg("%s: \"0,00 km\" in: %s", ctx, text);
        }
    }
    for (const char *q = text; *q != '\0'; q++) {
        bool start = q == text || q[-1] < '0' || q[-1] > '9';
        if (start && digits_at(q, NIP_LEN) && strncmp(q, own, NIP_LEN) != 0) {
            fail_msg("%s: another employee's NIP in: %s", ctx, text);
        }
    }
}

/* Fail unless the reasons 'w' hold their deciding code and, for a move
 * 'm' (or NULL), jarak_terdekat rests on a known distance. */
static inline void
fx_check_why(const struct plan_why *w, const struct plan_move *m)
{
    if (w->set != 0) {
        CHECK(w->deciding >= 0 && w->deciding < PLAN_R_N);
        CHECK(w->set & PLAN_BIT(w->deciding));
        enum plan_reason order[PLAN_R_N];
        size_t n = plan_reasons_order(w->set, w->deciding, order);
        CHECK_EQ(n, __builtin_popcount(w->set));
        CHECK_EQ(order[0], w->deciding);
        for (size_t k = 2; k < n; k++) {
            CHECK(order[k - 1] < order[k]);
        }
    }
    if (m != NULL && (m->reasons & PLAN_BIT(PLAN_R_JARAK_TERDEKAT))) {
        CHECK(m->km_from != PLAN_KM_UNKNOWN);
    }
    if (m != NULL && m->km_from == PLAN_KM_UNKNOWN) {
        CHECK_EQ(m->km_centi, 0);
    }
}

/* The sentence of move 'm' of 'r' (or, with 'm' NULL, the explanation of
 * staff 'i' into '*w') into the static 'out': the buffer is freed before
 * the checks, which leave by longjmp. */
static inline void
fx_text(const struct fx *f, const struct plan_result *r,
        const struct plan_move *m, size_t i, struct plan_why *w, char *out,
        size_t len)
{
    struct buf b;
    buf_init(&b, 0);
    enum err rc = m != NULL ? plan_move_text(&f->p, r, m, &b)
                            : plan_explain(&f->p, r, i, w, &b);
    snprintf(out, len, "%s", buf_str(&b));
    buf_cleanup(&b);
    assert_int_equal(rc, ERR_OK);
}

/* Check every move's text and every employee's explanation of 'r'. */
static inline void
fx_check_texts(const struct fx *f, const struct plan_result *r)
{
    static char text[8192];
    for (size_t k = 0; k < r->n_moves; k++) {
        const struct plan_move *m = &r->moves[k];
        fx_text(f, r, m, 0, NULL, text, sizeof(text));
        fx_check_text(text, f->staff[m->staff].nip,
                      m->km_from != PLAN_KM_UNKNOWN, m->km_centi == 0);
        struct plan_why w = {m->reasons, m->deciding};
        fx_check_why(&w, m);
    }
    for (size_t i = 0; i < f->n_staff; i++) {
        struct plan_why w = {0, -1};
        fx_text(f, r, NULL, i, &w, text, sizeof(text));
        long mv = r->move_of[i];
        const struct plan_move *m = mv >= 0 ? &r->moves[mv] : NULL;
        fx_check_text(text, f->staff[i].nip,
                      m != NULL && m->km_from != PLAN_KM_UNKNOWN,
                      m != NULL && m->km_centi == 0);
        fx_check_why(&w, m);
    }
}
