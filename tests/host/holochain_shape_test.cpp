// A module shaped as the Rust hdk builds it: imports of Holochain host
// functions the stub does not implement, and the integrity zome's const
// functions. A conductor runs it; so must the stub, until such an import is
// called, which answers Err(Host) and leaves the host serving.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "hdk_host/abi_rules.hpp"
#include "hdk_host/host.hpp"
#include "hdk_host/host_fn_list.hpp"
#include "support/engines.hpp"
#include "support/paths.hpp"

namespace {

std::vector<std::uint8_t> read_module(const std::string& name) {
  std::ifstream in(hdk_test::module_path(name), std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("holochain shape: imports the stub lacks load, and answer Err(Host) when called") {
  HDK_FOR_EACH_ENGINE();
  hdk_host::Host host(engine);
  const auto zome = host.load_wasm(read_module("holochain_shaped"), "shaped");
  // The const functions are not zome functions (a conductor lists them apart).
  CHECK(zome->functions() == std::vector<std::string>{"activity"});
  for (int round = 0; round < 2; ++round) {
    const auto r = host.call(*zome, "activity", hdk::Unit{});
    INFO(r.describe());
    REQUIRE(r.wasm_error());
    const auto* host_error = std::get_if<hdk::wasm_error_inner::Host>(&r.wasm_error()->error);
    REQUIRE(host_error);
    CHECK_THAT(host_error->message, Catch::Contains("__hc__get_agent_activity_1") &&
                                        Catch::Contains("does not provide"));
  }
}

TEST_CASE("holochain shape: const functions are read as a conductor reads them") {
  HDK_FOR_EACH_ENGINE();
  hdk_host::Host host(engine);
  const auto zome = host.load_wasm(read_module("holochain_shaped"), "shaped");
  CHECK(zome->const_value("__num_entry_types") == std::optional<std::int32_t>(3));
  CHECK(zome->const_value("__num_link_types") == std::optional<std::int32_t>(2));
  // Absent, or not () -> i32: not a const function (the conductor reads 0).
  CHECK_FALSE(zome->const_value("__num_nothing"));
  CHECK_FALSE(zome->const_value("activity"));

  // The engine refuses a const call of the wrong export or type.
  auto module = engine->compile(read_module("holochain_shaped"), "shaped");
  std::vector<hdk_host::HostFunction> fns(
      module->imports().size(),
      [](hdk_host::Instance&, std::uint32_t, std::uint32_t) { return std::uint64_t{0}; });
  auto instance = module->instantiate(fns, hdk_host::Limits{});
  CHECK(instance->call_const_i32("__num_link_types") == 2u);
  try {
    instance->call_const_i32("activity");
    FAIL("called (i32, i32) -> i64 as () -> i32");
  } catch (const hdk_host::Fault& f) {
    CHECK(f.kind() == hdk_host::FaultKind::BadSignature);
  }
  try {
    instance->call_const_i32("__num_nothing");
    FAIL("called a missing export");
  } catch (const hdk_host::Fault& f) {
    CHECK(f.kind() == hdk_host::FaultKind::MissingExport);
  }
}

TEST_CASE("holochain shape: the ABI rules know Holochain 0.5.6's host functions") {
  using hdk_host::ExternKind;
  using hdk_host::ValType;
  const hdk_host::FuncType host_fn{{ValType::I32, ValType::I32}, {ValType::I64}};
  // Every host function the HDK declares is one a conductor provides: a typo
  // in hdk/host_fns.def would build a zome no conductor can link.
  for (const auto& info : hdk_host::kHostFunctions) {
    CAPTURE(info.import_name);
    CHECK(hdk_host::is_holochain_host_fn(info.import_name));
  }
  const std::vector<hdk_host::ExportDesc> exports = {
      {"memory", ExternKind::Memory, {}},
      {"__hc__allocate_1", ExternKind::Func, {{ValType::I32}, {ValType::I32}}},
      {"__hc__deallocate_1", ExternKind::Func, {{ValType::I32, ValType::I32}, {}}},
      {"__num_link_types", ExternKind::Func, {{}, {ValType::I32}}}};
  const auto report =
      hdk_host::check_zome_abi({{"env", "__hc__trace_1", ExternKind::Func, host_fn},
                                {"env", "__hc__close_chain_1", ExternKind::Func, host_fn},
                                {"env", "__hc__teleport_1", ExternKind::Func, host_fn}},
                               exports);
  REQUIRE(report.errors.size() == 1);
  CHECK_THAT(report.errors[0], Catch::Contains("__hc__teleport_1"));
  CHECK(report.unprovided_host_functions == std::vector<std::string>{"__hc__close_chain_1"});
  CHECK(report.const_functions == std::vector<std::string>{"__num_link_types"});
  CHECK(report.zome_functions.empty());
}
