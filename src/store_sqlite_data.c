/* SPDX-License-Identifier: MIT */
/* store_sqlite_data: the SQLite back end's data kinds (storage layer):
 * units, positions, workload rows, employees and their history, the staff
 * on a date, and bulk loading into empty tables. */
#include "store.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "mem.h"
#include "model.h"
#include "store_sqlite_int.h"

enum err
store_sqlite_unit_put(struct store *st, const struct unit *u)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_UNIT_PUT, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, u->kode);
    sq_bind_text(s, 2, u->nama);
    sq_bind_text(s, 3, u->induk);
    sq_bind_text(s, 4, model_enum_name(&model_unit_jenis, (int)u->jenis));
    sq_bind_text(s, 5, u->kecamatan);
    sq_bind_coord(s, 6, u->lat);
    sq_bind_coord(s, 7, u->lon);
    return sq_step_reset(st, s);
}

struct each_ctx {
    union {
        enum err (*unit)(void *, const struct unit *);
        enum err (*jabatan)(void *, const struct jabatan *);
        enum err (*beban)(void *, const struct beban *);
        enum err (*pegawai)(void *, const struct pegawai *);
        enum err (*count)(void *, const struct store_unit_count *);
        enum err (*staff)(void *, const struct store_staff *);
        enum err (*riwayat)(void *, const struct store_riwayat *);
        enum err (*unit_move)(void *, const struct store_unit_move *);
    } fn;      /* The caller's callback; the row reader knows which. */
    void *ctx; /* The caller's context. */
};

static enum err
unit_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct unit u;
    int jenis = 0;
    enum err rc = sq_col_enum(st, s, 3, &model_unit_jenis, &jenis);
    if (rc != ERR_OK) {
        return rc;
    }
    u.kode = sq_col_text(s, 0);
    u.nama = sq_col_text(s, 1);
    u.induk = sq_col_text(s, 2);
    u.jenis = (enum unit_jenis)jenis;
    u.kecamatan = sq_col_text(s, 4);
    u.lat = sq_col_coord(s, 5);
    u.lon = sq_col_coord(s, 6);
    return e->fn.unit(e->ctx, &u);
}

enum err
store_sqlite_unit_each(struct store *st,
                       enum err (*fn)(void *, const struct unit *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.unit = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_UNIT_EACH, &s);
    return rc == ERR_OK ? sq_each_row(st, s, unit_row, &e) : rc;
}

enum err
store_sqlite_jabatan_put(struct store *st, const struct jabatan *j)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_JABATAN_PUT, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, j->kode);
    sq_bind_text(s, 2, j->nama);
    sq_bind_text(s, 3, model_enum_name(&model_jabatan_jenis, (int)j->jenis));
    sq_bind_text(s, 4, j->jenjang);
    sq_bind_text(s, 5, j->kelompok);
    sqlite3_bind_int(s, 6, j->guru);
    if (j->bup > 0) {
        sqlite3_bind_int(s, 7, j->bup);
    }
    sq_bind_text(s, 8, j->kompetensi);
    if (j->pendidikan_min >= 0) {
        sq_bind_text(s, 9,
                     model_enum_name(&model_pendidikan, j->pendidikan_min));
    }
    sq_bind_text(s, 10, j->golongan_min);
    sq_bind_text(s, 11, j->golongan_max);
    return sq_step_reset(st, s);
}

static enum err
jabatan_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct jabatan j;
    int jenis = 0;
    enum err rc = sq_col_enum(st, s, 2, &model_jabatan_jenis, &jenis);
    if (rc != ERR_OK) {
        return rc;
    }
    j.kode = sq_col_text(s, 0);
    j.nama = sq_col_text(s, 1);
    j.jenis = (enum jabatan_jenis)jenis;
    j.jenjang = sq_col_text(s, 3);
    j.kelompok = sq_col_text(s, 4);
    j.guru = sqlite3_column_int(s, 5) != 0;
    j.bup = sqlite3_column_int(s, 6);
    j.kompetensi = sq_col_text(s, 7);
    /* The requirement words are stored enumeration words; read back as the
     * static words, so that they outlive the row. */
    const char *pend = sq_col_text(s, 8);
    j.pendidikan_min =
        pend ? model_enum_parse(&model_pendidikan, pend, strlen(pend)) : -1;
    int lo = model_golongan_rank(sq_col_text(s, 9));
    int hi = model_golongan_rank(sq_col_text(s, 10));
    j.golongan_min = lo >= 0 ? model_enum_name(&model_golongan_pns, lo) : NULL;
    j.golongan_max = hi >= 0 ? model_enum_name(&model_golongan_pns, hi) : NULL;
    return e->fn.jabatan(e->ctx, &j);
}

enum err
store_sqlite_jabatan_each(struct store *st,
                          enum err (*fn)(void *, const struct jabatan *),
                          void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.jabatan = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_JABATAN_EACH, &s);
    return rc == ERR_OK ? sq_each_row(st, s, jabatan_row, &e) : rc;
}

/* The count of the one-row query 's' into '*out'. */
static enum err
count_of(struct store *st, sqlite3_stmt *s, long *out)
{
    int rc = sqlite3_step(s);
    *out = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? ERR_OK : sq_fail(st);
}

enum err
store_sqlite_beban_clear(struct store *st, const char *unit,
                         const char *jabatan, bool with_app, long *kept)
{
    sqlite3_stmt *s = NULL;
    long n = 0;
    if (kept != NULL) {
        *kept = 0;
    }
    if (st->bulk[STORE_BULK_BEBAN]) {
        return ERR_OK; /* The table was empty: nothing to clear. */
    }
    enum err rc = sq_stmt(st, S_BEBAN_CLEAR, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, unit);
    sq_bind_text(s, 2, jabatan);
    sqlite3_bind_int(s, 3, with_app);
    rc = sq_step_reset(st, s);
    if (rc == ERR_OK && !with_app && kept != NULL) {
        rc = sq_stmt(st, S_BEBAN_APP_COUNT, &s);
        if (rc == ERR_OK) {
            sq_bind_text(s, 1, unit);
            sq_bind_text(s, 2, jabatan);
            rc = count_of(st, s, &n);
            *kept = n;
        }
    }
    return rc;
}

/* The eight stored fields of 'b', in the order of the table's columns. */
static void
beban_vals(const struct beban *b, struct sq_val v[8])
{
    struct sq_val t[8] = {
        {SQ_V_TEXT, 0, 0, b->unit},
        {SQ_V_TEXT, 0, 0, b->jabatan},
        {SQ_V_TEXT, 0, 0, b->tugas},
        {SQ_V_INT, b->volume_milli, 0, NULL},
        {b->norma_milli >= 0 ? SQ_V_INT : SQ_V_NULL, b->norma_milli, 0, NULL},
        {SQ_V_TEXT, 0, 0, model_enum_name(&model_metode, (int)b->metode)},
        {SQ_V_DATE, b->berlaku_mulai, 0, NULL},
        {SQ_V_DATE, b->berlaku_sampai, 0, NULL}};
    memcpy(v, t, sizeof(t));
}

/* Bind the eight fields of 'b' to ?1..?8 of 's'. */
static void
bind_beban(sqlite3_stmt *s, const struct beban *b)
{
    struct sq_val v[8];
    beban_vals(b, v);
    sq_bind_vals(s, 0, v, 8);
}

static enum err
beban_insert(struct store *st, const struct beban *b, const char *sumber)
{
    sqlite3_stmt *s = NULL;
    if (st->bulk[STORE_BULK_BEBAN]) {
        struct sq_val v[9];
        beban_vals(b, v);
        v[8] = (struct sq_val){SQ_V_TEXT, 0, 0, sumber ? sumber : "impor"};
        return sq_bulk_add(st, STORE_BULK_BEBAN, v);
    }
    enum err rc = sq_stmt(st, S_BEBAN_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_beban(s, b);
    sq_bind_text(s, 9, sumber);
    return sq_step_reset(st, s);
}

enum err
store_sqlite_beban_add(struct store *st, const struct beban *b)
{
    return beban_insert(st, b, NULL);
}

enum err
store_sqlite_beban_add_app(struct store *st, const struct beban *b)
{
    return beban_insert(st, b, "aplikasi");
}

enum err
store_sqlite_beban_app_has(struct store *st, const struct beban *b, bool *same)
{
    sqlite3_stmt *s = NULL;
    long n = 0;
    *same = false;
    if (st->bulk[STORE_BULK_BEBAN]) {
        return ERR_OK;
    }
    enum err rc = sq_stmt(st, S_BEBAN_APP_SAME, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_beban(s, b);
    rc = count_of(st, s, &n);
    *same = n > 0;
    return rc;
}

static enum err
beban_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct beban b;
    int metode = 0;
    enum err rc = sq_col_enum(st, s, 5, &model_metode, &metode);
    if (rc == ERR_OK) {
        rc = sq_col_date(st, s, 6, &b.berlaku_mulai);
    }
    if (rc == ERR_OK) {
        rc = sq_col_date(st, s, 7, &b.berlaku_sampai);
    }
    if (rc != ERR_OK) {
        return rc;
    }
    b.unit = sq_col_text(s, 0);
    b.jabatan = sq_col_text(s, 1);
    b.tugas = sq_col_text(s, 2);
    b.volume_milli = sqlite3_column_int64(s, 3);
    b.norma_milli = sqlite3_column_type(s, 4) == SQLITE_NULL
                        ? -1
                        : sqlite3_column_int64(s, 4);
    b.metode = (enum beban_metode)metode;
    return e->fn.beban(e->ctx, &b);
}

enum err
store_sqlite_beban_each(struct store *st,
                        enum err (*fn)(void *, const struct beban *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.beban = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_BEBAN_EACH, &s);
    return rc == ERR_OK ? sq_each_row(st, s, beban_row, &e) : rc;
}

enum err
store_sqlite_beban_scan(struct store *st,
                        enum err (*fn)(void *, const struct beban *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.beban = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_BEBAN_SCAN, &s);
    return rc == ERR_OK ? sq_each_row(st, s, beban_row, &e) : rc;
}

enum err
store_sqlite_beban_each_unit(struct store *st, const char *unit,
                             enum err (*fn)(void *, const struct beban *),
                             void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.beban = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_BEBAN_UNIT, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, unit);
    return sq_each_row(st, s, beban_row, &e);
}

/* A coordinate as a value: MODEL_COORD_NONE is NULL. */
static struct sq_val
coord_val(double c)
{
    struct sq_val v = {c == MODEL_COORD_NONE ? SQ_V_NULL : SQ_V_REAL, 0, c,
                       NULL};
    return v;
}

/* The seventeen stored fields of 'p' (PEGAWAI_COLS); 'jk' holds the text
 * of jenis_kelamin, as long as the values are used. */
static void
pegawai_vals(const struct pegawai *p, char jk[2], struct sq_val v[17])
{
    jk[0] = p->jenis_kelamin;
    jk[1] = '\0';
    struct sq_val t[17] = {
        {SQ_V_TEXT, 0, 0, p->nip},
        {SQ_V_TEXT, 0, 0, p->nama},
        {SQ_V_TEXT, 0, 0, jk},
        {SQ_V_TEXT, 0, 0, p->tempat_lahir},
        {SQ_V_DATE, p->tanggal_lahir, 0, NULL},
        {SQ_V_TEXT, 0, 0, model_enum_name(&model_status, (int)p->status)},
        {SQ_V_TEXT, 0, 0, p->golongan},
        {SQ_V_TEXT, 0, 0, p->jabatan},
        {SQ_V_TEXT, 0, 0, p->unit},
        {SQ_V_DATE, p->tmt_unit, 0, NULL},
        {SQ_V_TEXT, 0, 0, p->pendidikan},
        {SQ_V_TEXT, 0, 0, p->kompetensi},
        coord_val(p->lat),
        coord_val(p->lon),
        {SQ_V_INT, p->hukuman_disiplin, 0, NULL},
        {SQ_V_INT, p->tugas_belajar, 0, NULL},
        {p->formasi_tahun > 0 ? SQ_V_INT : SQ_V_NULL, p->formasi_tahun, 0,
         NULL}};
    memcpy(v, t, sizeof(t));
}

/* Bind the fields of 'p' to ?1..?17 of 's'; 'jk' (the caller's) holds
 * the text of jenis_kelamin until 's' is stepped. */
static void
bind_pegawai(sqlite3_stmt *s, const struct pegawai *p, char jk[2])
{
    struct sq_val v[17];
    pegawai_vals(p, jk, v);
    sq_bind_vals(s, 0, v, 17);
}

/* Whether employee 'p' is new or changes unit or position. */
static enum err
needs_history(struct store *st, const struct pegawai *p, bool *is_new,
              bool *out)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_PEGAWAI_OLD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, p->nip);
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW) {
        *is_new = false;
        *out = strcmp(sq_col_text(s, 0), p->unit) != 0 ||
               strcmp(sq_col_text(s, 1), p->jabatan) != 0;
    } else if (step == SQLITE_DONE) {
        *is_new = true;
        *out = true;
    } else {
        rc = sq_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

static enum err
add_history(struct store *st, const struct pegawai *p, const char *sumber)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_RIWAYAT_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, p->nip);
    sq_bind_text(s, 2, p->unit);
    sq_bind_text(s, 3, p->jabatan);
    sq_bind_date(s, 4, p->tmt_unit);
    sq_bind_text(s, 5, sumber);
    return sq_step_reset(st, s);
}

enum err
store_sqlite_pegawai_put(struct store *st, const struct pegawai *p,
                         const char *sumber, enum store_put *out)
{
    sqlite3_stmt *s = NULL;
    bool is_new = true;
    bool history = false;
    char jk[2];
    if (st->bulk[STORE_BULK_PEGAWAI]) {
        /* A new employee into the empty table (store_sqlite_bulk.c); its
         * history comes in store_bulk_end(). */
        struct sq_val v[17];
        pegawai_vals(p, jk, v);
        if (out != NULL) {
            *out = STORE_INSERTED;
        }
        return sq_bulk_add(st, STORE_BULK_PEGAWAI, v);
    }
    enum err rc = needs_history(st, p, &is_new, &history);
    if (rc == ERR_OK) {
        rc = sq_stmt(st, S_PEGAWAI_PUT, &s);
    }
    if (rc != ERR_OK) {
        return rc;
    }
    bind_pegawai(s, p, jk);
    rc = sq_step_reset(st, s);
    if (rc == ERR_OK && history) {
        rc = add_history(st, p, sumber);
    }
    if (rc == ERR_OK && out != NULL) {
        *out = is_new                                   ? STORE_INSERTED
               : sqlite3_changes(st->db) > 0 || history ? STORE_UPDATED
                                                        : STORE_UNCHANGED;
    }
    return rc;
}

static enum err
read_pegawai(struct store *st, sqlite3_stmt *s, struct pegawai *p)
{
    int status = 0;
    const char *jk = sq_col_text(s, 2);
    enum err rc = sq_col_enum(st, s, 5, &model_status, &status);
    if (rc == ERR_OK) {
        rc = sq_col_date(st, s, 4, &p->tanggal_lahir);
    }
    if (rc == ERR_OK) {
        rc = sq_col_date(st, s, 9, &p->tmt_unit);
    }
    if (rc != ERR_OK) {
        return rc;
    }
    p->nip = sq_col_text(s, 0);
    p->nama = sq_col_text(s, 1);
    p->jenis_kelamin = 'L';
    if (jk != NULL) {
        p->jenis_kelamin = jk[0];
    }
    p->tempat_lahir = sq_col_text(s, 3);
    p->status = (enum pegawai_status)status;
    p->golongan = sq_col_text(s, 6);
    p->jabatan = sq_col_text(s, 7);
    p->unit = sq_col_text(s, 8);
    p->pendidikan = sq_col_text(s, 10);
    p->kompetensi = sq_col_text(s, 11);
    p->lat = sq_col_coord(s, 12);
    p->lon = sq_col_coord(s, 13);
    p->hukuman_disiplin = sqlite3_column_int(s, 14) != 0;
    p->tugas_belajar = sqlite3_column_int(s, 15) != 0;
    p->formasi_tahun = sqlite3_column_int(s, 16);
    return ERR_OK;
}

static void
keep_pegawai(struct store *st, struct pegawai *p)
{
    const char **fields[] = {&p->nip,        &p->nama,      &p->tempat_lahir,
                             &p->golongan,   &p->jabatan,   &p->unit,
                             &p->pendidikan, &p->kompetensi};
    sq_keep_strings(st, fields, sizeof(fields) / sizeof(fields[0]));
}

static enum err
pegawai_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct pegawai p;
    enum err rc = read_pegawai(st, s, &p);
    return rc == ERR_OK ? e->fn.pegawai(e->ctx, &p) : rc;
}

enum err
store_sqlite_pegawai_each(struct store *st,
                          enum err (*fn)(void *, const struct pegawai *),
                          void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.pegawai = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_PEGAWAI_EACH, &s);
    return rc == ERR_OK ? sq_each_row(st, s, pegawai_row, &e) : rc;
}

static enum err
count_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct store_unit_count c;
    (void)st;
    c.unit = sq_col_text(s, 0);
    c.n_pns = (long)sqlite3_column_int64(s, 1);
    c.n_pppk = (long)sqlite3_column_int64(s, 2);
    c.n_cpns = (long)sqlite3_column_int64(s, 3);
    c.n_permohonan = (long)sqlite3_column_int64(s, 4);
    c.n_pppk_pw = (long)sqlite3_column_int64(s, 5);
    return e->fn.count(e->ctx, &c);
}

enum err
store_sqlite_unit_count_each(struct store *st,
                             enum err (*fn)(void *,
                                            const struct store_unit_count *),
                             void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.count = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_UNIT_COUNT, &s);
    return rc == ERR_OK ? sq_each_row(st, s, count_row, &e) : rc;
}

/* Callbacks that copy the one row of a get into the caller's record and
 * its strings into the handle's scratch space, before the statement moves
 * on. */
struct get_ctx {
    struct store *st;
    void *out;
};

static enum err
copy_unit(void *ctx, const struct unit *u)
{
    struct get_ctx *g = ctx;
    struct unit *out = g->out;
    *out = *u;
    const char **fields[] = {&out->kode, &out->nama, &out->induk,
                             &out->kecamatan};
    sq_keep_strings(g->st, fields, sizeof(fields) / sizeof(fields[0]));
    return ERR_OK;
}

static enum err
copy_jabatan(void *ctx, const struct jabatan *j)
{
    struct get_ctx *g = ctx;
    struct jabatan *out = g->out;
    *out = *j;
    const char **fields[] = {&out->kode, &out->nama, &out->jenjang,
                             &out->kelompok, &out->kompetensi};
    sq_keep_strings(g->st, fields, sizeof(fields) / sizeof(fields[0]));
    return ERR_OK;
}

static enum err
copy_pegawai(void *ctx, const struct pegawai *p)
{
    struct get_ctx *g = ctx;
    struct pegawai *out = g->out;
    *out = *p;
    keep_pegawai(g->st, out);
    return ERR_OK;
}

enum err
store_sqlite_unit_get(struct store *st, const char *kode, struct unit *out)
{
    struct get_ctx g = {st, out};
    struct each_ctx e = {.fn.unit = copy_unit, .ctx = &g};
    return sq_get_one(st, S_UNIT_GET, kode, unit_row, &e);
}

enum err
store_sqlite_jabatan_get(struct store *st, const char *kode,
                         struct jabatan *out)
{
    struct get_ctx g = {st, out};
    struct each_ctx e = {.fn.jabatan = copy_jabatan, .ctx = &g};
    return sq_get_one(st, S_JABATAN_GET, kode, jabatan_row, &e);
}

enum err
store_sqlite_pegawai_get(struct store *st, const char *nip, struct pegawai *out)
{
    struct get_ctx g = {st, out};
    struct each_ctx e = {.fn.pegawai = copy_pegawai, .ctx = &g};
    return sq_get_one(st, S_PEGAWAI_GET, nip, pegawai_row, &e);
}

/* One lookup by the primary key per NIP: a prepared statement stepped
 * again costs microseconds, so no batching is needed on a local file. */
enum err
store_sqlite_pegawai_names(struct store *st, const char *const *nips, size_t n,
                           enum err (*fn)(void *, const char *nip,
                                          const char *nama),
                           void *ctx)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_PEGAWAI_NAMA, &s);
    for (size_t i = 0; i < n && rc == ERR_OK; i++) {
        sq_bind_text(s, 1, nips[i]);
        int step = sqlite3_step(s);
        if (step == SQLITE_ROW) {
            rc = fn(ctx, nips[i], sq_col_text(s, 0));
        } else if (step != SQLITE_DONE) {
            rc = sq_fail(st);
        }
        sqlite3_reset(s);
    }
    return rc;
}

/* Secondary indexes of the bulk-loaded tables, as migration 1 made them
 * (kinerja has none: its rows go in as they come). */
static const char *const bulk_drop[STORE_BULK_N] = {
    "DROP INDEX beban_pair", "DROP INDEX pegawai_unit; DROP INDEX riwayat_nip",
    NULL};
static const char *const bulk_create[STORE_BULK_N] = {
    "CREATE INDEX beban_pair ON beban(unit, jabatan)",
    "CREATE INDEX pegawai_unit ON pegawai(unit, jabatan);"
    "CREATE INDEX riwayat_nip ON riwayat(nip, tmt)",
    NULL};
static const enum stmt_id bulk_empty[STORE_BULK_N] = {
    S_BEBAN_EMPTY, S_PEGAWAI_EMPTY, S_KINERJA_EMPTY};

enum err
store_sqlite_bulk_begin(struct store *st, enum store_bulk what, bool *out)
{
    sqlite3_stmt *s = NULL;
    if (!st->in_tx) {
        return ERR_INTERNAL;
    }
    enum err rc = sq_stmt(st, bulk_empty[what], &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bool empty = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
    sqlite3_reset(s);
    if (empty && bulk_drop[what] != NULL) {
        rc = sq_exec(st, bulk_drop[what]);
    }
    if (rc == ERR_OK) {
        st->bulk[what] = empty;
        *out = empty;
    }
    return rc;
}

enum err
store_sqlite_bulk_end(struct store *st, enum store_bulk what,
                      const char *sumber)
{
    sqlite3_stmt *s = NULL;
    enum err rc = ERR_OK;
    if (!st->bulk[what]) {
        return ERR_OK;
    }
    rc = sq_bulk_flush(st);
    if (rc != ERR_OK) {
        return rc;
    }
    st->bulk[what] = false;
    if (what == STORE_BULK_PEGAWAI) {
        rc = sq_stmt(st, S_RIWAYAT_BULK, &s);
        if (rc != ERR_OK) {
            return rc;
        }
        sq_bind_text(s, 1, sumber);
        rc = sq_step_reset(st, s);
    }
    return rc == ERR_OK && bulk_create[what] != NULL
               ? sq_exec(st, bulk_create[what])
               : rc;
}

static enum err
staff_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct store_staff x;
    int status = 0;
    enum err rc = sq_col_enum(st, s, 2, &model_status, &status);
    rc = rc == ERR_OK ? sq_col_date(st, s, 3, &x.tanggal_lahir) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    x.nip = sq_col_text(s, 0);
    x.nama = sq_col_text(s, 1);
    x.status = status;
    x.tugas_belajar = sqlite3_column_int(s, 4) != 0;
    x.unit = sq_col_text(s, 5);
    x.jabatan = sq_col_text(s, 6);
    x.unit_now = sq_col_text(s, 7);
    x.jabatan_now = sq_col_text(s, 8);
    rc = sq_col_date(st, s, 9, &x.tmt_unit);
    if (rc != ERR_OK) {
        return rc;
    }
    x.hukuman_disiplin = sqlite3_column_int(s, 10) != 0;
    x.formasi_tahun = sqlite3_column_int(s, 11);
    x.kompetensi = sq_col_text(s, 12);
    x.lat = sq_col_coord(s, 13);
    x.lon = sq_col_coord(s, 14);
    x.golongan = sq_col_text(s, 15);
    x.pendidikan = sq_col_text(s, 16);
    return e->fn.staff(e->ctx, &x);
}

static enum err
post_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct store_staff x;
    memset(&x, 0, sizeof(x));
    int status = 0;
    enum err rc = sq_col_enum(st, s, 1, &model_status, &status);
    rc = rc == ERR_OK ? sq_col_date(st, s, 2, &x.tanggal_lahir) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    x.nip = sq_col_text(s, 0);
    x.status = status;
    x.tugas_belajar = sqlite3_column_int(s, 3) != 0;
    x.unit = sq_col_text(s, 4);
    x.jabatan = sq_col_text(s, 5);
    x.lat = MODEL_COORD_NONE;
    x.lon = MODEL_COORD_NONE;
    return e->fn.staff(e->ctx, &x);
}

enum err
store_sqlite_posts_each(struct store *st, int32_t day,
                        enum err (*fn)(void *, const struct store_staff *),
                        void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.staff = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_POSTS_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_date(s, 1, day);
    sq_bind_date(s, 2, date_today());
    return sq_each_row(st, s, post_row, &e);
}

enum err
store_sqlite_staff_each(struct store *st, int32_t day,
                        enum err (*fn)(void *, const struct store_staff *),
                        void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.staff = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_STAFF_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_date(s, 1, day);
    sq_bind_date(s, 2, date_today());
    return sq_each_row(st, s, staff_row, &e);
}

enum err
store_sqlite_pegawai_page(struct store *st, const struct store_pegawai_query *q,
                          enum err (*fn)(void *, const struct pegawai *),
                          void *ctx, long *total)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_PEGAWAI_COUNT, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, q->root);
    sq_bind_text(s, 2, q->text);
    int step = sqlite3_step(s);
    *total = step == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (step != SQLITE_ROW) {
        return sq_fail(st);
    }
    rc = sq_stmt(st, S_PEGAWAI_PAGE, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, q->root);
    sq_bind_text(s, 2, q->text);
    sqlite3_bind_int64(s, 3, q->limit);
    sqlite3_bind_int64(s, 4, q->offset);
    struct each_ctx e = {.fn.pegawai = fn, .ctx = ctx};
    return sq_each_row(st, s, pegawai_row, &e);
}

enum err
store_sqlite_unit_in_subtree(struct store *st, const char *unit,
                             const char *root, bool *out)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_UNIT_IN_SUBTREE, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, unit);
    sq_bind_text(s, 2, root);
    int step = sqlite3_step(s);
    sqlite3_reset(s);
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        return sq_fail(st);
    }
    *out = step == SQLITE_ROW;
    return ERR_OK;
}

/* Histories. */

static enum err
riwayat_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct store_riwayat r = {sq_col_text(s, 0), sq_col_text(s, 1),
                              sq_col_text(s, 2), sq_col_text(s, 3),
                              sq_col_text(s, 4), sq_col_text(s, 5),
                              sq_col_text(s, 6)};
    (void)st;
    return e->fn.riwayat(e->ctx, &r);
}

enum err
store_sqlite_riwayat_each(struct store *st, const char *nip,
                          enum err (*fn)(void *, const struct store_riwayat *),
                          void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.riwayat = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_RIWAYAT_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, nip);
    return sq_each_row(st, s, riwayat_row, &e);
}

static enum err
unit_move_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct store_unit_move m = {sq_col_text(s, 0), sq_col_text(s, 1),
                                sq_col_text(s, 2), sq_col_text(s, 3),
                                sq_col_text(s, 4), sq_col_text(s, 5),
                                sq_col_text(s, 6), sq_col_text(s, 7)};
    (void)st;
    return e->fn.unit_move(e->ctx, &m);
}

enum err
store_sqlite_unit_moves_each(struct store *st, const char *kode, long limit,
                             enum err (*fn)(void *,
                                            const struct store_unit_move *),
                             void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.unit_move = fn, .ctx = ctx};
    enum err rc = sq_stmt(st, S_UNIT_MOVES, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, kode);
    sqlite3_bind_int64(s, 2, limit);
    return sq_each_row(st, s, unit_move_row, &e);
}
