// SPDX-License-Identifier: MIT
// The inbox of heads of unit, BKPSDM, the TPK and the PPK: first the
// requests waiting for the caller (those whose "actions" the server
// fills for them), then every other request they may see; filters by
// status and by name or NIP, and the forward step as a quick button in
// the row. Steps that need more than a click are taken on the request
// page: a refusal (a note), verification (BKPSDM reviews every document
// of the checklist first) and the decision (the PPK gives the TMT).
import { useMemo, useState } from 'preact/hooks';
import { date, num, strings, t } from '../i18n.js';
import { STATUSES } from '../vocab.js';
import { ActionButton, Async, Card, Field, href, Page, Status, Table, unitName, useApi, useSession } from '../ui.jsx';
import { CONFIRM, NEEDS_NOTE, takeAction } from './requests.jsx';
import { AccountChanges } from './users.jsx';

strings({
  id: {
    inbox_title: 'Kotak Masuk Permohonan',
    inbox_filters: 'Saring permohonan',
    inbox_status: 'Status',
    inbox_q: 'Cari nama atau NIP',
    inbox_waiting: 'Menunggu tindakan Anda ({n})',
    inbox_waiting_empty: 'Tidak ada permohonan yang menunggu tindakan Anda.',
    inbox_others: 'Permohonan lainnya ({n})',
    inbox_others_empty: 'Tidak ada permohonan lain yang cocok.',
    inbox_count: 'Menampilkan {shown} dari {total} permohonan.',
    inbox_col_nama: 'Nama pegawai',
    inbox_col_nip: 'NIP',
    inbox_col_unit: 'Unit sekarang',
    inbox_col_tujuan: 'Pilihan pertama',
    inbox_col_alasan: 'Alasan',
    inbox_col_status: 'Status',
    inbox_col_warn: 'Peringatan',
    inbox_col_tanggal: 'Tanggal',
    inbox_col_do: 'Tindakan',
    inbox_open: 'Buka permohonan #{id}',
    inbox_quick_label: '{action}: {nama}',
    inbox_note_needed: 'Tolak di halaman permohonan',
    inbox_open_verify: 'Periksa dokumen lalu verifikasi',
    inbox_open_verify_label: 'Periksa dokumen lalu verifikasi: {nama}',
    inbox_open_decide: 'Tetapkan dengan TMT',
    inbox_open_decide_label: 'Tetapkan dengan TMT: {nama}',
  },
  en: {
    inbox_title: 'Request inbox',
    inbox_filters: 'Filter requests',
    inbox_status: 'Status',
    inbox_q: 'Search name or NIP',
    inbox_waiting: 'Waiting for you ({n})',
    inbox_waiting_empty: 'No request is waiting for you.',
    inbox_others: 'Other requests ({n})',
    inbox_others_empty: 'No other request matches.',
    inbox_count: 'Showing {shown} of {total} requests.',
    inbox_col_nama: 'Employee',
    inbox_col_nip: 'NIP',
    inbox_col_unit: 'Current unit',
    inbox_col_tujuan: 'First choice',
    inbox_col_alasan: 'Reason',
    inbox_col_status: 'Status',
    inbox_col_warn: 'Warnings',
    inbox_col_tanggal: 'Date',
    inbox_col_do: 'Action',
    inbox_open: 'Open request #{id}',
    inbox_quick_label: '{action}: {nama}',
    inbox_note_needed: 'Refuse on the request page',
    inbox_open_verify: 'Review the documents, then verify',
    inbox_open_verify_label: 'Review the documents, then verify: {nama}',
    inbox_open_decide: 'Decide with a TMT',
    inbox_open_decide_label: 'Decide with a TMT: {nama}',
  },
});

// Taken on the request page, where the checklist and the TMT are.
const ON_PAGE = { verifikasi: 'inbox_open_verify', tetapkan: 'inbox_open_decide' };
const forward = (r) => (r.actions || []).filter((a) => !NEEDS_NOTE.includes(a) && !ON_PAGE[a]);
const onPage = (r) => (r.actions || []).filter((a) => ON_PAGE[a]);

function columns(refs, reload, quick) {
  const cols = [
    {
      key: 'nama',
      label: t('inbox_col_nama'),
      sort: (r) => r.nama || r.nip,
      render: (r) => (
        <a href={href('permohonan/' + r.id)} aria-label={t('inbox_open', { id: r.id }) + ': ' + (r.nama || r.nip)}>
          {r.nama || r.nip}
        </a>
      ),
    },
    { key: 'nip', label: t('inbox_col_nip') },
    {
      key: 'unit',
      label: t('inbox_col_unit'),
      sort: (r) => unitName(refs, r.unit),
      render: (r) => unitName(refs, r.unit),
    },
    {
      key: 'tujuan',
      label: t('inbox_col_tujuan'),
      sort: (r) => unitName(refs, r.pilihan && r.pilihan[0]),
      render: (r) => unitName(refs, r.pilihan && r.pilihan[0]),
    },
    { key: 'alasan', label: t('inbox_col_alasan'), render: (r) => t('alasan_' + r.alasan) },
    {
      key: 'status',
      lead: true,
      label: t('inbox_col_status'),
      sort: (r) => STATUSES.indexOf(r.status),
      render: (r) => <Status value={r.status} />,
    },
    {
      key: 'warn',
      label: t('inbox_col_warn'),
      num: true,
      sort: (r) => (r.warnings || []).length,
      render: (r) => {
        const n = (r.warnings || []).length;
        return n ? (
          <span class="warn-count" title={r.warnings.join('; ')}>
            {num(n)}
          </span>
        ) : (
          num(0)
        );
      },
    },
    { key: 'tanggal', label: t('inbox_col_tanggal'), render: (r) => date(r.tanggal) },
  ];
  if (quick) {
    cols.push({
      key: 'do',
      lead: true,
      label: t('inbox_col_do'),
      nosort: true,
      render: (r) => {
        const acts = forward(r);
        return (
          <div class="actions row-actions">
            {acts.map((a) => (
              <ActionButton
                key={a}
                kind="primary small"
                aria-label={t('inbox_quick_label', { action: t('action_' + a), nama: r.nama || r.nip })}
                confirm={CONFIRM.includes(a) ? t('rq_confirm_' + a, { id: r.id, tmt: '' }) : undefined}
                onRun={() => takeAction(r, a, '', reload)}
              >
                {t('action_' + a)}
              </ActionButton>
            ))}
            {onPage(r).map((a) => (
              <a
                key={a}
                class="btn primary small"
                href={href('permohonan/' + r.id)}
                aria-label={t(ON_PAGE[a] + '_label', { nama: r.nama || r.nip })}
              >
                {t(ON_PAGE[a])}
              </a>
            ))}
            {(r.actions || []).includes('tolak') && (
              <a class="small" href={href('permohonan/' + r.id)}>
                {t('inbox_note_needed')}
              </a>
            )}
          </div>
        );
      },
    });
  }
  return cols;
}

export default function Inbox() {
  const { refs, me } = useSession();
  const q = useApi('/api/requests');
  const [status, setStatus] = useState('');
  const [text, setText] = useState('');
  const rows = q.data ? q.data.rows : null;
  const { waiting, others, shown } = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const keep = (rows || []).filter(
      (r) =>
        (!status || r.status === status) &&
        (!needle || (r.nama || '').toLowerCase().includes(needle) || r.nip.includes(needle)),
    );
    // Oldest first among those waiting (first come, first served); the
    // newest first among the rest.
    const w = keep
      .filter((r) => (r.actions || []).length > 0)
      .sort((a, b) => (a.tanggal < b.tanggal ? -1 : a.tanggal > b.tanggal ? 1 : a.id - b.id));
    const o = keep.filter((r) => !(r.actions || []).length).sort((a, b) => b.id - a.id);
    return { waiting: w, others: o, shown: keep.length };
  }, [rows, status, text]);
  return (
    <Page title={t('inbox_title')}>
      {me && me.role === 'bkpsdm' && <AccountChanges confirm onlyWaiting />}
      <form class="card filters" role="search" aria-label={t('inbox_filters')} onSubmit={(e) => e.preventDefault()}>
        <div class="form-row">
          <Field label={t('inbox_status')} id="inbox-status">
            {(fid) => (
              <select id={fid} value={status} onChange={(e) => setStatus(e.target.value)}>
                <option value="">{t('all')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t('status_' + s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('inbox_q')} id="inbox-q">
            {(fid) => <input id={fid} type="search" value={text} onInput={(e) => setText(e.target.value)} />}
          </Field>
        </div>
        {rows && (
          <p class="hint" role="status">
            {t('inbox_count', { shown: num(shown), total: num(rows.length) })}
          </p>
        )}
      </form>
      <Async q={q}>
        {() => (
          <div class="grid">
            <Card title={t('inbox_waiting', { n: num(waiting.length) })} id="inbox-waiting" wide>
              <Table
                id="inbox-waiting-table"
                columns={columns(refs, q.reload, true)}
                rows={waiting}
                cards
                rowKey={(r) => r.id}
                empty={t('inbox_waiting_empty')}
              />
            </Card>
            <Card title={t('inbox_others', { n: num(others.length) })} id="inbox-others" wide>
              <Table
                id="inbox-others-table"
                columns={columns(refs, q.reload, false)}
                rows={others}
                cards
                rowKey={(r) => r.id}
                empty={t('inbox_others_empty')}
              />
            </Card>
          </div>
        )}
      </Async>
    </Page>
  );
}
