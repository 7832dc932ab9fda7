// SPDX-License-Identifier: MIT
// One test per page of the app that is not the requests' or the
// planner's (their own files): login, dashboard, unit, employees, profile,
// audit, users; the language switch, a phone-sized screen and keyboard use.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { apiSession, launch, login, logout, noErrors, openPage, shot, startServer, writeArtifact } from './lib.mjs';

let srv;
let browser;

before(async () => {
  srv = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('login refuses a wrong password with one message and admits the right one', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(srv.url + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'id');
  await page.getByLabel('Nama pengguna').fill('bkpsdm');
  await page.getByLabel('Kata sandi').fill('salah-sekali');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('alert').filter({ hasText: 'Nama pengguna atau kata sandi salah.' }).waitFor();
  await shot(page, 'login-refused');
  await page.getByLabel('Kata sandi').fill(srv.accounts.bkpsdm.password);
  await page.getByLabel('Kata sandi').press('Enter');
  await page.getByRole('heading', { name: 'Dasbor Beban Kerja' }).waitFor();
  noErrors(errors);
  await page.context().close();
});

test('dashboard shows EU per OPD, the status split, retirements, gaps and the map', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.getByRole('heading', { name: 'Dasbor Beban Kerja' }).waitFor();
  // Timed on a fresh load of the page with the session in place: the
  // HTML, the bundle, /api/me, the reference lists, four analyses and
  // every chart, from the browser's navigation start.
  await page.reload();
  await page.waitForFunction(() => window.mutasiDashboardMs !== undefined, null, { timeout: 30000 });
  const ms = await page.evaluate(() => window.mutasiDashboardMs);
  const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0].duration);
  writeArtifact(
    'dashboard-timing.txt',
    `dashboard first render ${ms.toFixed(0)} ms after navigation start (page load ${nav.toFixed(0)} ms)\n`,
  );
  // The figures agree with the API's own analysis.
  const api = await apiSession(srv.url, srv.accounts.bkpsdm);
  const opd = (await api.get('/api/abk?by=opd')).body.rows;
  const staff = opd.reduce((s, r) => s + r.bezetting, 0);
  const shown = await page.locator('[data-kpi="dash_kpi_staff"]').textContent();
  assert.equal(shown.replace(/\./g, ''), String(staff));
  assert.equal(await page.locator('#eu canvas').count(), 1);
  assert.equal(await page.locator('#split canvas').count(), 1);
  assert.equal(await page.locator('#ret canvas').count(), 1);
  // The table behind the EU chart lists every OPD.
  await page.locator('#eu summary').click();
  assert.equal(await page.locator('#eu tbody tr').count(), Math.min(opd.length, 50));
  const worst = [...(await api.get('/api/abk?by=jabatan')).body.rows].sort((a, b) => a.selisih - b.selisih)[0];
  const firstGap = await page.locator('#top-shortages tbody tr').first().locator('td').nth(4).textContent();
  assert.equal(firstGap.replace(/\./g, ''), String(worst.selisih).replace('-', '-'));
  const dots = await page.locator('.map a[data-unit]').count();
  assert.ok(dots > 100, `map has ${dots} units`);
  await shot(page, 'dashboard');
  // The spreadsheets: ';' CSV with decimal commas, and the workbook.
  const csv = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh ABK (CSV)' }).click();
  const csvText = readFileSync(await (await csv).path(), 'utf8');
  assert.ok(
    csvText.startsWith('\uFEFFunit;nama_unit;jabatan;nama_jabatan;beban_menit;kebutuhan;'),
    csvText.slice(0, 80),
  );
  const lines = csvText.trim().split('\n');
  const jabRows = (await api.get('/api/abk?by=jabatan')).body.rows;
  assert.equal(lines.length - 1, jabRows.length);
  const r0 = jabRows[0];
  assert.equal(lines[1].split(';')[6], String(r0.kebutuhan_bulat));
  assert.equal(lines[1].split(';')[5].replace(',', '.'), String(r0.kebutuhan));
  // The names beside the codes: the unit's and the jabatan's.
  assert.equal(lines[1].split(';')[0], r0.unit);
  assert.ok(lines[1].split(';')[1].length > 0 && lines[1].split(';')[3].length > 0, lines[1]);
  const xlsx = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh ABK (XLSX)' }).click();
  assert.equal(
    readFileSync(await (await xlsx).path())
      .subarray(0, 4)
      .toString('binary'),
    'PK\x03\x04',
  );
  noErrors(errors);
  await page.context().close();
});

test('unit drill-down shows the ABK per jabatan, staff, retirements and history', async () => {
  const api = await apiSession(srv.url, srv.accounts.bkpsdm);
  const rows = (await api.get('/api/abk?by=jabatan')).body.rows;
  // A school with staff: its own pairs are the rows of the ABK table.
  const kode = rows.find((r) => r.unit.startsWith('502') && r.bezetting > 5).unit;
  const own = rows.filter((r) => r.unit === kode);
  const unit = (await api.get('/api/units/' + kode)).body;
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + '/#/unit/' + kode);
  await page.getByRole('heading', { level: 1, name: unit.nama }).waitFor();
  await page.locator('#unit-abk tbody tr').first().waitFor();
  assert.equal(await page.locator('#unit-abk tbody tr').count(), own.length);
  const staff = (await api.get('/api/employees?unit=' + kode)).body;
  await page.locator('#unit-staff tbody tr').first().waitFor();
  assert.equal(await page.locator('#unit-staff tbody tr').count(), Math.min(staff.total, staff.per_page));
  const first = staff.rows[0];
  await page.locator('#unit-staff').getByRole('link', { name: first.nama }).first().waitFor();
  assert.equal(await page.locator('#unit-history tbody tr').count(), Math.min(unit.riwayat.length, 25));
  if (unit.riwayat.length > 0) {
    await page.locator('#unit-history').getByRole('link', { name: unit.riwayat[0].nama }).first().waitFor();
  }
  await shot(page, 'unit');
  // The subtree view of the OPD above adds the rows of its schools.
  await page.getByRole('link', { name: 'Dinas Pendidikan' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Dinas Pendidikan' }).waitFor();
  await page.getByLabel('Unit ini dan bawahannya').check();
  const all = (await api.get('/api/abk?by=jabatan&unit=5271.DIKBUD')).body.rows.length;
  await page
    .locator('#unit-abk')
    .getByRole('navigation')
    .or(page.locator('#unit-abk tbody tr').first())
    .first()
    .waitFor();
  assert.ok(all > 50);
  assert.match(await page.locator('#unit-abk-card .pager').textContent(), new RegExp('/ ' + Math.ceil(all / 50)));
  noErrors(errors);
  await page.context().close();
});

test('employee search and profile with history', async () => {
  const api = await apiSession(srv.url, srv.accounts.bkpsdm);
  const some = (await api.get('/api/employees?page=3')).body.rows[7];
  const detail = (await api.get('/api/employees/' + some.nip)).body;
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await page.getByRole('heading', { name: 'Daftar Pegawai' }).waitFor();
  await page.getByLabel('Cari nama atau NIP').fill(some.nip);
  await page.getByRole('button', { name: 'Cari' }).click();
  await page.getByRole('status').filter({ hasText: '1 pegawai' }).waitFor();
  await page.locator('#employees').getByRole('link', { name: some.nama }).click();
  await page.getByRole('heading', { level: 1, name: some.nama }).waitFor();
  await page.locator('#emp-profile').getByText(some.nip).waitFor();
  assert.ok(detail.riwayat.length >= 1);
  assert.equal(await page.locator('#emp-history-table tbody tr').count(), detail.riwayat.length);
  const nominatif = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await page.getByRole('link', { name: 'Unduh daftar nominatif (XLSX)' }).click();
  assert.equal((await nominatif).suggestedFilename(), 'daftar-nominatif-pegawai.xlsx');
  await page.goBack();
  await shot(page, 'employee');
  noErrors(errors);
  await page.context().close();
});

test('a pegawai sees their own profile and nothing of others', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.pegawai);
  await page.getByRole('link', { name: 'Profil Saya' }).click();
  const api = await apiSession(srv.url, srv.accounts.pegawai);
  const me = (await api.get('/api/employees/' + api.me.nip)).body;
  await page.getByRole('heading', { level: 1, name: me.nama }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Dasbor' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Jejak Audit' }).count(), 0);
  await page.goto(srv.url + '/#/audit');
  await page.getByText('Anda tidak berhak membuka halaman ini.').waitFor();
  await shot(page, 'pegawai-profile');
  noErrors(errors);
  await page.context().close();
});

test('audit trail lists changes and filters by entity', async () => {
  const api = await apiSession(srv.url, srv.accounts.bkpsdm);
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.tpk);
  // Counted after both log-ins, which the audit records too.
  const users = (await api.get('/api/audit?entity=user')).body.rows.length;
  await page.getByRole('link', { name: 'Jejak Audit' }).click();
  await page.getByRole('heading', { name: 'Jejak Audit' }).waitFor();
  await page.locator('#audit tbody tr').first().waitFor();
  await page.getByLabel('Entitas').selectOption('user');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${users} catatan` })
    .waitFor();
  // Actions and actors in words: the demo's accounts were made from the shell.
  const first = page.locator('#audit tbody tr').first();
  await first.getByText('Akun demo', { exact: true }).waitFor();
  assert.match(await first.textContent(), /lewat baris perintah oleh /);
  await shot(page, 'audit');
  noErrors(errors);
  await page.context().close();
});

test('the administrator adds, disables and re-enables an account', async () => {
  const api = await apiSession(srv.url, srv.accounts.bkpsdm);
  const nip = (await api.get('/api/employees?page=2')).body.rows[0].nip;
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.admin);
  await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
  await page.getByLabel('Nama pengguna').fill('budi');
  await page.getByLabel('Kata sandi awal').fill('rahasia-budi-1');
  await page.getByLabel('Peran').selectOption('pegawai');
  await page.getByLabel('NIP pegawai').fill(nip);
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  await page.getByText('Pengguna budi ditambahkan.').waitFor();
  const row = page.locator('#users tr', { hasText: 'budi' });
  await row.getByText('Aktif', { exact: true }).waitFor();
  // The new account works, then stops working once disabled.
  const budi = await apiSession(srv.url, { login: 'budi', password: 'rahasia-budi-1' });
  assert.equal(budi.me.nip, nip);
  await row.getByRole('button', { name: 'Nonaktifkan budi' }).click();
  await row.getByText('Nonaktif', { exact: true }).waitFor();
  assert.equal((await budi.get('/api/me')).status, 401);
  await row.getByRole('button', { name: 'Aktifkan budi' }).click();
  await row.getByText('Aktif', { exact: true }).waitFor();
  // A duplicate login is refused with the server's message.
  await page.getByLabel('Nama pengguna').fill('budi');
  await page.getByLabel('Kata sandi awal').fill('rahasia-budi-2');
  await page.getByLabel('NIP pegawai').fill(nip);
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  await page.locator('.toast.error').waitFor();
  await shot(page, 'users');
  noErrors(errors);
  await page.context().close();
});

test('an account of a decision role needs a second person (issue #18)', async () => {
  // The administrator proposes a TPK account; nothing exists yet.
  const admin = await openPage(browser);
  await login(admin.page, srv.url, srv.accounts.admin);
  await admin.page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
  await admin.page.getByLabel('Nama pengguna').fill('tpk-baru');
  await admin.page.getByLabel('Kata sandi awal').fill('sandi-dari-admin-1');
  await admin.page.getByLabel('Peran').selectOption('tpk');
  await admin.page.getByRole('button', { name: 'Tambah pengguna' }).click();
  await admin.page.getByText('Usulan untuk tpk-baru dicatat').waitFor();
  await admin.page.locator('#account-changes tr', { hasText: 'tpk-baru' }).getByText('Menunggu konfirmasi').waitFor();
  const early = await fetch(srv.url + '/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'tpk-baru', password: 'sandi-dari-admin-1' }),
  });
  assert.equal(early.status, 401);
  noErrors(admin.errors);
  await admin.page.context().close();
  // A BKPSDM official confirms it in the inbox and alone sees the password.
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + '/#/kotak-masuk');
  const row = page.locator('#account-changes tr', { hasText: 'tpk-baru' });
  await row.getByRole('button', { name: 'Konfirmasi tpk-baru' }).click();
  const notice = page.locator('#account-changes .notice');
  await notice.waitFor();
  const pw = (await notice.textContent()).match(/tpk-baru: ([A-Za-z0-9]{16})/)[1];
  const tpk = await apiSession(srv.url, { login: 'tpk-baru', password: pw });
  assert.equal(tpk.me.role, 'tpk');
  await shot(page, 'account-confirm');
  noErrors(errors);
  await page.context().close();
});

test('English switch, phone-sized screen and keyboard-only login', async () => {
  const { page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(srv.url + '/');
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByLabel('User name').focus();
  await page.keyboard.type(srv.accounts.kepala_unit.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(srv.accounts.kepala_unit.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Workload dashboard' }).waitFor();
  // The menu folds behind a button on a phone.
  assert.equal(await page.getByRole('link', { name: 'Inbox' }).isVisible(), false);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Inbox' }).waitFor();
  // Every form control of the page has a label.
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((e) => !e.labels?.length && !e.getAttribute('aria-label'))
      .map((e) => e.outerHTML),
  );
  assert.deepEqual(unlabelled, []);
  await shot(page, 'dashboard-phone-en');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await page.getByRole('heading', { name: 'Dasbor Beban Kerja' }).waitFor();
  await logout(page);
  noErrors(errors);
  await page.context().close();
});

test('a head of unit reports a workload surge and the ABK counts it', async () => {
  const kepala = await apiSession(srv.url, srv.accounts.kepala_unit);
  const rows = (await kepala.get('/api/abk?by=jabatan&unit=5271.DIKBUD')).body.rows;
  const pair = rows.find((r) => r.unit.startsWith('502') && r.jabatan === 'GURU_KELAS');
  const school = (await kepala.get('/api/units/' + pair.unit)).body;
  const until = new Date(Date.now() + 120 * 86400000).toISOString().slice(0, 10);
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.kepala_unit);
  await page.goto(srv.url + '/#/unit/' + pair.unit);
  await page.getByRole('heading', { level: 1, name: school.nama }).waitFor();
  await page.getByText('Belum ada lonjakan yang dilaporkan untuk unit ini.').waitFor();
  const form = page.locator('#surge-form');
  await form.getByRole('button', { name: 'Laporkan lonjakan' }).click();
  await form.getByText('Pilih jabatan dan isi volume serta kedua tanggal.').waitFor();
  await form.getByLabel('Jabatan').selectOption(pair.jabatan);
  await form.getByLabel('Volume (per tahun)').fill('1,5');
  await form.getByLabel('Berlaku sampai').fill(until);
  await form.getByRole('button', { name: 'Laporkan lonjakan' }).click();
  await form.getByRole('alert').filter({ hasText: 'bilangan bulat' }).waitFor();
  await form.getByLabel('Volume (per tahun)').fill('2');
  await form.getByRole('button', { name: 'Laporkan lonjakan' }).click();
  await page.locator('#unit-surges tbody tr').first().waitFor();
  const after = (await kepala.get('/api/abk?by=jabatan&unit=' + pair.unit)).body.rows.find(
    (r) => r.jabatan === pair.jabatan,
  );
  assert.equal(after.kebutuhan_bulat, pair.kebutuhan_bulat + 2);
  // sementara = the need counting surge rows less the need without them.
  assert.equal(after.sementara, 2);
  await page.reload();
  const row = page.locator('#unit-abk tbody tr').filter({ hasText: 'Guru Kelas SD' });
  assert.match(await row.textContent(), new RegExp(String(after.kebutuhan_bulat)));
  await shot(page, 'unit-surge');
  noErrors(errors);
  await page.context().close();
});
