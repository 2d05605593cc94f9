// The host functions, generated from the HDK's list (hdk/host_fns.def): one
// typed implementation per entry, and one byte-level entry point that the
// wasm and native call paths share.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <hdk/error.hpp>
#include <hdk/types.hpp>

#include "hdk_host/call_context.hpp"
#include "hdk_host/host_fn_list.hpp"

namespace hdk_host {

/// Thrown by a host function to end the whole zome call with `result`, the
/// encoded Result<ExternIO, WasmError> of that call (Holochain's
/// HostShortCircuit). The instance is discarded afterwards.
struct ShortCircuit {
  std::vector<std::uint8_t> result;
};

/// Runs host function `id` on its encoded input and returns the encoded
/// `Result<Output, WasmError>`. Input that does not decode gives
/// Err(Deserialize(input)), as Holochain's host does. May throw ShortCircuit.
std::vector<std::uint8_t> run_host_fn(HostFnId id, CallContext& context,
                                      std::span<const std::uint8_t> input);

/// The encoded Err(WasmError{Host}) a call of a Holochain host function the
/// stub does not implement answers (see kHolochainHostFunctions).
std::vector<std::uint8_t> unprovided_host_fn_result(std::string_view import_name);

/// The implementations, one per listed host function (src/host_fns/).
namespace host_fns {
#define HDK_HOST_FN(name, version, Input, Output) \
  hdk::ExternResult<Output> name##_##version(CallContext& context, const Input& input);
#include <hdk/host_fns.def>
#undef HDK_HOST_FN
}  // namespace host_fns

}  // namespace hdk_host
