/* SPDX-License-Identifier: MIT */
/* store_sqlite_schema: the SQLite back end's schema (storage layer): the
 * versioned migrations, store_migrate() and store_check_schema(). The
 * migrations are append only: a shipped step never changes. */
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>

#include "diag.h"
#include "store_sqlite_int.h"

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
        " after) SELECT " SQ_NOW_SQL ", 'init', 'user', login, 'ubah_peran',"
        " '{\"role\":\"pimpinan\"}', '{\"role\":\"ppk\"}' FROM app_user"
        " WHERE role = 'pimpinan';"},
    {3, "UPDATE app_user SET role = 'ppk' WHERE role = 'pimpinan';"},
    {3, "DELETE FROM role WHERE id = 'pimpinan';"},
    /* 3: a request is verified before the destination's head receives it;
     * one received but not yet verified goes back to disetujui_asal. */
    {3, "INSERT INTO audit (at, actor, entity, entity_id, action, before,"
        " after) SELECT " SQ_NOW_SQL ", 'init', 'request', CAST(id AS TEXT),"
        " 'migrasi', '{\"status\":\"disetujui_tujuan\"}',"
        " '{\"status\":\"disetujui_asal\",\"catatan\":\"Urutan baru:"
        " BKPSDM memverifikasi sebelum OPD tujuan menerima; persetujuan"
        " tujuan diminta lagi sesudah verifikasi.\"}' FROM permohonan WHERE"
        " status = 'disetujui_tujuan';"},
    {3, "UPDATE permohonan SET status = 'disetujui_asal', version = version"
        " + 1, diubah = " SQ_NOW_SQL " WHERE status = 'disetujui_tujuan';"},
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
    /* 4: a surat tugas (temporary surge move) has its own number, given
     * when the plan is decided. */
    {4, "ALTER TABLE plan_move ADD COLUMN st_nomor TEXT;"},
    {4, "CREATE UNIQUE INDEX plan_move_st_nomor ON plan_move(st_nomor)"
        " WHERE st_nomor IS NOT NULL;"},
    /* 4: the register of the documents issued: one row per document,
     * with the hash of its first print. */
    {4, "CREATE TABLE dokumen_register ("
        " id INTEGER PRIMARY KEY,"
        " nomor TEXT NOT NULL,"
        " tanggal TEXT NOT NULL,"
        " jenis TEXT NOT NULL CHECK (jenis IN ('sk','petikan','surat_tugas',"
        "'berita_acara')),"
        " plan TEXT NOT NULL,"
        " nip TEXT,"
        " sha256 TEXT NOT NULL,"
        " pertama TEXT NOT NULL);"},
    {4, "CREATE UNIQUE INDEX dokumen_register_satu ON"
        " dokumen_register(jenis, plan, coalesce(nip, ''));"},
    /* 5: changes to accounts of HR and decision roles wait for a second
     * person; at most one of a kind waits per account. */
    {5, "CREATE TABLE akun_usulan ("
        " id INTEGER PRIMARY KEY,"
        " aksi TEXT NOT NULL CHECK (aksi IN ('tambah','sandi','aktifkan')),"
        " login TEXT NOT NULL,"
        " role TEXT,"
        " nip TEXT,"
        " unit TEXT,"
        " oleh TEXT NOT NULL,"
        " pada TEXT NOT NULL,"
        " status TEXT NOT NULL DEFAULT 'menunggu' CHECK (status IN"
        "  ('menunggu','dikonfirmasi','ditolak')),"
        " diputus_oleh TEXT,"
        " diputus_pada TEXT,"
        " catatan TEXT);"},
    {5, "CREATE UNIQUE INDEX akun_usulan_menunggu ON akun_usulan(login, aksi)"
        " WHERE status = 'menunggu';"},
    /* 5: where a workload row came from: an import, or the app (a surge a
     * head of unit reported), which a later import keeps. */
    {5, "ALTER TABLE beban ADD COLUMN sumber TEXT NOT NULL DEFAULT 'impor'"
        " CHECK (sumber IN ('impor','aplikasi'));"},
    /* 6: part-time PPPK (PPPK paruh waktu, KepmenPANRB 16/2025) are a
     * status of their own. SQLite cannot alter a CHECK constraint; this
     * one only widens, so every stored row still satisfies it and the
     * documented in-place edit of the table's SQL is safe (the file's
     * format does not change). */
    {6, "PRAGMA writable_schema = ON;"
        " UPDATE sqlite_schema SET sql = replace(sql,"
        " 'CHECK (status IN (''CPNS'',''PNS'',''PPPK''))',"
        " 'CHECK (status IN (''CPNS'',''PNS'',''PPPK'',''PPPK_PW''))')"
        " WHERE type = 'table' AND name = 'pegawai';"
        " PRAGMA writable_schema = RESET;"},
    /* 6: the requirements of a move into a jabatan from another one. */
    {6, "ALTER TABLE jabatan ADD COLUMN pendidikan_min TEXT CHECK"
        " (pendidikan_min IN ('SD','SMP','SMA','D1','D2','D3','D4','S1','S2',"
        "'S3'));"},
    {6, "ALTER TABLE jabatan ADD COLUMN golongan_min TEXT;"},
    {6, "ALTER TABLE jabatan ADD COLUMN golongan_max TEXT;"},
    /* 6: the yearly performance rating (SKP) of each employee. */
    {6, "CREATE TABLE kinerja ("
        " nip TEXT NOT NULL REFERENCES pegawai(nip)"
        "  DEFERRABLE INITIALLY DEFERRED,"
        " tahun INTEGER NOT NULL,"
        " predikat TEXT NOT NULL CHECK (predikat IN ('sangat_baik','baik',"
        "'butuh_perbaikan','kurang','sangat_kurang')),"
        " PRIMARY KEY (nip, tahun)) WITHOUT ROWID;"},
    /* 7 (STORE_SCHEMA_V_TENANG): the Minister's written approval of a
     * decision inside an election period, with its PDF and the officials'
     * moves it covers, one per decision record. */
    {STORE_SCHEMA_V_TENANG, "CREATE TABLE izin_mendagri ("
                            " plan TEXT PRIMARY KEY,"
                            " masa_label TEXT NOT NULL,"
                            " masa_dari TEXT NOT NULL,"
                            " masa_sampai TEXT NOT NULL,"
                            " keputusan TEXT NOT NULL,"
                            " nomor TEXT NOT NULL,"
                            " tanggal TEXT NOT NULL,"
                            " pejabat TEXT NOT NULL,"
                            " oleh TEXT NOT NULL,"
                            " sha256 TEXT NOT NULL,"
                            " berkas BLOB NOT NULL,"
                            " dicatat TEXT NOT NULL);"},
    /* 7: the register also keeps the report to the Ministry; SQLite
     * cannot change a CHECK, so the table is built again. */
    {STORE_SCHEMA_V_TENANG,
     "CREATE TABLE dokumen_register_baru ("
     " id INTEGER PRIMARY KEY,"
     " nomor TEXT NOT NULL,"
     " tanggal TEXT NOT NULL,"
     " jenis TEXT NOT NULL CHECK (jenis IN ('sk','petikan','surat_tugas',"
     "'berita_acara','laporan_mendagri')),"
     " plan TEXT NOT NULL,"
     " nip TEXT,"
     " sha256 TEXT NOT NULL,"
     " pertama TEXT NOT NULL);"},
    {STORE_SCHEMA_V_TENANG, "INSERT INTO dokumen_register_baru SELECT id,"
                            " nomor, tanggal, jenis, plan, nip, sha256,"
                            " pertama FROM dokumen_register;"},
    {STORE_SCHEMA_V_TENANG, "DROP TABLE dokumen_register;"},
    {STORE_SCHEMA_V_TENANG,
     "ALTER TABLE dokumen_register_baru RENAME TO dokumen_register;"},
    {STORE_SCHEMA_V_TENANG,
     "CREATE UNIQUE INDEX dokumen_register_satu ON"
     " dokumen_register(jenis, plan, coalesce(nip, ''));"},
    /* 8 (STORE_SCHEMA_V_SIASN): SIASN's 32-hex identifier of a unit (the
     * government itself: 'instansi', keyed by the root unit's code), a
     * jabatan and an employee, beside our code; stored lower-case. */
    {STORE_SCHEMA_V_SIASN,
     "CREATE TABLE siasn_id ("
     " jenis TEXT NOT NULL CHECK (jenis IN ('instansi','unit','jabatan',"
     "'pegawai')),"
     " kode TEXT NOT NULL,"
     " siasn_id TEXT NOT NULL,"
     " PRIMARY KEY (jenis, kode),"
     " UNIQUE (jenis, siasn_id));"},
    /* 8: one row per move pushed to SIASN's API: what was sent, the
     * answer, so that a failed push is retried and never doubled. */
    {STORE_SCHEMA_V_SIASN,
     "CREATE TABLE siasn_kirim ("
     " plan TEXT NOT NULL,"
     " nip TEXT NOT NULL,"
     " permintaan TEXT NOT NULL,"
     " status TEXT NOT NULL CHECK (status IN ('terkirim','gagal')),"
     " http_status INTEGER,"
     " jawaban TEXT,"
     " percobaan INTEGER NOT NULL DEFAULT 1,"
     " waktu TEXT NOT NULL,"
     " PRIMARY KEY (plan, nip));"},
    /* 9 (STORE_SCHEMA_V_BATAS): the boundaries of kelurahan and kecamatan
     * that the map draws, from 'mutasi import --batas' (GeoJSON). The
     * geometry is kept as compact GeoJSON text. */
    {STORE_SCHEMA_V_BATAS,
     "CREATE TABLE batas ("
     " kode TEXT PRIMARY KEY,"
     " nama TEXT NOT NULL,"
     " jenis TEXT NOT NULL CHECK (jenis IN ('kelurahan','kecamatan')),"
     " kecamatan_kode TEXT,"
     " kecamatan TEXT,"
     " geometri TEXT NOT NULL);"},
    /* 10 (STORE_SCHEMA_V_NODES): what several servers on one database
     * share: the login throttle's failures per key and the leases of
     * long work (a plan being computed). Times in epoch milliseconds. */
    {STORE_SCHEMA_V_NODES, "CREATE TABLE login_gagal ("
                           " kunci TEXT PRIMARY KEY,"
                           " gagal INTEGER NOT NULL,"
                           " terakhir INTEGER NOT NULL,"
                           " sampai INTEGER NOT NULL);"},
    {STORE_SCHEMA_V_NODES, "CREATE TABLE sewa ("
                           " nama TEXT PRIMARY KEY,"
                           " pemegang TEXT NOT NULL,"
                           " sampai INTEGER NOT NULL);"},
};

#define N_MIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

/* The integer of the one-row query 'id'. */
static enum err
query_int(struct store *st, enum stmt_id id, int *out)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, id, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    if (sqlite3_step(s) == SQLITE_ROW) {
        *out = sqlite3_column_int(s, 0);
    } else {
        rc = sq_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

/* The version recorded in the database; 0 when it has no schema yet. */
static enum err
schema_version(struct store *st, int *out)
{
    int exists = 0;
    enum err rc = query_int(st, S_SCHEMA_EXISTS, &exists);
    if (rc == ERR_OK && exists == 0) {
        *out = 0;
        return ERR_OK;
    }
    return rc == ERR_OK ? query_int(st, S_SCHEMA_VERSION, out) : rc;
}

static enum err
record_version(struct store *st, int version)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, S_SCHEMA_RECORD, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sqlite3_bind_int(s, 1, version);
    return sq_step_reset(st, s);
}

static enum err
apply_migrations(struct store *st, int from)
{
    enum err rc = sq_exec(st, "CREATE TABLE IF NOT EXISTS schema_version ("
                              " version INTEGER PRIMARY KEY,"
                              " applied_at TEXT NOT NULL)");
    for (int i = 0; i < N_MIGRATIONS && rc == ERR_OK; i++) {
        if (migrations[i].version <= from) {
            continue;
        }
        rc = sq_exec(st, migrations[i].sql);
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
    sq_set_errmsg(st, msg);
    return ERR_UNAVAILABLE;
}

enum err
store_sqlite_migrate(struct store *st, int *from)
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
store_sqlite_schema_version(struct store *st, int *out)
{
    return schema_version(st, out);
}

enum err
store_sqlite_check_schema(struct store *st)
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
        sq_set_errmsg(st, msg);
        return ERR_UNAVAILABLE;
    }
    return ERR_OK;
}
