// Lexicon frames: "dasar *", "* lu", "^dasar *" (assets/lexicons/README.md).
//
// A frame's fixed words are matched by the automaton like any term; this stage then finds
// the word in its slot and pushes a match over that word alone, since the slot's word is
// what the frame says of the person ("dasar PENIPU"). An allow phrase covering the whole
// slot word ("dasar kain") cancels it like any other match.
#include "core/moderation/engine.h"

namespace etalase {

namespace {

// Whether the separator run `r` (symbol ' ') holds only blanks on one line: the slot's word
// must be in the same clause as the fixed words.
bool blank_gap(const CharView& ch, const Run& r) {
  for (uint32_t i = r.first; i <= r.last; ++i) {
    const FoldedChar f = ch[i];
    if (f.flags & kFcDropped) continue;
    if (f.cls != kClsSpace || f.cp == '\n' || f.cp == '\r') return false;
  }
  return true;
}

}  // namespace

// A clause begins at the comment's start or after punctuation, a symbol or emoji, or a
// line break: "Dasar penipu!", "hostnya lemot, dasar siput", "😡 dasar".
bool Engine::clause_starts_at(uint32_t first_run) const {
  if (first_run == 0) return true;
  const Run& gap = nt_.runs[first_run - 1];
  if (gap.sym != ' ') return false;
  if (first_run == 1) return true;  // only separators before it
  const CharView ch = nt_.view();
  for (uint32_t i = gap.first; i <= gap.last; ++i) {
    const FoldedChar f = ch[i];
    if (f.flags & kFcDropped) continue;
    if (f.cls != kClsSpace || f.cp == '\n' || f.cp == '\r') return true;
  }
  return false;
}

void Engine::on_frame(const PatInfo& p, uint32_t first, uint32_t last) {
  if ((p.frame & kFrameClauseStart) && !clause_starts_at(first)) return;
  const RunVec& runs = nt_.runs;
  const uint32_t n = uint32_t(runs.size());
  const CharView ch = nt_.view();
  uint32_t b, e;  // the slot word's runs [b, e]
  if (p.frame & kFrameSlotAfter) {
    if (last + 2 >= n || runs[last + 1].sym != ' ' || !blank_gap(ch, runs[last + 1])) return;
    b = last + 2;
    if (!(runs[b].flags & kRunLetter)) return;
    e = b;
    while (e + 1 < n && (runs[e + 1].flags & kRunLetter) && !(runs[e + 1].flags & kRunWordStart)) ++e;
  } else {
    if (first < 2 || runs[first - 1].sym != ' ' || !blank_gap(ch, runs[first - 1])) return;
    e = first - 2;
    if (!(runs[e].flags & kRunLetter)) return;
    b = e;
    while (b > 0 && !(runs[b].flags & kRunWordStart)) --b;
  }
  push_runs(b, e, p.rule, p.category, p.severity);
}

}  // namespace etalase
