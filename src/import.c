/* SPDX-License-Identifier: MIT */
/* import: CSV files into the store, all or nothing (service layer).
 * Rows stream from the CSV reader through rec (field checks) and the
 * cross-row checks here into the store, inside one transaction. Unit files
 * are held in memory until their end, because a parent may come after its
 * child and cycles need the whole tree. After the first error nothing more
 * is written, but reading goes on to report up to the diag's cap. */
#include "import.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "abk.h"
#include "buf.h"
#include "csv.h"
#include "date.h"
#include "diag.h"
#include "json.h"
#include "map.h"
#include "map64.h"
#include "mem.h"
#include "model.h"
#include "nip.h"
#include "progress.h"
#include "store.h"

/* A unit row held until the end of its file. */
struct held_unit {
    struct unit u;    /* Strings owned by the importer's 'strings'. */
    const char *file; /* The file it came from (borrowed from the call). */
    long line;
    int induk_no; /* Field number of 'induk' in that file. */
};

struct importer {
    struct store *st;
    struct diag *d;
    const char *file; /* File being read. */
    enum rec_kind kind;
    struct rec_reader rr;
    bool header_done;
    bool failed;                  /* An error happened: write nothing more. */
    enum err db_rc;               /* A database failure, which ends the run. */
    struct map units;             /* Code -> parent code (owned) or NULL. */
    struct map jabatan;           /* Codes of positions. */
    struct map seen[REC_N_KINDS]; /* Keys of this call -> line. */
    struct map64 seen_nip[REC_N_KINDS]; /* The same for NIP keys, compact:
                                         * millions of them on a nation. */
    struct map64 kin_nips; /* NIP of a kinerja row -> a number (1, ...). */
    struct map64 seen_kin; /* (that number, tahun) -> line: kinerja keys of
                            * this call, tens of millions on a nation. */
    struct map unit_ids;   /* Unit code -> a number (1, 2, ...). */
    long n_unit_ids;
    long n_jabatan_ids;     /* Positions are numbered in 'jabatan'. */
    struct map64 pairs;     /* (unit, jabatan) of beban -> line/method. */
    struct held_unit *held; /* Unit rows of the current unit file. */
    size_t n_held;
    size_t cap_held;
    char **strings; /* Owned strings to free at the end. */
    size_t n_strings;
    size_t cap_strings;
    struct import_stats stats;
    struct import_opts opts;
    struct progress *pr;  /* The status line, or NULL. */
    FILE *cur;            /* The file being read, for its position. */
    int64_t bytes_before; /* Bytes of the files read before it. */
    int64_t rows_all;     /* Rows of every file so far. */
};

static char *
keep(struct importer *im, const char *s)
{
    if (s == NULL) {
        return NULL;
    }
    xgrow((void **)&im->strings, &im->cap_strings, im->n_strings + 1,
          sizeof(char *));
    im->strings[im->n_strings] = xstrdup(s);
    return im->strings[im->n_strings++];
}

static void verror(struct importer *im, const char *file, long line, int col,
                   const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

static void
verror(struct importer *im, const char *file, long line, int col,
       const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    diag_add(im->d, file, line, col, "%s", msg);
    im->failed = true;
}

/* Report a problem at 'line' and 'col' of the file being read. */
static void error_at(struct importer *im, long line, int col, const char *fmt,
                     ...) __attribute__((format(printf, 4, 5)));

static void
error_at(struct importer *im, long line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(im, im->file, line, col, fmt, ap);
    va_end(ap);
}
/* Report a problem about held unit 'h', in the file it came from. */
static void error_held(struct importer *im, const struct held_unit *h,
                       const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
error_held(struct importer *im, const struct held_unit *h, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(im, h->file, h->line, h->induk_no, fmt, ap);
    va_end(ap);
}

/* Note a database failure; the run stops and rolls back. */
static enum err
db_failed(struct importer *im, enum err rc)
{
    if (rc != ERR_OK) {
        im->db_rc = rc;
        im->failed = true;
    }
    return rc;
}

/* Note 'key' of kind 'k' as read on 'line'. True when it is new; else
 * '*prev' gets the line it was first read on. */
static bool
seen_add(struct importer *im, enum rec_kind k, const char *key, long line,
         long *prev)
{
    uint64_t nip = nip_key(key);
    int64_t old = 0;
    void *v = NULL;
    if (nip != 0) {
        bool is_new = map64_add(&im->seen_nip[k], nip, line, &old);
        *prev = (long)old;
        return is_new;
    }
    if (map_find(&im->seen[k], key, &v)) {
        *prev = (long)(intptr_t)v;
        return false;
    }
    map_put(&im->seen[k], key, (void *)(intptr_t)line);
    return true;
}

/* True when this call read 'key' of kind 'k' already. */
static bool
seen_before(const struct importer *im, enum rec_kind k, const char *key)
{
    uint64_t nip = nip_key(key);
    if (nip == 0) {
        return map_find(&im->seen[k], key, NULL);
    }
    return map64_find(&im->seen_nip[k], nip, NULL);
}

static bool
first_time(struct importer *im, long line, int col, const char *key)
{
    long prev = 0;
    if (!seen_add(im, im->kind, key, line, &prev)) {
        error_at(im, line, col,
                 L_("kunci '%s' sudah ada di baris %ld",
                    "key '%s' already appears on line %ld"),
                 key, prev);
        return false;
    }
    return true;
}

static bool
unit_known(const struct importer *im, const char *code)
{
    return map_find(&im->units, code, NULL);
}

static void
need_unit(struct importer *im, long line, int col, const char *code)
{
    if (code != NULL && !unit_known(im, code)) {
        error_at(im, line, col,
                 L_("unit '%s' tidak dikenal (tidak ada di berkas unit "
                    "maupun di basis data)",
                    "unknown unit '%s' (neither in a unit file nor in the "
                    "database)"),
                 code);
    }
}

static void
need_jabatan(struct importer *im, long line, int col, const char *code)
{
    if (code != NULL && !map_find(&im->jabatan, code, NULL)) {
        error_at(im, line, col,
                 L_("jabatan '%s' tidak dikenal (tidak ada di berkas "
                    "jabatan maupun di basis data)",
                    "unknown jabatan '%s' (neither in a jabatan file nor in "
                    "the database)"),
                 code);
    }
}

/* Check the key of a parsed row, good or bad, so that a repeat of a bad
 * row's key is still reported; then tell whether the row itself is good. */
static bool
row_ok(struct importer *im, enum err rc, const struct csv_row *row, int key_col,
       const char *key)
{
    if (key != NULL &&
        !first_time(im, row->line, rec_field_no(&im->rr, key_col), key)) {
        return false;
    }
    if (rc != ERR_OK) {
        im->failed = true;
        return false;
    }
    return true;
}

/* Columns left out of a file keep what the database holds: an update never
 * blanks data that the file does not carry. Only rows whose key exists
 * are touched, and only when the header lacks some optional column. The
 * copied strings live until the next store call. */
static void
keep_absent_unit(struct importer *im, struct unit *u)
{
    const struct rec_reader *r = &im->rr;
    struct unit old;
    if (rec_has_column(r, REC_U_INDUK) && rec_has_column(r, REC_U_KECAMATAN) &&
        rec_has_column(r, REC_U_LAT) && rec_has_column(r, REC_U_LON)) {
        return;
    }
    enum err rc = store_unit_get(im->st, u->kode, &old);
    if (rc != ERR_OK) {
        (void)db_failed(im, rc == ERR_NOTFOUND ? ERR_OK : rc);
        return;
    }
    if (!rec_has_column(r, REC_U_INDUK)) {
        u->induk = old.induk;
    }
    if (!rec_has_column(r, REC_U_KECAMATAN)) {
        u->kecamatan = old.kecamatan;
    }
    if (!rec_has_column(r, REC_U_LAT) && !rec_has_column(r, REC_U_LON)) {
        u->lat = old.lat;
        u->lon = old.lon;
    }
}

static void
keep_absent_jabatan(struct importer *im, struct jabatan *j)
{
    static const int cols[] = {REC_J_JENJANG,      REC_J_KELOMPOK,
                               REC_J_GURU,         REC_J_BUP,
                               REC_J_KOMPETENSI,   REC_J_PENDIDIKAN_MIN,
                               REC_J_GOLONGAN_MIN, REC_J_GOLONGAN_MAX};
    enum { N_COLS = sizeof(cols) / sizeof(cols[0]) };
    const struct rec_reader *r = &im->rr;
    const char **texts[N_COLS] = {
        &j->jenjang,      &j->kelompok,    NULL, NULL, &j->kompetensi, NULL,
        &j->golongan_min, &j->golongan_max};
    struct jabatan old;
    size_t n_absent = 0;
    for (size_t i = 0; i < N_COLS; i++) {
        n_absent += !rec_has_column(r, cols[i]);
    }
    enum err rc =
        n_absent ? store_jabatan_get(im->st, j->kode, &old) : ERR_NOTFOUND;
    if (rc != ERR_OK) {
        (void)db_failed(im, rc == ERR_NOTFOUND ? ERR_OK : rc);
        return;
    }
    const char *old_texts[N_COLS] = {
        old.jenjang,      old.kelompok,    NULL, NULL, old.kompetensi, NULL,
        old.golongan_min, old.golongan_max};
    if (!rec_has_column(r, REC_J_PENDIDIKAN_MIN)) {
        j->pendidikan_min = old.pendidikan_min;
    }
    for (size_t i = 0; i < N_COLS; i++) {
        if (texts[i] != NULL && !rec_has_column(r, cols[i])) {
            *texts[i] = old_texts[i];
        }
    }
    if (!rec_has_column(r, REC_J_GURU)) {
        j->guru = old.guru;
    }
    if (!rec_has_column(r, REC_J_BUP)) {
        j->bup = old.bup;
    }
}

static bool
pegawai_all_columns(const struct rec_reader *r)
{
    for (int c = 0; c < rec_n_columns(REC_PEGAWAI); c++) {
        if (!rec_has_column(r, c)) {
            return false;
        }
    }
    return true;
}

static void
keep_absent_pegawai(struct importer *im, struct pegawai *p)
{
    const struct rec_reader *r = &im->rr;
    struct pegawai old;
    if (pegawai_all_columns(r)) {
        return;
    }
    enum err rc = store_pegawai_get(im->st, p->nip, &old);
    if (rc != ERR_OK) {
        (void)db_failed(im, rc == ERR_NOTFOUND ? ERR_OK : rc);
        return;
    }
    p->tempat_lahir =
        rec_has_column(r, REC_P_TEMPAT) ? p->tempat_lahir : old.tempat_lahir;
    p->pendidikan =
        rec_has_column(r, REC_P_PENDIDIKAN) ? p->pendidikan : old.pendidikan;
    p->kompetensi =
        rec_has_column(r, REC_P_KOMPETENSI) ? p->kompetensi : old.kompetensi;
    /* A golongan fits its status kind; a new kind drops the old one. */
    if (!rec_has_column(r, REC_P_GOLONGAN) &&
        model_status_is_pppk(old.status) == model_status_is_pppk(p->status)) {
        p->golongan = old.golongan;
    }
    if (!rec_has_column(r, REC_P_LAT) && !rec_has_column(r, REC_P_LON)) {
        p->lat = old.lat;
        p->lon = old.lon;
    }
    p->hukuman_disiplin = rec_has_column(r, REC_P_HUKDIS)
                              ? p->hukuman_disiplin
                              : old.hukuman_disiplin;
    p->tugas_belajar =
        rec_has_column(r, REC_P_TUBEL) ? p->tugas_belajar : old.tugas_belajar;
    p->formasi_tahun =
        rec_has_column(r, REC_P_FORMASI) ? p->formasi_tahun : old.formasi_tahun;
}

static void
hold_unit(struct importer *im, const struct unit *u, long line)
{
    struct held_unit *h = NULL;
    xgrow((void **)&im->held, &im->cap_held, im->n_held + 1, sizeof(*im->held));
    h = &im->held[im->n_held++];
    h->u = *u;
    h->u.kode = keep(im, u->kode);
    h->u.nama = keep(im, u->nama);
    h->u.induk = keep(im, u->induk);
    h->u.kecamatan = keep(im, u->kecamatan);
    h->line = line;
    h->file = im->file;
    h->induk_no = rec_field_no(&im->rr, REC_U_INDUK);
}

static void
on_unit(struct importer *im, const struct csv_row *row)
{
    struct unit u;
    enum err rc = rec_unit_parse(&im->rr, row, &u);
    if (row_ok(im, rc, row, REC_U_KODE, u.kode)) {
        keep_absent_unit(im, &u);
        hold_unit(im, &u, row->line);
    }
}

static void
on_jabatan(struct importer *im, const struct csv_row *row)
{
    struct jabatan j;
    enum err rc = rec_jabatan_parse(&im->rr, row, &j);
    if (!row_ok(im, rc, row, REC_J_KODE, j.kode)) {
        return;
    }
    keep_absent_jabatan(im, &j);
    /* A file giving one end of the range keeps the other from the
     * database: the merged range must still hold (rec checks a row's own). */
    int lo = model_golongan_rank(j.golongan_min);
    int hi = model_golongan_rank(j.golongan_max);
    if (lo >= 0 && hi >= 0 && lo > hi) {
        int col = rec_has_column(&im->rr, REC_J_GOLONGAN_MIN)
                      ? REC_J_GOLONGAN_MIN
                      : REC_J_GOLONGAN_MAX;
        error_at(im, row->line, rec_field_no(&im->rr, col),
                 L_("golongan_min %s di atas golongan_max %s yang tersimpan "
                    "untuk jabatan %s",
                    "golongan_min %s is above the stored golongan_max %s of "
                    "jabatan %s"),
                 j.golongan_min, j.golongan_max, j.kode);
    }
    if (!map_find(&im->jabatan, j.kode, NULL)) {
        map_put(&im->jabatan, j.kode, (void *)(intptr_t)++im->n_jabatan_ids);
    }
    if (!im->failed) {
        (void)db_failed(im, store_jabatan_put(im->st, &j));
    }
}

/* The number of a (unit, jabatan) pair, exact and compact (a nation has
 * millions of pairs); 0 when either is unknown. */
static uint64_t
pair_key(struct importer *im, const struct beban *b)
{
    void *j = NULL;
    void *u = NULL;
    if (!map_find(&im->jabatan, b->jabatan, &j) || j == NULL) {
        return 0;
    }
    if (!map_find(&im->unit_ids, b->unit, &u)) {
        u = (void *)(intptr_t)++im->n_unit_ids;
        map_put(&im->unit_ids, b->unit, u);
    }
    return abk_pair_key((uint64_t)(intptr_t)u, (uint64_t)(intptr_t)j);
}

/* The pair's method must be the same on all its rows of this call. The map
 * value packs the first line and the method. */
static bool
same_method(struct importer *im, long line, const struct beban *b, bool *first)
{
    int64_t prev = 0;
    uint64_t key = pair_key(im, b);
    if (key == 0) {
        return false; /* An unknown unit or jabatan, reported already. */
    }
    *first = map64_add(&im->pairs, key, line * 8 + (int64_t)b->metode, &prev);
    if (*first) {
        return true;
    }
    int metode = (int)(prev % 8);
    if (metode != (int)b->metode) {
        error_at(im, line, rec_field_no(&im->rr, REC_B_METODE),
                 L_("metode '%s' berbeda dengan metode '%s' di baris %ld "
                    "untuk unit %s dan jabatan %s yang sama",
                    "method '%s' differs from method '%s' on line %ld for "
                    "the same unit %s and jabatan %s"),
                 model_enum_name(&model_metode, (int)b->metode),
                 model_enum_name(&model_metode, metode), (long)(prev / 8),
                 b->unit, b->jabatan);
        return false;
    }
    return true;
}

static void
on_beban(struct importer *im, const struct csv_row *row)
{
    struct beban b;
    bool first = false;
    if (rec_beban_parse(&im->rr, row, &b) != ERR_OK) {
        im->failed = true;
        return;
    }
    need_unit(im, row->line, rec_field_no(&im->rr, REC_B_UNIT), b.unit);
    need_jabatan(im, row->line, rec_field_no(&im->rr, REC_B_JABATAN),
                 b.jabatan);
    if (!same_method(im, row->line, &b, &first) || im->failed) {
        return;
    }
    long kept = 0;
    bool same = false;
    bool replace = im->opts.replace_app_rows;
    enum err rc =
        first ? store_beban_clear(im->st, b.unit, b.jabatan, replace, &kept)
              : ERR_OK;
    if (rc == ERR_OK && kept > 0) {
        im->stats.n_app_kept += kept;
        diag_add(im->d, im->file, row->line, 0,
                 L_("peringatan: %ld baris beban unit %s jabatan %s dicatat "
                    "lewat aplikasi (lonjakan) dan dipertahankan; impor "
                    "dengan --replace-api-rows untuk menggantinya",
                    "warning: %ld workload rows of unit %s jabatan %s were "
                    "written through the app (surges) and are kept; import "
                    "with --replace-api-rows to replace them"),
                 kept, b.unit, b.jabatan);
    }
    rc = rc == ERR_OK && !replace ? store_beban_app_has(im->st, &b, &same) : rc;
    if (rc == ERR_OK && !same) {
        rc = store_beban_add(im->st, &b);
    }
    (void)db_failed(im, rc);
}

static void
on_pegawai(struct importer *im, const struct csv_row *row)
{
    struct pegawai p;
    enum store_put put = STORE_UNCHANGED;
    enum err rc = rec_pegawai_parse(&im->rr, row, &p);
    if (!row_ok(im, rc, row, REC_P_NIP, p.nip)) {
        return;
    }
    keep_absent_pegawai(im, &p);
    need_unit(im, row->line, rec_field_no(&im->rr, REC_P_UNIT), p.unit);
    need_jabatan(im, row->line, rec_field_no(&im->rr, REC_P_JABATAN),
                 p.jabatan);
    if (im->failed ||
        db_failed(im, store_pegawai_put(im->st, &p, "impor", &put)) != ERR_OK) {
        return;
    }
    im->stats.n_new += put == STORE_INSERTED;
    im->stats.n_changed += put == STORE_UPDATED;
}

/* The requester's own unit, from this call's rows or the database. */
static enum err
own_unit(struct importer *im, long line, const char *nip, char **out)
{
    struct pegawai p;
    enum err rc = store_pegawai_get(im->st, nip, &p);
    if (rc == ERR_NOTFOUND && seen_before(im, REC_PEGAWAI, nip)) {
        return rc; /* Its pegawai row had an error, reported already. */
    }
    if (rc == ERR_NOTFOUND) {
        error_at(im, line, rec_field_no(&im->rr, REC_R_NIP),
                 L_("NIP %s tidak terdaftar sebagai pegawai",
                    "NIP %s is not a registered employee"),
                 nip);
        return rc;
    }
    if (db_failed(im, rc) != ERR_OK) {
        return rc;
    }
    *out = xstrdup(p.unit);
    return ERR_OK;
}

static void
check_choices(struct importer *im, long line, const struct permohonan *r,
              const char *own)
{
    int col = rec_field_no(&im->rr, REC_R_PILIHAN);
    for (int i = 0; i < r->n_pilihan; i++) {
        need_unit(im, line, col, r->pilihan[i]);
        if (strcmp(r->pilihan[i], own) == 0) {
            error_at(im, line, col,
                     L_("pilihan ke-%d adalah unit pegawai itu sendiri (%s)",
                        "choice %d is the employee's own unit (%s)"),
                     i + 1, own);
        }
    }
}

static void
on_permohonan(struct importer *im, const struct csv_row *row)
{
    struct permohonan r;
    char *own = NULL;
    enum err rc = rec_permohonan_parse(&im->rr, row, &r);
    if (!row_ok(im, rc, row, REC_R_NIP, r.nip) ||
        own_unit(im, row->line, r.nip, &own) != ERR_OK) {
        return;
    }
    check_choices(im, row->line, &r, own);
    free(own);
    if (im->failed) {
        return;
    }
    enum store_put put = STORE_UNCHANGED;
    rc = store_permohonan_put(im->st, &r,
                              !rec_has_column(&im->rr, REC_R_KETERANGAN), &put);
    if (rc == ERR_CONFLICT) {
        error_at(im, row->line, rec_field_no(&im->rr, REC_R_NIP), "%s",
                 store_errmsg(im->st));
        return;
    }
    (void)db_failed(im, rc);
}

/* True when 'nip' is an employee: of this call's rows or the database.
 * Reports it at the NIP column otherwise. */
static bool
employee_known(struct importer *im, long line, int col, const char *nip)
{
    struct pegawai p;
    if (seen_before(im, REC_PEGAWAI, nip)) {
        return true;
    }
    enum err rc = store_pegawai_get(im->st, nip, &p);
    if (rc == ERR_NOTFOUND) {
        error_at(im, line, col,
                 L_("NIP %s tidak terdaftar sebagai pegawai",
                    "NIP %s is not a registered employee"),
                 nip);
        return false;
    }
    return db_failed(im, rc) == ERR_OK;
}

/* The key (nip, tahun) of a kinerja row as one number, exact and compact:
 * the NIP's number in 'kin_nips' beside the year. 0 when the NIP is not
 * of 18 digits or the year does not fit. */
static uint64_t
kinerja_key(struct importer *im, const char *nip, int tahun)
{
    uint64_t n = nip_key(nip);
    int64_t no = (int64_t)im->kin_nips.n_items + 1;
    if (n == 0 || tahun <= 0 || tahun > 0xffff) {
        return 0;
    }
    (void)map64_add(&im->kin_nips, n, no, &no);
    return (uint64_t)no << 16 | (uint64_t)tahun;
}

/* first_time() for the key of a kinerja row. */
static bool
kinerja_first_time(struct importer *im, long line, const struct kinerja *k)
{
    char key[64];
    int col = rec_field_no(&im->rr, REC_K_TAHUN);
    uint64_t n = kinerja_key(im, k->nip, k->tahun);
    int64_t prev = 0;
    if (n == 0) {
        snprintf(key, sizeof(key), "%s tahun %d", k->nip, k->tahun);
        return first_time(im, line, col, key);
    }
    if (!map64_add(&im->seen_kin, n, line, &prev)) {
        snprintf(key, sizeof(key), "%s tahun %d", k->nip, k->tahun);
        error_at(im, line, col,
                 L_("kunci '%s' sudah ada di baris %ld",
                    "key '%s' already appears on line %ld"),
                 key, (long)prev);
        return false;
    }
    return true;
}

static void
on_kinerja(struct importer *im, const struct csv_row *row)
{
    struct kinerja k;
    enum err rc = rec_kinerja_parse(&im->rr, row, &k);
    if (k.nip != NULL && k.tahun > 0 &&
        !kinerja_first_time(im, row->line, &k)) {
        return;
    }
    if (rc != ERR_OK) {
        im->failed = true;
        return;
    }
    int y = 0;
    int m = 0;
    int d = 0;
    date_to_ymd(date_today(), &y, &m, &d);
    if (k.tahun > y) {
        error_at(im, row->line, rec_field_no(&im->rr, REC_K_TAHUN),
                 L_("tahun %d belum berjalan (sekarang %d): SKP dinilai "
                    "sesudah tahunnya",
                    "year %d has not begun (it is %d): an SKP is rated "
                    "after its year"),
                 k.tahun, y);
        return;
    }
    if (!employee_known(im, row->line, rec_field_no(&im->rr, REC_K_NIP),
                        k.nip) ||
        im->failed) {
        return;
    }
    (void)db_failed(im, store_kinerja_put(im->st, &k, NULL));
}

static enum err
on_row(void *ctx, const struct csv_row *row)
{
    static void (*const handlers[REC_N_KINDS])(struct importer *,
                                               const struct csv_row *) = {
        on_unit, on_jabatan, on_beban, on_pegawai, on_permohonan, on_kinerja};
    struct importer *im = ctx;
    if (!im->header_done) {
        rec_reader_init(&im->rr, im->kind, im->file, row->delim, im->d);
        im->header_done = true;
        if (rec_header_parse(&im->rr, row) != ERR_OK) {
            im->failed = true;
            return ERR_INVAL; /* Rows cannot be read without a header. */
        }
        return ERR_OK;
    }
    if (rec_row_is_empty(row)) {
        return ERR_OK;
    }
    im->stats.n_rows[im->kind]++;
    handlers[im->kind](im, row);
    if (im->pr != NULL && (++im->rows_all & 1023) == 0) {
        long pos = ftell(im->cur);
        progress_set(im->pr, im->bytes_before + (pos > 0 ? pos : 0),
                     im->rows_all);
    }
    if (im->db_rc != ERR_OK) {
        return im->db_rc;
    }
    return diag_over(im->d) ? ERR_INVAL : ERR_OK;
}

/* Where unit 'code' points: this file's rows first, then the database. */
static const char *
parent_of(const struct importer *im, const char *code)
{
    void *v = NULL;
    return map_find(&im->units, code, &v) ? v : NULL;
}

/* Report the cycle through unit 'start' at the row of 'start' when this
 * call holds it, else at 'from' (the held unit whose walk met it). */
static void
report_cycle(struct importer *im, const struct map *held_at, const char *start,
             const struct held_unit *from)
{
    char path[512];
    size_t pos = 0;
    void *v = NULL;
    const char *c = start;
    for (int i = 0; i < 10; i++) {
        int n = snprintf(path + pos, sizeof(path) - pos, "%s%s",
                         i ? " -> " : "", c);
        if (n < 0 || (size_t)n >= sizeof(path) - pos) {
            break;
        }
        pos += (size_t)n;
        if (i > 0 && strcmp(c, start) == 0) {
            break;
        }
        c = parent_of(im, c);
        if (c == NULL || i == 8) {
            snprintf(path + pos, sizeof(path) - pos, " -> ...");
            break;
        }
    }
    if (map_find(held_at, start, &v)) {
        from = &im->held[(uintptr_t)v - 1];
    }
    error_held(im, from,
               L_("induk membentuk siklus pada pohon unit: %s",
                  "parents form a cycle in the unit tree: %s"),
               path);
}

/* Walk up from each held unit; a unit met twice on one walk closes a
 * cycle. 'state' marks units as on the current walk (1) or done (2), so
 * every unit is walked once. */
static void
check_cycles(struct importer *im)
{
    struct map state;
    struct map held_at; /* Code -> index + 1 in 'held'. */
    map_init(&state);
    map_init(&held_at);
    for (size_t i = 0; i < im->n_held; i++) {
        map_put(&held_at, im->held[i].u.kode, (void *)(uintptr_t)(i + 1));
    }
    for (size_t i = 0; i < im->n_held; i++) {
        const char *c = im->held[i].u.kode;
        void *v = NULL;
        while (c != NULL && !(map_find(&state, c, &v) && v == (void *)2)) {
            if (v == (void *)1) {
                report_cycle(im, &held_at, c, &im->held[i]);
                break;
            }
            map_put(&state, c, (void *)1);
            c = parent_of(im, c);
            v = NULL;
        }
        for (c = im->held[i].u.kode; c != NULL; c = parent_of(im, c)) {
            if (map_find(&state, c, &v) && v == (void *)2) {
                break;
            }
            map_put(&state, c, (void *)2);
        }
    }
    map_cleanup(&state);
    map_cleanup(&held_at);
}

/* After the last unit file: check parents and cycles over the merged
 * tree, then write the held rows. */
static void
finish_units(struct importer *im)
{
    for (size_t i = 0; i < im->n_held; i++) {
        map_put(&im->units, im->held[i].u.kode,
                (void *)(uintptr_t)im->held[i].u.induk);
    }
    for (size_t i = 0; i < im->n_held; i++) {
        const struct held_unit *h = &im->held[i];
        if (h->u.induk != NULL && !unit_known(im, h->u.induk)) {
            error_held(im, h,
                       L_("induk '%s' tidak dikenal", "unknown parent '%s'"),
                       h->u.induk);
        }
    }
    check_cycles(im);
    for (size_t i = 0; i < im->n_held && !im->failed; i++) {
        (void)db_failed(im, store_unit_put(im->st, &im->held[i].u));
    }
    im->n_held = 0;
}

static enum err
load_unit(void *ctx, const struct unit *u)
{
    struct importer *im = ctx;
    map_put(&im->units, u->kode, keep(im, u->induk));
    return ERR_OK;
}

static enum err
load_jabatan(void *ctx, const struct jabatan *j)
{
    struct importer *im = ctx;
    map_put(&im->jabatan, j->kode, (void *)(intptr_t)++im->n_jabatan_ids);
    return ERR_OK;
}

/* The rows of table 't', as read_one() reads a file. */
static enum err
read_table(struct importer *im, const struct import_table *t)
{
    im->file = t->file;
    im->kind = t->kind;
    rec_reader_init(&im->rr, t->kind, t->file, ',', im->d);
    rec_reader_map(&im->rr, t->pos, t->n_fields);
    im->header_done = true;
    enum err rc = ERR_OK;
    for (long i = 0; i < t->n_rows && rc == ERR_OK; i++) {
        rc = on_row(im, &t->rows[i]);
    }
    if (rc != ERR_OK && rc != ERR_DB) {
        im->failed = true;
    }
    rec_reader_cleanup(&im->rr);
    return im->db_rc != ERR_OK ? im->db_rc : ERR_OK;
}

static enum err
read_one(struct importer *im, FILE *f, const char *path, enum rec_kind kind)
{
    im->file = path;
    im->kind = kind;
    im->header_done = false;
    enum err rc = csv_read_file(f, path, on_row, im, im->d);
    if (rc == ERR_OK && !im->header_done) {
        error_at(im, 1, 1, "%s",
                 L_("berkas kosong: baris judul tidak ada",
                    "empty file: the header row is missing"));
    }
    if (rc != ERR_OK && rc != ERR_DB) {
        im->failed = true;
    }
    if (im->header_done) {
        rec_reader_cleanup(&im->rr);
    }
    if (rc == ERR_IO) {
        return rc; /* The file could not be read: exit 74, not 65. */
    }
    return im->db_rc != ERR_OK ? im->db_rc : ERR_OK;
}

struct input {
    const char *path;
    enum rec_kind kind;
    int order; /* Place in the call, to keep it within a kind. */
    FILE *f;
    const struct import_table *table; /* Instead of a file, or NULL. */
};

static int
by_kind(const void *a, const void *b)
{
    const struct input *x = a;
    const struct input *y = b;
    if (x->kind != y->kind) {
        return (int)x->kind - (int)y->kind;
    }
    return x->order - y->order;
}

/* Name each file's kind and open them all before anything is written;
 * the 'n_tables' tables come first within their kind. */
static enum err
open_inputs(struct input *in, const char *const *paths, int n,
            const struct import_table *tables, int n_tables, struct diag *d)
{
    enum err rc = ERR_OK;
    for (int i = 0; i < n_tables; i++) {
        in[n + i].path = tables[i].file;
        in[n + i].kind = tables[i].kind;
        in[n + i].order = i - n_tables;
        in[n + i].table = &tables[i];
    }
    for (int i = 0; i < n; i++) {
        in[i].path = paths[i];
        in[i].order = i;
        if (rec_kind_from_path(paths[i], &in[i].kind) != ERR_OK) {
            diag_add(d, paths[i], 0, 0, "%s",
                     L_("jenis data tidak dikenal dari nama berkas; nama "
                        "berkas harus diawali unit, jabatan, beban, pegawai, "
                        "permohonan atau kinerja",
                        "cannot tell the data kind from the file name; it "
                        "must start with unit, jabatan, beban, pegawai, "
                        "permohonan or kinerja"));
            rc = rc == ERR_OK ? ERR_USAGE : rc;
            continue;
        }
        in[i].f = fopen(paths[i], "rb");
        if (in[i].f == NULL) {
            diag_add(d, paths[i], 0, 0,
                     L_("tidak dapat dibuka: %s", "cannot be opened: %s"),
                     strerror(errno));
            rc = ERR_NOINPUT;
        }
    }
    qsort(in, (size_t)n + (size_t)n_tables, sizeof(*in), by_kind);
    return rc;
}

static void
importer_cleanup(struct importer *im)
{
    map_cleanup(&im->units);
    map_cleanup(&im->jabatan);
    map64_cleanup(&im->pairs);
    map_cleanup(&im->unit_ids);
    map64_cleanup(&im->kin_nips);
    map64_cleanup(&im->seen_kin);
    for (int k = 0; k < REC_N_KINDS; k++) {
        map_cleanup(&im->seen[k]);
        map64_cleanup(&im->seen_nip[k]);
    }
    for (size_t i = 0; i < im->n_strings; i++) {
        free(im->strings[i]);
    }
    free(im->strings);
    free(im->held);
}

static enum err
audit(struct importer *im, const char *actor)
{
    struct json_obj *o = json_obj_create();
    struct buf after;
    buf_init(&after, 0);
    for (int k = 0; k < REC_N_KINDS; k++) {
        json_obj_set_int(o, rec_kind_name((enum rec_kind)k),
                         im->stats.n_rows[k]);
    }
    json_obj_set_int(o, "pegawai_baru", im->stats.n_new);
    json_obj_set_int(o, "pegawai_berubah", im->stats.n_changed);
    enum err rc = json_obj_format(o, &after);
    struct store_audit a = {actor,    "data", NULL,
                            "import", NULL,   buf_str(&after)};
    rc = rc == ERR_OK ? store_audit_add(im->st, &a) : rc;
    json_obj_destroy(o);
    buf_cleanup(&after);
    return rc;
}

static enum err
load_existing(struct importer *im)
{
    enum err rc = store_unit_each(im->st, load_unit, im);
    if (rc == ERR_OK) {
        rc = store_jabatan_each(im->st, load_jabatan, im);
    }
    return rc;
}

/* Bulk mode for the kinds that come in large numbers, when their table is
 * still empty (a first load). */
static enum err
bulk_edge(struct importer *im, const struct input *in, int n, int i, bool start)
{
    enum rec_kind k = in[i].kind;
    enum store_bulk what = k == REC_BEBAN     ? STORE_BULK_BEBAN
                           : k == REC_PEGAWAI ? STORE_BULK_PEGAWAI
                                              : STORE_BULK_KINERJA;
    bool on = false;
    if (k != REC_BEBAN && k != REC_PEGAWAI && k != REC_KINERJA) {
        return ERR_OK;
    }
    if (start && (i == 0 || in[i - 1].kind != k)) {
        return store_bulk_begin(im->st, what, &on);
    }
    if (!start && (i + 1 == n || in[i + 1].kind != k) && !im->failed) {
        return store_bulk_end(im->st, what, "impor");
    }
    return ERR_OK;
}

static enum err
run(struct importer *im, struct input *in, int n, const char *actor)
{
    enum err rc = load_existing(im);
    int64_t total = 0;
    for (int i = 0; i < n; i++) {
        struct stat sb;
        total += in[i].f != NULL && fstat(fileno(in[i].f), &sb) == 0
                     ? (int64_t)sb.st_size
                     : 0;
    }
    im->pr = im->opts.progress ? progress_begin(L_("impor", "import"),
                                                L_("baris", "rows"), total)
                               : NULL;
    for (int i = 0; i < n && rc == ERR_OK; i++) {
        if (diag_over(im->d)) {
            break;
        }
        struct stat sb;
        im->cur = in[i].f;
        rc = bulk_edge(im, in, n, i, true);
        if (rc == ERR_OK) {
            rc = in[i].table != NULL
                     ? read_table(im, in[i].table)
                     : read_one(im, in[i].f, in[i].path, in[i].kind);
        }
        im->bytes_before += in[i].f != NULL && fstat(fileno(in[i].f), &sb) == 0
                                ? (int64_t)sb.st_size
                                : 0;
        rc = rc == ERR_OK ? bulk_edge(im, in, n, i, false) : rc;
        /* Unit files may name parents in one another: check them all
         * together, after the last one. */
        if (rc == ERR_OK && in[i].kind == REC_UNIT &&
            (i + 1 == n || in[i + 1].kind != REC_UNIT)) {
            finish_units(im);
            rc = im->db_rc;
        }
    }
    progress_end(im->pr);
    im->pr = NULL;
    if (rc == ERR_OK && im->failed) {
        rc = ERR_INVAL;
    }
    if (rc == ERR_OK) {
        rc = audit(im, actor);
    }
    return rc;
}

enum err
import_files(struct store *st, const char *const *paths, int n,
             const char *actor, struct diag *d, struct import_stats *out)
{
    struct import_opts o = {false, false};
    return import_files_opts(st, paths, n, actor, &o, d, out);
}

enum err
import_files_opts(struct store *st, const char *const *paths, int n,
                  const char *actor, const struct import_opts *o,
                  struct diag *d, struct import_stats *out)
{
    return import_run(st, paths, n, actor, o, NULL, d, out);
}

enum err
import_run(struct store *st, const char *const *paths, int n, const char *actor,
           const struct import_opts *o, const struct import_more *more,
           struct diag *d, struct import_stats *out)
{
    struct importer im;
    struct import_more none = {NULL, 0, NULL, NULL, false};
    more = more != NULL ? more : &none;
    int n_in = n + more->n_tables;
    struct input *in = xcalloc((size_t)(n_in > 0 ? n_in : 1), sizeof(*in));
    memset(&im, 0, sizeof(im));
    im.st = st;
    im.d = d;
    im.opts = *o;
    enum err rc = open_inputs(in, paths, n, more->tables, more->n_tables, d);
    if (rc == ERR_OK) {
        rc = store_begin(st);
    }
    if (rc == ERR_OK) {
        rc = run(&im, in, n_in, actor);
        rc =
            rc == ERR_OK && more->last != NULL ? more->last(more->ctx, st) : rc;
        if (rc == ERR_OK && more->dry_run) {
            store_rollback(st);
        } else {
            rc = rc == ERR_OK ? store_commit(st) : rc;
            if (rc != ERR_OK) {
                store_rollback(st);
            }
        }
    }
    for (int i = 0; i < n_in; i++) {
        if (in[i].f != NULL) {
            fclose(in[i].f);
        }
    }
    if (rc == ERR_OK) {
        *out = im.stats;
    }
    importer_cleanup(&im);
    free(in);
    return rc;
}
