/* SPDX-License-Identifier: MIT */
/* web_surges: workload surges reported through the API (web layer;
 * domain.md "Surges"): a temporary extra row of a (unit, jabatan)'s
 * workload with its validity period. The ABK as of a day inside it counts
 * the row, and the planner covers what it adds with temporary assignments
 * that end with it. Heads of units report them for their subtree (a
 * school principal too), BKPSDM for any unit. */
#ifndef MUTASI_WEB_SURGES_H
#define MUTASI_WEB_SURGES_H

#include "err.h"
#include "web.h"
#include "web_reply.h"

/* GET /api/units/{kode}/surges: {"rows": [...]} the unit's surge rows
 * (those with a berlaku_sampai), in the shape of 'export beban'. */
MUST_USE enum err web_surges_list(const struct web_call *c,
                                  struct web_resp *out);
/* POST /api/units/{kode}/surges {"jabatan", "tugas", "volume",
 * "norma_menit", "berlaku_mulai", "berlaku_sampai"}: add a surge row in
 * the pair's own method (a task with its minutes for 'tugas'; a whole
 * volume for 'rombel' and 'tetap'); 201 with the row, 422 on a bad value. */
MUST_USE enum err web_surges_add(const struct web_call *c,
                                 struct web_resp *out);

#endif
