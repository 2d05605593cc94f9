// The manifests' YAML, field by field as holochain_types declares them
// (dna_manifest_v0.rs, app_manifest_v0.rs at holochain-0.7.0-rc.3).
#include "pack/manifest_yaml.hpp"

#include <set>

#include "pack/yaml_value.hpp"

namespace hdk_pack {
namespace {

using namespace hdk_host::bundle;

/// A YAML mapping read as a struct: each field taken once, the rest refused.
class Fields {
 public:
  Fields(const YAML::Node& node, std::string where) : node_(node), where_(std::move(where)) {
    if (!node.IsMap()) fail("expected a mapping");
  }
  /// The field's node; an undefined node when it is absent.
  YAML::Node take(const std::string& key) {
    taken_.insert(key);
    // The const operator[]: the other one would add the key to the node.
    const YAML::Node& node = node_;
    return node[key];
  }
  std::string where(const std::string& key) const {
    return where_.empty() ? key : where_ + "." + key;
  }
  void done() const {
    for (const auto& entry : node_) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "?";
      if (!taken_.count(key)) fail("unknown field `" + key + "`");
    }
  }
  [[noreturn]] void fail(const std::string& message) const {
    throw BundleError((where_.empty() ? "" : where_ + ": ") + message);
  }

 private:
  YAML::Node node_;
  std::string where_;
  std::set<std::string> taken_;
};

bool absent(const YAML::Node& node) { return !node.IsDefined() || node.IsNull(); }

std::optional<std::string> optional_string(const YAML::Node& node, const std::string& where) {
  if (absent(node)) return std::nullopt;
  if (!node.IsScalar()) throw BundleError(where + ": expected a string");
  return node.Scalar();
}

std::string required_string(Fields& fields, const std::string& key) {
  const YAML::Node node = fields.take(key);
  if (!node.IsDefined()) fields.fail("missing field `" + key + "`");
  auto text = optional_string(node, fields.where(key));
  if (!text) throw BundleError(fields.where(key) + ": expected a string, found null");
  return *text;
}

bool read_bool(const YAML::Node& node, const std::string& where) {
  const YamlValue v = yaml_to_value(node, where);
  if (v.kind != YamlValue::Kind::Bool) throw BundleError(where + ": expected true or false");
  return v.boolean;
}

std::uint32_t read_u32(const YAML::Node& node, const std::string& where) {
  const YamlValue v = yaml_to_value(node, where);
  if (v.kind != YamlValue::Kind::Uint || v.uint_value > 0xffffffffu)
    throw BundleError(where + ": expected a whole number from 0 to 4294967295");
  return static_cast<std::uint32_t>(v.uint_value);
}

std::optional<YamlValue> read_properties(const YAML::Node& node, const std::string& where) {
  if (absent(node)) return std::nullopt;
  return yaml_to_value(node, where);
}

template <class T, class Read>
std::vector<T> read_list(const YAML::Node& node, const std::string& where, Read read) {
  if (!node.IsSequence()) throw BundleError(where + ": expected a list");
  std::vector<T> out;
  for (std::size_t i = 0; i < node.size(); ++i)
    out.push_back(read(node[i], where + "[" + std::to_string(i) + "]"));
  return out;
}

void check_version(Fields& fields) {
  const std::string version = required_string(fields, "manifest_version");
  if (version != "0")
    fields.fail("manifest_version is `" + version + "`; Holochain 0.7 knows only \"0\"");
}

ZomeManifest read_zome(const YAML::Node& node, const std::string& where) {
  Fields f(node, where);
  ZomeManifest zome;
  zome.name = required_string(f, "name");
  zome.hash = optional_string(f.take("hash"), f.where("hash"));
  zome.path = required_string(f, "path");
  const YAML::Node deps = f.take("dependencies");
  if (!absent(deps))
    zome.dependencies = read_list<ZomeDependency>(
        deps, f.where("dependencies"), [](const YAML::Node& d, const std::string& w) {
          Fields df(d, w);
          ZomeDependency dependency{required_string(df, "name")};
          df.done();
          return dependency;
        });
  f.done();
  return zome;
}

std::vector<ZomeManifest> read_zomes(Fields& fields) {
  const YAML::Node node = fields.take("zomes");
  if (!node.IsDefined()) fields.fail("missing field `zomes`");
  return read_list<ZomeManifest>(node, fields.where("zomes"), read_zome);
}

CellProvisioning read_provisioning(const YAML::Node& node, const std::string& where) {
  Fields f(node, where);
  const std::string strategy = required_string(f, "strategy");
  CellProvisioning out;
  const auto flag = [&](const char* key) {
    const YAML::Node value = f.take(key);
    if (!value.IsDefined()) f.fail(std::string("missing field `") + key + "`");
    return read_bool(value, f.where(key));
  };
  if (strategy == "create") {
    out = provisioning::Create{flag("deferred")};
  } else if (strategy == "use_existing") {
    out = provisioning::UseExisting{flag("protected")};
  } else if (strategy == "clone_only") {
    out = provisioning::CloneOnly{};
  } else {
    f.fail("unknown strategy `" + strategy + "` (create, use_existing or clone_only)");
  }
  f.done();
  return out;
}

AppRoleManifest read_role(const YAML::Node& node, const std::string& where) {
  Fields f(node, where);
  AppRoleManifest role;
  role.name = required_string(f, "name");
  const YAML::Node provisioning = f.take("provisioning");
  if (!absent(provisioning))
    role.provisioning = read_provisioning(provisioning, f.where("provisioning"));
  const YAML::Node dna = f.take("dna");
  if (!dna.IsDefined()) f.fail("missing field `dna`");
  Fields d(dna, f.where("dna"));
  role.dna.path = optional_string(d.take("path"), d.where("path"));
  const YAML::Node modifiers = d.take("modifiers");
  if (!absent(modifiers)) {
    Fields m(modifiers, d.where("modifiers"));
    role.dna.modifiers.network_seed =
        optional_string(m.take("network_seed"), m.where("network_seed"));
    role.dna.modifiers.properties = read_properties(m.take("properties"), m.where("properties"));
    m.done();
  }
  role.dna.installed_hash = optional_string(d.take("installed_hash"), d.where("installed_hash"));
  const YAML::Node clone_limit = d.take("clone_limit");
  if (clone_limit.IsDefined()) role.dna.clone_limit = read_u32(clone_limit, d.where("clone_limit"));
  d.done();
  f.done();
  return role;
}

YAML::Node load(const std::filesystem::path& file) {
  try {
    return YAML::LoadFile(file.string());
  } catch (const YAML::BadFile&) {
    throw BundleError(file.string() + ": cannot read the file");
  } catch (const YAML::Exception& e) {
    throw BundleError(file.string() + ": not valid YAML: " + e.what());
  }
}

template <class Read>
auto read_manifest(const std::filesystem::path& file, Read read) {
  const YAML::Node root = load(file);
  try {
    return read(root);
  } catch (const BundleError& e) {
    throw BundleError(file.string() + ": " + e.what());
  } catch (const YAML::Exception& e) {
    throw BundleError(file.string() + ": " + e.what());
  }
}

void emit_optional(YAML::Emitter& out, const std::optional<std::string>& text) {
  if (text)
    emit_string(out, *text);
  else
    out << YAML::Null;
}

void emit_zomes(YAML::Emitter& out, const std::vector<ZomeManifest>& zomes) {
  out << YAML::Key << "zomes" << YAML::Value << YAML::BeginSeq;
  for (const auto& zome : zomes) {
    out << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value;
    emit_string(out, zome.name);
    out << YAML::Key << "hash" << YAML::Value;
    emit_optional(out, zome.hash);
    out << YAML::Key << "path" << YAML::Value;
    emit_string(out, zome.path);
    out << YAML::Key << "dependencies" << YAML::Value;
    if (zome.dependencies) {
      out << YAML::BeginSeq;
      for (const auto& d : *zome.dependencies) {
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value;
        emit_string(out, d.name);
        out << YAML::EndMap;
      }
      out << YAML::EndSeq;
    } else {
      out << YAML::Null;
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void emit_properties(YAML::Emitter& out, const std::optional<YamlValue>& properties) {
  out << YAML::Key << "properties" << YAML::Value;
  if (properties)
    emit_value(out, *properties);
  else
    out << YAML::Null;
}

std::string finish(const YAML::Emitter& out) {
  if (!out.good())
    throw BundleError(std::string("cannot write the manifest: ") + out.GetLastError());
  return std::string(out.c_str()) + "\n";
}

}  // namespace

DnaManifest read_dna_manifest(const std::filesystem::path& file) {
  return read_manifest(file, [](const YAML::Node& root) {
    Fields f(root, "");
    check_version(f);
    DnaManifest m;
    m.name = required_string(f, "name");
    const YAML::Node integrity = f.take("integrity");
    if (!integrity.IsDefined()) f.fail("missing field `integrity`");
    Fields i(integrity, "integrity");
    m.integrity.network_seed = optional_string(i.take("network_seed"), i.where("network_seed"));
    m.integrity.properties = read_properties(i.take("properties"), i.where("properties"));
    m.integrity.zomes = read_zomes(i);
    i.done();
    const YAML::Node coordinator = f.take("coordinator");
    if (coordinator.IsDefined()) {
      Fields c(coordinator, "coordinator");
      m.coordinator.zomes = read_zomes(c);
      c.done();
    }
    f.done();
    return m;
  });
}

AppManifest read_app_manifest(const std::filesystem::path& file) {
  return read_manifest(file, [](const YAML::Node& root) {
    Fields f(root, "");
    check_version(f);
    AppManifest m;
    m.name = required_string(f, "name");
    m.description = optional_string(f.take("description"), "description");
    const YAML::Node roles = f.take("roles");
    if (!roles.IsDefined()) f.fail("missing field `roles`");
    m.roles = read_list<AppRoleManifest>(roles, "roles", read_role);
    const YAML::Node deferred = f.take("allow_deferred_memproofs");
    if (deferred.IsDefined())
      m.allow_deferred_memproofs = read_bool(deferred, "allow_deferred_memproofs");
    m.bootstrap_url = optional_string(f.take("bootstrap_url"), "bootstrap_url");
    m.relay_url = optional_string(f.take("relay_url"), "relay_url");
    f.done();
    return m;
  });
}

/// A manifest's opening, the same for a DNA and an app: its version and name.
static void begin_manifest(YAML::Emitter& out, const std::string& version,
                           const std::string& name) {
  out.SetNullFormat(YAML::LowerNull);  // as yaml_serde writes it
  out << YAML::BeginMap;
  out << YAML::Key << "manifest_version" << YAML::Value << YAML::SingleQuoted << version;
  out << YAML::Key << "name" << YAML::Value;
  emit_string(out, name);
}

std::string to_yaml(const DnaManifest& m) {
  YAML::Emitter out;
  begin_manifest(out, m.manifest_version, m.name);
  out << YAML::Key << "integrity" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "network_seed" << YAML::Value;
  emit_optional(out, m.integrity.network_seed);
  emit_properties(out, m.integrity.properties);
  emit_zomes(out, m.integrity.zomes);
  out << YAML::EndMap;
  out << YAML::Key << "coordinator" << YAML::Value << YAML::BeginMap;
  emit_zomes(out, m.coordinator.zomes);
  out << YAML::EndMap;
  out << YAML::EndMap;
  return finish(out);
}

std::string to_yaml(const AppManifest& m) {
  YAML::Emitter out;
  begin_manifest(out, m.manifest_version, m.name);
  out << YAML::Key << "description" << YAML::Value;
  emit_optional(out, m.description);
  out << YAML::Key << "roles" << YAML::Value << YAML::BeginSeq;
  for (const auto& role : m.roles) {
    out << YAML::BeginMap << YAML::Key << "name" << YAML::Value;
    emit_string(out, role.name);
    out << YAML::Key << "provisioning" << YAML::Value;
    if (!role.provisioning) {
      out << YAML::Null;
    } else {
      out << YAML::BeginMap << YAML::Key << "strategy" << YAML::Value;
      std::visit(
          [&](const auto& p) {
            using P = std::decay_t<decltype(p)>;
            out << std::string(P::hdk_variant_name);
            if constexpr (std::is_same_v<P, provisioning::Create>)
              out << YAML::Key << "deferred" << YAML::Value << (p.deferred ? "true" : "false");
            if constexpr (std::is_same_v<P, provisioning::UseExisting>)
              out << YAML::Key << "protected" << YAML::Value << (p.protected_ ? "true" : "false");
          },
          role.provisioning->as_variant());
      out << YAML::EndMap;
    }
    out << YAML::Key << "dna" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "path" << YAML::Value;
    emit_optional(out, role.dna.path);
    out << YAML::Key << "modifiers" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "network_seed" << YAML::Value;
    emit_optional(out, role.dna.modifiers.network_seed);
    emit_properties(out, role.dna.modifiers.properties);
    out << YAML::EndMap;
    out << YAML::Key << "installed_hash" << YAML::Value;
    emit_optional(out, role.dna.installed_hash);
    out << YAML::Key << "clone_limit" << YAML::Value << std::to_string(role.dna.clone_limit);
    out << YAML::EndMap << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::Key << "allow_deferred_memproofs" << YAML::Value
      << (m.allow_deferred_memproofs ? "true" : "false");
  out << YAML::Key << "bootstrap_url" << YAML::Value;
  emit_optional(out, m.bootstrap_url);
  out << YAML::Key << "relay_url" << YAML::Value;
  emit_optional(out, m.relay_url);
  out << YAML::EndMap;
  return finish(out);
}

}  // namespace hdk_pack
