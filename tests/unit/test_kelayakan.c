/* SPDX-License-Identifier: MIT */
/* kelayakan_reasons(): may an employee ask to move at own wish, and why
 * not, at the boundary of each rule: retiring within exactly 12 months,
 * exactly two years in the unit, the last day of the 10-year bond of
 * the formation, the SKP threshold; and the words of each reason. */
#include "plan_fixture.c"

#include "kelayakan.h"

/* One employee in a unit of their own on 'day'; 'adjust' sets them up. */
struct one {
    struct fx f;
    size_t i;
};

static struct plan_staff *
one_begin(struct one *o, int32_t day, const char *nip)
{
    fx_init(&o->f, day);
    size_t root = fx_unit(&o->f, "K", UNIT_OPD, ROOT_SELF);
    size_t u = fx_unit(&o->f, "K.A", UNIT_LAINNYA, root);
    size_t j = fx_jab(&o->f, "PEL", JAB_PELAKSANA, 0, NULL);
    size_t p = fx_pair(&o->f, u, j, 1);
    return fx_staff(&o->f, nip, p);
}

static size_t
one_reasons(struct one *o, const char *nip,
            struct kelayakan_alasan r[KELAYAKAN_MAX])
{
    fx_finish(&o->f);
    o->i = fx_find(&o->f, nip);
    return kelayakan_reasons(&o->f.p, o->i, r);
}

#define NIP "197001012000011001"

static void
test_kelayakan_plain_employee_may(void **state)
{
    (void)state;
    static struct one o;
    struct kelayakan_alasan r[KELAYAKAN_MAX];
    one_begin(&o, date_from_ymd(2026, 7, 1), NIP);
    assert_int_equal(one_reasons(&o, NIP, r), 0);
}

static void
test_kelayakan_retiring_within_exactly_12_months(void **state)
{
    /* Domain: not near retirement means D + 12 months < TMT pensiun. */
    (void)state;
    static struct one o;
    struct kelayakan_alasan r[KELAYAKAN_MAX];
    int32_t day = date_from_ymd(2026, 7, 1);
    for (int extra = -1; extra <= 1; extra++) {
        snprintf(ctx, sizeof(ctx), "tmt pensiun D + 12 months %+d days", extra);
        one_begin(&o, day, NIP)->tmt_pensiun = date_add_months(day, 12) + extra;
        size_t n = one_reasons(&o, NIP, r);
        CHECK_EQ(n, extra <= 0 ? 1 : 0);
        if (n) {
            assert_string_equal(r[0].kode, "pensiun");
            CHECK(strstr(r[0].teks, "12") != NULL);
            CHECK(strstr(r[0].teks, "2027") != NULL);
        }
    }
}

static void
test_kelayakan_exactly_two_years_in_the_unit(void **state)
{
    /* PP 11/2017: tmt_unit + 24 months <= D. */
    (void)state;
    static struct one o;
    struct kelayakan_alasan r[KELAYAKAN_MAX];
    int32_t day = date_from_ymd(2026, 7, 1);
    for (int extra = -1; extra <= 1; extra++) {
        snprintf(ctx, sizeof(ctx), "tmt unit D - 24 months %+d days", extra);
        one_begin(&o, day, NIP)->tmt_unit = date_add_months(day, -24) + extra;
        size_t n = one_reasons(&o, NIP, r);
        CHECK_EQ(n, extra > 0 ? 1 : 0);
        if (n) {
            assert_string_equal(r[0].kode, "masa_kerja_unit");
            /* The day they may ask: D + 1 day, in words. */
            CHECK(strstr(r[0].teks, "24") != NULL);
            CHECK(strstr(r[0].teks, "2026") != NULL);
        }
    }
}

static void
test_kelayakan_bond_holds_to_its_last_day(void **state)
{
    /* Appointed 2016-08 (the NIP's month), formation 2021: one year as
     * CPNS and ten of service, to 2027-07-31 inclusive. */
    (void)state;
    static const char *const nip = "199001012016081001";
    static struct one o;
    struct kelayakan_alasan r[KELAYAKAN_MAX];
    const int32_t last = date_from_ymd(2027, 7, 31);
    for (int32_t day = last - 1; day <= last + 1; day++) {
        char d[DATE_STR_LEN];
        date_format(day, d);
        snprintf(ctx, sizeof(ctx), "bond on %s", d);
        one_begin(&o, day, nip)->formasi_tahun = 2021;
        size_t n = one_reasons(&o, nip, r);
        CHECK_EQ(n, day <= last ? 1 : 0);
        if (n) {
            assert_string_equal(r[0].kode, "ikatan_10_tahun");
            CHECK(strstr(r[0].teks, "2027") != NULL);
            CHECK(strstr(r[0].teks, "31") != NULL);
        }
    }
    /* A formation before 2021 carries no bond. */
    one_begin(&o, last, nip)->formasi_tahun = 2020;
    assert_int_equal(one_reasons(&o, nip, r), 0);
}

static void
test_kelayakan_skp_threshold(void **state)
{
    /* Each of the last two years at least the setting (baik). */
    (void)state;
    static struct one o;
    struct kelayakan_alasan r[KELAYAKAN_MAX];
    int32_t day = date_from_ymd(2026, 7, 1);
    for (int v = SKP_BUTUH_PERBAIKAN; v <= SKP_SANGAT_BAIK; v++) {
        for (int year = 0; year < PLAN_SKP_YEARS; year++) {
            snprintf(ctx, sizeof(ctx), "skp %d in year %d", v, year);
            one_begin(&o, day, NIP)->skp[year] = (int8_t)v;
            size_t n = one_reasons(&o, NIP, r);
            CHECK_EQ(n, v < SKP_BAIK ? 1 : 0);
            if (n) {
                assert_string_equal(r[0].kode, "skp");
                CHECK(strstr(r[0].teks, "2025") != NULL);
            }
        }
    }
    /* Not rated is below every rating. */
    one_begin(&o, day, NIP)->skp[1] = -1;
    assert_int_equal(one_reasons(&o, NIP, r), 1);
    assert_string_equal(r[0].kode, "skp");
}

static void
test_kelayakan_other_rules_of_the_planner(void **state)
{
    /* Status, discipline and a posting not yet in force, all at once, in
     * the planner's order. */
    (void)state;
    static struct one o;
    struct kelayakan_alasan r[KELAYAKAN_MAX];
    struct plan_staff *e = one_begin(&o, date_from_ymd(2026, 7, 1), NIP);
    e->status = STATUS_CPNS;
    e->hukuman_disiplin = true;
    e->current = false;
    assert_int_equal(one_reasons(&o, NIP, r), 3);
    assert_string_equal(r[0].kode, "status");
    assert_string_equal(r[1].kode, "masa_kerja_unit");
    assert_string_equal(r[2].kode, "hukuman_disiplin");
    for (int k = 0; k < 3; k++) {
        CHECK(strlen(r[k].teks) > 10);
    }
}

int
main(void)
{
    setenv("LANG", "C", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kelayakan_plain_employee_may),
        cmocka_unit_test(test_kelayakan_retiring_within_exactly_12_months),
        cmocka_unit_test(test_kelayakan_exactly_two_years_in_the_unit),
        cmocka_unit_test(test_kelayakan_bond_holds_to_its_last_day),
        cmocka_unit_test(test_kelayakan_skp_threshold),
        cmocka_unit_test(test_kelayakan_other_rules_of_the_planner),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
