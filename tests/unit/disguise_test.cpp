// Disguises a determined spammer uses, one class a case, with the built-in lexicons at the
// default level; tests/corpora/adversarial/ holds thousands more (cli_adversarial).
#include "doctest.h"

#include <memory>
#include <string>

#include "core/moderation/moderator.h"

using namespace etalase;

namespace {

std::unique_ptr<Moderator> make() {
  ModeratorOptions o;
  auto m = Moderator::create(o);
  REQUIRE(m.ok());
  return std::move(*m);
}

Verdict run(Moderator& m, std::string_view text) { return m.moderate(Comment{"c", "u", text, -1}); }
bool acted(Moderator& m, std::string_view text) { return run(m, text).action != Action::allow; }

}  // namespace

TEST_CASE("emoji and blank symbols between letters") {
  auto m = make();
  CHECK(acted(*m, "dasar an\xF0\x9F\x94\xA5jing"));                        // an🔥jing
  CHECK(acted(*m, "k\xF0\x9F\x98\x80o\xF0\x9F\x98\x80n\xF0\x9F\x98\x80t\xF0\x9F\x98\x80o\xF0\x9F\x98\x80l"));
  CHECK(acted(*m, "dasar a\xE2\xA0\x80n\xE2\xA0\x80j\xE2\xA0\x80i\xE2\xA0\x80n\xE2\xA0\x80g"));  // U+2800
  CHECK_FALSE(acted(*m, "mantap\xF0\x9F\x91\x8Dkak ready?"));               // joined, still clean
}

TEST_CASE("separators, shouting and articles around single letters") {
  auto m = make();
  CHECK(acted(*m, "k.a.m.p.r.e.t!!"));
  CHECK(acted(*m, "b a b i!!!"));
  CHECK(acted(*m, "dasar s+y+a+l+a+n"));
  CHECK(acted(*m, "the host is a s/h/i/t"));
  CHECK(acted(*m, "what a p  h  u  k seller"));  // "a" spaced like the letters after it
  CHECK_FALSE(acted(*m, "ukuran S / M / L ready kak"));
}

TEST_CASE("look-alikes: parenthesized, negative squared, small capitals, euro sign") {
  auto m = make();
  CHECK(acted(*m, "kamu \xE2\x92\x9C\xE2\x92\xA9\xE2\x92\xA5\xE2\x92\xA4\xE2\x92\xA9\xE2\x92\xA2"));  // ⒜⒩⒥⒤⒩⒢
  CHECK(acted(*m, "\xF0\x9F\x85\xBA\xF0\x9F\x85\xB0\xF0\x9F\x85\xBC\xF0\x9F\x85\xBF\xF0\x9F\x86\x81\xF0\x9F\x85\xB4\xF0\x9F\x86\x83"));  // 🅺🅰🅼🅿🆁🅴🆃
  CHECK(acted(*m, "\xE1\xB4\x8B\xE1\xB4\x8F\xC9\xB4\xE1\xB4\x9B\xE1\xB4\x8F\xCA\x9F"));  // ᴋᴏɴᴛᴏʟ
}

TEST_CASE("heavy leetspeak, self-censoring and symbols for letters") {
  auto m = make();
  CHECK(acted(*m, "hostnya 51@l4n banget"));
  CHECK(acted(*m, "adminnya k*mpr*t"));
  CHECK(acted(*m, "kamu *nj*ng"));
  CHECK(acted(*m, "f*ck you"));
  CHECK(acted(*m, "hostnya mamp|_|s"));
  CHECK(acted(*m, "+aik lu"));
  Verdict v = run(*m, "dasar k*nt*l!");
  bool whole_word = false;  // the starred word is one span, its stars included
  for (const Span& s : v.spans) whole_word |= s.start == 6 && s.end == 12 && s.rule == "lexicon.id.sexual";
  CHECK(whole_word);
  CHECK(v.masked == "dasar ******!");
  // prices, sizes and starred praise stay clean
  CHECK_FALSE(acted(*m, "harga 50+ ongkir, 2pcs 10rb"));
  CHECK_FALSE(acted(*m, "**PROMO** b*g*s banget kak"));
}

TEST_CASE("bidi overrides: moderated in the order the viewer sees, spans in the original") {
  auto m = make();
  Verdict v = run(*m, "dasar \xE2\x80\xAEgnijna\xE2\x80\xAC ya");  // shows "dasar anjing ya"
  CHECK(v.action == Action::mask);
  REQUIRE(v.spans.size() == 1);
  CHECK(v.spans[0].start == 7);  // "gnijna" in the original
  CHECK(v.spans[0].end == 13);
  CHECK(run(*m, "wa \xE2\x80\xAE" "0987654321 80\xE2\x80\xAC").categories.has(Category::contact));
  CHECK_FALSE(acted(*m, "\xE2\x80\xAEhalo kak\xE2\x80\xAC"));
}

TEST_CASE("allow phrases are literal: no extra letters, l and i as written") {
  auto m = make();
  CHECK(acted(*m, "nigger river"));   // not the allow phrase "niger river"
  CHECK_FALSE(acted(*m, "can we talk about the price"));  // "talk" is not "taik"
  CHECK(acted(*m, "taik lu"));
  CHECK_FALSE(acted(*m, "babi guling enak"));
}
