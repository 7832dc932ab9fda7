/* SPDX-License-Identifier: MIT */
/* namebook: the names of units and positions by code (service layer),
 * so that a spreadsheet or a table shows "Dinas Kesehatan" beside
 * "5271.DINKES" and "Perawat Ahli Pertama" beside its code. */
#ifndef MUTASI_NAMEBOOK_H
#define MUTASI_NAMEBOOK_H

#include "err.h"

struct store;
struct namebook;

/* Every unit's and position's name of 'st' into a new '*out'
 * (namebook_destroy()). ERR_DB. */
MUST_USE enum err namebook_load(struct store *st, struct namebook **out);
void namebook_destroy(struct namebook *nb);
/* The name of unit / position 'kode', or NULL when unknown (or 'kode' is
 * NULL); lives as long as 'nb'. */
const char *namebook_unit(const struct namebook *nb, const char *kode);
const char *namebook_jabatan(const struct namebook *nb, const char *kode);

/* The words for people of a move's kind: "aps" -> "Atas permintaan
 * sendiri", "penugasan" -> "Penugasan"; any other text as it is. */
const char *namebook_jenis_pindah(const char *jenis);

#endif
