// The zome author's host calls, in the Rust hdk's names.
#pragma once

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <string>

#include "hdk/host.hpp"

namespace hdk {

/// Writes a message to the host's trace log at `level`.
inline ExternResult<Unit> trace(Level level, std::string msg) {
  return host_fn::trace(TraceMsg{std::move(msg), level});
}

/// The host's current time.
inline ExternResult<Timestamp> sys_time() { return host_fn::sys_time(Unit{}); }

/// `count` cryptographically random bytes from the host.
inline ExternResult<Bytes> random_bytes(std::uint32_t count) { return host_fn::random_bytes(count); }

namespace api_detail {
inline std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
inline std::string format(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  char small[256];
  const int n = std::vsnprintf(small, sizeof small, fmt, args);
  va_end(args);
  if (n < 0) return {};
  if (static_cast<std::size_t>(n) < sizeof small) return std::string(small, static_cast<std::size_t>(n));
  std::string out(static_cast<std::size_t>(n), '\0');
  va_start(args, fmt);
  std::vsnprintf(out.data(), out.size() + 1, fmt, args);
  va_end(args);
  return out;
}
}  // namespace api_detail

}  // namespace hdk

/// printf-style debug trace, like the Rust hdk's `debug!`: file and line first.
#define HDK_DEBUG(...)                                                                       \
  (void)::hdk::trace(::hdk::Level::DEBUG, ::hdk::api_detail::format("%s:%d: ", HDK_MODULE_PATH, \
                                                                   __LINE__) +             \
                                             ::hdk::api_detail::format(__VA_ARGS__))
