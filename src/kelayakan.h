/* SPDX-License-Identifier: MIT */
/* kelayakan: may an employee be moved at own wish (APS), and why not
 * (services layer). The rules are the planner's own (plan_ineligible()
 * with the APS rules): status, two years in the unit (PP 11/2017),
 * retirement within the setting pensiun_bulan, discipline, study leave,
 * structural positions, the service bond of formasi_tahun and the SKP of
 * the last two years; each reason in words, with the date it ends where
 * it has one. */
#ifndef MUTASI_KELAYAKAN_H
#define MUTASI_KELAYAKAN_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "plan_problem.h"

struct store;
struct json_obj;
struct kelayakan;

/* One reason: a code of the planner's reasons (plan.c's words) or
 * "tidak_menjabat", and a sentence. */
struct kelayakan_alasan {
    const char *kode;
    char teks[256];
};

#define KELAYAKAN_MAX 12

/* The reasons why staff 'i' of 'p' may not ask to move on p->day, in the
 * planner's order; how many (0: they may). */
size_t kelayakan_reasons(const struct plan_problem *p, size_t i,
                         struct kelayakan_alasan out[KELAYAKAN_MAX]);

/* Everything the rules read of database 'st' as of 'day' (the settings
 * in force, the staff in post, their SKP) into a new '*out'; the errors
 * of planning_load(). */
MUST_USE enum err kelayakan_load(struct store *st, int32_t day,
                                 struct kelayakan **out);
/* Free 'k'; accepts NULL. */
void kelayakan_destroy(struct kelayakan *k);
/* Set 'key' of 'o' to {"boleh": bool, "alasan": [{"kode", "teks"}]} for
 * employee 'nip'; one who is not in post on the day (study leave,
 * retired, not posted) may not. 'tugas_belajar' is their flag. */
void kelayakan_json(const struct kelayakan *k, const char *nip,
                    bool tugas_belajar, struct json_obj *o, const char *key);

#endif
