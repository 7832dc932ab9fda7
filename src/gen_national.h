/* SPDX-License-Identifier: MIT */
/* gen_national: the provinsi and nasional presets (io layer): governments
 * with wholly synthetic units, shaped like NTB's kab/kota or the nation's.
 * Used by gen.c only. */
#ifndef MUTASI_GEN_NATIONAL_H
#define MUTASI_GEN_NATIONAL_H

#include "err.h"

struct gen;
struct gen_gov;

/* The governments of the provinsi preset (NTB's kabupaten and kota) and
 * of the nasional preset (38 provinces and 514 kabupaten and kota). */
#define GEN_NATIONAL_N_PROVINSI 10
#define GEN_NATIONAL_N_NASIONAL 552

/* Build government 'i' (< GEN_NATIONAL_N_PROVINSI) of NTB into the empty
 * 'gv': Kota Mataram is the real one (gen_mataram_build()), the others
 * synthetic. Errors as gen_mataram_build(). */
MUST_USE enum err gen_national_build_provinsi(struct gen *g, struct gen_gov *gv,
                                              long i);
/* Build government 'i' (< GEN_NATIONAL_N_NASIONAL) of the nation into
 * the empty 'gv': each of 38 provinces first, then its kabupaten and
 * kota. Errors as gen_mataram_build(). */
MUST_USE enum err gen_national_build_nasional(struct gen *g, struct gen_gov *gv,
                                              long i);

#endif
