// Writes the training input for the profile-guided native build (cmake/pgo.cmake): every
// line of the golden corpora as NDJSON comments, several rounds, from a few dozen users
// with timestamps, so the reader, the folding paths, the rules and the flood tracker all run
// about as often as they do in a live chat.
// usage: node scripts/pgo_corpus.mjs OUT.ndjson CORPUS.tsv...
import { readFileSync, writeFileSync } from 'node:fs';

const [out, ...files] = process.argv.slice(2);
const texts = [];
for (const file of files) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    texts.push(tab >= 0 ? line.slice(tab + 1) : line);  // flag files: category<TAB>text
  }
}
if (texts.length === 0) throw new Error('no corpus lines: pass the tests/corpora files');
const rounds = 10;
const lines = [];
let id = 0;
for (let r = 0; r < rounds; r++) {
  texts.forEach((text, i) => {
    const comment = { id: String(id++), user: `u${(i * 7 + r) % 40}`, text };
    if (i % 4 !== 0) comment.ts = id * 0.25;  // most with time, some without
    lines.push(JSON.stringify(comment));
  });
}
writeFileSync(out, lines.join('\n') + '\n');
