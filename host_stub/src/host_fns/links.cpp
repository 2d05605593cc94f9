// Host functions over links: create_link, delete_link, get_links,
// get_links_details, count_links.
#include <algorithm>

#include "hdk_host/host_functions.hpp"
#include "world_access.hpp"

namespace hdk_host::host_fns {
namespace {

bool type_matches(const hdk::LinkTypeFilter& filter, const hdk::Link& link) {
  if (const auto* deps = std::get_if<hdk::link_type_filter::Dependencies>(&filter))
    return std::any_of(deps->zomes.begin(), deps->zomes.end(),
                       [&](hdk::ZomeIndex z) { return z == link.zome_index; });
  for (const auto& [zome, types] : std::get<hdk::link_type_filter::Types>(filter).types) {
    if (!(zome == link.zome_index)) continue;
    for (const auto& t : types)
      if (t == link.link_type) return true;
  }
  return false;
}

bool tag_matches(const std::optional<hdk::LinkTag>& prefix, const hdk::Link& link) {
  if (!prefix) return true;
  const auto& p = prefix->bytes;
  return link.tag.bytes.size() >= p.size() &&
         std::equal(p.begin(), p.end(), link.tag.bytes.begin());
}

bool matches(const hdk::Link& link, const hdk::LinkTypeFilter& type,
             const std::optional<hdk::LinkTag>& tag, const std::optional<hdk::Timestamp>& after,
             const std::optional<hdk::Timestamp>& before,
             const std::optional<hdk::AgentPubKey>& author) {
  if (!type_matches(type, link) || !tag_matches(tag, link)) return false;
  if (after && link.timestamp < *after) return false;
  if (before && !(link.timestamp < *before)) return false;
  return !author || link.author == *author;
}

std::vector<hdk::Link> select(const world::CallEnv& env, const hdk::AnyLinkableHash& base,
                              const hdk::LinkTypeFilter& type,
                              const std::optional<hdk::LinkTag>& tag,
                              const std::optional<hdk::Timestamp>& after,
                              const std::optional<hdk::Timestamp>& before,
                              const std::optional<hdk::AgentPubKey>& author) {
  std::vector<hdk::Link> out;
  for (auto& link : env.links_from(base))
    if (matches(link, type, tag, after, before, author)) out.push_back(std::move(link));
  return out;
}

}  // namespace

hdk::ExternResult<hdk::ActionHash> create_link_1(CallContext& context,
                                                 const hdk::CreateLinkInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = writable_world_of(context, "create_link", error);
  if (!env) return error;
  if (input.zome_index.value != 0 || input.link_type.value >= env->dna().link_type_count)
    return host_error("create_link: link type (" + std::to_string(input.zome_index.value) + ", " +
                      std::to_string(input.link_type.value) +
                      ") is not declared by the integrity zome");
  hdk::action::CreateLink create{input.base_address, input.target_address, input.zome_index,
                                 input.link_type, input.tag};
  return env->append(std::move(create), std::nullopt).action_address();
}

hdk::ExternResult<hdk::ActionHash> delete_link_1(CallContext& context,
                                                 const hdk::DeleteLinkInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = writable_world_of(context, "delete_link", error);
  if (!env) return error;
  // get_options would say how far to look; the stub's DHT holds everything.
  const hdk::Record* created = env->find_record(input.address);
  const auto* create = created ? created->action().as<hdk::action::CreateLink>() : nullptr;
  if (!create) return host_error("delete_link: no CreateLink action at that address");
  return env->append(hdk::action::DeleteLink{create->base_address, input.address}, std::nullopt)
      .action_address();
}

hdk::ExternResult<std::vector<std::vector<hdk::Link>>> get_links_1(
    CallContext& context, const std::vector<hdk::GetLinksInput>& inputs) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "get_links", error);
  if (!env) return error;
  std::vector<std::vector<hdk::Link>> out;
  for (const auto& in : inputs)
    out.push_back(
        select(*env, in.base_address, in.link_type, in.tag_prefix, in.after, in.before, in.author));
  return out;
}

hdk::ExternResult<std::vector<hdk::LinkDetails>> get_links_details_1(
    CallContext& context, const std::vector<hdk::GetLinksInput>& inputs) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "get_links_details", error);
  if (!env) return error;
  // Every CreateLink the query matches, deleted or not, with its DeleteLinks.
  const std::vector<const hdk::Record*> records = env->visible_records();
  std::vector<hdk::LinkDetails> out;
  for (const auto& in : inputs) {
    hdk::LinkDetails details;
    for (const hdk::Record* record : records) {
      const auto link = world::link_of(*record);
      if (!link || !(link->base == in.base_address) ||
          !matches(*link, in.link_type, in.tag_prefix, in.after, in.before, in.author))
        continue;
      std::vector<hdk::SignedActionHashed> deletes;
      for (const hdk::Record* r : records)
        if (const auto* del = r->action().as<hdk::action::DeleteLink>())
          if (del->link_add_address == link->create_link_hash) deletes.push_back(r->signed_action);
      details.links.emplace_back(record->signed_action, std::move(deletes));
    }
    out.push_back(std::move(details));
  }
  return out;
}

hdk::ExternResult<std::uint64_t> count_links_1(CallContext& context, const hdk::LinkQuery& query) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "count_links", error);
  if (!env) return error;
  return static_cast<std::uint64_t>(select(*env, query.base, query.link_type, query.tag_prefix,
                                           query.after, query.before, query.author)
                                        .size());
}

}  // namespace hdk_host::host_fns
