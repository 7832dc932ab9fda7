/* SPDX-License-Identifier: MIT */
/* web_throttle: the login throttle (web layer): exact counts of failures
 * per key (a login with an address, or an address), a wait that doubles
 * past a limit, and forgetting a key 15 minutes after its last failure.
 * No lossy table: a colliding key never resets another's count. Safe
 * from several threads. */
#ifndef MUTASI_WEB_THROTTLE_H
#define MUTASI_WEB_THROTTLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct web_throttle;

#define WEB_THROTTLE_MAX_WAIT 900 /* Seconds: the longest wait. */

/* A new, empty throttle (web_throttle_destroy()). */
struct web_throttle *web_throttle_create(void);
/* Free 't'; accepts NULL. */
void web_throttle_destroy(struct web_throttle *t);
/* The seconds 'key' must still wait at 'now_ms' (a monotonic clock in
 * milliseconds), 0 when it may try now. */
int web_throttle_wait(struct web_throttle *t, const char *key, int64_t now_ms);
/* Count a failed attempt of 'key' at 'now_ms': from the 'limit'-th on,
 * each failure makes it wait, 1 s doubling up to WEB_THROTTLE_MAX_WAIT.
 * A success ('failed' false) forgets 'key'. */
void web_throttle_note(struct web_throttle *t, const char *key, int limit,
                       bool failed, int64_t now_ms);
/* The keys remembered now (for tests: stale ones go in sweeps). */
size_t web_throttle_count(struct web_throttle *t);

#endif
