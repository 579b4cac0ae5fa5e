// Lexicon matching: scope, affixes, allow phrases, repeated letters, spans.
#include "doctest.h"

#include <memory>
#include <string>

#include "core/moderation/moderator.h"

using namespace etalase;

namespace {

const char* kLexicon =
    "@lang\tid\n"
    "@suffixes\tnya lah in\n"
    "@prefixes\tng di\n"
    "anjing\tinsult\t3\tword\n"
    "bego\tinsult\t2\tword\n"
    "tai\tprofanity\t2\tword\n"
    "kontol\tsexual\t4\tany\n"
    "ass\tprofanity\t2\tword\n"
    "entot\tsexual\t4\tword\n"
    "gue bunuh\tthreat\t4\tword\n"
    "babi\tinsult\t3\tword\n"
    "babi guling\tallow\n"
    "makanan anjing\tallow\n";

// Level 3 acts on every word severity and still masks (level 4 would hold).
std::unique_ptr<Moderator> make(int level = 3) {
  ModeratorOptions o;
  o.lexicons = {kLexicon};
  o.policy.overall = level;
  auto m = Moderator::create(o);
  REQUIRE(m.ok());
  return std::move(*m);
}

Verdict run(Moderator& m, std::string_view text) { return m.moderate(Comment{"c", "u", text, -1}); }

std::string rules(const Verdict& v) {
  std::string s;
  for (const Span& sp : v.spans) {
    if (!s.empty()) s += ' ';
    s += sp.rule + "@" + std::to_string(sp.start) + "-" + std::to_string(sp.end);
  }
  return s;
}

}  // namespace

TEST_CASE("word scope matches whole words only") {
  auto m = make();
  CHECK(rules(run(*m, "dasar bego")) == "lexicon.id.insult@6-10");
  CHECK(run(*m, "bunga begonia").action == Action::allow);
  CHECK(run(*m, "pantai santai").action == Action::allow);
  CHECK(run(*m, "tai kucing").action == Action::mask);
  CHECK(run(*m, "kelas").action == Action::allow);  // "ass" inside a word
}

TEST_CASE("any scope matches inside words") {
  auto m = make();
  Verdict v = run(*m, "dasarkontolnya");
  CHECK(v.categories.has(Category::sexual));
  CHECK(rules(v) == "lexicon.id.sexual@5-11");
}

TEST_CASE("suffixes and prefixes from the file may surround a word term") {
  auto m = make();
  CHECK(rules(run(*m, "begonya")) == "lexicon.id.insult@0-4");
  CHECK(run(*m, "begolah kamu").action == Action::mask);
  CHECK(run(*m, "begonyalah").action == Action::mask);  // two suffixes
  CHECK(run(*m, "ngentot").categories.has(Category::sexual));
  CHECK(run(*m, "dientot").categories.has(Category::sexual));
  CHECK(run(*m, "begoan").action == Action::allow);  // "an" is not in this file's list
  CHECK(run(*m, "xentot").action == Action::allow);
  // a suffix that starts with the term's last letter: "tai" + "in"
  CHECK(run(*m, "taiin").action == Action::mask);
}

TEST_CASE("repeated letters: elongation matches, a double letter is required") {
  auto m = make();
  CHECK(run(*m, "anjjjiiiing").action == Action::mask);
  CHECK(run(*m, "ANJIIIING").action == Action::mask);
  CHECK(run(*m, "you ass").action == Action::mask);
  CHECK(run(*m, "you asss").action == Action::mask);
  CHECK(run(*m, "you as").action == Action::allow);  // "ass" needs two s
}

TEST_CASE("obfuscations are seen through") {
  auto m = make();
  for (const char* t : {"4nj1ng", "a.n.j.i.n.g", "a n j i n g", "𝐚𝐧𝐣𝐢𝐧𝐠", "ＡＮＪＩＮＧ", "an\u200Bjing",
                        "\u0430njing", "ⓐⓝⓙⓘⓝⓖ", "ànjíng"}) {
    Verdict v = run(*m, t);
    CHECK_MESSAGE(v.categories.has(Category::insult), std::string(t));
  }
}

TEST_CASE("a space in a term matches any run of separators") {
  auto m = make();
  CHECK(run(*m, "gue bunuh lo").categories.has(Category::threat));
  CHECK(run(*m, "gue   bunuh").categories.has(Category::threat));
  CHECK(run(*m, "gue-bunuh").categories.has(Category::threat));
  // and no separator at all, as one word
  CHECK(run(*m, "guebunuh").categories.has(Category::threat));
  CHECK(run(*m, "xguebunuh").action == Action::allow);
}

TEST_CASE("allow phrases cancel the matches they cover") {
  auto m = make();
  CHECK(run(*m, "babi guling enak").action == Action::allow);
  CHECK(run(*m, "jual makanan anjing murah").action == Action::allow);
  CHECK(run(*m, "babi kamu").action == Action::mask);
  // a match outside the allow phrase still counts
  Verdict v = run(*m, "babi guling buat kamu babi");
  CHECK(v.action == Action::mask);
  CHECK(rules(v) == "lexicon.id.insult@22-26");
}

TEST_CASE("spans are in UTF-16 units of the original and the mask keeps its length in them") {
  auto m = make();
  Verdict v = run(*m, "😀 dasar 𝐚𝐧𝐣𝐢𝐧𝐠!");
  REQUIRE(v.spans.size() == 1);
  CHECK(v.spans[0].start == 9);   // emoji (2) + space + "dasar " (6) = 9
  CHECK(v.spans[0].end == 21);    // six math letters, 2 units each
  CHECK(v.masked == "😀 dasar ************!");  // two stars for each math letter
  CHECK(v.masked.size() - 4 + 2 == 22);          // the emoji's 4 bytes are 2 units: 22 in all
  Verdict w = run(*m, "an\u200Bjing");
  CHECK(w.masked == "*******");   // the zero-width space is inside the span
}

TEST_CASE("several matches: sorted spans, deduplicated reasons") {
  auto m = make();
  Verdict v = run(*m, "bego kamu anjing, bego");
  REQUIRE(v.spans.size() == 3);
  CHECK(v.spans[0].start == 0);
  CHECK(v.spans[1].start == 10);
  CHECK(v.spans[2].start == 18);
  CHECK(v.reasons == std::vector<std::string>{"lexicon.id.insult"});
  CHECK(v.masked == "**** kamu ******, ****");
}
