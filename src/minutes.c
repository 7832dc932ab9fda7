/* SPDX-License-Identifier: MIT */
/* minutes: the TPK's berita acara (service layer). The members present
 * are the accounts that recorded a decision on the plan (the audit log),
 * named from the setting tpk_anggota ("login=Nama, Jabatan; ..."). */
#include "minutes.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "docreg.h"
#include "json.h"
#include "mem.h"
#include "pdf.h"
#include "planning.h"
#include "settings.h"
#include "sk.h"
#include "store.h"

static const struct pdf_style title = {13, true, PDF_CENTER, 0, 0, 1};
static const struct pdf_style head = {11, true, PDF_CENTER, 0, 0, 4};
static const struct pdf_style body = {11, false, PDF_JUSTIFY, 0, 0, 2};
static const struct pdf_style label = {11, true, PDF_LEFT, 0, 0, 1};

/* The members present, with their names from the setting. */
struct members {
    char *list; /* The setting tpk_anggota; owned. */
    char names[32][256];
    int n;
};

/* The name of 'login' in the setting ("login=Nama, Jabatan; ..."), or
 * the login itself. */
static void
member_name(const char *list, const char *login, char *out, size_t len)
{
    size_t n = strlen(login);
    snprintf(out, len, "%s", login);
    for (const char *p = list; p != NULL && *p != '\0';) {
        while (*p == ' ' || *p == ';') {
            p++;
        }
        size_t k = strcspn(p, ";");
        if (k > n && strncmp(p, login, n) == 0 && p[n] == '=') {
            snprintf(out, len, "%.*s", (int)(k - n - 1), p + n + 1);
            return;
        }
        p += k;
    }
}

static enum err
member_row(void *ctx, const char *actor)
{
    struct members *m = ctx;
    if (m->n < 32) {
        member_name(m->list, actor, m->names[m->n++], sizeof(m->names[0]));
    }
    return ERR_OK;
}

static void
unit_name(struct store *st, const char *kode, char *out, size_t len)
{
    struct unit u;
    snprintf(out, len, "%s", kode);
    if (store_unit_get(st, kode, &u) == ERR_OK) {
        snprintf(out, len, "%s", u.nama);
    }
}

/* The employee's name from the plan document. */
static void
name_of(const struct saved_plan *sp, const char *nip, char *out, size_t len)
{
    struct json_obj *m = planning_doc_move(sp->doc, nip);
    snprintf(out, len, "%s", nip);
    if (m != NULL) {
        json_obj_text(m, "nama", out, len);
    }
    json_obj_destroy(m);
}

/* One table of cells, 'cols' wide, grown a row at a time. */
struct cells {
    char **v;
    int rows;
    int cols;
};

static void
cells_add(struct cells *c, const char *const *row)
{
    c->v = xrealloc(c->v,
                    (size_t)(c->rows + 1) * (size_t)c->cols * sizeof(char *));
    for (int k = 0; k < c->cols; k++) {
        c->v[c->rows * c->cols + k] = xstrdup(row[k] ? row[k] : "-");
    }
    c->rows++;
}

static void
cells_cleanup(struct cells *c)
{
    for (int i = 0; i < c->rows * c->cols; i++) {
        free(c->v[i]);
    }
    free(c->v);
}

static void
moves_table(struct pdf *p, struct store *st, const struct saved_plan *sp)
{
    static const char *const headers[] = {"No.", "Nama / NIP", "Dari",
                                          "Ke",  "Keputusan",  "Catatan"};
    static const double widths[] = {9, 40, 28, 28, 22, 33};
    struct cells c = {NULL, 0, 6};
    for (size_t i = 0; i < sp->n_moves; i++) {
        const struct saved_move *m = &sp->moves[i];
        char no[24];
        char who[320];
        char nama[256];
        char from[256];
        char to[256];
        snprintf(no, sizeof(no), "%zu", i + 1);
        name_of(sp, m->nip, nama, sizeof(nama));
        snprintf(who, sizeof(who), "%s\nNIP %s", nama, m->nip);
        unit_name(st, m->unit_asal, from, sizeof(from));
        unit_name(st, m->unit_tujuan, to, sizeof(to));
        const char *row[] = {
            no,
            who,
            from,
            to,
            strcmp(m->keputusan_tpk, "setuju") == 0 ? "Setuju" : "Ditolak",
            m->catatan_tpk};
        cells_add(&c, row);
    }
    pdf_table(p, headers, widths, 6, (const char *const *)c.v, c.rows);
    cells_cleanup(&c);
}

/* The objections: the employees' and the receiving heads'. */
struct objections {
    struct store *st;
    const struct saved_plan *sp;
    struct cells c;
};

static void
objection_add(struct objections *o, const char *nip, const char *by,
              const char *why)
{
    const struct saved_move *m = planning_saved_move(o->sp, nip);
    char no[24];
    char nama[256];
    char who[320];
    snprintf(no, sizeof(no), "%d", o->c.rows + 1);
    name_of(o->sp, nip, nama, sizeof(nama));
    snprintf(who, sizeof(who), "%s\nNIP %s", nama, nip);
    const char *row[] = {no, who, by, why, m ? m->jawaban_tpk : NULL};
    cells_add(&o->c, row);
}

static enum err
head_objection(void *ctx, const struct store_plan_answer *a)
{
    struct objections *o = ctx;
    if (strcmp(a->tanggapan, "keberatan") == 0) {
        char by[128];
        snprintf(by, sizeof(by), "Kepala OPD penerima (%s)", a->oleh);
        objection_add(o, a->nip, by, a->catatan);
    }
    return ERR_OK;
}

static enum err
objections_table(struct pdf *p, struct store *st, const struct saved_plan *sp)
{
    static const char *const headers[] = {"No.", "Pegawai", "Keberatan dari",
                                          "Alasan", "Jawaban TPK"};
    static const double widths[] = {9, 36, 28, 40, 47};
    struct objections o = {st, sp, {NULL, 0, 5}};
    for (size_t i = 0; i < sp->n_moves; i++) {
        const struct saved_move *m = &sp->moves[i];
        if (strcmp(m->tanggapan, "keberatan") == 0) {
            objection_add(&o, m->nip, "Pegawai yang bersangkutan",
                          m->catatan_tanggapan);
        }
    }
    enum err rc =
        store_plan_answers_each(st, sp->plan.nama, head_objection, &o);
    if (o.c.rows == 0) {
        pdf_par(p, &body, "Tidak ada keberatan yang diajukan.");
    } else {
        pdf_table(p, headers, widths, 5, (const char *const *)o.c.v, o.c.rows);
    }
    cells_cleanup(&o.c);
    return rc;
}

static void
opening(struct pdf *p, struct store *st, const struct saved_plan *sp,
        const struct members *mb)
{
    char line[1024];
    char day[64] = "";
    char as_of[64] = "";
    int32_t d = 0;
    char *instansi = NULL;
    if (sp->plan.dipertimbangkan != NULL &&
        date_parse(sp->plan.dipertimbangkan, 10, &d) == ERR_OK) {
        sk_date_text(d, day, sizeof(day));
    }
    if (date_parse(sp->plan.as_of, strlen(sp->plan.as_of), &d) == ERR_OK) {
        sk_date_text(d, as_of, sizeof(as_of));
    }
    if (store_setting_get(st, "sk_instansi", &instansi) != ERR_OK) {
        instansi = xstrdup(settings_find("sk_instansi")->dflt);
    }
    pdf_par(p, &title, instansi);
    pdf_par(p, &title, "BERITA ACARA SIDANG TIM PENILAI KINERJA");
    snprintf(line, sizeof(line), "NOMOR %s", sp->plan.ba_nomor);
    pdf_par(p, &head, line);
    snprintf(line, sizeof(line),
             "Pada tanggal %s, Tim Penilai Kinerja Pegawai Negeri Sipil "
             "telah memberikan pertimbangan atas rencana mutasi %s per %s "
             "(%zu perpindahan) yang disusun dan diterbitkan oleh BKPSDM, "
             "setelah pegawai yang diusulkan dan kepala OPD penerima "
             "memberikan tanggapan, dengan hasil sebagai berikut.",
             day, sp->plan.nama, as_of, sp->n_moves);
    pdf_par(p, &body, line);
    pdf_par(p, &label, "Anggota yang hadir:");
    for (int i = 0; i < mb->n; i++) {
        snprintf(line, sizeof(line), "%d. %s", i + 1, mb->names[i]);
        pdf_par(p, &body, line);
    }
    free(instansi);
}

static void
signatures(struct pdf *p, const struct members *mb)
{
    char line[320];
    pdf_space(p, 6);
    pdf_par(p, &body,
            "Demikian berita acara ini dibuat untuk dipergunakan "
            "sebagaimana mestinya.");
    pdf_par(p, &label, "Tim Penilai Kinerja:");
    for (int i = 0; i < mb->n; i++) {
        snprintf(line, sizeof(line), "%d. %s", i + 1, mb->names[i]);
        pdf_par(p, &body, line);
        pdf_space(p, 10);
        pdf_par(p, &body, "(....................................)");
    }
}

struct ba_draw {
    struct store *st;
    const struct saved_plan *sp;
    struct members *mb;
    const char *day; /* YYYY-MM-DD of the session. */
};

static enum err
draw_minutes(void *ctx, FILE *f, bool salinan)
{
    struct ba_draw *d = ctx;
    struct pdf *p = NULL;
    enum err rc = pdf_create(f, &p);
    if (rc != ERR_OK) {
        return rc;
    }
    pdf_set_date(p, d->day);
    if (salinan) {
        pdf_par(p, &title, "SALINAN");
    }
    opening(p, d->st, d->sp, d->mb);
    pdf_par(p, &label, "A. Pertimbangan atas setiap perpindahan");
    moves_table(p, d->st, d->sp);
    pdf_space(p, 4);
    pdf_par(p, &label, "B. Keberatan dan jawaban TPK");
    rc = objections_table(p, d->st, d->sp);
    signatures(p, d->mb);
    enum err rc2 = pdf_close(p);
    return rc == ERR_OK ? rc2 : rc;
}

enum err
minutes_write(struct store *st, const struct sk_ask *a, FILE *f, char *why,
              size_t why_len)
{
    struct saved_plan sp;
    struct members *mb = xcalloc(1, sizeof(*mb));
    const char *plan = a->plan;
    enum err rc = planning_saved_load(st, plan, &sp);
    if (rc == ERR_OK && sp.plan.ba_nomor == NULL) {
        snprintf(why, why_len,
                 "sidang TPK atas rencana %s belum ditutup; berita acara "
                 "belum ada",
                 plan);
        rc = ERR_CONFLICT;
    }
    if (rc == ERR_OK &&
        store_setting_get(st, "tpk_anggota", &mb->list) != ERR_OK) {
        mb->list = xstrdup(settings_find("tpk_anggota")->dflt);
    }
    rc = rc == ERR_OK
             ? store_plan_actors_each(st, plan, "pertimbangan", member_row, mb)
             : rc;
    char day[DATE_STR_LEN + 1] = "";
    if (rc == ERR_OK) {
        snprintf(day, sizeof(day), "%.10s",
                 sp.plan.dipertimbangkan ? sp.plan.dipertimbangkan : "");
        struct ba_draw d = {st, &sp, mb, day};
        struct docreg_doc doc = {"berita_acara",   plan, NULL,
                                 sp.plan.ba_nomor, day,  a->actor};
        rc = docreg_issue(st, &doc, draw_minutes, &d, f);
    }
    free(mb->list);
    free(mb);
    planning_saved_cleanup(&sp);
    return rc;
}
