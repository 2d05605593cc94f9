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

template <class T>
constexpr std::uint8_t index_of() {
  return EntryTypes::index_of<T>().value;
}

/// Which of this zome's entry types an action writes (none for agent keys).
std::optional<std::uint8_t> app_entry_index(const hdk::Action& action) {
  const hdk::AppEntryDef* def = action.app_entry_def();
  if (!def) return std::nullopt;
  return def->entry_index.value;
}

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

/// An entry's content. The action says which type it claims to be; the bytes
/// must decode as that type, so no one can store a Comment labelled a Post.
hdk::ValidateCallbackResult validate_entry(std::uint8_t type, const hdk::Entry& entry) {
  if (type == index_of<Post>()) {
    Post post;
    if (!entry.decode_app(post)) return hdk::invalid("this entry is not a post");
    return validate_post(post);
  }
  if (type == index_of<Comment>()) {
    Comment comment;
    if (!entry.decode_app(comment)) return hdk::invalid("this entry is not a comment");
    return validate_comment(comment);
  }
  return hdk::invalid("unknown entry type");
}

/// Updates and deletes: only a post's author may change it; comments are final.
/// The rule needs the original action, which the op does not carry.
hdk::ExternResult<hdk::ValidateCallbackResult> validate_change(const hdk::AgentPubKey& changer,
                                                               const hdk::ActionHash& original,
                                                               const std::string& verb) {
  // validate may read only deterministically: must_get_action either finds the
  // action or ends this callback with UnresolvedDependencies (the conductor
  // validates again once it arrives); it never answers "not found".
  HDK_TRY(const auto signed_original, hdk::must_get_action(original));
  const hdk::Action& action = signed_original.content();
  if (app_entry_index(action) != index_of<Post>())
    return hdk::invalid("only posts can be " + verb + "d");
  if (action.author() != changer) return hdk::invalid("only the author may " + verb + " a post");
  return hdk::valid();
}

}  // namespace

hdk::ExternResult<hdk::ValidateCallbackResult> validate(hdk::Op op) {
  // Content: CreateEntry comes for every create and every update.
  if (const auto* store = std::get_if<hdk::op::CreateEntry>(&op)) {
    const auto type = app_entry_index(store->action.action());
    if (!type) return hdk::valid();  // not an app entry (an agent key)
    return validate_entry(*type, store->entry);
  }
  // Ownership.
  if (const auto* update = std::get_if<hdk::op::Update>(&op)) {
    const hdk::Action& action = update->update.action();
    return validate_change(action.author(),
                           action.as<hdk::action::Update>()->original_action_address, "update");
  }
  if (const auto* del = std::get_if<hdk::op::Delete>(&op)) {
    const hdk::Action& action = del->delete_.action();
    return validate_change(action.author(), action.as<hdk::action::Delete>()->deletes_address,
                           "delete");
  }
  // Anyone may link (that is how posts get listed and comments attached), but
  // only a link's creator may remove it, so no one can hide another's post.
  if (const auto* unlink = std::get_if<hdk::op::DeleteLink>(&op)) {
    if (unlink->delete_link.action().author() != unlink->create_link.author())
      return hdk::invalid("only its creator may delete a link");
  }
  return hdk::valid();
}
HDK_EXTERN(validate);
