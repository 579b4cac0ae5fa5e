// Rule family: scams (transfers to an account number, prizes, OTP requests). Its own file:
// the rules that combine feature words with an account number or with each other.
#include <algorithm>

#include "core/moderation/engine.h"

namespace etalase {

void Engine::rule_transfer() {
  const CharView ch = nt_.view();
  const RunVec& runs = nt_.runs;
  uint32_t n = uint32_t(ch.size());
  for (const FeatHit& b : feats_) {
    if (b.feature != kFeatBank && b.feature != kFeatAccount) continue;
    const FeatHit* t = nullptr;
    for (const FeatHit& x : feats_) {
      if (x.feature == kFeatTransfer && x.last < b.first && words_between(x.last, b.first) <= 6) t = &x;
    }
    if (!t && b.feature != kFeatAccount) continue;
    // An account number after the bank word: >= 8 digits, single separators allowed, not a
    // price ("149.000", "Rp 1.250.000", "50rb"); prices in between are skipped.
    uint32_t i = runs[b.last].last + 1, limit = std::min(n, i + 60);
    bool found = false;
    uint32_t last = i;
    while (i < limit && !found) {
      while (i < limit && !(ch[i].cp >= '0' && ch[i].cp <= '9')) ++i;
      if (i >= limit) break;
      bool rp = i >= 2 && ch[i - 1].cp == 'p' && ch[i - 2].cp == 'r';
      rp |= i >= 3 && ch[i - 1].cls == kClsSpace && ch[i - 2].cp == 'p' && ch[i - 3].cp == 'r';
      uint32_t digits = 0, group = 0, groups = 0;
      bool thousands = true, dotted = false;
      while (i < n) {
        if (ch[i].cp >= '0' && ch[i].cp <= '9') {
          ++digits;
          ++group;
          last = i;
          ++i;
          continue;
        }
        bool sep = ch[i].cp == ' ' || ch[i].cp == '-' || ch[i].cp == '.' || ch[i].cp == ',';
        if (!sep || i + 1 >= n || !(ch[i + 1].cp >= '0' && ch[i + 1].cp <= '9')) break;
        if (ch[i].cp == '.' || ch[i].cp == ',') dotted = true;
        if (groups == 0 ? group > 3 : group != 3) thousands = false;
        ++groups;
        group = 0;
        ++i;
      }
      if (groups > 0 && group != 3) thousands = false;
      bool price = rp || (dotted && groups > 0 && thousands);
      if (i < n && ch[i].cls == kClsLetter) price = true;  // "150rb", "2jt"
      found = digits >= 8 && !price;
    }
    if (!found) continue;
    uint32_t from = t ? t->first : b.first;
    push(nt_.run_o16(from), ch[last].o16_end, r_.transfer, uint8_t(Category::scam), t ? 4 : 3);
  }
}

void Engine::rule_scam_words() {
  for (const FeatHit& f : feats_) {
    if (f.feature == kFeatOtp) {
      bool negated = false;
      for (const FeatHit& g : feats_) {
        if (g.feature == kFeatNegation && g.last < f.first && words_between(g.last, f.first) <= 4) negated = true;
      }
      if (!negated) push_runs(f.first, f.last, r_.otp, uint8_t(Category::scam), 4);
    } else if (f.feature == kFeatWinner) {
      for (const FeatHit& g : feats_) {
        if (g.feature == kFeatReach && g.first > f.last) {
          push_runs(f.first, g.last, r_.prize, uint8_t(Category::scam), 3);
          break;
        }
      }
    }
  }
}

}  // namespace etalase
