#include "hdk_host/uninterruptible.hpp"

#include <string>

namespace hdk_host {

std::optional<Fault> refuse_unenforceable_deadline(std::string_view engine, const Limits& limits) {
  if (limits.deadline.count() <= 0 || limits.allow_uninterruptible) return std::nullopt;
  return Fault(FaultKind::EngineUnavailable,
               std::string(engine) + " cannot interrupt a call, so it cannot keep a deadline of " +
                   std::to_string(limits.deadline.count()) +
                   " ms; set Limits::deadline to 0 or Limits::allow_uninterruptible to run "
                   "without one, or use aot or interp");
}

}  // namespace hdk_host
