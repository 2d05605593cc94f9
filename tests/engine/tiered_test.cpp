// Tier-up: calls are served on interp while aot compiles, then on aot.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include "hdk_host/host.hpp"
#include "hdk_host/tiered.hpp"
#include "support/paths.hpp"

TEST_CASE("tiered: no call waits for the compiler, and calls move to aot when it is ready") {
  const auto cache =
      std::filesystem::temp_directory_path() / ("hdk-tiered-" + std::to_string(::getpid()));
  std::filesystem::remove_all(cache);
  hdk_host::AotOptions options;
  options.cache_dir = cache.string();
  std::shared_ptr<hdk_host::Engine> engine;
  try {
    engine = hdk_host::make_tiered_engine(options);
  } catch (const hdk_host::Fault& f) {
    WARN("tiered engine unavailable here: " << f.what());
    return;
  }
  const auto path = hdk_test::zome_path("wasi", "hello");
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  const std::vector<std::uint8_t> wasm((std::istreambuf_iterator<char>(in)), {});
  auto module = std::dynamic_pointer_cast<hdk_host::TieredModule>(engine->compile(wasm, "hello"));
  REQUIRE(module);
  // A cold aot compile of this zome takes seconds; interp answers at once.
  CHECK(module->current_tier() == "interp");

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
  std::filesystem::remove_all(cache);
}
