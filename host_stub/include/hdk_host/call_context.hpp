// What the host functions of one zome call see and leave behind.
#pragma once

#include <string>
#include <vector>

#include <hdk/host_fn_access.hpp>
#include <hdk/types.hpp>

namespace hdk_host {

namespace world {
class CallEnv;
}

struct TraceLine {
  hdk::Level level = hdk::Level::INFO;
  std::string msg;
};

struct CallContext {
  std::string zome;
  std::string function;
  /// Messages the zome traced, in order.
  std::vector<TraceLine> trace;
  /// Also print each trace line to stderr as it arrives.
  bool echo_trace = false;
  /// The cell, DHT and workspace the call runs in (hdk_host/world.hpp).
  /// Null for a bare Host::call: then the chain, DHT and crypto host
  /// functions answer with a Host error.
  world::CallEnv* world = nullptr;
  /// What the conductor is running: it decides which host functions the
  /// guest may call (hdk/host_fn_access.hpp).
  hdk::host_fn_access::Callback callback = hdk::host_fn_access::Callback::ZomeCall;
};

}  // namespace hdk_host
