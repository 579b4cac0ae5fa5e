// The UI catalogs are what localizers edit: every message must parse with ICU in its own
// locale, every locale must have every English key, and every key the pages use must exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { loadCore } = await import(join(root, 'build', 'site', 'core.mjs'));
const core = await loadCore();
const locales = readdirSync(join(root, 'i18n')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
const catalog = (l) => JSON.parse(readFileSync(join(root, 'i18n', `${l}.json`), 'utf8'));
const en = catalog('en');

test('the viewer ships id, en, ms and vi', () => {
  for (const l of ['id', 'en', 'ms', 'vi']) assert.ok(locales.includes(l), l);
});

for (const l of locales) {
  test(`every ${l} message parses with ICU and every English key is there`, () => {
    const c = catalog(l);
    // The moderator console is localized in id and en only; the viewer in every locale.
    const required = Object.keys(en).filter((k) => ['id', 'en'].includes(l) || !k.startsWith('console.'));
    const missing = required.filter((k) => !(k in c));
    assert.deepEqual(missing, [], `${l} lacks keys`);
    for (const [key, pattern] of Object.entries(c)) {
      assert.equal(typeof pattern, 'string', `${l} ${key}`);
      const r = core.formatMessage(pattern, l, { n: 2, name: 'x', price: 'y', reason: 'other', problem: 'other', detail: 'd', path: 'p', amount: 'a', min: 'm', code: 'c', percent: 'q' });
      assert.equal(r.error, undefined, `${l} ${key}: ${r.error}`);
    }
  });
}

test('every key the pages use exists in English', () => {
  const web = join(root, 'web');
  const used = new Set();
  for (const f of readdirSync(web)) {
    const text = readFileSync(join(web, f), 'utf8');
    for (const m of text.matchAll(/data-i18n(?:-placeholder|-aria)?="([^"]+)"/g)) used.add(m[1]);
    for (const m of text.matchAll(/\.format\('([a-z0-9.-]+)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 20, `found ${used.size} keys in use`);
  const missing = [...used].filter((k) => !(k in en));
  assert.deepEqual(missing, []);
});
