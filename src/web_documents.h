/* SPDX-License-Identifier: MIT */
/* web_documents: the register of documents issued over the API (web
 * layer): every SK, Petikan, surat tugas and berita acara with its number,
 * date and hash (docreg.h). */
#ifndef MUTASI_WEB_DOCUMENTS_H
#define MUTASI_WEB_DOCUMENTS_H

#include "err.h"
#include "web.h"
#include "web_reply.h"

/* GET /api/documents/register: {"rows": [...]} (docreg_json()). */
MUST_USE enum err web_documents_register(const struct web_call *c,
                                         struct web_resp *out);
/* GET /api/documents/register.xlsx: the same as a workbook. */
MUST_USE enum err web_documents_register_xlsx(const struct web_call *c,
                                              struct web_resp *out);

#endif
