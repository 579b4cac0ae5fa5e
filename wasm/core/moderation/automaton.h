// Aho-Corasick over the symbols of the match view. The states near the root, where a scan
// spends nearly all its steps, are a flat DFA table: one lookup per run of the text. The
// deep states (most of a large lexicon's, rarely reached) keep only their children and
// failure link, so a moderator's start-up builds and touches a small table. The alphabet is
// the set of symbols used by the patterns; every other symbol is class 0 (it sends the
// automaton back to the root).
#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace etalase {

class Automaton {
 public:
  // Pattern i gets id i. Empty patterns are ignored.
  void build(const std::vector<std::vector<char32_t>>& patterns);

  int symbol(char32_t c) const {
    if (__builtin_expect(c < 128, 1)) return ascii_[c];
    size_t lo = 0, hi = wide_.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (wide_[mid].first < c) lo = mid + 1;
      else hi = mid;
    }
    return lo < wide_.size() && wide_[lo].first == c ? wide_[lo].second : 0;
  }
  // A state is named by where its row starts in the table, doubled, plus 1 when some
  // pattern ends there: a step is one load with no multiply, and the scan loop tests for
  // output without another load. (The table may then hold 2^31 entries: tens of millions of
  // states, far beyond any lexicon.)
  // A deep state has the top bit set and its breadth-first rank in place of the row.
  using State = uint32_t;
  static constexpr State kSparse = 0x80000000u;
  State start() const { return start_; }
  State next(State s, int sym) const { return next(delta_.data(), s, sym); }
  // The table itself, for a scan loop to keep in a register across its calls (through
  // next() the vector's data pointer is loaded again after each).
  const State* table() const { return delta_.data(); }
  State next(const State* table, State s, int sym) const {
    if (__builtin_expect(!(s & kSparse), 1)) return table[(s >> 1) + size_t(sym)];
    return step_sparse(s, sym);
  }
  static bool has_out(State s) { return s & 1; }
  // Patterns ending in `s` (its own and those along the failure chain).
  const uint32_t* out_begin(State s) const { return outs_.data() + out_off_[index(s)]; }
  const uint32_t* out_end(State s) const { return outs_.data() + out_off_[index(s) + 1]; }
  uint32_t pattern_length(uint32_t id) const { return lengths_[id]; }
  bool empty() const { return lengths_.empty(); }
  size_t bytes() const {
    return delta_.size() * sizeof(delta_[0]) + outs_.size() * 4 + out_off_.size() * 4 + sp_off_.size() * 4 +
           sp_sym_.size() * 2 + sp_next_.size() * 4 + sp_fail_.size() * 4;
  }
  size_t alphabet() const { return alpha_; }
  size_t states() const { return out_off_.empty() ? 0 : out_off_.size() - 1; }

 private:
  int16_t ascii_[128] = {};
  std::vector<std::pair<char32_t, int>> wide_;
  // Breadth-first rank of a state: only on a match, rare.
  size_t index(State s) const { return s & kSparse ? (s & ~kSparse) >> 1 : (s >> 1) / alpha_; }
  State step_sparse(State s, int sym) const;
  // Depths up to this get full rows: the first three letters of every pattern.
  static constexpr uint32_t kDenseDepth = 5;
  size_t dense_ = 0;  // states with full rows (the first in breadth-first order)
  std::vector<uint32_t> sp_off_;  // deep states: children [sp_off_[j], sp_off_[j + 1])
  std::vector<int16_t> sp_sym_;
  std::vector<State> sp_next_;
  std::vector<State> sp_fail_;

  size_t alpha_ = 1;
  State start_ = 0;
  std::vector<State> delta_;
  std::vector<uint32_t> out_off_;
  std::vector<uint32_t> outs_;
  std::vector<uint32_t> lengths_;
};

}  // namespace etalase
