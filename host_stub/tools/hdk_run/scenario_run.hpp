// Running a ScenarioSpec (scenario_spec.hpp) on a hdk_host::Scenario, and
// printing what a tester wants to see of each step: its result, what it
// committed on any chain, the signals it emitted, what it traced.
//
// A step's input may refer to what came before with "${NAME}": NAME is an
// agent (its key), `dna` (the DNA hash) or an earlier step's name (its
// result), followed by fields and indexes: "${post.signed_action.hashed.hash}",
// "${all[0]}". A string that is only a reference takes the value itself;
// a reference inside a longer string takes its text.
#pragma once

#include <iosfwd>
#include <string>

#include "hdk_host/host.hpp"
#include "scenario_spec.hpp"

namespace hdk_run {

struct RunOptions {
  /// An engine name, or "native"; empty: native when the zomes are .so
  /// libraries, else tiered.
  std::string runtime;
  hdk_host::HostOptions host;
  /// Only the results, one JSON value per line.
  bool quiet = false;
};

/// Runs every step in order, printing to `out`; stops at the first step that
/// fails or does not meet its expectation. Returns the process's exit code:
/// 0 when every step ran as expected, 1 when one did not. Throws SpecError
/// for a scenario that cannot run (a bad reference, an input with no msgpack
/// form) and hdk_host::Fault for a DNA that does not load.
int run_scenario(const ScenarioSpec& spec, const RunOptions& options, std::ostream& out);

}  // namespace hdk_run
