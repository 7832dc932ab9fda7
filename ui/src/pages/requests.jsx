// SPDX-License-Identifier: MIT
// Transfer requests (domain.md section 5): the employee's own list and
// the form to file one (MyRequests), and one request as every role sees
// it (RequestPage): its facts, the status timeline, the ABK warnings, the
// documents it carries with their review, and the actions the caller may
// take now (the server names them in "actions").
import { useMemo, useRef, useState } from 'preact/hooks';
import { post, qs, upload } from '../api.js';
import { date, num, strings, t } from '../i18n.js';
import { actorText, ALASAN } from '../vocab.js';
import {
  ActionButton,
  Async,
  Card,
  Field,
  go,
  href,
  jabatanName,
  Notice,
  Page,
  Status,
  Table,
  toast,
  unitName,
  useApi,
  useSession,
} from '../ui.jsx';
import { izinBody, RequestPeriod, useActivePeriod } from './masa_tenang.jsx';

strings({
  id: {
    rq_proposal_waiting: 'Ada {n} usulan mutasi untuk Anda yang menunggu tanggapan.',
    rq_proposal_open: 'Lihat dan tanggapi usulan',
    rq_my_title: 'Permohonan Mutasi Saya',
    rq_my_list: 'Daftar permohonan',
    rq_my_empty: 'Anda belum pernah mengajukan permohonan mutasi.',
    rq_open_exists:
      'Anda masih memiliki permohonan yang belum selesai. Permohonan baru dapat diajukan setelah permohonan itu selesai, ditolak atau dibatalkan.',
    rq_new_title: 'Ajukan permohonan mutasi',
    rq_new_intro:
      'Pilih sampai lima unit tujuan menurut urutan yang Anda inginkan. Permohonan disimpan sebagai draf; unggah dokumen persyaratan lalu tekan "Ajukan" di halaman permohonan.',
    rq_own_unit: 'Unit kerja Anda sekarang: {unit}',
    rq_choice_n: 'Pilihan {n}',
    rq_choice_hint: 'Ketik nama unit lalu pilih dari daftar.',
    rq_choice_add: 'Tambah pilihan',
    rq_choice_remove: 'Hapus pilihan {n}',
    rq_choice_up: 'Naikkan pilihan {n}',
    rq_choices_legend: 'Unit tujuan (urut prioritas)',
    rq_alasan: 'Alasan',
    rq_alasan_pick: '— pilih alasan —',
    rq_keterangan: 'Keterangan',
    rq_keterangan_hint: 'Jelaskan alasan Anda secara singkat (tidak wajib).',
    rq_submit_new: 'Simpan sebagai draf',
    rq_saving: 'Menyimpan…',
    rq_err_no_choice: 'Isi paling sedikit satu unit tujuan.',
    rq_err_unknown_unit: 'Unit "{text}" tidak dikenal; pilih dari daftar.',
    rq_err_own_unit: 'Unit kerja Anda sendiri tidak dapat dipilih.',
    rq_err_duplicate: 'Setiap unit hanya boleh dipilih sekali.',
    rq_err_no_alasan: 'Pilih alasan permohonan.',
    rq_created: 'Permohonan #{id} disimpan sebagai draf.',
    rq_no_nip: 'Akun ini tidak terhubung dengan data pegawai.',
    rq_title: 'Permohonan Mutasi #{id}',
    rq_facts: 'Data permohonan',
    rq_col_id: 'No.',
    rq_col_tanggal: 'Tanggal',
    rq_col_pilihan: 'Unit tujuan',
    rq_col_status: 'Status',
    rq_col_alasan: 'Alasan',
    rq_pegawai: 'Pegawai',
    rq_nip: 'NIP',
    rq_unit_now: 'Unit kerja sekarang',
    rq_pilihan: 'Pilihan unit tujuan',
    rq_tanggal: 'Tanggal permohonan',
    rq_status: 'Status',
    rq_diubah: 'Terakhir diubah',
    rq_timeline: 'Riwayat status',
    rq_timeline_empty: 'Belum ada riwayat.',
    rq_by: 'oleh {actor}',
    kel_title: 'Kelayakan mutasi atas permintaan sendiri',
    kel_boleh: 'Memenuhi syarat: dapat mengajukan pindah atas permintaan sendiri.',
    kel_tidak: 'Belum memenuhi syarat untuk pindah atas permintaan sendiri:',
    kel_tidak_self:
      'Anda belum memenuhi syarat untuk pindah atas permintaan sendiri. Anda tetap dapat membaca formulir di bawah, tetapi permohonan tidak akan dikabulkan selama alasan berikut berlaku:',
    kel_pegawai: 'Kelayakan pegawai (hari ini)',
    rq_doc_named: '{doc}: berkas {file}',
    rq_confirm_ajukan:
      'Ajukan permohonan #{id}? Setelah diajukan, permohonan tidak dapat diubah lagi dan diteruskan ke kepala unit asal.',
    rq_confirm_batalkan: 'Batalkan permohonan #{id}? Pembatalan tidak dapat diurungkan.',
    rq_confirm_tetapkan:
      'Tetapkan permohonan #{id} dengan TMT {tmt}? SK mutasi akan diterbitkan dan perpindahan dicatat di riwayat pegawai.',
    rq_to_status: 'menjadi',
    rq_warnings: 'Peringatan ABK',
    rq_warnings_intro:
      'Keputusan tetap dapat diambil (PPK berwenang), tetapi permohonan ini membawa peringatan berikut:',
    rq_docs: 'Dokumen persyaratan',
    rq_docs_caption: 'Daftar periksa dokumen untuk alasan "{alasan}"',
    rq_docs_missing: '{n} dokumen wajib belum diunggah.',
    rq_docs_complete: 'Semua dokumen wajib sudah diunggah.',
    rq_docs_revise: 'Dokumen berikut perlu direvisi; unggah berkas yang sudah diperbaiki:',
    rq_doc_col_kind: 'Dokumen',
    rq_doc_col_need: 'Keperluan',
    rq_doc_col_file: 'Berkas',
    rq_doc_col_review: 'Pemeriksaan',
    rq_doc_col_do: 'Periksa',
    rq_need_wajib: 'Wajib',
    rq_need_opsional: 'Tidak wajib untuk alasan ini',
    rq_need_pendukung: 'Pendukung (tidak wajib untuk diajukan)',
    rq_need_skpp: 'Pendukung bila unit pembayar gaji berubah',
    rq_need_skpp_yes: 'Pendukung: unit pembayar gaji berubah',
    rq_need_skpp_no: 'Tidak wajib: unit pembayar gaji tetap',
    rq_not_uploaded: 'Belum diunggah',
    rq_download: 'Unduh {nama}',
    rq_older: '{n} versi sebelumnya',
    rq_review_none: 'Belum diperiksa',
    rq_review_sesuai: 'Sesuai',
    rq_review_perlu_revisi: 'Perlu revisi',
    rq_review_ok: 'Sesuai',
    rq_review_ok_label: 'Tandai {doc} sesuai',
    rq_review_revise: 'Minta revisi…',
    rq_review_revise_label: 'Minta revisi {doc}',
    rq_review_note: 'Catatan revisi untuk {doc}',
    rq_review_note_hint: 'Permintaan revisi mengembalikan permohonan ke draf agar pegawai memperbaikinya.',
    rq_review_send: 'Kirim permintaan revisi',
    rq_review_err_note: 'Tulis catatan: apa yang harus diperbaiki.',
    rq_reviewed: 'Hasil pemeriksaan {doc} disimpan.',
    rq_upload_title: 'Unggah dokumen',
    rq_upload_kind: 'Jenis dokumen',
    rq_upload_file: 'Berkas PDF',
    rq_upload_hint: 'Hanya PDF, paling besar 5 MB. Mengunggah lagi jenis yang sama menggantikan berkas sebelumnya.',
    rq_upload_send: 'Unggah',
    rq_uploading: 'Mengunggah…',
    rq_upload_err_none: 'Pilih berkas PDF terlebih dahulu.',
    rq_upload_err_type: 'Berkas harus PDF.',
    rq_upload_err_size: 'Berkas lebih besar dari 5 MB.',
    rq_uploaded: '{doc} diunggah.',
    rq_optional_suffix: '(tidak wajib)',
    rq_actions: 'Tindakan',
    rq_actions_none: 'Tidak ada tindakan yang dapat Anda lakukan pada permohonan ini sekarang.',
    rq_verify_incomplete:
      '{n} dokumen belum lengkap atau belum diperiksa sesuai. Setiap dokumen wajib ada dan setiap dokumen yang diunggah diperiksa sesuai sebelum verifikasi.',
    rq_verify_goto: 'Ke daftar periksa dokumen',
    rq_tmt: 'TMT mutasi',
    rq_tmt_hint: 'Wajib untuk penetapan: tanggal 1 suatu bulan, tidak sebelum bulan ini.',
    rq_tmt_err: 'Isi TMT: tanggal 1 suatu bulan (misalnya 2027-01-01).',
    rq_pilihan_terima: 'Unit tujuan yang menerima',
    rq_pilihan_default: '— pilihan pertama di bawah Anda —',
    rq_pilihan_n: 'Pilihan {n}: {unit}',
    rq_decided_sk: 'Permohonan #{id} ditetapkan; SK nomor {sk}.',
    rq_sk: 'Unduh SK (PDF)',
    rq_petikan: 'Unduh petikan SK (PDF)',
    rq_catatan: 'Catatan',
    rq_catatan_hint: 'Wajib diisi untuk penolakan dan pembatalan.',
    rq_err_note_required: 'Tulis catatan: penolakan dan pembatalan wajib disertai alasan.',
    rq_conflict: '{msg} Data terbaru sudah dimuat.',
    rq_done: 'Permohonan #{id}: {action}.',
    action_minta_revisi: 'Diminta revisi dokumen',
    action_unggah: 'Dokumen diunggah',
    doc_surat_permohonan: 'Surat permohonan pegawai',
    doc_bukti_alasan: 'Bukti alasan (buku nikah dan SK pasangan / surat keterangan dokter)',
    doc_persetujuan_asal: 'Persetujuan melepas dari kepala OPD asal',
    doc_persetujuan_tujuan: 'Persetujuan menerima dari kepala OPD tujuan',
    doc_bebas_hukuman: 'Surat pernyataan tidak sedang dijatuhi hukuman disiplin',
    doc_bebas_temuan: 'Surat keterangan bebas temuan Inspektorat',
    doc_sk_terakhir: 'SK pangkat/jabatan terakhir',
    doc_skp: 'SKP dua tahun terakhir bernilai baik',
    doc_bebas_tugas_belajar: 'Surat pernyataan tidak sedang tugas belajar',
    doc_skpp: 'SKPP (surat keterangan penghentian pembayaran)',
  },
  en: {
    rq_proposal_waiting: '{n} proposed transfer(s) for you await your answer.',
    rq_proposal_open: 'See and answer the proposals',
    rq_my_title: 'My transfer requests',
    rq_my_list: 'Requests',
    rq_my_empty: 'You have not filed a transfer request yet.',
    rq_open_exists:
      'You still have a request in progress. A new one can be filed once it is completed, refused or withdrawn.',
    rq_new_title: 'File a transfer request',
    rq_new_intro:
      'Choose up to five destination units in your order of preference. The request is saved as a draft; upload the required documents, then press "Submit" on the request page.',
    rq_own_unit: 'Your current unit: {unit}',
    rq_choice_n: 'Choice {n}',
    rq_choice_hint: 'Type a unit name and pick it from the list.',
    rq_choice_add: 'Add a choice',
    rq_choice_remove: 'Remove choice {n}',
    rq_choice_up: 'Move choice {n} up',
    rq_choices_legend: 'Destination units (in order of preference)',
    rq_alasan: 'Reason',
    rq_alasan_pick: '— choose a reason —',
    rq_keterangan: 'Remarks',
    rq_keterangan_hint: 'Explain your reason briefly (optional).',
    rq_submit_new: 'Save as draft',
    rq_saving: 'Saving…',
    rq_err_no_choice: 'Enter at least one destination unit.',
    rq_err_unknown_unit: 'Unit "{text}" is unknown; pick one from the list.',
    rq_err_own_unit: 'Your own unit cannot be chosen.',
    rq_err_duplicate: 'Each unit may be chosen only once.',
    rq_err_no_alasan: 'Choose the reason of the request.',
    rq_created: 'Request #{id} saved as a draft.',
    rq_no_nip: 'This account is not linked to an employee record.',
    rq_title: 'Transfer request #{id}',
    rq_facts: 'Request details',
    rq_col_id: 'No.',
    rq_col_tanggal: 'Date',
    rq_col_pilihan: 'Destination',
    rq_col_status: 'Status',
    rq_col_alasan: 'Reason',
    rq_pegawai: 'Employee',
    rq_nip: 'NIP',
    rq_unit_now: 'Current unit',
    rq_pilihan: 'Destination choices',
    rq_tanggal: 'Date of request',
    rq_status: 'Status',
    rq_diubah: 'Last changed',
    rq_timeline: 'Status history',
    rq_timeline_empty: 'No history yet.',
    rq_by: 'by {actor}',
    kel_title: 'Eligibility for a transfer at own request',
    kel_boleh: 'Eligible: may ask to move at own request.',
    kel_tidak: 'Not eligible to move at own request:',
    kel_tidak_self:
      'You are not yet eligible to move at own request. You may still read the form below, but a request cannot be granted while these reasons hold:',
    kel_pegawai: "Employee's eligibility (today)",
    rq_doc_named: '{doc}: file {file}',
    rq_confirm_ajukan:
      'Submit request #{id}? Once submitted it can no longer be changed and goes to the head of the origin unit.',
    rq_confirm_batalkan: 'Withdraw request #{id}? This cannot be undone.',
    rq_confirm_tetapkan:
      "Decide request #{id} from {tmt}? The decree is issued and the transfer written into the employee's history.",
    rq_to_status: 'now',
    rq_warnings: 'ABK warnings',
    rq_warnings_intro:
      'A decision may still be taken (the PPK has the authority), but this request carries these warnings:',
    rq_docs: 'Required documents',
    rq_docs_caption: 'Document checklist for the reason "{alasan}"',
    rq_docs_missing: '{n} required documents not uploaded yet.',
    rq_docs_complete: 'All required documents are uploaded.',
    rq_docs_revise: 'These documents need a revision; upload the corrected file:',
    rq_doc_col_kind: 'Document',
    rq_doc_col_need: 'Needed',
    rq_doc_col_file: 'File',
    rq_doc_col_review: 'Review',
    rq_doc_col_do: 'Check',
    rq_need_wajib: 'Required',
    rq_need_opsional: 'Not required for this reason',
    rq_need_pendukung: 'Supporting (not required to submit)',
    rq_need_skpp: 'Supporting when the payroll unit changes',
    rq_need_skpp_yes: 'Supporting: the payroll unit changes',
    rq_need_skpp_no: 'Not required: same payroll unit',
    rq_not_uploaded: 'Not uploaded',
    rq_download: 'Download {nama}',
    rq_older: '{n} earlier versions',
    rq_review_none: 'Not reviewed',
    rq_review_sesuai: 'In order',
    rq_review_perlu_revisi: 'Needs revision',
    rq_review_ok: 'In order',
    rq_review_ok_label: 'Mark {doc} in order',
    rq_review_revise: 'Ask for revision…',
    rq_review_revise_label: 'Ask for a revision of {doc}',
    rq_review_note: 'Revision note for {doc}',
    rq_review_note_hint: 'Asking for a revision sends the request back to draft for the employee to correct.',
    rq_review_send: 'Send the revision request',
    rq_review_err_note: 'Write a note: what must be corrected.',
    rq_reviewed: 'Review of {doc} saved.',
    rq_upload_title: 'Upload a document',
    rq_upload_kind: 'Kind of document',
    rq_upload_file: 'PDF file',
    rq_upload_hint: 'PDF only, at most 5 MB. Uploading the same kind again replaces the earlier file.',
    rq_upload_send: 'Upload',
    rq_uploading: 'Uploading…',
    rq_upload_err_none: 'Choose a PDF file first.',
    rq_upload_err_type: 'The file must be a PDF.',
    rq_upload_err_size: 'The file is larger than 5 MB.',
    rq_uploaded: '{doc} uploaded.',
    rq_optional_suffix: '(optional)',
    rq_actions: 'Actions',
    rq_actions_none: 'There is nothing you can do on this request now.',
    rq_verify_incomplete:
      '{n} documents are missing or not yet found in order. Every required document must be there and every uploaded one found in order before verifying.',
    rq_verify_goto: 'To the document checklist',
    rq_tmt: 'Effective date (TMT)',
    rq_tmt_hint: 'Required to decide: the 1st of a month, not before this month.',
    rq_tmt_err: 'Give the effective date: the 1st of a month (e.g. 2027-01-01).',
    rq_pilihan_terima: 'Destination that receives',
    rq_pilihan_default: '— the first choice under you —',
    rq_pilihan_n: 'Choice {n}: {unit}',
    rq_decided_sk: 'Request #{id} decided; decree number {sk}.',
    rq_sk: 'Download the decree (PDF)',
    rq_petikan: 'Download the decree extract (PDF)',
    rq_catatan: 'Note',
    rq_catatan_hint: 'Required to refuse or withdraw.',
    rq_err_note_required: 'Write a note: a refusal or a withdrawal needs a reason.',
    rq_conflict: '{msg} The latest data is shown.',
    rq_done: 'Request #{id}: {action}.',
    action_minta_revisi: 'Document revision requested',
    action_unggah: 'Document uploaded',
    doc_surat_permohonan: "Employee's letter of request",
    doc_bukti_alasan: "Evidence for the reason (marriage book and spouse's SK / doctor's letter)",
    doc_persetujuan_asal: 'Release approval from the origin OPD head',
    doc_persetujuan_tujuan: 'Acceptance from the destination OPD head',
    doc_bebas_hukuman: 'Statement of no disciplinary sanction',
    doc_bebas_temuan: "Inspektorat's clearance (no findings)",
    doc_sk_terakhir: 'Last SK of rank/position',
    doc_skp: 'Two years of good performance appraisals (SKP)',
    doc_bebas_tugas_belajar: 'Statement of no study leave',
    doc_skpp: 'SKPP (payroll termination statement)',
  },
});

// ---- shared with the inbox ------------------------------------------------
export const FINAL = ['ditetapkan', 'selesai', 'ditolak', 'dibatalkan'];
export const ENDED = ['selesai', 'ditolak', 'dibatalkan'];
// Actions that end a request and need a reason (the server answers 422).
export const NEEDS_NOTE = ['tolak', 'batalkan'];
// Steps that cannot be taken back ask first (as publishing a plan does).
export const CONFIRM = ['ajukan', 'batalkan', 'tetapkan'];

// The documents of domain.md section 5, as the server names them.
export const DOC_KINDS = [
  'surat_permohonan',
  'bukti_alasan',
  'persetujuan_asal',
  'persetujuan_tujuan',
  'bebas_hukuman',
  'bebas_temuan',
  'sk_terakhir',
  'skp',
  'bebas_tugas_belajar',
  'skpp',
];
// The documents a request must carry to be submitted: the server's
// settings dokumen_wajib (surat_permohonan) and dokumen_wajib_<alasan>
// (bukti_alasan for ikut_pasangan and kesehatan), as they stand by
// default. The others support the request; each one uploaded is reviewed
// before verification all the same.
const MANDATORY = ['surat_permohonan'];
const EVIDENCE_FOR = ['ikut_pasangan', 'kesehatan'];
const PAYROLL_UNITS = ['opd', 'kecamatan', 'rsud'];

// The unit that pays the salary of unit 'kode': its nearest ancestor that
// is an OPD (a kecamatan and the RSUD are OPDs too); null when unknown.
function payrollUnit(refs, kode) {
  let u = refs && refs.units.get(kode);
  for (let hops = 0; u && hops < 20; hops++) {
    if (PAYROLL_UNITS.includes(u.jenis) || !u.induk) {
      return u.kode;
    }
    u = refs.units.get(u.induk);
  }
  return null;
}

// Each document kind: whether this request needs it, and the latest file.
export function checklist(r, refs) {
  const docs = r.documents || [];
  const from = payrollUnit(refs, r.unit);
  const to = payrollUnit(refs, r.pilihan && r.pilihan[0]);
  return DOC_KINDS.map((kind) => {
    let required = MANDATORY.includes(kind);
    let need = required ? 'rq_need_wajib' : 'rq_need_pendukung';
    if (kind === 'bukti_alasan') {
      required = EVIDENCE_FOR.includes(r.alasan);
      need = required ? 'rq_need_wajib' : 'rq_need_opsional';
    } else if (kind === 'skpp') {
      need = !from || !to ? 'rq_need_skpp' : from !== to ? 'rq_need_skpp_yes' : 'rq_need_skpp_no';
    }
    const all = docs.filter((d) => d.jenis === kind).sort((a, b) => b.id - a.id);
    return { kind, required, need, doc: all[0] || null, older: Math.max(0, all.length - 1) };
  });
}

// A form-level error line, announced to screen readers.
function FormError({ text, id }) {
  return text ? (
    <p class="form-error" role="alert" id={id}>
      {text}
    </p>
  ) : null;
}

// Take 'action' on request 'r' (with 'catatan', and 'extra': "tmt" to
// decide, "pilihan" to receive); resolves to true when done. A 409
// (someone moved it meanwhile) is reported and 'reload'ed.
export async function takeAction(r, action, catatan, reload, extra = {}) {
  let res;
  try {
    res = await post(`/api/requests/${r.id}/actions`, { action, catatan: catatan || '', version: r.version, ...extra });
  } catch (e) {
    if (e.status === 409) {
      reload();
      throw new Error(t('rq_conflict', { msg: e.message }));
    }
    throw e;
  }
  toast(
    res && res.sk_nomor
      ? t('rq_decided_sk', { id: r.id, sk: res.sk_nomor })
      : t('rq_done', { id: r.id, action: t('action_' + action) }),
  );
  reload();
  return true;
}

// The documents that stand between a request and its verification: the
// mandatory ones missing and any uploaded one not found in order.
export function unverified(r, refs) {
  return checklist(r, refs).filter((x) => (x.required && !x.doc) || (x.doc && x.doc.status !== 'sesuai')).length;
}

// The decision record of a decided request (its SK is that plan's):
// "permohonan-ID" for a request decided alone, the plan that granted it
// otherwise; read from the step that decided it.
function decisionOf(r) {
  const step = [...(r.riwayat || [])].reverse().find((h) => h.action === 'tetapkan' && h.catatan);
  if (!step) {
    return null;
  }
  const m = /\((permohonan-\d+)\)/.exec(step.catatan) || /rencana (\S+) ke /.exec(step.catatan);
  return m ? m[1] : null;
}

// ---- MyRequests -----------------------------------------------------------
function unitLabel(u) {
  return u.nama;
}

// The code of the unit the text 'text' names (a name from the list or a
// code), or null.
function resolveUnit(refs, byName, text) {
  const s = text.trim();
  if (!s) {
    return null;
  }
  if (refs.units.has(s)) {
    return s;
  }
  return byName.get(s.toLowerCase()) || null;
}

function NewRequest({ own, reloadList }) {
  const { refs } = useSession();
  const [choices, setChoices] = useState(['']);
  const [alasan, setAlasan] = useState('');
  const [keterangan, setKeterangan] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const [keys, setKeys] = useState([0]);
  const units = useMemo(
    () => (refs ? refs.list.filter((u) => u.kode !== own).sort((a, b) => a.nama.localeCompare(b.nama, 'id')) : []),
    [refs, own],
  );
  const byName = useMemo(() => {
    const m = new Map();
    for (const u of refs ? refs.list : []) {
      m.set(unitLabel(u).toLowerCase(), u.kode);
    }
    return m;
  }, [refs]);

  const setChoice = (i, v) => setChoices((cs) => cs.map((c, j) => (j === i ? v : c)));
  const add = () => {
    if (choices.length < 5) {
      setChoices([...choices, '']);
      setKeys([...keys, ++seq.current]);
    }
  };
  const remove = (i) => {
    setChoices(choices.filter((_, j) => j !== i));
    setKeys(keys.filter((_, j) => j !== i));
  };
  const up = (i) => {
    const swap = (xs) => xs.map((x, j) => (j === i - 1 ? xs[i] : j === i ? xs[i - 1] : x));
    setChoices(swap(choices));
    setKeys(swap(keys));
  };

  const submit = async (e) => {
    e.preventDefault();
    const codes = [];
    for (const text of choices) {
      if (!text.trim()) {
        continue;
      }
      const kode = resolveUnit(refs, byName, text);
      if (!kode) {
        setError(t('rq_err_unknown_unit', { text: text.trim() }));
        return;
      }
      if (kode === own) {
        setError(t('rq_err_own_unit'));
        return;
      }
      if (codes.includes(kode)) {
        setError(t('rq_err_duplicate'));
        return;
      }
      codes.push(kode);
    }
    if (codes.length === 0) {
      setError(t('rq_err_no_choice'));
      return;
    }
    if (!alasan) {
      setError(t('rq_err_no_alasan'));
      return;
    }
    setError('');
    setBusy(true);
    try {
      const r = await post('/api/requests', { pilihan: codes, alasan, keterangan });
      toast(t('rq_created', { id: r.id }));
      reloadList();
      go('permohonan/' + r.id);
    } catch (err) {
      setError(err.message);
      setBusy(false);
    }
  };

  return (
    <form class="rq-form" onSubmit={submit} noValidate aria-describedby="rq-new-intro">
      <p id="rq-new-intro">{t('rq_new_intro')}</p>
      {own && <p>{t('rq_own_unit', { unit: unitName(refs, own) })}</p>}
      <datalist id="rq-units">
        {units.map((u) => (
          <option key={u.kode} value={unitLabel(u)}>
            {u.kode}
          </option>
        ))}
      </datalist>
      <fieldset class="choices">
        <legend>{t('rq_choices_legend')}</legend>
        <ol class="choice-list">
          {choices.map((c, i) => (
            <li key={keys[i]}>
              <div class="form-row">
                <Field label={t('rq_choice_n', { n: i + 1 })} id={'rq-choice-' + keys[i]}>
                  {(fid) => (
                    <input
                      id={fid}
                      list="rq-units"
                      value={c}
                      autocomplete="off"
                      size={40}
                      aria-describedby="rq-choice-hint"
                      onInput={(e) => setChoice(i, e.target.value)}
                    />
                  )}
                </Field>
                {i > 0 && (
                  <button
                    type="button"
                    class="btn secondary small"
                    aria-label={t('rq_choice_up', { n: i + 1 })}
                    onClick={() => up(i)}
                  >
                    ▲
                  </button>
                )}
                {choices.length > 1 && (
                  <button type="button" class="btn danger small" onClick={() => remove(i)}>
                    {t('rq_choice_remove', { n: i + 1 })}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
        <small class="hint" id="rq-choice-hint">
          {t('rq_choice_hint')}
        </small>
        {choices.length < 5 && (
          <div class="actions">
            <button type="button" class="btn secondary" onClick={add}>
              {t('rq_choice_add')}
            </button>
          </div>
        )}
      </fieldset>
      <Field label={t('rq_alasan')}>
        {(fid) => (
          <select id={fid} value={alasan} onChange={(e) => setAlasan(e.target.value)} required>
            <option value="">{t('rq_alasan_pick')}</option>
            {ALASAN.map((a) => (
              <option key={a} value={a}>
                {t('alasan_' + a)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('rq_keterangan')} hint={t('rq_keterangan_hint')}>
        {(fid) => (
          <textarea
            id={fid}
            value={keterangan}
            maxLength={1000}
            aria-describedby={fid + '-hint'}
            onInput={(e) => setKeterangan(e.target.value)}
          />
        )}
      </Field>
      <FormError text={error} />
      <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
        {busy ? t('rq_saving') : t('rq_submit_new')}
      </button>
    </form>
  );
}

// A published plan proposes to move this employee and waits for their
// answer: say so where they land after logging in.
function WaitingProposals() {
  const q = useApi('/api/proposals');
  const waiting = q.data ? q.data.rows.filter((r) => r.status === 'diterbitkan' && !r.tanggapan) : [];
  if (waiting.length === 0) {
    return null;
  }
  return (
    <Notice kind="warn">
      {t('rq_proposal_waiting', { n: waiting.length })} <a href={href('usulan')}>{t('rq_proposal_open')}</a>
    </Notice>
  );
}

export function MyRequests() {
  const { me, refs } = useSession();
  const list = useApi('/api/requests');
  const self = useApi(me.nip ? '/api/employees/' + encodeURIComponent(me.nip) : null);
  const columns = [
    {
      key: 'id',
      lead: true,
      label: t('rq_col_id'),
      num: true,
      render: (r) => <a href={href('permohonan/' + r.id)}>#{r.id}</a>,
    },
    { key: 'tanggal', label: t('rq_col_tanggal'), render: (r) => date(r.tanggal) },
    {
      key: 'pilihan',
      label: t('rq_col_pilihan'),
      nosort: true,
      render: (r) => (
        <ol class="inline-list">
          {(r.pilihan || []).map((k) => (
            <li key={k}>{unitName(refs, k)}</li>
          ))}
        </ol>
      ),
    },
    { key: 'alasan', label: t('rq_col_alasan'), render: (r) => t('alasan_' + r.alasan) },
    { key: 'status', lead: true, label: t('rq_col_status'), render: (r) => <Status value={r.status} /> },
  ];
  return (
    <Page title={t('rq_my_title')}>
      {!me.nip && <Notice kind="error">{t('rq_no_nip')}</Notice>}
      <WaitingProposals />
      <div class="grid">
        <Card title={t('rq_my_list')} id="rq-list" wide>
          <Async q={list}>
            {(d) => {
              const rows = [...d.rows].sort((a, b) => b.id - a.id);
              return (
                <>
                  {rows.some((r) => !ENDED.includes(r.status)) && <Notice kind="info">{t('rq_open_exists')}</Notice>}
                  <Table columns={columns} rows={rows} cards rowKey={(r) => r.id} empty={t('rq_my_empty')} />
                </>
              );
            }}
          </Async>
        </Card>
        {me.nip && (
          <Card title={t('rq_new_title')} id="rq-new" wide>
            {self.data && <Kelayakan k={self.data.kelayakan} self />}
            <NewRequest own={self.data && self.data.unit} reloadList={list.reload} />
          </Card>
        )}
      </div>
    </Page>
  );
}

// Whether the employee may ask to move at own wish, and why not (the
// server's "kelayakan": the planner's own rules); 'self' words it for the
// employee.
export function Kelayakan({ k, self }) {
  if (!k) {
    return null;
  }
  if (k.boleh) {
    return (
      <Notice kind="info">
        <span data-kelayakan="boleh">{t('kel_boleh')}</span>
      </Notice>
    );
  }
  return (
    <Notice kind="warn">
      <span data-kelayakan="tidak">{t(self ? 'kel_tidak_self' : 'kel_tidak')}</span>
      <ul class="kelayakan">
        {k.alasan.map((a) => (
          <li key={a.kode} data-kode={a.kode}>
            {a.teks}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

// ---- RequestPage ----------------------------------------------------------
function Facts({ r }) {
  const { refs } = useSession();
  return (
    <dl class="facts">
      <dt>{t('rq_pegawai')}</dt>
      <dd>{r.nama || '–'}</dd>
      <dt>{t('rq_nip')}</dt>
      <dd>
        <a href={href('pegawai/' + r.nip)}>{r.nip}</a>
      </dd>
      <dt>{t('rq_unit_now')}</dt>
      <dd>{r.unit ? <a href={href('unit/' + r.unit)}>{unitName(refs, r.unit)}</a> : '–'}</dd>
      <dt>{t('rq_pilihan')}</dt>
      <dd>
        <ol class="choice-names">
          {(r.pilihan || []).map((k) => (
            <li key={k}>
              <a href={href('unit/' + k)}>{unitName(refs, k)}</a>
            </li>
          ))}
        </ol>
      </dd>
      <dt>{t('rq_alasan')}</dt>
      <dd>{t('alasan_' + r.alasan)}</dd>
      <dt>{t('rq_keterangan')}</dt>
      <dd>{r.keterangan || '–'}</dd>
      <dt>{t('rq_tanggal')}</dt>
      <dd>{date(r.tanggal)}</dd>
      <dt>{t('rq_status')}</dt>
      <dd>
        <Status value={r.status} />
      </dd>
      {r.diubah && <dt>{t('rq_diubah')}</dt>}
      {r.diubah && <dd>{date(r.diubah)}</dd>}
    </dl>
  );
}

function Timeline({ items }) {
  if (!items || items.length === 0) {
    return <p class="empty">{t('rq_timeline_empty')}</p>;
  }
  return (
    <ol class="timeline">
      {items.map((h, i) => (
        <li key={i} class={h.status ? 'st-' + h.status : ''}>
          <span class="when">
            {date(h.at)}
            {h.actor ? ' · ' + t('rq_by', { actor: actorText(h.actor) }) : ''}
          </span>
          <strong>{t('action_' + h.action)}</strong>
          {h.dokumen && (
            <span class="doc-named">
              {' — '}
              {h.berkas ? t('rq_doc_named', { doc: t('doc_' + h.dokumen), file: h.berkas }) : t('doc_' + h.dokumen)}
            </span>
          )}
          {h.status && (i === 0 || items[i - 1].status !== h.status) && (
            <>
              {' — '}
              {t('rq_to_status')} <Status value={h.status} />
            </>
          )}
          {h.catatan && <blockquote class="note">{h.catatan}</blockquote>}
        </li>
      ))}
    </ol>
  );
}

// A server warning with the jabatan codes it names turned into names.
function warningText(refs, w) {
  return w.replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, (code) =>
    refs && refs.jabatan.has(code) ? jabatanName(refs, code) : code,
  );
}

function Warnings({ list }) {
  const { refs } = useSession();
  if (!list || list.length === 0) {
    return null;
  }
  return (
    <Notice kind="warn">
      <strong>{t('rq_warnings')}</strong>
      <p>{t('rq_warnings_intro')}</p>
      <ul>
        {list.map((w, i) => (
          <li key={i}>{warningText(refs, w)}</li>
        ))}
      </ul>
    </Notice>
  );
}

function ReviewControls({ r, doc, reload }) {
  const [revise, setRevise] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const docName = t('doc_' + doc.jenis);
  const send = async (status, catatan) => {
    await post(`/api/requests/${r.id}/documents/${doc.id}/review`, { status, catatan });
    toast(t('rq_reviewed', { doc: docName }));
    setRevise(false);
    setNote('');
    reload();
  };
  if (!revise) {
    return (
      <div class="actions">
        {doc.status !== 'sesuai' && (
          <ActionButton
            kind="secondary small"
            aria-label={t('rq_review_ok_label', { doc: docName })}
            onRun={() => send('sesuai', '')}
          >
            {t('rq_review_ok')}
          </ActionButton>
        )}
        <button
          type="button"
          class="btn danger small"
          aria-label={t('rq_review_revise_label', { doc: docName })}
          onClick={() => setRevise(true)}
        >
          {t('rq_review_revise')}
        </button>
      </div>
    );
  }
  const noteId = `rv-${doc.id}`;
  return (
    <div class="review-form">
      <label for={noteId}>{t('rq_review_note', { doc: docName })}</label>
      <textarea
        id={noteId}
        value={note}
        onInput={(e) => setNote(e.target.value)}
        aria-describedby={noteId + '-hint'}
        aria-invalid={error ? 'true' : undefined}
      />
      <small class="hint" id={noteId + '-hint'}>
        {t('rq_review_note_hint')}
      </small>
      <FormError text={error} />
      <div class="actions">
        <ActionButton
          kind="danger small"
          onRun={async () => {
            if (!note.trim()) {
              setError(t('rq_review_err_note'));
              document.getElementById(noteId)?.focus();
              return;
            }
            setError('');
            await send('perlu_revisi', note.trim());
          }}
        >
          {t('rq_review_send')}
        </ActionButton>
        <button
          type="button"
          class="btn secondary small"
          onClick={() => {
            setRevise(false);
            setError('');
          }}
        >
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

function ReviewState({ doc }) {
  if (!doc) {
    return '–';
  }
  if (!doc.status) {
    return <span class="tag">{t('rq_review_none')}</span>;
  }
  return (
    <>
      <span class={'tag review-' + doc.status}>{t('rq_review_' + doc.status)}</span>
      {doc.catatan && <span class="review-note">{doc.catatan}</span>}
    </>
  );
}

function Documents({ r, reload, canReview }) {
  const { refs } = useSession();
  const items = checklist(r, refs);
  const missing = items.filter((x) => x.required && !x.doc).length;
  const revise = items.filter((x) => x.doc && x.doc.status === 'perlu_revisi');
  const columns = [
    { key: 'kind', label: t('rq_doc_col_kind'), nosort: true, render: (x) => t('doc_' + x.kind) },
    { key: 'need', label: t('rq_doc_col_need'), nosort: true, render: (x) => t(x.need) },
    {
      key: 'file',
      label: t('rq_doc_col_file'),
      nosort: true,
      render: (x) =>
        x.doc ? (
          <>
            <a
              href={`/api/requests/${r.id}/documents/${x.doc.id}`}
              download={x.doc.nama_berkas}
              aria-label={t('rq_download', { nama: x.doc.nama_berkas })}
            >
              {x.doc.nama_berkas}
            </a>{' '}
            <small>({num((x.doc.ukuran || 0) / 1024, 1)} KB)</small>
            {x.older > 0 && <small class="hint"> · {t('rq_older', { n: x.older })}</small>}
          </>
        ) : (
          <span class="missing">{t('rq_not_uploaded')}</span>
        ),
    },
    { key: 'review', label: t('rq_doc_col_review'), nosort: true, render: (x) => <ReviewState doc={x.doc} /> },
  ];
  if (canReview) {
    columns.push({
      key: 'do',
      label: t('rq_doc_col_do'),
      nosort: true,
      render: (x) => (x.doc ? <ReviewControls key={x.doc.id} r={r} doc={x.doc} reload={reload} /> : null),
    });
  }
  return (
    <>
      <Notice kind={missing ? 'warn' : 'ok'}>
        {missing ? t('rq_docs_missing', { n: missing }) : t('rq_docs_complete')}
      </Notice>
      {revise.length > 0 && (
        <Notice kind="warn">
          {t('rq_docs_revise')}
          <ul>
            {revise.map((x) => (
              <li key={x.kind}>
                {t('doc_' + x.kind)}: {x.doc.catatan}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <Table
        id="rq-doc-table"
        columns={columns}
        rows={items}
        rowKey={(x) => x.kind}
        caption={t('rq_docs_caption', { alasan: t('alasan_' + r.alasan) })}
      />
    </>
  );
}

const MAX_PDF = 5 * 1024 * 1024;

function UploadForm({ r, reload }) {
  const { refs } = useSession();
  const items = checklist(r, refs);
  const firstMissing =
    items.find((x) => x.doc && x.doc.status === 'perlu_revisi') || items.find((x) => x.required && !x.doc);
  const [kind, setKind] = useState(firstMissing ? firstMissing.kind : DOC_KINDS[0]);
  const [file, setFile] = useState(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef(null);
  const submit = async (e) => {
    e.preventDefault();
    if (!file) {
      setError(t('rq_upload_err_none'));
      input.current?.focus();
      return;
    }
    if (!(file.type === 'application/pdf' || /\.pdf$/i.test(file.name))) {
      setError(t('rq_upload_err_type'));
      return;
    }
    if (file.size > MAX_PDF) {
      setError(t('rq_upload_err_size'));
      return;
    }
    setError('');
    setBusy(true);
    try {
      await upload(`/api/requests/${r.id}/documents${qs({ jenis: kind, nama: file.name })}`, file, 'application/pdf');
      toast(t('rq_uploaded', { doc: t('doc_' + kind) }));
      setFile(null);
      if (input.current) {
        input.current.value = '';
      }
      const next = items.find((x) => x.required && !x.doc && x.kind !== kind);
      if (next) {
        setKind(next.kind);
      }
      reload();
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="upload-form" onSubmit={submit} noValidate>
      <h3>{t('rq_upload_title')}</h3>
      <div class="form-row">
        <Field label={t('rq_upload_kind')}>
          {(fid) => (
            <select id={fid} value={kind} onChange={(e) => setKind(e.target.value)}>
              {items.map((x) => (
                <option key={x.kind} value={x.kind}>
                  {t('doc_' + x.kind)}
                  {x.required ? '' : ' ' + t('rq_optional_suffix')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('rq_upload_file')} hint={t('rq_upload_hint')}>
          {(fid) => (
            <input
              id={fid}
              ref={input}
              type="file"
              accept="application/pdf,.pdf"
              aria-describedby={fid + '-hint'}
              onChange={(e) => setFile(e.target.files[0] || null)}
            />
          )}
        </Field>
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {busy ? t('rq_uploading') : t('rq_upload_send')}
        </button>
      </div>
      <FormError text={error} />
    </form>
  );
}

const TMT_RE = /^\d{4}-(0[1-9]|1[0-2])-01$/;

// Is unit 'kode' in the subtree of unit 'root'?
function within(refs, kode, root) {
  let u = refs && refs.units.get(kode);
  for (let hops = 0; u && hops < 64; hops++) {
    if (u.kode === root) {
      return true;
    }
    u = u.induk ? refs.units.get(u.induk) : null;
  }
  return false;
}

function Actions({ r, reload }) {
  const { me, refs } = useSession();
  const [note, setNote] = useState('');
  const [tmt, setTmt] = useState('');
  const [pilihan, setPilihan] = useState('');
  const [error, setError] = useState('');
  const [izin, setIzin] = useState({ nomor: '', tanggal: '', file: null });
  const period = useActivePeriod(me.role === 'ppk' && (r.actions || []).includes('tetapkan'));
  const actions = r.actions || [];
  if (actions.length === 0) {
    // A step refused because the request moved on leaves nothing to do:
    // the reason stays on the page with the request as it is now.
    return (
      <>
        <FormError text={error} id="rq-action-error" />
        <p class="empty">{t('rq_actions_none')}</p>
      </>
    );
  }
  // The choices a head may receive into (the server's default: the first
  // of them).
  const mine = (r.pilihan || []).map((k, i) => ({ k, n: i + 1 })).filter((c) => me.unit && within(refs, c.k, me.unit));
  const run = async (a) => {
    if (NEEDS_NOTE.includes(a) && !note.trim()) {
      setError(t('rq_err_note_required'));
      document.getElementById('rq-catatan')?.focus();
      return;
    }
    const extra = {};
    if (a === 'tetapkan') {
      if (!TMT_RE.test(tmt)) {
        setError(t('rq_tmt_err'));
        document.getElementById('rq-tmt')?.focus();
        return;
      }
      extra.tmt = tmt;
      const z = period ? await izinBody(izin) : null;
      if (z) {
        extra.persetujuan_mendagri = z;
      }
    }
    if (a === 'setujui_tujuan' && pilihan) {
      extra.pilihan = Number(pilihan);
    }
    setError('');
    if (CONFIRM.includes(a) && !window.confirm(t('rq_confirm_' + a, { id: r.id, tmt: date(tmt) }))) {
      return;
    }
    try {
      await takeAction(r, a, note.trim(), reload, extra);
      setNote('');
    } catch (e) {
      setError(e.message || String(e));
    }
  };
  const missing = unverified(r, refs);
  return (
    <div class="request-actions">
      {actions.includes('verifikasi') && missing > 0 && (
        <Notice kind="warn">
          {t('rq_verify_incomplete', { n: missing })}{' '}
          <button
            type="button"
            class="link"
            onClick={() => {
              document.getElementById('rq-docs')?.scrollIntoView();
              document.querySelector('#rq-doc-table')?.closest('.table-wrap')?.focus();
            }}
          >
            {t('rq_verify_goto')}
          </button>
        </Notice>
      )}
      {actions.includes('setujui_tujuan') && mine.length > 1 && (
        <Field label={t('rq_pilihan_terima')} id="rq-pilihan">
          {(fid) => (
            <select id={fid} value={pilihan} onChange={(e) => setPilihan(e.target.value)}>
              <option value="">{t('rq_pilihan_default')}</option>
              {mine.map((c) => (
                <option key={c.k} value={c.n}>
                  {t('rq_pilihan_n', { n: c.n, unit: unitName(refs, c.k) })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {actions.includes('tetapkan') && period && <RequestPeriod period={period} izin={izin} setIzin={setIzin} />}
      {actions.includes('tetapkan') && (
        <Field label={t('rq_tmt')} hint={t('rq_tmt_hint')} id="rq-tmt">
          {(fid) => (
            <input
              id={fid}
              type="date"
              value={tmt}
              aria-describedby={fid + '-hint'}
              onInput={(e) => {
                setTmt(e.target.value);
                setError('');
              }}
            />
          )}
        </Field>
      )}
      <Field label={t('rq_catatan')} hint={t('rq_catatan_hint')} id="rq-catatan">
        {(fid) => (
          <textarea
            id={fid}
            value={note}
            maxLength={1000}
            aria-describedby={fid + '-hint' + (error ? ' rq-action-error' : '')}
            aria-invalid={error ? 'true' : undefined}
            onInput={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <FormError text={error} id="rq-action-error" />
      <div class="actions">
        {actions.map((a) => (
          <ActionButton key={a} kind={NEEDS_NOTE.includes(a) ? 'danger' : 'primary'} onRun={() => run(a)}>
            {t('action_' + a)}
          </ActionButton>
        ))}
      </div>
    </div>
  );
}

// The decree of a decided request: the whole SK for HR, the employee's
// own Petikan for them.
function DecreeLink({ r }) {
  const { me } = useSession();
  const plan = decisionOf(r);
  if (
    !plan ||
    !['ditetapkan', 'selesai'].includes(r.status) ||
    !['pegawai', 'bkpsdm', 'tpk', 'ppk'].includes(me.role)
  ) {
    return null;
  }
  const own = me.role === 'pegawai';
  const url = '/api/plans/' + encodeURIComponent(plan) + '/sk.pdf' + (own ? qs({ nip: me.nip }) : '');
  return (
    <p>
      <a class="btn secondary" id="rq-sk" href={url} download={(own ? 'petikan-' : 'SK-mutasi-') + plan + '.pdf'}>
        {t(own ? 'rq_petikan' : 'rq_sk')}
      </a>
    </p>
  );
}

export function RequestPage({ id }) {
  const { me } = useSession();
  const q = useApi('/api/requests/' + encodeURIComponent(id));
  const r = q.data;
  const title = t('rq_title', { id });
  const mine = r && me.role === 'pegawai' && r.nip === me.nip;
  const canUpload = r && !FINAL.includes(r.status) && (mine || me.role === 'bkpsdm');
  return (
    <Page title={title} actions={r && <Status value={r.status} />}>
      <Async q={q}>
        {(r) => (
          <>
            <Warnings list={r.warnings} />
            <div class="grid request-grid">
              <div class="side-by-side wide-row">
                <Card title={t('rq_facts')} id="rq-facts">
                  <Facts r={r} />
                  {r.kelayakan && !FINAL.includes(r.status) && (
                    <section id="rq-kelayakan" aria-label={t('kel_pegawai')}>
                      <h3>{t('kel_pegawai')}</h3>
                      <Kelayakan k={r.kelayakan} self={mine} />
                    </section>
                  )}
                </Card>
                <Card title={t('rq_timeline')} id="rq-timeline">
                  <Timeline items={r.riwayat} />
                </Card>
              </div>
              <Card title={t('rq_actions')} id="rq-actions" wide>
                <DecreeLink r={r} />
                <Actions r={r} reload={q.reload} />
              </Card>
              <Card title={t('rq_docs')} id="rq-docs" wide>
                <Documents r={r} reload={q.reload} canReview={me.role === 'bkpsdm' && !FINAL.includes(r.status)} />
                {canUpload && <UploadForm r={r} reload={q.reload} />}
              </Card>
            </div>
          </>
        )}
      </Async>
    </Page>
  );
}
