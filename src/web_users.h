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
 * the account (202 with {"usulan"} for a role of HR or decision: bkpsdm,
 * tpk, ppk, admin, which waits for a second person; no password then); 409 when
 * the login exists; 422 for a bad login or role, a short password, an unknown
 * NIP or unit, a pegawai without a NIP or a kepala_unit without a unit. */
MUST_USE enum err web_api_user_add(const struct web_call *c,
                                   struct web_resp *out);
/* POST /api/users/{login} {"action": "disable"|"enable"|"passwd",
 * "password"}: the account after the change; 404 for no account. A new
 * password for, or the enabling of, an account of HR or decision is a
 * proposal (202 {"usulan"}). */
MUST_USE enum err web_api_user_change(const struct web_call *c,
                                      struct web_resp *out);

/* GET /api/account-changes: proposals waiting first, then the newest
 * {"rows": [{"id", "aksi", "login", "role", "nip", "unit", "oleh", "pada",
 * "status", "diputus_oleh", "diputus_pada", "catatan"}]} (admin,
 * bkpsdm). */
MUST_USE enum err web_api_account_changes(const struct web_call *c,
                                          struct web_resp *out);
/* POST /api/account-changes/{id}/confirm (bkpsdm, neither the proposer
 * nor the account concerned): carried out; {"usulan", "password"} with
 * the new password (shown once) for tambah and sandi. 409 when it no
 * longer waits, 403 for the proposer or the account itself. */
MUST_USE enum err web_api_account_confirm(const struct web_call *c,
                                          struct web_resp *out);
/* POST /api/account-changes/{id}/refuse {"catatan"} (bkpsdm; an admin
 * only their own proposal): {"usulan"}; 422 without a reason. */
MUST_USE enum err web_api_account_refuse(const struct web_call *c,
                                         struct web_resp *out);

#endif
