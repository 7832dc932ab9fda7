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
#include <sqlite3.h>
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

/* A new database into '*out': empty, or a copy of 'from' when not NULL
 * ('from' must be closed: on SQLite its WAL was folded into the file on
 * close; on PostgreSQL, CREATE DATABASE ... TEMPLATE copies it file by
 * file, far cheaper than building the data again, and refuses while
 * anyone is connected to it). 'file' names the SQLite file in its dir.
 * Made in a local first: '*out' may be an element of a static array. */
static inline void
test_db_new(struct test_db *out, const char *file, const struct test_db *from)
{
    static int serial;
    struct test_db t;
    char cmd[2400];
    memset(&t, 0, sizeof(t));
    snprintf(t.dir, sizeof(t.dir), "/tmp/mutasi-db-XXXXXX");
    assert_non_null(mkdtemp(t.dir));
    if (test_db_pg() == NULL) {
        snprintf(t.target, sizeof(t.target), "%s/%s", t.dir, file);
        if (from != NULL) {
            snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", from->target, t.target);
            assert_int_equal(system(cmd), 0);
        }
        *out = t;
        return;
    }
    snprintf(t.pg_name, sizeof(t.pg_name), "t_%ld_%d", (long)getpid(),
             ++serial);
    snprintf(cmd, sizeof(cmd), "CREATE DATABASE %s%s%s", t.pg_name,
             from != NULL ? " TEMPLATE " : "",
             from != NULL ? from->pg_name : "");
    test_db_pg_exec(cmd);
    test_db_pg_url(test_db_pg(), t.pg_name, t.target, sizeof(t.target));
    *out = t;
}

/* A new, empty database; 'file' names the SQLite file inside d->dir. */
static inline void
test_db_make(struct test_db *d, const char *file)
{
    test_db_new(d, file, NULL);
}

/* A new database 'to' holding what the closed database 'from' holds. */
static inline void
test_db_copy(const struct test_db *from, struct test_db *to, const char *file)
{
    test_db_new(to, file, from);
}

/* What test_db_sql() found. */
enum test_db_sql_result {
    TEST_DB_SQL_OK,
    TEST_DB_SQL_CONSTRAINT, /* A constraint refused it (SQLSTATE 23xxx). */
    TEST_DB_SQL_ERROR,      /* Any other failure (a trigger's refusal). */
};

/* Run 'sql' on the database on a connection of its own, around the store
 * (as another program would); '*n' (when not NULL) gets the integer in
 * the first column of the first row, or -1 when there is none. */
static inline enum test_db_sql_result
test_db_sql(const struct test_db *d, const char *sql, long *n)
{
    enum test_db_sql_result res = TEST_DB_SQL_OK;
    if (n != NULL) {
        *n = -1;
    }
    if (d->pg_name[0] != '\0') {
        PGconn *c = PQconnectdb(d->target);
        assert_int_equal(PQstatus(c), CONNECTION_OK);
        PGresult *r = PQexec(c, sql);
        ExecStatusType s = PQresultStatus(r);
        if (s == PGRES_TUPLES_OK) {
            if (n != NULL && PQntuples(r) > 0 && !PQgetisnull(r, 0, 0)) {
                *n = strtol(PQgetvalue(r, 0, 0), NULL, 10);
            }
        } else if (s != PGRES_COMMAND_OK) {
            const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
            res = state != NULL && strncmp(state, "23", 2) == 0
                      ? TEST_DB_SQL_CONSTRAINT
                      : TEST_DB_SQL_ERROR;
        }
        PQclear(r);
        PQfinish(c);
        return res;
    }
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_open(d->target, &db), SQLITE_OK);
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (n != NULL && *n == -1) {
                *n = sqlite3_column_int64(st, 0);
            }
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        res = (rc & 0xff) == SQLITE_CONSTRAINT ? TEST_DB_SQL_CONSTRAINT
                                               : TEST_DB_SQL_ERROR;
    }
    sqlite3_close(db);
    return res;
}

/* The integer 'sql' gives on the database (see test_db_sql()). */
static inline long
test_db_long(const struct test_db *d, const char *sql)
{
    long n = -1;
    assert_int_equal(test_db_sql(d, sql, &n), TEST_DB_SQL_OK);
    return n;
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
