// Gambling sites by their shape (rule_gambling_shape.cpp): names the team made up here, in
// the styles the sites use, and the shop chat next to them that must pass.
#include "doctest.h"

#include <memory>
#include <string>

#include "core/moderation/moderator.h"

using namespace etalase;

namespace {

std::unique_ptr<Moderator> make() {
  ModeratorOptions o;  // built-in lexicons and rules, default level
  auto m = Moderator::create(o);
  REQUIRE(m.ok());
  return std::move(*m);
}

bool gambling(Moderator& m, std::string_view text) {
  Verdict v = m.moderate(Comment{"c", "u", text, -1});
  bool g = v.categories.has(Category::gambling);
  if (g) CHECK(v.action == Action::block);
  return g;
}

}  // namespace

TEST_CASE("styled names with digits decide alone") {
  auto m = make();
  CHECK(gambling(*m, "mantap kak \xF0\x9D\x90\x8C\xF0\x9D\x90\x84\xF0\x9D\x90\x8B\xF0\x9D\x90\x80\xF0\x9D\x90\x93\xF0\x9D\x90\x88\xF0\x9D\x9F\x96\xF0\x9D\x9F\x96"));  // 𝐌𝐄𝐋𝐀𝐓𝐈𝟖𝟖
  CHECK(gambling(*m, "\xEF\xBC\xB3\xEF\xBC\xB5\xEF\xBC\xB2\xEF\xBC\xB9\xEF\xBC\xA1\xEF\xBC\x97\xEF\xBC\x97 joss"));  // ＳＵＲＹＡ７７
  CHECK(gambling(*m, "coba di S U R Y A 7 7 deh"));  // spaced
  CHECK(gambling(*m, "cek \xF0\x9D\x90\x93 \xF0\x9D\x90\x8A \xF0\x9D\x90\x8F \xF0\x9D\x9F\x91\xF0\x9D\x9F\x8E\xF0\x9D\x9F\x91 sekarang"));  // 𝐓 𝐊 𝐏 𝟑𝟎𝟑
  // glued to the next plain word
  CHECK(gambling(*m, "\xF0\x9D\x90\x8C\xF0\x9D\x90\x84\xF0\x9D\x90\x8B\xF0\x9D\x90\x80\xF0\x9D\x90\x93\xF0\x9D\x90\x88" "138menang lagi"));
}

TEST_CASE("a styled long name among plain words, with or without the sites' words") {
  auto m = make();
  CHECK(gambling(*m, "udah coba \xEF\xBC\xB0\xEF\xBC\xA1\xEF\xBC\xA4\xEF\xBC\xA9\xEF\xBC\xB7\xEF\xBC\xA9\xEF\xBC\xAE belum?"));  // ＰＡＤＩＷＩＮ
  // a whole comment in a styled font is taste, not a site
  CHECK_FALSE(gambling(*m, "\xF0\x9D\x90\x9C\xF0\x9D\x90\x9A\xF0\x9D\x90\xA7\xF0\x9D\x90\xAD\xF0\x9D\x90\xA2\xF0\x9D\x90\xA4 \xF0\x9D\x90\xA4\xF0\x9D\x90\x9A\xF0\x9D\x90\xA4"));  // 𝐜𝐚𝐧𝐭𝐢𝐤 𝐤𝐚𝐤
  // a short word stressed in a fancy font
  CHECK_FALSE(gambling(*m, "barangnya \xF0\x9D\x90\x8A\xF0\x9D\x90\x84\xF0\x9D\x90\x91\xF0\x9D\x90\x84\xF0\x9D\x90\x8D kak"));  // 𝐊𝐄𝐑𝐄𝐍
  // flags are regional indicators, not letters in style
  CHECK_FALSE(gambling(*m, "salam dari Malaysia \xF0\x9F\x87\xB2\xF0\x9F\x87\xBE\xF0\x9F\x87\xB2\xF0\x9F\x87\xBE"));
}

TEST_CASE("plain names with digits need the sites' words; lowercase handles stay handles") {
  auto m = make();
  CHECK(gambling(*m, "main di kancil77 pasti jp"));
  CHECK(gambling(*m, "hoki terus di kancil77"));
  CHECK(gambling(*m, "KANCIL77 mantap"));  // a lucky number after a name in capitals
  CHECK_FALSE(gambling(*m, "makasih kancil77 udah mampir"));  // a viewer's handle
  CHECK_FALSE(gambling(*m, "@budi88 makasih kak"));
  CHECK_FALSE(gambling(*m, "iphone13 buat main game lancar gak kak"));
  CHECK_FALSE(gambling(*m, "redmi13 menang giveaway kemarin"));  // a model, a giveaway
  CHECK_FALSE(gambling(*m, "RTX3060 ready kak?"));
}

TEST_CASE("a name ending in a site's stem") {
  auto m = make();
  CHECK(gambling(*m, "gabung di rajatoto sekarang"));
  CHECK(gambling(*m, "garudatogel paling aman"));
  CHECK(gambling(*m, "cek visi4d deh"));
  CHECK_FALSE(gambling(*m, "toto tiga roda kak"));     // the stem alone is a name
  CHECK_FALSE(gambling(*m, "foto produknya mana kak")); // not a stem
}

TEST_CASE("talk about gambling is not promotion") {
  auto m = make();
  CHECK_FALSE(gambling(*m, "judol merusak keluarga"));
  CHECK_FALSE(gambling(*m, "jangan main judi online ya guys"));
}
