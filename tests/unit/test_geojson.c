/* SPDX-License-Identifier: MIT */
/* The boundaries of the map: the GeoJSON reader (every malformed input
 * named by line and column), the import into a real SQLite file (all or
 * nothing, a new file replaces the old one) and the schema version. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_fixture.c"
#include "diag.h"
#include "geojson.h"
#include "import_batas.h"
#include "json.h"
#include "store.h"

#define RING "[[[116.1,-8.6],[116.2,-8.6],[116.2,-8.5],[116.1,-8.6]]]"
#define FEATURE(props, geom)                                       \
    "{\"type\":\"Feature\",\"properties\":" props ",\"geometry\":" \
    "" geom "}"
#define KEL(kode) \
    "{\"kode\":\"" kode "\",\"nama\":\"Ampenan\",\"kecamatan_kode\":\"K1\"}"
#define POLY "{\"type\":\"Polygon\",\"coordinates\":" RING "}"
#define FC(features) \
    "{\"type\":\"FeatureCollection\",\"features\":[" features "]}"

/* Read 'text'; the first message into 'msg'. */
static enum err
read_text(const char *text, struct geojson_set *set, char *msg, size_t len)
{
    struct diag d;
    diag_init(&d, 10);
    enum err rc = geojson_read(text, strlen(text), "b.geojson", &d, set);
    snprintf(msg, len, "%s", d.n_lines ? d.lines[0] : "");
    diag_cleanup(&d);
    return rc;
}

static void
test_geojson_reads_polygons_and_multipolygons(void **state)
{
    (void)state;
    struct geojson_set set;
    char msg[256];
    const char *text = FC(FEATURE(KEL("K1.1"), POLY) ",\n" FEATURE(
        "{\"kode\":\"K1\",\"nama\":\"Kec \\u00c9\",\"jenis\":\"kecamatan\"}",
        "{\"type\":\"MultiPolygon\",\"coordinates\":[" RING "," RING "]}"));
    assert_int_equal(read_text(text, &set, msg, sizeof(msg)), ERR_OK);
    assert_int_equal(set.n, 2);
    assert_string_equal(set.items[0].kode, "K1.1");
    assert_string_equal(set.items[0].jenis, "kelurahan");
    assert_string_equal(set.items[0].kecamatan_kode, "K1");
    assert_null(set.items[0].kecamatan);
    assert_string_equal(set.items[0].geometri,
                        "{\"type\":\"Polygon\",\"coordinates\":[[[116.1,-8.6],"
                        "[116.2,-8.6],[116.2,-8.5],[116.1,-8.6]]]}");
    assert_int_equal(set.items[0].n_titik, 4);
    assert_string_equal(set.items[1].jenis, "kecamatan");
    assert_string_equal(set.items[1].nama, "Kec \xc3\x89");
    assert_null(set.items[1].kecamatan_kode);
    assert_int_equal(set.items[1].n_titik, 8);
    geojson_set_free(&set);
}

/* Each bad input: a syntax error is named by its line and column in the
 * text (jansson's); a content error by the feature's number as LINE
 * (1 for the collection), COLUMN 1 and the path of the value. */
static void
test_geojson_malformed_inputs_are_named(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *want; /* Start of the first message. */
    } cases[] = {
        {"", "b.geojson:1:1: "},
        {"{\"type\":\"FeatureCollection\",\n \"features\": [1,]}",
         "b.geojson:2:17: "},
        {"{\"a\":\"\x01\"}", "b.geojson:1:6: "},
        {"{\"a\":\"\xff\"}", "b.geojson:1:6: "},
        {"{\"a\":\"\\ud800\"}", "b.geojson:1:"},
        {"{\"a\":01}", "b.geojson:1:6: "},
        {"{\"a\":1} x", "b.geojson:1:9: "},
        {"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
         "]]]]]]]]]]]]",
         "b.geojson:1:"},
        {"{\"type\":\"Feature\"}", "b.geojson:1:1: "},
        {"{\"type\":\"FeatureCollection\",\"features\":[]}",
         "b.geojson:1:1: features: "},
        /* A ring not closed: at its last position. */
        {FC("\n" FEATURE(KEL("a"), "{\"type\":\"Polygon\",\"coordinates\":"
                                   "[[[1,2],[3,4],[5,6],[1,2.5]]]}")),
         "b.geojson:1:1: features[0].geometry.coordinates[0][3]: "},
        /* Latitude first: longitude out of range. */
        {FC(FEATURE(KEL("a"), "{\"type\":\"Polygon\",\"coordinates\":"
                              "[[[-8.6,116.1],[-8.6,116.2],[-8.5,116.2],"
                              "[-8.6,116.1]]]}")),
         "b.geojson:1:1: features[0].geometry.coordinates[0][0][1]: "},
        {FC(FEATURE(KEL("a"), "{\"type\":\"Point\",\"coordinates\":[1,2]}")),
         "b.geojson:1:"},
        {FC(FEATURE(KEL("a"), "{\"type\":\"Polygon\",\"coordinates\":"
                              "[[[1,2],[3,4],[1,2]]]}")),
         "b.geojson:1:"},
        {FC(FEATURE(KEL("a"), "{\"type\":\"Polygon\",\"coordinates\":"
                              "[[[1,\"2\"],[3,4],[5,6],[1,2]]]}")),
         "b.geojson:1:"},
        {FC(FEATURE("{\"nama\":\"x\",\"kecamatan_kode\":\"k\"}", POLY)),
         "b.geojson:1:"},
        {FC(FEATURE("{\"kode\":\"x\",\"nama\":\"x\"}", POLY)), "b.geojson:1:"},
        {FC(FEATURE("{\"kode\":\"x\",\"nama\":\"x\",\"jenis\":\"desa\"}",
                    POLY)),
         "b.geojson:1:"},
        {FC(FEATURE(KEL("a"), POLY) "," FEATURE(KEL("a"), POLY)),
         "b.geojson:2:1: features[1].properties.kode: "},
        {FC(FEATURE(KEL("a"), "{\"type\":\"Polygon\",\"coordinates\":"
                              "[[[1e999,2],[3,4],[5,6],[1e999,2]]]}")),
         "b.geojson:1:"},
    };
    int n_bad = 0;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct geojson_set set;
        char msg[512];
        enum err rc = read_text(cases[i].text, &set, msg, sizeof(msg));
        if (rc != ERR_INVAL ||
            strncmp(msg, cases[i].want, strlen(cases[i].want)) != 0) {
            print_error("case %zu: rc %d, message '%s', want '%s'\n", i,
                        (int)rc, msg, cases[i].want);
            n_bad++;
        }
        assert_int_equal(set.n, 0);
    }
    assert_int_equal(n_bad, 0);
}

/* The JSON document reader under it (json.h over jansson). */
static void
test_json_doc_reads_values_and_refuses_bad_text(void **state)
{
    (void)state;
    struct json_doc *doc = NULL;
    struct json_where w;
    const char text[] = "\xef\xbb\xbf{\"a\": [1, 2.5, \"x\", null, true],"
                        " \"b\": {\"c\": 12345678901234567890}}";
    assert_int_equal(json_doc_parse(text, strlen(text), &doc, &w), ERR_OK);
    const struct json_val *root = json_doc_root(doc);
    assert_int_equal(json_val_kind(root), JSON_K_OBJECT);
    assert_int_equal(json_val_len(root), 2);
    const struct json_val *a = json_val_member(root, "a");
    assert_int_equal(json_val_kind(a), JSON_K_ARRAY);
    assert_int_equal(json_val_len(a), 5);
    assert_true(json_val_number(json_val_at(a, 1)) == 2.5);
    assert_string_equal(json_val_string(json_val_at(a, 2)), "x");
    assert_null(json_val_string(json_val_at(a, 0)));
    assert_int_equal(json_val_kind(json_val_at(a, 3)), JSON_K_NULL);
    assert_int_equal(json_val_kind(json_val_at(a, 4)), JSON_K_BOOL);
    assert_null(json_val_at(a, 5));
    assert_null(json_val_member(a, "a"));
    assert_null(json_val_member(NULL, "a"));
    /* An integer past 64 bits is read as a number, not refused. */
    const struct json_val *c = json_val_member(json_val_member(root, "b"), "c");
    assert_int_equal(json_val_kind(c), JSON_K_NUMBER);
    assert_true(json_val_number(c) > 1e19);
    json_doc_destroy(doc);
    /* A key twice in one object, and broken text, are refused. */
    const char twice[] = "{\"a\": 1,\n \"a\": 2}";
    assert_int_equal(json_doc_parse(twice, strlen(twice), &doc, &w), ERR_INVAL);
    assert_int_equal(w.line, 2);
    const char broken[] = "[1, 2";
    assert_int_equal(json_doc_parse(broken, strlen(broken), &doc, &w),
                     ERR_INVAL);
    assert_true(w.text[0] != '\0');
}

static struct test_db tdb;
static const char *db;

static int
setup(void **state)
{
    (void)state;
    test_db_make(&tdb, "b.db");
    db = tdb.target;
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    test_db_drop(&tdb);
    return 0;
}

static enum err
count_row(void *ctx, const struct store_batas *b)
{
    (void)b;
    (*(long *)ctx)++;
    return ERR_OK;
}

static long
n_stored(struct store *st)
{
    long n = 0;
    assert_int_equal(store_batas_each(st, count_row, &n), ERR_OK);
    return n;
}

/* Schema 9 holds the boundaries; an import replaces them all, a bad file
 * changes nothing. */
static void
test_import_batas_all_or_nothing(void **state)
{
    (void)state;
    struct store *st = NULL;
    int from = -1;
    int v = 0;
    struct diag d;
    struct import_batas_stats s;
    assert_int_equal(store_open(db, true, &st), ERR_OK);
    assert_int_equal(store_migrate(st, &from), ERR_OK);
    assert_int_equal(from, 0);
    assert_int_equal(store_schema_version(st, &v), ERR_OK);
    assert_int_equal(v, STORE_SCHEMA_VERSION);
    assert_int_equal(store_check_schema(st), ERR_OK);
    assert_int_equal(n_stored(st), 0);
    diag_init(&d, 10);
    const char *two = FC(FEATURE(KEL("a"), POLY) "," FEATURE(KEL("b"), POLY));
    assert_int_equal(
        import_batas_text(st, two, strlen(two), "t", "test", &d, &s), ERR_OK);
    assert_int_equal(s.n_kelurahan, 2);
    assert_int_equal(n_stored(st), 2);
    const char *bad = FC(FEATURE(KEL("c"), POLY) "," FEATURE(KEL("c"), POLY));
    assert_int_equal(
        import_batas_text(st, bad, strlen(bad), "t", "test", &d, &s),
        ERR_INVAL);
    assert_int_equal(n_stored(st), 2);
    const char *one = FC(FEATURE(KEL("z"), POLY));
    assert_int_equal(
        import_batas_text(st, one, strlen(one), "t", "test", &d, &s), ERR_OK);
    assert_int_equal(n_stored(st), 1);
    diag_cleanup(&d);
    diag_init(&d, 10);
    assert_int_equal(
        import_batas_file(st, "/nonexistent/x.geojson", "test", &d, &s),
        ERR_NOINPUT);
    assert_int_equal(import_batas_file(st,
                                       "data/mataram/kelurahan_batas.geojson",
                                       "test", &d, &s),
                     ERR_OK);
    assert_int_equal(s.n_kelurahan, 50);
    assert_int_equal(n_stored(st), 50);
    diag_cleanup(&d);
    /* A second migrate finds the current version and changes nothing. */
    assert_int_equal(store_migrate(st, &from), ERR_OK);
    assert_int_equal(from, STORE_SCHEMA_VERSION);
    store_close(st);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_doc_reads_values_and_refuses_bad_text),
        cmocka_unit_test(test_geojson_reads_polygons_and_multipolygons),
        cmocka_unit_test(test_geojson_malformed_inputs_are_named),
        cmocka_unit_test(test_import_batas_all_or_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
