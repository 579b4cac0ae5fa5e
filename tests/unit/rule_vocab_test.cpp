// Rule vocabulary files (assets/rules): parsing, errors by line, lists, and the engine
// using a file given in place of the built-in ones.
#include "doctest.h"

#include <string>

#include "core/moderation/moderator.h"
#include "core/moderation/rule_vocab.h"
#include "core/text/normalize.h"

using namespace etalase;

TEST_CASE("rule vocabulary lines: rules, features, digits, lists") {
  const char* text =
      "# comment\n"
      "@list\tbrand-stems\tzeus hoki\n"
      "slot gacor\trule\tgambling.slot\t4\n"
      "tf\tfeature\ttransfer\n"
      "tujuh\tdigit\t7\n";
  auto r = parse_rule_vocab(text, "x.tsv");
  REQUIRE(r.ok());
  const RuleVocab& v = r.value();
  REQUIRE(v.entries.size() == 3);
  CHECK(v.entries[0].kind == RuleVocabEntry::rule);
  CHECK(v.entries[0].rule_id == "gambling.slot");
  CHECK(v.entries[0].category == Category::gambling);
  CHECK(v.entries[0].severity == 4);
  CHECK(v.entries[0].line == 3);
  CHECK(v.entries[1].feature == kFeatTransfer);
  CHECK(v.entries[2].value == 7);
  CHECK(v.lists.at("brand-stems") == std::vector<std::string>{"zeus", "hoki"});
}

TEST_CASE("rule vocabulary errors name the file and line") {
  auto err = [](const char* body) {
    auto r = parse_rule_vocab(body, "x.tsv");
    return r.ok() ? std::string("ok") : r.error().message;
  };
  CHECK(err("a\trule\tgamblin.slot\t4\n") == "x.tsv line 1: a rule id is CATEGORY.NAME with a known category, got 'gamblin.slot'");
  CHECK(err("a\trule\tgambling.slot\t5\n") == "x.tsv line 1: severity must be 1-4, got '5'");
  CHECK(err("\n\na\tfeature\ttransfr\n") == "x.tsv line 3: unknown feature 'transfr'");
  CHECK(err("a\tdigit\t10\n") == "x.tsv line 1: a digit is 0-9, got '10'");
  CHECK(err("@list\ttlds\tcom\n") == "x.tsv line 1: unknown list 'tlds'");
  CHECK(err("a\tb\n").find("x.tsv line 1: expected") == 0);
}

TEST_CASE("the lint reports phrases listed twice once folded") {
  Normalizer norm;
  auto issues = lint_rule_vocab("tf\tfeature\ttransfer\nTF\tfeature\ttransfer\nt.f\tfeature\tbank\n", norm);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 2);
}

TEST_CASE("every built-in rule file parses and lints clean") {
  Normalizer norm;
  for (std::string_view text : builtin_rule_texts()) {
    CHECK(parse_rule_vocab(text).ok());
    CHECK(lint_rule_vocab(text, norm).empty());
  }
}

TEST_CASE("a moderator reads rule vocabulary given in its options") {
  ModeratorOptions o;
  o.rules = {"kopi darat\trule\tcontact.invite\t3\n"};
  auto m = Moderator::create(o);
  REQUIRE(m.ok());
  CHECK((*m)->moderate(Comment{"c", "u", "yuk kopi darat", -1}).action == Action::block);
  CHECK((*m)->moderate(Comment{"c", "u", "slot gacor", -1}).action == Action::allow);  // built-ins replaced
  o.rules = {"x\trule\tnope.x\t3\n"};
  CHECK_FALSE(Moderator::create(o).ok());
}
