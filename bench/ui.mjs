// SPDX-License-Identifier: MIT
// See bench/ui. Prints the median (and min/max) of each measure in ms.
import { launch, login, openPage, startServer } from '../tests/e2e/lib.mjs';

const runs = Number(process.env.RUNS || 9);
const srv = await startServer();
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const ref = [];
  for (let i = 0; i < runs; i++) {
    const { page, context } = await openPage(browser);
    await page.goto(srv.url + '/');
    await page.getByLabel('Nama pengguna').waitFor();
    ref.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  const { page } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  const dash = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(srv.url + '/#/dasbor');
    await page.reload();
    await page.waitForFunction(() => window.mutasiDashboardMs !== undefined, null, { timeout: 30000 });
    dash.push(await page.evaluate(() => window.mutasiDashboardMs));
  }
  const row = (name, xs) => console.log(`${name.padEnd(44)} ${median(xs).toFixed(0).padStart(6)} ms  (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`);
  console.log(`bench/ui: ${runs} runs each, chromium headless, mataram demo (${srv.url})`);
  row('login page first render (reference)', ref);
  row('dashboard first render (4 analyses, charts, map)', dash);
  console.log(`ratio dashboard / reference: ${(median(dash) / median(ref)).toFixed(2)}x`);
  const ms = median(dash);
  console.log(`GOAL 5-ui-dashboard ${ms.toFixed(0)}ms <1000ms ${ms < 1000 ? 'met' : 'not-met'} median first render, ${(ms / median(ref)).toFixed(2)}x the login page`);
} finally {
  await browser.close();
  await srv.stop();
}
