/* SPDX-License-Identifier: MIT */
/* web_users: the handlers of the accounts, for the admin (web layer);
 * web_routes.c checks the session, the CSRF token and the roles before a
 * handler runs. */
#ifndef MUTASI_WEB_USERS_H
#define MUTASI_WEB_USERS_H

#include "err.h"
#include "web.h"
#include "web_reply.h"

/* GET /api/users: the accounts {"rows": [{"login", "role", "nip", "unit",
 * "aktif"}]}. */
MUST_USE enum err web_api_users(const struct web_call *c, struct web_resp *out);
/* POST /api/users {"login", "password", "role", "nip", "unit"}: 201 with
 * the account; 409 when the login exists; 422 for a bad login or role, a
 * short password, an unknown NIP or unit, a pegawai without a NIP or a
 * kepala_unit without a unit. */
MUST_USE enum err web_api_user_add(const struct web_call *c,
                                   struct web_resp *out);
/* POST /api/users/{login} {"action": "disable"|"enable"|"passwd",
 * "password"}: the account after the change; 404 for no account. */
MUST_USE enum err web_api_user_change(const struct web_call *c,
                                      struct web_resp *out);

#endif
