/* SPDX-License-Identifier: MIT */
/* siasn_http: HTTP requests of the SIASN API client over libcurl (io
 * layer; the only module that includes <curl/curl.h>). Each request has a
 * connect timeout and a total timeout; redirects are not followed; the
 * answer's body is kept up to 16 MiB. */
#ifndef MUTASI_SIASN_HTTP_H
#define MUTASI_SIASN_HTTP_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "module.h"

/* The largest answer body kept. */
#define SIASN_HTTP_MAX_BODY ((size_t)16 * 1024 * 1024)

/* An answer: the HTTP status and body, or why none came. */
struct siasn_http_reply {
    long status;     /* 0 when no HTTP answer came. */
    struct buf body; /* NUL-terminated. */
    char error[256]; /* The transport error when 'status' is 0. */
};

/* One request. */
struct siasn_http_req {
    const char *method; /* "GET" or "POST". */
    const char *url;
    const char *const *headers; /* "Name: value" lines, NULL-ended; may be
                                 * NULL. */
    const char *body;           /* POST body; NULL for none. */
    size_t body_len;
    long timeout; /* Seconds for the whole request. */
};

/* Set up libcurl once for the process (call before threads start). */
MUST_USE enum err siasn_http_init(void);
/* Prepare '*r' (empty). */
void siasn_http_reply_init(struct siasn_http_reply *r);
/* Free what '*r' holds. */
void siasn_http_reply_cleanup(struct siasn_http_reply *r);
/* Send 'q' and fill 'r' (reset first). ERR_OK when an HTTP answer came,
 * whatever its status; ERR_UNAVAILABLE when none came (refused, timed
 * out, a broken answer: the reason in r->error); ERR_TOOBIG for a body
 * over the cap. */
MUST_USE enum err siasn_http_send(const struct siasn_http_req *q,
                                  struct siasn_http_reply *r);
/* Append 's' to 'out' escaped for application/x-www-form-urlencoded. */
MUST_USE enum err siasn_http_form_escape(const char *s, struct buf *out);

/* The http module's table (module.h): the two functions that need libcurl
 * (the others are in siasn_http_reply.c, in the program). */
struct siasn_http_module {
    struct module_head head;
    enum err (*init)(void);
    enum err (*send)(const struct siasn_http_req *q,
                     struct siasn_http_reply *r);
};

#endif
