// SPDX-License-Identifier: MIT
// Login: the account's login and password; the server answers alike for a
// wrong password and an unknown login, and 429 after too many tries.
import { useState } from 'preact/hooks';
import { post } from '../api.js';
import { strings, t } from '../i18n.js';
import { Notice } from '../ui.jsx';

strings({
  id: {
    login_title: 'Masuk',
    login_intro: 'Masuk dengan akun yang diberikan BKPSDM atau administrator.',
    login_login: 'Nama pengguna',
    login_password: 'Kata sandi',
    login_submit: 'Masuk',
    login_busy: 'Memeriksa…',
    login_failed: 'Nama pengguna atau kata sandi salah.',
    login_throttled: 'Terlalu banyak percobaan. Tunggu 15 menit lalu coba lagi.',
    login_missing: 'Isi nama pengguna dan kata sandi.',
  },
  en: {
    login_title: 'Log in',
    login_intro: 'Log in with the account given by BKPSDM or the administrator.',
    login_login: 'User name',
    login_password: 'Password',
    login_submit: 'Log in',
    login_busy: 'Checking…',
    login_failed: 'Wrong user name or password.',
    login_throttled: 'Too many attempts. Wait 15 minutes and try again.',
    login_missing: 'Enter your user name and password.',
  },
});

export default function Login({ onLogin, onLang, expired }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    if (!login || !password) {
      setError(t('login_missing'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      const who = await post('/api/login', { login, password });
      await onLogin(who);
    } catch (err) {
      setError(err.status === 429 ? t('login_throttled') : err.status === 401 ? t('login_failed') : err.message);
      setBusy(false);
    }
  };
  return (
    <main class="login" id="main">
      <form class="card login-card" onSubmit={submit} noValidate>
        <div class="brand big">
          <span class="logo" aria-hidden="true">
            ⇄
          </span>{' '}
          <strong>{t('app_name')}</strong>
        </div>
        <p class="subtitle">{t('app_title')}</p>
        <h1 id="page-title" tabIndex={-1}>
          {t('login_title')}
        </h1>
        <p>{t('login_intro')}</p>
        {expired && <Notice kind="warn">{t('session_expired')}</Notice>}
        {error && <Notice kind="error">{error}</Notice>}
        <div class="field">
          <label for="login">{t('login_login')}</label>
          <input
            id="login"
            name="login"
            autocomplete="username"
            value={login}
            onInput={(e) => setLogin(e.target.value)}
            required
          />
        </div>
        <div class="field">
          <label for="password">{t('login_password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        <button type="submit" class="btn primary" disabled={busy}>
          {busy ? t('login_busy') : t('login_submit')}
        </button>
        <p class="lang-line">
          <button type="button" class="link" onClick={onLang}>
            {t('lang_switch')}
          </button>
        </p>
      </form>
    </main>
  );
}
