/* SPDX-License-Identifier: MIT */
/* docreg: the register of documents issued (service layer). A document
 * is drawn into memory first, so that its hash is known before a byte
 * reaches the caller's stream. */
#include "docreg.h"

#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "csv.h"
#include "json.h"
#include "store.h"

/* Draw into memory: the bytes into '*out' ('*len'). */
static enum err
draw_mem(docreg_draw_fn *draw, void *ctx, bool salinan, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    FILE *m = open_memstream(out, len);
    if (m == NULL) {
        return ERR_IO;
    }
    enum err rc = draw(ctx, m, salinan);
    if (fclose(m) != 0 && rc == ERR_OK) {
        rc = ERR_IO;
    }
    if (rc != ERR_OK) {
        free(*out);
        *out = NULL;
    }
    return rc;
}

static enum err
audit_reprint(struct store *st, const struct docreg_doc *d, const char *first,
              const char *now)
{
    struct json_obj *a = json_obj_create();
    struct buf t;
    buf_init(&t, 0);
    json_obj_set_str(a, "jenis", d->jenis);
    json_obj_set_str(a, "nomor", d->nomor);
    json_obj_set_str(a, "nip", d->nip);
    json_obj_set_str(a, "sha256_terdaftar", first);
    json_obj_set_str(a, "sha256_cetak", now);
    json_obj_set_str(a, "tanda", "SALINAN");
    enum err rc = json_obj_format(a, &t);
    struct store_audit e = {d->actor,      "plan", d->plan,
                            "cetak_ulang", NULL,   buf_str(&t)};
    rc = rc == ERR_OK ? store_audit_add(st, &e) : rc;
    json_obj_destroy(a);
    buf_cleanup(&t);
    return rc;
}

/* In the transaction: register the first issue, or compare with it and,
 * when the bytes differ, draw the copy marked SALINAN instead. */
static enum err
register_issue(struct store *st, const struct docreg_doc *d,
               docreg_draw_fn *draw, void *ctx, char **bytes, size_t *len)
{
    char first[65] = "";
    char hash[65];
    auth_sha256_hex(*bytes, *len, hash);
    enum err rc = store_register_find(st, d->jenis, d->plan, d->nip, first);
    if (rc == ERR_NOTFOUND) {
        struct store_register_row r = {d->nomor, d->tanggal, d->jenis, d->plan,
                                       d->nip,   hash,       NULL};
        return store_register_add(st, &r);
    }
    if (rc != ERR_OK || strcmp(first, hash) == 0) {
        return rc;
    }
    free(*bytes);
    rc = draw_mem(draw, ctx, true, bytes, len);
    char copy[65] = "";
    if (rc == ERR_OK) {
        auth_sha256_hex(*bytes, *len, copy);
    }
    return rc == ERR_OK ? audit_reprint(st, d, first, copy) : rc;
}

enum err
docreg_issue(struct store *st, const struct docreg_doc *d, docreg_draw_fn *draw,
             void *ctx, FILE *f)
{
    char *bytes = NULL;
    size_t len = 0;
    enum err rc = draw_mem(draw, ctx, false, &bytes, &len);
    rc = rc == ERR_OK ? store_begin(st) : rc;
    if (rc == ERR_OK) {
        rc = register_issue(st, d, draw, ctx, &bytes, &len);
        rc = rc == ERR_OK ? store_commit(st) : rc;
        if (rc != ERR_OK) {
            store_rollback(st);
        }
    }
    if (rc == ERR_OK && fwrite(bytes, 1, len, f) != len) {
        rc = ERR_IO;
    }
    free(bytes);
    return rc;
}

static enum err
json_row(void *ctx, const struct store_register_row *r)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "nomor", r->nomor);
    json_obj_set_str(o, "tanggal", r->tanggal);
    json_obj_set_str(o, "jenis", r->jenis);
    json_obj_set_str(o, "plan", r->plan);
    json_obj_set_str(o, "nip", r->nip);
    json_obj_set_str(o, "sha256", r->sha256);
    json_obj_set_str(o, "pertama_terbit", r->pertama);
    json_obj_push(ctx, "rows", o);
    return ERR_OK;
}

enum err
docreg_json(struct store *st, struct json_obj *o)
{
    json_obj_set_empty_array(o, "rows");
    return store_register_each(st, json_row, o);
}

static enum err
csv_row(void *ctx, const struct store_register_row *r)
{
    const char *f[] = {r->nomor,  r->tanggal,           r->jenis,
                       r->plan,   r->nip ? r->nip : "", r->sha256,
                       r->pertama};
    return csv_format_row(ctx, f, 7);
}

enum err
docreg_csv(struct store *st, struct buf *out)
{
    static const char *const header[] = {
        "nomor", "tanggal", "jenis", "plan", "nip", "sha256", "pertama_terbit"};
    enum err rc = csv_format_row(out, header, 7);
    return rc == ERR_OK ? store_register_each(st, csv_row, out) : rc;
}
