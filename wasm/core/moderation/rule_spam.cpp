// Rule family: spam in one message (shouting, emoji, one character or one word repeated).
// Its own file: these rules read the counters of the whole message, not feature words.
#include <cstdint>

#include "core/moderation/engine.h"

namespace etalase {

void Engine::rule_spam() {
  const NormText& t = nt_;
  uint32_t letters = t.upper + t.lower;
  if (letters >= 20 && t.upper * 5 >= letters * 4) {
    push(0, t.utf16_len, r_.caps, uint8_t(Category::spam), 1, kOriginMessage);
  }
  if (t.emoji_run >= 10) push(t.emoji_o16, t.emoji_o16_end, r_.emoji, uint8_t(Category::spam), 2, kOriginMessage);
  constexpr uint32_t kRepeatMin = 30;  // one character this many times in a row
  uint32_t at, same;
  const CharView ch = t.view();
  if (ch.size() >= kRepeatMin && (same = t.longest_repeat(&at)) >= kRepeatMin) {
    push(ch[at].o16, ch[at + same - 1].o16_end, r_.repeat_char, uint8_t(Category::spam), 2, kOriginMessage);
  }
  if (t.words >= 10) {
    // Count words (letter runs, repeats ignored) in a small open-addressing table.
    const RunVec& runs = t.runs;
    size_t cap = 16;
    while (cap < t.words * 2) cap <<= 1;
    word_keys_.assign(cap, 0);
    word_counts_.assign(cap, 0);
    word_first_.resize(cap);
    word_last_.resize(cap);
    uint32_t best = 0;
    size_t best_slot = 0;
    for (size_t r = 0; r < runs.size();) {
      if (!(runs[r].flags & kRunLetter)) {
        ++r;
        continue;
      }
      size_t e = r + 1;
      uint64_t h = 0x84222325cbf29ce4ull;
      h = (h ^ runs[r].sym) * 0x100000001b3ull;
      while (e < runs.size() && (runs[e].flags & kRunLetter) && !(runs[e].flags & kRunWordStart)) {
        h = (h ^ runs[e].sym) * 0x100000001b3ull;
        ++e;
      }
      if (e - r >= 2) {
        h |= 1;
        size_t s = size_t(h ^ (h >> 29)) & (cap - 1);
        while (word_keys_[s] != 0 && word_keys_[s] != h) s = (s + 1) & (cap - 1);
        if (word_keys_[s] == 0) {
          word_keys_[s] = h;
          word_first_[s] = t.run_o16(r);
        }
        word_last_[s] = t.run_o16_end(e - 1);
        if (++word_counts_[s] > best) {
          best = word_counts_[s];
          best_slot = s;
        }
      }
      r = e;
    }
    if (best >= 10) {
      push(word_first_[best_slot], word_last_[best_slot], r_.repeat_word, uint8_t(Category::spam), 2,
           kOriginMessage);
    }
  }
}

}  // namespace etalase
