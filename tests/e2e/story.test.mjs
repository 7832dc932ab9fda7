// SPDX-License-Identifier: MIT
// The whole story in the browser, each role in its own session, with the
// accounts 'mutasi demo' prints (the README's walkthrough; with
// E2E_SCREENSHOTS set, its pictures):
//  1. the administrator gives a teacher a second account (the demo's
//     pegawai is that teacher: 'mutasi demo' chose them by the planner's
//     rules and printed the unit to ask for);
//  2. the teacher, logged in as the demo's pegawai, applies to move to
//     the printed unit, with the mandatory documents, and submits;
//  3. the head of the OPD releases them (setujui_asal);
//  4. BKPSDM reviews every document 'sesuai' and verifies;
//  5. BKPSDM runs a combined plan, which grants the verified request, and
//     publishes it; the teacher agrees with the proposed move;
//  6. the TPK (account tpk) agrees to every move without objection at
//     once and closes its session; the PPK (account ppk) decides the plan
//     with a TMT;
//  7. the SK downloads and names the teacher; the request is decided.
// A plan takes the verified requests (the setting tahap_permohonan), so
// the destination's consent and the TPK's consideration happen on the
// plan itself; the individual route of a request outside a plan
// (verifikasi, setujui_tujuan, pertimbangkan, tetapkan with a TMT) is the
// second test. The third is a session that goes wrong: the TPK refuses an
// own request that others depend on (a swap, cycle or chain of requests),
// BKPSDM runs the plan again with the TPK's decisions fixed, the TPK
// closes the new plan (its minutes download), the PPK strikes one more
// move and decides; the SK lists exactly what survived, the refused
// request carries the plan's answer and a moved employee's page shows the
// move waiting for its TMT.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  apiSession,
  docShot,
  launch,
  login,
  logout,
  mandatoryDocs,
  mutasi,
  noErrors,
  openPage,
  PDF,
  shot,
  startServer,
  verifyRequests,
} from './lib.mjs';

let srv;
let browser;
let bk;
const OPD = '5271.DIKBUD';
const teacher = { login: 'guru_cerita', password: 'sandi-cerita-2026' };
let emp; // The teacher.
let dest; // The school they ask for.
let reqId;
const PLAN = 'mutasi-cerita';

function firstOfNextMonth() {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

before(async () => {
  srv = await startServer();
  browser = await launch();
  bk = await apiSession(srv.url, srv.accounts.bkpsdm);
  // The demo's own choice: its pegawai and the unit it prints.
  emp = (await bk.get('/api/employees/' + srv.applicant.nip)).body;
  dest = (await bk.get('/api/units/' + srv.applicant.unit)).body;
  assert.equal((await apiSession(srv.url, srv.accounts.pegawai)).me.nip, emp.nip);
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('the full story: apply, approve, check, plan, answer, decide, SK', async () => {
  const { page, errors } = await openPage(browser);

  // 1. The administrator gives the teacher an account.
  await login(page, srv.url, srv.accounts.admin);
  await page.getByLabel('Nama pengguna').fill(teacher.login);
  await page.getByLabel('Kata sandi awal').fill(teacher.password);
  await page.getByLabel('Peran').selectOption('pegawai');
  await page.getByLabel('NIP pegawai').fill(emp.nip);
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  await page.getByText(`Pengguna ${teacher.login} ditambahkan.`).waitFor();
  await shot(page, 'story-1-admin');
  await logout(page);

  // 2. The teacher (the demo's pegawai) applies, with documents, and
  // submits.
  await login(page, srv.url, srv.accounts.pegawai);
  await page.getByRole('heading', { name: 'Permohonan Mutasi Saya' }).waitFor();
  await page.getByLabel('Pilihan 1', { exact: true }).fill(dest.nama);
  await page.getByLabel('Alasan', { exact: true }).selectOption('ikut_pasangan');
  await page.getByLabel('Keterangan', { exact: true }).fill('Suami bertugas di dekat sekolah tujuan');
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await page.waitForURL(/#\/permohonan\/\d+$/);
  reqId = Number(/permohonan\/(\d+)$/.exec(page.url())[1]);
  for (const [jenis, file] of [
    ['surat_permohonan', 'surat.pdf'],
    ['bukti_alasan', 'surat-tugas-suami.pdf'],
  ]) {
    await page.getByLabel('Jenis dokumen').selectOption(jenis);
    await page.getByLabel('Berkas PDF').setInputFiles({ name: file, mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    await page.getByRole('link', { name: 'Unduh ' + file }).waitFor();
  }
  await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
  await page.locator('dl.facts .status').getByText('Diajukan', { exact: true }).waitFor();
  await shot(page, 'story-2-applied');
  await docShot(page, 'langkah-1-permohonan');
  await logout(page);

  // 3. The head of the OPD releases them; the request then waits for
  // BKPSDM, not for the head.
  await login(page, srv.url, srv.accounts.kepala_unit);
  await page.getByRole('link', { name: 'Kotak Masuk' }).click();
  await page.getByLabel('Cari nama atau NIP').fill(emp.nip);
  const row = page.locator('#inbox-waiting-table tbody tr').filter({ hasText: emp.nip });
  await row.getByRole('button', { name: `Setujui melepas (unit asal): ${emp.nama}` }).click();
  await page
    .locator('#inbox-others-table tbody tr')
    .filter({ hasText: emp.nip })
    .getByText('Disetujui unit asal', { exact: true })
    .waitFor();
  await shot(page, 'story-3-head');
  await docShot(page, 'langkah-2-kepala');
  await logout(page);

  // 4. BKPSDM: the inbox has no one-click verification, only the way to
  // the checklist; every document is reviewed 'sesuai', then verified.
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.getByRole('link', { name: 'Kotak Masuk' }).click();
  await page.getByLabel('Cari nama atau NIP').fill(emp.nip);
  const inbox = page.locator('#inbox-waiting-table tbody tr').filter({ hasText: emp.nip });
  await inbox.getByRole('link', { name: `Periksa dokumen lalu verifikasi: ${emp.nama}` }).click();
  // The link leads to the request page (the click does not wait for the
  // new page: its heading is waited for before the inbox is counted).
  await page.getByRole('heading', { name: `Permohonan Mutasi #${reqId}` }).waitFor();
  assert.equal(await inbox.count(), 0, 'the link leads to the request page');
  for (const name of [
    'Surat permohonan pegawai',
    'Bukti alasan (buku nikah dan SK pasangan / surat keterangan dokter)',
  ]) {
    const doc = page.locator('#rq-doc-table tbody tr', { hasText: name });
    await doc.getByRole('button', { name: `Tandai ${name} sesuai` }).click();
    await doc.locator('.tag.review-sesuai').waitFor();
  }
  await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
  await page.locator('dl.facts .status').getByText('Diverifikasi BKPSDM', { exact: true }).waitFor();
  await shot(page, 'story-4-documents');
  await docShot(page, 'langkah-3-verifikasi');

  // Where the workload is, before planning: the dashboard with its map.
  await page.getByRole('link', { name: 'Dasbor', exact: true }).click();
  await page.locator('#map svg .kelurahan path').first().waitFor();
  await docShot(page, 'dasbor', '#map');

  // 5. BKPSDM runs a combined plan: the request is granted; publish.
  await page.getByRole('link', { name: 'Perencanaan Mutasi' }).click();
  await page.getByLabel('Nama rencana').fill(PLAN);
  assert.equal(await page.getByLabel('Mode perencanaan').inputValue(), 'combined');
  await page.getByRole('button', { name: 'Jalankan perencanaan' }).click();
  await page.getByRole('heading', { name: 'Rencana Mutasi ' + PLAN }).waitFor({ timeout: 60000 });
  await page.getByLabel('Cari nama atau NIP').fill(emp.nip);
  const move = page.locator('#move-table tbody tr').filter({ hasText: emp.nip });
  await move.waitFor();
  assert.equal(await move.locator('.move-aps').count(), 1, 'granted as the own request');
  assert.match(await move.textContent(), new RegExp(dest.nama));
  const plan = (await bk.get('/api/plans/' + PLAN)).body;
  const m = plan.moves.find((x) => x.nip === emp.nip);
  assert.equal(m.unit_tujuan, dest.kode);
  assert.equal(m.pilihan_ke, 1);
  await page.getByRole('button', { name: 'Terbitkan ke pegawai' }).click();
  await page.locator('#decision').getByText('Diterbitkan ke pegawai', { exact: true }).waitFor();
  // Answers are due in 14 days by default.
  const due = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
  assert.equal((await bk.get('/api/plans/' + PLAN)).body.plan.tenggat, due);
  await page.locator(`#decision [data-tenggat="${due}"]`).waitFor();
  await shot(page, 'story-5-plan');
  await docShot(page, 'langkah-4-rencana');
  await logout(page);

  // The teacher sees the proposal with its explanation and agrees.
  await login(page, srv.url, srv.accounts.pegawai);
  await page.getByText('Ada 1 usulan mutasi untuk Anda yang menunggu tanggapan.').waitFor();
  await page.getByRole('link', { name: 'Lihat dan tanggapi usulan' }).click();
  const card = page.locator(`#proposal-${PLAN}`);
  // The employee reads the explanation without their colleagues' NIPs.
  const own = m.penjelasan
    .replace(/pemohon NIP (\d{18})/g, (x, n) => (n === emp.nip ? x : 'pemohon lain'))
    .replace(/NIP (\d{18})/g, (x, n) => (n === emp.nip ? x : 'pegawai lain'));
  const shown = (await card.locator('.explain').textContent()).trim();
  assert.equal(shown, own);
  assert.deepEqual((await card.textContent()).match(/\d{18}/g)?.filter((n) => n !== emp.nip) ?? [], []);
  await card.getByLabel('Setuju', { exact: true }).check();
  await card.getByRole('button', { name: 'Kirim tanggapan' }).click();
  await card.locator('[data-answer="setuju"]').waitFor();
  await shot(page, 'story-5-agreed');
  await logout(page);

  // 6. The TPK sees the answer beside the move, agrees to every move
  // without objection at once and closes the session.
  await login(page, srv.url, srv.accounts.tpk);
  await page.getByRole('link', { name: 'Perencanaan Mutasi' }).click();
  await page.getByText('1 rencana menunggu sidang TPK.').waitFor();
  await page.locator('#plan-list').getByRole('link', { name: PLAN }).click();
  await page.locator('#response-table tbody tr').filter({ hasText: emp.nip }).getByText('Setuju').waitFor();
  await page.locator('#tpk-session').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Terbitkan ke pegawai' }).count(), 0);
  await page.getByRole('button', { name: `Setujui semua yang tidak berkeberatan (${plan.moves.length})` }).click();
  await page.locator(`#tpk-progress[data-decided="${plan.moves.length}"]`).waitFor();
  await page.getByRole('button', { name: 'Tutup sidang' }).click();
  await page.locator('#decision').getByText('Dipertimbangkan TPK', { exact: true }).first().waitFor();
  const considered = (await bk.get('/api/plans/' + PLAN)).body;
  assert.equal(considered.plan.status, 'dipertimbangkan');
  assert.ok(considered.plan.ba_nomor, 'the minutes are numbered');
  assert.ok(considered.moves.every((x) => x.keputusan_tpk === 'setuju'));
  await page.locator(`#decision [data-ba="${considered.plan.ba_nomor}"]`).waitFor();
  await shot(page, 'story-6-considered');
  await docShot(page, 'langkah-5-tpk');
  await logout(page);

  // The PPK decides the plan with a TMT.
  await login(page, srv.url, srv.accounts.ppk);
  await page.getByRole('link', { name: 'Perencanaan Mutasi' }).click();
  await page.getByText('1 rencana menunggu keputusan PPK.').waitFor();
  await page.locator('#plan-list').getByRole('link', { name: PLAN }).click();
  const tmt = firstOfNextMonth();
  await page.getByLabel('TMT mutasi').fill(tmt);
  await page.getByRole('button', { name: 'Tetapkan rencana' }).click();
  await page.locator('#decision').getByText('Ditetapkan', { exact: true }).first().waitFor();
  await shot(page, 'story-6-decided');
  await docShot(page, 'langkah-6-ppk');

  // 7. The SK downloads and names the teacher.
  const sk = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh SK mutasi (PDF)' }).click();
  const path = await (await sk).path();
  assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
  const text = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  assert.equal(text.status, 0, 'pdftotext reads the SK');
  assert.ok(text.stdout.includes(emp.nip), 'the SK has the NIP');
  const bare = emp.nama.split(',')[0];
  // The Lampiran's name cell may wrap: every word of the name is on the
  // teacher's row, next to the NIP.
  const flat = text.stdout.replace(/\s+/g, ' ');
  const at = flat.indexOf(emp.nip);
  const rowText = flat.slice(Math.max(0, at - 250), at + 250);
  for (const word of bare.split(' ')) {
    assert.ok(rowText.includes(word), `the SK names ${bare} (${word}): ${rowText}`);
  }
  for (const word of dest.nama.split(' ')) {
    assert.ok(rowText.toUpperCase().includes(word.toUpperCase()), `and the school ${dest.nama} (${word}): ${rowText}`);
  }
  await logout(page);

  // The request is decided, and the teacher's record has the new post
  // from the TMT.
  const r = (await bk.get('/api/requests/' + reqId)).body;
  assert.equal(r.status, 'ditetapkan');
  await login(page, srv.url, teacher);
  await page.goto(srv.url + `/#/permohonan/${reqId}`);
  await page.locator('dl.facts .status').getByText('Ditetapkan', { exact: true }).waitFor();
  await page.locator('ol.timeline li', { hasText: `Dikabulkan dalam rencana ${PLAN} ke ${dest.kode}` }).waitFor();
  // The teacher's own Petikan is linked from the request.
  assert.match(
    await page.locator('#rq-sk').getAttribute('href'),
    new RegExp(`/api/plans/${PLAN}/sk\\.pdf\\?nip=${emp.nip}$`),
  );
  await page.getByRole('link', { name: 'Profil Saya' }).click();
  await page.locator('#emp-history-table tbody tr').filter({ hasText: dest.nama }).waitFor();
  await shot(page, 'story-7-decided');
  noErrors(errors);
  await page.context().close();
});

test('a request outside a plan: BKPSDM verifies, the head receives, the TPK considers, the PPK decides with a TMT', async () => {
  // The head of the OPD releases a demo request one of whose choices is
  // in the OPD too; BKPSDM adds the mandatory documents the demo left out
  // (set up through the API: the browser part of those steps is the
  // story above).
  const kepala = await apiSession(srv.url, srv.accounts.kepala_unit);
  const units = new Map((await bk.get('/api/units')).body.rows.map((u) => [u.kode, u]));
  const under = (kode) => {
    for (let u = units.get(kode); u; u = units.get(u.induk)) {
      if (u.kode === OPD) {
        return true;
      }
    }
    return false;
  };
  const pick = (await kepala.get('/api/requests')).body.rows.find(
    (x) => x.actions.includes('setujui_asal') && x.nip !== emp.nip && x.pilihan.some(under),
  );
  assert.ok(pick, 'a demo request both of whose units are under ' + OPD);
  assert.equal(
    (await kepala.post(`/api/requests/${pick.id}/actions`, { action: 'setujui_asal', version: pick.version })).status,
    200,
  );
  for (const jenis of mandatoryDocs(pick.alasan)) {
    assert.equal(
      (await bk.upload(`/api/requests/${pick.id}/documents?jenis=${jenis}&nama=${jenis}.pdf`, PDF)).status,
      200,
    );
  }
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + `/#/permohonan/${pick.id}`);
  for (const jenis of mandatoryDocs(pick.alasan)) {
    const doc = page.locator('#rq-doc-table tbody tr', { has: page.getByRole('link', { name: `Unduh ${jenis}.pdf` }) });
    await doc.getByRole('button', { name: /^Tandai .* sesuai$/ }).click();
    await doc.locator('.tag.review-sesuai').waitFor();
  }
  await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
  await page.locator('dl.facts .status').getByText('Diverifikasi BKPSDM', { exact: true }).waitFor();
  await logout(page);
  // The head receives it.
  await login(page, srv.url, srv.accounts.kepala_unit);
  await page.goto(srv.url + `/#/permohonan/${pick.id}`);
  await page.getByRole('button', { name: 'Setujui menerima (unit tujuan)' }).click();
  await page.locator('dl.facts .status').getByText('Disetujui unit tujuan', { exact: true }).waitFor();
  await logout(page);
  // The TPK considers it; the PPK may not take that step.
  await login(page, srv.url, srv.accounts.tpk);
  await page.goto(srv.url + `/#/permohonan/${pick.id}`);
  assert.equal(await page.getByRole('button', { name: 'Tetapkan', exact: true }).count(), 0);
  await page.getByLabel('Catatan', { exact: true }).fill('TPK: sesuai kebutuhan organisasi');
  await page.getByRole('button', { name: 'Beri pertimbangan TPK' }).click();
  await page.locator('dl.facts .status').getByText('Dipertimbangkan TPK', { exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Tetapkan', exact: true }).count(), 0);
  await logout(page);
  // The PPK decides it, from a TMT the form asks for.
  await login(page, srv.url, srv.accounts.ppk);
  await page.goto(srv.url + `/#/permohonan/${pick.id}`);
  await page.getByRole('button', { name: 'Tetapkan', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Isi TMT: tanggal 1 suatu bulan' }).waitFor();
  assert.equal((await bk.get('/api/requests/' + pick.id)).body.status, 'dipertimbangkan', 'nothing was sent');
  await page.getByLabel('TMT mutasi').fill(firstOfNextMonth());
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/requests/${pick.id}/actions`));
  await page.getByRole('button', { name: 'Tetapkan', exact: true }).click();
  const decided = await (await answer).json();
  assert.ok(decided.sk_nomor, 'the individual SK is numbered');
  assert.equal(decided.keputusan, 'permohonan-' + pick.id);
  await page.locator('dl.facts .status').getByText('Ditetapkan', { exact: true }).waitFor();
  await page.getByText(`Permohonan #${pick.id} ditetapkan; SK nomor ${decided.sk_nomor}.`).waitFor();
  const steps = await page.locator('ol.timeline li strong').allTextContents();
  assert.deepEqual(steps.slice(-4), [
    'Verifikasi',
    'Setujui menerima (unit tujuan)',
    'Beri pertimbangan TPK',
    'Tetapkan',
  ]);
  await page.locator('ol.timeline li', { hasText: 'TPK: sesuai kebutuhan organisasi' }).waitFor();
  // The decree of the request alone downloads and names the employee.
  const sk = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh SK (PDF)' }).click();
  const path = await (await sk).path();
  const text = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' });
  assert.equal(text.status, 0, 'pdftotext reads the SK');
  assert.ok(text.stdout.includes(pick.nip), 'the SK names the employee');
  assert.ok(text.stdout.includes(decided.sk_nomor));
  await shot(page, 'story-individual-decided');
  // Its decision record reads as a plan of one move, decided.
  await page.goto(srv.url + `/#/rencana/permohonan-${pick.id}`);
  await page.getByRole('heading', { name: `Rencana Mutasi permohonan-${pick.id}` }).waitFor();
  await page.locator(`#decision [data-sk="${decided.sk_nomor}"]`).waitFor();
  await page.locator('#move-table tbody tr').filter({ hasText: pick.nip }).waitFor();
  await logout(page);
  // The employee finds the decision among their transfers, with their
  // Petikan, and nothing to answer.
  const out = mutasi(srv.db, 'user', 'add', 'pemohon_sendiri', '--role', 'pegawai', '--nip', pick.nip);
  await login(page, srv.url, { login: 'pemohon_sendiri', password: out.trim().split(/\s+/)[2] });
  await page.getByRole('link', { name: 'Usulan Mutasi Saya' }).click();
  const card = page.locator(`#proposal-permohonan-${pick.id}`);
  await card.getByRole('heading', { name: `Keputusan atas permohonan #${pick.id}` }).waitFor();
  await card.getByText('Ditetapkan', { exact: true }).first().waitFor();
  assert.equal(await card.getByText('Anda belum menanggapi usulan ini.').count(), 0);
  assert.match(
    await card.getByRole('link', { name: 'Unduh petikan SK (PDF)' }).getAttribute('href'),
    new RegExp(`/api/plans/permohonan-${pick.id}/sk\\.pdf\\?nip=${pick.nip}$`),
  );
  noErrors(errors);
  await page.context().close();
});

const escapeRe = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The text of a downloaded PDF (poppler-utils' pdftotext).
async function pdfText(download) {
  const path = await download.path();
  assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
  const text = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  assert.equal(text.status, 0, 'pdftotext reads ' + download.suggestedFilename());
  return text.stdout;
}

// Wait until the move list shows 'n' rows.
async function shown(page, n) {
  await page.waitForFunction((want) => document.querySelector('#move-count')?.dataset.shown === String(want), n);
}

test("a refusal others depend on, a re-run with the TPK's decisions, the minutes, a strike and the SK", async (t) => {
  const PLAN_A = 'sidang-tpk';
  const PLAN_B = 'sidang-tpk-ulang';
  const tpk = await apiSession(srv.url, srv.accounts.tpk);
  // Only verified requests enter a plan: the rest of the demo's.
  assert.ok((await verifyRequests(srv)).length > 10, 'the kepala releases many demo requests');
  // A plan whose name the re-run will try first.
  const TAKEN = 'nama-terpakai';
  assert.equal((await bk.post('/api/plans', { name: TAKEN, mode: 'directed', max_moves: 1 })).status, 201);
  const { page, errors } = await openPage(browser);

  // BKPSDM runs a combined plan and publishes it; only then may it be run
  // again with the TPK's decisions.
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.getByRole('link', { name: 'Perencanaan Mutasi' }).click();
  await page.getByLabel('Nama rencana').fill(PLAN_A);
  await page.getByRole('button', { name: 'Jalankan perencanaan' }).click();
  await page.getByRole('heading', { name: 'Rencana Mutasi ' + PLAN_A }).waitFor({ timeout: 60000 });
  assert.equal(await page.locator('#rerun-form').count(), 0, 'a draft is not run again');
  await page.getByRole('button', { name: 'Terbitkan ke pegawai' }).click();
  await page.locator('#decision').getByText('Diterbitkan ke pegawai', { exact: true }).waitFor();
  await page.locator('#rerun-form').waitFor();
  assert.equal(await page.getByLabel('Nama rencana baru').inputValue(), PLAN_A + '-ulang');
  await logout(page);

  // An own request whose refusal takes other own requests along: the
  // server names them (409) and records nothing until confirmed. Asked
  // of the server for the moves that meet another request at either end;
  // a refusal that takes nothing along is put back to setuju. A second
  // such move is kept for later: it and its dependents stay undecided.
  const docA = (await bk.get('/api/plans/' + PLAN_A)).body;
  const byNip = new Map(docA.moves.map((m) => [m.nip, m]));
  const aps = docA.moves.filter((m) => m.jenis === 'aps');
  const from = (m) => m.unit_asal + '/' + m.jabatan_asal;
  const to = (m) => m.unit_tujuan + '/' + m.jabatan_tujuan;
  const meets = (m) => aps.some((x) => x !== m && (to(x) === from(m) || from(x) === to(m)));
  const chains = [];
  const agreedInProbe = new Set(); // Refused alone, then put back to setuju.
  for (const m of aps.filter(meets)) {
    const r = await tpk.post(`/api/plans/${PLAN_A}/consider`, {
      moves: [{ nip: m.nip, keputusan: 'tolak', catatan: 'uji' }],
    });
    if (r.status === 409) {
      chains.push({ move: m, deps: r.body.error.nips });
    } else {
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(
        (await tpk.post(`/api/plans/${PLAN_A}/consider`, { moves: [{ nip: m.nip, keputusan: 'setuju' }] })).status,
        200,
      );
      agreedInProbe.add(m.nip);
    }
  }
  const refusal = chains.find((c) => c.deps.every((n) => byNip.get(n)?.jenis === 'aps'));
  assert.ok(refusal, 'the combined plan has an own request that other own requests depend on');
  const chainOf = (c) => [c.move.nip, ...c.deps];
  // Best a chain whose dependents are all still undecided (a swap or a
  // cycle; the tail of a chain was put back to setuju by the probe).
  const apart = chains.filter((c) => !chainOf(c).some((n) => chainOf(refusal).includes(n)));
  const later = apart.find((c) => !c.deps.some((n) => agreedInProbe.has(n))) ?? apart[0];
  assert.ok(later, 'a second move others depend on');

  // The TPK refuses it in the browser: the dependents are shown, by name,
  // to confirm; then they go too.
  const m = refusal.move;
  const NOTE = 'Formasi tujuan sedang ditinjau ulang.';
  await login(page, srv.url, srv.accounts.tpk);
  await page.goto(srv.url + '/#/rencana/' + PLAN_A);
  await page.locator('#tpk-session').waitFor();
  await page.getByLabel('Cari nama atau NIP').fill(m.nip);
  await shown(page, 1);
  const tr = page.locator('#move-table tbody tr').filter({ hasText: m.nip });
  await tr.getByLabel(`Catatan TPK untuk ${m.nama}`).fill(NOTE);
  const refused = page.waitForResponse((r) => r.url().endsWith(`/api/plans/${PLAN_A}/consider`));
  await tr.getByRole('button', { name: `Tolak: ${m.nama}` }).click();
  const res = await refused;
  assert.equal(res.status(), 409);
  const error = (await res.json()).error;
  assert.deepEqual([...error.nips].sort(), [...refusal.deps].sort());
  const confirm = page.locator('#tpk-confirm');
  await confirm.waitFor();
  assert.equal(await confirm.getByRole('alert').textContent(), error.message);
  assert.deepEqual(
    await confirm.locator('li[data-nip]').evaluateAll((xs) => xs.map((x) => x.dataset.nip)),
    error.nips.slice(0, 20),
  );
  for (const n of error.nips.slice(0, 20)) {
    assert.match(await confirm.locator(`li[data-nip="${n}"]`).textContent(), new RegExp(escapeRe(byNip.get(n).nama)));
  }
  await shot(page, 'story-8-dependents');
  await confirm.getByRole('button', { name: 'Tolak juga perpindahan tersebut' }).click();
  await confirm.waitFor({ state: 'detached' });
  await tr.locator('[data-tpk="tolak"]').waitFor();
  // The TPK agrees to one own request in the list, and (through the API)
  // to the rest but the second chain, which stays undecided: what it
  // agrees to holds without the undecided moves (those are what the
  // server named for the second move, asked again now).
  const gone = new Set(chainOf(refusal));
  const again = await tpk.post(`/api/plans/${PLAN_A}/consider`, {
    moves: [{ nip: later.move.nip, keputusan: 'tolak', catatan: 'uji' }],
  });
  assert.equal(again.status, 409, 'the second move still takes others along');
  const open = new Set([later.move.nip, ...again.body.error.nips]);
  const kept = aps.find((x) => !gone.has(x.nip) && !open.has(x.nip) && !x.sementara_sampai);
  assert.ok(kept, 'another own request to keep');
  await page.getByLabel('Cari nama atau NIP').fill(kept.nip);
  await shown(page, 1);
  const keptRow = page.locator('#move-table tbody tr').filter({ hasText: kept.nip });
  await keptRow.getByRole('button', { name: `Setuju: ${kept.nama}` }).click();
  await keptRow.locator('[data-tpk="setuju"]').waitFor();
  const rest = (await bk.get('/api/plans/' + PLAN_A)).body.moves.filter((x) => !x.keputusan_tpk && !open.has(x.nip));
  assert.equal(
    (
      await tpk.post(`/api/plans/${PLAN_A}/consider`, {
        moves: rest.map((x) => ({ nip: x.nip, keputusan: 'setuju' })),
      })
    ).status,
    200,
  );
  await logout(page);
  const decidedA = (await bk.get('/api/plans/' + PLAN_A)).body.moves;
  const agreed = decidedA.filter((x) => x.keputusan_tpk === 'setuju');
  const refusedA = decidedA.filter((x) => x.keputusan_tpk === 'tolak').map((x) => x.nip);
  assert.deepEqual([...refusedA].sort(), [...gone].sort());
  const undecided = decidedA.filter((x) => !x.keputusan_tpk).length;
  assert.equal(
    undecided,
    [...open].filter((n) => !agreedInProbe.has(n)).length,
    'the second chain is left to plan again',
  );

  // BKPSDM runs the plan again with the TPK's decisions. A name in use is
  // refused by the server and changes nothing.
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.goto(srv.url + '/#/rencana/' + PLAN_A);
  const intro = page.locator('#rerun-intro');
  await intro.waitFor();
  assert.equal(await intro.getAttribute('data-setuju'), String(agreed.length));
  assert.equal(await intro.getAttribute('data-tolak'), String(refusedA.length));
  assert.equal(await intro.getAttribute('data-belum'), String(undecided));
  await page.getByLabel('Nama rencana baru').fill(TAKEN);
  const taken = page.waitForResponse((r) => r.url().endsWith(`/api/plans/${PLAN_A}/rerun`));
  await page.getByRole('button', { name: 'Jalankan ulang dengan keputusan TPK' }).click();
  const takenRes = await taken;
  assert.equal(takenRes.status(), 409);
  const takenErr = (await takenRes.json()).error;
  await page.locator('#pl-rerun-err').filter({ hasText: takenErr.message }).waitFor();
  assert.equal(await page.getByLabel('Nama rencana baru').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pl-rerun-name');
  assert.equal((await bk.get('/api/plans/' + PLAN_A)).body.plan.status, 'diterbitkan');
  await page.getByLabel('Nama rencana baru').fill(PLAN_B);
  const rerun = page.waitForResponse((r) => r.url().endsWith(`/api/plans/${PLAN_A}/rerun`));
  await page.getByRole('button', { name: 'Jalankan ulang dengan keputusan TPK' }).click();
  assert.equal((await rerun).status(), 201);
  await page.getByRole('heading', { name: 'Rencana Mutasi ' + PLAN_B }).waitFor({ timeout: 60000 });
  // The new plan keeps the TPK's agreed moves, as agreed, and leaves the
  // refused employees where they are.
  const docB = (await bk.get('/api/plans/' + PLAN_B)).body;
  assert.equal(docB.plan.status, 'draf');
  assert.equal(docB.plan.dari, PLAN_A);
  assert.equal(docB.summary.tetap, agreed.length);
  const inB = new Map(docB.moves.map((x) => [x.nip, x]));
  for (const a of agreed) {
    const b = inB.get(a.nip);
    assert.ok(b, a.nip + ' is kept');
    assert.equal(b.keputusan_tpk, 'setuju');
    assert.equal(to(b), to(a));
  }
  assert.equal(docB.moves.filter((x) => x.keputusan_tpk).length, agreed.length, 'nothing else is decided');
  for (const n of refusedA) {
    assert.ok(!inB.has(n), n + ' stays');
  }
  await page.locator(`#decision [data-dari="${PLAN_A}"]`).waitFor();
  await page.locator(`#decision [data-tetap="${agreed.length}"]`).waitFor();
  await page
    .locator('#rerun-of')
    .filter({ hasText: `dijalankan ulang dari rencana ${PLAN_A}` })
    .waitFor();
  assert.equal(
    await page.locator('[data-kpi="moves"]').textContent(),
    docB.moves.length.toLocaleString('id-ID'),
    'the count is the plan’s own',
  );
  // The kept moves read as agreed in the draft's list.
  await page.getByLabel('Keberatan dan keputusan').selectOption('setuju');
  await shown(page, agreed.length);
  await shot(page, 'story-9-rerun');
  // The old plan is returned with the note naming the new one.
  await page.locator(`#decision [data-dari="${PLAN_A}"]`).getByRole('link', { name: PLAN_A }).click();
  await page.getByRole('heading', { name: 'Rencana Mutasi ' + PLAN_A }).waitFor();
  const old = (await bk.get('/api/plans/' + PLAN_A)).body.plan;
  assert.equal(old.status, 'dikembalikan');
  assert.match(old.catatan_kembali, new RegExp(escapeRe(PLAN_B)));
  await page.locator('#decision').getByText('Dikembalikan ke BKPSDM', { exact: true }).first().waitFor();
  await page.locator('#decision dd').getByText(old.catatan_kembali, { exact: true }).waitFor();
  await page
    .locator('#rerun-note')
    .filter({ hasText: `sebagai rencana ${PLAN_B}` })
    .waitFor();
  assert.equal(await page.locator('#rerun-form').count(), 0);
  await shot(page, 'story-9-returned');
  await page.getByRole('link', { name: 'Buka rencana ' + PLAN_B }).click();
  await page.getByRole('heading', { name: 'Rencana Mutasi ' + PLAN_B }).waitFor();
  await page.getByRole('button', { name: 'Terbitkan ke pegawai' }).click();
  await page.locator('#decision').getByText('Diterbitkan ke pegawai', { exact: true }).waitFor();
  await logout(page);

  // The TPK finds the kept moves decided, agrees to the rest and closes;
  // the minutes download.
  await login(page, srv.url, srv.accounts.tpk);
  await page.goto(srv.url + '/#/rencana/' + PLAN_B);
  await page.locator(`#tpk-progress[data-decided="${agreed.length}"][data-total="${docB.moves.length}"]`).waitFor();
  assert.equal(await page.locator('#ba-pdf').count(), 0, 'no minutes before the session closes');
  assert.equal((await bk.get(`/api/plans/${PLAN_B}/berita-acara.pdf`)).status, 409);
  const toDecide = docB.moves.length - agreed.length;
  await page.getByRole('button', { name: `Setujui semua yang tidak berkeberatan (${toDecide})` }).click();
  await page.locator(`#tpk-progress[data-decided="${docB.moves.length}"]`).waitFor();
  await page.getByRole('button', { name: 'Tutup sidang' }).click();
  await page.locator('#decision').getByText('Dipertimbangkan TPK', { exact: true }).first().waitFor();
  const closed = (await bk.get('/api/plans/' + PLAN_B)).body;
  assert.equal(closed.plan.status, 'dipertimbangkan');
  assert.ok(closed.plan.ba_nomor);
  const ba = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Berita acara (PDF)' }).click();
  const baDl = await ba;
  assert.equal(baDl.suggestedFilename(), `berita-acara-${PLAN_B}.pdf`);
  const minutes = await pdfText(baDl);
  assert.ok(minutes.includes('BERITA ACARA'), minutes.slice(0, 400));
  assert.ok(minutes.includes(closed.plan.ba_nomor), 'the minutes carry their number');
  await logout(page);

  // The PPK strikes one more move with a reason: a permanent assignment
  // away from the kept request's places (one that no other move meets at
  // either end if there is one). When others depend on it, the server
  // names them and the PPK confirms that they go too. The plan is
  // decided from the 1st of next month.
  const ends = new Map();
  for (const x of closed.moves) {
    for (const e of [from(x), to(x)]) {
      ends.set(e, (ends.get(e) || 0) + 1);
    }
  }
  const strikable = (x) =>
    x.keputusan_tpk === 'setuju' &&
    !x.sementara_sampai &&
    x.nip !== kept.nip &&
    ![from(x), to(x)].some((e) => e === from(kept) || e === to(kept));
  const alone = (x) => strikable(x) && ends.get(from(x)) === 1 && ends.get(to(x)) === 1;
  const struck =
    closed.moves.find((x) => alone(x) && x.jenis === 'penugasan') ||
    closed.moves.find(alone) ||
    closed.moves.find(strikable);
  assert.ok(
    struck,
    'a move to strike: ' + JSON.stringify(closed.moves.map((x) => [x.jenis, x.keputusan_tpk, x.sementara_sampai])),
  );
  const REASON = 'Pegawai sedang menjalani pemeriksaan disiplin.';
  const tmt = firstOfNextMonth();
  await login(page, srv.url, srv.accounts.ppk);
  await page.goto(srv.url + '/#/rencana/' + PLAN_B);
  await page.locator('#approve-form').waitFor();
  await page.getByRole('link', { name: 'Berita acara (PDF)' }).waitFor();
  await page.getByLabel('Cari nama atau NIP').fill(struck.nip);
  await shown(page, 1);
  const sRow = page.locator('#move-table tbody tr').filter({ hasText: struck.nip });
  await sRow.getByRole('button', { name: `Coret: ${struck.nama}` }).click();
  await sRow.getByLabel(`Alasan coret untuk ${struck.nama}`).fill(REASON);
  await page.getByLabel('TMT mutasi').fill(tmt);
  const approve = () => page.waitForResponse((r) => r.url().endsWith(`/api/plans/${PLAN_B}/approve`));
  let answer = approve();
  await page.getByRole('button', { name: 'Tetapkan rencana' }).click();
  let approvedRes = await answer;
  let along = [];
  if (approvedRes.status() === 409) {
    const e = (await approvedRes.json()).error;
    along = e.nips;
    assert.match(e.message, /bergantung padanya/, 'only dependents are confirmed');
    const concerned = page.locator('#approve-concerned');
    await concerned.waitFor();
    assert.deepEqual(
      await concerned.locator('li[data-nip]').evaluateAll((xs) => xs.map((x) => x.dataset.nip)),
      along.slice(0, 20),
    );
    answer = approve();
    await concerned.getByRole('button', { name: 'Coret juga perpindahan tersebut lalu tetapkan' }).click();
    approvedRes = await answer;
  }
  assert.equal(approvedRes.status(), 200, await approvedRes.text());
  await page.locator('#decision').getByText('Ditetapkan', { exact: true }).first().waitFor();
  const final = (await bk.get('/api/plans/' + PLAN_B)).body;
  assert.equal(final.plan.status, 'ditetapkan');
  assert.equal(final.plan.tmt, tmt);
  const finalBy = new Map(final.moves.map((x) => [x.nip, x]));
  assert.equal(finalBy.get(struck.nip).keputusan_ppk, 'coret');
  assert.equal(finalBy.get(struck.nip).alasan_ppk, REASON);
  for (const n of along) {
    assert.equal(finalBy.get(n).keputusan_ppk, 'coret', n + ' is struck along');
  }

  // The SK lists exactly the permanent moves that survived: agreed by the
  // TPK, not struck by the PPK (nor along with the strike).
  const out = new Set([struck.nip, ...along]);
  const surviving = closed.moves
    .filter((x) => x.keputusan_tpk === 'setuju' && !out.has(x.nip) && !x.sementara_sampai)
    .map((x) => x.nip)
    .sort();
  assert.ok(surviving.includes(kept.nip), 'the kept request survives');
  assert.deepEqual(
    final.moves
      .filter((x) => x.keputusan_ppk === 'setuju' && !x.sementara_sampai)
      .map((x) => x.nip)
      .sort(),
    surviving,
  );
  const sk = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh SK mutasi (PDF)' }).click();
  const skText = await pdfText(await sk);
  assert.ok(skText.includes(final.plan.sk_nomor));
  assert.deepEqual([...new Set(skText.match(/\b\d{18}\b/g))].sort(), surviving, 'the SK names the surviving moves');
  // The minutes are still there once decided.
  const ba2 = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Berita acara (PDF)' }).click();
  assert.ok((await pdfText(await ba2)).includes('BERITA ACARA'));
  await shot(page, 'story-10-decided');

  // The refused request stays open with the plan's answer in its
  // timeline; the kept one is decided.
  const requests = (await bk.get('/api/requests')).body.rows;
  const refusedReq = requests.find((r) => r.nip === m.nip && r.status === 'diverifikasi');
  assert.ok(refusedReq, 'the refused request stays verified');
  const keptReq = requests.find((r) => r.nip === kept.nip && r.status === 'ditetapkan');
  assert.ok(keptReq, 'the kept request is decided');
  await page.goto(srv.url + '/#/permohonan/' + refusedReq.id);
  await page.locator('dl.facts .status').getByText('Diverifikasi BKPSDM', { exact: true }).waitFor();
  await page.locator('ol.timeline li', { hasText: `Belum dikabulkan dalam rencana ${PLAN_B}` }).waitFor();
  await page.goto(srv.url + '/#/permohonan/' + keptReq.id);
  await page
    .locator('ol.timeline li', { hasText: `Dikabulkan dalam rencana ${PLAN_B} ke ${kept.unit_tujuan}` })
    .waitFor();

  // The employee of the kept request still works where they are today;
  // their page says where they move and from when.
  const rec = (await bk.get('/api/employees/' + kept.nip)).body;
  assert.equal(rec.pindah?.unit, kept.unit_tujuan);
  assert.equal(rec.pindah?.tmt, tmt);
  assert.equal(rec.unit_berlaku, kept.unit_asal);
  await page.goto(srv.url + '/#/pegawai/' + kept.nip);
  const notice = page.locator('p.notice.info').filter({ hasText: 'Pindah ke' });
  await notice.waitFor();
  const said = await notice.textContent();
  assert.ok(said.includes(rec.pindah.unit_nama), said);
  const [y, mo] = tmt.split('-').map(Number);
  const MONTHS = [
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
  assert.ok(said.includes(`per 1 ${MONTHS[mo - 1]} ${y}`), said);
  await shot(page, 'story-11-pindah');
  t.diagnostic(
    `${PLAN_A}: ${docA.moves.length} moves, ${gone.size} refused, ${open.size} left open; ` +
      `${PLAN_B}: ${docB.moves.length} moves, ${agreed.length} kept; ` +
      `struck ${struck.jenis} ${struck.nip} with ${along.length} along`,
  );
  noErrors(errors);
  await page.context().close();
});
