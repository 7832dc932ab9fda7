/* SPDX-License-Identifier: MIT */
/* Unit tests of model: the CSV words of every enumeration (contract
 * section 3) in value order, their round trip, the golongan lists, and
 * the predicates on positions and request statuses. */
#include "model.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

/* Each value's word must be 'words[value]', and nothing more. */
static void
expect_words(const struct model_enum *e, const char *const *words, int n)
{
    assert_int_equal(e->n_names, n);
    for (int v = 0; v < n; v++) {
        assert_string_equal(model_enum_name(e, v), words[v]);
        assert_int_equal(model_enum_parse(e, words[v], strlen(words[v])), v);
    }
}

static void
test_model_unit_jenis_words(void **state)
{
    static const char *const words[] = {
        [UNIT_OPD] = "opd",
        [UNIT_BIDANG] = "bidang",
        [UNIT_SEKOLAH] = "sekolah",
        [UNIT_PUSKESMAS] = "puskesmas",
        [UNIT_RSUD] = "rsud",
        [UNIT_KECAMATAN] = "kecamatan",
        [UNIT_KELURAHAN] = "kelurahan",
        [UNIT_LAINNYA] = "lainnya",
    };
    (void)state;
    expect_words(&model_unit_jenis, words, 8);
    assert_string_equal(model_unit_jenis.field, "jenis");
}

static void
test_model_jabatan_jenis_words(void **state)
{
    static const char *const words[] = {
        [JAB_JPT] = "jpt",
        [JAB_ADMINISTRATOR] = "administrator",
        [JAB_PENGAWAS] = "pengawas",
        [JAB_PELAKSANA] = "pelaksana",
        [JAB_FUNGSIONAL_KEAHLIAN] = "fungsional_keahlian",
        [JAB_FUNGSIONAL_KETERAMPILAN] = "fungsional_keterampilan",
    };
    (void)state;
    expect_words(&model_jabatan_jenis, words, 6);
    assert_string_equal(model_jabatan_jenis.field, "jenis");
}

static void
test_model_metode_words(void **state)
{
    static const char *const words[] = {
        [METODE_TUGAS] = "tugas",
        [METODE_ROMBEL] = "rombel",
        [METODE_JP] = "jp",
        [METODE_TETAP] = "tetap",
    };
    (void)state;
    expect_words(&model_metode, words, 4);
    assert_string_equal(model_metode.field, "metode");
}

static void
test_model_status_words(void **state)
{
    static const char *const words[] = {
        [STATUS_CPNS] = "CPNS",
        [STATUS_PNS] = "PNS",
        [STATUS_PPPK] = "PPPK",
        [STATUS_PPPK_PW] = "PPPK_PW",
    };
    (void)state;
    expect_words(&model_status, words, 4);
    assert_string_equal(model_status.field, "status");
}

static void
test_model_predikat_ordered_worst_first(void **state)
{
    static const char *const words[] = {
        [SKP_SANGAT_KURANG] = "sangat_kurang",     [SKP_KURANG] = "kurang",
        [SKP_BUTUH_PERBAIKAN] = "butuh_perbaikan", [SKP_BAIK] = "baik",
        [SKP_SANGAT_BAIK] = "sangat_baik",
    };
    (void)state;
    expect_words(&model_predikat, words, 5);
    assert_true(SKP_BAIK > SKP_BUTUH_PERBAIKAN);
}

/* The level at the start of an employee's pendidikan, in the spellings
 * Indonesian records use; anything else is no level. */
static void
test_model_pendidikan_level(void **state)
{
    static const struct {
        const char *text;
        int level;
    } cases[] = {
        {"S1 PGSD", PEND_S1},
        {"s2 Manajemen", PEND_S2},
        {"S3", PEND_S3},
        {"SMA", PEND_SMA},
        {"SLTA", PEND_SMA},
        {"SMK Kesehatan", PEND_SMA},
        {"SLTP", PEND_SMP},
        {"SD", PEND_SD},
        {"DIII Keperawatan", PEND_D3},
        {"D-III Kebidanan", PEND_D3},
        {"D.III Farmasi", PEND_D3},
        {"D III Gizi", PEND_D3},
        {"D3 Analis Kesehatan", PEND_D3},
        {"D-IV Kebidanan", PEND_D4},
        {"DIV Keperawatan", PEND_D4},
        {"D4", PEND_D4},
        {"D1", PEND_D1},
        {"S-1 Hukum", PEND_S1},
        {"S1, Ekonomi", PEND_S1},
        {"Profesi Dokter", PEND_S1},
        {"Spesialis Anak", PEND_S2},
        {"Sarjana Hukum", -1},
        {"S1PGSD", -1},
        {"SMAN 1 Mataram", -1},
        {"", -1},
        {"D5", -1},
        {"Dokter", -1},
    };
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int got = model_pendidikan_level(cases[i].text);
        if (got != cases[i].level) {
            fail_msg("'%s': level %d, want %d", cases[i].text, got,
                     cases[i].level);
        }
    }
    assert_int_equal(model_pendidikan_level(NULL), -1);
}

static void
test_model_golongan_rank(void **state)
{
    (void)state;
    assert_int_equal(model_golongan_rank("I/a"), 0);
    assert_int_equal(model_golongan_rank("III/a"), 8);
    assert_int_equal(model_golongan_rank("IV/e"), 16);
    assert_int_equal(model_golongan_rank("IX"), -1);
    assert_int_equal(model_golongan_rank(NULL), -1);
    assert_true(model_status_is_pppk(STATUS_PPPK_PW));
    assert_false(model_status_is_pppk(STATUS_PNS));
}

static void
test_model_alasan_words(void **state)
{
    static const char *const words[] = {
        [ALASAN_IKUT_PASANGAN] = "ikut_pasangan",
        [ALASAN_KESEHATAN] = "kesehatan",
        [ALASAN_DEKAT_DOMISILI] = "dekat_domisili",
        [ALASAN_PENGEMBANGAN_KARIER] = "pengembangan_karier",
        [ALASAN_LAINNYA] = "lainnya",
    };
    (void)state;
    expect_words(&model_alasan, words, 5);
    assert_string_equal(model_alasan.field, "alasan");
}

static void
test_model_permohonan_status_words(void **state)
{
    static const char *const words[] = {
        [PERMOHONAN_DRAF] = "draf",
        [PERMOHONAN_DIAJUKAN] = "diajukan",
        [PERMOHONAN_DISETUJUI_ASAL] = "disetujui_asal",
        [PERMOHONAN_DISETUJUI_TUJUAN] = "disetujui_tujuan",
        [PERMOHONAN_DIVERIFIKASI] = "diverifikasi",
        [PERMOHONAN_DIPERTIMBANGKAN] = "dipertimbangkan",
        [PERMOHONAN_DITETAPKAN] = "ditetapkan",
        [PERMOHONAN_SELESAI] = "selesai",
        [PERMOHONAN_DITOLAK] = "ditolak",
        [PERMOHONAN_DIBATALKAN] = "dibatalkan",
    };
    (void)state;
    expect_words(&model_permohonan_status, words, 10);
}

static void
test_model_golongan_pns_has_17_ranks(void **state)
{
    static const char *const words[] = {
        "I/a",  "I/b",  "I/c",   "I/d",   "II/a",  "II/b",
        "II/c", "II/d", "III/a", "III/b", "III/c", "III/d",
        "IV/a", "IV/b", "IV/c",  "IV/d",  "IV/e"};
    (void)state;
    expect_words(&model_golongan_pns, words, 17);
    assert_string_equal(model_golongan_pns.field, "golongan");
}

static void
test_model_golongan_pppk_has_17_ranks(void **state)
{
    static const char *const words[] = {
        "I", "II", "III", "IV",   "V",   "VI", "VII", "VIII", "IX",
        "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"};
    (void)state;
    expect_words(&model_golongan_pppk, words, 17);
    assert_string_equal(model_golongan_pppk.field, "golongan");
}

static void
test_model_every_table_round_trips(void **state)
{
    static const struct model_enum *const all[] = {
        &model_unit_jenis,   &model_jabatan_jenis, &model_metode,
        &model_status,       &model_alasan,        &model_permohonan_status,
        &model_golongan_pns, &model_golongan_pppk,
    };
    (void)state;
    for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
        const struct model_enum *e = all[i];
        assert_true(e->n_names > 0);
        for (int v = 0; v < e->n_names; v++) {
            const char *name = model_enum_name(e, v);
            assert_true(strlen(name) > 0);
            assert_int_equal(model_enum_parse(e, name, strlen(name)), v);
        }
        assert_string_equal(model_enum_name(e, -1), "");
        assert_string_equal(model_enum_name(e, e->n_names), "");
    }
}

static void
test_model_unknown_words_give_minus_one(void **state)
{
    (void)state;
    assert_int_equal(model_enum_parse(&model_unit_jenis, "", 0), -1);
    assert_int_equal(model_enum_parse(&model_unit_jenis, "OPD", 3), -1);
    assert_int_equal(model_enum_parse(&model_unit_jenis, "op", 2), -1);
    assert_int_equal(model_enum_parse(&model_unit_jenis, "opd ", 4), -1);
    assert_int_equal(model_enum_parse(&model_unit_jenis, "dinas", 5), -1);
    assert_int_equal(model_enum_parse(&model_status, "cpns", 4), -1);
    assert_int_equal(model_enum_parse(&model_status, "PN", 2), -1);
    assert_int_equal(model_enum_parse(&model_metode, "jpx", 3), -1);
    assert_int_equal(model_enum_parse(&model_golongan_pns, "III/e", 5), -1);
    assert_int_equal(model_enum_parse(&model_golongan_pns, "III", 3), -1);
    assert_int_equal(model_enum_parse(&model_golongan_pppk, "XVIII", 5), -1);
    assert_int_equal(model_enum_parse(&model_golongan_pppk, "I/a", 3), -1);
}

static void
test_model_enum_parse_reads_only_len_bytes(void **state)
{
    (void)state;
    assert_int_equal(model_enum_parse(&model_unit_jenis, "rsud,x", 4),
                     UNIT_RSUD);
    /* The first three bytes of "XVII" are "XVI", rank 16 at index 15. */
    assert_int_equal(model_enum_parse(&model_golongan_pppk, "XVII", 3), 15);
}

static void
test_model_enum_list_joins_words(void **state)
{
    char out[256];
    char tiny[12];
    (void)state;
    assert_string_equal(model_enum_list(&model_metode, out, sizeof(out)),
                        "tugas, rombel, jp, tetap");
    /* Truncated to whole words that fit. */
    const char *got = model_enum_list(&model_metode, tiny, sizeof(tiny));
    assert_ptr_equal(got, tiny);
    assert_true(strlen(tiny) < sizeof(tiny));
    assert_memory_equal(tiny, "tugas", 5);
}

static void
test_model_permohonan_is_open_for_each_status(void **state)
{
    (void)state;
    assert_true(model_permohonan_is_open(PERMOHONAN_DRAF));
    assert_true(model_permohonan_is_open(PERMOHONAN_DIAJUKAN));
    assert_true(model_permohonan_is_open(PERMOHONAN_DISETUJUI_ASAL));
    assert_true(model_permohonan_is_open(PERMOHONAN_DISETUJUI_TUJUAN));
    assert_true(model_permohonan_is_open(PERMOHONAN_DIVERIFIKASI));
    assert_true(model_permohonan_is_open(PERMOHONAN_DIPERTIMBANGKAN));
    /* Decreed but not yet reported for duty: not finished. */
    assert_true(model_permohonan_is_open(PERMOHONAN_DITETAPKAN));
    assert_false(model_permohonan_is_open(PERMOHONAN_SELESAI));
    assert_false(model_permohonan_is_open(PERMOHONAN_DITOLAK));
    assert_false(model_permohonan_is_open(PERMOHONAN_DIBATALKAN));
}

static void
test_model_jabatan_is_struktural(void **state)
{
    (void)state;
    assert_true(model_jabatan_is_struktural(JAB_JPT));
    assert_true(model_jabatan_is_struktural(JAB_ADMINISTRATOR));
    assert_true(model_jabatan_is_struktural(JAB_PENGAWAS));
    assert_false(model_jabatan_is_struktural(JAB_PELAKSANA));
    assert_false(model_jabatan_is_struktural(JAB_FUNGSIONAL_KEAHLIAN));
    assert_false(model_jabatan_is_struktural(JAB_FUNGSIONAL_KETERAMPILAN));
}

/* Issue 16: the Lampiran writes the pangkat in words with the golongan
 * ruang; PPPK have a golongan without pangkat. */
static void
test_model_pangkat_text_in_words(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"I/a", "Juru Muda, I/a"},
        {"I/d", "Juru Tingkat I, I/d"},
        {"II/b", "Pengatur Muda Tingkat I, II/b"},
        {"III/a", "Penata Muda, III/a"},
        {"III/d", "Penata Tingkat I, III/d"},
        {"IV/c", "Pembina Utama Muda, IV/c"},
        {"IV/d", "Pembina Utama Madya, IV/d"},
        {"IV/e", "Pembina Utama, IV/e"},
        {"IX", "Golongan IX"},
        {"XVII", "Golongan XVII"},
        {"", "-"}};
    char out[96];
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        model_pangkat_text(cases[i][0], out, sizeof(out));
        assert_string_equal(out, cases[i][1]);
    }
    model_pangkat_text(NULL, out, sizeof(out));
    assert_string_equal(out, "-");
}

/* Issue 16: a unit is named with its parent unless the parent is the
 * government's root, exactly as stored. */
static void
test_model_unit_title_with_parent(void **state)
{
    (void)state;
    char out[256];
    model_unit_title("Bagian Kesejahteraan Rakyat", "Sekretariat Daerah", out,
                     sizeof(out));
    assert_string_equal(out, "Bagian Kesejahteraan Rakyat Sekretariat Daerah");
    model_unit_title("Dinas Kesehatan", NULL, out, sizeof(out));
    assert_string_equal(out, "Dinas Kesehatan");
    model_unit_title("SDN 1 mataram", "dinas PENDIDIKAN", out, sizeof(out));
    assert_string_equal(out, "SDN 1 mataram dinas PENDIDIKAN");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_unit_jenis_words),
        cmocka_unit_test(test_model_jabatan_jenis_words),
        cmocka_unit_test(test_model_metode_words),
        cmocka_unit_test(test_model_status_words),
        cmocka_unit_test(test_model_alasan_words),
        cmocka_unit_test(test_model_predikat_ordered_worst_first),
        cmocka_unit_test(test_model_pendidikan_level),
        cmocka_unit_test(test_model_golongan_rank),
        cmocka_unit_test(test_model_permohonan_status_words),
        cmocka_unit_test(test_model_golongan_pns_has_17_ranks),
        cmocka_unit_test(test_model_golongan_pppk_has_17_ranks),
        cmocka_unit_test(test_model_every_table_round_trips),
        cmocka_unit_test(test_model_unknown_words_give_minus_one),
        cmocka_unit_test(test_model_enum_parse_reads_only_len_bytes),
        cmocka_unit_test(test_model_enum_list_joins_words),
        cmocka_unit_test(test_model_permohonan_is_open_for_each_status),
        cmocka_unit_test(test_model_jabatan_is_struktural),
        cmocka_unit_test(test_model_pangkat_text_in_words),
        cmocka_unit_test(test_model_unit_title_with_parent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
