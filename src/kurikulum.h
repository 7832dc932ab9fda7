/* SPDX-License-Identifier: MIT */
/* kurikulum: the weekly lesson hours (JP) of each subject per study group
 * and grade, by curriculum, as a versioned table of data (core layer;
 * domain.md section 3, teachers). Kurikulum Merdeka is the default and
 * Kurikulum 2013 the older table, chosen by the setting 'kurikulum'. The
 * table and its sources are in kurikulum.c. No I/O. */
#ifndef MUTASI_KURIKULUM_H
#define MUTASI_KURIKULUM_H

#include <stdbool.h>

/* The curricula, in the order of the setting's words. */
enum kurikulum { KURIKULUM_MERDEKA, KURIKULUM_K13, KURIKULUM_N };

/* Subjects a local government staffs with its own teachers. */
enum mapel {
    MAPEL_AGAMA, /* Each religion alike (taught to its own pupils). */
    MAPEL_PANCASILA,
    MAPEL_BINDO,
    MAPEL_MTK,
    MAPEL_IPA,
    MAPEL_IPS,
    MAPEL_BING,
    MAPEL_PJOK,
    MAPEL_INFORMATIKA,
    MAPEL_SENI,     /* Merdeka: "Seni (dan Prakarya)", one of them. */
    MAPEL_PRAKARYA, /* Kurikulum 2013 only: Merdeka folds it into SENI. */
    MAPEL_N
};

/* The version of the table; bump it when a number changes. */
#define KURIKULUM_TABLE_VERSION "2026-12-06"

/* The curriculum named 'name' ("merdeka", "k13") into '*out'; false when
 * there is none. */
bool kurikulum_parse(const char *name, enum kurikulum *out);
/* The setting's word for 'k' ("merdeka", "k13"). */
const char *kurikulum_name(enum kurikulum k);
/* Weekly JP of subject 'm' for one study group of 'grade' (1-6 SD, 7-9
 * SMP) under curriculum 'k': the table's hours a year over the weeks of
 * that grade's year (36; 32 in the final grade). 0 when the subject is not
 * taught in that grade or 'grade' is out of range. */
int kurikulum_jp(enum kurikulum k, enum mapel m, int grade);

#endif
