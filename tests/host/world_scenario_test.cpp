// The two-agent scenario of the issue, on every runtime: alice posts and
// links, bob finds the post through get_links and get; an invalid post is
// refused with the integrity zome's own message and leaves nothing behind.
#include <catch2/catch.hpp>

#include "world_support.hpp"

using posts::Post;

TEST_CASE("world: two agents share the DHT on every runtime") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto scenario = world_test::install(rt);
      CHECK(scenario->dna().entry_type_count == 1);
      CHECK(scenario->dna().link_type_count == 3);  // AllPosts, AuthorToPost, PathTree
      const auto alice = scenario->add_agent("alice");
      const auto bob = scenario->add_agent("bob");

      const auto created =
          scenario->call(alice, "posts", "create_post", Post{"Hello", "first post"});
      INFO(created.describe());
      REQUIRE(created.ok());
      const auto post_hash = created.value<hdk::ActionHash>();

      const auto links = scenario->call(bob, "posts", "all_posts", hdk::Unit{});
      INFO(links.describe());
      REQUIRE(links.ok());
      const auto found = links.value<std::vector<hdk::Link>>();
      REQUIRE(found.size() == 1);
      CHECK(found[0].author == alice.key);
      CHECK(world_test::action_hash_of(found[0].target) == post_hash);
      CHECK(std::string(found[0].tag.bytes.begin(), found[0].tag.bytes.end()) == "Hello");

      const auto got =
          scenario->call(bob, "posts", "get_post", world_test::action_hash_of(found[0].target));
      INFO(got.describe());
      REQUIRE(got.ok());
      const auto post = got.value<std::optional<Post>>();
      REQUIRE(post);
      CHECK(*post == Post{"Hello", "first post"});

      const auto by_alice =
          scenario->call(bob, "posts", "posts_by", alice.key).value<std::vector<hdk::Link>>();
      CHECK(by_alice.size() == 1);
      CHECK(scenario->call(bob, "posts", "posts_by", bob.key)
                .value<std::vector<hdk::Link>>()
                .empty());

      // Invalid: the integrity zome's message comes back, nothing is committed.
      const std::size_t alice_len = scenario->chain(alice).size();
      const std::size_t dht_size = scenario->dht().size();
      const auto invalid = scenario->call(alice, "posts", "create_post", Post{"", "no title"});
      REQUIRE_FALSE(invalid.ok());
      REQUIRE(invalid.wasm_error());
      CHECK_THAT(invalid.wasm_error()->message(), Catch::Contains("a post needs a title"));
      CHECK(scenario->chain(alice).size() == alice_len);
      CHECK(scenario->dht().size() == dht_size);
      CHECK(scenario->call(bob, "posts", "count_posts", hdk::Unit{}).value<std::uint64_t>() == 1);
    }
  }
}

TEST_CASE("world: a zome calling itself works with reused instances") {
  hdk_host::HostOptions options;
  options.reuse_instances = true;
  for (const auto& rt : world_test::runtimes()) {
    if (rt.runtime == "native") continue;  // native zomes have no instances
    DYNAMIC_SECTION(rt.label) {
      hdk_host::Scenario s(rt.runtime, options);
      s.install(rt.dna);
      const auto alice = s.add_agent("alice");
      // create_via_call re-enters the posts zome through `call` while its
      // reused instance is busy: the inner call must get its own instance.
      const auto r = s.call(alice, "posts", "create_via_call", posts::Post{"via call", "x"});
      INFO(r.describe());
      REQUIRE(r.ok());
      const auto hash = r.value<hdk::ActionHash>();
      const auto back = s.call(alice, "posts", "get_post", hash);
      REQUIRE(back.ok());
      CHECK(back.value<std::optional<posts::Post>>() == posts::Post{"via call", "x"});
    }
  }
}
