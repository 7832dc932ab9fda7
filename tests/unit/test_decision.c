/* SPDX-License-Identifier: MIT */
/* Unit tests of the decision service (src/decision.h, issue #15) on a real
 * database (db_fixture.c: a SQLite file, or PostgreSQL) holding the
 * hand-checked city of tests/golden/plan_hand: its plan has a chain of two
 * granted requests (Fajar S3 -> S2, whose place Dewi takes, S1 -> S3), four
 * directed moves, one of them temporary. Refusing one end of the chain takes
 * the other along; two approvals of plans that share employees race and exactly
 * one wins; an approval killed at any moment leaves the plan either before or
 * after the step. */
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "analysis.h"
#include "auth.h"
#include "date.h"
#include "decision.h"
#include "diag.h"
#include "import.h"
#include "json.h"
#include "model.h"
#include "planning.h"
#include "store.h"
#include "tree.h"

#include "decision_fixture.c" /* dfx_*: template, plan, TPK. */

#define FAJAR "197206062000011010" /* Granted S3 -> S2 (chain). */
#define DEWI  "198504042010012004" /* Granted S1 -> S3, into Fajar's place. */
#define AHMAD "197001012000011001" /* Directed S1 -> S2. */

static const struct test_db *template_db;

static const struct decision_actor hr = {"hr", AUTH_BKPSDM, NULL, NULL};
static const struct decision_actor tpk = {"tpk1", AUTH_TPK, NULL, NULL};
static const struct decision_actor ppk = {"ppk1", AUTH_PPK, NULL, NULL};

static int
setup(void **state)
{
    (void)state;
    static const char *const files[] = {"tests/golden/plan_hand/unit.csv",
                                        "tests/golden/plan_hand/jabatan.csv",
                                        "tests/golden/plan_hand/beban.csv",
                                        "tests/golden/plan_hand/pegawai.csv",
                                        "tests/golden/plan_hand/permohonan.csv",
                                        "tests/golden/plan_hand/kinerja.csv"};
    setenv("MUTASI_TODAY", "2026-12-01", 1);
    struct store *st = dfx_template(&template_db, files, 6);
    dfx_save_plan(st, "r");
    store_close(st);
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    return dfx_remove();
}

/* A fresh copy of the template; its path or URL. */
static const char *
copy_db(void)
{
    return dfx_copy(template_db)->target;
}

static bool
has_nip(const struct decision_outcome *o, const char *nip)
{
    for (size_t i = 0; i < o->n_nips; i++) {
        if (strcmp(o->nips[i], nip) == 0) {
            return true;
        }
    }
    return false;
}

static void
count_one(void *ctx, size_t i, const struct store_staff *x)
{
    (void)i;
    (void)x;
    ++*(size_t *)ctx;
}

struct pairs_seen {
    size_t n;     /* Calls. */
    size_t total; /* The 'n' they gave. */
    long s1_guru_h;
    bool out_of_order;
    enum err answer;
};

static void
count_one_staff(void *ctx, size_t i, const struct store_staff *x)
{
    (void)ctx;
    (void)i;
    (void)x;
}

static enum err
count_pair(void *ctx, size_t i, size_t n, const struct analysis_pair *x)
{
    struct pairs_seen *ps = ctx;
    ps->out_of_order = ps->out_of_order || i != ps->n;
    ps->n++;
    ps->total = n;
    if (strcmp(x->jabatan, "GURU") == 0 && x->r.h == 5) {
        ps->s1_guru_h = x->r.h;
    }
    return ps->answer;
}

/* The planner frees the analysis's pairs and staff once copied
 * (analysis_release_pairs/_staff): what is left refuses to act on them. */
static void
test_analysis_release_leaves_the_tree(void **state)
{
    (void)state;
    struct analysis *a = NULL;
    const char *db = copy_db();
    struct store *st = dfx_open(db);
    struct analysis_move mv = {
        "197001012000011001", "S1", "GURU", "S2", "GURU", STATUS_PNS};
    assert_int_equal(analysis_load(st, date_from_ymd(2026, 12, 1), &a), ERR_OK);
    size_t units = tree_count(analysis_tree(a));
    assert_true(analysis_count(a) > 0);
    assert_true(analysis_n_staff(a) > 0);
    assert_non_null(analysis_find_pair(a, "S1", "GURU"));
    analysis_release_staff(a);
    assert_int_equal(analysis_n_staff(a), 0);
    assert_true(analysis_count(a) > 0); /* The pairs stay. */
    analysis_release_pairs(a);
    assert_int_equal(analysis_count(a), 0);
    assert_null(analysis_find_pair(a, "S1", "GURU"));
    assert_int_equal(analysis_move_staff(a, &mv), ERR_INTERNAL);
    assert_int_equal(tree_count(analysis_tree(a)), units);
    assert_true(tree_find(analysis_tree(a), "S2") >= 0);
    analysis_release_pairs(a); /* Twice is harmless. */
    analysis_destroy(a);
    /* A caller of the results only: the sums go at once, the results
     * stay. */
    size_t seen = 0;
    struct analysis_hook hook = {count_one, &seen, NULL, true, NULL};
    assert_int_equal(
        analysis_load_with(st, date_from_ymd(2026, 12, 1), NULL, &hook, &a),
        ERR_OK);
    assert_true(seen > 0);
    assert_int_equal(analysis_n_staff(a), seen);
    const struct analysis_pair *s1 = analysis_find_pair(a, "S1", "GURU");
    assert_non_null(s1);
    assert_int_equal(s1->r.h, 5);
    assert_int_equal(analysis_move_staff(a, &mv), ERR_INTERNAL);
    size_t n_pairs = analysis_count(a);
    analysis_destroy(a);
    /* The pairs handed over one by one, in order, and not kept. */
    struct pairs_seen ps = {0, 0, 0, false, ERR_OK};
    hook.ctx = &ps;
    hook.staff = count_one_staff;
    hook.pair = count_pair;
    assert_int_equal(
        analysis_load_with(st, date_from_ymd(2026, 12, 1), NULL, &hook, &a),
        ERR_OK);
    assert_int_equal(ps.n, n_pairs);
    assert_int_equal(ps.total, n_pairs);
    assert_false(ps.out_of_order);
    assert_int_equal(ps.s1_guru_h, 5);
    assert_int_equal(analysis_count(a), 0);
    analysis_destroy(a);
    /* An error of the hook ends the analysis with it. */
    ps = (struct pairs_seen){0, 0, 0, false, ERR_TOOBIG};
    a = NULL;
    assert_int_equal(
        analysis_load_with(st, date_from_ymd(2026, 12, 1), NULL, &hook, &a),
        ERR_TOOBIG);
    assert_int_equal(ps.n, 1);
    assert_null(a);
    store_close(st);
}

static void
test_decision_role_comes_before_status(void **state)
{
    (void)state;
    struct decision_outcome o;
    const char *db = copy_db();
    struct store *st = dfx_open(db);
    /* The plan is a draft: the wrong role is 403 all the same. */
    assert_int_equal(decision_publish(st, &tpk, "r", DATE_NONE, &o),
                     ERR_DENIED);
    assert_int_equal(decision_approve(st, &hr, "r", date_from_ymd(2027, 1, 1),
                                      NULL, 0, false, &o),
                     ERR_DENIED);
    assert_int_equal(decision_consider(st, &ppk, "r", NULL, 0, true, false, &o),
                     ERR_DENIED);
    /* The right role in the wrong status is a conflict naming it. */
    assert_int_equal(decision_consider(st, &tpk, "r", NULL, 0, true, false, &o),
                     ERR_CONFLICT);
    assert_non_null(strstr(o.why, "draf"));
    assert_int_equal(decision_approve(st, &ppk, "r", date_from_ymd(2027, 1, 1),
                                      NULL, 0, false, &o),
                     ERR_CONFLICT);
    assert_int_equal(decision_publish(st, &hr, "tidak-ada", DATE_NONE, &o),
                     ERR_NOTFOUND);
    store_close(st);
}

static void
test_decision_refusal_takes_its_chain_along(void **state)
{
    (void)state;
    struct decision_outcome o;
    const char *db = copy_db();
    struct store *st = dfx_open(db);
    assert_int_equal(decision_publish(st, &hr, "r", DATE_NONE, &o), ERR_OK);
    /* Fajar leaves S3 only if Dewi comes, and Dewi comes only into the
     * place Fajar frees: refusing either end takes the other. */
    struct decision_item refuse = {FAJAR, "tolak", "suami belum pindah", NULL};
    assert_int_equal(
        decision_consider(st, &tpk, "r", &refuse, 1, false, false, &o),
        ERR_CONFLICT);
    assert_int_equal(o.n_nips, 1);
    assert_true(has_nip(&o, DEWI));
    decision_outcome_cleanup(&o);
    struct decision_item refuse_dewi = {DEWI, "tolak", "x", NULL};
    assert_int_equal(
        decision_consider(st, &tpk, "r", &refuse_dewi, 1, false, false, &o),
        ERR_CONFLICT);
    assert_true(has_nip(&o, FAJAR));
    assert_false(has_nip(&o, AHMAD)); /* A directed move stands alone. */
    decision_outcome_cleanup(&o);
    /* A refusal needs its note; nothing was written meanwhile. */
    struct decision_item bare = {FAJAR, "tolak", NULL, NULL};
    assert_int_equal(
        decision_consider(st, &tpk, "r", &bare, 1, false, true, &o), ERR_INVAL);
    struct saved_plan sp;
    assert_int_equal(planning_saved_load(st, "r", &sp), ERR_OK);
    for (size_t i = 0; i < sp.n_moves; i++) {
        assert_string_equal(sp.moves[i].keputusan_tpk, "");
    }
    planning_saved_cleanup(&sp);
    /* Confirmed: both are refused, the dependent one with its note. */
    assert_int_equal(
        decision_consider(st, &tpk, "r", &refuse, 1, false, true, &o), ERR_OK);
    decision_outcome_cleanup(&o);
    assert_int_equal(planning_saved_load(st, "r", &sp), ERR_OK);
    assert_string_equal(planning_saved_move(&sp, FAJAR)->keputusan_tpk,
                        "tolak");
    assert_string_equal(planning_saved_move(&sp, DEWI)->keputusan_tpk, "tolak");
    assert_non_null(
        strstr(planning_saved_move(&sp, DEWI)->catatan_tpk, "bergantung"));
    planning_saved_cleanup(&sp);
    store_close(st);
}

static void
test_decision_close_needs_every_move_and_answer(void **state)
{
    (void)state;
    struct decision_outcome o;
    const char *db = copy_db();
    struct store *st = dfx_open(db);
    assert_int_equal(decision_publish(st, &hr, "r", DATE_NONE, &o), ERR_OK);
    const struct decision_actor ahmad = {"ahmad", AUTH_PEGAWAI, AHMAD, NULL};
    assert_int_equal(
        decision_respond(st, &ahmad, "r", NULL, "keberatan", "", &o),
        ERR_INVAL); /* An objection needs its reason. */
    assert_int_equal(decision_respond(st, &ahmad, "r", NULL, "keberatan",
                                      "merawat orang tua", &o),
                     ERR_OK);
    struct saved_plan sp;
    assert_int_equal(planning_saved_load(st, "r", &sp), ERR_OK);
    struct decision_item *items = calloc(sp.n_moves, sizeof(*items));
    for (size_t i = 0; i < sp.n_moves; i++) {
        items[i] =
            (struct decision_item){sp.moves[i].nip, "setuju", NULL, NULL};
    }
    /* Every move decided but the objection unanswered: 422 naming it. */
    assert_int_equal(
        decision_consider(st, &tpk, "r", items, sp.n_moves, true, false, &o),
        ERR_INVAL);
    assert_int_equal(o.n_nips, 1);
    assert_true(has_nip(&o, AHMAD));
    decision_outcome_cleanup(&o);
    for (size_t i = 0; i < sp.n_moves; i++) {
        if (strcmp(items[i].nip, AHMAD) == 0) {
            items[i].tanggapan = "Sekolah tujuan 1,2 km dari rumahnya.";
        }
    }
    assert_int_equal(
        decision_consider(st, &tpk, "r", items, sp.n_moves, true, false, &o),
        ERR_OK);
    assert_string_equal(o.ba_nomor, "800.1.6/1/TPK/2026");
    decision_outcome_cleanup(&o);
    free(items);
    planning_saved_cleanup(&sp);
    /* The PPK may not strike what the TPK refused, nor return without a
     * note. */
    struct decision_strike bad = {"199001012015011018", "bukan di rencana"};
    assert_int_equal(decision_approve(st, &ppk, "r", date_from_ymd(2027, 1, 1),
                                      &bad, 1, false, &o),
                     ERR_INVAL);
    assert_int_equal(decision_return(st, &ppk, "r", "", &o), ERR_INVAL);
    assert_int_equal(decision_return(st, &ppk, "r", "hitung ulang ABK", &o),
                     ERR_OK);
    store_close(st);
}

/* Two PPK sessions approve plans "a" and "b", which move the same people. */
struct racer {
    const char *db;
    const char *plan;
    enum err rc;
    char sk[128];
};

static void *
approve_one(void *arg)
{
    struct racer *r = arg;
    struct store *st = NULL;
    struct decision_outcome o;
    if (store_open(r->db, false, &st) == ERR_OK) {
        r->rc = decision_approve(st, &ppk, r->plan, date_from_ymd(2027, 1, 1),
                                 NULL, 0, false, &o);
        snprintf(r->sk, sizeof(r->sk), "%s", o.sk_nomor);
        decision_outcome_cleanup(&o);
    }
    store_close(st);
    return NULL;
}

struct answer_seen {
    bool found;
};

static enum err
answer_row(void *ctx, const struct store_audit *a, const char *at)
{
    struct answer_seen *s = ctx;
    (void)at;
    if (strcmp(a->action, "jawaban_rencana") == 0 && a->after != NULL &&
        strstr(a->after, "Belum dikabulkan dalam rencana") != NULL) {
        s->found = true;
    }
    return ERR_OK;
}

static void
test_decision_two_approvals_sharing_employees_one_wins(void **state)
{
    (void)state;
    struct decision_outcome o;
    const char *db = copy_db();
    struct store *st = dfx_open(db);
    dfx_save_plan(st, "a");
    dfx_save_plan(st, "b");
    const char *names[] = {"a", "b"};
    for (int k = 0; k < 2; k++) {
        assert_int_equal(decision_publish(st, &hr, names[k], DATE_NONE, &o),
                         ERR_OK);
        dfx_agree_all(st, &tpk, names[k]);
    }
    store_close(st);
    struct racer r[2] = {{db, "a", ERR_INTERNAL, ""},
                         {db, "b", ERR_INTERNAL, ""}};
    pthread_t t[2];
    for (int k = 0; k < 2; k++) {
        assert_int_equal(pthread_create(&t[k], NULL, approve_one, &r[k]), 0);
    }
    for (int k = 0; k < 2; k++) {
        pthread_join(t[k], NULL);
    }
    int won = (r[0].rc == ERR_OK) + (r[1].rc == ERR_OK);
    int lost = (r[0].rc == ERR_CONFLICT) + (r[1].rc == ERR_CONFLICT);
    assert_int_equal(won, 1);
    assert_int_equal(lost, 1);
    assert_string_equal(r[0].rc == ERR_OK ? r[0].sk : r[1].sk,
                        "800.1.6/1/BKPSDM/2026");
    /* The loser is still before the decision. */
    st = dfx_open(db);
    struct store_plan p;
    assert_int_equal(store_plan_get(st, r[0].rc == ERR_OK ? "b" : "a", &p),
                     ERR_OK);
    assert_string_equal(p.status, "dipertimbangkan");
    store_plan_cleanup(&p);
    /* The granted requests are decided; the one not granted stays open
     * with the plan's answer in its timeline (issue #15 item 5). */
    struct store_request *q = calloc(1, sizeof(*q));
    assert_int_equal(store_request_open_of(st, FAJAR, q), ERR_OK);
    assert_string_equal(q->status, "ditetapkan");
    assert_int_equal(store_request_open_of(st, "198003032005011003", q),
                     ERR_OK);
    assert_string_equal(q->status, "diajukan");
    char id[24];
    snprintf(id, sizeof(id), "%lld", (long long)q->id);
    struct answer_seen seen = {false};
    assert_int_equal(
        store_audit_each(st, "request", id, 100, answer_row, &seen), ERR_OK);
    assert_true(seen.found);
    free(q);
    store_close(st);
}

/* After a kill, plan "r" is either before the decision (no one moved, no
 * number) or after it (every permanent move written, numbered). */
static void
check_whole(const char *db)
{
    struct store *st = dfx_open(db);
    struct saved_plan sp;
    assert_int_equal(planning_saved_load(st, "r", &sp), ERR_OK);
    bool decided = strcmp(sp.plan.status, "ditetapkan") == 0;
    if (!decided) {
        assert_string_equal(sp.plan.status, "dipertimbangkan");
        assert_null(sp.plan.sk_nomor);
    }
    for (size_t i = 0; i < sp.n_moves; i++) {
        const struct saved_move *m = &sp.moves[i];
        struct pegawai e;
        assert_int_equal(store_pegawai_get(st, m->nip, &e), ERR_OK);
        bool moved = strcmp(e.unit, m->unit_tujuan) == 0;
        bool permanent = m->sementara_sampai[0] == '\0';
        assert_true(moved == (decided && permanent));
        assert_string_equal(m->keputusan_ppk, decided ? "setuju" : "");
    }
    planning_saved_cleanup(&sp);
    store_close(st);
}

static void
test_decision_kill_during_approval_leaves_it_whole(void **state)
{
    (void)state;
    struct decision_outcome o;
    const struct test_db *base = dfx_copy(template_db);
    struct store *st = dfx_open(base->target);
    assert_int_equal(decision_publish(st, &hr, "r", DATE_NONE, &o), ERR_OK);
    dfx_agree_all(st, &tpk, "r");
    store_close(st);
    int before = 0;
    int after = 0;
    unsigned seed = (unsigned)time(NULL);
    for (int round = 0; round < 24; round++) {
        struct test_db round_db;
        test_db_copy(base, &round_db, "kill.db");
        const char *db = round_db.target;
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            struct store *cst = NULL;
            struct decision_outcome co;
            if (store_open(db, false, &cst) != ERR_OK) {
                _exit(2);
            }
            enum err rc = decision_approve(
                cst, &ppk, "r", date_from_ymd(2027, 1, 1), NULL, 0, false, &co);
            _exit(rc == ERR_OK ? 0 : 1);
        }
        /* From at once to past the step (a few ms under ASan). */
        long wait_us = rand_r(&seed) % 12000;
        struct timespec ts = {0, wait_us * 1000};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        check_whole(db);
        st = dfx_open(db);
        struct store_plan p;
        assert_int_equal(store_plan_get(st, "r", &p), ERR_OK);
        after += strcmp(p.status, "ditetapkan") == 0;
        before += strcmp(p.status, "dipertimbangkan") == 0;
        store_plan_cleanup(&p);
        store_close(st);
        test_db_drop(&round_db);
    }
    assert_int_equal(before + after, 24);
    print_message("kill -9 during approval: %d left before, %d after\n", before,
                  after);
}

/* After a kill during the TPK's close, plan "r" is either still published
 * with no decision, or considered with every move decided and numbered. */
static void
check_close_whole(const char *db)
{
    struct store *st = dfx_open(db);
    struct saved_plan sp;
    assert_int_equal(planning_saved_load(st, "r", &sp), ERR_OK);
    bool closed = strcmp(sp.plan.status, "dipertimbangkan") == 0;
    if (!closed) {
        assert_string_equal(sp.plan.status, "diterbitkan");
    }
    assert_true((sp.plan.ba_nomor != NULL) == closed);
    for (size_t i = 0; i < sp.n_moves; i++) {
        assert_string_equal(sp.moves[i].keputusan_tpk, closed ? "setuju" : "");
    }
    planning_saved_cleanup(&sp);
    store_close(st);
}

static void
test_decision_kill_during_close_leaves_it_whole(void **state)
{
    (void)state;
    struct decision_outcome o;
    const struct test_db *base = dfx_copy(template_db);
    struct store *st = dfx_open(base->target);
    assert_int_equal(decision_publish(st, &hr, "r", DATE_NONE, &o), ERR_OK);
    store_close(st);
    unsigned seed = (unsigned)time(NULL) ^ 0x5a5a;
    int closed = 0;
    for (int round = 0; round < 24; round++) {
        struct test_db round_db;
        test_db_copy(base, &round_db, "kill.db");
        const char *db = round_db.target;
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            struct store *cst = NULL;
            if (store_open(db, false, &cst) != ERR_OK) {
                _exit(2);
            }
            dfx_agree_all(cst, &tpk, "r");
            _exit(0);
        }
        long wait_us = rand_r(&seed) % 12000;
        struct timespec ts = {0, wait_us * 1000};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        check_close_whole(db);
        st = dfx_open(db);
        struct store_plan p;
        assert_int_equal(store_plan_get(st, "r", &p), ERR_OK);
        closed += strcmp(p.status, "dipertimbangkan") == 0;
        store_plan_cleanup(&p);
        store_close(st);
        test_db_drop(&round_db);
    }
    print_message("kill -9 during close: %d of 24 closed\n", closed);
}

/* A request older than masa_permohonan_bulan lapses (domain.md section
 * 5): the plan no longer grants it. The fixture's requests are from March
 * and April 2026; the plan date is 1 December 2026. */
static void
test_decision_old_requests_lapse(void **state)
{
    (void)state;
    const char *db = copy_db();
    struct store *st = dfx_open(db);
    assert_int_equal(store_setting_set(st, "masa_permohonan_bulan", "7"),
                     ERR_OK);
    dfx_save_plan(st, "lapsed");
    struct saved_plan sp;
    assert_int_equal(planning_saved_load(st, "lapsed", &sp), ERR_OK);
    /* Every request (February to April 2026, plus 7 months) lapsed
     * before 1 December: none is granted. */
    for (size_t i = 0; i < sp.n_moves; i++) {
        assert_false(sp.moves[i].aps);
    }
    planning_saved_cleanup(&sp);
    assert_int_equal(store_setting_set(st, "masa_permohonan_bulan", "12"),
                     ERR_OK);
    dfx_save_plan(st, "fresh");
    assert_int_equal(planning_saved_load(st, "fresh", &sp), ERR_OK);
    assert_non_null(planning_saved_move(&sp, FAJAR));
    assert_true(planning_saved_move(&sp, FAJAR)->aps);
    planning_saved_cleanup(&sp);
    store_close(st);
}

/* The re-run with decided moves fixed (issue #15 item 4): what the TPK
 * agreed is kept as agreed, the refused employees stay, the rest is
 * planned again, and the new plan goes the whole way to a decree. */
static void
test_decision_rerun_keeps_what_was_decided(void **state)
{
    (void)state;
    struct decision_outcome o;
    const char *db = copy_db();
    struct store *st = dfx_open(db);
    assert_int_equal(decision_publish(st, &hr, "r", DATE_NONE, &o), ERR_OK);
    struct decision_item items[] = {
        {FAJAR, "tolak", "suami belum pindah", NULL},
        {AHMAD, "setuju", "sesuai kebutuhan SD Negeri 2", NULL}};
    assert_int_equal(
        decision_consider(st, &tpk, "r", items, 2, false, true, &o), ERR_OK);
    decision_outcome_cleanup(&o);
    assert_int_equal(decision_rerun(st, &tpk, "r", "r2", &o), ERR_DENIED);
    assert_int_equal(decision_rerun(st, &hr, "r", "r", &o), ERR_EXISTS);
    assert_int_equal(decision_rerun(st, &hr, "r", "r2", &o), ERR_OK);
    struct saved_plan sp;
    assert_int_equal(planning_saved_load(st, "r", &sp), ERR_OK);
    assert_string_equal(sp.plan.status, "dikembalikan");
    assert_non_null(strstr(sp.plan.catatan_kembali, "r2"));
    size_t n_old = sp.n_moves;
    planning_saved_cleanup(&sp);
    assert_int_equal(planning_saved_load(st, "r2", &sp), ERR_OK);
    assert_string_equal(sp.plan.status, "draf");
    /* Ahmad is kept, agreed, and listed once; the chain is gone. */
    const struct saved_move *m = planning_saved_move(&sp, AHMAD);
    assert_non_null(m);
    assert_string_equal(m->keputusan_tpk, "setuju");
    assert_string_equal(m->unit_tujuan, "S2");
    assert_null(planning_saved_move(&sp, FAJAR));
    assert_null(planning_saved_move(&sp, DEWI));
    size_t ahmads = 0;
    for (size_t i = 0; i < sp.n_moves; i++) {
        ahmads += strcmp(sp.moves[i].nip, AHMAD) == 0;
    }
    assert_int_equal(ahmads, 1);
    assert_true(sp.n_moves >= 1 && sp.n_moves <= n_old);
    assert_int_equal(json_obj_len(sp.doc, "moves"), sp.n_moves);
    planning_saved_cleanup(&sp);
    /* The new plan holds on today's data all the way to its decree. */
    assert_int_equal(decision_publish(st, &hr, "r2", DATE_NONE, &o), ERR_OK);
    dfx_agree_all(st, &tpk, "r2");
    assert_int_equal(decision_approve(st, &ppk, "r2", date_from_ymd(2027, 1, 1),
                                      NULL, 0, false, &o),
                     ERR_OK);
    decision_outcome_cleanup(&o);
    struct pegawai e;
    assert_int_equal(store_pegawai_get(st, AHMAD, &e), ERR_OK);
    assert_string_equal(e.unit, "S2");
    assert_int_equal(store_pegawai_get(st, FAJAR, &e), ERR_OK);
    assert_string_equal(e.unit, "S3");
    store_close(st);
}

/* A kept move that leaned on an undecided one (half of a chain) is not
 * kept alone: it is planned again with its partner, and the re-run holds
 * on the day's data (the web app's review of 2026-12-06 found a re-run
 * that could not be approved). */
static void
test_decision_rerun_does_not_keep_half_a_chain(void **state)
{
    (void)state;
    struct decision_outcome o;
    const char *db = copy_db();
    struct store *st = dfx_open(db);
    assert_int_equal(decision_publish(st, &hr, "r", DATE_NONE, &o), ERR_OK);
    struct decision_item half = {FAJAR, "setuju", NULL, NULL};
    assert_int_equal(
        decision_consider(st, &tpk, "r", &half, 1, false, false, &o), ERR_OK);
    assert_int_equal(decision_rerun(st, &hr, "r", "r3", &o), ERR_OK);
    struct saved_plan sp;
    assert_int_equal(planning_saved_load(st, "r3", &sp), ERR_OK);
    const struct saved_move *f = planning_saved_move(&sp, FAJAR);
    assert_non_null(f); /* Planned again, with Dewi, as a new move. */
    assert_string_equal(f->keputusan_tpk, "");
    assert_non_null(planning_saved_move(&sp, DEWI));
    planning_saved_cleanup(&sp);
    assert_int_equal(decision_publish(st, &hr, "r3", DATE_NONE, &o), ERR_OK);
    dfx_agree_all(st, &tpk, "r3");
    assert_int_equal(decision_approve(st, &ppk, "r3", date_from_ymd(2027, 1, 1),
                                      NULL, 0, false, &o),
                     ERR_OK);
    decision_outcome_cleanup(&o);
    store_close(st);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_analysis_release_leaves_the_tree),
        cmocka_unit_test(test_decision_role_comes_before_status),
        cmocka_unit_test(test_decision_old_requests_lapse),
        cmocka_unit_test(test_decision_refusal_takes_its_chain_along),
        cmocka_unit_test(test_decision_close_needs_every_move_and_answer),
        cmocka_unit_test(test_decision_rerun_keeps_what_was_decided),
        cmocka_unit_test(test_decision_rerun_does_not_keep_half_a_chain),
        cmocka_unit_test(
            test_decision_two_approvals_sharing_employees_one_wins),
        cmocka_unit_test(test_decision_kill_during_approval_leaves_it_whole),
        cmocka_unit_test(test_decision_kill_during_close_leaves_it_whole),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
