/* SPDX-License-Identifier: MIT */
/* store_sqlite_int: what the files of the SQLite back end share (storage
 * layer): the handle, the ids of the cached statements and the helpers of
 * store_sqlite.c. Included only by store_sqlite*.c (like SQLite's
 * btreeInt.h); with them the only file that includes <sqlite3.h>. The rest
 * of mutasi sees store.h. The helpers' names start with sq_, the back
 * end's own short prefix (as curl's Curl_ beside curl_). */
#ifndef MUTASI_STORE_SQLITE_INT_H
#define MUTASI_STORE_SQLITE_INT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "store.h"
#include "store_int.h"

struct model_enum;

/* The time of day as stored (UTC, ISO 8601), inside SQL text. */
#define SQ_NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* The cached statements, one per fixed SQL text (stmt_sql[] in
 * store_sqlite.c), grouped by the file that runs them. */
enum stmt_id {
    /* store_sqlite_schema.c */
    S_SCHEMA_EXISTS,
    S_SCHEMA_VERSION,
    S_SCHEMA_RECORD,
    /* store_sqlite_data.c */
    S_UNIT_PUT,
    S_UNIT_EACH,
    S_UNIT_GET,
    S_JABATAN_PUT,
    S_JABATAN_EACH,
    S_JABATAN_GET,
    S_BEBAN_CLEAR,
    S_BEBAN_APP_COUNT,
    S_BEBAN_APP_SAME,
    S_BEBAN_ADD,
    S_BEBAN_EACH,
    S_BEBAN_UNIT,
    S_PEGAWAI_OLD,
    S_PEGAWAI_PUT,
    S_RIWAYAT_ADD,
    S_PEGAWAI_GET,
    S_PEGAWAI_NAMA,
    S_PEGAWAI_EACH,
    S_PEGAWAI_COUNT,
    S_PEGAWAI_PAGE,
    S_UNIT_COUNT,
    S_UNIT_IN_SUBTREE,
    S_STAFF_EACH,
    S_POSTS_EACH,
    S_BEBAN_SCAN,
    S_RIWAYAT_EACH,
    S_UNIT_MOVES,
    S_BEBAN_EMPTY,
    S_PEGAWAI_EMPTY,
    S_KINERJA_EMPTY,
    S_RIWAYAT_BULK,
    /* store_sqlite_bulk.c */
    S_BEBAN_BULK,
    S_PEGAWAI_BULK,
    S_KINERJA_BULK,
    /* store_sqlite_kinerja.c */
    S_KINERJA_GET,
    S_KINERJA_PUT,
    S_KINERJA_EACH,
    S_KINERJA_OF,
    S_KINERJA_YEARS,
    /* store_sqlite_request.c */
    S_PERMOHONAN_OPEN,
    S_PERMOHONAN_INSERT,
    S_PERMOHONAN_UPDATE,
    S_PILIHAN_CLEAR,
    S_PILIHAN_ADD,
    S_PERMOHONAN_EACH,
    S_REQUEST_GET,
    S_REQUEST_EACH,
    S_REQUEST_OPEN_OF,
    S_REQUEST_STEP,
    S_REQUEST_STEP_LOG,
    S_REQUEST_ACTOR,
    S_DOCUMENT_ADD,
    S_DOCUMENT_EACH,
    S_DOCUMENT_GET,
    S_DOCUMENT_REVIEW,
    /* store_sqlite_app.c */
    S_PLAN_EXISTS,
    S_PLAN_ADD,
    S_PLAN_MOVE_ADD,
    S_PLAN_GET,
    S_PLAN_EACH,
    S_PLAN_SET_STATUS,
    S_PLAN_MOVES_EACH,
    S_PLAN_DECIDE_TPK,
    S_PLAN_DECIDE_PPK,
    S_PLAN_RESPOND,
    S_PLAN_RESPONSES_EACH,
    S_PLAN_ANSWER_PUT,
    S_PLAN_ANSWERS_EACH,
    S_PLAN_ACTORS_EACH,
    S_PLAN_COUNT_APPROVED,
    S_PLAN_COUNT_MINUTES,
    S_USER_ADD,
    S_USER_GET,
    S_USER_EACH,
    S_USER_SET_PASSWORD,
    S_USER_SET_ACTIVE,
    S_SESSION_ADD,
    S_SESSION_GET,
    S_SESSION_TOUCH,
    S_SESSION_DELETE,
    S_SESSION_DELETE_LOGIN,
    S_SETTING_GET,
    S_SETTING_SET,
    S_AUDIT_ADD,
    S_AUDIT_EACH,
    /* store_sqlite_docs.c */
    S_REGISTER_FIND,
    S_REGISTER_ADD,
    S_REGISTER_EACH,
    S_MOVE_SET_ST,
    S_MOVE_GET_ST,
    S_COUNT_ST,
    S_REQUEST_STEP_FIND,
    S_IZIN_ADD,
    S_IZIN_GET,
    /* store_sqlite_account.c */
    S_ACCOUNT_CHANGE_ADD,
    S_ACCOUNT_CHANGE_GET,
    S_ACCOUNT_CHANGE_CLOSE,
    S_ACCOUNT_CHANGE_EACH,
    /* store_sqlite_siasn.c */
    S_SIASN_ID_SET,
    S_SIASN_ID_GET,
    S_SIASN_ID_FIND,
    S_SIASN_ID_EACH,
    /* store_sqlite_batas.c */
    S_BATAS_CLEAR,
    S_BATAS_PUT,
    S_BATAS_EACH,
    /* store_sqlite_nodes.c */
    S_THROTTLE_GET,
    S_THROTTLE_FAIL,
    S_THROTTLE_WAIT,
    S_THROTTLE_CLEAR,
    S_THROTTLE_SWEEP,
    S_LEASE_TAKE,
    S_LEASE_RELEASE,
    S_COUNT
};

#define SQ_N_SCRATCH 8 /* Strings of the record of the last *_get call. */

/* Rows of one multi-row INSERT of the bulk loader (store_sqlite_bulk.c):
 * one statement writes this many rows, so that its fixed costs (the
 * ephemeral table of each CHECK (... IN (...)), the statement's start and
 * end) are paid once per batch instead of once per row. */
#define SQ_BULK_ROWS 32

/* One value to bind: what sq_bind_text(), sq_bind_date(), sq_bind_coord()
 * and sqlite3_bind_int64() take, held until it is bound. */
enum sq_val_kind { SQ_V_NULL, SQ_V_INT, SQ_V_REAL, SQ_V_TEXT, SQ_V_DATE };
struct sq_val {
    enum sq_val_kind kind;
    int64_t i;     /* SQ_V_INT, or the day of SQ_V_DATE. */
    double r;      /* SQ_V_REAL. */
    const char *s; /* SQ_V_TEXT; borrowed, or in the batch's 'text'. */
};

/* The rows of a bulk-loaded table waiting for their INSERT. */
struct sq_batch {
    struct sq_val *vals; /* n_rows * n_cols values. */
    size_t n_rows;
    char *text; /* The rows' strings, copied; 'vals' hold offsets. */
    size_t n_text;
    size_t cap_text;
};

/* kinerja rows of a bulk load, held until its end to go in in key order. */
struct sq_kinerja_row {
    uint64_t nip; /* nip_key() of the NIP. */
    int32_t tahun;
    int32_t predikat;
};

struct store {
    const struct store_ops *ops;         /* First: see store_int.h. */
    sqlite3 *db;                         /* NULL for an unavailable target. */
    char *errmsg;                        /* Last error text, owned. */
    sqlite3_stmt *stmts[S_COUNT];        /* Prepared lazily. */
    bool in_tx;                          /* A transaction is open. */
    bool bulk[STORE_BULK_N];             /* Bulk loading into an empty table. */
    char *scratch[SQ_N_SCRATCH];         /* Owned strings of the last get. */
    struct sq_batch batch[STORE_BULK_N]; /* Rows waiting in bulk mode. */
    struct sq_kinerja_row *kin;          /* kinerja rows waiting, unsorted. */
    size_t n_kin;
    size_t cap_kin;
    bool flushing; /* Writing waiting rows: no flush from sq_stmt(). */
};

/* Bind the 'n' values 'v' to parameters base+1 .. base+n of 's'. */
void sq_bind_vals(sqlite3_stmt *s, int base, const struct sq_val *v, int n);
/* Add a row of 'n' values (n_cols of its kind) to the batch of 'what',
 * copying its strings; writes the batch when it is full. */
MUST_USE enum err sq_bulk_add(struct store *st, enum store_bulk what,
                              const struct sq_val *v);
/* Hold a kinerja row of a bulk load (its NIP an 18-digit one). */
MUST_USE enum err sq_bulk_kinerja(struct store *st, uint64_t nip, int tahun,
                                  int predikat);
/* Write every waiting row of every kind (kinerja sorted by key). */
MUST_USE enum err sq_bulk_flush(struct store *st);
/* Forget the waiting rows (a rollback) and free their memory. */
void sq_bulk_discard(struct store *st);

/* Reads one result row of 's' for a caller; returns its verdict. */
typedef enum err sq_row_fn(struct store *st, sqlite3_stmt *s, void *ctx);

/* Set the text of store_errmsg(st) to a copy of 'msg'. */
void sq_set_errmsg(struct store *st, const char *msg);
/* Record SQLite's text for the failure that just happened; ERR_DB. */
enum err sq_fail(struct store *st);
/* Copy the 'n' borrowed strings behind 'fields' into the handle's scratch
 * space and point the fields at the copies, so that they outlive the
 * statement (until the next get). */
void sq_keep_strings(struct store *st, const char **const *fields, size_t n);
/* Run the SQL script 'sql' (PRAGMAs, transaction control, DDL), which
 * returns no rows. ERR_DB with SQLite's text. */
MUST_USE enum err sq_exec(struct store *st, const char *sql);

/* Cached statement 'id', prepared on first use, reset and without
 * bindings, into '*out'. It stays the handle's: the caller resets it when
 * done (the sq_step_* and sq_*_row helpers do), and must not ask for a
 * statement that a caller up the stack is stepping through. ERR_UNAVAILABLE
 * without a database; ERR_DB when it does not prepare. */
MUST_USE enum err sq_stmt(struct store *st, enum stmt_id id,
                          sqlite3_stmt **out);
/* Run 's', which returns no rows, and reset it. */
MUST_USE enum err sq_step_reset(struct store *st, sqlite3_stmt *s);
/* Run the UPDATE 's' and reset it; 'none' when it changed no row (the row
 * is gone, or moved on meanwhile), with 'why' (may be NULL) as the store's
 * message. */
MUST_USE enum err sq_step_reset_changed(struct store *st, sqlite3_stmt *s,
                                        enum err none, const char *why);
/* Step through 's', calling 'row' for each result row until it returns
 * other than ERR_OK, then reset 's'. */
MUST_USE enum err sq_each_row(struct store *st, sqlite3_stmt *s, sq_row_fn *row,
                              void *ctx);
/* Step 's' once and hand its row to 'row', then reset 's'. ERR_NOTFOUND
 * when there is no row. */
MUST_USE enum err sq_one_row(struct store *st, sqlite3_stmt *s, sq_row_fn *row,
                             void *ctx);
/* Run the one-key lookup 'id' for 'key' as sq_one_row() does. */
MUST_USE enum err sq_get_one(struct store *st, enum stmt_id id, const char *key,
                             sq_row_fn *row, void *ctx);

/* Bind 'v' to parameter 'i' of 's'; NULL binds NULL. Not copied: 'v' must
 * live until 's' is stepped. */
void sq_bind_text(sqlite3_stmt *s, int i, const char *v);
/* Bind the date 'day' as text; DATE_NONE binds NULL. */
void sq_bind_date(sqlite3_stmt *s, int i, int32_t day);
/* Bind a coordinate; MODEL_COORD_NONE binds NULL. */
void sq_bind_coord(sqlite3_stmt *s, int i, double v);

/* Column 'i' of the current row as text, NULL for NULL; borrowed until the
 * statement moves on. */
const char *sq_col_text(sqlite3_stmt *s, int i);
/* Column 'i' as a coordinate; MODEL_COORD_NONE for NULL. */
double sq_col_coord(sqlite3_stmt *s, int i);
/* A stored date; DATE_NONE for NULL. ERR_DB when the text is damaged. */
MUST_USE enum err sq_col_date(struct store *st, sqlite3_stmt *s, int i,
                              int32_t *out);
/* A stored enumeration word; ERR_DB when it is not one of 'e'. */
MUST_USE enum err sq_col_enum(struct store *st, sqlite3_stmt *s, int i,
                              const struct model_enum *e, int *out);

/* The operations of store.h on SQLite (store_int.h). */
void store_sqlite_busy_timeout(struct store *st, int ms);
void store_sqlite_cache_limit(struct store *st, int kib);
MUST_USE enum err store_sqlite_reopen(struct store *st, struct store **out);
void store_sqlite_close(struct store *st);
const char *store_sqlite_errmsg(const struct store *st);
MUST_USE enum err store_sqlite_migrate(struct store *st, int *from);
MUST_USE enum err store_sqlite_check_schema(struct store *st);
MUST_USE enum err store_sqlite_schema_version(struct store *st, int *out);
MUST_USE enum err store_sqlite_backup(struct store *st, const char *path,
                                      store_progress_fn *progress, void *ctx);
MUST_USE enum err store_sqlite_backup_check(struct store *st, const char *path,
                                            int *version);
MUST_USE enum err store_sqlite_restore(struct store *st, const char *path,
                                       store_progress_fn *progress, void *ctx);
MUST_USE enum err store_sqlite_begin(struct store *st);
MUST_USE enum err store_sqlite_commit(struct store *st);
void store_sqlite_rollback(struct store *st);
MUST_USE enum err store_sqlite_bulk_begin(struct store *st,
                                          enum store_bulk what, bool *out);
MUST_USE enum err store_sqlite_bulk_end(struct store *st, enum store_bulk what,
                                        const char *sumber);
MUST_USE enum err store_sqlite_unit_put(struct store *st, const struct unit *u);
MUST_USE enum err
store_sqlite_unit_each(struct store *st,
                       enum err (*fn)(void *, const struct unit *), void *ctx);
MUST_USE enum err store_sqlite_unit_get(struct store *st, const char *kode,
                                        struct unit *out);
MUST_USE enum err store_sqlite_jabatan_get(struct store *st, const char *kode,
                                           struct jabatan *out);
MUST_USE enum err store_sqlite_jabatan_put(struct store *st,
                                           const struct jabatan *j);
MUST_USE enum err
store_sqlite_jabatan_each(struct store *st,
                          enum err (*fn)(void *, const struct jabatan *),
                          void *ctx);
MUST_USE enum err store_sqlite_beban_clear(struct store *st, const char *unit,
                                           const char *jabatan, bool with_app,
                                           long *kept);
MUST_USE enum err store_sqlite_beban_add(struct store *st,
                                         const struct beban *b);
MUST_USE enum err store_sqlite_beban_add_app(struct store *st,
                                             const struct beban *b);
MUST_USE enum err store_sqlite_beban_app_has(struct store *st,
                                             const struct beban *b, bool *same);
MUST_USE enum err store_sqlite_beban_each(
    struct store *st, enum err (*fn)(void *, const struct beban *), void *ctx);
MUST_USE enum err store_sqlite_beban_scan(
    struct store *st, enum err (*fn)(void *, const struct beban *), void *ctx);
MUST_USE enum err
store_sqlite_beban_each_unit(struct store *st, const char *unit,
                             enum err (*fn)(void *, const struct beban *),
                             void *ctx);
MUST_USE enum err store_sqlite_pegawai_put(struct store *st,
                                           const struct pegawai *p,
                                           const char *sumber,
                                           enum store_put *out);
MUST_USE enum err store_sqlite_kinerja_put(struct store *st,
                                           const struct kinerja *k,
                                           enum store_put *out);
MUST_USE enum err
store_sqlite_kinerja_each(struct store *st,
                          enum err (*fn)(void *, const struct kinerja *),
                          void *ctx);
MUST_USE enum err
store_sqlite_kinerja_of(struct store *st, const char *nip,
                        enum err (*fn)(void *, const struct kinerja *),
                        void *ctx);
MUST_USE enum err
store_sqlite_kinerja_years(struct store *st, int from, int to,
                           enum err (*fn)(void *, const struct kinerja *),
                           void *ctx);
MUST_USE enum err store_sqlite_batas_clear(struct store *st);
MUST_USE enum err store_sqlite_batas_put(struct store *st,
                                         const struct store_batas *b);
MUST_USE enum err
store_sqlite_batas_each(struct store *st,
                        enum err (*fn)(void *, const struct store_batas *),
                        void *ctx);
MUST_USE enum err store_sqlite_pegawai_get(struct store *st, const char *nip,
                                           struct pegawai *out);
MUST_USE enum err store_sqlite_pegawai_names(
    struct store *st, const char *const *nips, size_t n,
    enum err (*fn)(void *, const char *nip, const char *nama), void *ctx);
MUST_USE enum err
store_sqlite_pegawai_each(struct store *st,
                          enum err (*fn)(void *, const struct pegawai *),
                          void *ctx);
MUST_USE enum err
store_sqlite_staff_each(struct store *st, int32_t day,
                        enum err (*fn)(void *, const struct store_staff *),
                        void *ctx);
MUST_USE enum err
store_sqlite_posts_each(struct store *st, int32_t day,
                        enum err (*fn)(void *, const struct store_staff *),
                        void *ctx);
MUST_USE enum err store_sqlite_permohonan_put(struct store *st,
                                              const struct permohonan *r,
                                              bool keep_note,
                                              enum store_put *out);
MUST_USE enum err
store_sqlite_permohonan_each(struct store *st,
                             enum err (*fn)(void *, const struct permohonan *),
                             void *ctx);
MUST_USE enum err store_sqlite_unit_count_each(
    struct store *st, enum err (*fn)(void *, const struct store_unit_count *),
    void *ctx);
MUST_USE enum err
store_sqlite_plan_set_status(struct store *st,
                             const struct store_plan_change *x);
MUST_USE enum err store_sqlite_plan_respond(struct store *st, const char *nama,
                                            const char *nip,
                                            const char *tanggapan,
                                            const char *catatan);
MUST_USE enum err store_sqlite_plan_responses_each(
    struct store *st, const char *nama,
    enum err (*fn)(void *, const char *nip, const char *tanggapan,
                   const char *catatan, const char *at),
    void *ctx);
MUST_USE enum err store_sqlite_plan_moves_each(
    struct store *st, const char *nama,
    enum err (*fn)(void *, const struct store_plan_move *), void *ctx);
MUST_USE enum err
store_sqlite_plan_move_decide(struct store *st,
                              const struct store_move_decision *d);
MUST_USE enum err
store_sqlite_plan_answer_put(struct store *st, const char *nama,
                             const struct store_plan_answer *a);
MUST_USE enum err store_sqlite_plan_answers_each(
    struct store *st, const char *nama,
    enum err (*fn)(void *, const struct store_plan_answer *), void *ctx);
MUST_USE enum err store_sqlite_plan_actors_each(
    struct store *st, const char *nama, const char *action,
    enum err (*fn)(void *, const char *actor), void *ctx);
MUST_USE enum err store_sqlite_plan_count_minutes(struct store *st, int year,
                                                  long *out);
MUST_USE enum err store_sqlite_request_actor(struct store *st, int64_t id,
                                             const char *aksi, char *out,
                                             size_t len);
MUST_USE enum err store_sqlite_plan_count_approved(struct store *st, int year,
                                                   long *out);
MUST_USE enum err store_sqlite_plan_add(struct store *st,
                                        const struct store_plan *p);
MUST_USE enum err store_sqlite_plan_get(struct store *st, const char *nama,
                                        struct store_plan *out);
MUST_USE enum err
store_sqlite_plan_each(struct store *st,
                       enum err (*fn)(void *, const struct store_plan *),
                       void *ctx);
MUST_USE enum err
store_sqlite_pegawai_page(struct store *st, const struct store_pegawai_query *q,
                          enum err (*fn)(void *, const struct pegawai *),
                          void *ctx, long *total);
MUST_USE enum err
store_sqlite_riwayat_each(struct store *st, const char *nip,
                          enum err (*fn)(void *, const struct store_riwayat *),
                          void *ctx);
MUST_USE enum err store_sqlite_unit_moves_each(
    struct store *st, const char *kode, long limit,
    enum err (*fn)(void *, const struct store_unit_move *), void *ctx);
MUST_USE enum err store_sqlite_unit_in_subtree(struct store *st,
                                               const char *unit,
                                               const char *root, bool *out);
MUST_USE enum err store_sqlite_audit_each(
    struct store *st, const char *entity, const char *entity_id, long limit,
    enum err (*fn)(void *, const struct store_audit *, const char *at),
    void *ctx);
MUST_USE enum err store_sqlite_request_create(struct store *st,
                                              const struct permohonan *r,
                                              int64_t *id);
MUST_USE enum err store_sqlite_request_get(struct store *st, int64_t id,
                                           struct store_request *out);
MUST_USE enum err store_sqlite_request_step(struct store *st,
                                            const struct store_step *s);
MUST_USE enum err store_sqlite_request_open_of(struct store *st,
                                               const char *nip,
                                               struct store_request *out);
MUST_USE enum err
store_sqlite_request_each(struct store *st,
                          enum err (*fn)(void *, const struct store_request *),
                          void *ctx);
MUST_USE enum err store_sqlite_document_add(struct store *st,
                                            const struct store_document *d,
                                            int64_t *id);
MUST_USE enum err store_sqlite_document_each(
    struct store *st, int64_t permohonan_id,
    enum err (*fn)(void *, const struct store_document *), void *ctx);
MUST_USE enum err store_sqlite_document_get(struct store *st, int64_t id,
                                            struct store_document *d,
                                            struct buf *content);
MUST_USE enum err store_sqlite_document_review(struct store *st, int64_t id,
                                               const char *status,
                                               const char *catatan);
MUST_USE enum err store_sqlite_user_add(struct store *st,
                                        const struct store_user *u);
MUST_USE enum err store_sqlite_user_get(struct store *st, const char *login,
                                        struct store_user *out);
MUST_USE enum err store_sqlite_user_set_password(struct store *st,
                                                 const char *login,
                                                 const char *hash);
MUST_USE enum err store_sqlite_user_set_active(struct store *st,
                                               const char *login, bool aktif);
MUST_USE enum err
store_sqlite_user_each(struct store *st,
                       enum err (*fn)(void *, const struct store_user *),
                       void *ctx);
MUST_USE enum err store_sqlite_account_change_add(
    struct store *st, const struct store_account_change *c, int64_t *id);
MUST_USE enum err
store_sqlite_account_change_get(struct store *st, int64_t id,
                                struct store_account_change *out);
MUST_USE enum err store_sqlite_account_change_close(struct store *st,
                                                    int64_t id,
                                                    const char *status,
                                                    const char *oleh,
                                                    const char *catatan);
MUST_USE enum err store_sqlite_account_change_each(
    struct store *st, long limit,
    enum err (*fn)(void *, const struct store_account_change *), void *ctx);
MUST_USE enum err store_sqlite_session_add(struct store *st,
                                           const struct store_session *s);
MUST_USE enum err store_sqlite_session_get(struct store *st,
                                           const char *token_hash,
                                           struct store_session *s,
                                           struct store_user *u);
MUST_USE enum err store_sqlite_session_touch(struct store *st,
                                             const char *token_hash,
                                             int64_t now);
MUST_USE enum err store_sqlite_session_delete(struct store *st,
                                              const char *token_hash);
MUST_USE enum err store_sqlite_data_version(struct store *st, uint64_t *out);
MUST_USE enum err store_sqlite_setting_get(struct store *st, const char *key,
                                           char **out);
MUST_USE enum err store_sqlite_setting_set(struct store *st, const char *key,
                                           const char *value);
MUST_USE enum err store_sqlite_audit_add(struct store *st,
                                         const struct store_audit *a);
MUST_USE enum err store_sqlite_izin_add(struct store *st,
                                        const struct store_izin *z);
MUST_USE enum err store_sqlite_izin_get(struct store *st, const char *plan,
                                        struct store_izin *out,
                                        struct buf *berkas);
MUST_USE enum err store_sqlite_register_find(struct store *st,
                                             const char *jenis,
                                             const char *plan, const char *nip,
                                             char *out);
MUST_USE enum err store_sqlite_register_add(struct store *st,
                                            const struct store_register_row *r);
MUST_USE enum err store_sqlite_register_each(
    struct store *st, enum err (*fn)(void *, const struct store_register_row *),
    void *ctx);
MUST_USE enum err store_sqlite_move_set_st(struct store *st, const char *plan,
                                           const char *nip, const char *nomor);
MUST_USE enum err store_sqlite_move_get_st(struct store *st, const char *plan,
                                           const char *nip, char *out,
                                           size_t len);
MUST_USE enum err store_sqlite_count_st(struct store *st, int year, long *out);
MUST_USE enum err store_sqlite_request_step_find(struct store *st, int64_t id,
                                                 const char *aksi, char *note,
                                                 char *at, size_t len);
MUST_USE enum err store_sqlite_siasn_id_set(struct store *st, const char *jenis,
                                            const char *kode,
                                            const char *siasn_id);
MUST_USE enum err store_sqlite_siasn_id_get(struct store *st, const char *jenis,
                                            const char *kode, struct buf *out,
                                            bool *found);
MUST_USE enum err store_sqlite_siasn_id_find(struct store *st,
                                             const char *jenis,
                                             const char *siasn_id,
                                             struct buf *kode_out, bool *found);
MUST_USE enum err store_sqlite_siasn_id_each(
    struct store *st, const char *jenis,
    enum err (*fn)(void *ctx, const char *jenis, const char *kode,
                   const char *siasn_id),
    void *ctx);
MUST_USE enum err store_sqlite_siasn_kirim_get(struct store *st,
                                               const char *plan,
                                               const char *nip,
                                               struct store_siasn_kirim *out,
                                               bool *found);
MUST_USE enum err
store_sqlite_siasn_kirim_put(struct store *st,
                             const struct store_siasn_kirim *k);
MUST_USE enum err store_sqlite_siasn_kirim_each(
    struct store *st, const char *plan,
    enum err (*fn)(void *, const struct store_siasn_kirim *), void *ctx);

MUST_USE enum err store_sqlite_throttle_get(struct store *st, const char *key,
                                            struct store_throttle *out);
MUST_USE enum err store_sqlite_throttle_fail(struct store *st, const char *key,
                                             int64_t now, int64_t forget_ms,
                                             struct store_throttle *out);
MUST_USE enum err store_sqlite_throttle_wait(struct store *st, const char *key,
                                             int64_t sampai);
MUST_USE enum err store_sqlite_throttle_clear(struct store *st,
                                              const char *key);
MUST_USE enum err store_sqlite_throttle_sweep(struct store *st, int64_t now,
                                              int64_t forget_ms);
MUST_USE enum err store_sqlite_lease_take(struct store *st, const char *name,
                                          const char *holder, int64_t now,
                                          int64_t until, bool *got);
MUST_USE enum err store_sqlite_lease_release(struct store *st, const char *name,
                                             const char *holder);

#endif
