/* SPDX-License-Identifier: MIT */
/* Unit tests of the settings in force (src/settings_store.h) on a real
 * database (db_fixture.c): stored values over the defaults, a damaged stored
 * value keeps its default, and the schema the web app reads its defaults and
 * ranges from. */
#include "settings_store.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "db_fixture.c"
#include "json.h"
#include "model.h"
#include "settings.h"
#include "store.h"

static struct test_db tdb;

static struct store *
fresh(void)
{
    struct store *st = NULL;
    int from = 0;
    test_db_make(&tdb, "s.db");
    assert_int_equal(store_open(tdb.target, true, &st), ERR_OK);
    assert_int_equal(store_migrate(st, &from), ERR_OK);
    return st;
}

static void
gone(struct store *st)
{
    store_close(st);
    test_db_drop(&tdb);
}

static void
test_settings_store_load_takes_stored_over_defaults(void **state)
{
    (void)state;
    struct store *st = fresh();
    struct settings s;
    assert_int_equal(settings_store_load(st, &s), ERR_OK);
    assert_int_equal(s.wke_menit, 75000);
    assert_int_equal(s.tahap_permohonan, PERMOHONAN_DIVERIFIKASI);
    assert_int_equal(s.masa_permohonan_bulan, 12);
    assert_int_equal(store_setting_set(st, "wke_menit", "72000"), ERR_OK);
    assert_int_equal(store_setting_set(st, "tahap_permohonan", "diajukan"),
                     ERR_OK);
    /* A value damaged outside mutasi keeps the default. */
    assert_int_equal(store_setting_set(st, "pj_b", "banyak"), ERR_OK);
    assert_int_equal(settings_store_load(st, &s), ERR_OK);
    assert_int_equal(s.wke_menit, 72000);
    assert_int_equal(s.tahap_permohonan, PERMOHONAN_DIAJUKAN);
    assert_int_equal(s.pj_milli[1], 900);
    gone(st);
}

/* The row of 'key' in the schema's text. */
static struct json_obj *
row_of(const struct json_obj *o, const char *key)
{
    for (size_t i = 0; i < json_obj_len(o, "rows"); i++) {
        struct json_obj *r = json_obj_item(o, "rows", i);
        char k[64] = "";
        json_obj_text(r, "key", k, sizeof(k));
        if (strcmp(k, key) == 0) {
            return r;
        }
        json_obj_destroy(r);
    }
    return NULL;
}

static void
test_settings_store_schema_gives_defaults_ranges_and_values(void **state)
{
    (void)state;
    struct store *st = fresh();
    assert_int_equal(store_setting_set(st, "pj_b", "0.95"), ERR_OK);
    struct json_obj *o = json_obj_create();
    assert_int_equal(settings_store_schema(st, o), ERR_OK);
    assert_int_equal(json_obj_len(o, "rows"),
                     settings_count() + settings_doc_count());
    struct buf text;
    buf_init(&text, 0);
    struct json_obj *r = row_of(o, "wke_menit");
    assert_non_null(r);
    assert_int_equal(json_obj_format(r, &text), ERR_OK);
    assert_string_equal(buf_str(&text),
                        "{\"key\":\"wke_menit\",\"type\":\"int\",\"default\":"
                        "\"75000\",\"min\":1,\"max\":1000000,\"words\":null,"
                        "\"help\":\"waktu kerja efektif setahun dalam "
                        "menit\",\"value\":\"75000\"}");
    json_obj_destroy(r);
    r = row_of(o, "pj_b");
    buf_reset(&text);
    assert_int_equal(json_obj_format(r, &text), ERR_OK);
    assert_non_null(strstr(buf_str(&text), "\"type\":\"decimal\""));
    assert_non_null(strstr(buf_str(&text), "\"default\":\"0.9\""));
    assert_non_null(strstr(buf_str(&text), "\"max\":10,"));
    assert_non_null(strstr(buf_str(&text), "\"value\":\"0.95\""));
    json_obj_destroy(r);
    r = row_of(o, "tahap_permohonan");
    buf_reset(&text);
    assert_int_equal(json_obj_format(r, &text), ERR_OK);
    assert_non_null(strstr(buf_str(&text),
                           "\"words\":[\"diajukan\",\"disetujui_asal\","
                           "\"diverifikasi\"]"));
    json_obj_destroy(r);
    buf_cleanup(&text);
    json_obj_destroy(o);
    gone(st);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_settings_store_load_takes_stored_over_defaults),
        cmocka_unit_test(
            test_settings_store_schema_gives_defaults_ranges_and_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
