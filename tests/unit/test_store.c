/* SPDX-License-Identifier: MIT */
/* Unit tests of the store through store.h, on a real database of the back
 * end the run asks for (store_fixture.c: a SQLite file, or a PostgreSQL
 * database when MUTASI_TEST_PG is set). Tests of what only SQLite has
 * (its journal mode, its file backups) are skipped on PostgreSQL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <pthread.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <time.h>

#include "buf.h"
#include "date.h"
#include "mem.h"
#include "model.h"
#include "store.h"

#include "store_fixture.c" /* struct fixture, setup(), teardown(). */

/* The store suite's tests start from a new database. */
static int
setup_new(void **state)
{
    setup(state);
    struct fixture *f = *state;
    assert_int_equal(f->from, 0);
    return 0;
}

static struct unit
make_unit(const char *kode, const char *induk, enum unit_jenis jenis)
{
    struct unit u = {kode, "Nama",           induk,           jenis,
                     NULL, MODEL_COORD_NONE, MODEL_COORD_NONE};
    return u;
}

static void
put_basics(struct store *st)
{
    struct unit root = make_unit("5271", NULL, UNIT_LAINNYA);
    struct unit sd = make_unit("SDN1", "5271", UNIT_SEKOLAH);
    struct unit sd2 = make_unit("SDN2", "5271", UNIT_SEKOLAH);
    struct jabatan j = {"GURU",    "Guru", JAB_FUNGSIONAL_KEAHLIAN,
                        "pertama", NULL,   true,
                        0,         NULL,   -1,
                        NULL,      NULL};
    assert_int_equal(store_begin(st), ERR_OK);
    /* A child before its parent: foreign keys are checked at commit. */
    assert_int_equal(store_unit_put(st, &sd), ERR_OK);
    assert_int_equal(store_unit_put(st, &root), ERR_OK);
    assert_int_equal(store_unit_put(st, &sd2), ERR_OK);
    assert_int_equal(store_jabatan_put(st, &j), ERR_OK);
    assert_int_equal(store_commit(st), ERR_OK);
}

static struct pegawai
make_pegawai(const char *nip, const char *unit)
{
    struct pegawai p;
    memset(&p, 0, sizeof(p));
    p.nip = nip;
    p.nama = "Baiq Nurul";
    p.jenis_kelamin = 'P';
    p.tanggal_lahir = date_from_ymd(1985, 3, 12);
    p.status = STATUS_PNS;
    p.jabatan = "GURU";
    p.unit = unit;
    p.tmt_unit = date_from_ymd(2015, 7, 1);
    p.lat = MODEL_COORD_NONE;
    p.lon = MODEL_COORD_NONE;
    return p;
}

static void
test_store_migrate_is_idempotent(void **state)
{
    struct fixture *f = *state;
    int from = -1;
    assert_int_equal(store_migrate(f->st, &from), ERR_OK);
    assert_int_equal(from, STORE_SCHEMA_VERSION);
    assert_int_equal(store_check_schema(f->st), ERR_OK);
}

static void
test_store_open_missing_file_without_create(void **state)
{
    struct store *st = NULL;
    (void)state;
    assert_int_equal(store_open("/tmp/no/such/dir/x.db", false, &st),
                     ERR_NOINPUT);
    assert_true(strlen(store_errmsg(st)) > 0);
    store_close(st);
}

/* A PostgreSQL server that does not listen (no socket in the test's
 * folder) is unavailable, and the message says what failed where. */
static void
test_store_postgres_not_listening_is_unavailable(void **state)
{
    struct fixture *f = *state;
    struct store *st = NULL;
    char url[256];
    char socket[192];
    snprintf(url, sizeof(url), "postgresql:///mutasi?host=%s&port=1", f->dir);
    snprintf(socket, sizeof(socket), "%s/.s.PGSQL.1", f->dir);
    assert_int_equal(store_open(url, false, &st), ERR_UNAVAILABLE);
    assert_non_null(strstr(store_errmsg(st), "PostgreSQL"));
    assert_non_null(strstr(store_errmsg(st), socket));
    store_close(st);
}

/* On PostgreSQL, writers do not exclude each other as on SQLite: the
 * busy timeout is lock_timeout, and a lock held past it is the same
 * "busy, try again" (ERR_UNAVAILABLE) that the web app answers 503 to. */
static void
test_store_lock_held_past_busy_timeout_is_unavailable(void **state)
{
    struct fixture *f = *state;
    if (test_db_pg() == NULL) {
        skip(); /* SQLite's busy timeout: test_web's 503 test. */
    }
    PGconn *other = PQconnectdb(f->path);
    assert_int_equal(PQstatus(other), CONNECTION_OK);
    PGresult *r = PQexec(other, "BEGIN; LOCK TABLE schema_version IN ACCESS "
                                "EXCLUSIVE MODE");
    assert_int_equal(PQresultStatus(r), PGRES_COMMAND_OK);
    PQclear(r);
    int v = 0;
    store_busy_timeout(f->st, 100);
    assert_int_equal(store_schema_version(f->st, &v), ERR_UNAVAILABLE);
    assert_non_null(strstr(store_errmsg(f->st), "sibuk"));
    PQclear(PQexec(other, "ROLLBACK"));
    PQfinish(other);
    /* Not a lost connection: the next call goes through. */
    assert_int_equal(store_schema_version(f->st, &v), ERR_OK);
    assert_int_equal(v, STORE_SCHEMA_VERSION);
}

static void
test_store_empty_database_needs_init(void **state)
{
    (void)state;
    struct test_db empty;
    struct store *st = NULL;
    test_db_make(&empty, "empty.db");
    assert_int_equal(store_open(empty.target, true, &st), ERR_OK);
    assert_int_equal(store_check_schema(st), ERR_UNAVAILABLE);
    assert_non_null(strstr(store_errmsg(st), "init"));
    store_close(st);
    test_db_drop(&empty);
}

static enum err
collect_code(void *ctx, const struct unit *u)
{
    return buf_addf(ctx, "%s<%s> ", u->kode, u->induk ? u->induk : "");
}

static void
test_store_units_come_back_ordered_by_code(void **state)
{
    struct fixture *f = *state;
    struct buf b;
    buf_init(&b, 0);
    put_basics(f->st);
    assert_int_equal(store_unit_each(f->st, collect_code, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "5271<> SDN1<5271> SDN2<5271> ");
    buf_cleanup(&b);
}

static void
test_store_commit_fails_on_unknown_parent(void **state)
{
    struct fixture *f = *state;
    struct unit orphan = make_unit("X", "NOPE", UNIT_BIDANG);
    struct buf b;
    buf_init(&b, 0);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_unit_put(f->st, &orphan), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_DB);
    store_rollback(f->st);
    assert_int_equal(store_unit_each(f->st, collect_code, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "");
    buf_cleanup(&b);
}

/* The count 'sql' gives in the SQLite file 'path' (a backup copy). */
static int
count_rows(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    int n = -1;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    if (sqlite3_step(s) == SQLITE_ROW) {
        n = sqlite3_column_int(s, 0);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

static void
test_store_pegawai_put_reports_insert_update_unchanged(void **state)
{
    struct fixture *f = *state;
    struct pegawai p = make_pegawai("198503122010012003", "SDN1");
    enum store_put put = STORE_UNCHANGED;
    put_basics(f->st);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &p, "test", &put), ERR_OK);
    assert_int_equal(put, STORE_INSERTED);
    assert_int_equal(store_pegawai_put(f->st, &p, "test", &put), ERR_OK);
    assert_int_equal(put, STORE_UNCHANGED);
    p.nama = "Baiq Nurul Aini";
    assert_int_equal(store_pegawai_put(f->st, &p, "test", &put), ERR_OK);
    assert_int_equal(put, STORE_UPDATED);
    p.unit = "SDN2";
    p.tmt_unit = date_from_ymd(2026, 1, 1);
    assert_int_equal(store_pegawai_put(f->st, &p, "test", &put), ERR_OK);
    assert_int_equal(put, STORE_UPDATED);
    assert_int_equal(store_commit(f->st), ERR_OK);
    /* History: the first posting and the move, not the name change. */
    assert_int_equal(test_db_long(&f->db, "SELECT count(*) FROM riwayat"), 2);
    assert_int_equal(test_db_long(&f->db, "SELECT count(*) FROM riwayat WHERE"
                                          " unit = 'SDN2' AND tmt = "
                                          "'2026-01-01'"),
                     1);
}

static void
test_store_pegawai_get_round_trips_fields(void **state)
{
    struct fixture *f = *state;
    struct pegawai p = make_pegawai("198503122010012003", "SDN1");
    struct pegawai got;
    p.lat = -8.576592;
    p.lon = 116.08;
    p.kompetensi = "a;b";
    p.formasi_tahun = 2010;
    p.hukuman_disiplin = true;
    put_basics(f->st);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &p, "test", NULL), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_pegawai_get(f->st, p.nip, &got), ERR_OK);
    assert_string_equal(got.nama, p.nama);
    assert_string_equal(got.unit, "SDN1");
    assert_string_equal(got.kompetensi, "a;b");
    assert_null(got.tempat_lahir);
    assert_int_equal(got.tanggal_lahir, p.tanggal_lahir);
    assert_int_equal(got.tmt_unit, p.tmt_unit);
    assert_true(got.lat == p.lat && got.lon == p.lon);
    assert_int_equal(got.formasi_tahun, 2010);
    assert_true(got.hukuman_disiplin);
    assert_false(got.tugas_belajar);
    assert_int_equal(store_pegawai_get(f->st, "000000000000000000", &got),
                     ERR_NOTFOUND);
}

struct request_seen {
    int n;
    struct buf text;
};

static enum err
collect_request(void *ctx, const struct permohonan *r)
{
    struct request_seen *s = ctx;
    s->n++;
    enum err rc =
        buf_addf(&s->text, "%s %s v%lld:", r->nip,
                 model_enum_name(&model_permohonan_status, (int)r->status),
                 (long long)r->version);
    for (int i = 0; i < r->n_pilihan && rc == ERR_OK; i++) {
        rc = buf_addf(&s->text, " %s", r->pilihan[i]);
    }
    return rc;
}

static struct permohonan
make_request(const char *nip)
{
    struct permohonan r;
    memset(&r, 0, sizeof(r));
    r.nip = nip;
    r.pilihan[0] = "SDN2";
    r.n_pilihan = 1;
    r.alasan = ALASAN_KESEHATAN;
    r.keterangan = "surat dokter";
    r.tanggal = date_from_ymd(2026, 3, 1);
    r.status = PERMOHONAN_DIAJUKAN;
    return r;
}

static void
test_store_permohonan_update_keeps_one_open_request(void **state)
{
    struct fixture *f = *state;
    struct pegawai p = make_pegawai("198503122010012003", "SDN1");
    struct permohonan r = make_request(p.nip);
    struct request_seen seen = {0, {NULL, 0, 0, 0}};
    enum store_put put = STORE_UNCHANGED;
    put_basics(f->st);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &p, "test", NULL), ERR_OK);
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put), ERR_OK);
    assert_int_equal(put, STORE_INSERTED);
    /* The same data again writes nothing: the version stays. */
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put), ERR_OK);
    assert_int_equal(put, STORE_UNCHANGED);
    r.pilihan[1] = "5271";
    r.n_pilihan = 2;
    r.status = PERMOHONAN_DRAF; /* Ignored: an update keeps the status. */
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put), ERR_OK);
    assert_int_equal(put, STORE_UPDATED);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_permohonan_each(f->st, collect_request, &seen),
                     ERR_OK);
    assert_int_equal(seen.n, 1);
    assert_string_equal(buf_str(&seen.text),
                        "198503122010012003 diajukan v2: SDN2 5271");
    buf_cleanup(&seen.text);
}

static enum err
note_of(void *ctx, const struct permohonan *r)
{
    return buf_addf(ctx, "%s|", r->keterangan ? r->keterangan : "(null)");
}

static void
test_store_permohonan_keep_note_keeps_the_stored_note(void **state)
{
    struct fixture *f = *state;
    struct pegawai p = make_pegawai("198503122010012003", "SDN1");
    struct permohonan r = make_request(p.nip);
    enum store_put put = STORE_UNCHANGED;
    struct buf notes;
    buf_init(&notes, 0);
    put_basics(f->st);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &p, "test", NULL), ERR_OK);
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put), ERR_OK);
    r.keterangan = NULL; /* A file without the column. */
    assert_int_equal(store_permohonan_put(f->st, &r, true, &put), ERR_OK);
    assert_int_equal(put, STORE_UNCHANGED);
    r.tanggal = date_from_ymd(2026, 4, 1);
    assert_int_equal(store_permohonan_put(f->st, &r, true, &put), ERR_OK);
    assert_int_equal(put, STORE_UPDATED);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_permohonan_each(f->st, note_of, &notes), ERR_OK);
    assert_string_equal(buf_str(&notes), "surat dokter|");
    buf_cleanup(&notes);
}

static void
test_store_permohonan_past_approval_is_a_conflict(void **state)
{
    struct fixture *f = *state;
    struct pegawai p = make_pegawai("198503122010012003", "SDN1");
    struct permohonan r = make_request(p.nip);
    enum store_put put = STORE_UNCHANGED;
    put_basics(f->st);
    r.status = PERMOHONAN_DIVERIFIKASI;
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &p, "test", NULL), ERR_OK);
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put), ERR_OK);
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put), ERR_OK);
    assert_int_equal(put, STORE_UNCHANGED);
    r.alasan = ALASAN_LAINNYA;
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put),
                     ERR_CONFLICT);
    assert_non_null(strstr(store_errmsg(f->st), "diverifikasi"));
    assert_int_equal(store_commit(f->st), ERR_OK);
}

static void
test_store_settings_default_then_set(void **state)
{
    struct fixture *f = *state;
    char *v = NULL;
    assert_int_equal(store_setting_get(f->st, "wke_menit", &v), ERR_NOTFOUND);
    assert_int_equal(store_setting_set(f->st, "wke_menit", "72000"), ERR_OK);
    assert_int_equal(store_setting_set(f->st, "wke_menit", "73000"), ERR_OK);
    assert_int_equal(store_setting_get(f->st, "wke_menit", &v), ERR_OK);
    assert_string_equal(v, "73000");
    free(v);
}

static void
test_store_audit_is_append_only(void **state)
{
    struct fixture *f = *state;
    struct store_audit a = {"cli:test",
                            "settings",
                            "wke_menit",
                            "set",
                            "{\"wke_menit\": \"75000\"}",
                            "{\"wke_menit\": \"72000\"}"};
    assert_int_equal(store_audit_add(f->st, &a), ERR_OK);
    assert_int_equal(test_db_long(&f->db, "SELECT count(*) FROM audit"), 1);
    assert_int_not_equal(
        test_db_sql(&f->db, "UPDATE audit SET actor = 'x'", NULL),
        TEST_DB_SQL_OK);
    assert_int_not_equal(test_db_sql(&f->db, "DELETE FROM audit", NULL),
                         TEST_DB_SQL_OK);
    assert_int_equal(test_db_long(&f->db, "SELECT count(*) FROM audit WHERE"
                                          " actor = 'cli:test'"),
                     1);
}

static void
test_store_uses_wal_and_foreign_keys(void **state)
{
    struct fixture *f = *state;
    if (test_db_pg() != NULL) {
        skip(); /* SQLite's journal mode; PostgreSQL has its own WAL. */
    }
    assert_int_equal(count_rows(f->path, "SELECT journal_mode = 'wal' FROM"
                                         " pragma_journal_mode"),
                     1);
}

/* A writer that commits pairs of audit rows, one pair per transaction,
 * on its own connection until told to stop. */
struct writer {
    const char *path;
    volatile int stop;
    long pairs;
};

static void *
write_pairs(void *arg)
{
    struct writer *w = arg;
    struct store *st = NULL;
    if (store_open(w->path, false, &st) != ERR_OK) {
        store_close(st);
        return NULL;
    }
    struct store_audit a = {"cli:writer", "settings", NULL, "ubah", NULL, NULL};
    while (!w->stop) {
        bool ok =
            store_begin(st) == ERR_OK && store_audit_add(st, &a) == ERR_OK &&
            store_audit_add(st, &a) == ERR_OK && store_commit(st) == ERR_OK;
        if (!ok) {
            store_rollback(st);
            break;
        }
        w->pairs++;
    }
    store_close(st);
    return NULL;
}

static void
count_progress(void *ctx, long done, long total)
{
    long *steps = ctx;
    assert_true(done <= total);
    (*steps)++;
}

/* The backup is one moment of the database while another connection
 * commits: whole (integrity), 0600, and never half of a transaction.
 * Without its read snapshot the copy restarts at every commit of the
 * writer and never ends (seen: still copying after 60 s). */
static void
test_store_backup_under_write_load_is_one_snapshot(void **state)
{
    struct fixture *f = *state;
    if (test_db_pg() != NULL) {
        skip(); /* A SQLite file's backup copy (SQLite's backup API). */
    }
    /* Enough pages for several backup steps. */
    char big[2048];
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    struct store_audit a = {"cli:test", "settings", NULL, "isi", NULL, big};
    assert_int_equal(store_begin(f->st), ERR_OK);
    for (int i = 0; i < 6000; i++) {
        assert_int_equal(store_audit_add(f->st, &a), ERR_OK);
    }
    assert_int_equal(store_commit(f->st), ERR_OK);
    struct writer w = {f->path, 0, 0};
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, write_pairs, &w), 0);
    while (w.pairs < 50) {
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
    }
    char copy[128];
    long steps = 0;
    snprintf(copy, sizeof(copy), "%s/copy.db", f->dir);
    enum err rc = store_backup(f->st, copy, count_progress, &steps);
    w.stop = 1;
    pthread_join(t, NULL);
    assert_int_equal(rc, ERR_OK);
    assert_true(steps >= 3);
    struct stat sb;
    assert_int_equal(stat(copy, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    int version = 0;
    assert_int_equal(store_backup_check(f->st, copy, &version), ERR_OK);
    assert_int_equal(version, STORE_SCHEMA_VERSION);
    int written = count_rows(copy, "SELECT count(*) FROM audit WHERE"
                                   " actor = 'cli:writer'");
    assert_int_equal(written % 2, 0);
    assert_true(written >= 100);
    assert_int_equal(count_rows(copy, "SELECT count(*) FROM audit WHERE"
                                      " actor = 'cli:test'"),
                     6000);
    /* A second backup to the same name is refused, the first kept. */
    assert_int_equal(store_backup(f->st, copy, NULL, NULL), ERR_EXISTS);
    assert_int_equal(store_backup_check(f->st, copy, &version), ERR_OK);
}

/* A restore replaces the whole database by the backup; a damaged file
 * is refused by the check before anything is replaced. */
static void
test_store_restore_replaces_and_check_refuses_damage(void **state)
{
    struct fixture *f = *state;
    if (test_db_pg() != NULL) {
        skip(); /* A SQLite file's backup copy, checked and restored. */
    }
    struct store_audit a = {"cli:test", "settings", NULL, "isi", NULL, NULL};
    assert_int_equal(store_audit_add(f->st, &a), ERR_OK);
    char copy[128];
    char bad[128];
    char other[128];
    snprintf(copy, sizeof(copy), "%s/copy.db", f->dir);
    snprintf(bad, sizeof(bad), "%s/bad.db", f->dir);
    snprintf(other, sizeof(other), "%s/other.db", f->dir);
    assert_int_equal(store_backup(f->st, copy, NULL, NULL), ERR_OK);
    int version = 0;
    /* Half a file, and a file that is no database. */
    FILE *in = fopen(copy, "rb");
    FILE *out = fopen(bad, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char page[4096];
    for (int i = 0; i < 3 && fread(page, 1, sizeof(page), in) > 0; i++) {
        fwrite(page, 1, sizeof(page), out);
    }
    fclose(in);
    fclose(out);
    assert_int_equal(store_backup_check(f->st, bad, &version), ERR_INVAL);
    out = fopen(bad, "wb");
    assert_non_null(out);
    fputs("<html>bukan basis data</html>\n", out);
    fclose(out);
    assert_int_equal(store_backup_check(f->st, bad, &version), ERR_INVAL);
    assert_int_equal(store_backup_check(f->st, other, &version), ERR_NOINPUT);
    /* The restore brings the single audit row back into a new file. */
    struct store *st = NULL;
    int from = -1;
    assert_int_equal(store_open(other, true, &st), ERR_OK);
    assert_int_equal(store_restore(st, copy, NULL, NULL), ERR_OK);
    assert_int_equal(store_migrate(st, &from), ERR_OK);
    assert_int_equal(from, STORE_SCHEMA_VERSION);
    assert_int_equal(store_check_schema(st), ERR_OK);
    store_close(st);
    assert_int_equal(count_rows(other, "SELECT count(*) FROM audit WHERE"
                                       " actor = 'cli:test'"),
                     1);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_new, teardown)
    const struct CMUnitTest tests[] = {
        T(test_store_migrate_is_idempotent),
        T(test_store_open_missing_file_without_create),
        T(test_store_postgres_not_listening_is_unavailable),
        T(test_store_lock_held_past_busy_timeout_is_unavailable),
        T(test_store_empty_database_needs_init),
        T(test_store_units_come_back_ordered_by_code),
        T(test_store_commit_fails_on_unknown_parent),
        T(test_store_pegawai_put_reports_insert_update_unchanged),
        T(test_store_pegawai_get_round_trips_fields),
        T(test_store_permohonan_update_keeps_one_open_request),
        T(test_store_permohonan_keep_note_keeps_the_stored_note),
        T(test_store_permohonan_past_approval_is_a_conflict),
        T(test_store_settings_default_then_set),
        T(test_store_audit_is_append_only),
        T(test_store_uses_wal_and_foreign_keys),
        T(test_store_backup_under_write_load_is_one_snapshot),
        T(test_store_restore_replaces_and_check_refuses_damage),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
