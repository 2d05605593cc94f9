// The profiles coordinator: randomness and time from the host, and
// signatures made with the calling agent's key, which never leaves the host.
#include "profiles_types.hpp"

#include <optional>
#include <string>

using profiles::EntryTypes;
using profiles::LinkTypes;
using profiles::Profile;
using profiles::SignedStatement;

/// Creates the caller's profile, stamped with a random nonce and the host's
/// clock (a zome has no clock or entropy of its own: wasm has neither).
hdk::ExternResult<Profile> create_profile(std::string nickname) {
  HDK_TRY(hdk::Bytes nonce, hdk::random_bytes(profiles::kNonceBytes));
  HDK_TRY(const hdk::Timestamp now, hdk::sys_time());
  Profile profile{std::move(nickname), std::move(nonce), now};
  HDK_TRY(const hdk::ActionHash hash, hdk::create_entry<EntryTypes>(profile));
  // Linked from the agent's key, so anyone can find it knowing only the agent.
  HDK_TRY(const hdk::AgentInfo me, hdk::agent_info());
  HDK_TRY(const auto link, hdk::create_link(hdk::to_any_linkable(me.agent_initial_pubkey),
                                            hdk::to_any_linkable(hash), LinkTypes::AgentToProfile));
  (void)link;
  return profile;
}
HDK_EXTERN(create_profile);

/// An agent's latest profile, if it made one.
hdk::ExternResult<std::optional<Profile>> get_profile(hdk::AgentPubKey agent) {
  HDK_TRY(const auto links, hdk::get_links(hdk::to_any_linkable(agent), LinkTypes::AgentToProfile));
  if (links.empty()) return std::optional<Profile>{};
  // This zome makes AgentToProfile links only to its own Create actions.
  HDK_TRY(const auto record, hdk::get(hdk::ActionHash{links.back().target.bytes}));
  if (!record) return std::optional<Profile>{};
  return record->entry_as<Profile>();
}
HDK_EXTERN(get_profile);

/// Signs `statement` as the calling agent. What is signed is the msgpack of
/// the string, so verify_statement must hand the same value to the host.
hdk::ExternResult<SignedStatement> sign_statement(std::string statement) {
  HDK_TRY(const hdk::AgentInfo me, hdk::agent_info());
  HDK_TRY(hdk::Signature signature, hdk::sign(me.agent_initial_pubkey, statement));
  return SignedStatement{std::move(statement), me.agent_initial_pubkey, std::move(signature)};
}
HDK_EXTERN(sign_statement);

/// Whether `signed_statement.author` signed exactly this statement. Any agent
/// can check it: verifying needs only the public key.
hdk::ExternResult<bool> verify_statement(SignedStatement signed_statement) {
  return hdk::verify_signature(signed_statement.author, signed_statement.signature,
                               signed_statement.statement);
}
HDK_EXTERN(verify_statement);
