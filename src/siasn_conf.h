/* SPDX-License-Identifier: MIT */
/* siasn_conf: the settings of the SIASN API client read from a file of
 * 'key = value' lines (io layer). Blank lines and lines starting with '#'
 * are skipped; a value may be quoted with "..." to keep spaces at its
 * ends. Keys:
 *   base_url        the API's base address (e.g. https://HOST/apisiasn/1.0)
 *   token_url       OAuth2 token endpoint of the API gateway: the client
 *                   credentials grant with client_id and client_secret
 *                   gives the token sent as 'Authorization: Bearer ...'
 *   client_id, client_secret
 *   sso_url         token endpoint of SIASN's SSO: the password grant
 *                   with sso_client_id, username and password gives the
 *                   second token, sent as 'Auth: bearer ...'
 *   sso_client_id, username, password
 *   timeout         seconds for one request (1..600; default 30)
 * All but timeout are required. Secrets are never printed. */
#ifndef MUTASI_SIASN_CONF_H
#define MUTASI_SIASN_CONF_H

#include <stddef.h>

#include "err.h"

struct diag;

struct siasn_conf {
    char *base_url; /* Without a trailing '/'. */
    char *token_url;
    char *client_id;
    char *client_secret;
    char *sso_url;
    char *sso_client_id;
    char *username;
    char *password;
    long timeout; /* Seconds. */
};

/* Parse the 'len' bytes of 'text' (read from 'file', for messages) into
 * '*out' (cleared first; free it with siasn_conf_cleanup() after any
 * result). Each problem goes to 'd' as FILE:LINE:COLUMN: an unknown or
 * repeated key, a line without '=', an empty value, a bad timeout, a URL
 * that is not http(s)://, a NUL or control byte, a missing key. ERR_INVAL
 * when there was any. */
MUST_USE enum err siasn_conf_parse(const char *file, const char *text,
                                   size_t len, struct siasn_conf *out,
                                   struct diag *d);
/* Read and parse file 'path'; ERR_NOINPUT when it cannot be read. */
MUST_USE enum err siasn_conf_load(const char *path, struct siasn_conf *out,
                                  struct diag *d);
/* Free what 'c' holds (the secrets are wiped first); accepts a cleared
 * one. */
void siasn_conf_cleanup(struct siasn_conf *c);

#endif
