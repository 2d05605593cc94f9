// A module shaped as the Rust hdk builds it: it imports every host function
// of Holochain 0.7.0, most of which the stub does not implement, and exports
// the integrity zome's const functions. A conductor runs it; so must the
// stub, until such an import is called, which answers Err(Host) and leaves
// the host serving. A module importing a name 0.7.0 does not link is refused.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string_view>
#include <utility>

#include "hdk_host/abi_rules.hpp"
#include "hdk_host/host.hpp"
#include "hdk_host/host_fn_list.hpp"
#include "hdk_host/module_info.hpp"
#include "support/engines.hpp"
#include "support/paths.hpp"

namespace {

std::vector<std::uint8_t> read_module(const std::string& name) {
  std::ifstream in(hdk_test::module_path(name), std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("holochain shape: the whole 0.7.0 table loads; what the stub lacks answers Err(Host)") {
  HDK_FOR_EACH_ENGINE();
  hdk_host::Host host(engine);
  const auto zome = host.load_wasm(read_module("holochain_shaped"), "shaped");
  // The const functions are not zome functions (a conductor lists them apart).
  CHECK(zome->functions() == std::vector<std::string>{"receipts"});
  hdk::GetValidationReceiptsInput input;
  input.action_hash.bytes[0] = 0x84, input.action_hash.bytes[1] = 0x29;
  input.action_hash.bytes[2] = 0x24;
  for (int round = 0; round < 2; ++round) {
    // `receipts` hands its input (an ExternIO) to get_validation_receipts as
    // is: give it a GetValidationReceiptsInput's bytes to hand on.
    hdk_host::CallContext context;
    const auto r = zome->call("receipts", hdk::encode_to_vector(input), context);
    INFO(r.describe());
    REQUIRE(r.wasm_error());
    const auto* host_error = std::get_if<hdk::wasm_error_inner::Host>(&r.wasm_error()->error);
    REQUIRE(host_error);
    CHECK_THAT(host_error->message, Catch::Contains("__hc__get_validation_receipts_1") &&
                                        Catch::Contains("Holochain 0.7.0") &&
                                        Catch::Contains("does not provide"));
  }
}

TEST_CASE("holochain shape: a module importing what 0.7.0 does not link is refused at load") {
  HDK_FOR_EACH_ENGINE();
  hdk_host::Host host(engine);
  const std::pair<const char*, const char*> cases[] = {
      {"import_removed_hash",
       "env.__hc__hash_1, which Holochain 0.7.0 does not provide (removed in 0.6"},
      {"import_renamed_link_details",
       "env.__hc__get_link_details_1, which Holochain 0.7.0 does not provide (renamed "
       "__hc__get_links_details_1"}};
  for (const auto& [module, message] : cases) {
    CAPTURE(module);
    try {
      (void)host.load_wasm(read_module(module), module);
      FAIL("loaded a module a conductor refuses");
    } catch (const hdk_host::Fault& f) {
      CHECK(f.kind() == hdk_host::FaultKind::UnknownImport);
      CHECK_THAT(f.what(), Catch::Contains(message));
    }
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
  CHECK_FALSE(zome->const_value("receipts"));

  // The engine refuses a const call of the wrong export or type.
  auto module = engine->compile(read_module("holochain_shaped"), "shaped");
  std::vector<hdk_host::HostFunction> fns(
      module->imports().size(),
      [](hdk_host::Instance&, std::uint32_t, std::uint32_t) { return std::uint64_t{0}; });
  auto instance = module->instantiate(fns, hdk_host::Limits{});
  CHECK(instance->call_const_i32("__num_link_types") == 2u);
  try {
    instance->call_const_i32("receipts");
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

TEST_CASE("holochain shape: the ABI rules know Holochain 0.7.0's host functions") {
  using hdk_host::ExternKind;
  using hdk_host::ValType;
  const hdk_host::FuncType host_fn{{ValType::I32, ValType::I32}, {ValType::I64}};
  // The release links 52 host functions (its ribosome's import table
  // without the unstable features), each listed once, none also listed absent.
  CHECK(hdk_host::kHostFunctions.size() == 52);
  std::set<std::string_view> names;
  for (const auto& info : hdk_host::kHostFunctions) {
    CAPTURE(info.import_name);
    CHECK(names.insert(info.import_name).second);
    CHECK(info.import_name.rfind("__hc__", 0) == 0);
    CHECK_FALSE(hdk_host::find_absent_host_fn(info.import_name));
  }
  for (const char* gone :
       {"__hc__hash_1", "__hc__version_1", "__hc__get_link_details_1", "__hc__block_agent_1",
        "__hc__unblock_agent_1", "__hc__is_same_agent_1", "__hc__get_agent_key_lineage_1",
        "__hc__sleep_1", "__hc__accept_countersigning_preflight_request_1"}) {
    CAPTURE(gone);
    CHECK_FALSE(hdk_host::find_host_fn(gone));
    CHECK(hdk_host::find_absent_host_fn(gone));
  }
  for (const char* added : {"__hc__get_links_details_1", "__hc__get_init_properties_1",
                            "__hc__schedule_1", "__hc__dna_info_1", "__hc__dna_info_2"})
    CHECK(hdk_host::find_host_fn(added));
  const std::vector<hdk_host::ExportDesc> exports = {
      {"memory", ExternKind::Memory, {}},
      {"__hc__allocate_1", ExternKind::Func, {{ValType::I32}, {ValType::I32}}},
      {"__hc__deallocate_1", ExternKind::Func, {{ValType::I32, ValType::I32}, {}}},
      {"__num_link_types", ExternKind::Func, {{}, {ValType::I32}}}};
  const auto report =
      hdk_host::check_zome_abi({{"env", "__hc__trace_1", ExternKind::Func, host_fn},
                                {"env", "__hc__close_chain_1", ExternKind::Func, host_fn},
                                {"env", "__hc__teleport_1", ExternKind::Func, host_fn},
                                {"env", "__hc__version_1", ExternKind::Func, host_fn}},
                               exports);
  REQUIRE(report.errors.size() == 2);
  CHECK_THAT(report.errors[0].text, Catch::Contains("__hc__teleport_1") &&
                                        Catch::Contains("not a Holochain 0.7.0 host function"));
  CHECK_THAT(report.errors[1].text,
             Catch::Contains("__hc__version_1") &&
                 Catch::Contains("Holochain 0.7.0 does not provide (removed in 0.6)"));
  CHECK(report.errors[0].kind == hdk_host::FaultKind::UnknownImport);
  CHECK(report.errors[1].kind == hdk_host::FaultKind::UnknownImport);
  CHECK(report.unprovided_host_functions == std::vector<std::string>{"__hc__close_chain_1"});
  CHECK(report.const_functions == std::vector<std::string>{"__num_link_types"});
  CHECK(report.zome_functions.empty());
}

TEST_CASE("holochain shape: no zome this build makes imports a name 0.7.0 does not link") {
  std::size_t checked = 0;
  for (const auto& [toolchain, dir] : hdk_test::zome_dirs()) {
    for (const auto& file : std::filesystem::directory_iterator(dir)) {
      if (file.path().extension() != ".wasm") continue;
      CAPTURE(toolchain, file.path().filename().string());
      std::ifstream in(file.path(), std::ios::binary);
      const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
      const auto info = hdk_host::read_module_info(bytes, file.path().string());
      for (const auto& imp : info.imports) {
        CAPTURE(imp.name);
        CHECK(imp.module == "env");
        CHECK(hdk_host::find_host_fn(imp.name));
        CHECK(imp.name != "__hc__hash_1");
      }
      ++checked;
    }
  }
  // Every zome of every toolchain built (examples and test zomes).
  if (!hdk_test::zome_dirs().empty()) CHECK(checked >= 8 * hdk_test::zome_dirs().size());
}
