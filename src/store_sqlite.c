/* SPDX-License-Identifier: MIT */
/* store_sqlite: the SQLite back end (storage layer), its core: the
 * connection, the error text, the cached statements, transactions and the
 * bind and column helpers (store_sqlite_int.h) of the back end's files:
 * store_sqlite_schema.c (migrations), store_sqlite_data.c (the data kinds),
 * store_sqlite_request.c (requests) and store_sqlite_app.c (plans,
 * accounts, audit, settings). WAL journal, foreign keys on and deferred to
 * commit. Nothing outside these files speaks SQLite.
 *
 * One idiom runs SQL. Fixed SQL is a row of stmt_sql[] below, prepared on
 * first use with SQLITE_PREPARE_PERSISTENT, kept on the handle and reset
 * after each use: sq_stmt(), bind, then sq_step_reset(), sq_each_row() or
 * sq_one_row(). sqlite3_prepare_v2() is only for SQL built at run time
 * (there is none today), and sq_exec() (sqlite3_exec) only for scripts:
 * PRAGMAs, transaction control, migrations, the bulk loader's indexes. */
#include "store_sqlite.h"

#include <assert.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "mem.h"
#include "model.h"
#include "store.h"
#include "store_sqlite_int.h"

#define PENDING_SQL                                              \
    "(p.tmt_unit > ?2 AND EXISTS (SELECT 1 FROM riwayat r WHERE" \
    " r.nip = p.nip AND r.tmt = p.tmt_unit AND r.sumber LIKE 'rencana:%'))"
#define OPEN_SQL "status NOT IN ('selesai','ditolak','dibatalkan')"

#define JABATAN_COLS                                                \
    "kode, nama, jenis, jenjang, kelompok, guru, bup, kompetensi, " \
    "pendidikan_min, golongan_min, golongan_max"

#define PEGAWAI_COLS                                                        \
    "nip, nama, jenis_kelamin, tempat_lahir, tanggal_lahir, status, "       \
    "golongan, jabatan, unit, tmt_unit, pendidikan, kompetensi, lat, lon, " \
    "hukuman_disiplin, tugas_belajar, formasi_tahun"

#define SUBTREE_SQL                                                         \
    "WITH RECURSIVE sub(k) AS (SELECT ?1 UNION ALL SELECT u.kode FROM unit" \
    " u JOIN sub ON u.induk = sub.k)"

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

#define REQUEST_SQL                                                          \
    "SELECT p.id, p.nip, p.status, p.version, p.alasan, p.keterangan,"       \
    " p.tanggal, coalesce((SELECT group_concat(unit, ';') FROM (SELECT unit" \
    " FROM permohonan_pilihan WHERE permohonan_id = p.id ORDER BY urutan))," \
    " ''), p.peringatan, p.dibuat, p.diubah, p.tujuan FROM permohonan p"

#define DOC_COLS                                                        \
    "id, jenis, permohonan_id, nip, nama_berkas, mime, sha256, dibuat," \
    " dibuat_oleh, status_periksa, catatan_periksa, length(isi)"

#define MOVE_COLS                                                           \
    "m.nip, m.jabatan_asal, m.jabatan_tujuan, m.unit_asal, m.unit_tujuan,"  \
    " m.jenis, m.pilihan_ke, m.km_centi, m.sementara_sampai, m.penjelasan," \
    " m.tanggapan, m.catatan_tanggapan, m.keputusan_tpk, m.catatan_tpk,"    \
    " m.jawaban_tpk, m.keputusan_ppk, m.alasan_ppk"

/* The VALUES of SQ_BULK_ROWS (32) rows for the bulk loader. */
#define SQ_X2(r)  r "," r
#define SQ_X32(r) SQ_X2(SQ_X2(SQ_X2(SQ_X2(SQ_X2(r)))))

#define USER_COLS "login, password_hash, role, nip, unit, aktif, dibuat"

static const char *const stmt_sql[S_COUNT] = {
    /* store_sqlite_schema.c */
    [S_SCHEMA_EXISTS] = "SELECT count(*) FROM sqlite_master WHERE"
                        " type = 'table' AND name = 'schema_version'",
    [S_SCHEMA_VERSION] = "SELECT coalesce(max(version), 0) FROM"
                         " schema_version",
    [S_SCHEMA_RECORD] =
        "INSERT INTO schema_version VALUES (?1, " SQ_NOW_SQL ")",
    /* store_sqlite_data.c */
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
    [S_JABATAN_GET] = "SELECT " JABATAN_COLS " FROM jabatan WHERE kode = ?1",
    [S_JABATAN_PUT] =
        "INSERT INTO jabatan (" JABATAN_COLS ") VALUES (?1, ?2, ?3, ?4, ?5,"
        " ?6, ?7, ?8, ?9, ?10, ?11)"
        " ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama,"
        " jenis = excluded.jenis, jenjang = excluded.jenjang,"
        " kelompok = excluded.kelompok, guru = excluded.guru,"
        " bup = excluded.bup, kompetensi = excluded.kompetensi,"
        " pendidikan_min = excluded.pendidikan_min,"
        " golongan_min = excluded.golongan_min,"
        " golongan_max = excluded.golongan_max",
    [S_JABATAN_EACH] = "SELECT " JABATAN_COLS " FROM jabatan ORDER BY kode",
    [S_BEBAN_CLEAR] = "DELETE FROM beban WHERE unit = ?1 AND jabatan = ?2"
                      " AND (sumber = 'impor' OR ?3)",
    [S_BEBAN_APP_COUNT] = "SELECT count(*) FROM beban WHERE unit = ?1 AND"
                          " jabatan = ?2 AND sumber = 'aplikasi'",
    [S_BEBAN_APP_SAME] =
        "SELECT count(*) FROM beban WHERE unit = ?1 AND jabatan = ?2 AND"
        " sumber = 'aplikasi' AND tugas IS ?3 AND volume_milli = ?4 AND"
        " norma_milli IS ?5 AND metode = ?6 AND berlaku_mulai IS ?7 AND"
        " berlaku_sampai IS ?8",
    [S_BEBAN_ADD] =
        "INSERT INTO beban (unit, jabatan, tugas, volume_milli, norma_milli,"
        " metode, berlaku_mulai, berlaku_sampai, sumber)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, coalesce(?9, 'impor'))",
    [S_BEBAN_EACH] = "SELECT unit, jabatan, tugas, volume_milli, norma_milli,"
                     " metode, berlaku_mulai, berlaku_sampai FROM beban"
                     " ORDER BY unit, jabatan, id",
    /* In the table's order: no index walk with a row lookup each. */
    [S_BEBAN_SCAN] = "SELECT unit, jabatan, NULL, volume_milli, norma_milli,"
                     " metode, berlaku_mulai, berlaku_sampai FROM beban",
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
        " VALUES (?1, ?2, ?3, ?4, ?5, " SQ_NOW_SQL ")",
    [S_PEGAWAI_GET] = "SELECT " PEGAWAI_COLS " FROM pegawai WHERE nip = ?1",
    [S_PEGAWAI_NAMA] = "SELECT nama FROM pegawai WHERE nip = ?1",
    [S_PEGAWAI_EACH] = "SELECT " PEGAWAI_COLS " FROM pegawai ORDER BY nip",
    [S_PEGAWAI_COUNT] = SUBTREE_SQL " SELECT count(*) FROM pegawai"
                                    " WHERE (?1 IS NULL OR unit IN (SELECT k"
                                    " FROM sub)) AND (?2 IS NULL OR"
                                    " instr(lower(nama), lower(?2)) > 0 OR"
                                    " substr(nip, 1, length(?2)) = ?2)",
    [S_PEGAWAI_PAGE] = SUBTREE_SQL " SELECT " PEGAWAI_COLS " FROM pegawai"
                                   " WHERE (?1 IS NULL OR unit IN (SELECT k"
                                   " FROM sub)) AND (?2 IS NULL OR"
                                   " instr(lower(nama), lower(?2)) > 0 OR"
                                   " substr(nip, 1, length(?2)) = ?2)"
                                   " ORDER BY nip LIMIT ?3 OFFSET ?4",
    [S_UNIT_COUNT] =
        "SELECT unit, sum(pns), sum(pppk), sum(cpns), sum(req), sum(pw) FROM ("
        " SELECT unit, status = 'PNS' AS pns, status = 'PPPK' AS pppk,"
        " status = 'CPNS' AS cpns, 0 AS req, status = 'PPPK_PW' AS pw"
        " FROM pegawai UNION ALL"
        " SELECT g.unit, 0, 0, 0, 1, 0 FROM permohonan p JOIN pegawai g"
        " ON g.nip = p.nip WHERE p." OPEN_SQL ") GROUP BY unit ORDER BY unit",
    [S_UNIT_IN_SUBTREE] = "WITH RECURSIVE up(k) AS (SELECT ?1 UNION ALL"
                          " SELECT u.induk FROM unit u JOIN up ON u.kode ="
                          " up.k WHERE u.induk IS NOT NULL)"
                          " SELECT 1 FROM up WHERE k = ?2 AND EXISTS (SELECT"
                          " 1 FROM unit WHERE kode = ?1)",
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
        " p.kompetensi, p.lat, p.lon, p.golongan, p.pendidikan"
        " FROM pegawai p",
    [S_POSTS_EACH] =
        "SELECT p.nip, p.status, p.tanggal_lahir, p.tugas_belajar,"
        " CASE WHEN p.tmt_unit <= ?1 OR " PENDING_SQL " THEN p.unit ELSE"
        " (SELECT r.unit FROM"
        " riwayat r WHERE r.nip = p.nip AND r.tmt <= ?1 ORDER BY r.tmt DESC,"
        " r.id DESC LIMIT 1) END,"
        " CASE WHEN p.tmt_unit <= ?1 OR " PENDING_SQL " THEN p.jabatan ELSE"
        " (SELECT r.jabatan"
        " FROM riwayat r WHERE r.nip = p.nip AND r.tmt <= ?1 ORDER BY r.tmt"
        " DESC, r.id DESC LIMIT 1) END"
        " FROM pegawai p",
    [S_RIWAYAT_EACH] = "SELECT r.unit, u.nama, r.jabatan, j.nama, r.tmt,"
                       " r.sumber, r.sk_nomor FROM riwayat r"
                       " LEFT JOIN unit u ON u.kode = r.unit"
                       " LEFT JOIN jabatan j ON j.kode = r.jabatan"
                       " WHERE r.nip = ?1 ORDER BY r.tmt DESC, r.id DESC",
    [S_UNIT_MOVES] = UNIT_MOVES_SQL,
    [S_BEBAN_EMPTY] = "SELECT NOT EXISTS (SELECT 1 FROM beban)",
    [S_PEGAWAI_EMPTY] = "SELECT NOT EXISTS (SELECT 1 FROM pegawai)",
    [S_KINERJA_EMPTY] = "SELECT NOT EXISTS (SELECT 1 FROM kinerja)",
    [S_KINERJA_GET] = "SELECT predikat FROM kinerja WHERE nip = ?1 AND"
                      " tahun = ?2",
    [S_KINERJA_PUT] =
        "INSERT INTO kinerja (nip, tahun, predikat) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (nip, tahun) DO UPDATE SET predikat = excluded.predikat"
        " WHERE predikat IS NOT excluded.predikat",
    [S_KINERJA_EACH] = "SELECT nip, tahun, predikat FROM kinerja"
                       " ORDER BY nip, tahun",
    [S_KINERJA_OF] = "SELECT nip, tahun, predikat FROM kinerja WHERE nip = ?1"
                     " ORDER BY tahun DESC",
    [S_BATAS_CLEAR] = "DELETE FROM batas",
    [S_BATAS_PUT] = "INSERT INTO batas (kode, nama, jenis, kecamatan_kode,"
                    " kecamatan, geometri) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [S_BATAS_EACH] = "SELECT kode, nama, jenis, kecamatan_kode, kecamatan,"
                     " geometri FROM batas ORDER BY jenis DESC, kode",
    [S_KINERJA_YEARS] = "SELECT nip, tahun, predikat FROM kinerja"
                        " WHERE tahun BETWEEN ?1 AND ?2 ORDER BY nip, tahun",
    [S_RIWAYAT_BULK] = "INSERT INTO riwayat (nip, unit, jabatan, tmt,"
                       " sumber, dicatat) SELECT nip, unit, jabatan,"
                       " tmt_unit, ?1, " SQ_NOW_SQL " FROM pegawai"
                       " ORDER BY nip",
    /* store_sqlite_bulk.c: plain INSERTs, the tables were empty and the
     * importer let no key in twice. */
    [S_BEBAN_BULK] = "INSERT INTO beban (unit, jabatan, tugas, volume_milli,"
                     " norma_milli, metode, berlaku_mulai, berlaku_sampai,"
                     " sumber) VALUES " SQ_X32("(?,?,?,?,?,?,?,?,?)"),
    [S_PEGAWAI_BULK] = "INSERT INTO pegawai (" PEGAWAI_COLS ") VALUES " SQ_X32(
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
    [S_KINERJA_BULK] =
        "INSERT INTO kinerja (nip, tahun, predikat) VALUES " SQ_X32("(?,?,?)"),
    /* store_sqlite_request.c */
    [S_PERMOHONAN_OPEN] =
        "SELECT p.id, p.status, p.alasan IS ?2 AND p.tanggal IS ?4"
        " AND (?5 OR p.keterangan IS ?3) AND coalesce((SELECT"
        " group_concat(unit, ';') FROM (SELECT unit FROM permohonan_pilihan"
        " WHERE permohonan_id = p.id ORDER BY urutan)), '') IS ?6"
        " FROM permohonan p WHERE p.nip = ?1 AND p." OPEN_SQL,
    [S_PERMOHONAN_INSERT] =
        "INSERT INTO permohonan (nip, alasan, keterangan, tanggal, status,"
        " dibuat, diubah) VALUES (?1, ?2, ?3, ?4, ?5, " SQ_NOW_SQL
        ", " SQ_NOW_SQL ")",
    [S_PERMOHONAN_UPDATE] =
        "UPDATE permohonan SET alasan = ?2, keterangan = CASE WHEN ?5 THEN"
        " keterangan ELSE ?3 END, tanggal = ?4, status = CASE status WHEN"
        " 'draf' THEN 'diajukan' ELSE status END, version = version + 1,"
        " diubah = " SQ_NOW_SQL " WHERE id = ?1",
    [S_PILIHAN_CLEAR] = "DELETE FROM permohonan_pilihan WHERE permohonan_id"
                        " = ?1",
    [S_PILIHAN_ADD] = "INSERT INTO permohonan_pilihan (permohonan_id, urutan,"
                      " unit) VALUES (?1, ?2, ?3)",
    [S_PERMOHONAN_EACH] =
        "SELECT p.id, p.nip, p.alasan, p.keterangan, p.tanggal, p.status,"
        " p.version, c.unit FROM permohonan p JOIN permohonan_pilihan c"
        " ON c.permohonan_id = p.id WHERE p." OPEN_SQL
        " ORDER BY p.nip, p.id, c.urutan",
    [S_REQUEST_GET] = REQUEST_SQL " WHERE p.id = ?1",
    [S_REQUEST_EACH] = REQUEST_SQL " ORDER BY p.id",
    [S_REQUEST_OPEN_OF] = REQUEST_SQL " WHERE p.nip = ?1 AND p." OPEN_SQL,
    [S_REQUEST_STEP] = "UPDATE permohonan SET status = ?4, version ="
                       " version + 1, diubah = " SQ_NOW_SQL ", peringatan ="
                       " coalesce(?5, peringatan), tujuan = coalesce(?6,"
                       " tujuan) WHERE id = ?1 AND status = ?2 AND version"
                       " = ?3",
    [S_REQUEST_STEP_LOG] =
        "INSERT INTO permohonan_langkah (permohonan_id,"
        " aksi, dari_status, ke_status, aktor, catatan, pada)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, " SQ_NOW_SQL ")",
    [S_REQUEST_ACTOR] = "SELECT aktor FROM permohonan_langkah WHERE"
                        " permohonan_id = ?1 AND aksi = ?2 ORDER BY id DESC"
                        " LIMIT 1",
    [S_DOCUMENT_ADD] =
        "INSERT INTO dokumen (jenis, permohonan_id, nip,"
        " nama_berkas, mime, isi, sha256, dibuat,"
        " dibuat_oleh) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " SQ_NOW_SQL ", ?8)",
    [S_DOCUMENT_EACH] = "SELECT " DOC_COLS " FROM dokumen WHERE"
                        " permohonan_id = ?1 ORDER BY id",
    [S_DOCUMENT_GET] = "SELECT " DOC_COLS ", isi FROM dokumen WHERE id = ?1",
    [S_DOCUMENT_REVIEW] = "UPDATE dokumen SET status_periksa = ?2,"
                          " catatan_periksa = ?3 WHERE id = ?1",
    /* store_sqlite_app.c */
    [S_PLAN_EXISTS] = "SELECT 1 FROM plan WHERE nama = ?1",
    [S_PLAN_ADD] =
        "INSERT INTO plan (nama, mode, as_of, settings, hasil,"
        " dibuat, dibuat_oleh) VALUES (?1, ?2, ?3, ?4, ?5, " SQ_NOW_SQL ", ?6)",
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
    [S_PLAN_SET_STATUS] =
        "UPDATE plan SET status = ?3, diterbitkan = CASE WHEN ?3 ="
        " 'diterbitkan' THEN " SQ_NOW_SQL " ELSE diterbitkan END, disetujui ="
        " CASE WHEN ?3 = 'ditetapkan' THEN coalesce(?6 ||"
        " strftime('T%H:%M:%SZ','now'), " SQ_NOW_SQL ") ELSE disetujui END,"
        " dipertimbangkan = CASE WHEN ?3 = 'dipertimbangkan' THEN"
        " coalesce(?6 || strftime('T%H:%M:%SZ','now'), " SQ_NOW_SQL ")"
        " ELSE dipertimbangkan END,"
        " tmt = coalesce(?4, tmt), sk_nomor = coalesce(?5, sk_nomor),"
        " tenggat = coalesce(?7, tenggat), ba_nomor = coalesce(?8,"
        " ba_nomor), catatan_kembali = coalesce(?9, catatan_kembali)"
        " WHERE nama = ?1 AND status = ?2",
    [S_PLAN_MOVES_EACH] = "SELECT " MOVE_COLS " FROM plan_move m JOIN plan p"
                          " ON p.id = m.plan_id WHERE p.nama = ?1 ORDER BY"
                          " m.rowid",
    [S_PLAN_DECIDE_TPK] =
        "UPDATE plan_move SET keputusan_tpk = ?3, catatan_tpk = ?4,"
        " jawaban_tpk = coalesce(?5, jawaban_tpk) WHERE nip = ?2 AND"
        " plan_id = (SELECT id FROM plan WHERE nama = ?1)",
    [S_PLAN_DECIDE_PPK] =
        "UPDATE plan_move SET keputusan_ppk = ?3, alasan_ppk = ?4"
        " WHERE nip = ?2 AND plan_id = (SELECT id FROM plan WHERE"
        " nama = ?1)",
    [S_PLAN_RESPOND] = "UPDATE plan_move SET tanggapan = ?3,"
                       " catatan_tanggapan = ?4, ditanggapi = " SQ_NOW_SQL
                       " WHERE nip = ?2 AND plan_id = (SELECT id FROM plan"
                       " WHERE nama = ?1)",
    [S_PLAN_RESPONSES_EACH] =
        "SELECT m.nip, m.tanggapan, m.catatan_tanggapan,"
        " m.ditanggapi FROM plan_move m JOIN plan p ON p.id"
        " = m.plan_id WHERE p.nama = ?1 AND m.tanggapan IS"
        " NOT NULL ORDER BY m.nip",
    [S_PLAN_ANSWER_PUT] =
        "INSERT OR REPLACE INTO plan_tanggapan (plan_id, nip, oleh,"
        " tanggapan, catatan, pada) SELECT id, ?2, ?3, ?4, ?5, " SQ_NOW_SQL
        " FROM plan WHERE nama = ?1",
    [S_PLAN_ANSWERS_EACH] = "SELECT t.nip, t.oleh, t.tanggapan, t.catatan,"
                            " t.pada FROM plan_tanggapan t JOIN plan p ON p.id"
                            " = t.plan_id WHERE p.nama = ?1 ORDER BY t.nip,"
                            " t.oleh",
    [S_PLAN_ACTORS_EACH] = "SELECT DISTINCT actor FROM audit WHERE entity ="
                           " 'plan' AND entity_id = ?1 AND action = ?2 ORDER"
                           " BY actor",
    [S_PLAN_COUNT_APPROVED] = "SELECT count(*) FROM plan WHERE status ="
                              " 'ditetapkan' AND substr(disetujui, 1, 4) ="
                              " printf('%04d', ?1)",
    [S_PLAN_COUNT_MINUTES] = "SELECT count(*) FROM plan WHERE ba_nomor IS NOT"
                             " NULL AND substr(dipertimbangkan, 1, 4) ="
                             " printf('%04d', ?1)",
    [S_USER_ADD] =
        "INSERT INTO app_user (login, password_hash, role, nip,"
        " unit, aktif, dibuat) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " SQ_NOW_SQL ")",
    [S_USER_GET] = "SELECT " USER_COLS " FROM app_user WHERE login = ?1",
    [S_USER_EACH] = "SELECT login, NULL, role, nip, unit, aktif, dibuat"
                    " FROM app_user ORDER BY login",
    [S_USER_SET_PASSWORD] =
        "UPDATE app_user SET password_hash = ?2 WHERE login = ?1",
    [S_USER_SET_ACTIVE] = "UPDATE app_user SET aktif = ?2 WHERE login = ?1",
    [S_SESSION_ADD] = "INSERT INTO session (token_hash, login, csrf_token,"
                      " dibuat, terakhir) VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_SESSION_GET] =
        "SELECT s.token_hash, s.csrf_token, s.dibuat, s.terakhir, u.login,"
        " u.password_hash, u.role, u.nip, u.unit, u.aktif, u.dibuat"
        " FROM session s JOIN app_user u ON u.login = s.login"
        " WHERE s.token_hash = ?1",
    [S_SESSION_TOUCH] = "UPDATE session SET terakhir = ?2 WHERE token_hash ="
                        " ?1",
    [S_SESSION_DELETE] = "DELETE FROM session WHERE token_hash = ?1",
    [S_SESSION_DELETE_LOGIN] = "DELETE FROM session WHERE login = ?1",
    [S_SETTING_GET] = "SELECT value FROM setting WHERE key = ?1",
    [S_SETTING_SET] = "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                      " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    [S_AUDIT_ADD] =
        "INSERT INTO audit (at, actor, entity, entity_id, action,"
        " before, after) VALUES (" SQ_NOW_SQL ", ?1, ?2, ?3, ?4, ?5, ?6)",
    [S_AUDIT_EACH] = "SELECT at, actor, entity, entity_id, action, before,"
                     " after FROM audit WHERE (?1 IS NULL OR entity = ?1)"
                     " AND (?2 IS NULL OR entity_id = ?2) ORDER BY id"
                     " LIMIT ?3",
    [S_REGISTER_FIND] = "SELECT sha256 FROM dokumen_register WHERE jenis = ?1"
                        " AND plan = ?2 AND coalesce(nip, '') ="
                        " coalesce(?3, '')",
    [S_REGISTER_ADD] = "INSERT INTO dokumen_register (nomor, tanggal, jenis,"
                       " plan, nip, sha256, pertama) VALUES (?1, ?2, ?3, ?4,"
                       " ?5, ?6, " SQ_NOW_SQL ")",
    [S_IZIN_ADD] = "INSERT INTO izin_mendagri (plan, masa_label, masa_dari,"
                   " masa_sampai, keputusan, nomor, tanggal, pejabat, oleh,"
                   " sha256, berkas, dicatat) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                   " ?7, ?8, ?9, ?10, ?11, strftime('%Y-%m-%dT%H:%M:%SZ',"
                   " 'now'))",
    [S_IZIN_GET] = "SELECT plan, masa_label, masa_dari, masa_sampai,"
                   " keputusan, nomor, tanggal, pejabat, oleh, sha256, berkas"
                   " FROM izin_mendagri WHERE plan = ?1",
    [S_REGISTER_EACH] = "SELECT nomor, tanggal, jenis, plan, nip, sha256,"
                        " pertama FROM dokumen_register ORDER BY id",
    [S_MOVE_SET_ST] = "UPDATE plan_move SET st_nomor = ?3 WHERE plan_id ="
                      " (SELECT id FROM plan WHERE nama = ?1) AND nip = ?2",
    [S_MOVE_GET_ST] = "SELECT m.st_nomor FROM plan_move m JOIN plan p ON"
                      " p.id = m.plan_id WHERE p.nama = ?1 AND m.nip = ?2",
    [S_COUNT_ST] = "SELECT count(*) FROM plan_move m JOIN plan p ON p.id ="
                   " m.plan_id WHERE m.st_nomor IS NOT NULL AND"
                   " substr(p.disetujui, 1, 4) = printf('%04d', ?1)",
    [S_REQUEST_STEP_FIND] = "SELECT catatan, pada FROM permohonan_langkah"
                            " WHERE permohonan_id = ?1 AND aksi = ?2 ORDER BY"
                            " id DESC LIMIT 1",
    [S_ACCOUNT_CHANGE_ADD] =
        "INSERT INTO akun_usulan (aksi, login, role, nip, unit, oleh, pada)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, " SQ_NOW_SQL ")",
    [S_ACCOUNT_CHANGE_GET] =
        "SELECT id, aksi, login, role, nip, unit, oleh, pada, status,"
        " diputus_oleh, diputus_pada, catatan FROM akun_usulan WHERE id = ?1",
    [S_ACCOUNT_CHANGE_CLOSE] =
        "UPDATE akun_usulan SET status = ?2, diputus_oleh = ?3, diputus_pada ="
        " " SQ_NOW_SQL ", catatan = ?4 WHERE id = ?1 AND status = 'menunggu'",
    [S_ACCOUNT_CHANGE_EACH] =
        "SELECT id, aksi, login, role, nip, unit, oleh, pada, status,"
        " diputus_oleh, diputus_pada, catatan FROM akun_usulan ORDER BY"
        " status <> 'menunggu', id DESC LIMIT ?1",
    [S_SIASN_ID_SET] = "INSERT INTO siasn_id (jenis, kode, siasn_id) VALUES"
                       " (?1, ?2, ?3) ON CONFLICT (jenis, kode) DO UPDATE"
                       " SET siasn_id = excluded.siasn_id",
    [S_SIASN_ID_GET] =
        "SELECT siasn_id FROM siasn_id WHERE jenis = ?1 AND kode = ?2",
    [S_SIASN_ID_FIND] =
        "SELECT kode FROM siasn_id WHERE jenis = ?1 AND siasn_id = ?2",
    [S_SIASN_ID_EACH] = "SELECT jenis, kode, siasn_id FROM siasn_id WHERE"
                        " ?1 IS NULL OR jenis = ?1 ORDER BY jenis, kode",
    /* store_sqlite_nodes.c */
    [S_THROTTLE_GET] = "SELECT gagal, terakhir, sampai FROM login_gagal"
                       " WHERE kunci = ?1",
    /* A stale key (wait over, last failure older than ?3 ms) starts
     * again at 1. */
    [S_THROTTLE_FAIL] =
        "INSERT INTO login_gagal (kunci, gagal, terakhir, sampai) VALUES"
        " (?1, 1, ?2, 0) ON CONFLICT (kunci) DO UPDATE SET gagal = CASE"
        " WHEN ?2 >= sampai AND ?2 - terakhir > ?3 THEN 1 ELSE gagal + 1"
        " END, sampai = CASE WHEN ?2 >= sampai AND ?2 - terakhir > ?3 THEN"
        " 0 ELSE sampai END, terakhir = ?2"
        " RETURNING gagal, terakhir, sampai",
    [S_THROTTLE_WAIT] = "UPDATE login_gagal SET sampai = max(sampai, ?2)"
                        " WHERE kunci = ?1",
    [S_THROTTLE_CLEAR] = "DELETE FROM login_gagal WHERE kunci = ?1",
    [S_THROTTLE_SWEEP] = "DELETE FROM login_gagal WHERE sampai <= ?1 AND"
                         " ?1 - terakhir > ?2",
    [S_LEASE_TAKE] =
        "INSERT INTO sewa (nama, pemegang, sampai) VALUES (?1, ?2, ?4)"
        " ON CONFLICT (nama) DO UPDATE SET pemegang = excluded.pemegang,"
        " sampai = excluded.sampai WHERE sewa.sampai <= ?3 OR"
        " sewa.pemegang = excluded.pemegang RETURNING pemegang",
    [S_LEASE_RELEASE] = "DELETE FROM sewa WHERE nama = ?1 AND pemegang = ?2",
};

void
sq_set_errmsg(struct store *st, const char *msg)
{
    free(st->errmsg);
    st->errmsg = xstrdup(msg);
}

/* A database another connection holds for longer than the busy timeout
 * (a long import, say): a state to wait out, not a failure. */
static enum err
busy(struct store *st)
{
    sq_set_errmsg(st, L_("basis data sedang sibuk (misalnya impor besar "
                         "berjalan); coba lagi sebentar lagi",
                         "the database is busy (a large import, say); try "
                         "again shortly"));
    return ERR_UNAVAILABLE;
}

static bool
is_busy(int code)
{
    code &= 0xff;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

enum err
sq_fail(struct store *st)
{
    if (is_busy(sqlite3_errcode(st->db))) {
        return busy(st);
    }
    sq_set_errmsg(st, sqlite3_errmsg(st->db));
    return ERR_DB;
}

const char *
store_sqlite_errmsg(const struct store *st)
{
    return st != NULL && st->errmsg != NULL ? st->errmsg : "";
}

static const struct store_ops sqlite_ops = {
    .busy_timeout = store_sqlite_busy_timeout,
    .cache_limit = store_sqlite_cache_limit,
    .close = store_sqlite_close,
    .reopen = store_sqlite_reopen,
    .errmsg = store_sqlite_errmsg,
    .migrate = store_sqlite_migrate,
    .check_schema = store_sqlite_check_schema,
    .schema_version = store_sqlite_schema_version,
    .backup = store_sqlite_backup,
    .backup_check = store_sqlite_backup_check,
    .restore = store_sqlite_restore,
    .begin = store_sqlite_begin,
    .commit = store_sqlite_commit,
    .rollback = store_sqlite_rollback,
    .bulk_begin = store_sqlite_bulk_begin,
    .bulk_end = store_sqlite_bulk_end,
    .unit_put = store_sqlite_unit_put,
    .unit_each = store_sqlite_unit_each,
    .unit_get = store_sqlite_unit_get,
    .jabatan_get = store_sqlite_jabatan_get,
    .jabatan_put = store_sqlite_jabatan_put,
    .jabatan_each = store_sqlite_jabatan_each,
    .beban_clear = store_sqlite_beban_clear,
    .beban_add = store_sqlite_beban_add,
    .beban_add_app = store_sqlite_beban_add_app,
    .beban_app_has = store_sqlite_beban_app_has,
    .beban_each = store_sqlite_beban_each,
    .beban_scan = store_sqlite_beban_scan,
    .beban_each_unit = store_sqlite_beban_each_unit,
    .pegawai_put = store_sqlite_pegawai_put,
    .kinerja_put = store_sqlite_kinerja_put,
    .kinerja_each = store_sqlite_kinerja_each,
    .kinerja_of = store_sqlite_kinerja_of,
    .kinerja_years = store_sqlite_kinerja_years,
    .batas_clear = store_sqlite_batas_clear,
    .batas_put = store_sqlite_batas_put,
    .batas_each = store_sqlite_batas_each,
    .pegawai_get = store_sqlite_pegawai_get,
    .pegawai_names = store_sqlite_pegawai_names,
    .pegawai_each = store_sqlite_pegawai_each,
    .staff_each = store_sqlite_staff_each,
    .posts_each = store_sqlite_posts_each,
    .permohonan_put = store_sqlite_permohonan_put,
    .permohonan_each = store_sqlite_permohonan_each,
    .unit_count_each = store_sqlite_unit_count_each,
    .plan_set_status = store_sqlite_plan_set_status,
    .plan_respond = store_sqlite_plan_respond,
    .plan_responses_each = store_sqlite_plan_responses_each,
    .plan_moves_each = store_sqlite_plan_moves_each,
    .plan_move_decide = store_sqlite_plan_move_decide,
    .plan_answer_put = store_sqlite_plan_answer_put,
    .plan_answers_each = store_sqlite_plan_answers_each,
    .plan_actors_each = store_sqlite_plan_actors_each,
    .plan_count_minutes = store_sqlite_plan_count_minutes,
    .request_actor = store_sqlite_request_actor,
    .plan_count_approved = store_sqlite_plan_count_approved,
    .plan_add = store_sqlite_plan_add,
    .plan_get = store_sqlite_plan_get,
    .plan_each = store_sqlite_plan_each,
    .pegawai_page = store_sqlite_pegawai_page,
    .riwayat_each = store_sqlite_riwayat_each,
    .unit_moves_each = store_sqlite_unit_moves_each,
    .unit_in_subtree = store_sqlite_unit_in_subtree,
    .audit_each = store_sqlite_audit_each,
    .request_create = store_sqlite_request_create,
    .request_get = store_sqlite_request_get,
    .request_step = store_sqlite_request_step,
    .request_open_of = store_sqlite_request_open_of,
    .request_each = store_sqlite_request_each,
    .document_add = store_sqlite_document_add,
    .document_each = store_sqlite_document_each,
    .document_get = store_sqlite_document_get,
    .document_review = store_sqlite_document_review,
    .user_add = store_sqlite_user_add,
    .user_get = store_sqlite_user_get,
    .user_set_password = store_sqlite_user_set_password,
    .user_set_active = store_sqlite_user_set_active,
    .user_each = store_sqlite_user_each,
    .account_change_add = store_sqlite_account_change_add,
    .account_change_get = store_sqlite_account_change_get,
    .account_change_close = store_sqlite_account_change_close,
    .account_change_each = store_sqlite_account_change_each,
    .session_add = store_sqlite_session_add,
    .session_get = store_sqlite_session_get,
    .session_touch = store_sqlite_session_touch,
    .session_delete = store_sqlite_session_delete,
    .data_version = store_sqlite_data_version,
    .setting_get = store_sqlite_setting_get,
    .setting_set = store_sqlite_setting_set,
    .audit_add = store_sqlite_audit_add,
    .izin_add = store_sqlite_izin_add,
    .izin_get = store_sqlite_izin_get,
    .register_find = store_sqlite_register_find,
    .register_add = store_sqlite_register_add,
    .register_each = store_sqlite_register_each,
    .move_set_st = store_sqlite_move_set_st,
    .move_get_st = store_sqlite_move_get_st,
    .count_st = store_sqlite_count_st,
    .request_step_find = store_sqlite_request_step_find,
    .siasn_id_set = store_sqlite_siasn_id_set,
    .siasn_id_get = store_sqlite_siasn_id_get,
    .siasn_id_find = store_sqlite_siasn_id_find,
    .siasn_id_each = store_sqlite_siasn_id_each,
    .siasn_kirim_get = store_sqlite_siasn_kirim_get,
    .siasn_kirim_put = store_sqlite_siasn_kirim_put,
    .siasn_kirim_each = store_sqlite_siasn_kirim_each,
    .throttle_get = store_sqlite_throttle_get,
    .throttle_fail = store_sqlite_throttle_fail,
    .throttle_wait = store_sqlite_throttle_wait,
    .throttle_clear = store_sqlite_throttle_clear,
    .throttle_sweep = store_sqlite_throttle_sweep,
    .lease_take = store_sqlite_lease_take,
    .lease_release = store_sqlite_lease_release,
};

struct store *
store_sqlite_unavailable(const char *msg)
{
    struct store *st = xcalloc(1, sizeof(*st));
    st->ops = &sqlite_ops;
    sq_set_errmsg(st, msg);
    return st;
}

static void
free_scratch(struct store *st)
{
    for (int i = 0; i < SQ_N_SCRATCH; i++) {
        free(st->scratch[i]);
        st->scratch[i] = NULL;
    }
}

void
sq_keep_strings(struct store *st, const char **const *fields, size_t n)
{
    free_scratch(st);
    for (size_t i = 0; i < n && i < SQ_N_SCRATCH; i++) {
        if (*fields[i] != NULL) {
            st->scratch[i] = xstrdup(*fields[i]);
            *fields[i] = st->scratch[i];
        }
    }
}

void
store_sqlite_close(struct store *st)
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
    sq_bulk_discard(st);
    free_scratch(st);
    free(st->errmsg);
    free(st);
}

enum err
sq_exec(struct store *st, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        sq_set_errmsg(st, msg ? msg : sqlite3_errmsg(st->db));
        sqlite3_free(msg);
        return is_busy(rc) ? busy(st) : ERR_DB;
    }
    return ERR_OK;
}

enum err
store_sqlite_open(const char *path, bool create, struct store **out)
{
    struct store *st = xcalloc(1, sizeof(*st));
    st->ops = &sqlite_ops;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    *out = st;
    if (!create && access(path, F_OK) != 0) {
        char msg[512];
        snprintf(msg, sizeof(msg),
                 L_("basis data %s tidak ada; buat dengan 'mutasi init'",
                    "database %s does not exist; create it with 'mutasi "
                    "init'"),
                 path);
        sq_set_errmsg(st, msg);
        return ERR_NOINPUT;
    }
    bool fresh = create && access(path, F_OK) != 0;
    if (sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        enum err rc = st->db ? sq_fail(st) : ERR_IO;
        return rc == ERR_DB ? ERR_IO : rc;
    }
    if (fresh) {
        /* Personal data: the owner's alone whatever the umask (issue 18).
         * SQLite gives the WAL and SHM files the database's mode, so this
         * comes before the first write; ':memory:' has no file. */
        (void)chmod(path, 0600);
    }
    sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
    /* A 256 MiB page cache keeps a large import's transaction in memory
     * instead of spilling pages to the WAL as it goes (2x faster on 200 000
     * employees); it is a ceiling, not an allocation. */
    if (sq_exec(st, "PRAGMA foreign_keys = ON;"
                    "PRAGMA journal_mode = WAL;"
                    "PRAGMA synchronous = NORMAL;"
                    "PRAGMA cache_size = -262144;") != ERR_OK) {
        return ERR_IO;
    }
    return ERR_OK;
}

/* A second reader's page cache: a scan reads each page once, so a
 * large cache would only add to the memory. */
#define REOPEN_CACHE_KIB 8192

enum err
store_sqlite_reopen(struct store *st, struct store **out)
{
    const char *path = st->db ? sqlite3_db_filename(st->db, "main") : NULL;
    if (path == NULL || path[0] == '\0') {
        *out = store_sqlite_unavailable(
            L_("basis data di memori tidak dapat dibuka dua kali",
               "an in-memory database cannot be opened twice"));
        return ERR_UNAVAILABLE;
    }
    if (st->in_tx) {
        /* The second handle would not see this one's writes yet. */
        *out = store_sqlite_unavailable(
            L_("transaksi sedang terbuka", "a transaction is open"));
        return ERR_UNAVAILABLE;
    }
    enum err rc = store_sqlite_open(path, false, out);
    if (rc == ERR_OK) {
        store_sqlite_cache_limit(*out, REOPEN_CACHE_KIB);
    }
    return rc;
}

void
store_sqlite_cache_limit(struct store *st, int kib)
{
    char sql[64];
    snprintf(sql, sizeof(sql), "PRAGMA cache_size = -%d", kib > 0 ? kib : 1);
    if (st->db != NULL && sq_exec(st, sql) != ERR_OK) {
        return; /* The default stays: more memory, same answers. */
    }
}

void
store_sqlite_busy_timeout(struct store *st, int ms)
{
    if (st->db != NULL) {
        sqlite3_busy_timeout(st->db, ms);
    }
}

enum err
sq_stmt(struct store *st, enum stmt_id id, sqlite3_stmt **out)
{
    if (st->db == NULL) {
        return ERR_UNAVAILABLE;
    }
    if (st->stmts[id] == NULL &&
        sqlite3_prepare_v3(st->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                           &st->stmts[id], NULL) != SQLITE_OK) {
        return sq_fail(st);
    }
    /* Resetting a statement that a caller up the stack is stepping through
     * would restart its loop: that caller must use another statement. */
    assert(!sqlite3_stmt_busy(st->stmts[id]));
    if (!st->flushing && (st->n_kin > 0 || st->batch[0].n_rows > 0 ||
                          st->batch[1].n_rows > 0 || st->batch[2].n_rows > 0)) {
        /* Rows of a bulk load wait: whatever runs now must see them. */
        enum err rc = sq_bulk_flush(st);
        if (rc != ERR_OK) {
            return rc;
        }
    }
    sqlite3_reset(st->stmts[id]);
    sqlite3_clear_bindings(st->stmts[id]);
    *out = st->stmts[id];
    return ERR_OK;
}

enum err
sq_step_reset(struct store *st, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? ERR_OK : sq_fail(st);
}

enum err
sq_step_reset_changed(struct store *st, sqlite3_stmt *s, enum err none,
                      const char *why)
{
    enum err rc = sq_step_reset(st, s);
    if (rc == ERR_OK && sqlite3_changes(st->db) == 0) {
        if (why != NULL) {
            sq_set_errmsg(st, why);
        }
        return none;
    }
    return rc;
}

enum err
sq_each_row(struct store *st, sqlite3_stmt *s, sq_row_fn *row, void *ctx)
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
        rc = sq_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

enum err
sq_one_row(struct store *st, sqlite3_stmt *s, sq_row_fn *row, void *ctx)
{
    enum err rc = ERR_OK;
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW) {
        rc = row(st, s, ctx);
    } else {
        rc = step == SQLITE_DONE ? ERR_NOTFOUND : sq_fail(st);
    }
    sqlite3_reset(s);
    return rc;
}

enum err
sq_get_one(struct store *st, enum stmt_id id, const char *key, sq_row_fn *row,
           void *ctx)
{
    sqlite3_stmt *s = NULL;
    enum err rc = sq_stmt(st, id, &s);
    if (rc != ERR_OK) {
        return rc;
    }
    sq_bind_text(s, 1, key);
    return sq_one_row(st, s, row, ctx);
}

void
sq_bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v == NULL) {
        sqlite3_bind_null(s, i);
    } else {
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    }
}

void
sq_bind_date(sqlite3_stmt *s, int i, int32_t day)
{
    char text[DATE_STR_LEN];
    if (day == DATE_NONE) {
        sqlite3_bind_null(s, i);
        return;
    }
    date_format(day, text);
    sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
}

void
sq_bind_coord(sqlite3_stmt *s, int i, double v)
{
    if (v == MODEL_COORD_NONE) {
        sqlite3_bind_null(s, i);
    } else {
        sqlite3_bind_double(s, i, v);
    }
}

const char *
sq_col_text(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
}

double
sq_col_coord(sqlite3_stmt *s, int i)
{
    if (sqlite3_column_type(s, i) == SQLITE_NULL) {
        return MODEL_COORD_NONE;
    }
    return sqlite3_column_double(s, i);
}

enum err
sq_col_date(struct store *st, sqlite3_stmt *s, int i, int32_t *out)
{
    const char *t = sq_col_text(s, i);
    if (t == NULL) {
        *out = DATE_NONE;
        return ERR_OK;
    }
    if (date_parse(t, strlen(t), out) != ERR_OK) {
        sq_set_errmsg(st, L_("tanggal rusak di basis data",
                             "damaged date in the database"));
        return ERR_DB;
    }
    return ERR_OK;
}

enum err
sq_col_enum(struct store *st, sqlite3_stmt *s, int i,
            const struct model_enum *e, int *out)
{
    const char *t = sq_col_text(s, i);
    int v = t ? model_enum_parse(e, t, strlen(t)) : -1;
    if (v < 0) {
        sq_set_errmsg(st, L_("nilai pilihan rusak di basis data",
                             "damaged enumeration value in the database"));
        return ERR_DB;
    }
    *out = v;
    return ERR_OK;
}

enum err
store_sqlite_begin(struct store *st)
{
    if (st->db == NULL) {
        return ERR_UNAVAILABLE;
    }
    enum err rc = sq_exec(st, "BEGIN IMMEDIATE");
    if (rc != ERR_OK) {
        return rc;
    }
    st->in_tx = true;
    return ERR_OK;
}

enum err
store_sqlite_commit(struct store *st)
{
    enum err rc = sq_bulk_flush(st);
    rc = rc == ERR_OK ? sq_exec(st, "COMMIT") : rc;
    if (rc == ERR_OK) {
        st->in_tx = false;
    }
    return rc;
}

void
store_sqlite_rollback(struct store *st)
{
    if (st != NULL && st->in_tx) {
        /* Failure here leaves SQLite to roll back on close. */
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        st->in_tx = false;
        memset(st->bulk, 0, sizeof(st->bulk)); /* The indexes came back. */
        sq_bulk_discard(st);
    }
}

enum err
store_sqlite_data_version(struct store *st, uint64_t *out)
{
    /* A read transaction brings the pager up to date with other
     * connections' commits before it is asked. */
    unsigned v = 0;
    bool own = !st->in_tx;
    enum err rc = own ? sq_exec(st, "BEGIN") : ERR_OK;
    rc =
        rc == ERR_OK ? sq_exec(st, "SELECT 1 FROM schema_version LIMIT 1") : rc;
    if (rc == ERR_OK &&
        sqlite3_file_control(st->db, "main", SQLITE_FCNTL_DATA_VERSION, &v) !=
            SQLITE_OK) {
        rc = sq_fail(st);
    }
    if (own) {
        enum err end = sq_exec(st, "COMMIT");
        (void)end; /* Only read: a failed end loses nothing. */
    }
    if (rc == ERR_OK) {
        *out = v;
    }
    return rc;
}
