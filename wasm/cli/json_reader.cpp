#include "cli/json_reader.h"

#include "core/text/json_bytes.h"
#include "core/text/utf8.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

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

bool FlatJsonReader::parse(std::string_view line, std::string* error) {
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
      Field* f = &ignored_;
      if (key.size() == 4 && std::memcmp(key.data(), "text", 4) == 0) f = &text;
      else if (key.size() == 2 && key[0] == 'i' && key[1] == 'd') f = &id;
      else if (key.size() == 4 && std::memcmp(key.data(), "user", 4) == 0) f = &user;
      else if (key.size() == 2 && key[0] == 't' && key[1] == 's') f = &ts;
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
