/* SPDX-License-Identifier: MIT */
/* date: civil dates as day numbers, strict ISO parsing and calendar month
 * arithmetic (base layer). No time zones: a date is a day in Indonesia. */
#ifndef MUTASI_DATE_H
#define MUTASI_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* A date is the number of days since 1970-01-01 (negative before it).
 * DATE_NONE marks a missing date. Supported years: 1800 to 9999. */
#define DATE_NONE    INT32_MIN
#define DATE_STR_LEN 11 /* "YYYY-MM-DD" and its NUL. */
#define DATE_ID_LEN  20 /* "30 September 9999" and its NUL. */

/* True when 'y'-'m'-'d' is a real calendar day in the supported years. */
bool date_is_valid(int y, int m, int d);
/* The day number of 'y'-'m'-'d', which must be valid (date_is_valid). */
int32_t date_from_ymd(int y, int m, int d);
/* Split day number 'day' into year, month (1-12) and day (1-31). */
void date_to_ymd(int32_t day, int *y, int *m, int *d);
/* Parse exactly "YYYY-MM-DD" from the 'len' bytes of 's' into '*out'.
 * ERR_INVAL for any other shape or a day that does not exist (2025-02-30). */
MUST_USE enum err date_parse(const char *s, size_t len, int32_t *out);
/* Write 'day' as "YYYY-MM-DD" into 'out' (DATE_STR_LEN bytes). */
void date_format(int32_t day, char out[DATE_STR_LEN]);
/* Write 'day' as Indonesian prose writes dates, "1 Maret 2027", into 'out'
 * (DATE_ID_LEN bytes). */
void date_format_id(int32_t day, char out[DATE_ID_LEN]);
/* 'day' plus 'months' calendar months (may be negative): the day of month is
 * kept, clamped to the last day of the target month (01-31 + 1 = 02-28). */
int32_t date_add_months(int32_t day, int months);
/* Whole months from 'from' to 'to' as calendar arithmetic: the largest m
 * with date_add_months(from, m) <= to (negative when 'to' < 'from'). */
int date_months_between(int32_t from, int32_t to);
/* Today's date in the local time zone, or the date in the environment
 * variable MUTASI_TODAY (YYYY-MM-DD) when it is set and valid, so that
 * tests and demos can fix "today". */
int32_t date_today(void);
/* Wall-clock milliseconds since the epoch (UTC), for times that several
 * servers of one deployment compare: the login throttle's waits, leases. */
int64_t date_now_ms(void);

#endif
