// SPDX-License-Identifier: MIT
// End-to-end: the transfer request workflow in the browser. A teacher of
// a school under 5271.DIKBUD (the demo kepala's OPD) files a request for
// two other schools of the same OPD, uploads the mandatory PDF and
// submits it; the kepala finds it in the inbox and approves releasing it;
// BKPSDM, refused while the document is not reviewed, reviews it and
// verifies; the kepala approves receiving; the TPK may act next, and the
// kepala and the PPK, who may not, see no buttons. Refusals need a note,
// a stale page gets the server's 409 message, and the inbox filters work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { apiSession, BIN, launch, login, noErrors, openPage, PDF, shot, startServer } from './lib.mjs';

let srv;
let browser;
let bk; // A bkpsdm API session.
const guru = { login: 'guru_e2e', password: 'sandi-guru-e2e-1' };
let emp; // The teacher's employee record.
let choices; // Two units (objects from /api/units) under 5271.DIKBUD.
let reqId; // The request the teacher files.
const OPD = '5271.DIKBUD';

const ENDED = ['selesai', 'ditolak', 'dibatalkan'];
const STATUS_WORD = {
  draf: 'Draf',
  diajukan: 'Diajukan',
  disetujui_asal: 'Disetujui unit asal',
  disetujui_tujuan: 'Disetujui unit tujuan',
  diverifikasi: 'Diverifikasi BKPSDM',
  dipertimbangkan: 'Dipertimbangkan TPK',
  ditetapkan: 'Ditetapkan',
  selesai: 'Selesai',
  ditolak: 'Ditolak',
  dibatalkan: 'Dibatalkan',
};

before(async () => {
  srv = await startServer();
  browser = await launch();
  bk = await apiSession(srv.url, srv.accounts.bkpsdm);
  // Units: schools directly under the OPD.
  const units = (await bk.get('/api/units')).body.rows;
  const schools = units.filter((u) => u.induk === OPD && u.jenis === 'sekolah');
  assert.ok(schools.length >= 3, 'the demo has schools under ' + OPD);
  // Who already has an open request may not file another.
  const open = new Set(
    (await bk.get('/api/requests')).body.rows.filter((r) => !ENDED.includes(r.status)).map((r) => r.nip),
  );
  const staff = (await bk.get('/api/employees?unit=' + OPD)).body.rows;
  emp = staff.find((e) => e.status === 'PNS' && !open.has(e.nip) && schools.some((s) => s.kode === e.unit));
  assert.ok(emp, 'a PNS teacher of a school under ' + OPD + ' without an open request');
  choices = schools.filter((s) => s.kode !== emp.unit).slice(0, 2);
  const r = spawnSync(BIN, ['--db', srv.db, 'user', 'add', guru.login, '--role', 'pegawai', '--nip', emp.nip], {
    input: guru.password + '\n',
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  assert.equal(r.status, 0, r.stderr);
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

// A page that also fails on strings missing from the dictionary.
async function open() {
  const o = await openPage(browser);
  o.page.on('console', (m) => {
    if (/i18n: missing key/.test(m.text())) {
      o.errors.push('console: ' + m.text());
    }
  });
  return o;
}

const statusCell = (page) => page.locator('dl.facts dd .status');

test('pegawai with an open request: the list shows it and a second request gets the server message (409)', async () => {
  const { page, context, errors } = await open();
  // The demo's pegawai starts without a request (they are the README
  // walkthrough's applicant): they save one as a draft first.
  const mine = await apiSession(srv.url, srv.accounts.pegawai);
  const me = mine.me;
  const myUnit = (await bk.get('/api/employees/' + me.nip)).body.unit;
  const other = (await bk.get('/api/units')).body.rows.find((u) => u.jenis === 'sekolah' && u.kode !== myUnit);
  const draft = await mine.post('/api/requests', { pilihan: [other.kode], alasan: 'lainnya' });
  assert.equal(draft.status, 201);
  await login(page, srv.url, srv.accounts.pegawai);
  // The home page of a pegawai is their requests.
  await page.getByRole('heading', { name: 'Permohonan Mutasi Saya' }).waitFor();
  const own = (await mine.get('/api/requests')).body.rows.filter((r) => r.nip === me.nip);
  assert.ok(own.length >= 1, 'the demo pegawai has a request');
  const rows = page.locator('section[aria-labelledby="rq-list-h"] tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), own.length);
  for (const r of own) {
    const row = rows.filter({ has: page.getByRole('link', { name: '#' + r.id, exact: true }) });
    assert.equal(await row.locator('.status').textContent(), STATUS_WORD[r.status]);
  }
  await page.getByText('Anda masih memiliki permohonan yang belum selesai').waitFor();
  // The form refuses a unit that does not exist before asking the server.
  await page.getByLabel('Pilihan 1', { exact: true }).fill('Unit Khayalan');
  await page.getByLabel('Alasan', { exact: true }).selectOption('lainnya');
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await page.getByRole('alert').filter({ hasText: 'Unit "Unit Khayalan" tidak dikenal' }).waitFor();
  // A real unit: the server refuses, and its message is shown.
  await page.getByLabel('Pilihan 1', { exact: true }).fill('Dinas Kesehatan');
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await page.getByRole('alert').filter({ hasText: 'Anda sudah memiliki permohonan yang terbuka.' }).waitFor();
  await shot(page, 'requests-my-open-409');
  noErrors(errors);
  await context.close();
});

test('pegawai files a request with two ranked choices and lands on its page as a draft', async () => {
  const { page, context, errors } = await open();
  await login(page, srv.url, guru);
  await page.goto(srv.url + '/#/permohonan-saya');
  await page.getByText('Anda belum pernah mengajukan permohonan mutasi.').waitFor();
  // The own unit is not a valid choice.
  const ownName = (await bk.get('/api/units/' + emp.unit)).body.nama;
  await page.getByText('Unit kerja Anda sekarang: ' + ownName).waitFor();
  await page.getByLabel('Pilihan 1', { exact: true }).fill(ownName);
  await page.getByLabel('Alasan', { exact: true }).selectOption('dekat_domisili');
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await page.getByRole('alert').filter({ hasText: 'Unit kerja Anda sendiri tidak dapat dipilih.' }).waitFor();
  // Two choices, entered in reverse and reordered with the move-up button.
  await page.getByLabel('Pilihan 1', { exact: true }).fill(choices[1].nama);
  await page.getByRole('button', { name: 'Tambah pilihan' }).click();
  await page.getByLabel('Pilihan 2', { exact: true }).fill(choices[0].nama);
  await page.getByRole('button', { name: 'Naikkan pilihan 2' }).click();
  assert.equal(await page.getByLabel('Pilihan 1', { exact: true }).inputValue(), choices[0].nama);
  assert.equal(await page.getByLabel('Pilihan 2', { exact: true }).inputValue(), choices[1].nama);
  await page.getByLabel('Keterangan', { exact: true }).fill('Lebih dekat dengan tempat tinggal keluarga');
  await shot(page, 'requests-new-form');
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await page.waitForURL(/#\/permohonan\/\d+$/);
  reqId = Number(/permohonan\/(\d+)$/.exec(page.url())[1]);
  await page.getByRole('heading', { name: `Permohonan Mutasi #${reqId}` }).waitFor();
  const facts = page.locator('dl.facts');
  await facts.getByText(emp.nama, { exact: true }).waitFor();
  assert.equal(await facts.getByRole('link', { name: emp.nip }).getAttribute('href'), '#/pegawai/' + emp.nip);
  assert.deepEqual(await facts.locator('ol.choice-names li').allTextContents(), [choices[0].nama, choices[1].nama]);
  assert.equal(await facts.getByRole('link', { name: ownName }).count(), 1);
  await facts.getByText('Dekat domisili').waitFor();
  await facts.getByText('Lebih dekat dengan tempat tinggal keluarga').waitFor();
  assert.equal(await statusCell(page).textContent(), 'Draf');
  // The server agrees.
  const r = (await bk.get('/api/requests/' + reqId)).body;
  assert.deepEqual(r.pilihan, [choices[0].kode, choices[1].kode]);
  assert.equal(r.status, 'draf');
  assert.equal(r.alasan, 'dekat_domisili');
  // The checklist: the letter is required (the setting dokumen_wajib);
  // for "dekat domisili" no evidence is; the payroll unit stays the same
  // (same OPD), so no SKPP either; the rest support the request.
  const row = (name) => page.locator('#rq-doc-table tbody tr', { hasText: name });
  await row('Surat permohonan pegawai').getByText('Wajib', { exact: true }).waitFor();
  await row('Bukti alasan').getByText('Tidak wajib untuk alasan ini').waitFor();
  await row('SKPP').getByText('Tidak wajib: unit pembayar gaji tetap').waitFor();
  await row('SKP dua tahun terakhir').getByText('Pendukung (tidak wajib untuk diajukan)').waitFor();
  await row('Surat permohonan pegawai').getByText('Belum diunggah').waitFor();
  await page.getByText('1 dokumen wajib belum diunggah.').waitFor();
  // The draft is in the own list.
  await page.goto(srv.url + '/#/permohonan-saya');
  const link = page.getByRole('link', { name: '#' + reqId });
  await link.waitFor();
  const listRow = page.locator('tbody tr', { has: link });
  await listRow.getByText('Draf', { exact: true }).waitFor();
  await listRow.getByText(choices[0].nama).waitFor();
  await shot(page, 'requests-my-list');
  noErrors(errors);
  await context.close();
});

test('pegawai is refused submitting without the letter, uploads the PDF, submits (ajukan) and sees the timeline', async () => {
  const { page, context, errors } = await open();
  await login(page, srv.url, guru);
  await page.goto(srv.url + `/#/permohonan/${reqId}`);
  await page.getByRole('heading', { name: `Permohonan Mutasi #${reqId}` }).waitFor();
  // Without the mandatory letter the server names what is missing (422).
  await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Dokumen wajib belum diunggah: surat_permohonan.' }).waitFor();
  assert.equal(await statusCell(page).textContent(), 'Draf');
  // Nothing chosen: the form says so.
  await page.getByRole('button', { name: 'Unggah', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Pilih berkas PDF terlebih dahulu.' }).waitFor();
  await page.getByLabel('Jenis dokumen').selectOption('surat_permohonan');
  await page
    .getByLabel('Berkas PDF')
    .setInputFiles({ name: 'surat-permohonan.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Unggah', exact: true }).click();
  const row = page.locator('#rq-doc-table tbody tr', { hasText: 'Surat permohonan pegawai' });
  const file = row.getByRole('link', { name: 'Unduh surat-permohonan.pdf' });
  await file.waitFor();
  await row.getByText('Belum diperiksa').waitFor();
  await page.getByText('Semua dokumen wajib sudah diunggah.').waitFor();
  // The link serves the very file.
  const got = await page.request.get(srv.url + (await file.getAttribute('href')));
  assert.equal(got.status(), 200);
  assert.equal(got.headers()['content-type'], 'application/pdf');
  assert.deepEqual(Buffer.from(await got.body()), PDF);
  // Submit; the status moves and the timeline tells who did it.
  await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
  await statusCell(page).getByText('Diajukan', { exact: true }).waitFor();
  const steps = page.locator('ol.timeline li');
  await steps
    .filter({ hasText: 'Ajukan' })
    .filter({ hasText: 'Diajukan' })
    .filter({ hasText: 'oleh ' + guru.login })
    .waitFor();
  // Now the employee may only withdraw, which needs a note.
  assert.equal(await page.getByRole('button', { name: 'Ajukan', exact: true }).count(), 0);
  await page.getByRole('button', { name: 'Batalkan', exact: true }).waitFor();
  await shot(page, 'requests-submitted');
  noErrors(errors);
  await context.close();
});

test('kepala finds the request in the inbox, the filters work, and approves releasing it (setujui_asal)', async () => {
  const { page, context, errors } = await open();
  await login(page, srv.url, srv.accounts.kepala_unit);
  await page.goto(srv.url + '/#/kotak-masuk');
  await page.getByRole('heading', { name: 'Kotak Masuk Permohonan' }).waitFor();
  const waiting = page.locator('#inbox-waiting-table tbody tr');
  const others = page.locator('#inbox-others-table tbody tr');
  const mine = waiting.filter({ hasText: emp.nip });
  // The waiting list is oldest first and paged: many demo requests wait
  // for this kepala too. The server's own count is in the heading.
  const all = (await (await apiSession(srv.url, srv.accounts.kepala_unit)).get('/api/requests')).body.rows;
  const nWaiting = all.filter((r) => r.actions.length > 0).length;
  assert.ok(all.find((r) => r.id === reqId).actions.includes('setujui_asal'));
  await page.getByRole('heading', { name: `Menunggu tindakan Anda (${nWaiting})` }).waitFor();
  await page.getByRole('heading', { name: `Permohonan lainnya (${all.length - nWaiting})` }).waitFor();
  await shot(page, 'requests-inbox');
  // Filter by NIP: only this request is left, in either table.
  await page.getByLabel('Cari nama atau NIP').fill(emp.nip);
  await page.getByText(`Menampilkan 1 dari ${all.length} permohonan.`).waitFor();
  await mine.waitFor();
  assert.equal(await waiting.count(), 1);
  await page.getByText('Tidak ada permohonan lain yang cocok.').waitFor();
  // The row carries the employee, both units, the reason and the status.
  await mine.getByRole('link', { name: new RegExp(emp.nama.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
  const ownName = (await bk.get('/api/units/' + emp.unit)).body.nama;
  for (const text of [ownName, choices[0].nama, 'Dekat domisili', 'Diajukan']) {
    await mine.getByText(text, { exact: true }).waitFor();
  }
  // Only forward steps are quick buttons; refusal goes via the page.
  await mine.getByRole('button', { name: `Setujui melepas (unit asal): ${emp.nama}` }).waitFor();
  assert.equal(await mine.getByRole('button', { name: /Tolak/ }).count(), 0);
  // By (part of) the name, in capitals: the search ignores case.
  const part = emp.nama.split(' ').slice(0, 2).join(' ').replace(/,$/, '');
  await page.getByLabel('Cari nama atau NIP').fill(part.toUpperCase());
  await mine.waitFor();
  for (const name of await page.locator('tbody tr td:first-child').allTextContents()) {
    assert.ok(name.toLowerCase().includes(part.toLowerCase()), `${name} matches ${part}`);
  }
  // By status alone: every row shown has it.
  await page.getByLabel('Cari nama atau NIP').fill('');
  await page.getByLabel('Status', { exact: true }).selectOption('diajukan');
  const nSubmitted = all.filter((r) => r.status === 'diajukan').length;
  await page.getByText(`Menampilkan ${nSubmitted} dari ${all.length} permohonan.`).waitFor();
  const shown = await page.locator('tbody tr .status').allTextContents();
  assert.ok(shown.length > 0 && shown.every((x) => x === 'Diajukan'), shown.join());
  // Status and NIP together: only a matching status keeps the request.
  await page.getByLabel('Status', { exact: true }).selectOption('draf');
  await page.getByLabel('Cari nama atau NIP').fill(emp.nip);
  await page.getByText(`Menampilkan 0 dari ${all.length} permohonan.`).waitFor();
  assert.equal((await waiting.count()) + (await others.count()), 0);
  await page.getByLabel('Status', { exact: true }).selectOption('diajukan');
  await mine.waitFor();
  await shot(page, 'requests-inbox-filtered');

  // Approve from the row: the request now waits for BKPSDM's check, so
  // it leaves the kepala's waiting list.
  await page.getByLabel('Status', { exact: true }).selectOption('');
  await mine.getByRole('button', { name: `Setujui melepas (unit asal): ${emp.nama}` }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Permohonan #${reqId}: Setujui melepas (unit asal).` })
    .waitFor();
  const other = others.filter({ hasText: emp.nip });
  await other.getByText('Disetujui unit asal', { exact: true }).waitFor();
  assert.equal(await waiting.count(), 0);
  assert.equal((await bk.get('/api/requests/' + reqId)).body.status, 'disetujui_asal');
  await shot(page, 'requests-kepala-released');
  noErrors(errors);
  await context.close();
});

test('refusing without a catatan shows an error; with one the request is refused', async () => {
  const kepala = await apiSession(srv.url, srv.accounts.kepala_unit);
  const target = (await kepala.get('/api/requests')).body.rows.find(
    (r) => r.id !== reqId && (r.actions || []).includes('tolak'),
  );
  assert.ok(target, 'a demo request the kepala may refuse');
  const { page, context, errors } = await open();
  await login(page, srv.url, srv.accounts.kepala_unit);
  await page.goto(srv.url + `/#/permohonan/${target.id}`);
  await page.locator('dl.facts').getByText(target.nama, { exact: true }).waitFor();
  const before = (await kepala.get('/api/requests/' + target.id)).body.version;
  await page.getByRole('button', { name: 'Tolak', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'penolakan dan pembatalan wajib disertai alasan' }).waitFor();
  // The note field gets the focus and says it is invalid.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'rq-catatan');
  assert.equal(await page.getByLabel('Catatan', { exact: true }).getAttribute('aria-invalid'), 'true');
  // Nothing was sent.
  assert.equal((await kepala.get('/api/requests/' + target.id)).body.version, before);
  assert.equal(await statusCell(page).textContent(), 'Diajukan');
  await shot(page, 'requests-refuse-no-note');
  // By keyboard: type the note, tab past the approval to the refusal.
  await page.keyboard.type('Unit asal kekurangan guru kelas');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Setujui melepas (unit asal)');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Tolak');
  await page.keyboard.press('Enter');
  await statusCell(page).getByText('Ditolak', { exact: true }).waitFor();
  await page
    .locator('ol.timeline li', { hasText: 'Tolak' })
    .filter({ hasText: 'Unit asal kekurangan guru kelas' })
    .waitFor();
  assert.equal(await page.getByRole('button', { name: 'Tolak', exact: true }).count(), 0);
  const after = (await kepala.get('/api/requests/' + target.id)).body;
  assert.equal(after.status, 'ditolak');
  await shot(page, 'requests-refused');
  noErrors(errors);
  await context.close();
});

test('a stale page gets the server message (409) and shows the request as it is now', async () => {
  const kepala = await apiSession(srv.url, srv.accounts.kepala_unit);
  const target = (await kepala.get('/api/requests')).body.rows.find(
    (r) => r.id !== reqId && (r.actions || []).includes('setujui_asal'),
  );
  assert.ok(target, 'another demo request waiting for the kepala');
  const { page, context, errors } = await open();
  await login(page, srv.url, srv.accounts.kepala_unit);
  await page.goto(srv.url + `/#/permohonan/${target.id}`);
  const button = page.getByRole('button', { name: 'Setujui melepas (unit asal)' });
  await button.waitFor();
  // Someone else takes the step meanwhile.
  assert.equal(
    (await kepala.post(`/api/requests/${target.id}/actions`, { action: 'setujui_asal', catatan: '' })).status,
    200,
  );
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/requests/${target.id}/actions`));
  await button.click();
  const res = await answer;
  assert.equal(res.status(), 409);
  // The server's message (the step no longer fits the status), and the
  // page's word that it shows the request as it is now.
  const msg = (await res.json()).error.message;
  assert.match(msg, /berstatus disetujui_asal|sudah (berubah|diubah)/);
  await page
    .getByRole('alert')
    .filter({ hasText: msg + ' Data terbaru sudah dimuat.' })
    .waitFor();
  await statusCell(page).getByText('Disetujui unit asal', { exact: true }).waitFor();
  await shot(page, 'requests-conflict');
  noErrors(errors);
  await context.close();
});

test('bkpsdm opens the checklist from the inbox, is refused verifying an unreviewed document, reviews it and verifies; the ABK warnings are listed', async () => {
  const { page, context, errors } = await open();
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + '/#/kotak-masuk');
  await page.getByLabel('Cari nama atau NIP').fill(emp.nip);
  const mine = page.locator('#inbox-waiting-table tbody tr').filter({ hasText: emp.nip });
  await mine.waitFor();
  // No one-click verification in the inbox: it skips the checklist.
  assert.equal(await mine.getByRole('button', { name: /Verifikasi/ }).count(), 0);
  await mine.getByRole('link', { name: `Periksa dokumen lalu verifikasi: ${emp.nama}` }).click();
  await page.getByRole('heading', { name: `Permohonan Mutasi #${reqId}` }).waitFor();
  // The letter is there but not reviewed: the page says so, and the
  // server refuses the verification with its reason (422).
  await page.getByText('1 dokumen belum lengkap atau belum diperiksa sesuai.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: "Setiap dokumen harus diperiksa 'sesuai' sebelum verifikasi; belum: surat_permohonan." })
    .waitFor();
  assert.equal((await bk.get('/api/requests/' + reqId)).body.status, 'disetujui_asal');
  const row = page.locator('#rq-doc-table tbody tr', { hasText: 'Surat permohonan pegawai' });
  await row.getByRole('button', { name: 'Tandai Surat permohonan pegawai sesuai' }).click();
  await row.locator('.tag.review-sesuai').waitFor();
  assert.equal(await page.getByText('dokumen belum lengkap atau belum diperiksa sesuai', { exact: false }).count(), 0);
  await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
  await statusCell(page).getByText('Diverifikasi BKPSDM', { exact: true }).waitFor();
  const r = (await bk.get('/api/requests/' + reqId)).body;
  assert.equal(r.status, 'diverifikasi');
  assert.equal(r.documents.find((d) => d.jenis === 'surat_permohonan').status, 'sesuai');
  // Whatever the ABK says is on the page, one item each, with the
  // jabatan named rather than coded.
  assert.ok(r.warnings.length > 0, 'the demo ABK has something to say about this move');
  const jab = new Map((await bk.get('/api/jabatan')).body.rows.map((j) => [j.kode, j.nama]));
  const expected = r.warnings.map((w) => w.replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, (c) => jab.get(c) || c));
  const box = page.locator('.notice.warn', { hasText: 'Peringatan ABK' });
  assert.deepEqual(await box.locator('li').allTextContents(), expected);
  assert.ok(
    expected.some((w) => w.includes(jab.get(emp.jabatan))),
    expected.join(),
  );
  await shot(page, 'requests-verified');
  noErrors(errors);
  await context.close();
});

test('kepala approves receiving the verified request on its page, with a note (setujui_tujuan)', async () => {
  const { page, context, errors } = await open();
  await login(page, srv.url, srv.accounts.kepala_unit);
  await page.goto(srv.url + '/#/kotak-masuk');
  await page.getByLabel('Cari nama atau NIP').fill(emp.nip);
  const mine = page.locator('#inbox-waiting-table tbody tr').filter({ hasText: emp.nip });
  await mine.getByRole('button', { name: `Setujui menerima (unit tujuan): ${emp.nama}` }).waitFor();
  await mine.getByRole('link', { name: new RegExp('#' + reqId) }).click();
  await page.getByRole('heading', { name: `Permohonan Mutasi #${reqId}` }).waitFor();
  // Both choices are schools of the kepala's OPD: they pick the one that
  // receives (the second).
  await page.getByLabel('Unit tujuan yang menerima').selectOption('2');
  await page.getByLabel('Catatan', { exact: true }).fill('Formasi guru di sekolah tujuan masih tersedia');
  await page.getByRole('button', { name: 'Setujui menerima (unit tujuan)' }).click();
  await statusCell(page).getByText('Disetujui unit tujuan', { exact: true }).waitFor();
  await page.locator('ol.timeline li', { hasText: 'Formasi guru di sekolah tujuan masih tersedia' }).waitFor();
  await page.getByText('Tidak ada tindakan yang dapat Anda lakukan pada permohonan ini sekarang.').waitFor();
  const steps = await page.locator('ol.timeline li strong').allTextContents();
  assert.deepEqual(steps.slice(-3), ['Setujui melepas (unit asal)', 'Verifikasi', 'Setujui menerima (unit tujuan)']);
  const r = (await bk.get('/api/requests/' + reqId)).body;
  assert.equal(r.status, 'disetujui_tujuan');
  await shot(page, 'requests-kepala-approved');
  noErrors(errors);
  await context.close();
});

test('a role that may not act sees no buttons; the page reads in English too', async () => {
  // The kepala may see the received request but has no step left on it.
  const { page, context, errors } = await open();
  await login(page, srv.url, srv.accounts.kepala_unit);
  await page.goto(srv.url + `/#/permohonan/${reqId}`);
  await statusCell(page).getByText('Disetujui unit tujuan', { exact: true }).waitFor();
  await page.getByText('Tidak ada tindakan yang dapat Anda lakukan pada permohonan ini sekarang.').waitFor();
  const actionCard = page.locator('section[aria-labelledby="rq-actions-h"]');
  assert.equal(await actionCard.getByRole('button').count(), 0);
  assert.equal(await page.getByLabel('Catatan', { exact: true }).count(), 0);
  // No review buttons and no upload form for a kepala.
  assert.equal(await page.locator('#rq-doc-table').getByRole('button').count(), 0);
  assert.equal(await page.getByLabel('Berkas PDF').count(), 0);
  await shot(page, 'requests-kepala-no-actions');
  // Nor the PPK: the TPK's consideration comes first.
  const { page: p3, context: c3, errors: e3 } = await open();
  await login(p3, srv.url, srv.accounts.ppk);
  await p3.goto(srv.url + `/#/permohonan/${reqId}`);
  await p3.getByText('Tidak ada tindakan yang dapat Anda lakukan pada permohonan ini sekarang.').waitFor();
  assert.equal(await p3.getByLabel('TMT mutasi').count(), 0);
  noErrors(e3);
  await c3.close();
  // The TPK may act now: pertimbangkan and tolak.
  const { page: p2, context: c2, errors: e2 } = await open();
  await login(p2, srv.url, srv.accounts.tpk);
  await p2.goto(srv.url + `/#/permohonan/${reqId}`);
  await p2.getByRole('button', { name: 'Beri pertimbangan TPK' }).waitFor();
  await p2.getByRole('button', { name: 'Tolak', exact: true }).waitFor();
  await p2.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
  await p2.getByRole('heading', { name: `Transfer request #${reqId}` }).waitFor();
  await p2.getByRole('button', { name: 'Give TPK consideration' }).waitFor();
  await p2.locator('dl.facts').getByText('Closer to home').waitFor();
  await p2.locator('dl.facts .status').getByText('Accepted by destination').waitFor();
  await shot(p2, 'requests-tpk-english');
  await p2.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
  noErrors(errors);
  noErrors(e2);
  await context.close();
  await c2.close();
});

test('the employee sees the inbox is not theirs, and a revision request needs a note and returns the request to draf', async () => {
  // A pegawai has no inbox.
  const { page, context, errors } = await open();
  await login(page, srv.url, guru);
  await page.goto(srv.url + '/#/kotak-masuk');
  await page.getByRole('alert').filter({ hasText: 'Anda tidak berhak membuka halaman ini.' }).waitFor();
  await context.close();
  // BKPSDM asks for a revision.
  const b = await open();
  await login(b.page, srv.url, srv.accounts.bkpsdm);
  await b.page.goto(srv.url + `/#/permohonan/${reqId}`);
  const row = b.page.locator('#rq-doc-table tbody tr', { hasText: 'Surat permohonan pegawai' });
  await row.getByRole('button', { name: 'Minta revisi Surat permohonan pegawai' }).click();
  await row.getByRole('button', { name: 'Kirim permintaan revisi' }).click();
  await row.getByRole('alert').filter({ hasText: 'Tulis catatan: apa yang harus diperbaiki.' }).waitFor();
  await row.getByLabel('Catatan revisi untuk Surat permohonan pegawai').fill('Tanda tangan belum ada');
  await row.getByRole('button', { name: 'Kirim permintaan revisi' }).click();
  await row.getByText('Perlu revisi', { exact: true }).waitFor();
  await statusCell(b.page).getByText('Draf', { exact: true }).waitFor();
  await shot(b.page, 'requests-revision');
  noErrors(b.errors);
  await b.context.close();
  // The employee sees the note and may submit again.
  const g = await open();
  await login(g.page, srv.url, guru);
  await g.page.goto(srv.url + `/#/permohonan/${reqId}`);
  const grow = g.page.locator('#rq-doc-table tbody tr', { hasText: 'Surat permohonan pegawai' });
  await grow.getByText('Tanda tangan belum ada').waitFor();
  await g.page
    .locator('.notice.warn', { hasText: 'Dokumen berikut perlu direvisi' })
    .getByText('Surat permohonan pegawai: Tanda tangan belum ada')
    .waitFor();
  // The upload form offers the document to correct first; a new file
  // replaces it in the checklist, not yet reviewed.
  assert.equal(await g.page.getByLabel('Jenis dokumen').inputValue(), 'surat_permohonan');
  await g.page
    .getByLabel('Berkas PDF')
    .setInputFiles({ name: 'surat-permohonan-ttd.pdf', mimeType: 'application/pdf', buffer: PDF });
  await g.page.getByRole('button', { name: 'Unggah', exact: true }).click();
  await grow.getByRole('link', { name: 'Unduh surat-permohonan-ttd.pdf' }).waitFor();
  await grow.getByText('Belum diperiksa').waitFor();
  await grow.getByText('1 versi sebelumnya').waitFor();
  await g.page.getByRole('button', { name: 'Ajukan', exact: true }).waitFor();
  await g.page.getByLabel('Berkas PDF').waitFor();
  await shot(g.page, 'requests-revision-employee');
  noErrors(errors);
  noErrors(g.errors);
  await g.context.close();
});
