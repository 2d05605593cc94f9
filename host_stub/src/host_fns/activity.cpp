// Agent activity: get_agent_activity (what the DHT's authorities know of an
// agent's chain) and hdi's must_get_agent_activity (a bounded walk down a
// chain, a validation dependency). Both read the stub's one complete DHT.
#include <algorithm>

#include "chain_query.hpp"
#include "hdk_host/host_functions.hpp"
#include "world_access.hpp"

namespace hdk_host::host_fns {
namespace {

/// The entry an agent-activity authority would hand out with `record`:
/// a public app entry or an agent key, never a private entry or a grant.
std::optional<hdk::Entry> cacheable_entry(const hdk::Record& record) {
  const hdk::Entry* entry = record.entry_if_present();
  if (!entry) return std::nullopt;
  const hdk::EntryType* type = record.action().entry_type();
  if (!type) return std::nullopt;
  if (const auto* app = std::get_if<hdk::entry_type::App>(type))
    return app->def.visibility == hdk::EntryVisibility::Public ? std::optional<hdk::Entry>(*entry)
                                                               : std::nullopt;
  if (std::holds_alternative<hdk::entry_type::AgentPubKey>(*type)) return *entry;
  return std::nullopt;
}

hdk::ChainStatus status_of(const std::vector<const hdk::Record*>& chain) {
  if (chain.empty()) return hdk::chain_status::Empty{};
  const hdk::Record& top = *chain.back();
  const hdk::ChainHead head{top.action().action_seq(), top.action_address()};
  if (top.action().is<hdk::action::CloseChain>()) return hdk::chain_status::Closed{head};
  // The stub commits only valid records on one line per agent: no forks, no invalid heads.
  return hdk::chain_status::Valid{head};
}

/// The records `filter` walks, top first; none when the chain does not
/// hold the whole stretch (its top, or the hash it stops at).
std::optional<std::vector<const hdk::Record*>> walk(const std::vector<const hdk::Record*>& chain,
                                                    const hdk::ChainFilter& filter) {
  namespace lc = hdk::limit_conditions;
  auto top = std::find_if(chain.rbegin(), chain.rend(), [&](const hdk::Record* r) {
    return r->action_address() == filter.chain_top;
  });
  if (top == chain.rend()) return std::nullopt;
  std::vector<const hdk::Record*> out;
  for (auto it = top; it != chain.rend(); ++it) {
    const hdk::Record* r = *it;
    if (const auto* take = std::get_if<lc::Take>(&filter.limit_conditions))
      if (out.size() >= take->count) return out;
    if (const auto* until = std::get_if<lc::UntilTimestamp>(&filter.limit_conditions))
      if (r->action().timestamp() < until->timestamp) return out;
    out.push_back(r);
    if (const auto* until = std::get_if<lc::UntilHash>(&filter.limit_conditions))
      if (r->action_address() == until->hash) return out;
  }
  // Down to genesis without meeting the hash it was to stop at: that stretch is not held.
  if (std::holds_alternative<lc::UntilHash>(filter.limit_conditions)) return std::nullopt;
  return out;
}

/// What a conductor does when the stretch is missing: in init and validate
/// the callback ends with UnresolvedDependencies::AgentActivity, in a zome
/// call the host call fails.
hdk::WasmError missing_stretch(const world::CallEnv& env,
                               const hdk::MustGetAgentActivityInput& in) {
  using Role = world::CallEnv::Role;
  const hdk::UnresolvedDependencies missing =
      hdk::unresolved_dependencies::AgentActivity{in.author, in.chain_filter};
  if (env.role == Role::Validate) {
    const hdk::ValidateCallbackResult answer =
        hdk::validate_callback_result::UnresolvedDependencies{missing};
    throw ShortCircuit{
        hdk::encode_to_vector(hdk::ExternResult<hdk::ExternIO>(hdk::ExternIO::from(answer)))};
  }
  if (env.role == Role::Init) {
    const hdk::InitCallbackResult answer =
        hdk::init_callback_result::UnresolvedDependencies{missing};
    throw ShortCircuit{
        hdk::encode_to_vector(hdk::ExternResult<hdk::ExternIO>(hdk::ExternIO::from(answer)))};
  }
  return host_error("must_get_agent_activity: the chain of " + hdk::to_b64(in.author) +
                    " does not hold the stretch the filter names (from " +
                    hdk::to_b64(in.chain_filter.chain_top) + ")");
}

}  // namespace

hdk::ExternResult<hdk::AgentActivityStatus> get_agent_activity_1(
    CallContext& context, const hdk::GetAgentActivityInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "get_agent_activity", error);
  if (!env) return error;
  // What the authorities hold: committed, published actions (not this
  // call's own writes). The stub's DHT is complete, so Local answers as Network.
  const auto chain = chain_of(env->dht().records_in_arrival_order(), input.agent_pubkey);
  hdk::AgentActivityStatus out;
  if (input.activity_request == hdk::ActivityRequest::Full)
    for (const hdk::Record* r : select_from_chain(chain, input.chain_query_filter))
      out.valid_activity.emplace_back(r->action().action_seq(), r->action_address());
  out.status = status_of(chain);
  if (!chain.empty())
    out.highest_observed =
        hdk::HighestObserved{chain.back()->action().action_seq(), {chain.back()->action_address()}};
  return out;
}

hdk::ExternResult<std::vector<hdk::AgentActivity>> must_get_agent_activity_1(
    CallContext& context, const hdk::MustGetAgentActivityInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "must_get_agent_activity", error);
  if (!env) return error;
  // The DHT and this workspace: validating a commit, its own earlier
  // actions are part of the author's chain.
  const auto chain = chain_of(env->visible_records(), input.author);
  const auto stretch = walk(chain, input.chain_filter);
  if (!stretch) return missing_stretch(*env, input);
  std::vector<hdk::AgentActivity> out;
  for (const hdk::Record* r : *stretch)
    out.push_back(hdk::AgentActivity{r->signed_action, input.chain_filter.include_cached_entries
                                                           ? cacheable_entry(*r)
                                                           : std::nullopt});
  return out;
}

}  // namespace hdk_host::host_fns
