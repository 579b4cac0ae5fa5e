// The page installs ICU with what prices need and probes moderation's services only when it
// builds its moderator. An archive without confusables must still format prices, and then
// refuse the moderator with an error a page can put in its user's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'site');

test('an ICU archive without confusables formats prices but refuses the moderator, naming what is missing', async (t) => {
  // A copy of the core beside a trimmed archive (this file runs in a process of its own, so
  // its core is not the one other tests share).
  const dir = mkdtempSync(join(tmpdir(), 'etalase-icu-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of ['core.mjs', 'etalase-core.mjs', 'etalase-core.wasm', 'moderation.mjs', 'i18n.mjs', 'icudt72l.dat', 'i18n']) {
    cpSync(join(site, f), join(dir, f), { recursive: true });
  }
  execFileSync('icupkg', ['--ignore-deps', '-r', 'confusables.cfu', join(dir, 'icudt72l.dat')], { stdio: 'ignore' });
  const items = execFileSync('icupkg', ['--ignore-deps', '-l', join(dir, 'icudt72l.dat')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  assert.match(items, /currency|curr\//);
  assert.doesNotMatch(items, /confusables/);

  const { createTranslator } = await import(join(dir, 'i18n.mjs'));
  const { createModerator, CoreError } = await import(join(dir, 'moderation.mjs'));
  const id = await createTranslator('id');
  assert.equal(id.money(149000, 'IDR').replace(/\u00a0/g, ' '), 'Rp 149.000');

  await assert.rejects(createModerator({ level: 2 }), (e) => {
    assert.ok(e instanceof CoreError);
    assert.equal(e.code, 'core.data');
    assert.match(e.message, /icudt72l\.dat: .*confusables/);
    return true;
  });
});
