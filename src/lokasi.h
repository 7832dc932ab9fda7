/* SPDX-License-Identifier: MIT */
/* lokasi: setting a unit's coordinates by hand (service layer): SIASN has
 * none, so units loaded from it arrive without; BKPSDM (or the admin) sets
 * them from the dashboard. Checked, written and audited in one step. */
#ifndef MUTASI_LOKASI_H
#define MUTASI_LOKASI_H

#include <stddef.h>

#include "err.h"

struct store;

/* Set the latitude 'lat' and longitude 'lon' of unit 'kode' as 'actor'
 * (audit entry unit/KODE/lokasi with both positions). ERR_NOTFOUND for an
 * unknown unit, ERR_INVAL (with 'why', 'why_len' bytes) for a position out
 * of range (latitude -90..90, longitude -180..180). */
MUST_USE enum err lokasi_set_unit(struct store *st, const char *actor,
                                  const char *kode, double lat, double lon,
                                  char *why, size_t why_len);

#endif
