/* SPDX-License-Identifier: MIT */
/* A fresh database for one test, on the back end the run asks for: a
 * SQLite file in a new directory of its own, or, when the environment
 * variable MUTASI_TEST_PG holds the URL of a PostgreSQL server's
 * 'postgres' database (tests/pg/server prints one), a new database on
 * that server. Either way d->dir is a new directory for the test's other
 * files, and test_db_drop() removes both.
 *
 * Included once by each suite that uses it (like store_fixture.c); its
 * functions are static inline. */
#ifndef MUTASI_TEST_DB_FIXTURE
#define MUTASI_TEST_DB_FIXTURE

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct test_db {
    char dir[64];
    char target[1024]; /* The path or URL to hand to store_open(). */
    char pg_name[64];  /* The PostgreSQL database; "" on SQLite. */
};

/* The server's URL, or NULL for SQLite. */
static inline const char *
test_db_pg(void)
{
    const char *u = getenv("MUTASI_TEST_PG");
    return u != NULL && *u != '\0' ? u : NULL;
}

/* Run 'sql' on the server's 'postgres' database. */
static inline void
test_db_pg_exec(const char *sql)
{
    PGconn *c = PQconnectdb(test_db_pg());
    if (PQstatus(c) != CONNECTION_OK) {
        fail_msg("PostgreSQL %s: %s", test_db_pg(), PQerrorMessage(c));
    }
    PGresult *r = PQexec(c, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        fail_msg("%s: %s", sql, PQerrorMessage(c));
    }
    PQclear(r);
    PQfinish(c);
}

/* The URL 'base' (postgresql://AUTHORITY/DB?PARAMS) with another DB. */
static inline void
test_db_pg_url(const char *base, const char *name, char *out, size_t len)
{
    const char *auth = strstr(base, "://");
    assert_non_null(auth);
    const char *path = strchr(auth + 3, '/');
    assert_non_null(path);
    const char *query = strchr(path, '?');
    snprintf(out, len, "%.*s/%s%s", (int)(path - base), base, name,
             query ? query : "");
}

/* A new database; 'file' names the SQLite file inside d->dir. */
static inline void
test_db_make(struct test_db *d, const char *file)
{
    static int serial;
    memset(d, 0, sizeof(*d));
    snprintf(d->dir, sizeof(d->dir), "/tmp/mutasi-db-XXXXXX");
    assert_non_null(mkdtemp(d->dir));
    if (test_db_pg() == NULL) {
        snprintf(d->target, sizeof(d->target), "%s/%s", d->dir, file);
        return;
    }
    char sql[128];
    snprintf(d->pg_name, sizeof(d->pg_name), "t_%ld_%d", (long)getpid(),
             ++serial);
    snprintf(sql, sizeof(sql), "CREATE DATABASE %s", d->pg_name);
    test_db_pg_exec(sql);
    test_db_pg_url(test_db_pg(), d->pg_name, d->target, sizeof(d->target));
}

/* Remove the database and d->dir. */
static inline void
test_db_drop(struct test_db *d)
{
    char cmd[128];
    if (d->pg_name[0] != '\0') {
        snprintf(cmd, sizeof(cmd), "DROP DATABASE IF EXISTS %s WITH (FORCE)",
                 d->pg_name);
        test_db_pg_exec(cmd);
    }
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", d->dir);
    assert_int_equal(system(cmd), 0);
}

#endif
