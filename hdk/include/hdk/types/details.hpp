// What get_details answers: a record or an entry with the CRUD metadata the
// DHT holds about it (holochain_zome_types::metadata); and get_links_details'
// answer (holochain_zome_types::link::LinkDetails).
#pragma once

#include <utility>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/record.hpp"

namespace hdk {

/// How validation ended for a record (holochain_zome_types::validate).
enum class ValidationStatus { Valid, Rejected, Abandoned };
HDK_ENUM(ValidationStatus, Valid, Rejected, Abandoned);

/// An entry's state as this agent's view of the DHT has it: live while one
/// action that wrote it is not deleted.
enum class EntryDhtStatus { Live, Dead };
HDK_ENUM(EntryDhtStatus, Live, Dead);

/// The answer for an action hash: the record, and the deletes and updates
/// that name it as their original.
struct RecordDetails {
  Record record;
  ValidationStatus validation_status = ValidationStatus::Valid;
  std::vector<SignedActionHashed> deletes;
  std::vector<SignedActionHashed> updates;
  HDK_STRUCT(record, validation_status, deletes, updates);
};

/// The answer for an entry hash: every action that wrote the entry, and the
/// deletes and updates of those actions.
struct EntryDetails {
  Entry entry;
  std::vector<SignedActionHashed> actions;
  std::vector<SignedActionHashed> rejected_actions;
  std::vector<SignedActionHashed> deletes;
  std::vector<SignedActionHashed> updates;
  EntryDhtStatus entry_dht_status = EntryDhtStatus::Live;
  HDK_STRUCT(entry, actions, rejected_actions, deletes, updates, entry_dht_status);
};

namespace details {
struct Record {
  RecordDetails details;
  HDK_NEWTYPE_VARIANT(Record, details);
};
struct Entry {
  EntryDetails details;
  HDK_NEWTYPE_VARIANT(Entry, details);
};
}  // namespace details

/// #[serde(tag = "type", content = "content")]: {"type": "Record", "content": {..}}.
struct Details : TaggedVariant<details::Record, details::Entry> {
  using TaggedVariant::TaggedVariant;
  HDK_ADJACENTLY_TAGGED("type", "content");

  const RecordDetails* record_details() const {
    const auto* r = std::get_if<details::Record>(&as_variant());
    return r ? &r->details : nullptr;
  }
  const EntryDetails* entry_details() const {
    const auto* e = std::get_if<details::Entry>(&as_variant());
    return e ? &e->details : nullptr;
  }
};

/// Each CreateLink from a base, with the DeleteLinks of it: a newtype over
/// [[create, [deletes...]]...].
struct LinkDetails {
  std::vector<std::pair<SignedActionHashed, std::vector<SignedActionHashed>>> links;
  HDK_NEWTYPE(links);
};

}  // namespace hdk
