// The one change the aot engine makes to a module before wasm2c sees it: a
// call to an empty "tick" function at the head of every loop.
//
// The tick function is appended after every other function, so no existing
// function index moves. wasm2c gives it a prologue like every function's, and
// the prelude (c_sources.cpp) turns every prologue into the deadline and stack
// check; the C compiler inlines the empty function, so what a loop iteration
// pays is that check. With the prologues of ordinary functions this bounds
// the time between two checks for any guest: it cannot run long without
// either looping or calling.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hdk_host::aot {

/// The module with loop ticks, or nullopt when it has no loop (use it as it
/// is). Throws Fault(Compile) if wabt cannot read or write it back.
std::optional<std::vector<std::uint8_t>> add_loop_ticks(std::span<const std::uint8_t> wasm,
                                                        const std::string& label);

}  // namespace hdk_host::aot
