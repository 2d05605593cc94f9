// The tools the aot engine builds with: wasm2c, the C compiler and wabt's
// runtime sources, found once per engine, and the two builds it runs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "hdk_host/engine.hpp"
#include "hdk_host/module_info.hpp"

namespace hdk_host::aot {

class Toolchain {
 public:
  /// Finds everything or throws Fault(EngineUnavailable) saying what is missing.
  /// The compiler is options.compiler, else $CC, else "cc"; $HDK_AOT_CFLAGS
  /// replaces the optimisation flags (default -O2).
  static Toolchain find(const AotOptions& options);

  /// A hash of everything that decides what a build produces: the tools'
  /// paths and version output, the flags, the runtime sources and the glue.
  const std::string& fingerprint() const { return fingerprint_; }

  /// Compiles wabt's runtime into the object file `out` inside `work_dir`.
  /// Throws Fault(Compile).
  void build_runtime(const std::filesystem::path& work_dir, const std::filesystem::path& out) const;

  /// Translates, compiles and links `wasm` with `runtime_object` into the
  /// shared object `out`; intermediate files go to `work_dir`.
  /// Throws Fault(Compile).
  void build_module(std::span<const std::uint8_t> wasm, const ModuleInfo& info,
                    const std::string& label, const std::filesystem::path& work_dir,
                    const std::filesystem::path& runtime_object,
                    const std::filesystem::path& out) const;

 private:
  std::string wasm2c_;
  std::vector<std::string> compiler_;  // the command and any words $CC carried
  std::vector<std::string> opt_flags_;
  std::filesystem::path rt_include_dir_;  // wasm-rt.h
  std::filesystem::path rt_impl_dir_;     // wasm-rt-impl.c, wasm-rt-impl.h
  std::string fingerprint_;
};

}  // namespace hdk_host::aot
