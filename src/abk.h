/* SPDX-License-Identifier: MIT */
/* abk: the official workload analysis, Analisis Beban Kerja (core layer;
 * domain.md section 3, contract section 4). Exact arithmetic: workload in
 * millionths of a minute, needs as fractions over one common denominator,
 * efficiency ratings decided on the exact ratio. No I/O.
 *
 * Raw needs of every method share the denominator abk_den(): task rows
 * give minutes / WKE, 'jp' rows hours / 24, 'rombel' and 'tetap' rows a
 * whole number; all are 'num' / abk_den() exactly. */
#ifndef MUTASI_ABK_H
#define MUTASI_ABK_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "model.h"

struct settings;

/* The workload and staff of one (unit, jabatan) as of a date. */
struct abk_pair {
    bool has_rows; /* Has workload rows at all: analysed. */
    enum beban_metode metode;
    int64_t micro;       /* Task minutes of rows counting, x 1e6. */
    int64_t micro_perm;  /* The same without surge rows. */
    int64_t milli;       /* Volumes of other methods, x 1000. */
    int64_t milli_perm;  /* The same without surge rows. */
    int32_t surge_until; /* Latest berlaku_sampai of counted surge
                          * rows; DATE_NONE when none. */
    long h;              /* Staff in post (bezetting), without the
                          * part-time PPPK. */
    long h_pns;
    long h_pppk;
    long h_cpns;
    long h_pppk_pw; /* Part-time PPPK, counted apart. */
};

/* The analysis of one pair or of a group of pairs. */
struct abk_result {
    bool analysed;       /* False: staff without workload rows. */
    int64_t beban_milli; /* Task minutes x 1000, rounded; -1 when the
                          * pair's method is not 'tugas' (or a group). */
    int64_t need_num;    /* Raw need = need_num / abk_den(). */
    int64_t bulat;       /* Rounded need (kebutuhan_bulat). */
    int64_t bulat_perm;  /* Rounded need counting no surge rows. */
    long h; /* With the part-time PPPK at their weight (pppk_pw_bobot),
             * rounded half up. */
    long h_pns;
    long h_pppk;
    long h_cpns;
    long h_pppk_pw; /* Part-time PPPK, whatever their weight. */
    bool jp_band;   /* A 'jp' pair: PJ is B over the whole 24-40 JP band
                     * (domain.md section 3); false for groups. */
};

/* The key of a (unit, jabatan) pair in a map64, from the caller's numbers
 * for them, both 1 or more: 'unit' above bit 24, 'jabatan' (below 2^24)
 * in the low 24 bits, so never 0, exact and compact for the millions of
 * pairs of a nation. */
uint64_t abk_pair_key(uint64_t unit, uint64_t jabatan);
/* Add workload row 'b' to pair 'p' as of 'day'. ERR_INVAL when its method
 * differs from the pair's; ERR_TOOBIG when the sums would overflow. */
MUST_USE enum err abk_pair_add_row(struct abk_pair *p, const struct beban *b,
                                   int32_t day);
/* The common denominator of raw needs under settings 's'. */
int64_t abk_den(const struct settings *s);
/* Analyse pair 'p' under 's' into '*out'. ERR_TOOBIG on overflow. */
MUST_USE enum err abk_pair_result(const struct settings *s,
                                  const struct abk_pair *p,
                                  struct abk_result *out);
/* Add the analysed result 'r' into group 'sum', which starts zeroed
 * (rounded needs are summed, never re-rounded; task minutes summed over
 * the task pairs, -1 when there are none); results that are not analysed
 * are left out. ERR_TOOBIG on overflow. */
MUST_USE enum err abk_sum(struct abk_result *sum, const struct abk_result *r);
/* 'num' / abk_den() in thousandths, rounded half up. */
int64_t abk_milli(const struct settings *s, int64_t num);
/* Efficiency EJ = raw need / staff in thousandths, rounded half up; -1
 * when 'r->h' is 0. */
int64_t abk_ej_milli(const struct settings *s, const struct abk_result *r);
/* The rating A-E of EJ decided on the exact ratio; '\0' when 'r->h' is
 * 0. A 'jp' pair ('r->jp_band') is B from pj_b up to 40/24 (a load of 24
 * to 40 JP a week per teacher), A above it; groups and other pairs use the
 * table of settings pj_a to pj_d. */
char abk_pj(const struct settings *s, const struct abk_result *r);

#endif
