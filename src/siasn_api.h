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

/* What a pull wrote. */
struct siasn_pull_count {
    long unor;    /* Units in ref-unor.json. */
    long pegawai; /* Rows of data_asn.csv. */
};

/* Read SIASN's units (GET /referensi/ref-unor) and, for each NIP of
 * 'nips' ('n' of them), the main data (GET /pns/data-utama/{nip}) and
 * position history (GET /pns/rw-jabatan/{nip}) into folder 'dir' (made
 * when missing) as the files 'mutasi import --from siasn' reads:
 * ref-unor.json (SIASN's answer as it came) and data_asn.csv (one row per
 * employee in the headings of the Export Data ASN; the position and its
 * TMT from the history's latest row when the main data lacks them).
 * ERR_UNAVAILABLE / ERR_AUTH as siasn_get(); ERR_IO when 'dir' cannot be
 * written. 'pr' may be NULL. */
MUST_USE enum err siasn_pull(const struct siasn_client *c, const char *dir,
                             const char *const *nips, size_t n,
                             struct progress *pr, struct siasn_pull_count *out,
                             struct buf *why);

#endif
