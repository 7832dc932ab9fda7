// SPDX-License-Identifier: MIT
// Dashboard: where the workload is. EU per OPD (chart), the PNS / PPPK /
// CPNS split, retirements in the next five years, the largest shortages
// and surpluses by jabatan, and a map of units coloured by their gap, all
// within the caller's scope and as of a chosen date.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { qs } from '../api.js';
import { num, strings, t } from '../i18n.js';
import {
  Async,
  Card,
  ChartView,
  Gap,
  href,
  jabatanName,
  Page,
  Pj,
  PJ_COLOURS,
  Table,
  unitName,
  useApi,
  useSession,
} from '../ui.jsx';
import UnitMap from './map.jsx';
import { NoCoordinates } from './siasn.jsx';

strings({
  id: {
    dash_title: 'Dasbor Beban Kerja',
    dash_pw: 'PPPK paruh waktu (di luar bezetting)',
    dash_as_of: 'Keadaan per tanggal',
    dash_eu_title: 'Efisiensi unit (EU) per OPD',
    dash_eu_units_title: 'Efisiensi unit (EU) per unit kerja, {n} tertinggi',
    dash_eu_label: 'Grafik batang EU per OPD, diurutkan dari yang paling berat bebannya',
    dash_split_title: 'Pegawai menurut status',
    dash_ret_title: 'Pensiun lima tahun ke depan',
    dash_short_title: 'Kekurangan terbesar',
    dash_surplus_title: 'Kelebihan terbesar',
    dash_map_title: 'Peta unit kerja menurut selisih pegawai',
    dash_kpi_staff: 'Pegawai (bezetting)',
    dash_kpi_need: 'Kebutuhan (ABK)',
    dash_kpi_short: 'Kekurangan',
    dash_kpi_surplus: 'Kelebihan',
    dash_kpi_eu: 'EU keseluruhan',
    col_opd: 'OPD',
    col_unit: 'Unit kerja',
    col_jabatan: 'Jabatan',
    col_need: 'Kebutuhan',
    col_staff: 'Bezetting',
    col_gap: 'Selisih',
    col_ej: 'EJ',
    col_pj: 'PJ',
    col_eu: 'EU',
    col_year: 'Tahun',
    col_count: 'Jumlah',
    col_status: 'Status',
    ret_people: 'orang',
    dash_csv: 'Unduh ABK (CSV)',
    dash_xlsx: 'Unduh ABK (XLSX)',
  },
  en: {
    dash_pw: 'Part-time PPPK (outside staff in post)',
    dash_title: 'Workload dashboard',
    dash_as_of: 'As of',
    dash_eu_title: 'Unit efficiency (EU) by agency',
    dash_eu_units_title: 'Unit efficiency (EU) by work unit, the {n} highest',
    dash_eu_label: 'Bar chart of EU per agency, most loaded first',
    dash_split_title: 'Staff by status',
    dash_ret_title: 'Retirements in the next five years',
    dash_short_title: 'Largest shortages',
    dash_surplus_title: 'Largest surpluses',
    dash_map_title: 'Map of work units by staffing gap',
    dash_kpi_staff: 'Staff in post',
    dash_kpi_need: 'Need (ABK)',
    dash_kpi_short: 'Shortage',
    dash_kpi_surplus: 'Surplus',
    dash_kpi_eu: 'Overall EU',
    col_opd: 'Agency',
    col_unit: 'Work unit',
    col_jabatan: 'Position',
    col_need: 'Need',
    col_staff: 'In post',
    col_gap: 'Gap',
    col_ej: 'EJ',
    col_pj: 'Rating',
    col_eu: 'EU',
    col_year: 'Year',
    col_count: 'Count',
    col_status: 'Status',
    ret_people: 'people',
    dash_csv: 'Download ABK (CSV)',
    dash_xlsx: 'Download ABK (XLSX)',
  },
});

const today = () => new Date().toISOString().slice(0, 10);
const EU_UNITS = 40;
const topUnits = (rows) =>
  rows
    .filter((r) => r.ej !== null)
    .sort((a, b) => b.ej - a.ej)
    .slice(0, EU_UNITS);

function totals(rows) {
  const s = { need: 0, raw: 0, staff: 0, pns: 0, pppk: 0, cpns: 0, pw: 0, short: 0, surplus: 0 };
  for (const r of rows) {
    s.need += r.kebutuhan_bulat || 0;
    s.raw += r.kebutuhan || 0;
    s.staff += r.bezetting;
    s.pns += r.bezetting_pns;
    s.pppk += r.bezetting_pppk;
    s.cpns += r.bezetting_cpns;
    s.pw += r.bezetting_pppk_pw || 0;
  }
  return s;
}

function Kpis({ opd, jab }) {
  const s = totals(opd.rows);
  for (const r of jab.rows) {
    if (r.selisih < 0) {
      s.short -= r.selisih;
    } else if (r.selisih > 0) {
      s.surplus += r.selisih;
    }
  }
  const items = [
    ['dash_kpi_staff', num(s.staff)],
    ['dash_kpi_need', num(s.need)],
    ['dash_kpi_short', num(s.short)],
    ['dash_kpi_surplus', num(s.surplus)],
    ['dash_kpi_eu', s.staff ? num(s.raw / s.staff, 3) : t('kosong')],
  ];
  return (
    <div class="kpis">
      {items.map(([k, v]) => (
        <div class="kpi" key={k}>
          <span class="v" data-kpi={k}>
            {v}
          </span>
          <span class="l">{t(k)}</span>
        </div>
      ))}
    </div>
  );
}

function EuChart({ rows, refs, onReady }) {
  const sorted = useMemo(() => [...rows].sort((a, b) => (b.ej ?? -1) - (a.ej ?? -1)), [rows]);
  const data = useMemo(
    () => ({
      labels: sorted.map((r) => unitName(refs, r.unit)),
      datasets: [
        {
          label: t('col_eu'),
          data: sorted.map((r) => r.ej),
          backgroundColor: sorted.map((r) => PJ_COLOURS[r.pj] || '#6a737d'),
        },
      ],
    }),
    [sorted],
  );
  const options = useMemo(
    () => ({
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: {
        x: { beginAtZero: true, title: { display: true, text: 'EU' } },
        y: { ticks: { autoSkip: false } },
      },
    }),
    [],
  );
  const table = (
    <Table
      rows={sorted}
      rowKey={(r) => r.unit}
      columns={[
        {
          key: 'unit',
          label: t('col_opd'),
          render: (r) => <a href={href('unit/' + r.unit)}>{unitName(refs, r.unit)}</a>,
        },
        { key: 'kebutuhan', label: t('col_need'), num: true, render: (r) => num(r.kebutuhan, 3) },
        { key: 'bezetting', label: t('col_staff'), num: true },
        { key: 'selisih', label: t('col_gap'), num: true, render: (r) => <Gap value={r.selisih} /> },
        { key: 'ej', label: t('col_eu'), num: true, render: (r) => num(r.ej, 3) },
        { key: 'pj', label: t('col_pj'), render: (r) => <Pj value={r.pj} /> },
      ]}
    />
  );
  return (
    <ChartView
      type="bar"
      data={data}
      options={options}
      label={t('dash_eu_label')}
      height={Math.max(260, sorted.length * 18)}
      table={table}
      onReady={onReady}
    />
  );
}

function SplitChart({ rows, onReady }) {
  const s = totals(rows);
  const data = useMemo(
    () => ({
      labels: ['PNS', 'PPPK', 'CPNS', t('dash_pw')],
      datasets: [
        { data: [s.pns, s.pppk, s.cpns, s.pw], backgroundColor: ['#0b5394', '#c77700', '#2e7d32', '#8e44ad'] },
      ],
    }),
    [s.pns, s.pppk, s.cpns, s.pw],
  );
  const table = (
    <Table
      rows={[
        { k: 'PNS', v: s.pns },
        { k: 'PPPK', v: s.pppk },
        { k: 'CPNS', v: s.cpns },
        { k: t('dash_pw'), v: s.pw },
      ]}
      columns={[
        { key: 'k', label: t('col_status') },
        { key: 'v', label: t('col_count'), num: true, render: (r) => num(r.v) },
      ]}
    />
  );
  return (
    <ChartView
      type="doughnut"
      data={data}
      options={{}}
      height={240}
      label={`PNS ${s.pns}, PPPK ${s.pppk}, CPNS ${s.cpns}, ${t('dash_pw')} ${s.pw}`}
      table={table}
      onReady={onReady}
    />
  );
}

function RetirementChart({ ret, onReady }) {
  const data = useMemo(
    () => ({
      labels: ret.rows.map((r) => String(r.tahun)),
      datasets: [{ label: t('ret_people'), data: ret.rows.map((r) => r.jumlah), backgroundColor: '#0b5394' }],
    }),
    [ret],
  );
  const table = (
    <Table
      rows={ret.rows}
      rowKey={(r) => r.tahun}
      columns={[
        { key: 'tahun', label: t('col_year') },
        { key: 'jumlah', label: t('col_count'), num: true },
      ]}
    />
  );
  return (
    <ChartView
      type="bar"
      data={data}
      height={240}
      options={{ plugins: { legend: { display: false } } }}
      label={ret.rows.map((r) => `${r.tahun}: ${r.jumlah}`).join(', ')}
      table={table}
      onReady={onReady}
    />
  );
}

function GapTable({ rows, refs, id }) {
  return (
    <Table
      id={id}
      rows={rows}
      rowKey={(r) => r.unit + '/' + r.jabatan}
      pageSize={10}
      columns={[
        {
          key: 'unit',
          label: t('col_unit'),
          render: (r) => <a href={href('unit/' + r.unit)}>{unitName(refs, r.unit)}</a>,
        },
        { key: 'jabatan', label: t('col_jabatan'), render: (r) => jabatanName(refs, r.jabatan) },
        { key: 'kebutuhan_bulat', label: t('col_need'), num: true },
        { key: 'bezetting', label: t('col_staff'), num: true },
        { key: 'selisih', label: t('col_gap'), num: true, render: (r) => <Gap value={r.selisih} /> },
        { key: 'pj', label: t('col_pj'), render: (r) => <Pj value={r.pj} /> },
      ]}
    />
  );
}

export default function Dashboard() {
  const { refs, me } = useSession();
  const [asOf, setAsOf] = useState(today());
  const q = qs({ as_of: asOf });
  const opd = useApi('/api/abk' + qs({ by: 'opd', as_of: asOf }));
  const jab = useApi('/api/abk' + qs({ by: 'jabatan', as_of: asOf }));
  const unit = useApi('/api/abk' + qs({ by: 'unit', as_of: asOf }));
  const ret = useApi('/api/retirements' + qs({ years: 5 }));
  const batas = useApi('/api/batas');
  const unitTop = useMemo(() => unit.data && topUnits(unit.data.rows), [unit.data]);
  const [drawn, setDrawn] = useState(0);
  const ready = () => setDrawn((n) => n + 1);
  useEffect(() => {
    // The first full render (three charts and the map) as the browser
    // measured it from the start of navigation; e2e reports it.
    if (drawn >= 3 && unit.data && window.mutasiDashboardMs === undefined) {
      performance.mark('mutasi-dashboard-ready');
      window.mutasiDashboardMs = performance.now();
    }
  }, [drawn, unit.data]);
  const shortages =
    jab.data &&
    jab.data.rows
      .filter((r) => r.selisih < 0)
      .sort((a, b) => a.selisih - b.selisih)
      .slice(0, 30);
  const surpluses =
    jab.data &&
    jab.data.rows
      .filter((r) => r.selisih > 0)
      .sort((a, b) => b.selisih - a.selisih)
      .slice(0, 30);
  return (
    <Page
      title={t('dash_title')}
      actions={
        <>
          <div class="field">
            <label for="as-of">{t('dash_as_of')}</label>
            <input id="as-of" type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
          </div>
          <div class="downloads">
            <a
              class="btn secondary"
              href={'/api/abk/export.csv' + qs({ by: 'jabatan', as_of: asOf })}
              download={`abk-${asOf}.csv`}
            >
              {t('dash_csv')}
            </a>
            {me.role !== 'kepala_unit' && (
              <a
                class="btn secondary"
                href={'/api/abk/export.xlsx' + qs({ as_of: asOf })}
                download={`abk-${asOf}.xlsx`}
              >
                {t('dash_xlsx')}
              </a>
            )}
          </div>
        </>
      }
    >
      {opd.data && jab.data && <Kpis opd={opd.data} jab={jab.data} key={q} />}
      <div class="grid">
        {me.role === 'kepala_unit' ? (
          // A head sees the units of their subtree: one OPD bar says little.
          <Card title={t('dash_eu_units_title', { n: EU_UNITS })} wide id="eu">
            <Async q={unit}>{() => <EuChart rows={unitTop} refs={refs} onReady={ready} />}</Async>
          </Card>
        ) : (
          <Card title={t('dash_eu_title')} wide id="eu">
            <Async q={opd}>{(d) => <EuChart rows={d.rows} refs={refs} onReady={ready} />}</Async>
          </Card>
        )}
        <Card title={t('dash_split_title')} id="split">
          <Async q={opd}>{(d) => <SplitChart rows={d.rows} onReady={ready} />}</Async>
        </Card>
        <Card title={t('dash_ret_title')} id="ret">
          <Async q={ret}>{(d) => <RetirementChart ret={d} onReady={ready} />}</Async>
        </Card>
        <div class="side-by-side wide">
          <Card title={t('dash_short_title')} id="short">
            <Async q={jab}>{() => <GapTable rows={shortages} refs={refs} id="top-shortages" />}</Async>
          </Card>
          <Card title={t('dash_surplus_title')} id="surplus">
            <Async q={jab}>{() => <GapTable rows={surpluses} refs={refs} id="top-surpluses" />}</Async>
          </Card>
        </div>
        <Card title={t('dash_map_title')} wide id="map">
          <Async q={batas}>
            {(b) => <Async q={unit}>{(d) => <UnitMap rows={d.rows} refs={refs} batas={b} />}</Async>}
          </Async>
        </Card>
        {me.role !== 'kepala_unit' && <NoCoordinates />}
      </div>
    </Page>
  );
}
