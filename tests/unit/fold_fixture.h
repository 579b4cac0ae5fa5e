// What folding makes of a text, as strings a test can compare: the folded characters and
// the match view (for the folding and match-view tests).
#pragma once
#include <string>
#include <string_view>

#include "core/text/normalize.h"
#include "core/text/utf8.h"

namespace etalase::testing {

inline Normalizer& norm() {
  static Normalizer n;
  return n;
}

// The folded characters (before the match view), as UTF-8.
inline std::string folded(std::string_view text, bool force_icu = false) {
  NormText t;
  norm().normalize(text, 1 << 20, t, force_icu);
  std::string s;
  for (uint32_t i = 0; i < t.view().size(); ++i) utf8::append(s, t.view()[i].cp);
  return s;
}

// The match view: one symbol per run (repeats collapsed), '_' for separator runs.
inline std::string view(std::string_view text) {
  NormText t;
  norm().normalize(text, 1 << 20, t);
  std::string s;
  for (const Run& r : t.runs) {
    if (r.sym == ' ') s.push_back('_');
    else utf8::append(s, r.sym);
  }
  return s;
}

}  // namespace etalase::testing
