// The forum's coordinator zome: the functions clients call. It only writes
// and reads; whether a write is allowed is the integrity zome's decision
// (forum_integrity.cpp), made after the function returns and before anything
// is committed.
#include "forum_types.hpp"

#include <optional>
#include <string>
#include <vector>

using forum::Comment;
using forum::CommentItem;
using forum::EntryTypes;
using forum::LinkTypes;
using forum::Post;
using forum::PostItem;

namespace {

/// Where every post is linked from: the hash of a well-known value. A link's
/// base need only be a hash, so nothing is committed for it and no agent owns
/// it; every agent computes the same one.
hdk::ExternResult<hdk::AnyLinkableHash> all_posts_anchor() {
  HDK_TRY(const hdk::EntryHash anchor, hdk::hash_entry(std::string("forum.all_posts")));
  return hdk::to_any_linkable(anchor);
}

/// A link's target as the action hash this zome linked (Rust's into_action_hash).
std::optional<hdk::ActionHash> action_hash_of(const hdk::AnyLinkableHash& target) {
  if (!hdk::hash_prefix::accepts(hdk::HashType::Action, target.bytes.data())) return std::nullopt;
  return hdk::ActionHash{target.bytes};
}

}  // namespace

/// Commits the post and links it from the anchor, in one call: if validation
/// refuses the post, the link is not committed either.
hdk::ExternResult<hdk::ActionHash> create_post(Post post) {
  HDK_TRY(const hdk::ActionHash hash, hdk::create_entry<EntryTypes>(post));
  HDK_TRY(const auto anchor, all_posts_anchor());
  // The title as the tag lets a reader list titles without fetching each post.
  HDK_TRY(const auto link, hdk::create_link(anchor, hdk::to_any_linkable(hash), LinkTypes::AllPosts,
                                            hdk::LinkTag::from_string(post.title)));
  (void)link;
  return hash;
}
HDK_EXTERN(create_post);

/// The post at `hash` (its create or one of its updates); none if unknown.
hdk::ExternResult<std::optional<Post>> get_post(hdk::ActionHash hash) {
  HDK_TRY(const auto record, hdk::get(hash));
  if (!record) return std::optional<Post>{};
  return record->entry_as<Post>();
}
HDK_EXTERN(get_post);

/// A new version of a post; the answer is the new version's hash. Anyone may
/// call this, but validation commits it only for the post's author.
hdk::ExternResult<hdk::ActionHash> update_post(forum::UpdatePostInput input) {
  return hdk::update_entry(input.original, input.post);
}
HDK_EXTERN(update_post);

/// Deletes a post and unlinks it from the anchor, so it leaves list_posts.
/// The delete comes first: if the caller is not the author, validation's
/// answer is about the post, not about the link.
hdk::ExternResult<hdk::ActionHash> delete_post(hdk::ActionHash post) {
  HDK_TRY(const hdk::ActionHash deleted, hdk::delete_entry(post));
  HDK_TRY(const auto anchor, all_posts_anchor());
  HDK_TRY(const auto links, hdk::get_links(anchor, LinkTypes::AllPosts));
  for (const hdk::Link& link : links) {
    if (action_hash_of(link.target) != post) continue;
    HDK_TRY(const auto unlinked, hdk::delete_link(link.create_link_hash));
    (void)unlinked;
  }
  return deleted;
}
HDK_EXTERN(delete_post);

/// Comments on a post: the comment entry, and a link from the post to it.
hdk::ExternResult<hdk::ActionHash> comment_on_post(Comment comment) {
  // Refuse early with a clear message; validation would accept a comment on
  // a missing post (it may simply not have arrived yet).
  HDK_TRY(const auto post, hdk::get(comment.post));
  if (!post) return HDK_ERROR("no such post");
  HDK_TRY(const hdk::ActionHash hash, hdk::create_entry<EntryTypes>(comment));
  HDK_TRY(const auto link, hdk::create_link(hdk::to_any_linkable(comment.post),
                                            hdk::to_any_linkable(hash), LinkTypes::PostToComments));
  (void)link;
  return hash;
}
HDK_EXTERN(comment_on_post);

/// Every post, oldest first: the anchor's links, each fetched from the DHT.
hdk::ExternResult<std::vector<PostItem>> list_posts() {
  HDK_TRY(const auto anchor, all_posts_anchor());
  HDK_TRY(const auto links, hdk::get_links(anchor, LinkTypes::AllPosts));
  std::vector<PostItem> posts;
  for (const hdk::Link& link : links) {
    const auto hash = action_hash_of(link.target);
    if (!hash) continue;
    HDK_TRY(const auto record, hdk::get(*hash));
    // A link can arrive before its target: skip what is not here yet.
    if (!record) continue;
    if (auto post = record->entry_as<Post>())
      posts.push_back(PostItem{*hash, record->action().author(), std::move(*post)});
  }
  return posts;
}
HDK_EXTERN(list_posts);

/// A post's comments, oldest first.
hdk::ExternResult<std::vector<CommentItem>> list_comments(hdk::ActionHash post) {
  HDK_TRY(const auto links, hdk::get_links(hdk::to_any_linkable(post), LinkTypes::PostToComments));
  std::vector<CommentItem> comments;
  for (const hdk::Link& link : links) {
    const auto hash = action_hash_of(link.target);
    if (!hash) continue;
    HDK_TRY(const auto record, hdk::get(*hash));
    if (!record) continue;
    if (auto comment = record->entry_as<Comment>())
      comments.push_back(CommentItem{*hash, record->action().author(), std::move(comment->text)});
  }
  return comments;
}
HDK_EXTERN(list_comments);
