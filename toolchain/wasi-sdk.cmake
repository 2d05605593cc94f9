# CMake toolchain file: wasm32-wasi zomes.
# Uses a real wasi-sdk when WASI_SDK_PREFIX (or WASI_SDK_PATH) is set, and
# Debian's clang + lld + wasi-libc + libc++ for wasm32 otherwise.
#   cmake -DCMAKE_TOOLCHAIN_FILE=<hdk-cpp>/toolchain/wasi-sdk.cmake ...

# No operating system under a zome: only the host's functions.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
set(HDK_WASM_TOOLCHAIN wasi CACHE INTERNAL "which wasm32 toolchain builds the zomes")

if(NOT WASI_SDK_PREFIX)
  if(DEFINED ENV{WASI_SDK_PREFIX})
    set(WASI_SDK_PREFIX "$ENV{WASI_SDK_PREFIX}")
  elseif(DEFINED ENV{WASI_SDK_PATH})
    set(WASI_SDK_PREFIX "$ENV{WASI_SDK_PATH}")
  endif()
endif()

if(WASI_SDK_PREFIX)
  # wasi-sdk ships its own clang and a sysroot next to it.
  set(CMAKE_C_COMPILER "${WASI_SDK_PREFIX}/bin/clang")
  set(CMAKE_CXX_COMPILER "${WASI_SDK_PREFIX}/bin/clang++")
  set(CMAKE_AR "${WASI_SDK_PREFIX}/bin/llvm-ar" CACHE FILEPATH "archiver")
  set(CMAKE_RANLIB "${WASI_SDK_PREFIX}/bin/llvm-ranlib" CACHE FILEPATH "ranlib")
  set(CMAKE_SYSROOT "${WASI_SDK_PREFIX}/share/wasi-sysroot")
else()
  # Debian: clang finds /usr/lib/wasm32-wasi and /usr/include/wasm32-wasi by
  # itself for this target; an explicit --sysroot would break <cstdint>.
  find_program(HDK_CLANG NAMES clang clang-14 clang-19 REQUIRED)
  find_program(HDK_CLANGXX NAMES clang++ clang++-14 clang++-19 REQUIRED)
  find_program(HDK_LLVM_AR NAMES llvm-ar llvm-ar-14 llvm-ar-19 ar)
  find_program(HDK_LLVM_RANLIB NAMES llvm-ranlib llvm-ranlib-14 llvm-ranlib-19 ranlib)
  set(CMAKE_C_COMPILER "${HDK_CLANG}")
  set(CMAKE_CXX_COMPILER "${HDK_CLANGXX}")
  set(CMAKE_AR "${HDK_LLVM_AR}" CACHE FILEPATH "archiver")
  set(CMAKE_RANLIB "${HDK_LLVM_RANLIB}" CACHE FILEPATH "ranlib")
endif()

# The wasm32-wasi target: wasi-libc's headers and libraries, wasm32 ABI.
set(CMAKE_C_COMPILER_TARGET wasm32-wasi)
set(CMAKE_CXX_COMPILER_TARGET wasm32-wasi)
# Test programs cannot link without an entry point; compile-only checks suffice.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_EXECUTABLE_SUFFIX ".wasm")

# Only the cross sysroot is searched for libraries; build tools come from the host.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Compile flags every zome takes (hdk_add_zome adds the size and link flags).
set(HDK_WASM_COMPILE_OPTIONS
  # Holochain's conductor has no exception runtime; the HDK never throws.
  -fno-exceptions
  # No typeinfo tables: smaller modules, and nothing in the HDK needs RTTI.
  -fno-rtti
  # memcpy/memmove/memset become memory.copy and memory.fill: one instruction
  # that every engine runs at the host's memcpy speed, where the loops of
  # wasi-libc's memcpy cost an interpreter several instructions per word.
  -mbulk-memory
  CACHE INTERNAL "")
set(HDK_WASM_LINK_OPTIONS
  -mbulk-memory
  # A reactor: no main, no _start; Holochain calls exports by name.
  -Wl,--no-entry
  # No crt1: its _initialize would be a non-ABI export, and the HDK runs the
  # static constructors itself on the first call.
  -nostartfiles
  # Drop every function no export reaches.
  -Wl,--gc-sections
  # Debug info is not needed to run. The other custom sections go after the
  # link (hdk_add_zome runs wasm-strip): clang runs wasm-opt on the linked
  # module when it is on PATH, and wasm-opt learns from the target_features
  # section that bulk memory is allowed; without it, it refuses the module.
  -Wl,--strip-debug
  CACHE INTERNAL "")
