// One zome call's workspace: new records stack up on top of the agent's
// committed chain and are seen by the call's own reads.
#include <algorithm>

#include "hdk_host/world.hpp"
#include "hdk_host/world_inputs.hpp"

namespace hdk_host::world {

const hdk::Record* CallEnv::head() const {
  if (!pending_.empty()) return &pending_.back();
  return cell_.chain.empty() ? nullptr : &cell_.chain.back();
}

hdk::Timestamp CallEnv::next_timestamp() {
  const std::int64_t now = inputs_.now().micros;
  // Holochain refuses an action older than its predecessor; the clock may not
  // have moved between two commits of one call, so each action takes at least prev + 1.
  const hdk::Record* h = head();
  const std::int64_t floor = h ? h->action().timestamp().micros + 1 : 0;
  return hdk::Timestamp{std::max<std::int64_t>(now, floor)};
}

hdk::ChainTop CallEnv::head_info() const {
  const hdk::Record* h = head();
  if (!h) return {hdk::ActionHash{}, 0, hdk::Timestamp{}};
  return {h->action_address(), h->action().action_seq(), h->action().timestamp()};
}

const hdk::Record& CallEnv::append(hdk::ActionData data, std::optional<hdk::Entry> entry) {
  const hdk::Record* h = head();
  hdk::Action action;
  action.header.author = cell_.keys.agent;
  action.header.timestamp = next_timestamp();
  // The Dna action starts the chain: seq 0, nothing before it.
  action.header.action_seq = h ? h->action().action_seq() + 1 : 0;
  if (h) action.header.prev_action = h->action_address();
  action.data = std::move(data);
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

const hdk::Record* CallEnv::own_record(const hdk::ActionHash& hash) const {
  for (const auto& r : cell_.chain)
    if (r.action_address() == hash) return &r;
  return nullptr;
}

const hdk::Record* CallEnv::find_record(const hdk::ActionHash& hash) const {
  for (const auto& r : pending_)
    if (r.action_address() == hash) return &r;
  const hdk::Record* found = dht_.record(hash);
  // The DHT holds a private entry's action without it; its author reads
  // the entry from the chain, as a conductor's cascade reads its own store first.
  if (found && std::holds_alternative<hdk::record_entry::Hidden>(found->entry) &&
      found->action().author() == cell_.keys.agent)
    if (const hdk::Record* own = own_record(hash)) return own;
  return found;
}

const hdk::Record* CallEnv::find_entry_record(const hdk::EntryHash& hash) const {
  for (const auto& r : pending_)
    if (r.action().entry_hash() == hash) return &r;
  if (const hdk::Record* published = dht_.record_for_entry(hash)) return published;
  // Not on the DHT: perhaps a private entry of this agent's own chain (the
  // oldest live one, as the DHT answers).
  const hdk::Record* any = nullptr;
  for (const auto& r : cell_.chain) {
    if (r.action().entry_hash() != hash || !is_private_entry(r)) continue;
    if (!dht_.is_deleted(r.action_address())) return &r;
    if (!any) any = &r;
  }
  return any;
}

std::vector<hdk::Link> CallEnv::links_from(const hdk::AnyLinkableHash& base) const {
  std::vector<hdk::Link> links = dht_.links_from(base);
  for (const auto& r : pending_) {
    if (auto link = link_of(r)) {
      if (link->base == base) links.push_back(std::move(*link));
    } else if (const auto* del = r.action().as<hdk::action::DeleteLink>()) {
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

std::vector<hdk::Op> ops_of(const hdk::Record& record, const CallEnv& env) {
  std::vector<hdk::Op> ops;
  const hdk::SignedActionHashed& sah = record.signed_action;
  const hdk::Action& action = record.action();
  const hdk::Entry* entry = record.entry_if_present();
  ops.push_back(hdk::op::CreateRecord{record});
  // An authority caches no entry with agent activity unless asked to.
  ops.push_back(hdk::op::AgentActivity{{sah, std::nullopt}});
  if (entry && (action.is<hdk::action::Create>() || action.is<hdk::action::Update>()))
    ops.push_back(hdk::op::CreateEntry{sah, *entry});
  if (action.is<hdk::action::Update>()) {
    // A private entry does not travel with its update.
    const hdk::AppEntryDef* def = action.app_entry_def();
    const bool is_private = def && def->visibility == hdk::EntryVisibility::Private;
    ops.push_back(hdk::op::Update{
        sah, entry && !is_private ? std::optional<hdk::Entry>(*entry) : std::nullopt});
  } else if (action.is<hdk::action::Delete>()) {
    ops.push_back(hdk::op::Delete{sah});
  } else if (action.is<hdk::action::CreateLink>()) {
    ops.push_back(hdk::op::CreateLink{sah});
  } else if (const auto* del = action.as<hdk::action::DeleteLink>()) {
    // The conductor fetches the CreateLink; without it the op waits (here: the
    // stub's DHT is complete, so a DeleteLink of nothing yields no op).
    if (const hdk::Record* created = env.find_record(del->link_add_address))
      if (created->action().is<hdk::action::CreateLink>())
        ops.push_back(hdk::op::DeleteLink{sah, created->action()});
  }
  return ops;
}

}  // namespace hdk_host::world
