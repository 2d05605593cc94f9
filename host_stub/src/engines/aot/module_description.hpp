// A module's imports and exports as one line-based text, stored in its
// compiled object so a file-cache hit need not parse and validate the wasm
// again (the cache key already stands for exactly those bytes).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "hdk_host/module_info.hpp"

namespace hdk_host::aot {

/// One line per import ("I") then export ("E"): kind, "params:results",
/// module and name in hex. Only [0-9a-zA-Z :] and newlines, safe in a C string.
std::string describe_module(const ModuleInfo& info);

/// The inverse; nullopt for text describe_module did not write.
std::optional<ModuleInfo> parse_module_description(std::string_view text);

}  // namespace hdk_host::aot
