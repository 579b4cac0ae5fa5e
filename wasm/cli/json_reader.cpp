#include "cli/json_reader.h"

#include <cstdlib>
#include <cstring>

namespace etalase {

namespace {

void append_utf8(std::string& out, unsigned c) {
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

}  // namespace

bool FlatJsonReader::parse_string(std::string* out) {
  // at '"'
  ++p_;
  out->clear();
  for (;;) {
    const char* s = p_;
    while (p_ < end_ && *p_ != '"' && *p_ != '\\' && (unsigned char)*p_ >= 0x20) ++p_;
    out->append(s, size_t(p_ - s));
    if (p_ >= end_) {
      err_ = "unterminated string";
      return false;
    }
    char c = *p_;
    if (c == '"') {
      ++p_;
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
        append_utf8(*out, cp);
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
  std::string scratch;
  while (p_ < end_) {
    char c = *p_;
    if (c == '"') {
      if (!parse_string(&scratch)) return false;
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

bool FlatJsonReader::parse_value(Field* f) {
  ws();
  if (p_ >= end_) {
    err_ = "missing value";
    return false;
  }
  char c = *p_;
  if (c == '"') {
    f->kind = Kind::string;
    return parse_string(&f->str);
  }
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
    f->num = std::strtod(f->str.c_str(), nullptr);
    return true;
  }
  err_ = "unexpected character";
  return false;
}

bool FlatJsonReader::parse(std::string_view line, std::string* error) {
  id.kind = user.kind = text.kind = ts.kind = Kind::absent;
  p_ = line.data();
  end_ = line.data() + line.size();
  err_.clear();
  Field ignored;
  auto fail = [&]() {
    *error = err_;
    return false;
  };
  ws();
  if (p_ >= end_ || *p_ != '{') {
    err_ = "not a JSON object";
    return fail();
  }
  ++p_;
  ws();
  if (p_ < end_ && *p_ == '}') {
    ++p_;
  } else {
    for (;;) {
      ws();
      if (p_ >= end_ || *p_ != '"') {
        err_ = "expected a key";
        return fail();
      }
      if (!parse_string(&key_)) return fail();
      ws();
      if (p_ >= end_ || *p_ != ':') {
        err_ = "expected ':'";
        return fail();
      }
      ++p_;
      Field* f = &ignored;
      if (key_ == "text") f = &text;
      else if (key_ == "id") f = &id;
      else if (key_ == "user") f = &user;
      else if (key_ == "ts") f = &ts;
      if (!parse_value(f)) return fail();
      ws();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        continue;
      }
      if (p_ < end_ && *p_ == '}') {
        ++p_;
        break;
      }
      err_ = "expected ',' or '}'";
      return fail();
    }
  }
  ws();
  if (p_ != end_) {
    err_ = "trailing characters after the object";
    return fail();
  }
  return true;
}

}  // namespace etalase
