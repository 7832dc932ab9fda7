/* SPDX-License-Identifier: MIT */
/* analysis: the workload analysis of a whole database as of a date
 * (service layer, shared by the CLI and the web app): settings in
 * force, the unit tree, every (unit, jabatan) with its workload rows and
 * staff in post, and the staff's retirement dates. Reads the store once;
 * the numbers come from abk.h. */
#ifndef MUTASI_ANALYSIS_H
#define MUTASI_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abk.h"
#include "err.h"
#include "settings.h"

struct analysis;
struct json_obj;
struct store;
struct store_staff;
struct tree;

/* One (unit, jabatan) of the analysis. */
struct analysis_pair {
    size_t unit;         /* Index in analysis_tree(). */
    const char *jabatan; /* Code; lives as long as the analysis. */
    struct abk_result r;
    int32_t surge_until; /* Latest end of a counted surge row, or
                          * DATE_NONE. */
};

/* Analyse the database 'st' as of 'day' into a new '*out'. ERR_DB (text
 * in store_errmsg()), ERR_INVAL for workload rows of mixed methods in one
 * pair, ERR_TOOBIG for sums past 64 bits. */
MUST_USE enum err analysis_load(struct store *st, int32_t day,
                                struct analysis **out);
/* Called for each employee in post with its staff index (see
 * analysis_staff_at()), so that a caller can keep more of the record
 * than the analysis does, in the same pass. */
struct analysis_hook {
    void (*staff)(void *ctx, size_t i, const struct store_staff *x);
    void *ctx;
    /* Called once with the number of units, before the workload rows and
     * the staff are read (a caller may start reading more meanwhile when
     * the database is large); may be NULL. */
    void (*units)(void *ctx, size_t n_units);
    /* The caller reads the results only: the per-pair sums are freed as
     * soon as the results are made (a nation's take 200 MB), and
     * analysis_move_staff() then fails. */
    bool results_only;
    /* When set, each pair's result goes here, 'i' of 'n' in the order of
     * analysis_pair_at(), instead of being kept: the analysis then has no
     * pairs (a nation's take another 200 MB). The pair lives for the
     * call; an error ends the analysis with it. May be NULL. */
    enum err (*pair)(void *ctx, size_t i, size_t n,
                     const struct analysis_pair *x);
};

/* From this many units on, the analysis reads the workload rows on a
 * second handle on another thread while it reads the staff: below it the
 * second handle and thread cost more than they save (the Mataram
 * preset's 400 units: 0.06 s one after the other). */
#define ANALYSIS_PARALLEL_UNITS 5000

/* As analysis_load(), under the settings 's' instead of the stored ones,
 * calling 'hook' (may be NULL) for each employee in post. */
MUST_USE enum err analysis_load_with(struct store *st, int32_t day,
                                     const struct settings *s,
                                     const struct analysis_hook *hook,
                                     struct analysis **out);
/* Free 'a'; accepts NULL. */
void analysis_destroy(struct analysis *a);
/* Free the pairs, or the staff, of 'a' once a caller has copied what it
 * needs of them (a nation's take most of a gigabyte): afterwards 'a' has
 * no pairs (analysis_count() is 0, analysis_move_staff() fails), or no
 * staff (analysis_n_staff() is 0). Its settings, day and tree remain. */
void analysis_release_pairs(struct analysis *a);
void analysis_release_staff(struct analysis *a);
const struct settings *analysis_settings(const struct analysis *a);
/* The date 'a' was analysed as of. */
int32_t analysis_day(const struct analysis *a);
const struct tree *analysis_tree(const struct analysis *a);
/* Number of pairs and pair 'i', ordered by unit code, then jabatan code. */
size_t analysis_count(const struct analysis *a);
const struct analysis_pair *analysis_pair_at(const struct analysis *a,
                                             size_t i);
/* The pair of unit code 'unit' and jabatan code 'jabatan', or NULL
 * (binary search). */
const struct analysis_pair *analysis_find_pair(const struct analysis *a,
                                               const char *unit,
                                               const char *jabatan);
/* True when unit 'u' is 'root' or lies below it. */
bool analysis_in_subtree(const struct analysis *a, size_t u, size_t root);
/* Staff in post: their number, and for staff 'i' the pair it counts in
 * and its TMT pensiun. */
size_t analysis_n_staff(const struct analysis *a);
void analysis_staff_at(const struct analysis *a, size_t i, size_t *pair,
                       int32_t *tmt_pensiun);
/* The NIP of staff 'i' as a number (its 18 digits). */
uint64_t analysis_staff_nip(const struct analysis *a, size_t i);

/* One move for analysis_move_staff(). */
struct analysis_move {
    const char *nip;
    const char *unit_asal;
    const char *jabatan_asal;
    const char *unit_tujuan;
    const char *jabatan_tujuan;
    int status; /* enum pegawai_status of the employee. */
};

/* Apply move 'm' to 'a' as if it had happened: employee 'm->nip', in post
 * in (unit_asal, jabatan_asal), leaves that pair and joins (unit_tujuan,
 * jabatan_tujuan), made when new; bezetting and its split by 'm->status'
 * change by one and both results are recomputed with abk_pair_result().
 * ERR_NOTFOUND (nothing changes) when the employee is not in post in the
 * origin pair or the destination's unit or position is unknown;
 * ERR_TOOBIG on overflow. Pairs borrowed before may move. */
MUST_USE enum err analysis_move_staff(struct analysis *a,
                                      const struct analysis_move *m);

/* One employee who retires within a period. */
struct analysis_retiree {
    char *nip; /* Owned, like the other strings. */
    char *nama;
    char *unit;
    char *jabatan;
    int bup;
    int32_t tmt_pensiun;
};

/* The retirees of a period; zero it before analysis_retirees_load(). */
struct analysis_retirees {
    struct analysis_retiree *rows;
    size_t n;
    size_t cap;
};

/* Every employee of 'st' (their current record, on study leave or not)
 * whose TMT pensiun lies in ['from', 'to'], by the BUP of their position
 * under the settings of 'a' (rules_tmt_pensiun()), into 'out', ordered by
 * TMT pensiun then NIP. Free with analysis_retirees_cleanup(), also after
 * an error (ERR_DB, text in store_errmsg()). */
MUST_USE enum err analysis_retirees_load(const struct analysis *a,
                                         struct store *st, int32_t from,
                                         int32_t to,
                                         struct analysis_retirees *out);
/* Free the rows of 'r' and zero it; accepts NULL. */
void analysis_retirees_cleanup(struct analysis_retirees *r);
/* Set the keys of retiree 'r' in 'o': "nip", "nama", "unit", "jabatan",
 * "bup" only when 'with_bup' ('mutasi retirements' has it, the web API
 * does not), then "tmt_pensiun". */
void analysis_retiree_json(const struct analysis_retiree *r, bool with_bup,
                           struct json_obj *o);

#endif
