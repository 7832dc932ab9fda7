/* SPDX-License-Identifier: MIT */
/* store_sqlite_nodes: what several servers on one database share, in the
 * SQLite back end (storage layer): the login throttle's counts and the
 * leases of long work. */
#include <sqlite3.h>
#include <string.h>

#include "store.h"
#include "store_sqlite_int.h"

static enum err
throttle_row(struct store *st, sqlite3_stmt *s, void *ctx)
{
    struct store_throttle *t = ctx;
    (void)st;
    t->gagal = (long)sqlite3_column_int64(s, 0);
    t->terakhir = sqlite3_column_int64(s, 1);
    t->sampai = sqlite3_column_int64(s, 2);
    return ERR_OK;
}

enum err
store_sqlite_throttle_get(struct store *st, const char *key,
                          struct store_throttle *out)
{
    memset(out, 0, sizeof(*out));
    enum err rc = sq_get_one(st, S_THROTTLE_GET, key, throttle_row, out);
    return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

enum err
store_sqlite_throttle_fail(struct store *st, const char *key, int64_t now,
                           int64_t forget_ms, struct store_throttle *out)
{
    sqlite3_stmt *s = NULL;
    memset(out, 0, sizeof(*out));
    enum err rc = sq_stmt(st, S_THROTTLE_FAIL, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, key);
    sqlite3_bind_int64(s, 2, now);
    sqlite3_bind_int64(s, 3, forget_ms);
    return sq_one_row(st, s, throttle_row, out);
}

enum err
store_sqlite_throttle_wait(struct store *st, const char *key, int64_t sampai)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_THROTTLE_WAIT, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, key);
    sqlite3_bind_int64(s, 2, sampai);
    return sq_step_reset(st, s);
}

enum err
store_sqlite_throttle_clear(struct store *st, const char *key)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_THROTTLE_CLEAR, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, key);
    return sq_step_reset(st, s);
}

enum err
store_sqlite_throttle_sweep(struct store *st, int64_t now, int64_t forget_ms)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_THROTTLE_SWEEP, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, now);
    sqlite3_bind_int64(s, 2, forget_ms);
    return sq_step_reset(st, s);
}

static enum err
taken_row(struct store *st, sqlite3_stmt *s, void *ctx)
{
    (void)st;
    (void)s;
    *(bool *)ctx = true;
    return ERR_OK;
}

enum err
store_sqlite_lease_take(struct store *st, const char *name, const char *holder,
                        int64_t now, int64_t until, bool *got)
{
    sqlite3_stmt *s = NULL;
    *got = false;
    enum err rc = sq_stmt(st, S_LEASE_TAKE, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, name);
    sq_bind_text(s, 2, holder);
    sqlite3_bind_int64(s, 3, now);
    sqlite3_bind_int64(s, 4, until);
    /* No row back: the conflict's update was refused (held by another). */
    rc = sq_one_row(st, s, taken_row, got);
    return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

enum err
store_sqlite_lease_release(struct store *st, const char *name,
                           const char *holder)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_LEASE_RELEASE, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, name);
    sq_bind_text(s, 2, holder);
    return sq_step_reset(st, s);
}
