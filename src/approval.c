/* SPDX-License-Identifier: MIT */
/* approval: deciding a saved plan (service layer), shared by the API and
 * the shell: the plan is computed again on today's data and refused when
 * its moves changed; then each permanent move enters the employee's
 * record and history from the TMT, the requests it grants are decided,
 * and the decree is numbered. All in one transaction. */
#include "approval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "json.h"
#include "mem.h"
#include "model.h"
#include "planning.h"
#include "settings.h"
#include "store.h"

struct approve_ctx {
    struct store *st;
    const char *name;
    const char *actor;
    int threads;
};

/* Do the moves of 'doc' and 'now' (the plan computed again) agree? */
static bool
same_moves(const struct json_obj *doc, const struct json_obj *now)
{
    static const char *const keys[] = {"nip",         "unit_asal",
                                       "unit_tujuan", "jabatan_tujuan",
                                       "jenis",       "sementara_sampai"};
    size_t n = json_obj_len(doc, "moves");
    bool same = n == json_obj_len(now, "moves");
    for (size_t i = 0; i < n && same; i++) {
        struct json_obj *a = json_obj_item(doc, "moves", i);
        struct json_obj *b = json_obj_item(now, "moves", i);
        for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]) && same; k++) {
            char x[80];
            char y[80];
            json_obj_text(a, keys[k], x, sizeof(x));
            json_obj_text(b, keys[k], y, sizeof(y));
            same = strcmp(x, y) == 0;
        }
        json_obj_destroy(a);
        json_obj_destroy(b);
    }
    return same;
}

/* Does the saved plan still hold on today's data? */
static enum err
recheck(struct approve_ctx *c, const char *name, const struct json_obj *doc)
{
    struct planning *pl = NULL;
    struct plan_result r;
    struct plan_opts o;
    struct json_obj *now = NULL;
    memset(&r, 0, sizeof(r));
    enum err rc = planning_rerun(c->st, doc, c->threads, &pl, &r, &o);
    struct planning_request q = {name, o};
    rc = rc == ERR_OK ? planning_document(pl, &q, &r, &now) : rc;
    if (rc == ERR_OK && !same_moves(doc, now)) {
        rc = ERR_CONFLICT;
    }
    json_obj_destroy(now);
    plan_result_cleanup(&r);
    planning_destroy(pl);
    return rc;
}

/* The request's own history says that the plan decided it (its timeline
 * is read from the audit log). */
static enum err
audit_decided(struct approve_ctx *c, const struct store_request *r,
              const char *sumber)
{
    char id[24];
    char before[64];
    char after[256];
    snprintf(id, sizeof(id), "%lld", (long long)r->id);
    snprintf(before, sizeof(before), "{\"status\":\"%s\"}", r->status);
    snprintf(after, sizeof(after),
             "{\"status\":\"ditetapkan\",\"catatan\":\"Diputuskan "
             "dengan persetujuan %s\"}",
             sumber);
    struct store_audit a = {c->actor, "request", id, "tetapkan", before, after};
    return store_audit_add(c->st, &a);
}

/* Write permanent move 'm' into the employee's record from 'tmt' (the
 * history keeps the old posting; a future TMT takes effect on its date),
 * and decide the request a granted move answers. */
static enum err
apply_move(struct approve_ctx *c, const struct json_obj *m, int32_t tmt,
           const char *sumber, bool *teacher)
{
    char nip[32];
    char unit[80];
    char jab[80];
    char kind[16];
    char temp[16];
    json_obj_text(m, "nip", nip, sizeof(nip));
    json_obj_text(m, "unit_tujuan", unit, sizeof(unit));
    json_obj_text(m, "jabatan_tujuan", jab, sizeof(jab));
    json_obj_text(m, "jenis", kind, sizeof(kind));
    if (json_obj_text(m, "sementara_sampai", temp, sizeof(temp))) {
        return ERR_OK; /* A surat tugas, not a change of post. */
    }
    struct jabatan j;
    if (store_jabatan_get(c->st, jab, &j) == ERR_OK && j.guru) {
        *teacher = true;
    }
    struct pegawai p;
    enum err rc = store_pegawai_get(c->st, nip, &p);
    if (rc != ERR_OK) {
        return rc == ERR_NOTFOUND ? ERR_CONFLICT : rc;
    }
    p.unit = unit;
    p.jabatan = jab;
    p.tmt_unit = tmt;
    rc = store_pegawai_put(c->st, &p, sumber, NULL);
    if (rc != ERR_OK || strcmp(kind, "aps") != 0) {
        return rc;
    }
    struct store_request *r = xmalloc(sizeof(*r));
    rc = store_request_open_of(c->st, nip, r);
    if (rc == ERR_OK) {
        struct store_step s = {r->id,      r->status, r->version, "ditetapkan",
                               "tetapkan", c->actor,  sumber,     NULL};
        rc = store_request_step(c->st, &s);
    }
    if (rc == ERR_OK) {
        rc = audit_decided(c, r, sumber);
    }
    free(r);
    return rc == ERR_NOTFOUND ? ERR_OK : rc;
}

/* The decree number from the setting sk_nomor: {tahun} the year of the
 * decision ('day'), as a letter is numbered in the year it is signed, and
 * {nomor} the count of plans approved in that year plus one. */
static void
sk_number(struct approve_ctx *c, int32_t day, char *out, size_t len)
{
    char *pattern = NULL;
    long n = 0;
    int y = 0;
    int m = 0;
    int d = 0;
    if (store_setting_get(c->st, "sk_nomor", &pattern) != ERR_OK) {
        pattern = xstrdup(settings_find("sk_nomor")->dflt);
    }
    date_to_ymd(day, &y, &m, &d);
    if (store_plan_count_approved(c->st, y, &n) != ERR_OK) {
        n = 0;
    }
    struct buf b;
    buf_init(&b, len - 1);
    enum err rc = ERR_OK;
    for (const char *p = pattern; *p != '\0' && rc == ERR_OK;) {
        if (strncmp(p, "{nomor}", 7) == 0) {
            rc = buf_addf(&b, "%ld", n + 1);
            p += 7;
        } else if (strncmp(p, "{tahun}", 7) == 0) {
            rc = buf_addf(&b, "%d", y);
            p += 7;
        } else {
            rc = buf_add(&b, p++, 1);
        }
    }
    snprintf(out, len, "%s", buf_str(&b));
    buf_cleanup(&b);
    free(pattern);
}

static enum err
apply_all(struct approve_ctx *c, const struct json_obj *doc,
          const char *tmt_text, int32_t tmt, const char *sk, bool *teacher)
{
    char sumber[96];
    char after[256];
    snprintf(sumber, sizeof(sumber), "rencana:%s", c->name);
    size_t n = json_obj_len(doc, "moves");
    enum err rc = ERR_OK;
    for (size_t i = 0; i < n && rc == ERR_OK; i++) {
        struct json_obj *m = json_obj_item(doc, "moves", i);
        rc = apply_move(c, m, tmt, sumber, teacher);
        json_obj_destroy(m);
    }
    snprintf(after, sizeof(after),
             "{\"tmt\":\"%s\",\"sk_nomor\":\"%s\",\"moves\":%zu}", tmt_text, sk,
             n);
    struct store_audit a = {c->actor, "plan", c->name, "setujui", NULL, after};
    return rc == ERR_OK ? store_audit_add(c->st, &a) : rc;
}

enum err
approval_run(struct store *st, const char *name, int32_t tmt, const char *actor,
             struct approval_result *out)
{
    struct approve_ctx c = {st, name, actor, planning_threads()};
    struct store_plan sp;
    struct json_obj *doc = NULL;
    char tmt_text[DATE_STR_LEN];
    int y = 0;
    int m = 0;
    int d = 0;
    memset(out, 0, sizeof(*out));
    date_to_ymd(tmt, &y, &m, &d);
    if (d != 1) {
        snprintf(out->why, sizeof(out->why), "%s",
                 "mutasi berlaku pada tanggal 1");
        return ERR_INVAL;
    }
    /* A decree does not reach back before the month it is signed in. */
    int ty = 0;
    int tm = 0;
    int td = 0;
    date_to_ymd(date_today(), &ty, &tm, &td);
    if (y < ty || (y == ty && m < tm)) {
        snprintf(out->why, sizeof(out->why), "%s",
                 "TMT tidak boleh sebelum bulan berjalan");
        return ERR_INVAL;
    }
    date_format(tmt, tmt_text);
    enum err rc = store_plan_get(st, name, &sp);
    if (rc == ERR_OK && strcmp(sp.status, "draf") != 0 &&
        strcmp(sp.status, "diterbitkan") != 0) {
        snprintf(out->why, sizeof(out->why), "%s",
                 "Rencana ini sudah diputuskan.");
        rc = ERR_CONFLICT;
    }
    if (rc == ERR_OK && json_obj_parse(sp.hasil, &doc) != ERR_OK) {
        rc = ERR_INTERNAL;
    }
    if (rc == ERR_OK && json_obj_len(doc, "moves") == 0) {
        snprintf(out->why, sizeof(out->why), "%s",
                 "Rencana ini tidak memuat perpindahan; tidak ada yang "
                 "diputuskan.");
        rc = ERR_INVAL;
    }
    if (rc == ERR_OK && (rc = recheck(&c, sp.nama, doc)) == ERR_CONFLICT) {
        snprintf(out->why, sizeof(out->why), "%s",
                 "Rencana tidak lagi sesuai dengan data hari ini; buat rencana "
                 "baru.");
    }
    if (rc == ERR_OK) {
        sk_number(&c, date_today(), out->sk_nomor, sizeof(out->sk_nomor));
    }
    char today[DATE_STR_LEN];
    date_format(date_today(), today);
    struct store_plan_change x = {sp.nama,  sp.status,     "disetujui",
                                  tmt_text, out->sk_nomor, today};
    bool teacher = false;
    rc = rc == ERR_OK ? store_begin(st) : rc;
    if (rc == ERR_OK) {
        rc = apply_all(&c, doc, tmt_text, tmt, out->sk_nomor, &teacher);
        rc = rc == ERR_OK ? store_plan_set_status(st, &x) : rc;
        rc = rc == ERR_OK ? store_commit(st) : rc;
        if (rc != ERR_OK) {
            store_rollback(st);
        }
    }
    /* domain.md 5: a teacher's transfer takes effect at the start of a
     * semester. The decision stands (the PPK decides) but says so. */
    out->teacher_off_semester = teacher && m != 1 && m != 7;
    json_obj_destroy(doc);
    store_plan_cleanup(&sp);
    return rc;
}
