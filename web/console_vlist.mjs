// A virtualized list for the console's queue: fixed-height rows, only the rows in view (plus
// a few above and below) exist in the DOM, recycled as the list scrolls. Every call here
// costs O(rows in view), whatever the length of the list.
//
//   const list = createVirtualList({ container, spacer, rowHeight: 68, fill(el, item, index) {} });
//   list.setItems(array);   // the array is read, not copied: call refresh() after editing it
//   list.scrollToIndex(i);  list.refresh();  list.rowFor(i)
export function createVirtualList({ container, spacer, rowHeight, overscan = 4, fill, createRow }) {
  let items = [];
  const live = new Map(); // index -> element in the DOM
  const spare = [];
  let frame = 0;

  function makeRow() {
    return spare.pop() || createRow();
  }

  function render() {
    frame = 0;
    const n = items.length;
    spacer.style.height = `${n * rowHeight}px`;
    const top = container.scrollTop;
    const height = container.clientHeight || rowHeight * 10;
    const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
    const last = Math.min(n, Math.ceil((top + height) / rowHeight) + overscan);
    for (const [i, el] of live) {
      if (i < first || i >= last) {
        el.remove();
        live.delete(i);
        spare.push(el);
      }
    }
    for (let i = first; i < last; i++) {
      let el = live.get(i);
      const fresh = !el;
      if (fresh) el = makeRow();
      el.style.transform = `translateY(${i * rowHeight}px)`;
      fill(el, items[i], i, fresh);
      if (fresh) {
        container.append(el);
        live.set(i, el);
      }
    }
  }

  container.addEventListener('scroll', () => {
    frame ||= requestAnimationFrame(render);
  }, { passive: true });

  return {
    setItems(array) {
      items = array;
      // Rows show other items now: let fill() rebuild them.
      for (const el of live.values()) el.dataset.key = '';
      render();
    },
    refresh: render,
    get length() { return items.length; },
    rowFor(i) { return live.get(i) || null; },
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
