// Entries and the inputs of create/update/delete/get
// (holochain_integrity_types::entry, holochain_zome_types::entry).
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include "hdk/codec.hpp"
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
}  // namespace entry

/// Holochain's Entry: #[serde(tag = "entry_type", content = "entry")], so an
/// app entry is {"entry_type": "App", "entry": <bin>}. The countersigning and
/// capability variants are not modelled (nothing here produces them).
struct Entry : TaggedVariant<entry::Agent, entry::App> {
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

struct GetOptions {
  GetStrategy strategy = GetStrategy::Network;
  HDK_STRUCT(strategy);
};

struct GetInput {
  AnyDhtHash any_dht_hash;
  GetOptions get_options;
  HDK_STRUCT(any_dht_hash, get_options);
};

}  // namespace hdk
