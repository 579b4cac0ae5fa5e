// The ASCII fast path of folding (Normalizer::fold_ascii): stats and runs in one pass over
// the bytes, from small tables. Its own file: pure-ASCII comments never leave it for ICU.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/text/ascii_stripped.h"
#include "core/text/normalize.h"

namespace etalase {

namespace {

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

}  // namespace

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
  const bool singles = joins_single_letters(fc, tp, nt);
  if (singles || mixed) finish_view(out, singles);
}

}  // namespace etalase
