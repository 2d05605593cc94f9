// hdi's must_get_* on every runtime, and what validate may call: in a zome
// call a missing hash is an Err; in validate it ends the callback with
// UnresolvedDependencies; a non-deterministic host function there is refused.
#include <catch2/catch.hpp>

#include "world_support.hpp"

using posts::Post;
using posts::UpdatePost;
using world_test::host_error_of;
using world_test::ok_value;

TEST_CASE("world: must_get_* read records, actions and entries on every runtime") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const Post post{"kept", "body"};
      const auto created = ok_value<hdk::ActionHash>(s->call(alice, "posts", "create_post", post));
      const auto entry = ok_value<hdk::EntryHash>(s->call(alice, "posts", "hash_post", post));

      // Another agent reads them from the shared DHT.
      const auto record = ok_value<hdk::Record>(s->call(bob, "posts", "must_get_record", created));
      CHECK(record.action_address() == created);
      CHECK(record.entry_as<Post>() == std::optional<Post>(post));
      const auto action = ok_value<hdk::SignedActionHashed>(
          s->call(bob, "posts", "must_get_signed_action", created));
      CHECK(action.hash() == created);
      CHECK(action.content().author() == alice.key);
      CHECK(action.signature == record.signed_action.signature);
      const auto hashed =
          ok_value<hdk::EntryHashed>(s->call(bob, "posts", "must_get_post_entry", entry));
      CHECK(hashed.hash == entry);
      Post decoded;
      REQUIRE(hashed.content.decode_app(decoded));
      CHECK(decoded == post);

      // A zome call asking for what nobody wrote gets an Err naming the hash.
      const auto unknown =
          ok_value<hdk::EntryHash>(s->call(bob, "posts", "hash_post", Post{"never", "written"}));
      CHECK_THAT(host_error_of(s->call(bob, "posts", "must_get_post_entry", unknown)),
                 Catch::Contains("Failed to get EntryHashed " + hdk::to_b64(unknown)));
    }
  }
}

TEST_CASE("world: validate reads deterministically or not at all, on every runtime") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto created =
          ok_value<hdk::ActionHash>(s->call(alice, "posts", "create_post", Post{"first", "1"}));
      // validate of an update reads the original with must_get_valid_record,
      // must_get_entry and must_get_action.
      ok_value<hdk::ActionHash>(
          s->call(alice, "posts", "update_post", UpdatePost{created, Post{"first, edited", "2"}}));
      const std::size_t length = s->chain(alice).size();

      // `get` in validate is refused as a conductor refuses it; nothing commits.
      CHECK_THAT(host_error_of(
                     s->call(alice, "posts", "create_post", Post{posts::kTitleReadsWithGet, ""})),
                 Catch::Contains("get may not be called from validate"));
      CHECK(s->chain(alice).size() == length);

      // must_get_entry of an entry nobody wrote ends validate with
      // UnresolvedDependencies naming it; the stub's DHT is complete, so the
      // commit is refused.
      const auto missing = ok_value<hdk::EntryHash>(
          s->call(alice, "posts", "hash_string", std::string("never written")));
      CHECK_THAT(host_error_of(s->call(alice, "posts", "create_post",
                                       Post{posts::kTitleNeedsMissingEntry, ""})),
                 Catch::Contains("unresolved dependencies: " + hdk::to_b64(missing)));
      CHECK(s->chain(alice).size() == length);

      // The host keeps serving.
      CHECK(s->call(alice, "posts", "create_post", Post{"after", "3"}).ok());
    }
  }
}
