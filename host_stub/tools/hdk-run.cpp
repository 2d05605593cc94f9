// hdk-run [--engine NAME] [--time] ZOME FUNCTION [JSON]
//   Calls one zome function outside any cell and prints its output as JSON.
// hdk-run scenario [STEPS.yaml] [--dna FILE | --integrity Z --coordinator Z...]
//                  [--agents a,b] [--call AGENT:ZOME:FN[:JSON]]...
//   Installs a DNA for named agents and runs a sequence of calls on their
//   cells (docs/scenarios.md). JSON carries hashes as Holochain's base64
//   and bytes as {"$bytes": base64} (hdk_host/json_wire.hpp).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "hdk_host/bundle.hpp"
#include "hdk_host/engine.hpp"
#include "hdk_host/host.hpp"
#include "hdk_host/json_wire.hpp"
#include "hdk_run/scenario_file.hpp"
#include "hdk_run/scenario_run.hpp"

namespace {

const char* kUsage =
    "usage: hdk-run [--engine tiered|interp|tcc|aot|wasm-c-api] [--time] [--trace] [--budget N]\n"
    "               [--deadline MS] ZOME FUNCTION [JSON]\n"
    "       hdk-run scenario [STEPS.yaml] [--dna FILE.dna] [--integrity [NAME=]ZOME]\n"
    "               [--coordinator [NAME=]ZOME]... [--agents alice,bob]\n"
    "               [--call AGENT:ZOME:FN[:JSON]]... [--zome-dir DIR] [--fixed-inputs SEED]\n"
    "               [--quiet] [--engine ...|native] [--budget N] [--deadline MS]\n"
    "  ZOME      a zome .wasm, or a native-mode zome library (.so)\n"
    "  FUNCTION  the zome function to call, outside any cell (no chain, no DHT)\n"
    "  JSON      its input as JSON (default: null, i.e. `()`); a hash is its base64\n"
    "            (\"uhCkk...\"), other bytes {\"$bytes\": \"<base64>\"}\n"
    "  scenario  install a DNA (from STEPS.yaml, a .dna or zomes) for the agents and run\n"
    "            the file's steps, then each --call, printing each result, the records\n"
    "            committed and the signals emitted; `${name}` in an input refers to an\n"
    "            agent's key, `dna` or an earlier named step's result (docs/scenarios.md)\n"
    "  --quiet   scenario: print only each step's result, one JSON per line\n"
    "  --engine  default tiered: tcc (or aot's cached object) now, aot when built\n"
    "  --time    print load (compile or cache), instantiate and call times to stderr\n"
    "  --trace   print what the zome traced to stderr\n"
    "  --budget N     interp: instructions the call may run (default 10^9; 0: no limit)\n"
    "  --deadline MS  interp, tcc, aot: milliseconds the call may run (default 30000;\n"
    "                 0: no limit; wasm-c-api cannot keep one)\n";

std::string format_duration(std::chrono::nanoseconds d) {
  char buf[64];
  const double ns = static_cast<double>(d.count());
  if (ns >= 1e9) {
    std::snprintf(buf, sizeof buf, "%.2f s", ns / 1e9);
  } else if (ns >= 1e6) {
    std::snprintf(buf, sizeof buf, "%.2f ms", ns / 1e6);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f us", ns / 1e3);
  }
  return buf;
}

int fail(const std::string& message) {
  std::cerr << "hdk-run: " << message << "\n";
  return 1;
}

/// Parses a whole number flag value into `n`; false (with a message) if it is not one.
bool whole_number(const std::string& flag, const std::string& value, unsigned long long& n) {
  char* end = nullptr;
  n = std::strtoull(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0') {
    std::cerr << "hdk-run: " << flag << " takes a whole number, not `" << value << "`\n";
    return false;
  }
  return true;
}

int run_scenario_mode(int argc, char** argv, int first) {
  hdk_run::ScenarioSpec spec;
  hdk_run::RunOptions options;
  std::optional<std::filesystem::path> steps_file, zome_dir;
  std::vector<std::string> integrity_args, coordinator_args, call_args;
  for (int i = first; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--engine" && has_value) {
      options.runtime = argv[++i];
    } else if (arg == "--dna" && has_value) {
      spec.dna_bundle = argv[++i];
    } else if (arg == "--integrity" && has_value) {
      integrity_args.push_back(argv[++i]);
    } else if (arg == "--coordinator" && has_value) {
      coordinator_args.push_back(argv[++i]);
    } else if (arg == "--agents" && has_value) {
      for (auto& name : hdk_run::parse_agent_list(argv[++i])) spec.agents.push_back(name);
    } else if (arg == "--call" && has_value) {
      call_args.push_back(argv[++i]);
    } else if (arg == "--zome-dir" && has_value) {
      zome_dir = argv[++i];
    } else if (arg == "--fixed-inputs" && has_value) {
      spec.fixed_inputs = argv[++i];
    } else if ((arg == "--budget" || arg == "--deadline") && has_value) {
      unsigned long long n = 0;
      if (!whole_number(arg, argv[++i], n)) return 2;
      if (arg == "--budget")
        options.host.limits.instruction_budget = n;
      else
        options.host.limits.deadline = std::chrono::milliseconds(n);
    } else if (arg == "--quiet") {
      options.quiet = true;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (!arg.empty() && arg[0] != '-' && !steps_file) {
      steps_file = arg;
    } else {
      std::cerr << "hdk-run scenario: unknown or incomplete argument `" << arg << "`\n" << kUsage;
      return 2;
    }
  }
  try {
    if (steps_file) hdk_run::read_scenario_file(*steps_file, zome_dir, spec);
    const std::filesystem::path base = zome_dir ? *zome_dir : std::filesystem::path(".");
    if (integrity_args.size() > 1) throw hdk_run::SpecError("a DNA has one --integrity zome");
    for (const auto& arg : integrity_args) {
      if (spec.integrity) throw hdk_run::SpecError("the integrity zome is given twice");
      auto zome = hdk_run::parse_zome_arg(arg);
      hdk_run::resolve_zome_file(zome, base);
      spec.integrity = std::move(zome);
    }
    for (const auto& arg : coordinator_args) {
      auto zome = hdk_run::parse_zome_arg(arg);
      hdk_run::resolve_zome_file(zome, base);
      spec.coordinators.push_back(std::move(zome));
    }
    for (std::size_t i = 0; i < call_args.size(); ++i)
      spec.steps.push_back(
          hdk_run::parse_call_arg(call_args[i], "--call " + std::to_string(i + 1)));
    return hdk_run::run_scenario(spec, options, std::cout);
  } catch (const hdk_run::SpecError& e) {
    std::cerr << "hdk-run scenario: " << e.what() << "\n";
    return 2;
  } catch (const hdk_host::bundle::BundleError& e) {
    return fail(std::string("the .dna: ") + e.what());
  } catch (const hdk_host::Fault& fault) {
    return fail(std::string(hdk_host::to_string(fault.kind())) + ": " + fault.what());
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "scenario") return run_scenario_mode(argc, argv, 2);
  std::string engine_name = "tiered";
  bool time = false;
  bool trace = false;
  hdk_host::Limits limits;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--engine" && i + 1 < argc) {
      engine_name = argv[++i];
    } else if (arg.rfind("--engine=", 0) == 0) {
      engine_name = arg.substr(9);
    } else if ((arg == "--budget" || arg == "--deadline") && i + 1 < argc) {
      unsigned long long n = 0;
      if (!whole_number(arg, argv[++i], n)) return 2;
      if (arg == "--budget")
        limits.instruction_budget = n;
      else
        limits.deadline = std::chrono::milliseconds(n);
    } else if (arg == "--time") {
      time = true;
    } else if (arg == "--trace") {
      trace = true;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() < 2 || positional.size() > 3) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string zome_path = positional[0];
  const std::string function = positional[1];

  std::vector<std::uint8_t> input;
  try {
    const hdk_host::WireJson json =
        positional.size() == 3 ? hdk_host::WireJson::parse(positional[2]) : hdk_host::WireJson();
    input = hdk_host::json_to_msgpack(json);
  } catch (const hdk_host::JsonWireError& e) {
    return fail(std::string("the input has no msgpack form: ") + e.what());
  } catch (const std::exception& e) {
    return fail(std::string("input is not valid JSON: ") + e.what());
  }

  try {
    std::shared_ptr<hdk_host::Zome> zome;
    std::unique_ptr<hdk_host::Host> host;
    const bool native =
        zome_path.size() > 3 && zome_path.compare(zome_path.size() - 3, 3, ".so") == 0;
    if (native) {
      const auto t0 = std::chrono::steady_clock::now();
      zome = hdk_host::Host::load_native(zome_path);
      if (time)
        std::cerr << "load: " << format_duration(std::chrono::steady_clock::now() - t0)
                  << " (native library)\n";
    } else {
      hdk_host::HostOptions options;
      options.limits = limits;
      host = std::make_unique<hdk_host::Host>(hdk_host::make_engine(engine_name), options);
      zome = host->load_wasm_file(zome_path);
      if (time) {
        const auto first = host->last_load();
        std::cerr << "load: " << format_duration(first.duration) << " (" << first.origin
                  << ", engine " << engine_name << ")\n";
        // Loading again shows what every later load in this process costs.
        host->load_wasm_file(zome_path);
        std::cerr << "load again: " << format_duration(host->last_load().duration) << " ("
                  << host->last_load().origin << ")\n";
      }
    }

    hdk_host::CallContext context;
    context.echo_trace = trace;
    const hdk_host::CallResult result =
        zome->call(function, hdk_host::extern_input_bytes(input), context);
    if (time) {
      std::cerr << "instantiate: " << format_duration(result.timings.instantiate) << "\n";
      std::cerr << "call: " << format_duration(result.timings.call) << "\n";
    }
    if (!result.ok()) {
      // What the zome traced says why (a Deserialize error names no field:
      // the HDK traces which type and field it expected).
      if (!trace)
        for (const auto& line : context.trace) std::cerr << "hdk-run: traced: " << line.msg << "\n";
      return fail(result.describe());
    }
    hdk_host::WireJson output;
    try {
      output = hdk_host::msgpack_to_json(result.output());
    } catch (const hdk_host::JsonWireError& e) {
      return fail(std::string("output is not one msgpack value: ") + e.what());
    }
    std::cout << hdk_host::print_json(output) << "\n";
    return 0;
  } catch (const hdk_host::Fault& fault) {
    return fail(std::string(hdk_host::to_string(fault.kind())) + ": " + fault.what());
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}
