// Tier-up: calls are served at once on the first tier (tcc, or interp
// without it) while aot compiles, then on aot; nothing waits for the compiler.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <unistd.h>

#include "hdk_host/host.hpp"
#include "hdk_host/tiered.hpp"
#include "support/paths.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Cache {
  fs::path dir = fs::temp_directory_path() / ("hdk-tiered-" + std::to_string(::getpid()));
  Cache() { fs::remove_all(dir); }
  ~Cache() { fs::remove_all(dir); }
  hdk_host::AotOptions options() const {
    hdk_host::AotOptions options;
    options.cache_dir = dir.string();
    return options;
  }
};

std::vector<std::uint8_t> hello_wasm() {
  std::ifstream in(hdk_test::zome_path("wasi", "hello"), std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), {}};
}

bool is_first_tier(std::string_view tier) { return tier == "tcc" || tier == "interp"; }

}  // namespace

TEST_CASE("tiered: no call waits for the compiler, and calls move to aot when it is ready") {
  Cache cache;
  std::shared_ptr<hdk_host::Engine> engine = hdk_host::make_tiered_engine(cache.options());
  const auto wasm = hello_wasm();
  auto module = std::dynamic_pointer_cast<hdk_host::TieredModule>(engine->compile(wasm, "hello"));
  REQUIRE(module);
  // A cold aot compile of this zome takes seconds; the first tier answers at once.
  CHECK(is_first_tier(module->current_tier()));

  hdk_host::Host host(engine);
  auto zome = host.load_wasm(wasm, "hello");
  hdk_host::CallContext context;
  const auto before = zome->call("hello", hdk_host::extern_input(hdk::Unit{}), context);
  REQUIRE(before.ok());

  REQUIRE(module->wait_for_aot(std::chrono::minutes(5)));
  CHECK(module->current_tier() == "aot");
  const auto after = zome->call("hello", hdk_host::extern_input(hdk::Unit{}), context);
  REQUIRE(after.ok());
  CHECK(after.raw() == before.raw());

  // With aot's object in the file cache, a new engine starts on aot.
  auto again = std::dynamic_pointer_cast<hdk_host::TieredModule>(
      hdk_host::make_tiered_engine(cache.options())->compile(wasm, "hello"));
  REQUIRE(again);
  CHECK(again->current_tier() == "aot");
  CHECK(again->origin() == "file cache");
}

TEST_CASE("tiered: dropping a module or the engine does not wait for a compile in progress") {
  Cache cache;
  auto engine = hdk_host::make_tiered_engine(cache.options());
  const auto wasm = hello_wasm();
  auto module = std::dynamic_pointer_cast<hdk_host::TieredModule>(engine->compile(wasm, "hello"));
  REQUIRE(module);
  auto kept = std::dynamic_pointer_cast<hdk_host::TieredModule>(engine->compile(wasm, "hello"));
  REQUIRE(kept);
  if (module->wait_for_aot(std::chrono::milliseconds(0))) {
    WARN("aot finished before the module was dropped: nothing to test here");
    return;
  }
  // Generous bounds: a cold aot compile of hello takes seconds, a drop that
  // waited for it would too.
  auto start = Clock::now();
  module.reset();
  CHECK(Clock::now() - start < std::chrono::milliseconds(500));

  start = Clock::now();
  engine.reset();  // stops the background compile (kills the compiler)
  CHECK(Clock::now() - start < std::chrono::seconds(2));

  // A module of a dropped engine keeps serving on its first tier.
  CHECK_FALSE(kept->wait_for_aot(std::chrono::seconds(1)));
  CHECK(is_first_tier(kept->current_tier()));
  auto instance = kept->instantiate(
      std::vector<hdk_host::HostFunction>(
          kept->imports().size(),
          [](hdk_host::Instance&, std::uint32_t, std::uint32_t) { return std::uint64_t{0}; }),
      hdk_host::Limits{});
  CHECK_FALSE(instance->memory().empty());
  // Nothing half-built was published.
  if (fs::exists(cache.dir / "aot"))
    for (const auto& entry : fs::directory_iterator(cache.dir / "aot"))
      CHECK(entry.path().extension() != ".so");
}

// A module of 2 MiB or more starts on the interpreter and moves to tcc, which
// translates and compiles inside this process, where no compiler process can
// be killed: dropping the engine must not wait for that compile either.
TEST_CASE("tiered: dropping the engine does not wait for an in-process tcc compile") {
  Cache cache;
  auto engine = hdk_host::make_tiered_engine(cache.options());
  std::ifstream in(hdk_test::module_path("large_generated"), std::ios::binary);
  REQUIRE(in);
  const std::vector<std::uint8_t> wasm{std::istreambuf_iterator<char>(in), {}};
  REQUIRE(wasm.size() >= (2u << 20));
  {
    INFO("a large module starts on the interpreter and moves to tcc");
    auto live_engine = hdk_host::make_tiered_engine(cache.options());
    auto kept = std::dynamic_pointer_cast<hdk_host::TieredModule>(
        live_engine->compile(wasm, "large_generated"));
    REQUIRE(kept);
    if (kept->current_tier() == "interp") {
      CHECK(kept->wait_for_tier("tcc", std::chrono::minutes(2)));
    }
  }
  auto module =
      std::dynamic_pointer_cast<hdk_host::TieredModule>(engine->compile(wasm, "large_generated"));
  REQUIRE(module);
  if (module->current_tier() != "interp") {
    WARN("no tcc here, or it finished before the drop (tier " << module->current_tier()
                                                              << "): nothing to test");
    return;
  }
  // Let the background thread take the tcc job (it takes over a second), so
  // that the drop meets a compile in flight rather than a queued one.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  if (module->current_tier() != "interp") {
    WARN("tcc finished within 300 ms: nothing to test here");
    return;
  }
  const auto start = Clock::now();
  engine.reset();
  CHECK(Clock::now() - start < std::chrono::milliseconds(250));

  // The aot compile queued behind tcc's never starts. The tcc compile in
  // flight finishes for the modules that outlive the engine, and serves them
  // (unless the machine was too busy for the thread to take it before the drop).
  CHECK_FALSE(module->wait_for_aot(std::chrono::milliseconds(0)));
  if (!module->wait_for_tier("tcc", std::chrono::minutes(2))) {
    WARN("the tcc job had not started when the engine was dropped");
    CHECK(module->current_tier() == "interp");
  } else {
    CHECK(module->current_tier() == "tcc");
  }
  auto instance = module->instantiate(
      std::vector<hdk_host::HostFunction>(
          module->imports().size(),
          [](hdk_host::Instance&, std::uint32_t, std::uint32_t) { return std::uint64_t{0}; }),
      hdk_host::Limits{});
  CHECK_FALSE(instance->memory().empty());
}
