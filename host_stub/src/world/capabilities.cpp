// The conductor's capability check (its source chain's valid_cap_grant):
// which live grant of the callee's chain lets a caller run a function.
#include <algorithm>
#include <set>

#include "hdk_host/world.hpp"

namespace hdk_host::world {
namespace {

bool grants_function(const hdk::GrantedFunctions& functions, std::string_view zome,
                     std::string_view function) {
  const auto* listed = std::get_if<hdk::granted_functions::Listed>(&functions.as_variant());
  if (!listed) return true;  // All
  return std::any_of(listed->functions.begin(), listed->functions.end(),
                     [&](const auto& f) { return f.first == zome && f.second == function; });
}

bool admits(const hdk::CapAccess& access, const hdk::AgentPubKey& caller,
            const std::optional<hdk::CapSecret>& secret) {
  if (std::holds_alternative<hdk::cap_access::Unrestricted>(access.as_variant())) return true;
  if (const auto* t = std::get_if<hdk::cap_access::Transferable>(&access.as_variant()))
    return secret && *secret == t->secret;
  const auto& assigned = std::get<hdk::cap_access::Assigned>(access.as_variant());
  return secret && *secret == assigned.secret &&
         std::find(assigned.assignees.begin(), assigned.assignees.end(), caller) !=
             assigned.assignees.end();
}

}  // namespace

std::optional<hdk::CapGrant> authorize(const std::vector<hdk::Record>& chain,
                                       const hdk::AgentPubKey& callee,
                                       const hdk::AgentPubKey& caller, std::string_view zome,
                                       std::string_view function,
                                       const std::optional<hdk::CapSecret>& secret) {
  if (caller == callee) return hdk::CapGrant{hdk::cap_grant::ChainAuthor{callee}};
  // A grant that was deleted or updated no longer authorizes anything.
  std::set<hdk::ActionHash> revoked;
  for (const hdk::Record& record : chain) {
    if (const auto* del = record.action().as<hdk::action::Delete>())
      revoked.insert(del->deletes_address);
    else if (const auto* upd = record.action().as<hdk::action::Update>())
      revoked.insert(upd->original_action_address);
  }
  for (const hdk::Record& record : chain) {
    const hdk::Entry* entry = record.entry_if_present();
    const auto* grant = entry ? std::get_if<hdk::entry::CapGrant>(&entry->as_variant()) : nullptr;
    if (!grant || revoked.count(record.action_address())) continue;
    if (grants_function(grant->grant.functions, zome, function) &&
        admits(grant->grant.access, caller, secret))
      return hdk::CapGrant{hdk::cap_grant::RemoteAgent{grant->grant}};
  }
  return std::nullopt;
}

}  // namespace hdk_host::world
