// A hApp laid out as `hc scaffold` lays one out (tests/zomes/recipes_integrity
// + recipes), run by several agents on every runtime: entry CRUD with
// revisions, a global collection through a path, a by-author collection,
// comments linked from their recipe, post_commit's signal_action, a
// capability-gated remote call and a schedule run by an advancing clock.
#include <algorithm>

#include <catch2/catch.hpp>

#include "../zomes/recipes_integrity/recipes_types.hpp"
#include "world_support.hpp"

namespace {

using recipes::Comment;
using recipes::Recipe;
using recipes::Signal;
using world_test::ok_value;

/// The recipes DNA, every way this build runs it.
std::vector<world_test::Runtime> recipes_runtimes() {
  return world_test::dna_runtimes("recipes", "recipes_integrity", "recipes");
}

std::vector<hdk::ActionHash> targets_of(const std::vector<hdk::Link>& links) {
  std::vector<hdk::ActionHash> out;
  for (const auto& link : links) out.push_back(world_test::action_hash_of(link.target));
  return out;
}

std::vector<std::string> signal_types(const std::vector<Signal>& signals) {
  std::vector<std::string> out;
  for (const auto& s : signals) out.push_back(s.type);
  return out;
}

std::string invalid_message(const hdk_host::CallResult& r) {
  INFO(r.describe());
  REQUIRE_FALSE(r.ok());
  return r.wasm_error() ? r.wasm_error()->message() : r.describe();
}

}  // namespace

TEST_CASE("scaffold hApp: CRUD with revisions, collections and comments, across agents") {
  for (const auto& rt : recipes_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");

      const Recipe soup{"soup", "boil water"};
      const auto created = ok_value<hdk::Record>(s->call(alice, "recipes", "create_recipe", soup));
      const hdk::ActionHash original = created.action_address();
      CHECK(created.entry_as<Recipe>() == std::optional<Recipe>(soup));
      const auto bread =
          ok_value<hdk::Record>(s->call(bob, "recipes", "create_recipe", Recipe{"bread", "knead"}));

      // The global collection (a path) holds both, in order; by-author each's own.
      CHECK(targets_of(ok_value<std::vector<hdk::Link>>(
                s->call(bob, "recipes", "get_all_recipes", hdk::Unit{}))) ==
            std::vector<hdk::ActionHash>{original, bread.action_address()});
      CHECK(targets_of(ok_value<std::vector<hdk::Link>>(
                s->call(bob, "recipes", "get_recipes_by_author", alice.key))) ==
            std::vector<hdk::ActionHash>{original});
      // Both hang from the path's hash: the entry of hdi's Path, never committed.
      const auto path_hash = hdk::to_any_linkable(
          hdk_host::world::hash_entry(hdk::Entry::app(hdk::Path::from(recipes::kAllRecipesPath))));
      std::size_t collection_links = 0;
      for (const auto* agent : {&alice, &bob})
        for (const auto& record : s->chain(*agent))
          if (const auto* link = record.action().as<hdk::action::CreateLink>();
              link && link->base_address == path_hash)
            ++collection_links;
      CHECK(collection_links == 2);
      REQUIRE(s->call(alice, "recipes", "create_recipe", Recipe{"tea", "steep"}).ok());

      // Two revisions: latest follows the RecipeUpdates links, the original stays.
      const Recipe soup2{"soup", "boil water, add salt"};
      const Recipe soup3{"soup", "boil water, add salt and pepper"};
      const auto rev2 =
          ok_value<hdk::Record>(s->call(alice, "recipes", "update_recipe",
                                        recipes::UpdateRecipeInput{original, original, soup2}));
      const auto rev3 = ok_value<hdk::Record>(
          s->call(alice, "recipes", "update_recipe",
                  recipes::UpdateRecipeInput{original, rev2.action_address(), soup3}));
      const auto* update = rev3.action().as<hdk::action::Update>();
      REQUIRE(update);
      CHECK(update->original_action_address == rev2.action_address());
      const auto latest = ok_value<std::optional<hdk::Record>>(
          s->call(bob, "recipes", "get_latest_recipe", original));
      REQUIRE(latest);
      CHECK(latest->entry_as<Recipe>() == std::optional<Recipe>(soup3));
      const auto first = ok_value<std::optional<hdk::Record>>(
          s->call(bob, "recipes", "get_original_recipe", original));
      REQUIRE(first);
      CHECK(first->entry_as<Recipe>() == std::optional<Recipe>(soup));
      std::vector<std::string> revisions;
      for (const auto& r : ok_value<std::vector<hdk::Record>>(
               s->call(bob, "recipes", "get_all_revisions_for_recipe", original)))
        revisions.push_back(r.entry_as<Recipe>().value_or(Recipe{}).instructions);
      CHECK(revisions ==
            std::vector<std::string>{soup.instructions, soup2.instructions, soup3.instructions});

      // Validation: only the author revises; a recipe needs a name.
      CHECK_THAT(invalid_message(s->call(bob, "recipes", "update_recipe",
                                         recipes::UpdateRecipeInput{original, original, soup2})),
                 Catch::Contains("only its author may update a recipe"));
      CHECK_THAT(invalid_message(s->call(alice, "recipes", "create_recipe", Recipe{"", "x"})),
                 Catch::Contains("a recipe needs a name"));

      // Comments, linked from the recipe; one on a comment is refused.
      const auto comment = ok_value<hdk::Record>(
          s->call(bob, "recipes", "create_comment", Comment{original, "lovely"}));
      CHECK(targets_of(ok_value<std::vector<hdk::Link>>(
                s->call(alice, "recipes", "get_comments_for_recipe", original))) ==
            std::vector<hdk::ActionHash>{comment.action_address()});
      CHECK_THAT(invalid_message(s->call(bob, "recipes", "create_comment",
                                         Comment{comment.action_address(), "me too"})),
                 Catch::Contains("a comment must be on a recipe"));

      // Delete: bob may not; alice's delete takes it out of both collections.
      CHECK_THAT(invalid_message(s->call(bob, "recipes", "delete_recipe", original)),
                 Catch::Contains("only its creator may delete a link"));
      const auto no_deletes = ok_value<std::optional<std::vector<hdk::SignedActionHashed>>>(
          s->call(bob, "recipes", "get_all_deletes_for_recipe", original));
      REQUIRE(no_deletes);
      CHECK(no_deletes->empty());
      const auto deleted =
          ok_value<hdk::ActionHash>(s->call(alice, "recipes", "delete_recipe", original));
      const auto deletes = ok_value<std::optional<std::vector<hdk::SignedActionHashed>>>(
          s->call(bob, "recipes", "get_all_deletes_for_recipe", original));
      REQUIRE(deletes);
      REQUIRE(deletes->size() == 1);
      CHECK(deletes->front().hashed.hash == deleted);
      const auto remaining = targets_of(ok_value<std::vector<hdk::Link>>(
          s->call(bob, "recipes", "get_all_recipes", hdk::Unit{})));
      CHECK(std::find(remaining.begin(), remaining.end(), original) == remaining.end());
      CHECK(remaining.size() == 2);
      CHECK(ok_value<std::vector<hdk::Link>>(
                s->call(bob, "recipes", "get_recipes_by_author", alice.key))
                .size() == 1);  // tea
    }
  }
}

TEST_CASE("scaffold hApp: post_commit signals each action for its author only") {
  for (const auto& rt : recipes_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const Recipe soup{"soup", "boil water"};
      const auto created = ok_value<hdk::Record>(s->call(alice, "recipes", "create_recipe", soup));

      // The recipe, then its two collection links.
      const auto signals = s->signals_as<Signal>(alice);
      CHECK(signal_types(signals) ==
            std::vector<std::string>{"EntryCreated", "LinkCreated", "LinkCreated"});
      REQUIRE_FALSE(signals.empty());
      CHECK(signals[0].action.hashed.hash == created.action_address());
      CHECK(signals[0].app_entry == std::optional<Recipe>(soup));
      CHECK(hdk::encode_to_vector(signals[0].action) ==
            hdk::encode_to_vector(created.signed_action));
      CHECK(s->signals(bob).empty());

      const Recipe soup2{"soup", "add salt"};
      REQUIRE(s->call(alice, "recipes", "update_recipe",
                      recipes::UpdateRecipeInput{created.action_address(), created.action_address(),
                                                 soup2})
                  .ok());
      const auto after = s->signals_as<Signal>(alice);
      REQUIRE(after.size() == 5);
      CHECK(after[3].type == "EntryUpdated");
      CHECK(after[3].app_entry == std::optional<Recipe>(soup2));
      CHECK(after[4].type == "LinkCreated");

      // A call that fails validation commits nothing and signals nothing.
      CHECK_FALSE(s->call(alice, "recipes", "create_recipe", Recipe{"", ""}).ok());
      CHECK(s->signals_as<Signal>(alice).size() == 5);
      CHECK(s->signals(bob).empty());
    }
  }
}

TEST_CASE("scaffold hApp: a capability-gated remote read between agents") {
  for (const auto& rt : recipes_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const auto carol = s->add_agent("carol");
      const Recipe soup{"soup", "boil water"};
      REQUIRE(s->call(alice, "recipes", "create_recipe", soup).ok());

      const auto read = [&](const hdk_host::Agent& reader, std::optional<hdk::CapSecret> secret) {
        return ok_value<hdk::ZomeCallResponse>(s->call(reader, "recipes", "read_remote_recipes",
                                                       recipes::RemoteRead{alice.key, secret}));
      };
      const auto unauthorized = [](const hdk::ZomeCallResponse& r) {
        return std::holds_alternative<hdk::zome_call_response::Unauthorized>(r);
      };

      // No grant yet: the conductor's Unauthorized.
      CHECK(unauthorized(read(bob, std::nullopt)));
      const auto secret =
          ok_value<hdk::CapSecret>(s->call(alice, "recipes", "share_recipes_with", bob.key));
      CHECK(unauthorized(read(bob, std::nullopt)));  // an assigned grant wants its secret

      const auto answer = read(bob, secret);
      const auto* ok = std::get_if<hdk::zome_call_response::Ok>(&answer);
      REQUIRE(ok);
      std::vector<Recipe> shared;
      hdk::DecodeError err;
      REQUIRE(ok->output.decode(shared, err));
      CHECK(shared == std::vector<Recipe>{soup});

      // The secret is bob's alone: carol holding it is still refused.
      CHECK(unauthorized(read(carol, secret)));
      // The grant covers read_recipes only.
      CHECK_FALSE(std::holds_alternative<hdk::zome_call_response::Ok>(
          ok_value<hdk::ZomeCallResponse>(s->call(bob, "recipes", "read_remote_recipes",
                                                  recipes::RemoteRead{carol.key, secret}))));
    }
  }
}

TEST_CASE("scaffold hApp: a scheduled digest runs as the clock advances") {
  using namespace std::chrono_literals;
  for (const auto& rt : recipes_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      hdk_host::Scenario s(rt.runtime, {}, hdk_host::world::FixedInputs{});
      s.install(rt.dna);
      const auto alice = s.add_agent("alice");
      const auto bob = s.add_agent("bob");
      REQUIRE(s.call(alice, "recipes", "create_recipe", Recipe{"soup", "boil"}).ok());
      REQUIRE(s.call(bob, "recipes", "start_digest", hdk::Unit{}).ok());
      CHECK(s.signals_as<std::string>(bob).empty());

      s.advance(1s);  // the first run, at the next tick
      CHECK(s.signals_as<std::string>(bob) == std::vector<std::string>{"digest: 1 recipes"});
      REQUIRE(s.call(alice, "recipes", "create_recipe", Recipe{"bread", "knead"}).ok());
      s.advance(29s);
      CHECK(s.signals_as<std::string>(bob).size() == 1);
      s.advance(1s);  // 30 s after the first run
      CHECK(s.signals_as<std::string>(bob) ==
            std::vector<std::string>{"digest: 1 recipes", "digest: 2 recipes"});
      CHECK(s.signals_as<std::string>(alice).empty());
      REQUIRE(s.schedules(bob).size() == 1);
      CHECK(s.schedules(bob).front().fn == "publish_digest");
    }
  }
}
