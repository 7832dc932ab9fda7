/* SPDX-License-Identifier: MIT */
/* gen: synthetic but realistic data sets (io layer): the five CSV files
 * of the contract for Kota Mataram (its real public units, synthetic
 * people), the province of NTB, or the whole nation. Deterministic: the
 * same options give the same bytes. Streams one government at a time, so
 * memory stays small whatever the size. Writes only to the given streams;
 * it never touches the store. */
#ifndef MUTASI_GEN_H
#define MUTASI_GEN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "err.h"
#include "kurikulum.h"
#include "rec.h"

/* The date the generated data describes (tenure, ages, open requests).
 * Fixed, not today, so that a seed always gives the same bytes. */
#define GEN_DATE_Y 2026
#define GEN_DATE_M 7
#define GEN_DATE_D 1

enum gen_preset { GEN_MATARAM, GEN_PROVINSI, GEN_NASIONAL };

struct gen_opts {
    enum gen_preset preset;
    long n_employees; /* Wanted staff, about; 0 for the preset's own. */
    uint64_t seed;
    /* Teachers' weekly JP come from this curriculum's table; 0 is the
     * setting's default, Kurikulum Merdeka. */
    enum kurikulum kurikulum;
};

struct gen_stats {
    long n_govs;
    long n_rows[REC_N_KINDS]; /* Data rows written per kind. */
    long n_pns;
    long n_pppk;
    long n_cpns;
    long n_pppk_pw; /* Part-time PPPK (mataram preset). */
};

/* The preset named 'name' (mataram, provinsi, nasional); ERR_NOTFOUND. */
MUST_USE enum err gen_preset_parse(const char *name, enum gen_preset *out);
/* Write the data set of 'o' as CSV with header rows to the streams 'out'
 * (indexed by enum rec_kind), counting into '*stats'. ERR_IO when a write
 * fails. 'progress' shows a status line (governments done, staff written,
 * rate, time left) on a terminal. */
MUST_USE enum err gen_run(const struct gen_opts *o, FILE *const *out,
                          bool progress, struct gen_stats *stats);
/* Append the README.txt text of a data set to 'out': synthetic, preset,
 * seed, counts; no timestamp. */
MUST_USE enum err gen_readme(const struct gen_opts *o,
                             const struct gen_stats *s, struct buf *out);

#endif
