/* SPDX-License-Identifier: MIT */
/* store: the storage interface (storage layer). One interface, a family
 * of files per back end (store_sqlite*.c now, store_pg later); callers
 * never see SQL.
 * Strings handed to callbacks are borrowed until the callback returns. */
#ifndef MUTASI_STORE_H
#define MUTASI_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define MODEL_PILIHAN_MAX_STORE 5 /* MODEL_MAX_PILIHAN, without model.h. */

struct store;
struct unit;
struct jabatan;
struct kinerja;
struct beban;
struct pegawai;
struct permohonan;
struct buf;

/* The newest schema version that this program knows. Version 6 added
 * part-time PPPK, SKP ratings and position requirements; version 7
 * (STORE_SCHEMA_V_TENANG) the approvals of decisions inside election
 * periods; version 8 (STORE_SCHEMA_V_SIASN) SIASN's identifiers beside
 * our codes and the log of moves pushed to SIASN; version 9
 * (STORE_SCHEMA_V_BATAS) the boundaries of kelurahan and kecamatan for
 * the map; version 10 (STORE_SCHEMA_V_NODES) what several servers
 * share: the login throttle's counts and the leases of long work. */
#define STORE_SCHEMA_V_TENANG 7
#define STORE_SCHEMA_V_SIASN  8
#define STORE_SCHEMA_V_BATAS  9
#define STORE_SCHEMA_V_NODES  10
#define STORE_SCHEMA_VERSION  STORE_SCHEMA_V_NODES

/* What store_pegawai_put() did. */
enum store_put { STORE_INSERTED, STORE_UPDATED, STORE_UNCHANGED };

/* One append-only audit entry; 'before' and 'after' are JSON or NULL. */
struct store_audit {
    const char *actor;     /* Login, or "cli:<user>" for the shell. */
    const char *entity;    /* request, plan, pegawai, user, settings... */
    const char *entity_id; /* May be NULL. */
    const char *action;
    const char *before;
    const char *after;
};

/* One employee as posted on a date: the unit and jabatan of the record in
 * force then (the latest history row with TMT on or before it). */
struct store_staff {
    const char *nip;
    const char *nama;
    const char *unit;    /* NULL when not yet posted on that date. */
    const char *jabatan; /* NULL likewise. */
    int status;          /* enum pegawai_status. */
    int32_t tanggal_lahir;
    bool tugas_belajar;
    /* The current record, for the planner. */
    const char *unit_now;    /* Unit of the current record. */
    const char *jabatan_now; /* Its jabatan. */
    int32_t tmt_unit;        /* Its TMT. */
    bool hukuman_disiplin;
    int formasi_tahun;      /* 0 when not given. */
    const char *kompetensi; /* NULL when none. */
    double lat;             /* Home; MODEL_COORD_NONE when not given. */
    double lon;
    const char *golongan;   /* NULL when none. */
    const char *pendidikan; /* NULL when not given. */
};

/* Staff counts of one unit by status and its open requests. */
struct store_unit_count {
    const char *unit;
    long n_pns;
    long n_pppk;
    long n_cpns;
    long n_permohonan; /* Open transfer requests of its staff. */
    long n_pppk_pw;    /* Part-time PPPK (not in the other counts). */
};

/* Open the database 'target': a SQLite file path or a postgresql:// URL.
 * '*out' is always set to a handle, also on failure, so that
 * store_errmsg() can tell why; close it with store_close(). When 'create'
 * is false, a missing SQLite file is ERR_NOINPUT. A postgresql:// target is
 * ERR_UNAVAILABLE until that back end exists. */
MUST_USE enum err store_open(const char *target, bool create,
                             struct store **out);
/* How long a call waits for another connection's write to finish before
 * it gives up with ERR_UNAVAILABLE ("busy"), in milliseconds. */
/* 'target' as it may be shown in messages and logs into 'out' ('len'
 * bytes): a URL's password (user:PASSWORD@host, or password=...) is
 * replaced by "***"; a file path is copied. */
void store_target_shown(const char *target, char *out, size_t len);
#define STORE_BUSY_MS 10000
/* Wait at most 'ms' milliseconds instead (a server answers 503 sooner). */
void store_busy_timeout(struct store *st, int ms);
/* Let 'st' keep at most 'kib' KiB of database pages in memory (a
 * server's many handles need far less than one large import's 256 MiB). */
void store_cache_limit(struct store *st, int kib);
/* Close 'st' and free it; accepts NULL. */
void store_close(struct store *st);
/* Open a second handle on the database of 'st' (the same file or URL) into
 * '*out', for reading on another thread while 'st' is used on this one: a
 * handle serves one thread at a time. '*out' is always set, as by
 * store_open(); close it with store_close(). ERR_UNAVAILABLE when the
 * database cannot be opened twice (an in-memory one) or 'st' is in a
 * transaction (the new handle would not see its writes). Its page cache
 * is small: it is meant for scans. */
MUST_USE enum err store_reopen(struct store *st, struct store **out);
/* The text of the last error on 'st'; valid until the next call on 'st'. */
const char *store_errmsg(const struct store *st);

/* Create or upgrade the schema to STORE_SCHEMA_VERSION in one transaction.
 * '*from' gets the version found (0 for an empty database).
 * ERR_UNAVAILABLE when the database is newer than this program. */
MUST_USE enum err store_migrate(struct store *st, int *from);
/* ERR_OK when the schema is current; ERR_UNAVAILABLE with a message
 * asking to run 'mutasi init' when it is missing or older, or to upgrade
 * mutasi when it is newer. */
MUST_USE enum err store_check_schema(struct store *st);
/* The schema version recorded in 'st' into '*out'; 0 when it has none. */
MUST_USE enum err store_schema_version(struct store *st, int *out);

/* Backups. Progress of a long copy: 'done' of 'total' pages. */
typedef void store_progress_fn(void *ctx, long done, long total);

/* Copy the whole database of 'st' into the new file 'path' (created 0600;
 * ERR_EXISTS when it exists) while other connections go on writing: the
 * copy is the database as of one moment (one read snapshot, SQLite's
 * online backup API). 'progress' may be NULL. On failure no file is left
 * at 'path'. */
MUST_USE enum err store_backup(struct store *st, const char *path,
                               store_progress_fn *progress, void *ctx);
/* Check that 'path' is a whole mutasi database (integrity, schema table)
 * and put its schema version in '*version'. ERR_INVAL with the reason
 * on 'st' when it is damaged or not a mutasi database; ERR_NOINPUT when
 * it does not exist. 'st' only carries the message. */
MUST_USE enum err store_backup_check(struct store *st, const char *path,
                                     int *version);
/* Replace the whole database of 'st' by the checked backup 'path', page
 * by page in one step (readers see the old or the new database, never a
 * mix). The schema is then upgraded by the caller (store_migrate()). */
MUST_USE enum err store_restore(struct store *st, const char *path,
                                store_progress_fn *progress, void *ctx);

/* Transactions. Only one is open at a time; rollback accepts no open one.
 * Foreign keys among units, positions, workload rows, employees and
 * requests are checked at commit, so those rows may come in any order. */
MUST_USE enum err store_begin(struct store *st);
MUST_USE enum err store_commit(struct store *st);
void store_rollback(struct store *st);

/* Bulk loading into an empty table. */
enum store_bulk {
    STORE_BULK_BEBAN,
    STORE_BULK_PEGAWAI,
    STORE_BULK_KINERJA, /* No index to drop; PostgreSQL streams it. */
    STORE_BULK_N
};

/* Inside a transaction, before many rows of 'what' are added: when that
 * table is empty, its secondary indexes are dropped until store_bulk_end()
 * builds them again in one pass, workload pairs need no clearing, and new
 * employees get their first history rows at the end in one statement.
 * '*out' tells whether bulk mode is on. The transaction keeps it atomic. */
MUST_USE enum err store_bulk_begin(struct store *st, enum store_bulk what,
                                   bool *out);
/* End bulk mode of 'what' (nothing when it was not on), rebuilding the
 * indexes; 'sumber' is the source named in the history rows. */
MUST_USE enum err store_bulk_end(struct store *st, enum store_bulk what,
                                 const char *sumber);

/* Insert or update unit 'u' by its code. */
MUST_USE enum err store_unit_put(struct store *st, const struct unit *u);
/* Call 'fn' for each unit ordered by code; stops at the first result that
 * is not ERR_OK and returns it. */
MUST_USE enum err store_unit_each(struct store *st,
                                  enum err (*fn)(void *, const struct unit *),
                                  void *ctx);
/* Load unit 'kode' into '*out'; its strings live until the next
 * store_*_get() call on 'st' or store_close(), so they may be passed to
 * other store calls. ERR_NOTFOUND when there is none. */
MUST_USE enum err store_unit_get(struct store *st, const char *kode,
                                 struct unit *out);
/* Load position 'kode' into '*out'; see store_unit_get(). */
MUST_USE enum err store_jabatan_get(struct store *st, const char *kode,
                                    struct jabatan *out);
/* Insert or update position 'j' by its code. */
MUST_USE enum err store_jabatan_put(struct store *st, const struct jabatan *j);
/* Call 'fn' for each position ordered by code; see store_unit_each(). */
MUST_USE enum err
store_jabatan_each(struct store *st,
                   enum err (*fn)(void *, const struct jabatan *), void *ctx);
/* Delete the imported workload rows of the pair ('unit', 'jabatan'), and
 * those the app wrote (surges reported by heads of unit) too when
 * 'with_app'. '*kept' gets the number of app rows left (may be NULL). */
MUST_USE enum err store_beban_clear(struct store *st, const char *unit,
                                    const char *jabatan, bool with_app,
                                    long *kept);
/* Add workload row 'b', as imported. */
MUST_USE enum err store_beban_add(struct store *st, const struct beban *b);
/* Add workload row 'b' as written through the app (a later import keeps
 * it unless told to replace such rows). */
MUST_USE enum err store_beban_add_app(struct store *st, const struct beban *b);
/* True in '*same' when the pair of 'b' holds an app row equal to 'b' in
 * every field (an export of it, imported again). */
MUST_USE enum err store_beban_app_has(struct store *st, const struct beban *b,
                                      bool *same);
/* Call 'fn' for each workload row ordered by unit, jabatan, then the order
 * the rows were added; see store_unit_each(). */
MUST_USE enum err store_beban_each(struct store *st,
                                   enum err (*fn)(void *, const struct beban *),
                                   void *ctx);
/* The same rows in no particular order and without 'tugas' (NULL), for
 * sums: a plain scan of the table. */
MUST_USE enum err store_beban_scan(struct store *st,
                                   enum err (*fn)(void *, const struct beban *),
                                   void *ctx);
/* As store_beban_each() for the rows of unit 'unit' only (by jabatan). */
MUST_USE enum err
store_beban_each_unit(struct store *st, const char *unit,
                      enum err (*fn)(void *, const struct beban *), void *ctx);
/* Insert or update employee 'p' by NIP. A new employee, or a change of unit
 * or jabatan, adds a history row with TMT 'p->tmt_unit' and 'sumber'.
 * '*out' (may be NULL) tells what happened. */
MUST_USE enum err store_pegawai_put(struct store *st, const struct pegawai *p,
                                    const char *sumber, enum store_put *out);
/* Insert or update the rating of (k->nip, k->tahun); '*out' (may be NULL)
 * tells what happened. */
MUST_USE enum err store_kinerja_put(struct store *st, const struct kinerja *k,
                                    enum store_put *out);
/* Call 'fn' for each rating, ordered by NIP then year (export); the
 * strings live until 'fn' returns. */
MUST_USE enum err
store_kinerja_each(struct store *st,
                   enum err (*fn)(void *, const struct kinerja *), void *ctx);
/* The same for the ratings of employee 'nip', newest year first. */
MUST_USE enum err
store_kinerja_of(struct store *st, const char *nip,
                 enum err (*fn)(void *, const struct kinerja *), void *ctx);
/* The same for every rating of the years 'from' .. 'to', ordered by NIP
 * then year (the planner's two last years). */
MUST_USE enum err
store_kinerja_years(struct store *st, int from, int to,
                    enum err (*fn)(void *, const struct kinerja *), void *ctx);
/* One boundary of the map: a kelurahan or a kecamatan with its geometry
 * as compact GeoJSON (a Polygon or MultiPolygon object). */
struct store_batas {
    const char *kode;
    const char *nama;
    const char *jenis;          /* "kelurahan" or "kecamatan". */
    const char *kecamatan_kode; /* NULL for a kecamatan. */
    const char *kecamatan;      /* Name of its kecamatan; may be NULL. */
    const char *geometri;
};
/* Remove every boundary (a new set replaces the old one whole). */
MUST_USE enum err store_batas_clear(struct store *st);
/* Add one boundary; ERR_EXISTS when its code is stored. */
MUST_USE enum err store_batas_put(struct store *st,
                                  const struct store_batas *b);
/* Call 'fn' for each boundary, kelurahan first, by code. */
MUST_USE enum err
store_batas_each(struct store *st,
                 enum err (*fn)(void *, const struct store_batas *), void *ctx);
/* Load employee 'nip' into '*out'; its strings live until the next
 * store_*_get() call on 'st' or store_close(), so they may be passed to
 * other store calls. ERR_NOTFOUND when there is none. */
MUST_USE enum err store_pegawai_get(struct store *st, const char *nip,
                                    struct pegawai *out);
/* Call 'fn' with the name (nama) of each of the 'n' employees 'nips' that
 * exist, in no particular order; NIPs not found are skipped. The strings
 * live for the call. One query per a thousand NIPs on PostgreSQL. */
MUST_USE enum err
store_pegawai_names(struct store *st, const char *const *nips, size_t n,
                    enum err (*fn)(void *, const char *nip, const char *nama),
                    void *ctx);
/* Call 'fn' for each employee ordered by NIP; see store_unit_each(). */
MUST_USE enum err
store_pegawai_each(struct store *st,
                   enum err (*fn)(void *, const struct pegawai *), void *ctx);
/* Call 'fn' for each employee with the record in force on 'day', in no
 * particular order; see store_unit_each(). */
MUST_USE enum err
store_staff_each(struct store *st, int32_t day,
                 enum err (*fn)(void *, const struct store_staff *), void *ctx);
/* The same rows, narrow, for the workload analysis: only nip, status,
 * tanggal_lahir, tugas_belajar, unit and jabatan are set; the other
 * strings are NULL, numbers 0 and coordinates MODEL_COORD_NONE. */
MUST_USE enum err
store_posts_each(struct store *st, int32_t day,
                 enum err (*fn)(void *, const struct store_staff *), void *ctx);
/* Insert employee 'r->nip''s open request with status 'r->status', or
 * update the open one it has: choices, reason, date and, unless
 * 'keep_note', the note; its version goes up and a draf becomes diajukan.
 * An update that changes nothing writes nothing. A request verified or
 * past it is not changed: ERR_CONFLICT, the reason in
 * store_errmsg(). '*out' tells what happened. */
MUST_USE enum err store_permohonan_put(struct store *st,
                                       const struct permohonan *r,
                                       bool keep_note, enum store_put *out);
/* Call 'fn' for each open request ordered by NIP; see store_unit_each(). */
MUST_USE enum err
store_permohonan_each(struct store *st,
                      enum err (*fn)(void *, const struct permohonan *),
                      void *ctx);
/* Call 'fn' with the staff counts of each unit that has staff or open
 * requests, ordered by unit code; see store_unit_each(). */
MUST_USE enum err
store_unit_count_each(struct store *st,
                      enum err (*fn)(void *, const struct store_unit_count *),
                      void *ctx);

/* One move of a saved plan (contract section 5's move, km in
 * hundredths). */
struct store_plan_move {
    const char *nip;
    const char *jabatan_asal;
    const char *jabatan_tujuan;
    const char *unit_asal;
    const char *unit_tujuan;
    const char *jenis; /* "aps" or "penugasan". */
    int pilihan_ke;    /* 0 for penugasan. */
    int64_t km_centi;
    const char *sementara_sampai; /* NULL for a permanent move. */
    const char *penjelasan;
    /* The decision so far (store_plan_moves_each() only; NULL when
     * none): the employee's answer, the TPK's, the PPK's. */
    const char *tanggapan; /* setuju or keberatan. */
    const char *catatan_tanggapan;
    const char *keputusan_tpk; /* setuju or tolak. */
    const char *catatan_tpk;
    const char *jawaban_tpk;   /* The TPK's answer to the objections. */
    const char *keputusan_ppk; /* setuju or coret. */
    const char *alasan_ppk;
};

/* A saved plan. From store_plan_get() its strings are owned by the
 * record (store_plan_cleanup()); for store_plan_add() they are borrowed. */
struct store_plan {
    const char *nama;
    const char *mode;     /* voluntary, directed or combined. */
    const char *as_of;    /* YYYY-MM-DD. */
    const char *settings; /* JSON object. */
    const char *hasil;    /* The plan document (JSON). */
    const char *status;   /* draf, diterbitkan, dipertimbangkan,
                           * ditetapkan, dikembalikan. */
    const char *dibuat;   /* When it was saved (UTC). */
    const char *dibuat_oleh;
    const char *tmt;       /* Of an approved plan; else NULL. */
    const char *sk_nomor;  /* Of an approved plan; else NULL. */
    const char *disetujui; /* When it was approved (UTC); else NULL. */
    const struct store_plan_move *moves; /* store_plan_add() only. */
    size_t n_moves;
    const char *tenggat;         /* Last day for answers; else NULL. */
    const char *ba_nomor;        /* The TPK's minutes; else NULL. */
    const char *dipertimbangkan; /* When the TPK closed (UTC). */
    const char *catatan_kembali; /* The PPK's note when returned. */
};

/* A change of a plan's status. */
struct store_plan_change {
    const char *nama;
    const char *from;     /* Status it must still have. */
    const char *to;       /* The status it reaches. */
    const char *tmt;      /* NULL to keep. */
    const char *sk_nomor; /* NULL to keep. */
    const char *day;      /* YYYY-MM-DD of an approval (the clock's
                           * time of day is added); NULL: the clock's. */
    const char *tenggat;  /* NULL to keep. */
    const char *ba_nomor; /* NULL to keep. */
    const char *catatan;  /* The return note; NULL to keep. */
};

/* Apply 'x' (the time of publishing or approval is recorded).
 * ERR_CONFLICT when the plan's status is not 'x->from' (any more). */
MUST_USE enum err store_plan_set_status(struct store *st,
                                        const struct store_plan_change *x);
/* Record employee 'nip''s answer ('tanggapan' setuju or keberatan, with
 * 'catatan') to their move in plan 'nama'. ERR_NOTFOUND when the plan has
 * no move of theirs. */
MUST_USE enum err store_plan_respond(struct store *st, const char *nama,
                                     const char *nip, const char *tanggapan,
                                     const char *catatan);
/* Call 'fn' for each answer to plan 'nama', by NIP. */
MUST_USE enum err store_plan_responses_each(
    struct store *st, const char *nama,
    enum err (*fn)(void *, const char *nip, const char *tanggapan,
                   const char *catatan, const char *at),
    void *ctx);
/* Call 'fn' for each move of plan 'nama' in the order it was saved,
 * with its decision so far; see store_unit_each(). */
MUST_USE enum err
store_plan_moves_each(struct store *st, const char *nama,
                      enum err (*fn)(void *, const struct store_plan_move *),
                      void *ctx);
/* The TPK's ('ppk' false: keputusan, catatan, jawaban) or the PPK's
 * ('ppk' true: keputusan, catatan as the reason) word on one move. */
struct store_move_decision {
    const char *nama;
    const char *nip;
    const char *keputusan;
    const char *catatan; /* May be NULL. */
    const char *jawaban; /* TPK only; NULL to keep. */
    bool ppk;
};
/* Record 'd'. ERR_NOTFOUND when the plan has no move of 'd->nip'. */
MUST_USE enum err store_plan_move_decide(struct store *st,
                                         const struct store_move_decision *d);
/* The answer of an account other than the employee (the head of a
 * receiving OPD) to the move of 'nip'. */
struct store_plan_answer {
    const char *nip;
    const char *oleh; /* Login. */
    const char *tanggapan;
    const char *catatan;
    const char *at; /* From the readers only. */
};
/* Record (or replace) answer 'a' to a move of plan 'nama'. */
MUST_USE enum err store_plan_answer_put(struct store *st, const char *nama,
                                        const struct store_plan_answer *a);
/* Call 'fn' for each such answer to plan 'nama', by NIP then login. */
MUST_USE enum err store_plan_answers_each(
    struct store *st, const char *nama,
    enum err (*fn)(void *, const struct store_plan_answer *), void *ctx);
/* Call 'fn' with each account that logged 'action' on plan 'nama' (the
 * audit), by login. */
MUST_USE enum err
store_plan_actors_each(struct store *st, const char *nama, const char *action,
                       enum err (*fn)(void *, const char *actor), void *ctx);
/* The number of TPK minutes closed in calendar year 'year' into '*out'. */
MUST_USE enum err store_plan_count_minutes(struct store *st, int year,
                                           long *out);
/* The login that last took step 'aksi' on request 'id' into 'out'.
 * ERR_NOTFOUND when nobody did. */
MUST_USE enum err store_request_actor(struct store *st, int64_t id,
                                      const char *aksi, char *out, size_t len);
/* The number of plans approved in calendar year 'year' (by the clock of
 * their approval) into '*out', for decree numbers. */
MUST_USE enum err store_plan_count_approved(struct store *st, int year,
                                            long *out);

/* Save plan 'p' with its moves (inside the caller's transaction or in
 * one of its own). ERR_EXISTS when a plan of that name exists. */
MUST_USE enum err store_plan_add(struct store *st, const struct store_plan *p);
/* Load the plan 'nama' into '*out' (without its moves: the document
 * holds them). ERR_NOTFOUND when there is none. '*out' is cleared first,
 * so store_plan_cleanup() is safe after any result. */
MUST_USE enum err store_plan_get(struct store *st, const char *nama,
                                 struct store_plan *out);
/* Free the strings of 'p' from store_plan_get(); accepts NULL. */
void store_plan_cleanup(struct store_plan *p);
/* Call 'fn' for each saved plan ordered by name, without 'hasil' (NULL)
 * and moves; see store_unit_each(). */
MUST_USE enum err
store_plan_each(struct store *st,
                enum err (*fn)(void *, const struct store_plan *), void *ctx);

/* A page of employees: those in the subtree of 'root' (all when NULL),
 * whose name contains 'text' or whose NIP starts with it (all when NULL),
 * ordered by NIP. */
struct store_pegawai_query {
    const char *root;
    const char *text;
    long limit;
    long offset;
};

/* Call 'fn' for each employee of page 'q'; '*total' gets the number of
 * employees that match (all pages). See store_unit_each(). */
MUST_USE enum err
store_pegawai_page(struct store *st, const struct store_pegawai_query *q,
                   enum err (*fn)(void *, const struct pegawai *), void *ctx,
                   long *total);
/* One row of an employee's history (table riwayat), with the names of its
 * unit and position (NULL when the code is no longer known). */
struct store_riwayat {
    const char *unit;
    const char *unit_nama;
    const char *jabatan;
    const char *jabatan_nama;
    const char *tmt; /* YYYY-MM-DD. */
    const char *sumber;
    const char *sk_nomor; /* NULL when none. */
};

/* Call 'fn' for each history row of employee 'nip', newest first (by TMT,
 * then the order they were written); see store_unit_each(). No rows for
 * an unknown NIP. */
MUST_USE enum err
store_riwayat_each(struct store *st, const char *nip,
                   enum err (*fn)(void *, const struct store_riwayat *),
                   void *ctx);

/* A move into or out of a unit, from the history: 'dari' is the unit of
 * the employee's previous history row (NULL for a first posting), 'ke'
 * the unit of this one. Names are NULL when the code is unknown. */
struct store_unit_move {
    const char *nip;
    const char *nama;
    const char *tmt; /* YYYY-MM-DD. */
    const char *dari;
    const char *dari_nama;
    const char *ke;
    const char *ke_nama;
    const char *jabatan; /* The position from then on. */
};

/* Call 'fn' for each of the last 'limit' moves into or out of unit
 * 'kode' (history rows that change the unit), newest first; see
 * store_unit_each(). */
MUST_USE enum err
store_unit_moves_each(struct store *st, const char *kode, long limit,
                      enum err (*fn)(void *, const struct store_unit_move *),
                      void *ctx);

/* '*out' tells whether unit 'unit' is 'root' or lies below it (false when
 * either is unknown). */
MUST_USE enum err store_unit_in_subtree(struct store *st, const char *unit,
                                        const char *root, bool *out);
/* Call 'fn' for each audit entry of 'entity' (all when NULL) and
 * 'entity_id' (all when NULL), oldest first, at most 'limit'. */
MUST_USE enum err store_audit_each(
    struct store *st, const char *entity, const char *entity_id, long limit,
    enum err (*fn)(void *, const struct store_audit *, const char *at),
    void *ctx);

/* A transfer request as the API shows it (fixed buffers: no ownership). */
struct store_request {
    int64_t id;
    char nip[19];
    char status[24];
    int64_t version;
    char alasan[24];
    char keterangan[1024];
    char tanggal[11];
    char pilihan[MODEL_PILIHAN_MAX_STORE][65];
    int n_pilihan;
    char peringatan[2048]; /* Warnings, ';'-separated; "" when none. */
    char dibuat[21];
    char diubah[21];
    char tujuan[65]; /* The destination received into; "" before. */
};

/* Create the draft request 'r' (status draf) into '*id'. ERR_CONFLICT
 * when the employee has an open request already. */
MUST_USE enum err store_request_create(struct store *st,
                                       const struct permohonan *r, int64_t *id);
/* Load request 'id' into '*out'. ERR_NOTFOUND when there is none. */
MUST_USE enum err store_request_get(struct store *st, int64_t id,
                                    struct store_request *out);
/* One workflow step of a request. */
struct store_step {
    int64_t id;
    const char *from;       /* Status it must still have. */
    int64_t version;        /* Version it must still have. */
    const char *to;         /* New status. */
    const char *aksi;       /* The action's word. */
    const char *aktor;      /* Login. */
    const char *catatan;    /* May be NULL. */
    const char *peringatan; /* New warnings (';'-separated), or NULL to
                             * keep them. */
    const char *tujuan;     /* The destination received into, or NULL to
                             * keep it. */
};
/* Apply step 's': the status and version move on and the step is logged.
 * ERR_CONFLICT when the request's status or version has moved on
 * meanwhile (nothing is written then). */
MUST_USE enum err store_request_step(struct store *st,
                                     const struct store_step *s);
/* Load employee 'nip''s open request into '*out'. ERR_NOTFOUND when
 * there is none. */
MUST_USE enum err store_request_open_of(struct store *st, const char *nip,
                                        struct store_request *out);
/* Call 'fn' for each request (every status) ordered by id; see
 * store_unit_each(). */
MUST_USE enum err
store_request_each(struct store *st,
                   enum err (*fn)(void *, const struct store_request *),
                   void *ctx);

/* A document of a request (a PDF). For store_document_add() the
 * pointers are borrowed; from the readers they point into the record's
 * own buffers. */
struct store_document {
    int64_t id;
    const char *jenis;
    int64_t permohonan_id;
    const char *nip;
    const char *nama_berkas;
    const char *mime;
    const void *isi; /* store_document_add() only. */
    size_t isi_len;
    const char *sha256;
    const char *dibuat_oleh;
    char jenis_buf[48];
    char nip_buf[19];
    char nama_buf[256];
    char mime_buf[64];
    char sha_buf[65];
    char dibuat_buf[21];
    char oleh_buf[65];
    char status_buf[16]; /* sesuai, perlu_revisi or "" (not reviewed). */
    char catatan_buf[1024];
};

/* Store document 'd' into '*id'. */
MUST_USE enum err store_document_add(struct store *st,
                                     const struct store_document *d,
                                     int64_t *id);
/* Call 'fn' for each document of request 'permohonan_id' (without the
 * content), oldest first. */
MUST_USE enum err
store_document_each(struct store *st, int64_t permohonan_id,
                    enum err (*fn)(void *, const struct store_document *),
                    void *ctx);
/* Load document 'id' into '*d' and, when 'content' is not NULL, its bytes
 * into 'content'. ERR_NOTFOUND when there is none. */
MUST_USE enum err store_document_get(struct store *st, int64_t id,
                                     struct store_document *d,
                                     struct buf *content);
/* Record the review 'status' (sesuai or perlu_revisi) and 'catatan' of
 * document 'id'. ERR_NOTFOUND when there is none. */
MUST_USE enum err store_document_review(struct store *st, int64_t id,
                                        const char *status,
                                        const char *catatan);

/* An account of the web app. From store_user_get() its strings are owned
 * by the record (store_user_cleanup()); for store_user_add() borrowed. */
struct store_user {
    const char *login;
    const char *password_hash; /* argon2id, libsodium's string form. */
    const char *role;          /* pegawai, kepala_unit, bkpsdm, ... */
    const char *nip;           /* NULL when none. */
    const char *unit;          /* NULL when none. */
    bool aktif;
    const char *dibuat;
};

/* Add account 'u'. ERR_EXISTS when the login is taken; ERR_INVAL for an
 * unknown role. */
MUST_USE enum err store_user_add(struct store *st, const struct store_user *u);
/* Load account 'login' into '*out' (cleared first, so that
 * store_user_cleanup() is safe after any result). ERR_NOTFOUND when there
 * is none. */
MUST_USE enum err store_user_get(struct store *st, const char *login,
                                 struct store_user *out);
/* Free the strings of 'u' from store_user_get(); accepts NULL. */
void store_user_cleanup(struct store_user *u);
/* Set the password hash of 'login'; ERR_NOTFOUND when there is none. */
MUST_USE enum err store_user_set_password(struct store *st, const char *login,
                                          const char *hash);
/* Enable or disable 'login' (a disabled account loses its sessions);
 * ERR_NOTFOUND when there is none. */
MUST_USE enum err store_user_set_active(struct store *st, const char *login,
                                        bool aktif);
/* Call 'fn' for each account ordered by login (no password hash); see
 * store_unit_each(). */
MUST_USE enum err
store_user_each(struct store *st,
                enum err (*fn)(void *, const struct store_user *), void *ctx);

/* A change to an account of an HR or decision role that waits for a
 * second person (issue #18: separation of duties). Strings from
 * store_account_change_get() are owned (store_account_change_cleanup());
 * for store_account_change_add() borrowed. */
struct store_account_change {
    int64_t id;
    const char *aksi;  /* tambah | sandi | aktifkan. */
    const char *login; /* The account changed. */
    const char *role;  /* tambah: the new account's role, nip, unit. */
    const char *nip;
    const char *unit;
    const char *oleh;         /* Who proposed it. */
    const char *pada;         /* When (UTC, ISO 8601). */
    const char *status;       /* menunggu | dikonfirmasi | ditolak. */
    const char *diputus_oleh; /* Who confirmed or refused it; NULL. */
    const char *diputus_pada;
    const char *catatan; /* The reason of a refusal; NULL. */
};

/* Record the proposal 'c' (status menunggu) and its id in '*id'.
 * ERR_EXISTS when the same change of the same account already waits. */
MUST_USE enum err store_account_change_add(struct store *st,
                                           const struct store_account_change *c,
                                           int64_t *id);
/* Load proposal 'id'. ERR_NOTFOUND when there is none. */
MUST_USE enum err store_account_change_get(struct store *st, int64_t id,
                                           struct store_account_change *out);
/* Free the strings of 'c' from store_account_change_get(); accepts NULL. */
void store_account_change_cleanup(struct store_account_change *c);
/* Close waiting proposal 'id' as 'status' (dikonfirmasi | ditolak) by
 * 'oleh' with 'catatan' (may be NULL). ERR_CONFLICT when it no longer
 * waits (no lost update between two confirmations). */
MUST_USE enum err store_account_change_close(struct store *st, int64_t id,
                                             const char *status,
                                             const char *oleh,
                                             const char *catatan);
/* Each proposal, the waiting ones first, then the newest first; at most
 * 'limit'. */
MUST_USE enum err store_account_change_each(
    struct store *st, long limit,
    enum err (*fn)(void *, const struct store_account_change *), void *ctx);

/* A session of the web app; times are seconds since 1970 (UTC). */
struct store_session {
    const char *token_hash; /* SHA-256 of the cookie token, hex. */
    const char *login;
    const char *csrf_token;
    int64_t dibuat;
    int64_t terakhir; /* Last use. */
};

/* Add session 's'. */
MUST_USE enum err store_session_add(struct store *st,
                                    const struct store_session *s);
/* Load the session 'token_hash' with its account into '*s' and '*u'
 * (owned strings: store_session_cleanup() and store_user_cleanup()).
 * ERR_NOTFOUND when there is none. */
MUST_USE enum err store_session_get(struct store *st, const char *token_hash,
                                    struct store_session *s,
                                    struct store_user *u);
/* Free the strings of 's'; accepts NULL. */
void store_session_cleanup(struct store_session *s);
/* Mark session 'token_hash' used at 'now'. */
MUST_USE enum err store_session_touch(struct store *st, const char *token_hash,
                                      int64_t now);
/* Delete session 'token_hash' (nothing when there is none). */
MUST_USE enum err store_session_delete(struct store *st,
                                       const char *token_hash);

/* A number that changes whenever the data changes, by any connection,
 * also in other processes and on other machines (SQLite's data version;
 * on PostgreSQL a counter that every write moves, sessions, the login
 * throttle and leases excepted). Comparable only between calls on the
 * same handle. */
MUST_USE enum err store_data_version(struct store *st, uint64_t *out);

/* The login throttle's count of failures for one key (an account at an
 * address, or an address), kept in the database so that every server
 * behind a load balancer counts the same failures. Times are wall-clock
 * milliseconds since the epoch. */
struct store_throttle {
    long gagal;       /* Failures counted. */
    int64_t terakhir; /* The last failure. */
    int64_t sampai;   /* No attempt before this; 0 when none. */
};
/* The count of 'key' into 'out'; all zero when there is none. */
MUST_USE enum err store_throttle_get(struct store *st, const char *key,
                                     struct store_throttle *out);
/* Count one failure of 'key' at 'now' atomically (two servers counting
 * at once both count): a key whose last failure is older than
 * 'forget_ms' and whose wait is over starts again at 1. 'out' receives
 * the new count; the caller decides the wait (store_throttle_wait()). */
MUST_USE enum err store_throttle_fail(struct store *st, const char *key,
                                      int64_t now, int64_t forget_ms,
                                      struct store_throttle *out);
/* Make 'key' wait until 'sampai' (never shortening a longer wait set
 * meanwhile by another server). */
MUST_USE enum err store_throttle_wait(struct store *st, const char *key,
                                      int64_t sampai);
/* Forget 'key' (a success). */
MUST_USE enum err store_throttle_clear(struct store *st, const char *key);
/* Forget every key whose wait is over at 'now' and whose last failure is
 * older than 'forget_ms'. */
MUST_USE enum err store_throttle_sweep(struct store *st, int64_t now,
                                       int64_t forget_ms);

/* A lease on a long piece of work (a plan being computed under its name),
 * so that two servers never do the same work at once. Take it for
 * 'holder' until 'until' (wall-clock milliseconds): '*got' is true when it
 * was free, expired at 'now', or already 'holder''s (then renewed). */
MUST_USE enum err store_lease_take(struct store *st, const char *name,
                                   const char *holder, int64_t now,
                                   int64_t until, bool *got);
/* Give the lease back if 'holder' still holds it. */
MUST_USE enum err store_lease_release(struct store *st, const char *name,
                                      const char *holder);

/* Load setting 'key' into '*out' (the caller frees it). ERR_NOTFOUND when
 * it was never set (then the default applies). */
MUST_USE enum err store_setting_get(struct store *st, const char *key,
                                    char **out);
/* Store setting 'key' = 'value'. */
MUST_USE enum err store_setting_set(struct store *st, const char *key,
                                    const char *value);
/* Append 'a' to the audit log, stamped with the current time. */
MUST_USE enum err store_audit_add(struct store *st,
                                  const struct store_audit *a);

/* The Minister of Home Affairs' written approval recorded with a decision
 * taken inside an election period (masa tenang) that changes officials'
 * posts. For store_izin_add() the pointers are borrowed; from
 * store_izin_get() they are owned by the record (store_izin_cleanup()). */
struct store_izin {
    const char *plan;        /* The decision's record (a plan's name). */
    const char *masa_label;  /* The period: its label and days. */
    const char *masa_dari;   /* YYYY-MM-DD. */
    const char *masa_sampai; /* YYYY-MM-DD. */
    const char *keputusan;   /* The day of the decision, YYYY-MM-DD. */
    const char *nomor;       /* The approval's number. */
    const char *tanggal;     /* Its date, YYYY-MM-DD. */
    const char *pejabat;     /* The officials' moves, a JSON array. */
    const char *oleh;        /* Who recorded it. */
    const char *sha256;      /* Hex digest of the PDF. */
    const void *berkas;      /* The PDF: store_izin_add() only. */
    size_t berkas_len;
};
/* Record approval 'z'. ERR_EXISTS when the decision has one. */
MUST_USE enum err store_izin_add(struct store *st, const struct store_izin *z);
/* The approval of decision 'plan' into '*out' and, when 'berkas' is not
 * NULL, its PDF into 'berkas'. ERR_NOTFOUND when it has none. */
MUST_USE enum err store_izin_get(struct store *st, const char *plan,
                                 struct store_izin *out, struct buf *berkas);
/* Free the strings of a record from store_izin_get(); accepts one never
 * filled (zeroed). */
void store_izin_cleanup(struct store_izin *z);

/* One document issued (the register of SK, Petikan, surat tugas and
 * berita acara; the report to the Ministry, laporan_mendagri). */
struct store_register_row {
    const char *nomor;   /* The document's number. */
    const char *tanggal; /* Its date, YYYY-MM-DD. */
    const char *jenis;   /* sk, petikan, surat_tugas, berita_acara,
                          * laporan_mendagri. */
    const char *plan;    /* The plan (or the single decision's record). */
    const char *nip;     /* NULL for an SK or a berita acara. */
    const char *sha256;  /* Hex digest of the first print's bytes. */
    const char *pertama; /* When first issued (UTC); ignored by _add. */
};

/* The registered hash of document ('jenis', 'plan', 'nip' (may be NULL))
 * into 'out' (65 bytes). ERR_NOTFOUND when it was never issued. */
MUST_USE enum err store_register_find(struct store *st, const char *jenis,
                                      const char *plan, const char *nip,
                                      char *out);
/* Register the first issue of 'r', stamped with the current time. */
MUST_USE enum err store_register_add(struct store *st,
                                     const struct store_register_row *r);
/* Call 'fn' with each registered document in the order issued. */
MUST_USE enum err
store_register_each(struct store *st,
                    enum err (*fn)(void *, const struct store_register_row *),
                    void *ctx);
/* Give the move of 'nip' in plan 'plan' its surat tugas number 'nomor'.
 * ERR_NOTFOUND when there is no such move. */
MUST_USE enum err store_move_set_st(struct store *st, const char *plan,
                                    const char *nip, const char *nomor);
/* The surat tugas number of that move into 'out' ('len' bytes).
 * ERR_NOTFOUND when it has none. */
MUST_USE enum err store_move_get_st(struct store *st, const char *plan,
                                    const char *nip, char *out, size_t len);
/* The number of surat tugas of the plans approved in calendar year
 * 'year' into '*out'. */
MUST_USE enum err store_count_st(struct store *st, int year, long *out);
/* The note and time ("YYYY-MM-DDTHH:MM:SSZ") of the last step 'aksi' of
 * request 'id' into 'note' and 'at' (each 'len' bytes). ERR_NOTFOUND
 * when nobody took it. */
MUST_USE enum err store_request_step_find(struct store *st, int64_t id,
                                          const char *aksi, char *note,
                                          char *at, size_t len);

/* SIASN's identifiers (BKN's 32-hex ids) beside our codes. 'jenis' is
 * "instansi" (keyed by the root unit's code), "unit", "jabatan" (our
 * jabatan code) or "pegawai" (the NIP). Ids are compared and stored
 * lower-case, whatever the case given. */
#define STORE_SIASN_ID_LEN 32
/* Set the id of (jenis, kode), replacing the one it had. ERR_INVAL (with
 * the store's message) for an unknown 'jenis' or an id that is not 32 hex
 * digits; ERR_EXISTS when another code of that 'jenis' has the id. */
MUST_USE enum err store_siasn_id_set(struct store *st, const char *jenis,
                                     const char *kode, const char *siasn_id);
/* The id of (jenis, kode) into 'out' (reset first), '*found' false when it
 * has none. */
MUST_USE enum err store_siasn_id_get(struct store *st, const char *jenis,
                                     const char *kode, struct buf *out,
                                     bool *found);
/* Our code of the thing of 'jenis' with SIASN id 'siasn_id' (any case)
 * into 'kode_out' (reset first), '*found' false when none has it. */
MUST_USE enum err store_siasn_id_find(struct store *st, const char *jenis,
                                      const char *siasn_id,
                                      struct buf *kode_out, bool *found);
/* Call 'fn' with each id of 'jenis' (NULL: of every jenis), ordered by
 * jenis then code, until it returns other than ERR_OK. */
MUST_USE enum err
store_siasn_id_each(struct store *st, const char *jenis,
                    enum err (*fn)(void *ctx, const char *jenis,
                                   const char *kode, const char *siasn_id),
                    void *ctx);

/* One move pushed to SIASN's API (store_sqlite_siasn_kirim.c): the
 * request sent, and the last answer. */
struct store_siasn_kirim {
    char *plan;
    char *nip;
    char *permintaan; /* The JSON body sent. */
    char *status;     /* terkirim or gagal. */
    long http_status; /* 0 when no HTTP answer came. */
    char *jawaban;    /* The answer's body or the transport error; may be
                       * NULL. */
    int percobaan;    /* Attempts so far (read only). */
    char *waktu;      /* The last attempt (UTC; read only). */
};
/* The push of 'nip' in plan 'plan' into '*out' (owned strings; free with
 * store_siasn_kirim_cleanup()); '*found' false when never pushed. */
MUST_USE enum err store_siasn_kirim_get(struct store *st, const char *plan,
                                        const char *nip,
                                        struct store_siasn_kirim *out,
                                        bool *found);
/* Record an attempt: a new row, or the gagal row updated with one more
 * attempt. A row already terkirim is never changed: ERR_CONFLICT. */
MUST_USE enum err store_siasn_kirim_put(struct store *st,
                                        const struct store_siasn_kirim *k);
/* Call 'fn' for each push of plan 'plan' ordered by NIP; see
 * store_unit_each(). */
MUST_USE enum err
store_siasn_kirim_each(struct store *st, const char *plan,
                       enum err (*fn)(void *, const struct store_siasn_kirim *),
                       void *ctx);
/* Free the strings of 'k'; accepts NULL. */
void store_siasn_kirim_cleanup(struct store_siasn_kirim *k);

#endif
