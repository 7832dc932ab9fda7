// SPDX-License-Identifier: MIT
// The audit trail: every change, who made it and when, with what it was
// before and after; filtered by entity and id.
import { useState } from 'preact/hooks';
import { qs } from '../api.js';
import { date, has, num, strings, t, ZONE } from '../i18n.js';
import { actorText, fieldLabel } from '../vocab.js';
import { Async, Card, href, Page, Table, useApi } from '../ui.jsx';

strings({
  id: {
    audit_title: 'Jejak Audit',
    audit_entity: 'Entitas',
    audit_id: 'ID',
    audit_show: 'Tampilkan',
    audit_at: 'Waktu',
    audit_actor: 'Pelaku',
    audit_action: 'Tindakan',
    audit_before: 'Sebelum',
    audit_after: 'Sesudah',
    audit_count: '{n} catatan',
    ent_request: 'Permohonan',
    ent_plan: 'Rencana',
    ent_pegawai: 'Pegawai',
    ent_user: 'Pengguna',
    ent_settings: 'Pengaturan',
    ent_data: 'Data',
    ent_beban: 'Beban kerja',
    ent_basis_data: 'Basis data',
    ent_batas: 'Batas wilayah (peta)',
    act_buat: 'Dibuat',
    act_unggah: 'Unggah dokumen',
    act_terbitkan: 'Terbitkan rencana',
    act_tanggapan: 'Tanggapan atas usulan',
    act_setujui: 'Setujui rencana',
    act_pertimbangan: 'Keputusan TPK atas perpindahan',
    act_tutup_sidang: 'Sidang TPK ditutup',
    act_kembalikan: 'Rencana dikembalikan PPK',
    act_lonjakan: 'Lapor lonjakan beban',
    act_tambah: 'Tambah pengguna',
    act_nonaktifkan: 'Nonaktifkan akun',
    act_aktifkan: 'Aktifkan akun',
    act_ganti_sandi: 'Ganti kata sandi',
    act_import: 'Impor data',
    act_demo: 'Akun demo',
    act_simpan: 'Simpan rencana',
    act_masuk: 'Masuk',
    act_gagal_masuk: 'Gagal masuk',
    act_keluar: 'Keluar',
    act_usul_akun: 'Usulan perubahan akun',
    act_konfirmasi_akun: 'Usulan akun dikonfirmasi',
    act_tolak_akun: 'Usulan akun ditolak',
    act_cadangkan: 'Basis data dicadangkan',
    act_pulihkan: 'Basis data dipulihkan',
    act_cetak_ulang: 'Dokumen dicetak ulang (salinan)',
    audit_changes: 'Perubahan',
    audit_zone: 'Waktu dalam {zone} (Waktu Indonesia Tengah).',
    audit_none: 'tanpa perubahan data',
    audit_changes_label: 'Perubahan: {n} isian',
  },
  en: {
    audit_title: 'Audit trail',
    audit_entity: 'Entity',
    audit_id: 'ID',
    audit_show: 'Show',
    audit_at: 'Time',
    audit_actor: 'Actor',
    audit_action: 'Action',
    audit_before: 'Before',
    audit_after: 'After',
    audit_count: '{n} entries',
    ent_request: 'Request',
    ent_plan: 'Plan',
    ent_pegawai: 'Employee',
    ent_user: 'User',
    ent_settings: 'Settings',
    ent_data: 'Data',
    ent_beban: 'Workload',
    ent_basis_data: 'Database',
    ent_batas: 'Boundaries (map)',
    act_buat: 'Created',
    act_unggah: 'Document uploaded',
    act_terbitkan: 'Plan published',
    act_tanggapan: 'Answer to a proposal',
    act_setujui: 'Plan approved',
    act_pertimbangan: "TPK's decision on a transfer",
    act_tutup_sidang: 'TPK session closed',
    act_kembalikan: 'Plan returned by the PPK',
    act_lonjakan: 'Workload surge reported',
    act_tambah: 'User added',
    act_nonaktifkan: 'Account disabled',
    act_aktifkan: 'Account enabled',
    act_ganti_sandi: 'Password changed',
    act_import: 'Data imported',
    act_demo: 'Demo account',
    act_simpan: 'Plan saved',
    act_masuk: 'Logged in',
    act_gagal_masuk: 'Failed log-in',
    act_keluar: 'Logged out',
    act_usul_akun: 'Account change proposed',
    act_konfirmasi_akun: 'Account change confirmed',
    act_tolak_akun: 'Account change refused',
    act_cadangkan: 'Database backed up',
    act_pulihkan: 'Database restored',
    act_cetak_ulang: 'Document printed again (copy)',
    audit_changes: 'Changes',
    audit_zone: 'Times in {zone} (Central Indonesia Time, UTC+8).',
    audit_none: 'no data changed',
    audit_changes_label: 'Changes: {n} fields',
  },
});

const ENTITIES = ['request', 'plan', 'pegawai', 'beban', 'user', 'settings', 'data', 'basis_data'];

function link(r) {
  if (!r.entity_id) {
    return '–';
  }
  const to = { request: 'permohonan/', plan: 'rencana/', pegawai: 'pegawai/' }[r.entity];
  return to ? <a href={href(to + r.entity_id)}>{r.entity_id}</a> : r.entity_id;
}

// The words of the log's actions: a request's steps as the buttons say
// them, the rest from this page's list, anything new as written.
function actionText(a) {
  if (has('action_' + a)) {
    return t('action_' + a);
  }
  return has('act_' + a) ? t('act_' + a) : a.replace(/_/g, ' ');
}

// One value in words: a status or an action by its name, yes/no, a list
// joined, anything nested as its own fields.
function valueText(k, v) {
  if (v === null || v === undefined || v === '') {
    return '–';
  }
  if (typeof v === 'boolean' || ((k === 'aktif' || k === 'hukuman_disiplin') && (v === 0 || v === 1))) {
    return v ? t('yes') : t('no');
  }
  if (Array.isArray(v)) {
    return v.map((x) => valueText(k, x)).join(', ');
  }
  if (typeof v === 'object') {
    return Object.entries(v)
      .map(([kk, vv]) => fieldLabel(kk) + ': ' + valueText(kk, vv))
      .join('; ');
  }
  if (typeof v === 'number') {
    return num(v, Number.isInteger(v) ? 0 : 2);
  }
  if (k === 'status' && has('status_' + v)) {
    return t('status_' + v);
  }
  if ((k === 'role' || k === 'peran') && has('role_' + v)) {
    return t('role_' + v);
  }
  if ((k === 'status' || k === 'dokumen') && has('doc_' + v)) {
    return t('doc_' + v);
  }
  return String(v);
}

// "before" and "after" as the fields that changed: label, old -> new.
// An upload's entry holds the document's kind as its "status".
export function diffRows(before, after, action) {
  const flat = (v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? v : v === null || v === undefined ? {} : { nilai_: v };
  const b = flat(before);
  const a = { ...flat(after) };
  if (action === 'unggah' && a.status !== undefined && b.status === undefined) {
    a.dokumen = a.status;
    delete a.status;
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ k, label: k === 'nilai_' ? t('audit_changes') : fieldLabel(k), from: b[k], to: a[k] }));
}

function Diff({ r }) {
  const rows = diffRows(r.before, r.after, r.action);
  if (rows.length === 0) {
    return <span class="muted">{t('audit_none')}</span>;
  }
  return (
    <ul class="diff" aria-label={t('audit_changes_label', { n: rows.length })}>
      {rows.map((d) => (
        <li key={d.k} data-field={d.k}>
          <strong>{d.label}:</strong>{' '}
          {d.from !== undefined && (
            <>
              <del>{valueText(d.k, d.from)}</del> {'→ '}
            </>
          )}
          <ins>{valueText(d.k, d.to)}</ins>
        </li>
      ))}
    </ul>
  );
}

export default function Audit({ query }) {
  const [entity, setEntity] = useState(query.get('entity') || '');
  const [id, setId] = useState(query.get('id') || '');
  const [filter, setFilter] = useState({ entity, id });
  const q = useApi('/api/audit' + qs(filter));
  return (
    <Page title={t('audit_title')}>
      <form
        class="card form-row"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ entity, id: id.trim() });
        }}
      >
        <div class="field">
          <label for="audit-entity">{t('audit_entity')}</label>
          <select id="audit-entity" value={entity} onChange={(e) => setEntity(e.target.value)}>
            <option value="">{t('all')}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t('ent_' + e)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-id">{t('audit_id')}</label>
          <input id="audit-id" value={id} onInput={(e) => setId(e.target.value)} />
        </div>
        <button type="submit" class="btn primary">
          {t('audit_show')}
        </button>
      </form>
      <Async q={q}>
        {(d) => (
          <Card>
            <p role="status">{t('audit_count', { n: d.rows.length })}</p>
            <p class="hint" id="audit-zone">
              {t('audit_zone', { zone: ZONE })}
            </p>
            <Table
              id="audit"
              rows={d.rows}
              pageSize={50}
              columns={[
                { key: 'at', label: t('audit_at'), render: (r) => date(r.at) },
                { key: 'actor', label: t('audit_actor'), render: (r) => actorText(r.actor) },
                { key: 'entity', label: t('audit_entity'), render: (r) => t('ent_' + r.entity) },
                { key: 'entity_id', label: t('audit_id'), render: link },
                { key: 'action', label: t('audit_action'), render: (r) => actionText(r.action) },
                { key: 'changes', label: t('audit_changes'), nosort: true, render: (r) => <Diff r={r} /> },
              ]}
            />
          </Card>
        )}
      </Async>
    </Page>
  );
}
