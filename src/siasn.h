/* SPDX-License-Identifier: MIT */
/* siasn: reading BKN's SIASN files (io layer): the "Export Data ASN" CSV
 * (',' ';' or '|' separated, headings in any case with spaces or '_') and
 * the reference lists as JSON (ref-unor, jabatan fungsional, pelaksana,
 * struktural). Each file becomes a table of text cells in our forms:
 * values lose a leading "'" and the text "null", ids (32 hex digits) are
 * lower-cased, d-m-Y dates become YYYY-MM-DD, golongan ids 11-45 become
 * I/a .. IV/e. Problems of form (a bad id, date or golongan id, an id
 * twice, a ragged row, a missing column) go to a diag as
 * FILE:LINE:COLUMN; in a JSON file LINE is the 1-based index of the
 * element in its list and COLUMN the place of the key in the file's list
 * of keys (siasn_columns()). Pure: no storage. */
#ifndef MUTASI_SIASN_H
#define MUTASI_SIASN_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "model.h"

struct diag;

/* The files of a SIASN folder. */
enum siasn_file {
    SIASN_ASN,        /* data_asn.csv: the employees. */
    SIASN_UNOR,       /* ref-unor.json: the units. */
    SIASN_FUNGSIONAL, /* ref-jabatan-fungsional.json. */
    SIASN_PELAKSANA,  /* ref-jabatan-pelaksana.json. */
    SIASN_STRUKTURAL, /* ref-jabatan-struktural.json. */
    SIASN_N_FILES
};

/* Columns of SIASN_ASN (as headings read, lower-case with '_'). The last
 * ones are mutasi's own, which SIASN does not have; a file may carry them. */
enum {
    SA_PNS_ID,
    SA_NIP_BARU,
    SA_NAMA,
    SA_GELAR_DEPAN,
    SA_GELAR_BELAKANG,
    SA_TEMPAT_LAHIR,
    SA_TANGGAL_LAHIR,
    SA_JENIS_KELAMIN,
    SA_JENIS_PEGAWAI,
    SA_KEDUDUKAN_HUKUM_ID,
    SA_STATUS_CPNS_PNS,
    SA_GOL_AKHIR_ID,
    SA_GOL_AKHIR_NAMA,
    SA_JENIS_JABATAN_ID,
    SA_JABATAN_ID,
    SA_JABATAN_NAMA,
    SA_TMT_JABATAN,
    SA_TINGKAT_PENDIDIKAN,
    SA_PENDIDIKAN,
    SA_UNOR_ID,
    SA_UNOR_NAMA,
    SA_INSTANSI_INDUK_ID,
    SA_KOMPETENSI, /* mutasi's own from here. */
    SA_LAT,
    SA_LON,
    SA_HUKUMAN_DISIPLIN,
    SA_FORMASI_TAHUN,
    SA_N
};
/* Keys of SIASN_UNOR. */
enum {
    SU_ID,
    SU_INSTANSI_ID,
    SU_DIATASAN_ID,
    SU_NAMA_UNOR,
    SU_NAMA_JABATAN,
    SU_CEPAT_KODE,
    SU_INDUK_UNOR_ID,
    SU_JENIS_UNOR_ID,
    SU_ESELON_ID,
    SU_JENIS, /* mutasi's own from here. */
    SU_KECAMATAN,
    SU_LAT,
    SU_LON,
    SU_N
};
/* Keys of the three jabatan lists (pelaksana has id and nama only,
 * struktural id, nama and eselonId). */
enum {
    SJ_ID,
    SJ_NAMA,
    SJ_JENJANG,
    SJ_KELOMPOK_ID,
    SJ_USIA_BUP,
    SJ_ESELON_ID,
    SJ_KODE, /* mutasi's own from here. */
    SJ_KELOMPOK,
    SJ_GURU,
    SJ_KOMPETENSI,
    SJ_PENDIDIKAN_MIN,
    SJ_GOLONGAN_MIN,
    SJ_GOLONGAN_MAX,
    SJ_N
};

/* One file read: 'n_rows' rows of 'n_cols' cells, NULL for absent or
 * empty. 'field[c]' is the 1-based field (or key) number of column 'c'
 * for messages, 0 when the file lacks it. */
struct siasn_table {
    enum siasn_file kind;
    const char *file; /* Borrowed. */
    int n_cols;
    int field[SA_N];
    int n_fields; /* Fields of the file's rows (its widest key number). */
    long n_rows;
    long *lines;  /* Line (CSV) or 1-based index (JSON) of each row. */
    char **cells; /* n_rows * n_cols, owned. */
    bool bad;     /* Some row had a problem (reported). */
};

/* The base name of file 'k' in a SIASN folder ("data_asn.csv", ...). */
const char *siasn_file_name(enum siasn_file k);
/* The heading or key of column 'c' of file 'k', as documented. */
const char *siasn_column_name(enum siasn_file k, int c);
/* Cell 'c' of row 'i'; NULL when empty. */
const char *siasn_cell(const struct siasn_table *t, long i, int c);

/* Read the 'len' bytes of 'text', the content of file 'file' of kind 'k',
 * into '*t' (free it with siasn_table_cleanup(), also after a failure).
 * ERR_INVAL when the file cannot be read as a whole (not JSON, no header,
 * a required column missing); rows with problems are reported, marked in
 * 't->bad', and kept, so that one run reports as much as it can. */
MUST_USE enum err siasn_read(enum siasn_file k, const char *file,
                             const char *text, size_t len, struct diag *d,
                             struct siasn_table *t);
void siasn_table_cleanup(struct siasn_table *t);

/* The kind of unit that name 'nama' suggests: "SD Negeri ..", "SMP
 * Negeri .." (sekolah), "Puskesmas" (puskesmas), "Kelurahan", "Kecamatan",
 * "Dinas", "Badan", "Sekretariat", "Inspektorat", "Satuan" (opd),
 * "Bagian", "Bidang" (bidang), "RSUD"/"Rumah Sakit" (rsud); lainnya
 * otherwise. '*sure' is false for the fallback. */
enum unit_jenis siasn_guess_unit_jenis(const char *nama, bool *sure);
/* A short readable code made from the name 'nama' (upper-case words joined
 * by '_', at most 'max' bytes, cut at a word) into 'out' ('len' bytes). */
void siasn_code_from_name(const char *nama, size_t max, char *out, size_t len);
/* True when 's' can be one of our codes as it is (a unit's CepatKode). */
bool siasn_code_ok(const char *s);
/* Our jenjang word of SIASN's jenjang code (UT utama, MA madya, MU muda,
 * PT pertama, PY penyelia, MH mahir, TR terampil, PM pemula), or NULL;
 * '*keterampilan' tells which family it belongs to. */
const char *siasn_jenjang(const char *code, bool *keterampilan);
/* The jenis and jenjang of a structural position from its eselon id
 * (11, 12 JPT utama/madya; 21, 22 JPT pratama; 31, 32 administrator; 41,
 * 42 pengawas); false for another id. */
bool siasn_eselon(const char *eselon_id, enum jabatan_jenis *jenis,
                  const char **jenjang);

#endif
