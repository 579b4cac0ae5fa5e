# The browser face: one ES module + .wasm that pages reach only through web/*.mjs wrappers.
file(GLOB ETALASE_BINDING_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/wasm/bindings/*.cpp")
add_executable(etalase_core_web ${ETALASE_BINDING_SOURCES})
set_target_properties(etalase_core_web PROPERTIES OUTPUT_NAME "etalase-core" SUFFIX ".mjs")
target_link_libraries(etalase_core_web PRIVATE etalase_core etalase_overlay)
target_link_options(etalase_core_web PRIVATE
  -lembind
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createEtalaseCore
  # No node environment: its code needs CommonJS globals an ES module lacks. Under node,
  # web/core.mjs hands the module its wasm bytes (wasmBinary) and the web code path runs.
  -sENVIRONMENT=web,worker
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sFILESYSTEM=0
  "-sEXPORTED_RUNTIME_METHODS=[]")
# -sDYNAMIC_EXECUTION=0: embind must not use eval/new Function, so the site's CSP can forbid them.
target_link_options(etalase_core_web PRIVATE -sDYNAMIC_EXECUTION=0)

# The complete static site: what any static host can serve from one folder.
set(ETALASE_SITE_DIR "${CMAKE_SOURCE_DIR}/build/site" CACHE PATH "Where the static site is assembled")
add_custom_target(site ALL
  COMMAND ${CMAKE_COMMAND} -E rm -rf "${ETALASE_SITE_DIR}"
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/web" "${ETALASE_SITE_DIR}"
  COMMAND ${CMAKE_COMMAND} -E copy "$<TARGET_FILE_DIR:etalase_core_web>/etalase-core.mjs"
          "$<TARGET_FILE_DIR:etalase_core_web>/etalase-core.wasm" "${ETALASE_ICU_DAT}" "${ETALASE_SITE_DIR}/"
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/i18n" "${ETALASE_SITE_DIR}/i18n"
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/assets/fonts" "${ETALASE_SITE_DIR}/assets/fonts"
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/assets/products" "${ETALASE_SITE_DIR}/assets/products"
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/assets/shows" "${ETALASE_SITE_DIR}/assets/shows"
  DEPENDS etalase_core_web
  COMMENT "Assembling the static site in ${ETALASE_SITE_DIR}")
