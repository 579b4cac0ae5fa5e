// The shopper's page: a show (video + timeline) with overlays drawn by the wasm core, a
// moderated chat, the product shelf and a cart. Every piece of show or user text reaches the
// DOM through textContent, never as markup.
import { createOverlay } from './overlay.mjs';
import { createTranslator, startupErrorText, pickLocale, LOCALES } from './i18n.mjs';
import { parseShow, stateAt, commentsBetween, likesBetween, commentIndexAfter, pickText } from './show.mjs';
// The rest (moderation, cart, chat, feed, and the moderator console link, which sends held
// comments to the console and applies its approvals, bans and settings here) comes by
// import() in main(): the first frame waits on the smaller graph above.

const $ = (sel) => document.querySelector(sel);
const params = new URLSearchParams(location.search);
const SEEK_JUMP = 1.5;        // seconds: a bigger jump in show time is a seek, not playback
const RESYNC_COMMENTS = 60;   // recorded comments shown after a seek

const app = {
  t: null, overlay: null, moderator: null, show: null, cart: null, chat: null, link: null,
  showUrl: null, lastT: -1, clockStart: 0, overlayKey: '', pinKey: '', cardText: null, verdicts: new Map(),
  seq: 0, sheetProduct: null, wasMoving: false, me: shopperHandle(),
};

// Each browser is one shopper under a handle made once and kept: a moderator's ban or
// timeout then reaches this shopper, not every viewer (tabs of one browser share it).
function shopperHandle() {
  const key = 'etalase.shopper';
  let handle = '';
  try { handle = localStorage.getItem(key) ?? ''; } catch { /* storage off: a handle for this page */ }
  if (!/^viewer-[a-z0-9]{6}$/.test(handle)) {
    const n = crypto.getRandomValues(new Uint32Array(2));
    handle = `viewer-${(n[0].toString(36) + n[1].toString(36)).padStart(6, '0').slice(-6)}`;
    try { localStorage.setItem(key, handle); } catch { /* ignore */ }
  }
  return handle;
}

// ?stats=1 keeps overlay draw times for the benchmark (bounded); the first overlay frame is
// always marked in the performance timeline as 'etalase:first-overlay'.
const stats = params.has('stats') ? { draws: [] } : null;
if (stats) window.etalaseStats = stats;

function drawOverlay(now = performance.now() / 1000) {
  const t0 = performance.now();
  app.overlay.draw(now);
  if (!app.drawn) {
    app.drawn = true;
    performance.mark('etalase:first-overlay');
  }
  if (stats && stats.draws.length < 100000) stats.draws.push(performance.now() - t0);
}

// ---- strings -------------------------------------------------------------------------------
function applyStrings() {
  const { t } = app;
  document.documentElement.lang = t.locale;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t.format(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t.format(el.dataset.i18nPlaceholder);
  for (const el of document.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t.format(el.dataset.i18nAria));
  $('select[name="locale"]').value = t.locale;
  if (app.show) {
    const title = pickText(app.show.title, t.locale);
    if (title) $('#show-title').textContent = title;
    document.title = title || t.format('app.title');
  }
}

function showError(message) {
  const status = $('#status');
  status.textContent = message;
  status.classList.add('error');
  document.body.dataset.ready = 'error';
}

// ---- the show clock --------------------------------------------------------------------------
function showTime() {
  const video = $('#video');
  if (video.src && !app.show.live) return video.currentTime;
  return performance.now() / 1000 - app.clockStart;
}

function productName(p) {
  return pickText(p.name, app.t.locale);
}

// ---- overlays ------------------------------------------------------------------------------
// Recomputes what the overlay shows at show time t; redraws only when that changed.
function updateOverlay(t, force = false) {
  const s = stateAt(app.show, t);
  const { t: tr } = app;
  const pinned = s.pinned ? app.show.productById.get(s.pinned) : null;
  const flash = s.flash && app.show.productById.get(s.flash.product);
  const countdown = s.flash ? Math.ceil(s.flash.secondsLeft) : 0;
  const key = JSON.stringify([tr.locale, s.pinned, s.flash?.product, s.flash?.soldNow, countdown, s.voucher?.id, s.viewers]);
  if (!force && key === app.overlayKey) return false;
  app.overlayKey = key;
  // The card's price depends on the flash sale too: re-pin when either changes.
  const pinKey = `${tr.locale}|${s.pinned}|${s.flash?.product}`;
  const pinChanged = force || pinKey !== app.pinKey;
  app.pinKey = pinKey;

  $('#viewers').textContent = s.viewers ? tr.format('stage.viewers', { n: s.viewers }) : '';
  if (s.voucher) {
    app.overlay.setVoucher({
      title: tr.format('voucher.title', { amount: tr.money(s.voucher.amount, s.voucher.currency) }),
      detail: tr.format('voucher.detail', { min: tr.money(s.voucher.minSpend, s.voucher.currency), code: s.voucher.code }),
    });
  } else app.overlay.setVoucher(null);

  if (s.flash && flash) {
    app.overlay.setFlashSale({
      label: tr.format('flash.label'),
      secondsLeft: s.flash.secondsLeft,
      sold: tr.format('flash.sold', { n: s.flash.soldNow }),
      fractionSold: s.flash.soldNow / s.flash.stock,
    });
  } else app.overlay.setFlashSale(null);

  if (pinned) {
    const onFlash = s.flash && s.flash.product === pinned.id;
    const price = onFlash ? s.flash.price : pinned.price;
    const original = onFlash ? (pinned.originalPrice ?? pinned.price) : pinned.originalPrice;
    const left = onFlash ? s.flash.stock - s.flash.soldNow : pinned.stock;
    if (pinChanged) {
      app.cardText = app.overlay.showProduct({ ...pinned, name: productName(pinned), price, originalPrice: original,
        image: pinned.image && new URL(pinned.image, app.showUrl).href }, tr.locale, () => drawOverlay());
      app.cardText.product = pinned;
      announce(tr.format(onFlash ? 'flash.announce' : 'card.announce', { name: app.cardText.name, price: app.cardText.price }));
    }
    app.overlay.setStockText(left === undefined ? '' : left > 0 ? tr.format('card.stock', { n: left }) : tr.format('card.sold-out'));
    placeCardButton();
  } else {
    app.cardText = null;
    app.overlay.clear();
    $('#card-button').hidden = true;
  }
  return true;
}

function announce(text) {
  $('#announcer').textContent = text;
}

// The overlay card is pixels; this transparent button over it is what keyboards, screen
// readers and taps use, with the same name and price.
function placeCardButton() {
  const button = $('#card-button');
  const canvas = $('#overlay');
  const rect = app.overlay.cardRect();
  if (!app.cardText || !rect.width) {
    button.hidden = true;
    return;
  }
  const sx = canvas.clientWidth / canvas.width, sy = canvas.clientHeight / canvas.height;
  Object.assign(button.style, { left: `${rect.x * sx}px`, top: `${rect.y * sy}px`, width: `${rect.width * sx}px`, height: `${rect.height * sy}px` });
  button.textContent = `${app.cardText.name} ${app.cardText.price}`;
  button.setAttribute('aria-label', app.t.format('card.label', { name: app.cardText.name, price: app.cardText.price }));
  button.dataset.price = app.cardText.price;
  button.dataset.product = app.cardText.product.id;
  button.hidden = false;
}

// ---- chat ------------------------------------------------------------------------------------
// Runs a comment through the moderator; returns what the chat should show, or null.
function moderateIncoming(c, ts) {
  if (app.link?.isMuted(c.user, Date.now())) return null;
  let v = app.verdicts.get(c.id);
  if (!v) {
    v = app.moderator.moderate({ id: c.id, user: c.user, text: c.text, ts });
    if (ts < 0) app.verdicts.set(c.id, v); // recorded comments are moderated once, seek or not
  }
  if (v.action === 'allow') return { id: c.id, user: c.user, text: c.text };
  if (v.action === 'mask') return { id: c.id, user: c.user, text: v.masked, kind: 'masked' };
  if (v.action === 'hold') app.link?.held({ id: c.id, user: c.user, text: c.text, ts: c.t ?? ts }, v);
  return null; // held for a moderator or blocked
}

function addIncoming(comments, ts) {
  for (const c of comments) {
    const shown = moderateIncoming(c, ts ?? (Number.isFinite(c.ts) ? c.ts : Date.now() / 1000));
    if (shown) app.chat.add(shown);
  }
}

function resyncChat(t) {
  const end = commentIndexAfter(app.show, t);
  const recent = app.show.comments.slice(Math.max(0, end - RESYNC_COMMENTS), end);
  app.chat.reset(recent.map((c) => moderateIncoming(c, -1)).filter(Boolean));
}

function onSubmit(event) {
  event.preventDefault();
  const input = $('#comment');
  const text = input.value.trim();
  const status = $('#composer-status');
  if (!text) return;
  const { t } = app;
  if (app.link?.isMuted(app.me, Date.now())) {
    status.textContent = t.format('chat.refused', { reason: 'muted' });
    return;
  }
  const id = `me-${Date.now()}-${++app.seq}`;
  const verdict = app.moderator.moderate({ id, user: app.me, text, ts: performance.now() / 1000 });
  if (verdict.action === 'allow' || verdict.action === 'mask') {
    app.chat.add({ id, user: t.format('chat.you'), text: verdict.action === 'mask' ? verdict.masked : text, kind: 'own' });
    status.textContent = verdict.action === 'mask' ? t.format('chat.masked') : '';
    input.value = '';
  } else if (verdict.action === 'hold') {
    app.link?.held({ id, user: app.me, text, ts: showTime() }, verdict);
    status.textContent = t.format('chat.held');
    input.value = '';
  } else {
    // Refused: the shopper keeps the text and learns why, in their language.
    status.textContent = t.format('chat.refused', { reason: verdict.categories[0] ?? 'other' });
  }
}

// ---- player controls (recorded shows) -------------------------------------------------------
function formatClock(sec) {
  const s = Math.max(0, Math.floor(sec));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function setupControls(video) {
  const play = $('#play'), seek = $('#seek'), clock = $('#clock');
  $('#controls').hidden = false;
  const label = () => {
    const paused = video.paused;
    play.firstElementChild.textContent = paused ? '▶' : '❚❚';
    play.dataset.i18nAria = paused ? 'player.play' : 'player.pause';
    play.setAttribute('aria-label', app.t.format(play.dataset.i18nAria));
  };
  play.addEventListener('click', () => (video.paused ? video.play().catch(() => {}) : video.pause()));
  video.addEventListener('play', label);
  video.addEventListener('pause', label);
  video.addEventListener('loadedmetadata', () => { seek.max = String(video.duration || 0); });
  video.addEventListener('timeupdate', () => {
    if (document.activeElement !== seek) seek.value = String(video.currentTime);
    clock.textContent = `${formatClock(video.currentTime)} / ${formatClock(video.duration || 0)}`;
  });
  seek.addEventListener('input', () => { video.currentTime = Number(seek.value); });
  label();
}

// ---- product sheet, shelf and cart -------------------------------------------------------------
// The flash-sale price while its sale runs; `state` saves recomputing it for many products.
function currentPrice(product, state = stateAt(app.show, showTime())) {
  return state.flash && state.flash.product === product.id ? state.flash.price : product.price;
}

function openProduct(product) {
  const { t } = app;
  app.sheetProduct = product;
  const price = currentPrice(product);
  $('#sheet-image').src = product.image ? new URL(product.image, app.showUrl).href : '';
  $('#sheet-image').alt = productName(product);
  $('#sheet-name').textContent = productName(product);
  const lines = t.prices(price, product.originalPrice, product.currency);
  $('#sheet-price').textContent = lines.price;
  $('#sheet-original').textContent = lines.originalPrice;
  $('#sheet-discount').textContent = lines.discount;
  $('#sheet-stock').textContent = product.stock === undefined ? '' : product.stock > 0 ? t.format('card.stock', { n: product.stock }) : t.format('card.sold-out');
  $('#sheet-description').textContent = pickText(product.description, t.locale);
  $('#sheet-qty').value = '1';
  $('#sheet-add').disabled = product.stock === 0;
  $('#product-sheet').showModal();
}

function addToCart(product, quantity) {
  const unitPrice = currentPrice(product);
  const qty = app.cart.add(product.id, unitPrice, quantity, product.stock ?? Infinity);
  window.dispatchEvent(new CustomEvent('etalase:add-to-cart', {
    detail: { productId: product.id, quantity, cartQuantity: qty, unitPrice, currency: product.currency },
  }));
}

function renderShelf() {
  const { t, show, cart } = app;
  const list = $('#shelf-products');
  const now = stateAt(show, showTime());
  list.replaceChildren(...show.products.map((p) => {
    const li = document.createElement('li');
    const img = document.createElement('img');
    img.src = p.image ? new URL(p.image, app.showUrl).href : '';
    img.alt = '';
    img.width = img.height = 48;
    const name = document.createElement('button');
    name.type = 'button';
    name.className = 'name link';
    name.textContent = productName(p);
    name.addEventListener('click', () => { $('#shelf').close(); openProduct(p); });
    const price = document.createElement('span');
    price.textContent = t.money(currentPrice(p, now), p.currency);
    const add = document.createElement('button');
    add.type = 'button';
    add.textContent = '+';
    add.setAttribute('aria-label', t.format('shelf.add', { name: productName(p) }));
    add.disabled = p.stock === 0;
    add.addEventListener('click', () => addToCart(p, 1));
    li.append(img, name, price, add);
    return li;
  }));
  renderCart();
  const count = cart.total().count;
  $('#cart-count').hidden = count === 0;
  $('#cart-count').textContent = t.format('cart.count', { n: count });
}

function renderCart() {
  const { t, show, cart } = app;
  const lines = cart.lines().filter((l) => show.productById.has(l.id));
  $('#cart-empty').hidden = lines.length > 0;
  $('#cart-lines').replaceChildren(...lines.map((l) => {
    const p = show.productById.get(l.id);
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = productName(p);
    const qty = document.createElement('input');
    qty.type = 'number';
    qty.min = '0';
    qty.max = String(Math.min(99, p.stock ?? 99));
    qty.value = String(l.qty);
    qty.setAttribute('aria-label', t.format('cart.quantity-of', { name: productName(p) }));
    qty.addEventListener('change', () => cart.set(l.id, Number(qty.value) || 0, p.stock ?? Infinity));
    const sub = document.createElement('span');
    sub.textContent = t.money(l.subtotal, p.currency);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = t.format('cart.remove');
    remove.addEventListener('click', () => cart.remove(l.id));
    li.append(name, qty, sub, remove);
    return li;
  }));
  $('#cart-total').textContent = t.money(cart.total().amount, show.currency);
  $('#checkout').disabled = lines.length === 0;
}

function checkout() {
  const items = app.cart.lines().map((l) => ({ productId: l.id, quantity: l.qty, unitPrice: l.unitPrice }));
  window.dispatchEvent(new CustomEvent('etalase:checkout', {
    detail: { items, total: app.cart.total().amount, currency: app.show.currency },
  }));
}

// ---- the frame loop --------------------------------------------------------------------------
function frame() {
  const t = showTime();
  const now = performance.now() / 1000;
  let changed = false;
  if (t < app.lastT || t - app.lastT > SEEK_JUMP) {
    resyncChat(t);
    changed = updateOverlay(t, true);
  } else {
    if (t > app.lastT) {
      addIncoming(commentsBetween(app.show, app.lastT, t), -1);
      const likes = likesBetween(app.show, app.lastT, t);
      if (likes) app.overlay.addHearts(likes, now);
    }
    changed = updateOverlay(t);
  }
  app.lastT = t;
  // Draw when something changed or moves, plus one frame after the last heart fades.
  const moving = app.overlay.animating(now);
  if (changed || moving || app.wasMoving) drawOverlay(now);
  app.wasMoving = moving;
  requestAnimationFrame(frame);
}

// ---- start -------------------------------------------------------------------------------------
async function loadShow(textPromise, t) {
  let text;
  try {
    text = await textPromise;
  } catch (e) {
    throw new Error(t.format('app.error.core', { detail: e.message }));
  }
  const parsed = parseShow(text);
  if (parsed.error) {
    const problem = t.format('show.problem', { problem: parsed.error.problem });
    throw new Error(t.format('app.error.show', { path: parsed.error.path, problem }));
  }
  return parsed.show;
}

function chooseLocale() {
  const asked = params.get('lang') ?? localStorage.getItem('etalase.locale');
  return LOCALES.includes(asked) ? asked : pickLocale(navigator.languages, 'id');
}

async function main() {
  // Everything that can load in parallel starts now: the wasm core and ICU data, the fonts,
  // the catalogs and the show file. The first overlay frame waits only for what it needs.
  const canvas = $('#overlay');
  const dpr = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  canvas.width = Math.round(360 * dpr);
  canvas.height = Math.round(640 * dpr);
  app.showUrl = new URL(params.get('show') ?? 'assets/shows/demo.json', location.href);
  const later = Promise.all([import('./moderation.mjs'), import('./cart.mjs'), import('./chat_list.mjs'),
    import('./feed.mjs'), import('./mod_viewer_link.mjs')]);
  later.catch(() => {});
  const overlayPromise = createOverlay(canvas);
  const showText = fetch(app.showUrl).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))));
  overlayPromise.catch(() => {});
  showText.catch(() => {});
  try {
    app.t = await createTranslator(chooseLocale());
  } catch (e) {
    // No core, so no ICU: the catalog's text with the detail put in as is.
    console.error(e);
    showError(await startupErrorText(chooseLocale(), 'app.error.core', String(e?.message ?? e)));
    return;
  }
  applyStrings();
  try {
    // The first overlay frame comes before the moderator is built: shoppers see the product
    // while the lexicons compile.
    const [overlay, show] = await Promise.all([overlayPromise, loadShow(showText, app.t)]);
    Object.assign(app, { overlay, show });
    updateOverlay(0, true);
    drawOverlay();
    const [{ createModerator }, { createCart }, { createChatList }, { openWebSocketFeed }, { connectViewer }] = await later;
    const moderator = await createModerator({ level: 2 });
    app.moderator = moderator;
    const motion = matchMedia('(prefers-reduced-motion: reduce)');
    overlay.setReducedMotion(motion.matches);
    motion.addEventListener('change', () => overlay.setReducedMotion(motion.matches));

    app.cart = createCart({ storage: localStorage, key: `etalase.cart.v1:${app.showUrl.pathname}` });
    app.cart.onChange(renderShelf);
    app.chat = createChatList($('#chat-log'), $('#new-messages'), { onPillText: (n) => app.t.format('chat.new-messages', { n }) });
    applyStrings();
    renderShelf();
    app.link = connectViewer({
      moderator,
      onApprove: (c) => app.chat.add({ id: c.id, user: c.user === app.me ? app.t.format('chat.you') : c.user, text: c.text }),
      // Recorded comments are moderated once and cached; new settings judge them afresh.
      onSettingsApplied: () => app.verdicts.clear(),
    });

    const video = $('#video');
    if (show.video) {
      video.src = new URL(show.video, app.showUrl).href;
      if (!show.live) setupControls(video);
      video.play().catch(() => { /* autoplay refused: the play button is there */ });
    } else video.hidden = true;
    app.clockStart = performance.now() / 1000;

    const feed = params.get('feed');
    if (feed && /^wss?:\/\//.test(feed)) {
      openWebSocketFeed(feed, {
        onComments: (list) => addIncoming(list),
        onStatus: (s) => { $('#composer-status').textContent = s === 'lost' ? app.t.format('chat.feed-lost') : ''; },
      });
    }

    $('#composer').addEventListener('submit', onSubmit);
    $('#card-button').addEventListener('click', () => app.cardText && openProduct(app.cardText.product));
    $('#shelf-button').addEventListener('click', () => { renderShelf(); $('#shelf').showModal(); });
    $('#sheet-add').addEventListener('click', () => {
      const qty = Math.max(1, Math.min(99, Math.trunc(Number($('#sheet-qty').value)) || 1));
      addToCart(app.sheetProduct, qty);
      $('#product-sheet').close();
    });
    $('#checkout').addEventListener('click', checkout);
    $('select[name="locale"]').addEventListener('change', async (e) => {
      app.t = await createTranslator(e.target.value);
      localStorage.setItem('etalase.locale', app.t.locale);
      // A reload or a shared link keeps the language the shopper chose.
      if (params.has('lang')) {
        params.set('lang', app.t.locale);
        history.replaceState(null, '', `?${params}`);
      }
      applyStrings();
      renderShelf();
      updateOverlay(showTime(), true);
      drawOverlay();
    });
    window.addEventListener('resize', placeCardButton);

    $('#status').textContent = '';
    app.lastT = showTime();
    resyncChat(app.lastT);
    updateOverlay(app.lastT, true);
    drawOverlay();
    document.body.dataset.ready = 'true';
    requestAnimationFrame(frame);
  } catch (e) {
    console.error(e);
    showError(e?.code ? app.t.format('app.error.core', { detail: e.message }) : String(e?.message ?? e));
  }
}

main();
