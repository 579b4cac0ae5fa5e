// The level table: what each policy level (0-4) acts on, and what acting does.
//
// Like Twitch's AutoMod, a level is one knob a shop turns; the table below is the whole
// meaning of that knob, so the README, the console's settings and the engine read the same
// numbers (the bindings export it as `levelTable()`).
//
//   level            words (profanity insult sexual hate threat)   rules (contact link scam gambling spam flood)
//   0 off            nothing                                        nothing
//   1 light          severity 4 (slurs, threats, explicit sex)      severity 4
//   2 default        severity >= 2 (all but mild exclamations)      severity >= 3
//   3 strict         severity >= 1                                  severity >= 2
//   4 strictest      severity >= 1, and what would be masked holds  severity >= 1
//
// Words are split from rules because their severities mean different things: a rude word
// aimed at a person (severity 2: goblok, idiot) is already what a brand's live shop must not
// show, while a rule's severity 2 is a weak sign (one emoji flood, "dm" alone) that would
// cost clean chat at the default.
#pragma once
#include <cstdint>

#include "core/moderation/categories.h"

namespace etalase {

constexpr int kLevelMin = 0;
constexpr int kLevelMax = 4;
constexpr int kDefaultLevel = 2;

// Minimum severity acted on at each level (index = level); 5 = nothing.
constexpr uint8_t kWordMinSeverity[kLevelMax + 1] = {5, 4, 2, 1, 1};
constexpr uint8_t kRuleMinSeverity[kLevelMax + 1] = {5, 4, 3, 2, 1};

// The lexicon categories (words), as opposed to the rule categories.
constexpr bool is_word_category(Category c) { return uint8_t(c) <= uint8_t(Category::threat); }

constexpr uint8_t min_severity(int level, Category c) {
  return level < kLevelMin || level > kLevelMax ? 5
         : is_word_category(c)                  ? kWordMinSeverity[level]
                                                : kRuleMinSeverity[level];
}

// Whether a level acts on a match of this category and severity.
constexpr bool level_acts(int level, Category c, int severity) { return severity >= min_severity(level, c); }

// Whether a level turns a masked match into a hold (only the strictest does).
constexpr bool level_holds_masks(int level) { return level >= kLevelMax; }

}  // namespace etalase
