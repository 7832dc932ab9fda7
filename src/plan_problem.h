/* SPDX-License-Identifier: MIT */
/* plan_problem: what every part of the planner shares (engine layer): the
 * problem, the options and the result, and the rules that each part asks
 * of a problem (eligibility, distance, competencies, the pair lookup).
 * Pure computation; no I/O. The planner itself is plan.h. */
#ifndef MUTASI_PLAN_PROBLEM_H
#define MUTASI_PLAN_PROBLEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "nip.h"

struct settings;
struct progress;

enum plan_mode { PLAN_VOLUNTARY, PLAN_DIRECTED, PLAN_COMBINED };

/* The reason codes of contract section 5, in its order; as bit
 * (1u << code) in a reason set. */
enum plan_reason {
    PLAN_R_STATUS,
    PLAN_R_MASA_KERJA_UNIT,
    PLAN_R_PENSIUN,
    PLAN_R_HUKUMAN_DISIPLIN,
    PLAN_R_TUGAS_BELAJAR,
    PLAN_R_IKATAN_10_TAHUN,
    PLAN_R_JABATAN_STRUKTURAL,
    PLAN_R_ABK_ASAL,
    PLAN_R_ABK_TUJUAN,
    PLAN_R_KOMPETENSI,
    PLAN_R_TIDAK_ADA_KEKURANGAN,
    PLAN_R_KALAH_PRIORITAS,
    PLAN_R_ASAL_KURANG,
    PLAN_R_TERLALU_JAUH,
    PLAN_R_LEBIH_MAHAL,
    PLAN_R_ROTASI_JATUH_TEMPO,
    PLAN_R_DIMINTA,
    PLAN_R_JARAK_TERDEKAT,
    PLAN_R_SKP,
    PLAN_R_SYARAT_JABATAN,
    PLAN_R_N
};

#define PLAN_BIT(r)      (1u << (r))
#define PLAN_CHOICE_NONE 0xff

/* Where the km of a move starts (contract section 5): nowhere (unknown:
 * the destination or both the home and the own unit lack coordinates),
 * the employee's home, or their own unit. */
enum plan_km_from { PLAN_KM_UNKNOWN, PLAN_KM_HOME, PLAN_KM_UNIT };

/* One unit of the problem. */
struct plan_unit {
    const char *kode;
    const char *nama;
    enum unit_jenis jenis;
    double lat; /* MODEL_COORD_NONE when not given. */
    double lon;
    size_t root; /* Index of its government's root unit. */
};

/* One position. Positions of one class fill each other's posts. */
struct plan_jabatan {
    const char *kode;
    const char *nama;
    enum jabatan_jenis jenis;
    size_t klass;           /* Equal for the same kelompok and jenjang. */
    const char *kompetensi; /* Required tags, ';'-separated; NULL: none. */
    /* Requirements of a move into it from another jabatan; -1: none. */
    int8_t pendidikan_min; /* enum pendidikan_level. */
    int8_t golongan_min;   /* model_golongan_rank(). */
    int8_t golongan_max;
};

/* One (unit, jabatan) as of the plan date. */
struct plan_pair {
    size_t unit;
    size_t jab;
    bool analysed;       /* Has workload rows (else never touched). */
    int64_t n;           /* kebutuhan_bulat. */
    int64_t n_perm;      /* The same without surge rows. */
    int64_t h;           /* Staff in post. */
    int64_t need_num;    /* Raw need x plan_problem.den. */
    int32_t surge_until; /* Latest end of a counted surge row, or
                          * DATE_NONE. */
};

/* The years of performance ratings (SKP) the rules read. */
#define PLAN_SKP_YEARS 2

/* An open request at own wish (contract section 4). Only a few staff have
 * one (about 3% of a nation), so it is held apart from struct plan_staff,
 * in plan_problem.requests. */
struct plan_request {
    int32_t tanggal;                    /* Date of the request. */
    int32_t pilihan[MODEL_MAX_PILIHAN]; /* Its units' indices (-1:
                                         * unknown). */
    int8_t n_pilihan;
    uint8_t alasan; /* enum permohonan_alasan. */
};

/* One employee in post on the plan date. A nation holds millions, so the
 * fields are as narrow as their values allow and ordered by size (72
 * bytes): the planner's memory is mostly these. */
struct plan_staff {
    const char *kompetensi; /* Held tags, ';'-separated; NULL: none. */
    double lat;             /* Home; MODEL_COORD_NONE when not given. */
    double lon;
    uint32_t pair; /* Where they count (plan_problem.n_pairs < 2^32). */
    int32_t tmt_unit;
    int32_t tmt_pensiun;
    int32_t angkat;        /* First day of the NIP's appointment month (PPPK:
                            * January of the year). */
    uint32_t req;          /* 1 + index in the problem's requests; 0: none (so a
                            * zeroed record has no request). */
    int16_t formasi_tahun; /* 0 when not given (then the NIP's year). */
    char nip[NIP_LEN + 1];
    int8_t pendidikan;          /* enum pendidikan_level; -1 not known. */
    int8_t golongan;            /* model_golongan_rank(); -1 none (PPPK). */
    int8_t skp[PLAN_SKP_YEARS]; /* enum skp_predikat of the years
                                 * plan_skp_year() - 1 and plan_skp_year();
                                 * -1 when not rated. */
    uint8_t status;             /* enum pegawai_status. */
    bool hukuman_disiplin;      /* Sanction or case pending. */
    bool current; /* The record in force is the current one (no posting
                   * dated after the plan date). */
};

/* A nation's 4.6 M staff make most of the planner's memory: each byte here
 * is 4.6 MB of the plan's peak. Keep the record at 72 bytes. */
_Static_assert(sizeof(struct plan_staff) == 72,
               "struct plan_staff grew: a nation's plan needs its memory");

/* The whole problem; every array is borrowed for the calls. Pairs are
 * ordered by unit code, then jabatan code; staff by NIP. */
struct plan_problem {
    const struct settings *s;
    int32_t day;
    int64_t den; /* abk_den(s). */
    const struct plan_unit *units;
    size_t n_units;
    const struct plan_jabatan *jabs;
    size_t n_jabs;
    const struct plan_pair *pairs;
    size_t n_pairs;
    const struct plan_staff *staff;
    size_t n_staff;
    const struct plan_request *requests; /* Indexed by plan_staff.req - 1. */
    size_t n_requests;
};

/* The open request of staff 'i', or NULL when they have none. */
static inline const struct plan_request *
plan_request_of(const struct plan_problem *p, size_t i)
{
    uint32_t r = p->staff[i].req;
    return r != 0 ? &p->requests[r - 1] : NULL;
}

/* The number of units that staff 'i' asks for; 0 without a request. */
static inline int
plan_n_pilihan(const struct plan_problem *p, size_t i)
{
    const struct plan_request *q = plan_request_of(p, i);
    return q != NULL ? q->n_pilihan : 0;
}

struct plan_opts {
    enum plan_mode mode;
    long max_moves;            /* Directed moves in all; -1: no limit. */
    double max_km;             /* Longest directed move; < 0: no limit. */
    int threads;               /* Parallel solvers; <= 1: one. */
    struct progress *progress; /* Counts the governments solved; may be
                                * NULL. */
};

struct plan_move {
    size_t staff;
    size_t from_pair;
    size_t to_pair;
    bool aps;                  /* Granted request (else penugasan). */
    int pilihan_ke;            /* 1-5 for aps; 0 for penugasan. */
    double km;                 /* Unrounded; 0 when unknown. */
    enum plan_km_from km_from; /* PLAN_KM_UNKNOWN: no distance. */
    int64_t km_centi;          /* km x 100, rounded half up. */
    int32_t sementara_sampai;  /* DATE_NONE for a permanent move. */
    int64_t cost;              /* Directed: the move's cost term. */
    int64_t value;             /* Directed: the value of the slot it fills
                                * (slots by km order within the pair). */
    int slot;                  /* Directed: that slot's k. */
    int64_t h_from;            /* Staff of the origin pair and of the */
    int64_t h_to;              /* destination pair as the part saw them. */
    long with_in;              /* APS: the requester who takes this one's
                                * place (staff index), or -1. */
    long with_out;             /* APS: the requester who left the
                                * destination to make room, or -1. */
    unsigned reasons;          /* Why this person (PLAN_BIT set). */
    int deciding;              /* The reason that decided (in 'reasons'). */
};

struct plan_metrics {
    int64_t kekurangan;     /* Sum of deficits. */
    int64_t kelebihan;      /* Sum of surpluses. */
    int64_t jabatan_kurang; /* Pairs with a deficit. */
    int64_t ej_sd_milli;    /* SD of unit EJ x 1000, rounded half up. */
};

/* What plan_run() finds (plan.h); plan_result_cleanup() frees it. */
struct plan_result {
    struct plan_move *moves; /* aps first, then by NIP. */
    size_t n_moves;
    size_t n_voluntary;
    size_t n_directed;
    long requests;         /* Open requests considered. */
    long requests_granted; /* Granted by the voluntary part. */
    long requests_granted_baseline;
    int64_t km_total_centi; /* Sum of the moves' km_centi. */
    int64_t cost;           /* Sum cost - sum benefit (directed). */
    struct plan_metrics before;
    struct plan_metrics after;
    int64_t *h_after;      /* Staff per pair after the plan (n_pairs). */
    long *move_of;         /* Per staff: index in 'moves', or -1. */
    unsigned *why_not;     /* Per staff not moved: reason set (the directed
                            * part's; eligibility in voluntary mode). */
    unsigned *why_not_aps; /* Per requester not granted: reason set. */
    unsigned char (
        *choice_why)[MODEL_MAX_PILIHAN]; /* Per staff and
                                          * choice: the reason a better or
                                          * refused choice was not granted (enum
                                          * plan_reason), or PLAN_CHOICE_NONE.
                                          */
    long *rank;     /* Per staff: place in the priority order of the
                     * requesters (0 first), or -1. */
    long *aps_into; /* Per pair: the first granted move into it (index in
                     * 'moves'), or -1; the next in aps_next[move]. */
    long *aps_next;
};

/* The reasons why staff 'i' may not be moved on the plan date, as a set
 * of PLAN_BIT(); 0 when eligible. 'aps' adds the rules of a request at
 * own wish (the service bond). */
unsigned plan_ineligible(const struct plan_problem *p, size_t i, bool aps);
/* The reasons why staff 'i' may not hold jabatan 'jab' after a move, as a
 * set of PLAN_BIT(); 0 when they may. Their own jabatan needs only its
 * competencies; another one (a substitute of the same kelompok and
 * jenjang: a mutasi jabatan) is closed to PPPK (status: they move within
 * their jabatan only) and needs its requirements met (syarat_jabatan:
 * minimum education, golongan range) and its competencies. */
unsigned plan_jabatan_bar(const struct plan_problem *p, size_t i, size_t jab);
/* The later of the two years whose SKP the rules read: the year before
 * the plan date's (the last whole year rated). */
int plan_skp_year(const struct plan_problem *p);
/* True when staff 'i' has an SKP of at least the setting skp_min_aps in
 * each of the last PLAN_SKP_YEARS years. */
bool plan_skp_ok(const struct plan_problem *p, size_t i);
/* The day the service bond of a request at own wish ends for staff 'i'
 * (the aps_ikatan settings); DATE_NONE when there is none. */
int32_t plan_bond_end(const struct plan_problem *p, size_t i);
/* The km of a move of staff 'i' to unit 'unit' (contract section 5:
 * from home, else from the own unit; 0 without coordinates). */
double plan_km(const struct plan_problem *p, size_t i, size_t unit);
/* Where plan_km() starts for staff 'i' and unit 'unit'. */
enum plan_km_from plan_km_from(const struct plan_problem *p, size_t i,
                               size_t unit);
/* True when staff 'i' holds every competency that position 'jab'
 * requires. */
bool plan_has_kompetensi(const struct plan_problem *p, size_t i, size_t jab);

/* The pair of unit 'unit' and position 'jab', or -1 (binary search). */
long plan_find_pair(const struct plan_problem *p, size_t unit, size_t jab);

#endif
