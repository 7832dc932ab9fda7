/* SPDX-License-Identifier: MIT */
/* import_siasn: loads a folder of BKN's SIASN files (service layer): the
 * export of employees and the reference lists of units and positions (see
 * siasn.h for the files), mapped to our records and written through the
 * same checks and the same all-or-nothing transaction as our CSV files
 * (import.h). SIASN's ids are kept beside our codes (store_siasn_id_*):
 * a later export updates by id, so a unit, a position and an employee keep
 * their code. What SIASN does not have (coordinates, workload rows,
 * requests, ratings, kompetensi) is never removed. Before writing it
 * works out what changed per employee (the reconciliation). */
#ifndef MUTASI_IMPORT_SIASN_H
#define MUTASI_IMPORT_SIASN_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "import.h"

struct store;
struct diag;

/* One line of the reconciliation: what changed for one employee. */
struct siasn_change {
    const char *perubahan; /* baru, pindah, naik_pangkat, ganti_jabatan,
                            * pensiun, keluar, hilang. */
    char *nip;
    char *nama;
    char *sebelum; /* NULL when none. */
    char *sesudah; /* NULL when none. */
};

/* A unit's kind guessed from its name, for review. */
struct siasn_guess {
    char *kode;
    char *nama;
    const char *jenis;
    bool sure; /* False: no word of the name told it (lainnya). */
};

struct siasn_report {
    struct siasn_change *changes;
    size_t n_changes;
    size_t cap_changes;
    struct siasn_guess *guesses;
    size_t n_guesses;
    size_t cap_guesses;
    long n_before;   /* Employees in the database before. */
    long n_inactive; /* Rows of the export that are not active staff. */
};

struct import_siasn_opts {
    bool dry_run;  /* Check and report everything, write nothing. */
    bool progress; /* A status line on a terminal. */
    /* Our own beban files in the folder replace the app's surge rows too
     * (import --replace-api-rows). */
    bool replace_app_rows;
};

/* Load the SIASN folder 'dir' into 'st' as 'actor'; any of our own CSV
 * files in it (beban*.csv, permohonan*.csv, kinerja*.csv ...) load in the
 * same transaction. Problems go to 'd' as FILE:LINE:COLUMN. ERR_NOINPUT
 * when a required file is missing; otherwise as import_files(). '*rep'
 * (free it with siasn_report_cleanup()) gets the changes and guesses,
 * also for a dry run. */
MUST_USE enum err import_siasn(struct store *st, const char *dir,
                               const char *actor,
                               const struct import_siasn_opts *o,
                               struct diag *d, struct import_stats *stats,
                               struct siasn_report *rep);
void siasn_report_cleanup(struct siasn_report *rep);

#endif
