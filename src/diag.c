/* SPDX-License-Identifier: MIT */
/* diag: capped message list and the language choice (base layer). */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"

bool
diag_english(void)
{
    const char *lang = getenv("LANG");
    return lang != NULL && strncmp(lang, "en", 2) == 0;
}

void
diag_init(struct diag *d, size_t max)
{
    memset(d, 0, sizeof(*d));
    d->max = max;
}

void
diag_cleanup(struct diag *d)
{
    if (d == NULL) {
        return;
    }
    for (size_t i = 0; i < d->n_lines; i++) {
        free(d->lines[i]);
    }
    free(d->lines);
    memset(d, 0, sizeof(*d));
}

/* True when 'd' keeps no more messages (later ones are only counted). */
static bool
diag_full(const struct diag *d)
{
    return d->n_lines >= d->max;
}

static void
add_location(struct buf *b, const char *file, long line, int col)
{
    enum err rc = ERR_OK;
    if (file == NULL) {
        return;
    }
    rc = buf_addf(b, "%s:", file);
    if (rc == ERR_OK && line > 0) {
        rc = buf_addf(b, "%ld:", line);
    }
    if (rc == ERR_OK && line > 0 && col > 0) {
        rc = buf_addf(b, "%d:", col);
    }
    if (rc == ERR_OK) {
        rc = buf_adds(b, " ");
    }
    (void)rc; /* The buffer has no cap: it cannot fail. */
}

bool
diag_over(const struct diag *d)
{
    return d->n_errors > d->max;
}

void
diag_add(struct diag *d, const char *file, long line, int col, const char *fmt,
         ...)
{
    struct buf b;
    va_list ap;
    if (d == NULL) {
        return;
    }
    d->n_errors++;
    if (diag_full(d)) {
        return;
    }
    buf_init(&b, 0);
    add_location(&b, file, line, col);
    va_start(ap, fmt);
    enum err rc = buf_vaddf(&b, fmt, ap);
    va_end(ap);
    (void)rc; /* No cap, so only a formatting error, which keeps the text. */
    xgrow((void **)&d->lines, &d->cap, d->n_lines + 1, sizeof(char *));
    d->lines[d->n_lines++] = buf_take(&b);
}
