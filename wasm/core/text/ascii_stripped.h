// Which ASCII bytes folding strips, shared by the ASCII fast path (fold_ascii.cpp) and the
// ICU path (fold_icu.cpp), which must agree on them. Internal to the folding files.
#pragma once
#include "core/text/normalize.h"

namespace etalase {

// ASCII control characters other than whitespace are stripped (NUL, escapes, DEL).
inline bool ascii_stripped(unsigned char c) {
  return (c < 0x20 && kAsciiFold.cls[c] != kClsSpace) || c == 0x7F;
}

}  // namespace etalase
