// The C interface between a zome built natively (a shared library of the
// same sources, for native-mode tests) and the host stub that loads it. Both
// sides include this header; bytes on it are the same msgpack as in wasm.
#pragma once

#include <cstddef>
#include <cstdint>

extern "C" {

/// Receives bytes (copied before returning) into `sink_ctx`.
typedef void (*hdk_native_sink)(void* sink_ctx, const std::uint8_t* bytes, std::size_t len);

enum hdk_native_status : int {
  HDK_NATIVE_OK = 0,             // the sink holds the result bytes
  HDK_NATIVE_UNKNOWN_NAME = 1,   // no such extern / host function
  HDK_NATIVE_SHORT_CIRCUIT = 2,  // the sink holds the encoded result of the whole zome call
};

/// The host's side of a host-function call: `import_name` is the wasm import
/// name (`__hc__trace_1`), `in` the encoded input. The host writes the encoded
/// `Result<Output, WasmError>` to the sink and returns HDK_NATIVE_OK, or
/// writes a short-circuit payload and returns HDK_NATIVE_SHORT_CIRCUIT.
typedef int (*hdk_native_host_call)(void* host_ctx, const char* import_name, const std::uint8_t* in,
                                    std::size_t in_len, void* sink_ctx, hdk_native_sink sink);

struct hdk_native_zome {
  std::uint32_t abi_version;  // HDK_NATIVE_ABI_VERSION
  std::size_t (*extern_count)(void);
  const char* (*extern_name)(std::size_t index);
  /// Runs extern `name` on `in` (the encoded ExternIO input) and writes the
  /// encoded `Result<ExternIO, WasmError>` to the sink. Host calls made
  /// meanwhile go to `host` with `host_ctx`.
  int (*call)(const char* name, const std::uint8_t* in, std::size_t in_len,
              hdk_native_host_call host, void* host_ctx, void* sink_ctx, hdk_native_sink sink);
  /// The value of const function `name` (`__num_entry_types`): HDK_NATIVE_OK
  /// with `*value` set, or HDK_NATIVE_UNKNOWN_NAME.
  int (*const_value)(const char* name, std::int32_t* value);
};

/// The one symbol a native zome library exports.
typedef const hdk_native_zome* (*hdk_native_zome_entry)(void);
}

#define HDK_NATIVE_ABI_VERSION 2u
#define HDK_NATIVE_ENTRY_SYMBOL "hdk_native_zome_v2"
