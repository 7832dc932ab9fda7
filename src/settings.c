/* SPDX-License-Identifier: MIT */
/* settings: defaults and checks of the deployment settings (core layer).
 * The defaults are those of domain.md; keep the table sorted by key. */
#include "settings.h"

#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "kurikulum.h"
#include "masa_tenang.h"
#include "model.h"
#include "num.h"

static const char *const rounding_words[] = {"half_up", "ceil", "floor", NULL};
static const char *const signer_words[] = {"walikota", "sekda", NULL};
static const char *const predikat_words[] = {
    "sangat_kurang", "kurang", "butuh_perbaikan", "baik", "sangat_baik", NULL};
static const char *const stage_words[] = {"diajukan", "disetujui_asal",
                                          "diverifikasi", NULL};
/* The words of enum kurikulum, in its order. */
static const char *const curriculum_words[] = {"merdeka", "k13", NULL};

#define INT(k, d, lo, hi, h)               \
    {                                      \
        k, SETTING_INT, d, lo, hi, NULL, h \
    }
#define DEC(k, d, lo, hi, h)                   \
    {                                          \
        k, SETTING_DECIMAL, d, lo, hi, NULL, h \
    }

static const struct setting_def defs[] = {
    INT("aps_ikatan_formasi", "2021", 1950, 2100,
        "formasi sejak tahun ini terikat masa kerja sebelum boleh APS"),
    INT("aps_ikatan_tahun", "10", 0, 40,
        "tahun masa kerja setelah CPNS sebelum boleh pindah APS"),
    {"ba_nomor", SETTING_TEXT, "800.1.6/{nomor}/TPK/{tahun}", 0, 0, NULL,
     "pola nomor berita acara sidang TPK; {nomor} dan {tahun} diganti"},
    INT("biaya_per_km", "100", 0, 1000000, "biaya penugasan per km"),
    INT("biaya_pindah", "1000", 0, 1000000, "biaya dasar satu penugasan"),
    INT("bobot_kelurahan", "2", 0, 100, "bobot kekurangan di kelurahan"),
    INT("bobot_lainnya", "1", 0, 100, "bobot kekurangan di unit lain"),
    INT("bobot_puskesmas", "3", 0, 100, "bobot kekurangan di puskesmas"),
    INT("bobot_rsud", "3", 0, 100, "bobot kekurangan di RSUD"),
    INT("bobot_sekolah", "3", 0, 100, "bobot kekurangan di sekolah"),
    INT("bup_ahli_madya", "60", 40, 75, "BUP fungsional ahli madya"),
    INT("bup_ahli_utama", "65", 40, 75, "BUP fungsional ahli utama"),
    INT("bup_guru", "60", 40, 75, "BUP guru"),
    INT("bup_jpt", "60", 40, 75, "BUP jabatan pimpinan tinggi"),
    INT("bup_umum", "58", 40, 75,
        "BUP administrasi, ahli pertama/muda dan keterampilan"),
    INT("dokumen_maks", "20", 1, 1000, "dokumen paling banyak per permohonan"),
    INT("dokumen_maks_mb", "20", 1, 1000,
        "ukuran semua dokumen satu permohonan paling besar (MB)"),
    {"dokumen_wajib", SETTING_TEXT, "surat_permohonan", 0, 0, NULL,
     "dokumen wajib setiap permohonan sebelum diajukan (dipisah ;)"},
    {"dokumen_wajib_ikut_pasangan", SETTING_TEXT, "bukti_alasan", 0, 0, NULL,
     "dokumen wajib tambahan untuk alasan ikut pasangan (dipisah ;)"},
    {"dokumen_wajib_kesehatan", SETTING_TEXT, "bukti_alasan", 0, 0, NULL,
     "dokumen wajib tambahan untuk alasan kesehatan (dipisah ;)"},
    INT("kebutuhan_min_satu", "1", 0, 1,
        "kebutuhan bulat paling sedikit 1 bila kebutuhan > 0 (1 ya, 0 "
        "tidak)"),
    {"kurikulum", SETTING_WORD, "merdeka", 0, 0, curriculum_words,
     "kurikulum untuk jam pelajaran guru: merdeka (Kurikulum Merdeka) atau "
     "k13 (Kurikulum 2013)"},
    INT("login_maks", "5", 1, 100, "percobaan masuk sebelum ditolak (429)"),
    INT("masa_permohonan_bulan", "12", 1, 120,
        "permohonan yang lebih tua dari sekian bulan tidak lagi ditimbang"),
    INT("min_bulan_unit", "24", 0, 240,
        "bulan paling sedikit di unit sebelum boleh pindah"),
    INT("nilai_slot", "10000", 0, 100000000, "nilai satu formasi terisi"),
    {"pembulatan", SETTING_WORD, "half_up", 0, 0, rounding_words,
     "pembulatan kebutuhan metode tugas: half_up, ceil, floor"},
    INT("pensiun_bulan", "12", 0, 120,
        "tidak dipindah bila pensiun dalam sekian bulan"),
    DEC("pj_a", "1", 0, 10000, "batas bawah (tidak termasuk) predikat A"),
    DEC("pj_b", "0.9", 0, 10000, "batas bawah predikat B"),
    DEC("pj_c", "0.7", 0, 10000, "batas bawah predikat C"),
    DEC("pj_d", "0.5", 0, 10000, "batas bawah predikat D"),
    INT("poin_dekat_domisili", "30", 0, 1000, "poin alasan dekat domisili"),
    INT("poin_ikut_pasangan", "100", 0, 1000, "poin alasan ikut pasangan"),
    INT("poin_kesehatan", "80", 0, 1000, "poin alasan kesehatan"),
    INT("poin_lainnya", "0", 0, 1000, "poin alasan lainnya"),
    INT("poin_pengembangan_karier", "20", 0, 1000,
        "poin alasan pengembangan karier"),
    INT("poin_per_tahun", "5", 0, 1000, "poin per tahun di unit"),
    INT("poin_tahun_maks", "50", 0, 10000, "poin masa di unit paling banyak"),
    INT("potongan_diminta", "500", 0, 1000000,
        "potongan biaya bila tujuan ada di permohonan pegawai"),
    INT("potongan_rotasi", "300", 0, 1000000,
        "potongan biaya bila pegawai sudah jatuh tempo rotasi"),
    INT("pppk_boleh", "1", 0, 1,
        "PPPK boleh dipindah antarunit dalam instansinya, hanya ke jabatan "
        "yang sama (1 ya, 0 tidak)"),
    DEC("pppk_pw_bobot", "0", 0, 1000,
        "bobot PPPK paruh waktu dalam bezetting (0: tidak dihitung, 1: "
        "penuh)"),
    INT("pppk_pw_boleh", "0", 0, 1,
        "PPPK paruh waktu boleh dipindah perencana seperti PPPK (1 ya, 0 "
        "tidak)"),
    INT("rotasi_bulan", "60", 0, 240,
        "bulan di unit sampai jatuh tempo rotasi"),
    INT("sesi_menit", "30", 1, 10080, "menit sesi menganggur sebelum habis"),
    {"sk_instansi", SETTING_TEXT, "PEMERINTAH KOTA MATARAM", 0, 0, NULL,
     "kop surat keputusan: nama pemerintah daerah"},
    {"sk_jabatan_ppk", SETTING_TEXT, "WALI KOTA MATARAM", 0, 0, NULL,
     "jabatan pejabat pembina kepegawaian pada keputusan"},
    {"sk_kanreg", SETTING_TEXT,
     "Kepala Kantor Regional X Badan Kepegawaian Negara", 0, 0, NULL,
     "tembusan: kantor regional BKN"},
    {"sk_nama_sekda", SETTING_TEXT, "(nama Sekretaris Daerah)", 0, 0, NULL,
     "nama Sekretaris Daerah penanda tangan a.n. Wali Kota"},
    {"sk_nama_walikota", SETTING_TEXT, "(nama Wali Kota)", 0, 0, NULL,
     "nama Wali Kota penanda tangan"},
    {"sk_nip_sekda", SETTING_TEXT, "(NIP Sekretaris Daerah)", 0, 0, NULL,
     "NIP Sekretaris Daerah"},
    {"sk_nomor", SETTING_TEXT, "800.1.6/{nomor}/BKPSDM/{tahun}", 0, 0, NULL,
     "pola nomor SK; {nomor} dan {tahun} diganti"},
    {"sk_penandatangan", SETTING_WORD, "walikota", 0, 0, signer_words,
     "penanda tangan keputusan: walikota, atau sekda a.n. Wali Kota"},
    {"sk_tempat", SETTING_TEXT, "Mataram", 0, 0, NULL,
     "tempat keputusan ditetapkan"},
    {"skp_directed", SETTING_INT, "0", 0, 1, NULL,
     "penugasan juga mensyaratkan SKP skp_min_aps dua tahun terakhir (1 "
     "ya, 0 tidak)"},
    {"skp_min_aps", SETTING_WORD, "baik", 0, 0, predikat_words,
     "predikat SKP paling rendah di tiap dua tahun terakhir untuk pindah "
     "APS: sangat_kurang, kurang, butuh_perbaikan, baik, sangat_baik"},
    INT("struktural_boleh", "0", 0, 1,
        "jabatan struktural boleh dipindah perencana (1 ya, 0 tidak)"),
    {"tahap_permohonan", SETTING_WORD, "diverifikasi", 0, 0, stage_words,
     "permohonan yang ditimbang perencana mulai status: diajukan, "
     "disetujui_asal, diverifikasi"},
    {"tpk_anggota", SETTING_TEXT, "tpk=Sekretaris Daerah, Ketua TPK", 0, 0,
     NULL, "anggota TPK untuk berita acara: login=Nama, Jabatan; dipisah ;"},
    INT("wke_menit", "75000", 1, 1000000,
        "waktu kerja efektif setahun dalam menit"),
};

/* The settings of documents (domain.md section 5, the decree), and those
 * read when a decision is taken (the election periods): kept apart from
 * defs[] because a plan records every setting of defs[] in its document,
 * and these are long (lists, an image) or belong to the day of the
 * decision, not to the plan. Sorted by key. */
static const struct setting_def doc_defs[] = {
    {"jabatan_kepala", SETTING_TEXT, "KEPALA_SEKOLAH;KEPALA_PUSKESMAS", 0, 0,
     NULL,
     "kode jabatan fungsional dengan tugas tambahan kepala (kepala sekolah, "
     "kepala puskesmas) yang dihitung pejabat pada masa tenang (dipisah ;)"},
    {"masa_tenang", SETTING_PERIODS, "", 0, 0, NULL,
     "masa tenang pemilihan: DARI..SAMPAI LABEL dipisah ;, mis. "
     "2029-05-27..2030-02-20 Pilkada 2029; mengganti pejabat di dalamnya "
     "perlu persetujuan tertulis Mendagri"},
    {"sk_daerah", SETTING_TEXT, "Kota Mataram", 0, 0, NULL,
     "nama daerah dalam teks keputusan (APBD, Tembusan)"},
    {"sk_lambang", SETTING_IMAGE, "", 0, 0, NULL,
     "lambang negara pada kepala keputusan: berkas PNG (settings set "
     "sk_lambang --file lambang.png); kosong: kepala tanpa gambar"},
    {"sk_mengingat", SETTING_LINES,
     "Undang-Undang Nomor 4 Tahun 1993 tentang Pembentukan Kotamadya Daerah "
     "Tingkat II Mataram (Lembaran Negara Republik Indonesia Tahun 1993 "
     "Nomor 66, Tambahan Lembaran Negara Republik Indonesia Nomor 3531);\n"
     "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah "
     "(Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan "
     "Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah "
     "beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023 "
     "tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 "
     "Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang (Lembaran Negara "
     "Republik Indonesia Tahun 2023 Nomor 41, Tambahan Lembaran Negara "
     "Republik Indonesia Nomor 6856);\n"
     "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara "
     "(Lembaran Negara Republik Indonesia Tahun 2023 Nomor 141, Tambahan "
     "Lembaran Negara Republik Indonesia Nomor 6897);\n"
     "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai "
     "Negeri Sipil (Lembaran Negara Republik Indonesia Tahun 2017 Nomor 63, "
     "Tambahan Lembaran Negara Republik Indonesia Nomor 6037) sebagaimana "
     "telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020 tentang "
     "Perubahan atas Peraturan Pemerintah Nomor 11 Tahun 2017 tentang "
     "Manajemen Pegawai Negeri Sipil (Lembaran Negara Republik Indonesia "
     "Tahun 2020 Nomor 68, Tambahan Lembaran Negara Republik Indonesia Nomor "
     "6477);\n"
     "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah "
     "(Lembaran Negara Republik Indonesia Tahun 2016 Nomor 114, Tambahan "
     "Lembaran Negara Republik Indonesia Nomor 5887) sebagaimana telah "
     "diubah dengan Peraturan Pemerintah Nomor 72 Tahun 2019 tentang "
     "Perubahan atas Peraturan Pemerintah Nomor 18 Tahun 2016 tentang "
     "Perangkat Daerah (Lembaran Negara Republik Indonesia Tahun 2019 Nomor "
     "187, Tambahan Lembaran Negara Republik Indonesia Nomor 6402);\n"
     "Peraturan Badan Kepegawaian Negara Nomor 5 Tahun 2019 tentang Tata "
     "Cara Pelaksanaan Mutasi;\n"
     "Peraturan Daerah Kota Mataram Nomor 5 Tahun 2016 tentang Pembentukan "
     "dan Susunan Perangkat Daerah;",
     0, 0, NULL,
     "dasar hukum \"Mengingat\" keputusan, satu peraturan per baris"},
    {"sk_pangkat_sekda", SETTING_TEXT, "(pangkat Sekretaris Daerah)", 0, 0,
     NULL, "pangkat Sekretaris Daerah dengan kata, mis. Pembina Utama Madya"},
    {"sk_pengesah_jabatan", SETTING_TEXT,
     "KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA", 0, 0,
     NULL, "jabatan pejabat yang mengesahkan salinan petikan"},
    {"sk_pengesah_nama", SETTING_TEXT, "(nama Kepala BKPSDM)", 0, 0, NULL,
     "nama pejabat yang mengesahkan salinan petikan"},
    {"sk_pengesah_nip", SETTING_TEXT, "(NIP Kepala BKPSDM)", 0, 0, NULL,
     "NIP pejabat yang mengesahkan salinan petikan"},
    {"sk_pengesah_pangkat", SETTING_TEXT, "(pangkat Kepala BKPSDM)", 0, 0, NULL,
     "pangkat pejabat yang mengesahkan salinan petikan"},
    {"sk_provinsi", SETTING_TEXT, "PROVINSI NUSA TENGGARA BARAT", 0, 0, NULL,
     "kepala keputusan: provinsi"},
    {"sk_tembusan", SETTING_LINES,
     "Kepala Badan Kepegawaian Negara di Jakarta;\n"
     "{kanreg} di Denpasar;\n"
     "Kepala Badan Keuangan Daerah Kota Mataram;\n"
     "Inspektur Kota Mataram;\n"
     "Kepala Perangkat Daerah yang bersangkutan.",
     0, 0, NULL,
     "tembusan keputusan, satu per baris; {kanreg} diganti sk_kanreg"},
    {"st_nomor", SETTING_TEXT, "800.1.11.1/{nomor}/BKPSDM/{tahun}", 0, 0, NULL,
     "pola nomor surat tugas; {nomor} dan {tahun} diganti"},
};

size_t
settings_doc_count(void)
{
    return sizeof(doc_defs) / sizeof(doc_defs[0]);
}

const struct setting_def *
settings_doc_at(size_t i)
{
    return i < settings_doc_count() ? &doc_defs[i] : NULL;
}

size_t
settings_count(void)
{
    return sizeof(defs) / sizeof(defs[0]);
}

const struct setting_def *
settings_at(size_t i)
{
    return i < settings_count() ? &defs[i] : NULL;
}

const struct setting_def *
settings_find(const char *key)
{
    for (size_t i = 0; i < settings_count(); i++) {
        if (strcmp(defs[i].key, key) == 0) {
            return &defs[i];
        }
    }
    for (size_t i = 0; i < settings_doc_count(); i++) {
        if (strcmp(doc_defs[i].key, key) == 0) {
            return &doc_defs[i];
        }
    }
    return NULL;
}

static enum err
normalize_word(const struct setting_def *def, const char *value, char *out,
               size_t out_len, char *why, size_t why_len)
{
    for (int i = 0; def->words[i] != NULL; i++) {
        if (strcmp(def->words[i], value) == 0) {
            snprintf(out, out_len, "%s", value);
            return ERR_OK;
        }
    }
    snprintf(why, why_len, L_("pilihan: %s", "allowed: %s"), def->help);
    return ERR_INVAL;
}

static enum err
normalize_text(const char *value, char *out, size_t out_len, char *why,
               size_t why_len)
{
    size_t len = strlen(value);
    if (len == 0 || len >= out_len || strpbrk(value, "\r\n") != NULL) {
        snprintf(why, why_len, "%s",
                 L_("harus satu baris teks yang tidak kosong",
                    "must be one non-empty line of text"));
        return ERR_INVAL;
    }
    memcpy(out, value, len + 1);
    return ERR_OK;
}

/* Lines: each kept without its '\\r' and surrounding blanks; empty lines
 * dropped; at least one line. */
static enum err
normalize_lines(const char *value, char *out, size_t out_len, char *why,
                size_t why_len)
{
    size_t n = 0;
    for (const char *p = value; *p != '\0';) {
        size_t k = strcspn(p, "\n");
        size_t a = 0;
        while (a < k && (p[a] == ' ' || p[a] == '\t' || p[a] == '\r')) {
            a++;
        }
        size_t b = k;
        while (b > a &&
               (p[b - 1] == ' ' || p[b - 1] == '\t' || p[b - 1] == '\r')) {
            b--;
        }
        if (b > a && n + (b - a) + 2 < out_len) {
            if (n > 0) {
                out[n++] = '\n';
            }
            memcpy(out + n, p + a, b - a);
            n += b - a;
        } else if (b > a) {
            n = out_len; /* Too long. */
            break;
        }
        p += k + (p[k] == '\n');
    }
    if (n == 0 || n >= out_len) {
        snprintf(why, why_len, "%s",
                 L_("harus satu baris atau lebih, tidak terlalu panjang",
                    "must be one or more lines, not too long"));
        return ERR_INVAL;
    }
    out[n] = '\0';
    return ERR_OK;
}

/* An image: base64 text (the PNG itself is checked where it is read). */
static enum err
normalize_image(const char *value, char *out, size_t out_len, char *why,
                size_t why_len)
{
    size_t len = strlen(value);
    if (len >= out_len ||
        strspn(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                      "0123456789+/=") != len ||
        len % 4 != 0) {
        snprintf(why, why_len, "%s",
                 L_("harus gambar PNG dalam base64 (settings set KUNCI "
                    "--file BERKAS.png), paling besar 384 KiB",
                    "must be a PNG image as base64 (settings set KEY --file "
                    "FILE.png), at most 384 KiB"));
        return ERR_INVAL;
    }
    memcpy(out, value, len + 1);
    return ERR_OK;
}

/* Election periods: each checked (masa_tenang.h), then written in the
 * normal form "FROM..TO LABEL; ...". */
static enum err
normalize_periods(const char *value, char *out, size_t out_len, char *why,
                  size_t why_len)
{
    struct masa_tenang_list l;
    enum err rc = masa_tenang_parse(value, &l, NULL, why, why_len);
    if (rc == ERR_OK) {
        masa_tenang_format(&l, out, out_len);
    }
    return rc;
}

enum err
settings_normalize(const struct setting_def *def, const char *value, char *out,
                   size_t out_len, char *why, size_t why_len)
{
    if (def->type == SETTING_PERIODS) {
        return normalize_periods(value, out, out_len, why, why_len);
    }
    if (def->type == SETTING_LINES) {
        return normalize_lines(value, out, out_len, why, why_len);
    }
    if (def->type == SETTING_IMAGE) {
        return normalize_image(value, out, out_len, why, why_len);
    }
    int64_t v = 0;
    int scale = def->type == SETTING_DECIMAL ? 3 : 0;
    if (def->type == SETTING_WORD) {
        return normalize_word(def, value, out, out_len, why, why_len);
    }
    if (def->type == SETTING_TEXT) {
        return normalize_text(value, out, out_len, why, why_len);
    }
    if (num_parse_fixed(value, strlen(value), scale, false, &v) != NUM_OK ||
        v < def->min || v > def->max) {
        char lo[24];
        char hi[24];
        num_format_fixed(def->min, scale, lo, sizeof(lo));
        num_format_fixed(def->max, scale, hi, sizeof(hi));
        snprintf(why, why_len,
                 scale ? L_("harus angka antara %s dan %s (paling banyak 3 "
                            "desimal)",
                            "must be a number from %s to %s (at most 3 "
                            "decimals)")
                       : L_("harus bilangan bulat antara %s dan %s",
                            "must be a whole number from %s to %s"),
                 lo, hi);
        return ERR_INVAL;
    }
    num_format_fixed(v, scale, out, out_len);
    return ERR_OK;
}

static int64_t
value_of(const char *value, int scale)
{
    int64_t v = 0;
    if (num_parse_fixed(value, strlen(value), scale, false, &v) != NUM_OK) {
        return 0; /* Not reached: values are normalised before. */
    }
    return v;
}

/* Whole-number settings that computations read, by their field. */
#define INT_FIELD(k, f, t)                         \
    {                                              \
        k, offsetof(struct settings, f), sizeof(t) \
    }
static const struct {
    const char *key;
    size_t offset;
    size_t size; /* sizeof(int), sizeof(bool) or sizeof(int64_t). */
} int_fields[] = {
    INT_FIELD("bup_umum", bup_umum, int),
    INT_FIELD("bup_guru", bup_guru, int),
    INT_FIELD("bup_jpt", bup_jpt, int),
    INT_FIELD("bup_ahli_madya", bup_ahli_madya, int),
    INT_FIELD("bup_ahli_utama", bup_ahli_utama, int),
    INT_FIELD("min_bulan_unit", min_bulan_unit, int),
    INT_FIELD("rotasi_bulan", rotasi_bulan, int),
    INT_FIELD("pensiun_bulan", pensiun_bulan, int),
    INT_FIELD("masa_permohonan_bulan", masa_permohonan_bulan, int),
    INT_FIELD("aps_ikatan_tahun", aps_ikatan_tahun, int),
    INT_FIELD("aps_ikatan_formasi", aps_ikatan_formasi, int),
    INT_FIELD("pppk_boleh", pppk_boleh, bool),
    INT_FIELD("pppk_pw_boleh", pppk_pw_boleh, bool),
    INT_FIELD("skp_directed", skp_directed, bool),
    INT_FIELD("struktural_boleh", struktural_boleh, bool),
    INT_FIELD("kebutuhan_min_satu", kebutuhan_min_satu, bool),
    INT_FIELD("poin_ikut_pasangan", poin_alasan[ALASAN_IKUT_PASANGAN], int),
    INT_FIELD("poin_kesehatan", poin_alasan[ALASAN_KESEHATAN], int),
    INT_FIELD("poin_dekat_domisili", poin_alasan[ALASAN_DEKAT_DOMISILI], int),
    INT_FIELD("poin_pengembangan_karier",
              poin_alasan[ALASAN_PENGEMBANGAN_KARIER], int),
    INT_FIELD("poin_lainnya", poin_alasan[ALASAN_LAINNYA], int),
    INT_FIELD("poin_per_tahun", poin_per_tahun, int),
    INT_FIELD("poin_tahun_maks", poin_tahun_maks, int),
    INT_FIELD("bobot_sekolah", bobot[UNIT_SEKOLAH], int),
    INT_FIELD("bobot_puskesmas", bobot[UNIT_PUSKESMAS], int),
    INT_FIELD("bobot_rsud", bobot[UNIT_RSUD], int),
    INT_FIELD("bobot_kelurahan", bobot[UNIT_KELURAHAN], int),
    INT_FIELD("bobot_lainnya", bobot[UNIT_OPD], int),
    INT_FIELD("bobot_lainnya", bobot[UNIT_BIDANG], int),
    INT_FIELD("bobot_lainnya", bobot[UNIT_KECAMATAN], int),
    INT_FIELD("bobot_lainnya", bobot[UNIT_LAINNYA], int),
    INT_FIELD("biaya_pindah", biaya_pindah, int64_t),
    INT_FIELD("biaya_per_km", biaya_per_km, int64_t),
    INT_FIELD("potongan_rotasi", potongan_rotasi, int64_t),
    INT_FIELD("potongan_diminta", potongan_diminta, int64_t),
    INT_FIELD("nilai_slot", nilai_slot, int64_t),
    INT_FIELD("wke_menit", wke_menit, int64_t),
};

void
settings_apply(struct settings *s, const char *key, const char *value)
{
    static const char *const pj[] = {"pj_a", "pj_b", "pj_c", "pj_d"};
    for (int i = 0; i < 4; i++) {
        if (strcmp(key, pj[i]) == 0) {
            s->pj_milli[i] = value_of(value, 3);
        }
    }
    for (size_t i = 0; i < sizeof(int_fields) / sizeof(int_fields[0]); i++) {
        if (strcmp(key, int_fields[i].key) != 0) {
            continue;
        }
        char *field = (char *)s + int_fields[i].offset;
        int64_t v = value_of(value, 0);
        if (int_fields[i].size == sizeof(int64_t)) {
            *(int64_t *)(void *)field = v;
        } else if (int_fields[i].size == sizeof(bool)) {
            *(bool *)(void *)field = v != 0;
        } else {
            *(int *)(void *)field = (int)v;
        }
    }
    if (strcmp(key, "pppk_pw_bobot") == 0) {
        s->pppk_pw_bobot_milli = value_of(value, 3);
    }
    if (strcmp(key, "skp_min_aps") == 0) {
        int v = model_enum_parse(&model_predikat, value, strlen(value));
        s->skp_min_aps = (enum skp_predikat)(v < 0 ? SKP_BAIK : v);
    }
    if (strcmp(key, "tahap_permohonan") == 0) {
        s->tahap_permohonan =
            strcmp(value, "diajukan") == 0         ? PERMOHONAN_DIAJUKAN
            : strcmp(value, "disetujui_asal") == 0 ? PERMOHONAN_DISETUJUI_ASAL
                                                   : PERMOHONAN_DIVERIFIKASI;
    }
    if (strcmp(key, "kurikulum") == 0 &&
        !kurikulum_parse(value, &s->kurikulum)) {
        s->kurikulum = KURIKULUM_MERDEKA; /* Not reached: normalised. */
    }
    if (strcmp(key, "pembulatan") == 0) {
        s->pembulatan = strcmp(value, "ceil") == 0    ? ROUND_CEIL
                        : strcmp(value, "floor") == 0 ? ROUND_FLOOR
                                                      : ROUND_HALF_UP;
    }
}

void
settings_defaults(struct settings *out)
{
    memset(out, 0, sizeof(*out));
    for (size_t i = 0; i < settings_count(); i++) {
        settings_apply(out, defs[i].key, defs[i].dflt);
    }
}
