// hdk-pack dna DIR | happ DIR | unpack FILE [DIR] | hash FILE
// Packs and unpacks Holochain 0.7's .dna and .happ bundles as `hc dna pack`,
// `hc app pack` and their `unpack` do (docs/bundles.md): DIR holds dna.yaml
// (or happ.yaml), whose paths, relative to DIR, name the zomes' .wasm (or
// the roles' .dna) files.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "hdk_host/bundle.hpp"
#include "hdk_host/holo_hash_base64.hpp"
#include "pack/manifest_yaml.hpp"

namespace {

namespace fs = std::filesystem;
using namespace hdk_host::bundle;

const char* kUsage =
    "usage: hdk-pack dna DIR [-o FILE]     pack DIR/dna.yaml into <name>.dna, print its DNA hash\n"
    "       hdk-pack happ DIR [-o FILE]    pack DIR/happ.yaml into <name>.happ\n"
    "       hdk-pack unpack FILE [DIR] [--force]\n"
    "                                      write a bundle's manifest (dna.yaml or happ.yaml)\n"
    "                                      and resources to DIR (default: FILE without "
    ".dna/.happ)\n"
    "       hdk-pack hash FILE.dna         print the DNA hash a Holochain 0.7 conductor computes\n"
    "  -o FILE   where to write the bundle (a directory: <name>.dna in it); default DIR\n";

std::vector<std::uint8_t> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw BundleError(path.string() + ": cannot read the file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Where a bundle goes: as `hc ... pack` decides it (hc_bundle's packing.rs).
fs::path bundle_path(const fs::path& dir, const std::optional<fs::path>& output,
                     const std::string& name, const char* extension) {
  const std::string file = name + "." + extension;
  if (!output) return dir / file;
  if (fs::is_directory(*output)) return *output / file;
  return *output;
}

/// Reads the resources a manifest's paths name, relative to the manifest's
/// directory, under their resource ids; two paths with one id are refused.
class ResourceReader {
 public:
  ResourceReader(fs::path dir, std::string manifest) : dir_(std::move(dir)), manifest_(manifest) {}
  std::string add(const std::string& owner, const std::string& path, const std::string& fallback) {
    const std::string id = resource_id_for_path(path, fallback);
    const fs::path file = dir_ / path;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
      throw BundleError(manifest_ + ": " + owner + ": its path `" + path + "` names no file (" +
                        file.string() + ")");
    const fs::path canonical = fs::canonical(file);
    if (const auto seen = files_.find(id); seen != files_.end()) {
      if (seen->second != canonical)
        throw BundleError(manifest_ + ": " + owner + ": its file " + path +
                          " has the resource name `" + id +
                          "` of another file; bundle resources are named by file name");
      return id;
    }
    files_.emplace(id, canonical);
    resources_.emplace(id, hdk::Bytes(read_file(file)));
    return id;
  }
  std::map<std::string, hdk::Bytes> take() { return std::move(resources_); }

 private:
  fs::path dir_;
  std::string manifest_;
  std::map<std::string, fs::path> files_;
  std::map<std::string, hdk::Bytes> resources_;
};

/// ValidatedDnaManifest's checks (dna_manifest.rs): zome names are unique,
/// and a dependency names an integrity zome other than the zome itself.
void validate(const DnaManifest& m, const std::string& where) {
  std::set<std::string> integrity;
  for (const auto& z : m.integrity.zomes) integrity.insert(z.name);
  std::set<std::string> names;
  const auto check = [&](const ZomeManifest& z) {
    if (!names.insert(z.name).second)
      throw BundleError(where + ": two zomes are named `" + z.name + "`");
    if (z.dependencies)
      for (const auto& d : *z.dependencies)
        if (!integrity.count(d.name) || d.name == z.name)
          throw BundleError(where + ": zome `" + z.name + "` depends on `" + d.name +
                            "`, which is no other integrity zome of the DNA");
  };
  for (const auto& z : m.integrity.zomes) check(z);
  for (const auto& z : m.coordinator.zomes) check(z);
}

int pack_dna(const fs::path& dir, const std::optional<fs::path>& output) {
  const fs::path manifest_file = dir / "dna.yaml";
  if (!fs::exists(manifest_file))
    throw BundleError(dir.string() + ": no dna.yaml in this directory");
  DnaBundle bundle;
  bundle.manifest = hdk_pack::read_dna_manifest(manifest_file);
  validate(bundle.manifest, manifest_file.string());
  ResourceReader reader(dir, manifest_file.string());
  for (auto* zomes : {&bundle.manifest.integrity.zomes, &bundle.manifest.coordinator.zomes})
    for (auto& zome : *zomes)
      zome.path = reader.add("zome `" + zome.name + "`", zome.path, zome.name + ".wasm");
  bundle.resources = reader.take();
  check_wasm_hashes(bundle);
  const fs::path out = bundle_path(dir, output, bundle.manifest.name, "dna");
  write_bundle_file(out, encode_bundle(bundle));
  std::cout << "Wrote bundle " << out.string() << "\n"
            << "DNA hash " << hdk_host::to_base64(dna_hash(bundle)) << "\n";
  return 0;
}

/// The hash of a role's DNA once the role's modifiers apply (as
/// DnaBundle::into_dna_file does with them at install).
hdk::DnaHash role_dna_hash(DnaBundle dna, const DnaModifiersOpt& modifiers) {
  if (modifiers.network_seed) dna.manifest.integrity.network_seed = modifiers.network_seed;
  if (modifiers.properties) dna.manifest.integrity.properties = modifiers.properties;
  return dna_hash(dna);
}

int pack_happ(const fs::path& dir, const std::optional<fs::path>& output) {
  const fs::path manifest_file = dir / "happ.yaml";
  if (!fs::exists(manifest_file))
    throw BundleError(dir.string() + ": no happ.yaml in this directory");
  AppBundle bundle;
  bundle.manifest = hdk_pack::read_app_manifest(manifest_file);
  ResourceReader reader(dir, manifest_file.string());
  std::vector<std::pair<std::string, fs::path>> role_files;
  std::set<std::string> names;
  for (auto& role : bundle.manifest.roles) {
    if (!names.insert(role.name).second)
      throw BundleError(manifest_file.string() + ": two roles are named `" + role.name + "`");
    if (!role.dna.path) continue;
    const std::string path = *role.dna.path;
    if (resource_id_for_path(path).empty()) continue;  // no file name: no resource (hc's rule)
    role.dna.path = reader.add("role `" + role.name + "`", path, "");
    role_files.emplace_back(role.name, dir / path);
  }
  bundle.resources = reader.take();
  const fs::path out = bundle_path(dir, output, bundle.manifest.name, "happ");
  write_bundle_file(out, encode_bundle(bundle));
  std::cout << "Wrote bundle " << out.string() << "\n";
  // Each role's DNA hash as a conductor will compute it, where its file is a
  // DNA bundle; `hc app pack` does not look inside the files, so neither
  // does the pack, but a conductor will refuse one that is not.
  for (const auto& role : bundle.manifest.roles)
    for (const auto& [name, file] : role_files) {
      if (name != role.name) continue;
      try {
        const hdk::DnaHash hash = role_dna_hash(read_dna_bundle(file), role.dna.modifiers);
        std::cout << "role " << role.name << ": DNA hash " << hdk_host::to_base64(hash) << "\n";
      } catch (const BundleError& e) {
        std::cerr << "hdk-pack: warning: role `" << role.name << "`: " << e.what() << "\n";
      }
    }
  return 0;
}

/// A resource id from a bundle, as a file name inside DIR: a bundle names
/// its resources by file name, so anything else is refused, not followed.
fs::path resource_file(const fs::path& dir, const std::string& id) {
  if (id.empty() || id == "." || id == ".." || id.find('/') != std::string::npos ||
      id.find('\\') != std::string::npos)
    throw BundleError("the bundle has a resource named `" + id + "`, which is no file name");
  return dir / id;
}

int unpack(const fs::path& file, std::optional<fs::path> dir, bool force) {
  const auto bundle = read_bundle(file);
  const bool is_dna = std::holds_alternative<DnaBundle>(bundle);
  if (!dir) {
    const std::string want = is_dna ? ".dna" : ".happ";
    if (file.extension() != want)
      throw BundleError(file.string() + ": give the directory to unpack to (the file's name " +
                        "does not end in " + want + ")");
    dir = file.parent_path() / file.stem();
  }
  if (fs::exists(*dir) && !force)
    throw BundleError(dir->string() + " already exists (--force writes into it)");
  fs::create_directories(*dir);
  const auto write = [&](const fs::path& path, const void* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) throw BundleError(path.string() + ": cannot write the file");
  };
  const auto write_resources = [&](const std::map<std::string, hdk::Bytes>& resources) {
    for (const auto& [id, bytes] : resources) {
      const fs::path path = resource_file(*dir, id);
      write(path, bytes.data(), bytes.size());
    }
  };
  if (is_dna) {
    const auto& dna = std::get<DnaBundle>(bundle);
    const std::string yaml = hdk_pack::to_yaml(dna.manifest);
    write(*dir / "dna.yaml", yaml.data(), yaml.size());
    write_resources(dna.resources);
  } else {
    const auto& app = std::get<AppBundle>(bundle);
    const std::string yaml = hdk_pack::to_yaml(app.manifest);
    write(*dir / "happ.yaml", yaml.data(), yaml.size());
    write_resources(app.resources);
  }
  std::cout << "Unpacked to directory " << dir->string() << "\n";
  return 0;
}

int hash(const fs::path& file) {
  const DnaBundle dna = read_dna_bundle(file);
  check_wasm_hashes(dna);
  std::cout << hdk_host::to_base64(dna_hash(dna)) << "\n";
  return 0;
}

int usage_error(const std::string& message) {
  std::cerr << "hdk-pack: " << message << "\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> positional;
  std::optional<fs::path> output;
  bool force = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    } else if ((arg == "-o" || arg == "--output") && i + 1 < argc) {
      output = argv[++i];
    } else if (arg == "-f" || arg == "--force") {
      force = true;
    } else if (!arg.empty() && arg[0] == '-') {
      return usage_error("unknown option `" + arg + "`");
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.empty()) return usage_error("give a command: dna, happ, unpack or hash");
  const std::string command = positional[0];
  try {
    if ((command == "dna" || command == "happ") && positional.size() == 2)
      return command == "dna" ? pack_dna(positional[1], output) : pack_happ(positional[1], output);
    if (command == "unpack" && (positional.size() == 2 || positional.size() == 3))
      return unpack(positional[1],
                    positional.size() == 3 ? std::optional<fs::path>(positional[2]) : output,
                    force);
    if (command == "hash" && positional.size() == 2) return hash(positional[1]);
  } catch (const std::exception& e) {
    std::cerr << "hdk-pack: " << e.what() << "\n";
    return 1;
  }
  return usage_error("`" + command + "` with " + std::to_string(positional.size() - 1) +
                     " argument(s) is no command");
}
