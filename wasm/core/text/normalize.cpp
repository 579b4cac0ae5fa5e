#include "core/text/normalize.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include "core/text/lookalikes.h"
#include "core/text/utf8.h"

namespace etalase {

namespace {

// ASCII control characters other than whitespace are stripped (NUL, escapes, DEL).
inline bool ascii_stripped(unsigned char c) {
  return (c < 0x20 && kAsciiFold.cls[c] != kClsSpace) || c == 0x7F;
}

// What the ASCII pass needs about one input byte besides kAsciiFold, in tables each read
// with one load:
//   counts: 1 in the 8-bit lane of each count the byte adds to (upper, lower, digit, dot,
//           stripped control)
//   tok:    token code: 0 outside tokens, 1 letter, 2 digit, 3 leet symbol
// The token window (below) adds to three more lanes of the same sum, so one 64-bit add per
// byte keeps all eight counts.
constexpr int kLaneUpper = 0, kLaneLower = 8, kLaneDigit = 16, kLaneDot = 24, kLaneStrip = 32;
constexpr int kLaneWords = 40, kLaneSingle = 48, kLaneMixed = 56;
// Bytes per block: each byte adds at most 1 to a lane, and the end of the text once more,
// so no lane passes 255.
constexpr size_t kLaneBlock = 254;
constexpr uint8_t kTokOutside = 0, kTokLetter = 1, kTokDigit = 2, kTokLeet = 3;
inline uint32_t lane(uint64_t sum, int at) { return uint32_t(sum >> at) & 0xFF; }

struct AsciiInfoTable {
  uint64_t counts[128];
  uint8_t tok[128];
  AsciiInfoTable() {
    for (int c = 0; c < 128; ++c) {
      const int f = kAsciiFold.cp[c], cls = kAsciiFold.cls[c];
      tok[c] = cls == kClsLetter ? kTokLetter : cls == kClsDigit ? kTokDigit : cls == kClsLeetSym ? kTokLeet : kTokOutside;
      counts[c] = uint64_t(c >= 'A' && c <= 'Z') << kLaneUpper | uint64_t(c >= 'a' && c <= 'z') << kLaneLower |
                  uint64_t(f >= '0' && f <= '9') << kLaneDigit | uint64_t(f == '.' || f == '/') << kLaneDot |
                  uint64_t(ascii_stripped((unsigned char)c)) << kLaneStrip;
    }
  }
};
const AsciiInfoTable kAsciiInfo;

// The run flags and token checks of the ASCII pass come from a window of the token codes of
// the last three chars (two bits each, newest lowest):
//   flags: RunFlags of a run starting at the newest char (a word starts unless it and the
//          char before are both letters)
//   add:   what the window adds to the lanes:
//          words  - a letter after a non-letter (a letter run starting a word)
//          single - the middle char is a token of its own (outside tokens on both sides):
//                   with fewer than 3 of those, no three single-char tokens are in a row
//          mixed  - the last two are a letter and a digit or leet symbol: exactly when some
//                   token mixes letters with other token chars (leetspeak, "iphone13"),
//                   since such a token, being a contiguous stretch, has the two side by side
struct TokWindowTable {
  uint64_t add[64];
  uint8_t flags[64];
  TokWindowTable() {
    for (int w = 0; w < 64; ++w) {
      int older = (w >> 4) & 3, mid = (w >> 2) & 3, last = w & 3;
      bool letter = last == kTokLetter, prev_letter = mid == kTokLetter;
      flags[w] = uint8_t((letter ? kRunLetter : last == kTokDigit ? kRunDigit : 0) |
                         (letter && prev_letter ? 0 : kRunWordStart));
      bool mixed = (letter && (mid == kTokDigit || mid == kTokLeet)) ||
                   (prev_letter && (last == kTokDigit || last == kTokLeet));
      add[w] = uint64_t(letter && !prev_letter) << kLaneWords |
               uint64_t(older == kTokOutside && mid != kTokOutside && last == kTokOutside) << kLaneSingle |
               uint64_t(mixed) << kLaneMixed;
    }
  }
};
const TokWindowTable kTokWindow;

// What one ASCII pass found besides the runs it wrote.
struct AsciiScan {
  uint64_t upper = 0, lower = 0, digits = 0, dots = 0;
  uint64_t words = 0, singles = 0, mixed = 0;
  uint32_t runs = 0;
  bool stripped = false;  // some byte is a stripped control: the runs are not valid
};

// Runs of q[0, m) with default symbols, each byte one folded char (valid only when no byte
// is a stripped control: the result says), and the counts. Run counts and last chars are
// left to the caller. This is most of the work for a typical short comment: one
// branch-free loop, a few loads from small tables and three stores per byte.
AsciiScan scan_ascii(const unsigned char* q, size_t m, Run* rp) {
  AsciiScan r;
  Run* out = rp;  // the next run's slot
  uint32_t window = 0;
  uint32_t prev = 0;  // symbol of the previous char (0 before the first: never a symbol)
  uint64_t strip = 0;
  for (size_t block = 0; block < m; block += kLaneBlock) {
    const size_t block_end = std::min(m, block + kLaneBlock);
    uint64_t sum = 0;
    // A run starts at each change of symbol: the next slot is written either way and kept
    // (`out` steps on) only then.
    for (size_t k = block; k < block_end; ++k) {
      const unsigned char c = q[k];
      const uint32_t s = kAsciiFold.sym[c];
      window = ((window << 2) | kAsciiInfo.tok[c]) & 63;
      sum += kAsciiInfo.counts[c] + kTokWindow.add[window];
      out->sym = s;
      out->first = uint32_t(k);
      out->flags = kTokWindow.flags[window];
      out += s != prev;
      prev = s;
    }
    if (block_end == m) sum += kTokWindow.add[(window << 2) & 63];  // the end closes the last token
    r.upper += lane(sum, kLaneUpper);
    r.lower += lane(sum, kLaneLower);
    r.digits += lane(sum, kLaneDigit);
    r.dots += lane(sum, kLaneDot);
    strip += lane(sum, kLaneStrip);
    r.words += lane(sum, kLaneWords);
    r.singles += lane(sum, kLaneSingle);
    r.mixed += lane(sum, kLaneMixed);
  }
  r.runs = uint32_t(out - rp);
  r.stripped = strip != 0;
  return r;
}

// The folded chars of q[0, m), each byte one char with its index as offsets, written out
// for the paths that change them (joining, leetspeak) or map them (stripped controls).
void store_ascii(const unsigned char* q, size_t m, FoldedChar* fc) {
  for (uint32_t k = 0; k < m; ++k) fc[k] = CharView::plain_char(q[k], k);
}

// Stripped before normalization: controls, format characters (zero-width, bidi, soft
// hyphen...), default-ignorables (variation selectors, tags, fillers), replacement chars.
bool stripped(char32_t c) {
  if (c < 0x80) return ascii_stripped((unsigned char)c);
  if (c == 0x85) return false;  // NEL: a line break
  if (c < 0xA0) return true;    // C1 controls
  if (c == utf8::kReplacement) return true;
  if (u_hasBinaryProperty(UChar32(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return true;
  int8_t t = u_charType(UChar32(c));
  return t == U_CONTROL_CHAR || t == U_FORMAT_CHAR;
}

bool is_mark(char32_t c) {
  int8_t t = u_charType(UChar32(c));
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || u_getCombiningClass(UChar32(c)) != 0;
}

bool dictionary_script(char32_t c) {
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(UChar32(c), &err);
  switch (s) {
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return true;
    default:
      return false;
  }
}

// Class and dictionary flag of a folded non-ASCII code point, packed: cls | dict << 4.
uint8_t classify_wide(char32_t c) {
  uint8_t k;
  if (u_hasBinaryProperty(UChar32(c), UCHAR_ALPHABETIC)) k = kClsLetter;
  else if (u_charType(UChar32(c)) == U_DECIMAL_DIGIT_NUMBER) k = kClsDigit;
  else if (u_isUWhiteSpace(UChar32(c))) k = kClsSpace;
  else k = kClsPunct;
  if (k == kClsLetter && dictionary_script(c)) k |= 0x10;
  return k;
}

bool pictographic(char32_t c) {
  return c >= 0xA9 && u_hasBinaryProperty(UChar32(c), UCHAR_EXTENDED_PICTOGRAPHIC);
}

// A direct-mapped cache: code point -> up to 4 folded code points with their classes.
// Bounded (fixed size, collisions overwrite), so memory stays flat however many distinct
// characters arrive.
struct FoldCache {
  static constexpr size_t kSize = 4096;
  struct Entry {
    char32_t key = 0xFFFFFFFF;
    uint8_t len = 0;
    uint8_t meta[4] = {0, 0, 0, 0};
    char32_t out[4] = {0, 0, 0, 0};
  };
  std::vector<Entry> e = std::vector<Entry>(kSize);
  Entry* find(char32_t c) {
    Entry& x = e[(c * 2654435761u) >> 20 & (kSize - 1)];
    return x.key == c ? &x : nullptr;
  }
  Entry& slot(char32_t c) { return e[(c * 2654435761u) >> 20 & (kSize - 1)]; }
};

struct Folded {  // a small output buffer for one chunk
  char32_t cp[64];
  uint8_t meta[64];
  int n = 0;
  void push(char32_t c, uint8_t m) {
    if (n < 64) {
      cp[n] = c;
      meta[n] = m;
      ++n;
    }
  }
};

}  // namespace

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

struct Normalizer::Icu {
  const icu::Normalizer2* nfkc = nullptr;
  USpoofChecker* spoof = nullptr;
  std::unique_ptr<icu::BreakIterator> words;
  FoldCache single;  // original code point -> folded (NFKC_Casefold + skeleton + marks)
  FoldCache skel;    // NFKC_Casefolded code point -> skeleton (+ marks dropped, case folded)
  icu::UnicodeString src, dst;
  std::vector<uint8_t> boundary;

  Icu() {
    UErrorCode err = U_ZERO_ERROR;
    nfkc = icu::Normalizer2::getNFKCCasefoldInstance(err);
    if (U_FAILURE(err)) nfkc = nullptr;
    err = U_ZERO_ERROR;
    spoof = uspoof_open(&err);
    if (U_FAILURE(err)) spoof = nullptr;
  }
  ~Icu() {
    if (spoof) uspoof_close(spoof);
  }

  // Skeleton of one NFKC_Casefolded code point, marks dropped, case folded.
  void skeleton(char32_t c, Folded& out) {
    if (c < 0x80) {
      out.push(c, kAsciiFold.cls[c]);
      return;
    }
    if (FoldCache::Entry* e = skel.find(c)) {
      for (int i = 0; i < e->len; ++i) out.push(e->out[i], e->meta[i]);
      return;
    }
    if (char32_t a = extra_lookalike(c)) {
      out.push(a, kAsciiFold.cls[a]);
      return;
    }
    Folded tmp;
    UChar in[2];
    int32_t in_len = 0;
    U16_APPEND_UNSAFE(in, in_len, UChar32(c));
    UChar res[64];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = spoof ? uspoof_getSkeleton(spoof, 0, in, in_len, res, 64, &err) : 0;
    if (!spoof || U_FAILURE(err) || n > 64) {
      std::memcpy(res, in, sizeof(UChar) * size_t(in_len));
      n = in_len;
    }
    for (int32_t i = 0; i < n;) {
      UChar32 d;
      U16_NEXT(res, i, n, d);
      if (is_mark(char32_t(d)) || stripped(char32_t(d))) continue;
      d = u_foldCase(d, U_FOLD_CASE_DEFAULT);
      tmp.push(char32_t(d), d < 0x80 ? kAsciiFold.cls[d] : classify_wide(char32_t(d)));
    }
    remember(skel, c, tmp, out);
  }

  // NFKC_Casefold of a chunk (one starter + what composes with it), then skeletons.
  void fold_chunk(const char32_t* cps, int n, Folded& out) {
    src.remove();
    for (int i = 0; i < n; ++i) src.append(UChar32(cps[i]));
    UErrorCode err = U_ZERO_ERROR;
    if (nfkc) nfkc->normalize(src, dst, err);
    const icu::UnicodeString& r = (nfkc && U_SUCCESS(err)) ? dst : src;
    for (int32_t i = 0; i < r.length();) {
      UChar32 d = r.char32At(i);
      i += U16_LENGTH(d);
      skeleton(char32_t(d), out);
    }
  }

  void fold_single(char32_t c, Folded& out) {
    if (FoldCache::Entry* e = single.find(c)) {
      for (int i = 0; i < e->len; ++i) out.push(e->out[i], e->meta[i]);
      return;
    }
    Folded tmp;
    fold_chunk(&c, 1, tmp);
    remember(single, c, tmp, out);
  }

  // Caches a code point's folding (when it fits an entry) and emits it.
  static void remember(FoldCache& cache, char32_t c, const Folded& folded, Folded& out) {
    if (folded.n <= 4) {
      FoldCache::Entry& e = cache.slot(c);
      e.key = c;
      e.len = uint8_t(folded.n);
      for (int i = 0; i < folded.n; ++i) {
        e.out[i] = folded.cp[i];
        e.meta[i] = folded.meta[i];
      }
    }
    for (int i = 0; i < folded.n; ++i) out.push(folded.cp[i], folded.meta[i]);
  }
};

Normalizer::Normalizer() : icu_(new Icu) {}
Normalizer::~Normalizer() = default;

void Normalizer::normalize(std::string_view text, size_t max_bytes, NormText& out, bool force_icu) {
  out.stored.clear();
  out.plain = nullptr;
  out.plain_len = 0;
  out.tokens.clear();
  out.runs.clear();
  out.upper = out.lower = out.digits = out.dots = out.words = 0;
  out.emoji_run = out.emoji_o16 = out.emoji_o16_end = 0;
  out.has_dict = false;
  out.has_alnum_token = false;
  out.alt_tokens.clear();

  size_t n = text.size();
  bool ascii = !force_icu && utf8::is_ascii(text.substr(0, std::min(n, max_bytes)));
  if (ascii) {
    text = text.substr(0, std::min(n, max_bytes));
    out.ascii = true;
    out.bytes = text.size();
    fold_ascii(text, out);  // builds the match view too
    return;
  } else {
    out.ascii = false;
    // Cut at the last code point boundary that fits.
    if (n > max_bytes) {
      const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
      size_t i = 0;
      while (i < n) {
        int len;
        bool bad;
        utf8::decode(p, n, i, &len, &bad);
        if (i + size_t(len) > max_bytes) break;
        i += size_t(len);
      }
      text = text.substr(0, i);
    }
    fold_icu(text, out, force_icu);
    if (out.has_dict) mark_dictionary_breaks(text, out);
  }
  out.bytes = text.size();
  build_view(out);
}

// The ASCII fast path: default symbols, stats and runs in one pass over the bytes
// (scan_ascii). The later steps of build_view (single-letter joining, leetspeak) only run
// when some token could need them; otherwise the default symbols are final, the runs built
// here are exactly what build_view would build, no token list is needed, and the folded
// chars are the bytes themselves (NormText::plain): nothing more is written.
void Normalizer::fold_ascii(std::string_view text, NormText& out) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  out.runs.resize(n);
  Run* rp = out.runs.data();
  AsciiScan r = scan_ascii(p, n, rp);
  const unsigned char* q = p;
  size_t m = n;
  const bool stripped = r.stripped;
  if (stripped) {
    // Rare: scan the kept bytes again (their chars are stored below, mapped to the input).
    kept_.resize(n);
    m = 0;
    for (size_t i = 0; i < n; ++i) {
      kept_[m] = p[i];
      m += !ascii_stripped(p[i]);
    }
    q = kept_.data();
    r = scan_ascii(q, m, rp);
  }
  // Each folded char has its own symbol here, so a run is the chars up to the next one.
  uint32_t next = uint32_t(m);
  for (Run* run = rp + r.runs; run != rp;) {
    --run;
    const uint32_t first = run->first;
    run->count = next - first;
    run->last = next - 1;
    next = first;
  }
  out.runs.resize(r.runs);
  out.upper = uint32_t(r.upper);
  out.lower = uint32_t(r.lower);
  out.utf16_len = uint32_t(n);
  out.digits = uint32_t(r.digits);
  out.dots = uint32_t(r.dots);
  out.words = uint32_t(r.words);
  out.has_alnum_token = false;
  const bool mixed = r.mixed > 0;
  const bool final_runs = !mixed && r.singles < 3;  // nothing to join or read as leet
  if (final_runs && !stripped) {  // the common case: the chars are the bytes themselves
    out.plain = p;
    out.plain_len = uint32_t(n);
    return;
  }
  out.stored.resize(m);
  FoldedChar* fc = out.stored.data();
  store_ascii(q, m, fc);
  if (stripped) {
    // Point each folded char at its original byte.
    for (size_t i = 0, k = 0; i < n; ++i) {
      if (ascii_stripped(p[i])) continue;
      fc[k].o16 = fc[k].b = uint32_t(i);
      fc[k].o16_end = fc[k].b_end = uint32_t(i + 1);
      ++k;
    }
  }
  if (final_runs) return;

  // Tokens, then the same decision as build_view.
  TokenVec& tokens = out.tokens;
  tokens.resize(m / 2 + 1);
  Token* tp = tokens.data();
  size_t nt = 0;
  for (uint32_t k = 0; k < m; ++k) {
    const uint8_t cls = fc[k].cls;
    if (cls > kClsLeetSym) continue;
    if (nt == 0 || tp[nt - 1].end != k) tp[nt++] = Token{k, k, 0, 0};
    Token& t = tp[nt - 1];
    t.end = k + 1;
    t.letters = uint16_t(t.letters + (cls == kClsLetter));
    t.digits = uint16_t(t.digits + (cls == kClsDigit));
  }
  tokens.resize(nt);
  bool singles = false;
  for (size_t t = 0; t + 2 < nt && !singles; ++t) {
    singles = tp[t].end - tp[t].begin == 1 && tp[t + 1].end - tp[t + 1].begin == 1 &&
              tp[t + 2].end - tp[t + 2].begin == 1;
  }
  if (singles || mixed) finish_view(out, singles);
}

void Normalizer::fold_icu(std::string_view text, NormText& out, bool force_icu) {
  Icu& icu = *icu_;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  out.stored.reserve(n);

  // The current chunk: a starter with the code points that may compose with it.
  constexpr int kChunkMax = 32;
  constexpr int kMaxNonStarters = 8;  // UAX #15 stream-safe is 30; marks are dropped anyway
  char32_t chunk[kChunkMax];
  int chunk_n = 0, non_starters = 0;
  uint32_t c_o16 = 0, c_o16_end = 0, c_b = 0, c_b_end = 0;
  Folded folded;

  auto flush = [&]() {
    if (chunk_n == 0) return;
    folded.n = 0;
    if (chunk_n == 1 && chunk[0] < 0x80 && !force_icu) {
      folded.push(kAsciiFold.cp[chunk[0]], kAsciiFold.cls[chunk[0]]);
    } else if (chunk_n == 1 && chunk[0] >= 0x80) {
      icu.fold_single(chunk[0], folded);
    } else {
      icu.fold_chunk(chunk, chunk_n, folded);
    }
    for (int i = 0; i < folded.n; ++i) {
      FoldedChar f;
      f.cp = folded.cp[i];
      f.sym = 0;
      f.o16 = c_o16;
      f.o16_end = c_o16_end;
      f.b = c_b;
      f.b_end = c_b_end;
      f.cls = folded.meta[i] & 0x0F;
      f.flags = (folded.meta[i] & 0x10) ? kFcDict : 0;
      if (f.flags & kFcDict) out.has_dict = true;
      out.stored.push_back(f);
    }
    chunk_n = 0;
    non_starters = 0;
  };

  uint32_t o16 = 0;
  uint32_t upper = 0, lower = 0;
  uint32_t emoji = 0, emoji_start = 0, emoji_end = 0;
  size_t i = 0;
  while (i < n) {
    // An ASCII char followed by a kept ASCII char (or the end) is a chunk of its own that
    // nothing composes with: folded here by the table, as flush() would. Most chars of a
    // mixed comment ("harga 149rb 😍") take this way. (After a stripped control, a mark
    // would still join the char's chunk: "k\0" + U+0301 maps the mark to the "k".)
    if (p[i] < 0x80 && (i + 1 == n || (p[i + 1] < 0x80 && !ascii_stripped(p[i + 1]))) && !force_icu) {
      const unsigned char c = p[i];
      if (c != ' ') emoji = 0;
      ++i;
      ++o16;
      if (ascii_stripped(c)) continue;
      upper += c >= 'A' && c <= 'Z';
      lower += c >= 'a' && c <= 'z';
      flush();
      out.stored.push_back(FoldedChar{kAsciiFold.cp[c], 0, o16 - 1, o16, uint32_t(i - 1), uint32_t(i), kAsciiFold.cls[c], 0});
      continue;
    }
    int len;
    bool bad;
    char32_t c = utf8::decode(p, n, i, &len, &bad);
    uint32_t units = utf8::utf16_units(c);
    uint32_t b0 = uint32_t(i);
    i += size_t(len);
    uint32_t start16 = o16;
    o16 += units;

    // Emoji stretches: pictographs in a row; spaces, joiners, selectors, skin tones between.
    if (pictographic(c)) {
      if (emoji == 0) emoji_start = start16;
      ++emoji;
      emoji_end = o16;
      if (emoji > out.emoji_run) {
        out.emoji_run = emoji;
        out.emoji_o16 = emoji_start;
        out.emoji_o16_end = emoji_end;
      }
    } else if (!(c == ' ' || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
                 (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0x1F1E6 && c <= 0x1F1FF) ||
                 (c >= 0xE0020 && c <= 0xE007F))) {
      emoji = 0;
    }

    if (bad || stripped(c)) continue;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') ++upper;
      else if (c >= 'a' && c <= 'z') ++lower;
    } else if (u_isupper(UChar32(c))) {
      ++upper;
    } else if (u_islower(UChar32(c))) {
      ++lower;
    }

    bool boundary = c < 0x80 ? true : (icu.nfkc ? icu.nfkc->hasBoundaryBefore(UChar32(c)) : true);
    if (c < 0x80 && chunk_n > 0) boundary = true;
    if (!boundary && chunk_n > 0) {
      bool non_starter = u_getCombiningClass(UChar32(c)) != 0;
      if (non_starter && non_starters >= kMaxNonStarters) {
        c_o16_end = o16;  // dropped, but inside the chunk's range
        c_b_end = uint32_t(i);
        continue;
      }
      if (chunk_n < kChunkMax) {
        non_starters += non_starter;
        chunk[chunk_n++] = c;
        c_o16_end = o16;
        c_b_end = uint32_t(i);
        continue;
      }
    }
    flush();
    chunk[0] = c;
    chunk_n = 1;
    non_starters = 0;
    c_o16 = start16;
    c_o16_end = o16;
    c_b = b0;
    c_b_end = uint32_t(i);
  }
  flush();
  out.upper = upper;
  out.lower = lower;
  out.utf16_len = o16;
}

void Normalizer::mark_dictionary_breaks(std::string_view text, NormText& out) {
  Icu& icu = *icu_;
  if (!icu.words) {
    UErrorCode err = U_ZERO_ERROR;
    icu.words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), err));
    if (U_FAILURE(err)) icu.words.reset();
  }
  if (!icu.words) return;
  // Segment the ORIGINAL text (Thai keeps its vowel marks there), with the same UTF-16
  // offsets as the position map (one U+FFFD per bad byte), and flag the folded char that
  // starts each segment.
  icu.src.remove();
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    int len;
    bool bad;
    char32_t c = utf8::decode(p, text.size(), i, &len, &bad);
    icu.src.append(UChar32(c));
    i += size_t(len);
  }
  std::vector<uint8_t>& at = icu.boundary;
  at.assign(size_t(icu.src.length()) + 1, 0);
  icu.words->setText(icu.src);
  for (int32_t b = icu.words->first(); b != icu::BreakIterator::DONE; b = icu.words->next()) {
    if (b >= 0 && size_t(b) < at.size()) at[size_t(b)] = 1;
  }
  for (size_t k = 0; k < out.stored.size(); ++k) {
    FoldedChar& f = out.stored[k];
    bool chunk_start = k == 0 || out.stored[k - 1].o16 != f.o16;
    if (chunk_start && f.o16 < at.size() && at[f.o16]) f.flags |= kFcBreak;
  }
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

  // Stats and tokens.
  uint32_t digits = 0, dots = 0;
  out.tokens.clear();
  bool singles = false;
  for (size_t i = 0; i < n; ++i) {
    FoldedChar& f = ch[i];
    char32_t c = f.cp;
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
  for (size_t k = 0; k + 2 < out.tokens.size() && !singles; ++k) {
    singles = out.tokens[k].end - out.tokens[k].begin == 1 && out.tokens[k + 1].end - out.tokens[k + 1].begin == 1 &&
              out.tokens[k + 2].end - out.tokens[k + 2].begin == 1;
  }
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
    if (tk[k].end - tk[k].begin == 1) {
      letters = tk[k].letters;
      while (j + 1 < tk.size() && tk[j + 1].end - tk[j + 1].begin == 1) {
        uint32_t gap_b = tk[j].end, gap_e = tk[j + 1].begin;
        if (gap_e - gap_b > 3) break;
        bool ok = true;
        for (uint32_t g = gap_b; g < gap_e; ++g) {
          if (ch[g].cls != kClsSpace && ch[g].cls != kClsJoinSep) {
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
      uint32_t min_gap = 4;
      for (size_t m = k; m < j; ++m) {
        uint32_t gb = tk[m].end, ge = tk[m + 1].begin;
        min_gap = std::min(min_gap, ge - gb);
        for (uint32_t g = gb; g < ge; ++g) any_sep |= ch[g].cls == kClsJoinSep;
      }
      size_t word_begin = k;
      for (size_t m = k; m <= j; ++m) {
        bool brk = m == j;
        if (!brk) {
          uint32_t gb = tk[m].end, ge = tk[m + 1].begin;
          bool sep = false;
          for (uint32_t g = gb; g < ge; ++g) sep |= ch[g].cls == kClsJoinSep;
          brk = any_sep ? !sep : (ge - gb) > min_gap;
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
      } else if (all_leet && before && !after && len <= 3 && !bang) {
        // Trailing: "b3g0", "t41" are words, "gacor88", "iphone13" are not. The main view
        // keeps the digits; the token is also matched once more with them read as letters.
        out.alt_tokens.push_back(t.begin);
        out.alt_tokens.push_back(t.end);
        out.alt_tokens.push_back(idx[p]);
      }
      p = q;
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
                              std::vector<uint32_t>* counts) {
  syms->clear();
  counts->clear();
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
  }
}

}  // namespace etalase
