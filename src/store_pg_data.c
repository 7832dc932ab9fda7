/* SPDX-License-Identifier: MIT */
/* store_pg_data: the PostgreSQL back end's data kinds (storage layer):
 * units, positions, workload rows, employees and their history, the staff
 * on a date, and bulk loading into empty tables. The same rows, order and
 * verdicts as store_sqlite_data.c; text is ordered COLLATE "C" (bytes, as
 * SQLite orders) whatever the database's collation.
 *
 * Bulk loading streams: while a table loads in bulk mode its rows are
 * written as COPY text into the handle's buffer and sent with COPY every
 * COPY_FLUSH bytes and at store_bulk_end(), instead of one round trip per
 * row. A reader of that table sends what waits first, so it sees every row
 * put so far, as on SQLite. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "map64.h"
#include "mem.h"
#include "model.h"
#include "store.h"
#include "store_pg_int.h"

/* COPY text waiting is sent at this size: large enough that a national
 * load (millions of rows) takes a few hundred round trips, small enough
 * to hold in memory beside the importer's own maps. */
#define COPY_FLUSH (16u << 20)

#define JABATAN_COLS                                                \
    "kode, nama, jenis, jenjang, kelompok, guru, bup, kompetensi, " \
    "pendidikan_min, golongan_min, golongan_max"

#define PEGAWAI_COLS                                                        \
    "nip, nama, jenis_kelamin, tempat_lahir, tanggal_lahir, status, "       \
    "golongan, jabatan, unit, tmt_unit, pendidikan, kompetensi, lat, lon, " \
    "hukuman_disiplin, tugas_belajar, formasi_tahun"

#define BEBAN_COLS                                                            \
    "unit, jabatan, tugas, volume_milli, norma_milli, metode, berlaku_mulai," \
    " berlaku_sampai"

/* The tables and columns that COPY fills in bulk mode. */
static const char *const copy_target[STORE_BULK_N] = {
    "beban (" BEBAN_COLS ", sumber)", "pegawai (" PEGAWAI_COLS ")",
    "kinerja (nip, tahun, predikat)"};

/* Send the COPY text of 'what' that waits, if any. */
enum err
pg_copy_flush(struct store *st, enum store_bulk what)
{
    if (st->copy_rows[what] == 0) {
        return ERR_OK;
    }
    enum err rc =
        pg_copy(st, copy_target[what], st->copy[what].data, st->copy[what].len);
    buf_reset(&st->copy[what]);
    st->copy_rows[what] = 0;
    return rc;
}

/* Before a read of the table of 'what': its waiting rows go first. */
enum err
pg_copy_before_read(struct store *st, enum store_bulk what)
{
    return st->bulk[what] ? pg_copy_flush(st, what) : ERR_OK;
}

/* One row more in the COPY text of 'what'; sent when the text is large. */
enum err
pg_copy_row_done(struct store *st, enum store_bulk what)
{
    st->copy_rows[what]++;
    return st->copy[what].len >= COPY_FLUSH ? pg_copy_flush(st, what) : ERR_OK;
}

/* A 64-bit hash of a key (FNV-1a), never 0 (map64's empty mark). Equal
 * hashes of two keys only cost a needless flush. */
static uint64_t
key_hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s != '\0'; s++) {
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    }
    return h != 0 ? h : 1;
}

static void
copy_date(struct buf *b, int32_t day, bool last)
{
    char text[DATE_STR_LEN];
    if (day == DATE_NONE) {
        pg_copy_field(b, NULL, last);
        return;
    }
    date_format(day, text);
    pg_copy_field(b, text, last);
}

static void
copy_long(struct buf *b, long long v, bool none, bool last)
{
    char text[32];
    snprintf(text, sizeof(text), "%lld", v);
    pg_copy_field(b, none ? NULL : text, last);
}

static void
copy_coord(struct buf *b, double v)
{
    char text[32];
    snprintf(text, sizeof(text), "%.17g", v);
    pg_copy_field(b, v == MODEL_COORD_NONE ? NULL : text, false);
}

static const char unit_put_sql[] =
    "INSERT INTO unit (kode, nama, induk, jenis, kecamatan, lat, lon)"
    " VALUES ($1, $2, $3, $4, $5, $6::float8, $7::float8) ON CONFLICT (kode)"
    " DO UPDATE SET nama = excluded.nama, induk = excluded.induk,"
    " jenis = excluded.jenis, kecamatan = excluded.kecamatan,"
    " lat = excluded.lat, lon = excluded.lon";

enum err
store_pg_unit_put(struct store *st, const struct unit *u)
{
    struct pg_params p = {0};
    pg_p_text(&p, u->kode);
    pg_p_text(&p, u->nama);
    pg_p_text(&p, u->induk);
    pg_p_text(&p, model_enum_name(&model_unit_jenis, (int)u->jenis));
    pg_p_text(&p, u->kecamatan);
    pg_p_coord(&p, u->lat);
    pg_p_coord(&p, u->lon);
    /* A load writes thousands of units, each checked by the importer
     * already: they need not wait for one another's round trip. */
    return pg_run_later(st, unit_put_sql, &p);
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

#define UNIT_SELECT \
    "SELECT kode, nama, induk, jenis, kecamatan, lat, lon FROM unit"

static enum err
unit_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct unit u;
    int jenis = 0;
    enum err rc = pg_col_enum(st, r, row, 3, &model_unit_jenis, &jenis);
    if (rc != ERR_OK) {
        return rc;
    }
    u.kode = pg_col_text(r, row, 0);
    u.nama = pg_col_text(r, row, 1);
    u.induk = pg_col_text(r, row, 2);
    u.jenis = (enum unit_jenis)jenis;
    u.kecamatan = pg_col_text(r, row, 4);
    u.lat = pg_col_coord(r, row, 5);
    u.lon = pg_col_coord(r, row, 6);
    return e->fn.unit(e->ctx, &u);
}

enum err
store_pg_unit_each(struct store *st,
                   enum err (*fn)(void *, const struct unit *), void *ctx)
{
    struct each_ctx e = {.fn.unit = fn, .ctx = ctx};
    return pg_each_row(st, UNIT_SELECT " ORDER BY kode COLLATE \"C\"", NULL,
                       unit_row, &e);
}

static const char jabatan_put_sql[] =
    "INSERT INTO jabatan (" JABATAN_COLS ") VALUES ($1, $2, $3, $4, $5,"
    " $6::boolean, $7::integer, $8, $9, $10, $11)"
    " ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama,"
    " jenis = excluded.jenis, jenjang = excluded.jenjang,"
    " kelompok = excluded.kelompok, guru = excluded.guru,"
    " bup = excluded.bup, kompetensi = excluded.kompetensi,"
    " pendidikan_min = excluded.pendidikan_min,"
    " golongan_min = excluded.golongan_min,"
    " golongan_max = excluded.golongan_max";

enum err
store_pg_jabatan_put(struct store *st, const struct jabatan *j)
{
    struct pg_params p = {0};
    pg_p_text(&p, j->kode);
    pg_p_text(&p, j->nama);
    pg_p_text(&p, model_enum_name(&model_jabatan_jenis, (int)j->jenis));
    pg_p_text(&p, j->jenjang);
    pg_p_text(&p, j->kelompok);
    pg_p_bool(&p, j->guru);
    if (j->bup > 0) {
        pg_p_long(&p, j->bup);
    } else {
        pg_p_text(&p, NULL);
    }
    pg_p_text(&p, j->kompetensi);
    pg_p_text(&p, j->pendidikan_min >= 0
                      ? model_enum_name(&model_pendidikan, j->pendidikan_min)
                      : NULL);
    pg_p_text(&p, j->golongan_min);
    pg_p_text(&p, j->golongan_max);
    return pg_run_later(st, jabatan_put_sql, &p);
}

static enum err
jabatan_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct jabatan j;
    int jenis = 0;
    enum err rc = pg_col_enum(st, r, row, 2, &model_jabatan_jenis, &jenis);
    if (rc != ERR_OK) {
        return rc;
    }
    j.kode = pg_col_text(r, row, 0);
    j.nama = pg_col_text(r, row, 1);
    j.jenis = (enum jabatan_jenis)jenis;
    j.jenjang = pg_col_text(r, row, 3);
    j.kelompok = pg_col_text(r, row, 4);
    j.guru = pg_col_bool(r, row, 5);
    j.bup = (int)pg_col_long(r, row, 6);
    j.kompetensi = pg_col_text(r, row, 7);
    /* The requirement words are stored enumeration words; read back as the
     * static words, so that they outlive the row. */
    const char *pend = pg_col_text(r, row, 8);
    j.pendidikan_min =
        pend ? model_enum_parse(&model_pendidikan, pend, strlen(pend)) : -1;
    int lo = model_golongan_rank(pg_col_text(r, row, 9));
    int hi = model_golongan_rank(pg_col_text(r, row, 10));
    j.golongan_min = lo >= 0 ? model_enum_name(&model_golongan_pns, lo) : NULL;
    j.golongan_max = hi >= 0 ? model_enum_name(&model_golongan_pns, hi) : NULL;
    return e->fn.jabatan(e->ctx, &j);
}

enum err
store_pg_jabatan_each(struct store *st,
                      enum err (*fn)(void *, const struct jabatan *), void *ctx)
{
    struct each_ctx e = {.fn.jabatan = fn, .ctx = ctx};
    return pg_each_row(st,
                       "SELECT " JABATAN_COLS " FROM jabatan"
                       " ORDER BY kode COLLATE \"C\"",
                       NULL, jabatan_row, &e);
}

enum err
store_pg_beban_clear(struct store *st, const char *unit, const char *jabatan,
                     bool with_app, long *kept)
{
    if (kept != NULL) {
        *kept = 0;
    }
    if (st->bulk[STORE_BULK_BEBAN]) {
        return ERR_OK; /* The table was empty: nothing to clear. */
    }
    struct pg_params p = {0};
    pg_p_text(&p, unit);
    pg_p_text(&p, jabatan);
    pg_p_bool(&p, with_app);
    enum err rc = pg_run(st,
                         "DELETE FROM beban WHERE unit = $1 AND jabatan = $2"
                         " AND (sumber = 'impor' OR $3::boolean)",
                         &p, NULL);
    if (rc == ERR_OK && !with_app && kept != NULL) {
        long long n = 0;
        p.n = 2;
        rc = pg_one_long(st,
                         "SELECT count(*) FROM beban WHERE unit = $1 AND"
                         " jabatan = $2 AND sumber = 'aplikasi'",
                         &p, &n);
        *kept = (long)n;
    }
    return rc;
}

/* The eight fields of 'b' as $1..$8. */
static void
beban_params(struct pg_params *p, const struct beban *b)
{
    pg_p_text(p, b->unit);
    pg_p_text(p, b->jabatan);
    pg_p_text(p, b->tugas);
    pg_p_long(p, b->volume_milli);
    if (b->norma_milli >= 0) {
        pg_p_long(p, b->norma_milli);
    } else {
        pg_p_text(p, NULL);
    }
    pg_p_text(p, model_enum_name(&model_metode, (int)b->metode));
    pg_p_date(p, b->berlaku_mulai);
    pg_p_date(p, b->berlaku_sampai);
}

static enum err
beban_insert(struct store *st, const struct beban *b, const char *sumber)
{
    if (st->bulk[STORE_BULK_BEBAN]) {
        struct buf *c = &st->copy[STORE_BULK_BEBAN];
        pg_copy_field(c, b->unit, false);
        pg_copy_field(c, b->jabatan, false);
        pg_copy_field(c, b->tugas, false);
        copy_long(c, b->volume_milli, false, false);
        copy_long(c, b->norma_milli, b->norma_milli < 0, false);
        pg_copy_field(c, model_enum_name(&model_metode, (int)b->metode), false);
        copy_date(c, b->berlaku_mulai, false);
        copy_date(c, b->berlaku_sampai, false);
        pg_copy_field(c, sumber != NULL ? sumber : "impor", true);
        return pg_copy_row_done(st, STORE_BULK_BEBAN);
    }
    struct pg_params p = {0};
    beban_params(&p, b);
    pg_p_text(&p, sumber);
    return pg_run(st,
                  "INSERT INTO beban (" BEBAN_COLS ", sumber) VALUES ($1, $2,"
                  " $3, $4::bigint, $5::bigint, $6, $7::date, $8::date,"
                  " coalesce($9::text, 'impor'))",
                  &p, NULL);
}

enum err
store_pg_beban_add(struct store *st, const struct beban *b)
{
    return beban_insert(st, b, NULL);
}

enum err
store_pg_beban_add_app(struct store *st, const struct beban *b)
{
    return beban_insert(st, b, "aplikasi");
}

enum err
store_pg_beban_app_has(struct store *st, const struct beban *b, bool *same)
{
    *same = false;
    if (st->bulk[STORE_BULK_BEBAN]) {
        return ERR_OK;
    }
    struct pg_params p = {0};
    long long n = 0;
    beban_params(&p, b);
    enum err rc = pg_one_long(
        st,
        "SELECT count(*) FROM beban WHERE unit = $1 AND jabatan = $2 AND"
        " sumber = 'aplikasi' AND tugas IS NOT DISTINCT FROM $3::text AND"
        " volume_milli = $4::bigint AND norma_milli IS NOT DISTINCT FROM"
        " $5::bigint AND metode = $6 AND berlaku_mulai IS NOT DISTINCT FROM"
        " $7::date AND berlaku_sampai IS NOT DISTINCT FROM $8::date",
        &p, &n);
    *same = n > 0;
    return rc;
}

static enum err
beban_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct beban b;
    int metode = 0;
    enum err rc = pg_col_enum(st, r, row, 5, &model_metode, &metode);
    rc = rc == ERR_OK ? pg_col_date(st, r, row, 6, &b.berlaku_mulai) : rc;
    rc = rc == ERR_OK ? pg_col_date(st, r, row, 7, &b.berlaku_sampai) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    b.unit = pg_col_text(r, row, 0);
    b.jabatan = pg_col_text(r, row, 1);
    b.tugas = pg_col_text(r, row, 2);
    b.volume_milli = pg_col_long(r, row, 3);
    b.norma_milli = PQgetisnull(r, row, 4) ? -1 : pg_col_long(r, row, 4);
    b.metode = (enum beban_metode)metode;
    return e->fn.beban(e->ctx, &b);
}

/* The whole table streams: its callers' callbacks only collect. */
enum err
store_pg_beban_each(struct store *st,
                    enum err (*fn)(void *, const struct beban *), void *ctx)
{
    struct each_ctx e = {.fn.beban = fn, .ctx = ctx};
    enum err rc = pg_copy_before_read(st, STORE_BULK_BEBAN);
    return rc == ERR_OK ? pg_stream_rows(st,
                                         "SELECT " BEBAN_COLS " FROM beban"
                                         " ORDER BY unit COLLATE \"C\","
                                         " jabatan COLLATE \"C\", id",
                                         NULL, beban_row, &e)
                        : rc;
}

enum err
store_pg_beban_scan(struct store *st,
                    enum err (*fn)(void *, const struct beban *), void *ctx)
{
    struct each_ctx e = {.fn.beban = fn, .ctx = ctx};
    enum err rc = pg_copy_before_read(st, STORE_BULK_BEBAN);
    return rc == ERR_OK
               ? pg_stream_rows(st,
                                "SELECT unit, jabatan, NULL, volume_milli,"
                                " norma_milli, metode, berlaku_mulai,"
                                " berlaku_sampai FROM beban",
                                NULL, beban_row, &e)
               : rc;
}

enum err
store_pg_beban_each_unit(struct store *st, const char *unit,
                         enum err (*fn)(void *, const struct beban *),
                         void *ctx)
{
    struct each_ctx e = {.fn.beban = fn, .ctx = ctx};
    struct pg_params p = {0};
    pg_p_text(&p, unit);
    enum err rc = pg_copy_before_read(st, STORE_BULK_BEBAN);
    return rc == ERR_OK ? pg_each_row(st,
                                      "SELECT " BEBAN_COLS " FROM beban"
                                      " WHERE unit = $1 ORDER BY jabatan"
                                      " COLLATE \"C\", id",
                                      &p, beban_row, &e)
                        : rc;
}

/* One statement decides and writes: 'old' is the row before (the
 * statement's snapshot), the upsert changes it only when a field differs
 * (SQLite's 'IS NOT' on the tuple), and a new employee or a change of
 * unit or jabatan adds its history row. The answer: new, changed, history
 * written. */
static const char pegawai_put_sql[] =
    "WITH old AS (SELECT unit, jabatan FROM pegawai WHERE nip = $1::text),"
    " up AS (INSERT INTO pegawai (" PEGAWAI_COLS ") VALUES ($1, $2, $3, $4,"
    " $5::date, $6, $7, $8::text, $9::text, $10::date, $11, $12, $13::float8,"
    " $14::float8, $15::boolean, $16::boolean, $17::integer)"
    " ON CONFLICT (nip) DO UPDATE SET nama = excluded.nama,"
    " jenis_kelamin = excluded.jenis_kelamin,"
    " tempat_lahir = excluded.tempat_lahir,"
    " tanggal_lahir = excluded.tanggal_lahir, status = excluded.status,"
    " golongan = excluded.golongan, jabatan = excluded.jabatan,"
    " unit = excluded.unit, tmt_unit = excluded.tmt_unit,"
    " pendidikan = excluded.pendidikan, kompetensi = excluded.kompetensi,"
    " lat = excluded.lat, lon = excluded.lon,"
    " hukuman_disiplin = excluded.hukuman_disiplin,"
    " tugas_belajar = excluded.tugas_belajar,"
    " formasi_tahun = excluded.formasi_tahun"
    " WHERE (pegawai.nama, pegawai.jenis_kelamin, pegawai.tempat_lahir,"
    " pegawai.tanggal_lahir, pegawai.status, pegawai.golongan,"
    " pegawai.jabatan, pegawai.unit, pegawai.tmt_unit, pegawai.pendidikan,"
    " pegawai.kompetensi, pegawai.lat, pegawai.lon, pegawai.hukuman_disiplin,"
    " pegawai.tugas_belajar, pegawai.formasi_tahun) IS DISTINCT FROM"
    " (excluded.nama, excluded.jenis_kelamin, excluded.tempat_lahir,"
    " excluded.tanggal_lahir, excluded.status, excluded.golongan,"
    " excluded.jabatan, excluded.unit, excluded.tmt_unit,"
    " excluded.pendidikan, excluded.kompetensi, excluded.lat,"
    " excluded.lon, excluded.hukuman_disiplin, excluded.tugas_belajar,"
    " excluded.formasi_tahun) RETURNING 1),"
    " hist AS (INSERT INTO riwayat (nip, unit, jabatan, tmt, sumber, dicatat)"
    " SELECT $1, $9, $8, $10, $18::text, " PG_NOW_SQL " WHERE NOT EXISTS"
    " (SELECT 1 FROM old WHERE old.unit = $9 AND old.jabatan = $8)"
    " RETURNING 1)"
    " SELECT NOT EXISTS (SELECT 1 FROM old), EXISTS (SELECT 1 FROM up),"
    " EXISTS (SELECT 1 FROM hist)";

/* An employee as one line of COPY text (bulk mode). */
static void
copy_pegawai(struct buf *c, const struct pegawai *p)
{
    char jk[2] = {p->jenis_kelamin, '\0'};
    pg_copy_field(c, p->nip, false);
    pg_copy_field(c, p->nama, false);
    pg_copy_field(c, jk, false);
    pg_copy_field(c, p->tempat_lahir, false);
    copy_date(c, p->tanggal_lahir, false);
    pg_copy_field(c, model_enum_name(&model_status, (int)p->status), false);
    pg_copy_field(c, p->golongan, false);
    pg_copy_field(c, p->jabatan, false);
    pg_copy_field(c, p->unit, false);
    copy_date(c, p->tmt_unit, false);
    pg_copy_field(c, p->pendidikan, false);
    pg_copy_field(c, p->kompetensi, false);
    copy_coord(c, p->lat);
    copy_coord(c, p->lon);
    pg_copy_field(c, p->hukuman_disiplin ? "t" : "f", false);
    pg_copy_field(c, p->tugas_belajar ? "t" : "f", false);
    copy_long(c, p->formasi_tahun, p->formasi_tahun <= 0, true);
}

enum err
store_pg_pegawai_put(struct store *st, const struct pegawai *p,
                     const char *sumber, enum store_put *out)
{
    if (st->bulk[STORE_BULK_PEGAWAI]) {
        /* A new employee into the empty table; store_bulk_end() writes
         * the history. The keys of the rows waiting tell a get whether it
         * must send them first. */
        if (st->copy_rows[STORE_BULK_PEGAWAI] == 0) {
            map64_cleanup(&st->copy_keys);
        }
        (void)map64_add(&st->copy_keys, key_hash(p->nip), 1, NULL);
        copy_pegawai(&st->copy[STORE_BULK_PEGAWAI], p);
        enum err rc = pg_copy_row_done(st, STORE_BULK_PEGAWAI);
        if (rc == ERR_OK && out != NULL) {
            *out = STORE_INSERTED;
        }
        return rc;
    }
    char jk[2] = {p->jenis_kelamin, '\0'};
    struct pg_params q = {0};
    pg_p_text(&q, p->nip);
    pg_p_text(&q, p->nama);
    pg_p_text(&q, jk);
    pg_p_text(&q, p->tempat_lahir);
    pg_p_date(&q, p->tanggal_lahir);
    pg_p_text(&q, model_enum_name(&model_status, (int)p->status));
    pg_p_text(&q, p->golongan);
    pg_p_text(&q, p->jabatan);
    pg_p_text(&q, p->unit);
    pg_p_date(&q, p->tmt_unit);
    pg_p_text(&q, p->pendidikan);
    pg_p_text(&q, p->kompetensi);
    pg_p_coord(&q, p->lat);
    pg_p_coord(&q, p->lon);
    pg_p_bool(&q, p->hukuman_disiplin);
    pg_p_bool(&q, p->tugas_belajar);
    if (p->formasi_tahun > 0) {
        pg_p_long(&q, p->formasi_tahun);
    } else {
        pg_p_text(&q, NULL);
    }
    pg_p_text(&q, sumber);
    PGresult *r = NULL;
    enum err rc = pg_run(st, pegawai_put_sql, &q, &r);
    if (rc == ERR_OK && out != NULL) {
        bool is_new = pg_col_bool(r, 0, 0);
        bool changed = pg_col_bool(r, 0, 1);
        bool history = pg_col_bool(r, 0, 2);
        *out = is_new               ? STORE_INSERTED
               : changed || history ? STORE_UPDATED
                                    : STORE_UNCHANGED;
    }
    PQclear(r);
    return rc;
}

static enum err
read_pegawai(struct store *st, const PGresult *r, int row, struct pegawai *p)
{
    int status = 0;
    const char *jk = pg_col_text(r, row, 2);
    enum err rc = pg_col_enum(st, r, row, 5, &model_status, &status);
    rc = rc == ERR_OK ? pg_col_date(st, r, row, 4, &p->tanggal_lahir) : rc;
    rc = rc == ERR_OK ? pg_col_date(st, r, row, 9, &p->tmt_unit) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    p->nip = pg_col_text(r, row, 0);
    p->nama = pg_col_text(r, row, 1);
    p->jenis_kelamin = 'L';
    if (jk != NULL) {
        p->jenis_kelamin = jk[0];
    }
    p->tempat_lahir = pg_col_text(r, row, 3);
    p->status = (enum pegawai_status)status;
    p->golongan = pg_col_text(r, row, 6);
    p->jabatan = pg_col_text(r, row, 7);
    p->unit = pg_col_text(r, row, 8);
    p->pendidikan = pg_col_text(r, row, 10);
    p->kompetensi = pg_col_text(r, row, 11);
    p->lat = pg_col_coord(r, row, 12);
    p->lon = pg_col_coord(r, row, 13);
    p->hukuman_disiplin = pg_col_bool(r, row, 14);
    p->tugas_belajar = pg_col_bool(r, row, 15);
    p->formasi_tahun = (int)pg_col_long(r, row, 16);
    return ERR_OK;
}

static enum err
pegawai_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct pegawai p;
    enum err rc = read_pegawai(st, r, row, &p);
    return rc == ERR_OK ? e->fn.pegawai(e->ctx, &p) : rc;
}

/* The whole staff streams: its callers' callbacks only collect. */
enum err
store_pg_pegawai_each(struct store *st,
                      enum err (*fn)(void *, const struct pegawai *), void *ctx)
{
    struct each_ctx e = {.fn.pegawai = fn, .ctx = ctx};
    enum err rc = pg_copy_before_read(st, STORE_BULK_PEGAWAI);
    return rc == ERR_OK ? pg_stream_rows(st,
                                         "SELECT " PEGAWAI_COLS " FROM pegawai"
                                         " ORDER BY nip COLLATE \"C\"",
                                         NULL, pegawai_row, &e)
                        : rc;
}

#define OPEN_SQL "status NOT IN ('selesai','ditolak','dibatalkan')"

static enum err
count_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct store_unit_count c;
    (void)st;
    c.unit = pg_col_text(r, row, 0);
    c.n_pns = (long)pg_col_long(r, row, 1);
    c.n_pppk = (long)pg_col_long(r, row, 2);
    c.n_cpns = (long)pg_col_long(r, row, 3);
    c.n_permohonan = (long)pg_col_long(r, row, 4);
    c.n_pppk_pw = (long)pg_col_long(r, row, 5);
    return e->fn.count(e->ctx, &c);
}

enum err
store_pg_unit_count_each(struct store *st,
                         enum err (*fn)(void *,
                                        const struct store_unit_count *),
                         void *ctx)
{
    struct each_ctx e = {.fn.count = fn, .ctx = ctx};
    enum err rc = pg_copy_before_read(st, STORE_BULK_PEGAWAI);
    return rc == ERR_OK
               ? pg_each_row(
                     st,
                     "SELECT unit, sum(pns), sum(pppk), sum(cpns), sum(req),"
                     " sum(pw) FROM (SELECT unit, (status = 'PNS')::int AS"
                     " pns, (status = 'PPPK')::int AS pppk, (status ="
                     " 'CPNS')::int AS cpns, 0 AS req, (status ="
                     " 'PPPK_PW')::int AS pw FROM pegawai UNION ALL"
                     " SELECT g.unit, 0, 0, 0, 1, 0 FROM permohonan p JOIN"
                     " pegawai g ON g.nip = p.nip WHERE p." OPEN_SQL ") AS c"
                     " GROUP BY unit ORDER BY unit COLLATE \"C\"",
                     NULL, count_row, &e)
               : rc;
}

/* Callbacks that copy the one row of a get into the caller's record and
 * its strings into the handle's scratch space, before the result is
 * cleared. */
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
    pg_keep_strings(g->st, fields, sizeof(fields) / sizeof(fields[0]));
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
    pg_keep_strings(g->st, fields, sizeof(fields) / sizeof(fields[0]));
    return ERR_OK;
}

static enum err
keep_pegawai(void *ctx, const struct pegawai *p)
{
    struct get_ctx *g = ctx;
    struct pegawai *out = g->out;
    *out = *p;
    const char **fields[] = {
        &out->nip,     &out->nama, &out->tempat_lahir, &out->golongan,
        &out->jabatan, &out->unit, &out->pendidikan,   &out->kompetensi};
    pg_keep_strings(g->st, fields, sizeof(fields) / sizeof(fields[0]));
    return ERR_OK;
}

enum err
store_pg_unit_get(struct store *st, const char *kode, struct unit *out)
{
    struct get_ctx g = {st, out};
    struct each_ctx e = {.fn.unit = copy_unit, .ctx = &g};
    struct pg_params p = {0};
    pg_p_text(&p, kode);
    return pg_one_row(st, UNIT_SELECT " WHERE kode = $1", &p, unit_row, &e);
}

enum err
store_pg_jabatan_get(struct store *st, const char *kode, struct jabatan *out)
{
    struct get_ctx g = {st, out};
    struct each_ctx e = {.fn.jabatan = copy_jabatan, .ctx = &g};
    struct pg_params p = {0};
    pg_p_text(&p, kode);
    return pg_one_row(st,
                      "SELECT " JABATAN_COLS " FROM jabatan WHERE kode = $1",
                      &p, jabatan_row, &e);
}

enum err
store_pg_pegawai_get(struct store *st, const char *nip, struct pegawai *out)
{
    struct get_ctx g = {st, out};
    struct each_ctx e = {.fn.pegawai = keep_pegawai, .ctx = &g};
    struct pg_params p = {0};
    enum err rc = ERR_OK;
    /* In bulk mode the row may wait in the COPY text: only then is it
     * sent first (a get per row of a load must not cost a COPY each). */
    if (st->bulk[STORE_BULK_PEGAWAI] && nip != NULL &&
        st->copy_rows[STORE_BULK_PEGAWAI] > 0 &&
        map64_find(&st->copy_keys, key_hash(nip), NULL)) {
        rc = pg_copy_flush(st, STORE_BULK_PEGAWAI);
    }
    pg_p_text(&p, nip);
    return rc == ERR_OK ? pg_one_row(st,
                                     "SELECT " PEGAWAI_COLS " FROM pegawai"
                                     " WHERE nip = $1",
                                     &p, pegawai_row, &e)
                        : rc;
}

/* store_pegawai_names(): how many NIPs go in one query's array. */
#define NAMES_BATCH 1000

struct names_ctx {
    enum err (*fn)(void *, const char *nip, const char *nama);
    void *ctx;
};

static enum err
name_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct names_ctx *c = arg;
    (void)st;
    return c->fn(c->ctx, pg_col_text(r, row, 0), pg_col_text(r, row, 1));
}

/* Append 'v' to the array literal 'b' as one quoted element. */
static enum err
array_add(struct buf *b, const char *v)
{
    enum err rc = buf_add(b, b->len > 1 ? ",\"" : "\"", b->len > 1 ? 2 : 1);
    for (const char *c = v; *c != '\0' && rc == ERR_OK; c++) {
        if (*c == '"' || *c == '\\') {
            rc = buf_add(b, "\\", 1);
        }
        rc = rc == ERR_OK ? buf_add(b, c, 1) : rc;
    }
    return rc == ERR_OK ? buf_add(b, "\"", 1) : rc;
}

/* The NIPs go as one text[] parameter per batch: a plan's thousands of
 * movers are a few round trips, not one each. */
enum err
store_pg_pegawai_names(struct store *st, const char *const *nips, size_t n,
                       enum err (*fn)(void *, const char *nip,
                                      const char *nama),
                       void *ctx)
{
    struct names_ctx c = {fn, ctx};
    struct buf b;
    enum err rc = ERR_OK;
    buf_init(&b, 0);
    for (size_t at = 0; at < n && rc == ERR_OK; at += NAMES_BATCH) {
        size_t end = n - at < NAMES_BATCH ? n : at + NAMES_BATCH;
        b.len = 0;
        rc = buf_add(&b, "{", 1);
        for (size_t i = at; i < end && rc == ERR_OK; i++) {
            rc = array_add(&b, nips[i]);
        }
        rc = rc == ERR_OK ? buf_add(&b, "}", 2) : rc; /* With the NUL. */
        struct pg_params p = {0};
        pg_p_text(&p, b.data);
        rc = rc == ERR_OK ? pg_each_row(st,
                                        "SELECT nip, nama FROM pegawai"
                                        " WHERE nip = ANY($1::text[])",
                                        &p, name_row, &c)
                          : rc;
    }
    buf_cleanup(&b);
    return rc;
}

/* Secondary indexes of the bulk-loaded tables, as the schema makes them:
 * dropped while the empty table loads, built again in one pass. An index
 * cannot be built on a table with foreign key checks waiting for the
 * commit: they are made at once first (a broken key fails here instead of
 * at the commit; the same ERR_DB), then deferred again as the schema
 * declares them. ANALYZE gives the planner the new table's figures at
 * once, not after autovacuum's next round. */
static const char *const bulk_drop[STORE_BULK_N] = {
    "DROP INDEX beban_pair", "DROP INDEX pegawai_unit; DROP INDEX riwayat_nip",
    NULL};
static const char *const bulk_create[STORE_BULK_N] = {
    "SET CONSTRAINTS ALL IMMEDIATE;"
    " CREATE INDEX beban_pair ON beban(unit, jabatan);"
    " SET CONSTRAINTS ALL DEFERRED; ANALYZE beban",
    "SET CONSTRAINTS ALL IMMEDIATE;"
    " CREATE INDEX pegawai_unit ON pegawai(unit, jabatan);"
    " CREATE INDEX riwayat_nip ON riwayat(nip, tmt);"
    " SET CONSTRAINTS ALL DEFERRED; ANALYZE pegawai; ANALYZE riwayat",
    "ANALYZE kinerja"};
static const char *const bulk_empty_sql[STORE_BULK_N] = {
    "SELECT (NOT EXISTS (SELECT 1 FROM beban))::int",
    "SELECT (NOT EXISTS (SELECT 1 FROM pegawai))::int",
    "SELECT (NOT EXISTS (SELECT 1 FROM kinerja))::int"};

/* Foreign keys of the bulk-loaded tables (and of the history that
 * store_bulk_end() fills from the employees): a deferred key queues one
 * check per row, each a lookup in the referenced table at the commit,
 * which took most of a load's time (some 7 us a row). Dropped while the
 * empty table loads and added back at store_bulk_end() as they were
 * (pg_get_constraintdef), which checks every row in one join: the key is
 * there again, checked, before the transaction can commit, and a broken
 * one fails store_bulk_end() (ERR_DB, PostgreSQL's message, as its
 * deferred check did); a rollback brings them back as well.
 * Dropping a key locks the table it references against readers until
 * the commit, as the dropped indexes already lock the loaded table. So
 * only keys into the small code tables (unit, jabatan), which a first
 * load fills in the same import, or into a table this transaction
 * already holds alone (the employees, in a load of employees and their
 * ratings): a first load of ratings into a running database leaves the
 * employees readable and keeps its per-row checks. */
static const char *const bulk_fk_tables[STORE_BULK_N] = {
    "{beban}", "{pegawai,riwayat}", "{kinerja}"};
static const char bulk_fk_sql[] =
    "SELECT string_agg(format('ALTER TABLE %s DROP CONSTRAINT %I',"
    " c.conrelid::regclass, c.conname), '; ' ORDER BY c.conname),"
    " string_agg(format('ALTER TABLE %s ADD CONSTRAINT %I %s',"
    " c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)), '; '"
    " ORDER BY c.conname) FROM pg_constraint c WHERE c.contype = 'f' AND"
    " c.conrelid = ANY ($1::regclass[]) AND (c.confrelid IN"
    " ('unit'::regclass, 'jabatan'::regclass) OR EXISTS (SELECT 1 FROM"
    " pg_locks l WHERE l.pid = pg_backend_pid() AND l.locktype ="
    " 'relation' AND l.relation = c.confrelid AND l.mode ="
    " 'AccessExclusiveLock' AND l.granted))";

static enum err
drop_foreign_keys(struct store *st, enum store_bulk what)
{
    struct pg_params p = {0};
    PGresult *r = NULL;
    pg_p_text(&p, bulk_fk_tables[what]);
    enum err rc = pg_run(st, bulk_fk_sql, &p, &r);
    if (rc == ERR_OK && PQntuples(r) == 1 && !PQgetisnull(r, 0, 0)) {
        /* A table with checks still waiting cannot be altered (the unit
         * parents, say): they are made first, as store_bulk_end() makes
         * them before its indexes. */
        struct buf sql;
        buf_init(&sql, 0);
        rc = buf_addf(&sql,
                      "SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL"
                      " DEFERRED; %s",
                      PQgetvalue(r, 0, 0));
        rc = rc == ERR_OK ? pg_exec(st, buf_str(&sql)) : rc;
        buf_cleanup(&sql);
        if (rc == ERR_OK) {
            free(st->fk_add[what]);
            st->fk_add[what] = xstrdup(PQgetvalue(r, 0, 1));
        }
    }
    PQclear(r);
    return rc;
}

void
pg_bulk_forget(struct store *st)
{
    for (int i = 0; i < STORE_BULK_N; i++) {
        free(st->fk_add[i]);
        st->fk_add[i] = NULL;
    }
}

enum err
store_pg_bulk_begin(struct store *st, enum store_bulk what, bool *out)
{
    if (!st->in_tx) {
        return ERR_INTERNAL;
    }
    long long empty = 0;
    enum err rc = pg_one_long(st, bulk_empty_sql[what], NULL, &empty);
    if (rc == ERR_OK && empty && bulk_drop[what] != NULL) {
        rc = pg_exec(st, bulk_drop[what]);
    }
    if (rc == ERR_OK && empty) {
        rc = drop_foreign_keys(st, what);
    }
    if (rc == ERR_OK) {
        st->bulk[what] = empty != 0;
        buf_reset(&st->copy[what]);
        st->copy_rows[what] = 0;
        *out = empty != 0;
    }
    return rc;
}

enum err
store_pg_bulk_end(struct store *st, enum store_bulk what, const char *sumber)
{
    if (!st->bulk[what]) {
        return ERR_OK;
    }
    enum err rc = pg_copy_flush(st, what);
    st->bulk[what] = false;
    /* The COPY text's memory goes back: a load is rare. */
    buf_cleanup(&st->copy[what]);
    if (what == STORE_BULK_PEGAWAI) {
        map64_cleanup(&st->copy_keys);
    }
    if (rc == ERR_OK && what == STORE_BULK_PEGAWAI) {
        struct pg_params p = {0};
        pg_p_text(&p, sumber);
        rc = pg_run(st,
                    "INSERT INTO riwayat (nip, unit, jabatan, tmt, sumber,"
                    " dicatat) SELECT nip, unit, jabatan, tmt_unit, "
                    "$1::text, " PG_NOW_SQL
                    " FROM pegawai ORDER BY nip COLLATE \"C\"",
                    &p, NULL);
    }
    rc = rc == ERR_OK ? pg_exec(st, bulk_create[what]) : rc;
    /* After ANALYZE: the check of the keys added back plans its join on
     * the new table's figures. */
    if (rc == ERR_OK && st->fk_add[what] != NULL) {
        rc = pg_exec(st, st->fk_add[what]);
        free(st->fk_add[what]);
        st->fk_add[what] = NULL;
    }
    return rc;
}

/* The record in force on $1: the current one from its TMT on; before it,
 * the latest history row. A move decided but not yet in force (its TMT
 * after today $2, from a decided plan) already counts where it leads
 * (issue #15). SQLite's LIKE ignores ASCII case: lower() in "C" folds
 * ASCII only, as SQLite does. */
#define PENDING_SQL                                                    \
    "(p.tmt_unit > $2::date AND EXISTS (SELECT 1 FROM riwayat r WHERE" \
    " r.nip = p.nip AND r.tmt = p.tmt_unit AND lower(r.sumber COLLATE" \
    " \"C\") LIKE 'rencana:%'))"
#define POSTED_SQL(col)                                                    \
    " CASE WHEN p.tmt_unit <= $1::date OR " PENDING_SQL " THEN p." col     \
    " ELSE (SELECT r." col " FROM riwayat r WHERE r.nip = p.nip AND r.tmt" \
    " <= $1::date ORDER BY r.tmt DESC, r.id DESC LIMIT 1) END"

static enum err
staff_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct store_staff x;
    int status = 0;
    enum err rc = pg_col_enum(st, r, row, 2, &model_status, &status);
    rc = rc == ERR_OK ? pg_col_date(st, r, row, 3, &x.tanggal_lahir) : rc;
    rc = rc == ERR_OK ? pg_col_date(st, r, row, 9, &x.tmt_unit) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    x.nip = pg_col_text(r, row, 0);
    x.nama = pg_col_text(r, row, 1);
    x.status = status;
    x.tugas_belajar = pg_col_bool(r, row, 4);
    x.unit = pg_col_text(r, row, 5);
    x.jabatan = pg_col_text(r, row, 6);
    x.unit_now = pg_col_text(r, row, 7);
    x.jabatan_now = pg_col_text(r, row, 8);
    x.hukuman_disiplin = pg_col_bool(r, row, 10);
    x.formasi_tahun = (int)pg_col_long(r, row, 11);
    x.kompetensi = pg_col_text(r, row, 12);
    x.lat = pg_col_coord(r, row, 13);
    x.lon = pg_col_coord(r, row, 14);
    x.golongan = pg_col_text(r, row, 15);
    x.pendidikan = pg_col_text(r, row, 16);
    return e->fn.staff(e->ctx, &x);
}

static enum err
post_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct store_staff x;
    memset(&x, 0, sizeof(x));
    int status = 0;
    enum err rc = pg_col_enum(st, r, row, 1, &model_status, &status);
    rc = rc == ERR_OK ? pg_col_date(st, r, row, 2, &x.tanggal_lahir) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    x.nip = pg_col_text(r, row, 0);
    x.status = status;
    x.tugas_belajar = pg_col_bool(r, row, 3);
    x.unit = pg_col_text(r, row, 4);
    x.jabatan = pg_col_text(r, row, 5);
    x.lat = MODEL_COORD_NONE;
    x.lon = MODEL_COORD_NONE;
    return e->fn.staff(e->ctx, &x);
}

/* The whole staff streams (analysis.c, planning.c and keadaan.c only
 * collect in their callbacks). */
enum err
store_pg_posts_each(struct store *st, int32_t day,
                    enum err (*fn)(void *, const struct store_staff *),
                    void *ctx)
{
    struct each_ctx e = {.fn.staff = fn, .ctx = ctx};
    struct pg_params p = {0};
    pg_p_date(&p, day);
    pg_p_date(&p, date_today());
    enum err rc = pg_copy_before_read(st, STORE_BULK_PEGAWAI);
    return rc == ERR_OK
               ? pg_stream_rows(
                     st,
                     "SELECT p.nip, p.status, p.tanggal_lahir,"
                     " p.tugas_belajar," POSTED_SQL("unit") "," POSTED_SQL(
                         "jabatan") " FROM pegawai p",
                     &p, post_row, &e)
               : rc;
}

enum err
store_pg_staff_each(struct store *st, int32_t day,
                    enum err (*fn)(void *, const struct store_staff *),
                    void *ctx)
{
    struct each_ctx e = {.fn.staff = fn, .ctx = ctx};
    struct pg_params p = {0};
    pg_p_date(&p, day);
    pg_p_date(&p, date_today());
    enum err rc = pg_copy_before_read(st, STORE_BULK_PEGAWAI);
    return rc == ERR_OK
               ? pg_stream_rows(
                     st,
                     "SELECT p.nip, p.nama, p.status, p.tanggal_lahir,"
                     " p.tugas_belajar," POSTED_SQL("unit") "," POSTED_SQL(
                         "jabatan") ", p.unit, p.jabatan, p.tmt_unit,"
                                    " p.hukuman_disiplin, p.formasi_tahun,"
                                    " p.kompetensi, p.lat, p.lon, p.golongan,"
                                    " p.pendidikan FROM pegawai p",
                     &p, staff_row, &e)
               : rc;
}

/* The units of the subtree of $1 (none when NULL), and the match of $2
 * as SQLite's instr(lower(..)) and substr: lower() in "C" folds ASCII
 * only, as SQLite's does. */
#define SUBTREE_SQL                                                     \
    "WITH RECURSIVE sub(k) AS (SELECT $1::text UNION ALL SELECT u.kode" \
    " FROM unit u JOIN sub ON u.induk = sub.k)"
#define PAGE_WHERE_SQL                                                       \
    " WHERE ($1::text IS NULL OR unit IN (SELECT k FROM sub)) AND"           \
    " ($2::text IS NULL OR strpos(lower(nama COLLATE \"C\"), lower($2::text" \
    " COLLATE \"C\")) > 0 OR substr(nip, 1, length($2::text)) = $2::text)"

enum err
store_pg_pegawai_page(struct store *st, const struct store_pegawai_query *q,
                      enum err (*fn)(void *, const struct pegawai *), void *ctx,
                      long *total)
{
    struct pg_params p = {0};
    long long n = 0;
    *total = 0;
    pg_p_text(&p, q->root);
    pg_p_text(&p, q->text);
    enum err rc = pg_copy_before_read(st, STORE_BULK_PEGAWAI);
    rc = rc == ERR_OK
             ? pg_one_long(st,
                           SUBTREE_SQL
                           " SELECT count(*) FROM pegawai" PAGE_WHERE_SQL,
                           &p, &n)
             : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    *total = (long)n;
    /* SQLite reads a negative LIMIT as none and a negative OFFSET as 0;
     * PostgreSQL refuses both. */
    if (q->limit >= 0) {
        pg_p_long(&p, q->limit);
    } else {
        pg_p_text(&p, NULL);
    }
    pg_p_long(&p, q->offset > 0 ? q->offset : 0);
    struct each_ctx e = {.fn.pegawai = fn, .ctx = ctx};
    return pg_each_row(st,
                       SUBTREE_SQL " SELECT " PEGAWAI_COLS
                                   " FROM pegawai" PAGE_WHERE_SQL
                                   " ORDER BY nip COLLATE \"C\""
                                   " LIMIT $3::bigint OFFSET $4::bigint",
                       &p, pegawai_row, &e);
}

enum err
store_pg_unit_in_subtree(struct store *st, const char *unit, const char *root,
                         bool *out)
{
    struct pg_params p = {0};
    pg_p_text(&p, unit);
    pg_p_text(&p, root);
    PGresult *r = NULL;
    enum err rc = pg_run(
        st,
        "WITH RECURSIVE up(k) AS (SELECT $1::text UNION ALL SELECT u.induk"
        " FROM unit u JOIN up ON u.kode = up.k WHERE u.induk IS NOT NULL)"
        " SELECT 1 FROM up WHERE k = $2::text AND EXISTS (SELECT 1 FROM unit"
        " WHERE kode = $1::text) LIMIT 1",
        &p, &r);
    if (rc == ERR_OK) {
        *out = PQntuples(r) > 0;
    }
    PQclear(r);
    return rc;
}

/* Histories. */

static enum err
riwayat_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct store_riwayat w = {pg_col_text(r, row, 0), pg_col_text(r, row, 1),
                              pg_col_text(r, row, 2), pg_col_text(r, row, 3),
                              pg_col_text(r, row, 4), pg_col_text(r, row, 5),
                              pg_col_text(r, row, 6)};
    (void)st;
    return e->fn.riwayat(e->ctx, &w);
}

enum err
store_pg_riwayat_each(struct store *st, const char *nip,
                      enum err (*fn)(void *, const struct store_riwayat *),
                      void *ctx)
{
    struct each_ctx e = {.fn.riwayat = fn, .ctx = ctx};
    struct pg_params p = {0};
    pg_p_text(&p, nip);
    return pg_each_row(st,
                       "SELECT r.unit, u.nama, r.jabatan, j.nama, r.tmt,"
                       " r.sumber, r.sk_nomor FROM riwayat r"
                       " LEFT JOIN unit u ON u.kode = r.unit"
                       " LEFT JOIN jabatan j ON j.kode = r.jabatan"
                       " WHERE r.nip = $1 ORDER BY r.tmt DESC, r.id DESC",
                       &p, riwayat_row, &e);
}

static enum err
unit_move_row(struct store *st, const PGresult *r, int row, void *arg)
{
    struct each_ctx *e = arg;
    struct store_unit_move m = {pg_col_text(r, row, 0), pg_col_text(r, row, 1),
                                pg_col_text(r, row, 2), pg_col_text(r, row, 3),
                                pg_col_text(r, row, 4), pg_col_text(r, row, 5),
                                pg_col_text(r, row, 6), pg_col_text(r, row, 7)};
    (void)st;
    return e->fn.unit_move(e->ctx, &m);
}

/* Each history row with the unit of the row before it (LAG over the
 * employee's rows in TMT order), kept when the unit changes and 'kode'
 * is on either side. */
enum err
store_pg_unit_moves_each(struct store *st, const char *kode, long limit,
                         enum err (*fn)(void *, const struct store_unit_move *),
                         void *ctx)
{
    struct each_ctx e = {.fn.unit_move = fn, .ctx = ctx};
    struct pg_params p = {0};
    pg_p_text(&p, kode);
    if (limit >= 0) {
        pg_p_long(&p, limit);
    } else {
        pg_p_text(&p, NULL); /* SQLite: a negative LIMIT is none. */
    }
    enum err rc = pg_copy_before_read(st, STORE_BULK_PEGAWAI);
    return rc == ERR_OK
               ? pg_each_row(
                     st,
                     "WITH h AS (SELECT r.id, r.nip, r.unit, r.jabatan, r.tmt,"
                     " LAG(r.unit) OVER (PARTITION BY r.nip ORDER BY r.tmt,"
                     " r.id) AS dari FROM riwayat r WHERE r.nip IN (SELECT"
                     " nip FROM riwayat WHERE unit = $1::text))"
                     " SELECT h.nip, p.nama, h.tmt, h.dari, d.nama, h.unit,"
                     " k.nama, h.jabatan FROM h LEFT JOIN pegawai p ON p.nip"
                     " = h.nip LEFT JOIN unit d ON d.kode = h.dari"
                     " LEFT JOIN unit k ON k.kode = h.unit WHERE (h.unit ="
                     " $1::text OR h.dari = $1::text) AND h.dari IS DISTINCT"
                     " FROM h.unit ORDER BY h.tmt DESC, h.id DESC"
                     " LIMIT $2::bigint",
                     &p, unit_move_row, &e)
               : rc;
}
