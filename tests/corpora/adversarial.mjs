// The adversarial set: every single-word lexicon term the default level acts on, in every
// disguise a determined spammer uses, inside ordinary chat; plus the clean look-alikes of a
// shop (prices, sizes, order and tracking numbers, names, reduplication) that must pass.
//
//   node tests/corpora/adversarial.mjs            rewrite tests/corpora/adversarial/*.tsv
//   node tests/corpora/adversarial.mjs --check    fail if the files are not what it writes
//   node tests/corpora/adversarial.mjs --verify BIN [--min 0.99]
//        moderate the files with the CLI at the default level: recall per disguise class,
//        and every clean line must pass; exit 1 below the minimum or on any clean line acted on
//
// Deterministic (a fixed seed), so the files are reviewed like any corpus and the test
// (tests/cli/adversarial.sh) reads them as they are.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moderate } from './corpora.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'tests', 'corpora', 'adversarial');

// xorshift32: the same lines on every machine.
let seed = 0x2545f491;
const rand = () => {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 0x100000000;
};
const pick = (a) => a[Math.floor(rand() * a.length)];

// Single-word terms of severity >= 2 (what the default acts on), four letters or more.
function terms(lang) {
  const out = [];
  for (const line of readFileSync(join(root, 'assets', 'lexicons', `${lang}.tsv`), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.startsWith('@')) continue;
    const f = line.split('\t').map((s) => s.trim()).filter(Boolean);
    if (f.length !== 4 || Number(f[2]) < 2 || /[\s*^{]/.test(f[0]) || !/^[a-z]{4,}$/.test(f[0])) continue;
    out.push({ word: f[0], category: f[1], lang });
  }
  return out;
}

const carriers = {
  id: ['dasar {w}', '{w} lu min', 'hostnya {w} banget', 'adminnya {w}', 'seller {w}, balikin duit gue', 'kamu {w} ya'],
  en: ['you {w}', 'the host is a {w}', 'what a {w} seller', 'shut up {w}', '{w} admin'],
};

const chars = (w) => [...w];
const mapLetters = (w, f) => chars(w).map(f).join('');
const upper = (c) => c.toUpperCase();

// Mathematical alphanumeric alphabets: bold, italic, bold italic, script bold, fraktur bold,
// double-struck, sans bold, sans italic, monospace (capital A and small a code points).
const MATH = [[0x1d400, 0x1d41a], [0x1d434, 0x1d44e], [0x1d468, 0x1d482], [0x1d4d0, 0x1d4ea], [0x1d56c, 0x1d586],
  [0x1d5d4, 0x1d5ee], [0x1d608, 0x1d622], [0x1d670, 0x1d68a]];
const LEET = { a: ['4', '@'], e: ['3'], i: ['1', '!'], o: ['0'], s: ['5', '$'], t: ['7'], g: ['9'], b: ['8'] };
const CYR = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', k: 'к', n: 'п', t: 'т', m: 'м', h: 'н', b: 'в' };
const GREEK = { k: 'κ', t: 'τ', n: 'η', o: 'ο', i: 'ι', a: 'α', v: 'ν', p: 'ρ' };
const SMALL = { a: 'ᴀ', b: 'ʙ', c: 'ᴄ', d: 'ᴅ', e: 'ᴇ', f: 'ꜰ', g: 'ɢ', h: 'ʜ', i: 'ɪ', j: 'ᴊ', k: 'ᴋ', l: 'ʟ', m: 'ᴍ', n: 'ɴ',
  o: 'ᴏ', p: 'ᴘ', r: 'ʀ', s: 'ꜱ', t: 'ᴛ', u: 'ᴜ', v: 'ᴠ', w: 'ᴡ', y: 'ʏ', z: 'ᴢ' };
const SYMBOL = { u: '|_|', t: '+', e: '€', c: '(', b: '8', g: '9' };
const EMOJI = ['🔥', '😀', '🎰', '💋', '😂', '⭐', '❤️', '👍'];
const ZW = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const BLANK = ['\u2800', '\u3164', '\u{1d159}', '\u115f'];
const MARKS = ['\u0336', '\u0332', '\u0335', '\u0338', '\u0305'];

// Each class: word -> disguised word (or null when the class cannot apply to it).
const classes = {
  leet(w) {
    const idx = chars(w).map((c, i) => (LEET[c] ? i : -1)).filter((i) => i >= 0);
    if (idx.length < 1) return null;
    const a = chars(w);
    for (const i of idx) if (rand() < 0.7 || i === idx[0]) a[i] = pick(LEET[a[i]]);
    return a.join('');
  },
  separators: (w) => chars(w).join(pick(['.', '-', '_', '*', '/', '+', '~', '. ', ' - '])) + pick(['', '!!', '?', '.']),
  spaced: (w) => chars(w).join(pick([' ', '  '])) + pick(['', '!!!', '!', '...']),
  repeats: (w) => mapLetters(w, (c) => (rand() < 0.4 ? c.repeat(2 + Math.floor(rand() * 4)) : c)),
  zero_width: (w) => chars(w).join(pick(ZW)),
  marks: (w) => { const m = pick(MARKS); return mapLetters(w, (c) => c + m); },
  math(w) {
    const [cap, small] = pick(MATH);
    const up = rand() < 0.5;
    // Italic small h is the one hole in these alphabets: it lives in Letterlike Symbols.
    const at = (c) => ((up ? cap : small) + c.charCodeAt(0) - 97 === 0x1d455 ? 0x210e : (up ? cap : small) + c.charCodeAt(0) - 97);
    return mapLetters(w, (c) => String.fromCodePoint(at(c)));
  },
  fullwidth: (w) => mapLetters(rand() < 0.5 ? w.toUpperCase() : w, (c) => String.fromCodePoint(c.charCodeAt(0) + 0xfee0)),
  enclosed(w) {
    const base = pick([0x24d0, 0x249c, 0x1f150, 0x1f130, 0x1f170]);  // ⓐ ⒜ 🅐 🄰 🅰
    return mapLetters(w, (c) => String.fromCodePoint(base + c.charCodeAt(0) - 97));
  },
  small_caps(w) { return chars(w).every((c) => SMALL[c]) ? mapLetters(w, (c) => SMALL[c]) : null; },
  cyrillic(w) {
    const idx = chars(w).map((c, i) => (CYR[c] ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return null;
    const a = chars(w);
    for (const i of idx) if (rand() < 0.6 || i === idx[0]) a[i] = CYR[a[i]];
    return a.join('');
  },
  greek(w) {
    const idx = chars(w).map((c, i) => (GREEK[c] ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return null;
    const a = chars(w);
    for (const i of idx) if (rand() < 0.6 || i === idx[0]) a[i] = GREEK[a[i]];
    return a.join('');
  },
  regional: (w) => mapLetters(w, (c) => String.fromCodePoint(0x1f1e6 + c.charCodeAt(0) - 97)),
  emoji_inside(w) {
    const a = chars(w);
    const e = pick(EMOJI);
    if (rand() < 0.5) return a.join(e);
    const at = 1 + Math.floor(rand() * (a.length - 1));
    return a.slice(0, at).join('') + e + a.slice(at).join('');
  },
  bidi: (w) => `\u202e${[...w].reverse().join('')}\u202c`,
  blanks: (w) => chars(w).join(pick(BLANK)),
  self_censor(w) {
    const a = chars(w);
    const vowels = a.map((c, i) => ('aiueo'.includes(c) && i > 0 ? i : -1)).filter((i) => i >= 0);
    if (!vowels.length || vowels.length >= a.length - 1) return null;
    for (const i of vowels) if (rand() < 0.7 || i === vowels[0]) a[i] = '*';
    return a.join('');
  },
  symbols(w) {
    const idx = chars(w).map((c, i) => (SYMBOL[c] ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return null;
    const a = chars(w);
    for (const i of idx) a[i] = SYMBOL[a[i]];
    return a.join('');
  },
  mixed_case: (w) => mapLetters(w, (c) => (rand() < 0.5 ? upper(c) : c)),
};

// Two disguises at once, drawn at random.
const simple = ['leet', 'repeats', 'zero_width', 'marks', 'cyrillic', 'mixed_case', 'separators', 'emoji_inside'];
classes.combined = (w) => {
  const a = pick(simple);
  let b = pick(simple);
  while (b === a) b = pick(simple);
  const once = classes[a](w);
  if (once === null) return null;
  // The second disguise works on what the first left: only those that keep the letters.
  return ['zero_width', 'marks', 'emoji_inside', 'separators'].includes(b) ? classes[b](once) : (classes[b](once) ?? once);
};

function flagLines() {
  const out = {};
  const words = [...terms('id'), ...terms('en')];
  for (const [name, f] of Object.entries(classes)) {
    const lines = [];
    for (const t of words) {
      const d = f(t.word);
      if (d === null || d === t.word) continue;
      lines.push(`${t.category}\t${pick(carriers[t.lang]).replace('{w}', d)}`);
    }
    out[name] = lines;
  }
  return out;
}

// Clean chat that looks like what the disguises make: numbers with letters, spaced words,
// styled praise, names, reduplication.
function cleanLines() {
  const lines = [];
  const names = ['Dick', 'Kontolo', 'Cumming', 'Bitche', 'Twatt', 'Scunthorpe', 'Assen', 'Penistone', 'Clitheroe'];
  for (const n of names) lines.push(`Kak ${n}, paketnya sudah sampai belum?`, `Halo dari ${n}, ongkirnya berapa?`);
  for (let i = 0; i < 60; i++) {
    const digits = () => String(Math.floor(rand() * 1e9)).padStart(9, '0');
    lines.push(
      `resi JNE 0812${digits().slice(0, 8)} kok belum update`,
      `order #08${digits()} belum sampai kak`,
      `invoice INV/2026/${digits().slice(0, 6)} sudah dibayar`,
      `harga Rp ${Math.floor(rand() * 900 + 50)}.000 ya kak`,
      `ukuran ${pick(['S', 'M', 'L', 'XL', 'XXL'])} ready? lingkar dada ${Math.floor(rand() * 40 + 80)} cm`,
      `tanggal ${Math.floor(rand() * 28 + 1)}/${Math.floor(rand() * 12 + 1)}/2026 ada flash sale lagi?`,
    );
  }
  for (const w of ['kata-kata', 'anak2', 'hati2 di jalan', 'sama2 kak', 'lama2 suka', 'pelan-pelan aja']) lines.push(w);
  for (const w of ['mantap', 'keren', 'murah', 'cantik', 'ready']) {
    lines.push(`${w.split('').join(' ')} kak!`, `${mapLetters(w, (c) => String.fromCodePoint(c.charCodeAt(0) + 0xfee0))} banget`);
  }
  lines.push('kontes anjing ras minggu depan', 'Anjing Kintamani lucu banget', 'tas anjing laut lucu', 'dasar kainnya apa kak?',
    'warna dasar putih ada?', 'asuransi pengiriman berapa?', 'pantai kuta cerah', 'semen tiga roda', 'wkwkwk lucu',
    'nggak jadi beli deh', 'iPhone 13 second ada?', 'Redmi Note 13 ready?', 'kode voucher HEMAT50', 'promo 12.12 jam berapa?');
  return lines;
}

const files = { ...Object.fromEntries(Object.entries(flagLines()).map(([k, v]) => [`flag-${k}.tsv`, v])), 'allow-clean.tsv': cleanLines() };
const header = (name) => `# Generated by tests/corpora/adversarial.mjs (${name.startsWith('flag') ? 'category<TAB>text' : 'text'}); do not edit.\n`;

const arg = (name) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };

if (arg('--verify')) {
  const bin = arg('--verify');
  const min = Number(arg('--min') ?? 0.99);
  let failed = false;
  console.log('| disguise | lines | caught at level 2 | recall |\n|---|---:|---:|---:|');
  for (const name of readdirSync(outDir).sort()) {
    const rows = readFileSync(join(outDir, name), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    const flag = name.startsWith('flag-');
    const texts = rows.map((l) => (flag ? l.slice(l.indexOf('\t') + 1) : l));
    const verdicts = moderate(bin, 2, texts);
    const acted = verdicts.map((v) => v.action !== 'allow');
    const n = acted.filter(Boolean).length;
    if (flag) {
      const recall = n / rows.length;
      console.log(`| ${name.slice(5, -4)} | ${rows.length} | ${n} | ${recall.toFixed(3)} |`);
      if (recall < min) {
        failed = true;
        texts.filter((_, i) => !acted[i]).slice(0, 5).forEach((t) => console.log(`    missed: ${JSON.stringify(t)}`));
      }
    } else {
      console.log(`| clean (must pass) | ${rows.length} | ${n} | |`);
      if (n) {
        failed = true;
        verdicts.forEach((v, i) => { if (acted[i]) console.log(`    acted on: ${JSON.stringify(texts[i])} ${JSON.stringify(v.spans)}`); });
      }
    }
  }
  process.exit(failed ? 1 : 0);
} else if (process.argv.includes('--check')) {
  let bad = 0;
  const have = new Set(readdirSync(outDir));
  for (const [name, lines] of Object.entries(files)) {
    const want = header(name) + lines.join('\n') + '\n';
    let got = '';
    try { got = readFileSync(join(outDir, name), 'utf8'); } catch { /* missing */ }
    if (got !== want) { console.log(`tests/corpora/adversarial/${name} is not what the generator writes`); bad++; }
    have.delete(name);
  }
  for (const name of have) { console.log(`tests/corpora/adversarial/${name} is not written by the generator`); bad++; }
  if (bad) console.log('update with: node tests/corpora/adversarial.mjs');
  process.exit(bad ? 1 : 0);
} else {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(outDir, name), header(name) + lines.join('\n') + '\n');
  console.log(`${Object.keys(files).length} files, ${Object.values(files).reduce((n, l) => n + l.length, 0)} lines in tests/corpora/adversarial/`);
}
