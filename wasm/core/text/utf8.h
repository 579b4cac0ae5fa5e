// Strict UTF-8 decoding (Unicode Table 3-7): overlongs, surrogates (CESU-8) and values
// above U+10FFFF are rejected. An ill-formed sequence stands for one U+FFFD per maximal
// subpart (the longest start of a well-formed sequence, or one byte), as WHATWG's decoder
// and ICU replace it, so spans counted here match a browser's on the same bytes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace etalase {
namespace utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[i] (i < n). Sets *len to the bytes used (the maximal subpart
// for an ill-formed sequence) and *bad when the bytes do not form a well-formed sequence.
inline char32_t decode(const unsigned char* s, size_t n, size_t i, int* len, bool* bad) {
  unsigned char b0 = s[i];
  *bad = false;
  if (b0 < 0x80) {
    *len = 1;
    return b0;
  }
  auto cont = [&](size_t k, unsigned char lo, unsigned char hi) {
    return i + k < n && s[i + k] >= lo && s[i + k] <= hi;
  };
  int sub = 1;  // the maximal subpart, when the sequence is cut short
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (cont(1, 0x80, 0xBF)) {
      *len = 2;
      return char32_t(b0 & 0x1F) << 6 | (s[i + 1] & 0x3F);
    }
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
    unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
    if (cont(1, lo, hi)) {
      if (cont(2, 0x80, 0xBF)) {
        *len = 3;
        return char32_t(b0 & 0x0F) << 12 | char32_t(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
      }
      sub = 2;
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (cont(1, lo, hi)) {
      sub = 2;
      if (cont(2, 0x80, 0xBF)) {
        if (cont(3, 0x80, 0xBF)) {
          *len = 4;
          return char32_t(b0 & 0x07) << 18 | char32_t(s[i + 1] & 0x3F) << 12 |
                 char32_t(s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F);
        }
        sub = 3;
      }
    }
  }
  *len = sub;
  *bad = true;
  return kReplacement;
}

inline void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(char(c));
  } else if (c < 0x800) {
    out.push_back(char(0xC0 | (c >> 6)));
    out.push_back(char(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(char(0xE0 | (c >> 12)));
    out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(char(0x80 | (c & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (c >> 18)));
    out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(char(0x80 | (c & 0x3F)));
  }
}

inline uint32_t utf16_units(char32_t c) { return c >= 0x10000 ? 2 : 1; }

inline bool is_ascii(std::string_view s) {
  // Eight bytes at a time: every comment is checked before folding.
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  uint64_t acc = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    acc |= x;
  }
  for (; i < n; ++i) acc |= p[i];
  return (acc & 0x8080808080808080ull) == 0;
}

inline bool valid(std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  while (i < s.size()) {
    int len;
    bool bad;
    decode(p, s.size(), i, &len, &bad);
    if (bad) return false;
    i += size_t(len);
  }
  return true;
}

// Appends `s` with every ill-formed byte replaced by U+FFFD.
inline void append_sanitized(std::string& out, std::string_view s) {
  if (valid(s)) {
    out.append(s.data(), s.size());
    return;
  }
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  while (i < s.size()) {
    int len;
    bool bad;
    char32_t c = decode(p, s.size(), i, &len, &bad);
    if (bad) {
      append(out, kReplacement);
    } else {
      out.append(s.data() + i, size_t(len));
    }
    (void)c;
    i += size_t(len);
  }
}

}  // namespace utf8

// Reads code points one by one (ill-formed bytes come out as U+FFFD, one per byte).
//   for (Utf8Reader rd(text); !rd.done();) { uint32_t cp = rd.next(); size_t after = rd.offset(); }
class Utf8Reader {
 public:
  explicit Utf8Reader(std::string_view s) : s_(s) {}
  bool done() const { return pos_ >= s_.size(); }
  uint32_t next() {
    int len;
    bool bad;
    char32_t c = utf8::decode(reinterpret_cast<const unsigned char*>(s_.data()), s_.size(), pos_, &len, &bad);
    pos_ += size_t(len);
    return uint32_t(c);
  }
  size_t offset() const { return pos_; }  // bytes read so far

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace etalase
