// Forgiving UTF-8 decoding: each maximal ill-formed subpart becomes one U+FFFD, exactly as the
// WHATWG decoder (and so the browser) does, so offsets agree with what pages show.
//
//   for (Utf8Reader rd(text); !rd.done();) { char32_t c = rd.next(); size_t end = rd.offset(); }
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace etalase {

class Utf8Reader {
 public:
  explicit Utf8Reader(std::string_view s) : s_(s) {}
  bool done() const { return pos_ >= s_.size(); }
  size_t offset() const { return pos_; }

  char32_t next() {
    const auto* p = reinterpret_cast<const unsigned char*>(s_.data());
    size_t n = s_.size();
    unsigned char b0 = p[pos_];
    if (b0 < 0x80) { ++pos_; return b0; }
    size_t len;
    char32_t cp;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte (no overlongs/surrogates)
    if (b0 >= 0xC2 && b0 <= 0xDF) { len = 2; cp = b0 & 0x1F; }
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3; cp = b0 & 0x0F;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4; cp = b0 & 0x07;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else { ++pos_; return 0xFFFD; }
    if (pos_ + 1 >= n || p[pos_ + 1] < lo || p[pos_ + 1] > hi) { ++pos_; return 0xFFFD; }
    for (size_t i = 1; i < len; ++i) {
      if (pos_ + i >= n || (i > 1 && (p[pos_ + i] & 0xC0) != 0x80)) { pos_ += i; return 0xFFFD; }
      cp = (cp << 6) | (p[pos_ + i] & 0x3F);
    }
    pos_ += len;
    return cp;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) out += char(c);
  else if (c < 0x800) { out += char(0xC0 | (c >> 6)); out += char(0x80 | (c & 0x3F)); }
  else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12)); out += char(0x80 | ((c >> 6) & 0x3F)); out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18)); out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F)); out += char(0x80 | (c & 0x3F));
  }
}

// Code units a code point takes in UTF-16 (what JavaScript string offsets count).
inline uint32_t utf16_length(char32_t c) { return c >= 0x10000 ? 2 : 1; }

}  // namespace etalase
