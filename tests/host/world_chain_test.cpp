// Source chain integrity, all-or-nothing commits, and the form of hashes.
#include <catch2/catch.hpp>

#include <sodium.h>

#include <fstream>
#include <iterator>

#include "hdk_host/world.hpp"
#include "world_support.hpp"

using posts::Post;

namespace {

/// Each record: seq follows its predecessor, prev_action is its hash, the
/// hash is blake2b of the action's msgpack, and the author's signature holds.
void check_chain(const std::vector<hdk::Record>& chain, const hdk::AgentPubKey& author) {
  for (std::size_t i = 0; i < chain.size(); ++i) {
    const hdk::Action& action = chain[i].action();
    CAPTURE(i, action.type_name());
    CHECK(action.action_seq() == i);
    CHECK(action.author() == author);
    if (i == 0) {
      REQUIRE(action.is<hdk::action::Dna>());
      CHECK_FALSE(action.prev_action());
    } else {
      REQUIRE(action.prev_action());
      CHECK(*action.prev_action() == chain[i - 1].action_address());
      CHECK_FALSE(action.timestamp() < chain[i - 1].action().timestamp());
    }
    const auto bytes = hdk::encode_to_vector(action);
    CHECK(hdk_host::world::hash_action(action) == chain[i].action_address());
    CHECK(hdk_host::world::verify(author, chain[i].signed_action.signature, bytes));
  }
}

}  // namespace

TEST_CASE("world: genesis, init and commits keep the chain linked and signed") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto& chain = s->chain(alice);
      REQUIRE(chain.size() == 3);
      // The Dna action names the DNA the cell runs.
      CHECK(chain[0].action().as<hdk::action::Dna>()->dna_hash == s->dna().hash);
      CHECK(chain[1].action().is<hdk::action::AgentValidationPkg>());
      const auto* agent_create = chain[2].action().as<hdk::action::Create>();
      REQUIRE(agent_create);
      CHECK(agent_create->entry_hash == hdk::agent_entry_hash(alice.key));

      REQUIRE(s->call(alice, "posts", "create_post", Post{"a", "b"}).ok());
      // init ran once, before the first call: InitZomesComplete at seq 3.
      REQUIRE(chain.size() == 7);  // + InitZomesComplete, Create, 2 CreateLinks
      CHECK(chain[3].action().action_type() == hdk::ActionType::InitZomesComplete);
      REQUIRE(s->call(alice, "posts", "create_post", Post{"c", "d"}).ok());
      CHECK(chain.size() == 10);
      check_chain(chain, alice.key);
    }
  }
}

TEST_CASE("world: a call that fails after writing commits nothing") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      REQUIRE(s->call(alice, "posts", "whoami", hdk::Unit{}).ok());  // runs init
      const auto chain_before = s->chain(alice).size();
      const auto dht_before = s->dht().size();
      const auto r = s->call(alice, "posts", "create_then_fail", Post{"kept?", "no"});
      REQUIRE(r.wasm_error());
      CHECK(r.wasm_error()->message() == "failing after a write");
      CHECK(s->chain(alice).size() == chain_before);
      CHECK(s->dht().size() == dht_before);
      const auto after =
          s->call(alice, "posts", "my_creates", hdk::Unit{}).value<std::vector<hdk::Record>>();
      CHECK(after.size() == 1);  // only the agent key
    }
  }
}

TEST_CASE("world: hashes have Holochain's form and are deterministic") {
  auto s = world_test::install(world_test::runtimes().front());
  const auto alice = s->add_agent("alice");
  const auto bob = s->add_agent("bob");
  CHECK_FALSE(alice.key == bob.key);
  REQUIRE(sodium_init() >= 0);

  auto check_form = [](const auto& hash, std::uint8_t type_byte) {
    CHECK(hash.bytes[0] == 0x84);
    CHECK(hash.bytes[1] == type_byte);
    CHECK(hash.bytes[2] == 0x24);
    // location: the 16-byte blake2b of the digest, its four words XORed.
    std::array<std::uint8_t, 16> wide{};
    crypto_generichash(wide.data(), 16, hash.digest(), 32, nullptr, 0);
    for (int k = 0; k < 4; ++k)
      CHECK(hash.location()[k] == (wide[k] ^ wide[4 + k] ^ wide[8 + k] ^ wide[12 + k]));
  };
  check_form(alice.key, 0x20);
  check_form(s->dna().hash, 0x2d);
  for (const auto& record : s->chain(alice)) check_form(record.action_address(), 0x29);
  const auto entry = hdk_host::world::hash_entry(hdk::Entry::app(Post{"x", "y"}));
  check_form(entry, 0x21);
  CHECK(entry == hdk_host::world::hash_entry(hdk::Entry::app(Post{"x", "y"})));
  CHECK_FALSE(entry == hdk_host::world::hash_entry(hdk::Entry::app(Post{"x", "z"})));
  CHECK(hdk::to_b64(alice.key).rfind("uhCAk", 0) == 0);
  CHECK(hdk::to_b64(entry).rfind("uhCEk", 0) == 0);
  // The same DNA installed again has the same hash.
  auto again = world_test::install(world_test::runtimes().front());
  CHECK(again->dna().hash == s->dna().hash);
}

TEST_CASE("world: the DNA hash is Holochain's, from seed, properties and integrity code") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      std::ifstream in(rt.dna.integrity.path, std::ios::binary);
      REQUIRE(in);
      const std::vector<std::uint8_t> code((std::istreambuf_iterator<char>(in)), {});
      const hdk::DnaHash want = hdk_host::world::dna_hash(
          "seed", hdk::Bytes{0xc0}, {{"posts_integrity", hdk_host::world::wasm_hash(code), {}}});
      CHECK(s->dna().hash == want);
      const auto alice = s->add_agent("alice");
      // What the zomes see: dna_info and the chain's first action.
      const auto info =
          world_test::ok_value<hdk::DnaInfo>(s->call(alice, "posts", "dna", hdk::Unit{}));
      CHECK(info.hash == want);
      CHECK(info.modifiers.network_seed == "seed");
      CHECK(info.modifiers.properties == hdk::Bytes{0xc0});

      // Coordinators and the DNA's name are not hashed; seed and properties are.
      auto renamed = rt.dna;
      renamed.name = "another name";
      renamed.coordinators.clear();
      hdk_host::Scenario other(rt.runtime);
      other.install(renamed);
      CHECK(other.dna().hash == want);
      auto reseeded = rt.dna;
      reseeded.network_seed = "other seed";
      other.install(reseeded);
      CHECK_FALSE(other.dna().hash == want);
      auto with_properties = rt.dna;
      with_properties.properties = hdk::Bytes(hdk::encode_to_vector(std::string("p")));
      other.install(with_properties);
      CHECK_FALSE(other.dna().hash == want);
      const auto bob = other.add_agent("bob");
      const auto props =
          world_test::ok_value<hdk::DnaInfo>(other.call(bob, "posts", "dna", hdk::Unit{}));
      CHECK(props.modifiers.properties == with_properties.properties);
    }
  }
}
