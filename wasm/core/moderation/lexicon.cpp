#include "core/moderation/lexicon.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "core/text/normalize.h"
#include "core/text/utf8.h"

namespace etalase {

namespace {

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

// Cuts a comment: '#' at the start of the line or after whitespace.
std::string_view strip_comment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(0, i);
    }
  }
  return line;
}

std::vector<std::string_view> split_tabs(std::string_view s) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\t') {
      std::string_view f = trim(s.substr(b, i - b));
      if (!f.empty() || i < s.size()) out.push_back(f);
      b = i + 1;
    }
  }
  // Several tabs in a row (columns aligned with tabs) leave empty fields: drop them.
  std::vector<std::string_view> kept;
  for (auto f : out) {
    if (!f.empty()) kept.push_back(f);
  }
  return kept;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.emplace_back(s.substr(b, i - b));
  }
  return out;
}

// Parses every line; calls `issue(line, message)` for each hard error.
template <typename F>
Lexicon parse_all(std::string_view text, std::string_view name, F issue) {
  Lexicon lex;
  lex.name = std::string(name);
  int line_no = 0;
  size_t pos = 0;
  bool seen_content = false;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line_no == 1 && raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
    std::string_view line = trim(strip_comment(raw));
    if (line.empty()) {
      if (nl == text.size()) break;
      continue;
    }
    if (!utf8::valid(line)) {
      issue(line_no, "invalid UTF-8");
      continue;
    }
    if (line[0] == '@') {
      size_t sp = line.find_first_of(" \t");
      std::string_view key = line.substr(0, sp);
      std::string_view value = sp == std::string_view::npos ? std::string_view() : trim(line.substr(sp));
      if (key == "@lang") {
        if (!lex.lang.empty()) {
          issue(line_no, "duplicate @lang");
        } else if (seen_content) {
          issue(line_no, "@lang must be the first directive");
        } else if (value.empty() || value.find_first_of(" \t") != std::string_view::npos) {
          issue(line_no, "@lang needs one language tag");
        } else {
          lex.lang = std::string(value);
          if (lex.name.empty()) lex.name = lex.lang + ".tsv";
        }
      } else if (key == "@prefixes" || key == "@suffixes") {
        if (lex.lang.empty()) issue(line_no, "missing @lang (it must come first)");
        auto words = split_words(value);
        auto& list = key == "@prefixes" ? lex.prefixes : lex.suffixes;
        list.insert(list.end(), words.begin(), words.end());
      } else {
        issue(line_no, "unknown directive '" + std::string(key) + "'");
      }
      seen_content = true;
      continue;
    }
    seen_content = true;
    if (lex.lang.empty()) {
      issue(line_no, "missing @lang (it must come first)");
      continue;
    }
    auto f = split_tabs(line);
    LexiconEntry e;
    e.line = line_no;
    e.term = std::string(f[0]);
    if (f.size() == 2 && f[1] == "allow") {
      e.allow = true;
      lex.entries.push_back(std::move(e));
      continue;
    }
    if (f.size() != 4) {
      issue(line_no, "expected 'term<TAB>category<TAB>severity<TAB>scope' or 'phrase<TAB>allow', got " +
                         std::to_string(f.size()) + " field" + (f.size() == 1 ? "" : "s"));
      continue;
    }
    Category c;
    if (!parse_category(f[1], &c) || c == Category::spam || c == Category::flood) {
      issue(line_no, "unknown category '" + std::string(f[1]) + "'");
      continue;
    }
    e.category = c;
    if (f[2].size() != 1 || f[2][0] < '1' || f[2][0] > '4') {
      issue(line_no, "severity must be 1-4, got '" + std::string(f[2]) + "'");
      continue;
    }
    e.severity = f[2][0] - '0';
    if (f[3] == "word") e.scope = Scope::word;
    else if (f[3] == "any") e.scope = Scope::any;
    else {
      issue(line_no, "unknown scope '" + std::string(f[3]) + "' (word or any)");
      continue;
    }
    lex.entries.push_back(std::move(e));
  }
  if (lex.lang.empty()) issue(0, "missing @lang");
  return lex;
}

}  // namespace

Expected<Lexicon> parse_lexicon(std::string_view text, std::string_view name) {
  bool failed = false;
  std::string message;
  Lexicon lex = parse_all(text, name, [&](int line, const std::string& m) {
    if (failed) return;
    failed = true;
    std::string who = name.empty() ? "lexicon" : std::string(name);
    message = line > 0 ? who + " line " + std::to_string(line) + ": " + m : who + ": " + m;
  });
  if (failed) {
    // Name the file after @lang when the caller had no name and the error came later.
    if (name.empty() && !lex.lang.empty() && message.compare(0, 7, "lexicon") == 0) {
      message = lex.lang + ".tsv" + message.substr(7);
    }
    return Error{ErrorKind::invalid_lexicon, message};
  }
  return lex;
}

std::vector<LexiconIssue> lint_lexicon(std::string_view text, Normalizer& norm) {
  std::vector<LexiconIssue> issues;
  Lexicon lex = parse_all(text, "", [&](int line, const std::string& m) { issues.push_back({line, m}); });
  std::map<std::pair<std::vector<char32_t>, bool>, int> seen;
  std::vector<char32_t> syms;
  std::vector<uint32_t> counts;
  for (const auto& e : lex.entries) {
    bool upper = false;
    for (char c : e.term) upper |= (c >= 'A' && c <= 'Z');
    if (upper) issues.push_back({e.line, "term '" + e.term + "' should be lowercase"});
    norm.fold_pattern(e.term, &syms, &counts);
    if (syms.empty()) {
      issues.push_back({e.line, "term '" + e.term + "' folds to nothing"});
      continue;
    }
    auto key = std::make_pair(syms, e.allow);
    auto it = seen.find(key);
    if (it != seen.end()) {
      issues.push_back({e.line, "'" + e.term + "' duplicates line " + std::to_string(it->second) +
                                    " once folded"});
    } else {
      seen.emplace(key, e.line);
    }
  }
  for (const auto* list : {&lex.prefixes, &lex.suffixes}) {
    for (const auto& a : *list) {
      norm.fold_pattern(a, &syms, &counts);
      if (syms.empty()) issues.push_back({0, "affix '" + a + "' folds to nothing"});
    }
  }
  std::stable_sort(issues.begin(), issues.end(),
                   [](const LexiconIssue& a, const LexiconIssue& b) { return a.line < b.line; });
  return issues;
}

}  // namespace etalase
