/* SPDX-License-Identifier: MIT */
/* approval: deciding a saved plan (service layer): re-checked on today's
 * data, applied to the history from the TMT, requests decided, decree
 * numbered (domain.md section 5, contract section 7). */
#ifndef MUTASI_APPROVAL_H
#define MUTASI_APPROVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"

struct store;

struct approval_result {
    char sk_nomor[128];        /* The decree's number. */
    bool teacher_off_semester; /* Teachers move off 1 Jan / 1 Jul. */
    char why[256];             /* Why it was refused, for people. */
};

/* Approve saved plan 'name' from 'tmt' (the 1st of a month) as 'actor'.
 * ERR_INVAL for a TMT not on the 1st; ERR_NOTFOUND for an unknown plan;
 * ERR_CONFLICT when it was decided already or no longer holds on today's
 * data ('out->why' says which). Nothing is written unless ERR_OK. */
MUST_USE enum err approval_run(struct store *st, const char *name, int32_t tmt,
                               const char *actor, struct approval_result *out);

#endif
