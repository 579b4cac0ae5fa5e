#include "core/text/visual_order.h"

#include <unicode/ubidi.h>
#include <unicode/unistr.h>

#include <cstring>
#include <memory>

namespace etalase {

bool has_bidi_controls(std::string_view utf8) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  for (const void* at = std::memchr(p, 0xE2, n); at; ) {
    size_t i = size_t(static_cast<const unsigned char*>(at) - p);
    if (i + 2 < n) {
      if (p[i + 1] == 0x80 && p[i + 2] >= 0xAA && p[i + 2] <= 0xAE) return true;  // LRE RLE PDF LRO RLO
      if (p[i + 1] == 0x81 && p[i + 2] >= 0xA6 && p[i + 2] <= 0xA9) return true;  // LRI RLI FSI PDI
    }
    if (i + 1 >= n) break;
    at = std::memchr(p + i + 1, 0xE2, n - i - 1);
  }
  return false;
}

bool visual_order(std::string_view utf8, std::string& out, std::vector<uint32_t>& logical16) {
  icu::UnicodeString logical = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size())));
  const int32_t len = logical.length();
  if (len == 0) return false;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, void (*)(UBiDi*)> bidi(ubidi_openSized(len, 0, &err), ubidi_close);
  if (U_FAILURE(err) || !bidi) return false;
  ubidi_setPara(bidi.get(), logical.getBuffer(), len, UBIDI_DEFAULT_LTR, nullptr, &err);
  if (U_FAILURE(err)) return false;
  icu::UnicodeString visual;
  UChar* buf = visual.getBuffer(len);
  // Controls are kept (the folding strips them), so visual and logical have one length.
  int32_t written = ubidi_writeReordered(bidi.get(), buf, len, 0, &err);
  visual.releaseBuffer(U_SUCCESS(err) ? written : 0);
  if (U_FAILURE(err) || written != len) return false;
  logical16.resize(size_t(len));
  std::vector<int32_t> map(static_cast<size_t>(len), 0);
  ubidi_getVisualMap(bidi.get(), map.data(), &err);
  if (U_FAILURE(err)) return false;
  for (int32_t v = 0; v < len; ++v) logical16[size_t(v)] = uint32_t(map[size_t(v)] < 0 ? 0 : map[size_t(v)]);
  out.clear();
  visual.toUTF8String(out);
  return true;
}

}  // namespace etalase
