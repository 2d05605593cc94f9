// Worked hashes: the HoloHashes the generator computed with blake2b_simd
// (the crate holo_hash hashes with) over rmp-serde's bytes, recomputed by the
// guest (hdk/hashing.hpp, in wasm on every engine and natively) and by the
// host (libsodium), from values decoded from those same bytes.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <hdk/hashing.hpp>
#include <hdk/types.hpp>

#include "hdk_host/world.hpp"
#include "support/zomes.hpp"

namespace {

struct HashVector {
  std::string name;
  std::string kind;  // "entry", "action", "dna"
  std::vector<std::uint8_t> content;
  std::array<std::uint8_t, 39> hash{};
};

std::vector<std::uint8_t> from_hex(const std::string& hex) {
  std::vector<std::uint8_t> out(hex.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<std::uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  return out;
}

const std::vector<HashVector>& hash_vectors() {
  static const std::vector<HashVector> vectors = [] {
    std::ifstream in(std::string(HDK_TEST_SOURCE_DIR) + "/tests/vectors/rmp_serde_vectors.json");
    REQUIRE(in.good());
    const auto json = nlohmann::json::parse(in);
    std::vector<HashVector> out;
    for (const auto& v : json.at("hashes")) {
      HashVector hv{v.at("name").get<std::string>(),
                    v.at("kind").get<std::string>(),
                    from_hex(v.at("content").get<std::string>()),
                    {}};
      const auto hash = from_hex(v.at("hash").get<std::string>());
      REQUIRE(hash.size() == 39);
      std::copy(hash.begin(), hash.end(), hv.hash.begin());
      out.push_back(std::move(hv));
    }
    return out;
  }();
  return vectors;
}

/// boundary's blake2b input.
struct Blake2bInput {
  hdk::Bytes data;
  std::uint8_t length = 32;
  HDK_STRUCT(data, length);
};

template <class T>
T decoded(const HashVector& v) {
  T out{};
  hdk::DecodeError err;
  INFO(err.message);
  REQUIRE(hdk::decode(v.content, out, err));
  // What we would hash is what rmp-serde hashed.
  REQUIRE(hdk::encode_to_vector(out) == v.content);
  return out;
}

}  // namespace

TEST_CASE("hashes: the set covers entries, actions and a DNA") {
  int entries = 0, actions = 0, dnas = 0;
  for (const auto& v : hash_vectors()) {
    CAPTURE(v.name, v.kind);
    // Each kind is recomputed below; a kind no test knows would go unchecked.
    CHECK((v.kind == "entry" || v.kind == "action" || v.kind == "dna"));
    entries += v.kind == "entry";
    actions += v.kind == "action";
    dnas += v.kind == "dna";
  }
  REQUIRE(!hash_vectors().empty());
  CHECK(entries >= 2);
  CHECK(actions >= 2);
  CHECK(dnas >= 1);
}

TEST_CASE(
    "hashes: the guest's hashing (compiled natively) and libsodium's agree with blake2b_simd") {
  for (const auto& v : hash_vectors()) {
    CAPTURE(v.name);
    if (v.kind == "entry") {
      const auto entry = decoded<hdk::Entry>(v);
      hdk::EntryHash guest;
      REQUIRE(hdk::hashing::entry_hash(entry, guest));
      CHECK(guest.bytes == v.hash);
      CHECK(hdk_host::world::hash_entry(entry).bytes == v.hash);
    } else if (v.kind == "action") {
      const auto action = decoded<hdk::Action>(v);
      hdk::ActionHash guest;
      REQUIRE(hdk::hashing::action_hash(action, guest));
      CHECK(guest.bytes == v.hash);
      CHECK(hdk_host::world::hash_action(action).bytes == v.hash);
    }
  }
}

TEST_CASE("hashes: a zome hashes actions and entries in wasm as blake2b_simd does") {
  // boundary's hash_of_action / hash_of_entry call hdk::hash_action and
  // hdk::hash_entry: BLAKE2b inside the guest, no host function.
  for (auto& z : hdk_test::load_everywhere("boundary")) {
    CAPTURE(z.label);
    for (const auto& v : hash_vectors()) {
      CAPTURE(v.name);
      if (v.kind == "entry") {
        const auto r = hdk_test::call(*z.zome, "hash_of_entry", decoded<hdk::Entry>(v));
        INFO(r.describe());
        REQUIRE(r.ok());
        CHECK(r.value<hdk::EntryHash>().bytes == v.hash);
      } else if (v.kind == "action") {
        const auto r = hdk_test::call(*z.zome, "hash_of_action", decoded<hdk::Action>(v));
        INFO(r.describe());
        REQUIRE(r.ok());
        CHECK(r.value<hdk::ActionHash>().bytes == v.hash);
      }
    }
  }
}

TEST_CASE("hashes: an agent's entry hashes to its own key, retyped, in wasm too") {
  hdk::AgentPubKey key;
  key.bytes.fill(0x42);
  key.bytes[0] = 0x84, key.bytes[1] = 0x20, key.bytes[2] = 0x24;
  const hdk::Entry entry = hdk::entry::Agent{key};
  const hdk::EntryHash want = hdk::agent_entry_hash(key);
  CHECK(hdk_host::world::hash_entry(entry) == want);
  for (auto& z : hdk_test::load_everywhere("boundary")) {
    CAPTURE(z.label);
    const auto r = hdk_test::call(*z.zome, "hash_of_entry", entry);
    INFO(r.describe());
    REQUIRE(r.ok());
    CHECK(r.value<hdk::EntryHash>() == want);
  }
}

TEST_CASE("hashes: BLAKE2b in wasm equals libsodium's for every digest length") {
  std::vector<std::uint8_t> data(300);
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 7);
  for (auto& z : hdk_test::load_everywhere("boundary", {}, false)) {
    CAPTURE(z.label);
    for (std::uint8_t length : {16, 20, 32, 48, 64}) {
      CAPTURE(int(length));
      const auto r = hdk_test::call(*z.zome, "blake2b", Blake2bInput{hdk::Bytes(data), length});
      INFO(r.describe());
      REQUIRE(r.ok());
      const auto got = r.value<hdk::Bytes>();
      CHECK(got.size() == length);
      if (length == 32) {
        const auto want = hdk_host::world::blake2b_256(data);
        CHECK(std::equal(want.begin(), want.end(), got.begin()));
      }
      // The same BLAKE2b compiled natively (the unit tests check it against libsodium).
      hdk::blake2b::State state(length);
      state.update(data.data(), data.size());
      hdk::Bytes native(length);
      state.finish(native.data());
      CHECK(got == native);
    }
    const auto bad = hdk_test::call(*z.zome, "blake2b", Blake2bInput{hdk::Bytes{}, 65});
    CHECK_FALSE(bad.ok());
  }
}

TEST_CASE("hashes: the DNA hash from its hashed input, as blake2b_simd has it") {
  using hdk_host::world::IntegrityZomeHashInput;
  const auto vector = [](const std::string& name) -> const HashVector& {
    for (const auto& hv : hash_vectors())
      if (hv.name == name) return hv;
    FAIL("no hash vector " << name);
    return hash_vectors().front();
  };
  hdk::WasmHash fives;
  fives.bytes.fill(5);
  fives.bytes[0] = 0x84, fives.bytes[1] = 0x2a, fives.bytes[2] = 0x24;
  const std::string one = "This is a totally fake wasm\n";
  const std::string two = "So is this\n";
  const auto code = [](const std::string& s) {
    return std::vector<std::uint8_t>(s.begin(), s.end());
  };
  struct Case {
    const char* vector;
    std::string seed;
    std::vector<IntegrityZomeHashInput> zomes;
  };
  const Case cases[] = {{"dna_seed_one_zome", "seed", {{"z", fives, {}}}},
                        // Holochain's own `hc-dna hash` test DNA: two integrity zomes whose
                        // "wasm" files are these two lines, seed all zeros, no properties.
                        {"dna_holochain_hc_dna_test",
                         "00000000-0000-0000-0000-000000000000",
                         {{"zome1", hdk_host::world::wasm_hash(code(one)), {}},
                          {"zome2", hdk_host::world::wasm_hash(code(two)), {}}}}};
  for (const auto& c : cases) {
    CAPTURE(c.vector);
    const HashVector& v = vector(c.vector);
    CHECK(hdk_host::world::dna_hash_content(c.seed, hdk::Bytes{0xc0}, c.zomes) == v.content);
    CHECK(hdk_host::world::dna_hash(c.seed, hdk::Bytes{0xc0}, c.zomes).bytes == v.hash);
  }
  // The value holochain's hc_bundle test expects for that DNA (tag
  // holochain-0.7.0-rc.3, test_hash_dna_function).
  CHECK(hdk::to_b64(hdk_host::world::dna_hash("00000000-0000-0000-0000-000000000000",
                                              hdk::Bytes{0xc0}, cases[1].zomes)) ==
        "uhC0kMpN6EzEhjaPP-MWeJi1cH2Zyw7OYEDEekSnjWE85WgCnIvEG");

  // Every hashed input moves the hash.
  const std::vector<IntegrityZomeHashInput> zomes{{"z", fives, {}}};
  const auto base = hdk_host::world::dna_hash("seed", hdk::Bytes{0xc0}, zomes);
  CHECK_FALSE(hdk_host::world::dna_hash("seed2", hdk::Bytes{0xc0}, zomes) == base);
  CHECK_FALSE(hdk_host::world::dna_hash("seed", hdk::Bytes{0x01}, zomes) == base);
  CHECK_FALSE(hdk_host::world::dna_hash("seed", hdk::Bytes{0xc0}, {{"y", fives, {}}}) == base);
  CHECK_FALSE(hdk_host::world::dna_hash("seed", hdk::Bytes{0xc0}, {{"z", fives, {"d"}}}) == base);
}
