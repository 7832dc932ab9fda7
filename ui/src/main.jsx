// SPDX-License-Identifier: MIT
// The app: the session, the menu of each role, the route table and the
// language switch. Pages live in pages/*.jsx and use only ui.jsx, api.js
// and i18n.js.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, onSessionExpired, post, setCsrf } from './api.js';
import { getLang, setLang, strings, t } from './i18n.js';
import { href, loadRefs, Loading, Notice, Session, Toasts, useRoute } from './ui.jsx';
import Login from './pages/login.jsx';
import Dashboard from './pages/dashboard.jsx';
import UnitPage from './pages/unit.jsx';
import { EmployeeList, EmployeePage } from './pages/employee.jsx';
import { MyRequests, RequestPage } from './pages/requests.jsx';
import Inbox from './pages/inbox.jsx';
import { PlanList, PlanPage, PlanCompare } from './pages/plans.jsx';
import MyProposals from './pages/proposals.jsx';
import Audit from './pages/audit.jsx';
import Users from './pages/users.jsx';
import SiasnPage from './pages/siasn.jsx';

strings({
  id: {
    nav_dashboard: 'Dasbor',
    nav_employees: 'Pegawai',
    nav_my_requests: 'Permohonan Saya',
    nav_profile: 'Profil Saya',
    nav_inbox: 'Kotak Masuk',
    nav_plans: 'Perencanaan Mutasi',
    nav_plans_head: 'Rencana Mutasi OPD',
    nav_proposals: 'Usulan Mutasi Saya',
    nav_audit: 'Jejak Audit',
    nav_users: 'Pengguna',
    nav_siasn: 'Rekonsiliasi SIASN',
    nav_label: 'Menu utama',
    signed_in_as: 'Masuk sebagai {login} ({role})',
  },
  en: {
    nav_dashboard: 'Dashboard',
    nav_employees: 'Employees',
    nav_my_requests: 'My requests',
    nav_profile: 'My profile',
    nav_inbox: 'Inbox',
    nav_plans: 'Transfer planning',
    nav_plans_head: 'Transfer plans for my agency',
    nav_proposals: 'My proposed transfers',
    nav_audit: 'Audit trail',
    nav_users: 'Users',
    nav_siasn: 'SIASN reconciliation',
    nav_label: 'Main menu',
    signed_in_as: 'Signed in as {login} ({role})',
  },
});

// tpk: the performance-review team, which gives its consideration; ppk:
// the official who decides. Both read what BKPSDM reads.
const STAFF = ['pegawai', 'kepala_unit', 'bkpsdm', 'tpk', 'ppk'];
const MANAGERS = ['kepala_unit', 'bkpsdm', 'tpk', 'ppk'];
const HR = ['bkpsdm', 'tpk', 'ppk'];
// A head of unit sees a published plan's moves into and out of their OPD
// and answers for those into it.
const PLANS = [...HR, 'kepala_unit'];

// path pattern, roles, menu label (none: not in the menu), component.
const ROUTES = [
  { path: 'dasbor', roles: MANAGERS, nav: 'nav_dashboard', page: Dashboard },
  { path: 'profil', roles: ['pegawai'], nav: 'nav_profile', page: (p) => <EmployeePage nip={p.me.nip} /> },
  { path: 'permohonan-saya', roles: ['pegawai'], nav: 'nav_my_requests', page: MyRequests },
  { path: 'usulan', roles: ['pegawai'], nav: 'nav_proposals', page: MyProposals },
  { path: 'kotak-masuk', roles: MANAGERS, nav: 'nav_inbox', page: Inbox },
  { path: 'pegawai', roles: MANAGERS, nav: 'nav_employees', page: EmployeeList },
  {
    path: 'rencana',
    roles: PLANS,
    nav: (role) => (role === 'kepala_unit' ? 'nav_plans_head' : 'nav_plans'),
    page: PlanList,
  },
  { path: 'audit', roles: HR, nav: 'nav_audit', page: Audit },
  { path: 'siasn', roles: HR, nav: 'nav_siasn', page: SiasnPage },
  { path: 'pengguna', roles: ['admin'], nav: 'nav_users', page: Users },
  { path: 'unit/:kode', roles: STAFF, page: (p) => <UnitPage kode={p.kode} /> },
  { path: 'pegawai/:nip', roles: STAFF, page: (p) => <EmployeePage nip={p.nip} /> },
  { path: 'permohonan/:id', roles: STAFF, page: (p) => <RequestPage id={p.id} /> },
  { path: 'rencana/:name', roles: PLANS, page: (p) => <PlanPage name={p.name} /> },
  { path: 'banding/:a/:b', roles: HR, page: (p) => <PlanCompare a={p.a} b={p.b} /> },
];

const HOME = { pegawai: 'permohonan-saya', admin: 'pengguna' };

function match(parts) {
  for (const r of ROUTES) {
    const pat = r.path.split('/');
    if (pat.length !== parts.length) {
      continue;
    }
    const params = {};
    if (pat.every((s, i) => (s.startsWith(':') ? ((params[s.slice(1)] = parts[i]), true) : s === parts[i]))) {
      return { route: r, params };
    }
  }
  return null;
}

function Nav({ me, current, onLogout, onLang }) {
  const [open, setOpen] = useState(false);
  const items = ROUTES.filter((r) => r.nav && r.roles.includes(me.role));
  return (
    <header class="topbar">
      <a
        class="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('page-title')?.focus();
        }}
      >
        {t('skip')}
      </a>
      <div class="brand">
        <span class="logo" aria-hidden="true">
          ⇄
        </span>
        <span>
          <strong>{t('app_name')}</strong> <small>{t('app_title')}</small>
        </span>
      </div>
      <button
        type="button"
        class="menu-toggle"
        aria-expanded={open}
        aria-controls="mainnav"
        onClick={() => setOpen(!open)}
      >
        {t('menu')}
      </button>
      <nav id="mainnav" class={open ? 'open' : ''} aria-label={t('nav_label')}>
        <ul>
          {items.map((r) => (
            <li key={r.path}>
              <a
                href={href(r.path)}
                aria-current={current === r.path ? 'page' : undefined}
                onClick={() => setOpen(false)}
              >
                {t(typeof r.nav === 'function' ? r.nav(me.role) : r.nav)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="who">
        <span class="who-name">{t('signed_in_as', { login: me.login, role: t('role_' + me.role) })}</span>
        <button
          type="button"
          class="link"
          onClick={onLang}
          aria-label={t('lang_switch_label')}
          lang={getLang() === 'id' ? 'en' : 'id'}
        >
          {t('lang_switch')}
        </button>
        <button type="button" class="btn secondary small" onClick={onLogout}>
          {t('logout')}
        </button>
      </div>
    </header>
  );
}

function App() {
  const [me, setMe] = useState(undefined); // undefined: asking; null: logged out.
  const [refs, setRefs] = useState(null);
  const [, setLangTick] = useState(0);
  const [expired, setExpired] = useState(false);
  const route = useRoute();

  const signIn = async (who) => {
    setCsrf(who.csrf_token);
    setRefs(await loadRefs(who.role));
    setMe(who);
    setExpired(false);
  };
  useEffect(() => {
    document.documentElement.lang = getLang();
    onSessionExpired(() => {
      setMe(null);
      setExpired(true);
    });
    get('/api/me').then(signIn, () => setMe(null));
  }, []);
  const path = route.parts.join('/');
  useEffect(() => {
    document.getElementById('page-title')?.focus();
  }, [path]);

  const switchLang = () => {
    setLang(getLang() === 'id' ? 'en' : 'id');
    setLangTick((n) => n + 1);
  };
  if (me === undefined) {
    return <Loading />;
  }
  if (me === null) {
    return (
      <>
        <Login onLogin={signIn} onLang={switchLang} expired={expired} />
        <Toasts />
      </>
    );
  }
  const logout = async () => {
    await post('/api/logout').catch(() => {});
    setMe(null);
    setRefs(null);
    location.hash = '';
  };
  let found = match(route.parts);
  if (!found && route.parts.length === 0) {
    found = match([HOME[me.role] || 'dasbor']);
  }
  let body;
  if (!found) {
    body = <Notice kind="error">{t('not_found')}</Notice>;
  } else if (!found.route.roles.includes(me.role)) {
    body = <Notice kind="error">{t('forbidden')}</Notice>;
  } else {
    const P = found.route.page;
    body = <P {...found.params} me={me} query={route.query} />;
  }
  return (
    <Session.Provider value={{ me, refs }}>
      <Nav me={me} current={found && found.route.path} onLogout={logout} onLang={switchLang} />
      <main id="main" key={getLang()}>
        {body}
      </main>
      <Toasts />
    </Session.Provider>
  );
}

render(<App />, document.getElementById('app'));
