// HDK_EXTERN: turns `ExternResult<Out> fn(In)` (or `fn()`) into a zome
// function. In wasm it becomes an export named `fn` of signature
// (i32, i32) -> i64; natively the same line registers `fn` with the native
// zome table that the host stub calls. Zome code is identical in both.
#pragma once

#include <cstdint>
#include <type_traits>
#include <utility>

#include "hdk/abi.hpp"
#include "hdk/alloc.hpp"
#include "hdk/codec.hpp"
#include "hdk/error.hpp"
#include "hdk/extern_io.hpp"

namespace hdk::extern_detail {

/// An Err(WasmError) as the encoded zome-call result.
inline OutBuffer encode_error(WasmError error) {
  return encode(ExternResult<ExternIO>(std::move(error)));
}

inline WasmError deserialize_error(const std::uint8_t* bytes, std::size_t len) {
  return make_wasm_error(wasm_error_inner::Deserialize{Bytes(bytes, bytes + len)}, "hdk::extern",
                         0);
}

/// `Ok(ExternIO(payload))` written around an already-encoded payload.
inline OutBuffer encode_ok(const OutBuffer& payload) {
  OutBuffer out;
  if (!out.reserve(payload.size() + 16)) return out;
  Packer p(out);
  p.pack_map(1);
  codec_detail::pack_string(p, "Ok");
  p.pack_bin(static_cast<std::uint32_t>(payload.size()));
  p.pack_bin_body(payload.data(), static_cast<std::uint32_t>(payload.size()));
  return out;
}

template <class Fn>
struct ExternSignature;
template <class Out, class In>
struct ExternSignature<ExternResult<Out> (*)(In)> {
  using Output = Out;
  using Input = std::decay_t<In>;
  static constexpr bool kTakesInput = true;
};
template <class Out>
struct ExternSignature<ExternResult<Out> (*)()> {
  using Output = Out;
  using Input = Unit;  // Holochain sends `()` to a function without input
  static constexpr bool kTakesInput = false;
};

/// One zome call on its encoded input, as Holochain's extern wrapper does it:
/// decode ExternIO (failure: Deserialize(all input)), release the input,
/// decode the argument (failure: Deserialize(the ExternIO content)), call,
/// and encode `Ok(ExternIO(output))` or the function's `Err(WasmError)`.
/// `release_input` is called once the input bytes are no longer needed.
template <auto Fn, class Release>
OutBuffer run(const std::uint8_t* input, std::size_t len, Release&& release_input) {
  using Sig = ExternSignature<decltype(Fn)>;
  ExternIO io;
  DecodeError err;
  if (!decode(input, len, io, err)) {
    OutBuffer out = encode_error(deserialize_error(input, len));
    release_input();
    return out;
  }
  release_input();

  typename Sig::Input arg{};
  if (!io.decode(arg, err))
    return encode_error(deserialize_error(io.bytes.data(), io.bytes.size()));
  io.bytes = Bytes();

  ExternResult<typename Sig::Output> result = [&]() {
    if constexpr (Sig::kTakesInput) {
      return Fn(std::move(arg));
    } else {
      return Fn();
    }
  }();
  if (!result) return encode_error(std::move(result).error());
  OutBuffer payload = encode(result.value());
  if (payload.failed()) return OutBuffer();  // empty: the caller answers Memory
  return encode_ok(payload);
}

#if HDK_WASM
/// The body of every exported zome function.
template <auto Fn>
GuestPtrLen call_from_host(GuestPtr ptr, Len len) {
  runtime::ensure_initialized();
  std::uint8_t* input = alloc::from_guest(ptr);
  OutBuffer out = run<Fn>(input, len, [&] {
    alloc::deallocate(input);
    input = nullptr;
  });
  return alloc::hand_over(std::move(out));
}
#endif

}  // namespace hdk::extern_detail

// A Holochain "const function": an export of type () -> i32 the conductor
// calls once, with no input and no host (e.g. `__num_entry_types`). `id`
// names the C++ symbol, `export_name` the wasm export.
#if HDK_WASM
#define HDK_CONST_FN(id, export_name, value)                         \
  extern "C" HDK_EXPORT(export_name) std::int32_t hdk_const_##id() { \
    return static_cast<std::int32_t>(value);                         \
  }                                                                  \
  static_assert(true)
#else
#define HDK_CONST_FN(id, export_name, value)                                       \
  [[maybe_unused]] static const ::hdk::native::ConstRegistration hdk_const_##id {  \
    export_name, []() -> std::int32_t { return static_cast<std::int32_t>(value); } \
  }
#endif

#if HDK_WASM
#define HDK_EXTERN(fn)                                                              \
  extern "C" HDK_EXPORT(#fn)::hdk::GuestPtrLen hdk_extern_##fn(::hdk::GuestPtr ptr, \
                                                               ::hdk::Len len) {    \
    return ::hdk::extern_detail::call_from_host<&fn>(ptr, len);                     \
  }                                                                                 \
  static_assert(true)
#else
#include "hdk/native.hpp"
#define HDK_EXTERN(fn)                                                              \
  [[maybe_unused]] static const ::hdk::native::ExternRegistration hdk_extern_##fn { \
#fn, &::hdk::native::call_from_host < &fn>                                      \
  }
#endif
