#include "hdk_host/module_cache.hpp"

#include <sodium.h>

namespace hdk_host {

std::string module_hash(std::span<const std::uint8_t> wasm) {
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(), wasm.data(), wasm.size(), nullptr, 0);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned char b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

ModuleCache& ModuleCache::global() {
  static ModuleCache cache;
  return cache;
}

ModuleCache::Entry ModuleCache::get_or_build(Engine& engine, std::span<const std::uint8_t> wasm,
                                             const Build& build, bool& hit) {
  auto key = std::make_pair(std::string(engine.name()), module_hash(wasm));
  {
    std::lock_guard lock(mutex_);
    if (auto it = modules_.find(key); it != modules_.end()) {
      hit = true;
      return it->second;
    }
  }
  // Build outside the lock: a compile can take seconds (aot) and other
  // modules should not wait. Two threads racing on the same bytes both
  // build; the first to finish is kept.
  Entry entry = build();
  std::lock_guard lock(mutex_);
  auto it = modules_.emplace(std::move(key), std::move(entry)).first;
  hit = false;
  return it->second;
}

void ModuleCache::clear() {
  std::lock_guard lock(mutex_);
  modules_.clear();
}

std::size_t ModuleCache::size() const {
  std::lock_guard lock(mutex_);
  return modules_.size();
}

}  // namespace hdk_host
