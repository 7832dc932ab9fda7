// SPDX-License-Identifier: MIT
// The planner's pages end to end, as one story on one demo database:
// BKPSDM runs a combined plan in the browser (moves, the before/after
// chart, filters, an explanation), runs a second one with its own
// settings and compares the two, publishes the first; an employee it
// moves objects with a note and BKPSDM sees the answer; the leadership
// is refused a TMT that is not the 1st, approves with a proper one and
// downloads the decree; the second plan is then stale and refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  apiSession, launch, login, logout, mutasi, noErrors, openPage, shot, startServer,
} from './lib.mjs';

let srv;
let browser;
let hr; // API session of bkpsdm, for the oracle.
let units; // kode -> unit row.
const PLAN = 'gabungan';
const PLAN2 = 'terarah-20';
const mover = {}; // The employee who answers: nip, login, password, move.

before(async () => {
  srv = await startServer();
  browser = await launch();
  hr = await apiSession(srv.url, srv.accounts.bkpsdm);
  units = new Map((await hr.get('/api/units')).body.rows.map((u) => [u.kode, u]));
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

// A number as the page writes it (Indonesian: 1.234,567).
const fmt = (page, v, digits = 0) => page.evaluate(([x, d]) => Number(x).toLocaleString('id-ID', {
  minimumFractionDigits: d, maximumFractionDigits: d,
}), [v, digits]);

const name = (kode) => (units.get(kode) || { nama: kode }).nama;

// The OPD of a unit (contract section 4), as the move filters use it.
function opdOf(kode) {
  let u = units.get(kode);
  let last = kode;
  while (u) {
    if (['opd', 'kecamatan', 'rsud'].includes(u.jenis)) {
      return u.kode;
    }
    last = u.kode;
    u = u.induk ? units.get(u.induk) : null;
  }
  return last;
}

const placeMatches = (kode, text) =>
  (name(kode) + ' ' + kode + ' ' + name(opdOf(kode))).toLowerCase().includes(text.toLowerCase());

async function shownCount(page) {
  const el = page.locator('#move-count');
  return { shown: Number(await el.getAttribute('data-shown')), total: Number(await el.getAttribute('data-total')) };
}

async function expectShown(page, n) {
  await page.waitForFunction((want) => document.querySelector('#move-count')?.dataset.shown === String(want), n);
  assert.equal((await shownCount(page)).shown, n);
}

// The first of a month after this one that is not a semester start, so
// that a plan with teachers carries the approval warning.
function tmtNotSemester() {
  const d = new Date();
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() + 2;
  for (;;) {
    if (m > 12) {
      m -= 12;
      y += 1;
    }
    if (m !== 1 && m !== 7) {
      return `${y}-${String(m).padStart(2, '0')}-01`;
    }
    m += 1;
  }
}

test('bkpsdm runs a combined plan in the browser and sees its moves and the before/after chart', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + '/#/rencana');
  await page.getByRole('heading', { name: 'Perencanaan Mutasi' }).waitFor();
  await page.getByText('Belum ada rencana.').waitFor();
  assert.equal(await page.getByLabel('Mode perencanaan').inputValue(), 'combined');
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(await page.getByLabel('Keadaan per tanggal').inputValue(), today);
  // The defaults are written under the settings.
  await page.locator('#set-biaya_pindah-hint').filter({ hasText: 'Bawaan: 1.000' }).waitFor();
  await page.locator('#set-min_bulan_unit-hint').filter({ hasText: 'Bawaan: 24' }).waitFor();
  await shot(page, 'plans-list-empty');
  // Hold the answer a moment so that the progress can be seen.
  await page.route('**/api/plans', async (route) => {
    if (route.request().method() === 'POST') {
      await new Promise((ok) => setTimeout(ok, 1200));
    }
    await route.continue();
  });
  await page.getByLabel('Nama rencana').fill(PLAN);
  await page.getByRole('button', { name: 'Jalankan perencanaan' }).click();
  await page.getByRole('status').filter({ hasText: 'Perencanaan sedang berjalan' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Jalankan perencanaan' }).isDisabled());
  await page.getByRole('heading', { name: 'Rencana Mutasi ' + PLAN }).waitFor({ timeout: 60000 });
  await page.unroute('**/api/plans');

  const doc = (await hr.get('/api/plans/' + PLAN)).body;
  assert.equal(doc.plan.mode, 'combined');
  assert.equal(doc.plan.as_of, today);
  const s = doc.summary;
  assert.ok(s.moves > 50, 'the demo plan moves many people: ' + s.moves);
  assert.equal(s.moves, doc.moves.length);
  // The number of moves shown is the API's.
  await page.locator('#move-count').waitFor();
  assert.deepEqual(await shownCount(page), { shown: s.moves, total: s.moves });
  assert.equal(await page.locator('[data-kpi="moves"]').textContent(), await fmt(page, s.moves));
  assert.equal(await page.locator('[data-kpi="kekurangan"]').textContent(), await fmt(page, s.after.kekurangan));
  assert.equal(await page.locator('[data-kpi="ej_sd"]').textContent(), await fmt(page, s.after.ej_sd, 3));
  assert.match(await page.locator('#plan-kpis').textContent(),
    new RegExp(`sebelum ${(await fmt(page, s.before.kekurangan)).replace('.', '\\.')} → sesudah`));
  assert.equal(await page.locator('#move-table tbody tr').count(), Math.min(50, s.moves));
  await page.locator('#moves .pager').getByText('/ ' + Math.ceil(s.moves / 50)).waitFor();

  // The chart: EU per OPD before (as of the plan date) and after it.
  await page.locator('#eu-chart canvas').waitFor();
  const beforeRows = (await hr.get('/api/abk?by=opd&as_of=' + doc.plan.as_of)).body.rows;
  const afterAbk = (await hr.get('/api/abk?by=opd&plan=' + PLAN)).body;
  assert.equal(afterAbk.moves_applied, s.moves);
  const afterBy = new Map(afterAbk.rows.map((r) => [r.unit, r]));
  const changed = beforeRows.filter((r) => afterBy.get(r.unit).bezetting !== r.bezetting);
  assert.ok(changed.length > 0, 'the plan changes the staff of some OPD');
  changed.sort((x, y) => Math.abs(afterBy.get(y.unit).bezetting - y.bezetting) - Math.abs(afterBy.get(x.unit).bezetting - x.bezetting));
  const opd = changed[0];
  await page.locator('#eu-chart summary').filter({ hasText: 'Tampilkan sebagai tabel' }).click();
  const row = page.locator('#eu-table tbody tr').filter({ hasText: name(opd.unit) }).first();
  const cells = await row.locator('td').allTextContents();
  assert.equal(cells[1], await fmt(page, opd.bezetting));
  assert.equal(cells[2], await fmt(page, afterBy.get(opd.unit).bezetting));
  assert.equal(cells[3], await fmt(page, opd.ej, 3));
  assert.equal(cells[4], await fmt(page, afterBy.get(opd.unit).ej, 3));
  assert.equal(await page.locator('#eu-table tbody tr').count(), changed.length);
  await page.getByLabel('Tampilkan hanya OPD yang berubah').uncheck();
  await page.waitForFunction((n) => document.querySelectorAll('#eu-table tbody tr').length === n, beforeRows.length);
  await shot(page, 'plan-page');
  noErrors(errors);
  await page.context().close();
});

test('the move list filters by kind, temporary, origin, destination and name, and opens an explanation', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.locator('#move-count').waitFor();
  const moves = (await hr.get('/api/plans/' + PLAN)).body.moves;
  const directed = moves.filter((m) => m.jenis === 'penugasan');
  const aps = moves.filter((m) => m.jenis === 'aps');
  assert.ok(directed.length > 0 && aps.length > 0, 'a combined plan has both kinds');

  await page.getByLabel('Jenis', { exact: true }).selectOption('penugasan');
  await expectShown(page, directed.length);
  await page.getByLabel('Sementara', { exact: true }).selectOption('ya');
  await expectShown(page, directed.filter((m) => m.sementara_sampai).length);
  await page.getByLabel('Sementara', { exact: true }).selectOption('tidak');
  await expectShown(page, directed.filter((m) => !m.sementara_sampai).length);
  await page.getByLabel('Sementara', { exact: true }).selectOption('');
  await page.getByLabel('Jenis', { exact: true }).selectOption('aps');
  await expectShown(page, aps.length);
  assert.equal(await page.locator('#move-table tbody tr').first().locator('.move-aps').count(), 1);
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  await expectShown(page, moves.length);

  // Origin by a unit's name, destination by an OPD's name.
  const from = name(directed[0].unit_asal);
  await page.getByLabel('Asal (OPD atau unit)').fill(from);
  const wantFrom = moves.filter((m) => placeMatches(m.unit_asal, from));
  await expectShown(page, wantFrom.length);
  assert.ok(wantFrom.length >= 1);
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  const to = name(opdOf(directed[0].unit_tujuan));
  await page.getByLabel('Tujuan (OPD atau unit)').fill(to);
  const wantTo = moves.filter((m) => placeMatches(m.unit_tujuan, to));
  await expectShown(page, wantTo.length);
  assert.ok(wantTo.length >= 1);
  await page.getByRole('button', { name: 'Hapus saringan' }).click();

  // By NIP: one row, whose explanation opens and reads as the API's.
  const m = directed[0];
  await page.getByLabel('Cari nama atau NIP').fill(m.nip);
  await expectShown(page, 1);
  const tr = page.locator('#move-table tbody tr');
  assert.match(await tr.textContent(), new RegExp(m.nama.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.match(await tr.textContent(), new RegExp(name(m.unit_tujuan)));
  assert.equal(await tr.locator('.tag[data-reason]').count(), m.reasons.length);
  const explain = tr.locator('.explain');
  assert.equal(await explain.isVisible(), false);
  // It opens from the keyboard.
  await tr.getByRole('group').locator('summary').focus();
  await page.keyboard.press('Enter');
  await explain.waitFor({ state: 'visible' });
  assert.equal((await explain.textContent()).trim(), m.penjelasan);
  // By part of a name, case-insensitive.
  const part = m.nama.split(' ')[0].toLowerCase();
  await page.getByLabel('Cari nama atau NIP').fill(part);
  await expectShown(page, moves.filter((x) => x.nama.toLowerCase().includes(part) || x.nip.includes(part)).length);
  await shot(page, 'plan-moves-filtered');
  // A filter that matches nothing says so.
  await page.getByLabel('Cari nama atau NIP').fill('tidak-ada-pegawai-ini');
  await expectShown(page, 0);
  await page.getByText('Tidak ada perpindahan yang cocok dengan saringan.').waitFor();
  noErrors(errors);
  await page.context().close();
});

test('bkpsdm runs a second plan with its own settings and compares the two side by side', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + '/#/rencana');
  await page.locator('#plan-list').getByRole('link', { name: PLAN }).waitFor();
  let posted = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/plans')) {
      posted += 1;
    }
  });
  await page.getByLabel('Nama rencana').fill(PLAN);
  await page.getByLabel('Mode perencanaan').selectOption('directed');
  await page.getByLabel('Perpindahan terarah paling banyak').fill('20');
  await page.getByLabel('Bulan paling sedikit di unit sebelum boleh pindah').fill('999');
  await page.getByRole('button', { name: 'Jalankan perencanaan' }).click();
  const alert = page.locator('#run-form [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /sudah dipakai/);
  assert.match(await alert.textContent(), /Bulan paling sedikit di unit sebelum boleh pindah: harus bilangan bulat antara 0 dan 240/);
  assert.equal(posted, 0, 'a refused form sends nothing');
  await page.getByLabel('Nama rencana').fill(PLAN2);
  await page.getByLabel('Bulan paling sedikit di unit sebelum boleh pindah').fill('');
  await page.getByRole('button', { name: 'Jalankan perencanaan' }).click();
  await page.getByRole('heading', { name: 'Rencana Mutasi ' + PLAN2 }).waitFor({ timeout: 60000 });
  const doc2 = (await hr.get('/api/plans/' + PLAN2)).body;
  assert.equal(doc2.plan.mode, 'directed');
  assert.equal(doc2.plan.settings.max_moves, 20);
  assert.equal(doc2.summary.moves, 20);
  assert.equal(doc2.summary.voluntary, 0);
  await page.locator('#move-count').waitFor();
  assert.equal((await shownCount(page)).total, 20);

  await page.goto(srv.url + '/#/rencana');
  await page.locator('#plan-list').getByRole('link', { name: PLAN2 }).waitFor();
  await page.getByLabel('Rencana A').selectOption(PLAN);
  await page.getByLabel('Rencana B').selectOption(PLAN2);
  await page.getByRole('button', { name: 'Bandingkan' }).click();
  await page.getByRole('heading', { name: `Perbandingan ${PLAN} dan ${PLAN2}` }).waitFor();
  assert.match(page.url(), new RegExp(`#/banding/${PLAN}/${PLAN2}$`));
  const cmp = (await hr.get(`/api/plans/${PLAN}/compare/${PLAN2}`)).body;
  await page.locator('#cmp-a dd[data-key="moves"]').waitFor();
  assert.equal(await page.locator('#cmp-a dd[data-key="moves"]').textContent(), await fmt(page, cmp.a.moves));
  assert.equal(await page.locator('#cmp-b dd[data-key="moves"]').textContent(), await fmt(page, 20));
  assert.equal(await page.locator('#cmp-b dd[data-key="kekurangan"]').textContent(), await fmt(page, cmp.b.after.kekurangan));
  assert.equal(await page.locator('#cmp-a dd[data-key="km_total"]').textContent(), await fmt(page, cmp.a.km_total, 2));
  assert.match(await page.locator('#only-a h2').textContent(), new RegExp(`\\(${cmp.hanya_a.length}\\)`));
  assert.match(await page.locator('#only-b h2').textContent(), new RegExp(`\\(${cmp.hanya_b.length}\\)`));
  assert.match(await page.locator('#differ h2').textContent(), new RegExp(`\\(${cmp.berbeda.length}\\)`));
  assert.ok(cmp.hanya_a.length > 0, 'the combined plan has moves the small one lacks');
  assert.equal(await page.locator('#only-a-table tbody tr').count(), Math.min(25, cmp.hanya_a.length));
  const firstOnlyA = cmp.hanya_a[0];
  assert.match(await page.locator('#only-a-table').textContent(), new RegExp(firstOnlyA.nip));
  if (cmp.berbeda.length > 0) {
    const d = cmp.berbeda[0];
    const rowD = page.locator('#differ-table tbody tr').filter({ hasText: d.nip });
    assert.match(await rowD.textContent(), new RegExp(name(d.b.split('/')[0])));
  }
  await shot(page, 'plan-compare');
  noErrors(errors);
  await page.context().close();
});

test('bkpsdm publishes the plan to the employees it moves', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.locator('#decision').getByText('Draf', { exact: true }).waitFor();
  await page.getByText('Rencana belum diterbitkan; pegawai belum dapat menanggapi.').waitFor();
  await page.getByRole('button', { name: 'Terbitkan ke pegawai' }).click();
  await page.locator('#decision').getByText('Diterbitkan ke pegawai', { exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Terbitkan ke pegawai' }).count(), 0);
  const doc = (await hr.get('/api/plans/' + PLAN)).body;
  assert.equal(doc.plan.status, 'diterbitkan');
  assert.equal(await page.locator('#response-counts').textContent(),
    `0 setuju, 0 keberatan, ${await fmt(page, doc.moves.length)} belum menanggapi`);
  // The list shows the new status too.
  await page.goto(srv.url + '/#/rencana');
  const row = page.locator('#plan-list tbody tr').filter({ has: page.getByRole('link', { name: PLAN, exact: true }) });
  await row.getByText('Diterbitkan ke pegawai').waitFor();
  await shot(page, 'plan-published');
  noErrors(errors);
  await page.context().close();
});

test('a moved employee sees the proposal and objects with a note; the answer shows on the plan page', async () => {
  const doc = (await hr.get('/api/plans/' + PLAN)).body;
  const move = doc.moves.find((m) => m.jenis === 'penugasan');
  const out = mutasi(srv.db, 'user', 'add', 'pindahan', '--role', 'pegawai', '--nip', move.nip);
  const [, , password] = out.trim().split(/\s+/);
  Object.assign(mover, { nip: move.nip, login: 'pindahan', password, move });
  const { page, errors } = await openPage(browser);
  // Someone the plan does not move sees no proposal.
  const demoPegawai = await apiSession(srv.url, srv.accounts.pegawai);
  const own = (await demoPegawai.get('/api/proposals')).body.rows;
  await login(page, srv.url, srv.accounts.pegawai);
  await page.goto(srv.url + '/#/usulan');
  await page.getByRole('heading', { name: 'Usulan Mutasi Saya' }).waitFor();
  if (own.length === 0) {
    await page.locator('#no-proposals').waitFor();
  }
  await logout(page);

  await login(page, srv.url, mover);
  await page.getByRole('link', { name: 'Usulan Mutasi Saya' }).click();
  await page.getByRole('heading', { name: 'Usulan Mutasi Saya' }).waitFor();
  const card = page.locator(`#proposal-${PLAN}`);
  await card.getByRole('heading', { name: 'Rencana ' + PLAN }).waitFor();
  await card.getByText('Diterbitkan ke pegawai').waitFor();
  assert.match(await card.locator('[data-field="asal"]').textContent(), new RegExp(name(move.unit_asal)));
  assert.match(await card.locator('[data-field="tujuan"]').textContent(), new RegExp(name(move.unit_tujuan)));
  assert.equal((await card.locator('.explain').textContent()).trim(), move.penjelasan);
  assert.match(await card.textContent(), /Penugasan/);
  assert.match(await card.textContent(), new RegExp(`${(await fmt(page, move.km, 2)).replace('.', '\\.')} km`));
  await card.getByText('Anda belum menanggapi usulan ini.').waitFor();
  await shot(page, 'proposal-before-answer');
  // An objection needs a reason.
  await card.getByRole('button', { name: 'Kirim tanggapan' }).click();
  await card.getByRole('alert').filter({ hasText: 'Pilih setuju atau keberatan.' }).waitFor();
  await card.getByLabel('Keberatan').check();
  await card.getByRole('button', { name: 'Kirim tanggapan' }).click();
  await card.getByRole('alert').filter({ hasText: 'Keberatan wajib disertai alasan' }).waitFor();
  const note = 'Orang tua saya sakit dan tinggal dekat unit sekarang.';
  await card.getByLabel('Catatan').fill(note);
  await card.getByRole('button', { name: 'Kirim tanggapan' }).click();
  await card.locator('[data-answer="keberatan"]').waitFor();
  await card.locator('q.note').filter({ hasText: note }).waitFor();
  await card.getByRole('button', { name: 'Ubah tanggapan' }).waitFor();
  const api = await apiSession(srv.url, mover);
  const rows = (await api.get('/api/proposals')).body.rows;
  assert.equal(rows.length, 1);
  assert.equal(rows[0].name, PLAN);
  assert.equal(rows[0].move.nip, move.nip);
  assert.equal(rows[0].tanggapan, 'keberatan');
  assert.equal(rows[0].catatan, note);
  // It is still there after a reload.
  await page.reload();
  await page.locator(`#proposal-${PLAN} [data-answer="keberatan"]`).waitFor();
  await shot(page, 'proposal-objected');
  await logout(page);

  // BKPSDM sees the answer beside the moves.
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.locator('#response-counts').waitFor();
  assert.equal(await page.locator('#response-counts').textContent(),
    `0 setuju, 1 keberatan, ${await fmt(page, doc.moves.length - 1)} belum menanggapi`);
  const resp = page.locator('#response-table tbody tr');
  assert.equal(await resp.count(), 1);
  assert.match(await resp.textContent(), new RegExp(move.nip));
  assert.match(await resp.textContent(), /Keberatan/);
  assert.match(await resp.textContent(), new RegExp(note));
  await page.getByLabel('Tanggapan', { exact: true }).selectOption('keberatan');
  await expectShown(page, 1);
  const tr = page.locator('#move-table tbody tr');
  assert.match(await tr.textContent(), new RegExp(move.nip));
  await tr.locator('q.note').filter({ hasText: note }).waitFor();
  await shot(page, 'plan-with-response');
  noErrors(errors);
  await page.context().close();
});

test('pimpinan is refused a TMT that is not the 1st of a month in the form', async () => {
  const { page, errors } = await openPage(browser);
  let approves = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/approve')) {
      approves += 1;
    }
  });
  await login(page, srv.url, srv.accounts.pimpinan);
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.locator('#approve-form').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Terbitkan ke pegawai' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Jalankan perencanaan' }).count(), 0);
  await page.getByText('SK tersedia setelah rencana disetujui.').waitFor();
  const tmt = tmtNotSemester().replace(/01$/, '15');
  await page.getByLabel('TMT mutasi').fill(tmt);
  await page.getByRole('button', { name: 'Setujui rencana' }).click();
  const err = page.locator('#pl-tmt-err');
  await err.waitFor();
  assert.equal(await err.textContent(), 'TMT harus tanggal 1 suatu bulan (misalnya 2027-01-01).');
  assert.equal(await page.getByLabel('TMT mutasi').getAttribute('aria-invalid'), 'true');
  assert.equal(approves, 0, 'nothing is sent');
  assert.equal((await hr.get('/api/plans/' + PLAN)).body.plan.status, 'diterbitkan');
  await shot(page, 'plan-approve-wrong-tmt');
  noErrors(errors);
  await page.context().close();
});

test('pimpinan approves with a TMT, sees the warnings and downloads the SK PDF with the NIP', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.pimpinan);
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.locator('#approve-form').waitFor();
  const tmt = tmtNotSemester();
  await page.getByLabel('TMT mutasi').fill(tmt);
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/plans/${PLAN}/approve`));
  await page.getByRole('button', { name: 'Setujui rencana' }).click();
  const res = await answer;
  assert.equal(res.status(), 200);
  const body = await res.json();
  assert.equal(body.status, 'disetujui');
  assert.equal(body.tmt, tmt);
  await page.locator('#decision').getByText('Disetujui', { exact: true }).first().waitFor();
  await page.locator(`#decision [data-sk="${body.sk_nomor}"]`).waitFor();
  // The plan moves teachers and the TMT is no semester start: the
  // server's warning is shown.
  assert.ok(body.warnings.length > 0, 'a warning is expected: ' + JSON.stringify(body));
  const warn = page.locator('#approve-warnings');
  await warn.waitFor();
  for (const w of body.warnings) {
    assert.match(await warn.textContent(), new RegExp(w.replace(/[()]/g, '\\$&')));
  }
  assert.equal(await page.locator('#approve-form').count(), 0);
  await shot(page, 'plan-approved');

  const xlsx = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh daftar perpindahan (XLSX)' }).click();
  const x = await xlsx;
  assert.equal(x.suggestedFilename(), `rencana-${PLAN}.xlsx`);
  assert.equal(readFileSync(await x.path()).subarray(0, 4).toString('binary'), 'PK\x03\x04');

  const sk = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh SK mutasi (PDF)' }).click();
  const dl = await sk;
  assert.equal(dl.suggestedFilename(), `SK-mutasi-${PLAN}.pdf`);
  const path = await dl.path();
  assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
  const text = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' });
  assert.equal(text.status, 0, 'pdftotext (poppler-utils) reads the SK');
  assert.ok(text.stdout.includes(mover.nip), "the decree names the employee's NIP");
  assert.ok(text.stdout.includes(body.sk_nomor));
  noErrors(errors);
  await page.context().close();
});

test('the employee then sees the decided proposal and gets their Petikan', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, mover);
  await page.goto(srv.url + '/#/usulan');
  const card = page.locator(`#proposal-${PLAN}`);
  await card.getByText('Disetujui', { exact: true }).waitFor();
  await card.getByText('Rencana ini sudah diputuskan pimpinan').waitFor();
  assert.equal(await card.getByRole('button', { name: 'Ubah tanggapan' }).count(), 0);
  const dl = page.waitForEvent('download');
  await card.getByRole('link', { name: 'Unduh petikan SK (PDF)' }).click();
  const path = await (await dl).path();
  assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
  const text = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' });
  assert.equal(text.status, 0, 'pdftotext (poppler-utils) reads the Petikan');
  assert.ok(text.stdout.includes('PETIKAN'));
  assert.ok(text.stdout.includes(mover.nip));
  await shot(page, 'proposal-decided');
  noErrors(errors);
  await page.context().close();
});

test('approving the second plan afterwards shows the server\'s refusal: it no longer holds', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.pimpinan);
  await page.goto(srv.url + '/#/rencana/' + PLAN2);
  await page.locator('#approve-form').waitFor();
  await page.getByText('Rencana ini belum diterbitkan').waitFor();
  await page.getByLabel('TMT mutasi').fill(tmtNotSemester());
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/plans/${PLAN2}/approve`));
  await page.getByRole('button', { name: 'Setujui rencana' }).click();
  const res = await answer;
  assert.equal(res.status(), 409);
  const msg = (await res.json()).error.message;
  const refused = page.locator('#approve-refused');
  await refused.waitFor();
  assert.equal(await refused.textContent(), 'Rencana tidak dapat disetujui: ' + msg);
  assert.match(msg, /tidak lagi sesuai/);
  assert.equal((await hr.get('/api/plans/' + PLAN2)).body.plan.status, 'draf');
  await shot(page, 'plan-approve-stale');
  noErrors(errors);
  await page.context().close();
});

test('the plan pages and the proposals read in English with no word missing', async () => {
  const { page, errors } = await openPage(browser);
  const missing = [];
  page.on('console', (m) => {
    if (/i18n: missing key/.test(m.text())) {
      missing.push(m.text());
    }
  });
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
  await page.goto(srv.url + '/#/rencana');
  await page.getByRole('heading', { name: 'Transfer planning' }).waitFor();
  await page.getByRole('heading', { name: 'Run the planner' }).waitFor();
  await page.getByText('Default: 1,000').first().waitFor();
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.getByRole('heading', { name: 'Transfer plan ' + PLAN }).waitFor();
  await page.locator('#move-count').filter({ hasText: 'Showing' }).waitFor();
  await page.getByText('Settings this plan used').click();
  await page.goto(srv.url + `/#/banding/${PLAN}/${PLAN2}`);
  await page.getByRole('heading', { name: `Comparing ${PLAN} and ${PLAN2}` }).waitFor();
  await shot(page, 'plan-compare-en');
  await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
  await logout(page);
  await login(page, srv.url, mover);
  await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
  await page.goto(srv.url + '/#/usulan');
  await page.getByRole('heading', { name: 'My proposed transfers' }).waitFor();
  await page.locator(`#proposal-${PLAN}`).getByText('Approved', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
  await page.getByRole('heading', { name: 'Usulan Mutasi Saya' }).waitFor();
  assert.deepEqual(missing, []);
  noErrors(errors);
  await page.context().close();
});
