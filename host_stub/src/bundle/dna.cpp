// A .dna bundle as a conductor installs it: its DNA hash and its zomes.
// The DnaDef is built as holochain_types' DnaBundle::to_dna_def and
// inner_maps build it (dna/dna_bundle.rs at holochain-0.7.0-rc.3): network
// seed "" and properties `()` unless the manifest gives them, each zome's
// wasm from the resource its path names, its dependencies or none.
#include <algorithm>

#include "hdk_host/bundle.hpp"
#include "hdk_host/holo_hash_base64.hpp"
#include "hdk_host/scenario.hpp"
#include "hdk_host/world.hpp"

namespace hdk_host {
namespace bundle {
namespace {

std::vector<std::string> dependency_names(const ZomeManifest& zome) {
  std::vector<std::string> names;
  if (zome.dependencies)
    for (const auto& dependency : *zome.dependencies) names.push_back(dependency.name);
  return names;
}

}  // namespace

hdk::Bytes properties_bytes(const std::optional<YamlValue>& properties) {
  return hdk::Bytes(hdk::encode_to_vector(properties.value_or(YamlValue{})));
}

const hdk::Bytes& zome_code(const DnaBundle& bundle, const ZomeManifest& zome) {
  const std::string id = resource_id_for_path(zome.path, zome.name + ".wasm");
  const auto found = bundle.resources.find(id);
  if (found == bundle.resources.end())
    throw BundleError("the bundle has no resource `" + id + "` for zome `" + zome.name + "`");
  return found->second;
}

void check_wasm_hashes(const DnaBundle& bundle) {
  const auto check = [&](const ZomeManifest& zome) {
    if (!zome.hash) return;
    std::string error;
    const auto expected = parse_hash<hdk::HashType::Wasm>(*zome.hash, error);
    if (!expected)
      throw BundleError("zome `" + zome.name + "`: its hash `" + *zome.hash +
                        "` is not a wasm hash (uhCok...): " + error);
    const hdk::WasmHash actual = world::wasm_hash(zome_code(bundle, zome));
    if (actual.bytes != expected->bytes)
      throw BundleError("zome `" + zome.name + "`: its manifest gives the hash " + *zome.hash +
                        ", but its wasm hashes to " + to_base64(actual));
  };
  std::for_each(bundle.manifest.integrity.zomes.begin(), bundle.manifest.integrity.zomes.end(),
                check);
  std::for_each(bundle.manifest.coordinator.zomes.begin(), bundle.manifest.coordinator.zomes.end(),
                check);
}

hdk::DnaHash dna_hash(const DnaBundle& bundle) {
  std::vector<world::IntegrityZomeHashInput> zomes;
  for (const auto& zome : bundle.manifest.integrity.zomes)
    zomes.push_back({zome.name, world::wasm_hash(zome_code(bundle, zome)), dependency_names(zome)});
  return world::dna_hash(bundle.manifest.integrity.network_seed.value_or(""),
                         properties_bytes(bundle.manifest.integrity.properties), zomes);
}

}  // namespace bundle

DnaSpec DnaSpec::from_bundle(const std::filesystem::path& dna_file) {
  const bundle::DnaBundle dna = bundle::read_dna_bundle(dna_file);
  try {
    bundle::check_wasm_hashes(dna);
  } catch (const bundle::BundleError& e) {
    throw bundle::BundleError(dna_file.string() + ": " + e.what());
  }
  const auto& integrity = dna.manifest.integrity.zomes;
  if (integrity.size() != 1)
    throw bundle::BundleError(dna_file.string() +
                              ": a scenario runs a DNA of one integrity zome; " + "this one has " +
                              std::to_string(integrity.size()));
  const auto source = [&](const bundle::ZomeManifest& zome) {
    ZomeSource out{zome.name, {}};
    out.code = bundle::zome_code(dna, zome);
    out.dependencies = bundle::dependency_names(zome);
    return out;
  };
  DnaSpec spec;
  spec.name = dna.manifest.name;
  spec.network_seed = dna.manifest.integrity.network_seed.value_or("");
  spec.properties = bundle::properties_bytes(dna.manifest.integrity.properties);
  spec.integrity = source(integrity.front());
  for (const auto& zome : dna.manifest.coordinator.zomes) spec.coordinators.push_back(source(zome));
  return spec;
}

}  // namespace hdk_host
