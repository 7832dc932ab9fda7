/* SPDX-License-Identifier: MIT */
/* map64: a compact hash map from non-zero 64-bit keys to 64-bit values
 * (base layer), for millions of numeric keys such as NIPs: 16 bytes a
 * slot, no allocation per key. No deletion. */
#ifndef MUTASI_MAP64_H
#define MUTASI_MAP64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct map64 {
    uint64_t *keys; /* 0 marks an empty slot. */
    int64_t *vals;
    size_t cap; /* A power of two, or 0. */
    size_t n_items;
};

/* Prepare the empty map 'm'. */
void map64_init(struct map64 *m);
/* Free what 'm' holds; accepts NULL. */
void map64_cleanup(struct map64 *m);
/* Add 'key' (not 0) with 'val' when it is absent and return true; when it
 * is present, return false and leave '*old' (may be NULL) its value. */
bool map64_add(struct map64 *m, uint64_t key, int64_t val, int64_t *old);
/* True when 'key' is in 'm'; then '*val' (may be NULL) gets its value. */
bool map64_find(const struct map64 *m, uint64_t key, int64_t *val);

#endif
