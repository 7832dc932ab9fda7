/* SPDX-License-Identifier: MIT */
/* store_pg: the PostgreSQL back end of store.h (storage layer): the only
 * module that includes <libpq-fe.h> or writes PostgreSQL's SQL dialect.
 * Its files are store_pg*.c, which share store_pg_int.h. */
#ifndef MUTASI_STORE_PG_H
#define MUTASI_STORE_PG_H

#include <stdbool.h>

#include "err.h"
#include "module.h"

struct store;

/* Connect to the PostgreSQL database named by the URL 'conninfo'
 * (postgresql://user@host:port/db?...; libpq's multi-host form and
 * target_session_attrs work). The database must exist ('create' is for
 * SQLite's files); its tables come with store_migrate(), as on SQLite. An
 * unreachable server or refused credentials are ERR_UNAVAILABLE with
 * libpq's reason. See store_open(). */
MUST_USE enum err store_pg_open(const char *conninfo, bool create,
                                struct store **out);

/* The pg module's table (module.h). */
struct store_pg_module {
    struct module_head head;
    enum err (*open)(const char *conninfo, bool create, struct store **out);
};

#endif
