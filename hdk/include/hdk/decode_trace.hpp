// What a zome traces when its input does not decode (see
// extern_detail::trace_decode_failure in hdk/extern.hpp): one ERROR line
// through the trace host function, beside the `Deserialize(bytes)` the wire
// answer carries, so that a conductor's log, hdk-run and the Scenario's
// trace say which type and which field failed.
#pragma once

#include <string>
#include <string_view>

#include "hdk/host.hpp"

namespace hdk::extern_detail {

inline void trace_decode_failure(std::string_view function, std::string_view expected,
                                 const DecodeError& err) {
  std::string msg = "hdk: the input of `";
  msg += function;
  msg += "` does not decode as `";
  msg += expected;
  msg += "`: ";
  msg += err.message.empty() ? std::string_view("invalid input") : std::string_view(err.message);
  // The answer is Deserialize whatever becomes of the trace.
  (void)host_fn::trace(TraceMsg{std::move(msg), Level::ERROR});
}

}  // namespace hdk::extern_detail
