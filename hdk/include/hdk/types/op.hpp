// Op: what the integrity zome's `validate` callback receives
// (holochain_integrity_types::op::Op, all seven variants).
#pragma once

#include <optional>

#include "hdk/codec.hpp"
#include "hdk/types/action.hpp"
#include "hdk/types/record.hpp"

namespace hdk {

// The action structs as bare structs (inside SignedHashed<T> they carry no
// tag): the same fields, shaped as a plain struct.
template <class A>
struct Bare {
  A value;
};
template <class A>
struct Codec<Bare<A>> {
  static void encode(Packer& p, const Bare<A>& v) {
    codec_detail::encode_fields_as_map(p, v.value);
  }
  static bool decode(const msgpack::object& o, Bare<A>& out, DecodeError& err) {
    return codec_detail::decode_fields(o, out.value, err);
  }
};

namespace entry_creation_action {
struct Create {
  Bare<action::Create> action;
  HDK_NEWTYPE_VARIANT(Create, action);
};
struct Update {
  Bare<action::Update> action;
  HDK_NEWTYPE_VARIANT(Update, action);
};
}  // namespace entry_creation_action
using EntryCreationAction =
    std::variant<entry_creation_action::Create, entry_creation_action::Update>;

namespace op {
struct StoreRecord {
  Record record;
  HDK_STRUCT_VARIANT(StoreRecord, record);
};
struct StoreEntry {
  SignedHashed<EntryCreationAction> action;
  Entry entry;
  HDK_STRUCT_VARIANT(StoreEntry, action, entry);
};
struct RegisterUpdate {
  SignedHashed<Bare<action::Update>> update;
  std::optional<Entry> new_entry;
  HDK_STRUCT_VARIANT(RegisterUpdate, update, new_entry);
};
struct RegisterDelete {
  SignedHashed<Bare<action::Delete>> delete_;
  HDK_STRUCT_VARIANT(RegisterDelete, delete_);
};
struct RegisterAgentActivity {
  SignedActionHashed action;
  std::optional<Entry> cached_entry;
  HDK_STRUCT_VARIANT(RegisterAgentActivity, action, cached_entry);
};
struct RegisterCreateLink {
  SignedHashed<Bare<action::CreateLink>> create_link;
  HDK_STRUCT_VARIANT(RegisterCreateLink, create_link);
};
struct RegisterDeleteLink {
  SignedHashed<Bare<action::DeleteLink>> delete_link;
  Bare<action::CreateLink> create_link;
  HDK_STRUCT_VARIANT(RegisterDeleteLink, delete_link, create_link);
};
}  // namespace op

/// Externally tagged: {"StoreEntry": {"action": .., "entry": ..}}.
using Op = std::variant<op::StoreRecord, op::StoreEntry, op::RegisterUpdate, op::RegisterDelete,
                        op::RegisterAgentActivity, op::RegisterCreateLink, op::RegisterDeleteLink>;

}  // namespace hdk
