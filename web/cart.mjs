// The shopper's cart: quantities and prices per product, totals in minor units (no float
// drift), persisted in localStorage per show so a reload keeps it.
//
//   const cart = createCart({ storage: localStorage, key: 'etalase.cart.v1:demo' });
//   cart.add('kaos-polos', 149000, 2);
//   cart.total()  // {amount: 298000, count: 2}
export const MAX_QUANTITY = 99;

export function createCart({ storage = null, key = 'etalase.cart.v1' } = {}) {
  /** @type {Map<string, {qty: number, unitPrice: number}>} */
  const lines = new Map();
  const listeners = new Set();

  // A corrupt or foreign value in storage starts an empty cart rather than breaking the page.
  try {
    const saved = storage ? JSON.parse(storage.getItem(key) ?? 'null') : null;
    if (saved?.version === 1 && saved.lines && typeof saved.lines === 'object') {
      for (const [id, l] of Object.entries(saved.lines)) {
        const qty = Math.trunc(Number(l?.qty));
        const unitPrice = Number(l?.unitPrice);
        if (qty >= 1 && Number.isFinite(unitPrice) && unitPrice >= 0) lines.set(id, { qty: Math.min(qty, MAX_QUANTITY), unitPrice });
      }
    }
  } catch {
    /* ignore: see above */
  }

  function save() {
    if (storage) {
      try {
        storage.setItem(key, JSON.stringify({ version: 1, lines: Object.fromEntries(lines) }));
      } catch {
        /* storage full or blocked: the cart still works for this visit */
      }
    }
    for (const fn of listeners) fn();
  }

  const cart = {
    /** Adds quantity (clamped to 1..MAX_QUANTITY and to stock when known). Returns the new quantity. */
    add(id, unitPrice, quantity = 1, stock = Infinity) {
      const cur = lines.get(id)?.qty ?? 0;
      const qty = Math.max(0, Math.min(cur + Math.trunc(quantity), MAX_QUANTITY, stock));
      if (qty <= 0) lines.delete(id);
      else lines.set(id, { qty, unitPrice });
      save();
      return qty;
    },
    set(id, quantity, stock = Infinity) {
      const line = lines.get(id);
      if (!line) return 0;
      const qty = Math.max(0, Math.min(Math.trunc(quantity), MAX_QUANTITY, stock));
      if (qty === 0) lines.delete(id);
      else line.qty = qty;
      save();
      return qty;
    },
    remove(id) {
      lines.delete(id);
      save();
    },
    clear() {
      lines.clear();
      save();
    },
    quantity: (id) => lines.get(id)?.qty ?? 0,
    /** [{id, qty, unitPrice, subtotal}] in insertion order. */
    lines() {
      return [...lines].map(([id, l]) => ({ id, qty: l.qty, unitPrice: l.unitPrice, subtotal: toMajor(toMinor(l.unitPrice) * l.qty) }));
    },
    total() {
      let minor = 0, count = 0;
      for (const l of lines.values()) {
        minor += toMinor(l.unitPrice) * l.qty;
        count += l.qty;
      }
      return { amount: toMajor(minor), count };
    },
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  return cart;
}

// Hundredths: enough for every currency a shop prices in; integers add exactly.
const toMinor = (x) => Math.round(x * 100);
const toMajor = (m) => m / 100;
