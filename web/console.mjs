// The moderator console: the queue of held comments, decisions, user actions, settings,
// stats and the audit log. Talks to viewer tabs over web/mod_channel.mjs and keeps what
// matters in IndexedDB (web/mod_store.mjs). Comment text reaches the DOM only through
// textContent and <mark> elements built here, never as markup.
import { createTranslator, startupErrorText, pickLocale, LOCALES } from './i18n.mjs';
import { openModerationChannel } from './mod_channel.mjs';
import { levelTable, checkTerm as coreCheckTerm } from './moderation.mjs';
import { openModStore } from './mod_store.mjs';
import { createVirtualList } from './console_vlist.mjs';
import { drawChart } from './console_chart.mjs';
import {
  CATEGORIES, LANGS, LEVEL_MIN, LEVEL_MAX, ValidationError, checkSettings, checkPattern, checkTerm,
  defaultSettings, exportSettings, parseSettingsImport, parseDuration, auditToCsv, segments, rulesOf,
  patternFromText, guessLang, matchesFilter, computeStats, shortId, actionMutes,
} from './console_logic.mjs';

const $ = (sel) => document.querySelector(sel);
const params = new URLSearchParams(location.search);
const ROW_HEIGHT = 68;
const NAME_KEY = 'etalase.moderator.name';
const LOCALE_KEY = 'etalase.console.locale';

const S = {
  t: null,
  cache: new Map(),
  store: null,
  channel: null,
  name: '',
  entries: [], // every queue entry, newest first
  byId: new Map(),
  view: [], // the entries passing the filters, newest first
  cur: 0,
  selected: new Set(),
  filter: { status: 'held', category: '', lang: '', query: '' },
  settings: defaultSettings(),
  userActions: new Map(),
  list: null,
  timeFmt: null,
  dateTimeFmt: null,
  statsTimer: 0,
};

// ---- strings -------------------------------------------------------------------------------

function tr(key, args) {
  if (args) return S.t.format(key, args);
  let s = S.cache.get(key);
  if (s === undefined) {
    s = S.t.format(key);
    S.cache.set(key, s);
  }
  return s;
}
const catName = (c) => tr(`console.cat.${c}`);
const langName = (l) => tr(`console.lang.${l}`);

function errorText(e) {
  if (e instanceof ValidationError) {
    return tr('console.error.field', { field: e.field, problem: S.t.format(e.key, e.args) });
  }
  return tr('console.error.generic', { detail: e?.message ?? String(e) });
}

function announce(text) {
  const live = $('#live');
  live.textContent = '';
  // Emptied, then filled a moment later: screen readers re-announce a repeated message.
  // (A timer, not requestAnimationFrame: a console in a background tab still reports.)
  setTimeout(() => { live.textContent = text; }, 30);
}

function applyStrings() {
  document.documentElement.lang = S.t.locale;
  document.title = tr('console.pageTitle');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = tr(el.dataset.i18n);
  $('select[name="locale"]').value = S.t.locale;
  // Times are formatted by the core's ICU from the local wall-clock time: its data holds no
  // time zones, so the page shifts by its own offset and ICU formats as GMT.
  const wallClock = (ms) => ms - new Date(ms).getTimezoneOffset() * 60000;
  S.timeFmt = { format: (ms) => tr('console.format.time', { t: wallClock(ms) }) };
  S.dateTimeFmt = { format: (ms) => tr('console.format.dateTime', { t: wallClock(ms) }) };
  fillFilterOptions();
  fillLevelControls();
}

function fillFilterOptions() {
  for (const id of ['#q-category', '#stats-category']) {
    const sel = $(id);
    const value = sel.value;
    sel.replaceChildren(new Option(tr('console.filter.all'), ''), ...CATEGORIES.map((c) => new Option(catName(c), c)));
    sel.value = value;
  }
  const lang = $('#q-lang');
  const value = lang.value;
  lang.replaceChildren(new Option(tr('console.filter.all'), ''), ...LANGS.map((l) => new Option(langName(l), l)));
  lang.value = value;
}

// ---- queue ---------------------------------------------------------------------------------

function createRow() {
  const row = document.createElement('div');
  row.className = 'row';
  row.setAttribute('role', 'option');
  const check = document.createElement('span');
  check.className = 'check';
  check.setAttribute('aria-hidden', 'true');
  const head = document.createElement('div');
  head.className = 'row-head';
  const text = document.createElement('div');
  text.className = 'row-text';
  row.append(check, head, text);
  return row;
}

/** Builds the pieces of `text` with <mark> for matched stretches (text nodes only). */
function appendHighlighted(parent, text, spans) {
  for (const seg of segments(text, spans)) {
    if (seg.rules) {
      const m = document.createElement('mark');
      m.textContent = seg.text;
      m.title = seg.rules.join(', ');
      m.dataset.rules = seg.rules.join(' ');
      parent.append(m);
    } else parent.append(document.createTextNode(seg.text));
  }
}

function chip(text, cls) {
  const s = document.createElement('span');
  s.className = cls;
  s.textContent = text;
  return s;
}

function fillRow(row, entry, i) {
  const key = `${entry.id}|${entry.status}`;
  row.id = `q-opt-${i}`;
  row.dataset.index = String(i);
  row.setAttribute('aria-posinset', String(i + 1));
  row.setAttribute('aria-setsize', String(S.view.length));
  row.setAttribute('aria-selected', i === S.cur ? 'true' : 'false');
  row.setAttribute('aria-checked', S.selected.has(entry.id) ? 'true' : 'false');
  row.classList.toggle('current', i === S.cur);
  if (row.dataset.key === key) return;
  row.dataset.key = key;
  row.dataset.id = entry.id;
  const c = entry.comment;
  const [, head, text] = row.children;
  const user = chip(c.user, 'user');
  const time = document.createElement('time');
  time.dateTime = new Date(entry.heldAt).toISOString();
  time.textContent = S.timeFmt.format(entry.heldAt);
  const lang = chip(langName(c.lang || 'und') + (c.langGuessed ? '?' : ''), 'chip lang');
  const cats = (entry.verdict?.categories || []).map((cat) => chip(catName(cat), `chip cat cat-${cat}`));
  if (rulesOf(entry.verdict).some((r) => r.startsWith('term.'))) cats.push(chip(tr('console.chip.term'), 'chip cat term'));
  const rules = chip(rulesOf(entry.verdict).join(' '), 'rules');
  head.replaceChildren(user, time, lang, ...cats, rules);
  if (entry.status !== 'held') head.append(chip(tr(`console.status.${entry.status}`), 'chip status'));
  text.replaceChildren();
  appendHighlighted(text, c.text, entry.verdict?.spans);
}

function rebuildView({ keep = true } = {}) {
  const current = keep ? S.view[S.cur] : null;
  S.view = S.entries.filter((e) => matchesFilter(e, S.filter));
  let idx = current ? S.view.indexOf(current) : -1;
  if (idx < 0) idx = Math.min(S.cur, Math.max(0, S.view.length - 1));
  S.cur = Math.max(0, idx);
  S.list.setItems(S.view);
  if (S.view.length) S.list.scrollToIndex(S.cur);
  afterMove();
  updateCounts();
}

function updateCounts() {
  const held = S.filter.status === 'held' ? S.view.length : S.entries.reduce((n, e) => n + (e.status === 'held'), 0);
  $('#q-count').textContent = tr('console.queue.count', { shown: S.view.length, held });
  $('#q-selected').textContent = S.selected.size ? tr('console.bulk.count', { n: S.selected.size }) : '';
  $('#queue-empty').hidden = S.view.length > 0;
  $('#bulk-approve').disabled = $('#bulk-deny').disabled = S.selected.size === 0;
}

function afterMove() {
  const q = $('#queue');
  const row = S.list.rowFor(S.cur);
  if (row && S.view.length) q.setAttribute('aria-activedescendant', row.id);
  else q.removeAttribute('aria-activedescendant');
  renderDetail();
}

function moveTo(i) {
  if (!S.view.length) return;
  const prev = S.cur;
  S.cur = Math.max(0, Math.min(S.view.length - 1, i));
  const old = S.list.rowFor(prev);
  if (old) {
    old.setAttribute('aria-selected', 'false');
    old.classList.remove('current');
  }
  S.list.scrollToIndex(S.cur);
  const row = S.list.rowFor(S.cur);
  if (row) {
    row.setAttribute('aria-selected', 'true');
    row.classList.add('current');
  }
  afterMove();
}

function renderDetail() {
  const entry = S.view[S.cur];
  $('#detail-body').hidden = !entry;
  $('#detail-none').hidden = !!entry;
  if (!entry) return;
  const c = entry.comment;
  $('#d-user').textContent = c.user;
  $('#d-time').textContent = S.dateTimeFmt.format(entry.heldAt);
  $('#d-lang').textContent = langName(c.lang || 'und') + (c.langGuessed ? ` (${tr('console.lang.guessed')})` : '');
  $('#d-cats').textContent = (entry.verdict?.categories || []).map(catName).join(', ') || '—';
  $('#d-rules').textContent = rulesOf(entry.verdict).join(', ') || '—';
  const text = $('#d-text');
  text.replaceChildren();
  appendHighlighted(text, c.text, entry.verdict?.spans);
  const spans = $('#d-spans');
  spans.replaceChildren();
  for (const seg of segments(c.text, entry.verdict?.spans)) {
    if (!seg.rules) continue;
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn span-btn';
    b.dataset.pattern = patternFromText(seg.text);
    b.textContent = tr('console.span.pick', { text: seg.text, rules: seg.rules.join(', ') });
    spans.append(b);
  }
  const decided = $('#d-decided');
  const ua = S.userActions.get(c.user);
  const muted = actionMutes(ua);
  if (entry.status !== 'held') {
    decided.hidden = false;
    decided.textContent = tr('console.detail.decided', { decision: entry.status, who: entry.decidedBy ?? '?', time: S.dateTimeFmt.format(entry.decidedAt ?? Date.now()) });
  } else if (muted) {
    decided.hidden = false;
    decided.textContent = ua.action === 'ban' ? tr('console.detail.banned', { user: c.user }) : tr('console.detail.timedOut', { user: c.user, time: S.dateTimeFmt.format(ua.until) });
  } else decided.hidden = true;
  $('#act-approve').disabled = $('#act-deny').disabled = entry.status !== 'held';
  $('#act-lift').disabled = !muted;
}

/** Adds a held entry (from the channel or the store) if it is new. */
function addEntry(entry) {
  if (S.byId.has(entry.id)) return false;
  if (!entry.comment.lang) entry.comment = { ...entry.comment, lang: guessLang(entry.comment.text), langGuessed: true };
  S.byId.set(entry.id, entry);
  // Newest first: a new comment normally goes on top.
  let at = 0;
  while (at < S.entries.length && S.entries[at].heldAt > entry.heldAt) at++;
  S.entries.splice(at, 0, entry);
  if (matchesFilter(entry, S.filter)) {
    let v = 0;
    while (v < S.view.length && S.view[v].heldAt > entry.heldAt) v++;
    const hadCurrent = S.view.length > 0;
    S.view.splice(v, 0, entry);
    if (hadCurrent && v <= S.cur) S.cur++;
    // Rows below the insertion show other items now.
    S.list.setItems(S.view);
    afterMove();
  }
  updateCounts();
  scheduleStats();
  return true;
}

/** Applies a stored decision to the in-memory entry and the view. */
function markDecided(entry, stored) {
  Object.assign(entry, { status: stored.status, decidedBy: stored.decidedBy, decidedAt: stored.decidedAt, why: stored.why });
  S.selected.delete(entry.id);
  const i = S.view.indexOf(entry);
  if (i >= 0 && !matchesFilter(entry, S.filter)) {
    // The next comment takes the decided one's place (and the cursor stays on its row).
    S.view.splice(i, 1);
    if (i < S.cur) S.cur--;
    S.cur = Math.max(0, Math.min(S.cur, S.view.length - 1));
  }
  S.list.setItems(S.view);
  afterMove();
  updateCounts();
  scheduleStats();
  scheduleAudit();
}

// ---- decisions -----------------------------------------------------------------------------

function reason() {
  return $('#act-reason').value.trim();
}

async function decide(entry, decision, why = reason(), { quiet = false } = {}) {
  if (!entry) return;
  if (entry.status !== 'held') {
    if (!quiet) announce(tr('console.result.lost', { user: entry.comment.user, decision: entry.status, who: entry.decidedBy ?? '?' }));
    return;
  }
  try {
    const r = await S.store.decide(entry.id, decision, { who: S.name, why });
    if (r.ok) {
      markDecided(entry, r.entry);
      S.channel.post({ type: 'decision', id: entry.id, decision, comment: entry.comment, by: S.name });
      if (!quiet) announce(tr(decision === 'approve' ? 'console.result.approved' : 'console.result.denied', { user: entry.comment.user }));
    } else if (r.entry) {
      // Another moderator came first: show their decision here too.
      markDecided(entry, r.entry);
      if (!quiet) announce(tr('console.result.lost', { user: entry.comment.user, decision: r.entry.status, who: r.entry.decidedBy ?? '?' }));
    }
  } catch (e) {
    announce(errorText(e));
  }
}

async function decideSelected(decision) {
  const ids = [...S.selected].filter((id) => S.byId.get(id)?.status === 'held');
  if (!ids.length) return;
  try {
    const results = await S.store.decideMany(ids, decision, { who: S.name, why: reason() });
    let won = 0, lost = 0;
    results.forEach((r, k) => {
      const entry = S.byId.get(ids[k]);
      if (r.entry) Object.assign(entry, { status: r.entry.status, decidedBy: r.entry.decidedBy, decidedAt: r.entry.decidedAt, why: r.entry.why });
      if (r.ok) {
        won++;
        S.channel.post({ type: 'decision', id: entry.id, decision, comment: entry.comment, by: S.name });
      } else lost++;
    });
    S.selected.clear();
    $('#q-select-all').checked = false;
    rebuildView();
    scheduleStats();
    scheduleAudit();
    announce(tr(decision === 'approve' ? 'console.result.bulkApproved' : 'console.result.bulkDenied', { n: won, lost }));
  } catch (e) {
    announce(errorText(e));
  }
}

async function userAction(entry, action) {
  if (!entry) return;
  const user = entry.comment.user;
  let until = null;
  if (action === 'timeout') {
    const sel = $('#act-duration').value;
    try {
      until = Date.now() + parseDuration(sel === 'custom' ? $('#act-custom').value : sel, tr('console.timeout.label'));
    } catch (e) {
      announce(errorText(e));
      $('#act-custom-wrap').hidden = false;
      $('#act-custom').focus();
      return;
    }
  }
  const why = reason();
  const a = { user, action, until, by: S.name, at: Date.now(), why };
  try {
    await S.store.saveUserAction(a, { why });
    S.userActions.set(user, a);
    S.channel.post({ type: 'user-action', user, action, until, by: S.name });
    if (action === 'lift') announce(tr('console.result.lifted', { user }));
    else {
      // The comment that earned it is denied with it.
      if (entry.status === 'held') await decide(entry, 'deny', why || action, { quiet: true });
      announce(action === 'ban' ? tr('console.result.banned', { user }) : tr('console.result.timedOut', { user, time: S.dateTimeFmt.format(until) }));
    }
    renderDetail();
    scheduleAudit();
  } catch (e) {
    announce(errorText(e));
  }
}

function toggleSelected(entry) {
  if (!entry) return;
  if (S.selected.has(entry.id)) S.selected.delete(entry.id);
  else S.selected.add(entry.id);
  const row = S.list.rowFor(S.view.indexOf(entry));
  if (row) row.setAttribute('aria-checked', S.selected.has(entry.id) ? 'true' : 'false');
  updateCounts();
}

// ---- settings ------------------------------------------------------------------------------

function levelOptions(withDefault) {
  const opts = [];
  if (withDefault) opts.push(new Option(tr('console.levels.inherit'), ''));
  for (let l = LEVEL_MIN; l <= LEVEL_MAX; l++) opts.push(new Option(tr('console.level.name', { level: l }), String(l)));
  return opts;
}

function fillLevelControls() {
  $('#level-overall').replaceChildren(...levelOptions(false));
  const grid = $('#level-cats');
  grid.replaceChildren();
  for (const c of CATEGORIES) {
    const label = document.createElement('label');
    label.className = 'field-inline';
    const span = document.createElement('span');
    span.textContent = catName(c);
    const sel = document.createElement('select');
    sel.dataset.cat = c;
    sel.append(...levelOptions(true));
    label.append(span, sel);
    grid.append(label);
  }
  fillLevelTable();
  renderSettings();
}

// What each level does, from the core's own table: one row a level, words and rules.
function fillLevelTable() {
  const table = $('#level-table');
  const L = S.levels;
  if (!table || !L) return;
  const cats = (list) => list.map(catName).join(', ');
  const cell = (min) => (min > 4 ? tr('console.levelTable.nothing') : tr('console.levelTable.from', { severity: min }));
  const head = document.createElement('tr');
  for (const text of [tr('console.levelTable.level'), tr('console.levelTable.words', { list: cats(L.wordCategories) }),
    tr('console.levelTable.rules', { list: cats(L.ruleCategories) })]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  const rows = [head];
  for (let l = L.min; l <= L.max; l++) {
    const tr_ = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = tr('console.level.name', { level: l }) + (l === L.defaultLevel ? ` ${tr('console.levelTable.default')}` : '');
    const words = document.createElement('td');
    words.textContent = cell(L.wordMinSeverity[l]) + (L.holdsMasks[l] ? ` ${tr('console.levelTable.holds')}` : '');
    const rules = document.createElement('td');
    rules.textContent = cell(L.ruleMinSeverity[l]);
    tr_.append(th, words, rules);
    rows.push(tr_);
  }
  const caption = document.createElement('caption');
  caption.textContent = tr('console.levelTable.caption');
  table.replaceChildren(caption, ...rows);
}

function expiryText(t) {
  if (t.expiresAt == null) return tr('console.term.never');
  const when = S.dateTimeFmt.format(t.expiresAt);
  return t.expiresAt <= Date.now() ? tr('console.term.expired', { time: when }) : tr('console.term.expiresAt', { time: when });
}

function renderSettings() {
  const s = S.settings;
  $('#level-overall').value = String(s.level);
  for (const sel of document.querySelectorAll('#level-cats select')) sel.value = s.levels[sel.dataset.cat] !== undefined ? String(s.levels[sel.dataset.cat]) : '';
  const body = $('#terms-body');
  body.replaceChildren();
  for (const t of s.terms) {
    const tr_ = document.createElement('tr');
    const p = document.createElement('td');
    const code = document.createElement('code');
    code.textContent = t.pattern;
    p.append(code);
    const m = document.createElement('td');
    m.textContent = tr(`console.term.${t.mode}`);
    const x = document.createElement('td');
    x.textContent = expiryText(t);
    const a = document.createElement('td');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn';
    b.dataset.remove = t.pattern;
    b.textContent = tr('console.term.remove');
    b.setAttribute('aria-label', tr('console.term.removeLabel', { pattern: t.pattern }));
    a.append(b);
    tr_.append(p, m, x, a);
    body.append(tr_);
  }
  $('#terms-empty').hidden = s.terms.length > 0;
}

function publicSettings(s) {
  return { level: s.level, levels: { ...s.levels }, terms: s.terms.map((t) => ({ ...t })), rev: s.rev, savedAt: s.savedAt };
}

/** Validates, stores (with an audit row) and broadcasts new settings. Throws on bad input. */
async function saveSettings(next, { what = 'settings', detail = '' } = {}) {
  const clean = checkSettings(next);
  const saved = await S.store.saveSettings(clean, { who: S.name, what, detail, why: reason() });
  S.settings = saved;
  renderSettings();
  S.channel.post({ type: 'settings', settings: publicSettings(saved) });
  scheduleAudit();
  return saved;
}

// The core has the last word on a pattern: one it would refuse ("!!!", "*-*") is not saved.
async function refuseCoreRejects(terms, field) {
  for (const [i, t] of terms.entries()) {
    if (await coreCheckTerm(t.pattern)) {
      throw new ValidationError('console.error.pattern.nothing', typeof field === 'function' ? field(i) : field, { pattern: t.pattern });
    }
  }
}

async function addTerm(term) {
  const pattern = checkPattern(term.pattern, tr('console.term.pattern'));
  const clean = checkTerm({ ...term, pattern }, tr('console.term.pattern'));
  await refuseCoreRejects([clean], tr('console.term.pattern'));
  const terms = S.settings.terms.filter((t) => t.pattern !== clean.pattern);
  terms.push(clean);
  await saveSettings({ ...S.settings, terms }, { what: 'term-add', detail: `${clean.mode} ${clean.pattern}${clean.expiresAt ? ` ${new Date(clean.expiresAt).toISOString()}` : ''}` });
  announce(tr(clean.mode === 'block' ? 'console.result.termBlocked' : 'console.result.termPermitted', { pattern: clean.pattern }));
}

async function removeTerm(pattern) {
  const terms = S.settings.terms.filter((t) => t.pattern !== pattern);
  await saveSettings({ ...S.settings, terms }, { what: 'term-remove', detail: pattern });
  announce(tr('console.result.termRemoved', { pattern }));
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

// ---- stats and audit -----------------------------------------------------------------------

function panelVisible(id) {
  return !$(id).hidden;
}

function scheduleStats() {
  if (!panelVisible('#panel-stats') || S.statsTimer) return;
  S.statsTimer = setTimeout(() => { S.statsTimer = 0; renderStats(); }, 250);
}

function duration(ms) {
  const s = Math.round(ms / 1000);
  if (s < 90) return tr('console.duration.s', { n: s });
  if (s < 90 * 60) return tr('console.duration.m', { n: Math.round(s / 60) });
  return tr('console.duration.h', { n: Math.round(s / 360) / 10 });
}

function renderStats() {
  const category = $('#stats-category').value;
  const st = computeStats(S.entries, { category });
  const names = { held: tr('console.status.held'), approved: tr('console.status.approved'), denied: tr('console.status.denied') };
  const caption = tr('console.stats.caption', { held: st.totals.held, approved: st.totals.approved, denied: st.totals.denied, category: category ? catName(category) : tr('console.filter.all') });
  drawChart($('#stats-chart'), st, { label: caption, names, time: (ms) => S.timeFmt.format(ms) });
  $('#stats-caption').textContent = caption;
  const ol = $('#top-rules');
  ol.replaceChildren(...st.topRules.map(([rule, n]) => {
    const li = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = rule;
    li.append(code, document.createTextNode(` — ${n}`));
    return li;
  }));
  if (!st.topRules.length) ol.append(chip(tr('console.stats.none'), 'empty'));
  // Per category, over everything in the queue (the picker above narrows the chart only).
  const all = category ? computeStats(S.entries) : st;
  $('#by-category').replaceChildren(...all.byCategory.map((r) => {
    const row = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = catName(r.category);
    row.append(th, ...['held', 'approved', 'denied'].map((k) => {
      const td = document.createElement('td');
      td.textContent = tr('console.stats.count', { n: r[k] });
      return td;
    }));
    return row;
  }));
  $('#queue-age').textContent = st.age.pending
    ? tr('console.stats.ageText', { n: st.age.pending, oldest: duration(st.age.oldestMs), median: duration(st.age.medianMs) })
    : tr('console.stats.ageEmpty');
}

let auditTimer = 0;
function scheduleAudit() {
  if (!panelVisible('#panel-audit') || auditTimer) return;
  auditTimer = setTimeout(() => { auditTimer = 0; renderAudit(); }, 100);
}

async function renderAudit() {
  const rows = await S.store.listAudit({ limit: 100 });
  const body = $('#audit-body');
  body.replaceChildren(...rows.reverse().map((e) => {
    const row = document.createElement('tr');
    const target = e.what === 'approve' || e.what === 'deny' ? `${e.user}: ${e.text.length > 80 ? `${e.text.slice(0, 79)}…` : e.text}`
      : e.target === 'settings' ? e.detail || e.target : e.target;
    const cells = [S.dateTimeFmt.format(e.at), e.who, tr(`console.what.${e.what}`), target, e.why || ''];
    for (const c of cells) {
      const td = document.createElement('td');
      td.textContent = c;
      row.append(td);
    }
    return row;
  }));
}

// ---- tabs ----------------------------------------------------------------------------------

function selectTab(tab, focus = false) {
  for (const t of document.querySelectorAll('[role="tab"]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', on ? 'true' : 'false');
    t.tabIndex = on ? 0 : -1;
    $(`#${t.getAttribute('aria-controls')}`).hidden = !on;
  }
  if (focus) tab.focus();
  if (tab.id === 'tab-stats') renderStats();
  if (tab.id === 'tab-audit') renderAudit();
  if (tab.id === 'tab-queue') S.list.refresh();
}

// ---- keyboard ------------------------------------------------------------------------------

function isTyping(el) {
  return el && (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) && el.type !== 'checkbox';
}

function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (!panelVisible('#panel-queue')) return;
  const target = e.target;
  if (isTyping(target)) {
    if (e.key === 'Escape' || (e.key === 'Enter' && target.id === 'q-search')) {
      e.preventDefault();
      $('#queue').focus();
    }
    return;
  }
  const onList = target?.id === 'queue';
  const entry = S.view[S.cur];
  switch (e.key) {
    case 'j': moveTo(S.cur + 1); break;
    case 'k': moveTo(S.cur - 1); break;
    case 'ArrowDown': if (!onList) return; moveTo(S.cur + 1); break;
    case 'ArrowUp': if (!onList) return; moveTo(S.cur - 1); break;
    case 'Home': if (!onList) return; moveTo(0); break;
    case 'End': if (!onList) return; moveTo(S.view.length - 1); break;
    case 'PageDown': if (!onList) return; moveTo(S.cur + S.list.visibleCount()); break;
    case 'PageUp': if (!onList) return; moveTo(S.cur - S.list.visibleCount()); break;
    case 'a': decide(entry, 'approve'); break;
    case 'd': decide(entry, 'deny'); break;
    case 't': userAction(entry, 'timeout'); break;
    case 'b': userAction(entry, 'ban'); break;
    case 'x': toggleSelected(entry); break;
    case ' ': if (!onList) return; toggleSelected(entry); break;
    case '/': $('#q-search').focus(); break;
    case 'Escape': $('#queue').focus(); break;
    default: return;
  }
  e.preventDefault();
}

// ---- channel -------------------------------------------------------------------------------

function newerSettings(s) {
  const cur = S.settings;
  return s && ((s.savedAt ?? 0) > (cur.savedAt ?? 0) || ((s.savedAt ?? 0) === (cur.savedAt ?? 0) && (s.rev ?? 0) > (cur.rev ?? 0)));
}

function onMessage(m) {
  switch (m.type) {
    case 'held': {
      if (!m.comment || typeof m.comment.id !== 'string') return;
      const entry = { id: m.comment.id, comment: m.comment, verdict: m.verdict || {}, heldAt: m.at ?? Date.now(), status: 'held' };
      if (addEntry(entry)) S.store.addHeld(entry).catch(() => {});
      break;
    }
    case 'hello':
      S.channel.post({ type: 'state', settings: publicSettings(S.settings), userActions: [...S.userActions.values()] });
      break;
    case 'decision': {
      const entry = S.byId.get(m.id);
      if (!entry || entry.status !== 'held') return;
      const wasCurrent = S.view[S.cur] === entry;
      markDecided(entry, { status: m.decision === 'approve' ? 'approved' : 'denied', decidedBy: m.by, decidedAt: m.at, why: '' });
      if (wasCurrent) announce(tr('console.result.elsewhere', { user: entry.comment.user, decision: entry.status, who: m.by ?? '?' }));
      break;
    }
    case 'user-action':
      S.userActions.set(m.user, { user: m.user, action: m.action, until: m.until ?? null, by: m.by, at: m.at });
      renderDetail();
      break;
    case 'settings':
    case 'state':
      if (newerSettings(m.settings)) {
        S.settings = { ...defaultSettings(), ...m.settings };
        renderSettings();
      }
      break;
    default:
  }
}

// ---- wiring --------------------------------------------------------------------------------

function wire() {
  const queue = $('#queue');
  S.list = createVirtualList({ container: queue, spacer: $('.queue-spacer'), rowHeight: ROW_HEIGHT, createRow, keyOf: (entry) => entry.id, fill: (el, item, i) => fillRow(el, item, i) });

  queue.addEventListener('click', (e) => {
    const row = e.target.closest('.row');
    if (!row) return;
    const i = Number(row.dataset.index);
    if (e.target.closest('.check')) toggleSelected(S.view[i]);
    moveTo(i);
    queue.focus();
  });
  document.addEventListener('keydown', onKey);

  let searchTimer = 0;
  $('#q-search').addEventListener('input', (e) => {
    // The list is filtered once typing pauses, not on every keypress.
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => { S.filter.query = e.target.value.trim(); rebuildView({ keep: false }); }, 150);
  });
  for (const [id, key] of [['#q-category', 'category'], ['#q-lang', 'lang'], ['#q-status', 'status']]) {
    $(id).addEventListener('change', (e) => { S.filter[key] = e.target.value; rebuildView({ keep: false }); });
  }
  $('#q-select-all').addEventListener('change', (e) => {
    if (e.target.checked) for (const v of S.view) { if (v.status === 'held') S.selected.add(v.id); }
    else S.selected.clear();
    S.list.setItems(S.view);
    updateCounts();
  });
  $('#bulk-approve').addEventListener('click', () => decideSelected('approve'));
  $('#bulk-deny').addEventListener('click', () => decideSelected('deny'));
  $('#bulk-clear').addEventListener('click', () => { S.selected.clear(); $('#q-select-all').checked = false; S.list.setItems(S.view); updateCounts(); });

  $('#act-approve').addEventListener('click', () => decide(S.view[S.cur], 'approve'));
  $('#act-deny').addEventListener('click', () => decide(S.view[S.cur], 'deny'));
  $('#act-timeout').addEventListener('click', () => userAction(S.view[S.cur], 'timeout'));
  $('#act-ban').addEventListener('click', () => userAction(S.view[S.cur], 'ban'));
  $('#act-lift').addEventListener('click', () => userAction(S.view[S.cur], 'lift'));
  $('#act-duration').addEventListener('change', (e) => { $('#act-custom-wrap').hidden = e.target.value !== 'custom'; });

  $('#d-spans').addEventListener('click', (e) => {
    const b = e.target.closest('[data-pattern]');
    if (!b) return;
    $('#span-pattern').value = b.dataset.pattern;
    $('#span-pattern').focus();
  });
  $('#use-selection').addEventListener('mousedown', (e) => e.preventDefault()); // keep the selection
  $('#use-selection').addEventListener('click', () => {
    const sel = window.getSelection();
    const text = sel && $('#d-text').contains(sel.anchorNode) ? sel.toString() : '';
    if (text.trim()) $('#span-pattern').value = patternFromText(text);
    else announce(tr('console.span.noSelection'));
    $('#span-pattern').focus();
  });
  for (const mode of ['block', 'permit']) {
    $(`#span-${mode}`).addEventListener('click', async () => {
      try {
        await addTerm({ pattern: $('#span-pattern').value, mode, expiresAt: null });
        $('#span-pattern').value = '';
      } catch (e) {
        announce(errorText(e));
      }
    });
  }

  // Settings
  $('#level-overall').addEventListener('change', (e) => saveSettings({ ...S.settings, level: Number(e.target.value) }, { detail: `level ${e.target.value}` })
    .then(() => announce(tr('console.result.saved'))).catch((err) => announce(errorText(err))));
  $('#level-cats').addEventListener('change', (e) => {
    const cat = e.target.dataset.cat;
    if (!cat) return;
    const levels = { ...S.settings.levels };
    if (e.target.value === '') delete levels[cat];
    else levels[cat] = Number(e.target.value);
    saveSettings({ ...S.settings, levels }, { detail: `${cat} ${e.target.value || 'inherit'}` })
      .then(() => announce(tr('console.result.saved'))).catch((err) => announce(errorText(err)));
  });
  $('#term-expiry').addEventListener('change', (e) => { $('#term-date-wrap').hidden = e.target.value !== 'date'; });
  $('#term-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const err = $('#term-error');
    err.textContent = '';
    const input = $('#term-pattern');
    input.removeAttribute('aria-invalid');
    const ex = $('#term-expiry').value;
    let expiresAt = null;
    if (ex === 'date') {
      const ms = $('#term-date').value ? new Date($('#term-date').value).getTime() : NaN;
      if (!Number.isFinite(ms) || ms <= Date.now()) {
        err.textContent = tr('console.error.field', { field: tr('console.term.date'), problem: tr('console.error.term.future') });
        return;
      }
      expiresAt = ms;
    } else if (ex) expiresAt = Date.now() + Number(ex);
    try {
      checkPattern(input.value, tr('console.term.pattern'));
      await addTerm({ pattern: input.value, mode: $('#term-mode').value, expiresAt });
      input.value = '';
    } catch (e2) {
      input.setAttribute('aria-invalid', 'true');
      err.textContent = errorText(e2);
      input.focus();
    }
  });
  $('#terms-body').addEventListener('click', (e) => {
    const b = e.target.closest('[data-remove]');
    if (b) removeTerm(b.dataset.remove).catch((err) => announce(errorText(err)));
  });
  $('#settings-export').addEventListener('click', () => {
    download(`etalase-moderation-settings-${stamp()}.json`, 'application/json', exportSettings(S.settings));
    announce(tr('console.result.exported'));
  });
  $('#settings-import').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    const err = $('#import-error');
    err.textContent = '';
    if (!file) return;
    try {
      // Everything is checked before anything is replaced.
      const clean = parseSettingsImport(await file.text());
      await refuseCoreRejects(clean.terms, (i) => `settings.terms[${i}].pattern`);
      await saveSettings(clean, { what: 'import', detail: file.name });
      announce(tr('console.result.imported', { n: clean.terms.length }));
    } catch (e2) {
      err.textContent = tr('console.error.import', { file: file.name, detail: errorText(e2) });
    }
  });

  // Stats and audit
  $('#stats-category').addEventListener('change', renderStats);
  $('#audit-export').addEventListener('click', async () => {
    try {
      const rows = await S.store.listAudit();
      download(`etalase-audit-${stamp()}.csv`, 'text/csv;charset=utf-8', `\ufeff${auditToCsv(rows)}`);
      announce(tr('console.result.auditExported', { n: rows.length }));
    } catch (e) {
      announce(errorText(e));
    }
  });

  // Tabs: arrows move between them.
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      e.stopPropagation();
      selectTab(tabs[(to + tabs.length) % tabs.length], true);
    });
  }

  // Moderator name
  const nameInput = $('#mod-name');
  nameInput.value = S.name;
  nameInput.addEventListener('change', () => {
    const v = nameInput.value.trim().slice(0, 60);
    if (!v) { nameInput.value = S.name; return; }
    S.name = v;
    try { localStorage.setItem(NAME_KEY, v); } catch { /* private mode: this tab only */ }
    announce(tr('console.result.name', { name: v }));
  });

  $('select[name="locale"]').addEventListener('change', async (e) => {
    S.t = await createTranslator(e.target.value);
    S.cache.clear();
    try { localStorage.setItem(LOCALE_KEY, e.target.value); } catch { /* ignore */ }
    applyStrings();
    S.list.setItems(S.view);
    renderDetail();
    updateCounts();
    if (panelVisible('#panel-stats')) renderStats();
    if (panelVisible('#panel-audit')) renderAudit();
  });

  window.addEventListener('resize', () => S.list.refresh());
  // Term expiry shows in the list: refresh it now and then.
  setInterval(() => { if (panelVisible('#panel-settings')) renderSettings(); }, 30000);
}

function loadName() {
  let name = '';
  try { name = localStorage.getItem(NAME_KEY) || ''; } catch { /* ignore */ }
  if (!name) {
    name = `moderator-${shortId(4)}`;
    try { localStorage.setItem(NAME_KEY, name); } catch { /* ignore */ }
  }
  return name;
}

async function main() {
  let stored = '';
  try { stored = localStorage.getItem(LOCALE_KEY) || ''; } catch { /* ignore */ }
  const wanted = params.get('lang') || stored;
  const locale = LOCALES.includes(wanted) ? wanted : pickLocale(navigator.languages, 'id');
  try {
    [S.t, S.levels] = await Promise.all([createTranslator(locale), levelTable()]);
    S.name = loadName();
    applyStrings();
    wire();
    S.store = await openModStore();
    const [entries, settings, actions] = await Promise.all([S.store.loadQueue(), S.store.getSettings(), S.store.getUserActions()]);
    if (settings) S.settings = settings;
    for (const a of actions) S.userActions.set(a.user, a);
    for (const e of entries) {
      if (!e.comment.lang) e.comment = { ...e.comment, lang: guessLang(e.comment.text), langGuessed: true };
      S.byId.set(e.id, e);
    }
    S.entries = entries;
    renderSettings();
    rebuildView({ keep: false });
    S.channel = openModerationChannel(onMessage);
    // Viewers that opened before this console get the current state at once.
    S.channel.post({ type: 'state', settings: publicSettings(S.settings), userActions: [...S.userActions.values()] });
    $('#status').textContent = '';
    $('#status').hidden = true;
    document.body.dataset.ready = 'true';
  } catch (e) {
    const detail = e?.message ?? String(e);
    $('#status').textContent = S.t ? tr('console.error.load', { detail }) : await startupErrorText(locale, 'console.error.load', detail);
    $('#status').setAttribute('role', 'alert');
    document.body.dataset.ready = 'error';
    console.error(e);
  }
}

main();
