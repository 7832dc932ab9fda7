/* SPDX-License-Identifier: MIT */
/* settings_store: the settings in force, read from a store (service
 * layer): the one place that turns the stored values and the defaults of
 * settings.h into the typed struct settings every computation reads. */
#ifndef MUTASI_SETTINGS_STORE_H
#define MUTASI_SETTINGS_STORE_H

#include <stddef.h>

#include "err.h"

struct settings;
struct store;
struct json_obj;

/* Load the settings in force from 'st' into '*out': the stored value of
 * each key, its default where none is stored (a damaged stored value also
 * keeps the default). ERR_DB (text in store_errmsg()). */
MUST_USE enum err settings_store_load(struct store *st, struct settings *out);

/* Every setting as {"key", "type" (int, decimal, word, text, lines,
 * image, periods), "default",
 * "min", "max" (numbers; null for words and texts), "words" (or null),
 * "help", "value" (in force)}, in "rows" of 'o', so that a client reads
 * defaults and ranges instead of copying them. */
MUST_USE enum err settings_store_schema(struct store *st, struct json_obj *o);

/* Set 'key' to 'value' for 'actor', in one transaction with its audit
 * entry (old and new value): checked and normalised (an image must be a
 * PNG, the PJ bounds must not rise from A to D); the normal form into
 * '*out' (the caller frees it). ERR_NOTFOUND for an unknown key; ERR_INVAL
 * with the reason in 'why' ('why_len' bytes); ERR_DB (store_errmsg()). */
MUST_USE enum err settings_store_set(struct store *st, const char *actor,
                                     const char *key, const char *value,
                                     char **out, char *why, size_t why_len);
/* Check the value 'b64' of an image setting: "" (none) or base64 of a
 * PNG that the PDF writer can draw. ERR_INVAL with the reason for people
 * in 'why' ('why_len' bytes). */
MUST_USE enum err settings_store_image_ok(const char *b64, char *why,
                                          size_t why_len);

#endif
