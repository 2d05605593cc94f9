// The forum's entry and link types, shared by its integrity zome and its
// coordinator (each declared in one line).
#pragma once

#include <hdk/hdk.hpp>

#include <string>

namespace posts {

struct Post {
  std::string title;
  std::string body;
  HDK_STRUCT(title, body);
  friend bool operator==(const Post& a, const Post& b) {
    return a.title == b.title && a.body == b.body;
  }
};

/// update_post's input.
struct UpdatePost {
  hdk::ActionHash original;
  Post post;
  HDK_STRUCT(original, post);
};

HDK_ENTRY_TYPES(EntryTypes, Post);
HDK_LINK_TYPES(LinkTypes, AllPosts, AuthorToPost, PathTree);

/// Post titles for which validate calls `get` (which a conductor refuses
/// there) or must_get_entry of an entry nobody wrote.
inline constexpr const char* kTitleReadsWithGet = "validate reads with get";
inline constexpr const char* kTitleNeedsMissingEntry = "validate needs a missing entry";

/// A post with this title must follow one of its author's posts directly:
/// validate walks the author's chain (must_get_agent_activity, take 1 from
/// the previous action) to check. One with the second title walks from an
/// action nobody wrote, so validation cannot finish.
inline constexpr const char* kTitleFollowsOwnPost = "a follow-up to my last post";
inline constexpr const char* kTitleWalksUnwrittenChain = "validate walks an unwritten chain";

/// The longest link tag validate accepts.
inline constexpr std::size_t kMaxTag = 64;

}  // namespace posts
