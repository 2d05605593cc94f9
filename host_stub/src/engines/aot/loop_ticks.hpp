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

#include <cstddef>

#include <wabt/ir.h>

namespace hdk_host::aot {

/// Adds the tick function and a call to it at the head of every loop of
/// `module` (read by wabt, not yet named); returns how many loops it saw. A
/// module without loops is left as it is.
std::size_t add_loop_ticks(wabt::Module& module);

}  // namespace hdk_host::aot
