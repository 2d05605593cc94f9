// How every engine words the Faults a guest causes, so that the same missing
// export, trap or runaway reads the same on interp, aot and wasm-c-api. Each
// engine finds the TrapReason from its own trap codes (wasm2c's
// wasm_rt_trap_t through the aot glue, wabt's fixed trap reasons, the C
// API's messages where it has nothing else) and lets this file say it.
//
// C++17, like interp_wabt.cpp, which includes it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "hdk_host/fault.hpp"

namespace hdk_host::fault_words {

/// Why a guest trapped, as the wasm spec names trap conditions.
enum class TrapReason {
  Unreachable,
  DivideByZero,
  IntegerOverflow,
  InvalidConversion,
  OutOfBounds,         // a memory or table access outside it: FaultKind::OutOfBounds
  IndirectCall,        // call_indirect to a missing or mismatched function
  CallStackExhausted,  // deep recursion
  UncaughtException,
  Unknown,
};

/// "unreachable executed", "integer divide by zero", ...
std::string_view describe(TrapReason reason);

/// "LABEL: `NAME`": the call a message is about.
std::string call_site(std::string_view label, std::string_view function);

/// `where` trapped: FaultKind::OutOfBounds for OutOfBounds, Trap otherwise.
/// `detail` is said only for an Unknown reason (the engine's own words).
Fault trap(const std::string& where, TrapReason reason, std::string_view detail = {});
/// A start function or data segment that failed: always FaultKind::Trap.
Fault instantiation_failed(std::string_view label, TrapReason reason, std::string_view detail = {});

Fault budget_exhausted(const std::string& where, std::uint64_t budget);
Fault deadline_exceeded(const std::string& where, std::chrono::milliseconds deadline);

Fault missing_export(std::string_view label, std::string_view name);
/// `kind` as engine.hpp's to_string(ExternKind) says it; types as describe(FuncType).
Fault export_not_a_function(std::string_view label, std::string_view name, std::string_view kind,
                            const std::string& expected);
Fault export_of_wrong_type(std::string_view label, std::string_view name, const std::string& actual,
                           const std::string& expected);

}  // namespace hdk_host::fault_words
