// Host functions describing the cell: agent_info, dna_info (1 and 2), zome_info,
// call_info, get_init_properties.
#include "hdk_host/host_functions.hpp"
#include "world_access.hpp"

namespace hdk_host::host_fns {

hdk::ExternResult<hdk::AgentInfo> agent_info_1(CallContext& context, const hdk::Unit&) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "agent_info", error);
  if (!env) return error;
  return hdk::AgentInfo{env->cell().keys.agent, env->head_info()};
}

hdk::ExternResult<hdk::DnaInfoV1> dna_info_1(CallContext& context, const hdk::Unit&) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "dna_info", error);
  if (!env) return error;
  const world::DnaShape& dna = env->dna();
  return hdk::DnaInfoV1{dna.name, dna.hash, dna.properties, dna.zome_names};
}

hdk::ExternResult<hdk::DnaInfo> dna_info_2(CallContext& context, const hdk::Unit&) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "dna_info", error);
  if (!env) return error;
  const world::DnaShape& dna = env->dna();
  return hdk::DnaInfo{dna.name, dna.hash, hdk::DnaModifiers{dna.network_seed, dna.properties},
                      dna.zome_names};
}

/// Only init may ask (the access rules see to it); none unless the app gave some.
hdk::ExternResult<std::optional<hdk::InitProperties>> get_init_properties_1(CallContext& context,
                                                                            const hdk::Unit&) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "get_init_properties", error);
  if (!env) return error;
  if (!env->dna().init_properties) return std::optional<hdk::InitProperties>{};
  return std::optional<hdk::InitProperties>{hdk::InitProperties{*env->dna().init_properties}};
}

hdk::ExternResult<hdk::ZomeInfo> zome_info_1(CallContext& context, const hdk::Unit&) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "zome_info", error);
  if (!env) return error;
  const world::DnaShape& dna = env->dna();
  hdk::ZomeInfo info;
  const std::uint8_t index = env->zome_index();
  info.name = index < dna.zome_names.size() ? dna.zome_names[index] : context.zome;
  info.id = hdk::ZomeIndex{index};
  // Holochain's zome_info sends SerializedBytes::default(): no bytes at all.
  info.properties = hdk::Bytes{};
  // Every zome depends on the one integrity zome: its entry defs are everyone's.
  info.entry_defs = dna.entry_defs;
  if (index < dna.extern_fns.size()) info.extern_fns = dna.extern_fns[index];
  // Every zome here depends on the one integrity zome, index 0.
  std::vector<hdk::EntryDefIndex> entries;
  for (std::uint8_t i = 0; i < dna.entry_type_count; ++i) entries.push_back(hdk::EntryDefIndex{i});
  std::vector<hdk::LinkType> links;
  for (std::uint8_t i = 0; i < dna.link_type_count; ++i) links.push_back(hdk::LinkType{i});
  info.zome_types.entries.types.emplace_back(hdk::ZomeIndex{0}, std::move(entries));
  info.zome_types.links.types.emplace_back(hdk::ZomeIndex{0}, std::move(links));
  return info;
}

hdk::ExternResult<hdk::CallInfo> call_info_1(CallContext& context, const hdk::Unit&) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "call_info", error);
  if (!env) return error;
  const hdk::AgentPubKey& agent = env->cell().keys.agent;
  // The grant the scenario's capability check found; the cell's own agent calls as ChainAuthor.
  return hdk::CallInfo{env->provenance.value_or(agent), context.function, env->start_head(),
                       env->cap_grant.value_or(hdk::CapGrant{hdk::cap_grant::ChainAuthor{agent}})};
}

}  // namespace hdk_host::host_fns
