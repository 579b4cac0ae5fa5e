// A virtualized list for the console's queue: fixed-height rows, only the rows in view (plus
// a few above and below) exist in the DOM, recycled as the list scrolls. Every call here
// costs O(rows in view), whatever the length of the list, except setItems(), which may look
// up one item to keep the view anchored.
//
// A row element stays bound to its item (by keyOf) while it is in view: when a comment
// arrives above, the rows move down with their items instead of swapping their contents,
// so a click or tap never lands on a comment that replaced the one under the pointer.
// When the list is scrolled down, or the pointer is over it, the first item in view keeps its
// place on screen.
//
//   const list = createVirtualList({ container, spacer, rowHeight: 68, keyOf, fill(el, item, index) {} });
//   list.setItems(array);   // the array is read, not copied: call refresh() after editing it
//   list.scrollToIndex(i);  list.refresh();  list.rowFor(i)
export function createVirtualList({ container, spacer, rowHeight, overscan = 4, fill, createRow, keyOf = (item) => item }) {
  let items = [];
  const live = new Map(); // key of item -> element in the DOM
  const spare = [];
  let frame = 0;
  let anchorKey; // the item at the top of the view at the last render, and its index
  let anchorAt = -1;

  function render() {
    frame = 0;
    const n = items.length;
    spacer.style.height = `${n * rowHeight}px`;
    const top = container.scrollTop;
    const height = container.clientHeight || rowHeight * 10;
    const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
    const last = Math.min(n, Math.ceil((top + height) / rowHeight) + overscan);
    anchorAt = n ? Math.min(n - 1, Math.floor(top / rowHeight)) : -1;
    anchorKey = anchorAt >= 0 ? keyOf(items[anchorAt]) : undefined;
    const wanted = new Set();
    for (let i = first; i < last; i++) wanted.add(keyOf(items[i]));
    for (const [key, el] of live) {
      if (!wanted.has(key)) {
        el.remove();
        live.delete(key);
        spare.push(el);
      }
    }
    for (let i = first; i < last; i++) {
      const key = keyOf(items[i]);
      let el = live.get(key);
      const fresh = !el;
      if (fresh) {
        el = spare.pop() || createRow();
        el.dataset.key = ''; // a recycled row showed another item: let fill() rebuild it
      }
      el.style.transform = `translateY(${i * rowHeight}px)`;
      fill(el, items[i], i, fresh);
      if (fresh) {
        container.append(el);
        live.set(key, el);
      }
    }
  }

  container.addEventListener('scroll', () => {
    frame ||= requestAnimationFrame(render);
  }, { passive: true });

  // While the pointer is over the list, rows must not slide away from under it: a
  // moderator aiming at a comment would otherwise click the one that just arrived above.
  let pointerInside = false;
  container.addEventListener('pointerenter', () => { pointerInside = true; });
  container.addEventListener('pointerleave', () => { pointerInside = false; });

  return {
    setItems(array) {
      // Scroll anchoring: once scrolled down, or while the pointer is over the list, the item
      // at the top of the view stays there when rows come or go above it (the array may
      // have been edited in place since the last render).
      const top = container.scrollTop;
      let moved = -1;
      if ((top > 0 || pointerInside) && anchorAt >= 0) {
        moved = anchorAt < array.length && keyOf(array[anchorAt]) === anchorKey ? anchorAt : array.findIndex((it) => keyOf(it) === anchorKey);
      }
      items = array;
      if (moved >= 0 && moved !== anchorAt) {
        // The spacer grows first, or the new scroll position would be clamped to the old height.
        spacer.style.height = `${items.length * rowHeight}px`;
        container.scrollTop = top + (moved - anchorAt) * rowHeight;
      }
      // The items' contents may have changed too (a decision, a locale): let fill() rebuild the rows.
      for (const el of live.values()) el.dataset.key = '';
      render();
    },
    refresh: render,
    get length() { return items.length; },
    rowFor(i) { return i >= 0 && i < items.length ? live.get(keyOf(items[i])) || null : null; },
    /** Scrolls just enough for row i to be fully in view, then renders. */
    scrollToIndex(i) {
      const h = container.clientHeight;
      const y = i * rowHeight;
      if (y < container.scrollTop) container.scrollTop = y;
      else if (y + rowHeight > container.scrollTop + h) container.scrollTop = y + rowHeight - h;
      render();
    },
    visibleCount() {
      return Math.max(1, Math.floor((container.clientHeight || rowHeight) / rowHeight));
    },
    renderedCount() { return live.size; },
  };
}
