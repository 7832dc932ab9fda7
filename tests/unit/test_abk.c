/* SPDX-License-Identifier: MIT */
/* Unit tests of the workload analysis against hand calculations:
 * domain.md section 3's two worked examples, PJ boundaries decided on the
 * exact ratio, the teacher rounding rule, surges by date, group sums, and
 * the retirement rules of section 4. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "abk.h"
#include "date.h"
#include "model.h"
#include "rules.h"
#include "settings.h"

static struct beban
row(enum beban_metode m, int64_t volume_milli, int64_t norma_milli)
{
    struct beban b = {"U",         "J", NULL,      volume_milli,
                      norma_milli, m,   DATE_NONE, DATE_NONE};
    return b;
}

/* A task pair whose rows are 'n' (volume, minutes) pairs, with 'h' staff. */
static struct abk_result
tasks(const int64_t (*vm)[2], int n, long h)
{
    struct settings s;
    struct abk_pair p = {0};
    struct abk_result r;
    settings_defaults(&s);
    p.surge_until = DATE_NONE;
    for (int i = 0; i < n; i++) {
        struct beban b = row(METODE_TUGAS, vm[i][0] * 1000, vm[i][1] * 1000);
        assert_int_equal(abk_pair_add_row(&p, &b, 0), ERR_OK);
    }
    p.h = h;
    assert_int_equal(abk_pair_result(&s, &p, &r), ERR_OK);
    return r;
}

static void
test_abk_worked_example_ajudan_in_hours(void **state)
{
    /* Perbup Lahat, Ajudan: hours x volume, as minutes (x 60). */
    static const int64_t vm[][2] = {{10, 3600}, {20, 3600}, {12, 600},
                                    {15, 1800}, {5, 3600},  {5, 1800}};
    struct settings s;
    (void)state;
    settings_defaults(&s);
    struct abk_result r = tasks(vm, 6, 3);
    assert_int_equal(r.beban_milli, 169200 * 1000); /* 2 820 hours. */
    assert_int_equal(abk_milli(&s, r.need_num), 2256);
    assert_int_equal(r.bulat, 2);
    assert_int_equal(r.h - r.bulat, 1); /* selisih +1 */
    assert_int_equal(abk_ej_milli(&s, &r), 752);
    assert_int_equal(abk_pj(&s, &r), 'C');
}

static void
test_abk_worked_example_pengadministrasi(void **state)
{
    static const int64_t vm[][2] = {
        {2400, 10}, {2400, 5}, {1500, 15}, {12, 480}, {250, 30}};
    struct settings s;
    (void)state;
    settings_defaults(&s);
    struct abk_result two = tasks(vm, 5, 2);
    assert_int_equal(two.beban_milli, 71760 * 1000);
    assert_int_equal(abk_milli(&s, two.need_num), 957);
    assert_int_equal(two.bulat, 1);
    assert_int_equal(abk_ej_milli(&s, &two), 478);
    assert_int_equal(abk_pj(&s, &two), 'E');
    struct abk_result one = tasks(vm, 5, 1);
    assert_int_equal(abk_ej_milli(&s, &one), 957);
    assert_int_equal(abk_pj(&s, &one), 'B');
}

static char
pj_of_minutes(int64_t minutes, long h)
{
    struct settings s;
    const int64_t vm[][2] = {{minutes, 1}};
    settings_defaults(&s);
    struct abk_result r = tasks(vm, 1, h);
    return abk_pj(&s, &r);
}

static void
test_abk_pj_boundaries_are_exact(void **state)
{
    (void)state;
    assert_int_equal(pj_of_minutes(75000, 1), 'B'); /* EJ 1.00 exactly. */
    assert_int_equal(pj_of_minutes(75001, 1), 'A'); /* Just above. */
    assert_int_equal(pj_of_minutes(67500, 1), 'B'); /* 0.90 exactly. */
    assert_int_equal(pj_of_minutes(67125, 1), 'C'); /* 0.895. */
    assert_int_equal(pj_of_minutes(67499, 1), 'C'); /* 0.89998... */
    assert_int_equal(pj_of_minutes(52500, 1), 'C'); /* 0.70. */
    assert_int_equal(pj_of_minutes(52499, 1), 'D');
    assert_int_equal(pj_of_minutes(37500, 1), 'D'); /* 0.50. */
    assert_int_equal(pj_of_minutes(37499, 1), 'E');
    /* 2.7 over 3 staff is 0.9: B, though 2.7 / 3 is not a short
     * decimal in binary. */
    assert_int_equal(pj_of_minutes(202500, 3), 'B');
    assert_int_equal(pj_of_minutes(75000, 0), '\0'); /* No staff: none. */
}

static int64_t
teachers_for(int64_t hours_milli)
{
    struct settings s;
    struct abk_pair p = {0};
    struct abk_result r;
    struct beban b = row(METODE_JP, hours_milli, -1);
    settings_defaults(&s);
    assert_int_equal(abk_pair_add_row(&p, &b, 0), ERR_OK);
    assert_int_equal(abk_pair_result(&s, &p, &r), ERR_OK);
    return r.bulat;
}

static void
test_abk_teacher_rounding(void **state)
{
    (void)state;
    assert_int_equal(teachers_for(0), 0);
    assert_int_equal(teachers_for(12000), 1); /* 0.5 */
    assert_int_equal(teachers_for(36000), 1); /* 1.5 */
    assert_int_equal(teachers_for(40800), 2); /* 1.7: 40.8 JP each. */
    assert_int_equal(teachers_for(69600), 2); /* 2.9 */
    assert_int_equal(teachers_for(40000), 1); /* 40 JP each: still 1. */
    assert_int_equal(teachers_for(48000), 2); /* 2.0 */
}

/* The rating of a 'jp' pair of 'hours_milli' weekly hours (x 1000) and
 * 'h' teachers. */
static char
pj_of_hours(int64_t hours_milli, long h)
{
    struct settings s;
    struct abk_pair p = {0};
    struct abk_result r;
    struct beban b = row(METODE_JP, hours_milli, -1);
    settings_defaults(&s);
    assert_int_equal(abk_pair_add_row(&p, &b, 0), ERR_OK);
    p.h = h;
    assert_int_equal(abk_pair_result(&s, &p, &r), ERR_OK);
    assert_true(r.jp_band);
    return abk_pj(&s, &r);
}

/* Issue #17 part 5 (2026-12-06): a teacher is rated on the legal band of
 * 24 to 40 JP a week, so EJ from 0.90 up to 40/24 is B, not A. */
static void
test_abk_pj_of_teachers_spans_the_jp_band(void **state)
{
    (void)state;
    assert_int_equal(pj_of_hours(40000, 1), 'B'); /* 40 JP: EJ 40/24. */
    assert_int_equal(pj_of_hours(80000, 2), 'B'); /* 40 JP each. */
    assert_int_equal(pj_of_hours(40001, 1), 'A'); /* 40.001 JP. */
    assert_int_equal(pj_of_hours(30000, 1), 'B'); /* EJ 1.25. */
    assert_int_equal(pj_of_hours(24000, 1), 'B'); /* EJ 1.00. */
    assert_int_equal(pj_of_hours(21600, 1), 'B'); /* 21.6 JP: EJ 0.90. */
    assert_int_equal(pj_of_hours(64800, 3), 'B'); /* 0.90 over 3. */
    assert_int_equal(pj_of_hours(21599, 1), 'C'); /* Just below 0.90. */
    assert_int_equal(pj_of_hours(16800, 1), 'C'); /* 0.70. */
    assert_int_equal(pj_of_hours(11999, 1), 'E');
    assert_int_equal(pj_of_hours(24000, 0), '\0');
}

/* Group rows keep the usual table even when all their pairs are 'jp'
 * pairs (contract section 4). */
static void
test_abk_pj_of_groups_keeps_the_table(void **state)
{
    struct settings s;
    struct abk_pair p = {0};
    struct abk_result r;
    struct abk_result sum = {0};
    struct beban b = row(METODE_JP, 40000, -1);
    (void)state;
    settings_defaults(&s);
    assert_int_equal(abk_pair_add_row(&p, &b, 0), ERR_OK);
    p.h = 1;
    assert_int_equal(abk_pair_result(&s, &p, &r), ERR_OK);
    assert_int_equal(abk_sum(&sum, &r), ERR_OK);
    assert_false(sum.jp_band);
    assert_int_equal(abk_pj(&s, &r), 'B');
    assert_int_equal(abk_pj(&s, &sum), 'A'); /* EJ 1.667 > 1.00. */
}

static void
test_abk_task_need_is_at_least_one(void **state)
{
    const int64_t tiny[][2] = {{1, 1}};      /* One minute a year. */
    const int64_t half[][2] = {{37500, 1}};  /* 0.5 exactly: half up. */
    const int64_t less[][2] = {{112499, 1}}; /* 1.49998...: 1. */
    (void)state;
    assert_int_equal(tasks(tiny, 1, 0).bulat, 1);
    assert_int_equal(tasks(half, 1, 0).bulat, 1);
    assert_int_equal(tasks(less, 1, 0).bulat, 1);
}

static void
test_abk_surge_counts_within_its_dates(void **state)
{
    struct settings s;
    int32_t from = date_from_ymd(2026, 11, 1);
    int32_t to = date_from_ymd(2027, 3, 31);
    struct beban base = row(METODE_TUGAS, 75000 * 1000, 1000);
    struct beban surge = row(METODE_TUGAS, 75000 * 1000, 1000);
    surge.berlaku_mulai = from;
    surge.berlaku_sampai = to;
    (void)state;
    settings_defaults(&s);
    const int32_t days[] = {from - 1, from, to, to + 1};
    const int64_t want[] = {1, 2, 2, 1};
    for (int i = 0; i < 4; i++) {
        struct abk_pair p = {0};
        struct abk_result r;
        p.surge_until = DATE_NONE;
        assert_int_equal(abk_pair_add_row(&p, &base, days[i]), ERR_OK);
        assert_int_equal(abk_pair_add_row(&p, &surge, days[i]), ERR_OK);
        assert_int_equal(abk_pair_result(&s, &p, &r), ERR_OK);
        assert_int_equal(r.bulat, want[i]);
        assert_int_equal(r.bulat_perm, 1); /* sementara = bulat - 1 */
    }
}

static void
test_abk_group_sums_are_not_rerounded(void **state)
{
    struct settings s;
    const int64_t vm[][2] = {{45000, 1}}; /* 0.6: rounds to 1. */
    struct abk_result sum = {0};
    struct abk_result none = {0};
    (void)state;
    settings_defaults(&s);
    struct abk_result a = tasks(vm, 1, 1);
    assert_int_equal(abk_sum(&sum, &a), ERR_OK);
    assert_int_equal(abk_sum(&sum, &a), ERR_OK);
    assert_int_equal(abk_sum(&sum, &none), ERR_OK); /* Not analysed. */
    assert_int_equal(sum.bulat, 2);                 /* Not round(1.2). */
    assert_int_equal(abk_milli(&s, sum.need_num), 1200);
    assert_int_equal(sum.h, 2);
    assert_int_equal(abk_ej_milli(&s, &sum), 600);
}

static void
test_abk_mixed_methods_are_refused(void **state)
{
    struct abk_pair p = {0};
    struct beban a = row(METODE_ROMBEL, 6000, -1);
    struct beban b = row(METODE_JP, 6000, -1);
    (void)state;
    assert_int_equal(abk_pair_add_row(&p, &a, 0), ERR_OK);
    assert_int_equal(abk_pair_add_row(&p, &b, 0), ERR_INVAL);
}

static void
test_rules_bup_by_position_kind(void **state)
{
    struct settings s;
    struct jabatan j = {"J",  "J", JAB_PELAKSANA, NULL, NULL, false, 0,
                        NULL, -1,  NULL,          NULL};
    (void)state;
    settings_defaults(&s);
    assert_int_equal(rules_bup(&s, &j), 58);
    j.jenis = JAB_JPT;
    assert_int_equal(rules_bup(&s, &j), 60);
    j.jenis = JAB_FUNGSIONAL_KEAHLIAN;
    j.jenjang = "pertama";
    assert_int_equal(rules_bup(&s, &j), 58);
    j.jenjang = "muda";
    assert_int_equal(rules_bup(&s, &j), 58);
    j.jenjang = "madya";
    assert_int_equal(rules_bup(&s, &j), 60);
    j.jenjang = "utama";
    assert_int_equal(rules_bup(&s, &j), 65);
    j.jenis = JAB_FUNGSIONAL_KETERAMPILAN;
    j.jenjang = "penyelia";
    assert_int_equal(rules_bup(&s, &j), 58);
    j.guru = true;
    assert_int_equal(rules_bup(&s, &j), 60);
    j.bup = 62; /* The override wins. */
    assert_int_equal(rules_bup(&s, &j), 62);
    j.bup = 0;
    j.guru = false;
    s.bup_umum = 56; /* A setting, not a constant. */
    assert_int_equal(rules_bup(&s, &j), 56);
}

static void
test_rules_tmt_pensiun_month_rule(void **state)
{
    (void)state;
    assert_int_equal(rules_tmt_pensiun(date_from_ymd(1966, 3, 15), 58),
                     date_from_ymd(2024, 4, 1));
    assert_int_equal(rules_tmt_pensiun(date_from_ymd(1968, 2, 29), 58),
                     date_from_ymd(2026, 3, 1));
    assert_int_equal(rules_tmt_pensiun(date_from_ymd(1966, 12, 31), 60),
                     date_from_ymd(2027, 1, 1));
    assert_int_equal(rules_tmt_pensiun(date_from_ymd(1970, 5, 1), 58),
                     date_from_ymd(2028, 6, 1));
    assert_int_equal(rules_tmt_pensiun(date_from_ymd(1970, 1, 31), 65),
                     date_from_ymd(2035, 2, 1));
}

/* Part-time PPPK are counted apart and join the bezetting only at the
 * weight pppk_pw_bobot, rounded half up per pair: 2 staff and 3 part-time
 * make 2 (weight 0), 2 + 1.5 -> 4 (0.5), 2 + 0.999 -> 3 (0.333), 5 (1). */
static void
test_abk_part_time_pppk_weight(void **state)
{
    static const struct {
        int64_t bobot_milli;
        long h;
    } cases[] = {{0, 2}, {500, 4}, {333, 3}, {1000, 5}};
    (void)state;
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        struct settings s;
        struct abk_result r;
        struct abk_pair p;
        settings_defaults(&s);
        s.pppk_pw_bobot_milli = cases[c].bobot_milli;
        memset(&p, 0, sizeof(p));
        p.has_rows = true;
        p.metode = METODE_TETAP;
        p.milli = 3000;
        p.milli_perm = 3000;
        p.h = 2;
        p.h_pns = 2;
        p.h_pppk_pw = 3;
        assert_int_equal(abk_pair_result(&s, &p, &r), ERR_OK);
        assert_int_equal(r.h, cases[c].h);
        assert_int_equal(r.h_pppk_pw, 3);
        assert_int_equal(r.h_pns, 2);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_abk_worked_example_ajudan_in_hours),
        cmocka_unit_test(test_abk_worked_example_pengadministrasi),
        cmocka_unit_test(test_abk_pj_boundaries_are_exact),
        cmocka_unit_test(test_abk_part_time_pppk_weight),
        cmocka_unit_test(test_abk_teacher_rounding),
        cmocka_unit_test(test_abk_pj_of_teachers_spans_the_jp_band),
        cmocka_unit_test(test_abk_pj_of_groups_keeps_the_table),
        cmocka_unit_test(test_abk_task_need_is_at_least_one),
        cmocka_unit_test(test_abk_surge_counts_within_its_dates),
        cmocka_unit_test(test_abk_group_sums_are_not_rerounded),
        cmocka_unit_test(test_abk_mixed_methods_are_refused),
        cmocka_unit_test(test_rules_bup_by_position_kind),
        cmocka_unit_test(test_rules_tmt_pensiun_month_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
