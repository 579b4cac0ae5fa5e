// The acceptance gate: every golden corpus line (tests/corpora) at level 4 with the
// built-in lexicons.
//   flag/*.tsv   category<TAB>text   -> not allowed, and the category is among the verdict's
//   allow/*.tsv  text                -> allowed, no categories
#include "doctest.h"

#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/moderation/lexicon.h"
#include "core/moderation/moderator.h"

using namespace etalase;

namespace {

std::vector<std::string> corpus_files() {
  std::vector<std::string> out;
#ifdef ETALASE_CORPORA
  std::string all = ETALASE_CORPORA;
  size_t pos = 0;
  while (pos <= all.size()) {
    size_t bar = all.find('|', pos);
    if (bar == std::string::npos) bar = all.size();
    if (bar > pos) out.push_back(all.substr(pos, bar - pos));
    pos = bar + 1;
  }
#endif
  return out;
}

std::string categories_of(const Verdict& v) {
  std::string s;
  for (int i = 0; i < kCategoryCount; ++i) {
    if (!v.categories.has(Category(i))) continue;
    if (!s.empty()) s += ",";
    s += std::string(category_name(Category(i)));
  }
  return s.empty() ? "-" : s;
}

}  // namespace

TEST_CASE("golden corpora at level 4") {
  ModeratorOptions o;
  o.policy.overall = 4;
  auto created = Moderator::create(o);
  REQUIRE(created.ok());
  Moderator& m = **created;
  int total = 0, failed = 0, user = 0;
  for (const std::string& path : corpus_files()) {
    bool flag = path.find("/flag/") != std::string::npos;
    bool allow = path.find("/allow/") != std::string::npos;
    if (!flag && !allow) continue;
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::string name = path.substr(path.rfind("/flag/") != std::string::npos ? path.rfind("/flag/") + 1
                                                                                 : path.rfind("/allow/") + 1);
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      std::string text = line, expected = "-";
      Category want = Category::spam;
      if (flag) {
        size_t tab = line.find('\t');
        if (tab == std::string::npos || !parse_category(line.substr(0, tab), &want)) {
          CHECK_MESSAGE(false, name << ":" << line_no << ": malformed line (expected category<TAB>text)");
          ++failed;
          ++total;
          continue;
        }
        expected = line.substr(0, tab);
        text = line.substr(tab + 1);
      }
      ++total;
      std::string uid = "corpus-user-" + std::to_string(++user);
      Verdict v = m.moderate(Comment{"c", uid, text, -1});
      bool ok = flag ? (v.action != Action::allow && v.categories.has(want))
                     : (v.action == Action::allow && v.categories.empty());
      if (!ok) ++failed;
      CHECK_MESSAGE(ok, name << ":" << line_no << ": expected " << expected << ", got " << std::string(action_name(v.action))
                             << " [" << categories_of(v) << "] " << verdict_to_json("c", v) << "  text: " << text);
    }
  }
  MESSAGE("corpus lines: " << total << ", failed: " << failed);
}

TEST_CASE("every lexicon entry is caught by some flag line of the corpora") {
  ModeratorOptions o;
  o.policy.overall = 4;
  o.rule_per_entry = true;  // spans name "lexicon.<lang>:<line>"
  auto created = Moderator::create(o);
  REQUIRE(created.ok());
  Moderator& m = **created;
  std::set<std::string> hit;
  int user = 0;
  for (const std::string& path : corpus_files()) {
    if (path.find("/flag/") == std::string::npos) continue;
    std::ifstream in(path, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
      std::string uid = "coverage-user-" + std::to_string(++user);
      Verdict v = m.moderate(Comment{"c", uid, std::string_view(line).substr(tab + 1), -1});
      for (const Span& s : v.spans) hit.insert(s.rule);
    }
  }
  int entries = 0, missing = 0;
  for (std::string_view text : builtin_lexicon_texts()) {
    auto lex = parse_lexicon(text);
    REQUIRE(lex.ok());
    std::set<int> lines;
    for (const LexiconEntry& e : lex.value().entries) {
      if (e.allow || !lines.insert(e.line).second) continue;  // a class's expansions share a line
      ++entries;
      std::string id = "lexicon." + lex.value().lang + ":" + std::to_string(e.line);
      if (hit.count(id)) continue;
      ++missing;
      CHECK_MESSAGE(false, lex.value().lang << ".tsv:" << e.line << ": '" << e.term
                                            << "' is caught by no line of tests/corpora/flag/");
    }
  }
  MESSAGE("lexicon entries: " << entries << ", without a flag line: " << missing);
}
