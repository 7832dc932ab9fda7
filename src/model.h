/* SPDX-License-Identifier: MIT */
/* model: the domain's value types and enumerations (core layer): units,
 * positions, workload rows, employees and transfer requests, with their
 * parse/format tables. No I/O. Strings in the records are borrowed from
 * whoever filled them (a CSV row, a database row) unless a function says
 * otherwise. */
#ifndef MUTASI_MODEL_H
#define MUTASI_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define MODEL_MAX_PILIHAN 5   /* Choices of one transfer request. */
#define MODEL_CODE_MAX    64  /* Longest unit or jabatan code, in bytes. */
#define MODEL_COORD_NONE  1e9 /* A missing latitude or longitude. */

/* An enumeration's CSV words: 'names[i]' is the word of value i. */
struct model_enum {
    const char *field;        /* Column that holds it, for messages. */
    const char *const *names; /* Words, indexed by value. */
    int n_names;              /* Number of words. */
};

enum unit_jenis {
    UNIT_OPD,
    UNIT_BIDANG,
    UNIT_SEKOLAH,
    UNIT_PUSKESMAS,
    UNIT_RSUD,
    UNIT_KECAMATAN,
    UNIT_KELURAHAN,
    UNIT_LAINNYA
};

enum jabatan_jenis {
    JAB_JPT,
    JAB_ADMINISTRATOR,
    JAB_PENGAWAS,
    JAB_PELAKSANA,
    JAB_FUNGSIONAL_KEAHLIAN,
    JAB_FUNGSIONAL_KETERAMPILAN
};

enum beban_metode { METODE_TUGAS, METODE_ROMBEL, METODE_JP, METODE_TETAP };

/* STATUS_PPPK_PW: part-time PPPK (PPPK paruh waktu), counted apart. */
enum pegawai_status { STATUS_CPNS, STATUS_PNS, STATUS_PPPK, STATUS_PPPK_PW };

/* Education levels, lowest first (contract section 3). */
enum pendidikan_level {
    PEND_SD,
    PEND_SMP,
    PEND_SMA,
    PEND_D1,
    PEND_D2,
    PEND_D3,
    PEND_D4,
    PEND_S1,
    PEND_S2,
    PEND_S3
};

/* The yearly performance rating (SKP, PP 30/2019), worst first so that a
 * higher value is a better rating. */
enum skp_predikat {
    SKP_SANGAT_KURANG,
    SKP_KURANG,
    SKP_BUTUH_PERBAIKAN,
    SKP_BAIK,
    SKP_SANGAT_BAIK
};

enum permohonan_alasan {
    ALASAN_IKUT_PASANGAN,
    ALASAN_KESEHATAN,
    ALASAN_DEKAT_DOMISILI,
    ALASAN_PENGEMBANGAN_KARIER,
    ALASAN_LAINNYA
};

/* Request statuses in workflow order (domain.md section 5). */
enum permohonan_status {
    PERMOHONAN_DRAF,
    PERMOHONAN_DIAJUKAN,
    PERMOHONAN_DISETUJUI_ASAL,
    PERMOHONAN_DIVERIFIKASI,
    PERMOHONAN_DISETUJUI_TUJUAN,
    PERMOHONAN_DIPERTIMBANGKAN,
    PERMOHONAN_DITETAPKAN,
    PERMOHONAN_SELESAI,
    PERMOHONAN_DITOLAK,
    PERMOHONAN_DIBATALKAN
};

extern const struct model_enum model_unit_jenis;
extern const struct model_enum model_jabatan_jenis;
extern const struct model_enum model_metode;
extern const struct model_enum model_status;
extern const struct model_enum model_alasan;
extern const struct model_enum model_permohonan_status;
extern const struct model_enum model_golongan_pns;  /* I/a .. IV/e. */
extern const struct model_enum model_golongan_pppk; /* I .. XVII. */
extern const struct model_enum model_pendidikan;    /* SD .. S3. */
extern const struct model_enum model_predikat;      /* SKP ratings. */

/* The value of word 's' ('len' bytes) in 'e', or -1 when it is not one. */
int model_enum_parse(const struct model_enum *e, const char *s, size_t len);
/* The word of value 'v' in 'e'; "" when out of range. */
const char *model_enum_name(const struct model_enum *e, int v);
/* The allowed words of 'e' joined by ", " into 'out' ('out_len' bytes,
 * truncated to fit), for messages; returns 'out'. */
const char *model_enum_list(const struct model_enum *e, char *out,
                            size_t out_len);

/* The education level at the start of 'text' (an employee's pendidikan,
 * "S1 PGSD", "SLTA", "D-III Keperawatan"): the level word of contract
 * section 3 or a common older spelling (SLTA, SMK, SMU, SLTP, DIII, D-III,
 * D.III, D IV ...), case ignored, followed by the end, a space or a
 * punctuation mark. Returns the level, or -1 when 'text' does not start
 * with one. */
int model_pendidikan_level(const char *text);
/* True when status 's' is one of the PPPK kinds (full or part time):
 * they have PPPK NIPs and golongan I .. XVII. */
bool model_status_is_pppk(enum pegawai_status s);
/* The rank of PNS golongan 'golongan' (0 for I/a .. 16 for IV/e), or -1
 * when it is not a PNS golongan (NULL, empty, a PPPK golongan). */
int model_golongan_rank(const char *golongan);

/* True when 'jenis' is a structural position (jpt, administrator,
 * pengawas), never filled by the planner: JPT by open selection, the
 * others by the PPK through talent management. */
bool model_jabatan_is_struktural(enum jabatan_jenis jenis);
/* The rank (pangkat) and golongan ruang of 'golongan' in words, as a
 * decree writes it, into 'out' ('len' bytes): "Penata Muda, III/a" for a
 * PNS golongan, "Golongan IX" for a PPPK one (PPPK have no pangkat), the
 * word itself for any other and "-" for NULL or "". */
void model_pangkat_text(const char *golongan, char *out, size_t len);
/* The name of a unit 'nama' as a decree writes it, into 'out': followed
 * by its parent's name 'induk' ("Bagian Kesejahteraan Rakyat Sekretariat
 * Daerah"), unless 'induk' is NULL (the parent is the government's root,
 * or there is none). The names are written exactly as given. */
void model_unit_title(const char *nama, const char *induk, char *out,
                      size_t len);
/* True when the request in 'st' is still open (not finished, refused or
 * withdrawn). */
bool model_permohonan_is_open(enum permohonan_status st);

struct unit {
    const char *kode;
    const char *nama;
    const char *induk; /* Parent code; NULL at a root. */
    enum unit_jenis jenis;
    const char *kecamatan; /* NULL when not given. */
    double lat;            /* MODEL_COORD_NONE when not given. */
    double lon;            /* MODEL_COORD_NONE when not given. */
};

struct jabatan {
    const char *kode;
    const char *nama;
    enum jabatan_jenis jenis;
    const char *jenjang;  /* NULL when not given. */
    const char *kelompok; /* NULL means the position's own code. */
    bool guru;
    int bup;                /* Retirement age override; 0 when not set. */
    const char *kompetensi; /* ';'-separated tags; NULL when none. */
    /* Requirements of a move into this jabatan from another one. */
    int pendidikan_min;       /* enum pendidikan_level; -1 when none. */
    const char *golongan_min; /* PNS golongan; NULL when none. */
    const char *golongan_max; /* PNS golongan; NULL when none. */
};

struct beban {
    const char *unit;
    const char *jabatan;
    const char *tugas;    /* NULL when not given. */
    int64_t volume_milli; /* Volume in thousandths. */
    int64_t norma_milli;  /* Minutes per output in thousandths; -1 none. */
    enum beban_metode metode;
    int32_t berlaku_mulai;  /* DATE_NONE when open. */
    int32_t berlaku_sampai; /* DATE_NONE when open; set on surge rows. */
};

struct pegawai {
    const char *nip;
    const char *nama;
    char jenis_kelamin;       /* 'L' or 'P'. */
    const char *tempat_lahir; /* NULL when not given. */
    int32_t tanggal_lahir;
    enum pegawai_status status;
    const char *golongan; /* NULL when not given. */
    const char *jabatan;
    const char *unit;
    int32_t tmt_unit;
    const char *pendidikan; /* NULL when not given. */
    const char *kompetensi; /* ';'-separated tags; NULL when none. */
    double lat;             /* Home; MODEL_COORD_NONE when not given. */
    double lon;
    bool hukuman_disiplin;
    bool tugas_belajar;
    int formasi_tahun; /* 0 when not given. */
};

/* One yearly performance rating (kinerja.csv). */
struct kinerja {
    const char *nip;
    int tahun;
    enum skp_predikat predikat;
};

struct permohonan {
    int64_t id; /* 0 until stored. */
    const char *nip;
    const char *pilihan[MODEL_MAX_PILIHAN]; /* Unit codes, ranked. */
    int n_pilihan;
    enum permohonan_alasan alasan;
    const char *keterangan; /* NULL when not given. */
    int32_t tanggal;
    enum permohonan_status status;
    int64_t version; /* Bumped on each change (no lost update). */
};

#endif
