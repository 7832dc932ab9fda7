// SPDX-License-Identifier: MIT
// The employee's proposed transfers (domain.md section 5, "against
// resistance"): every published plan that moves the caller (GET
// /api/proposals), with the move, its plain explanation, the form to
// agree or object until the deadline (an objection needs a reason), and
// then the decision: the TPK's word with its answer to the objection
// and the PPK's (each plan's own view, GET /api/plans/{name}).
import { useState } from 'preact/hooks';
import { post } from '../api.js';
import { date, num, strings, t } from '../i18n.js';
import { Async, Card, Field, href, jabatanName, Notice, Page, toast, unitName, useApi, useSession } from '../ui.jsx';
import { Answer, MoveKind, PlanStatus, ReasonTags } from './plans.jsx';

strings({
  id: {
    pr_title: 'Usulan Mutasi Saya',
    pr_intro:
      'Bila BKPSDM menerbitkan rencana mutasi yang memindahkan Anda, usulannya tampil di sini beserta alasannya. Anda dapat menyatakan setuju atau keberatan sampai tenggat; keberatan wajib disertai alasan. TPK membaca tanggapan Anda dan menjawab keberatan sebelum memutuskan; PPK lalu menetapkan.',
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
    pr_decided: 'Rencana ini sudah ditetapkan PPK; tanggapan tidak dapat diubah lagi.',
    pr_tenggat: 'Tanggapi paling lambat {d}.',
    pr_tenggat_lewat: 'Tenggat tanggapan ({d}) sudah lewat.',
    pr_closed: 'Masa tanggapan sudah berakhir; rencana sedang diputuskan.',
    pr_decision_title: 'Keputusan',
    pr_tpk: 'Pertimbangan TPK',
    pr_tpk_setuju: 'Disetujui TPK',
    pr_tpk_tolak: 'Ditolak TPK',
    pr_tpk_belum: 'Belum diputuskan',
    pr_tpk_catatan: 'Catatan TPK',
    pr_jawaban: 'Jawaban TPK atas keberatan Anda',
    pr_ppk: 'Keputusan PPK',
    pr_ppk_setuju: 'Ditetapkan',
    pr_ppk_coret: 'Dicoret',
    pr_ppk_alasan: 'Alasan',
    pr_tmt: 'Berlaku mulai {tmt}; SK nomor {sk}.',
    pr_returned: 'Rencana ini dikembalikan kepada BKPSDM; usulan ini tidak ditetapkan.',
    pr_request_title: 'Keputusan atas permohonan #{id}',
    pr_request_open: 'Buka permohonan #{id}',
    pr_petikan: 'Unduh petikan SK (PDF)',
  },
  en: {
    pr_title: 'My proposed transfers',
    pr_intro:
      'When BKPSDM publishes a transfer plan that moves you, the proposal appears here with its reasons. You may agree or object until the deadline; an objection needs a reason. The TPK reads your answer and answers an objection before deciding; the PPK then decides.',
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
    pr_decided: 'The PPK has decided this plan; the answer can no longer change.',
    pr_tenggat: 'Answer by {d}.',
    pr_tenggat_lewat: 'The deadline for answers ({d}) has passed.',
    pr_closed: 'The time for answers has ended; the plan is being decided.',
    pr_decision_title: 'Decision',
    pr_tpk: "The TPK's consideration",
    pr_tpk_setuju: 'Agreed by the TPK',
    pr_tpk_tolak: 'Refused by the TPK',
    pr_tpk_belum: 'Not decided yet',
    pr_tpk_catatan: 'TPK note',
    pr_jawaban: "The TPK's answer to your objection",
    pr_ppk: "The PPK's decision",
    pr_ppk_setuju: 'Decided',
    pr_ppk_coret: 'Struck',
    pr_ppk_alasan: 'Reason',
    pr_tmt: 'In effect from {tmt}; decree number {sk}.',
    pr_returned: 'This plan was returned to BKPSDM; this proposal is not decided.',
    pr_request_title: 'Decision on request #{id}',
    pr_request_open: 'Open request #{id}',
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
            {t('pr_' + v)}
          </label>
        ))}
      </fieldset>
      <Field label={t('pr_catatan')} hint={t('pr_catatan_hint')} id={id + '-catatan'}>
        {(fid) => (
          <textarea
            id={fid}
            value={catatan}
            maxLength={1000}
            aria-describedby={fid + '-hint'}
            aria-required={tanggapan === 'keberatan' ? 'true' : undefined}
            onInput={(e) => setCatatan(e.target.value)}
          />
        )}
      </Field>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
        {busy ? t('pr_sending') : row.tanggapan ? t('pr_change') : t('pr_send')}
      </button>
    </form>
  );
}

// The TPK's and the PPK's word on the caller's move, once there.
function DecisionFacts({ v }) {
  const m = v.move;
  if (!m.keputusan_tpk && !m.keputusan_ppk) {
    return null;
  }
  return (
    <>
      <h3>{t('pr_decision_title')}</h3>
      <dl class="facts" id={'decision-' + v.name}>
        <dt>{t('pr_tpk')}</dt>
        <dd data-tpk={m.keputusan_tpk || ''}>{t('pr_tpk_' + (m.keputusan_tpk || 'belum'))}</dd>
        {m.catatan_tpk && (
          <>
            <dt>{t('pr_tpk_catatan')}</dt>
            <dd>{m.catatan_tpk}</dd>
          </>
        )}
        {m.jawaban_tpk && (
          <>
            <dt>{t('pr_jawaban')}</dt>
            <dd data-field="jawaban">{m.jawaban_tpk}</dd>
          </>
        )}
        {m.keputusan_ppk && (
          <>
            <dt>{t('pr_ppk')}</dt>
            <dd data-ppk={m.keputusan_ppk}>{t('pr_ppk_' + m.keputusan_ppk)}</dd>
          </>
        )}
        {m.alasan_ppk && (
          <>
            <dt>{t('pr_ppk_alasan')}</dt>
            <dd>{m.alasan_ppk}</dd>
          </>
        )}
      </dl>
    </>
  );
}

function Proposal({ row, me, reload }) {
  const { refs } = useSession();
  // The plan's own view for the caller: the deadline, the TMT and the
  // decisions on the move.
  const view = useApi('/api/plans/' + encodeURIComponent(row.name));
  const v = view.data || { name: row.name, status: row.status, move: row.move };
  const m = { ...row.move, ...v.move };
  const status = v.status || row.status;
  const late = v.tenggat && new Date().toISOString().slice(0, 10) > v.tenggat;
  // The record of the caller's own request decided alone ("permohonan-ID"):
  // nothing was proposed to answer, and its one move is the decision.
  const single = /^permohonan-(\d+)$/.exec(row.name);
  const decided = status === 'ditetapkan' && (m.keputusan_ppk === 'setuju' || !!single);
  return (
    <Card
      title={single ? t('pr_request_title', { id: single[1] }) : t('pr_plan', { name: row.name })}
      id={'proposal-' + row.name}
      wide
    >
      <p>
        <PlanStatus value={status} />
      </p>
      {single && (
        <p>
          <a href={href('permohonan/' + single[1])}>{t('pr_request_open', { id: single[1] })}</a>
        </p>
      )}
      <dl class="facts">
        <dt>{t('pr_from')}</dt>
        <dd data-field="asal">
          {unitName(refs, m.unit_asal)} — {jabatanName(refs, m.jabatan_asal)}
        </dd>
        <dt>{t('pr_to')}</dt>
        <dd data-field="tujuan">
          <a href={href('unit/' + m.unit_tujuan)}>{unitName(refs, m.unit_tujuan)}</a>
          {' — '}
          {jabatanName(refs, m.jabatan_tujuan)}
        </dd>
        <dt>{t('pr_kind')}</dt>
        <dd>
          <MoveKind m={m} />
        </dd>
        <dt>{t('pr_km')}</dt>
        <dd>{t('pr_km_v', { v: num(m.km, 2) })}</dd>
        <dt>{t('pr_until')}</dt>
        <dd>{m.sementara_sampai ? date(m.sementara_sampai) : t('pr_until_none')}</dd>
        <dt>{t('pr_reasons')}</dt>
        <dd>
          <ReasonTags codes={m.reasons} />
        </dd>
      </dl>
      <h3>{t('pr_why')}</h3>
      <div class="explain">{m.penjelasan}</div>
      {!single && <h3>{t('pr_answer_title')}</h3>}
      {single ? null : row.tanggapan ? (
        <Notice kind={row.tanggapan === 'setuju' ? 'ok' : 'warn'}>
          <strong>{t('pr_answer_title')}:</strong>{' '}
          <span data-answer={row.tanggapan}>
            <Answer value={row.tanggapan} />
          </span>
          {row.catatan && <q class="note">{row.catatan}</q>}
        </Notice>
      ) : (
        <p>{t('pr_answer_none')}</p>
      )}
      {status === 'diterbitkan' && v.tenggat && (
        <p class="hint" data-tenggat={v.tenggat}>
          {t(late ? 'pr_tenggat_lewat' : 'pr_tenggat', { d: date(v.tenggat) })}
        </p>
      )}
      {status === 'diterbitkan' && !late && <AnswerForm key={row.tanggapan || ''} row={row} reload={reload} />}
      {status === 'dipertimbangkan' && <p>{t('pr_closed')}</p>}
      {status === 'dikembalikan' && <p>{t('pr_returned')}</p>}
      <DecisionFacts v={{ ...v, move: m }} />
      {status === 'ditetapkan' && (
        <>
          <p>{t('pr_decided')}</p>
          {decided && v.tmt && <p>{t('pr_tmt', { tmt: date(v.tmt), sk: v.sk_nomor })}</p>}
          {decided && (
            <a
              class="btn secondary"
              download={'petikan-' + row.name + '-' + me.nip + '.pdf'}
              href={'/api/plans/' + encodeURIComponent(row.name) + '/sk.pdf?nip=' + encodeURIComponent(me.nip)}
            >
              {t('pr_petikan')}
            </a>
          )}
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
      {!me.nip ? (
        <Notice kind="error">{t('pr_no_nip')}</Notice>
      ) : (
        <Async q={list}>
          {(d) =>
            d.rows.length === 0 ? (
              <p class="empty" id="no-proposals">
                {t('pr_empty')}
              </p>
            ) : (
              <div class="grid">
                {d.rows.map((r) => (
                  <Proposal key={r.name} row={r} me={me} reload={list.reload} />
                ))}
              </div>
            )
          }
        </Async>
      )}
    </Page>
  );
}
