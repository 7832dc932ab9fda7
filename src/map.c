/* SPDX-License-Identifier: MIT */
/* map: string-keyed hash map, open addressing (base layer). The load
 * factor stays at or below 1/2 so that probes stay short. */
#include "map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

struct map_slot {
    char *key;   /* Owned copy; NULL marks an empty slot. */
    void *value; /* Borrowed. */
    uint64_t hash;
};

static uint64_t
hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a. */
    for (; *s != '\0'; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h ^ (h >> 29);
}

void
map_init(struct map *m)
{
    m->slots = NULL;
    m->cap = 0;
    m->n_items = 0;
}

void
map_cleanup(struct map *m)
{
    if (m == NULL) {
        return;
    }
    for (size_t i = 0; i < m->cap; i++) {
        free(m->slots[i].key);
    }
    free(m->slots);
    map_init(m);
}

static struct map_slot *
probe(const struct map *m, const char *key, uint64_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        struct map_slot *s = &m->slots[i];
        if (s->key == NULL || (s->hash == h && strcmp(s->key, key) == 0)) {
            return s;
        }
    }
}

static void
grow(struct map *m)
{
    struct map old = *m;
    m->cap = old.cap ? old.cap * 2 : 16;
    m->slots = xcalloc(m->cap, sizeof(struct map_slot));
    for (size_t i = 0; i < old.cap; i++) {
        if (old.slots[i].key != NULL) {
            *probe(m, old.slots[i].key, old.slots[i].hash) = old.slots[i];
        }
    }
    free(old.slots);
}

bool
map_put(struct map *m, const char *key, void *value)
{
    if ((m->n_items + 1) * 2 > m->cap) {
        grow(m);
    }
    uint64_t h = hash_str(key);
    struct map_slot *s = probe(m, key, h);
    if (s->key != NULL) {
        s->value = value;
        return false;
    }
    s->key = xstrdup(key);
    s->value = value;
    s->hash = h;
    m->n_items++;
    return true;
}

bool
map_find(const struct map *m, const char *key, void **value)
{
    if (m->cap == 0) {
        return false;
    }
    struct map_slot *s = probe(m, key, hash_str(key));
    if (s->key == NULL) {
        return false;
    }
    if (value != NULL) {
        *value = s->value;
    }
    return true;
}

const char *
map_key(const struct map *m, const char *key)
{
    if (m->cap == 0) {
        return NULL;
    }
    return probe(m, key, hash_str(key))->key;
}

void
map_each(const struct map *m,
         void (*fn)(void *ctx, const char *key, void *value), void *ctx)
{
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key != NULL) {
            fn(ctx, m->slots[i].key, m->slots[i].value);
        }
    }
}

void
map_free_values(struct map *m)
{
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key != NULL) {
            free(m->slots[i].value);
            m->slots[i].value = NULL;
        }
    }
}

struct prune {
    struct map *kept;
    bool (*drop)(void *ctx, void *value);
    void *ctx;
};

static void
keep_or_drop(void *ctx, const char *key, void *value)
{
    struct prune *p = ctx;
    if (!p->drop(p->ctx, value)) {
        map_put(p->kept, key, value);
    }
}

void
map_prune(struct map *m, bool (*drop)(void *ctx, void *value), void *ctx)
{
    struct map kept;
    map_init(&kept);
    struct prune p = {&kept, drop, ctx};
    map_each(m, keep_or_drop, &p);
    map_cleanup(m);
    *m = kept;
}
