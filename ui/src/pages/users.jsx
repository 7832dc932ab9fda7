// SPDX-License-Identifier: MIT
// Accounts (the administrator's whole job, domain.md section 1): list,
// add with a role and the employee or unit it belongs to, disable, enable
// and set a new password. No HR decisions here. Adding an account of an
// HR or decision role (BKPSDM, TPK, PPK, admin), re-keying or enabling one
// is only proposed here: a BKPSDM official confirms it in their inbox
// (AccountChanges), and only they see the password made then.
import { useState } from 'preact/hooks';
import { post } from '../api.js';
import { date, strings, t } from '../i18n.js';
import { actorText } from '../vocab.js';
import { ActionButton, Async, Card, Page, Table, toast, useApi } from '../ui.jsx';

strings({
  id: {
    users_title: 'Pengguna',
    users_add: 'Tambah pengguna',
    users_login: 'Nama pengguna',
    users_password: 'Kata sandi awal',
    users_role: 'Peran',
    users_nip: 'NIP pegawai',
    users_unit: 'Kode unit (kepala unit)',
    users_nip_hint: 'Wajib untuk peran Pegawai.',
    users_unit_hint: 'Wajib untuk peran Kepala Unit.',
    users_password_hint: 'Paling sedikit 10 karakter; sampaikan kepada pemilik akun secara langsung.',
    users_active: 'Aktif',
    users_inactive: 'Nonaktif',
    users_state: 'Keadaan',
    users_disable: 'Nonaktifkan',
    users_enable: 'Aktifkan',
    users_reset: 'Kata sandi baru',
    users_reset_prompt: 'Kata sandi baru untuk {login} (paling sedikit 10 karakter):',
    users_disable_confirm:
      'Nonaktifkan akun {login}? Semua sesinya berakhir dan ia tidak dapat masuk sampai diaktifkan lagi.',
    users_added: 'Pengguna {login} ditambahkan.',
    users_changed: 'Pengguna {login} diperbarui.',
    users_actions: 'Tindakan',
    users_proposed: 'Usulan untuk {login} dicatat; menunggu konfirmasi pejabat BKPSDM lain.',
    users_changes: 'Usulan perubahan akun',
    users_changes_empty: 'Tidak ada usulan perubahan akun.',
    users_ch_aksi: 'Usulan',
    users_ch_by: 'Diusulkan oleh',
    users_ch_at: 'Waktu',
    users_ch_status: 'Keadaan',
    users_ch_tambah: 'Akun baru ({role})',
    users_ch_sandi: 'Kata sandi baru',
    users_ch_aktifkan: 'Aktifkan kembali',
    users_ch_menunggu: 'Menunggu konfirmasi',
    users_ch_dikonfirmasi: 'Dikonfirmasi {by}',
    users_ch_ditolak: 'Ditolak {by}: {note}',
    users_confirm: 'Konfirmasi',
    users_confirm_ask: 'Konfirmasi usulan {aksi} untuk akun {login}? Akun dengan peran ini ikut memutus mutasi.',
    users_refuse: 'Tolak',
    users_withdraw: 'Tarik',
    users_refuse_prompt: 'Alasan penolakan usulan untuk {login}:',
    users_new_password: 'Kata sandi akun {login}: {pw}',
    users_new_password_hint:
      'Sampaikan langsung kepada pemilik akun; kata sandi ini tidak ditampilkan lagi dan tidak diketahui administrator.',
  },
  en: {
    users_title: 'Users',
    users_add: 'Add a user',
    users_login: 'User name',
    users_password: 'First password',
    users_role: 'Role',
    users_nip: 'Employee NIP',
    users_unit: 'Unit code (head of unit)',
    users_nip_hint: 'Required for the Employee role.',
    users_unit_hint: 'Required for the Head of unit role.',
    users_password_hint: 'At least 10 characters; hand it to the account holder in person.',
    users_active: 'Active',
    users_inactive: 'Disabled',
    users_state: 'State',
    users_disable: 'Disable',
    users_enable: 'Enable',
    users_reset: 'New password',
    users_reset_prompt: 'New password for {login} (at least 10 characters):',
    users_disable_confirm:
      'Disable the account {login}? All its sessions end and it cannot log in until enabled again.',
    users_added: 'User {login} added.',
    users_changed: 'User {login} updated.',
    users_actions: 'Actions',
    users_proposed: 'The change for {login} is recorded; it waits for another BKPSDM official to confirm it.',
    users_changes: 'Proposed account changes',
    users_changes_empty: 'No proposed account changes.',
    users_ch_aksi: 'Proposal',
    users_ch_by: 'Proposed by',
    users_ch_at: 'Time',
    users_ch_status: 'State',
    users_ch_tambah: 'New account ({role})',
    users_ch_sandi: 'New password',
    users_ch_aktifkan: 'Enable again',
    users_ch_menunggu: 'Waiting for confirmation',
    users_ch_dikonfirmasi: 'Confirmed by {by}',
    users_ch_ditolak: 'Refused by {by}: {note}',
    users_confirm: 'Confirm',
    users_confirm_ask:
      'Confirm the change {aksi} of the account {login}? Accounts of this role take part in transfer decisions.',
    users_refuse: 'Refuse',
    users_withdraw: 'Withdraw',
    users_refuse_prompt: 'Reason for refusing the change of {login}:',
    users_new_password: 'Password of the account {login}: {pw}',
    users_new_password_hint:
      'Hand it to the account holder in person; it is not shown again and the administrator does not know it.',
  },
});

const ROLES = ['pegawai', 'kepala_unit', 'bkpsdm', 'tpk', 'ppk', 'admin'];
// The roles whose account changes need a second person (server: accounts.h).
const GUARDED = ['bkpsdm', 'tpk', 'ppk', 'admin'];

const aksiText = (c) => t('users_ch_' + c.aksi, { role: c.role ? t('role_' + c.role) : '' });

function changeState(c) {
  if (c.status === 'menunggu') {
    return t('users_ch_menunggu');
  }
  return t('users_ch_' + c.status, { by: c.diputus_oleh || '–', note: c.catatan || '' });
}

// The proposals of account changes: the administrator withdraws their
// own; a BKPSDM official ('confirm') confirms or refuses, and sees the
// new password once.
export function AccountChanges({ confirm: canConfirm, onlyWaiting }) {
  const q = useApi('/api/account-changes');
  const [shown, setShown] = useState(null);
  const refuse = (c) => async () => {
    const note = window.prompt(t('users_refuse_prompt', { login: c.login }));
    if (note) {
      await post(`/api/account-changes/${c.id}/refuse`, { catatan: note });
      q.reload();
    }
  };
  const accept = (c) => async () => {
    const r = await post(`/api/account-changes/${c.id}/confirm`, {});
    setShown(r.password ? { login: c.login, pw: r.password } : null);
    toast(t('users_changed', { login: c.login }));
    q.reload();
  };
  return (
    <Async q={q}>
      {(d) => {
        const rows = onlyWaiting ? d.rows.filter((c) => c.status === 'menunggu') : d.rows;
        if (onlyWaiting && rows.length === 0 && !shown) {
          return null;
        }
        return (
          <Card title={t('users_changes')} id="account-changes">
            {shown && (
              <div class="notice ok" role="status">
                <p>
                  <strong>{t('users_new_password', shown)}</strong>
                </p>
                <p class="hint">{t('users_new_password_hint')}</p>
              </div>
            )}
            <Table
              id="account-changes-table"
              rows={rows}
              rowKey={(c) => c.id}
              empty={t('users_changes_empty')}
              columns={[
                { key: 'login', label: t('users_login') },
                { key: 'aksi', label: t('users_ch_aksi'), render: aksiText },
                { key: 'oleh', label: t('users_ch_by'), render: (r) => actorText(r.oleh) },
                { key: 'pada', label: t('users_ch_at'), render: (c) => date(c.pada) },
                { key: 'status', label: t('users_ch_status'), render: changeState },
                {
                  key: 'x',
                  label: t('users_actions'),
                  nosort: true,
                  render: (c) =>
                    c.status !== 'menunggu' ? null : (
                      <div class="actions">
                        {canConfirm && (
                          <ActionButton
                            kind="small"
                            confirm={t('users_confirm_ask', { aksi: aksiText(c), login: c.login })}
                            onRun={accept(c)}
                            aria-label={`${t('users_confirm')} ${c.login}`}
                          >
                            {t('users_confirm')}
                          </ActionButton>
                        )}
                        <ActionButton
                          kind="secondary small"
                          onRun={refuse(c)}
                          aria-label={`${canConfirm ? t('users_refuse') : t('users_withdraw')} ${c.login}`}
                        >
                          {canConfirm ? t('users_refuse') : t('users_withdraw')}
                        </ActionButton>
                      </div>
                    ),
                },
              ]}
            />
          </Card>
        );
      }}
    </Async>
  );
}

function AddUser({ onDone }) {
  const empty = { login: '', password: '', role: 'pegawai', nip: '', unit: '' };
  const [f, setF] = useState(empty);
  const set = (k) => (e) => setF({ ...f, [k]: e.target.value });
  const submit = async () => {
    const body = { login: f.login.trim(), password: f.password, role: f.role };
    if (f.nip.trim()) {
      body.nip = f.nip.trim();
    }
    if (f.unit.trim()) {
      body.unit = f.unit.trim();
    }
    const r = await post('/api/users', body);
    toast(t(r && r.usulan ? 'users_proposed' : 'users_added', { login: body.login }));
    setF(empty);
    onDone();
  };
  return (
    <form class="form-row" onSubmit={(e) => e.preventDefault()}>
      <div class="field">
        <label for="u-login">{t('users_login')}</label>
        <input id="u-login" value={f.login} onInput={set('login')} autocomplete="off" required />
      </div>
      <div class="field">
        <label for="u-password">{t('users_password')}</label>
        <input
          id="u-password"
          type="password"
          value={f.password}
          onInput={set('password')}
          autocomplete="new-password"
          aria-describedby="u-password-hint"
          required
        />
        <small class="hint" id="u-password-hint">
          {t('users_password_hint')}
        </small>
      </div>
      <div class="field">
        <label for="u-role">{t('users_role')}</label>
        <select id="u-role" value={f.role} onChange={set('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t('role_' + r)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="u-nip">{t('users_nip')}</label>
        <input id="u-nip" value={f.nip} onInput={set('nip')} inputMode="numeric" aria-describedby="u-nip-hint" />
        <small class="hint" id="u-nip-hint">
          {t('users_nip_hint')}
        </small>
      </div>
      <div class="field">
        <label for="u-unit">{t('users_unit')}</label>
        <input id="u-unit" value={f.unit} onInput={set('unit')} aria-describedby="u-unit-hint" />
        <small class="hint" id="u-unit-hint">
          {t('users_unit_hint')}
        </small>
      </div>
      <ActionButton onRun={submit}>{t('users_add')}</ActionButton>
    </form>
  );
}

export default function Users() {
  const q = useApi('/api/users');
  const [round, setRound] = useState(0);
  const reload = () => {
    q.reload();
    setRound(round + 1);
  };
  const act = (login, body) => async () => {
    const r = await post('/api/users/' + encodeURIComponent(login), body);
    toast(t(r && r.usulan ? 'users_proposed' : 'users_changed', { login }));
    reload();
  };
  const reset = (u) => async () => {
    if (GUARDED.includes(u.role)) {
      // The password is made when a BKPSDM official confirms.
      await act(u.login, { action: 'passwd' })();
      return;
    }
    const pw = window.prompt(t('users_reset_prompt', { login: u.login }));
    if (pw) {
      await act(u.login, { action: 'passwd', password: pw })();
    }
  };
  return (
    <Page title={t('users_title')}>
      <Card title={t('users_add')} id="users-add">
        <AddUser onDone={reload} />
      </Card>
      <AccountChanges key={round} />
      <Async q={q}>
        {(d) => (
          <Card>
            <Table
              id="users"
              rows={d.rows}
              rowKey={(r) => r.login}
              columns={[
                { key: 'login', label: t('users_login') },
                { key: 'role', label: t('users_role'), render: (r) => t('role_' + r.role) },
                { key: 'nip', label: t('users_nip'), render: (r) => r.nip || '–' },
                { key: 'unit', label: t('users_unit'), render: (r) => r.unit || '–' },
                {
                  key: 'aktif',
                  label: t('users_state'),
                  render: (r) => (r.aktif ? t('users_active') : t('users_inactive')),
                },
                {
                  key: 'x',
                  label: t('users_actions'),
                  nosort: true,
                  render: (r) => (
                    <div class="actions">
                      {r.aktif ? (
                        <ActionButton
                          kind="danger small"
                          confirm={t('users_disable_confirm', { login: r.login })}
                          onRun={act(r.login, { action: 'disable' })}
                          aria-label={`${t('users_disable')} ${r.login}`}
                        >
                          {t('users_disable')}
                        </ActionButton>
                      ) : (
                        <ActionButton
                          kind="secondary small"
                          onRun={act(r.login, { action: 'enable' })}
                          aria-label={`${t('users_enable')} ${r.login}`}
                        >
                          {t('users_enable')}
                        </ActionButton>
                      )}
                      <ActionButton
                        kind="secondary small"
                        onRun={reset(r)}
                        aria-label={`${t('users_reset')} ${r.login}`}
                      >
                        {t('users_reset')}
                      </ActionButton>
                    </div>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </Async>
    </Page>
  );
}
