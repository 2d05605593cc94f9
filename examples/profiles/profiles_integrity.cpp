// The profiles DNA's integrity zome: a profile has a short nickname and a
// full-length nonce.
#include "profiles_types.hpp"

using profiles::EntryTypes;
using profiles::LinkTypes;
using profiles::Profile;

HDK_INTEGRITY_TYPES(EntryTypes, LinkTypes);

hdk::ExternResult<hdk::ValidateCallbackResult> validate(hdk::Op op) {
  using Flat = hdk::FlatOp<EntryTypes, LinkTypes>;
  // Profile is this zome's only entry type: flattened() fails on an app
  // entry whose bytes are not a profile.
  HDK_TRY(const Flat flat, (op.flattened<EntryTypes, LinkTypes>()));
  const Profile* profile = nullptr;
  if (const auto* create = flat.get_if<Flat::OpEntry::CreateEntry>())
    profile = &std::get<Profile>(create->app_entry);
  else if (const auto* update = flat.get_if<Flat::OpEntry::UpdateEntry>())
    profile = &std::get<Profile>(update->app_entry);
  if (!profile) return hdk::valid();
  if (profile->nickname.empty() || profile->nickname.size() > profiles::kMaxNickname)
    return hdk::invalid("a nickname has 1 to 50 bytes");
  if (profile->nonce.size() != profiles::kNonceBytes)
    return hdk::invalid("a profile's nonce has 16 bytes");
  return hdk::valid();
}
HDK_EXTERN(validate);
