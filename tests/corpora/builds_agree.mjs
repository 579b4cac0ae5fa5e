// One build, one verdict: the GCC release CLI, the clang ASan + UBSan CLI (the fuzz build)
// and the wasm core under node must give byte-identical verdicts on the golden corpora, the
// disguised set and a generated live chat, at the default level and at level 4.
//   node tests/corpora/builds_agree.mjs GCC_CLI CLANG_CLI SITE_DIR
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusLines, moderate } from './corpora.mjs';
import { makeCorpus } from '../bench/corpus.mjs';

const [gcc, clang, site] = process.argv.slice(2);
if (!gcc || !clang || !site) {
  console.error('usage: builds_agree.mjs GCC_CLI CLANG_CLI SITE_DIR');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const texts = corpusLines(here).map((r) => r.text);
const adv = join(here, 'adversarial');
for (const name of readdirSync(adv).sort()) {
  for (const l of readFileSync(join(adv, name), 'utf8').split('\n')) {
    if (!l || l.startsWith('#')) continue;
    texts.push(name.startsWith('flag-') ? l.slice(l.indexOf('\t') + 1) : l);
  }
}
texts.push(...makeCorpus(20000), '1'.repeat(64) + '0812345678', 'dasar \u202egnijna\u202c', 'a\ud800b anjing');

const { createModerator } = await import(pathToFileURL(resolve(site, 'moderation.mjs')).href);
let differ = 0;
for (const level of [2, 4]) {
  const a = moderate(gcc, level, texts);
  const b = moderate(clang, level, texts);
  const mod = await createModerator({ level });
  for (let i = 0; i < texts.length; i++) {
    const w = mod.moderate({ id: String(i), user: `u${i}`, text: texts[i] });
    const sa = JSON.stringify(a[i]), sb = JSON.stringify(b[i]), sw = JSON.stringify(w);
    if (sa === sb && sa === sw) continue;
    if (++differ <= 5) console.log(`level ${level}: ${JSON.stringify(texts[i])}\n  gcc   ${sa}\n  clang ${sb}\n  wasm  ${sw}`);
  }
}
console.log(`${texts.length} comments at levels 2 and 4: ${differ ? `${differ} verdicts differ` : 'identical in the GCC release, clang ASan and wasm builds'}`);
process.exit(differ ? 1 : 0);
