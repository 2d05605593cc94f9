// Each host function of the world, through wasm on every engine and natively.
#include <catch2/catch.hpp>

#include <algorithm>

#include <sodium.h>

#include "world_support.hpp"

using posts::Post;
using posts::UpdatePost;
using world_test::ok_value;

namespace {

struct SignCheck {
  hdk::Signature signature;
  bool verifies = false;
  bool tampered_verifies = true;
  HDK_STRUCT(signature, verifies, tampered_verifies);
};

struct Randomness {
  hdk::Bytes bytes;
  hdk::Timestamp time;
  HDK_STRUCT(bytes, time);
};

}  // namespace

TEST_CASE("world: info host functions on every runtime") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");

      const auto me = ok_value<hdk::AgentInfo>(s->call(alice, "posts", "whoami", hdk::Unit{}));
      CHECK(me.agent_initial_pubkey == alice.key);
      // genesis (3) + InitZomesComplete: the head is seq 3.
      CHECK(std::get<1>(me.chain_head) == 3);
      CHECK(std::get<0>(me.chain_head) == s->chain(alice).back().action_address());

      const auto dna = ok_value<hdk::DnaInfo>(s->call(alice, "posts", "dna", hdk::Unit{}));
      CHECK(dna.name == "forum");
      CHECK(dna.hash == s->dna().hash);
      CHECK(dna.modifiers.network_seed == "seed");
      CHECK(dna.zome_names == std::vector<std::string>{"posts_integrity", "posts"});

      const auto zome = ok_value<hdk::ZomeInfo>(s->call(alice, "posts", "zome", hdk::Unit{}));
      CHECK(zome.name == "posts");
      CHECK(zome.id.value == 1);
      REQUIRE(zome.zome_types.entries.types.size() == 1);
      CHECK(zome.zome_types.entries.types[0].second.size() == 1);
      CHECK(zome.zome_types.links.types[0].second.size() == 3);  // AllPosts, AuthorToPost, PathTree
      // The integrity zome's entry defs (its entry_defs callback), and this
      // zome's functions, sorted, without the integrity zome's const functions.
      REQUIRE(zome.entry_defs.defs.size() == 1);
      const auto* id = std::get_if<hdk::entry_def_id::App>(&zome.entry_defs.defs[0].id);
      REQUIRE(id);
      CHECK(id->name.name == "post");  // hdk_derive names it in snake case
      CHECK(std::is_sorted(zome.extern_fns.begin(), zome.extern_fns.end()));
      CHECK(std::count(zome.extern_fns.begin(), zome.extern_fns.end(), "create_post") == 1);
      CHECK(std::count(zome.extern_fns.begin(), zome.extern_fns.end(), "validate") == 0);
      CHECK(zome.properties.empty());

      const auto call = ok_value<hdk::CallInfo>(s->call(alice, "posts", "callinfo", hdk::Unit{}));
      CHECK(call.provenance == alice.key);
      CHECK(call.function_name == "callinfo");

      const auto rnd =
          ok_value<Randomness>(s->call(alice, "posts", "random_and_time", std::uint32_t{32}));
      CHECK(rnd.bytes.size() == 32);
      CHECK(rnd.time.micros > 0);
      REQUIRE_FALSE(s->last_trace().empty());
      CHECK(s->last_trace().back().msg == "random_and_time");
    }
  }
}

TEST_CASE("world: hash_entry (in the guest), sign and verify_signature on every runtime") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const Post post{"t", "b"};
      const auto hash = ok_value<hdk::EntryHash>(s->call(alice, "posts", "hash_post", post));
      // The entry hash is blake2b-256 of the Entry's msgpack, computed here independently.
      const auto entry_bytes = hdk::encode_to_vector(hdk::Entry::app(post));
      std::array<std::uint8_t, 32> digest{};
      REQUIRE(sodium_init() >= 0);
      crypto_generichash(digest.data(), 32, entry_bytes.data(), entry_bytes.size(), nullptr, 0);
      CHECK(std::equal(digest.begin(), digest.end(), hash.digest()));
      CHECK(hash.bytes[0] == 0x84);
      CHECK(hash.bytes[1] == 0x21);
      CHECK(hash.bytes[2] == 0x24);

      const auto check =
          ok_value<SignCheck>(s->call(alice, "posts", "sign_and_verify", std::string("hi")));
      CHECK(check.signature.bytes.size() == 64);
      CHECK(check.verifies);
      CHECK_FALSE(check.tampered_verifies);
      // The signature is Ed25519 by the agent's key over the msgpack of "hi".
      const auto data = hdk::encode_to_vector(std::string("hi"));
      CHECK(crypto_sign_verify_detached(check.signature.bytes.data(), data.data(), data.size(),
                                        alice.key.digest()) == 0);
    }
  }
}

TEST_CASE("world: chain and link host functions on every runtime") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const auto first =
          ok_value<hdk::ActionHash>(s->call(alice, "posts", "create_post", Post{"one", "1"}));
      CHECK(s->signals_as<std::string>(alice) == std::vector<std::string>{"one"});

      // update: a new entry, and the Update action points at the original.
      const auto updated = ok_value<hdk::ActionHash>(
          s->call(alice, "posts", "update_post", UpdatePost{first, Post{"one'", "2"}}));
      const auto record =
          ok_value<std::optional<hdk::Record>>(s->call(bob, "posts", "get_record", updated));
      REQUIRE(record);
      const auto* update = record->action().as<hdk::action::Update>();
      REQUIRE(update);
      CHECK(update->original_action_address == first);
      CHECK(record->entry_as<Post>() == Post{"one'", "2"});
      // An invalid update is refused like an invalid create.
      const auto bad = s->call(alice, "posts", "update_post", UpdatePost{first, Post{"", ""}});
      REQUIRE(bad.wasm_error());
      CHECK_THAT(bad.wasm_error()->message(), Catch::Contains("a post needs a title"));

      // query: the agent's own chain with entries.
      const auto chain =
          ok_value<std::vector<hdk::Record>>(s->call(alice, "posts", "my_chain", hdk::Unit{}));
      CHECK(chain.size() == s->chain(alice).size());
      const auto creates =
          ok_value<std::vector<hdk::Record>>(s->call(alice, "posts", "my_creates", hdk::Unit{}));
      CHECK(creates.size() == 2);  // the agent key and the post

      // get_links, count_links, delete_link.
      auto links =
          ok_value<std::vector<hdk::Link>>(s->call(bob, "posts", "all_posts", hdk::Unit{}));
      REQUIRE(links.size() == 1);
      CHECK(ok_value<std::uint64_t>(s->call(bob, "posts", "count_posts", hdk::Unit{})) == 1);
      ok_value<hdk::ActionHash>(s->call(alice, "posts", "remove_link", links[0].create_link_hash));
      CHECK(ok_value<std::vector<hdk::Link>>(s->call(bob, "posts", "all_posts", hdk::Unit{}))
                .empty());
      CHECK(ok_value<std::uint64_t>(s->call(bob, "posts", "count_posts", hdk::Unit{})) == 0);

      // A link validate refuses.
      const auto long_tag = s->call(alice, "posts", "link_with_long_tag", first);
      REQUIRE(long_tag.wasm_error());
      CHECK_THAT(long_tag.wasm_error()->message(), Catch::Contains("at most 64 bytes"));

      // call: zome to zome in the same cell; its writes are the caller's.
      const auto via =
          ok_value<hdk::ActionHash>(s->call(alice, "posts", "create_via_call", Post{"two", "2"}));
      CHECK(ok_value<std::optional<Post>>(s->call(bob, "posts", "get_post", via)) ==
            Post{"two", "2"});
      CHECK(ok_value<std::uint64_t>(s->call(bob, "posts", "count_posts", hdk::Unit{})) == 1);
    }
  }
}

TEST_CASE("world: dna_info 1, init properties and link details on every runtime") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto dna = rt.dna;
      dna.init_properties = hdk::Bytes{0x81, 0xa1, 'k', 0x01};
      hdk_host::Scenario s(rt.runtime);
      s.install(dna);
      const auto alice = s.add_agent("alice");

      // init reads the properties (its trace says how many bytes) ...
      const auto v1 = ok_value<hdk::DnaInfoV1>(s.call(alice, "posts", "dna_v1", hdk::Unit{}));
      bool traced = false;
      for (const auto& line : s.last_trace())
        traced = traced || line.msg.find("init properties: 4 bytes") != std::string::npos;
      CHECK(traced);
      CHECK(v1.name == "forum");
      CHECK(v1.hash == s.dna().hash);
      CHECK(v1.properties == hdk::Bytes{0xc0});
      CHECK(v1.zome_names == std::vector<std::string>{"posts_integrity", "posts"});
      // ... and a zome call may not (only init may).
      CHECK_THAT(world_test::host_error_of(
                     s.call(alice, "posts", "init_properties_in_a_call", hdk::Unit{})),
                 Catch::Contains("get_init_properties may not be called from a zome call"));

      // get_links_details: deleted links too, each with its DeleteLink.
      REQUIRE(s.call(alice, "posts", "create_post", Post{"one", "1"}).ok());
      REQUIRE(s.call(alice, "posts", "create_post", Post{"two", "2"}).ok());
      const auto links =
          ok_value<std::vector<hdk::Link>>(s.call(alice, "posts", "all_posts", hdk::Unit{}));
      REQUIRE(links.size() == 2);
      const auto removed = ok_value<hdk::ActionHash>(
          s.call(alice, "posts", "remove_link", links[0].create_link_hash));
      const auto details =
          ok_value<hdk::LinkDetails>(s.call(alice, "posts", "all_posts_details", hdk::Unit{}));
      REQUIRE(details.links.size() == 2);
      CHECK(details.links[0].first.action_address() == links[0].create_link_hash);
      REQUIRE(details.links[0].second.size() == 1);
      CHECK(details.links[0].second[0].action_address() == removed);
      CHECK(details.links[0].second[0].action().is<hdk::action::DeleteLink>());
      CHECK(details.links[1].first.action_address() == links[1].create_link_hash);
      CHECK(details.links[1].second.empty());
      // Without init properties, init reads none.
      hdk_host::Scenario plain(rt.runtime);
      plain.install(rt.dna);
      const auto bob = plain.add_agent("bob");
      REQUIRE(plain.call(bob, "posts", "whoami", hdk::Unit{}).ok());
      bool none = false;
      for (const auto& line : plain.last_trace())
        none = none || line.msg.find("init properties: 0 bytes") != std::string::npos;
      CHECK(none);
    }
  }
}
