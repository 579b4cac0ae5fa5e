// Golden verdicts: what the CLI says about every corpus line at the default level (2, what
// shoppers see) and at level 4 (what the corpus test gates), so a change to spans, masks or
// actions shows up in review as a diff of tests/corpora/golden/.
//   node tests/corpora/golden.mjs --bin BIN            rewrite the golden files
//   node tests/corpora/golden.mjs --bin BIN --check    compare, print the first differences, exit 1 if any
// One golden file per corpus file (golden/flag/id-insult.ndjson for flag/id-insult.tsv), two
// lines per corpus line in corpus order: level 2, then level 4. The lines carry no corpus line
// number, so adding a corpus line adds two golden lines instead of renumbering the rest of the
// file; --check works the line numbers out again when it reports.
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusLines, moderate } from './corpora.mjs';

const corpora = dirname(fileURLToPath(import.meta.url));
const goldenDir = join(corpora, 'golden');
const LEVELS = [2, 4];
const UPDATE = 'tests/corpora/update_golden.sh';

const args = process.argv.slice(2);
const bin = args[args.indexOf('--bin') + 1];
if (!args.includes('--bin') || !bin) throw new Error('usage: golden.mjs --bin BIN [--check]');

// Golden path (relative to golden/) -> [{ where, text }], where names the corpus line.
function generate() {
  const rows = corpusLines(corpora);
  const verdicts = LEVELS.map((level) => moderate(bin, level, rows.map((r) => r.text)));
  const files = new Map();
  rows.forEach((row, i) => {
    const name = row.file.replace(/\.tsv$/, '.ndjson');
    if (!files.has(name)) files.set(name, []);
    LEVELS.forEach((level, k) => {
      const { id, ...v } = verdicts[k][i];  // the id is the row index: not worth a diff line
      files.get(name).push({ where: `${row.file}:${row.line} level ${level}`, text: JSON.stringify({ level, ...v }) });
    });
  });
  return files;
}

function goldenFiles() {
  const out = [];
  for (const kind of ['flag', 'allow']) {
    if (!existsSync(join(goldenDir, kind))) continue;
    for (const n of readdirSync(join(goldenDir, kind)).sort()) if (n.endsWith('.ndjson')) out.push(`${kind}/${n}`);
  }
  return out;
}

function readLines(name) {
  const path = join(goldenDir, name);
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

// Differences between old lines and new entries, aligned by a longest common subsequence so
// an inserted corpus line reads as two added lines, not as every later line changed. Within a
// run of edits, removed and added lines are paired up as old/new.
function diff(name, oldLines, entries) {
  const a = oldLines, b = entries.map((e) => e.text);
  const n = a.length, m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    const removed = [], added = [];
    while ((i < n || j < m) && !(i < n && j < m && a[i] === b[j])) {
      if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) removed.push(i++);
      else added.push(j++);
    }
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const o = removed[k], nw = added[k];
      out.push({
        where: nw !== undefined ? entries[nw].where : `golden/${name}:${o + 1} (its corpus line is gone)`,
        old: o !== undefined ? a[o] : '(none)',
        new: nw !== undefined ? b[nw] : '(none)',
      });
    }
    i++, j++;  // past the matching line
  }
  return out;
}

const files = generate();
if (args.includes('--check')) {
  const names = [...new Set([...files.keys(), ...goldenFiles()])].sort();
  const perFile = names.map((name) => [name, diff(name, readLines(name), files.get(name) ?? [])]).filter(([, d]) => d.length);
  const diffs = perFile.flatMap(([, d]) => d);
  if (diffs.length === 0) process.exit(0);
  const shown = 10;
  console.log(`golden verdicts differ from the CLI's on ${diffs.length} line(s)${diffs.length > shown ? `, first ${shown}` : ''}:`);
  for (const d of diffs.slice(0, shown)) console.log(`${d.where}\n  old: ${d.old}\n  new: ${d.new}`);
  console.log(`By golden file: ${perFile.map(([name, d]) => `${name} ${d.length}`).join(', ')}`);
  console.log(`If the change is intended, update with: ${UPDATE}  (then review git diff tests/corpora/golden)`);
  process.exit(1);
}
for (const name of goldenFiles()) if (!files.has(name)) unlinkSync(join(goldenDir, name));
for (const [name, entries] of files) {
  mkdirSync(dirname(join(goldenDir, name)), { recursive: true });
  writeFileSync(join(goldenDir, name), entries.map((e) => e.text).join('\n') + '\n');
}
const count = [...files.values()].reduce((s, e) => s + e.length, 0);
console.log(`wrote ${count} verdicts (levels ${LEVELS.join(', ')}) in ${files.size} files under tests/corpora/golden`);
