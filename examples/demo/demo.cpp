// ./run demo: runs the example zomes, built to wasm, on every engine of the
// harness and natively, and shows each call: function, input, output, time.
// Every engine must return the very same bytes; the demo fails if not.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hdk_host/engine.hpp"
#include "hdk_host/host.hpp"

namespace {

struct DemoCall {
  std::string function;
  std::string input_json;
};

struct DemoZome {
  std::string name;
  std::vector<DemoCall> calls;
};

const std::vector<DemoZome> kZomes = {
    {"hello",
     {{"hello", "null"},
      {"greet", R"({"name":"Ada","times":2})"},
      {"greet", R"({"name":"","times":1})"},
      {"echo", R"({"text":"round trip","numbers":[1,-2,300000],"note":null,"blob":[1,2,3]})"}}},
    {"compute",
     {{"sort_and_hash", R"({"count":1000,"seed":42})"},
      {"sort_and_hash", R"({"count":100000,"seed":42})"}}},
};

// msgpack bin has no JSON form: show it as hex.
nlohmann::json readable(const nlohmann::json& j) {
  if (j.is_binary()) {
    static const char* kHex = "0123456789abcdef";
    std::string hex = "0x";
    for (std::uint8_t b : j.get_binary()) {
      hex.push_back(kHex[b >> 4]);
      hex.push_back(kHex[b & 15]);
    }
    return hex;
  }
  if (j.is_array() || j.is_object()) {
    nlohmann::json out = j;
    for (auto it = out.begin(); it != out.end(); ++it) *it = readable(*it);
    return out;
  }
  return j;
}

std::string show_duration(std::chrono::nanoseconds d) {
  char buf[32];
  const double us = static_cast<double>(d.count()) / 1e3;
  if (us >= 1000) {
    std::snprintf(buf, sizeof buf, "%8.2f ms", us / 1000);
  } else {
    std::snprintf(buf, sizeof buf, "%8.1f us", us);
  }
  return buf;
}

std::string show_result(const hdk_host::CallResult& r) {
  if (!r.ok()) return r.describe();
  try {
    return readable(nlohmann::json::from_msgpack(r.output())).dump();
  } catch (const std::exception&) {
    return "<" + std::to_string(r.output().size()) + " bytes of msgpack>";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: hdk-demo ZOME_DIR NATIVE_ZOME_DIR\n";
    return 2;
  }
  const std::filesystem::path zome_dir = argv[1];
  const std::filesystem::path native_dir = argv[2];
  bool all_identical = true;

  std::vector<std::string> engines = hdk_host::available_engines();
  std::cout << "engines: ";
  for (const auto& e : engines) std::cout << e << " ";
  std::cout << "native\n";

  for (const DemoZome& demo : kZomes) {
    const auto wasm = zome_dir / (demo.name + ".wasm");
    std::cout << "\n== zome " << demo.name << " (" << std::filesystem::file_size(wasm)
              << " bytes of wasm)\n";
    std::map<std::string, std::shared_ptr<hdk_host::Zome>> zomes;
    std::map<std::string, std::unique_ptr<hdk_host::Host>> hosts;
    for (const auto& name : engines) {
      hosts[name] = std::make_unique<hdk_host::Host>(hdk_host::make_engine(name));
      zomes[name] = hosts[name]->load_wasm_file(wasm);
      const auto& load = hosts[name]->last_load();
      std::cout << "   load on " << name << ": " << show_duration(load.duration) << " (" << load.origin
                << ")\n";
    }
    zomes["native"] = hdk_host::Host::load_native(native_dir / ("lib" + demo.name + ".so"));

    for (const DemoCall& call : demo.calls) {
      const auto input = nlohmann::json::to_msgpack(nlohmann::json::parse(call.input_json));
      std::cout << "\n  " << demo.name << "::" << call.function << "(" << call.input_json << ")\n";
      std::vector<std::uint8_t> reference;
      bool first = true;
      for (auto& [runtime, zome] : zomes) {
        hdk_host::CallContext context;
        const auto extern_input = hdk_host::extern_input_bytes(input);
        const hdk_host::CallResult result = zome->call(call.function, extern_input, context);
        const bool same = first || result.raw() == reference;
        if (first) reference = result.raw();
        first = false;
        all_identical = all_identical && same && !result.fault();
        std::cout << "    " << runtime << std::string(12 - std::min<std::size_t>(runtime.size(), 11), ' ')
                  << show_duration(result.timings.call) << "  -> " << show_result(result)
                  << (same ? "" : "   [DIFFERENT BYTES]") << "\n";
      }
    }
  }
  std::cout << "\n" << (all_identical ? "every engine returned identical bytes" : "ENGINES DISAGREE")
            << "\n";
  return all_identical ? 0 : 1;
}
