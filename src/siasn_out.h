/* SPDX-License-Identifier: MIT */
/* siasn_out: the decided moves of a plan as SIASN write-back records
 * (service layer): one record per move the decree makes (the PPK's kept
 * moves; temporary surge assignments are not written back), with SIASN's
 * identifiers from the mapping table (store_siasn_id_get()). Shared by
 * 'mutasi export siasn' and 'mutasi siasn push'. */
#ifndef MUTASI_SIASN_OUT_H
#define MUTASI_SIASN_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"
#include "nip.h"

struct store;
struct buf;

#define SIASN_ID_LEN 33 /* 32 hex digits and the NUL. */

/* One side of a move: a unit or a position, its name and SIASN id ("" when
 * the mapping has none). */
struct siasn_side {
    char kode[65];
    char nama[256];
    char id[SIASN_ID_LEN];
};

/* One move to write back. */
struct siasn_move {
    char nip[NIP_LEN + 1];
    char nama[256];
    char pns_id[SIASN_ID_LEN];
    char instansi_id[SIASN_ID_LEN];
    struct siasn_side unit_lama, unit_baru, jabatan_lama, jabatan_baru;
    int jenis_jabatan;   /* SIASN's: 1 struktural, 2 fungsional, 4 pelaksana. */
    bool mutasi_jabatan; /* The position changes (MJ), else only the unit
                          * (MU). */
};

/* The moves of one decided plan. */
struct siasn_batch {
    char plan[128];
    char nomor_sk[128];
    char tanggal_sk[11]; /* dd-mm-yyyy: the day of the PPK's decision. */
    char tmt[11];        /* dd-mm-yyyy. */
    struct siasn_move *moves;
    size_t n_moves;
};

/* Load the write-back records of plan 'plan' into '*out' (cleared first;
 * free it with siasn_out_cleanup() after any result). ERR_NOTFOUND for an
 * unknown plan; ERR_CONFLICT when it is not decided yet (the reason in
 * 'why'); ERR_INVAL when a move's employee, destination unit, destination
 * position or government has no SIASN id: one line per missing id in
 * 'why' ("NIP: unit X tidak punya id SIASN"); ERR_DB. */
MUST_USE enum err siasn_out_load(struct store *st, const char *plan,
                                 struct siasn_batch *out, struct buf *why);
/* Free what 'b' holds; accepts a cleared batch. */
void siasn_out_cleanup(struct siasn_batch *b);
/* Append move 'i' of 'b' as one line of compact JSON (no newline) in
 * SIASN's write-back shape to 'out'. */
MUST_USE enum err siasn_out_record(const struct siasn_batch *b, size_t i,
                                   struct buf *out);

/* Set by hand the SIASN id 'siasn_id' of 'kode' of kind 'jenis' (unit,
 * instansi: a root unit's code, jabatan, pegawai: a NIP), with an audit
 * entry by 'actor', in one transaction. ERR_NOTFOUND when no such unit,
 * position or employee exists; ERR_INVAL for a bad kind or id, ERR_EXISTS
 * for an id another code has (the reason in store_errmsg() or 'why'). */
MUST_USE enum err siasn_id_assign(struct store *st, const char *jenis,
                                  const char *kode, const char *siasn_id,
                                  const char *actor, struct buf *why);

#endif
