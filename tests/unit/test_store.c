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
#include "nip.h"
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

/* A unit the database refuses fails its transaction whole, whether the
 * put says so at once (SQLite) or a later statement does (PostgreSQL
 * sends unit puts without waiting for their answers); the store goes on
 * working afterwards. */
static void
test_store_refused_unit_fails_the_transaction(void **state)
{
    struct fixture *f = *state;
    struct unit a = make_unit("A", NULL, UNIT_OPD);
    struct unit bad = make_unit("B", NULL, UNIT_OPD);
    struct unit c = make_unit("C", NULL, UNIT_OPD);
    struct buf b;
    buf_init(&b, 0);
    bad.lat = 91.0; /* Past the pole: the schema's CHECK refuses it. */
    bad.lon = 0.0;
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_unit_put(f->st, &a), ERR_OK);
    enum err rc = store_unit_put(f->st, &bad);
    rc = rc == ERR_OK ? store_unit_put(f->st, &c) : rc;
    rc = rc == ERR_OK ? store_commit(f->st) : rc;
    assert_int_equal(rc, ERR_DB);
    store_rollback(f->st);
    assert_int_equal(store_unit_each(f->st, collect_code, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "");
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_unit_put(f->st, &a), ERR_OK);
    assert_int_equal(store_unit_put(f->st, &c), ERR_OK);
    assert_int_equal(store_unit_each(f->st, collect_code, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "A<> C<> ");
    assert_int_equal(store_commit(f->st), ERR_OK);
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

static enum err
collect_riwayat(void *ctx, const struct store_riwayat *r)
{
    return buf_addf(ctx, "%s/%s/%s/%s/%s/%s%s%s ", r->unit,
                    r->unit_nama ? r->unit_nama : "-", r->jabatan,
                    r->jabatan_nama ? r->jabatan_nama : "-", r->tmt, r->sumber,
                    r->sk_nomor ? "/" : "", r->sk_nomor ? r->sk_nomor : "");
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
    p.tmt_unit = date_from_ymd(2026, 2, 1); /* Only the TMT: no move. */
    assert_int_equal(store_pegawai_put(f->st, &p, "test", &put), ERR_OK);
    assert_int_equal(put, STORE_UPDATED);
    assert_int_equal(store_commit(f->st), ERR_OK);
    /* History: the first posting and the move, not the name or TMT
     * change; read through the store, so on either back end. */
    struct buf b;
    buf_init(&b, 0);
    assert_int_equal(store_riwayat_each(f->st, p.nip, collect_riwayat, &b),
                     ERR_OK);
    assert_string_equal(buf_str(&b), "SDN2/Nama/GURU/Guru/2026-01-01/test "
                                     "SDN1/Nama/GURU/Guru/2015-07-01/test ");
    buf_cleanup(&b);
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

struct names_seen {
    int n;
    int bad; /* Names that do not belong to their NIP. */
};

static enum err
collect_name(void *ctx, const char *nip, const char *nama)
{
    struct names_seen *s = ctx;
    char want[32];
    snprintf(want, sizeof(want), "Pegawai %s", nip + 14);
    s->n++;
    s->bad += strcmp(nama, want) != 0;
    return ERR_OK;
}

static enum err
stop_at_first(void *ctx, const char *nip, const char *nama)
{
    (void)nip;
    (void)nama;
    ((struct names_seen *)ctx)->n++;
    return ERR_CONFLICT;
}

static void
test_store_pegawai_names_in_batches(void **state)
{
    struct fixture *f = *state;
    enum { N = 2100 }; /* More than two batches on PostgreSQL. */
    static char nip[N][NIP_LEN + 1];
    static char nama[N][32];
    const char *ask[N + 4];
    struct names_seen seen = {0, 0};
    put_basics(f->st);
    assert_int_equal(store_begin(f->st), ERR_OK);
    for (int i = 0; i < N; i++) {
        snprintf(nip[i], sizeof(nip[i]), "19850312201001%04u",
                 (unsigned)i % 10000u);
        snprintf(nama[i], sizeof(nama[i]), "Pegawai %04d", i);
        struct pegawai p = make_pegawai(nip[i], "SDN1");
        p.nama = nama[i];
        assert_int_equal(store_pegawai_put(f->st, &p, "test", NULL), ERR_OK);
        ask[i] = nip[i];
    }
    assert_int_equal(store_commit(f->st), ERR_OK);
    /* Not there, among them characters an array literal must quote. */
    ask[N] = "000000000000000000";
    ask[N + 1] = "a\"b,c}";
    ask[N + 2] = "x\\y{";
    ask[N + 3] = "";
    assert_int_equal(
        store_pegawai_names(f->st, ask, N + 4, collect_name, &seen), ERR_OK);
    assert_int_equal(seen.n, N);
    assert_int_equal(seen.bad, 0);
    seen.n = 0;
    assert_int_equal(
        store_pegawai_names(f->st, ask + N, 4, collect_name, &seen), ERR_OK);
    assert_int_equal(seen.n, 0);
    assert_int_equal(store_pegawai_names(f->st, ask, 0, collect_name, &seen),
                     ERR_OK);
    /* The callback's error ends the call. */
    assert_int_equal(store_pegawai_names(f->st, ask, 3, stop_at_first, &seen),
                     ERR_CONFLICT);
    assert_int_equal(seen.n, 1);
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
        skip(); /* SQLite's files; PostgreSQL's: test_store_pg_backup.c. */
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
        skip(); /* SQLite's files; PostgreSQL's: test_store_pg_backup.c. */
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

/* The data kinds read back alike on both back ends (MUTASI_TEST_PG): the
 * order, the verdicts, the matching rules and bulk loading. */

static enum err
collect_pegawai(void *ctx, const struct pegawai *p)
{
    return buf_addf(ctx, "%s@%s ", p->nip, p->unit);
}

static enum err
collect_beban(void *ctx, const struct beban *b)
{
    return buf_addf(ctx, "%s/%s/%s=%lld ", b->unit, b->jabatan,
                    b->tugas ? b->tugas : "-", (long long)b->volume_milli);
}

static enum err
collect_staff(void *ctx, const struct store_staff *x)
{
    return buf_addf(ctx, "%s@%s/%s ", x->nip, x->unit ? x->unit : "-",
                    x->unit_now ? x->unit_now : "-");
}

static struct beban
make_beban(const char *unit, const char *tugas, int64_t volume)
{
    struct beban b = {unit, "GURU",       tugas,     volume,
                      1000, METODE_TUGAS, DATE_NONE, DATE_NONE};
    return b;
}

/* Open a transaction and put table 'what' in bulk mode (it must be
 * empty, so bulk mode must come on). */
static void
begin_bulk(struct store *st, enum store_bulk what)
{
    bool on = false;
    assert_int_equal(store_begin(st), ERR_OK);
    assert_int_equal(store_bulk_begin(st, what, &on), ERR_OK);
    assert_true(on);
}

/* Bulk mode: rows put into the empty table are read back as put (a get
 * of one still waiting sends it first), the history comes at the end in
 * NIP order, and a rollback forgets what waited. */
static void
test_store_bulk_load_reads_back_and_writes_history(void **state)
{
    struct fixture *f = *state;
    struct pegawai a = make_pegawai("199001012015011001", "SDN2");
    struct pegawai b = make_pegawai("198001012005011001", "SDN1");
    struct pegawai c = make_pegawai("198501012010011001", "SDN1");
    struct pegawai got;
    enum store_put put = STORE_UNCHANGED;
    bool on = false;
    struct buf t;
    buf_init(&t, 0);
    put_basics(f->st);
    /* A rollback drops the rows that waited. */
    begin_bulk(f->st, STORE_BULK_PEGAWAI);
    assert_int_equal(store_pegawai_put(f->st, &a, "impor", &put), ERR_OK);
    store_rollback(f->st);
    assert_int_equal(store_pegawai_each(f->st, collect_pegawai, &t), ERR_OK);
    assert_string_equal(buf_str(&t), "");
    /* The load. */
    begin_bulk(f->st, STORE_BULK_PEGAWAI);
    assert_int_equal(store_pegawai_put(f->st, &a, "impor", &put), ERR_OK);
    assert_int_equal(put, STORE_INSERTED);
    assert_int_equal(store_pegawai_get(f->st, b.nip, &got), ERR_NOTFOUND);
    assert_int_equal(store_pegawai_put(f->st, &b, "impor", &put), ERR_OK);
    assert_int_equal(put, STORE_INSERTED);
    assert_int_equal(store_pegawai_get(f->st, b.nip, &got), ERR_OK);
    assert_string_equal(got.unit, "SDN1");
    assert_int_equal(store_pegawai_put(f->st, &c, "impor", &put), ERR_OK);
    assert_int_equal(store_pegawai_each(f->st, collect_pegawai, &t), ERR_OK);
    assert_string_equal(buf_str(&t), "198001012005011001@SDN1 "
                                     "198501012010011001@SDN1 "
                                     "199001012015011001@SDN2 ");
    assert_int_equal(store_bulk_end(f->st, STORE_BULK_PEGAWAI, "impor"),
                     ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    buf_reset(&t);
    assert_int_equal(store_riwayat_each(f->st, c.nip, collect_riwayat, &t),
                     ERR_OK);
    assert_string_equal(buf_str(&t), "SDN1/Nama/GURU/Guru/2015-07-01/impor ");
    /* Not empty any more: no bulk mode, and puts are verdicts again. */
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_bulk_begin(f->st, STORE_BULK_PEGAWAI, &on), ERR_OK);
    assert_false(on);
    assert_int_equal(store_pegawai_put(f->st, &c, "impor", &put), ERR_OK);
    assert_int_equal(put, STORE_UNCHANGED);
    assert_int_equal(store_bulk_end(f->st, STORE_BULK_PEGAWAI, "impor"),
                     ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    buf_cleanup(&t);
}

/* Workload rows in bulk mode keep the order they were added in, and an
 * app row is told apart afterwards. */
static void
test_store_bulk_beban_keeps_the_order_added(void **state)
{
    struct fixture *f = *state;
    struct beban x = make_beban("SDN2", "b", 2000);
    struct beban y = make_beban("SDN1", "z", 1000);
    struct beban z = make_beban("SDN1", "a", 3000);
    struct beban app = make_beban("SDN1", "lonjakan", 500);
    bool same = false;
    long kept = -1;
    struct buf t;
    buf_init(&t, 0);
    put_basics(f->st);
    begin_bulk(f->st, STORE_BULK_BEBAN);
    assert_int_equal(store_beban_clear(f->st, "SDN1", "GURU", false, &kept),
                     ERR_OK);
    assert_int_equal(kept, 0);
    assert_int_equal(store_beban_add(f->st, &x), ERR_OK);
    assert_int_equal(store_beban_add(f->st, &y), ERR_OK);
    assert_int_equal(store_beban_add_app(f->st, &app), ERR_OK);
    assert_int_equal(store_beban_add(f->st, &z), ERR_OK);
    assert_int_equal(store_bulk_end(f->st, STORE_BULK_BEBAN, "impor"), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_beban_each(f->st, collect_beban, &t), ERR_OK);
    assert_string_equal(buf_str(&t), "SDN1/GURU/z=1000 SDN1/GURU/lonjakan=500 "
                                     "SDN1/GURU/a=3000 SDN2/GURU/b=2000 ");
    assert_int_equal(store_beban_app_has(f->st, &app, &same), ERR_OK);
    assert_true(same);
    app.berlaku_sampai = date_from_ymd(2026, 12, 31);
    assert_int_equal(store_beban_app_has(f->st, &app, &same), ERR_OK);
    assert_false(same);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_beban_clear(f->st, "SDN1", "GURU", false, &kept),
                     ERR_OK);
    assert_int_equal(kept, 1);
    assert_int_equal(store_commit(f->st), ERR_OK);
    buf_reset(&t);
    assert_int_equal(store_beban_each_unit(f->st, "SDN1", collect_beban, &t),
                     ERR_OK);
    assert_string_equal(buf_str(&t), "SDN1/GURU/lonjakan=500 ");
    buf_cleanup(&t);
}

static enum err
collect_batas(void *ctx, const struct store_batas *b)
{
    return buf_addf(ctx, "%s:%s ", b->jenis, b->kode);
}

/* A code already stored is ERR_EXISTS, and the transaction goes on (on
 * PostgreSQL a failed statement would have aborted it). */
static void
test_store_batas_taken_code_keeps_the_transaction(void **state)
{
    struct fixture *f = *state;
    struct store_batas kel = {"5271011", "Ampenan Utara", "kelurahan",
                              "527101",  "Ampenan",       "{}"};
    struct store_batas kel2 = {"5271010", "Ampenan Selatan", "kelurahan",
                               "527101",  "Ampenan",         "{}"};
    struct store_batas kec = {"527101", "Ampenan", "kecamatan",
                              NULL,     NULL,      "{}"};
    struct buf t;
    buf_init(&t, 0);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_batas_put(f->st, &kec), ERR_OK);
    assert_int_equal(store_batas_put(f->st, &kel), ERR_OK);
    assert_int_equal(store_batas_put(f->st, &kel), ERR_EXISTS);
    assert_int_equal(store_batas_put(f->st, &kel2), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_batas_each(f->st, collect_batas, &t), ERR_OK);
    assert_string_equal(buf_str(&t), "kelurahan:5271010 kelurahan:5271011 "
                                     "kecamatan:527101 ");
    assert_int_equal(store_batas_clear(f->st), ERR_OK);
    buf_reset(&t);
    assert_int_equal(store_batas_each(f->st, collect_batas, &t), ERR_OK);
    assert_string_equal(buf_str(&t), "");
    buf_cleanup(&t);
}

static enum err
collect_kinerja(void *ctx, const struct kinerja *k)
{
    return buf_addf(ctx, "%s/%d/%s ", k->nip, k->tahun,
                    model_enum_name(&model_predikat, (int)k->predikat));
}

static void
test_store_kinerja_put_verdicts_and_order(void **state)
{
    struct fixture *f = *state;
    struct pegawai p = make_pegawai("198503122010012003", "SDN1");
    struct pegawai q = make_pegawai("197001012000011001", "SDN1");
    struct kinerja k = {p.nip, 2024, SKP_BAIK};
    struct kinerja k2 = {q.nip, 2023, SKP_SANGAT_BAIK};
    enum store_put put = STORE_UNCHANGED;
    struct buf t;
    buf_init(&t, 0);
    put_basics(f->st);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &p, "test", NULL), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &q, "test", NULL), ERR_OK);
    assert_int_equal(store_kinerja_put(f->st, &k, &put), ERR_OK);
    assert_int_equal(put, STORE_INSERTED);
    assert_int_equal(store_kinerja_put(f->st, &k, &put), ERR_OK);
    assert_int_equal(put, STORE_UNCHANGED);
    k.predikat = SKP_KURANG;
    assert_int_equal(store_kinerja_put(f->st, &k, &put), ERR_OK);
    assert_int_equal(put, STORE_UPDATED);
    k.tahun = 2023;
    assert_int_equal(store_kinerja_put(f->st, &k, NULL), ERR_OK);
    assert_int_equal(store_kinerja_put(f->st, &k2, NULL), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_kinerja_each(f->st, collect_kinerja, &t), ERR_OK);
    assert_string_equal(buf_str(&t), "197001012000011001/2023/sangat_baik "
                                     "198503122010012003/2023/kurang "
                                     "198503122010012003/2024/kurang ");
    buf_reset(&t);
    assert_int_equal(store_kinerja_of(f->st, p.nip, collect_kinerja, &t),
                     ERR_OK);
    assert_string_equal(buf_str(&t), "198503122010012003/2024/kurang "
                                     "198503122010012003/2023/kurang ");
    buf_reset(&t);
    assert_int_equal(
        store_kinerja_years(f->st, 2024, 2025, collect_kinerja, &t), ERR_OK);
    assert_string_equal(buf_str(&t), "198503122010012003/2024/kurang ");
    buf_cleanup(&t);
}

/* Ratings into the empty table in bulk mode read back before its end. */
static void
test_store_bulk_kinerja_reads_back(void **state)
{
    struct fixture *f = *state;
    struct pegawai p = make_pegawai("198503122010012003", "SDN1");
    struct kinerja k = {p.nip, 2024, SKP_BAIK};
    struct kinerja k2 = {p.nip, 2023, SKP_SANGAT_BAIK};
    enum store_put put = STORE_UNCHANGED;
    bool on = false;
    struct buf t;
    buf_init(&t, 0);
    put_basics(f->st);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &p, "test", NULL), ERR_OK);
    assert_int_equal(store_bulk_begin(f->st, STORE_BULK_KINERJA, &on), ERR_OK);
    assert_true(on);
    assert_int_equal(store_kinerja_put(f->st, &k, &put), ERR_OK);
    assert_int_equal(put, STORE_INSERTED);
    assert_int_equal(store_kinerja_put(f->st, &k2, NULL), ERR_OK);
    assert_int_equal(store_kinerja_of(f->st, p.nip, collect_kinerja, &t),
                     ERR_OK);
    assert_string_equal(buf_str(&t), "198503122010012003/2024/baik "
                                     "198503122010012003/2023/sangat_baik ");
    assert_int_equal(store_bulk_end(f->st, STORE_BULK_KINERJA, "impor"),
                     ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    buf_reset(&t);
    assert_int_equal(store_kinerja_each(f->st, collect_kinerja, &t), ERR_OK);
    assert_string_equal(buf_str(&t), "198503122010012003/2023/sangat_baik "
                                     "198503122010012003/2024/baik ");
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_bulk_begin(f->st, STORE_BULK_KINERJA, &on), ERR_OK);
    assert_false(on);
    store_rollback(f->st);
    buf_cleanup(&t);
}

/* The end of a bulk load (PostgreSQL: the foreign keys it dropped are
 * added back, checking every row) or the commit (SQLite) fails on a key
 * that names nothing; then nothing of the load stays. */
static enum err
end_and_commit(struct store *st, enum store_bulk what)
{
    enum err rc = store_bulk_end(st, what, "impor");
    rc = rc == ERR_OK ? store_commit(st) : rc;
    store_rollback(st);
    return rc;
}

/* A broken key in a bulk load fails the load whole, on either back end,
 * and the keys are checked again afterwards (plain puts). */
static void
test_store_bulk_load_with_a_broken_key_fails_whole(void **state)
{
    struct fixture *f = *state;
    struct beban good = make_beban("SDN1", "a", 1000);
    struct beban bad = make_beban("NOPE", "b", 1000);
    struct pegawai p = make_pegawai("198503122010012003", "SDN1");
    struct pegawai q = make_pegawai("199001012015011001", "SDN2");
    struct kinerja k = {p.nip, 2024, SKP_BAIK};
    struct kinerja stray = {"199912312020121001", 2024, SKP_BAIK};
    bool on = false;
    struct buf t;
    buf_init(&t, 0);
    put_basics(f->st);
    /* Workload naming an unknown unit. */
    begin_bulk(f->st, STORE_BULK_BEBAN);
    assert_int_equal(store_beban_add(f->st, &good), ERR_OK);
    assert_int_equal(store_beban_add(f->st, &bad), ERR_OK);
    assert_int_equal(end_and_commit(f->st, STORE_BULK_BEBAN), ERR_DB);
    assert_int_equal(store_beban_each(f->st, collect_beban, &t), ERR_OK);
    assert_string_equal(buf_str(&t), "");
    /* An employee in an unknown jabatan. */
    q.jabatan = "NOPE";
    begin_bulk(f->st, STORE_BULK_PEGAWAI);
    assert_int_equal(store_pegawai_put(f->st, &p, "impor", NULL), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &q, "impor", NULL), ERR_OK);
    assert_int_equal(end_and_commit(f->st, STORE_BULK_PEGAWAI), ERR_DB);
    /* Ratings of an unknown employee, loaded with the employees. */
    begin_bulk(f->st, STORE_BULK_PEGAWAI);
    assert_int_equal(store_pegawai_put(f->st, &p, "impor", NULL), ERR_OK);
    assert_int_equal(store_bulk_end(f->st, STORE_BULK_PEGAWAI, "impor"),
                     ERR_OK);
    assert_int_equal(store_bulk_begin(f->st, STORE_BULK_KINERJA, &on), ERR_OK);
    assert_true(on);
    assert_int_equal(store_kinerja_put(f->st, &k, NULL), ERR_OK);
    assert_int_equal(store_kinerja_put(f->st, &stray, NULL), ERR_OK);
    assert_int_equal(end_and_commit(f->st, STORE_BULK_KINERJA), ERR_DB);
    assert_int_equal(store_pegawai_each(f->st, collect_pegawai, &t), ERR_OK);
    assert_int_equal(store_kinerja_each(f->st, collect_kinerja, &t), ERR_OK);
    assert_string_equal(buf_str(&t), "");
    /* The keys are there again: plain puts of the same rows fail at the
     * commit. */
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_beban_add(f->st, &bad), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_DB);
    store_rollback(f->st);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &q, "impor", NULL), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_DB);
    store_rollback(f->st);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &p, "impor", NULL), ERR_OK);
    assert_int_equal(store_kinerja_put(f->st, &stray, NULL), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_DB);
    store_rollback(f->st);
    /* And a good load goes through. */
    begin_bulk(f->st, STORE_BULK_BEBAN);
    assert_int_equal(store_beban_add(f->st, &good), ERR_OK);
    assert_int_equal(end_and_commit(f->st, STORE_BULK_BEBAN), ERR_OK);
    assert_int_equal(store_beban_each(f->st, collect_beban, &t), ERR_OK);
    assert_string_equal(buf_str(&t), "SDN1/GURU/a=1000 ");
    buf_cleanup(&t);
}

/* Many rows in bulk mode (whole batches of the SQLite loader and a part
 * one): workload rows keep the order they were added in, kinerja rows
 * added out of key order read back by key, a read in the middle sees the
 * rows added so far, and a rollback forgets every waiting row. */
static void
test_store_bulk_many_rows_in_batches(void **state)
{
    enum { N = 77 };
    struct fixture *f = *state;
    char nips[N][24];
    char tugas[N][16];
    bool on = false;
    struct buf t;
    struct buf want;
    buf_init(&t, 0);
    buf_init(&want, 0);
    put_basics(f->st);
    for (int i = 0; i < N; i++) {
        /* Added in the order i, keys in another: (i * 31) mod N. */
        snprintf(nips[i], sizeof(nips[i]), "19850312201001%04d", (i * 31) % N);
        snprintf(tugas[i], sizeof(tugas[i]), "t%02d", N - i);
    }
    for (int pass = 0; pass < 2; pass++) {
        assert_int_equal(store_begin(f->st), ERR_OK);
        assert_int_equal(store_bulk_begin(f->st, STORE_BULK_BEBAN, &on),
                         ERR_OK);
        assert_true(on);
        for (int i = 0; i < N; i++) {
            struct beban b = make_beban("SDN1", tugas[i], 1000 + i);
            assert_int_equal(store_beban_add(f->st, &b), ERR_OK);
        }
        assert_int_equal(store_bulk_end(f->st, STORE_BULK_BEBAN, "impor"),
                         ERR_OK);
        assert_int_equal(store_bulk_begin(f->st, STORE_BULK_PEGAWAI, &on),
                         ERR_OK);
        assert_true(on);
        for (int i = 0; i < N; i++) {
            struct pegawai p = make_pegawai(nips[i], "SDN1");
            assert_int_equal(store_pegawai_put(f->st, &p, "impor", NULL),
                             ERR_OK);
        }
        assert_int_equal(store_bulk_end(f->st, STORE_BULK_PEGAWAI, "impor"),
                         ERR_OK);
        assert_int_equal(store_bulk_begin(f->st, STORE_BULK_KINERJA, &on),
                         ERR_OK);
        assert_true(on);
        for (int i = 0; i < N; i++) {
            struct kinerja k = {nips[i], 2024, SKP_BAIK};
            struct kinerja k2 = {nips[i], 2023, SKP_KURANG};
            assert_int_equal(store_kinerja_put(f->st, &k, NULL), ERR_OK);
            assert_int_equal(store_kinerja_put(f->st, &k2, NULL), ERR_OK);
            if (pass == 1 && i == N / 2) {
                buf_reset(&t);
                assert_int_equal(
                    store_kinerja_of(f->st, nips[i], collect_kinerja, &t),
                    ERR_OK);
                buf_reset(&want);
                assert_int_equal(buf_addf(&want, "%s/2024/baik %s/2023/kurang ",
                                          nips[i], nips[i]),
                                 ERR_OK);
                assert_string_equal(buf_str(&t), buf_str(&want));
            }
        }
        if (pass == 0) {
            store_rollback(f->st);
            buf_reset(&t);
            assert_int_equal(store_beban_each(f->st, collect_beban, &t),
                             ERR_OK);
            assert_int_equal(store_pegawai_each(f->st, collect_pegawai, &t),
                             ERR_OK);
            assert_int_equal(store_kinerja_each(f->st, collect_kinerja, &t),
                             ERR_OK);
            assert_string_equal(buf_str(&t), "");
            continue;
        }
        assert_int_equal(store_bulk_end(f->st, STORE_BULK_KINERJA, "impor"),
                         ERR_OK);
        assert_int_equal(store_commit(f->st), ERR_OK);
    }
    buf_reset(&t);
    buf_reset(&want);
    assert_int_equal(store_beban_each(f->st, collect_beban, &t), ERR_OK);
    for (int i = 0; i < N; i++) {
        assert_int_equal(
            buf_addf(&want, "SDN1/GURU/%s=%d ", tugas[i], 1000 + i), ERR_OK);
    }
    assert_string_equal(buf_str(&t), buf_str(&want));
    buf_reset(&t);
    buf_reset(&want);
    assert_int_equal(store_kinerja_each(f->st, collect_kinerja, &t), ERR_OK);
    for (int key = 0; key < N; key++) {
        assert_int_equal(
            buf_addf(&want, "19850312201001%04d/2023/kurang ", key), ERR_OK);
        assert_int_equal(buf_addf(&want, "19850312201001%04d/2024/baik ", key),
                         ERR_OK);
    }
    assert_string_equal(buf_str(&t), buf_str(&want));
    buf_cleanup(&t);
    buf_cleanup(&want);
}

/* Names match by ASCII case only (SQLite's lower()), NIPs by prefix, and
 * pages come by NIP within the subtree of the root. */
static void
test_store_pegawai_page_matches_as_sqlite(void **state)
{
    struct fixture *f = *state;
    struct pegawai p1 = make_pegawai("198503122010012003", "SDN1");
    struct pegawai p2 = make_pegawai("197001012000011001", "SDN2");
    struct pegawai p3 = make_pegawai("199001012015011001", "SDN1");
    struct store_pegawai_query q = {NULL, NULL, 10, 0};
    long total = -1;
    struct buf t;
    buf_init(&t, 0);
    p1.nama = "\xc3\x84rni Bakti"; /* Ärni */
    p2.nama = "\xc3\xa4rni Putri"; /* ärni */
    p3.nama = "Lalu BAKTIAR";
    put_basics(f->st);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &p1, "test", NULL), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &p2, "test", NULL), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &p3, "test", NULL), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    q.text = "bakti";
    assert_int_equal(store_pegawai_page(f->st, &q, collect_pegawai, &t, &total),
                     ERR_OK);
    assert_int_equal(total, 2);
    assert_string_equal(buf_str(&t), "198503122010012003@SDN1 "
                                     "199001012015011001@SDN1 ");
    buf_reset(&t);
    q.text = "\xc3\xa4rni"; /* Non-ASCII letters are not folded. */
    assert_int_equal(store_pegawai_page(f->st, &q, collect_pegawai, &t, &total),
                     ERR_OK);
    assert_int_equal(total, 1);
    assert_string_equal(buf_str(&t), "197001012000011001@SDN2 ");
    buf_reset(&t);
    q.text = "1985";
    assert_int_equal(store_pegawai_page(f->st, &q, collect_pegawai, &t, &total),
                     ERR_OK);
    assert_int_equal(total, 1);
    buf_reset(&t);
    q.text = NULL;
    q.root = "SDN1";
    q.limit = 1;
    q.offset = 1;
    assert_int_equal(store_pegawai_page(f->st, &q, collect_pegawai, &t, &total),
                     ERR_OK);
    assert_int_equal(total, 2);
    assert_string_equal(buf_str(&t), "199001012015011001@SDN1 ");
    buf_cleanup(&t);
}

static enum err
collect_count(void *ctx, const struct store_unit_count *c)
{
    return buf_addf(ctx, "%s:%ld/%ld/%ld/%ld/%ld ", c->unit, c->n_pns,
                    c->n_pppk, c->n_cpns, c->n_permohonan, c->n_pppk_pw);
}

static enum err
collect_move(void *ctx, const struct store_unit_move *m)
{
    return buf_addf(ctx, "%s:%s>%s@%s ", m->nip, m->dari ? m->dari : "-", m->ke,
                    m->tmt);
}

/* Codes in byte order whatever the server's collation; the staff as
 * posted on a day before a move; the subtree and the moves of a unit. */
static void
test_store_staff_on_a_day_and_unit_moves(void **state)
{
    struct fixture *f = *state;
    struct unit lower = make_unit("a1", "5271", UNIT_SEKOLAH);
    struct unit under = make_unit("_1", "5271", UNIT_SEKOLAH);
    struct pegawai p = make_pegawai("198503122010012003", "SDN1");
    struct pegawai q = make_pegawai("197001012000011001", "a1");
    bool in = false;
    struct buf t;
    buf_init(&t, 0);
    put_basics(f->st);
    q.status = STATUS_PPPK;
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_unit_put(f->st, &lower), ERR_OK);
    assert_int_equal(store_unit_put(f->st, &under), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &p, "test", NULL), ERR_OK);
    assert_int_equal(store_pegawai_put(f->st, &q, "test", NULL), ERR_OK);
    p.unit = "SDN2";
    p.tmt_unit = date_from_ymd(2026, 1, 1);
    assert_int_equal(store_pegawai_put(f->st, &p, "test", NULL), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_unit_each(f->st, collect_code, &t), ERR_OK);
    assert_string_equal(buf_str(&t),
                        "5271<> SDN1<5271> SDN2<5271> _1<5271> a1<5271> ");
    buf_reset(&t);
    assert_int_equal(store_unit_count_each(f->st, collect_count, &t), ERR_OK);
    assert_string_equal(buf_str(&t), "SDN2:1/0/0/0/0 a1:0/1/0/0/0 ");
    buf_reset(&t);
    assert_int_equal(
        store_staff_each(f->st, date_from_ymd(2025, 6, 1), collect_staff, &t),
        ERR_OK);
    assert_non_null(strstr(buf_str(&t), "198503122010012003@SDN1/SDN2 "));
    buf_reset(&t);
    assert_int_equal(
        store_posts_each(f->st, date_from_ymd(2015, 1, 1), collect_staff, &t),
        ERR_OK);
    assert_non_null(strstr(buf_str(&t), "198503122010012003@-/- "));
    buf_reset(&t);
    assert_int_equal(store_unit_moves_each(f->st, "SDN1", 10, collect_move, &t),
                     ERR_OK);
    assert_string_equal(buf_str(&t), "198503122010012003:SDN1>SDN2@2026-01-01 "
                                     "198503122010012003:->SDN1@2015-07-01 ");
    assert_int_equal(store_unit_in_subtree(f->st, "a1", "5271", &in), ERR_OK);
    assert_true(in);
    assert_int_equal(store_unit_in_subtree(f->st, "5271", "a1", &in), ERR_OK);
    assert_false(in);
    assert_int_equal(store_unit_in_subtree(f->st, "NOPE", "NOPE", &in), ERR_OK);
    assert_false(in);
    buf_cleanup(&t);
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
        T(test_store_refused_unit_fails_the_transaction),
        T(test_store_pegawai_put_reports_insert_update_unchanged),
        T(test_store_pegawai_get_round_trips_fields),
        T(test_store_pegawai_names_in_batches),
        T(test_store_bulk_load_reads_back_and_writes_history),
        T(test_store_bulk_beban_keeps_the_order_added),
        T(test_store_batas_taken_code_keeps_the_transaction),
        T(test_store_kinerja_put_verdicts_and_order),
        T(test_store_bulk_kinerja_reads_back),
        T(test_store_bulk_load_with_a_broken_key_fails_whole),
        T(test_store_bulk_many_rows_in_batches),
        T(test_store_pegawai_page_matches_as_sqlite),
        T(test_store_staff_on_a_day_and_unit_moves),
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
