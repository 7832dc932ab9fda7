/* SPDX-License-Identifier: MIT */
/* progress: one status line on a terminal for long work (base layer):
 * how much is done, the rate and, when the total is known, the percent
 * and the time left ("impor: 45% · 1.234.567 baris · 51.000 baris/detik
 * · sisa 0:12"). Shown only on a terminal (stderr) and when the command
 * was not given --quiet; otherwise every call is a no-op, so logs, pipes
 * and tests see nothing. The line is redrawn at most five times a second
 * and cleared at the end. Safe to update from several threads. */
#ifndef MUTASI_PROGRESS_H
#define MUTASI_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

struct progress;

/* Allow progress lines at all (the CLI turns them off for --quiet);
 * they also need stderr to be a terminal. On by default. */
void progress_allow(bool on);

/* Start a line labelled 'label' ("impor") counting 'what' ("baris",
 * already in the user's language). 'total' is the amount that 'done'
 * reaches at the end (bytes, rows, governments), or <= 0 when unknown.
 * NULL when progress is not shown; every function accepts NULL. */
struct progress *progress_begin(const char *label, const char *what,
                                int64_t total);
/* 'done' of the total so far and 'count' items (rows) behind it; for
 * work counted in its own items, 'done' == 'count'. */
void progress_set(struct progress *p, int64_t done, int64_t count);
/* One more item done ('done' and 'count' both + 1), from any thread. */
void progress_step(struct progress *p);
/* Clear the line and free 'p'. */
void progress_end(struct progress *p);

#endif
