// Which callbacks may call which host functions, as a conductor decides it
// (holochain_types::access::HostFnAccess and each callback's grant in
// holochain's ribosome/guest_callback/). A host function needs some
// permissions (the `access` column of hdk/host_fns.def); a callback grants
// some; the call is allowed when every needed one is granted.
#pragma once

#include <cstdint>

namespace hdk::host_fn_access {

/// HostFnAccess's permissions, one bit each.
enum Permission : std::uint16_t {
  always = 0,  // needs nothing: allowed everywhere
  agent_info = 1u << 0,
  read_workspace = 1u << 1,
  read_workspace_deterministic = 1u << 2,
  write_workspace = 1u << 3,
  write_network = 1u << 4,
  bindings = 1u << 5,
  bindings_deterministic = 1u << 6,
  non_determinism = 1u << 7,
  keystore = 1u << 8,
  keystore_deterministic = 1u << 9,
  /// Not a HostFnAccess permission: get_init_properties checks by hand that
  /// it runs in `init`, and only init grants this.
  init_only = 1u << 10,
};

/// `write_network | agent_info` stays a set of permissions.
constexpr std::uint16_t operator|(Permission a, Permission b) {
  return static_cast<std::uint16_t>(static_cast<std::uint16_t>(a) | static_cast<std::uint16_t>(b));
}

/// What the conductor is running when a host function is called.
enum class Callback { ZomeCall, Init, PostCommit, Validate, GenesisSelfCheck, EntryDefs };

inline constexpr std::uint16_t kAll = 0x3ff;  // every HostFnAccess permission

/// What each callback grants (HostFnAccess::all(), ::none(), and the ones between).
constexpr std::uint16_t grants(Callback callback) {
  switch (callback) {
    case Callback::ZomeCall:
      return kAll;
    case Callback::Init:
      return kAll | init_only;
    case Callback::PostCommit:
      // Writing from post_commit would commit again, without end.
      return kAll & ~static_cast<std::uint16_t>(write_workspace);
    case Callback::Validate:
      // Only what answers the same on every node, now and later.
      return read_workspace_deterministic | keystore_deterministic | bindings_deterministic;
    case Callback::GenesisSelfCheck:
      return keystore_deterministic | bindings_deterministic;
    case Callback::EntryDefs:
      return always;
  }
  return always;
}

constexpr bool allowed(Callback callback, std::uint16_t needed) {
  return (grants(callback) & needed) == needed;
}

constexpr const char* callback_name(Callback callback) {
  switch (callback) {
    case Callback::ZomeCall:
      return "a zome call";
    case Callback::Init:
      return "init";
    case Callback::PostCommit:
      return "post_commit";
    case Callback::Validate:
      return "validate";
    case Callback::GenesisSelfCheck:
      return "genesis_self_check";
    case Callback::EntryDefs:
      return "entry_defs";
  }
  return "?";
}

}  // namespace hdk::host_fn_access
