// get_details through wasm on every engine and natively: a record's and an
// entry's updates and deletes, and the entry's DHT status.
#include <catch2/catch.hpp>

#include "world_support.hpp"

using posts::Post;
using posts::UpdatePost;
using world_test::ok_value;

namespace {

std::vector<hdk::ActionHash> hashes_of(const std::vector<hdk::SignedActionHashed>& actions) {
  std::vector<hdk::ActionHash> out;
  for (const auto& a : actions) out.push_back(a.hash());
  return out;
}

using Hashes = std::vector<hdk::ActionHash>;

}  // namespace

TEST_CASE("world: get_details lists updates and deletes on every runtime") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const auto details_of = [&](const hdk_host::Agent& who, const hdk::AnyDhtHash& h) {
        return ok_value<std::optional<hdk::Details>>(s->call(who, "posts", "get_post_details", h));
      };

      const Post original{"one", "1"};
      const auto created =
          ok_value<hdk::ActionHash>(s->call(alice, "posts", "create_post", original));
      const auto entry = ok_value<hdk::EntryHash>(s->call(alice, "posts", "hash_post", original));

      // Before any update or delete the entry is live with one creator.
      auto fresh = details_of(alice, hdk::to_any_dht(entry));
      REQUIRE(fresh);
      REQUIRE(fresh->entry_details());
      CHECK(fresh->entry_details()->entry_dht_status == hdk::EntryDhtStatus::Live);
      CHECK(hashes_of(fresh->entry_details()->actions) == Hashes{created});
      CHECK(fresh->entry_details()->deletes.empty());

      const auto updated = ok_value<hdk::ActionHash>(
          s->call(alice, "posts", "update_post", UpdatePost{created, Post{"one'", "2"}}));
      const auto deleted =
          ok_value<hdk::ActionHash>(s->call(alice, "posts", "delete_post", created));

      // An action hash answers the record with the actions that name it.
      const auto by_action = details_of(alice, hdk::to_any_dht(created));
      REQUIRE(by_action);
      const hdk::RecordDetails* record = by_action->record_details();
      REQUIRE(record);
      CHECK(record->record.action_address() == created);
      CHECK(record->record.entry_as<Post>() == std::optional<Post>(original));
      CHECK(record->validation_status == hdk::ValidationStatus::Valid);
      CHECK(hashes_of(record->deletes) == Hashes{deleted});
      CHECK(hashes_of(record->updates) == Hashes{updated});

      // An entry hash answers the entry, its creators, and their updates and deletes.
      const auto by_entry = details_of(alice, hdk::to_any_dht(entry));
      REQUIRE(by_entry);
      const hdk::EntryDetails* details = by_entry->entry_details();
      REQUIRE(details);
      Post decoded;
      REQUIRE(details->entry.decode_app(decoded));
      CHECK(decoded == original);
      CHECK(hashes_of(details->actions) == Hashes{created});
      CHECK(details->rejected_actions.empty());
      CHECK(hashes_of(details->deletes) == Hashes{deleted});
      CHECK(hashes_of(details->updates) == Hashes{updated});
      CHECK(details->entry_dht_status == hdk::EntryDhtStatus::Dead);

      // The update's own entry is live, written by the update action.
      const auto new_entry =
          ok_value<hdk::EntryHash>(s->call(alice, "posts", "hash_post", Post{"one'", "2"}));
      const auto live = details_of(alice, hdk::to_any_dht(new_entry));
      REQUIRE(live);
      REQUIRE(live->entry_details());
      CHECK(live->entry_details()->entry_dht_status == hdk::EntryDhtStatus::Live);
      CHECK(hashes_of(live->entry_details()->actions) == Hashes{updated});

      // Another agent reads the same record and sees the entry dead.
      const auto from_bob = details_of(bob, hdk::to_any_dht(entry));
      REQUIRE(from_bob);
      REQUIRE(from_bob->entry_details());
      CHECK(from_bob->entry_details()->entry_dht_status == hdk::EntryDhtStatus::Dead);
      CHECK(hashes_of(from_bob->entry_details()->actions) == Hashes{created});
      const auto record_from_bob = details_of(bob, hdk::to_any_dht(created));
      REQUIRE(record_from_bob);
      REQUIRE(record_from_bob->record_details());
      CHECK(record_from_bob->record_details()->record.action_address() == created);

      // A hash the DHT never saw answers nothing.
      const auto unknown =
          ok_value<hdk::EntryHash>(s->call(alice, "posts", "hash_post", Post{"never", "made"}));
      CHECK_FALSE(details_of(alice, hdk::to_any_dht(unknown)));
    }
  }
}
