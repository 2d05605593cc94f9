// A coordinator of the forum DNA that reads chains and links the way hdk
// 0.7 does: agent activity, must_get_agent_activity, query, and the
// LinkQuery builder with get_links, get_links_details and count_links.
#include "activity_types.hpp"

using activity::ActivityOf;
using activity::FindLinks;
using activity::LinkTo;
using activity::RecentBy;
using posts::EntryTypes;
using posts::LinkTypes;

namespace {

/// The LinkQuery `in` describes, built as a zome author builds one.
hdk::ExternResult<hdk::LinkQuery> query_of(const FindLinks& in) {
  std::vector<LinkTypes> types;
  for (std::uint8_t t : in.link_types) types.push_back(static_cast<LinkTypes>(t));
  HDK_TRY(hdk::LinkQuery query, hdk::LinkQuery::try_new(in.base, types));
  if (in.tag_prefix) query = query.with_tag_prefix(*in.tag_prefix);
  if (in.before) query = query.with_before(*in.before);
  if (in.after) query = query.with_after(*in.after);
  if (in.author) query = query.with_author(*in.author);
  return query;
}

}  // namespace

/// A post alone: its entry and no links, one action on the chain.
hdk::ExternResult<hdk::ActionHash> write_post(posts::Post post) {
  return hdk::create_entry<EntryTypes>(post);
}
HDK_EXTERN(write_post);

hdk::ExternResult<hdk::ActionHash> link_to(LinkTo in) {
  return hdk::create_link(in.base, in.target, static_cast<LinkTypes>(in.link_type), in.tag);
}
HDK_EXTERN(link_to);

hdk::ExternResult<hdk::ActionHash> drop_link(hdk::ActionHash create_link_hash) {
  return hdk::delete_link(create_link_hash);
}
HDK_EXTERN(drop_link);

hdk::ExternResult<std::vector<hdk::Link>> find_links(FindLinks in) {
  HDK_TRY(const hdk::LinkQuery query, query_of(in));
  return hdk::get_links(query, in.strategy);
}
HDK_EXTERN(find_links);

hdk::ExternResult<hdk::LinkDetails> find_links_details(FindLinks in) {
  HDK_TRY(const hdk::LinkQuery query, query_of(in));
  return hdk::get_links_details(query, in.strategy);
}
HDK_EXTERN(find_links_details);

hdk::ExternResult<std::uint64_t> count_found_links(FindLinks in) {
  HDK_TRY(const hdk::LinkQuery query, query_of(in));
  return hdk::count_links(query);
}
HDK_EXTERN(count_found_links);

hdk::ExternResult<hdk::AgentActivityStatus> activity_of(ActivityOf in) {
  return hdk::get_agent_activity(in.agent, in.filter, in.request);
}
HDK_EXTERN(activity_of);

hdk::ExternResult<std::vector<hdk::AgentActivity>> walk_chain(hdk::MustGetAgentActivityInput in) {
  return hdk::must_get_agent_activity(in.author, in.chain_filter);
}
HDK_EXTERN(walk_chain);

hdk::ExternResult<std::vector<hdk::Record>> query_chain(hdk::ChainQueryFilter filter) {
  return hdk::query(filter);
}
HDK_EXTERN(query_chain);

// ---- the examples of docs/writing-zomes.md, as written there ----

/// The links from `base` of either post link type whose tag starts with
/// "ap", made by `author` at or after `since`.
hdk::ExternResult<std::vector<hdk::Link>> recent_by(RecentBy in) {
  HDK_TRY(hdk::LinkQuery query,
          hdk::LinkQuery::try_new(
              in.base, std::vector<LinkTypes>{LinkTypes::AllPosts, LinkTypes::AuthorToPost}));
  query = query.with_tag_prefix(hdk::LinkTag::from_string("ap"))
              .with_author(in.author)
              .with_after(in.since);
  HDK_TRY(const std::uint64_t n, hdk::count_links(query));  // counted by the host
  HDK_DEBUG("recent_by: %llu links", static_cast<unsigned long long>(n));
  return hdk::get_links(query, hdk::GetStrategy::Network);
}
HDK_EXTERN(recent_by);

/// `agent`'s chain status, and the (seq, hash) of each Create on it.
hdk::ExternResult<hdk::AgentActivityStatus> creates_of(hdk::AgentPubKey agent) {
  hdk::ChainQueryFilter filter;
  filter.action_type = std::vector<hdk::ActionType>{hdk::ActionType::Create};
  return hdk::get_agent_activity(agent, filter, hdk::ActivityRequest::Full);
}
HDK_EXTERN(creates_of);
