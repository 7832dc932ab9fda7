/* SPDX-License-Identifier: MIT */
/* web_load: what 'mutasi serve' calls of web.h and web_routes.h, forwarded
 * to the web module (web door; module.h), which web_start() opens. */
#include "web.h"

#include <stdio.h>

#include "diag.h"
#include "web_routes.h"

static struct module_slot slot = MODULE_SLOT("web", struct web_module);

enum err
web_start(const struct web_config *cfg, char *why, size_t why_len,
          struct web **out)
{
    const struct web_module *m = module_get(&slot);
    if (m == NULL) {
        snprintf(why, why_len, "%s",
                 L_("modul web tidak tersedia", "the web module is missing"));
        return ERR_INTERNAL;
    }
    return m->start(cfg, why, why_len, out);
}

/* The functions below take a 'struct web' that web_start() made, so the
 * module is open (web_stop() accepts NULL); so do the handlers, which only
 * the server that web_start() started calls. */

static const struct web_module *
web(void)
{
    return module_get(&slot);
}

int
web_port(const struct web *w)
{
    return web()->port(w);
}

enum err
web_reopen_log(struct web *w)
{
    return web()->reopen_log(w);
}

void
web_stop(struct web *w)
{
    if (w != NULL) {
        web()->stop(w);
    }
}

enum err
web_routes_dispatch(const struct web_req *r, struct web_resp *out)
{
    return web()->dispatch(r, out);
}

enum err
web_routes_admit(const struct web_req *r, struct web_resp *out)
{
    return web()->admit(r, out);
}

size_t
web_routes_body_cap(const char *method, const char *url)
{
    return web()->body_cap(method, url);
}
