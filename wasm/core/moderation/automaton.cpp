#include "core/moderation/automaton.h"

#include <algorithm>

namespace etalase {

namespace {
constexpr uint32_t kNone = UINT32_MAX;
}  // namespace

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

  // Trie, children as sibling lists (first child, next sibling, symbol). The patterns ending
  // at each state are a list threaded through `own_next` in id order.
  std::vector<uint32_t> first_child(1, kNone), sibling(1, kNone), own_head(1, kNone), own_tail(1, kNone);
  std::vector<int16_t> sym_of(1, 0);
  for (auto* v : {&first_child, &sibling, &own_head, &own_tail}) v->reserve(total + 1);
  sym_of.reserve(total + 1);
  std::vector<uint32_t> own_next(patterns.size(), kNone);
  // The root has a child for nearly every symbol and every failure chain ends there: its
  // children are also kept by symbol.
  std::vector<uint32_t> root_child(alpha_, kNone);
  auto child = [&](uint32_t u, int a) {
    if (u == 0) return root_child[size_t(a)];
    for (uint32_t v = first_child[u]; v != kNone; v = sibling[v]) {
      if (sym_of[v] == a) return v;
    }
    return kNone;
  };
  lengths_.assign(patterns.size(), 0);
  for (uint32_t id = 0; id < patterns.size(); ++id) {
    const auto& p = patterns[id];
    lengths_[id] = uint32_t(p.size());
    if (p.empty()) continue;
    uint32_t s = 0;
    for (char32_t c : p) {
      int a = symbol(c);
      uint32_t t = child(s, a);
      if (t == kNone) {
        t = uint32_t(first_child.size());
        first_child.push_back(kNone);
        sibling.push_back(first_child[s]);
        sym_of.push_back(int16_t(a));
        own_head.push_back(kNone);
        own_tail.push_back(kNone);
        first_child[s] = t;
        if (s == 0) root_child[size_t(a)] = t;
      }
      s = t;
    }
    if (own_tail[s] == kNone) own_head[s] = id;
    else own_next[own_tail[s]] = id;
    own_tail[s] = id;
  }
  const size_t n = first_child.size();

  // Breadth-first order, depths and failure links.
  std::vector<uint32_t> fail(n, 0), order, depth(n, 0);
  order.reserve(n);
  order.push_back(0);
  for (size_t qi = 0; qi < order.size(); ++qi) {
    uint32_t u = order[qi];
    for (uint32_t v = first_child[u]; v != kNone; v = sibling[v]) {
      depth[v] = depth[u] + 1;
      uint32_t f = 0;
      if (u != 0) {
        for (uint32_t x = fail[u];; x = fail[x]) {
          uint32_t c = child(x, sym_of[v]);
          if (c != kNone) {
            f = c;
            break;
          }
          if (x == 0) break;
        }
      }
      fail[v] = f;
      order.push_back(v);
    }
  }
  // States are renumbered in breadth-first order: the shallow states, where a scan spends
  // most of its time, end up next to each other. A state's outputs are its own patterns,
  // then those of its failure state, which comes earlier in that order.
  std::vector<uint32_t> rank(n);
  for (size_t k = 0; k < n; ++k) rank[order[k]] = uint32_t(k);
  out_off_.assign(n + 1, 0);
  outs_.clear();
  outs_.reserve(n + patterns.size());
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

  // The shallow states get full rows (one load a step); the deep ones, most of a large
  // lexicon's states but rarely visited, keep only their children and failure link.
  dense_ = 0;
  while (dense_ < n && depth[order[dense_]] <= kDenseDepth) ++dense_;
  auto name = [&](uint32_t v) {
    uint32_t k = rank[v];
    State out = State(out_off_[k + 1] != out_off_[k]);
    return k < dense_ ? State(k * alpha_) << 1 | out : kSparse | State(k) << 1 | out;
  };
  delta_.assign(dense_ * alpha_, 0);
  for (size_t k = 0; k < dense_; ++k) {
    uint32_t u = order[k];
    State* row = &delta_[k * alpha_];
    if (u == 0) {
      for (size_t a = 0; a < alpha_; ++a) row[a] = name(0);
    } else {
      // Not a child: where the failure state goes (shallower, so its row is done).
      const State* frow = &delta_[size_t(rank[fail[u]]) * alpha_];
      std::copy_n(frow, alpha_, row);
    }
    for (uint32_t v = first_child[u]; v != kNone; v = sibling[v]) row[size_t(sym_of[v])] = name(v);
  }
  sp_off_.assign(n - dense_ + 1, 0);
  sp_sym_.clear();
  sp_next_.clear();
  sp_sym_.reserve(n);
  sp_next_.reserve(n);
  sp_fail_.assign(n - dense_, 0);
  for (size_t k = dense_; k < n; ++k) {
    uint32_t u = order[k];
    sp_off_[k - dense_] = uint32_t(sp_sym_.size());
    for (uint32_t v = first_child[u]; v != kNone; v = sibling[v]) {
      sp_sym_.push_back(sym_of[v]);
      sp_next_.push_back(name(v));
    }
    sp_fail_[k - dense_] = name(fail[u]);
  }
  sp_off_[n - dense_] = uint32_t(sp_sym_.size());
  start_ = name(0);
}

Automaton::State Automaton::step_sparse(State s, int sym) const {
  for (;;) {
    if (!(s & kSparse)) return delta_[(s >> 1) + size_t(sym)];
    const size_t j = ((s & ~kSparse) >> 1) - dense_;
    for (uint32_t i = sp_off_[j], e = sp_off_[j + 1]; i < e; ++i) {
      if (sp_sym_[i] == sym) return sp_next_[i];
    }
    s = sp_fail_[j];
  }
}

}  // namespace etalase
