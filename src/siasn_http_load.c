/* SPDX-License-Identifier: MIT */
/* siasn_http_load: siasn_http_init() and siasn_http_send() in the program,
 * forwarded to the http module (io layer; module.h), which the first of
 * them opens. */
#include "siasn_http.h"

#include <stdio.h>

#include "diag.h"

static struct module_slot slot = MODULE_SLOT("http", struct siasn_http_module);

enum err
siasn_http_init(void)
{
    const struct siasn_http_module *m = module_get(&slot);
    return m != NULL ? m->init() : ERR_INTERNAL;
}

enum err
siasn_http_send(const struct siasn_http_req *q, struct siasn_http_reply *r)
{
    const struct siasn_http_module *m = module_get(&slot);
    if (m == NULL) {
        r->status = 0;
        snprintf(r->error, sizeof(r->error), "%s",
                 L_("modul http tidak tersedia", "the http module is missing"));
        return ERR_INTERNAL;
    }
    return m->send(q, r);
}
