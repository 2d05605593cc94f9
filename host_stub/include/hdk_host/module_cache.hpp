// The in-memory module cache: compiled, ABI-checked modules by engine and
// content hash, so loading the same zome twice checks and compiles it once
// per process.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hdk_host/engine.hpp"

namespace hdk_host {

/// blake2b-256 of the module bytes, as lowercase hex.
std::string module_hash(std::span<const std::uint8_t> wasm);

class ModuleCache {
 public:
  /// The process-wide cache.
  static ModuleCache& global();

  struct Entry {
    std::shared_ptr<Module> module;
    /// The zome functions the ABI check found.
    std::vector<std::string> functions;
  };
  /// Makes an Entry for bytes not in the cache (checks and compiles them).
  using Build = std::function<Entry()>;

  /// The entry for `wasm` on `engine`: from the cache, or built now by
  /// `build` (whose Fault propagates and caches nothing). `hit` tells which.
  Entry get_or_build(Engine& engine, std::span<const std::uint8_t> wasm, const Build& build,
                     bool& hit);
  void clear();
  std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, Entry> modules_;
};

}  // namespace hdk_host
