// Hostile input: whatever arrives, a verdict comes back, spans stay in bounds, the mask is
// valid UTF-8.
#include "doctest.h"

#include <limits>
#include <memory>
#include <string>

#include "core/moderation/moderator.h"
#include "core/text/utf8.h"

using namespace etalase;

namespace {

std::unique_ptr<Moderator> make() {
  ModeratorOptions o;  // built-in lexicons
  o.policy.overall = 4;
  auto m = Moderator::create(o);
  REQUIRE(m.ok());
  return std::move(*m);
}

// UTF-16 length of the original as the engine counts it (one unit per bad byte).
uint32_t units(std::string_view s) {
  uint32_t n = 0;
  for (Utf8Reader rd(s); !rd.done();) n += rd.next() >= 0x10000 ? 2 : 1;
  return n;
}

// Turns the \uXXXX escapes of non-ASCII code points (pairs included) back into UTF-8, so
// the ASCII form of a verdict can be compared with the UTF-8 form byte for byte.
std::string unescape_non_ascii(const std::string& j) {
  std::string out;
  auto hex4 = [&](size_t i) { return uint32_t(std::stoul(j.substr(i, 4), nullptr, 16)); };
  for (size_t i = 0; i < j.size(); ++i) {
    if (j[i] == '\\' && j[i + 1] == 'u') {
      uint32_t u = hex4(i + 2);
      if (u >= 0x80 && u != 0x2028 && u != 0x2029) {
        if (u >= 0xD800 && u < 0xDC00) {
          u = 0x10000 + ((u - 0xD800) << 10) + (hex4(i + 8) - 0xDC00);
          i += 6;
        }
        utf8::append(out, char32_t(u));
        i += 5;
        continue;
      }
    }
    if (j[i] == '\\') out += j[i++];  // an escape: its second char is not a new escape
    out += j[i];
  }
  return out;
}

void check_invariants(const std::string& text, const Verdict& v) {
  uint32_t len = units(text);
  uint32_t prev = 0;
  for (const Span& s : v.spans) {
    CHECK(s.start <= s.end);
    CHECK(s.end <= len);
    CHECK(s.start >= prev);
    prev = s.start;
    CHECK_FALSE(s.rule.empty());
  }
  CHECK(utf8::valid(v.masked));
  if (text.size() <= 2000) CHECK(units(v.masked) == len);  // the mask keeps the UTF-16 length
  CHECK((v.action == Action::allow) == v.spans.empty());
  CHECK((v.action == Action::allow) == v.reasons.empty());
  std::string json = verdict_to_json("x", v);
  CHECK(utf8::valid(json));
  CHECK(json.front() == '{');
  CHECK(json.back() == '}');
  // The ASCII form (the wasm batch output): pure ASCII, the same JSON once unescaped.
  std::string ascii(verdict_json_bound("x", v), '\0');
  ascii.resize(size_t(write_verdict_json(ascii.data(), "x", v, JsonText::ascii) - ascii.data()));
  CHECK(utf8::is_ascii(ascii));
  CHECK(unescape_non_ascii(ascii) == json);
}

}  // namespace

TEST_CASE("invalid UTF-8 and CESU-8 surrogates") {
  auto m = make();
  const std::string cases[] = {
      "\xFF\xFE\xFD",
      "anj\xFFing",                          // a bad byte does not hide a word... nor crash
      "\xED\xA0\xBD\xED\xB8\x80",            // CESU-8 encoded surrogate pair
      "\xC0\xAF overlong",                   // overlong '/'
      "\xF4\x90\x80\x80 above U+10FFFF",
      "\xE2\x82",                            // truncated sequence at the end
      "dasar anjing \xC3",                   // truncated after a match
      "\x80\x80\x80\x80 continuation bytes",
  };
  for (const std::string& t : cases) {
    Verdict v = m->moderate(Comment{"c", "u", t, -1});
    check_invariants(t, v);
  }
  Verdict v = m->moderate(Comment{"c", "u", "dasar anjing \xC3", -1});
  CHECK(v.action == Action::hold);  // level 4 holds what it would mask
  CHECK(v.masked == "dasar ****** \xEF\xBF\xBD");
  // a bad byte inside a word is dropped from matching (never trusted as a separator)
  Verdict w = m->moderate(Comment{"c", "u", "anj\xFFing", -1});
  CHECK(w.categories.has(Category::insult));
  CHECK(w.masked == "*******");
}

TEST_CASE("a 1 MB comment is cut and blocked") {
  auto m = make();
  std::string big;
  while (big.size() < (1u << 20)) big += "anjing \xF0\x9F\x98\x80 kata ";
  Verdict v = m->moderate(Comment{"c", "u", big, -1});
  check_invariants(big, v);
  CHECK(v.action == Action::block);
  CHECK(v.masked.size() <= 2000);
  CHECK(v.reasons.back() == "input.too_long");
  CHECK(v.spans.back().end == units(big));
}

TEST_CASE("10,000 combining marks") {
  auto m = make();
  std::string t = "a";
  for (int i = 0; i < 10000; ++i) t += "\xCC\x81";  // U+0301
  t += " anjing";
  Verdict v = m->moderate(Comment{"c", "u", t, -1});
  check_invariants(t, v);
  std::string u = "anjing";
  for (int i = 0; i < 500; ++i) u += "\xCC\x81\xCC\xA3\xD2\x89";  // marks of several classes
  Verdict w = m->moderate(Comment{"c", "u", u, -1});
  check_invariants(u, w);
  CHECK(w.categories.has(Category::insult));
}

TEST_CASE("bidi overrides, NUL and other controls") {
  auto m = make();
  std::string t = "\u202Egnijna\u202C \u2066x\u2069";
  check_invariants(t, m->moderate(Comment{"c", "u", t, -1}));
  std::string nul("an\0jing\0", 8);
  Verdict v = m->moderate(Comment{"c", "u", nul, -1});
  check_invariants(nul, v);
  CHECK(v.categories.has(Category::insult));
  std::string json = verdict_to_json("n", v);
  CHECK(json.find("\\u0000") != std::string::npos);
  std::string ctl;
  for (int c = 0; c < 32; ++c) ctl.push_back(char(c));
  check_invariants(ctl, m->moderate(Comment{"c", "u", ctl, -1}));
}

TEST_CASE("alternating scripts, separators and digits") {
  auto m = make();
  std::string t;
  const char* pieces[] = {"а", "a", "α", "1", ".", "-", "ｂ", "𝐜", "\u200B", "\u0301", "ก", "中", "😀", "@", "9"};
  for (int i = 0; i < 400; ++i) t += pieces[i % 15];
  Verdict v = m->moderate(Comment{"c", "u", t, -1});
  check_invariants(t, v);
  // empty and all-whitespace input
  check_invariants("", m->moderate(Comment{"c", "u", "", -1}));
  check_invariants("   ", m->moderate(Comment{"c", "u", "   ", -1}));
}

TEST_CASE("long user ids and odd times") {
  auto m = make();
  std::string user(100000, 'u');
  for (double ts : {-1.0, 0.0, 1e300, -1e300, 1e-300}) {
    check_invariants("halo", m->moderate(Comment{"c", user, "halo", ts}));
  }
  double nan = std::numeric_limits<double>::quiet_NaN();
  check_invariants("halo", m->moderate(Comment{"c", "u", "halo", nan}));
  double inf = std::numeric_limits<double>::infinity();
  check_invariants("halo", m->moderate(Comment{"c", "u", "halo", inf}));
}

TEST_CASE("ill-formed UTF-8 becomes one U+FFFD per maximal subpart, as browsers decode it") {
  auto m = make();
  Verdict v = m->moderate(Comment{"c", "u", "a\xE2\x82 anjing", -1});  // a cut-short 3-byte sequence
  CHECK(v.masked == "a\xEF\xBF\xBD ******");  // one replacement for both bytes
  REQUIRE(v.spans.size() == 1);
  CHECK(v.spans[0].start == 3);  // a, U+FFFD, space: the browser's offsets
  Verdict w = m->moderate(Comment{"c", "u", "\xF0\x9F\x98 \xC0\xAF", -1});
  CHECK(w.masked == "\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD");  // 3-byte subpart; C0 and AF apart
}
