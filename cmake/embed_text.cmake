# Writes a C++ file that holds text files as string constants, so data that reviewers edit
# as files (lexicons) ships inside the binary without runtime I/O.
# usage: cmake -DOUT=file.cpp -DNAME=symbol -DFILES="a;b" -P embed_text.cmake
set(body "// Generated from ${FILES}; edit those files, not this one.\n#include <string_view>\n#include <vector>\nnamespace etalase {\nconst std::vector<std::string_view>& ${NAME}() {\n  static const std::vector<std::string_view> texts = {\n")
foreach(f IN LISTS FILES)
  file(READ "${f}" content)
  # Raw string literals have a length limit in some compilers: split into 8 KB pieces.
  string(LENGTH "${content}" len)
  set(piece "")
  set(pos 0)
  string(APPEND body "    std::string_view(\n")
  while(pos LESS len)
    string(SUBSTRING "${content}" ${pos} 8000 chunk)
    string(APPEND body "      R\"etalase(${chunk})etalase\"\n")
    math(EXPR pos "${pos} + 8000")
  endwhile()
  string(APPEND body "    ),\n")
endforeach()
string(APPEND body "  };\n  return texts;\n}\n}  // namespace etalase\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
