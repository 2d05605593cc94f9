// The inputs of the activity coordinator (tests/zomes/activity), shared
// with the tests that call it.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "../posts_integrity/posts_types.hpp"

namespace activity {

/// A link of the forum's link type `link_type` (a posts::LinkTypes index).
struct LinkTo {
  hdk::AnyLinkableHash base;
  hdk::AnyLinkableHash target;
  std::uint8_t link_type = 0;
  hdk::LinkTag tag;
  HDK_STRUCT(base, target, link_type, tag);
};

/// One LinkQuery, as the builder makes it: each optional narrows the query
/// only when set.
struct FindLinks {
  hdk::AnyLinkableHash base;
  std::vector<std::uint8_t> link_types;  // posts::LinkTypes indices
  std::optional<hdk::LinkTag> tag_prefix;
  std::optional<hdk::Timestamp> before;
  std::optional<hdk::Timestamp> after;
  std::optional<hdk::AgentPubKey> author;
  hdk::GetStrategy strategy = hdk::GetStrategy::Network;
  HDK_STRUCT(base, link_types, tag_prefix, before, after, author, strategy);
};

struct ActivityOf {
  hdk::AgentPubKey agent;
  hdk::ChainQueryFilter filter;
  hdk::ActivityRequest request = hdk::ActivityRequest::Status;
  HDK_STRUCT(agent, filter, request);
};

/// recent_by's input (the example of docs/writing-zomes.md).
struct RecentBy {
  hdk::AnyLinkableHash base;
  hdk::AgentPubKey author;
  hdk::Timestamp since;
  HDK_STRUCT(base, author, since);
};

}  // namespace activity
