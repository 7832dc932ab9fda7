/* SPDX-License-Identifier: MIT */
/* decision: a plan's way to a decision (service layer). Each step loads
 * the typed saved plan, checks the role, then the status, then what the
 * step needs, and writes in one transaction with its audit entry. The
 * dependent moves of a refusal and the rule check before an approval both
 * count staff per (unit, jabatan) on the plan's own problem
 * (planning_load_saved()), so that they speak the planner's rule: after
 * the moves, min(h, n) <= h' <= max(h, n) for every analysed pair. */
#include "decision.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "date.h"
#include "decision_int.h"
#include "json.h"
#include "mem.h"
#include "model.h"
#include "plan.h"
#include "planning.h"
#include "settings.h"
#include "store.h"
#include "tenang.h"

#define TENGGAT_HARI 14 /* Answers are due two weeks after publishing. */

void
decision_outcome_cleanup(struct decision_outcome *o)
{
    if (o == NULL) {
        return;
    }
    for (size_t i = 0; i < o->n_nips; i++) {
        free(o->nips[i]);
    }
    free(o->nips);
    o->nips = NULL;
    o->n_nips = 0;
}

void
decision_outcome_add(struct decision_outcome *o, const char *nip)
{
    for (size_t i = 0; i < o->n_nips; i++) {
        if (strcmp(o->nips[i], nip) == 0) {
            return;
        }
    }
    o->nips = xrealloc(o->nips, (o->n_nips + 1) * sizeof(*o->nips));
    o->nips[o->n_nips++] = xstrdup(nip);
}

void
decision_say(struct decision_outcome *o, const char *why)
{
    snprintf(o->why, sizeof(o->why), "%s", why);
}

enum err
decision_tmt_ok(int32_t tmt, char *why)
{
    int y = 0;
    int m = 0;
    int d = 0;
    int ty = 0;
    int tm = 0;
    int td = 0;
    if (tmt == DATE_NONE) {
        snprintf(why, 256, "%s", "TMT wajib diisi (tanggal 1 suatu bulan).");
        return ERR_INVAL;
    }
    date_to_ymd(tmt, &y, &m, &d);
    date_to_ymd(date_today(), &ty, &tm, &td);
    if (d != 1) {
        snprintf(why, 256, "%s", "mutasi berlaku pada tanggal 1");
        return ERR_INVAL;
    }
    /* A decree does not reach back before the month it is signed in. */
    if (y < ty || (y == ty && m < tm)) {
        snprintf(why, 256, "%s", "TMT tidak boleh sebelum bulan berjalan");
        return ERR_INVAL;
    }
    return ERR_OK;
}

/* Load plan 'name' and check that the caller's role is 'roles' (before
 * anything about the status) and the plan's status is 'status'. */
enum err
decision_load_for(struct store *st, const struct decision_actor *a,
                  const char *name, int roles, const char *status,
                  struct saved_plan *sp, struct decision_outcome *out)
{
    memset(sp, 0, sizeof(*sp)); /* Safe to clean up whatever happens. */
    if ((a->role & roles) == 0) {
        decision_say(out, "Peran Anda tidak mengambil langkah ini.");
        return ERR_DENIED;
    }
    enum err rc = planning_saved_load(st, name, sp);
    if (rc == ERR_NOTFOUND) {
        decision_say(out, "Rencana tidak ditemukan.");
    }
    if (rc == ERR_OK && strcmp(sp->plan.status, status) != 0) {
        snprintf(out->why, sizeof(out->why),
                 "Rencana berstatus %s; langkah ini hanya untuk rencana "
                 "berstatus %s.",
                 sp->plan.status, status);
        rc = ERR_CONFLICT;
    }
    return rc;
}

enum err
decision_audit_plan(struct store *st, const char *actor, const char *name,
                    const char *action, const char *after)
{
    struct store_audit x = {actor, "plan", name, action, NULL, after};
    return store_audit_add(st, &x);
}

/* Run 'x' on the plan in one transaction with the audit entry. */
enum err
decision_set_status(struct store *st, const struct decision_actor *a,
                    const struct store_plan_change *x, const char *action,
                    const char *after)
{
    enum err rc = store_begin(st);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = store_plan_set_status(st, x);
    rc = rc == ERR_OK
             ? decision_audit_plan(st, a->login, x->nama, action, after)
             : rc;
    rc = rc == ERR_OK ? store_commit(st) : rc;
    if (rc != ERR_OK) {
        store_rollback(st);
    }
    return rc;
}

enum err
decision_publish(struct store *st, const struct decision_actor *a,
                 const char *name, int32_t tenggat,
                 struct decision_outcome *out)
{
    struct saved_plan sp;
    memset(out, 0, sizeof(*out));
    enum err rc = decision_load_for(st, a, name, AUTH_BKPSDM, "draf", &sp, out);
    if (tenggat == DATE_NONE) {
        tenggat = date_today() + TENGGAT_HARI;
    }
    if (rc == ERR_OK && sp.n_moves == 0) {
        decision_say(out,
                     "Rencana ini tidak memuat perpindahan; tidak ada yang "
                     "diterbitkan.");
        rc = ERR_INVAL;
    }
    if (rc == ERR_OK && tenggat < date_today()) {
        decision_say(out, "Tenggat tanggapan tidak boleh sebelum hari ini.");
        rc = ERR_INVAL;
    }
    char day[DATE_STR_LEN];
    char after[64];
    date_format(tenggat, day);
    snprintf(after, sizeof(after), "{\"tenggat\":\"%s\"}", day);
    struct store_plan_change x = {name, "draf", "diterbitkan", NULL, NULL,
                                  NULL, day,    NULL,          NULL};
    rc = rc == ERR_OK ? decision_set_status(st, a, &x, "terbitkan", after) : rc;
    planning_saved_cleanup(&sp);
    return rc;
}

/* Is the caller the head of the OPD (or above) that unit 'unit' lies in?
 * A school principal alone is not (domain.md section 1). */
static enum err
head_of(struct store *st, const struct decision_actor *a, const char *unit)
{
    struct unit u;
    bool in = false;
    if (a->unit == NULL || a->unit[0] == '\0') {
        return ERR_NOTFOUND;
    }
    enum err rc = store_unit_get(st, a->unit, &u);
    if (rc != ERR_OK) {
        return rc;
    }
    if (!(u.induk == NULL || u.jenis == UNIT_OPD || u.jenis == UNIT_KECAMATAN ||
          u.jenis == UNIT_RSUD)) {
        return ERR_NOTFOUND;
    }
    rc = store_unit_in_subtree(st, unit, a->unit, &in);
    return rc != ERR_OK ? rc : in ? ERR_OK : ERR_NOTFOUND;
}

static enum err
write_answer(struct store *st, const struct decision_actor *a, const char *name,
             const char *nip, const char *tanggapan, const char *catatan)
{
    char after[256];
    snprintf(after, sizeof(after),
             "{\"nip\":\"%s\",\"tanggapan\":\"%s\",\"oleh\":\"%s\"}", nip,
             tanggapan, a->role == AUTH_PEGAWAI ? "pegawai" : "kepala_unit");
    struct store_plan_answer x = {nip, a->login, tanggapan, catatan, NULL};
    enum err rc = store_begin(st);
    if (rc != ERR_OK) {
        return rc;
    }
    rc = a->role == AUTH_PEGAWAI
             ? store_plan_respond(st, name, nip, tanggapan, catatan)
             : store_plan_answer_put(st, name, &x);
    rc = rc == ERR_OK
             ? decision_audit_plan(st, a->login, name, "tanggapan", after)
             : rc;
    rc = rc == ERR_OK ? store_commit(st) : rc;
    if (rc != ERR_OK) {
        store_rollback(st);
    }
    return rc;
}

enum err
decision_respond(struct store *st, const struct decision_actor *a,
                 const char *name, const char *nip, const char *tanggapan,
                 const char *catatan, struct decision_outcome *out)
{
    struct saved_plan sp;
    memset(out, 0, sizeof(*out));
    enum err rc = decision_load_for(st, a, name, AUTH_PEGAWAI | AUTH_KEPALA,
                                    "diterbitkan", &sp, out);
    if (rc == ERR_CONFLICT && strcmp(sp.plan.status, "draf") == 0) {
        rc = ERR_NOTFOUND; /* A draft is not shown to those it moves. */
    }
    bool objection = tanggapan != NULL && strcmp(tanggapan, "keberatan") == 0;
    if (rc == ERR_OK && !objection &&
        (tanggapan == NULL || strcmp(tanggapan, "setuju") != 0)) {
        decision_say(out, "tanggapan harus setuju atau keberatan.");
        rc = ERR_INVAL;
    }
    if (rc == ERR_OK && objection && (catatan == NULL || catatan[0] == '\0')) {
        decision_say(out, "Keberatan wajib disertai alasan (catatan).");
        rc = ERR_INVAL;
    }
    if (rc == ERR_OK && a->role == AUTH_PEGAWAI) {
        nip = a->nip;
    }
    const struct saved_move *m =
        rc == ERR_OK && nip != NULL ? planning_saved_move(&sp, nip) : NULL;
    if (rc == ERR_OK && m == NULL) {
        decision_say(out, nip == NULL
                              ? "Sebutkan nip pegawai yang ditanggapi."
                              : "Rencana ini tidak memindahkan pegawai itu.");
        rc = nip == NULL ? ERR_INVAL : ERR_NOTFOUND;
    }
    if (rc == ERR_OK && a->role == AUTH_KEPALA &&
        (rc = head_of(st, a, m->unit_tujuan)) == ERR_NOTFOUND) {
        decision_say(out,
                     "Hanya kepala OPD penerima yang menanggapi perpindahan "
                     "ini.");
    }
    int32_t due = DATE_NONE;
    if (rc == ERR_OK && sp.plan.tenggat != NULL &&
        date_parse(sp.plan.tenggat, strlen(sp.plan.tenggat), &due) == ERR_OK &&
        date_today() > due) {
        snprintf(out->why, sizeof(out->why),
                 "Tenggat tanggapan (%s) sudah lewat.", sp.plan.tenggat);
        rc = ERR_CONFLICT;
    }
    rc = rc == ERR_OK ? write_answer(st, a, name, m->nip, tanggapan,
                                     catatan && catatan[0] ? catatan : NULL)
                      : rc;
    planning_saved_cleanup(&sp);
    return rc;
}

/* The dependents of taking the moves flagged 'out_now' away from those of
 * 'keep', into out->nips. */
static enum err
dependents(struct store *st, const struct saved_plan *sp, const bool *keep,
           const bool *out_now, struct decision_outcome *out)
{
    bool *dropped = xcalloc(sp->n_moves + 1, sizeof(bool));
    enum err rc = decision_falls_with(st, sp, keep, out_now, true, dropped);
    for (size_t i = 0; i < sp->n_moves && rc == ERR_OK; i++) {
        if (dropped[i]) {
            decision_outcome_add(out, sp->moves[i].nip);
        }
    }
    free(dropped);
    return rc;
}

static long
item_of(const struct decision_item *items, size_t n, const char *nip)
{
    for (size_t k = 0; k < n; k++) {
        if (items[k].nip != NULL && strcmp(items[k].nip, nip) == 0) {
            return (long)k;
        }
    }
    return -1;
}

/* Every item names a move of the plan with a valid word and a note for a
 * refusal. */
static enum err
items_ok(const struct saved_plan *sp, const struct decision_item *items,
         size_t n, struct decision_outcome *out)
{
    for (size_t k = 0; k < n; k++) {
        const struct decision_item *it = &items[k];
        if (it->nip == NULL || planning_saved_move(sp, it->nip) == NULL) {
            snprintf(out->why, sizeof(out->why),
                     "Rencana tidak memuat perpindahan NIP %s.",
                     it->nip ? it->nip : "(kosong)");
            return ERR_INVAL;
        }
        bool tolak = it->keputusan && strcmp(it->keputusan, "tolak") == 0;
        if (!tolak &&
            (it->keputusan == NULL || strcmp(it->keputusan, "setuju") != 0)) {
            decision_say(out, "keputusan harus setuju atau tolak.");
            return ERR_INVAL;
        }
        if (tolak && (it->catatan == NULL || it->catatan[0] == '\0')) {
            snprintf(out->why, sizeof(out->why),
                     "Penolakan perpindahan NIP %s wajib disertai catatan.",
                     it->nip);
            return ERR_INVAL;
        }
    }
    return ERR_OK;
}

/* The moves that the TPK's refusals in 'items' take along, beyond those
 * refused already or in 'items'. */
static enum err
refusal_dependents(struct store *st, const struct saved_plan *sp,
                   const struct decision_item *items, size_t n,
                   struct decision_outcome *out)
{
    bool *keep = xcalloc(sp->n_moves + 1, sizeof(bool));
    bool *gone = xcalloc(sp->n_moves + 1, sizeof(bool));
    bool any = false;
    for (size_t i = 0; i < sp->n_moves; i++) {
        long k = item_of(items, n, sp->moves[i].nip);
        bool tolak = k >= 0 ? strcmp(items[k].keputusan, "tolak") == 0
                            : strcmp(sp->moves[i].keputusan_tpk, "tolak") == 0;
        keep[i] = true;
        gone[i] = tolak;
        any = any || tolak;
    }
    enum err rc = any ? dependents(st, sp, keep, gone, out) : ERR_OK;
    free(keep);
    free(gone);
    return rc;
}

/* What a close needs: every move decided, every objection answered (by
 * now or in 'items'). The moves lacking it go to out->nips. */
static enum err close_ready(struct store *st, const struct saved_plan *sp,
                            const struct decision_item *items, size_t n,
                            struct decision_outcome *out);

static enum err
write_items(struct store *st, const struct decision_actor *a, const char *name,
            const struct decision_item *items, size_t n,
            const char *follow_note)
{
    enum err rc = ERR_OK;
    for (size_t k = 0; k < n && rc == ERR_OK; k++) {
        struct store_move_decision d = {
            name,
            items[k].nip,
            items[k].keputusan,
            items[k].catatan,
            items[k].tanggapan && items[k].tanggapan[0] ? items[k].tanggapan
                                                        : NULL,
            false};
        char after[512];
        rc = store_plan_move_decide(st, &d);
        snprintf(after, sizeof(after),
                 "{\"nip\":\"%s\",\"keputusan_tpk\":\"%s\"%s}", items[k].nip,
                 items[k].keputusan, follow_note ? ",\"ikut\":true" : "");
        rc = rc == ERR_OK ? decision_audit_plan(st, a->login, name,
                                                "pertimbangan", after)
                          : rc;
    }
    return rc;
}

/* The minutes' number from the setting ba_nomor, counted within the year
 * of the session. */
static void
number_of(struct store *st, const char *key, long n, char *out, size_t len)
{
    char *pattern = NULL;
    int y = 0;
    int m = 0;
    int d = 0;
    if (store_setting_get(st, key, &pattern) != ERR_OK) {
        pattern = xstrdup(settings_find(key)->dflt);
    }
    date_to_ymd(date_today(), &y, &m, &d);
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
close_session(struct store *st, const struct decision_actor *a,
              const char *name, struct decision_outcome *out)
{
    long n = 0;
    int y = 0;
    int m = 0;
    int d = 0;
    date_to_ymd(date_today(), &y, &m, &d);
    enum err rc = store_plan_count_minutes(st, y, &n);
    number_of(st, "ba_nomor", n, out->ba_nomor, sizeof(out->ba_nomor));
    char after[256];
    snprintf(after, sizeof(after), "{\"ba_nomor\":\"%s\"}", out->ba_nomor);
    char today[DATE_STR_LEN];
    date_format(date_today(), today);
    struct store_plan_change x = {name, "diterbitkan", "dipertimbangkan",
                                  NULL, NULL,          today,
                                  NULL, out->ba_nomor, NULL};
    rc = rc == ERR_OK ? store_plan_set_status(st, &x) : rc;
    return rc == ERR_OK
               ? decision_audit_plan(st, a->login, name, "tutup_sidang", after)
               : rc;
}

/* The refusals 'follow' adds: each dependent move refused with a note. */
static struct decision_item *
with_followers(const struct decision_item *items, size_t n,
               const struct decision_outcome *deps, size_t *n_all)
{
    struct decision_item *all = xcalloc(n + deps->n_nips + 1, sizeof(*all));
    memcpy(all, items, n * sizeof(*items));
    for (size_t k = 0; k < deps->n_nips; k++) {
        all[n + k] = (struct decision_item){
            deps->nips[k], "tolak",
            "Ikut ditolak: bergantung pada perpindahan yang ditolak.", NULL};
    }
    *n_all = n + deps->n_nips;
    return all;
}

enum err
decision_consider(struct store *st, const struct decision_actor *a,
                  const char *name, const struct decision_item *items,
                  size_t n_items, bool close, bool follow,
                  struct decision_outcome *out)
{
    struct saved_plan sp;
    struct decision_item *all = NULL;
    size_t n_all = n_items;
    memset(out, 0, sizeof(*out));
    enum err rc =
        decision_load_for(st, a, name, AUTH_TPK, "diterbitkan", &sp, out);
    rc = rc == ERR_OK ? items_ok(&sp, items, n_items, out) : rc;
    rc = rc == ERR_OK ? refusal_dependents(st, &sp, items, n_items, out) : rc;
    if (rc == ERR_OK && out->n_nips > 0 && !follow) {
        snprintf(out->why, sizeof(out->why),
                 "Penolakan ini ikut menggugurkan %zu perpindahan lain yang "
                 "bergantung padanya; kirim ulang dengan konfirmasi "
                 "(ikutkan) atau minta rencana dijalankan ulang.",
                 out->n_nips);
        rc = ERR_CONFLICT;
    }
    if (rc == ERR_OK) {
        all = with_followers(items, n_items, out, &n_all);
    }
    if (rc == ERR_OK && close) {
        rc = close_ready(st, &sp, all, n_all, out);
    }
    rc = rc == ERR_OK ? store_begin(st) : rc;
    if (rc == ERR_OK) {
        rc = write_items(st, a, name, all, n_all, NULL);
        rc = rc == ERR_OK && close ? close_session(st, a, name, out) : rc;
        rc = rc == ERR_OK ? store_commit(st) : rc;
        if (rc != ERR_OK) {
            store_rollback(st);
        }
    }
    free(all);
    planning_saved_cleanup(&sp);
    return rc;
}

/* Objections of heads, by NIP, for the close. */
struct objections {
    char (*nips)[NIP_LEN + 1];
    size_t n;
};

static enum err
objection_row(void *ctx, const struct store_plan_answer *x)
{
    struct objections *o = ctx;
    if (strcmp(x->tanggapan, "keberatan") == 0) {
        o->nips = xrealloc(o->nips, (o->n + 1) * sizeof(*o->nips));
        snprintf(o->nips[o->n++], NIP_LEN + 1, "%s", x->nip);
    }
    return ERR_OK;
}

static bool
objected(const struct saved_move *m, const struct objections *o)
{
    if (strcmp(m->tanggapan, "keberatan") == 0) {
        return true;
    }
    for (size_t k = 0; k < o->n; k++) {
        if (strcmp(o->nips[k], m->nip) == 0) {
            return true;
        }
    }
    return false;
}

static enum err
close_ready(struct store *st, const struct saved_plan *sp,
            const struct decision_item *items, size_t n,
            struct decision_outcome *out)
{
    struct objections o = {NULL, 0};
    enum err rc = store_plan_answers_each(st, sp->plan.nama, objection_row, &o);
    size_t undecided = 0;
    size_t unanswered = 0;
    for (size_t i = 0; i < sp->n_moves && rc == ERR_OK; i++) {
        const struct saved_move *m = &sp->moves[i];
        long k = item_of(items, n, m->nip);
        bool decided = k >= 0 || m->keputusan_tpk[0] != '\0';
        bool answered = (k >= 0 && items[k].tanggapan != NULL &&
                         items[k].tanggapan[0] != '\0') ||
                        m->jawaban_tpk != NULL;
        undecided += !decided;
        unanswered += objected(m, &o) && !answered;
        if (!decided || (objected(m, &o) && !answered)) {
            decision_outcome_add(out, m->nip);
        }
    }
    free(o.nips);
    if (rc == ERR_OK && out->n_nips > 0) {
        snprintf(out->why, sizeof(out->why),
                 "Sidang belum dapat ditutup: %zu perpindahan belum diputuskan "
                 "dan %zu keberatan belum dijawab.",
                 undecided, unanswered);
        rc = ERR_INVAL;
    }
    return rc;
}

/* The accounts that took part in the TPK's session never decide. */
static enum err
not_in_session(void *ctx, const char *actor)
{
    const struct decision_actor *a = ctx;
    return strcmp(actor, a->login) == 0 ? ERR_DENIED : ERR_OK;
}

/* The moves the PPK's decision writes, into 'active': those the TPK
 * agreed, less the strikes and what depends on them. */
static enum err
approved_set(struct store *st, const struct saved_plan *sp,
             const struct decision_strike *strikes, size_t n, bool follow,
             bool *active, struct decision_outcome *out)
{
    bool *struck = xcalloc(sp->n_moves + 1, sizeof(bool));
    bool *agreed = xcalloc(sp->n_moves + 1, sizeof(bool));
    enum err rc = ERR_OK;
    for (size_t k = 0; k < n && rc == ERR_OK; k++) {
        const struct saved_move *m =
            strikes[k].nip ? planning_saved_move(sp, strikes[k].nip) : NULL;
        if (m == NULL || strikes[k].alasan == NULL ||
            strikes[k].alasan[0] == '\0') {
            snprintf(out->why, sizeof(out->why),
                     "Setiap coretan menyebut NIP perpindahan rencana ini dan "
                     "alasannya (%s).",
                     strikes[k].nip ? strikes[k].nip : "tanpa NIP");
            rc = ERR_INVAL;
        } else if (strcmp(m->keputusan_tpk, "setuju") != 0) {
            snprintf(out->why, sizeof(out->why),
                     "Perpindahan NIP %s sudah ditolak TPK; tidak perlu "
                     "dicoret.",
                     m->nip);
            rc = ERR_INVAL;
        } else {
            struck[m - sp->moves] = true;
        }
    }
    for (size_t i = 0; i < sp->n_moves; i++) {
        agreed[i] = strcmp(sp->moves[i].keputusan_tpk, "setuju") == 0;
        active[i] = agreed[i] && !struck[i];
    }
    if (rc == ERR_OK && n > 0) {
        rc = dependents(st, sp, agreed, struck, out);
    }
    if (rc == ERR_OK && out->n_nips > 0 && !follow) {
        snprintf(out->why, sizeof(out->why),
                 "Coretan ini ikut menggugurkan %zu perpindahan lain yang "
                 "bergantung padanya; kirim ulang dengan konfirmasi.",
                 out->n_nips);
        rc = ERR_CONFLICT;
    }
    for (size_t k = 0; k < out->n_nips && rc == ERR_OK; k++) {
        active[planning_saved_move(sp, out->nips[k]) - sp->moves] = false;
    }
    free(struck);
    free(agreed);
    return rc;
}

/* The decree number from the setting sk_nomor: {tahun} the year of the
 * decision, as a letter is numbered in the year it is signed, and {nomor}
 * the count of decisions in that year plus one. Inside the transaction,
 * so that two decisions never share a number. */
enum err
decision_sk_number(struct store *st, char *out, size_t len)
{
    long n = 0;
    int y = 0;
    int m = 0;
    int d = 0;
    date_to_ymd(date_today(), &y, &m, &d);
    enum err rc = store_plan_count_approved(st, y, &n);
    if (rc == ERR_OK) {
        number_of(st, "sk_nomor", n, out, len);
    }
    return rc;
}

/* The surat tugas numbers of the plan's temporary moves that are
 * written, from the setting st_nomor: its own sequence, counted within the
 * year of the decision as the decree's is. Inside the transaction. */
static enum err
number_tugas(struct store *st, const struct saved_plan *sp, const bool *active)
{
    long n = 0;
    int y = 0;
    int m = 0;
    int d = 0;
    date_to_ymd(date_today(), &y, &m, &d);
    enum err rc = store_count_st(st, y, &n);
    for (size_t i = 0; i < sp->n_moves && rc == ERR_OK; i++) {
        if (!active[i] || sp->moves[i].sementara_sampai[0] == '\0') {
            continue;
        }
        char nomor[128];
        number_of(st, "st_nomor", n++, nomor, sizeof(nomor));
        rc = store_move_set_st(st, sp->plan.nama, sp->moves[i].nip, nomor);
    }
    return rc;
}

/* The request's own history says what the plan decided for it. */
static enum err
audit_request(struct store *st, const char *actor,
              const struct store_request *r, const char *to, const char *note)
{
    char id[24];
    char before[64];
    struct buf after;
    buf_init(&after, 0);
    snprintf(id, sizeof(id), "%lld", (long long)r->id);
    snprintf(before, sizeof(before), "{\"status\":\"%s\"}", r->status);
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "status", to);
    json_obj_set_str(o, "catatan", note);
    enum err rc = json_obj_format(o, &after);
    json_obj_destroy(o);
    struct store_audit a = {
        actor,  "request",
        id,     strcmp(to, "ditetapkan") == 0 ? "tetapkan" : "jawaban_rencana",
        before, buf_str(&after)};
    rc = rc == ERR_OK ? store_audit_add(st, &a) : rc;
    buf_cleanup(&after);
    return rc;
}

/* Write permanent move 'm' into the employee's record from 'tmt' (the
 * history keeps the old posting; a future TMT takes effect on its date). */
enum err
decision_write_move(struct store *st, const struct saved_move *m, int32_t tmt,
                    const char *sumber, bool *teacher)
{
    if (m->sementara_sampai[0] != '\0') {
        return ERR_OK; /* A surat tugas, not a change of post. */
    }
    struct jabatan j;
    if (store_jabatan_get(st, m->jabatan_tujuan, &j) == ERR_OK && j.guru) {
        *teacher = true;
    }
    struct pegawai p;
    enum err rc = store_pegawai_get(st, m->nip, &p);
    if (rc != ERR_OK) {
        return rc == ERR_NOTFOUND ? ERR_CONFLICT : rc;
    }
    p.unit = m->unit_tujuan;
    p.jabatan = m->jabatan_tujuan;
    p.tmt_unit = tmt;
    return store_pegawai_put(st, &p, sumber, NULL);
}

/* The requests the plan answered: one it grants becomes ditetapkan; one
 * it does not grant stays where it is with the plan's answer. */
struct answered {
    struct store *st;
    const struct saved_plan *sp;
    const bool *active;
    const char *actor;
    char sk[128];
};

static enum err
answer_request(struct answered *x, const struct store_request *r)
{
    const struct saved_move *m = planning_saved_move(x->sp, r->nip);
    long i = m != NULL ? (long)(m - x->sp->moves) : -1;
    char note[768];
    if (i >= 0 && m->aps && x->active[i]) {
        snprintf(note, sizeof(note),
                 "Dikabulkan dalam rencana %s ke %s; SK %s.", x->sp->plan.nama,
                 m->unit_tujuan, x->sk);
        struct store_step s = {r->id,        r->status,  r->version,
                               "ditetapkan", "tetapkan", x->actor,
                               note,         NULL,       m->unit_tujuan};
        enum err rc = store_request_step(x->st, &s);
        return rc == ERR_OK
                   ? audit_request(x->st, x->actor, r, "ditetapkan", note)
                   : rc;
    }
    snprintf(note, sizeof(note),
             "Belum dikabulkan dalam rencana %s%s%s; permohonan tetap terbuka "
             "untuk periode berikutnya.",
             x->sp->plan.nama, i >= 0 ? ": " : "",
             i >= 0 ? (strcmp(m->keputusan_tpk, "tolak") == 0 ? "ditolak TPK"
                                                              : "dicoret PPK")
                    : "");
    return audit_request(x->st, x->actor, r, r->status, note);
}

/* The open requests the plan may have considered (submitted, not past
 * diverifikasi), gathered first so that no statement is open while each
 * is answered. */
struct request_list {
    struct store_request *rows;
    size_t n;
};

static enum err
request_row(void *ctx, const struct store_request *r)
{
    struct request_list *l = ctx;
    int v = model_enum_parse(&model_permohonan_status, r->status,
                             strlen(r->status));
    /* The planner's window is at most diajukan..diverifikasi (the setting
     * tahap_permohonan narrows it). */
    if (v < PERMOHONAN_DIAJUKAN || v > PERMOHONAN_DIVERIFIKASI) {
        return ERR_OK;
    }
    l->rows = xrealloc(l->rows, (l->n + 1) * sizeof(*l->rows));
    l->rows[l->n++] = *r;
    return ERR_OK;
}

static enum err
answer_requests(struct answered *x)
{
    struct request_list l = {NULL, 0};
    enum err rc = store_request_each(x->st, request_row, &l);
    for (size_t k = 0; k < l.n && rc == ERR_OK; k++) {
        rc = answer_request(x, &l.rows[k]);
    }
    free(l.rows);
    return rc;
}

static enum err
write_decision(struct store *st, const struct decision_actor *a,
               const struct saved_plan *sp, const bool *active, int32_t tmt,
               const struct decision_strike *strikes, size_t n_strikes,
               struct decision_outcome *out)
{
    char sumber[96];
    char tmt_text[DATE_STR_LEN];
    char today[DATE_STR_LEN];
    snprintf(sumber, sizeof(sumber), "rencana:%s", sp->plan.nama);
    date_format(tmt, tmt_text);
    date_format(date_today(), today);
    enum err rc = decision_sk_number(st, out->sk_nomor, sizeof(out->sk_nomor));
    size_t n = 0;
    for (size_t i = 0; i < sp->n_moves && rc == ERR_OK; i++) {
        long k = -1;
        for (size_t s = 0; s < n_strikes && k < 0; s++) {
            k = strcmp(strikes[s].nip, sp->moves[i].nip) == 0 ? (long)s : -1;
        }
        struct store_move_decision d = {
            sp->plan.nama,
            sp->moves[i].nip,
            active[i] ? "setuju" : "coret",
            active[i] ? NULL
            : k >= 0
                ? strikes[k].alasan
                : "Ikut dicoret: bergantung pada perpindahan yang dicoret.",
            NULL,
            true};
        bool agreed = strcmp(sp->moves[i].keputusan_tpk, "setuju") == 0;
        rc = agreed ? store_plan_move_decide(st, &d) : ERR_OK;
        if (rc == ERR_OK && active[i]) {
            rc = decision_write_move(st, &sp->moves[i], tmt, sumber,
                                     &out->teacher_off_semester);
            n++;
        }
    }
    rc = rc == ERR_OK ? number_tugas(st, sp, active) : rc;
    struct answered x = {st, sp, active, a->login, ""};
    snprintf(x.sk, sizeof(x.sk), "%s", out->sk_nomor);
    rc = rc == ERR_OK ? answer_requests(&x) : rc;
    char after[384];
    snprintf(after, sizeof(after),
             "{\"tmt\":\"%s\",\"sk_nomor\":\"%s\",\"moves\":%zu,"
             "\"dicoret\":%zu}",
             tmt_text, out->sk_nomor, n, n_strikes);
    struct store_plan_change ch = {sp->plan.nama, "dipertimbangkan",
                                   "ditetapkan",  tmt_text,
                                   out->sk_nomor, today,
                                   NULL,          NULL,
                                   NULL};
    rc = rc == ERR_OK ? store_plan_set_status(st, &ch) : rc;
    return rc == ERR_OK ? decision_audit_plan(st, a->login, sp->plan.nama,
                                              "tetapkan", after)
                        : rc;
}

/* The rule of election periods on the moves flagged 'active' (tenang.h),
 * with the officials' moves in out->nips when it refuses. */
static enum err
election_rule(struct store *st, const struct decision_actor *a,
              const struct saved_plan *sp, const bool *active,
              const struct tenang_izin *izin, struct decision_outcome *out)
{
    struct tenang_move *mv = xcalloc(sp->n_moves + 1, sizeof(*mv));
    bool *official = xcalloc(sp->n_moves + 1, sizeof(bool));
    size_t n = 0;
    for (size_t i = 0; i < sp->n_moves; i++) {
        const struct saved_move *m = &sp->moves[i];
        if (active[i]) {
            mv[n++] = (struct tenang_move){m->nip,          m->nama,
                                           m->jabatan_asal, m->jabatan_tujuan,
                                           m->unit_asal,    m->unit_tujuan};
        }
    }
    struct tenang_decision d = {sp->plan.nama, a->login, date_today(), mv, n,
                                izin};
    enum err rc = tenang_decide(st, &d, official, out->why, sizeof(out->why));
    for (size_t i = 0; i < n && rc == ERR_INVAL; i++) {
        if (official[i]) {
            decision_outcome_add(out, mv[i].nip);
        }
    }
    free(official);
    free(mv);
    return rc;
}

enum err
decision_approve(struct store *st, const struct decision_actor *a,
                 const char *name, int32_t tmt,
                 const struct decision_strike *strikes, size_t n_strikes,
                 bool follow, struct decision_outcome *out)
{
    struct decision_approval in = {tmt, strikes, n_strikes, follow, NULL};
    return decision_approve_with(st, a, name, &in, out);
}

enum err
decision_approve_with(struct store *st, const struct decision_actor *a,
                      const char *name, const struct decision_approval *in,
                      struct decision_outcome *out)
{
    int32_t tmt = in->tmt;
    const struct decision_strike *strikes = in->strikes;
    size_t n_strikes = in->n_strikes;
    bool follow = in->follow;
    struct saved_plan sp;
    memset(out, 0, sizeof(*out));
    enum err rc =
        decision_load_for(st, a, name, AUTH_PPK, "dipertimbangkan", &sp, out);
    if (rc == ERR_OK &&
        store_plan_actors_each(st, name, "pertimbangan", not_in_session,
                               (void *)(uintptr_t)a) == ERR_DENIED) {
        decision_say(out,
                     "Akun yang ikut sidang TPK tidak boleh juga menetapkan "
                     "rencana yang sama.");
        rc = ERR_DENIED;
    }
    rc = rc == ERR_OK ? decision_tmt_ok(tmt, out->why) : rc;
    bool *active = xcalloc(sp.n_moves + 1, sizeof(bool));
    rc = rc == ERR_OK
             ? approved_set(st, &sp, strikes, n_strikes, follow, active, out)
             : rc;
    size_t n_active = 0;
    for (size_t i = 0; i < sp.n_moves; i++) {
        n_active += active[i];
    }
    if (rc == ERR_OK && n_active == 0) {
        decision_say(out,
                     "Tidak ada perpindahan yang disetujui; kembalikan rencana "
                     "kepada BKPSDM.");
        rc = ERR_INVAL;
    }
    /* One transaction from the check to the last write: a second approval
     * waits for this one and then finds its employees moved. */
    rc = rc == ERR_OK ? store_begin(st) : rc;
    if (rc == ERR_OK) {
        decision_outcome_cleanup(out);
        rc = election_rule(st, a, &sp, active, in->izin, out);
        rc = rc == ERR_OK ? decision_check_rules(st, &sp, active, out) : rc;
        rc = rc == ERR_OK ? write_decision(st, a, &sp, active, tmt, strikes,
                                           n_strikes, out)
                          : rc;
        rc = rc == ERR_OK ? store_commit(st) : rc;
        if (rc != ERR_OK) {
            store_rollback(st);
        }
    }
    int y = 0;
    int m = 0;
    int d = 0;
    date_to_ymd(tmt, &y, &m, &d);
    /* domain.md 5: a teacher's transfer takes effect at the start of a
     * semester. The decision stands (the PPK decides) but says so. */
    out->teacher_off_semester = out->teacher_off_semester && m != 1 && m != 7;
    free(active);
    planning_saved_cleanup(&sp);
    return rc;
}

enum err
decision_return(struct store *st, const struct decision_actor *a,
                const char *name, const char *catatan,
                struct decision_outcome *out)
{
    struct saved_plan sp;
    memset(out, 0, sizeof(*out));
    enum err rc =
        decision_load_for(st, a, name, AUTH_PPK, "dipertimbangkan", &sp, out);
    if (rc == ERR_OK && (catatan == NULL || catatan[0] == '\0')) {
        decision_say(out, "Pengembalian wajib disertai catatan.");
        rc = ERR_INVAL;
    }
    struct buf after;
    buf_init(&after, 0);
    struct json_obj *o = json_obj_create();
    json_obj_set_str(o, "catatan", catatan);
    if (json_obj_format(o, &after) != ERR_OK) {
        rc = rc == ERR_OK ? ERR_INTERNAL : rc;
    }
    json_obj_destroy(o);
    struct store_plan_change x = {
        name,   "dipertimbangkan", "dikembalikan", NULL, NULL, NULL, NULL, NULL,
        catatan};
    rc = rc == ERR_OK
             ? decision_set_status(st, a, &x, "kembalikan", buf_str(&after))
             : rc;
    buf_cleanup(&after);
    planning_saved_cleanup(&sp);
    return rc;
}
