/* SPDX-License-Identifier: MIT */
/* plan_text: the words the planner's explanations share (engine layer):
 * numbers, dates and durations as Indonesian prose writes them, the
 * workload figures of a pair and what a plan changes there, and the
 * distance of a move. The reader is an employee or a BKPSDM analyst: no
 * solver terms, no other employee's name or NIP, no ISO dates. Pure;
 * used by plan.c and plan_voluntary.c only. */
#ifndef MUTASI_PLAN_TEXT_H
#define MUTASI_PLAN_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "plan_problem.h"

/* The name of the unit and of the position of pair 'pair'. */
const char *plan_text_unit(const struct plan_problem *p, size_t pair);
const char *plan_text_jab(const struct plan_problem *p, size_t pair);

/* Append 'v' / 10^'scale' as Indonesian text writes numbers ("1.234,56"). */
MUST_USE enum err plan_text_number(struct buf *b, int64_t v, int scale);
/* Append 'day' as "1 Maret 2027". */
MUST_USE enum err plan_text_date(struct buf *b, int32_t day);
/* Append 'months' as "9 tahun 3 bulan" ("5 tahun", "8 bulan"). */
MUST_USE enum err plan_text_months(struct buf *b, int months);
/* Append the workload figures of pair 'pair' with 'h' staff: "kebutuhan
 * 10, bezetting 2, EJ 5,000". */
MUST_USE enum err plan_text_abk(struct buf *b, const struct plan_problem *p,
                                size_t pair, int64_t h);
/* Append what the plan changes at pair 'pair': its gap with 'before'
 * staff, then with 'after' ("kekurangan 8 menjadi 7", "kelebihan 1
 * menjadi sesuai kebutuhan"). */
MUST_USE enum err plan_text_gap(struct buf *b, const struct plan_problem *p,
                                size_t pair, int64_t before, int64_t after);
/* Append the distance of move 'm' ("jarak dari rumah ke unit tujuan 3,45
 * km"), or "jarak tidak diketahui" when an end has no coordinates. */
MUST_USE enum err plan_text_km(struct buf *b, const struct plan_move *m);
/* Append how long staff 'i' has been in their unit on the plan date, and
 * when rotation is due, that it is ("sudah 9 tahun 3 bulan di unit ini;
 * rotasi jatuh tempo setelah 5 tahun"). */
MUST_USE enum err plan_text_tenure(struct buf *b, const struct plan_problem *p,
                                   size_t i);

/* Append the SKP of staff 'i' over the years the rules read ("SKP 2024
 * baik dan 2025 sangat baik"; "tidak tercatat" for a year not rated). */
MUST_USE enum err plan_text_skp(struct buf *b, const struct plan_problem *p,
                                size_t i);
/* Append the requirements of jabatan 'jab' with what staff 'i' has
 * ("pendidikan minimal S1 (pendidikannya S1), golongan III/a sampai IV/b
 * (golongannya III/c)"), or that it sets none. */
MUST_USE enum err plan_text_syarat(struct buf *b, const struct plan_problem *p,
                                   size_t i, size_t jab);

#endif
