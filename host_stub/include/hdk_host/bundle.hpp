// Holochain 0.7's bundles: the .dna and .happ files `hc dna pack` and
// `hc app pack` write, read and written here (docs/bundles.md).
//
// A bundle file is the gzip of the msgpack (rmp-serde, struct maps) of
// mr_bundle's `Bundle<M> { manifest: M, resources: BTreeMap<String, Bytes> }`
// (crates/mr_bundle/src/bundle.rs, pack.rs at holochain-0.7.0-rc.3):
// resources are a map from resource id to bin, in key order, and the
// manifest's paths are rewritten to those ids when packed (mr_bundle's
// FileSystemBundler::bundle, fs.rs; resource_id_for_path: the path's file name).
//
// The manifests mirror holochain_types, field for field and in order:
// - DnaManifest (dna/dna_manifest.rs, dna_manifest_v0.rs): internally tagged
//   by `manifest_version` ("0"), so the tag is the map's first key:
//   {manifest_version, name, integrity: {network_seed, properties, zomes},
//    coordinator: {zomes}}, a zome {name, hash, path, dependencies: [{name}]}.
//   Options are written as nil, never left out.
// - AppManifest (app/app_manifest.rs, app_manifest_v0.rs): {manifest_version,
//   name, description, roles: [{name, provisioning, dna: {path, modifiers:
//   {network_seed, properties}, installed_hash, clone_limit}}],
//   allow_deferred_memproofs, bootstrap_url, relay_url}; provisioning is
//   internally tagged by `strategy` (create {deferred}, use_existing
//   {protected}, clone_only).
// - properties are yaml_serde::Value (YamlProperties, holochain_zome_types'
//   properties.rs): the DNA's SerializedBytes is their msgpack, nil when none
//   (DnaBundle::to_dna_def in dna/dna_bundle.rs).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <hdk/codec.hpp>
#include <hdk/types.hpp>

namespace hdk_host::bundle {

/// A bundle that cannot be read or written: the message says what and why.
class BundleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct YamlMapEntry;

/// A YAML value as yaml_serde::Value holds one (a DNA's properties). On the
/// wire as serde_yaml serializes it: null as nil, numbers as the integer or
/// f64 they are, a mapping as a map in its document order.
struct YamlValue {
  enum class Kind { Null, Bool, Uint, Int, Float, String, Sequence, Mapping };
  Kind kind = Kind::Null;
  bool boolean = false;
  std::uint64_t uint_value = 0;
  std::int64_t int_value = 0;  // a negative integer
  double float_value = 0;
  std::string string;
  std::vector<YamlValue> sequence;
  std::vector<YamlMapEntry> mapping;  // in document order
};

// Not a std::pair: a pair of a type still being defined is not a complete
// type to every standard library, where a struct declared first is.
struct YamlMapEntry {
  YamlValue key;
  YamlValue value;
};

}  // namespace hdk_host::bundle

namespace hdk {
template <>
struct Codec<hdk_host::bundle::YamlValue> {
  static void encode(Packer& p, const hdk_host::bundle::YamlValue& value);
  static bool decode(const msgpack::object& o, hdk_host::bundle::YamlValue& out, DecodeError& err);
};
}  // namespace hdk

namespace hdk_host::bundle {

struct ZomeDependency {
  std::string name;
  HDK_STRUCT(name);
};

struct ZomeManifest {
  std::string name;
  std::optional<std::string> hash;  // a WasmHashB64 ("uhCok..."), checked at install
  std::string path;                 // in a bundle: the resource id
  std::optional<std::vector<ZomeDependency>> dependencies;
  HDK_STRUCT(name, hash, path, dependencies);
};

struct IntegrityManifest {
  std::optional<std::string> network_seed;
  std::optional<YamlValue> properties;
  std::vector<ZomeManifest> zomes;
  HDK_STRUCT(network_seed, properties, zomes);
};

struct CoordinatorManifest {
  std::vector<ZomeManifest> zomes;
  HDK_STRUCT(zomes);
};

struct DnaManifest {
  std::string manifest_version = "0";
  std::string name;
  IntegrityManifest integrity;
  CoordinatorManifest coordinator;
  HDK_STRUCT(manifest_version, name, integrity, coordinator);
};

namespace provisioning {
struct Create {
  bool deferred = false;
  HDK_STRUCT_VARIANT(create, deferred);
};
struct UseExisting {
  bool protected_ = false;  // `protected` on the wire
  HDK_STRUCT_VARIANT(use_existing, protected_);
};
struct CloneOnly {
  HDK_UNIT_VARIANT(clone_only);
};
}  // namespace provisioning

struct CellProvisioning
    : hdk::TaggedVariant<provisioning::Create, provisioning::UseExisting, provisioning::CloneOnly> {
  using TaggedVariant::TaggedVariant;
  HDK_INTERNALLY_TAGGED("strategy");
};

struct DnaModifiersOpt {
  std::optional<std::string> network_seed;
  std::optional<YamlValue> properties;
  HDK_STRUCT(network_seed, properties);
};

struct AppRoleDnaManifest {
  std::optional<std::string> path;  // in a bundle: the resource id
  DnaModifiersOpt modifiers;
  std::optional<std::string> installed_hash;  // a DnaHashB64 ("uhC0k...")
  std::uint32_t clone_limit = 0;
  HDK_STRUCT(path, modifiers, installed_hash, clone_limit);
};

struct AppRoleManifest {
  std::string name;
  std::optional<CellProvisioning> provisioning;
  AppRoleDnaManifest dna;
  HDK_STRUCT(name, provisioning, dna);
};

struct AppManifest {
  std::string manifest_version = "0";
  std::string name;
  std::optional<std::string> description;
  std::vector<AppRoleManifest> roles;
  bool allow_deferred_memproofs = false;
  std::optional<std::string> bootstrap_url;
  std::optional<std::string> relay_url;
  HDK_STRUCT(manifest_version, name, description, roles, allow_deferred_memproofs, bootstrap_url,
             relay_url);
};

template <class Manifest>
struct Bundle {
  Manifest manifest;
  std::map<std::string, hdk::Bytes> resources;  // a BTreeMap: in key order
  HDK_STRUCT(manifest, resources);
};
using DnaBundle = Bundle<DnaManifest>;
using AppBundle = Bundle<AppManifest>;

/// mr_bundle's resource_id_for_path: the file name of a path with a
/// directory part (so "zomes/a.wasm" and "./a.wasm" are "a.wasm"), or
/// `fallback` when it has none (DNA zomes fall back to "<zome name>.wasm").
std::string resource_id_for_path(const std::string& path, const std::string& fallback = {});

/// gzip as a bundle file holds its msgpack (zlib's deflate, default level).
std::vector<std::uint8_t> gzip(std::span<const std::uint8_t> data);
/// The data a gzip file holds; BundleError when it is not gzip or is cut short.
std::vector<std::uint8_t> gunzip(std::span<const std::uint8_t> gz);

/// The bundle's msgpack (what gzip wraps in the file).
std::vector<std::uint8_t> encode_bundle(const DnaBundle& bundle);
std::vector<std::uint8_t> encode_bundle(const AppBundle& bundle);

/// A bundle file read: gunzipped and decoded as a DNA or an app bundle
/// (whichever its manifest is). BundleError names the file and the reason.
std::variant<DnaBundle, AppBundle> read_bundle(const std::filesystem::path& file);
/// read_bundle of a file's bytes; `name` starts each error message.
std::variant<DnaBundle, AppBundle> decode_bundle_file(std::span<const std::uint8_t> file_bytes,
                                                      const std::string& name);
DnaBundle read_dna_bundle(const std::filesystem::path& file);
/// Writes the gzip of `msgpack` to `file` (its directory must exist).
void write_bundle_file(const std::filesystem::path& file, std::span<const std::uint8_t> msgpack);

/// A DNA's properties as its DnaModifiers hold them (SerializedBytes): the
/// msgpack of the YAML value, nil when there is none.
hdk::Bytes properties_bytes(const std::optional<YamlValue>& properties);
/// The wasm of a zome of the bundle; BundleError when its resource is missing.
const hdk::Bytes& zome_code(const DnaBundle& bundle, const ZomeManifest& zome);
/// Checks each zome's `hash`, where the manifest gives one, against its
/// wasm, as a conductor does at install (DnaError::WasmHashMismatch).
void check_wasm_hashes(const DnaBundle& bundle);
/// The DNA hash a Holochain 0.7 conductor computes for the bundle
/// (world::dna_hash over its network seed, properties and integrity zomes).
hdk::DnaHash dna_hash(const DnaBundle& bundle);

}  // namespace hdk_host::bundle
