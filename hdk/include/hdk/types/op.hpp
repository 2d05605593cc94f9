// Op: what the integrity zome's `validate` callback receives
// (holochain_integrity_types::op::Op, all seven variants). Every action in it
// is a whole SignedActionHashed, header and data; DeleteLink also carries
// the bare Action of the link it deletes.
#pragma once

#include <optional>

#include "hdk/codec.hpp"
#include "hdk/error.hpp"
#include "hdk/types/action.hpp"
#include "hdk/types/record.hpp"

namespace hdk {

/// An action on an agent's chain, with its entry when the authority caches
/// it (op::AgentActivity's payload; must_get_agent_activity answers a list).
struct AgentActivity {
  SignedActionHashed action;
  std::optional<Entry> cached_entry;
  HDK_STRUCT(action, cached_entry);
};

namespace op {
/// Every record: the action and its entry as the DHT holds them.
struct CreateRecord {
  Record record;
  HDK_STRUCT_VARIANT(CreateRecord, record);
};
/// A Create or an Update, with the entry it writes.
struct CreateEntry {
  SignedActionHashed action;
  Entry entry;
  HDK_STRUCT_VARIANT(CreateEntry, action, entry);
};
/// An Update; `new_entry` is empty when the entry is private.
struct Update {
  SignedActionHashed update;
  std::optional<Entry> new_entry;
  HDK_STRUCT_VARIANT(Update, update, new_entry);
};
struct Delete {
  SignedActionHashed delete_;
  HDK_STRUCT_VARIANT(Delete, delete_);
};
/// Every action, as the author's agent-activity authorities see it.
struct AgentActivity : ::hdk::AgentActivity {
  HDK_STRUCT_VARIANT(AgentActivity, action, cached_entry);
};
struct CreateLink {
  SignedActionHashed create_link;
  HDK_STRUCT_VARIANT(CreateLink, create_link);
};
struct DeleteLink {
  SignedActionHashed delete_link;
  Action create_link;  // the CreateLink action being deleted, unsigned
  HDK_STRUCT_VARIANT(DeleteLink, delete_link, create_link);
};
}  // namespace op

template <class EntryTypes, class LinkTypes>
struct FlatOp;
struct Op;
template <class EntryTypes, class LinkTypes>
ExternResult<FlatOp<EntryTypes, LinkTypes>> flattened(const Op& op);

/// Externally tagged: {"CreateEntry": {"action": .., "entry": ..}}.
struct Op : std::variant<op::CreateRecord, op::CreateEntry, op::Update, op::Delete,
                         op::AgentActivity, op::CreateLink, op::DeleteLink> {
  using variant::variant;
  Op() = default;

  /// The op's own signed action (hdi's Op::signed_action): the record's, or
  /// the one the variant names.
  const SignedActionHashed& signed_action() const {
    return std::visit(
        [](const auto& o) -> const SignedActionHashed& {
          using T = std::decay_t<decltype(o)>;
          if constexpr (std::is_same_v<T, op::CreateRecord>)
            return o.record.signed_action;
          else if constexpr (std::is_same_v<T, op::CreateEntry> ||
                             std::is_same_v<T, op::AgentActivity>)
            return o.action;
          else if constexpr (std::is_same_v<T, op::Update>)
            return o.update;
          else if constexpr (std::is_same_v<T, op::Delete>)
            return o.delete_;
          else if constexpr (std::is_same_v<T, op::CreateLink>)
            return o.create_link;
          else
            return o.delete_link;
        },
        static_cast<const variant&>(*this));
  }
  const Action& action() const { return signed_action().action(); }
  const AgentPubKey& author() const { return action().author(); }
  Timestamp timestamp() const { return action().timestamp(); }
  std::uint32_t action_seq() const { return action().action_seq(); }
  const std::optional<ActionHash>& prev_action() const { return action().prev_action(); }
  ActionType action_type() const { return action().action_type(); }

  /// This op in the zome's own entry and link types (hdi's
  /// `op.flattened::<EntryTypes, LinkTypes>()`; hdk/flat_op.hpp).
  template <class EntryTypes, class LinkTypes>
  ExternResult<FlatOp<EntryTypes, LinkTypes>> flattened() const {
    return ::hdk::flattened<EntryTypes, LinkTypes>(*this);
  }
};

// Member templates, though Codec<Op> is no template: the variant's codec is
// compiled only in a zome that encodes or decodes an Op (its validate).
template <>
struct Codec<Op> {
  using Variant = Op::variant;
  template <class P>
  static void encode(P& p, const Op& v) {
    Codec<Variant>::encode(p, static_cast<const Variant&>(v));
  }
  template <class Object>
  static bool decode(const Object& o, Op& out, DecodeError& err) {
    return Codec<Variant>::decode(o, static_cast<Variant&>(out), err);
  }
};

}  // namespace hdk
