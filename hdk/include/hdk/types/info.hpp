// agent_info, dna_info, zome_info, call_info
// (holochain_zome_types::info, holochain_integrity_types::info).
#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/types/callbacks.hpp"
#include "hdk/types/capability.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/link.hpp"
#include "hdk/types/timestamp.hpp"

namespace hdk {

/// (head action, its seq, its time): the top of a chain, as AgentInfo and
/// CallInfo carry it (a tuple upstream; hdk::ChainHead is another type).
using ChainTop = std::tuple<ActionHash, std::uint32_t, Timestamp>;

/// Without the `unstable-dpki` agent_latest_pubkey (off in release builds).
struct AgentInfo {
  AgentPubKey agent_initial_pubkey;
  ChainTop chain_head;
  HDK_STRUCT(agent_initial_pubkey, chain_head);
};

struct DnaModifiers {
  std::string network_seed;
  Bytes properties;  // SerializedBytes
  HDK_STRUCT(network_seed, properties);
};

/// DnaInfoV1, what `__hc__dna_info_1` returns (hdi's dna_info calls _2).
struct DnaInfoV1 {
  std::string name;
  DnaHash hash;
  Bytes properties;  // SerializedBytes
  std::vector<std::string> zome_names;
  HDK_STRUCT(name, hash, properties, zome_names);
};

/// DnaInfoV2, what `__hc__dna_info_2` returns.
struct DnaInfo {
  std::string name;
  DnaHash hash;
  DnaModifiers modifiers;
  std::vector<std::string> zome_names;
  HDK_STRUCT(name, hash, modifiers, zome_names);
};

/// Per integrity zome, its types: ScopedZomeTypes<T>, a newtype over pairs.
template <class T>
struct ScopedZomeTypes {
  std::vector<std::pair<ZomeIndex, std::vector<T>>> types;
  HDK_NEWTYPE(types);
};

struct ScopedZomeTypesSet {
  ScopedZomeTypes<EntryDefIndex> entries;
  ScopedZomeTypes<LinkType> links;
  HDK_STRUCT(entries, links);
};

struct ZomeInfo {
  std::string name;
  ZomeIndex id;
  Bytes properties;  // SerializedBytes
  EntryDefs entry_defs;
  std::vector<std::string> extern_fns;
  ScopedZomeTypesSet zome_types;
  HDK_STRUCT(name, id, properties, entry_defs, extern_fns, zome_types);
};

struct CallInfo {
  AgentPubKey provenance;
  std::string function_name;
  ChainTop as_at;
  CapGrant cap_grant;
  HDK_STRUCT(provenance, function_name, as_at, cap_grant);
};

}  // namespace hdk
