/* SPDX-License-Identifier: MIT */
/* Unit tests of the store's plans, accounts, sessions, audit log and
 * settings (store_pg_app.c, store_pg_account.c and their SQLite twins)
 * through store.h, on a fresh database of either back end (db_fixture.c:
 * PostgreSQL when MUTASI_TEST_PG is set). The same expectations hold on
 * both: the rows, their order and the results (a key already taken
 * leaves the caller's transaction usable). The tests named _pg_ check
 * what only PostgreSQL has to mind (the audit log's trigger, a plan saved
 * whole, a lost connection, the collation) and run only there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <libpq-fe.h>

#include "buf.h"
#include "mem.h"
#include "store.h"

#include "store_fixture.c" /* struct fixture, setup(), teardown(). */

/* SQL on the test's database through its own connection; the number of
 * rows it returned or changed, or -1 when it failed. */
static long
pg_sql(const struct fixture *f, const char *sql)
{
    PGconn *c = PQconnectdb(f->path);
    assert_int_equal(PQstatus(c), CONNECTION_OK);
    PGresult *r = PQexec(c, sql);
    long n = -1;
    if (PQresultStatus(r) == PGRES_TUPLES_OK) {
        n = PQntuples(r) > 0 ? strtol(PQgetvalue(r, 0, 0), NULL, 10) : 0;
    } else if (PQresultStatus(r) == PGRES_COMMAND_OK) {
        n = strtol(PQcmdTuples(r), NULL, 10);
    }
    PQclear(r);
    PQfinish(c);
    return n;
}

static struct store_plan_move
make_move(const char *nip, const char *penjelasan)
{
    struct store_plan_move m;
    memset(&m, 0, sizeof(m));
    m.nip = nip;
    m.jabatan_asal = "GURU";
    m.jabatan_tujuan = "GURU";
    m.unit_asal = "SDN1";
    m.unit_tujuan = "SDN2";
    m.jenis = "aps";
    m.pilihan_ke = 1;
    m.km_centi = 1234;
    m.penjelasan = penjelasan;
    return m;
}

static struct store_plan
make_plan(const char *nama, const struct store_plan_move *moves, size_t n)
{
    struct store_plan p;
    memset(&p, 0, sizeof(p));
    p.nama = nama;
    p.mode = "voluntary";
    p.as_of = "2026-12-01";
    p.settings = "{}";
    p.hasil = "{\"moves\":[]}";
    p.dibuat_oleh = "cli:test";
    p.moves = moves;
    p.n_moves = n;
    return p;
}

static enum err
collect_move(void *ctx, const struct store_plan_move *m)
{
    return buf_addf(ctx, "%s|%s|%d|%lld|%s|%s|%s|%s|%s|%s|%s|%s\n", m->nip,
                    m->jenis, m->pilihan_ke, (long long)m->km_centi,
                    m->sementara_sampai ? m->sementara_sampai : "-",
                    m->penjelasan, m->tanggapan ? m->tanggapan : "-",
                    m->catatan_tanggapan ? m->catatan_tanggapan : "-",
                    m->keputusan_tpk ? m->keputusan_tpk : "-",
                    m->jawaban_tpk ? m->jawaban_tpk : "-",
                    m->keputusan_ppk ? m->keputusan_ppk : "-",
                    m->alasan_ppk ? m->alasan_ppk : "-");
}

static enum err
collect_plan(void *ctx, const struct store_plan *p)
{
    return buf_addf(ctx, "%s:%s:%s ", p->nama, p->status,
                    p->hasil ? "hasil" : "-");
}

static void
test_store_plan_round_trips_and_taken_name_keeps_transaction(void **state)
{
    struct fixture *f = *state;
    struct store_plan_move m[2] = {make_move("2", "dua"), make_move("1", "x")};
    m[1].jenis = "penugasan";
    m[1].pilihan_ke = 0;
    m[1].sementara_sampai = "2027-06-30";
    m[1].penjelasan = "tab\there, back\\slash\nnew line";
    m[1].keputusan_tpk = "setuju";
    m[1].keputusan_ppk = "setuju";
    struct store_plan p = make_plan("b-plan", m, 2);
    struct store_plan q = make_plan("B-plan", NULL, 0);
    struct store_plan a = make_plan("a-plan", NULL, 0);
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_plan_add(f->st, &p), ERR_OK);
    assert_int_equal(store_plan_add(f->st, &p), ERR_EXISTS);
    assert_string_equal(store_errmsg(f->st), "plan exists");
    /* The transaction goes on after the name taken. */
    assert_int_equal(store_plan_add(f->st, &q), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    /* Outside a transaction too. */
    assert_int_equal(store_plan_add(f->st, &a), ERR_OK);
    assert_int_equal(store_plan_add(f->st, &a), ERR_EXISTS);

    struct store_plan got;
    assert_int_equal(store_plan_get(f->st, "b-plan", &got), ERR_OK);
    assert_string_equal(got.mode, "voluntary");
    assert_string_equal(got.as_of, "2026-12-01");
    assert_string_equal(got.settings, "{}");
    assert_string_equal(got.hasil, "{\"moves\":[]}");
    assert_string_equal(got.status, "draf");
    assert_string_equal(got.dibuat_oleh, "cli:test");
    assert_int_equal(strlen(got.dibuat), 20); /* 2026-12-06T23:05:04Z */
    assert_int_equal(got.dibuat[10], 'T');
    assert_null(got.tmt);
    assert_null(got.sk_nomor);
    assert_null(got.disetujui);
    assert_null(got.tenggat);
    store_plan_cleanup(&got);
    assert_int_equal(store_plan_get(f->st, "c-plan", &got), ERR_NOTFOUND);
    store_plan_cleanup(&got);

    struct buf b;
    buf_init(&b, 0);
    /* Ordered by the bytes of the name: capitals first. */
    assert_int_equal(store_plan_each(f->st, collect_plan, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "B-plan:draf:- a-plan:draf:- "
                                     "b-plan:draf:- ");
    buf_reset(&b);
    /* In the order they were saved, not by NIP. */
    assert_int_equal(store_plan_moves_each(f->st, "b-plan", collect_move, &b),
                     ERR_OK);
    assert_string_equal(buf_str(&b),
                        "2|aps|1|1234|-|dua|-|-|-|-|-|-\n"
                        "1|penugasan|0|1234|2027-06-30|tab\there, "
                        "back\\slash\nnew line|-|-|setuju|-|setuju|-\n");
    buf_cleanup(&b);
}

static void
test_store_plan_many_moves_keep_their_order(void **state)
{
    struct fixture *f = *state;
    enum { N = 5000 };
    struct store_plan_move *m = xcalloc(N, sizeof(*m));
    char(*nips)[24] = xcalloc(N, sizeof(*nips));
    for (int i = 0; i < N; i++) {
        /* Descending NIPs: the saved order is not the key's. */
        snprintf(nips[i], sizeof(nips[i]), "1990%014d", N - i);
        m[i] = make_move(nips[i], "p");
        m[i].km_centi = i;
    }
    struct store_plan p = make_plan("besar", m, N);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(store_plan_add(f->st, &p), ERR_OK);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    print_message("plan_add of %d moves: %.1f ms\n", N,
                  (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
                      (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    struct buf b, want;
    buf_init(&b, 0);
    buf_init(&want, 0);
    for (int i = 0; i < N; i++) {
        assert_int_equal(collect_move(&want, &m[i]), ERR_OK);
    }
    assert_int_equal(store_plan_moves_each(f->st, "besar", collect_move, &b),
                     ERR_OK);
    assert_string_equal(buf_str(&b), buf_str(&want));
    buf_cleanup(&b);
    buf_cleanup(&want);
    free(nips);
    free(m);
}

static void
test_store_plan_status_times_and_counts(void **state)
{
    struct fixture *f = *state;
    struct store_plan p = make_plan("r1", NULL, 0);
    assert_int_equal(store_plan_add(f->st, &p), ERR_OK);
    struct store_plan_change pub = {"r1",         "draf", "diterbitkan",
                                    NULL,         NULL,   NULL,
                                    "2027-01-10", NULL,   NULL};
    assert_int_equal(store_plan_set_status(f->st, &pub), ERR_OK);
    /* Not from draf any more. */
    assert_int_equal(store_plan_set_status(f->st, &pub), ERR_CONFLICT);
    assert_string_equal(store_errmsg(f->st), "plan moved on");
    struct store_plan_change tpk = {"r1", "diterbitkan", "dipertimbangkan",
                                    NULL, NULL,          "2027-02-03",
                                    NULL, "BA-1",        NULL};
    assert_int_equal(store_plan_set_status(f->st, &tpk), ERR_OK);
    struct store_plan_change ok = {
        "r1",   "dipertimbangkan", "ditetapkan", "2027-03-01",
        "SK-1", "2027-02-15",      NULL,         NULL,
        NULL};
    assert_int_equal(store_plan_set_status(f->st, &ok), ERR_OK);
    struct store_plan got;
    assert_int_equal(store_plan_get(f->st, "r1", &got), ERR_OK);
    assert_string_equal(got.status, "ditetapkan");
    assert_string_equal(got.tmt, "2027-03-01");
    assert_string_equal(got.sk_nomor, "SK-1");
    assert_string_equal(got.tenggat, "2027-01-10");
    assert_string_equal(got.ba_nomor, "BA-1");
    /* The given day with the clock's time of day. */
    assert_int_equal(strlen(got.disetujui), 20);
    assert_memory_equal(got.disetujui, "2027-02-15T", 11);
    assert_int_equal(got.disetujui[19], 'Z');
    assert_memory_equal(got.dipertimbangkan, "2027-02-03T", 11);
    store_plan_cleanup(&got);
    long n = -1;
    assert_int_equal(store_plan_count_approved(f->st, 2027, &n), ERR_OK);
    assert_int_equal(n, 1);
    assert_int_equal(store_plan_count_approved(f->st, 2026, &n), ERR_OK);
    assert_int_equal(n, 0);
    assert_int_equal(store_plan_count_minutes(f->st, 2027, &n), ERR_OK);
    assert_int_equal(n, 1);
    assert_int_equal(store_plan_count_minutes(f->st, 2028, &n), ERR_OK);
    assert_int_equal(n, 0);
    /* No day: the clock's. */
    struct store_plan q = make_plan("r2", NULL, 0);
    assert_int_equal(store_plan_add(f->st, &q), ERR_OK);
    struct store_plan_change now = {"r2", "draf", "ditetapkan", NULL,     NULL,
                                    NULL, NULL,   NULL,         "catatan"};
    assert_int_equal(store_plan_set_status(f->st, &now), ERR_OK);
    assert_int_equal(store_plan_get(f->st, "r2", &got), ERR_OK);
    assert_int_equal(strlen(got.disetujui), 20);
    assert_memory_equal(got.disetujui, got.dibuat, 4);
    assert_string_equal(got.catatan_kembali, "catatan");
    store_plan_cleanup(&got);
}

static enum err
collect_response(void *ctx, const char *nip, const char *tanggapan,
                 const char *catatan, const char *at)
{
    return buf_addf(ctx, "%s=%s(%s)%s ", nip, tanggapan,
                    catatan ? catatan : "-", at && strlen(at) == 20 ? "" : "?");
}

static enum err
collect_answer(void *ctx, const struct store_plan_answer *a)
{
    return buf_addf(ctx, "%s/%s=%s(%s)%s ", a->nip, a->oleh, a->tanggapan,
                    a->catatan ? a->catatan : "-",
                    a->at && strlen(a->at) == 20 ? "" : "?");
}

static enum err
collect_actor(void *ctx, const char *actor)
{
    return buf_addf(ctx, "%s ", actor);
}

static void
test_store_plan_answers_and_decisions(void **state)
{
    struct fixture *f = *state;
    struct store_plan_move m[3] = {make_move("b", "p"), make_move("a", "p"),
                                   make_move("C", "p")};
    struct store_plan p = make_plan("r", m, 3);
    assert_int_equal(store_plan_add(f->st, &p), ERR_OK);
    assert_int_equal(store_plan_respond(f->st, "r", "a", "keberatan", "jauh"),
                     ERR_OK);
    assert_int_equal(store_plan_respond(f->st, "r", "C", "setuju", NULL),
                     ERR_OK);
    assert_int_equal(store_plan_respond(f->st, "r", "zz", "setuju", NULL),
                     ERR_NOTFOUND);
    assert_int_equal(store_plan_respond(f->st, "none", "a", "setuju", NULL),
                     ERR_NOTFOUND);
    struct buf b;
    buf_init(&b, 0);
    assert_int_equal(
        store_plan_responses_each(f->st, "r", collect_response, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "C=setuju(-) a=keberatan(jauh) ");

    struct store_move_decision d = {"r",      "a",     "tolak",
                                    "alasan", "jawab", false};
    assert_int_equal(store_plan_move_decide(f->st, &d), ERR_OK);
    d.jawaban = NULL; /* Keeps the answer. */
    d.keputusan = "setuju";
    assert_int_equal(store_plan_move_decide(f->st, &d), ERR_OK);
    struct store_move_decision e = {"r", "b", "coret", "pensiun", NULL, true};
    assert_int_equal(store_plan_move_decide(f->st, &e), ERR_OK);
    e.nip = "zz";
    assert_int_equal(store_plan_move_decide(f->st, &e), ERR_NOTFOUND);
    d.nip = "zz";
    assert_int_equal(store_plan_move_decide(f->st, &d), ERR_NOTFOUND);
    buf_reset(&b);
    assert_int_equal(store_plan_moves_each(f->st, "r", collect_move, &b),
                     ERR_OK);
    assert_string_equal(buf_str(&b),
                        "b|aps|1|1234|-|p|-|-|-|-|coret|pensiun\n"
                        "a|aps|1|1234|-|p|keberatan|jauh|setuju|jawab|-|-\n"
                        "C|aps|1|1234|-|p|setuju|-|-|-|-|-\n");

    struct store_plan_answer a1 = {"a", "kadis", "setuju", NULL, NULL};
    struct store_plan_answer a2 = {"a", "Kasek", "keberatan", "x", NULL};
    struct store_plan_answer a3 = {"C", "kadis", "setuju", NULL, NULL};
    assert_int_equal(store_plan_answer_put(f->st, "r", &a1), ERR_OK);
    assert_int_equal(store_plan_answer_put(f->st, "r", &a2), ERR_OK);
    assert_int_equal(store_plan_answer_put(f->st, "r", &a3), ERR_OK);
    a1.tanggapan = "keberatan";
    a1.catatan = "ganti";
    assert_int_equal(store_plan_answer_put(f->st, "r", &a1), ERR_OK);
    /* No such plan: nothing, as INSERT ... SELECT of no row. */
    assert_int_equal(store_plan_answer_put(f->st, "none", &a1), ERR_OK);
    buf_reset(&b);
    assert_int_equal(store_plan_answers_each(f->st, "r", collect_answer, &b),
                     ERR_OK);
    assert_string_equal(buf_str(&b), "C/kadis=setuju(-) a/Kasek=keberatan(x) "
                                     "a/kadis=keberatan(ganti) ");

    const char *actors[] = {"tpk2", "TPK1", "tpk2", "admin"};
    for (int i = 0; i < 4; i++) {
        struct store_audit au = {actors[i],    "plan", "r",
                                 "setuju_tpk", NULL,   NULL};
        assert_int_equal(store_audit_add(f->st, &au), ERR_OK);
    }
    struct store_audit other = {"x", "plan", "r", "simpan", NULL, NULL};
    assert_int_equal(store_audit_add(f->st, &other), ERR_OK);
    buf_reset(&b);
    assert_int_equal(
        store_plan_actors_each(f->st, "r", "setuju_tpk", collect_actor, &b),
        ERR_OK);
    assert_string_equal(buf_str(&b), "TPK1 admin tpk2 ");
    buf_cleanup(&b);
}

static enum err
collect_user(void *ctx, const struct store_user *u)
{
    return buf_addf(ctx, "%s:%s:%s:%s:%d:%s ", u->login, u->role,
                    u->nip ? u->nip : "-", u->unit ? u->unit : "-", u->aktif,
                    u->password_hash ? "hash" : "-");
}

static void
test_store_users_and_sessions(void **state)
{
    struct fixture *f = *state;
    struct store_user u = {"hr", "h1", "bkpsdm", NULL, NULL, true, NULL};
    struct store_user g = {"Guru", "h2",  "pegawai", "199001",
                           "SDN1", false, NULL};
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_user_add(f->st, &u), ERR_OK);
    assert_int_equal(store_user_add(f->st, &u), ERR_EXISTS);
    assert_string_equal(store_errmsg(f->st), "login exists");
    assert_int_equal(store_user_add(f->st, &g), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);

    struct store_user got;
    assert_int_equal(store_user_get(f->st, "Guru", &got), ERR_OK);
    assert_string_equal(got.password_hash, "h2");
    assert_string_equal(got.nip, "199001");
    assert_false(got.aktif);
    assert_int_equal(strlen(got.dibuat), 20);
    store_user_cleanup(&got);
    assert_int_equal(store_user_get(f->st, "guru", &got), ERR_NOTFOUND);
    store_user_cleanup(&got);
    struct buf b;
    buf_init(&b, 0);
    assert_int_equal(store_user_each(f->st, collect_user, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "Guru:pegawai:199001:SDN1:0:- "
                                     "hr:bkpsdm:-:-:1:- ");

    struct store_session s1 = {"t1", "hr", "c1", 1000, 1000};
    struct store_session s2 = {"t2", "hr", "c2", 2000, 2000};
    struct store_session s3 = {"t3", "Guru", "c3", 3000, 3000};
    assert_int_equal(store_session_add(f->st, &s1), ERR_OK);
    assert_int_equal(store_session_add(f->st, &s2), ERR_OK);
    assert_int_equal(store_session_add(f->st, &s3), ERR_OK);
    assert_int_equal(store_session_touch(f->st, "t1", 5000000000LL), ERR_OK);
    struct store_session x;
    assert_int_equal(store_session_get(f->st, "t1", &x, &got), ERR_OK);
    assert_string_equal(x.login, "hr");
    assert_string_equal(x.csrf_token, "c1");
    assert_int_equal(x.dibuat, 1000);
    assert_int_equal(x.terakhir, 5000000000LL);
    assert_string_equal(got.role, "bkpsdm");
    assert_string_equal(got.password_hash, "h1");
    assert_true(got.aktif);
    store_session_cleanup(&x);
    store_user_cleanup(&got);
    assert_int_equal(store_session_delete(f->st, "t2"), ERR_OK);
    assert_int_equal(store_session_delete(f->st, "t2"), ERR_OK);
    assert_int_equal(store_session_get(f->st, "t2", &x, &got), ERR_NOTFOUND);
    store_session_cleanup(&x);
    store_user_cleanup(&got);

    /* A new password ends the account's sessions. */
    assert_int_equal(store_user_set_password(f->st, "hr", "h9"), ERR_OK);
    assert_int_equal(store_session_get(f->st, "t1", &x, &got), ERR_NOTFOUND);
    store_session_cleanup(&x);
    store_user_cleanup(&got);
    assert_int_equal(store_user_set_password(f->st, "nobody", "h"),
                     ERR_NOTFOUND);
    /* Enabling keeps them, disabling ends them. */
    assert_int_equal(store_user_set_active(f->st, "Guru", true), ERR_OK);
    assert_int_equal(store_session_get(f->st, "t3", &x, &got), ERR_OK);
    assert_true(got.aktif);
    store_session_cleanup(&x);
    store_user_cleanup(&got);
    assert_int_equal(store_user_set_active(f->st, "Guru", false), ERR_OK);
    assert_int_equal(store_session_get(f->st, "t3", &x, &got), ERR_NOTFOUND);
    store_session_cleanup(&x);
    store_user_cleanup(&got);
    assert_int_equal(store_user_set_active(f->st, "nobody", false),
                     ERR_NOTFOUND);
    buf_reset(&b);
    assert_int_equal(store_user_each(f->st, collect_user, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "Guru:pegawai:199001:SDN1:0:- "
                                     "hr:bkpsdm:-:-:1:- ");
    buf_cleanup(&b);
}

static enum err
collect_audit(void *ctx, const struct store_audit *a, const char *at)
{
    return buf_addf(ctx, "%s,%s,%s,%s,%s,%s,%s\n", a->actor, a->entity,
                    a->entity_id ? a->entity_id : "-", a->action,
                    a->before ? a->before : "-", a->after ? a->after : "-",
                    at && strlen(at) == 20 ? "at" : "?");
}

static void
test_store_audit_filters_oldest_first(void **state)
{
    struct fixture *f = *state;
    struct store_audit rows[] = {
        {"a", "user", "hr", "tambah", NULL, "{\"role\":\"bkpsdm\"}"},
        {"b", "settings", NULL, "set", "{}", "{}"},
        {"c", "user", "guru", "sandi", NULL, NULL},
        {"d", "user", "hr", "aktif", NULL, NULL},
    };
    for (int i = 0; i < 4; i++) {
        assert_int_equal(store_audit_add(f->st, &rows[i]), ERR_OK);
    }
    struct buf b;
    buf_init(&b, 0);
    assert_int_equal(
        store_audit_each(f->st, NULL, NULL, 100, collect_audit, &b), ERR_OK);
    assert_string_equal(buf_str(&b),
                        "a,user,hr,tambah,-,{\"role\":\"bkpsdm\"},at\n"
                        "b,settings,-,set,{},{},at\n"
                        "c,user,guru,sandi,-,-,at\n"
                        "d,user,hr,aktif,-,-,at\n");
    buf_reset(&b);
    assert_int_equal(
        store_audit_each(f->st, "user", NULL, 2, collect_audit, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "a,user,hr,tambah,-,{\"role\":"
                                     "\"bkpsdm\"},at\n"
                                     "c,user,guru,sandi,-,-,at\n");
    buf_reset(&b);
    assert_int_equal(
        store_audit_each(f->st, "user", "hr", 100, collect_audit, &b), ERR_OK);
    assert_string_equal(buf_str(&b), "a,user,hr,tambah,-,{\"role\":"
                                     "\"bkpsdm\"},at\n"
                                     "d,user,hr,aktif,-,-,at\n");
    buf_reset(&b);
    assert_int_equal(store_audit_each(f->st, NULL, "hr", 0, collect_audit, &b),
                     ERR_OK);
    assert_string_equal(buf_str(&b), "");
    /* A negative limit is none. */
    assert_int_equal(store_audit_each(f->st, NULL, "hr", -1, collect_audit, &b),
                     ERR_OK);
    assert_int_equal(strlen(buf_str(&b)) > 0, 1);
    buf_cleanup(&b);
}

static void
test_store_settings_set_twice(void **state)
{
    struct fixture *f = *state;
    char *v = NULL;
    assert_int_equal(store_setting_get(f->st, "x", &v), ERR_NOTFOUND);
    assert_int_equal(store_setting_set(f->st, "x", "1"), ERR_OK);
    assert_int_equal(store_setting_set(f->st, "x", "dua"), ERR_OK);
    assert_int_equal(store_setting_get(f->st, "x", &v), ERR_OK);
    assert_string_equal(v, "dua");
    free(v);
}

static enum err
collect_change(void *ctx, const struct store_account_change *c)
{
    return buf_addf(ctx, "%lld:%s:%s:%s:%s:%s:%s ", (long long)c->id, c->aksi,
                    c->login, c->status, c->role ? c->role : "-",
                    c->diputus_oleh ? c->diputus_oleh : "-",
                    c->catatan ? c->catatan : "-");
}

static void
test_store_account_changes(void **state)
{
    struct fixture *f = *state;
    struct store_account_change c;
    memset(&c, 0, sizeof(c));
    c.aksi = "tambah";
    c.login = "tpk9";
    c.role = "tpk";
    c.oleh = "root";
    int64_t id1 = 0, id2 = 0, id3 = 0, id4 = 0;
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_account_change_add(f->st, &c, &id1), ERR_OK);
    assert_int_equal(store_account_change_add(f->st, &c, &id2), ERR_EXISTS);
    assert_string_equal(store_errmsg(f->st),
                        "usulan yang sama untuk akun ini masih menunggu");
    /* The transaction goes on. */
    c.aksi = "sandi";
    c.role = NULL;
    assert_int_equal(store_account_change_add(f->st, &c, &id2), ERR_OK);
    assert_int_equal(store_commit(f->st), ERR_OK);
    assert_true(id2 > id1);

    assert_int_equal(
        store_account_change_close(f->st, id1, "dikonfirmasi", "admin2", NULL),
        ERR_OK);
    assert_int_equal(
        store_account_change_close(f->st, id1, "ditolak", "admin3", "no"),
        ERR_CONFLICT);
    assert_string_equal(store_errmsg(f->st), "usulan ini sudah diputus");
    assert_int_equal(
        store_account_change_close(f->st, 999, "ditolak", "admin3", "no"),
        ERR_CONFLICT);
    /* Closed, the same change may wait again. */
    c.aksi = "tambah";
    c.role = "tpk";
    assert_int_equal(store_account_change_add(f->st, &c, &id3), ERR_OK);
    c.aksi = "aktifkan";
    c.role = NULL;
    c.login = "hr";
    assert_int_equal(store_account_change_add(f->st, &c, &id4), ERR_OK);
    assert_int_equal(
        store_account_change_close(f->st, id4, "ditolak", "admin2", "tidak"),
        ERR_OK);

    struct store_account_change got;
    assert_int_equal(store_account_change_get(f->st, id1, &got), ERR_OK);
    assert_int_equal(got.id, id1);
    assert_string_equal(got.aksi, "tambah");
    assert_string_equal(got.login, "tpk9");
    assert_string_equal(got.role, "tpk");
    assert_null(got.nip);
    assert_string_equal(got.oleh, "root");
    assert_string_equal(got.status, "dikonfirmasi");
    assert_string_equal(got.diputus_oleh, "admin2");
    assert_int_equal(strlen(got.pada), 20);
    assert_int_equal(strlen(got.diputus_pada), 20);
    assert_null(got.catatan);
    store_account_change_cleanup(&got);
    assert_int_equal(store_account_change_get(f->st, 999, &got), ERR_NOTFOUND);
    store_account_change_cleanup(&got);

    struct buf b, want;
    buf_init(&b, 0);
    buf_init(&want, 0);
    assert_int_equal(store_account_change_each(f->st, 10, collect_change, &b),
                     ERR_OK);
    assert_int_equal(buf_addf(&want,
                              "%lld:tambah:tpk9:menunggu:tpk:-:- "
                              "%lld:sandi:tpk9:menunggu:-:-:- "
                              "%lld:aktifkan:hr:ditolak:-:admin2:tidak "
                              "%lld:tambah:tpk9:dikonfirmasi:tpk:admin2:- ",
                              (long long)id3, (long long)id2, (long long)id4,
                              (long long)id1),
                     ERR_OK);
    assert_string_equal(buf_str(&b), buf_str(&want));
    buf_reset(&b);
    assert_int_equal(store_account_change_each(f->st, 1, collect_change, &b),
                     ERR_OK);
    assert_int_equal(strchr(buf_str(&b), ' ') - buf_str(&b) + 1,
                     (long)strlen(buf_str(&b)));
    buf_cleanup(&b);
    buf_cleanup(&want);
}

/* PostgreSQL only (main() runs these only there). */

static void
test_store_pg_audit_is_append_only(void **state)
{
    struct fixture *f = *state;
    struct store_audit a = {"cli:test", "settings", "k", "set", NULL, NULL};
    assert_int_equal(store_audit_add(f->st, &a), ERR_OK);
    assert_int_equal(pg_sql(f, "UPDATE audit SET actor = 'x'"), -1);
    assert_int_equal(pg_sql(f, "DELETE FROM audit"), -1);
    assert_int_equal(pg_sql(f, "TRUNCATE audit"), -1);
    assert_int_equal(pg_sql(f, "SELECT count(*) FROM audit WHERE actor ="
                               " 'cli:test'"),
                     1);
}

static void
test_store_pg_plan_add_alone_is_whole(void **state)
{
    struct fixture *f = *state;
    /* Outside a transaction a plan whose moves fail (the same NIP twice)
     * leaves nothing behind: it had a transaction of its own. */
    struct store_plan_move m[2] = {make_move("1", "p"), make_move("1", "q")};
    struct store_plan p = make_plan("dup", m, 2);
    assert_int_equal(store_plan_add(f->st, &p), ERR_DB);
    assert_int_equal(pg_sql(f, "SELECT count(*) FROM plan"), 0);
    /* The handle goes on. */
    p.n_moves = 1;
    assert_int_equal(store_plan_add(f->st, &p), ERR_OK);
    assert_int_equal(pg_sql(f, "SELECT count(*) FROM plan_move"), 1);
}

static void
test_store_pg_lost_connection_is_unavailable(void **state)
{
    struct fixture *f = *state;
    struct store_user u = {"hr", "h1", "bkpsdm", NULL, NULL, true, NULL};
    assert_int_equal(store_begin(f->st), ERR_OK);
    assert_int_equal(store_user_add(f->st, &u), ERR_OK);
    /* Another session ends this one's backend mid-transaction. */
    assert_true(pg_sql(f, "SELECT count(pg_terminate_backend(pid)) FROM"
                          " pg_stat_activity WHERE datname ="
                          " current_database() AND pid <>"
                          " pg_backend_pid()") >= 1);
    struct timespec pause = {0, 200 * 1000 * 1000}; /* The backend exits. */
    nanosleep(&pause, NULL);
    struct store_user got;
    assert_int_equal(store_user_get(f->st, "hr", &got), ERR_UNAVAILABLE);
    store_user_cleanup(&got);
    store_rollback(f->st);
    /* Nothing was kept, and the next call connects again. */
    assert_int_equal(store_user_get(f->st, "hr", &got), ERR_NOTFOUND);
    store_user_cleanup(&got);
    assert_int_equal(store_user_add(f->st, &u), ERR_OK);
}

/* A server whose collation is not C (an ICU one here) still gives the
 * rows in SQLite's byte order: capitals before small letters. */
static void
test_store_pg_text_order_is_bytes_whatever_the_collation(void **state)
{
    struct fixture *f = *state;
    if (pg_sql(f, "SELECT count(*) FROM pg_collation WHERE collname ="
                  " 'und-x-icu'") != 1) {
        print_message("no ICU collation on this server: nothing to check\n");
        return;
    }
    assert_int_equal(pg_sql(f, "ALTER TABLE plan ALTER COLUMN nama TYPE text"
                               " COLLATE \"und-x-icu\";"
                               " ALTER TABLE plan_move ALTER COLUMN nip TYPE"
                               " text COLLATE \"und-x-icu\";"
                               " ALTER TABLE audit ALTER COLUMN actor TYPE"
                               " text COLLATE \"und-x-icu\""),
                     0);
    assert_int_equal(pg_sql(f, "SELECT count(*) FROM (VALUES ('a'), ('B'))"
                               " v(x) WHERE x COLLATE \"und-x-icu\" <"
                               " 'B'"),
                     1); /* Here 'a' sorts before 'B'. */
    struct store_plan_move m[2] = {make_move("b", "p"), make_move("C", "p")};
    struct store_plan a = make_plan("a", m, 2);
    struct store_plan b = make_plan("B", NULL, 0);
    assert_int_equal(store_plan_add(f->st, &a), ERR_OK);
    assert_int_equal(store_plan_add(f->st, &b), ERR_OK);
    assert_int_equal(store_plan_respond(f->st, "a", "b", "setuju", NULL),
                     ERR_OK);
    assert_int_equal(store_plan_respond(f->st, "a", "C", "setuju", NULL),
                     ERR_OK);
    const char *actors[] = {"x", "Y"};
    for (int i = 0; i < 2; i++) {
        struct store_audit au = {actors[i], "plan", "a", "lihat", NULL, NULL};
        assert_int_equal(store_audit_add(f->st, &au), ERR_OK);
    }
    struct buf b1;
    buf_init(&b1, 0);
    assert_int_equal(store_plan_each(f->st, collect_plan, &b1), ERR_OK);
    assert_string_equal(buf_str(&b1), "B:draf:- a:draf:- ");
    buf_reset(&b1);
    assert_int_equal(
        store_plan_responses_each(f->st, "a", collect_response, &b1), ERR_OK);
    assert_string_equal(buf_str(&b1), "C=setuju(-) b=setuju(-) ");
    buf_reset(&b1);
    assert_int_equal(
        store_plan_actors_each(f->st, "a", "lihat", collect_actor, &b1),
        ERR_OK);
    assert_string_equal(buf_str(&b1), "Y x ");
    buf_cleanup(&b1);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest both[] = {
        T(test_store_plan_round_trips_and_taken_name_keeps_transaction),
        T(test_store_plan_many_moves_keep_their_order),
        T(test_store_plan_status_times_and_counts),
        T(test_store_plan_answers_and_decisions),
        T(test_store_users_and_sessions),
        T(test_store_audit_filters_oldest_first),
        T(test_store_settings_set_twice),
        T(test_store_account_changes),
    };
    const struct CMUnitTest pg_only[] = {
        T(test_store_pg_audit_is_append_only),
        T(test_store_pg_plan_add_alone_is_whole),
        T(test_store_pg_lost_connection_is_unavailable),
        T(test_store_pg_text_order_is_bytes_whatever_the_collation),
    };
#undef T
    int failed = cmocka_run_group_tests(both, NULL, NULL);
    /* Not skipped on SQLite but left out: tests/run counts a skipped test
     * as not ok. */
    if (test_db_pg() != NULL) {
        failed += cmocka_run_group_tests(pg_only, NULL, NULL);
    }
    return failed;
}
