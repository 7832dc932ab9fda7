// SPDX-License-Identifier: MIT
// Accounts (the administrator's whole job, domain.md section 1): list,
// add with a role and the employee or unit it belongs to, disable, enable
// and set a new password. No HR decisions here.
import { useState } from 'preact/hooks';
import { post } from '../api.js';
import { strings, t } from '../i18n.js';
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
  },
});

const ROLES = ['pegawai', 'kepala_unit', 'bkpsdm', 'tpk', 'ppk', 'admin'];

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
    await post('/api/users', body);
    toast(t('users_added', { login: body.login }));
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
  const act = (login, body) => async () => {
    await post('/api/users/' + encodeURIComponent(login), body);
    toast(t('users_changed', { login }));
    q.reload();
  };
  const reset = (login) => async () => {
    const pw = window.prompt(t('users_reset_prompt', { login }));
    if (pw) {
      await act(login, { action: 'passwd', password: pw })();
    }
  };
  return (
    <Page title={t('users_title')}>
      <Card title={t('users_add')} id="users-add">
        <AddUser onDone={q.reload} />
      </Card>
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
                        onRun={reset(r.login)}
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
