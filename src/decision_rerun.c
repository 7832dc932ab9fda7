/* SPDX-License-Identifier: MIT */
/* decision_rerun: the decision service's two ways around a plan's normal
 * path: a published plan run again with the TPK's decisions fixed, and a
 * single request decided alone (its own decision record). */
#include "decision_int.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "date.h"
#include "geo.h"
#include "json.h"
#include "mem.h"
#include "model.h"
#include "plan.h"
#include "planning.h"
#include "settings.h"
#include "store.h"
#include "tenang.h"

/* The document of a re-run: the kept moves of 'from' first (their JSON
 * from its document), then the new ones; "plan.dari" names 'from' and
 * "summary.tetap" counts the kept moves. */
static void
merge_kept(struct json_obj *doc, const struct saved_plan *from)
{
    size_t n = json_obj_len(doc, "moves");
    struct json_obj **made = xcalloc(n + 1, sizeof(struct json_obj *));
    for (size_t i = 0; i < n; i++) {
        made[i] = json_obj_item(doc, "moves", i);
    }
    json_obj_set_empty_array(doc, "moves");
    int64_t kept = 0;
    for (size_t i = 0; i < from->n_moves; i++) {
        const struct saved_move *m = &from->moves[i];
        struct json_obj *x = strcmp(m->keputusan_tpk, "setuju") == 0
                                 ? planning_doc_move(from->doc, m->nip)
                                 : NULL;
        if (x != NULL) {
            json_obj_push(doc, "moves", x);
            kept++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        json_obj_push(doc, "moves", made[i]);
    }
    free(made);
    struct json_obj *plan = json_obj_get_obj(doc, "plan");
    json_obj_set_str(plan, "dari", from->plan.nama);
    json_obj_destroy(plan);
    struct json_obj *sum = json_obj_get_obj(doc, "summary");
    json_obj_set_int(sum, "tetap", kept);
    json_obj_destroy(sum);
}

static enum err
rerun_save(struct store *st, const struct decision_actor *a,
           const struct saved_plan *sp, const char *new_name)
{
    struct planning *pl = NULL;
    struct plan_opts o;
    struct plan_result r;
    struct json_obj *doc = NULL;
    memset(&r, 0, sizeof(r));
    enum err rc = planning_load_saved(st, sp->doc, planning_threads(), &pl, &o);
    rc = rc == ERR_OK ? planning_fix(pl, sp) : rc;
    rc = rc == ERR_OK ? plan_run(planning_problem(pl), &o, &r) : rc;
    struct planning_request q = {new_name, o};
    rc = rc == ERR_OK ? planning_document(st, pl, &q, &r, &doc) : rc;
    if (rc == ERR_OK) {
        merge_kept(doc, sp);
        rc = planning_save_fixed(st, pl, &q, &r, doc, a->login, sp);
    }
    json_obj_destroy(doc);
    plan_result_cleanup(&r);
    planning_destroy(pl);
    return rc;
}

/* Keep only agreed moves that hold by themselves: one that leaned on an
 * undecided move (the rest of its swap or chain) is planned again with
 * the undecided ones, so that the kept moves alone leave no unit worse
 * off and the new plan's bounds lie within the old ones. */
static enum err
kept_alone(struct store *st, struct saved_plan *sp)
{
    bool *agreed = xcalloc(sp->n_moves + 1, sizeof(bool));
    bool *dropped = xcalloc(sp->n_moves + 1, sizeof(bool));
    for (size_t i = 0; i < sp->n_moves; i++) {
        agreed[i] = strcmp(sp->moves[i].keputusan_tpk, "setuju") == 0;
    }
    enum err rc = decision_falls_with(st, sp, agreed, NULL, false, dropped);
    for (size_t i = 0; i < sp->n_moves && rc == ERR_OK; i++) {
        if (dropped[i]) {
            sp->moves[i].keputusan_tpk[0] = '\0';
        }
    }
    free(agreed);
    free(dropped);
    return rc;
}

enum err
decision_rerun(struct store *st, const struct decision_actor *a,
               const char *name, const char *new_name,
               struct decision_outcome *out)
{
    struct saved_plan sp;
    memset(out, 0, sizeof(*out));
    enum err rc =
        decision_load_for(st, a, name, AUTH_BKPSDM, "diterbitkan", &sp, out);
    rc = rc == ERR_OK ? kept_alone(st, &sp) : rc;
    char note[256];
    char after[320];
    snprintf(note, sizeof(note),
             "Dijalankan ulang sebagai %s dengan keputusan TPK yang sudah ada.",
             new_name);
    snprintf(after, sizeof(after), "{\"baru\":\"%s\"}", new_name);
    struct store_plan_change x = {name, "diterbitkan", "dikembalikan",
                                  NULL, NULL,          NULL,
                                  NULL, NULL,          note};
    /* One transaction: the old plan is returned exactly when the new one
     * is saved. */
    rc = rc == ERR_OK ? store_begin(st) : rc;
    if (rc == ERR_OK) {
        rc = store_plan_set_status(st, &x);
        rc = rc == ERR_OK ? decision_audit_plan(st, a->login, name,
                                                "jalankan_ulang", after)
                          : rc;
        rc = rc == ERR_OK ? rerun_save(st, a, &sp, new_name) : rc;
        rc = rc == ERR_OK ? store_commit(st) : rc;
        if (rc != ERR_OK) {
            store_rollback(st);
        }
    }
    if (rc == ERR_EXISTS) {
        decision_say(out, "Nama rencana baru sudah dipakai.");
    }
    planning_saved_cleanup(&sp);
    return rc;
}

/* The distance of a single request's move in hundredths of a km, as
 * the planner measures it (contract section 5: from home when both its
 * coordinates are given, else from the unit); -1 when unknown. */
static int64_t
single_km_centi(struct store *st, const struct pegawai *p, const char *to)
{
    struct unit from;
    struct unit dest;
    char own[80];
    snprintf(own, sizeof(own), "%s", p->unit);
    if (store_unit_get(st, to, &dest) != ERR_OK ||
        dest.lat == MODEL_COORD_NONE || dest.lon == MODEL_COORD_NONE) {
        return -1;
    }
    double lat = p->lat;
    double lon = p->lon;
    double to_lat = dest.lat;
    double to_lon = dest.lon;
    if (lat == MODEL_COORD_NONE || lon == MODEL_COORD_NONE) {
        if (store_unit_get(st, own, &from) != ERR_OK ||
            from.lat == MODEL_COORD_NONE || from.lon == MODEL_COORD_NONE) {
            return -1;
        }
        lat = from.lat;
        lon = from.lon;
    }
    return (int64_t)floor(geo_km(lat, lon, to_lat, to_lon) * 100 + 0.5);
}

/* The decision record of a single request: a plan document with its one
 * move, with the keys the planner writes (contract section 5). */
static struct json_obj *
single_doc(struct store *st, const char *name, const struct store_request *r,
           const struct pegawai *p, const char *as_of, int pilihan_ke)
{
    struct json_obj *doc = json_obj_create();
    struct json_obj *plan = json_obj_create();
    json_obj_set_str(plan, "name", name);
    json_obj_set_str(plan, "mode", "voluntary");
    json_obj_set_str(plan, "as_of", as_of);
    json_obj_set_obj(doc, "plan", plan);
    struct json_obj *m = json_obj_create();
    /* The employee's strings are the store's until its next lookup. */
    char nama[256];
    char jab[80];
    char unit[80];
    snprintf(nama, sizeof(nama), "%s", p->nama);
    snprintf(jab, sizeof(jab), "%s", p->jabatan);
    snprintf(unit, sizeof(unit), "%s", p->unit);
    int64_t km = single_km_centi(st, p, r->tujuan);
    json_obj_set_str(m, "nip", r->nip);
    json_obj_set_str(m, "nama", nama);
    json_obj_set_str(m, "jabatan_asal", jab);
    json_obj_set_str(m, "jabatan_tujuan", jab);
    json_obj_set_str(m, "unit_asal", unit);
    json_obj_set_str(m, "unit_tujuan", r->tujuan);
    json_obj_set_str(m, "jenis", "aps");
    json_obj_set_int(m, "pilihan_ke", pilihan_ke);
    json_obj_set_fixed(m, "km", km >= 0 ? km : 0, 2);
    json_obj_set_bool(m, "jarak_diketahui", km >= 0);
    json_obj_set_bool(m, "ganti_jabatan", false);
    json_obj_set_null(m, "sementara_sampai");
    json_obj_set_str(m, "penjelasan",
                     "Dipindahkan atas permintaan sendiri ke unit pilihannya; "
                     "permohonan ini diputuskan tersendiri, di luar rencana "
                     "berkala, setelah persetujuan kepala OPD asal dan tujuan, "
                     "verifikasi BKPSDM dan pertimbangan TPK.");
    static const char *const reasons[] = {"diminta"};
    json_obj_set_strs(m, "reasons", reasons, 1);
    json_obj_set_empty_array(doc, "moves");
    json_obj_push(doc, "moves", m);
    return doc;
}

enum err
decision_single(struct store *st, const char *actor,
                const struct store_request *r, int32_t tmt,
                const struct tenang_izin *izin, char *sk_nomor, char *plan,
                char *why)
{
    struct pegawai p;
    char name[80];
    char unit[65];
    char jab[65];
    char today[DATE_STR_LEN];
    char tmt_text[DATE_STR_LEN];
    snprintf(name, sizeof(name), "permohonan-%lld", (long long)r->id);
    date_format(date_today(), today);
    date_format(tmt, tmt_text);
    enum err rc = store_pegawai_get(st, r->nip, &p);
    if (rc != ERR_OK) {
        return rc;
    }
    snprintf(unit, sizeof(unit), "%s", p.unit);
    snprintf(jab, sizeof(jab), "%s", p.jabatan);
    char nama[256];
    snprintf(nama, sizeof(nama), "%s", p.nama);
    int k = 0;
    while (k < r->n_pilihan && strcmp(r->pilihan[k], r->tujuan) != 0) {
        k++;
    }
    struct json_obj *doc =
        single_doc(st, name, r, &p, today, k < r->n_pilihan ? k + 1 : 1);
    struct buf text;
    buf_init(&text, 0);
    rc = json_obj_format(doc, &text);
    json_obj_destroy(doc);
    /* After the document: the rule's lookups reuse the store's strings. */
    struct tenang_move mv = {r->nip, nama, jab, jab, unit, r->tujuan};
    struct tenang_decision td = {name, actor, date_today(), &mv, 1, izin};
    rc = rc == ERR_OK ? tenang_decide(st, &td, NULL, why, 512) : rc;
    struct store_plan_move m = {
        r->nip,    jab,
        jab,       unit,
        r->tujuan, "aps",
        k + 1,     0,
        NULL,      "Permohonan pindah atas permintaan sendiri.",
        NULL,      NULL,
        "setuju",  NULL,
        NULL,      "setuju",
        NULL};
    struct store_plan sp;
    memset(&sp, 0, sizeof(sp));
    sp.nama = name;
    sp.mode = "voluntary";
    sp.as_of = today;
    sp.settings = "{}";
    sp.hasil = buf_str(&text);
    sp.dibuat_oleh = actor;
    sp.moves = &m;
    sp.n_moves = 1;
    rc = rc == ERR_OK ? store_plan_add(st, &sp) : rc;
    rc = rc == ERR_OK ? decision_sk_number(st, sk_nomor, 128) : rc;
    struct store_plan_change x = {name,     "draf",   "ditetapkan",
                                  tmt_text, sk_nomor, today,
                                  NULL,     NULL,     NULL};
    rc = rc == ERR_OK ? store_plan_set_status(st, &x) : rc;
    struct saved_move sm;
    memset(&sm, 0, sizeof(sm));
    snprintf(sm.nip, sizeof(sm.nip), "%s", r->nip);
    snprintf(sm.unit_tujuan, sizeof(sm.unit_tujuan), "%s", r->tujuan);
    snprintf(sm.jabatan_tujuan, sizeof(sm.jabatan_tujuan), "%s", jab);
    bool teacher = false;
    char sumber[96];
    snprintf(sumber, sizeof(sumber), "rencana:%s", name);
    rc =
        rc == ERR_OK ? decision_write_move(st, &sm, tmt, sumber, &teacher) : rc;
    if (rc == ERR_EXISTS) {
        snprintf(why, 256, "%s", "Permohonan ini sudah pernah ditetapkan.");
        rc = ERR_CONFLICT;
    }
    snprintf(plan, 80, "%s", name);
    buf_cleanup(&text);
    return rc;
}
