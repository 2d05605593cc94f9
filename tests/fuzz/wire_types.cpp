// The HDK's decoders, natively, through the entry point every zome function
// has (hdk::extern_detail::run, what HDK_EXTERN wraps): the input is the
// zome call's ExternIO bytes, the function echoes its argument back. For any
// input the result must be a Result<ExternIO, WasmError> the host reads, an
// Err must be the Deserialize error, and an Ok's payload must decode again
// and re-encode to the same bytes (the encoding of what was decoded is stable).
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <hdk/codec.hpp>
#include <hdk/error.hpp>
#include <hdk/extern.hpp>
#include <hdk/extern_io.hpp>
#include <hdk/types.hpp>

#include "fuzz_target.hpp"

namespace {

template <class T>
hdk::ExternResult<T> echo(T value) {
  return value;
}

template <class T>
void echo_through_extern(const char* type_name, hdk_fuzz::Input input) {
  const hdk::OutBuffer out = hdk::extern_detail::run<&echo<T>>(input.data(), input.size(), [] {});
  const std::vector<std::uint8_t> bytes = out.to_vector();
  hdk::ExternResult<hdk::ExternIO> result;
  hdk::DecodeError err;
  if (!hdk::decode(bytes, result, err))
    hdk_fuzz::fail(std::string(type_name) + ": the zome's result does not decode: " + err.message);
  if (!result.is_ok()) {
    const hdk::WasmError& error = result.error();
    if (!std::holds_alternative<hdk::wasm_error_inner::Deserialize>(error.error))
      hdk_fuzz::fail(std::string(type_name) + ": bad input gave " + std::string(error.kind()) +
                     ", not Deserialize");
    return;
  }
  const hdk::Bytes& payload = result.value().bytes;
  T again{};
  if (!hdk::decode(payload.data(), payload.size(), again, err))
    hdk_fuzz::fail(std::string(type_name) + ": its own encoding does not decode: " + err.message);
  if (hdk::encode_to_vector(again) != static_cast<const std::vector<std::uint8_t>&>(payload))
    hdk_fuzz::fail(std::string(type_name) + ": re-encoding what was decoded changed the bytes");
}

using Decoder = void (*)(const char*, hdk_fuzz::Input);
struct WireType {
  const char* name;
  Decoder decoder;
};

const WireType kWireTypes[] = {
#define HDK_FUZZ_WIRE_TYPE(name, ...) {#name, &echo_through_extern<__VA_ARGS__>},
#include "wire_types.def"
#undef HDK_FUZZ_WIRE_TYPE
};

}  // namespace

// Input: one byte choosing the type, then the zome call's ExternIO bytes.
HDK_FUZZ_TARGET(wire_types) {
  if (input.empty()) return;
  const WireType& type = kWireTypes[input[0] % std::size(kWireTypes)];
  type.decoder(type.name, input.subspan(1));
}
