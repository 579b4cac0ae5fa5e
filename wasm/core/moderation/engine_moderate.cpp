// One comment through every stage in order (Engine::moderate_into): fold, scan, rules,
// moderator terms, the flood step, then the policy (engine_policy.cpp). Its own file: the
// driver of the pipeline, the one place that shows the stages' order.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "core/moderation/engine.h"
#include "core/text/utf8.h"
#include "core/text/visual_order.h"

namespace etalase {

namespace {

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
  ts_ = c.ts;
  scan();
  scan_alternatives();
  match_censored();
  run_rules();
  match_terms(c.ts);

  if (!c.user.empty()) {
    // Without a time the comments' order stands in for one (a millisecond apart): repeats
    // and same-text floods still count, but a rate per 30 s means nothing and is not judged.
    const bool timed = c.ts >= 0 && std::isfinite(c.ts);
    arrival_ts_ += 0.001;
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
    unsigned hit = flood_.observe(user, h, syms >= opt_.flood.same_text_min_length, timed ? c.ts : arrival_ts_);
    if (!timed) hit &= ~unsigned(FloodTracker::kRate);
    uint32_t end = nt_.utf16_len;
    if (hit & FloodTracker::kRate) push(0, end, r_.flood_rate, uint8_t(Category::flood), 3, kOriginMessage);
    if (hit & FloodTracker::kRepeat) push(0, end, r_.flood_repeat, uint8_t(Category::flood), 3, kOriginMessage);
    if (hit & FloodTracker::kSameText) push(0, end, r_.flood_same, uint8_t(Category::flood), 2, kOriginMessage);
  }
  // Bidi controls are not ASCII: plain chat never takes the display-order pass.
  if (!nt_.ascii) scan_visual_order(text);
  finish(c, text, truncated, out);
}

// Text with explicit bidi controls is also moderated in the order a browser displays it
// ("\u202Egnijna\u202C" shows "anjing"); what that pass finds joins the logical pass's
// findings, its spans mapped back to the original text. It runs last, so the flood step and
// the policy see the logical pass's text, and the display order only adds matches.
void Engine::scan_visual_order(std::string_view text) {
  if (!has_bidi_controls(text) || !utf8::valid(text) || !visual_order(text, vis_text_, vis_map_)) return;
  // The logical pass's findings wait aside while the display order is scanned.
  bidi_matches_.swap(matches_);
  bidi_covers_.swap(covers_);
  matches_.clear();
  covers_.clear();
  feats_.clear();
  feat_mask_ = 0;
  gambling_seen_ = false;
  norm_.normalize(vis_text_, vis_text_.size(), nt_, force_icu_);
  text_ = vis_text_;
  scan();
  scan_alternatives();
  match_censored();
  run_rules();
  auto to_logical = [&](uint32_t& b, uint32_t& e) {
    uint32_t lo = UINT32_MAX, hi = 0;
    for (uint32_t v = b; v < e && v < vis_map_.size(); ++v) {
      lo = std::min(lo, vis_map_[v]);
      hi = std::max(hi, vis_map_[v] + 1);
    }
    if (lo == UINT32_MAX) lo = hi = 0;
    b = lo;
    e = hi;
  };
  for (Match m : matches_) {
    if (m.origin == kOriginMessage) continue;  // caps, emoji floods: the logical pass sees them too
    to_logical(m.o16, m.o16_end);
    bidi_matches_.push_back(m);
  }
  for (Cover cv : covers_) {
    to_logical(cv.o16, cv.o16_end);
    bidi_covers_.push_back(cv);
  }
  matches_.swap(bidi_matches_);
  covers_.swap(bidi_covers_);
}

}  // namespace etalase
