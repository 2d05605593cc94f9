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

/// The Err(WasmError{Host}) a host function the stub does not implement
/// answers: it links every function the release links, so a
/// module shaped as the Rust hdk builds one (importing them all) loads.
hdk::WasmError unprovided_host_fn_error(std::string_view import_name);

/// False for the host functions the stub links but answers with
/// unprovided_host_fn_error (src/host_fns/unimplemented.cpp).
bool stub_implements(HostFnId id);

/// Each listed host function's input and output types.
namespace host_fn_types {
#define HDK_HOST_FN(name, version, In, Out, access) \
  struct name##_##version {                         \
    using Input = In;                               \
    using Output = Out;                             \
  };
#include <hdk/host_fns.def>
#undef HDK_HOST_FN
}  // namespace host_fn_types

/// The implementations, one per listed host function (src/host_fns/; the
/// ones the stub lacks are in src/host_fns/unimplemented.cpp).
namespace host_fns {
#define HDK_HOST_FN(name, version, Input, Output, access) \
  hdk::ExternResult<Output> name##_##version(CallContext& context, const Input& input);
#include <hdk/host_fns.def>
#undef HDK_HOST_FN
}  // namespace host_fns

}  // namespace hdk_host
