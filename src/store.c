/* SPDX-License-Identifier: MIT */
/* store: picks the back end from the target and hands each call of
 * store.h to the back end that opened the handle (storage layer): SQLite
 * for a file name, PostgreSQL for a postgresql:// or postgres:// URL.
 * Each back end's struct store begins with its table of operations
 * (store_int.h). */
#include "store.h"

#include <stdio.h>
#include <string.h>

#include "store_int.h"
#include "store_pg.h"
#include "store_sqlite.h"

static const struct store_ops *
ops_of(struct store *st)
{
    /* A pointer to a struct, converted, points to its first member. */
    return *(const struct store_ops *const *)(const void *)st;
}

static const struct store_ops *
ops_of_const(const struct store *st)
{
    return *(const struct store_ops *const *)(const void *)st;
}

static bool
is_pg_url(const char *target)
{
    return strncmp(target, "postgresql://", 13) == 0 ||
           strncmp(target, "postgres://", 11) == 0;
}

void
store_target_shown(const char *target, char *out, size_t len)
{
    snprintf(out, len, "%s", target);
    if (!is_pg_url(target)) {
        return;
    }
    /* user:password@ in the authority (the last '@' before the path). */
    char *auth = strstr(out, "://") + 3;
    size_t auth_len = strcspn(auth, "/?");
    char *at = NULL;
    for (char *p = auth; p < auth + auth_len; p++) {
        at = *p == '@' ? p : at;
    }
    char *colon = at != NULL ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
    char tmp[1024];
    if (colon != NULL && len > 0) {
        snprintf(tmp, sizeof(tmp), "%.*s:***%s", (int)(colon - out), out, at);
        snprintf(out, len, "%s", tmp);
    }
    /* password=... among the query's parameters. */
    char *q = strchr(out, '?');
    while (q != NULL) {
        char *key = q + 1;
        char *next = strchr(key, '&');
        if (strncmp(key, "password=", 9) == 0) {
            snprintf(tmp, sizeof(tmp), "%.*spassword=***%s", (int)(key - out),
                     out, next != NULL ? next : "");
            snprintf(out, len, "%s", tmp);
            next = strchr(key, '&');
        }
        q = next;
    }
}

enum err
store_open(const char *target, bool create, struct store **out)
{
    if (is_pg_url(target)) {
        return store_pg_open(target, create, out);
    }
    return store_sqlite_open(target, create, out);
}

void
store_busy_timeout(struct store *st, int ms)
{
    ops_of(st)->busy_timeout(st, ms);
}

void
store_cache_limit(struct store *st, int kib)
{
    ops_of(st)->cache_limit(st, kib);
}

void
store_close(struct store *st)
{
    if (st != NULL) {
        ops_of(st)->close(st);
    }
}

enum err
store_reopen(struct store *st, struct store **out)
{
    return ops_of(st)->reopen(st, out);
}

const char *
store_errmsg(const struct store *st)
{
    return st != NULL ? ops_of_const(st)->errmsg(st) : "";
}

enum err
store_migrate(struct store *st, int *from)
{
    return ops_of(st)->migrate(st, from);
}

enum err
store_check_schema(struct store *st)
{
    return ops_of(st)->check_schema(st);
}

enum err
store_schema_version(struct store *st, int *out)
{
    return ops_of(st)->schema_version(st, out);
}

enum err
store_backup(struct store *st, const char *path, store_progress_fn *progress,
             void *ctx)
{
    return ops_of(st)->backup(st, path, progress, ctx);
}

enum err
store_backup_check(struct store *st, const char *path, int *version)
{
    return ops_of(st)->backup_check(st, path, version);
}

enum err
store_restore(struct store *st, const char *path, store_progress_fn *progress,
              void *ctx)
{
    return ops_of(st)->restore(st, path, progress, ctx);
}

enum err
store_begin(struct store *st)
{
    return ops_of(st)->begin(st);
}

enum err
store_commit(struct store *st)
{
    return ops_of(st)->commit(st);
}

void
store_rollback(struct store *st)
{
    ops_of(st)->rollback(st);
}

enum err
store_bulk_begin(struct store *st, enum store_bulk what, bool *out)
{
    return ops_of(st)->bulk_begin(st, what, out);
}

enum err
store_bulk_end(struct store *st, enum store_bulk what, const char *sumber)
{
    return ops_of(st)->bulk_end(st, what, sumber);
}

enum err
store_unit_put(struct store *st, const struct unit *u)
{
    return ops_of(st)->unit_put(st, u);
}

enum err
store_unit_each(struct store *st, enum err (*fn)(void *, const struct unit *),
                void *ctx)
{
    return ops_of(st)->unit_each(st, fn, ctx);
}

enum err
store_unit_get(struct store *st, const char *kode, struct unit *out)
{
    return ops_of(st)->unit_get(st, kode, out);
}

enum err
store_jabatan_get(struct store *st, const char *kode, struct jabatan *out)
{
    return ops_of(st)->jabatan_get(st, kode, out);
}

enum err
store_jabatan_put(struct store *st, const struct jabatan *j)
{
    return ops_of(st)->jabatan_put(st, j);
}

enum err
store_jabatan_each(struct store *st,
                   enum err (*fn)(void *, const struct jabatan *), void *ctx)
{
    return ops_of(st)->jabatan_each(st, fn, ctx);
}

enum err
store_beban_clear(struct store *st, const char *unit, const char *jabatan,
                  bool with_app, long *kept)
{
    return ops_of(st)->beban_clear(st, unit, jabatan, with_app, kept);
}

enum err
store_beban_add(struct store *st, const struct beban *b)
{
    return ops_of(st)->beban_add(st, b);
}

enum err
store_beban_add_app(struct store *st, const struct beban *b)
{
    return ops_of(st)->beban_add_app(st, b);
}

enum err
store_beban_app_has(struct store *st, const struct beban *b, bool *same)
{
    return ops_of(st)->beban_app_has(st, b, same);
}

enum err
store_beban_each(struct store *st, enum err (*fn)(void *, const struct beban *),
                 void *ctx)
{
    return ops_of(st)->beban_each(st, fn, ctx);
}

enum err
store_beban_scan(struct store *st, enum err (*fn)(void *, const struct beban *),
                 void *ctx)
{
    return ops_of(st)->beban_scan(st, fn, ctx);
}

enum err
store_beban_each_unit(struct store *st, const char *unit,
                      enum err (*fn)(void *, const struct beban *), void *ctx)
{
    return ops_of(st)->beban_each_unit(st, unit, fn, ctx);
}

enum err
store_pegawai_put(struct store *st, const struct pegawai *p, const char *sumber,
                  enum store_put *out)
{
    return ops_of(st)->pegawai_put(st, p, sumber, out);
}

enum err
store_kinerja_put(struct store *st, const struct kinerja *k,
                  enum store_put *out)
{
    return ops_of(st)->kinerja_put(st, k, out);
}

enum err
store_kinerja_each(struct store *st,
                   enum err (*fn)(void *, const struct kinerja *), void *ctx)
{
    return ops_of(st)->kinerja_each(st, fn, ctx);
}

enum err
store_kinerja_of(struct store *st, const char *nip,
                 enum err (*fn)(void *, const struct kinerja *), void *ctx)
{
    return ops_of(st)->kinerja_of(st, nip, fn, ctx);
}

enum err
store_kinerja_years(struct store *st, int from, int to,
                    enum err (*fn)(void *, const struct kinerja *), void *ctx)
{
    return ops_of(st)->kinerja_years(st, from, to, fn, ctx);
}

enum err
store_batas_clear(struct store *st)
{
    return ops_of(st)->batas_clear(st);
}

enum err
store_batas_put(struct store *st, const struct store_batas *b)
{
    return ops_of(st)->batas_put(st, b);
}

enum err
store_batas_each(struct store *st,
                 enum err (*fn)(void *, const struct store_batas *), void *ctx)
{
    return ops_of(st)->batas_each(st, fn, ctx);
}

enum err
store_pegawai_get(struct store *st, const char *nip, struct pegawai *out)
{
    return ops_of(st)->pegawai_get(st, nip, out);
}

enum err
store_pegawai_names(struct store *st, const char *const *nips, size_t n,
                    enum err (*fn)(void *, const char *nip, const char *nama),
                    void *ctx)
{
    return ops_of(st)->pegawai_names(st, nips, n, fn, ctx);
}

enum err
store_pegawai_each(struct store *st,
                   enum err (*fn)(void *, const struct pegawai *), void *ctx)
{
    return ops_of(st)->pegawai_each(st, fn, ctx);
}

enum err
store_staff_each(struct store *st, int32_t day,
                 enum err (*fn)(void *, const struct store_staff *), void *ctx)
{
    return ops_of(st)->staff_each(st, day, fn, ctx);
}

enum err
store_posts_each(struct store *st, int32_t day,
                 enum err (*fn)(void *, const struct store_staff *), void *ctx)
{
    return ops_of(st)->posts_each(st, day, fn, ctx);
}

enum err
store_permohonan_put(struct store *st, const struct permohonan *r,
                     bool keep_note, enum store_put *out)
{
    return ops_of(st)->permohonan_put(st, r, keep_note, out);
}

enum err
store_permohonan_each(struct store *st,
                      enum err (*fn)(void *, const struct permohonan *),
                      void *ctx)
{
    return ops_of(st)->permohonan_each(st, fn, ctx);
}

enum err
store_unit_count_each(struct store *st,
                      enum err (*fn)(void *, const struct store_unit_count *),
                      void *ctx)
{
    return ops_of(st)->unit_count_each(st, fn, ctx);
}

enum err
store_plan_set_status(struct store *st, const struct store_plan_change *x)
{
    return ops_of(st)->plan_set_status(st, x);
}

enum err
store_plan_respond(struct store *st, const char *nama, const char *nip,
                   const char *tanggapan, const char *catatan)
{
    return ops_of(st)->plan_respond(st, nama, nip, tanggapan, catatan);
}

enum err
store_plan_responses_each(struct store *st, const char *nama,
                          enum err (*fn)(void *, const char *nip,
                                         const char *tanggapan,
                                         const char *catatan, const char *at),
                          void *ctx)
{
    return ops_of(st)->plan_responses_each(st, nama, fn, ctx);
}

enum err
store_plan_moves_each(struct store *st, const char *nama,
                      enum err (*fn)(void *, const struct store_plan_move *),
                      void *ctx)
{
    return ops_of(st)->plan_moves_each(st, nama, fn, ctx);
}

enum err
store_plan_move_decide(struct store *st, const struct store_move_decision *d)
{
    return ops_of(st)->plan_move_decide(st, d);
}

enum err
store_plan_answer_put(struct store *st, const char *nama,
                      const struct store_plan_answer *a)
{
    return ops_of(st)->plan_answer_put(st, nama, a);
}

enum err
store_plan_answers_each(struct store *st, const char *nama,
                        enum err (*fn)(void *,
                                       const struct store_plan_answer *),
                        void *ctx)
{
    return ops_of(st)->plan_answers_each(st, nama, fn, ctx);
}

enum err
store_plan_actors_each(struct store *st, const char *nama, const char *action,
                       enum err (*fn)(void *, const char *actor), void *ctx)
{
    return ops_of(st)->plan_actors_each(st, nama, action, fn, ctx);
}

enum err
store_plan_count_minutes(struct store *st, int year, long *out)
{
    return ops_of(st)->plan_count_minutes(st, year, out);
}

enum err
store_request_actor(struct store *st, int64_t id, const char *aksi, char *out,
                    size_t len)
{
    return ops_of(st)->request_actor(st, id, aksi, out, len);
}

enum err
store_plan_count_approved(struct store *st, int year, long *out)
{
    return ops_of(st)->plan_count_approved(st, year, out);
}

enum err
store_plan_add(struct store *st, const struct store_plan *p)
{
    return ops_of(st)->plan_add(st, p);
}

enum err
store_plan_get(struct store *st, const char *nama, struct store_plan *out)
{
    return ops_of(st)->plan_get(st, nama, out);
}

enum err
store_plan_each(struct store *st,
                enum err (*fn)(void *, const struct store_plan *), void *ctx)
{
    return ops_of(st)->plan_each(st, fn, ctx);
}

enum err
store_pegawai_page(struct store *st, const struct store_pegawai_query *q,
                   enum err (*fn)(void *, const struct pegawai *), void *ctx,
                   long *total)
{
    return ops_of(st)->pegawai_page(st, q, fn, ctx, total);
}

enum err
store_riwayat_each(struct store *st, const char *nip,
                   enum err (*fn)(void *, const struct store_riwayat *),
                   void *ctx)
{
    return ops_of(st)->riwayat_each(st, nip, fn, ctx);
}

enum err
store_unit_moves_each(struct store *st, const char *kode, long limit,
                      enum err (*fn)(void *, const struct store_unit_move *),
                      void *ctx)
{
    return ops_of(st)->unit_moves_each(st, kode, limit, fn, ctx);
}

enum err
store_unit_in_subtree(struct store *st, const char *unit, const char *root,
                      bool *out)
{
    return ops_of(st)->unit_in_subtree(st, unit, root, out);
}

enum err
store_audit_each(struct store *st, const char *entity, const char *entity_id,
                 long limit,
                 enum err (*fn)(void *, const struct store_audit *,
                                const char *at),
                 void *ctx)
{
    return ops_of(st)->audit_each(st, entity, entity_id, limit, fn, ctx);
}

enum err
store_request_create(struct store *st, const struct permohonan *r, int64_t *id)
{
    return ops_of(st)->request_create(st, r, id);
}

enum err
store_request_get(struct store *st, int64_t id, struct store_request *out)
{
    return ops_of(st)->request_get(st, id, out);
}

enum err
store_request_step(struct store *st, const struct store_step *s)
{
    return ops_of(st)->request_step(st, s);
}

enum err
store_request_open_of(struct store *st, const char *nip,
                      struct store_request *out)
{
    return ops_of(st)->request_open_of(st, nip, out);
}

enum err
store_request_each(struct store *st,
                   enum err (*fn)(void *, const struct store_request *),
                   void *ctx)
{
    return ops_of(st)->request_each(st, fn, ctx);
}

enum err
store_document_add(struct store *st, const struct store_document *d,
                   int64_t *id)
{
    return ops_of(st)->document_add(st, d, id);
}

enum err
store_document_each(struct store *st, int64_t permohonan_id,
                    enum err (*fn)(void *, const struct store_document *),
                    void *ctx)
{
    return ops_of(st)->document_each(st, permohonan_id, fn, ctx);
}

enum err
store_document_get(struct store *st, int64_t id, struct store_document *d,
                   struct buf *content)
{
    return ops_of(st)->document_get(st, id, d, content);
}

enum err
store_document_review(struct store *st, int64_t id, const char *status,
                      const char *catatan)
{
    return ops_of(st)->document_review(st, id, status, catatan);
}

enum err
store_user_add(struct store *st, const struct store_user *u)
{
    return ops_of(st)->user_add(st, u);
}

enum err
store_user_get(struct store *st, const char *login, struct store_user *out)
{
    return ops_of(st)->user_get(st, login, out);
}

enum err
store_user_set_password(struct store *st, const char *login, const char *hash)
{
    return ops_of(st)->user_set_password(st, login, hash);
}

enum err
store_user_set_active(struct store *st, const char *login, bool aktif)
{
    return ops_of(st)->user_set_active(st, login, aktif);
}

enum err
store_user_each(struct store *st,
                enum err (*fn)(void *, const struct store_user *), void *ctx)
{
    return ops_of(st)->user_each(st, fn, ctx);
}

enum err
store_account_change_add(struct store *st, const struct store_account_change *c,
                         int64_t *id)
{
    return ops_of(st)->account_change_add(st, c, id);
}

enum err
store_account_change_get(struct store *st, int64_t id,
                         struct store_account_change *out)
{
    return ops_of(st)->account_change_get(st, id, out);
}

enum err
store_account_change_close(struct store *st, int64_t id, const char *status,
                           const char *oleh, const char *catatan)
{
    return ops_of(st)->account_change_close(st, id, status, oleh, catatan);
}

enum err
store_account_change_each(struct store *st, long limit,
                          enum err (*fn)(void *,
                                         const struct store_account_change *),
                          void *ctx)
{
    return ops_of(st)->account_change_each(st, limit, fn, ctx);
}

enum err
store_session_add(struct store *st, const struct store_session *s)
{
    return ops_of(st)->session_add(st, s);
}

enum err
store_session_get(struct store *st, const char *token_hash,
                  struct store_session *s, struct store_user *u)
{
    return ops_of(st)->session_get(st, token_hash, s, u);
}

enum err
store_session_touch(struct store *st, const char *token_hash, int64_t now)
{
    return ops_of(st)->session_touch(st, token_hash, now);
}

enum err
store_session_delete(struct store *st, const char *token_hash)
{
    return ops_of(st)->session_delete(st, token_hash);
}

enum err
store_data_version(struct store *st, uint64_t *out)
{
    return ops_of(st)->data_version(st, out);
}

enum err
store_setting_get(struct store *st, const char *key, char **out)
{
    return ops_of(st)->setting_get(st, key, out);
}

enum err
store_setting_set(struct store *st, const char *key, const char *value)
{
    return ops_of(st)->setting_set(st, key, value);
}

enum err
store_audit_add(struct store *st, const struct store_audit *a)
{
    return ops_of(st)->audit_add(st, a);
}

enum err
store_izin_add(struct store *st, const struct store_izin *z)
{
    return ops_of(st)->izin_add(st, z);
}

enum err
store_izin_get(struct store *st, const char *plan, struct store_izin *out,
               struct buf *berkas)
{
    return ops_of(st)->izin_get(st, plan, out, berkas);
}

enum err
store_register_find(struct store *st, const char *jenis, const char *plan,
                    const char *nip, char *out)
{
    return ops_of(st)->register_find(st, jenis, plan, nip, out);
}

enum err
store_register_add(struct store *st, const struct store_register_row *r)
{
    return ops_of(st)->register_add(st, r);
}

enum err
store_register_each(struct store *st,
                    enum err (*fn)(void *, const struct store_register_row *),
                    void *ctx)
{
    return ops_of(st)->register_each(st, fn, ctx);
}

enum err
store_move_set_st(struct store *st, const char *plan, const char *nip,
                  const char *nomor)
{
    return ops_of(st)->move_set_st(st, plan, nip, nomor);
}

enum err
store_move_get_st(struct store *st, const char *plan, const char *nip,
                  char *out, size_t len)
{
    return ops_of(st)->move_get_st(st, plan, nip, out, len);
}

enum err
store_count_st(struct store *st, int year, long *out)
{
    return ops_of(st)->count_st(st, year, out);
}

enum err
store_request_step_find(struct store *st, int64_t id, const char *aksi,
                        char *note, char *at, size_t len)
{
    return ops_of(st)->request_step_find(st, id, aksi, note, at, len);
}

enum err
store_siasn_id_set(struct store *st, const char *jenis, const char *kode,
                   const char *siasn_id)
{
    return ops_of(st)->siasn_id_set(st, jenis, kode, siasn_id);
}

enum err
store_siasn_id_get(struct store *st, const char *jenis, const char *kode,
                   struct buf *out, bool *found)
{
    return ops_of(st)->siasn_id_get(st, jenis, kode, out, found);
}

enum err
store_siasn_id_find(struct store *st, const char *jenis, const char *siasn_id,
                    struct buf *kode_out, bool *found)
{
    return ops_of(st)->siasn_id_find(st, jenis, siasn_id, kode_out, found);
}

enum err
store_siasn_id_each(struct store *st, const char *jenis,
                    enum err (*fn)(void *ctx, const char *jenis,
                                   const char *kode, const char *siasn_id),
                    void *ctx)
{
    return ops_of(st)->siasn_id_each(st, jenis, fn, ctx);
}

enum err
store_siasn_kirim_get(struct store *st, const char *plan, const char *nip,
                      struct store_siasn_kirim *out, bool *found)
{
    return ops_of(st)->siasn_kirim_get(st, plan, nip, out, found);
}

enum err
store_siasn_kirim_put(struct store *st, const struct store_siasn_kirim *k)
{
    return ops_of(st)->siasn_kirim_put(st, k);
}

enum err
store_siasn_kirim_each(struct store *st, const char *plan,
                       enum err (*fn)(void *, const struct store_siasn_kirim *),
                       void *ctx)
{
    return ops_of(st)->siasn_kirim_each(st, plan, fn, ctx);
}

enum err
store_throttle_get(struct store *st, const char *key,
                   struct store_throttle *out)
{
    return ops_of(st)->throttle_get(st, key, out);
}

enum err
store_throttle_fail(struct store *st, const char *key, int64_t now,
                    int64_t forget_ms, struct store_throttle *out)
{
    return ops_of(st)->throttle_fail(st, key, now, forget_ms, out);
}

enum err
store_throttle_wait(struct store *st, const char *key, int64_t sampai)
{
    return ops_of(st)->throttle_wait(st, key, sampai);
}

enum err
store_throttle_clear(struct store *st, const char *key)
{
    return ops_of(st)->throttle_clear(st, key);
}

enum err
store_throttle_sweep(struct store *st, int64_t now, int64_t forget_ms)
{
    return ops_of(st)->throttle_sweep(st, now, forget_ms);
}

enum err
store_lease_take(struct store *st, const char *name, const char *holder,
                 int64_t now, int64_t until, bool *got)
{
    return ops_of(st)->lease_take(st, name, holder, now, until, got);
}

enum err
store_lease_release(struct store *st, const char *name, const char *holder)
{
    return ops_of(st)->lease_release(st, name, holder);
}
