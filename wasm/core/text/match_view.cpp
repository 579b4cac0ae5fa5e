// The match view (Normalizer::build_view, finish_view): single-letter joining, leetspeak and
// runs over the folded chars, plus fold_pattern, which folds lexicon terms the same way. Its
// own file: the step after folding, shared by the ASCII and ICU paths.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/normalize.h"

namespace etalase {

char32_t leet_letter(char32_t c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '6': return 'g';
    case '7': return 't';
    case '8': return 'b';
    case '9': return 'g';
    case '@': return 'a';
    case '$': return 's';
    case '!': return 'i';
    case '|': return 'i';
    default: return 0;
  }
}

namespace {

// A separator single letters are joined across: the joining class (. - _ * , ~), and '+' or
// '/' between letters ("s+l+o+t", "s/h/i/t").
bool joining(const FoldedChar& c) { return c.cls == kClsJoinSep || c.cp == '+' || c.cp == '/'; }
// A gap between single letters may also hold emoji ("k❤️a❤️m❤️p❤️r❤️e❤️t").
bool gap_char(const FoldedChar& c) { return c.cls == kClsSpace || joining(c) || (c.flags & kFcPictograph); }

// A token's trailing stretch that reads as letters: up to 3 leet chars, then perhaps
// exclamation marks ("b3g0", "jabla1!!"); "bagus!!" has none.
bool trailing_leet(const FoldedChar* ch, const uint32_t* idx, size_t len) {
  size_t core = len;
  while (core > 0 && ch[idx[core - 1]].cp == '!') --core;
  if (core == 0 || core > 3) return false;
  for (size_t r = 0; r < core; ++r) {
    if (ch[idx[r]].cp == '!') return false;
  }
  return true;
}
bool bang_only(const FoldedChar* ch, const uint32_t* idx, size_t len) {
  for (size_t r = 0; r < len; ++r) {
    if (ch[idx[r]].cp != '!') return false;
  }
  return true;
}

}  // namespace

// A token of one letter or digit, perhaps repeated or followed by exclamation marks: the
// last of "k.a.m.p.r.e.t!!" is a single letter that shouts, "ccc" in "p-e-ccc-u" one held.
bool single_token(const FoldedChar* ch, const Token& t) {
  if (t.end - t.begin == 1) return true;
  if (ch[t.begin].cls != kClsLetter && ch[t.begin].cls != kClsDigit) return false;
  uint32_t i = t.begin + 1;  // (emoji dropped from the view inside it are skipped)
  while (i < t.end && (ch[i].cp == ch[t.begin].cp || (ch[i].flags & kFcDropped))) ++i;
  while (i < t.end && (ch[i].cp == '!' || (ch[i].flags & kFcDropped))) ++i;
  return i == t.end;
}


bool joins_single_letters(const FoldedChar* ch, const Token* tk, size_t n) {
  size_t pure = 0;
  for (size_t k = 0; k < n; ++k) pure += tk[k].end - tk[k].begin == 1;
  if (pure < 3) return false;
  for (size_t k = 0; k + 2 < n; ++k) {
    if (single_token(ch, tk[k]) && single_token(ch, tk[k + 1]) && single_token(ch, tk[k + 2])) return true;
  }
  return false;
}

uint32_t NormText::longest_repeat(uint32_t* at) const {
  uint32_t best = 0, best_at = 0, same = 0, same_at = 0;
  char32_t prev = 0;
  const CharView chars = view();
  for (uint32_t i = 0, n = chars.size(); i < n; ++i) {
    const FoldedChar f = chars[i];
    if (f.cls == kClsSpace) {
      same = 0;
    } else if (f.cp == prev && same > 0) {
      ++same;
    } else {
      same = 1;
      same_at = i;
    }
    if (same > best) {
      best = same;
      best_at = same_at;
    }
    prev = f.cp;
  }
  *at = best_at;
  return best;
}

void Normalizer::build_view(NormText& out) {
  auto& ch = out.stored;
  size_t n = ch.size();

  // Emoji between two letters are a disguise, not a break: "an🔥jing", "k😀o😀n😀t😀o😀l".
  // They leave the match view and the word stays one token.
  for (size_t i = 0; i < n; ++i) {
    if (!(ch[i].flags & kFcPictograph)) continue;
    size_t e = i;
    while (e < n && (ch[e].flags & kFcPictograph)) ++e;
    // Between two chars of a word (letters, digits, leet symbols): "5👍@rap", "0812👍3456".
    const bool word_before = i > 0 && ch[i - 1].cls <= kClsLeetSym, word_after = e < n && ch[e].cls <= kClsLeetSym;
    if (word_before && word_after) {
      for (size_t k = i; k < e; ++k) ch[k].flags |= kFcDropped;
    }
    i = e;
  }

  // Stats and tokens.
  uint32_t digits = 0, dots = 0;
  out.tokens.clear();
  bool singles = false;
  for (size_t i = 0; i < n; ++i) {
    FoldedChar& f = ch[i];
    char32_t c = f.cp;
    if (f.flags & kFcDropped) {  // a dropped emoji: transparent, inside the token around it
      f.sym = 0;
      if (!out.tokens.empty() && out.tokens.back().end == i) out.tokens.back().end = uint32_t(i + 1);
      continue;
    }
    // Default symbol: letters ('l' merged into 'i'), digits, ' ' for the rest.
    if (f.cls == kClsLetter) f.sym = c == 'l' ? 'i' : c;
    else if (f.cls == kClsDigit) f.sym = c;
    else f.sym = ' ';
    if (c >= '0' && c <= '9') ++digits;
    else if (c == '.' || c == '/') ++dots;
    if (f.cls <= kClsLeetSym) {
      if (out.tokens.empty() || out.tokens.back().end != i) {
        out.tokens.emplace_back();
        Token& t = out.tokens.back();
        t.begin = t.end = uint32_t(i);
        t.letters = t.digits = 0;
      }
      Token& t = out.tokens.back();
      t.end = uint32_t(i + 1);

      if (f.cls == kClsLetter) ++t.letters;
      else if (f.cls == kClsDigit) ++t.digits;
    }
  }
  out.digits = digits;
  out.dots = dots;
  singles = joins_single_letters(ch.data(), out.tokens.data(), out.tokens.size());  // as the ASCII path
  finish_view(out, singles);
}

// Single-letter joining, leetspeak, runs (from the default symbols set by the caller).
void Normalizer::finish_view(NormText& out, bool singles) {
  auto& ch = out.stored;
  size_t n = ch.size();

  // Single letters with separators between them ("a.n.j.i.n.g", "a n j i n g") join into
  // one token: at least 3 single-character tokens, at least 2 of them letters, gaps of 1-3
  // spaces or joining separators.
  TokenVec& merged = merged_;
  merged.clear();
  const TokenVec& tk = out.tokens;
  for (size_t k = 0; singles && k < tk.size();) {
    size_t j = k;
    int letters = 0;
    if (single_token(ch.data(), tk[k])) {
      letters = tk[k].letters;
      while (j + 1 < tk.size() && single_token(ch.data(), tk[j + 1])) {
        uint32_t gap_b = tk[j].end, gap_e = tk[j + 1].begin;
        // Up to 3 chars between letters; up to 6 when they hold a separator ("c - - a").
        bool sep = false;
        for (uint32_t g = gap_b; g < gap_e && g < gap_b + 7; ++g) sep |= joining(ch[g]);
        if (gap_e - gap_b > (sep ? 6u : 3u)) break;
        bool ok = true;
        for (uint32_t g = gap_b; g < gap_e; ++g) {
          if (!gap_char(ch[g])) {
            ok = false;
            break;
          }
        }
        if (!ok) break;
        ++j;
        letters += tk[j].letters;
      }
    }
    if (j - k + 1 >= 3 && letters >= 2) {
      // Word breaks inside a chain: "s.l.o.t g.a.c.o.r" (dots inside words, spaces between)
      // or "s l o t   g a c o r" (longer gaps between words).
      bool any_sep = false;
      // The gap between letters is the most common one ("p  h  u  k": two spaces), and a
      // longer one is a word break; a shorter one (the "a " of "what a p  h  u  k") is not.
      uint32_t gaps[4] = {0, 0, 0, 0};
      for (size_t m = k; m < j; ++m) {
        uint32_t gb = tk[m].end, ge = tk[m + 1].begin;
        ++gaps[std::min<uint32_t>(ge - gb, 3)];
        for (uint32_t g = gb; g < ge; ++g) any_sep |= joining(ch[g]);
      }
      uint32_t letter_gap = 1;
      for (uint32_t g = 2; g <= 3; ++g) {
        if (gaps[g] > gaps[letter_gap]) letter_gap = g;
      }
      size_t word_begin = k;
      for (size_t m = k; m <= j; ++m) {
        bool brk = m == j;
        if (!brk) {
          uint32_t gb = tk[m].end, ge = tk[m + 1].begin;
          bool sep = false;
          for (uint32_t g = gb; g < ge; ++g) sep |= joining(ch[g]);
          brk = any_sep ? !sep : (ge - gb) > letter_gap;
        }
        if (!brk) continue;
        if (m > word_begin) {
          for (size_t w = word_begin; w < m; ++w) {
            for (uint32_t g = tk[w].end; g < tk[w + 1].begin; ++g) {
              ch[g].flags |= kFcDropped;
              ch[g].sym = 0;
            }
          }
          uint16_t wl = 0;
          for (size_t w = word_begin; w <= m; ++w) wl = uint16_t(wl + tk[w].letters);
          merged.push_back(Token{tk[word_begin].begin, tk[m].end, wl, 0});
          out.joined = true;
          // "what a p h u k": an English article spaced like the letters after it joins
          // them; the word is read once more without it.
          const char32_t first = ch[tk[word_begin].begin].cp;
          if ((first == 'a' || first == 'i') && m - word_begin >= 3) {
            out.alt_tokens.push_back(tk[word_begin + 1].begin);
            out.alt_tokens.push_back(tk[m].end);
            out.alt_tokens.push_back(tk[m].end);
          }
        } else {
          merged.push_back(tk[m]);
        }
        word_begin = m + 1;
      }
    } else {
      for (size_t m = k; m <= j; ++m) merged.push_back(tk[m]);
    }
    k = j + 1;
  }

  // Leetspeak inside words: a stretch of digits/leet symbols that stands among letters.
  //   interior (letters on both sides), up to 3 chars:        k0nt0l, b4ngs4t, a$$hole
  //   leading, up to 2 chars, followed by >= 2 letters, no '!': 4njing, $hit
  //   trailing stretches stay (anjing2 = reduplication, gacor88 = a name, bagus!!)
  //   tokens without letters stay numbers (prices, sizes, dates, phone numbers).
  std::vector<uint32_t>& idx = scratch_index_;
  for (const Token& t : singles ? merged : out.tokens) {
    if (t.letters == 0 || t.letters == t.end - t.begin) continue;
    idx.clear();
    for (uint32_t i = t.begin; i < t.end; ++i) {
      if (!(ch[i].flags & kFcDropped)) idx.push_back(i);
    }
    size_t m = idx.size();
    bool left = false;  // a stretch of leet chars the rules above left as it is
    for (size_t p = 0; p < m;) {
      if (ch[idx[p]].cls == kClsLetter) {
        ++p;
        continue;
      }
      size_t q = p;
      bool all_leet = true, bang = false;
      while (q < m && ch[idx[q]].cls != kClsLetter) {
        if (!leet_letter(ch[idx[q]].cp)) all_leet = false;
        if (ch[idx[q]].cp == '!') bang = true;
        ++q;
      }
      size_t len = q - p;
      bool before = p > 0, after = q < m;
      size_t letters_after = 0;
      for (size_t r = q; r < m && ch[idx[r]].cls == kClsLetter; ++r) ++letters_after;
      bool convert = all_leet && after &&
                     ((before && len <= 3) || (!before && len <= 2 && letters_after >= 2 && !bang));
      if (convert) {
        for (size_t r = p; r < q; ++r) ch[idx[r]].sym = leet_letter(ch[idx[r]].cp);
      } else if (all_leet && before && !after && !bang_only(ch.data(), idx.data() + p, len) &&
                 trailing_leet(ch.data(), idx.data() + p, len)) {
        // Trailing: "b3g0", "t41" are words, "gacor88", "iphone13" are not. The main view
        // keeps the digits; the token is also matched once more with them read as letters.
        out.alt_tokens.push_back(t.begin);
        out.alt_tokens.push_back(t.end);
        out.alt_tokens.push_back(idx[p]);
      } else if (all_leet) {
        left = true;
      }
      p = q;
    }
    // Heavier leetspeak than the rules above read ("74!k", "8@n954d", "7@h!"): the token is
    // matched once more with every leet char read as its letter. Only lexicon words and
    // allow phrases are looked for there, so "10rb" or "2pcs" read as letters costs nothing.
    if (left && m >= 3) {
      out.alt_tokens.push_back(t.begin);
      out.alt_tokens.push_back(t.end);
      out.alt_tokens.push_back(t.begin);
    }
  }

  // Runs (written in place: no temporaries on the hot path).
  auto& runs = out.runs;
  runs.resize(n);
  Run* rp = runs.data();
  size_t nr = 0;
  uint32_t words = 0;
  for (size_t i = 0; i < n; ++i) {
    const FoldedChar& f = ch[i];
    char32_t s = f.sym;
    if (s == 0) continue;
    if (nr && rp[nr - 1].sym == s && !(out.has_dict && (f.flags & kFcBreak))) {
      ++rp[nr - 1].count;
      rp[nr - 1].last = uint32_t(i);
      continue;
    }
    uint8_t flags = 0;
    if ((s >= 'a' && s <= 'z') || (s >= 0x80 && f.cls == kClsLetter)) flags = kRunLetter;
    else if (f.cls == kClsDigit) flags = kRunDigit;
    bool letter = flags & kRunLetter;
    if (nr == 0 || !letter || !(rp[nr - 1].flags & kRunLetter) || (out.has_dict && (f.flags & kFcBreak))) {
      flags |= kRunWordStart;
      if (letter) ++words;
    }
    Run& r = rp[nr++];
    r.sym = s;
    r.count = 1;
    r.first = r.last = uint32_t(i);
    r.flags = flags;
  }
  runs.resize(nr);
  out.words = words;
  out.has_alnum_token = false;
  for (const Token& t : out.tokens) {
    if (t.letters && t.digits) {
      out.has_alnum_token = true;
      break;
    }
  }
}

void Normalizer::fold_pattern(std::string_view text, std::vector<char32_t>* syms,
                              std::vector<uint32_t>* counts, std::vector<char32_t>* letters) {
  syms->clear();
  counts->clear();
  if (letters) letters->clear();
  NormText& t = pattern_;
  normalize(text, text.size(), t);
  size_t b = 0, e = t.runs.size();
  while (b < e && t.runs[b].sym == ' ') ++b;
  while (e > b && t.runs[e - 1].sym == ' ') --e;
  syms->reserve(e - b);  // thousands of patterns at start-up: no growth steps
  counts->reserve(e - b);
  for (size_t i = b; i < e; ++i) {
    syms->push_back(t.runs[i].sym);
    counts->push_back(t.runs[i].sym == ' ' ? 1 : t.runs[i].count);
    if (letters) letters->push_back(t.view()[t.runs[i].first].cp | t.view()[t.runs[i].last].cp << 21);
  }
}

}  // namespace etalase
