// What a module must look like for a Holochain conductor to run it: the rules
// hdk-check reports on and the host enforces before any call.
#pragma once

#include <string>
#include <vector>

#include "hdk_host/engine.hpp"
#include "hdk_host/fault.hpp"

namespace hdk_host {

/// One reason a conductor would refuse the module, with the Fault kind the
/// host raises for it (so callers need not guess the kind from the wording).
struct AbiError {
  FaultKind kind;
  std::string text;
};

struct AbiReport {
  std::vector<AbiError> errors;
  /// The zome functions: exports of type (i32, i32) -> i64 other than the ABI's own.
  std::vector<std::string> zome_functions;
  /// Imported host functions the host stub links but answers with Err(Host):
  /// a conductor runs the module, the stub until one is called.
  std::vector<std::string> unprovided_host_functions;
  /// Holochain's const functions the module exports (`__num_entry_types`,
  /// `__num_link_types`, both () -> i32): an integrity zome's type counts.
  std::vector<std::string> const_functions;
  bool ok() const { return errors.empty(); }
};

/// Checks imports (only `env.__hc__*` functions of type (i32, i32) -> i64
/// that the release in hdk/release.hpp provides: an absent one is refused
/// with the reason, as a conductor fails to instantiate it) and exports (`memory`,
/// `__hc__allocate_1` (i32) -> i32, `__hc__deallocate_1` (i32, i32) -> (), `__num_entry_types` and
/// `__num_link_types` () -> i32, every other function (i32, i32) -> i64).
AbiReport check_zome_abi(const std::vector<ImportDesc>& imports,
                         const std::vector<ExportDesc>& exports);

}  // namespace hdk_host
