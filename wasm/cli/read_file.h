// Whole-file reads for the CLI's commands (lexicons, terms, catalogs).
#pragma once
#include <cstdio>
#include <string>

namespace etalase {

// Reads `path` into *out; false when it cannot be opened or read.
inline bool read_file(const char* path, std::string* out) {
  FILE* f = std::fopen(path, "rb");
  if (!f) return false;
  out->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

}  // namespace etalase
