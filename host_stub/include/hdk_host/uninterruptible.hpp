// The rule for engines that cannot stop a running call: a deadline they
// cannot keep is refused, not silently ignored, unless the caller opts in.
#pragma once

#include <optional>
#include <string_view>

#include "hdk_host/engine.hpp"
#include "hdk_host/fault.hpp"

namespace hdk_host {

/// The Fault (EngineUnavailable, naming `engine` and the opt-in) a call
/// under `limits` gets from an engine that cannot interrupt it; nothing when
/// the call may run: no deadline was asked for, or
/// Limits::allow_uninterruptible accepts that a runaway guest hangs its caller.
std::optional<Fault> refuse_unenforceable_deadline(std::string_view engine, const Limits& limits);

}  // namespace hdk_host
