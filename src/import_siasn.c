/* SPDX-License-Identifier: MIT */
/* import_siasn: a SIASN folder -> rows of our kinds -> import.c (service
 * layer). siasn.c reads and checks the files' form; here SIASN's ids meet
 * our codes (the database's mapping first, then CepatKode or the
 * position's own 'kode', then a code made from the name), the units get
 * their parents and kinds, the employees their status, and the rows go
 * to import_run() as tables whose field numbers are the SIASN files', so
 * that every message points into the file the user has. */
#include "import_siasn.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "csv.h"
#include "date.h"
#include "diag.h"
#include "json.h"
#include "map.h"
#include "mem.h"
#include "model.h"
#include "nip.h"
#include "rec.h"
#include "siasn.h"
#include "store.h"

#define CODE_LEN    (MODEL_CODE_MAX + 1)
#define DERIVED_MAX 32 /* Codes made from names stay this short. */
#define MAX_FILE    (512L * 1024 * 1024)

/* An employee as the database had it, for the reconciliation. */
struct before {
    char *nama;
    char *unit;
    char *jabatan;
    char *golongan;
    bool seen; /* In the export. */
};

/* A table of rows being built for import_run(). */
struct built {
    struct import_table t;
    struct csv_row *rows;
    const char **fields; /* Fields of the last row, writable. */
    size_t *lens;
    size_t cap;
};

struct job {
    struct store *st;
    const char *actor;
    struct diag *d;
    struct siasn_report *rep;
    struct siasn_table in[SIASN_N_FILES];
    bool have[SIASN_N_FILES];
    char path[SIASN_N_FILES][4096];
    struct map unit_code;  /* SIASN unor id -> our code (owned string). */
    struct map unit_used;  /* Our unit codes taken (DB and this call). */
    struct map jab_code;   /* SIASN jabatan id -> our code. */
    struct map jab_used;   /* Our jabatan codes taken. */
    struct map unit_jenis; /* Code of a unit in the database -> jenis. */
    struct map jab_wanted; /* Jabatan ids the employees hold. */
    struct map before;     /* NIP -> struct before. */
    struct built units;
    struct built jabatan[3];
    struct built unor_jabatan; /* Structural positions named by a unor. */
    struct map jab_listed;     /* Jabatan ids of the three lists. */
    struct built pegawai;
    char **strings; /* Owned strings of the rows. */
    size_t n_strings;
    size_t cap_strings;
    bool failed;
    /* The ids to record once every row is in (kind, code, id). */
    struct map ids[4];
};

static const char *const id_kinds[4] = {"instansi", "unit", "jabatan",
                                        "pegawai"};

static char *
own(struct job *j, char *s)
{
    xgrow((void **)&j->strings, &j->cap_strings, j->n_strings + 1,
          sizeof(char *));
    j->strings[j->n_strings++] = s;
    return s;
}

static char *
dup(struct job *j, const char *s)
{
    return s != NULL ? own(j, xstrdup(s)) : NULL;
}

static void fail_at(struct job *j, const char *file, long line, int col,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
fail_at(struct job *j, const char *file, long line, int col, const char *fmt,
        ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag_add(j->d, file, line, col, "%s", msg);
    j->failed = true;
}

/* Read file 'k' of the folder; 'required' files missing are ERR_NOINPUT. */
static enum err
load_file(struct job *j, const char *dir, enum siasn_file k, bool required)
{
    snprintf(j->path[k], sizeof(j->path[k]), "%s/%s", dir, siasn_file_name(k));
    FILE *f = fopen(j->path[k], "rb");
    if (f == NULL) {
        if (!required && errno == ENOENT) {
            return ERR_OK;
        }
        diag_add(j->d, j->path[k], 0, 0,
                 L_("tidak dapat dibuka: %s", "cannot be opened: %s"),
                 strerror(errno));
        return ERR_NOINPUT;
    }
    struct buf b;
    char chunk[65536];
    enum err rc = ERR_OK;
    size_t n = 0;
    buf_init(&b, MAX_FILE);
    while (rc == ERR_OK && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        rc = buf_add(&b, chunk, n);
    }
    if (rc == ERR_OK && ferror(f)) {
        diag_add(j->d, j->path[k], 0, 0, "%s",
                 L_("gagal membaca berkas", "could not read the file"));
        rc = ERR_IO;
    }
    fclose(f);
    if (rc == ERR_OK) {
        rc = buf_add(&b, "", 1) == ERR_OK ? ERR_OK : ERR_TOOBIG;
    }
    if (rc == ERR_OK) {
        rc = siasn_read(k, j->path[k], b.data, b.len - 1, j->d, &j->in[k]);
        j->have[k] = true;
        j->failed |= rc != ERR_OK || j->in[k].bad;
        rc = rc == ERR_INVAL ? ERR_OK : rc;
    }
    buf_cleanup(&b);
    return rc;
}

/* Rows ----------------------------------------------------------------- */

static void
built_init(struct built *b, enum rec_kind kind, const char *file, int n_fields)
{
    memset(b, 0, sizeof(*b));
    b->t.kind = kind;
    b->t.file = file;
    b->t.n_fields = n_fields;
    for (int c = 0; c < REC_MAX_COLUMNS; c++) {
        b->t.pos[c] = -1;
    }
}

/* A new row of 'b' at 'line' with every field empty; its fields. */
static const char **
built_row(struct job *j, struct built *b, long line)
{
    int n = b->t.n_fields;
    xgrow((void **)&b->rows, &b->cap, (size_t)b->t.n_rows + 1,
          sizeof(*b->rows));
    const char **fields = xcalloc((size_t)n, sizeof(*fields));
    size_t *lens = xcalloc((size_t)n, sizeof(*lens));
    own(j, (char *)fields);
    own(j, (char *)lens);
    for (int i = 0; i < n; i++) {
        fields[i] = "";
    }
    struct csv_row *r = &b->rows[b->t.n_rows++];
    r->line = line;
    r->delim = ',';
    r->n_fields = n;
    r->fields = fields;
    r->lens = lens;
    b->t.rows = b->rows;
    b->fields = fields;
    b->lens = lens;
    return fields;
}

/* Set column 'col' of the last row of 'b' to 'v' (copied; NULL: empty). */
static void
set(struct job *j, struct built *b, int col, const char *v)
{
    int i = b->t.pos[col];
    if (i < 0 || v == NULL) {
        return;
    }
    b->fields[i] = dup(j, v);
    b->lens[i] = strlen(v);
}

/* The field of SIASN column 'c' of table 't' as a 0-based index, or -1. */
static int
src(const struct siasn_table *t, int c)
{
    return t->field[c] - 1;
}

/* True when some row of 't' has column 'c' (mutasi's own columns count
 * only when a file carries them). */
static bool
any_has(const struct siasn_table *t, int c)
{
    for (long i = 0; i < t->n_rows; i++) {
        if (siasn_cell(t, i, c) != NULL) {
            return true;
        }
    }
    return false;
}

/* Codes ---------------------------------------------------------------- */

static void
record_id(struct job *j, int kind, const char *kode, const char *id)
{
    if (kode != NULL && id != NULL) {
        map_put(&j->ids[kind], kode, dup(j, id));
    }
}

/* A code from 'nama' not in 'used', marked used, into 'out'. */
static void
fresh_code(struct map *used, const char *nama, char *out)
{
    char base[DERIVED_MAX + 1];
    siasn_code_from_name(nama, DERIVED_MAX, base, sizeof(base));
    snprintf(out, CODE_LEN, "%s", base);
    for (int n = 2; map_find(used, out, NULL); n++) {
        snprintf(out, CODE_LEN, "%s_%d", base, n);
    }
    map_put(used, out, NULL);
}

static enum err
load_id(void *ctx, const char *jenis, const char *kode, const char *id)
{
    struct job *j = ctx;
    struct map *m = strcmp(jenis, "unit") == 0      ? &j->unit_code
                    : strcmp(jenis, "jabatan") == 0 ? &j->jab_code
                                                    : NULL;
    if (m != NULL) {
        map_put(m, id, dup(j, kode));
    }
    return ERR_OK;
}

static enum err
load_unit(void *ctx, const struct unit *u)
{
    struct job *j = ctx;
    map_put(&j->unit_used, u->kode, NULL);
    map_put(&j->unit_jenis, u->kode,
            dup(j, model_enum_name(&model_unit_jenis, (int)u->jenis)));
    return ERR_OK;
}

static enum err
load_jabatan(void *ctx, const struct jabatan *jb)
{
    struct job *j = ctx;
    map_put(&j->jab_used, jb->kode, NULL);
    return ERR_OK;
}

static enum err
load_pegawai(void *ctx, const struct pegawai *p)
{
    struct job *j = ctx;
    struct before *b = xcalloc(1, sizeof(*b));
    b->nama = dup(j, p->nama);
    b->unit = dup(j, p->unit);
    b->jabatan = dup(j, p->jabatan);
    b->golongan = dup(j, p->golongan);
    own(j, (char *)b);
    map_put(&j->before, p->nip, b);
    j->rep->n_before++;
    return ERR_OK;
}

/* Units ------------------------------------------------------------------ */

static void
add_guess(struct job *j, const char *kode, const char *nama, const char *jenis,
          bool sure)
{
    struct siasn_report *r = j->rep;
    xgrow((void **)&r->guesses, &r->cap_guesses, r->n_guesses + 1,
          sizeof(*r->guesses));
    struct siasn_guess *g = &r->guesses[r->n_guesses++];
    g->kode = xstrdup(kode);
    g->nama = xstrdup(nama != NULL ? nama : "");
    g->jenis = jenis;
    g->sure = sure;
}

/* Our code of each unor, before any parent is looked up. */
static void
unit_codes(struct job *j, char (*codes)[CODE_LEN])
{
    const struct siasn_table *t = &j->in[SIASN_UNOR];
    struct map cepat; /* CepatKode -> times in the file. */
    map_init(&cepat);
    for (long i = 0; i < t->n_rows; i++) {
        const char *ck = siasn_cell(t, i, SU_CEPAT_KODE);
        void *v = NULL;
        if (ck != NULL) {
            map_find(&cepat, ck, &v);
            map_put(&cepat, ck, (void *)((intptr_t)v + 1));
        }
    }
    /* First the units SIASN and we both know, then the CepatKode of the
     * new ones, then names: a code once given never moves. */
    for (long i = 0; i < t->n_rows; i++) {
        void *v = NULL;
        const char *id = siasn_cell(t, i, SU_ID);
        codes[i][0] = '\0';
        if (id != NULL && map_find(&j->unit_code, id, &v)) {
            snprintf(codes[i], CODE_LEN, "%s", (const char *)v);
        }
    }
    for (long i = 0; i < t->n_rows; i++) {
        const char *ck = siasn_cell(t, i, SU_CEPAT_KODE);
        void *v = NULL;
        if (codes[i][0] == '\0' && siasn_code_ok(ck) &&
            map_find(&cepat, ck, &v) && v == (void *)1 &&
            !map_find(&j->unit_used, ck, NULL)) {
            snprintf(codes[i], CODE_LEN, "%s", ck);
            map_put(&j->unit_used, ck, NULL);
        }
    }
    for (long i = 0; i < t->n_rows; i++) {
        if (codes[i][0] == '\0') {
            fresh_code(&j->unit_used, siasn_cell(t, i, SU_NAMA_UNOR), codes[i]);
        }
        const char *id = siasn_cell(t, i, SU_ID);
        if (id != NULL) {
            map_put(&j->unit_code, id, dup(j, codes[i]));
        }
    }
    map_cleanup(&cepat);
}

static void
build_units(struct job *j)
{
    const struct siasn_table *t = &j->in[SIASN_UNOR];
    struct built *b = &j->units;
    char(*codes)[CODE_LEN] = xcalloc((size_t)t->n_rows + 1, sizeof(*codes));
    unit_codes(j, codes);
    built_init(b, REC_UNIT, t->file, SU_N + 1);
    b->t.pos[REC_U_KODE] = src(t, SU_CEPAT_KODE);
    b->t.pos[REC_U_NAMA] = src(t, SU_NAMA_UNOR);
    b->t.pos[REC_U_INDUK] = src(t, SU_DIATASAN_ID);
    b->t.pos[REC_U_JENIS] = SU_N; /* Guessed or kept: a field of its own. */
    b->t.pos[REC_U_KECAMATAN] =
        any_has(t, SU_KECAMATAN) ? src(t, SU_KECAMATAN) : -1;
    bool coords = any_has(t, SU_LAT) || any_has(t, SU_LON);
    b->t.pos[REC_U_LAT] = coords ? src(t, SU_LAT) : -1;
    b->t.pos[REC_U_LON] = coords ? src(t, SU_LON) : -1;
    for (long i = 0; i < t->n_rows; i++) {
        const char *id = siasn_cell(t, i, SU_ID);
        const char *up = siasn_cell(t, i, SU_DIATASAN_ID);
        const char *inst = siasn_cell(t, i, SU_INSTANSI_ID);
        const char *nama = siasn_cell(t, i, SU_NAMA_UNOR);
        const char *induk = NULL;
        void *v = NULL;
        built_row(j, b, t->lines[i]);
        set(j, b, REC_U_KODE, codes[i]);
        set(j, b, REC_U_NAMA, nama);
        if (up != NULL && id != NULL && strcmp(up, id) != 0) {
            if (map_find(&j->unit_code, up, &v)) {
                induk = v;
            } else if (inst == NULL || strcmp(up, inst) != 0) {
                fail_at(j, t->file, t->lines[i], t->field[SU_DIATASAN_ID],
                        L_("unit induk '%s' (DiatasanId) tidak ada di "
                           "ref-unor maupun di basis data",
                           "parent unit '%s' (DiatasanId) is neither in "
                           "ref-unor nor in the database"),
                        up);
            }
        }
        if (induk == NULL && inst != NULL) {
            record_id(j, 0, codes[i], inst);
        }
        set(j, b, REC_U_INDUK, induk);
        const char *jenis = siasn_cell(t, i, SU_JENIS);
        if (jenis == NULL && map_find(&j->unit_jenis, codes[i], &v)) {
            jenis = v; /* Ours: a unit keeps the kind it has. */
        } else if (jenis == NULL) {
            bool sure = false;
            jenis = model_enum_name(&model_unit_jenis,
                                    (int)siasn_guess_unit_jenis(nama, &sure));
            add_guess(j, codes[i], nama, jenis, sure);
        }
        set(j, b, REC_U_JENIS, jenis);
        set(j, b, REC_U_KECAMATAN, siasn_cell(t, i, SU_KECAMATAN));
        set(j, b, REC_U_LAT, siasn_cell(t, i, SU_LAT));
        set(j, b, REC_U_LON, siasn_cell(t, i, SU_LON));
        record_id(j, 1, codes[i], id);
    }
    free(codes);
}

/* Positions -------------------------------------------------------------- */

static const enum siasn_file jab_files[3] = {SIASN_FUNGSIONAL, SIASN_PELAKSANA,
                                             SIASN_STRUKTURAL};

/* Our code of each position of the three lists; a position that nobody
 * holds and that has no code of ours (a national list) is left out
 * (code ""). */
static void
jabatan_codes(struct job *j, char (**codes)[CODE_LEN])
{
    struct map first; /* id -> "file:line" of its first list. */
    map_init(&first);
    for (int f = 0; f < 3; f++) {
        const struct siasn_table *t = &j->in[jab_files[f]];
        codes[f] = xcalloc((size_t)t->n_rows + 1, sizeof(*codes[f]));
        for (long i = 0; i < t->n_rows; i++) {
            const char *id = siasn_cell(t, i, SJ_ID);
            const char *kode = siasn_cell(t, i, SJ_KODE);
            void *v = NULL;
            if (id == NULL) {
                continue;
            }
            if (map_find(&first, id, &v)) {
                fail_at(j, t->file, t->lines[i], t->field[SJ_ID],
                        L_("id jabatan '%s' sudah ada di %s",
                           "jabatan id '%s' already appears in %s"),
                        id, (const char *)v);
                continue;
            }
            char where[4200];
            snprintf(where, sizeof(where), "%s:%ld", t->file, t->lines[i]);
            map_put(&first, id, dup(j, where));
            map_put(&j->jab_listed, id, NULL);
            if (map_find(&j->jab_code, id, &v)) {
                snprintf(codes[f][i], CODE_LEN, "%s", (const char *)v);
            } else if (kode != NULL) {
                snprintf(codes[f][i], CODE_LEN, "%s", kode);
                map_put(&j->jab_used, kode, NULL);
            }
        }
    }
    for (int f = 0; f < 3; f++) {
        const struct siasn_table *t = &j->in[jab_files[f]];
        for (long i = 0; i < t->n_rows; i++) {
            const char *id = siasn_cell(t, i, SJ_ID);
            if (id != NULL && codes[f][i][0] == '\0' &&
                map_find(&j->jab_wanted, id, NULL)) {
                fresh_code(&j->jab_used, siasn_cell(t, i, SJ_NAMA),
                           codes[f][i]);
            }
            if (id != NULL && codes[f][i][0] != '\0') {
                map_put(&j->jab_code, id, dup(j, codes[f][i]));
            }
        }
    }
    map_cleanup(&first);
}

static void
build_jabatan_file(struct job *j, int f, char (*codes)[CODE_LEN])
{
    const struct siasn_table *t = &j->in[jab_files[f]];
    struct built *b = &j->jabatan[f];
    built_init(b, REC_JABATAN, t->file, SJ_N + 2);
    b->t.pos[REC_J_KODE] = src(t, SJ_KODE);
    b->t.pos[REC_J_NAMA] = src(t, SJ_NAMA);
    b->t.pos[REC_J_JENIS] = SJ_N;
    b->t.pos[REC_J_JENJANG] = jab_files[f] == SIASN_STRUKTURAL
                                  ? src(t, SJ_ESELON_ID)
                                  : src(t, SJ_JENJANG);
    static const struct {
        int col;
        int key;
    } own_cols[] = {{REC_J_GURU, SJ_GURU},
                    {REC_J_BUP, SJ_USIA_BUP},
                    {REC_J_KOMPETENSI, SJ_KOMPETENSI},
                    {REC_J_PENDIDIKAN_MIN, SJ_PENDIDIKAN_MIN},
                    {REC_J_GOLONGAN_MIN, SJ_GOLONGAN_MIN},
                    {REC_J_GOLONGAN_MAX, SJ_GOLONGAN_MAX}};
    for (size_t k = 0; k < sizeof(own_cols) / sizeof(*own_cols); k++) {
        b->t.pos[own_cols[k].col] =
            any_has(t, own_cols[k].key) ? src(t, own_cols[k].key) : -1;
    }
    /* Without mutasi's 'guru' key a teacher is told by the name. */
    bool guru_key = any_has(t, SJ_GURU);
    if (!guru_key) {
        b->t.pos[REC_J_GURU] = SJ_N + 1;
    }
    bool kelompok = any_has(t, SJ_KELOMPOK) || any_has(t, SJ_KELOMPOK_ID);
    b->t.pos[REC_J_KELOMPOK] = !kelompok ? -1
                               : any_has(t, SJ_KELOMPOK)
                                   ? src(t, SJ_KELOMPOK)
                                   : src(t, SJ_KELOMPOK_ID);
    for (long i = 0; i < t->n_rows; i++) {
        if (codes[i][0] == '\0') {
            continue;
        }
        enum jabatan_jenis jenis = JAB_PELAKSANA;
        const char *jenjang = NULL;
        if (jab_files[f] == SIASN_FUNGSIONAL) {
            bool terampil = false;
            const char *code = siasn_cell(t, i, SJ_JENJANG);
            jenjang = siasn_jenjang(code, &terampil);
            if (code != NULL && jenjang == NULL) {
                fail_at(j, t->file, t->lines[i], t->field[SJ_JENJANG],
                        L_("jenjang '%s' tidak dikenal: UT, MA, MU, PT "
                           "(keahlian) atau PY, MH, TR, PM (keterampilan)",
                           "unknown jenjang '%s': UT, MA, MU, PT (expert) "
                           "or PY, MH, TR, PM (skilled)"),
                        code);
            }
            jenis = terampil ? JAB_FUNGSIONAL_KETERAMPILAN
                             : JAB_FUNGSIONAL_KEAHLIAN;
        } else if (jab_files[f] == SIASN_STRUKTURAL) {
            const char *es = siasn_cell(t, i, SJ_ESELON_ID);
            if (!siasn_eselon(es, &jenis, &jenjang)) {
                fail_at(j, t->file, t->lines[i], t->field[SJ_ESELON_ID],
                        L_("eselonId '%s' tidak dikenal: 11, 12, 21, 22, "
                           "31, 32, 41 atau 42",
                           "unknown eselonId '%s': 11, 12, 21, 22, 31, 32, "
                           "41 or 42"),
                        es != NULL ? es : "");
            }
        }
        built_row(j, b, t->lines[i]);
        set(j, b, REC_J_KODE, codes[i]);
        set(j, b, REC_J_NAMA, siasn_cell(t, i, SJ_NAMA));
        set(j, b, REC_J_JENIS,
            model_enum_name(&model_jabatan_jenis, (int)jenis));
        set(j, b, REC_J_JENJANG, jenjang);
        const char *kel = siasn_cell(t, i, SJ_KELOMPOK);
        if (kel == NULL && siasn_code_ok(siasn_cell(t, i, SJ_KELOMPOK_ID))) {
            kel = siasn_cell(t, i, SJ_KELOMPOK_ID);
        }
        set(j, b, REC_J_KELOMPOK, kel);
        const char *nama = siasn_cell(t, i, SJ_NAMA);
        set(j, b, REC_J_GURU,
            guru_key ? siasn_cell(t, i, SJ_GURU)
            : nama != NULL && strncasecmp(nama, "Guru ", 5) == 0 ? "1"
                                                                 : "0");
        const char *bup = siasn_cell(t, i, SJ_USIA_BUP);
        set(j, b, REC_J_BUP, bup != NULL && strcmp(bup, "0") != 0 ? bup : NULL);
        set(j, b, REC_J_KOMPETENSI, siasn_cell(t, i, SJ_KOMPETENSI));
        set(j, b, REC_J_PENDIDIKAN_MIN, siasn_cell(t, i, SJ_PENDIDIKAN_MIN));
        set(j, b, REC_J_GOLONGAN_MIN, siasn_cell(t, i, SJ_GOLONGAN_MIN));
        set(j, b, REC_J_GOLONGAN_MAX, siasn_cell(t, i, SJ_GOLONGAN_MAX));
        record_id(j, 2, codes[i], siasn_cell(t, i, SJ_ID));
    }
}

/* A structural position that no list names but a unor does: SIASN gives
 * a struktural employee's jabatan_id as the id of the unor they head, with
 * its NamaJabatan and EselonId. One position per such unor. */
static void
build_unor_jabatan(struct job *j)
{
    const struct siasn_table *t = &j->in[SIASN_UNOR];
    struct built *b = &j->unor_jabatan;
    built_init(b, REC_JABATAN, t->file, SU_N + 2);
    b->t.pos[REC_J_KODE] = SU_N;
    b->t.pos[REC_J_NAMA] = src(t, SU_NAMA_JABATAN);
    b->t.pos[REC_J_JENIS] = SU_N + 1;
    b->t.pos[REC_J_JENJANG] = src(t, SU_ESELON_ID);
    for (long i = 0; i < t->n_rows; i++) {
        const char *id = siasn_cell(t, i, SU_ID);
        const char *nama = siasn_cell(t, i, SU_NAMA_JABATAN);
        const char *es = siasn_cell(t, i, SU_ESELON_ID);
        char code[CODE_LEN];
        void *v = NULL;
        enum jabatan_jenis jenis = JAB_PELAKSANA;
        const char *jenjang = NULL;
        if (id == NULL || nama == NULL || !map_find(&j->jab_wanted, id, NULL) ||
            map_find(&j->jab_listed, id, NULL)) {
            continue;
        }
        if (!siasn_eselon(es, &jenis, &jenjang)) {
            fail_at(j, t->file, t->lines[i], t->field[SU_ESELON_ID],
                    L_("EselonId '%s' tidak dikenal untuk jabatan '%s' unit "
                       "ini: 11, 12, 21, 22, 31, 32, 41 atau 42",
                       "unknown EselonId '%s' for this unit's position "
                       "'%s': 11, 12, 21, 22, 31, 32, 41 or 42"),
                    es != NULL ? es : "", nama);
            continue;
        }
        if (map_find(&j->jab_code, id, &v)) {
            snprintf(code, sizeof(code), "%s", (const char *)v);
        } else {
            fresh_code(&j->jab_used, nama, code);
            map_put(&j->jab_code, id, dup(j, code));
        }
        built_row(j, b, t->lines[i]);
        set(j, b, REC_J_KODE, code);
        set(j, b, REC_J_NAMA, nama);
        set(j, b, REC_J_JENIS,
            model_enum_name(&model_jabatan_jenis, (int)jenis));
        set(j, b, REC_J_JENJANG, jenjang);
        record_id(j, 2, code, id);
    }
}

/* Employees -------------------------------------------------------------- */

/* Active staff: kedudukan hukum below 50 (01 aktif, 02 CLTN, 03 tugas
 * belajar, 04 pemberhentian sementara, 20 MPP ...); 99 is pensiun, the
 * other high ones (66, 77, 88 ...) left the service. */
static long
kedudukan_no(const char *kedudukan)
{
    char *end = NULL;
    long n = kedudukan != NULL ? strtol(kedudukan, &end, 10) : 1;
    return end != NULL && *end != '\0' ? 1 : n;
}

static bool
active(const char *kedudukan)
{
    return kedudukan_no(kedudukan) < 50;
}

/* 'L' or 'P' from SIASN's words; the text itself when unknown (the usual
 * check then names it). */
static const char *
sex(const char *v)
{
    static const char *const men[] = {"L",         "M",    "1",
                                      "Laki-laki", "Pria", "Laki-Laki"};
    static const char *const women[] = {"P", "F", "2", "Perempuan", "Wanita"};
    for (size_t i = 0; v != NULL && i < sizeof(men) / sizeof(*men); i++) {
        if (strcasecmp(v, men[i]) == 0) {
            return "L";
        }
    }
    for (size_t i = 0; v != NULL && i < sizeof(women) / sizeof(*women); i++) {
        if (strcasecmp(v, women[i]) == 0) {
            return "P";
        }
    }
    return v;
}

static bool
has_word(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (; s != NULL && *s != '\0'; s++) {
        if (strncasecmp(s, w, n) == 0) {
            return true;
        }
    }
    return false;
}

/* Our status word from SIASN's jenis pegawai and CPNS/PNS status, or the
 * NIP's kind when neither says. */
static const char *
status_of(const char *jenis, const char *cpns, const char *nip)
{
    if (jenis != NULL && has_word(jenis, "PPPK")) {
        return has_word(jenis, "paruh") ? "PPPK_PW" : "PPPK";
    }
    if (cpns != NULL &&
        (strcasecmp(cpns, "C") == 0 || strcasecmp(cpns, "CPNS") == 0)) {
        return "CPNS";
    }
    if (jenis != NULL && has_word(jenis, "CPNS")) {
        return "CPNS";
    }
    if (jenis == NULL && cpns == NULL && nip != NULL && strlen(nip) == 18 &&
        nip[12] == '2') {
        return "PPPK";
    }
    return "PNS";
}

/* SIASN's "S-1/Sarjana" and the like as "S1/Sarjana"; other text as is. */
static const char *
pendidikan(struct job *j, const char *v)
{
    if (v != NULL && (v[0] == 'S' || v[0] == 's') && v[1] == '-' &&
        v[2] >= '1' && v[2] <= '3') {
        char *t = own(j, xstrdup(v + 1));
        t[0] = 'S';
        return t;
    }
    return v;
}

static void
change(struct job *j, const char *what, const char *nip, const char *nama,
       const char *before, const char *after)
{
    struct siasn_report *r = j->rep;
    xgrow((void **)&r->changes, &r->cap_changes, r->n_changes + 1,
          sizeof(*r->changes));
    struct siasn_change *c = &r->changes[r->n_changes++];
    c->perubahan = what;
    c->nip = xstrdup(nip);
    c->nama = xstrdup(nama != NULL ? nama : "");
    c->sebelum = before != NULL ? xstrdup(before) : NULL;
    c->sesudah = after != NULL ? xstrdup(after) : NULL;
}

static bool
differ(const char *a, const char *b)
{
    return (a == NULL) != (b == NULL) || (a != NULL && strcmp(a, b) != 0);
}

/* The full name as we write it: gelar depan, nama, ", " gelar belakang. */
static const char *
full_name(struct job *j, const char *depan, const char *nama,
          const char *belakang)
{
    if (depan == NULL && belakang == NULL) {
        return nama;
    }
    size_t n = (depan ? strlen(depan) + 1 : 0) + (nama ? strlen(nama) : 0) +
               (belakang ? strlen(belakang) + 2 : 0) + 1;
    char *out = own(j, xmalloc(n));
    snprintf(out, n, "%s%s%s%s%s", depan ? depan : "", depan ? " " : "",
             nama ? nama : "", belakang ? ", " : "", belakang ? belakang : "");
    return out;
}

/* Compare the employee of this row with the database's (reconciliation). */
static void
reconcile(struct job *j, const char *nip, const char *nama, const char *unit,
          const char *jabatan, const char *gol)
{
    void *v = NULL;
    if (nip == NULL || !map_find(&j->before, nip, &v)) {
        change(j, "baru", nip != NULL ? nip : "", nama, NULL, unit);
        return;
    }
    struct before *b = v;
    b->seen = true;
    if (differ(b->unit, unit)) {
        change(j, "pindah", nip, nama, b->unit, unit);
    }
    if (gol != NULL && differ(b->golongan, gol)) {
        change(j, "naik_pangkat", nip, nama, b->golongan, gol);
    }
    if (differ(b->jabatan, jabatan)) {
        change(j, "ganti_jabatan", nip, nama, b->jabatan, jabatan);
    }
}

static const char *
code_of(struct map *m, const char *id)
{
    void *v = NULL;
    return id != NULL && map_find(m, id, &v) ? v : NULL;
}

static void
build_pegawai(struct job *j)
{
    const struct siasn_table *t = &j->in[SIASN_ASN];
    struct built *b = &j->pegawai;
    built_init(b, REC_PEGAWAI, t->file, t->n_fields + 1);
    int *pos = b->t.pos;
    pos[REC_P_NIP] = src(t, SA_NIP_BARU);
    pos[REC_P_NAMA] = src(t, SA_NAMA);
    pos[REC_P_JK] = src(t, SA_JENIS_KELAMIN);
    pos[REC_P_TEMPAT] = src(t, SA_TEMPAT_LAHIR);
    pos[REC_P_TANGGAL] = src(t, SA_TANGGAL_LAHIR);
    pos[REC_P_STATUS] = src(t, SA_JENIS_PEGAWAI) >= 0 ? src(t, SA_JENIS_PEGAWAI)
                        : src(t, SA_STATUS_CPNS_PNS) >= 0
                            ? src(t, SA_STATUS_CPNS_PNS)
                            : t->n_fields;
    pos[REC_P_GOLONGAN] = src(t, SA_GOL_AKHIR_ID) >= 0
                              ? src(t, SA_GOL_AKHIR_ID)
                              : src(t, SA_GOL_AKHIR_NAMA);
    pos[REC_P_JABATAN] = src(t, SA_JABATAN_ID);
    pos[REC_P_UNIT] = src(t, SA_UNOR_ID);
    pos[REC_P_TMT] = src(t, SA_TMT_JABATAN);
    pos[REC_P_PENDIDIKAN] = src(t, SA_TINGKAT_PENDIDIKAN) >= 0
                                ? src(t, SA_TINGKAT_PENDIDIKAN)
                                : src(t, SA_PENDIDIKAN);
    pos[REC_P_KOMPETENSI] = src(t, SA_KOMPETENSI);
    pos[REC_P_LAT] = src(t, SA_LAT);
    pos[REC_P_LON] = src(t, SA_LON);
    pos[REC_P_HUKDIS] = src(t, SA_HUKUMAN_DISIPLIN);
    pos[REC_P_TUBEL] = src(t, SA_KEDUDUKAN_HUKUM_ID);
    pos[REC_P_FORMASI] = src(t, SA_FORMASI_TAHUN);
    for (long i = 0; i < t->n_rows; i++) {
        const char *nip = siasn_cell(t, i, SA_NIP_BARU);
        const char *ked = siasn_cell(t, i, SA_KEDUDUKAN_HUKUM_ID);
        const char *nama = full_name(j, siasn_cell(t, i, SA_GELAR_DEPAN),
                                     siasn_cell(t, i, SA_NAMA),
                                     siasn_cell(t, i, SA_GELAR_BELAKANG));
        if (!active(ked)) {
            void *v = NULL;
            j->rep->n_inactive++;
            if (nip != NULL && map_find(&j->before, nip, &v)) {
                struct before *bf = v;
                char why[64];
                bf->seen = true;
                snprintf(why, sizeof(why), "kedudukan_hukum %s", ked);
                change(j, kedudukan_no(ked) == 99 ? "pensiun" : "keluar", nip,
                       nama, bf->unit, why);
            }
            continue;
        }
        const char *jab_id = siasn_cell(t, i, SA_JABATAN_ID);
        const char *unor_id = siasn_cell(t, i, SA_UNOR_ID);
        const char *jab = code_of(&j->jab_code, jab_id);
        const char *unit = code_of(&j->unit_code, unor_id);
        if (jab_id != NULL && jab == NULL) {
            fail_at(j, t->file, t->lines[i], t->field[SA_JABATAN_ID],
                    L_("jabatan_id '%s' tidak ada di daftar jabatan "
                       "(ref-jabatan-*.json) maupun di basis data",
                       "jabatan_id '%s' is neither in a jabatan list "
                       "(ref-jabatan-*.json) nor in the database"),
                    jab_id);
        }
        if (unor_id != NULL && unit == NULL) {
            fail_at(j, t->file, t->lines[i], t->field[SA_UNOR_ID],
                    L_("unor_id '%s' tidak ada di ref-unor maupun di basis "
                       "data",
                       "unor_id '%s' is neither in ref-unor nor in the "
                       "database"),
                    unor_id);
        }
        const char *gol = siasn_cell(t, i, SA_GOL_AKHIR_ID);
        gol = gol != NULL ? gol : siasn_cell(t, i, SA_GOL_AKHIR_NAMA);
        built_row(j, b, t->lines[i]);
        set(j, b, REC_P_NIP, nip);
        set(j, b, REC_P_NAMA, nama);
        set(j, b, REC_P_JK, sex(siasn_cell(t, i, SA_JENIS_KELAMIN)));
        set(j, b, REC_P_TEMPAT, siasn_cell(t, i, SA_TEMPAT_LAHIR));
        set(j, b, REC_P_TANGGAL, siasn_cell(t, i, SA_TANGGAL_LAHIR));
        set(j, b, REC_P_STATUS,
            status_of(siasn_cell(t, i, SA_JENIS_PEGAWAI),
                      siasn_cell(t, i, SA_STATUS_CPNS_PNS), nip));
        set(j, b, REC_P_GOLONGAN, gol);
        set(j, b, REC_P_JABATAN, jab != NULL ? jab : jab_id);
        set(j, b, REC_P_UNIT, unit != NULL ? unit : unor_id);
        set(j, b, REC_P_TMT, siasn_cell(t, i, SA_TMT_JABATAN));
        const char *pend = siasn_cell(t, i, SA_TINGKAT_PENDIDIKAN);
        set(j, b, REC_P_PENDIDIKAN,
            pendidikan(j,
                       pend != NULL ? pend : siasn_cell(t, i, SA_PENDIDIKAN)));
        set(j, b, REC_P_KOMPETENSI, siasn_cell(t, i, SA_KOMPETENSI));
        set(j, b, REC_P_LAT, siasn_cell(t, i, SA_LAT));
        set(j, b, REC_P_LON, siasn_cell(t, i, SA_LON));
        set(j, b, REC_P_HUKDIS, siasn_cell(t, i, SA_HUKUMAN_DISIPLIN));
        set(j, b, REC_P_TUBEL, kedudukan_no(ked) == 3 ? "1" : "0");
        set(j, b, REC_P_FORMASI, siasn_cell(t, i, SA_FORMASI_TAHUN));
        record_id(j, 3, nip, siasn_cell(t, i, SA_PNS_ID));
        reconcile(j, nip, nama, unit, jab, gol);
    }
}

struct gone {
    const char *nip;
    const struct before *b;
};

static int
by_nip(const void *a, const void *b)
{
    return strcmp(((const struct gone *)a)->nip, ((const struct gone *)b)->nip);
}

struct gone_list {
    struct gone *items;
    size_t n;
    size_t cap;
};

static void
collect_gone(void *ctx, const char *nip, void *value)
{
    struct gone_list *g = ctx;
    const struct before *b = value;
    if (!b->seen) {
        xgrow((void **)&g->items, &g->cap, g->n + 1, sizeof(*g->items));
        g->items[g->n].nip = nip;
        g->items[g->n++].b = b;
    }
}

/* Employees of the database that the export lacks: 'hilang'. */
static void
report_gone(struct job *j)
{
    struct gone_list g = {NULL, 0, 0};
    map_each(&j->before, collect_gone, &g);
    if (g.n > 0) {
        qsort(g.items, g.n, sizeof(*g.items), by_nip);
    }
    for (size_t i = 0; i < g.n; i++) {
        change(j, "hilang", g.items[i].nip, g.items[i].b->nama,
               g.items[i].b->unit, NULL);
    }
    free(g.items);
}

static void
want_jabatan(struct job *j)
{
    const struct siasn_table *t = &j->in[SIASN_ASN];
    for (long i = 0; i < t->n_rows; i++) {
        const char *id = siasn_cell(t, i, SA_JABATAN_ID);
        if (id != NULL && active(siasn_cell(t, i, SA_KEDUDUKAN_HUKUM_ID))) {
            map_put(&j->jab_wanted, id, NULL);
        }
    }
}

/* The last step in the transaction: the ids beside the codes. */
struct id_write {
    struct job *j;
    struct store *st;
    const char *kind;
    enum err rc;
};

static void
write_id(void *ctx, const char *kode, void *value)
{
    struct id_write *w = ctx;
    if (w->rc != ERR_OK) {
        return;
    }
    w->rc = store_siasn_id_set(w->st, w->kind, kode, value);
    if (w->rc == ERR_EXISTS) {
        diag_add(w->j->d, NULL, 0, 0,
                 L_("id SIASN %s (%s) sudah dipakai %s lain di basis data",
                    "SIASN id %s (%s) is already used by another %s in the "
                    "database"),
                 (const char *)value, kode, w->kind);
        w->rc = ERR_INVAL;
    }
}

/* The reconciliation as JSON for the audit log (and the web app's page):
 * the counts, and the rows (at most RECON_ROWS_MAX; "terpotong" counts the
 * rest). */
#define RECON_ROWS_MAX 5000

static const char *const change_kinds[] = {
    "baru",    "pindah", "naik_pangkat", "ganti_jabatan",
    "pensiun", "keluar", "hilang"};

static enum err
audit_recon(struct job *j, struct store *st, const char *actor)
{
    const struct siasn_report *r = j->rep;
    struct json_obj *o = json_obj_create();
    struct json_obj *counts = json_obj_create();
    struct buf text;
    for (size_t k = 0; k < sizeof(change_kinds) / sizeof(*change_kinds); k++) {
        long n = 0;
        for (size_t i = 0; i < r->n_changes; i++) {
            n += strcmp(r->changes[i].perubahan, change_kinds[k]) == 0;
        }
        json_obj_set_int(counts, change_kinds[k], n);
    }
    json_obj_set_obj(o, "jumlah", counts);
    json_obj_set_int(o, "pegawai_sebelum", r->n_before);
    json_obj_set_int(o, "tidak_aktif", r->n_inactive);
    json_obj_set_empty_array(o, "rows");
    for (size_t i = 0; i < r->n_changes && i < RECON_ROWS_MAX; i++) {
        const struct siasn_change *c = &r->changes[i];
        struct json_obj *row = json_obj_create();
        json_obj_set_str(row, "perubahan", c->perubahan);
        json_obj_set_str(row, "nip", c->nip);
        json_obj_set_str(row, "nama", c->nama);
        json_obj_set_str(row, "sebelum", c->sebelum);
        json_obj_set_str(row, "sesudah", c->sesudah);
        json_obj_push(o, "rows", row);
    }
    json_obj_set_int(o, "terpotong",
                     r->n_changes > RECON_ROWS_MAX
                         ? (int64_t)(r->n_changes - RECON_ROWS_MAX)
                         : 0);
    buf_init(&text, 0);
    enum err rc = json_obj_format(o, &text);
    struct store_audit a = {actor,   "siasn", "rekonsiliasi",
                            "impor", NULL,    buf_str(&text)};
    rc = rc == ERR_OK ? store_audit_add(st, &a) : rc;
    json_obj_destroy(o);
    buf_cleanup(&text);
    return rc;
}

static enum err
write_ids(void *ctx, struct store *st)
{
    struct job *j = ctx;
    struct id_write w = {j, st, NULL, ERR_OK};
    for (int k = 0; k < 4 && w.rc == ERR_OK; k++) {
        w.kind = id_kinds[k];
        map_each(&j->ids[k], write_id, &w);
    }
    return w.rc == ERR_OK ? audit_recon(j, st, j->actor) : w.rc;
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Our own CSV files in the folder (beban.csv, kinerja.csv ...), sorted. */
static size_t
own_files(struct job *j, const char *dir, char ***out)
{
    char **names = NULL;
    size_t n = 0;
    size_t cap = 0;
    DIR *dp = opendir(dir);
    struct dirent *e = NULL;
    while (dp != NULL && (e = readdir(dp)) != NULL) {
        enum rec_kind k;
        size_t len = strlen(e->d_name);
        if (len < 5 || strcasecmp(e->d_name + len - 4, ".csv") != 0 ||
            strcmp(e->d_name, siasn_file_name(SIASN_ASN)) == 0 ||
            rec_kind_from_path(e->d_name, &k) != ERR_OK) {
            continue;
        }
        size_t sz = strlen(dir) + len + 2;
        char *p = own(j, xmalloc(sz));
        snprintf(p, sz, "%s/%s", dir, e->d_name);
        xgrow((void **)&names, &cap, n + 1, sizeof(*names));
        names[n++] = p;
    }
    if (dp != NULL) {
        closedir(dp);
    }
    if (n > 0) {
        qsort(names, n, sizeof(*names), by_name);
    }
    *out = names;
    return n;
}

static void
job_cleanup(struct job *j)
{
    for (int k = 0; k < SIASN_N_FILES; k++) {
        siasn_table_cleanup(&j->in[k]);
    }
    map_cleanup(&j->unit_code);
    map_cleanup(&j->unit_used);
    map_cleanup(&j->jab_code);
    map_cleanup(&j->jab_used);
    map_cleanup(&j->unit_jenis);
    map_cleanup(&j->jab_wanted);
    map_cleanup(&j->jab_listed);
    map_cleanup(&j->before);
    for (int k = 0; k < 4; k++) {
        map_cleanup(&j->ids[k]);
    }
    free(j->units.rows);
    for (int f = 0; f < 3; f++) {
        free(j->jabatan[f].rows);
    }
    free(j->pegawai.rows);
    free(j->unor_jabatan.rows);
    for (size_t i = 0; i < j->n_strings; i++) {
        free(j->strings[i]);
    }
    free(j->strings);
}

static enum err
prepare(struct job *j, const char *dir)
{
    enum err rc = load_file(j, dir, SIASN_ASN, true);
    rc = rc == ERR_OK ? load_file(j, dir, SIASN_UNOR, true) : rc;
    for (int f = 0; f < 3 && rc == ERR_OK; f++) {
        rc = load_file(j, dir, jab_files[f], false);
    }
    if (rc != ERR_OK || j->failed) {
        return rc != ERR_OK ? rc : ERR_INVAL;
    }
    rc = store_siasn_id_each(j->st, NULL, load_id, j);
    rc = rc == ERR_OK ? store_unit_each(j->st, load_unit, j) : rc;
    rc = rc == ERR_OK ? store_jabatan_each(j->st, load_jabatan, j) : rc;
    rc = rc == ERR_OK ? store_pegawai_each(j->st, load_pegawai, j) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    /* Codes taken by the mapping count as used, even if gone since. */
    want_jabatan(j);
    build_units(j);
    char(*codes[3])[CODE_LEN] = {NULL, NULL, NULL};
    jabatan_codes(j, codes);
    for (int f = 0; f < 3; f++) {
        build_jabatan_file(j, f, codes[f]);
        free(codes[f]);
    }
    build_unor_jabatan(j);
    build_pegawai(j);
    report_gone(j);
    return j->failed ? ERR_INVAL : ERR_OK;
}

enum err
import_siasn(struct store *st, const char *dir, const char *actor,
             const struct import_siasn_opts *o, struct diag *d,
             struct import_stats *stats, struct siasn_report *rep)
{
    struct job *j = xcalloc(1, sizeof(*j));
    memset(rep, 0, sizeof(*rep));
    j->st = st;
    j->actor = actor;
    j->d = d;
    j->rep = rep;
    map_init(&j->unit_code);
    map_init(&j->unit_used);
    map_init(&j->jab_code);
    map_init(&j->jab_used);
    map_init(&j->unit_jenis);
    map_init(&j->jab_wanted);
    map_init(&j->jab_listed);
    map_init(&j->before);
    for (int k = 0; k < 4; k++) {
        map_init(&j->ids[k]);
    }
    enum err rc = prepare(j, dir);
    if (rc == ERR_OK) {
        struct import_table tables[6] = {j->units.t,        j->jabatan[0].t,
                                         j->jabatan[1].t,   j->jabatan[2].t,
                                         j->unor_jabatan.t, j->pegawai.t};
        struct import_more more = {tables, 6, write_ids, j, o->dry_run};
        struct import_opts io = {o->replace_app_rows, o->progress};
        char **paths = NULL;
        size_t n = own_files(j, dir, &paths);
        rc = import_run(st, (const char *const *)paths, (int)n, actor, &io,
                        &more, d, stats);
        free(paths);
    }
    job_cleanup(j);
    free(j);
    return rc;
}

void
siasn_report_cleanup(struct siasn_report *rep)
{
    for (size_t i = 0; i < rep->n_changes; i++) {
        free(rep->changes[i].nip);
        free(rep->changes[i].nama);
        free(rep->changes[i].sebelum);
        free(rep->changes[i].sesudah);
    }
    for (size_t i = 0; i < rep->n_guesses; i++) {
        free(rep->guesses[i].kode);
        free(rep->guesses[i].nama);
    }
    free(rep->changes);
    free(rep->guesses);
    memset(rep, 0, sizeof(*rep));
}
