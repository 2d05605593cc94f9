// YAML -> JSON for the steps file (hdk_run/yaml_json.hpp).
#include "yaml_json.hpp"

#include <cerrno>
#include <cstdlib>
#include <regex>

#include "scenario_spec.hpp"

namespace hdk_run {
namespace {

Json plain_scalar(const std::string& s, const std::string& where) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  static const std::regex integer("[-+]?[0-9]+");
  static const std::regex hex("0x[0-9a-fA-F]+");
  static const std::regex floating("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  errno = 0;
  if (std::regex_match(s, integer) || std::regex_match(s, hex)) {
    char* end = nullptr;
    if (s[0] == '-') {
      const long long v = std::strtoll(s.c_str(), &end, 0);
      if (errno == ERANGE) throw SpecError(where + ": " + s + " does not fit in 64 bits");
      return static_cast<std::int64_t>(v);
    }
    const unsigned long long v = std::strtoull(s.c_str(), &end, 0);
    if (errno == ERANGE) throw SpecError(where + ": " + s + " does not fit in 64 bits");
    return static_cast<std::uint64_t>(v);
  }
  if (std::regex_match(s, floating)) return std::strtod(s.c_str(), nullptr);
  return s;
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
      return plain_scalar(node.Scalar(), where);
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
