/* SPDX-License-Identifier: MIT */
/* web_tenang: election periods over the API (web layer); the rules are
 * tenang.c's. */
#include "web_tenang.h"

#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "date.h"
#include "json.h"
#include "mem.h"
#include "web_routes.h"

enum err
web_tenang_izin_parse(const struct json_obj *in, struct web_tenang_izin *out,
                      struct web_resp *resp)
{
    memset(out, 0, sizeof(*out));
    out->izin.tanggal = DATE_NONE;
    struct json_obj *z = json_obj_get_obj(in, "persetujuan_mendagri");
    if (z == NULL) {
        return ERR_OK;
    }
    char day[16] = "";
    char *b64 = xmalloc(WEB_IZIN_BODY_MAX);
    size_t len = 0;
    out->given = true;
    json_obj_text(z, "nomor", out->nomor, sizeof(out->nomor));
    enum err rc = ERR_OK;
    if (json_obj_text(z, "tanggal", day, sizeof(day)) &&
        date_parse(day, strlen(day), &out->izin.tanggal) != ERR_OK) {
        web_message(resp, "Tanggal persetujuan Mendagri harus YYYY-MM-DD.");
        rc = ERR_INVAL;
    }
    if (rc == ERR_OK && json_obj_text(z, "berkas", b64, WEB_IZIN_BODY_MAX) &&
        auth_base64_decode(b64, &out->pdf, &len) != ERR_OK) {
        web_message(resp, "Berkas persetujuan Mendagri harus PDF dalam "
                          "base64.");
        rc = ERR_INVAL;
    }
    json_obj_destroy(z);
    free(b64);
    out->izin.nomor = out->nomor;
    out->izin.pdf = out->pdf;
    out->izin.pdf_len = len;
    return rc;
}

void
web_tenang_izin_cleanup(struct web_tenang_izin *z)
{
    free(z->pdf);
    z->pdf = NULL;
}

static enum err
answer(const struct web_call *c, const char *plan, struct web_resp *out)
{
    struct json_obj *o = json_obj_create();
    enum err rc = tenang_json(c->req->st, plan, o);
    if (rc != ERR_OK) {
        json_obj_destroy(o);
        return rc;
    }
    return web_reply(out, o);
}

enum err
web_tenang_get(const struct web_call *c, struct web_resp *out)
{
    return answer(c, NULL, out);
}

enum err
web_tenang_plan(const struct web_call *c, struct web_resp *out)
{
    return answer(c, c->req->params[0], out);
}

struct report_job {
    const struct web_call *c;
    char why[256];
};

static enum err
write_report(void *ctx, FILE *f)
{
    struct report_job *j = ctx;
    return tenang_report_write(j->c->req->st, j->c->req->params[0],
                               j->c->who->login, f, j->why, sizeof(j->why));
}

enum err
web_tenang_report(const struct web_call *c, struct web_resp *out)
{
    struct report_job job = {c, ""};
    enum err rc = web_reply_file(out, write_report, &job, "application/pdf");
    if (rc != ERR_OK && job.why[0] != '\0') {
        web_message(out, job.why);
    }
    return rc;
}
