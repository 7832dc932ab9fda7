/* SPDX-License-Identifier: MIT */
/* import_batas: loads the boundaries of kelurahan and kecamatan that the
 * map draws from a GeoJSON FeatureCollection (service layer). A new file
 * replaces the boundaries stored before, in one transaction; any problem
 * leaves the database as it was. */
#ifndef MUTASI_IMPORT_BATAS_H
#define MUTASI_IMPORT_BATAS_H

#include <stddef.h>

#include "err.h"

struct store;
struct diag;

/* What was loaded. */
struct import_batas_stats {
    long n_kelurahan;
    long n_kecamatan;
    long n_titik; /* Positions of all rings. */
};

/* Load the GeoJSON file 'path' into 'st' as 'actor' (recorded in the
 * audit log). A kelurahan without a 'kecamatan' name takes the name of
 * the unit whose code is its 'kecamatan_kode', when there is one.
 * Problems go to 'd' as "FILE:LINE:COLUMN: message". ERR_NOINPUT when
 * the file cannot be read, ERR_TOOBIG past GEOJSON_MAX_BYTES, ERR_INVAL
 * for bad data, ERR_DB (text in store_errmsg()) for the database. */
MUST_USE enum err import_batas_file(struct store *st, const char *path,
                                    const char *actor, struct diag *d,
                                    struct import_batas_stats *out);
/* The same for the 'len' bytes of 'text', named 'name' in messages. */
MUST_USE enum err import_batas_text(struct store *st, const char *text,
                                    size_t len, const char *name,
                                    const char *actor, struct diag *d,
                                    struct import_batas_stats *out);

#endif
