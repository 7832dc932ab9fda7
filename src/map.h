/* SPDX-License-Identifier: MIT */
/* map: a hash map from byte-string keys to pointer values (base layer),
 * open addressing with linear probing. Keys are copied; values are
 * borrowed (the map never frees them). No deletion of one key: most
 * maps live for one command or one request; a long-lived one is pruned
 * as a whole (map_prune()). */
#ifndef MUTASI_MAP_H
#define MUTASI_MAP_H

#include <stdbool.h>
#include <stddef.h>

struct map_slot;

struct map {
    struct map_slot *slots; /* 'cap' slots, a power of two, or NULL. */
    size_t cap;             /* Number of slots. */
    size_t n_items;         /* Number of keys. */
};

/* Prepare the empty map 'm'. */
void map_init(struct map *m);
/* Free the keys and slots of 'm' (not the values); accepts NULL. */
void map_cleanup(struct map *m);
/* Set 'key' to 'value', adding the key when absent. Returns true when the
 * key was new. */
bool map_put(struct map *m, const char *key, void *value);
/* True when 'key' is in 'm'; then '*value' (when not NULL) gets its value. */
bool map_find(const struct map *m, const char *key, void **value);
/* The map's own copy of 'key', valid as long as 'm', or NULL when absent. */
const char *map_key(const struct map *m, const char *key);
/* Call 'fn' for every key and value, in no particular order. */
void map_each(const struct map *m,
              void (*fn)(void *ctx, const char *key, void *value), void *ctx);

/* free() every value of 'm' (values that are malloc'd blocks or NULL);
 * the keys stay until map_cleanup(). */
void map_free_values(struct map *m);

/* Rebuild 'm' without the keys whose value 'drop' (called once per key
 * with 'ctx') answers true for; 'drop' may free such a value. */
void map_prune(struct map *m, bool (*drop)(void *ctx, void *value), void *ctx);

#endif
