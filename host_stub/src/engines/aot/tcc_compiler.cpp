#include "tcc_compiler.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "artifact_cache.hpp"
#include "glue.hpp"
#include "hdk_host/fault.hpp"

#if HDK_HAVE_LIBTCC
#include <libtcc.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

// assert()'s failure path (not declared under NDEBUG), and glibc's names
// behind math.h's isnan and signbit where the compiler is not GCC.
extern "C" [[noreturn]] void __assert_fail(const char*, const char*, unsigned int,
                                           const char*) noexcept;
extern "C" int __isnan(double) noexcept;
extern "C" int __isnanf(float) noexcept;
extern "C" int __isinf(double) noexcept;
extern "C" int __isinff(float) noexcept;
extern "C" int __signbit(double) noexcept;
extern "C" int __signbitf(float) noexcept;
#endif

// Where the build found tcc's library directory and wabt's runtime sources
// (host_stub/CMakeLists.txt).
#ifndef HDK_TCC_LIB_DIR
#define HDK_TCC_LIB_DIR ""
#endif
#ifndef HDK_AOT_WASM_RT_INCLUDE_DIR
#define HDK_AOT_WASM_RT_INCLUDE_DIR ""
#endif
#ifndef HDK_AOT_WASM_RT_IMPL_DIR
#define HDK_AOT_WASM_RT_IMPL_DIR ""
#endif

namespace hdk_host::aot {
namespace {

namespace fs = std::filesystem;

// What tcc lacks of what wasm2c's output, the glue and wabt's runtime use:
// GCC's bit-counting builtins (only called with a non-zero argument: wasm2c
// tests for zero first), and aligned_alloc and clock_gettime, which glibc only
// declares for C11/POSIX (an undeclared function returning a pointer would be
// taken to return int and its value cut to 32 bits). Thread-local storage is
// in the glue (#ifdef __TINYC__).
constexpr std::string_view kTccPrelude = R"C(/* hdk-cpp tcc tier: what tcc lacks. */
#define _GNU_SOURCE 1
#if defined(__x86_64__)
static inline int hdk_tcc_clz32(unsigned int x) {
  unsigned int r;
  __asm__("bsrl %1, %0" : "=r"(r) : "r"(x));
  return 31 - (int)r;
}
static inline int hdk_tcc_clz64(unsigned long long x) {
  unsigned long long r;
  __asm__("bsrq %1, %0" : "=r"(r) : "r"(x));
  return 63 - (int)r;
}
static inline int hdk_tcc_ctz32(unsigned int x) {
  unsigned int r;
  __asm__("bsfl %1, %0" : "=r"(r) : "r"(x));
  return (int)r;
}
static inline int hdk_tcc_ctz64(unsigned long long x) {
  unsigned long long r;
  __asm__("bsfq %1, %0" : "=r"(r) : "r"(x));
  return (int)r;
}
#else
static inline int hdk_tcc_clz64(unsigned long long x) {
  int n = 0;
  while (!(x & 0x8000000000000000ull)) x <<= 1, ++n;
  return n;
}
static inline int hdk_tcc_clz32(unsigned int x) { return hdk_tcc_clz64(x) - 32; }
static inline int hdk_tcc_ctz64(unsigned long long x) {
  int n = 0;
  while (!(x & 1)) x >>= 1, ++n;
  return n;
}
static inline int hdk_tcc_ctz32(unsigned int x) { return hdk_tcc_ctz64(x); }
#endif
static inline int hdk_tcc_popcount64(unsigned long long x) {
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return (int)((x * 0x0101010101010101ull) >> 56);
}
#define __builtin_clz(x) hdk_tcc_clz32(x)
#define __builtin_clzll(x) hdk_tcc_clz64(x)
#define __builtin_ctz(x) hdk_tcc_ctz32(x)
#define __builtin_ctzll(x) hdk_tcc_ctz64(x)
#define __builtin_popcount(x) hdk_tcc_popcount64((unsigned int)(x))
#define __builtin_popcountll(x) hdk_tcc_popcount64(x)
)C";

[[noreturn]] void unavailable(const std::string& why) {
  throw Fault(FaultKind::EngineUnavailable, "tcc engine: " + why);
}

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// "-DNAME=VALUE" flags as #define lines: tcc applies command-line defines to
// every unit of a state, and the runtime and the module want different ones.
template <typename Flags>
std::string define_lines(const Flags& flags) {
  std::string out;
  for (std::string_view flag : flags) {
    flag.remove_prefix(2);
    const std::size_t eq = flag.find('=');
    out += "#define " + std::string(flag.substr(0, eq)) + " " +
           (eq == std::string_view::npos ? std::string("1") : std::string(flag.substr(eq + 1))) +
           "\n";
  }
  return out;
}

// The glue's thread-local pair (glue.cpp, #ifdef __TINYC__), one per thread.
struct ThreadTrapState {
  void* target;
  int reason;
};
extern "C" ThreadTrapState* hdk_tcc_thread_trap_state() {
  thread_local ThreadTrapState state{nullptr, 0};
  return &state;
}

#if HDK_HAVE_LIBTCC
// The C library functions the compiled code may call, by name: tcc's code is
// linked against this table rather than against libc (-nostdlib; Debian's
// libtcc does not look names up in the process). Everything wasm2c's output,
// wabt's runtime and the glue call, and their close relatives.
struct LibraryFunction {
  const char* name;
  const void* address;
};
#define HDK_TCC_FN(name) \
  LibraryFunction { #name, reinterpret_cast < const void*>(&::name) }
// libm's names are overloaded in C++: the C function of each is picked by type.
#define HDK_TCC_MATH(name, type) \
  LibraryFunction { #name, reinterpret_cast < const void*>(static_cast <type>(&::name)) }
using D1 = double (*)(double);
using F1 = float (*)(float);
using D2 = double (*)(double, double);
using F2 = float (*)(float, float);
const LibraryFunction kLibraryFunctions[] = {
    HDK_TCC_FN(__assert_fail),    HDK_TCC_FN(abort),          HDK_TCC_FN(malloc),
    HDK_TCC_FN(calloc),           HDK_TCC_FN(realloc),        HDK_TCC_FN(free),
    HDK_TCC_FN(aligned_alloc),    HDK_TCC_FN(memcpy),         HDK_TCC_FN(memmove),
    HDK_TCC_FN(memset),           HDK_TCC_FN(memcmp),         HDK_TCC_FN(mmap),
    HDK_TCC_FN(munmap),           HDK_TCC_FN(mprotect),       HDK_TCC_FN(perror),
    HDK_TCC_FN(printf),           HDK_TCC_FN(fprintf),        HDK_TCC_FN(clock_gettime),
    HDK_TCC_FN(_setjmp),          HDK_TCC_FN(longjmp),        HDK_TCC_FN(__isnan),
    HDK_TCC_FN(__isnanf),         HDK_TCC_FN(__isinf),        HDK_TCC_FN(__isinff),
    HDK_TCC_FN(__signbit),        HDK_TCC_FN(__signbitf),     HDK_TCC_MATH(floor, D1),
    HDK_TCC_MATH(floorf, F1),     HDK_TCC_MATH(ceil, D1),     HDK_TCC_MATH(ceilf, F1),
    HDK_TCC_MATH(trunc, D1),      HDK_TCC_MATH(truncf, F1),   HDK_TCC_MATH(nearbyint, D1),
    HDK_TCC_MATH(nearbyintf, F1), HDK_TCC_MATH(rint, D1),     HDK_TCC_MATH(rintf, F1),
    HDK_TCC_MATH(fabs, D1),       HDK_TCC_MATH(fabsf, F1),    HDK_TCC_MATH(sqrt, D1),
    HDK_TCC_MATH(sqrtf, F1),      HDK_TCC_MATH(copysign, D2), HDK_TCC_MATH(copysignf, F2),
    HDK_TCC_MATH(fmin, D2),       HDK_TCC_MATH(fminf, F2),    HDK_TCC_MATH(fmax, D2),
    HDK_TCC_MATH(fmaxf, F2),
};
#undef HDK_TCC_MATH
#undef HDK_TCC_FN

// libtcc 0.9.27 keeps parts of a compilation in globals: one at a time, and
// deleting a state counts as one.
std::recursive_mutex& tcc_mutex() {
  static std::recursive_mutex mutex;
  return mutex;
}
#endif

}  // namespace

TccCompiler TccCompiler::find() {
#if !HDK_HAVE_LIBTCC
  unavailable("this build has no libtcc (install Debian's tcc and libtcc-dev, then rebuild)");
#else
  TccCompiler tc;
  tc.lib_dir_ = HDK_TCC_LIB_DIR;
  if (tc.lib_dir_.empty() || !fs::exists(fs::path(tc.lib_dir_) / "libtcc1.a"))
    unavailable("tcc's runtime library libtcc1.a not found (install Debian's tcc)");
  tc.rt_include_dir_ = HDK_AOT_WASM_RT_INCLUDE_DIR;
  tc.rt_impl_dir_ = HDK_AOT_WASM_RT_IMPL_DIR;
  const auto rt_h = read_text(fs::path(tc.rt_include_dir_) / "wasm-rt.h");
  const auto rt_impl_h = read_text(fs::path(tc.rt_impl_dir_) / "wasm-rt-impl.h");
  const auto rt_impl_c = read_text(fs::path(tc.rt_impl_dir_) / "wasm-rt-impl.c");
  if (tc.rt_include_dir_.empty() || tc.rt_impl_dir_.empty() || !rt_h || !rt_impl_h || !rt_impl_c)
    unavailable("wabt's wasm2c runtime sources (wasm-rt.h, wasm-rt-impl.c) not found");
  Hasher hasher;
  hasher.add("hdk-cpp tcc").add(HDK_TCC_VERSION).add(tc.lib_dir_).add(kTccPrelude);
  hasher.add(translator_identity()).add(glue_identity());
  for (std::string_view flag : kRuntimeDefines) hasher.add(flag);
  for (std::string_view flag : kModuleDefines) hasher.add(flag);
  hasher.add(*rt_h).add(*rt_impl_h).add(*rt_impl_c);
  tc.fingerprint_ = hasher.hex();
  return tc;
#endif
}

std::shared_ptr<const Library> TccCompiler::compile(const CSources& sources,
                                                    const std::string& label) const {
#if !HDK_HAVE_LIBTCC
  (void)sources;
  throw Fault(FaultKind::EngineUnavailable, label + ": this build has no libtcc");
#else
  std::lock_guard lock(tcc_mutex());
  std::shared_ptr<void> owner(tcc_new(), [](void* state) {
    std::lock_guard lock(tcc_mutex());
    tcc_delete(static_cast<TCCState*>(state));
  });
  auto* state = static_cast<TCCState*>(owner.get());
  if (!state) throw Fault(FaultKind::Compile, label + ": tcc: out of memory");
  std::string messages;
  tcc_set_error_func(state, &messages, [](void* out, const char* message) {
    auto& text = *static_cast<std::string*>(out);
    if (text.size() < 4000) (text += message) += "\n";
  });
  tcc_set_lib_path(state, lib_dir_.c_str());
  // No libc through the loader: undefined symbols resolve in this process.
  tcc_set_options(state, "-nostdlib -w");
  tcc_set_output_type(state, TCC_OUTPUT_MEMORY);
  tcc_add_include_path(state, rt_include_dir_.c_str());
  tcc_add_include_path(state, rt_impl_dir_.c_str());

  const auto fail = [&](const std::string& what) {
    return Fault(FaultKind::Compile, label + ": tcc: " + what + ": " + messages);
  };
  const std::string module_defines = define_lines(kModuleDefines);
  const std::string prelude = std::string(kTccPrelude) + std::string(prelude_header());
  const std::string runtime = define_lines(kRuntimeDefines) + std::string(kTccPrelude) +
                              std::string(runtime_header()) + "#include \"wasm-rt-impl.c\"\n";
  const std::string module_c = module_defines + prelude +
                               inline_header(sources.module_c, kModuleHeaderFile, sources.module_h);
  const std::string glue_c =
      module_defines + prelude + inline_header(sources.glue_c, kModuleHeaderFile, sources.module_h);
  if (tcc_compile_string(state, runtime.c_str()) < 0) throw fail("wabt's runtime");
  if (tcc_compile_string(state, module_c.c_str()) < 0) throw fail("the module");
  if (tcc_compile_string(state, glue_c.c_str()) < 0) throw fail("the glue");
  if (tcc_add_file(state, (fs::path(lib_dir_) / "libtcc1.a").c_str()) < 0) throw fail("libtcc1.a");
  tcc_add_symbol(state, "hdk_aot_tls", reinterpret_cast<const void*>(&hdk_tcc_thread_trap_state));
  for (const LibraryFunction& function : kLibraryFunctions)
    tcc_add_symbol(state, function.name, function.address);
  if (tcc_relocate(state, TCC_RELOCATE_AUTO) < 0) throw fail("linking");
  try {
    return Library::bind(std::move(owner),
                         [state](const char* name) { return tcc_get_symbol(state, name); });
  } catch (const std::runtime_error& error) {
    throw fail(error.what());
  }
#endif
}

}  // namespace hdk_host::aot
