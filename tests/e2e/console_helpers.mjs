// Helpers for the moderator console's browser tests: one browser context holds viewer tabs
// (index.html, wired to the console by web/mod_viewer_link.mjs) and console tabs
// (console.html), so they share IndexedDB and the BroadcastChannel like one person's browser.
import { startSiteServer } from './browser.mjs';

/** The site server in this process (the same one the viewer tests use). */
export const startConsoleSite = () => startSiteServer();

/** A fresh context (empty IndexedDB, storage and channel) for one test. */
export async function newContext(browser, options = {}) {
  return browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
}

async function open(context, url, errors) {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${url}: ${e}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${url}: ${m.text()}`); });
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  page.dialogs = () => dialogs;
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 30000 });
  const ready = await page.evaluate(() => document.body.dataset.ready);
  if (ready !== 'true') throw new Error(`${url} did not start: ${await page.locator('#status').textContent()} ${errors.join('\n')}`);
  return page;
}

export const openViewerTab = (context, base, errors = []) => open(context, `${base}index.html?lang=en`, errors);
export const openConsoleTab = (context, base, errors = [], lang = 'en') => open(context, `${base}console.html?lang=${lang}`, errors);

/** Types a comment into the viewer's composer and sends it; returns the composer status. */
export async function sendComment(viewer, text) {
  await viewer.bringToFront();
  await viewer.fill('#comment', text);
  await viewer.press('#comment', 'Enter');
  await viewer.waitForFunction(() => document.querySelector('#composer-status').textContent !== '' || document.querySelector('#comment').value === '', null, { timeout: 5000 });
  return viewer.locator('#composer-status').textContent();
}

/** The texts in the viewer's chat log. */
export function chatTexts(viewer) {
  return viewer.$$eval('#chat-log li .text', (els) => els.map((e) => e.textContent));
}

export function waitForChatText(viewer, text, timeout = 5000) {
  return viewer.waitForFunction((t) => [...document.querySelectorAll('#chat-log li .text')].some((e) => e.textContent === t), text, { timeout, polling: 50 });
}

/** The console's queue row whose comment text is exactly `text` (must be rendered). */
export function queueRow(con, text) {
  return con.locator('#queue [role="option"]', { has: con.locator('.row-text', { hasText: text }) }).first();
}

export async function waitForRow(con, text, timeout = 5000) {
  await con.waitForFunction((t) => [...document.querySelectorAll('#queue [role="option"] .row-text')].some((e) => e.textContent === t), text, { timeout, polling: 50 });
  return queueRow(con, text);
}

/**
 * Waits until every one of `texts` has its row. A comment that reaches the queue after a
 * row was located pushes that row down (newest first), so a test picks a row only once
 * everything it sent has arrived.
 */
export async function waitForRows(con, texts, timeout = 5000) {
  for (const t of texts) await waitForRow(con, t, timeout);
}

/** Makes the row with `text` current (click) and leaves the focus on the listbox. */
export async function pick(con, text) {
  await con.bringToFront();
  const row = await waitForRow(con, text);
  await row.click();
  await con.waitForFunction((t) => document.querySelector('#d-text')?.textContent === t, text, { polling: 50 });
  return row;
}

export async function liveText(con) {
  return con.locator('#live').textContent();
}

/** Empties the console's live region, so the next waitForLive sees only a new message. */
export function clearLive(con) {
  return con.evaluate(() => { document.querySelector('#live').textContent = ''; });
}

export async function waitForLive(con, re, timeout = 5000) {
  await con.waitForFunction((src) => new RegExp(src).test(document.querySelector('#live').textContent), re.source, { timeout, polling: 50 });
  return liveText(con);
}

export async function selectTab(con, name) {
  await con.bringToFront();
  await con.click(`#tab-${name}`);
  await con.waitForSelector(`#panel-${name}:not([hidden])`);
}

/** Adds a term from the settings tab. */
export async function addTerm(con, pattern, mode = 'block') {
  await selectTab(con, 'settings');
  await con.fill('#term-pattern', pattern);
  await con.selectOption('#term-mode', mode);
  await con.click('#term-form button[type="submit"]');
  await con.waitForFunction((p) => [...document.querySelectorAll('#terms-body code')].some((c) => c.textContent === p), pattern, { polling: 50 });
  await selectTab(con, 'queue');
}
