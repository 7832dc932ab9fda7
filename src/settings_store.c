/* SPDX-License-Identifier: MIT */
/* settings_store: the settings in force from a store (service layer). */
#include "settings_store.h"

#include <stdlib.h>

#include "json.h"
#include "settings.h"
#include "store.h"

/* The normal form of stored 'key' into 'out', or its default. */
static enum err
value_of(struct store *st, const struct setting_def *d, char *out, size_t len)
{
    char *v = NULL;
    char why[256];
    enum err rc = store_setting_get(st, d->key, &v);
    if (rc == ERR_NOTFOUND ||
        (rc == ERR_OK &&
         settings_normalize(d, v, out, len, why, sizeof(why)) != ERR_OK)) {
        /* Values were checked when set; a damaged one keeps the default. */
        rc = settings_normalize(d, d->dflt, out, len, why, sizeof(why));
    }
    free(v);
    return rc;
}

enum err
settings_store_load(struct store *st, struct settings *out)
{
    settings_defaults(out);
    for (size_t i = 0; i < settings_count(); i++) {
        const struct setting_def *d = settings_at(i);
        char norm[512];
        enum err rc = value_of(st, d, norm, sizeof(norm));
        if (rc != ERR_OK) {
            return rc;
        }
        settings_apply(out, d->key, norm);
    }
    return ERR_OK;
}

static void
set_number(struct json_obj *o, const char *key, const struct setting_def *d,
           int64_t v)
{
    if (d->type == SETTING_INT) {
        json_obj_set_int(o, key, v);
    } else if (d->type == SETTING_DECIMAL) {
        json_obj_set_fixed(o, key, v, 3);
    } else {
        json_obj_set_null(o, key);
    }
}

enum err
settings_store_schema(struct store *st, struct json_obj *o)
{
    static const char *const types[] = {"int", "decimal", "word", "text"};
    json_obj_set_empty_array(o, "rows");
    for (size_t i = 0; i < settings_count(); i++) {
        const struct setting_def *d = settings_at(i);
        char norm[512];
        enum err rc = value_of(st, d, norm, sizeof(norm));
        if (rc != ERR_OK) {
            return rc;
        }
        const char *words[16];
        int n = 0;
        while (d->words != NULL && d->words[n] != NULL && n < 16) {
            words[n] = d->words[n];
            n++;
        }
        struct json_obj *r = json_obj_create();
        json_obj_set_str(r, "key", d->key);
        json_obj_set_str(r, "type", types[d->type]);
        json_obj_set_str(r, "default", d->dflt);
        set_number(r, "min", d, d->min);
        set_number(r, "max", d, d->max);
        if (d->words != NULL) {
            json_obj_set_strs(r, "words", words, n);
        } else {
            json_obj_set_null(r, "words");
        }
        json_obj_set_str(r, "help", d->help);
        json_obj_set_str(r, "value", norm);
        json_obj_push(o, "rows", r);
    }
    return ERR_OK;
}
