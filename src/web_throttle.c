/* SPDX-License-Identifier: MIT */
/* web_throttle: the login throttle (web layer); see web_throttle.h. */
#include "web_throttle.h"

#include <stdatomic.h>

#include "store.h"

#define SWEEP_EVERY 256 /* Failures noted by this process between sweeps. */

static atomic_uint notes;

enum err
web_throttle_wait(struct store *st, const char *key, int64_t now_ms, int *wait)
{
    struct store_throttle t;
    *wait = 0;
    enum err rc = store_throttle_get(st, key, &t);
    int64_t left = rc == ERR_OK ? t.sampai - now_ms : 0;
    *wait = left > 0 ? (int)((left + 999) / 1000) : 0;
    return rc;
}

enum err
web_throttle_note(struct store *st, const char *key, int limit, bool failed,
                  int64_t now_ms)
{
    if (!failed) {
        return store_throttle_clear(st, key);
    }
    struct store_throttle t;
    enum err rc =
        store_throttle_fail(st, key, now_ms, WEB_THROTTLE_FORGET_MS, &t);
    if (rc == ERR_OK && t.gagal >= limit) {
        long doubling = t.gagal - limit;
        int64_t wait =
            doubling >= 10 ? WEB_THROTTLE_MAX_WAIT : (int64_t)1 << doubling;
        wait = wait > WEB_THROTTLE_MAX_WAIT ? WEB_THROTTLE_MAX_WAIT : wait;
        rc = store_throttle_wait(st, key, now_ms + wait * 1000);
    }
    if (rc == ERR_OK && atomic_fetch_add(&notes, 1) % SWEEP_EVERY == 0) {
        rc = store_throttle_sweep(st, now_ms, WEB_THROTTLE_FORGET_MS);
    }
    return rc;
}
