// A deterministic live-chat corpus for benchmarks: mostly short, clean Indonesian and English
// shopping chat, with the share of abuse, obfuscation, contact scams and gambling spam a busy
// Indonesian live-shop chat sees. Same seed, same corpus.
const clean = [
  'kak ukuran {n} masih ada?', 'harga {p} bisa nego?', 'cod bisa kak?', 'ongkir ke {city} berapa?',
  'wkwk lucu banget hostnya', 'mantap kak lanjut', 'warna {c} ready?', 'checkout 2 ya kak',
  'udah order kak, ditunggu', 'bahannya adem nggak?', 'semoga cepat sampai', 'spill yang {c} dong',
  'gila murah banget {p}', 'santai aja kak', 'asuransi pengiriman ada?', 'kapan flash sale lagi?',
  'is this available in {c}?', 'how much is shipping to {city}?', 'love this! ordering now',
  'size {n} please', 'hahaha', 'wkwkwk', '🔥🔥🔥', 'halo kak dari {city} 👋', 'sudah follow kak',
  'voucher {p} masih bisa dipakai?', 'stok tinggal berapa?', 'keren kak 👍', 'ini original kan?',
];
const flagged = [
  'dasar {abuse}', '{abuse} lu', 'host {abuse} banget', 'wa 0812 {d4} {d4} ya kak', 'japri aja kak',
  'slot gacor maxwin hari ini', 'depo 10k wd {p} di zeus{d2}', 'cek bio buat promo', '{abuse}!!!',
];
const abuse = ['anjing', '4nj1ng', 'a.n.j.i.n.g', 'bangsat', 'b4ngs4t', 'goblok', 'kontol', 'аnjing', 'anjjjiiing', 'tolol'];
const cities = ['Medan', 'Surabaya', 'Makassar', 'Bandung', 'Jakarta', 'Denpasar', 'Pontianak'];
const colors = ['hitam', 'putih', 'navy', 'merah', 'sage', 'black', 'cream'];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

export function makeCorpus(count, seed = 20261125) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const fill = (t) => t
    .replace('{n}', String(36 + Math.floor(r() * 9)))
    .replace('{p}', `Rp ${(49 + Math.floor(r() * 400)).toLocaleString('id-ID')}.000`)
    .replace('{city}', pick(cities)).replace('{c}', pick(colors)).replace('{abuse}', pick(abuse))
    .replace(/\{d4\}/g, () => String(1000 + Math.floor(r() * 9000)))
    .replace('{d2}', String(10 + Math.floor(r() * 90)));
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = fill(r() < 0.08 ? pick(flagged) : pick(clean));
  return out;
}

// Inputs built to be slow: long, mixed scripts, separators between every letter, combining
// marks, digits among letters, near-misses of lexicon terms.
export function adversarial() {
  const cap = 2000;
  const cut = (s) => s.slice(0, cap);
  return {
    'combining marks': 'a' + '\u0301'.repeat(cap),
    'separated letters': cut('a.'.repeat(cap)),
    'near misses': cut('anjin '.repeat(400)),
    'mixed scripts': cut('аnјіng 𝐚𝐧𝐣𝐢𝐧𝐠 ａｎｊｉｎｇ '.repeat(100)),
    'digit soup': cut('0812 3456 7 8 9 0 '.repeat(120)),
    'leet soup': cut('4n j1 n9 k0 nt 0l '.repeat(120)),
    'zero-width': cut('a\u200bn\u200bj\u200bi\u200bn\u200bg '.repeat(150)),
    'emoji flood': '😀'.repeat(1000),
    'dots and domains': cut('a.b.c.d.e.f.com/'.repeat(130)),
  };
}
