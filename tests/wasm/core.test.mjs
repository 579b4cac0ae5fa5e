// The site's public modules under node 20: same wasm, same ICU data as in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'site');
const { createModerator } = await import(join(site, 'moderation.mjs'));
const { createTranslator } = await import(join(site, 'i18n.mjs'));

const plain = (s) => s.replace(/\u00a0/g, ' ');

test('catalogs format with the core ICU, falling back to English for missing keys', async () => {
  const id = await createTranslator('id');
  assert.equal(id.format('card.stock', { n: 12 }), 'Sisa 12');
  assert.equal(plain(id.money(149000, 'IDR')), 'Rp 149.000');
  const en = await createTranslator('en');
  assert.equal(en.format('card.stock', { n: 1 }), '1 left');
  assert.equal(plain(en.money(149000, 'IDR')), 'IDR 149,000');
  const xx = await createTranslator('xx');
  assert.equal(xx.format('chat.send'), 'Send');
});

test('createModerator moderates in node with the same verdict shape as the CLI', async () => {
  const mod = await createModerator({ level: 2 });
  const clean = mod.moderate({ id: 'a', user: 'u1', text: 'Kak, ukuran L masih ada?' });
  assert.deepEqual(clean, { id: 'a', action: 'allow', categories: [], spans: [], masked: 'Kak, ukuran L masih ada?' });
  const phone = mod.moderate({ id: 'b', user: 'u2', text: 'wa 0812 3456 7890 ya' });
  assert.equal(phone.action, 'block');
  assert.deepEqual(phone.categories, ['contact']);
  const [start, end] = phone.spans[0];
  assert.match('wa 0812 3456 7890 ya'.slice(start, end), /0812 3456 7890/);
});

test('spans are UTF-16 offsets that slice the original JS string', async () => {
  const mod = await createModerator({ level: 4 });
  const text = '😀😀 dasar 4nj1ng';
  const v = mod.moderate({ id: 'c', user: 'u3', text });
  assert.notEqual(v.action, 'allow');
  const [start, end] = v.spans[0];
  assert.equal(text.slice(start, end), '4nj1ng');
  assert.equal(v.masked, '😀😀 dasar ******');
});

test('moderateMany gives the verdicts of moderate, non-ASCII and broken text included', async () => {
  const mod = await createModerator({ level: 4 });
  const texts = [
    'halo kak 👋 dari Medan', 'dasar аnjing', '𝐬𝐥𝐨𝐭 𝐠𝐚𝐜𝐨𝐫 maxwin', 'kutip "dua" \\ garis',
    'rusak \ud800 sendiri', 'Tiếng Việt có dấu', 'pisah\u2028baris', 'ctrl\u0001x', '',
  ];
  const many = mod.moderateMany(texts);
  assert.equal(many.length, texts.length);
  texts.forEach((text, i) => {
    // A lone surrogate reaches the core as U+FFFD, both ways alike.
    const one = mod.moderate({ id: String(i), user: 'bench', text });
    assert.deepEqual(many[i], one, `line ${i}: ${JSON.stringify(text)}`);
  });
  assert.equal(many[0].masked, 'halo kak 👋 dari Medan');
  assert.notEqual(many[2].action, 'allow');
});

test('flood limits are options of createModerator; a bad one is refused by name', async () => {
  const mod = await createModerator({ flood: { maxMessages: 3, windowSeconds: 10 } });
  const actions = [1, 2, 3, 4].map((i) => mod.moderate({ id: `r${i}`, user: 'budi', text: `pesan ${i}`, ts: i }).action);
  assert.deepEqual(actions, ['allow', 'allow', 'allow', 'block']);
  const defaults = await createModerator();
  assert.equal([1, 2, 3, 4].map((i) => defaults.moderate({ id: `d${i}`, user: 'budi', text: `pesan ${i}`, ts: i }).action).at(-1), 'allow');
  await assert.rejects(createModerator({ flood: { maxMessages: 0 } }), /flood: messages per window must be 1 to 1000 \(got 0\)/);
  await assert.rejects(createModerator({ flood: { windowSeconds: -5 } }), /the window must be more than 0/);
  await assert.rejects(createModerator({ flood: { maxRepeats: 1e12 } }), /repeats of one text must be 1 to 1000 \(got 2147483647\)/);
});

test('the level table comes from the core, and the console logic agrees with it', async () => {
  const { levelTable } = await import(join(site, 'moderation.mjs'));
  const L = await import(join(site, 'console_logic.mjs'));
  const t = await levelTable();
  assert.equal(t.min, L.LEVEL_MIN);
  assert.equal(t.max, L.LEVEL_MAX);
  assert.equal(t.defaultLevel, L.DEFAULT_LEVEL);
  assert.deepEqual([...t.wordCategories, ...t.ruleCategories].sort(), [...L.CATEGORIES].sort());
  // The default acts on rude words (severity 2) but lets mild exclamations (1) pass.
  assert.equal(t.wordMinSeverity[t.defaultLevel], 2);
  // Each level is at least as strict as the one below it.
  for (let l = t.min + 1; l <= t.max; l++) {
    assert.ok(t.wordMinSeverity[l] <= t.wordMinSeverity[l - 1]);
    assert.ok(t.ruleMinSeverity[l] <= t.ruleMinSeverity[l - 1]);
  }
  // And the moderator does what the table says.
  const mod = await createModerator({ level: t.defaultLevel });
  assert.equal(mod.moderate({ id: 'a', user: 'u', text: 'dasar goblok' }).action, 'mask');
  assert.equal(mod.moderate({ id: 'b', user: 'u', text: 'anjir keren' }).action, 'allow');
});

test('levels are whole numbers from 0 to 4, in the constructor and in setPolicy', async () => {
  for (const bad of [NaN, -1, 7, 2.5, '2']) {
    await assert.rejects(createModerator({ level: bad }), /level must be a whole number from 0 to 4/);
  }
  await assert.rejects(createModerator({ levels: { insult: 9 } }), /levels\.insult must be/);
  const mod = await createModerator({ level: 2 });
  assert.throws(() => mod.setPolicy({ level: NaN }), RangeError);
  // the policy in force stays: the default still masks an insult
  assert.equal(mod.moderate({ id: 'a', user: 'u', text: 'dasar goblok' }).action, 'mask');
  mod.setPolicy({ level: 0 });
  assert.equal(mod.moderate({ id: 'b', user: 'u', text: 'dasar goblok' }).action, 'allow');
});

test('terms: one batch through setTerms, and the core checks a pattern for the console', async () => {
  const { checkTerm } = await import(join(site, 'moderation.mjs'));
  assert.equal(await checkTerm('promo*'), '');
  assert.match(await checkTerm('!!!'), /no letters or digits/);
  assert.match(await checkTerm('*-*'), /no letters or digits/);
  const mod = await createModerator({ level: 2 });
  mod.setTerms([{ pattern: 'promo*' }, { pattern: 'murah', permit: true }]);
  assert.equal(mod.moderate({ id: 'a', user: 'u', text: 'pr0m0nya kak' }).action, 'hold');
  assert.throws(() => mod.setTerms([{ pattern: '...' }]), /moderator: term '...'/);
  assert.equal(mod.moderate({ id: 'b', user: 'u', text: 'promo kak' }).action, 'hold');  // old terms stay
});

test('catalog arguments with a lone surrogate reach ICU as U+FFFD, no letter fused', async () => {
  const en = await createTranslator('en');
  const out = en.format('card.label', { name: 'a\ud800b', price: 'Rp 1' });
  assert.ok(out.includes('a\ufffdb'), out);
});
