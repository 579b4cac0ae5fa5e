// Compiling a moderator: lexicons, allow phrases and rule vocabulary folded into one
// automaton (Engine::make, load). Its own file: it runs once at start-up, not per comment.
#include "core/moderation/moderator.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/moderation/engine.h"

namespace etalase {

Expected<std::unique_ptr<Moderator>> Moderator::create(const ModeratorOptions& options) {
  return Engine::make(options);
}

Expected<std::unique_ptr<Moderator>> Engine::make(const ModeratorOptions& o) {
  if (Status s = check_flood_options(o.flood); !s.ok()) return s.error();
  std::unique_ptr<Engine> e(new Engine(o));
  Status s = e->load(o);
  if (!s.ok()) return s.error();
  return std::unique_ptr<Moderator>(std::move(e));
}

Engine::Engine(const ModeratorOptions& o) : opt_(o), policy_(o.policy), flood_(o.flood) {
  if (opt_.max_comment_bytes == 0) opt_.max_comment_bytes = 1;
}

uint16_t Engine::rule_index(const std::string& id) {
  for (size_t i = 0; i < rule_ids_.size(); ++i) {
    if (rule_ids_[i] == id) return uint16_t(i);
  }
  rule_ids_.push_back(id);
  return uint16_t(rule_ids_.size() - 1);
}

Seq Engine::fold(std::string_view text) {
  Seq s;
  norm_.fold_pattern(text, &s.syms, &s.counts, &s.letters);
  return s;
}

void Engine::add_pattern(const Seq& s, PatInfo info) {
  if (s.syms.empty()) return;
  info.counts = uint32_t(pat_counts_.size());
  pat_counts_.insert(pat_counts_.end(), s.counts.begin(), s.counts.end());
  pat_letters_.insert(pat_letters_.end(), s.letters.begin(), s.letters.end());
  pats_.push_back(info);
  pat_syms_.push_back(s.syms);
}

void Engine::add_phrase(std::string_view text, PatInfo info, size_t max_joined_words) {
  add_pattern(fold(text), info);
  size_t words = 1;
  for (size_t i = 1; i < text.size(); ++i) words += text[i] != ' ' && text[i - 1] == ' ';
  if (words > 1 && words <= max_joined_words) {
    std::string joined;
    for (char c : text) {
      if (c != ' ' && c != '\t') joined.push_back(c);
    }
    add_pattern(fold(joined), info);
  }
}

Status Engine::load(const ModeratorOptions& o) {
  r_.too_long = rule_index("input.too_long");
  r_.term_block = rule_index("term.block");
  for (const std::string& d : o.allowed_domains) {
    std::string x;
    for (char ch : d) x.push_back(ch >= 'A' && ch <= 'Z' ? char(ch + 32) : ch);
    while (!x.empty() && (x[0] == '*' || x[0] == '.')) x.erase(0, 1);
    while (!x.empty() && x.back() == '.') x.pop_back();
    if (!x.empty()) allowed_domains_.push_back(x);
  }
  if (o.rules.empty()) {
    rule_texts_ = builtin_rule_texts();
  } else {
    for (const std::string& t : o.rules) rule_texts_.push_back(t);
  }
  std::vector<std::string_view> texts;
  if (o.lexicons.empty()) {
    texts = builtin_lexicon_texts();
  } else {
    for (const std::string& t : o.lexicons) texts.push_back(t);
  }
  // Room for every pattern up front (a line gives at most two, bar class expansions): the
  // tables then never move while they fill, which was a fifth of a moderator's start-up.
  size_t lines = 0, bytes = 0;
  for (const auto* list : {&rule_texts_, &texts}) {
    for (std::string_view t : *list) {
      lines += size_t(std::count(t.begin(), t.end(), '\n')) + 1;
      bytes += t.size();
    }
  }
  pats_.reserve(lines * 2);
  pat_syms_.reserve(lines * 2);
  pat_counts_.reserve(bytes * 2);
  pat_letters_.reserve(bytes * 2);
  if (Status s = register_rules(); !s.ok()) return s;

  for (size_t k = 0; k < texts.size(); ++k) {
    Expected<Lexicon> lx = parse_lexicon(texts[k]);
    if (!lx.ok()) return lx.error();
    Lexicon& lex = lx.value();
    AffixSet aff;
    for (const std::string& a : lex.prefixes) {
      Seq s = fold(a);
      if (!s.syms.empty()) aff.prefixes.push_back(std::move(s));
    }
    for (const std::string& a : lex.suffixes) {
      Seq s = fold(a);
      if (!s.syms.empty()) aff.suffixes.push_back(std::move(s));
    }
    affixes_.push_back(std::move(aff));
    uint16_t aff_index = uint16_t(affixes_.size() - 1);
    for (const LexiconEntry& e : lex.entries) {
      PatInfo info;
      info.affixes = aff_index;
      if (e.allow) {
        info.kind = kPatAllow;
        info.scope = uint8_t(Scope::any);
      } else {
        info.kind = kPatLexicon;
        info.scope = uint8_t(e.scope);
        info.category = uint8_t(e.category);
        info.severity = uint8_t(e.severity);
        info.rule = rule_index(o.rule_per_entry ? "lexicon." + lex.lang + ":" + std::to_string(e.line)
                                                : "lexicon." + lex.lang + "." + std::string(category_name(e.category)));
        info.frame = uint8_t((e.slot == Slot::before ? kFrameSlotBefore : 0) |
                             (e.slot == Slot::after ? kFrameSlotAfter : 0) |
                             (e.clause_start ? kFrameClauseStart : 0));
      }
      // Two words are often run together ("openbo", "guebunuh"), longer phrases hardly ever;
      // their joined forms would be a third of the automaton's states.
      add_phrase(e.term, info, 2);
      if (!e.allow && e.slot == Slot::none) add_censor_term(e.term, info);
    }
  }
  ac_.build(pat_syms_);
  pat_syms_.clear();
  pat_syms_.shrink_to_fit();
  return {};
}

}  // namespace etalase
