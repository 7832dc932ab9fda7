/* SPDX-License-Identifier: MIT */
/* Unit tests of num: strict parsing of decimal cells into scaled integers
 * (each problem kind) and formatting that parses back to the same value. */
#include "num.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

/* Parse the NUL-terminated 's' and return the problem it reports. */
static enum num_problem
problem_of(const char *s, int scale, bool comma_ok)
{
    int64_t v = 0;
    return num_parse_fixed(s, strlen(s), scale, comma_ok, &v);
}

/* Parse 's', which must be valid, and return its scaled value. */
static int64_t
parse_ok(const char *s, int scale, bool comma_ok)
{
    int64_t v = -12345;
    assert_int_equal(num_parse_fixed(s, strlen(s), scale, comma_ok, &v),
                     NUM_OK);
    return v;
}

static void
test_num_parse_plain_integers(void **state)
{
    (void)state;
    assert_int_equal(parse_ok("0", 0, false), 0);
    assert_int_equal(parse_ok("7", 0, false), 7);
    assert_int_equal(parse_ok("1234567", 0, false), 1234567);
    assert_int_equal(parse_ok("007", 0, false), 7);
    assert_int_equal(parse_ok("42", 3, false), 42000);
    assert_int_equal(parse_ok("5", 7, false), 50000000);
}

static void
test_num_parse_decimals_up_to_scale(void **state)
{
    (void)state;
    assert_int_equal(parse_ok("12.5", 1, false), 125);
    assert_int_equal(parse_ok("12.5", 3, false), 12500);
    assert_int_equal(parse_ok("0.001", 3, false), 1);
    assert_int_equal(parse_ok("0.125", 3, false), 125);
    assert_int_equal(parse_ok("3.1415926", 7, false), 31415926);
}

static void
test_num_parse_accepts_trailing_zeros_beyond_scale(void **state)
{
    (void)state;
    assert_int_equal(parse_ok("1.2300", 3, false), 1230);
    assert_int_equal(parse_ok("1.000000", 1, false), 10);
    assert_int_equal(parse_ok("0.90", 1, false), 9);
}

static void
test_num_parse_rejects_too_many_decimals(void **state)
{
    (void)state;
    assert_int_equal(problem_of("1.2345", 3, false), NUM_DECIMALS);
    assert_int_equal(problem_of("1.05", 1, false), NUM_DECIMALS);
    assert_int_equal(problem_of("1.23001", 3, false), NUM_DECIMALS);
}

static void
test_num_parse_whole_number_rejects_fraction(void **state)
{
    (void)state;
    assert_int_equal(problem_of("2.5", 0, false), NUM_NOT_WHOLE);
    assert_int_equal(problem_of("2.01", 0, false), NUM_NOT_WHOLE);
    /* Review 2026-11-29: a whole number takes no separator at all, since
     * "75.000" reads as 75 000 in Indonesia; three decimals are named as a
     * thousands separator. */
    assert_int_equal(problem_of("2.0", 0, false), NUM_NOT_WHOLE);
    assert_int_equal(problem_of("2.00", 0, false), NUM_NOT_WHOLE);
    assert_int_equal(problem_of("75.000", 0, false), NUM_THOUSANDS);
    assert_int_equal(problem_of("1,0", 0, true), NUM_NOT_WHOLE);
    assert_int_equal(parse_ok("75000", 0, false), 75000);
}

static void
test_num_parse_rejects_thousands_separators(void **state)
{
    (void)state;
    assert_int_equal(problem_of("1.234.567", 3, false), NUM_THOUSANDS);
    assert_int_equal(problem_of("1,234.5", 3, false), NUM_THOUSANDS);
    assert_int_equal(problem_of("1,234.5", 3, true), NUM_THOUSANDS);
    assert_int_equal(problem_of("1.234,5", 3, true), NUM_THOUSANDS);
    assert_int_equal(problem_of("1 234", 0, false), NUM_THOUSANDS);
    assert_int_equal(problem_of("1'234", 0, false), NUM_THOUSANDS);
}

static void
test_num_parse_thousands_separators_at_any_scale(void **state)
{
    (void)state;
    /* Whatever the scale, "1.234.567" is a number with thousands
     * separators, not a fraction or too many decimals (num.h). */
    assert_int_equal(problem_of("1.234.567", 0, false), NUM_THOUSANDS);
    assert_int_equal(problem_of("1.234.567", 2, false), NUM_THOUSANDS);
    assert_int_equal(problem_of("1,234.5", 1, true), NUM_THOUSANDS);
}

static void
test_num_parse_decimal_comma_only_when_allowed(void **state)
{
    (void)state;
    assert_int_equal(parse_ok("2,5", 1, true), 25);
    assert_int_equal(parse_ok("-0,125", 3, true), -125);
    assert_int_equal(problem_of("2,5", 1, false), NUM_DECIMAL_COMMA);
    assert_int_equal(problem_of("0,125", 3, false), NUM_DECIMAL_COMMA);
    /* The dot stays allowed in a semicolon file too. */
    assert_int_equal(parse_ok("2.5", 1, true), 25);
}

static void
test_num_parse_negative_numbers(void **state)
{
    (void)state;
    assert_int_equal(parse_ok("-5", 0, false), -5);
    assert_int_equal(parse_ok("-12.5", 3, false), -12500);
    assert_int_equal(parse_ok("-0.001", 3, false), -1);
    assert_int_equal(parse_ok("-0", 0, false), 0);
}

static void
test_num_parse_rejects_non_numbers(void **state)
{
    (void)state;
    assert_int_equal(problem_of("-", 0, false), NUM_SYNTAX);
    assert_int_equal(problem_of(".5", 1, false), NUM_SYNTAX);
    assert_int_equal(problem_of("-.5", 1, false), NUM_SYNTAX);
    assert_int_equal(problem_of("5.", 1, false), NUM_SYNTAX);
    assert_int_equal(problem_of("", 0, false), NUM_SYNTAX);
    assert_int_equal(problem_of("abc", 0, false), NUM_SYNTAX);
    assert_int_equal(problem_of("+5", 0, false), NUM_SYNTAX);
    assert_int_equal(problem_of("1e5", 0, false), NUM_SYNTAX);
    assert_int_equal(problem_of("--5", 0, false), NUM_SYNTAX);
    assert_int_equal(problem_of("5-", 0, false), NUM_SYNTAX);
}

static void
test_num_parse_reads_only_len_bytes(void **state)
{
    int64_t v = 0;
    (void)state;
    assert_int_equal(num_parse_fixed("12.5xyz", 4, 1, false, &v), NUM_OK);
    assert_int_equal(v, 125);
}

static void
test_num_parse_rejects_overflow(void **state)
{
    (void)state;
    assert_int_equal(problem_of("99999999999999999999", 0, false), NUM_RANGE);
    assert_int_equal(problem_of("-99999999999999999999", 0, false), NUM_RANGE);
    assert_int_equal(problem_of("9223372036854775808", 0, false), NUM_RANGE);
    /* Fits unscaled but not once multiplied by 10^scale. */
    assert_int_equal(problem_of("922337203685477581", 1, false), NUM_RANGE);
    assert_int_equal(problem_of("1000000000000", 7, false), NUM_RANGE);
    assert_int_equal(problem_of("92233720368547.75808", 5, false), NUM_RANGE);
}

static void
test_num_parse_accepts_int64_max(void **state)
{
    (void)state;
    /* The largest value an int64_t holds is not too large to hold. */
    assert_int_equal(parse_ok("9223372036854775807", 0, false), INT64_MAX);
    assert_int_equal(parse_ok("-9223372036854775807", 0, false), -INT64_MAX);
    assert_int_equal(parse_ok("922337203685.4775807", 7, false), INT64_MAX);
}

static void
test_num_parse_leaves_out_untouched_on_failure(void **state)
{
    int64_t v = 77;
    (void)state;
    assert_int_equal(num_parse_fixed("1.2345", 6, 3, false, &v), NUM_DECIMALS);
    assert_int_equal(v, 77);
    assert_int_equal(num_parse_fixed("abc", 3, 0, false, &v), NUM_SYNTAX);
    assert_int_equal(v, 77);
}

/* Format 'v' at 'scale' and compare with 'want'. */
static void
check_format(int64_t v, int scale, const char *want)
{
    char out[32];
    num_format_fixed(v, scale, out, sizeof(out));
    assert_string_equal(out, want);
}

static void
test_num_format_drops_trailing_zeros(void **state)
{
    (void)state;
    check_format(12500, 3, "12.5");
    check_format(3000, 3, "3");
    check_format(-1, 3, "-0.001");
    check_format(0, 3, "0");
    check_format(0, 0, "0");
    check_format(-42, 0, "-42");
    check_format(1230, 3, "1.23");
    check_format(10000001, 7, "1.0000001");
    check_format(-10, 1, "-1");
    check_format(-5, 1, "-0.5");
}

static void
test_num_format_extremes(void **state)
{
    (void)state;
    check_format(INT64_MAX, 0, "9223372036854775807");
    check_format(INT64_MIN, 0, "-9223372036854775808");
    check_format(INT64_MIN, 7, "-922337203685.4775808");
    check_format(INT64_MAX, 9, "9223372036.854775807");
}

/* A small deterministic generator, so that failures repeat. */
static uint64_t
next_random(uint64_t *seed)
{
    *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return *seed >> 11;
}

/* Format 'v' at 'scale', parse it back and expect 'v'. */
static void
check_round_trip(int64_t v, int scale)
{
    char out[32];
    int64_t back = v == 0 ? 1 : 0;
    num_format_fixed(v, scale, out, sizeof(out));
    assert_int_equal(num_parse_fixed(out, strlen(out), scale, false, &back),
                     NUM_OK);
    assert_int_equal(back, v);
}

static void
test_num_format_then_parse_round_trips(void **state)
{
    static const int64_t fixed[] = {
        0,         1,        -1,        9,          10,
        99,        100,      1000,      -1000,      10000000,
        -10000000, 12345678, -12345678, 1000000007, 999999999999};
    uint64_t seed = 20240601;
    (void)state;
    for (int scale = 0; scale <= 9; scale++) {
        for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
            check_round_trip(fixed[i], scale);
        }
        for (int i = 0; i < 5000; i++) {
            /* Magnitudes of every width up to 10^17. */
            uint64_t mod = 1;
            for (uint64_t w = next_random(&seed) % 18; w > 0; w--) {
                mod *= 10;
            }
            int64_t v = (int64_t)(next_random(&seed) % (mod * 10));
            check_round_trip(i % 2 ? -v : v, scale);
        }
    }
}

static void
test_num_format_then_parse_round_trips_scale_7(void **state)
{
    uint64_t seed = 7;
    (void)state;
    for (int64_t v = -20000; v <= 20000; v++) {
        check_round_trip(v, 7);
    }
    for (int i = 0; i < 20000; i++) {
        int64_t v = (int64_t)(next_random(&seed) % 1000000000000000000ULL);
        check_round_trip(v, 7);
        check_round_trip(-v, 7);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_num_parse_plain_integers),
        cmocka_unit_test(test_num_parse_decimals_up_to_scale),
        cmocka_unit_test(test_num_parse_accepts_trailing_zeros_beyond_scale),
        cmocka_unit_test(test_num_parse_rejects_too_many_decimals),
        cmocka_unit_test(test_num_parse_whole_number_rejects_fraction),
        cmocka_unit_test(test_num_parse_rejects_thousands_separators),
        cmocka_unit_test(test_num_parse_thousands_separators_at_any_scale),
        cmocka_unit_test(test_num_parse_decimal_comma_only_when_allowed),
        cmocka_unit_test(test_num_parse_negative_numbers),
        cmocka_unit_test(test_num_parse_rejects_non_numbers),
        cmocka_unit_test(test_num_parse_reads_only_len_bytes),
        cmocka_unit_test(test_num_parse_rejects_overflow),
        cmocka_unit_test(test_num_parse_accepts_int64_max),
        cmocka_unit_test(test_num_parse_leaves_out_untouched_on_failure),
        cmocka_unit_test(test_num_format_drops_trailing_zeros),
        cmocka_unit_test(test_num_format_extremes),
        cmocka_unit_test(test_num_format_then_parse_round_trips),
        cmocka_unit_test(test_num_format_then_parse_round_trips_scale_7),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
