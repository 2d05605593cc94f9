// A whole zome call on interp with random input: real zomes built to wasm
// (HDK_FUZZ_ZOMES, "|"-separated .wasm paths, or the build's own), every
// zome function and callback, the input handed over as the call's bytes.
// Whatever the bytes, the call ends in Ok, the zome's Err or a typed Fault,
// and the same host serves the next call.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_target.hpp"
#include "hdk_host/fault.hpp"
#include "hdk_host/host.hpp"

#ifndef HDK_FUZZ_DEFAULT_ZOMES
#define HDK_FUZZ_DEFAULT_ZOMES ""
#endif

namespace {

struct ZomeFunction {
  std::shared_ptr<hdk_host::Zome> zome;
  std::string name;
};

std::vector<std::string> split(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    const std::size_t bar = list.find('|');
    if (bar != 0) out.emplace_back(list.substr(0, bar));
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
  return out;
}

struct Zomes {
  std::unique_ptr<hdk_host::Host> host;
  std::vector<ZomeFunction> functions;
  Zomes() {
    hdk_host::HostOptions options;
    // A loop the fuzzer finds must not stall it: far below the default budget.
    options.limits.instruction_budget = 20'000'000;
    options.limits.max_memory_pages = 1024;
    host = std::make_unique<hdk_host::Host>(hdk_host::make_engine("interp"), options);
    const char* env = std::getenv("HDK_FUZZ_ZOMES");
    for (const std::string& path : split(env && *env ? env : HDK_FUZZ_DEFAULT_ZOMES)) {
      auto zome = host->load_wasm_file(path);
      for (const std::string& fn : zome->functions()) functions.push_back({zome, fn});
    }
    if (functions.empty())
      hdk_fuzz::fail("no zome to call: set HDK_FUZZ_ZOMES to .wasm files separated by |");
  }
};

}  // namespace

// Input: one byte choosing the function; one byte saying whether the rest is
// the ExternIO bytes themselves (odd) or the argument to wrap in one (even,
// to reach the function's own decoding); then the bytes.
HDK_FUZZ_TARGET(zome_call) {
  static Zomes zomes;
  if (input.size() < 2) return;
  const ZomeFunction& target = zomes.functions[input[0] % zomes.functions.size()];
  const hdk_fuzz::Input rest = input.subspan(2);
  const std::vector<std::uint8_t> call_input =
      (input[1] & 1) ? std::vector<std::uint8_t>(rest.begin(), rest.end())
                     : hdk_host::extern_input_bytes(rest);
  hdk_host::CallContext context;
  context.zome = target.zome->name();
  context.function = target.name;
  const hdk_host::CallResult result = target.zome->call(target.name, call_input, context);
  if (!result.fault()) return;
  // An HDK zome answers bad input with Err(Deserialize); trapping, touching
  // memory it does not own or returning unreadable bytes is the HDK's bug.
  switch (result.fault()->kind()) {
    case hdk_host::FaultKind::Trap:
    case hdk_host::FaultKind::OutOfBounds:
    case hdk_host::FaultKind::BadResult:
      hdk_fuzz::fail(target.zome->name() + "." + target.name + ": " + result.describe());
    default:
      break;
  }
}
