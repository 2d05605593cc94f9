// Byte-level dispatch to the typed host functions, generated from the list,
// with the conductor's access rules in front of them.
#include <hdk/codec.hpp>
#include <hdk/error.hpp>
#include <hdk/release.hpp>

#include "hdk_host/host_functions.hpp"
#include "hdk_host/world.hpp"

namespace hdk_host {
namespace {

std::vector<std::uint8_t> host_error_result(std::string message) {
  return hdk::encode_to_vector(hdk::ExternResult<hdk::Unit>(
      hdk::make_wasm_error(hdk::wasm_error_inner::Host{std::move(message)}, "hdk_host", 0)));
}

template <class Input, class Output>
std::vector<std::uint8_t> run_typed(hdk::ExternResult<Output> (*fn)(CallContext&, const Input&),
                                    CallContext& context, std::span<const std::uint8_t> input) {
  Input decoded{};
  hdk::DecodeError err;
  if (!hdk::decode(input.data(), input.size(), decoded, err)) {
    return hdk::encode_to_vector(hdk::ExternResult<Output>(hdk::make_wasm_error(
        hdk::wasm_error_inner::Deserialize{hdk::Bytes(input.begin(), input.end())}, "hdk_host",
        0)));
  }
  return hdk::encode_to_vector(fn(context, decoded));
}

}  // namespace

hdk::WasmError unprovided_host_fn_error(std::string_view import_name) {
  return hdk::make_wasm_error(
      hdk::wasm_error_inner::Host{std::string(import_name) + " is a " + hdk::release::kName +
                                  " host function the hdk-cpp host stub does not provide (see "
                                  "docs/host-functions.md)"},
      "hdk_host", 0);
}

std::vector<std::uint8_t> run_host_fn(HostFnId id, CallContext& context,
                                      std::span<const std::uint8_t> input) {
  using hdk::host_fn_access::allowed;
  const HostFnInfo& info = host_fn_info(id);
  // The conductor's rule (HostFnAccess): what the running callback grants.
  if (!allowed(context.callback, info.access))
    return host_error_result(std::string(info.name) + " may not be called from " +
                             hdk::host_fn_access::callback_name(context.callback) +
                             " (Holochain's host function access rules; see "
                             "docs/host-functions.md)");
  switch (id) {
#define HDK_HOST_FN(name, version, Input, Output, access) \
  case HostFnId::name##_##version:                        \
    return run_typed<Input, Output>(&host_fns::name##_##version, context, input);
#include <hdk/host_fns.def>
#undef HDK_HOST_FN
  }
  return host_error_result("unknown host function");
}

}  // namespace hdk_host
