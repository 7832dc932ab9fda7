// SPDX-License-Identifier: MIT
// The end-to-end harness: a real mutasi server on 127.0.0.1 (a free port)
// over a fresh demo database, and Debian's chromium driven by
// playwright-core. Every page records console errors and failed requests;
// screenshots are kept under build/e2e/ as test artifacts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'mutasi-e2e-'));
  const db = join(dir, 'demo.db');
  const out = mutasi(db, 'demo');
  const accounts = {};
  for (const m of out.matchAll(/^akun demo: (\S+)\s+sandi (\S+) \((\S+)\)$/gm)) {
    accounts[m[3]] = { login: m[1], password: m[2] };
  }
  assert.equal(Object.keys(accounts).length, 5, 'demo prints five accounts:\n' + out);
  const proc = spawn(BIN, ['--db', db, 'serve', '--listen', '127.0.0.1:0'], {
    env: { ...process.env, LANG: 'C', ASAN_OPTIONS: 'detect_leaks=0' },
  });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
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
    url, db, dir, accounts,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((ok) => (proc.exitCode !== null ? ok() : proc.on('exit', ok)));
      rmSync(dir, { recursive: true, force: true });
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
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) {
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

export function noErrors(errors) {
  assert.deepEqual(errors, [], 'the page logged errors');
}

// Call the JSON API as 'account' from node (to set up or check a story).
export async function apiSession(url, account) {
  const r = await fetch(url + '/api/login', {
    method: 'POST', body: JSON.stringify({ login: account.login, password: account.password }),
  });
  assert.equal(r.status, 200);
  const me = await r.json();
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const call = async (method, path, body) => {
    const res = await fetch(url + path, {
      method, headers: { cookie, 'X-CSRF-Token': me.csrf_token }, body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return { me, get: (p) => call('GET', p), post: (p, b) => call('POST', p, b ?? {}) };
}

export function writeArtifact(name, text) {
  writeFileSync(join(ARTIFACTS, name), text);
}
