// SPDX-License-Identifier: MIT
// Election periods (masa tenang, issue #17 part 4; the rule is the
// server's, src/tenang.h): the period in force or the next one, shown on
// the planner and on the PPK's decision; HR edits the setting masa_tenang
// here (the server checks it and answers 422 naming a bad period); the
// fields of the Minister's written approval that a decision inside a
// period needs when it changes an official's post.
import { useState } from 'preact/hooks';
import { post } from '../api.js';
import { date, strings, t } from '../i18n.js';
import { Field, toast, useApi } from '../ui.jsx';

strings({
  id: {
    tn_title: 'Masa tenang pemilihan',
    tn_active: 'Sekarang masa tenang {label}: {dari} s.d. {sampai}.',
    tn_next: 'Masa tenang berikutnya: {label}, {dari} s.d. {sampai}.',
    tn_none: 'Tidak ada masa tenang yang diatur.',
    tn_rule:
      'Keputusan di dalam masa tenang yang mengganti pejabat (JPT, administrator, pengawas, kepala sekolah, kepala puskesmas) memerlukan persetujuan tertulis Menteri Dalam Negeri; perpindahan pegawai lain tidak terpengaruh.',
    tn_officials: 'Perpindahan pejabat dalam rencana ini ({n}):',
    tn_edit: 'Ubah masa tenang',
    tn_value: 'Masa tenang (DARI..SAMPAI LABEL, dipisah ;)',
    tn_value_hint: 'Contoh: 2029-05-27..2030-02-20 Pilkada 2029. Kosongkan bila tidak ada.',
    tn_save: 'Simpan masa tenang',
    tn_saved: 'Masa tenang disimpan.',
    tn_izin_title: 'Persetujuan tertulis Menteri Dalam Negeri',
    tn_izin_intro:
      'Rencana ini mengganti pejabat di dalam masa tenang. Lampirkan persetujuan tertulis Mendagri, atau coret perpindahan pejabat tersebut.',
    tn_izin_nomor: 'Nomor surat persetujuan',
    tn_izin_tanggal: 'Tanggal surat persetujuan',
    tn_izin_tanggal_hint: 'Tidak boleh sesudah hari keputusan.',
    tn_izin_file: 'Berkas surat persetujuan (PDF)',
    tn_izin_err: 'Isi nomor, tanggal dan berkas PDF persetujuan Mendagri, atau coret perpindahan pejabat.',
    tn_izin_recorded: 'Persetujuan Mendagri nomor {nomor} tanggal {tanggal} dicatat bersama keputusan.',
    tn_report: 'Laporan kepada Mendagri (PDF)',
    tn_refused_title: 'Perpindahan pejabat dalam masa tenang',
  },
  en: {
    tn_title: 'Election period',
    tn_active: 'Election period {label} now: {dari} to {sampai}.',
    tn_next: 'Next election period: {label}, {dari} to {sampai}.',
    tn_none: 'No election period is set.',
    tn_rule:
      "A decision inside an election period that replaces officials (JPT, administrator, pengawas, school principals, heads of puskesmas) needs the Minister of Home Affairs' written approval; moves of other staff are not affected.",
    tn_officials: "Officials' moves in this plan ({n}):",
    tn_edit: 'Change the election periods',
    tn_value: 'Election periods (FROM..TO LABEL, separated by ;)',
    tn_value_hint: 'Example: 2029-05-27..2030-02-20 Pilkada 2029. Leave empty for none.',
    tn_save: 'Save the election periods',
    tn_saved: 'Election periods saved.',
    tn_izin_title: "The Minister of Home Affairs' written approval",
    tn_izin_intro:
      "This plan replaces officials inside an election period. Attach the Minister's written approval, or strike those moves.",
    tn_izin_nomor: "The approval's number",
    tn_izin_tanggal: "The approval's date",
    tn_izin_tanggal_hint: 'Not after the day of the decision.',
    tn_izin_file: 'The approval letter (PDF)',
    tn_izin_err: "Give the approval's number, date and PDF, or strike the officials' moves.",
    tn_izin_recorded: "The Minister's approval number {nomor} of {tanggal} is recorded with the decision.",
    tn_report: 'Report to the Minister (PDF)',
    tn_refused_title: "Officials' moves inside an election period",
  },
});

const periodText = (p) =>
  t(p.aktif ? 'tn_active' : 'tn_next', { label: p.label, dari: date(p.dari), sampai: date(p.sampai) });

// HR's editor of the setting; the server normalises and checks it.
function PeriodEditor({ value, reload }) {
  const [text, setText] = useState(value);
  const [error, setError] = useState('');
  const save = async (e) => {
    e.preventDefault();
    try {
      await post('/api/settings/masa_tenang', { value: text.trim() });
      setError('');
      toast(t('tn_saved'));
      reload();
    } catch (err) {
      setError(err.message);
    }
  };
  return (
    <details id="masa-tenang-edit">
      <summary>{t('tn_edit')}</summary>
      <form onSubmit={save} noValidate>
        <Field label={t('tn_value')} hint={t('tn_value_hint')} id="tn-value">
          {(fid) => (
            <input
              id={fid}
              value={text}
              size={60}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={fid + '-hint' + (error ? ' tn-value-err' : '')}
              onInput={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" class="btn secondary">
          {t('tn_save')}
        </button>
        {error && (
          <p class="form-error" id="tn-value-err" role="alert">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}

// The period in force or the next one; 'plan' adds the plan's officials'
// moves; 'editable' lets HR change the setting.
export function PeriodNotice({ plan, editable }) {
  const q = useApi(plan ? '/api/plans/' + encodeURIComponent(plan) + '/masa-tenang' : '/api/masa-tenang');
  const d = q.data;
  if (!d) {
    return null;
  }
  const p = d.periode;
  const officials = d.pejabat || [];
  const value = (d.semua || []).map((s) => s.dari + '..' + s.sampai + ' ' + s.label).join('; ');
  return (
    <section class={'notice ' + (p && p.aktif ? 'warn' : 'info')} id="masa-tenang" aria-labelledby="masa-tenang-h">
      <strong id="masa-tenang-h">{t('tn_title')}: </strong>
      <span id="masa-tenang-text">{p ? periodText(p) : t('tn_none')}</span>
      {p && <p class="hint">{t('tn_rule')}</p>}
      {p && p.aktif && officials.length > 0 && (
        <>
          <p>{t('tn_officials', { n: officials.length })}</p>
          <ul id="masa-tenang-pejabat">
            {officials.map((m) => (
              <li key={m.nip}>
                {m.nama} ({m.nip}): {m.jabatan_asal} → {m.jabatan_tujuan}
              </li>
            ))}
          </ul>
        </>
      )}
      {d.izin && (
        <p id="masa-tenang-izin">
          {t('tn_izin_recorded', { nomor: d.izin.nomor, tanggal: date(d.izin.tanggal) })}{' '}
          <a href={'/api/plans/' + encodeURIComponent(plan) + '/laporan-mendagri.pdf'} download>
            {t('tn_report')}
          </a>
        </p>
      )}
      {editable && <PeriodEditor value={value} reload={q.reload} />}
    </section>
  );
}

// Whether the PPK's decision of 'plan' today needs the approval: a period
// in force and an official's move not struck.
export function useNeedsIzin(plan, strikes) {
  const q = useApi('/api/plans/' + encodeURIComponent(plan) + '/masa-tenang');
  const d = q.data;
  if (!d || !d.periode || !d.periode.aktif) {
    return false;
  }
  return (d.pejabat || []).some((m) => !strikes.has(m.nip));
}

// The period in force today, for a single request's decision ('on' false:
// nothing is asked, as for the roles that do not decide).
export function useActivePeriod(on) {
  const q = useApi(on ? '/api/masa-tenang' : null);
  const p = q.data && q.data.periode;
  return p && p.aktif ? p : null;
}

// The period in force above a single request's decision, with the fields
// of the approval (needed when the move changes an official's post).
export function RequestPeriod({ period, izin, setIzin }) {
  return (
    <>
      <div class="notice warn" role="status" id="masa-tenang">
        <strong>{t('tn_title')}: </strong>
        {periodText(period)}
        <p class="hint">{t('tn_rule')}</p>
      </div>
      <IzinFields value={izin} setValue={setIzin} />
    </>
  );
}

// Read a File as base64 (without the data: prefix).
function base64Of(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

// The fields of the approval; 'value' {nomor, tanggal, file}.
export function IzinFields({ value, setValue }) {
  const set = (k, v) => setValue({ ...value, [k]: v });
  return (
    <fieldset id="izin-mendagri">
      <legend>{t('tn_izin_title')}</legend>
      <p class="hint">{t('tn_izin_intro')}</p>
      <div class="form-row">
        <Field label={t('tn_izin_nomor')} id="izin-nomor">
          {(fid) => <input id={fid} value={value.nomor} onInput={(e) => set('nomor', e.target.value)} />}
        </Field>
        <Field label={t('tn_izin_tanggal')} hint={t('tn_izin_tanggal_hint')} id="izin-tanggal">
          {(fid) => (
            <input
              id={fid}
              type="date"
              value={value.tanggal}
              aria-describedby={fid + '-hint'}
              onInput={(e) => set('tanggal', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('tn_izin_file')} id="izin-file">
          {(fid) => (
            <input
              id={fid}
              type="file"
              accept="application/pdf,.pdf"
              onChange={(e) => set('file', e.target.files[0] || null)}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}

// The body's "persetujuan_mendagri", or null when nothing was given.
export async function izinBody(value) {
  if (!value.nomor && !value.tanggal && !value.file) {
    return null;
  }
  return {
    nomor: value.nomor.trim(),
    tanggal: value.tanggal,
    berkas: value.file ? await base64Of(value.file) : '',
  };
}
