/* SPDX-License-Identifier: MIT */
/* web_units: the handlers of units, employees and positions, and the
 * nominative list as a workbook (web layer); web_routes.c checks the
 * session, the CSRF token and the roles before a handler runs. */
#ifndef MUTASI_WEB_UNITS_H
#define MUTASI_WEB_UNITS_H

#include "err.h"
#include "web.h"
#include "web_reply.h"

/* GET /api/units: every unit {"rows"}. */
MUST_USE enum err web_api_units(const struct web_call *c, struct web_resp *out);
/* GET /api/units/{kode}: the unit, with its last moves in and out
 * ("riwayat") when the caller may see its staff. */
MUST_USE enum err web_api_unit(const struct web_call *c, struct web_resp *out);
/* PATCH /api/units/{kode} {"lat", "lon"}: set the unit's coordinates
 * (BKPSDM, admin; audited); answers the unit. */
MUST_USE enum err web_api_unit_lokasi(const struct web_call *c,
                                      struct web_resp *out);
/* GET /api/siasn/rekonsiliasi: the reconciliation of the last SIASN
 * import {"waktu", "oleh", "jumlah", "rows", ...}; 404 when there was
 * none. */
MUST_USE enum err web_api_siasn_recon(const struct web_call *c,
                                      struct web_resp *out);
/* GET /api/employees?unit=&q=&page=: a page of the employees in the
 * caller's scope {"rows", "page", "per_page", "total"}; a pegawai gets
 * only themselves. */
MUST_USE enum err web_api_employees(const struct web_call *c,
                                    struct web_resp *out);
/* GET /api/employees/{nip}: the employee with the names of their unit
 * and position and their history; 404 outside the caller's scope. */
MUST_USE enum err web_api_employee(const struct web_call *c,
                                   struct web_resp *out);
/* GET /api/employees/export.xlsx: the nominative list as a workbook. */
MUST_USE enum err web_api_employees_xlsx(const struct web_call *c,
                                         struct web_resp *out);
/* GET /api/jabatan: every position {"rows"} (the CSV columns). */
MUST_USE enum err web_api_jabatan(const struct web_call *c,
                                  struct web_resp *out);

#endif
