/* SPDX-License-Identifier: MIT */
/* rng: a small deterministic pseudo-random generator (base layer),
 * SplitMix64 (Steele, Lea, Flood 2014), so that synthetic data is the same
 * bytes for the same seed on every machine. Not for secrets. */
#ifndef MUTASI_RNG_H
#define MUTASI_RNG_H

#include <stdbool.h>
#include <stdint.h>

struct rng {
    uint64_t state;
};

/* Seed 'r' from 'seed' and a 'stream' number, so that independent parts
 * (one government, one unit) draw independent sequences. */
void rng_init(struct rng *r, uint64_t seed, uint64_t stream);
/* A whole number in ['lo', 'hi'] (inclusive; 'lo' <= 'hi'). */
int64_t rng_range(struct rng *r, int64_t lo, int64_t hi);
/* True with probability 'permille' / 1000. */
bool rng_chance(struct rng *r, int permille);
/* An index into a table of 'n' > 0 entries. */
int rng_pick(struct rng *r, int n);

#endif
