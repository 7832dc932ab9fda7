/* SPDX-License-Identifier: MIT */
/* Unit tests of settings: the defaults of contract.md section 8 and
 * domain.md, the order of the table, and the check and normal form of
 * values of each type. */
#include "settings.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

struct want_default {
    const char *key;
    const char *dflt;
};

/* The defaults the contract and domain.md name. */
static const struct want_default want_defaults[] = {
    {"wke_menit", "75000"},
    {"pembulatan", "half_up"},
    {"kurikulum", "merdeka"}, /* Issue #17 part 5. */
    {"pj_a", "1"},
    {"pj_b", "0.9"},
    {"pj_c", "0.7"},
    {"pj_d", "0.5"},
    {"min_bulan_unit", "24"},
    {"rotasi_bulan", "60"},
    {"pensiun_bulan", "12"},
    {"aps_ikatan_tahun", "10"},
    {"aps_ikatan_formasi", "2021"},
    {"pppk_boleh", "1"},
    {"pppk_pw_bobot", "0"},
    {"skp_min_aps", "baik"},
    {"skp_directed", "0"},
    {"poin_per_tahun", "5"},
    {"poin_tahun_maks", "50"},
    {"biaya_pindah", "1000"},
    {"biaya_per_km", "100"},
    {"potongan_rotasi", "300"},
    {"potongan_diminta", "500"},
    {"nilai_slot", "10000"},
    {"poin_ikut_pasangan", "100"},
    {"poin_kesehatan", "80"},
    {"poin_dekat_domisili", "30"},
    {"poin_pengembangan_karier", "20"},
    {"poin_lainnya", "0"},
    {"bobot_sekolah", "3"},
    {"bobot_puskesmas", "3"},
    {"bobot_rsud", "3"},
    {"bobot_kelurahan", "2"},
    {"bobot_lainnya", "1"},
    /* domain.md section 4: 58, 60 for JPT, ahli madya and teachers, 65
     * for ahli utama. */
    {"bup_umum", "58"},
    {"bup_jpt", "60"},
    {"bup_ahli_madya", "60"},
    {"bup_guru", "60"},
    {"bup_ahli_utama", "65"},
};

/* Normalize 'value' for 'key', expecting success and 'want'. */
static void
expect_normal(const char *key, const char *value, const char *want)
{
    char out[128];
    char why[256] = "";
    const struct setting_def *def = settings_find(key);
    assert_non_null(def);
    assert_int_equal(
        settings_normalize(def, value, out, sizeof(out), why, sizeof(why)),
        ERR_OK);
    assert_string_equal(out, want);
}

/* Normalize 'value' for 'key', expecting ERR_INVAL with a reason. */
static void
expect_rejected(const char *key, const char *value)
{
    char out[128] = "untouched";
    char why[256] = "";
    const struct setting_def *def = settings_find(key);
    assert_non_null(def);
    assert_int_equal(
        settings_normalize(def, value, out, sizeof(out), why, sizeof(why)),
        ERR_INVAL);
    assert_true(strlen(why) > 0);
}

static void
test_settings_contract_defaults(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(want_defaults) / sizeof(want_defaults[0]);
         i++) {
        const struct setting_def *def = settings_find(want_defaults[i].key);
        assert_non_null(def);
        assert_string_equal(def->key, want_defaults[i].key);
        assert_string_equal(def->dflt, want_defaults[i].dflt);
    }
}

static void
test_settings_other_contract_keys_exist(void **state)
{
    static const char *const keys[] = {"sk_nomor", "sesi_menit", "login_maks"};
    (void)state;
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        assert_non_null(settings_find(keys[i]));
    }
}

static void
test_settings_types(void **state)
{
    (void)state;
    assert_int_equal(settings_find("pembulatan")->type, SETTING_WORD);
    assert_int_equal(settings_find("pj_a")->type, SETTING_DECIMAL);
    assert_int_equal(settings_find("pj_d")->type, SETTING_DECIMAL);
    assert_int_equal(settings_find("wke_menit")->type, SETTING_INT);
    assert_int_equal(settings_find("sk_nomor")->type, SETTING_TEXT);
}

static void
test_settings_table_sorted_without_duplicates(void **state)
{
    (void)state;
    assert_true(settings_count() > 0);
    for (size_t i = 1; i < settings_count(); i++) {
        assert_true(strcmp(settings_at(i - 1)->key, settings_at(i)->key) < 0);
    }
}

static void
test_settings_every_entry_is_complete(void **state)
{
    (void)state;
    for (size_t i = 0; i < settings_count(); i++) {
        const struct setting_def *def = settings_at(i);
        assert_non_null(def);
        assert_non_null(def->key);
        assert_non_null(def->dflt);
        assert_non_null(def->help);
        assert_true(strlen(def->help) > 0);
        assert_ptr_equal(settings_find(def->key), def);
        if (def->type == SETTING_WORD) {
            assert_non_null(def->words);
        }
        if (def->type == SETTING_INT || def->type == SETTING_DECIMAL) {
            assert_true(def->min <= def->max);
        }
    }
    assert_null(settings_at(settings_count()));
}

static void
test_settings_find_unknown_key(void **state)
{
    (void)state;
    assert_null(settings_find("nope"));
    assert_null(settings_find(""));
    assert_null(settings_find("WKE_MENIT"));
    assert_null(settings_find("pj_"));
}

static void
test_settings_each_default_is_normal(void **state)
{
    (void)state;
    for (size_t i = 0; i < settings_count(); i++) {
        const struct setting_def *def = settings_at(i);
        expect_normal(def->key, def->dflt, def->dflt);
    }
}

/* Issue 16: the settings of documents (long lists, the emblem) sit in
 * their own sorted table, found by settings_find(), with normal
 * defaults. */
static void
test_settings_doc_table_sorted_complete_and_normal(void **state)
{
    (void)state;
    char *out = malloc(SETTINGS_VALUE_MAX);
    char why[256];
    assert_non_null(out);
    assert_true(settings_doc_count() > 0);
    for (size_t i = 0; i < settings_doc_count(); i++) {
        const struct setting_def *def = settings_doc_at(i);
        if (i > 0) {
            assert_true(strcmp(settings_doc_at(i - 1)->key, def->key) < 0);
        }
        assert_ptr_equal(settings_find(def->key), def);
        assert_int_equal(settings_normalize(def, def->dflt, out,
                                            SETTINGS_VALUE_MAX, why,
                                            sizeof(why)),
                         ERR_OK);
        assert_string_equal(out, def->dflt);
        for (size_t k = 0; k < settings_count(); k++) {
            assert_string_not_equal(settings_at(k)->key, def->key);
        }
    }
    assert_null(settings_doc_at(settings_doc_count()));
    free(out);
}

/* Issue 16: a list setting keeps its items one a line, trimmed, without
 * empty lines; the default Mengingat has seven items and the default
 * Tembusan names no BPKAD. */
static void
test_settings_lines_trimmed_and_defaults_listed(void **state)
{
    (void)state;
    expect_normal("sk_tembusan", " satu \r\n\n dua\n", "satu\ndua");
    expect_rejected("sk_tembusan", " \n\n");
    const char *m = settings_find("sk_mengingat")->dflt;
    int lines = 1;
    for (const char *p = m; *p != '\0'; p++) {
        lines += *p == '\n';
    }
    assert_int_equal(lines, 7);
    assert_non_null(strstr(m, "Nomor 4 Tahun 1993"));
    const char *t = settings_find("sk_tembusan")->dflt;
    assert_null(strstr(t, "BPKAD"));
    assert_null(strstr(t, "Pengelolaan Keuangan"));
    assert_non_null(strstr(t, "Badan Keuangan Daerah"));
    expect_normal("sk_lambang", "", "");
    expect_rejected("sk_lambang", "not base64!");
}

static void
test_settings_normalize_decimal_drops_trailing_zeros(void **state)
{
    (void)state;
    expect_normal("pj_b", "0.90", "0.9");
    expect_normal("pj_b", "0.900", "0.9");
    expect_normal("pj_a", "1.000", "1");
    expect_normal("pj_c", "0.75", "0.75");
    expect_normal("pj_d", "0.125", "0.125");
    expect_normal("pj_d", "0", "0");
}

static void
test_settings_normalize_int_forms(void **state)
{
    (void)state;
    expect_normal("wke_menit", "075000", "75000");
    expect_normal("wke_menit", "1", "1");
    expect_normal("wke_menit", "1000000", "1000000");
    expect_normal("pppk_boleh", "1", "1");
    /* Review 2026-11-29: whole-number settings take no separator. */
    expect_rejected("rotasi_bulan", "36.0");
    expect_rejected("wke_menit", "75.000");
}

static void
test_settings_normalize_rejects_non_numbers(void **state)
{
    (void)state;
    expect_rejected("wke_menit", "abc");
    expect_rejected("wke_menit", "");
    expect_rejected("wke_menit", "75 000");
    expect_rejected("wke_menit", "75.000.0");
    expect_rejected("pj_b", "abc");
    expect_rejected("pj_b", "0,9");
    expect_rejected("pj_b", ".9");
}

static void
test_settings_normalize_rejects_out_of_range(void **state)
{
    (void)state;
    expect_rejected("wke_menit", "0");
    expect_rejected("wke_menit", "1000001");
    expect_rejected("wke_menit", "-5");
    expect_rejected("pppk_boleh", "2");
    expect_rejected("aps_ikatan_formasi", "1949");
    expect_rejected("pj_a", "10.001");
    expect_rejected("pj_a", "-0.001");
    expect_rejected("wke_menit", "99999999999999999999");
}

static void
test_settings_normalize_rejects_too_many_decimals(void **state)
{
    (void)state;
    expect_rejected("pj_b", "0.9001");
    expect_rejected("pj_b", "0.1234");
    expect_rejected("wke_menit", "75000.5");
    /* Zeros past the third decimal change nothing. */
    expect_normal("pj_b", "0.9000", "0.9");
}

static void
test_settings_normalize_word(void **state)
{
    (void)state;
    expect_normal("pembulatan", "half_up", "half_up");
    expect_normal("pembulatan", "ceil", "ceil");
    expect_normal("pembulatan", "floor", "floor");
    expect_rejected("pembulatan", "round");
    expect_rejected("pembulatan", "HALF_UP");
    expect_rejected("pembulatan", "half_up ");
    expect_rejected("pembulatan", "");
    expect_normal("kurikulum", "merdeka", "merdeka");
    expect_normal("kurikulum", "k13", "k13");
    expect_rejected("kurikulum", "2013");
}

static void
test_settings_normalize_text_single_line(void **state)
{
    (void)state;
    expect_normal("sk_nomor", "821/{nomor}/BKD/{tahun}",
                  "821/{nomor}/BKD/{tahun}");
    expect_rejected("sk_nomor", "800/{nomor}\n/{tahun}");
    expect_rejected("sk_nomor", "800/{nomor}\r/{tahun}");
    expect_rejected("sk_nomor", "line\r\n");
    expect_rejected("sk_nomor", "");
}

static void
test_settings_normalize_text_longer_than_out(void **state)
{
    char out[8];
    char why[128] = "";
    const struct setting_def *def = settings_find("sk_nomor");
    (void)state;
    assert_int_equal(settings_normalize(def, "0123456789", out, sizeof(out),
                                        why, sizeof(why)),
                     ERR_INVAL);
    assert_true(strlen(why) > 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_settings_contract_defaults),
        cmocka_unit_test(test_settings_other_contract_keys_exist),
        cmocka_unit_test(test_settings_types),
        cmocka_unit_test(test_settings_table_sorted_without_duplicates),
        cmocka_unit_test(test_settings_every_entry_is_complete),
        cmocka_unit_test(test_settings_find_unknown_key),
        cmocka_unit_test(test_settings_each_default_is_normal),
        cmocka_unit_test(test_settings_doc_table_sorted_complete_and_normal),
        cmocka_unit_test(test_settings_lines_trimmed_and_defaults_listed),
        cmocka_unit_test(test_settings_normalize_decimal_drops_trailing_zeros),
        cmocka_unit_test(test_settings_normalize_int_forms),
        cmocka_unit_test(test_settings_normalize_rejects_non_numbers),
        cmocka_unit_test(test_settings_normalize_rejects_out_of_range),
        cmocka_unit_test(test_settings_normalize_rejects_too_many_decimals),
        cmocka_unit_test(test_settings_normalize_word),
        cmocka_unit_test(test_settings_normalize_text_single_line),
        cmocka_unit_test(test_settings_normalize_text_longer_than_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
