// SPDX-License-Identifier: MIT
// Employees: a searchable, paged list within the caller's scope, and the
// profile of one employee with the history of their postings.
import { useState } from 'preact/hooks';
import { qs } from '../api.js';
import { date, num, strings, t } from '../i18n.js';
import { Async, Card, href, jabatanName, NotInPost, Page, Table, unitName, useApi, useSession } from '../ui.jsx';
import { kompetensiName } from '../vocab.js';
import { Kelayakan } from './requests.jsx';

strings({
  id: {
    emp_list_title: 'Daftar Pegawai',
    emp_search: 'Cari nama atau NIP',
    emp_unit_filter: 'Unit kerja (nama atau kode)',
    emp_found: '{n} pegawai',
    emp_profile: 'Data pegawai',
    emp_history: 'Riwayat jabatan dan unit kerja',
    emp_sex: 'Jenis kelamin',
    emp_birth: 'Tempat, tanggal lahir',
    emp_status: 'Status kepegawaian',
    emp_golongan: 'Golongan',
    emp_jabatan: 'Jabatan',
    emp_unit: 'Unit kerja',
    emp_tmt_unit: 'TMT di unit',
    emp_pindah: 'Pindah ke {unit} sebagai {jabatan} per {tmt} (sudah ditetapkan, belum berlaku)',
    emp_pendidikan: 'Pendidikan',
    emp_kompetensi: 'Kompetensi',
    emp_flags: 'Catatan',
    emp_disiplin: 'sedang menjalani hukuman disiplin',
    emp_tubel: 'sedang tugas belajar',
    emp_formasi: 'Formasi tahun {y}',
    emp_sex_L: 'Laki-laki',
    emp_tmt_pensiun: 'TMT pensiun',
    emp_kelayakan: 'Kelayakan mutasi atas permintaan sendiri',
    emp_sex_P: 'Perempuan',
    emp_source: 'Sumber',
    emp_requests: 'Permohonan mutasi saya',
    emp_xlsx: 'Unduh daftar nominatif (XLSX)',
    emp_skp: 'Kinerja (SKP)',
    emp_skp_none: 'belum tercatat',
    emp_status_PPPK_PW: 'PPPK paruh waktu',
    skp_sangat_baik: 'sangat baik',
    skp_baik: 'baik',
    skp_butuh_perbaikan: 'butuh perbaikan',
    skp_kurang: 'kurang',
    skp_sangat_kurang: 'sangat kurang',
  },
  en: {
    emp_list_title: 'Employees',
    emp_search: 'Search name or NIP',
    emp_unit_filter: 'Work unit (name or code)',
    emp_found: '{n} employees',
    emp_profile: 'Employee record',
    emp_history: 'Positions and work units over time',
    emp_sex: 'Sex',
    emp_birth: 'Place and date of birth',
    emp_status: 'Employment status',
    emp_golongan: 'Grade',
    emp_jabatan: 'Position',
    emp_unit: 'Work unit',
    emp_tmt_unit: 'In unit since',
    emp_pindah: 'Moves to {unit} as {jabatan} from {tmt} (decided, not yet in force)',
    emp_pendidikan: 'Education',
    emp_kompetensi: 'Competencies',
    emp_flags: 'Notes',
    emp_disiplin: 'under a disciplinary sanction',
    emp_tubel: 'on study leave',
    emp_formasi: 'Recruitment year {y}',
    emp_sex_L: 'Male',
    emp_tmt_pensiun: 'Retirement date',
    emp_kelayakan: 'Eligibility for a transfer at own request',
    emp_sex_P: 'Female',
    emp_source: 'Source',
    emp_requests: 'My transfer requests',
    emp_xlsx: 'Download the nominative list (XLSX)',
    emp_skp: 'Performance (SKP)',
    emp_skp_none: 'not recorded',
    emp_status_PPPK_PW: 'part-time PPPK',
    skp_sangat_baik: 'very good',
    skp_baik: 'good',
    skp_butuh_perbaikan: 'needs improvement',
    skp_kurang: 'poor',
    skp_sangat_kurang: 'very poor',
  },
});

export function EmployeeList({ query }) {
  const { refs, me } = useSession();
  const [text, setText] = useState(query.get('q') || '');
  const [unit, setUnit] = useState(query.get('unit') || '');
  const [search, setSearch] = useState({ q: text, unit });
  const [page, setPage] = useState(1);
  const q = useApi('/api/employees' + qs({ q: search.q, unit: search.unit, page }));
  const submit = (e) => {
    e.preventDefault();
    setPage(1);
    // A name picked or typed is turned into its code.
    const typed = unit.trim();
    const byName = refs.list.find((u) => u.nama.toLowerCase() === typed.toLowerCase());
    setSearch({ q: text.trim(), unit: byName ? byName.kode : typed });
  };
  return (
    <Page
      title={t('emp_list_title')}
      actions={
        me.role !== 'kepala_unit' && (
          <a class="btn secondary" href="/api/employees/export.xlsx" download="daftar-nominatif-pegawai.xlsx">
            {t('emp_xlsx')}
          </a>
        )
      }
    >
      <form class="card form-row" role="search" onSubmit={submit}>
        <div class="field">
          <label for="emp-q">{t('emp_search')}</label>
          <input id="emp-q" type="search" value={text} onInput={(e) => setText(e.target.value)} />
        </div>
        <div class="field">
          <label for="emp-unit">{t('emp_unit_filter')}</label>
          <input id="emp-unit" list="emp-units" value={unit} onInput={(e) => setUnit(e.target.value)} />
          <datalist id="emp-units">
            {refs.list.map((u) => (
              <option key={u.kode} value={u.nama}>
                {u.kode}
              </option>
            ))}
          </datalist>
        </div>
        <button type="submit" class="btn primary">
          {t('search')}
        </button>
      </form>
      <Async q={q}>
        {(d) => (
          <Card>
            <p role="status">{t('emp_found', { n: num(d.total) })}</p>
            <Table
              id="employees"
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
                {
                  key: 'unit',
                  label: t('col_unit'),
                  render: (r) => <a href={href('unit/' + r.unit)}>{unitName(refs, r.unit)}</a>,
                },
              ]}
            />
            <nav class="pager" aria-label={t('emp_list_title')}>
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('prev')}
              </button>
              <span>
                {t('page_n', { n: page })} / {Math.max(1, Math.ceil(d.total / d.per_page))}
              </span>
              <button type="button" disabled={page * d.per_page >= d.total} onClick={() => setPage(page + 1)}>
                {t('next')}
              </button>
            </nav>
          </Card>
        )}
      </Async>
    </Page>
  );
}

function Profile({ p, refs }) {
  const flags = [];
  if (p.hukuman_disiplin) {
    flags.push(t('emp_disiplin'));
  }
  if (p.tugas_belajar) {
    flags.push(t('emp_tubel'));
  }
  if (p.formasi_tahun) {
    flags.push(t('emp_formasi', { y: p.formasi_tahun }));
  }
  return (
    <dl class="facts">
      <dt>{t('col_nip')}</dt>
      <dd>{p.nip}</dd>
      <dt>{t('emp_sex')}</dt>
      <dd>{t('emp_sex_' + p.jenis_kelamin)}</dd>
      <dt>{t('emp_birth')}</dt>
      <dd>
        {p.tempat_lahir || '–'}, {date(p.tanggal_lahir)}
      </dd>
      <dt>{t('emp_status')}</dt>
      <dd>
        {p.status === 'PPPK_PW' ? t('emp_status_PPPK_PW') : p.status} <NotInPost p={p} />
      </dd>
      <dt>{t('emp_tmt_pensiun')}</dt>
      <dd>{date(p.tmt_pensiun)}</dd>
      <dt>{t('emp_golongan')}</dt>
      <dd>{p.golongan || '–'}</dd>
      <dt>{t('emp_jabatan')}</dt>
      <dd>{p.pindah ? jabatanName(refs, p.jabatan_berlaku) : p.jabatan_nama || jabatanName(refs, p.jabatan)}</dd>
      <dt>{t('emp_unit')}</dt>
      <dd>
        {p.pindah ? (
          <a href={href('unit/' + p.unit_berlaku)}>{unitName(refs, p.unit_berlaku)}</a>
        ) : (
          <a href={href('unit/' + p.unit)}>{p.unit_nama || unitName(refs, p.unit)}</a>
        )}
        {p.pindah && (
          <p class="notice info" role="status">
            {t('emp_pindah', {
              unit: p.pindah.unit_nama || unitName(refs, p.pindah.unit),
              jabatan: p.pindah.jabatan_nama || jabatanName(refs, p.pindah.jabatan),
              tmt: date(p.pindah.tmt),
            })}
          </p>
        )}
      </dd>
      <dt>{t('emp_tmt_unit')}</dt>
      <dd>
        {date(p.pindah ? p.riwayat.find((r) => r.tmt <= new Date().toISOString().slice(0, 10))?.tmt : p.tmt_unit)}
      </dd>
      <dt>{t('emp_pendidikan')}</dt>
      <dd>{p.pendidikan || '–'}</dd>
      <dt>{t('emp_skp')}</dt>
      <dd id="emp-skp">
        {p.kinerja && p.kinerja.length
          ? p.kinerja
              .slice(0, 3)
              .map((k) => k.tahun + ' ' + t('skp_' + k.predikat))
              .join('; ')
          : t('emp_skp_none')}
      </dd>
      <dt>{t('emp_kompetensi')}</dt>
      <dd>
        {p.kompetensi && p.kompetensi.length
          ? p.kompetensi.map((k) => (
              <span class="tag" key={k} data-kompetensi={k}>
                {kompetensiName(k)}
              </span>
            ))
          : '–'}
      </dd>
      <dt>{t('emp_flags')}</dt>
      <dd>{flags.length ? flags.join('; ') : '–'}</dd>
    </dl>
  );
}

export function EmployeePage({ nip }) {
  const { refs } = useSession();
  const q = useApi(nip ? '/api/employees/' + encodeURIComponent(nip) : null);
  return (
    <Async q={q}>
      {(p) => (
        <Page title={p.nama}>
          <div class="grid">
            <Card title={t('emp_profile')} id="emp-profile">
              <Profile p={p} refs={refs} />
            </Card>
            {p.kelayakan && (
              <Card title={t('emp_kelayakan')} id="emp-kelayakan">
                <Kelayakan k={p.kelayakan} />
              </Card>
            )}
            <Card title={t('emp_history')} id="emp-history">
              <Table
                id="emp-history-table"
                rows={p.riwayat || []}
                rowKey={(r) => r.tmt + r.unit + r.jabatan}
                columns={[
                  { key: 'tmt', label: t('col_tmt'), render: (r) => date(r.tmt) },
                  {
                    key: 'unit',
                    label: t('col_unit'),
                    render: (r) => <a href={href('unit/' + r.unit)}>{r.unit_nama || unitName(refs, r.unit)}</a>,
                  },
                  {
                    key: 'jabatan',
                    label: t('col_jabatan'),
                    render: (r) => r.jabatan_nama || jabatanName(refs, r.jabatan),
                  },
                  { key: 'sumber', label: t('emp_source') },
                ]}
              />
            </Card>
          </div>
        </Page>
      )}
    </Async>
  );
}
