// SPDX-License-Identifier: MIT
// Transfer plans (contract sections 5 and 7): the saved plans and the
// form that runs the planner (PlanList), one plan with its effect on the
// workload, its moves and their explanations, the answers of the
// employees and of the receiving heads, the step of the caller's role on
// the way to a decision (pages/plan_decision.jsx) and the downloads
// (PlanPage; a head of unit sees the moves into and out of their OPD and
// answers for those into it), and two plans side by side (PlanCompare). Shared pieces for the employee's own proposals
// (pages/proposals.jsx) are exported too.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { post, qs } from '../api.js';
import { date, has, num, strings, t } from '../i18n.js';
import { actorText } from '../vocab.js';
import {
  Async,
  Card,
  ChartView,
  Field,
  Gap,
  go,
  href,
  jabatanName,
  Loading,
  Notice,
  Page,
  Pj,
  Table,
  toast,
  unitName,
  useApi,
  useSession,
} from '../ui.jsx';
import {
  HeadAnswer,
  headAnswers,
  objected,
  planPath,
  PublishForm,
  RerunForm,
  StatusNote,
  todayIso,
  usePpk,
  useTpk,
} from './plan_decision.jsx';
import { PeriodNotice } from './masa_tenang.jsx';

strings({
  id: {
    pl_list_title: 'Perencanaan Mutasi',
    pl_saved: 'Rencana tersimpan',
    pl_saved_empty: 'Belum ada rencana. Jalankan perencanaan untuk membuat rencana pertama.',
    pl_col_name: 'Nama',
    pl_col_mode: 'Mode',
    pl_col_as_of: 'Per tanggal',
    pl_col_status: 'Status',
    pl_col_dibuat: 'Dibuat',
    pl_col_dibuat_oleh: 'Oleh',
    pl_col_tmt: 'TMT',
    pl_col_sk: 'Nomor SK',
    pl_mode_combined: 'Gabungan (APS lalu penugasan)',
    pl_mode_voluntary: 'Sukarela (permohonan APS saja)',
    pl_mode_directed: 'Terarah (penugasan saja)',
    pl_status_draf: 'Draf',
    pl_status_diterbitkan: 'Diterbitkan ke pegawai',
    pl_status_dipertimbangkan: 'Dipertimbangkan TPK',
    pl_status_ditetapkan: 'Ditetapkan',
    pl_status_dikembalikan: 'Dikembalikan ke BKPSDM',
    pl_waiting_tpk: '{n} rencana menunggu sidang TPK.',
    pl_waiting_ppk: '{n} rencana menunggu keputusan PPK.',
    pl_compare_title: 'Bandingkan dua rencana',
    pl_compare_a: 'Rencana A',
    pl_compare_b: 'Rencana B',
    pl_compare_go: 'Bandingkan',
    pl_compare_need_two: 'Perbandingan memerlukan paling sedikit dua rencana tersimpan.',
    pl_compare_same: 'Pilih dua rencana yang berbeda.',
    pl_run_title: 'Jalankan perencanaan',
    pl_run_intro:
      'Perencana mencari perpindahan yang mengurangi kekurangan pegawai tanpa membuat unit mana pun lebih buruk. Rencana disimpan sebagai draf; belum ada yang berubah sampai rencana diterbitkan, dipertimbangkan TPK dan ditetapkan PPK.',
    pl_name: 'Nama rencana',
    pl_name_hint: '1–64 huruf, angka, titik, garis bawah atau tanda hubung; tanpa spasi.',
    pl_mode: 'Mode perencanaan',
    pl_as_of: 'Keadaan per tanggal',
    pl_as_of_hint: 'Pegawai yang pensiun sebelum tanggal ini sudah tidak dihitung.',
    pl_settings: 'Pengaturan perencana',
    pl_settings_intro:
      'Kosongkan isian untuk memakai pengaturan yang tersimpan. Angka bawaan tertulis di bawah setiap isian.',
    pl_settings_more: 'Pengaturan lanjutan',
    pl_settings_more_intro:
      'Pertimbangan yang dipakai perencana untuk memilih di antara perpindahan yang sama-sama diperbolehkan. Biarkan kosong bila ragu.',
    pl_default: 'Bawaan: {v}',
    pl_no_limit: 'tanpa batas',
    pl_bool_default: '— pengaturan tersimpan —',
    pl_bool_yes: 'Ya (1)',
    pl_bool_no: 'Tidak (0)',
    pl_run: 'Jalankan perencanaan',
    pl_running: 'Perencanaan sedang berjalan… {s} detik',
    pl_running_label: 'Kemajuan perencanaan',
    pl_done: 'Rencana {name} selesai: {n} perpindahan.',
    pl_err_name: 'Nama rencana harus 1–64 huruf, angka, titik, garis bawah atau tanda hubung.',
    pl_err_name_taken: 'Nama rencana "{name}" sudah dipakai.',
    pl_err_as_of: 'Isi tanggal keadaan (YYYY-MM-DD).',
    pl_err_int: '{label}: harus bilangan bulat antara {min} dan {max}.',
    pl_err_dec: '{label}: harus angka 0 atau lebih (paling banyak 3 desimal).',
    pl_err_title: 'Periksa isian berikut:',
    set_max_moves: 'Perpindahan terarah paling banyak',
    set_max_km: 'Jarak penugasan paling jauh (km)',
    set_biaya_pindah: 'Bobot setiap penugasan',
    help_biaya_pindah:
      'Makin besar, makin sedikit penugasan: pegawai hanya dipindah bila kekurangan yang tertutup sepadan.',
    set_biaya_per_km: 'Bobot setiap km perjalanan',
    help_biaya_per_km: 'Makin besar, makin dekat tujuan penugasan yang dipilih.',
    set_potongan_rotasi: 'Keringanan bila jatuh tempo rotasi',
    help_potongan_rotasi: 'Makin besar, makin didahulukan pegawai yang sudah lama di unitnya.',
    set_potongan_diminta: 'Keringanan bila tujuan diminta pegawai',
    help_potongan_diminta: 'Makin besar, makin sering penugasan mengikuti tujuan yang diminta pegawai sendiri.',
    set_nilai_slot: 'Bobot satu formasi kosong yang terisi',
    help_nilai_slot: 'Makin besar, makin banyak formasi kosong diisi walau tujuannya jauh.',
    set_min_bulan_unit: 'Bulan paling sedikit di unit sebelum boleh pindah',
    set_rotasi_bulan: 'Bulan di unit sampai jatuh tempo rotasi',
    set_pensiun_bulan: 'Tidak dipindah bila pensiun dalam (bulan)',
    set_pppk_boleh: 'PPPK boleh dipindah (dalam jabatan yang sama)',
    set_skp_directed: 'Penugasan juga mensyaratkan SKP minimal dua tahun terakhir',
    set_struktural_boleh: 'Jabatan struktural boleh dipindah',
    help_struktural_boleh: 'Bila Ya, pemegang jabatan struktural juga dapat dipindah perencana.',
    set_bobot_sekolah: 'Bobot kekurangan di sekolah',
    help_bobot_sekolah: 'Makin besar, makin didahulukan sekolah yang kekurangan guru.',
    set_bobot_puskesmas: 'Bobot kekurangan di puskesmas',
    help_bobot_puskesmas: 'Makin besar, makin didahulukan puskesmas yang kekurangan pegawai.',
    set_bobot_rsud: 'Bobot kekurangan di RSUD',
    help_bobot_rsud: 'Makin besar, makin didahulukan RSUD yang kekurangan pegawai.',
    set_bobot_kelurahan: 'Bobot kekurangan di kelurahan',
    help_bobot_kelurahan: 'Makin besar, makin didahulukan kelurahan yang kekurangan pegawai.',
    set_bobot_lainnya: 'Bobot kekurangan di unit lain',
    help_bobot_lainnya: 'Makin besar, makin didahulukan unit lain (dinas, kantor) yang kekurangan pegawai.',
    set_poin_ikut_pasangan: 'Poin alasan mengikuti suami/istri',
    help_poin_ikut_pasangan: 'Makin besar, makin didahulukan permohonan untuk mengikuti suami/istri.',
    set_poin_kesehatan: 'Poin alasan kesehatan',
    help_poin_kesehatan: 'Makin besar, makin didahulukan permohonan karena kesehatan.',
    set_poin_dekat_domisili: 'Poin alasan dekat domisili',
    help_poin_dekat_domisili: 'Makin besar, makin didahulukan permohonan agar dekat tempat tinggal.',
    set_poin_pengembangan_karier: 'Poin alasan pengembangan karier',
    help_poin_pengembangan_karier: 'Makin besar, makin didahulukan permohonan untuk pengembangan karier.',
    set_poin_lainnya: 'Poin alasan lainnya',
    help_poin_lainnya: 'Makin besar, makin didahulukan permohonan dengan alasan lain.',
    set_poin_per_tahun: 'Poin per tahun di unit',
    help_poin_per_tahun: 'Makin besar, makin didahulukan pemohon yang lebih lama di unitnya.',
    set_poin_tahun_maks: 'Poin masa di unit paling banyak',
    help_poin_tahun_maks: 'Makin besar, makin lama masa di unit yang masih menambah prioritas.',
    set_aps_ikatan_tahun: 'Tahun masa kerja sebelum boleh APS',
    help_aps_ikatan_tahun:
      'Makin besar, makin lama pegawai terikat sebelum boleh mengajukan pindah atas permintaan sendiri.',
    set_aps_ikatan_formasi: 'Formasi sejak tahun ini terikat masa kerja',
    help_aps_ikatan_formasi: 'Makin besar tahunnya, makin sedikit pegawai yang terikat masa kerja.',
    pl_title: 'Rencana Mutasi {name}',
    pl_facts: 'Data rencana',
    pl_kpi_kekurangan: 'Kekurangan pegawai',
    pl_kpi_kelebihan: 'Kelebihan pegawai',
    pl_kpi_jabatan_kurang: 'Jabatan yang kurang',
    pl_kpi_ej_sd: 'Simpangan baku EJ unit',
    pl_kpi_moves: 'Perpindahan',
    pl_kpi_moves_split: '{v} APS, {d} penugasan',
    pl_kpi_granted: 'Permohonan dikabulkan',
    pl_kpi_granted_of: 'dari {n} permohonan; tanpa tukar tempat dan rantai hanya {b}',
    pl_kpi_km: 'Jarak tempuh seluruhnya',
    pl_kpi_km_mean: 'rata-rata {v} km per perpindahan',
    pl_kpi_ditempatkan: 'Pegawai ditempatkan',
    pl_kpi_ditempatkan_sub: 'orang yang pindah unit',
    pl_kpi_tertutup: 'Kekurangan yang tertutup',
    pl_kpi_tertutup_sub: 'formasi kosong yang terisi',
    pl_before_after: 'sebelum {a} → sesudah {b}',
    pl_km_unit: '{v} km',
    pl_chart_title: 'Efisiensi unit (EU) per OPD sebelum dan sesudah rencana',
    pl_chart_label: 'Grafik batang berkelompok EU per OPD: sebelum dan sesudah rencana',
    pl_chart_before: 'Sebelum',
    pl_chart_after: 'Sesudah',
    pl_chart_changed: 'Tampilkan hanya OPD yang berubah',
    pl_col_opd: 'OPD',
    pl_col_eu_before: 'EU sebelum',
    pl_col_eu_after: 'EU sesudah',
    pl_col_staff_before: 'Bezetting sebelum',
    pl_col_staff_after: 'Bezetting sesudah',
    pl_col_gap_after: 'Selisih sesudah',
    pl_col_pj_after: 'PJ sesudah',
    pl_skipped: '{n} perpindahan tidak dapat diterapkan pada data sekarang.',
    pl_moves_title: 'Daftar perpindahan',
    pl_moves_empty: 'Tidak ada perpindahan yang cocok dengan saringan.',
    pl_moves_count: 'Menampilkan {n} dari {total} perpindahan',
    pl_filter_jenis: 'Jenis',
    pl_filter_sementara: 'Sementara',
    pl_filter_sementara_ya: 'Sementara saja',
    pl_filter_sementara_tidak: 'Tetap saja',
    pl_filter_asal: 'Asal (OPD atau unit)',
    pl_filter_tujuan: 'Tujuan (OPD atau unit)',
    pl_filter_q: 'Cari nama atau NIP',
    pl_filter_tanggapan: 'Tanggapan',
    pl_filter_opd: 'OPD (asal atau tujuan)',
    pl_filter_keadaan: 'Keberatan dan keputusan',
    pl_keadaan_keberatan: 'Ada keberatan',
    pl_keadaan_belum_dijawab: 'Keberatan belum dijawab',
    pl_keadaan_belum_diputuskan: 'Belum diputuskan TPK',
    pl_keadaan_setuju: 'Disetujui TPK',
    pl_keadaan_tolak: 'Ditolak TPK',
    pl_keadaan_coret: 'Dicoret PPK',
    pl_filter_only: 'Hanya {n} perpindahan yang disebut server.',
    pl_filter_only_clear: 'Tampilkan semua',
    pl_filter_reset: 'Hapus saringan',
    pl_jenis_aps: 'APS',
    pl_jenis_penugasan: 'Penugasan',
    pl_col_pegawai: 'Pegawai',
    pl_col_asal: 'Asal',
    pl_col_tujuan: 'Tujuan',
    pl_col_jenis: 'Jenis',
    pl_col_km: 'Km',
    pl_col_alasan: 'Alasan',
    pl_col_tanggapan: 'Tanggapan',
    pl_col_penjelasan: 'Penjelasan',
    pl_col_keputusan: 'Keputusan',
    pl_col_tenggat: 'Tenggat tanggapan',
    pl_col_ba: 'Nomor berita acara TPK',
    pl_col_catatan_kembali: 'Catatan pengembalian',
    pl_col_dari: 'Dijalankan ulang dari rencana',
    pl_col_tetap: 'Perpindahan tetap dari keputusan TPK',
    pl_rerun_of:
      'Rencana ini dijalankan ulang dari rencana {dari}: {k} perpindahan yang disetujui TPK tetap (tercatat setuju), pegawai yang perpindahannya ditolak tidak dipindah, dan perencana mengisi sisanya ({n} perpindahan).',
    pl_kpi_moves_rerun: '{k} tetap dari keputusan TPK, {n} direncanakan ulang',
    pl_download_ba: 'Berita acara (PDF)',
    pl_dec_tpk: 'TPK:',
    pl_dec_ppk: 'PPK:',
    pl_dec_setuju: 'setuju',
    pl_dec_tolak: 'tolak',
    pl_dec_belum: 'belum memutuskan',
    pl_dec_ppk_setuju: 'ditetapkan',
    pl_dec_ppk_coret: 'dicoret',
    pl_dec_jawaban: 'Jawaban atas keberatan:',
    pl_head_said: 'Kepala OPD penerima:',
    pl_tpk_goto: 'Ke sidang TPK (daftar perpindahan)',
    pl_pilihan_ke: 'pilihan ke-{n}',
    pl_until: 'sementara s.d. {d}',
    pl_explain: 'Penjelasan',
    pl_explain_for: 'Penjelasan untuk {nama}',
    pl_tanggapan_setuju: 'Setuju',
    pl_tanggapan_keberatan: 'Keberatan',
    pl_tanggapan_belum: 'Belum menanggapi',
    pl_responses_title: 'Tanggapan pegawai',
    pl_answers_title: 'Tanggapan atas usulan',
    pl_heads_title: 'Tanggapan kepala OPD penerima',
    pl_heads_empty: 'Belum ada tanggapan kepala OPD.',
    pl_col_oleh: 'Oleh',
    pl_responses_draf: 'Rencana belum diterbitkan; pegawai belum dapat menanggapi.',
    pl_responses_counts: '{s} setuju, {k} keberatan, {b} belum menanggapi',
    pl_responses_empty: 'Belum ada tanggapan.',
    pl_col_catatan: 'Catatan',
    pl_col_ditanggapi: 'Waktu',
    pl_decision_title: 'Penerbitan dan keputusan',
    pl_downloads: 'Unduhan',
    pl_download_xlsx: 'Unduh daftar perpindahan (XLSX)',
    pl_download_sk: 'Unduh SK mutasi (PDF)',
    pl_sk_after_approval: 'SK tersedia setelah rencana ditetapkan PPK.',
    pl_settings_used: 'Pengaturan yang dipakai rencana ini',
    pl_compare_page_title: 'Perbandingan {a} dan {b}',
    pl_cmp_summary: 'Ringkasan',
    pl_cmp_only: 'Hanya di rencana {name} ({n})',
    pl_cmp_only_empty: 'Tidak ada.',
    pl_cmp_diff: 'Pegawai dengan tujuan berbeda ({n})',
    pl_cmp_diff_empty: 'Tidak ada pegawai yang dikirim ke tempat berbeda.',
    pl_cmp_same: 'Kedua rencana memuat perpindahan yang sama.',
    pl_cmp_target: 'Tujuan di {name}',
    pl_nip: 'NIP',
    pl_open: 'Buka rencana {name}',
    pl_back: 'Kembali ke daftar rencana',
    pl_head_list_title: 'Rencana Mutasi OPD',
    pl_head_intro:
      'Rencana mutasi yang diterbitkan BKPSDM dan memindahkan pegawai ke atau dari OPD Anda. Sebagai kepala OPD penerima, Anda menyatakan setuju atau keberatan atas setiap perpindahan ke OPD Anda sampai tenggat; keberatan wajib disertai alasan dan dijawab TPK.',
    pl_head_plans: 'Rencana yang diterbitkan',
    pl_head_plans_empty: 'Belum ada rencana yang diterbitkan.',
    pl_head_list_denied:
      'Daftar rencana tidak dapat dimuat untuk peran Anda. Buka rencana dengan namanya (tercantum dalam surat BKPSDM).',
    pl_head_open: 'Nama rencana',
    pl_head_open_go: 'Buka rencana',
    pl_head_moves: 'Perpindahan ke dan dari OPD Anda',
    pl_head_none: 'Rencana ini tidak memindahkan pegawai ke atau dari OPD Anda.',
    pl_head_col_answer: 'Tanggapan Anda',
    pl_head_out: 'Keluar dari OPD Anda; ditanggapi kepala OPD penerima.',
    pl_head_closed: 'Rencana tidak lagi menerima tanggapan.',
    pl_reason_status: 'status kepegawaian',
    pl_reason_masa_kerja_unit: 'masa kerja di unit',
    pl_reason_pensiun: 'mendekati pensiun',
    pl_reason_hukuman_disiplin: 'hukuman disiplin',
    pl_reason_tugas_belajar: 'tugas belajar',
    pl_reason_ikatan_10_tahun: 'ikatan 10 tahun',
    pl_reason_jabatan_struktural: 'jabatan struktural',
    pl_reason_abk_asal: 'unit asal berlebih (ABK)',
    pl_reason_abk_tujuan: 'unit tujuan kurang (ABK)',
    pl_reason_kompetensi: 'kompetensi',
    pl_reason_tidak_ada_kekurangan: 'tidak ada kekurangan',
    pl_reason_kalah_prioritas: 'kalah prioritas',
    pl_reason_asal_kurang: 'unit asal kurang',
    pl_reason_terlalu_jauh: 'terlalu jauh',
    pl_reason_lebih_mahal: 'ada pegawai lain yang lebih tepat',
    pl_reason_rotasi_jatuh_tempo: 'rotasi jatuh tempo',
    pl_reason_diminta: 'diminta sendiri',
    pl_reason_jarak_terdekat: 'jarak terdekat',
  },
  en: {
    pl_list_title: 'Transfer planning',
    pl_saved: 'Saved plans',
    pl_saved_empty: 'No plans yet. Run the planner to make the first one.',
    pl_col_name: 'Name',
    pl_col_mode: 'Mode',
    pl_col_as_of: 'As of',
    pl_col_status: 'Status',
    pl_col_dibuat: 'Created',
    pl_col_dibuat_oleh: 'By',
    pl_col_tmt: 'Effective',
    pl_col_sk: 'Decree no.',
    pl_mode_combined: 'Combined (requests, then assignments)',
    pl_mode_voluntary: 'Voluntary (own requests only)',
    pl_mode_directed: 'Directed (assignments only)',
    pl_status_draf: 'Draft',
    pl_status_diterbitkan: 'Published to employees',
    pl_status_dipertimbangkan: 'Considered by the TPK',
    pl_status_ditetapkan: 'Decided',
    pl_status_dikembalikan: 'Returned to BKPSDM',
    pl_waiting_tpk: '{n} plans wait for the TPK session.',
    pl_waiting_ppk: "{n} plans wait for the PPK's decision.",
    pl_compare_title: 'Compare two plans',
    pl_compare_a: 'Plan A',
    pl_compare_b: 'Plan B',
    pl_compare_go: 'Compare',
    pl_compare_need_two: 'Comparing needs at least two saved plans.',
    pl_compare_same: 'Choose two different plans.',
    pl_run_title: 'Run the planner',
    pl_run_intro:
      'The planner looks for transfers that reduce staff shortages without making any unit worse off. The plan is saved as a draft; nothing changes until it is published, considered by the TPK and decided by the PPK.',
    pl_name: 'Plan name',
    pl_name_hint: '1–64 letters, digits, dots, underscores or hyphens; no spaces.',
    pl_mode: 'Planning mode',
    pl_as_of: 'As of date',
    pl_as_of_hint: 'Staff who retire before this date no longer count.',
    pl_settings: 'Planner settings',
    pl_settings_intro: 'Leave a field empty to use the stored setting. The default is written under each field.',
    pl_settings_more: 'Advanced settings',
    pl_settings_more_intro:
      'How the planner chooses among transfers that the rules all allow. Leave them empty when in doubt.',
    pl_default: 'Default: {v}',
    pl_no_limit: 'no limit',
    pl_bool_default: '— stored setting —',
    pl_bool_yes: 'Yes (1)',
    pl_bool_no: 'No (0)',
    pl_run: 'Run the planner',
    pl_running: 'The planner is running… {s} s',
    pl_running_label: 'Planning progress',
    pl_done: 'Plan {name} is ready: {n} transfers.',
    pl_err_name: 'The plan name must be 1–64 letters, digits, dots, underscores or hyphens.',
    pl_err_name_taken: 'The plan name "{name}" is already used.',
    pl_err_as_of: 'Give the as-of date (YYYY-MM-DD).',
    pl_err_int: '{label}: must be a whole number from {min} to {max}.',
    pl_err_dec: '{label}: must be a number of 0 or more (at most 3 decimals).',
    pl_err_title: 'Please check these fields:',
    set_max_moves: 'Most directed transfers',
    set_max_km: 'Farthest assignment (km)',
    set_biaya_pindah: 'Weight of each assignment',
    help_biaya_pindah: 'The higher, the fewer assignments: someone is moved only when the shortage closed is worth it.',
    set_biaya_per_km: 'Weight of each km travelled',
    help_biaya_per_km: 'The higher, the nearer the destinations chosen.',
    set_potongan_rotasi: 'Relief when rotation is due',
    help_potongan_rotasi: 'The higher, the sooner staff who have long been in their unit are chosen.',
    set_potongan_diminta: 'Relief when the employee asked for the destination',
    help_potongan_diminta: 'The higher, the more often assignments follow the destinations employees asked for.',
    set_nilai_slot: 'Weight of one empty post filled',
    help_nilai_slot: 'The higher, the more empty posts are filled even when far away.',
    set_min_bulan_unit: 'Least months in the unit before a move',
    set_rotasi_bulan: 'Months in the unit until rotation is due',
    set_pensiun_bulan: 'Not moved when retiring within (months)',
    set_pppk_boleh: 'PPPK staff may be moved (within their position)',
    set_skp_directed: 'Directed moves also need the minimum SKP of the last two years',
    set_struktural_boleh: 'Structural positions may be moved',
    help_struktural_boleh: 'When Yes, holders of structural positions may be moved by the planner too.',
    set_bobot_sekolah: 'Weight of a shortage at a school',
    help_bobot_sekolah: 'The higher, the sooner schools short of teachers are served.',
    set_bobot_puskesmas: 'Weight of a shortage at a health centre',
    help_bobot_puskesmas: 'The higher, the sooner health centres short of staff are served.',
    set_bobot_rsud: 'Weight of a shortage at the hospital',
    help_bobot_rsud: 'The higher, the sooner the hospital is served.',
    set_bobot_kelurahan: 'Weight of a shortage at a sub-district',
    help_bobot_kelurahan: 'The higher, the sooner sub-district offices are served.',
    set_bobot_lainnya: 'Weight of a shortage elsewhere',
    help_bobot_lainnya: 'The higher, the sooner other units (agencies, offices) are served.',
    set_poin_ikut_pasangan: 'Points for following a spouse',
    help_poin_ikut_pasangan: 'The higher, the sooner requests to follow a spouse are granted.',
    set_poin_kesehatan: 'Points for health',
    help_poin_kesehatan: 'The higher, the sooner requests for health reasons are granted.',
    set_poin_dekat_domisili: 'Points for closer to home',
    help_poin_dekat_domisili: 'The higher, the sooner requests to be closer to home are granted.',
    set_poin_pengembangan_karier: 'Points for career development',
    help_poin_pengembangan_karier: 'The higher, the sooner requests for career development are granted.',
    set_poin_lainnya: 'Points for other reasons',
    help_poin_lainnya: 'The higher, the sooner requests for other reasons are granted.',
    set_poin_per_tahun: 'Points per year in the unit',
    help_poin_per_tahun: 'The higher, the sooner requesters with more years in their unit are granted.',
    set_poin_tahun_maks: 'Most points for years in the unit',
    help_poin_tahun_maks: 'The higher, the more years in the unit still add priority.',
    set_aps_ikatan_tahun: 'Years of service before an own request',
    help_aps_ikatan_tahun: 'The higher, the longer staff are bound before they may ask to move.',
    set_aps_ikatan_formasi: 'Formation year from which the bond applies',
    help_aps_ikatan_formasi: 'The later the year, the fewer staff are bound.',
    pl_title: 'Transfer plan {name}',
    pl_facts: 'Plan data',
    pl_kpi_kekurangan: 'Staff shortage',
    pl_kpi_kelebihan: 'Staff surplus',
    pl_kpi_jabatan_kurang: 'Positions short',
    pl_kpi_ej_sd: 'Std. deviation of unit EJ',
    pl_kpi_moves: 'Transfers',
    pl_kpi_moves_split: '{v} own request, {d} assigned',
    pl_kpi_granted: 'Requests granted',
    pl_kpi_granted_of: 'of {n} requests; without swaps and chains only {b}',
    pl_kpi_km: 'Total distance travelled',
    pl_kpi_km_mean: 'on average {v} km per transfer',
    pl_kpi_ditempatkan: 'People placed',
    pl_kpi_ditempatkan_sub: 'people who change unit',
    pl_kpi_tertutup: 'Shortage closed',
    pl_kpi_tertutup_sub: 'empty posts filled',
    pl_before_after: 'before {a} → after {b}',
    pl_km_unit: '{v} km',
    pl_chart_title: 'Unit efficiency (EU) by agency before and after the plan',
    pl_chart_label: 'Grouped bar chart of EU per agency: before and after the plan',
    pl_chart_before: 'Before',
    pl_chart_after: 'After',
    pl_chart_changed: 'Show only agencies that change',
    pl_col_opd: 'Agency',
    pl_col_eu_before: 'EU before',
    pl_col_eu_after: 'EU after',
    pl_col_staff_before: 'In post before',
    pl_col_staff_after: 'In post after',
    pl_col_gap_after: 'Gap after',
    pl_col_pj_after: 'Rating after',
    pl_skipped: '{n} transfers cannot be applied to the current data.',
    pl_moves_title: 'Transfers',
    pl_moves_empty: 'No transfer matches the filters.',
    pl_moves_count: 'Showing {n} of {total} transfers',
    pl_filter_jenis: 'Kind',
    pl_filter_sementara: 'Temporary',
    pl_filter_sementara_ya: 'Temporary only',
    pl_filter_sementara_tidak: 'Permanent only',
    pl_filter_asal: 'From (agency or unit)',
    pl_filter_tujuan: 'To (agency or unit)',
    pl_filter_q: 'Search name or NIP',
    pl_filter_tanggapan: 'Answer',
    pl_filter_opd: 'Agency (from or to)',
    pl_filter_keadaan: 'Objections and decisions',
    pl_keadaan_keberatan: 'Objected to',
    pl_keadaan_belum_dijawab: 'Objection not answered',
    pl_keadaan_belum_diputuskan: 'Not decided by the TPK',
    pl_keadaan_setuju: 'Agreed by the TPK',
    pl_keadaan_tolak: 'Refused by the TPK',
    pl_keadaan_coret: 'Struck by the PPK',
    pl_filter_only: 'Only the {n} transfers the server named.',
    pl_filter_only_clear: 'Show all',
    pl_filter_reset: 'Clear filters',
    pl_jenis_aps: 'Own request',
    pl_jenis_penugasan: 'Assignment',
    pl_col_pegawai: 'Employee',
    pl_col_asal: 'From',
    pl_col_tujuan: 'To',
    pl_col_jenis: 'Kind',
    pl_col_km: 'Km',
    pl_col_alasan: 'Reasons',
    pl_col_tanggapan: 'Answer',
    pl_col_penjelasan: 'Explanation',
    pl_col_keputusan: 'Decision',
    pl_col_tenggat: 'Answers due',
    pl_col_ba: 'TPK minutes no.',
    pl_col_catatan_kembali: 'Note of return',
    pl_col_dari: 'Run again from plan',
    pl_col_tetap: "Transfers kept from the TPK's decisions",
    pl_rerun_of:
      'This plan runs plan {dari} again: the {k} transfers the TPK agreed to are kept (recorded as agreed), the employees of refused transfers stay, and the planner filled the rest ({n} transfers).',
    pl_kpi_moves_rerun: "{k} kept from the TPK's decisions, {n} planned again",
    pl_download_ba: 'Minutes (PDF)',
    pl_dec_tpk: 'TPK:',
    pl_dec_ppk: 'PPK:',
    pl_dec_setuju: 'agreed',
    pl_dec_tolak: 'refused',
    pl_dec_belum: 'not decided',
    pl_dec_ppk_setuju: 'decided',
    pl_dec_ppk_coret: 'struck',
    pl_dec_jawaban: 'Answer to the objection:',
    pl_head_said: 'Receiving head:',
    pl_tpk_goto: 'To the TPK session (list of transfers)',
    pl_pilihan_ke: 'choice {n}',
    pl_until: 'temporary until {d}',
    pl_explain: 'Explanation',
    pl_explain_for: 'Explanation for {nama}',
    pl_tanggapan_setuju: 'Agrees',
    pl_tanggapan_keberatan: 'Objects',
    pl_tanggapan_belum: 'No answer yet',
    pl_responses_title: "Employees' answers",
    pl_answers_title: 'Answers to the proposal',
    pl_heads_title: "Receiving heads' answers",
    pl_heads_empty: 'No answer of a head of agency yet.',
    pl_col_oleh: 'By',
    pl_responses_draf: 'The plan is not published; employees cannot answer yet.',
    pl_responses_counts: '{s} agree, {k} object, {b} not answered',
    pl_responses_empty: 'No answers yet.',
    pl_col_catatan: 'Note',
    pl_col_ditanggapi: 'When',
    pl_decision_title: 'Publishing and decision',
    pl_downloads: 'Downloads',
    pl_download_xlsx: 'Download the transfers (XLSX)',
    pl_download_sk: 'Download the decree (PDF)',
    pl_sk_after_approval: 'The decree is available once the PPK decides the plan.',
    pl_settings_used: 'Settings this plan used',
    pl_compare_page_title: 'Comparing {a} and {b}',
    pl_cmp_summary: 'Summary',
    pl_cmp_only: 'Only in plan {name} ({n})',
    pl_cmp_only_empty: 'None.',
    pl_cmp_diff: 'Employees sent to different places ({n})',
    pl_cmp_diff_empty: 'No employee is sent to a different place.',
    pl_cmp_same: 'Both plans hold the same transfers.',
    pl_cmp_target: 'Destination in {name}',
    pl_nip: 'NIP',
    pl_open: 'Open plan {name}',
    pl_back: 'Back to the plans',
    pl_head_list_title: 'Transfer plans for my agency',
    pl_head_intro:
      'Transfer plans BKPSDM has published that move staff into or out of your agency. As the head of a receiving agency you agree or object to each transfer into it until the deadline; an objection needs a reason and the TPK answers it.',
    pl_head_plans: 'Published plans',
    pl_head_plans_empty: 'No plan is published yet.',
    pl_head_list_denied:
      "The list of plans cannot be loaded for your role. Open a plan by its name (given in BKPSDM's letter).",
    pl_head_open: 'Plan name',
    pl_head_open_go: 'Open the plan',
    pl_head_moves: 'Transfers into and out of your agency',
    pl_head_none: 'This plan moves nobody into or out of your agency.',
    pl_head_col_answer: 'Your answer',
    pl_head_out: 'Leaves your agency; the receiving head answers.',
    pl_head_closed: 'The plan no longer takes answers.',
    pl_reason_status: 'employment status',
    pl_reason_masa_kerja_unit: 'time in unit',
    pl_reason_pensiun: 'near retirement',
    pl_reason_hukuman_disiplin: 'disciplinary sanction',
    pl_reason_tugas_belajar: 'study leave',
    pl_reason_ikatan_10_tahun: '10-year bond',
    pl_reason_jabatan_struktural: 'structural position',
    pl_reason_abk_asal: 'origin over-staffed (ABK)',
    pl_reason_abk_tujuan: 'destination short (ABK)',
    pl_reason_kompetensi: 'competency',
    pl_reason_tidak_ada_kekurangan: 'no shortage',
    pl_reason_kalah_prioritas: 'lower priority',
    pl_reason_asal_kurang: 'origin short',
    pl_reason_terlalu_jauh: 'too far',
    pl_reason_lebih_mahal: 'someone else fits better',
    pl_reason_rotasi_jatuh_tempo: 'rotation due',
    pl_reason_diminta: 'requested',
    pl_reason_jarak_terdekat: 'nearest',
  },
});

const NAME_RE = /^[A-Za-z0-9._-]{1,64}$/;
const MODES = ['combined', 'voluntary', 'directed'];
const today = () => new Date().toISOString().slice(0, 10);

// The planner's settings that the form offers; their defaults and ranges
// come from the server (GET /api/settings/schema), never copied here.
// 'top': sent beside "settings" (POST /api/plans reads max_moves and
// max_km there, they are not settings); 'bool': 0 or 1.
const LIMITS = [
  { key: 'max_moves', top: true, min: 0, max: 1000000, dflt: null },
  { key: 'max_km', top: true, decimal: true, dflt: null },
];
const MAIN_SETTINGS = [
  { key: 'min_bulan_unit' },
  { key: 'rotasi_bulan' },
  { key: 'pensiun_bulan' },
  { key: 'pppk_boleh', bool: true },
  { key: 'skp_directed', bool: true },
];
// Under "Pengaturan lanjutan", each with a sentence on what raising it does.
const MORE_SETTINGS = [
  { key: 'nilai_slot' },
  { key: 'biaya_pindah' },
  { key: 'biaya_per_km' },
  { key: 'potongan_rotasi' },
  { key: 'potongan_diminta' },
  { key: 'bobot_sekolah' },
  { key: 'bobot_puskesmas' },
  { key: 'bobot_rsud' },
  { key: 'bobot_kelurahan' },
  { key: 'bobot_lainnya' },
  { key: 'poin_ikut_pasangan' },
  { key: 'poin_kesehatan' },
  { key: 'poin_dekat_domisili' },
  { key: 'poin_pengembangan_karier' },
  { key: 'poin_lainnya' },
  { key: 'poin_per_tahun' },
  { key: 'poin_tahun_maks' },
  { key: 'aps_ikatan_tahun' },
  { key: 'aps_ikatan_formasi', year: true },
  { key: 'struktural_boleh', bool: true },
];
const ALL_SETTINGS = [...LIMITS, ...MAIN_SETTINGS, ...MORE_SETTINGS];

// The form's settings with the server's default and range of each.
function withSchema(list, schema) {
  const byKey = {};
  for (const r of schema?.rows || []) {
    byKey[r.key] = r;
  }
  return list.map((s) => {
    const r = byKey[s.key];
    if (!r) {
      return s;
    }
    return { ...s, dflt: Number(r.default), min: r.min, max: r.max };
  });
}

// ---- shared pieces ---------------------------------------------------------
export function PlanStatus({ value }) {
  return <span class={'status st-' + value}>{t('pl_status_' + value)}</span>;
}

export function reasonLabel(code) {
  return t('pl_reason_' + code);
}

export function ReasonTags({ codes }) {
  return (
    <span class="tags">
      {(codes || []).map((c) => (
        <span key={c} class="tag" data-reason={c}>
          {reasonLabel(c)}
        </span>
      ))}
    </span>
  );
}

// The kind of a move in words: APS (choice n), assignment, temporary.
export function MoveKind({ m }) {
  return (
    <span>
      <span class={'tag move-' + m.jenis}>{t('pl_jenis_' + m.jenis)}</span>
      {m.pilihan_ke ? <small> {t('pl_pilihan_ke', { n: m.pilihan_ke })}</small> : null}
      {m.sementara_sampai && <span class="tag move-sementara">{t('pl_until', { d: date(m.sementara_sampai) })}</span>}
    </span>
  );
}

export function Answer({ value }) {
  const v = value || 'belum';
  return <span class={'answer answer-' + v}>{t('pl_tanggapan_' + v)}</span>;
}

// The OPD of unit 'kode' (contract section 4: the nearest unit on its
// path to the root, itself included, of jenis opd, kecamatan or rsud;
// else its root).
export function opdOf(refs, kode) {
  let u = refs && refs.units.get(kode);
  let last = kode;
  for (let i = 0; u && i < 64; i++) {
    if (u.jenis === 'opd' || u.jenis === 'kecamatan' || u.jenis === 'rsud') {
      return u.kode;
    }
    last = u.kode;
    u = u.induk ? refs.units.get(u.induk) : null;
  }
  return last;
}

function Place({ unit, jabatan }) {
  const { refs } = useSession();
  return (
    <span>
      <a href={href('unit/' + unit)}>{unitName(refs, unit)}</a>
      <br />
      <small>{jabatanName(refs, jabatan)}</small>
    </span>
  );
}

// ---- PlanList ----------------------------------------------------------------
function SavedPlans({ rows }) {
  const columns = [
    { key: 'name', label: t('pl_col_name'), render: (r) => <a href={href('rencana/' + r.name)}>{r.name}</a> },
    { key: 'mode', label: t('pl_col_mode'), render: (r) => t('pl_mode_' + r.mode) },
    { key: 'as_of', label: t('pl_col_as_of'), render: (r) => date(r.as_of) },
    { key: 'status', label: t('pl_col_status'), render: (r) => <PlanStatus value={r.status} /> },
    { key: 'dibuat', label: t('pl_col_dibuat'), render: (r) => date(r.dibuat) },
    { key: 'dibuat_oleh', label: t('pl_col_dibuat_oleh'), render: (r) => actorText(r.dibuat_oleh) },
    { key: 'tmt', label: t('pl_col_tmt'), render: (r) => (r.tmt ? date(r.tmt) : '–') },
    { key: 'sk_nomor', label: t('pl_col_sk') },
  ];
  return (
    <Table
      id="plan-list"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.name}
      caption={t('pl_saved')}
      empty={t('pl_saved_empty')}
    />
  );
}

function ComparePicker({ rows }) {
  const names = rows.map((r) => r.name);
  const [a, setA] = useState(names[1] || names[0] || '');
  const [b, setB] = useState(names[0] || '');
  const [error, setError] = useState('');
  if (names.length < 2) {
    return <p class="empty">{t('pl_compare_need_two')}</p>;
  }
  const submit = (e) => {
    e.preventDefault();
    if (a === b) {
      setError(t('pl_compare_same'));
      return;
    }
    go('banding/' + encodeURIComponent(a) + '/' + encodeURIComponent(b));
  };
  const pick = (label, value, set) => (
    <Field label={label}>
      {(fid) => (
        <select
          id={fid}
          value={value}
          onChange={(e) => {
            set(e.target.value);
            setError('');
          }}
        >
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form class="form-row" onSubmit={submit} aria-label={t('pl_compare_title')}>
      {pick(t('pl_compare_a'), a, setA)}
      {pick(t('pl_compare_b'), b, setB)}
      <button type="submit" class="btn primary">
        {t('pl_compare_go')}
      </button>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function SettingInput({ s, value, onInput }) {
  const label = t('set_' + s.key);
  const hint =
    s.dflt === undefined
      ? ''
      : t('pl_default', {
          v:
            s.dflt === null
              ? t('pl_no_limit')
              : s.bool
                ? s.dflt
                  ? t('yes')
                  : t('no')
                : s.year
                  ? String(s.dflt)
                  : num(s.dflt),
        });
  const help = has('help_' + s.key) ? t('help_' + s.key) + ' ' : '';
  return (
    <Field label={label} hint={help + hint} id={'set-' + s.key}>
      {(fid) =>
        s.bool ? (
          <select id={fid} value={value} aria-describedby={fid + '-hint'} onChange={(e) => onInput(e.target.value)}>
            <option value="">{t('pl_bool_default')}</option>
            <option value="1">{t('pl_bool_yes')}</option>
            <option value="0">{t('pl_bool_no')}</option>
          </select>
        ) : (
          <input
            id={fid}
            type="text"
            inputMode={s.decimal ? 'decimal' : 'numeric'}
            size={10}
            value={value}
            placeholder={s.dflt === null ? '' : String(s.dflt)}
            aria-describedby={fid + '-hint'}
            onInput={(e) => onInput(e.target.value)}
          />
        )
      }
    </Field>
  );
}

// The body of POST /api/plans from the form, or the list of errors.
function planBody(form, taken, specs) {
  const errors = [];
  const name = form.name.trim();
  if (!NAME_RE.test(name)) {
    errors.push(t('pl_err_name'));
  } else if (taken.includes(name)) {
    errors.push(t('pl_err_name_taken', { name }));
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.as_of)) {
    errors.push(t('pl_err_as_of'));
  }
  const body = { name, mode: form.mode, as_of: form.as_of };
  const settings = {};
  for (const s of specs) {
    const v = String(form.settings[s.key] ?? '')
      .trim()
      .replace(',', '.');
    if (v === '') {
      continue;
    }
    const label = t('set_' + s.key);
    let n;
    if (s.decimal) {
      if (!/^\d+(\.\d{1,3})?$/.test(v)) {
        errors.push(t('pl_err_dec', { label }));
        continue;
      }
      n = Number(v);
    } else {
      const min = s.bool ? 0 : s.min;
      const max = s.bool ? 1 : s.max;
      n = Number(v);
      if (!/^\d+$/.test(v) || n < min || n > max) {
        errors.push(t('pl_err_int', { label, min: num(min), max: num(max) }));
        continue;
      }
    }
    if (s.top) {
      body[s.key] = n;
    } else {
      settings[s.key] = n;
    }
  }
  if (Object.keys(settings).length) {
    body.settings = settings;
  }
  return { body, errors };
}

function Running({ since }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, []);
  return (
    <div class="running" role="status">
      <progress aria-label={t('pl_running_label')} />
      <span>{t('pl_running', { s: Math.floor((now - since) / 1000) })}</span>
    </div>
  );
}

function RunForm({ taken }) {
  const schema = useApi('/api/settings/schema');
  const main = useMemo(() => withSchema([...LIMITS, ...MAIN_SETTINGS], schema.data), [schema.data]);
  const more = useMemo(() => withSchema(MORE_SETTINGS, schema.data), [schema.data]);
  const [form, setForm] = useState(() => {
    let name = 'rencana-' + today();
    for (let i = 2; taken.includes(name); i++) {
      name = 'rencana-' + today() + '-' + i;
    }
    return { name, mode: 'combined', as_of: today(), settings: {} };
  });
  const [errors, setErrors] = useState([]);
  const [since, setSince] = useState(0);
  const set = (k, v) => setForm((f) => ({ ...f, [k]: v }));
  const setS = (k, v) => setForm((f) => ({ ...f, settings: { ...f.settings, [k]: v } }));
  const submit = async (e) => {
    e.preventDefault();
    const { body, errors: errs } = planBody(form, taken, [...main, ...more]);
    setErrors(errs);
    if (errs.length) {
      return;
    }
    setSince(Date.now());
    try {
      const doc = await post('/api/plans', body);
      toast(t('pl_done', { name: body.name, n: num(doc.summary.moves) }));
      go('rencana/' + encodeURIComponent(body.name));
    } catch (err) {
      setErrors([err.message]);
      setSince(0);
    }
  };
  const busy = since > 0;
  return (
    <form onSubmit={submit} noValidate aria-describedby="pl-run-intro" id="run-form">
      <p id="pl-run-intro">{t('pl_run_intro')}</p>
      <div class="form-row">
        <Field label={t('pl_name')} hint={t('pl_name_hint')} id="pl-name">
          {(fid) => (
            <input
              id={fid}
              value={form.name}
              maxLength={64}
              size={30}
              required
              autocomplete="off"
              aria-describedby={fid + '-hint'}
              onInput={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('pl_mode')} id="pl-mode">
          {(fid) => (
            <select id={fid} value={form.mode} onChange={(e) => set('mode', e.target.value)}>
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t('pl_mode_' + m)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('pl_as_of')} hint={t('pl_as_of_hint')} id="pl-as-of">
          {(fid) => (
            <input
              id={fid}
              type="date"
              value={form.as_of}
              required
              aria-describedby={fid + '-hint'}
              onInput={(e) => set('as_of', e.target.value)}
            />
          )}
        </Field>
      </div>
      <fieldset class="settings">
        <legend>{t('pl_settings')}</legend>
        <p class="hint">{t('pl_settings_intro')}</p>
        <div class="settings-grid">
          {main.map((s) => (
            <SettingInput key={s.key} s={s} value={form.settings[s.key] ?? ''} onInput={(v) => setS(s.key, v)} />
          ))}
        </div>
        <details id="settings-more">
          <summary>{t('pl_settings_more')}</summary>
          <p class="hint">{t('pl_settings_more_intro')}</p>
          <div class="settings-grid">
            {more.map((s) => (
              <SettingInput key={s.key} s={s} value={form.settings[s.key] ?? ''} onInput={(v) => setS(s.key, v)} />
            ))}
          </div>
        </details>
      </fieldset>
      {errors.length > 0 && (
        <div class="notice error" role="alert">
          <strong>{t('pl_err_title')}</strong>
          <ul>
            {errors.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </div>
      )}
      {busy && <Running since={since} />}
      <div class="actions">
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {t('pl_run')}
        </button>
      </div>
    </form>
  );
}

// The published plans for a head of unit, or (while the server lists
// plans to HR only) a field to open one by its name.
function HeadPlanList() {
  const list = useApi('/api/plans');
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const open = (e) => {
    e.preventDefault();
    const n = name.trim();
    if (!NAME_RE.test(n)) {
      setError(t('pl_err_name'));
      return;
    }
    go('rencana/' + encodeURIComponent(n));
  };
  const rows = list.data ? list.data.rows.filter((r) => r.status !== 'draf') : [];
  return (
    <Page title={t('pl_head_list_title')}>
      <p>{t('pl_head_intro')}</p>
      <div class="grid">
        <Card title={t('pl_head_plans')} id="saved" wide>
          {list.error && <Notice kind="info">{t('pl_head_list_denied')}</Notice>}
          {!list.error && !list.data && <Loading />}
          {list.data && (
            <Table
              id="plan-list"
              rows={rows}
              rowKey={(r) => r.name}
              caption={t('pl_head_plans')}
              empty={t('pl_head_plans_empty')}
              columns={[
                {
                  key: 'name',
                  label: t('pl_col_name'),
                  render: (r) => <a href={href('rencana/' + r.name)}>{r.name}</a>,
                },
                { key: 'status', label: t('pl_col_status'), render: (r) => <PlanStatus value={r.status} /> },
                { key: 'dibuat', label: t('pl_col_dibuat'), render: (r) => date(r.dibuat) },
              ]}
            />
          )}
          <form class="form-row" onSubmit={open} noValidate aria-label={t('pl_head_open_go')} id="open-plan">
            <Field label={t('pl_head_open')} id="pl-open-name">
              {(fid) => (
                <input
                  id={fid}
                  value={name}
                  maxLength={64}
                  autocomplete="off"
                  aria-invalid={error ? 'true' : undefined}
                  onInput={(e) => {
                    setName(e.target.value);
                    setError('');
                  }}
                />
              )}
            </Field>
            <button type="submit" class="btn primary">
              {t('pl_head_open_go')}
            </button>
            {error && (
              <p class="form-error" role="alert">
                {error}
              </p>
            )}
          </form>
        </Card>
      </div>
    </Page>
  );
}

export function PlanList() {
  const { me } = useSession();
  return me.role === 'kepala_unit' ? <HeadPlanList /> : <HrPlanList />;
}

// What waits for the TPK or the PPK, at the top of their list.
const WAITS = { tpk: 'diterbitkan', ppk: 'dipertimbangkan' };

function HrPlanList() {
  const { me } = useSession();
  const list = useApi('/api/plans');
  return (
    <Page title={t('pl_list_title')}>
      <Async q={list}>
        {(d) => {
          const rows = [...d.rows].sort(
            (a, b) => (b.dibuat || '').localeCompare(a.dibuat || '') || a.name.localeCompare(b.name),
          );
          const waiting = WAITS[me.role] ? rows.filter((r) => r.status === WAITS[me.role]).length : 0;
          return (
            <div class="grid">
              {waiting > 0 && (
                <div class="wide">
                  <Notice kind="warn">{t('pl_waiting_' + me.role, { n: num(waiting) })}</Notice>
                </div>
              )}
              <div class="wide">
                <PeriodNotice editable={me.role === 'bkpsdm'} />
              </div>
              <Card title={t('pl_saved')} id="saved" wide>
                <SavedPlans rows={rows} />
              </Card>
              <Card title={t('pl_compare_title')} id="compare" wide>
                <ComparePicker rows={rows} />
              </Card>
              {me.role === 'bkpsdm' && (
                <Card title={t('pl_run_title')} id="run" wide>
                  <RunForm taken={rows.map((r) => r.name)} />
                </Card>
              )}
            </div>
          );
        }}
      </Async>
    </Page>
  );
}

// ---- PlanPage ----------------------------------------------------------------
function Kpi({ id, label, value, sub }) {
  return (
    <div class="kpi">
      <span class="v" data-kpi={id}>
        {value}
      </span>
      <span class="l">{label}</span>
      {sub && <small class="kpi-sub">{sub}</small>}
    </div>
  );
}

// The planner's summary; on a re-run ('moves' given) the count of moves
// is the plan's own, split into the kept and the newly planned.
function Summary({ s, moves }) {
  const metric = (k, digits = 0) => (
    <Kpi
      key={k}
      id={k}
      label={t('pl_kpi_' + k)}
      value={num(s.after[k], digits)}
      sub={t('pl_before_after', { a: num(s.before[k], digits), b: num(s.after[k], digits) })}
    />
  );
  return (
    <div class="kpis" id="plan-kpis">
      {moves ? (
        <Kpi
          id="moves"
          label={t('pl_kpi_moves')}
          value={num(moves.length)}
          sub={t('pl_kpi_moves_rerun', { k: num(s.tetap), n: num(moves.length - s.tetap) })}
        />
      ) : (
        <Kpi
          id="moves"
          label={t('pl_kpi_moves')}
          value={num(s.moves)}
          sub={t('pl_kpi_moves_split', { v: num(s.voluntary), d: num(s.directed) })}
        />
      )}
      {metric('kekurangan')}
      {metric('kelebihan')}
      {metric('jabatan_kurang')}
      {metric('ej_sd', 3)}
      <Kpi
        id="requests_granted"
        label={t('pl_kpi_granted')}
        value={num(s.requests_granted)}
        sub={t('pl_kpi_granted_of', { n: num(s.requests), b: num(s.requests_granted_baseline) })}
      />
      <Kpi
        id="tertutup"
        label={t('pl_kpi_tertutup')}
        value={num(Math.max(0, s.before.kekurangan - s.after.kekurangan))}
        sub={t('pl_kpi_tertutup_sub')}
      />
      <Kpi
        id="km_total"
        label={t('pl_kpi_km')}
        value={t('pl_km_unit', { v: num(s.km_total, 2) })}
        sub={t('pl_kpi_km_mean', { v: num(s.moves ? s.km_total / s.moves : 0, 2) })}
      />
    </div>
  );
}

function EuChart({ before, after }) {
  const { refs } = useSession();
  const [changedOnly, setChangedOnly] = useState(true);
  const rows = useMemo(() => {
    const aft = new Map(after.rows.map((r) => [r.unit, r]));
    return before.rows
      .map((b) => ({ unit: b.unit, b, a: aft.get(b.unit) || b }))
      .sort((x, y) => (y.b.ej ?? -1) - (x.b.ej ?? -1));
  }, [before, after]);
  const changed = rows.filter((r) => r.a.bezetting !== r.b.bezetting);
  const shown = changedOnly && changed.length ? changed : rows;
  const data = useMemo(
    () => ({
      labels: shown.map((r) => unitName(refs, r.unit)),
      datasets: [
        { label: t('pl_chart_before'), data: shown.map((r) => r.b.ej), backgroundColor: '#8c959f' },
        { label: t('pl_chart_after'), data: shown.map((r) => r.a.ej), backgroundColor: '#0b5394' },
      ],
    }),
    [shown.length, rows, changedOnly],
  );
  const options = useMemo(
    () => ({
      indexAxis: 'y',
      plugins: { legend: { position: 'top' } },
      scales: { x: { beginAtZero: true, title: { display: true, text: 'EU' } } },
    }),
    [],
  );
  const table = (
    <Table
      id="eu-table"
      rows={shown}
      rowKey={(r) => r.unit}
      pageSize={100}
      columns={[
        {
          key: 'unit',
          label: t('pl_col_opd'),
          render: (r) => <a href={href('unit/' + r.unit)}>{unitName(refs, r.unit)}</a>,
        },
        {
          key: 'sb',
          label: t('pl_col_staff_before'),
          num: true,
          sort: (r) => r.b.bezetting,
          render: (r) => num(r.b.bezetting),
        },
        {
          key: 'sa',
          label: t('pl_col_staff_after'),
          num: true,
          sort: (r) => r.a.bezetting,
          render: (r) => num(r.a.bezetting),
        },
        { key: 'eb', label: t('pl_col_eu_before'), num: true, sort: (r) => r.b.ej, render: (r) => num(r.b.ej, 3) },
        { key: 'ea', label: t('pl_col_eu_after'), num: true, sort: (r) => r.a.ej, render: (r) => num(r.a.ej, 3) },
        {
          key: 'ga',
          label: t('pl_col_gap_after'),
          num: true,
          sort: (r) => r.a.selisih,
          render: (r) => <Gap value={r.a.selisih} />,
        },
        { key: 'pa', label: t('pl_col_pj_after'), sort: (r) => r.a.pj, render: (r) => <Pj value={r.a.pj} /> },
      ]}
    />
  );
  return (
    <>
      {changed.length > 0 && (
        <label class="check">
          <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} />{' '}
          {t('pl_chart_changed')} ({num(changed.length)})
        </label>
      )}
      {after.moves_skipped && after.moves_skipped.length > 0 && (
        <Notice kind="warn">{t('pl_skipped', { n: num(after.moves_skipped.length) })}</Notice>
      )}
      <ChartView
        key={changedOnly ? 'c' : 'all'}
        type="bar"
        data={data}
        options={options}
        label={t('pl_chart_label')}
        height={Math.max(240, shown.length * 34 + 60)}
        table={table}
      />
    </>
  );
}

const FILTER0 = { jenis: '', sementara: '', asal: '', tujuan: '', q: '', tanggapan: '', opd: '', keadaan: '' };
const KEADAAN = ['keberatan', 'belum_dijawab', 'belum_diputuskan', 'setuju', 'tolak', 'coret'];

function placeText(refs, kode) {
  return (unitName(refs, kode) + ' ' + kode + ' ' + unitName(refs, opdOf(refs, kode))).toLowerCase();
}

// Where move 'm' stands on the way to a decision, for the filter.
function inState(m, heads, k) {
  switch (k) {
    case 'keberatan':
      return objected(m, heads);
    case 'belum_dijawab':
      return objected(m, heads) && !m.jawaban_tpk;
    case 'belum_diputuskan':
      return !m.keputusan_tpk;
    case 'coret':
      return m.keputusan_ppk === 'coret';
    default:
      return m.keputusan_tpk === k;
  }
}

// The employee's answer and the receiving heads' under it.
function MoveAnswers({ m, answer, heads }) {
  const a = m.tanggapan || (answer && answer.tanggapan);
  const note = m.catatan_tanggapan || (answer && answer.catatan);
  return (
    <span class="move-answer">
      <Answer value={a} />
      {note && <q class="note">{note}</q>}
      {(heads || []).map((h) => (
        <span key={h.oleh} class="head-said" data-head={h.tanggapan}>
          <small>{t('pl_head_said')}</small> <Answer value={h.tanggapan} />
          {h.catatan && <q class="note">{h.catatan}</q>}
        </span>
      ))}
    </span>
  );
}

// The TPK's word and answer, then the PPK's.
function MoveDecision({ m }) {
  return (
    <span class="move-decision" data-tpk={m.keputusan_tpk || ''} data-ppk={m.keputusan_ppk || ''}>
      <span class={'decision dec-' + (m.keputusan_tpk || 'belum')}>
        {t('pl_dec_tpk')} {t('pl_dec_' + (m.keputusan_tpk || 'belum'))}
      </span>
      {m.catatan_tpk && <q class="note">{m.catatan_tpk}</q>}
      {m.jawaban_tpk && (
        <span class="jawaban">
          <small>{t('pl_dec_jawaban')}</small> {m.jawaban_tpk}
        </span>
      )}
      {m.keputusan_ppk && (
        <span class={'decision dec-ppk-' + m.keputusan_ppk}>
          {t('pl_dec_ppk')} {t('pl_dec_ppk_' + m.keputusan_ppk)}
        </span>
      )}
      {m.alasan_ppk && <q class="note">{m.alasan_ppk}</q>}
    </span>
  );
}

// The moves of a plan with their filters. 'answers' (employees') and
// 'heads' (receiving heads') by NIP; 'status' the plan's; 'extra' the
// columns of the caller's role; 'only' a list of NIPs the server named.
function Moves({ moves, answers, heads, status, extra = [], only, onClearOnly }) {
  const { refs } = useSession();
  const [f, setF] = useState(FILTER0);
  const published = status !== 'draf';
  // A re-run draft already carries the TPK's agreements it kept.
  const decided = published || moves.some((m) => m.keputusan_tpk);
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const opds = useMemo(() => {
    const codes = new Set();
    for (const m of moves) {
      codes.add(opdOf(refs, m.unit_asal));
      codes.add(opdOf(refs, m.unit_tujuan));
    }
    return [...codes].map((k) => [k, unitName(refs, k)]).sort((x, y) => x[1].localeCompare(y[1]));
  }, [moves]);
  const rows = useMemo(() => {
    const asal = f.asal.trim().toLowerCase();
    const tujuan = f.tujuan.trim().toLowerCase();
    const q = f.q.trim().toLowerCase();
    const keep = only ? new Set(only) : null;
    return moves.filter((m) => {
      const ans = m.tanggapan || (answers.get(m.nip) || {}).tanggapan || 'belum';
      return (
        (!keep || keep.has(m.nip)) &&
        (!f.jenis || m.jenis === f.jenis) &&
        (!f.sementara || (f.sementara === 'ya') === !!m.sementara_sampai) &&
        (!asal || placeText(refs, m.unit_asal).includes(asal)) &&
        (!tujuan || placeText(refs, m.unit_tujuan).includes(tujuan)) &&
        (!f.opd || opdOf(refs, m.unit_asal) === f.opd || opdOf(refs, m.unit_tujuan) === f.opd) &&
        (!q || m.nip.includes(q) || (m.nama || '').toLowerCase().includes(q)) &&
        (!f.tanggapan || ans === f.tanggapan) &&
        (!f.keadaan || inState(m, heads, f.keadaan))
      );
    });
  }, [moves, f, answers, heads, only]);
  const columns = [
    {
      key: 'nama',
      label: t('pl_col_pegawai'),
      render: (m) => (
        <span>
          <a href={href('pegawai/' + m.nip)}>{m.nama}</a>
          <br />
          <small>{m.nip}</small>
        </span>
      ),
    },
    {
      key: 'unit_asal',
      label: t('pl_col_asal'),
      sort: (m) => unitName(refs, m.unit_asal),
      render: (m) => <Place unit={m.unit_asal} jabatan={m.jabatan_asal} />,
    },
    {
      key: 'unit_tujuan',
      label: t('pl_col_tujuan'),
      sort: (m) => unitName(refs, m.unit_tujuan),
      render: (m) => <Place unit={m.unit_tujuan} jabatan={m.jabatan_tujuan} />,
    },
    { key: 'jenis', label: t('pl_col_jenis'), render: (m) => <MoveKind m={m} /> },
    { key: 'km', label: t('pl_col_km'), num: true, render: (m) => num(m.km, 2) },
    { key: 'reasons', label: t('pl_col_alasan'), nosort: true, render: (m) => <ReasonTags codes={m.reasons} /> },
    published && {
      key: 'tanggapan',
      label: t('pl_col_tanggapan'),
      sort: (m) => m.tanggapan || (answers.get(m.nip) || {}).tanggapan || '',
      render: (m) => <MoveAnswers m={m} answer={answers.get(m.nip)} heads={heads.get(m.nip)} />,
    },
    decided && {
      key: 'keputusan',
      label: t('pl_col_keputusan'),
      sort: (m) => (m.keputusan_tpk || '') + (m.keputusan_ppk || ''),
      render: (m) => <MoveDecision m={m} />,
    },
    {
      key: 'penjelasan',
      label: t('pl_col_penjelasan'),
      nosort: true,
      render: (m) => (
        <details class="move-explain">
          <summary aria-label={t('pl_explain_for', { nama: m.nama })}>{t('pl_explain')}</summary>
          <div class="explain">{m.penjelasan}</div>
        </details>
      ),
    },
    ...extra,
  ].filter(Boolean);
  const filter = (label, key, options) => (
    <Field label={label} id={'flt-' + key}>
      {(fid) => (
        <select id={fid} value={f[key]} onChange={set(key)}>
          <option value="">{t('all')}</option>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const text = (label, key) => (
    <Field label={label} id={'flt-' + key}>
      {(fid) => <input id={fid} type="search" value={f[key]} size={18} onInput={set(key)} />}
    </Field>
  );
  return (
    <>
      <form
        class="form-row move-filters"
        role="search"
        aria-label={t('pl_moves_title')}
        onSubmit={(e) => e.preventDefault()}
      >
        {filter(t('pl_filter_jenis'), 'jenis', [
          ['aps', t('pl_jenis_aps')],
          ['penugasan', t('pl_jenis_penugasan')],
        ])}
        {filter(t('pl_filter_sementara'), 'sementara', [
          ['ya', t('pl_filter_sementara_ya')],
          ['tidak', t('pl_filter_sementara_tidak')],
        ])}
        {filter(t('pl_filter_opd'), 'opd', opds)}
        {text(t('pl_filter_asal'), 'asal')}
        {text(t('pl_filter_tujuan'), 'tujuan')}
        {text(t('pl_filter_q'), 'q')}
        {published &&
          filter(t('pl_filter_tanggapan'), 'tanggapan', [
            ['setuju', t('pl_tanggapan_setuju')],
            ['keberatan', t('pl_tanggapan_keberatan')],
            ['belum', t('pl_tanggapan_belum')],
          ])}
        {decided &&
          filter(
            t('pl_filter_keadaan'),
            'keadaan',
            KEADAAN.map((k) => [k, t('pl_keadaan_' + k)]),
          )}
        <button type="button" class="btn secondary" onClick={() => setF(FILTER0)}>
          {t('pl_filter_reset')}
        </button>
      </form>
      {only && (
        <p class="notice info" id="move-only">
          {t('pl_filter_only', { n: num(only.length) })}{' '}
          <button type="button" class="link" onClick={onClearOnly}>
            {t('pl_filter_only_clear')}
          </button>
        </p>
      )}
      <p id="move-count" role="status" data-shown={rows.length} data-total={moves.length}>
        {t('pl_moves_count', { n: num(rows.length), total: num(moves.length) })}
      </p>
      <Table
        id="move-table"
        columns={columns}
        rows={rows}
        rowKey={(m) => m.nip}
        pageSize={50}
        resetKey={JSON.stringify(f) + (only ? only.join() : '')}
        caption={t('pl_moves_title')}
        empty={t('pl_moves_empty')}
      />
    </>
  );
}

function Responses({ doc, answers }) {
  const names = useMemo(() => new Map(doc.moves.map((m) => [m.nip, m.nama])), [doc]);
  if (doc.plan.status === 'draf') {
    return <p class="empty">{t('pl_responses_draf')}</p>;
  }
  let s = 0;
  let k = 0;
  for (const a of answers.values()) {
    s += a.tanggapan === 'setuju' ? 1 : 0;
    k += a.tanggapan === 'keberatan' ? 1 : 0;
  }
  const who = (r) => (
    <span>
      {names.get(r.nip) || r.nip}
      <br />
      <small>{r.nip}</small>
    </span>
  );
  return (
    <>
      <h3>{t('pl_responses_title')}</h3>
      <p id="response-counts">{t('pl_responses_counts', { s: num(s), k: num(k), b: num(doc.moves.length - s - k) })}</p>
      <Table
        id="response-table"
        rows={doc.responses}
        rowKey={(r) => r.nip}
        pageSize={20}
        empty={t('pl_responses_empty')}
        caption={t('pl_responses_title')}
        columns={[
          { key: 'nip', label: t('pl_col_pegawai'), render: who },
          { key: 'tanggapan', label: t('pl_col_tanggapan'), render: (r) => <Answer value={r.tanggapan} /> },
          { key: 'catatan', label: t('pl_col_catatan'), render: (r) => r.catatan || '–' },
          { key: 'ditanggapi', label: t('pl_col_ditanggapi'), render: (r) => date(r.ditanggapi) },
        ]}
      />
      <h3>{t('pl_heads_title')}</h3>
      <Table
        id="head-answer-table"
        rows={doc.tanggapan_kepala || []}
        rowKey={(r) => r.nip + r.oleh}
        pageSize={20}
        empty={t('pl_heads_empty')}
        caption={t('pl_heads_title')}
        columns={[
          { key: 'nip', label: t('pl_col_pegawai'), render: who },
          { key: 'oleh', label: t('pl_col_oleh'), render: (r) => actorText(r.oleh) },
          { key: 'tanggapan', label: t('pl_col_tanggapan'), render: (r) => <Answer value={r.tanggapan} /> },
          { key: 'catatan', label: t('pl_col_catatan'), render: (r) => r.catatan || '–' },
          { key: 'ditanggapi', label: t('pl_col_ditanggapi'), render: (r) => date(r.ditanggapi) },
        ]}
      />
    </>
  );
}

function PlanFacts({ plan, tetap }) {
  return (
    <dl class="facts">
      <dt>{t('pl_col_status')}</dt>
      <dd>
        <PlanStatus value={plan.status} />
      </dd>
      {plan.dari && (
        <>
          <dt>{t('pl_col_dari')}</dt>
          <dd data-dari={plan.dari}>
            <a href={href('rencana/' + plan.dari)}>{plan.dari}</a>
          </dd>
        </>
      )}
      {plan.dari && tetap !== undefined && tetap !== null && (
        <>
          <dt>{t('pl_col_tetap')}</dt>
          <dd data-tetap={tetap}>{num(tetap)}</dd>
        </>
      )}
      {plan.mode && (
        <>
          <dt>{t('pl_col_mode')}</dt>
          <dd>{t('pl_mode_' + plan.mode)}</dd>
        </>
      )}
      {plan.as_of && (
        <>
          <dt>{t('pl_col_as_of')}</dt>
          <dd>{date(plan.as_of)}</dd>
        </>
      )}
      {plan.tenggat && (
        <>
          <dt>{t('pl_col_tenggat')}</dt>
          <dd data-tenggat={plan.tenggat}>{date(plan.tenggat)}</dd>
        </>
      )}
      {plan.ba_nomor && (
        <>
          <dt>{t('pl_col_ba')}</dt>
          <dd data-ba={plan.ba_nomor}>{plan.ba_nomor}</dd>
        </>
      )}
      {plan.tmt && (
        <>
          <dt>{t('pl_col_tmt')}</dt>
          <dd>{date(plan.tmt)}</dd>
        </>
      )}
      {plan.sk_nomor && (
        <>
          <dt>{t('pl_col_sk')}</dt>
          <dd data-sk={plan.sk_nomor}>{plan.sk_nomor}</dd>
        </>
      )}
      {plan.catatan_kembali && (
        <>
          <dt>{t('pl_col_catatan_kembali')}</dt>
          <dd>{plan.catatan_kembali}</dd>
        </>
      )}
    </dl>
  );
}

function Decision({ me, doc, reload, ppkPanel, returned }) {
  const plan = doc.plan;
  const name = plan.name;
  const base = planPath(name);
  return (
    <>
      <PlanFacts plan={plan} tetap={doc.summary && doc.summary.tetap} />
      <StatusNote plan={plan} role={me.role} returned={returned} />
      {['bkpsdm', 'tpk', 'ppk'].includes(me.role) && <PeriodNotice key={plan.status} plan={name} />}
      {me.role === 'bkpsdm' && plan.status === 'draf' && <PublishForm name={name} reload={reload} />}
      {me.role === 'bkpsdm' && plan.status === 'diterbitkan' && <RerunForm name={name} moves={doc.moves} />}
      {me.role === 'tpk' && plan.status === 'diterbitkan' && (
        <p>
          <button
            type="button"
            class="link"
            onClick={() => {
              document.getElementById('tpk-session-h')?.scrollIntoView();
              document.querySelector('#tpk-session button')?.focus();
            }}
          >
            {t('pl_tpk_goto')}
          </button>
        </p>
      )}
      {ppkPanel}
      <h3>{t('pl_downloads')}</h3>
      <div class="actions">
        <a class="btn secondary" href={base + '/export.xlsx'} download={'rencana-' + name + '.xlsx'}>
          {t('pl_download_xlsx')}
        </a>
        {plan.status === 'ditetapkan' ? (
          <a class="btn secondary" href={base + '/sk.pdf'} download={'SK-mutasi-' + name + '.pdf'}>
            {t('pl_download_sk')}
          </a>
        ) : (
          <span class="hint">{t('pl_sk_after_approval')}</span>
        )}
        {plan.ba_nomor && (
          <a
            class="btn secondary"
            id="ba-pdf"
            href={base + '/berita-acara.pdf'}
            download={'berita-acara-' + name + '.pdf'}
          >
            {t('pl_download_ba')}
          </a>
        )}
      </div>
    </>
  );
}

function SettingsUsed({ settings }) {
  return (
    <details>
      <summary>{t('pl_settings_used')}</summary>
      <dl class="facts">
        {ALL_SETTINGS.map((s) => {
          const v = settings[s.key];
          return [
            <dt key={s.key + 't'}>{t('set_' + s.key)}</dt>,
            <dd key={s.key + 'd'}>
              {v === null || v === undefined
                ? t('pl_no_limit')
                : s.bool
                  ? v
                    ? t('yes')
                    : t('no')
                  : num(v, s.decimal ? 2 : 0)}
            </dd>,
          ];
        })}
      </dl>
    </details>
  );
}

// A plan as BKPSDM, the TPK and the PPK see it, with the controls of the
// step that is theirs.
function HrPlanPage({ name }) {
  const { me } = useSession();
  const base = planPath(name);
  const plan = useApi(base);
  const doc = plan.data;
  const asOf = doc && doc.plan.as_of;
  const before = useApi(asOf ? '/api/abk' + qs({ by: 'opd', as_of: asOf }) : null);
  const after = useApi(asOf ? '/api/abk' + qs({ by: 'opd', plan: name }) : null);
  const answers = useMemo(() => new Map(((doc && doc.responses) || []).map((r) => [r.nip, r])), [doc]);
  const heads = useMemo(() => headAnswers(doc), [doc]);
  const names = useMemo(() => new Map(((doc && doc.moves) || []).map((m) => [m.nip, m.nama])), [doc]);
  const tpk = useTpk({
    name,
    doc,
    heads,
    names,
    reload: plan.reload,
    active: me.role === 'tpk' && doc && doc.plan.status === 'diterbitkan',
  });
  const ppk = usePpk({ name, doc, names, reload: plan.reload, role: me.role });
  // Who returned a returned plan: the PPK, or BKPSDM by running it again.
  const log = useApi(
    doc && doc.plan.status === 'dikembalikan' ? '/api/audit' + qs({ entity: 'plan', id: name }) : null,
  );
  const returned = useMemo(() => {
    const rows = (log.data && log.data.rows) || [];
    const again = rows.find((r) => r.action === 'jalankan_ulang' && r.after && r.after.baru);
    if (again) {
      return { by: 'rerun', baru: again.after.baru };
    }
    return rows.some((r) => r.action === 'kembalikan') ? { by: 'ppk' } : null;
  }, [log.data]);
  return (
    <Page title={t('pl_title', { name })} actions={<a href={href('rencana')}>{t('pl_back')}</a>}>
      <Async q={plan}>
        {(d) => (
          <>
            {d.plan.dari && d.summary && d.summary.tetap !== undefined && (
              <Notice kind="info">
                <span id="rerun-of">
                  {t('pl_rerun_of', {
                    dari: d.plan.dari,
                    k: num(d.summary.tetap),
                    n: num(d.moves.length - d.summary.tetap),
                  })}
                </span>
              </Notice>
            )}
            {d.summary && (
              <Summary s={d.summary} moves={d.plan.dari && d.summary.tetap !== undefined ? d.moves : null} />
            )}
            <div class="side-by-side plan-top">
              <Card title={t('pl_decision_title')} id="decision">
                <Decision me={me} doc={d} reload={plan.reload} ppkPanel={ppk.panel} returned={returned} />
                <SettingsUsed settings={d.plan.settings || {}} />
              </Card>
              <Card title={t('pl_answers_title')} id="responses">
                <Responses doc={d} answers={answers} />
              </Card>
            </div>
            <div class="grid">
              <Card title={t('pl_chart_title')} id="eu-chart" wide>
                <Async q={before}>{(b) => <Async q={after}>{(a) => <EuChart before={b} after={a} />}</Async>}</Async>
              </Card>
              <Card title={t('pl_moves_title')} id="moves" wide>
                {tpk.panel}
                <Moves
                  moves={d.moves}
                  answers={answers}
                  heads={heads}
                  status={d.plan.status}
                  extra={[tpk.column, ppk.column].filter(Boolean)}
                  only={tpk.only}
                  onClearOnly={tpk.clearOnly}
                />
              </Card>
            </div>
          </>
        )}
      </Async>
    </Page>
  );
}

const NONE = new Map();

// Is unit 'kode' in the subtree of unit 'root'?
function within(refs, kode, root) {
  let u = refs && refs.units.get(kode);
  for (let i = 0; u && i < 64; i++) {
    if (u.kode === root) {
      return true;
    }
    u = u.induk ? refs.units.get(u.induk) : null;
  }
  return false;
}

// A head answers for moves into their unit when it is an OPD (or a
// kecamatan, the RSUD, a root): a school principal alone does not.
function headsOpd(refs, unit) {
  const u = refs && refs.units.get(unit);
  return !!u && (!u.induk || u.jenis === 'opd' || u.jenis === 'kecamatan' || u.jenis === 'rsud');
}

// A published plan as the head of a unit sees it: the moves into and out
// of their subtree (the server keeps only those), and an answer form for
// each move into their OPD while the plan takes answers.
function HeadPlanPage({ name }) {
  const { me, refs } = useSession();
  const plan = useApi(planPath(name));
  const [sent, setSent] = useState(new Map());
  return (
    <Page title={t('pl_title', { name })} actions={<a href={href('rencana')}>{t('pl_back')}</a>}>
      <Async q={plan}>
        {(d) => {
          const open = d.plan.status === 'diterbitkan' && !(d.plan.tenggat && todayIso() > d.plan.tenggat);
          const answerColumn = {
            key: 'jawab',
            label: t('pl_head_col_answer'),
            nosort: true,
            render: (m) => {
              if (!within(refs, m.unit_tujuan, me.unit) || !headsOpd(refs, me.unit)) {
                return <small>{t('pl_head_out')}</small>;
              }
              if (!open) {
                return <small>{t('pl_head_closed')}</small>;
              }
              return (
                <HeadAnswer
                  name={name}
                  m={m}
                  sent={sent.get(m.nip)}
                  onSent={(nip, a) => setSent((x) => new Map(x).set(nip, a))}
                />
              );
            },
          };
          return (
            <div class="grid">
              <Card title={t('pl_decision_title')} id="decision" wide>
                <PlanFacts plan={d.plan} />
                <StatusNote plan={d.plan} role={me.role} />
              </Card>
              <Card title={t('pl_head_moves')} id="moves" wide>
                {d.moves.length === 0 ? (
                  <p class="empty" id="head-none">
                    {t('pl_head_none')}
                  </p>
                ) : (
                  <Moves moves={d.moves} answers={NONE} heads={NONE} status={d.plan.status} extra={[answerColumn]} />
                )}
              </Card>
            </div>
          );
        }}
      </Async>
    </Page>
  );
}

export function PlanPage({ name }) {
  const { me } = useSession();
  // Keyed by the name: a re-run opens the new plan with a fresh state.
  return me.role === 'kepala_unit' ? <HeadPlanPage key={name} name={name} /> : <HrPlanPage key={name} name={name} />;
}

// ---- PlanCompare ---------------------------------------------------------------
const SUMMARY_ROWS = [
  ['moves', 0],
  ['voluntary', 0],
  ['directed', 0],
  ['requests_granted', 0],
  ['requests_granted_baseline', 0],
  ['km_total', 2],
  ['km_mean', 2],
];
const METRIC_ROWS = [
  ['kekurangan', 0],
  ['kelebihan', 0],
  ['jabatan_kurang', 0],
  ['ej_sd', 3],
];

strings({
  id: {
    pl_sum_moves: 'Perpindahan',
    pl_sum_voluntary: 'APS',
    pl_sum_directed: 'Penugasan',
    pl_sum_requests_granted: 'Permohonan dikabulkan',
    pl_sum_requests_granted_baseline: 'Dikabulkan tanpa tukar tempat dan rantai',
    pl_sum_km_total: 'Jarak tempuh seluruhnya (km)',
    pl_sum_km_mean: 'Jarak tempuh rata-rata per perpindahan (km)',
    pl_sum_after: '{m} sesudah (sebelum {b})',
  },
  en: {
    pl_sum_moves: 'Transfers',
    pl_sum_voluntary: 'Own request',
    pl_sum_directed: 'Assigned',
    pl_sum_requests_granted: 'Requests granted',
    pl_sum_requests_granted_baseline: 'Granted without swaps and chains',
    pl_sum_km_total: 'Total distance travelled (km)',
    pl_sum_km_mean: 'Mean distance per transfer (km)',
    pl_sum_after: '{m} after (before {b})',
  },
});

function PlanSummaryCard({ name, meta, s, side }) {
  return (
    <Card title={t('pl_compare_' + side) + ': ' + name} id={'cmp-' + side}>
      <p>
        <a href={href('rencana/' + name)}>{t('pl_open', { name })}</a>
      </p>
      {meta && (
        <dl class="facts">
          <dt>{t('pl_col_mode')}</dt>
          <dd>{t('pl_mode_' + meta.mode)}</dd>
          <dt>{t('pl_col_as_of')}</dt>
          <dd>{date(meta.as_of)}</dd>
          <dt>{t('pl_col_status')}</dt>
          <dd>
            <PlanStatus value={meta.status} />
          </dd>
        </dl>
      )}
      <h3>{t('pl_cmp_summary')}</h3>
      <dl class="facts" data-side={side}>
        {SUMMARY_ROWS.map(([k, dg]) => [
          <dt key={k + 't'}>{t('pl_sum_' + k)}</dt>,
          <dd key={k + 'd'} data-key={k}>
            {num(k === 'km_mean' ? (s.moves ? s.km_total / s.moves : 0) : s[k], dg)}
          </dd>,
        ])}
        {METRIC_ROWS.map(([k, dg]) => [
          <dt key={k + 't'}>{t('pl_sum_after', { m: t('pl_kpi_' + k), b: num(s.before[k], dg) })}</dt>,
          <dd key={k + 'd'} data-key={k}>
            {num(s.after[k], dg)}
          </dd>,
        ])}
      </dl>
    </Card>
  );
}

function OnlyMoves({ rows, id }) {
  return (
    <Table
      id={id}
      rows={rows}
      rowKey={(m) => m.nip}
      pageSize={25}
      empty={t('pl_cmp_only_empty')}
      columns={[
        {
          key: 'nama',
          label: t('pl_col_pegawai'),
          render: (m) => (
            <span>
              {m.nama}
              <br />
              <small>{m.nip}</small>
            </span>
          ),
        },
        {
          key: 'unit_asal',
          label: t('pl_col_asal'),
          render: (m) => <Place unit={m.unit_asal} jabatan={m.jabatan_asal} />,
        },
        {
          key: 'unit_tujuan',
          label: t('pl_col_tujuan'),
          render: (m) => <Place unit={m.unit_tujuan} jabatan={m.jabatan_tujuan} />,
        },
        { key: 'jenis', label: t('pl_col_jenis'), render: (m) => <MoveKind m={m} /> },
        { key: 'km', label: t('pl_col_km'), num: true, render: (m) => num(m.km, 2) },
      ]}
    />
  );
}

// "UNIT/JABATAN" of the compare answer as a place.
function Target({ value }) {
  const i = value.indexOf('/');
  return <Place unit={value.slice(0, i)} jabatan={value.slice(i + 1)} />;
}

export function PlanCompare({ a, b }) {
  const cmp = useApi('/api/plans/' + encodeURIComponent(a) + '/compare/' + encodeURIComponent(b));
  const list = useApi('/api/plans');
  const docA = useApi('/api/plans/' + encodeURIComponent(a));
  const meta = (n) => list.data && list.data.rows.find((r) => r.name === n);
  const names = useMemo(() => new Map(((docA.data && docA.data.moves) || []).map((m) => [m.nip, m])), [docA.data]);
  return (
    <Page title={t('pl_compare_page_title', { a, b })} actions={<a href={href('rencana')}>{t('pl_back')}</a>}>
      <Async q={cmp}>
        {(d) => (
          <>
            <div class="side-by-side">
              <PlanSummaryCard name={a} meta={meta(a)} s={d.a} side="a" />
              <PlanSummaryCard name={b} meta={meta(b)} s={d.b} side="b" />
            </div>
            {d.hanya_a.length + d.hanya_b.length + d.berbeda.length === 0 && <Notice>{t('pl_cmp_same')}</Notice>}
            <div class="grid cmp-moves">
              <Card title={t('pl_cmp_only', { name: a, n: num(d.hanya_a.length) })} id="only-a" wide>
                <OnlyMoves rows={d.hanya_a} id="only-a-table" />
              </Card>
              <Card title={t('pl_cmp_only', { name: b, n: num(d.hanya_b.length) })} id="only-b" wide>
                <OnlyMoves rows={d.hanya_b} id="only-b-table" />
              </Card>
              <Card title={t('pl_cmp_diff', { n: num(d.berbeda.length) })} id="differ" wide>
                <Table
                  id="differ-table"
                  rows={d.berbeda}
                  rowKey={(r) => r.nip}
                  pageSize={25}
                  empty={t('pl_cmp_diff_empty')}
                  columns={[
                    {
                      key: 'nip',
                      label: t('pl_col_pegawai'),
                      render: (r) => (
                        <span>
                          {(names.get(r.nip) || {}).nama || r.nip}
                          <br />
                          <small>{r.nip}</small>
                        </span>
                      ),
                    },
                    {
                      key: 'asal',
                      label: t('pl_col_asal'),
                      nosort: true,
                      render: (r) => {
                        const m = names.get(r.nip);
                        return m ? <Place unit={m.unit_asal} jabatan={m.jabatan_asal} /> : '–';
                      },
                    },
                    { key: 'a', label: t('pl_cmp_target', { name: a }), render: (r) => <Target value={r.a} /> },
                    { key: 'b', label: t('pl_cmp_target', { name: b }), render: (r) => <Target value={r.b} /> },
                  ]}
                />
              </Card>
            </div>
          </>
        )}
      </Async>
    </Page>
  );
}
