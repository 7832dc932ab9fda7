/* SPDX-License-Identifier: MIT */
/* siasn_api: the client of SIASN's web API (service layer): log in with
 * the two tokens (the gateway's OAuth2 client credentials, sent as
 * 'Authorization: Bearer ...', and the SSO's password grant, sent as
 * 'Auth: bearer ...'), read reference and employee data (pull), and send
 * a decided plan's moves (push) with every answer recorded so that a
 * failed move is sent again and a sent one never twice. Secrets never
 * appear in messages. */
#ifndef MUTASI_SIASN_API_H
#define MUTASI_SIASN_API_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "siasn_conf.h"
#include "siasn_http.h"

struct store;
struct progress;

struct siasn_client {
    const struct siasn_conf *conf;
    char *token;     /* The gateway's access token; owned. */
    char *sso_token; /* The SSO's access token; owned. */
};

/* Log in: both tokens into 'c'. ERR_AUTH when a token endpoint refuses
 * the credentials (HTTP 400 or 401), ERR_UNAVAILABLE when it cannot be
 * reached or answers something else (the reason in 'why'). */
MUST_USE enum err siasn_login(struct siasn_client *c,
                              const struct siasn_conf *conf, struct buf *why);
/* Free the tokens of 'c'. */
void siasn_client_cleanup(struct siasn_client *c);
/* GET 'path' (after base_url) with both tokens into 'r'. ERR_OK for a 2xx
 * answer; ERR_UNAVAILABLE when none came or another status (the reason
 * in 'why'); ERR_AUTH for 401/403. */
MUST_USE enum err siasn_get(const struct siasn_client *c, const char *path,
                            struct siasn_http_reply *r, struct buf *why);

/* What a push did. */
struct siasn_push_count {
    long terkirim; /* Sent now and accepted. */
    long dilewati; /* Accepted before: not sent again. */
    long gagal;    /* Refused now (recorded, to retry). */
};

/* Send the write-back records of decided plan 'plan' (siasn_out.h) that
 * are not accepted yet, one POST /jabatan/unorjabatan/save each, and
 * record each answer (store_siasn_kirim_put()): terkirim for a 2xx with
 * "success": true in the body, gagal otherwise. One line per refused move
 * goes to 'why'. Stops at the first move no answer came for (recorded as
 * gagal): ERR_UNAVAILABLE. The errors of siasn_out_load(). 'pr' may be
 * NULL. */
MUST_USE enum err siasn_push(struct store *st, const struct siasn_client *c,
                             const char *plan, struct progress *pr,
                             struct siasn_push_count *n, struct buf *why);

#endif
