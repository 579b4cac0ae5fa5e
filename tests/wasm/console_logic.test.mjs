// The moderator console's pure logic under node: CSV, settings and term validation, import,
// highlighting, filters, language guess, stats. (IndexedDB and the DOM are browser-only:
// tests/e2e/console.test.mjs covers mod_store.mjs and the page.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
const L = await import(pathToFileURL(join(web, 'console_logic.mjs')).href);

test('CSV cells: RFC 4180 quoting, doubled quotes, line breaks, formula guard', () => {
  assert.equal(L.csvCell('plain'), 'plain');
  assert.equal(L.csvCell('a,b'), '"a,b"');
  assert.equal(L.csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(L.csvCell('two\nlines'), '"two\nlines"');
  assert.equal(L.csvCell('cr\r\nlf'), '"cr\r\nlf"');
  assert.equal(L.csvCell('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(L.csvCell('+62 812'), "'+62 812");
  assert.equal(L.csvCell('-1'), "'-1");
  assert.equal(L.csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(L.csvCell('\tTAB'), "'\tTAB");
  assert.equal(L.csvCell(null), '');
  assert.equal(L.csvCell(12), '12');
  assert.equal(L.toCsv([['a', 'b'], ['c,d', 'e']]), 'a,b\r\n"c,d",e\r\n');
});

test('CSV round trip through the reader keeps every cell', () => {
  const rows = [['x', 'y "z"', 'multi\nline, with comma', '=1+1', ''], ['ünïcødé 🙂', '', 'a\r\nb', '@me', '-']];
  const back = L.parseCsv(L.toCsv(rows));
  assert.equal(back.length, 2);
  assert.deepEqual(back[0], ['x', 'y "z"', 'multi\nline, with comma', "'=1+1", '']);
  assert.deepEqual(back[1], ['ünïcødé 🙂', '', 'a\r\nb', "'@me", "'-"]);
});

test('audit CSV: header plus one row per entry', () => {
  const csv = L.auditToCsv([
    { at: Date.UTC(2024, 0, 2, 3, 4, 5), who: 'mod-a', what: 'approve', target: 'c1', user: 'budi', text: 'halo, "kak"\nini', why: '', detail: 'link' },
    { at: Date.UTC(2024, 0, 2, 3, 4, 6), who: '=evil', what: 'deny', target: 'c2', user: '+62', text: '-', why: 'spam', detail: '' },
  ]);
  const rows = L.parseCsv(csv);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[0], L.AUDIT_COLUMNS);
  assert.deepEqual(rows[1], ['2024-01-02T03:04:05.000Z', 'mod-a', 'approve', 'c1', 'budi', 'halo, "kak"\nini', '', 'link']);
  assert.deepEqual(rows[2], ['2024-01-02T03:04:06.000Z', "'=evil", 'deny', 'c2', "'+62", "'-", 'spam', '']);
});

test('term patterns: stars only at the ends or once inside', () => {
  for (const ok of ['murah', 'mur*', '*mur', '*mur*', 'mur*h', 'Murah Banget', '  judi  ']) assert.doesNotThrow(() => L.checkPattern(ok), ok);
  assert.equal(L.checkPattern('  MUR*H '), 'mur*h');
  for (const bad of ['', '   ', '*', '**', '***', 'a**b', '*a*b', 'a*b*', 'a*b*c', 'x'.repeat(101), 'a\u0000b', 42]) {
    assert.throws(() => L.checkPattern(bad, 'p'), (e) => e instanceof L.ValidationError && e.field === 'p', String(bad));
  }
});

test('settings validation names the wrong field', () => {
  const good = { level: 3, levels: { insult: 4, link: 0 }, terms: [{ pattern: 'mur*h', mode: 'block', expiresAt: null }, { pattern: 'murah', mode: 'permit', expiresAt: 1893456000000 }] };
  assert.deepEqual(L.checkSettings(good), good);
  const field = (s) => { try { L.checkSettings(s); } catch (e) { return [e.field, e.key]; } return null; };
  assert.deepEqual(field({ ...good, level: 5 }), ['level', 'console.error.level']);
  assert.deepEqual(field({ ...good, level: '2' }), ['level', 'console.error.level']);
  assert.deepEqual(field({ ...good, levels: { insult: 1.5 } }), ['levels.insult', 'console.error.level']);
  assert.deepEqual(field({ ...good, levels: { rudeness: 1 } }), ['levels.rudeness', 'console.error.levels.category']);
  assert.deepEqual(field({ ...good, terms: {} }), ['terms', 'console.error.terms.type']);
  assert.deepEqual(field({ ...good, terms: [good.terms[0], { pattern: 'a**', mode: 'block' }] }), ['terms[1].pattern', 'console.error.pattern.star']);
  assert.deepEqual(field({ ...good, terms: [{ pattern: 'x', mode: 'allow' }] }), ['terms[0].mode', 'console.error.term.mode']);
  assert.deepEqual(field({ ...good, terms: [{ pattern: 'x', mode: 'block', expiresAt: 'soon' }] }), ['terms[0].expiresAt', 'console.error.term.expires']);
  assert.deepEqual(field({ ...good, terms: [{ pattern: 'x' }, { pattern: 'X ' }] }), ['terms[1].pattern', 'console.error.term.duplicate']);
  assert.deepEqual(field([]), ['settings', 'console.error.settings.type']);
  // -1 and ISO dates are read as "never" and as epoch ms.
  const t = L.checkSettings({ level: 1, terms: [{ pattern: 'a', expiresAt: -1 }, { pattern: 'b', expiresAt: '2030-01-01T00:00:00Z' }] }).terms;
  assert.deepEqual(t, [{ pattern: 'a', mode: 'block', expiresAt: null }, { pattern: 'b', mode: 'block', expiresAt: Date.UTC(2030, 0, 1) }]);
});

test('import: export round trip, bare objects, and errors before anything is replaced', () => {
  const s = { level: 2, levels: { scam: 4 }, terms: [{ pattern: '*slot*', mode: 'block', expiresAt: null }] };
  const text = L.exportSettings({ ...s, rev: 7, savedAt: 1 });
  assert.equal(JSON.parse(text).format, L.EXPORT_FORMAT);
  assert.deepEqual(L.parseSettingsImport(text), s);
  assert.deepEqual(L.parseSettingsImport('\ufeff' + JSON.stringify(s)), s);
  const err = (t) => { try { L.parseSettingsImport(t); } catch (e) { return [e.field, e.key]; } return null; };
  assert.deepEqual(err('{not json'), ['file', 'console.error.import.json']);
  assert.deepEqual(err('[]'), ['file', 'console.error.settings.type']);
  assert.deepEqual(err(JSON.stringify({ format: 'other', version: 1, settings: s })), ['format', 'console.error.import.format']);
  assert.deepEqual(err(JSON.stringify({ format: L.EXPORT_FORMAT, version: 2, settings: s })), ['version', 'console.error.import.version']);
  assert.deepEqual(err(JSON.stringify({ format: L.EXPORT_FORMAT, version: 1, settings: { ...s, terms: [{ pattern: '' }] } })), ['settings.terms[0].pattern', 'console.error.pattern.empty']);
});

test('time-outs are 10 s to 24 h; mutes end when they should', () => {
  assert.equal(L.parseDuration('10s'), 10000);
  assert.equal(L.parseDuration('90'), 90000);
  assert.equal(L.parseDuration('15m'), 900000);
  assert.equal(L.parseDuration('24h'), 86400000);
  for (const bad of ['9s', '25h', '', 'soon', '-5m']) assert.throws(() => L.parseDuration(bad), L.ValidationError, bad);
  assert.equal(L.actionMutes({ action: 'ban', until: null }, 5), true);
  assert.equal(L.actionMutes({ action: 'timeout', until: 10 }, 5), true);
  assert.equal(L.actionMutes({ action: 'timeout', until: 10 }, 10), false);
  assert.equal(L.actionMutes({ action: 'lift' }, 5), false);
  assert.equal(L.actionMutes(undefined, 5), false);
  assert.deepEqual(L.activeTerms([{ pattern: 'a', expiresAt: null }, { pattern: 'b', expiresAt: 5 }, { pattern: 'c', expiresAt: 50 }], 10).map((t) => t.pattern), ['a', 'c']);
});

test('highlight segments: UTF-16 spans, merged overlaps, clamped, text kept whole', () => {
  const text = 'cek 🙂 www.murah.xyz <b>';
  const a = text.indexOf('www');
  const segs = L.segments(text, [[a, a + 13, 'link.unknown'], [a + 4, a + 9, 'term.block'], [100, 200, 'x'], [3, 3, 'empty']]);
  assert.equal(segs.map((s) => s.text).join(''), text);
  assert.deepEqual(segs.filter((s) => s.rules).map((s) => [s.text, s.rules]), [['www.murah.xyz', ['link.unknown', 'term.block']]]);
  assert.deepEqual(L.segments('abc', []), [{ text: 'abc', rules: null }]);
  assert.deepEqual(L.rulesOf({ spans: [[0, 1, 'a'], [2, 3, 'b'], [4, 5, 'a']] }), ['a', 'b']);
  assert.equal(L.patternFromText('  MuRah* '), 'murah');
});

test('language guess: scripts and a few words, "und" when unsure', () => {
  assert.equal(L.guessLang('Kak, ukuran L masih ada?'), 'id');
  assert.equal(L.guessLang('How much is the price please?'), 'en');
  assert.equal(L.guessLang('regane pira mas, aku arep tuku'), 'jv');
  assert.equal(L.guessLang('sabaraha ieu teh, hatur nuhun'), 'su');
  assert.equal(L.guessLang('boleh tengok sikit tak'), 'ms');
  assert.equal(L.guessLang('ꦲꦏ꧀ꦱꦫ'), 'jv');
  assert.equal(L.guessLang('ᮃᮊ᮪ᮞᮛ'), 'su');
  assert.equal(L.guessLang('wkwkwk 🔥🔥'), 'und');
  assert.equal(L.guessLang(''), 'und');
});

test('queue filters and stats', () => {
  const now = 10 * 60 * 1000;
  const e = (id, heldAt, status, cats, text = 'x', lang = 'id') => ({ id, heldAt, status, decidedAt: status === 'held' ? undefined : heldAt + 1000, comment: { id, user: `u${id}`, text, lang }, verdict: { categories: cats, spans: cats.map((c) => [0, 1, `rule.${c}`]) } });
  const entries = [e('1', now - 1000, 'held', ['link'], 'cek www.x.xyz', 'id'), e('2', now - 5000, 'approved', ['link', 'spam']), e('3', now - 9000, 'denied', ['insult'], 'dasar', 'en'), e('4', now - 60000, 'held', ['insult'])];
  assert.deepEqual(entries.filter((x) => L.matchesFilter(x, {})).map((x) => x.id), ['1', '4']);
  assert.deepEqual(entries.filter((x) => L.matchesFilter(x, { status: '', category: 'link' })).map((x) => x.id), ['1', '2']);
  assert.deepEqual(entries.filter((x) => L.matchesFilter(x, { status: '', lang: 'en' })).map((x) => x.id), ['3']);
  assert.deepEqual(entries.filter((x) => L.matchesFilter(x, { status: 'held', query: 'WWW' })).map((x) => x.id), ['1']);
  assert.deepEqual(entries.filter((x) => L.matchesFilter(x, { status: '', query: 'u3' })).map((x) => x.id), ['3']);
  const st = L.computeStats(entries, { now, buckets: 6 });
  assert.equal(st.buckets.length, 6);
  assert.deepEqual(st.totals, { held: 4, approved: 1, denied: 1, pending: 2 });
  assert.equal(st.buckets.reduce((n, b) => n + b.held, 0), 4);
  assert.deepEqual(st.topRules[0], ['rule.insult', 2]);
  assert.equal(st.age.pending, 2);
  assert.equal(st.age.oldestMs, 60000);
  const link = L.computeStats(entries, { now, category: 'link' });
  assert.deepEqual(link.totals, { held: 2, approved: 1, denied: 0, pending: 1 });
  // Per category: a comment in two categories counts in both; the busiest first.
  assert.deepEqual(st.byCategory, [
    { category: 'insult', held: 2, approved: 0, denied: 1 },
    { category: 'link', held: 2, approved: 1, denied: 0 },
    { category: 'spam', held: 1, approved: 1, denied: 0 },
  ]);
});
