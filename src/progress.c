/* SPDX-License-Identifier: MIT */
/* progress: a status line for long work on a terminal (base layer). */
#include "progress.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"

#define REDRAW_NS 200000000LL /* At most five lines a second. */

struct progress {
    pthread_mutex_t lock;
    const char *label;
    const char *what;
    int64_t total;
    int64_t done;
    int64_t count;
    int64_t t0;   /* Start, ns. */
    int64_t last; /* Last redraw, ns. */
    size_t width; /* Of the last line drawn, to clear it. */
};

static bool allowed = true;

void
progress_allow(bool on)
{
    allowed = on;
}

static int64_t
now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* 'v' with dots between thousands, as Indonesian writes numbers, or
 * commas in English. */
static void
grouped(int64_t v, char *out, size_t len)
{
    char digits[32];
    int n =
        snprintf(digits, sizeof(digits), "%lld", (long long)(v < 0 ? 0 : v));
    size_t o = 0;
    for (int i = 0; i < n && o + 2 < len; i++) {
        if (i > 0 && (n - i) % 3 == 0) {
            out[o++] = diag_english() ? ',' : '.';
        }
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

/* Redraw the line of 'p' (its lock held). */
static void
draw(struct progress *p, int64_t t)
{
    char line[200];
    char count[32];
    char rate[32];
    double secs = (double)(t - p->t0) / 1e9;
    int64_t per_s = secs > 0 ? (int64_t)((double)p->count / secs) : 0;
    grouped(p->count, count, sizeof(count));
    grouped(per_s, rate, sizeof(rate));
    int n = 0;
    if (p->total > 0) {
        int pct = (int)(p->done * 100 / p->total);
        double left =
            p->done > 0 ? secs * (double)(p->total - p->done) / (double)p->done
                        : 0;
        long l = (long)(left + 0.5);
        n = snprintf(line, sizeof(line),
                     L_("%s: %d%% \xc2\xb7 %s %s \xc2\xb7 %s %s/detik \xc2\xb7 "
                        "sisa %ld:%02ld",
                        "%s: %d%% \xc2\xb7 %s %s \xc2\xb7 %s %s/s \xc2\xb7 "
                        "%ld:%02ld left"),
                     p->label, pct > 100 ? 100 : pct, count, p->what, rate,
                     p->what, l / 60, l % 60);
    } else {
        n = snprintf(
            line, sizeof(line),
            L_("%s: %s %s \xc2\xb7 %s %s/detik", "%s: %s %s \xc2\xb7 %s %s/s"),
            p->label, count, p->what, rate, p->what);
    }
    size_t w = n < 0 ? 0 : (size_t)n;
    fprintf(stderr, "\r%s%*s", line, p->width > w ? (int)(p->width - w) : 0,
            "");
    fflush(stderr);
    p->width = w;
    p->last = t;
}

struct progress *
progress_begin(const char *label, const char *what, int64_t total)
{
    if (!allowed || !isatty(STDERR_FILENO)) {
        return NULL;
    }
    struct progress *p = calloc(1, sizeof(*p));
    if (p == NULL) {
        return NULL; /* Progress is a courtesy: go on without it. */
    }
    pthread_mutex_init(&p->lock, NULL);
    p->label = label;
    p->what = what;
    p->total = total;
    p->t0 = now_ns();
    p->last = p->t0;
    return p;
}

void
progress_set(struct progress *p, int64_t done, int64_t count)
{
    if (p == NULL) {
        return;
    }
    pthread_mutex_lock(&p->lock);
    p->done = done;
    p->count = count;
    int64_t t = now_ns();
    if (t - p->last >= REDRAW_NS) {
        draw(p, t);
    }
    pthread_mutex_unlock(&p->lock);
}

void
progress_step(struct progress *p)
{
    if (p == NULL) {
        return;
    }
    pthread_mutex_lock(&p->lock);
    p->done++;
    p->count++;
    int64_t t = now_ns();
    if (t - p->last >= REDRAW_NS) {
        draw(p, t);
    }
    pthread_mutex_unlock(&p->lock);
}

void
progress_end(struct progress *p)
{
    if (p == NULL) {
        return;
    }
    if (p->width > 0) {
        fprintf(stderr, "\r%*s\r", (int)p->width, "");
        fflush(stderr);
    }
    pthread_mutex_destroy(&p->lock);
    free(p);
}
