# hdk_add_zome_test(NAME SOURCES src... ZOMES zome... [LIBRARIES lib...]):
# a Catch2 test of zomes, built natively and run once per runtime.
#
# Part of the hdk package (find_package(hdk CONFIG), native builds only).
# In a project that uses it, each hdk_add_zome also builds its zome to wasm:
# the native build runs one sub-build of the same project per wasm toolchain
# (HDK_WASM_TOOLCHAINS, by default those hdk-cpp was built with; off with
# -DHDK_BUILD_WASM=OFF), into <build>/wasm-<toolchain>/zomes/NAME.wasm.
#
# The test program links hdk::host and Catch2, and knows where the build put
# each of its ZOMES (natively and per toolchain), so nothing is passed by
# hand: hdk_host::zome_test::runtime() (<hdk_host/zome_test.hpp>) is the
# runtime a run tests and .zome("name") its build of a zome. ctest gets one
# test per runtime, "NAME: native", "NAME: wasi/interp", ..., as the program
# lists them (native, then each toolchain × each engine available here).
include_guard(GLOBAL)

set(HDK_WASM_TOOLCHAINS "${HDK_PACKAGE_WASM_TOOLCHAINS}" CACHE STRING
  "wasm toolchains the zomes are built with (wasi, emscripten)")
option(HDK_BUILD_WASM "Build the zomes to wasm too, one sub-build per toolchain" ON)
set(HDK_WASM_CMAKE_ARGS "" CACHE STRING
  "more -D arguments for the wasm sub-builds (a list; the project's own options)")

# The wasm toolchains this build makes zomes with.
function(_hdk_active_toolchains OUT)
  if(HDK_BUILD_WASM)
    set(${OUT} "${HDK_WASM_TOOLCHAINS}" PARENT_SCOPE)
  else()
    set(${OUT} "" PARENT_SCOPE)
  endif()
endfunction()

# Called by hdk_add_zome for each native zome: the first one adds the wasm
# sub-builds, which build every zome of the project.
function(_hdk_zome_added NAME)
  get_property(added GLOBAL PROPERTY HDK_WASM_BUILDS_ADDED)
  if(added)
    return()
  endif()
  set_property(GLOBAL PROPERTY HDK_WASM_BUILDS_ADDED ON)
  _hdk_active_toolchains(toolchains)
  if(NOT toolchains)
    return()
  endif()
  include(ExternalProject)
  foreach(tc IN LISTS toolchains)
    if(tc STREQUAL "wasi")
      set(tc_file "${HDK_TOOLCHAIN_DIR}/wasi-sdk.cmake")
    elseif(tc STREQUAL "emscripten")
      set(tc_file "${HDK_TOOLCHAIN_DIR}/emscripten.cmake")
    else()
      message(FATAL_ERROR "hdk: HDK_WASM_TOOLCHAINS names '${tc}'; the toolchains are wasi and emscripten")
    endif()
    set(launcher "")
    if(CMAKE_CXX_COMPILER_LAUNCHER)
      set(launcher "-DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}")
    endif()
    ExternalProject_Add(hdk_zomes_${tc}
      SOURCE_DIR "${CMAKE_SOURCE_DIR}"
      BINARY_DIR "${CMAKE_BINARY_DIR}/wasm-${tc}"
      CMAKE_ARGS
        -DCMAKE_TOOLCHAIN_FILE=${tc_file}
        -DCMAKE_BUILD_TYPE=Release
        -Dhdk_DIR=${hdk_DIR}
        -DHDK_CHECK_EXECUTABLE=${HDK_CHECK_EXECUTABLE}
        -DHDK_STRIP_EXECUTABLE=${HDK_STRIP_EXECUTABLE}
        -DHDK_ZOME_OPTIMIZE=${HDK_ZOME_OPTIMIZE}
        -DCMAKE_RUNTIME_OUTPUT_DIRECTORY=${CMAKE_BINARY_DIR}/wasm-${tc}/zomes
        ${launcher}
        ${HDK_WASM_CMAKE_ARGS}
      INSTALL_COMMAND ""
      BUILD_ALWAYS ON
      USES_TERMINAL_BUILD ON)
  endforeach()
endfunction()

set(_HDK_ZOME_TEST_DIR "${CMAKE_CURRENT_LIST_DIR}")

# A macro so that enable_testing() reaches the caller's directory (it sets a
# variable there that a function would keep to itself).
macro(hdk_add_zome_test NAME)
  if(NOT HDK_WASM_TOOLCHAIN)
    enable_testing()
  endif()
  _hdk_add_zome_test(${NAME} ${ARGN})
endmacro()

function(_hdk_add_zome_test NAME)
  # A wasm sub-build makes the zomes only.
  if(HDK_WASM_TOOLCHAIN)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;ZOMES;LIBRARIES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "hdk_add_zome_test(${NAME}): no SOURCES")
  endif()
  if(NOT ARG_ZOMES)
    message(FATAL_ERROR "hdk_add_zome_test(${NAME}): no ZOMES (the hdk_add_zome names it tests)")
  endif()
  if(NOT TARGET Catch2::Catch2)
    find_package(Catch2 2 REQUIRED)
  endif()
  # Catch2's runner, compiled once per project.
  if(NOT TARGET hdk_zome_test_main)
    add_library(hdk_zome_test_main STATIC "${HDK_ZOME_TEST_MAIN}")
    target_link_libraries(hdk_zome_test_main PUBLIC hdk::host Catch2::Catch2)
  endif()

  # Where the build puts each zome: name|native|toolchain=wasm|...
  _hdk_active_toolchains(toolchains)
  set(builds "")
  set(deps "")
  foreach(zome IN LISTS ARG_ZOMES)
    if(NOT TARGET ${zome}_native)
      message(FATAL_ERROR "hdk_add_zome_test(${NAME}): '${zome}' is not a zome (hdk_add_zome(${zome} ...) first)")
    endif()
    set(entry "${zome}|$<TARGET_FILE:${zome}_native>")
    foreach(tc IN LISTS toolchains)
      string(APPEND entry "|${tc}=${CMAKE_BINARY_DIR}/wasm-${tc}/zomes/${zome}.wasm")
    endforeach()
    if(builds)
      string(APPEND builds ";")
    endif()
    string(APPEND builds "${entry}")
    list(APPEND deps ${zome}_native)
  endforeach()
  foreach(tc IN LISTS toolchains)
    list(APPEND deps hdk_zomes_${tc})
  endforeach()
  set(table "${CMAKE_CURRENT_BINARY_DIR}/${NAME}_zomes.cpp")
  file(GENERATE OUTPUT "${table}" CONTENT
"// Where the build put the zomes of ${NAME} (written by hdk_add_zome_test).
extern const char* const hdk_zome_test_builds;
const char* const hdk_zome_test_builds = \"${builds}\";
")

  add_executable(${NAME} ${ARG_SOURCES} "${table}")
  target_link_libraries(${NAME} PRIVATE hdk_zome_test_main hdk::host Catch2::Catch2 ${ARG_LIBRARIES})
  add_dependencies(${NAME} ${deps})

  # One ctest per runtime, as the built program lists them when ctest runs.
  set(NAME_ "${NAME}")
  configure_file("${_HDK_ZOME_TEST_DIR}/hdk-zome-test-runtimes.cmake.in"
    "${CMAKE_CURRENT_BINARY_DIR}/${NAME}_runtimes.cmake.in" @ONLY)
  file(GENERATE OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/${NAME}_runtimes.cmake"
    INPUT "${CMAKE_CURRENT_BINARY_DIR}/${NAME}_runtimes.cmake.in")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES
    "${CMAKE_CURRENT_BINARY_DIR}/${NAME}_runtimes.cmake")

  # `cmake --build <dir> --target check` builds everything and runs every test.
  if(NOT TARGET check)
    add_custom_target(check COMMAND "${CMAKE_CTEST_COMMAND}" --output-on-failure --no-tests=error
      WORKING_DIRECTORY "${CMAKE_BINARY_DIR}" USES_TERMINAL)
  endif()
  add_dependencies(check ${NAME})
endfunction()
