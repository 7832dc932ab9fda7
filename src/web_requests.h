/* SPDX-License-Identifier: MIT */
/* web_requests: transfer requests through the API (web layer): a pegawai
 * drafts and submits their own; each action of the workflow of domain.md
 * section 5 belongs to one role and scope; a stale action answers 409;
 * verification computes the ABK warnings of the move on both units. */
#ifndef MUTASI_WEB_REQUESTS_H
#define MUTASI_WEB_REQUESTS_H

#include "err.h"
#include "web.h"
#include "web_reply.h"

MUST_USE enum err web_requests_create(const struct web_call *c,
                                      struct web_resp *out);
MUST_USE enum err web_requests_list(const struct web_call *c,
                                    struct web_resp *out);
MUST_USE enum err web_requests_get(const struct web_call *c,
                                   struct web_resp *out);
MUST_USE enum err web_requests_upload(const struct web_call *c,
                                      struct web_resp *out);
MUST_USE enum err web_requests_document(const struct web_call *c,
                                        struct web_resp *out);
MUST_USE enum err web_requests_review(const struct web_call *c,
                                      struct web_resp *out);
MUST_USE enum err web_requests_action(const struct web_call *c,
                                      struct web_resp *out);

#endif
