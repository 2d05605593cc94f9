// FlatOp: the op a validate callback gets, flattened into this zome's own
// entry and link types, as hdi 0.8's `op.flattened::<EntryTypes, LinkTypes>()`
// does (hdi::flat_op). Each case carries a TypedAction<D>: the action's
// header and the data of the one kind the case implies. Update and Delete
// fetch the original action (and its entry) with must_get_*, as hdi does.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "hdk/api.hpp"
#include "hdk/types/op.hpp"

namespace hdk {

// ---- TypedAction ----

using CreateData = action::Create;
using UpdateData = action::Update;
using DeleteData = action::Delete;
using CreateLinkData = action::CreateLink;
using DeleteLinkData = action::DeleteLink;

/// The action a Create or an Update: what an Update or a Delete points back to.
struct EntryCreationData : std::variant<CreateData, UpdateData> {
  using variant::variant;
  const EntryType& entry_type() const {
    return std::visit([](const auto& d) -> const EntryType& { return d.entry_type; }, *this);
  }
  const EntryHash& entry_hash() const {
    return std::visit([](const auto& d) -> const EntryHash& { return d.entry_hash; }, *this);
  }
};

/// An action whose kind is known: its header, and the data of kind D
/// (`action->entry_hash` reads the data, as Rust's Deref does).
template <class D>
struct TypedAction {
  ActionHeader header;
  D data;

  const D* operator->() const { return &data; }
  const D& operator*() const { return data; }
  const AgentPubKey& author() const { return header.author; }
  Timestamp timestamp() const { return header.timestamp; }
  std::uint32_t action_seq() const { return header.action_seq; }
  const std::optional<ActionHash>& prev_action() const { return header.prev_action; }

  /// Narrows `action` to kind D; an error naming both kinds when it is another.
  static ExternResult<TypedAction> try_from_action(const Action& action) {
    if constexpr (std::is_same_v<D, EntryCreationData>) {
      if (const auto* c = action.as<CreateData>()) return TypedAction{action.header, D{*c}};
      if (const auto* u = action.as<UpdateData>()) return TypedAction{action.header, D{*u}};
      return HDK_ERROR("Expected a Create or Update action, got " +
                       std::string(action.type_name()));
    } else {
      if (const auto* d = action.as<D>()) return TypedAction{action.header, *d};
      return HDK_ERROR("Expected a " + std::string(D::hdk_variant_name) + " action, got " +
                       std::string(action.type_name()));
    }
  }
  /// A Create or Update as the entry-creation case (Rust's `.into()`).
  TypedAction<EntryCreationData> into_entry_creation() const {
    return TypedAction<EntryCreationData>{header, EntryCreationData{data}};
  }
};

// ---- hash kinds ----

namespace flat_op_detail {
template <HashType To>
ExternResult<HoloHash<To>> narrow_hash(const std::uint8_t* bytes, const char* what) {
  if (!hash_prefix::accepts(To, bytes)) return HDK_ERROR(std::string("the hash is not ") + what);
  HoloHash<To> out;
  std::copy(bytes, bytes + HoloHash<To>::kSize, out.bytes.begin());
  return out;
}
}  // namespace flat_op_detail

/// The hash as an ActionHash, EntryHash or AgentPubKey; an error when it is
/// of another kind (Rust's `into_action_hash()` etc., which give None).
template <HashType From>
ExternResult<ActionHash> into_action_hash(const HoloHash<From>& h) {
  return flat_op_detail::narrow_hash<HashType::Action>(h.bytes.data(), "an action hash");
}
template <HashType From>
ExternResult<EntryHash> into_entry_hash(const HoloHash<From>& h) {
  return flat_op_detail::narrow_hash<HashType::Entry>(h.bytes.data(), "an entry hash");
}
/// An agent key in an AnyLinkableHash or AnyDhtHash is the hash of its agent
/// entry (Entry prefix, same 36 bytes), so that is what this takes back to a
/// key, as holo_hash's `into_agent_pub_key` does; an action hash is an error.
template <HashType From>
ExternResult<AgentPubKey> into_agent_pub_key(const HoloHash<From>& h) {
  if (hash_prefix::accepts(HashType::Agent, h.bytes.data()))
    return flat_op_detail::narrow_hash<HashType::Agent>(h.bytes.data(), "an agent key");
  HDK_TRY(const EntryHash entry,
          flat_op_detail::narrow_hash<HashType::Entry>(h.bytes.data(), "an agent key"));
  return entry.retype<HashType::Agent>(hash_prefix::kAgent);
}

// ---- this zome's types ----

/// One of this zome's entry types, without its content (Rust's UnitEntryTypes).
template <class EntryTypes>
struct UnitEntryType {
  EntryDefIndex index;
  template <class T>
  bool is() const {
    return index == EntryTypes::template index_of<T>();
  }
  friend bool operator==(UnitEntryType a, UnitEntryType b) { return a.index == b.index; }
};

// The cases, each under the name hdi gives it.
template <class ET, class LT>
struct FlatOpTypes {
  using AppEntry = typename ET::Value;  // std::variant of the entry structs
  using Unit = UnitEntryType<ET>;

  // FlatOp::CreateEntry: an entry's content, as its authorities store it.
  struct OpEntry {
    struct CreateEntry {
      AppEntry app_entry;
      TypedAction<CreateData> action;
    };
    struct CreateAgent {
      AgentPubKey agent;
      TypedAction<CreateData> action;
    };
    struct UpdateEntry {
      ActionHash original_action_hash;
      EntryHash original_entry_hash;
      AppEntry app_entry;
      TypedAction<UpdateData> action;
    };
    struct UpdateAgent {
      AgentPubKey new_key;
      AgentPubKey original_key;
      ActionHash original_action_hash;
      TypedAction<UpdateData> action;
    };
    struct CreateCapGrant {
      ZomeCallCapGrant entry;
      TypedAction<CreateData> action;
    };
    struct CreateCapClaim {
      CapClaim entry;
      TypedAction<CreateData> action;
    };
    struct UpdateCapGrant {
      ActionHash original_action_hash;
      EntryHash original_entry_hash;
      TypedAction<UpdateData> action;
      ZomeCallCapGrant entry;
    };
    struct UpdateCapClaim {
      ActionHash original_action_hash;
      EntryHash original_entry_hash;
      TypedAction<UpdateData> action;
      CapClaim entry;
    };
    using Variant = std::variant<CreateEntry, CreateAgent, UpdateEntry, UpdateAgent, CreateCapGrant,
                                 CreateCapClaim, UpdateCapGrant, UpdateCapClaim>;
  };

  // FlatOp::Update: an update registered at its original.
  struct OpUpdate {
    struct Entry {
      TypedAction<EntryCreationData> original_action;
      AppEntry original_app_entry;
      AppEntry app_entry;
      TypedAction<UpdateData> action;
    };
    struct PrivateEntry {
      ActionHash original_action_hash;
      Unit original_app_entry_type;
      Unit app_entry_type;
      TypedAction<UpdateData> action;
    };
    struct Agent {
      AgentPubKey new_key;
      AgentPubKey original_key;
      ActionHash original_action_hash;
      TypedAction<UpdateData> action;
    };
    struct CapClaim {
      ActionHash original_action_hash;
      TypedAction<UpdateData> action;
    };
    struct CapGrant {
      ActionHash original_action_hash;
      TypedAction<UpdateData> action;
    };
    using Variant = std::variant<Entry, PrivateEntry, Agent, CapClaim, CapGrant>;
  };

  // FlatOp::Delete: a delete registered at its original.
  struct OpDelete {
    struct Entry {
      TypedAction<EntryCreationData> original_action;
      AppEntry original_app_entry;
      TypedAction<DeleteData> action;
    };
    struct PrivateEntry {
      TypedAction<EntryCreationData> original_action;
      Unit original_app_entry_type;
      TypedAction<DeleteData> action;
    };
    struct Agent {
      AgentPubKey original_key;
      TypedAction<EntryCreationData> original_action;
      TypedAction<DeleteData> action;
    };
    struct CapClaim {
      TypedAction<EntryCreationData> original_action;
      TypedAction<DeleteData> action;
    };
    struct CapGrant {
      TypedAction<EntryCreationData> original_action;
      TypedAction<DeleteData> action;
    };
    using Variant = std::variant<Entry, PrivateEntry, Agent, CapClaim, CapGrant>;
  };

  // FlatOp::Link: a link created or deleted, at its base.
  struct OpLink {
    struct CreateLink {
      LT link_type;
      TypedAction<CreateLinkData> action;
    };
    struct DeleteLink {
      TypedAction<CreateLinkData> original_action;
      LT link_type;
      TypedAction<DeleteLinkData> action;
    };
    using Variant = std::variant<CreateLink, DeleteLink>;
  };

  // FlatOp::CreateRecord and FlatOp::AgentActivity: every action. A record
  // carries its entry's content when there is one; activity only its type.
  struct OpRecord {
    struct CreateEntry {
      AppEntry app_entry;
      TypedAction<CreateData> action;
    };
    struct CreatePrivateEntry {
      Unit app_entry_type;
      TypedAction<CreateData> action;
    };
    struct CreateAgent {
      AgentPubKey agent;
      TypedAction<CreateData> action;
    };
    struct CreateCapClaim {
      TypedAction<CreateData> action;
    };
    struct CreateCapGrant {
      TypedAction<CreateData> action;
    };
    struct UpdateEntry {
      ActionHash original_action_hash;
      EntryHash original_entry_hash;
      AppEntry app_entry;
      TypedAction<UpdateData> action;
    };
    struct UpdatePrivateEntry {
      ActionHash original_action_hash;
      EntryHash original_entry_hash;
      Unit app_entry_type;
      TypedAction<UpdateData> action;
    };
    struct UpdateAgent {
      AgentPubKey original_key;
      AgentPubKey new_key;
      ActionHash original_action_hash;
      TypedAction<UpdateData> action;
    };
    struct UpdateCapClaim {
      ActionHash original_action_hash;
      EntryHash original_entry_hash;
      TypedAction<UpdateData> action;
    };
    struct UpdateCapGrant {
      ActionHash original_action_hash;
      EntryHash original_entry_hash;
      TypedAction<UpdateData> action;
    };
    struct DeleteEntry {
      ActionHash original_action_hash;
      EntryHash original_entry_hash;
      TypedAction<DeleteData> action;
    };
    struct CreateLink {
      LT link_type;
      TypedAction<CreateLinkData> action;
    };
    struct DeleteLink {
      ActionHash original_action_hash;
      AnyLinkableHash base_address;
      TypedAction<DeleteLinkData> action;
    };
    /// Every other kind (Dna, AgentValidationPkg, InitZomesComplete,
    /// OpenChain, CloseChain), whole.
    struct Other {
      Action action;
    };
    using Variant =
        std::variant<CreateEntry, CreatePrivateEntry, CreateAgent, CreateCapClaim, CreateCapGrant,
                     UpdateEntry, UpdatePrivateEntry, UpdateAgent, UpdateCapClaim, UpdateCapGrant,
                     DeleteEntry, CreateLink, DeleteLink, Other>;
  };

  struct OpActivity {
    struct CreateEntry {
      std::optional<Unit> app_entry_type;  // empty when the type is another zome's
      TypedAction<CreateData> action;
    };
    struct CreateAgent {
      AgentPubKey agent;
      TypedAction<CreateData> action;
    };
    struct CreateCapClaim {
      TypedAction<CreateData> action;
    };
    struct CreateCapGrant {
      TypedAction<CreateData> action;
    };
    struct UpdateEntry {
      ActionHash original_action_hash;
      EntryHash original_entry_hash;
      std::optional<Unit> app_entry_type;
      TypedAction<UpdateData> action;
    };
    struct UpdateAgent {
      AgentPubKey original_key;
      AgentPubKey new_key;
      ActionHash original_action_hash;
      TypedAction<UpdateData> action;
    };
    struct UpdateCapClaim {
      ActionHash original_action_hash;
      EntryHash original_entry_hash;
      TypedAction<UpdateData> action;
    };
    struct UpdateCapGrant {
      ActionHash original_action_hash;
      EntryHash original_entry_hash;
      TypedAction<UpdateData> action;
    };
    struct DeleteEntry {
      ActionHash original_action_hash;
      EntryHash original_entry_hash;
      TypedAction<DeleteData> action;
    };
    struct CreateLink {
      std::optional<LT> link_type;  // empty when the type is another zome's
      TypedAction<CreateLinkData> action;
    };
    struct DeleteLink {
      ActionHash original_action_hash;
      AnyLinkableHash base_address;
      TypedAction<DeleteLinkData> action;
    };
    struct Other {
      Action action;
    };
    using Variant = std::variant<CreateEntry, CreateAgent, CreateCapClaim, CreateCapGrant,
                                 UpdateEntry, UpdateAgent, UpdateCapClaim, UpdateCapGrant,
                                 DeleteEntry, CreateLink, DeleteLink, Other>;
  };
};

/// The flattened op. Read it with `flat.get_if<...>()`, or `std::get_if` on
/// the case's `Variant`.
template <class ET, class LT>
struct FlatOp {
  using Types = FlatOpTypes<ET, LT>;
  using OpEntry = typename Types::OpEntry;
  using OpUpdate = typename Types::OpUpdate;
  using OpDelete = typename Types::OpDelete;
  using OpLink = typename Types::OpLink;
  using OpRecord = typename Types::OpRecord;
  using OpActivity = typename Types::OpActivity;

  struct CreateRecord {
    typename OpRecord::Variant op;
  };
  struct CreateEntry {
    typename OpEntry::Variant op;
  };
  struct AgentActivity {
    typename OpActivity::Variant op;
  };
  struct Link {
    typename OpLink::Variant op;
  };
  struct Update {
    typename OpUpdate::Variant op;
  };
  struct Delete {
    typename OpDelete::Variant op;
  };
  std::variant<CreateRecord, CreateEntry, AgentActivity, Link, Update, Delete> op;

  /// The case `Case` (a sub-case such as `OpEntry::CreateEntry`, or a
  /// whole case such as `Link`), or null.
  template <class Case>
  const Case* get_if() const {
    if constexpr (variant_has<Case, decltype(op)>::value)
      return std::get_if<Case>(&op);
    else {
      const Case* found = nullptr;
      std::visit(
          [&found](const auto& c) {
            if constexpr (std::is_same_v<Case, std::decay_t<decltype(c)>>) {
              found = &c;
            } else {
              using Inner = decltype(c.op);
              if constexpr (variant_has<Case, Inner>::value) found = std::get_if<Case>(&c.op);
            }
          },
          op);
      return found;
    }
  }

 private:
  template <class T, class V>
  struct variant_has : std::false_type {};
  template <class T, class... Ts>
  struct variant_has<T, std::variant<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {
  };
};

// ---- flattening ----

namespace flat_op_detail {

template <class ET>
struct AppEntryDecoder;
template <class... Ts>
struct AppEntryDecoder<EntryTypeList<Ts...>> {
  /// The entry's bytes as the entry type at `index`.
  static ExternResult<std::variant<Ts...>> decode(EntryDefIndex index, const Entry& entry,
                                                  std::string_view names) {
    std::optional<std::variant<Ts...>> out;
    std::uint8_t i = 0;
    auto attempt = [&](auto tag) {
      using T = typename decltype(tag)::type;
      if (i++ != index.value) return;
      T value{};
      if (entry.decode_app(value)) out = std::variant<Ts...>{std::move(value)};
    };
    (attempt(type_tag<Ts>{}), ...);
    if (out) return std::move(*out);
    if (index.value >= sizeof...(Ts)) return HDK_ERROR("unknown entry type");
    // The message names the type, lower case, as a person would say it.
    std::string name(codec_detail::split_names<sizeof...(Ts)>(names)[index.value]);
    for (char& c : name)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return HDK_ERROR("this entry is not a " + name);
  }
  template <class T>
  struct type_tag {
    using type = T;
  };
};

template <class ET, class LT>
struct Flattener {
  using F = FlatOp<ET, LT>;
  using Unit = UnitEntryType<ET>;
  ZomeIndex entry_zome;
  ZomeIndex link_zome;

  /// This zome's entry type for `type`, if it is one of this zome's app entries.
  std::optional<Unit> unit_of(const EntryType& type) const {
    const auto* app = std::get_if<entry_type::App>(&type);
    if (!app || !(app->def.zome_index == entry_zome)) return std::nullopt;
    if (app->def.entry_index.value >= ET::kCount) return std::nullopt;
    return Unit{app->def.entry_index};
  }
  std::optional<LT> link_type_of(const CreateLinkData& d) const {
    if (!(d.zome_index == link_zome)) return std::nullopt;
    if (d.link_type.value >= hdk_link_type_count(static_cast<LT*>(nullptr))) return std::nullopt;
    return static_cast<LT>(d.link_type.value);
  }
  ExternResult<typename FlatOpTypes<ET, LT>::AppEntry> app_entry(const EntryType& type,
                                                                 const Entry& entry) const {
    const auto unit = unit_of(type);
    if (!unit) return HDK_ERROR("the entry type is not one of this zome's");
    return AppEntryDecoder<typename ET::List>::decode(unit->index, entry, ET::hdk_names);
  }
  ExternResult<LT> link_type(const CreateLinkData& d) const {
    const auto lt = link_type_of(d);
    if (!lt) return HDK_ERROR("the link type is not one of this zome's");
    return *lt;
  }
  static bool is_agent(const EntryType& t) {
    return std::holds_alternative<entry_type::AgentPubKey>(t);
  }
  static bool is_grant(const EntryType& t) {
    return std::holds_alternative<entry_type::CapGrant>(t);
  }
  static bool is_claim(const EntryType& t) {
    return std::holds_alternative<entry_type::CapClaim>(t);
  }

  ExternResult<F> entry_op(const op::CreateEntry& o) const {
    using E = typename F::OpEntry;
    const Action& a = o.action.action();
    if (const auto* c = a.as<CreateData>()) {
      const TypedAction<CreateData> ta{a.header, *c};
      if (const auto* k = std::get_if<entry::Agent>(&o.entry.as_variant()))
        return F{typename F::CreateEntry{typename E::CreateAgent{k->key, ta}}};
      if (const auto* g = std::get_if<entry::CapGrant>(&o.entry.as_variant()))
        return F{typename F::CreateEntry{typename E::CreateCapGrant{g->grant, ta}}};
      if (const auto* cl = std::get_if<entry::CapClaim>(&o.entry.as_variant()))
        return F{typename F::CreateEntry{typename E::CreateCapClaim{cl->claim, ta}}};
      HDK_TRY(auto value, app_entry(c->entry_type, o.entry));
      return F{typename F::CreateEntry{typename E::CreateEntry{std::move(value), ta}}};
    }
    HDK_TRY(const auto ta, TypedAction<UpdateData>::try_from_action(a));
    const UpdateData& u = ta.data;
    if (const auto* k = std::get_if<entry::Agent>(&o.entry.as_variant()))
      return F{typename F::CreateEntry{typename E::UpdateAgent{
          k->key, u.original_entry_address.retype<HashType::Agent>(hash_prefix::kAgent),
          u.original_action_address, ta}}};
    if (const auto* g = std::get_if<entry::CapGrant>(&o.entry.as_variant()))
      return F{typename F::CreateEntry{typename E::UpdateCapGrant{
          u.original_action_address, u.original_entry_address, ta, g->grant}}};
    if (const auto* cl = std::get_if<entry::CapClaim>(&o.entry.as_variant()))
      return F{typename F::CreateEntry{typename E::UpdateCapClaim{
          u.original_action_address, u.original_entry_address, ta, cl->claim}}};
    HDK_TRY(auto value, app_entry(u.entry_type, o.entry));
    return F{typename F::CreateEntry{typename E::UpdateEntry{
        u.original_action_address, u.original_entry_address, std::move(value), ta}}};
  }

  ExternResult<F> update_op(const op::Update& o) const {
    using U = typename F::OpUpdate;
    HDK_TRY(const auto ta, TypedAction<UpdateData>::try_from_action(o.update.action()));
    const UpdateData& u = ta.data;
    if (is_agent(u.entry_type)) {
      const AgentPubKey old_key =
          u.original_entry_address.retype<HashType::Agent>(hash_prefix::kAgent);
      const AgentPubKey new_key = u.entry_hash.retype<HashType::Agent>(hash_prefix::kAgent);
      return F{
          typename F::Update{typename U::Agent{new_key, old_key, u.original_action_address, ta}}};
    }
    if (is_claim(u.entry_type))
      return F{typename F::Update{typename U::CapClaim{u.original_action_address, ta}}};
    if (is_grant(u.entry_type))
      return F{typename F::Update{typename U::CapGrant{u.original_action_address, ta}}};
    HDK_TRY(const auto original, must_get_action(u.original_action_address));
    HDK_TRY(const auto original_action,
            TypedAction<EntryCreationData>::try_from_action(original.content()));
    if (!o.new_entry) {
      const auto mine = unit_of(u.entry_type);
      const auto theirs = unit_of(original_action.data.entry_type());
      if (!mine || !theirs) return HDK_ERROR("the entry type is not one of this zome's");
      return F{typename F::Update{
          typename U::PrivateEntry{u.original_action_address, *theirs, *mine, ta}}};
    }
    HDK_TRY(const auto old_entry, must_get_entry(u.original_entry_address));
    HDK_TRY(auto old_value, app_entry(original_action.data.entry_type(), old_entry.content));
    HDK_TRY(auto new_value, app_entry(u.entry_type, *o.new_entry));
    return F{typename F::Update{
        typename U::Entry{original_action, std::move(old_value), std::move(new_value), ta}}};
  }

  ExternResult<F> delete_op(const op::Delete& o) const {
    using D = typename F::OpDelete;
    HDK_TRY(const auto ta, TypedAction<DeleteData>::try_from_action(o.delete_.action()));
    HDK_TRY(const auto original, must_get_action(ta.data.deletes_address));
    HDK_TRY(const auto original_action,
            TypedAction<EntryCreationData>::try_from_action(original.content()));
    const EntryType& type = original_action.data.entry_type();
    if (is_agent(type))
      return F{typename F::Delete{typename D::Agent{
          original_action.data.entry_hash().retype<HashType::Agent>(hash_prefix::kAgent),
          original_action, ta}}};
    if (is_claim(type)) return F{typename F::Delete{typename D::CapClaim{original_action, ta}}};
    if (is_grant(type)) return F{typename F::Delete{typename D::CapGrant{original_action, ta}}};
    const auto unit = unit_of(type);
    if (!unit) return HDK_ERROR("the entry type is not one of this zome's");
    const auto* app = std::get_if<entry_type::App>(&type);
    if (app->def.visibility == EntryVisibility::Private)
      return F{typename F::Delete{typename D::PrivateEntry{original_action, *unit, ta}}};
    HDK_TRY(const auto old_entry, must_get_entry(ta.data.deletes_entry_address));
    HDK_TRY(auto value, app_entry(type, old_entry.content));
    return F{typename F::Delete{typename D::Entry{original_action, std::move(value), ta}}};
  }

  ExternResult<F> link_op(const op::CreateLink& o) const {
    HDK_TRY(const auto ta, TypedAction<CreateLinkData>::try_from_action(o.create_link.action()));
    HDK_TRY(const LT lt, link_type(ta.data));
    return F{typename F::Link{typename F::OpLink::CreateLink{lt, ta}}};
  }
  ExternResult<F> unlink_op(const op::DeleteLink& o) const {
    HDK_TRY(const auto ta, TypedAction<DeleteLinkData>::try_from_action(o.delete_link.action()));
    HDK_TRY(const auto original, TypedAction<CreateLinkData>::try_from_action(o.create_link));
    HDK_TRY(const LT lt, link_type(original.data));
    return F{typename F::Link{typename F::OpLink::DeleteLink{original, lt, ta}}};
  }

  /// CreateRecord's and AgentActivity's common cases; `R` is OpRecord or
  /// OpActivity, `content` the record's entry (activity has none).
  template <class R>
  ExternResult<typename R::Variant> action_case(const Action& a, const Entry* content) const {
    if (const auto* c = a.as<CreateData>()) {
      const TypedAction<CreateData> ta{a.header, *c};
      if (is_agent(c->entry_type))
        return typename R::Variant{typename R::CreateAgent{
            c->entry_hash.retype<HashType::Agent>(hash_prefix::kAgent), ta}};
      if (is_claim(c->entry_type)) return typename R::Variant{typename R::CreateCapClaim{ta}};
      if (is_grant(c->entry_type)) return typename R::Variant{typename R::CreateCapGrant{ta}};
      if constexpr (std::is_same_v<R, typename F::OpRecord>) {
        if (!content) {
          const auto unit = unit_of(c->entry_type);
          if (!unit) return HDK_ERROR("the entry type is not one of this zome's");
          return typename R::Variant{typename R::CreatePrivateEntry{*unit, ta}};
        }
        HDK_TRY(auto value, app_entry(c->entry_type, *content));
        return typename R::Variant{typename R::CreateEntry{std::move(value), ta}};
      } else {
        return typename R::Variant{typename R::CreateEntry{unit_of(c->entry_type), ta}};
      }
    }
    if (const auto* u = a.as<UpdateData>()) {
      const TypedAction<UpdateData> ta{a.header, *u};
      if (is_agent(u->entry_type))
        return typename R::Variant{typename R::UpdateAgent{
            u->original_entry_address.retype<HashType::Agent>(hash_prefix::kAgent),
            u->entry_hash.retype<HashType::Agent>(hash_prefix::kAgent), u->original_action_address,
            ta}};
      if (is_claim(u->entry_type))
        return typename R::Variant{
            typename R::UpdateCapClaim{u->original_action_address, u->original_entry_address, ta}};
      if (is_grant(u->entry_type))
        return typename R::Variant{
            typename R::UpdateCapGrant{u->original_action_address, u->original_entry_address, ta}};
      if constexpr (std::is_same_v<R, typename F::OpRecord>) {
        if (!content) {
          const auto unit = unit_of(u->entry_type);
          if (!unit) return HDK_ERROR("the entry type is not one of this zome's");
          return typename R::Variant{typename R::UpdatePrivateEntry{
              u->original_action_address, u->original_entry_address, *unit, ta}};
        }
        HDK_TRY(auto value, app_entry(u->entry_type, *content));
        return typename R::Variant{typename R::UpdateEntry{
            u->original_action_address, u->original_entry_address, std::move(value), ta}};
      } else {
        return typename R::Variant{typename R::UpdateEntry{
            u->original_action_address, u->original_entry_address, unit_of(u->entry_type), ta}};
      }
    }
    if (const auto* d = a.as<DeleteData>())
      return typename R::Variant{typename R::DeleteEntry{
          d->deletes_address, d->deletes_entry_address, TypedAction<DeleteData>{a.header, *d}}};
    if (const auto* l = a.as<CreateLinkData>()) {
      const TypedAction<CreateLinkData> ta{a.header, *l};
      if constexpr (std::is_same_v<R, typename F::OpRecord>) {
        HDK_TRY(const LT lt, link_type(*l));
        return typename R::Variant{typename R::CreateLink{lt, ta}};
      } else {
        return typename R::Variant{typename R::CreateLink{link_type_of(*l), ta}};
      }
    }
    if (const auto* dl = a.as<DeleteLinkData>())
      return typename R::Variant{typename R::DeleteLink{
          dl->link_add_address, dl->base_address, TypedAction<DeleteLinkData>{a.header, *dl}}};
    return typename R::Variant{typename R::Other{a}};
  }

  ExternResult<F> flatten(const Op& op) const {
    if (const auto* r = std::get_if<op::CreateRecord>(&op)) {
      const Entry* content = r->record.entry_if_present();
      HDK_TRY(auto c, action_case<typename F::OpRecord>(r->record.action(), content));
      return F{typename F::CreateRecord{std::move(c)}};
    }
    if (const auto* e = std::get_if<op::CreateEntry>(&op)) return entry_op(*e);
    if (const auto* u = std::get_if<op::Update>(&op)) return update_op(*u);
    if (const auto* d = std::get_if<op::Delete>(&op)) return delete_op(*d);
    if (const auto* a = std::get_if<op::AgentActivity>(&op)) {
      HDK_TRY(auto c, action_case<typename F::OpActivity>(a->action.action(), nullptr));
      return F{typename F::AgentActivity{std::move(c)}};
    }
    if (const auto* l = std::get_if<op::CreateLink>(&op)) return link_op(*l);
    return unlink_op(std::get<op::DeleteLink>(op));
  }
};

}  // namespace flat_op_detail

/// hdi's `op.flattened::<EntryTypes, LinkTypes>()`: the op in this zome's
/// types. An error (not Invalid) when an entry does not decode as the type
/// its action names, or names a type of another zome, as in hdi.
template <class EntryTypes, class LinkTypes>
ExternResult<FlatOp<EntryTypes, LinkTypes>> flattened(const Op& op) {
  HDK_TRY(const ZomeInfo info, zome_info());
  HDK_TRY(const ZomeIndex entries, api_detail::first_dependency(info.zome_types.entries));
  HDK_TRY(const ZomeIndex links, api_detail::first_dependency(info.zome_types.links));
  return flat_op_detail::Flattener<EntryTypes, LinkTypes>{entries, links}.flatten(op);
}

}  // namespace hdk
