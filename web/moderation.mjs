// Comment moderation in the browser and in node 20, by the same C++ core as the CLI.
//
//   import { createModerator } from './moderation.mjs';
//   const mod = await createModerator({ level: 2 });
//   mod.moderate({ id: 'c1', user: 'budi', text: 'dasar 4nj1ng', ts: 12.5 });
//   // -> { id: 'c1', action: 'mask', categories: ['insult'], spans: [[6, 12, 'lexicon.id.insult']],
//   //      masked: 'dasar ******' }
//
// Spans are UTF-16 offsets into `text`, so `text.slice(start, end)` is the matched part.
import { loadCore, CoreError } from './core.mjs';

export { CoreError } from './core.mjs';

// A lone surrogate becomes U+FFFD (one UTF-16 unit, so spans keep their places), as the CLI's
// JSON reader does. Handed over as is, the string-to-UTF-8 conversion of the wasm glue would
// fuse it with the next character and hide that letter from the core: "a\uD800njing"
// would read "a?jing" and pass.
const wellFormed = (s) => (s.isWellFormed() ? s : s.toWellFormed());

/** The core's check of a moderator term: '' when it can be a term, else why not. */
export async function checkTerm(pattern) {
  const core = await loadCore();
  return core.checkTerm(wellFormed(String(pattern)));
}

/**
 * What each policy level acts on, from the core: { min, max, defaultLevel,
 * wordMinSeverity: [5, 4, 2, 1, 1], ruleMinSeverity: [...], holdsMasks: [false, ..., true],
 * wordCategories: ['profanity', ...], ruleCategories: ['contact', ...] } (5 = nothing).
 */
export async function levelTable() {
  const core = await loadCore();
  return core.levelTable();
}

/**
 * Flood limits (optional): { maxMessages: 11, windowSeconds: 30, maxRepeats: 3,
 * maxSameTextUsers: 5 }, YouTube's 11 comments per 30 s by default; a value out of range
 * makes createModerator throw, naming it.
 * @param {{level?: number, levels?: Object<string, number>, allowedDomains?: string[],
 *          flood?: {maxMessages?: number, windowSeconds?: number, maxRepeats?: number, maxSameTextUsers?: number}}} [options]
 */
export async function createModerator(options = {}) {
  const core = await loadCore();
  // The core installs ICU with what prices need; moderation's services are probed here.
  const missing = core.checkModerationData();
  if (missing) throw new CoreError('core.data', `icudt72l.dat: ${missing}`);
  const native = new core.Moderator(options);
  const problem = native.error();
  if (problem) {
    native.delete();
    throw new Error(`moderator: ${problem}`);
  }
  return {
    /** @param {{id?: string, user?: string, text: string, ts?: number}} comment */
    moderate({ id = '', user = '', text = '', ts = -1 } = {}) {
      return JSON.parse(native.moderate(wellFormed(String(id)), wellFormed(String(user)), wellFormed(String(text)), Number.isFinite(ts) ? ts : -1));
    },
    /** Many texts at once (one per line): verdict objects in order. */
    moderateMany(texts) {
      const out = native.moderateLines(wellFormed(texts.map((t) => String(t).replace(/\n/g, ' ')).join('\n')));
      return out.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    },
    /** Raw NDJSON throughput path for benchmarks: lines in, verdict lines out. */
    moderateLines(ndText) {
      return native.moderateLines(wellFormed(String(ndText)));
    },
    /** `*` wildcards at either end; permit = true lets matches through. Throws on a bad pattern. */
    addTerm(pattern, { permit = false, expiresAt = -1 } = {}) {
      const problem = native.addTerm(wellFormed(String(pattern)), !!permit, expiresAt);
      if (problem) throw new Error(problem);
    },
    removeTerm(pattern) {
      return native.removeTerm(wellFormed(String(pattern)));
    },
    /**
     * Replaces every term at once (one build, however many terms): [{ pattern, permit?,
     * expiresAt? }]. Throws, naming the term, and keeps the old terms when one is refused.
     */
    setTerms(terms) {
      const list = terms.map((t) => ({ pattern: wellFormed(String(t.pattern)), permit: !!t.permit, expiresAt: Number.isFinite(t.expiresAt) ? t.expiresAt : -1 }));
      const problem = native.setTerms(list);
      if (problem) throw new Error(`moderator: ${problem}`);
    },
    /** { level: 0-4, levels: { insult: 3, ... } } */
    setPolicy(policy) {
      const problem = native.setPolicy(policy);
      if (problem) throw new RangeError(`moderator: ${problem}`);
    },
  };
}
