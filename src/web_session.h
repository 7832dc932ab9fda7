/* SPDX-License-Identifier: MIT */
/* web_session: the handlers of login, logout and the caller's own
 * account (web layer); web_routes.c checks the session, the CSRF token
 * and the roles before a handler runs. */
#ifndef MUTASI_WEB_SESSION_H
#define MUTASI_WEB_SESSION_H

#include "err.h"
#include "web.h"
#include "web_reply.h"

/* POST /api/login {"login", "password"}: the account as for /api/me and
 * the session cookie; 401 for a wrong login or password, 429 after too
 * many failures (setting login_maks). */
MUST_USE enum err web_api_login(const struct web_call *c, struct web_resp *out);
/* POST /api/logout: ends the session and clears the cookie. */
MUST_USE enum err web_api_logout(const struct web_call *c,
                                 struct web_resp *out);
/* GET /api/me: the caller's account and CSRF token. */
MUST_USE enum err web_api_me(const struct web_call *c, struct web_resp *out);
/* GET /api/health (no session, never cached): 200 {"status": "ok",
 * "schema": N, "node": "HOST:PORT"} while this server reaches its
 * database with the schema it needs; 503 otherwise. For load balancers'
 * checks: a server whose database went away leaves the rotation. */
MUST_USE enum err web_api_health(const struct web_call *c,
                                 struct web_resp *out);

#endif
