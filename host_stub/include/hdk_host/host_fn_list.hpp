// The host's view of hdk/host_fns.def: the same list, as ids and import names.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <hdk/types.hpp>

namespace hdk_host {

enum class HostFnId : std::size_t {
#define HDK_HOST_FN(name, version, Input, Output) name##_##version,
#include <hdk/host_fns.def>
#undef HDK_HOST_FN
};

struct HostFnInfo {
  std::string_view name;         // "trace"
  unsigned version;              // 1
  std::string_view import_name;  // "__hc__trace_1"
};

inline constexpr std::array kHostFunctions = {
#define HDK_HOST_FN(name, version, Input, Output) \
  HostFnInfo{#name, version, "__hc__" #name "_" #version},
#include <hdk/host_fns.def>
#undef HDK_HOST_FN
};

/// The host function a wasm import name (`__hc__trace_1`) refers to.
inline std::optional<HostFnId> find_host_fn(std::string_view import_name) {
  for (std::size_t i = 0; i < kHostFunctions.size(); ++i)
    if (kHostFunctions[i].import_name == import_name) return static_cast<HostFnId>(i);
  return std::nullopt;
}

}  // namespace hdk_host
