// Shared by the golden verdicts (golden.mjs) and the quality benchmark (tests/bench/quality.mjs):
// the golden corpora read as the corpus test reads them, and many comments moderated by one
// CLI process per level.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Every corpus line in a fixed order (kind, then file name, then line):
// { file: 'flag/id-insult.tsv', line, label: 'flag'|'allow', category?, text }.
// As in tests/unit/corpus_test.cpp: CR stripped, blank and '#' lines skipped.
export function corpusLines(corporaDir) {
  const out = [];
  for (const kind of ['flag', 'allow']) {
    const names = readdirSync(join(corporaDir, kind)).filter((n) => n.endsWith('.tsv')).sort();
    for (const name of names) {
      readFileSync(join(corporaDir, kind, name), 'utf8').split('\n').forEach((raw, i) => {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line === '' || line.startsWith('#')) return;
        const row = { file: `${kind}/${name}`, line: i + 1, label: kind, text: line };
        if (kind === 'flag') {
          const tab = line.indexOf('\t');
          if (tab >= 0) Object.assign(row, { category: line.slice(0, tab), text: line.slice(tab + 1) });
        }
        out.push(row);
      });
    }
  }
  return out;
}

// Verdict objects for texts, in order, from one `etalase moderate --level N` process. Each
// comment has its own user, so the flood rules (per-user rate and repeats) never join lines.
export function moderate(bin, level, texts) {
  const input = texts.map((text, i) => JSON.stringify({ id: String(i), user: `u${i}`, text })).join('\n') + '\n';
  const r = spawnSync(bin, ['moderate', '--level', String(level)], { input, maxBuffer: 2 ** 31 - 1 });
  if (r.error) throw new Error(`${bin}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${bin} moderate --level ${level} exited ${r.status}: ${r.stderr}`);
  const out = String(r.stdout).split('\n');
  if (out[out.length - 1] === '') out.pop();
  if (out.length !== texts.length) throw new Error(`${bin}: ${texts.length} comments in, ${out.length} verdicts out`);
  return out.map((s) => JSON.parse(s));
}
