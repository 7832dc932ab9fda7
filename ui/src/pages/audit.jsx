// SPDX-License-Identifier: MIT
// The audit trail: every change, who made it and when, with what it was
// before and after; filtered by entity and id.
import { useState } from 'preact/hooks';
import { qs } from '../api.js';
import { date, has, strings, t } from '../i18n.js';
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
    audit_shell: 'baris perintah ({who})',
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
    audit_shell: 'command line ({who})',
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

const actorText = (a) => (a && a.startsWith('cli:') ? t('audit_shell', { who: a.slice(4) }) : a);

const json = (v) => (v === null || v === undefined ? '–' : <code class="json">{JSON.stringify(v)}</code>);

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
                { key: 'before', label: t('audit_before'), nosort: true, render: (r) => json(r.before) },
                { key: 'after', label: t('audit_after'), nosort: true, render: (r) => json(r.after) },
              ]}
            />
          </Card>
        )}
      </Async>
    </Page>
  );
}
