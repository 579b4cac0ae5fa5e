// UI strings: one catalog of ICU MessageFormat per locale (i18n/<locale>.json), formatted by
// the core's ICU. A key missing from a locale falls back to English, never to the raw key.
//
//   const t = await createTranslator('id');
//   t.format('card.stock', { n: 12 })   // "Sisa 12"
//   t.money(149000, 'IDR')              // "Rp 149.000"
import { loadCore, readSiteFile } from './core.mjs';

export const LOCALES = ['id', 'en', 'ms', 'vi'];
export const FALLBACK = 'en';

async function loadCatalog(locale) {
  return JSON.parse(new TextDecoder().decode(await readSiteFile(`i18n/${locale}.json`)));
}

/** Picks the first supported locale from a list of BCP 47 tags (navigator.languages). */
export function pickLocale(tags, fallback = 'id') {
  for (const tag of tags || []) {
    const lang = String(tag).toLowerCase().split('-')[0];
    if (LOCALES.includes(lang)) return lang;
  }
  return fallback;
}

/**
 * The text of a start-up failure in the user's language when the core itself could not start
 * (no ICU to format with): the catalog's message with `{detail}` put in as plain text.
 * Never throws; English, then the bare detail, stand in.
 */
export async function startupErrorText(locale, key, detail) {
  for (const l of [locale, FALLBACK]) {
    try {
      const pattern = (await loadCatalog(l))[key];
      // A replacer function, so a '$&' in the detail stays as it is.
      if (typeof pattern === 'string' && pattern.includes('{detail}')) return pattern.replace('{detail}', () => detail);
    } catch {
      // the next locale, or the bare detail
    }
  }
  return detail;
}

export async function createTranslator(locale) {
  // The catalogs download while the core starts.
  const [core, own, fallback] = await Promise.all([
    loadCore(),
    // A broken catalog must not blank the page: English stands in, and the console says why.
    loadCatalog(locale).catch((e) => {
      console.warn(`i18n/${locale}.json could not be used, English stands in: ${e.message}`);
      return {};
    }),
    locale === FALLBACK ? null : loadCatalog(FALLBACK),
  ]);
  const catalog = fallback ? { ...fallback, ...own } : own;
  const reported = new Set();
  // ICU number formatting expects a non-breaking space between symbol and digits; keep it:
  // it stops "Rp" and "149.000" from wrapping onto two lines.
  return {
    locale,
    has: (key) => key in catalog,
    format(key, args = {}) {
      const pattern = catalog[key];
      if (pattern === undefined) {
        // Not even English has it: a bug of the page, not of a translation. Say so once,
        // and show the key's last word rather than the raw key.
        if (!reported.has(key)) {
          reported.add(key);
          console.error(`i18n: no message "${key}" in i18n/${FALLBACK}.json`);
        }
        return key.split('.').pop();
      }
      // Strings cross into the core well-formed: a lone surrogate would otherwise be fused
      // with the next character by the UTF-8 conversion ("a\ud800b" read as "a𐁢").
      const safe = {};
      for (const [k, v] of Object.entries(args)) safe[k] = typeof v === 'string' ? v.toWellFormed() : v;
      const r = core.formatMessage(pattern.toWellFormed(), locale, safe);
      if (r.error) {
        // A broken translation must not blank the UI: try English before giving up.
        const en = fallback?.[key];
        const again = en !== undefined ? core.formatMessage(en.toWellFormed(), FALLBACK, safe) : r;
        return again.error ? pattern : again.value;
      }
      return r.value;
    },
    money(amount, currency) {
      const r = core.formatMoney(amount, currency, locale);
      return r.error ? `${currency} ${amount}` : r.value;
    },
    /** { price, originalPrice, discount } as the pinned card shows them ('' when no discount). */
    prices(price, original, currency) {
      const r = core.formatPrices(price, original || 0, currency, locale);
      return r.error ? { price: `${currency} ${price}`, originalPrice: '', discount: '' } : r;
    },
  };
}
