/* SPDX-License-Identifier: MIT */
/* xlsx_export: the spreadsheets of the HR office (service layer): the
 * workload analysis by jabatan with the PNS/PPPK/CPNS split, the moves of
 * a plan, and the nominative list of staff, each written to a stream. */
#ifndef MUTASI_XLSX_EXPORT_H
#define MUTASI_XLSX_EXPORT_H

#include <stdint.h>
#include <stdio.h>

#include "err.h"

struct store;
struct json_obj;
struct saved_plan;
struct siasn_batch;

/* The ABK of 'st' as of 'day' by jabatan, as XLSX, to 'f'. */
MUST_USE enum err xlsx_export_abk(struct store *st, int32_t day, FILE *f);
/* The moves of saved plan 'sp' with their decision so far as XLSX to
 * 'f'. */
MUST_USE enum err xlsx_export_plan(const struct saved_plan *sp, FILE *f);
/* Every employee (the nominative list) as XLSX to 'f'. */
MUST_USE enum err xlsx_export_pegawai(struct store *st, FILE *f);

/* The write-back records of a decided plan (siasn_out.h) laid out as a
 * list of proposed moves (usul mutasi) for SIASN, as XLSX to 'f'. */
MUST_USE enum err xlsx_export_siasn(const struct siasn_batch *sb, FILE *f);

/* The register of documents issued (docreg.h) as XLSX to 'f'. */
MUST_USE enum err xlsx_export_register(struct store *st, FILE *f);

#endif
