/* SPDX-License-Identifier: MIT */
/* buf: a growable byte buffer, always NUL-terminated (base layer), like
 * curl's dynbuf. The fields are visible so that callers can allocate it;
 * only buf.c touches them. */
#ifndef MUTASI_BUF_H
#define MUTASI_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "err.h"

struct buf {
    char *data; /* NUL-terminated bytes, or NULL while empty. */
    size_t len; /* Bytes used, without the NUL. */
    size_t cap; /* Bytes allocated. */
    size_t max; /* Cap on 'len'; 0 means no cap. */
};

/* Prepare 'b' as empty, holding at most 'max' bytes (0: no cap). */
void buf_init(struct buf *b, size_t max);
/* Free the bytes of 'b' and leave it empty; accepts NULL. */
void buf_cleanup(struct buf *b);
/* Forget the contents of 'b' but keep its memory. */
void buf_reset(struct buf *b);
/* Append 'len' bytes of 'p'. ERR_TOOBIG when the cap would be passed (then
 * 'b' is unchanged). */
MUST_USE enum err buf_add(struct buf *b, const void *p, size_t len);
/* Append the NUL-terminated 's'; see buf_add(). */
MUST_USE enum err buf_adds(struct buf *b, const char *s);
/* Append formatted text; see buf_add(). */
MUST_USE enum err buf_addf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append formatted text from 'ap'; see buf_add(). */
MUST_USE enum err buf_vaddf(struct buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* The contents as a C string: "" while empty, valid until the next change. */
const char *buf_str(const struct buf *b);
/* Move the contents out: the caller frees the result (never NULL); 'b' is
 * left empty. */
char *buf_take(struct buf *b);

#endif
