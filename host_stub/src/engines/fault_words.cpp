#include "fault_words.hpp"

namespace hdk_host::fault_words {

std::string_view describe(TrapReason reason) {
  switch (reason) {
    case TrapReason::Unreachable:
      return "unreachable executed";
    case TrapReason::DivideByZero:
      return "integer divide by zero";
    case TrapReason::IntegerOverflow:
      return "integer overflow";
    case TrapReason::InvalidConversion:
      return "invalid conversion to integer";
    case TrapReason::OutOfBounds:
      return "out of bounds memory or table access";
    case TrapReason::IndirectCall:
      return "indirect call to a missing or mismatched function";
    case TrapReason::CallStackExhausted:
      return "call stack exhausted";
    case TrapReason::UncaughtException:
      return "uncaught exception";
    case TrapReason::Unknown:
      break;
  }
  return "unknown trap";
}

namespace {

std::string reason_text(TrapReason reason, std::string_view detail) {
  if (reason == TrapReason::Unknown && !detail.empty()) return std::string(detail);
  return std::string(describe(reason));
}

}  // namespace

std::string call_site(std::string_view label, std::string_view function) {
  return std::string(label) + ": `" + std::string(function) + "`";
}

Fault trap(const std::string& where, TrapReason reason, std::string_view detail) {
  const FaultKind kind =
      reason == TrapReason::OutOfBounds ? FaultKind::OutOfBounds : FaultKind::Trap;
  return Fault(kind, where + " trapped: " + reason_text(reason, detail));
}

Fault instantiation_failed(std::string_view label, TrapReason reason, std::string_view detail) {
  return Fault(FaultKind::Trap,
               std::string(label) + ": instantiation failed: " + reason_text(reason, detail));
}

Fault budget_exhausted(const std::string& where, std::uint64_t budget) {
  return Fault(FaultKind::BudgetExhausted,
               where + " ran out of its budget of " + std::to_string(budget) + " instructions");
}

Fault deadline_exceeded(const std::string& where, std::chrono::milliseconds deadline) {
  return Fault(FaultKind::DeadlineExceeded,
               where + " ran past its deadline of " + std::to_string(deadline.count()) + " ms");
}

Fault missing_export(std::string_view label, std::string_view name) {
  return Fault(FaultKind::MissingExport,
               std::string(label) + ": no export `" + std::string(name) + "`");
}

Fault export_not_a_function(std::string_view label, std::string_view name, std::string_view kind,
                            const std::string& expected) {
  return Fault(FaultKind::BadSignature, std::string(label) + ": export `" + std::string(name) +
                                            "` is a " + std::string(kind) +
                                            ", not a function of type " + expected);
}

Fault export_of_wrong_type(std::string_view label, std::string_view name, const std::string& actual,
                           const std::string& expected) {
  return Fault(FaultKind::BadSignature, std::string(label) + ": export `" + std::string(name) +
                                            "` has type " + actual + ", expected " + expected);
}

}  // namespace hdk_host::fault_words
