/* SPDX-License-Identifier: MIT */
/* store_pg_int: what the files of the PostgreSQL back end share (storage
 * layer): the handle and the helpers of store_pg.c. Included only by
 * store_pg*.c, the only files that include <libpq-fe.h>. The helpers'
 * names start with pg_, the back end's own short prefix (sq_ for SQLite).
 *
 * One idiom runs SQL. Fixed SQL is a static string beside the function
 * that runs it: pg_run() and the pg_*_row() helpers send it with its
 * parameters (collected in a struct pg_params) as one unnamed statement
 * of the extended protocol (PQexecParams). Not named prepared statements:
 * behind pgbouncer's transaction pooling each transaction may reach
 * another server connection, which would not know them; the cost is the
 * server's parse and plan of each statement, some 20 us on a small query.
 * pg_exec() (PQexec) is only for scripts: DDL, transaction control, SET.
 *
 * Differences from SQLite that the back end's files must mind:
 * - An error inside a transaction aborts the whole transaction. A
 *   statement that may fail on purpose (a key already taken) is written
 *   so that it cannot: INSERT ... ON CONFLICT DO NOTHING RETURNING, and no
 *   row back means ERR_EXISTS.
 * - Parameters are $1, $2 ...; 'a IS b' is 'a IS NOT DISTINCT FROM b';
 *   group_concat is string_agg; there is no rowid (use the id column).
 * - Results come whole into memory (pg_each_row), except for the scans of
 *   the whole staff, which stream one row at a time (pg_stream_rows):
 *   their callbacks must not use the store meanwhile. */
#ifndef MUTASI_STORE_PG_INT_H
#define MUTASI_STORE_PG_INT_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "map64.h"
#include "store.h"
#include "store_int.h"

struct model_enum;

/* The time of day as stored (UTC, ISO 8601, as SQLite's back end writes
 * it), inside SQL text: the statement's start. */
#define PG_NOW_SQL                                      \
    "to_char(statement_timestamp() AT TIME ZONE 'UTC'," \
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

#define PG_N_SCRATCH  8 /* Strings of the record of the last *_get call. */
#define PG_MAX_PARAMS 24
#define PG_PIPE_MAX   1000 /* Writes of pg_run_later() at most in flight. */

struct store {
    const struct store_ops *ops; /* First: see store_int.h. */
    PGconn *conn;                /* NULL for an unavailable target. */
    char *conninfo;              /* The target, to connect again. */
    char *errmsg;                /* Last error text, owned. */
    char sqlstate[6];            /* Of the last failure; "" when none. */
    bool in_tx;                  /* A transaction is open. */
    bool broken;    /* The connection is lost: make it again (pg_fail()). */
    int busy_ms;    /* Lock wait of a transaction (ms). */
    bool streaming; /* pg_stream_rows() is reading. */
    int piped;      /* Writes sent by pg_run_later() whose answers have
                     * not been read (the connection is in pipeline mode
                     * while it is not 0). */
    bool bulk[STORE_BULK_N];       /* Bulk loading into an empty table. */
    struct buf copy[STORE_BULK_N]; /* COPY text waiting to be sent. */
    long copy_rows[STORE_BULK_N];  /* Rows in copy[]. */
    struct map64 copy_keys;        /* Hashes of the NIPs in the pegawai
                                    * copy[] (store_pg_data.c); stale
                                    * while its copy_rows is 0. */
    char *scratch[PG_N_SCRATCH];   /* Owned strings of the last get. */
    char *fk_add[STORE_BULK_N];    /* The SQL that adds back the foreign
                                    * keys dropped for a bulk load
                                    * (store_pg_data.c); NULL when none. */
};

/* The parameters of one statement, all sent as text except bytes. Fill
 * with the pg_p_*() helpers in the order of $1, $2 ...; a struct on the
 * stack, zeroed ({0}). The strings are not copied: they must live until
 * the statement has run. */
struct pg_params {
    int n;
    const char *v[PG_MAX_PARAMS];
    int len[PG_MAX_PARAMS];
    int fmt[PG_MAX_PARAMS];
    char num[PG_MAX_PARAMS][32]; /* Text of numbers and dates. */
};

void pg_p_text(struct pg_params *p, const char *v); /* NULL sends NULL. */
void pg_p_long(struct pg_params *p, long long v);
void pg_p_bool(struct pg_params *p, bool v);
/* A date as YYYY-MM-DD; DATE_NONE sends NULL. */
void pg_p_date(struct pg_params *p, int32_t day);
/* A coordinate with all its digits; MODEL_COORD_NONE sends NULL. */
void pg_p_coord(struct pg_params *p, double v);
/* Bytes for a bytea column, sent in binary. */
void pg_p_bytes(struct pg_params *p, const void *v, size_t len);

/* Reads row 'row' of the result 'r' for a caller; returns its verdict. */
typedef enum err pg_row_fn(struct store *st, const PGresult *r, int row,
                           void *ctx);

/* Set the text of store_errmsg(st) to a copy of 'msg'. */
void pg_set_errmsg(struct store *st, const char *msg);
/* Record the failure of 'r' (NULL: of the connection): its text and
 * SQLSTATE. ERR_UNAVAILABLE when the server is away (the connection is
 * lost: class 08, or shutting down: 57P) or busy (deadlock, serialisation:
 * 40), with a message saying so; ERR_DB otherwise. */
enum err pg_fail(struct store *st, const PGresult *r);
/* Whether the last failure had SQLSTATE 'code' ("23505" unique). */
bool pg_failed_with(const struct store *st, const char *code);
/* As sq_keep_strings(): copy the 'n' borrowed strings behind 'fields' into
 * the handle's scratch space and point the fields at the copies. */
void pg_keep_strings(struct store *st, const char **const *fields, size_t n);

/* Run the script 'sql' (DDL, SET, transaction control), which returns no
 * rows. */
MUST_USE enum err pg_exec(struct store *st, const char *sql);
/* Run the fixed SQL 'sql' with 'p' (NULL: none).
 * When 'out' is not NULL it receives the result (PGRES_TUPLES_OK or
 * PGRES_COMMAND_OK) to PQclear(); otherwise the result is dropped. */
MUST_USE enum err pg_run(struct store *st, const char *sql,
                         const struct pg_params *p, PGresult **out);
/* As pg_run() for a write whose answer the caller does not wait for:
 * inside a transaction it goes out at once in libpq's pipeline mode and
 * the server works through such writes while the caller goes on; their
 * answers are read before the next other statement (or every
 * PG_PIPE_MAX), and a failure among them is that statement's failure
 * (the transaction is lost either way). Outside a transaction it is
 * pg_run(). */
MUST_USE enum err pg_run_later(struct store *st, const char *sql,
                               const struct pg_params *p);
/* Run the UPDATE or DELETE 'sql'; 'none' when it changed no row (the row
 * is gone, or moved on meanwhile), with 'why' (may be NULL) as the store's
 * message. */
MUST_USE enum err pg_run_changed(struct store *st, const char *sql,
                                 const struct pg_params *p, enum err none,
                                 const char *why);
/* Run 'sql' and call 'row' for each row of its result until it returns
 * other than ERR_OK. The result is read whole first, so 'row' may use the
 * store. */
MUST_USE enum err pg_each_row(struct store *st, const char *sql,
                              const struct pg_params *p, pg_row_fn *row,
                              void *ctx);
/* As pg_each_row() for results too large to hold (the whole staff): rows
 * come one at a time (single-row mode) and 'row' must not use the store. */
MUST_USE enum err pg_stream_rows(struct store *st, const char *sql,
                                 const struct pg_params *p, pg_row_fn *row,
                                 void *ctx);
/* Run 'sql' and hand its first row to 'row'. ERR_NOTFOUND when there is
 * none. */
MUST_USE enum err pg_one_row(struct store *st, const char *sql,
                             const struct pg_params *p, pg_row_fn *row,
                             void *ctx);
/* Run 'sql', which returns one integer (count(*) ...), into '*out'. */
MUST_USE enum err pg_one_long(struct store *st, const char *sql,
                              const struct pg_params *p, long long *out);
/* Send the text 'data' (COPY's text format, whole lines) to
 * "COPY <table_cols> FROM STDIN" (table_cols: "pegawai (nip, nama, ...)"). */
MUST_USE enum err pg_copy(struct store *st, const char *table_cols,
                          const char *data, size_t len);
/* Bulk mode's COPY text (store_pg_data.c): send what waits for 'what';
 * the same only when it is in bulk mode, before a read of its table; and
 * count one row written into st->copy[what], sending the text once it is
 * large. */
MUST_USE enum err pg_copy_flush(struct store *st, enum store_bulk what);
MUST_USE enum err pg_copy_before_read(struct store *st, enum store_bulk what);
MUST_USE enum err pg_copy_row_done(struct store *st, enum store_bulk what);
/* Forget the foreign keys that bulk mode dropped (st->fk_add): the
 * transaction that dropped them ended. */
void pg_bulk_forget(struct store *st);
/* Append 'v' to 'b' as one field of COPY's text format (NULL is \N),
 * escaping backslash, tab, newline and carriage return; 'last' ends the
 * line instead of adding a tab. */
void pg_copy_field(struct buf *b, const char *v, bool last);

/* Column 'i' of row 'row' as text, NULL for NULL; borrowed until the
 * result is cleared. */
const char *pg_col_text(const PGresult *r, int row, int i);
/* As a number; 0 for NULL. */
long long pg_col_long(const PGresult *r, int row, int i);
/* A boolean column (t/f) or an integer one (0/1); false for NULL. */
bool pg_col_bool(const PGresult *r, int row, int i);
/* A coordinate; MODEL_COORD_NONE for NULL. */
double pg_col_coord(const PGresult *r, int row, int i);
/* A stored date (YYYY-MM-DD); DATE_NONE for NULL. ERR_DB when damaged. */
MUST_USE enum err pg_col_date(struct store *st, const PGresult *r, int row,
                              int i, int32_t *out);
/* A stored enumeration word; ERR_DB when it is not one of 'e'. */
MUST_USE enum err pg_col_enum(struct store *st, const PGresult *r, int row,
                              int i, const struct model_enum *e, int *out);
/* A bytea column's bytes appended to 'out'. ERR_DB when damaged. */
MUST_USE enum err pg_col_bytes(struct store *st, const PGresult *r, int row,
                               int i, struct buf *out);

/* The operations of store.h on PostgreSQL (store_int.h), in the files
 * store_pg*.c. */
void store_pg_busy_timeout(struct store *st, int ms);
void store_pg_cache_limit(struct store *st, int kib);
MUST_USE enum err store_pg_reopen(struct store *st, struct store **out);
void store_pg_close(struct store *st);
const char *store_pg_errmsg(const struct store *st);
MUST_USE enum err store_pg_migrate(struct store *st, int *from);
MUST_USE enum err store_pg_check_schema(struct store *st);
MUST_USE enum err store_pg_schema_version(struct store *st, int *out);
MUST_USE enum err store_pg_backup(struct store *st, const char *path,
                                  store_progress_fn *progress, void *ctx);
MUST_USE enum err store_pg_backup_check(struct store *st, const char *path,
                                        int *version);
MUST_USE enum err store_pg_restore(struct store *st, const char *path,
                                   store_progress_fn *progress, void *ctx);
MUST_USE enum err store_pg_begin(struct store *st);
MUST_USE enum err store_pg_commit(struct store *st);
void store_pg_rollback(struct store *st);
MUST_USE enum err store_pg_bulk_begin(struct store *st, enum store_bulk what,
                                      bool *out);
MUST_USE enum err store_pg_bulk_end(struct store *st, enum store_bulk what,
                                    const char *sumber);
MUST_USE enum err store_pg_unit_put(struct store *st, const struct unit *u);
MUST_USE enum err
store_pg_unit_each(struct store *st,
                   enum err (*fn)(void *, const struct unit *), void *ctx);
MUST_USE enum err store_pg_unit_get(struct store *st, const char *kode,
                                    struct unit *out);
MUST_USE enum err store_pg_jabatan_get(struct store *st, const char *kode,
                                       struct jabatan *out);
MUST_USE enum err store_pg_jabatan_put(struct store *st,
                                       const struct jabatan *j);
MUST_USE enum err store_pg_jabatan_each(struct store *st,
                                        enum err (*fn)(void *,
                                                       const struct jabatan *),
                                        void *ctx);
MUST_USE enum err store_pg_beban_clear(struct store *st, const char *unit,
                                       const char *jabatan, bool with_app,
                                       long *kept);
MUST_USE enum err store_pg_beban_add(struct store *st, const struct beban *b);
MUST_USE enum err store_pg_beban_add_app(struct store *st,
                                         const struct beban *b);
MUST_USE enum err store_pg_beban_app_has(struct store *st,
                                         const struct beban *b, bool *same);
MUST_USE enum err
store_pg_beban_each(struct store *st,
                    enum err (*fn)(void *, const struct beban *), void *ctx);
MUST_USE enum err
store_pg_beban_scan(struct store *st,
                    enum err (*fn)(void *, const struct beban *), void *ctx);
MUST_USE enum err store_pg_beban_each_unit(struct store *st, const char *unit,
                                           enum err (*fn)(void *,
                                                          const struct beban *),
                                           void *ctx);
MUST_USE enum err store_pg_pegawai_put(struct store *st,
                                       const struct pegawai *p,
                                       const char *sumber, enum store_put *out);
MUST_USE enum err store_pg_kinerja_put(struct store *st,
                                       const struct kinerja *k,
                                       enum store_put *out);
MUST_USE enum err store_pg_kinerja_each(struct store *st,
                                        enum err (*fn)(void *,
                                                       const struct kinerja *),
                                        void *ctx);
MUST_USE enum err
store_pg_kinerja_of(struct store *st, const char *nip,
                    enum err (*fn)(void *, const struct kinerja *), void *ctx);
MUST_USE enum err store_pg_kinerja_years(struct store *st, int from, int to,
                                         enum err (*fn)(void *,
                                                        const struct kinerja *),
                                         void *ctx);
MUST_USE enum err store_pg_batas_clear(struct store *st);
MUST_USE enum err store_pg_batas_put(struct store *st,
                                     const struct store_batas *b);
MUST_USE enum err
store_pg_batas_each(struct store *st,
                    enum err (*fn)(void *, const struct store_batas *),
                    void *ctx);
MUST_USE enum err store_pg_pegawai_get(struct store *st, const char *nip,
                                       struct pegawai *out);
MUST_USE enum err store_pg_pegawai_names(
    struct store *st, const char *const *nips, size_t n,
    enum err (*fn)(void *, const char *nip, const char *nama), void *ctx);
MUST_USE enum err store_pg_pegawai_each(struct store *st,
                                        enum err (*fn)(void *,
                                                       const struct pegawai *),
                                        void *ctx);
MUST_USE enum err
store_pg_staff_each(struct store *st, int32_t day,
                    enum err (*fn)(void *, const struct store_staff *),
                    void *ctx);
MUST_USE enum err
store_pg_posts_each(struct store *st, int32_t day,
                    enum err (*fn)(void *, const struct store_staff *),
                    void *ctx);
MUST_USE enum err store_pg_permohonan_put(struct store *st,
                                          const struct permohonan *r,
                                          bool keep_note, enum store_put *out);
MUST_USE enum err
store_pg_permohonan_each(struct store *st,
                         enum err (*fn)(void *, const struct permohonan *),
                         void *ctx);
MUST_USE enum err store_pg_unit_count_each(
    struct store *st, enum err (*fn)(void *, const struct store_unit_count *),
    void *ctx);
MUST_USE enum err store_pg_plan_set_status(struct store *st,
                                           const struct store_plan_change *x);
MUST_USE enum err store_pg_plan_respond(struct store *st, const char *nama,
                                        const char *nip, const char *tanggapan,
                                        const char *catatan);
MUST_USE enum err store_pg_plan_responses_each(
    struct store *st, const char *nama,
    enum err (*fn)(void *, const char *nip, const char *tanggapan,
                   const char *catatan, const char *at),
    void *ctx);
MUST_USE enum err
store_pg_plan_moves_each(struct store *st, const char *nama,
                         enum err (*fn)(void *, const struct store_plan_move *),
                         void *ctx);
MUST_USE enum err
store_pg_plan_move_decide(struct store *st,
                          const struct store_move_decision *d);
MUST_USE enum err store_pg_plan_answer_put(struct store *st, const char *nama,
                                           const struct store_plan_answer *a);
MUST_USE enum err store_pg_plan_answers_each(
    struct store *st, const char *nama,
    enum err (*fn)(void *, const struct store_plan_answer *), void *ctx);
MUST_USE enum err
store_pg_plan_actors_each(struct store *st, const char *nama,
                          const char *action,
                          enum err (*fn)(void *, const char *actor), void *ctx);
MUST_USE enum err store_pg_plan_count_minutes(struct store *st, int year,
                                              long *out);
MUST_USE enum err store_pg_request_actor(struct store *st, int64_t id,
                                         const char *aksi, char *out,
                                         size_t len);
MUST_USE enum err store_pg_plan_count_approved(struct store *st, int year,
                                               long *out);
MUST_USE enum err store_pg_plan_add(struct store *st,
                                    const struct store_plan *p);
MUST_USE enum err store_pg_plan_get(struct store *st, const char *nama,
                                    struct store_plan *out);
MUST_USE enum err store_pg_plan_each(struct store *st,
                                     enum err (*fn)(void *,
                                                    const struct store_plan *),
                                     void *ctx);
MUST_USE enum err
store_pg_pegawai_page(struct store *st, const struct store_pegawai_query *q,
                      enum err (*fn)(void *, const struct pegawai *), void *ctx,
                      long *total);
MUST_USE enum err
store_pg_riwayat_each(struct store *st, const char *nip,
                      enum err (*fn)(void *, const struct store_riwayat *),
                      void *ctx);
MUST_USE enum err
store_pg_unit_moves_each(struct store *st, const char *kode, long limit,
                         enum err (*fn)(void *, const struct store_unit_move *),
                         void *ctx);
MUST_USE enum err store_pg_unit_in_subtree(struct store *st, const char *unit,
                                           const char *root, bool *out);
MUST_USE enum err store_pg_audit_each(
    struct store *st, const char *entity, const char *entity_id, long limit,
    enum err (*fn)(void *, const struct store_audit *, const char *at),
    void *ctx);
MUST_USE enum err store_pg_request_create(struct store *st,
                                          const struct permohonan *r,
                                          int64_t *id);
MUST_USE enum err store_pg_request_get(struct store *st, int64_t id,
                                       struct store_request *out);
MUST_USE enum err store_pg_request_step(struct store *st,
                                        const struct store_step *s);
MUST_USE enum err store_pg_request_open_of(struct store *st, const char *nip,
                                           struct store_request *out);
MUST_USE enum err
store_pg_request_each(struct store *st,
                      enum err (*fn)(void *, const struct store_request *),
                      void *ctx);
MUST_USE enum err store_pg_document_add(struct store *st,
                                        const struct store_document *d,
                                        int64_t *id);
MUST_USE enum err
store_pg_document_each(struct store *st, int64_t permohonan_id,
                       enum err (*fn)(void *, const struct store_document *),
                       void *ctx);
MUST_USE enum err store_pg_document_get(struct store *st, int64_t id,
                                        struct store_document *d,
                                        struct buf *content);
MUST_USE enum err store_pg_document_review(struct store *st, int64_t id,
                                           const char *status,
                                           const char *catatan);
MUST_USE enum err store_pg_user_add(struct store *st,
                                    const struct store_user *u);
MUST_USE enum err store_pg_user_get(struct store *st, const char *login,
                                    struct store_user *out);
MUST_USE enum err store_pg_user_set_password(struct store *st,
                                             const char *login,
                                             const char *hash);
MUST_USE enum err store_pg_user_set_active(struct store *st, const char *login,
                                           bool aktif);
MUST_USE enum err store_pg_user_each(struct store *st,
                                     enum err (*fn)(void *,
                                                    const struct store_user *),
                                     void *ctx);
MUST_USE enum err
store_pg_account_change_add(struct store *st,
                            const struct store_account_change *c, int64_t *id);
MUST_USE enum err store_pg_account_change_get(struct store *st, int64_t id,
                                              struct store_account_change *out);
MUST_USE enum err store_pg_account_change_close(struct store *st, int64_t id,
                                                const char *status,
                                                const char *oleh,
                                                const char *catatan);
MUST_USE enum err store_pg_account_change_each(
    struct store *st, long limit,
    enum err (*fn)(void *, const struct store_account_change *), void *ctx);
MUST_USE enum err store_pg_session_add(struct store *st,
                                       const struct store_session *s);
MUST_USE enum err store_pg_session_get(struct store *st, const char *token_hash,
                                       struct store_session *s,
                                       struct store_user *u);
MUST_USE enum err store_pg_session_touch(struct store *st,
                                         const char *token_hash, int64_t now);
MUST_USE enum err store_pg_session_delete(struct store *st,
                                          const char *token_hash);
MUST_USE enum err store_pg_data_version(struct store *st, uint64_t *out);
MUST_USE enum err store_pg_setting_get(struct store *st, const char *key,
                                       char **out);
MUST_USE enum err store_pg_setting_set(struct store *st, const char *key,
                                       const char *value);
MUST_USE enum err store_pg_audit_add(struct store *st,
                                     const struct store_audit *a);
MUST_USE enum err store_pg_izin_add(struct store *st,
                                    const struct store_izin *z);
MUST_USE enum err store_pg_izin_get(struct store *st, const char *plan,
                                    struct store_izin *out, struct buf *berkas);
MUST_USE enum err store_pg_register_find(struct store *st, const char *jenis,
                                         const char *plan, const char *nip,
                                         char *out);
MUST_USE enum err store_pg_register_add(struct store *st,
                                        const struct store_register_row *r);
MUST_USE enum err store_pg_register_each(
    struct store *st, enum err (*fn)(void *, const struct store_register_row *),
    void *ctx);
MUST_USE enum err store_pg_move_set_st(struct store *st, const char *plan,
                                       const char *nip, const char *nomor);
MUST_USE enum err store_pg_move_get_st(struct store *st, const char *plan,
                                       const char *nip, char *out, size_t len);
MUST_USE enum err store_pg_count_st(struct store *st, int year, long *out);
MUST_USE enum err store_pg_request_step_find(struct store *st, int64_t id,
                                             const char *aksi, char *note,
                                             char *at, size_t len);
MUST_USE enum err store_pg_siasn_id_set(struct store *st, const char *jenis,
                                        const char *kode, const char *siasn_id);
MUST_USE enum err store_pg_siasn_id_get(struct store *st, const char *jenis,
                                        const char *kode, struct buf *out,
                                        bool *found);
MUST_USE enum err store_pg_siasn_id_find(struct store *st, const char *jenis,
                                         const char *siasn_id,
                                         struct buf *kode_out, bool *found);
MUST_USE enum err
store_pg_siasn_id_each(struct store *st, const char *jenis,
                       enum err (*fn)(void *ctx, const char *jenis,
                                      const char *kode, const char *siasn_id),
                       void *ctx);
MUST_USE enum err store_pg_siasn_kirim_get(struct store *st, const char *plan,
                                           const char *nip,
                                           struct store_siasn_kirim *out,
                                           bool *found);
MUST_USE enum err store_pg_siasn_kirim_put(struct store *st,
                                           const struct store_siasn_kirim *k);
MUST_USE enum err store_pg_siasn_kirim_each(
    struct store *st, const char *plan,
    enum err (*fn)(void *, const struct store_siasn_kirim *), void *ctx);

MUST_USE enum err store_pg_throttle_get(struct store *st, const char *key,
                                        struct store_throttle *out);
MUST_USE enum err store_pg_throttle_fail(struct store *st, const char *key,
                                         int64_t now, int64_t forget_ms,
                                         struct store_throttle *out);
MUST_USE enum err store_pg_throttle_wait(struct store *st, const char *key,
                                         int64_t sampai);
MUST_USE enum err store_pg_throttle_clear(struct store *st, const char *key);
MUST_USE enum err store_pg_throttle_sweep(struct store *st, int64_t now,
                                          int64_t forget_ms);
MUST_USE enum err store_pg_lease_take(struct store *st, const char *name,
                                      const char *holder, int64_t now,
                                      int64_t until, bool *got);
MUST_USE enum err store_pg_lease_release(struct store *st, const char *name,
                                         const char *holder);

#endif
