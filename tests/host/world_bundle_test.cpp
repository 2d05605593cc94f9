// Scenario::install of a packed .dna (DnaSpec::from_bundle): the forum
// example's wasm in a bundle as hdk-pack writes one, installed on each
// engine; the DNA hash is the bundle's and the file-installed DNA's, and a
// file that is no one-integrity-zome DNA is refused before anything loads.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../../examples/forum/forum_types.hpp"
#include "hdk_host/bundle.hpp"
#include "hdk_host/holo_hash_base64.hpp"
#include "hdk_host/scenario.hpp"
#include "support/engines.hpp"
#include "support/paths.hpp"

namespace bundle = hdk_host::bundle;
namespace fs = std::filesystem;

namespace {

hdk::Bytes read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  REQUIRE(in);
  return hdk::Bytes(std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {}));
}

bundle::ZomeManifest zome(const std::string& name, const std::string& path) {
  return {name, std::nullopt, path, std::nullopt};
}

/// The forum DNA as `hdk-pack dna` packs it, from the toolchain's wasm.
bundle::DnaBundle forum_bundle(const fs::path& dir) {
  bundle::DnaBundle dna;
  dna.manifest.name = "forum";
  dna.manifest.integrity.network_seed = "bundle-test";
  dna.manifest.integrity.zomes = {zome("forum_integrity", "forum_integrity.wasm")};
  auto coordinator = zome("forum", "forum.wasm");
  coordinator.dependencies = std::vector<bundle::ZomeDependency>{{"forum_integrity"}};
  dna.manifest.coordinator.zomes = {coordinator};
  dna.resources["forum_integrity.wasm"] = read_bytes(dir / "forum_integrity.wasm");
  dna.resources["forum.wasm"] = read_bytes(dir / "forum.wasm");
  return dna;
}

fs::path write_dna(const bundle::DnaBundle& dna, const std::string& name) {
  const fs::path file = fs::temp_directory_path() / ("hdk-bundle-test-" + name + ".dna");
  bundle::write_bundle_file(file, bundle::encode_bundle(dna));
  return file;
}

}  // namespace

TEST_CASE("Scenario installs a packed .dna: its DNA hash, two agents on its zomes") {
  for (const auto& [toolchain, dir] : hdk_test::zome_dirs()) {
    const bundle::DnaBundle packed = forum_bundle(dir);
    const fs::path file = write_dna(packed, toolchain);
    const hdk_host::DnaSpec spec = hdk_host::DnaSpec::from_bundle(file);
    CHECK(spec.name == "forum");
    CHECK(spec.network_seed == "bundle-test");
    REQUIRE(spec.coordinators.size() == 1);
    CHECK(spec.coordinators.front().dependencies == std::vector<std::string>{"forum_integrity"});

    for (const auto& engine : hdk_test::engine_names()) {
      INFO(toolchain << "/" << engine);
      hdk_host::Scenario scenario(engine);
      scenario.install(spec);
      CHECK(scenario.dna().hash == bundle::dna_hash(packed));

      // The same zomes from their files, with the bundle's seed: the same DNA.
      hdk_host::Scenario from_files(engine);
      from_files.install({"forum",
                          "bundle-test",
                          {"forum_integrity", dir / "forum_integrity.wasm"},
                          {{"forum", dir / "forum.wasm"}}});
      CHECK(from_files.dna().hash == scenario.dna().hash);

      const auto alice = scenario.add_agent("alice");
      const auto bob = scenario.add_agent("bob");
      const auto hash = scenario.call(alice, "forum", "create_post", forum::Post{"Packed", "body"})
                            .value<hdk::ActionHash>();
      const auto read =
          scenario.call(bob, "forum", "get_post", hash).value<std::optional<forum::Post>>();
      REQUIRE(read.has_value());
      CHECK(read->title == "Packed");
    }
    fs::remove(file);
  }
}

TEST_CASE("DnaSpec::from_bundle refuses what is no DNA a scenario can run") {
  const auto zome_dirs = hdk_test::zome_dirs();
  if (zome_dirs.empty()) {
    WARN("no wasm toolchain in this build: no bundle to refuse");
    return;
  }
  const fs::path dir = zome_dirs.front().second;

  SECTION("a file that is no bundle") {
    const fs::path file = fs::temp_directory_path() / "hdk-bundle-test-not.dna";
    std::ofstream(file, std::ios::binary) << "not gzip";
    CHECK_THROWS_WITH(hdk_host::DnaSpec::from_bundle(file), Catch::Contains("not gzip"));
    fs::remove(file);
  }
  SECTION("two integrity zomes") {
    bundle::DnaBundle dna = forum_bundle(dir);
    dna.manifest.integrity.zomes.push_back(zome("second", "forum.wasm"));
    const fs::path file = write_dna(dna, "two");
    CHECK_THROWS_WITH(hdk_host::DnaSpec::from_bundle(file),
                      Catch::Contains("one integrity zome; this one has 2"));
    fs::remove(file);
  }
  SECTION("a zome whose resource is missing") {
    bundle::DnaBundle dna = forum_bundle(dir);
    dna.resources.erase("forum.wasm");
    const fs::path file = write_dna(dna, "missing");
    CHECK_THROWS_WITH(hdk_host::DnaSpec::from_bundle(file), Catch::Contains("forum.wasm"));
    fs::remove(file);
  }
  SECTION("a zome whose wasm is not the hash its manifest names") {
    bundle::DnaBundle dna = forum_bundle(dir);
    dna.manifest.coordinator.zomes.front().hash =
        hdk_host::to_base64(hdk_host::world::wasm_hash(dna.resources["forum_integrity.wasm"]));
    const fs::path file = write_dna(dna, "hash");
    CHECK_THROWS_WITH(hdk_host::DnaSpec::from_bundle(file),
                      Catch::Contains("but its wasm hashes to"));
    fs::remove(file);
  }
}
