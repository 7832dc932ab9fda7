/* SPDX-License-Identifier: MIT */
/* cli: global options, the command table and the dispatch to a command
 * (cli layer). What the commands share is in cli_util.c. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli_abk.h"
#include "cli_backup.h"
#include "cli_demo.h"
#include "cli_export.h"
#include "cli_gen.h"
#include "cli_import.h"
#include "cli_init.h"
#include "cli_plan.h"
#include "cli_projection.h"
#include "cli_retirements.h"
#include "cli_serve.h"
#include "cli_settings.h"
#include "cli_siasn.h"
#include "cli_sk.h"
#include "cli_solve.h"
#include "cli_summary.h"
#include "cli_user.h"
#include "cli_util.h"
#include "diag.h"
#include "progress.h"
#include "store.h"

#define MUTASI_VERSION "0.1.0"

struct cli_command {
    const char *name;
    int (*run)(const struct cli *c, int argc, char **argv);
    const char *synopsis;
    const char *brief_id; /* One line for the overview. */
    const char *brief_en;
    const char *help_id; /* Bahasa Indonesia. */
    const char *help_en; /* English. */
};

static const struct cli_command commands[] = {
    {"init", cli_init_run, "init", "membuat atau memperbarui basis data",
     "create or upgrade the database",
     "Membuat basis data atau memperbarui skemanya ke versi terbaru.\n"
     "Aman dijalankan berulang kali.\n\n"
     "Contoh:\n  mutasi --db mataram.db init\n",
     "Create the database or upgrade its schema to the newest version.\n"
     "Safe to run again.\n\n"
     "Example:\n  mutasi --db mataram.db init\n"},
    {"import", cli_import_run,
     "import [--replace-api-rows] BERKAS.csv... | import --from siasn "
     "[--dry-run] [-o BERKAS.csv|.xlsx] FOLDER | import --batas "
     "BERKAS.geojson",
     "memuat berkas CSV (semua atau tidak sama sekali)",
     "load CSV files (all or nothing)",
     "Memuat berkas CSV: unit, jabatan, beban, pegawai, permohonan (jenis\n"
     "dari awal nama berkas). Semua berkas dimuat dalam satu transaksi\n"
     "sesuai urutan ketergantungan: semua berhasil atau tidak ada yang\n"
     "berubah. Pemisah ',' atau ';' (desimal ',' boleh pada berkas ';'),\n"
     "UTF-8 dengan atau tanpa BOM. Kesalahan ditulis sebagai\n"
     "BERKAS:BARIS:KOLOM: pesan (paling banyak 50), keluar dengan kode 65.\n"
     "Baris beban yang dicatat lewat aplikasi (lonjakan yang dilaporkan\n"
     "kepala unit) dipertahankan dan disebut dalam peringatan; dengan\n"
     "--replace-api-rows baris itu ikut diganti isi berkas.\n\n"
     "--from siasn FOLDER memuat berkas SIASN BKN dari FOLDER:\n"
     "data_asn.csv (Export Data ASN; pemisah ',' ';' atau '|', tanggal\n"
     "d-m-Y), ref-unor.json (unit), ref-jabatan-fungsional.json,\n"
     "ref-jabatan-pelaksana.json dan ref-jabatan-struktural.json (boleh\n"
     "tidak ada). Id SIASN disimpan di samping kode kita; impor berikutnya\n"
     "memperbarui menurut id dan tidak menghapus yang tidak ada di SIASN\n"
     "(koordinat, beban, permohonan, kinerja). Berkas CSV kita di FOLDER\n"
     "(beban.csv, permohonan.csv, kinerja.csv ...) ikut dimuat. Pada berkas\n"
     "JSON, BARIS adalah nomor urut unsur daftar dan KOLOM nomor kuncinya.\n"
     "Jenis unit baru ditebak dari nama dan didaftar di stderr. Bila basis\n"
     "data sudah berisi pegawai, tabel rekonsiliasi (perubahan, nip,\n"
     "nama, sebelum, sesudah) ditulis ke stdout sebagai CSV, atau ke -o\n"
     "BERKAS (.xlsx: lembar kerja). --dry-run: periksa dan laporkan saja.\n"
     "--batas BERKAS.geojson memuat batas wilayah untuk peta dasbor: sebuah\n"
     "FeatureCollection GeoJSON berisi Polygon/MultiPolygon [bujur, lintang]\n"
     "dengan properti kode, nama, jenis (kelurahan|kecamatan, bawaan\n"
     "kelurahan), kecamatan_kode (wajib untuk kelurahan) dan kecamatan\n"
     "(nama, boleh kosong). Berkas baru menggantikan batas sebelumnya.\n\n"
     "Contoh:\n  mutasi import examples/*.csv\n"
     "  mutasi import --from siasn --dry-run siasn-2026-07\n"
     "  mutasi import --batas data/mataram/kelurahan_batas.geojson\n",
     "Load CSV files: unit, jabatan, beban, pegawai, permohonan (kind from\n"
     "the start of the file name). All files load in one transaction in\n"
     "dependency order: all succeed or nothing changes. Separator ',' or\n"
     "';' (decimal ',' allowed in ';' files), UTF-8 with or without BOM.\n"
     "Errors are printed as FILE:LINE:COLUMN: message (at most 50), exit\n"
     "code 65. Workload rows written through the app (surges reported by\n"
     "heads of unit) are kept and named in a warning; with\n"
     "--replace-api-rows the file replaces them too.\n\n"
     "--from siasn FOLDER loads BKN's SIASN files from FOLDER:\n"
     "data_asn.csv (the Export Data ASN; ',' ';' or '|' separated, d-m-Y\n"
     "dates), ref-unor.json (units), ref-jabatan-fungsional.json,\n"
     "ref-jabatan-pelaksana.json and ref-jabatan-struktural.json (each may\n"
     "be missing). SIASN's ids are kept beside our codes; a later import\n"
     "updates by id and never removes what SIASN lacks (coordinates,\n"
     "workload, requests, ratings). Our own CSV files in FOLDER\n"
     "(beban.csv, permohonan.csv, kinerja.csv ...) load too. In a JSON\n"
     "file LINE is the item's number in its list and COLUMN its key's.\n"
     "New units' kinds are guessed from their names and listed on stderr.\n"
     "When the database has employees, the reconciliation table\n"
     "(perubahan, nip, nama, sebelum, sesudah) goes to stdout as CSV, or\n"
     "to -o FILE (.xlsx: a spreadsheet). --dry-run: check and report only.\n"
     "--batas FILE.geojson loads the boundaries the dashboard map draws: a\n"
     "GeoJSON FeatureCollection of Polygon/MultiPolygon [longitude,\n"
     "latitude] with the properties kode, nama, jenis (kelurahan|kecamatan,\n"
     "default kelurahan), kecamatan_kode (required for a kelurahan) and\n"
     "kecamatan (its name, optional). A new file replaces the old ones.\n\n"
     "Example:\n  mutasi import examples/*.csv\n"
     "  mutasi import --from siasn --dry-run siasn-2026-07\n"
     "  mutasi import --batas data/mataram/kelurahan_batas.geojson\n"},
    {"export", cli_export_run,
     "export JENIS [--format csv|json|xlsx] [-o BERKAS] | export siasn "
     "RENCANA [-o BERKAS] [--xlsx BERKAS.xlsx]",
     "menulis satu jenis data sebagai CSV, JSON atau XLSX",
     "write one kind of data as CSV, JSON or XLSX",
     "Menulis data. JENIS:\n"
     "  unit, jabatan, beban, pegawai, permohonan (yang masih terbuka),\n"
     "  kinerja   data; CSV hasil ekspor dapat diimpor kembali menjadi\n"
     "            data yang sama (kolomnya tetap)\n"
     "  abk       analisis beban kerja per jabatan hari ini, dengan nama\n"
     "            unit dan jabatan di samping kodenya\n"
     "  plan:NAMA pindahan rencana tersimpan NAMA, dengan nama unit dan\n"
     "            jabatan; XLSX memuat juga penjelasan, tanggapan pegawai,\n"
     "            keputusan TPK dan PPK\n"
     "  register  dokumen yang diterbitkan (SK, petikan, surat tugas,\n"
     "            berita acara) dengan nomor, tanggal dan SHA-256\n"
     "  siasn RENCANA  pindahan rencana yang sudah ditetapkan PPK sebagai\n"
     "            rekaman SIASN (satu baris JSON per pindahan, bentuk\n"
     "            jabatan/unorjabatan/save; --xlsx juga daftar usul\n"
     "            mutasi). Tiap pegawai, unit dan jabatan tujuan serta\n"
     "            instansi harus punya id SIASN ('mutasi siasn id', 'mutasi\n"
     "            import --from siasn'); bila ada yang belum, semua ditolak\n"
     "            (keluar 65) dengan satu baris per id\n"
     "--format csv (bawaan), json, atau xlsx (lembar kerja untuk unit,\n"
     "beban, pegawai, permohonan, abk, plan:NAMA dan register; kode unit\n"
     "dan jabatan diberi nama, jenis pindah ditulis 'Atas permintaan\n"
     "sendiri' atau 'Penugasan').\n\n"
     "Contoh:\n  mutasi export pegawai -o pegawai.csv\n"
     "  mutasi export unit --format json\n"
     "  mutasi export abk --format xlsx -o abk.xlsx\n"
     "  mutasi export plan:rencana-2027 --format xlsx -o rencana.xlsx\n"
     "  mutasi export siasn rencana-2027 -o usul.jsonl --xlsx usul.xlsx\n",
     "Write data. KIND:\n"
     "  unit, jabatan, beban, pegawai, permohonan (open requests),\n"
     "  kinerja   data; exported CSV re-imports to the same data (its\n"
     "            columns are fixed)\n"
     "  abk       today's workload analysis by position, with the unit's\n"
     "            and the position's names beside their codes\n"
     "  plan:NAME the moves of saved plan NAME with unit and position\n"
     "            names; the XLSX also has the explanation, the employee's\n"
     "            answer, the TPK's and the PPK's decisions\n"
     "  register  the documents issued (SK, petikan, surat tugas, berita\n"
     "            acara) with number, date and SHA-256\n"
     "  siasn PLAN  the moves of a plan the PPK decided as SIASN records\n"
     "            (one JSON line per move, the shape of\n"
     "            jabatan/unorjabatan/save; --xlsx also a list of proposed\n"
     "            moves). Every employee, destination unit and position and\n"
     "            the instansi needs a SIASN id ('mutasi siasn id', 'mutasi\n"
     "            import --from siasn'); when one is missing all is refused\n"
     "            (exit 65) with one line per id\n"
     "--format csv (default), json, or xlsx (a workbook for unit, beban,\n"
     "pegawai, permohonan, abk, plan:NAME and register; unit and position\n"
     "codes have their names, the kind of move reads 'Atas permintaan\n"
     "sendiri' or 'Penugasan').\n\n"
     "Example:\n  mutasi export pegawai -o pegawai.csv\n"
     "  mutasi export unit --format json\n"
     "  mutasi export abk --format xlsx -o abk.xlsx\n"
     "  mutasi export plan:plan-2027 --format xlsx -o plan.xlsx\n"
     "  mutasi export siasn plan-2027 -o moves.jsonl --xlsx moves.xlsx\n"},
    {"gen", cli_gen_run,
     "gen --preset mataram|provinsi|nasional [--employees N] [--seed N] "
     "[--kurikulum merdeka|k13] [--format csv|siasn] -o FOLDER",
     "membuat data sintetis (lima berkas CSV dan README.txt)",
     "write a synthetic data set (five CSV files and README.txt)",
     "Menulis data sintetis yang realistis: unit nyata Kota Mataram dengan\n"
     "pegawai sintetis (mataram, sekitar 5 600 ASN), 10 kabupaten/kota NTB\n"
     "(provinsi, sekitar 60 000) atau seluruh negeri (nasional, sekitar 4,3\n"
     "juta). Seed yang sama menghasilkan berkas yang sama persis.\n"
     "--employees mengubah ukurannya. Jam pelajaran guru menurut\n"
     "--kurikulum (merdeka: Kurikulum Merdeka, k13: Kurikulum 2013).\n"
     "Bawaan: --seed 1 --kurikulum merdeka.\n"
     "--format siasn menulis unit, jabatan dan pegawai dalam bentuk berkas\n"
     "SIASN (data_asn.csv, ref-unor.json, ref-jabatan-*.json; id sintetis)\n"
     "beserta beban.csv, permohonan.csv dan kinerja.csv; impor dengan\n"
     "'import --from siasn FOLDER' memberi data yang sama.\n\n"
     "Contoh:\n  mutasi gen --preset mataram -o data-mataram\n"
     "  mutasi import data-mataram/*.csv\n",
     "Write a realistic synthetic data set: Kota Mataram's real units with\n"
     "synthetic staff (mataram, about 5 600), the 10 kab/kota of NTB\n"
     "(provinsi, about 60 000) or the whole nation (nasional, about 4.3\n"
     "million). The same seed gives the same bytes. --employees scales it.\n"
     "Teachers' lesson hours follow --kurikulum (merdeka: Kurikulum\n"
     "Merdeka, k13: Kurikulum 2013). Default: --seed 1 --kurikulum merdeka.\n"
     "--format siasn writes the units, positions and staff as SIASN's files\n"
     "(data_asn.csv, ref-unor.json, ref-jabatan-*.json; synthetic ids) with\n"
     "beban.csv, permohonan.csv and kinerja.csv; 'import --from siasn\n"
     "FOLDER' of them gives the same data.\n\n"
     "Example:\n  mutasi gen --preset mataram -o data-mataram\n"
     "  mutasi import data-mataram/*.csv\n"},
    {"demo", cli_demo_run, "demo [--seed N]",
     "membuat basis data demo Kota Mataram",
     "create the Kota Mataram demo "
     "database",
     "Membuat atau memperbarui basis data, lalu memuat data sintetis Kota\n"
     "Mataram (preset mataram), jam pelajaran guru menurut pengaturan\n"
     "kurikulum basis data itu. Lalu membuat satu akun per peran (pegawai,\n"
     "kepala_unit, bkpsdm, tpk, ppk, admin) dengan sandi baru dan mencetak\n"
     "alur demo dari login sampai SK: pegawai yang dipilih menurut aturan\n"
     "perencana (memenuhi syarat pindah atas permintaan sendiri, belum punya\n"
     "permohonan, dikabulkan rencana) dan unit yang diajukannya.\n\n"
     "Contoh:\n  mutasi --db demo.db demo\n",
     "Create or upgrade the database, then load the synthetic Kota Mataram\n"
     "data (the mataram preset), with teachers' hours by the database's\n"
     "setting kurikulum. Then make one account per role (pegawai,\n"
     "kepala_unit, bkpsdm, tpk, ppk, admin) with new passwords and print the\n"
     "walkthrough from login to decree: the employee the planner's rules\n"
     "chose (may move at own wish, no open request, granted by a plan) and\n"
     "the unit to ask for.\n\n"
     "Example:\n  mutasi --db demo.db demo\n"},
    {"abk", cli_abk_run,
     "abk [--unit KODE] [--by jabatan|unit|opd] [--as-of TANGGAL] "
     "[--format table|csv|json] [--codes]",
     "analisis beban kerja (kebutuhan, bezetting, EJ, PJ)",
     "workload analysis (need, staff, EJ, PJ)",
     "Analisis Beban Kerja per tanggal (bawaan hari ini): kebutuhan dari\n"
     "baris beban yang berlaku (tugas: menit / WKE; rombel; JP / 24 dengan\n"
     "aturan 24-40 JP; tetap), bezetting (pegawai yang belum pensiun dan\n"
     "tidak tugas belajar pada tanggal itu), selisih, EJ dan predikat PJ.\n"
     "--by unit menjumlah per unit, --by opd per OPD beserta unit di\n"
     "bawahnya; --unit membatasi pada subpohon unit itu. Pasangan yang\n"
     "punya pegawai tanpa baris beban tidak dianalisis (nilainya kosong).\n"
     "Tabel dan CSV memuat nama unit dan jabatan di samping kodenya;\n"
     "--codes hanya kode.\n\n"
     "Contoh:\n  mutasi abk --by opd\n"
     "  mutasi abk --unit 5271.DINKES --as-of 2026-12-01 --format json\n",
     "Workload analysis (ABK) as of a date (default today): need from the\n"
     "workload rows in force (tasks: minutes / WKE; rombel; JP / 24 with\n"
     "the 24-40 JP rule; fixed), staff in post (not retired, not on study\n"
     "leave on that date), gap, EJ and the PJ rating. --by unit sums per\n"
     "unit, --by opd per OPD with the units below it; --unit keeps that\n"
     "unit's subtree. Pairs with staff but no workload rows are not\n"
     "analysed (their values are empty). The table and the CSV give the\n"
     "unit's and the position's names beside their codes; --codes gives\n"
     "codes only.\n\n"
     "Example:\n  mutasi abk --by opd\n"
     "  mutasi abk --unit 5271.DINKES --as-of 2026-12-01 --format json\n"},
    {"retirements", cli_retirements_run,
     "retirements [--from TANGGAL] [--to TANGGAL] [--format table|csv|json]",
     "siapa pensiun kapan", "who retires when",
     "Pegawai yang TMT pensiunnya jatuh dalam [--from, --to], urut menurut\n"
     "TMT pensiun lalu NIP. BUP dari jabatan (override, guru 60, JPT 60,\n"
     "ahli madya 60, ahli utama 65, lainnya 58; semua pengaturan); TMT\n"
     "pensiun tanggal 1 bulan sesudah bulan lahir. Bawaan: setahun mulai\n"
     "hari ini.\n\n"
     "Contoh:\n  mutasi retirements --from 2027-01-01 --to 2027-12-31\n",
     "Employees whose TMT pensiun falls in [--from, --to], by TMT pensiun\n"
     "then NIP. BUP from the position (override, teachers 60, JPT 60, ahli\n"
     "madya 60, ahli utama 65, others 58; all settings); TMT pensiun is the\n"
     "1st of the month after the birth month. Default: one year from\n"
     "today.\n\n"
     "Example:\n  mutasi retirements --from 2027-01-01 --to 2027-12-31\n"},
    {"projection", cli_projection_run,
     "projection [--years N] [--as-of TANGGAL] [--by unit|opd] "
     "[--format table|csv|json]",
     "bezetting, kebutuhan dan pensiun per tahun",
     "staff, need and retirements year by year",
     "Untuk tiap unit (atau OPD) dan tiap tahun mulai tahun --as-of:\n"
     "pensiun tahun itu, bezetting sesudah pensiun s.d. akhir tahun,\n"
     "kebutuhan tetap (tanpa lonjakan) dan selisihnya. Hanya pasangan\n"
     "yang dianalisis. Bawaan: 5 tahun, per unit.\n\n"
     "Contoh:\n  mutasi projection --years 10 --by opd\n",
     "For each unit (or OPD) and each year from the --as-of year:\n"
     "retirements that year, staff after retirements to the year's end,\n"
     "the permanent need (no surges) and the gap. Analysed pairs only.\n"
     "Default: 5 years, per unit.\n\n"
     "Example:\n  mutasi projection --years 10 --by opd\n"},
    {"plan", cli_plan_run,
     "plan [--mode voluntary|directed|combined] [--as-of TANGGAL] "
     "[--max-moves N] [--max-km K] [--save NAMA] [--set KUNCI=NILAI]... "
     "[--format table|json] | plan list | plan show NAMA | plan publish NAMA "
     "[--tenggat TANGGAL] | plan consider NAMA --file BERKAS.csv [--close] "
     "[--ikutkan] | plan approve NAMA --tmt TANGGAL [--strike NIP=ALASAN]... "
     "[--ikutkan] [--izin-mendagri NOMOR --izin-tanggal TANGGAL --izin-file "
     "BERKAS.pdf] | plan return NAMA --note CATATAN | plan rerun NAMA --save "
     "NAMA_BARU | plan minutes NAMA -o BERKAS.pdf",
     "merencanakan mutasi (permohonan, lalu penugasan)",
     "plan transfers (requests, then directed moves)",
     "Merencanakan mutasi per tanggal (bawaan hari ini) dari ABK:\n"
     "voluntary mengabulkan permohonan pindah (APS) menurut urutan\n"
     "prioritas bila tidak ada unit yang dirugikan, termasuk tukar dan\n"
     "rantai; directed mengisi kekurangan yang tersisa dengan penugasan\n"
     "paling sedikit dan paling dekat (aliran biaya minimum, optimal);\n"
     "combined (bawaan) menjalankan keduanya. --max-moves dan --max-km\n"
     "membatasi penugasan; --set KUNCI=NILAI mengganti pengaturan untuk\n"
     "rencana ini saja; --save NAMA menyimpannya. 'plan list' dan\n"
     "'plan show NAMA' membaca rencana tersimpan. Jalan menuju keputusan:\n"
     "'plan publish' (BKPSDM; pegawai dan kepala OPD penerima menanggapi),\n"
     "'plan consider' (TPK: setuju/tolak tiap pindahan dan jawaban atas\n"
     "keberatan; --close menutup sidang dan memberi nomor berita acara),\n"
     "'plan minutes' (berita acara PDF), 'plan approve' (PPK: dicek ulang\n"
     "pada data hari ini, pindahan masuk riwayat mulai TMT, SK diberi\n"
     "nomor) atau 'plan return'. Keputusan hari ini di dalam masa tenang\n"
     "(pengaturan masa_tenang) yang mengganti pejabat (JPT, administrator,\n"
     "pengawas, jabatan_kepala) ditolak (keluar 65) kecuali disertai\n"
     "persetujuan tertulis Mendagri: --izin-mendagri NOMOR --izin-tanggal\n"
     "TANGGAL --izin-file BERKAS.pdf. 'plan rerun' menjalankan ulang rencana\n"
     "dengan keputusan TPK yang ada. Shell bertindak sebagai cli:$USER; akun\n"
     "yang ikut sidang TPK tidak menetapkan. 'mutasi explain'\n"
     "menjelaskan tiap pegawai; 'mutasi export plan:NAMA' menulis CSV.\n\n"
     "Contoh:\n  mutasi plan --mode directed --as-of 2027-01-01\n"
     "  mutasi plan --save rencana-2027 --format json\n"
     "  mutasi plan show rencana-2027\n",
     "Plan transfers as of a date (default today) from the workload\n"
     "analysis: voluntary grants transfer requests (APS) in priority\n"
     "order where no unit is hurt, with swaps and chains; directed covers\n"
     "the remaining shortages with the fewest, shortest assignments\n"
     "(min-cost flow, optimal); combined (the default) runs both.\n"
     "--max-moves and --max-km bound the directed part; --set KEY=VALUE\n"
     "overrides a setting for this plan only; --save NAME stores it.\n"
     "'plan list' and 'plan show NAME' read saved plans. The way to a\n"
     "decision: 'plan publish' (BKPSDM; the employees and receiving heads\n"
     "answer), 'plan consider' (the TPK: setuju/tolak per move and answers\n"
     "to objections; --close ends the session and numbers the minutes),\n"
     "'plan minutes' (the minutes as PDF), 'plan approve' (the PPK: checked\n"
     "again on today's data, moves enter the history from the TMT, the\n"
     "decree is numbered) or 'plan return'. A decision taken today inside\n"
     "an election period (setting masa_tenang) that replaces officials\n"
     "(JPT, administrator, pengawas, jabatan_kepala) is refused (exit 65)\n"
     "unless it carries the Minister of Home Affairs' written approval:\n"
     "--izin-mendagri NUMBER --izin-tanggal DATE --izin-file FILE.pdf.\n"
     "'plan rerun' runs the plan\n"
     "again with the TPK's decisions kept. The shell acts as cli:$USER;\n"
     "an account of the TPK's session does not decide. 'mutasi explain'\n"
     "explains each employee; 'mutasi export plan:NAME' writes CSV.\n\n"
     "Example:\n  mutasi plan --mode directed --as-of 2027-01-01\n"
     "  mutasi plan --save plan-2027 --format json\n"
     "  mutasi plan show plan-2027\n"},
    {"explain", cli_explain_run, "explain RENCANA NIP [--format text|json]",
     "mengapa pegawai dipindah atau tidak", "why an employee moves or stays",
     "Menjelaskan, untuk rencana tersimpan, mengapa pegawai NIP dipindah\n"
     "(kelebihan di unit asal, kekurangan di tujuan, jarak, jatuh tempo\n"
     "rotasi, permohonannya, nilai bagi rencana) atau tidak (aturan yang\n"
     "tidak dipenuhi, tidak ada kekurangan terjangkau, calon lain lebih\n"
     "murah), dengan kode alasan.\n\n"
     "Contoh:\n  mutasi explain rencana-2027 198501012010011001\n",
     "Explain, for a saved plan, why employee NIP moves (surplus at the\n"
     "origin, shortage at the destination, distance, rotation due, their\n"
     "request, value to the plan) or stays (the rule not met, no shortage\n"
     "within reach, others cheaper), with reason codes.\n\n"
     "Example:\n  mutasi explain plan-2027 198501012010011001\n"},
    {"siasn", cli_siasn_run,
     "siasn id JENIS KODE ID | ids | pull --config BERKAS -o FOLDER "
     "[--nip NIP]... | push RENCANA --config BERKAS",
     "id SIASN dan klien API SIASN (tarik data, kirim usul mutasi)",
     "SIASN ids and the SIASN API client (pull data, push moves)",
     "id JENIS KODE ID: mencatat id SIASN (32 digit heksadesimal) sebuah\n"
     "instansi (kode unit akar), unit, jabatan atau pegawai (NIP). ids:\n"
     "daftar id SIASN sebagai CSV (jenis,kode,siasn_id).\n"
     "pull: membaca ref-unor, data utama dan riwayat jabatan pegawai dari\n"
     "API SIASN ke FOLDER (berkas untuk 'mutasi import --from siasn').\n"
     "push RENCANA: mengirim usul mutasi rencana yang sudah ditetapkan\n"
     "(rekaman yang sama dengan 'export siasn') ke jabatan/unorjabatan/save;\n"
     "setiap jawaban dicatat: yang sudah terkirim tidak dikirim lagi, yang\n"
     "gagal dikirim ulang pada push berikutnya.\n"
     "BERKAS konfigurasi: baris 'kunci = nilai' (base_url, token_url,\n"
     "client_id, client_secret, sso_url, sso_client_id, username, password,\n"
     "timeout); rahasia tidak pernah dicetak. Keluar 65: usul ditolak atau\n"
     "konfigurasi salah; 69: SIASN tidak dapat dihubungi; 77: kredensial\n"
     "ditolak.\n\n"
     "Contoh:\n  mutasi siasn id unit DISDIK 8ae483a5b2f3c4d5e6f708192a3b4c5d\n"
     "  mutasi siasn push rencana-2027 --config siasn.conf\n",
     "id KIND CODE ID: record the SIASN id (32 hex digits) of an instansi\n"
     "(the root unit's code), unit, jabatan or employee (NIP). ids: the\n"
     "SIASN ids as CSV (jenis,kode,siasn_id).\n"
     "pull: read ref-unor and the employees' main data and position history\n"
     "from the SIASN API into FOLDER (files for 'mutasi import --from\n"
     "siasn').\n"
     "push PLAN: send the moves of a decided plan (the records of 'export\n"
     "siasn') to jabatan/unorjabatan/save; each answer is recorded: a move\n"
     "sent is never sent again, a failed one is sent again by the next push.\n"
     "Configuration FILE: 'key = value' lines (base_url, token_url,\n"
     "client_id, client_secret, sso_url, sso_client_id, username, password,\n"
     "timeout); secrets are never printed. Exit 65: moves refused or a bad\n"
     "configuration; 69: SIASN cannot be reached; 77: credentials refused.\n\n"
     "Example:\n  mutasi siasn id unit DISDIK "
     "8ae483a5b2f3c4d5e6f708192a3b4c5d\n"
     "  mutasi siasn push plan-2027 --config siasn.conf\n"},
    {"sk", cli_sk_run, "sk RENCANA [--nip NIP | --laporan] -o BERKAS.pdf",
     "surat keputusan mutasi (PDF) dari rencana yang disetujui",
     "the transfer decree (PDF) of an approved plan",
     "Menulis Keputusan mutasi (A4, PDF) sebuah rencana yang sudah disetujui:\n"
     "keputusan kolektif dengan Lampiran daftar pindahan, atau dengan --nip\n"
     "Petikan untuk satu pegawai (surat tugas untuk penugasan sementara).\n"
     "Kop, penanda tangan dan tempat diatur di pengaturan sk_*.\n"
     "Dengan --laporan: laporan kepada Menteri Dalam Negeri atas keputusan\n"
     "yang mengganti pejabat dalam masa tenang (pengaturan masa_tenang),\n"
     "paling lambat 7 hari kerja (Senin-Jumat; hari libur nasional tidak\n"
     "dikenal sistem) sesudah keputusan.\n\n"
     "Contoh:\n  mutasi sk rencana-2027 -o sk.pdf\n"
     "  mutasi sk rencana-2027 --nip 197001012000011001 -o petikan.pdf\n"
     "  mutasi sk rencana-2027 --laporan -o laporan-mendagri.pdf\n",
     "Write the transfer decree (A4, PDF) of an approved plan: the batch\n"
     "decree with its Lampiran of moves, or with --nip one employee's\n"
     "Petikan (a surat tugas for a temporary assignment). Letterhead,\n"
     "signatory and place are the sk_* settings.\n"
     "With --laporan: the report to the Minister of Home Affairs on a\n"
     "decision that replaced officials inside an election period (setting\n"
     "masa_tenang), due within 7 working days (Monday-Friday; national\n"
     "holidays are not known to the system) after the decision.\n\n"
     "Example:\n  mutasi sk plan-2027 -o sk.pdf\n"
     "  mutasi sk plan-2027 --nip 197001012000011001 -o extract.pdf\n"
     "  mutasi sk plan-2027 --laporan -o report-mendagri.pdf\n"},
    {"solve-mcf", cli_solve_run, "solve-mcf BERKAS [--solver ns|cs|auto]",
     "menyelesaikan aliran biaya minimum (DIMACS)",
     "solve a min-cost flow (DIMACS)",
     "Menyelesaikan masalah aliran biaya minimum dalam format DIMACS\n"
     "(baris c, p min NODES ARCS, n ID SUPPLY, a TAIL HEAD LOW CAP COST)\n"
     "dengan pemecah milik perencana. Mencetak 'cost N' (keluar 0) atau\n"
     "'infeasible' (keluar 65).\n\n"
     "  --solver ns    network simplex (pemecah perencana)\n"
     "  --solver cs    cost scaling (push-relabel)\n"
     "  --solver auto  cs mulai 1,5 juta busur, selain itu ns (bawaan)\n\n"
     "Contoh:\n  mutasi solve-mcf masalah.min\n"
     "  mutasi solve-mcf --solver cs besar.min\n",
     "Solve a min-cost flow problem in DIMACS format (lines c, p min NODES\n"
     "ARCS, n ID SUPPLY, a TAIL HEAD LOW CAP COST) with the planner's own\n"
     "solvers. Prints 'cost N' (exit 0) or 'infeasible' (exit 65).\n\n"
     "  --solver ns    network simplex (the planner's solver)\n"
     "  --solver cs    cost scaling (push-relabel)\n"
     "  --solver auto  cs from 1.5 million arcs, ns below (default)\n\n"
     "Example:\n  mutasi solve-mcf problem.min\n"
     "  mutasi solve-mcf --solver cs big.min\n"},
    {"settings", cli_settings_run,
     "settings get [KUNCI] | settings set KUNCI "
     "NILAI | settings set KUNCI --file BERKAS",
     "membaca atau mengubah pengaturan", "read or change the settings",
     "Membaca atau mengubah pengaturan (nilai bawaan dari aturan).\n"
     "'settings get' menulis semua pengaturan sebagai kunci=nilai.\n\n"
     "Pengaturan daftar (sk_mengingat, sk_tembusan) berisi satu butir per\n"
     "baris; --file membaca nilai dari berkas, untuk sk_lambang sebuah PNG\n"
     "(ditolak dengan keluar 65 bila bukan PNG).\n\n"
     "Contoh:\n  mutasi settings get wke_menit\n"
     "  mutasi settings set wke_menit 72000\n"
     "  mutasi settings set sk_lambang --file lambang.png\n",
     "Read or change the settings (defaults from the rules).\n"
     "'settings get' prints every setting as key=value.\n\n"
     "List settings (sk_mengingat, sk_tembusan) hold one item per line;\n"
     "--file reads the value from a file, for sk_lambang a PNG (refused\n"
     "with exit 65 when it is not one).\n\n"
     "Example:\n  mutasi settings get wke_menit\n"
     "  mutasi settings set wke_menit 72000\n"
     "  mutasi settings set sk_lambang --file lambang.png\n"},
    {"backup", cli_backup_run, "backup BERKAS",
     "menyalin basis data selagi dipakai", "copy the database while in use",
     "Menyalin seluruh basis data ke BERKAS baru (izin 0600) selagi server\n"
     "berjalan dan menulis: salinan adalah keadaan basis data pada satu\n"
     "saat. BERKAS yang sudah ada tidak ditimpa. Dicatat di log audit.\n"
     "Jadwalkan dengan cron, misalnya setiap malam pukul 01.00:\n"
     "  0 1 * * * mutasi --db /srv/mutasi/mutasi.db backup "
     "/srv/cadangan/mutasi-$(date +\\%F).db\n\n"
     "Contoh:\n  mutasi --db mataram.db backup cadangan-2026-12-06.db\n",
     "Copy the whole database into a new FILE (mode 0600) while a server\n"
     "runs and writes: the copy is the database as of one moment. An\n"
     "existing FILE is never overwritten. Recorded in the audit log.\n"
     "Schedule it with cron, for instance every night at 01:00:\n"
     "  0 1 * * * mutasi --db /srv/mutasi/mutasi.db backup "
     "/srv/backup/mutasi-$(date +\\%F).db\n\n"
     "Example:\n  mutasi --db mataram.db backup backup-2026-12-06.db\n"},
    {"restore", cli_restore_run, "restore BERKAS [--force]",
     "memulihkan basis data dari cadangan",
     "restore the database from a backup",
     "Memulihkan basis data (--db) dari cadangan BERKAS. Cadangan diperiksa\n"
     "dulu: utuh (integrity_check) dan skemanya tidak lebih baru dari\n"
     "program ini; skema lama diperbarui sesudahnya. Basis data yang sudah\n"
     "berisi tidak ditimpa tanpa --force. Hentikan server lebih dulu.\n"
     "Dicatat di log audit basis data hasil pemulihan.\n\n"
     "Contoh:\n  mutasi --db mataram.db restore cadangan-2026-12-06.db "
     "--force\n",
     "Restore the database (--db) from the backup FILE. The backup is\n"
     "checked first: whole (integrity_check) and not of a newer schema than\n"
     "this program knows; an older schema is upgraded afterwards. A\n"
     "database that holds data is not replaced without --force. Stop the\n"
     "server first. Recorded in the audit log of the restored database.\n\n"
     "Example:\n  mutasi --db mataram.db restore backup-2026-12-06.db "
     "--force\n"},
    {"summary", cli_summary_run, "summary", "ringkasan pegawai per OPD",
     "staff per OPD",
     "Ringkasan per OPD: jumlah unit, pegawai menurut status, dan\n"
     "permohonan pindah yang terbuka.\n\n"
     "Contoh:\n  mutasi --db demo.db summary\n",
     "Summary per OPD: units, staff by status and open transfer requests.\n\n"
     "Example:\n  mutasi --db demo.db summary\n"},
    {"serve", cli_serve_run,
     "serve [--listen ALAMAT:PORT] [--threads N] [--secure-cookie] "
     "[--max-conns N] [--max-conns-per-ip N] [--header-timeout DETIK] "
     "[--log BERKAS] [--trusted-proxy ALAMAT[,ALAMAT...]]",
     "menjalankan aplikasi web dan API JSON", "run the web app and JSON API",
     "Menjalankan aplikasi web dan API JSON (bawaan 127.0.0.1:8080) sampai\n"
     "dihentikan dengan Ctrl-C atau SIGTERM. Masuk dengan akun dari\n"
     "'mutasi user add' atau 'mutasi demo'. --secure-cookie menandai\n"
     "cookie sesi Secure (di belakang HTTPS).\n"
     "--max-conns N (bawaan 1000) membatasi sambungan sekaligus;\n"
     "--max-conns-per-ip N (bawaan 64) membatasi sambungan per alamat:\n"
     "lewat batas itu dijawab 503 kecuali membawa sesi, dan lewat dua kali\n"
     "batas itu ditutup saat diterima. --header-timeout DETIK (bawaan 10)\n"
     "adalah batas waktu kepala permintaan, yang tidak diperpanjang oleh\n"
     "klien yang mengirim sedikit demi sedikit (408 lalu ditutup).\n"
     "--log BERKAS menulis satu baris per permintaan (waktu UTC, alamat,\n"
     "pengguna, metode, jalur tanpa nilai kueri, status, bita, ms) dan\n"
     "sebab setiap kesalahan 5xx (baris ERROR); SIGHUP membukanya lagi\n"
     "sesudah logrotate memindahkannya.\n"
     "--trusted-proxy ALAMAT,... menyebut penyeimbang beban di depan\n"
     "(HAProxy): dari alamat itu saja alamat klien diambil dari\n"
     "X-Forwarded-For (untuk batas masuk dan log), dan alamat itu tidak\n"
     "dikenai batas sambungan per alamat. GET /api/health menjawab 200\n"
     "selama basis data terjangkau, 503 bila tidak (pemeriksaan HAProxy).\n\n"
     "Contoh:\n  mutasi --db demo.db serve --listen 127.0.0.1:8080\n",
     "Run the web app and JSON API (default 127.0.0.1:8080) until stopped\n"
     "with Ctrl-C or SIGTERM. Log in with accounts from 'mutasi user add'\n"
     "or 'mutasi demo'. --secure-cookie marks the session cookie Secure\n"
     "(behind HTTPS).\n"
     "--max-conns N (default 1000) caps connections at once;\n"
     "--max-conns-per-ip N (default 64) caps connections per address: past\n"
     "it a request is answered 503 unless it carries a session, and past\n"
     "twice it the connection is closed at accept. --header-timeout SECONDS\n"
     "(default 10) is the deadline of a request's headers, which a client\n"
     "sending a little at a time does not extend (408, then closed).\n"
     "--log FILE writes one line per request (UTC time, address, user,\n"
     "method, path without query values, status, bytes, ms) and the cause\n"
     "of every 5xx (ERROR lines); SIGHUP opens it again after logrotate\n"
     "moved it.\n"
     "--trusted-proxy ADDRESS,... names the load balancers in front\n"
     "(HAProxy): only from those addresses is the client's address taken\n"
     "from X-Forwarded-For (for the login limit and the log), and they are\n"
     "spared the per-address connection cap. GET /api/health answers 200\n"
     "while the database is reachable, 503 when not (HAProxy's check).\n\n"
     "Example:\n  mutasi --db demo.db serve --listen 127.0.0.1:8080\n"},
    {"user", cli_user_run,
     "user add LOGIN --role PERAN [--nip NIP] [--unit KODE] | user "
     "passwd|disable|enable LOGIN | user list",
     "akun aplikasi web", "accounts of the web app",
     "Mengelola akun aplikasi web. Peran: pegawai (perlu --nip),\n"
     "kepala_unit (perlu --unit), bkpsdm, tpk, ppk, admin. Kata sandi\n"
     "dibaca dari masukan standar (satu baris, paling sedikit 10 karakter);\n"
     "bila tidak ada, dibuat acak dan dicetak. Sandi disimpan sebagai hash\n"
     "argon2id; mengganti sandi atau menonaktifkan akun mengakhiri semua\n"
     "sesinya. Setiap perubahan dicatat di log audit.\n\n"
     "Contoh:\n  mutasi user add ani --role bkpsdm\n"
     "  echo 'sandi-rahasia-1' | mutasi user passwd ani\n",
     "Manage the accounts of the web app. Roles: pegawai (needs --nip),\n"
     "kepala_unit (needs --unit), bkpsdm, tpk, ppk, admin. The password is\n"
     "read from standard input (one line, at least 10 characters); when\n"
     "there is none, a random one is made and printed. Passwords are kept\n"
     "as argon2id hashes; a new password or disabling an account ends all\n"
     "its sessions. Every change is written to the audit log.\n\n"
     "Example:\n  mutasi user add ani --role bkpsdm\n"
     "  echo 'secret-pass-1' | mutasi user passwd ani\n"},
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void
print_overview(FILE *f)
{
    fprintf(f, "%s",
            L_("mutasi: sistem informasi mutasi ASN berbasis beban kerja\n\n"
               "Pemakaian: mutasi [--db TARGET] [--quiet] PERINTAH [OPSI]\n\n"
               "TARGET: berkas SQLite (bawaan mutasi.db atau $MUTASI_DB).\n"
               "--quiet: tanpa baris kemajuan (impor, gen, ekspor, rencana\n"
               "menampilkannya di terminal: jumlah, laju, sisa waktu).\n\n"
               "Perintah:\n",
               "mutasi: workload-based civil-servant transfer system\n\n"
               "Usage: mutasi [--db TARGET] [--quiet] COMMAND [OPTIONS]\n\n"
               "TARGET: a SQLite file (default mutasi.db or $MUTASI_DB).\n"
               "--quiet: no progress line (import, gen, export and plan show\n"
               "one on a terminal: count, rate, time left).\n\n"
               "Commands:\n"));
    for (size_t i = 0; i < N_COMMANDS; i++) {
        fprintf(f, "  %-10s %s\n", commands[i].name,
                L_(commands[i].brief_id, commands[i].brief_en));
    }
    fprintf(f, "%s",
            L_("\n'mutasi PERINTAH --help' menjelaskan tiap perintah.\n",
               "\n'mutasi COMMAND --help' explains each command.\n"));
}

static bool
wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            return true;
        }
        if (strcmp(argv[i], "--") == 0) {
            break;
        }
    }
    return false;
}

static int
run_command(const struct cli *c, int argc, char **argv)
{
    for (size_t i = 0; i < N_COMMANDS; i++) {
        const struct cli_command *cmd = &commands[i];
        if (strcmp(argv[0], cmd->name) != 0) {
            continue;
        }
        if (wants_help(argc, argv)) {
            printf(L_("Pemakaian: mutasi [--db TARGET] %s\n\n%s",
                      "Usage: mutasi [--db TARGET] %s\n\n%s"),
                   cmd->synopsis, L_(cmd->help_id, cmd->help_en));
            return 0;
        }
        return cmd->run(c, argc, argv);
    }
    cli_error(L_("perintah '%s' tidak dikenal; lihat 'mutasi --help'",
                 "unknown command '%s'; see 'mutasi --help'"),
              argv[0]);
    return cli_exit(ERR_USAGE);
}

/* The actor named in the audit log for shell commands. */
static const char *
shell_actor(struct buf *b)
{
    const char *user = getenv("USER");
    if (buf_addf(b, "cli:%s", user && *user ? user : "unknown") != ERR_OK) {
        abort(); /* No cap. */
    }
    return buf_str(b);
}

int
cli_main(int argc, char **argv)
{
    struct cli c = {getenv("MUTASI_DB"), NULL, NULL};
    struct buf actor;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            c.db = argv[++i];
        } else if (strcmp(argv[i], "--db") == 0) {
            cli_error("%s", L_("opsi --db memerlukan TARGET (berkas SQLite "
                               "atau URL postgresql://)",
                               "option --db needs a TARGET (a SQLite file or "
                               "a postgresql:// URL)"));
            return cli_exit(ERR_USAGE);
        } else if (strncmp(argv[i], "--db=", 5) == 0) {
            c.db = argv[i] + 5;
        } else if (strcmp(argv[i], "--help") == 0 ||
                   strcmp(argv[i], "-h") == 0) {
            print_overview(stdout);
            return 0;
        } else if (strcmp(argv[i], "--quiet") == 0 ||
                   strcmp(argv[i], "-q") == 0) {
            progress_allow(false);
        } else if (strcmp(argv[i], "--version") == 0) {
            printf("mutasi %s\n", MUTASI_VERSION);
            return 0;
        } else {
            cli_error(L_("opsi '%s' tidak dikenal; lihat 'mutasi --help'",
                         "unknown option '%s'; see 'mutasi --help'"),
                      argv[i]);
            return cli_exit(ERR_USAGE);
        }
    }
    if (i == argc) {
        print_overview(stderr);
        return cli_exit(ERR_USAGE);
    }
    if (c.db == NULL || *c.db == '\0') {
        c.db = "mutasi.db";
    }
    static char shown[1024];
    store_target_shown(c.db, shown, sizeof(shown));
    c.db_shown = shown;
    buf_init(&actor, 0);
    c.actor = shell_actor(&actor);
    int code = run_command(&c, argc - i, argv + i);
    buf_cleanup(&actor);
    return code;
}
