/* SPDX-License-Identifier: MIT */
/* web_units: the structure and the staff (web layer): units with their
 * last moves, employees with their history, positions, and the nominative
 * list as a workbook. Scope is asked of web_scope.c. */
#include "web_units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "json.h"
#include "lokasi.h"
#include "mem.h"
#include "model.h"
#include "rec.h"
#include "store.h"
#include "web_scope.h"
#include "xlsx_export.h"

#define PER_PAGE       50
#define UNIT_MOVES_MAX 200 /* Moves a unit's page shows. */

/* "siasn_id": SIASN's id of 'kode' of kind 'jenis', when there is one. */
static enum err
add_siasn_id(struct store *st, const char *jenis, const char *kode,
             struct json_obj *o)
{
    struct buf id;
    bool found = false;
    buf_init(&id, 0);
    enum err rc = store_siasn_id_get(st, jenis, kode, &id, &found);
    if (rc == ERR_OK && found) {
        json_obj_set_str(o, "siasn_id", buf_str(&id));
    }
    buf_cleanup(&id);
    return rc;
}

struct unit_rows {
    struct store *st;
    struct json_obj *doc;
};

static enum err
unit_row(void *ctx, const struct unit *u)
{
    struct unit_rows *r = ctx;
    struct json_obj *o = json_obj_create();
    rec_unit_json(u, o);
    enum err rc = add_siasn_id(r->st, "unit", u->kode, o);
    json_obj_push(r->doc, "rows", o); /* Takes 'o'. */
    return rc;
}

/* The unit tree is the city's public structure: every staff role reads
 * it (a pegawai chooses destinations from it). */
enum err
web_api_units(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *doc = json_obj_create();
    struct unit_rows rows = {c->req->st, doc};
    json_obj_set_empty_array(doc, "rows");
    enum err rc = store_unit_each(c->req->st, unit_row, &rows);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}

static enum err
unit_move_row(void *ctx, const struct store_unit_move *m)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "nip", m->nip);
    json_obj_set_str(o, "nama", m->nama);
    json_obj_set_str(o, "tmt", m->tmt);
    json_obj_set_str(o, "dari", m->dari);
    json_obj_set_str(o, "dari_nama", m->dari_nama);
    json_obj_set_str(o, "ke", m->ke);
    json_obj_set_str(o, "ke_nama", m->ke_nama);
    json_obj_set_str(o, "jabatan", m->jabatan);
    json_obj_push(ctx, "riwayat", o);
    return ERR_OK;
}

/* A unit, and its last moves in and out ("riwayat") for callers who may
 * see its staff: the moves name employees. */
enum err
web_api_unit(const struct web_call *c, struct web_resp *out)
{
    struct unit u;
    const char *kode = c->req->params[0];
    enum err rc = store_unit_get(c->req->st, kode, &u);
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *o = json_obj_create();
    rec_unit_json(&u, o);
    rc = add_siasn_id(c->req->st, "unit", kode, o);
    rc = rc == ERR_OK ? web_scope_unit(c, kode) : rc;
    if (rc == ERR_OK) {
        json_obj_set_empty_array(o, "riwayat");
        rc = store_unit_moves_each(c->req->st, kode, UNIT_MOVES_MAX,
                                   unit_move_row, o);
    }
    rc = rc == ERR_NOTFOUND ? ERR_OK : rc;
    if (rc != ERR_OK) {
        json_obj_destroy(o);
        return rc;
    }
    return web_reply(out, o);
}

/* A number of the JSON body (a number or its text); false when absent. */
static bool
body_number(const struct json_obj *in, const char *key, double *out)
{
    char text[64];
    char *end = NULL;
    if (!json_obj_text(in, key, text, sizeof(text)) || text[0] == '\0') {
        return false;
    }
    *out = strtod(text, &end);
    return *end == '\0';
}

enum err
web_api_unit_lokasi(const struct web_call *c, struct web_resp *out)
{
    const char *kode = c->req->params[0];
    struct json_obj *in = NULL;
    double lat = 0;
    double lon = 0;
    char why[160] = "";
    bool ok = json_obj_parse(c->req->body, &in) == ERR_OK &&
              body_number(in, "lat", &lat) && body_number(in, "lon", &lon);
    json_obj_destroy(in);
    if (!ok) {
        web_message(out, "Kirim {\"lat\", \"lon\"} sebagai angka JSON.");
        return ERR_USAGE;
    }
    enum err rc = lokasi_set_unit(c->req->st, c->who->login, kode, lat, lon,
                                  why, sizeof(why));
    if (rc == ERR_INVAL) {
        web_message(out, why);
        return ERR_USAGE;
    }
    struct unit u;
    rc = rc == ERR_OK ? store_unit_get(c->req->st, kode, &u) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *o = json_obj_create();
    rec_unit_json(&u, o);
    return web_reply(out, o);
}

/* Keeps the last audit entry of the reconciliation. */
struct last_recon {
    char *after;
    char *actor;
    char at[32];
};

static enum err
recon_entry(void *ctx, const struct store_audit *a, const char *at)
{
    struct last_recon *l = ctx;
    if (strcmp(a->action, "impor") != 0 || a->after == NULL) {
        return ERR_OK;
    }
    free(l->after);
    free(l->actor);
    l->after = xstrdup(a->after);
    l->actor = xstrdup(a->actor);
    snprintf(l->at, sizeof(l->at), "%s", at);
    return ERR_OK;
}

enum err
web_api_siasn_recon(const struct web_call *c, struct web_resp *out)
{
    struct last_recon l = {NULL, NULL, ""};
    struct json_obj *o = NULL;
    enum err rc = store_audit_each(c->req->st, "siasn", "rekonsiliasi", 1000000,
                                   recon_entry, &l);
    if (rc == ERR_OK && l.after == NULL) {
        web_message(out, "Belum pernah ada impor SIASN.");
        rc = ERR_NOTFOUND;
    }
    rc = rc == ERR_OK ? json_obj_parse(l.after, &o) : rc;
    if (rc == ERR_OK) {
        json_obj_set_str(o, "waktu", l.at);
        json_obj_set_str(o, "oleh", l.actor);
    }
    free(l.after);
    free(l.actor);
    if (rc != ERR_OK) {
        json_obj_destroy(o);
        return rc == ERR_INVAL ? ERR_INTERNAL : rc;
    }
    return web_reply(out, o);
}

static enum err
employee_row(void *ctx, const struct pegawai *p)
{
    struct json_obj *o = json_obj_create();
    rec_pegawai_json(p, o);
    json_obj_push(ctx, "rows", o);
    return ERR_OK;
}

/* The page number of the query (1 when absent); ERR_USAGE when bad. */
static enum err
page_of(const struct web_req *r, long *out)
{
    const char *v = web_query(r, "page");
    char *end = NULL;
    long page = v ? strtol(v, &end, 10) : 1;
    if (v != NULL && (*v < '1' || *v > '9' || *end != '\0' || page > 1000000)) {
        return ERR_USAGE;
    }
    *out = page;
    return ERR_OK;
}

enum err
web_api_employees(const struct web_call *c, struct web_resp *out)
{
    const struct web_req *r = c->req;
    long page = 1;
    long total = 0;
    enum err rc = page_of(r, &page);
    if (rc != ERR_OK) {
        web_message(out, "Nomor halaman tidak sah.");
        return rc;
    }
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    if (c->role == WEB_PEGAWAI) {
        /* A pegawai's list is themselves. */
        struct pegawai p;
        rc = store_pegawai_get(r->st, c->who->nip, &p);
        if (rc == ERR_OK) {
            rc = employee_row(doc, &p);
            total = 1;
        }
        rc = rc == ERR_NOTFOUND ? ERR_OK : rc;
    } else {
        const char *root = NULL;
        rc = web_scope_root(c, &root);
        const char *q = web_query(r, "q");
        struct store_pegawai_query pq = {root, q && q[0] ? q : NULL, PER_PAGE,
                                         (page - 1) * PER_PAGE};
        rc = rc == ERR_OK
                 ? store_pegawai_page(r->st, &pq, employee_row, doc, &total)
                 : rc;
    }
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    json_obj_set_int(doc, "page", page);
    json_obj_set_int(doc, "per_page", PER_PAGE);
    json_obj_set_int(doc, "total", total);
    return web_reply(out, doc);
}

static enum err
riwayat_row(void *ctx, const struct store_riwayat *h)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "unit", h->unit);
    json_obj_set_str(o, "unit_nama", h->unit_nama);
    json_obj_set_str(o, "jabatan", h->jabatan);
    json_obj_set_str(o, "jabatan_nama", h->jabatan_nama);
    json_obj_set_str(o, "tmt", h->tmt);
    json_obj_set_str(o, "sumber", h->sumber);
    json_obj_push(ctx, "riwayat", o);
    return ERR_OK;
}

/* One SKP rating of the employee ("kinerja", newest year first). */
static enum err
kinerja_row(void *ctx, const struct kinerja *k)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_int(o, "tahun", k->tahun);
    json_obj_set_str(o, "predikat",
                     model_enum_name(&model_predikat, (int)k->predikat));
    json_obj_push(ctx, "kinerja", o);
    return ERR_OK;
}

/* A move decided with a TMT still ahead is not the current post (issue
 * #15): "pindah" names it with its TMT, and "unit_berlaku" and
 * "jabatan_berlaku" the post in force today, from the history (newest
 * first) in 'o'. */
static enum err
pending_move(struct json_obj *o)
{
    int32_t today = date_today();
    size_t n = json_obj_len(o, "riwayat");
    struct json_obj *next = json_obj_item(o, "riwayat", 0);
    struct json_obj *now = NULL;
    for (size_t i = 0; i < n && now == NULL; i++) {
        struct json_obj *h = json_obj_item(o, "riwayat", i);
        char t[16] = "";
        int32_t day = DATE_NONE;
        json_obj_text(h, "tmt", t, sizeof(t));
        if (date_parse(t, strlen(t), &day) == ERR_OK && day <= today) {
            now = h;
        } else {
            json_obj_destroy(h);
        }
    }
    if (next != NULL) {
        json_obj_set_obj(o, "pindah", next);
    }
    char v[256] = "";
    json_obj_set_str(o, "unit_berlaku",
                     now && json_obj_text(now, "unit", v, sizeof(v)) ? v
                                                                     : NULL);
    json_obj_set_str(o, "jabatan_berlaku",
                     now && json_obj_text(now, "jabatan", v, sizeof(v)) ? v
                                                                        : NULL);
    json_obj_destroy(now);
    return ERR_OK;
}

/* The names of employee 'p''s unit and position and their history, into
 * 'o'. The codes are copied first: each lookup ends the life of the
 * strings of the one before. */
static enum err
employee_more(struct store *st, const struct pegawai *p, struct json_obj *o)
{
    char nip[32];
    char unit[MODEL_CODE_MAX + 1];
    char jab[MODEL_CODE_MAX + 1];
    struct unit u;
    struct jabatan j;
    snprintf(nip, sizeof(nip), "%s", p->nip);
    snprintf(unit, sizeof(unit), "%s", p->unit);
    snprintf(jab, sizeof(jab), "%s", p->jabatan);
    enum err rc = store_unit_get(st, unit, &u);
    json_obj_set_str(o, "unit_nama", rc == ERR_OK ? u.nama : NULL);
    rc = rc == ERR_NOTFOUND ? ERR_OK : rc;
    enum err rj = rc == ERR_OK ? store_jabatan_get(st, jab, &j) : rc;
    json_obj_set_str(o, "jabatan_nama", rj == ERR_OK ? j.nama : NULL);
    rc = rj == ERR_NOTFOUND ? ERR_OK : rj;
    json_obj_set_empty_array(o, "riwayat");
    rc = rc == ERR_OK ? store_riwayat_each(st, nip, riwayat_row, o) : rc;
    json_obj_set_empty_array(o, "kinerja");
    rc = rc == ERR_OK ? store_kinerja_of(st, nip, kinerja_row, o) : rc;
    return rc == ERR_OK && p->tmt_unit > date_today() ? pending_move(o) : rc;
}

enum err
web_api_employee(const struct web_call *c, struct web_resp *out)
{
    struct pegawai p;
    enum err rc = store_pegawai_get(c->req->st, c->req->params[0], &p);
    rc = rc == ERR_OK ? web_scope_employee(c, p.nip, p.unit) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    struct json_obj *o = json_obj_create();
    rec_pegawai_json(&p, o);
    rc = employee_more(c->req->st, &p, o);
    rc = rc == ERR_OK
             ? add_siasn_id(c->req->st, "pegawai", c->req->params[0], o)
             : rc;
    if (rc != ERR_OK) {
        json_obj_destroy(o);
        return rc;
    }
    return web_reply(out, o);
}

static enum err
write_pegawai_xlsx(void *ctx, FILE *f)
{
    return xlsx_export_pegawai(ctx, f);
}

/* GET /api/employees/export.xlsx: the nominative list of every employee,
 * as 'mutasi export pegawai --format xlsx'. */
enum err
web_api_employees_xlsx(const struct web_call *c, struct web_resp *out)
{
    return web_reply_file(out, write_pegawai_xlsx, c->req->st, WEB_XLSX_TYPE);
}

static enum err
jabatan_row(void *ctx, const struct jabatan *j)
{
    struct json_obj *o = json_obj_create();
    rec_jabatan_json(j, o);
    json_obj_push(ctx, "rows", o);
    return ERR_OK;
}

/* The positions, like the unit tree, are public structure. */
enum err
web_api_jabatan(const struct web_call *c, struct web_resp *out)
{
    struct json_obj *doc = json_obj_create();
    json_obj_set_empty_array(doc, "rows");
    enum err rc = store_jabatan_each(c->req->st, jabatan_row, doc);
    if (rc != ERR_OK) {
        json_obj_destroy(doc);
        return rc;
    }
    return web_reply(out, doc);
}
