/* SPDX-License-Identifier: MIT */
/* gen_data: Kota Mataram's public reference data (the CSV files of
 * data/mataram, see its SOURCES.md), embedded in the program by scripts/embed
 * at build time (io layer), so that 'mutasi gen' needs no files beside the
 * binary. */
#ifndef MUTASI_GEN_DATA_H
#define MUTASI_GEN_DATA_H

#include <stddef.h>

extern const char gen_data_kecamatan[];
extern const size_t gen_data_kecamatan_len;
extern const char gen_data_kelurahan[];
extern const size_t gen_data_kelurahan_len;
extern const char gen_data_opd[];
extern const size_t gen_data_opd_len;
extern const char gen_data_puskesmas[];
extern const size_t gen_data_puskesmas_len;
extern const char gen_data_sekolah[];
extern const size_t gen_data_sekolah_len;
/* The boundaries of the 50 kelurahan (GeoJSON), for 'mutasi demo'. */
extern const char gen_data_kelurahan_batas[];
extern const size_t gen_data_kelurahan_batas_len;

#endif
