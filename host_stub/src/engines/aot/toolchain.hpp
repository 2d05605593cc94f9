// The tools the aot engine builds with: the C compiler and wabt's runtime
// sources, found once per engine, and the two builds it runs. (wasm2c is
// wabt's C writer, run in this process: c_translation.hpp.)
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "c_translation.hpp"
#include "hdk_host/engine.hpp"

namespace hdk_host::aot {

class Toolchain {
 public:
  /// Finds everything or throws Fault(EngineUnavailable) saying what is missing.
  /// The compiler is options.compiler, else $CC, else "cc"; $HDK_AOT_CFLAGS
  /// replaces the optimisation flags (default -O2).
  static Toolchain find(const AotOptions& options);

  /// A hash of everything that decides what a build produces: the
  /// compiler's path and version output, the flags, the translator, the
  /// runtime sources and the glue.
  const std::string& fingerprint() const { return fingerprint_; }

  /// Compiles wabt's runtime into the object file `out` inside `work_dir`.
  /// Throws Fault(Compile).
  void build_runtime(const std::filesystem::path& work_dir, const std::filesystem::path& out) const;

  /// Compiles and links `sources` with `runtime_object` into the shared
  /// object `out`; intermediate files go to `work_dir`. A large module's C is
  /// split (split_module_c) and its parts compiled in parallel, one compiler
  /// per core. Throws Fault(Compile).
  void build_module(const CSources& sources, const std::string& label,
                    const std::filesystem::path& work_dir,
                    const std::filesystem::path& runtime_object,
                    const std::filesystem::path& out) const;

 private:
  std::vector<std::string> compiler_;  // the command and any words $CC carried
  std::vector<std::string> opt_flags_;
  std::size_t split_bytes_ = 0;           // wasm2c output from this size on is compiled in parts
  std::filesystem::path rt_include_dir_;  // wasm-rt.h
  std::filesystem::path rt_impl_dir_;     // wasm-rt-impl.c, wasm-rt-impl.h
  std::string fingerprint_;
};

}  // namespace hdk_host::aot
