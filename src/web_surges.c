/* SPDX-License-Identifier: MIT */
/* web_surges: see web_surges.h. Validation happens here, before anything
 * is written; the row and its audit entry go in one transaction. */
#include "web_surges.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "json.h"
#include "model.h"
#include "num.h"
#include "rec.h"
#include "store.h"
#include "web_scope.h"

#define TUGAS_MAX 200 /* Bytes of a task's name. */

static enum err
surge_row(void *ctx, const struct beban *b)
{
    if (b->berlaku_sampai != DATE_NONE) {
        struct json_obj *o = json_obj_create();
        rec_beban_json(b, o);
        json_obj_push(ctx, "rows", o);
    }
    return ERR_OK;
}

/* The unit of the path, which the caller must be allowed to see. */
static enum err
path_unit(const struct web_call *c)
{
    struct unit u;
    enum err rc = store_unit_get(c->req->st, c->req->params[0], &u);
    return rc == ERR_OK ? web_scope_unit(c, c->req->params[0]) : rc;
}

enum err
web_surges_list(const struct web_call *c, struct web_resp *out)
{
    enum err rc = path_unit(c);
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    rc = store_beban_each_unit(c->req->st, c->req->params[0], surge_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}

struct method_ctx {
    const char *jabatan;
    int metode; /* -1 until a row of the pair is seen. */
};

static enum err
method_row(void *ctx, const struct beban *b)
{
    struct method_ctx *m = ctx;
    if (m->metode < 0 && strcmp(b->jabatan, m->jabatan) == 0) {
        m->metode = (int)b->metode;
    }
    return ERR_OK;
}

/* The text at 'key' parsed as a day, into '*out'. */
static bool
day_of(const struct json_obj *in, const char *key, int32_t *out)
{
    char v[16];
    return json_obj_text(in, key, v, sizeof(v)) &&
           date_parse(v, strlen(v), out) == ERR_OK;
}

/* The text at 'key' as a positive number of at most 3 decimals (',' or
 * '.'), in thousandths into '*out'. */
static bool
amount_of(const struct json_obj *in, const char *key, int64_t *out)
{
    char v[32];
    int64_t x = 0;
    if (!json_obj_text(in, key, v, sizeof(v)) ||
        num_parse_fixed(v, strlen(v), 3, true, &x) != NUM_OK || x <= 0) {
        return false;
    }
    *out = x;
    return true;
}

/* Check the body 'in' into 'b' (whose strings point into 'jab' and
 * 'task'); ERR_INVAL with the message in 'out' on the first bad value. */
static enum err
parse_surge(const struct web_call *c, const struct json_obj *in, char *jab,
            char *task, struct beban *b, struct web_resp *out)
{
    struct jabatan j;
    memset(b, 0, sizeof(*b));
    b->unit = c->req->params[0];
    b->norma_milli = -1;
    if (!json_obj_text(in, "jabatan", jab, 65) ||
        store_jabatan_get(c->req->st, jab, &j) != ERR_OK) {
        web_message(out, "jabatan harus kode jabatan yang ada.");
        return ERR_INVAL;
    }
    b->jabatan = jab;
    struct method_ctx m = {jab, -1};
    enum err rc = store_beban_each_unit(c->req->st, b->unit, method_row, &m);
    if (rc != ERR_OK) {
        return rc;
    }
    b->metode = m.metode < 0 ? METODE_TUGAS : (enum beban_metode)m.metode;
    if (!amount_of(in, "volume", &b->volume_milli) ||
        ((b->metode == METODE_ROMBEL || b->metode == METODE_TETAP) &&
         b->volume_milli % 1000 != 0)) {
        web_message(out, "volume harus bilangan lebih dari 0 (bilangan bulat "
                         "untuk metode rombel dan tetap).");
        return ERR_INVAL;
    }
    if (b->metode == METODE_TUGAS &&
        (!json_obj_text(in, "tugas", task, TUGAS_MAX + 1) || task[0] == '\0' ||
         !amount_of(in, "norma_menit", &b->norma_milli))) {
        web_message(out, "Untuk metode tugas, isi tugas (paling banyak 200 "
                         "karakter) dan norma_menit lebih dari 0.");
        return ERR_INVAL;
    }
    b->tugas = b->metode == METODE_TUGAS ? task : NULL;
    if (!day_of(in, "berlaku_mulai", &b->berlaku_mulai) ||
        !day_of(in, "berlaku_sampai", &b->berlaku_sampai) ||
        b->berlaku_mulai > b->berlaku_sampai ||
        b->berlaku_sampai < date_today()) {
        web_message(out, "berlaku_mulai dan berlaku_sampai harus tanggal "
                         "YYYY-MM-DD, mulai tidak sesudah sampai, dan sampai "
                         "belum lewat.");
        return ERR_INVAL;
    }
    return ERR_OK;
}

static enum err
save_surge(const struct web_call *c, const struct beban *b,
           struct json_obj *row)
{
    struct buf after;
    char id[160];
    buf_init(&after, 0);
    snprintf(id, sizeof(id), "%s/%s", b->unit, b->jabatan);
    enum err rc = json_obj_format(row, &after);
    struct store_audit a = {c->who->login, "beban", id,
                            "lonjakan",    NULL,    buf_str(&after)};
    rc = rc == ERR_OK ? store_begin(c->req->st) : rc;
    if (rc == ERR_OK) {
        rc = store_beban_add_app(c->req->st, b);
        rc = rc == ERR_OK ? store_audit_add(c->req->st, &a) : rc;
        rc = rc == ERR_OK ? store_commit(c->req->st) : rc;
        if (rc != ERR_OK) {
            store_rollback(c->req->st);
        }
    }
    buf_cleanup(&after);
    return rc;
}

enum err
web_surges_add(const struct web_call *c, struct web_resp *out)
{
    enum err rc = path_unit(c);
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *in = NULL;
    if (json_obj_parse(c->req->body, &in) != ERR_OK) {
        web_message(out, "Kirim {\"jabatan\", \"tugas\", \"volume\", "
                         "\"norma_menit\", \"berlaku_mulai\", "
                         "\"berlaku_sampai\"} sebagai JSON.");
        return ERR_USAGE;
    }
    char jab[65];
    char task[TUGAS_MAX + 1];
    struct beban b;
    rc = parse_surge(c, in, jab, task, &b, out);
    json_obj_destroy(in);
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *row = json_obj_create();
    rec_beban_json(&b, row);
    rc = save_surge(c, &b, row);
    if (rc != ERR_OK) {
        json_obj_destroy(row);
        return rc;
    }
    rc = web_reply(out, row);
    out->status = 201;
    return rc;
}
