// post_commit on every runtime: after a call's writes commit, the zome's
// post_commit gets the committed actions, on that agent's cell only; what
// it does afterwards (fail, try to write, call a function that writes)
// cannot undo the call. The social zome signals each action as hc
// scaffold's signal_action does.
#include <algorithm>

#include <catch2/catch.hpp>

#include "world_support.hpp"

namespace {

using posts::Post;

/// The social zome's scaffold-style signal: {"type": .., "action": .., "app_entry": ..}.
struct Signal {
  std::string type;
  hdk::SignedActionHashed action;
  std::optional<Post> app_entry;
  HDK_STRUCT(type, action, app_entry);
};

bool traced(const hdk_host::Scenario& s, const std::string& text) {
  for (const auto& line : s.last_trace())
    if (line.msg.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("post_commit: the committed actions, signalled the scaffold way, for that agent only") {
  for (const auto& rt : world_test::social_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const Post post{"hello", "world"};
      const auto hash =
          world_test::ok_value<hdk::ActionHash>(s->call(alice, "social", "write_post", post));

      const auto signals = s->signals_as<Signal>(alice);
      REQUIRE(signals.size() == 1);
      CHECK(signals[0].type == "EntryCreated");
      CHECK(signals[0].action.hashed.hash == hash);
      // The very action committed, signature and all.
      CHECK(hdk::encode_to_vector(signals[0].action) ==
            hdk::encode_to_vector(s->chain(alice).back().signed_action));
      CHECK(signals[0].app_entry == std::optional<Post>(post));
      CHECK(s->signals(bob).empty());

      REQUIRE(s->call(alice, "social", "delete_post", hash).ok());
      const auto after_delete = s->signals_as<Signal>(alice);
      REQUIRE(after_delete.size() == 2);
      CHECK(after_delete[1].type == "EntryDeleted");
      CHECK(after_delete[1].action.hashed.hash == s->chain(alice).back().action_address());

      // Nothing committed (an invalid post), nothing signalled.
      CHECK_FALSE(s->call(alice, "social", "write_post", Post{"", "no title"}).ok());
      CHECK(s->signals(alice).size() == 2);
      // A zome without post_commit (posts) commits without one.
      REQUIRE(s->call(alice, "posts", "create_post", Post{"via posts", ""}).ok());
      CHECK(s->signals_as<Signal>(alice).size() == 2);
    }
  }
}

TEST_CASE("post_commit: its failures and writes do not undo the call") {
  for (const auto& rt : world_test::social_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");

      // It fails: the call still succeeded, the post is committed, the failure traced.
      const auto failing = s->call(alice, "social", "write_post", Post{"post_commit fails", ""});
      INFO(failing.describe());
      REQUIRE(failing.ok());
      CHECK(s->chain(alice).back().action_address() == failing.value<hdk::ActionHash>());
      CHECK(traced(*s, "post_commit of zome `social` failed"));
      CHECK(s->signals_as<Signal>(alice).size() == 1);  // what it emitted before failing stays

      // It may not write itself (a conductor denies write_workspace there).
      const std::size_t before = s->chain(alice).size();
      const auto writing = s->call(alice, "social", "write_post", Post{"post_commit writes", ""});
      REQUIRE(writing.ok());
      CHECK(s->chain(alice).size() == before + 1);
      CHECK(traced(*s, "may not be called from post_commit"));

      // But a function it calls is a zome call of its own: that commits, and
      // runs post_commit for its own writes.
      const auto calling = s->call(alice, "social", "write_post", Post{"post_commit calls", ""});
      INFO(calling.describe());
      REQUIRE(calling.ok());
      const auto& chain = s->chain(alice);
      REQUIRE(chain.size() == before + 3);
      CHECK(chain[before + 1].action_address() == calling.value<hdk::ActionHash>());
      CHECK(chain[before + 2].entry_as<Post>() ==
            std::optional<Post>(Post{"written by a call from post_commit", ""}));
      std::vector<std::string> titles;
      for (const auto& signal : s->signals_as<Signal>(alice))
        titles.push_back(signal.app_entry ? signal.app_entry->title : "");
      std::sort(titles.begin(), titles.end());
      CHECK(titles == std::vector<std::string>{"post_commit calls", "post_commit fails",
                                               "post_commit writes",
                                               "written by a call from post_commit"});
    }
  }
}
