/* SPDX-License-Identifier: MIT */
/* Unit tests of election periods (issue #17 part 4): the setting's parser
 * (src/masa_tenang.h), and the rule on real SQLite files holding the
 * small city of tests/golden/tenang_refuse_principal (src/tenang.h through
 * decision.h): its plan moves a principal (KEPALA_SEKOLAH) and a teacher
 * from SD 1 to SD 2. Inside a period the principal's move is refused and
 * the teacher's passes; the Minister's written approval lets the
 * principal's through, dated after the decision or without a PDF it does
 * not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "auth.h"
#include "buf.h"
#include "date.h"
#include "decision.h"
#include "diag.h"
#include "import.h"
#include "json.h"
#include "masa_tenang.h"
#include "model.h"
#include "planning.h"
#include "settings.h"
#include "store.h"
#include "tenang.h"

#include "decision_fixture.c" /* dfx_*: template, plan, TPK. */

#define FIXTURE   "tests/golden/tenang_refuse_principal/"
#define PRINCIPAL "197001012000011001" /* Kepala sekolah, SD 1 -> SD 2. */
#define TEACHER   "197805052003011006" /* Guru, SD 1 -> SD 2. */
#define PERIOD    "2026-11-01..2027-02-28 Pilkada Uji"

static const struct test_db *template_db;

static const struct decision_actor tpk = {"tpk1", AUTH_TPK, NULL, NULL};
static const struct decision_actor ppk = {"ppk1", AUTH_PPK, NULL, NULL};

/* A structurally sound PDF (request_pdf_ok()): header, xref, trailer. */
static const char izin_pdf[] =
    "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 2\n"
    "0000000000 65535 f \n0000000009 00000 n \ntrailer<</Size 2/Root 1 0 R>>\n"
    "startxref\n40\n%%EOF\n";

/* ---- The parser ------------------------------------------------------ */

static void
test_tenang_parse_periods_and_normal_form(void **state)
{
    (void)state;
    struct masa_tenang_list l;
    char why[256] = "";
    char out[512];
    assert_int_equal(masa_tenang_parse(" 2029-05-27..2030-02-20 Pilkada 2029 ;"
                                       "2030-01-01..2030-03-31  Tumpang ",
                                       &l, NULL, why, sizeof(why)),
                     ERR_OK);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.items[0].label, "Pilkada 2029");
    assert_int_equal(l.items[0].dari, date_from_ymd(2029, 5, 27));
    assert_int_equal(l.items[0].sampai, date_from_ymd(2030, 2, 20));
    masa_tenang_format(&l, out, sizeof(out));
    assert_string_equal(out, "2029-05-27..2030-02-20 Pilkada 2029; "
                             "2030-01-01..2030-03-31 Tumpang");
    /* Overlapping periods are allowed: a day inside either is inside. */
    assert_ptr_equal(masa_tenang_covering(&l, date_from_ymd(2030, 2, 1)),
                     &l.items[0]);
    assert_ptr_equal(masa_tenang_covering(&l, date_from_ymd(2030, 3, 1)),
                     &l.items[1]);
    assert_null(masa_tenang_covering(&l, date_from_ymd(2030, 4, 1)));
    /* Both ends belong to the period; the next one is shown before it. */
    assert_non_null(masa_tenang_covering(&l, date_from_ymd(2029, 5, 27)));
    assert_null(masa_tenang_covering(&l, date_from_ymd(2029, 5, 26)));
    assert_ptr_equal(masa_tenang_upcoming(&l, date_from_ymd(2029, 1, 1)),
                     &l.items[0]);
    assert_null(masa_tenang_upcoming(&l, date_from_ymd(2030, 4, 1)));
    assert_int_equal(masa_tenang_parse("", &l, NULL, why, sizeof(why)), ERR_OK);
    assert_int_equal(l.n, 0);
}

static void
test_tenang_parse_refuses_bad_periods(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *says;
        int line;
        int col;
    } bad[] = {
        {"2029-02-30..2029-03-01 Pilkada", "tanggal yang ada", 1, 1},
        {"2029-05-27..2029-05-26 Pilkada", "berakhir sebelum dimulai", 1, 1},
        {"2029-05-27..2030-02-20", "perlu label", 1, 1},
        {"2029-05-27..2030-02-20Pilkada", "spasi", 1, 1},
        {"2029-05-27 Pilkada", "DARI..SAMPAI", 1, 1},
        {"2029-01-01..2029-01-02 A; 2029-03-01..2029-02-01 B", "ke-2", 1, 2},
        {"2029-01-01..2029-01-02 A\n\n2029-03-01..2029-02-01 B", "berakhir", 3,
         1},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct masa_tenang_list l;
        struct masa_tenang_where at = {0, 0};
        char why[256] = "";
        assert_int_equal(
            masa_tenang_parse(bad[i].text, &l, &at, why, sizeof(why)),
            ERR_INVAL);
        if (strstr(why, bad[i].says) == NULL) {
            fail_msg("%s: %s", bad[i].text, why);
        }
        assert_int_equal(at.line, bad[i].line);
        assert_int_equal(at.col, bad[i].col);
    }
    /* The setting refuses them too, naming the period. */
    char out[256];
    char why[256] = "";
    assert_int_equal(settings_normalize(settings_find("masa_tenang"),
                                        "2030-02-20..2029-05-27 Pilkada 2029",
                                        out, sizeof(out), why, sizeof(why)),
                     ERR_INVAL);
    assert_non_null(strstr(why, "Pilkada 2029"));
}

static void
test_tenang_officials_and_working_days(void **state)
{
    (void)state;
    const char *kepala = settings_find("jabatan_kepala")->dflt;
    assert_true(masa_tenang_is_official(JAB_JPT, "SEKDA", kepala));
    assert_true(masa_tenang_is_official(JAB_ADMINISTRATOR, "KABID", kepala));
    assert_true(masa_tenang_is_official(JAB_PENGAWAS, "KASI", kepala));
    assert_true(masa_tenang_is_official(JAB_FUNGSIONAL_KEAHLIAN,
                                        "KEPALA_SEKOLAH", kepala));
    assert_true(masa_tenang_is_official(JAB_FUNGSIONAL_KEAHLIAN,
                                        "KEPALA_PUSKESMAS", kepala));
    assert_false(
        masa_tenang_is_official(JAB_FUNGSIONAL_KEAHLIAN, "GURU", kepala));
    assert_false(masa_tenang_is_official(JAB_PELAKSANA, "KEPALA", kepala));
    /* Friday 4 Dec 2026 + 7 working days: Tuesday 15 Dec. */
    assert_int_equal(masa_tenang_due(date_from_ymd(2026, 12, 4), 7),
                     date_from_ymd(2026, 12, 15));
    /* Tuesday 1 Dec 2026 + 7: Thursday 10 Dec. */
    assert_int_equal(masa_tenang_due(date_from_ymd(2026, 12, 1), 7),
                     date_from_ymd(2026, 12, 10));
}

/* ---- The rule on a plan ---------------------------------------------- */

/* Published and agreed in full by the TPK, ready for the PPK. */
static void
agree_all(struct store *st, const char *name)
{
    static const struct decision_actor hr = {"hr", AUTH_BKPSDM, NULL, NULL};
    struct decision_outcome o;
    assert_int_equal(decision_publish(st, &hr, name, DATE_NONE, &o), ERR_OK);
    decision_outcome_cleanup(&o);
    assert_int_equal(dfx_agree_all(st, &tpk, name), 2);
}

static int
setup(void **state)
{
    (void)state;
    static const char *const files[] = {
        FIXTURE "unit.csv", FIXTURE "jabatan.csv", FIXTURE "beban.csv",
        FIXTURE "pegawai.csv", FIXTURE "permohonan.csv"};
    setenv("MUTASI_TODAY", "2026-12-01", 1);
    struct store *st = dfx_template(&template_db, files, 5);
    assert_int_equal(store_setting_set(st, "masa_tenang", PERIOD), ERR_OK);
    dfx_save_plan(st, "r");
    agree_all(st, "r");
    store_close(st);
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    setenv("MUTASI_TODAY", "2026-12-01", 1);
    return dfx_remove();
}

/* A fresh copy of the template, opened. */
static struct store *
fresh(void)
{
    return dfx_open(dfx_copy(template_db)->target);
}

static enum err
approve(struct store *st, const struct decision_strike *strikes, size_t n,
        const struct tenang_izin *izin, struct decision_outcome *o)
{
    struct decision_approval in = {date_from_ymd(2027, 1, 1), strikes, n, false,
                                   izin};
    return decision_approve_with(st, &ppk, "r", &in, o);
}

static const char *
unit_of(struct store *st, const char *nip, char *out)
{
    struct pegawai p;
    assert_int_equal(store_pegawai_get(st, nip, &p), ERR_OK);
    snprintf(out, 65, "%s", p.unit);
    return out;
}

static void
test_tenang_refuses_principal_lets_teacher_through(void **state)
{
    (void)state;
    struct store *st = fresh();
    struct decision_outcome o;
    char unit[65];
    /* Inside the period: refused whole, naming the principal only. */
    assert_int_equal(approve(st, NULL, 0, NULL, &o), ERR_INVAL);
    assert_non_null(strstr(o.why, "Pilkada Uji"));
    assert_non_null(strstr(o.why, PRINCIPAL));
    assert_non_null(strstr(o.why, "KEPALA_SEKOLAH"));
    assert_null(strstr(o.why, TEACHER));
    assert_int_equal(o.n_nips, 1);
    assert_string_equal(o.nips[0], PRINCIPAL);
    decision_outcome_cleanup(&o);
    /* Nothing was written. */
    struct store_plan p;
    assert_int_equal(store_plan_get(st, "r", &p), ERR_OK);
    assert_string_equal(p.status, "dipertimbangkan");
    store_plan_cleanup(&p);
    assert_string_equal(unit_of(st, TEACHER, unit), "S1");
    /* The principal struck, the teacher's move in the same plan and
     * period passes, with no approval recorded. */
    struct decision_strike s = {PRINCIPAL, "Menunggu persetujuan Mendagri"};
    assert_int_equal(approve(st, &s, 1, NULL, &o), ERR_OK);
    decision_outcome_cleanup(&o);
    assert_string_equal(unit_of(st, TEACHER, unit), "S2");
    assert_string_equal(unit_of(st, PRINCIPAL, unit), "S1");
    struct store_izin z;
    assert_int_equal(store_izin_get(st, "r", &z, NULL), ERR_NOTFOUND);
    char why[256] = "";
    FILE *f = tmpfile();
    assert_int_equal(tenang_report_write(st, "r", "ppk1", f, why, sizeof(why)),
                     ERR_NOTFOUND);
    fclose(f);
    store_close(st);
}

static void
test_tenang_day_after_period_needs_nothing(void **state)
{
    (void)state;
    struct store *st = fresh();
    struct decision_outcome o;
    char unit[65];
    /* The TMT may not lie before the month of the decision. */
    struct decision_approval in = {date_from_ymd(2027, 3, 1), NULL, 0, false,
                                   NULL};
    setenv("MUTASI_TODAY", "2027-03-01", 1);
    enum err rc = decision_approve_with(st, &ppk, "r", &in, &o);
    setenv("MUTASI_TODAY", "2026-12-01", 1);
    assert_int_equal(rc, ERR_OK);
    decision_outcome_cleanup(&o);
    assert_string_equal(unit_of(st, PRINCIPAL, unit), "S2");
    store_close(st);
}

/* Counts the audit entries izin_mendagri naming the principal. */
static enum err
audit_row(void *ctx, const struct store_audit *a, const char *at)
{
    (void)at;
    int *n = ctx;
    if (strcmp(a->action, "izin_mendagri") == 0 && a->after != NULL &&
        strstr(a->after, PRINCIPAL) != NULL &&
        strstr(a->after, "100.2.2.6/1/OTDA") != NULL) {
        (*n)++;
    }
    return ERR_OK;
}

static void
test_tenang_approval_checked_then_recorded(void **state)
{
    (void)state;
    struct store *st = fresh();
    struct decision_outcome o;
    char unit[65];
    struct tenang_izin late = {"100.2.2.6/1/OTDA", date_from_ymd(2026, 12, 2),
                               izin_pdf, sizeof(izin_pdf) - 1};
    assert_int_equal(approve(st, NULL, 0, &late, &o), ERR_INVAL);
    assert_non_null(strstr(o.why, "tidak boleh sesudah"));
    decision_outcome_cleanup(&o);
    static const char html[] = "<html>%PDF-1.4 bukan PDF</html>";
    struct tenang_izin fake = {"100.2.2.6/1/OTDA", date_from_ymd(2026, 11, 30),
                               html, sizeof(html) - 1};
    assert_int_equal(approve(st, NULL, 0, &fake, &o), ERR_INVAL);
    assert_non_null(strstr(o.why, "harus PDF"));
    decision_outcome_cleanup(&o);
    struct tenang_izin none = {"", date_from_ymd(2026, 11, 30), izin_pdf,
                               sizeof(izin_pdf) - 1};
    assert_int_equal(approve(st, NULL, 0, &none, &o), ERR_INVAL);
    decision_outcome_cleanup(&o);
    assert_string_equal(unit_of(st, PRINCIPAL, unit), "S1");
    /* The approval lets the principal's move pass, and is kept. */
    struct tenang_izin ok = {"100.2.2.6/1/OTDA", date_from_ymd(2026, 11, 30),
                             izin_pdf, sizeof(izin_pdf) - 1};
    assert_int_equal(approve(st, NULL, 0, &ok, &o), ERR_OK);
    decision_outcome_cleanup(&o);
    assert_string_equal(unit_of(st, PRINCIPAL, unit), "S2");
    struct store_izin z;
    struct buf pdf;
    buf_init(&pdf, 0);
    assert_int_equal(store_izin_get(st, "r", &z, &pdf), ERR_OK);
    assert_string_equal(z.nomor, "100.2.2.6/1/OTDA");
    assert_string_equal(z.tanggal, "2026-11-30");
    assert_string_equal(z.keputusan, "2026-12-01");
    assert_string_equal(z.masa_label, "Pilkada Uji");
    assert_string_equal(z.oleh, "ppk1");
    assert_non_null(strstr(z.pejabat, PRINCIPAL));
    assert_null(strstr(z.pejabat, TEACHER));
    assert_int_equal(pdf.len, sizeof(izin_pdf) - 1);
    store_izin_cleanup(&z);
    buf_cleanup(&pdf);
    int audited = 0;
    assert_int_equal(
        store_audit_each(st, "plan", "r", 100, audit_row, &audited), ERR_OK);
    assert_int_equal(audited, 1);
    /* The report to the Ministry is a PDF, registered. */
    char why[256] = "";
    FILE *f = tmpfile();
    assert_int_equal(tenang_report_write(st, "r", "ppk1", f, why, sizeof(why)),
                     ERR_OK);
    rewind(f);
    char head[5] = "";
    assert_int_equal(fread(head, 1, 4, f), 4);
    assert_string_equal(head, "%PDF");
    fclose(f);
    char sha[65];
    assert_int_equal(
        store_register_find(st, "laporan_mendagri", "r", NULL, sha), ERR_OK);
    store_close(st);
}

/* ---- The rule on a request decided alone ----------------------------- */

static enum err
decide_request(struct store *st, const char *nip,
               const struct tenang_izin *izin, char *why)
{
    struct store_request r;
    char sk[128];
    char plan[80];
    assert_int_equal(store_request_open_of(st, nip, &r), ERR_OK);
    snprintf(r.tujuan, sizeof(r.tujuan), "S2");
    assert_int_equal(store_begin(st), ERR_OK);
    enum err rc = decision_single(st, "ppk1", &r, date_from_ymd(2027, 1, 1),
                                  izin, sk, plan, why);
    if (rc == ERR_OK) {
        assert_int_equal(store_commit(st), ERR_OK);
    } else {
        store_rollback(st);
    }
    return rc;
}

static void
test_tenang_request_of_principal_needs_approval(void **state)
{
    (void)state;
    struct store *st = fresh();
    char why[512] = "";
    char unit[65];
    assert_int_equal(decide_request(st, PRINCIPAL, NULL, why), ERR_INVAL);
    assert_non_null(strstr(why, "Pilkada Uji"));
    assert_string_equal(unit_of(st, PRINCIPAL, unit), "S1");
    assert_int_equal(decide_request(st, TEACHER, NULL, why), ERR_OK);
    assert_string_equal(unit_of(st, TEACHER, unit), "S2");
    struct tenang_izin ok = {"100.2.2.6/2/OTDA", date_from_ymd(2026, 12, 1),
                             izin_pdf, sizeof(izin_pdf) - 1};
    assert_int_equal(decide_request(st, PRINCIPAL, &ok, why), ERR_OK);
    assert_string_equal(unit_of(st, PRINCIPAL, unit), "S2");
    store_close(st);
}

int
main(void)
{
    const struct CMUnitTest parser[] = {
        cmocka_unit_test(test_tenang_parse_periods_and_normal_form),
        cmocka_unit_test(test_tenang_parse_refuses_bad_periods),
        cmocka_unit_test(test_tenang_officials_and_working_days),
    };
    const struct CMUnitTest rule[] = {
        cmocka_unit_test(test_tenang_refuses_principal_lets_teacher_through),
        cmocka_unit_test(test_tenang_day_after_period_needs_nothing),
        cmocka_unit_test(test_tenang_approval_checked_then_recorded),
        cmocka_unit_test(test_tenang_request_of_principal_needs_approval),
    };
    int failed = cmocka_run_group_tests(parser, NULL, NULL);
    return failed + cmocka_run_group_tests(rule, setup, teardown);
}
