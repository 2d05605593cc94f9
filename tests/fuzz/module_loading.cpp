// What happens to a module before any of its code runs, and its first
// instance: wabt's reader and validator (read_module_info), the conductor's
// ABI rules (check_zome_abi, hdk-check's verdict), then the host's loader on
// interp and an instance running the const functions. Any bytes must end in
// a report or a typed Fault.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_target.hpp"
#include "hdk_host/abi_rules.hpp"
#include "hdk_host/fault.hpp"
#include "hdk_host/host.hpp"
#include "hdk_host/module_cache.hpp"
#include "hdk_host/module_info.hpp"

namespace {

/// What hdk-check prints: every import and export with its type, and the verdict.
std::size_t describe_like_hdk_check(const hdk_host::ModuleInfo& info,
                                    const hdk_host::AbiReport& report) {
  std::size_t text = 0;
  for (const auto& imp : info.imports)
    text += imp.module.size() + imp.name.size() + hdk_host::to_string(imp.kind).size() +
            hdk_host::describe(imp.type).size();
  for (const auto& exp : info.exports)
    text += exp.name.size() + hdk_host::to_string(exp.kind).size() +
            hdk_host::describe(exp.type).size();
  for (const auto& error : report.errors) text += error.text.size();
  return text;
}

hdk_host::Host& interp_host() {
  hdk_host::HostOptions options;
  // Small enough that a module's start function or memory cannot stall the fuzzer.
  options.limits.instruction_budget = 200'000;
  options.limits.max_memory_pages = 256;
  static hdk_host::Host host(hdk_host::make_engine("interp"), options);
  return host;
}

}  // namespace

HDK_FUZZ_TARGET(module_loading) {
  hdk_host::ModuleInfo info;
  try {
    info = hdk_host::read_module_info(input, "fuzz.wasm");
  } catch (const hdk_host::Fault& fault) {
    if (fault.kind() != hdk_host::FaultKind::InvalidModule)
      hdk_fuzz::fail("unreadable bytes gave " + std::string(to_string(fault.kind())));
    return;
  }
  const hdk_host::AbiReport report = hdk_host::check_zome_abi(info.imports, info.exports);
  (void)describe_like_hdk_check(info, report);

  std::shared_ptr<hdk_host::Zome> zome;
  try {
    zome = interp_host().load_wasm(input, "fuzz");
  } catch (const hdk_host::Fault&) {
    hdk_host::ModuleCache::global().clear();
    return;  // refused by the rules, or by the engine (a start function that traps, ...)
  }
  // Every unique module stays in the cache otherwise, and the fuzzer makes millions.
  hdk_host::ModuleCache::global().clear();
  if (!report.ok()) hdk_fuzz::fail("the host loaded a module hdk-check refuses");
  for (const char* name : {"__num_entry_types", "__num_link_types"}) {
    try {
      (void)zome->const_value(name);
    } catch (const hdk_host::Fault&) {
    }
  }
}
