/* SPDX-License-Identifier: MIT */
/* store_sqlite: the SQLite back end (storage layer). WAL journal, foreign
 * keys on and deferred to commit, versioned migrations, prepared
 * statements cached per handle. Nothing outside this file speaks SQLite. */
#include "store_sqlite.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "diag.h"
#include "mem.h"
#include "model.h"
#include "store.h"

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* Each step belongs to a schema version; the steps of version v take the
 * schema from v - 1 to v. Append only: a shipped step never changes. */
struct migration {
    int version;
    const char *sql;
};

static const struct migration migrations[] = {
    {1, "CREATE TABLE unit ("
        " kode TEXT PRIMARY KEY,"
        " nama TEXT NOT NULL,"
        " induk TEXT REFERENCES unit(kode) DEFERRABLE INITIALLY DEFERRED,"
        " jenis TEXT NOT NULL CHECK (jenis IN ('opd','bidang','sekolah',"
        "  'puskesmas','rsud','kecamatan','kelurahan','lainnya')),"
        " kecamatan TEXT,"
        " lat REAL CHECK (lat BETWEEN -90 AND 90),"
        " lon REAL CHECK (lon BETWEEN -180 AND 180));"},
    {1, "CREATE INDEX unit_induk ON unit(induk);"},
    {1,
     "CREATE TABLE jabatan ("
     " kode TEXT PRIMARY KEY,"
     " nama TEXT NOT NULL,"
     " jenis TEXT NOT NULL CHECK (jenis IN ('jpt','administrator','pengawas',"
     "  'pelaksana','fungsional_keahlian','fungsional_keterampilan')),"
     " jenjang TEXT,"
     " kelompok TEXT,"
     " guru INTEGER NOT NULL DEFAULT 0 CHECK (guru IN (0, 1)),"
     " bup INTEGER,"
     " kompetensi TEXT);"},
    {1,
     "CREATE TABLE beban ("
     " id INTEGER PRIMARY KEY,"
     " unit TEXT NOT NULL REFERENCES unit(kode) DEFERRABLE INITIALLY DEFERRED,"
     " jabatan TEXT NOT NULL REFERENCES jabatan(kode)"
     "  DEFERRABLE INITIALLY DEFERRED,"
     " tugas TEXT,"
     " volume_milli INTEGER NOT NULL CHECK (volume_milli >= 0),"
     " norma_milli INTEGER CHECK (norma_milli >= 0),"
     " metode TEXT NOT NULL CHECK (metode IN ('tugas','rombel','jp','tetap')),"
     " berlaku_mulai TEXT,"
     " berlaku_sampai TEXT);"},
    {1, "CREATE INDEX beban_pair ON beban(unit, jabatan);"},
    {1,
     "CREATE TABLE pegawai ("
     " nip TEXT PRIMARY KEY,"
     " nama TEXT NOT NULL,"
     " jenis_kelamin TEXT NOT NULL CHECK (jenis_kelamin IN ('L','P')),"
     " tempat_lahir TEXT,"
     " tanggal_lahir TEXT NOT NULL,"
     " status TEXT NOT NULL CHECK (status IN ('CPNS','PNS','PPPK')),"
     " golongan TEXT,"
     " jabatan TEXT NOT NULL REFERENCES jabatan(kode)"
     "  DEFERRABLE INITIALLY DEFERRED,"
     " unit TEXT NOT NULL REFERENCES unit(kode) DEFERRABLE INITIALLY DEFERRED,"
     " tmt_unit TEXT NOT NULL,"
     " pendidikan TEXT,"
     " kompetensi TEXT,"
     " lat REAL,"
     " lon REAL,"
     " hukuman_disiplin INTEGER NOT NULL DEFAULT 0,"
     " tugas_belajar INTEGER NOT NULL DEFAULT 0,"
     " formasi_tahun INTEGER);"},
    {1, "CREATE INDEX pegawai_unit ON pegawai(unit, jabatan);"},
    {1,
     /* Every change of unit or position, with its TMT, SK and source. */
     "CREATE TABLE riwayat ("
     " id INTEGER PRIMARY KEY,"
     " nip TEXT NOT NULL REFERENCES pegawai(nip) DEFERRABLE INITIALLY DEFERRED,"
     " unit TEXT NOT NULL,"
     " jabatan TEXT NOT NULL,"
     " tmt TEXT NOT NULL,"
     " sk_nomor TEXT,"
     " sumber TEXT NOT NULL,"
     " dicatat TEXT NOT NULL);"},
    {1, "CREATE INDEX riwayat_nip ON riwayat(nip, tmt);"},
    {1,
     "CREATE TABLE permohonan ("
     " id INTEGER PRIMARY KEY,"
     " nip TEXT NOT NULL REFERENCES pegawai(nip) DEFERRABLE INITIALLY DEFERRED,"
     " alasan TEXT NOT NULL CHECK (alasan IN ('ikut_pasangan','kesehatan',"
     "  'dekat_domisili','pengembangan_karier','lainnya')),"
     " keterangan TEXT,"
     " tanggal TEXT NOT NULL,"
     " status TEXT NOT NULL DEFAULT 'draf',"
     " version INTEGER NOT NULL DEFAULT 1,"
     " dibuat TEXT NOT NULL,"
     " diubah TEXT NOT NULL);"},
    {1, "CREATE UNIQUE INDEX permohonan_satu_terbuka ON permohonan(nip)"
        " WHERE status NOT IN ('selesai','ditolak','dibatalkan');"},
    {1,
     "CREATE TABLE permohonan_pilihan ("
     " permohonan_id INTEGER NOT NULL REFERENCES permohonan(id)"
     "  ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
     " urutan INTEGER NOT NULL CHECK (urutan BETWEEN 1 AND 5),"
     " unit TEXT NOT NULL REFERENCES unit(kode) DEFERRABLE INITIALLY DEFERRED,"
     " PRIMARY KEY (permohonan_id, urutan));"},
    {1,
     /* Each workflow step of a request, with who and why. */
     "CREATE TABLE permohonan_langkah ("
     " id INTEGER PRIMARY KEY,"
     " permohonan_id INTEGER NOT NULL REFERENCES permohonan(id),"
     " aksi TEXT NOT NULL,"
     " dari_status TEXT,"
     " ke_status TEXT NOT NULL,"
     " aktor TEXT NOT NULL,"
     " catatan TEXT,"
     " pada TEXT NOT NULL);"},
    {1,
     "CREATE TABLE plan ("
     " id INTEGER PRIMARY KEY,"
     " nama TEXT NOT NULL UNIQUE,"
     " mode TEXT NOT NULL CHECK (mode IN ('voluntary','directed','combined')),"
     " as_of TEXT NOT NULL,"
     " settings TEXT NOT NULL,"
     " status TEXT NOT NULL DEFAULT 'draf',"
     " hasil TEXT,"
     " dibuat TEXT NOT NULL,"
     " dibuat_oleh TEXT NOT NULL,"
     " diterbitkan TEXT,"
     " disetujui TEXT,"
     " tmt TEXT);"},
    {1, "CREATE TABLE plan_move ("
        " plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
        " nip TEXT NOT NULL,"
        " jabatan_asal TEXT NOT NULL,"
        " jabatan_tujuan TEXT NOT NULL,"
        " unit_asal TEXT NOT NULL,"
        " unit_tujuan TEXT NOT NULL,"
        " jenis TEXT NOT NULL CHECK (jenis IN ('aps','penugasan')),"
        " pilihan_ke INTEGER,"
        " km_centi INTEGER NOT NULL,"
        " sementara_sampai TEXT,"
        " penjelasan TEXT NOT NULL,"
        " tanggapan TEXT CHECK (tanggapan IN ('setuju','keberatan')),"
        " catatan_tanggapan TEXT,"
        " ditanggapi TEXT,"
        " PRIMARY KEY (plan_id, nip));"},
    {1, "CREATE TABLE role (id TEXT PRIMARY KEY, nama TEXT NOT NULL);"},
    {1, "INSERT INTO role VALUES ('pegawai','Pegawai'),"
        " ('kepala_unit','Kepala Unit/OPD'), ('bkpsdm','Analis BKPSDM'),"
        " ('pimpinan','Pimpinan (PPK/Sekda/TPK)'), ('admin','Administrator');"},
    {1, "CREATE TABLE app_user ("
        " login TEXT PRIMARY KEY,"
        " password_hash TEXT NOT NULL,"
        " role TEXT NOT NULL REFERENCES role(id),"
        " nip TEXT,"
        " unit TEXT,"
        " aktif INTEGER NOT NULL DEFAULT 1,"
        " dibuat TEXT NOT NULL);"},
    {1, "CREATE TABLE session ("
        " token_hash TEXT PRIMARY KEY,"
        " login TEXT NOT NULL REFERENCES app_user(login) ON DELETE CASCADE,"
        " csrf_token TEXT NOT NULL,"
        " dibuat TEXT NOT NULL,"
        " terakhir TEXT NOT NULL);"},
    {1, "CREATE TABLE dokumen ("
        " id INTEGER PRIMARY KEY,"
        " jenis TEXT NOT NULL,"
        " permohonan_id INTEGER REFERENCES permohonan(id),"
        " plan_id INTEGER REFERENCES plan(id),"
        " nip TEXT,"
        " nomor TEXT,"
        " nama_berkas TEXT NOT NULL,"
        " mime TEXT NOT NULL,"
        " isi BLOB NOT NULL,"
        " sha256 TEXT NOT NULL,"
        " dibuat TEXT NOT NULL,"
        " dibuat_oleh TEXT NOT NULL);"},
    {1, "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);"},
    {1, "CREATE TABLE audit ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " at TEXT NOT NULL,"
        " actor TEXT NOT NULL,"
        " entity TEXT NOT NULL,"
        " entity_id TEXT,"
        " action TEXT NOT NULL,"
        " before TEXT,"
        " after TEXT);"},
    {1, "CREATE INDEX audit_entity ON audit(entity, entity_id);"},
    {1, "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
        " BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;"},
    {1, "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
        " BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;"},
    /* 2: the ABK warnings a request carries from its verification. */
    {2, "ALTER TABLE permohonan ADD COLUMN peringatan TEXT;"},
    /* 2: the decree number of an approved plan. */
    {2, "ALTER TABLE plan ADD COLUMN sk_nomor TEXT;"},
    /* 2: the review of a request's documents. */
    {2, "ALTER TABLE dokumen ADD COLUMN status_periksa TEXT CHECK"
        " (status_periksa IN ('sesuai','perlu_revisi'));"},
    {2, "ALTER TABLE dokumen ADD COLUMN catatan_periksa TEXT;"},
    {2, "CREATE INDEX dokumen_permohonan ON dokumen(permohonan_id);"},
    /* 3: the TPK and the PPK are two roles (Peraturan BKN 5/2019); the
     * accounts of the old joint role 'pimpinan' decide, so they become
     * 'ppk', and the log says so for each. */
    {3, "INSERT INTO role VALUES ('tpk','Tim Penilai Kinerja (TPK)'),"
        " ('ppk','Pejabat Pembina Kepegawaian (PPK/PyB)');"},
    {3, "INSERT INTO audit (at, actor, entity, entity_id, action, before,"
        " after) SELECT " NOW_SQL ", 'init', 'user', login, 'ubah_peran',"
        " '{\"role\":\"pimpinan\"}', '{\"role\":\"ppk\"}' FROM app_user"
        " WHERE role = 'pimpinan';"},
    {3, "UPDATE app_user SET role = 'ppk' WHERE role = 'pimpinan';"},
    {3, "DELETE FROM role WHERE id = 'pimpinan';"},
    /* 3: a request is verified before the destination's head receives it;
     * one received but not yet verified goes back to disetujui_asal. */
    {3, "INSERT INTO audit (at, actor, entity, entity_id, action, before,"
        " after) SELECT " NOW_SQL ", 'init', 'request', CAST(id AS TEXT),"
        " 'migrasi', '{\"status\":\"disetujui_tujuan\"}',"
        " '{\"status\":\"disetujui_asal\",\"catatan\":\"Urutan baru:"
        " BKPSDM memverifikasi sebelum OPD tujuan menerima; persetujuan"
        " tujuan diminta lagi sesudah verifikasi.\"}' FROM permohonan WHERE"
        " status = 'disetujui_tujuan';"},
    {3, "UPDATE permohonan SET status = 'disetujui_asal', version = version"
        " + 1, diubah = " NOW_SQL " WHERE status = 'disetujui_tujuan';"},
    /* 3: the destination the head received a request into, and the plan
     * (the single decision's own) that decided it. */
    {3, "ALTER TABLE permohonan ADD COLUMN tujuan TEXT;"},
    /* 3: a plan's way to a decision: the deadline for answers, the TPK's
     * minutes, the PPK's return note. 'disetujui' is now 'ditetapkan'. */
    {3, "ALTER TABLE plan ADD COLUMN tenggat TEXT;"},
    {3, "ALTER TABLE plan ADD COLUMN ba_nomor TEXT;"},
    {3, "ALTER TABLE plan ADD COLUMN dipertimbangkan TEXT;"},
    {3, "ALTER TABLE plan ADD COLUMN catatan_kembali TEXT;"},
    {3, "UPDATE plan SET status = 'ditetapkan' WHERE status = 'disetujui';"},
    {3, "CREATE UNIQUE INDEX plan_sk_nomor ON plan(sk_nomor)"
        " WHERE sk_nomor IS NOT NULL;"},
    {3, "CREATE UNIQUE INDEX plan_ba_nomor ON plan(ba_nomor)"
        " WHERE ba_nomor IS NOT NULL;"},
    /* 3: the TPK's and the PPK's word on each move. */
    {3, "ALTER TABLE plan_move ADD COLUMN keputusan_tpk TEXT CHECK"
        " (keputusan_tpk IN ('setuju','tolak'));"},
    {3, "ALTER TABLE plan_move ADD COLUMN catatan_tpk TEXT;"},
    {3, "ALTER TABLE plan_move ADD COLUMN jawaban_tpk TEXT;"},
    {3, "ALTER TABLE plan_move ADD COLUMN keputusan_ppk TEXT CHECK"
        " (keputusan_ppk IN ('setuju','coret'));"},
    {3, "ALTER TABLE plan_move ADD COLUMN alasan_ppk TEXT;"},
    /* 3: the answers of the heads of receiving OPDs, one per move and
     * account. */
    {3, "CREATE TABLE plan_tanggapan ("
        " plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
        " nip TEXT NOT NULL,"
        " oleh TEXT NOT NULL,"
        " tanggapan TEXT NOT NULL CHECK (tanggapan IN ('setuju','keberatan')),"
        " catatan TEXT,"
        " pada TEXT NOT NULL,"
        " PRIMARY KEY (plan_id, nip, oleh));"},
};

#define N_MIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

#define PENDING_SQL                                              \
    "(p.tmt_unit > ?2 AND EXISTS (SELECT 1 FROM riwayat r WHERE" \
    " r.nip = p.nip AND r.tmt = p.tmt_unit AND r.sumber LIKE 'rencana:%'))"
#define OPEN_SQL "status NOT IN ('selesai','ditolak','dibatalkan')"

/* Cached statements, prepared on first use. */
enum stmt_id {
    S_UNIT_PUT,
    S_UNIT_EACH,
    S_UNIT_GET,
    S_JABATAN_PUT,
    S_JABATAN_EACH,
    S_JABATAN_GET,
    S_BEBAN_CLEAR,
    S_BEBAN_ADD,
    S_BEBAN_EACH,
    S_BEBAN_UNIT,
    S_PEGAWAI_OLD,
    S_PEGAWAI_PUT,
    S_RIWAYAT_ADD,
    S_PEGAWAI_GET,
    S_PEGAWAI_EACH,
    S_PERMOHONAN_OPEN,
    S_PERMOHONAN_INSERT,
    S_PERMOHONAN_UPDATE,
    S_PILIHAN_CLEAR,
    S_PILIHAN_ADD,
    S_PERMOHONAN_EACH,
    S_UNIT_COUNT,
    S_STAFF_EACH,
    S_SETTING_GET,
    S_SETTING_SET,
    S_AUDIT_ADD,
    S_PLAN_EXISTS,
    S_PLAN_ADD,
    S_PLAN_MOVE_ADD,
    S_PLAN_GET,
    S_PLAN_EACH,
    S_COUNT
};

#define PEGAWAI_COLS                                                        \
    "nip, nama, jenis_kelamin, tempat_lahir, tanggal_lahir, status, "       \
    "golongan, jabatan, unit, tmt_unit, pendidikan, kompetensi, lat, lon, " \
    "hukuman_disiplin, tugas_belajar, formasi_tahun"

static const char *const stmt_sql[S_COUNT] = {
    [S_UNIT_PUT] =
        "INSERT INTO unit (kode, nama, induk, jenis, kecamatan, lat, lon)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (kode) DO UPDATE"
        " SET nama = excluded.nama, induk = excluded.induk,"
        " jenis = excluded.jenis, kecamatan = excluded.kecamatan,"
        " lat = excluded.lat, lon = excluded.lon",
    [S_UNIT_EACH] = "SELECT kode, nama, induk, jenis, kecamatan, lat, lon"
                    " FROM unit ORDER BY kode",
    [S_UNIT_GET] = "SELECT kode, nama, induk, jenis, kecamatan, lat, lon"
                   " FROM unit WHERE kode = ?1",
    [S_JABATAN_GET] = "SELECT kode, nama, jenis, jenjang, kelompok, guru, bup,"
                      " kompetensi FROM jabatan WHERE kode = ?1",
    [S_JABATAN_PUT] =
        "INSERT INTO jabatan (kode, nama, jenis, jenjang, kelompok, guru, bup,"
        " kompetensi) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        " ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama,"
        " jenis = excluded.jenis, jenjang = excluded.jenjang,"
        " kelompok = excluded.kelompok, guru = excluded.guru,"
        " bup = excluded.bup, kompetensi = excluded.kompetensi",
    [S_JABATAN_EACH] = "SELECT kode, nama, jenis, jenjang, kelompok, guru, bup,"
                       " kompetensi FROM jabatan ORDER BY kode",
    [S_BEBAN_CLEAR] = "DELETE FROM beban WHERE unit = ?1 AND jabatan = ?2",
    [S_BEBAN_ADD] =
        "INSERT INTO beban (unit, jabatan, tugas, volume_milli, norma_milli,"
        " metode, berlaku_mulai, berlaku_sampai)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [S_BEBAN_EACH] = "SELECT unit, jabatan, tugas, volume_milli, norma_milli,"
                     " metode, berlaku_mulai, berlaku_sampai FROM beban"
                     " ORDER BY unit, jabatan, id",
    [S_BEBAN_UNIT] = "SELECT unit, jabatan, tugas, volume_milli, norma_milli,"
                     " metode, berlaku_mulai, berlaku_sampai FROM beban"
                     " WHERE unit = ?1 ORDER BY jabatan, id",
    [S_PEGAWAI_OLD] = "SELECT unit, jabatan FROM pegawai WHERE nip = ?1",
    [S_PEGAWAI_PUT] =
        "INSERT INTO pegawai (" PEGAWAI_COLS ") VALUES (?1, ?2, ?3, ?4, ?5,"
        " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
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
        " WHERE (nama, jenis_kelamin, tempat_lahir, tanggal_lahir, status,"
        " golongan, jabatan, unit, tmt_unit, pendidikan, kompetensi, lat, lon,"
        " hukuman_disiplin, tugas_belajar, formasi_tahun) IS NOT"
        " (excluded.nama, excluded.jenis_kelamin, excluded.tempat_lahir,"
        " excluded.tanggal_lahir, excluded.status, excluded.golongan,"
        " excluded.jabatan, excluded.unit, excluded.tmt_unit,"
        " excluded.pendidikan, excluded.kompetensi, excluded.lat,"
        " excluded.lon, excluded.hukuman_disiplin, excluded.tugas_belajar,"
        " excluded.formasi_tahun)",
    [S_RIWAYAT_ADD] =
        "INSERT INTO riwayat (nip, unit, jabatan, tmt, sumber, dicatat)"
        " VALUES (?1, ?2, ?3, ?4, ?5, " NOW_SQL ")",
    [S_PEGAWAI_GET] = "SELECT " PEGAWAI_COLS " FROM pegawai WHERE nip = ?1",
    [S_PEGAWAI_EACH] = "SELECT " PEGAWAI_COLS " FROM pegawai ORDER BY nip",
    [S_PERMOHONAN_OPEN] =
        "SELECT p.id, p.status, p.alasan IS ?2 AND p.tanggal IS ?4"
        " AND (?5 OR p.keterangan IS ?3) AND coalesce((SELECT"
        " group_concat(unit, ';') FROM (SELECT unit FROM permohonan_pilihan"
        " WHERE permohonan_id = p.id ORDER BY urutan)), '') IS ?6"
        " FROM permohonan p WHERE p.nip = ?1 AND p." OPEN_SQL,
    [S_PERMOHONAN_INSERT] =
        "INSERT INTO permohonan (nip, alasan, keterangan, tanggal, status,"
        " dibuat, diubah) VALUES (?1, ?2, ?3, ?4, ?5, " NOW_SQL ", " NOW_SQL
        ")",
    [S_PERMOHONAN_UPDATE] =
        "UPDATE permohonan SET alasan = ?2, keterangan = CASE WHEN ?5 THEN"
        " keterangan ELSE ?3 END, tanggal = ?4, status = CASE status WHEN"
        " 'draf' THEN 'diajukan' ELSE status END, version = version + 1,"
        " diubah = " NOW_SQL " WHERE id = ?1",
    [S_PILIHAN_CLEAR] = "DELETE FROM permohonan_pilihan WHERE permohonan_id"
                        " = ?1",
    [S_PILIHAN_ADD] = "INSERT INTO permohonan_pilihan (permohonan_id, urutan,"
                      " unit) VALUES (?1, ?2, ?3)",
    [S_PERMOHONAN_EACH] =
        "SELECT p.id, p.nip, p.alasan, p.keterangan, p.tanggal, p.status,"
        " p.version, c.unit FROM permohonan p JOIN permohonan_pilihan c"
        " ON c.permohonan_id = p.id WHERE p." OPEN_SQL
        " ORDER BY p.nip, p.id, c.urutan",
    [S_UNIT_COUNT] =
        "SELECT unit, sum(pns), sum(pppk), sum(cpns), sum(req) FROM ("
        " SELECT unit, status = 'PNS' AS pns, status = 'PPPK' AS pppk,"
        " status = 'CPNS' AS cpns, 0 AS req FROM pegawai UNION ALL"
        " SELECT g.unit, 0, 0, 0, 1 FROM permohonan p JOIN pegawai g"
        " ON g.nip = p.nip WHERE p." OPEN_SQL ") GROUP BY unit ORDER BY unit",
    /* The current record is in force from its TMT on; before it, the
     * latest history row (a lookup only for those posted after 'day'). */
    /* A move decided but not yet in force (its TMT after today, from a
     * decided plan) already counts where it leads: a plan or an ABK as of a
     * date before that TMT must not plan that place again (issue #15). */
    [S_STAFF_EACH] =
        "SELECT p.nip, p.nama, p.status, p.tanggal_lahir, p.tugas_belajar,"
        " CASE WHEN p.tmt_unit <= ?1 OR " PENDING_SQL " THEN p.unit ELSE"
        " (SELECT r.unit FROM"
        " riwayat r WHERE r.nip = p.nip AND r.tmt <= ?1 ORDER BY r.tmt DESC,"
        " r.id DESC LIMIT 1) END,"
        " CASE WHEN p.tmt_unit <= ?1 OR " PENDING_SQL " THEN p.jabatan ELSE"
        " (SELECT r.jabatan"
        " FROM riwayat r WHERE r.nip = p.nip AND r.tmt <= ?1 ORDER BY r.tmt"
        " DESC, r.id DESC LIMIT 1) END,"
        " p.unit, p.jabatan, p.tmt_unit, p.hukuman_disiplin, p.formasi_tahun,"
        " p.kompetensi, p.lat, p.lon"
        " FROM pegawai p",
    [S_SETTING_GET] = "SELECT value FROM setting WHERE key = ?1",
    [S_SETTING_SET] = "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                      " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    [S_AUDIT_ADD] =
        "INSERT INTO audit (at, actor, entity, entity_id, action,"
        " before, after) VALUES (" NOW_SQL ", ?1, ?2, ?3, ?4, ?5, ?6)",
    [S_PLAN_EXISTS] = "SELECT 1 FROM plan WHERE nama = ?1",
    [S_PLAN_ADD] =
        "INSERT INTO plan (nama, mode, as_of, settings, hasil,"
        " dibuat, dibuat_oleh) VALUES (?1, ?2, ?3, ?4, ?5, " NOW_SQL ", ?6)",
    [S_PLAN_MOVE_ADD] =
        "INSERT INTO plan_move (plan_id, nip, jabatan_asal, jabatan_tujuan,"
        " unit_asal, unit_tujuan, jenis, pilihan_ke, km_centi,"
        " sementara_sampai, penjelasan, keputusan_tpk, keputusan_ppk) VALUES"
        " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    [S_PLAN_GET] =
        "SELECT nama, mode, as_of, settings, hasil, status, dibuat,"
        " dibuat_oleh, tmt, sk_nomor, disetujui, tenggat, ba_nomor,"
        " dipertimbangkan, catatan_kembali FROM plan WHERE nama = ?1",
    [S_PLAN_EACH] = "SELECT nama, mode, as_of, settings, NULL, status, dibuat,"
                    " dibuat_oleh, tmt, sk_nomor, disetujui, tenggat, ba_nomor,"
                    " dipertimbangkan, catatan_kembali FROM plan ORDER BY nama",
};

#define N_SCRATCH 8 /* Strings of the record of the last *_get call. */

struct store {
    sqlite3 *db;                  /* NULL for an unavailable target. */
    char *errmsg;                 /* Last error text, owned. */
    sqlite3_stmt *stmts[S_COUNT]; /* Prepared lazily. */
    bool in_tx;                   /* A transaction is open. */
    bool bulk[STORE_BULK_N];      /* Bulk loading into an empty table. */
    char *scratch[N_SCRATCH];     /* Owned strings of the last get. */
};

static void
set_errmsg(struct store *st, const char *msg)
{
    free(st->errmsg);
    st->errmsg = xstrdup(msg);
}

/* Record SQLite's text for the failure that just happened. */
static enum err
db_fail(struct store *st)
{
    set_errmsg(st, sqlite3_errmsg(st->db));
    return ERR_DB;
}

const char *
store_errmsg(const struct store *st)
{
    return st != NULL && st->errmsg != NULL ? st->errmsg : "";
}

struct store *
store_sqlite_unavailable(const char *msg)
{
    struct store *st = xcalloc(1, sizeof(*st));
    set_errmsg(st, msg);
    return st;
}

static void
free_scratch(struct store *st)
{
    for (int i = 0; i < N_SCRATCH; i++) {
        free(st->scratch[i]);
        st->scratch[i] = NULL;
    }
}

/* Copy the 'n' borrowed strings behind 'fields' into the handle's scratch
 * space, so that they outlive the statement (until the next get). */
static void
keep_strings(struct store *st, const char **const *fields, size_t n)
{
    free_scratch(st);
    for (size_t i = 0; i < n && i < N_SCRATCH; i++) {
        if (*fields[i] != NULL) {
            st->scratch[i] = xstrdup(*fields[i]);
            *fields[i] = st->scratch[i];
        }
    }
}

void
store_close(struct store *st)
{
    if (st == NULL) {
        return;
    }
    for (int i = 0; i < S_COUNT; i++) {
        sqlite3_finalize(st->stmts[i]);
    }
    if (st->in_tx) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    }
    sqlite3_close(st->db);
    free_scratch(st);
    free(st->errmsg);
    free(st);
}

static enum err
exec(struct store *st, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        set_errmsg(st, msg ? msg : sqlite3_errmsg(st->db));
        sqlite3_free(msg);
        return ERR_DB;
    }
    return ERR_OK;
}

enum err
store_sqlite_open(const char *path, bool create, struct store **out)
{
    struct store *st = xcalloc(1, sizeof(*st));
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    *out = st;
    if (!create && access(path, F_OK) != 0) {
        char msg[512];
        snprintf(msg, sizeof(msg),
                 L_("basis data %s tidak ada; buat dengan 'mutasi init'",
                    "database %s does not exist; create it with 'mutasi "
                    "init'"),
                 path);
        set_errmsg(st, msg);
        return ERR_NOINPUT;
    }
    if (sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        enum err rc = st->db ? db_fail(st) : ERR_IO;
        return rc == ERR_DB ? ERR_IO : rc;
    }
    sqlite3_busy_timeout(st->db, 10000);
    /* A 256 MiB page cache keeps a large import's transaction in memory
     * instead of spilling pages to the WAL as it goes (2x faster on 200 000
     * employees); it is a ceiling, not an allocation. */
    if (exec(st, "PRAGMA foreign_keys = ON;"
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA cache_size = -262144;") != ERR_OK) {
        return ERR_IO;
    }
    return ERR_OK;
}

static enum err
stmt(struct store *st, enum stmt_id id, sqlite3_stmt **out)
{
    if (st->db == NULL) {
        return ERR_UNAVAILABLE;
    }
    if (st->stmts[id] == NULL &&
        sqlite3_prepare_v3(st->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                           &st->stmts[id], NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    sqlite3_reset(st->stmts[id]);
    sqlite3_clear_bindings(st->stmts[id]);
    *out = st->stmts[id];
    return ERR_OK;
}

/* Run a statement that returns no rows. */
static enum err
step_done(struct store *st, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? ERR_OK : db_fail(st);
}

/* Run the UPDATE 's' and finalize it; 'none' when it changed no row (the
 * row is gone, or moved on meanwhile), with 'why' (may be NULL) as the
 * store's message. */
static enum err
step_changed(struct store *st, sqlite3_stmt *s, enum err none, const char *why)
{
    enum err rc = step_done(st, s);
    int n = sqlite3_changes(st->db);
    sqlite3_finalize(s);
    if (rc == ERR_OK && n == 0) {
        if (why != NULL) {
            set_errmsg(st, why);
        }
        return none;
    }
    return rc;
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v == NULL) {
        sqlite3_bind_null(s, i);
    } else {
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    }
}

static void
bind_date(sqlite3_stmt *s, int i, int32_t day)
{
    char text[DATE_STR_LEN];
    if (day == DATE_NONE) {
        sqlite3_bind_null(s, i);
        return;
    }
    date_format(day, text);
    sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
}

static void
bind_coord(sqlite3_stmt *s, int i, double v)
{
    if (v == MODEL_COORD_NONE) {
        sqlite3_bind_null(s, i);
    } else {
        sqlite3_bind_double(s, i, v);
    }
}

static const char *
col_text(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
}

static double
col_coord(sqlite3_stmt *s, int i)
{
    if (sqlite3_column_type(s, i) == SQLITE_NULL) {
        return MODEL_COORD_NONE;
    }
    return sqlite3_column_double(s, i);
}

/* A stored date; DATE_NONE for NULL. ERR_DB when the text is damaged. */
static enum err
col_date(struct store *st, sqlite3_stmt *s, int i, int32_t *out)
{
    const char *t = col_text(s, i);
    if (t == NULL) {
        *out = DATE_NONE;
        return ERR_OK;
    }
    if (date_parse(t, strlen(t), out) != ERR_OK) {
        set_errmsg(st, L_("tanggal rusak di basis data",
                          "damaged date in the database"));
        return ERR_DB;
    }
    return ERR_OK;
}

/* A stored enumeration word; ERR_DB when it is not one of 'e'. */
static enum err
col_enum(struct store *st, sqlite3_stmt *s, int i, const struct model_enum *e,
         int *out)
{
    const char *t = col_text(s, i);
    int v = t ? model_enum_parse(e, t, strlen(t)) : -1;
    if (v < 0) {
        set_errmsg(st, L_("nilai pilihan rusak di basis data",
                          "damaged enumeration value in the database"));
        return ERR_DB;
    }
    *out = v;
    return ERR_OK;
}

/* The version recorded in the database; 0 when it has no schema yet. */
static enum err
schema_version(struct store *st, int *out)
{
    sqlite3_stmt *s = NULL;
    enum err rc = ERR_OK;
    if (st->db == NULL) {
        return ERR_UNAVAILABLE;
    }
    if (sqlite3_prepare_v2(st->db,
                           "SELECT count(*) FROM sqlite_master WHERE"
                           " type = 'table' AND name = 'schema_version'",
                           -1, &s, NULL) != SQLITE_OK ||
        sqlite3_step(s) != SQLITE_ROW) {
        rc = db_fail(st);
        goto out;
    }
    if (sqlite3_column_int(s, 0) == 0) {
        *out = 0;
        goto out;
    }
    sqlite3_finalize(s);
    s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT coalesce(max(version), 0) FROM"
                           " schema_version",
                           -1, &s, NULL) != SQLITE_OK ||
        sqlite3_step(s) != SQLITE_ROW) {
        rc = db_fail(st);
        goto out;
    }
    *out = sqlite3_column_int(s, 0);
out:
    sqlite3_finalize(s);
    return rc;
}

static enum err
record_version(struct store *st, int version)
{
    sqlite3_stmt *s = NULL;
    enum err rc = ERR_OK;
    if (sqlite3_prepare_v2(
            st->db, "INSERT INTO schema_version VALUES (?1, " NOW_SQL ")", -1,
            &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    sqlite3_bind_int(s, 1, version);
    rc = step_done(st, s);
    sqlite3_finalize(s);
    return rc;
}

static enum err
apply_migrations(struct store *st, int from)
{
    enum err rc = exec(st, "CREATE TABLE IF NOT EXISTS schema_version ("
                           " version INTEGER PRIMARY KEY,"
                           " applied_at TEXT NOT NULL)");
    for (int i = 0; i < N_MIGRATIONS && rc == ERR_OK; i++) {
        if (migrations[i].version <= from) {
            continue;
        }
        rc = exec(st, migrations[i].sql);
        if (rc == ERR_OK &&
            (i + 1 == N_MIGRATIONS ||
             migrations[i + 1].version != migrations[i].version)) {
            rc = record_version(st, migrations[i].version);
        }
    }
    return rc;
}

/* A database written by a newer mutasi: neither init nor any command may
 * touch it. */
static enum err
newer_schema(struct store *st, int v)
{
    char msg[200];
    snprintf(msg, sizeof(msg),
             L_("skema basis data versi %d lebih baru dari program ini "
                "(versi %d); perbarui mutasi",
                "database schema version %d is newer than this program "
                "(version %d); upgrade mutasi"),
             v, STORE_SCHEMA_VERSION);
    set_errmsg(st, msg);
    return ERR_UNAVAILABLE;
}

enum err
store_migrate(struct store *st, int *from)
{
    int v = 0;
    enum err rc = store_begin(st);
    if (rc == ERR_OK) {
        rc = schema_version(st, &v);
    }
    if (rc == ERR_OK && v > STORE_SCHEMA_VERSION) {
        rc = newer_schema(st, v);
    }
    if (rc == ERR_OK) {
        rc = apply_migrations(st, v);
    }
    if (rc == ERR_OK) {
        rc = store_commit(st);
    }
    if (rc != ERR_OK) {
        store_rollback(st);
        return rc;
    }
    *from = v;
    return ERR_OK;
}

enum err
store_check_schema(struct store *st)
{
    int v = 0;
    enum err rc = schema_version(st, &v);
    if (rc != ERR_OK) {
        return rc;
    }
    if (v > STORE_SCHEMA_VERSION) {
        return newer_schema(st, v);
    }
    if (v != STORE_SCHEMA_VERSION) {
        char msg[200];
        snprintf(msg, sizeof(msg),
                 L_("skema basis data versi %d, program ini memerlukan versi "
                    "%d: jalankan 'mutasi init'",
                    "database schema version %d, this program needs version "
                    "%d: run 'mutasi init'"),
                 v, STORE_SCHEMA_VERSION);
        set_errmsg(st, msg);
        return ERR_UNAVAILABLE;
    }
    return ERR_OK;
}

enum err
store_begin(struct store *st)
{
    if (st->db == NULL) {
        return ERR_UNAVAILABLE;
    }
    if (exec(st, "BEGIN IMMEDIATE") != ERR_OK) {
        return ERR_DB;
    }
    st->in_tx = true;
    return ERR_OK;
}

enum err
store_commit(struct store *st)
{
    enum err rc = exec(st, "COMMIT");
    if (rc == ERR_OK) {
        st->in_tx = false;
    }
    return rc;
}

void
store_rollback(struct store *st)
{
    if (st != NULL && st->in_tx) {
        /* Failure here leaves SQLite to roll back on close. */
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        st->in_tx = false;
        memset(st->bulk, 0, sizeof(st->bulk)); /* The indexes came back. */
    }
}

enum err
store_unit_put(struct store *st, const struct unit *u)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, S_UNIT_PUT, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_text(s, 1, u->kode);
    bind_text(s, 2, u->nama);
    bind_text(s, 3, u->induk);
    bind_text(s, 4, model_enum_name(&model_unit_jenis, (int)u->jenis));
    bind_text(s, 5, u->kecamatan);
    bind_coord(s, 6, u->lat);
    bind_coord(s, 7, u->lon);
    return step_done(st, s);
}

/* Step through 's', calling 'row' for each result row; 'row' returns the
 * callback's verdict. The statement is reset at the end. */
static enum err
each_row(struct store *st, sqlite3_stmt *s,
         enum err (*row)(struct store *, sqlite3_stmt *, void *), void *ctx)
{
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK) {
        step = sqlite3_step(s);
        if (step != SQLITE_ROW) {
            break;
        }
        rc = row(st, s, ctx);
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

struct each_ctx {
    union {
        enum err (*unit)(void *, const struct unit *);
        enum err (*jabatan)(void *, const struct jabatan *);
        enum err (*beban)(void *, const struct beban *);
        enum err (*pegawai)(void *, const struct pegawai *);
        enum err (*permohonan)(void *, const struct permohonan *);
        enum err (*count)(void *, const struct store_unit_count *);
        enum err (*staff)(void *, const struct store_staff *);
    } fn;      /* The caller's callback; the row reader knows which. */
    void *ctx; /* The caller's context. */
};

/* Run the one-key lookup 'id' for 'key' and hand its row to 'row'.
 * ERR_NOTFOUND when there is no row. */
static enum err
get_one(struct store *st, enum stmt_id id, const char *key,
        enum err (*row)(struct store *, sqlite3_stmt *, void *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, id, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_text(s, 1, key);
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW) {
        rc = row(st, s, ctx);
    } else {
        rc = step == SQLITE_DONE ? ERR_NOTFOUND : db_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

static enum err
unit_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct unit u;
    int jenis = 0;
    enum err rc = col_enum(st, s, 3, &model_unit_jenis, &jenis);
    if (rc != ERR_OK) {
        return rc;
    }
    u.kode = col_text(s, 0);
    u.nama = col_text(s, 1);
    u.induk = col_text(s, 2);
    u.jenis = (enum unit_jenis)jenis;
    u.kecamatan = col_text(s, 4);
    u.lat = col_coord(s, 5);
    u.lon = col_coord(s, 6);
    return e->fn.unit(e->ctx, &u);
}

enum err
store_unit_each(struct store *st, enum err (*fn)(void *, const struct unit *),
                void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.unit = fn, .ctx = ctx};
    enum err rc = stmt(st, S_UNIT_EACH, &s);
    return rc == ERR_OK ? each_row(st, s, unit_row, &e) : rc;
}

enum err
store_jabatan_put(struct store *st, const struct jabatan *j)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, S_JABATAN_PUT, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_text(s, 1, j->kode);
    bind_text(s, 2, j->nama);
    bind_text(s, 3, model_enum_name(&model_jabatan_jenis, (int)j->jenis));
    bind_text(s, 4, j->jenjang);
    bind_text(s, 5, j->kelompok);
    sqlite3_bind_int(s, 6, j->guru);
    if (j->bup > 0) {
        sqlite3_bind_int(s, 7, j->bup);
    }
    bind_text(s, 8, j->kompetensi);
    return step_done(st, s);
}

static enum err
jabatan_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct jabatan j;
    int jenis = 0;
    enum err rc = col_enum(st, s, 2, &model_jabatan_jenis, &jenis);
    if (rc != ERR_OK) {
        return rc;
    }
    j.kode = col_text(s, 0);
    j.nama = col_text(s, 1);
    j.jenis = (enum jabatan_jenis)jenis;
    j.jenjang = col_text(s, 3);
    j.kelompok = col_text(s, 4);
    j.guru = sqlite3_column_int(s, 5) != 0;
    j.bup = sqlite3_column_int(s, 6);
    j.kompetensi = col_text(s, 7);
    return e->fn.jabatan(e->ctx, &j);
}

enum err
store_jabatan_each(struct store *st,
                   enum err (*fn)(void *, const struct jabatan *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.jabatan = fn, .ctx = ctx};
    enum err rc = stmt(st, S_JABATAN_EACH, &s);
    return rc == ERR_OK ? each_row(st, s, jabatan_row, &e) : rc;
}

enum err
store_beban_clear(struct store *st, const char *unit, const char *jabatan)
{
    sqlite3_stmt *s = NULL;
    if (st->bulk[STORE_BULK_BEBAN]) {
        return ERR_OK; /* The table was empty: nothing to clear. */
    }
    enum err rc = stmt(st, S_BEBAN_CLEAR, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_text(s, 1, unit);
    bind_text(s, 2, jabatan);
    return step_done(st, s);
}

enum err
store_beban_add(struct store *st, const struct beban *b)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, S_BEBAN_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_text(s, 1, b->unit);
    bind_text(s, 2, b->jabatan);
    bind_text(s, 3, b->tugas);
    sqlite3_bind_int64(s, 4, b->volume_milli);
    if (b->norma_milli >= 0) {
        sqlite3_bind_int64(s, 5, b->norma_milli);
    }
    bind_text(s, 6, model_enum_name(&model_metode, (int)b->metode));
    bind_date(s, 7, b->berlaku_mulai);
    bind_date(s, 8, b->berlaku_sampai);
    return step_done(st, s);
}

static enum err
beban_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct beban b;
    int metode = 0;
    enum err rc = col_enum(st, s, 5, &model_metode, &metode);
    if (rc == ERR_OK) {
        rc = col_date(st, s, 6, &b.berlaku_mulai);
    }
    if (rc == ERR_OK) {
        rc = col_date(st, s, 7, &b.berlaku_sampai);
    }
    if (rc != ERR_OK) {
        return rc;
    }
    b.unit = col_text(s, 0);
    b.jabatan = col_text(s, 1);
    b.tugas = col_text(s, 2);
    b.volume_milli = sqlite3_column_int64(s, 3);
    b.norma_milli = sqlite3_column_type(s, 4) == SQLITE_NULL
                        ? -1
                        : sqlite3_column_int64(s, 4);
    b.metode = (enum beban_metode)metode;
    return e->fn.beban(e->ctx, &b);
}

enum err
store_beban_each(struct store *st, enum err (*fn)(void *, const struct beban *),
                 void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.beban = fn, .ctx = ctx};
    enum err rc = stmt(st, S_BEBAN_EACH, &s);
    return rc == ERR_OK ? each_row(st, s, beban_row, &e) : rc;
}

enum err
store_beban_each_unit(struct store *st, const char *unit,
                      enum err (*fn)(void *, const struct beban *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.beban = fn, .ctx = ctx};
    enum err rc = stmt(st, S_BEBAN_UNIT, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_text(s, 1, unit);
    return each_row(st, s, beban_row, &e);
}

static void
bind_pegawai(sqlite3_stmt *s, const struct pegawai *p)
{
    char jk[2] = {p->jenis_kelamin, '\0'};
    bind_text(s, 1, p->nip);
    bind_text(s, 2, p->nama);
    sqlite3_bind_text(s, 3, jk, 1, SQLITE_TRANSIENT);
    bind_text(s, 4, p->tempat_lahir);
    bind_date(s, 5, p->tanggal_lahir);
    bind_text(s, 6, model_enum_name(&model_status, (int)p->status));
    bind_text(s, 7, p->golongan);
    bind_text(s, 8, p->jabatan);
    bind_text(s, 9, p->unit);
    bind_date(s, 10, p->tmt_unit);
    bind_text(s, 11, p->pendidikan);
    bind_text(s, 12, p->kompetensi);
    bind_coord(s, 13, p->lat);
    bind_coord(s, 14, p->lon);
    sqlite3_bind_int(s, 15, p->hukuman_disiplin);
    sqlite3_bind_int(s, 16, p->tugas_belajar);
    if (p->formasi_tahun > 0) {
        sqlite3_bind_int(s, 17, p->formasi_tahun);
    }
}

/* Whether employee 'p' is new or changes unit or position. */
static enum err
needs_history(struct store *st, const struct pegawai *p, bool *is_new,
              bool *out)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, S_PEGAWAI_OLD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_text(s, 1, p->nip);
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW) {
        *is_new = false;
        *out = strcmp(col_text(s, 0), p->unit) != 0 ||
               strcmp(col_text(s, 1), p->jabatan) != 0;
    } else if (step == SQLITE_DONE) {
        *is_new = true;
        *out = true;
    } else {
        rc = db_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

static enum err
add_history(struct store *st, const struct pegawai *p, const char *sumber)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, S_RIWAYAT_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_text(s, 1, p->nip);
    bind_text(s, 2, p->unit);
    bind_text(s, 3, p->jabatan);
    bind_date(s, 4, p->tmt_unit);
    bind_text(s, 5, sumber);
    return step_done(st, s);
}

enum err
store_pegawai_put(struct store *st, const struct pegawai *p, const char *sumber,
                  enum store_put *out)
{
    sqlite3_stmt *s = NULL;
    bool is_new = true;
    bool history = false; /* In bulk mode store_bulk_end() writes it. */
    enum err rc = st->bulk[STORE_BULK_PEGAWAI]
                      ? ERR_OK
                      : needs_history(st, p, &is_new, &history);
    if (rc == ERR_OK) {
        rc = stmt(st, S_PEGAWAI_PUT, &s);
    }
    if (rc != ERR_OK) {
        return rc;
    }
    bind_pegawai(s, p);
    rc = step_done(st, s);
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
    const char *jk = col_text(s, 2);
    enum err rc = col_enum(st, s, 5, &model_status, &status);
    if (rc == ERR_OK) {
        rc = col_date(st, s, 4, &p->tanggal_lahir);
    }
    if (rc == ERR_OK) {
        rc = col_date(st, s, 9, &p->tmt_unit);
    }
    if (rc != ERR_OK) {
        return rc;
    }
    p->nip = col_text(s, 0);
    p->nama = col_text(s, 1);
    p->jenis_kelamin = 'L';
    if (jk != NULL) {
        p->jenis_kelamin = jk[0];
    }
    p->tempat_lahir = col_text(s, 3);
    p->status = (enum pegawai_status)status;
    p->golongan = col_text(s, 6);
    p->jabatan = col_text(s, 7);
    p->unit = col_text(s, 8);
    p->pendidikan = col_text(s, 10);
    p->kompetensi = col_text(s, 11);
    p->lat = col_coord(s, 12);
    p->lon = col_coord(s, 13);
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
    keep_strings(st, fields, sizeof(fields) / sizeof(fields[0]));
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
store_pegawai_each(struct store *st,
                   enum err (*fn)(void *, const struct pegawai *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.pegawai = fn, .ctx = ctx};
    enum err rc = stmt(st, S_PEGAWAI_EACH, &s);
    return rc == ERR_OK ? each_row(st, s, pegawai_row, &e) : rc;
}

/* The id of employee 'nip''s open request, or 0 when there is none. */

/* What an open request holds against the new data 'r'. */
struct open_req {
    int64_t id; /* 0 when there is no open request. */
    enum permohonan_status status;
    bool same; /* Nothing would change. */
};

static void
bind_request(sqlite3_stmt *s, const struct permohonan *r, bool keep_note)
{
    bind_text(s, 2, model_enum_name(&model_alasan, (int)r->alasan));
    bind_text(s, 3, r->keterangan);
    bind_date(s, 4, r->tanggal);
    sqlite3_bind_int(s, 5, keep_note);
}

static enum err
open_request(struct store *st, const struct permohonan *r, bool keep_note,
             struct open_req *out)
{
    sqlite3_stmt *s = NULL;
    struct buf choices;
    int status = 0;
    enum err rc = stmt(st, S_PERMOHONAN_OPEN, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    buf_init(&choices, 0);
    for (int i = 0; i < r->n_pilihan && rc == ERR_OK; i++) {
        rc = buf_addf(&choices, "%s%s", i ? ";" : "", r->pilihan[i]);
    }
    bind_text(s, 1, r->nip);
    bind_request(s, r, keep_note);
    sqlite3_bind_text(s, 6, buf_str(&choices), -1, SQLITE_STATIC);
    int step = sqlite3_step(s);
    out->id = 0;
    if (step == SQLITE_ROW) {
        rc = col_enum(st, s, 1, &model_permohonan_status, &status);
        out->id = sqlite3_column_int64(s, 0);
        out->status = (enum permohonan_status)status;
        out->same = sqlite3_column_int(s, 2) != 0;
    } else if (step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_reset(s);
    buf_cleanup(&choices);
    return rc;
}

static enum err
write_request(struct store *st, const struct permohonan *r, bool keep_note,
              int64_t *id)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, *id ? S_PERMOHONAN_UPDATE : S_PERMOHONAN_INSERT, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    if (*id) {
        sqlite3_bind_int64(s, 1, *id);
    } else {
        bind_text(s, 1, r->nip);
    }
    bind_request(s, r, keep_note);
    if (*id == 0) {
        bind_text(s, 5,
                  model_enum_name(&model_permohonan_status, (int)r->status));
    }
    rc = step_done(st, s);
    if (rc == ERR_OK && *id == 0) {
        *id = sqlite3_last_insert_rowid(st->db);
    }
    return rc;
}

static enum err
write_choices(struct store *st, const struct permohonan *r, int64_t id)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, S_PILIHAN_CLEAR, &s);
    if (rc == ERR_OK) {
        sqlite3_bind_int64(s, 1, id);
        rc = step_done(st, s);
    }
    for (int i = 0; i < r->n_pilihan && rc == ERR_OK; i++) {
        rc = stmt(st, S_PILIHAN_ADD, &s);
        if (rc == ERR_OK) {
            sqlite3_bind_int64(s, 1, id);
            sqlite3_bind_int(s, 2, i + 1);
            bind_text(s, 3, r->pilihan[i]);
            rc = step_done(st, s);
        }
    }
    return rc;
}

/* Rows come one per choice; a request is handed on when its last choice is
 * read. The strings of the held request are copied, since the statement
 * moves on. */
struct request_acc {
    struct each_ctx *e;
    struct permohonan r;
    char *text[3 + MODEL_MAX_PILIHAN]; /* Owned copies. */
    bool held;
};

static void
acc_clear(struct request_acc *a)
{
    for (size_t i = 0; i < sizeof(a->text) / sizeof(a->text[0]); i++) {
        free(a->text[i]);
        a->text[i] = NULL;
    }
    a->held = false;
}

static enum err
acc_flush(struct request_acc *a)
{
    enum err rc = ERR_OK;
    if (a->held) {
        rc = a->e->fn.permohonan(a->e->ctx, &a->r);
    }
    acc_clear(a);
    return rc;
}

static const char *
acc_copy(struct request_acc *a, int slot, const char *s)
{
    a->text[slot] = s ? xstrdup(s) : NULL;
    return a->text[slot];
}

static enum err
acc_start(struct request_acc *a, struct store *st, sqlite3_stmt *s)
{
    int alasan = 0;
    int status = 0;
    enum err rc = col_enum(st, s, 2, &model_alasan, &alasan);
    if (rc == ERR_OK) {
        rc = col_enum(st, s, 5, &model_permohonan_status, &status);
    }
    if (rc == ERR_OK) {
        rc = col_date(st, s, 4, &a->r.tanggal);
    }
    if (rc != ERR_OK) {
        return rc;
    }
    a->r.id = sqlite3_column_int64(s, 0);
    a->r.nip = acc_copy(a, 0, col_text(s, 1));
    a->r.alasan = (enum permohonan_alasan)alasan;
    a->r.keterangan = acc_copy(a, 1, col_text(s, 3));
    a->r.status = (enum permohonan_status)status;
    a->r.version = sqlite3_column_int64(s, 6);
    a->r.n_pilihan = 0;
    a->held = true;
    return ERR_OK;
}

static enum err
request_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct request_acc *a = arg;
    enum err rc = ERR_OK;
    if (!a->held || a->r.id != sqlite3_column_int64(s, 0)) {
        rc = acc_flush(a);
        if (rc == ERR_OK) {
            rc = acc_start(a, st, s);
        }
    }
    if (rc == ERR_OK && a->r.n_pilihan < MODEL_MAX_PILIHAN) {
        int i = a->r.n_pilihan++;
        a->r.pilihan[i] = acc_copy(a, 3 + i, col_text(s, 7));
    }
    return rc;
}

enum err
store_permohonan_each(struct store *st,
                      enum err (*fn)(void *, const struct permohonan *),
                      void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.permohonan = fn, .ctx = ctx};
    struct request_acc a;
    memset(&a, 0, sizeof(a));
    a.e = &e;
    enum err rc = stmt(st, S_PERMOHONAN_EACH, &s);
    if (rc == ERR_OK) {
        rc = each_row(st, s, request_row, &a);
    }
    if (rc == ERR_OK) {
        rc = acc_flush(&a);
    }
    acc_clear(&a);
    return rc;
}

static enum err
count_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct store_unit_count c;
    (void)st;
    c.unit = col_text(s, 0);
    c.n_pns = (long)sqlite3_column_int64(s, 1);
    c.n_pppk = (long)sqlite3_column_int64(s, 2);
    c.n_cpns = (long)sqlite3_column_int64(s, 3);
    c.n_permohonan = (long)sqlite3_column_int64(s, 4);
    return e->fn.count(e->ctx, &c);
}

enum err
store_unit_count_each(struct store *st,
                      enum err (*fn)(void *, const struct store_unit_count *),
                      void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.count = fn, .ctx = ctx};
    enum err rc = stmt(st, S_UNIT_COUNT, &s);
    return rc == ERR_OK ? each_row(st, s, count_row, &e) : rc;
}

enum err
store_setting_get(struct store *st, const char *key, char **out)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, S_SETTING_GET, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_text(s, 1, key);
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW) {
        *out = xstrdup(col_text(s, 0));
    } else {
        rc = step == SQLITE_DONE ? ERR_NOTFOUND : db_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

enum err
store_setting_set(struct store *st, const char *key, const char *value)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, S_SETTING_SET, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_text(s, 1, key);
    bind_text(s, 2, value);
    return step_done(st, s);
}

enum err
store_audit_add(struct store *st, const struct store_audit *a)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, S_AUDIT_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_text(s, 1, a->actor);
    bind_text(s, 2, a->entity);
    bind_text(s, 3, a->entity_id);
    bind_text(s, 4, a->action);
    bind_text(s, 5, a->before);
    bind_text(s, 6, a->after);
    return step_done(st, s);
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
    keep_strings(g->st, fields, sizeof(fields) / sizeof(fields[0]));
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
    keep_strings(g->st, fields, sizeof(fields) / sizeof(fields[0]));
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
store_unit_get(struct store *st, const char *kode, struct unit *out)
{
    struct get_ctx g = {st, out};
    struct each_ctx e = {.fn.unit = copy_unit, .ctx = &g};
    return get_one(st, S_UNIT_GET, kode, unit_row, &e);
}

enum err
store_jabatan_get(struct store *st, const char *kode, struct jabatan *out)
{
    struct get_ctx g = {st, out};
    struct each_ctx e = {.fn.jabatan = copy_jabatan, .ctx = &g};
    return get_one(st, S_JABATAN_GET, kode, jabatan_row, &e);
}

enum err
store_pegawai_get(struct store *st, const char *nip, struct pegawai *out)
{
    struct get_ctx g = {st, out};
    struct each_ctx e = {.fn.pegawai = copy_pegawai, .ctx = &g};
    return get_one(st, S_PEGAWAI_GET, nip, pegawai_row, &e);
}

enum err
store_permohonan_put(struct store *st, const struct permohonan *r,
                     bool keep_note, enum store_put *out)
{
    struct open_req old;
    enum err rc = open_request(st, r, keep_note, &old);
    if (rc != ERR_OK) {
        return rc;
    }
    if (old.id != 0 && old.same && old.status != PERMOHONAN_DRAF) {
        *out = STORE_UNCHANGED;
        return ERR_OK;
    }
    if (old.id != 0 && old.status > PERMOHONAN_DISETUJUI_ASAL) {
        char msg[256];
        snprintf(msg, sizeof(msg),
                 L_("permohonan NIP %s sudah berstatus %s; tidak dapat diubah "
                    "lewat impor",
                    "the request of NIP %s already has status %s; an import "
                    "cannot change it"),
                 r->nip,
                 model_enum_name(&model_permohonan_status, (int)old.status));
        set_errmsg(st, msg);
        return ERR_CONFLICT;
    }
    int64_t id = old.id;
    rc = write_request(st, r, keep_note, &id);
    if (rc == ERR_OK) {
        rc = write_choices(st, r, id);
    }
    if (rc == ERR_OK) {
        *out = old.id ? STORE_UPDATED : STORE_INSERTED;
    }
    return rc;
}

/* Secondary indexes of the bulk-loaded tables, as migration 1 made them. */
static const char *const bulk_drop[STORE_BULK_N] = {
    "DROP INDEX beban_pair", "DROP INDEX pegawai_unit; DROP INDEX riwayat_nip"};
static const char *const bulk_create[STORE_BULK_N] = {
    "CREATE INDEX beban_pair ON beban(unit, jabatan)",
    "CREATE INDEX pegawai_unit ON pegawai(unit, jabatan);"
    "CREATE INDEX riwayat_nip ON riwayat(nip, tmt)"};
static const char *const bulk_table[STORE_BULK_N] = {
    "SELECT NOT EXISTS (SELECT 1 FROM beban)",
    "SELECT NOT EXISTS (SELECT 1 FROM pegawai)"};

enum err
store_bulk_begin(struct store *st, enum store_bulk what, bool *out)
{
    sqlite3_stmt *s = NULL;
    enum err rc = ERR_OK;
    if (!st->in_tx || sqlite3_prepare_v2(st->db, bulk_table[what], -1, &s,
                                         NULL) != SQLITE_OK) {
        return st->in_tx ? db_fail(st) : ERR_INTERNAL;
    }
    bool empty = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    if (empty) {
        rc = exec(st, bulk_drop[what]);
    }
    if (rc == ERR_OK) {
        st->bulk[what] = empty;
        *out = empty;
    }
    return rc;
}

enum err
store_bulk_end(struct store *st, enum store_bulk what, const char *sumber)
{
    sqlite3_stmt *s = NULL;
    enum err rc = ERR_OK;
    if (!st->bulk[what]) {
        return ERR_OK;
    }
    st->bulk[what] = false;
    if (what == STORE_BULK_PEGAWAI) {
        if (sqlite3_prepare_v2(st->db,
                               "INSERT INTO riwayat (nip, unit, jabatan, tmt,"
                               " sumber, dicatat) SELECT nip, unit, jabatan,"
                               " tmt_unit, ?1, " NOW_SQL " FROM pegawai"
                               " ORDER BY nip",
                               -1, &s, NULL) != SQLITE_OK) {
            return db_fail(st);
        }
        bind_text(s, 1, sumber);
        rc = step_done(st, s);
        sqlite3_finalize(s);
    }
    return rc == ERR_OK ? exec(st, bulk_create[what]) : rc;
}

static enum err
staff_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct each_ctx *e = arg;
    struct store_staff x;
    int status = 0;
    enum err rc = col_enum(st, s, 2, &model_status, &status);
    rc = rc == ERR_OK ? col_date(st, s, 3, &x.tanggal_lahir) : rc;
    if (rc != ERR_OK) {
        return rc;
    }
    x.nip = col_text(s, 0);
    x.nama = col_text(s, 1);
    x.status = status;
    x.tugas_belajar = sqlite3_column_int(s, 4) != 0;
    x.unit = col_text(s, 5);
    x.jabatan = col_text(s, 6);
    x.unit_now = col_text(s, 7);
    x.jabatan_now = col_text(s, 8);
    rc = col_date(st, s, 9, &x.tmt_unit);
    if (rc != ERR_OK) {
        return rc;
    }
    x.hukuman_disiplin = sqlite3_column_int(s, 10) != 0;
    x.formasi_tahun = sqlite3_column_int(s, 11);
    x.kompetensi = col_text(s, 12);
    x.lat = col_coord(s, 13);
    x.lon = col_coord(s, 14);
    return e->fn.staff(e->ctx, &x);
}

enum err
store_staff_each(struct store *st, int32_t day,
                 enum err (*fn)(void *, const struct store_staff *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct each_ctx e = {.fn.staff = fn, .ctx = ctx};
    enum err rc = stmt(st, S_STAFF_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_date(s, 1, day);
    bind_date(s, 2, date_today());
    return each_row(st, s, staff_row, &e);
}

static enum err
plan_move_add(struct store *st, int64_t plan_id,
              const struct store_plan_move *m)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, S_PLAN_MOVE_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int64(s, 1, plan_id);
    bind_text(s, 2, m->nip);
    bind_text(s, 3, m->jabatan_asal);
    bind_text(s, 4, m->jabatan_tujuan);
    bind_text(s, 5, m->unit_asal);
    bind_text(s, 6, m->unit_tujuan);
    bind_text(s, 7, m->jenis);
    if (m->pilihan_ke > 0) {
        sqlite3_bind_int(s, 8, m->pilihan_ke);
    } else {
        sqlite3_bind_null(s, 8);
    }
    sqlite3_bind_int64(s, 9, m->km_centi);
    bind_text(s, 10, m->sementara_sampai);
    bind_text(s, 11, m->penjelasan);
    bind_text(s, 12, m->keputusan_tpk);
    bind_text(s, 13, m->keputusan_ppk);
    return step_done(st, s);
}

enum err
store_plan_add(struct store *st, const struct store_plan *p)
{
    sqlite3_stmt *s = NULL;
    enum err rc = stmt(st, S_PLAN_EXISTS, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    bind_text(s, 1, p->nama);
    int step = sqlite3_step(s);
    sqlite3_reset(s);
    if (step == SQLITE_ROW) {
        set_errmsg(st, "plan exists");
        return ERR_EXISTS;
    }
    if (step != SQLITE_DONE) {
        return db_fail(st);
    }
    rc = stmt(st, S_PLAN_ADD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    const char *v[] = {p->nama,     p->mode,  p->as_of,
                       p->settings, p->hasil, p->dibuat_oleh};
    for (int i = 0; i < 6; i++) {
        bind_text(s, i + 1, v[i]);
    }
    rc = step_done(st, s);
    int64_t id = sqlite3_last_insert_rowid(st->db);
    for (size_t k = 0; k < p->n_moves && rc == ERR_OK; k++) {
        rc = plan_move_add(st, id, &p->moves[k]);
    }
    return rc;
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
    const char *t = col_text(s, i);
    return t ? xstrdup(t) : NULL;
}

static enum err
plan_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    (void)st;
    struct store_plan *out = arg;
    memset(out, 0, sizeof(*out));
    const char **fields[] = {&out->nama,
                             &out->mode,
                             &out->as_of,
                             &out->settings,
                             &out->hasil,
                             &out->status,
                             &out->dibuat,
                             &out->dibuat_oleh,
                             &out->tmt,
                             &out->sk_nomor,
                             &out->disetujui,
                             &out->tenggat,
                             &out->ba_nomor,
                             &out->dipertimbangkan,
                             &out->catatan_kembali};
    for (int i = 0; i < 15; i++) {
        *fields[i] = col_dup(s, i);
    }
    return ERR_OK;
}

enum err
store_plan_get(struct store *st, const char *nama, struct store_plan *out)
{
    memset(out, 0, sizeof(*out)); /* Safe to clean up whatever happens. */
    return get_one(st, S_PLAN_GET, nama, plan_row, out);
}

void
store_plan_cleanup(struct store_plan *p)
{
    if (p == NULL) {
        return;
    }
    const char *fields[] = {p->nama,
                            p->mode,
                            p->as_of,
                            p->settings,
                            p->hasil,
                            p->status,
                            p->dibuat,
                            p->dibuat_oleh,
                            p->tmt,
                            p->sk_nomor,
                            p->disetujui,
                            p->tenggat,
                            p->ba_nomor,
                            p->dipertimbangkan,
                            p->catatan_kembali};
    for (int i = 0; i < 15; i++) {
        free((void *)(uintptr_t)fields[i]);
    }
    memset(p, 0, sizeof(*p));
}

struct plan_each_ctx {
    enum err (*fn)(void *, const struct store_plan *);
    void *ctx;
};

static enum err
plan_each_row(struct store *st, sqlite3_stmt *s, void *arg)
{
    struct plan_each_ctx *e = arg;
    struct store_plan p;
    enum err rc = plan_row(st, s, &p);
    rc = rc == ERR_OK ? e->fn(e->ctx, &p) : rc;
    store_plan_cleanup(&p);
    return rc;
}

enum err
store_plan_each(struct store *st,
                enum err (*fn)(void *, const struct store_plan *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    struct plan_each_ctx e = {fn, ctx};
    enum err rc = stmt(st, S_PLAN_EACH, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    return each_row(st, s, plan_each_row, &e);
}

/* Accounts and sessions of the web app. */

static enum err
run_text(struct store *st, const char *sql, const char *const *v, int n,
         int *changes)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    for (int i = 0; i < n; i++) {
        bind_text(s, i + 1, v[i]);
    }
    enum err rc = step_done(st, s);
    if (changes != NULL) {
        *changes = sqlite3_changes(st->db);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_user_add(struct store *st, const struct store_user *u)
{
    struct store_user old;
    enum err rc = store_user_get(st, u->login, &old);
    if (rc == ERR_OK) {
        store_user_cleanup(&old);
        set_errmsg(st, "login exists");
        return ERR_EXISTS;
    }
    if (rc != ERR_NOTFOUND) {
        return rc;
    }
    const char *v[] = {u->login, u->password_hash, u->role,
                       u->nip,   u->unit,          u->aktif ? "1" : "0"};
    return run_text(
        st,
        "INSERT INTO app_user (login, password_hash, role, nip,"
        " unit, aktif, dibuat) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " NOW_SQL ")",
        v, 6, NULL);
}

static void
user_row(sqlite3_stmt *s, int first, struct store_user *out)
{
    out->login = col_dup(s, first);
    out->password_hash = col_dup(s, first + 1);
    out->role = col_dup(s, first + 2);
    out->nip = col_dup(s, first + 3);
    out->unit = col_dup(s, first + 4);
    out->aktif = sqlite3_column_int(s, first + 5) != 0;
    out->dibuat = col_dup(s, first + 6);
}

#define USER_COLS "login, password_hash, role, nip, unit, aktif, dibuat"

enum err
store_user_get(struct store *st, const char *login, struct store_user *out)
{
    sqlite3_stmt *s = NULL;
    memset(out, 0, sizeof(*out)); /* Safe to clean up whatever happens. */
    if (sqlite3_prepare_v2(
            st->db, "SELECT " USER_COLS " FROM app_user WHERE login = ?1", -1,
            &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, login);
    int step = sqlite3_step(s);
    enum err rc = ERR_OK;
    if (step == SQLITE_ROW) {
        user_row(s, 0, out);
    } else {
        rc = step == SQLITE_DONE ? ERR_NOTFOUND : db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

void
store_user_cleanup(struct store_user *u)
{
    if (u == NULL) {
        return;
    }
    const char *f[] = {u->login, u->password_hash, u->role,
                       u->nip,   u->unit,          u->dibuat};
    for (int i = 0; i < 6; i++) {
        free((void *)(uintptr_t)f[i]);
    }
    memset(u, 0, sizeof(*u));
}

enum err
store_user_set_password(struct store *st, const char *login, const char *hash)
{
    const char *v[] = {login, hash};
    int n = 0;
    enum err rc =
        run_text(st, "UPDATE app_user SET password_hash = ?2 WHERE login = ?1",
                 v, 2, &n);
    if (rc == ERR_OK && n == 0) {
        return ERR_NOTFOUND;
    }
    /* A new password ends every session of the account. */
    return rc == ERR_OK ? run_text(st, "DELETE FROM session WHERE login = ?1",
                                   v, 1, NULL)
                        : rc;
}

enum err
store_user_set_active(struct store *st, const char *login, bool aktif)
{
    const char *v[] = {login, aktif ? "1" : "0"};
    int n = 0;
    enum err rc = run_text(
        st, "UPDATE app_user SET aktif = ?2 WHERE login = ?1", v, 2, &n);
    if (rc == ERR_OK && n == 0) {
        return ERR_NOTFOUND;
    }
    if (rc == ERR_OK && !aktif) {
        rc = run_text(st, "DELETE FROM session WHERE login = ?1", v, 1, NULL);
    }
    return rc;
}

enum err
store_user_each(struct store *st,
                enum err (*fn)(void *, const struct store_user *), void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT login, NULL, role, nip, unit, aktif, dibuat"
                           " FROM app_user ORDER BY login",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        struct store_user u;
        user_row(s, 0, &u);
        rc = fn(ctx, &u);
        store_user_cleanup(&u);
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_session_add(struct store *st, const struct store_session *x)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO session (token_hash, login, csrf_token,"
                           " dibuat, terakhir) VALUES (?1, ?2, ?3, ?4, ?5)",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, x->token_hash);
    bind_text(s, 2, x->login);
    bind_text(s, 3, x->csrf_token);
    sqlite3_bind_int64(s, 4, x->dibuat);
    sqlite3_bind_int64(s, 5, x->terakhir);
    enum err rc = step_done(st, s);
    sqlite3_finalize(s);
    return rc;
}

enum err
store_session_get(struct store *st, const char *token_hash,
                  struct store_session *x, struct store_user *u)
{
    sqlite3_stmt *s = NULL;
    memset(x, 0, sizeof(*x));
    memset(u, 0, sizeof(*u));
    if (sqlite3_prepare_v2(
            st->db,
            "SELECT s.token_hash, s.csrf_token, s.dibuat, s.terakhir, u.login,"
            " u.password_hash, u.role, u.nip, u.unit, u.aktif, u.dibuat"
            " FROM session s JOIN app_user u ON u.login = s.login"
            " WHERE s.token_hash = ?1",
            -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, token_hash);
    int step = sqlite3_step(s);
    enum err rc = ERR_OK;
    if (step == SQLITE_ROW) {
        x->token_hash = col_dup(s, 0);
        x->csrf_token = col_dup(s, 1);
        x->dibuat = sqlite3_column_int64(s, 2);
        x->terakhir = sqlite3_column_int64(s, 3);
        user_row(s, 4, u);
        x->login = xstrdup(u->login);
    } else {
        rc = step == SQLITE_DONE ? ERR_NOTFOUND : db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

void
store_session_cleanup(struct store_session *x)
{
    if (x == NULL) {
        return;
    }
    free((void *)(uintptr_t)x->token_hash);
    free((void *)(uintptr_t)x->login);
    free((void *)(uintptr_t)x->csrf_token);
    memset(x, 0, sizeof(*x));
}

enum err
store_session_touch(struct store *st, const char *token_hash, int64_t now)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "UPDATE session SET terakhir = ?2 WHERE token_hash ="
                           " ?1",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, token_hash);
    sqlite3_bind_int64(s, 2, now);
    enum err rc = step_done(st, s);
    sqlite3_finalize(s);
    return rc;
}

enum err
store_session_delete(struct store *st, const char *token_hash)
{
    const char *v[] = {token_hash};
    return run_text(st, "DELETE FROM session WHERE token_hash = ?1", v, 1,
                    NULL);
}

#define SUBTREE_SQL                                                         \
    "WITH RECURSIVE sub(k) AS (SELECT ?1 UNION ALL SELECT u.kode FROM unit" \
    " u JOIN sub ON u.induk = sub.k)"

enum err
store_pegawai_page(struct store *st, const struct store_pegawai_query *q,
                   enum err (*fn)(void *, const struct pegawai *), void *ctx,
                   long *total)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           SUBTREE_SQL " SELECT count(*) FROM pegawai"
                                       " WHERE (?1 IS NULL OR unit IN (SELECT k"
                                       " FROM sub)) AND (?2 IS NULL OR"
                                       " instr(lower(nama), lower(?2)) > 0 OR"
                                       " substr(nip, 1, length(?2)) = ?2)",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, q->root);
    bind_text(s, 2, q->text);
    int step = sqlite3_step(s);
    *total = step == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    if (step != SQLITE_ROW) {
        return db_fail(st);
    }
    if (sqlite3_prepare_v2(st->db,
                           SUBTREE_SQL " SELECT " PEGAWAI_COLS " FROM pegawai"
                                       " WHERE (?1 IS NULL OR unit IN (SELECT k"
                                       " FROM sub)) AND (?2 IS NULL OR"
                                       " instr(lower(nama), lower(?2)) > 0 OR"
                                       " substr(nip, 1, length(?2)) = ?2)"
                                       " ORDER BY nip LIMIT ?3 OFFSET ?4",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, q->root);
    bind_text(s, 2, q->text);
    sqlite3_bind_int64(s, 3, q->limit);
    sqlite3_bind_int64(s, 4, q->offset);
    struct each_ctx e = {.fn.pegawai = fn, .ctx = ctx};
    enum err rc = each_row(st, s, pegawai_row, &e);
    sqlite3_finalize(s);
    return rc;
}

enum err
store_unit_in_subtree(struct store *st, const char *unit, const char *root,
                      bool *out)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "WITH RECURSIVE up(k) AS (SELECT ?1 UNION ALL"
                           " SELECT u.induk FROM unit u JOIN up ON u.kode ="
                           " up.k WHERE u.induk IS NOT NULL)"
                           " SELECT 1 FROM up WHERE k = ?2 AND EXISTS (SELECT"
                           " 1 FROM unit WHERE kode = ?1)",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, unit);
    bind_text(s, 2, root);
    int step = sqlite3_step(s);
    sqlite3_finalize(s);
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        return db_fail(st);
    }
    *out = step == SQLITE_ROW;
    return ERR_OK;
}

enum err
store_audit_each(struct store *st, const char *entity, const char *entity_id,
                 long limit,
                 enum err (*fn)(void *, const struct store_audit *,
                                const char *at),
                 void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(
            st->db,
            "SELECT at, actor, entity, entity_id, action, before,"
            " after FROM audit WHERE (?1 IS NULL OR entity = ?1)"
            " AND (?2 IS NULL OR entity_id = ?2) ORDER BY id"
            " LIMIT ?3",
            -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, entity);
    bind_text(s, 2, entity_id);
    sqlite3_bind_int64(s, 3, limit);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        struct store_audit a = {col_text(s, 1), col_text(s, 2), col_text(s, 3),
                                col_text(s, 4), col_text(s, 5), col_text(s, 6)};
        rc = fn(ctx, &a, col_text(s, 0));
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

/* Requests through the API. */

enum err
store_request_create(struct store *st, const struct permohonan *r, int64_t *id)
{
    struct open_req old;
    enum err rc = open_request(st, r, false, &old);
    if (rc != ERR_OK) {
        return rc;
    }
    if (old.id != 0) {
        set_errmsg(st, "open request exists");
        return ERR_CONFLICT;
    }
    int64_t new_id = 0;
    struct permohonan d = *r;
    d.status = PERMOHONAN_DRAF;
    rc = write_request(st, &d, false, &new_id);
    rc = rc == ERR_OK ? write_choices(st, &d, new_id) : rc;
    if (rc == ERR_OK) {
        *id = new_id;
    }
    return rc;
}

#define REQUEST_SQL                                                          \
    "SELECT p.id, p.nip, p.status, p.version, p.alasan, p.keterangan,"       \
    " p.tanggal, coalesce((SELECT group_concat(unit, ';') FROM (SELECT unit" \
    " FROM permohonan_pilihan WHERE permohonan_id = p.id ORDER BY urutan))," \
    " ''), p.peringatan, p.dibuat, p.diubah, p.tujuan FROM permohonan p"

static void
copy_text(char *out, size_t len, sqlite3_stmt *s, int i)
{
    const char *t = col_text(s, i);
    snprintf(out, len, "%s", t ? t : "");
}

static void
api_request_row(sqlite3_stmt *s, struct store_request *out)
{
    memset(out, 0, sizeof(*out));
    out->id = sqlite3_column_int64(s, 0);
    copy_text(out->nip, sizeof(out->nip), s, 1);
    copy_text(out->status, sizeof(out->status), s, 2);
    out->version = sqlite3_column_int64(s, 3);
    copy_text(out->alasan, sizeof(out->alasan), s, 4);
    copy_text(out->keterangan, sizeof(out->keterangan), s, 5);
    copy_text(out->tanggal, sizeof(out->tanggal), s, 6);
    char list[512];
    copy_text(list, sizeof(list), s, 7);
    for (char *p = list; *p != '\0' && out->n_pilihan < 5;) {
        char *semi = strchr(p, ';');
        size_t n = semi ? (size_t)(semi - p) : strlen(p);
        snprintf(out->pilihan[out->n_pilihan++], 65, "%.*s", (int)n, p);
        p += semi ? n + 1 : n;
    }
    copy_text(out->peringatan, sizeof(out->peringatan), s, 8);
    copy_text(out->dibuat, sizeof(out->dibuat), s, 9);
    copy_text(out->diubah, sizeof(out->diubah), s, 10);
    copy_text(out->tujuan, sizeof(out->tujuan), s, 11);
}

enum err
store_request_get(struct store *st, int64_t id, struct store_request *out)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, REQUEST_SQL " WHERE p.id = ?1", -1, &s,
                           NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    sqlite3_bind_int64(s, 1, id);
    int step = sqlite3_step(s);
    enum err rc = ERR_OK;
    if (step == SQLITE_ROW) {
        api_request_row(s, out);
    } else {
        rc = step == SQLITE_DONE ? ERR_NOTFOUND : db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_request_each(struct store *st,
                   enum err (*fn)(void *, const struct store_request *),
                   void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, REQUEST_SQL " ORDER BY p.id", -1, &s,
                           NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    struct store_request *r = xmalloc(sizeof(*r));
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        api_request_row(s, r);
        rc = fn(ctx, r);
    }
    free(r);
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_request_step(struct store *st, const struct store_step *x)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "UPDATE permohonan SET status = ?4, version ="
                           " version + 1, diubah = " NOW_SQL ", peringatan ="
                           " coalesce(?5, peringatan), tujuan = coalesce(?6,"
                           " tujuan) WHERE id = ?1 AND status = ?2 AND version"
                           " = ?3",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    sqlite3_bind_int64(s, 1, x->id);
    bind_text(s, 2, x->from);
    sqlite3_bind_int64(s, 3, x->version);
    bind_text(s, 4, x->to);
    bind_text(s, 5, x->peringatan);
    bind_text(s, 6, x->tujuan);
    enum err rc = step_changed(st, s, ERR_CONFLICT, "request moved on");
    if (rc != ERR_OK) {
        return rc;
    }
    if (sqlite3_prepare_v2(
            st->db,
            "INSERT INTO permohonan_langkah (permohonan_id,"
            " aksi, dari_status, ke_status, aktor, catatan, pada)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, " NOW_SQL ")",
            -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    sqlite3_bind_int64(s, 1, x->id);
    bind_text(s, 2, x->aksi);
    bind_text(s, 3, x->from);
    bind_text(s, 4, x->to);
    bind_text(s, 5, x->aktor);
    bind_text(s, 6, x->catatan);
    rc = step_done(st, s);
    sqlite3_finalize(s);
    return rc;
}

/* Plans through the API. */

enum err
store_plan_set_status(struct store *st, const struct store_plan_change *x)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(
            st->db,
            "UPDATE plan SET status = ?3, diterbitkan = CASE WHEN ?3 ="
            " 'diterbitkan' THEN " NOW_SQL " ELSE diterbitkan END, disetujui ="
            " CASE WHEN ?3 = 'ditetapkan' THEN coalesce(?6 ||"
            " strftime('T%H:%M:%SZ','now'), " NOW_SQL ") ELSE disetujui END,"
            " dipertimbangkan = CASE WHEN ?3 = 'dipertimbangkan' THEN"
            " coalesce(?6 || strftime('T%H:%M:%SZ','now'), " NOW_SQL ")"
            " ELSE dipertimbangkan END,"
            " tmt = coalesce(?4, tmt), sk_nomor = coalesce(?5, sk_nomor),"
            " tenggat = coalesce(?7, tenggat), ba_nomor = coalesce(?8,"
            " ba_nomor), catatan_kembali = coalesce(?9, catatan_kembali)"
            " WHERE nama = ?1 AND status = ?2",
            -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, x->nama);
    bind_text(s, 2, x->from);
    bind_text(s, 3, x->to);
    bind_text(s, 4, x->tmt);
    bind_text(s, 5, x->sk_nomor);
    bind_text(s, 6, x->day);
    bind_text(s, 7, x->tenggat);
    bind_text(s, 8, x->ba_nomor);
    bind_text(s, 9, x->catatan);
    return step_changed(st, s, ERR_CONFLICT, "plan moved on");
}

enum err
store_plan_respond(struct store *st, const char *nama, const char *nip,
                   const char *tanggapan, const char *catatan)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "UPDATE plan_move SET tanggapan = ?3,"
                           " catatan_tanggapan = ?4, ditanggapi = " NOW_SQL
                           " WHERE nip = ?2 AND plan_id = (SELECT id FROM plan"
                           " WHERE nama = ?1)",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, nama);
    bind_text(s, 2, nip);
    bind_text(s, 3, tanggapan);
    bind_text(s, 4, catatan);
    return step_changed(st, s, ERR_NOTFOUND, NULL);
}

enum err
store_plan_responses_each(struct store *st, const char *nama,
                          enum err (*fn)(void *, const char *nip,
                                         const char *tanggapan,
                                         const char *catatan, const char *at),
                          void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT m.nip, m.tanggapan, m.catatan_tanggapan,"
                           " m.ditanggapi FROM plan_move m JOIN plan p ON p.id"
                           " = m.plan_id WHERE p.nama = ?1 AND m.tanggapan IS"
                           " NOT NULL ORDER BY m.nip",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, nama);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        rc = fn(ctx, col_text(s, 0), col_text(s, 1), col_text(s, 2),
                col_text(s, 3));
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_plan_count_approved(struct store *st, int year, long *out)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT count(*) FROM plan WHERE status ="
                           " 'ditetapkan' AND substr(disetujui, 1, 4) ="
                           " printf('%04d', ?1)",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    sqlite3_bind_int(s, 1, year);
    int step = sqlite3_step(s);
    *out = step == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return step == SQLITE_ROW ? ERR_OK : db_fail(st);
}

enum err
store_request_open_of(struct store *st, const char *nip,
                      struct store_request *out)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           REQUEST_SQL " WHERE p.nip = ?1 AND p." OPEN_SQL, -1,
                           &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, nip);
    int step = sqlite3_step(s);
    enum err rc = ERR_OK;
    if (step == SQLITE_ROW) {
        api_request_row(s, out);
    } else {
        rc = step == SQLITE_DONE ? ERR_NOTFOUND : db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_data_version(struct store *st, uint64_t *out)
{
    /* A read transaction brings the pager up to date with other
     * connections' commits before it is asked. */
    unsigned v = 0;
    bool own = !st->in_tx;
    enum err rc = own ? exec(st, "BEGIN") : ERR_OK;
    rc = rc == ERR_OK ? exec(st, "SELECT 1 FROM schema_version LIMIT 1") : rc;
    if (rc == ERR_OK &&
        sqlite3_file_control(st->db, "main", SQLITE_FCNTL_DATA_VERSION, &v) !=
            SQLITE_OK) {
        rc = db_fail(st);
    }
    if (own) {
        (void)exec(st, "COMMIT");
    }
    if (rc == ERR_OK) {
        *out = v;
    }
    return rc;
}

/* Documents of requests. */

enum err
store_document_add(struct store *st, const struct store_document *d,
                   int64_t *id)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(
            st->db,
            "INSERT INTO dokumen (jenis, permohonan_id, nip,"
            " nama_berkas, mime, isi, sha256, dibuat,"
            " dibuat_oleh) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " NOW_SQL
            ", ?8)",
            -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, d->jenis);
    sqlite3_bind_int64(s, 2, d->permohonan_id);
    bind_text(s, 3, d->nip);
    bind_text(s, 4, d->nama_berkas);
    bind_text(s, 5, d->mime);
    sqlite3_bind_blob64(s, 6, d->isi, (sqlite3_uint64)d->isi_len,
                        SQLITE_STATIC);
    bind_text(s, 7, d->sha256);
    bind_text(s, 8, d->dibuat_oleh);
    enum err rc = step_done(st, s);
    sqlite3_finalize(s);
    if (rc == ERR_OK) {
        *id = sqlite3_last_insert_rowid(st->db);
    }
    return rc;
}

#define DOC_COLS                                                        \
    "id, jenis, permohonan_id, nip, nama_berkas, mime, sha256, dibuat," \
    " dibuat_oleh, status_periksa, catatan_periksa, length(isi)"

static void
doc_row(sqlite3_stmt *s, struct store_document *d)
{
    memset(d, 0, sizeof(*d));
    d->id = sqlite3_column_int64(s, 0);
    copy_text(d->jenis_buf, sizeof(d->jenis_buf), s, 1);
    d->permohonan_id = sqlite3_column_int64(s, 2);
    copy_text(d->nip_buf, sizeof(d->nip_buf), s, 3);
    copy_text(d->nama_buf, sizeof(d->nama_buf), s, 4);
    copy_text(d->mime_buf, sizeof(d->mime_buf), s, 5);
    copy_text(d->sha_buf, sizeof(d->sha_buf), s, 6);
    copy_text(d->dibuat_buf, sizeof(d->dibuat_buf), s, 7);
    copy_text(d->oleh_buf, sizeof(d->oleh_buf), s, 8);
    copy_text(d->status_buf, sizeof(d->status_buf), s, 9);
    copy_text(d->catatan_buf, sizeof(d->catatan_buf), s, 10);
    d->isi_len = (size_t)sqlite3_column_int64(s, 11);
    d->jenis = d->jenis_buf;
    d->nip = d->nip_buf;
    d->nama_berkas = d->nama_buf;
    d->mime = d->mime_buf;
    d->sha256 = d->sha_buf;
    d->dibuat_oleh = d->oleh_buf;
}

enum err
store_document_each(struct store *st, int64_t permohonan_id,
                    enum err (*fn)(void *, const struct store_document *),
                    void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT " DOC_COLS " FROM dokumen WHERE"
                           " permohonan_id = ?1 ORDER BY id",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    sqlite3_bind_int64(s, 1, permohonan_id);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    struct store_document *d = xmalloc(sizeof(*d));
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        doc_row(s, d);
        rc = fn(ctx, d);
    }
    free(d);
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_document_get(struct store *st, int64_t id, struct store_document *d,
                   struct buf *content)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(
            st->db, "SELECT " DOC_COLS ", isi FROM dokumen WHERE id = ?1", -1,
            &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    sqlite3_bind_int64(s, 1, id);
    int step = sqlite3_step(s);
    enum err rc = ERR_OK;
    if (step == SQLITE_ROW) {
        doc_row(s, d);
        if (content != NULL) {
            const void *b = sqlite3_column_blob(s, 12);
            rc = buf_add(content, b ? b : "",
                         (size_t)sqlite3_column_bytes(s, 12));
        }
    } else {
        rc = step == SQLITE_DONE ? ERR_NOTFOUND : db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_document_review(struct store *st, int64_t id, const char *status,
                      const char *catatan)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "UPDATE dokumen SET status_periksa = ?2,"
                           " catatan_periksa = ?3 WHERE id = ?1",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    sqlite3_bind_int64(s, 1, id);
    bind_text(s, 2, status);
    bind_text(s, 3, catatan);
    return step_changed(st, s, ERR_NOTFOUND, NULL);
}

/* Histories. */

enum err
store_riwayat_each(struct store *st, const char *nip,
                   enum err (*fn)(void *, const struct store_riwayat *),
                   void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT r.unit, u.nama, r.jabatan, j.nama, r.tmt,"
                           " r.sumber, r.sk_nomor FROM riwayat r"
                           " LEFT JOIN unit u ON u.kode = r.unit"
                           " LEFT JOIN jabatan j ON j.kode = r.jabatan"
                           " WHERE r.nip = ?1 ORDER BY r.tmt DESC, r.id DESC",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, nip);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        struct store_riwayat r = {
            col_text(s, 0), col_text(s, 1), col_text(s, 2), col_text(s, 3),
            col_text(s, 4), col_text(s, 5), col_text(s, 6)};
        rc = fn(ctx, &r);
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

/* Each history row with the unit of the row before it (LAG over the
 * employee's rows in TMT order), kept when the unit changes and 'kode'
 * is on either side. */
#define UNIT_MOVES_SQL                                                       \
    "WITH h AS (SELECT r.id, r.nip, r.unit, r.jabatan, r.tmt, LAG(r.unit)"   \
    " OVER (PARTITION BY r.nip ORDER BY r.tmt, r.id) AS dari FROM riwayat r" \
    " WHERE r.nip IN (SELECT nip FROM riwayat WHERE unit = ?1))"             \
    " SELECT h.nip, p.nama, h.tmt, h.dari, d.nama, h.unit, k.nama,"          \
    " h.jabatan FROM h LEFT JOIN pegawai p ON p.nip = h.nip"                 \
    " LEFT JOIN unit d ON d.kode = h.dari LEFT JOIN unit k ON k.kode ="      \
    " h.unit WHERE (h.unit = ?1 OR h.dari = ?1) AND h.dari IS NOT h.unit"    \
    " ORDER BY h.tmt DESC, h.id DESC LIMIT ?2"

enum err
store_unit_moves_each(struct store *st, const char *kode, long limit,
                      enum err (*fn)(void *, const struct store_unit_move *),
                      void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, UNIT_MOVES_SQL, -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, kode);
    sqlite3_bind_int64(s, 2, limit);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        struct store_unit_move m = {
            col_text(s, 0), col_text(s, 1), col_text(s, 2), col_text(s, 3),
            col_text(s, 4), col_text(s, 5), col_text(s, 6), col_text(s, 7)};
        rc = fn(ctx, &m);
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

/* The decision on a plan's moves. */

#define MOVE_COLS                                                           \
    "m.nip, m.jabatan_asal, m.jabatan_tujuan, m.unit_asal, m.unit_tujuan,"  \
    " m.jenis, m.pilihan_ke, m.km_centi, m.sementara_sampai, m.penjelasan," \
    " m.tanggapan, m.catatan_tanggapan, m.keputusan_tpk, m.catatan_tpk,"    \
    " m.jawaban_tpk, m.keputusan_ppk, m.alasan_ppk"

enum err
store_plan_moves_each(struct store *st, const char *nama,
                      enum err (*fn)(void *, const struct store_plan_move *),
                      void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT " MOVE_COLS " FROM plan_move m JOIN plan p"
                           " ON p.id = m.plan_id WHERE p.nama = ?1 ORDER BY"
                           " m.rowid",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, nama);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        struct store_plan_move m = {
            col_text(s, 0),           col_text(s, 1),
            col_text(s, 2),           col_text(s, 3),
            col_text(s, 4),           col_text(s, 5),
            sqlite3_column_int(s, 6), sqlite3_column_int64(s, 7),
            col_text(s, 8),           col_text(s, 9),
            col_text(s, 10),          col_text(s, 11),
            col_text(s, 12),          col_text(s, 13),
            col_text(s, 14),          col_text(s, 15),
            col_text(s, 16)};
        rc = fn(ctx, &m);
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_plan_move_decide(struct store *st, const struct store_move_decision *d)
{
    const char *v[] = {d->nama, d->nip, d->keputusan, d->catatan, d->jawaban};
    const char *sql =
        d->ppk ? "UPDATE plan_move SET keputusan_ppk = ?3, alasan_ppk = ?4"
                 " WHERE nip = ?2 AND plan_id = (SELECT id FROM plan WHERE"
                 " nama = ?1)"
               : "UPDATE plan_move SET keputusan_tpk = ?3, catatan_tpk = ?4,"
                 " jawaban_tpk = coalesce(?5, jawaban_tpk) WHERE nip = ?2 AND"
                 " plan_id = (SELECT id FROM plan WHERE nama = ?1)";
    int n = 0;
    enum err rc = run_text(st, sql, v, 5 - (d->ppk ? 1 : 0), &n);
    return rc == ERR_OK && n == 0 ? ERR_NOTFOUND : rc;
}

enum err
store_plan_answer_put(struct store *st, const char *nama,
                      const struct store_plan_answer *a)
{
    const char *v[] = {nama, a->nip, a->oleh, a->tanggapan, a->catatan};
    return run_text(
        st,
        "INSERT OR REPLACE INTO plan_tanggapan (plan_id, nip, oleh,"
        " tanggapan, catatan, pada) SELECT id, ?2, ?3, ?4, ?5, " NOW_SQL
        " FROM plan WHERE nama = ?1",
        v, 5, NULL);
}

enum err
store_plan_answers_each(struct store *st, const char *nama,
                        enum err (*fn)(void *,
                                       const struct store_plan_answer *),
                        void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT t.nip, t.oleh, t.tanggapan, t.catatan,"
                           " t.pada FROM plan_tanggapan t JOIN plan p ON p.id"
                           " = t.plan_id WHERE p.nama = ?1 ORDER BY t.nip,"
                           " t.oleh",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, nama);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        struct store_plan_answer a = {col_text(s, 0), col_text(s, 1),
                                      col_text(s, 2), col_text(s, 3),
                                      col_text(s, 4)};
        rc = fn(ctx, &a);
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_request_actor(struct store *st, int64_t id, const char *aksi, char *out,
                    size_t len)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT aktor FROM permohonan_langkah WHERE"
                           " permohonan_id = ?1 AND aksi = ?2 ORDER BY id DESC"
                           " LIMIT 1",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    sqlite3_bind_int64(s, 1, id);
    bind_text(s, 2, aksi);
    int step = sqlite3_step(s);
    enum err rc = ERR_NOTFOUND;
    if (step == SQLITE_ROW) {
        copy_text(out, len, s, 0);
        rc = ERR_OK;
    } else if (step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_plan_actors_each(struct store *st, const char *nama, const char *action,
                       enum err (*fn)(void *, const char *actor), void *ctx)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT DISTINCT actor FROM audit WHERE entity ="
                           " 'plan' AND entity_id = ?1 AND action = ?2 ORDER"
                           " BY actor",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    bind_text(s, 1, nama);
    bind_text(s, 2, action);
    enum err rc = ERR_OK;
    int step = SQLITE_ROW;
    while (rc == ERR_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        rc = fn(ctx, col_text(s, 0));
    }
    if (rc == ERR_OK && step != SQLITE_DONE) {
        rc = db_fail(st);
    }
    sqlite3_finalize(s);
    return rc;
}

enum err
store_plan_count_minutes(struct store *st, int year, long *out)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT count(*) FROM plan WHERE ba_nomor IS NOT"
                           " NULL AND substr(dipertimbangkan, 1, 4) ="
                           " printf('%04d', ?1)",
                           -1, &s, NULL) != SQLITE_OK) {
        return db_fail(st);
    }
    sqlite3_bind_int(s, 1, year);
    int step = sqlite3_step(s);
    *out = step == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return step == SQLITE_ROW ? ERR_OK : db_fail(st);
}
