// Tier-up: a module's calls run on the interpreter while the aot engine
// compiles it in the background, and on aot from the first instance created
// after the object is ready. No call waits for the C compiler.
#pragma once

#include <chrono>
#include <memory>
#include <string_view>

#include "hdk_host/engine.hpp"

namespace hdk_host {

class TieredModule : public Module {
 public:
  /// "interp" until the aot object is ready, "aot" after (or "interp" for
  /// good if aot failed to build it).
  virtual std::string_view current_tier() const = 0;
  /// Waits up to `timeout` for the background compile; true once on aot.
  virtual bool wait_for_aot(std::chrono::milliseconds timeout) = 0;
};

/// An engine named "tiered" over make_interp_engine() and make_aot_engine(options).
/// compile() returns a TieredModule.
std::unique_ptr<Engine> make_tiered_engine(const AotOptions& options = {});

}  // namespace hdk_host
