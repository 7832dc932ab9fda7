/* SPDX-License-Identifier: MIT */
/* web_api: the handlers of the JSON API (web layer): login, logout and
 * the account; units; employees; the audit log. Each takes the call and
 * fills the answer; web_routes.c checks the session, the CSRF token and
 * the roles before, and turns errors into statuses after. */
#ifndef MUTASI_WEB_API_H
#define MUTASI_WEB_API_H

#include "err.h"
#include "web.h"
#include "web_routes.h"

MUST_USE enum err web_api_index(const struct web_call *c, struct web_resp *out);
MUST_USE enum err web_api_login(const struct web_call *c, struct web_resp *out);
MUST_USE enum err web_api_logout(const struct web_call *c,
                                 struct web_resp *out);
MUST_USE enum err web_api_me(const struct web_call *c, struct web_resp *out);
MUST_USE enum err web_api_units(const struct web_call *c, struct web_resp *out);
MUST_USE enum err web_api_unit(const struct web_call *c, struct web_resp *out);
MUST_USE enum err web_api_employees(const struct web_call *c,
                                    struct web_resp *out);
MUST_USE enum err web_api_employee(const struct web_call *c,
                                   struct web_resp *out);
MUST_USE enum err web_api_abk(const struct web_call *c, struct web_resp *out);
MUST_USE enum err web_api_audit(const struct web_call *c, struct web_resp *out);

#endif
