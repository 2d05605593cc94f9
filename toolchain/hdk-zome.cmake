# hdk_add_zome(NAME [OPTIMIZE size|speed] SOURCES src...): builds a zome from C++ sources.
#
# Under a wasm toolchain (toolchain/wasi-sdk.cmake, toolchain/emscripten.cmake)
# it produces NAME.wasm: a reactor with no entry point, built without
# exceptions or RTTI, optimised for size (-Oz) unless OPTIMIZE speed (-O2)
# or HDK_ZOME_OPTIMIZE=speed asks otherwise, with bulk memory, exports only what HDK_EXTERN names, and
# checked by hdk-check (a module a conductor would refuse fails the build).
# Under a native compiler it produces NAME_native, a shared library of the
# same sources that the host stub loads for native-mode tests.
#
# From another CMake project: find_package(hdk CONFIG) with an installed
# hdk-cpp (CMAKE_PREFIX_PATH=<prefix>) or a build of it (hdk_DIR=<build dir>),
# which also gives hdk::host and hdk_add_zome_test (hdk-zome-test.cmake);
# or, for zomes only, include(<hdk-cpp>/toolchain/hdk-zome.cmake) or
# hdk_DIR=<hdk-cpp>/toolchain.
include_guard(GLOBAL)

set(HDK_TOOLCHAIN_DIR "${CMAKE_CURRENT_LIST_DIR}")
if(NOT HDK_INCLUDE_DIR)
  get_filename_component(HDK_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
  set(HDK_INCLUDE_DIR "${HDK_ROOT}/hdk/include")
endif()

# msgpack-cxx is header-only. A wasm sysroot does not see the build
# machine's /usr/include, and must not (glibc headers would shadow
# wasi-libc's), so its headers are staged alone in the build tree.
find_path(HDK_MSGPACK_INCLUDE_DIR msgpack.hpp NO_CMAKE_FIND_ROOT_PATH
          PATHS /usr/include /usr/local/include)
if(NOT HDK_MSGPACK_INCLUDE_DIR)
  message(FATAL_ERROR "hdk: msgpack-cxx headers not found (Debian: apt-get install libmsgpack-cxx-dev)")
endif()

if(NOT TARGET hdk::hdk)
  add_library(hdk_headers INTERFACE)
  add_library(hdk::hdk ALIAS hdk_headers)
  target_include_directories(hdk_headers INTERFACE
    $<BUILD_INTERFACE:${HDK_INCLUDE_DIR}> $<INSTALL_INTERFACE:include/hdk-cpp>)
  target_compile_features(hdk_headers INTERFACE cxx_std_17)
  target_compile_definitions(hdk_headers INTERFACE MSGPACK_NO_BOOST)
  if(NOT HDK_WASM_TOOLCHAIN AND NOT HDK_MSGPACK_INCLUDE_DIR STREQUAL "/usr/include")
    target_include_directories(hdk_headers SYSTEM INTERFACE "${HDK_MSGPACK_INCLUDE_DIR}")
  endif()
endif()
# Once per build, also for the package's imported hdk::hdk.
get_property(_hdk_staged_done GLOBAL PROPERTY HDK_MSGPACK_STAGED)
if(HDK_WASM_TOOLCHAIN AND NOT _hdk_staged_done)
  set_property(GLOBAL PROPERTY HDK_MSGPACK_STAGED ON)
  set(_hdk_staged "${CMAKE_BINARY_DIR}/hdk-msgpack-include")
  file(MAKE_DIRECTORY "${_hdk_staged}")
  foreach(_entry msgpack.hpp msgpack)
    if(NOT EXISTS "${_hdk_staged}/${_entry}")
      file(CREATE_LINK "${HDK_MSGPACK_INCLUDE_DIR}/${_entry}" "${_hdk_staged}/${_entry}" SYMBOLIC)
    endif()
  endforeach()
  get_target_property(_hdk_real hdk::hdk ALIASED_TARGET)
  if(NOT _hdk_real)
    set(_hdk_real hdk::hdk)
  endif()
  target_include_directories(${_hdk_real} SYSTEM INTERFACE "${_hdk_staged}")
endif()

# Every zome's default: size (-Oz, the smallest module; zomes are shipped in
# DNAs and compiled by every conductor) or speed (-O2: larger, faster on an
# interpreter and on engines that do not optimise themselves).
set(HDK_ZOME_OPTIMIZE size CACHE STRING "zomes optimised for size (-Oz) or speed (-O2)")
set_property(CACHE HDK_ZOME_OPTIMIZE PROPERTY STRINGS size speed)

if(HDK_WASM_TOOLCHAIN)
  if(NOT HDK_CHECK_EXECUTABLE)
    find_program(HDK_CHECK_EXECUTABLE hdk-check)
  endif()
  if(HDK_WASM_TOOLCHAIN STREQUAL "wasi" AND NOT HDK_WASM_STRIP_EXECUTABLE)
    find_program(HDK_WASM_STRIP_EXECUTABLE wasm-strip)
  endif()
  if(HDK_WASM_TOOLCHAIN STREQUAL "emscripten" AND NOT HDK_STRIP_EXECUTABLE)
    find_program(HDK_STRIP_EXECUTABLE hdk-strip)
  endif()
endif()

# Every zome of a build includes the same <hdk/hdk.hpp>, whose parsing is
# most of a small zome's compile time (hello for wasm32: 8.1 s -> 3.5 s with
# the header precompiled). The zomes of one kind (each wasm optimisation
# level, or native) then share one precompiled header, which costs about
# two zomes' compiles to make (8 s for wasm32, 20 s with gcc): worth it for
# a project of many zomes (hdk-cpp's own build turns it on), not for two.
option(HDK_ZOME_PCH "zomes share a precompiled <hdk/hdk.hpp> (for projects of many zomes)" OFF)

# The precompiled header target of one zome kind: an object library of an
# empty source with exactly the flags of that kind's zomes (ARGN: a wasm
# kind's compile options), since a precompiled header is only usable under
# the flags it was built with.
function(_hdk_zome_pch_target KIND OUT)
  set(_pch hdk_zome_pch_${KIND})
  if(NOT TARGET ${_pch})
    set(_src "${CMAKE_BINARY_DIR}/hdk-zome-pch/${KIND}.cpp")
    file(CONFIGURE OUTPUT "${_src}" CONTENT "// the precompiled <hdk/hdk.hpp> of the ${KIND} zomes\n")
    add_library(${_pch} OBJECT "${_src}")
    target_link_libraries(${_pch} PRIVATE hdk::hdk)
    target_precompile_headers(${_pch} PRIVATE <hdk/hdk.hpp>)
    set_target_properties(${_pch} PROPERTIES CXX_EXTENSIONS OFF)
    if(HDK_WASM_TOOLCHAIN)
      target_compile_options(${_pch} PRIVATE ${ARGN})
    else()
      set_target_properties(${_pch} PROPERTIES
        POSITION_INDEPENDENT_CODE ON
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)
    endif()
  endif()
  set(${OUT} ${_pch} PARENT_SCOPE)
endfunction()

function(hdk_add_zome NAME)
  cmake_parse_arguments(ARG "" "OPTIMIZE" "SOURCES" ${ARGN})
  if(NOT ARG_OPTIMIZE)
    set(ARG_OPTIMIZE "${HDK_ZOME_OPTIMIZE}")
  endif()
  if(ARG_OPTIMIZE STREQUAL "size")
    set(_level -Oz)
  elseif(ARG_OPTIMIZE STREQUAL "speed")
    set(_level -O2)
  else()
    message(FATAL_ERROR "hdk_add_zome(${NAME}): OPTIMIZE is size or speed, not '${ARG_OPTIMIZE}'")
  endif()
  if(NOT ARG_SOURCES)
    set(ARG_SOURCES ${ARG_UNPARSED_ARGUMENTS})
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "hdk_add_zome(${NAME}): no SOURCES")
  endif()

  if(HDK_WASM_TOOLCHAIN)
    add_executable(${NAME} ${ARG_SOURCES})
    target_link_libraries(${NAME} PRIVATE hdk::hdk)
    set_target_properties(${NAME} PROPERTIES SUFFIX ".wasm" CXX_EXTENSIONS OFF)
    set(_opt $<$<NOT:$<CONFIG:Debug>>:${_level}>)
    target_compile_options(${NAME} PRIVATE ${HDK_WASM_COMPILE_OPTIONS} ${_opt})
    target_link_options(${NAME} PRIVATE ${HDK_WASM_LINK_OPTIONS} ${_opt})
    if(HDK_ZOME_PCH)
      _hdk_zome_pch_target(${ARG_OPTIMIZE} _pch ${HDK_WASM_COMPILE_OPTIONS} ${_opt})
      target_precompile_headers(${NAME} REUSE_FROM ${_pch})
    endif()

    if(HDK_WASM_TOOLCHAIN STREQUAL "wasi")
      # Names, producers and target features are not needed to run (see
      # wasi-sdk.cmake for why the linker keeps them).
      if(HDK_WASM_STRIP_EXECUTABLE)
        add_custom_command(TARGET ${NAME} POST_BUILD
          COMMAND "${HDK_WASM_STRIP_EXECUTABLE}" "$<TARGET_FILE:${NAME}>"
          COMMENT "wasm-strip ${NAME}.wasm" VERBATIM)
      else()
        message(WARNING "hdk_add_zome(${NAME}): wasm-strip (wabt) not found; ${NAME}.wasm keeps "
                        "its custom sections")
      endif()
    endif()
    if(HDK_WASM_TOOLCHAIN STREQUAL "emscripten")
      if(NOT HDK_STRIP_EXECUTABLE)
        message(FATAL_ERROR "hdk_add_zome(${NAME}): hdk-strip not found; build hdk-cpp's host_stub "
                            "or set HDK_STRIP_EXECUTABLE")
      endif()
      # Emscripten always exports its runtime helpers; a zome exports only the ABI.
      add_custom_command(TARGET ${NAME} POST_BUILD
        COMMAND "${HDK_STRIP_EXECUTABLE}" "$<TARGET_FILE:${NAME}>"
        COMMENT "hdk-strip: removing Emscripten runtime exports from ${NAME}.wasm" VERBATIM)
    endif()
    if(HDK_CHECK_EXECUTABLE)
      add_custom_command(TARGET ${NAME} POST_BUILD
        COMMAND "${HDK_CHECK_EXECUTABLE}" --quiet "$<TARGET_FILE:${NAME}>"
        COMMENT "hdk-check ${NAME}.wasm" VERBATIM)
    else()
      message(WARNING "hdk_add_zome(${NAME}): hdk-check not found; ${NAME}.wasm is not checked "
                      "(build hdk-cpp's host_stub or set HDK_CHECK_EXECUTABLE)")
    endif()
  else()
    add_library(${NAME}_native MODULE ${ARG_SOURCES})
    target_link_libraries(${NAME}_native PRIVATE hdk::hdk)
    # Each native zome keeps its own extern registry: nothing but the entry
    # symbol is visible outside the library.
    set_target_properties(${NAME}_native PROPERTIES
      OUTPUT_NAME ${NAME}
      CXX_VISIBILITY_PRESET hidden
      VISIBILITY_INLINES_HIDDEN ON
      CXX_EXTENSIONS OFF
      DEFINE_SYMBOL "")
    if(HDK_ZOME_PCH)
      _hdk_zome_pch_target(native _pch)
      target_precompile_headers(${NAME}_native REUSE_FROM ${_pch})
    endif()
    if(HDK_NATIVE_ZOME_OUTPUT_DIRECTORY)
      set_target_properties(${NAME}_native PROPERTIES
        LIBRARY_OUTPUT_DIRECTORY "${HDK_NATIVE_ZOME_OUTPUT_DIRECTORY}")
    endif()
    # The full package (hdk-zome-test.cmake) builds the same zomes to wasm too.
    if(COMMAND _hdk_zome_added)
      _hdk_zome_added(${NAME})
    endif()
  endif()
endfunction()
