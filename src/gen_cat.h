/* SPDX-License-Identifier: MIT */
/* gen_cat: the catalogue behind the synthetic data (io layer): positions
 * with their ABK tasks and standard times, Indonesian name parts, places
 * of birth. Tables only; the other gen*.c files decide how they are used. */
#ifndef MUTASI_GEN_CAT_H
#define MUTASI_GEN_CAT_H

#include "model.h"

#define GEN_MAX_TASKS 5

struct gen_task {
    const char *nama;
    int norma; /* Minutes per output. */
};

/* Positions; the order is the jabatan.csv order. */
enum gen_jab {
    J_GURU_KELAS,
    J_GURU_PAI,
    J_GURU_PJOK,
    J_GURU_PPKN,
    J_GURU_BINDO,
    J_GURU_MTK,
    J_GURU_IPA,
    J_GURU_IPS,
    J_GURU_BING,
    J_GURU_SENBUD,
    J_GURU_PRAKARYA,
    J_GURU_INFORMATIKA,
    J_GURU_BK,
    J_GURU_HINDU,
    J_GURU_KRISTEN,
    J_GURU_KATOLIK,
    J_GURU_BUDDHA,
    J_KEPALA_SEKOLAH,
    J_DOKTER,
    J_DOKTER_GIGI,
    J_PERAWAT,
    J_BIDAN,
    J_PROMKES,
    J_SANITARIAN,
    J_PRANATA_LAB,
    J_NUTRISIONIS,
    J_APOTEKER,
    J_EPIDEMIOLOG,
    J_PSIKOLOG_KLINIS,
    J_FISIOTERAPIS,
    J_TERAPIS_GIGI,
    J_KEPALA_PUSKESMAS,
    J_KEPALA_OPD,
    J_SEKRETARIS,
    J_KABID,
    J_KABAG,
    J_KASUBAG,
    J_CAMAT,
    J_SEKCAM,
    J_LURAH,
    J_PENGADM,
    J_PENGELOLA_LAYANAN,
    J_PENGELOLA_UMUM,
    J_ANALIS_KEBIJAKAN,
    J_PENGELOLA_KEUANGAN,
    J_PRANATA_KOMPUTER,
    J_ANALIS_SDMA,
    J_PERENCANA,
    J_AUDITOR,
    J_POLISI_PP,
    J_DAMKAR,
    J_ADMINDUK,
    J_PENYULUH_PERTANIAN,
    J_PENGENDALI_LINGKUNGAN,
    J_PETUGAS_KEBERSIHAN,
    J_TEKNIK_SIPIL,
    J_PEKERJA_SOSIAL,
    J_PENGUJI_KENDARAAN,
    J_PRANATA_HUMAS,
    J_ARSIPARIS,
    J_PUSTAKAWAN,
    J_PENGELOLA_PENGADAAN,
    J_PENATA_PERIZINAN,
    J_PEMERIKSA_PAJAK,
    J_PENGAWAS_SEKOLAH,
    J_N
};

/* What kind of staff a position is, for fill rates and status mixes. */
enum gen_group { GROUP_GURU, GROUP_KESEHATAN, GROUP_STRUKTURAL, GROUP_TEKNIS };

struct gen_jab_def {
    const char *kode;
    const char *nama;
    enum jabatan_jenis jenis;
    const char *jenjang;    /* NULL when none. */
    const char *kelompok;   /* NULL: its own code. */
    const char *kompetensi; /* Required tags; NULL when none. */
    const char *gelar;      /* Typical academic title; NULL when none. */
    enum gen_group group;
    struct gen_task tasks[GEN_MAX_TASKS]; /* For 'tugas' rows. */
};

extern const struct gen_jab_def gen_jabs[J_N];

/* Name parts by sex (gen_last: surnames of either sex). Each list ends
 * with NULL. */
extern const char *const gen_male_first[];
extern const char *const gen_female_first[];
extern const char *const gen_male_last[];
extern const char *const gen_female_last[];
extern const char *const gen_last[];
extern const char *const gen_sasak_male[];   /* Noble title: Lalu. */
extern const char *const gen_sasak_female[]; /* Noble title: Baiq. */
extern const char *const gen_bali_male[];    /* I Wayan, I Made, ... */
extern const char *const gen_bali_female[];  /* Ni Wayan, Ni Made, ... */
extern const char *const gen_bali_male_last[];
extern const char *const gen_bali_female_last[];
extern const char *const gen_places[];

/* Number of entries of a NULL-terminated list. */
int gen_count(const char *const *list);

#endif
