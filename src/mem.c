/* SPDX-License-Identifier: MIT */
/* mem: aborting allocators (base layer). Out of memory is fatal here. */
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
oom(size_t size)
{
    fprintf(stderr, "mutasi: out of memory (%zu bytes)\n", size);
    abort();
}

void *
xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p == NULL) {
        oom(size);
    }
    return p;
}

void *
xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p == NULL) {
        oom(n * size);
    }
    return p;
}

void *
xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (p == NULL) {
        oom(size);
    }
    return p;
}

/* A heap copy of the first 'len' bytes of 's', NUL-terminated. */
static char *
xstrndup(const char *s, size_t len)
{
    char *p = xmalloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *
xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

void
xgrow(void **ptr, size_t *cap, size_t need, size_t size)
{
    size_t ncap = *cap ? *cap : 8;
    if (need <= *cap) {
        return;
    }
    while (ncap < need) {
        ncap *= 2;
    }
    if (ncap > (size_t)-1 / size) {
        oom((size_t)-1);
    }
    *ptr = xrealloc(*ptr, ncap * size);
    *cap = ncap;
}
