// SPDX-License-Identifier: MIT
// Accessibility: axe-core (the engine of the browsers' own audits) on
// every page of every role, at desktop and phone sizes. Any violation of
// impact "serious" or "critical" (contrast, names of controls and links,
// labels, landmarks, ARIA) fails. The pages' own CSP forbids the injected
// script, so these contexts bypass it; nothing else differs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { apiSession, launch, login, openPage, shot, startServer } from './lib.mjs';

const require = createRequire(resolve(new URL('../../ui/package.json', import.meta.url).pathname));
const AXE = require.resolve('axe-core/axe.min.js');

let srv;
let browser;
let plan; // Published: the employees, the heads and the TPK act on it.
let plan2; // Closed by the TPK: the PPK decides it.
let plan3; // Published, then run again with the TPK's decisions: returned.
let rerun; // The plan that re-run made (a draft with kept moves).
let request;
let unit;
let nip;

before(async () => {
  srv = await startServer();
  browser = await launch();
  const bk = await apiSession(srv.url, srv.accounts.bkpsdm);
  const tpk = await apiSession(srv.url, srv.accounts.tpk);
  const kepala = await apiSession(srv.url, srv.accounts.kepala_unit);
  plan = 'aksesibilitas';
  plan2 = 'aksesibilitas-ppk';
  plan3 = 'aksesibilitas-asal';
  rerun = 'aksesibilitas-ulang';
  unit = '5271.DIKBUD';
  for (const name of [plan, plan2, plan3]) {
    assert.equal((await bk.post('/api/plans', { name, mode: 'combined' })).status, 201);
    assert.equal((await bk.post(`/api/plans/${name}/publish`)).status, 200);
  }
  // The head objects to a move into the OPD, so that the TPK's page has
  // an objection to answer and the heads' answers to show.
  let objected = false;
  for (const m of (await kepala.get(`/api/plans/${plan}`)).body.moves) {
    const r = await kepala.post(`/api/plans/${plan}/responses`, {
      nip: m.nip,
      tanggapan: 'keberatan',
      catatan: 'Belum perlu.',
    });
    if (r.status === 200) {
      objected = true;
      break;
    }
  }
  assert.ok(objected, 'the plan moves someone into ' + unit);
  const moves = (await bk.get(`/api/plans/${plan2}`)).body.moves;
  assert.equal(
    (
      await tpk.post(`/api/plans/${plan2}/consider`, {
        moves: moves.map((m) => ({ nip: m.nip, keputusan: 'setuju' })),
        close: true,
      })
    ).status,
    200,
  );
  // The TPK agrees to the moves of the third plan; BKPSDM runs it again.
  const moves3 = (await bk.get(`/api/plans/${plan3}`)).body.moves;
  assert.equal(
    (
      await tpk.post(`/api/plans/${plan3}/consider`, {
        moves: moves3.map((m) => ({ nip: m.nip, keputusan: 'setuju' })),
      })
    ).status,
    200,
  );
  assert.equal((await bk.post(`/api/plans/${plan3}/rerun`, { name: rerun })).status, 201);
  // A request every role but the employee's may open.
  request = (await kepala.get('/api/requests')).body.rows[0].id;
  nip = (await bk.get('/api/employees?unit=' + unit)).body.rows[0].nip;
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

async function audit(page, name) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${name}: ${JSON.stringify(bad, null, 1)}`);
}

// Visit each route as 'role' and audit it once its content is in.
async function visitAll(role, routes, viewport) {
  const { page, context } = await openPage(browser, { viewport, bypassCSP: true });
  await login(page, srv.url, srv.accounts[role]);
  for (const [route, ready] of routes) {
    await page.goto(srv.url + '/#/' + route);
    await page.locator(ready).first().waitFor({ timeout: 30000 });
    await audit(page, `${role} #/${route}`);
    if (viewport) {
      // Nothing wider than the phone: wide tables scroll in their box.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= viewport.width, `${role} #/${route} is ${wide}px wide on a ${viewport.width}px screen`);
    }
  }
  await shot(page, `a11y-${role}-${viewport ? 'phone' : 'desktop'}`);
  await context.close();
}

test('the login page passes axe', async () => {
  const { page, context } = await openPage(browser, { bypassCSP: true });
  await page.goto(srv.url + '/');
  await page.getByLabel('Nama pengguna').waitFor();
  await audit(page, 'login');
  await context.close();
});

test('the pages of bkpsdm pass axe', async () => {
  await visitAll('bkpsdm', [
    ['dasbor', '.map a[data-unit]'],
    ['kotak-masuk', 'table tbody tr'],
    ['pegawai', '#employees tbody tr'],
    ['unit/' + unit, '#unit-abk tbody tr'],
    ['pegawai/' + nip, '#emp-history-table tbody tr'],
    ['permohonan/' + request, 'dl.facts .status'],
    ['rencana', '#plan-list'],
    ['rencana/' + plan, '#rerun-form'],
    ['rencana/' + rerun, '#rerun-of'],
    ['rencana/' + plan3, '#rerun-note'],
    ['audit', '#audit tbody tr'],
  ]);
});

test('the pages of tpk, ppk, kepala_unit, pegawai and admin pass axe', async () => {
  await visitAll('tpk', [
    ['dasbor', '.map a[data-unit]'],
    ['kotak-masuk', 'table tbody tr'],
    ['permohonan/' + request, 'dl.facts .status'],
    ['rencana', '#plan-list'],
    ['rencana/' + plan, '#tpk-session'],
    ['audit', '#audit tbody tr'],
  ]);
  await visitAll('ppk', [
    ['dasbor', '.map a[data-unit]'],
    ['kotak-masuk', 'table tbody tr'],
    ['permohonan/' + request, 'dl.facts .status'],
    ['rencana', '#plan-list'],
    ['rencana/' + plan2, '#ba-pdf'],
    ['audit', '#audit tbody tr'],
  ]);
  await visitAll('kepala_unit', [
    ['dasbor', '.map a[data-unit]'],
    ['kotak-masuk', 'table tbody tr'],
    ['permohonan/' + request, 'dl.facts .status'],
    ['rencana', '#open-plan'],
    ['rencana/' + plan, '#move-count'],
  ]);
  await visitAll('pegawai', [
    ['permohonan-saya', 'form'],
    ['profil', '#emp-profile'],
    ['usulan', 'h1'],
  ]);
  await visitAll('admin', [['pengguna', '#users tbody tr']]);
});

test('every page passes axe and fits on a phone', async () => {
  const phone = { width: 390, height: 844 };
  await visitAll(
    'bkpsdm',
    [
      ['dasbor', '.map a[data-unit]'],
      ['kotak-masuk', 'table tbody tr'],
      ['pegawai', '#employees tbody tr'],
      ['unit/' + unit, '#unit-abk tbody tr'],
      ['permohonan/' + request, 'dl.facts .status'],
      ['rencana', '#plan-list'],
      ['rencana/' + plan, '#rerun-form'],
      ['rencana/' + rerun, '#move-table tbody tr'],
      ['rencana/' + plan3, '#rerun-note'],
      ['audit', '#audit tbody tr'],
      ['banding/' + plan + '/' + plan, '#cmp-a'],
    ],
    phone,
  );
  await visitAll('tpk', [['rencana/' + plan, '#tpk-session']], phone);
  await visitAll('ppk', [['rencana/' + plan2, '#ba-pdf']], phone);
  await visitAll('kepala_unit', [['rencana/' + plan, '#move-count']], phone);
  await visitAll(
    'pegawai',
    [
      ['permohonan-saya', 'form'],
      ['profil', '#emp-profile'],
      ['usulan', 'h1'],
    ],
    phone,
  );
  await visitAll('admin', [['pengguna', '#users tbody tr']], phone);
});
