// The host's typed errors. Every failure of loading, instantiating or calling
// a zome is a Fault with a kind a test can match and a message that names the
// module and, for calls, the function.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace hdk_host {

enum class FaultKind {
  InvalidModule,      // bytes that do not decode or validate as wasm
  MissingExport,      // memory, allocator or the called function is absent
  BadSignature,       // an export or import of the wrong wasm type
  UnknownImport,      // an import the host does not provide
  Trap,               // the guest trapped (unreachable, division by zero, ...)
  OutOfBounds,        // a (ptr, len) outside guest memory, or a guest access outside it
  MemoryLimit,        // memory growth past the configured limit
  BudgetExhausted,    // interp: instruction budget used up
  DeadlineExceeded,   // aot: wall-clock deadline passed
  AllocationFailed,   // __hc__allocate_1 returned 0
  BadResult,          // result bytes that are not a Result<ExternIO, WasmError>
  HostError,          // a host function failed outside the guest's control
  PayloadTooLarge,    // an input that cannot fit in wasm32 memory (4 GiB)
  EngineUnavailable,  // the engine cannot run here (no compiler, no library)
  Compile,            // the engine failed to compile the module
  GenesisFailed,      // genesis_self_check refused an agent (GenesisSelfCheckFailed)
};

std::string_view to_string(FaultKind kind);

class Fault : public std::runtime_error {
 public:
  Fault(FaultKind kind, std::string message)
      : std::runtime_error(std::move(message)), kind_(kind) {}
  FaultKind kind() const { return kind_; }

 private:
  FaultKind kind_;
};

/// An agent's install refused by the DNA: its integrity zome's
/// genesis_self_check answered Invalid (or failed), as a conductor refuses
/// the app install with CellGenesisFailed. `reason()` is what the zome said.
class GenesisSelfCheckFailed : public Fault {
 public:
  GenesisSelfCheckFailed(std::string zome, std::string reason)
      : Fault(FaultKind::GenesisFailed,
              "genesis_self_check of zome `" + zome + "` refused the agent: " + reason),
        zome_(std::move(zome)),
        reason_(std::move(reason)) {}
  const std::string& zome() const { return zome_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string zome_;
  std::string reason_;
};

inline std::string_view to_string(FaultKind kind) {
  switch (kind) {
    case FaultKind::InvalidModule:
      return "invalid module";
    case FaultKind::MissingExport:
      return "missing export";
    case FaultKind::BadSignature:
      return "bad signature";
    case FaultKind::UnknownImport:
      return "unknown import";
    case FaultKind::Trap:
      return "guest trap";
    case FaultKind::OutOfBounds:
      return "out of bounds";
    case FaultKind::MemoryLimit:
      return "memory limit";
    case FaultKind::BudgetExhausted:
      return "instruction budget exhausted";
    case FaultKind::DeadlineExceeded:
      return "deadline exceeded";
    case FaultKind::AllocationFailed:
      return "guest allocation failed";
    case FaultKind::BadResult:
      return "malformed result";
    case FaultKind::HostError:
      return "host error";
    case FaultKind::PayloadTooLarge:
      return "payload too large";
    case FaultKind::EngineUnavailable:
      return "engine unavailable";
    case FaultKind::Compile:
      return "compile error";
    case FaultKind::GenesisFailed:
      return "genesis failed";
  }
  return "fault";
}

}  // namespace hdk_host
