// Moderation quality on labelled comments: precision, recall, F1 and false-positive rate per
// source and level, recall per category, and the lines the default level gets wrong.
//   node tests/bench/quality.mjs [--bin PATH] [--level N] [--top N] [FILE.ndjson...]
// Input lines: {"id","text","label":"flag"|"allow","category"?,"source"?}; the source defaults to
// the file's folder name. Without files: the golden corpora (one source per file) and, when
// present, ../shared/data/*/train.ndjson. Those texts are read here at run time only; they must
// never be copied into the repository. "Flagged" means any action other than allow.
// Not a test: tests/bench/quality.sh builds the CLI first when it is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusLines, moderate } from '../corpora/corpora.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_LEVEL = 2;

const argv = process.argv.slice(2);
const opts = { bin: join(root, 'build', 'native', 'etalase'), level: null, top: 15 };
const files = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--bin') opts.bin = argv[++i];
  else if (a === '--level') opts.level = Number(argv[++i]);
  else if (a === '--top') opts.top = Number(argv[++i]);
  else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
  else files.push(a);
}
if (opts.level !== null && !(Number.isInteger(opts.level) && opts.level >= 1 && opts.level <= 4)) throw new Error('--level must be 1-4');
if (!(Number.isInteger(opts.top) && opts.top >= 0)) throw new Error('--top takes a count');
const levels = opts.level !== null ? [opts.level] : [1, 2, 3, 4];
const mainLevel = opts.level ?? DEFAULT_LEVEL;  // the level of the category table and listings

// ---- rows: { id, text, label, category, source } ------------------------------------------------
function readNdjson(file) {
  const source = basename(dirname(resolve(file)));
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l, i) => {
    const r = JSON.parse(l);
    if (typeof r.text !== 'string' || (r.label !== 'flag' && r.label !== 'allow'))
      throw new Error(`${file}:${i + 1}: needs a string "text" and "label" flag or allow`);
    return { id: String(r.id ?? `${file}:${i + 1}`), text: r.text, label: r.label, category: r.category, source: r.source ?? source };
  });
}

let rows = [];
if (files.length > 0) {
  for (const f of files) rows.push(...readNdjson(f));
} else {
  rows = corpusLines(join(root, 'tests', 'corpora')).map((r) => ({
    id: `${r.file}:${r.line}`, text: r.text, label: r.label, category: r.category,
    source: `corpora/${basename(r.file, '.tsv')}`,
  }));
  const shared = join(root, '..', 'shared', 'data');
  if (existsSync(shared)) {
    for (const d of readdirSync(shared).sort()) {
      const f = join(shared, d, 'train.ndjson');
      if (existsSync(f)) rows.push(...readNdjson(f));
    }
  }
}
if (rows.length === 0) throw new Error('no rows to measure');

// ---- verdicts: one CLI process per level over every row ----------------------------------------
const verdicts = new Map(levels.map((l) => [l, moderate(opts.bin, l, rows.map((r) => r.text))]));
const flagged = (v) => v.action !== undefined && v.action !== 'allow';
const errors = verdicts.get(mainLevel).filter((v) => v.error).length;

// ---- formatting -------------------------------------------------------------------------------
const pct = (num, den) => (den === 0 ? '–' : `${((100 * num) / den).toFixed(1)}%`);
const table = (head, body, left = 2) => [
  `| ${head.join(' | ')} |`,
  `|${head.map((_, i) => (i < left ? '---' : '---:')).join('|')}|`,
  ...body.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
// One line of at most 120 characters (code points, so no emoji is cut in half).
const clip = (s) => {
  const cps = Array.from(s.replace(/\s+/g, ' ').trim());
  return cps.length > 120 ? cps.slice(0, 119).join('') + '…' : cps.join('');
};
const sources = [...new Set(rows.map((r) => r.source))];  // in input order: deterministic
const bySource = new Map(sources.map((s) => [s, []]));
rows.forEach((r, i) => bySource.get(r.source).push(i));

// A source of one label (each golden corpus file) has a trivial precision or none: it gets one
// rate per level in its own table, and the corpora are also pooled into one mixed source.
const mixed = sources.filter((s) => new Set(bySource.get(s).map((i) => rows[i].label)).size > 1);
const single = sources.filter((s) => !mixed.includes(s));
const groups = mixed.map((s) => [s, bySource.get(s)]);
const corporaIdx = rows.flatMap((r, i) => (r.source.startsWith('corpora/') ? [i] : []));
if (sources.filter((s) => s.startsWith('corpora/')).length > 1) groups.unshift(['corpora (all)', corporaIdx]);

function stats(idx, level) {
  const v = verdicts.get(level);
  let tp = 0, fp = 0, flags = 0;
  for (const i of idx) {
    const hit = flagged(v[i]);
    if (rows[i].label === 'flag') { flags++; if (hit) tp++; } else if (hit) fp++;
  }
  const allows = idx.length - flags;
  const p = tp + fp ? tp / (tp + fp) : NaN, r = flags ? tp / flags : NaN;
  const f1 = p + r > 0 ? (2 * p * r) / (p + r) : NaN;
  return [idx.length, flags, pct(tp, tp + fp), pct(tp, flags), Number.isNaN(f1) ? '–' : `${(100 * f1).toFixed(1)}%`, pct(fp, allows)];
}

const out = [];
out.push(`# Moderation quality`, '');
out.push(`${rows.length} rows from ${sources.length} sources, ${opts.bin.replace(root + '/', '')}; flagged = any action but allow.` +
  (errors ? ` ${errors} rows the CLI could not read count as allowed.` : ''), '');

if (groups.length) {
  out.push(`## Per source and level`, '');
  out.push(table(['source', 'level', 'rows', 'flag rows', 'precision', 'recall', 'F1', 'FP rate'],
    groups.flatMap(([s, idx]) => levels.map((l) => [s, l, ...stats(idx, l)]))), '');
}

if (single.length) {
  out.push(`## One-label sources: recall (flag) or false-positive rate (allow) per level`, '');
  out.push(table(['source', 'label', 'rows', ...levels.map((l) => `level ${l}`)], single.map((s) => {
    const idx = bySource.get(s);
    return [s, rows[idx[0]].label, idx.length, ...levels.map((l) => pct(idx.filter((i) => flagged(verdicts.get(l)[i])).length, idx.length))];
  })), '');
}

// Category recall: the corpora pooled (their files are already split by topic), other sources apart.
out.push(`## Per category at level ${mainLevel}`, '');
out.push('Rate is recall for flag rows and the false-positive rate for allow rows.', '');
const catSources = [...new Set(sources.map((s) => (s.startsWith('corpora/') ? 'corpora' : s)))];
const groupOrder = (s) => catSources.indexOf(s);
const cats = new Map();
rows.forEach((r, i) => {
  const key = [r.source.startsWith('corpora/') ? 'corpora' : r.source, r.category ?? '(none)', r.label].join('\t');
  if (!cats.has(key)) cats.set(key, [0, 0]);
  const c = cats.get(key);
  c[0]++;
  if (flagged(verdicts.get(mainLevel)[i])) c[1]++;
});
// Flag rows first, then by name, within each source in input order.
const catRows = [...cats].map(([k, c]) => [...k.split('\t'), ...c]).sort((a, b) =>
  groupOrder(a[0]) - groupOrder(b[0]) || (a[2] === b[2] ? 0 : a[2] === 'flag' ? -1 : 1) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
out.push(table(['source', 'category', 'label', 'rows', 'flagged', 'rate'],
  catRows.map(([s, cat, label, n, hit]) => [s, cat, label, n, hit, pct(hit, n)]), 3), '');

// Which rules wrongly flag allow rows: the counts say where a lexicon or rule needs work.
const v = verdicts.get(mainLevel);
const rulesOf = (i) => [...new Set((v[i].spans ?? []).map((s) => s[2]))].sort();
out.push(`## Rules behind false positives at level ${mainLevel} (top ${opts.top} per source)`, '');
const ruleRows = [];
for (const s of sources) {
  const counts = new Map();
  for (const i of bySource.get(s)) {
    if (rows[i].label !== 'allow' || !flagged(v[i])) continue;
    const rules = rulesOf(i);
    for (const rule of rules.length ? rules : ['(no span)']) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, opts.top)
    .forEach(([rule, n]) => ruleRows.push([s, rule, n]));
}
out.push(ruleRows.length ? table(['source', 'rule', 'allow rows flagged'], ruleRows) : 'None.', '');

// The lines themselves, first ones in input order, each distinct text once.
out.push(`## Wrong at level ${mainLevel} (first ${opts.top} per source, input order, distinct texts)`, '');
for (const s of sources) {
  const idx = bySource.get(s);
  const missed = idx.filter((i) => rows[i].label === 'flag' && !flagged(v[i]));
  const wrong = idx.filter((i) => rows[i].label === 'allow' && flagged(v[i]));
  if (!missed.length && !wrong.length) continue;
  out.push(`### ${s}`, '');
  const list = (title, sel, describe) => {
    if (!sel.length) return;
    out.push(`${title} (${sel.length}):`);
    const seen = new Set();
    for (const i of sel) {
      if (seen.size >= opts.top) break;
      if (seen.has(rows[i].text)) continue;
      seen.add(rows[i].text);
      out.push(`- ${rows[i].id}${describe(i)}: ${clip(rows[i].text)}`);
    }
    out.push('');
  };
  list('Missed flag lines', missed, (i) => (rows[i].category ? ` [${rows[i].category}]` : ''));
  list('Wrongly flagged allow lines', wrong, (i) => ` ${v[i].action} by ${rulesOf(i).join(', ') || '(no span)'}`);
}
process.stdout.write(out.join('\n'));
