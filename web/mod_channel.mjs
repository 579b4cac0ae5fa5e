// The moderation channel between viewer tabs and moderator-console tabs of one origin
// (a BroadcastChannel: same browser, no server). Messages are plain objects:
//
//   viewer  -> console  {type: 'held', comment: {id, user, text, ts, lang}, verdict, at}
//   viewer  -> console  {type: 'hello', at}                       (a viewer opened)
//   console -> viewers  {type: 'decision', id, decision: 'approve'|'deny', comment, by, at}
//   console -> viewers  {type: 'user-action', user, action: 'ban'|'timeout'|'lift', until, by, at}
//   console -> viewers  {type: 'settings', settings: {level, levels, terms: [{pattern, mode, expiresAt}]}, at}
//   console -> viewers  {type: 'state', settings, userActions: [...], at}   (answer to hello)
//
// `at` and `until` are epoch milliseconds; `ts` is the comment's time in the show (seconds).
//
// Details (web/mod_viewer_link.mjs is the viewer side, web/console.mjs the console side):
//   - comment.id is the queue key: the comment's own id, or one the viewer page made unique;
//     comment.langGuessed = true when `lang` is a guess (console_logic.mjs guessLang).
//   - settings also carry {rev, savedAt} (set by mod_store.mjs when saved); a tab applies
//     settings only when they are newer than what it has. Term expiresAt: epoch ms or null.
//   - 'user-action' until: epoch ms, or null for a ban without end; 'lift' ends either.
//   - 'state' is also posted unasked by a console when it opens; its userActions are the
//     stored records {user, action, until, by, at, why}.
//   - console tabs hear each other too: 'decision' (another moderator decided: update the
//     queue), 'user-action', 'settings' and 'state' keep every console tab current. The first
//     decision wins through an IndexedDB check-and-set (mod_store.mjs decide), not the channel.
//   - viewers store held comments in IndexedDB before posting 'held', so a console opened
//     later still sees them.
export const CHANNEL_NAME = 'etalase-moderation-v1';

const TYPES = new Set(['held', 'hello', 'decision', 'user-action', 'settings', 'state']);

/** Opens the channel; `onMessage` gets only well-formed messages of known types. */
export function openModerationChannel(onMessage) {
  const ch = new BroadcastChannel(CHANNEL_NAME);
  ch.onmessage = (e) => {
    const m = e.data;
    if (m && typeof m === 'object' && TYPES.has(m.type)) onMessage(m);
  };
  return {
    post(message) {
      ch.postMessage({ at: Date.now(), ...message });
    },
    close() {
      ch.close();
    },
  };
}
