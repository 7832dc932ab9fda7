/* SPDX-License-Identifier: MIT */
/* Unit tests of nip: the PNS and PPPK layouts, each validation problem, the
 * row checks and the problem texts in both languages. */
#include "nip.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"

#define PNS_EXAMPLE  "196608011988031001"
#define PPPK_EXAMPLE "200012312024211001"

/* Parse the NUL-terminated 's' and return the problem it reports. */
static enum nip_problem
problem_of(const char *s)
{
    struct nip_info info;
    enum nip_problem p = NIP_OK;
    enum err rc = nip_parse(s, strlen(s), &info, &p);
    assert_int_equal(rc, p == NIP_OK ? ERR_OK : ERR_INVAL);
    return p;
}

/* Parse 's', which must be a valid NIP. */
static struct nip_info
parse_ok(const char *s)
{
    struct nip_info info;
    enum nip_problem p = NIP_BAD_LENGTH;
    assert_int_equal(nip_parse(s, strlen(s), &info, &p), ERR_OK);
    assert_int_equal(p, NIP_OK);
    return info;
}

static void
test_nip_parse_pns_example(void **state)
{
    (void)state;
    struct nip_info info = parse_ok(PNS_EXAMPLE);
    assert_int_equal(info.kind, NIP_PNS);
    assert_int_equal(info.lahir, date_from_ymd(1966, 8, 1));
    assert_int_equal(info.tahun_angkat, 1988);
    assert_int_equal(info.bulan_angkat, 3);
    assert_int_equal(info.jenis_kelamin, 'L');
    assert_int_equal(info.kontrak, 0);
    assert_int_equal(info.urut, 1);
}

static void
test_nip_parse_pppk_example(void **state)
{
    (void)state;
    struct nip_info info = parse_ok(PPPK_EXAMPLE);
    assert_int_equal(info.kind, NIP_PPPK);
    assert_int_equal(info.lahir, date_from_ymd(2000, 12, 31));
    assert_int_equal(info.tahun_angkat, 2024);
    assert_int_equal(info.bulan_angkat, 0);
    assert_int_equal(info.jenis_kelamin, 'L');
    assert_int_equal(info.kontrak, 1);
    assert_int_equal(info.urut, 1);
}

static void
test_nip_parse_female_pns_in_december(void **state)
{
    (void)state;
    struct nip_info info = parse_ok("197502152001122987");
    assert_int_equal(info.kind, NIP_PNS);
    assert_int_equal(info.bulan_angkat, 12);
    assert_int_equal(info.jenis_kelamin, 'P');
    assert_int_equal(info.urut, 987);
}

static void
test_nip_parse_rejects_wrong_length(void **state)
{
    (void)state;
    assert_int_equal(problem_of("19660801198803100"), NIP_BAD_LENGTH);
    assert_int_equal(problem_of("1966080119880310011"), NIP_BAD_LENGTH);
    assert_int_equal(problem_of(""), NIP_BAD_LENGTH);
}

static void
test_nip_parse_rejects_letter_inside(void **state)
{
    (void)state;
    assert_int_equal(problem_of("1966080119880A1001"), NIP_NOT_DIGITS);
    assert_int_equal(problem_of("19660801198803100 "), NIP_NOT_DIGITS);
    /* Two bytes of a non-ASCII digit (Arabic-Indic one) are not digits. */
    assert_int_equal(problem_of("1966080119880310\xd9\xa1"), NIP_NOT_DIGITS);
}

static void
test_nip_parse_rejects_embedded_nul(void **state)
{
    struct nip_info info;
    enum nip_problem p = NIP_OK;
    static const char nip[NIP_LEN] = "19660801198803\000100";
    (void)state;
    assert_int_equal(nip_parse(nip, NIP_LEN, &info, &p), ERR_INVAL);
    assert_int_equal(p, NIP_NOT_DIGITS);
}

static void
test_nip_parse_rejects_feb_30_birth(void **state)
{
    (void)state;
    assert_int_equal(problem_of("196602301988031001"), NIP_BAD_BIRTH);
    assert_int_equal(problem_of("196613011988031001"), NIP_BAD_BIRTH);
    assert_int_equal(problem_of("000008011988031001"), NIP_BAD_BIRTH);
}

static void
test_nip_parse_rejects_appointment_month_13_and_00(void **state)
{
    (void)state;
    assert_int_equal(problem_of("196608011988131001"), NIP_BAD_APPOINTMENT);
    assert_int_equal(problem_of("196608011988001001"), NIP_BAD_APPOINTMENT);
    assert_int_equal(problem_of("196608011988301001"), NIP_BAD_APPOINTMENT);
    assert_int_equal(problem_of("196608010000031001"), NIP_BAD_APPOINTMENT);
}

static void
test_nip_parse_rejects_appointment_before_18th_birthday_year(void **state)
{
    (void)state;
    assert_int_equal(problem_of("196608011983121001"), NIP_TOO_YOUNG);
    assert_int_equal(problem_of("200012312017211001"), NIP_TOO_YOUNG);
}

static void
test_nip_parse_accepts_appointment_in_18th_birthday_year(void **state)
{
    (void)state;
    /* Born in August, appointed in January of the same 18th year. */
    assert_int_equal(parse_ok("196608011984011001").tahun_angkat, 1984);
    assert_int_equal(parse_ok("200012312018211001").tahun_angkat, 2018);
}

static void
test_nip_parse_rejects_sex_digit_3_and_0(void **state)
{
    (void)state;
    assert_int_equal(problem_of("196608011988033001"), NIP_BAD_SEX);
    assert_int_equal(problem_of("196608011988030001"), NIP_BAD_SEX);
    assert_int_equal(problem_of("200012312024210001"), NIP_BAD_SEX);
}

static void
test_nip_parse_rejects_pppk_contract_digit_0(void **state)
{
    (void)state;
    assert_int_equal(problem_of("200012312024201001"), NIP_BAD_CONTRACT);
    assert_int_equal(parse_ok("200012312024291001").kontrak, 9);
}

static void
test_nip_parse_leaves_out_untouched_on_failure(void **state)
{
    struct nip_info info = {.urut = 42};
    enum nip_problem p = NIP_OK;
    (void)state;
    assert_int_equal(nip_parse("196602301988031001", NIP_LEN, &info, &p),
                     ERR_INVAL);
    assert_int_equal(p, NIP_BAD_BIRTH);
    assert_int_equal(info.urut, 42);
}

static void
test_nip_check_row_accepts_agreeing_row(void **state)
{
    (void)state;
    struct nip_info pns = parse_ok(PNS_EXAMPLE);
    struct nip_info pppk = parse_ok(PPPK_EXAMPLE);
    assert_int_equal(nip_check_row(&pns, date_from_ymd(1966, 8, 1), 'L', false),
                     NIP_OK);
    assert_int_equal(
        nip_check_row(&pppk, date_from_ymd(2000, 12, 31), 'L', true), NIP_OK);
    /* A row that leaves birth date and sex out has nothing to disagree. */
    assert_int_equal(nip_check_row(&pns, DATE_NONE, 0, false), NIP_OK);
}

static void
test_nip_check_row_reports_birth_mismatch(void **state)
{
    (void)state;
    struct nip_info pns = parse_ok(PNS_EXAMPLE);
    assert_int_equal(nip_check_row(&pns, date_from_ymd(1966, 8, 2), 'L', false),
                     NIP_BIRTH_MISMATCH);
}

static void
test_nip_check_row_reports_sex_mismatch(void **state)
{
    (void)state;
    struct nip_info pns = parse_ok(PNS_EXAMPLE);
    assert_int_equal(nip_check_row(&pns, DATE_NONE, 'P', false),
                     NIP_SEX_MISMATCH);
}

static void
test_nip_check_row_reports_kind_mismatch(void **state)
{
    (void)state;
    struct nip_info pns = parse_ok(PNS_EXAMPLE);
    struct nip_info pppk = parse_ok(PPPK_EXAMPLE);
    assert_int_equal(nip_check_row(&pns, DATE_NONE, 0, true),
                     NIP_KIND_MISMATCH);
    assert_int_equal(nip_check_row(&pppk, DATE_NONE, 0, false),
                     NIP_KIND_MISMATCH);
}

static void
test_nip_problem_text_nonempty_in_both_languages(void **state)
{
    (void)state;
    for (int p = NIP_OK; p <= NIP_KIND_MISMATCH; p++) {
        const char *id = nip_problem_text((enum nip_problem)p, false);
        const char *en = nip_problem_text((enum nip_problem)p, true);
        assert_non_null(id);
        assert_non_null(en);
        assert_true(strlen(id) > 0);
        assert_true(strlen(en) > 0);
        assert_string_not_equal(id, en);
    }
}

static void
test_nip_problem_text_names_the_field(void **state)
{
    (void)state;
    assert_string_equal(nip_problem_text(NIP_BAD_LENGTH, false),
                        "NIP harus 18 digit");
    assert_string_equal(nip_problem_text(NIP_BAD_LENGTH, true),
                        "NIP must have 18 digits");
    assert_non_null(
        strstr(nip_problem_text(NIP_BIRTH_MISMATCH, false), "tanggal_lahir"));
    assert_non_null(
        strstr(nip_problem_text(NIP_SEX_MISMATCH, true), "jenis_kelamin"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nip_parse_pns_example),
        cmocka_unit_test(test_nip_parse_pppk_example),
        cmocka_unit_test(test_nip_parse_female_pns_in_december),
        cmocka_unit_test(test_nip_parse_rejects_wrong_length),
        cmocka_unit_test(test_nip_parse_rejects_letter_inside),
        cmocka_unit_test(test_nip_parse_rejects_embedded_nul),
        cmocka_unit_test(test_nip_parse_rejects_feb_30_birth),
        cmocka_unit_test(test_nip_parse_rejects_appointment_month_13_and_00),
        cmocka_unit_test(
            test_nip_parse_rejects_appointment_before_18th_birthday_year),
        cmocka_unit_test(
            test_nip_parse_accepts_appointment_in_18th_birthday_year),
        cmocka_unit_test(test_nip_parse_rejects_sex_digit_3_and_0),
        cmocka_unit_test(test_nip_parse_rejects_pppk_contract_digit_0),
        cmocka_unit_test(test_nip_parse_leaves_out_untouched_on_failure),
        cmocka_unit_test(test_nip_check_row_accepts_agreeing_row),
        cmocka_unit_test(test_nip_check_row_reports_birth_mismatch),
        cmocka_unit_test(test_nip_check_row_reports_sex_mismatch),
        cmocka_unit_test(test_nip_check_row_reports_kind_mismatch),
        cmocka_unit_test(test_nip_problem_text_nonempty_in_both_languages),
        cmocka_unit_test(test_nip_problem_text_names_the_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
