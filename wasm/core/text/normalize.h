// Text folding for moderation: one pass from the raw UTF-8 of a comment to
//   (1) folded characters: invisibles stripped, NFKC_Casefold, UTS #39 skeleton (for
//       non-ASCII only), combining marks dropped; each remembers the ORIGINAL range it came
//       from (UTF-16 units and bytes), and
//   (2) the match view: separators between single letters dropped ("a.n.j.i.n.g"),
//       leetspeak folded inside letter runs ("4nj1ng"), 'l' merged into 'i', every run of
//       non-letters reduced to one ' ', repeated symbols collapsed into runs with counts.
//
// Pure-ASCII comments never touch ICU (lowercasing is exact there); a comment with any
// non-ASCII byte goes through ICU. Both paths feed the same later stages, and a unit test
// checks that they agree on ASCII. Buffers live in the Normalizer and are reused.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text/pod_vec.h"

namespace etalase {

enum CharClass : uint8_t {
  kClsLetter,   // a-z and other alphabetic code points
  kClsDigit,    // decimal digits
  kClsLeetSym,  // @ $ ! |  (letters in disguise when inside a word)
  kClsSpace,    // whitespace
  kClsJoinSep,  // . - _ * , ~  (dropped between single letters)
  kClsPunct,    // everything else: punctuation, symbols, emoji
};

enum FoldedFlags : uint8_t {
  kFcDropped = 1,     // a separator dropped from the match view (between single letters)
  kFcBreak = 2,       // a dictionary word boundary falls before this char (Thai, CJK...)
  kFcDict = 4,        // the char belongs to a script written without spaces
  kFcPictograph = 8,  // an emoji or other pictograph (dropped between letters)
};

struct FoldedChar {
  char32_t cp;       // folded code point
  char32_t sym;      // symbol in the match view (0 = dropped)
  uint32_t o16;      // original range, UTF-16 units [o16, o16_end)
  uint32_t o16_end;
  uint32_t b;        // original range, bytes [b, b_end)
  uint32_t b_end;
  uint8_t cls;       // CharClass
  uint8_t flags;     // FoldedFlags
};

enum RunFlags : uint8_t {
  kRunLetter = 1,
  kRunDigit = 2,
  kRunWordStart = 4,  // a word boundary lies before this run
};

// Consecutive equal symbols of the match view.
struct Run {
  char32_t sym;    // 'a'..'z' (no 'l': merged into 'i'), '0'..'9', ' ', or a non-ASCII letter
  uint32_t count;  // folded characters collapsed into it
  uint32_t first;  // folded chars [first, last] (inclusive)
  uint32_t last;
  uint8_t flags;   // RunFlags
};

// Token: a maximal stretch of letters, digits and leet symbols in the folded chars.
struct Token {
  uint32_t begin, end;  // folded char indices [begin, end)
  uint16_t letters, digits;
};

using CharVec = PodVec<FoldedChar>;

// What an ASCII byte folds to: its folded char, default match-view symbol and class.
struct AsciiFoldTable {
  uint8_t cp[128] = {};   // lowercased
  uint8_t sym[128] = {};  // letters ('l' -> 'i'), digits, ' ' for the rest
  uint8_t cls[128] = {};  // CharClass
  constexpr AsciiFoldTable() {
    for (int c = 0; c < 128; ++c) {
      const int f = (c >= 'A' && c <= 'Z') ? c + 32 : c;
      uint8_t k = kClsPunct;
      if (f >= 'a' && f <= 'z') k = kClsLetter;
      else if (f >= '0' && f <= '9') k = kClsDigit;
      else if (f == '@' || f == '$' || f == '!' || f == '|') k = kClsLeetSym;
      else if (f == ' ' || f == '\t' || f == '\n' || f == '\r' || f == '\v' || f == '\f') k = kClsSpace;
      else if (f == '.' || f == '-' || f == '_' || f == '*' || f == ',' || f == '~') k = kClsJoinSep;
      cp[c] = uint8_t(f);
      cls[c] = k;
      sym[c] = k == kClsLetter ? uint8_t(f == 'l' ? 'i' : f) : k == kClsDigit ? uint8_t(f) : uint8_t(' ');
    }
  }
};
inline constexpr AsciiFoldTable kAsciiFold{};

// The folded chars of a NormText, read by index. Most comments are plain ASCII without
// controls; their folded chars are never written out (that was a fifth of the work per
// comment): char i is byte i of the text, folded through kAsciiFold, with default symbol
// and no flags. Otherwise the view reads the stored array.
class CharView {
 public:
  CharView(const FoldedChar* stored, const unsigned char* plain, uint32_t n) : stored_(stored), plain_(plain), n_(n) {}
  uint32_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  // The bytes of a plain ASCII text (char i is byte i folded), or null: for scans that can
  // search bytes (memchr) instead of stepping through chars.
  const unsigned char* plain_bytes() const { return plain_; }
  FoldedChar operator[](uint32_t i) const { return plain_ ? plain_char(plain_[i], i) : stored_[i]; }
  // The folded char of ASCII byte `c` at index i of a text without stripped controls.
  static FoldedChar plain_char(unsigned char c, uint32_t i) {
    return FoldedChar{kAsciiFold.cp[c], kAsciiFold.sym[c], i, i + 1, i, i + 1, kAsciiFold.cls[c], 0};
  }

 private:
  const FoldedChar* stored_;
  const unsigned char* plain_;
  uint32_t n_;
};

using TokenVec = PodVec<Token>;
using RunVec = PodVec<Run>;

struct NormText {
  // The folded chars: read them through view(). `stored` holds them unless `plain` is set,
  // in which case they are the `plain_len` ASCII bytes at `plain`, which point into the text
  // given to normalize() (so they are valid while that text is).
  CharVec stored;
  const unsigned char* plain = nullptr;
  uint32_t plain_len = 0;
  CharView view() const {
    return plain ? CharView(nullptr, plain, plain_len) : CharView(stored.data(), nullptr, uint32_t(stored.size()));
  }
  // Before single-letter joining. The ASCII fast path fills it only when some token mixes
  // letters with digits or leet symbols, or single-char tokens could need joining; so it
  // may be empty otherwise (has_alnum_token is then false: check that first).
  TokenVec tokens;
  RunVec runs;
  // Tokens ending in leet-able digits ("b3g0"): triples (begin, end, first trailing char).
  std::vector<uint32_t> alt_tokens;
  size_t bytes = 0;           // bytes of the input that were read (the cap, cut at a boundary)
  uint32_t utf16_len = 0;     // UTF-16 length of those bytes
  uint32_t upper = 0;         // cased letters of the original (for shouting)
  uint32_t lower = 0;
  uint32_t digits = 0;        // ASCII digits among the folded chars
  uint32_t dots = 0;          // '.' and '/' among the folded chars (links)
  uint32_t words = 0;         // letter runs that start a word
  uint32_t emoji_run = 0;     // longest stretch of pictographs (spaces, modifiers allowed)
  uint32_t emoji_o16 = 0, emoji_o16_end = 0;
  bool ascii = true;          // the fast path was taken
  bool has_dict = false;      // some folded char belongs to a script without spaces
  bool has_alnum_token = false;  // a token mixes letters and digits
  bool joined = false;           // single letters were joined into a word ("s l o t")

  // The longest stretch of one repeated non-space folded char: its length, and its first
  // char in `*at`. Computed on demand (only a rule for long comments asks), not while folding.
  uint32_t longest_repeat(uint32_t* at) const;

  uint32_t run_o16(size_t r) const { return plain ? runs[r].first : stored[runs[r].first].o16; }
  uint32_t run_o16_end(size_t r) const { return plain ? runs[r].last + 1 : stored[runs[r].last].o16_end; }
};

class Normalizer {
 public:
  Normalizer();
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Reads at most `max_bytes` of `text` (cut at a code point boundary) into `out`, which
  // may point into `text` (see NormText::plain) until the next call.
  // `force_icu` sends ASCII through ICU as well (the differential test uses it).
  void normalize(std::string_view text, size_t max_bytes, NormText& out, bool force_icu = false);

  // Folds a lexicon term or moderator pattern to its run sequence (no leading or trailing
  // separators). Symbols in `syms`, minimum counts in `counts`.
  // `letters`, when given, gets the folded letters each run begins and ends with, packed as
  // first | last << 21 ('l' and 'i' apart, where the symbols merge them).
  void fold_pattern(std::string_view text, std::vector<char32_t>* syms, std::vector<uint32_t>* counts,
                    std::vector<char32_t>* letters = nullptr);

 private:
  struct Icu;
  void fold_ascii(std::string_view text, NormText& out);
  void fold_icu(std::string_view text, NormText& out, bool force_icu);
  void build_view(NormText& out);
  void finish_view(NormText& out, bool singles);
  void mark_dictionary_breaks(std::string_view text, NormText& out);
  std::unique_ptr<Icu> icu_;
  TokenVec merged_;
  std::vector<uint32_t> scratch_index_;
  PodVec<unsigned char> kept_;  // ASCII input without its stripped controls
  NormText pattern_;
};

// Single-letter joining (match_view.cpp), decided alike by the ASCII and ICU paths: a token
// of one letter (perhaps held, "ccc", or shouted, "t!!") is a single; letters are joined
// when three singles follow each other and at least three tokens are one char long.
bool single_token(const FoldedChar* ch, const Token& t);
bool joins_single_letters(const FoldedChar* ch, const Token* tokens, size_t n);

// Small helpers shared with the rules.
inline bool is_ascii_letter(char32_t c) { return c >= 'a' && c <= 'z'; }
inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
// The letter a leet character stands for, or 0.
char32_t leet_letter(char32_t c);

}  // namespace etalase
