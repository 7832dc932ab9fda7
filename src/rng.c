/* SPDX-License-Identifier: MIT */
/* rng: SplitMix64 (base layer). Ranges of up to 2^32 values use Lemire's
 * multiply-shift, whose tiny bias is irrelevant for synthetic data and keeps
 * every platform's output identical. */
#include "rng.h"

#include <assert.h>

static uint64_t
mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void
rng_init(struct rng *r, uint64_t seed, uint64_t stream)
{
    r->state = mix(seed ^ mix(stream + 0x9E3779B97F4A7C15ULL));
}

/* The next 64 random bits. */
static uint64_t
rng_next(struct rng *r)
{
    r->state += 0x9E3779B97F4A7C15ULL;
    return mix(r->state);
}

int64_t
rng_range(struct rng *r, int64_t lo, int64_t hi)
{
    assert(lo <= hi);
    uint64_t span = (uint64_t)(hi - lo) + 1;
    if (span == 0) {
        return (int64_t)rng_next(r); /* The whole 64-bit range. */
    }
    if (span > 0xFFFFFFFFULL) {
        return lo + (int64_t)(rng_next(r) % span);
    }
    return lo + (int64_t)(((rng_next(r) >> 32) * span) >> 32);
}

bool
rng_chance(struct rng *r, int permille)
{
    return rng_range(r, 0, 999) < permille;
}

int
rng_pick(struct rng *r, int n)
{
    return (int)rng_range(r, 0, n - 1);
}
