# Profile-guided optimization of the native release (GCC): the core and the CLI are built
# once instrumented in <build>/pgo-train, that CLI moderates the golden corpora
# (tests/corpora, written as NDJSON by scripts/pgo_corpus.mjs), and this build compiles
# them again with the recorded profile: hot paths laid out straight, cold ones moved away.
# About 5% fewer instructions and 7-10% more comments per second (tests/bench).
#
# -fprofile-prefix-path names each profile by its object's path inside the build tree, so
# the training tree and this one, laid out alike, find each other's files.
#
# Included with ETALASE_PGO_MODE:
#   use       this build (default for a native GCC release): trains first, then compiles
#   generate  the training build (set by the step below, never by hand)
set(pgo_dir "${ETALASE_PGO_DIR}")
set(pgo_targets etalase_core etalase)

if(ETALASE_PGO_MODE STREQUAL "generate")
  foreach(t ${pgo_targets})
    target_compile_options(${t} PRIVATE "-fprofile-generate=${pgo_dir}" "-fprofile-prefix-path=${CMAKE_BINARY_DIR}"
                           -fprofile-update=single)
    target_link_options(${t} PRIVATE -fprofile-generate)
  endforeach()
  find_program(NODE node REQUIRED)
  set(corpus "${CMAKE_BINARY_DIR}/pgo-corpus.ndjson")
  set(stamp "${pgo_dir}/trained.stamp")
  file(GLOB corpora CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/corpora/*/*.tsv")
  add_custom_command(
    OUTPUT "${corpus}"
    COMMAND "${NODE}" "${CMAKE_SOURCE_DIR}/scripts/pgo_corpus.mjs" "${corpus}" ${corpora}
    DEPENDS "${CMAKE_SOURCE_DIR}/scripts/pgo_corpus.mjs" ${corpora}
    COMMENT "Writing the training corpus"
    VERBATIM)
  # Old counts would add to the new ones: each training starts from none.
  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND ${CMAKE_COMMAND} -E rm -rf "${pgo_dir}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${pgo_dir}"
    COMMAND sh -c "\"$0\" moderate < \"$1\" > /dev/null" $<TARGET_FILE:etalase> "${corpus}"
    COMMAND sh -c "\"$0\" moderate --level 4 < \"$1\" > /dev/null" $<TARGET_FILE:etalase> "${corpus}"
    COMMAND ${CMAKE_COMMAND} -E touch "${stamp}"
    DEPENDS etalase "${corpus}"
    COMMENT "Training: the instrumented CLI moderates the golden corpora"
    VERBATIM)
  add_custom_target(pgo-profile DEPENDS "${stamp}")
elseif(ETALASE_PGO_MODE STREQUAL "use")
  include(ExternalProject)
  # Built every time (a no-op when nothing changed), so the profile follows the sources.
  ExternalProject_Add(pgo_train
    SOURCE_DIR "${CMAKE_SOURCE_DIR}"
    BINARY_DIR "${CMAKE_BINARY_DIR}/pgo-train"
    CMAKE_GENERATOR "${CMAKE_GENERATOR}"
    CMAKE_ARGS -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE} -DETALASE_PGO_MODE=generate "-DETALASE_PGO_DIR=${pgo_dir}"
               "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}" "-DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}"
    BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --target pgo-profile
    INSTALL_COMMAND ""
    BUILD_ALWAYS ON
    BUILD_BYPRODUCTS "${pgo_dir}/trained.stamp")
  foreach(t ${pgo_targets})
    add_dependencies(${t} pgo_train)
    # Functions the corpora never reach keep the usual optimization; a function edited since
    # the profile was recorded is compiled without it rather than failing the build.
    target_compile_options(${t} PRIVATE "-fprofile-use=${pgo_dir}" "-fprofile-prefix-path=${CMAKE_BINARY_DIR}"
                           -fprofile-partial-training -Wno-missing-profile -Wno-coverage-mismatch)
    # A new profile recompiles what it covers.
    get_target_property(sources ${t} SOURCES)
    set_source_files_properties(${sources} TARGET_DIRECTORY ${t} PROPERTIES OBJECT_DEPENDS "${pgo_dir}/trained.stamp")
  endforeach()
  # The embedded lexicons are generated inside each tree, so their source paths differ and
  # GCC would refuse the profile; it is start-up data anyway.
  set_source_files_properties("${lexicon_cpp}" "${rule_vocab_cpp}" TARGET_DIRECTORY etalase_core
                              PROPERTIES COMPILE_OPTIONS -fno-profile-use)
endif()
