// Shared by the host functions that need the world (internal).
#pragma once

#include <string>

#include <hdk/error.hpp>

#include "hdk_host/call_context.hpp"
#include "hdk_host/world.hpp"

namespace hdk_host::host_fns {

inline hdk::WasmError host_error(std::string message) {
  return hdk::make_wasm_error(hdk::wasm_error_inner::Host{std::move(message)}, "hdk_host", 0);
}

/// The call's world, or null with `error` set: a bare Host::call has no cell.
inline world::CallEnv* world_of(CallContext& context, const char* fn, hdk::WasmError& error) {
  if (!context.world)
    error =
        host_error(std::string(fn) + ": this call runs outside a cell (use hdk_host::Scenario)");
  return context.world;
}

/// The write host functions refuse to run where Holochain forbids writes (validate).
inline world::CallEnv* writable_world_of(CallContext& context, const char* fn,
                                         hdk::WasmError& error) {
  world::CallEnv* env = world_of(context, fn, error);
  if (env && env->read_only) {
    error = host_error(std::string(fn) +
                       ": not allowed in this callback (the source chain is read-only here)");
    return nullptr;
  }
  return env;
}

}  // namespace hdk_host::host_fns
