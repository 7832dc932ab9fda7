// SPDX-License-Identifier: MIT
// Unit drill-down: the unit's facts and place in the tree, its ABK per
// jabatan (own pairs and the whole subtree), its staff, coming retirements
// and the history of moves in and out.
import { useMemo, useState } from 'preact/hooks';
import { qs } from '../api.js';
import { date, num, strings, t } from '../i18n.js';
import {
  Async, Card, Gap, href, jabatanName, Page, Pj, Table, unitName, useApi, useSession,
} from '../ui.jsx';

strings({
  id: {
    unit_title: 'Unit kerja',
    unit_code: 'Kode', unit_type: 'Jenis', unit_parent: 'Induk', unit_kecamatan: 'Kecamatan',
    unit_coords: 'Koordinat', unit_children: 'Unit di bawahnya',
    unit_abk: 'Analisis beban kerja per jabatan',
    unit_abk_scope: 'Cakupan',
    unit_abk_own: 'Unit ini saja',
    unit_abk_tree: 'Unit ini dan bawahannya',
    unit_staff: 'Pegawai',
    unit_history: 'Riwayat mutasi masuk dan keluar',
    unit_ret: 'Pensiun lima tahun ke depan',
    col_nip: 'NIP', col_name: 'Nama', col_golongan: 'Golongan', col_tmt: 'TMT', col_from: 'Dari', col_to: 'Ke',
    col_tmt_pensiun: 'TMT pensiun', col_beban: 'Beban (menit)',
    unit_in: 'masuk', unit_out: 'keluar',
    unit_csv: 'Unduh ABK unit ini dan bawahannya (CSV)',
  },
  en: {
    unit_title: 'Work unit',
    unit_code: 'Code', unit_type: 'Type', unit_parent: 'Parent', unit_kecamatan: 'District',
    unit_coords: 'Coordinates', unit_children: 'Units below',
    unit_abk: 'Workload analysis by position',
    unit_abk_scope: 'Scope',
    unit_abk_own: 'This unit only',
    unit_abk_tree: 'This unit and those below',
    unit_staff: 'Staff',
    unit_history: 'Transfers in and out',
    unit_ret: 'Retirements in the next five years',
    col_nip: 'NIP', col_name: 'Name', col_golongan: 'Grade', col_tmt: 'Effective', col_from: 'From', col_to: 'To',
    col_tmt_pensiun: 'Retires on', col_beban: 'Workload (min)',
    unit_in: 'in', unit_out: 'out',
    unit_csv: 'Download the ABK of this unit and those below (CSV)',
  },
});

function Facts({ u, refs }) {
  const children = refs.list.filter((x) => x.induk === u.kode);
  return (
    <dl class="facts">
      <dt>{t('unit_code')}</dt><dd>{u.kode}</dd>
      <dt>{t('unit_type')}</dt><dd>{t('jenis_' + u.jenis)}</dd>
      <dt>{t('unit_parent')}</dt>
      <dd>{u.induk ? <a href={href('unit/' + u.induk)}>{unitName(refs, u.induk)}</a> : '–'}</dd>
      <dt>{t('unit_kecamatan')}</dt><dd>{u.kecamatan || '–'}</dd>
      <dt>{t('unit_coords')}</dt><dd>{u.lat !== null && u.lat !== undefined ? `${num(u.lat, 5)}, ${num(u.lon, 5)}` : '–'}</dd>
      <dt>{t('unit_children')}</dt>
      <dd>{children.length === 0 ? '–' : (
        <details><summary>{num(children.length)}</summary>
          <ul>{children.map((c) => <li key={c.kode}><a href={href('unit/' + c.kode)}>{c.nama}</a></li>)}</ul>
        </details>
      )}</dd>
    </dl>
  );
}

function AbkTable({ kode, refs }) {
  const [tree, setTree] = useState(false);
  const q = useApi('/api/abk' + qs({ unit: kode, by: 'jabatan' }));
  const rows = useMemo(() => q.data && q.data.rows.filter((r) => tree || r.unit === kode), [q.data, tree]);
  return (
    <>
      <fieldset class="form-row">
        <legend>{t('unit_abk_scope')}</legend>
        <label><input type="radio" name="abk-scope" checked={!tree} onChange={() => setTree(false)} /> {t('unit_abk_own')}</label>
        <label><input type="radio" name="abk-scope" checked={tree} onChange={() => setTree(true)} /> {t('unit_abk_tree')}</label>
      </fieldset>
      <p class="downloads">
        <a class="btn secondary small" href={'/api/abk/export.csv' + qs({ unit: kode, by: 'jabatan' })}
          download={`abk-${kode}.csv`}>{t('unit_csv')}</a>
      </p>
      <Async q={q}>{() => (
        <Table id="unit-abk" rows={rows} rowKey={(r) => r.unit + '/' + r.jabatan} columns={[
          ...(tree ? [{ key: 'unit', label: t('col_unit'), render: (r) => <a href={href('unit/' + r.unit)}>{unitName(refs, r.unit)}</a> }] : []),
          { key: 'jabatan', label: t('col_jabatan'), render: (r) => jabatanName(refs, r.jabatan) },
          { key: 'beban_menit', label: t('col_beban'), num: true, render: (r) => num(r.beban_menit) },
          { key: 'kebutuhan', label: t('col_need'), num: true, render: (r) => num(r.kebutuhan, 3) },
          { key: 'kebutuhan_bulat', label: t('col_need') + ' (bulat)', num: true },
          { key: 'bezetting', label: t('col_staff'), num: true },
          { key: 'selisih', label: t('col_gap'), num: true, render: (r) => <Gap value={r.selisih} /> },
          { key: 'ej', label: t('col_ej'), num: true, render: (r) => (r.ej === null ? t('kosong') : num(r.ej, 3)) },
          { key: 'pj', label: t('col_pj'), render: (r) => <Pj value={r.pj} /> },
        ]} />
      )}</Async>
    </>
  );
}

function Staff({ kode, refs }) {
  const [page, setPage] = useState(1);
  const q = useApi('/api/employees' + qs({ unit: kode, page }));
  return (
    <Async q={q}>{(d) => (
      <>
        <Table id="unit-staff" rows={d.rows} rowKey={(r) => r.nip} pageSize={1000} columns={[
          { key: 'nama', label: t('col_name'), render: (r) => <a href={href('pegawai/' + r.nip)}>{r.nama}</a> },
          { key: 'nip', label: t('col_nip') },
          { key: 'status', label: t('col_status') },
          { key: 'golongan', label: t('col_golongan') },
          { key: 'jabatan', label: t('col_jabatan'), render: (r) => jabatanName(refs, r.jabatan) },
          { key: 'unit', label: t('col_unit'), render: (r) => unitName(refs, r.unit) },
          { key: 'tmt_unit', label: t('col_tmt'), render: (r) => date(r.tmt_unit) },
        ]} />
        <nav class="pager" aria-label={t('unit_staff')}>
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('prev')}</button>
          <span>{t('page_n', { n: page })} / {Math.max(1, Math.ceil(d.total / d.per_page))} ({num(d.total)})</span>
          <button type="button" disabled={page * d.per_page >= d.total} onClick={() => setPage(page + 1)}>{t('next')}</button>
        </nav>
      </>
    )}</Async>
  );
}

function History({ u, refs }) {
  const rows = u.riwayat || [];
  return (
    <Table id="unit-history" rows={rows} rowKey={(r) => r.nip + r.tmt + r.ke} pageSize={25} columns={[
      { key: 'tmt', label: t('col_tmt'), render: (r) => date(r.tmt) },
      { key: 'nama', label: t('col_name'), render: (r) => <a href={href('pegawai/' + r.nip)}>{r.nama}</a> },
      { key: 'arah', label: '', nosort: true, render: (r) => (r.ke === u.kode ? t('unit_in') : t('unit_out')) },
      { key: 'dari', label: t('col_from'), render: (r) => (r.dari ? unitName(refs, r.dari) : '–') },
      { key: 'ke', label: t('col_to'), render: (r) => unitName(refs, r.ke) },
      { key: 'jabatan', label: t('col_jabatan'), render: (r) => jabatanName(refs, r.jabatan) },
    ]} />
  );
}

function Retirements({ kode, refs }) {
  const q = useApi('/api/retirements' + qs({ unit: kode, years: 5 }));
  return (
    <Async q={q}>{(d) => (
      <Table id="unit-retirements" rows={d.pegawai} rowKey={(r) => r.nip} pageSize={20} columns={[
        { key: 'tmt_pensiun', label: t('col_tmt_pensiun'), render: (r) => date(r.tmt_pensiun) },
        { key: 'nama', label: t('col_name'), render: (r) => <a href={href('pegawai/' + r.nip)}>{r.nama}</a> },
        { key: 'jabatan', label: t('col_jabatan'), render: (r) => jabatanName(refs, r.jabatan) },
        { key: 'unit', label: t('col_unit'), render: (r) => unitName(refs, r.unit) },
      ]} />
    )}</Async>
  );
}

export default function UnitPage({ kode }) {
  const { refs, me } = useSession();
  const q = useApi('/api/units/' + encodeURIComponent(kode));
  const manager = me.role !== 'pegawai';
  return (
    <Async q={q}>{(u) => (
      <Page title={u.nama}>
        <div class="grid">
          <Card title={t('unit_title')} id="unit-facts"><Facts u={u} refs={refs} /></Card>
          {manager && <Card title={t('unit_ret')} id="unit-ret"><Retirements kode={kode} refs={refs} /></Card>}
          {manager && <Card title={t('unit_abk')} wide id="unit-abk-card"><AbkTable kode={kode} refs={refs} /></Card>}
          {manager && <Card title={t('unit_staff')} wide id="unit-staff-card"><Staff kode={kode} refs={refs} /></Card>}
          {manager && <Card title={t('unit_history')} wide id="unit-history-card"><History u={u} refs={refs} /></Card>}
        </div>
      </Page>
    )}</Async>
  );
}
