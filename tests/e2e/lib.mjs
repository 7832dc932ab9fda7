// SPDX-License-Identifier: MIT
// The end-to-end harness: a real mutasi server on 127.0.0.1 (a free port)
// over a fresh demo database, and Debian's chromium driven by
// playwright-core. Every page records console errors and failed requests;
// screenshots are kept under build/e2e/ as test artifacts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const top = resolve(new URL('../..', import.meta.url).pathname);
const require = createRequire(join(top, 'ui/package.json'));
const { chromium } = require('playwright-core');

export const BIN = process.env.MUTASI_BIN || join(top, 'build/mutasi');
export const ARTIFACTS = process.env.E2E_ARTIFACTS || join(top, 'build/e2e');
mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });

// Run 'mutasi --db DB ARGS...' to completion; its stdout, or a thrown error.
export function mutasi(db, ...args) {
  const r = spawnSync(BIN, ['--db', db, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  if (r.status !== 0) {
    throw new Error(`mutasi ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  }
  return r.stdout;
}

// A demo database with one account per role (passwords as printed by
// 'mutasi demo') and a server on it. stop() ends the server and fails
// when a sanitizer reported anything.
//
// With E2E_URL set (tests/cluster/run), the demo runs elsewhere: E2E_URL
// is its web address (HAProxy before several servers), E2E_DB its
// database's URL and E2E_DEMO the file that holds what 'mutasi demo'
// printed; stop() then leaves it running.
export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'mutasi-e2e-'));
  const external = process.env.E2E_URL;
  const db = external ? process.env.E2E_DB : join(dir, 'demo.db');
  const out = external ? readFileSync(process.env.E2E_DEMO, 'utf8') : mutasi(db, 'demo');
  const accounts = {};
  for (const m of out.matchAll(/^akun demo: (\S+)\s+sandi (\S+) \((\S+)\)$/gm)) {
    accounts[m[3]] = { login: m[1], password: m[2] };
  }
  // pegawai, kepala_unit, bkpsdm, tpk (the performance-review team), ppk
  // (the official who decides) and admin.
  assert.equal(Object.keys(accounts).length, 6, 'demo prints six accounts:\n' + out);
  // The walkthrough's employee (the pegawai account) and the unit the
  // planner's rules say a plan would grant them.
  const applicant = /^ {2}1\. pegawai: NIP (\d{18}), .*\n.*\n.* \(([^()\n]+)\)\.$/m.exec(out);
  assert.ok(applicant, 'demo names its applicant:\n' + out);
  const srv = external ? { url: external, async stop() {} } : await serveDb(db);
  return {
    url: srv.url,
    db,
    dir,
    accounts,
    applicant: { nip: applicant[1], unit: applicant[2] },
    async stop() {
      await srv.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A server on database 'db' on a free port of 127.0.0.1, with 'env' added
// to its environment (e.g. MUTASI_TODAY). stop() ends it and fails when a
// sanitizer reported anything.
export async function serveDb(db, env = {}) {
  const proc = spawn(BIN, ['--db', db, 'serve', '--listen', '127.0.0.1:0'], {
    env: { ...process.env, LANG: 'C', ASAN_OPTIONS: 'detect_leaks=0', ...env },
  });
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr += d;
  });
  const url = await new Promise((ok, fail) => {
    let buf = '';
    const timer = setTimeout(() => fail(new Error('server did not start: ' + buf + stderr)), 20000);
    proc.stdout.on('data', (d) => {
      buf += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(buf);
      if (m) {
        clearTimeout(timer);
        ok(`http://127.0.0.1:${m[1]}`);
      }
    });
    proc.on('exit', (code) => fail(new Error(`server exited ${code}: ${stderr}`)));
  });
  return {
    url,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((ok) => (proc.exitCode !== null ? ok() : proc.on('exit', ok)));
      assert.ok(!/AddressSanitizer|runtime error:|LeakSanitizer/.test(stderr), 'server sanitizer report:\n' + stderr);
    },
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

// A new page that records console errors, uncaught exceptions and
// requests answered 5xx. Expected 4xx answers (a refused action) are the
// test's business, not an error of the page.
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport || { width: 1280, height: 900 },
    locale: 'id-ID',
    acceptDownloads: true,
    bypassCSP: !!options.bypassCSP,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    // A word missing from the dictionaries is an error of the page too.
    if ((m.type() === 'error' && !/status of 4\d\d/.test(m.text())) || /i18n: missing key/.test(m.text())) {
      errors.push('console: ' + m.text());
    }
  });
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  page.on('response', (r) => {
    if (r.status() >= 500) {
      errors.push(`HTTP ${r.status()} ${r.url()}`);
    }
  });
  page.on('dialog', (d) => d.accept());
  return { page, context, errors };
}

export async function login(page, url, account) {
  await page.goto(url + '/');
  await page.getByLabel('Nama pengguna').fill(account.login);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

export async function logout(page) {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByLabel('Nama pengguna').waitFor();
}

export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, 'screenshots', name + '.png'), fullPage: true });
}

// With E2E_SCREENSHOTS=DIR (make screenshots: docs/img), the pages of the
// README's walkthrough as DIR/NAME-1280.png (1280 x 800, a desktop) and
// DIR/NAME-390.png (390 x 844, a phone): the top of the page as a newcomer
// sees it (or, with 'at', the part from that element down), without the
// passing notices. The viewport is put back.
export async function docShot(page, name, at = null) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) {
    return;
  }
  mkdirSync(dir, { recursive: true });
  const size = page.viewportSize();
  const toasts = (v) =>
    page.evaluate((x) => document.querySelectorAll('.toasts').forEach((e) => (e.style.visibility = x)), v);
  await toasts('hidden');
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    if (at) {
      await page.locator(at).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    } else {
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(dir, `${name}-${width}.png`) });
  }
  await toasts('');
  await page.setViewportSize(size);
}

export function noErrors(errors) {
  assert.deepEqual(errors, [], 'the page logged errors');
}

// Call the JSON API as 'account' from node (to set up or check a story).
export async function apiSession(url, account) {
  const r = await fetch(url + '/api/login', {
    method: 'POST',
    body: JSON.stringify({ login: account.login, password: account.password }),
  });
  assert.equal(r.status, 200);
  const me = await r.json();
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const call = async (method, path, body) => {
    const res = await fetch(url + path, {
      method,
      headers: { cookie, 'X-CSRF-Token': me.csrf_token },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  // A PDF (or any bytes) as the body, as the upload of a document.
  const upload = async (path, bytes) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { cookie, 'X-CSRF-Token': me.csrf_token, 'Content-Type': 'application/pdf' },
      body: bytes,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return { me, get: (p) => call('GET', p), post: (p, b) => call('POST', p, b ?? {}), upload };
}

// A minimal, valid one-page PDF, with the cross-reference table and
// startxref that the server checks for.
export const PDF = (() => {
  const objs = [
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n',
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n',
    '3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\n',
  ];
  let text = '%PDF-1.4\n';
  const at = objs.map((o) => {
    const here = text.length;
    text += o;
    return here;
  });
  const xref = text.length;
  text += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const a of at) text += `${String(a).padStart(10, '0')} 00000 n \n`;
  text += `trailer<</Size ${objs.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text);
})();

// The documents a request must carry by default (settings dokumen_wajib
// and dokumen_wajib_<alasan>).
export function mandatoryDocs(alasan) {
  return ['surat_permohonan', ...(['ikut_pasangan', 'kesehatan'].includes(alasan) ? ['bukti_alasan'] : [])];
}

// Take submitted demo requests to diverifikasi through the API, as the
// process asks: the head of 5271.DIKBUD (the demo kepala) releases them,
// BKPSDM adds the mandatory documents the demo left out, reviews them
// 'sesuai' and verifies. Only the verified requests enter a plan (the
// setting tahap_permohonan). 'skip' (NIPs) are left alone. Resolves to
// the verified requests.
export async function verifyRequests(srv, { limit = Infinity, skip = [] } = {}) {
  const kepala = await apiSession(srv.url, srv.accounts.kepala_unit);
  const bk = await apiSession(srv.url, srv.accounts.bkpsdm);
  const done = [];
  const rows = (await kepala.get('/api/requests')).body.rows.filter(
    (r) => r.actions.includes('setujui_asal') && !skip.includes(r.nip),
  );
  for (const r of rows.slice(0, limit)) {
    assert.equal(
      (await kepala.post(`/api/requests/${r.id}/actions`, { action: 'setujui_asal', version: r.version })).status,
      200,
    );
    for (const jenis of mandatoryDocs(r.alasan)) {
      assert.equal(
        (await bk.upload(`/api/requests/${r.id}/documents?jenis=${jenis}&nama=${jenis}.pdf`, PDF)).status,
        200,
      );
    }
    for (const d of (await bk.get('/api/requests/' + r.id)).body.documents) {
      assert.equal((await bk.post(`/api/requests/${r.id}/documents/${d.id}/review`, { status: 'sesuai' })).status, 200);
    }
    const v = await bk.post(`/api/requests/${r.id}/actions`, { action: 'verifikasi' });
    assert.equal(v.status, 200, JSON.stringify(v.body));
    done.push(v.body);
  }
  return done;
}

export function writeArtifact(name, text) {
  writeFileSync(join(ARTIFACTS, name), text);
}
