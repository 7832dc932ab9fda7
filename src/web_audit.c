/* SPDX-License-Identifier: MIT */
/* web_audit: the audit log as JSON (web layer). */
#include "web_audit.h"

#include "json.h"
#include "store.h"

/* A stored JSON text as a value: the object when it parses, else the
 * text (the log keeps whatever was written). */
static void
set_json_text(struct json_obj *o, const char *key, const char *text)
{
    struct json_obj *v = NULL;
    if (text != NULL && json_obj_parse(text, &v) == ERR_OK) {
        json_obj_set_obj(o, key, v);
    } else {
        json_obj_set_str(o, key, text);
    }
}

static enum err
audit_row(void *ctx, const struct store_audit *a, const char *at)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "at", at);
    json_obj_set_str(o, "actor", a->actor);
    json_obj_set_str(o, "entity", a->entity);
    json_obj_set_str(o, "entity_id", a->entity_id);
    json_obj_set_str(o, "action", a->action);
    set_json_text(o, "before", a->before);
    set_json_text(o, "after", a->after);
    json_obj_push(ctx, "rows", o);
    return ERR_OK;
}

enum err
web_api_audit(const struct web_call *c, struct web_resp *out)
{
    const char *entity = web_query(c->req, "entity");
    const char *id = web_query(c->req, "id");
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc =
        store_audit_each(c->req->st, entity, id, 10000, audit_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}
