/* SPDX-License-Identifier: MIT */
/* gen_mataram: the mataram preset (io layer): Kota Mataram with its real
 * public units (data/mataram) and synthetic staff. Used by gen.c and
 * gen_national.c only. */
#ifndef MUTASI_GEN_MATARAM_H
#define MUTASI_GEN_MATARAM_H

#include <stddef.h>

#include "err.h"
#include "gen_cat.h"

struct gen;
struct gen_gov;

/* An office of Kota Mataram. */
struct gen_opd {
    const char *nama; /* As in data/mataram/opd.csv. */
    const char *kode; /* Our code, after "5271.". */
    enum gen_jab tech;
    int size; /* Needed staff of the office, about. */
};

/* Kota Mataram's offices and bagian of the Setda, with synthetic sizes;
 * the synthetic governments of gen_national.c copy them. */
extern const struct gen_opd gen_mataram_opd[];
extern const size_t gen_mataram_n_opd;

/* Build Kota Mataram's units into the empty 'gv', drawing from g->rng.
 * The error of the CSV reader, or ERR_INTERNAL, when the embedded data do
 * not parse (tests check them). */
MUST_USE enum err gen_mataram_build(struct gen *g, struct gen_gov *gv);

#endif
