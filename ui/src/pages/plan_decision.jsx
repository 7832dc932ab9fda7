// SPDX-License-Identifier: MIT
// A plan's way to a decision (domain.md section 5, contract section 7):
// the controls each role has on the plan page (pages/plans.jsx).
//  - BKPSDM publishes a draft with a deadline for the answers (tenggat),
//    and may run a published plan again with the TPK's decisions so far
//    fixed (a new plan; the old one is returned with a note naming it);
//  - the head of a receiving OPD answers for a move into it;
//  - the TPK decides every move (setuju or tolak, a refusal with a note),
//    answers every objection, may agree to all unobjected moves at once,
//    and closes its session (the minutes are numbered);
//  - the PPK strikes single moves with a reason, then decides the plan
//    from a TMT, or returns it to BKPSDM with a note.
// A refusal or a strike that other moves depend on (a swap, a cycle, a
// chain) is answered 409 with those moves in error.nips: the page shows
// them and sends again with "ikutkan" once the user confirms.
import { useEffect, useRef, useState } from 'preact/hooks';
import { post } from '../api.js';
import { date, num, strings, t } from '../i18n.js';
import { ActionButton, Field, go, href, Notice, toast } from '../ui.jsx';
import { IzinFields, izinBody, useNeedsIzin } from './masa_tenang.jsx';

strings({
  id: {
    pl_for: 'untuk {nama}',
    pl_more: 'dan {n} lainnya',
    pl_publish_title: 'Penerbitan',
    pl_publish: 'Terbitkan ke pegawai',
    pl_publish_confirm:
      'Terbitkan rencana ini? Setiap pegawai yang dipindah dan kepala OPD penerima akan melihat usulannya dan dapat menanggapi sampai tenggat.',
    pl_publish_intro:
      'Setelah diterbitkan, setiap pegawai yang diusulkan pindah melihat usulan dan penjelasannya, dan kepala OPD penerima melihat perpindahan ke OPD-nya; keduanya dapat menyatakan setuju atau keberatan sampai tenggat.',
    pl_published: 'Rencana {name} diterbitkan ke pegawai.',
    pl_tenggat: 'Tenggat tanggapan',
    pl_tenggat_hint: 'Tidak wajib. Bila kosong, tenggat 14 hari sejak hari ini.',
    pl_tenggat_err: 'Tenggat harus tanggal (YYYY-MM-DD) dan tidak sebelum hari ini.',
    pl_tpk_title: 'Sidang TPK',
    pl_tpk_intro:
      'Putuskan setiap perpindahan: setuju atau tolak (penolakan wajib disertai catatan), dan jawab setiap keberatan pegawai atau kepala OPD. Sidang dapat ditutup setelah semua perpindahan diputuskan dan semua keberatan dijawab.',
    pl_tpk_progress: '{d} dari {n} perpindahan sudah diputuskan; {k} berkeberatan, {u} keberatan belum dijawab.',
    pl_tpk_bulk: 'Setujui semua yang tidak berkeberatan ({n})',
    pl_tpk_bulk_confirm: 'Setujui {n} perpindahan yang belum diputuskan dan tidak berkeberatan?',
    pl_tpk_bulk_done: '{n} perpindahan disetujui TPK.',
    pl_tpk_close: 'Tutup sidang',
    pl_tpk_close_confirm:
      'Tutup sidang TPK? Berita acara diberi nomor, rencana diteruskan kepada PPK dan keputusan TPK tidak dapat diubah lagi.',
    pl_tpk_closed: 'Sidang TPK ditutup; berita acara nomor {ba}.',
    pl_tpk_close_refused: 'Sidang belum dapat ditutup',
    pl_tpk_show_these: 'Tampilkan perpindahan ini saja di daftar',
    pl_tpk_note: 'Catatan TPK',
    pl_tpk_answer: 'Jawaban atas keberatan',
    pl_tpk_setuju: 'Setuju',
    pl_tpk_tolak: 'Tolak',
    pl_tpk_setuju_for: 'Setuju: {nama}',
    pl_tpk_tolak_for: 'Tolak: {nama}',
    pl_tpk_err_note: 'Penolakan wajib disertai catatan.',
    pl_tpk_saved: 'Keputusan TPK untuk {nama}: {k}.',
    pl_deps_title: 'Perpindahan lain bergantung padanya',
    pl_deps_tpk_confirm: 'Tolak juga perpindahan tersebut',
    pl_deps_done: 'Ditolak bersama {n} perpindahan yang bergantung padanya.',
    pl_deps_cancel: 'Batal',
    pl_ppk_title: 'Keputusan PPK',
    pl_ppk_intro:
      'Menetapkan rencana mencatat perpindahan yang disetujui TPK mulai TMT, memberi nomor SK dan memutus permohonan yang dikabulkan. Perpindahan tertentu dapat dicoret dengan alasan (tombol "Coret" di daftar perpindahan). Rencana juga dapat dikembalikan kepada BKPSDM.',
    pl_tmt: 'TMT mutasi',
    pl_tmt_hint: 'Harus tanggal 1 suatu bulan. Mutasi guru sebaiknya 1 Januari atau 1 Juli.',
    pl_tmt_err: 'TMT harus tanggal 1 suatu bulan (misalnya 2027-01-01).',
    pl_strikes: 'Dicoret ({n})',
    pl_strikes_none: 'Tidak ada perpindahan yang dicoret.',
    pl_strike: 'Coret',
    pl_strike_for: 'Coret: {nama}',
    pl_unstrike: 'Batal coret',
    pl_unstrike_for: 'Batal coret: {nama}',
    pl_strike_reason: 'Alasan coret',
    pl_strike_err: 'Tulis alasan untuk setiap perpindahan yang dicoret.',
    pl_strike_default: 'Tidak lagi memenuhi aturan pada data hari ini.',
    pl_approve: 'Tetapkan rencana',
    pl_approve_confirm: 'Tetapkan rencana ini dengan TMT {tmt}? Perpindahan akan dicatat di riwayat pegawai.',
    pl_approved: 'Rencana {name} ditetapkan; SK nomor {sk}.',
    pl_stale: 'Rencana tidak dapat ditetapkan',
    pl_deps_ppk_confirm: 'Coret juga perpindahan tersebut lalu tetapkan',
    pl_rules_strike: 'Coret perpindahan tersebut',
    pl_rules_title: 'Perpindahan yang tidak lagi memenuhi aturan',
    pl_warnings: 'Peringatan',
    pl_return_title: 'Kembalikan kepada BKPSDM',
    pl_return_note: 'Catatan pengembalian',
    pl_return_hint: 'Wajib: apa yang harus diperbaiki BKPSDM.',
    pl_return: 'Kembalikan rencana',
    pl_return_confirm:
      'Kembalikan rencana ini kepada BKPSDM? Rencana tidak dapat ditetapkan lagi; BKPSDM menjalankan perencanaan baru.',
    pl_return_err: 'Tulis catatan pengembalian.',
    pl_returned: 'Rencana {name} dikembalikan kepada BKPSDM.',
    pl_head_legend: 'Tanggapan Anda',
    pl_head_note: 'Catatan',
    pl_head_note_hint: 'Wajib bila keberatan.',
    pl_head_send: 'Kirim tanggapan',
    pl_head_err_pick: 'Pilih setuju atau keberatan.',
    pl_head_err_note: 'Keberatan wajib disertai alasan: isi catatan.',
    pl_head_sent: 'Tanggapan Anda atas perpindahan {nama} tersimpan.',
    pl_head_was: 'Terkirim:',
    pl_rerun_title: 'Jalankan ulang',
    pl_rerun_intro:
      'Perencana dijalankan lagi dengan keputusan TPK sejauh ini: {s} perpindahan yang disetujui TPK tetap (sudah tercatat setuju di rencana baru), pegawai pada {r} perpindahan yang ditolak tidak dipindah, dan {b} perpindahan yang belum diputuskan direncanakan ulang. Rencana baru disimpan sebagai draf; rencana ini dikembalikan ke BKPSDM dengan catatan yang menyebut rencana baru.',
    pl_rerun_name: 'Nama rencana baru',
    pl_rerun: 'Jalankan ulang dengan keputusan TPK',
    pl_rerun_confirm:
      'Jalankan ulang rencana {name} sebagai {baru}? Rencana {name} tidak dapat dipertimbangkan lagi; sidang TPK berlanjut pada rencana baru setelah diterbitkan.',
    pl_rerun_running: 'Perencanaan ulang sedang berjalan…',
    pl_rerun_done: 'Rencana {name} dibuat: {k} perpindahan tetap dari keputusan TPK, {n} perpindahan seluruhnya.',
    pl_rerun_err_same: 'Nama rencana baru harus berbeda dari nama rencana ini.',
    pl_rerun_note:
      'Dijalankan ulang oleh BKPSDM sebagai rencana {baru} dengan keputusan TPK yang sudah ada; rencana ini tidak dipertimbangkan lagi.',
    pl_rerun_open: 'Buka rencana {name}',
  },
  en: {
    pl_for: 'for {nama}',
    pl_more: 'and {n} more',
    pl_publish_title: 'Publishing',
    pl_publish: 'Publish to employees',
    pl_publish_confirm:
      'Publish this plan? Every employee it moves and the heads of the receiving agencies will see the proposal and may answer until the deadline.',
    pl_publish_intro:
      'Once published, every employee proposed for a transfer sees the proposal and its explanation, and the heads of the receiving agencies see the transfers into them; both may agree or object until the deadline.',
    pl_published: 'Plan {name} is published to the employees.',
    pl_tenggat: 'Deadline for answers',
    pl_tenggat_hint: 'Optional. When empty, 14 days from today.',
    pl_tenggat_err: 'The deadline must be a date (YYYY-MM-DD), not before today.',
    pl_tpk_title: 'TPK session',
    pl_tpk_intro:
      'Decide every transfer: agree or refuse (a refusal needs a note), and answer every objection of an employee or a head of agency. The session can be closed once every transfer is decided and every objection answered.',
    pl_tpk_progress: '{d} of {n} transfers decided; {k} objected to, {u} objections not answered.',
    pl_tpk_bulk: 'Agree to all without objection ({n})',
    pl_tpk_bulk_confirm: 'Agree to the {n} undecided transfers without objection?',
    pl_tpk_bulk_done: 'The TPK agreed to {n} transfers.',
    pl_tpk_close: 'Close the session',
    pl_tpk_close_confirm:
      "Close the TPK session? The minutes are numbered, the plan goes to the PPK and the TPK's decisions can no longer change.",
    pl_tpk_closed: 'TPK session closed; minutes number {ba}.',
    pl_tpk_close_refused: 'The session cannot be closed yet',
    pl_tpk_show_these: 'Show only these transfers in the list',
    pl_tpk_note: 'TPK note',
    pl_tpk_answer: 'Answer to the objection',
    pl_tpk_setuju: 'Agree',
    pl_tpk_tolak: 'Refuse',
    pl_tpk_setuju_for: 'Agree: {nama}',
    pl_tpk_tolak_for: 'Refuse: {nama}',
    pl_tpk_err_note: 'A refusal needs a note.',
    pl_tpk_saved: 'TPK decision for {nama}: {k}.',
    pl_deps_title: 'Other transfers depend on it',
    pl_deps_tpk_confirm: 'Refuse those transfers too',
    pl_deps_done: 'Refused with the {n} transfers that depend on it.',
    pl_deps_cancel: 'Cancel',
    pl_ppk_title: "The PPK's decision",
    pl_ppk_intro:
      'Deciding the plan writes the transfers the TPK agreed to from the effective date, numbers the decree and decides the requests it grants. Single transfers may be struck with a reason (the "Strike" button in the list of transfers). The plan may also be returned to BKPSDM.',
    pl_tmt: 'Effective date (TMT)',
    pl_tmt_hint: "Must be the 1st of a month. Teachers' transfers should start on 1 January or 1 July.",
    pl_tmt_err: 'The effective date must be the 1st of a month (e.g. 2027-01-01).',
    pl_strikes: 'Struck ({n})',
    pl_strikes_none: 'No transfer is struck.',
    pl_strike: 'Strike',
    pl_strike_for: 'Strike: {nama}',
    pl_unstrike: 'Keep',
    pl_unstrike_for: 'Keep: {nama}',
    pl_strike_reason: 'Reason for striking',
    pl_strike_err: 'Give a reason for every struck transfer.',
    pl_strike_default: "No longer meets the rules on today's data.",
    pl_approve: 'Decide the plan',
    pl_approve_confirm: "Decide this plan from {tmt}? The transfers will be written into the employees' history.",
    pl_approved: 'Plan {name} decided; decree number {sk}.',
    pl_stale: 'The plan cannot be decided',
    pl_deps_ppk_confirm: 'Strike those transfers too and decide',
    pl_rules_strike: 'Strike those transfers',
    pl_rules_title: 'Transfers that no longer meet the rules',
    pl_warnings: 'Warnings',
    pl_return_title: 'Return to BKPSDM',
    pl_return_note: 'Note of return',
    pl_return_hint: 'Required: what BKPSDM must correct.',
    pl_return: 'Return the plan',
    pl_return_confirm: 'Return this plan to BKPSDM? It can no longer be decided; BKPSDM runs a new plan.',
    pl_return_err: 'Write a note of return.',
    pl_returned: 'Plan {name} is returned to BKPSDM.',
    pl_head_legend: 'Your answer',
    pl_head_note: 'Note',
    pl_head_note_hint: 'Required when you object.',
    pl_head_send: 'Send answer',
    pl_head_err_pick: 'Choose agree or object.',
    pl_head_err_note: 'An objection needs a reason: fill in the note.',
    pl_head_sent: 'Your answer on the transfer of {nama} is saved.',
    pl_head_was: 'Sent:',
    pl_rerun_title: 'Run again',
    pl_rerun_intro:
      "The planner runs again with the TPK's decisions so far: the {s} transfers the TPK agreed to are kept (already recorded as agreed in the new plan), the employees of the {r} refused transfers stay, and the {b} undecided transfers are planned again. The new plan is saved as a draft; this plan is returned to BKPSDM with a note naming the new one.",
    pl_rerun_name: 'New plan name',
    pl_rerun: "Run again with the TPK's decisions",
    pl_rerun_confirm:
      "Run plan {name} again as {baru}? Plan {name} can no longer be considered; the TPK's session goes on with the new plan once it is published.",
    pl_rerun_running: 'The planner is running again…',
    pl_rerun_done: "Plan {name} is ready: {k} transfers kept from the TPK's decisions, {n} transfers in all.",
    pl_rerun_err_same: "The new plan name must differ from this plan's name.",
    pl_rerun_note:
      "Run again by BKPSDM as plan {baru} with the TPK's decisions so far; this plan is no longer considered.",
    pl_rerun_open: 'Open plan {name}',
  },
});

export const planPath = (name) => '/api/plans/' + encodeURIComponent(name);
export const todayIso = () => new Date().toISOString().slice(0, 10);
const TMT_RE = /^\d{4}-(0[1-9]|1[0-2])-01$/;

// The heads' answers of a plan document, by NIP.
export function headAnswers(doc) {
  const m = new Map();
  for (const a of (doc && doc.tanggapan_kepala) || []) {
    m.set(a.nip, [...(m.get(a.nip) || []), a]);
  }
  return m;
}

// Is move 'm' objected to, by the employee or by a receiving head?
export function objected(m, heads) {
  return m.tanggapan === 'keberatan' || (heads.get(m.nip) || []).some((a) => a.tanggapan === 'keberatan');
}

// The moves 'nips' by name, at most 'max' of them.
function MoveNames({ nips, names, max = 20, id }) {
  const shown = nips.slice(0, max);
  return (
    <ul id={id} class="nip-list">
      {shown.map((n) => (
        <li key={n} data-nip={n}>
          {names.get(n) || n} <small>({n})</small>
        </li>
      ))}
      {nips.length > max && <li>{t('pl_more', { n: num(nips.length - max) })}</li>}
    </ul>
  );
}

// A set of moves the server named, to confirm or act on: its message
// (when not shown already), the moves, and the buttons. It takes the
// focus when it appears.
function Concerned({ id, title, message, nips, names, children }) {
  const box = useRef(null);
  useEffect(() => {
    box.current?.focus();
  }, [message, nips.join()]);
  return (
    <section id={id} ref={box} tabIndex={-1} class="notice warn concerned" aria-labelledby={id + '-h'}>
      <h3 id={id + '-h'}>{title}</h3>
      {message && <p role="alert">{message}</p>}
      <MoveNames nips={nips} names={names} id={id + '-nips'} />
      <div class="actions">{children}</div>
    </section>
  );
}

// ---- BKPSDM: publish --------------------------------------------------------
export function PublishForm({ name, reload }) {
  const [tenggat, setTenggat] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    if (tenggat && (!/^\d{4}-\d{2}-\d{2}$/.test(tenggat) || tenggat < todayIso())) {
      setError(t('pl_tenggat_err'));
      return;
    }
    setError('');
    if (!window.confirm(t('pl_publish_confirm'))) {
      return;
    }
    setBusy(true);
    try {
      await post(planPath(name) + '/publish', tenggat ? { tenggat } : {});
      toast(t('pl_published', { name }));
      reload();
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form id="publish-form" onSubmit={submit} noValidate aria-labelledby="publish-h">
      <h3 id="publish-h">{t('pl_publish_title')}</h3>
      <p>{t('pl_publish_intro')}</p>
      <div class="form-row">
        <Field label={t('pl_tenggat')} hint={t('pl_tenggat_hint')} id="pl-tenggat">
          {(fid) => (
            <input
              id={fid}
              type="date"
              value={tenggat}
              min={todayIso()}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={fid + '-hint' + (error ? ' pl-publish-err' : '')}
              onInput={(e) => {
                setTenggat(e.target.value);
                setError('');
              }}
            />
          )}
        </Field>
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {t('pl_publish')}
        </button>
      </div>
      {error && (
        <p class="form-error" id="pl-publish-err" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

// ---- BKPSDM: run a published plan again with the TPK's decisions -----------
const NAME_RE = /^[A-Za-z0-9._-]{1,64}$/;

// A free-looking default for the new plan's name: NAME-ulang (cut to fit).
function rerunName(name) {
  const tail = '-ulang';
  return name.slice(0, 64 - tail.length) + tail;
}

export function RerunForm({ name, moves }) {
  const [baru, setBaru] = useState(() => rerunName(name));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const count = (k) => moves.filter((m) => (m.keputusan_tpk || '') === k).length;
  const fail = (text) => {
    setError(text);
    document.getElementById('pl-rerun-name')?.focus();
  };
  const submit = async (e) => {
    e.preventDefault();
    const n = baru.trim();
    if (!NAME_RE.test(n)) {
      fail(t('pl_err_name'));
      return;
    }
    if (n === name) {
      fail(t('pl_rerun_err_same'));
      return;
    }
    setError('');
    if (!window.confirm(t('pl_rerun_confirm', { name, baru: n }))) {
      return;
    }
    setBusy(true);
    try {
      const doc = await post(planPath(name) + '/rerun', { name: n });
      toast(t('pl_rerun_done', { name: n, k: num(doc.summary.tetap ?? 0), n: num(doc.moves.length) }));
      go('rencana/' + encodeURIComponent(n));
    } catch (err) {
      setBusy(false);
      fail(err.message);
    }
  };
  return (
    <form id="rerun-form" onSubmit={submit} noValidate aria-labelledby="rerun-h" aria-describedby="rerun-intro">
      <h3 id="rerun-h">{t('pl_rerun_title')}</h3>
      <p id="rerun-intro" data-setuju={count('setuju')} data-tolak={count('tolak')} data-belum={count('')}>
        {t('pl_rerun_intro', { s: num(count('setuju')), r: num(count('tolak')), b: num(count('')) })}
      </p>
      <div class="form-row">
        <Field label={t('pl_rerun_name')} hint={t('pl_name_hint')} id="pl-rerun-name">
          {(fid) => (
            <input
              id={fid}
              value={baru}
              maxLength={64}
              size={30}
              required
              autocomplete="off"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={fid + '-hint' + (error ? ' pl-rerun-err' : '')}
              onInput={(e) => {
                setBaru(e.target.value);
                setError('');
              }}
            />
          )}
        </Field>
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {t('pl_rerun')}
        </button>
      </div>
      {busy && (
        <p class="running" role="status">
          {t('pl_rerun_running')}
        </p>
      )}
      {error && (
        <p class="form-error" id="pl-rerun-err" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

// ---- the head of a receiving OPD: answer for a move into it ------------------
export function HeadAnswer({ name, m, sent, onSent }) {
  const [tanggapan, setTanggapan] = useState('');
  const [catatan, setCatatan] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = 'head-' + m.nip;
  const submit = async (e) => {
    e.preventDefault();
    if (!tanggapan) {
      setError(t('pl_head_err_pick'));
      return;
    }
    if (tanggapan === 'keberatan' && !catatan.trim()) {
      setError(t('pl_head_err_note'));
      document.getElementById(id + '-catatan')?.focus();
      return;
    }
    setError('');
    setBusy(true);
    try {
      await post(planPath(name) + '/responses', { nip: m.nip, tanggapan, catatan: catatan.trim() });
      toast(t('pl_head_sent', { nama: m.nama }));
      onSent(m.nip, { tanggapan, catatan: catatan.trim() });
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="head-answer" onSubmit={submit} noValidate id={id}>
      {sent && (
        <p class="hint" data-sent={sent.tanggapan}>
          {t('pl_head_was')}{' '}
          <span class={'answer answer-' + sent.tanggapan}>{t('pl_tanggapan_' + sent.tanggapan)}</span>
          {sent.catatan && <q class="note">{sent.catatan}</q>}
        </p>
      )}
      <fieldset>
        <legend>
          {t('pl_head_legend')}
          <span class="sr-only"> {t('pl_for', { nama: m.nama })}</span>
        </legend>
        {['setuju', 'keberatan'].map((v) => (
          <label key={v} class="radio">
            <input
              type="radio"
              name={id + '-tanggapan'}
              value={v}
              checked={tanggapan === v}
              onChange={() => {
                setTanggapan(v);
                setError('');
              }}
            />{' '}
            {t('pl_tanggapan_' + v)}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for={id + '-catatan'}>
          {t('pl_head_note')}
          <span class="sr-only"> {t('pl_for', { nama: m.nama })}</span>
        </label>
        <input
          id={id + '-catatan'}
          type="text"
          value={catatan}
          maxLength={1000}
          aria-describedby={id + '-hint'}
          aria-required={tanggapan === 'keberatan' ? 'true' : undefined}
          onInput={(e) => setCatatan(e.target.value)}
        />
        <small class="hint" id={id + '-hint'}>
          {t('pl_head_note_hint')}
        </small>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="btn primary small" disabled={busy} aria-busy={busy}>
        {t('pl_head_send')}
        <span class="sr-only"> {t('pl_for', { nama: m.nama })}</span>
      </button>
    </form>
  );
}

// ---- the TPK's session --------------------------------------------------------
function TpkRow({ m, isObjected, draft, setDraft, decide }) {
  const id = 'tpk-' + m.nip;
  const note = draft.catatan ?? m.catatan_tpk ?? '';
  const answer = draft.tanggapan ?? m.jawaban_tpk ?? '';
  return (
    <div class="tpk-row">
      <div class="field">
        <label for={id + '-catatan'}>
          {t('pl_tpk_note')}
          <span class="sr-only"> {t('pl_for', { nama: m.nama })}</span>
        </label>
        <input
          id={id + '-catatan'}
          type="text"
          value={note}
          maxLength={1000}
          aria-invalid={draft.error ? 'true' : undefined}
          aria-describedby={draft.error ? id + '-err' : undefined}
          onInput={(e) => setDraft(m.nip, { catatan: e.target.value, error: '' })}
        />
      </div>
      {isObjected && (
        <div class="field">
          <label for={id + '-jawaban'}>
            {t('pl_tpk_answer')}
            <span class="sr-only"> {t('pl_for', { nama: m.nama })}</span>
          </label>
          <textarea
            id={id + '-jawaban'}
            class="short"
            value={answer}
            maxLength={1000}
            onInput={(e) => setDraft(m.nip, { tanggapan: e.target.value })}
          />
        </div>
      )}
      {draft.error && (
        <p class="form-error" id={id + '-err'} role="alert">
          {draft.error}
        </p>
      )}
      <div class="actions row-actions">
        <ActionButton
          kind="primary small"
          aria-label={t('pl_tpk_setuju_for', { nama: m.nama })}
          onRun={() => decide(m, 'setuju', note, answer)}
        >
          {t('pl_tpk_setuju')}
        </ActionButton>
        <ActionButton
          kind="danger small"
          aria-label={t('pl_tpk_tolak_for', { nama: m.nama })}
          onRun={() => decide(m, 'tolak', note, answer)}
        >
          {t('pl_tpk_tolak')}
        </ActionButton>
      </div>
    </div>
  );
}

// The TPK's controls on plan 'name' (document 'doc'): 'panel' above the
// list of moves, 'column' for each move's row, and 'only' (the moves a
// refused close named, to filter the list by) with 'clearOnly'.
export function useTpk({ name, doc, heads, names, reload, active }) {
  const [drafts, setDrafts] = useState(new Map());
  const [pending, setPending] = useState(null); // {body, nips, message}
  const [refusal, setRefusal] = useState(null); // {nips, message}
  const [only, setOnly] = useState(null);
  const moves = (doc && doc.moves) || [];
  const setDraft = (nip, patch) => setDrafts((d) => new Map(d).set(nip, { ...(d.get(nip) || {}), ...patch }));
  const clear = (nips) =>
    setDrafts((d) => {
      const x = new Map(d);
      nips.forEach((n) => x.delete(n));
      return x;
    });
  // Send one consider body; a refusal others depend on waits for the
  // user's word. Resolves true when recorded.
  const send = async (body) => {
    try {
      const r = await post(planPath(name) + '/consider', body);
      setPending(null);
      clear(body.moves.map((x) => x.nip));
      reload();
      return r;
    } catch (e) {
      if (e.status === 409 && e.nips.length > 0) {
        setPending({ body, nips: e.nips, message: e.message });
        return null;
      }
      throw e;
    }
  };
  const decide = async (m, keputusan, note, answer) => {
    if (keputusan === 'tolak' && !note.trim()) {
      setDraft(m.nip, { error: t('pl_tpk_err_note') });
      document.getElementById('tpk-' + m.nip + '-catatan')?.focus();
      return;
    }
    const item = { nip: m.nip, keputusan };
    if (note.trim()) {
      item.catatan = note.trim();
    }
    if (answer.trim()) {
      item.tanggapan = answer.trim();
    }
    if (await send({ moves: [item] })) {
      toast(t('pl_tpk_saved', { nama: m.nama, k: t('pl_tpk_' + keputusan) }));
    }
  };
  const open = moves.filter((m) => !m.keputusan_tpk && !objected(m, heads));
  const nObjected = moves.filter((m) => objected(m, heads)).length;
  const unanswered = moves.filter((m) => objected(m, heads) && !m.jawaban_tpk).length;
  const decided = moves.filter((m) => m.keputusan_tpk).length;
  const bulk = async () => {
    const items = open.map((m) => {
      const d = drafts.get(m.nip) || {};
      return d.catatan && d.catatan.trim()
        ? { nip: m.nip, keputusan: 'setuju', catatan: d.catatan.trim() }
        : { nip: m.nip, keputusan: 'setuju' };
    });
    if (await send({ moves: items })) {
      toast(t('pl_tpk_bulk_done', { n: num(items.length) }));
    }
  };
  // Edits typed on moves already decided go with the close, so that an
  // answer written last is not lost.
  const edits = () =>
    moves
      .filter((m) => m.keputusan_tpk && drafts.has(m.nip))
      .map((m) => {
        const d = drafts.get(m.nip);
        const item = { nip: m.nip, keputusan: m.keputusan_tpk };
        const note = (d.catatan ?? m.catatan_tpk ?? '').trim();
        const answer = (d.tanggapan ?? m.jawaban_tpk ?? '').trim();
        if (note) {
          item.catatan = note;
        }
        if (answer) {
          item.tanggapan = answer;
        }
        return item;
      });
  const close = async () => {
    setRefusal(null);
    try {
      const r = await send({ moves: edits(), close: true });
      if (r) {
        setOnly(null);
        toast(t('pl_tpk_closed', { ba: r.plan.ba_nomor }));
      }
    } catch (e) {
      if (e.status === 422 && e.nips.length > 0) {
        setRefusal({ nips: e.nips, message: e.message });
        return;
      }
      throw e;
    }
  };
  if (!active) {
    return { panel: null, column: null, only: null, clearOnly: () => {} };
  }
  const panel = (
    <section id="tpk-session" class="session" aria-labelledby="tpk-session-h">
      <h3 id="tpk-session-h">{t('pl_tpk_title')}</h3>
      <p>{t('pl_tpk_intro')}</p>
      <p id="tpk-progress" role="status" data-decided={decided} data-total={moves.length} data-unanswered={unanswered}>
        {t('pl_tpk_progress', { d: num(decided), n: num(moves.length), k: num(nObjected), u: num(unanswered) })}
      </p>
      <div class="actions">
        <ActionButton
          kind="primary"
          disabled={open.length === 0}
          confirm={t('pl_tpk_bulk_confirm', { n: num(open.length) })}
          onRun={bulk}
        >
          {t('pl_tpk_bulk', { n: num(open.length) })}
        </ActionButton>
        <ActionButton kind="secondary" confirm={t('pl_tpk_close_confirm')} onRun={close}>
          {t('pl_tpk_close')}
        </ActionButton>
      </div>
      {pending && (
        <Concerned
          id="tpk-confirm"
          title={t('pl_deps_title')}
          message={pending.message}
          nips={pending.nips}
          names={names}
        >
          <ActionButton
            kind="danger"
            onRun={async () => {
              const n = pending.nips.length;
              if (await send({ ...pending.body, ikutkan: true })) {
                toast(t('pl_deps_done', { n: num(n) }));
              }
            }}
          >
            {t('pl_deps_tpk_confirm')}
          </ActionButton>
          <button type="button" class="btn secondary" onClick={() => setPending(null)}>
            {t('pl_deps_cancel')}
          </button>
        </Concerned>
      )}
      {refusal && (
        <Concerned
          id="tpk-close-refused"
          title={t('pl_tpk_close_refused')}
          message={refusal.message}
          nips={refusal.nips}
          names={names}
        >
          <button type="button" class="btn secondary" onClick={() => setOnly(refusal.nips)}>
            {t('pl_tpk_show_these')}
          </button>
        </Concerned>
      )}
    </section>
  );
  const column = {
    key: 'tpk',
    label: t('pl_tpk_title'),
    nosort: true,
    render: (m) => (
      <TpkRow
        m={m}
        isObjected={objected(m, heads)}
        draft={drafts.get(m.nip) || {}}
        setDraft={setDraft}
        decide={decide}
      />
    ),
  };
  return { panel, column, only, clearOnly: () => setOnly(null) };
}

// ---- the PPK's decision -------------------------------------------------------
function Warnings({ list }) {
  return (
    <div class="notice warn" role="status" id="approve-warnings">
      <strong>{t('pl_warnings')}:</strong>
      <ul>
        {list.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}

function ApproveForm({ name, strikes, setStrikes, names, reload, onWarnings }) {
  const [tmt, setTmt] = useState('');
  const [error, setError] = useState('');
  const [conflict, setConflict] = useState(null); // {nips, message, deps, body, tenang}
  const [busy, setBusy] = useState(false);
  const needsIzin = useNeedsIzin(name, strikes);
  const [izin, setIzin] = useState({ nomor: '', tanggal: '', file: null });
  const send = async (body) => {
    setBusy(true);
    try {
      const r = await post(planPath(name) + '/approve', body);
      setConflict(null);
      onWarnings(r.warnings || []);
      toast(t('pl_approved', { name, sk: r.sk_nomor }));
      reload();
    } catch (err) {
      if (err.status === 422 && err.nips.length > 0) {
        // Officials' moves inside an election period without the
        // Minister's approval: struck, or the approval given.
        setConflict({ nips: err.nips, message: err.message, deps: false, body, tenang: true });
      } else if (err.status === 409) {
        // A strike others depend on is confirmed with "ikutkan"; a move
        // that breaks a rule on today's data is struck or the plan
        // returned.
        const deps = body.strike.length > 0 && !body.ikutkan && err.nips.length > 0;
        setConflict({ nips: err.nips, message: err.message, deps, body });
      } else {
        setError(err.message);
      }
    } finally {
      setBusy(false);
    }
  };
  const submit = async (e) => {
    e.preventDefault();
    setConflict(null);
    if (!TMT_RE.test(tmt)) {
      setError(t('pl_tmt_err'));
      return;
    }
    const list = [...strikes.entries()].map(([nip, alasan]) => ({ nip, alasan: alasan.trim() }));
    const bare = list.find((s) => !s.alasan);
    if (bare) {
      setError(t('pl_strike_err'));
      document.getElementById('strike-' + bare.nip)?.focus();
      return;
    }
    setError('');
    if (!window.confirm(t('pl_approve_confirm', { tmt: date(tmt) }))) {
      return;
    }
    const body = { tmt, strike: list };
    const z = needsIzin ? await izinBody(izin) : null;
    if (z) {
      body.persetujuan_mendagri = z;
    }
    send(body);
  };
  const strikeThese = () => {
    const next = new Map(strikes);
    for (const n of conflict.nips) {
      next.set(n, next.get(n) || t('pl_strike_default'));
    }
    setStrikes(next);
    setConflict(null);
  };
  const struck = [...strikes.keys()];
  return (
    <form onSubmit={submit} noValidate id="approve-form" aria-labelledby="approve-h">
      <h3 id="approve-h">{t('pl_ppk_title')}</h3>
      <p>{t('pl_ppk_intro')}</p>
      <h4>{t('pl_strikes', { n: num(struck.length) })}</h4>
      {struck.length === 0 ? (
        <p class="hint">{t('pl_strikes_none')}</p>
      ) : (
        <ul id="strike-list">
          {struck.map((n) => (
            <li key={n}>
              {names.get(n) || n}: {strikes.get(n) || '–'}
            </li>
          ))}
        </ul>
      )}
      {needsIzin && <IzinFields value={izin} setValue={setIzin} />}
      <div class="form-row">
        <Field label={t('pl_tmt')} hint={t('pl_tmt_hint')} id="pl-tmt">
          {(fid) => (
            <input
              id={fid}
              type="date"
              value={tmt}
              required
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={fid + '-hint' + (error ? ' pl-tmt-err' : '')}
              onInput={(e) => {
                setTmt(e.target.value);
                setError('');
              }}
            />
          )}
        </Field>
        <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
          {t('pl_approve')}
        </button>
      </div>
      {error && (
        <p class="form-error" id="pl-tmt-err" role="alert">
          {error}
        </p>
      )}
      {conflict && (
        <>
          <div class="notice error" role="alert" id="approve-refused">
            <strong>{t('pl_stale')}:</strong> {conflict.message}
          </div>
          {conflict.nips.length > 0 && (
            <Concerned
              id="approve-concerned"
              title={t(conflict.deps ? 'pl_deps_title' : conflict.tenang ? 'tn_refused_title' : 'pl_rules_title')}
              nips={conflict.nips}
              names={names}
            >
              {conflict.deps ? (
                <ActionButton kind="danger" onRun={() => send({ ...conflict.body, ikutkan: true })}>
                  {t('pl_deps_ppk_confirm')}
                </ActionButton>
              ) : (
                <button type="button" class="btn danger" onClick={strikeThese}>
                  {t('pl_rules_strike')}
                </button>
              )}
              <button type="button" class="btn secondary" onClick={() => setConflict(null)}>
                {t('pl_deps_cancel')}
              </button>
            </Concerned>
          )}
        </>
      )}
    </form>
  );
}

function ReturnForm({ name, reload }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    if (!note.trim()) {
      setError(t('pl_return_err'));
      document.getElementById('pl-return-note')?.focus();
      return;
    }
    setError('');
    if (!window.confirm(t('pl_return_confirm'))) {
      return;
    }
    setBusy(true);
    try {
      await post(planPath(name) + '/return', { catatan: note.trim() });
      toast(t('pl_returned', { name }));
      reload();
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate id="return-form" aria-labelledby="return-h">
      <h3 id="return-h">{t('pl_return_title')}</h3>
      <Field label={t('pl_return_note')} hint={t('pl_return_hint')} id="pl-return-note">
        {(fid) => (
          <textarea
            id={fid}
            value={note}
            maxLength={1000}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={fid + '-hint' + (error ? ' pl-return-err' : '')}
            onInput={(e) => {
              setNote(e.target.value);
              setError('');
            }}
          />
        )}
      </Field>
      {error && (
        <p class="form-error" id="pl-return-err" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="btn danger" disabled={busy} aria-busy={busy}>
        {t('pl_return')}
      </button>
    </form>
  );
}

function StrikeRow({ m, strikes, setStrikes }) {
  if (m.keputusan_tpk !== 'setuju') {
    return '–';
  }
  const id = 'strike-' + m.nip;
  const set = (v) => setStrikes((s) => new Map(s).set(m.nip, v));
  if (!strikes.has(m.nip)) {
    return (
      <button
        type="button"
        class="btn danger small"
        aria-label={t('pl_strike_for', { nama: m.nama })}
        onClick={() => {
          set('');
          setTimeout(() => document.getElementById(id)?.focus(), 0);
        }}
      >
        {t('pl_strike')}
      </button>
    );
  }
  return (
    <div class="strike-row">
      <label for={id}>
        {t('pl_strike_reason')}
        <span class="sr-only"> {t('pl_for', { nama: m.nama })}</span>
      </label>
      <input id={id} type="text" value={strikes.get(m.nip)} maxLength={1000} onInput={(e) => set(e.target.value)} />
      <button
        type="button"
        class="btn secondary small"
        aria-label={t('pl_unstrike_for', { nama: m.nama })}
        onClick={() =>
          setStrikes((s) => {
            const x = new Map(s);
            x.delete(m.nip);
            return x;
          })
        }
      >
        {t('pl_unstrike')}
      </button>
    </div>
  );
}

// The PPK's controls on plan 'name': 'panel' for the decision card while
// the plan waits for them (and the server's warnings once decided), and
// 'column' to strike single moves.
export function usePpk({ name, doc, names, reload, role }) {
  const [strikes, setStrikes] = useState(new Map());
  const [warnings, setWarnings] = useState(null);
  const status = doc && doc.plan.status;
  const active = role === 'ppk' && status === 'dipertimbangkan';
  if (role !== 'ppk') {
    return { panel: null, column: null };
  }
  if (!active) {
    return {
      panel: status === 'ditetapkan' && warnings && warnings.length > 0 ? <Warnings list={warnings} /> : null,
      column: null,
    };
  }
  return {
    panel: (
      <>
        <ApproveForm
          name={name}
          strikes={strikes}
          setStrikes={setStrikes}
          names={names}
          reload={reload}
          onWarnings={setWarnings}
        />
        <ReturnForm name={name} reload={reload} />
      </>
    ),
    column: {
      key: 'coret',
      label: t('pl_strike'),
      nosort: true,
      render: (m) => <StrikeRow m={m} strikes={strikes} setStrikes={setStrikes} />,
    },
  };
}

// 'returned': who returned a dikembalikan plan, from its audit entries:
// {by: 'ppk'} or {by: 'rerun', baru} (BKPSDM ran it again), or null while
// unknown.
export function StatusNote({ plan, role, returned }) {
  switch (plan.status) {
    case 'diterbitkan':
      return <Notice kind="info">{t('pl_note_diterbitkan', { d: date(plan.tenggat) })}</Notice>;
    case 'dipertimbangkan':
      return <Notice kind="info">{t('pl_note_dipertimbangkan', { ba: plan.ba_nomor || '–' })}</Notice>;
    case 'ditetapkan':
      return <Notice kind="ok">{t('pl_approved_info', { tmt: date(plan.tmt), sk: plan.sk_nomor })}</Notice>;
    case 'dikembalikan':
      if (returned && returned.by === 'rerun') {
        return (
          <Notice kind="warn">
            <span id="rerun-note">{t('pl_rerun_note', { baru: returned.baru })}</span>{' '}
            <a href={href('rencana/' + returned.baru)}>{t('pl_rerun_open', { name: returned.baru })}</a>
          </Notice>
        );
      }
      return (
        <Notice kind="warn">
          {t(returned ? 'pl_note_dikembalikan' : 'pl_note_dikembalikan_any', { note: plan.catatan_kembali || '–' })}
          {role === 'bkpsdm' && <> {t('pl_note_dikembalikan_bkpsdm')}</>}
        </Notice>
      );
    default:
      return <Notice kind="info">{t('pl_note_draf')}</Notice>;
  }
}

strings({
  id: {
    pl_note_draf: 'Rencana ini masih draf BKPSDM; pegawai dan kepala OPD belum melihatnya.',
    pl_note_diterbitkan:
      'Diterbitkan: pegawai yang dipindah dan kepala OPD penerima menanggapi sampai {d}; TPK lalu memutuskan setiap perpindahan dan menutup sidang.',
    pl_note_dipertimbangkan: 'Sidang TPK ditutup (berita acara {ba}); menunggu keputusan PPK.',
    pl_approved_info: 'Ditetapkan PPK dengan TMT {tmt}, SK nomor {sk}.',
    pl_note_dikembalikan: 'Dikembalikan PPK kepada BKPSDM: {note}',
    pl_note_dikembalikan_any: 'Dikembalikan kepada BKPSDM: {note}',
    pl_note_dikembalikan_bkpsdm: 'Jalankan perencanaan baru untuk periode ini.',
  },
  en: {
    pl_note_draf: 'This plan is a BKPSDM draft; employees and heads of agencies do not see it yet.',
    pl_note_diterbitkan:
      'Published: the employees moved and the heads of the receiving agencies answer until {d}; the TPK then decides every transfer and closes its session.',
    pl_note_dipertimbangkan: 'The TPK session is closed (minutes {ba}); waiting for the PPK to decide.',
    pl_approved_info: 'Decided by the PPK from {tmt}, decree number {sk}.',
    pl_note_dikembalikan: 'Returned by the PPK to BKPSDM: {note}',
    pl_note_dikembalikan_any: 'Returned to BKPSDM: {note}',
    pl_note_dikembalikan_bkpsdm: 'Run a new plan for this period.',
  },
});
