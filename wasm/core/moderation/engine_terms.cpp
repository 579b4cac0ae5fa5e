// Moderator terms: blocked and permitted terms with Discord's wildcards, added and removed
// live, matched by a second small automaton rebuilt on every change. Its own file: a stage
// of its own, run after the rules.
#include <algorithm>
#include <memory>
#include <unordered_map>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/moderation/engine.h"

namespace etalase {

namespace {

std::string_view trim_spaces(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

// Matches `q` (from its element `from`) against runs starting at run `r`; returns the run
// after the match, or SIZE_MAX.
size_t match_seq(const RunVec& runs, size_t r, const Seq& q, size_t from) {
  for (size_t k = from; k < q.syms.size(); ++k, ++r) {
    if (r >= runs.size() || runs[r].sym != q.syms[k] || runs[r].count < q.counts[k]) return SIZE_MAX;
  }
  return r;
}

}  // namespace

// Folds a term's pattern into `out` (Discord's wildcards), or says why it cannot be a term.
Status Engine::parse_term(std::string_view pattern, TermMode mode, double expires_at, Term* out) {
  std::string_view p = trim_spaces(pattern);
  if (p.empty()) return Error{ErrorKind::invalid_pattern, "empty term"};
  Term& t = *out;
  t = Term{};
  t.pattern = std::string(p);
  t.mode = mode;
  t.expires_at = expires_at;
  bool star_start = p.front() == '*';
  bool star_end = p.size() > 1 && p.back() == '*';
  std::string_view core = p.substr(star_start ? 1 : 0);
  if (star_end) core.remove_suffix(1);
  size_t star = core.find('*');
  if (star != std::string_view::npos) {
    if (star_start || star_end || core.find('*', star + 1) != std::string_view::npos) {
      return Error{ErrorKind::invalid_pattern,
                   "term '" + t.pattern + "': '*' may stand at the start, at the end, or once inside"};
    }
    t.head = fold(core.substr(0, star));
    t.tail = fold(core.substr(star + 1));
    t.need_start = true;
    t.need_end = false;
    if (t.tail.syms.empty()) {
      return Error{ErrorKind::invalid_pattern, "term '" + t.pattern + "' has nothing after '*'"};
    }
  } else {
    t.head = fold(core);
    t.need_start = !star_start;
    t.need_end = !star_end;
  }
  if (t.head.syms.empty()) {
    return Error{ErrorKind::invalid_pattern, "term '" + t.pattern + "' has no letters or digits"};
  }
  return {};
}

void Engine::build_terms() {
  std::vector<std::vector<char32_t>> heads;
  heads.reserve(terms_.size());
  for (const Term& x : terms_) heads.push_back(x.head.syms);
  term_ac_.build(heads);
}

Status Engine::add_term(std::string_view pattern, TermMode mode, double expires_at) {
  Term t;
  if (Status s = parse_term(pattern, mode, expires_at, &t); !s.ok()) return s;
  bool replaced = false;
  for (Term& x : terms_) {
    if (x.pattern == t.pattern) {
      x = t;
      replaced = true;
    }
  }
  if (!replaced) terms_.push_back(std::move(t));
  build_terms();
  return {};
}

Status Engine::set_terms(const std::vector<TermSpec>& specs) {
  std::vector<Term> terms;
  terms.reserve(specs.size());
  std::unordered_map<std::string, size_t> at;  // pattern -> index in `terms`
  for (const TermSpec& spec : specs) {
    Term t;
    if (Status s = parse_term(spec.pattern, spec.mode, spec.expires_at, &t); !s.ok()) return s;
    auto [it, fresh] = at.emplace(t.pattern, terms.size());
    if (fresh) terms.push_back(std::move(t));
    else terms[it->second] = std::move(t);
  }
  terms_.swap(terms);
  build_terms();
  return {};
}

bool Engine::remove_term(std::string_view pattern) {
  std::string_view p = trim_spaces(pattern);
  auto it = std::find_if(terms_.begin(), terms_.end(), [&](const Term& t) { return t.pattern == p; });
  if (it == terms_.end()) return false;
  terms_.erase(it);
  build_terms();
  return true;
}

std::string check_term(std::string_view pattern) {
  // A moderator of no lexicons folds the pattern exactly as a full one does.
  static const std::unique_ptr<Moderator> probe = [] {
    ModeratorOptions o;
    o.lexicons = {"@lang\tnone\n"};
    o.rules = {"# none\n"};
    auto m = Moderator::create(o);
    return m.ok() ? std::move(*m) : nullptr;
  }();
  if (!probe) return "the moderator could not start";
  Status s = static_cast<Engine&>(*probe).check_term_pattern(pattern);
  return s.ok() ? std::string() : s.error().message;
}

void Engine::match_terms(double ts) {
  if (terms_.empty()) return;
  const RunVec& runs = nt_.runs;
  uint32_t n = uint32_t(runs.size());
  auto word_start = [&](uint32_t r) { return r >= n || (runs[r].flags & kRunWordStart); };
  Automaton::State st = term_ac_.start();
  for (uint32_t r = 0; r < n; ++r) {
    st = term_ac_.next(st, term_ac_.symbol(runs[r].sym));
    if (!Automaton::has_out(st)) continue;
    for (const uint32_t *p = term_ac_.out_begin(st), *e = term_ac_.out_end(st); p != e; ++p) {
      const Term& t = terms_[*p];
      if (t.expires_at >= 0 && ts >= 0 && ts >= t.expires_at) continue;
      uint32_t len = uint32_t(t.head.syms.size());
      uint32_t first = r + 1 - len;
      bool ok = true;
      for (uint32_t k = 0; k < len && ok; ++k) ok = runs[first + k].count >= t.head.counts[k];
      if (!ok) continue;
      if (t.need_start && !word_start(first)) continue;
      if (t.need_end && !word_start(r + 1)) continue;
      // The whole word(s) the match lies in.
      uint32_t ws = first, we = r;
      while (ws > 0 && !word_start(ws)) --ws;
      while (we + 1 < n && !word_start(we + 1)) ++we;
      if (!t.tail.syms.empty()) {
        uint32_t tl = uint32_t(t.tail.syms.size());
        if (we + 1 < tl || we + 1 - tl <= r) continue;
        if (match_seq(runs, we + 1 - tl, t.tail, 0) != we + 1) continue;
      }
      uint32_t o16 = nt_.run_o16(ws), o16_end = nt_.run_o16_end(we);
      if (t.mode == TermMode::permit) {
        covers_.push_back(Cover{o16, o16_end, true});
      } else {
        push(o16, o16_end, r_.term_block, kNoCategory, 4, kOriginTerm);
      }
    }
  }
}

}  // namespace etalase
