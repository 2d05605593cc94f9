// The engines that run wasm2c's C (aot: cc into shared objects; tcc: libtcc
// into memory) as the tiered engine sees them: one pipeline (aot.cpp) with
// two back-ends (aot/code_store.hpp).
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "hdk_host/engine.hpp"

namespace hdk_host {

class CompiledEngine : public Engine {
 public:
  /// The module if its code is already stored (in memory, or on disk for a
  /// back-end that keeps code there), without translating or compiling; else
  /// null. Never waits for a compile running on another thread.
  virtual std::shared_ptr<Module> load_cached(std::span<const std::uint8_t> wasm,
                                              std::string_view label) = 0;
};

std::unique_ptr<CompiledEngine> make_compiled_aot_engine(const AotOptions& options);
std::unique_ptr<CompiledEngine> make_compiled_tcc_engine(const AotOptions& options);

}  // namespace hdk_host
