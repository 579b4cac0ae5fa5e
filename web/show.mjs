// Show files: validation that names the bad field, and the timeline's state at any moment.
// Format: assets/shows/README.md. Pure functions: the same module runs in node tests.
//
//   const r = parseShow(jsonText);          // {show} or {error: {path, problem, detail}}
//   const s = stateAt(r.show, 12.5);        // {pinned, flash, voucher, viewers, likes}
//   commentsBetween(r.show, 10, 12.5)       // recorded comments with from < t <= to

const CUE_TYPES = ['pin', 'unpin', 'flash-start', 'flash-end', 'voucher', 'voucher-end', 'viewers', 'likes'];
const MAX_PRODUCTS = 500, MAX_CUES = 20000, MAX_COMMENTS = 200000;

class ShowError extends Error {
  constructor(path, problem, detail = '') {
    super(`${path}: ${problem}${detail ? ` (${detail})` : ''}`);
    this.path = path;
    this.problem = problem; // a stable id the page maps to its catalog: show.problem.<id>
    this.detail = detail;
  }
}

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function need(cond, path, problem, detail) {
  if (!cond) throw new ShowError(path, problem, detail);
}
function str(v, path, { optional = false, max = 500 } = {}) {
  if (optional && v === undefined) return undefined;
  need(typeof v === 'string', path, v === undefined ? 'missing' : 'not_text');
  need(v.length <= max, path, 'too_long', `${v.length} > ${max}`);
  return v;
}
function num(v, path, { optional = false, min = 0, max = Number.MAX_SAFE_INTEGER, integer = false } = {}) {
  if (optional && v === undefined) return undefined;
  need(typeof v === 'number' && Number.isFinite(v), path, v === undefined ? 'missing' : 'not_number');
  need(v >= min && v <= max, path, 'out_of_range', `${min}..${max}`);
  need(!integer || Number.isInteger(v), path, 'not_integer');
  return v;
}
// Text per locale: {"id": "...", "en": "..."}; a plain string is accepted for every locale.
function localized(v, path, { optional = false } = {}) {
  if (optional && v === undefined) return undefined;
  if (typeof v === 'string') return { '*': str(v, path) };
  need(isObj(v), path, v === undefined ? 'missing' : 'not_localized');
  const out = {};
  for (const [k, t] of Object.entries(v)) {
    need(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(k), `${path}.${k}`, 'bad_locale');
    out[k] = str(t, `${path}.${k}`);
  }
  need(Object.keys(out).length > 0, path, 'missing');
  return out;
}
function url(v, path, { optional = false } = {}) {
  const s = str(v, path, { optional, max: 2000 });
  if (s === undefined) return undefined;
  // Relative URLs and http(s) only: no javascript:, data: or other schemes from a show file.
  need(!/^[a-z][a-z0-9+.-]*:/i.test(s) || /^https?:/i.test(s) || /^wss?:/i.test(s), path, 'bad_url');
  return s;
}

function validateProduct(p, i, currency) {
  const path = `products[${i}]`;
  need(isObj(p), path, 'not_object');
  const product = {
    id: str(p.id, `${path}.id`, { max: 100 }),
    name: localized(p.name, `${path}.name`),
    image: url(p.image, `${path}.image`, { optional: true }),
    price: num(p.price, `${path}.price`),
    originalPrice: num(p.originalPrice, `${path}.originalPrice`, { optional: true }),
    currency: str(p.currency ?? currency, `${path}.currency`),
    stock: num(p.stock, `${path}.stock`, { optional: true, integer: true }),
    description: localized(p.description, `${path}.description`, { optional: true }),
  };
  need(/^[A-Z]{3}$/.test(product.currency), `${path}.currency`, 'bad_currency', product.currency);
  return product;
}

function validateCue(c, i, products, duration) {
  const path = `cues[${i}]`;
  need(isObj(c), path, 'not_object');
  const cue = { t: num(c.t, `${path}.t`, { max: duration ?? Number.MAX_SAFE_INTEGER }), type: c.type };
  need(CUE_TYPES.includes(c.type), `${path}.type`, c.type === undefined ? 'missing' : 'unknown_cue', String(c.type));
  const product = (field) => {
    const id = str(c[field], `${path}.${field}`, { max: 100 });
    need(products.has(id), `${path}.${field}`, 'unknown_product', id);
    return id;
  };
  switch (c.type) {
    case 'pin': cue.product = product('product'); break;
    case 'flash-start':
      cue.product = product('product');
      cue.price = num(c.price, `${path}.price`);
      cue.stock = num(c.stock, `${path}.stock`, { integer: true, min: 1 });
      cue.end = num(c.end, `${path}.end`, { min: cue.t });
      cue.sold = num(c.sold, `${path}.sold`, { optional: true, integer: true }) ?? 0;
      cue.soldAtEnd = num(c.soldAtEnd, `${path}.soldAtEnd`, { optional: true, integer: true, max: cue.stock }) ?? cue.sold;
      break;
    case 'flash-end': cue.product = product('product'); break;
    case 'voucher':
      cue.id = str(c.id, `${path}.id`, { max: 100 });
      cue.amount = num(c.amount, `${path}.amount`);
      cue.minSpend = num(c.minSpend, `${path}.minSpend`, { optional: true }) ?? 0;
      cue.code = str(c.code, `${path}.code`, { optional: true, max: 40 }) ?? '';
      cue.currency = str(c.currency ?? 'IDR', `${path}.currency`);
      break;
    case 'voucher-end': break;
    case 'viewers': cue.count = num(c.count, `${path}.count`, { integer: true }); break;
    case 'likes': cue.count = num(c.count, `${path}.count`, { integer: true, max: 1e6 }); break;
    default: break;
  }
  return cue;
}

function validateComment(c, i, duration) {
  const path = `comments[${i}]`;
  need(isObj(c), path, 'not_object');
  return {
    t: num(c.t, `${path}.t`, { max: duration ?? Number.MAX_SAFE_INTEGER }),
    id: str(c.id ?? `rec-${i}`, `${path}.id`, { max: 100 }),
    user: str(c.user, `${path}.user`, { max: 60 }),
    text: str(c.text, `${path}.text`, { max: 2000 }),
  };
}

/** Validates a parsed show object. Throws ShowError naming the first bad field. */
export function validateShow(raw) {
  need(isObj(raw), '(show)', 'not_object');
  need(raw.version === 1, 'version', raw.version === undefined ? 'missing' : 'unsupported_version', String(raw.version));
  const duration = num(raw.duration, 'duration', { optional: true, max: 24 * 3600 });
  const currency = str(raw.currency ?? 'IDR', 'currency');
  need(Array.isArray(raw.products), 'products', raw.products === undefined ? 'missing' : 'not_list');
  need(raw.products.length <= MAX_PRODUCTS, 'products', 'too_many', `${raw.products.length} > ${MAX_PRODUCTS}`);
  const products = raw.products.map((p, i) => validateProduct(p, i, currency));
  const ids = new Map();
  products.forEach((p, i) => {
    need(!ids.has(p.id), `products[${i}].id`, 'duplicate_id', p.id);
    ids.set(p.id, p);
  });
  const cuesRaw = raw.cues ?? [];
  need(Array.isArray(cuesRaw), 'cues', 'not_list');
  need(cuesRaw.length <= MAX_CUES, 'cues', 'too_many', `${cuesRaw.length} > ${MAX_CUES}`);
  const cues = cuesRaw.map((c, i) => validateCue(c, i, ids, duration));
  const commentsRaw = raw.comments ?? [];
  need(Array.isArray(commentsRaw), 'comments', 'not_list');
  need(commentsRaw.length <= MAX_COMMENTS, 'comments', 'too_many', `${commentsRaw.length} > ${MAX_COMMENTS}`);
  const comments = commentsRaw.map((c, i) => validateComment(c, i, duration));
  // Stable sorts by time: cues at the same moment apply in file order.
  const byTime = (a, b) => a.t - b.t;
  return {
    version: 1,
    title: localized(raw.title, 'title', { optional: true }) ?? { '*': '' },
    host: str(raw.host, 'host', { optional: true, max: 100 }) ?? '',
    video: url(raw.video, 'video', { optional: true }),
    live: raw.live === true,
    duration,
    currency,
    products,
    productById: ids,
    cues: cues.map((c, i) => ({ ...c, order: i })).sort((a, b) => byTime(a, b) || a.order - b.order),
    comments: comments.sort(byTime),
  };
}

/** Parses JSON text into a validated show: {show} or {error: ShowError}. Never throws. */
export function parseShow(text) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: new ShowError('(file)', 'not_json', e.message) };
  }
  try {
    return { show: validateShow(raw) };
  } catch (e) {
    if (e instanceof ShowError) return { error: e };
    return { error: new ShowError('(show)', 'invalid', e.message) };
  }
}

/** Text for a locale from a localized value, falling back to English, then anything. */
export function pickText(value, locale) {
  if (!value) return '';
  return value[locale] ?? value['*'] ?? value.en ?? Object.values(value)[0] ?? '';
}

/**
 * The overlay state at show time t (seconds): recomputed from the start, so seeking
 * anywhere gives the same answer as playing up to that point.
 */
export function stateAt(show, t) {
  const s = { pinned: null, flash: null, voucher: null, viewers: 0, likes: 0, lastLikeAt: -Infinity };
  for (const c of show.cues) {
    if (c.t > t) break;
    switch (c.type) {
      case 'pin': s.pinned = c.product; break;
      case 'unpin': s.pinned = null; break;
      case 'flash-start': s.flash = { ...c }; break;
      case 'flash-end': if (s.flash?.product === c.product) s.flash = null; break;
      case 'voucher': s.voucher = { ...c }; break;
      case 'voucher-end': s.voucher = null; break;
      case 'viewers': s.viewers = c.count; break;
      case 'likes': s.likes += c.count; s.lastLikeAt = c.t; break;
      default: break;
    }
  }
  if (s.flash) {
    if (t >= s.flash.end) s.flash = null;
    else {
      // Sold count moves linearly from `sold` to `soldAtEnd` over the sale.
      const f = (t - s.flash.t) / Math.max(1e-9, s.flash.end - s.flash.t);
      s.flash.soldNow = Math.round(s.flash.sold + (s.flash.soldAtEnd - s.flash.sold) * f);
      s.flash.secondsLeft = s.flash.end - t;
    }
  }
  return s;
}

/** Index of the first comment with time > t (binary search). */
export function commentIndexAfter(show, t) {
  let lo = 0, hi = show.comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (show.comments[mid].t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Recorded comments with from < t <= to. */
export function commentsBetween(show, from, to) {
  return show.comments.slice(commentIndexAfter(show, from), commentIndexAfter(show, to));
}

/** Likes cues with from < t <= to (for hearts as the show plays). */
export function likesBetween(show, from, to) {
  let n = 0;
  for (const c of show.cues) if (c.type === 'likes' && c.t > from && c.t <= to) n += c.count;
  return n;
}

export { ShowError };
