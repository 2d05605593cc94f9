// The compute example: the same kernel inside the zome on every runtime and
// compiled natively gives the same answer.
#include <catch2/catch.hpp>

#include "../../examples/compute/kernel.hpp"
#include "support/zomes.hpp"

namespace {
struct SortJob {
  std::uint32_t count = 0;
  std::uint64_t seed = 0;
  HDK_STRUCT(count, seed);
};
}  // namespace

TEST_CASE("compute: sort_and_hash agrees with the native kernel on every runtime") {
  for (const auto& z : hdk_test::load_everywhere("compute")) {
    for (std::uint32_t count : {0u, 1u, 1000u, 20000u}) {
      DYNAMIC_SECTION(z.label << " " << count) {
        const auto r = hdk_test::call(*z.zome, "sort_and_hash", SortJob{count, 42});
        INFO(r.describe());
        REQUIRE(r.ok());
        CHECK(r.value<std::uint64_t>() == compute::sort_and_hash(count, 42));
      }
    }
    const auto too_many = hdk_test::call(*z.zome, "sort_and_hash", SortJob{17u << 20, 1});
    REQUIRE(too_many.wasm_error());
    CHECK(too_many.wasm_error()->message() == "at most 16M records");
  }
}
