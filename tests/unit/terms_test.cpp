// Moderator terms: Discord wildcards, levels, expiry, permits, removal, bad patterns.
#include "doctest.h"

#include <memory>
#include <string>

#include "core/moderation/moderator.h"
#include "policy_fixture.h"

using namespace etalase;
using namespace etalase::testing;

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

TEST_CASE("terms read leetspeak as lexicon words do") {
  auto m = make(2);
  REQUIRE(m->add_term("promo", TermMode::block, -1).ok());
  CHECK(run(*m, "pr0m0 kak").action == Action::hold);
  CHECK(run(*m, "promo kak").action == Action::hold);
  CHECK(run(*m, "p.r.o.m.o kak").action == Action::hold);
}

TEST_CASE("set_terms replaces every term in one build; a refused term changes nothing") {
  auto m = make(2);
  REQUIRE(m->add_term("lama", TermMode::block, -1).ok());
  std::vector<TermSpec> terms = {{"promo*", TermMode::block, -1}, {"murah", TermMode::block, -1},
                                 {"murah", TermMode::permit, -1}};  // the last one wins
  REQUIRE(m->set_terms(terms).ok());
  CHECK(run(*m, "promonya kak").action == Action::hold);
  CHECK(run(*m, "murah banget").action == Action::allow);
  CHECK(run(*m, "barang lama").action == Action::allow);  // replaced, not added to
  Status bad = m->set_terms({{"ok", TermMode::block, -1}, {"!!!", TermMode::block, -1}});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("'!!!'") != std::string::npos);
  CHECK(run(*m, "promonya kak").action == Action::hold);  // the old terms stay
  CHECK(run(*m, "ok kak").action == Action::allow);
  // 10,000 terms in one call
  std::vector<TermSpec> many;
  for (int i = 0; i < 10000; ++i) many.push_back({"kata" + std::to_string(i) + "x", TermMode::block, -1});
  REQUIRE(m->set_terms(many).ok());
  CHECK(run(*m, "ini kata9999x ya").action == Action::hold);
}

TEST_CASE("check_term is the engine's own check, for consoles") {
  CHECK(check_term("promo*").empty());
  CHECK(check_term("mur*h").empty());
  CHECK_FALSE(check_term("!!!").empty());
  CHECK_FALSE(check_term("...").empty());
  CHECK_FALSE(check_term("*-*").empty());
  CHECK_FALSE(check_term("a*b*c").empty());
}
