// Host functions that write and read records: create, update, get, query.
#include <algorithm>
#include <optional>
#include <set>

#include "chain_query.hpp"
#include "hdk_host/host_functions.hpp"
#include "world_access.hpp"

namespace hdk_host::host_fns {

hdk::ExternResult<hdk::ActionHash> create_1(CallContext& context, const hdk::CreateInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = writable_world_of(context, "create", error);
  if (!env) return error;
  // A grant or claim is typed by its entry alone (EntryType::CapGrant / CapClaim).
  if (std::holds_alternative<hdk::entry_def_location::CapGrant>(input.entry_location)) {
    if (!std::holds_alternative<hdk::entry::CapGrant>(input.entry.as_variant()))
      return host_error("create: the CapGrant location needs a CapGrant entry");
    return env
        ->append(hdk::action::Create{hdk::entry_type::CapGrant{}, world::hash_entry(input.entry)},
                 input.entry)
        .action_address();
  }
  if (std::holds_alternative<hdk::entry_def_location::CapClaim>(input.entry_location)) {
    if (!std::holds_alternative<hdk::entry::CapClaim>(input.entry.as_variant()))
      return host_error("create: the CapClaim location needs a CapClaim entry");
    return env
        ->append(hdk::action::Create{hdk::entry_type::CapClaim{}, world::hash_entry(input.entry)},
                 input.entry)
        .action_address();
  }
  const auto* location = std::get_if<hdk::entry_def_location::App>(&input.entry_location);
  if (!location || !std::holds_alternative<hdk::entry::App>(input.entry.as_variant()))
    return host_error("create: an app entry type needs an App entry");
  const auto& where = location->location;
  if (where.zome_index.value != 0 || where.entry_def_index.value >= env->dna().entry_type_count)
    return host_error("create: entry type (" + std::to_string(where.zome_index.value) + ", " +
                      std::to_string(where.entry_def_index.value) +
                      ") is not declared by the integrity zome");
  // Sys validation refuses an entry whose visibility is not its entry def's.
  const auto& defs = env->dna().entry_defs.defs;
  if (where.entry_def_index.value < defs.size() &&
      defs[where.entry_def_index.value].visibility != input.entry_visibility)
    return host_error(
        "create: entry type " + std::to_string(where.entry_def_index.value) + " is declared " +
        (input.entry_visibility == hdk::EntryVisibility::Private ? "Public" : "Private") +
        "; the entry's visibility must be its entry def's");
  hdk::action::Create create{hdk::entry_type::App{hdk::AppEntryDef{
                                 where.entry_def_index, where.zome_index, input.entry_visibility}},
                             world::hash_entry(input.entry)};
  return env->append(std::move(create), input.entry).action_address();
}

hdk::ExternResult<hdk::ActionHash> update_1(CallContext& context, const hdk::UpdateInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = writable_world_of(context, "update", error);
  if (!env) return error;
  const hdk::Record* original = env->find_record(input.original_action_address);
  if (!original) return host_error("update: the original action was not found");
  const hdk::EntryType* type = original->action().entry_type();
  if (!type) return host_error("update: the original action did not create an entry");
  // An update keeps its original's type, so its entry must be of that kind.
  const bool grant_type = std::holds_alternative<hdk::entry_type::CapGrant>(*type);
  const bool grant_entry = std::holds_alternative<hdk::entry::CapGrant>(input.entry.as_variant());
  if (grant_type != grant_entry)
    return host_error(grant_type ? "update: a CapGrant can only be updated with a CapGrant entry"
                                 : "update: a CapGrant entry can only update a CapGrant");
  hdk::action::Update update{input.original_action_address, *original->action().entry_hash(), *type,
                             world::hash_entry(input.entry)};
  return env->append(std::move(update), input.entry).action_address();
}

hdk::ExternResult<hdk::ActionHash> delete_1(CallContext& context, const hdk::DeleteInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = writable_world_of(context, "delete", error);
  if (!env) return error;
  const hdk::Record* deleted = env->find_record(input.deletes_action_hash);
  if (!deleted || !deleted->action().entry_hash())
    return host_error("delete: no entry-creating action at that address");
  return env
      ->append(hdk::action::Delete{input.deletes_action_hash, *deleted->action().entry_hash()},
               std::nullopt)
      .action_address();
}

hdk::ExternResult<hdk::Unit> schedule_1(CallContext& context, const std::string& fn_name) {
  hdk::WasmError error;
  world::CallEnv* env = writable_world_of(context, "schedule", error);
  if (!env) return error;
  // Like a write, the schedule takes effect only if the call commits.
  env->scheduled.emplace_back(context.zome, fn_name);
  return hdk::Unit{};
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
    if (const auto* del = r->action().as<hdk::action::Delete>()) {
      if ((original && del->deletes_address == *original) ||
          (entry && del->deletes_entry_address == *entry))
        out.deletes.push_back(r->signed_action);
    } else if (const auto* upd = r->action().as<hdk::action::Update>()) {
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
    if (r->action().entry_hash() != hash) continue;  // only Create and Update write entries
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
    deleted.insert(d.action().as<hdk::action::Delete>()->deletes_address);
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

hdk::ExternResult<std::vector<hdk::Record>> query_1(CallContext& context,
                                                    const hdk::ChainQueryFilter& filter) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "query", error);
  if (!env) return error;
  std::vector<hdk::Record> out;
  for (const hdk::Record* record : select_from_chain(env->chain_view(), filter)) {
    hdk::Record copy = *record;
    if (!filter.include_entries && copy.entry_if_present())
      copy.entry = hdk::record_entry::NotStored{};
    out.push_back(std::move(copy));
  }
  return out;
}

}  // namespace hdk_host::host_fns
