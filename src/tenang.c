/* SPDX-License-Identifier: MIT */
/* tenang: decisions inside an election period, the Minister's approval
 * and the report to the Ministry (service layer; see tenang.h). */
#include "tenang.h"

#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "buf.h"
#include "date.h"
#include "docreg.h"
#include "json.h"
#include "masa_tenang.h"
#include "mem.h"
#include "model.h"
#include "pdf.h"
#include "planning.h"
#include "request.h"
#include "settings.h"
#include "sk.h"
#include "store.h"

/* The value in force of setting 'key' (stored, else its default); the
 * caller frees it. */
static enum err
setting_text(struct store *st, const char *key, char **out)
{
    enum err rc = store_setting_get(st, key, out);
    if (rc == ERR_NOTFOUND) {
        *out = xstrdup(settings_find(key)->dflt);
        rc = ERR_OK;
    }
    return rc;
}

enum err
tenang_periods(struct store *st, struct masa_tenang_list *out)
{
    char *text = NULL;
    char why[256];
    out->n = 0;
    enum err rc = setting_text(st, "masa_tenang", &text);
    if (rc == ERR_OK &&
        masa_tenang_parse(text, out, NULL, why, sizeof(why)) != ERR_OK) {
        out->n = 0; /* Checked when set; a damaged value counts as none. */
    }
    free(text);
    return rc;
}

static enum err
is_official(struct store *st, const char *kode, const char *kepala, bool *out)
{
    struct jabatan j;
    *out = false;
    if (kode == NULL || kode[0] == '\0') {
        return ERR_OK;
    }
    enum err rc = store_jabatan_get(st, kode, &j);
    if (rc == ERR_NOTFOUND) {
        *out = masa_tenang_is_official(JAB_PELAKSANA, kode, kepala);
        return ERR_OK;
    }
    if (rc == ERR_OK) {
        *out = masa_tenang_is_official(j.jenis, kode, kepala);
    }
    return rc;
}

enum err
tenang_officials(struct store *st, const struct tenang_move *moves,
                 size_t n_moves, bool *official)
{
    char *kepala = NULL;
    enum err rc = setting_text(st, "jabatan_kepala", &kepala);
    for (size_t i = 0; i < n_moves && rc == ERR_OK; i++) {
        bool from = false;
        bool to = false;
        rc = is_official(st, moves[i].jabatan_asal, kepala, &from);
        rc = rc == ERR_OK
                 ? is_official(st, moves[i].jabatan_tujuan, kepala, &to)
                 : rc;
        official[i] = from || to;
    }
    free(kepala);
    return rc;
}

/* "27 Mei 2029 s.d. 20 Februari 2030". */
static void
period_text(const struct masa_tenang *m, char *out, size_t len)
{
    char from[DATE_ID_LEN];
    char to[DATE_ID_LEN];
    date_format_id(m->dari, from);
    date_format_id(m->sampai, to);
    snprintf(out, len, "%s s.d. %s", from, to);
}

/* The refusal: the period and each official's move, in 'why'. */
static void
say_refused(const struct tenang_decision *d, const struct masa_tenang *m,
            const bool *official, char *why, size_t why_len)
{
    char day[DATE_ID_LEN];
    char span[64];
    date_format_id(d->day, day);
    period_text(m, span, sizeof(span));
    int w = snprintf(why, why_len,
                     "Keputusan pada %s jatuh di masa tenang %s (%s): "
                     "mengganti pejabat perlu persetujuan tertulis Menteri "
                     "Dalam Negeri (nomor, tanggal, berkas PDF). Coret "
                     "perpindahan pejabat berikut atau lampirkan "
                     "persetujuannya:",
                     day, m->label, span);
    size_t n = w > 0 ? (size_t)w : 0;
    for (size_t i = 0; i < d->n_moves && n < why_len; i++) {
        if (!official[i]) {
            continue;
        }
        const struct tenang_move *mv = &d->moves[i];
        w = snprintf(why + n, why_len - n, " %s (%s) %s -> %s;", mv->nip,
                     mv->nama ? mv->nama : "", mv->jabatan_asal,
                     mv->jabatan_tujuan);
        n += w > 0 ? (size_t)w : 0;
    }
    if (n > 0 && n < why_len && why[n - 1] == ';') {
        why[n - 1] = '.';
    }
}

/* The approval itself: a number, a date not after the decision, a PDF. */
static enum err
izin_ok(const struct tenang_decision *d, char *why, size_t why_len)
{
    const struct tenang_izin *z = d->izin;
    char day[DATE_ID_LEN];
    date_format_id(d->day, day);
    if (z->nomor == NULL || z->nomor[0] == '\0') {
        snprintf(why, why_len, "%s",
                 "Nomor persetujuan tertulis Menteri Dalam Negeri wajib "
                 "diisi.");
        return ERR_INVAL;
    }
    if (z->tanggal == DATE_NONE || z->tanggal > d->day) {
        snprintf(why, why_len,
                 "Tanggal persetujuan Menteri Dalam Negeri wajib diisi dan "
                 "tidak boleh sesudah hari keputusan (%s).",
                 day);
        return ERR_INVAL;
    }
    if (z->pdf == NULL || !request_pdf_ok(z->pdf, z->pdf_len)) {
        snprintf(why, why_len, "%s",
                 "Berkas persetujuan Menteri Dalam Negeri harus PDF.");
        return ERR_INVAL;
    }
    return ERR_OK;
}

/* The officials' moves of 'd' as {"pejabat": [...]} into 'out'. */
static enum err
officials_json(const struct tenang_decision *d, const bool *official,
               struct buf *out)
{
    struct json_obj *o = json_obj_create();
    json_obj_set_empty_array(o, "pejabat");
    for (size_t i = 0; i < d->n_moves; i++) {
        if (!official[i]) {
            continue;
        }
        const struct tenang_move *mv = &d->moves[i];
        struct json_obj *m = json_obj_create();
        json_obj_set_str(m, "nip", mv->nip);
        json_obj_set_str(m, "nama", mv->nama ? mv->nama : "");
        json_obj_set_str(m, "jabatan_asal", mv->jabatan_asal);
        json_obj_set_str(m, "jabatan_tujuan", mv->jabatan_tujuan);
        json_obj_set_str(m, "unit_asal", mv->unit_asal);
        json_obj_set_str(m, "unit_tujuan", mv->unit_tujuan);
        json_obj_push(o, "pejabat", m);
    }
    enum err rc = json_obj_format(o, out);
    json_obj_destroy(o);
    return rc;
}

static enum err
record(struct store *st, const struct tenang_decision *d,
       const struct masa_tenang *m, const bool *official)
{
    char from[DATE_STR_LEN];
    char to[DATE_STR_LEN];
    char day[DATE_STR_LEN];
    char tanggal[DATE_STR_LEN];
    char sha[65];
    date_format(m->dari, from);
    date_format(m->sampai, to);
    date_format(d->day, day);
    date_format(d->izin->tanggal, tanggal);
    auth_sha256_hex(d->izin->pdf, d->izin->pdf_len, sha);
    struct buf pejabat;
    struct buf after;
    buf_init(&pejabat, 0);
    buf_init(&after, 0);
    enum err rc = officials_json(d, official, &pejabat);
    struct store_izin z = {d->plan,      m->label,
                           from,         to,
                           day,          d->izin->nomor,
                           tanggal,      buf_str(&pejabat),
                           d->actor,     sha,
                           d->izin->pdf, d->izin->pdf_len};
    rc = rc == ERR_OK ? store_izin_add(st, &z) : rc;
    const char **nips = xcalloc(d->n_moves + 1, sizeof(char *));
    int n = 0;
    for (size_t i = 0; i < d->n_moves; i++) {
        if (official[i]) {
            nips[n++] = d->moves[i].nip;
        }
    }
    struct json_obj *a = json_obj_create();
    json_obj_set_str(a, "masa_tenang", m->label);
    json_obj_set_str(a, "nomor", d->izin->nomor);
    json_obj_set_str(a, "tanggal", tanggal);
    json_obj_set_str(a, "sha256", sha);
    json_obj_set_strs(a, "pejabat", nips, n);
    rc = rc == ERR_OK ? json_obj_format(a, &after) : rc;
    json_obj_destroy(a);
    free(nips);
    struct store_audit e = {d->actor,        "plan", d->plan,
                            "izin_mendagri", NULL,   buf_str(&after)};
    rc = rc == ERR_OK ? store_audit_add(st, &e) : rc;
    buf_cleanup(&pejabat);
    buf_cleanup(&after);
    return rc;
}

enum err
tenang_decide(struct store *st, const struct tenang_decision *d, bool *official,
              char *why, size_t why_len)
{
    struct masa_tenang_list *l = xmalloc(sizeof(*l));
    bool *flags = xcalloc(d->n_moves + 1, sizeof(bool));
    enum err rc = tenang_periods(st, l);
    const struct masa_tenang *m =
        rc == ERR_OK ? masa_tenang_covering(l, d->day) : NULL;
    rc = rc == ERR_OK && m != NULL
             ? tenang_officials(st, d->moves, d->n_moves, flags)
             : rc;
    bool any = false;
    for (size_t i = 0; i < d->n_moves && m != NULL; i++) {
        any = any || flags[i];
        if (official != NULL) {
            official[i] = flags[i];
        }
    }
    if (rc == ERR_OK && any && d->izin == NULL) {
        say_refused(d, m, flags, why, why_len);
        rc = ERR_INVAL;
    } else if (rc == ERR_OK && any) {
        rc = izin_ok(d, why, why_len);
        rc = rc == ERR_OK ? record(st, d, m, flags) : rc;
    }
    free(flags);
    free(l);
    return rc;
}

static void
period_json(struct json_obj *o, const char *key, const struct masa_tenang *m,
            int32_t today)
{
    char from[DATE_STR_LEN];
    char to[DATE_STR_LEN];
    date_format(m->dari, from);
    date_format(m->sampai, to);
    struct json_obj *p = json_obj_create();
    json_obj_set_str(p, "label", m->label);
    json_obj_set_str(p, "dari", from);
    json_obj_set_str(p, "sampai", to);
    json_obj_set_bool(p, "aktif", m->dari <= today && today <= m->sampai);
    if (key != NULL) {
        json_obj_set_obj(o, key, p);
    } else {
        json_obj_push(o, "semua", p);
    }
}

/* A move of 'm' still counts for the decision: agreed by the TPK (and
 * not struck by the PPK) once the TPK has spoken. */
static bool
move_counts(const struct saved_plan *sp, const struct saved_move *m)
{
    if (strcmp(sp->plan.status, "ditetapkan") == 0) {
        return strcmp(m->keputusan_ppk, "setuju") == 0;
    }
    if (strcmp(sp->plan.status, "dipertimbangkan") == 0) {
        return strcmp(m->keputusan_tpk, "setuju") == 0;
    }
    return true;
}

static enum err
plan_officials_json(struct store *st, const struct saved_plan *sp,
                    struct json_obj *o)
{
    struct tenang_move *mv = xcalloc(sp->n_moves + 1, sizeof(*mv));
    bool *flags = xcalloc(sp->n_moves + 1, sizeof(bool));
    for (size_t i = 0; i < sp->n_moves; i++) {
        const struct saved_move *m = &sp->moves[i];
        mv[i] = (struct tenang_move){m->nip,          m->nama,
                                     m->jabatan_asal, m->jabatan_tujuan,
                                     m->unit_asal,    m->unit_tujuan};
    }
    enum err rc = tenang_officials(st, mv, sp->n_moves, flags);
    json_obj_set_empty_array(o, "pejabat");
    for (size_t i = 0; i < sp->n_moves && rc == ERR_OK; i++) {
        if (!flags[i] || !move_counts(sp, &sp->moves[i])) {
            continue;
        }
        struct json_obj *p = json_obj_create();
        json_obj_set_str(p, "nip", mv[i].nip);
        json_obj_set_str(p, "nama", mv[i].nama);
        json_obj_set_str(p, "jabatan_asal", mv[i].jabatan_asal);
        json_obj_set_str(p, "jabatan_tujuan", mv[i].jabatan_tujuan);
        json_obj_push(o, "pejabat", p);
    }
    free(mv);
    free(flags);
    return rc;
}

static enum err
izin_json(struct store *st, const char *plan, struct json_obj *o)
{
    struct store_izin z;
    enum err rc = store_izin_get(st, plan, &z, NULL);
    if (rc == ERR_NOTFOUND) {
        json_obj_set_null(o, "izin");
        return ERR_OK;
    }
    if (rc == ERR_OK) {
        struct json_obj *i = json_obj_create();
        json_obj_set_str(i, "nomor", z.nomor);
        json_obj_set_str(i, "tanggal", z.tanggal);
        json_obj_set_str(i, "keputusan", z.keputusan);
        json_obj_set_str(i, "masa_tenang", z.masa_label);
        json_obj_set_str(i, "oleh", z.oleh);
        json_obj_set_str(i, "sha256", z.sha256);
        json_obj_set_obj(o, "izin", i);
    }
    store_izin_cleanup(&z);
    return rc;
}

enum err
tenang_json(struct store *st, const char *plan, struct json_obj *o)
{
    struct masa_tenang_list *l = xmalloc(sizeof(*l));
    int32_t today = date_today();
    char day[DATE_STR_LEN];
    date_format(today, day);
    enum err rc = tenang_periods(st, l);
    json_obj_set_str(o, "hari_ini", day);
    const struct masa_tenang *m =
        rc == ERR_OK ? masa_tenang_upcoming(l, today) : NULL;
    if (m != NULL) {
        period_json(o, "periode", m, today);
    } else {
        json_obj_set_null(o, "periode");
    }
    json_obj_set_empty_array(o, "semua");
    for (size_t i = 0; rc == ERR_OK && i < l->n; i++) {
        period_json(o, NULL, &l->items[i], today);
    }
    free(l);
    if (rc != ERR_OK || plan == NULL) {
        return rc;
    }
    struct saved_plan sp;
    rc = planning_saved_load(st, plan, &sp);
    rc = rc == ERR_OK ? plan_officials_json(st, &sp, o) : rc;
    rc = rc == ERR_OK ? izin_json(st, plan, o) : rc;
    planning_saved_cleanup(&sp);
    return rc;
}

/* ---- The report to the Ministry ------------------------------------ */

static const struct pdf_style title = {13, true, PDF_CENTER, 0, 0, 1};
static const struct pdf_style head = {11, true, PDF_CENTER, 0, 0, 4};
static const struct pdf_style body = {11, false, PDF_JUSTIFY, 0, 0, 2};
static const struct pdf_style left = {11, false, PDF_LEFT, 0, 0, 1};
static const struct pdf_style sign = {11, false, PDF_LEFT, 100, 0, 1};

struct report {
    struct store *st;
    const struct store_izin *z;
    const char *sk_nomor;
    char instansi[256];
    char daerah[256];
    char ppk[256];
    char ppk_nama[256];
};

/* "Jabatan\nUnit" of a move's side, with the names in force. */
static void
post_text(struct store *st, const char *jab, const char *unit, char *out,
          size_t len)
{
    struct jabatan j;
    struct unit u;
    char jn[256];
    snprintf(jn, sizeof(jn), "%s", jab);
    if (store_jabatan_get(st, jab, &j) == ERR_OK) {
        snprintf(jn, sizeof(jn), "%s", j.nama);
    }
    snprintf(out, len, "%s\n%s", jn, unit);
    if (store_unit_get(st, unit, &u) == ERR_OK) {
        snprintf(out, len, "%s\n%s", jn, u.nama);
    }
}

static void
officials_table(struct pdf *p, struct store *st, const char *pejabat)
{
    static const char *const headers[] = {"No.", "Nama / NIP",
                                          "Jabatan dan unit kerja lama",
                                          "Jabatan dan unit kerja baru"};
    static const double widths[] = {10, 50, 55, 55};
    struct json_obj *o = NULL;
    if (json_obj_parse(pejabat, &o) != ERR_OK) {
        return;
    }
    size_t n = json_obj_len(o, "pejabat");
    char **cells = xcalloc(n * 4 + 1, sizeof(char *));
    for (size_t i = 0; i < n; i++) {
        struct json_obj *m = json_obj_item(o, "pejabat", i);
        char f[6][256] = {"", "", "", "", "", ""};
        static const char *const keys[] = {
            "nip",       "nama",           "jabatan_asal",
            "unit_asal", "jabatan_tujuan", "unit_tujuan"};
        for (int k = 0; k < 6 && m != NULL; k++) {
            json_obj_text(m, keys[k], f[k], sizeof(f[k]));
        }
        json_obj_destroy(m);
        char text[600];
        snprintf(text, sizeof(text), "%zu", i + 1);
        cells[i * 4] = xstrdup(text);
        snprintf(text, sizeof(text), "%s\nNIP %s", f[1], f[0]);
        cells[i * 4 + 1] = xstrdup(text);
        post_text(st, f[2], f[3], text, sizeof(text));
        cells[i * 4 + 2] = xstrdup(text);
        post_text(st, f[4], f[5], text, sizeof(text));
        cells[i * 4 + 3] = xstrdup(text);
    }
    pdf_table(p, headers, widths, 4, (const char *const *)cells, (int)n);
    for (size_t i = 0; i < n * 4; i++) {
        free(cells[i]);
    }
    free(cells);
    json_obj_destroy(o);
}

/* The text of 'iso' (YYYY-MM-DD) as prose writes it. */
static void
day_text(const char *iso, char *out, size_t len)
{
    int32_t d = DATE_NONE;
    snprintf(out, len, "%s", iso);
    if (date_parse(iso, strlen(iso), &d) == ERR_OK) {
        sk_date_text(d, out, len);
    }
}

static void
report_facts(struct pdf *p, const struct report *r)
{
    const struct store_izin *z = r->z;
    char from[64];
    char to[64];
    char day[64];
    char izin[64];
    char due[64];
    char line[1024];
    int32_t d = DATE_NONE;
    day_text(z->masa_dari, from, sizeof(from));
    day_text(z->masa_sampai, to, sizeof(to));
    day_text(z->keputusan, day, sizeof(day));
    day_text(z->tanggal, izin, sizeof(izin));
    snprintf(due, sizeof(due), "-");
    if (date_parse(z->keputusan, strlen(z->keputusan), &d) == ERR_OK) {
        sk_date_text(masa_tenang_due(d, MASA_TENANG_LAPOR_HARI), due,
                     sizeof(due));
    }
    snprintf(line, sizeof(line), "%s (%s s.d. %s)", z->masa_label, from, to);
    pdf_labeled(p, "Masa tenang", 45, line);
    snprintf(line, sizeof(line), "Nomor %s tanggal %s (%s)", r->sk_nomor, day,
             z->plan);
    pdf_labeled(p, "Keputusan", 45, line);
    snprintf(line, sizeof(line), "Nomor %s tanggal %s", z->nomor, izin);
    pdf_labeled(p, "Persetujuan Mendagri", 45, line);
    snprintf(line, sizeof(line),
             "%s (%d hari kerja Senin-Jumat; hari libur nasional tidak "
             "dihitung)",
             due, MASA_TENANG_LAPOR_HARI);
    pdf_labeled(p, "Batas laporan", 45, line);
    pdf_space(p, 3);
}

static enum err
draw_report(void *ctx, FILE *f, bool salinan)
{
    const struct report *r = ctx;
    struct pdf *p = NULL;
    char line[1024];
    enum err rc = pdf_create(f, &p);
    if (rc != ERR_OK) {
        return rc;
    }
    pdf_set_date(p, r->z->keputusan);
    if (salinan) {
        pdf_par(p, &title, "SALINAN");
    }
    pdf_par(p, &title, r->instansi);
    pdf_par(p, &title, "LAPORAN PENGGANTIAN PEJABAT DALAM MASA TENANG");
    pdf_par(p, &head, "PEMILIHAN KEPALA DAERAH");
    pdf_par(p, &left, "Kepada Yth.");
    pdf_par(p, &left, "Menteri Dalam Negeri Republik Indonesia");
    pdf_par(p, &left, "di Jakarta");
    pdf_space(p, 4);
    snprintf(line, sizeof(line),
             "Memenuhi Pasal 71 ayat (2) dan Pasal 162 ayat (3) Undang-Undang "
             "Nomor 10 Tahun 2016, bersama ini kami laporkan penggantian "
             "pejabat di lingkungan %s yang ditetapkan dalam masa tenang "
             "dengan persetujuan tertulis Menteri Dalam Negeri, sebagai "
             "berikut.",
             r->daerah);
    pdf_par(p, &body, line);
    report_facts(p, r);
    officials_table(p, r->st, r->z->pejabat);
    pdf_space(p, 6);
    pdf_par(p, &body,
            "Demikian laporan ini kami sampaikan. Salinan keputusan dan "
            "persetujuan tertulis Menteri Dalam Negeri terlampir.");
    pdf_need(p, 40);
    pdf_par(p, &sign, r->ppk);
    pdf_space(p, 20);
    pdf_par(p, &sign, r->ppk_nama);
    return pdf_close(p);
}

static void
report_settings(struct store *st, struct report *r)
{
    static const char *const keys[] = {"sk_instansi", "sk_daerah",
                                       "sk_jabatan_ppk", "sk_nama_walikota"};
    char *dst[] = {r->instansi, r->daerah, r->ppk, r->ppk_nama};
    for (int i = 0; i < 4; i++) {
        char *v = NULL;
        if (setting_text(st, keys[i], &v) != ERR_OK) {
            v = xstrdup(settings_find(keys[i])->dflt);
        }
        snprintf(dst[i], 256, "%s", v);
        free(v);
    }
}

enum err
tenang_report_write(struct store *st, const char *plan, const char *actor,
                    FILE *f, char *why, size_t why_len)
{
    struct store_izin z;
    struct store_plan sp;
    memset(&sp, 0, sizeof(sp));
    enum err rc = store_izin_get(st, plan, &z, NULL);
    if (rc == ERR_NOTFOUND) {
        snprintf(why, why_len,
                 "keputusan %s tidak mengganti pejabat dalam masa tenang; "
                 "tidak ada laporan kepada Menteri Dalam Negeri",
                 plan);
    }
    rc = rc == ERR_OK ? store_plan_get(st, plan, &sp) : rc;
    if (rc == ERR_OK) {
        struct report *r = xcalloc(1, sizeof(*r));
        r->st = st;
        r->z = &z;
        r->sk_nomor = sp.sk_nomor ? sp.sk_nomor : "-";
        report_settings(st, r);
        struct docreg_doc doc = {"laporan_mendagri", plan,        NULL,
                                 r->sk_nomor,        z.keputusan, actor};
        rc = docreg_issue(st, &doc, draw_report, r, f);
        free(r);
    }
    store_plan_cleanup(&sp);
    store_izin_cleanup(&z);
    return rc;
}
