/* SPDX-License-Identifier: MIT */
/* map64: open addressing with linear probing, load factor at most 3/4
 * (base layer): with a multiplicative hash the probes stay short, and a
 * nation's 4.3 million NIPs fit in 128 MiB. */
#include "map64.h"

#include <assert.h>
#include <stdlib.h>

#include "mem.h"

void
map64_init(struct map64 *m)
{
    m->keys = NULL;
    m->vals = NULL;
    m->cap = 0;
    m->n_items = 0;
}

void
map64_cleanup(struct map64 *m)
{
    if (m != NULL) {
        free(m->keys);
        free(m->vals);
        map64_init(m);
    }
}

/* Fibonacci hashing: the product's top bits, which every bit of the key
 * reaches (its middle bits see only the key's low bits, and keys that
 * differ only high up, such as abk_pair_key()'s units, then crowd into a
 * few runs of slots). 'cap' is a power of two from 1024. */
static size_t
slot_of(const struct map64 *m, uint64_t key)
{
    int bits = __builtin_ctzll((unsigned long long)m->cap);
    size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
    while (m->keys[i] != 0 && m->keys[i] != key) {
        i = (i + 1) & (m->cap - 1);
    }
    return i;
}

static void
grow(struct map64 *m)
{
    struct map64 old = *m;
    m->cap = old.cap ? old.cap * 2 : 1024;
    m->keys = xcalloc(m->cap, sizeof(uint64_t));
    m->vals = xcalloc(m->cap, sizeof(int64_t));
    for (size_t i = 0; i < old.cap; i++) {
        if (old.keys[i] != 0) {
            size_t j = slot_of(m, old.keys[i]);
            m->keys[j] = old.keys[i];
            m->vals[j] = old.vals[i];
        }
    }
    free(old.keys);
    free(old.vals);
}

bool
map64_find(const struct map64 *m, uint64_t key, int64_t *val)
{
    if (m->cap == 0 || key == 0) {
        return false;
    }
    size_t i = slot_of(m, key);
    if (m->keys[i] != key) {
        return false;
    }
    if (val != NULL) {
        *val = m->vals[i];
    }
    return true;
}

bool
map64_add(struct map64 *m, uint64_t key, int64_t val, int64_t *old)
{
    assert(key != 0);
    if ((m->n_items + 1) * 4 > m->cap * 3) {
        grow(m);
    }
    size_t i = slot_of(m, key);
    if (m->keys[i] == key) {
        if (old != NULL) {
            *old = m->vals[i];
        }
        return false;
    }
    m->keys[i] = key;
    m->vals[i] = val;
    m->n_items++;
    return true;
}
