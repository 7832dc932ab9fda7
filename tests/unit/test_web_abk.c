/* SPDX-License-Identifier: MIT */
/* Tests of the workforce analysis (ABK) of the web service against a real
 * server (web_fixture.c): its scope, the ABK with a plan's moves applied,
 * the exports for spreadsheets, workload surges, and the retirements
 * against an independent count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "date.h"
#include "json.h"
#include "model.h"
#include "store.h"

#include "web_fixture.c" /* The server, the client, setup(). */

static void
test_web_abk_keeps_to_scope(void **state)
{
    (void)state;
    struct client c;
    char v[64];
    client_init(&c);
    assert_int_equal(login(&c, "kasek", PASSWORD), 200);
    assert_int_equal(
        call(&c, "GET", "/api/abk?as_of=2026-12-01&by=unit", NULL, false), 200);
    assert_string_equal(field(&c, "as_of", v, sizeof(v)), "2026-12-01");
    assert_string_equal(field(&c, "wke_menit", v, sizeof(v)), "75000");
    /* A school head's analysis is that school's only. */
    assert_non_null(strstr(buf_str(&c.body), "\"unit\":\"50204536\""));
    assert_null(strstr(buf_str(&c.body), "50204545"));
    client_cleanup(&c);
}

/* An independent count of retirements over the data: the BUP rule of
 * domain.md section 4 written out here, applied to every employee's
 * current record. */
struct retire_check {
    char jab[32][65];
    int bup[32];
    int n_jab;
    char unit[64][65];
    char induk[64][65];
    int n_units;
    const char *from;
    const char *to;
    const char *root; /* Count only this subtree; NULL for all. */
    int first_year;
    long by_year[64];
    char opd[64][65];
    long by_opd[64];
    int n_opd;
    long total;
};

static enum err
check_jabatan(void *ctx, const struct jabatan *j)
{
    struct retire_check *x = ctx;
    bool keahlian = j->jenis == JAB_FUNGSIONAL_KEAHLIAN && j->jenjang != NULL;
    int bup = 58;
    if (j->bup > 0) {
        bup = j->bup;
    } else if (j->guru || j->jenis == JAB_JPT ||
               (keahlian && strcmp(j->jenjang, "madya") == 0)) {
        bup = 60;
    } else if (keahlian && strcmp(j->jenjang, "utama") == 0) {
        bup = 65;
    }
    assert_true(x->n_jab < 32);
    snprintf(x->jab[x->n_jab], 65, "%s", j->kode);
    x->bup[x->n_jab++] = bup;
    return ERR_OK;
}

static enum err
check_unit(void *ctx, const struct unit *u)
{
    struct retire_check *x = ctx;
    assert_true(x->n_units < 64);
    snprintf(x->unit[x->n_units], 65, "%s", u->kode);
    snprintf(x->induk[x->n_units++], 65, "%s", u->induk ? u->induk : "");
    return ERR_OK;
}

static const char *
parent_of(const struct retire_check *x, const char *kode)
{
    for (int i = 0; i < x->n_units; i++) {
        if (strcmp(x->unit[i], kode) == 0) {
            return x->induk[i];
        }
    }
    return "";
}

static void
check_note_opd(struct retire_check *x, const char *unit)
{
    const char *u = unit;
    while (parent_of(x, u)[0] != '\0' &&
           parent_of(x, parent_of(x, u))[0] != '\0') {
        u = parent_of(x, u);
    }
    for (int i = 0; i < x->n_opd; i++) {
        if (strcmp(x->opd[i], u) == 0) {
            x->by_opd[i]++;
            return;
        }
    }
    snprintf(x->opd[x->n_opd], 65, "%s", u);
    x->by_opd[x->n_opd++] = 1;
}

static enum err
check_pegawai(void *ctx, const struct pegawai *p)
{
    struct retire_check *x = ctx;
    char born[DATE_STR_LEN];
    char tmt[32];
    int bup = 58;
    for (int i = 0; i < x->n_jab; i++) {
        bup = strcmp(x->jab[i], p->jabatan) == 0 ? x->bup[i] : bup;
    }
    date_format(p->tanggal_lahir, born);
    int y = (int)strtol(born, NULL, 10);
    int m = (int)strtol(born + 5, NULL, 10);
    snprintf(tmt, sizeof(tmt), "%04d-%02d-01", m == 12 ? y + bup + 1 : y + bup,
             m == 12 ? 1 : m + 1);
    bool in = x->root == NULL;
    for (const char *u = p->unit; !in && u[0] != '\0'; u = parent_of(x, u)) {
        in = strcmp(u, x->root) == 0;
    }
    if (in && strcmp(tmt, x->from) >= 0 && strcmp(tmt, x->to) <= 0) {
        x->by_year[strtol(tmt, NULL, 10) - x->first_year]++;
        check_note_opd(x, p->unit);
        x->total++;
    }
    return ERR_OK;
}

/* "YYYY-MM-DD" of the last day of 'years' calendar years from 'from':
 * this year (from today) and the next ones, so that the chart has
 * exactly 'years' bars. */
static void
end_of_last_year(const char *from, int years, char *out)
{
    int y = (int)strtol(from, NULL, 10) + years - 1;
    assert_true(y >= 1 && y <= 9999);
    if (snprintf(out, DATE_STR_LEN, "%04d-12-31", y) != 10) {
        fail();
    }
}

/* Check the retirement answer in 'c' for 'years' years over 'root'. */
static void
check_retirements(struct client *c, int years, const char *root)
{
    struct retire_check *x = calloc(1, sizeof(*x));
    char from[32];
    char to[32];
    char want_to[DATE_STR_LEN];
    char v[64];
    char today[DATE_STR_LEN];
    time_t now = time(NULL);
    struct tm tm;
    assert_non_null(localtime_r(&now, &tm));
    strftime(today, sizeof(today), "%Y-%m-%d", &tm);
    const char *fixed = getenv("MUTASI_TODAY");
    assert_string_equal(field(c, "from", from, sizeof(from)),
                        fixed ? fixed : today);
    end_of_last_year(from, years, want_to);
    assert_string_equal(field(c, "to", to, sizeof(to)), want_to);
    struct store *st = NULL;
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    x->from = from;
    x->to = to;
    x->root = root;
    x->first_year = (int)strtol(from, NULL, 10);
    assert_int_equal(store_jabatan_each(st, check_jabatan, x), ERR_OK);
    assert_int_equal(store_unit_each(st, check_unit, x), ERR_OK);
    assert_int_equal(store_pegawai_each(st, check_pegawai, x), ERR_OK);
    store_close(st);
    struct json_obj *o = body_json(c);
    assert_int_equal(strtol(field(c, "total", v, sizeof(v)), NULL, 10),
                     x->total);
    size_t n_years = json_obj_len(o, "rows");
    assert_int_equal(n_years,
                     strtol(to, NULL, 10) - strtol(from, NULL, 10) + 1);
    for (size_t i = 0; i < n_years; i++) {
        assert_int_equal(
            strtol(item_text(o, "rows", i, "tahun", v, 64), NULL, 10),
            x->first_year + (long)i);
        assert_int_equal(
            strtol(item_text(o, "rows", i, "jumlah", v, 64), NULL, 10),
            x->by_year[i]);
    }
    assert_int_equal(json_obj_len(o, "by_opd"), x->n_opd);
    for (int k = 0; k < x->n_opd; k++) {
        bool seen = false;
        for (size_t i = 0; i < json_obj_len(o, "by_opd") && !seen; i++) {
            seen = strcmp(item_text(o, "by_opd", i, "unit", v, 64),
                          x->opd[k]) == 0;
            if (seen) {
                assert_int_equal(
                    strtol(item_text(o, "by_opd", i, "jumlah", v, 64), NULL,
                           10),
                    x->by_opd[k]);
            }
        }
        assert_true(seen);
    }
    /* The list, by TMT pensiun then NIP. */
    size_t n = json_obj_len(o, "pegawai");
    assert_int_equal(n, x->total < 500 ? x->total : 500);
    char prev[128] = "";
    for (size_t i = 0; i < n; i++) {
        char key[128];
        char nip[32];
        item_text(o, "pegawai", i, "tmt_pensiun", v, sizeof(v));
        item_text(o, "pegawai", i, "nip", nip, sizeof(nip));
        snprintf(key, sizeof(key), "%s %s", v, nip);
        assert_true(strcmp(prev, key) < 0);
        assert_true(strcmp(v, from) >= 0 && strcmp(v, to) <= 0);
        snprintf(prev, sizeof(prev), "%s", key);
    }
    json_obj_destroy(o);
    free(x);
}

static void
test_web_retirements_match_an_independent_count(void **state)
{
    (void)state;
    struct client hr, kasek, guru, root;
    client_init(&hr);
    client_init(&kasek);
    client_init(&guru);
    client_init(&root);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    assert_int_equal(login(&kasek, "kasek", PASSWORD), 200);
    assert_int_equal(login(&guru, "guru", PASSWORD), 200);
    assert_int_equal(login(&root, "root", PASSWORD), 200);
    assert_int_equal(call(&hr, "GET", "/api/retirements", NULL, false), 200);
    check_retirements(&hr, 5, NULL);
    assert_int_equal(call(&hr, "GET", "/api/retirements?years=40", NULL, false),
                     200);
    check_retirements(&hr, 40, NULL);
    char v[64];
    assert_true(strtol(field(&hr, "total", v, sizeof(v)), NULL, 10) > 20);
    assert_int_equal(call(&hr, "GET",
                          "/api/retirements?years=40&unit=5271.DIKES", NULL,
                          false),
                     200);
    check_retirements(&hr, 40, "5271.DIKES");
    /* A school head counts their school only. */
    assert_int_equal(
        call(&kasek, "GET", "/api/retirements?years=40", NULL, false), 200);
    check_retirements(&kasek, 40, "50204536");
    assert_int_equal(
        call(&kasek, "GET", "/api/retirements?unit=5271.DIKES", NULL, false),
        404);
    assert_int_equal(call(&guru, "GET", "/api/retirements", NULL, false), 403);
    assert_int_equal(call(&root, "GET", "/api/retirements", NULL, false), 403);
    static const struct {
        const char *path;
        long want;
    } bad[] = {
        {"/api/retirements?years=0", 422},
        {"/api/retirements?years=41", 422},
        {"/api/retirements?years=-3", 400},
        {"/api/retirements?years=lima", 400},
        {"/api/retirements?years=5x", 400},
        {"/api/retirements?unit=TIDAK.ADA", 404},
    };
    for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
        long got = call(&hr, "GET", bad[k].path, NULL, false);
        if (got != bad[k].want) {
            fail_msg("%s: %ld, want %ld", bad[k].path, got, bad[k].want);
        }
    }
    client_cleanup(&hr);
    client_cleanup(&kasek);
    client_cleanup(&guru);
    client_cleanup(&root);
}

/* Staff counts of one (unit, jabatan) row of an /api/abk answer. */
struct staff_row {
    char key[140]; /* "UNIT/JABATAN". */
    long n[4];     /* bezetting, _pns, _pppk, _cpns. */
};

static const char *const staff_cols[] = {"bezetting", "bezetting_pns",
                                         "bezetting_pppk", "bezetting_cpns"};

static size_t
read_staff_rows(struct client *c, struct staff_row *out, size_t cap)
{
    struct json_obj *o = body_json(c);
    size_t n = json_obj_len(o, "rows");
    char u[70];
    char j[70];
    char v[32];
    assert_true(n <= cap);
    for (size_t i = 0; i < n; i++) {
        item_text(o, "rows", i, "unit", u, sizeof(u));
        item_text(o, "rows", i, "jabatan", j, sizeof(j));
        snprintf(out[i].key, sizeof(out[i].key), "%s/%s", u, j);
        for (int k = 0; k < 4; k++) {
            out[i].n[k] = strtol(
                item_text(o, "rows", i, staff_cols[k], v, sizeof(v)), NULL, 10);
        }
    }
    json_obj_destroy(o);
    return n;
}

static struct staff_row *
staff_row_of(struct staff_row *rows, size_t *n, const char *key, bool make)
{
    for (size_t i = 0; i < *n; i++) {
        if (strcmp(rows[i].key, key) == 0) {
            return &rows[i];
        }
    }
    if (!make) {
        return NULL;
    }
    memset(&rows[*n], 0, sizeof(rows[*n]));
    snprintf(rows[*n].key, sizeof(rows[*n].key), "%s", key);
    return &rows[(*n)++];
}

/* Every row of the answer in 'c': selisih = bezetting - kebutuhan_bulat,
 * ej = kebutuhan / bezetting (to its last digit), a pj with any staff. */
static void
check_abk_rows(struct client *c)
{
    struct json_obj *o = body_json(c);
    char v[32];
    for (size_t i = 0; i < json_obj_len(o, "rows"); i++) {
        long h = strtol(item_text(o, "rows", i, "bezetting", v, 32), NULL, 10);
        if (item_text(o, "rows", i, "kebutuhan_bulat", v, 32)[0] == '\0') {
            continue;
        }
        long bulat = strtol(v, NULL, 10);
        double need = strtod(item_text(o, "rows", i, "kebutuhan", v, 32), NULL);
        assert_int_equal(
            strtol(item_text(o, "rows", i, "selisih", v, 32), NULL, 10),
            h - bulat);
        if (h > 0) {
            double ej = strtod(item_text(o, "rows", i, "ej", v, 32), NULL);
            assert_true(ej > need / (double)h - 0.0015 &&
                        ej < need / (double)h + 0.0015);
            assert_int_equal(strlen(item_text(o, "rows", i, "pj", v, 32)), 1);
        }
    }
    json_obj_destroy(o);
}

static void
test_web_abk_of_a_plan_moves_exactly_its_staff(void **state)
{
    (void)state;
    struct client hr, boss, kadis;
    char v[256];
    client_init(&hr);
    client_init(&boss);
    client_init(&kadis);
    assert_int_equal(login(&hr, "hr", PASSWORD), 200);
    assert_int_equal(login(&boss, "boss", PASSWORD), 200);
    assert_int_equal(login(&kadis, "kadis", PASSWORD), 200);
    assert_int_equal(call(&hr, "POST", "/api/plans",
                          "{\"name\":\"abk-rencana\",\"as_of\":\"2026-12-01\","
                          "\"mode\":\"combined\"}",
                          true),
                     201);
    struct json_obj *plan = body_json(&hr);
    size_t n_moves = json_obj_len(plan, "moves");
    assert_true(n_moves > 0);
    static struct staff_row want[400];
    static struct staff_row got[400];
    assert_int_equal(call(&hr, "GET", "/api/abk?as_of=2026-12-01", NULL, false),
                     200);
    size_t n_want = read_staff_rows(&hr, want, 300);
    /* The plan's moves by hand: one out of the origin, one into the
     * target, in the column of the employee's status. */
    for (size_t i = 0; i < n_moves; i++) {
        char nip[32];
        char key[140];
        char path[64];
        char u[70];
        char j[70];
        item_text(plan, "moves", i, "nip", nip, sizeof(nip));
        snprintf(path, sizeof(path), "/api/employees/%s", nip);
        assert_int_equal(call(&hr, "GET", path, NULL, false), 200);
        field(&hr, "status", v, sizeof(v));
        int col = strcmp(v, "PNS") == 0 ? 1 : strcmp(v, "PPPK") == 0 ? 2 : 3;
        snprintf(key, sizeof(key), "%s/%s",
                 item_text(plan, "moves", i, "unit_asal", u, sizeof(u)),
                 item_text(plan, "moves", i, "jabatan_asal", j, sizeof(j)));
        struct staff_row *from = staff_row_of(want, &n_want, key, false);
        assert_non_null(from);
        from->n[0]--;
        from->n[col]--;
        snprintf(key, sizeof(key), "%s/%s",
                 item_text(plan, "moves", i, "unit_tujuan", u, sizeof(u)),
                 item_text(plan, "moves", i, "jabatan_tujuan", j, sizeof(j)));
        struct staff_row *to = staff_row_of(want, &n_want, key, true);
        to->n[0]++;
        to->n[col]++;
    }
    json_obj_destroy(plan);
    /* The same query with the plan: a key of its own in the cache. */
    assert_int_equal(call(&hr, "GET",
                          "/api/abk?as_of=2026-12-01&plan=abk-rencana", NULL,
                          false),
                     200);
    assert_string_equal(field(&hr, "plan", v, sizeof(v)), "abk-rencana");
    assert_int_equal(
        strtol(field(&hr, "moves_applied", v, sizeof(v)), NULL, 10),
        (long)n_moves);
    assert_non_null(strstr(buf_str(&hr.body), "\"moves_skipped\":[]"));
    check_abk_rows(&hr);
    size_t n_got = read_staff_rows(&hr, got, 400);
    assert_int_equal(n_got, n_want);
    for (size_t i = 0; i < n_got; i++) {
        struct staff_row *w = staff_row_of(want, &n_want, got[i].key, false);
        assert_non_null(w);
        for (int k = 0; k < 4; k++) {
            if (w->n[k] != got[i].n[k]) {
                fail_msg("%s %s: %ld, want %ld", got[i].key, staff_cols[k],
                         got[i].n[k], w->n[k]);
            }
        }
    }
    /* as_of defaults to the plan's; pimpinan may read it too. */
    struct buf first;
    buf_init(&first, 0);
    assert_int_equal(buf_adds(&first, buf_str(&hr.body)), ERR_OK);
    assert_int_equal(
        call(&boss, "GET", "/api/abk?plan=abk-rencana", NULL, false), 200);
    assert_string_equal(buf_str(&boss.body), buf_str(&first));
    buf_cleanup(&first);
    assert_int_equal(
        call(&boss, "GET", "/api/abk?plan=abk-rencana&by=opd", NULL, false),
        200);
    check_abk_rows(&boss);
    assert_int_equal(
        call(&boss, "GET", "/api/abk?plan=abk-rencana&by=unit", NULL, false),
        200);
    check_abk_rows(&boss);
    /* The plain analysis is unchanged. */
    assert_int_equal(call(&hr, "GET", "/api/abk?as_of=2026-12-01", NULL, false),
                     200);
    assert_null(strstr(buf_str(&hr.body), "moves_applied"));
    assert_int_equal(
        call(&kadis, "GET", "/api/abk?plan=abk-rencana", NULL, false), 403);
    assert_int_equal(call(&hr, "GET", "/api/abk?plan=tidak-ada", NULL, false),
                     404);
    assert_int_equal(call(&hr, "GET", "/api/abk?plan=abk-rencana&as_of=kemarin",
                          NULL, false),
                     400);
    client_cleanup(&hr);
    client_cleanup(&boss);
    client_cleanup(&kadis);
}

/* The length of the array at 'path' of the last JSON body. */
static size_t
json_count(struct client *c, const char *path)
{
    struct json_obj *doc = NULL;
    assert_int_equal(json_obj_parse(buf_str(&c->body), &doc), ERR_OK);
    size_t n = json_obj_len(doc, path);
    json_obj_destroy(doc);
    return n;
}

/* The text of 'key' in the row of jabatan 'jab' of the last ABK body. */
static bool
abk_cell(struct client *c, const char *jab, const char *key, char *out,
         size_t len)
{
    struct json_obj *doc = NULL;
    bool found = false;
    assert_int_equal(json_obj_parse(buf_str(&c->body), &doc), ERR_OK);
    for (size_t i = 0; i < json_obj_len(doc, "rows") && !found; i++) {
        struct json_obj *row = json_obj_item(doc, "rows", i);
        char j[65];
        found = json_obj_text(row, "jabatan", j, sizeof(j)) &&
                strcmp(j, jab) == 0 && json_obj_text(row, key, out, len);
        json_obj_destroy(row);
    }
    json_obj_destroy(doc);
    return found;
}

#define SURGE_FMT                                                            \
    "{\"jabatan\":\"%s\",\"volume\":\"%s\",\"tugas\":\"%s\","                \
    "\"norma_menit\":\"%s\",\"berlaku_mulai\":\"%s\",\"berlaku_sampai\":\"%" \
    "s\"}"

/* The ABK for spreadsheets: ';' CSV with decimal commas in the caller's
 * scope, matching the JSON of the same analysis; the workbook for HR. */
static void
test_web_abk_exports_for_spreadsheets(void **state)
{
    (void)state;
    struct client c;
    char v[64];
    char want[96];
    client_init(&c);
    assert_int_equal(login(&c, "kasek", PASSWORD), 200);
    assert_int_equal(call(&c, "GET", "/api/abk?as_of=2026-12-01", NULL, false),
                     200);
    /* The first row's need and EJ as an Indonesian spreadsheet writes
     * them: "1,5" for 1.5. */
    char ej[64];
    struct json_obj *doc = NULL;
    assert_int_equal(json_obj_parse(buf_str(&c.body), &doc), ERR_OK);
    struct json_obj *row = json_obj_item(doc, "rows", 0);
    assert_true(json_obj_text(row, "kebutuhan", v, sizeof(v)));
    assert_true(json_obj_text(row, "ej", ej, sizeof(ej)));
    json_obj_destroy(row);
    json_obj_destroy(doc);
    snprintf(want, sizeof(want), ";%s;", v);
    for (char *p = want; *p != '\0'; p++) {
        *p = *p == '.' ? ',' : *p;
    }
    for (char *p = ej; *p != '\0'; p++) {
        *p = *p == '.' ? ',' : *p;
    }
    assert_int_equal(
        call(&c, "GET", "/api/abk/export.csv?as_of=2026-12-01", NULL, false),
        200);
    const char *csv = buf_str(&c.body);
    /* Each code has its name beside it, for people who read the file. */
    const char *head = "\xEF\xBB\xBFunit;nama_unit;jabatan;nama_jabatan;"
                       "beban_menit;";
    assert_memory_equal(csv, head, strlen(head));
    /* Only the school's rows, its first with the same need. */
    const char *line = strchr(csv, '\n') + 1;
    assert_int_equal(strncmp(line, "50204536;", 9), 0);
    assert_non_null(strstr(line, want));
    assert_non_null(strstr(line, ej));
    assert_non_null(strchr(ej, ',')); /* 0.875 in the fixture. */
    for (const char *p = line; *p != '\0'; p = strchr(p, '\n') + 1) {
        assert_int_equal(strncmp(p, "50204536;", 9), 0);
    }
    assert_int_equal(
        call(&c, "GET", "/api/abk/export.csv?by=sideways", NULL, false), 400);
    assert_int_equal(call(&c, "GET", "/api/abk/export.xlsx", NULL, false), 403);
    assert_int_equal(login(&c, "hr", PASSWORD), 200);
    assert_int_equal(call(&c, "GET", "/api/abk/export.xlsx", NULL, false), 200);
    assert_true(c.body.len > 1000);
    assert_memory_equal(c.body.data, "PK\x03\x04", 4); /* A zip. */
    assert_int_equal(call(&c, "GET", "/api/employees/export.xlsx", NULL, false),
                     200);
    assert_memory_equal(c.body.data, "PK\x03\x04", 4);
    assert_int_equal(login(&c, "kasek", PASSWORD), 200);
    assert_int_equal(call(&c, "GET", "/api/employees/export.xlsx", NULL, false),
                     403);
    client_cleanup(&c);
}

/* Surges: a school head reports one for their school in its own method,
 * BKPSDM for a puskesmas task; the ABK of the pair counts exactly what
 * was added, as a temporary need; bad values, other units and other
 * roles are refused and nothing is written. */
static void
test_web_heads_report_workload_surges(void **state)
{
    (void)state;
    struct client c;
    char v[64];
    char body[512];
    const char *from = "2026-12-01"; /* Today here (setup()). */
    const char *to = "2027-03-01";
    const char *past = "2026-11-30";
    client_init(&c);
    assert_int_equal(login(&c, "kasek", PASSWORD), 200);
    assert_int_equal(call(&c, "GET", "/api/abk?unit=50204536", NULL, false),
                     200);
    assert_true(abk_cell(&c, "GURU_KELAS_AP", "kebutuhan_bulat", v, 64));
    long need = strtol(v, NULL, 10);
    /* A rombel pair takes whole study groups. */
    snprintf(body, sizeof(body), SURGE_FMT, "GURU_KELAS_AP", "1,5", "", "",
             from, to);
    assert_int_equal(call(&c, "POST", "/api/units/50204536/surges", body, true),
                     422);
    snprintf(body, sizeof(body), SURGE_FMT, "GURU_KELAS_AP", "1", "", "", to,
             from);
    assert_int_equal(call(&c, "POST", "/api/units/50204536/surges", body, true),
                     422);
    snprintf(body, sizeof(body), SURGE_FMT, "GURU_KELAS_AP", "1", "", "", past,
             past);
    assert_int_equal(call(&c, "POST", "/api/units/50204536/surges", body, true),
                     422);
    snprintf(body, sizeof(body), SURGE_FMT, "TIDAK_ADA", "1", "", "", from, to);
    assert_int_equal(call(&c, "POST", "/api/units/50204536/surges", body, true),
                     422);
    snprintf(body, sizeof(body), SURGE_FMT, "GURU_KELAS_AP", "1", "", "", from,
             to);
    assert_int_equal(
        call(&c, "POST", "/api/units/50204536/surges", body, false), 403);
    assert_int_equal(
        call(&c, "POST", "/api/units/5271.DIKES.PKM02/surges", body, true),
        404);
    assert_int_equal(call(&c, "POST", "/api/units/50204536/surges", body, true),
                     201);
    assert_string_equal(field(&c, "metode", v, sizeof(v)), "rombel");
    assert_int_equal(call(&c, "GET", "/api/abk?unit=50204536", NULL, false),
                     200);
    assert_true(abk_cell(&c, "GURU_KELAS_AP", "kebutuhan_bulat", v, 64));
    assert_int_equal(strtol(v, NULL, 10), need + 1);
    assert_true(abk_cell(&c, "GURU_KELAS_AP", "sementara", v, 64));
    assert_string_equal(v, "1");
    assert_int_equal(call(&c, "GET", "/api/units/50204536/surges", NULL, false),
                     200);
    assert_int_equal(json_count(&c, "rows"), 1);
    /* BKPSDM: a task with its minutes at a puskesmas. */
    assert_int_equal(login(&c, "hr", PASSWORD), 200);
    assert_int_equal(
        call(&c, "GET", "/api/abk?unit=5271.DIKES.PKM02", NULL, false), 200);
    assert_true(abk_cell(&c, "PERAWAT_TRP", "beban_menit", v, 64));
    long before = strtol(v, NULL, 10);
    snprintf(body, sizeof(body), SURGE_FMT, "PERAWAT_TRP", "1200", "", "45",
             from, to);
    assert_int_equal(
        call(&c, "POST", "/api/units/5271.DIKES.PKM02/surges", body, true),
        422); /* A task needs its name. */
    snprintf(body, sizeof(body), SURGE_FMT, "PERAWAT_TRP", "1200", "Pasien DBD",
             "45", from, to);
    assert_int_equal(
        call(&c, "POST", "/api/units/5271.DIKES.PKM02/surges", body, true),
        201);
    assert_int_equal(
        call(&c, "GET", "/api/abk?unit=5271.DIKES.PKM02", NULL, false), 200);
    assert_true(abk_cell(&c, "PERAWAT_TRP", "beban_menit", v, 64));
    assert_int_equal(strtol(v, NULL, 10), before + 1200 * 45);
    assert_int_equal(call(&c, "GET", "/api/audit?entity=beban", NULL, false),
                     200);
    assert_int_equal(json_count(&c, "rows"), 2);
    assert_int_equal(login(&c, "guru", PASSWORD), 200);
    assert_int_equal(call(&c, "GET", "/api/units/50204536/surges", NULL, false),
                     403);
    client_cleanup(&c);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_abk_keeps_to_scope),
        cmocka_unit_test(test_web_retirements_match_an_independent_count),
        cmocka_unit_test(test_web_abk_of_a_plan_moves_exactly_its_staff),
        cmocka_unit_test(test_web_abk_exports_for_spreadsheets),
        cmocka_unit_test(test_web_heads_report_workload_surges),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
