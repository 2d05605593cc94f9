// aot compiles a large module's C in parts, in parallel (aot/c_translation.hpp,
// split_module_c). $HDK_AOT_SPLIT_BYTES lowers the size from which it does,
// so these small modules go through the same path as a 10 MB one.
#include <cstdlib>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include <unistd.h>

#include "engine_test_support.hpp"
#include "hdk_host/engine.hpp"
#include "hdk_host/host.hpp"

namespace {

namespace fs = std::filesystem;

struct SplitEverything {
  fs::path cache = fs::temp_directory_path() / ("hdk-aot-split-" + std::to_string(::getpid()));
  SplitEverything() {
    fs::remove_all(cache);
    setenv("HDK_AOT_SPLIT_BYTES", "1", 1);
  }
  ~SplitEverything() {
    unsetenv("HDK_AOT_SPLIT_BYTES");
    fs::remove_all(cache);
  }
  std::shared_ptr<hdk_host::Engine> engine() const {
    hdk_host::AotOptions options;
    options.cache_dir = cache.string();
    return hdk_host::make_aot_engine(options);
  }
};

struct SortJob {
  std::uint32_t count = 0;
  std::uint64_t seed = 0;
  HDK_STRUCT(count, seed);
};

}  // namespace

TEST_CASE("aot: a module compiled in parts behaves as one compiled whole", "[engine][aot]") {
  const SplitEverything split;
  auto engine = split.engine();
  const auto module = engine->compile(hdk_test::module_bytes("aot_guest"), "aot_guest");
  std::vector<hdk_host::HostFunction> host{
      [](hdk_host::Instance&, std::uint32_t, std::uint32_t) { return std::uint64_t{41}; }};
  auto instance = module->instantiate(host, hdk_host::Limits{});
  CHECK(instance->call_i64("add", 40, 2) == 42);
  CHECK(instance->call_i64("fib", 20, 0) == 6765);
  CHECK(instance->call_i64("call_host", 0, 0) == 42);
  const auto trap = hdk_test::fault_of([&] { instance->call_i64("trap", 0, 0); });
  REQUIRE(trap);
  CHECK(trap->kind() == hdk_host::FaultKind::Trap);
}

TEST_CASE("aot: a zome compiled in parts gives the interpreter's answers", "[engine][aot]") {
  const SplitEverything split;
  const auto path = hdk_test::zome_path("wasi", "compute");
  hdk_host::Host parts(split.engine());
  hdk_host::Host reference(hdk_host::make_interp_engine());
  const SortJob input{2000, 7};
  const auto ours = parts.call(*parts.load_wasm_file(path), "sort_and_hash", input);
  const auto theirs = reference.call(*reference.load_wasm_file(path), "sort_and_hash", input);
  REQUIRE(ours.ok());
  REQUIRE(theirs.ok());
  CHECK(ours.raw() == theirs.raw());
}
