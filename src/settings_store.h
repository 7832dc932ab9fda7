/* SPDX-License-Identifier: MIT */
/* settings_store: the settings in force, read from a store (service
 * layer): the one place that turns the stored values and the defaults of
 * settings.h into the typed struct settings every computation reads. */
#ifndef MUTASI_SETTINGS_STORE_H
#define MUTASI_SETTINGS_STORE_H

#include "err.h"

struct settings;
struct store;
struct json_obj;

/* Load the settings in force from 'st' into '*out': the stored value of
 * each key, its default where none is stored (a damaged stored value also
 * keeps the default). ERR_DB (text in store_errmsg()). */
MUST_USE enum err settings_store_load(struct store *st, struct settings *out);

/* Every setting as {"key", "type" (int, decimal, word, text), "default",
 * "min", "max" (numbers; null for words and texts), "words" (or null),
 * "help", "value" (in force)}, in "rows" of 'o', so that a client reads
 * defaults and ranges instead of copying them. */
MUST_USE enum err settings_store_schema(struct store *st, struct json_obj *o);

#endif
