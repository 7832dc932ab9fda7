/* SPDX-License-Identifier: MIT */
/* keadaan: staff who are not in post (services layer). On a day D an
 * employee is in post when the record in force on D places them, their
 * TMT pensiun (the BUP of that record's jabatan) is after D and they are
 * not on study leave (tugas belajar) — the ABK's bezetting counts exactly
 * these (part-time PPPK apart). Lists and profiles mark the others: past
 * retirement, on study leave, or with a move decided but not yet in force
 * (their current record starts after D). */
#ifndef MUTASI_KEADAAN_H
#define MUTASI_KEADAAN_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "model.h"

struct store;
struct json_obj;
struct keadaan;

#define KEADAAN_PENSIUN       (1u << 0) /* TMT pensiun on or before D. */
#define KEADAAN_TUGAS_BELAJAR (1u << 1) /* On study leave. */
#define KEADAAN_PINDAH        (1u << 2) /* A move waits for its TMT. */

/* What the marks need of database 'st' on 'day': the settings in force,
 * every jabatan's BUP and the unit tree. ERR_DB (store_errmsg()). */
MUST_USE enum err keadaan_load(struct store *st, int32_t day,
                               struct keadaan **out);
/* Free 'k'; accepts NULL. */
void keadaan_destroy(struct keadaan *k);
/* TMT pensiun of someone born 'lahir' in jabatan 'jabatan'. */
int32_t keadaan_tmt_pensiun(const struct keadaan *k, int32_t lahir,
                            const char *jabatan);
/* The marks of employee 'p' on the day (0: in post as recorded). */
unsigned keadaan_of(const struct keadaan *k, const struct pegawai *p);
/* Add "tmt_pensiun" and "keadaan" (the marks' codes: "pensiun",
 * "tugas_belajar", "pindah") of 'p' to 'o'. */
void keadaan_json(const struct keadaan *k, const struct pegawai *p,
                  struct json_obj *o);

/* The staff of unit 'root' and the units under it on the day. */
struct keadaan_count {
    long dalam_jabatan; /* In post (the ABK's bezetting). */
    long pppk_pw;       /* Part-time PPPK in post, counted apart. */
    long pensiun;       /* Placed here, past retirement. */
    long tugas_belajar; /* Placed here, on study leave. */
    long pindah_masuk;  /* Current record here, starting after the day. */
};
/* Count 'out' from the records in force on the day. ERR_DB. */
MUST_USE enum err keadaan_count_unit(struct store *st, const struct keadaan *k,
                                     const char *root,
                                     struct keadaan_count *out);
/* The counts as an object "pegawai" of 'o'. */
void keadaan_count_json(const struct keadaan_count *c, struct json_obj *o);

#endif
