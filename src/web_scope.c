/* SPDX-License-Identifier: MIT */
/* web_scope: who may see which unit and employee (web layer; domain.md
 * section 1), asked of the store. */
#include "web_scope.h"

#include <stdbool.h>
#include <string.h>

#include "auth.h"
#include "store.h"
#include "web_reply.h"

enum err
web_scope_unit(const struct web_call *c, const char *unit)
{
    if (c->role & WEB_HR) {
        return ERR_OK;
    }
    if (c->role == WEB_KEPALA && c->who->unit[0] != '\0') {
        bool in = false;
        enum err rc =
            store_unit_in_subtree(c->req->st, unit, c->who->unit, &in);
        return rc != ERR_OK ? rc : in ? ERR_OK : ERR_NOTFOUND;
    }
    return ERR_NOTFOUND;
}

enum err
web_scope_employee(const struct web_call *c, const char *nip, const char *unit)
{
    if (c->role == WEB_PEGAWAI) {
        return strcmp(c->who->nip, nip) == 0 ? ERR_OK : ERR_NOTFOUND;
    }
    return web_scope_unit(c, unit);
}

enum err
web_scope_root(const struct web_call *c, const char **root)
{
    const char *unit = web_query(c->req, "unit");
    if (unit != NULL && unit[0] != '\0') {
        *root = unit;
        return web_scope_unit(c, unit);
    }
    *root = c->role == WEB_KEPALA ? c->who->unit : NULL;
    return ERR_OK;
}
