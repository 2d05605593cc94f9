// The parts of hdk/flat_op.hpp that need no host: narrowing an action to
// the kind a FlatOp case implies, and a hash to the kind it must be. (The
// flattening itself runs in the forum's and profiles' validate, on every
// runtime: forum_scenario_test.cpp, profiles_test.cpp.)
#include <catch2/catch.hpp>

#include <hdk/hdk.hpp>

#include "hdk_host/world.hpp"

namespace {

template <hdk::HashType Type>
hdk::HoloHash<Type> filled(const hdk::hash_prefix::Prefix& prefix, std::uint8_t fill) {
  std::array<std::uint8_t, 32> digest{};
  digest.fill(fill);
  return hdk_host::world::make_hash<Type>(prefix, digest);
}

hdk::Action create_action() {
  hdk::Action a;
  a.header.author = filled<hdk::HashType::Agent>(hdk::hash_prefix::kAgent, 1);
  a.header.action_seq = 4;
  a.data = hdk::action::Create{hdk::entry_type::App{hdk::AppEntryDef{}},
                               filled<hdk::HashType::Entry>(hdk::hash_prefix::kEntry, 2)};
  return a;
}

}  // namespace

TEST_CASE("flat op: TypedAction narrows to the kind its case implies, or says which it got") {
  const hdk::Action a = create_action();
  const auto create = hdk::TypedAction<hdk::CreateData>::try_from_action(a);
  REQUIRE(create);
  CHECK(create.value()->entry_hash == a.as<hdk::action::Create>()->entry_hash);
  CHECK(create.value().author() == a.header.author);
  CHECK(create.value().action_seq() == 4);

  const auto either = hdk::TypedAction<hdk::EntryCreationData>::try_from_action(a);
  REQUIRE(either);
  CHECK(either.value().data.entry_hash() == create.value()->entry_hash);
  CHECK(create.value().into_entry_creation().data.entry_hash() == create.value()->entry_hash);

  const auto wrong = hdk::TypedAction<hdk::DeleteData>::try_from_action(a);
  REQUIRE_FALSE(wrong);
  CHECK_THAT(wrong.error().message(), Catch::Contains("Expected a Delete action, got Create"));
  hdk::Action link = a;
  link.data = hdk::action::DeleteLink{};
  const auto not_creation = hdk::TypedAction<hdk::EntryCreationData>::try_from_action(link);
  REQUIRE_FALSE(not_creation);
  CHECK_THAT(not_creation.error().message(),
             Catch::Contains("Expected a Create or Update action, got DeleteLink"));
}

TEST_CASE("flat op: AnyLinkableHash and AnyDhtHash into a hash of one kind, or an error") {
  const auto entry = filled<hdk::HashType::Entry>(hdk::hash_prefix::kEntry, 7);
  const auto action = filled<hdk::HashType::Action>(hdk::hash_prefix::kAction, 8);
  const auto agent = filled<hdk::HashType::Agent>(hdk::hash_prefix::kAgent, 9);

  const hdk::AnyLinkableHash linkable_entry = hdk::to_any_linkable(entry);
  const hdk::AnyLinkableHash linkable_agent = hdk::to_any_linkable(agent);
  const hdk::AnyDhtHash dht_action = hdk::to_any_dht(action);

  REQUIRE(hdk::into_entry_hash(linkable_entry));
  CHECK(hdk::into_entry_hash(linkable_entry).value() == entry);
  CHECK_THAT(hdk::into_action_hash(linkable_entry).error().message(),
             Catch::Contains("the hash is not an action hash"));
  REQUIRE(hdk::into_action_hash(dht_action));
  CHECK(hdk::into_action_hash(dht_action).value() == action);
  CHECK_FALSE(hdk::into_entry_hash(dht_action));
  CHECK_FALSE(hdk::into_agent_pub_key(dht_action));
  REQUIRE(hdk::into_agent_pub_key(linkable_agent));
  CHECK(hdk::into_agent_pub_key(linkable_agent).value() == agent);
  // An agent links as its agent entry's hash, so it is an entry hash too.
  CHECK(hdk::into_entry_hash(linkable_agent).value() == hdk::agent_entry_hash(agent));
  CHECK_THAT(hdk::into_agent_pub_key(dht_action).error().message(),
             Catch::Contains("the hash is not an agent key"));
}
