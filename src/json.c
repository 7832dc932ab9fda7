/* SPDX-License-Identifier: MIT */
/* json: a thin layer over jansson (io layer). Decimal numbers are built
 * from their exact text with json_real(strtod(text)) and written with 15
 * significant digits, which gives back that text for every decimal of up
 * to 15 digits. */
#include "json.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "num.h"

struct json_obj {
    json_t *obj;
};

static json_t *
checked(json_t *v)
{
    if (v == NULL) {
        abort(); /* jansson returns NULL only when out of memory here. */
    }
    return v;
}

struct json_obj *
json_obj_create(void)
{
    struct json_obj *o = xmalloc(sizeof(*o));
    o->obj = checked(json_object());
    return o;
}

void
json_obj_destroy(struct json_obj *o)
{
    if (o != NULL) {
        json_decref(o->obj);
        free(o);
    }
}

static void
set(struct json_obj *o, const char *key, json_t *v)
{
    if (json_object_set_new(o->obj, key, v) != 0) {
        abort(); /* A NULL value or key: a programmer error. */
    }
}

/* A JSON string of 'v'. Every input path checks UTF-8, but a database
 * edited by hand may hold anything: its non-ASCII bytes then become '?'
 * rather than stopping the output. */
static json_t *
string_of(const char *v)
{
    json_t *s = json_string(v);
    if (s != NULL) {
        return s;
    }
    char *copy = xstrdup(v);
    for (char *p = copy; *p != '\0'; p++) {
        if ((unsigned char)*p >= 0x80) {
            *p = '?';
        }
    }
    s = checked(json_string(copy));
    free(copy);
    return s;
}

void
json_obj_set_str(struct json_obj *o, const char *key, const char *v)
{
    set(o, key, v ? string_of(v) : json_null());
}

void
json_obj_set_int(struct json_obj *o, const char *key, int64_t v)
{
    set(o, key, checked(json_integer((json_int_t)v)));
}

void
json_obj_set_fixed(struct json_obj *o, const char *key, int64_t v, int scale)
{
    char text[32];
    int64_t pow = 1;
    for (int i = 0; i < scale; i++) {
        pow *= 10;
    }
    if (v % pow == 0) {
        json_obj_set_int(o, key, v / pow);
        return;
    }
    num_format_fixed(v, scale, text, sizeof(text));
    set(o, key, checked(json_real(strtod(text, NULL))));
}

void
json_obj_set_null(struct json_obj *o, const char *key)
{
    set(o, key, json_null());
}

void
json_obj_set_bool(struct json_obj *o, const char *key, bool v)
{
    set(o, key, json_boolean(v));
}

void
json_obj_set_strs(struct json_obj *o, const char *key, const char *const *v,
                  int n)
{
    json_t *a = checked(json_array());
    for (int i = 0; i < n; i++) {
        json_array_append_new(a, string_of(v[i]));
    }
    set(o, key, a);
}

void
json_obj_set_list(struct json_obj *o, const char *key, const char *list)
{
    json_t *a = checked(json_array());
    for (const char *p = list; p != NULL && *p != '\0';) {
        const char *semi = strchr(p, ';');
        size_t n = semi ? (size_t)(semi - p) : strlen(p);
        json_array_append_new(a, checked(json_stringn(p, n)));
        p = semi ? semi + 1 : p + n;
    }
    set(o, key, a);
}

void
json_obj_set_obj(struct json_obj *o, const char *key, struct json_obj *child)
{
    set(o, key, child->obj);
    free(child);
}

void
json_obj_push(struct json_obj *o, const char *key, struct json_obj *child)
{
    json_t *a = json_object_get(o->obj, key);
    if (!json_is_array(a)) {
        a = checked(json_array());
        set(o, key, a);
    }
    json_array_append_new(a, child->obj);
    free(child);
}

void
json_obj_set_empty_array(struct json_obj *o, const char *key)
{
    set(o, key, checked(json_array()));
}

enum err
json_obj_parse(const char *text, struct json_obj **out)
{
    json_t *v = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
    if (!json_is_object(v)) {
        json_decref(v);
        return ERR_INVAL;
    }
    struct json_obj *o = xmalloc(sizeof(*o));
    o->obj = v;
    *out = o;
    return ERR_OK;
}

enum err
json_list_parse(const char *text, size_t len, struct json_obj **out,
                struct json_where *where)
{
    json_error_t e;
    json_t *v = json_loadb(text, len, JSON_REJECT_DUPLICATES, &e);
    where->line = v == NULL ? e.line : 0;
    where->column = v == NULL ? e.column : 0;
    snprintf(where->text, sizeof(where->text), "%s", v == NULL ? e.text : "");
    if (json_is_object(v)) {
        json_t *data = json_object_get(v, "data");
        if (json_is_array(data)) {
            json_incref(data);
            json_decref(v);
            v = data;
        }
    }
    if (v != NULL && !json_is_array(v)) {
        json_decref(v);
        v = NULL;
        where->line = 1;
        where->column = 1;
        snprintf(where->text, sizeof(where->text), "%s",
                 "not a list (a JSON array, or an object with one at "
                 "\"data\")");
    }
    if (v == NULL) {
        return ERR_INVAL;
    }
    struct json_obj *o = xmalloc(sizeof(*o));
    o->obj = checked(json_object());
    json_object_set_new(o->obj, "data", v);
    *out = o;
    return ERR_OK;
}

bool
json_obj_text_nocase(const struct json_obj *o, const char *key, char *out,
                     size_t out_len, bool *bad_type)
{
    const char *k = NULL;
    json_t *v = NULL;
    *bad_type = false;
    out[0] = '\0';
    json_object_foreach(o->obj, k, v)
    {
        if (strcasecmp(k, key) == 0) {
            break;
        }
    }
    if (k == NULL || v == NULL) {
        return false;
    }
    if (json_is_object(v) || json_is_array(v)) {
        *bad_type = true;
        return false;
    }
    struct json_obj tmp = {json_object()};
    json_object_set(tmp.obj, "v", v);
    bool found = json_obj_text(&tmp, "v", out, out_len);
    json_decref(tmp.obj);
    return found;
}

/* The value at the dotted 'path' below 'v', or NULL. */
static json_t *
at_path(json_t *v, const char *path)
{
    char key[128];
    while (v != NULL && *path != '\0') {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n >= sizeof(key)) {
            return NULL;
        }
        memcpy(key, path, n);
        key[n] = '\0';
        v = json_object_get(v, key);
        path += dot ? n + 1 : n;
    }
    return v;
}

static struct json_obj *
share(json_t *v)
{
    if (!json_is_object(v)) {
        return NULL;
    }
    struct json_obj *o = xmalloc(sizeof(*o));
    o->obj = json_incref(v);
    return o;
}

struct json_obj *
json_obj_get_obj(const struct json_obj *o, const char *path)
{
    return share(at_path(o->obj, path));
}

size_t
json_obj_len(const struct json_obj *o, const char *path)
{
    json_t *a = at_path(o->obj, path);
    return json_is_array(a) ? json_array_size(a) : 0;
}

struct json_obj *
json_obj_item(const struct json_obj *o, const char *path, size_t i)
{
    return share(json_array_get(at_path(o->obj, path), i));
}

bool
json_obj_str_at(const struct json_obj *o, const char *path, size_t i, char *out,
                size_t out_len)
{
    const char *v = json_string_value(json_array_get(at_path(o->obj, path), i));
    if (v == NULL) {
        return false;
    }
    snprintf(out, out_len, "%s", v);
    return true;
}

bool
json_obj_has_item(const struct json_obj *o, const char *path, const char *v)
{
    json_t *a = at_path(o->obj, path);
    for (size_t i = 0; json_is_array(a) && i < json_array_size(a); i++) {
        const char *s = json_string_value(json_array_get(a, i));
        if (s != NULL && strcmp(s, v) == 0) {
            return true;
        }
    }
    return false;
}

/* Copy 's' into 'out' ('len' bytes); a text too long is cut before the
 * character that does not fit whole, never inside it (issue 18: a note
 * of 1 023 bytes ending in "é" was stored as broken UTF-8). */
static void
copy_cut(char *out, size_t len, const char *s)
{
    size_t n = strlen(s);
    if (n >= len) {
        n = len - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80) {
            n--; /* s[n] continues a character: cut before its start. */
        }
    }
    memcpy(out, s, n);
    out[n] = '\0';
}

bool
json_obj_text(const struct json_obj *o, const char *path, char *out,
              size_t out_len)
{
    json_t *v = at_path(o->obj, path);
    out[0] = '\0';
    if (json_is_string(v)) {
        copy_cut(out, out_len, json_string_value(v));
    } else if (json_is_integer(v)) {
        snprintf(out, out_len, "%lld", (long long)json_integer_value(v));
    } else if (json_is_real(v)) {
        char *t = json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
        snprintf(out, out_len, "%s", t ? t : "");
        free(t);
    } else if (json_is_boolean(v)) {
        snprintf(out, out_len, "%s", json_is_true(v) ? "true" : "false");
    } else {
        return false;
    }
    return true;
}

enum err
json_obj_format(const struct json_obj *o, struct buf *out)
{
    char *text = json_dumps(o->obj, JSON_COMPACT | JSON_PRESERVE_ORDER |
                                        JSON_REAL_PRECISION(15));
    if (text == NULL) {
        return ERR_INVAL;
    }
    enum err rc = buf_adds(out, text);
    free(text);
    return rc;
}

enum err
json_obj_write(const struct json_obj *o, FILE *f)
{
    if (json_dumpf(o->obj, f,
                   JSON_COMPACT | JSON_PRESERVE_ORDER |
                       JSON_REAL_PRECISION(15)) == 0) {
        return ERR_OK;
    }
    return ferror(f) ? ERR_IO : ERR_INVAL;
}

/* May the string under 'key' hold newlines and tabs? */
static bool
is_note(const char *key, const char *const *notes)
{
    for (size_t i = 0; notes != NULL && notes[i] != NULL; i++) {
        if (strcmp(key, notes[i]) == 0) {
            return true;
        }
    }
    return false;
}

static bool
has_control(const char *s, bool note)
{
    for (; *s != '\0'; s++) {
        unsigned char ch = (unsigned char)*s;
        bool ctl = ch < 0x20 || ch == 0x7f;
        if (ctl && !(note && (ch == '\n' || ch == '\t'))) {
            return true;
        }
    }
    return false;
}

#define WALK_DEPTH 16 /* Deeper values are not looked at (none of ours). */

bool
json_find_control(const char *text, const char *const *notes, char *key,
                  size_t key_len)
{
    json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
    /* An explicit stack, not recursion: the text is the client's. */
    json_t *stack[WALK_DEPTH];
    const char *names[WALK_DEPTH];
    int n = 0;
    bool found = false;
    if (root != NULL) {
        stack[n] = root;
        names[n++] = "";
    }
    while (n > 0 && !found) {
        json_t *v = stack[--n];
        const char *name = names[n];
        if (json_is_string(v)) {
            found = has_control(json_string_value(v), is_note(name, notes));
            if (found) {
                snprintf(key, key_len, "%s", name);
            }
        } else if (json_is_object(v)) {
            const char *k = NULL;
            json_t *x = NULL;
            json_object_foreach(v, k, x)
            {
                found = found || has_control(k, false);
                if (n < WALK_DEPTH) {
                    stack[n] = x;
                    names[n++] = k;
                }
            }
            if (found) {
                snprintf(key, key_len, "%s", name);
            }
        } else if (json_is_array(v)) {
            for (size_t i = 0; i < json_array_size(v) && n < WALK_DEPTH; i++) {
                stack[n] = json_array_get(v, i);
                names[n++] = name;
            }
        }
    }
    json_decref(root);
    return found;
}

/* A document is its root value; a value is the jansson value itself. */
struct json_doc {
    json_t *root;
};

enum err
json_doc_parse(const char *text, size_t len, struct json_doc **out,
               struct json_where *where)
{
    json_error_t e;
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
        text += 3;
        len -= 3;
    }
    json_t *v = json_loadb(
        text, len, JSON_REJECT_DUPLICATES | JSON_DECODE_INT_AS_REAL, &e);
    if (v == NULL) {
        where->line = e.line > 0 ? e.line : 1;
        where->column = e.column > 0 ? e.column : 1;
        snprintf(where->text, sizeof(where->text), "%s", e.text);
        return ERR_INVAL;
    }
    *out = xmalloc(sizeof(**out));
    (*out)->root = v;
    return ERR_OK;
}

void
json_doc_destroy(struct json_doc *d)
{
    if (d != NULL) {
        json_decref(d->root);
        free(d);
    }
}

const struct json_val *
json_doc_root(const struct json_doc *d)
{
    return (const struct json_val *)d->root;
}

static json_t *
jv(const struct json_val *v)
{
    return (json_t *)(uintptr_t)v;
}

enum json_kind
json_val_kind(const struct json_val *v)
{
    switch (json_typeof(jv(v))) {
    case JSON_OBJECT:
        return JSON_K_OBJECT;
    case JSON_ARRAY:
        return JSON_K_ARRAY;
    case JSON_STRING:
        return JSON_K_STRING;
    case JSON_INTEGER:
    case JSON_REAL:
        return JSON_K_NUMBER;
    case JSON_TRUE:
    case JSON_FALSE:
        return JSON_K_BOOL;
    case JSON_NULL:
    default:
        return JSON_K_NULL;
    }
}

double
json_val_number(const struct json_val *v)
{
    return json_is_number(jv(v)) ? json_number_value(jv(v)) : 0;
}

const char *
json_val_string(const struct json_val *v)
{
    return json_is_string(jv(v)) ? json_string_value(jv(v)) : NULL;
}

size_t
json_val_len(const struct json_val *v)
{
    if (json_is_array(jv(v))) {
        return json_array_size(jv(v));
    }
    return json_is_object(jv(v)) ? json_object_size(jv(v)) : 0;
}

const struct json_val *
json_val_at(const struct json_val *v, size_t i)
{
    return (const struct json_val *)json_array_get(jv(v), i);
}

const struct json_val *
json_val_member(const struct json_val *v, const char *key)
{
    return v != NULL ? (const struct json_val *)json_object_get(jv(v), key)
                     : NULL;
}
