// doctest runner. Under wasm the ICU data is not linked in: it is read from disk (node's raw
// filesystem) and installed before any test runs, as the site does with fetch().
#define DOCTEST_CONFIG_IMPLEMENT
#include "doctest.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "core/text/icu_data.h"

int main(int argc, char** argv) {
#ifdef ETALASE_ICU_DAT_PATH
  static std::string data;  // ICU keeps pointing into it: it must outlive every test
  std::ifstream in(ETALASE_ICU_DAT_PATH, std::ios::binary);
  data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  etalase::Status st = etalase::install_icu_data(data.data(), data.size());
  if (!st.ok()) {
    std::fprintf(stderr, "unit_tests: %s\n", st.error().message.c_str());
    return 1;
  }
#endif
  etalase::Status probe = etalase::check_icu_data();
  if (!probe.ok()) {
    std::fprintf(stderr, "unit_tests: %s\n", probe.error().message.c_str());
    return 1;
  }
  doctest::Context ctx(argc, argv);
  return ctx.run();
}
