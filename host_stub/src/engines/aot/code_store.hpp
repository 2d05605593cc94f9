// Where a compiled engine gets a module's code: the one thing its two
// back-ends (cc into shared objects, tcc into memory) do differently. The
// engine (aot.cpp) owns the rest: the in-memory module map, the Module and
// Instance, the call path through the glue.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "hdk_host/module_info.hpp"
#include "library.hpp"

namespace hdk_host::aot {

class CodeStore {
 public:
  virtual ~CodeStore() = default;

  /// The key of `wasm`'s code: its bytes and everything that decides the code.
  virtual std::string key_of(std::span<const std::uint8_t> wasm) const = 0;

  struct Loaded {
    std::shared_ptr<const Library> library;  // null: nothing stored
    std::string_view origin;                 // Module::origin(): "file cache", ...
  };
  /// Code stored under `key`, without translating the wasm again; none when
  /// there is none (a damaged entry is removed, so build() replaces it).
  virtual Loaded load(const std::string& key, const std::string& label) = 0;

  /// Removes what is stored under `key`: it loaded but does not fit the module.
  virtual void discard(const std::string& key) = 0;

  /// Translates and compiles `wasm` (whose key is `key`), stores what can
  /// be stored and returns the code. Throws Fault(Compile).
  virtual std::shared_ptr<const Library> build(std::span<const std::uint8_t> wasm,
                                               const std::string& key, const ModuleInfo& info,
                                               const std::string& label) = 0;
};

}  // namespace hdk_host::aot
