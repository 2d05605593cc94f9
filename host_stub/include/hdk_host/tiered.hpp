// Tier-up: a module's calls start on a tier that is ready at once and move to
// aot (cc -O2) from the first instance created after its object is ready. No
// call waits for the C compiler, and dropping a module or the engine does not
// wait for it either.
//
// The first tier is, in this order of preference: aot itself when its file
// cache already holds the object (no background work at all); tcc (compiled
// in milliseconds, code ~2.5x slower than aot's); the interpreter where tcc is
// unavailable or cannot build the module. A module of 2 MB of wasm or more
// starts on the interpreter (ready soonest: tcc first translates and compiles
// megabytes of C), then moves to tcc, then to aot, as each background compile
// finishes. Instances are never moved between tiers: an instance keeps its
// memory and state on the tier it was created on, and new instances take the
// newest tier (a zome call creates a fresh instance, so calls move at once).
#pragma once

#include <chrono>
#include <memory>
#include <string_view>

#include "hdk_host/engine.hpp"

namespace hdk_host {

class TieredModule : public Module {
 public:
  /// The tier new instances are created on: "interp" or "tcc" until the aot
  /// object is ready, "aot" after (or a lower tier for good if aot failed
  /// to build it, or the engine was dropped before it finished).
  virtual std::string_view current_tier() const = 0;
  /// Waits up to `timeout` for the background compile of `tier` ("tcc" or
  /// "aot"); true once it serves. False at once when this module has no such
  /// upgrade, or its compile failed or was dropped with the engine.
  virtual bool wait_for_tier(std::string_view tier, std::chrono::milliseconds timeout) = 0;
  /// wait_for_tier("aot", timeout), or true when aot was the first tier.
  bool wait_for_aot(std::chrono::milliseconds timeout) { return wait_for_tier("aot", timeout); }
};

/// An engine named "tiered" over make_tcc_engine(options) (or
/// make_interp_engine() without tcc) and make_aot_engine(options); the
/// default engine of hdk-run and the Scenario API. compile() returns a
/// TieredModule. Background compiles run one at a time on one thread of the
/// engine; destroying the engine does not wait for them: it kills the
/// compiler process of the one running, drops those queued, and lets an
/// in-process compile (tcc's, which cannot be stopped midway) finish for the
/// modules that outlive the engine.
std::unique_ptr<Engine> make_tiered_engine(const AotOptions& options = {});

}  // namespace hdk_host
