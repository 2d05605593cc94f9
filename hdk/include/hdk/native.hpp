// Native mode: the zome's sources compiled for the machine running the tests,
// as a shared library the host stub loads. HDK_EXTERN registers each function
// here; host calls go to the host through the function pointer it passed in
// for the current call. (proxy-wasm's "null VM" plays the same trick.)
#pragma once

#if !HDK_WASM

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/error.hpp"
#include "hdk/extern.hpp"
#include "hdk/native_abi.hpp"

namespace hdk::native {

using ExternEntry = std::vector<std::uint8_t> (*)(const std::uint8_t* in, std::size_t len);

struct RegisteredExtern {
  const char* name;
  ExternEntry entry;
};

// Each native zome library has its own registry: zome libraries are built with
// hidden visibility, so this function-local static is not shared between them.
inline std::vector<RegisteredExtern>& registry() {
  static std::vector<RegisteredExtern> externs;
  return externs;
}

struct ExternRegistration {
  ExternRegistration(const char* name, ExternEntry entry) { registry().push_back({name, entry}); }
};

/// Holochain's const functions (`__num_entry_types`), registered like externs.
struct RegisteredConst {
  const char* name;
  std::int32_t (*value)();
};
inline std::vector<RegisteredConst>& const_registry() {
  static std::vector<RegisteredConst> consts;
  return consts;
}
struct ConstRegistration {
  ConstRegistration(const char* name, std::int32_t (*value)()) {
    const_registry().push_back({name, value});
  }
};

/// The host of the zome call running on this thread.
struct HostBinding {
  hdk_native_host_call call = nullptr;
  void* ctx = nullptr;
};
inline HostBinding& current_host() {
  thread_local HostBinding binding;
  return binding;
}

/// Thrown through zome code (natively only) when the host ends the zome call
/// from inside a host function, as a trap does in wasm.
struct ShortCircuit {
  std::vector<std::uint8_t> result;
};

inline void append_to_vector(void* sink, const std::uint8_t* bytes, std::size_t len) {
  auto* out = static_cast<std::vector<std::uint8_t>*>(sink);
  out->insert(out->end(), bytes, bytes + len);
}

template <auto Fn>
std::vector<std::uint8_t> call_from_host(const std::uint8_t* in, std::size_t len) {
  OutBuffer out = extern_detail::run<Fn>(in, len, [] {});
  if (out.failed() || out.size() == 0)
    out = extern_detail::encode_error(HDK_WASM_ERROR(wasm_error_inner::Memory{}));
  return out.to_vector();
}

/// Sends an encoded host-function input to the host; returns the encoded
/// `Result<Output, WasmError>` the host wrote.
inline std::vector<std::uint8_t> call_host(const char* import_name, const OutBuffer& input) {
  std::vector<std::uint8_t> result;
  const HostBinding host = current_host();
  if (host.call == nullptr) {
    return encode_to_vector(ExternResult<Unit>(HDK_WASM_ERROR(
        wasm_error_inner::Host{std::string("no host bound for ") + import_name +
                               ": native zome functions run inside a host stub call"})));
  }
  const int status =
      host.call(host.ctx, import_name, reinterpret_cast<const std::uint8_t*>(input.data()),
                input.size(), &result, &append_to_vector);
  if (status == HDK_NATIVE_SHORT_CIRCUIT) {
#if defined(__cpp_exceptions)
    throw ShortCircuit{std::move(result)};
#else
    std::abort();
#endif
  }
  if (status != HDK_NATIVE_OK) {
    return encode_to_vector(ExternResult<Unit>(HDK_WASM_ERROR(
        wasm_error_inner::Host{std::string("the host does not provide ") + import_name})));
  }
  return result;
}

namespace entry {
inline std::size_t extern_count() { return registry().size(); }
inline const char* extern_name(std::size_t index) {
  return index < registry().size() ? registry()[index].name : nullptr;
}
inline int call(const char* name, const std::uint8_t* in, std::size_t len,
                hdk_native_host_call host, void* host_ctx, void* sink_ctx, hdk_native_sink sink) {
  for (const auto& ext : registry()) {
    if (std::strcmp(ext.name, name) != 0) continue;
    // Calls nest (a zome calling through the host into itself): restore after.
    const HostBinding saved = current_host();
    current_host() = HostBinding{host, host_ctx};
    int status = HDK_NATIVE_OK;
    std::vector<std::uint8_t> out;
#if defined(__cpp_exceptions)
    try {
      out = ext.entry(in, len);
    } catch (ShortCircuit& sc) {
      out = std::move(sc.result);
      status = HDK_NATIVE_SHORT_CIRCUIT;
    }
#else
    out = ext.entry(in, len);
#endif
    current_host() = saved;
    sink(sink_ctx, out.data(), out.size());
    return status;
  }
  return HDK_NATIVE_UNKNOWN_NAME;
}
inline int const_value(const char* name, std::int32_t* value) {
  for (const auto& c : const_registry()) {
    if (std::strcmp(c.name, name) != 0) continue;
    *value = c.value();
    return HDK_NATIVE_OK;
  }
  return HDK_NATIVE_UNKNOWN_NAME;
}
inline const hdk_native_zome* table() {
  static const hdk_native_zome zome{HDK_NATIVE_ABI_VERSION, &extern_count, &extern_name, &call,
                                    &const_value};
  return &zome;
}
}  // namespace entry

}  // namespace hdk::native

// The native zome library's one exported symbol (weak: one per library).
extern "C" __attribute__((weak, visibility("default"))) const hdk_native_zome*
hdk_native_zome_v2() {
  return hdk::native::entry::table();
}

#endif  // !HDK_WASM
