// Host functions that report on the world outside the zome: time, randomness, tracing.
#include <chrono>
#include <iostream>

#include <sodium.h>

#include "hdk_host/host_functions.hpp"
#include "hdk_host/world.hpp"
#include "hdk_host/world_inputs.hpp"

namespace hdk_host::host_fns {

hdk::ExternResult<hdk::Unit> trace_1(CallContext& context, const hdk::TraceMsg& input) {
  context.trace.push_back(TraceLine{input.level, input.msg});
  if (context.echo_trace) std::cerr << "[" << context.zome << "] " << input.msg << "\n";
  return hdk::Unit{};
}

hdk::ExternResult<hdk::Timestamp> sys_time_1(CallContext& context, const hdk::Unit&) {
  // A cell's clock may be a fixed one (hdk_host/world_inputs.hpp).
  if (context.world) return context.world->inputs().now();
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return hdk::Timestamp{std::chrono::duration_cast<std::chrono::microseconds>(now).count()};
}

hdk::ExternResult<hdk::Bytes> random_bytes_1(CallContext& context, const std::uint32_t& count) {
  // Bounded so a zome cannot make the host allocate gigabytes by asking.
  constexpr std::uint32_t kMaxRandomBytes = 64u << 20;
  if (count > kMaxRandomBytes)
    return HDK_WASM_ERROR(hdk::wasm_error_inner::Host{"random_bytes: at most 64 MiB per call"});
  if (sodium_init() < 0)
    return HDK_WASM_ERROR(hdk::wasm_error_inner::Host{"libsodium failed to initialise"});
  hdk::Bytes out(count);
  if (context.world) {
    context.world->inputs().random(out);
    return out;
  }
  randombytes_buf(out.data(), out.size());
  return out;
}

}  // namespace hdk_host::host_fns
