/* SPDX-License-Identifier: MIT */
/* minutes: the berita acara of the TPK's session on a plan as PDF
 * (service layer; domain.md section 5): its number and date, the members
 * present, every move with the TPK's decision and note, every objection
 * with its answer, and the members' signature blocks. */
#ifndef MUTASI_MINUTES_H
#define MUTASI_MINUTES_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

struct store;
struct sk_ask;

/* Write the minutes of plan 'a->plan' to 'f', registered as a berita
 * acara (docreg.h; 'a->actor' prints it). ERR_NOTFOUND for an unknown
 * plan; ERR_CONFLICT while the TPK has not closed its session (the reason
 * in 'why', 'why_len' bytes). */
MUST_USE enum err minutes_write(struct store *st, const struct sk_ask *a,
                                FILE *f, char *why, size_t why_len);

#endif
