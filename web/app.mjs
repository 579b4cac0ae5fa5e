// The shopper's page: wires the core's overlay, moderation and catalogs to the DOM.
// Every piece of user or show text reaches the DOM through textContent, never as markup.
import { createModerator } from './moderation.mjs';
import { createOverlay } from './overlay.mjs';
import { createTranslator, pickLocale, LOCALES } from './i18n.mjs';

const $ = (sel) => document.querySelector(sel);
const params = new URLSearchParams(location.search);

const state = { t: null, overlay: null, moderator: null, show: null, pinned: null, seq: 0 };

function applyStrings() {
  const { t } = state;
  document.documentElement.lang = t.locale;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t.format(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t.format(el.dataset.i18nPlaceholder);
  $('select[name="locale"]').value = t.locale;
}

async function pin(productId) {
  const product = state.show.products.find((p) => p.id === productId);
  if (!product) return;
  state.pinned = product;
  const locale = state.t.locale;
  const name = product.name?.[locale] ?? product.name?.en ?? Object.values(product.name ?? {})[0] ?? '';
  const text = await state.overlay.showProduct({ ...product, name }, locale);
  const button = $('#card-button');
  const rect = state.overlay.cardRect();
  const canvas = $('#overlay');
  const sx = canvas.clientWidth / canvas.width, sy = canvas.clientHeight / canvas.height;
  Object.assign(button.style, { left: `${rect.x * sx}px`, top: `${rect.y * sy}px`, width: `${rect.width * sx}px`, height: `${rect.height * sy}px` });
  button.textContent = `${text.name} ${text.price}`;
  button.setAttribute('aria-label', state.t.format('card.label', { name: text.name, price: text.price }));
  button.dataset.price = text.price;
  button.hidden = false;
}

function addComment(user, text) {
  const li = document.createElement('li');
  const who = document.createElement('span');
  who.className = 'user';
  who.textContent = user;
  const body = document.createElement('span');
  body.className = 'text';
  body.textContent = text;
  li.append(who, body);
  $('#chat-log').append(li);
  li.scrollIntoView({ block: 'end' });
}

function onSubmit(event) {
  event.preventDefault();
  const input = $('#comment');
  const text = input.value.trim();
  const status = $('#composer-status');
  if (!text) return;
  const verdict = state.moderator.moderate({ id: `me-${++state.seq}`, user: 'me', text, ts: performance.now() / 1000 });
  if (verdict.action === 'allow' || verdict.action === 'mask') {
    addComment(state.t.format('chat.you'), verdict.action === 'mask' ? verdict.masked : text);
    status.textContent = verdict.action === 'mask' ? state.t.format('chat.masked') : '';
    input.value = '';
  } else {
    // Refused or held: the shopper keeps the text and learns why, in their language.
    const reason = verdict.categories[0] ?? 'other';
    status.textContent = verdict.action === 'hold' ? state.t.format('chat.held') : state.t.format('chat.refused', { reason });
  }
}

async function main() {
  const locale = LOCALES.includes(params.get('lang')) ? params.get('lang') : pickLocale(navigator.languages, 'id');
  try {
    state.t = await createTranslator(locale);
    applyStrings();
    const showUrl = new URL('assets/shows/demo.json', location.href);
    const [overlay, moderator, show] = await Promise.all([
      createOverlay($('#overlay')),
      createModerator({ level: 2 }),
      fetch(showUrl).then((r) => r.json()),
    ]);
    Object.assign(state, { overlay, moderator, show });
    const first = show.cues.find((c) => c.type === 'pin');
    if (first) await pin(first.product);
    $('#status').textContent = '';
    $('#composer').addEventListener('submit', onSubmit);
    $('select[name="locale"]').addEventListener('change', async (e) => {
      state.t = await createTranslator(e.target.value);
      applyStrings();
      if (state.pinned) await pin(state.pinned.id);
    });
    document.body.dataset.ready = 'true';
  } catch (e) {
    const detail = e?.message ?? String(e);
    $('#status').textContent = state.t ? state.t.format('app.error.core', { detail }) : detail;
    document.body.dataset.ready = 'error';
    console.error(e);
  }
}

main();
