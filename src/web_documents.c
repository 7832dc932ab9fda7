/* SPDX-License-Identifier: MIT */
/* web_documents: the register of documents over the API (web layer). */
#include "web_documents.h"

#include "docreg.h"
#include "json.h"
#include "xlsx_export.h"

enum err
web_documents_register(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *o = json_obj_create();
    enum err rc = docreg_json(c->req->st, o);
    if (rc != ERR_OK) {
        json_obj_destroy(o);
        return rc;
    }
    return web_reply(out, o);
}

static enum err
write_register_xlsx(void *ctx, FILE *f)
{
    return xlsx_export_register(ctx, f);
}

enum err
web_documents_register_xlsx(const struct web_call *c, struct web_resp *out)
{
    return web_reply_file(out, write_register_xlsx, c->req->st, WEB_XLSX_TYPE);
}
