/* SPDX-License-Identifier: MIT */
/* planning: the planner's problem read from a store, and its plan as the
 * document of contract section 5 (service layer, shared by the CLI and
 * the web app). The numbers come from analysis.h and plan.h. */
#ifndef MUTASI_PLANNING_H
#define MUTASI_PLANNING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "plan.h"
#include "store.h"

struct planning;
struct store;
struct store_plan;
struct saved_plan;
struct analysis;
struct buf;
struct json_obj;

/* A setting given for one plan, over the stored one. */
struct planning_setting {
    const char *key;
    const char *value;
};

/* What planning_load() reads. */
struct planning_args {
    int32_t day;                         /* The plan date. */
    const struct planning_setting *over; /* Settings for this plan. */
    size_t n_over;
    char *why; /* Gets the reason a setting is refused; may be NULL. */
    size_t why_len;
};

/* Load the problem of database 'st' as of 'args->day' into a new '*out':
 * settings in force (the stored ones with 'args->over' on top), units,
 * positions with their classes, every pair's analysis, the staff in post with
 * what eligibility needs, and their open requests. ERR_NOTFOUND for an unknown
 * setting key and ERR_INVAL for a bad value (the reason in 'args->why'); ERR_DB
 * (text in store_errmsg()) or the analysis's errors. */
MUST_USE enum err planning_load(struct store *st,
                                const struct planning_args *args,
                                struct planning **out);
/* Free 'pl'; accepts NULL. */
void planning_destroy(struct planning *pl);
/* The problem, borrowed from 'pl'. */
const struct plan_problem *planning_problem(const struct planning *pl);
/* How many threads a plan uses: every core of the machine (at most 64). */
int planning_threads(void);
/* The index of staff 'nip' in the problem, or -1 when they are not in
 * post on the date. */
long planning_find_staff(const struct planning *pl, const char *nip);

/* An employee whose request at own wish a plan would grant. */
struct planning_applicant {
    char nip[NIP_LEN + 1];
    char unit_asal[65]; /* Their unit. */
    char nama_unit_asal[256];
    char opd_asal[65];    /* That unit's OPD (whose head releases). */
    char unit_tujuan[65]; /* A unit to ask for. */
    char nama_unit_tujuan[256];
};

/* The demo's employee, chosen by the planner's rules on the data of 'st'
 * as of 'day': in post, eligible to move at own wish (tenure in the unit,
 * not retiring soon, no service bond, no sanction, SKP), without an open
 * request, from a unit with more staff of their position than it needs,
 * and such that a voluntary plan grants their request for
 * 'unit_tujuan' (tried by running it, the request added for the run).
 * The first such by NIP. ERR_NOTFOUND when nobody fits; the errors of
 * planning_load(). */
MUST_USE enum err planning_demo_applicant(struct store *st, int32_t day,
                                          struct planning_applicant *out);

/* What a plan was asked for, for its document. */
struct planning_request {
    const char *name; /* NULL when not saved. */
    struct plan_opts opts;
};

/* The plan document of contract section 5 for result 'r' into a new
 * '*out': {"plan", "summary", "moves"}. The movers' names are read from
 * 'st' (the planner holds no names). ERR_DB (text in store_errmsg()). */
MUST_USE enum err planning_document(struct store *st, const struct planning *pl,
                                    const struct planning_request *q,
                                    const struct plan_result *r,
                                    struct json_obj **out);
/* Save the plan 'r' with its document 'doc' under 'q->name' in one
 * transaction, with an audit entry by 'actor'. ERR_EXISTS when the name
 * is taken; ERR_DB (text in store_errmsg()). */
MUST_USE enum err planning_save(struct store *st, const struct planning *pl,
                                const struct planning_request *q,
                                const struct plan_result *r,
                                const struct json_obj *doc, const char *actor);
/* As planning_save(), with the moves of 'from' (may be NULL) that the
 * TPK agreed saved first, as agreed (a re-run with decided moves fixed).
 * With 'from', the caller holds the transaction (the old plan changes in
 * the same one). */
MUST_USE enum err
planning_save_fixed(struct store *st, const struct planning *pl,
                    const struct planning_request *q,
                    const struct plan_result *r, const struct json_obj *doc,
                    const char *actor, const struct saved_plan *from);
/* Fix in problem 'pl' the decided moves of saved plan 'from': those the
 * TPK agreed count as made (the staff of both pairs), and neither their
 * employees nor those of refused moves move again. */
MUST_USE enum err planning_fix(struct planning *pl,
                               const struct saved_plan *from);
/* Make a plan, the one way both doors do: load the problem of 'st' for
 * 'args', run the planner with 'q->opts', build the document into '*out'
 * and, when 'actor' is not NULL, save it as 'q->name' with an audit entry
 * by 'actor'. A plan to be saved is computed under a lease on its name
 * (store_lease_take()), so that two servers asked at once do not both
 * compute it: the second gets ERR_CONFLICT (reason in 'args->why'). The
 * errors of planning_load() (a bad setting: ERR_NOTFOUND or ERR_INVAL
 * with the reason in 'args->why'), of the planner, and ERR_EXISTS when the
 * name is taken; '*out' is set only on ERR_OK. */
MUST_USE enum err planning_make(struct store *st,
                                const struct planning_args *args,
                                const struct planning_request *q,
                                const char *actor, struct json_obj **out);
/* Run saved plan document 'doc' again on the data of 'st', with its own
 * mode, date, limits and settings (so that later changes of the stored
 * settings do not change it), on 'threads' threads. On ERR_OK the caller
 * owns '*pl' (planning_destroy()) and '*r' (plan_result_cleanup()), and
 * '*opts' holds the options used. */
MUST_USE enum err planning_rerun(struct store *st, const struct json_obj *doc,
                                 int threads, struct planning **pl,
                                 struct plan_result *r, struct plan_opts *opts);
/* Load the problem of saved plan document 'doc' (its date and settings)
 * from the data of 'st' into a new '*pl', without running the planner;
 * '*opts' gets the plan's options. */
MUST_USE enum err planning_load_saved(struct store *st,
                                      const struct json_obj *doc, int threads,
                                      struct planning **pl,
                                      struct plan_opts *opts);

/* One move of a saved plan, read from its table, with the decision so far
 * ("" or NULL where there is none). */
struct saved_move {
    char nip[NIP_LEN + 1];
    char nama[256]; /* From the plan document ("" when absent). */
    char unit_asal[65];
    char unit_tujuan[65];
    char jabatan_asal[65];
    char jabatan_tujuan[65];
    bool aps; /* Else penugasan. */
    int pilihan_ke;
    int64_t km_centi;
    char sementara_sampai[11]; /* "" for a permanent move. */
    char tanggapan[12];        /* The employee's: setuju, keberatan. */
    char keputusan_tpk[8];     /* setuju, tolak. */
    char keputusan_ppk[8];     /* setuju, coret. */
    char *penjelasan;          /* Owned; NULL when none. */
    char *catatan_tanggapan;
    char *catatan_tpk;
    char *jawaban_tpk;
    char *alasan_ppk;
};

/* A saved plan: its record, its document, and its moves as saved. */
struct saved_plan {
    struct store_plan plan; /* Owned (store_plan_cleanup()). */
    struct json_obj *doc;   /* The plan document; owned. */
    struct saved_move *moves;
    size_t n_moves;
    size_t cap;
};

/* Load saved plan 'name' into '*out' (cleared first). ERR_NOTFOUND for
 * an unknown plan; ERR_DB. The caller frees it with
 * planning_saved_cleanup(), which is safe after any result. */
MUST_USE enum err planning_saved_load(struct store *st, const char *name,
                                      struct saved_plan *out);
/* Free what 'sp' holds; accepts NULL. */
void planning_saved_cleanup(struct saved_plan *sp);
/* Apply the moves of saved plan 'sp' to analysis 'a' as if they had
 * happened (of a decided plan, those the decision wrote). A move whose
 * employee is no longer in post where the plan found them (or already
 * counts at the destination) is skipped and its NIP appended to
 * 'skipped' (';'-separated); '*n_applied' counts the others. */
MUST_USE enum err planning_apply(struct store *st, struct analysis *a,
                                 const struct saved_plan *sp, long *n_applied,
                                 struct buf *skipped);
/* The move of 'nip' in 'sp', or NULL. */
const struct saved_move *planning_saved_move(const struct saved_plan *sp,
                                             const char *nip);

/* The move of 'nip' in plan document 'doc' as a new handle
 * (json_obj_destroy()), or NULL when the plan does not move them. */
struct json_obj *planning_doc_move(const struct json_obj *doc, const char *nip);
/* The explanation document {"nip", "moved", "jenis", "unit_tujuan",
 * "reasons", "text"} of staff 'i' in 'r' into a new '*out'. */
MUST_USE enum err planning_explain(const struct planning *pl,
                                   const struct plan_result *r, size_t i,
                                   struct json_obj **out);

/* The keys of saved plan 'p' in a list ("name", "mode", "as_of", "status",
 * "dibuat", "dibuat_oleh"), set in 'o'; shared by 'plan list' and the
 * API. */
void planning_plan_json(const struct store_plan *p, struct json_obj *o);

#endif
