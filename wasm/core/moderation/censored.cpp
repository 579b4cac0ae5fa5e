// Self-censored words: "k*nt*l", "*nj*ng", "f**k". Viewers star out letters to slip past
// filters that match whole words, and a star reads as any letter to whoever sees it. Its
// own stage: the automaton cannot hold wildcards, so a starred word is compared, letter by
// letter, with the single-word lexicon terms of its length (built at load, by length).
#include <cstring>

#include "core/moderation/engine.h"

namespace etalase {

void Engine::add_censor_term(std::string_view term, const PatInfo& info) {
  if (term.size() < 3 || term.size() > kCensorMaxLen) return;
  for (char c : term) {
    if (c < 'a' || c > 'z') return;  // single plain words only
  }
  censor_terms_[term.size()].push_back(CensorTerm{std::string(term), info.rule, info.category, info.severity});
}

void Engine::match_censored() {
  if (text_.empty() || !std::memchr(text_.data(), '*', text_.size())) return;
  const CharView ch = nt_.view();
  const uint32_t n = ch.size();
  auto part = [&](uint32_t i) { return ch[i].cls == kClsLetter || ch[i].cp == '*'; };
  char word[kCensorMaxLen + 1];
  for (uint32_t b = 0; b < n;) {
    if (!part(b)) {
      ++b;
      continue;
    }
    uint32_t e = b;
    while (e < n && part(e)) ++e;
    // A whole word: nothing of a word (digit, leet symbol) glued to either end.
    const bool whole = (b == 0 || ch[b - 1].cls > kClsLeetSym) && (e == n || ch[e].cls > kClsLeetSym);
    uint32_t len = e - b, stars = 0;
    for (uint32_t i = b; i < e; ++i) stars += ch[i].cp == '*';
    if (whole && stars > 0 && stars <= len - stars && len <= kCensorMaxLen && len >= 3) {
      for (uint32_t i = b; i < e; ++i) word[i - b] = ch[i].cp == '*' ? '*' : char(ch[i].cp < 0x80 ? ch[i].cp : '?');
      const CensorTerm* best = nullptr;
      for (const CensorTerm& t : censor_terms_[len]) {
        bool same = true;
        for (uint32_t i = 0; i < len && same; ++i) same = word[i] == '*' || word[i] == t.term[i];
        if (same && (!best || t.severity > best->severity)) best = &t;
      }
      if (best) push(ch[b].o16, ch[e - 1].o16_end, best->rule, best->category, best->severity);
    }
    b = e;
  }
}

}  // namespace etalase
