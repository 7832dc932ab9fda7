/* SPDX-License-Identifier: MIT */
/* GET /api/batas over a real server: staff only, an empty collection
 * before any import, the Mataram kelurahan after one: the server's cached
 * answer is renewed when the boundaries change. */
#include "web_fixture.c"

#include <time.h>

#include "import_batas.h"

static void
test_web_batas_answers_geojson(void **state)
{
    (void)state;
    struct client c;
    client_init(&c);
    assert_int_equal(call(&c, "GET", "/api/batas", NULL, false), 401);
    assert_int_equal(login(&c, "guru", PASSWORD), 200);
    assert_int_equal(call(&c, "GET", "/api/batas", NULL, false), 200);
    struct json_obj *o = body_json(&c);
    char text[64];
    assert_true(json_obj_text(o, "type", text, sizeof(text)));
    assert_string_equal(text, "FeatureCollection");
    assert_int_equal(json_obj_len(o, "features"), 0);
    json_obj_destroy(o);

    struct store *st = NULL;
    struct diag d;
    struct import_batas_stats s;
    diag_init(&d, 10);
    assert_int_equal(store_open(fx.db, false, &st), ERR_OK);
    assert_int_equal(import_batas_file(st,
                                       "data/mataram/kelurahan_batas.geojson",
                                       "test", &d, &s),
                     ERR_OK);
    store_close(st);
    diag_cleanup(&d);

    /* Another process's change reaches the server's cache within the
     * watchdog's interval (50 ms; two seconds is the test's bound). */
    for (int i = 0; i < 200; i++) {
        assert_int_equal(call(&c, "GET", "/api/batas", NULL, false), 200);
        if (strstr(buf_str(&c.body), "52.71.01.1004") != NULL) {
            break;
        }
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    o = body_json(&c);
    assert_int_equal(json_obj_len(o, "features"), 50);
    struct json_obj *f = json_obj_item(o, "features", 0);
    assert_non_null(f);
    assert_true(json_obj_text(f, "properties.kode", text, sizeof(text)));
    assert_string_equal(text, "52.71.01.1004");
    assert_true(json_obj_text(f, "geometry.type", text, sizeof(text)));
    assert_string_equal(text, "Polygon");
    json_obj_destroy(f);
    json_obj_destroy(o);
    assert_non_null(strstr(buf_str(&c.body), "[116.080514,-8.57671]"));
    /* An admin is no staff role: the map is not theirs. */
    struct client a;
    client_init(&a);
    assert_int_equal(login(&a, "root", PASSWORD), 200);
    assert_int_equal(call(&a, "GET", "/api/batas", NULL, false), 403);
    client_cleanup(&a);
    client_cleanup(&c);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_batas_answers_geojson),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
