// SPDX-License-Identifier: MIT
// Unit drill-down: the unit's facts and place in the tree, its ABK per
// jabatan (own pairs and the whole subtree), its staff, coming retirements
// and the history of moves in and out.
import { useMemo, useState } from 'preact/hooks';
import { post, qs } from '../api.js';
import { date, num, strings, t } from '../i18n.js';
import {
  ActionButton,
  Async,
  Card,
  Gap,
  href,
  jabatanName,
  NotInPost,
  Notice,
  Page,
  Pj,
  Table,
  toast,
  unitName,
  useApi,
  useSession,
} from '../ui.jsx';

strings({
  id: {
    unit_title: 'Unit kerja',
    unit_code: 'Kode',
    unit_type: 'Jenis',
    unit_parent: 'Induk',
    unit_kecamatan: 'Kecamatan',
    unit_coords: 'Koordinat',
    unit_children: 'Unit di bawahnya',
    unit_abk: 'Analisis beban kerja per jabatan',
    unit_abk_scope: 'Cakupan',
    unit_abk_own: 'Unit ini saja',
    unit_abk_tree: 'Unit ini dan bawahannya',
    unit_staff: 'Pegawai',
    unit_in_post: 'Dalam jabatan hari ini (bezetting ABK)',
    unit_pppk_pw: 'PPPK paruh waktu (dihitung terpisah)',
    unit_not_pensiun: 'Tercatat di sini tetapi sudah pensiun',
    unit_not_tubel: 'Tercatat di sini tetapi tugas belajar',
    unit_pindah_masuk: 'Akan masuk (mutasi belum berlaku)',
    unit_history: 'Riwayat mutasi masuk dan keluar',
    unit_ret: 'Pensiun lima tahun ke depan',
    col_nip: 'NIP',
    col_name: 'Nama',
    col_golongan: 'Golongan',
    col_tmt: 'TMT',
    col_from: 'Dari',
    col_to: 'Ke',
    col_tmt_pensiun: 'TMT pensiun',
    col_beban: 'Beban (menit)',
    unit_in: 'masuk',
    unit_out: 'keluar',
    unit_need_bulat: 'Kebutuhan (bulat)',
    unit_csv: 'Unduh ABK unit ini dan bawahannya (CSV)',
    surge_title: 'Lonjakan beban kerja',
    surge_intro:
      'Laporkan tambahan beban kerja sementara (misalnya wabah DBD di puskesmas). Selama masa berlakunya, ABK menghitungnya dan perencanaan menutupnya dengan penugasan sementara.',
    surge_jabatan: 'Jabatan',
    surge_tugas: 'Uraian tugas tambahan',
    surge_volume: 'Volume (per tahun)',
    surge_norma: 'Norma waktu (menit per keluaran)',
    surge_from: 'Berlaku mulai',
    surge_to: 'Berlaku sampai',
    surge_tugas_hint:
      'Wajib untuk jabatan yang dihitung per tugas; untuk guru (rombel/JP) dan kebutuhan tetap cukup volumenya.',
    surge_volume_hint:
      'Tugas: keluaran per tahun. Rombel: jumlah rombongan belajar. JP: jam pelajaran per minggu. Tetap: tambahan pegawai.',
    surge_submit: 'Laporkan lonjakan',
    surge_done: 'Lonjakan untuk {jabatan} dicatat.',
    surge_none: 'Belum ada lonjakan yang dilaporkan untuk unit ini.',
    surge_method: 'Metode',
    surge_missing: 'Pilih jabatan dan isi volume serta kedua tanggal.',
  },
  en: {
    unit_title: 'Work unit',
    unit_code: 'Code',
    unit_type: 'Type',
    unit_parent: 'Parent',
    unit_kecamatan: 'District',
    unit_coords: 'Coordinates',
    unit_children: 'Units below',
    unit_abk: 'Workload analysis by position',
    unit_abk_scope: 'Scope',
    unit_abk_own: 'This unit only',
    unit_abk_tree: 'This unit and those below',
    unit_staff: 'Staff',
    unit_in_post: 'In post today (ABK staff count)',
    unit_pppk_pw: 'Part-time PPPK (counted apart)',
    unit_not_pensiun: 'Recorded here but retired',
    unit_not_tubel: 'Recorded here but on study leave',
    unit_pindah_masuk: 'Arriving (transfer not yet in force)',
    unit_history: 'Transfers in and out',
    unit_ret: 'Retirements in the next five years',
    col_nip: 'NIP',
    col_name: 'Name',
    col_golongan: 'Grade',
    col_tmt: 'Effective',
    col_from: 'From',
    col_to: 'To',
    col_tmt_pensiun: 'Retires on',
    col_beban: 'Workload (min)',
    unit_in: 'in',
    unit_out: 'out',
    unit_need_bulat: 'Need (rounded)',
    unit_csv: 'Download the ABK of this unit and those below (CSV)',
    surge_title: 'Workload surges',
    surge_intro:
      'Report a temporary extra workload (e.g. a dengue outbreak at a health centre). While it lasts the ABK counts it and the planner covers it with temporary assignments.',
    surge_jabatan: 'Position',
    surge_tugas: 'Extra task',
    surge_volume: 'Volume (per year)',
    surge_norma: 'Standard time (minutes per output)',
    surge_from: 'Valid from',
    surge_to: 'Valid until',
    surge_tugas_hint:
      'Required for positions counted task by task; teachers (study groups / lesson hours) and fixed needs take the volume only.',
    surge_volume_hint:
      'Task: outputs per year. Study groups: their number. Lesson hours: per week. Fixed: extra staff.',
    surge_submit: 'Report the surge',
    surge_done: 'Surge for {jabatan} recorded.',
    surge_none: 'No surge reported for this unit yet.',
    surge_method: 'Method',
    surge_missing: 'Choose a position and fill in the volume and both dates.',
  },
});

function Facts({ u, refs }) {
  const children = refs.list.filter((x) => x.induk === u.kode);
  return (
    <dl class="facts">
      <dt>{t('unit_code')}</dt>
      <dd>{u.kode}</dd>
      <dt>{t('unit_type')}</dt>
      <dd>{t('jenis_' + u.jenis)}</dd>
      <dt>{t('unit_parent')}</dt>
      <dd>{u.induk ? <a href={href('unit/' + u.induk)}>{unitName(refs, u.induk)}</a> : '–'}</dd>
      <dt>{t('unit_kecamatan')}</dt>
      <dd>{u.kecamatan || '–'}</dd>
      <dt>{t('unit_coords')}</dt>
      <dd>{u.lat !== null && u.lat !== undefined ? `${num(u.lat, 5)}, ${num(u.lon, 5)}` : '–'}</dd>
      <dt>{t('unit_children')}</dt>
      <dd>
        {children.length === 0 ? (
          '–'
        ) : (
          <details>
            <summary>{num(children.length)}</summary>
            <ul>
              {children.map((c) => (
                <li key={c.kode}>
                  <a href={href('unit/' + c.kode)}>{c.nama}</a>
                </li>
              ))}
            </ul>
          </details>
        )}
      </dd>
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
        <label>
          <input type="radio" name="abk-scope" checked={!tree} onChange={() => setTree(false)} /> {t('unit_abk_own')}
        </label>
        <label>
          <input type="radio" name="abk-scope" checked={tree} onChange={() => setTree(true)} /> {t('unit_abk_tree')}
        </label>
      </fieldset>
      <p class="downloads">
        <a
          class="btn secondary small"
          href={'/api/abk/export.csv' + qs({ unit: kode, by: 'jabatan' })}
          download={`abk-${kode}.csv`}
        >
          {t('unit_csv')}
        </a>
      </p>
      <Async q={q}>
        {() => (
          <Table
            id="unit-abk"
            rows={rows}
            rowKey={(r) => r.unit + '/' + r.jabatan}
            columns={[
              ...(tree
                ? [
                    {
                      key: 'unit',
                      label: t('col_unit'),
                      render: (r) => <a href={href('unit/' + r.unit)}>{unitName(refs, r.unit)}</a>,
                    },
                  ]
                : []),
              { key: 'jabatan', label: t('col_jabatan'), render: (r) => jabatanName(refs, r.jabatan) },
              { key: 'beban_menit', label: t('col_beban'), num: true, render: (r) => num(r.beban_menit) },
              { key: 'kebutuhan', label: t('col_need'), num: true, render: (r) => num(r.kebutuhan, 3) },
              { key: 'kebutuhan_bulat', label: t('unit_need_bulat'), num: true },
              { key: 'bezetting', label: t('col_staff'), num: true },
              { key: 'selisih', label: t('col_gap'), num: true, render: (r) => <Gap value={r.selisih} /> },
              { key: 'ej', label: t('col_ej'), num: true, render: (r) => (r.ej === null ? t('kosong') : num(r.ej, 3)) },
              { key: 'pj', label: t('col_pj'), render: (r) => <Pj value={r.pj} /> },
            ]}
          />
        )}
      </Async>
    </>
  );
}

// Today's staff of the unit and the units under it: in post (the ABK's
// bezetting) and those placed here who are not.
function InPost({ n }) {
  return (
    <dl class="facts" id="unit-in-post">
      <dt>{t('unit_in_post')}</dt>
      <dd data-count="dalam_jabatan">{num(n.dalam_jabatan)}</dd>
      <dt>{t('unit_pppk_pw')}</dt>
      <dd data-count="pppk_pw">{num(n.pppk_pw)}</dd>
      <dt>{t('unit_not_pensiun')}</dt>
      <dd data-count="pensiun">{num(n.pensiun)}</dd>
      <dt>{t('unit_not_tubel')}</dt>
      <dd data-count="tugas_belajar">{num(n.tugas_belajar)}</dd>
      <dt>{t('unit_pindah_masuk')}</dt>
      <dd data-count="pindah_masuk">{num(n.pindah_masuk)}</dd>
    </dl>
  );
}

function Staff({ kode, refs }) {
  const [page, setPage] = useState(1);
  const q = useApi('/api/employees' + qs({ unit: kode, page }));
  return (
    <Async q={q}>
      {(d) => (
        <>
          <Table
            id="unit-staff"
            rows={d.rows}
            rowKey={(r) => r.nip}
            pageSize={1000}
            sortable={false}
            columns={[
              {
                key: 'nama',
                label: t('col_name'),
                render: (r) => (
                  <span>
                    <a href={href('pegawai/' + r.nip)}>{r.nama}</a> <NotInPost p={r} />
                  </span>
                ),
              },
              { key: 'nip', label: t('col_nip') },
              { key: 'status', label: t('col_status') },
              { key: 'golongan', label: t('col_golongan') },
              { key: 'jabatan', label: t('col_jabatan'), render: (r) => jabatanName(refs, r.jabatan) },
              { key: 'unit', label: t('col_unit'), render: (r) => unitName(refs, r.unit) },
              { key: 'tmt_unit', label: t('col_tmt'), render: (r) => date(r.tmt_unit) },
            ]}
          />
          <nav class="pager" aria-label={t('unit_staff')}>
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('prev')}
            </button>
            <span>
              {t('page_n', { n: page })} / {Math.max(1, Math.ceil(d.total / d.per_page))} ({num(d.total)})
            </span>
            <button type="button" disabled={page * d.per_page >= d.total} onClick={() => setPage(page + 1)}>
              {t('next')}
            </button>
          </nav>
        </>
      )}
    </Async>
  );
}

function History({ u, refs }) {
  const rows = u.riwayat || [];
  return (
    <Table
      id="unit-history"
      rows={rows}
      rowKey={(r) => r.nip + r.tmt + r.ke}
      pageSize={25}
      columns={[
        { key: 'tmt', label: t('col_tmt'), render: (r) => date(r.tmt) },
        { key: 'nama', label: t('col_name'), render: (r) => <a href={href('pegawai/' + r.nip)}>{r.nama}</a> },
        { key: 'arah', label: '', nosort: true, render: (r) => (r.ke === u.kode ? t('unit_in') : t('unit_out')) },
        { key: 'dari', label: t('col_from'), render: (r) => (r.dari ? unitName(refs, r.dari) : '–') },
        { key: 'ke', label: t('col_to'), render: (r) => unitName(refs, r.ke) },
        { key: 'jabatan', label: t('col_jabatan'), render: (r) => jabatanName(refs, r.jabatan) },
      ]}
    />
  );
}

function Retirements({ kode, refs }) {
  const q = useApi('/api/retirements' + qs({ unit: kode, years: 5 }));
  return (
    <Async q={q}>
      {(d) => (
        <Table
          id="unit-retirements"
          rows={d.pegawai}
          rowKey={(r) => r.nip}
          pageSize={20}
          columns={[
            { key: 'tmt_pensiun', label: t('col_tmt_pensiun'), render: (r) => date(r.tmt_pensiun) },
            { key: 'nama', label: t('col_name'), render: (r) => <a href={href('pegawai/' + r.nip)}>{r.nama}</a> },
            { key: 'jabatan', label: t('col_jabatan'), render: (r) => jabatanName(refs, r.jabatan) },
            { key: 'unit', label: t('col_unit'), render: (r) => unitName(refs, r.unit) },
          ]}
        />
      )}
    </Async>
  );
}

function Surges({ kode, refs, canReport }) {
  const q = useApi('/api/units/' + encodeURIComponent(kode) + '/surges');
  const abk = useApi('/api/abk' + qs({ unit: kode, by: 'jabatan' }));
  const today = new Date().toISOString().slice(0, 10);
  const empty = { jabatan: '', tugas: '', volume: '', norma_menit: '', berlaku_mulai: today, berlaku_sampai: '' };
  const [f, setF] = useState(empty);
  const [error, setError] = useState('');
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const own = abk.data ? [...new Set(abk.data.rows.filter((r) => r.unit === kode).map((r) => r.jabatan))] : [];
  const submit = async () => {
    setError('');
    if (!f.jabatan || !f.volume || !f.berlaku_mulai || !f.berlaku_sampai) {
      setError(t('surge_missing'));
      return;
    }
    try {
      await post('/api/units/' + encodeURIComponent(kode) + '/surges', f);
    } catch (e) {
      setError(e.message);
      return;
    }
    toast(t('surge_done', { jabatan: jabatanName(refs, f.jabatan) }));
    setF(empty);
    q.reload();
  };
  return (
    <>
      <p>{t('surge_intro')}</p>
      <Async q={q}>
        {(d) => (
          <Table
            id="unit-surges"
            rows={d.rows}
            empty={t('surge_none')}
            columns={[
              { key: 'jabatan', label: t('surge_jabatan'), render: (r) => jabatanName(refs, r.jabatan) },
              { key: 'tugas', label: t('surge_tugas'), render: (r) => r.tugas || '–' },
              { key: 'volume', label: t('surge_volume'), num: true, render: (r) => num(r.volume, 0) },
              {
                key: 'norma_menit',
                label: t('surge_norma'),
                num: true,
                render: (r) => (r.norma_menit === null ? '–' : num(r.norma_menit)),
              },
              { key: 'metode', label: t('surge_method') },
              { key: 'berlaku_mulai', label: t('surge_from'), render: (r) => date(r.berlaku_mulai) },
              { key: 'berlaku_sampai', label: t('surge_to'), render: (r) => date(r.berlaku_sampai) },
            ]}
          />
        )}
      </Async>
      {canReport && (
        <form class="form-row" id="surge-form" onSubmit={(e) => e.preventDefault()}>
          <div class="field">
            <label for="sg-jabatan">{t('surge_jabatan')}</label>
            <select id="sg-jabatan" value={f.jabatan} onChange={set('jabatan')}>
              <option value="">–</option>
              {own.map((j) => (
                <option key={j} value={j}>
                  {jabatanName(refs, j)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="sg-tugas">{t('surge_tugas')}</label>
            <input
              id="sg-tugas"
              value={f.tugas}
              onInput={set('tugas')}
              maxLength={200}
              aria-describedby="sg-tugas-hint"
            />
            <small class="hint" id="sg-tugas-hint">
              {t('surge_tugas_hint')}
            </small>
          </div>
          <div class="field">
            <label for="sg-volume">{t('surge_volume')}</label>
            <input
              id="sg-volume"
              inputMode="decimal"
              value={f.volume}
              onInput={set('volume')}
              aria-describedby="sg-volume-hint"
            />
            <small class="hint" id="sg-volume-hint">
              {t('surge_volume_hint')}
            </small>
          </div>
          <div class="field">
            <label for="sg-norma">{t('surge_norma')}</label>
            <input id="sg-norma" inputMode="decimal" value={f.norma_menit} onInput={set('norma_menit')} />
          </div>
          <div class="field">
            <label for="sg-from">{t('surge_from')}</label>
            <input id="sg-from" type="date" value={f.berlaku_mulai} onInput={set('berlaku_mulai')} />
          </div>
          <div class="field">
            <label for="sg-to">{t('surge_to')}</label>
            <input id="sg-to" type="date" value={f.berlaku_sampai} onInput={set('berlaku_sampai')} />
          </div>
          <ActionButton onRun={submit}>{t('surge_submit')}</ActionButton>
          {error && <Notice kind="error">{error}</Notice>}
        </form>
      )}
    </>
  );
}

export default function UnitPage({ kode }) {
  const { refs, me } = useSession();
  const q = useApi('/api/units/' + encodeURIComponent(kode));
  // The staff-level parts are for those who may see this unit's staff (the
  // server sends 'riwayat' only to them).
  const manager = (u) => me.role !== 'pegawai' && Array.isArray(u.riwayat);
  return (
    <Async q={q}>
      {(u) => (
        <Page title={u.nama}>
          <div class="grid">
            <Card title={t('unit_title')} id="unit-facts">
              <Facts u={u} refs={refs} />
            </Card>
            {manager(u) && (
              <Card title={t('unit_ret')} id="unit-ret">
                <Retirements kode={kode} refs={refs} />
              </Card>
            )}
            {manager(u) && (
              <Card title={t('unit_abk')} wide id="unit-abk-card">
                <AbkTable kode={kode} refs={refs} />
              </Card>
            )}
            {manager(u) && (
              <Card title={t('unit_staff')} wide id="unit-staff-card">
                {u.pegawai && <InPost n={u.pegawai} />}
                <Staff kode={kode} refs={refs} />
              </Card>
            )}
            {manager(u) && (
              <Card title={t('unit_history')} wide id="unit-history-card">
                <History u={u} refs={refs} />
              </Card>
            )}
            {manager(u) && (
              <Card title={t('surge_title')} wide id="unit-surges-card">
                <Surges kode={kode} refs={refs} canReport={me.role === 'kepala_unit' || me.role === 'bkpsdm'} />
              </Card>
            )}
          </div>
        </Page>
      )}
    </Async>
  );
}
