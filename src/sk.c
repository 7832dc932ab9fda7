/* SPDX-License-Identifier: MIT */
/* sk: decrees as PDF (service layer), laid out as a Keputusan Wali Kota
 * is written (domain.md section 5): the head with the emblem, Menimbang
 * and Mengingat as lists, MEMUTUSKAN and the numbered diktums, the
 * signatory, Tembusan, and the Lampiran with its own heading. What varies
 * by office is in the settings (sk_*, st_nomor). Every print goes through
 * the register (docreg.h). */
#include "sk.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "date.h"
#include "docreg.h"
#include "mem.h"
#include "model.h"
#include "pdf.h"
#include "planning.h"
#include "settings.h"
#include "store.h"

void
sk_date_text(int day, char *out, size_t len)
{
    char text[DATE_ID_LEN];
    date_format_id(day, text);
    snprintf(out, len, "%s", text);
}

/* The settings a decree reads. */
struct sk_texts {
    char instansi[256];
    char ppk[256];
    char provinsi[256];
    char daerah[128];
    char kanreg[256];
    char tempat[128];
    char signer[16];
    char walikota[256];
    char sekda[256];
    char nip_sekda[64];
    char pangkat_sekda[128];
    char pengesah_jabatan[256];
    char pengesah_nama[256];
    char pengesah_pangkat[128];
    char pengesah_nip[64];
    char *mengingat;        /* Owned; items on lines. */
    char *tembusan;         /* Owned; items on lines. */
    unsigned char *lambang; /* The emblem's PNG bytes; NULL when none. */
    size_t lambang_len;
};

/* The value of setting 'key' in force; the caller frees it. */
static char *
setting_dup(struct store *st, const char *key)
{
    char *v = NULL;
    if (store_setting_get(st, key, &v) != ERR_OK) {
        const struct setting_def *d = settings_find(key);
        v = xstrdup(d ? d->dflt : "");
    }
    return v;
}

static void
setting(struct store *st, const char *key, char *out, size_t len)
{
    char *v = setting_dup(st, key);
    snprintf(out, len, "%s", v);
    free(v);
}

static void
texts_load(struct store *st, struct sk_texts *t)
{
    memset(t, 0, sizeof(*t));
    setting(st, "sk_instansi", t->instansi, sizeof(t->instansi));
    setting(st, "sk_jabatan_ppk", t->ppk, sizeof(t->ppk));
    setting(st, "sk_provinsi", t->provinsi, sizeof(t->provinsi));
    setting(st, "sk_daerah", t->daerah, sizeof(t->daerah));
    setting(st, "sk_kanreg", t->kanreg, sizeof(t->kanreg));
    setting(st, "sk_tempat", t->tempat, sizeof(t->tempat));
    setting(st, "sk_penandatangan", t->signer, sizeof(t->signer));
    setting(st, "sk_nama_walikota", t->walikota, sizeof(t->walikota));
    setting(st, "sk_nama_sekda", t->sekda, sizeof(t->sekda));
    setting(st, "sk_nip_sekda", t->nip_sekda, sizeof(t->nip_sekda));
    setting(st, "sk_pangkat_sekda", t->pangkat_sekda, sizeof(t->pangkat_sekda));
    setting(st, "sk_pengesah_jabatan", t->pengesah_jabatan,
            sizeof(t->pengesah_jabatan));
    setting(st, "sk_pengesah_nama", t->pengesah_nama, sizeof(t->pengesah_nama));
    setting(st, "sk_pengesah_pangkat", t->pengesah_pangkat,
            sizeof(t->pengesah_pangkat));
    setting(st, "sk_pengesah_nip", t->pengesah_nip, sizeof(t->pengesah_nip));
    t->mengingat = setting_dup(st, "sk_mengingat");
    t->tembusan = setting_dup(st, "sk_tembusan");
    char *b64 = setting_dup(st, "sk_lambang");
    if (b64[0] != '\0' &&
        auth_base64_decode(b64, &t->lambang, &t->lambang_len) != ERR_OK) {
        t->lambang = NULL; /* Checked when set; a damaged one is left out. */
        t->lambang_len = 0;
    }
    free(b64);
}

static void
texts_cleanup(struct sk_texts *t)
{
    free(t->mengingat);
    free(t->tembusan);
    free(t->lambang);
}

static const struct pdf_style head = {12, true, PDF_CENTER, 0, 0, 0};
static const struct pdf_style title = {11, true, PDF_CENTER, 0, 0, 0};
static const struct pdf_style mark = {14, true, PDF_CENTER, 0, 0, 2};

static void
letterhead(struct pdf *p, const struct sk_texts *t, bool salinan)
{
    if (salinan) {
        pdf_par(p, &mark, "SALINAN");
    }
    if (t->lambang != NULL) {
        pdf_image(p, t->lambang, t->lambang_len, 22);
    }
    pdf_par(p, &head, t->ppk);
    pdf_par(p, &head, t->provinsi);
    pdf_space(p, 5);
}

/* The subject of the decree, in capitals. */
static void
subject(const struct sk_texts *t, bool jabatan_only, char *out, size_t len)
{
    snprintf(out, len,
             jabatan_only ? "PEMINDAHAN DAN PENGANGKATAN DALAM JABATAN "
                            "PEGAWAI NEGERI SIPIL DI LINGKUNGAN %s"
                          : "PEMINDAHAN DAN PENEMPATAN PEGAWAI NEGERI SIPIL "
                            "DI LINGKUNGAN %s",
             t->instansi);
}

/* The people and places of one move. */
struct move_text {
    const struct saved_move *m;
    char pangkat[96];
    char jabatan_lama[256];
    char jabatan_baru[256];
    char unit_lama[600];
    char unit_baru[600];
    char opd_lama[300]; /* The OPD (child of the root) of each end. */
    char opd_baru[300];
    char sampai[64]; /* Temporary until, or "". */
    bool ganti_jabatan;
};

static void
jabatan_name(struct store *st, const char *kode, char *out, size_t len)
{
    struct jabatan j;
    snprintf(out, len, "%s", kode);
    if (store_jabatan_get(st, kode, &j) == ERR_OK) {
        snprintf(out, len, "%s", j.nama);
    }
}

/* Unit 'kode' named with its parent unless the parent is the root, and
 * the OPD it belongs to (the unit on its path just below the root). */
static void
unit_names(struct store *st, const char *kode, char *title_out, char *opd_out,
           size_t len)
{
    struct unit u;
    char nama[256];
    char parent[256] = "";
    char at[65];
    snprintf(title_out, len, "%s", kode);
    snprintf(opd_out, len, "%s", kode);
    if (store_unit_get(st, kode, &u) != ERR_OK) {
        return;
    }
    snprintf(nama, sizeof(nama), "%s", u.nama);
    snprintf(opd_out, len, "%s", u.nama);
    snprintf(at, sizeof(at), "%s", u.induk ? u.induk : "");
    bool root_parent = true;
    for (int depth = 0; at[0] != '\0' && depth < 64; depth++) {
        if (store_unit_get(st, at, &u) != ERR_OK) {
            break;
        }
        if (u.induk == NULL) {
            break; /* 'at' is the root. */
        }
        if (depth == 0) {
            snprintf(parent, sizeof(parent), "%s", u.nama);
            root_parent = false;
        }
        snprintf(opd_out, len, "%s", u.nama);
        snprintf(at, sizeof(at), "%s", u.induk);
    }
    model_unit_title(nama, root_parent ? NULL : parent, title_out, len);
}

static void
move_text(struct store *st, const struct saved_move *m, struct move_text *t)
{
    memset(t, 0, sizeof(*t));
    t->m = m;
    if (m->sementara_sampai[0] != '\0') {
        int32_t d = 0;
        if (date_parse(m->sementara_sampai, strlen(m->sementara_sampai), &d) ==
            ERR_OK) {
            sk_date_text(d, t->sampai, sizeof(t->sampai));
        }
    }
    t->ganti_jabatan = strcmp(m->jabatan_asal, m->jabatan_tujuan) != 0;
    jabatan_name(st, m->jabatan_asal, t->jabatan_lama, sizeof(t->jabatan_lama));
    jabatan_name(st, m->jabatan_tujuan, t->jabatan_baru,
                 sizeof(t->jabatan_baru));
    unit_names(st, m->unit_asal, t->unit_lama, t->opd_lama,
               sizeof(t->unit_lama));
    unit_names(st, m->unit_tujuan, t->unit_baru, t->opd_baru,
               sizeof(t->unit_baru));
    struct pegawai p;
    snprintf(t->pangkat, sizeof(t->pangkat), "-");
    if (store_pegawai_get(st, m->nip, &p) == ERR_OK) {
        model_pangkat_text(p.golongan, t->pangkat, sizeof(t->pangkat));
    }
}

static const char *
keterangan(const struct move_text *t)
{
    if (t->ganti_jabatan) {
        return "mutasi jabatan";
    }
    return t->m->aps ? "atas permintaan sendiri" : "penugasan";
}

bool
sk_move_decided(const struct saved_plan *sp, const struct saved_move *m)
{
    for (size_t i = 0; i < sp->n_moves; i++) {
        if (sp->moves[i].keputusan_ppk[0] != '\0') {
            return strcmp(m->keputusan_ppk, "setuju") == 0;
        }
    }
    return true;
}

static void
signature(struct pdf *p, const struct sk_texts *t, const char *verb,
          const char *tanggal)
{
    struct pdf_style s = {11, false, PDF_LEFT, 85, 0, 0};
    char line[400];
    pdf_space(p, 6);
    pdf_need(p, 55); /* The signature block is never split. */
    snprintf(line, sizeof(line), "%s di %s", verb, t->tempat);
    pdf_par(p, &s, line);
    snprintf(line, sizeof(line), "pada tanggal %s", tanggal);
    pdf_par(p, &s, line);
    pdf_space(p, 4);
    bool sekda = strcmp(t->signer, "sekda") == 0;
    if (sekda) {
        snprintf(line, sizeof(line), "a.n. %s", t->ppk);
        pdf_par(p, &s, line);
        pdf_par(p, &s, "SEKRETARIS DAERAH,");
    } else {
        snprintf(line, sizeof(line), "%s,", t->ppk);
        pdf_par(p, &s, line);
    }
    pdf_space(p, 20);
    pdf_par(p, &s, sekda ? t->sekda : t->walikota);
    if (sekda) {
        pdf_par(p, &s, t->pangkat_sekda);
        snprintf(line, sizeof(line), "NIP %s", t->nip_sekda);
        pdf_par(p, &s, line);
    }
}

/* The items of a newline-separated setting, numbered, beside 'label'. */
static void
numbered(struct pdf *p, const char *label, double label_mm, const char *list,
         const char *kanreg)
{
    int n = 0;
    for (const char *q = list; *q != '\0';) {
        size_t k = strcspn(q, "\n");
        char item[2048];
        char num[16];
        snprintf(item, sizeof(item), "%.*s", (int)k, q);
        char *at = strstr(item, "{kanreg}");
        if (at != NULL && kanreg != NULL) {
            char rest[2048];
            snprintf(rest, sizeof(rest), "%s", at + 8);
            snprintf(at, sizeof(item) - (size_t)(at - item), "%s%s", kanreg,
                     rest);
        }
        snprintf(num, sizeof(num), "%d.", ++n);
        if (label_mm > 0) {
            pdf_item(p, n == 1 ? label : "", label_mm, num, item);
        } else {
            struct pdf_style s = {10, false, PDF_LEFT, 6, 6, 0};
            char line[2100];
            snprintf(line, sizeof(line), "%s %s", num, item);
            pdf_par(p, &s, line);
        }
        q += k + (q[k] == '\n');
    }
}

static void
tembusan(struct pdf *p, const struct sk_texts *t, const char *list)
{
    struct pdf_style s = {10, false, PDF_LEFT, 0, 0, 0};
    pdf_space(p, 8);
    pdf_par(p, &s, "Tembusan disampaikan kepada Yth.:");
    numbered(p, "", 0, list, t->kanreg);
}

struct plan_facts {
    char nomor[128];
    char tmt[64];
    char ditetapkan[64];
    char ditetapkan_iso[DATE_STR_LEN];
    char as_of[64];
    char ba_nomor[128];
    char ba_tanggal[64];
    char pertimbangan[1024]; /* A single request's TPK note; else "". */
    bool single;
};

/* Menimbang a/b/c. */
static void
menimbang(struct pdf *p, const struct sk_texts *t, const struct plan_facts *x)
{
    char b[2048];
    pdf_item(p, "Menimbang", 26, "a.",
             "bahwa berdasarkan analisis beban kerja, terdapat kebutuhan "
             "pegawai pada unit kerja yang kekurangan dan kelebihan pegawai, "
             "sehingga untuk pemerataan dan keseimbangan beban kerja "
             "dipandang perlu memindahkan dan menempatkan Pegawai Negeri "
             "Sipil;");
    if (x->single) {
        snprintf(b, sizeof(b),
                 "bahwa Tim Penilai Kinerja Pegawai Negeri Sipil %s telah "
                 "memberikan pertimbangan atas permohonan pindah Pegawai "
                 "Negeri Sipil yang bersangkutan%s%s%s%s;",
                 t->daerah, x->ba_tanggal[0] ? " pada tanggal " : "",
                 x->ba_tanggal, x->pertimbangan[0] ? ": " : "",
                 x->pertimbangan);
    } else {
        snprintf(b, sizeof(b),
                 "bahwa Tim Penilai Kinerja Pegawai Negeri Sipil %s telah "
                 "memberikan pertimbangan sebagaimana tercantum dalam Berita "
                 "Acara Sidang Tim Penilai Kinerja Nomor %s tanggal %s;",
                 t->daerah, x->ba_nomor[0] ? x->ba_nomor : "-",
                 x->ba_tanggal[0] ? x->ba_tanggal : "-");
    }
    pdf_item(p, "", 26, "b.", b);
    snprintf(b, sizeof(b),
             "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf "
             "a dan huruf b, perlu menetapkan Keputusan %s;",
             t->ppk);
    pdf_item(p, "", 26, "c.", b);
}

/* From the head down to "MEMUTUSKAN: Menetapkan: ...". 'petikan' writes
 * "dst." for Menimbang and Mengingat, as a Petikan does. */
static void
preamble(struct pdf *p, const struct sk_texts *t, const struct plan_facts *x,
         bool jabatan_only, bool petikan)
{
    char line[1024];
    char subj[512];
    subject(t, jabatan_only, subj, sizeof(subj));
    if (petikan) {
        pdf_par(p, &title, "PETIKAN");
    }
    snprintf(line, sizeof(line), "KEPUTUSAN %s", t->ppk);
    pdf_par(p, &title, line);
    snprintf(line, sizeof(line), "NOMOR %s", x->nomor);
    pdf_par(p, &title, line);
    pdf_space(p, 2);
    pdf_par(p, &title, "TENTANG");
    pdf_par(p, &title, subj);
    pdf_space(p, 4);
    snprintf(line, sizeof(line), "%s,", t->ppk);
    pdf_par(p, &title, line);
    pdf_space(p, 4);
    if (petikan) {
        pdf_labeled(p, "Menimbang", 26, "dst.");
        pdf_labeled(p, "Mengingat", 26, "dst.");
    } else {
        menimbang(p, t, x);
        numbered(p, "Mengingat", 26, t->mengingat, NULL);
    }
    pdf_space(p, 2);
    pdf_par(p, &title, "MEMUTUSKAN:");
    pdf_space(p, 2);
    snprintf(line, sizeof(line), "KEPUTUSAN %s TENTANG %s.", t->ppk, subj);
    pdf_labeled(p, "Menetapkan", 26, line);
}

static const char *const ordinals[] = {"KESATU",  "KEDUA",    "KETIGA",
                                       "KEEMPAT", "KELIMA",   "KEENAM",
                                       "KETUJUH", "KEDELAPAN"};

/* The closing diktums from 'k' on; returns the next number. */
static int
closing(struct pdf *p, const struct sk_texts *t, int k)
{
    char line[512];
    snprintf(line, sizeof(line),
             "Segala biaya yang timbul sebagai akibat ditetapkannya Keputusan "
             "ini dibebankan pada Anggaran Pendapatan dan Belanja Daerah "
             "(APBD) %s.",
             t->daerah);
    pdf_labeled(p, ordinals[k++], 26, line);
    pdf_labeled(p, ordinals[k++], 26,
                "Apabila di kemudian hari ternyata terdapat kekeliruan dalam "
                "Keputusan ini, akan diadakan perbaikan sebagaimana "
                "mestinya.");
    pdf_labeled(p, ordinals[k++], 26,
                "Keputusan ini mulai berlaku pada tanggal ditetapkan.");
    return k;
}

/* The moves of the decree: permanent, kept by the PPK, one list for the
 * same jabatan (Lampiran I) and one for a change of jabatan (II). */
struct lists {
    struct move_text *same;
    size_t n_same;
    struct move_text *change;
    size_t n_change;
};

static void
lists_of(struct store *st, const struct saved_plan *sp, struct lists *l)
{
    l->same = xcalloc(sp->n_moves + 1, sizeof(*l->same));
    l->change = xcalloc(sp->n_moves + 1, sizeof(*l->change));
    l->n_same = 0;
    l->n_change = 0;
    for (size_t i = 0; i < sp->n_moves; i++) {
        const struct saved_move *m = &sp->moves[i];
        if (!sk_move_decided(sp, m) || m->sementara_sampai[0] != '\0') {
            continue; /* Refused, struck, or a surat tugas. */
        }
        bool change = strcmp(m->jabatan_asal, m->jabatan_tujuan) != 0;
        move_text(st, m,
                  change ? &l->change[l->n_change++] : &l->same[l->n_same++]);
    }
}

static const char *
roman(const struct lists *l, bool change)
{
    if (l->n_same == 0 || l->n_change == 0) {
        return "";
    }
    return change ? " II" : " I";
}

static void
lampiran(struct pdf *p, const struct sk_texts *t, const struct plan_facts *x,
         const struct move_text *rows, size_t n, const char *num,
         bool jabatan_only)
{
    struct pdf_style h = {10, false, PDF_LEFT, 70, 0, 0};
    char line[1024];
    char subj[512];
    subject(t, jabatan_only, subj, sizeof(subj));
    pdf_new_page(p);
    snprintf(line, sizeof(line), "LAMPIRAN%s KEPUTUSAN %s", num, t->ppk);
    pdf_par(p, &h, line);
    snprintf(line, sizeof(line), "NOMOR %s", x->nomor);
    pdf_par(p, &h, line);
    snprintf(line, sizeof(line), "TANGGAL %s", x->ditetapkan);
    pdf_par(p, &h, line);
    snprintf(line, sizeof(line), "TENTANG %s", subj);
    pdf_par(p, &h, line);
    pdf_space(p, 5);
    char **cells = xcalloc(n * 6 + 1, sizeof(char *));
    for (size_t r = 0; r < n; r++) {
        const struct move_text *mt = &rows[r];
        char **c = cells + r * 6;
        char buf[1400];
        snprintf(buf, sizeof(buf), "%zu", r + 1);
        c[0] = xstrdup(buf);
        snprintf(buf, sizeof(buf), "%s\n%s", mt->m->nama, mt->m->nip);
        c[1] = xstrdup(buf);
        c[2] = xstrdup(mt->pangkat);
        snprintf(buf, sizeof(buf), "%s\n%s", mt->jabatan_lama, mt->unit_lama);
        c[3] = xstrdup(buf);
        snprintf(buf, sizeof(buf), "%s\n%s", mt->jabatan_baru, mt->unit_baru);
        c[4] = xstrdup(buf);
        c[5] = xstrdup(keterangan(mt));
    }
    static const char *const headers[] = {"No",
                                          "Nama / NIP",
                                          "Pangkat / Gol. ruang",
                                          "Jabatan dan unit kerja lama",
                                          "Jabatan dan unit kerja baru",
                                          "Keterangan"};
    static const double widths[] = {8, 36, 28, 31, 31, 26};
    pdf_table(p, headers, widths, 6, (const char *const *)cells, (int)n);
    for (size_t i = 0; i < n * 6; i++) {
        free(cells[i]);
    }
    free(cells);
    signature(p, t, "Ditetapkan", x->ditetapkan);
}

/* The diktum that moves the employees of one Lampiran. */
static void
diktum_moves(struct pdf *p, const char *name, const struct plan_facts *x,
             bool change, const char *num)
{
    char line[1024];
    snprintf(line, sizeof(line),
             "Terhitung mulai tanggal %s, %s Pegawai Negeri Sipil yang nama, "
             "NIP, pangkat/golongan ruang, serta jabatan dan unit kerja lama "
             "dan barunya tercantum dalam Lampiran%s Keputusan ini%s.",
             x->tmt,
             change ? "memindahkan dan mengangkat dalam jabatan"
                    : "memindahkan dan menempatkan",
             num, change ? " (pemindahan dan pengangkatan dalam jabatan)" : "");
    pdf_labeled(p, name, 26, line);
}

struct sk_draw {
    struct store *st;
    const struct saved_plan *sp;
    const struct sk_texts *t;
    const struct plan_facts *x;
    const struct lists *l;
    const struct move_text *one; /* A Petikan or surat tugas; else NULL. */
    const char *st_nomor;        /* The surat tugas' number. */
};

static enum err
draw_batch(void *ctx, FILE *f, bool salinan)
{
    const struct sk_draw *d = ctx;
    const struct lists *l = d->l;
    struct pdf *p = NULL;
    enum err rc = pdf_create(f, &p);
    if (rc != ERR_OK) {
        return rc;
    }
    pdf_set_date(p, d->x->ditetapkan_iso);
    bool jabatan_only = l->n_same == 0 && l->n_change > 0;
    letterhead(p, d->t, salinan);
    preamble(p, d->t, d->x, jabatan_only, false);
    int k = 0;
    if (l->n_same > 0 || l->n_change == 0) {
        diktum_moves(p, ordinals[k++], d->x, false, roman(l, false));
    }
    if (l->n_change > 0) {
        diktum_moves(p, ordinals[k++], d->x, true, roman(l, true));
    }
    closing(p, d->t, k);
    signature(p, d->t, "Ditetapkan", d->x->ditetapkan);
    tembusan(p, d->t, d->t->tembusan);
    if (l->n_same > 0 || l->n_change == 0) {
        lampiran(p, d->t, d->x, l->same, l->n_same, roman(l, false),
                 jabatan_only);
    }
    if (l->n_change > 0) {
        lampiran(p, d->t, d->x, l->change, l->n_change, roman(l, true),
                 jabatan_only);
    }
    return pdf_close(p);
}

/* One employee's Petikan: the decree's parts that concern them. */

/* The title of the head of OPD 'name' as a Tembusan addresses them: a
 * kecamatan's head is its Camat, a kelurahan's its Lurah, the
 * Secretariat's the Sekretaris Daerah, the Inspectorate's the Inspektur,
 * a hospital's its Direktur; any other OPD's its Kepala. */
static void
head_of(const char *name, char *out, size_t len)
{
    static const struct {
        const char *prefix;
        const char *title;
        bool keep; /* The prefix stays in the name ("Direktur RSUD X"). */
    } heads[] = {
        {"Kecamatan ", "Camat ", false},
        {"Kelurahan ", "Lurah ", false},
        {"Sekretariat Daerah", "Sekretaris Daerah", false},
        {"Sekretariat DPRD", "Sekretaris DPRD", false},
        {"Inspektorat", "Inspektur", false},
        {"RSUD", "Direktur ", true},
        {"Rumah Sakit", "Direktur ", true},
    };
    for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
        size_t n = strlen(heads[i].prefix);
        if (strncmp(name, heads[i].prefix, n) == 0) {
            snprintf(out, len, "%s%s", heads[i].title,
                     heads[i].keep ? name : name + n);
            return;
        }
    }
    snprintf(out, len, "Kepala %s", name);
}

static enum err
draw_petikan(void *ctx, FILE *f, bool salinan)
{
    const struct sk_draw *d = ctx;
    const struct move_text *mt = d->one;
    const struct sk_texts *t = d->t;
    struct pdf *p = NULL;
    char line[3000];
    enum err rc = pdf_create(f, &p);
    if (rc != ERR_OK) {
        return rc;
    }
    pdf_set_date(p, d->x->ditetapkan_iso);
    letterhead(p, t, salinan);
    /* The decree's own title and diktum: a change of jabatan is the
     * second diktum when the decree also moves staff in their jabatan. */
    const struct lists *l = d->l;
    bool jabatan_only = l->n_same == 0 && l->n_change > 0;
    int k = mt->ganti_jabatan && l->n_same > 0 ? 1 : 0;
    preamble(p, t, d->x, jabatan_only, true);
    if (k == 1) {
        pdf_labeled(p, ordinals[0], 26, "dst.");
    }
    snprintf(line, sizeof(line),
             "Terhitung mulai tanggal %s, %s Pegawai Negeri Sipil: nama %s, "
             "NIP %s, pangkat/golongan ruang %s, dari jabatan %s pada %s ke "
             "jabatan %s pada %s (%s).",
             d->x->tmt,
             mt->ganti_jabatan ? "memindahkan dan mengangkat dalam jabatan"
                               : "memindahkan dan menempatkan",
             mt->m->nama, mt->m->nip, mt->pangkat, mt->jabatan_lama,
             mt->unit_lama, mt->jabatan_baru, mt->unit_baru, keterangan(mt));
    pdf_labeled(p, ordinals[k], 26, line);
    pdf_labeled(p, ordinals[k + 1], 26, "dst.");
    pdf_labeled(p, ordinals[k + 2], 26,
                "Petikan Keputusan ini diberikan kepada yang bersangkutan "
                "untuk diketahui dan dipergunakan sebagaimana mestinya.");
    signature(p, t, "Ditetapkan", d->x->ditetapkan);
    struct pdf_style s = {10, false, PDF_LEFT, 0, 0, 0};
    pdf_space(p, 6);
    pdf_par(p, &s, "Kepada Yth.");
    snprintf(line, sizeof(line), "Saudara %s, NIP %s", mt->m->nama, mt->m->nip);
    pdf_par(p, &s, line);
    pdf_par(p, &s, "di tempat");
    char head_lama[340];
    char head_baru[340];
    head_of(mt->opd_lama, head_lama, sizeof(head_lama));
    head_of(mt->opd_baru, head_baru, sizeof(head_baru));
    snprintf(line, sizeof(line), "%s;\n%s;\nKepala Badan Keuangan Daerah %s.",
             head_lama, head_baru, t->daerah);
    if (strcmp(mt->opd_lama, mt->opd_baru) == 0) {
        snprintf(line, sizeof(line), "%s;\nKepala Badan Keuangan Daerah %s.",
                 head_lama, t->daerah);
    }
    tembusan(p, t, line);
    struct pdf_style c = {10, false, PDF_LEFT, 85, 0, 0};
    pdf_space(p, 6);
    pdf_need(p, 50); /* The certification is never split. */
    pdf_par(p, &c, "Salinan sesuai dengan aslinya");
    snprintf(line, sizeof(line), "%s,", t->pengesah_jabatan);
    pdf_par(p, &c, line);
    pdf_space(p, 16);
    pdf_par(p, &c, t->pengesah_nama);
    pdf_par(p, &c, t->pengesah_pangkat);
    snprintf(line, sizeof(line), "NIP %s", t->pengesah_nip);
    pdf_par(p, &c, line);
    return pdf_close(p);
}

/* The surat tugas of a temporary surge move: its own number, Dasar,
 * MENUGASKAN, Kepada and Untuk. The assignment starts when it is
 * decided. */
static enum err
draw_tugas(void *ctx, FILE *f, bool salinan)
{
    const struct sk_draw *d = ctx;
    const struct move_text *mt = d->one;
    const struct sk_texts *t = d->t;
    const struct plan_facts *x = d->x;
    struct pdf *p = NULL;
    char line[2048];
    enum err rc = pdf_create(f, &p);
    if (rc != ERR_OK) {
        return rc;
    }
    pdf_set_date(p, x->ditetapkan_iso);
    letterhead(p, t, salinan);
    pdf_par(p, &title, "SURAT TUGAS");
    snprintf(line, sizeof(line), "NOMOR %s", d->st_nomor);
    pdf_par(p, &title, line);
    pdf_space(p, 5);
    snprintf(line, sizeof(line),
             "Analisis beban kerja per %s: lonjakan beban kerja sementara "
             "pada %s sampai dengan tanggal %s;",
             x->as_of, mt->unit_baru, mt->sampai);
    pdf_item(p, "Dasar", 26, "1.", line);
    snprintf(line, sizeof(line),
             "Berita Acara Sidang Tim Penilai Kinerja Nomor %s tanggal %s;",
             x->ba_nomor[0] ? x->ba_nomor : "-",
             x->ba_tanggal[0] ? x->ba_tanggal : "-");
    pdf_item(p, "", 26, "2.", line);
    snprintf(line, sizeof(line),
             "Keputusan %s Nomor %s tanggal %s atas rencana mutasi %s.", t->ppk,
             x->nomor, x->ditetapkan, d->sp->plan.nama);
    pdf_item(p, "", 26, "3.", line);
    pdf_space(p, 3);
    pdf_par(p, &title, "MENUGASKAN:");
    pdf_space(p, 3);
    snprintf(line, sizeof(line), "Nama: %s", mt->m->nama);
    pdf_item(p, "Kepada", 26, "", line);
    snprintf(line, sizeof(line), "NIP: %s", mt->m->nip);
    pdf_item(p, "", 26, "", line);
    snprintf(line, sizeof(line), "Pangkat/Gol. ruang: %s", mt->pangkat);
    pdf_item(p, "", 26, "", line);
    snprintf(line, sizeof(line), "Jabatan: %s pada %s", mt->jabatan_lama,
             mt->unit_lama);
    pdf_item(p, "", 26, "", line);
    pdf_space(p, 2);
    snprintf(line, sizeof(line),
             "melaksanakan tugas sebagai %s pada %s terhitung mulai tanggal "
             "%s sampai dengan tanggal %s, selama lonjakan beban kerja;",
             mt->jabatan_baru, mt->unit_baru, x->ditetapkan, mt->sampai);
    pdf_item(p, "Untuk", 26, "1.", line);
    pdf_item(p, "", 26, "2.",
             "melaporkan diri kepada pimpinan unit kerja tujuan pada hari "
             "pertama penugasan;");
    pdf_item(p, "", 26, "3.",
             "setelah penugasan berakhir, kembali ke unit kerja asal dan "
             "melaporkan pelaksanaan tugas kepada atasan langsung;");
    pdf_item(p, "", 26, "4.",
             "melaksanakan tugas ini dengan penuh tanggung jawab.");
    signature(p, t, "Dikeluarkan", x->ditetapkan);
    return pdf_close(p);
}

static enum err
issue_tugas(struct store *st, const struct docreg_doc *base, struct sk_draw *d,
            FILE *f)
{
    char nomor[128];
    struct docreg_doc doc = *base;
    /* A plan decided before surat tugas were numbered has none: its
     * decree's number stands in. */
    if (store_move_get_st(st, d->sp->plan.nama, d->one->m->nip, nomor,
                          sizeof(nomor)) != ERR_OK) {
        snprintf(nomor, sizeof(nomor), "%s", d->x->nomor);
    }
    d->st_nomor = nomor;
    doc.jenis = "surat_tugas";
    doc.nip = d->one->m->nip;
    doc.nomor = nomor;
    return docreg_issue(st, &doc, draw_tugas, d, f);
}

static enum err
facts_of(struct store *st, const struct store_plan *sp, struct plan_facts *x)
{
    int32_t d = 0;
    memset(x, 0, sizeof(*x));
    snprintf(x->nomor, sizeof(x->nomor), "%s", sp->sk_nomor);
    if (date_parse(sp->tmt, strlen(sp->tmt), &d) != ERR_OK) {
        return ERR_INTERNAL;
    }
    sk_date_text(d, x->tmt, sizeof(x->tmt));
    if (date_parse(sp->as_of, strlen(sp->as_of), &d) == ERR_OK) {
        sk_date_text(d, x->as_of, sizeof(x->as_of));
    }
    if (sp->disetujui == NULL || strlen(sp->disetujui) < 10 ||
        date_parse(sp->disetujui, 10, &d) != ERR_OK) {
        return ERR_INTERNAL;
    }
    sk_date_text(d, x->ditetapkan, sizeof(x->ditetapkan));
    date_format(d, x->ditetapkan_iso);
    snprintf(x->ba_nomor, sizeof(x->ba_nomor), "%s",
             sp->ba_nomor ? sp->ba_nomor : "");
    if (sp->dipertimbangkan != NULL && strlen(sp->dipertimbangkan) >= 10 &&
        date_parse(sp->dipertimbangkan, 10, &d) == ERR_OK) {
        sk_date_text(d, x->ba_tanggal, sizeof(x->ba_tanggal));
    }
    /* A single request's decision record: its TPK step instead. */
    x->single = strncmp(sp->nama, "permohonan-", 11) == 0;
    char at[1024] = "";
    if (x->single &&
        store_request_step_find(st, strtoll(sp->nama + 11, NULL, 10),
                                "pertimbangkan", x->pertimbangan, at,
                                sizeof(at)) == ERR_OK &&
        strlen(at) >= 10 && date_parse(at, 10, &d) == ERR_OK) {
        sk_date_text(d, x->ba_tanggal, sizeof(x->ba_tanggal));
    }
    return ERR_OK;
}

enum err
sk_write(struct store *st, const struct sk_ask *a, FILE *f, char *why,
         size_t why_len)
{
    struct saved_plan sp;
    const struct saved_move *m = NULL;
    struct plan_facts x;
    enum err rc = planning_saved_load(st, a->plan, &sp);
    if (rc == ERR_OK && (strcmp(sp.plan.status, "ditetapkan") != 0 ||
                         sp.plan.sk_nomor == NULL || sp.plan.tmt == NULL)) {
        snprintf(why, why_len, "rencana %s belum ditetapkan", a->plan);
        rc = ERR_CONFLICT;
    }
    rc = rc == ERR_OK ? facts_of(st, &sp.plan, &x) : rc;
    if (rc == ERR_OK && a->nip != NULL) {
        m = planning_saved_move(&sp, a->nip);
        if (m == NULL || !sk_move_decided(&sp, m)) {
            snprintf(why, why_len, "rencana %s tidak memindahkan NIP %s",
                     a->plan, a->nip);
            rc = ERR_NOTFOUND;
        }
    }
    if (rc != ERR_OK) {
        planning_saved_cleanup(&sp);
        return rc;
    }
    struct sk_texts t;
    struct lists l = {NULL, 0, NULL, 0};
    struct move_text one;
    texts_load(st, &t);
    struct sk_draw d = {st, &sp, &t, &x, &l, NULL, NULL};
    struct docreg_doc doc = {"sk",    a->plan,          NULL,
                             x.nomor, x.ditetapkan_iso, a->actor};
    if (m == NULL) {
        lists_of(st, &sp, &l);
        rc = docreg_issue(st, &doc, draw_batch, &d, f);
    } else if (m->sementara_sampai[0] == '\0') {
        lists_of(st, &sp, &l);
        move_text(st, m, &one);
        d.one = &one;
        doc.jenis = "petikan";
        doc.nip = m->nip;
        rc = docreg_issue(st, &doc, draw_petikan, &d, f);
    } else {
        move_text(st, m, &one);
        d.one = &one;
        rc = issue_tugas(st, &doc, &d, f);
    }
    free(l.same);
    free(l.change);
    texts_cleanup(&t);
    planning_saved_cleanup(&sp);
    return rc;
}
