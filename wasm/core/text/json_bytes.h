// Eight bytes of a JSON string at a time (little-endian word tricks: x86 and wasm), for the
// two hot loops over comment text: the CLI reading input lines and the verdict writer.
#pragma once
#include <cstdint>

namespace etalase {

// The high bit of each byte of `x` (eight bytes, little-endian) that a JSON string cannot
// hold as is: '"', '\\' or a control character. A borrow may also flag a byte above a
// flagged one, so the lowest flag is always a real one and "any flag" is exact.
inline uint64_t json_escape_bytes(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const uint64_t q = x ^ (kOnes * '"'), b = x ^ (kOnes * '\\');
  return (((q - kOnes) & ~q) | ((b - kOnes) & ~b) | ((x - kOnes * 0x20) & ~x)) & kHigh;
}

}  // namespace etalase
