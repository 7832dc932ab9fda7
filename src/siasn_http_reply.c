/* SPDX-License-Identifier: MIT */
/* siasn_http_reply: the parts of siasn_http.h that need no libcurl (io
 * layer): the answer's buffer and form escaping, in the program itself so
 * that they never wait for the http module (module.h). */
#include "siasn_http.h"

void
siasn_http_reply_init(struct siasn_http_reply *r)
{
    r->status = 0;
    buf_init(&r->body, SIASN_HTTP_MAX_BODY);
    r->error[0] = '\0';
}

void
siasn_http_reply_cleanup(struct siasn_http_reply *r)
{
    buf_cleanup(&r->body);
}

enum err
siasn_http_form_escape(const char *s, struct buf *out)
{
    static const char hex[] = "0123456789ABCDEF";
    enum err rc = ERR_OK;
    for (const unsigned char *p = (const unsigned char *)s;
         *p != '\0' && rc == ERR_OK; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.' ||
            *p == '~') {
            rc = buf_add(out, p, 1);
        } else {
            char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            rc = buf_add(out, e, 3);
        }
    }
    return rc;
}
