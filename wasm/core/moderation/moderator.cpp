#include "core/moderation/moderator.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/moderation/engine.h"
#include "core/moderation/levels.h"
#include "core/text/json_bytes.h"
#include "core/text/utf8.h"

namespace etalase {

namespace {

// What acting on a match of this category and severity does.
Action action_for(uint8_t category, uint8_t severity) {
  switch (Category(category)) {
    case Category::profanity:
    case Category::insult:
      return Action::mask;
    case Category::sexual:
      return severity >= 4 ? Action::hold : Action::mask;
    case Category::hate:
    case Category::threat:
      return severity >= 3 ? Action::hold : Action::mask;
    case Category::contact:
    case Category::scam:
    case Category::gambling:
    case Category::flood:
      return Action::block;
    case Category::link:
    case Category::spam:
      return Action::hold;
  }
  return Action::hold;
}

std::string_view trim_spaces(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

// UTF-16 length of `s` as the decoder sees it (one unit per bad byte).
uint32_t utf16_length(std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  uint64_t units = 0;
  for (size_t i = 0; i < s.size();) {
    if (p[i] < 0x80) {
      ++units;
      ++i;
      continue;
    }
    int len;
    bool bad;
    char32_t c = utf8::decode(p, s.size(), i, &len, &bad);
    units += utf8::utf16_units(c);
    i += size_t(len);
  }
  return uint32_t(std::min<uint64_t>(units, UINT32_MAX));
}

}  // namespace

Expected<std::unique_ptr<Moderator>> Moderator::create(const ModeratorOptions& options) {
  return Engine::make(options);
}

Expected<std::unique_ptr<Moderator>> Engine::make(const ModeratorOptions& o) {
  if (Status s = check_flood_options(o.flood); !s.ok()) return s.error();
  std::unique_ptr<Engine> e(new Engine(o));
  Status s = e->load(o);
  if (!s.ok()) return s.error();
  return std::unique_ptr<Moderator>(std::move(e));
}

Engine::Engine(const ModeratorOptions& o) : opt_(o), policy_(o.policy), flood_(o.flood) {
  if (opt_.max_comment_bytes == 0) opt_.max_comment_bytes = 1;
}

uint16_t Engine::rule_index(const std::string& id) {
  for (size_t i = 0; i < rule_ids_.size(); ++i) {
    if (rule_ids_[i] == id) return uint16_t(i);
  }
  rule_ids_.push_back(id);
  return uint16_t(rule_ids_.size() - 1);
}

Seq Engine::fold(std::string_view text) {
  Seq s;
  norm_.fold_pattern(text, &s.syms, &s.counts);
  return s;
}

void Engine::add_pattern(const Seq& s, PatInfo info) {
  if (s.syms.empty()) return;
  info.counts = uint32_t(pat_counts_.size());
  pat_counts_.insert(pat_counts_.end(), s.counts.begin(), s.counts.end());
  pats_.push_back(info);
  pat_syms_.push_back(s.syms);
}

void Engine::add_phrase(std::string_view text, PatInfo info) {
  add_pattern(fold(text), info);
  if (text.find(' ') != std::string_view::npos) {
    std::string joined;
    for (char c : text) {
      if (c != ' ' && c != '\t') joined.push_back(c);
    }
    add_pattern(fold(joined), info);
  }
}

Status Engine::load(const ModeratorOptions& o) {
  r_.too_long = rule_index("input.too_long");
  r_.term_block = rule_index("term.block");
  for (const std::string& d : o.allowed_domains) {
    std::string x;
    for (char ch : d) x.push_back(ch >= 'A' && ch <= 'Z' ? char(ch + 32) : ch);
    while (!x.empty() && (x[0] == '*' || x[0] == '.')) x.erase(0, 1);
    while (!x.empty() && x.back() == '.') x.pop_back();
    if (!x.empty()) allowed_domains_.push_back(x);
  }
  if (o.rules.empty()) {
    rule_texts_ = builtin_rule_texts();
  } else {
    for (const std::string& t : o.rules) rule_texts_.push_back(t);
  }
  if (Status s = register_rules(); !s.ok()) return s;

  std::vector<std::string_view> texts;
  if (o.lexicons.empty()) {
    texts = builtin_lexicon_texts();
  } else {
    for (const std::string& t : o.lexicons) texts.push_back(t);
  }
  for (size_t k = 0; k < texts.size(); ++k) {
    Expected<Lexicon> lx = parse_lexicon(texts[k]);
    if (!lx.ok()) return lx.error();
    Lexicon& lex = lx.value();
    AffixSet aff;
    for (const std::string& a : lex.prefixes) {
      Seq s = fold(a);
      if (!s.syms.empty()) aff.prefixes.push_back(std::move(s));
    }
    for (const std::string& a : lex.suffixes) {
      Seq s = fold(a);
      if (!s.syms.empty()) aff.suffixes.push_back(std::move(s));
    }
    affixes_.push_back(std::move(aff));
    uint16_t aff_index = uint16_t(affixes_.size() - 1);
    for (const LexiconEntry& e : lex.entries) {
      PatInfo info;
      info.affixes = aff_index;
      if (e.allow) {
        info.kind = kPatAllow;
        info.scope = uint8_t(Scope::any);
      } else {
        info.kind = kPatLexicon;
        info.scope = uint8_t(e.scope);
        info.category = uint8_t(e.category);
        info.severity = uint8_t(e.severity);
        info.rule = rule_index("lexicon." + lex.lang + "." + std::string(category_name(e.category)));
        info.frame = uint8_t((e.slot == Slot::before ? kFrameSlotBefore : 0) |
                             (e.slot == Slot::after ? kFrameSlotAfter : 0) |
                             (e.clause_start ? kFrameClauseStart : 0));
      }
      add_phrase(e.term, info);
    }
  }
  ac_.build(pat_syms_);
  pat_syms_.clear();
  pat_syms_.shrink_to_fit();
  return {};
}

// ---- matching -------------------------------------------------------------------------------

void Engine::push(uint32_t o16, uint32_t o16_end, uint16_t rule, uint8_t category, uint8_t severity,
                  uint8_t origin) {
  Match m;
  m.o16 = o16;
  m.o16_end = o16_end;
  m.rule = rule;
  m.category = category;
  m.severity = severity;
  m.action = uint8_t(category == kNoCategory ? Action::hold : action_for(category, severity));
  m.origin = origin;
  matches_.push_back(m);
  if (category == uint8_t(Category::gambling)) gambling_seen_ = true;
}

void Engine::push_runs(uint32_t first, uint32_t last, uint16_t rule, uint8_t category, uint8_t severity) {
  push(nt_.run_o16(first), nt_.run_o16_end(last), rule, category, severity);
}

namespace {
// Matches `q` (from its element `from`) against runs starting at run `r`; returns the run
// after the match, or SIZE_MAX.
size_t match_seq(const RunVec& runs, size_t r, const Seq& q, size_t from) {
  for (size_t k = from; k < q.syms.size(); ++k, ++r) {
    if (r >= runs.size() || runs[r].sym != q.syms[k] || runs[r].count < q.counts[k]) return SIZE_MAX;
  }
  return r;
}
// Affixes are matched strictly: inner runs exactly ("rape" + "s" + "ed" must not read
// "rapeseed"), only the outer end may be elongated ("anjingnyaaa").
size_t match_affix(const RunVec& runs, size_t r, const Seq& q, size_t from, bool open_first, bool open_last) {
  size_t n = q.syms.size();
  for (size_t k = from; k < n; ++k, ++r) {
    if (r >= runs.size() || runs[r].sym != q.syms[k]) return SIZE_MAX;
    bool open = (k == 0 && open_first) || (k + 1 == n && open_last);
    if (open ? runs[r].count < q.counts[k] : runs[r].count != q.counts[k]) return SIZE_MAX;
  }
  return r;
}
}  // namespace

bool Engine::word_ok(uint32_t first, uint32_t last, const AffixSet* aff, uint32_t last_count) const {
  const RunVec& runs = nt_.runs;
  size_t n = runs.size();
  bool start = runs[first].flags & kRunWordStart;
  if (!start && aff) {
    for (const Seq& p : aff->prefixes) {
      size_t len = p.syms.size();
      if (first < len) continue;
      size_t b = first - len;
      if (!(runs[b].flags & kRunWordStart)) continue;
      if (match_affix(runs, b, p, 0, true, false) == first) {
        start = true;
        break;
      }
    }
  }
  if (!start) return false;
  auto ends_at = [&](size_t r) { return r >= n || (runs[r].flags & kRunWordStart); };
  if (ends_at(last + 1)) return true;
  if (!aff) return false;
  uint32_t leftover = runs[last].count > last_count ? runs[last].count - last_count : 0;
  // One or two suffixes; the first may begin inside the term's last run ("tai" + "in").
  const char32_t next_sym = runs[last + 1].sym;  // there is a next run: the word goes on
  for (const Seq& s1 : aff->suffixes) {
    if (s1.syms[0] != next_sym && !(leftover > 0 && s1.syms[0] == runs[last].sym)) continue;
    for (int chain = 1; chain <= 2; ++chain) {
      bool open = chain == 1;
      size_t r = SIZE_MAX;
      if (leftover > 0 && s1.syms[0] == runs[last].sym &&
          (s1.syms.size() == 1 ? (open ? leftover >= s1.counts[0] : leftover == s1.counts[0])
                               : leftover == s1.counts[0])) {
        r = s1.syms.size() == 1 ? last + 1 : match_affix(runs, last + 1, s1, 1, false, open);
      }
      if (r == SIZE_MAX) r = match_affix(runs, last + 1, s1, 0, false, open);
      if (r == SIZE_MAX) continue;
      if (chain == 1) {
        if (ends_at(r)) return true;
        continue;
      }
      for (const Seq& s2 : aff->suffixes) {
        size_t r2 = match_affix(runs, r, s2, 0, false, true);
        if (r2 != SIZE_MAX && ends_at(r2)) return true;
      }
    }
  }
  return false;
}

void Engine::on_hit(uint32_t id, uint32_t last) {
  const PatInfo& p = pats_[id];
  uint32_t len = ac_.pattern_length(id);
  uint32_t first = last + 1 - len;
  const RunVec& runs = nt_.runs;
  const uint32_t* cnt = &pat_counts_[p.counts];
  for (uint32_t k = 0; k < len; ++k) {
    if (runs[first + k].count < cnt[k]) return;
  }
  if (p.frame) {  // whole words only: "dasarnya" is not the frame "dasar *"
    if (!alt_scan_ && word_ok(first, last, nullptr, cnt[len - 1])) on_frame(p, first, last);
    return;
  }
  if (p.scope == uint8_t(Scope::word) &&
      !word_ok(first, last, p.affixes < affixes_.size() ? &affixes_[p.affixes] : nullptr, cnt[len - 1])) {
    return;
  }
  if (alt_scan_ && p.kind != kPatLexicon && p.kind != kPatAllow) return;
  switch (p.kind) {
    case kPatLexicon:
    case kPatRule:
      push_runs(first, last, p.rule, p.category, p.severity);
      break;
    case kPatAllow:
      covers_.push_back(Cover{nt_.run_o16(first), nt_.run_o16_end(last), false});
      break;
    case kPatFeature:
      feats_.push_back(FeatHit{p.feature, p.value, first, last});
      feat_mask_ |= 1u << p.feature;
      break;
  }
}

void Engine::scan() {
  const Run* const runs = nt_.runs.data();
  const Run* const end = runs + nt_.runs.size();
  const Automaton::State* const table = ac_.table();
  Automaton::State st = ac_.start();
  for (const Run* r = runs; r != end; ++r) {
    st = Automaton::next(table, st, ac_.symbol(r->sym));
    if (Automaton::has_out(st)) on_state(st, uint32_t(r - runs));
  }
}

// Out of the scan loop, which then keeps its few values in registers across the call.
__attribute__((noinline)) void Engine::on_state(uint32_t st, uint32_t last_run) {
  for (const uint32_t *p = ac_.out_begin(st), *e = ac_.out_end(st); p != e; ++p) on_hit(*p, last_run);
}

void Engine::scan_alternatives() {
  const std::vector<uint32_t>& alt = nt_.alt_tokens;
  if (alt.empty()) return;
  const CharView ch = nt_.view();
  for (size_t k = 0; k + 2 < alt.size(); k += 3) {
    uint32_t b = alt[k], e = alt[k + 1], trail = alt[k + 2];
    alt_runs_.clear();
    for (uint32_t i = b; i < e; ++i) {
      if (ch[i].flags & kFcDropped) continue;
      char32_t s = i >= trail ? leet_letter(ch[i].cp) : ch[i].sym;
      if (s == 'l') s = 'i';
      if (!alt_runs_.empty() && alt_runs_.back().sym == s) {
        ++alt_runs_.back().count;
        alt_runs_.back().last = i;
        continue;
      }
      Run r;
      r.sym = s;
      r.count = 1;
      r.first = r.last = i;
      r.flags = uint8_t(s >= 'a' && s <= 'z' ? kRunLetter : 0);
      if (alt_runs_.empty() || !(r.flags & kRunLetter) || !(alt_runs_.back().flags & kRunLetter)) {
        r.flags |= kRunWordStart;
      }
      alt_runs_.push_back(r);
    }
    nt_.runs.swap(alt_runs_);
    alt_scan_ = true;
    scan();
    alt_scan_ = false;
    nt_.runs.swap(alt_runs_);
  }
}

// ---- moderator terms --------------------------------------------------------------------------

Status Engine::add_term(std::string_view pattern, TermMode mode, double expires_at) {
  std::string_view p = trim_spaces(pattern);
  if (p.empty()) return Error{ErrorKind::invalid_pattern, "empty term"};
  Term t;
  t.pattern = std::string(p);
  t.mode = mode;
  t.expires_at = expires_at;
  bool star_start = p.front() == '*';
  bool star_end = p.size() > 1 && p.back() == '*';
  std::string_view core = p.substr(star_start ? 1 : 0);
  if (star_end) core.remove_suffix(1);
  size_t star = core.find('*');
  if (star != std::string_view::npos) {
    if (star_start || star_end || core.find('*', star + 1) != std::string_view::npos) {
      return Error{ErrorKind::invalid_pattern,
                   "term '" + t.pattern + "': '*' may stand at the start, at the end, or once inside"};
    }
    t.head = fold(core.substr(0, star));
    t.tail = fold(core.substr(star + 1));
    t.need_start = true;
    t.need_end = false;
    if (t.tail.syms.empty()) {
      return Error{ErrorKind::invalid_pattern, "term '" + t.pattern + "' has nothing after '*'"};
    }
  } else {
    t.head = fold(core);
    t.need_start = !star_start;
    t.need_end = !star_end;
  }
  if (t.head.syms.empty()) {
    return Error{ErrorKind::invalid_pattern, "term '" + t.pattern + "' has no letters or digits"};
  }
  bool replaced = false;
  for (Term& x : terms_) {
    if (x.pattern == t.pattern) {
      x = t;
      replaced = true;
    }
  }
  if (!replaced) terms_.push_back(std::move(t));
  std::vector<std::vector<char32_t>> heads;
  for (const Term& x : terms_) heads.push_back(x.head.syms);
  term_ac_.build(heads);
  return {};
}

bool Engine::remove_term(std::string_view pattern) {
  std::string_view p = trim_spaces(pattern);
  auto it = std::find_if(terms_.begin(), terms_.end(), [&](const Term& t) { return t.pattern == p; });
  if (it == terms_.end()) return false;
  terms_.erase(it);
  std::vector<std::vector<char32_t>> heads;
  for (const Term& x : terms_) heads.push_back(x.head.syms);
  term_ac_.build(heads);
  return true;
}

void Engine::match_terms(double ts) {
  if (terms_.empty()) return;
  const RunVec& runs = nt_.runs;
  uint32_t n = uint32_t(runs.size());
  auto word_start = [&](uint32_t r) { return r >= n || (runs[r].flags & kRunWordStart); };
  Automaton::State st = term_ac_.start();
  for (uint32_t r = 0; r < n; ++r) {
    st = term_ac_.next(st, term_ac_.symbol(runs[r].sym));
    if (!Automaton::has_out(st)) continue;
    for (const uint32_t *p = term_ac_.out_begin(st), *e = term_ac_.out_end(st); p != e; ++p) {
      const Term& t = terms_[*p];
      if (t.expires_at >= 0 && ts >= 0 && ts >= t.expires_at) continue;
      uint32_t len = uint32_t(t.head.syms.size());
      uint32_t first = r + 1 - len;
      bool ok = true;
      for (uint32_t k = 0; k < len && ok; ++k) ok = runs[first + k].count >= t.head.counts[k];
      if (!ok) continue;
      if (t.need_start && !word_start(first)) continue;
      if (t.need_end && !word_start(r + 1)) continue;
      // The whole word(s) the match lies in.
      uint32_t ws = first, we = r;
      while (ws > 0 && !word_start(ws)) --ws;
      while (we + 1 < n && !word_start(we + 1)) ++we;
      if (!t.tail.syms.empty()) {
        uint32_t tl = uint32_t(t.tail.syms.size());
        if (we + 1 < tl || we + 1 - tl <= r) continue;
        if (match_seq(runs, we + 1 - tl, t.tail, 0) != we + 1) continue;
      }
      uint32_t o16 = nt_.run_o16(ws), o16_end = nt_.run_o16_end(we);
      if (t.mode == TermMode::permit) {
        covers_.push_back(Cover{o16, o16_end, true});
      } else {
        push(o16, o16_end, r_.term_block, kNoCategory, 4, kOriginTerm);
      }
    }
  }
}

// ---- one comment -------------------------------------------------------------------------------

Verdict Engine::moderate(const Comment& c) {
  Verdict v;
  moderate_into(c, v);
  return v;
}

void Engine::moderate_into(const Comment& c, Verdict& out) {
  out.action = Action::allow;
  out.categories = CategorySet{};
  out.spans.clear();
  out.reasons.clear();
  out.masked.clear();
  matches_.clear();
  covers_.clear();
  feats_.clear();
  feat_mask_ = 0;
  gambling_seen_ = false;

  size_t cap = opt_.max_comment_bytes;
  bool truncated = c.text.size() > cap;
  norm_.normalize(c.text, cap, nt_, force_icu_);
  std::string_view text = c.text.substr(0, nt_.bytes);
  text_ = text;
  if (truncated) {
    uint32_t rest = utf16_length(c.text.substr(nt_.bytes));
    push(nt_.utf16_len, nt_.utf16_len + rest, r_.too_long, uint8_t(Category::spam), 4, kOriginMessage);
    matches_.back().action = uint8_t(Action::block);
  }
  scan();
  scan_alternatives();
  run_rules();
  match_terms(c.ts);

  if (!c.user.empty() && c.ts >= 0 && std::isfinite(c.ts)) {
    uint64_t h = 0x9e3779b97f4a7c15ull;
    size_t syms = 0;
    const RunVec& runs = nt_.runs;
    size_t b = 0, e = runs.size();
    while (b < e && runs[b].sym == ' ') ++b;
    while (e > b && runs[e - 1].sym == ' ') --e;
    for (size_t i = b; i < e; ++i) {
      h = (h ^ runs[i].sym) * 0x100000001b3ull;
      h ^= h >> 31;
      ++syms;
    }
    uint64_t user = hash_bytes(c.user.data(), c.user.size());
    unsigned hit = flood_.observe(user, h, syms >= opt_.flood.same_text_min_length, c.ts);
    uint32_t end = nt_.utf16_len;
    if (hit & FloodTracker::kRate) push(0, end, r_.flood_rate, uint8_t(Category::flood), 3, kOriginMessage);
    if (hit & FloodTracker::kRepeat) push(0, end, r_.flood_repeat, uint8_t(Category::flood), 3, kOriginMessage);
    if (hit & FloodTracker::kSameText) push(0, end, r_.flood_same, uint8_t(Category::flood), 2, kOriginMessage);
  }
  finish(c, text, truncated, out);
}

void Engine::finish(const Comment&, std::string_view text, bool, Verdict& out) {
  // Allow phrases and permitted terms cancel what they cover.
  if (!covers_.empty()) {
    size_t k = 0;
    for (const Match& m : matches_) {
      bool covered = false;
      if (m.origin != kOriginMessage) {
        for (const Cover& c : covers_) {
          if (c.o16 <= m.o16 && m.o16_end <= c.o16_end && (m.origin == kOriginWord || c.permit)) {
            covered = true;
            break;
          }
        }
      }
      if (!covered) matches_[k++] = m;
    }
    matches_.resize(k);
  }

  // Policy.
  acted_.clear();
  for (const Match& m : matches_) {
    if (m.origin == kOriginTerm || m.rule == r_.too_long) {
      acted_.push_back(m);
      continue;
    }
    int level = std::min(std::max(policy_.level_for(Category(m.category)), kLevelMin), kLevelMax);
    if (!level_acts(level, Category(m.category), m.severity)) continue;
    acted_.push_back(m);
    if (level_holds_masks(level) && acted_.back().action == uint8_t(Action::mask)) {
      acted_.back().action = uint8_t(Action::hold);
    }
  }
  if (acted_.empty()) {
    if (nt_.ascii) out.masked.append(text.data(), text.size());  // ASCII is valid UTF-8
    else utf8::append_sanitized(out.masked, text);
    return;
  }
  std::sort(acted_.begin(), acted_.end(), [](const Match& a, const Match& b) {
    if (a.o16 != b.o16) return a.o16 < b.o16;
    if (a.o16_end != b.o16_end) return a.o16_end < b.o16_end;
    return a.rule < b.rule;
  });
  Action action = Action::allow;
  const Match* prev = nullptr;
  for (const Match& m : acted_) {
    action = std::max(action, Action(m.action));
    if (m.category != kNoCategory) out.categories.add(Category(m.category));
    if (prev && prev->o16 == m.o16 && prev->o16_end == m.o16_end && prev->rule == m.rule) continue;
    prev = &m;
    out.spans.push_back(Span{m.o16, m.o16_end, rule_ids_[m.rule]});
    const std::string& id = rule_ids_[m.rule];
    if (std::find(out.reasons.begin(), out.reasons.end(), id) == out.reasons.end()) out.reasons.push_back(id);
  }
  out.action = action;

  // Masked text: every code point that starts inside an acted span becomes '*'.
  ivals_.clear();
  for (const Match& m : acted_) {
    if (m.o16 >= m.o16_end) continue;
    if (!ivals_.empty() && m.o16 <= ivals_.back()) {
      ivals_.back() = std::max(ivals_.back(), m.o16_end);
    } else {
      ivals_.push_back(m.o16);
      ivals_.push_back(m.o16_end);
    }
  }
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t iv = 0;
  uint32_t o16 = 0;
  out.masked.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    int len;
    bool bad;
    char32_t cp = utf8::decode(p, text.size(), i, &len, &bad);
    while (iv < ivals_.size() && ivals_[iv + 1] <= o16) iv += 2;
    bool star = iv < ivals_.size() && ivals_[iv] <= o16 && o16 < ivals_[iv + 1];
    if (star) out.masked.push_back('*');
    else if (bad) utf8::append(out.masked, utf8::kReplacement);
    else out.masked.append(text.data() + i, size_t(len));
    o16 += utf8::utf16_units(cp);
    i += size_t(len);
  }
}

// ---- JSON ------------------------------------------------------------------------------------

namespace {

// Output is written straight into the string: it is grown once to an upper bound of what
// one call can write, filled through a pointer, then cut to the bytes used (no append per
// piece).

// True when `s` goes out as is: printable ASCII without '"' and '\\' (the common case).
// Eight bytes at a time: the comment text is most of every verdict line.
inline bool json_plain(std::string_view s) {
  // Non-ASCII bytes (high bit set) do not go out as is either.
  auto special = [](uint64_t x) { return (x & 0x8080808080808080ull) | json_escape_bytes(x); };
  const char* p = s.data();
  const size_t n = s.size();
  if (n >= 8) {
    uint64_t bad = 0, x;
    for (size_t i = 0; i + 8 <= n; i += 8) {
      std::memcpy(&x, p + i, 8);
      bad |= special(x);
    }
    std::memcpy(&x, p + n - 8, 8);  // the last 8 bytes cover the rest
    return (bad | special(x)) == 0;
  }
  if (n >= 4) {  // ids are short: two overlapping 4-byte loads cover 4 to 7 bytes
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return special(uint64_t(hi) << 32 | lo) == 0;
  }
  unsigned bad = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned c = static_cast<unsigned char>(p[i]);
    bad |= unsigned(c - 0x20u >= 0x60u) | unsigned(c == '"') | unsigned(c == '\\');
  }
  return bad == 0;
}

// Room a JSON string literal of `s` may take: 6 bytes per input byte covers "\u00XX", "\uFFFD"
// for a bad byte and the \u escapes of 2- to 4-byte sequences (at most 12 for 4 bytes).
inline size_t json_bound(std::string_view s, bool plain) { return (plain ? s.size() : 6 * s.size()) + 2; }

inline char* put(char* w, const char* s, size_t n) {
  std::memcpy(w, s, n);
  return w + n;
}
template <size_t N>
inline char* put(char* w, const char (&lit)[N]) {
  return put(w, lit, N - 1);
}

// `ascii` writes every non-ASCII code point as \uXXXX (a surrogate pair above U+FFFF), so the
// output is pure ASCII: a JS TextDecoder then makes a one-byte string without decoding.
char* write_escaped_string(char* w, std::string_view s, bool ascii);
inline char* write_json_string(char* w, std::string_view s, bool plain, bool ascii = false) {
  if (!plain) return write_escaped_string(w, s, ascii);
  *w++ = '"';
  w = put(w, s.data(), s.size());
  *w++ = '"';
  return w;
}

// The string with escapes, out of line: most strings are plain, and this larger body would
// otherwise weigh on each of their calls.
__attribute__((noinline)) char* write_escaped_string(char* w, std::string_view s, bool ascii) {
  static const char* hex = "0123456789abcdef";
  *w++ = '"';
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Copy a stretch of plain ASCII at once.
    size_t j = i;
    while (j < n && p[j] >= 0x20 && p[j] < 0x80 && p[j] != '"' && p[j] != '\\') ++j;
    w = put(w, s.data() + i, j - i);
    i = j;
    if (i >= n) break;
    unsigned char c = p[i];
    if (c == '"' || c == '\\') {
      *w++ = '\\';
      *w++ = char(c);
      ++i;
    } else if (c < 0x20) {
      w = put(w, "\\u00");
      *w++ = hex[c >> 4];
      *w++ = hex[c & 15];
      ++i;
    } else {
      int len;
      bool bad;
      char32_t cp = utf8::decode(p, n, i, &len, &bad);
      if (ascii) {
        if (bad) cp = 0xFFFD;
        auto u4 = [&](uint32_t u) {
          w = put(w, "\\u");
          for (int sh = 12; sh >= 0; sh -= 4) *w++ = hex[(u >> sh) & 15];
        };
        if (cp >= 0x10000) {
          u4(0xD800 + ((cp - 0x10000) >> 10));
          u4(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
          u4(cp);
        }
      } else if (bad) w = put(w, "\xEF\xBF\xBD");
      else if (cp == 0x2028) w = put(w, "\\u2028");
      else if (cp == 0x2029) w = put(w, "\\u2029");
      else w = put(w, s.data() + i, size_t(len));
      i += size_t(len);
    }
  }
  *w++ = '"';
  return w;
}

char* write_uint(char* w, uint32_t x) {
  char num[16];
  int k = 0;
  do {
    num[k++] = char('0' + x % 10);
    x /= 10;
  } while (x);
  while (k) *w++ = num[--k];
  return w;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  bool plain = json_plain(s);
  size_t old = out.size();
  out.resize(old + json_bound(s, plain));
  char* w = write_json_string(&out[old], s, plain);
  out.resize(size_t(w - out.data()));
}

size_t verdict_json_bound(std::string_view id, const Verdict& v) {
  // The worst case, without looking at the bytes: room costs nothing until it is written.
  size_t bound = 64 + json_bound(id, false) + json_bound(v.masked, false) + kCategoryCount * 16;
  for (const Span& sp : v.spans) bound += 32 + json_bound(sp.rule, false);
  return bound;
}

char* write_verdict_json(char* w, std::string_view id, const Verdict& v, JsonText text) {
  bool ascii = text == JsonText::ascii;
  w = put(w, "{\"id\":");
  w = write_json_string(w, id, json_plain(id), ascii);
  if (v.action == Action::allow && v.spans.empty() && v.categories.empty()) {
    // Most comments: everything between the id and the text is always the same.
    w = put(w, ",\"action\":\"allow\",\"categories\":[],\"spans\":[],\"masked\":");
    w = write_json_string(w, v.masked, json_plain(v.masked), ascii);
    *w++ = '}';
    return w;
  }
  w = put(w, ",\"action\":\"");
  const char* an = action_name(v.action);
  w = put(w, an, std::strlen(an));
  w = put(w, "\",\"categories\":[");
  bool first = true;
  for (int i = 0; i < kCategoryCount; ++i) {
    if (!v.categories.has(Category(i))) continue;
    if (!first) *w++ = ',';
    first = false;
    *w++ = '"';
    std::string_view name = category_name(Category(i));
    w = put(w, name.data(), name.size());
    *w++ = '"';
  }
  w = put(w, "],\"spans\":[");
  for (size_t i = 0; i < v.spans.size(); ++i) {
    if (i) *w++ = ',';
    *w++ = '[';
    w = write_uint(w, v.spans[i].start);
    *w++ = ',';
    w = write_uint(w, v.spans[i].end);
    *w++ = ',';
    w = write_json_string(w, v.spans[i].rule, json_plain(v.spans[i].rule), ascii);
    *w++ = ']';
  }
  w = put(w, "],\"masked\":");
  w = write_json_string(w, v.masked, json_plain(v.masked), ascii);
  *w++ = '}';
  return w;
}

void append_verdict_json(std::string& out, std::string_view id, const Verdict& v) {
  size_t old = out.size();
  out.resize(old + verdict_json_bound(id, v));
  char* w = write_verdict_json(&out[old], id, v);
  out.resize(size_t(w - out.data()));
}

std::string verdict_to_json(std::string_view id, const Verdict& v) {
  std::string out;
  append_verdict_json(out, id, v);
  return out;
}

}  // namespace etalase
