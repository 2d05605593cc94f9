// An import reached through call_indirect must reach the same host function.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "support/engines.hpp"
#include "support/paths.hpp"

TEST_CASE("engines: an imported host function called through the table") {
  HDK_FOR_EACH_ENGINE();
  std::ifstream in(hdk_test::module_path("import_in_table"), std::ios::binary);
  REQUIRE(in);
  const std::vector<std::uint8_t> wasm((std::istreambuf_iterator<char>(in)), {});
  auto module = engine->compile(wasm, "import_in_table");
  std::uint32_t seen_ptr = 0;
  std::uint32_t seen_len = 0;
  std::vector<hdk_host::HostFunction> fns = {
      [&](hdk_host::Instance&, std::uint32_t ptr, std::uint32_t len) -> std::uint64_t {
        seen_ptr = ptr;
        seen_len = len;
        return 0x1122334455667788ull;
      }};
  auto instance = module->instantiate(fns, hdk_host::Limits{});
  CHECK(instance->call_i64("via_table", 77, 5) == 0x1122334455667788ull);
  CHECK(seen_ptr == 77);
  CHECK(seen_len == 5);
}
