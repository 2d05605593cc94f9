// HDK_EXTERN: turns `ExternResult<Out> fn(In)` (or `fn()`) into a zome
// function. In wasm it becomes an export named `fn` of signature
// (i32, i32) -> i64; natively the same line registers `fn` with the native
// zome table that the host stub calls. Zome code is identical in both.
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

#include "hdk/abi.hpp"
#include "hdk/alloc.hpp"
#include "hdk/codec.hpp"
#include "hdk/error.hpp"
#include "hdk/extern_io.hpp"
#include "hdk/type_name.hpp"

namespace hdk::extern_detail {

/// Traces why a zome function's input did not decode: the function, the
/// type it expected and the decoder's path to the failing field. The wire
/// answer stays Holochain's bare `Deserialize(bytes)`; this line is what
/// says what failed. (Defined in hdk/decode_trace.hpp, after the host
/// functions it calls.)
inline void trace_decode_failure(std::string_view function, std::string_view expected,
                                 const DecodeError& err);

/// An Err(WasmError) as the encoded zome-call result.
inline OutBuffer encode_error(WasmError error) {
  return encode(ExternResult<ExternIO>(std::move(error)));
}

inline WasmError deserialize_error(const std::uint8_t* bytes, std::size_t len) {
  return make_wasm_error(wasm_error_inner::Deserialize{Bytes(bytes, bytes + len)}, "hdk::extern",
                         0);
}

/// Turns `out`, which has counted a payload, into `Ok(ExternIO(` with room
/// for exactly that payload after it.
inline bool begin_ok(OutBuffer& out) {
  const std::size_t payload = out.size();
  if (payload > 0xffffffffu - 16) {
    out.mark_failed();
    return false;
  }
  const std::size_t bin_header = payload <= 0xff ? 2 : payload <= 0xffff ? 3 : 5;
  if (!out.start_writing(1 + 3 + bin_header)) return false;  // {"Ok": bin}
  Packer p(out);
  p.pack_map(1);
  codec_detail::pack_string(p, "Ok");
  p.pack_bin(static_cast<std::uint32_t>(payload));
  return true;
}

/// `Ok(ExternIO(value))` in one buffer of exactly its size: the payload is
/// counted first, so its bin header is written before it, and it is
/// encoded straight into place (no second buffer, no copy).
template <class T>
OutBuffer encode_ok(const T& value) {
  OutBuffer out = OutBuffer::counting();
  Packer p(out);
  encode_value(p, value);
  if (begin_ok(out)) encode_value(p, value);
  return out;
}

/// A zome call's first step, the same for every function (so not in the
/// template below): the ExternIO read in place, or in `out` the answer to
/// input that is not one.
inline bool read_extern_io(const std::uint8_t* input, std::size_t len, ExternIOView& io,
                           OutBuffer& out, std::string_view function) {
  DecodeError err;
  if (io.read(input, len, err)) return true;
  trace_decode_failure(function, "ExternIO (a msgpack bin)", err);
  out = encode_error(deserialize_error(input, len));
  return false;
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
/// decode ExternIO (failure: Deserialize(all input)), decode the argument
/// (failure: Deserialize(the ExternIO content)), release the input, call,
/// and encode `Ok(ExternIO(output))` or the function's `Err(WasmError)`.
/// The ExternIO is read in place, so the input is released only once the
/// argument is decoded, or, for an argument that points into it
/// (`borrows_input`, a BytesView), once the result is encoded;
/// `release_input` is called exactly once.
template <auto Fn, class Release>
OutBuffer run(const std::uint8_t* input, std::size_t len, Release&& release_input) {
  using Sig = ExternSignature<decltype(Fn)>;
  constexpr bool kBorrows = borrows_input<typename Sig::Input>;
  // Worked out while compiling: at run time, finding the name in
  // __PRETTY_FUNCTION__ was a quarter of a no-op call's guest instructions.
  constexpr std::string_view kFunction = function_name<Fn>();
  ExternIOView io;
  OutBuffer out;
  if (!read_extern_io(input, len, io, out, kFunction)) {
    release_input();
    return out;
  }

  DecodeError err;
  typename Sig::Input arg{};
  if (!io.decode(arg, err)) {
    trace_decode_failure(kFunction, type_name<typename Sig::Input>(), err);
    out = encode_error(deserialize_error(io.data, io.size));
    release_input();
    return out;
  }
  if constexpr (!kBorrows) {
    io = ExternIOView();
    release_input();
  }

  ExternResult<typename Sig::Output> result = [&]() {
    if constexpr (Sig::kTakesInput) {
      return Fn(std::move(arg));
    } else {
      return Fn();
    }
  }();
  if (!result) {
    out = encode_error(std::move(result).error());
  } else {
    out = encode_ok(result.value());
    if (out.failed()) out = OutBuffer();  // empty: the caller answers Memory
  }
  if constexpr (kBorrows) release_input();
  return out;
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

// A callback Holochain versions is exported under its newest version's name,
// as hdi's map_extern! does: `HDK_EXTERN(genesis_self_check)` is the export
// `genesis_self_check_2` (GenesisSelfCheckDataV2). Other names are as written.
#define HDK_DETAIL_EXPORT_NAME_genesis_self_check ~, "genesis_self_check_2"
#define HDK_DETAIL_PICK_SECOND_(a, b, ...) b
#define HDK_DETAIL_PICK_SECOND(...) HDK_DETAIL_PICK_SECOND_(__VA_ARGS__)
#define HDK_DETAIL_EXPORT_NAME(fn) HDK_DETAIL_PICK_SECOND(HDK_DETAIL_EXPORT_NAME_##fn, #fn, ~)

#if HDK_WASM
#define HDK_EXTERN(fn)                                                                 \
  extern "C" HDK_EXPORT(HDK_DETAIL_EXPORT_NAME(fn))::hdk::GuestPtrLen hdk_extern_##fn( \
      ::hdk::GuestPtr ptr, ::hdk::Len len) {                                           \
    return ::hdk::extern_detail::call_from_host<&fn>(ptr, len);                        \
  }                                                                                    \
  static_assert(true)
#else
#include "hdk/native.hpp"
#define HDK_EXTERN(fn)                                                              \
  [[maybe_unused]] static const ::hdk::native::ExternRegistration hdk_extern_##fn { \
    HDK_DETAIL_EXPORT_NAME(fn), &::hdk::native::call_from_host<&fn>                 \
  }
#endif

// The definition of trace_decode_failure needs the host functions, whose
// header needs this one: it comes at the end of hdk/host.hpp.
#include "hdk/host.hpp"
