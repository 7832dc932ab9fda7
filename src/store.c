/* SPDX-License-Identifier: MIT */
/* store: picks the back end from the target (storage layer). The SQLite
 * back end implements the rest of store.h; the PostgreSQL back end will
 * turn this file into a table of operations (TODO(#issue: PostgreSQL)). */
#include "store.h"

#include <string.h>

#include "diag.h"
#include "store_sqlite.h"

static bool
is_pg_url(const char *target)
{
    return strncmp(target, "postgresql://", 13) == 0 ||
           strncmp(target, "postgres://", 11) == 0;
}

enum err
store_open(const char *target, bool create, struct store **out)
{
    if (is_pg_url(target)) {
        *out = store_sqlite_unavailable(
            L_("PostgreSQL belum didukung oleh versi ini; gunakan berkas "
               "SQLite",
               "PostgreSQL is not supported by this version yet; use a "
               "SQLite file"));
        return ERR_UNAVAILABLE;
    }
    return store_sqlite_open(target, create, out);
}
