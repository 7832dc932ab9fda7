/* SPDX-License-Identifier: MIT */
/* web_audit: the handler of the audit log (web layer); web_routes.c
 * checks the session, the CSRF token and the roles before it runs. */
#ifndef MUTASI_WEB_AUDIT_H
#define MUTASI_WEB_AUDIT_H

#include "err.h"
#include "web.h"
#include "web_reply.h"

/* GET /api/audit?entity=&id=: the entries of the audit log {"rows"},
 * "before" and "after" as JSON where they parse. */
MUST_USE enum err web_api_audit(const struct web_call *c, struct web_resp *out);

#endif
