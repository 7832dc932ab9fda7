/* SPDX-License-Identifier: MIT */
/* store_int: what store.c and the back ends share (storage layer): the
 * table of a back end's operations. Each back end's 'struct store' begins
 * with a pointer to its table, so that store.c, which never sees a back
 * end's struct, reads the table through a pointer to that first member
 * (C11 6.7.2.1p15) and calls it. Included only by store.c and store_*.c.
 * A member has the name of the store.h function it implements, without
 * the "store_" (store_unit_put -> unit_put); the back end's own function
 * is store_<back end>_<member> (store_sqlite_unit_put, store_pg_unit_put). */
#ifndef MUTASI_STORE_INT_H
#define MUTASI_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "store.h"

struct unit;
struct jabatan;
struct kinerja;
struct beban;
struct pegawai;
struct permohonan;
struct buf;

struct store_ops {
    void (*busy_timeout)(struct store *st, int ms);
    void (*cache_limit)(struct store *st, int kib);
    void (*close)(struct store *st);
    enum err (*reopen)(struct store *st, struct store **out);
    const char *(*errmsg)(const struct store *st);
    enum err (*migrate)(struct store *st, int *from);
    enum err (*check_schema)(struct store *st);
    enum err (*schema_version)(struct store *st, int *out);
    enum err (*backup)(struct store *st, const char *path,
                       store_progress_fn *progress, void *ctx);
    enum err (*backup_check)(struct store *st, const char *path, int *version);
    enum err (*restore)(struct store *st, const char *path,
                        store_progress_fn *progress, void *ctx);
    enum err (*begin)(struct store *st);
    enum err (*commit)(struct store *st);
    void (*rollback)(struct store *st);
    enum err (*bulk_begin)(struct store *st, enum store_bulk what, bool *out);
    enum err (*bulk_end)(struct store *st, enum store_bulk what,
                         const char *sumber);
    enum err (*unit_put)(struct store *st, const struct unit *u);
    enum err (*unit_each)(struct store *st,
                          enum err (*fn)(void *, const struct unit *),
                          void *ctx);
    enum err (*unit_get)(struct store *st, const char *kode, struct unit *out);
    enum err (*jabatan_get)(struct store *st, const char *kode,
                            struct jabatan *out);
    enum err (*jabatan_put)(struct store *st, const struct jabatan *j);
    enum err (*jabatan_each)(struct store *st,
                             enum err (*fn)(void *, const struct jabatan *),
                             void *ctx);
    enum err (*beban_clear)(struct store *st, const char *unit,
                            const char *jabatan, bool with_app, long *kept);
    enum err (*beban_add)(struct store *st, const struct beban *b);
    enum err (*beban_add_app)(struct store *st, const struct beban *b);
    enum err (*beban_app_has)(struct store *st, const struct beban *b,
                              bool *same);
    enum err (*beban_each)(struct store *st,
                           enum err (*fn)(void *, const struct beban *),
                           void *ctx);
    enum err (*beban_scan)(struct store *st,
                           enum err (*fn)(void *, const struct beban *),
                           void *ctx);
    enum err (*beban_each_unit)(struct store *st, const char *unit,
                                enum err (*fn)(void *, const struct beban *),
                                void *ctx);
    enum err (*pegawai_put)(struct store *st, const struct pegawai *p,
                            const char *sumber, enum store_put *out);
    enum err (*kinerja_put)(struct store *st, const struct kinerja *k,
                            enum store_put *out);
    enum err (*kinerja_each)(struct store *st,
                             enum err (*fn)(void *, const struct kinerja *),
                             void *ctx);
    enum err (*kinerja_of)(struct store *st, const char *nip,
                           enum err (*fn)(void *, const struct kinerja *),
                           void *ctx);
    enum err (*kinerja_years)(struct store *st, int from, int to,
                              enum err (*fn)(void *, const struct kinerja *),
                              void *ctx);
    enum err (*batas_clear)(struct store *st);
    enum err (*batas_put)(struct store *st, const struct store_batas *b);
    enum err (*batas_each)(struct store *st,
                           enum err (*fn)(void *, const struct store_batas *),
                           void *ctx);
    enum err (*pegawai_get)(struct store *st, const char *nip,
                            struct pegawai *out);
    enum err (*pegawai_names)(
        struct store *st, const char *const *nips, size_t n,
        enum err (*fn)(void *, const char *nip, const char *nama), void *ctx);
    enum err (*pegawai_each)(struct store *st,
                             enum err (*fn)(void *, const struct pegawai *),
                             void *ctx);
    enum err (*staff_each)(struct store *st, int32_t day,
                           enum err (*fn)(void *, const struct store_staff *),
                           void *ctx);
    enum err (*posts_each)(struct store *st, int32_t day,
                           enum err (*fn)(void *, const struct store_staff *),
                           void *ctx);
    enum err (*permohonan_put)(struct store *st, const struct permohonan *r,
                               bool keep_note, enum store_put *out);
    enum err (*permohonan_each)(struct store *st,
                                enum err (*fn)(void *,
                                               const struct permohonan *),
                                void *ctx);
    enum err (*unit_count_each)(struct store *st,
                                enum err (*fn)(void *,
                                               const struct store_unit_count *),
                                void *ctx);
    enum err (*plan_set_status)(struct store *st,
                                const struct store_plan_change *x);
    enum err (*plan_respond)(struct store *st, const char *nama,
                             const char *nip, const char *tanggapan,
                             const char *catatan);
    enum err (*plan_responses_each)(struct store *st, const char *nama,
                                    enum err (*fn)(void *, const char *nip,
                                                   const char *tanggapan,
                                                   const char *catatan,
                                                   const char *at),
                                    void *ctx);
    enum err (*plan_moves_each)(struct store *st, const char *nama,
                                enum err (*fn)(void *,
                                               const struct store_plan_move *),
                                void *ctx);
    enum err (*plan_move_decide)(struct store *st,
                                 const struct store_move_decision *d);
    enum err (*plan_answer_put)(struct store *st, const char *nama,
                                const struct store_plan_answer *a);
    enum err (*plan_answers_each)(
        struct store *st, const char *nama,
        enum err (*fn)(void *, const struct store_plan_answer *), void *ctx);
    enum err (*plan_actors_each)(struct store *st, const char *nama,
                                 const char *action,
                                 enum err (*fn)(void *, const char *actor),
                                 void *ctx);
    enum err (*plan_count_minutes)(struct store *st, int year, long *out);
    enum err (*request_actor)(struct store *st, int64_t id, const char *aksi,
                              char *out, size_t len);
    enum err (*plan_count_approved)(struct store *st, int year, long *out);
    enum err (*plan_add)(struct store *st, const struct store_plan *p);
    enum err (*plan_get)(struct store *st, const char *nama,
                         struct store_plan *out);
    enum err (*plan_each)(struct store *st,
                          enum err (*fn)(void *, const struct store_plan *),
                          void *ctx);
    enum err (*pegawai_page)(struct store *st,
                             const struct store_pegawai_query *q,
                             enum err (*fn)(void *, const struct pegawai *),
                             void *ctx, long *total);
    enum err (*riwayat_each)(struct store *st, const char *nip,
                             enum err (*fn)(void *,
                                            const struct store_riwayat *),
                             void *ctx);
    enum err (*unit_moves_each)(struct store *st, const char *kode, long limit,
                                enum err (*fn)(void *,
                                               const struct store_unit_move *),
                                void *ctx);
    enum err (*unit_in_subtree)(struct store *st, const char *unit,
                                const char *root, bool *out);
    enum err (*audit_each)(struct store *st, const char *entity,
                           const char *entity_id, long limit,
                           enum err (*fn)(void *, const struct store_audit *,
                                          const char *at),
                           void *ctx);
    enum err (*request_create)(struct store *st, const struct permohonan *r,
                               int64_t *id);
    enum err (*request_get)(struct store *st, int64_t id,
                            struct store_request *out);
    enum err (*request_step)(struct store *st, const struct store_step *s);
    enum err (*request_open_of)(struct store *st, const char *nip,
                                struct store_request *out);
    enum err (*request_each)(struct store *st,
                             enum err (*fn)(void *,
                                            const struct store_request *),
                             void *ctx);
    enum err (*document_add)(struct store *st, const struct store_document *d,
                             int64_t *id);
    enum err (*document_each)(struct store *st, int64_t permohonan_id,
                              enum err (*fn)(void *,
                                             const struct store_document *),
                              void *ctx);
    enum err (*document_get)(struct store *st, int64_t id,
                             struct store_document *d, struct buf *content);
    enum err (*document_review)(struct store *st, int64_t id,
                                const char *status, const char *catatan);
    enum err (*user_add)(struct store *st, const struct store_user *u);
    enum err (*user_get)(struct store *st, const char *login,
                         struct store_user *out);
    enum err (*user_set_password)(struct store *st, const char *login,
                                  const char *hash);
    enum err (*user_set_active)(struct store *st, const char *login,
                                bool aktif);
    enum err (*user_each)(struct store *st,
                          enum err (*fn)(void *, const struct store_user *),
                          void *ctx);
    enum err (*account_change_add)(struct store *st,
                                   const struct store_account_change *c,
                                   int64_t *id);
    enum err (*account_change_get)(struct store *st, int64_t id,
                                   struct store_account_change *out);
    enum err (*account_change_close)(struct store *st, int64_t id,
                                     const char *status, const char *oleh,
                                     const char *catatan);
    enum err (*account_change_each)(
        struct store *st, long limit,
        enum err (*fn)(void *, const struct store_account_change *), void *ctx);
    enum err (*session_add)(struct store *st, const struct store_session *s);
    enum err (*session_get)(struct store *st, const char *token_hash,
                            struct store_session *s, struct store_user *u);
    enum err (*session_touch)(struct store *st, const char *token_hash,
                              int64_t now);
    enum err (*session_delete)(struct store *st, const char *token_hash);
    enum err (*data_version)(struct store *st, uint64_t *out);
    enum err (*setting_get)(struct store *st, const char *key, char **out);
    enum err (*setting_set)(struct store *st, const char *key,
                            const char *value);
    enum err (*audit_add)(struct store *st, const struct store_audit *a);
    enum err (*izin_add)(struct store *st, const struct store_izin *z);
    enum err (*izin_get)(struct store *st, const char *plan,
                         struct store_izin *out, struct buf *berkas);
    enum err (*register_find)(struct store *st, const char *jenis,
                              const char *plan, const char *nip, char *out);
    enum err (*register_add)(struct store *st,
                             const struct store_register_row *r);
    enum err (*register_each)(struct store *st,
                              enum err (*fn)(void *,
                                             const struct store_register_row *),
                              void *ctx);
    enum err (*move_set_st)(struct store *st, const char *plan, const char *nip,
                            const char *nomor);
    enum err (*move_get_st)(struct store *st, const char *plan, const char *nip,
                            char *out, size_t len);
    enum err (*count_st)(struct store *st, int year, long *out);
    enum err (*request_step_find)(struct store *st, int64_t id,
                                  const char *aksi, char *note, char *at,
                                  size_t len);
    enum err (*siasn_id_set)(struct store *st, const char *jenis,
                             const char *kode, const char *siasn_id);
    enum err (*siasn_id_get)(struct store *st, const char *jenis,
                             const char *kode, struct buf *out, bool *found);
    enum err (*siasn_id_find)(struct store *st, const char *jenis,
                              const char *siasn_id, struct buf *kode_out,
                              bool *found);
    enum err (*siasn_id_each)(struct store *st, const char *jenis,
                              enum err (*fn)(void *ctx, const char *jenis,
                                             const char *kode,
                                             const char *siasn_id),
                              void *ctx);
    enum err (*siasn_kirim_get)(struct store *st, const char *plan,
                                const char *nip, struct store_siasn_kirim *out,
                                bool *found);
    enum err (*siasn_kirim_put)(struct store *st,
                                const struct store_siasn_kirim *k);
    enum err (*siasn_kirim_each)(
        struct store *st, const char *plan,
        enum err (*fn)(void *, const struct store_siasn_kirim *), void *ctx);
    enum err (*throttle_get)(struct store *st, const char *key,
                             struct store_throttle *out);
    enum err (*throttle_fail)(struct store *st, const char *key, int64_t now,
                              int64_t forget_ms, struct store_throttle *out);
    enum err (*throttle_wait)(struct store *st, const char *key,
                              int64_t sampai);
    enum err (*throttle_clear)(struct store *st, const char *key);
    enum err (*throttle_sweep)(struct store *st, int64_t now,
                               int64_t forget_ms);
    enum err (*lease_take)(struct store *st, const char *name,
                           const char *holder, int64_t now, int64_t until,
                           bool *got);
    enum err (*lease_release)(struct store *st, const char *name,
                              const char *holder);
};

#endif
