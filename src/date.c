/* SPDX-License-Identifier: MIT */
/* date: civil dates as day numbers since 1970-01-01 (base layer). The day
 * arithmetic follows Howard Hinnant's days_from_civil and civil_from_days:
 * counting years from March puts the leap day last, so the day of the year
 * is a closed formula. No time zones; only date_today and date_now_ms look
 * at the clock. */
#include "date.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DATE_YEAR_MIN     1800
#define DATE_YEAR_MAX     9999
#define DATE_DAYS_PER_ERA 146097 /* Days in 400 Gregorian years. */
#define DATE_EPOCH_SHIFT  719468 /* Days from 0000-03-01 to 1970-01-01. */
#define DATE_ISO_LEN      10     /* "YYYY-MM-DD" without its NUL. */

static bool
is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int64_t y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap(y)) {
        return 29;
    }
    return days[m - 1];
}

/* Floor division, since C division truncates towards zero and negative
 * years and month counts must round down. */
static int64_t
floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        q--;
    }
    return q;
}

/* Days since 1970-01-01 of a proleptic Gregorian date, in 64 bits so that
 * date_add_months with a large count cannot overflow inside the formula. */
static int64_t
civil_to_days(int64_t y, int m, int d)
{
    int64_t year = m <= 2 ? y - 1 : y; /* The year starts on 1 March. */
    int64_t era = floor_div(year, 400);
    int64_t year_of_era = year - era * 400;       /* 0 to 399. */
    int month_from_march = m > 2 ? m - 3 : m + 9; /* 0 to 11. */
    int64_t day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 -
                         year_of_era / 100 + day_of_year; /* 0 to 146096. */
    return era * DATE_DAYS_PER_ERA + day_of_era - DATE_EPOCH_SHIFT;
}

bool
date_is_valid(int y, int m, int d)
{
    if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX || m < 1 || m > 12) {
        return false;
    }
    return d >= 1 && d <= days_in_month(y, m);
}

int32_t
date_from_ymd(int y, int m, int d)
{
    assert(date_is_valid(y, m, d));
    return (int32_t)civil_to_days(y, m, d);
}

void
date_to_ymd(int32_t day, int *y, int *m, int *d)
{
    int64_t z = (int64_t)day + DATE_EPOCH_SHIFT;
    int64_t era = floor_div(z, DATE_DAYS_PER_ERA);
    int64_t day_of_era = z - era * DATE_DAYS_PER_ERA; /* 0 to 146096. */
    /* The corrections skip the leap days of years 4, 100 and 400. */
    int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 -
                           day_of_era / 146096) /
                          365;
    int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t month_from_march = (5 * day_of_year + 2) / 153;
    int month = (int)(month_from_march < 10 ? month_from_march + 3
                                            : month_from_march - 9);
    *d = (int)(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    *m = month;
    *y = (int)(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
}

/* Read 'n' ASCII digits at 's' into '*out'; false on any other byte. */
static bool
read_digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

enum err
date_parse(const char *s, size_t len, int32_t *out)
{
    int y;
    int m;
    int d;
    if (len != DATE_ISO_LEN || s[4] != '-' || s[7] != '-') {
        return ERR_INVAL;
    }
    if (!read_digits(s, 4, &y) || !read_digits(s + 5, 2, &m) ||
        !read_digits(s + 8, 2, &d)) {
        return ERR_INVAL;
    }
    if (!date_is_valid(y, m, d)) {
        return ERR_INVAL;
    }
    *out = date_from_ymd(y, m, d);
    return ERR_OK;
}

/* Write 'v' as exactly 'n' decimal digits, zero padded, at 'out'. */
static void
put_digits(char *out, int v, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

void
date_format(int32_t day, char out[DATE_STR_LEN])
{
    int y;
    int m;
    int d;
    date_to_ymd(day, &y, &m, &d);
    /* Four digits cannot hold other years; passing one is a caller bug. */
    assert(y >= 0 && y <= DATE_YEAR_MAX);
    put_digits(out, y, 4);
    out[4] = '-';
    put_digits(out + 5, m, 2);
    out[7] = '-';
    put_digits(out + 8, d, 2);
    out[DATE_ISO_LEN] = '\0';
}

void
date_format_id(int32_t day, char out[DATE_ID_LEN])
{
    static const char *const months[12] = {
        "Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
        "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
    int y;
    int m;
    int d;
    date_to_ymd(day, &y, &m, &d);
    snprintf(out, DATE_ID_LEN, "%d %s %d", d, months[m - 1], y);
}

int32_t
date_add_months(int32_t day, int months)
{
    int y;
    int m;
    int d;
    date_to_ymd(day, &y, &m, &d);
    int64_t total = (int64_t)y * 12 + (m - 1) + months;
    int64_t new_y = floor_div(total, 12);
    int new_m = (int)(total - new_y * 12) + 1;
    int last = days_in_month(new_y, new_m);
    /* Results outside the supported years are not meaningful. */
    return (int32_t)civil_to_days(new_y, new_m, d < last ? d : last);
}

int
date_months_between(int32_t from, int32_t to)
{
    int fy;
    int fm;
    int fd;
    int ty;
    int tm;
    int td;
    date_to_ymd(from, &fy, &fm, &fd);
    date_to_ymd(to, &ty, &tm, &td);
    /* Adding 'guess' months lands in the month of 'to', and the sum grows
     * with the count, so the answer is 'guess' or the month before it. */
    int guess = (ty - fy) * 12 + (tm - fm);
    if (date_add_months(from, guess) > to) {
        guess--;
    }
    return guess;
}

int32_t
date_today(void)
{
    const char *env = getenv("MUTASI_TODAY");
    int32_t day;
    struct tm tm;
    time_t now = time(NULL);
    if (env != NULL) {
        if (date_parse(env, strlen(env), &day) == ERR_OK) {
            return day;
        }
    }
    if (localtime_r(&now, &tm) == NULL) {
        return (int32_t)floor_div((int64_t)now, 86400); /* UTC fallback. */
    }
    return (int32_t)civil_to_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int64_t
date_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
