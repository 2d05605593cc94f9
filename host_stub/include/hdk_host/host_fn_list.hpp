// The host's view of hdk/host_fns.def: the functions the release links, as
// ids, import names and the permissions they need; and the names it does not
// link, with why.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <hdk/host_fn_access.hpp>
#include <hdk/types.hpp>

namespace hdk_host {

enum class HostFnId : std::size_t {
#define HDK_HOST_FN(name, version, Input, Output, access) name##_##version,
#include <hdk/host_fns.def>
#undef HDK_HOST_FN
};

struct HostFnInfo {
  std::string_view name;         // "trace"
  unsigned version;              // 1
  std::string_view import_name;  // "__hc__trace_1"
  std::uint16_t access;          // hdk::host_fn_access permissions it needs
};

namespace host_fn_list_detail {
using namespace ::hdk::host_fn_access;
inline constexpr std::array kProvided = {
#define HDK_HOST_FN(name, version, Input, Output, access) \
  HostFnInfo{#name, version, "__hc__" #name "_" #version, static_cast<std::uint16_t>(access)},
#include <hdk/host_fns.def>
#undef HDK_HOST_FN
};
}  // namespace host_fn_list_detail

/// Every host function the release links, in hdk/host_fns.def's order
/// (kHostFunctions[i] is HostFnId i).
inline constexpr auto& kHostFunctions = host_fn_list_detail::kProvided;

/// An import name the release does not link, and why.
struct AbsentHostFnInfo {
  std::string_view import_name;
  std::string_view why;
};

inline constexpr std::array kAbsentHostFunctions = {
#define HDK_HOST_FN(name, version, Input, Output, access)
#define HDK_HOST_FN_ABSENT(name, version, why) AbsentHostFnInfo{"__hc__" #name "_" #version, why},
#include <hdk/host_fns.def>
#undef HDK_HOST_FN_ABSENT
#undef HDK_HOST_FN
};

/// The host function a wasm import name (`__hc__trace_1`) refers to.
inline std::optional<HostFnId> find_host_fn(std::string_view import_name) {
  for (std::size_t i = 0; i < kHostFunctions.size(); ++i)
    if (kHostFunctions[i].import_name == import_name) return static_cast<HostFnId>(i);
  return std::nullopt;
}

/// Why the release does not link `import_name`, if it is a name it knows of.
inline const AbsentHostFnInfo* find_absent_host_fn(std::string_view import_name) {
  for (const auto& absent : kAbsentHostFunctions)
    if (absent.import_name == import_name) return &absent;
  return nullptr;
}

inline const HostFnInfo& host_fn_info(HostFnId id) {
  return kHostFunctions[static_cast<std::size_t>(id)];
}

}  // namespace hdk_host
