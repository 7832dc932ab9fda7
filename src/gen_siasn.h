/* SPDX-License-Identifier: MIT */
/* gen_siasn: a generated data set in SIASN's shape (io layer): our unit,
 * jabatan and pegawai CSV (as gen_run() writes them) become SIASN's files
 * (siasn.h): data_asn.csv ('|' separated, SIASN's headings, d-m-Y dates,
 * "'" before the NIP), ref-unor.json and the three jabatan lists, with
 * stable synthetic 32-hex ids, plus mutasi's own columns for what SIASN
 * does not have (unit kind and coordinates, kompetensi, requirements,
 * homes), so that 'import --from siasn' of them loads the same data as
 * 'import' of the CSV. No real person's data: it only reshapes gen's. */
#ifndef MUTASI_GEN_SIASN_H
#define MUTASI_GEN_SIASN_H

#include <stdio.h>

#include "err.h"
#include "siasn.h"

/* Read the CSV streams 'unit', 'jabatan' and 'pegawai' (from their start)
 * and write the SIASN files to 'out' (indexed by enum siasn_file).
 * ERR_IO when a stream fails, ERR_INVAL when the CSV is not gen's. */
MUST_USE enum err gen_siasn_write(FILE *unit, FILE *jabatan, FILE *pegawai,
                                  FILE *const *out);

#endif
