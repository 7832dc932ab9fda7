/* SPDX-License-Identifier: MIT */
/* web_throttle: the login throttle (web layer): exact counts of failures
 * per key (a login with an address, or an address), a wait that doubles
 * past a limit, and forgetting a key 15 minutes after its last failure.
 * The counts live in the database (store_throttle_*), so that every
 * server behind a load balancer sees the same failures: the sixth bad
 * attempt is refused whichever server it reaches. Times are wall-clock
 * milliseconds, which the servers of one deployment share. */
#ifndef MUTASI_WEB_THROTTLE_H
#define MUTASI_WEB_THROTTLE_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"

struct store;

#define WEB_THROTTLE_MAX_WAIT  900 /* Seconds: the longest wait. */
#define WEB_THROTTLE_FORGET_MS ((int64_t)15 * 60 * 1000)

/* The seconds 'key' must still wait at 'now_ms' into '*wait', 0 when it
 * may try now. */
MUST_USE enum err web_throttle_wait(struct store *st, const char *key,
                                    int64_t now_ms, int *wait);
/* Count a failed attempt of 'key' at 'now_ms': from the 'limit'-th on,
 * each failure makes it wait, 1 s doubling up to WEB_THROTTLE_MAX_WAIT.
 * A success ('failed' false) forgets 'key'. Now and then a failure also
 * sweeps the keys that are stale, so that a flood of distinct keys costs
 * rows for 15 minutes at most. */
MUST_USE enum err web_throttle_note(struct store *st, const char *key,
                                    int limit, bool failed, int64_t now_ms);

#endif
