/* SPDX-License-Identifier: MIT */
/* mem: allocation that aborts on out-of-memory (base layer), as Redis and
 * Kore do; callers never check for NULL. */
#ifndef MUTASI_MEM_H
#define MUTASI_MEM_H

#include <stddef.h>

/* malloc(3) that aborts with a message when memory runs out. */
void *xmalloc(size_t size);
/* calloc(3) that aborts with a message when memory runs out or 'n' × 'size'
 * overflows. */
void *xcalloc(size_t n, size_t size);
/* realloc(3) that aborts with a message when memory runs out. */
void *xrealloc(void *ptr, size_t size);
/* A heap copy of the NUL-terminated 's'; the caller frees it. */
char *xstrdup(const char *s);
/* Grow '*ptr' (an array of '*cap' elements of 'size' bytes) so that it holds
 * at least 'need' elements, doubling the capacity. */
void xgrow(void **ptr, size_t *cap, size_t need, size_t size);

#endif
