// Where a module uses float and SIMD instructions, function by function, read
// from its code section with wabt's binary reader (hdk-check --determinism).
// Wasm is deterministic except for the bits of the NaNs that float arithmetic
// makes (and SIMD, whose relaxed forms are not deterministic at all), so this
// is the code a validation callback must not depend on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hdk_host {

struct FunctionFloatUse {
  /// The export's name, else the name section's, else "func[INDEX]".
  std::string name;
  std::uint32_t index = 0;  // in the function index space (imports first)
  /// Instruction name ("f64.div") -> how many times the body uses it.
  /// Instructions that only move a float's bits (loads, stores, constants,
  /// reinterprets) are left out: they are exact.
  std::map<std::string, std::size_t> float_ops;
  std::map<std::string, std::size_t> simd_ops;
  /// Uses an instruction whose NaN results the engine chooses: float
  /// arithmetic, rounding, min/max, promote/demote, or any SIMD.
  bool may_make_nans = false;
};

struct FloatUseReport {
  /// Only the functions that use a float or SIMD instruction, by index.
  std::vector<FunctionFloatUse> functions;
  /// Whether the module plays the integrity role: it exports `validate`
  /// (Holochain calls it only in integrity zomes) or the integrity zome's
  /// `entry_defs`, `__num_entry_types` or `__num_link_types`.
  bool integrity = false;
  std::vector<std::string> integrity_exports;  // which of those it exports
  bool any_nan_makers() const {
    for (const auto& f : functions)
      if (f.may_make_nans) return true;
    return false;
  }
};

/// Throws Fault(InvalidModule) naming `label` when `wasm` cannot be read.
FloatUseReport read_float_use(std::span<const std::uint8_t> wasm, std::string_view label);

}  // namespace hdk_host
