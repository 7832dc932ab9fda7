/* SPDX-License-Identifier: MIT */
/* sk: decrees as PDF (service layer). The texts follow the usual shape
 * of a Keputusan Wali Kota on mutasi; what varies by office is in the
 * settings (sk_*). */
#include "sk.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "json.h"
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
    char kanreg[256];
    char tempat[128];
    char signer[16];
    char walikota[256];
    char sekda[256];
    char nip_sekda[64];
};

static void
setting(struct store *st, const char *key, char *out, size_t len)
{
    char *v = NULL;
    const struct setting_def *d = settings_find(key);
    if (store_setting_get(st, key, &v) == ERR_OK) {
        snprintf(out, len, "%s", v);
    } else {
        snprintf(out, len, "%s", d ? d->dflt : "");
    }
    free(v);
}

static void
load_texts(struct store *st, struct sk_texts *t)
{
    setting(st, "sk_instansi", t->instansi, sizeof(t->instansi));
    setting(st, "sk_jabatan_ppk", t->ppk, sizeof(t->ppk));
    setting(st, "sk_kanreg", t->kanreg, sizeof(t->kanreg));
    setting(st, "sk_tempat", t->tempat, sizeof(t->tempat));
    setting(st, "sk_penandatangan", t->signer, sizeof(t->signer));
    setting(st, "sk_nama_walikota", t->walikota, sizeof(t->walikota));
    setting(st, "sk_nama_sekda", t->sekda, sizeof(t->sekda));
    setting(st, "sk_nip_sekda", t->nip_sekda, sizeof(t->nip_sekda));
}

static const struct pdf_style title = {13, true, PDF_CENTER, 0, 0, 1};
static const struct pdf_style head = {11, true, PDF_CENTER, 0, 0, 1};
static const struct pdf_style body = {11, false, PDF_JUSTIFY, 0, 0, 2};
static const struct pdf_style label = {11, true, PDF_LEFT, 0, 0, 1};

/* A labelled clause: "KESATU : text". */
static void
clause(struct pdf *p, const char *name, const char *text)
{
    pdf_labeled(p, name, 26, text);
}

/* The people and places of one move. */
struct move_text {
    char nama[256];
    char nip[32];
    char lahir[300]; /* "Praya, 5 Oktober 1966". */
    char golongan[32];
    char lama[600];  /* Old position and unit. */
    char baru[600];  /* New position and unit. */
    char sampai[64]; /* Temporary until, or "". */
};

static void
names_of(struct store *st, const char *jab, const char *unit, char *out,
         size_t len)
{
    struct jabatan j;
    struct unit u;
    char jn[256];
    snprintf(jn, sizeof(jn), "%s", jab);
    if (store_jabatan_get(st, jab, &j) == ERR_OK) {
        snprintf(jn, sizeof(jn), "%s", j.nama);
    }
    if (store_unit_get(st, unit, &u) == ERR_OK) {
        snprintf(out, len, "%s pada %s", jn, u.nama);
    } else {
        snprintf(out, len, "%s pada %s", jn, unit);
    }
}

/* Does the decree of 'sp' write move 'm'? Of a plan decided move by move,
 * those the PPK kept; of one decided before moves carried decisions, all. */
static bool
decided(const struct saved_plan *sp, const struct saved_move *m)
{
    for (size_t i = 0; i < sp->n_moves; i++) {
        if (sp->moves[i].keputusan_ppk[0] != '\0') {
            return strcmp(m->keputusan_ppk, "setuju") == 0;
        }
    }
    return true;
}

static void
move_text(struct store *st, const struct saved_move *m, struct move_text *t)
{
    memset(t, 0, sizeof(*t));
    snprintf(t->nip, sizeof(t->nip), "%s", m->nip);
    snprintf(t->nama, sizeof(t->nama), "%s", m->nama);
    if (m->sementara_sampai[0] != '\0') {
        int32_t d = 0;
        if (date_parse(m->sementara_sampai, strlen(m->sementara_sampai), &d) ==
            ERR_OK) {
            sk_date_text(d, t->sampai, sizeof(t->sampai));
        }
    }
    names_of(st, m->jabatan_asal, m->unit_asal, t->lama, sizeof(t->lama));
    names_of(st, m->jabatan_tujuan, m->unit_tujuan, t->baru, sizeof(t->baru));
    struct pegawai p;
    if (store_pegawai_get(st, t->nip, &p) == ERR_OK) {
        char born[64];
        sk_date_text(p.tanggal_lahir, born, sizeof(born));
        snprintf(t->lahir, sizeof(t->lahir), "%s%s%s",
                 p.tempat_lahir ? p.tempat_lahir : "",
                 p.tempat_lahir ? ", " : "", born);
        snprintf(t->golongan, sizeof(t->golongan), "%s",
                 p.golongan ? p.golongan : "-");
    }
}

static void
signature(struct pdf *p, const struct sk_texts *t, const char *tempat,
          const char *tanggal)
{
    struct pdf_style s = {11, false, PDF_LEFT, 95, 0, 0};
    char line[400];
    pdf_space(p, 6);
    snprintf(line, sizeof(line), "Ditetapkan di %s", tempat);
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
        snprintf(line, sizeof(line), "NIP %s", t->nip_sekda);
        pdf_par(p, &s, line);
    }
}

static void
tembusan(struct pdf *p, const struct sk_texts *t)
{
    struct pdf_style s = {10, false, PDF_LEFT, 0, 0, 0};
    struct pdf_style item = {10, false, PDF_LEFT, 5, 5, 0};
    char line[400];
    pdf_space(p, 8);
    pdf_par(p, &s, "Tembusan Keputusan ini disampaikan kepada Yth.:");
    pdf_par(p, &item, "1. Kepala Badan Kepegawaian Negara;");
    snprintf(line, sizeof(line), "2. %s;", t->kanreg);
    pdf_par(p, &item, line);
    pdf_par(p, &item, "3. Kepala Badan Pengelolaan Keuangan dan Aset Daerah;");
    pdf_par(p, &item, "4. Kepala Perangkat Daerah yang bersangkutan.");
}

static void
heading(struct pdf *p, const struct sk_texts *t, const char *kind,
        const char *nomor)
{
    char line[400];
    pdf_par(p, &title, t->instansi);
    pdf_space(p, 4);
    pdf_par(p, &head, kind);
    snprintf(line, sizeof(line), "NOMOR %s", nomor);
    pdf_par(p, &head, line);
    pdf_space(p, 2);
}

static void
preamble(struct pdf *p, const struct sk_texts *t)
{
    char line[600];
    pdf_par(p, &head, "TENTANG");
    pdf_par(p, &head, "MUTASI PEGAWAI NEGERI SIPIL");
    pdf_space(p, 2);
    snprintf(line, sizeof(line), "%s,", t->ppk);
    pdf_par(p, &head, line);
    pdf_space(p, 2);
    clause(p, "Menimbang",
           "a. bahwa untuk pemerataan dan keseimbangan beban kerja antarunit "
           "kerja berdasarkan analisis beban kerja, dipandang perlu "
           "melakukan mutasi Pegawai Negeri Sipil; b. bahwa Pegawai Negeri "
           "Sipil yang namanya tercantum dalam Keputusan ini telah memenuhi "
           "syarat untuk dimutasi; c. bahwa berdasarkan pertimbangan "
           "sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
           "Keputusan tentang Mutasi Pegawai Negeri Sipil;");
    clause(p, "Mengingat",
           "1. Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil "
           "Negara; 2. Peraturan Pemerintah Nomor 11 Tahun 2017 tentang "
           "Manajemen Pegawai Negeri Sipil sebagaimana telah diubah dengan "
           "Peraturan Pemerintah Nomor 17 Tahun 2020; 3. Peraturan Badan "
           "Kepegawaian Negara Nomor 5 Tahun 2019 tentang Tata Cara "
           "Pelaksanaan Mutasi;");
    pdf_par(p, &head, "MEMUTUSKAN:");
    snprintf(line, sizeof(line),
             "KEPUTUSAN %s TENTANG MUTASI PEGAWAI NEGERI SIPIL.", t->ppk);
    clause(p, "Menetapkan", line);
}

static void
closing_clauses(struct pdf *p)
{
    clause(p, "KEDUA",
           "Apabila di kemudian hari terdapat kekeliruan dalam Keputusan ini, "
           "akan diadakan perbaikan sebagaimana mestinya.");
    clause(p, "KETIGA", "Keputusan ini mulai berlaku pada tanggal ditetapkan.");
}

struct plan_facts {
    char nomor[128];
    char tmt[64];
    char ditetapkan[64];
};

/* The batch decree: KESATU refers to the Lampiran of every permanent
 * move; the Lampiran table follows on its own page. */
static void
batch(struct pdf *p, struct store *st, const struct saved_plan *sp,
      const struct sk_texts *t, const struct plan_facts *x)
{
    char line[800];
    heading(p, t, "KEPUTUSAN", x->nomor);
    preamble(p, t);
    snprintf(line, sizeof(line),
             "Memindahkan Pegawai Negeri Sipil yang nama, NIP, tempat dan "
             "tanggal lahir, pangkat/golongan, serta jabatan dan unit kerja "
             "lama dan barunya tercantum dalam Lampiran Keputusan ini, "
             "terhitung mulai tanggal %s.",
             x->tmt);
    clause(p, "KESATU", line);
    closing_clauses(p);
    signature(p, t, t->tempat, x->ditetapkan);
    tembusan(p, t);
    pdf_new_page(p);
    pdf_par(p, &label, "LAMPIRAN");
    snprintf(line, sizeof(line), "KEPUTUSAN %s NOMOR %s", t->ppk, x->nomor);
    pdf_par(p, &label, line);
    pdf_space(p, 3);
    size_t n = sp->n_moves;
    char **cells = xcalloc(n * 6 + 1, sizeof(char *));
    int rows = 0;
    for (size_t i = 0; i < n; i++) {
        struct move_text mt;
        if (!decided(sp, &sp->moves[i])) {
            continue; /* Refused by the TPK or struck by the PPK. */
        }
        move_text(st, &sp->moves[i], &mt);
        if (mt.sampai[0] != '\0') {
            continue; /* A surat tugas, not part of the decree. */
        }
        char **c = cells + (size_t)rows * 6;
        char num[16];
        char who[300];
        snprintf(num, sizeof(num), "%d", rows + 1);
        snprintf(who, sizeof(who), "%s\nNIP %s", mt.nama, mt.nip);
        c[0] = xstrdup(num);
        c[1] = xstrdup(who);
        c[2] = xstrdup(mt.lahir);
        c[3] = xstrdup(mt.golongan);
        c[4] = xstrdup(mt.lama);
        c[5] = xstrdup(mt.baru);
        rows++;
    }
    static const char *const headers[] = {"No.",
                                          "Nama / NIP",
                                          "Tempat, tanggal lahir",
                                          "Gol.",
                                          "Jabatan dan unit lama",
                                          "Jabatan dan unit baru"};
    static const double widths[] = {9, 38, 28, 12, 36, 37};
    pdf_table(p, headers, widths, 6, (const char *const *)cells, rows);
    for (size_t i = 0; i < (size_t)rows * 6; i++) {
        free(cells[i]);
    }
    free(cells);
    signature(p, t, t->tempat, x->ditetapkan);
}

/* One employee's Petikan of the decree, or their surat tugas. */
static void
extract(struct pdf *p, const struct move_text *mt, const struct sk_texts *t,
        const struct plan_facts *x)
{
    char line[2400];
    bool tugas = mt->sampai[0] != '\0';
    if (tugas) {
        heading(p, t, "SURAT TUGAS", x->nomor);
        snprintf(line, sizeof(line),
                 "Dalam rangka penanganan lonjakan beban kerja, %s menugaskan "
                 "Pegawai Negeri Sipil berikut:",
                 t->ppk);
        pdf_par(p, &body, line);
    } else {
        heading(p, t, "PETIKAN KEPUTUSAN", x->nomor);
        preamble(p, t);
    }
    snprintf(line, sizeof(line),
             "Nama: %s; NIP: %s; tempat, tanggal lahir: %s; pangkat/golongan: "
             "%s; jabatan dan unit kerja lama: %s; jabatan dan unit kerja "
             "baru: %s; terhitung mulai tanggal %s%s%s.",
             mt->nama, mt->nip, mt->lahir, mt->golongan, mt->lama, mt->baru,
             /* A surge assignment starts when it is decided. */
             tugas ? x->ditetapkan : x->tmt,
             tugas ? " sampai dengan tanggal " : "", mt->sampai);
    if (tugas) {
        pdf_par(p, &body, line);
        pdf_par(p, &body,
                "Surat tugas ini berakhir dengan berakhirnya "
                "lonjakan beban kerja, dan dilaksanakan dengan penuh "
                "tanggung jawab.");
    } else {
        char kesatu[2600];
        snprintf(kesatu, sizeof(kesatu), "Memindahkan Pegawai Negeri Sipil: %s",
                 line);
        clause(p, "KESATU", kesatu);
        closing_clauses(p);
    }
    signature(p, t, t->tempat, x->ditetapkan);
    if (!tugas) {
        struct pdf_style s = {10, false, PDF_LEFT, 0, 0, 0};
        pdf_space(p, 6);
        pdf_par(p, &s, "Petikan sesuai dengan aslinya.");
        pdf_par(p, &s,
                "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya "
                "Manusia");
    }
}

static enum err
facts_of(const struct store_plan *sp, struct plan_facts *x)
{
    int32_t d = 0;
    snprintf(x->nomor, sizeof(x->nomor), "%s", sp->sk_nomor);
    if (date_parse(sp->tmt, strlen(sp->tmt), &d) != ERR_OK) {
        return ERR_INTERNAL;
    }
    sk_date_text(d, x->tmt, sizeof(x->tmt));
    if (sp->disetujui == NULL || strlen(sp->disetujui) < 10 ||
        date_parse(sp->disetujui, 10, &d) != ERR_OK) {
        return ERR_INTERNAL;
    }
    sk_date_text(d, x->ditetapkan, sizeof(x->ditetapkan));
    return ERR_OK;
}

enum err
sk_write(struct store *st, const char *plan, const char *nip, FILE *f,
         char *why, size_t why_len)
{
    struct saved_plan sp;
    const struct saved_move *m = NULL;
    struct plan_facts x;
    struct sk_texts t;
    struct pdf *p = NULL;
    enum err rc = planning_saved_load(st, plan, &sp);
    if (rc == ERR_OK && (strcmp(sp.plan.status, "ditetapkan") != 0 ||
                         sp.plan.sk_nomor == NULL || sp.plan.tmt == NULL)) {
        snprintf(why, why_len, "rencana %s belum ditetapkan", plan);
        rc = ERR_CONFLICT;
    }
    rc = rc == ERR_OK ? facts_of(&sp.plan, &x) : rc;
    if (rc == ERR_OK && nip != NULL) {
        m = planning_saved_move(&sp, nip);
        if (m == NULL || !decided(&sp, m)) {
            snprintf(why, why_len, "rencana %s tidak memindahkan NIP %s", plan,
                     nip);
            rc = ERR_NOTFOUND;
        }
    }
    load_texts(st, &t);
    rc = rc == ERR_OK ? pdf_create(f, &p) : rc;
    if (rc == ERR_OK && m == NULL) {
        batch(p, st, &sp, &t, &x);
    } else if (rc == ERR_OK) {
        struct move_text mt;
        move_text(st, m, &mt);
        extract(p, &mt, &t, &x);
    }
    rc = p != NULL ? (pdf_close(p) == ERR_OK ? rc : ERR_IO) : rc;
    planning_saved_cleanup(&sp);
    return rc;
}
