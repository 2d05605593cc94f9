// Reading a steps file (hdk_run/scenario_file.hpp) with yaml-cpp.
#include "scenario_file.hpp"

#include <initializer_list>
#include <string>

#include <yaml-cpp/yaml.h>

#include "yaml_json.hpp"

namespace hdk_run {
namespace {

// A misspelt key would silently do nothing; refuse it instead.
void only_keys(const YAML::Node& map, std::initializer_list<const char*> keys,
               const std::string& where) {
  for (const auto& kv : map) {
    const std::string key = kv.first.Scalar();
    bool known = false;
    std::string list;
    for (const char* k : keys) {
      known = known || key == k;
      list += (list.empty() ? "" : ", ") + std::string(k);
    }
    if (!known) throw SpecError(where + ": unknown key `" + key + "` (known: " + list + ")");
  }
}

std::string scalar(const YAML::Node& node, const std::string& where) {
  if (!node.IsScalar()) throw SpecError(where + " is not a plain value");
  return node.Scalar();
}

ZomeFile zome_of(const YAML::Node& node, const std::string& where) {
  if (node.IsScalar()) return parse_zome_arg(node.Scalar());
  if (!node.IsMap()) throw SpecError(where + ": a zome is a file, a name or {name, file}");
  only_keys(node, {"name", "file", "wasm"}, where);
  if (!node["file"]) throw SpecError(where + ": the zome has no `file`");
  ZomeFile zome;
  zome.file = scalar(node["file"], where + ".file");
  zome.name = node["name"] ? scalar(node["name"], where + ".name") : zome_name_of(zome.file);
  if (node["wasm"]) zome.wasm = scalar(node["wasm"], where + ".wasm");
  return zome;
}

// Zome files are found in `base`; a .dna is found beside the steps file, in `file_dir`.
void read_dna(const YAML::Node& dna, const std::filesystem::path& base,
              const std::filesystem::path& file_dir, const std::string& where, ScenarioSpec& spec) {
  if (dna.IsScalar()) {  // a packed bundle: `dna: app.dna`
    const std::filesystem::path bundle = dna.Scalar();
    spec.dna_bundle = bundle.is_absolute() ? bundle : file_dir / bundle;
    return;
  }
  if (!dna.IsMap()) throw SpecError(where + " is a .dna file or a map of zomes");
  only_keys(dna, {"name", "network_seed", "properties", "integrity", "coordinators"}, where);
  if (dna["name"]) spec.dna_name = scalar(dna["name"], where + ".name");
  if (dna["network_seed"]) spec.network_seed = scalar(dna["network_seed"], where + ".network_seed");
  if (dna["properties"]) spec.properties = yaml_to_json(dna["properties"], where + ".properties");
  if (!dna["integrity"]) throw SpecError(where + " has no `integrity` zome");
  ZomeFile integrity = zome_of(dna["integrity"], where + ".integrity");
  resolve_zome_file(integrity, base);
  spec.integrity = std::move(integrity);
  if (const auto coordinators = dna["coordinators"]) {
    if (!coordinators.IsSequence()) throw SpecError(where + ".coordinators is not a list");
    for (std::size_t i = 0; i < coordinators.size(); ++i) {
      ZomeFile zome = zome_of(coordinators[i], where + ".coordinators[" + std::to_string(i) + "]");
      resolve_zome_file(zome, base);
      spec.coordinators.push_back(std::move(zome));
    }
  }
}

Step read_step(const YAML::Node& node, const std::string& label) {
  if (!node.IsMap()) throw SpecError(label + " is not a map (agent, zome, fn, input, ...)");
  only_keys(node, {"name", "agent", "zome", "fn", "input", "expect", "expect_error"}, label);
  Step step;
  step.label = label;
  for (const char* key : {"agent", "zome", "fn"})
    if (!node[key]) throw SpecError(label + " has no `" + key + "`");
  step.agent = scalar(node["agent"], label + ".agent");
  step.zome = scalar(node["zome"], label + ".zome");
  step.fn = scalar(node["fn"], label + ".fn");
  if (node["name"]) step.name = scalar(node["name"], label + ".name");
  if (node["input"]) step.input = yaml_to_json(node["input"], label + ".input");
  if (node["expect"]) step.expect = yaml_to_json(node["expect"], label + ".expect");
  if (node["expect_error"])
    step.expect_error = scalar(node["expect_error"], label + ".expect_error");
  if (step.expect && step.expect_error)
    throw SpecError(label + ": a step expects a result or an error, not both");
  return step;
}

}  // namespace

void read_scenario_file(const std::filesystem::path& file,
                        const std::optional<std::filesystem::path>& zome_dir, ScenarioSpec& spec) {
  const std::string name = file.filename().string();
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::BadFile&) {
    throw SpecError(file.string() + ": cannot open");
  } catch (const YAML::Exception& e) {
    throw SpecError(file.string() + ": not YAML: " + e.what());
  }
  if (!root.IsMap()) throw SpecError(name + ": the file is a map of dna, agents and steps");
  only_keys(root, {"dna", "agents", "steps", "fixed_inputs"}, name);
  const std::filesystem::path base = zome_dir ? *zome_dir : file.parent_path();
  const std::filesystem::path file_dir =
      file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  if (root["dna"]) read_dna(root["dna"], base.empty() ? "." : base, file_dir, name + ": dna", spec);
  if (const auto agents = root["agents"]) {
    if (!agents.IsSequence()) throw SpecError(name + ": agents is not a list of names");
    for (std::size_t i = 0; i < agents.size(); ++i)
      spec.agents.push_back(scalar(agents[i], name + ": agents[" + std::to_string(i) + "]"));
  }
  if (root["fixed_inputs"])
    spec.fixed_inputs = scalar(root["fixed_inputs"], name + ": fixed_inputs");
  if (const auto steps = root["steps"]) {
    if (!steps.IsSequence()) throw SpecError(name + ": steps is not a list");
    for (std::size_t i = 0; i < steps.size(); ++i)
      spec.steps.push_back(
          read_step(steps[i], name + " step " + std::to_string(spec.steps.size() + 1)));
  }
}

}  // namespace hdk_run
