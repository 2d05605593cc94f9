// What the conductor's callbacks return: validate, init, entry_defs
// (holochain_integrity_types::validate, holochain_zome_types::init, ::entry_def).
#pragma once

#include <string>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/hash.hpp"

namespace hdk {

namespace unresolved_dependencies {
struct Hashes {
  std::vector<AnyDhtHash> hashes;
  HDK_NEWTYPE_VARIANT(Hashes, hashes);
};
}  // namespace unresolved_dependencies
/// Holochain also has AgentActivity(AgentPubKey, ChainFilter); not modelled.
using UnresolvedDependencies = std::variant<unresolved_dependencies::Hashes>;

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

}  // namespace hdk
