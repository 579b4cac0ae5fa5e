// The whole site must stay small enough for a phone on a mobile network: at most 3 MB
// gzipped in total. Prints every file's size so a regression names its cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'site');
const BUDGET = 3 * 1024 * 1024;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('build/site is at most 3 MB gzipped', () => {
  const rows = files(site).map((f) => {
    const raw = readFileSync(f);
    return { file: relative(site, f), raw: raw.length, gz: gzipSync(raw, { level: 9 }).length };
  }).sort((a, b) => b.gz - a.gz);
  assert.ok(rows.some((r) => r.file === 'index.html'), 'the site has an index.html');
  assert.ok(rows.some((r) => r.file.endsWith('.wasm')), 'the site has the wasm core');
  const total = rows.reduce((s, r) => s + r.gz, 0);
  const kb = (n) => (n / 1024).toFixed(1).padStart(8);
  console.log('  raw KB   gzip KB  file');
  for (const r of rows) console.log(`${kb(r.raw)}  ${kb(r.gz)}  ${r.file}`);
  console.log(`total gzipped: ${(total / 1024 / 1024).toFixed(2)} MB of ${BUDGET / 1024 / 1024} MB`);
  assert.ok(total <= BUDGET, `site is ${total} bytes gzipped, over the ${BUDGET} budget`);
});
