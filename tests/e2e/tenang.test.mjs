// SPDX-License-Identifier: MIT
// Election periods (masa tenang, issue #17 part 4) in the browser, on the
// small city of tests/golden/tenang_refuse_principal: a plan that moves a
// principal (KEPALA_SEKOLAH) and a teacher from SD 1 to SD 2 reaches the
// PPK on 1 December 2026. BKPSDM sets the period on the plans page (a
// period ending before it starts is refused and not kept); the PPK sees
// it on the decision, is refused the decision naming the principal's
// move, then decides with the Minister's written approval and finds the
// report to the Ministry.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDF, apiSession, launch, login, mutasi, noErrors, openPage, serveDb, shot } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '../golden/tenang_refuse_principal');
const PRINCIPAL = '197001012000011001';
const TEACHER = '197805052003011006';
const TODAY = '2026-12-01';

let srv;
let browser;
let dir;

// A server on its own database, with "today" fixed on the decision day.
function serve(db) {
  return serveDb(db, { MUTASI_TODAY: TODAY });
}

// 'mutasi user add' prints "LOGIN ROLE PASSWORD".
function account(db, login, role) {
  const out = mutasi(db, 'user', 'add', login, '--role', role);
  return { login, password: out.trim().split(/\s+/)[2] };
}

const accounts = {};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mutasi-e2e-tenang-'));
  const db = join(dir, 't.db');
  process.env.MUTASI_TODAY = TODAY;
  mutasi(db, 'init');
  mutasi(db, 'import', ...['unit', 'jabatan', 'beban', 'pegawai', 'permohonan'].map((k) => join(FIXTURE, k + '.csv')));
  mutasi(db, 'settings', 'set', 'tahap_permohonan', 'diajukan');
  mutasi(db, 'plan', '--as-of', TODAY, '--save', 'r');
  mutasi(db, 'plan', 'publish', 'r');
  accounts.bkpsdm = account(db, 'hr1', 'bkpsdm');
  accounts.tpk = account(db, 'tpk1', 'tpk');
  accounts.ppk = account(db, 'ppk1', 'ppk');
  srv = await serve(db);
  const tpk = await apiSession(srv.url, accounts.tpk);
  const moves = [PRINCIPAL, TEACHER].map((nip) => ({ nip, keputusan: 'setuju' }));
  assert.equal((await tpk.post('/api/plans/r/consider', { moves, close: true })).status, 200);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('BKPSDM sets the election period on the plans page; one ending before it starts is refused', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, accounts.bkpsdm);
  await page.goto(srv.url + '/#/rencana');
  const box = page.locator('#masa-tenang');
  await box.getByText('Tidak ada masa tenang yang diatur.').waitFor();
  await box.getByText('Ubah masa tenang').click();
  const field = page.getByLabel('Masa tenang (DARI..SAMPAI LABEL, dipisah ;)');
  await field.fill('2027-02-28..2026-11-01 Pilkada Uji');
  await page.getByRole('button', { name: 'Simpan masa tenang' }).click();
  await page.locator('#tn-value-err').filter({ hasText: 'berakhir sebelum dimulai' }).waitFor();
  const hr = await apiSession(srv.url, accounts.bkpsdm);
  assert.equal((await hr.get('/api/masa-tenang')).body.periode, null, 'nothing is kept');
  await field.fill('2026-11-01..2027-02-28 Pilkada Uji');
  await page.getByRole('button', { name: 'Simpan masa tenang' }).click();
  await box.getByText('Sekarang masa tenang Pilkada Uji').waitFor();
  await shot(page, 'tenang-planner');
  noErrors(errors);
  await page.context().close();
});

test("the PPK sees the period, is refused the principal's move, and decides with the Minister's approval", async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, accounts.ppk);
  await page.goto(srv.url + '/#/rencana/r');
  await page.locator('#approve-form').waitFor();
  const box = page.locator('#masa-tenang');
  await box.getByText('Sekarang masa tenang Pilkada Uji').waitFor();
  assert.match(await page.locator('#masa-tenang-pejabat').textContent(), new RegExp(PRINCIPAL));
  assert.doesNotMatch(await page.locator('#masa-tenang-pejabat').textContent(), new RegExp(TEACHER));
  await page.locator('#izin-mendagri').waitFor();
  // As a new user would: the TMT, then decide, without the approval.
  await page.getByLabel('TMT mutasi').fill('2027-01-01');
  let answer = page.waitForResponse((r) => r.url().endsWith('/api/plans/r/approve'));
  await page.getByRole('button', { name: 'Tetapkan rencana' }).click();
  assert.equal((await answer).status(), 422);
  const refused = page.locator('#approve-refused');
  await refused.waitFor();
  assert.match(await refused.textContent(), /masa tenang Pilkada Uji/);
  await page.locator('#approve-concerned').getByText('Perpindahan pejabat dalam masa tenang').waitFor();
  await shot(page, 'tenang-refused');
  const ppk = await apiSession(srv.url, accounts.ppk);
  assert.equal((await ppk.get('/api/plans/r')).body.plan.status, 'dipertimbangkan', 'nothing is written');
  // With the Minister's written approval.
  await page.getByLabel('Nomor surat persetujuan').fill('100.2.2.6/77/OTDA');
  await page.getByLabel('Tanggal surat persetujuan').fill('2026-11-30');
  await page
    .getByLabel('Berkas surat persetujuan (PDF)')
    .setInputFiles({ name: 'izin.pdf', mimeType: 'application/pdf', buffer: PDF });
  answer = page.waitForResponse((r) => r.url().endsWith('/api/plans/r/approve'));
  await page.getByRole('button', { name: 'Tetapkan rencana' }).click();
  const res = await answer;
  assert.equal(res.status(), 200, await res.text());
  assert.equal(JSON.parse(res.request().postData()).persetujuan_mendagri.nomor, '100.2.2.6/77/OTDA');
  await page.locator('#masa-tenang-izin').getByText('100.2.2.6/77/OTDA').waitFor();
  const report = await fetch(srv.url + '/api/plans/r/laporan-mendagri.pdf', {
    headers: { cookie: (await page.context().cookies()).map((c) => c.name + '=' + c.value).join('; ') },
  });
  assert.equal(report.status, 200);
  assert.equal(
    Buffer.from(await report.arrayBuffer())
      .subarray(0, 4)
      .toString(),
    '%PDF',
  );
  await shot(page, 'tenang-decided');
  noErrors(errors);
  await page.context().close();
});
