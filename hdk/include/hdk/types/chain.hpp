// Reading and migrating source chains (holochain_integrity_types::chain):
// must_get_agent_activity's filter, close_chain and open_chain's inputs.
#pragma once

#include <cstdint>
#include <optional>

#include "hdk/codec.hpp"
#include "hdk/types/action.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/timestamp.hpp"

namespace hdk {

/// Where a walk down a chain from its top stops.
namespace limit_conditions {
/// Down to the Dna action (the default).
struct ToGenesis {
  HDK_UNIT_VARIANT(ToGenesis);
};
/// At most this many actions.
struct Take {
  std::uint32_t count = 0;
  HDK_NEWTYPE_VARIANT(Take, count);
};
/// Down to the first action at or after this time.
struct UntilTimestamp {
  Timestamp timestamp;
  HDK_NEWTYPE_VARIANT(UntilTimestamp, timestamp);
};
/// Down to this action, included.
struct UntilHash {
  ActionHash hash;
  HDK_NEWTYPE_VARIANT(UntilHash, hash);
};
}  // namespace limit_conditions
using LimitConditions = std::variant<limit_conditions::ToGenesis, limit_conditions::Take,
                                     limit_conditions::UntilTimestamp, limit_conditions::UntilHash>;

/// A stretch of an agent's chain, from `chain_top` down. Built as hdi builds
/// it: `ChainFilter::to_genesis(top)` (hdi's `new`), `ChainFilter::take(top, 10)`,
/// `until_hash`, `until_timestamp`.
struct ChainFilter {
  ActionHash chain_top;
  LimitConditions limit_conditions = limit_conditions::ToGenesis{};
  bool include_cached_entries = false;
  HDK_STRUCT(chain_top, limit_conditions, include_cached_entries);

  static ChainFilter to_genesis(ActionHash top) { return ChainFilter{top, {}, false}; }
  static ChainFilter take(ActionHash top, std::uint32_t n) {
    return ChainFilter{top, limit_conditions::Take{n}, false};
  }
  static ChainFilter until_hash(ActionHash top, ActionHash until) {
    return ChainFilter{top, limit_conditions::UntilHash{until}, false};
  }
  static ChainFilter until_timestamp(ActionHash top, Timestamp until) {
    return ChainFilter{top, limit_conditions::UntilTimestamp{until}, false};
  }
  /// Also return the entries the authorities cache with each action (hdi's
  /// `.include_cached_entries()`).
  ChainFilter with_cached_entries() const {
    ChainFilter out = *this;
    out.include_cached_entries = true;
    return out;
  }
};

struct MustGetAgentActivityInput {
  AgentPubKey author;
  ChainFilter chain_filter;
  HDK_STRUCT(author, chain_filter);
};

/// close_chain: end this chain, optionally naming what replaces it.
struct CloseChainInput {
  std::optional<MigrationTarget> new_target;
  HDK_STRUCT(new_target);
};

/// open_chain: start this chain as the successor of a closed one.
struct OpenChainInput {
  MigrationTarget prev_target;
  ActionHash close_hash;
  HDK_STRUCT(prev_target, close_hash);
};

}  // namespace hdk
