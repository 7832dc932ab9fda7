/* SPDX-License-Identifier: MIT */
/* decision_int: what decision.c, decision_count.c and decision_rerun.c
 * share (private to them; 'make lint' refuses other includers). */
#ifndef MUTASI_DECISION_INT_H
#define MUTASI_DECISION_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "decision.h"
#include "err.h"

struct saved_plan;
struct saved_move;
struct store_plan_change;

/* Put 'why' into out->why. */
void decision_say(struct decision_outcome *o, const char *why);
/* Load plan 'name' into '*sp' after checking that the caller's role is in
 * 'roles' (before anything about the status), then that its status is
 * 'status' (ERR_CONFLICT naming it). '*sp' is always safe to clean up. */
MUST_USE enum err decision_load_for(struct store *st,
                                    const struct decision_actor *a,
                                    const char *name, int roles,
                                    const char *status, struct saved_plan *sp,
                                    struct decision_outcome *out);
/* The plan's audit entry 'action' by 'actor' with 'after' (JSON). */
MUST_USE enum err decision_audit_plan(struct store *st, const char *actor,
                                      const char *name, const char *action,
                                      const char *after);
/* Apply change 'x' in one transaction with its audit entry. */
MUST_USE enum err decision_set_status(struct store *st,
                                      const struct decision_actor *a,
                                      const struct store_plan_change *x,
                                      const char *action, const char *after);
/* Write permanent move 'm' into the employee's record from 'tmt' with
 * 'sumber'; '*teacher' is set when it moves a teacher. A temporary move
 * writes nothing. */
MUST_USE enum err decision_write_move(struct store *st,
                                      const struct saved_move *m, int32_t tmt,
                                      const char *sumber, bool *teacher);
/* The next decree number (setting sk_nomor) into 'out'; inside the
 * caller's transaction. */
MUST_USE enum err decision_sk_number(struct store *st, char *out, size_t len);
/* The moves of 'keep' that fall with those flagged 'gone' (may be NULL),
 * into 'dropped' (flags per move of 'sp'); with 'from_keep', a pair out
 * of bounds already with all of 'keep' is not the removal's doing. */
MUST_USE enum err decision_falls_with(struct store *st,
                                      const struct saved_plan *sp,
                                      const bool *keep, const bool *gone,
                                      bool from_keep, bool *dropped);
/* Check the moves flagged 'active' on the day's data: each still where the
 * plan found it and eligible, competencies held, no pair out of bounds.
 * ERR_CONFLICT with the moves at fault in out->nips. */
MUST_USE enum err decision_check_rules(struct store *st,
                                       const struct saved_plan *sp,
                                       const bool *active,
                                       struct decision_outcome *out);

#endif
