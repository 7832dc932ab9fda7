/* SPDX-License-Identifier: MIT */
/* store_pg: the PostgreSQL back end (storage layer), its core: the
 * connection, the error text, running statements, transactions and the
 * parameter and column helpers (store_pg_int.h) of the back end's files:
 * store_pg_schema.c (the schema and its versions), store_pg_data.c (the
 * data kinds), store_pg_request.c (requests and their documents),
 * store_pg_app.c (plans, accounts, sessions, audit, settings) and the
 * smaller ones beside them. Nothing outside these files speaks libpq.
 *
 * The session is set up alike on every connection: UTC, ISO dates, no
 * notices on stderr. A connection lost between statements is made again
 * on the next statement outside a transaction, so a server that comes
 * back (or a standby promoted behind a multi-host URL) is found again
 * without restarting mutasi; inside a transaction the loss is the
 * transaction's failure (ERR_UNAVAILABLE), never a half-done write. */
#include "store_pg.h"

#include <assert.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "mem.h"
#include "model.h"
#include "store.h"
#include "store_int.h"
#include "store_pg_int.h"

/* The advisory lock that makes mutasi's transactions one at a time. */
#define PG_TX_LOCK "7305620101"

/* Set on every new connection: stored times are UTC text and dates
 * YYYY-MM-DD whatever the server's defaults. */
#define SESSION_SQL                                    \
    "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD';" \
    " SET client_min_messages = warning;"              \
    " SET standard_conforming_strings = on"

void
pg_set_errmsg(struct store *st, const char *msg)
{
    free(st->errmsg);
    st->errmsg = xstrdup(msg);
}

/* libpq's messages end with a newline, and the primary message of a
 * result is the part worth showing: take the first line. */
static void
set_first_line(struct store *st, const char *msg)
{
    size_t n = strcspn(msg, "\n");
    char *t = xmalloc(n + 1);
    memcpy(t, msg, n);
    t[n] = '\0';
    free(st->errmsg);
    st->errmsg = t;
}

enum err
pg_fail(struct store *st, const PGresult *r)
{
    const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    snprintf(st->sqlstate, sizeof(st->sqlstate), "%s", state ? state : "");
    bool lost = st->conn == NULL || PQstatus(st->conn) == CONNECTION_BAD;
    /* The server went away (class 08, or shut down: 57P), or this one no
     * longer takes writes (25006: a primary turned standby): the
     * connection is made again before the next statement, through the
     * whole multi-host URL, so that a promoted standby is found. */
    if (lost || strncmp(st->sqlstate, "08", 2) == 0 ||
        strncmp(st->sqlstate, "57P", 3) == 0 ||
        strcmp(st->sqlstate, "25006") == 0) {
        char msg[1024];
        const char *why = r ? PQresultErrorMessage(r) : "";
        if (*why == '\0' && st->conn != NULL) {
            why = PQerrorMessage(st->conn);
        }
        snprintf(msg, sizeof(msg), "%s: %.*s",
                 L_("server PostgreSQL tidak dapat dihubungi",
                    "the PostgreSQL server cannot be reached"),
                 (int)strcspn(why, "\n"), why);
        pg_set_errmsg(st, msg);
        /* A transaction open on it is lost with it: every statement fails
         * until the caller rolls back (never a silent new connection in
         * the middle of a transaction). */
        st->broken = true;
        return ERR_UNAVAILABLE;
    }
    if (strcmp(st->sqlstate, "55P03") == 0) {
        /* lock_timeout (store_busy_timeout()) ran out: another connection
         * holds what this one needs, as SQLite's busy timeout. */
        pg_set_errmsg(st, L_("basis data sedang sibuk (misalnya impor besar "
                             "berjalan); coba lagi sebentar lagi",
                             "the database is busy (a large import, say); "
                             "try again shortly"));
        return ERR_UNAVAILABLE;
    }
    if (strncmp(st->sqlstate, "40", 2) == 0) {
        pg_set_errmsg(st, L_("basis data sedang sibuk (transaksi lain "
                             "bertabrakan); coba lagi sebentar lagi",
                             "the database is busy (another transaction "
                             "collided); try again shortly"));
        return ERR_UNAVAILABLE;
    }
    const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (msg == NULL) {
        msg = r ? PQresultErrorMessage(r) : PQerrorMessage(st->conn);
    }
    set_first_line(st, msg);
    return ERR_DB;
}

bool
pg_failed_with(const struct store *st, const char *code)
{
    return strcmp(st->sqlstate, code) == 0;
}

static void
free_scratch(struct store *st)
{
    for (int i = 0; i < PG_N_SCRATCH; i++) {
        free(st->scratch[i]);
        st->scratch[i] = NULL;
    }
}

void
pg_keep_strings(struct store *st, const char **const *fields, size_t n)
{
    free_scratch(st);
    for (size_t i = 0; i < n && i < PG_N_SCRATCH; i++) {
        if (*fields[i] != NULL) {
            st->scratch[i] = xstrdup(*fields[i]);
            *fields[i] = st->scratch[i];
        }
    }
}

/* Connect (again) to st->conninfo and set the session up. */
static enum err
connect_now(struct store *st)
{
    if (st->conn != NULL) {
        PQfinish(st->conn);
    }
    st->in_tx = false;
    st->broken = false;
    st->conn = PQconnectdb(st->conninfo);
    if (PQstatus(st->conn) != CONNECTION_OK) {
        char msg[1024];
        const char *why = PQerrorMessage(st->conn);
        snprintf(msg, sizeof(msg), "%s: %.*s",
                 L_("tidak dapat terhubung ke PostgreSQL",
                    "cannot connect to PostgreSQL"),
                 (int)strcspn(why, "\n"), why);
        pg_set_errmsg(st, msg);
        snprintf(st->sqlstate, sizeof(st->sqlstate), "08006");
        return ERR_UNAVAILABLE;
    }
    enum err rc = pg_exec(st, SESSION_SQL);
    char sql[64];
    snprintf(sql, sizeof(sql), "SET lock_timeout = %d", st->busy_ms);
    return rc == ERR_OK ? pg_exec(st, sql) : rc;
}

/* Wait for the answers of the writes sent by pg_run_later() and leave
 * pipeline mode: the first failure among them is the answer (the
 * transaction is aborted from there on; the later ones only say so). */
static enum err
pipe_drain(struct store *st)
{
    enum err rc = ERR_OK;
    int n = st->piped;
    st->piped = 0;
    if (PQpipelineSync(st->conn) != 1) {
        rc = pg_fail(st, NULL);
    }
    /* Each statement's result ends with a NULL; the sync point's result
     * ends the whole. More NULLs than statements: the connection is
     * gone. */
    int nulls = 0;
    for (;;) {
        PGresult *r = PQgetResult(st->conn);
        if (r == NULL) {
            if (++nulls > n) {
                rc = rc == ERR_OK ? pg_fail(st, NULL) : rc;
                break;
            }
            continue;
        }
        ExecStatusType s = PQresultStatus(r);
        if (s == PGRES_PIPELINE_SYNC) {
            PQclear(r);
            break;
        }
        if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK && rc == ERR_OK) {
            rc = pg_fail(st, r);
        }
        PQclear(r);
    }
    if (PQexitPipelineMode(st->conn) != 1 && rc == ERR_OK) {
        rc = pg_fail(st, NULL);
    }
    return rc;
}

/* Before a statement outside a transaction: a lost connection is made
 * again. Inside one, the loss is the transaction's. */
static enum err
ready(struct store *st)
{
    if (st->conn == NULL && st->conninfo == NULL) {
        return ERR_UNAVAILABLE;
    }
    assert(!st->streaming); /* A streamed scan's callback used the store. */
    if (st->piped > 0) {
        enum err rc = pipe_drain(st);
        if (rc != ERR_OK) {
            return rc;
        }
    }
    bool ok =
        st->conn != NULL && !st->broken && PQstatus(st->conn) == CONNECTION_OK;
    if (ok) {
        return ERR_OK;
    }
    if (st->in_tx) {
        return st->broken ? ERR_UNAVAILABLE : pg_fail(st, NULL);
    }
    return connect_now(st);
}

enum err
pg_exec(struct store *st, const char *sql)
{
    enum err rc = ready(st);
    if (rc != ERR_OK) {
        return rc;
    }
    PGresult *r = PQexec(st->conn, sql);
    ExecStatusType s = PQresultStatus(r);
    rc =
        s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK ? ERR_OK : pg_fail(st, r);
    PQclear(r);
    return rc;
}

/* The parameters' types: bytes (sent in binary) are bytea; the others
 * are left to the server to infer from the SQL. */
static void
param_types(const struct pg_params *p, Oid *types)
{
    for (int i = 0; p != NULL && i < p->n; i++) {
        types[i] = p->fmt[i] == 1 ? 17 /* bytea */ : 0;
    }
}

static enum err
run(struct store *st, const char *sql, const struct pg_params *p,
    PGresult **out)
{
    *out = NULL;
    enum err rc = ready(st);
    if (rc != ERR_OK) {
        return rc;
    }
    int n = p ? p->n : 0;
    Oid types[PG_MAX_PARAMS] = {0};
    param_types(p, types);
    PGresult *r = PQexecParams(st->conn, sql, n, types, p ? p->v : NULL,
                               p ? p->len : NULL, p ? p->fmt : NULL, 0);
    ExecStatusType s = PQresultStatus(r);
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
        rc = pg_fail(st, r);
        PQclear(r);
        return rc;
    }
    *out = r;
    return ERR_OK;
}

enum err
pg_run(struct store *st, const char *sql, const struct pg_params *p,
       PGresult **out)
{
    PGresult *r = NULL;
    enum err rc = run(st, sql, p, &r);
    if (out != NULL) {
        *out = r;
    } else {
        PQclear(r);
    }
    return rc;
}

enum err
pg_run_later(struct store *st, const char *sql, const struct pg_params *p)
{
    if (!st->in_tx) {
        return pg_run(st, sql, p, NULL);
    }
    if (st->piped == 0) {
        enum err rc = ready(st);
        if (rc != ERR_OK) {
            return rc;
        }
        if (PQenterPipelineMode(st->conn) != 1) {
            return pg_fail(st, NULL);
        }
    }
    int n = p ? p->n : 0;
    Oid types[PG_MAX_PARAMS] = {0};
    param_types(p, types);
    int sent = PQsendQueryParams(st->conn, sql, n, types, p ? p->v : NULL,
                                 p ? p->len : NULL, p ? p->fmt : NULL, 0);
    st->piped++;
    if (!sent) {
        enum err rc = pg_fail(st, NULL);
        (void)pipe_drain(st);
        return rc;
    }
    /* libpq sends the queue as its buffer fills; a bound on the answers
     * waiting keeps their memory small. */
    return st->piped >= PG_PIPE_MAX ? pipe_drain(st) : ERR_OK;
}

enum err
pg_run_changed(struct store *st, const char *sql, const struct pg_params *p,
               enum err none, const char *why)
{
    PGresult *r = NULL;
    enum err rc = run(st, sql, p, &r);
    if (rc == ERR_OK && strtol(PQcmdTuples(r), NULL, 10) == 0) {
        if (why != NULL) {
            pg_set_errmsg(st, why);
        }
        rc = none;
    }
    PQclear(r);
    return rc;
}

enum err
pg_each_row(struct store *st, const char *sql, const struct pg_params *p,
            pg_row_fn *row, void *ctx)
{
    PGresult *r = NULL;
    enum err rc = run(st, sql, p, &r);
    int n = rc == ERR_OK ? PQntuples(r) : 0;
    for (int i = 0; i < n && rc == ERR_OK; i++) {
        rc = row(st, r, i, ctx);
    }
    PQclear(r);
    return rc;
}

/* Read what is left of a query sent, so that the connection is free. */
static void
drain(struct store *st)
{
    PGresult *r;
    while ((r = PQgetResult(st->conn)) != NULL) {
        PQclear(r);
    }
}

enum err
pg_stream_rows(struct store *st, const char *sql, const struct pg_params *p,
               pg_row_fn *row, void *ctx)
{
    enum err rc = ready(st);
    if (rc != ERR_OK) {
        return rc;
    }
    int n = p ? p->n : 0;
    Oid types[PG_MAX_PARAMS] = {0};
    param_types(p, types);
    if (!PQsendQueryParams(st->conn, sql, n, types, p ? p->v : NULL,
                           p ? p->len : NULL, p ? p->fmt : NULL, 0)) {
        return pg_fail(st, NULL);
    }
    (void)PQsetSingleRowMode(st->conn);
    st->streaming = true;
    PGresult *r;
    enum err failed = ERR_OK;
    while ((r = PQgetResult(st->conn)) != NULL) {
        ExecStatusType s = PQresultStatus(r);
        if (s == PGRES_SINGLE_TUPLE) {
            if (rc == ERR_OK) {
                rc = row(st, r, 0, ctx); /* On error: read on, drop. */
            }
        } else if (s != PGRES_TUPLES_OK && failed == ERR_OK) {
            st->streaming = false;
            failed = pg_fail(st, r);
        }
        PQclear(r);
        if (rc != ERR_OK && failed == ERR_OK) {
            /* The caller stopped: the rest is not wanted. The server
             * stops sending when asked; what came meanwhile is read. */
            PGcancel *c = PQgetCancel(st->conn);
            char why[128];
            if (c != NULL) {
                (void)PQcancel(c, why, (int)sizeof(why));
                PQfreeCancel(c);
            }
            st->streaming = false;
            drain(st);
            break;
        }
    }
    st->streaming = false;
    if (rc == ERR_OK && failed != ERR_OK) {
        rc = failed;
    }
    return rc;
}

enum err
pg_one_row(struct store *st, const char *sql, const struct pg_params *p,
           pg_row_fn *row, void *ctx)
{
    PGresult *r = NULL;
    enum err rc = run(st, sql, p, &r);
    if (rc == ERR_OK) {
        rc = PQntuples(r) > 0 ? row(st, r, 0, ctx) : ERR_NOTFOUND;
    }
    PQclear(r);
    return rc;
}

enum err
pg_one_long(struct store *st, const char *sql, const struct pg_params *p,
            long long *out)
{
    PGresult *r = NULL;
    enum err rc = run(st, sql, p, &r);
    if (rc == ERR_OK) {
        *out = PQntuples(r) > 0 ? pg_col_long(r, 0, 0) : 0;
    }
    PQclear(r);
    return rc;
}

enum err
pg_copy(struct store *st, const char *table_cols, const char *data, size_t len)
{
    char sql[512];
    snprintf(sql, sizeof(sql), "COPY %s FROM STDIN", table_cols);
    enum err rc = ready(st);
    if (rc != ERR_OK) {
        return rc;
    }
    PGresult *r = PQexec(st->conn, sql);
    if (PQresultStatus(r) != PGRES_COPY_IN) {
        rc = pg_fail(st, r);
        PQclear(r);
        return rc;
    }
    PQclear(r);
    /* In pieces of 1 MiB: libpq copies each into its buffer. */
    size_t at = 0;
    while (at < len && rc == ERR_OK) {
        size_t n = len - at < (1u << 20) ? len - at : (1u << 20);
        if (PQputCopyData(st->conn, data + at, (int)n) != 1) {
            rc = pg_fail(st, NULL);
        }
        at += n;
    }
    if (PQputCopyEnd(st->conn, rc == ERR_OK ? NULL : "aborted") != 1 &&
        rc == ERR_OK) {
        rc = pg_fail(st, NULL);
    }
    while ((r = PQgetResult(st->conn)) != NULL) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && rc == ERR_OK) {
            rc = pg_fail(st, r);
        }
        PQclear(r);
    }
    return rc;
}

void
pg_copy_field(struct buf *b, const char *v, bool last)
{
    enum err rc = ERR_OK;
    if (v == NULL) {
        rc = buf_add(b, "\\N", 2);
    } else {
        const char *run_start = v;
        for (const char *c = v;; c++) {
            const char *esc = NULL;
            switch (*c) {
            case '\\':
                esc = "\\\\";
                break;
            case '\t':
                esc = "\\t";
                break;
            case '\n':
                esc = "\\n";
                break;
            case '\r':
                esc = "\\r";
                break;
            default:
                break;
            }
            if (esc != NULL || *c == '\0') {
                if (rc == ERR_OK && c > run_start) {
                    rc = buf_add(b, run_start, (size_t)(c - run_start));
                }
                if (*c == '\0') {
                    break;
                }
                rc = rc == ERR_OK ? buf_add(b, esc, 2) : rc;
                run_start = c + 1;
            }
        }
    }
    rc = rc == ERR_OK ? buf_add(b, last ? "\n" : "\t", 1) : rc;
    /* The buffer has no limit (buf_init(b, 0)): only memory fails, and
     * xmalloc ends the program then. */
    assert(rc == ERR_OK);
    (void)rc;
}

static void
param(struct pg_params *p, const char *v, int len, int fmt)
{
    assert(p->n < PG_MAX_PARAMS);
    p->v[p->n] = v;
    p->len[p->n] = len;
    p->fmt[p->n] = fmt;
    p->n++;
}

void
pg_p_text(struct pg_params *p, const char *v)
{
    param(p, v, 0, 0);
}

void
pg_p_long(struct pg_params *p, long long v)
{
    assert(p->n < PG_MAX_PARAMS);
    snprintf(p->num[p->n], sizeof(p->num[0]), "%lld", v);
    param(p, p->num[p->n], 0, 0);
}

void
pg_p_bool(struct pg_params *p, bool v)
{
    param(p, v ? "true" : "false", 0, 0);
}

void
pg_p_date(struct pg_params *p, int32_t day)
{
    assert(p->n < PG_MAX_PARAMS);
    if (day == DATE_NONE) {
        param(p, NULL, 0, 0);
        return;
    }
    char text[DATE_STR_LEN];
    date_format(day, text);
    snprintf(p->num[p->n], sizeof(p->num[0]), "%s", text);
    param(p, p->num[p->n], 0, 0);
}

void
pg_p_coord(struct pg_params *p, double v)
{
    assert(p->n < PG_MAX_PARAMS);
    if (v == MODEL_COORD_NONE) {
        param(p, NULL, 0, 0);
        return;
    }
    /* 17 significant digits give back the same double. */
    snprintf(p->num[p->n], sizeof(p->num[0]), "%.17g", v);
    param(p, p->num[p->n], 0, 0);
}

void
pg_p_bytes(struct pg_params *p, const void *v, size_t len)
{
    static const char none[1] = {0};
    param(p, len > 0 ? v : none, (int)len, 1);
}

const char *
pg_col_text(const PGresult *r, int row, int i)
{
    return PQgetisnull(r, row, i) ? NULL : PQgetvalue(r, row, i);
}

long long
pg_col_long(const PGresult *r, int row, int i)
{
    return PQgetisnull(r, row, i) ? 0
                                  : strtoll(PQgetvalue(r, row, i), NULL, 10);
}

bool
pg_col_bool(const PGresult *r, int row, int i)
{
    if (PQgetisnull(r, row, i)) {
        return false;
    }
    const char *v = PQgetvalue(r, row, i);
    return v[0] == 't' || (v[0] >= '1' && v[0] <= '9');
}

double
pg_col_coord(const PGresult *r, int row, int i)
{
    return PQgetisnull(r, row, i) ? MODEL_COORD_NONE
                                  : strtod(PQgetvalue(r, row, i), NULL);
}

enum err
pg_col_date(struct store *st, const PGresult *r, int row, int i, int32_t *out)
{
    const char *t = pg_col_text(r, row, i);
    if (t == NULL) {
        *out = DATE_NONE;
        return ERR_OK;
    }
    if (date_parse(t, strlen(t), out) != ERR_OK) {
        pg_set_errmsg(st, L_("tanggal rusak di basis data",
                             "damaged date in the database"));
        return ERR_DB;
    }
    return ERR_OK;
}

enum err
pg_col_enum(struct store *st, const PGresult *r, int row, int i,
            const struct model_enum *e, int *out)
{
    const char *t = pg_col_text(r, row, i);
    int v = t ? model_enum_parse(e, t, strlen(t)) : -1;
    if (v < 0) {
        pg_set_errmsg(st, L_("nilai pilihan rusak di basis data",
                             "damaged enumeration value in the database"));
        return ERR_DB;
    }
    *out = v;
    return ERR_OK;
}

enum err
pg_col_bytes(struct store *st, const PGresult *r, int row, int i,
             struct buf *out)
{
    if (PQgetisnull(r, row, i)) {
        return ERR_OK;
    }
    size_t n = 0;
    unsigned char *b =
        PQunescapeBytea((const unsigned char *)PQgetvalue(r, row, i), &n);
    if (b == NULL) {
        pg_set_errmsg(st, L_("isi berkas rusak di basis data",
                             "damaged file content in the database"));
        return ERR_DB;
    }
    enum err rc = buf_add(out, b, n);
    PQfreemem(b);
    return rc;
}

const char *
store_pg_errmsg(const struct store *st)
{
    return st != NULL && st->errmsg != NULL ? st->errmsg : "";
}

static const struct store_ops pg_ops;

/* A handle on 'conninfo', not connected yet. */
static struct store *
new_handle(const char *conninfo)
{
    struct store *st = xcalloc(1, sizeof(*st));
    st->ops = &pg_ops;
    for (int i = 0; i < STORE_BULK_N; i++) {
        buf_init(&st->copy[i], 0);
    }
    st->conninfo = xstrdup(conninfo);
    st->busy_ms = STORE_BUSY_MS;
    return st;
}

enum err
store_pg_open(const char *conninfo, bool create, struct store **out)
{
    struct store *st = new_handle(conninfo);
    *out = st;
    enum err rc = connect_now(st);
    (void)create; /* The schema comes with store_migrate() (init). */
    return rc;
}

void
store_pg_close(struct store *st)
{
    if (st == NULL) {
        return;
    }
    PQfinish(st->conn); /* An open transaction is rolled back. */
    for (int i = 0; i < STORE_BULK_N; i++) {
        buf_cleanup(&st->copy[i]);
    }
    map64_cleanup(&st->copy_keys);
    pg_bulk_forget(st);
    free_scratch(st);
    free(st->conninfo);
    free(st->errmsg);
    free(st);
}

enum err
store_pg_reopen(struct store *st, struct store **out)
{
    if (st->in_tx) {
        /* The second handle would not see this one's writes yet. */
        *out = new_handle(st->conninfo);
        pg_set_errmsg(*out,
                      L_("transaksi sedang terbuka", "a transaction is open"));
        return ERR_UNAVAILABLE;
    }
    enum err rc = store_pg_open(st->conninfo, false, out);
    if (rc == ERR_OK) {
        store_pg_busy_timeout(*out, st->busy_ms);
    }
    return rc;
}

void
store_pg_busy_timeout(struct store *st, int ms)
{
    /* How long a statement waits for another's locks before failing, as
     * SQLite's busy timeout does: for the session, and again in each
     * transaction (SET LOCAL), since behind pgbouncer's transaction
     * pooling a session's settings stay on whichever server connection
     * ran them. */
    st->busy_ms = ms > 0 ? ms : 1; /* 0 would be no limit at all. */
    char sql[64];
    snprintf(sql, sizeof(sql), "SET lock_timeout = %d", st->busy_ms);
    if (st->conn != NULL && pg_exec(st, sql) != ERR_OK) {
        return; /* Each transaction still sets its own. */
    }
}

void
store_pg_cache_limit(struct store *st, int kib)
{
    /* The server keeps its own cache; the client holds none. */
    (void)st;
    (void)kib;
}

enum err
store_pg_begin(struct store *st)
{
    /* One transaction of mutasi's at a time, as SQLite's BEGIN IMMEDIATE
     * gives: a transaction reads what it decides on (is this employee
     * still where the plan found them?) and writes on that, so two at
     * once could both decide on the same state. The lock is the
     * transaction's (safe behind pgbouncer's transaction pooling) and
     * waits at most the busy timeout (lock_timeout), then ERR_UNAVAILABLE.
     * Single statements outside a transaction (sessions, the login
     * throttle, leases) do not take it. */
    char sql[160];
    snprintf(sql, sizeof(sql),
             "BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout ="
             " %d; SELECT pg_advisory_xact_lock(" PG_TX_LOCK ")",
             st->busy_ms);
    enum err rc = pg_exec(st, sql);
    if (rc == ERR_OK) {
        st->in_tx = true;
    } else if (st->conn != NULL &&
               PQtransactionStatus(st->conn) != PQTRANS_IDLE) {
        PGresult *r = PQexec(st->conn, "ROLLBACK");
        PQclear(r);
    }
    return rc;
}

enum err
store_pg_commit(struct store *st)
{
    enum err rc = pg_exec(st, "COMMIT");
    /* A failed COMMIT ends the transaction too (it rolled back); so must
     * a failure before it (of a write sent by pg_run_later()), which left
     * the server's transaction open. */
    if (rc != ERR_OK && st->conn != NULL &&
        PQstatus(st->conn) == CONNECTION_OK &&
        PQtransactionStatus(st->conn) != PQTRANS_IDLE) {
        PGresult *r = PQexec(st->conn, "ROLLBACK");
        PQclear(r);
    }
    st->in_tx = false;
    memset(st->bulk, 0, sizeof(st->bulk));
    pg_bulk_forget(st);
    return rc;
}

void
store_pg_rollback(struct store *st)
{
    if (st != NULL && st->in_tx) {
        if (st->piped > 0) {
            (void)pipe_drain(st); /* Their answers no longer matter. */
        }
        if (st->conn != NULL && PQstatus(st->conn) == CONNECTION_OK) {
            PGresult *r = PQexec(st->conn, "ROLLBACK");
            PQclear(r); /* A failure ends the connection's transaction. */
        }
        st->in_tx = false;
        memset(st->bulk, 0, sizeof(st->bulk));
        pg_bulk_forget(st);
        for (int i = 0; i < STORE_BULK_N; i++) {
            buf_reset(&st->copy[i]);
            st->copy_rows[i] = 0;
        }
    }
}

static const struct store_ops pg_ops = {
    .busy_timeout = store_pg_busy_timeout,
    .cache_limit = store_pg_cache_limit,
    .close = store_pg_close,
    .reopen = store_pg_reopen,
    .errmsg = store_pg_errmsg,
    .migrate = store_pg_migrate,
    .check_schema = store_pg_check_schema,
    .schema_version = store_pg_schema_version,
    .backup = store_pg_backup,
    .backup_check = store_pg_backup_check,
    .restore = store_pg_restore,
    .begin = store_pg_begin,
    .commit = store_pg_commit,
    .rollback = store_pg_rollback,
    .bulk_begin = store_pg_bulk_begin,
    .bulk_end = store_pg_bulk_end,
    .unit_put = store_pg_unit_put,
    .unit_each = store_pg_unit_each,
    .unit_get = store_pg_unit_get,
    .jabatan_get = store_pg_jabatan_get,
    .jabatan_put = store_pg_jabatan_put,
    .jabatan_each = store_pg_jabatan_each,
    .beban_clear = store_pg_beban_clear,
    .beban_add = store_pg_beban_add,
    .beban_add_app = store_pg_beban_add_app,
    .beban_app_has = store_pg_beban_app_has,
    .beban_each = store_pg_beban_each,
    .beban_scan = store_pg_beban_scan,
    .beban_each_unit = store_pg_beban_each_unit,
    .pegawai_put = store_pg_pegawai_put,
    .kinerja_put = store_pg_kinerja_put,
    .kinerja_each = store_pg_kinerja_each,
    .kinerja_of = store_pg_kinerja_of,
    .kinerja_years = store_pg_kinerja_years,
    .batas_clear = store_pg_batas_clear,
    .batas_put = store_pg_batas_put,
    .batas_each = store_pg_batas_each,
    .pegawai_get = store_pg_pegawai_get,
    .pegawai_names = store_pg_pegawai_names,
    .pegawai_each = store_pg_pegawai_each,
    .staff_each = store_pg_staff_each,
    .posts_each = store_pg_posts_each,
    .permohonan_put = store_pg_permohonan_put,
    .permohonan_each = store_pg_permohonan_each,
    .unit_count_each = store_pg_unit_count_each,
    .plan_set_status = store_pg_plan_set_status,
    .plan_respond = store_pg_plan_respond,
    .plan_responses_each = store_pg_plan_responses_each,
    .plan_moves_each = store_pg_plan_moves_each,
    .plan_move_decide = store_pg_plan_move_decide,
    .plan_answer_put = store_pg_plan_answer_put,
    .plan_answers_each = store_pg_plan_answers_each,
    .plan_actors_each = store_pg_plan_actors_each,
    .plan_count_minutes = store_pg_plan_count_minutes,
    .request_actor = store_pg_request_actor,
    .plan_count_approved = store_pg_plan_count_approved,
    .plan_add = store_pg_plan_add,
    .plan_get = store_pg_plan_get,
    .plan_each = store_pg_plan_each,
    .pegawai_page = store_pg_pegawai_page,
    .riwayat_each = store_pg_riwayat_each,
    .unit_moves_each = store_pg_unit_moves_each,
    .unit_in_subtree = store_pg_unit_in_subtree,
    .audit_each = store_pg_audit_each,
    .request_create = store_pg_request_create,
    .request_get = store_pg_request_get,
    .request_step = store_pg_request_step,
    .request_open_of = store_pg_request_open_of,
    .request_each = store_pg_request_each,
    .document_add = store_pg_document_add,
    .document_each = store_pg_document_each,
    .document_get = store_pg_document_get,
    .document_review = store_pg_document_review,
    .user_add = store_pg_user_add,
    .user_get = store_pg_user_get,
    .user_set_password = store_pg_user_set_password,
    .user_set_active = store_pg_user_set_active,
    .user_each = store_pg_user_each,
    .account_change_add = store_pg_account_change_add,
    .account_change_get = store_pg_account_change_get,
    .account_change_close = store_pg_account_change_close,
    .account_change_each = store_pg_account_change_each,
    .session_add = store_pg_session_add,
    .session_get = store_pg_session_get,
    .session_touch = store_pg_session_touch,
    .session_delete = store_pg_session_delete,
    .data_version = store_pg_data_version,
    .setting_get = store_pg_setting_get,
    .setting_set = store_pg_setting_set,
    .audit_add = store_pg_audit_add,
    .izin_add = store_pg_izin_add,
    .izin_get = store_pg_izin_get,
    .register_find = store_pg_register_find,
    .register_add = store_pg_register_add,
    .register_each = store_pg_register_each,
    .move_set_st = store_pg_move_set_st,
    .move_get_st = store_pg_move_get_st,
    .count_st = store_pg_count_st,
    .request_step_find = store_pg_request_step_find,
    .siasn_id_set = store_pg_siasn_id_set,
    .siasn_id_get = store_pg_siasn_id_get,
    .siasn_id_find = store_pg_siasn_id_find,
    .siasn_id_each = store_pg_siasn_id_each,
    .siasn_kirim_get = store_pg_siasn_kirim_get,
    .siasn_kirim_put = store_pg_siasn_kirim_put,
    .siasn_kirim_each = store_pg_siasn_kirim_each,
    .throttle_get = store_pg_throttle_get,
    .throttle_fail = store_pg_throttle_fail,
    .throttle_wait = store_pg_throttle_wait,
    .throttle_clear = store_pg_throttle_clear,
    .throttle_sweep = store_pg_throttle_sweep,
    .lease_take = store_pg_lease_take,
    .lease_release = store_pg_lease_release,
};

MODULE_EXPORT const struct store_pg_module mutasi_module_pg = {
    MODULE_HEAD(struct store_pg_module),
    store_pg_open,
};
