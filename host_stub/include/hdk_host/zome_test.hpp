// The runtime a zome author's test runs on, for tests that
// hdk_add_zome_test (the hdk CMake package) builds:
//
//   TEST_CASE("alice writes, bob reads") {
//     const auto& rt = hdk_host::zome_test::runtime();   // "native", "wasi/interp", ...
//     hdk_host::Scenario scenario(rt.engine);
//     scenario.install({"my_dna", "", rt.zome("my_integrity"), {rt.zome("my_zome")}});
//     ...
//   }
//
// hdk_add_zome_test registers one ctest per runtime: natively, and each wasm
// toolchain's build of the zomes on each engine available here. Run by hand,
// the test program runs itself once per runtime (or `--hdk-runtime LABEL`
// for one; `--hdk-runtimes` lists them). The zomes' files are the ones the
// build made; the test names them by their hdk_add_zome names.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hdk_host/scenario.hpp"

namespace hdk_host::zome_test {

/// Where the build put one zome: its native library and its .wasm per toolchain.
struct ZomeBuild {
  std::string name;
  std::filesystem::path native;
  std::vector<std::pair<std::string, std::filesystem::path>> wasm;  // (toolchain, file)
};

struct Runtime {
  std::string label;      // "native", "wasi/interp", "emscripten/aot", ...
  std::string engine;     // what Scenario takes: "native" or an engine name
  std::string toolchain;  // the wasm toolchain; empty for native
  /// The zome as this runtime loads it. Natively it also names a wasm build,
  /// so a native scenario has the DNA hash of the wasm one. Throws Fault
  /// (MissingExport) for a zome the test was not given in ZOMES.
  ZomeSource zome(std::string_view name) const;
  /// A scenario on this runtime, nothing installed yet.
  std::unique_ptr<Scenario> scenario() const { return std::make_unique<Scenario>(engine); }

  std::vector<ZomeBuild> builds;
};

/// Every runtime the zomes can be tested on here: native, then each
/// toolchain × hdk_host::available_engines().
std::vector<Runtime> runtimes(const std::vector<ZomeBuild>& builds);

/// The runtime this run of the test program tests.
const Runtime& runtime();

/// The test program's main (hdk_add_zome_test supplies it): parses
/// `--hdk-runtime LABEL` / `--hdk-runtimes`, and, given neither, runs
/// `argv[0]` once per runtime. `run_tests` runs the tests with the
/// arguments left (Catch2's); `builds` is what the build made, as
/// `name|native|tc=file|tc=file;name|...` (hdk_add_zome_test writes it).
int main(int argc, char** argv, std::string_view builds, int (*run_tests)(int argc, char** argv));

/// Parses the `builds` string of main().
std::vector<ZomeBuild> parse_builds(std::string_view builds);

}  // namespace hdk_host::zome_test
