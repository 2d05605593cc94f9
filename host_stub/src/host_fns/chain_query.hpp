// A ChainQueryFilter applied to one agent's chain: what query answers for
// the caller's own chain, and get_agent_activity for anyone's (internal).
#pragma once

#include <vector>

#include <hdk/types.hpp>

#include "hdk_host/world.hpp"

namespace hdk_host::host_fns {

/// The records of `chain` (one agent's, in seq order) that `filter` passes,
/// in seq order or, with `order_descending`, the reverse. A hash range whose
/// ends are not on the chain selects nothing, as the conductor's SQL does.
std::vector<const hdk::Record*> select_from_chain(const std::vector<const hdk::Record*>& chain,
                                                  const hdk::ChainQueryFilter& filter);

/// `agent`'s chain among `records`, in seq order.
std::vector<const hdk::Record*> chain_of(const std::vector<const hdk::Record*>& records,
                                         const hdk::AgentPubKey& agent);

}  // namespace hdk_host::host_fns
