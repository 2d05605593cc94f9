// Compiled modules on disk: the aot engine's file cache.
//
// Layout under the store's directory:
//   <key>.so              a module's shared object (key: module bytes + toolchain)
//   runtime-<toolchain>.o wabt's runtime, compiled once per toolchain
//   build-XXXXXX/         a build in progress (removed when it ends)
// All files are artifacts (artifact_cache.hpp): checked before use, rebuilt
// when damaged, published by rename so concurrent processes are safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "code_store.hpp"
#include "hdk_host/module_info.hpp"
#include "library.hpp"
#include "toolchain.hpp"

namespace hdk_host::aot {

class ObjectStore final : public CodeStore {
 public:
  /// Creates `dir` if needed; throws Fault(EngineUnavailable) if it cannot.
  ObjectStore(std::filesystem::path dir, Toolchain toolchain);

  /// The cache key of `wasm` with this store's toolchain.
  std::string key_of(std::span<const std::uint8_t> wasm) const override;

  /// The object stored under `key`, loaded; null when there is none or it is
  /// damaged (then it is removed, so the next build replaces it).
  Loaded load(const std::string& key, const std::string& label) override;

  /// Removes the object under `key`, for one that loads but is unusable.
  /// Release it first: dlopen() hands out a loaded object again by its name.
  void discard(const std::string& key) override;

  /// Translates `wasm` (whose key is `key`) to C, compiles it, publishes the
  /// object and loads it. Throws Fault(Compile).
  std::shared_ptr<const Library> build(std::span<const std::uint8_t> wasm, const std::string& key,
                                       const ModuleInfo& info, const std::string& label) override;

  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path object_path(const std::string& key) const { return dir_ / (key + ".so"); }
  void remove_abandoned_builds() const;
  void provide_runtime(const std::filesystem::path& work_dir,
                       const std::filesystem::path& out) const;

  std::filesystem::path dir_;
  Toolchain toolchain_;
};

}  // namespace hdk_host::aot
