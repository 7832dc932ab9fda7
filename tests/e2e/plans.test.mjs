// SPDX-License-Identifier: MIT
// The planner's pages end to end, as one story on one demo database
// whose kepala-released requests are verified first (only those enter a
// plan): BKPSDM runs a combined plan in the browser (moves, the
// before/after chart, filters, an explanation), runs a second one with
// its own settings and compares the two, publishes the first with a
// deadline; an employee it moves objects with a note and BKPSDM sees the
// answer; the head of a receiving OPD objects to a move into it; the TPK
// confirms a refusal that other moves depend on, answers the objections,
// agrees to the rest at once and closes its session; the PPK is refused a
// TMT that is not the 1st, strikes a move and decides with a proper TMT,
// and downloads the decree; the second plan is then stale: refused, and
// returned to BKPSDM.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  apiSession,
  launch,
  login,
  logout,
  mutasi,
  noErrors,
  openPage,
  shot,
  startServer,
  verifyRequests,
} from './lib.mjs';

let srv;
let browser;
let hr; // API session of bkpsdm, for the oracle.
let units; // kode -> unit row.
const PLAN = 'gabungan';
const PLAN2 = 'terarah-20';
const mover = {}; // The employee who answers: nip, login, password, move.
const OPD = '5271.DIKBUD'; // The demo kepala's.
let headMove; // The move into the OPD its head objects to.
let refusal; // The TPK's refusal: {move, deps (NIPs that depend on it)}.
let struck; // The move the PPK strikes.
const ANSWER = 'Penugasan ini mengisi kekurangan guru; orang tua dapat dijenguk dari tempat baru.';

before(async () => {
  srv = await startServer();
  browser = await launch();
  hr = await apiSession(srv.url, srv.accounts.bkpsdm);
  units = new Map((await hr.get('/api/units')).body.rows.map((u) => [u.kode, u]));
  // The demo's requests are submitted; a plan takes the verified ones.
  assert.ok((await verifyRequests(srv)).length > 20, 'the kepala releases many demo requests');
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

// A number as the page writes it (Indonesian: 1.234,567).
const fmt = (page, v, digits = 0) =>
  page.evaluate(
    ([x, d]) =>
      Number(x).toLocaleString('id-ID', {
        minimumFractionDigits: d,
        maximumFractionDigits: d,
      }),
    [v, digits],
  );

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

// Is unit 'kode' in the subtree of 'root'?
function under(kode, root) {
  for (let u = units.get(kode); u; u = u.induk ? units.get(u.induk) : null) {
    if (u.kode === root) {
      return true;
    }
  }
  return false;
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
  // The planner's weights wait under "Pengaturan lanjutan", each with a
  // sentence on what raising it does.
  assert.equal(await page.locator('#set-biaya_pindah').isVisible(), false);
  await page.locator('#settings-more summary').filter({ hasText: 'Pengaturan lanjutan' }).click();
  await page
    .locator('#set-biaya_pindah-hint')
    .filter({ hasText: 'Makin besar' })
    .filter({ hasText: 'Bawaan: 1.000' })
    .waitFor();
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
  assert.match(
    await page.locator('#plan-kpis').textContent(),
    new RegExp(`sebelum ${(await fmt(page, s.before.kekurangan)).replace('.', '\\.')} → sesudah`),
  );
  assert.equal(await page.locator('#move-table tbody tr').count(), Math.min(50, s.moves));
  await page
    .locator('#moves .pager')
    .getByText('/ ' + Math.ceil(s.moves / 50))
    .waitFor();

  // The chart: EU per OPD before (as of the plan date) and after it.
  await page.locator('#eu-chart canvas').waitFor();
  const beforeRows = (await hr.get('/api/abk?by=opd&as_of=' + doc.plan.as_of)).body.rows;
  const afterAbk = (await hr.get('/api/abk?by=opd&plan=' + PLAN)).body;
  assert.equal(afterAbk.moves_applied, s.moves);
  const afterBy = new Map(afterAbk.rows.map((r) => [r.unit, r]));
  const changed = beforeRows.filter((r) => afterBy.get(r.unit).bezetting !== r.bezetting);
  assert.ok(changed.length > 0, 'the plan changes the staff of some OPD');
  changed.sort(
    (x, y) =>
      Math.abs(afterBy.get(y.unit).bezetting - y.bezetting) - Math.abs(afterBy.get(x.unit).bezetting - x.bezetting),
  );
  const opd = changed[0];
  await page.locator('#eu-chart summary').filter({ hasText: 'Tampilkan sebagai tabel' }).click();
  const row = page
    .locator('#eu-table tbody tr')
    .filter({ hasText: name(opd.unit) })
    .first();
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
  assert.match(
    await alert.textContent(),
    /Bulan paling sedikit di unit sebelum boleh pindah: harus bilangan bulat antara 0 dan 240/,
  );
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
  assert.equal(
    await page.locator('#cmp-b dd[data-key="kekurangan"]').textContent(),
    await fmt(page, cmp.b.after.kekurangan),
  );
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

test('bkpsdm publishes the plan to the employees it moves, with a deadline for the answers', async () => {
  const { page, errors } = await openPage(browser);
  let publishes = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/publish')) {
      publishes += 1;
    }
  });
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.locator('#decision').getByText('Draf', { exact: true }).waitFor();
  await page.getByText('Rencana belum diterbitkan; pegawai belum dapat menanggapi.').waitFor();
  // A deadline in the past is refused before anything is sent.
  const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
  await page.getByLabel('Tenggat tanggapan').fill(yesterday);
  await page.getByRole('button', { name: 'Terbitkan ke pegawai' }).click();
  await page
    .locator('#pl-publish-err')
    .filter({ hasText: 'Tenggat harus tanggal (YYYY-MM-DD) dan tidak sebelum hari ini.' })
    .waitFor();
  assert.equal(publishes, 0);
  const due = new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10);
  await page.getByLabel('Tenggat tanggapan').fill(due);
  await page.getByRole('button', { name: 'Terbitkan ke pegawai' }).click();
  await page.locator('#decision').getByText('Diterbitkan ke pegawai', { exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Terbitkan ke pegawai' }).count(), 0);
  const doc = (await hr.get('/api/plans/' + PLAN)).body;
  assert.equal(doc.plan.status, 'diterbitkan');
  assert.equal(doc.plan.tenggat, due);
  await page.locator(`#decision [data-tenggat="${due}"]`).waitFor();
  assert.equal(
    await page.locator('#response-counts').textContent(),
    `0 setuju, 0 keberatan, ${await fmt(page, doc.moves.length)} belum menanggapi`,
  );
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
  // The deadline the plan was published with.
  await card.locator(`[data-tenggat="${doc.plan.tenggat}"]`).filter({ hasText: 'Tanggapi paling lambat' }).waitFor();
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
  assert.equal(
    await page.locator('#response-counts').textContent(),
    `0 setuju, 1 keberatan, ${await fmt(page, doc.moves.length - 1)} belum menanggapi`,
  );
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

test('the head of a receiving OPD opens the plan, sees the moves into and out of it and objects to one', async () => {
  const doc = (await hr.get('/api/plans/' + PLAN)).body;
  headMove = doc.moves.find((m) => under(m.unit_tujuan, OPD) && m.nip !== mover.nip && m.jenis === 'penugasan');
  assert.ok(headMove, 'the plan moves someone into ' + OPD);
  const seen = doc.moves.filter((m) => under(m.unit_tujuan, OPD) || under(m.unit_asal, OPD));
  const leaving = seen.find((m) => !under(m.unit_tujuan, OPD));
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.kepala_unit);
  await page.getByRole('link', { name: 'Rencana Mutasi OPD' }).click();
  await page.getByRole('heading', { name: 'Rencana Mutasi OPD' }).waitFor();
  // The server lists plans to HR only for now: the page says so and
  // opens a plan by its name (and lists them once it may).
  await page
    .locator('#plan-list')
    .or(page.getByText('Daftar rencana tidak dapat dimuat untuk peran Anda.'))
    .first()
    .waitFor();
  await page.getByLabel('Nama rencana').fill(PLAN);
  await page.getByRole('button', { name: 'Buka rencana' }).click();
  await page.getByRole('heading', { name: 'Rencana Mutasi ' + PLAN }).waitFor();
  await page.locator('#decision').getByText('Diterbitkan ke pegawai', { exact: true }).waitFor();
  // Only the moves into and out of the OPD.
  await page.locator('#move-count').waitFor();
  assert.deepEqual(await shownCount(page), { shown: seen.length, total: seen.length });
  if (leaving) {
    await page.getByLabel('Cari nama atau NIP').fill(leaving.nip);
    await expectShown(page, 1);
    await page
      .locator('#move-table tbody tr')
      .getByText('Keluar dari OPD Anda; ditanggapi kepala OPD penerima.')
      .waitFor();
  }
  await page.getByLabel('Cari nama atau NIP').fill(headMove.nip);
  await expectShown(page, 1);
  const tr = page.locator('#move-table tbody tr');
  await tr.getByLabel('Keberatan').check();
  await tr.getByRole('button', { name: `Kirim tanggapan untuk ${headMove.nama}` }).click();
  await tr.getByRole('alert').filter({ hasText: 'Keberatan wajib disertai alasan: isi catatan.' }).waitFor();
  const note = 'Sekolah kami tidak kekurangan guru mata pelajaran ini.';
  await tr.getByLabel(`Catatan untuk ${headMove.nama}`).fill(note);
  await tr.getByRole('button', { name: `Kirim tanggapan untuk ${headMove.nama}` }).click();
  await tr.locator('[data-sent="keberatan"]').waitFor();
  await shot(page, 'plan-head-objected');
  const answers = (await hr.get('/api/plans/' + PLAN)).body.tanggapan_kepala;
  assert.deepEqual(
    answers.map((a) => [a.nip, a.oleh, a.tanggapan, a.catatan]),
    [[headMove.nip, srv.accounts.kepala_unit.login, 'keberatan', note]],
  );
  await logout(page);
  // BKPSDM reads it with the plan.
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  const head = page.locator('#head-answer-table tbody tr');
  await head.first().waitFor();
  assert.equal(await head.count(), 1);
  assert.match(await head.textContent(), new RegExp(note));
  noErrors(errors);
  await page.context().close();
});

test('the TPK confirms a refusal others depend on, answers the objections, agrees to the rest at once and closes', async () => {
  // A move whose refusal takes others along (a swap or a chain of own
  // requests): asked of the server, which records nothing while it
  // waits for the confirmation; a refusal that takes nothing along is
  // put back to setuju at once.
  const tpk = await apiSession(srv.url, srv.accounts.tpk);
  const doc = (await hr.get('/api/plans/' + PLAN)).body;
  const keep = [mover.nip, headMove.nip];
  for (const m of doc.moves.filter((x) => x.jenis === 'aps' && !keep.includes(x.nip))) {
    const r = await tpk.post(`/api/plans/${PLAN}/consider`, {
      moves: [{ nip: m.nip, keputusan: 'tolak', catatan: 'uji' }],
    });
    if (r.status === 409 && !r.body.error.nips.some((n) => keep.includes(n))) {
      refusal = { move: m, deps: r.body.error.nips };
      break;
    }
    if (r.status === 200) {
      assert.equal(
        (await tpk.post(`/api/plans/${PLAN}/consider`, { moves: [{ nip: m.nip, keputusan: 'setuju' }] })).status,
        200,
      );
    }
  }
  assert.ok(refusal, 'the combined plan has a move others depend on');
  // The moves whose refusal took nothing along are setuju now.
  const cur = (await hr.get('/api/plans/' + PLAN)).body;

  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.tpk);
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.locator('#tpk-session').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Terbitkan ke pegawai' }).count(), 0);
  assert.equal(await page.locator('#approve-form').count(), 0);
  // Closing too early names what is missing (422 with the moves).
  const early = page.waitForResponse((r) => r.url().endsWith(`/api/plans/${PLAN}/consider`));
  await page.getByRole('button', { name: 'Tutup sidang' }).click();
  const res = await early;
  assert.equal(res.status(), 422);
  const { nips } = (await res.json()).error;
  const undecided = cur.moves.filter((x) => !x.keputusan_tpk).map((x) => x.nip);
  assert.deepEqual([...nips].sort(), [...new Set([...undecided, ...keep])].sort());
  const refused = page.locator('#tpk-close-refused');
  await refused.waitFor();
  assert.match(
    await refused.textContent(),
    new RegExp(
      `Sidang belum dapat ditutup: ${undecided.length} perpindahan belum diputuskan dan 2 keberatan belum dijawab`,
    ),
  );
  assert.equal(await refused.locator('li[data-nip]').count(), Math.min(20, nips.length));
  await refused.getByRole('button', { name: 'Tampilkan perpindahan ini saja di daftar' }).click();
  await page.locator('#move-only').waitFor();
  await expectShown(page, nips.length);
  await page.locator('#move-only').getByRole('button', { name: 'Tampilkan semua' }).click();
  await expectShown(page, doc.moves.length);

  // The refusal needs a note; with one, the moves that depend on it are
  // shown to confirm.
  const m = refusal.move;
  await page.getByLabel('Cari nama atau NIP').fill(m.nip);
  await expectShown(page, 1);
  const tr = page.locator('#move-table tbody tr');
  await tr.getByRole('button', { name: `Tolak: ${m.nama}` }).click();
  await tr.getByRole('alert').filter({ hasText: 'Penolakan wajib disertai catatan.' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), `tpk-${m.nip}-catatan`);
  await tr.getByLabel(`Catatan TPK untuk ${m.nama}`).fill('Pertukaran ini belum disepakati kedua unit.');
  await tr.getByRole('button', { name: `Tolak: ${m.nama}` }).click();
  const confirm = page.locator('#tpk-confirm');
  await confirm.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tpk-confirm');
  assert.deepEqual(
    await confirm.locator('li[data-nip]').evaluateAll((xs) => xs.map((x) => x.dataset.nip)),
    refusal.deps.slice(0, 20),
  );
  await shot(page, 'plan-tpk-confirm');
  assert.equal(
    (await hr.get('/api/plans/' + PLAN)).body.moves.find((x) => x.nip === m.nip).keputusan_tpk,
    cur.moves.find((x) => x.nip === m.nip).keputusan_tpk,
    'nothing is recorded before the confirmation',
  );
  await confirm.getByRole('button', { name: 'Tolak juga perpindahan tersebut' }).click();
  await confirm.waitFor({ state: 'detached' });
  await tr.locator('[data-tpk="tolak"]').waitFor();
  let now = (await hr.get('/api/plans/' + PLAN)).body;
  const byNip = new Map(now.moves.map((x) => [x.nip, x]));
  assert.equal(byNip.get(m.nip).keputusan_tpk, 'tolak');
  assert.equal(byNip.get(m.nip).catatan_tpk, 'Pertukaran ini belum disepakati kedua unit.');
  for (const n of refusal.deps) {
    assert.equal(byNip.get(n).keputusan_tpk, 'tolak', n + ' is refused along');
    assert.match(byNip.get(n).catatan_tpk, /bergantung/);
  }

  // Each objection is answered (both agreed, with the answer).
  await page.getByLabel('Cari nama atau NIP').fill('');
  await page.getByLabel('Keberatan dan keputusan').selectOption('belum_dijawab');
  await expectShown(page, 2);
  for (const x of [mover.move, headMove]) {
    const row = page.locator('#move-table tbody tr').filter({ hasText: x.nip });
    await row.getByLabel(`Jawaban atas keberatan untuk ${x.nama}`).fill(ANSWER);
    await row.getByRole('button', { name: `Setuju: ${x.nama}` }).click();
    await row.waitFor({ state: 'detached' });
  }
  await expectShown(page, 0);
  await page.getByLabel('Keberatan dan keputusan').selectOption('');

  // The rest without objection at once.
  now = (await hr.get('/api/plans/' + PLAN)).body;
  const open = now.moves.filter((x) => !x.keputusan_tpk).length;
  assert.ok(open > 10, 'many moves are left to decide');
  await page.getByRole('button', { name: `Setujui semua yang tidak berkeberatan (${open})` }).click();
  await page.locator(`#tpk-progress[data-decided="${now.moves.length}"][data-unanswered="0"]`).waitFor();
  await shot(page, 'plan-tpk-decided');
  await page.getByRole('button', { name: 'Tutup sidang' }).click();
  await page.locator('#decision').getByText('Dipertimbangkan TPK', { exact: true }).first().waitFor();
  now = (await hr.get('/api/plans/' + PLAN)).body;
  assert.equal(now.plan.status, 'dipertimbangkan');
  assert.ok(now.plan.ba_nomor);
  await page.locator(`#decision [data-ba="${now.plan.ba_nomor}"]`).waitFor();
  assert.equal(await page.locator('#tpk-session').count(), 0);
  assert.equal(now.moves.find((x) => x.nip === mover.nip).jawaban_tpk, ANSWER);
  assert.equal(now.moves.find((x) => x.nip === mover.nip).keputusan_tpk, 'setuju');
  assert.ok(now.moves.every((x) => x.keputusan_tpk));
  noErrors(errors);
  await page.context().close();
});

test('the PPK is refused a TMT that is not the 1st of a month in the form', async () => {
  const { page, errors } = await openPage(browser);
  let approves = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/approve')) {
      approves += 1;
    }
  });
  await login(page, srv.url, srv.accounts.ppk);
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.locator('#approve-form').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Terbitkan ke pegawai' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Jalankan perencanaan' }).count(), 0);
  assert.equal(await page.locator('#tpk-session').count(), 0);
  await page.getByText('SK tersedia setelah rencana ditetapkan PPK.').waitFor();
  const tmt = tmtNotSemester().replace(/01$/, '15');
  await page.getByLabel('TMT mutasi').fill(tmt);
  await page.getByRole('button', { name: 'Tetapkan rencana' }).click();
  const err = page.locator('#pl-tmt-err');
  await err.waitFor();
  assert.equal(await err.textContent(), 'TMT harus tanggal 1 suatu bulan (misalnya 2027-01-01).');
  assert.equal(await page.getByLabel('TMT mutasi').getAttribute('aria-invalid'), 'true');
  assert.equal(approves, 0, 'nothing is sent');
  assert.equal((await hr.get('/api/plans/' + PLAN)).body.plan.status, 'dipertimbangkan');
  await shot(page, 'plan-approve-wrong-tmt');
  noErrors(errors);
  await page.context().close();
});

test('the PPK strikes a move with a reason, decides with a TMT, sees the warnings and downloads the SK PDF with the NIP', async () => {
  // A permanent assignment that no other move of the plan meets at either
  // end: striking it takes nothing along.
  const doc = (await hr.get('/api/plans/' + PLAN)).body;
  const ends = (m) => [m.unit_asal + '/' + m.jabatan_asal, m.unit_tujuan + '/' + m.jabatan_tujuan];
  const count = new Map();
  for (const m of doc.moves) {
    for (const e of ends(m)) {
      count.set(e, (count.get(e) || 0) + 1);
    }
  }
  struck = doc.moves.find(
    (m) =>
      m.jenis === 'penugasan' &&
      !m.sementara_sampai &&
      m.keputusan_tpk === 'setuju' &&
      ![mover.nip, headMove.nip].includes(m.nip) &&
      ends(m).every((e) => count.get(e) === 1),
  );
  assert.ok(struck, 'a move to strike');
  const reason = 'Pegawai sedang menjalani pemeriksaan disiplin.';
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.ppk);
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.locator('#approve-form').waitFor();
  await page.getByLabel('Cari nama atau NIP').fill(struck.nip);
  await expectShown(page, 1);
  const tr = page.locator('#move-table tbody tr');
  await tr.getByRole('button', { name: `Coret: ${struck.nama}` }).click();
  const why = tr.getByLabel(`Alasan coret untuk ${struck.nama}`);
  await why.waitFor();
  await page.locator('#approve-form').getByText('Dicoret (1)').waitFor();
  const tmt = tmtNotSemester();
  await page.getByLabel('TMT mutasi').fill(tmt);
  // A strike needs its reason.
  await page.getByRole('button', { name: 'Tetapkan rencana' }).click();
  await page
    .locator('#pl-tmt-err')
    .filter({ hasText: 'Tulis alasan untuk setiap perpindahan yang dicoret.' })
    .waitFor();
  await why.fill(reason);
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/plans/${PLAN}/approve`));
  await page.getByRole('button', { name: 'Tetapkan rencana' }).click();
  const res = await answer;
  assert.equal(res.status(), 200);
  assert.deepEqual(JSON.parse(res.request().postData()).strike, [{ nip: struck.nip, alasan: reason }]);
  const body = await res.json();
  assert.equal(body.status, 'ditetapkan');
  assert.equal(body.tmt, tmt);
  await page.locator('#decision').getByText('Ditetapkan', { exact: true }).first().waitFor();
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
  const decided = new Map((await hr.get('/api/plans/' + PLAN)).body.moves.map((m) => [m.nip, m]));
  assert.equal(decided.get(struck.nip).keputusan_ppk, 'coret');
  assert.equal(decided.get(struck.nip).alasan_ppk, reason);
  assert.equal(decided.get(mover.nip).keputusan_ppk, 'setuju');
  assert.equal(decided.get(refusal.move.nip).keputusan_ppk, null, "a move the TPK refused is not the PPK's");
  await page.getByLabel('Cari nama atau NIP').fill(struck.nip);
  await tr.locator('[data-ppk="coret"]').waitFor();
  await shot(page, 'plan-approved');

  const xlsx = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh daftar perpindahan (XLSX)' }).click();
  const x = await xlsx;
  assert.equal(x.suggestedFilename(), `rencana-${PLAN}.xlsx`);
  assert.equal(
    readFileSync(await x.path())
      .subarray(0, 4)
      .toString('binary'),
    'PK\x03\x04',
  );

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
  assert.ok(!text.stdout.includes(struck.nip), 'the struck move is not decreed');
  assert.ok(!text.stdout.includes(refusal.move.nip), 'nor the one the TPK refused');
  noErrors(errors);
  await page.context().close();
});

test("the employee then sees the decision with the TPK's answer to the objection, and gets their Petikan", async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, mover);
  await page.goto(srv.url + '/#/usulan');
  const card = page.locator(`#proposal-${PLAN}`);
  await card.getByText('Ditetapkan', { exact: true }).first().waitFor();
  await card.getByText('Rencana ini sudah ditetapkan PPK').waitFor();
  assert.equal(await card.getByRole('button', { name: 'Ubah tanggapan' }).count(), 0);
  const facts = card.locator(`#decision-${PLAN}`);
  await facts.locator('[data-tpk="setuju"]').filter({ hasText: 'Disetujui TPK' }).waitFor();
  assert.equal(await facts.locator('[data-field="jawaban"]').textContent(), ANSWER);
  await facts.locator('[data-ppk="setuju"]').filter({ hasText: 'Ditetapkan' }).waitFor();
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

test("deciding the second plan afterwards shows the server's refusal: it no longer holds; the PPK returns it", async () => {
  // The second plan goes through publishing and the TPK's session (the
  // browser part of those steps is above).
  const tpk = await apiSession(srv.url, srv.accounts.tpk);
  assert.equal((await hr.post(`/api/plans/${PLAN2}/publish`)).status, 200);
  const moves = (await hr.get('/api/plans/' + PLAN2)).body.moves;
  const closed = await tpk.post(`/api/plans/${PLAN2}/consider`, {
    moves: moves.map((m) => ({ nip: m.nip, keputusan: 'setuju' })),
    close: true,
  });
  assert.equal(closed.status, 200, JSON.stringify(closed.body));
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.ppk);
  await page.goto(srv.url + '/#/rencana/' + PLAN2);
  await page.locator('#approve-form').waitFor();
  await page.getByLabel('TMT mutasi').fill(tmtNotSemester());
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/plans/${PLAN2}/approve`));
  await page.getByRole('button', { name: 'Tetapkan rencana' }).click();
  const res = await answer;
  assert.equal(res.status(), 409);
  const error = (await res.json()).error;
  const refused = page.locator('#approve-refused');
  await refused.waitFor();
  assert.equal(await refused.textContent(), 'Rencana tidak dapat ditetapkan: ' + error.message);
  assert.match(error.message, /putuskan ulang atau buat rencana baru/);
  // The moves at fault are named, to strike or to return the plan.
  const concerned = page.locator('#approve-concerned');
  assert.equal(await concerned.locator('li[data-nip]').count(), Math.min(20, error.nips.length));
  await concerned.getByRole('button', { name: 'Coret perpindahan tersebut' }).waitFor();
  assert.equal((await hr.get('/api/plans/' + PLAN2)).body.plan.status, 'dipertimbangkan');
  await shot(page, 'plan-approve-stale');
  // Returning needs a note.
  await page.getByRole('button', { name: 'Kembalikan rencana' }).click();
  await page.locator('#pl-return-err').filter({ hasText: 'Tulis catatan pengembalian.' }).waitFor();
  const note = 'Data pegawai sudah berubah karena rencana gabungan; jalankan ulang.';
  await page.getByLabel('Catatan pengembalian').fill(note);
  await page.getByRole('button', { name: 'Kembalikan rencana' }).click();
  await page.locator('#decision').getByText('Dikembalikan ke BKPSDM', { exact: true }).first().waitFor();
  const back = (await hr.get('/api/plans/' + PLAN2)).body.plan;
  assert.equal(back.status, 'dikembalikan');
  assert.equal(back.catatan_kembali, note);
  await page
    .locator('#decision')
    .getByText('Dikembalikan PPK kepada BKPSDM: ' + note)
    .waitFor();
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
  await page.locator('#settings-more summary').filter({ hasText: 'Advanced settings' }).click();
  await page
    .locator('#set-biaya_pindah-hint')
    .filter({ hasText: 'The higher, the fewer assignments' })
    .filter({ hasText: 'Default: 1,000' })
    .waitFor();
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.getByRole('heading', { name: 'Transfer plan ' + PLAN }).waitFor();
  await page.locator('#move-count').filter({ hasText: 'Showing' }).waitFor();
  await page.getByRole('link', { name: 'Minutes (PDF)' }).waitFor();
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
  await page.locator(`#proposal-${PLAN}`).getByText('Decided', { exact: true }).first().waitFor();
  await page.locator(`#proposal-${PLAN}`).getByText("The TPK's answer to your objection").waitFor();
  await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
  await logout(page);
  // The head's and the PPK's pages too.
  await login(page, srv.url, srv.accounts.kepala_unit);
  await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.getByRole('heading', { name: 'Transfer plan ' + PLAN }).waitFor();
  await page.locator('#move-table').getByText('The plan no longer takes answers.').first().waitFor();
  await page.goto(srv.url + '/#/rencana');
  await page.getByRole('heading', { name: 'Transfer plans for my agency' }).waitFor();
  await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
  await logout(page);
  await login(page, srv.url, srv.accounts.ppk);
  await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
  await page.goto(srv.url + '/#/rencana/' + PLAN2);
  await page.getByText('Returned by the PPK to BKPSDM:', { exact: false }).waitFor();
  await page.goto(srv.url + '/#/rencana/' + PLAN);
  await page.getByLabel('Search name or NIP').fill(struck.nip);
  await page.locator('#move-table [data-ppk="coret"]').getByText('PPK: struck').waitFor();
  await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
  await page.getByRole('heading', { name: 'Rencana Mutasi ' + PLAN }).waitFor();
  assert.deepEqual(missing, []);
  noErrors(errors);
  await page.context().close();
});
