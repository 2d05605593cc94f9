// The tcc engine's own behaviour: code compiled into memory, the C kept on
// disk and the code shared in memory, recovery from a damaged cache file, the
// builtins its prelude supplies, deadlines and threads through the same glue
// as aot. (The engine contract itself is tested for every engine elsewhere.)
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "engine_test_support.hpp"
#include "hdk_host/engine.hpp"

using Catch::Matchers::Contains;
using hdk_host::AotOptions;
using hdk_host::Engine;
using hdk_host::FaultKind;
using hdk_host::HostFunction;
using hdk_host::Instance;
using hdk_host::Limits;
using hdk_test::fault_of;

namespace fs = std::filesystem;

namespace {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "hdk-tcc-test-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// The tcc engine over `cache`, or null (with a warning) where this build has none.
std::unique_ptr<Engine> tcc_engine(const TempDir& cache) {
  AotOptions options;
  options.cache_dir = cache.path().string();
  try {
    return hdk_host::make_tcc_engine(options);
  } catch (const hdk_host::Fault& fault) {
    REQUIRE(fault.kind() == FaultKind::EngineUnavailable);
    WARN("tcc engine unavailable here: " << fault.what());
    return nullptr;
  }
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  if (fs::exists(dir))
    for (const auto& entry : fs::directory_iterator(dir)) out.push_back(entry.path());
  return out;
}

std::vector<HostFunction> host_answering(std::uint64_t answer) {
  return {[answer](Instance&, std::uint32_t, std::uint32_t) { return answer; }};
}

}  // namespace

TEST_CASE("tcc: code is compiled in memory; only the C is cached on disk", "[engine][tcc]") {
  TempDir cache;
  auto engine = tcc_engine(cache);
  if (!engine) return;
  const auto bytes = hdk_test::module_bytes("aot_guest");
  const auto module = engine->compile(bytes, "aot_guest");
  CHECK(module->origin() == "compiled");
  CHECK(engine->compile(bytes, "aot_guest") == module);
  CHECK(module->instantiate(host_answering(41), Limits{})->call_i64("call_host", 0, 0) == 42);

  const auto files = files_in(cache.path() / "tcc");
  REQUIRE(files.size() == 1);
  CHECK(files[0].extension() == ".c");
  CHECK(files_in(cache.path() / "aot").empty());
}

TEST_CASE("tcc: another engine shares the code in memory, or compiles the cached C",
          "[engine][tcc]") {
  TempDir cache;
  const auto bytes = hdk_test::module_bytes("aot_guest");
  auto first_engine = tcc_engine(cache);
  if (!first_engine) return;
  auto first = first_engine->compile(bytes, "aot_guest");

  // While a module of this process holds the code, another engine gets it as it is.
  auto shared = tcc_engine(cache)->compile(bytes, "aot_guest");
  CHECK(shared->origin() == "memory cache");
  CHECK(shared->instantiate(host_answering(1), Limits{})->call_i64("add", 2, 3) == 5);

  // Once none does, the C on disk is compiled again without translating the wasm.
  first.reset();
  first_engine.reset();
  const std::weak_ptr<hdk_host::Module> gone = shared;
  shared.reset();
  REQUIRE(gone.expired());
  const auto reloaded = tcc_engine(cache)->compile(bytes, "aot_guest");
  CHECK(reloaded->origin() == "compiled (C from the file cache)");
  CHECK(reloaded->instantiate(host_answering(1), Limits{})->call_i64("fib", 20, 0) == 6765);
}

TEST_CASE("tcc: a damaged C file is detected and the module translated again", "[engine][tcc]") {
  TempDir cache;
  const auto bytes = hdk_test::module_bytes("aot_guest");
  fs::path source;
  {
    auto engine = tcc_engine(cache);
    if (!engine) return;
    engine->compile(bytes, "aot_guest");
    const auto files = files_in(cache.path() / "tcc");
    REQUIRE(files.size() == 1);
    source = files[0];
  }
  std::fstream file(source, std::ios::in | std::ios::out | std::ios::binary);
  file.seekp(static_cast<std::streamoff>(fs::file_size(source) / 2));
  file.put('#');
  file.close();

  const auto module = tcc_engine(cache)->compile(bytes, "aot_guest");
  CHECK(module->origin() == "compiled");
  CHECK(module->instantiate(host_answering(0), Limits{})->call_i64("add", 1, 2) == 3);
}

TEST_CASE("tcc: bit counting matches C++'s on edge values", "[engine][tcc]") {
  TempDir cache;
  auto engine = tcc_engine(cache);
  if (!engine) return;
  auto instance = engine->compile(hdk_test::module_bytes("bits"), "bits")->instantiate(nullptr, {});
  const std::uint32_t values[] = {0u, 1u, 2u, 0x80000000u, 0xffffffffu, 0x00f000f0u, 12345678u};
  for (std::uint32_t hi : values) {
    for (std::uint32_t lo : values) {
      CAPTURE(hi, lo);
      const std::uint64_t wide = (std::uint64_t{hi} << 32) | lo;
      CHECK(instance->call_i64("clz32", hi, lo) == std::uint64_t(std::countl_zero(hi)));
      CHECK(instance->call_i64("ctz32", hi, lo) == std::uint64_t(std::countr_zero(hi)));
      CHECK(instance->call_i64("popcnt32", hi, lo) == std::uint64_t(std::popcount(hi)));
      CHECK(instance->call_i64("clz64", hi, lo) == std::uint64_t(std::countl_zero(wide)));
      CHECK(instance->call_i64("ctz64", hi, lo) == std::uint64_t(std::countr_zero(wide)));
      CHECK(instance->call_i64("popcnt64", hi, lo) == std::uint64_t(std::popcount(wide)));
    }
  }
}

TEST_CASE("tcc: a deadline stops an endless loop and runaway recursion", "[engine][tcc]") {
  TempDir cache;
  auto engine = tcc_engine(cache);
  if (!engine) return;
  const auto module = engine->compile(hdk_test::module_bytes("aot_guest"), "aot_guest");
  Limits limits;
  limits.deadline = std::chrono::milliseconds(50);
  for (const char* runaway : {"spin", "fib"}) {
    CAPTURE(runaway);
    auto instance = module->instantiate(host_answering(0), limits);
    const auto fault = fault_of([&] { instance->call_i64(runaway, 90, 0); });
    REQUIRE(fault);
    CHECK(fault->kind() == FaultKind::DeadlineExceeded);
    CHECK_THAT(fault->what(), Contains(runaway) && Contains("aot_guest"));
  }
  CHECK(module->instantiate(host_answering(0), Limits{})->call_i64("fib", 20, 0) == 6765);
}

TEST_CASE("tcc: instances trap and run on several threads at once", "[engine][tcc]") {
  TempDir cache;
  auto engine = tcc_engine(cache);
  if (!engine) return;
  const auto module = engine->compile(hdk_test::module_bytes("aot_guest"), "aot_guest");
  constexpr int kThreads = 3;
  constexpr int kRounds = 200;
  std::vector<int> correct(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto instance = module->instantiate(host_answering(t), Limits{});
      for (int i = 0; i < kRounds; ++i) {
        const auto fault = fault_of([&] { instance->call_i64("trap", 0, 0); });
        const bool trapped = fault && fault->kind() == FaultKind::Trap;
        const bool added = instance->call_i64("add", t, i) == std::uint64_t(t + i);
        const bool called = instance->call_i64("call_host", 0, 0) == std::uint64_t(t + 1);
        if (trapped && added && called) ++correct[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) CHECK(correct[t] == kRounds);
}
