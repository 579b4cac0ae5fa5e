// The shopper's page in real headless Chromium: served by our server, core in wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, openViewer } from './browser.mjs';
import { decodePng, countNear } from './png.mjs';

let server, chrome;
before(async () => {
  server = await startServer();
  chrome = await startBrowser();
});
after(async () => {
  await chrome?.stop();
  server?.stop();
});

const plain = (s) => s.replace(/\u00a0/g, ' ');

test('the server sends wasm, modules and a strict CSP', async () => {
  const wasm = await fetch(new URL('etalase-core.wasm', server.url));
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  const mjs = await fetch(new URL('app.mjs', server.url));
  assert.match(mjs.headers.get('content-type'), /^text\/javascript/);
  const html = await fetch(server.url);
  const csp = html.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:/);
  const body = await html.text();
  assert.doesNotMatch(body, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline scripts');
  assert.doesNotMatch(body, /https?:\/\//, 'no remote origins in the page');
  assert.equal((await fetch(new URL('../../etc/passwd', server.url))).status, 404);
});

test('the overlay card is drawn by the core: pixels on a screenshot', async () => {
  const { page, context, errors } = await openViewer(chrome.browser, server.url);
  assert.equal(await page.evaluate(() => document.body.dataset.ready), 'true', errors.join('\n'));
  const shot = decodePng(await page.locator('#overlay').screenshot());
  const scale = shot.width / 360;
  // The card sits at the bottom left: white body, the T-shirt's teal, the red price.
  const card = { x: Math.round(12 * scale), y: Math.round(shot.height - 112 * scale), w: Math.round(300 * scale), h: Math.round(96 * scale) };
  const area = card.w * card.h;
  assert.ok(countNear(shot, card, [255, 255, 255], 3) > area / 4, 'white card body');
  assert.ok(countNear(shot, card, [0, 150, 136], 12) > 300 * scale * scale, 'product image (teal T-shirt)');
  assert.ok(countNear(shot, card, [208, 1, 27], 40) > 60 * scale * scale, 'red price text');
  // Above the card the video frame shows through (the overlay is transparent there).
  const above = { x: card.x, y: Math.round(100 * scale), w: card.w, h: Math.round(100 * scale) };
  assert.equal(countNear(shot, above, [255, 255, 255], 3), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('prices are formatted by ICU in the viewer\'s locale', async () => {
  const id = await openViewer(chrome.browser, server.url, { locale: 'id-ID' });
  assert.equal(plain(await id.page.locator('#card-button').getAttribute('data-price')), 'Rp 149.000');
  assert.match(plain(await id.page.locator('#card-button').getAttribute('aria-label')), /Kaos Polos Katun Premium, Rp 149\.000/);
  await id.context.close();
  const en = await openViewer(chrome.browser, server.url, { locale: 'en-US' });
  assert.equal(plain(await en.page.locator('#card-button').getAttribute('data-price')), 'IDR 149,000');
  assert.equal(await en.page.locator('#composer button').textContent(), 'Send');
  await en.context.close();
});

test('a comment typed into the form appears in the chat log', async () => {
  const { page, context } = await openViewer(chrome.browser, server.url);
  await page.fill('input[name="comment"]', 'Kak, ukuran L masih ada?');
  await page.press('input[name="comment"]', 'Enter');
  const log = page.locator('[role="log"] li');
  await log.last().waitFor();
  assert.equal(await log.last().locator('.text').textContent(), 'Kak, ukuran L masih ada?');
  assert.equal(await page.inputValue('input[name="comment"]'), '');
  await context.close();
});

test('markup in a comment is shown as text and runs nothing', async () => {
  const { page, context } = await openViewer(chrome.browser, server.url);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const evil = '<img src=x onerror=alert(1)>';
  await page.fill('input[name="comment"]', evil);
  await page.click('#composer button[type="submit"]');
  const last = page.locator('[role="log"] li').last();
  await last.waitFor();
  assert.equal(await last.locator('.text').textContent(), evil);
  assert.equal(await page.locator('[role="log"] img').count(), 0);
  await page.waitForTimeout(200);
  assert.equal(dialogs, 0);
  await context.close();
});
