/* SPDX-License-Identifier: MIT */
/* model: enumeration tables of the domain (core layer). The words are the
 * contract's CSV words; never reorder them, values are stored. */
#include "model.h"

#include <stdio.h>
#include <string.h>

#define ENUM(var, fld, ...)                                 \
    static const char *const var##_names[] = {__VA_ARGS__}; \
    const struct model_enum var = {                         \
        fld, var##_names, (int)(sizeof(var##_names) / sizeof(char *))}

ENUM(model_unit_jenis, "jenis", "opd", "bidang", "sekolah", "puskesmas", "rsud",
     "kecamatan", "kelurahan", "lainnya");
ENUM(model_jabatan_jenis, "jenis", "jpt", "administrator", "pengawas",
     "pelaksana", "fungsional_keahlian", "fungsional_keterampilan");
ENUM(model_metode, "metode", "tugas", "rombel", "jp", "tetap");
ENUM(model_status, "status", "CPNS", "PNS", "PPPK", "PPPK_PW");
ENUM(model_alasan, "alasan", "ikut_pasangan", "kesehatan", "dekat_domisili",
     "pengembangan_karier", "lainnya");
ENUM(model_permohonan_status, "status", "draf", "diajukan", "disetujui_asal",
     "diverifikasi", "disetujui_tujuan", "dipertimbangkan", "ditetapkan",
     "selesai", "ditolak", "dibatalkan");
ENUM(model_golongan_pns, "golongan", "I/a", "I/b", "I/c", "I/d", "II/a", "II/b",
     "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c",
     "IV/d", "IV/e");
ENUM(model_golongan_pppk, "golongan", "I", "II", "III", "IV", "V", "VI", "VII",
     "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII");

ENUM(model_pendidikan, "pendidikan", "SD", "SMP", "SMA", "D1", "D2", "D3", "D4",
     "S1", "S2", "S3");
ENUM(model_predikat, "predikat", "sangat_kurang", "kurang", "butuh_perbaikan",
     "baik", "sangat_baik");

int
model_enum_parse(const struct model_enum *e, const char *s, size_t len)
{
    for (int i = 0; i < e->n_names; i++) {
        if (strlen(e->names[i]) == len && memcmp(e->names[i], s, len) == 0) {
            return i;
        }
    }
    return -1;
}

const char *
model_enum_name(const struct model_enum *e, int v)
{
    if (v < 0 || v >= e->n_names) {
        return "";
    }
    return e->names[v];
}

const char *
model_enum_list(const struct model_enum *e, char *out, size_t out_len)
{
    size_t pos = 0;
    out[0] = '\0';
    for (int i = 0; i < e->n_names; i++) {
        size_t n = strlen(e->names[i]);
        if (pos + n + 3 >= out_len) {
            break;
        }
        if (i > 0) {
            memcpy(out + pos, ", ", 2);
            pos += 2;
        }
        memcpy(out + pos, e->names[i], n);
        pos += n;
        out[pos] = '\0';
    }
    return out;
}

bool
model_jabatan_is_struktural(enum jabatan_jenis jenis)
{
    return jenis == JAB_JPT || jenis == JAB_ADMINISTRATOR ||
           jenis == JAB_PENGAWAS;
}

bool
model_permohonan_is_open(enum permohonan_status st)
{
    return st <= PERMOHONAN_DITETAPKAN;
}

void
model_pangkat_text(const char *golongan, char *out, size_t len)
{
    static const char *const pangkat[] = {"Juru Muda",
                                          "Juru Muda Tingkat I",
                                          "Juru",
                                          "Juru Tingkat I",
                                          "Pengatur Muda",
                                          "Pengatur Muda Tingkat I",
                                          "Pengatur",
                                          "Pengatur Tingkat I",
                                          "Penata Muda",
                                          "Penata Muda Tingkat I",
                                          "Penata",
                                          "Penata Tingkat I",
                                          "Pembina",
                                          "Pembina Tingkat I",
                                          "Pembina Utama Muda",
                                          "Pembina Utama Madya",
                                          "Pembina Utama"};
    if (golongan == NULL || golongan[0] == '\0') {
        snprintf(out, len, "-");
        return;
    }
    size_t n = strlen(golongan);
    int pns = model_enum_parse(&model_golongan_pns, golongan, n);
    if (pns >= 0 && pns < 17) {
        snprintf(out, len, "%s, %s", pangkat[pns], golongan);
    } else if (model_enum_parse(&model_golongan_pppk, golongan, n) >= 0) {
        snprintf(out, len, "Golongan %s", golongan);
    } else {
        snprintf(out, len, "%s", golongan);
    }
}

void
model_unit_title(const char *nama, const char *induk, char *out, size_t len)
{
    if (induk == NULL || induk[0] == '\0') {
        snprintf(out, len, "%s", nama);
    } else {
        snprintf(out, len, "%s %s", nama, induk);
    }
}

bool
model_status_is_pppk(enum pegawai_status s)
{
    return s == STATUS_PPPK || s == STATUS_PPPK_PW;
}

int
model_golongan_rank(const char *golongan)
{
    if (golongan == NULL) {
        return -1;
    }
    return model_enum_parse(&model_golongan_pns, golongan, strlen(golongan));
}

/* Older or looser spellings of a level, upper case, and the level. */
static const struct {
    const char *word;
    enum pendidikan_level level;
} pendidikan_alias[] = {
    {"SLTA", PEND_SMA},
    {"SMK", PEND_SMA},
    {"SMU", PEND_SMA},
    {"SMEA", PEND_SMA},
    {"STM", PEND_SMA},
    {"MA", PEND_SMA},
    {"SPK", PEND_SMA},
    {"SLTP", PEND_SMP},
    {"MTS", PEND_SMP},
    {"MI", PEND_SD},
    {"DI", PEND_D1},
    {"DII", PEND_D2},
    {"DIII", PEND_D3},
    {"DIV", PEND_D4},
    {"D-I", PEND_D1},
    {"D-II", PEND_D2},
    {"D-III", PEND_D3},
    {"D-IV", PEND_D4},
    {"D.I", PEND_D1},
    {"D.II", PEND_D2},
    {"D.III", PEND_D3},
    {"D.IV", PEND_D4},
    {"D I", PEND_D1},
    {"D II", PEND_D2},
    {"D III", PEND_D3},
    {"D IV", PEND_D4},
    {"S-1", PEND_S1},
    {"S-2", PEND_S2},
    {"S-3", PEND_S3},
    {"S.1", PEND_S1},
    {"S.2", PEND_S2},
    {"S.3", PEND_S3},
    /* A professional degree (Profesi Dokter, Ners, Apoteker) follows an
     * S1 and a specialist one an S2-level programme (KKNI levels 7 and
     * 8); with levels SD .. S3 only, each counts as the degree it is
     * built on, so it meets what that degree meets. */
    {"PROFESI", PEND_S1},
    {"SPESIALIS", PEND_S2},
};

/* True when 'text' starts with 'word' (case ignored) and the word ends
 * there: at the end, a space or a punctuation mark other than '-' and
 * '.' (which belong to spellings such as "D-III"). */
static bool
starts_with_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < n; i++) {
        char c = text[i];
        if (c >= 'a' && c <= 'z') {
            c = (char)(c - 'a' + 'A');
        }
        if (c != word[i]) {
            return false;
        }
    }
    char end = text[n];
    return end == '\0' || end == ' ' || end == ',' || end == '/' ||
           end == '(' || end == ';' || end == '\t';
}

int
model_pendidikan_level(const char *text)
{
    if (text == NULL) {
        return -1;
    }
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < model_pendidikan.n_names; i++) {
        const char *w = model_pendidikan.names[i];
        if (starts_with_word(text, w) && strlen(w) > best_len) {
            best = i;
            best_len = strlen(w);
        }
    }
    for (size_t i = 0; i < sizeof(pendidikan_alias) / sizeof(*pendidikan_alias);
         i++) {
        const char *w = pendidikan_alias[i].word;
        if (starts_with_word(text, w) && strlen(w) > best_len) {
            best = (int)pendidikan_alias[i].level;
            best_len = strlen(w);
        }
    }
    return best;
}
