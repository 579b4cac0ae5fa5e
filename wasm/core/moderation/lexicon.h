// Lexicon files (assets/lexicons/README.md): parsing with line-numbered errors, and a
// lint that also reports soft problems (duplicates, terms that fold to nothing...).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/moderation/categories.h"
#include "core/moderation/result.h"

namespace etalase {

class Normalizer;

enum class Scope : uint8_t { word, any };

// A frame's open slot: `dasar *` (after) matches "dasar" and the word after it, `* lu`
// (before) the word before "lu". The span is the slot's word: what the frame says of it.
enum class Slot : uint8_t { none, before, after };

struct LexiconEntry {
  std::string term;
  Category category = Category::profanity;
  int severity = 0;
  Scope scope = Scope::word;
  bool allow = false;  // an allow-list phrase
  Slot slot = Slot::none;     // `term` is then the frame's fixed words, without the `*`
  bool clause_start = false;  // `^`: the match must begin a clause
  int line = 0;
};

struct Lexicon {
  std::string name;  // for messages: the file name, or "<lang>.tsv"
  std::string lang;
  std::vector<std::string> prefixes;
  std::vector<std::string> suffixes;
  // Entries with `{class}` words are expanded: one entry per word of the class (same line).
  std::vector<LexiconEntry> entries;
};

struct LexiconIssue {
  int line;
  std::string message;
};

// `name` prefixes error messages ("id.tsv line 12: unknown category 'insul'"); empty = the
// name is derived from @lang ("id.tsv"), or "lexicon" before @lang is known.
Expected<Lexicon> parse_lexicon(std::string_view text, std::string_view name = {});

// Every problem in the file: parse errors (all of them, not only the first) and soft
// problems. Uses `norm` to fold terms the way the engine does.
std::vector<LexiconIssue> lint_lexicon(std::string_view text, Normalizer& norm);

}  // namespace etalase
