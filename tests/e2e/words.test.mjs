// SPDX-License-Identifier: MIT
// The words of the pages: no solver notions anywhere (every page's text
// scanned), times in WITA whatever the reader's zone, the audit as a diff
// of labelled fields with shell actors in words, confirmations that can
// be cancelled, a forbidden page without "Coba lagi", the person's name
// in the header, competencies by name, staff who are not in post marked
// with a badge (and a unit's count in post equal to the ABK's bezetting),
// and whether an employee may ask to move, on the form and on requests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, launch, login, noErrors, openPage, shot, startServer, verifyRequests } from './lib.mjs';

let srv;
let browser;
let bk;
let verified;
const PLAN_A = 'kata-a';
const PLAN_B = 'kata-b';

// Words of the planner's mathematics that must not reach a page (both
// languages).
const BANNED = [
  /\bbiaya\b/i,
  /cara sederhana/i,
  /nilai satu formasi/i,
  /biaya (dasar|bersih)/i,
  /\bcost(s|ly)?\b/i,
  /\bflow\b/i,
  /\bsolver\b/i,
  /\bsimple(ks|x)\b/i,
  /\bobjective\b/i,
  /simple method/i,
];

before(async () => {
  srv = await startServer();
  browser = await launch();
  bk = await apiSession(srv.url, srv.accounts.bkpsdm);
  verified = await verifyRequests(srv, { limit: 2 });
  assert.equal((await bk.post('/api/plans', { name: PLAN_A, mode: 'combined' })).status, 201);
  assert.equal((await bk.post('/api/plans', { name: PLAN_B, mode: 'directed', max_moves: 5 })).status, 201);
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

// The page's visible text with every <details> opened, once it loaded.
async function pageText(page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 30000 });
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  return page.evaluate(() => document.body.innerText);
}

function assertNoSolverWords(where, text) {
  for (const re of BANNED) {
    const m = re.exec(text);
    assert.equal(m, null, `${where}: "${m && text.slice(Math.max(0, m.index - 40), m.index + 40)}"`);
  }
}

test('no page shows the planner mathematics, in either language', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  const r = verified[0];
  const pages = [
    'dasbor',
    'kotak-masuk',
    'pegawai',
    'rencana',
    'rencana/' + PLAN_A,
    'rencana/' + PLAN_B,
    `banding/${PLAN_A}/${PLAN_B}`,
    'audit',
    'unit/5271.DIKBUD',
    'pegawai/' + r.nip,
    'permohonan/' + r.id,
  ];
  for (const lang of ['id', 'en']) {
    await page.evaluate((l) => localStorage.setItem('mutasi.lang', l), lang);
    for (const p of pages) {
      await page.goto(srv.url + '/#/' + p);
      await page.reload();
      assertNoSolverWords(`${lang} #/${p}`, await pageText(page));
    }
  }
  await page.evaluate(() => localStorage.setItem('mutasi.lang', 'id'));
  // The plan's figures in people's words: moves, people placed, the
  // shortage closed, km in total and on average.
  await page.goto(srv.url + '/#/rencana/' + PLAN_A);
  await page.reload();
  const s = (await bk.get('/api/plans/' + PLAN_A)).body.summary;
  const kpis = page.locator('#plan-kpis');
  await kpis.getByText('Kekurangan yang tertutup').waitFor();
  const closed = await page.locator('[data-kpi="tertutup"]').textContent();
  assert.equal(closed.replace(/\./g, ''), String(Math.max(0, s.before.kekurangan - s.after.kekurangan)));
  await kpis.getByText('rata-rata').waitFor();
  await kpis.getByText('Jarak tempuh seluruhnya').waitFor();
  assert.equal(await page.locator('[data-kpi="cost"]').count(), 0);
  // The weights: under "Pengaturan lanjutan", closed, a sentence each.
  await page.goto(srv.url + '/#/rencana');
  await page.locator('#run-form').waitFor();
  assert.equal(await page.locator('#settings-more').getAttribute('open'), null);
  await page.locator('#settings-more summary').click();
  for (const key of ['nilai_slot', 'biaya_pindah', 'biaya_per_km', 'bobot_sekolah', 'poin_kesehatan']) {
    assert.match(await page.locator(`#set-${key}-hint`).textContent(), /^Makin besar/);
  }
  await shot(page, 'words-advanced-settings');
  noErrors(errors);
  await page.context().close();
});

// "2026-12-06T20:15:51Z" as the page writes it in WITA (UTC+8).
function wita(at) {
  const months = [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ];
  const d = new Date(Date.parse(at) + 8 * 3600 * 1000);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}.${two(d.getUTCMinutes())} WITA`;
}

test('the audit shows WITA times for a reader elsewhere, shell actors in words and a diff of labelled fields', async () => {
  // A reader in New York still reads Mataram's time, named.
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => d.accept());
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + '/#/audit');
  await page.locator('#audit tbody tr').first().waitFor();
  await page.locator('#audit-zone').getByText('WITA').waitFor();
  const rows = (await bk.get('/api/audit')).body.rows;
  const expected = new Set(rows.map((r) => wita(r.at)));
  const cells = await page.locator('#audit tbody tr td:first-child').allTextContents();
  assert.ok(cells.length > 0);
  for (const c of cells.slice(0, 20)) {
    assert.ok(expected.has(c), `${c} is one of the audit's times in WITA`);
  }
  // The demo was loaded on the command line: its actor in words.
  const shell = rows.find((r) => r.actor.startsWith('cli:'));
  assert.ok(shell, 'the demo logs shell actions');
  await page.getByLabel('Entitas').selectOption('data');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await page
    .locator('#audit tbody')
    .getByText('lewat baris perintah oleh ' + shell.actor.slice(4))
    .first()
    .waitFor();
  // The import's counts as labelled fields, never JSON.
  await page.locator('#audit li[data-field="pegawai_baru"]').getByText('Pegawai baru:').first().waitFor();
  // A request's step: its status, old -> new, by name.
  const r = verified[0];
  await page.getByLabel('Entitas').selectOption('request');
  await page.getByLabel('ID').fill(String(r.id));
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  const step = page.locator('#audit li[data-field="status"]').filter({ hasText: 'Disetujui unit asal' }).first();
  await step.waitFor();
  assert.match(await step.textContent(), /^Status: .+ → .+$/);
  await page.locator('#audit li[data-field="berkas"]').getByText('surat_permohonan.pdf').first().waitFor();
  const table = await page.locator('#audit').innerText();
  assert.ok(!/[{}]|"status"|pegawai_baru/.test(table), 'no raw JSON or field names: ' + table.slice(0, 300));
  assert.ok(!/\bUTC\b|GMT|EST|EDT/.test(await page.locator('main').innerText()));
  await shot(page, 'words-audit-diff');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the timeline names the uploaded document and its file, in WITA', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  const r = verified[0];
  await page.goto(srv.url + '/#/permohonan/' + r.id);
  const upload = page.locator('#rq-timeline li').filter({ hasText: 'Dokumen diunggah' }).first();
  await upload.getByText('Surat permohonan').waitFor();
  await upload.getByText('surat_permohonan.pdf').waitFor();
  assert.match(await upload.locator('.when').textContent(), / WITA · oleh bkpsdm$/);
  noErrors(errors);
  await page.context().close();
});

test('withdrawing asks first; cancelling the question changes nothing', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.pegawai);
  const me = await apiSession(srv.url, srv.accounts.pegawai);
  let open = (await me.get('/api/requests')).body.rows.find((r) => r.actions.includes('batalkan'));
  if (!open) {
    // The demo's pegawai starts without a request (the README
    // walkthrough's applicant): save one as a draft first.
    const bk = await apiSession(srv.url, srv.accounts.bkpsdm);
    const myUnit = (await bk.get('/api/employees/' + me.me.nip)).body.unit;
    const other = (await bk.get('/api/units')).body.rows.find((u) => u.jenis === 'sekolah' && u.kode !== myUnit);
    assert.equal((await me.post('/api/requests', { pilihan: [other.kode], alasan: 'lainnya' })).status, 201);
    open = (await me.get('/api/requests')).body.rows.find((r) => r.actions.includes('batalkan'));
  }
  assert.ok(open, 'the demo pegawai has an open request');
  await page.goto(srv.url + '/#/permohonan/' + open.id);
  await page.getByLabel('Catatan').fill('Tidak jadi pindah.');
  page.removeAllListeners('dialog');
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    d.dismiss();
  });
  await page.getByRole('button', { name: 'Batalkan', exact: true }).click();
  await page.waitForTimeout(300);
  assert.match(asked, new RegExp(`^Batalkan permohonan #${open.id}\\?`));
  assert.equal((await me.get('/api/requests/' + open.id)).body.status, open.status);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Batalkan', exact: true }).click();
  await page.locator('dl.facts .status').getByText('Dibatalkan', { exact: true }).waitFor();
  assert.equal((await me.get('/api/requests/' + open.id)).body.status, 'dibatalkan');
  noErrors(errors);
  await page.context().close();
});

test('the employee sees before applying whether they may move at own wish, and why not', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.pegawai);
  const me = await apiSession(srv.url, srv.accounts.pegawai);
  const who = (await me.get('/api/me')).body;
  // The header names the person, not the login.
  assert.ok(who.nama, '/api/me gives the employee name');
  await page.locator('.who-name').getByText(who.nama, { exact: false }).waitFor();
  assert.equal(typeof who.kelayakan.boleh, 'boolean');
  await page.goto(srv.url + '/#/permohonan-saya');
  const card = page.locator('#rq-new');
  if (who.kelayakan.boleh) {
    await card.locator('[data-kelayakan="boleh"]').waitFor();
  } else {
    await card.locator('[data-kelayakan="tidak"]').getByText('Anda belum memenuhi syarat').waitFor();
    for (const a of who.kelayakan.alasan) {
      assert.equal(await card.locator(`li[data-kode="${a.kode}"]`).textContent(), a.teks);
    }
  }
  // The form is still there to read.
  await card
    .getByRole('button', { name: /Simpan|Ajukan/ })
    .first()
    .waitFor();
  await shot(page, 'words-eligibility-form');
  // The profile names the competencies.
  await page.goto(srv.url + '/#/profil');
  const tags = page.locator('#emp-profile [data-kompetensi]');
  await tags.first().waitFor();
  for (const el of await tags.all()) {
    const code = await el.getAttribute('data-kompetensi');
    const text = await el.textContent();
    assert.notEqual(text, code);
    assert.ok(!text.includes('_'), text);
  }
  noErrors(errors);
  await page.context().close();
});

test('heads and BKPSDM see the eligibility on each request', async () => {
  const r = verified[1];
  for (const role of ['bkpsdm', 'kepala_unit']) {
    const { page, errors } = await openPage(browser);
    await login(page, srv.url, srv.accounts[role]);
    const api = await apiSession(srv.url, srv.accounts[role]);
    const doc = (await api.get('/api/requests/' + r.id)).body;
    assert.equal(typeof doc.kelayakan.boleh, 'boolean');
    const listed = (await api.get('/api/requests')).body.rows.find((x) => x.id === r.id);
    assert.deepEqual(listed.kelayakan, doc.kelayakan);
    await page.goto(srv.url + '/#/permohonan/' + r.id);
    const box = page.locator('#rq-kelayakan');
    await box.getByRole('heading', { name: 'Kelayakan pegawai (hari ini)' }).waitFor();
    await box.locator(`[data-kelayakan="${doc.kelayakan.boleh ? 'boleh' : 'tidak'}"]`).waitFor();
    noErrors(errors);
    await page.context().close();
  }
  // One who may not (retiring within 12 months): the reason in words.
  const me = await apiSession(srv.url, srv.accounts.pegawai);
  const who = (await me.get('/api/me')).body;
  const own = (await bk.get('/api/employees/' + who.nip)).body;
  assert.deepEqual(own.kelayakan, who.kelayakan);
});

test('a forbidden page offers no retry', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.kepala_unit);
  for (const p of ['audit', 'pengguna', `banding/${PLAN_A}/${PLAN_B}`]) {
    await page.goto(srv.url + '/#/' + p);
    await page.getByText('Anda tidak berhak membuka halaman ini.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Coba lagi' }).count(), 0);
  }
  noErrors(errors);
  await page.context().close();
});

// Employees of unit 'kode' (every page) until 'want' says stop.
async function findEmployees(unit, want) {
  const found = {};
  for (let p = 1; p < 400; p++) {
    const d = (await bk.get(`/api/employees?unit=${encodeURIComponent(unit)}&page=${p}`)).body;
    for (const r of d.rows) {
      for (const k of r.keadaan) {
        found[k] ??= r;
      }
    }
    if (want.every((k) => found[k]) || p * d.per_page >= d.total) {
      break;
    }
  }
  return found;
}

test('staff not in post carry a badge in lists and profiles, and a unit counts its staff as the ABK does', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  const unit = '5271.DIKBUD';
  const u = (await bk.get('/api/units/' + unit)).body;
  const abk = (await bk.get(`/api/abk?unit=${unit}&by=jabatan`)).body.rows;
  const bezetting = abk.reduce((s, r) => s + r.bezetting, 0);
  const pw = abk.reduce((s, r) => s + r.bezetting_pppk_pw, 0);
  assert.equal(u.pegawai.dalam_jabatan, bezetting);
  assert.equal(u.pegawai.pppk_pw, pw);
  assert.ok(u.pegawai.pensiun > 0 && u.pegawai.tugas_belajar > 0, JSON.stringify(u.pegawai));
  await page.goto(srv.url + '/#/unit/' + unit);
  const shown = await page.locator('#unit-in-post [data-count="dalam_jabatan"]').textContent();
  assert.equal(shown.replace(/\./g, ''), String(bezetting));
  // Every other unit of the city agrees too (the OPD rows of the ABK).
  for (const r of (await bk.get('/api/abk?by=opd')).body.rows.slice(0, 8)) {
    assert.equal((await bk.get('/api/units/' + encodeURIComponent(r.unit))).body.pegawai.dalam_jabatan, r.bezetting);
  }
  const found = await findEmployees(unit, ['pensiun', 'tugas_belajar']);
  for (const [k, words] of [
    ['pensiun', 'Sudah pensiun'],
    ['tugas_belajar', 'Tugas belajar'],
  ]) {
    const p = found[k];
    assert.ok(p, 'an employee marked ' + k);
    await page.goto(srv.url + '/#/pegawai/' + p.nip);
    await page.locator(`#emp-profile [data-keadaan="${k}"]`).getByText(words).waitFor();
    // In the list, beside the name.
    await page.goto(srv.url + '/#/pegawai');
    await page.locator('#emp-q').fill(p.nip);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.locator('#employees tbody tr').filter({ hasText: p.nama }).locator(`[data-keadaan="${k}"]`).waitFor();
    assert.equal(
      await page.locator('#employees tbody tr').filter({ hasText: p.nama }).locator('.keadaan').first().textContent(),
      words,
    );
  }
  const retired = found.pensiun;
  assert.ok(retired.tmt_pensiun <= new Date().toISOString().slice(0, 10));
  await shot(page, 'words-not-in-post');
  noErrors(errors);
  await page.context().close();
});
