// Rule family: contact by messenger handle ("ig: budi.shop", "tele @budi", "add line budi88").
// Its own file: one rule, read after a messenger's name.
#include <string>

#include "core/moderation/engine.h"
#include "core/moderation/rule_lists.h"

namespace etalase {

void Engine::rule_handles() {
  const CharView ch = nt_.view();
  const RunVec& runs = nt_.runs;
  uint32_t n = uint32_t(ch.size());
  auto skip_spaces = [&](uint32_t i) {
    int k = 0;
    while (i < n && ch[i].cls == kClsSpace && k < 3) ++i, ++k;
    return i;
  };
  auto word_at = [&](uint32_t i, uint32_t* end) {
    uint32_t j = i;
    while (j < n && ch[j].cls == kClsLetter && ch[j].cp < 0x80) ++j;
    *end = j;
    return j;
  };
  for (size_t fi = 0; fi < feats_.size(); ++fi) {
    const FeatHit& f = feats_[fi];
    if (f.feature != kFeatApp && f.feature != kFeatAppWeak) continue;
    uint32_t i = skip_spaces(runs[f.last].last + 1);
    // One filler word: "ig nya @budi", "line aku: budi88".
    uint32_t we;
    word_at(i, &we);
    if (we > i) {
      std::string w;
      for (uint32_t k = i; k < we; ++k) w.push_back(char(ch[k].cp));
      if (in_list(w, handle_fillers_)) i = skip_spaces(we);
    }
    bool strong = false;
    if (i < n && (ch[i].cp == ':' || ch[i].cp == '=')) {
      strong = true;
      i = skip_spaces(i + 1);
    }
    if (i < n && ch[i].cp == '@') {
      strong = true;
      ++i;
    }
    if (i >= n || ch[i].cp == '.') continue;
    uint32_t j = i;
    bool mixed = false, letters = false;
    while (j < n && ch[j].cp < 0x80 &&
           (ch[j].cls == kClsLetter || ch[j].cls == kClsDigit || ch[j].cp == '.' || ch[j].cp == '_')) {
      mixed |= ch[j].cls != kClsLetter;
      letters |= ch[j].cls == kClsLetter;
      ++j;
    }
    while (j > i && ch[j - 1].cp == '.') --j;
    if (j - i < 3 || !letters) continue;
    bool add_before = false;
    for (const FeatHit& a : feats_) {
      if (a.feature == kFeatAdd && a.last < f.first && words_between(a.last, f.first) <= 1) add_before = true;
    }
    if (!(strong || add_before || (f.feature == kFeatApp && mixed))) continue;
    push(nt_.run_o16(f.first), ch[j - 1].o16_end, r_.handle, uint8_t(Category::contact), 3);
  }
}

}  // namespace etalase
