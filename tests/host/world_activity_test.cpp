// Agent activity through wasm on every engine and natively: query over
// every ChainQueryFilter field, get_agent_activity's status and activity,
// and must_get_agent_activity's limit conditions, in a zome call and in
// validation.
#include <catch2/catch.hpp>

#include "../zomes/activity/activity_types.hpp"
#include "world_support.hpp"

using posts::Post;
using world_test::ok_value;

namespace {

using Activity = std::vector<std::pair<std::uint32_t, hdk::ActionHash>>;

/// (seq, hash) of each record, in the order given.
Activity seqs_of(const std::vector<hdk::Record>& records) {
  Activity out;
  for (const auto& r : records) out.emplace_back(r.action().action_seq(), r.action_address());
  return out;
}

std::vector<hdk::ActionHash> hashes_of(const std::vector<hdk::AgentActivity>& activity) {
  std::vector<hdk::ActionHash> out;
  for (const auto& a : activity) out.push_back(a.action.hash());
  return out;
}

std::vector<hdk::ActionHash> hashes_of(const std::vector<hdk::Record>& records) {
  std::vector<hdk::ActionHash> out;
  for (const auto& r : records) out.push_back(r.action_address());
  return out;
}

using Hashes = std::vector<hdk::ActionHash>;

}  // namespace

TEST_CASE("world: query honours every ChainQueryFilter field on every runtime") {
  for (const auto& rt : world_test::runtimes_with("activity")) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto p1 =
          ok_value<hdk::ActionHash>(s->call(alice, "activity", "write_post", Post{"one", "1"}));
      const auto p2 =
          ok_value<hdk::ActionHash>(s->call(alice, "activity", "write_post", Post{"two", "2"}));
      const auto p3 =
          ok_value<hdk::ActionHash>(s->call(alice, "activity", "write_post", Post{"three", "3"}));
      const auto query = [&](const hdk::ChainQueryFilter& f) {
        return ok_value<std::vector<hdk::Record>>(s->call(alice, "activity", "query_chain", f));
      };
      const auto& chain = s->chain(alice);
      // Genesis (3), InitZomesComplete, then the three posts.
      REQUIRE(chain.size() == 7);
      REQUIRE(chain[4].action_address() == p1);
      REQUIRE(chain[6].action_address() == p3);

      // Unbounded: the whole chain in seq order, entries not included.
      const auto all = query(hdk::ChainQueryFilter{});
      CHECK(seqs_of(all) == seqs_of(chain));
      CHECK(std::holds_alternative<hdk::record_entry::NotStored>(all[4].entry));

      hdk::ChainQueryFilter f;
      f.sequence_range = hdk::chain_query_filter_range::ActionSeqRange{1, 2};
      CHECK(seqs_of(query(f)) ==
            Activity{{1, chain[1].action_address()}, {2, chain[2].action_address()}});

      f.sequence_range = hdk::chain_query_filter_range::ActionHashRange{p1, p3};
      CHECK(hashes_of(query(f)) == Hashes{p1, p2, p3});
      // The action `end` and the `count` before it.
      f.sequence_range = hdk::chain_query_filter_range::ActionHashTerminated{p3, 1};
      CHECK(hashes_of(query(f)) == Hashes{p2, p3});
      f.sequence_range = hdk::chain_query_filter_range::ActionHashTerminated{p2, 99};
      CHECK(hashes_of(query(f)).size() == 6);
      // A range that runs backwards, or names an action this chain lacks, selects nothing.
      f.sequence_range =
          hdk::chain_query_filter_range::ActionHashRange{p1, chain[0].action_address()};
      CHECK(query(f).empty());
      f.sequence_range = hdk::chain_query_filter_range::ActionHashRange{
          p1, s->chain(s->add_agent("bob")).back().action_address()};
      CHECK(query(f).empty());

      // action_type, entry_type and entry_hashes narrow; several fields combine.
      hdk::ChainQueryFilter by_type;
      by_type.action_type =
          std::vector<hdk::ActionType>{hdk::ActionType::Dna, hdk::ActionType::InitZomesComplete};
      CHECK(hashes_of(query(by_type)) ==
            Hashes{chain[0].action_address(), chain[3].action_address()});
      hdk::ChainQueryFilter posts_only;
      posts_only.entry_type = std::vector<hdk::EntryType>{*chain[4].action().entry_type()};
      posts_only.include_entries = true;
      const auto posts = query(posts_only);
      REQUIRE(hashes_of(posts) == Hashes{p1, p2, p3});
      CHECK(posts[1].entry_as<Post>() == std::optional<Post>(Post{"two", "2"}));
      posts_only.order_descending = true;
      CHECK(hashes_of(query(posts_only)) == Hashes{p3, p2, p1});
      posts_only.sequence_range = hdk::chain_query_filter_range::ActionSeqRange{5, 6};
      CHECK(hashes_of(query(posts_only)) == Hashes{p3, p2});

      hdk::ChainQueryFilter by_entry;
      by_entry.entry_hashes = std::vector<hdk::EntryHash>{*chain[5].action().entry_hash()};
      CHECK(hashes_of(query(by_entry)) == Hashes{p2});
      by_entry.entry_hashes->push_back(*chain[2].action().entry_hash());  // the agent key
      CHECK(hashes_of(query(by_entry)) == Hashes{chain[2].action_address(), p2});
    }
  }
}

TEST_CASE("world: get_agent_activity answers another agent's chain on every runtime") {
  for (const auto& rt : world_test::runtimes_with("activity")) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const auto p1 =
          ok_value<hdk::ActionHash>(s->call(alice, "activity", "write_post", Post{"one", "1"}));
      const auto p2 =
          ok_value<hdk::ActionHash>(s->call(alice, "activity", "write_post", Post{"two", "2"}));
      const auto activity = [&](const hdk::AgentPubKey& who, hdk::ChainQueryFilter filter,
                                hdk::ActivityRequest request) {
        return ok_value<hdk::AgentActivityStatus>(s->call(
            bob, "activity", "activity_of", activity::ActivityOf{who, std::move(filter), request}));
      };
      const auto& chain = s->chain(alice);
      REQUIRE(chain.back().action_address() == p2);
      REQUIRE(chain[4].action_address() == p1);
      const hdk::ChainHead head{chain.back().action().action_seq(), p2};

      // Full: every action's (seq, hash), the head, and what was seen highest.
      const auto full = activity(alice.key, {}, hdk::ActivityRequest::Full);
      CHECK(full.valid_activity == seqs_of(chain));
      CHECK(full.rejected_activity.empty());
      const auto* valid = std::get_if<hdk::chain_status::Valid>(&full.status);
      REQUIRE(valid);
      CHECK(valid->head.action_seq == head.action_seq);
      CHECK(valid->head.hash == head.hash);
      REQUIRE(full.highest_observed);
      CHECK(full.highest_observed->action_seq == head.action_seq);
      CHECK(full.highest_observed->hash == Hashes{p2});
      CHECK(full.warrants.empty());

      // Status: the same status, no activity.
      const auto status = activity(alice.key, {}, hdk::ActivityRequest::Status);
      CHECK(status.valid_activity.empty());
      CHECK(std::get<hdk::chain_status::Valid>(status.status).head.hash == p2);

      // The filter picks the activity; the status stays the chain's.
      hdk::ChainQueryFilter creates;
      creates.action_type = std::vector<hdk::ActionType>{hdk::ActionType::Create};
      creates.sequence_range =
          hdk::chain_query_filter_range::ActionHashRange{chain[2].action_address(), p1};
      const auto some = activity(alice.key, creates, hdk::ActivityRequest::Full);
      CHECK(some.valid_activity == Activity{{2, chain[2].action_address()}, {4, p1}});
      CHECK(std::get<hdk::chain_status::Valid>(some.status).head.hash == p2);

      // The example of docs/writing-zomes.md: the Creates (the agent key, the posts).
      const auto creates_of =
          ok_value<hdk::AgentActivityStatus>(s->call(bob, "activity", "creates_of", alice.key));
      CHECK(creates_of.valid_activity ==
            Activity{{2, chain[2].action_address()}, {4, p1}, {5, p2}});

      // Bob's own chain, and an agent nobody installed: Empty, nothing observed.
      CHECK(activity(bob.key, {}, hdk::ActivityRequest::Full).valid_activity ==
            seqs_of(s->chain(bob)));
      hdk::AgentPubKey stranger = alice.key;
      stranger.bytes[10] ^= 0xff;
      const auto none = activity(stranger, {}, hdk::ActivityRequest::Full);
      CHECK(std::holds_alternative<hdk::chain_status::Empty>(none.status));
      CHECK(none.valid_activity.empty());
      CHECK_FALSE(none.highest_observed);
    }
  }
}

TEST_CASE("world: must_get_agent_activity walks a chain by its limit conditions on every runtime") {
  for (const auto& rt : world_test::runtimes_with("activity")) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const auto p1 =
          ok_value<hdk::ActionHash>(s->call(alice, "activity", "write_post", Post{"one", "1"}));
      s->advance(std::chrono::seconds(5));
      const auto p2 =
          ok_value<hdk::ActionHash>(s->call(alice, "activity", "write_post", Post{"two", "2"}));
      s->advance(std::chrono::seconds(5));
      const auto p3 =
          ok_value<hdk::ActionHash>(s->call(alice, "activity", "write_post", Post{"three", "3"}));
      const auto walk = [&](const hdk::ChainFilter& filter) {
        return s->call(bob, "activity", "walk_chain",
                       hdk::MustGetAgentActivityInput{alice.key, filter});
      };
      const auto walked = [&](const hdk::ChainFilter& filter) {
        return ok_value<std::vector<hdk::AgentActivity>>(walk(filter));
      };
      const auto& chain = s->chain(alice);
      REQUIRE(chain.size() == 7);

      // From the top down: to genesis, take n, until a hash (included).
      Hashes down;
      for (auto it = chain.rbegin(); it != chain.rend(); ++it) down.push_back(it->action_address());
      CHECK(hashes_of(walked(hdk::ChainFilter::to_genesis(p3))) == down);
      CHECK(hashes_of(walked(hdk::ChainFilter::to_genesis(p2))) ==
            Hashes(down.begin() + 1, down.end()));
      CHECK(hashes_of(walked(hdk::ChainFilter::take(p3, 2))) == Hashes{p3, p2});
      CHECK(walked(hdk::ChainFilter::take(p3, 0)).empty());
      CHECK(hashes_of(walked(hdk::ChainFilter::take(p1, 50))).size() == 5);
      CHECK(hashes_of(walked(hdk::ChainFilter::until_hash(p3, p1))) == Hashes{p3, p2, p1});
      CHECK(hashes_of(walked(hdk::ChainFilter::until_hash(p2, p2))) == Hashes{p2});
      // Until a time: the actions at or after it.
      const hdk::Timestamp t2 = chain[5].action().timestamp();
      CHECK(hashes_of(walked(hdk::ChainFilter::until_timestamp(p3, t2))) == Hashes{p3, p2});
      CHECK(hashes_of(walked(hdk::ChainFilter::until_timestamp(
                p3, hdk::Timestamp{t2.micros + 1}))) == Hashes{p3});

      // Entries only when asked for, and then a post's.
      CHECK_FALSE(walked(hdk::ChainFilter::take(p3, 1)).front().cached_entry);
      const auto cached = walked(hdk::ChainFilter::take(p3, 1).with_cached_entries());
      REQUIRE(cached.front().cached_entry);
      Post post;
      REQUIRE(cached.front().cached_entry->decode_app(post));
      CHECK(post == Post{"three", "3"});

      // A stretch the chain does not hold fails the zome call.
      const auto bobs_top = s->chain(bob).back().action_address();
      CHECK_THAT(world_test::host_error_of(walk(hdk::ChainFilter::to_genesis(bobs_top))),
                 Catch::Contains("does not hold the stretch"));
      CHECK_THAT(world_test::host_error_of(walk(hdk::ChainFilter::until_hash(p2, p3))),
                 Catch::Contains("does not hold the stretch"));
    }
  }
}

TEST_CASE(
    "world: validation reads the author's chain with must_get_agent_activity on every runtime") {
  for (const auto& rt : world_test::runtimes_with("activity")) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const Post follow_up{posts::kTitleFollowsOwnPost, "more"};

      // The first action after init is no post: the follow-up is refused.
      const auto first = s->call(alice, "activity", "write_post", follow_up);
      REQUIRE(first.wasm_error());
      CHECK_THAT(first.wasm_error()->message(),
                 Catch::Contains("a follow-up must come right after a post of its author's"));

      // Right after a post it passes; right after a link it does not.
      const auto post =
          ok_value<hdk::ActionHash>(s->call(alice, "activity", "write_post", Post{"one", "1"}));
      const auto ok = s->call(alice, "activity", "write_post", follow_up);
      INFO(ok.describe());
      CHECK(ok.ok());
      REQUIRE(s->call(alice, "activity", "link_to",
                      activity::LinkTo{hdk::to_any_linkable(post), hdk::to_any_linkable(alice.key),
                                       0, hdk::LinkTag{}})
                  .ok());
      const auto after_link = s->call(alice, "activity", "write_post", follow_up);
      REQUIRE(after_link.wasm_error());
      CHECK_THAT(after_link.wasm_error()->message(), Catch::Contains("right after a post"));

      // A stretch nobody wrote: validation ends with UnresolvedDependencies::AgentActivity.
      const auto unresolved =
          s->call(alice, "activity", "write_post", Post{posts::kTitleWalksUnwrittenChain, "x"});
      REQUIRE(unresolved.wasm_error());
      CHECK_THAT(
          unresolved.wasm_error()->message(),
          Catch::Contains("unresolved dependencies: the chain of " + hdk::to_b64(alice.key)));
    }
  }
}
