// The shared DHT store: every committed record, indexed for get and get_links.
#include "hdk_host/world.hpp"

namespace hdk_host::world {

bool is_private_entry(const hdk::Record& record) {
  const hdk::EntryType* type = record.action().entry_type();
  if (!type) return false;
  if (std::holds_alternative<hdk::entry_type::CapGrant>(*type) ||
      std::holds_alternative<hdk::entry_type::CapClaim>(*type))
    return true;
  const hdk::AppEntryDef* def = record.action().app_entry_def();
  return def && def->visibility == hdk::EntryVisibility::Private;
}

std::optional<hdk::Link> link_of(const hdk::Record& record) {
  const hdk::Action& action = record.action();
  const auto* create = action.as<hdk::action::CreateLink>();
  if (!create) return std::nullopt;
  return hdk::Link{action.author(),    create->base_address,   create->target_address,
                   action.timestamp(), create->zome_index,     create->link_type,
                   create->tag,        record.action_address()};
}

void Dht::put(const hdk::Record& record) {
  const hdk::ActionHash& hash = record.action_address();
  if (!records_.insert_or_assign(hash, record).second) return;  // already held: indexes are set
  arrival_order_.push_back(hash);
  const hdk::Action& action = record.action();
  if (const auto entry = action.entry_hash()) entry_creators_.emplace(*entry, hash);
  if (action.is<hdk::action::CreateLink>()) create_links_.push_back(hash);
  if (const auto* del = action.as<hdk::action::Delete>()) deleted_.insert(del->deletes_address);
  if (const auto* del = action.as<hdk::action::DeleteLink>())
    deleted_.insert(del->link_add_address);
}

const hdk::Record* Dht::record(const hdk::ActionHash& hash) const {
  const auto it = records_.find(hash);
  return it == records_.end() ? nullptr : &it->second;
}

std::vector<const hdk::Record*> Dht::records_in_arrival_order() const {
  std::vector<const hdk::Record*> out;
  out.reserve(arrival_order_.size());
  for (const auto& hash : arrival_order_) out.push_back(record(hash));
  return out;
}

const hdk::Record* Dht::record_for_entry(const hdk::EntryHash& entry) const {
  const hdk::Record* any = nullptr;
  for (auto [it, end] = entry_creators_.equal_range(entry); it != end; ++it) {
    const hdk::Record* r = record(it->second);
    if (!r || std::holds_alternative<hdk::record_entry::Hidden>(r->entry)) continue;
    if (!is_deleted(it->second)) return r;
    if (!any) any = r;
  }
  return any;
}

std::vector<hdk::Link> Dht::links_from(const hdk::AnyLinkableHash& base) const {
  std::vector<hdk::Link> out;
  for (const auto& hash : create_links_) {
    if (is_deleted(hash)) continue;
    auto link = link_of(*record(hash));
    if (link && link->base == base) out.push_back(std::move(*link));
  }
  return out;
}

}  // namespace hdk_host::world
