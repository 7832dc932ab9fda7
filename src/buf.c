/* SPDX-License-Identifier: MIT */
/* buf: growable byte buffer with a cap (base layer). */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

void
buf_init(struct buf *b, size_t max)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max;
}

void
buf_cleanup(struct buf *b)
{
    if (b == NULL) {
        return;
    }
    free(b->data);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void
buf_reset(struct buf *b)
{
    b->len = 0;
    if (b->data != NULL) {
        b->data[0] = '\0';
    }
}

enum err
buf_add(struct buf *b, const void *p, size_t len)
{
    if (b->max != 0 && (len > b->max || b->len > b->max - len)) {
        return ERR_TOOBIG;
    }
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + len + 1) {
            cap *= 2;
        }
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
    if (len > 0) {
        memcpy(b->data + b->len, p, len);
    }
    b->len += len;
    b->data[b->len] = '\0';
    return ERR_OK;
}

enum err
buf_adds(struct buf *b, const char *s)
{
    return buf_add(b, s, strlen(s));
}

enum err
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
    char small[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof(small), fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        return ERR_INTERNAL;
    }
    if ((size_t)n < sizeof(small)) {
        return buf_add(b, small, (size_t)n);
    }
    char *big = xmalloc((size_t)n + 1);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    enum err rc = buf_add(b, big, (size_t)n);
    free(big);
    return rc;
}

enum err
buf_addf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    enum err rc = buf_vaddf(b, fmt, ap);
    va_end(ap);
    return rc;
}

const char *
buf_str(const struct buf *b)
{
    return b->data ? b->data : "";
}

char *
buf_take(struct buf *b)
{
    char *p = b->data ? b->data : xstrdup("");
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    return p;
}
