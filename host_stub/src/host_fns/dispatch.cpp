// Byte-level dispatch to the typed host functions, generated from the list.
#include <hdk/codec.hpp>
#include <hdk/error.hpp>

#include "hdk_host/host_functions.hpp"
#include "hdk_host/world.hpp"

namespace hdk_host {
namespace {

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

/// Holochain lets validate call only what answers the same everywhere and
/// always (HostFnAccess of a validate call: deterministic reads, keystore and
/// bindings); trace and hash need no permission.
bool allowed_in_validate(HostFnId id) {
  switch (id) {
    case HostFnId::trace_1:
    case HostFnId::hash_1:
    case HostFnId::verify_signature_1:
    case HostFnId::zome_info_1:
    case HostFnId::dna_info_2:
    case HostFnId::must_get_entry_1:
    case HostFnId::must_get_action_1:
    case HostFnId::must_get_valid_record_1:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<std::uint8_t> unprovided_host_fn_result(std::string_view import_name) {
  return hdk::encode_to_vector(hdk::ExternResult<hdk::Unit>(hdk::make_wasm_error(
      hdk::wasm_error_inner::Host{std::string(import_name) +
                                  " is a Holochain host function the hdk-cpp host stub does not "
                                  "provide (see docs/host-functions.md)"},
      "hdk_host", 0)));
}

std::vector<std::uint8_t> run_host_fn(HostFnId id, CallContext& context,
                                      std::span<const std::uint8_t> input) {
  if (context.world && context.world->role == world::CallEnv::Role::Validate &&
      !allowed_in_validate(id)) {
    const std::string_view name = kHostFunctions[static_cast<std::size_t>(id)].name;
    return hdk::encode_to_vector(hdk::ExternResult<hdk::Unit>(hdk::make_wasm_error(
        hdk::wasm_error_inner::Host{
            std::string(name) +
            " may not be called from validate: Holochain allows only deterministic host "
            "functions there (must_get_entry, must_get_action, must_get_valid_record, "
            "verify_signature, hash, zome_info, dna_info, trace)"},
        "hdk_host", 0)));
  }
  switch (id) {
#define HDK_HOST_FN(name, version, Input, Output) \
  case HostFnId::name##_##version:                \
    return run_typed<Input, Output>(&host_fns::name##_##version, context, input);
#include <hdk/host_fns.def>
#undef HDK_HOST_FN
  }
  return hdk::encode_to_vector(hdk::ExternResult<hdk::Unit>(
      hdk::make_wasm_error(hdk::wasm_error_inner::Host{"unknown host function"}, "hdk_host", 0)));
}

}  // namespace hdk_host
