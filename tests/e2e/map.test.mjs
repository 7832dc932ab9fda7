// SPDX-License-Identifier: MIT
// The dashboard map over the Mataram boundaries that 'mutasi demo' loads:
// 50 kelurahan and 6 kecamatan outlines, a legend with every colour the
// map uses, the choropleth modes, zoom and pan (the view box changes);
// the five-year retirement chart; no sideways scrolling on a phone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, noErrors, openPage, shot, startServer } from './lib.mjs';

let srv;
let browser;

before(async () => {
  srv = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

// Every fill of the map's areas and dots is a colour of the legend.
async function coloursUsed(page) {
  return page.evaluate(() => {
    const used = new Set();
    for (const e of document.querySelectorAll('#map .kelurahan path, #map .units circle')) {
      used.add(e.getAttribute('fill'));
    }
    const legend = [...document.querySelectorAll('#map .legend li')].map((li) => li.dataset.colour);
    return { used: [...used], legend };
  });
}

test('the map draws the kelurahan, the kecamatan outlines, a legend of every colour, and zooms and pans', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.locator('#map svg .kelurahan path').first().waitFor();
  assert.equal(await page.locator('#map .kelurahan path').count(), 50);
  // One outline per kecamatan: a mask made of its kelurahan.
  const outlines = await page.locator('#map .kecamatan [data-kecamatan]').evaluateAll((rs) =>
    rs.map((r) => {
      const m = document.querySelector(r.getAttribute('mask').replace(/^url\((.*)\)$/, '$1'));
      return { kec: r.dataset.kecamatan, d: m.querySelector('path').getAttribute('d') };
    }),
  );
  assert.equal(outlines.length, 6);
  for (const o of outlines) {
    const n = await page.locator(`#map .kelurahan path[data-kecamatan="${o.kec}"]`).count();
    assert.equal((o.d.match(/M/g) || []).length, n, `the outline of ${o.kec} is the union of its ${n} kelurahan`);
  }
  const labels = await page.locator('#map .kec-labels text').allTextContents();
  assert.deepEqual(labels.sort(), ['Ampenan', 'Cakranegara', 'Mataram', 'Sandubaya', 'Sekarbela', 'Selaparang']);
  assert.ok((await page.locator('#map .units a[data-unit]').count()) > 100);
  assert.equal(await page.locator('#map .scale').count(), 1);
  assert.equal(await page.locator('#map .north').count(), 1);
  let c = await coloursUsed(page);
  for (const col of c.used) {
    assert.ok(c.legend.includes(col), `colour ${col} of the map is in the legend ${c.legend}`);
  }
  await shot(page, 'map-units');
  // Choropleth by kelurahan, then by kecamatan: areas take gap colours.
  await page.getByRole('button', { name: 'Selisih per kelurahan' }).click();
  assert.equal(await page.locator('#map svg').getAttribute('data-mode'), 'kelurahan');
  assert.equal(await page.locator('#map .units').count(), 0);
  c = await coloursUsed(page);
  assert.ok(c.used.length >= 2, `choropleth uses ${c.used}`);
  for (const col of c.used) {
    assert.ok(c.legend.includes(col), `colour ${col} of the map is in the legend ${c.legend}`);
  }
  await shot(page, 'map-kelurahan');
  await page.getByRole('button', { name: 'Selisih per kecamatan' }).click();
  const kecFills = await page.evaluate(() => {
    const by = {};
    for (const p of document.querySelectorAll('#map .kelurahan path')) {
      (by[p.dataset.kecamatan] ||= new Set()).add(p.getAttribute('fill'));
    }
    return Object.values(by).map((s) => s.size);
  });
  assert.equal(kecFills.length, 6);
  assert.ok(
    kecFills.every((n) => n === 1),
    'one colour per kecamatan',
  );
  await shot(page, 'map-kecamatan');
  // Zoom by button, wheel and keyboard; pan by dragging and arrows.
  const svg = page.locator('#map svg');
  const vb0 = await svg.getAttribute('viewBox');
  await page.getByRole('button', { name: 'Perbesar' }).click();
  const vb1 = await svg.getAttribute('viewBox');
  assert.notEqual(vb1, vb0);
  assert.ok(Number(vb1.split(' ')[2]) < Number(vb0.split(' ')[2]), 'zoomed in');
  await svg.scrollIntoViewIfNeeded();
  const box = await svg.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((v) => document.querySelector('#map svg').getAttribute('viewBox') !== v, vb1);
  const vb2 = await svg.getAttribute('viewBox');
  assert.ok(Number(vb2.split(' ')[2]) < Number(vb1.split(' ')[2]), 'the wheel zooms in');
  assert.equal(await page.locator('#map .kel-labels text').count(), 50, 'kelurahan named when zoomed in');
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 5 });
  await page.mouse.up();
  const vb3 = await svg.getAttribute('viewBox');
  assert.notEqual(vb3, vb2);
  assert.equal(vb3.split(' ')[2], vb2.split(' ')[2], 'a drag pans without zooming');
  await svg.focus();
  await page.keyboard.press('ArrowRight');
  const vb4 = await svg.getAttribute('viewBox');
  assert.ok(Number(vb4.split(' ')[0]) > Number(vb3.split(' ')[0]), 'the arrow key pans');
  await page.keyboard.press('-');
  assert.ok(Number((await svg.getAttribute('viewBox')).split(' ')[2]) > Number(vb4.split(' ')[2]), '- zooms out');
  await shot(page, 'map-zoomed');
  await page.getByRole('button', { name: 'Tampilan awal' }).click();
  assert.equal(await svg.getAttribute('viewBox'), vb0);
  noErrors(errors);
  await page.context().close();
});

test('the retirement chart shows five years', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, srv.url, srv.accounts.bkpsdm);
  await page.locator('#ret canvas').waitFor();
  await page.locator('#ret summary').click();
  const years = await page.locator('#ret tbody tr td:first-child').allTextContents();
  assert.equal(years.length, 5, `years ${years}`);
  const y0 = new Date().getFullYear();
  assert.deepEqual(
    years,
    [0, 1, 2, 3, 4].map((i) => String(y0 + i)),
  );
  noErrors(errors);
  await page.context().close();
});

// Dashboard and inbox as BKPSDM, the requests page as an employee.
test('no sideways scrolling at 390 px on the dashboard, the inbox and the requests', async () => {
  for (const [who, pages] of [
    [
      'bkpsdm',
      [
        ['', 'dashboard'],
        ['#/kotak-masuk', 'inbox'],
      ],
    ],
    ['pegawai', [['#/permohonan-saya', 'requests']]],
  ]) {
    const { page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await login(page, srv.url, srv.accounts[who]);
    for (const [hash, name] of pages) {
      if (hash) {
        await page.goto(srv.url + '/' + hash);
      } else {
        await page.locator('#map svg .kelurahan path').first().waitFor();
      }
      await page.waitForLoadState('networkidle');
      await page.locator('main h1').first().waitFor();
      const over = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(over <= 0, `${name} overflows by ${over} px`);
      await shot(page, 'phone-' + name);
    }
    noErrors(errors);
    await page.context().close();
  }
});
