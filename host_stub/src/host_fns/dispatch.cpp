// Byte-level dispatch to the typed host functions, generated from the list.
#include <hdk/codec.hpp>
#include <hdk/error.hpp>

#include "hdk_host/host_functions.hpp"

namespace hdk_host {
namespace {

template <class Input, class Output>
std::vector<std::uint8_t> run_typed(hdk::ExternResult<Output> (*fn)(CallContext&, const Input&),
                                    CallContext& context, std::span<const std::uint8_t> input) {
  Input decoded{};
  hdk::DecodeError err;
  if (!hdk::decode(input.data(), input.size(), decoded, err)) {
    return hdk::encode_to_vector(hdk::ExternResult<Output>(hdk::make_wasm_error(
        hdk::wasm_error_inner::Deserialize{hdk::Bytes(input.begin(), input.end())}, "hdk_host", 0)));
  }
  return hdk::encode_to_vector(fn(context, decoded));
}

}  // namespace

std::vector<std::uint8_t> run_host_fn(HostFnId id, CallContext& context,
                                      std::span<const std::uint8_t> input) {
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
