// The forum's entry and link types, and the inputs and outputs of its zome
// functions. The integrity zome and the coordinator both include this header,
// so they cannot disagree on an entry's shape or a type's index.
#pragma once

#include <hdk/hdk.hpp>

#include <cstddef>
#include <string>

namespace forum {

struct Post {
  std::string title;
  std::string body;
  HDK_STRUCT(title, body);
};

/// A comment names the post it answers, so validation and readers can find it.
struct Comment {
  hdk::ActionHash post;
  std::string text;
  HDK_STRUCT(post, text);
};

// The order is the wire format: Post is entry type 0 and Comment 1, AllPosts
// is link type 0 and PostToComments 1. Append new types; never reorder.
HDK_ENTRY_TYPES(EntryTypes, Post, Comment);
HDK_LINK_TYPES(LinkTypes, AllPosts, PostToComments);

// Limits in bytes (UTF-8), checked by validation: every agent enforces them,
// so a modified client cannot store a larger entry.
inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxBody = 10000;
inline constexpr std::size_t kMaxComment = 2000;

// ---- the coordinator's inputs and outputs ----

struct UpdatePostInput {
  hdk::ActionHash original;  // the post's create action (or a previous update)
  Post post;
  HDK_STRUCT(original, post);
};

/// A post as list_posts returns it: where it is, who wrote it, what it says.
struct PostItem {
  hdk::ActionHash hash;
  hdk::AgentPubKey author;
  Post post;
  HDK_STRUCT(hash, author, post);
};

struct CommentItem {
  hdk::ActionHash hash;
  hdk::AgentPubKey author;
  std::string text;
  HDK_STRUCT(hash, author, text);
};

}  // namespace forum
