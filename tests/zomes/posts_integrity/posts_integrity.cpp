// The forum's integrity zome: its types, and the rules every op must pass.
#include "posts_types.hpp"

using posts::EntryTypes;
using posts::LinkTypes;

HDK_INTEGRITY_TYPES(EntryTypes, LinkTypes);

namespace {

hdk::ValidateCallbackResult validate_post(const hdk::Entry& entry) {
  posts::Post post;
  if (!entry.decode_app(post)) return hdk::invalid("not a post");
  if (post.title.empty()) return hdk::invalid("a post needs a title");
  return hdk::valid();
}

}  // namespace

hdk::ExternResult<hdk::ValidateCallbackResult> validate(hdk::Op op) {
  if (const auto* store = std::get_if<hdk::op::StoreEntry>(&op)) {
    if (std::holds_alternative<hdk::entry::App>(store->entry.as_variant()))
      return validate_post(store->entry);
  }
  if (const auto* link = std::get_if<hdk::op::RegisterCreateLink>(&op)) {
    if (link->create_link.hashed.content.value.tag.bytes.size() > posts::kMaxTag)
      return hdk::invalid("a link tag may hold at most 64 bytes");
  }
  return hdk::valid();
}
HDK_EXTERN(validate);
