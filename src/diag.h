/* SPDX-License-Identifier: MIT */
/* diag: a capped list of messages about input data, each in the form
 * "FILE:LINE:COLUMN: message" (base layer), and the choice of language
 * for people (Bahasa Indonesia, English when LANG starts with "en"). */
#ifndef MUTASI_DIAG_H
#define MUTASI_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#define DIAG_MAX_DEFAULT 50 /* Messages kept per run (contract: 50). */

/* Pick the Indonesian or the English text of a message. Both are literal
 * format strings, so that the compiler checks the arguments of each. */
#define L_(id, en) (diag_english() ? (en) : (id))

struct diag {
    char **lines;    /* Kept messages, formatted, owned. */
    size_t n_lines;  /* Number kept (at most 'max'). */
    size_t cap;      /* Allocated slots in 'lines'. */
    size_t n_errors; /* Messages reported, kept or not. */
    size_t max;      /* Cap on 'n_lines'. */
};

/* True when messages for people should be in English (LANG starts with
 * "en"); Bahasa Indonesia otherwise. */
bool diag_english(void);
/* Prepare 'd' to keep at most 'max' messages. */
void diag_init(struct diag *d, size_t max);
/* Free the messages of 'd'; accepts NULL. */
void diag_cleanup(struct diag *d);
/* Report a message about 'file' at 'line' and 'col' (both 1-based; 0 leaves
 * that part out; 'file' NULL leaves the location out). 'd' may be NULL. */
void diag_add(struct diag *d, const char *file, long line, int col,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* True when more messages were reported than 'd' keeps: a reader may stop,
 * and the reader's user says that some were left out. */
bool diag_over(const struct diag *d);

#endif
