/* SPDX-License-Identifier: MIT */
/* store_sqlite: the SQLite back end of store.h (storage layer): the only
 * module that includes <sqlite3.h> or writes SQLite's SQL dialect. Its
 * files are store_sqlite*.c, which share store_sqlite_int.h. */
#ifndef MUTASI_STORE_SQLITE_H
#define MUTASI_STORE_SQLITE_H

#include <stdbool.h>

#include "err.h"

struct store;

/* Open the SQLite file 'path' (created when 'create'); see store_open(). */
MUST_USE enum err store_sqlite_open(const char *path, bool create,
                                    struct store **out);
/* A closed handle whose store_errmsg() is 'msg', for targets that cannot
 * be opened at all. */
struct store *store_sqlite_unavailable(const char *msg);

#endif
