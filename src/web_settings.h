/* SPDX-License-Identifier: MIT */
/* web_settings: the settings over the API (web layer). */
#ifndef MUTASI_WEB_SETTINGS_H
#define MUTASI_WEB_SETTINGS_H

#include "err.h"
#include "web.h"
#include "web_reply.h"

/* GET /api/settings/schema: every setting with its type, default, range,
 * words, help and the value in force (settings_store_schema()). */
MUST_USE enum err web_settings_schema(const struct web_call *c,
                                      struct web_resp *out);

/* POST /api/settings/{key} {"value"}: set one setting as 'mutasi settings
 * set' does (settings_store_set(); an image as base64 of a PNG), audited
 * with the caller; answers {"key", "value"} (an image's value as its
 * length). 404 for an unknown key, 422 for a value that does not fit. */
MUST_USE enum err web_settings_set(const struct web_call *c,
                                   struct web_resp *out);

#endif
