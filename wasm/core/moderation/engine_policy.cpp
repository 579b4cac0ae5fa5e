// The policy stage (Engine::finish): allow phrases and permits cancel what they cover, the
// level table decides what acts, then the verdict's action, spans, reasons and masked text.
// Its own file: everything after matching that turns matches into a verdict.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/moderation/engine.h"
#include "core/moderation/levels.h"
#include "core/text/utf8.h"

namespace etalase {

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

  // Masked text: every code point that starts inside an acted span becomes one '*' per
  // UTF-16 unit, so the masked text keeps the original's length and offsets (a page can lay
  // spans of the original over it).
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
    if (star) out.masked.append(utf8::utf16_units(cp), '*');
    else if (bad) utf8::append(out.masked, utf8::kReplacement);
    else out.masked.append(text.data() + i, size_t(len));
    o16 += utf8::utf16_units(cp);
    i += size_t(len);
  }
}

}  // namespace etalase
