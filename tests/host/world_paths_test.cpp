// Paths and anchors (hdk/path.hpp) on every runtime: each path encodes,
// tags and hashes as hdi 0.8 does (the `paths` vectors, from rmp-serde and
// blake2b_simd), and ensure / exists / children / anchors build and read
// the same link tree a Rust zome would.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "world_support.hpp"

namespace {

std::vector<std::uint8_t> from_hex(const std::string& hex) {
  std::vector<std::uint8_t> out(hex.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<std::uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  return out;
}

struct PathFacts {
  hdk::Path path;
  hdk::LinkTag tag;
  hdk::EntryHash entry_hash;
  HDK_STRUCT(path, tag, entry_hash);
};

struct PathVector {
  std::string name, source;
  std::vector<std::uint8_t> path, tag, entry_hash;
};

std::vector<PathVector> path_vectors() {
  std::ifstream in(std::string(HDK_TEST_SOURCE_DIR) + "/tests/vectors/rmp_serde_vectors.json");
  REQUIRE(in.good());
  const auto json = nlohmann::json::parse(in);
  std::vector<PathVector> out;
  for (const auto& v : json.at("paths"))
    out.push_back({v.at("name").get<std::string>(), v.at("source").get<std::string>(),
                   from_hex(v.at("path").get<std::string>()),
                   from_hex(v.at("tag").get<std::string>()),
                   from_hex(v.at("entry_hash").get<std::string>())});
  return out;
}

hdk::AnyLinkableHash entry_linkable(const hdk::EntryHash& h) { return hdk::to_any_linkable(h); }

}  // namespace

TEST_CASE("paths: Path, tags and path_entry_hash match hdi's on every runtime") {
  const auto vectors = path_vectors();
  REQUIRE(vectors.size() >= 10);
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      for (const auto& v : vectors) {
        CAPTURE(v.name, v.source);
        const auto facts =
            world_test::ok_value<PathFacts>(s->call(alice, "posts", "path_facts", v.source));
        CHECK(hdk::encode_to_vector(facts.path) == v.path);
        CHECK(facts.tag.bytes == v.tag);
        CHECK(std::vector<std::uint8_t>(facts.entry_hash.bytes.begin(),
                                        facts.entry_hash.bytes.end()) == v.entry_hash);
      }
      // The root every root path hangs from: the entry of the raw bytes 0, 1.
      const auto root = world_test::ok_value<hdk::AnyLinkableHash>(
          s->call(alice, "posts", "path_root_hash", hdk::Unit{}));
      CHECK(hdk::to_b64(root) == "uhCEksZroCv4kQ6HEDQdSeqY8e-2lZ6zXyJXWtZeqWIe3LPSLjZ5N");
    }
  }
}

TEST_CASE("paths: ensure links each level, exists and children read them, on every runtime") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      auto exists = [&](const auto& who, const std::string& p) {
        return world_test::ok_value<bool>(s->call(who, "posts", "path_exists", p));
      };
      auto facts = [&](const std::string& p) {
        return world_test::ok_value<PathFacts>(s->call(alice, "posts", "path_facts", p));
      };

      CHECK_FALSE(exists(alice, "a"));
      CHECK_FALSE(exists(alice, "a.b.c"));
      CHECK_FALSE(exists(alice, ""));  // the empty path never exists
      REQUIRE(s->call(alice, "posts", "ensure_path", std::string("a.b.c")).ok());
      // Every level was linked, and another agent sees it.
      CHECK(exists(bob, "a"));
      CHECK(exists(bob, "a.b"));
      CHECK(exists(bob, "a.b.c"));
      CHECK_FALSE(exists(bob, "a.c"));

      // The root path is linked from root_hash(), with its leaf as the tag.
      const auto root = world_test::ok_value<hdk::AnyLinkableHash>(
          s->call(alice, "posts", "path_root_hash", hdk::Unit{}));
      (void)root;
      const auto a_children = world_test::ok_value<std::vector<hdk::Link>>(
          s->call(bob, "posts", "path_children", std::string("a")));
      REQUIRE(a_children.size() == 1);
      CHECK(a_children[0].target == entry_linkable(facts("a.b").entry_hash));
      CHECK(a_children[0].base == entry_linkable(facts("a").entry_hash));
      CHECK(a_children[0].tag.bytes == facts("a.b").tag.bytes);

      // Ensuring again links nothing new; a sibling adds one child, listed in tag order.
      REQUIRE(s->call(bob, "posts", "ensure_path", std::string("a.b.c")).ok());
      REQUIRE(s->call(bob, "posts", "ensure_path", std::string("a.a")).ok());
      const auto paths = world_test::ok_value<std::vector<hdk::Path>>(
          s->call(alice, "posts", "path_children_paths", std::string("a")));
      REQUIRE(paths.size() == 2);
      CHECK(paths[0] == hdk::Path::from("a.a"));
      CHECK(paths[1] == hdk::Path::from("a.b"));
      const auto leaves = world_test::ok_value<std::vector<hdk::Link>>(
          s->call(alice, "posts", "path_children", std::string("a.b.c")));
      CHECK(leaves.empty());
    }
  }
}

TEST_CASE("paths: anchors and their listings, on every runtime") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const auto tag_anchor = world_test::ok_value<hdk::EntryHash>(
          s->call(alice, "posts", "make_anchor", hdk::Anchor{"tags", std::string("rust")}));
      // anchor() returns the anchor path's hash, the one hdi gives [[0,0],"foo","bar"].
      const auto foo_bar = world_test::ok_value<hdk::EntryHash>(
          s->call(alice, "posts", "make_anchor", hdk::Anchor{"foo", std::string("bar")}));
      CHECK(hdk::to_b64(foo_bar) == "uhCEkUrr59kr7MLjIRj2QkwfcZIE5F0pbw3WRFLOrGFT5gwaZjtjz");
      const auto cpp = world_test::ok_value<hdk::EntryHash>(
          s->call(bob, "posts", "make_anchor", hdk::Anchor{"tags", std::string("cpp")}));

      const auto types = world_test::ok_value<std::vector<hdk::AnyLinkableHash>>(
          s->call(bob, "posts", "anchor_types", hdk::Unit{}));
      REQUIRE(types.size() == 2);  // "foo" and "tags", in tag order
      CHECK(hdk::to_b64(types[0]) == "uhCEkT3KU0ErrtzOZsIs4EVN_4TAOjyw1WBre_oEwgfO4jg7CNb8l");

      const auto tags = world_test::ok_value<std::vector<hdk::AnyLinkableHash>>(
          s->call(alice, "posts", "anchors_of", std::string("tags")));
      REQUIRE(tags.size() == 2);
      CHECK(tags[0] == entry_linkable(cpp));  // "cpp" sorts before "rust"
      CHECK(tags[1] == entry_linkable(tag_anchor));
      CHECK(world_test::ok_value<std::vector<hdk::AnyLinkableHash>>(
                s->call(alice, "posts", "anchors_of", std::string("none")))
                .empty());
    }
  }
}
