// Rule family: gambling by its words ("depo 10rb", "wd 500k") and brand-like names
// ("zeus88"). Its own file; gambling sites by their shape are in rule_gambling_shape.cpp.
#include <string>

#include "core/moderation/engine.h"
#include "core/moderation/rule_lists.h"

namespace etalase {

void Engine::rule_gambling() {
  const CharView ch = nt_.view();
  const RunVec& runs = nt_.runs;
  uint32_t n = uint32_t(ch.size());
  // "depo 10rb", "wd 500k": the word followed by an amount.
  if (has_feature(kFeatDepo) || has_feature(kFeatWd)) {
    for (const FeatHit& f : feats_) {
      if (f.feature != kFeatDepo && f.feature != kFeatWd) continue;
      uint32_t i = runs[f.last].last + 1;
      int skipped = 0;
      while (i < n && skipped < 3 && (ch[i].cls == kClsSpace || ch[i].cp == ':' || ch[i].cp == '-')) ++i, ++skipped;
      if (i >= n || !(ch[i].cp >= '0' && ch[i].cp <= '9')) continue;
      while (i < n && (ch[i].cls == kClsDigit || ch[i].cls == kClsLetter || ch[i].cp == '.')) ++i;
      push(nt_.run_o16(f.first), ch[i - 1].o16_end, f.feature == kFeatDepo ? r_.depo : r_.wd,
           uint8_t(Category::gambling), 3);
    }
  }
  // Brand-like names: letters + 2-3 digits ("zeus88", "hoki138"). A known stem decides
  // alone; any other name ("budi88", a normal username) only next to other gambling signs.
  if (!nt_.has_alnum_token) return;
  bool context = gambling_seen_ || has_feature(kFeatGambling) || has_feature(kFeatDepo) || has_feature(kFeatWd);
  std::string stem;
  for (const Token& t : nt_.tokens) {
    if (!t.letters || !t.digits || t.end - t.begin > 15) continue;
    uint32_t m = t.begin;
    while (m < t.end && ch[m].cls == kClsLetter && ch[m].cp < 0x80) ++m;
    uint32_t letters = m - t.begin, digits = t.end - m;
    if (letters < 2 || letters > 12 || digits < 2 || digits > 3) continue;
    bool all_digits = true;
    for (uint32_t k = m; k < t.end; ++k) all_digits &= ch[k].cp >= '0' && ch[k].cp <= '9';
    if (!all_digits) continue;
    stem.clear();
    for (uint32_t k = t.begin; k < m; ++k) stem.push_back(char(ch[k].cp));
    bool known = in_list(stem, brand_stems_);
    if (!known) {
      for (const char* s : {"slot", "gacor", "hoki", "zeus", "bet", "togel", "maxwin", "jp"}) {
        if (stem.find(s) != std::string::npos) known = true;
      }
    }
    if (known || context) push(ch[t.begin].o16, ch[t.end - 1].o16_end, r_.brand, uint8_t(Category::gambling), 3);
  }
}

}  // namespace etalase
