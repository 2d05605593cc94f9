// Typed calls of the host functions in hdk/host_fns.def. Each encodes its
// input, hands it to the host (which frees it), decodes the host's
// `Result<Output, WasmError>` from the region the host allocated in this
// guest, and frees that region.
#pragma once

#include <cstdint>
#include <utility>

#include "hdk/abi.hpp"
#include "hdk/alloc.hpp"
#include "hdk/codec.hpp"
#include "hdk/error.hpp"
#include "hdk/types.hpp"

#if HDK_WASM
// The imports, one per listed function.
extern "C" {
#define HDK_HOST_FN(name, version, Input, Output, access) \
  HDK_IMPORT("__hc__" #name "_" #version)                 \
  ::hdk::GuestPtrLen hdk_import_##name##_##version(::hdk::GuestPtr, ::hdk::Len);
#include "hdk/host_fns.def"
#undef HDK_HOST_FN
}
#else
#include "hdk/native.hpp"
#endif

namespace hdk::host_detail {

template <class Output>
ExternResult<Output> decode_host_result(const std::uint8_t* bytes, std::size_t len) {
  ExternResult<Output> result;
  DecodeError err;
  if (!decode(bytes, len, result, err))
    return HDK_WASM_ERROR(wasm_error_inner::Deserialize{Bytes(bytes, bytes + len)});
  return result;
}

#if HDK_WASM
using Import = GuestPtrLen (*)(GuestPtr, Len);

// The import is a template argument so every call of it is a direct call.
template <class Output, Import import, class Input>
ExternResult<Output> call(const Input& input) {
  OutBuffer encoded = encode(input);
  if (encoded.failed()) return HDK_WASM_ERROR(wasm_error_inner::Memory{});
  const auto len = static_cast<Len>(encoded.size());
  // The host consumes the input region: it frees it with __hc__deallocate_1.
  const GuestRegion answer = split(import(alloc::to_guest(encoded.release()), len));
  std::uint8_t* bytes = alloc::from_guest(answer.ptr);
  ExternResult<Output> result = decode_host_result<Output>(bytes, answer.len);
  alloc::deallocate(bytes);
  return result;
}
#else
template <class Output, class Input>
ExternResult<Output> call(const char* import_name, const Input& input) {
  OutBuffer encoded = encode(input);
  if (encoded.failed()) return HDK_WASM_ERROR(wasm_error_inner::Memory{});
  const std::vector<std::uint8_t> answer = native::call_host(import_name, encoded);
  return decode_host_result<Output>(answer.data(), answer.size());
}
#endif

}  // namespace hdk::host_detail

// A host function's C++ name is its Holochain name, except: one named like
// a C++ keyword gets a trailing underscore (hdk::host_fn::delete_), and
// dna_info's version 1 is dna_info_1 (dna_info is version 2, as in hdi).
// Imports keep Holochain's names.
#define HDK_DETAIL_CPP_NAME_delete_1 ~, delete_
#define HDK_DETAIL_CPP_NAME_dna_info_1 ~, dna_info_1
#define HDK_DETAIL_SECOND_(a, b, ...) b
#define HDK_DETAIL_SECOND(...) HDK_DETAIL_SECOND_(__VA_ARGS__)
#define HDK_DETAIL_CPP_NAME(name, version) \
  HDK_DETAIL_SECOND(HDK_DETAIL_CPP_NAME_##name##_##version, name, ~)

/// The raw typed calls, one per host function: `hdk::host_fn::trace(msg)`.
/// The HDK's friendlier functions (hdk/api.hpp) are built on these.
///
/// Each is a template with one defaulted parameter, called as a plain
/// function: a template's body is compiled only where it is called, so a
/// zome pays for encoding and decoding the types of the host functions it
/// uses, not of all of them (the API in hdk/api.hpp does the same).
namespace hdk::host_fn {
#if HDK_WASM
#define HDK_HOST_FN(name, version, Input, Output, access)                       \
  template <int = 0>                                                            \
  ExternResult<Output> HDK_DETAIL_CPP_NAME(name, version)(const Input& input) { \
    return host_detail::call<Output, &hdk_import_##name##_##version>(input);    \
  }
#else
#define HDK_HOST_FN(name, version, Input, Output, access)                       \
  template <int = 0>                                                            \
  ExternResult<Output> HDK_DETAIL_CPP_NAME(name, version)(const Input& input) { \
    return host_detail::call<Output>("__hc__" #name "_" #version, input);       \
  }
#endif
#include "hdk/host_fns.def"
#undef HDK_HOST_FN
}  // namespace hdk::host_fn

// Needs the host functions above; see hdk/extern.hpp.
#include "hdk/decode_trace.hpp"
