/* SPDX-License-Identifier: MIT */
/* abk: workload analysis in exact integers (core layer). Products that
 * may pass 64 bits (the efficiency ratio) use GCC's 128-bit integers,
 * which both our compilers have. */
#include "abk.h"

#include "date.h"
#include "settings.h"

__extension__ typedef __int128 i128;

#define MICRO_PER_MINUTE         1000000
#define JP_MILLI_PER_TEACHER     24000 /* 24 JP a week, in thousandths. */
#define JP_MILLI_MAX_PER_TEACHER 40000

/* Does workload row 'b' count on 'day'? (berlaku_mulai empty or <= day,
 * berlaku_sampai empty or >= day; both ends inclusive.) */
static bool
abk_row_counts(const struct beban *b, int32_t day)
{
    return (b->berlaku_mulai == DATE_NONE || b->berlaku_mulai <= day) &&
           (b->berlaku_sampai == DATE_NONE || b->berlaku_sampai >= day);
}

static enum err
add(int64_t *sum, int64_t v)
{
    return __builtin_add_overflow(*sum, v, sum) ? ERR_TOOBIG : ERR_OK;
}

uint64_t
abk_pair_key(uint64_t unit, uint64_t jabatan)
{
    return unit << 24 | jabatan;
}

enum err
abk_pair_add_row(struct abk_pair *p, const struct beban *b, int32_t day)
{
    bool surge = b->berlaku_sampai != DATE_NONE;
    int64_t v = b->volume_milli;
    enum err rc = ERR_OK;
    if (p->has_rows && p->metode != b->metode) {
        return ERR_INVAL;
    }
    p->has_rows = true;
    p->metode = b->metode;
    if (!abk_row_counts(b, day)) {
        return ERR_OK;
    }
    if (b->metode == METODE_TUGAS &&
        __builtin_mul_overflow(b->volume_milli,
                               b->norma_milli < 0 ? 0 : b->norma_milli, &v)) {
        return ERR_TOOBIG; /* Thousandths times thousandths: millionths. */
    }
    int64_t *all = b->metode == METODE_TUGAS ? &p->micro : &p->milli;
    int64_t *perm = b->metode == METODE_TUGAS ? &p->micro_perm : &p->milli_perm;
    rc = add(all, v);
    if (rc == ERR_OK && !surge) {
        rc = add(perm, v);
    }
    if (surge &&
        (p->surge_until == DATE_NONE || b->berlaku_sampai > p->surge_until)) {
        p->surge_until = b->berlaku_sampai;
    }
    return rc;
}

static int64_t
gcd(int64_t a, int64_t b)
{
    while (b != 0) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static int64_t
wke_micro(const struct settings *s)
{
    return s->wke_menit * MICRO_PER_MINUTE;
}

int64_t
abk_den(const struct settings *s)
{
    int64_t w = wke_micro(s);
    return w / gcd(w, JP_MILLI_PER_TEACHER) * JP_MILLI_PER_TEACHER;
}

/* Rounded need of task minutes 'micro' (x 1e6) under the settings. */
static int64_t
task_need(const struct settings *s, int64_t micro)
{
    int64_t w = wke_micro(s);
    int64_t q = micro / w;
    int64_t r = micro % w;
    if (s->pembulatan == ROUND_HALF_UP) {
        q += r >= w - r; /* r / w >= 1/2, without overflow. */
    } else if (s->pembulatan == ROUND_CEIL) {
        q += r > 0;
    }
    if (q == 0 && micro > 0 && s->kebutuhan_min_satu) {
        q = 1;
    }
    return q;
}

/* Teachers for 'milli' weekly lesson hours (x 1000): none for no hours;
 * else hours / 24 rounded down but at least 1, and one more when that
 * leaves more than 40 hours each (SKB 5 Menteri 2011). */
static int64_t
teacher_need(int64_t milli)
{
    if (milli <= 0) {
        return 0;
    }
    int64_t n = milli / JP_MILLI_PER_TEACHER;
    n = n < 1 ? 1 : n;
    return milli > JP_MILLI_MAX_PER_TEACHER * n ? n + 1 : n;
}

static int64_t
rounded_need(const struct settings *s, enum beban_metode m, int64_t v)
{
    switch (m) {
    case METODE_TUGAS:
        return task_need(s, v);
    case METODE_JP:
        return teacher_need(v);
    case METODE_ROMBEL:
    case METODE_TETAP:
        break;
    }
    return (v + 500) / 1000; /* Whole numbers (the importer checks). */
}

enum err
abk_pair_result(const struct settings *s, const struct abk_pair *p,
                struct abk_result *out)
{
    int64_t den = abk_den(s);
    int64_t unit = p->metode == METODE_TUGAS ? wke_micro(s)
                   : p->metode == METODE_JP  ? JP_MILLI_PER_TEACHER
                                             : 1000;
    int64_t v = p->metode == METODE_TUGAS ? p->micro : p->milli;
    int64_t v_perm = p->metode == METODE_TUGAS ? p->micro_perm : p->milli_perm;
    struct abk_result r = {p->has_rows,
                           -1,
                           0,
                           0,
                           0,
                           p->h,
                           p->h_pns,
                           p->h_pppk,
                           p->h_cpns,
                           p->h_pppk_pw,
                           p->has_rows && p->metode == METODE_JP};
    /* Part-time PPPK count at their weight, rounded half up. */
    r.h += (long)((s->pppk_pw_bobot_milli * p->h_pppk_pw + 500) / 1000);
    if (p->has_rows) {
        if (__builtin_mul_overflow(v, den / unit, &r.need_num)) {
            return ERR_TOOBIG;
        }
        r.bulat = rounded_need(s, p->metode, v);
        r.bulat_perm = rounded_need(s, p->metode, v_perm);
        if (p->metode == METODE_TUGAS) {
            r.beban_milli = v / 1000 + (v % 1000 >= 500);
        }
    }
    *out = r;
    return ERR_OK;
}

enum err
abk_sum(struct abk_result *sum, const struct abk_result *r)
{
    enum err rc = ERR_OK;
    if (!r->analysed) {
        return ERR_OK;
    }
    bool sum_has = sum->analysed && sum->beban_milli >= 0;
    if (r->beban_milli >= 0) {
        sum->beban_milli = (sum_has ? sum->beban_milli : 0) + r->beban_milli;
    } else if (!sum_has) {
        sum->beban_milli = -1;
    }
    sum->analysed = true;
    rc = add(&sum->need_num, r->need_num);
    rc = rc == ERR_OK ? add(&sum->bulat, r->bulat) : rc;
    rc = rc == ERR_OK ? add(&sum->bulat_perm, r->bulat_perm) : rc;
    sum->h += r->h;
    sum->h_pns += r->h_pns;
    sum->h_pppk += r->h_pppk;
    sum->h_cpns += r->h_cpns;
    sum->h_pppk_pw += r->h_pppk_pw;
    return rc;
}

/* 'num' / 'den' in thousandths, rounded half up ('num' >= 0). */
static int64_t
milli_of(i128 num, i128 den)
{
    return (int64_t)((num * 2000 + den) / (2 * den));
}

int64_t
abk_milli(const struct settings *s, int64_t num)
{
    return milli_of(num, abk_den(s));
}

int64_t
abk_ej_milli(const struct settings *s, const struct abk_result *r)
{
    if (r->h <= 0) {
        return -1;
    }
    return milli_of(r->need_num, (i128)abk_den(s) * r->h);
}

char
abk_pj(const struct settings *s, const struct abk_result *r)
{
    static const char letters[] = "ABCD";
    if (r->h <= 0) {
        return '\0';
    }
    /* EJ compared with bound b / 1000: num * 1000 against b * den * h. */
    i128 lhs = (i128)r->need_num * 1000;
    i128 scale = (i128)abk_den(s) * r->h;
    if (r->jp_band && lhs >= (i128)s->pj_milli[1] * scale) {
        /* EJ = hours / 24 / staff against 40/24: num * 24 against
         * 40 * den * h, both sides times 1000 as above. */
        return lhs * JP_MILLI_PER_TEACHER >
                       (i128)JP_MILLI_MAX_PER_TEACHER * 1000 * scale
                   ? 'A'
                   : 'B';
    }
    if (lhs > (i128)s->pj_milli[0] * scale) {
        return 'A';
    }
    for (int i = 1; i < 4; i++) {
        if (lhs >= (i128)s->pj_milli[i] * scale) {
            return letters[i];
        }
    }
    return 'E';
}
