// Lexicon frames and classes: "dasar *", "* lu", "^", "{class}" (assets/lexicons/README.md).
#include "doctest.h"

#include <memory>
#include <string>

#include "core/moderation/lexicon.h"
#include "core/moderation/moderator.h"

using namespace etalase;

namespace {

const char* kFrames =
    "@lang\tid\n"
    "@suffixes\tnya lah\n"
    "@class\tanimal\tmonyet kadal\n"
    "@class\tyou\tlu kamu\n"
    "^dasar *\tinsult\t2\tword\n"
    "* lu\tinsult\t2\tword\n"
    "muka {animal}\tinsult\t2\tword\n"
    "{animal} {you}\tinsult\t3\tword\n"
    "dasar kain\tallow\n"
    "kata lu\tallow\n";

std::unique_ptr<Moderator> make() {
  ModeratorOptions o;
  o.lexicons = {kFrames};
  o.policy.overall = 2;
  auto m = Moderator::create(o);
  REQUIRE(m.ok());
  return std::move(*m);
}

std::string masked(Moderator& m, std::string_view text) { return m.moderate(Comment{"c", "u", text, -1}).masked; }

}  // namespace

TEST_CASE("classes expand into one entry per word, on the line that wrote them") {
  auto r = parse_lexicon(kFrames);
  REQUIRE(r.ok());
  int muka = 0, pairs = 0;
  for (const LexiconEntry& e : r.value().entries) {
    if (e.term.rfind("muka ", 0) == 0) {
      ++muka;
      CHECK(e.line == 7);
    }
    if (e.line == 8) ++pairs;
  }
  CHECK(muka == 2);
  CHECK(pairs == 4);  // two animals times two pronouns
  const LexiconEntry& dasar = r.value().entries[0];
  CHECK(dasar.term == "dasar");
  CHECK(dasar.slot == Slot::after);
  CHECK(dasar.clause_start);
  CHECK(r.value().entries[1].slot == Slot::before);
}

TEST_CASE("frame syntax errors name the line") {
  auto err = [](const std::string& body) {
    auto r = parse_lexicon("@lang\tid\n" + body);
    return r.ok() ? std::string("ok") : r.error().message;
  };
  CHECK(err("* dasar *\tinsult\t2\tword\n") == "id.tsv line 2: a frame has one slot: '*' at its start or its end");
  CHECK(err("da*sar\tinsult\t2\tword\n") == "id.tsv line 2: '*' is a slot only as a whole word at the term's start or end");
  CHECK(err("*\tinsult\t2\tword\n") == "id.tsv line 2: a term needs at least one word besides '^' and '*'");
  CHECK(err("muka {hewan}\tinsult\t2\tword\n") ==
        "id.tsv line 2: unknown class '{hewan}' (define it with @class before its first use)");
  CHECK(err("dasar *\tallow\n") == "id.tsv line 2: an allow phrase has no '*' slot or '^'");
  CHECK(err("dasar *\tinsult\t2\tany\n") == "id.tsv line 2: a frame's scope must be 'word'");
  CHECK(err("@class\tx\n") == "id.tsv line 2: @class needs a name and at least one word");
  CHECK(err("@class\tx\ta\n@class\tx\tb\n") == "id.tsv line 3: class 'x' is defined twice");
  CHECK(err("dasar ^babi\tinsult\t2\tword\n") == "id.tsv line 2: '^' (clause start) only begins a term");
}

TEST_CASE("a slot after: the next word in the same clause, masked alone") {
  auto m = make();
  CHECK(masked(*m, "Dasar penipu!") == "Dasar ******!");
  CHECK(masked(*m, "hostnya lemot, dasar siput") == "hostnya lemot, dasar *****");
  CHECK(masked(*m, "😡 dasar pelit") == "😡 dasar *****");
  // not at a clause start, not followed by a word in the same clause, not the whole word
  CHECK(masked(*m, "warna dasar putih") == "warna dasar putih");
  CHECK(masked(*m, "dasar. Kainnya tebal") == "dasar. Kainnya tebal");
  CHECK(masked(*m, "dasarnya bagus") == "dasarnya bagus");
  CHECK(masked(*m, "dasar 123") == "dasar 123");
  // an allow phrase covering the slot's word cancels it
  CHECK(masked(*m, "Dasar kain apa kak?") == "Dasar kain apa kak?");
}

TEST_CASE("a slot before, and classes") {
  auto m = make();
  CHECK(masked(*m, "norak lu") == "***** lu");
  CHECK(masked(*m, "kata lu bagus") == "kata lu bagus");  // allowed
  CHECK(masked(*m, "muka kadal") == "**********");
  CHECK(masked(*m, "muka kucing") == "muka kucing");
  Verdict v = m->moderate(Comment{"c", "u", "monyet kamu", -1});
  CHECK(v.action == Action::mask);
  CHECK(v.masked == "***********");
}
