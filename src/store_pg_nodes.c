/* SPDX-License-Identifier: MIT */
/* store_pg_nodes: what several servers on one database share, in the
 * PostgreSQL back end (storage layer): the change counter, the login
 * throttle's counts and the leases of long work. Each is one statement,
 * atomic by itself, so that it is safe behind pgbouncer's transaction
 * pooling (no session state: no advisory session locks, no LISTEN). */
#include <string.h>

#include "store.h"
#include "store_pg_int.h"

enum err
store_pg_data_version(struct store *st, uint64_t *out)
{
    long long n = 0;
    enum err rc = pg_one_long(st, "SELECT n FROM perubahan", NULL, &n);
    if (rc == ERR_OK) {
        *out = (uint64_t)n;
    }
    return rc;
}

static enum err
throttle_row(struct store *st, const PGresult *r, int row, void *ctx)
{
    struct store_throttle *t = ctx;
    (void)st;
    t->gagal = (long)pg_col_long(r, row, 0);
    t->terakhir = pg_col_long(r, row, 1);
    t->sampai = pg_col_long(r, row, 2);
    return ERR_OK;
}

enum err
store_pg_throttle_get(struct store *st, const char *key,
                      struct store_throttle *out)
{
    struct pg_params p = {0};
    memset(out, 0, sizeof(*out));
    pg_p_text(&p, key);
    enum err rc = pg_one_row(st,
                             "SELECT gagal, terakhir, sampai FROM login_gagal"
                             " WHERE kunci = $1",
                             &p, throttle_row, out);
    return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

enum err
store_pg_throttle_fail(struct store *st, const char *key, int64_t now,
                       int64_t forget_ms, struct store_throttle *out)
{
    struct pg_params p = {0};
    memset(out, 0, sizeof(*out));
    pg_p_text(&p, key);
    pg_p_long(&p, now);
    pg_p_long(&p, forget_ms);
    /* A stale key (wait over, last failure older than $3 ms) starts
     * again at 1. */
    return pg_one_row(
        st,
        "INSERT INTO login_gagal AS g (kunci, gagal, terakhir, sampai) VALUES"
        " ($1, 1, $2, 0) ON CONFLICT (kunci) DO UPDATE SET gagal = CASE WHEN"
        " $2 >= g.sampai AND $2 - g.terakhir > $3 THEN 1 ELSE g.gagal + 1"
        " END, sampai = CASE WHEN $2 >= g.sampai AND $2 - g.terakhir > $3"
        " THEN 0 ELSE g.sampai END, terakhir = $2"
        " RETURNING gagal, terakhir, sampai",
        &p, throttle_row, out);
}

enum err
store_pg_throttle_wait(struct store *st, const char *key, int64_t sampai)
{
    struct pg_params p = {0};
    pg_p_text(&p, key);
    pg_p_long(&p, sampai);
    return pg_run(st,
                  "UPDATE login_gagal SET sampai = greatest(sampai, $2)"
                  " WHERE kunci = $1",
                  &p, NULL);
}

enum err
store_pg_throttle_clear(struct store *st, const char *key)
{
    struct pg_params p = {0};
    pg_p_text(&p, key);
    return pg_run(st, "DELETE FROM login_gagal WHERE kunci = $1", &p, NULL);
}

enum err
store_pg_throttle_sweep(struct store *st, int64_t now, int64_t forget_ms)
{
    struct pg_params p = {0};
    pg_p_long(&p, now);
    pg_p_long(&p, forget_ms);
    return pg_run(st,
                  "DELETE FROM login_gagal WHERE sampai <= $1 AND"
                  " $1 - terakhir > $2",
                  &p, NULL);
}

static enum err
taken_row(struct store *st, const PGresult *r, int row, void *ctx)
{
    (void)st;
    (void)r;
    (void)row;
    *(bool *)ctx = true;
    return ERR_OK;
}

enum err
store_pg_lease_take(struct store *st, const char *name, const char *holder,
                    int64_t now, int64_t until, bool *got)
{
    struct pg_params p = {0};
    *got = false;
    pg_p_text(&p, name);
    pg_p_text(&p, holder);
    pg_p_long(&p, now);
    pg_p_long(&p, until);
    /* No row back: the conflict's update was refused (held by another).
     * Two servers asking at once: the row lock makes one wait for the
     * other's insert, then see it held. */
    enum err rc = pg_one_row(
        st,
        "INSERT INTO sewa AS s (nama, pemegang, sampai) VALUES ($1, $2, $4)"
        " ON CONFLICT (nama) DO UPDATE SET pemegang = excluded.pemegang,"
        " sampai = excluded.sampai WHERE s.sampai <= $3 OR s.pemegang ="
        " excluded.pemegang RETURNING pemegang",
        &p, taken_row, got);
    return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

enum err
store_pg_lease_release(struct store *st, const char *name, const char *holder)
{
    struct pg_params p = {0};
    pg_p_text(&p, name);
    pg_p_text(&p, holder);
    return pg_run(st, "DELETE FROM sewa WHERE nama = $1 AND pemegang = $2", &p,
                  NULL);
}
