// Scanning a comment: the Aho-Corasick pass over the match view's runs (and the alternative
// readings of trailing leetspeak), word and affix checks, and push, which records a match.
// Its own file: the per-comment hot path of word matching.
#include <cstdint>
#include <vector>

#include "core/moderation/engine.h"

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

}  // namespace

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

// An allow phrase names a literal, clean text: it cancels matches only where the text is
// written as the phrase is, with no letter repeated more ("nigger river" is not the allow
// phrase "niger river") and 'l' and 'i' as written ("talk" is not "taik").
bool Engine::allow_literal(uint32_t first, const PatInfo& p, uint32_t len) const {
  const RunVec& runs = nt_.runs;
  const uint32_t* cnt = &pat_counts_[p.counts];
  const char32_t* letter = &pat_letters_[p.counts];
  const CharView ch = nt_.view();
  for (uint32_t k = 0; k < len; ++k) {
    const Run& r = runs[first + k];
    if (r.sym == ' ') continue;
    if (r.count != cnt[k]) return false;
    if (r.sym == 'i' && (ch[r.first].cp != (letter[k] & 0x1FFFFF) || ch[r.last].cp != letter[k] >> 21)) return false;
  }
  return true;
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
      if (allow_literal(first, p, len)) covers_.push_back(Cover{nt_.run_o16(first), nt_.run_o16_end(last), false});
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
    st = ac_.next(table, st, ac_.symbol(r->sym));
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
      // From `trail` on, leet chars read as letters (letters stay as they are).
      char32_t s = i >= trail && ch[i].cls != kClsLetter ? leet_letter(ch[i].cp) : ch[i].sym;
      if (s == 0) s = ch[i].sym;
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
    // Moderator terms read the same way as lexicon words: "pr0m0" is the term "promo".
    match_terms(ts_);
    nt_.runs.swap(alt_runs_);
  }
}

}  // namespace etalase
