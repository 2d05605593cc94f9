// Actions: the chain's records of what an agent did
// (holochain_integrity_types::action). An Action is a header every action
// has and the data of its kind:
//   {"header": {"author", "timestamp", "action_seq", "prev_action"},
//    "data":   {"type": "Create", "entry_type": .., "entry_hash": ..}}
// `data` is internally tagged (#[serde(tag = "type")]).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "hdk/codec.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/link.hpp"
#include "hdk/types/timestamp.hpp"

namespace hdk {

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

/// Where a migrating chain goes (CloseChain) or came from (OpenChain).
namespace migration_target {
struct Dna {
  DnaHash hash;
  HDK_NEWTYPE_VARIANT(Dna, hash);
};
struct Agent {
  AgentPubKey agent;
  HDK_NEWTYPE_VARIANT(Agent, agent);
};
}  // namespace migration_target
using MigrationTarget = std::variant<migration_target::Dna, migration_target::Agent>;

/// What every action carries. `prev_action` is empty only on the Dna action.
struct ActionHeader {
  AgentPubKey author;
  Timestamp timestamp;
  std::uint32_t action_seq = 0;
  std::optional<ActionHash> prev_action;
  HDK_STRUCT(author, timestamp, action_seq, prev_action);
};

/// Each kind's own fields (Holochain's `…Data` structs), in ActionData's order.
namespace action {
struct Dna {
  DnaHash dna_hash;
  HDK_STRUCT_VARIANT(Dna, dna_hash);
};
struct AgentValidationPkg {
  std::optional<Bytes> membrane_proof;  // Option<Arc<SerializedBytes>>
  HDK_STRUCT_VARIANT(AgentValidationPkg, membrane_proof);
};
/// No fields: {"type": "InitZomesComplete"}.
struct InitZomesComplete {
  HDK_UNIT_VARIANT(InitZomesComplete);
};
struct Create {
  EntryType entry_type;
  EntryHash entry_hash;
  HDK_STRUCT_VARIANT(Create, entry_type, entry_hash);
};
struct Update {
  ActionHash original_action_address;
  EntryHash original_entry_address;
  EntryType entry_type;
  EntryHash entry_hash;
  HDK_STRUCT_VARIANT(Update, original_action_address, original_entry_address, entry_type,
                     entry_hash);
};
struct Delete {
  ActionHash deletes_address;
  EntryHash deletes_entry_address;
  HDK_STRUCT_VARIANT(Delete, deletes_address, deletes_entry_address);
};
struct CreateLink {
  AnyLinkableHash base_address;
  AnyLinkableHash target_address;
  ZomeIndex zome_index;
  LinkType link_type;
  LinkTag tag;
  HDK_STRUCT_VARIANT(CreateLink, base_address, target_address, zome_index, link_type, tag);
};
struct DeleteLink {
  AnyLinkableHash base_address;
  ActionHash link_add_address;
  HDK_STRUCT_VARIANT(DeleteLink, base_address, link_add_address);
};
struct CloseChain {
  std::optional<MigrationTarget> new_target;
  HDK_STRUCT_VARIANT(CloseChain, new_target);
};
struct OpenChain {
  MigrationTarget prev_target;
  ActionHash close_hash;
  HDK_STRUCT_VARIANT(OpenChain, prev_target, close_hash);
};
}  // namespace action

/// holochain_integrity_types::action::ActionType: the kinds by name, in
/// ActionData's declaration order (serde reads a variant's index in it too).
enum class ActionType {
  Dna,
  AgentValidationPkg,
  InitZomesComplete,
  Create,
  Update,
  Delete,
  CreateLink,
  DeleteLink,
  CloseChain,
  OpenChain
};
HDK_ENUM(ActionType, Dna, AgentValidationPkg, InitZomesComplete, Create, Update, Delete, CreateLink,
         DeleteLink, CloseChain, OpenChain);

/// ActionData: one alternative per ActionType, in the same order.
struct ActionData
    : TaggedVariant<action::Dna, action::AgentValidationPkg, action::InitZomesComplete,
                    action::Create, action::Update, action::Delete, action::CreateLink,
                    action::DeleteLink, action::CloseChain, action::OpenChain> {
  using TaggedVariant::TaggedVariant;
  HDK_INTERNALLY_TAGGED("type");

  ActionType action_type() const { return static_cast<ActionType>(as_variant().index()); }
  std::string_view type_name() const {
    return std::visit([](const auto& d) { return std::decay_t<decltype(d)>::hdk_variant_name; },
                      as_variant());
  }
};

struct Action {
  ActionHeader header;
  ActionData data;
  HDK_STRUCT(header, data);

  // Read as hdi's Action methods read.
  const AgentPubKey& author() const { return header.author; }
  Timestamp timestamp() const { return header.timestamp; }
  std::uint32_t action_seq() const { return header.action_seq; }
  const std::optional<ActionHash>& prev_action() const { return header.prev_action; }
  ActionType action_type() const { return data.action_type(); }
  std::string_view type_name() const { return data.type_name(); }

  /// The kind's own fields, if this action is of kind D: `a.as<action::Create>()`.
  template <class D>
  const D* as() const {
    return std::get_if<D>(&data.as_variant());
  }
  template <class D>
  bool is() const {
    return as<D>() != nullptr;
  }

  /// The entry a Create or Update writes, with its type.
  std::optional<EntryHash> entry_hash() const {
    if (const auto* c = as<action::Create>()) return c->entry_hash;
    if (const auto* u = as<action::Update>()) return u->entry_hash;
    return std::nullopt;
  }
  const EntryType* entry_type() const {
    if (const auto* c = as<action::Create>()) return &c->entry_type;
    if (const auto* u = as<action::Update>()) return &u->entry_type;
    return nullptr;
  }
  /// The app entry type a Create or Update writes (Rust's app_entry_def()).
  const AppEntryDef* app_entry_def() const {
    const EntryType* type = entry_type();
    const auto* app = type ? std::get_if<entry_type::App>(type) : nullptr;
    return app ? &app->def : nullptr;
  }
  /// Who signs it: the author, except a CloseChain migrating to a new agent
  /// key, which that key signs (hdi's Action::signer).
  const AgentPubKey& signer() const {
    if (const auto* close = as<action::CloseChain>())
      if (close->new_target)
        if (const auto* agent = std::get_if<migration_target::Agent>(&*close->new_target))
          return agent->agent;
    return author();
  }
};

}  // namespace hdk
