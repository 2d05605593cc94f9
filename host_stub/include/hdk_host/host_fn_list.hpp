// The host's view of hdk/host_fns.def: the same list, as ids and import names.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <hdk/types.hpp>

namespace hdk_host {

enum class HostFnId : std::size_t {
#define HDK_HOST_FN(name, version, Input, Output) name##_##version,
#include <hdk/host_fns.def>
#undef HDK_HOST_FN
};

struct HostFnInfo {
  std::string_view name;         // "trace"
  unsigned version;              // 1
  std::string_view import_name;  // "__hc__trace_1"
};

inline constexpr std::array kHostFunctions = {
#define HDK_HOST_FN(name, version, Input, Output) \
  HostFnInfo{#name, version, "__hc__" #name "_" #version},
#include <hdk/host_fns.def>
#undef HDK_HOST_FN
};

/// The host function a wasm import name (`__hc__trace_1`) refers to.
inline std::optional<HostFnId> find_host_fn(std::string_view import_name) {
  for (std::size_t i = 0; i < kHostFunctions.size(); ++i)
    if (kHostFunctions[i].import_name == import_name) return static_cast<HostFnId>(i);
  return std::nullopt;
}

/// Every host function a Holochain 0.5.6 conductor links, by import name
/// (its ribosome's import table, unstable features included). A zome built
/// with the Rust hdk imports all of them, because its host calls sit behind
/// a trait object; the stub links the ones it does not implement too, and
/// answers a call to one with Err(Host) naming it.
inline constexpr std::array<std::string_view, 59> kHolochainHostFunctions = {
    "__hc__accept_countersigning_preflight_request_1",
    "__hc__agent_info_1",
    "__hc__block_agent_1",
    "__hc__call_1",
    "__hc__call_info_1",
    "__hc__capability_claims_1",
    "__hc__capability_grants_1",
    "__hc__capability_info_1",
    "__hc__close_chain_1",
    "__hc__count_links_1",
    "__hc__create_1",
    "__hc__create_clone_cell_1",
    "__hc__create_link_1",
    "__hc__create_x25519_keypair_1",
    "__hc__delete_1",
    "__hc__delete_clone_cell_1",
    "__hc__delete_link_1",
    "__hc__disable_clone_cell_1",
    "__hc__dna_info_1",
    "__hc__dna_info_2",
    "__hc__ed_25519_x_salsa20_poly1305_decrypt_1",
    "__hc__ed_25519_x_salsa20_poly1305_encrypt_1",
    "__hc__emit_signal_1",
    "__hc__enable_clone_cell_1",
    "__hc__get_1",
    "__hc__get_agent_activity_1",
    "__hc__get_agent_key_lineage_1",
    "__hc__get_details_1",
    "__hc__get_link_details_1",
    "__hc__get_links_1",
    "__hc__get_validation_receipts_1",
    "__hc__hash_1",
    "__hc__is_same_agent_1",
    "__hc__must_get_action_1",
    "__hc__must_get_agent_activity_1",
    "__hc__must_get_entry_1",
    "__hc__must_get_valid_record_1",
    "__hc__open_chain_1",
    "__hc__query_1",
    "__hc__random_bytes_1",
    "__hc__schedule_1",
    "__hc__send_remote_signal_1",
    "__hc__sign_1",
    "__hc__sign_ephemeral_1",
    "__hc__sleep_1",
    "__hc__sys_time_1",
    "__hc__trace_1",
    "__hc__unblock_agent_1",
    "__hc__update_1",
    "__hc__verify_signature_1",
    "__hc__version_1",
    "__hc__x_25519_x_salsa20_poly1305_decrypt_1",
    "__hc__x_25519_x_salsa20_poly1305_encrypt_1",
    "__hc__x_salsa20_poly1305_decrypt_1",
    "__hc__x_salsa20_poly1305_encrypt_1",
    "__hc__x_salsa20_poly1305_shared_secret_create_random_1",
    "__hc__x_salsa20_poly1305_shared_secret_export_1",
    "__hc__x_salsa20_poly1305_shared_secret_ingest_1",
    "__hc__zome_info_1",
};

inline bool is_holochain_host_fn(std::string_view import_name) {
  for (std::string_view name : kHolochainHostFunctions)
    if (name == import_name) return true;
  return false;
}

}  // namespace hdk_host
