/* SPDX-License-Identifier: MIT */
/* gen_int: what the files of the generator share (io layer): its state,
 * the government being built and the writers of gen.c. Included only by
 * gen.c, gen_staff.c, gen_mataram.c and gen_national.c (like SQLite's
 * btreeInt.h); the rest of mutasi sees gen.h. */
#ifndef MUTASI_GEN_INT_H
#define MUTASI_GEN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "err.h"
#include "gen.h"
#include "gen_cat.h"
#include "model.h"
#include "nip.h"
#include "rec.h"
#include "rng.h"
#include "settings.h"

#define GEN_KODE_LEN 48
#define GEN_NAMA_LEN 120

/* How a unit is staffed (gen_staff.c). */
enum gen_tmpl {
    TM_ROOT,
    TM_OPD,
    TM_BAGIAN,
    TM_KECAMATAN,
    TM_KELURAHAN,
    TM_SD,
    TM_SMP,
    TM_PKM,
    TM_RSUD
};

struct gen_unit {
    char kode[GEN_KODE_LEN];
    char nama[GEN_NAMA_LEN];
    char induk[GEN_KODE_LEN];
    char kec[40];
    enum unit_jenis jenis;
    enum gen_tmpl tmpl;
    double lat;
    double lon;
    enum gen_jab tech; /* An office's own technical position, or J_N. */
    int size;          /* Office size, in needed staff. */
    int rombel[6];     /* Study groups per grade (schools). */
    bool rawat_inap;   /* A puskesmas with inpatient care. */
    int surge;         /* 1 or 2: a dated dengue surge; 0: none. */
};

/* One employee, kept for the requests of its government. */
struct gen_person {
    char nip[NIP_LEN + 1];
    int unit;
    enum gen_jab jab;
    bool aps_ok; /* Eligible for a transfer at own request. */
    double lat;
    double lon;
};

struct gen_gov {
    char kode[24];
    char nama[GEN_NAMA_LEN];
    double lat;
    double lon;
    struct gen_unit *units;
    size_t n_units;
    size_t cap_units;
    struct gen_person *people;
    size_t n_people;
    size_t cap_people;
};

/* The NIPs handed out, so that no number is used twice. */
struct gen_nipset {
    uint64_t *slots; /* 0 marks an empty slot. */
    size_t cap;      /* A power of two. */
    size_t n;
};

struct gen {
    const struct gen_opts *o;
    FILE *const *out;
    struct gen_stats *stats;
    struct rng rng; /* The current government's stream. */
    struct gen_nipset nips;
    struct buf line;
    int32_t today;            /* GEN_DATE as a day number. */
    double scale;             /* Size multiplier of units (mataram preset). */
    struct settings defaults; /* For the retirement rules. */
    enum err rc;              /* First write error. */
};

/* Write the row in g->line to the stream of kind 'k', count it and empty
 * the line. The first write error stays in g->rc. */
void gen_put_line(struct gen *g, enum rec_kind k);
/* Keep 'rc' in g->rc unless an error is already there. */
void gen_check(struct gen *g, enum err rc);
/* Append a unit to 'gv' without coordinates or technical position; the
 * pointer lives until the next unit is added. 'induk' may be NULL. */
struct gen_unit *gen_add_unit(struct gen_gov *gv, const char *kode,
                              const char *nama, const char *induk,
                              enum unit_jenis jenis, enum gen_tmpl tm);
/* Draw the study groups of 'n_grades' grades of school 'u', each in
 * ['lo', 'hi'] scaled by g->scale, at least 1. */
void gen_draw_rombel(struct gen *g, struct gen_unit *u, int lo, int hi,
                     int n_grades);
/* A point near ('lat', 'lon'), within about 'spread' degrees, into
 * '*olat' and '*olon'. */
void gen_near(struct gen *g, double lat, double lon, double spread,
              double *olat, double *olon);

#endif
