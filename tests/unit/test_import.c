/* SPDX-License-Identifier: MIT */
/* Unit tests of import.h on a real database (db_fixture.c: a SQLite file,
 * or PostgreSQL with MUTASI_TEST_PG): dependency order, all or nothing,
 * updates with history, replacement of workload pairs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "db_fixture.c"

#include "buf.h"
#include "date.h"
#include "db_fixture.c"
#include "diag.h"
#include "import.h"
#include "mem.h"
#include "model.h"
#include "store.h"

struct fixture {
    struct test_db db;
    const char *dir; /* db.dir */
    struct store *st;
    struct diag d;
};

static const char unit_csv[] =
    "kode,nama,induk,jenis\n"
    "SDN1,SD Negeri 1,DIKBUD,sekolah\n" /* The parent comes later. */
    "DIKBUD,Dinas Pendidikan,5271,opd\n"
    "5271,Pemerintah Kota Mataram,,lainnya\n"
    "SDN2,SD Negeri 2,DIKBUD,sekolah\n";
static const char jabatan_csv[] =
    "kode,nama,jenis,guru\nGURU,Guru Kelas,fungsional_keahlian,1\n";
static const char beban_csv[] = "unit,jabatan,volume,metode\n"
                                "SDN1,GURU,6,rombel\n"
                                "SDN2,GURU,4,rombel\n";
static const char pegawai_csv[] =
    "nip,nama,status,jabatan,unit,tmt_unit\n"
    "198503122010012003,Baiq Nurul Aini,PNS,GURU,SDN1,2015-07-01\n"
    "199001012015031001,Lalu Ahmad Fauzi,PNS,GURU,SDN2,2019-01-02\n";

static void
write_file(struct fixture *f, const char *name, const char *text,
           char *path_out, size_t path_len)
{
    snprintf(path_out, path_len, "%s/%s", f->dir, name);
    FILE *fp = fopen(path_out, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
    assert_int_equal(fclose(fp), 0);
}

static enum err
import_texts(struct fixture *f, const char *const *names,
             const char *const *texts, int n, struct import_stats *stats)
{
    char paths[8][128];
    const char *ptrs[8];
    for (int i = 0; i < n; i++) {
        write_file(f, names[i], texts[i], paths[i], sizeof(paths[i]));
        ptrs[i] = paths[i];
    }
    diag_cleanup(&f->d);
    diag_init(&f->d, DIAG_MAX_DEFAULT);
    return import_files(f->st, ptrs, n, "test", &f->d, stats);
}

static int
setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof(*f));
    int from = 0;
    test_db_make(&f->db, "t.db");
    f->dir = f->db.dir;
    assert_int_equal(store_open(f->db.target, true, &f->st), ERR_OK);
    assert_int_equal(store_migrate(f->st, &from), ERR_OK);
    diag_init(&f->d, DIAG_MAX_DEFAULT);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *f = *state;
    store_close(f->st);
    diag_cleanup(&f->d);
    test_db_drop(&f->db);
    free(f);
    return 0;
}

static enum err
count_unit(void *ctx, const struct unit *u)
{
    (void)u;
    (*(int *)ctx)++;
    return ERR_OK;
}

static enum err
list_beban(void *ctx, const struct beban *b)
{
    return buf_addf(ctx, "%s/%s=%lld ", b->unit, b->jabatan,
                    (long long)b->volume_milli);
}

static void
test_import_loads_in_dependency_order_whatever_the_argument_order(void **state)
{
    struct fixture *f = *state;
    const char *names[] = {"pegawai.csv", "beban.csv", "jabatan.csv",
                           "unit.csv"};
    const char *texts[] = {pegawai_csv, beban_csv, jabatan_csv, unit_csv};
    struct import_stats s;
    assert_int_equal(import_texts(f, names, texts, 4, &s), ERR_OK);
    assert_int_equal(s.n_rows[REC_UNIT], 4);
    assert_int_equal(s.n_rows[REC_PEGAWAI], 2);
    assert_int_equal(s.n_new, 2);
    assert_int_equal(f->d.n_errors, 0);
}

static void
test_import_error_in_last_file_writes_nothing(void **state)
{
    struct fixture *f = *state;
    const char *names[] = {"unit.csv", "jabatan.csv", "pegawai.csv"};
    const char *texts[] = {unit_csv, jabatan_csv,
                           "nip,nama,status,jabatan,unit,tmt_unit\n"
                           "198503122010012003,A,PNS,GURU,SDN1,2015-02-30\n"};
    struct import_stats s;
    int n = 0;
    assert_int_equal(import_texts(f, names, texts, 3, &s), ERR_INVAL);
    assert_int_equal(f->d.n_errors, 1);
    assert_non_null(strstr(f->d.lines[0], "pegawai.csv:2:6: "));
    assert_int_equal(store_unit_each(f->st, count_unit, &n), ERR_OK);
    assert_int_equal(n, 0);
}

static void
test_import_beban_replaces_only_pairs_in_the_file(void **state)
{
    struct fixture *f = *state;
    const char *names[] = {"unit.csv", "jabatan.csv", "beban.csv"};
    const char *texts[] = {unit_csv, jabatan_csv, beban_csv};
    const char *again[] = {"beban.csv"};
    const char *new_rows[] = {"unit,jabatan,volume,metode\n"
                              "SDN1,GURU,7,rombel\nSDN1,GURU,1,rombel\n"};
    struct import_stats s;
    struct buf b;
    buf_init(&b, 0);
    assert_int_equal(import_texts(f, names, texts, 3, &s), ERR_OK);
    assert_int_equal(import_texts(f, again, new_rows, 1, &s), ERR_OK);
    assert_int_equal(store_beban_each(f->st, list_beban, &b), ERR_OK);
    assert_string_equal(buf_str(&b),
                        "SDN1/GURU=7000 SDN1/GURU=1000 SDN2/GURU=4000 ");
    buf_cleanup(&b);
}

static void
test_import_changed_unit_counts_as_changed(void **state)
{
    struct fixture *f = *state;
    const char *names[] = {"unit.csv", "jabatan.csv", "pegawai.csv"};
    const char *texts[] = {unit_csv, jabatan_csv, pegawai_csv};
    const char *again[] = {"pegawai_baru.csv"};
    const char *moved[] = {
        "nip,nama,status,jabatan,unit,tmt_unit\n"
        "198503122010012003,Baiq Nurul Aini,PNS,GURU,SDN2,2026-01-01\n"
        "199001012015031001,Lalu Ahmad Fauzi,PNS,GURU,SDN2,2019-01-02\n"};
    struct import_stats s;
    struct pegawai p;
    assert_int_equal(import_texts(f, names, texts, 3, &s), ERR_OK);
    assert_int_equal(import_texts(f, again, moved, 1, &s), ERR_OK);
    assert_int_equal(s.n_new, 0);
    assert_int_equal(s.n_changed, 1);
    assert_int_equal(store_pegawai_get(f->st, "198503122010012003", &p),
                     ERR_OK);
    assert_string_equal(p.unit, "SDN2");
}

static void
test_import_cycle_through_database_units_is_refused(void **state)
{
    struct fixture *f = *state;
    const char *names[] = {"unit.csv"};
    const char *texts[] = {unit_csv};
    const char *cyc[] = {"kode,nama,induk,jenis\nDIKBUD,Dinas,SDN1,opd\n"};
    struct import_stats s;
    assert_int_equal(import_texts(f, names, texts, 1, &s), ERR_OK);
    assert_int_equal(import_texts(f, names, cyc, 1, &s), ERR_INVAL);
    assert_int_equal(f->d.n_errors, 1);
    assert_non_null(strstr(f->d.lines[0], "unit.csv:2:3: "));
    assert_non_null(strstr(f->d.lines[0], "DIKBUD -> SDN1 -> DIKBUD"));
}

static void
test_import_unknown_kind_and_missing_file(void **state)
{
    struct fixture *f = *state;
    const char *names[] = {"daftar.csv"};
    const char *texts[] = {"a\n"};
    const char *missing[] = {"/nonexistent/unit.csv"};
    struct import_stats s;
    assert_int_equal(import_texts(f, names, texts, 1, &s), ERR_USAGE);
    diag_cleanup(&f->d);
    diag_init(&f->d, DIAG_MAX_DEFAULT);
    assert_int_equal(import_files(f->st, missing, 1, "test", &f->d, &s),
                     ERR_NOINPUT);
    assert_non_null(strstr(f->d.lines[0], "/nonexistent/unit.csv: "));
}

/* Issue #18: a surge a head of unit reported through the app survives a
 * later import of the same pair (named in a warning); an export of it
 * imported again is that row, not a copy; --replace-api-rows replaces it. */
static void
test_import_keeps_app_rows_unless_told(void **state)
{
    struct fixture *f = *state;
    const char *names[] = {"unit.csv", "jabatan.csv", "beban.csv"};
    const char *texts[] = {unit_csv, jabatan_csv, beban_csv};
    const char *again[] = {"beban.csv"};
    const char *new_rows[] = {"unit,jabatan,volume,metode\n"
                              "SDN1,GURU,7,rombel\n"};
    const char *exported[] = {"unit,jabatan,volume,metode,berlaku_sampai\n"
                              "SDN1,GURU,7,rombel,\n"
                              "SDN1,GURU,2,rombel,2027-03-31\n"};
    struct import_stats s;
    struct buf b;
    buf_init(&b, 0);
    assert_int_equal(import_texts(f, names, texts, 3, &s), ERR_OK);
    struct beban surge = {"SDN1", "GURU",        NULL,      2000,
                          -1,     METODE_ROMBEL, DATE_NONE, 0};
    assert_int_equal(date_parse("2027-03-31", 10, &surge.berlaku_sampai),
                     ERR_OK);
    assert_int_equal(store_beban_add_app(f->st, &surge), ERR_OK);
    assert_int_equal(import_texts(f, again, new_rows, 1, &s), ERR_OK);
    assert_int_equal(s.n_app_kept, 1);
    assert_int_equal(f->d.n_lines, 1);
    assert_non_null(strstr(f->d.lines[0], "beban.csv:2: peringatan: 1 baris"));
    assert_non_null(strstr(f->d.lines[0], "--replace-api-rows"));
    assert_int_equal(store_beban_each(f->st, list_beban, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "SDN1/GURU=2000 SDN1/GURU=7000 "
                                     "SDN2/GURU=4000 ");
    /* The export of both rows, imported again: still two rows. */
    buf_reset(&b);
    assert_int_equal(import_texts(f, again, exported, 1, &s), ERR_OK);
    assert_int_equal(store_beban_each(f->st, list_beban, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "SDN1/GURU=2000 SDN1/GURU=7000 "
                                     "SDN2/GURU=4000 ");
    /* Told to replace them, the file is the whole pair. */
    char paths[1][128];
    const char *ptrs[1];
    write_file(f, "beban.csv", new_rows[0], paths[0], sizeof(paths[0]));
    ptrs[0] = paths[0];
    struct import_opts o = {true, false};
    assert_int_equal(import_files_opts(f->st, ptrs, 1, "test", &o, &f->d, &s),
                     ERR_OK);
    assert_int_equal(s.n_app_kept, 0);
    buf_reset(&b);
    assert_int_equal(store_beban_each(f->st, list_beban, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "SDN1/GURU=7000 SDN2/GURU=4000 ");
    buf_cleanup(&b);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_import_loads_in_dependency_order_whatever_the_argument_order),
        T(test_import_error_in_last_file_writes_nothing),
        T(test_import_beban_replaces_only_pairs_in_the_file),
        T(test_import_keeps_app_rows_unless_told),
        T(test_import_changed_unit_counts_as_changed),
        T(test_import_cycle_through_database_units_is_refused),
        T(test_import_unknown_kind_and_missing_file),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
