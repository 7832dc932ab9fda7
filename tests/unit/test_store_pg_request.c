/* SPDX-License-Identifier: MIT */
/* The store's requests, their documents, the register of documents issued,
 * surat tugas numbers and the Minister's approvals (store_pg_request.c,
 * store_pg_docs.c and their SQLite references), with the rows they need
 * (units, employees, plans, moves) seeded in plain SQL on the database's
 * own connection, so that nothing else of the store is needed. Written
 * for the PostgreSQL back end (MUTASI_TEST_PG); the same tests run on
 * SQLite without it, so that both are held to one behaviour. The
 * PostgreSQL-only ones (an expected conflict does not abort the caller's
 * transaction; two connections race for one open request) say so. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <pthread.h>
#include <sqlite3.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "date.h"
#include "model.h"
#include "store.h"
#include "store_fixture.c"

/* Run 'sql' on the test's database, apart from the store. */
static void
seed(const struct fixture *f, const char *sql)
{
    if (f->db.pg_name[0] != '\0') {
        PGconn *c = PQconnectdb(f->path);
        assert_int_equal(PQstatus(c), CONNECTION_OK);
        PGresult *r = PQexec(c, sql);
        if (PQresultStatus(r) != PGRES_COMMAND_OK &&
            PQresultStatus(r) != PGRES_TUPLES_OK) {
            fail_msg("%s: %s", sql, PQerrorMessage(c));
        }
        PQclear(r);
        PQfinish(c);
        return;
    }
    sqlite3 *db = NULL;
    char *err = NULL;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fail_msg("%s: %s", sql, err);
    }
    sqlite3_close(db);
}

#define NIP1 "198503122010012003"
#define NIP2 "199001012015031002"

/* Two units, one jabatan, two employees. */
static void
seed_staff(const struct fixture *f)
{
    seed(f, "INSERT INTO unit (kode, nama, jenis) VALUES"
            " ('SDN1', 'SD Negeri 1', 'sekolah'),"
            " ('SDN2', 'SD Negeri 2', 'sekolah'),"
            " ('5271', 'Kota', 'opd');"
            "INSERT INTO jabatan (kode, nama, jenis) VALUES"
            " ('GURU', 'Guru', 'fungsional_keahlian');"
            "INSERT INTO pegawai (nip, nama, jenis_kelamin, tanggal_lahir,"
            " status, jabatan, unit, tmt_unit) VALUES"
            " ('" NIP1 "', 'Ani', 'P', '1985-03-12', 'PNS', 'GURU', 'SDN1',"
            "  '2010-01-01'),"
            " ('" NIP2 "', 'Budi', 'L', '1990-01-01', 'PNS', 'GURU', 'SDN2',"
            "  '2015-03-01');");
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

static enum err
collect_request(void *ctx, const struct permohonan *r)
{
    struct buf *b = ctx;
    char day[DATE_STR_LEN];
    date_format(r->tanggal, day);
    enum err rc = buf_addf(
        b, "%s %s %s %s v%lld [%s]:", r->nip,
        model_enum_name(&model_permohonan_status, (int)r->status),
        model_enum_name(&model_alasan, (int)r->alasan), day,
        (long long)r->version, r->keterangan ? r->keterangan : "(null)");
    for (int i = 0; i < r->n_pilihan && rc == ERR_OK; i++) {
        rc = buf_addf(b, " %s", r->pilihan[i]);
    }
    return rc == ERR_OK ? buf_add(b, "\n", 1) : rc;
}

static void
test_permohonan_put_inserts_updates_and_lists(void **state)
{
    struct fixture *f = *state;
    struct permohonan r = make_request(NIP2);
    struct permohonan q = make_request(NIP1);
    enum store_put put = STORE_UNCHANGED;
    struct buf seen;
    buf_init(&seen, 0);
    seed_staff(f);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put), ERR_OK);
    assert_int_equal(put, STORE_INSERTED);
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put), ERR_OK);
    assert_int_equal(put, STORE_UNCHANGED);
    r.pilihan[1] = "5271";
    r.n_pilihan = 2;
    r.status = PERMOHONAN_DRAF; /* Ignored: an update keeps the status. */
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put), ERR_OK);
    assert_int_equal(put, STORE_UPDATED);
    /* A file without the note keeps the stored one. */
    r.keterangan = NULL;
    assert_int_equal(store_permohonan_put(f->st, &r, true, &put), ERR_OK);
    assert_int_equal(put, STORE_UNCHANGED);
    r.tanggal = date_from_ymd(2026, 4, 1);
    assert_int_equal(store_permohonan_put(f->st, &r, true, &put), ERR_OK);
    assert_int_equal(put, STORE_UPDATED);
    q.keterangan = NULL;
    q.alasan = ALASAN_LAINNYA;
    assert_int_equal(store_permohonan_put(f->st, &q, false, &put), ERR_OK);
    assert_int_equal(put, STORE_INSERTED);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_permohonan_each(f->st, collect_request, &seen),
                     ERR_OK);
    /* By NIP, whatever the order of insertion. */
    assert_string_equal(buf_str(&seen), NIP1
                        " diajukan lainnya 2026-03-01 v1 [(null)]: SDN2\n" NIP2
                        " diajukan kesehatan 2026-04-01 v3 [surat "
                        "dokter]: SDN2 5271\n");
    buf_cleanup(&seen);
}

/* The conflict is the store's answer, not a failed statement: on
 * PostgreSQL the import's transaction goes on and commits. */
static void
test_permohonan_past_approval_conflict_keeps_the_transaction(void **state)
{
    struct fixture *f = *state;
    struct permohonan r = make_request(NIP1);
    struct permohonan q = make_request(NIP2);
    enum store_put put = STORE_UNCHANGED;
    struct buf seen;
    buf_init(&seen, 0);
    seed_staff(f);
    r.status = PERMOHONAN_DIVERIFIKASI;
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put), ERR_OK);
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put), ERR_OK);
    assert_int_equal(put, STORE_UNCHANGED);
    r.alasan = ALASAN_LAINNYA;
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put),
                     ERR_CONFLICT);
    assert_non_null(strstr(store_errmsg(f->st), "diverifikasi"));
    assert_int_equal(store_permohonan_put(f->st, &q, false, &put), ERR_OK);
    assert_int_equal(put, STORE_INSERTED);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_permohonan_each(f->st, collect_request, &seen),
                     ERR_OK);
    assert_string_equal(buf_str(&seen), NIP1
                        " diverifikasi kesehatan 2026-03-01 v1 [surat "
                        "dokter]: SDN2\n" NIP2 " diajukan kesehatan 2026-03-01 "
                        "v1 [surat dokter]: SDN2\n");
    buf_cleanup(&seen);
}

static void
test_request_create_get_step_and_conflicts(void **state)
{
    struct fixture *f = *state;
    struct permohonan r = make_request(NIP1);
    struct store_request got;
    int64_t id = 0;
    int64_t other = 0;
    seed_staff(f);
    r.pilihan[0] = "SDN2";
    r.pilihan[1] = "5271";
    r.n_pilihan = 2;
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_request_create(f->st, &r, &id), ERR_OK);
    assert_true(id > 0);
    /* The second open request of the employee: refused, and the
     * transaction goes on (PostgreSQL: not aborted). */
    assert_int_equal(store_request_create(f->st, &r, &other), ERR_CONFLICT);
    assert_string_equal(store_errmsg(f->st), "open request exists");
    assert_int_equal(other, 0);
    assert_int_equal(store_request_get(f->st, id, &got), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_string_equal(got.nip, NIP1);
    assert_string_equal(got.status, "draf");
    assert_int_equal(got.version, 1);
    assert_string_equal(got.alasan, "kesehatan");
    assert_string_equal(got.keterangan, "surat dokter");
    assert_string_equal(got.tanggal, "2026-03-01");
    assert_int_equal(got.n_pilihan, 2);
    assert_string_equal(got.pilihan[0], "SDN2");
    assert_string_equal(got.pilihan[1], "5271");
    assert_string_equal(got.peringatan, "");
    assert_string_equal(got.tujuan, "");
    assert_int_equal(strlen(got.dibuat), 20);
    assert_int_equal(got.dibuat[10], 'T');
    assert_int_equal(got.dibuat[19], 'Z');
    assert_string_equal(got.dibuat, got.diubah);
    assert_int_equal(store_request_get(f->st, id + 100, &got), ERR_NOTFOUND);

    /* A step with the version read: written and logged. */
    struct store_step s = {id,    "draf",    1,    "diajukan", "ajukan",
                           "ani", "catatan", NULL, NULL};
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_request_step(f->st, &s), ERR_OK);
    /* The same step again: the request moved on, and the transaction
     * goes on. */
    assert_int_equal(store_request_step(f->st, &s), ERR_CONFLICT);
    assert_string_equal(store_errmsg(f->st), "request moved on");
    struct store_step t = {id,        "diajukan", 2,    "disetujui_asal",
                           "setujui", "kepala",   NULL, "w1;w2",
                           "SDN2"};
    assert_int_equal(store_request_step(f->st, &t), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_request_open_of(f->st, NIP1, &got), ERR_OK);
    assert_int_equal(got.id, id);
    assert_string_equal(got.status, "disetujui_asal");
    assert_int_equal(got.version, 3);
    assert_string_equal(got.peringatan, "w1;w2");
    assert_string_equal(got.tujuan, "SDN2");
    assert_int_equal(store_request_open_of(f->st, NIP2, &got), ERR_NOTFOUND);

    char who[65] = "";
    char note[256] = "";
    char at[256] = "";
    assert_int_equal(
        store_request_actor(f->st, id, "setujui", who, sizeof(who)), ERR_OK);
    assert_string_equal(who, "kepala");
    assert_int_equal(store_request_actor(f->st, id, "tolak", who, sizeof(who)),
                     ERR_NOTFOUND);
    assert_int_equal(
        store_request_step_find(f->st, id, "ajukan", note, at, sizeof(note)),
        ERR_OK);
    assert_string_equal(note, "catatan");
    assert_int_equal(strlen(at), 20);
    assert_int_equal(
        store_request_step_find(f->st, id, "setujui", note, at, sizeof(note)),
        ERR_OK);
    assert_string_equal(note, "");
    assert_int_equal(
        store_request_step_find(f->st, id, "tolak", note, at, sizeof(note)),
        ERR_NOTFOUND);

    /* Closed, the employee may open another. */
    struct store_step c = {
        id,  "disetujui_asal", 3, "dibatalkan", "batalkan", "ani", NULL, NULL,
        NULL};
    assert_int_equal(store_request_step(f->st, &c), ERR_OK);
    assert_int_equal(store_request_create(f->st, &r, &other), ERR_OK);
    assert_true(other > id);
    assert_int_equal(store_request_get(f->st, id, &got), ERR_OK);
    assert_string_equal(got.tujuan, "SDN2"); /* NULL keeps it. */
}

static enum err
list_request(void *ctx, const struct store_request *r)
{
    return buf_addf(ctx, "%lld %s %s %d|", (long long)r->id, r->nip, r->status,
                    r->n_pilihan);
}

static void
test_request_each_in_id_order_with_choices_in_their_order(void **state)
{
    struct fixture *f = *state;
    struct buf seen;
    buf_init(&seen, 0);
    seed_staff(f);
    /* Choices inserted out of their order come back in it. */
    seed(f, "INSERT INTO permohonan (id, nip, alasan, tanggal, status, dibuat,"
            " diubah) VALUES (7, '" NIP2 "', 'lainnya', '2026-01-02',"
            " 'selesai', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z'),"
            " (3, '" NIP1 "', 'lainnya', '2026-01-01', 'diajukan',"
            " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
            "INSERT INTO permohonan_pilihan VALUES (3, 3, 'SDN1'),"
            " (3, 1, '5271'), (3, 2, 'SDN2');");
    assert_int_equal(store_request_each(f->st, list_request, &seen), ERR_OK);
    assert_string_equal(buf_str(&seen),
                        "3 " NIP1 " diajukan 3|7 " NIP2 " selesai 0|");
    struct store_request got;
    assert_int_equal(store_request_get(f->st, 3, &got), ERR_OK);
    assert_string_equal(got.pilihan[0], "5271");
    assert_string_equal(got.pilihan[1], "SDN2");
    assert_string_equal(got.pilihan[2], "SDN1");
    assert_string_equal(got.keterangan, "");
    /* A closed request is no employee's open one. */
    assert_int_equal(store_request_open_of(f->st, NIP2, &got), ERR_NOTFOUND);
    buf_cleanup(&seen);
}

/* Two connections write the same request at once: the second one's
 * lookup (or row) is read before the first commits, and its write waits
 * for the first and finds the key taken or the version moved on.
 * PostgreSQL only (SQLite takes one writer at a time). */
enum race_kind { RACE_CREATE, RACE_IMPORT, RACE_STEP };

struct racer {
    const char *path;
    enum race_kind kind;
    enum err rc;
    enum store_put put;
    int64_t id;
    char msg[128];
};

static void *
race_write(void *arg)
{
    struct racer *x = arg;
    struct store *st = NULL;
    struct permohonan r = make_request(NIP1);
    r.keterangan = "dari impor";
    x->rc = store_open(x->path, false, &st);
    if (x->rc == ERR_OK) {
        x->rc = store_begin(st);
    }
    if (x->rc == ERR_OK) {
        /* RACE_STEP: request x->id is cancelled from draf v1. */
        struct store_step s = {x->id, "draf", 1,    "dibatalkan", "batalkan",
                               "ani", NULL,   NULL, NULL};
        x->rc = x->kind == RACE_IMPORT
                    ? store_permohonan_put(st, &r, false, &x->put)
                : x->kind == RACE_STEP ? store_request_step(st, &s)
                                       : store_request_create(st, &r, &x->id);
        snprintf(x->msg, sizeof(x->msg), "%s", store_errmsg(st));
        /* The transaction is still usable after the conflict. */
        enum err c = store_commit(st);
        x->rc =
            x->rc == ERR_OK || x->rc == ERR_CONFLICT ? (c ? c : x->rc) : x->rc;
    }
    store_close(st);
    return NULL;
}

/* Start 'x' on its own connection while f->st holds the employee's new
 * request uncommitted, wait until its insert waits for that one, then
 * commit. */
static void
race(struct fixture *f, struct racer *x)
{
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, race_write, x), 0);
    PGconn *c = PQconnectdb(f->path);
    assert_int_equal(PQstatus(c), CONNECTION_OK);
    bool waiting = false;
    for (int i = 0; i < 500 && !waiting; i++) {
        PGresult *r = PQexec(c, "SELECT count(*) FROM pg_stat_activity WHERE"
                                " datname = current_database() AND"
                                " wait_event_type = 'Lock'");
        assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
        waiting = strtol(PQgetvalue(r, 0, 0), NULL, 10) > 0;
        PQclear(r);
        struct timespec pause = {0, 10 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    PQfinish(c);
    assert_true(waiting);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(pthread_join(t, NULL), 0);
}

static void
test_request_create_race_is_a_conflict(void **state)
{
    struct fixture *f = *state;
    if (f->db.pg_name[0] == '\0') {
        skip();
    }
    struct permohonan r = make_request(NIP1);
    int64_t id = 0;
    seed_staff(f);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_request_create(f->st, &r, &id), ERR_OK);
    struct racer x = {f->path, RACE_CREATE, ERR_OK, STORE_UNCHANGED, 0, ""};
    race(f, &x);
    /* The same answer as when the lookup finds the request. */
    assert_int_equal(x.rc, ERR_CONFLICT);
    assert_string_equal(x.msg, "open request exists");
    struct store_request got;
    assert_int_equal(store_request_open_of(f->st, NIP1, &got), ERR_OK);
    assert_int_equal(got.id, id);
}

static void
test_permohonan_put_race_updates_the_other_request(void **state)
{
    struct fixture *f = *state;
    if (f->db.pg_name[0] == '\0') {
        skip();
    }
    struct permohonan r = make_request(NIP1);
    enum store_put put = STORE_UNCHANGED;
    seed_staff(f);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_permohonan_put(f->st, &r, false, &put), ERR_OK);
    assert_int_equal(put, STORE_INSERTED);
    struct racer x = {f->path, RACE_IMPORT, ERR_OK, STORE_UNCHANGED, 0, ""};
    race(f, &x);
    /* As if it had come after: the lookup again finds the request. */
    assert_int_equal(x.rc, ERR_OK);
    assert_int_equal(x.put, STORE_UPDATED);
    struct buf seen;
    buf_init(&seen, 0);
    assert_int_equal(store_permohonan_each(f->st, collect_request, &seen),
                     ERR_OK);
    assert_string_equal(buf_str(&seen),
                        NIP1 " diajukan kesehatan 2026-03-01 v2 [dari impor]:"
                             " SDN2\n");
    buf_cleanup(&seen);
}

/* Two connections take a step of the same request read at the same
 * version: the second waits for the first's row lock, finds the version
 * moved on and gets ERR_CONFLICT, its transaction still usable. */
static void
test_request_step_race_is_a_conflict(void **state)
{
    struct fixture *f = *state;
    if (f->db.pg_name[0] == '\0') {
        skip();
    }
    struct permohonan r = make_request(NIP1);
    int64_t id = 0;
    struct store_request got;
    seed_staff(f);
    assert_int_equal(store_request_create(f->st, &r, &id), ERR_OK);
    struct store_step s = {id,    "draf", 1,    "diajukan", "ajukan",
                           "ani", NULL,   NULL, NULL};
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_request_step(f->st, &s), ERR_OK);
    struct racer x = {f->path, RACE_STEP, ERR_OK, STORE_UNCHANGED, id, ""};
    race(f, &x);
    assert_int_equal(x.rc, ERR_CONFLICT);
    assert_string_equal(x.msg, "request moved on");
    assert_int_equal(store_request_get(f->st, id, &got), ERR_OK);
    assert_string_equal(got.status, "diajukan");
    assert_int_equal(got.version, 2);
    char who[65] = "";
    assert_int_equal(
        store_request_actor(f->st, id, "batalkan", who, sizeof(who)),
        ERR_NOTFOUND);
}

static enum err
list_document(void *ctx, const struct store_document *d)
{
    return buf_addf(ctx, "%s %lld %s %s %s %s %zu %s [%s] [%s]|", d->jenis,
                    (long long)d->permohonan_id, d->nip, d->nama_berkas,
                    d->mime, d->sha256, d->isi_len, d->dibuat_oleh,
                    d->status_buf, d->catatan_buf);
}

static void
test_documents_keep_their_bytes(void **state)
{
    struct fixture *f = *state;
    struct permohonan r = make_request(NIP1);
    int64_t req = 0;
    int64_t a = 0;
    int64_t b = 0;
    /* Bytes a text column would not keep: NUL, backslash, high bytes. */
    static const unsigned char pdf[] = {'%', 'P',  'D',  'F',  0, '\\',
                                        'x', 0xff, 0x80, '\n', 0, 'E'};
    seed_staff(f);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_request_create(f->st, &r, &req), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    struct store_document d;
    memset(&d, 0, sizeof(d));
    d.jenis = "surat_dokter";
    d.permohonan_id = req;
    d.nip = NIP1;
    d.nama_berkas = "surat.pdf";
    d.mime = "application/pdf";
    d.isi = pdf;
    d.isi_len = sizeof(pdf);
    d.sha256 = "abc";
    d.dibuat_oleh = "ani";
    assert_int_equal(store_document_add(f->st, &d, &a), ERR_OK);
    d.nama_berkas = "kosong.txt";
    d.mime = "text/plain";
    d.isi = "";
    d.isi_len = 0;
    assert_int_equal(store_document_add(f->st, &d, &b), ERR_OK);
    assert_true(b > a);
    /* No content at all is refused by the column. */
    int64_t none = 0;
    d.isi = NULL;
    assert_int_equal(store_document_add(f->st, &d, &none), ERR_DB);
    assert_int_equal(none, 0);

    struct store_document got;
    struct buf content;
    buf_init(&content, 0);
    assert_int_equal(store_document_get(f->st, a, &got, &content), ERR_OK);
    assert_int_equal(content.len, sizeof(pdf));
    assert_memory_equal(content.data, pdf, sizeof(pdf));
    assert_int_equal(got.isi_len, sizeof(pdf));
    assert_int_equal(got.permohonan_id, req);
    assert_string_equal(got.nama_berkas, "surat.pdf");
    assert_int_equal(strlen(got.dibuat_buf), 20);
    buf_reset(&content);
    assert_int_equal(store_document_get(f->st, b, &got, &content), ERR_OK);
    assert_int_equal(content.len, 0);
    assert_int_equal(store_document_get(f->st, a, &got, NULL), ERR_OK);
    assert_int_equal(got.isi_len, sizeof(pdf));
    assert_int_equal(store_document_get(f->st, b + 1, &got, NULL),
                     ERR_NOTFOUND);

    assert_int_equal(
        store_document_review(f->st, a, "perlu_revisi", "kurang jelas"),
        ERR_OK);
    assert_int_equal(store_document_review(f->st, b + 1, "sesuai", NULL),
                     ERR_NOTFOUND);
    struct buf seen;
    buf_init(&seen, 0);
    assert_int_equal(store_document_each(f->st, req, list_document, &seen),
                     ERR_OK);
    assert_string_equal(
        buf_str(&seen),
        "surat_dokter 1 " NIP1 " surat.pdf application/pdf abc "
        "12 ani [perlu_revisi] [kurang jelas]|surat_dokter 1 " NIP1
        " kosong.txt text/plain abc 0 ani [] []|");
    buf_reset(&seen);
    assert_int_equal(store_document_each(f->st, req + 1, list_document, &seen),
                     ERR_OK);
    assert_string_equal(buf_str(&seen), "");
    buf_cleanup(&seen);
    buf_cleanup(&content);
}

static enum err
list_register(void *ctx, const struct store_register_row *r)
{
    return buf_addf(ctx, "%s %s %s %s %s %s %zu|", r->nomor, r->tanggal,
                    r->jenis, r->plan, r->nip ? r->nip : "(null)", r->sha256,
                    strlen(r->pertama));
}

static void
test_register_once_per_document(void **state)
{
    struct fixture *f = *state;
    char hash[65] = "";
    struct store_register_row sk = {"800/1/2026", "2026-05-02", "sk", "R1",
                                    NULL,         "h-sk",       NULL};
    struct store_register_row pet = {
        "800/1/2026", "2026-05-02", "petikan", "R1", NIP1, "h-p1", NULL};
    assert_int_equal(store_register_find(f->st, "sk", "R1", NULL, hash),
                     ERR_NOTFOUND);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_register_add(f->st, &sk), ERR_OK);
    assert_int_equal(store_register_add(f->st, &pet), ERR_OK);
    /* A second registration fails alone, as on SQLite; the transaction
     * goes on. */
    sk.sha256 = "h-other";
    assert_int_equal(store_register_add(f->st, &sk), ERR_DB);
    assert_string_equal(store_errmsg(f->st), "UNIQUE constraint failed: index "
                                             "'dokumen_register_satu'");
    assert_int_equal(store_register_find(f->st, "sk", "R1", NULL, hash),
                     ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_string_equal(hash, "h-sk");
    /* No NIP and an empty one are the same document. */
    assert_int_equal(store_register_find(f->st, "sk", "R1", "", hash), ERR_OK);
    assert_int_equal(store_register_find(f->st, "petikan", "R1", NIP1, hash),
                     ERR_OK);
    assert_string_equal(hash, "h-p1");
    assert_int_equal(store_register_find(f->st, "petikan", "R1", NIP2, hash),
                     ERR_NOTFOUND);
    struct buf seen;
    buf_init(&seen, 0);
    assert_int_equal(store_register_each(f->st, list_register, &seen), ERR_OK);
    assert_string_equal(buf_str(&seen),
                        "800/1/2026 2026-05-02 sk R1 (null) h-sk 20|800/1/2026 "
                        "2026-05-02 petikan R1 " NIP1 " h-p1 20|");
    buf_cleanup(&seen);
}

static void
test_surat_tugas_numbers(void **state)
{
    struct fixture *f = *state;
    char nomor[64] = "";
    long n = -1;
    seed_staff(f);
    seed(f, "INSERT INTO plan (id, nama, mode, as_of, settings, dibuat,"
            " dibuat_oleh, disetujui) VALUES"
            " (1, 'R1', 'directed', '2026-01-01', '{}', '2026-01-01T00:00:00Z',"
            "  'admin', '2026-02-03T04:05:06Z'),"
            " (2, 'R2', 'directed', '2025-01-01', '{}', '2025-01-01T00:00:00Z',"
            "  'admin', '2025-12-31T23:00:00Z');"
            "INSERT INTO plan_move (plan_id, nip, jabatan_asal, jabatan_tujuan,"
            " unit_asal, unit_tujuan, jenis, km_centi, penjelasan) VALUES"
            " (1, '" NIP1 "', 'GURU', 'GURU', 'SDN1', 'SDN2', 'penugasan', 5,"
            "  'x'),"
            " (1, '" NIP2 "', 'GURU', 'GURU', 'SDN2', 'SDN1', 'penugasan', 5,"
            "  'x'),"
            " (2, '" NIP1 "', 'GURU', 'GURU', 'SDN1', '5271', 'penugasan', 5,"
            "  'x');");
    assert_int_equal(store_move_get_st(f->st, "R1", NIP1, nomor, sizeof(nomor)),
                     ERR_NOTFOUND);
    assert_int_equal(store_count_st(f->st, 2026, &n), ERR_OK);
    assert_int_equal(n, 0);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_move_set_st(f->st, "R1", NIP1, "ST/1"), ERR_OK);
    /* The same number again on the same move is no change. */
    assert_int_equal(store_move_set_st(f->st, "R1", NIP1, "ST/1"), ERR_OK);
    /* Another move's number: refused alone, as on SQLite; the
     * transaction goes on. */
    assert_int_equal(store_move_set_st(f->st, "R1", NIP2, "ST/1"), ERR_DB);
    assert_string_equal(store_errmsg(f->st),
                        "UNIQUE constraint failed: plan_move.st_nomor");
    assert_int_equal(store_move_set_st(f->st, "R9", NIP2, "ST/9"),
                     ERR_NOTFOUND);
    assert_string_equal(store_errmsg(f->st), "no such move");
    assert_int_equal(store_move_set_st(f->st, "R1", NIP2, "ST/2"), ERR_OK);
    assert_int_equal(store_move_set_st(f->st, "R2", NIP1, "ST/3"), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_int_equal(store_move_get_st(f->st, "R1", NIP2, nomor, sizeof(nomor)),
                     ERR_OK);
    assert_string_equal(nomor, "ST/2");
    assert_int_equal(store_move_get_st(f->st, "R2", NIP2, nomor, sizeof(nomor)),
                     ERR_NOTFOUND);
    assert_int_equal(store_count_st(f->st, 2026, &n), ERR_OK);
    assert_int_equal(n, 2);
    assert_int_equal(store_count_st(f->st, 2025, &n), ERR_OK);
    assert_int_equal(n, 1);
    assert_int_equal(store_count_st(f->st, 26, &n), ERR_OK);
    assert_int_equal(n, 0);
}

static void
test_izin_once_per_decision(void **state)
{
    struct fixture *f = *state;
    static const unsigned char pdf[] = {'%', 'P', 0, 0xfe, '\\', '1'};
    struct store_izin z = {
        "R1",         "Pilkada 2026", "2026-01-08", "2026-07-08",
        "2026-02-01", "100/1/2026",   "2026-01-30", "[]",
        "admin",      "h1",           pdf,          sizeof(pdf)};
    struct store_izin got;
    struct buf berkas;
    buf_init(&berkas, 0);
    assert_int_equal(store_izin_get(f->st, "R1", &got, NULL), ERR_NOTFOUND);
    assert_null(got.plan);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_izin_add(f->st, &z), ERR_OK);
    /* The second approval of the decision: ERR_EXISTS, and the
     * transaction goes on. */
    z.nomor = "100/2/2026";
    assert_int_equal(store_izin_add(f->st, &z), ERR_EXISTS);
    z.plan = "R2";
    z.berkas = "";
    z.berkas_len = 0;
    assert_int_equal(store_izin_add(f->st, &z), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    /* No PDF at all is refused by the column. */
    z.plan = "R3";
    z.berkas = NULL;
    assert_int_equal(store_izin_add(f->st, &z), ERR_DB);
    assert_int_equal(store_izin_get(f->st, "R3", &got, NULL), ERR_NOTFOUND);
    assert_int_equal(store_izin_get(f->st, "R1", &got, &berkas), ERR_OK);
    assert_string_equal(got.plan, "R1");
    assert_string_equal(got.masa_label, "Pilkada 2026");
    assert_string_equal(got.masa_dari, "2026-01-08");
    assert_string_equal(got.masa_sampai, "2026-07-08");
    assert_string_equal(got.keputusan, "2026-02-01");
    assert_string_equal(got.nomor, "100/1/2026");
    assert_string_equal(got.tanggal, "2026-01-30");
    assert_string_equal(got.pejabat, "[]");
    assert_string_equal(got.oleh, "admin");
    assert_string_equal(got.sha256, "h1");
    assert_int_equal(got.berkas_len, sizeof(pdf));
    assert_int_equal(berkas.len, sizeof(pdf));
    assert_memory_equal(berkas.data, pdf, sizeof(pdf));
    store_izin_cleanup(&got);
    assert_int_equal(store_izin_get(f->st, "R2", &got, NULL), ERR_OK);
    assert_string_equal(got.nomor, "100/2/2026");
    assert_int_equal(got.berkas_len, 0);
    store_izin_cleanup(&got);
    buf_cleanup(&berkas);
}

/* The server going away inside a transaction is ERR_UNAVAILABLE, not a
 * damaged database. PostgreSQL only. */
static void
test_lost_connection_is_unavailable(void **state)
{
    struct fixture *f = *state;
    if (f->db.pg_name[0] == '\0') {
        skip();
    }
    struct store_request got;
    char sql[256];
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_request_get(f->st, 1, &got), ERR_NOTFOUND);
    snprintf(sql, sizeof(sql),
             "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE"
             " datname = '%s' AND pid <> pg_backend_pid()",
             f->db.pg_name);
    seed(f, sql);
    struct timespec pause = {0, 100 * 1000 * 1000}; /* Let it go. */
    nanosleep(&pause, NULL);
    assert_int_equal(store_request_get(f->st, 1, &got), ERR_UNAVAILABLE);
    store_rollback(f->st);
    /* Outside a transaction the connection is made again. */
    assert_int_equal(store_request_get(f->st, 1, &got), ERR_NOTFOUND);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_permohonan_put_inserts_updates_and_lists),
        T(test_permohonan_past_approval_conflict_keeps_the_transaction),
        T(test_request_create_get_step_and_conflicts),
        T(test_request_each_in_id_order_with_choices_in_their_order),
        T(test_request_create_race_is_a_conflict),
        T(test_permohonan_put_race_updates_the_other_request),
        T(test_request_step_race_is_a_conflict),
        T(test_documents_keep_their_bytes),
        T(test_register_once_per_document),
        T(test_surat_tugas_numbers),
        T(test_izin_once_per_decision),
        T(test_lost_connection_is_unavailable),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
