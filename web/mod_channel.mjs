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
