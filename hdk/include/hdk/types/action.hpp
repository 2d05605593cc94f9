// Actions: the chain's records of what an agent did
// (holochain_integrity_types::action). Action is internally tagged
// (#[serde(tag = "type")]): {"type": "Create", "author": ..., ...}.
#pragma once

#include <cstdint>
#include <optional>

#include "hdk/codec.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/link.hpp"
#include "hdk/types/timestamp.hpp"

namespace hdk {

/// Rate limiting weights; Holochain writes zeros today.
struct RateWeight {
  std::uint8_t bucket_id = 0;
  std::uint8_t units = 0;
  HDK_STRUCT(bucket_id, units);
};
struct EntryRateWeight {
  std::uint8_t bucket_id = 0;
  std::uint8_t units = 0;
  std::uint8_t rate_bytes = 0;
  HDK_STRUCT(bucket_id, units, rate_bytes);
};

struct AppEntryDef {
  EntryDefIndex entry_index;
  ZomeIndex zome_index;
  EntryVisibility visibility = EntryVisibility::Public;
  HDK_STRUCT(entry_index, zome_index, visibility);
};

namespace entry_type {
struct AgentPubKey {
  HDK_UNIT_VARIANT(AgentPubKey);
};
struct App {
  AppEntryDef def;
  HDK_NEWTYPE_VARIANT(App, def);
};
struct CapClaim {
  HDK_UNIT_VARIANT(CapClaim);
};
struct CapGrant {
  HDK_UNIT_VARIANT(CapGrant);
};
}  // namespace entry_type
using EntryType = std::variant<entry_type::AgentPubKey, entry_type::App, entry_type::CapClaim,
                               entry_type::CapGrant>;

namespace action {
struct Dna {
  AgentPubKey author;
  Timestamp timestamp;
  DnaHash hash;
  HDK_STRUCT_VARIANT(Dna, author, timestamp, hash);
};
struct AgentValidationPkg {
  AgentPubKey author;
  Timestamp timestamp;
  std::uint32_t action_seq = 0;
  ActionHash prev_action;
  std::optional<Bytes> membrane_proof;  // Option<Arc<SerializedBytes>>
  HDK_STRUCT_VARIANT(AgentValidationPkg, author, timestamp, action_seq, prev_action,
                     membrane_proof);
};
struct InitZomesComplete {
  AgentPubKey author;
  Timestamp timestamp;
  std::uint32_t action_seq = 0;
  ActionHash prev_action;
  HDK_STRUCT_VARIANT(InitZomesComplete, author, timestamp, action_seq, prev_action);
};
struct CreateLink {
  AgentPubKey author;
  Timestamp timestamp;
  std::uint32_t action_seq = 0;
  ActionHash prev_action;
  AnyLinkableHash base_address;
  AnyLinkableHash target_address;
  ZomeIndex zome_index;
  LinkType link_type;
  LinkTag tag;
  RateWeight weight;
  HDK_STRUCT_VARIANT(CreateLink, author, timestamp, action_seq, prev_action, base_address,
                     target_address, zome_index, link_type, tag, weight);
};
struct DeleteLink {
  AgentPubKey author;
  Timestamp timestamp;
  std::uint32_t action_seq = 0;
  ActionHash prev_action;
  AnyLinkableHash base_address;
  ActionHash link_add_address;
  HDK_STRUCT_VARIANT(DeleteLink, author, timestamp, action_seq, prev_action, base_address,
                     link_add_address);
};
struct Create {
  AgentPubKey author;
  Timestamp timestamp;
  std::uint32_t action_seq = 0;
  ActionHash prev_action;
  EntryType entry_type;
  EntryHash entry_hash;
  EntryRateWeight weight;
  HDK_STRUCT_VARIANT(Create, author, timestamp, action_seq, prev_action, entry_type, entry_hash,
                     weight);
};
struct Update {
  AgentPubKey author;
  Timestamp timestamp;
  std::uint32_t action_seq = 0;
  ActionHash prev_action;
  ActionHash original_action_address;
  EntryHash original_entry_address;
  EntryType entry_type;
  EntryHash entry_hash;
  EntryRateWeight weight;
  HDK_STRUCT_VARIANT(Update, author, timestamp, action_seq, prev_action, original_action_address,
                     original_entry_address, entry_type, entry_hash, weight);
};
struct Delete {
  AgentPubKey author;
  Timestamp timestamp;
  std::uint32_t action_seq = 0;
  ActionHash prev_action;
  ActionHash deletes_address;
  EntryHash deletes_entry_address;
  RateWeight weight;
  HDK_STRUCT_VARIANT(Delete, author, timestamp, action_seq, prev_action, deletes_address,
                     deletes_entry_address, weight);
};
}  // namespace action

/// Holochain's Action, without OpenChain/CloseChain (chain migration is not
/// modelled). Alternatives keep Holochain's declaration order.
struct Action : TaggedVariant<action::Dna, action::AgentValidationPkg, action::InitZomesComplete,
                              action::CreateLink, action::DeleteLink, action::Create,
                              action::Update, action::Delete> {
  using TaggedVariant::TaggedVariant;
  HDK_INTERNALLY_TAGGED("type");

  const AgentPubKey& author() const {
    return std::visit([](const auto& a) -> const AgentPubKey& { return a.author; }, as_variant());
  }
  Timestamp timestamp() const {
    return std::visit([](const auto& a) { return a.timestamp; }, as_variant());
  }
  /// The Dna action is seq 0 and has no previous action.
  std::uint32_t action_seq() const {
    return std::visit(
        [](const auto& a) -> std::uint32_t {
          if constexpr (std::is_same_v<std::decay_t<decltype(a)>, action::Dna>)
            return 0;
          else
            return a.action_seq;
        },
        as_variant());
  }
  std::optional<ActionHash> prev_action() const {
    return std::visit(
        [](const auto& a) -> std::optional<ActionHash> {
          if constexpr (std::is_same_v<std::decay_t<decltype(a)>, action::Dna>)
            return std::nullopt;
          else
            return a.prev_action;
        },
        as_variant());
  }
  /// The entry this action creates, if any.
  std::optional<EntryHash> entry_hash() const {
    if (const auto* c = std::get_if<action::Create>(&as_variant())) return c->entry_hash;
    if (const auto* u = std::get_if<action::Update>(&as_variant())) return u->entry_hash;
    return std::nullopt;
  }
  std::string_view type_name() const {
    return std::visit([](const auto& a) { return std::decay_t<decltype(a)>::hdk_variant_name; },
                      as_variant());
  }
};

/// holochain_integrity_types::action::ActionType, for query filters.
/// Declared (by write_into_action!) in this order.
enum class ActionType {
  Dna,
  AgentValidationPkg,
  InitZomesComplete,
  OpenChain,
  CloseChain,
  Create,
  Update,
  Delete,
  CreateLink,
  DeleteLink
};
HDK_ENUM(ActionType, Dna, AgentValidationPkg, InitZomesComplete, OpenChain, CloseChain, Create,
         Update, Delete, CreateLink, DeleteLink);

}  // namespace hdk
