// Verdict JSON: key order, escaping, valid UTF-8; action and category names.
#include "doctest.h"

#include <memory>
#include <string>

#include "core/moderation/moderator.h"

using namespace etalase;

namespace {

const char* kLexicon =
    "@lang\tid\n"
    "anjir\tprofanity\t1\tword\n"
    "bego\tinsult\t2\tword\n"
    "anjing\tinsult\t3\tword\n"
    "lonte\tsexual\t3\tword\n"
    "ngentot\tsexual\t4\tword\n"
    "cina\thate\t2\tword\n"
    "kafir\thate\t4\tword\n"
    "bunuh\tthreat\t4\tword\n";

std::unique_ptr<Moderator> make(int level = 2) {
  ModeratorOptions o;
  o.lexicons = {kLexicon};
  o.policy.overall = level;
  auto m = Moderator::create(o);
  REQUIRE(m.ok());
  return std::move(*m);
}

Verdict run(Moderator& m, std::string_view text, double ts = -1) { return m.moderate(Comment{"c", "u", text, ts}); }

}  // namespace

TEST_CASE("verdict JSON: key order, escaping, valid UTF-8") {
  auto m = make(3);
  Verdict v = run(*m, "dasar anjing");
  CHECK(verdict_to_json("c1", v) ==
        R"({"id":"c1","action":"mask","categories":["insult"],"spans":[[6,12,"lexicon.id.insult"]],"masked":"dasar ******"})");
  Verdict a = run(*m, "say \"hi\"\\\n\x01 \xFF ok\u2028");
  CHECK(verdict_to_json("i\"d", a) ==
        "{\"id\":\"i\\\"d\",\"action\":\"allow\",\"categories\":[],\"spans\":[],\"masked\":\"say \\\"hi\\\"\\\\\\u000a\\u0001 "
        "\xEF\xBF\xBD ok\\u2028\"}");
  CHECK(std::string(action_name(Action::block)) == "block");
  CHECK(category_name(Category::gambling) == "gambling");
  Category c;
  CHECK(parse_category("flood", &c));
  CHECK(c == Category::flood);
  CHECK_FALSE(parse_category("floods", &c));
}
