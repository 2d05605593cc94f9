// Capability grants and claims, as hdk 0.7's capability.rs writes them: a
// grant or claim is a private entry of the author's chain, committed with
// the ordinary create, update and delete host functions.
#pragma once

#include <utility>

#include "hdk/host.hpp"
#include "hdk/types/capability.hpp"

namespace hdk {

/// Commits `grant` (a CapGrant entry, private): from then on the conductor
/// lets the agents it names call the functions it lists.
template <int = 0>
ExternResult<ActionHash> create_cap_grant(ZomeCallCapGrant grant) {
  return host_fn::create(CreateInput{entry_def_location::CapGrant{}, EntryVisibility::Private,
                                     Entry(entry::CapGrant{std::move(grant)}),
                                     ChainTopOrdering::Strict});
}

/// Commits `claim` (a CapClaim entry, private): a secret another agent
/// granted this one, kept to call that agent with later.
template <int = 0>
ExternResult<ActionHash> create_cap_claim(CapClaim claim) {
  return host_fn::create(CreateInput{entry_def_location::CapClaim{}, EntryVisibility::Private,
                                     Entry(entry::CapClaim{std::move(claim)}),
                                     ChainTopOrdering::Strict});
}

/// Replaces the grant committed at `old_grant` with `new_grant`. The old
/// grant stops authorizing calls, as if deleted.
template <int = 0>
ExternResult<ActionHash> update_cap_grant(const ActionHash& old_grant, ZomeCallCapGrant new_grant) {
  return host_fn::update(UpdateInput{old_grant, Entry(entry::CapGrant{std::move(new_grant)}),
                                     ChainTopOrdering::Strict});
}

/// Revokes the grant committed at `grant`.
template <int = 0>
ExternResult<ActionHash> delete_cap_grant(const ActionHash& grant) {
  return host_fn::delete_(DeleteInput{grant, ChainTopOrdering::Strict});
}

/// A fresh random secret for a transferable or assigned grant (64 bytes).
template <int = 0>
ExternResult<CapSecret> generate_cap_secret() {
  HDK_TRY(Bytes bytes, host_fn::random_bytes(64));
  if (bytes.size() != 64) return HDK_ERROR("random_bytes answered another length than 64");
  return CapSecret{std::move(bytes)};
}

}  // namespace hdk
