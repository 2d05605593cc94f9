// The forum's integrity zome: the rules every agent checks before a post, a
// comment or a link reaches the DHT. A conductor runs `validate` on each op a
// call produces; one Invalid answer aborts the whole call, and its message is
// what the caller sees. Coordinators can be replaced; these rules cannot.
#include "forum_types.hpp"

#include <optional>
#include <string>

using forum::Comment;
using forum::EntryTypes;
using forum::LinkTypes;
using forum::Post;

HDK_INTEGRITY_TYPES(EntryTypes, LinkTypes);

namespace {

using Flat = hdk::FlatOp<EntryTypes, LinkTypes>;

hdk::ValidateCallbackResult validate_post(const Post& post) {
  if (post.title.empty()) return hdk::invalid("a post needs a title");
  if (post.title.size() > forum::kMaxTitle)
    return hdk::invalid("a post's title is limited to 200 bytes");
  if (post.body.size() > forum::kMaxBody)
    return hdk::invalid("a post's body is limited to 10000 bytes");
  return hdk::valid();
}

hdk::ValidateCallbackResult validate_comment(const Comment& comment) {
  if (comment.text.empty()) return hdk::invalid("a comment needs some text");
  if (comment.text.size() > forum::kMaxComment)
    return hdk::invalid("a comment is limited to 2000 bytes");
  return hdk::valid();
}

/// An entry's content. flattened() already decoded it as the type its action
/// names (an entry that does not decode fails there), so no one can store a
/// Comment labelled a Post.
hdk::ValidateCallbackResult validate_entry(const EntryTypes::Value& entry) {
  if (const auto* post = std::get_if<Post>(&entry)) return validate_post(*post);
  return validate_comment(std::get<Comment>(entry));
}

/// Updates and deletes: only a post's author may change it; comments are final.
hdk::ValidateCallbackResult validate_change(
    const hdk::AgentPubKey& changer, const hdk::TypedAction<hdk::EntryCreationData>& original,
    const EntryTypes::Value& original_entry, const std::string& verb) {
  if (!std::holds_alternative<Post>(original_entry))
    return hdk::invalid("only posts can be " + verb + "d");
  if (original.author() != changer) return hdk::invalid("only the author may " + verb + " a post");
  return hdk::valid();
}

}  // namespace

hdk::ExternResult<hdk::ValidateCallbackResult> validate(hdk::Op op) {
  HDK_TRY(const Flat flat, (op.flattened<EntryTypes, LinkTypes>()));
  // Content: CreateEntry comes for every create and every update.
  if (const auto* create = flat.get_if<Flat::OpEntry::CreateEntry>())
    return validate_entry(create->app_entry);
  if (const auto* update = flat.get_if<Flat::OpEntry::UpdateEntry>())
    return validate_entry(update->app_entry);
  // Ownership. flattened() fetched the original action and entry (with
  // must_get_*: found, or UnresolvedDependencies until it arrives).
  if (const auto* update = flat.get_if<Flat::OpUpdate::Entry>())
    return validate_change(update->action.author(), update->original_action,
                           update->original_app_entry, "update");
  if (const auto* del = flat.get_if<Flat::OpDelete::Entry>())
    return validate_change(del->action.author(), del->original_action, del->original_app_entry,
                           "delete");
  // Anyone may link (that is how posts get listed and comments attached), but
  // only a link's creator may remove it, so no one can hide another's post.
  if (const auto* unlink = flat.get_if<Flat::OpLink::DeleteLink>()) {
    if (unlink->action.author() != unlink->original_action.author())
      return hdk::invalid("only its creator may delete a link");
  }
  return hdk::valid();
}
HDK_EXTERN(validate);
