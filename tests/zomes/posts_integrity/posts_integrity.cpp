// The forum's integrity zome: its types, and the rules every op must pass.
#include "posts_types.hpp"

using posts::EntryTypes;
using posts::LinkTypes;

HDK_INTEGRITY_TYPES(EntryTypes, LinkTypes);

namespace {

/// A follow-up must come right after a post of its author's: the one
/// action before it, read from the author's agent activity, creates a Post.
hdk::ExternResult<hdk::ValidateCallbackResult> validate_follow_up(const hdk::Action& action) {
  const auto& previous = action.prev_action();
  if (!previous) return hdk::invalid("a follow-up cannot start a chain");
  HDK_TRY(const auto activity,
          hdk::must_get_agent_activity(action.author(), hdk::ChainFilter::take(*previous, 1)));
  if (activity.size() != 1) return hdk::invalid("the author's chain ends before this follow-up");
  const hdk::AppEntryDef* def = activity.front().action.action().app_entry_def();
  if (!activity.front().action.action().is<hdk::action::Create>() || !def ||
      def->entry_index.value != EntryTypes::index_of<posts::Post>().value)
    return hdk::invalid("a follow-up must come right after a post of its author's");
  return hdk::valid();
}

hdk::ExternResult<hdk::ValidateCallbackResult> validate_post(const hdk::Action& action,
                                                             const hdk::Entry& entry) {
  posts::Post post;
  if (!entry.decode_app(post)) return hdk::invalid("not a post");
  if (post.title.empty()) return hdk::invalid("a post needs a title");
  // Titles the tests use to make validate do what a conductor forbids or cannot finish.
  if (post.title == posts::kTitleReadsWithGet) {
    HDK_TRY(const auto hash, hdk::hash_entry(post));
    HDK_TRY(const auto record, hdk::get(hash));
    (void)record;
  }
  if (post.title == posts::kTitleNeedsMissingEntry) {
    HDK_TRY(const auto missing, hdk::hash_entry(std::string("never written")));
    HDK_TRY(const auto entry_hashed, hdk::must_get_entry(missing));
    (void)entry_hashed;
  }
  if (post.title == posts::kTitleFollowsOwnPost) return validate_follow_up(action);
  if (post.title == posts::kTitleWalksUnwrittenChain) {
    HDK_TRY(const auto unwritten, hdk::hash_action(hdk::Action{}));
    HDK_TRY(const auto activity,
            hdk::must_get_agent_activity(action.author(), hdk::ChainFilter::to_genesis(unwritten)));
    (void)activity;
  }
  return hdk::valid();
}

/// An update must name its original's entry truly, and the original must be a valid record.
hdk::ExternResult<hdk::ValidateCallbackResult> validate_update(const hdk::Action& action) {
  const hdk::action::Update& update = *action.as<hdk::action::Update>();
  // A grant's entry is private: only app entries are checked here.
  if (!action.app_entry_def()) return hdk::valid();
  HDK_TRY(const auto original, hdk::must_get_valid_record(update.original_action_address));
  if (original.action().entry_hash() != update.original_entry_address)
    return hdk::invalid("the update names another entry than its original's");
  HDK_TRY(const auto old_entry, hdk::must_get_entry(update.original_entry_address));
  HDK_TRY(const auto signed_original, hdk::must_get_action(update.original_action_address));
  if (old_entry.hash != *signed_original.content().entry_hash())
    return hdk::invalid("must_get_entry and must_get_action disagree");
  return hdk::valid();
}

}  // namespace

hdk::ExternResult<hdk::ValidateCallbackResult> validate(hdk::Op op) {
  if (const auto* store = std::get_if<hdk::op::CreateEntry>(&op)) {
    if (std::holds_alternative<hdk::entry::App>(store->entry.as_variant()))
      return validate_post(store->action.action(), store->entry);
  }
  if (const auto* update = std::get_if<hdk::op::Update>(&op))
    return validate_update(update->update.action());
  if (const auto* link = std::get_if<hdk::op::CreateLink>(&op)) {
    if (link->create_link.action().as<hdk::action::CreateLink>()->tag.bytes.size() > posts::kMaxTag)
      return hdk::invalid("a link tag may hold at most 64 bytes");
  }
  return hdk::valid();
}
HDK_EXTERN(validate);
