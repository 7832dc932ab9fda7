/* SPDX-License-Identifier: MIT */
/* web_reply: the answers of the handlers (web layer): a JSON body, a file
 * written to a stream, the message of an error. */
#include "web_reply.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"

void
web_message(struct web_resp *out, const char *message)
{
    buf_reset(&out->body);
    if (buf_adds(&out->body, message) != ERR_OK) {
        buf_reset(&out->body);
    }
}

void
web_error_nips(struct web_resp *out, const char *const *nips, size_t n)
{
    size_t len = 0;
    out->nips[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(nips[i]);
        if (len + k + 2 > sizeof(out->nips)) {
            break; /* The message still counts them all. */
        }
        if (len > 0) {
            out->nips[len++] = ',';
        }
        memcpy(out->nips + len, nips[i], k + 1);
        len += k;
    }
}

enum err
web_reply(struct web_resp *out, struct json_obj *o)
{
    buf_reset(&out->body);
    enum err rc = json_obj_format(o, &out->body);
    json_obj_destroy(o);
    out->status = 200;
    return rc;
}

enum err
web_reply_file(struct web_resp *out, enum err (*write)(void *ctx, FILE *f),
               void *ctx, const char *type)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    if (f == NULL) {
        return ERR_IO;
    }
    enum err rc = write(ctx, f);
    if (fclose(f) != 0 && rc == ERR_OK) {
        rc = ERR_IO;
    }
    if (rc == ERR_OK) {
        buf_reset(&out->body);
        rc = buf_add(&out->body, data, len);
        out->content_type = type;
        out->status = 200;
    }
    free(data);
    return rc;
}
