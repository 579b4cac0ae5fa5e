#include "core/moderation/lexicon.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "core/moderation/tsv_line.h"
#include "core/text/normalize.h"
#include "core/text/utf8.h"

namespace etalase {

namespace {

using tsv::split_tabs;
using tsv::split_words;
using tsv::strip_comment;
using tsv::trim;

// Word classes (`@class animal anjing babi monyet`), by name.
using Classes = std::map<std::string, std::vector<std::string>, std::less<>>;

// More expansions than this from one line is a mistake in the file, not a lexicon.
constexpr size_t kMaxExpansions = 4096;

// Reads the frame syntax of a term (`^`, a `*` slot at one end, `{class}` words) into
// `proto` and appends one entry per expansion to `out`; returns an error message or "".
std::string expand_term(std::string_view term, const Classes& classes, LexiconEntry proto,
                        std::vector<LexiconEntry>& out) {
  std::vector<std::string> words = split_words(term);
  if (!words.empty() && words[0][0] == '^') {
    proto.clause_start = true;
    words[0].erase(0, 1);
    if (words[0].empty()) words.erase(words.begin());
  }
  if (!words.empty() && words.front() == "*") {
    proto.slot = Slot::before;
    words.erase(words.begin());
  }
  if (!words.empty() && words.back() == "*") {
    if (proto.slot != Slot::none) return "a frame has one slot: '*' at its start or its end";
    proto.slot = Slot::after;
    words.pop_back();
  }
  if (words.empty()) return "a term needs at least one word besides '^' and '*'";
  for (const std::string& w : words) {
    if (w.find('*') != std::string::npos) return "'*' is a slot only as a whole word at the term's start or end";
    if (w.find('^') != std::string::npos) return "'^' (clause start) only begins a term";
  }
  if (proto.allow && (proto.slot != Slot::none || proto.clause_start)) {
    return "an allow phrase has no '*' slot or '^'";
  }
  if (proto.slot != Slot::none && proto.scope != Scope::word) return "a frame's scope must be 'word'";
  // Expand `{class}` words, left to right.
  std::vector<std::string> terms{""};
  for (const std::string& w : words) {
    std::vector<std::string> one{w};
    const std::vector<std::string>* choices = &one;
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      auto it = classes.find(std::string_view(w).substr(1, w.size() - 2));
      if (it == classes.end()) return "unknown class '" + w + "' (define it with @class before its first use)";
      choices = &it->second;
    } else if (w.find_first_of("{}") != std::string::npos) {
      return "a class is written '{name}', as a whole word";
    }
    std::vector<std::string> next;
    for (const std::string& t : terms) {
      for (const std::string& c : *choices) next.push_back(t.empty() ? c : t + " " + c);
    }
    if (next.size() > kMaxExpansions) {
      return "the classes expand this line into more than " + std::to_string(kMaxExpansions) + " terms";
    }
    terms = std::move(next);
  }
  for (std::string& t : terms) {
    proto.term = std::move(t);
    out.push_back(proto);
  }
  return "";
}

// Parses every line; calls `issue(line, message)` for each hard error.
template <typename F>
Lexicon parse_all(std::string_view text, std::string_view name, F issue) {
  Lexicon lex;
  lex.name = std::string(name);
  bool seen_content = false;
  Classes classes;
  tsv::for_each_line(text, [&](int line_no, std::string_view line) {
    if (!utf8::valid(line)) {
      issue(line_no, "invalid UTF-8");
      return;
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
      } else if (key == "@class") {
        if (lex.lang.empty()) issue(line_no, "missing @lang (it must come first)");
        auto words = split_words(value);
        if (words.size() < 2) {
          issue(line_no, "@class needs a name and at least one word");
        } else if (classes.count(words[0])) {
          issue(line_no, "class '" + words[0] + "' is defined twice");
        } else if (words[0].find_first_of("{}*^") != std::string::npos) {
          issue(line_no, "a class name is plain letters, got '" + words[0] + "'");
        } else {
          std::string name = words[0];
          words.erase(words.begin());
          classes.emplace(std::move(name), std::move(words));
        }
      } else {
        issue(line_no, "unknown directive '" + std::string(key) + "'");
      }
      seen_content = true;
      return;
    }
    seen_content = true;
    if (lex.lang.empty()) {
      issue(line_no, "missing @lang (it must come first)");
      return;
    }
    auto f = split_tabs(line);
    LexiconEntry e;
    e.line = line_no;
    e.term = std::string(f[0]);
    if (f.size() == 2 && f[1] == "allow") {
      e.allow = true;
      e.scope = Scope::any;
      std::string err = expand_term(f[0], classes, std::move(e), lex.entries);
      if (!err.empty()) issue(line_no, err);
      return;
    }
    if (f.size() != 4) {
      issue(line_no, "expected 'term<TAB>category<TAB>severity<TAB>scope' or 'phrase<TAB>allow', got " +
                         std::to_string(f.size()) + " field" + (f.size() == 1 ? "" : "s"));
      return;
    }
    Category c;
    if (!parse_category(f[1], &c) || c == Category::spam || c == Category::flood) {
      issue(line_no, "unknown category '" + std::string(f[1]) + "'");
      return;
    }
    e.category = c;
    if (f[2].size() != 1 || f[2][0] < '1' || f[2][0] > '4') {
      issue(line_no, "severity must be 1-4, got '" + std::string(f[2]) + "'");
      return;
    }
    e.severity = f[2][0] - '0';
    if (f[3] == "word") e.scope = Scope::word;
    else if (f[3] == "any") e.scope = Scope::any;
    else {
      issue(line_no, "unknown scope '" + std::string(f[3]) + "' (word or any)");
      return;
    }
    std::string err = expand_term(f[0], classes, std::move(e), lex.entries);
    if (!err.empty()) issue(line_no, err);
  });
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
  std::map<std::pair<std::vector<char32_t>, int>, int> seen;
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
    // A frame and a plain term of the same words are different entries.
    auto key = std::make_pair(syms, int(e.allow) | int(e.slot) << 1 | int(e.clause_start) << 3);
    auto it = seen.find(key);
    if (it != seen.end() && it->second == e.line) continue;  // two words of one class fold alike
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
