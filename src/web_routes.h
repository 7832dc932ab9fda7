/* SPDX-License-Identifier: MIT */
/* web_routes: the route table of the API and its dispatch (web layer):
 * matching, the session, the CSRF check, the roles allowed per route, the
 * answer cache, and the one place where error codes become HTTP statuses
 * (web_status()). What handlers share is web_reply.h and web_scope.h. */
#ifndef MUTASI_WEB_ROUTES_H
#define MUTASI_WEB_ROUTES_H

#include <stddef.h>

#include "err.h"
#include "web.h"

/* Dispatch 'r' to its route into 'out' (the web_dispatch_fn of
 * web_start()). Every error becomes its status and the JSON error body of
 * contract section 7. */
MUST_USE enum err web_routes_dispatch(const struct web_req *r,
                                      struct web_resp *out);

/* The checks of 'r' that need no body (the admit of web_start()): the
 * route, the session, the role and the CSRF token. Leaves 'out->status'
 * 0 when the request may go on, else fills the error answer. */
MUST_USE enum err web_routes_admit(const struct web_req *r,
                                   struct web_resp *out);

/* The body cap of a request: WEB_DOC_MAX for a document upload,
 * WEB_IZIN_BODY_MAX for a decision (a plan's approve, a request's action)
 * that may carry the Minister's approval as a PDF in base64, else
 * WEB_BODY_MAX (the body_cap of web_start()). */
#define WEB_DOC_MAX       ((size_t)5 << 20)
#define WEB_IZIN_BODY_MAX (WEB_DOC_MAX / 3 * 4 + ((size_t)64 << 10))
size_t web_routes_body_cap(const char *method, const char *url);

#endif
