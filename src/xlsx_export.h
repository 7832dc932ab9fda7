/* SPDX-License-Identifier: MIT */
/* xlsx_export: the spreadsheets of the HR office (service layer): the
 * workload analysis by jabatan with the PNS/PPPK/CPNS split, the moves of
 * a plan, and the nominative list of staff, each written to a stream;
 * every unit and jabatan code has its name beside it. */
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
/* The moves of saved plan 'sp' of 'st' as XLSX to 'f': each unit and
 * jabatan code with its name, the kind in words, the explanation, the
 * employee's answer (and objection), the TPK's and the PPK's decisions
 * with their notes. */
MUST_USE enum err xlsx_export_plan(struct store *st,
                                   const struct saved_plan *sp, FILE *f);
/* Every employee (the nominative list) as XLSX to 'f'. */
MUST_USE enum err xlsx_export_pegawai(struct store *st, FILE *f);
/* The units (with the parent's name), the workload rows (with the unit's
 * and jabatan's names) and the open requests (each choice with its
 * unit's name) as XLSX to 'f': the readable forms of the data whose CSV
 * keeps the import columns. */
MUST_USE enum err xlsx_export_unit(struct store *st, FILE *f);
MUST_USE enum err xlsx_export_beban(struct store *st, FILE *f);
MUST_USE enum err xlsx_export_permohonan(struct store *st, FILE *f);

/* The write-back records of a decided plan (siasn_out.h) laid out as a
 * list of proposed moves (usul mutasi) for SIASN, as XLSX to 'f'. */
MUST_USE enum err xlsx_export_siasn(const struct siasn_batch *sb, FILE *f);

/* The register of documents issued (docreg.h) as XLSX to 'f'. */
MUST_USE enum err xlsx_export_register(struct store *st, FILE *f);

#endif
