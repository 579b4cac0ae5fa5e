// libFuzzer target: bytes in as one NDJSON line. The reader's fast path must read every line
// it accepts exactly as the general path does (same fields, same kinds, same numbers), and
// parse() must answer like the general path on every line; __builtin_trap otherwise.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cli/json_reader.h"

using namespace etalase;

namespace {

bool same(const FlatJsonReader::Field& a, const FlatJsonReader::Field& b) {
  if (a.kind != b.kind) return false;
  using Kind = FlatJsonReader::Kind;
  if ((a.kind == Kind::string || a.kind == Kind::number) && a.view != b.view) return false;
  if ((a.kind == Kind::number || a.kind == Kind::boolean) && !(a.num == b.num || (a.num != a.num && b.num != b.num))) {
    return false;
  }
  return true;
}

bool same_fields(const FlatJsonReader& a, const FlatJsonReader& b) {
  return same(a.id, b.id) && same(a.user, b.user) && same(a.text, b.text) && same(a.ts, b.ts);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // An exact-size copy: reading one byte past the line is then an ASan error.
  std::string line(reinterpret_cast<const char*>(data), size);
  FlatJsonReader fast, general, both;
  std::string err_general, err_both;
  const bool ok_general = general.parse_general(line, &err_general);
  if (fast.parse_fast(line) && (!ok_general || !same_fields(fast, general))) __builtin_trap();
  const bool ok_both = both.parse(line, &err_both);
  if (ok_both != ok_general || err_both != err_general) __builtin_trap();
  if (ok_both && !same_fields(both, general)) __builtin_trap();
  return 0;
}
