// The chat list: a role="log" that stays smooth at 1,000 comments a second.
// Comments arriving within one frame are added in one batch; only the newest rows are
// in the DOM (older ones stay in memory and come back when the shopper scrolls up);
// while the shopper reads older messages, new ones wait behind a "new messages" pill.
//
//   const chat = createChatList(ul, pillButton, { onPillText: (n) => `${n} new` });
//   chat.add({ id, user, text, kind: 'masked' | 'own' | undefined });
const MAX_MEMORY = 5000;   // comments kept for scrolling back
const WINDOW = 80;         // rows in the DOM while following the newest
const PAGE = 40;           // rows added when scrolling back to older ones
const NEAR_BOTTOM_PX = 40;

export function createChatList(list, pill, { onPillText = (n) => String(n) } = {}) {
  const messages = [];     // newest last; capped at MAX_MEMORY
  let first = 0;           // index (in `messages`) of the first row in the DOM
  let dropped = 0;         // messages dropped from memory (keeps indices stable)
  let pending = [];        // arrived since the last frame
  let unseen = 0;          // arrived while the shopper was scrolled up
  let following = true;
  let frame = 0;

  function row(m) {
    const li = document.createElement('li');
    if (m.removed) li.hidden = true;
    li.dataset.id = m.id;
    if (m.kind) li.classList.add(m.kind);
    const user = document.createElement('span');
    user.className = 'user';
    user.textContent = m.user;
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = m.text;
    li.append(user, text);
    return li;
  }

  function atBottom() {
    return list.scrollHeight - list.scrollTop - list.clientHeight < NEAR_BOTTOM_PX;
  }

  function renderNewest() {
    first = Math.max(dropped, dropped + messages.length - WINDOW);
    const frag = document.createDocumentFragment();
    for (let i = first - dropped; i < messages.length; i++) frag.append(row(messages[i]));
    list.replaceChildren(frag);
    list.scrollTop = list.scrollHeight;
  }

  function updatePill() {
    pill.hidden = unseen === 0;
    if (unseen) pill.textContent = onPillText(unseen);
  }

  function flush() {
    frame = 0;
    const batch = pending;
    pending = [];
    for (const m of batch) messages.push(m);
    if (messages.length > MAX_MEMORY) {
      const extra = messages.length - MAX_MEMORY;
      messages.splice(0, extra);
      dropped += extra;
    }
    if (following) {
      const frag = document.createDocumentFragment();
      for (const m of batch) frag.append(row(m));
      list.append(frag);
      // Keep the DOM to the newest WINDOW rows.
      let excess = list.childElementCount - WINDOW;
      while (excess-- > 0) list.firstElementChild.remove();
      first = Math.max(first, dropped + messages.length - list.childElementCount);
      list.scrollTop = list.scrollHeight;
    } else {
      unseen += batch.length;
      updatePill();
    }
  }

  list.addEventListener('scroll', () => {
    const bottom = atBottom();
    if (bottom && !following) {
      following = true;
      unseen = 0;
      updatePill();
      renderNewest();
    } else if (!bottom && following) {
      following = false;
    }
    // Scrolled to the top of what is rendered: bring back an older page.
    if (!following && list.scrollTop < 20 && first > dropped) {
      const from = Math.max(dropped, first - PAGE);
      const frag = document.createDocumentFragment();
      for (let i = from - dropped; i < first - dropped; i++) frag.append(row(messages[i]));
      const before = list.scrollHeight;
      list.prepend(frag);
      list.scrollTop += list.scrollHeight - before;
      first = from;
    }
  }, { passive: true });

  pill.addEventListener('click', () => {
    following = true;
    unseen = 0;
    updatePill();
    renderNewest();
    list.focus?.();
  });

  return {
    add(message) {
      pending.push(message);
      if (!frame) frame = requestAnimationFrame(flush);
    },
    /** Replaces everything (seeking a recorded show). */
    reset(messagesNow = []) {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      pending = [];
      messages.length = 0;
      dropped = 0;
      messages.push(...messagesNow.slice(-MAX_MEMORY));
      following = true;
      unseen = 0;
      updatePill();
      renderNewest();
    },
    /** Removes a message (e.g. a moderator denied it after all). */
    remove(id) {
      // Marked rather than spliced out, so row indices stay stable.
      const m = messages.find((x) => x.id === id);
      if (m) m.removed = true;
      list.querySelector(`li[data-id="${CSS.escape(id)}"]`)?.remove();
    },
    get size() {
      return messages.length;
    },
  };
}
