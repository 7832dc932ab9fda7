/* SPDX-License-Identifier: MIT */
/* planning_int: what planning.c and planning_saved.c share, private to the
 * planning module: the loaded problem with its indexes, and the mode words. */
#ifndef MUTASI_PLANNING_INT_H
#define MUTASI_PLANNING_INT_H

#include <stddef.h>

#include "buf.h"
#include "map.h"
#include "plan.h"
#include "settings.h"

struct analysis;
struct skp_read;
struct store;

struct planning {
    struct analysis *a;
    struct settings s;
    char **texts; /* Value of each setting (settings_at order), owned. */
    struct plan_problem prob;
    struct plan_unit *units;
    struct plan_jabatan *jabs; /* kode, nama, kompetensi owned. */
    size_t n_jabs;
    size_t cap_jabs;
    struct map jab_ix;   /* Code -> index + 1. */
    struct map klass_ix; /* "kelompok|jenjang" -> class + 1. */
    struct plan_pair *pairs;
    struct plan_staff *staff;
    struct plan_request *requests; /* The open requests (prob.requests). */
    size_t cap_requests;
    struct plan_staff *raw; /* Per staff in analysis order, from the hook. */
    size_t cap_raw;
    const char *last_kept; /* The last competency list interned. */
    struct map tags;       /* Interned competency lists. */
    struct map pend;       /* Education text -> level + 2 (memo_level()). */
    struct map gol;        /* Rank text -> rank + 2 (memo_level()). */
    struct skp_read *skp;  /* While loading: the ratings' reader, */
    struct store *st;      /* and the store it reads. */
};

/* The word of each enum plan_mode, as stored and in the document. */
extern const char *const planning_mode_words[3];

#endif
