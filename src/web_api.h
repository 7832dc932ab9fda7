/* SPDX-License-Identifier: MIT */
/* web_api: the handlers of the JSON API (web layer): login, logout and
 * the account; units, positions and employees; the workload analysis and
 * retirements; the audit log; accounts for the admin. Each takes the call and
 * fills the answer; web_routes.c checks the session, the CSRF token and
 * the roles before, and turns errors into statuses after. */
#ifndef MUTASI_WEB_API_H
#define MUTASI_WEB_API_H

#include "err.h"
#include "web.h"
#include "web_reply.h"

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
/* GET /api/abk?unit=&by=&as_of=[&plan=NAME]: with a plan (bkpsdm and
 * pimpinan only; 404 when unknown), the analysis after all its moves,
 * as_of defaulting to the plan's, with "plan", "moves_applied" and
 * "moves_skipped" (employees no longer in post where the plan found
 * them). */
MUST_USE enum err web_api_abk(const struct web_call *c, struct web_resp *out);
/* GET /api/abk/export.csv: the ABK rows as ';' CSV (id-ID decimals). */
MUST_USE enum err web_api_abk_csv(const struct web_call *c,
                                  struct web_resp *out);
/* GET /api/employees/export.xlsx: the nominative list as a workbook. */
MUST_USE enum err web_api_employees_xlsx(const struct web_call *c,
                                         struct web_resp *out);
/* GET /api/abk/export.xlsx: the whole ABK by jabatan as a workbook. */
MUST_USE enum err web_api_abk_xlsx(const struct web_call *c,
                                   struct web_resp *out);
/* GET /api/retirements?unit=&years= (1..40, default 5): {"from", "to",
 * "rows" (a count per calendar year), "by_opd" (per unit directly under
 * the root, those with any), "pegawai" (the first 500 by TMT pensiun,
 * then NIP), "total"}, by the rule of 'mutasi retirements'. */
MUST_USE enum err web_api_retirements(const struct web_call *c,
                                      struct web_resp *out);
/* GET /api/jabatan: every position {"rows"} (the CSV columns). */
MUST_USE enum err web_api_jabatan(const struct web_call *c,
                                  struct web_resp *out);
MUST_USE enum err web_api_audit(const struct web_call *c, struct web_resp *out);
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
