// What moderation keeps in the browser (IndexedDB, one database per origin), shared by the
// console tabs and the viewer tabs (web/mod_viewer_link.mjs).
//
// Database "etalase-moderation", version 1. Object stores:
//   queue        keyPath "id"      held comments and their decision:
//                { id, comment: {id, user, text, ts, lang, langGuessed}, verdict, heldAt,
//                  status: 'held'|'approved'|'denied', decidedBy, decidedAt, why }
//                index "heldAt" (loads the queue newest first in one transaction)
//   userActions  keyPath "user"    the latest action per user:
//                { user, action: 'ban'|'timeout'|'lift', until: epoch ms | null, by, at, why }
//   settings     keyPath "key"     one record, key "current": { key, level, levels, terms, rev, savedAt }
//   audit        autoIncrement     { seq, at, who, what, target, user, text, why, detail }
//                what: approve | deny | ban | timeout | lift | settings | term-add | term-remove | import
//                index "at"
//
// A decision is a check-and-set in ONE readwrite transaction over queue + audit: the first
// decision on a held comment wins; a later one gets { ok: false, entry } with the winner.
export const DB_NAME = 'etalase-moderation';
export const DB_VERSION = 1;

const req = (r) => new Promise((resolve, reject) => {
  r.onsuccess = () => resolve(r.result);
  r.onerror = () => reject(r.error);
});
const done = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onerror = () => reject(tx.error);
  tx.onabort = () => reject(tx.error || new DOMException('transaction aborted', 'AbortError'));
});

function upgrade(db) {
  if (!db.objectStoreNames.contains('queue')) {
    const q = db.createObjectStore('queue', { keyPath: 'id' });
    q.createIndex('heldAt', 'heldAt');
  }
  if (!db.objectStoreNames.contains('userActions')) db.createObjectStore('userActions', { keyPath: 'user' });
  if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings', { keyPath: 'key' });
  if (!db.objectStoreNames.contains('audit')) {
    const a = db.createObjectStore('audit', { keyPath: 'seq', autoIncrement: true });
    a.createIndex('at', 'at');
  }
}

/** Opens (creating or upgrading) the database; resolves to the store API below. */
export async function openModStore({ name = DB_NAME } = {}) {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  const open = indexedDB.open(name, DB_VERSION);
  open.onupgradeneeded = () => upgrade(open.result);
  const db = await new Promise((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new Error('IndexedDB upgrade blocked by another tab'));
  });
  // Another tab upgrading the schema later: step aside instead of blocking it.
  db.onversionchange = () => db.close();

  const tx = (stores, mode = 'readonly') => db.transaction(stores, mode);

  return {
    db,
    close() { db.close(); },

    /** Adds a held comment unless one with its id is already there. -> {added, entry} */
    async addHeld(entry) {
      const t = tx(['queue'], 'readwrite');
      const q = t.objectStore('queue');
      const existing = await req(q.get(entry.id));
      let added = false;
      if (!existing) { q.add({ status: 'held', ...entry }); added = true; }
      await done(t);
      return { added, entry: existing || { status: 'held', ...entry } };
    },

    /** Many entries in one transaction (imports, tests, seeding): existing ids are kept. */
    async addHeldMany(entries) {
      const t = tx(['queue'], 'readwrite');
      const q = t.objectStore('queue');
      for (const e of entries) q.put({ status: 'held', ...e });
      await done(t);
    },

    /** The whole queue, newest first, from one transaction (one getAll on the index). */
    async loadQueue() {
      const t = tx(['queue']);
      const all = await req(t.objectStore('queue').index('heldAt').getAll());
      all.reverse();
      return all;
    },

    async getEntry(id) {
      return req(tx(['queue']).objectStore('queue').get(id));
    },

    /**
     * Decides a held comment: check-and-set in one readwrite transaction (queue + audit).
     * -> { ok: true, entry } or { ok: false, entry } when another decision came first
     * (entry: what is stored, with decidedBy/decidedAt), or { ok: false, entry: null } when
     * the comment is unknown.
     */
    async decide(id, decision, { who, why = '', at = Date.now() } = {}) {
      if (decision !== 'approve' && decision !== 'deny') throw new Error(`unknown decision ${decision}`);
      const t = tx(['queue', 'audit'], 'readwrite');
      const q = t.objectStore('queue');
      const entry = await req(q.get(id));
      let result;
      if (!entry) result = { ok: false, entry: null };
      else if (entry.status !== 'held') result = { ok: false, entry };
      else {
        const next = { ...entry, status: decision === 'approve' ? 'approved' : 'denied', decidedBy: who, decidedAt: at, why };
        q.put(next);
        t.objectStore('audit').add({ at, who, what: decision, target: id, user: entry.comment?.user ?? '', text: entry.comment?.text ?? '', why, detail: (entry.verdict?.categories || []).join(' ') });
        result = { ok: true, entry: next };
      }
      await done(t);
      return result;
    },

    /** Bulk decisions: the same check-and-set for many ids in one transaction. -> results in order */
    async decideMany(ids, decision, { who, why = '', at = Date.now() } = {}) {
      if (decision !== 'approve' && decision !== 'deny') throw new Error(`unknown decision ${decision}`);
      const t = tx(['queue', 'audit'], 'readwrite');
      const q = t.objectStore('queue');
      const audit = t.objectStore('audit');
      const entries = await Promise.all(ids.map((id) => req(q.get(id))));
      const results = entries.map((entry) => {
        if (!entry) return { ok: false, entry: null };
        if (entry.status !== 'held') return { ok: false, entry };
        const next = { ...entry, status: decision === 'approve' ? 'approved' : 'denied', decidedBy: who, decidedAt: at, why };
        q.put(next);
        audit.add({ at, who, what: decision, target: entry.id, user: entry.comment?.user ?? '', text: entry.comment?.text ?? '', why, detail: (entry.verdict?.categories || []).join(' ') });
        return { ok: true, entry: next };
      });
      await done(t);
      return results;
    },

    async getSettings() {
      return (await req(tx(['settings']).objectStore('settings').get('current'))) || null;
    },

    /** Replaces the settings (rev + 1) and logs it, in one transaction. -> saved settings */
    async saveSettings(settings, { who, what = 'settings', why = '', detail = '', at = Date.now() } = {}) {
      const t = tx(['settings', 'audit'], 'readwrite');
      const s = t.objectStore('settings');
      const prev = await req(s.get('current'));
      const saved = { key: 'current', level: settings.level, levels: { ...settings.levels }, terms: settings.terms.map((x) => ({ ...x })), rev: (prev?.rev || 0) + 1, savedAt: at };
      s.put(saved);
      t.objectStore('audit').add({ at, who, what, target: 'settings', user: '', text: '', why, detail });
      await done(t);
      return saved;
    },

    async getUserActions() {
      return req(tx(['userActions']).objectStore('userActions').getAll());
    },

    /** Records a user action (ban / timeout / lift) and logs it, in one transaction. */
    async saveUserAction(action, { why = '' } = {}) {
      const t = tx(['userActions', 'audit'], 'readwrite');
      t.objectStore('userActions').put(action);
      const detail = action.until == null ? '' : new Date(action.until).toISOString();
      t.objectStore('audit').add({ at: action.at, who: action.by, what: action.action, target: action.user, user: action.user, text: '', why, detail });
      await done(t);
      return action;
    },

    async addAudit(entry) {
      const t = tx(['audit'], 'readwrite');
      t.objectStore('audit').add(entry);
      await done(t);
    },

    /** Audit entries, oldest first (all of them, or the newest `limit` when given). */
    async listAudit({ limit = 0 } = {}) {
      const store = tx(['audit']).objectStore('audit');
      if (!limit) return req(store.getAll());
      const out = [];
      await new Promise((resolve, reject) => {
        const c = store.openCursor(null, 'prev');
        c.onsuccess = () => {
          const cur = c.result;
          if (!cur || out.length >= limit) { resolve(); return; }
          out.push(cur.value);
          cur.continue();
        };
        c.onerror = () => reject(c.error);
      });
      return out.reverse();
    },
  };
}
