#include "core/moderation/automaton.h"

#include <algorithm>

namespace etalase {

void Automaton::build(const std::vector<std::vector<char32_t>>& patterns) {
  // Alphabet: ASCII symbols marked in a table, the few others sorted (a sort over every
  // pattern character was a tenth of a moderator's start-up).
  std::fill(std::begin(ascii_), std::end(ascii_), int16_t(0));
  wide_.clear();
  bool seen[128] = {};
  std::vector<char32_t> wide;
  size_t total = 0;
  for (const auto& p : patterns) {
    total += p.size();
    for (char32_t c : p) {
      if (c < 128) seen[c] = true;
      else wide.push_back(c);
    }
  }
  std::sort(wide.begin(), wide.end());
  wide.erase(std::unique(wide.begin(), wide.end()), wide.end());
  int next_sym = 1;
  for (int c = 0; c < 128; ++c) {
    if (seen[c]) ascii_[c] = int16_t(next_sym++);
  }
  for (char32_t c : wide) wide_.emplace_back(c, next_sym++);
  alpha_ = size_t(next_sym);

  // Trie (kNone = no child yet). The patterns ending at each state are a list threaded
  // through `own_next` in id order, so no state holds a vector of its own.
  const uint32_t kNone = UINT32_MAX;
  // At most one state per pattern symbol, plus the root: reserving that bound up front
  // spares the table its copies while it grows (untouched reserve costs no pages).
  delta_.clear();
  delta_.reserve((total + 1) * alpha_);
  delta_.assign(alpha_, kNone);
  std::vector<uint32_t> own_head(1, kNone), own_tail(1, kNone), own_next(patterns.size(), kNone);
  own_head.reserve(total + 1);
  own_tail.reserve(total + 1);
  lengths_.assign(patterns.size(), 0);
  for (uint32_t id = 0; id < patterns.size(); ++id) {
    const auto& p = patterns[id];
    lengths_[id] = uint32_t(p.size());
    if (p.empty()) continue;
    uint32_t s = 0;
    for (char32_t c : p) {
      int a = symbol(c);
      uint32_t t = delta_[size_t(s) * alpha_ + size_t(a)];
      if (t == kNone) {
        t = uint32_t(own_head.size());
        own_head.push_back(kNone);
        own_tail.push_back(kNone);
        delta_.resize(delta_.size() + alpha_, kNone);
        delta_[size_t(s) * alpha_ + size_t(a)] = t;
      }
      s = t;
    }
    if (own_tail[s] == kNone) own_head[s] = id;
    else own_next[own_tail[s]] = id;
    own_tail[s] = id;
  }
  size_t n = own_head.size();

  // Breadth-first: failure links folded into the transition table.
  std::vector<uint32_t> fail(n, 0), order;
  order.reserve(n);
  order.push_back(0);
  for (size_t qi = 0; qi < order.size(); ++qi) {
    uint32_t u = order[qi];
    for (size_t a = 0; a < alpha_; ++a) {
      uint32_t& v = delta_[size_t(u) * alpha_ + a];
      if (a != 0 && v != kNone) {
        fail[v] = u == 0 ? 0 : delta_[size_t(fail[u]) * alpha_ + a];
        order.push_back(v);
      } else {
        v = u == 0 ? 0 : delta_[size_t(fail[u]) * alpha_ + a];
      }
    }
  }
  // States are renumbered in breadth-first order: the shallow states, where a scan spends
  // most of its time, end up next to each other in the table. A state's outputs are its own
  // patterns, then those of its failure state, which comes earlier in that order and so is
  // already laid out in outs_.
  std::vector<uint32_t> rank(n);
  for (size_t k = 0; k < n; ++k) rank[order[k]] = uint32_t(k);
  out_off_.assign(n + 1, 0);
  outs_.clear();
  for (size_t k = 0; k < n; ++k) {
    uint32_t u = order[k];
    out_off_[k] = uint32_t(outs_.size());
    for (uint32_t id = own_head[u]; id != kNone; id = own_next[id]) outs_.push_back(id);
    if (k > 0) {
      uint32_t f = rank[fail[u]];
      for (uint32_t i = out_off_[f], e = out_off_[f + 1]; i < e; ++i) {
        uint32_t id = outs_[i];
        outs_.push_back(id);
      }
    }
  }
  out_off_[n] = uint32_t(outs_.size());
  // Each target is stored as the State naming it (see automaton.h).
  std::vector<State> name(n);
  for (size_t k = 0; k < n; ++k) {
    name[order[k]] = State(k * alpha_) << 1 | State(out_off_[k + 1] != out_off_[k]);
  }
  // Rows move to their breadth-first places in the table itself, one permutation cycle at a
  // time through a one-row buffer: a second table would double the pages a moderator
  // touches at start-up, which on a virtual machine cost more than the build.
  for (uint32_t& v : delta_) v = name[v];
  delta_.resize(n * alpha_);
  delta_.shrink_to_fit();
  std::vector<State> row(alpha_);
  std::vector<bool> placed(n, false);
  for (size_t k = 0; k < n; ++k) {
    if (placed[k] || order[k] == k) {
      placed[k] = true;
      continue;
    }
    // Cycle k <- order[k] <- order[order[k]] ...: save row k, pull each row to its place.
    std::copy_n(&delta_[k * alpha_], alpha_, row.begin());
    size_t dst = k;
    for (;;) {
      size_t src = order[dst];
      placed[dst] = true;
      if (src == k) {
        std::copy_n(row.begin(), alpha_, &delta_[dst * alpha_]);
        break;
      }
      std::copy_n(&delta_[src * alpha_], alpha_, &delta_[dst * alpha_]);
      dst = src;
    }
  }
  start_ = name[0];
}

}  // namespace etalase
