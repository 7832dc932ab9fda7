/* SPDX-License-Identifier: MIT */
/* json: JSON objects built and written in insertion order (io layer), over
 * jansson; the only module that includes <jansson.h>. Numbers are exact:
 * scaled integers are written as decimals, never through binary floating
 * point noise. */
#ifndef MUTASI_JSON_H
#define MUTASI_JSON_H

#include <stdbool.h>
#include <stdint.h>

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
/* Append 'o' as compact JSON to 'out'. ERR_INVAL when a string is not
 * valid UTF-8. */
MUST_USE enum err json_obj_format(const struct json_obj *o, struct buf *out);

#endif
