// Lookup in the named lists of the rule vocabulary (assets/rules: TLDs, messenger hosts,
// brand stems, handle fillers), shared by the rules that read them (links, handles, gambling).
// Internal to the rule files.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace etalase {

inline bool in_list(std::string_view s, const std::vector<std::string>& list) {
  for (const std::string& x : list) {
    if (s == x) return true;
  }
  return false;
}

}  // namespace etalase
