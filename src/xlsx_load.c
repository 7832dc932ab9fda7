/* SPDX-License-Identifier: MIT */
/* xlsx_load: xlsx.h's functions in the program, forwarded to the xlsx
 * module (io layer; module.h), which the first xlsx_create() opens. */
#include "xlsx.h"

static struct module_slot slot = MODULE_SLOT("xlsx", struct xlsx_module);

enum err
xlsx_create(const char *path, const char *sheet, const char *const *headers,
            int n, struct xlsx_book **out)
{
    const struct xlsx_module *m = module_get(&slot);
    return m != NULL ? m->create(path, sheet, headers, n, out) : ERR_INTERNAL;
}

/* 'b' comes from xlsx_create(), so the module is open. */

enum err
xlsx_row(struct xlsx_book *b, const struct xlsx_cell *cells, int n)
{
    const struct xlsx_module *m = module_get(&slot);
    return m->row(b, cells, n);
}

enum err
xlsx_close(struct xlsx_book *b)
{
    const struct xlsx_module *m = module_get(&slot);
    return m->close(b);
}
