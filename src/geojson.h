/* SPDX-License-Identifier: MIT */
/* geojson: the boundaries of kelurahan and kecamatan read from a GeoJSON
 * FeatureCollection (io layer), parsed by the project's JSON reader
 * (json.h). Problems are "FILE:LINE:COLUMN: message": a syntax error at
 * its line and column in the text; a content error with the feature's
 * number in 'features' as LINE (1 for the collection itself), COLUMN 1,
 * and the message starting with the value's path, e.g.
 * "features[3].geometry.coordinates[0][4]: ...". Pure: it stores
 * nothing.
 *
 * Each Feature has a Polygon or MultiPolygon geometry ([lon, lat]
 * positions, rings of at least four positions whose first and last are
 * equal) and the properties:
 *   kode            the area's code (required, unique in the file)
 *   nama            its name (required)
 *   jenis           "kelurahan" (default) or "kecamatan"
 *   kecamatan_kode  the code of its kecamatan (required for a kelurahan)
 *   kecamatan       the name of its kecamatan (optional) */
#ifndef MUTASI_GEOJSON_H
#define MUTASI_GEOJSON_H

#include <stddef.h>

#include "err.h"

struct diag;

#define GEOJSON_MAX_BYTES    (64L * 1024 * 1024) /* A file read at most. */
#define GEOJSON_MAX_FEATURES 20000
#define GEOJSON_MAX_DEPTH    32 /* Nesting of arrays and objects. */

/* One area: strings owned by its set. 'geometri' is the geometry as
 * compact GeoJSON, coordinates with at most 6 decimals (about 0.1 m). */
struct geojson_batas {
    char *kode;
    char *nama;
    char *jenis;          /* "kelurahan" or "kecamatan". */
    char *kecamatan_kode; /* NULL for a kecamatan. */
    char *kecamatan;      /* Name; NULL when not given. */
    char *geometri;
    long n_titik; /* Positions in its rings. */
};

struct geojson_set {
    struct geojson_batas *items;
    size_t n;
    size_t cap;
};

/* Read the 'len' bytes of 'text' (the file 'file', for messages) into
 * 'out' (empty first). ERR_INVAL with the problems in 'd' when it is not a
 * valid FeatureCollection of boundaries; then 'out' is left empty. */
MUST_USE enum err geojson_read(const char *text, size_t len, const char *file,
                               struct diag *d, struct geojson_set *out);
/* Free what 'set' holds and leave it empty; accepts NULL. */
void geojson_set_free(struct geojson_set *set);

#endif
