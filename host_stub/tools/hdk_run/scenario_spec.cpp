// Parsing the flags of `hdk-run scenario`, and the checks any scenario
// passes before it runs (hdk_run/scenario_spec.hpp).
#include "scenario_spec.hpp"

#include <algorithm>
#include <set>

namespace hdk_run {
namespace {

bool is_number(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::string zome_name_of(const std::filesystem::path& file) {
  std::string stem = file.stem().string();
  if (file.extension() == ".so" && stem.rfind("lib", 0) == 0 && stem.size() > 3)
    stem = stem.substr(3);
  return stem;
}

ZomeFile parse_zome_arg(std::string_view arg) {
  ZomeFile zome;
  const auto eq = arg.find('=');
  if (eq == std::string_view::npos) {
    zome.file = std::string(arg);
    zome.name = zome_name_of(zome.file);
  } else {
    zome.name = std::string(arg.substr(0, eq));
    zome.file = std::string(arg.substr(eq + 1));
  }
  if (zome.name.empty() || zome.file.empty())
    throw SpecError("`" + std::string(arg) + "` is not NAME=FILE or FILE");
  return zome;
}

Step parse_call_arg(std::string_view arg, std::string label) {
  Step step;
  step.label = std::move(label);
  std::string_view rest = arg;
  std::string* parts[] = {&step.agent, &step.zome, &step.fn};
  for (std::size_t i = 0; i < 3; ++i) {
    const auto colon = rest.find(':');
    *parts[i] = std::string(rest.substr(0, colon));
    rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
    if (parts[i]->empty() || (colon == std::string_view::npos && i < 2))
      throw SpecError(step.label + ": `" + std::string(arg) + "` is not AGENT:ZOME:FN[:JSON]");
    if (colon == std::string_view::npos) break;
  }
  if (!rest.empty()) {
    try {
      step.input = Json::parse(rest);
    } catch (const std::exception& e) {
      throw SpecError(step.label + ": the input is not valid JSON: " + e.what());
    }
  }
  return step;
}

std::vector<std::string> parse_agent_list(std::string_view arg) {
  std::vector<std::string> out;
  while (true) {
    const auto comma = arg.find(',');
    out.emplace_back(arg.substr(0, comma));
    if (comma == std::string_view::npos) break;
    arg = arg.substr(comma + 1);
  }
  return out;
}

void resolve_zome_file(ZomeFile& zome, const std::filesystem::path& base) {
  namespace fs = std::filesystem;
  const auto at = [&](const fs::path& p) { return p.is_absolute() ? p : base / p; };
  if (!zome.wasm.empty()) zome.wasm = at(zome.wasm);
  const auto ext = zome.file.extension();
  if (ext == ".wasm" || ext == ".so") {
    zome.file = at(zome.file);
    return;
  }
  // A bare name: the same steps file runs on wasm and natively, with
  // --zome-dir naming the build's directory of either.
  const fs::path wasm = at(fs::path(zome.file).concat(".wasm"));
  const fs::path so = at(zome.file.parent_path() / ("lib" + zome.file.filename().string() + ".so"));
  if (fs::exists(wasm)) {
    zome.file = wasm;
  } else if (fs::exists(so)) {
    zome.file = so;
  } else {
    throw SpecError("zome `" + zome.name + "`: neither " + wasm.string() + " nor " + so.string() +
                    " exists");
  }
}

void check_spec(const ScenarioSpec& spec) {
  if (spec.dna_bundle && (spec.integrity || !spec.coordinators.empty()))
    throw SpecError("a DNA is given twice: as a .dna bundle and as zome files");
  if (!spec.dna_bundle && !spec.integrity)
    throw SpecError("no DNA: give its integrity zome (dna.integrity, --integrity) or a .dna");
  if (spec.agents.empty()) throw SpecError("no agents: name them (agents:, --agents alice,bob)");

  std::set<std::string> names{"dna"};
  for (const auto& agent : spec.agents) {
    if (agent.empty() || agent.find_first_of(":,${}. ") != std::string::npos || is_number(agent))
      throw SpecError("`" + agent +
                      "` cannot name an agent: use letters, digits, '_' or '-', not only digits");
    if (!names.insert(agent).second)
      throw SpecError("agent `" + agent +
                      "` is named twice (or is `dna`, which names the DNA's hash)");
  }
  for (const auto& step : spec.steps) {
    if (std::find(spec.agents.begin(), spec.agents.end(), step.agent) == spec.agents.end())
      throw SpecError(step.label + ": no agent `" + step.agent +
                      "` (agents: " + joined(spec.agents) + ")");
    if (step.zome.empty() || step.fn.empty())
      throw SpecError(step.label + ": a step names its zome and fn");
    if (step.name.empty()) continue;
    if (is_number(step.name) || step.name.find_first_of(".${} ") != std::string::npos)
      throw SpecError(step.label + ": `" + step.name + "` cannot name a step");
    if (!names.insert(step.name).second)
      throw SpecError(step.label + ": the name `" + step.name +
                      "` is taken (by an agent, another step, or `dna`)");
  }
}

}  // namespace hdk_run
