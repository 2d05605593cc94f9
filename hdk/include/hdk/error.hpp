// Holochain's WasmError, and ExternResult<T>: what every zome function and
// host call returns, without exceptions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "hdk/codec.hpp"

namespace hdk {

/// holochain_serialized_bytes::SerializedBytesError.
namespace serialized_bytes_error {
struct Serialize {
  std::string message;
  HDK_NEWTYPE_VARIANT(Serialize, message);
};
struct Deserialize {
  std::string message;
  HDK_NEWTYPE_VARIANT(Deserialize, message);
};
}  // namespace serialized_bytes_error
using SerializedBytesError =
    std::variant<serialized_bytes_error::Serialize, serialized_bytes_error::Deserialize>;

/// WasmErrorInner's variants, in Holochain's order.
namespace wasm_error_inner {
struct PointerMap {
  HDK_UNIT_VARIANT(PointerMap);
};
/// The bytes that failed to decode (serde_bytes: bin on the wire).
struct Deserialize {
  Bytes bytes;
  HDK_NEWTYPE_VARIANT(Deserialize, bytes);
};
struct Serialize {
  SerializedBytesError error;
  HDK_NEWTYPE_VARIANT(Serialize, error);
};
struct ErrorWhileError {
  HDK_UNIT_VARIANT(ErrorWhileError);
};
struct Memory {
  HDK_UNIT_VARIANT(Memory);
};
/// A zome author's own failure.
struct Guest {
  std::string message;
  HDK_NEWTYPE_VARIANT(Guest, message);
};
struct Host {
  std::string message;
  HDK_NEWTYPE_VARIANT(Host, message);
};
/// Not serde_bytes in Holochain: an array of integers on the wire.
struct HostShortCircuit {
  std::vector<std::uint8_t> bytes;
  HDK_NEWTYPE_VARIANT(HostShortCircuit, bytes);
};
struct ModuleBuild {
  std::string message;
  HDK_NEWTYPE_VARIANT(ModuleBuild, message);
};
struct ModuleSerialize {
  std::string message;
  HDK_NEWTYPE_VARIANT(ModuleSerialize, message);
};
struct ModuleDeserialize {
  std::string message;
  HDK_NEWTYPE_VARIANT(ModuleDeserialize, message);
};
struct CallError {
  std::string message;
  HDK_NEWTYPE_VARIANT(CallError, message);
};
}  // namespace wasm_error_inner

using WasmErrorInner =
    std::variant<wasm_error_inner::PointerMap, wasm_error_inner::Deserialize,
                 wasm_error_inner::Serialize, wasm_error_inner::ErrorWhileError,
                 wasm_error_inner::Memory, wasm_error_inner::Guest, wasm_error_inner::Host,
                 wasm_error_inner::HostShortCircuit, wasm_error_inner::ModuleBuild,
                 wasm_error_inner::ModuleSerialize, wasm_error_inner::ModuleDeserialize,
                 wasm_error_inner::CallError>;

struct WasmError {
  std::string module_path;
  std::uint32_t line = 0;
  WasmErrorInner error;
  HDK_STRUCT(module_path, line, error);

  /// The variant's name ("Guest", "Deserialize", ...), for messages and tests.
  std::string_view kind() const {
    return std::visit(
        [](const auto& inner) { return std::decay_t<decltype(inner)>::hdk_variant_name; }, error);
  }
  /// The message of a Guest, Host, CallError or Module* error; empty otherwise.
  std::string message() const {
    return std::visit(
        [](const auto& inner) -> std::string {
          if constexpr (std::is_same_v<decltype(inner.hdk_tie()), std::tuple<const std::string&>>)
            return std::get<0>(inner.hdk_tie());
          else
            return {};
        },
        error);
  }
};

/// Builds a WasmError; `module_path` and `line` say where it was raised.
inline WasmError make_wasm_error(WasmErrorInner inner, std::string module_path,
                                 std::uint32_t line) {
  return WasmError{std::move(module_path), line, std::move(inner)};
}

/// Result<T, WasmError>: a zome function's or host call's outcome.
/// Converts implicitly from a T (success) and from a WasmError (failure), so
/// `return value;` and `return HDK_ERROR("...");` both read naturally.
template <class T>
class [[nodiscard]] ExternResult {
 public:
  using value_type = T;

  /// An error with no details: the state a decoder fills in.
  ExternResult() : state_(std::in_place_index<1>) {}

  ExternResult(T value) : state_(std::in_place_index<0>, std::move(value)) {}          // NOLINT
  ExternResult(WasmError error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool is_ok() const { return state_.index() == 0; }
  bool is_err() const { return state_.index() == 1; }
  explicit operator bool() const { return is_ok(); }

  /// The value; only when is_ok().
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  /// The error; only when is_err().
  WasmError& error() & { return std::get<1>(state_); }
  const WasmError& error() const& { return std::get<1>(state_); }
  WasmError&& error() && { return std::get<1>(std::move(state_)); }

  T value_or(T fallback) const& { return is_ok() ? value() : std::move(fallback); }

 private:
  std::variant<T, WasmError> state_;
};

template <class T>
struct Codec<ExternResult<T>> {
  static void encode(Packer& p, const ExternResult<T>& r) {
    p.pack_map(1);
    if (r.is_ok()) {
      codec_detail::pack_string(p, "Ok");
      encode_value(p, r.value());
    } else {
      codec_detail::pack_string(p, "Err");
      encode_value(p, r.error());
    }
  }
  static bool decode(const msgpack::object& o, ExternResult<T>& out, DecodeError& err) {
    if (o.type != msgpack::type::MAP || o.via.map.size != 1)
      return codec_detail::mismatch(o, "Result (one-entry map)", err);
    const auto& entry = o.via.map.ptr[0];
    if (codec_detail::identifier_is(entry.key, "Ok", 0)) {
      T value{};
      if (!decode_value(entry.val, value, err)) return false;
      out = ExternResult<T>(std::move(value));
      return true;
    }
    if (codec_detail::identifier_is(entry.key, "Err", 1)) {
      WasmError e;
      if (!decode_value(entry.val, e, err)) return false;
      out = ExternResult<T>(std::move(e));
      return true;
    }
    err.message = "expected `Ok` or `Err`";
    return false;
  }
};

}  // namespace hdk

// Where an error was raised: the source file's name (no directories, so builds
// do not embed the machine's paths) and line, as Rust's module_path!/line!.
#if defined(__FILE_NAME__)
#define HDK_MODULE_PATH __FILE_NAME__
#else
#define HDK_MODULE_PATH __FILE__
#endif

/// A WasmError with any inner variant, located here.
#define HDK_WASM_ERROR(inner) ::hdk::make_wasm_error((inner), HDK_MODULE_PATH, __LINE__)
/// The usual zome failure: WasmErrorInner::Guest(message), located here.
#define HDK_ERROR(message)                                                                      \
  ::hdk::make_wasm_error(::hdk::wasm_error_inner::Guest{std::string(message)}, HDK_MODULE_PATH, \
                         __LINE__)

#define HDK_DETAIL_CONCAT2_(a, b) a##b
#define HDK_DETAIL_CONCAT_(a, b) HDK_DETAIL_CONCAT2_(a, b)
#define HDK_DETAIL_TRY_(decl, expr, tmp)   \
  auto tmp = (expr);                       \
  if (!tmp) return std::move(tmp).error(); \
  decl = std::move(tmp).value()
/// Rust's `?`: `HDK_TRY(auto post, get_post(hash));` declares `post` from
/// an ExternResult, or returns its error from the enclosing function.
#define HDK_TRY(decl, expr) HDK_DETAIL_TRY_(decl, expr, HDK_DETAIL_CONCAT_(hdk_try_, __COUNTER__))
