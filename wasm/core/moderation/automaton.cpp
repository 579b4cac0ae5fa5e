#include "core/moderation/automaton.h"

#include <algorithm>

namespace etalase {

void Automaton::build(const std::vector<std::vector<char32_t>>& patterns) {
  // Alphabet.
  std::fill(std::begin(ascii_), std::end(ascii_), int16_t(0));
  wide_.clear();
  std::vector<char32_t> syms;
  for (const auto& p : patterns) syms.insert(syms.end(), p.begin(), p.end());
  std::sort(syms.begin(), syms.end());
  syms.erase(std::unique(syms.begin(), syms.end()), syms.end());
  int next_sym = 1;
  for (char32_t c : syms) {
    if (c < 128) ascii_[c] = int16_t(next_sym++);
    else wide_.emplace_back(c, next_sym++);
  }
  alpha_ = size_t(next_sym);

  // Trie (kNone = no child yet).
  const uint32_t kNone = UINT32_MAX;
  // At most one state per pattern symbol, plus the root: reserving that bound up front
  // spares the table its copies while it grows (untouched reserve costs no pages).
  size_t bound = 1;
  for (const auto& p : patterns) bound += p.size();
  delta_.clear();
  delta_.reserve(bound * alpha_);
  delta_.assign(alpha_, kNone);
  std::vector<std::vector<uint32_t>> own(1);
  lengths_.assign(patterns.size(), 0);
  for (uint32_t id = 0; id < patterns.size(); ++id) {
    const auto& p = patterns[id];
    lengths_[id] = uint32_t(p.size());
    if (p.empty()) continue;
    uint32_t s = 0;
    for (char32_t c : p) {
      int a = symbol(c);
      uint32_t& t = delta_[size_t(s) * alpha_ + size_t(a)];
      if (t == kNone) {
        uint32_t fresh = uint32_t(own.size());
        own.emplace_back();
        delta_.resize(delta_.size() + alpha_, kNone);
        delta_[size_t(s) * alpha_ + size_t(a)] = fresh;  // `t` may dangle after resize
        s = fresh;
      } else {
        s = t;
      }
    }
    own[s].push_back(id);
  }
  size_t n = own.size();

  // Breadth-first: failure links folded into the transition table, outputs merged.
  std::vector<uint32_t> fail(n, 0), order;
  order.reserve(n);
  order.push_back(0);
  std::vector<std::vector<uint32_t>> out(n);
  out[0] = own[0];
  for (size_t qi = 0; qi < order.size(); ++qi) {
    uint32_t u = order[qi];
    for (size_t a = 0; a < alpha_; ++a) {
      uint32_t& v = delta_[size_t(u) * alpha_ + a];
      if (a != 0 && v != kNone) {
        uint32_t f = u == 0 ? 0 : delta_[size_t(fail[u]) * alpha_ + a];
        fail[v] = f;
        out[v] = own[v];
        out[v].insert(out[v].end(), out[f].begin(), out[f].end());
        order.push_back(v);
      } else {
        v = u == 0 ? 0 : delta_[size_t(fail[u]) * alpha_ + a];
      }
    }
  }
  // Renumber states in breadth-first order: the shallow states, where a scan spends most
  // of its time, end up next to each other in the table.
  // Each target is stored as the State naming it (see automaton.h).
  std::vector<State> name(n);
  for (size_t k = 0; k < n; ++k) {
    name[order[k]] = State(k * alpha_) << 1 | State(!out[order[k]].empty());
  }
  std::vector<State> table(n * alpha_);
  for (size_t k = 0; k < n; ++k) {
    const uint32_t* src = &delta_[size_t(order[k]) * alpha_];
    State* dst = &table[k * alpha_];
    for (size_t a = 0; a < alpha_; ++a) dst[a] = name[src[a]];
  }
  delta_.swap(table);
  start_ = name[0];
  out_off_.assign(n + 1, 0);
  outs_.clear();
  for (size_t k = 0; k < n; ++k) {
    out_off_[k] = uint32_t(outs_.size());
    const std::vector<uint32_t>& o = out[order[k]];
    outs_.insert(outs_.end(), o.begin(), o.end());
  }
  out_off_[n] = uint32_t(outs_.size());
}

}  // namespace etalase
