/* SPDX-License-Identifier: MIT */
/* rec: the five CSV data kinds of the contract (io layer): column tables,
 * header mapping, and each row turned into a model record with every field
 * checked (numbers, dates, enumerations, NIP). Checks that need other rows
 * or the database (duplicates, references, cycles) are the importer's.
 * Pure: no storage, no files. */
#ifndef MUTASI_REC_H
#define MUTASI_REC_H

#include <stdbool.h>

#include "buf.h"
#include "err.h"

struct csv_row;
struct json_obj;
struct diag;
struct unit;
struct jabatan;
struct beban;
struct pegawai;
struct permohonan;
struct kinerja;

/* In dependency order: a kind refers only to kinds before it. */
enum rec_kind {
    REC_UNIT,
    REC_JABATAN,
    REC_BEBAN,
    REC_PEGAWAI,
    REC_PERMOHONAN,
    REC_KINERJA,
    REC_N_KINDS
};

/* Column ids of each kind, in the contract's (and export's) order. */
enum {
    REC_U_KODE,
    REC_U_NAMA,
    REC_U_INDUK,
    REC_U_JENIS,
    REC_U_KECAMATAN,
    REC_U_LAT,
    REC_U_LON
};
enum {
    REC_J_KODE,
    REC_J_NAMA,
    REC_J_JENIS,
    REC_J_JENJANG,
    REC_J_KELOMPOK,
    REC_J_GURU,
    REC_J_BUP,
    REC_J_KOMPETENSI,
    REC_J_PENDIDIKAN_MIN,
    REC_J_GOLONGAN_MIN,
    REC_J_GOLONGAN_MAX
};
enum {
    REC_B_UNIT,
    REC_B_JABATAN,
    REC_B_TUGAS,
    REC_B_VOLUME,
    REC_B_NORMA,
    REC_B_METODE,
    REC_B_MULAI,
    REC_B_SAMPAI
};
enum {
    REC_P_NIP,
    REC_P_NAMA,
    REC_P_JK,
    REC_P_TEMPAT,
    REC_P_TANGGAL,
    REC_P_STATUS,
    REC_P_GOLONGAN,
    REC_P_JABATAN,
    REC_P_UNIT,
    REC_P_TMT,
    REC_P_PENDIDIKAN,
    REC_P_KOMPETENSI,
    REC_P_LAT,
    REC_P_LON,
    REC_P_HUKDIS,
    REC_P_TUBEL,
    REC_P_FORMASI
};
enum {
    REC_R_NIP,
    REC_R_PILIHAN,
    REC_R_ALASAN,
    REC_R_TANGGAL,
    REC_R_KETERANGAN
};
enum { REC_K_NIP, REC_K_TAHUN, REC_K_PREDIKAT };

#define REC_MAX_COLUMNS 17
/* Caps on a workload row, far above any real task, so that one row's
 * volume x norma in millionths of a minute (at most 1e18) fits in 64 bits;
 * sums over rows need a wider type. */
#define REC_VOLUME_MAX 10000000LL /* Outputs (or hours, groups) a year. */
#define REC_NORMA_MAX  100000LL   /* Minutes per output. */

/* Reads the rows of one file of one kind. Fields are visible so that
 * callers can allocate it; only rec.c touches them. */
struct rec_reader {
    enum rec_kind kind;
    const char *file;         /* For messages; borrowed. */
    struct diag *d;           /* Where problems go; may be NULL. */
    bool comma_decimal;       /* ';' file: ',' may separate decimals. */
    int n_fields;             /* Fields in the header row; 0 before it. */
    int pos[REC_MAX_COLUMNS]; /* Field index of each column, or -1. */
    bool row_bad;             /* The current row had a problem. */
    struct buf scratch;       /* Normalised lists of the current row. */
};

/* The word of kind 'k' ("unit", "jabatan", ...). */
const char *rec_kind_name(enum rec_kind k);
/* The kind whose word is 'name'; ERR_NOTFOUND when none. */
MUST_USE enum err rec_kind_parse(const char *name, enum rec_kind *out);
/* The kind from a file name: the base name is KIND.csv or starts with KIND
 * followed by '_', '-', '.' or a space (case does not matter). */
MUST_USE enum err rec_kind_from_path(const char *path, enum rec_kind *out);
/* Number of columns of kind 'k'. */
int rec_n_columns(enum rec_kind k);

/* Prepare 'r' for a file 'file' of kind 'k' with separator 'delim'. */
void rec_reader_init(struct rec_reader *r, enum rec_kind k, const char *file,
                     char delim, struct diag *d);
/* Free what 'r' holds; accepts NULL. */
void rec_reader_cleanup(struct rec_reader *r);
/* Map the header row 'row'. ERR_INVAL for missing required, unknown or
 * duplicated columns (each reported). */
MUST_USE enum err rec_header_parse(struct rec_reader *r,
                                   const struct csv_row *row);
/* Instead of a header row: column 'c' of the kind is field 'pos[c]' of
 * each row (-1 when the source has no such column), 'n_fields' fields a
 * row (rows made from another layout, such as SIASN's). */
void rec_reader_map(struct rec_reader *r, const int *pos, int n_fields);
/* The 1-based field number of column 'col' in this file (1 when absent),
 * for messages about that column. */
int rec_field_no(const struct rec_reader *r, int col);
/* True when column 'col' is in this file's header. */
bool rec_has_column(const struct rec_reader *r, int col);
/* True when every field of 'row' is empty (a spreadsheet's trailing line);
 * such rows are skipped. */
bool rec_row_is_empty(const struct csv_row *row);

/* Turn data row 'row' into '*out'. Strings point into 'row' or into 'r'
 * and live until the next row. ERR_INVAL when a field is wrong (each
 * problem reported); '*out' is then partly filled and must not be used. */
MUST_USE enum err rec_unit_parse(struct rec_reader *r,
                                 const struct csv_row *row, struct unit *out);
MUST_USE enum err rec_jabatan_parse(struct rec_reader *r,
                                    const struct csv_row *row,
                                    struct jabatan *out);
MUST_USE enum err rec_beban_parse(struct rec_reader *r,
                                  const struct csv_row *row, struct beban *out);
/* Missing jenis_kelamin and tanggal_lahir are taken from the NIP; a
 * missing formasi_tahun stays 0 (its rule reads the NIP's year then). */
MUST_USE enum err rec_pegawai_parse(struct rec_reader *r,
                                    const struct csv_row *row,
                                    struct pegawai *out);
/* The status of a parsed request is PERMOHONAN_DIAJUKAN. */
MUST_USE enum err rec_permohonan_parse(struct rec_reader *r,
                                       const struct csv_row *row,
                                       struct permohonan *out);

/* A rating's year is checked for its form (1950 .. 2100); whether it lies
 * in the future is the importer's check, which knows today. */
MUST_USE enum err rec_kinerja_parse(struct rec_reader *r,
                                    const struct csv_row *row,
                                    struct kinerja *out);

/* Append the CSV fields of a record, in column order, to 'out' as one
 * line; csv export uses these, so that they re-import to the same data. */
MUST_USE enum err rec_unit_format(const struct unit *u, struct buf *out);
MUST_USE enum err rec_jabatan_format(const struct jabatan *j, struct buf *out);
MUST_USE enum err rec_beban_format(const struct beban *b, struct buf *out);
MUST_USE enum err rec_pegawai_format(const struct pegawai *p, struct buf *out);
MUST_USE enum err rec_permohonan_format(const struct permohonan *p,
                                        struct buf *out);
MUST_USE enum err rec_kinerja_format(const struct kinerja *k, struct buf *out);
/* Fill JSON object 'o' with the fields of a record, keyed by the CSV
 * column names: numbers as numbers, lists as arrays, empty as null. */
void rec_unit_json(const struct unit *u, struct json_obj *o);
void rec_jabatan_json(const struct jabatan *j, struct json_obj *o);
void rec_beban_json(const struct beban *b, struct json_obj *o);
void rec_pegawai_json(const struct pegawai *p, struct json_obj *o);
/* Requests also carry "id", "status" and "version". */
void rec_permohonan_json(const struct permohonan *p, struct json_obj *o);
void rec_kinerja_json(const struct kinerja *k, struct json_obj *o);

/* Append the header line of kind 'k' to 'out'. */
MUST_USE enum err rec_header_format(enum rec_kind k, struct buf *out);

#endif
