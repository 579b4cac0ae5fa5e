// Text folding: what the matcher sees, and the way back to the original text.
#include "doctest.h"

#include <string>

#include "core/text/normalize.h"
#include "core/text/utf8.h"
#include "fold_fixture.h"

using namespace etalase;

using namespace etalase::testing;

TEST_CASE("ASCII folds by lowercasing; 'l' and 'i' share a symbol") {
  CHECK(folded("Halo KAK") == "halo kak");
  CHECK(view("Halo KAK") == "haio_kak");
  CHECK(view("  dasar   bego!! ") == "_dasar_bego_");
}

TEST_CASE("invisible and control characters are stripped") {
  // zero-width space, soft hyphen, word joiner, BOM, bidi override, variation selector, NUL
  CHECK(folded("an\u200Bji\u00ADng") == "anjing");
  CHECK(folded("an\u2060ji\uFEFFng") == "anjing");
  CHECK(folded("\u202Eanjing\u202C") == "anjing");
  CHECK(folded("anj\uFE0Fing") == "anjing");
  CHECK(folded(std::string("anj\0ing", 7)) == "anjing");
  CHECK(folded("anj\x01\x7Fing") == "anjing");
  // whitespace controls are separators, not stripped
  CHECK(view("kata\tkata\nkata") == "kata_kata_kata");
}

TEST_CASE("NFKC casefold and skeleton map look-alikes to Latin") {
  CHECK(folded("ＡＮＪＩＮＧ") == "anjing");                        // fullwidth
  CHECK(folded("𝐚𝐧𝐣𝐢𝐧𝐠") == "anjing");                            // mathematical bold
  CHECK(folded("𝘢𝘯𝘫𝘪𝘯𝘨") == "anjing");                            // mathematical italic
  CHECK(folded("ⓐⓝⓙⓘⓝⓖ") == "anjing");                            // circled
  CHECK(folded("\u0410nj\u0456ng") == "anjing");                    // Cyrillic А, і
  CHECK(folded("k\u043Ent\u043El") == "kontol");                   // Cyrillic о
  CHECK(folded("\u03BFk") == "ok");                                 // Greek omicron
  CHECK(folded("ÀNJÌNG") == "anjing");                              // accents dropped
  CHECK(folded("a\u0301\u0302\u0303njing") == "anjing");            // combining marks dropped
  CHECK(folded("Straße") == "strasse");
}

TEST_CASE("ASCII never goes through the skeleton (m stays m, 0 stays 0)") {
  CHECK(folded("m0del", true) == "m0del");
  CHECK(folded("rn l1 O0", true) == "rn l1 o0");
}

TEST_CASE("position map points back to the original UTF-16 and bytes") {
  NormText t;
  // "é" is 2 bytes / 1 unit, the emoji 4 bytes / 2 units, ZWSP 3 bytes / 1 unit (stripped)
  std::string s = "x\xC3\xA9\xF0\x9F\x98\x80y\u200Bz";
  norm().normalize(s, 1000, t);
  REQUIRE(t.view().size() == 5);  // x e 😀 y z
  CHECK(t.view()[0].cp == 'x');
  CHECK(t.view()[1].cp == 'e');
  CHECK(t.view()[1].o16 == 1);
  CHECK(t.view()[1].o16_end == 2);
  CHECK(t.view()[1].b == 1);
  CHECK(t.view()[1].b_end == 3);
  CHECK(t.view()[2].o16 == 2);
  CHECK(t.view()[2].o16_end == 4);
  CHECK(t.view()[3].cp == 'y');
  CHECK(t.view()[3].o16 == 4);
  CHECK(t.view()[4].cp == 'z');
  CHECK(t.view()[4].o16 == 6);  // after the stripped ZWSP
  CHECK(t.view()[4].b == 11);
  CHECK(t.utf16_len == 7);
}

TEST_CASE("one original character can fold to several, all mapping back to it") {
  NormText t;
  norm().normalize("\xEF\xAC\x81x", 100, t);  // U+FB01 "ﬁ" ligature
  REQUIRE(t.view().size() == 3);
  CHECK(t.view()[0].cp == 'f');
  CHECK(t.view()[1].cp == 'i');
  CHECK(t.view()[0].o16 == 0);
  CHECK(t.view()[1].o16_end == 1);
  CHECK(t.view()[2].o16 == 1);
}

TEST_CASE("a base with its combining marks maps to the whole cluster") {
  NormText t;
  norm().normalize("e\xCC\x81\xCC\x82z", 100, t);  // e + U+0301 + U+0302, z
  REQUIRE(t.view().size() == 2);
  CHECK(t.view()[0].cp == 'e');
  CHECK(t.view()[0].o16 == 0);
  CHECK(t.view()[0].o16_end == 3);
  CHECK(t.view()[1].o16 == 3);
}

TEST_CASE("the input is cut at a code point boundary") {
  NormText t;
  norm().normalize("ab\xC3\xA9", 3, t);  // "abé": 4 bytes, cap 3 -> "ab"
  CHECK(t.bytes == 2);
  CHECK(t.view().size() == 2);
  norm().normalize("abcdef", 4, t);
  CHECK(t.bytes == 4);
}

TEST_CASE("invalid UTF-8: each bad byte is one U+FFFD unit and is not matched") {
  NormText t;
  norm().normalize("a\xFF\xFE" "b\xED\xA0\x80" "c", 100, t);
  REQUIRE(t.view().size() == 3);
  CHECK(t.view()[1].cp == 'b');
  CHECK(t.view()[1].o16 == 3);
  CHECK(t.view()[2].o16 == 7);  // three bad CESU bytes = three units
  CHECK(t.utf16_len == 8);
}

TEST_CASE("counters used by the spam rules") {
  NormText t;
  norm().normalize("HALO Kak", 100, t);
  CHECK(t.upper == 5);
  CHECK(t.lower == 2);
  norm().normalize("🔥🔥 🔥🔥🔥🔥🔥🔥🔥🔥🔥 ok", 1000, t);
  CHECK(t.emoji_run == 11);
  CHECK(t.emoji_o16 == 0);
  norm().normalize("mantap!!!!!!!!!!", 100, t);
  uint32_t at = 0;
  CHECK(t.longest_repeat(&at) == 10);
  CHECK(t.view()[at].cp == '!');
  norm().normalize("aa bbb  cccc c", 100, t);
  CHECK(t.longest_repeat(&at) == 4);  // a space ends a stretch
  CHECK(at == 8);
}


TEST_CASE("Thai gets dictionary word boundaries") {
  NormText t;
  // "สวัสดีครับ" = two words; the run after the first should start a word
  norm().normalize("สวัสดีครับ", 1000, t);
  CHECK(t.has_dict);
  int starts = 0;
  for (const Run& r : t.runs) starts += (r.flags & kRunWordStart) ? 1 : 0;
  CHECK(starts >= 2);
}

TEST_CASE("plain ASCII is read in place; joining, leetspeak and controls store the chars") {
  NormText t;
  const std::string plain = "Harga Rp 149.000, kak";
  norm().normalize(plain, 1000, t);
  CHECK(t.plain == reinterpret_cast<const unsigned char*>(plain.data()));
  CHECK(t.stored.empty());
  REQUIRE(t.view().size() == plain.size());
  CHECK(t.view()[0].cp == 'h');
  CHECK(t.view()[1].sym == 'a');
  CHECK(t.view()[5].cls == kClsSpace);
  CHECK(t.view()[20].o16 == 20);
  CHECK(t.view()[20].o16_end == 21);
  CHECK(t.run_o16_end(t.runs.size() - 1) == 21);
  for (std::string s : {std::string("a.n.j.i.n.g"), std::string("4nj1ng"), std::string("ok\x01kak")}) {
    norm().normalize(s, 1000, t);
    CHECK_MESSAGE(t.plain == nullptr, s);
    CHECK_MESSAGE(!t.stored.empty(), s);
  }
  CHECK(t.view().size() == 5);  // the control is stripped
  CHECK(t.view()[2].o16 == 3);  // and the chars after it map past it
}
