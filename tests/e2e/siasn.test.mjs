// SPDX-License-Identifier: MIT
// SIASN in the browser: a city loaded from SIASN's files (examples/siasn),
// then a newer export in which one teacher moved, one was promoted and one
// employee is gone. BKPSDM reads the reconciliation of that last import
// on its page, and on the dashboard finds the units without coordinates
// (SIASN has none) and sets one; the change is audited and the unit
// leaves the list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiSession, launch, login, mutasi, noErrors, openPage, serveDb, shot } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const EXAMPLE = join(here, '../../examples/siasn');
const SITI = '198003152005022002';
const BUDI = '198507202010011003';
const YUSUF = '198808082014021007';

let srv;
let browser;
let dir;
const accounts = {};

// PATCH 'path' with 'body' as 'acc' (its own session and CSRF token).
async function patchAs(acc, path, body) {
  const r = await fetch(srv.url + '/api/login', {
    method: 'POST',
    body: JSON.stringify({ login: acc.login, password: acc.password }),
  });
  const me = await r.json();
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const res = await fetch(srv.url + path, {
    method: 'PATCH',
    headers: { cookie, 'X-CSRF-Token': me.csrf_token },
    body: JSON.stringify(body),
  });
  return res.status;
}

function account(db, login, role) {
  const out = mutasi(db, 'user', 'add', login, '--role', role);
  return { login, password: out.trim().split(/\s+/)[2] };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mutasi-e2e-siasn-'));
  const db = join(dir, 's.db');
  const folder = join(dir, 'siasn');
  cpSync(EXAMPLE, folder, { recursive: true });
  mutasi(db, 'init');
  mutasi(db, 'import', '--from', 'siasn', folder);
  // The newer export: Siti to SD Negeri 2, Budi III/b -> III/c, Yusuf gone.
  const file = join(folder, 'data_asn.csv');
  const text = readFileSync(file, 'utf8')
    .replace('|S1 PGSD|a0000000000000000000000000000004|', '|S1 PGSD|a0000000000000000000000000000005|')
    .replace('|P|32|III/b|', '|P|33|III/c|')
    .split('\n')
    .filter((l) => !l.includes('Yusuf'))
    .join('\n');
  writeFileSync(file, text);
  mutasi(db, 'import', '--from', 'siasn', '-o', join(dir, 'rekon.csv'), folder);
  accounts.bkpsdm = account(db, 'hr1', 'bkpsdm');
  accounts.ppk = account(db, 'ppk1', 'ppk');
  srv = await serveDb(db);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('BKPSDM reads the reconciliation of the last SIASN import', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, accounts.bkpsdm);
  await page.getByRole('link', { name: 'Rekonsiliasi SIASN' }).click();
  await page.locator('#siasn-rows').waitFor();
  assert.equal(await page.locator('[data-kind="pindah"]').textContent(), '1');
  assert.equal(await page.locator('[data-kind="naik_pangkat"]').textContent(), '1');
  assert.equal(await page.locator('[data-kind="hilang"]').textContent(), '1');
  assert.equal(await page.locator('[data-kind="baru"]').textContent(), '0');
  const rows = page.locator('#siasn-rows tbody tr');
  assert.equal(await rows.count(), 3);
  const siti = rows.filter({ hasText: SITI });
  assert.match(await siti.textContent(), /Pindah unit.*Siti Aminah, S\.Pd\..*9999\.SDN1.*SD_NEGERI_2_CONTOH/);
  assert.match(await rows.filter({ hasText: BUDI }).textContent(), /Naik pangkat.*III\/b.*III\/c/);
  assert.match(await rows.filter({ hasText: YUSUF }).textContent(), /Hilang dari SIASN/);
  assert.match(await page.locator('#siasn-when').textContent(), /oleh cli:/);
  await shot(page, 'siasn-rekonsiliasi');
  noErrors(errors);
  await page.context().close();
});

test('BKPSDM sets the coordinates of a unit that SIASN left without; the PPK only reads the list', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, accounts.bkpsdm);
  await page.goto(srv.url + '/#/dasbor');
  const card = page.locator('#no-coords');
  await card.getByText('Unit tanpa koordinat (8)').waitFor();
  const row = card.locator('tr').filter({ hasText: 'SD Negeri 1 Contoh' });
  const save = row.getByRole('button', { name: 'Simpan' });
  assert.equal(await save.isDisabled(), true, 'nothing to save yet');
  await row.getByLabel('Lintang SD Negeri 1 Contoh').fill('-8.5833');
  await row.getByLabel('Bujur SD Negeri 1 Contoh').fill('116.1167');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/units/9999.SDN1'));
  await save.click();
  const res = await answer;
  assert.equal(res.status(), 200, await res.text());
  assert.equal(res.request().method(), 'PATCH');
  await card.getByText('Unit tanpa koordinat (7)').waitFor();
  assert.equal(await card.locator('tr').filter({ hasText: 'SD Negeri 1 Contoh' }).count(), 0);
  await shot(page, 'siasn-tanpa-koordinat');
  const hr = await apiSession(srv.url, accounts.bkpsdm);
  const unit = (await hr.get('/api/units/9999.SDN1')).body;
  assert.equal(unit.lat, -8.5833);
  assert.equal(unit.lon, 116.1167);
  assert.equal(unit.siasn_id, 'a0000000000000000000000000000004');
  const audit = (await hr.get('/api/audit?entity=unit&id=9999.SDN1')).body.rows;
  assert.equal(audit.length, 1);
  assert.equal(audit[0].action, 'lokasi');
  assert.equal(audit[0].actor, 'hr1');
  // Out of range: refused, nothing kept.
  assert.equal(
    await patchAs(accounts.bkpsdm, '/api/units/9999.PKM', {
      lat: 95,
      lon: 116,
    }),
    400,
  );
  assert.equal((await hr.get('/api/units/9999.PKM')).body.lat, null);
  noErrors(errors);
  await page.context().close();
  // The PPK sees the list but has no form, and the API refuses it.
  const ppkPage = await openPage(browser);
  await login(ppkPage.page, srv.url, accounts.ppk);
  await ppkPage.page.goto(srv.url + '/#/dasbor');
  const list = ppkPage.page.locator('#no-coords');
  await list.getByText('Unit tanpa koordinat (7)').waitFor();
  assert.equal(await list.getByRole('button', { name: 'Simpan' }).count(), 0);
  noErrors(ppkPage.errors);
  await ppkPage.page.context().close();
  assert.equal(
    await patchAs(accounts.ppk, '/api/units/9999.PKM', {
      lat: -8.6,
      lon: 116.1,
    }),
    403,
  );
});
