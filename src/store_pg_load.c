/* SPDX-License-Identifier: MIT */
/* store_pg_load: store_pg_open() in the program, forwarded to the pg module
 * (storage layer; module.h), which the first PostgreSQL URL opens. */
#include "store_pg.h"

#include <stddef.h>

static struct module_slot slot = MODULE_SLOT("pg", struct store_pg_module);

enum err
store_pg_open(const char *conninfo, bool create, struct store **out)
{
    const struct store_pg_module *m = module_get(&slot);
    if (m == NULL) {
        *out = NULL; /* module_get() has said why. */
        return ERR_INTERNAL;
    }
    return m->open(conninfo, create, out);
}
