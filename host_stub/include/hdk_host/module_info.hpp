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

/// The imports and exports alone, read from the sections that declare them:
/// the code and data sections are not read and nothing is validated, so this
/// costs microseconds where read_module_info costs a full decode (over a
/// second for a 10 MB module). For checking a module's interface before an
/// engine's compile, which validates. Throws Fault(InvalidModule) as
/// read_module_info does when those sections cannot be read.
ModuleInfo read_module_interface(std::span<const std::uint8_t> wasm, std::string_view label);

}  // namespace hdk_host
