/* SPDX-License-Identifier: MIT */
/* json: JSON objects built and written in insertion order (io layer), over
 * jansson; the only module that includes <jansson.h>. Numbers are exact:
 * scaled integers are written as decimals, never through binary floating
 * point noise. */
#ifndef MUTASI_JSON_H
#define MUTASI_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "err.h"

struct json_obj;

/* A new empty object; free it with json_obj_destroy(). */
struct json_obj *json_obj_create(void);
/* Free 'o'; accepts NULL. */
void json_obj_destroy(struct json_obj *o);
/* Set 'key' to the string 'v' (copied), or to null when 'v' is NULL. */
void json_obj_set_str(struct json_obj *o, const char *key, const char *v);
/* Set 'key' to the whole number 'v'. */
void json_obj_set_int(struct json_obj *o, const char *key, int64_t v);
/* Set 'key' to the number 'v' / 10^'scale', written with the fewest digits
 * that give it exactly. */
void json_obj_set_fixed(struct json_obj *o, const char *key, int64_t v,
                        int scale);
/* Set 'key' to null. */
void json_obj_set_null(struct json_obj *o, const char *key);
/* Set 'key' to true or false. */
void json_obj_set_bool(struct json_obj *o, const char *key, bool v);
/* Set 'key' to an array of the 'n' strings of 'v'. */
void json_obj_set_strs(struct json_obj *o, const char *key,
                       const char *const *v, int n);
/* Set 'key' to the array of the ';'-separated items of 'list' ([] when
 * 'list' is NULL). */
void json_obj_set_list(struct json_obj *o, const char *key, const char *list);
/* Set 'key' to the object 'child', whose ownership passes to 'o'. */
void json_obj_set_obj(struct json_obj *o, const char *key,
                      struct json_obj *child);
/* Append the object 'child' to the array 'key' of 'o' (made when absent);
 * the ownership of 'child' passes to 'o'. */
void json_obj_push(struct json_obj *o, const char *key, struct json_obj *child);
/* Set 'key' to an empty array (so that a list with no items prints []). */
void json_obj_set_empty_array(struct json_obj *o, const char *key);

/* Parse 'text' as a JSON object into a new '*out'. ERR_INVAL when it is
 * not one. */
MUST_USE enum err json_obj_parse(const char *text, struct json_obj **out);
/* The object at 'path' (keys joined by '.') in 'o', as a new handle that
 * shares the data (free it with json_obj_destroy()); NULL when absent or
 * not an object. */
struct json_obj *json_obj_get_obj(const struct json_obj *o, const char *path);
/* The number of items of the array at 'path'; 0 when none. */
size_t json_obj_len(const struct json_obj *o, const char *path);
/* Item 'i' of the array at 'path' when it is an object, as in
 * json_obj_get_obj(); NULL otherwise. */
struct json_obj *json_obj_item(const struct json_obj *o, const char *path,
                               size_t i);
/* Item 'i' of the array at 'path' when it is a string, into 'out'
 * ('out_len' bytes); false otherwise. */
bool json_obj_str_at(const struct json_obj *o, const char *path, size_t i,
                     char *out, size_t out_len);
/* True when the array at 'path' holds the string 'v'. */
bool json_obj_has_item(const struct json_obj *o, const char *path,
                       const char *v);
/* The value at 'path' as text into 'out' ('out_len' bytes): a string as it
 * is, a number as JSON writes it, true/false; false when absent or null
 * (then 'out' is ""). */
bool json_obj_text(const struct json_obj *o, const char *path, char *out,
                   size_t out_len);

/* Where a JSON text went wrong: 1-based line and column, jansson's text. */
struct json_where {
    int line;
    int column;
    char text[160];
};
/* Parse the 'len' bytes of 'text' as a list: a JSON array, or an object
 * holding one under "data" (as web services wrap it). '*out' is a new
 * object with that array at "data" (json_obj_len(o, "data"), json_obj_item
 * (o, "data", i)). ERR_INVAL, with the place in 'where', otherwise. */
MUST_USE enum err json_list_parse(const char *text, size_t len,
                                  struct json_obj **out,
                                  struct json_where *where);
/* A parsed JSON document of any shape, read through its values (for
 * files such as GeoJSON whose values are arrays of arrays of numbers).
 * Values are borrowed from the document. Numbers are read as doubles. */
struct json_doc;
struct json_val;
enum json_kind {
    JSON_K_NULL,
    JSON_K_BOOL,
    JSON_K_NUMBER,
    JSON_K_STRING,
    JSON_K_ARRAY,
    JSON_K_OBJECT
};
/* Parse the 'len' bytes of 'text' (a byte-order mark first is skipped).
 * ERR_INVAL, with the place of the syntax error in 'where', otherwise;
 * a key that appears twice in one object is an error. */
MUST_USE enum err json_doc_parse(const char *text, size_t len,
                                 struct json_doc **out,
                                 struct json_where *where);
void json_doc_destroy(struct json_doc *d);
const struct json_val *json_doc_root(const struct json_doc *d);
enum json_kind json_val_kind(const struct json_val *v);
/* The number (0 unless JSON_K_NUMBER). */
double json_val_number(const struct json_val *v);
/* The string, UTF-8 without NUL (NULL unless JSON_K_STRING). */
const char *json_val_string(const struct json_val *v);
/* The items of an array or members of an object (0 for others). */
size_t json_val_len(const struct json_val *v);
/* Item 'i' of an array, or NULL. */
const struct json_val *json_val_at(const struct json_val *v, size_t i);
/* Member 'key' of an object, or NULL (also when 'v' is NULL). */
const struct json_val *json_val_member(const struct json_val *v,
                                       const char *key);

/* As json_obj_text() for the key 'key' of 'o' itself, whatever the case of
 * its letters ("Id" finds "id" too). '*bad_type' is set when the value is
 * an object or an array (then false). */
bool json_obj_text_nocase(const struct json_obj *o, const char *key, char *out,
                          size_t out_len, bool *bad_type);

/* Append 'o' as compact JSON to 'out'. ERR_INVAL when a string is not
 * valid UTF-8. */
MUST_USE enum err json_obj_format(const struct json_obj *o, struct buf *out);
/* Write 'o' as compact JSON to 'f' as it goes, with no copy of the whole
 * text in memory (a nation's plan is tens of megabytes): ERR_IO when
 * writing fails, ERR_INVAL as json_obj_format(); on failure part of the
 * text may have been written. */
MUST_USE enum err json_obj_write(const struct json_obj *o, FILE *f);

/* True when a string of the JSON text 'text' holds a control character
 * (below 0x20, or 0x7f): newlines and tabs are allowed only under the
 * keys 'notes' (NULL-ended). The key of the first such string goes into
 * 'key' ('key_len' bytes). False when all are clean or 'text' is not
 * JSON. Arrays of strings are named by their key. */
bool json_find_control(const char *text, const char *const *notes, char *key,
                       size_t key_len);

#endif
