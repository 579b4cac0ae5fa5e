// Pure logic of the moderator console (no DOM, no IndexedDB, no wasm): settings and term
// validation, import/export, CSV, highlighting, filters, language guess, stats. Runs in
// node too, where tests/wasm/console_logic.test.mjs checks it.
//
// Settings (what the console edits, IndexedDB stores and the channel carries):
//   { level: 0-4, levels: { insult: 3, ... },            // a category's level overrides `level`
//     terms: [{ pattern: 'mur*h', mode: 'block'|'permit', expiresAt: epoch ms | null }],
//     rev: n, savedAt: epoch ms }                          // rev/savedAt: set by the store
//
// Errors are objects { key, field, args } so each page says them in its own language:
// `key` is a catalog key ("console.error.level"), `field` names the offending field of the
// input ("terms[2].pattern"), `args` fills the message.

export const CATEGORIES = ['profanity', 'insult', 'sexual', 'hate', 'threat', 'contact', 'link', 'scam', 'gambling', 'spam', 'flood'];
export const LANGS = ['id', 'en', 'jv', 'su', 'ms', 'und'];
export const LEVEL_MIN = 0;
export const LEVEL_MAX = 4;
export const DEFAULT_LEVEL = 2;
export const TIMEOUT_MIN_MS = 10 * 1000;
export const TIMEOUT_MAX_MS = 24 * 60 * 60 * 1000;
export const MAX_TERMS = 2000;
export const MAX_PATTERN = 100;
export const EXPORT_FORMAT = 'etalase-moderation-settings';

export function defaultSettings() {
  return { level: DEFAULT_LEVEL, levels: {}, terms: [], rev: 0, savedAt: 0 };
}

class ValidationError extends Error {
  constructor(key, field, args = {}) {
    super(`${field}: ${key}`);
    this.name = 'ValidationError';
    this.key = key;
    this.field = field;
    this.args = args;
  }
}
export { ValidationError };

const isLevel = (v) => Number.isInteger(v) && v >= LEVEL_MIN && v <= LEVEL_MAX;

/**
 * Checks one term pattern the way the engine reads it: `*` only at the start and/or the end,
 * or one `*` inside ("mur*h": starts with "mur", ends with "h"). Returns the cleaned pattern
 * or throws a ValidationError for `field`.
 */
export function checkPattern(raw, field = 'pattern') {
  if (typeof raw !== 'string') throw new ValidationError('console.error.pattern.type', field);
  const p = raw.trim().toLowerCase();
  if (!p) throw new ValidationError('console.error.pattern.empty', field);
  if (p.length > MAX_PATTERN) throw new ValidationError('console.error.pattern.long', field, { max: MAX_PATTERN });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(p)) throw new ValidationError('console.error.pattern.control', field);
  const core = p.replace(/^\*/, '').replace(/\*$/, '');
  const inner = core.split('*');
  if (inner.length > 2 || inner.some((part) => part.trim() === '')) {
    throw new ValidationError('console.error.pattern.star', field, { pattern: p });
  }
  if (inner.length === 2 && (p.startsWith('*') || p.endsWith('*'))) {
    throw new ValidationError('console.error.pattern.star', field, { pattern: p });
  }
  return p;
}

/** Validates one term object; returns a clean copy or throws with the field path. */
export function checkTerm(t, field = 'term') {
  if (!t || typeof t !== 'object' || Array.isArray(t)) throw new ValidationError('console.error.term.type', field);
  const pattern = checkPattern(t.pattern, `${field}.pattern`);
  const mode = t.mode ?? 'block';
  if (mode !== 'block' && mode !== 'permit') throw new ValidationError('console.error.term.mode', `${field}.mode`);
  let expiresAt = t.expiresAt ?? null;
  if (expiresAt === -1) expiresAt = null;
  if (typeof expiresAt === 'string' && expiresAt) {
    const ms = Date.parse(expiresAt);
    if (Number.isNaN(ms)) throw new ValidationError('console.error.term.expires', `${field}.expiresAt`);
    expiresAt = ms;
  }
  if (expiresAt !== null && !(Number.isFinite(expiresAt) && expiresAt > 0)) {
    throw new ValidationError('console.error.term.expires', `${field}.expiresAt`);
  }
  return { pattern, mode, expiresAt };
}

/**
 * Validates a whole settings object (fully, before anything is replaced). Returns a clean
 * copy { level, levels, terms }; throws a ValidationError naming the first wrong field.
 */
export function checkSettings(s, prefix = '') {
  const at = (f) => (prefix ? `${prefix}.${f}` : f);
  if (!s || typeof s !== 'object' || Array.isArray(s)) throw new ValidationError('console.error.settings.type', prefix || 'settings');
  if (!isLevel(s.level)) throw new ValidationError('console.error.level', at('level'), { min: LEVEL_MIN, max: LEVEL_MAX });
  const levels = {};
  if (s.levels !== undefined && s.levels !== null) {
    if (typeof s.levels !== 'object' || Array.isArray(s.levels)) throw new ValidationError('console.error.levels.type', at('levels'));
    for (const [cat, v] of Object.entries(s.levels)) {
      if (!CATEGORIES.includes(cat)) throw new ValidationError('console.error.levels.category', at(`levels.${cat}`), { category: cat });
      if (v === null) continue;
      if (!isLevel(v)) throw new ValidationError('console.error.level', at(`levels.${cat}`), { min: LEVEL_MIN, max: LEVEL_MAX });
      levels[cat] = v;
    }
  }
  const terms = [];
  if (s.terms !== undefined && s.terms !== null) {
    if (!Array.isArray(s.terms)) throw new ValidationError('console.error.terms.type', at('terms'));
    if (s.terms.length > MAX_TERMS) throw new ValidationError('console.error.terms.many', at('terms'), { max: MAX_TERMS });
    const seen = new Set();
    s.terms.forEach((t, i) => {
      const clean = checkTerm(t, at(`terms[${i}]`));
      if (seen.has(clean.pattern)) throw new ValidationError('console.error.term.duplicate', at(`terms[${i}].pattern`), { pattern: clean.pattern });
      seen.add(clean.pattern);
      terms.push(clean);
    });
  }
  return { level: s.level, levels, terms };
}

/** The export file: a small envelope around the settings. */
export function exportSettings(settings, now = Date.now()) {
  const { level, levels, terms } = checkSettings(settings);
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: new Date(now).toISOString(), settings: { level, levels, terms } }, null, 2);
}

/**
 * Parses an import file's text: the export envelope or a bare settings object. Validates
 * everything first; returns clean settings or throws a ValidationError.
 */
export function parseSettingsImport(text) {
  let data;
  try {
    data = JSON.parse(String(text).replace(/^\ufeff/, ''));
  } catch (e) {
    throw new ValidationError('console.error.import.json', 'file', { detail: e.message });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ValidationError('console.error.settings.type', 'file');
  if ('format' in data || 'settings' in data) {
    if (data.format !== EXPORT_FORMAT) throw new ValidationError('console.error.import.format', 'format', { expected: EXPORT_FORMAT });
    if (data.version !== 1) throw new ValidationError('console.error.import.version', 'version');
    return checkSettings(data.settings, 'settings');
  }
  return checkSettings(data);
}

/** Terms still in force at `now` (epoch ms). */
export function activeTerms(terms, now = Date.now()) {
  return (terms || []).filter((t) => t.expiresAt == null || t.expiresAt > now);
}

// ---- time-outs ------------------------------------------------------------------------------

const UNIT_MS = { s: 1000, m: 60 * 1000, h: 60 * 60 * 1000 };
/** "10s", "5m", "1h", "90" (seconds) -> ms, within 10 s .. 24 h; throws a ValidationError. */
export function parseDuration(text, field = 'duration') {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$/i.exec(String(text));
  if (!m) throw new ValidationError('console.error.duration', field, { min: '10 s', max: '24 h' });
  const ms = Math.round(Number(m[1]) * UNIT_MS[(m[2] || 's').toLowerCase()]);
  if (ms < TIMEOUT_MIN_MS || ms > TIMEOUT_MAX_MS) throw new ValidationError('console.error.duration', field, { min: '10 s', max: '24 h' });
  return ms;
}

/** Whether a user action {action, until} silences the user at `now`. */
export function actionMutes(a, now = Date.now()) {
  if (!a) return false;
  if (a.action === 'ban') return a.until == null || now < a.until;
  if (a.action === 'timeout') return Number.isFinite(a.until) && now < a.until;
  return false;
}

// ---- CSV (RFC 4180) -----------------------------------------------------------------------

/**
 * One CSV cell. Cells that a spreadsheet would run as a formula (starting with = + - @, or a
 * tab / carriage return) get a leading single quote; cells with a comma, quote or line break
 * are quoted with embedded quotes doubled.
 */
export function csvCell(value) {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** Rows (arrays of cells) -> CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows) {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A small RFC 4180 reader (for tests and for checking exports): text -> rows of strings. */
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', i = 0, quoted = false;
  const s = String(text).replace(/^\ufeff/, '');
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') { cell += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      cell += c; i++; continue;
    }
    if (c === '"' && cell === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && s[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; continue; }
    cell += c; i++;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

export const AUDIT_COLUMNS = ['time', 'who', 'action', 'target', 'user', 'text', 'why', 'detail'];

/** Audit entries (oldest first) -> CSV text, one row per entry under a header row. */
export function auditToCsv(entries) {
  const rows = [AUDIT_COLUMNS];
  for (const e of entries) {
    rows.push([new Date(e.at).toISOString(), e.who, e.what, e.target, e.user ?? '', e.text ?? '', e.why ?? '', e.detail ?? '']);
  }
  return toCsv(rows);
}

// ---- highlighting ---------------------------------------------------------------------------

/**
 * Splits `text` into pieces for display: [{text, rules}] where `rules` is null for plain
 * text and the list of rule ids for a matched stretch. Spans are UTF-16 [start, end, rule];
 * they are clamped to the text, and overlapping spans are merged.
 */
export function segments(text, spans) {
  const s = String(text ?? '');
  const list = (spans || [])
    .map(([a, b, rule]) => [Math.max(0, Math.min(s.length, a | 0)), Math.max(0, Math.min(s.length, b | 0)), String(rule ?? '')])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const merged = [];
  for (const [a, b, rule] of list) {
    const last = merged[merged.length - 1];
    if (last && a < last[1]) {
      last[1] = Math.max(last[1], b);
      if (!last[2].includes(rule)) last[2].push(rule);
    } else merged.push([a, b, [rule]]);
  }
  const out = [];
  let pos = 0;
  for (const [a, b, rules] of merged) {
    if (a > pos) out.push({ text: s.slice(pos, a), rules: null });
    out.push({ text: s.slice(a, b), rules, start: a, end: b });
    pos = b;
  }
  if (pos < s.length) out.push({ text: s.slice(pos), rules: null });
  return out;
}

/** Rule ids of a verdict, in order of first appearance. */
export function rulesOf(verdict) {
  const seen = [];
  for (const sp of verdict?.spans || []) if (sp[2] && !seen.includes(sp[2])) seen.push(sp[2]);
  for (const r of verdict?.reasons || []) if (r && !seen.includes(r)) seen.push(r);
  return seen;
}

/** A term pattern suggested from a matched stretch: the word itself, lower case. */
export function patternFromText(text) {
  return String(text).trim().toLowerCase().replace(/\*/g, '').replace(/\s+/g, ' ').slice(0, MAX_PATTERN);
}

// ---- language -------------------------------------------------------------------------------
// A guess, and only a guess: the script for Javanese and Sundanese letters, then a handful of
// frequent function words per language. Ties and texts without such words are "und".
const WORDS = {
  id: 'yang dan ini itu tidak nggak gak enggak kak kakak berapa harga ada bisa mau sudah udah banget dong aja saja beli ukuran warna masih stok ongkir gan sis min kok deh sih juga dengan untuk cek murah',
  en: 'the and is are this that what how much price please size color colour available buy you thanks thank shipping does can will with for have',
  jv: 'opo piye ora wis karo sing iki kuwi regane pira tuku matur nuwun sampeyan kowe ojo durung aku ae wae mboten nggih',
  su: 'abdi teu naon kumaha sabaraha hatur nuhun mah atuh euy pisan meuli aya punten teh ieu eta mangga',
  ms: 'tak awak boleh sikit kedai ringgit macam nak tengok betul sahaja kenapa bila mahu',
};
const WORD_SETS = Object.fromEntries(Object.entries(WORDS).map(([k, v]) => [k, new Set(v.split(' '))]));

export function guessLang(text) {
  const s = String(text ?? '');
  if (/[\uA980-\uA9DF]/.test(s)) return 'jv';
  if (/[\u1B80-\u1BBF]/.test(s)) return 'su';
  const words = s.toLowerCase().match(/[\p{L}]+/gu) || [];
  const score = { id: 0, en: 0, jv: 0, su: 0, ms: 0 };
  for (const w of words) for (const k in WORD_SETS) if (WORD_SETS[k].has(w)) score[k]++;
  let best = 'und', top = 0, tie = false;
  for (const [k, v] of Object.entries(score)) {
    if (v > top) { best = k; top = v; tie = false; } else if (v === top && v > 0) tie = true;
  }
  return top === 0 || tie ? 'und' : best;
}

// ---- queue filters ---------------------------------------------------------------------------

/** Whether a queue entry passes the console's filters {status, category, lang, query}. */
export function matchesFilter(entry, { status = 'held', category = '', lang = '', query = '' } = {}) {
  if (status && entry.status !== status) return false;
  if (category && !(entry.verdict?.categories || []).includes(category)) return false;
  if (lang && (entry.comment?.lang || 'und') !== lang) return false;
  if (query) {
    const q = query.toLowerCase();
    const c = entry.comment || {};
    if (!String(c.text ?? '').toLowerCase().includes(q) && !String(c.user ?? '').toLowerCase().includes(q)) return false;
  }
  return true;
}

// ---- stats -------------------------------------------------------------------------------------

/**
 * Held / approved / denied over time, top rules and queue age, for all categories or one.
 * entries: queue entries {heldAt, status, decidedAt, verdict}. Buckets split the time from
 * the first held comment to `now` evenly (at least one minute each).
 */
export function computeStats(entries, { now = Date.now(), buckets = 12, category = '' } = {}) {
  const list = category ? entries.filter((e) => (e.verdict?.categories || []).includes(category)) : entries;
  let first = now;
  for (const e of list) if (e.heldAt < first) first = e.heldAt;
  const width = Math.max(60 * 1000, Math.ceil((now - first + 1) / buckets));
  const start = now - width * buckets;
  const rows = Array.from({ length: buckets }, (_, i) => ({ start: start + i * width, end: start + (i + 1) * width, held: 0, approved: 0, denied: 0 }));
  const slot = (t) => Math.min(buckets - 1, Math.max(0, Math.floor((t - start) / width)));
  const rules = new Map();
  const perCategory = new Map(); // category -> counts; a comment counts once in each of its categories
  const ages = [];
  const totals = { held: 0, approved: 0, denied: 0, pending: 0 };
  for (const e of list) {
    rows[slot(e.heldAt)].held++;
    totals.held++;
    if (e.status === 'approved') { rows[slot(e.decidedAt ?? e.heldAt)].approved++; totals.approved++; }
    else if (e.status === 'denied') { rows[slot(e.decidedAt ?? e.heldAt)].denied++; totals.denied++; }
    else { ages.push(now - e.heldAt); totals.pending++; }
    for (const r of rulesOf(e.verdict)) rules.set(r, (rules.get(r) || 0) + 1);
    for (const c of new Set(e.verdict?.categories || [])) {
      let n = perCategory.get(c);
      if (!n) perCategory.set(c, (n = { held: 0, approved: 0, denied: 0 }));
      n.held++;
      if (e.status === 'approved' || e.status === 'denied') n[e.status]++;
    }
  }
  ages.sort((a, b) => a - b);
  const topRules = [...rules].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
  return {
    buckets: rows,
    topRules,
    byCategory: [...perCategory].sort((a, b) => b[1].held - a[1].held || (a[0] < b[0] ? -1 : 1)).map(([category, n]) => ({ category, ...n })),
    totals,
    age: { pending: ages.length, oldestMs: ages.length ? ages[ages.length - 1] : 0, medianMs: ages.length ? ages[Math.floor(ages.length / 2)] : 0 },
  };
}

/** A short random id (base 36). */
export function shortId(n = 6) {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
