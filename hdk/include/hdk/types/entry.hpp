// Entries and the inputs of create/update/delete/get
// (holochain_integrity_types::entry, holochain_zome_types::entry).
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include "hdk/codec.hpp"
#include "hdk/types/capability.hpp"
#include "hdk/types/hash.hpp"

namespace hdk {

/// Which zome declares an entry or link type (its index in the DNA).
struct ZomeIndex {
  std::uint8_t value = 0;
  HDK_NEWTYPE(value);
  friend bool operator==(ZomeIndex a, ZomeIndex b) { return a.value == b.value; }
};

/// An entry type's index within its integrity zome, in declaration order.
struct EntryDefIndex {
  std::uint8_t value = 0;
  HDK_NEWTYPE(value);
  friend bool operator==(EntryDefIndex a, EntryDefIndex b) { return a.value == b.value; }
};

enum class EntryVisibility { Public, Private };
HDK_ENUM(EntryVisibility, Public, Private);

/// Strict: fail the commit if another commit moved the chain head meanwhile.
enum class ChainTopOrdering { Relaxed, Strict };
HDK_ENUM(ChainTopOrdering, Relaxed, Strict);

/// An app entry's bytes: SerializedBytes, a serde_bytes newtype (bin).
struct AppEntryBytes {
  Bytes bytes;
  HDK_NEWTYPE(bytes);
};

namespace entry {
struct Agent {
  AgentPubKey key;
  HDK_NEWTYPE_VARIANT(Agent, key);
};
struct App {
  AppEntryBytes bytes;
  HDK_NEWTYPE_VARIANT(App, bytes);
};
struct CapClaim {
  ::hdk::CapClaim claim;
  HDK_NEWTYPE_VARIANT(CapClaim, claim);
};
struct CapGrant {
  ZomeCallCapGrant grant;
  HDK_NEWTYPE_VARIANT(CapGrant, grant);
};
}  // namespace entry

/// Holochain's Entry: #[serde(tag = "entry_type", content = "entry")], so an
/// app entry is {"entry_type": "App", "entry": <bin>}. Countersigned entries
/// (Entry::CounterSign, which sits between App and CapClaim upstream) are not
/// modelled: one fails to decode with "unknown variant `CounterSign`".
struct Entry : TaggedVariant<entry::Agent, entry::App, entry::CapClaim, entry::CapGrant> {
  using TaggedVariant::TaggedVariant;
  HDK_ADJACENTLY_TAGGED("entry_type", "entry");

  /// An App entry holding the msgpack of `value`.
  template <class T>
  static Entry app(const T& value) {
    return entry::App{AppEntryBytes{Bytes(encode_to_vector(value))}};
  }
  /// Decodes an App entry's bytes as T; false for other entries or other types.
  template <class T>
  bool decode_app(T& out) const {
    const auto* app = std::get_if<entry::App>(&as_variant());
    DecodeError err;
    return app && decode(app->bytes.bytes.data(), app->bytes.bytes.size(), out, err);
  }
};

struct AppEntryDefLocation {
  ZomeIndex zome_index;
  EntryDefIndex entry_def_index;
  HDK_STRUCT(zome_index, entry_def_index);
};

namespace entry_def_location {
struct App {
  AppEntryDefLocation location;
  HDK_NEWTYPE_VARIANT(App, location);
};
struct CapClaim {
  HDK_UNIT_VARIANT(CapClaim);
};
struct CapGrant {
  HDK_UNIT_VARIANT(CapGrant);
};
}  // namespace entry_def_location
using EntryDefLocation = std::variant<entry_def_location::App, entry_def_location::CapClaim,
                                      entry_def_location::CapGrant>;

struct CreateInput {
  EntryDefLocation entry_location;
  EntryVisibility entry_visibility = EntryVisibility::Public;
  Entry entry;
  ChainTopOrdering chain_top_ordering = ChainTopOrdering::Strict;
  HDK_STRUCT(entry_location, entry_visibility, entry, chain_top_ordering);
};

struct UpdateInput {
  ActionHash original_action_address;
  Entry entry;
  ChainTopOrdering chain_top_ordering = ChainTopOrdering::Strict;
  HDK_STRUCT(original_action_address, entry, chain_top_ordering);
};

struct DeleteInput {
  ActionHash deletes_action_hash;
  ChainTopOrdering chain_top_ordering = ChainTopOrdering::Strict;
  HDK_STRUCT(deletes_action_hash, chain_top_ordering);
};

enum class GetStrategy { Network, Local };
HDK_ENUM(GetStrategy, Network, Local);

/// How get, get_details, get_links and delete_link look a hash up. All
/// four keys cross on the wire, unset ones as nil (the conductor's default).
struct GetOptions {
  GetStrategy strategy = GetStrategy::Network;
  /// How many remote agents to ask at once (Network only; the conductor caps it).
  std::optional<std::uint8_t> remote_agent_count;
  std::optional<std::uint64_t> timeout_ms;
  /// Take the first answer of several agents (Network only).
  std::optional<bool> as_race;
  HDK_STRUCT(strategy, remote_agent_count, timeout_ms, as_race);

  /// The latest from the network, falling back to what this agent holds (the default).
  static GetOptions network() { return GetOptions{}; }
  /// Only what this agent's own databases hold; no network call.
  static GetOptions local() { return GetOptions{GetStrategy::Local, {}, {}, {}}; }
};

struct GetInput {
  AnyDhtHash any_dht_hash;
  GetOptions get_options;
  HDK_STRUCT(any_dht_hash, get_options);
};

}  // namespace hdk
