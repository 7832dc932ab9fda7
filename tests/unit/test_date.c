/* SPDX-License-Identifier: MIT */
/* Unit tests of date: strict parsing, day numbers, month arithmetic and the
 * MUTASI_TODAY override. */
#include "date.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

/* Parse the NUL-terminated 's'; returns the code and stores the day. */
static enum err
parse(const char *s, int32_t *out)
{
    return date_parse(s, strlen(s), out);
}

static int32_t
ymd(int y, int m, int d)
{
    return date_from_ymd(y, m, d);
}

static void
test_date_epoch_and_known_days(void **state)
{
    (void)state;
    assert_int_equal(ymd(1970, 1, 1), 0);
    assert_int_equal(ymd(1969, 12, 31), -1);
    assert_int_equal(ymd(2000, 3, 1), 11017);
    assert_int_equal(ymd(2024, 2, 29), 19782);
    assert_int_equal(ymd(1800, 1, 1), -62091);
    assert_int_equal(ymd(9999, 12, 31), 2932896);
}

static void
test_date_parse_accepts_leap_days(void **state)
{
    int32_t day = 0;
    (void)state;
    assert_int_equal(parse("2024-02-29", &day), ERR_OK);
    assert_int_equal(day, ymd(2024, 2, 29));
    assert_int_equal(parse("2000-02-29", &day), ERR_OK);
    assert_int_equal(day, ymd(2000, 2, 29));
}

static void
test_date_parse_rejects_non_leap_feb_29(void **state)
{
    int32_t day = 7;
    (void)state;
    assert_int_equal(parse("2023-02-29", &day), ERR_INVAL);
    assert_int_equal(parse("1900-02-29", &day), ERR_INVAL);
    assert_int_equal(day, 7); /* Untouched on failure. */
}

static void
test_date_parse_rejects_feb_30(void **state)
{
    int32_t day = 0;
    (void)state;
    assert_int_equal(parse("2025-02-30", &day), ERR_INVAL);
    assert_int_equal(parse("2025-04-31", &day), ERR_INVAL);
    assert_int_equal(parse("2025-13-01", &day), ERR_INVAL);
    assert_int_equal(parse("2025-00-10", &day), ERR_INVAL);
    assert_int_equal(parse("2025-01-00", &day), ERR_INVAL);
}

static void
test_date_parse_rejects_bad_shapes(void **state)
{
    static const char *const bad[] = {
        "2025-1-01",  "2025-01-01x", "",         "abcd-ef-gh",
        "+025-01-01", "2025/01/01",  "20250101", " 2025-01-01",
        "2025-01-1 ", "2025-01--1",
    };
    int32_t day = 0;
    (void)state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_int_equal(parse(bad[i], &day), ERR_INVAL);
    }
}

static void
test_date_parse_rejects_years_out_of_range(void **state)
{
    int32_t day = 0;
    (void)state;
    assert_int_equal(parse("1799-12-31", &day), ERR_INVAL);
    assert_int_equal(parse("0000-01-01", &day), ERR_INVAL);
    assert_int_equal(parse("1800-01-01", &day), ERR_OK);
    assert_int_equal(parse("9999-12-31", &day), ERR_OK);
}

static void
test_date_parse_uses_only_len_bytes(void **state)
{
    int32_t day = 0;
    (void)state;
    assert_int_equal(date_parse("2024-05-17 rest", 10, &day), ERR_OK);
    assert_int_equal(day, ymd(2024, 5, 17));
    assert_int_equal(date_parse("2024-05-17", 9, &day), ERR_INVAL);
}

/* Every day of the supported years formats, parses back to itself, and
 * follows the day before it on the calendar. */
static void
test_date_format_parse_round_trip_all_days(void **state)
{
    char text[DATE_STR_LEN];
    int py = 1799;
    int pm = 12;
    int pd = 31;
    (void)state;
    for (int32_t day = ymd(1800, 1, 1); day <= ymd(9999, 12, 31); day++) {
        int32_t back = 0;
        int y;
        int m;
        int d;
        date_format(day, text);
        assert_int_equal(date_parse(text, strlen(text), &back), ERR_OK);
        assert_int_equal(back, day);
        date_to_ymd(day, &y, &m, &d);
        if (d != 1) {
            assert_true(y == py && m == pm && d == pd + 1);
        } else if (m != 1) {
            assert_true(y == py && m == pm + 1);
        } else {
            assert_true(y == py + 1 && pm == 12 && pd == 31);
        }
        py = y;
        pm = m;
        pd = d;
    }
}

static void
test_date_format_pads_with_zeros(void **state)
{
    char text[DATE_STR_LEN];
    (void)state;
    date_format(ymd(1800, 1, 5), text);
    assert_string_equal(text, "1800-01-05");
    date_format(0, text);
    assert_string_equal(text, "1970-01-01");
}

static void
test_date_add_months_clamps_to_month_end(void **state)
{
    (void)state;
    assert_int_equal(date_add_months(ymd(2024, 1, 31), 1), ymd(2024, 2, 29));
    assert_int_equal(date_add_months(ymd(2023, 1, 31), 1), ymd(2023, 2, 28));
    assert_int_equal(date_add_months(ymd(2024, 3, 31), -1), ymd(2024, 2, 29));
    assert_int_equal(date_add_months(ymd(2024, 5, 31), 1), ymd(2024, 6, 30));
    assert_int_equal(date_add_months(ymd(2024, 1, 15), 0), ymd(2024, 1, 15));
}

static void
test_date_add_months_crosses_years(void **state)
{
    (void)state;
    assert_int_equal(date_add_months(ymd(2024, 2, 29), 12), ymd(2025, 2, 28));
    assert_int_equal(date_add_months(ymd(2023, 11, 30), 3), ymd(2024, 2, 29));
    assert_int_equal(date_add_months(ymd(2020, 6, 15), 24), ymd(2022, 6, 15));
    assert_int_equal(date_add_months(ymd(1988, 3, 1), 132), ymd(1999, 3, 1));
}

static void
test_date_add_months_negative(void **state)
{
    (void)state;
    assert_int_equal(date_add_months(ymd(2024, 1, 15), -1), ymd(2023, 12, 15));
    assert_int_equal(date_add_months(ymd(2024, 2, 29), -12), ymd(2023, 2, 28));
    assert_int_equal(date_add_months(ymd(2000, 1, 1), -25), ymd(1997, 12, 1));
    assert_int_equal(date_add_months(ymd(1970, 1, 31), -11), ymd(1969, 2, 28));
}

static void
test_date_months_between_month_end(void **state)
{
    (void)state;
    assert_int_equal(date_months_between(ymd(2024, 1, 31), ymd(2024, 2, 29)),
                     1);
    assert_int_equal(date_months_between(ymd(2024, 1, 31), ymd(2024, 2, 28)),
                     0);
    assert_int_equal(date_months_between(ymd(2024, 1, 15), ymd(2024, 1, 15)),
                     0);
    assert_int_equal(date_months_between(ymd(2024, 1, 15), ymd(2024, 1, 14)),
                     -1);
}

static void
test_date_months_between_years_and_negative(void **state)
{
    (void)state;
    assert_int_equal(date_months_between(ymd(2022, 3, 10), ymd(2024, 3, 10)),
                     24);
    assert_int_equal(date_months_between(ymd(2022, 3, 10), ymd(2024, 3, 9)),
                     23);
    assert_int_equal(date_months_between(ymd(2024, 3, 15), ymd(2024, 2, 20)),
                     -1);
    assert_int_equal(date_months_between(ymd(2024, 3, 15), ymd(2024, 2, 10)),
                     -2);
}

/* The definition: the largest m with date_add_months(from, m) <= to. */
static void
test_date_months_between_matches_definition(void **state)
{
    int32_t from = ymd(2023, 1, 31);
    (void)state;
    for (int32_t to = ymd(2022, 1, 1); to <= ymd(2025, 12, 31); to++) {
        int m = date_months_between(from, to);
        assert_true(date_add_months(from, m) <= to);
        assert_true(date_add_months(from, m + 1) > to);
    }
}

static void
test_date_today_honors_mutasi_today(void **state)
{
    (void)state;
    assert_int_equal(setenv("MUTASI_TODAY", "2024-05-17", 1), 0);
    assert_int_equal(date_today(), ymd(2024, 5, 17));
    assert_int_equal(unsetenv("MUTASI_TODAY"), 0);
}

static void
test_date_today_ignores_invalid_override(void **state)
{
    int32_t clock_day = (int32_t)(time(NULL) / 86400);
    (void)state;
    assert_int_equal(setenv("MUTASI_TODAY", "2025-02-30", 1), 0);
    int32_t today = date_today();
    assert_int_equal(unsetenv("MUTASI_TODAY"), 0);
    /* Local time may be a day either side of UTC. */
    assert_true(today >= clock_day - 1 && today <= clock_day + 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_epoch_and_known_days),
        cmocka_unit_test(test_date_parse_accepts_leap_days),
        cmocka_unit_test(test_date_parse_rejects_non_leap_feb_29),
        cmocka_unit_test(test_date_parse_rejects_feb_30),
        cmocka_unit_test(test_date_parse_rejects_bad_shapes),
        cmocka_unit_test(test_date_parse_rejects_years_out_of_range),
        cmocka_unit_test(test_date_parse_uses_only_len_bytes),
        cmocka_unit_test(test_date_format_parse_round_trip_all_days),
        cmocka_unit_test(test_date_format_pads_with_zeros),
        cmocka_unit_test(test_date_add_months_clamps_to_month_end),
        cmocka_unit_test(test_date_add_months_crosses_years),
        cmocka_unit_test(test_date_add_months_negative),
        cmocka_unit_test(test_date_months_between_month_end),
        cmocka_unit_test(test_date_months_between_years_and_negative),
        cmocka_unit_test(test_date_months_between_matches_definition),
        cmocka_unit_test(test_date_today_honors_mutasi_today),
        cmocka_unit_test(test_date_today_ignores_invalid_override),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
