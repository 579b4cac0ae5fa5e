# Unit tests (doctest), one ctest entry per test file so failures name their subject.
# The same sources run natively, under ASan/UBSan (preset asan) and as wasm under node.
file(GLOB ETALASE_UNIT_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/unit/*_test.cpp")
# The CLI's line reader is tested here too: it is plain C++ like the core.
add_executable(unit_tests "${CMAKE_SOURCE_DIR}/tests/unit/main.cpp" ${ETALASE_UNIT_SOURCES}
               "${CMAKE_SOURCE_DIR}/wasm/cli/json_reader.cpp")
target_include_directories(unit_tests SYSTEM PRIVATE "${third_party}")
target_link_libraries(unit_tests PRIVATE etalase_core etalase_overlay)
target_compile_definitions(unit_tests PRIVATE ETALASE_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
if(EMSCRIPTEN)
  # NODERAWFS: the tests read corpora and the ICU data straight from disk under node.
  target_compile_definitions(unit_tests PRIVATE ETALASE_ICU_DAT_PATH="${ETALASE_ICU_DAT}")
  target_link_options(unit_tests PRIVATE -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1
                      -sTOTAL_STACK=1048576 -fexceptions)
  set(emulator node --no-experimental-fetch --stack-size=4000)
else()
  set(emulator "")
endif()
foreach(src ${ETALASE_UNIT_SOURCES})
  get_filename_component(name "${src}" NAME_WE)
  add_test(NAME "${name}" COMMAND ${emulator} $<TARGET_FILE:unit_tests> "--source-file=*${name}.cpp")
endforeach()

if(NOT EMSCRIPTEN)
  # The CLI is a face users run: test it as a process (NDJSON in, NDJSON out).
  file(GLOB ETALASE_CLI_TESTS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/cli/*.sh")
  foreach(t ${ETALASE_CLI_TESTS})
    get_filename_component(name "${t}" NAME_WE)
    add_test(NAME "cli_${name}" COMMAND bash "${t}" $<TARGET_FILE:etalase> "${CMAKE_SOURCE_DIR}")
  endforeach()
endif()

if(ETALASE_FUZZ)
  # The core itself is instrumented, not only the harness: libFuzzer then sees the folding,
  # matching and rule branches a mutation reaches (thousands of edges, not a hundred).
  target_compile_options(etalase_core PRIVATE -fsanitize=fuzzer-no-link)
  file(GLOB ETALASE_FUZZERS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/fuzz/*_fuzzer.cpp")
  foreach(src ${ETALASE_FUZZERS})
    get_filename_component(name "${src}" NAME_WE)
    add_executable(${name} "${src}" "${CMAKE_SOURCE_DIR}/wasm/cli/json_reader.cpp")
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(${name} PRIVATE etalase_core)
    # Bounded: a fixed number of seconds from the checked-in seeds (seeds/NAME for
    # NAME_fuzzer). libFuzzer writes new inputs into the first directory, so that one lives
    # in the build tree.
    string(REGEX REPLACE "_fuzzer$" "" seeds "${name}")
    set(work_corpus "${CMAKE_BINARY_DIR}/fuzz_corpus/${name}")
    file(MAKE_DIRECTORY "${work_corpus}")
    add_test(NAME "fuzz_${name}" COMMAND $<TARGET_FILE:${name}> -max_total_time=30 -max_len=4096
             -timeout=5 -rss_limit_mb=2048 "${work_corpus}" "${CMAKE_SOURCE_DIR}/tests/fuzz/seeds/${seeds}")
  endforeach()
endif()

# Golden corpora: the corpus test reads every file listed here (no directory walking, so
# the same test runs under node's raw filesystem in the wasm build).
file(GLOB ETALASE_CORPORA CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/corpora/*/*.tsv")
string(REPLACE ";" "|" corpora_list "${ETALASE_CORPORA}")
target_compile_definitions(unit_tests PRIVATE ETALASE_CORPORA="${corpora_list}")
