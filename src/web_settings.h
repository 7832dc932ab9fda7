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

#endif
