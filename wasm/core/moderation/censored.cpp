// Words respelled past a word filter: self-censored ("k*nt*l", "*nj*ng", "f**k": a star
// reads as any letter to whoever sees it) and spelled with symbols ("mamp|_|s", "kampr€+",
// "+aik"). Its own stage: the automaton cannot hold wildcards and the symbols are ordinary
// punctuation elsewhere, so such a word is compared, letter by letter, with the single-word
// lexicon terms of its length (built at load, by length).

#include "core/moderation/engine.h"

namespace etalase {

void Engine::add_censor_term(std::string_view term, const PatInfo& info) {
  if (term.size() < 3 || term.size() > kCensorMaxLen) return;
  for (char c : term) {
    if (c < 'a' || c > 'z') return;  // single plain words only
  }
  censor_terms_[term.size()].push_back(CensorTerm{std::string(term), info.rule, info.category, info.severity});
}

namespace {

// Calls f(b, e) for each maximal stretch [b, e) of folded chars that `part` accepts.
template <typename Part, typename F>
void for_each_stretch(const CharView& ch, Part part, F f) {
  const uint32_t n = ch.size();
  for (uint32_t b = 0; b < n;) {
    if (!part(b)) {
      ++b;
      continue;
    }
    uint32_t e = b;
    while (e < n && part(e)) ++e;
    f(b, e);
    b = e;
  }
}

}  // namespace

// The most severe single-word term of `len` letters that `word` spells, a '*' in it standing
// for any letter; or null.
const CensorTerm* Engine::censor_term(const char* word, uint32_t len) const {
  const CensorTerm* best = nullptr;
  for (const CensorTerm& t : censor_terms_[len]) {
    bool same = true;
    for (uint32_t i = 0; i < len && same; ++i) same = word[i] == '*' || word[i] == t.term[i];
    if (same && (!best || t.severity > best->severity)) best = &t;
  }
  return best;
}

void Engine::match_censored() {
  // One look over the bytes for the chars these stages need ('*', and '+', '|', '(').
  bool star = false, symbol = false;
  for (unsigned char c : text_) {
    star |= c == '*';
    symbol |= c == '+' || c == '|' || c == '(';
  }
  if (symbol) match_symbol_words();
  if (!star) return;
  const CharView ch = nt_.view();
  const uint32_t n = ch.size();
  auto part = [&](uint32_t i) { return ch[i].cls == kClsLetter || ch[i].cp == '*'; };
  // A whole word: nothing of a word (digit, leet symbol but '!') glued to either end.
  auto edge = [&](uint32_t i) { return ch[i].cls > kClsLeetSym || ch[i].cp == '!'; };
  char word[kCensorMaxLen + 1];
  for_each_stretch(ch, part, [&](uint32_t b, uint32_t e) {
    const bool whole = (b == 0 || edge(b - 1)) && (e == n || edge(e));
    uint32_t len = e - b, stars = 0;
    for (uint32_t i = b; i < e; ++i) stars += ch[i].cp == '*';
    if (!whole || stars == 0 || stars > len - stars || len > kCensorMaxLen || len < 3) return;
    for (uint32_t i = b; i < e; ++i) word[i - b] = ch[i].cp == '*' ? '*' : char(ch[i].cp < 0x80 ? ch[i].cp : '?');
    if (const CensorTerm* t = censor_term(word, len)) push(ch[b].o16, ch[e - 1].o16_end, t->rule, t->category, t->severity);
  });
}

// "|_|" for u, "+" for t, "(" for c, digits and leet symbols for their letters: read inside a
// word (no space), the word is looked up as its letters.
void Engine::match_symbol_words() {
  const CharView ch = nt_.view();
  auto part = [&](uint32_t i) {
    const FoldedChar f = ch[i];
    return f.cls == kClsLetter || f.cls == kClsDigit || f.cls == kClsLeetSym || f.cp == '+' || f.cp == '(' ||
           f.cp == '_';
  };
  char word[kCensorMaxLen + 1];
  for_each_stretch(ch, part, [&](uint32_t b, uint32_t e) {
    uint32_t len = 0, letters = 0, symbols = 0;
    bool ok = true;
    for (uint32_t i = b; i < e && ok; ++i) {
      const char32_t c = ch[i].cp;
      char x;
      if (c == '|' && i + 2 < e && ch[i + 1].cp == '_' && ch[i + 2].cp == '|') {
        x = 'u';
        i += 2;
        ++symbols;
      } else if (c == '+') {
        x = 't';
        ++symbols;
      } else if (c == '(') {
        x = 'c';
        ++symbols;
      } else if (ch[i].cls == kClsLetter) {
        x = c < 0x80 ? char(c) : '?';
        ++letters;
      } else {
        char32_t l = leet_letter(c);
        ok = l != 0;
        x = char(l);
      }
      if (len == kCensorMaxLen) ok = false;
      if (ok) word[len++] = x;
    }
    // (No '*' can be in these words: the lookup is exact.)
    if (!ok || symbols == 0 || !((letters >= 2 && len >= 3) || (letters >= 1 && len >= 4))) return;
    if (const CensorTerm* t = censor_term(word, len)) push(ch[b].o16, ch[e - 1].o16_end, t->rule, t->category, t->severity);
  });
}

}  // namespace etalase
