// One comment through every stage in order (Engine::moderate_into): fold, scan, rules,
// moderator terms, the flood step, then the policy (engine_policy.cpp). Its own file: the
// driver of the pipeline, the one place that shows the stages' order.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "core/moderation/engine.h"
#include "core/text/utf8.h"

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
  scan();
  scan_alternatives();
  match_censored();
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

}  // namespace etalase
