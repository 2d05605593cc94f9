// What the conductor's callbacks take and return: validate, init,
// entry_defs, genesis_self_check, scheduled functions
// (holochain_integrity_types::{validate, genesis}, holochain_zome_types::{init,
// entry_def, schedule}).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/types/chain.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/hash.hpp"

namespace hdk {

/// What a callback needs before it can answer.
namespace unresolved_dependencies {
struct Hashes {
  std::vector<AnyDhtHash> hashes;
  HDK_NEWTYPE_VARIANT(Hashes, hashes);
};
/// A stretch of an agent's chain (what must_get_agent_activity asked for).
struct AgentActivity {
  AgentPubKey author;
  ChainFilter filter;
  HDK_TUPLE_VARIANT(AgentActivity, author, filter);
};
}  // namespace unresolved_dependencies
using UnresolvedDependencies =
    std::variant<unresolved_dependencies::Hashes, unresolved_dependencies::AgentActivity>;

namespace validate_callback_result {
struct Valid {
  HDK_UNIT_VARIANT(Valid);
};
struct Invalid {
  std::string reason;
  HDK_NEWTYPE_VARIANT(Invalid, reason);
};
struct UnresolvedDependencies {
  ::hdk::UnresolvedDependencies dependencies;
  HDK_NEWTYPE_VARIANT(UnresolvedDependencies, dependencies);
};
}  // namespace validate_callback_result
using ValidateCallbackResult =
    std::variant<validate_callback_result::Valid, validate_callback_result::Invalid,
                 validate_callback_result::UnresolvedDependencies>;

/// validate's answers, as the Rust hdi spells them.
inline ValidateCallbackResult valid() { return validate_callback_result::Valid{}; }
inline ValidateCallbackResult invalid(std::string reason) {
  return validate_callback_result::Invalid{std::move(reason)};
}

namespace init_callback_result {
struct Pass {
  HDK_UNIT_VARIANT(Pass);
};
struct Fail {
  std::string reason;
  HDK_NEWTYPE_VARIANT(Fail, reason);
};
struct UnresolvedDependencies {
  ::hdk::UnresolvedDependencies dependencies;
  HDK_NEWTYPE_VARIANT(UnresolvedDependencies, dependencies);
};
}  // namespace init_callback_result
using InitCallbackResult = std::variant<init_callback_result::Pass, init_callback_result::Fail,
                                        init_callback_result::UnresolvedDependencies>;

// entry_defs: the integrity zome's entry types, in index order.
struct AppEntryName {
  std::string name;
  HDK_NEWTYPE(name);
};
namespace entry_def_id {
struct App {
  AppEntryName name;
  HDK_NEWTYPE_VARIANT(App, name);
};
struct CapClaim {
  HDK_UNIT_VARIANT(CapClaim);
};
struct CapGrant {
  HDK_UNIT_VARIANT(CapGrant);
};
}  // namespace entry_def_id
using EntryDefId = std::variant<entry_def_id::App, entry_def_id::CapClaim, entry_def_id::CapGrant>;

struct RequiredValidations {
  std::uint8_t value = 5;
  HDK_NEWTYPE(value);
};

struct EntryDef {
  EntryDefId id;
  EntryVisibility visibility = EntryVisibility::Public;
  RequiredValidations required_validations;
  bool cache_at_agent_activity = false;
  HDK_STRUCT(id, visibility, required_validations, cache_at_agent_activity);
};

struct EntryDefs {
  std::vector<EntryDef> defs;
  HDK_NEWTYPE(defs);
};

namespace entry_defs_callback_result {
struct Defs {
  EntryDefs defs;
  HDK_NEWTYPE_VARIANT(Defs, defs);
};
}  // namespace entry_defs_callback_result
using EntryDefsCallbackResult = std::variant<entry_defs_callback_result::Defs>;

/// What init may read: the properties the app gave this cell's role at
/// install (#[serde(transparent)] SerializedBytes: a bin of msgpack).
struct InitProperties {
  Bytes bytes;
  HDK_NEWTYPE(bytes);
};

/// genesis_self_check's input (GenesisSelfCheckDataV2, what `genesis_self_check_2`
/// takes); it answers a ValidateCallbackResult.
struct GenesisSelfCheckData {
  std::optional<Bytes> membrane_proof;
  AgentPubKey agent_key;
  HDK_STRUCT(membrane_proof, agent_key);
};

/// std::time::Duration as serde writes it.
struct Duration {
  std::uint64_t secs = 0;
  std::uint32_t nanos = 0;
  HDK_STRUCT(secs, nanos);
};

/// When a scheduled function runs next: what it takes and returns (as
/// Option<Schedule>; none ends the schedule). (`schedule_kind`, not
/// `schedule`: hdk::schedule is the function that starts one.)
namespace schedule_kind {
/// A cron expression: runs while the conductor is up, survives restarts.
struct Persisted {
  std::string cron;
  HDK_NEWTYPE_VARIANT(Persisted, cron);
};
/// Once, this long from now.
struct Ephemeral {
  Duration after;
  HDK_NEWTYPE_VARIANT(Ephemeral, after);
};
}  // namespace schedule_kind
using Schedule = std::variant<schedule_kind::Persisted, schedule_kind::Ephemeral>;

}  // namespace hdk
