import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCart, MAX_QUANTITY } from '../../web/cart.mjs';

function memoryStorage() {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), raw: m };
}

test('totals add exactly, even for prices with cents', () => {
  const cart = createCart();
  cart.add('a', 0.1, 3);
  cart.add('b', 0.2, 1);
  assert.deepEqual(cart.total(), { amount: 0.5, count: 4 });
  cart.add('kaos', 149000, 2);
  assert.equal(cart.total().amount, 298000.5);
  assert.deepEqual(cart.lines().map((l) => [l.id, l.qty, l.subtotal]), [['a', 3, 0.3], ['b', 1, 0.2], ['kaos', 2, 298000]]);
});

test('quantities are clamped to stock and to the maximum; zero removes', () => {
  const cart = createCart();
  assert.equal(cart.add('x', 10, 5, 3), 3);
  assert.equal(cart.add('x', 10, 1, 3), 3);
  assert.equal(cart.add('y', 1, 500), MAX_QUANTITY);
  assert.equal(cart.set('x', 0), 0);
  assert.equal(cart.quantity('x'), 0);
  assert.equal(cart.add('y', 1, -1000), 0);
  assert.deepEqual(cart.total(), { amount: 0, count: 0 });
});

test('the cart survives a reload through storage, and corrupt storage starts empty', () => {
  const storage = memoryStorage();
  const a = createCart({ storage, key: 'k' });
  a.add('kaos', 149000, 2);
  const b = createCart({ storage, key: 'k' });
  assert.deepEqual(b.lines(), [{ id: 'kaos', qty: 2, unitPrice: 149000, subtotal: 298000 }]);
  storage.setItem('k', '{not json');
  assert.deepEqual(createCart({ storage, key: 'k' }).lines(), []);
  storage.setItem('k', JSON.stringify({ version: 1, lines: { evil: { qty: 'lots', unitPrice: -1 }, ok: { qty: 2.7, unitPrice: 5 } } }));
  assert.deepEqual(createCart({ storage, key: 'k' }).lines(), [{ id: 'ok', qty: 2, unitPrice: 5, subtotal: 10 }]);
});

test('listeners hear every change', () => {
  const cart = createCart();
  let n = 0;
  const off = cart.onChange(() => n++);
  cart.add('a', 1);
  cart.set('a', 4);
  cart.remove('a');
  off();
  cart.clear();
  assert.equal(n, 3);
});
