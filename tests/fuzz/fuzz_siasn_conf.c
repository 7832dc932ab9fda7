/* SPDX-License-Identifier: MIT */
/* libFuzzer target for siasn_conf_parse: arbitrary bytes must never crash
 * it; an accepted file has every required key, URLs that start with
 * http:// or https:// and a timeout in 1..600. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "siasn_conf.h"

/* Stays on under NDEBUG, unlike assert(). */
#define FUZZ_CHECK(cond) \
    do {                 \
        if (!(cond)) {   \
            abort();     \
        }                \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
is_url(const char *s)
{
    return s != NULL &&
           (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct siasn_conf c;
    struct diag d;
    diag_init(&d, 50);
    enum err rc = siasn_conf_parse("f.conf", (const char *)data, size, &c, &d);
    if (rc == ERR_OK) {
        FUZZ_CHECK(d.n_errors == 0);
        FUZZ_CHECK(is_url(c.base_url) && is_url(c.token_url) &&
                   is_url(c.sso_url));
        FUZZ_CHECK(c.client_id && c.client_secret && c.sso_client_id &&
                   c.username && c.password);
        FUZZ_CHECK(c.client_id[0] && c.password[0]);
        FUZZ_CHECK(c.timeout >= 1 && c.timeout <= 600);
    } else {
        FUZZ_CHECK(rc == ERR_INVAL && d.n_errors > 0);
    }
    siasn_conf_cleanup(&c);
    diag_cleanup(&d);
    return 0;
}
