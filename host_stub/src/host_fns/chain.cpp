// Host functions that write and read records: create, update, get, query.
#include <algorithm>
#include <optional>
#include <set>

#include "hdk_host/host_functions.hpp"
#include "world_access.hpp"

namespace hdk_host::host_fns {

hdk::ExternResult<hdk::ActionHash> create_1(CallContext& context, const hdk::CreateInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = writable_world_of(context, "create", error);
  if (!env) return error;
  const auto* location = std::get_if<hdk::entry_def_location::App>(&input.entry_location);
  if (!location || !std::holds_alternative<hdk::entry::App>(input.entry.as_variant()))
    return host_error("create: only app entries are supported by the host stub");
  const auto& where = location->location;
  if (where.zome_index.value != 0 || where.entry_def_index.value >= env->dna().entry_type_count)
    return host_error("create: entry type (" + std::to_string(where.zome_index.value) + ", " +
                      std::to_string(where.entry_def_index.value) +
                      ") is not declared by the integrity zome");
  hdk::action::Create create;
  env->stamp(create);
  create.entry_type = hdk::entry_type::App{
      hdk::AppEntryDef{where.entry_def_index, where.zome_index, input.entry_visibility}};
  create.entry_hash = world::hash_entry(input.entry);
  return env->append(std::move(create), input.entry).action_address();
}

hdk::ExternResult<hdk::ActionHash> update_1(CallContext& context, const hdk::UpdateInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = writable_world_of(context, "update", error);
  if (!env) return error;
  const hdk::Record* original = env->find_record(input.original_action_address);
  if (!original) return host_error("update: the original action was not found");
  const auto& action = original->action().as_variant();
  const hdk::EntryType* type = nullptr;
  if (const auto* c = std::get_if<hdk::action::Create>(&action)) type = &c->entry_type;
  if (const auto* u = std::get_if<hdk::action::Update>(&action)) type = &u->entry_type;
  if (!type) return host_error("update: the original action did not create an entry");
  hdk::action::Update update;
  env->stamp(update);
  update.original_action_address = input.original_action_address;
  update.original_entry_address = *original->action().entry_hash();
  update.entry_type = *type;
  update.entry_hash = world::hash_entry(input.entry);
  return env->append(std::move(update), input.entry).action_address();
}

hdk::ExternResult<hdk::ActionHash> delete_1(CallContext& context, const hdk::DeleteInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = writable_world_of(context, "delete", error);
  if (!env) return error;
  const hdk::Record* deleted = env->find_record(input.deletes_action_hash);
  if (!deleted || !deleted->action().entry_hash())
    return host_error("delete: no entry-creating action at that address");
  hdk::action::Delete del;
  env->stamp(del);
  del.deletes_address = input.deletes_action_hash;
  del.deletes_entry_address = *deleted->action().entry_hash();
  return env->append(std::move(del), std::nullopt).action_address();
}

hdk::ExternResult<std::vector<std::optional<hdk::Record>>> get_1(
    CallContext& context, const std::vector<hdk::GetInput>& inputs) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "get", error);
  if (!env) return error;
  std::vector<std::optional<hdk::Record>> out;
  for (const auto& input : inputs) {
    const auto& raw = input.any_dht_hash.bytes;
    const hdk::Record* found = nullptr;
    if (hdk::hash_prefix::accepts(hdk::HashType::Action, raw.data())) {
      // An action hash answers its record, deleted or not (the hdk's `get` contract).
      found = env->find_record(hdk::ActionHash{raw});
    } else {
      // An entry hash answers the oldest live record that created it.
      found = env->find_entry_record(hdk::EntryHash{raw});
      if (found && env->dht().is_deleted(found->action_address())) found = nullptr;
    }
    out.push_back(found ? std::optional<hdk::Record>(*found) : std::nullopt);
  }
  return out;
}

namespace {

/// The deletes and updates among `records` whose original is the action
/// `original` (for a record) or, with `by_entry`, whose original entry is `entry`.
struct Amendments {
  std::vector<hdk::SignedActionHashed> deletes;
  std::vector<hdk::SignedActionHashed> updates;
};

Amendments amendments_of(const std::vector<const hdk::Record*>& records,
                         const hdk::ActionHash* original, const hdk::EntryHash* entry) {
  Amendments out;
  for (const hdk::Record* r : records) {
    const auto& action = r->action().as_variant();
    if (const auto* del = std::get_if<hdk::action::Delete>(&action)) {
      if ((original && del->deletes_address == *original) ||
          (entry && del->deletes_entry_address == *entry))
        out.deletes.push_back(r->signed_action);
    } else if (const auto* upd = std::get_if<hdk::action::Update>(&action)) {
      if ((original && upd->original_action_address == *original) ||
          (entry && upd->original_entry_address == *entry))
        out.updates.push_back(r->signed_action);
    }
  }
  return out;
}

std::optional<hdk::Details> record_details(const world::CallEnv& env,
                                           const std::vector<const hdk::Record*>& records,
                                           const hdk::ActionHash& hash) {
  const hdk::Record* record = env.find_record(hash);
  if (!record) return std::nullopt;
  Amendments amendments = amendments_of(records, &hash, nullptr);
  // The stub commits only valid records, so every record it holds is Valid.
  return hdk::Details{hdk::details::Record{hdk::RecordDetails{*record, hdk::ValidationStatus::Valid,
                                                              std::move(amendments.deletes),
                                                              std::move(amendments.updates)}}};
}

std::optional<hdk::Details> entry_details(const std::vector<const hdk::Record*>& records,
                                          const hdk::EntryHash& hash) {
  hdk::EntryDetails details;
  const hdk::Entry* entry = nullptr;
  std::set<hdk::ActionHash> writers;
  for (const hdk::Record* r : records) {
    const auto& action = r->action().as_variant();
    const bool writes = std::holds_alternative<hdk::action::Create>(action) ||
                        std::holds_alternative<hdk::action::Update>(action);
    if (!writes || r->action().entry_hash() != hash) continue;
    if (!entry) entry = r->entry_if_present();
    details.actions.push_back(r->signed_action);
    writers.insert(r->action_address());
  }
  if (!entry) return std::nullopt;
  details.entry = *entry;
  Amendments amendments = amendments_of(records, nullptr, &hash);
  // An entry is live while one action that wrote it is not deleted.
  std::set<hdk::ActionHash> deleted;
  for (const auto& d : amendments.deletes)
    deleted.insert(std::get<hdk::action::Delete>(d.content().as_variant()).deletes_address);
  const bool live = std::any_of(writers.begin(), writers.end(),
                                [&](const hdk::ActionHash& w) { return !deleted.count(w); });
  details.entry_dht_status = live ? hdk::EntryDhtStatus::Live : hdk::EntryDhtStatus::Dead;
  details.deletes = std::move(amendments.deletes);
  details.updates = std::move(amendments.updates);
  return hdk::Details{hdk::details::Entry{std::move(details)}};
}

}  // namespace

hdk::ExternResult<std::vector<std::optional<hdk::Details>>> get_details_1(
    CallContext& context, const std::vector<hdk::GetInput>& inputs) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "get_details", error);
  if (!env) return error;
  const std::vector<const hdk::Record*> records = env->visible_records();
  std::vector<std::optional<hdk::Details>> out;
  for (const auto& input : inputs) {
    const auto& raw = input.any_dht_hash.bytes;
    if (hdk::hash_prefix::accepts(hdk::HashType::Action, raw.data()))
      out.push_back(record_details(*env, records, hdk::ActionHash{raw}));
    else
      out.push_back(entry_details(records, hdk::EntryHash{raw}));
  }
  return out;
}

namespace {

bool matches(const hdk::ChainQueryFilter& filter, const hdk::Record& record) {
  const hdk::Action& action = record.action();
  const std::uint32_t seq = action.action_seq();
  if (const auto* r =
          std::get_if<hdk::chain_query_filter_range::ActionSeqRange>(&filter.sequence_range))
    if (seq < r->start || seq > r->end) return false;
  if (filter.action_type) {
    bool any = false;
    for (hdk::ActionType t : *filter.action_type) {
      const auto index = static_cast<std::size_t>(t);
      any = any || hdk::Codec<hdk::ActionType>::kNames[index] == action.type_name();
    }
    if (!any) return false;
  }
  if (filter.entry_hashes) {
    const auto hash = action.entry_hash();
    if (!hash || std::find(filter.entry_hashes->begin(), filter.entry_hashes->end(), *hash) ==
                     filter.entry_hashes->end())
      return false;
  }
  if (filter.entry_type) {
    const auto& variant = action.as_variant();
    const hdk::EntryType* type = nullptr;
    if (const auto* c = std::get_if<hdk::action::Create>(&variant)) type = &c->entry_type;
    if (const auto* u = std::get_if<hdk::action::Update>(&variant)) type = &u->entry_type;
    if (!type) return false;
    const auto bytes = hdk::encode_to_vector(*type);
    bool any = false;
    for (const auto& want : *filter.entry_type) any = any || hdk::encode_to_vector(want) == bytes;
    if (!any) return false;
  }
  return true;
}

}  // namespace

hdk::ExternResult<std::vector<hdk::Record>> query_1(CallContext& context,
                                                    const hdk::ChainQueryFilter& filter) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "query", error);
  if (!env) return error;
  if (!std::holds_alternative<hdk::chain_query_filter_range::Unbounded>(filter.sequence_range) &&
      !std::holds_alternative<hdk::chain_query_filter_range::ActionSeqRange>(filter.sequence_range))
    return host_error(
        "query: only Unbounded and ActionSeqRange ranges are supported by the host stub");
  std::vector<hdk::Record> out;
  for (const hdk::Record* record : env->chain_view()) {
    if (!matches(filter, *record)) continue;
    hdk::Record copy = *record;
    if (!filter.include_entries && copy.entry_if_present())
      copy.entry = hdk::record_entry::NotStored{};
    out.push_back(std::move(copy));
  }
  if (filter.order_descending) std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace hdk_host::host_fns
