/* SPDX-License-Identifier: MIT */
/* web_tenang: election periods over the API (web layer): the periods for
 * the planner, what they mean for one plan, the report to the Ministry,
 * and the Minister's approval as a decision's body carries it. */
#ifndef MUTASI_WEB_TENANG_H
#define MUTASI_WEB_TENANG_H

#include <stddef.h>

#include "err.h"
#include "tenang.h"
#include "web.h"
#include "web_reply.h"

struct json_obj;

/* The approval of a body, decoded. */
struct web_tenang_izin {
    struct tenang_izin izin; /* Points into the fields below. */
    bool given;              /* The body had "persetujuan_mendagri". */
    char nomor[256];
    unsigned char *pdf; /* Owned. */
};

/* Read "persetujuan_mendagri": {"nomor", "tanggal" (YYYY-MM-DD),
 * "berkas" (the PDF as base64)} of body 'in' into '*out' (given false
 * when absent). ERR_INVAL with a message in 'resp' for a date or base64
 * that does not parse. Free with web_tenang_izin_cleanup(). */
MUST_USE enum err web_tenang_izin_parse(const struct json_obj *in,
                                        struct web_tenang_izin *out,
                                        struct web_resp *resp);
/* Free what 'z' owns. */
void web_tenang_izin_cleanup(struct web_tenang_izin *z);

/* GET /api/masa-tenang: the periods, the one in force or the next
 * (tenang_json()). */
MUST_USE enum err web_tenang_get(const struct web_call *c,
                                 struct web_resp *out);
/* GET /api/plans/{name}/masa-tenang: as above, with the plan's officials'
 * moves and the approval recorded with its decision. */
MUST_USE enum err web_tenang_plan(const struct web_call *c,
                                  struct web_resp *out);
/* GET /api/plans/{name}/laporan-mendagri.pdf: the report to the Minister
 * of Home Affairs of a decision taken inside an election period (also
 * for a request decided alone: its record "permohonan-ID"); 404 when the
 * decision recorded no approval. */
MUST_USE enum err web_tenang_report(const struct web_call *c,
                                    struct web_resp *out);

#endif
