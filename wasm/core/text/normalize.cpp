// The entry point of folding (Normalizer::normalize): picks the ASCII fast path
// (fold_ascii.cpp) or the ICU path (fold_icu.cpp), then builds the match view
// (match_view.cpp). Its own file: the one place that chooses between the paths.
#include "core/text/normalize.h"

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "core/text/utf8.h"

namespace etalase {

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
  out.joined = false;
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

}  // namespace etalase
