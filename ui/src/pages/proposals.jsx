// SPDX-License-Identifier: MIT
// The employee's proposed transfers (domain.md section 5, "against
// resistance"): every published or approved plan that moves the caller
// (GET /api/proposals), with the move, its plain explanation, and the
// form to agree or object (an objection needs a reason).
import { useState } from 'preact/hooks';
import { post } from '../api.js';
import { date, num, strings, t } from '../i18n.js';
import {
  Async, Card, Field, href, jabatanName, Notice, Page, toast, unitName, useApi, useSession,
} from '../ui.jsx';
import { Answer, MoveKind, PlanStatus, ReasonTags } from './plans.jsx';

strings({
  id: {
    pr_title: 'Usulan Mutasi Saya',
    pr_intro: 'Bila BKPSDM menerbitkan rencana mutasi yang memindahkan Anda, usulannya tampil di sini beserta alasannya. Anda dapat menyatakan setuju atau keberatan; keberatan wajib disertai alasan. Tanggapan Anda dilihat pimpinan sebelum memutuskan.',
    pr_empty: 'Saat ini tidak ada usulan mutasi untuk Anda.',
    pr_no_nip: 'Akun ini tidak terhubung dengan data pegawai.',
    pr_plan: 'Rencana {name}',
    pr_from: 'Dari',
    pr_to: 'Ke',
    pr_kind: 'Jenis',
    pr_km: 'Jarak',
    pr_km_v: '{v} km',
    pr_until: 'Berlaku sampai',
    pr_until_none: 'Tetap (bukan penugasan sementara)',
    pr_why: 'Mengapa Anda diusulkan pindah',
    pr_reasons: 'Pertimbangan',
    pr_answer_title: 'Tanggapan Anda',
    pr_answer_none: 'Anda belum menanggapi usulan ini.',
    pr_answer_legend: 'Apakah Anda setuju dengan usulan ini?',
    pr_setuju: 'Setuju',
    pr_keberatan: 'Keberatan',
    pr_catatan: 'Catatan',
    pr_catatan_hint: 'Wajib diisi bila Anda keberatan: jelaskan alasannya.',
    pr_send: 'Kirim tanggapan',
    pr_change: 'Ubah tanggapan',
    pr_sending: 'Mengirim…',
    pr_err_pick: 'Pilih setuju atau keberatan.',
    pr_err_note: 'Keberatan wajib disertai alasan: isi catatan.',
    pr_sent: 'Tanggapan Anda untuk rencana {name} tersimpan.',
    pr_decided: 'Rencana ini sudah diputuskan pimpinan; tanggapan tidak dapat diubah lagi.',
    pr_petikan: 'Unduh petikan SK (PDF)',
  },
  en: {
    pr_title: 'My proposed transfers',
    pr_intro: 'When BKPSDM publishes a transfer plan that moves you, the proposal appears here with its reasons. You may agree or object; an objection needs a reason. The leadership sees your answer before deciding.',
    pr_empty: 'There is no proposed transfer for you at the moment.',
    pr_no_nip: 'This account is not linked to an employee record.',
    pr_plan: 'Plan {name}',
    pr_from: 'From',
    pr_to: 'To',
    pr_kind: 'Kind',
    pr_km: 'Distance',
    pr_km_v: '{v} km',
    pr_until: 'Until',
    pr_until_none: 'Permanent (not a temporary assignment)',
    pr_why: 'Why you are proposed for a transfer',
    pr_reasons: 'Considerations',
    pr_answer_title: 'Your answer',
    pr_answer_none: 'You have not answered this proposal yet.',
    pr_answer_legend: 'Do you agree with this proposal?',
    pr_setuju: 'I agree',
    pr_keberatan: 'I object',
    pr_catatan: 'Note',
    pr_catatan_hint: 'Required when you object: give your reason.',
    pr_send: 'Send answer',
    pr_change: 'Change answer',
    pr_sending: 'Sending…',
    pr_err_pick: 'Choose agree or object.',
    pr_err_note: 'An objection needs a reason: fill in the note.',
    pr_sent: 'Your answer to plan {name} is saved.',
    pr_decided: 'The leadership has decided this plan; the answer can no longer change.',
    pr_petikan: 'Download the decree extract (PDF)',
  },
});

function AnswerForm({ row, reload }) {
  const [tanggapan, setTanggapan] = useState(row.tanggapan || '');
  const [catatan, setCatatan] = useState(row.catatan || '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = 'pr-' + row.name.replace(/[^A-Za-z0-9_-]/g, '_');
  const submit = async (e) => {
    e.preventDefault();
    if (!tanggapan) {
      setError(t('pr_err_pick'));
      return;
    }
    if (tanggapan === 'keberatan' && !catatan.trim()) {
      setError(t('pr_err_note'));
      return;
    }
    setError('');
    setBusy(true);
    try {
      await post('/api/plans/' + encodeURIComponent(row.name) + '/responses', { tanggapan, catatan: catatan.trim() });
      toast(t('pr_sent', { name: row.name }));
      reload();
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate class="answer-form" aria-label={t('pr_answer_title')}>
      <fieldset>
        <legend>{t('pr_answer_legend')}</legend>
        {['setuju', 'keberatan'].map((v) => (
          <label key={v} class="radio">
            <input type="radio" name={id + '-tanggapan'} value={v} checked={tanggapan === v}
              onChange={() => { setTanggapan(v); setError(''); }} />
            {' '}{t('pr_' + v)}
          </label>
        ))}
      </fieldset>
      <Field label={t('pr_catatan')} hint={t('pr_catatan_hint')} id={id + '-catatan'}>
        {(fid) => (
          <textarea id={fid} value={catatan} maxLength={1000} aria-describedby={fid + '-hint'}
            aria-required={tanggapan === 'keberatan' ? 'true' : undefined}
            onInput={(e) => setCatatan(e.target.value)} />
        )}
      </Field>
      {error && <p class="form-error" role="alert">{error}</p>}
      <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
        {busy ? t('pr_sending') : row.tanggapan ? t('pr_change') : t('pr_send')}
      </button>
    </form>
  );
}

function Proposal({ row, me, reload }) {
  const { refs } = useSession();
  const m = row.move;
  return (
    <Card title={t('pr_plan', { name: row.name })} id={'proposal-' + row.name} wide>
      <p><PlanStatus value={row.status} /></p>
      <dl class="facts">
        <dt>{t('pr_from')}</dt>
        <dd data-field="asal">{unitName(refs, m.unit_asal)} — {jabatanName(refs, m.jabatan_asal)}</dd>
        <dt>{t('pr_to')}</dt>
        <dd data-field="tujuan"><a href={href('unit/' + m.unit_tujuan)}>{unitName(refs, m.unit_tujuan)}</a> — {jabatanName(refs, m.jabatan_tujuan)}</dd>
        <dt>{t('pr_kind')}</dt>
        <dd><MoveKind m={m} /></dd>
        <dt>{t('pr_km')}</dt>
        <dd>{t('pr_km_v', { v: num(m.km, 2) })}</dd>
        <dt>{t('pr_until')}</dt>
        <dd>{m.sementara_sampai ? date(m.sementara_sampai) : t('pr_until_none')}</dd>
        <dt>{t('pr_reasons')}</dt>
        <dd><ReasonTags codes={m.reasons} /></dd>
      </dl>
      <h3>{t('pr_why')}</h3>
      <div class="explain">{m.penjelasan}</div>
      <h3>{t('pr_answer_title')}</h3>
      {row.tanggapan ? (
        <Notice kind={row.tanggapan === 'setuju' ? 'ok' : 'warn'}>
          <strong>{t('pr_answer_title')}:</strong> <span data-answer={row.tanggapan}><Answer value={row.tanggapan} /></span>
          {row.catatan && <q class="note">{row.catatan}</q>}
        </Notice>
      ) : (
        <p>{t('pr_answer_none')}</p>
      )}
      {row.status === 'diterbitkan' && <AnswerForm key={row.tanggapan || ''} row={row} reload={reload} />}
      {row.status === 'disetujui' && (
        <>
          <p>{t('pr_decided')}</p>
          <a class="btn secondary" download={'petikan-' + row.name + '-' + me.nip + '.pdf'}
            href={'/api/plans/' + encodeURIComponent(row.name) + '/sk.pdf?nip=' + encodeURIComponent(me.nip)}>
            {t('pr_petikan')}
          </a>
        </>
      )}
    </Card>
  );
}

export default function MyProposals() {
  const { me } = useSession();
  const list = useApi(me.nip ? '/api/proposals' : null);
  return (
    <Page title={t('pr_title')}>
      <p>{t('pr_intro')}</p>
      {!me.nip ? <Notice kind="error">{t('pr_no_nip')}</Notice> : (
        <Async q={list}>
          {(d) => (d.rows.length === 0 ? <p class="empty" id="no-proposals">{t('pr_empty')}</p> : (
            <div class="grid">
              {d.rows.map((r) => <Proposal key={r.name} row={r} me={me} reload={list.reload} />)}
            </div>
          ))}
        </Async>
      )}
    </Page>
  );
}
