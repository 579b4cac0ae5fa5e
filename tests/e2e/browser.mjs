// Starts the site's own server on a free port and Debian's Chromium through playwright-core
// (never a downloaded browser). Both stop when the test file ends.
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// ETALASE_SITE_DIR points the browser tests at another assembled site.
export const siteDir = process.env.ETALASE_SITE_DIR || join(root, 'build', 'site');

/** The site server in this process, with an optional WebSocket feed on the same origin. */
export async function startSiteServer({ onFeed } = {}) {
  const { createSiteServer } = await import('../../scripts/serve.mjs');
  const server = createSiteServer(siteDir);
  let wss = null;
  if (onFeed) {
    const { WebSocketServer } = await import('ws');
    wss = new WebSocketServer({ server, path: '/feed' });
    wss.on('connection', (socket) => onFeed(socket));
  }
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    feedUrl: url.replace('http:', 'ws:') + 'feed',
    stop: () => new Promise((resolve) => { wss?.close(); server.closeAllConnections?.(); server.close(resolve); }),
  };
}

/** The site server as a user runs it: `node scripts/serve.mjs`, in its own process. */
export async function startServer() {
  const proc = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), siteDir], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 10 s')), 10000);
    proc.stdout.on('data', (chunk) => {
      const m = /(http:\/\/\S+)/.exec(String(chunk));
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => proc.kill() };
}

export async function startBrowser() {
  // playwright gives every launch a fresh, empty profile of its own.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { browser, stop: () => browser.close() };
}

/**
 * Opens the viewer and waits for it to report ready (or fail); collects page and console
 * errors. `context` reuses a browser context (a phone, reduced motion); `routes` answers
 * paths ending so with JSON bodies (test shows) without touching the site folder.
 */
export async function openViewer(browser, url, { locale = 'id-ID', context = null, routes = {} } = {}) {
  context ??= await browser.newContext({ locale, viewport: { width: 900, height: 820 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // A route's answer: a JSON body, or { status, contentType, body } for anything else.
  for (const [path, answer] of Object.entries(routes)) {
    const reply = typeof answer === 'string' ? { status: 200, contentType: 'application/json', body: answer } : answer;
    await page.route(`**/${path}`, (route) => route.fulfill(reply));
  }
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 20000 });
  return { page, context, errors };
}
