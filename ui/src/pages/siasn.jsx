// SPDX-License-Identifier: MIT
// SIASN: the reconciliation of the last import of BKN's SIASN files (who
// is new, moved, promoted, changed position, retired, left or is missing
// from the export), and the units still without coordinates (SIASN has
// none) with a form for BKPSDM to set them; that card sits on the
// dashboard.
import { useState } from 'preact/hooks';
import { patch } from '../api.js';
import { num, strings, t } from '../i18n.js';
import { ActionButton, Async, Card, href, Notice, Page, Table, toast, unitName, useApi, useSession } from '../ui.jsx';

strings({
  id: {
    siasn_title: 'Rekonsiliasi SIASN',
    siasn_none: 'Belum pernah ada impor SIASN. Muat berkas SIASN dengan: mutasi import --from siasn FOLDER',
    siasn_when: 'Impor terakhir {waktu} oleh {oleh}; pegawai sebelumnya {n}.',
    siasn_cut: '{n} baris lagi tidak ditampilkan; gunakan -o BERKAS.xlsx saat impor untuk daftar lengkap.',
    siasn_counts: 'Jumlah perubahan',
    siasn_rows: 'Perubahan per pegawai',
    ch_baru: 'Baru',
    ch_pindah: 'Pindah unit',
    ch_naik_pangkat: 'Naik pangkat',
    ch_ganti_jabatan: 'Ganti jabatan',
    ch_pensiun: 'Pensiun',
    ch_keluar: 'Keluar',
    ch_hilang: 'Hilang dari SIASN',
    col_change: 'Perubahan',
    col_nip: 'NIP',
    col_name: 'Nama',
    col_before: 'Sebelum',
    col_after: 'Sesudah',
    nocoord_title: 'Unit tanpa koordinat ({n})',
    nocoord_all: 'Semua unit sudah punya koordinat.',
    nocoord_hint:
      'SIASN tidak memuat koordinat; isi lintang dan bujur (mis. -8.5833 dan 116.1167) agar jarak dan peta benar.',
    col_lat: 'Lintang',
    col_lon: 'Bujur',
    nocoord_save: 'Simpan',
    nocoord_saved: 'Koordinat {unit} disimpan.',
  },
  en: {
    siasn_title: 'SIASN reconciliation',
    siasn_none: 'No SIASN import yet. Load SIASN files with: mutasi import --from siasn FOLDER',
    siasn_when: 'Last import {waktu} by {oleh}; {n} employees before.',
    siasn_cut: '{n} more rows not shown; import with -o FILE.xlsx for the full list.',
    siasn_counts: 'Changes',
    siasn_rows: 'Changes per employee',
    ch_baru: 'New',
    ch_pindah: 'Moved unit',
    ch_naik_pangkat: 'Promoted',
    ch_ganti_jabatan: 'Changed position',
    ch_pensiun: 'Retired',
    ch_keluar: 'Left',
    ch_hilang: 'Missing from SIASN',
    col_change: 'Change',
    col_nip: 'NIP',
    col_name: 'Name',
    col_before: 'Before',
    col_after: 'After',
    nocoord_title: 'Units without coordinates ({n})',
    nocoord_all: 'Every unit has coordinates.',
    nocoord_hint:
      'SIASN has no coordinates; enter latitude and longitude (e.g. -8.5833 and 116.1167) so that distances and the map are right.',
    col_lat: 'Latitude',
    col_lon: 'Longitude',
    nocoord_save: 'Save',
    nocoord_saved: 'Coordinates of {unit} saved.',
  },
});

const KINDS = ['baru', 'pindah', 'naik_pangkat', 'ganti_jabatan', 'pensiun', 'keluar', 'hilang'];

function Counts({ jumlah }) {
  return (
    <div class="kpis" id="siasn-counts">
      {KINDS.map((k) => (
        <div class="kpi" key={k}>
          <span class="v" data-kind={k}>
            {num(jumlah[k] || 0)}
          </span>
          <span class="l">{t('ch_' + k)}</span>
        </div>
      ))}
    </div>
  );
}

export default function SiasnPage() {
  const q = useApi('/api/siasn/rekonsiliasi');
  const columns = [
    { key: 'perubahan', label: t('col_change'), render: (r) => t('ch_' + r.perubahan) },
    { key: 'nip', label: t('col_nip'), render: (r) => <a href={href('pegawai/' + r.nip)}>{r.nip}</a> },
    { key: 'nama', label: t('col_name') },
    { key: 'sebelum', label: t('col_before') },
    { key: 'sesudah', label: t('col_after') },
  ];
  if (q.error && q.error.status === 404) {
    return (
      <Page title={t('siasn_title')}>
        <Notice>{t('siasn_none')}</Notice>
      </Page>
    );
  }
  return (
    <Page title={t('siasn_title')}>
      <Async q={q}>
        {(d) => (
          <>
            <p id="siasn-when">{t('siasn_when', { waktu: d.waktu, oleh: d.oleh, n: num(d.pegawai_sebelum) })}</p>
            <Card title={t('siasn_counts')} wide>
              <Counts jumlah={d.jumlah} />
            </Card>
            <Card title={t('siasn_rows')} wide>
              <Table id="siasn-rows" columns={columns} rows={d.rows} rowKey={(r) => r.perubahan + r.nip} />
              {d.terpotong > 0 && <Notice>{t('siasn_cut', { n: num(d.terpotong) })}</Notice>}
            </Card>
          </>
        )}
      </Async>
    </Page>
  );
}

function CoordForm({ unit, onSaved }) {
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const { refs } = useSession();
  const save = async () => {
    await patch('/api/units/' + encodeURIComponent(unit.kode), { lat: Number(lat), lon: Number(lon) });
    toast(t('nocoord_saved', { unit: unitName(refs, unit.kode) }));
    onSaved();
  };
  const ok = lat.trim() !== '' && lon.trim() !== '' && !isNaN(Number(lat)) && !isNaN(Number(lon));
  return (
    <span class="coord-form">
      <input
        type="text"
        inputMode="decimal"
        size="9"
        aria-label={t('col_lat') + ' ' + unit.nama}
        name={'lat-' + unit.kode}
        value={lat}
        onInput={(e) => setLat(e.target.value)}
      />{' '}
      <input
        type="text"
        inputMode="decimal"
        size="9"
        aria-label={t('col_lon') + ' ' + unit.nama}
        name={'lon-' + unit.kode}
        value={lon}
        onInput={(e) => setLon(e.target.value)}
      />{' '}
      <ActionButton onRun={save} disabled={!ok} kind="secondary">
        {t('nocoord_save')}
      </ActionButton>
    </span>
  );
}

// The dashboard's card: units without coordinates; BKPSDM sets them.
export function NoCoordinates() {
  const q = useApi('/api/units');
  const { me } = useSession();
  const edit = me.role === 'bkpsdm';
  return (
    <Async q={q}>
      {(d) => {
        const rows = d.rows.filter((u) => u.lat === null || u.lon === null);
        const columns = [
          { key: 'kode', label: 'Kode', render: (u) => <a href={href('unit/' + u.kode)}>{u.kode}</a> },
          { key: 'nama', label: t('col_unit') },
          { key: 'jenis', label: 'Jenis' },
        ];
        if (edit) {
          columns.push({
            key: 'form',
            label: t('col_lat') + ' / ' + t('col_lon'),
            nosort: true,
            render: (u) => <CoordForm unit={u} onSaved={q.reload} />,
          });
        }
        return (
          <Card title={t('nocoord_title', { n: num(rows.length) })} wide id="no-coords">
            {rows.length === 0 ? (
              <p class="empty">{t('nocoord_all')}</p>
            ) : (
              <>
                {edit && <p class="hint">{t('nocoord_hint')}</p>}
                <Table id="no-coords-table" columns={columns} rows={rows} rowKey={(u) => u.kode} pageSize={20} />
              </>
            )}
          </Card>
        );
      }}
    </Async>
  );
}
