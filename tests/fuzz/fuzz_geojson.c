/* SPDX-License-Identifier: MIT */
/* libFuzzer target for geojson_read, the reader of 'mutasi import
 * --batas': arbitrary bytes must never crash it, and what it accepts must
 * come out as geometries that read back the same. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "geojson.h"

/* Stays on under NDEBUG, unlike assert(). */
#define FUZZ_CHECK(cond) \
    do {                 \
        if (!(cond)) {   \
            abort();     \
        }                \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The geometry 'g' wrapped in a one-feature collection. */
static enum err
reread(const struct geojson_batas *b, struct geojson_set *out)
{
    struct buf t;
    struct diag d;
    buf_init(&t, 0);
    diag_init(&d, 4);
    enum err rc = buf_addf(&t,
                           "{\"type\":\"FeatureCollection\",\"features\":[{"
                           "\"type\":\"Feature\",\"properties\":{\"kode\":"
                           "\"k\",\"nama\":\"n\",\"kecamatan_kode\":\"c\"},"
                           "\"geometry\":%s}]}",
                           b->geometri);
    FUZZ_CHECK(rc == ERR_OK);
    rc = geojson_read(t.data, t.len, "again", &d, out);
    buf_cleanup(&t);
    diag_cleanup(&d);
    return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag d;
    struct geojson_set set;
    diag_init(&d, 8);
    enum err rc = geojson_read((const char *)data, size, "fuzz", &d, &set);
    FUZZ_CHECK(rc == ERR_OK || rc == ERR_INVAL);
    FUZZ_CHECK(rc == ERR_OK || d.n_errors > 0);
    for (size_t i = 0; rc == ERR_OK && i < set.n && i < 4; i++) {
        struct geojson_set again;
        FUZZ_CHECK(reread(&set.items[i], &again) == ERR_OK);
        FUZZ_CHECK(again.n == 1);
        FUZZ_CHECK(strcmp(again.items[0].geometri, set.items[i].geometri) == 0);
        geojson_set_free(&again);
    }
    geojson_set_free(&set);
    diag_cleanup(&d);
    return 0;
}
