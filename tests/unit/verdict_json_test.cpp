// Verdict JSON: key order, escaping, valid UTF-8; action and category names.
#include "doctest.h"

#include <memory>
#include <string>

#include "core/moderation/moderator.h"
#include "policy_fixture.h"

using namespace etalase;
using namespace etalase::testing;

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
