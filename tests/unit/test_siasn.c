/* SPDX-License-Identifier: MIT */
/* Unit tests of siasn.c: SIASN's export CSV and reference JSON read into
 * our forms, with their problems reported as FILE:LINE:COLUMN. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "model.h"
#include "siasn.h"

static enum err
read_text(enum siasn_file k, const char *text, struct diag *d,
          struct siasn_table *t)
{
    diag_init(d, 20);
    return siasn_read(k, "f", text, strlen(text), d, t);
}

static void
test_asn_pipe_file_with_quotes_and_null(void **state)
{
    (void)state;
    struct diag d;
    struct siasn_table t;
    const char *text =
        "PNS ID|NIP BARU|NAMA|Gelar-Belakang|TANGGAL LAHIR|GOL AKHIR ID|"
        "JABATAN ID|TMT JABATAN|UNOR ID|lain\n"
        "E0000000000000000000000000000001|'198003152005022002|Siti|null|"
        "15-3-1980|33|b0000000000000000000000000000001|01-07-2015|"
        "a0000000000000000000000000000004|x\n";
    assert_int_equal(read_text(SIASN_ASN, text, &d, &t), ERR_OK);
    assert_false(t.bad);
    assert_int_equal(d.n_errors, 0);
    assert_int_equal(t.n_rows, 1);
    assert_int_equal(t.lines[0], 2);
    assert_string_equal(siasn_cell(&t, 0, SA_PNS_ID),
                        "e0000000000000000000000000000001");
    assert_string_equal(siasn_cell(&t, 0, SA_NIP_BARU), "198003152005022002");
    assert_null(siasn_cell(&t, 0, SA_GELAR_BELAKANG));
    assert_string_equal(siasn_cell(&t, 0, SA_TANGGAL_LAHIR), "1980-03-15");
    assert_string_equal(siasn_cell(&t, 0, SA_GOL_AKHIR_ID), "III/c");
    assert_int_equal(t.field[SA_UNOR_ID], 9);
    assert_int_equal(t.field[SA_JENIS_KELAMIN], 0);
    siasn_table_cleanup(&t);
    diag_cleanup(&d);
}

static void
test_asn_problems_name_line_and_field(void **state)
{
    (void)state;
    struct diag d;
    struct siasn_table t;
    const char *text =
        "nip_baru,nama,tanggal_lahir,gol_akhir_id,jabatan_id,tmt_jabatan,"
        "unor_id\n"
        "198003152005022002,A,1980-03-15,33,b0000000000000000000000000000001,"
        "01-07-2015,a0000000000000000000000000000004\n"
        "198003152005022003,B,15-03-1980,46,xyz,01-07-2015,"
        "a0000000000000000000000000000004\n"
        "198003152005022002,C,15-03-1980,11,b0000000000000000000000000000001,"
        "01-07-2015\n";
    assert_int_equal(read_text(SIASN_ASN, text, &d, &t), ERR_OK);
    assert_true(t.bad);
    assert_int_equal(d.n_errors, 4);
    assert_non_null(strstr(d.lines[0], "f:2:3: "));
    assert_non_null(strstr(d.lines[0], "d-m-Y"));
    assert_non_null(strstr(d.lines[1], "f:3:4: "));
    assert_non_null(strstr(d.lines[1], "'46'"));
    assert_non_null(strstr(d.lines[2], "f:3:5: "));
    assert_non_null(strstr(d.lines[3], "f:4:7: ")); /* Ragged. */
    siasn_table_cleanup(&t);
    diag_cleanup(&d);
}

static void
test_asn_missing_required_column(void **state)
{
    (void)state;
    struct diag d;
    struct siasn_table t;
    assert_int_equal(read_text(SIASN_ASN, "nip_baru,nama\n1,2\n", &d, &t),
                     ERR_INVAL);
    assert_int_equal(d.n_errors, 3); /* jabatan_id, tmt_jabatan, unor_id. */
    assert_non_null(strstr(d.lines[0], "f:1:1: "));
    siasn_table_cleanup(&t);
    diag_cleanup(&d);
}

static void
test_unor_json_list_or_data_object(void **state)
{
    (void)state;
    struct diag d;
    struct siasn_table t;
    const char *bare =
        "[{\"Id\": \"A0000000000000000000000000000001\", \"NamaUnor\": "
        "\"Dinas Kesehatan\", \"EselonId\": 22, \"CepatKode\": null}]";
    assert_int_equal(read_text(SIASN_UNOR, bare, &d, &t), ERR_OK);
    assert_int_equal(t.n_rows, 1);
    assert_string_equal(siasn_cell(&t, 0, SU_ID),
                        "a0000000000000000000000000000001");
    assert_string_equal(siasn_cell(&t, 0, SU_ESELON_ID), "22");
    assert_null(siasn_cell(&t, 0, SU_CEPAT_KODE));
    siasn_table_cleanup(&t);
    diag_cleanup(&d);
    const char *wrapped =
        "{\"data\": [{\"id\": \"a0000000000000000000000000000001\", "
        "\"namaUnor\": \"X\"}, 3, {\"Id\": "
        "\"a0000000000000000000000000000001\","
        " \"NamaUnor\": [1]}]}";
    assert_int_equal(read_text(SIASN_UNOR, wrapped, &d, &t), ERR_OK);
    assert_true(t.bad);
    assert_int_equal(d.n_errors, 3);
    assert_non_null(strstr(d.lines[0], "f:2:1: ")); /* Not an object. */
    assert_non_null(strstr(d.lines[1], "f:3:1: ")); /* Id twice. */
    assert_non_null(strstr(d.lines[2], "f:3:4: ")); /* NamaUnor an array. */
    siasn_table_cleanup(&t);
    diag_cleanup(&d);
    assert_int_equal(read_text(SIASN_UNOR, "{\"a\": 1", &d, &t), ERR_INVAL);
    assert_int_equal(d.n_errors, 1);
    siasn_table_cleanup(&t);
    diag_cleanup(&d);
}

static void
test_guess_unit_jenis_by_first_word(void **state)
{
    (void)state;
    bool sure = false;
    assert_int_equal(siasn_guess_unit_jenis("SD Negeri 3 Mataram", &sure),
                     UNIT_SEKOLAH);
    assert_true(sure);
    assert_int_equal(siasn_guess_unit_jenis("SMP NEGERI 1", &sure),
                     UNIT_SEKOLAH);
    assert_int_equal(siasn_guess_unit_jenis("Bidang Pembinaan SD", &sure),
                     UNIT_BIDANG);
    assert_int_equal(siasn_guess_unit_jenis("UPT Puskesmas Ampenan", &sure),
                     UNIT_PUSKESMAS);
    assert_int_equal(siasn_guess_unit_jenis("Kelurahan Dasan Agung", &sure),
                     UNIT_KELURAHAN);
    assert_int_equal(siasn_guess_unit_jenis("Kecamatan Ampenan", &sure),
                     UNIT_KECAMATAN);
    assert_int_equal(siasn_guess_unit_jenis("RSUD Kota Mataram", &sure),
                     UNIT_RSUD);
    assert_int_equal(siasn_guess_unit_jenis("Badan Kepegawaian Daerah", &sure),
                     UNIT_OPD);
    assert_int_equal(siasn_guess_unit_jenis("Bagian Umum", &sure), UNIT_BIDANG);
    assert_int_equal(siasn_guess_unit_jenis("Pemerintah Kota", &sure),
                     UNIT_LAINNYA);
    assert_false(sure);
    /* A word inside another word does not count. */
    assert_int_equal(siasn_guess_unit_jenis("Dinasti", &sure), UNIT_LAINNYA);
}

static void
test_codes_from_names(void **state)
{
    (void)state;
    char code[MODEL_CODE_MAX + 1];
    siasn_code_from_name("Dinas Pendidikan dan Kebudayaan", 32, code,
                         sizeof(code));
    assert_string_equal(code, "DINAS_PENDIDIKAN_KEBUDAYAAN");
    siasn_code_from_name("Badan Pengelolaan Keuangan dan Aset Daerah", 20, code,
                         sizeof(code));
    assert_string_equal(code, "BADAN_PENGELOLAAN");
    siasn_code_from_name("  ", 32, code, sizeof(code));
    assert_string_equal(code, "UNIT");
    assert_true(siasn_code_ok("5271.SETDA"));
    assert_false(siasn_code_ok("kode dengan spasi"));
    assert_false(siasn_code_ok(NULL));
}

static void
test_jenjang_and_eselon(void **state)
{
    (void)state;
    bool terampil = true;
    enum jabatan_jenis jenis = JAB_PELAKSANA;
    const char *jenjang = NULL;
    assert_string_equal(siasn_jenjang("MU", &terampil), "muda");
    assert_false(terampil);
    assert_string_equal(siasn_jenjang("tr", &terampil), "terampil");
    assert_true(terampil);
    assert_null(siasn_jenjang("XX", &terampil));
    assert_true(siasn_eselon("22", &jenis, &jenjang));
    assert_int_equal(jenis, JAB_JPT);
    assert_string_equal(jenjang, "pratama");
    assert_true(siasn_eselon("41", &jenis, &jenjang));
    assert_int_equal(jenis, JAB_PENGAWAS);
    assert_false(siasn_eselon("51", &jenis, &jenjang));
    assert_false(siasn_eselon(NULL, &jenis, &jenjang));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_asn_pipe_file_with_quotes_and_null),
        cmocka_unit_test(test_asn_problems_name_line_and_field),
        cmocka_unit_test(test_asn_missing_required_column),
        cmocka_unit_test(test_unor_json_list_or_data_object),
        cmocka_unit_test(test_guess_unit_jenis_by_first_word),
        cmocka_unit_test(test_codes_from_names),
        cmocka_unit_test(test_jenjang_and_eselon),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
