# CMake toolchain file: zomes built by Emscripten's em++ as standalone wasm
# (no JS glue), for the same Holochain ABI as the wasi toolchain.
#   cmake -DCMAKE_TOOLCHAIN_FILE=<hdk-cpp>/toolchain/emscripten.cmake ...

# Emscripten's own platform file does the compiler set-up.
find_program(HDK_EMXX NAMES em++ REQUIRED)
get_filename_component(_hdk_em_real "${HDK_EMXX}" REALPATH)
get_filename_component(_hdk_em_root "${_hdk_em_real}" DIRECTORY)
if(NOT EMSCRIPTEN_ROOT_PATH)
  set(EMSCRIPTEN_ROOT_PATH "${_hdk_em_root}")
endif()
include("${EMSCRIPTEN_ROOT_PATH}/cmake/Modules/Platform/Emscripten.cmake")

set(HDK_WASM_TOOLCHAIN emscripten CACHE INTERNAL "which wasm32 toolchain builds the zomes")
set(CMAKE_EXECUTABLE_SUFFIX ".wasm")
# Emscripten's platform file runs tests under node; zomes are not programs.
unset(CMAKE_CROSSCOMPILING_EMULATOR)

set(HDK_WASM_COMPILE_OPTIONS
  # em++ already ignores exceptions by default (-fignore-exceptions); msgpack-cxx
  # does not compile with -fno-exceptions under em++, so that flag is not given.
  # No typeinfo tables: smaller modules, and nothing in the HDK needs RTTI.
  -fno-rtti
  # Copies and fills as memory.copy / memory.fill (see wasi-sdk.cmake).
  -mbulk-memory
  CACHE INTERNAL "")
set(HDK_WASM_LINK_OPTIONS
  -mbulk-memory
  # A .wasm that runs without Emscripten's JS runtime.
  -sSTANDALONE_WASM
  # A reactor: no main; Holochain calls exports by name.
  --no-entry
  # Host functions are env imports that Emscripten's JS linker does not know;
  # hdk-check rejects any import that is not a host function instead.
  -sERROR_ON_UNDEFINED_SYMBOLS=0
  -sWARN_ON_UNDEFINED_SYMBOLS=0
  # Payloads may be large: memory grows up to the 4 GiB wasm32 limit.
  -sALLOW_MEMORY_GROWTH=1
  -sMAXIMUM_MEMORY=4GB
  # Start small (Emscripten defaults to 16 MiB of memory and 5 MiB of stack).
  -sTOTAL_STACK=1MB
  -sINITIAL_MEMORY=2MB
  # Drop every function no export reaches.
  -Wl,--gc-sections
  CACHE INTERNAL "")
