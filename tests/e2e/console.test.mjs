// The moderator console (web/console.html) against real viewer tabs (index.html) in one
// headless Chromium context: held comments, decisions, user actions, terms, persistence,
// 10,000 comments, two moderators at once, CSV export, markup shown as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startBrowser } from './browser.mjs';
import {
  startConsoleSite, newContext, openViewerTab, openConsoleTab, sendComment, chatTexts, waitForChatText,
  waitForRow, waitForRows, queueRow, pick, waitForLive, clearLive, selectTab, addTerm,
} from './console_helpers.mjs';

const { parseCsv } = await import('../../web/console_logic.mjs');

let site, chrome;
before(async () => {
  site = await startConsoleSite();
  chrome = await startBrowser();
});
after(async () => {
  await chrome?.stop();
  await site?.stop();
});

// A link to an unknown domain is held at the default level 2.
const HELD = 'cek www.murahbanget.xyz';
const heldText = (n) => `${HELD} ${n}`;
const HELD_STATUS = /waiting for a moderator/;

/** One context with a viewer and a console; `errors` collects page errors. */
async function setup({ viewers = 1, consoles = 1, contextOptions = {} } = {}) {
  const context = await newContext(chrome.browser, contextOptions);
  const errors = [];
  const con = [];
  for (let i = 0; i < consoles; i++) con.push(await openConsoleTab(context, site.url, errors));
  const view = [];
  for (let i = 0; i < viewers; i++) view.push(await openViewerTab(context, site.url, errors));
  return { context, errors, con, view };
}

test('the viewer page is wired to the console (connectViewer in app.mjs)', async () => {
  const app = await (await fetch(new URL('app.mjs', site.url))).text();
  assert.match(app, /connectViewer\(/, 'web/app.mjs must call connectViewer from mod_viewer_link.mjs');
});

test('a held comment appears in the queue with its span highlighted', async () => {
  const { context, errors, con: [con], view: [viewer] } = await setup();
  const text = heldText('a');
  assert.match(await sendComment(viewer, text), HELD_STATUS);
  const row = await waitForRow(con, text);
  assert.equal(await row.getAttribute('aria-selected'), 'true', 'the only comment is the current one');
  const marks = await row.locator('mark').allTextContents();
  assert.ok(marks.some((m) => m.includes('murahbanget.xyz')), `highlighted: ${marks}`);
  assert.match(await row.locator('.row-head').textContent(), /Link/);
  assert.match(await row.locator('.rules').textContent(), /\S/, 'rule ids are shown');
  // The detail pane has the same marks, and a button per matched span to make a term from it.
  await pick(con, text);
  assert.ok((await con.locator('#d-text mark').allTextContents()).some((m) => m.includes('murahbanget.xyz')));
  assert.ok(await con.locator('#d-spans button').count() >= 1);
  assert.equal(await con.getAttribute('#queue', 'role'), 'listbox');
  assert.deepEqual(errors, []);
  await context.close();
});

test('approve: the comment appears in every open viewer; deny: it never does', async () => {
  const { context, errors, con: [con], view: [v1, v2] } = await setup({ viewers: 2 });
  const denied = heldText('denied');
  const approved = heldText('approved');
  await sendComment(v1, denied);
  await sendComment(v1, approved);
  assert.deepEqual((await chatTexts(v1)).filter((t) => t.startsWith(HELD)), [], 'held comments are not shown before a decision');
  await waitForRows(con, [denied, approved]);
  await pick(con, denied);
  await con.keyboard.press('d');
  await waitForLive(con, /Denied/);
  await pick(con, approved);
  await con.keyboard.press('a');
  await waitForLive(con, /Approved/);
  // Messages from one sender arrive in order: once the approval shows, the denial was seen.
  await waitForChatText(v1, approved);
  await waitForChatText(v2, approved);
  for (const v of [v1, v2]) assert.ok(!(await chatTexts(v)).includes(denied));
  assert.equal(await con.locator('#queue [role="option"]').count(), 0, 'decided comments leave the held queue');
  assert.deepEqual(errors, []);
  await context.close();
});

test('ban: the user\'s next comment is dropped, also in a viewer opened later', async () => {
  const { context, errors, con: [con], view: [viewer] } = await setup();
  const text = heldText('ban');
  await sendComment(viewer, text);
  await pick(con, text);
  // The shopper is banned by the handle their browser keeps, not as a shared "me".
  const handle = await viewer.evaluate(() => localStorage.getItem('etalase.shopper'));
  assert.match(handle, /^viewer-[a-z0-9]{6}$/);
  assert.equal(await con.locator('#d-user').textContent(), handle);
  await con.keyboard.press('b');
  await waitForLive(con, new RegExp(`Banned ${handle}`));
  await viewer.waitForTimeout(200);
  const status = await sendComment(viewer, 'Kak, ukuran L masih ada?');
  assert.match(status, /restricted/);
  assert.ok(!(await chatTexts(viewer)).includes('Kak, ukuran L masih ada?'));
  // A viewer opened while no console is open reads the ban from IndexedDB.
  await con.close();
  const later = await openViewerTab(context, site.url, errors);
  await later.waitForTimeout(300);
  assert.match(await sendComment(later, 'halo semua'), /restricted/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('timeout: t with a chosen length mutes the user until then', async () => {
  const { context, errors, con: [con], view: [viewer] } = await setup();
  const text = heldText('timeout');
  await sendComment(viewer, text);
  await pick(con, text);
  await con.selectOption('#act-duration', 'custom');
  await con.fill('#act-custom', '5s');
  await con.click('#queue');
  await con.keyboard.press('t');
  assert.match(await waitForLive(con, /10 s/), /from 10 s to 24 h/, 'too short a timeout is refused');
  await con.fill('#act-custom', '90s');
  await con.click('#queue');
  await con.keyboard.press('t');
  await waitForLive(con, /Timed out viewer-[a-z0-9]{6}/);
  await viewer.waitForTimeout(200);
  assert.match(await sendComment(viewer, 'boleh tanya?'), /restricted/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('blocking the term mur*h holds "murah banget" in the viewer at once; permitting lets it through', async () => {
  const { context, errors, con: [con], view: [viewer] } = await setup();
  assert.doesNotMatch(await sendComment(viewer, 'murah banget'), HELD_STATUS);
  await waitForChatText(viewer, 'murah banget');
  await addTerm(con, 'mur*h', 'block');
  await viewer.waitForTimeout(200);
  assert.match(await sendComment(viewer, 'murah banget'), HELD_STATUS);
  const row = await waitForRow(con, 'murah banget');
  assert.deepEqual(await row.locator('mark').allTextContents(), ['murah']);
  // Permit the word: it passes again.
  await addTerm(con, 'murah', 'permit');
  await viewer.waitForTimeout(200);
  // (New wording each time: the same text three times from one user is flood.)
  assert.doesNotMatch(await sendComment(viewer, 'murah banget kak'), HELD_STATUS);
  await waitForChatText(viewer, 'murah banget kak');
  // A term from a matched span: pick the span in the detail pane and block it.
  await pick(con, 'murah banget');
  await con.click('#d-spans button');
  assert.equal(await con.inputValue('#span-pattern'), 'murah');
  // Or select words of the comment with the pointer: "banget" becomes a blocked term that
  // holds the viewer's next comment with it at once.
  await con.locator('#d-text').evaluate((el) => {
    const node = [...el.childNodes].map((n) => (n.nodeType === 3 ? n : n.firstChild)).find((n) => n?.textContent.includes('banget'));
    const at = node.textContent.indexOf('banget');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'banget'.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await con.click('#use-selection');
  assert.equal(await con.inputValue('#span-pattern'), 'banget');
  await con.click('#span-block');
  await con.waitForFunction(() => [...document.querySelectorAll('#terms-body code')].some((c) => c.textContent === 'banget'), null, { polling: 50 });
  await viewer.waitForTimeout(200);
  assert.match(await sendComment(viewer, 'bagus banget bahannya'), HELD_STATUS);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a level change applies in the open viewer at once', async () => {
  const { context, errors, con: [con], view: [viewer] } = await setup();
  assert.match(await sendComment(viewer, heldText('lvl-1')), HELD_STATUS);
  await selectTab(con, 'settings');
  // The level table: a header and one row a level, the default marked, level 4 holding.
  const rows = await con.$$eval('#level-table tr', (trs) => trs.map((r) => r.textContent));
  assert.equal(rows.length, 6);
  assert.match(rows[3], /default/);
  assert.match(rows[3], /severity 2 and up/);
  assert.match(rows[5], /held for review/);
  await con.selectOption('#level-cats select[data-cat="link"]', '0');
  await waitForLive(con, /Settings saved/);
  await viewer.waitForTimeout(200);
  assert.doesNotMatch(await sendComment(viewer, heldText('lvl-2')), HELD_STATUS);
  await waitForChatText(viewer, heldText('lvl-2'));
  await con.bringToFront();
  await clearLive(con);
  await con.selectOption('#level-cats select[data-cat="link"]', '');
  await waitForLive(con, /Settings saved/);
  await viewer.waitForTimeout(200);
  assert.match(await sendComment(viewer, heldText('lvl-3')), HELD_STATUS);
  assert.deepEqual(errors, []);
  await context.close();
});

test('settings reach a viewer opened later, with no console open', async () => {
  const { context, errors, con: [con] } = await setup({ viewers: 0 });
  await addTerm(con, '*diskonpalsu*', 'block');
  await con.close();
  const viewer = await openViewerTab(context, site.url, errors);
  await viewer.waitForTimeout(300);
  assert.match(await sendComment(viewer, 'ada kodediskonpalsu123'), HELD_STATUS);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload of the console keeps the queue, decisions, terms and log', async () => {
  const { context, errors, con: [con], view: [viewer] } = await setup();
  for (const n of ['keep-1', 'keep-2', 'keep-3']) await sendComment(viewer, heldText(n));
  await waitForRow(con, heldText('keep-3'));
  await pick(con, heldText('keep-2'));
  await con.fill('#act-reason', 'looks fine');
  await con.click('#queue');
  await con.keyboard.press('a');
  await waitForLive(con, /Approved/);
  await addTerm(con, 'slot*', 'block');
  await con.reload();
  await con.waitForFunction(() => document.body.dataset.ready === 'true', null, { polling: 50 });
  await waitForRow(con, heldText('keep-1'));
  await waitForRow(con, heldText('keep-3'));
  assert.equal(await con.locator('#queue [role="option"]').count(), 2);
  assert.equal(await queueRow(con, heldText('keep-3')).getAttribute('aria-posinset'), '1', 'newest first');
  await con.selectOption('#q-status', 'approved');
  await waitForRow(con, heldText('keep-2'));
  await selectTab(con, 'settings');
  assert.deepEqual(await con.locator('#terms-body code').allTextContents(), ['slot*']);
  await selectTab(con, 'audit');
  await con.waitForSelector('#audit-body tr');
  const log = await con.locator('#audit-body').textContent();
  assert.match(log, /approved/);
  assert.match(log, /looks fine/);
  assert.match(log, /added a term/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('10,000 held comments load, scroll and take keys with only the visible rows in the DOM', async () => {
  const { context, errors, con: [con] } = await setup({ viewers: 0 });
  await con.evaluate(async () => {
    const { openModStore } = await import('./mod_store.mjs');
    const store = await openModStore();
    const now = Date.now();
    const cats = ['link', 'spam', 'insult', 'scam'];
    const entries = Array.from({ length: 10000 }, (_, i) => {
      const text = `komentar nomor ${i} cek www.toko${i}.xyz`;
      const at = text.indexOf('www');
      return {
        id: `seed-${i}`, heldAt: now - (10000 - i) * 1000, status: 'held',
        comment: { id: `seed-${i}`, user: `user${i % 700}`, text, ts: i, lang: 'id' },
        verdict: { id: `seed-${i}`, action: 'hold', categories: [cats[i % 4]], spans: [[at, text.length, 'link.unknown']], masked: text },
      };
    });
    await store.addHeldMany(entries);
    store.close();
  });
  const t0 = Date.now();
  await con.reload();
  await con.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30000, polling: 50 });
  const loadMs = Date.now() - t0;
  assert.match(await con.locator('#q-count').textContent(), /10,000 shown/);
  const rows = () => con.locator('#queue [role="option"]').count();
  assert.ok(await rows() < 40, `virtualized: ${await rows()} rows in the DOM`);
  assert.equal(await con.locator('#queue [role="option"][aria-selected="true"] .row-text').textContent(), 'komentar nomor 9999 cek www.toko9999.xyz', 'newest first');
  // Scroll to the end: the oldest comment is reachable and rendered.
  await con.locator('#queue').evaluate((q) => { q.scrollTop = q.scrollHeight; });
  await con.waitForFunction(() => [...document.querySelectorAll('#queue .row-text')].some((e) => e.textContent.startsWith('komentar nomor 0 ')), null, { polling: 50 });
  assert.ok(await rows() < 40);
  // Keys: End goes to the last item, k/j move, all in a small, constant DOM.
  await con.click('#queue [role="option"] >> nth=0');
  await con.keyboard.press('End');
  await con.waitForFunction(() => document.querySelector('#queue [aria-selected="true"]')?.getAttribute('aria-posinset') === '10000', null, { polling: 50 });
  const keyMs = await con.evaluate(async () => {
    const q = document.querySelector('#queue');
    const t = performance.now();
    for (let i = 0; i < 50; i++) q.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true }));
    return performance.now() - t;
  });
  assert.equal(await con.getAttribute('#queue [aria-selected="true"]', 'aria-posinset'), '9950');
  const active = await con.getAttribute('#queue', 'aria-activedescendant');
  assert.equal(await con.getAttribute(`#${active}`, 'aria-selected'), 'true');
  assert.ok(await rows() < 40);
  // Search filters all 10,000 (after typing pauses).
  await con.keyboard.press('/');
  await con.keyboard.type('nomor 1234 ');
  await con.waitForFunction(() => /^1 shown/.test(document.querySelector('#q-count').textContent), null, { polling: 50 });
  console.log(`  10,000 comments: console ready in ${loadMs} ms after reload; 50 key moves took ${keyMs.toFixed(1)} ms`);
  assert.ok(loadMs < 20000, `load took ${loadMs} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new comment never swaps or moves the one under the pointer; scrolled down, the view stays put', async () => {
  const { context, errors, con: [con], view: [viewer] } = await setup();
  const post = (from, to) => viewer.evaluate(async ([a, b]) => {
    const { openModerationChannel } = await import('./mod_channel.mjs');
    const ch = openModerationChannel(() => {});
    for (let i = a; i < b; i++) {
      const text = `antrian ${i} cek www.toko.xyz`;
      ch.post({ type: 'held', comment: { id: `q-${i}`, user: '@u', text, ts: i, lang: 'id' }, verdict: { id: `q-${i}`, action: 'hold', categories: ['link'], spans: [[text.indexOf('www'), text.length, 'link.unknown']], masked: text } });
      await new Promise((r) => setTimeout(r, 2)); // distinct arrival times, newest first
    }
    ch.close();
  }, [from, to]);
  const shown = (n) => con.waitForFunction((k) => document.querySelector('#q-count').textContent.startsWith(`${k} shown`), n, { polling: 50 });
  await post(0, 30);
  await shown(30);
  await con.bringToFront();
  // At the top: the row element showing comment 29 still shows it after comment 30 arrives above.
  const row = await (await waitForRow(con, 'antrian 29 cek www.toko.xyz')).elementHandle();
  await post(30, 31);
  await shown(31);
  assert.equal(await row.evaluate((el) => el.querySelector('.row-text').textContent), 'antrian 29 cek www.toko.xyz');
  // At the top with the pointer over the queue: the comment under the pointer stays under it.
  const box = await row.boundingBox();
  const aim = [box.x + box.width / 2, box.y + box.height / 2];
  const under = () => con.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.row')?.querySelector('.row-text')?.textContent, aim);
  await con.mouse.move(...aim);
  assert.equal(await under(), 'antrian 29 cek www.toko.xyz');
  await post(31, 33);
  await shown(33);
  await con.waitForTimeout(100);
  assert.equal(await under(), 'antrian 29 cek www.toko.xyz');
  await con.mouse.move(0, 0);
  // Scrolled down: what is at the top of the view stays there while comments arrive above.
  const atTop = () => con.evaluate(() => {
    const q = document.querySelector('#queue');
    const r = q.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + 20)?.closest('.row')?.querySelector('.row-text')?.textContent;
  });
  await con.locator('#queue').evaluate((q) => { q.scrollTop = 680; });
  await con.waitForTimeout(100);
  const before = await atTop();
  assert.match(before, /^antrian \d+ /);
  await post(33, 36);
  await shown(36);
  await con.waitForTimeout(100);
  assert.equal(await atTop(), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two console tabs: the first decision wins and the other tab updates', async () => {
  const { context, errors, con: [a, b], view: [viewer] } = await setup({ consoles: 2 });
  await a.fill('#mod-name', 'mod-a');
  await a.press('#mod-name', 'Tab');
  await b.fill('#mod-name', 'mod-b');
  await b.press('#mod-name', 'Tab');
  // (1) A approves: B's queue drops the comment and says who decided it.
  const one = heldText('first');
  await sendComment(viewer, one);
  await waitForRow(b, one);
  await pick(b, one);
  await pick(a, one);
  await a.keyboard.press('a');
  await waitForLive(b, /mod-a approved the comment by viewer-[a-z0-9]{6}/);
  assert.equal(await b.locator('#queue [role="option"]').count(), 0);
  // (2) A decision B has not heard of yet (stored, not broadcast): B's deny loses and says so.
  const two = heldText('second');
  await sendComment(viewer, two);
  await pick(b, two);
  await b.evaluate(async (text) => {
    const { openModStore } = await import('./mod_store.mjs');
    const store = await openModStore();
    const entry = (await store.loadQueue()).find((e) => e.comment.text === text);
    await store.decide(entry.id, 'approve', { who: 'mod-c' });
    store.close();
  }, two);
  await b.keyboard.press('d');
  assert.match(await waitForLive(b, /Already approved by mod-c/), /was not changed/);
  // (3) Both press at once: exactly one decision is stored and logged.
  const three = heldText('third');
  await sendComment(viewer, three);
  await pick(a, three);
  await pick(b, three);
  await Promise.all([a.keyboard.press('a'), b.keyboard.press('d')]);
  await a.waitForTimeout(300);
  const decisions = await a.evaluate(async (text) => {
    const { openModStore } = await import('./mod_store.mjs');
    const store = await openModStore();
    const log = (await store.listAudit()).filter((e) => e.text === text && (e.what === 'approve' || e.what === 'deny'));
    store.close();
    return log.length;
  }, three);
  assert.equal(decisions, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the store\'s check-and-set lets exactly one of many concurrent decisions win', async () => {
  const { context, errors, con: [a, b] } = await setup({ viewers: 0, consoles: 2 });
  await a.evaluate(async () => {
    const { openModStore } = await import('./mod_store.mjs');
    const store = await openModStore();
    await store.addHeld({ id: 'race', heldAt: Date.now(), comment: { id: 'race', user: 'u', text: 'x' }, verdict: { categories: [] } });
    store.close();
  });
  const race = (page, who, decision) => page.evaluate(async ([w, d]) => {
    const { openModStore } = await import('./mod_store.mjs');
    const store = await openModStore();
    const rs = await Promise.all([1, 2, 3].map((n) => store.decide('race', d, { who: `${w}-${n}` })));
    store.close();
    return rs.map((r) => r.ok);
  }, [who, decision]);
  const [ra, rb] = await Promise.all([race(a, 'a', 'approve'), race(b, 'b', 'deny')]);
  assert.equal([...ra, ...rb].filter(Boolean).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a comment with markup is shown as text, never run', async () => {
  const { context, errors, con: [con], view: [viewer] } = await setup();
  const evil = `<img src=x onerror=alert(1)><b>bold</b> ${HELD}`;
  assert.match(await sendComment(viewer, evil), HELD_STATUS);
  const row = await waitForRow(con, evil);
  assert.equal(await row.locator('.row-text').textContent(), evil);
  await pick(con, evil);
  assert.equal(await con.locator('#d-text').textContent(), evil);
  assert.equal(await con.locator('#queue img, #detail img, #queue b, #detail b').count(), 0);
  await con.keyboard.press('a');
  await waitForChatText(viewer, evil);
  assert.equal(await viewer.locator('#chat-log img').count(), 0);
  await con.waitForTimeout(200);
  assert.equal(con.dialogs() + viewer.dialogs(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the audit log CSV: one row per decision, RFC 4180 escaping, formula guard', async () => {
  const { context, errors, con: [con], view: [viewer] } = await setup();
  await con.fill('#mod-name', '=mod "quoted", eve');
  await con.press('#mod-name', 'Tab');
  // A comment from a feed may hold line breaks: post one as a viewer would.
  const multi = `baris satu, "kutip"\nbaris dua ${HELD}`;
  await viewer.evaluate(async (text) => {
    const { openModerationChannel } = await import('./mod_channel.mjs');
    const ch = openModerationChannel(() => {});
    ch.post({ type: 'held', comment: { id: 'feed-1', user: '@budi', text, ts: 1, lang: 'id' }, verdict: { id: 'feed-1', action: 'hold', categories: ['link'], spans: [[text.indexOf('www'), text.length, 'link.unknown']], masked: text } });
    ch.close();
  }, multi);
  const plain = heldText('csv');
  const formula = `=HYPERLINK("x") ${HELD}`;
  await sendComment(viewer, plain);
  await sendComment(viewer, formula);
  await waitForRows(con, [multi, plain, formula]);
  await pick(con, multi);
  await con.keyboard.press('a');
  await waitForLive(con, /Approved/);
  await pick(con, plain);
  await con.fill('#act-reason', '-spam, "again"');
  await con.click('#queue');
  await con.keyboard.press('d');
  await waitForLive(con, /Denied/);
  await pick(con, formula);
  await clearLive(con);
  await con.keyboard.press('d');
  await waitForLive(con, /Denied/);
  await selectTab(con, 'audit');
  const [download] = await Promise.all([con.waitForEvent('download'), con.click('#audit-export')]);
  assert.match(download.suggestedFilename(), /^etalase-audit-.*\.csv$/);
  const raw = await readFile(await download.path(), 'utf8');
  assert.equal(raw.charCodeAt(0), 0xfeff, 'UTF-8 BOM for spreadsheets');
  assert.ok(raw.includes('\r\n'), 'CRLF row ends');
  const rows = parseCsv(raw);
  assert.deepEqual(rows[0], ['time', 'who', 'action', 'target', 'user', 'text', 'why', 'detail']);
  const decisions = rows.slice(1).filter((r) => r[2] === 'approve' || r[2] === 'deny');
  assert.equal(decisions.length, 3, 'one row per decision');
  const byText = Object.fromEntries(decisions.map((r) => [r[5], r]));
  assert.equal(byText[multi][2], 'approve');
  assert.equal(byText[multi][4], "'@budi", 'formula guard on @');
  assert.equal(byText[multi][1], `'=mod "quoted", eve`, 'formula guard on =, quotes and comma kept');
  assert.equal(byText[plain][6], "'-spam, \"again\"");
  assert.equal(byText[`'${formula}`][2], 'deny');
  // The raw text: quotes doubled, the line break inside quotes, guarded cells quoted as needed.
  assert.ok(raw.includes(`"baris satu, ""kutip""\nbaris dua ${HELD}"`));
  assert.ok(raw.includes(`"'=mod ""quoted"", eve"`));
  assert.ok(raw.includes(`"'=HYPERLINK(""x"") ${HELD}"`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('settings: levels and terms import/export as JSON; a bad file names the field and changes nothing', async () => {
  const { context, errors, con: [con] } = await setup({ viewers: 0 });
  await addTerm(con, 'judi*', 'block');
  await selectTab(con, 'settings');
  await con.selectOption('#level-cats select[data-cat="insult"]', '4');
  await waitForLive(con, /Settings saved/);
  const [exp] = await Promise.all([con.waitForEvent('download'), con.click('#settings-export')]);
  const exported = JSON.parse(await readFile(await exp.path(), 'utf8'));
  assert.equal(exported.format, 'etalase-moderation-settings');
  assert.deepEqual(exported.settings.levels, { insult: 4 });
  assert.deepEqual(exported.settings.terms.map((t) => t.pattern), ['judi*']);
  // A malformed file: the error names the field; the terms stay as they were.
  const bad = { ...exported, settings: { ...exported.settings, terms: [{ pattern: 'ok*', mode: 'block' }, { pattern: 'a**b', mode: 'block' }] } };
  await con.setInputFiles('#settings-import', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await con.waitForFunction(() => document.querySelector('#import-error').textContent !== '', null, { polling: 50 });
  const msg = await con.locator('#import-error').textContent();
  assert.match(msg, /bad\.json was not imported/);
  assert.match(msg, /settings\.terms\[1\]\.pattern/);
  assert.deepEqual(await con.locator('#terms-body code').allTextContents(), ['judi*']);
  await con.setInputFiles('#settings-import', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"level": 2,') });
  await con.waitForFunction(() => /broken\.json/.test(document.querySelector('#import-error').textContent), null, { polling: 50 });
  assert.match(await con.locator('#import-error').textContent(), /not valid JSON/);
  // A good file replaces everything at once.
  const good = { ...exported, settings: { level: 3, levels: {}, terms: [{ pattern: '*slot*', mode: 'block', expiresAt: null }, { pattern: 'murah', mode: 'permit', expiresAt: Date.now() + 3600000 }] } };
  await con.setInputFiles('#settings-import', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await waitForLive(con, /imported with 2 terms/);
  assert.deepEqual(await con.locator('#terms-body code').allTextContents(), ['*slot*', 'murah']);
  assert.equal(await con.inputValue('#level-overall'), '3');
  assert.equal(await con.inputValue('#level-cats select[data-cat="insult"]'), '');
  // A bad pattern typed in the form: a clear error, in the field's words.
  await con.fill('#term-pattern', '*');
  await con.click('#term-form button[type="submit"]');
  assert.match(await con.locator('#term-error').textContent(), /Pattern: \*: \* may only stand/);
  assert.equal(await con.getAttribute('#term-pattern', 'aria-invalid'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard first: j/k, x and bulk approve; / searches; filters by category and language', async () => {
  const { context, errors, con: [con], view: [viewer] } = await setup();
  const texts = ['kb-1', 'kb-2', 'kb-3', 'kb-4'].map(heldText);
  for (const t of texts) await sendComment(viewer, t);
  await waitForRow(con, texts[3]);
  assert.ok(await con.locator('.shortcuts dl').isVisible(), 'the shortcut list is on screen');
  await con.focus('#queue');
  const current = () => con.locator('#queue [aria-selected="true"] .row-text').textContent();
  await con.keyboard.press('Home');
  assert.equal(await current(), texts[3]);
  await con.keyboard.press('j');
  assert.equal(await current(), texts[2]);
  await con.keyboard.press('x');
  await con.keyboard.press('j');
  await con.keyboard.press('x');
  await con.keyboard.press('k');
  assert.equal(await current(), texts[2]);
  assert.equal(await con.locator('#queue [aria-checked="true"]').count(), 2);
  await con.click('#bulk-approve');
  await waitForLive(con, /Approved 2 comments/);
  await waitForChatText(viewer, texts[2]);
  await waitForChatText(viewer, texts[1]);
  assert.equal(await con.locator('#queue [role="option"]').count(), 2);
  // Filters: category and language.
  await con.selectOption('#q-category', 'insult');
  await con.waitForFunction(() => document.querySelectorAll('#queue [role="option"]').length === 0, null, { polling: 50 });
  await con.selectOption('#q-category', 'link');
  await con.waitForFunction(() => document.querySelectorAll('#queue [role="option"]').length === 2, null, { polling: 50 });
  await con.selectOption('#q-lang', 'en');
  await con.waitForFunction(() => document.querySelectorAll('#queue [role="option"]').length === 0, null, { polling: 50 });
  await con.selectOption('#q-lang', '');
  await con.focus('#queue');
  await con.keyboard.press('/');
  assert.equal(await con.evaluate(() => document.activeElement.id), 'q-search');
  await con.keyboard.type('kb-4');
  await con.waitForFunction(() => document.querySelectorAll('#queue [role="option"]').length === 1, null, { polling: 50 });
  await con.keyboard.press('Escape');
  assert.equal(await con.evaluate(() => document.activeElement.id), 'queue');
  assert.deepEqual(errors, []);
  await context.close();
});

test('stats: a chart of held / approved / denied, top rules and queue age', async () => {
  const { context, errors, con: [con], view: [viewer] } = await setup();
  for (const n of ['s1', 's2', 's3']) await sendComment(viewer, heldText(n));
  await waitForRows(con, ['s1', 's2', 's3'].map(heldText));
  await pick(con, heldText('s1'));
  await con.keyboard.press('a');
  await waitForLive(con, /Approved/);
  await selectTab(con, 'stats');
  await con.waitForSelector('#stats-chart svg rect.bar.held', { state: 'attached' });
  assert.match(await con.locator('#stats-caption').textContent(), /3 held, 1 approved, 0 denied/);
  assert.ok(await con.locator('#top-rules li').count() >= 1);
  assert.match(await con.locator('#queue-age').textContent(), /2 comments wait/);
  assert.deepEqual(await con.locator('#by-category tr').first().locator('th, td').allTextContents(), ['Link', '3', '1', '0']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('times are the moderator\'s local wall clock, formatted by the core\'s ICU', async () => {
  const { context, errors, con: [con], view: [viewer] } = await setup({ contextOptions: { timezoneId: 'Asia/Jakarta' } });
  const text = heldText('clock');
  await sendComment(viewer, text);
  await pick(con, text);
  const heldAt = await con.evaluate(async (t) => {
    const { openModStore } = await import('./mod_store.mjs');
    const store = await openModStore();
    const entry = (await store.loadQueue()).find((e) => e.comment.text === t);
    store.close();
    return entry.heldAt;
  }, text);
  // The test's oracle is the browser's own zone database (UTC+7, no daylight saving).
  const jakarta = new Date(heldAt + 7 * 3600 * 1000);
  const h = jakarta.getUTCHours() % 12 || 12;
  const expected = `${h}:${String(jakarta.getUTCMinutes()).padStart(2, '0')} ${jakarta.getUTCHours() < 12 ? 'AM' : 'PM'}`;
  // ICU puts a narrow no-break space before AM/PM.
  const shown = (await con.locator('#d-time').textContent()).replace(/[\u00a0\u202f]/g, ' ');
  assert.ok(shown.endsWith(expected), `${shown} ends with ${expected}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the console speaks Indonesian and English from the catalogs', async () => {
  const context = await newContext(chrome.browser);
  const errors = [];
  const id = await openConsoleTab(context, site.url, errors, 'id');
  assert.equal(await id.locator('h1').textContent(), 'Konsol moderator');
  assert.equal(await id.locator('#tab-settings').textContent(), 'Pengaturan');
  assert.match(await id.locator('#q-count').textContent(), /0 ditampilkan/);
  const name = await id.inputValue('#mod-name');
  assert.match(name, /^moderator-[0-9a-z]{4}$/, 'a default moderator name');
  await id.selectOption('select[name="locale"]', 'en');
  await id.waitForFunction(() => document.querySelector('h1').textContent === 'Moderator console', null, { polling: 50 });
  assert.equal(await id.inputValue('#mod-name'), name, 'the name is kept (localStorage)');
  assert.deepEqual(errors, []);
  await context.close();
});
