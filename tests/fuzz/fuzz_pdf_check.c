/* SPDX-License-Identifier: MIT */
/* libFuzzer target for request_pdf_ok, the structure check of an uploaded
 * PDF (issue 18): arbitrary bytes, not NUL-terminated, must never crash it
 * or read outside them; what it accepts starts with %PDF- and ends with
 * %%EOF and white space. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "request.h"

/* Stays on under NDEBUG, unlike assert(). */
#define FUZZ_CHECK(cond) \
    do {                 \
        if (!(cond)) {   \
            abort();     \
        }                \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A copy of exactly 'size' bytes, so that ASan sees any read past. */
    char *copy = malloc(size > 0 ? size : 1);
    if (copy == NULL) {
        return 0;
    }
    memcpy(copy, data, size);
    if (request_pdf_ok(copy, size)) {
        FUZZ_CHECK(size >= 16 && memcmp(copy, "%PDF-", 5) == 0);
        size_t end = size;
        while (end > 0 && strchr(" \n\r\t\f", copy[end - 1]) != NULL &&
               copy[end - 1] != '\0') {
            end--;
        }
        while (end > 0 && copy[end - 1] == '\0') {
            end--;
        }
        FUZZ_CHECK(end >= 5);
    }
    free(copy);
    return 0;
}
