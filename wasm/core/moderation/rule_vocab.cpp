#include "core/moderation/rule_vocab.h"

#include <algorithm>
#include <set>

#include "core/moderation/tsv_line.h"
#include "core/text/normalize.h"
#include "core/text/utf8.h"

namespace etalase {

namespace {

constexpr const char* kFeatureNames[kFeatCount] = {
    "none", "transfer", "bank", "account", "depo", "wd", "winner", "reach", "otp", "negation",
    "app", "app-weak", "add", "digit", "dot", "gambling", "win", "pitch", "brand-end"};

template <typename F>
RuleVocab parse_all(std::string_view text, std::string_view name, F issue) {
  RuleVocab v;
  v.name = name.empty() ? "rules" : std::string(name);
  tsv::for_each_line(text, [&](int line_no, std::string_view line) {
    if (!utf8::valid(line)) {
      issue(line_no, "invalid UTF-8");
      return;
    }
    auto f = tsv::split_tabs(line);
    if (f[0] == "@list") {
      if (f.size() != 3) {
        issue(line_no, "expected '@list<TAB>NAME<TAB>words...'");
        return;
      }
      const auto& names = rule_list_names();
      if (std::find(names.begin(), names.end(), f[1]) == names.end()) {
        issue(line_no, "unknown list '" + std::string(f[1]) + "'");
        return;
      }
      auto& list = v.lists[std::string(f[1])];
      for (std::string& w : tsv::split_words(f[2])) list.push_back(std::move(w));
      return;
    }
    if (f[0][0] == '@') {
      issue(line_no, "unknown directive '" + std::string(f[0]) + "'");
      return;
    }
    RuleVocabEntry e;
    e.line = line_no;
    e.phrase = std::string(f[0]);
    if (f.size() == 4 && f[1] == "rule") {
      e.kind = RuleVocabEntry::rule;
      e.rule_id = std::string(f[2]);
      size_t dot = f[2].find('.');
      if (dot == std::string_view::npos || dot == 0 || dot + 1 == f[2].size() ||
          !parse_category(f[2].substr(0, dot), &e.category)) {
        issue(line_no, "a rule id is CATEGORY.NAME with a known category, got '" + std::string(f[2]) + "'");
        return;
      }
      if (f[3].size() != 1 || f[3][0] < '1' || f[3][0] > '4') {
        issue(line_no, "severity must be 1-4, got '" + std::string(f[3]) + "'");
        return;
      }
      e.severity = f[3][0] - '0';
    } else if (f.size() == 3 && f[1] == "feature") {
      e.kind = RuleVocabEntry::word;
      if (!parse_feature(f[2], &e.feature) || e.feature == kFeatDigit || e.feature == kFeatNone) {
        issue(line_no, "unknown feature '" + std::string(f[2]) + "'");
        return;
      }
    } else if (f.size() == 3 && f[1] == "digit") {
      e.kind = RuleVocabEntry::digit;
      e.feature = kFeatDigit;
      if (f[2].size() != 1 || f[2][0] < '0' || f[2][0] > '9') {
        issue(line_no, "a digit is 0-9, got '" + std::string(f[2]) + "'");
        return;
      }
      e.value = f[2][0] - '0';
    } else {
      issue(line_no, "expected 'phrase<TAB>rule<TAB>ID<TAB>SEVERITY', 'phrase<TAB>feature<TAB>NAME' or "
                     "'phrase<TAB>digit<TAB>N'");
      return;
    }
    v.entries.push_back(std::move(e));
  });
  return v;
}

}  // namespace

const char* feature_name(Feature f) { return f < kFeatCount ? kFeatureNames[f] : "none"; }

bool parse_feature(std::string_view name, Feature* out) {
  for (int i = 0; i < kFeatCount; ++i) {
    if (name == kFeatureNames[i]) {
      *out = Feature(i);
      return true;
    }
  }
  return false;
}

const std::vector<std::string_view>& rule_list_names() {
  static const std::vector<std::string_view> names = {"strong-tlds", "word-tlds", "contact-hosts", "brand-stems",
                                                      "handle-fillers", "number-labels"};
  return names;
}

Expected<RuleVocab> parse_rule_vocab(std::string_view text, std::string_view name) {
  std::string message;
  RuleVocab v = parse_all(text, name, [&](int line, const std::string& m) {
    if (message.empty()) message = (name.empty() ? std::string("rules") : std::string(name)) + " line " +
                                   std::to_string(line) + ": " + m;
  });
  if (!message.empty()) return Error{ErrorKind::invalid_lexicon, message};
  return v;
}

std::vector<LexiconIssue> lint_rule_vocab(std::string_view text, Normalizer& norm) {
  std::vector<LexiconIssue> issues;
  RuleVocab v = parse_all(text, "", [&](int line, const std::string& m) { issues.push_back({line, m}); });
  std::set<std::pair<std::vector<char32_t>, std::string>> seen;
  std::vector<char32_t> syms;
  std::vector<uint32_t> counts;
  for (const RuleVocabEntry& e : v.entries) {
    norm.fold_pattern(e.phrase, &syms, &counts);
    if (syms.empty()) {
      issues.push_back({e.line, "phrase '" + e.phrase + "' folds to nothing"});
      continue;
    }
    std::string what = e.kind == RuleVocabEntry::rule ? e.rule_id : feature_name(e.feature);
    if (!seen.insert({syms, what}).second) {
      issues.push_back({e.line, "'" + e.phrase + "' (" + what + ") is listed twice once folded"});
    }
  }
  return issues;
}

}  // namespace etalase
