// A moderator over a small lexicon of one word per category and severity, for the tests of
// the policy, moderator terms and verdict JSON (the same eight words in each).
#pragma once
#include <memory>
#include <string_view>

#include "core/moderation/moderator.h"
#include "doctest.h"

namespace etalase::testing {

inline const char* kPolicyLexicon =
    "@lang\tid\n"
    "anjir\tprofanity\t1\tword\n"
    "bego\tinsult\t2\tword\n"
    "anjing\tinsult\t3\tword\n"
    "lonte\tsexual\t3\tword\n"
    "ngentot\tsexual\t4\tword\n"
    "cina\thate\t2\tword\n"
    "kafir\thate\t4\tword\n"
    "bunuh\tthreat\t4\tword\n";

inline std::unique_ptr<Moderator> make(int level = 2) {
  ModeratorOptions o;
  o.lexicons = {kPolicyLexicon};
  o.policy.overall = level;
  auto m = Moderator::create(o);
  REQUIRE(m.ok());
  return std::move(*m);
}

inline Verdict run(Moderator& m, std::string_view text, double ts = -1) { return m.moderate(Comment{"c", "u", text, ts}); }

}  // namespace etalase::testing
