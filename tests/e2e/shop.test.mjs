// The live-shop viewer as a shopper uses it, in real headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSiteServer, startBrowser, openViewer, root } from './browser.mjs';
import { decodePng, countNear } from './png.mjs';

let server, chrome;
const feedSockets = [];
before(async () => {
  server = await startSiteServer({ onFeed: (socket) => feedSockets.push(socket) });
  chrome = await startBrowser();
});
after(async () => {
  await chrome?.stop();
  await server?.stop();
});

const plain = (s) => (s ?? '').replace(/\u00a0/g, ' ');
const demo = JSON.parse(readFileSync(join(root, 'assets', 'shows', 'demo.json'), 'utf8'));

const open = (query = '', options = {}) => openViewer(chrome.browser, server.url + query, options);

// Puts the show at time t (seconds) and waits for the page to catch up.
async function seek(page, t) {
  await page.evaluate((to) => { const v = document.querySelector('#video'); v.pause(); v.currentTime = to; }, t);
  await page.waitForFunction((to) => Math.abs(document.querySelector('#video').currentTime - to) < 0.05, t);
  await page.waitForTimeout(150);
}

async function send(page, text) {
  await page.fill('input[name="comment"]', text);
  await page.press('input[name="comment"]', 'Enter');
  await page.waitForTimeout(120);
}

test('the demo plays and the overlay card appears on a screenshot', async () => {
  const { page, context, errors } = await open();
  await page.waitForFunction(() => document.querySelector('#video').currentTime > 0.3, null, { timeout: 10000 });
  const shot = decodePng(await page.locator('#overlay').screenshot());
  const s = shot.width / 360;
  const card = { x: Math.round(12 * s), y: Math.round(shot.height - 112 * s), w: Math.round(300 * s), h: Math.round(96 * s) };
  assert.ok(countNear(shot, card, [255, 255, 255], 3) > (card.w * card.h) / 4, 'white card body');
  assert.ok(countNear(shot, card, [208, 1, 27], 40) > 60 * s * s, 'red price');
  assert.equal(plain(await page.locator('#card-button').getAttribute('data-price')), 'Rp 149.000');
  assert.deepEqual(errors, []);
  await context.close();
});

test('tapping the card opens the product sheet; adding to the cart totals in id and en, and a reload keeps it', async () => {
  const { page, context } = await open('?lang=id');
  await seek(page, 1);
  const events = await page.evaluateHandle(() => {
    const seen = [];
    window.addEventListener('etalase:add-to-cart', (e) => seen.push(e.detail));
    window.addEventListener('etalase:checkout', (e) => seen.push(e.detail));
    return seen;
  });
  await page.click('#card-button');
  assert.equal(await page.locator('#product-sheet').getAttribute('open'), '');
  assert.equal(await page.locator('#sheet-name').textContent(), 'Kaos Polos Katun Premium');
  // The sheet's price lines are the card's, from the core: price, struck original, discount.
  assert.equal(plain(await page.locator('#sheet-price').textContent()), 'Rp 149.000');
  assert.equal(plain(await page.locator('#sheet-original').textContent()), 'Rp 199.000');
  assert.equal(await page.locator('#sheet-discount').textContent(), '-25%');
  await page.fill('#sheet-qty', '2');
  await page.click('#sheet-add');
  await page.click('#shelf-button');
  assert.equal(plain(await page.locator('#cart-total').textContent()), 'Rp 298.000');
  const detail = await events.evaluate((seen) => seen[0]);
  assert.deepEqual(detail, { productId: 'kaos-polos', quantity: 2, cartQuantity: 2, unitPrice: 149000, currency: 'IDR' });
  await page.click('#checkout');
  const checkout = await events.evaluate((seen) => seen[1]);
  assert.deepEqual(checkout, { items: [{ productId: 'kaos-polos', quantity: 2, unitPrice: 149000 }], total: 298000, currency: 'IDR' });
  await page.keyboard.press('Escape');

  await page.selectOption('select[name="locale"]', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.click('#shelf-button');
  assert.equal(await page.locator('#shelf-title').textContent(), 'Products in this show');
  assert.equal(plain(await page.locator('#cart-total').textContent()), 'IDR 298,000');
  await page.keyboard.press('Escape');

  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.click('#shelf-button');
  assert.equal(plain(await page.locator('#cart-total').textContent()), 'IDR 298,000');
  assert.equal(await page.locator('#cart-lines li').count(), 1);
  await context.close();
});

test('the composer masks abuse, refuses a phone number with a localized reason, and posts clean chat', async () => {
  const { page, context } = await open('?lang=id');
  await seek(page, 1);
  await send(page, 'dasar 4nj1ng');
  const texts = () => page.locator('#chat-log li .text').allTextContents();
  assert.ok(!(await texts()).some((t) => t.includes('4nj1ng')), '4nj1ng is not shown as is');
  await send(page, 'wa 0812 3456 7890');
  assert.equal(await page.locator('#composer-status').textContent(), 'Nomor telepon tidak boleh dibagikan di chat');
  assert.equal(await page.inputValue('input[name="comment"]'), 'wa 0812 3456 7890', 'the refused text is kept');
  assert.ok(!(await texts()).some((t) => t.includes('0812')));
  await send(page, 'kak ukuran XL ready?');
  assert.equal((await texts()).at(-1), 'kak ukuran XL ready?');
  await context.close();
});

test('switching to en changes strings and the price format without a reload', async () => {
  const { page, context } = await open('?lang=id');
  await seek(page, 1);
  assert.equal(await page.locator('#composer button').textContent(), 'Kirim');
  await page.evaluate(() => { window.sameDocument = true; });
  await page.selectOption('select[name="locale"]', 'en');
  await page.waitForFunction(() => document.querySelector('#composer button').textContent === 'Send');
  assert.equal(await page.evaluate(() => window.sameDocument), true);
  assert.equal(plain(await page.locator('#card-button').getAttribute('data-price')), 'IDR 149,000');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});

test('seeking re-syncs the pinned card, the flash sale and the chat', async () => {
  const { page, context } = await open('?lang=id');
  await seek(page, 12);
  assert.equal(await page.locator('#card-button').getAttribute('data-product'), 'sepatu-lari');
  assert.equal(plain(await page.locator('#card-button').getAttribute('data-price')), 'Rp 299.000', 'flash-sale price');
  const shot = decodePng(await page.locator('#overlay').screenshot());
  const s = shot.width / 360;
  const banner = { x: Math.round(12 * s), y: Math.round(shot.height - 168 * s), w: Math.round(300 * s), h: Math.round(48 * s) };
  assert.ok(countNear(shot, banner, [238, 77, 45], 25) > 1000 * s * s, 'flash-sale banner drawn');
  const users = await page.locator('#chat-log li .user').allTextContents();
  assert.ok(users.includes('maya') && !users.includes('nadia'), 'chat shows what was said up to 12 s');
  await seek(page, 2);
  assert.equal(await page.locator('#card-button').getAttribute('data-product'), 'kaos-polos');
  assert.ok(!(await page.locator('#chat-log li .user').allTextContents()).includes('maya'));
  await context.close();
});

// Opens the viewer on the test's WebSocket feed; returns the page and its socket.
async function openWithFeed() {
  const known = feedSockets.length;
  const opened = await open(`?lang=id&feed=${encodeURIComponent(server.feedUrl)}`);
  const deadline = Date.now() + 5000;
  while (feedSockets.length === known && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.ok(feedSockets.length > known, 'the page connected to the feed');
  return { ...opened, socket: feedSockets.at(-1) };
}

const waitForChat = (page, text) => page.waitForFunction((t) => [...document.querySelectorAll('#chat-log li .text')].some((e) => e.textContent === t), text);

test('a WebSocket feed delivers moderated comments', async () => {
  const { page, context, socket } = await openWithFeed();
  socket.send(JSON.stringify({ id: 'f1', user: 'feeder', text: 'halo dari feed' }));
  socket.send(JSON.stringify([{ id: 'f2', user: 'feeder', text: 'host 4nj1ng' }, { id: 'f3', user: 'feeder', text: 'barangnya bagus' }]));
  socket.send('{not json');
  await page.waitForFunction(() => [...document.querySelectorAll('#chat-log li .text')].some((e) => e.textContent === 'barangnya bagus'));
  const texts = await page.locator('#chat-log li .text').allTextContents();
  assert.ok(texts.includes('halo dari feed'));
  assert.ok(!texts.some((t) => t.includes('4nj1ng')));
  await context.close();
});

test('at 1,000 comments a second the chat keeps a bounded DOM; scrolled up, new ones wait behind a pill', async () => {
  const { page, context, errors, socket } = await openWithFeed();
  await seek(page, 0.5); // paused: only the feed speaks
  const batch = (from, n) => Array.from({ length: n }, (_, k) => ({ id: `b${from + k}`, user: `penonton${(from + k) % 300}`, text: `komentar nomor ${from + k}` }));
  for (let i = 0; i < 1000; i += 50) {
    socket.send(JSON.stringify(batch(i, 50)));
    await new Promise((r) => setTimeout(r, 50));
  }
  await waitForChat(page, 'komentar nomor 999');
  const rows = await page.locator('#chat-log li').count();
  assert.ok(rows > 0 && rows <= 80, `${rows} rows in the DOM`);
  assert.equal(await page.locator('#new-messages').isHidden(), true);
  // Scrolled up to read, the shopper is not pulled down: new comments wait behind the pill.
  await page.locator('#chat-log').evaluate((el) => { el.scrollTop = 0; });
  await page.waitForTimeout(150);
  socket.send(JSON.stringify(batch(1000, 30)));
  await page.waitForFunction(() => /^30 /.test(document.querySelector('#new-messages').textContent) && !document.querySelector('#new-messages').hidden);
  assert.equal(plain(await page.locator('#new-messages').textContent()), '30 pesan baru ↓');
  assert.equal(await page.locator('#chat-log li .text', { hasText: 'komentar nomor 1029' }).count(), 0);
  await page.click('#new-messages');
  await waitForChat(page, 'komentar nomor 1029');
  assert.equal(await page.locator('#new-messages').isHidden(), true);
  assert.ok(await page.locator('#chat-log li').count() <= 80);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the composer tells a shopper who sends too fast to wait, and keeps the text', async () => {
  const { page, context, errors } = await open('?lang=id');
  for (let i = 0; i < 3; i++) await send(page, 'ready kak?');
  assert.equal(await page.locator('#chat-log li.own .text', { hasText: 'ready kak?' }).count(), 3);
  await send(page, 'ready kak?');
  assert.equal(await page.locator('#composer-status').textContent(), 'Kamu mengirim terlalu cepat. Tunggu sebentar');
  assert.equal(await page.inputValue('input[name="comment"]'), 'ready kak?', 'the refused text stays in the box');
  assert.equal(await page.locator('#chat-log li.own .text', { hasText: 'ready kak?' }).count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('markup in comments and product names renders as text', async () => {
  const evil = '<img src=x onerror="window.pwned=1">';
  const show = structuredClone(demo);
  show.products[0].name = { id: `Kaos ${evil}`, en: `Tee ${evil}` };
  show.comments = [{ t: 0.2, user: `<b>${evil}</b>`, text: evil }];
  show.video = undefined;
  const { page, context } = await open('?lang=id&show=assets/shows/test-show.json', { routes: { 'assets/shows/test-show.json': JSON.stringify(show) } });
  await page.waitForFunction(() => document.querySelectorAll('#chat-log li').length > 0);
  assert.equal(await page.locator('#chat-log li .text').first().textContent(), evil);
  assert.equal(await page.locator('#chat-log li .user').first().textContent(), `<b>${evil}</b>`);
  await page.click('#card-button');
  assert.equal(await page.locator('#sheet-name').textContent(), `Kaos ${evil}`);
  assert.equal(await page.locator('main img, dialog img[src="x"]').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await context.close();
});

test('a broken show file is reported in the shopper\'s language, naming the field', async () => {
  const show = structuredClone(demo);
  show.products[1].price = 'murah';
  const { page, context } = await open('?lang=id&show=assets/shows/bad-show.json', { routes: { 'assets/shows/bad-show.json': JSON.stringify(show) } });
  assert.equal(await page.evaluate(() => document.body.dataset.ready), 'error');
  assert.equal(await page.locator('#status').textContent(), 'File siaran tidak valid di products[1].price: harus berupa angka');
  await context.close();
});

test('a missing or broken ICU data file is reported in the shopper\'s language, naming the file', async () => {
  const cases = [
    [{ status: 404, body: 'gone' }, /icudt72l\.dat could not be fetched \(HTTP 404\)/],
    [{ status: 200, contentType: 'application/octet-stream', body: Buffer.alloc(4096, 7) }, /icudt72l\.dat: ICU data .*U_INVALID_FORMAT_ERROR/],
  ];
  for (const [reply, detail] of cases) {
    const { page, context } = await open('?lang=id', { routes: { 'icudt72l.dat': reply } });
    assert.equal(await page.evaluate(() => document.body.dataset.ready), 'error');
    const status = await page.locator('#status').textContent();
    assert.match(status, /^Siaran tidak dapat dimuat: /);
    assert.match(status, detail);
    await context.close();
  }
});

test('keyboard: the pinned card is a button that opens the sheet, and focus is visible', async () => {
  const { page, context } = await open('?lang=id');
  await seek(page, 1);
  await page.focus('#card-button');
  assert.match(await page.locator('#card-button').getAttribute('aria-label'), /^Produk disematkan: Kaos Polos Katun Premium, Rp.149\.000/);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#product-sheet').getAttribute('open'), '');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#product-sheet').getAttribute('open'), null);
  // The pinned product is announced politely when it changes.
  await page.evaluate(() => { document.querySelector('#video').currentTime = 8.5; });
  await page.waitForFunction(() => /Sepatu Lari Ringan/.test(document.querySelector('#announcer').textContent));
  assert.equal(await page.locator('#announcer').getAttribute('aria-live'), 'polite');
  await context.close();
});

test('prefers-reduced-motion stops the hearts', async () => {
  const heartsIn = async (reducedMotion) => {
    const ctx = await chrome.browser.newContext({ locale: 'id-ID', viewport: { width: 900, height: 820 }, reducedMotion });
    const { page } = await open('?lang=id', { context: ctx });
    await seek(page, 10.9);
    await page.evaluate(() => document.querySelector('#video').play());
    await page.waitForFunction(() => document.querySelector('#video').currentTime > 11.6);
    const shot = decodePng(await page.locator('#overlay').screenshot());
    const s = shot.width / 360;
    // Hearts rise along the right edge, above the card and banner.
    const lane = { x: Math.round(250 * s), y: Math.round(200 * s), w: Math.round(110 * s), h: Math.round(280 * s) };
    // Pink and violet hearts: colours the demo video never shows.
    const pink = countNear(shot, lane, [255, 64, 129], 35) + countNear(shot, lane, [224, 64, 251], 35);
    await ctx.close();
    return pink;
  };
  assert.ok(await heartsIn('no-preference') > 50, 'hearts float when motion is fine');
  assert.equal(await heartsIn('reduce'), 0);
});

test('on a laptop the chat sits beside the stage and the player fits the window, controls included', async () => {
  const ctx = await chrome.browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 800 } });
  const { page } = await open('?lang=id', { context: ctx });
  const screen = await page.locator('.screen').boundingBox();
  const controls = await page.locator('#controls').boundingBox();
  const chat = await page.locator('.chat').boundingBox();
  assert.ok(Math.abs(screen.width / screen.height - 9 / 16) < 0.01, `${screen.width}x${screen.height}`);
  assert.ok(chat.x >= screen.x + screen.width, 'chat to the right of the stage');
  assert.ok(chat.y < screen.y + screen.height / 2, 'side by side, not below');
  assert.ok(controls.y + controls.height <= 800, `controls end at ${controls.y + controls.height}px of 800`);
  await ctx.close();
});

// WCAG 2 contrast of the text a shopper reads against what is behind it (AA: 4.5, 3 for
// large text), computed from the page's own styles.
test('text colours meet WCAG AA contrast against their backgrounds', async () => {
  const { page, context } = await open('?lang=id');
  await send(page, 'wa 0812 3456 7890'); // a composer status to check too
  const report = await page.evaluate(() => {
    const rgb = (c) => c.match(/[\d.]+/g).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out = [];
    for (const sel of ['h1', '.live-meta', '.chat h2', '#chat-log .user', '#chat-log .text', '#composer-status', '.composer button', '.composer input', '.shelf-button', 'label', '.clock']) {
      for (const el of document.querySelectorAll(sel)) {
        if (!el.textContent.trim() && el.tagName !== 'INPUT') continue;
        const style = getComputedStyle(el);
        const a = lum(rgb(style.color)), b = lum(background(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
        out.push({ sel, ratio: Math.round(ratio * 100) / 100, need: large ? 3 : 4.5 });
      }
    }
    return out;
  });
  assert.ok(report.length >= 10, `${report.length} texts checked`);
  const low = report.filter((r) => r.ratio < r.need);
  assert.deepEqual(low, []);
  await context.close();
});

test('on a phone the stage is portrait 9:16 with the chat below it', async () => {
  const ctx = await chrome.browser.newContext({ locale: 'id-ID', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const { page } = await open('?lang=id', { context: ctx });
  const screen = await page.locator('.screen').boundingBox();
  const chat = await page.locator('.chat').boundingBox();
  assert.ok(Math.abs(screen.width / screen.height - 9 / 16) < 0.01, `${screen.width}x${screen.height}`);
  assert.ok(screen.width > 340, 'the stage uses the phone width');
  assert.ok(chat.y >= screen.y + screen.height, 'chat below the stage');
  assert.equal(await page.evaluate(() => document.querySelector('#overlay').width), 720, 'overlay drawn at device resolution');
  await page.tap('#card-button');
  assert.equal(await page.locator('#product-sheet').getAttribute('open'), '');
  await ctx.close();
});
