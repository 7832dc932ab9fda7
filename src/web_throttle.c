/* SPDX-License-Identifier: MIT */
/* web_throttle: the login throttle (web layer); see web_throttle.h. */
#include "web_throttle.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"
#include "mem.h"

#define FORGET_MS ((int64_t)15 * 60 * 1000) /* How long a failure counts. */
#define SWEEP_MIN 1024 /* Keys before stale ones are swept. */

/* The failures of one key. */
struct entry {
    int failures;  /* Counted since the last success or expiry. */
    int64_t last;  /* Monotonic ms of the last failure. */
    int64_t until; /* No attempt before this monotonic ms. */
};

struct web_throttle {
    pthread_mutex_t lock; /* Guards what follows. */
    struct map keys;      /* Key -> struct entry *. */
    size_t sweep_at;      /* Keys at which stale ones are swept next. */
};

struct web_throttle *
web_throttle_create(void)
{
    struct web_throttle *t = xcalloc(1, sizeof(*t));
    pthread_mutex_init(&t->lock, NULL);
    map_init(&t->keys);
    t->sweep_at = SWEEP_MIN;
    return t;
}

static bool
drop_all(void *ctx, void *value)
{
    (void)ctx;
    free(value);
    return true;
}

void
web_throttle_destroy(struct web_throttle *t)
{
    if (t == NULL) {
        return;
    }
    map_prune(&t->keys, drop_all, NULL);
    map_cleanup(&t->keys);
    pthread_mutex_destroy(&t->lock);
    free(t);
}

static bool
is_stale(const struct entry *e, int64_t now)
{
    return now >= e->until && now - e->last > FORGET_MS;
}

static bool
drop_stale(void *ctx, void *value)
{
    bool stale = is_stale(value, *(const int64_t *)ctx);
    if (stale) {
        free(value);
    }
    return stale;
}

int
web_throttle_wait(struct web_throttle *t, const char *key, int64_t now_ms)
{
    void *v = NULL;
    int64_t left = 0;
    pthread_mutex_lock(&t->lock);
    if (map_find(&t->keys, key, &v)) {
        left = ((struct entry *)v)->until - now_ms;
    }
    pthread_mutex_unlock(&t->lock);
    return left > 0 ? (int)((left + 999) / 1000) : 0;
}

/* The entry of 'key' (created empty; a stale one starts again); t->lock
 * is held. The map is swept of stale keys when its keys have doubled, so
 * that a flood of distinct keys costs memory for 15 minutes at most. */
static struct entry *
entry_of(struct web_throttle *t, const char *key, int64_t now)
{
    void *v = NULL;
    if (map_find(&t->keys, key, &v)) {
        struct entry *e = v;
        if (is_stale(e, now)) {
            memset(e, 0, sizeof(*e));
        }
        return e;
    }
    if (t->keys.n_items >= t->sweep_at) {
        map_prune(&t->keys, drop_stale, &now);
        t->sweep_at =
            t->keys.n_items * 2 > SWEEP_MIN ? t->keys.n_items * 2 : SWEEP_MIN;
    }
    struct entry *e = xcalloc(1, sizeof(*e));
    map_put(&t->keys, key, e);
    return e;
}

void
web_throttle_note(struct web_throttle *t, const char *key, int limit,
                  bool failed, int64_t now_ms)
{
    pthread_mutex_lock(&t->lock);
    struct entry *e = entry_of(t, key, now_ms);
    if (!failed) {
        memset(e, 0, sizeof(*e));
    } else {
        e->failures++;
        e->last = now_ms;
        if (e->failures >= limit) {
            int doubling = e->failures - limit;
            int64_t wait =
                doubling >= 10 ? WEB_THROTTLE_MAX_WAIT : (int64_t)1 << doubling;
            wait = wait > WEB_THROTTLE_MAX_WAIT ? WEB_THROTTLE_MAX_WAIT : wait;
            e->until = now_ms + wait * 1000;
        }
    }
    pthread_mutex_unlock(&t->lock);
}

size_t
web_throttle_count(struct web_throttle *t)
{
    pthread_mutex_lock(&t->lock);
    size_t n = t->keys.n_items;
    pthread_mutex_unlock(&t->lock);
    return n;
}
