// Policy levels, actions, moderator terms (wildcards, expiry, permits), JSON.
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

TEST_CASE("the level table: which word severities each level acts on") {
  const char* texts[] = {"anjir", "bego", "anjing", "ngentot"};  // severities 1..4
  // The README's table: 0 off, 1 only severe, 2 (default) all but mild exclamations, 3-4 all.
  const bool expected[5][4] = {{false, false, false, false},
                               {false, false, false, true},
                               {false, true, true, true},
                               {true, true, true, true},
                               {true, true, true, true}};
  for (int level = 0; level <= 4; ++level) {
    auto m = make(level);
    for (int sev = 1; sev <= 4; ++sev) {
      bool acted = run(*m, texts[sev - 1]).action != Action::allow;
      CHECK_MESSAGE(acted == expected[level][sev - 1], "level " << level << " severity " << sev);
    }
  }
}

TEST_CASE("the level table: rules need more than words at the same level") {
  // "dm" alone is a weak sign (contact.invite 1), "dm aku" a stronger one (2), a phone
  // number is 3: the default acts on the number only.
  for (int level = 0; level <= 4; ++level) {
    auto m = make(level);
    CHECK((run(*m, "dm").action != Action::allow) == (level >= 4));
    CHECK((run(*m, "dm aku").action != Action::allow) == (level >= 3));
    CHECK((run(*m, "wa 081234567890").action != Action::allow) == (level >= 2));
  }
}

TEST_CASE("the strictest level holds what the others mask") {
  CHECK(run(*make(3), "dasar bego").action == Action::mask);
  CHECK(run(*make(4), "dasar bego").action == Action::hold);
  CHECK(run(*make(4), "dasar bego").masked == "dasar ****");
  CHECK(run(*make(4), "wa 081234567890").action == Action::block);  // stronger actions stay
}

TEST_CASE("a category level overrides the overall level") {
  auto m = make(2);
  Policy p = m->policy();
  p.level[int(Category::insult)] = 0;
  p.level[int(Category::profanity)] = 3;
  m->set_policy(p);
  CHECK(run(*m, "anjing").action == Action::allow);
  CHECK(run(*m, "anjir").action == Action::mask);
  CHECK(m->policy().level[int(Category::insult)] == 0);
}

TEST_CASE("actions by category and severity") {
  auto m = make(3);
  CHECK(run(*m, "dasar anjing").action == Action::mask);
  CHECK(run(*m, "dasar lonte").action == Action::mask);     // sexual 3
  CHECK(run(*m, "ngentot").action == Action::hold);         // sexual 4
  CHECK(run(*m, "cina").action == Action::mask);            // hate 2
  CHECK(run(*m, "kafir").action == Action::hold);           // hate 4
  CHECK(run(*m, "gue bunuh").action == Action::hold);       // threat 4
  CHECK(run(*m, "cek bit.ly/x").action == Action::hold);    // link
  CHECK(run(*m, "wa 081234567890").action == Action::block);  // contact
  CHECK(run(*m, "slot gacor").action == Action::block);     // gambling
  // the strongest action wins; every acted-on match is starred
  Verdict v = run(*m, "anjing wa 081234567890");
  CHECK(v.action == Action::block);
  CHECK(v.masked == "****** wa ************");
  CHECK(v.categories.has(Category::insult));
  CHECK(v.categories.has(Category::contact));
}

TEST_CASE("allowed comments carry no categories, spans or reasons") {
  auto m = make(4);
  Verdict v = run(*m, "halo kak, ready size M?");
  CHECK(v.action == Action::allow);
  CHECK(v.categories.empty());
  CHECK(v.spans.empty());
  CHECK(v.reasons.empty());
  CHECK(v.masked == "halo kak, ready size M?");
  // below the level: matched but not acted on, so not reported
  auto low = make(1);
  Verdict w = run(*low, "bego");
  CHECK(w.action == Action::allow);
  CHECK(w.spans.empty());
}

TEST_CASE("blocked terms with Discord wildcards") {
  auto m = make(2);
  REQUIRE(m->add_term("mur", TermMode::block, -1).ok());
  REQUIRE(m->add_term("kuc*", TermMode::block, -1).ok());
  REQUIRE(m->add_term("*ong", TermMode::block, -1).ok());
  REQUIRE(m->add_term("*pel*", TermMode::block, -1).ok());
  REQUIRE(m->add_term("ba*h", TermMode::block, -1).ok());
  auto hit = [&](const char* t) { return run(*m, t).action == Action::hold; };
  CHECK(hit("barang mur"));
  CHECK_FALSE(hit("murah"));        // no star: whole word
  CHECK(hit("kucing lucu"));        // kuc*: starts with
  CHECK_FALSE(hit("sekucing"));
  CHECK(hit("bohong"));             // *ong: ends with
  CHECK_FALSE(hit("ongkir"));
  CHECK(hit("supelnya"));           // *pel*: contains
  CHECK(hit("basah"));              // ba*h: starts with ba and ends with h
  CHECK(hit("bantah"));
  CHECK_FALSE(hit("bahan"));
  CHECK(hit("bah"));                // the star may stand for nothing
  CHECK_FALSE(hit("sebah"));
  CHECK(hit("M.U.R"));              // folded like everything else
  Verdict v = run(*m, "ini kucingnya");
  REQUIRE(v.spans.size() == 1);
  CHECK(v.spans[0].rule == "term.block");
  CHECK(v.spans[0].start == 4);
  CHECK(v.spans[0].end == 13);      // the whole word
  CHECK(v.masked == "ini *********");
  CHECK(v.reasons == std::vector<std::string>{"term.block"});
}

TEST_CASE("terms act whatever the level, and can be removed") {
  auto m = make(0);
  REQUIRE(m->add_term("promo", TermMode::block, -1).ok());
  CHECK(run(*m, "ada promo").action == Action::hold);
  CHECK(m->remove_term("promo"));
  CHECK_FALSE(m->remove_term("promo"));
  CHECK(run(*m, "ada promo").action == Action::allow);
}

TEST_CASE("terms expire at their time") {
  auto m = make(2);
  REQUIRE(m->add_term("flash", TermMode::block, 100).ok());
  CHECK(run(*m, "flash sale", 50).action == Action::hold);
  CHECK(run(*m, "flash sale", 100).action == Action::allow);
  CHECK(run(*m, "flash sale", 150).action == Action::allow);
  CHECK(run(*m, "flash sale", -1).action == Action::hold);  // unknown time: still active
}

TEST_CASE("permitted terms cancel lexicon, rule and term matches they cover") {
  auto m = make(3);
  CHECK(run(*m, "anjing").action == Action::mask);
  REQUIRE(m->add_term("anjing*", TermMode::permit, -1).ok());
  CHECK(run(*m, "anjing").action == Action::allow);
  CHECK(run(*m, "anjingnya lucu").action == Action::allow);
  REQUIRE(m->add_term("bit.ly/promo", TermMode::permit, -1).ok());
  CHECK(run(*m, "bit.ly/promo").action == Action::allow);
  REQUIRE(m->add_term("*mur*", TermMode::block, -1).ok());
  REQUIRE(m->add_term("murah", TermMode::permit, -1).ok());
  CHECK(run(*m, "murah").action == Action::allow);
  CHECK(run(*m, "murahan").action == Action::hold);
  // re-adding a pattern replaces it
  REQUIRE(m->add_term("murah", TermMode::block, -1).ok());
  CHECK(run(*m, "murah").action == Action::hold);
}

TEST_CASE("bad terms are errors") {
  auto m = make();
  CHECK(m->add_term("", TermMode::block, -1).error().kind == ErrorKind::invalid_pattern);
  CHECK(m->add_term("  ", TermMode::block, -1).error().kind == ErrorKind::invalid_pattern);
  CHECK(m->add_term("***", TermMode::block, -1).error().kind == ErrorKind::invalid_pattern);
  CHECK(m->add_term("a*b*c", TermMode::block, -1).error().kind == ErrorKind::invalid_pattern);
  CHECK(m->add_term("*a*b", TermMode::block, -1).error().kind == ErrorKind::invalid_pattern);
  CHECK(m->add_term("!!", TermMode::block, -1).error().kind == ErrorKind::invalid_pattern);
}

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
