// The ICU path of folding (Normalizer::fold_icu): invisibles stripped, NFKC_Casefold, UTS #39
// skeletons, marks dropped, through the Icu state and its fold caches; dictionary word breaks.
// Its own file: every use of ICU in folding, for comments with any non-ASCII byte.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include "core/text/ascii_stripped.h"
#include "core/text/lookalikes.h"
#include "core/text/normalize.h"
#include "core/text/utf8.h"

namespace etalase {

namespace {

// Stripped before normalization: controls, format characters (zero-width, bidi, soft
// hyphen...), default-ignorables (variation selectors, tags, fillers), replacement chars.
bool stripped(char32_t c) {
  if (c < 0x80) return ascii_stripped((unsigned char)c);
  if (c == 0x85) return false;  // NEL: a line break
  if (c < 0xA0) return true;    // C1 controls
  if (c == utf8::kReplacement) return true;
  // Blank-looking symbols that spammers put between letters where a zero-width space would
  // be stripped: the blank Braille pattern and the musical null notehead.
  if (c == 0x2800 || c == 0x1D159) return true;
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
    for (int i = 0; i < n; ++i) src.append(UChar32(pre_nfkc_lookalike(cps[i])));
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
    // Emoji among letters are dropped from the match view later ("an🔥jing"): mark them.
    const bool picto = chunk[0] >= 0xA9 && pictographic(chunk[0]);
    for (int i = 0; i < folded.n; ++i) {
      FoldedChar f;
      f.cp = folded.cp[i];
      f.sym = 0;
      f.o16 = c_o16;
      f.o16_end = c_o16_end;
      f.b = c_b;
      f.b_end = c_b_end;
      f.cls = folded.meta[i] & 0x0F;
      // (Letters that are also emoji, such as 🅰, fold to letters and stay letters.)
      const bool pict = picto && f.cls != kClsLetter && f.cls != kClsDigit;
      f.flags = uint8_t(((folded.meta[i] & 0x10) ? kFcDict : 0) | (pict ? kFcPictograph : 0));
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

}  // namespace etalase
