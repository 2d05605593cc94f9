// hdk-run [--engine NAME] [--time] ZOME FUNCTION [JSON]
// Calls one zome function, as a conductor would, and prints its output as
// JSON. ZOME is a .wasm file, or a native-mode library (.so).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hdk_host/engine.hpp"
#include "hdk_host/host.hpp"

namespace {

const char* kUsage =
    "usage: hdk-run [--engine tiered|interp|tcc|aot|wasm-c-api] [--time] [--trace] [--budget N]\n"
    "               [--deadline MS] ZOME FUNCTION [JSON]\n"
    "  ZOME      a zome .wasm, or a native-mode zome library (.so)\n"
    "  FUNCTION  the zome function to call\n"
    "  JSON      its input as JSON (default: null, i.e. `()`)\n"
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

}  // namespace

int main(int argc, char** argv) {
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
      const std::string value = argv[++i];
      char* end = nullptr;
      const unsigned long long n = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0') {
        std::cerr << "hdk-run: " << arg << " takes a whole number, not `" << value << "`\n";
        return 2;
      }
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
    const nlohmann::json json =
        positional.size() == 3 ? nlohmann::json::parse(positional[2]) : nlohmann::json();
    input = nlohmann::json::to_msgpack(json);
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
    nlohmann::json output;
    try {
      output = nlohmann::json::from_msgpack(result.output());
    } catch (const std::exception& e) {
      return fail(std::string("output is not msgpack JSON can show: ") + e.what());
    }
    std::cout << output.dump() << "\n";
    return 0;
  } catch (const hdk_host::Fault& fault) {
    return fail(std::string(hdk_host::to_string(fault.kind())) + ": " + fault.what());
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}
