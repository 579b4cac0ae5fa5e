# The browser face: one ES module + .wasm that pages reach only through web/*.mjs wrappers.
file(GLOB ETALASE_BINDING_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/wasm/bindings/*.cpp")
add_executable(etalase_core_web ${ETALASE_BINDING_SOURCES})
set_target_properties(etalase_core_web PROPERTIES OUTPUT_NAME "etalase-core" SUFFIX ".mjs")
target_link_libraries(etalase_core_web PRIVATE etalase_core etalase_overlay)
target_link_options(etalase_core_web PRIVATE
  -lembind
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createEtalaseCore
  -sENVIRONMENT=web,worker,node
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sFILESYSTEM=0
  "-sDEFAULT_LIBRARY_FUNCS_TO_INCLUDE=[$autoResumeAudioContext,$dynCall]"
  "-sEXPORTED_RUNTIME_METHODS=[]")
