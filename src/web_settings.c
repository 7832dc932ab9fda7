/* SPDX-License-Identifier: MIT */
/* web_settings: the settings over the API (web layer), so that the web
 * app reads defaults and ranges instead of copying them. */
#include "web_settings.h"

#include "json.h"
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
