// The viewer's side of moderation: what a shopper's page does so moderators can act on its
// chat from the console (web/console.html). One call wires it:
//
//   import { connectViewer } from './mod_viewer_link.mjs';
//   const link = connectViewer({ moderator, onApprove: (c) => addComment(c.user, c.text) });
//   // for each comment the viewer's moderator sees:
//   if (link.isMuted(user)) return;                  // banned / timed out: drop it
//   const verdict = moderator.moderate(comment);
//   if (verdict.action === 'hold') link.held(comment, verdict);
//
// What it does:
//   - at start: applies the settings and user actions stored in IndexedDB (web/mod_store.mjs),
//     so a viewer opened while no console is open still follows them; then says 'hello' on the
//     channel and applies the 'state' a console answers with (newest settings revision wins);
//   - 'settings': sets the policy and the moderator terms on `moderator` at once (expired terms
//     are left out; a term that expires later is removed by a timer when it does);
//   - 'user-action': ban / timeout / lift; isMuted(user) says whether to drop a comment;
//   - 'decision' approve: calls onApprove(comment) once per comment (in every open viewer);
//   - held(comment, verdict): stores the comment in the queue (so a console opened later sees
//     it) and posts 'held', once per comment id (comment.id, or a page-unique one when it has
//     none). Returns the queue id; comment.lang is guessed when the viewer does not know it.
//   - term expiry is by the wall clock: settings carry expiresAt in epoch ms, and this module
//     removes a term from the moderator when it expires (the engine's ts-based expiry is unused).
import { openModerationChannel } from './mod_channel.mjs';
import { openModStore } from './mod_store.mjs';
import { actionMutes, activeTerms, guessLang, shortId } from './console_logic.mjs';

/**
 * @param {{moderator: object, onApprove?: (comment: object) => void,
 *          onSettingsApplied?: (settings: object) => void, storeName?: string}} options
 */
export function connectViewer({ moderator, onApprove = () => {}, onSettingsApplied = () => {}, storeName } = {}) {
  const page = shortId(8);
  const mutes = new Map(); // user -> {action, until}
  const shown = new Set(); // approved comment ids already handed to onApprove
  const posted = new Set(); // ids this page has already sent to the queue
  let current = { rev: -1, savedAt: -1 };
  let expiryTimer = 0;
  let seq = 0;
  let closed = false;

  const storeP = openModStore(storeName ? { name: storeName } : undefined).catch((e) => {
    console.warn('moderation store unavailable:', e?.message ?? e);
    return null;
  });

  function newer(s) {
    if (!s) return false;
    const rev = s.rev ?? 0, at = s.savedAt ?? 0;
    return at > current.savedAt || (at === current.savedAt && rev > current.rev);
  }

  function applySettings(s, { force = false } = {}) {
    if (!s || closed || (!force && !newer(s))) return;
    current = s;
    try {
      moderator.setPolicy({ level: s.level, levels: { ...(s.levels || {}) } });
    } catch (e) {
      console.warn('setPolicy failed:', e?.message ?? e);
    }
    // Every term in one batch: the core builds their automaton once, however many there are.
    const now = Date.now();
    let next = Infinity;
    const active = activeTerms(s.terms, now);
    for (const t of active) if (t.expiresAt != null) next = Math.min(next, t.expiresAt);
    try {
      moderator.setTerms(active.map((t) => ({ pattern: t.pattern, permit: t.mode === 'permit' })));
    } catch (e) {
      // A term the core refuses (saved by an older console) is left out; the rest apply.
      console.warn('setTerms:', e?.message ?? e);
      moderator.setTerms(active.filter((t) => {
        try { moderator.setTerms([{ pattern: t.pattern }]); return true; } catch { return false; }
      }).map((t) => ({ pattern: t.pattern, permit: t.mode === 'permit' })));
    }
    clearTimeout(expiryTimer);
    // Expiry is by the wall clock (settings carry epoch ms): re-apply when the first one ends.
    if (next !== Infinity) expiryTimer = setTimeout(() => applySettings(current, { force: true }), Math.min(2 ** 31 - 1, next - now + 5));
    onSettingsApplied(s);
  }

  function applyUserAction(a) {
    if (!a || typeof a.user !== 'string') return;
    if (a.action === 'lift') mutes.delete(a.user);
    else if (a.action === 'ban' || a.action === 'timeout') mutes.set(a.user, { action: a.action, until: a.until ?? null, at: a.at ?? 0 });
  }

  function approve(comment) {
    if (!comment || typeof comment.id !== 'string' || shown.has(comment.id)) return;
    shown.add(comment.id);
    onApprove(comment);
  }

  const channel = openModerationChannel((m) => {
    if (closed) return;
    if (m.type === 'settings') applySettings(m.settings);
    else if (m.type === 'state') {
      applySettings(m.settings);
      for (const a of m.userActions || []) {
        const had = mutes.get(a.user);
        if (!had || (a.at ?? 0) >= had.at) applyUserAction(a);
      }
    } else if (m.type === 'user-action') applyUserAction(m);
    else if (m.type === 'decision' && m.decision === 'approve') approve(m.comment);
  });

  const ready = (async () => {
    const store = await storeP;
    if (store && !closed) {
      try {
        const [settings, actions] = await Promise.all([store.getSettings(), store.getUserActions()]);
        applySettings(settings);
        for (const a of actions) {
          const had = mutes.get(a.user);
          if (!had || (a.at ?? 0) >= had.at) applyUserAction(a);
        }
      } catch (e) {
        console.warn('moderation state could not be read:', e?.message ?? e);
      }
    }
    if (!closed) channel.post({ type: 'hello' });
  })();

  return {
    /** Resolves once the stored settings are applied and 'hello' is sent. */
    ready,
    /** Hands a held comment to the moderators. Returns its queue id. */
    held(comment, verdict) {
      // The comment's own id when it has one (a recorded or feed comment held again after a
      // seek, or in two viewer tabs, is the same queue entry); otherwise one unique to this page.
      const own = typeof comment.id === 'string' && comment.id ? comment.id.slice(0, 200) : '';
      const id = own || `${page}-${++seq}`;
      if (posted.has(id)) return id;
      posted.add(id);
      const lang = comment.lang || guessLang(comment.text);
      const c = { id, user: String(comment.user ?? ''), text: String(comment.text ?? ''), ts: comment.ts ?? -1, lang, langGuessed: !comment.lang };
      const v = { ...verdict, id };
      const heldAt = Date.now();
      storeP
        .then((store) => store?.addHeld({ id, comment: c, verdict: v, heldAt, status: 'held' }))
        .catch((e) => console.warn('held comment not stored:', e?.message ?? e))
        .finally(() => { if (!closed) channel.post({ type: 'held', comment: c, verdict: v, at: heldAt }); });
      return id;
    },
    /** Whether a moderator approved the comment with this id while this page was open. */
    isApproved(id) {
      return shown.has(String(id));
    },
    /** Whether `user` is banned or timed out at `nowMs`. */
    isMuted(user, nowMs = Date.now()) {
      return actionMutes(mutes.get(String(user)), nowMs);
    },
    /** The settings in force (as last applied). */
    settings: () => current,
    close() {
      closed = true;
      clearTimeout(expiryTimer);
      channel.close();
      storeP.then((s) => s?.close());
    },
  };
}
