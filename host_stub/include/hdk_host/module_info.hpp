// A module's imports and exports, read from its bytes with wabt's reader,
// without compiling or running it.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "hdk_host/engine.hpp"

namespace hdk_host {

struct ModuleInfo {
  std::vector<ImportDesc> imports;
  std::vector<ExportDesc> exports;
};

/// Reads and validates `wasm`; throws Fault(InvalidModule) naming `label`
/// with wabt's first error when the bytes are not a valid module.
ModuleInfo read_module_info(std::span<const std::uint8_t> wasm, std::string_view label);

}  // namespace hdk_host
