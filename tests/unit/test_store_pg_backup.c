/* SPDX-License-Identifier: MIT */
/* Unit tests of backup, backup_check and restore on PostgreSQL
 * (store_pg_backup.c: pg_dump and pg_restore as child processes). Only
 * on PostgreSQL: skipped, with a message, when MUTASI_TEST_PG is unset
 * (db_fixture.c). Each test has a source database with rows and an empty
 * target database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "cli_backup.h"
#include "cli_util.h"
#include "db_fixture.c"
#include "mem.h"
#include "store.h"

#define ID_A "0123456789abcdef0123456789abcdef"
#define ID_B "a5e8b0d1c2f34e6f8a9b0c1d2e3f4a5b"
#define ID_C "fedcba9876543210fedcba9876543210"

struct fixture {
    struct test_db src; /* With rows. */
    struct test_db dst; /* Empty: no schema. */
    struct store *st;   /* On src. */
    char copy[128];     /* A backup's name in src.dir, not made yet. */
};

/* Run 'sql' on 'target' outside the store; whether it succeeded. */
static bool
raw_exec(const char *target, const char *sql)
{
    PGconn *c = PQconnectdb(target);
    assert_int_equal(PQstatus(c), CONNECTION_OK);
    PGresult *r = PQexec(c, sql);
    ExecStatusType s = PQresultStatus(r);
    PQclear(r);
    PQfinish(c);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

/* The rows of 'sql' on 'target' as text, a line each, fields by '|'. */
static char *
raw_text(const char *target, const char *sql)
{
    PGconn *c = PQconnectdb(target);
    assert_int_equal(PQstatus(c), CONNECTION_OK);
    PGresult *r = PQexec(c, sql);
    assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
    struct buf b;
    buf_init(&b, 0);
    for (int i = 0; i < PQntuples(r); i++) {
        for (int j = 0; j < PQnfields(r); j++) {
            assert_int_equal(
                buf_addf(&b, "%s%s", j > 0 ? "|" : "",
                         PQgetisnull(r, i, j) ? "NULL" : PQgetvalue(r, i, j)),
                ERR_OK);
        }
        assert_int_equal(buf_adds(&b, "\n"), ERR_OK);
    }
    PQclear(r);
    PQfinish(c);
    return buf_take(&b);
}

static long long
raw_long(const char *target, const char *sql)
{
    char *t = raw_text(target, sql);
    long long v = strtoll(t, NULL, 10);
    free(t);
    return v;
}

/* Everything the tests compare between two databases. */
static char *
contents(const char *target)
{
    return raw_text(
        target,
        "SELECT 'unit', kode, nama, induk, jenis, lat::text FROM unit"
        " UNION ALL SELECT 'siasn_id', jenis, kode, siasn_id, '', '' FROM"
        " siasn_id"
        " UNION ALL SELECT 'kirim', plan, nip, status, percobaan::text,"
        " coalesce(http_status::text, '-') FROM siasn_kirim"
        " UNION ALL SELECT 'audit', id::text, actor, entity, action, after"
        " FROM audit"
        " UNION ALL SELECT 'schema', version::text, '', '', '', '' FROM"
        " schema_version"
        " ORDER BY 1, 2, 3");
}

static enum err
put_kirim(struct store *st, const char *nip, const char *status, long http)
{
    char plan[] = "r";
    char n[32];
    char s[16];
    char body[] = "{\"pnsId\":\"x\"}";
    char a[] = "jawaban";
    snprintf(n, sizeof(n), "%s", nip);
    snprintf(s, sizeof(s), "%s", status);
    struct store_siasn_kirim k = {plan, n, body, s, http, a, 0, NULL};
    return store_siasn_kirim_put(st, &k);
}

static int
setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof(*f));
    int from = -1;
    test_db_make(&f->src, "src.db");
    test_db_make(&f->dst, "dst.db");
    snprintf(f->copy, sizeof(f->copy), "%s/copy.dump", f->src.dir);
    assert_int_equal(store_open(f->src.target, true, &f->st), ERR_OK);
    assert_int_equal(store_migrate(f->st, &from), ERR_OK);
    /* Rows through the store, and rows the store writes elsewhere (units,
     * the append-only audit log: its trigger must come back too). */
    assert_int_equal(store_siasn_id_set(f->st, "unit", "DIKBUD", ID_A), ERR_OK);
    assert_int_equal(
        store_siasn_id_set(f->st, "pegawai", "198001012005011001", ID_B),
        ERR_OK);
    assert_int_equal(put_kirim(f->st, "198001012005011001", "gagal", 0),
                     ERR_OK);
    assert_int_equal(put_kirim(f->st, "198001012005011001", "terkirim", 201),
                     ERR_OK);
    assert_int_equal(put_kirim(f->st, "197001012000011001", "gagal", 503),
                     ERR_OK);
    assert_true(
        raw_exec(f->src.target,
                 "INSERT INTO unit (kode, nama, induk, jenis, lat, lon) VALUES"
                 " ('5271', 'Kota Mataram', NULL, 'opd', NULL, NULL),"
                 " ('DIKBUD', 'Dinas Pendidikan \"Kota\"\tTab', '5271', 'opd',"
                 " -8.583333333333334, 116.11666666666667);"
                 "INSERT INTO audit (at, actor, entity, action, after) VALUES"
                 " ('2026-12-01T00:00:00Z', 'cli:test', 'settings', 'isi',"
                 " '{\"baris\":\"satu\\ndua\"}')"));
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *f = *state;
    store_close(f->st);
    test_db_drop(&f->src);
    test_db_drop(&f->dst);
    free(f);
    return 0;
}

struct steps {
    int calls;
    long last_done;
    long last_total;
};

static void
count_progress(void *ctx, long done, long total)
{
    struct steps *s = ctx;
    assert_true(done <= total);
    s->calls++;
    s->last_done = done;
    s->last_total = total;
}

/* A backup restores into a new database to the same rows; the copy is
 * 0600, checked whole, of this program's schema. After the restore the
 * change counter has moved past the source's (other nodes' caches). */
static void
test_pg_backup_restores_the_same_rows(void **state)
{
    struct fixture *f = *state;
    struct steps s = {0, 0, 0};
    mode_t old = umask(022);
    enum err rc = store_backup(f->st, f->copy, count_progress, &s);
    umask(old);
    assert_int_equal(rc, ERR_OK);
    assert_true(s.calls >= 2);
    assert_true(s.last_total > 0 && s.last_done == s.last_total);
    struct stat sb;
    assert_int_equal(stat(f->copy, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    char partial[200];
    snprintf(partial, sizeof(partial), "%s.sebagian", f->copy);
    assert_int_not_equal(access(partial, F_OK), 0);
    int version = 0;
    assert_int_equal(store_backup_check(f->st, f->copy, &version), ERR_OK);
    assert_int_equal(version, STORE_SCHEMA_VERSION);

    struct store *dst = NULL;
    int has = -1;
    int from = -1;
    assert_int_equal(store_open(f->dst.target, true, &dst), ERR_OK);
    assert_int_equal(store_schema_version(dst, &has), ERR_OK);
    assert_int_equal(has, 0);
    s.calls = 0;
    assert_int_equal(store_restore(dst, f->copy, count_progress, &s), ERR_OK);
    assert_true(s.calls >= 2);
    assert_true(s.last_done == s.last_total);
    assert_int_equal(store_migrate(dst, &from), ERR_OK);
    assert_int_equal(from, STORE_SCHEMA_VERSION);
    assert_int_equal(store_check_schema(dst), ERR_OK);
    char *a = contents(f->src.target);
    char *b = contents(f->dst.target);
    assert_non_null(strstr(a, "Kota\"\tTab"));
    assert_non_null(strstr(a, "kirim|r|198001012005011001|terkirim|2|201"));
    assert_string_equal(a, b);
    free(a);
    free(b);
    assert_true(raw_long(f->dst.target, "SELECT n FROM perubahan") >
                raw_long(f->src.target, "SELECT n FROM perubahan"));
    /* The restored audit log is append-only still. */
    assert_false(raw_exec(f->dst.target, "DELETE FROM audit"));
    /* The store reads and writes the restored database. */
    struct buf out;
    bool found = false;
    buf_init(&out, 0);
    assert_int_equal(store_siasn_id_get(dst, "unit", "DIKBUD", &out, &found),
                     ERR_OK);
    assert_true(found);
    assert_string_equal(buf_str(&out), ID_A);
    assert_int_equal(store_siasn_id_set(dst, "unit", "5271", ID_A), ERR_EXISTS);
    assert_int_equal(put_kirim(dst, "198001012005011001", "gagal", 500),
                     ERR_CONFLICT);
    buf_cleanup(&out);
    store_close(dst);
}

/* A restore over a database with rows replaces them all, in one step; the
 * handle's statements, prepared before, work on the new tables. A backup
 * that breaks in the middle of the restore leaves the database as it
 * was. */
static void
test_pg_restore_replaces_whole_or_not_at_all(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(store_backup(f->st, f->copy, NULL, NULL), ERR_OK);
    struct store *dst = NULL;
    int from = -1;
    struct buf out;
    bool found = false;
    buf_init(&out, 0);
    assert_int_equal(store_open(f->dst.target, true, &dst), ERR_OK);
    assert_int_equal(store_migrate(dst, &from), ERR_OK);
    assert_int_equal(store_siasn_id_set(dst, "unit", "LAIN", ID_C), ERR_OK);
    assert_int_equal(store_siasn_id_get(dst, "unit", "LAIN", &out, &found),
                     ERR_OK);
    assert_true(found);
    /* A copy cut short: its table of contents reads, its data does not. */
    char cut[160];
    snprintf(cut, sizeof(cut), "%s/cut.dump", f->src.dir);
    struct stat sb;
    assert_int_equal(stat(f->copy, &sb), 0);
    char cmd[512];
    snprintf(cmd, sizeof(cmd), "head -c %lld '%s' >'%s'",
             (long long)sb.st_size - 64, f->copy, cut);
    assert_int_equal(system(cmd), 0);
    char *before = contents(f->dst.target);
    assert_int_equal(store_restore(dst, cut, NULL, NULL), ERR_IO);
    assert_non_null(strstr(store_errmsg(dst), "pemulihan gagal"));
    char *after = contents(f->dst.target);
    assert_string_equal(before, after);
    free(before);
    free(after);
    /* The whole copy replaces everything. */
    assert_int_equal(store_restore(dst, f->copy, NULL, NULL), ERR_OK);
    assert_int_equal(store_migrate(dst, &from), ERR_OK);
    assert_int_equal(store_siasn_id_get(dst, "unit", "LAIN", &out, &found),
                     ERR_OK);
    assert_false(found);
    assert_int_equal(store_siasn_id_get(dst, "unit", "DIKBUD", &out, &found),
                     ERR_OK);
    assert_true(found);
    char *a = contents(f->src.target);
    char *b = contents(f->dst.target);
    assert_string_equal(a, b);
    free(a);
    free(b);
    buf_cleanup(&out);
    store_close(dst);
}

/* An existing file is never overwritten, and nothing is left beside it. */
static void
test_pg_backup_refuses_to_overwrite(void **state)
{
    struct fixture *f = *state;
    FILE *o = fopen(f->copy, "w");
    assert_non_null(o);
    fputs("mine\n", o);
    fclose(o);
    assert_int_equal(store_backup(f->st, f->copy, NULL, NULL), ERR_EXISTS);
    assert_non_null(strstr(store_errmsg(f->st), "sudah ada"));
    char *text = raw_text(f->src.target, "SELECT 1"); /* Still connected. */
    free(text);
    o = fopen(f->copy, "r");
    assert_non_null(o);
    char line[16] = "";
    assert_non_null(fgets(line, sizeof(line), o));
    fclose(o);
    assert_string_equal(line, "mine\n");
    char partial[200];
    snprintf(partial, sizeof(partial), "%s.sebagian", f->copy);
    assert_int_not_equal(access(partial, F_OK), 0);
}

/* 'restore' (the command) refuses a database that holds data without
 * --force, and a backup of a newer schema, before anything is replaced.
 * (With --force it goes on to the audit log, whose PostgreSQL writer is
 * another part of the back end; the store's restore over data is tested
 * above.) */
static void
test_pg_restore_command_refuses_before_replacing(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(store_backup(f->st, f->copy, NULL, NULL), ERR_OK);
    struct store *dst = NULL;
    int from = -1;
    assert_int_equal(store_open(f->dst.target, true, &dst), ERR_OK);
    assert_int_equal(store_migrate(dst, &from), ERR_OK);
    assert_int_equal(store_siasn_id_set(dst, "unit", "LAIN", ID_C), ERR_OK);
    store_close(dst);
    char *before = contents(f->dst.target);
    struct cli c = {
        .db = f->dst.target, .db_shown = f->dst.target, .actor = "cli:test"};
    char a0[] = "restore";
    char *argv[] = {a0, f->copy, NULL};
    assert_int_equal(cli_restore_run(&c, 2, argv), 65);
    char *after = contents(f->dst.target);
    assert_string_equal(before, after);
    free(after);
    /* A backup of a newer schema, into an empty database. */
    char newer[160];
    snprintf(newer, sizeof(newer), "%s/newer.dump", f->src.dir);
    assert_true(raw_exec(f->src.target, "INSERT INTO schema_version VALUES"
                                        " (99, '2030-01-01T00:00:00Z')"));
    assert_int_equal(store_backup(f->st, newer, NULL, NULL), ERR_OK);
    int version = 0;
    assert_int_equal(store_backup_check(f->st, newer, &version), ERR_OK);
    assert_int_equal(version, 99);
    struct test_db empty;
    test_db_make(&empty, "empty.db");
    struct cli e = {
        .db = empty.target, .db_shown = empty.target, .actor = "cli:test"};
    char *argv2[] = {a0, newer, NULL};
    assert_int_equal(cli_restore_run(&e, 2, argv2), 65);
    long long tables =
        raw_long(empty.target, "SELECT count(*) FROM pg_catalog.pg_tables"
                               " WHERE schemaname = 'public'");
    assert_int_equal(tables, 0);
    test_db_drop(&empty);
    free(before);
}

/* The check reads every byte: a file cut short, one that is no dump, a
 * SQLite database and a dump without mutasi's schema are refused; a
 * missing file is ERR_NOINPUT. */
static void
test_pg_backup_check_refuses_damage(void **state)
{
    struct fixture *f = *state;
    int version = 0;
    assert_int_equal(store_backup(f->st, f->copy, NULL, NULL), ERR_OK);
    struct stat sb;
    assert_int_equal(stat(f->copy, &sb), 0);
    char bad[160];
    char cmd[512];
    snprintf(bad, sizeof(bad), "%s/bad.dump", f->src.dir);
    long long cuts[] = {(long long)sb.st_size / 2, (long long)sb.st_size - 64};
    for (size_t i = 0; i < sizeof(cuts) / sizeof(*cuts); i++) {
        snprintf(cmd, sizeof(cmd), "head -c %lld '%s' >'%s'", cuts[i], f->copy,
                 bad);
        assert_int_equal(system(cmd), 0);
        assert_int_equal(store_backup_check(f->st, bad, &version), ERR_INVAL);
        assert_non_null(strstr(store_errmsg(f->st), "bukan cadangan mutasi"));
    }
    FILE *o = fopen(bad, "w");
    assert_non_null(o);
    fputs("<html>bukan basis data</html>\n", o);
    fclose(o);
    assert_int_equal(store_backup_check(f->st, bad, &version), ERR_INVAL);
    /* A SQLite database (the other back end's backup). */
    struct store *lite = NULL;
    char lite_path[160];
    int from = -1;
    snprintf(lite_path, sizeof(lite_path), "%s/lite.db", f->src.dir);
    assert_int_equal(store_open(lite_path, true, &lite), ERR_OK);
    assert_int_equal(store_migrate(lite, &from), ERR_OK);
    store_close(lite);
    assert_int_equal(store_backup_check(f->st, lite_path, &version), ERR_INVAL);
    /* A whole dump, of a database without mutasi's tables. */
    struct store *dst = NULL;
    char plain[160];
    snprintf(plain, sizeof(plain), "%s/plain.dump", f->src.dir);
    assert_int_equal(store_open(f->dst.target, true, &dst), ERR_OK);
    assert_int_equal(store_backup(dst, plain, NULL, NULL), ERR_OK);
    store_close(dst);
    assert_int_equal(store_backup_check(f->st, plain, &version), ERR_INVAL);
    assert_non_null(strstr(store_errmsg(f->st), "versi skema"));
    snprintf(bad, sizeof(bad), "%s/missing.dump", f->src.dir);
    assert_int_equal(store_backup_check(f->st, bad, &version), ERR_NOINPUT);
}

/* Without postgresql-client the backup, the check and the restore say
 * which package to install, and the backup leaves no file. */
static void
test_pg_tools_missing_are_unavailable(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(store_backup(f->st, f->copy, NULL, NULL), ERR_OK);
    char other[160];
    snprintf(other, sizeof(other), "%s/other.dump", f->src.dir);
    char *path = xstrdup(getenv("PATH"));
    setenv("PATH", "/nonexistent", 1);
    char msg[3][512];
    int version = 0;
    enum err rc[3];
    rc[0] = store_backup(f->st, other, NULL, NULL);
    snprintf(msg[0], sizeof(msg[0]), "%s", store_errmsg(f->st));
    rc[1] = store_backup_check(f->st, f->copy, &version);
    snprintf(msg[1], sizeof(msg[1]), "%s", store_errmsg(f->st));
    rc[2] = store_restore(f->st, f->copy, NULL, NULL);
    snprintf(msg[2], sizeof(msg[2]), "%s", store_errmsg(f->st));
    setenv("PATH", path, 1);
    free(path);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(rc[i], ERR_UNAVAILABLE);
        assert_non_null(strstr(msg[i], "postgresql-client"));
    }
    assert_non_null(strstr(msg[0], "pg_dump"));
    assert_non_null(strstr(msg[1], "pg_restore"));
    assert_int_not_equal(access(other, F_OK), 0);
    char partial[200];
    snprintf(partial, sizeof(partial), "%s.sebagian", other);
    assert_int_not_equal(access(partial, F_OK), 0);
}

/* The password of the URL reaches pg_dump in its environment, never on
 * its command line: a pg_dump in front of the real one writes down what
 * it was given. Both places a URL holds a password are taken out. */
static void
test_pg_backup_keeps_the_password_off_the_command_line(void **state)
{
    struct fixture *f = *state;
    char bin[160];
    char script[200];
    snprintf(bin, sizeof(bin), "%s/bin", f->src.dir);
    snprintf(script, sizeof(script), "%s/pg_dump", bin);
    assert_int_equal(mkdir(bin, 0700), 0);
    /* It runs the real one with the PATH of the test. */
    FILE *o = fopen(script, "w");
    assert_non_null(o);
    fprintf(o,
            "#!/bin/sh\n"
            "printf '%%s\\n' \"$@\" >'%s/argv'\n"
            "printf '%%s' \"$PGPASSWORD\" >'%s/pw'\n"
            "PATH='%s' exec pg_dump \"$@\"\n",
            f->src.dir, f->src.dir, getenv("PATH"));
    fclose(o);
    assert_int_equal(chmod(script, 0700), 0);
    /* postgresql:///DB?host=...: the password as a parameter, then in
     * the user part. */
    const char *q = strchr(f->src.target, '?');
    assert_non_null(q);
    char urls[2][1200];
    snprintf(urls[0], sizeof(urls[0]), "%s&password=s%%40cr%%26t",
             f->src.target);
    snprintf(urls[1], sizeof(urls[1]),
             "postgresql://postgres:s%%40cr%%26t@/%s%s", f->src.pg_name, q);
    for (int i = 0; i < 2; i++) {
        struct store *st = NULL;
        assert_int_equal(store_open(urls[i], false, &st), ERR_OK);
        char *path = xstrdup(getenv("PATH"));
        char with[2048];
        snprintf(with, sizeof(with), "%s:%s", bin, path);
        setenv("PATH", with, 1);
        char copy[200];
        snprintf(copy, sizeof(copy), "%s/pw%d.dump", f->src.dir, i);
        enum err rc = store_backup(st, copy, NULL, NULL);
        setenv("PATH", path, 1);
        free(path);
        assert_int_equal(rc, ERR_OK);
        store_close(st);
        char file[200];
        snprintf(file, sizeof(file), "%s/argv", f->src.dir);
        char *argv = NULL;
        char *pw = NULL;
        size_t n = 0;
        o = fopen(file, "r");
        assert_non_null(o);
        assert_true(getdelim(&argv, &n, '\0', o) > 0);
        fclose(o);
        assert_null(strstr(argv, "s%40cr"));
        assert_null(strstr(argv, "password="));
        assert_null(strstr(argv, ":s"));
        assert_non_null(strstr(argv, "--no-password"));
        assert_non_null(strstr(argv, "--dbname=postgresql://"));
        assert_non_null(strstr(argv, f->src.pg_name));
        snprintf(file, sizeof(file), "%s/pw", f->src.dir);
        o = fopen(file, "r");
        assert_non_null(o);
        n = 0;
        assert_true(getdelim(&pw, &n, '\0', o) > 0);
        fclose(o);
        assert_string_equal(pw, "s@cr&t");
        free(argv);
        free(pw);
        int version = 0;
        assert_int_equal(store_backup_check(f->st, copy, &version), ERR_OK);
    }
}

int
main(void)
{
    if (test_db_pg() == NULL) {
        printf("# test_store_pg_backup: skipped, MUTASI_TEST_PG is not set "
               "(a PostgreSQL server's URL: tests/pg/server start DIR)\n");
        return 0;
    }
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_pg_backup_restores_the_same_rows),
        T(test_pg_restore_replaces_whole_or_not_at_all),
        T(test_pg_backup_refuses_to_overwrite),
        T(test_pg_restore_command_refuses_before_replacing),
        T(test_pg_backup_check_refuses_damage),
        T(test_pg_tools_missing_are_unavailable),
        T(test_pg_backup_keeps_the_password_off_the_command_line),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
