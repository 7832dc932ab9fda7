/* SPDX-License-Identifier: MIT */
/* settings: defaults and checks of the deployment settings (core layer).
 * The defaults are those of domain.md; keep the table sorted by key. */
#include "settings.h"

#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "num.h"

static const char *const rounding_words[] = {"half_up", "ceil", "floor", NULL};

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
    INT("kebutuhan_min_satu", "1", 0, 1,
        "kebutuhan bulat paling sedikit 1 bila kebutuhan > 0 (1 ya, 0 "
        "tidak)"),
    INT("login_maks", "5", 1, 100, "percobaan masuk sebelum ditolak (429)"),
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
    INT("pppk_boleh", "0", 0, 1, "PPPK boleh dipindah (1 ya, 0 tidak)"),
    INT("rotasi_bulan", "60", 0, 240,
        "bulan di unit sampai jatuh tempo rotasi"),
    INT("sesi_menit", "30", 1, 10080, "menit sesi menganggur sebelum habis"),
    {"sk_nomor", SETTING_TEXT, "800.1.6/{nomor}/BKPSDM/{tahun}", 0, 0, NULL,
     "pola nomor SK; {nomor} dan {tahun} diganti"},
    INT("struktural_boleh", "0", 0, 1,
        "jabatan struktural boleh dipindah perencana (1 ya, 0 tidak)"),
    INT("wke_menit", "75000", 1, 1000000,
        "waktu kerja efektif setahun dalam menit"),
};

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

enum err
settings_normalize(const struct setting_def *def, const char *value, char *out,
                   size_t out_len, char *why, size_t why_len)
{
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

void
settings_apply(struct settings *s, const char *key, const char *value)
{
    static const char *const pj[] = {"pj_a", "pj_b", "pj_c", "pj_d"};
    static const struct {
        const char *key;
        size_t offset;
    } bups[] = {{"bup_umum", offsetof(struct settings, bup_umum)},
                {"bup_guru", offsetof(struct settings, bup_guru)},
                {"bup_jpt", offsetof(struct settings, bup_jpt)},
                {"bup_ahli_madya", offsetof(struct settings, bup_ahli_madya)},
                {"bup_ahli_utama", offsetof(struct settings, bup_ahli_utama)}};
    for (int i = 0; i < 4; i++) {
        if (strcmp(key, pj[i]) == 0) {
            s->pj_milli[i] = value_of(value, 3);
        }
    }
    for (size_t i = 0; i < sizeof(bups) / sizeof(bups[0]); i++) {
        if (strcmp(key, bups[i].key) == 0) {
            *(int *)((char *)s + bups[i].offset) = (int)value_of(value, 0);
        }
    }
    if (strcmp(key, "wke_menit") == 0) {
        s->wke_menit = value_of(value, 0);
    } else if (strcmp(key, "kebutuhan_min_satu") == 0) {
        s->kebutuhan_min_satu = value_of(value, 0) != 0;
    } else if (strcmp(key, "pembulatan") == 0) {
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
