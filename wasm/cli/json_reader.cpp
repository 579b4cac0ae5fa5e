#include "cli/json_reader.h"

#include "core/text/json_bytes.h"
#include "core/text/utf8.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace etalase {

namespace {

int hex4(const char* p) {
  int v = 0;
  for (int i = 0; i < 4; ++i) {
    char c = p[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= c - '0';
    else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
    else return -1;
  }
  return v;
}

// The first byte in [p, end) that ends a plain stretch of a JSON string: '"', '\\' or a
// control character (or end). Eight bytes at a time, since string bodies are most of every
// input line.
inline const char* scan_plain(const char* p, const char* end) {
  while (end - p >= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    if (uint64_t hit = json_escape_bytes(x)) return p + (__builtin_ctzll(hit) >> 3);
    p += 8;
  }
  while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) ++p;
  return p;
}

inline const char* skip_ws(const char* p, const char* end) {
  // Compact lines have no whitespace at all: one compare says so for any byte above ' '.
  while (p < end && (unsigned char)*p <= ' ' && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) ++p;
  return p;
}

// Lines up to this long can take the fast path (a few words of quote bits on the stack);
// longer ones are mostly text, which the general path reads eight bytes at a time anyway.
constexpr size_t kFastMaxLine = 512;
constexpr size_t kFastWords = kFastMaxLine / 64;

// Bit i of quotes[i / 64] is set when s[i] is '"'; `quotes` must hold (n + 63) / 64 zeroed
// words. False when some byte is '\\' or a control character: escapes, or whitespace the
// fast path leaves to the general one.
inline bool quote_bits(const char* s, size_t n, uint64_t* quotes) {
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
  // x <= 0x1F (unsigned) exactly when min(x, 0x1F) == x.
  auto special = [&](__m128i x) {
    return unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, slash), _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x))));
  };
  auto quoted = [&](__m128i x) { return unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(x, quote))); };
  if (n < 16) {
    char pad[16];
    std::memset(pad, ' ', 16);  // neither a quote nor special
    std::memcpy(pad, s, n);
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(pad));
    quotes[0] = quoted(x);
    return special(x) == 0;
  }
  unsigned bad = 0;
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    bad |= special(x);
    quotes[i >> 6] |= uint64_t(quoted(x)) << (i & 63);
  }
  if (i < n) {
    // The last 16 bytes of the line, shifted so that bit 0 is byte i.
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + n - 16));
    const unsigned shift = unsigned(16 - (n - i));
    bad |= special(x) >> shift;
    quotes[i >> 6] |= uint64_t(quoted(x) >> shift) << (i & 63);
  }
  return bad == 0;
#else
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '\\') return false;
    quotes[i >> 6] |= uint64_t(c == '"') << (i & 63);
  }
  return true;
#endif
}

}  // namespace

// The hot paths work on a cursor in a local (`p`, with `end`), which the compiler keeps in
// a register: stores through the fields' string views could alias the members p_ and end_,
// which would then be reloaded after each. The rare paths use the members.

// At '"': the string's view; p moves past it.
inline bool FlatJsonReader::string_at(const char*& p, const char* end, std::string* buf, std::string_view* view) {
  const char* first = p + 1;
  const char* q = scan_plain(first, end);
  if (q < end && *q == '"') {  // no escapes: a slice of the line
    *view = std::string_view(first, size_t(q - first));
    p = q + 1;
    return true;
  }
  p_ = q;
  bool ok = parse_escaped(first, buf, view);
  p = p_;
  return ok;
}

bool FlatJsonReader::parse_string(std::string* buf, std::string_view* view) {
  const char* p = p_;
  bool ok = string_at(p, end_, buf, view);
  p_ = p;
  return ok;
}

// Kept out of line: the escape handling would otherwise weigh on every plain string (a
// larger frame to set up and tear down).
__attribute__((noinline)) bool FlatJsonReader::parse_escaped(const char* first, std::string* buf,
                                                             std::string_view* view) {
  std::string* out = buf;
  out->assign(first, size_t(p_ - first));
  for (;;) {
    const char* s = p_;
    p_ = scan_plain(p_, end_);
    out->append(s, size_t(p_ - s));
    if (p_ >= end_) {
      err_ = "unterminated string";
      return false;
    }
    char c = *p_;
    if (c == '"') {
      ++p_;
      *view = *out;
      return true;
    }
    if (c != '\\') {
      err_ = "control character in string";
      return false;
    }
    if (p_ + 1 >= end_) {
      err_ = "unterminated string";
      return false;
    }
    char e = p_[1];
    p_ += 2;
    switch (e) {
      case '"': out->push_back('"'); break;
      case '\\': out->push_back('\\'); break;
      case '/': out->push_back('/'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'u': {
        int u = end_ - p_ >= 4 ? hex4(p_) : -1;
        if (u < 0) {
          err_ = "bad \\u escape";
          return false;
        }
        p_ += 4;
        unsigned cp = unsigned(u);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          int lo = (end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u') ? hex4(p_ + 2) : -1;
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + unsigned(lo - 0xDC00);
            p_ += 6;
          } else {
            cp = 0xFFFD;  // lone high surrogate
          }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          cp = 0xFFFD;  // lone low surrogate
        }
        utf8::append(*out, cp);
        break;
      }
      default:
        err_ = std::string("bad escape \\") + e;
        return false;
    }
  }
}

bool FlatJsonReader::skip_value() {
  // Nested object or array: skip to the matching bracket, minding strings.
  int depth = 0;
  std::string_view ignored;
  while (p_ < end_) {
    char c = *p_;
    if (c == '"') {
      if (!parse_string(&scratch_, &ignored)) return false;
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') {
      if (--depth == 0) {
        ++p_;
        return true;
      }
    }
    ++p_;
  }
  err_ = "unterminated object or array";
  return false;
}

inline bool FlatJsonReader::parse_value(const char*& p, const char* end, Field* f) {
  p = skip_ws(p, end);
  if (p < end && *p == '"') {
    f->kind = Kind::string;
    return string_at(p, end, &f->str, &f->view);
  }
  p_ = p;
  bool ok = parse_other(f);
  p = p_;
  return ok;
}

// Values other than strings, out of line like escapes (numbers need a larger frame).
__attribute__((noinline)) bool FlatJsonReader::parse_other(Field* f) {
  if (p_ >= end_) {
    err_ = "missing value";
    return false;
  }
  char c = *p_;
  if (c == '{' || c == '[') {
    f->kind = Kind::nested;
    return skip_value();
  }
  auto word = [&](const char* w, Kind k) {
    size_t n = std::strlen(w);
    if (size_t(end_ - p_) >= n && std::memcmp(p_, w, n) == 0) {
      p_ += n;
      f->kind = k;
      f->num = w[0] == 't';
      return true;
    }
    err_ = "unexpected character";
    return false;
  };
  if (c == 't') return word("true", Kind::boolean);
  if (c == 'f') return word("false", Kind::boolean);
  if (c == 'n') return word("null", Kind::null);
  if (c == '-' || (c >= '0' && c <= '9')) {
    const char* s = p_;
    if (*p_ == '-') ++p_;
    const char* digits = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    if (p_ == digits) {
      err_ = "bad number";
      return false;
    }
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      const char* frac = p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      if (p_ == frac) {
        err_ = "bad number";
        return false;
      }
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      const char* ex = p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      if (p_ == ex) {
        err_ = "bad number";
        return false;
      }
    }
    f->kind = Kind::number;
    f->str.assign(s, size_t(p_ - s));
    f->view = f->str;
    f->num = std::strtod(f->str.c_str(), nullptr);
    return true;
  }
  err_ = "unexpected character";
  return false;
}

FlatJsonReader::Field* FlatJsonReader::field_for(std::string_view key) {
  if (key.size() == 4 && std::memcmp(key.data(), "text", 4) == 0) return &text;
  if (key.size() == 2 && key[0] == 'i' && key[1] == 'd') return &id;
  if (key.size() == 4 && std::memcmp(key.data(), "user", 4) == 0) return &user;
  if (key.size() == 2 && key[0] == 't' && key[1] == 's') return &ts;
  return &ignored_;
}

// Strings are read off bit masks of the quotes, made for the whole line at once: in a line
// without backslashes a string ends at the first quote after its opening one. The layout
// our producers write, {"id":"…","user":"…","text":"…" then "ts" or the end, is matched
// with three fixed compares; any other line goes key by key, checked byte by byte with no
// whitespace allowed. Numbers, true, false and null share the general path's code; nested
// values are left to it.
bool FlatJsonReader::parse_fast(std::string_view line) {
  const char* s = line.data();
  const size_t n = line.size();
  if (n < 2 || n > kFastMaxLine || s[0] != '{') return false;
  uint64_t quotes[kFastWords] = {};
  if (!quote_bits(s, n, quotes)) return false;
  const size_t words = (n + 63) >> 6;
  // The first quote at or after `from`, or n.
  auto quote_from = [&](size_t from) -> size_t {
    size_t w = from >> 6;
    if (w >= words) return n;
    uint64_t bits = quotes[w] & (~uint64_t(0) << (from & 63));
    while (!bits) {
      if (++w >= words) return n;
      bits = quotes[w];
    }
    return (w << 6) + size_t(__builtin_ctzll(bits));
  };
  auto slice = [&](size_t b, size_t e) { return std::string_view(s + b, e - b); };
  id.kind = user.kind = text.kind = ts.kind = Kind::absent;
  end_ = s + n;
  size_t pos = 1;
  if (s[pos] == '}') return n == 2;

  constexpr size_t kIdLen = 7, kNextLen = 10;  // {"id":"   ","user":"   ","text":"
  if (n > kIdLen && std::memcmp(s, "{\"id\":\"", kIdLen) == 0) {
    const size_t id_end = quote_from(kIdLen);
    if (id_end + kNextLen < n && std::memcmp(s + id_end, "\",\"user\":\"", kNextLen) == 0) {
      const size_t user_end = quote_from(id_end + kNextLen);
      if (user_end + kNextLen < n && std::memcmp(s + user_end, "\",\"text\":\"", kNextLen) == 0) {
        const size_t text_end = quote_from(user_end + kNextLen);
        if (text_end + 1 < n) {
          id.kind = user.kind = text.kind = Kind::string;
          id.view = slice(kIdLen, id_end);
          user.view = slice(id_end + kNextLen, user_end);
          text.view = slice(user_end + kNextLen, text_end);
          if (text_end + 2 == n) return s[text_end + 1] == '}';
          if (s[text_end + 1] != ',') return false;
          pos = text_end + 2;  // more keys ("ts"): read them one by one
        }
      }
    }
  }

  for (;;) {
    if (s[pos] != '"') return false;
    const size_t key_end = quote_from(pos + 1);
    if (key_end + 1 >= n || s[key_end + 1] != ':') return false;
    Field* f = field_for(slice(pos + 1, key_end));
    pos = key_end + 2;
    if (pos >= n) return false;
    const char c = s[pos];
    if (c == '"') {
      const size_t value_end = quote_from(pos + 1);
      if (value_end >= n) return false;
      f->kind = Kind::string;
      f->view = slice(pos + 1, value_end);
      pos = value_end + 1;
    } else {
      if (c == '{' || c == '[') return false;  // may hold quotes: the general path skips it
      p_ = s + pos;
      if (!parse_other(f)) return false;
      pos = size_t(p_ - s);
    }
    if (pos + 1 >= n) return pos + 1 == n && s[pos] == '}';
    if (s[pos] != ',') return false;
    ++pos;
  }
}

bool FlatJsonReader::parse_general(std::string_view line, std::string* error) {
  id.kind = user.kind = text.kind = ts.kind = Kind::absent;
  const char* p = line.data();
  const char* const end = line.data() + line.size();
  end_ = end;
  err_.clear();
  auto fail = [&]() {
    *error = err_;
    return false;
  };
  p = skip_ws(p, end);
  if (p >= end || *p != '{') {
    err_ = "not a JSON object";
    return fail();
  }
  p = skip_ws(p + 1, end);
  if (p < end && *p == '}') {
    ++p;
  } else {
    for (;;) {
      p = skip_ws(p, end);
      if (p >= end || *p != '"') {
        err_ = "expected a key";
        return fail();
      }
      std::string_view key;
      if (!string_at(p, end, &key_, &key)) return fail();
      p = skip_ws(p, end);
      if (p >= end || *p != ':') {
        err_ = "expected ':'";
        return fail();
      }
      ++p;
      Field* f = field_for(key);
      if (!parse_value(p, end, f)) return fail();
      p = skip_ws(p, end);
      if (p < end && *p == ',') {
        ++p;
        continue;
      }
      if (p < end && *p == '}') {
        ++p;
        break;
      }
      err_ = "expected ',' or '}'";
      return fail();
    }
  }
  p = skip_ws(p, end);
  if (p != end) {
    err_ = "trailing characters after the object";
    return fail();
  }
  return true;
}

}  // namespace etalase
