// The forum example (examples/forum) as two agents use it, on every runtime:
// natively, and built by each wasm toolchain on each available engine.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../../examples/forum/forum_types.hpp"
#include "hdk_host/scenario.hpp"
#include "hdk_host/world.hpp"
#include "support/engines.hpp"
#include "support/paths.hpp"

using forum::Comment;
using forum::CommentItem;
using forum::Post;
using forum::PostItem;

namespace {

struct ForumRuntime {
  std::string label;    // "native", "wasi/interp", ...
  std::string runtime;  // "native" or the engine name
  hdk_host::DnaSpec dna;
};

std::vector<ForumRuntime> forum_runtimes() {
  std::vector<ForumRuntime> out;
  out.push_back({"native",
                 "native",
                 {"forum",
                  "seed",
                  {"forum_integrity", hdk_test::native_zome_path("forum_integrity")},
                  {{"forum", hdk_test::native_zome_path("forum")}}}});
  for (const auto& [toolchain, dir] : hdk_test::zome_dirs())
    for (const auto& engine : hdk_test::engine_names())
      out.push_back({toolchain + "/" + engine,
                     engine,
                     {"forum",
                      "seed",
                      {"forum_integrity", dir / "forum_integrity.wasm"},
                      {{"forum", dir / "forum.wasm"}}}});
  return out;
}

std::string error_message(const hdk_host::CallResult& result) {
  return result.wasm_error() ? result.wasm_error()->message() : result.describe();
}

std::string last_action_type(const hdk_host::Scenario& scenario, const hdk_host::Agent& agent) {
  return std::string(scenario.chain(agent).back().action().type_name());
}

}  // namespace

TEST_CASE("forum: two agents post, list, comment and edit on every runtime") {
  for (const auto& rt : forum_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      hdk_host::Scenario scenario(rt.runtime);
      scenario.install(rt.dna);
      CHECK(scenario.dna().entry_type_count == 2);
      CHECK(scenario.dna().link_type_count == 2);
      const auto alice = scenario.add_agent("alice");
      const auto bob = scenario.add_agent("bob");

      // alice posts: a Create, then the anchor's CreateLink.
      const auto created =
          scenario.call(alice, "forum", "create_post", Post{"Hello", "first post"});
      INFO(created.describe());
      REQUIRE(created.ok());
      const auto post_hash = created.value<hdk::ActionHash>();
      const auto& alice_chain = scenario.chain(alice);
      REQUIRE(alice_chain.size() >= 2);
      CHECK(alice_chain[alice_chain.size() - 2].action_address() == post_hash);
      CHECK(alice_chain[alice_chain.size() - 2].action().type_name() == "Create");
      CHECK(last_action_type(scenario, alice) == "CreateLink");

      // bob finds it through the anchor.
      const auto listed = scenario.call(bob, "forum", "list_posts", hdk::Unit{});
      INFO(listed.describe());
      REQUIRE(listed.ok());
      const auto posts = listed.value<std::vector<PostItem>>();
      REQUIRE(posts.size() == 1);
      CHECK(posts[0].hash == post_hash);
      CHECK(posts[0].author == alice.key);
      CHECK(posts[0].post.title == "Hello");
      CHECK(posts[0].post.body == "first post");
      const auto got =
          scenario.call(bob, "forum", "get_post", post_hash).value<std::optional<Post>>();
      REQUIRE(got);
      CHECK(got->title == "Hello");

      // bob comments; alice sees the comment under her post.
      const auto commented =
          scenario.call(bob, "forum", "comment_on_post", Comment{post_hash, "Welcome!"});
      INFO(commented.describe());
      REQUIRE(commented.ok());
      CHECK(last_action_type(scenario, bob) == "CreateLink");
      const auto comments = scenario.call(alice, "forum", "list_comments", post_hash)
                                .value<std::vector<CommentItem>>();
      REQUIRE(comments.size() == 1);
      CHECK(comments[0].hash == commented.value<hdk::ActionHash>());
      CHECK(comments[0].author == bob.key);
      CHECK(comments[0].text == "Welcome!");

      // An empty title: refused with the integrity zome's message; nothing committed.
      const std::size_t alice_len = scenario.chain(alice).size();
      const std::size_t dht_size = scenario.dht().size();
      const auto untitled = scenario.call(alice, "forum", "create_post", Post{"", "no title"});
      REQUIRE_FALSE(untitled.ok());
      CHECK_THAT(error_message(untitled), Catch::Contains("a post needs a title"));
      CHECK(scenario.chain(alice).size() == alice_len);
      CHECK(scenario.dht().size() == dht_size);
      CHECK(scenario.call(bob, "forum", "list_posts", hdk::Unit{})
                .value<std::vector<PostItem>>()
                .size() == 1);

      // bob may not edit alice's post.
      const std::size_t bob_len = scenario.chain(bob).size();
      const auto hijack = scenario.call(bob, "forum", "update_post",
                                        forum::UpdatePostInput{post_hash, Post{"Mine now", ""}});
      REQUIRE_FALSE(hijack.ok());
      CHECK_THAT(error_message(hijack), Catch::Contains("only the author may update a post"));
      CHECK(scenario.chain(bob).size() == bob_len);

      // alice may; the new version has its own hash, the original stays readable.
      const auto edited =
          scenario.call(alice, "forum", "update_post",
                        forum::UpdatePostInput{post_hash, Post{"Hello, edited", "first post"}});
      INFO(edited.describe());
      REQUIRE(edited.ok());
      const auto edit_hash = edited.value<hdk::ActionHash>();
      CHECK(edit_hash != post_hash);
      CHECK(last_action_type(scenario, alice) == "Update");
      const auto new_version =
          scenario.call(bob, "forum", "get_post", edit_hash).value<std::optional<Post>>();
      REQUIRE(new_version);
      CHECK(new_version->title == "Hello, edited");
      CHECK(
          scenario.call(bob, "forum", "get_post", post_hash).value<std::optional<Post>>()->title ==
          "Hello");

      // Deleting follows the same rule: bob may not, alice may, and the post leaves the list.
      const auto bob_deletes = scenario.call(bob, "forum", "delete_post", post_hash);
      REQUIRE_FALSE(bob_deletes.ok());
      CHECK_THAT(error_message(bob_deletes), Catch::Contains("only the author may delete a post"));
      const auto alice_deletes = scenario.call(alice, "forum", "delete_post", post_hash);
      INFO(alice_deletes.describe());
      REQUIRE(alice_deletes.ok());
      CHECK(last_action_type(scenario, alice) == "DeleteLink");
      CHECK(scenario.call(bob, "forum", "list_posts", hdk::Unit{})
                .value<std::vector<PostItem>>()
                .empty());
    }
  }
}

TEST_CASE("forum: validation enforces the length limits; comments cannot be edited") {
  for (const auto& rt : forum_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      hdk_host::Scenario scenario(rt.runtime);
      scenario.install(rt.dna);
      const auto alice = scenario.add_agent("alice");

      const auto longest = scenario.call(
          alice, "forum", "create_post",
          Post{std::string(forum::kMaxTitle, 't'), std::string(forum::kMaxBody, 'b')});
      INFO(longest.describe());
      REQUIRE(longest.ok());
      const auto post_hash = longest.value<hdk::ActionHash>();

      const auto long_title = scenario.call(alice, "forum", "create_post",
                                            Post{std::string(forum::kMaxTitle + 1, 't'), ""});
      CHECK_THAT(error_message(long_title), Catch::Contains("title is limited to 200 bytes"));
      const auto long_body = scenario.call(alice, "forum", "create_post",
                                           Post{"t", std::string(forum::kMaxBody + 1, 'b')});
      CHECK_THAT(error_message(long_body), Catch::Contains("body is limited to 10000 bytes"));
      // Updates pass the same content rules as creates.
      const auto bad_edit = scenario.call(alice, "forum", "update_post",
                                          forum::UpdatePostInput{post_hash, Post{"", ""}});
      CHECK_THAT(error_message(bad_edit), Catch::Contains("a post needs a title"));

      const auto long_comment =
          scenario.call(alice, "forum", "comment_on_post",
                        Comment{post_hash, std::string(forum::kMaxComment + 1, 'c')});
      CHECK_THAT(error_message(long_comment),
                 Catch::Contains("a comment is limited to 2000 bytes"));
      const auto comment =
          scenario.call(alice, "forum", "comment_on_post", Comment{post_hash, "ok"});
      REQUIRE(comment.ok());
      // update_post on a comment: refused, even for its author. An update keeps
      // its original's entry type, so the post's bytes fail as a comment first.
      const std::size_t alice_len = scenario.chain(alice).size();
      const auto edit_comment =
          scenario.call(alice, "forum", "update_post",
                        forum::UpdatePostInput{comment.value<hdk::ActionHash>(), Post{"x", ""}});
      REQUIRE_FALSE(edit_comment.ok());
      CHECK_THAT(error_message(edit_comment), Catch::Contains("this entry is not a comment"));
      CHECK(scenario.chain(alice).size() == alice_len);

      // The coordinator's own check, before any write.
      const std::array<std::uint8_t, 32> nowhere{};
      const auto missing =
          hdk_host::world::make_hash<hdk::HashType::Action>(hdk::hash_prefix::kAction, nowhere);
      const auto orphan = scenario.call(alice, "forum", "comment_on_post", Comment{missing, "hi"});
      CHECK_THAT(error_message(orphan), Catch::Contains("no such post"));
    }
  }
}
