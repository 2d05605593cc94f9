// YAML -> JSON for the steps file (hdk_run/yaml_json.hpp).
#include "yaml_json.hpp"

#include "pack/yaml_value.hpp"
#include "scenario_spec.hpp"

namespace hdk_run {
namespace {

// A plain scalar means what it means in a manifest's properties: one
// resolver (YAML 1.2's core schema, as yaml_serde reads it) for both tools.
Json plain_scalar(const std::string& text) {
  using Kind = hdk_host::bundle::YamlValue::Kind;
  const hdk_host::bundle::YamlValue v = hdk_pack::resolve_plain_scalar(text);
  switch (v.kind) {
    case Kind::Null:
      return nullptr;
    case Kind::Bool:
      return v.boolean;
    case Kind::Uint:
      return v.uint_value;
    case Kind::Int:
      return v.int_value;
    case Kind::Float:
      return v.float_value;
    default:
      return v.string;
  }
}

}  // namespace

Json yaml_to_json(const YAML::Node& node, const std::string& where) {
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return nullptr;
    case YAML::NodeType::Scalar: {
      const std::string& tag = node.Tag();
      if (tag == "!" || tag == "tag:yaml.org,2002:str") return node.Scalar();
      if (tag == "tag:yaml.org,2002:binary") return Json{{"$bytes", node.Scalar()}};
      return plain_scalar(node.Scalar());
    }
    case YAML::NodeType::Sequence: {
      Json out = Json::array();
      for (std::size_t i = 0; i < node.size(); ++i)
        out.push_back(yaml_to_json(node[i], where + "[" + std::to_string(i) + "]"));
      return out;
    }
    case YAML::NodeType::Map: {
      Json out = Json::object();
      for (const auto& kv : node) {
        if (!kv.first.IsScalar()) throw SpecError(where + ": a key is not a plain value");
        const std::string key = kv.first.Scalar();
        out[key] = yaml_to_json(kv.second, where + "." + key);
      }
      return out;
    }
  }
  return nullptr;
}

}  // namespace hdk_run
