// The in-memory module cache: compiled modules by engine and content hash,
// so loading the same zome twice compiles it once per process.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "hdk_host/engine.hpp"

namespace hdk_host {

/// blake2b-256 of the module bytes, as lowercase hex.
std::string module_hash(std::span<const std::uint8_t> wasm);

class ModuleCache {
 public:
  /// The process-wide cache.
  static ModuleCache& global();

  /// The module for `wasm` on `engine`: from the cache, or compiled now.
  /// `hit` tells which.
  std::shared_ptr<Module> get_or_compile(Engine& engine, std::span<const std::uint8_t> wasm,
                                         std::string_view label, bool& hit);
  void clear();
  std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, std::shared_ptr<Module>> modules_;
};

}  // namespace hdk_host
