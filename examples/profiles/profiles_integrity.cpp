// The profiles DNA's integrity zome: a profile has a short nickname and a
// full-length nonce.
#include "profiles_types.hpp"

using profiles::EntryTypes;
using profiles::LinkTypes;
using profiles::Profile;

HDK_INTEGRITY_TYPES(EntryTypes, LinkTypes);

hdk::ExternResult<hdk::ValidateCallbackResult> validate(hdk::Op op) {
  const auto* store = std::get_if<hdk::op::CreateEntry>(&op);
  if (!store || !std::holds_alternative<hdk::entry::App>(store->entry.as_variant()))
    return hdk::valid();
  // Profile is this zome's only entry type, so every app entry must be one.
  Profile profile;
  if (!store->entry.decode_app(profile)) return hdk::invalid("this entry is not a profile");
  if (profile.nickname.empty() || profile.nickname.size() > profiles::kMaxNickname)
    return hdk::invalid("a nickname has 1 to 50 bytes");
  if (profile.nonce.size() != profiles::kNonceBytes)
    return hdk::invalid("a profile's nonce has 16 bytes");
  return hdk::valid();
}
HDK_EXTERN(validate);
