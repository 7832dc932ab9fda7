/* SPDX-License-Identifier: MIT */
/* web_abk: the handlers of the workload analysis (ABK), its exports and
 * retirements (web layer); web_routes.c checks the session, the CSRF
 * token and the roles before a handler runs. */
#ifndef MUTASI_WEB_ABK_H
#define MUTASI_WEB_ABK_H

#include "err.h"
#include "web.h"
#include "web_reply.h"

/* GET /api/abk?unit=&by=&as_of=[&plan=NAME]: with a plan (bkpsdm and
 * tpk and ppk only; 404 when unknown), the analysis after all its moves,
 * as_of defaulting to the plan's, with "plan", "moves_applied" and
 * "moves_skipped" (employees no longer in post where the plan found
 * them). */
MUST_USE enum err web_api_abk(const struct web_call *c, struct web_resp *out);
/* GET /api/abk/export.csv: the ABK rows as ';' CSV (id-ID decimals). */
MUST_USE enum err web_api_abk_csv(const struct web_call *c,
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

#endif
