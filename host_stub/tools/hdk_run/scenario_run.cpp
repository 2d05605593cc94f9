// hdk-run scenario: install, add the agents, run the steps (scenario_run.hpp).
#include "scenario_run.hpp"

#include <algorithm>
#include <map>
#include <ostream>

#include "hdk_host/holo_hash_base64.hpp"
#include "hdk_host/scenario.hpp"

namespace hdk_run {
namespace {

using hdk_host::WireJson;

bool is_native_library(const std::filesystem::path& file) { return file.extension() == ".so"; }

hdk_host::ZomeSource source_of(const ZomeFile& zome) {
  hdk_host::ZomeSource source;
  source.name = zome.name;
  source.path = zome.file;
  source.wasm = zome.wasm;
  return source;
}

hdk_host::DnaSpec dna_of(const ScenarioSpec& spec) {
  if (spec.dna_bundle) {
    hdk_host::DnaSpec dna = hdk_host::DnaSpec::from_bundle(*spec.dna_bundle);
    if (spec.dna_name) dna.name = *spec.dna_name;
    return dna;
  }
  hdk_host::DnaSpec dna;
  if (spec.dna_name) dna.name = *spec.dna_name;
  dna.network_seed = spec.network_seed;
  dna.integrity = source_of(*spec.integrity);
  for (const auto& zome : spec.coordinators) dna.coordinators.push_back(source_of(zome));
  if (spec.properties) dna.properties = hdk::Bytes(hdk_host::json_to_msgpack(*spec.properties));
  return dna;
}

std::string runtime_for(const ScenarioSpec& spec, const RunOptions& options) {
  if (!options.runtime.empty()) return options.runtime;
  return spec.integrity && is_native_library(spec.integrity->file) ? "native" : "tiered";
}

// ---- references: "${name.field[0]}" ----

class References {
 public:
  void set(const std::string& name, WireJson value) { values_[name] = std::move(value); }

  /// `value` with every reference in its strings replaced.
  WireJson resolve(const WireJson& value, const std::string& where) const {
    if (value.is_string()) return resolve_string(value.get<std::string>(), where);
    if (value.is_array()) {
      WireJson out = WireJson::array();
      for (const auto& item : value) out.push_back(resolve(item, where));
      return out;
    }
    if (value.is_object()) {
      WireJson out = WireJson::object();
      for (const auto& [key, item] : value.items()) out[key] = resolve(item, where);
      return out;
    }
    return value;
  }

 private:
  WireJson resolve_string(const std::string& text, const std::string& where) const {
    const auto open = text.find("${");
    if (open == std::string::npos) return text;
    const auto close = text.find('}', open);
    if (close == std::string::npos)
      throw SpecError(where + ": `" + text + "` opens a reference with ${ and never closes it");
    const WireJson value = lookup(text.substr(open + 2, close - open - 2), where);
    if (open == 0 && close + 1 == text.size()) return value;
    const std::string piece =
        value.is_string() ? value.get<std::string>() : hdk_host::print_json(value);
    const WireJson rest = resolve_string(text.substr(close + 1), where);
    return text.substr(0, open) + piece + rest.get<std::string>();
  }

  WireJson lookup(const std::string& ref, const std::string& where) const {
    const auto end = ref.find_first_of(".[");
    const std::string name = ref.substr(0, end);
    const auto found = values_.find(name);
    if (found == values_.end())
      throw SpecError(where + ": `${" + ref + "}` names no agent, earlier named step or `dna`");
    const WireJson* at = &found->second;
    std::size_t i = end == std::string::npos ? ref.size() : end;
    while (i < ref.size()) {
      std::string key;
      if (ref[i] == '.') {
        const auto next = ref.find_first_of(".[", i + 1);
        key = ref.substr(i + 1, next == std::string::npos ? std::string::npos : next - i - 1);
        i = next == std::string::npos ? ref.size() : next;
      } else {  // '['
        const auto close = ref.find(']', i);
        if (close == std::string::npos)
          throw SpecError(where + ": `${" + ref + "}` opens an index with [ and never closes it");
        key = ref.substr(i + 1, close - i - 1);
        i = close + 1;
      }
      const WireJson* next = nullptr;
      if (at->is_object() && at->contains(key)) {
        next = &(*at)[key];
      } else if (at->is_array() && !key.empty() &&
                 key.find_first_not_of("0123456789") == std::string::npos &&
                 std::stoul(key) < at->size()) {
        next = &(*at)[std::stoul(key)];
      }
      if (!next)
        throw SpecError(where + ": `${" + ref + "}`: no `" + key + "` in " +
                        hdk_host::print_json(*at));
      at = next;
    }
    return *at;
  }

  std::map<std::string, WireJson> values_;
};

// ---- printing ----

std::string show(std::span<const std::uint8_t> msgpack) {
  try {
    return hdk_host::print_json(hdk_host::msgpack_to_json(msgpack));
  } catch (const hdk_host::JsonWireError& e) {
    return std::string("(not one msgpack value: ") + e.what() + ")";
  }
}

void print_record(std::ostream& out, const std::string& agent, const hdk::Record& record) {
  const hdk::Action& action = record.action();
  out << "  committed " << agent << " #" << action.action_seq() << " " << action.type_name() << " "
      << hdk_host::to_base64(record.action_address());
  if (const auto entry = action.entry_hash()) out << " entry " << hdk_host::to_base64(*entry);
  out << "\n";
}

struct Marks {
  std::vector<std::size_t> chain, signals;
};

Marks marks_of(const hdk_host::Scenario& scenario, const std::vector<hdk_host::Agent>& agents) {
  Marks marks;
  for (const auto& agent : agents) {
    marks.chain.push_back(scenario.chain(agent).size());
    marks.signals.push_back(scenario.signals(agent).size());
  }
  return marks;
}

bool same_json(const WireJson& a, const WireJson& b) {
  // A map's keys in any order: compare unordered copies.
  return nlohmann::json::parse(hdk_host::print_json(a)) ==
         nlohmann::json::parse(hdk_host::print_json(b));
}

}  // namespace

int run_scenario(const ScenarioSpec& spec, const RunOptions& options, std::ostream& out) {
  check_spec(spec);
  std::optional<hdk_host::world::FixedInputs> fixed;
  if (spec.fixed_inputs) {
    fixed.emplace();
    fixed->seed = *spec.fixed_inputs;
  }
  const std::string runtime = runtime_for(spec, options);
  hdk_host::Scenario scenario(runtime, options.host, fixed);
  scenario.install(dna_of(spec));

  References refs;
  refs.set("dna", hdk_host::to_base64(scenario.dna().hash));
  if (!options.quiet)
    out << "dna " << hdk_host::to_base64(scenario.dna().hash) << " (runtime " << runtime << ")\n";
  std::vector<hdk_host::Agent> agents;
  for (const auto& name : spec.agents) {
    agents.push_back(scenario.add_agent(name));
    refs.set(name, hdk_host::to_base64(agents.back().key));
    if (!options.quiet)
      out << "agent " << name << " " << hdk_host::to_base64(agents.back().key) << "\n";
  }

  std::size_t number = 0;
  for (const auto& step : spec.steps) {
    ++number;
    const auto who = std::find(spec.agents.begin(), spec.agents.end(), step.agent);
    const hdk_host::Agent& agent = agents[static_cast<std::size_t>(who - spec.agents.begin())];
    const WireJson input = refs.resolve(step.input, step.label + ".input");
    std::vector<std::uint8_t> input_bytes;
    try {
      input_bytes = hdk_host::json_to_msgpack(input);
    } catch (const hdk_host::JsonWireError& e) {
      throw SpecError(step.label + ".input: " + e.what());
    }
    if (!options.quiet)
      out << "step " << number << (step.name.empty() ? "" : " " + step.name) << ": " << step.agent
          << " " << step.zome << "." << step.fn << " " << hdk_host::print_json(input) << "\n";

    const Marks before = marks_of(scenario, agents);
    const hdk_host::CallResult result = scenario.call_bytes(agent, step.zome, step.fn, input_bytes);
    const bool failed = !result.ok();

    WireJson output;
    std::string output_error;
    if (!failed) {
      try {
        output = hdk_host::msgpack_to_json(result.output());
      } catch (const hdk_host::JsonWireError& e) {
        output_error = e.what();
      }
    }
    if (options.quiet) {
      if (!failed && output_error.empty()) out << hdk_host::print_json(output) << "\n";
    } else {
      if (failed)
        out << "  error: " << result.describe() << "\n";
      else if (!output_error.empty())
        out << "  result is not one msgpack value: " << output_error << "\n";
      else
        out << "  -> " << hdk_host::print_json(output) << "\n";
      for (std::size_t a = 0; a < agents.size(); ++a) {
        const auto& chain = scenario.chain(agents[a]);
        for (std::size_t i = before.chain[a]; i < chain.size(); ++i)
          print_record(out, agents[a].name, chain[i]);
        const auto& signals = scenario.signals(agents[a]);
        for (std::size_t i = before.signals[a]; i < signals.size(); ++i)
          out << "  signal " << agents[a].name << " " << show(signals[i]) << "\n";
      }
    }
    if (!options.quiet)
      for (const auto& line : scenario.last_trace()) out << "  trace: " << line.msg << "\n";

    if (step.expect_error) {
      if (!failed) {
        out << step.label << ": expected an error with `" << *step.expect_error
            << "`, but the call succeeded\n";
        return 1;
      }
      if (result.describe().find(*step.expect_error) == std::string::npos) {
        out << step.label << ": expected an error with `" << *step.expect_error
            << "`, got: " << result.describe() << "\n";
        return 1;
      }
      continue;
    }
    if (failed) {
      out << step.label << " failed\n";
      return 1;
    }
    if (!output_error.empty()) return 1;
    if (step.expect) {
      const WireJson expected = refs.resolve(*step.expect, step.label + ".expect");
      // Through msgpack and back: the expectation's hashes and bytes compare
      // as the result's print.
      WireJson expected_wire;
      try {
        expected_wire = hdk_host::msgpack_to_json(hdk_host::json_to_msgpack(expected));
      } catch (const hdk_host::JsonWireError& e) {
        throw SpecError(step.label + ".expect: " + e.what());
      }
      if (!same_json(expected_wire, output)) {
        out << step.label << ": expected " << hdk_host::print_json(expected_wire) << "\n";
        return 1;
      }
    }
    if (!step.name.empty()) refs.set(step.name, output);
  }
  if (!options.quiet) out << "ok: " << spec.steps.size() << " steps\n";
  return 0;
}

}  // namespace hdk_run
