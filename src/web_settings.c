/* SPDX-License-Identifier: MIT */
/* web_settings: the settings over the API (web layer), so that the web
 * app reads defaults and ranges instead of copying them. */
#include "web_settings.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "mem.h"
#include "settings.h"
#include "settings_store.h"

enum err
web_settings_schema(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *o = json_obj_create();
    enum err rc = settings_store_schema(c->req->st, o);
    if (rc != ERR_OK) {
        json_obj_destroy(o);
        return rc;
    }
    return web_reply(out, o);
}

enum err
web_settings_set(const struct web_call *c, struct web_resp *out)
{
    const char *key = c->req->params[0];
    struct json_obj *in = NULL;
    char *value = xmalloc(SETTINGS_VALUE_MAX);
    char *norm = NULL;
    char why[256] = "";
    bool ok = json_obj_parse(c->req->body, &in) == ERR_OK &&
              json_obj_text(in, "value", value, SETTINGS_VALUE_MAX);
    json_obj_destroy(in);
    enum err rc = ok ? ERR_OK : ERR_USAGE;
    if (!ok) {
        web_message(out, "Kirim {\"value\"} sebagai JSON.");
    }
    rc = rc == ERR_OK ? settings_store_set(c->req->st, c->who->login, key,
                                           value, &norm, why, sizeof(why))
                      : rc;
    free(value);
    if (rc == ERR_INVAL) {
        web_message(out, why);
    }
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "key", key);
    if (settings_find(key)->type == SETTING_IMAGE) {
        json_obj_set_int(o, "value_len", (int64_t)strlen(norm));
    } else {
        json_obj_set_str(o, "value", norm);
    }
    free(norm);
    return web_reply(out, o);
}
