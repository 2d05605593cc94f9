// One zome call's workspace: new records stack up on top of the agent's
// committed chain and are seen by the call's own reads.
#include <algorithm>
#include <chrono>

#include "hdk_host/world.hpp"

namespace hdk_host::world {

const hdk::Record* CallEnv::head() const {
  if (!pending_.empty()) return &pending_.back();
  return cell_.chain.empty() ? nullptr : &cell_.chain.back();
}

hdk::ActionHash CallEnv::head_hash() const {
  const hdk::Record* h = head();
  return h ? h->action_address() : hdk::ActionHash{};
}

std::uint32_t CallEnv::next_seq() const {
  const hdk::Record* h = head();
  return h ? h->action().action_seq() + 1 : 0;
}

hdk::Timestamp CallEnv::next_timestamp() const {
  const auto now = std::chrono::duration_cast<std::chrono::microseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  // Holochain refuses an action older than its predecessor; the clock may not
  // have moved between two commits of one call, so each action takes at least prev + 1.
  const hdk::Record* h = head();
  const std::int64_t floor = h ? h->action().timestamp().micros + 1 : 0;
  return hdk::Timestamp{std::max<std::int64_t>(now, floor)};
}

hdk::ChainHead CallEnv::head_info() const {
  const hdk::Record* h = head();
  if (!h) return {hdk::ActionHash{}, 0, hdk::Timestamp{}};
  return {h->action_address(), h->action().action_seq(), h->action().timestamp()};
}

const hdk::Record& CallEnv::append(hdk::Action action, std::optional<hdk::Entry> entry) {
  // Holochain signs the action's serialized bytes and hashes the same bytes.
  const auto bytes = hdk::encode_to_vector(action);
  hdk::Record record;
  record.signed_action.signature = sign(cell_.keys, bytes);
  record.signed_action.hashed.hash = hash_action(action);
  record.signed_action.hashed.content = std::move(action);
  if (entry) {
    record.entry = hdk::record_entry::Present{std::move(*entry)};
  } else {
    record.entry = hdk::record_entry::NA{};
  }
  pending_.push_back(std::move(record));
  return pending_.back();
}

const hdk::Record* CallEnv::find_record(const hdk::ActionHash& hash) const {
  for (const auto& r : pending_)
    if (r.action_address() == hash) return &r;
  return dht_.record(hash);
}

const hdk::Record* CallEnv::find_entry_record(const hdk::EntryHash& hash) const {
  for (const auto& r : pending_)
    if (r.action().entry_hash() == hash) return &r;
  return dht_.record_for_entry(hash);
}

std::vector<hdk::Link> CallEnv::links_from(const hdk::AnyLinkableHash& base) const {
  std::vector<hdk::Link> links = dht_.links_from(base);
  for (const auto& r : pending_) {
    const auto& action = r.action().as_variant();
    if (const auto* create = std::get_if<hdk::action::CreateLink>(&action)) {
      if (create->base_address == base) links.push_back(link_of(*create, r.action_address()));
    } else if (const auto* del = std::get_if<hdk::action::DeleteLink>(&action)) {
      std::erase_if(
          links, [&](const hdk::Link& l) { return l.create_link_hash == del->link_add_address; });
    }
  }
  return links;
}

std::vector<const hdk::Record*> CallEnv::visible_records() const {
  std::vector<const hdk::Record*> out = dht_.records_in_arrival_order();
  for (const auto& r : pending_) out.push_back(&r);
  return out;
}

std::vector<const hdk::Record*> CallEnv::chain_view() const {
  std::vector<const hdk::Record*> out;
  for (const auto& r : cell_.chain) out.push_back(&r);
  for (const auto& r : pending_) out.push_back(&r);
  return out;
}

namespace {

template <class A>
hdk::SignedHashed<hdk::Bare<A>> bare_signed(const hdk::Record& record) {
  hdk::SignedHashed<hdk::Bare<A>> out;
  out.hashed.content.value = std::get<A>(record.action().as_variant());
  out.hashed.hash = record.action_address();
  out.signature = record.signed_action.signature;
  return out;
}

}  // namespace

std::vector<hdk::Op> ops_of(const hdk::Record& record, const CallEnv& env) {
  std::vector<hdk::Op> ops;
  ops.push_back(hdk::op::StoreRecord{record});
  const auto& action = record.action().as_variant();
  const hdk::Entry* entry = record.entry_if_present();
  if (entry && (std::holds_alternative<hdk::action::Create>(action) ||
                std::holds_alternative<hdk::action::Update>(action))) {
    hdk::op::StoreEntry store;
    if (const auto* c = std::get_if<hdk::action::Create>(&action)) {
      store.action.hashed.content =
          hdk::entry_creation_action::Create{hdk::Bare<hdk::action::Create>{*c}};
    } else {
      store.action.hashed.content = hdk::entry_creation_action::Update{
          hdk::Bare<hdk::action::Update>{std::get<hdk::action::Update>(action)}};
    }
    store.action.hashed.hash = record.action_address();
    store.action.signature = record.signed_action.signature;
    store.entry = *entry;
    ops.push_back(std::move(store));
  }
  if (std::holds_alternative<hdk::action::Update>(action)) {
    ops.push_back(
        hdk::op::RegisterUpdate{bare_signed<hdk::action::Update>(record),
                                entry ? std::optional<hdk::Entry>(*entry) : std::nullopt});
  } else if (std::holds_alternative<hdk::action::Delete>(action)) {
    ops.push_back(hdk::op::RegisterDelete{bare_signed<hdk::action::Delete>(record)});
  } else if (std::holds_alternative<hdk::action::CreateLink>(action)) {
    ops.push_back(hdk::op::RegisterCreateLink{bare_signed<hdk::action::CreateLink>(record)});
  } else if (const auto* del = std::get_if<hdk::action::DeleteLink>(&action)) {
    if (const hdk::Record* created = env.find_record(del->link_add_address)) {
      if (const auto* create =
              std::get_if<hdk::action::CreateLink>(&created->action().as_variant()))
        ops.push_back(hdk::op::RegisterDeleteLink{bare_signed<hdk::action::DeleteLink>(record),
                                                  hdk::Bare<hdk::action::CreateLink>{*create}});
    }
  }
  return ops;
}

}  // namespace hdk_host::world
