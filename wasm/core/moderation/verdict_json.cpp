// Verdicts as NDJSON lines: {"id","action","categories","spans","masked"}, written straight
// into the output buffer. Its own file: output formatting, apart from moderation itself.
#include "core/moderation/moderator.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/moderation/categories.h"
#include "core/text/json_bytes.h"
#include "core/text/utf8.h"

namespace etalase {

namespace {

// Output is written straight into the string: it is grown once to an upper bound of what
// one call can write, filled through a pointer, then cut to the bytes used (no append per
// piece).

// True when `s` goes out as is: printable ASCII without '"' and '\\' (the common case).
// Eight bytes at a time: the comment text is most of every verdict line.
inline bool json_plain(std::string_view s) {
  // Non-ASCII bytes (high bit set) do not go out as is either.
  auto special = [](uint64_t x) { return (x & 0x8080808080808080ull) | json_escape_bytes(x); };
  const char* p = s.data();
  const size_t n = s.size();
  if (n >= 8) {
    uint64_t bad = 0, x;
    for (size_t i = 0; i + 8 <= n; i += 8) {
      std::memcpy(&x, p + i, 8);
      bad |= special(x);
    }
    std::memcpy(&x, p + n - 8, 8);  // the last 8 bytes cover the rest
    return (bad | special(x)) == 0;
  }
  if (n >= 4) {  // ids are short: two overlapping 4-byte loads cover 4 to 7 bytes
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return special(uint64_t(hi) << 32 | lo) == 0;
  }
  unsigned bad = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned c = static_cast<unsigned char>(p[i]);
    bad |= unsigned(c - 0x20u >= 0x60u) | unsigned(c == '"') | unsigned(c == '\\');
  }
  return bad == 0;
}

// Room a JSON string literal of `s` may take: 6 bytes per input byte covers "\u00XX", "\uFFFD"
// for a bad byte and the \u escapes of 2- to 4-byte sequences (at most 12 for 4 bytes).
inline size_t json_bound(std::string_view s, bool plain) { return (plain ? s.size() : 6 * s.size()) + 2; }

inline char* put(char* w, const char* s, size_t n) {
  std::memcpy(w, s, n);
  return w + n;
}
template <size_t N>
inline char* put(char* w, const char (&lit)[N]) {
  return put(w, lit, N - 1);
}

// `ascii` writes every non-ASCII code point as \uXXXX (a surrogate pair above U+FFFF), so the
// output is pure ASCII: a JS TextDecoder then makes a one-byte string without decoding.
char* write_escaped_string(char* w, std::string_view s, bool ascii);
inline char* write_json_string(char* w, std::string_view s, bool plain, bool ascii = false) {
  if (!plain) return write_escaped_string(w, s, ascii);
  *w++ = '"';
  w = put(w, s.data(), s.size());
  *w++ = '"';
  return w;
}

// The string with escapes, out of line: most strings are plain, and this larger body would
// otherwise weigh on each of their calls.
__attribute__((noinline)) char* write_escaped_string(char* w, std::string_view s, bool ascii) {
  static const char* hex = "0123456789abcdef";
  *w++ = '"';
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Copy a stretch of plain ASCII at once.
    size_t j = i;
    while (j < n && p[j] >= 0x20 && p[j] < 0x80 && p[j] != '"' && p[j] != '\\') ++j;
    w = put(w, s.data() + i, j - i);
    i = j;
    if (i >= n) break;
    unsigned char c = p[i];
    if (c == '"' || c == '\\') {
      *w++ = '\\';
      *w++ = char(c);
      ++i;
    } else if (c < 0x20) {
      w = put(w, "\\u00");
      *w++ = hex[c >> 4];
      *w++ = hex[c & 15];
      ++i;
    } else {
      int len;
      bool bad;
      char32_t cp = utf8::decode(p, n, i, &len, &bad);
      if (ascii) {
        if (bad) cp = 0xFFFD;
        auto u4 = [&](uint32_t u) {
          w = put(w, "\\u");
          for (int sh = 12; sh >= 0; sh -= 4) *w++ = hex[(u >> sh) & 15];
        };
        if (cp >= 0x10000) {
          u4(0xD800 + ((cp - 0x10000) >> 10));
          u4(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
          u4(cp);
        }
      } else if (bad) w = put(w, "\xEF\xBF\xBD");
      else if (cp == 0x2028) w = put(w, "\\u2028");
      else if (cp == 0x2029) w = put(w, "\\u2029");
      else w = put(w, s.data() + i, size_t(len));
      i += size_t(len);
    }
  }
  *w++ = '"';
  return w;
}

char* write_uint(char* w, uint32_t x) {
  char num[16];
  int k = 0;
  do {
    num[k++] = char('0' + x % 10);
    x /= 10;
  } while (x);
  while (k) *w++ = num[--k];
  return w;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  bool plain = json_plain(s);
  size_t old = out.size();
  out.resize(old + json_bound(s, plain));
  char* w = write_json_string(&out[old], s, plain);
  out.resize(size_t(w - out.data()));
}

size_t verdict_json_bound(std::string_view id, const Verdict& v) {
  // The worst case, without looking at the bytes: room costs nothing until it is written.
  size_t bound = 64 + json_bound(id, false) + json_bound(v.masked, false) + kCategoryCount * 16;
  for (const Span& sp : v.spans) bound += 32 + json_bound(sp.rule, false);
  return bound;
}

char* write_verdict_json(char* w, std::string_view id, const Verdict& v, JsonText text) {
  bool ascii = text == JsonText::ascii;
  w = put(w, "{\"id\":");
  w = write_json_string(w, id, json_plain(id), ascii);
  if (v.action == Action::allow && v.spans.empty() && v.categories.empty()) {
    // Most comments: everything between the id and the text is always the same.
    w = put(w, ",\"action\":\"allow\",\"categories\":[],\"spans\":[],\"masked\":");
    w = write_json_string(w, v.masked, json_plain(v.masked), ascii);
    *w++ = '}';
    return w;
  }
  w = put(w, ",\"action\":\"");
  const char* an = action_name(v.action);
  w = put(w, an, std::strlen(an));
  w = put(w, "\",\"categories\":[");
  bool first = true;
  for (int i = 0; i < kCategoryCount; ++i) {
    if (!v.categories.has(Category(i))) continue;
    if (!first) *w++ = ',';
    first = false;
    *w++ = '"';
    std::string_view name = category_name(Category(i));
    w = put(w, name.data(), name.size());
    *w++ = '"';
  }
  w = put(w, "],\"spans\":[");
  for (size_t i = 0; i < v.spans.size(); ++i) {
    if (i) *w++ = ',';
    *w++ = '[';
    w = write_uint(w, v.spans[i].start);
    *w++ = ',';
    w = write_uint(w, v.spans[i].end);
    *w++ = ',';
    w = write_json_string(w, v.spans[i].rule, json_plain(v.spans[i].rule), ascii);
    *w++ = ']';
  }
  w = put(w, "],\"masked\":");
  w = write_json_string(w, v.masked, json_plain(v.masked), ascii);
  *w++ = '}';
  return w;
}

void append_verdict_json(std::string& out, std::string_view id, const Verdict& v) {
  size_t old = out.size();
  out.resize(old + verdict_json_bound(id, v));
  char* w = write_verdict_json(&out[old], id, v);
  out.resize(size_t(w - out.data()));
}

std::string verdict_to_json(std::string_view id, const Verdict& v) {
  std::string out;
  append_verdict_json(out, id, v);
  return out;
}

}  // namespace etalase
