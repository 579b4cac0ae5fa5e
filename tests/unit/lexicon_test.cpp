// Lexicon files: parsing and the errors that name the bad line.
#include "doctest.h"

#include <string>

#include "core/moderation/lexicon.h"
#include "core/moderation/moderator.h"
#include "core/text/normalize.h"

using namespace etalase;

TEST_CASE("a lexicon parses into directives, terms and allow phrases") {
  const char* text =
      "# comment\n"
      "@lang\tid\n"
      "@suffixes\tnya lah\n"
      "@prefixes\tng di\n"
      "\n"
      "anjing\tinsult\t3\tword\n"
      "kontol\tsexual\t4\tany   # trailing comment\n"
      "babi guling\tallow\n";
  auto r = parse_lexicon(text);
  REQUIRE(r.ok());
  const Lexicon& lx = r.value();
  CHECK(lx.lang == "id");
  CHECK(lx.name == "id.tsv");
  CHECK(lx.suffixes == std::vector<std::string>{"nya", "lah"});
  CHECK(lx.prefixes == std::vector<std::string>{"ng", "di"});
  REQUIRE(lx.entries.size() == 3);
  CHECK(lx.entries[0].term == "anjing");
  CHECK(lx.entries[0].category == Category::insult);
  CHECK(lx.entries[0].severity == 3);
  CHECK(lx.entries[0].scope == Scope::word);
  CHECK(lx.entries[0].line == 6);
  CHECK(lx.entries[1].scope == Scope::any);
  CHECK(lx.entries[1].severity == 4);
  CHECK(lx.entries[2].allow);
  CHECK(lx.entries[2].term == "babi guling");
}

TEST_CASE("CRLF line ends and a BOM are accepted") {
  auto r = parse_lexicon("\xEF\xBB\xBF@lang\ten\r\nfuck\tprofanity\t3\tany\r\n");
  REQUIRE(r.ok());
  CHECK(r.value().lang == "en");
  REQUIRE(r.value().entries.size() == 1);
  CHECK(r.value().entries[0].term == "fuck");
}

TEST_CASE("errors name the file and the line") {
  auto bad = [](const char* text) {
    auto r = parse_lexicon(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::invalid_lexicon);
    return r.error().message;
  };
  CHECK(bad("@lang\tid\nx\tinsult\t3\tword\ny\tinsul\t3\tword\n") == "id.tsv line 3: unknown category 'insul'");
  CHECK(bad("@lang\tid\nx\tinsult\t5\tword\n") == "id.tsv line 2: severity must be 1-4, got '5'");
  CHECK(bad("@lang\tid\nx\tinsult\t0\tword\n") == "id.tsv line 2: severity must be 1-4, got '0'");
  CHECK(bad("@lang\tid\nx\tinsult\t3\tsome\n") == "id.tsv line 2: unknown scope 'some' (word or any)");
  CHECK(bad("x\tinsult\t3\tword\n").find("line 1: missing @lang") != std::string::npos);
  CHECK(bad("# nothing\n") == "lexicon: missing @lang");
  CHECK(bad("@lang\tid\nx\tinsult\t3\n").find("id.tsv line 2: expected") == 0);
  CHECK(bad("@lang\tid\n@weird\tx\n") == "id.tsv line 2: unknown directive '@weird'");
  CHECK(bad("@lang\tid\n@lang\ten\n") == "id.tsv line 2: duplicate @lang");
  // spam and flood are not lexicon categories
  CHECK(bad("@lang\tid\nx\tspam\t3\tword\n") == "id.tsv line 2: unknown category 'spam'");
}

TEST_CASE("a given name is used in messages") {
  auto r = parse_lexicon("@lang\tid\nx\tinsult\t9\tword\n", "custom.tsv");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "custom.tsv line 2: severity must be 1-4, got '9'");
}

TEST_CASE("Moderator::create reports lexicon errors") {
  ModeratorOptions o;
  o.lexicons = {"@lang\tid\nanjing\tinsult\t3\tword\n", "@lang\tms\nbodoh\tinsul\t2\tword\n"};
  auto m = Moderator::create(o);
  REQUIRE_FALSE(m.ok());
  CHECK(m.error().message == "ms.tsv line 2: unknown category 'insul'");
}

TEST_CASE("lint reports every problem, soft ones included") {
  Normalizer norm;
  const char* text =
      "@lang\tid\n"
      "anjing\tinsult\t3\tword\n"
      "Anjing\tinsult\t3\tword\n"   // uppercase + duplicate once folded
      "4nj1ng\tinsult\t3\tword\n"   // duplicate once folded
      "x\tbad\t3\tword\n"           // hard error
      "...\tinsult\t2\tword\n"      // folds to nothing
      "y\tinsult\t7\tword\n";       // hard error
  auto issues = lint_lexicon(text, norm);
  std::vector<int> lines;
  for (auto& i : issues) lines.push_back(i.line);
  CHECK(lines == std::vector<int>{3, 3, 4, 5, 6, 7});
  CHECK(issues[0].message.find("lowercase") != std::string::npos);
  CHECK(issues[1].message.find("duplicates line 2") != std::string::npos);
  CHECK(issues[4].message.find("folds to nothing") != std::string::npos);
  CHECK(lint_lexicon("@lang\tid\nanjing\tinsult\t3\tword\n", norm).empty());
}

TEST_CASE("the built-in lexicons load and lint clean") {
  Normalizer norm;
  for (std::string_view t : builtin_lexicon_texts()) {
    auto r = parse_lexicon(t);
    CHECK_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().message));
    for (auto& i : lint_lexicon(t, norm)) {
      std::string who = r.ok() ? r.value().name : std::string("?");
      // Soft problems are reported for the data owners, not failed on.
      MESSAGE(who << ":" << i.line << ": " << i.message);
    }
  }
  ModeratorOptions o;
  CHECK(Moderator::create(o).ok());
}
