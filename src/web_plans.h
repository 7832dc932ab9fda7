/* SPDX-License-Identifier: MIT */
/* web_plans: plans through the API (web layer): create (runs the
 * planner), list, show, publish to the employees concerned, their
 * answers, and approval, which re-checks the plan against today's data,
 * writes each move into the employees' history as an effective-dated
 * change, numbers the decree and decides the requests the plan grants. */
#ifndef MUTASI_WEB_PLANS_H
#define MUTASI_WEB_PLANS_H

#include "err.h"
#include "web.h"
#include "web_reply.h"

MUST_USE enum err web_plans_create(const struct web_call *c,
                                   struct web_resp *out);
MUST_USE enum err web_plans_list(const struct web_call *c,
                                 struct web_resp *out);
MUST_USE enum err web_plans_get(const struct web_call *c, struct web_resp *out);
MUST_USE enum err web_plans_publish(const struct web_call *c,
                                    struct web_resp *out);
MUST_USE enum err web_plans_respond(const struct web_call *c,
                                    struct web_resp *out);
/* Two plans side by side: their summaries, the moves only one has, and
 * the employees they send to different places. */
MUST_USE enum err web_plans_compare(const struct web_call *c,
                                    struct web_resp *out);
/* GET /api/plans/{name}/export.xlsx: the moves as a spreadsheet. */
MUST_USE enum err web_plans_xlsx(const struct web_call *c,
                                 struct web_resp *out);
/* GET /api/plans/{name}/sk.pdf: the decree, or a Petikan (?nip=). */
MUST_USE enum err web_plans_sk(const struct web_call *c, struct web_resp *out);
MUST_USE enum err web_plans_consider(const struct web_call *c,
                                     struct web_resp *out);
MUST_USE enum err web_plans_rerun(const struct web_call *c,
                                  struct web_resp *out);
MUST_USE enum err web_plans_return(const struct web_call *c,
                                   struct web_resp *out);
MUST_USE enum err web_plans_minutes(const struct web_call *c,
                                    struct web_resp *out);
MUST_USE enum err web_plans_approve(const struct web_call *c,
                                    struct web_resp *out);
/* GET /api/proposals (a pegawai): every plan past draf that moves the
 * caller, as {"rows": [{"name", "status", "move", "tanggapan",
 * "catatan"}]} in name order, "move" as web_plans_get() shows it to them
 * and null answers while they have given none. ERR_DB from the store. */
MUST_USE enum err web_plans_proposals(const struct web_call *c,
                                      struct web_resp *out);

#endif
