/* SPDX-License-Identifier: MIT */
/* settings: the table of settings with their defaults from domain.md and
 * the check of each value (core layer). Code reads a setting by its key
 * through this table, so that no default is written twice. No I/O. */
#ifndef MUTASI_SETTINGS_H
#define MUTASI_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "kurikulum.h"
#include "model.h"

enum setting_type {
    SETTING_INT,     /* A whole number in [min, max]. */
    SETTING_DECIMAL, /* Up to 3 decimals, in [min, max] thousandths. */
    SETTING_WORD,    /* One of 'words'. */
    SETTING_TEXT,    /* Free text, one line. */
    SETTING_LINES,   /* Free text, items on lines of their own. */
    SETTING_IMAGE,   /* A PNG as base64 text; "" for none. */
    SETTING_PERIODS  /* Election periods (masa_tenang.h); "" for none. */
};

/* The longest stored value of any setting (an image as base64). */
#define SETTINGS_VALUE_MAX ((size_t)512 * 1024)

struct setting_def {
    const char *key;
    enum setting_type type;
    const char *dflt; /* Default, as it would be written. */
    int64_t min;      /* Bounds (thousandths for decimals). */
    int64_t max;
    const char *const *words; /* NULL-terminated, for SETTING_WORD. */
    const char *help;         /* One line in Bahasa Indonesia. */
};

enum settings_rounding { ROUND_HALF_UP, ROUND_CEIL, ROUND_FLOOR };

/* The values in force, typed, for computations. Decimals are in
 * thousandths. */
struct settings {
    int64_t wke_menit;
    enum settings_rounding pembulatan;
    bool kebutuhan_min_satu;
    int64_t pj_milli[4]; /* Lower bounds of A (exclusive), B, C, D. */
    int bup_umum;
    int bup_guru;
    int bup_jpt;
    int bup_ahli_madya;
    int bup_ahli_utama;
    /* Eligibility for transfers (domain.md section 5). */
    int min_bulan_unit;          /* Months in the unit before a move. */
    int rotasi_bulan;            /* Months in the unit until rotation is due. */
    int pensiun_bulan;           /* No move this many months before retiring. */
    int aps_ikatan_tahun;        /* Years of service bond for APS. */
    int aps_ikatan_formasi;      /* Formations from this year are bonded. */
    bool pppk_boleh;             /* PPPK may be moved (same jabatan only). */
    bool pppk_pw_boleh;          /* Part-time PPPK may be moved likewise. */
    int64_t pppk_pw_bobot_milli; /* Weight of a part-time PPPK in the
                                  * bezetting, in thousandths (0: none). */
    enum skp_predikat skp_min_aps; /* Lowest SKP of each of the last two
                                    * years for a request (APS). */
    bool skp_directed;             /* Directed moves need it too. */
    bool struktural_boleh;         /* Structural positions may be moved. */
    int masa_permohonan_bulan;     /* A request older than this lapses. */
    /* The planner takes open requests from this status to diverifikasi. */
    enum permohonan_status tahap_permohonan;
    /* Priority points of requests (contract section 5). */
    int poin_alasan[5]; /* By enum permohonan_alasan. */
    int poin_per_tahun;
    int poin_tahun_maks;
    /* The directed planner's objective (contract section 5). */
    int bobot[8]; /* Slot weight by enum unit_jenis. */
    int64_t biaya_pindah;
    int64_t biaya_per_km;
    int64_t potongan_rotasi;
    int64_t potongan_diminta;
    int64_t nilai_slot;
    /* Teachers' weekly lesson hours come from this curriculum's table
     * (kurikulum.c). */
    enum kurikulum kurikulum;
};

/* Fill '*out' with the defaults of every setting. */
void settings_defaults(struct settings *out);
/* Set 'key' to the normal-form 'value' in '*s' (settings_normalize()
 * checked it); keys that computations do not read are ignored. */
void settings_apply(struct settings *s, const char *key, const char *value);

/* Number of settings and the i-th in key order: those a plan records
 * with itself (every computation's settings and the short texts). */
size_t settings_count(void);
const struct setting_def *settings_at(size_t i);
/* Number of the settings of documents only (long texts, lists, the
 * emblem), which a plan does not record, and the i-th in key order. */
size_t settings_doc_count(void);
const struct setting_def *settings_doc_at(size_t i);
/* The setting named 'key' (of either table), or NULL when there is
 * none. */
const struct setting_def *settings_find(const char *key);
/* Check 'value' for 'def' and write its normal form ("0.90" -> "0.9") into
 * 'out' ('out_len' bytes). ERR_INVAL with a reason for people in 'why'
 * ('why_len' bytes) when it does not fit. */
MUST_USE enum err settings_normalize(const struct setting_def *def,
                                     const char *value, char *out,
                                     size_t out_len, char *why, size_t why_len);

#endif
