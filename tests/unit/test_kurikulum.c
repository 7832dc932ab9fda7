/* SPDX-License-Identifier: MIT */
/* Unit tests of the curriculum table (issue #17 part 5): the weekly hours
 * of Kurikulum Merdeka from its yearly hours (36 weeks, 32 in the final
 * grade), Kurikulum 2013's weekly hours, the setting's words, and the
 * default through the settings. */
#include "kurikulum.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "settings.h"

/* SMP weekly JP by subject under each curriculum, the same in every grade
 * VII-IX. */
static const struct {
    enum mapel m;
    int merdeka;
    int k13;
} smp[] = {
    {MAPEL_AGAMA, 3, 3}, {MAPEL_PANCASILA, 3, 3}, {MAPEL_BINDO, 6, 6},
    {MAPEL_MTK, 5, 5},   {MAPEL_IPA, 5, 5},       {MAPEL_IPS, 4, 4},
    {MAPEL_BING, 4, 4},  {MAPEL_PJOK, 3, 3},      {MAPEL_INFORMATIKA, 3, 0},
    {MAPEL_SENI, 3, 3},  {MAPEL_PRAKARYA, 0, 2},
};

static void
test_kurikulum_smp_hours_by_curriculum(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(smp) / sizeof(smp[0]); i++) {
        for (int grade = 7; grade <= 9; grade++) {
            assert_int_equal(kurikulum_jp(KURIKULUM_MERDEKA, smp[i].m, grade),
                             smp[i].merdeka);
            assert_int_equal(kurikulum_jp(KURIKULUM_K13, smp[i].m, grade),
                             smp[i].k13);
        }
    }
}

static void
test_kurikulum_sd_subject_teachers(void **state)
{
    (void)state;
    for (int grade = 1; grade <= 6; grade++) {
        /* Merdeka: 108 + 36 a year over 36 weeks; grade VI 96 + 32 over
         * 32. K13: 4 a week. */
        assert_int_equal(kurikulum_jp(KURIKULUM_MERDEKA, MAPEL_AGAMA, grade),
                         4);
        assert_int_equal(kurikulum_jp(KURIKULUM_MERDEKA, MAPEL_PJOK, grade), 4);
        assert_int_equal(kurikulum_jp(KURIKULUM_K13, MAPEL_AGAMA, grade), 4);
        assert_int_equal(kurikulum_jp(KURIKULUM_K13, MAPEL_PJOK, grade), 4);
        /* Class teachers teach the rest at SD. */
        assert_int_equal(kurikulum_jp(KURIKULUM_MERDEKA, MAPEL_MTK, grade), 0);
    }
    assert_int_equal(kurikulum_jp(KURIKULUM_MERDEKA, MAPEL_AGAMA, 0), 0);
    assert_int_equal(kurikulum_jp(KURIKULUM_MERDEKA, MAPEL_AGAMA, 10), 0);
}

static void
test_kurikulum_names_and_default_setting(void **state)
{
    enum kurikulum k = KURIKULUM_N;
    struct settings s;
    (void)state;
    assert_true(kurikulum_parse("k13", &k));
    assert_int_equal(k, KURIKULUM_K13);
    assert_true(kurikulum_parse("merdeka", &k));
    assert_int_equal(k, KURIKULUM_MERDEKA);
    assert_false(kurikulum_parse("KTSP", &k));
    assert_string_equal(kurikulum_name(KURIKULUM_K13), "k13");
    settings_defaults(&s);
    assert_int_equal(s.kurikulum, KURIKULUM_MERDEKA);
    settings_apply(&s, "kurikulum", "k13");
    assert_int_equal(s.kurikulum, KURIKULUM_K13);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kurikulum_smp_hours_by_curriculum),
        cmocka_unit_test(test_kurikulum_sd_subject_teachers),
        cmocka_unit_test(test_kurikulum_names_and_default_setting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
