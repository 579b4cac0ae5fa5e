// Policy levels and actions (moderator terms: terms_test.cpp; verdict JSON: verdict_json_test.cpp).
#include "doctest.h"

#include <memory>
#include <string>

#include "core/moderation/moderator.h"
#include "policy_fixture.h"

using namespace etalase;
using namespace etalase::testing;

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
