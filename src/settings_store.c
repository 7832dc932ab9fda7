/* SPDX-License-Identifier: MIT */
/* settings_store: the settings in force from a store (service layer). */
#include "settings_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "diag.h"
#include "json.h"
#include "mem.h"
#include "num.h"
#include "pdf.h"
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
        char *norm = xmalloc(SETTINGS_VALUE_MAX);
        enum err rc = value_of(st, d, norm, SETTINGS_VALUE_MAX);
        if (rc == ERR_OK) {
            settings_apply(out, d->key, norm);
        }
        free(norm);
        if (rc != ERR_OK) {
            return rc;
        }
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

static enum err
schema_row(struct store *st, const struct setting_def *d, struct json_obj *o)
{
    static const char *const types[] = {"int",   "decimal", "word",   "text",
                                        "lines", "image",   "periods"};
    char *norm = xmalloc(SETTINGS_VALUE_MAX);
    enum err rc = value_of(st, d, norm, SETTINGS_VALUE_MAX);
    if (rc != ERR_OK) {
        free(norm);
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
    free(norm);
    return ERR_OK;
}

enum err
settings_store_schema(struct store *st, struct json_obj *o)
{
    enum err rc = ERR_OK;
    json_obj_set_empty_array(o, "rows");
    for (size_t i = 0; i < settings_count() && rc == ERR_OK; i++) {
        rc = schema_row(st, settings_at(i), o);
    }
    for (size_t i = 0; i < settings_doc_count() && rc == ERR_OK; i++) {
        rc = schema_row(st, settings_doc_at(i), o);
    }
    return rc;
}

enum err
settings_store_image_ok(const char *b64, char *why, size_t why_len)
{
    unsigned char *png = NULL;
    size_t len = 0;
    if (b64[0] == '\0') {
        return ERR_OK;
    }
    enum err rc = auth_base64_decode(b64, &png, &len);
    if (rc == ERR_OK && !pdf_png_ok(png, len)) {
        rc = ERR_INVAL;
    }
    if (rc != ERR_OK) {
        snprintf(why, why_len, "%s",
                 L_("bukan gambar PNG yang dapat dibaca",
                    "not a PNG image that can be read"));
    }
    free(png);
    return rc;
}

/* The value in force: stored, else the default. The caller frees it. */
static enum err
current(struct store *st, const struct setting_def *def, char **out)
{
    enum err rc = store_setting_get(st, def->key, out);
    if (rc == ERR_NOTFOUND) {
        *out = xstrdup(def->dflt);
        rc = ERR_OK;
    }
    return rc;
}

static enum err
audit_change(struct store *st, const char *actor, const char *key,
             const char *before, const char *after)
{
    struct json_obj *b = json_obj_create();
    struct json_obj *a = json_obj_create();
    struct buf bt;
    struct buf at;
    buf_init(&bt, 0);
    buf_init(&at, 0);
    json_obj_set_str(b, key, before);
    json_obj_set_str(a, key, after);
    enum err rc = json_obj_format(b, &bt);
    rc = rc == ERR_OK ? json_obj_format(a, &at) : rc;
    struct store_audit e = {actor, "settings",   key,
                            "set", buf_str(&bt), buf_str(&at)};
    rc = rc == ERR_OK ? store_audit_add(st, &e) : rc;
    json_obj_destroy(b);
    json_obj_destroy(a);
    buf_cleanup(&bt);
    buf_cleanup(&at);
    return rc;
}

/* The PJ bounds must not rise from A to D. 'key' is about to become
 * 'value'; the others are read as in force. */
static enum err
check_pj_order(struct store *st, const char *key, const char *value, char *why,
               size_t why_len)
{
    static const char *const keys[] = {"pj_a", "pj_b", "pj_c", "pj_d"};
    int64_t v[4];
    enum err rc = ERR_OK;
    for (int i = 0; i < 4 && rc == ERR_OK; i++) {
        char *text = NULL;
        if (strcmp(keys[i], key) == 0) {
            text = xstrdup(value);
        } else {
            rc = current(st, settings_find(keys[i]), &text);
        }
        if (rc == ERR_OK &&
            num_parse_fixed(text, strlen(text), 3, false, &v[i]) != NUM_OK) {
            rc = ERR_INTERNAL;
        }
        free(text);
    }
    for (int i = 1; i < 4 && rc == ERR_OK; i++) {
        if (v[i] > v[i - 1]) {
            snprintf(why, why_len,
                     L_("batas %s tidak boleh lebih besar dari %s",
                        "bound %s must not be greater than %s"),
                     keys[i], keys[i - 1]);
            rc = ERR_INVAL;
        }
    }
    return rc;
}

enum err
settings_store_set(struct store *st, const char *actor, const char *key,
                   const char *value, char **out, char *why, size_t why_len)
{
    const struct setting_def *def = settings_find(key);
    if (def == NULL) {
        return ERR_NOTFOUND;
    }
    char *norm = xmalloc(SETTINGS_VALUE_MAX);
    char *old = NULL;
    enum err rc =
        settings_normalize(def, value, norm, SETTINGS_VALUE_MAX, why, why_len);
    if (rc == ERR_OK && def->type == SETTING_IMAGE) {
        rc = settings_store_image_ok(norm, why, why_len);
    }
    rc = rc == ERR_OK ? store_begin(st) : rc;
    if (rc == ERR_OK && strncmp(key, "pj_", 3) == 0) {
        rc = check_pj_order(st, key, norm, why, why_len);
    }
    rc = rc == ERR_OK ? current(st, def, &old) : rc;
    rc = rc == ERR_OK ? store_setting_set(st, key, norm) : rc;
    rc = rc == ERR_OK ? audit_change(st, actor, key, old, norm) : rc;
    rc = rc == ERR_OK ? store_commit(st) : rc;
    if (rc != ERR_OK) {
        store_rollback(st); /* Harmless when none was begun. */
        free(norm);
        norm = NULL;
    }
    free(old);
    *out = norm;
    return rc;
}
