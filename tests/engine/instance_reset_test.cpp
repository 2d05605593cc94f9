// A fresh instance per call is Holochain's rule: a global, a data segment,
// zeroed memory or a grown page written by one instance must not be seen by
// the next, whatever an engine recycles between them (malloc hands the same
// blocks back; a pool of memories would too).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <span>
#include <thread>

#include <catch2/catch.hpp>

#include "engine_test_support.hpp"
#include "hdk_host/engine.hpp"
#include "support/engines.hpp"

TEST_CASE("instances: nothing one instance wrote is seen by the next on every engine") {
  HDK_FOR_EACH_ENGINE();
  const auto module = hdk_test::compile_module(*engine, "stateful");
  // The data segment's 42, nothing else: the sum of a fresh memory's bytes.
  constexpr std::uint32_t kFreshChecksum = 42;
  // More instances than a pool keeps, with pauses that let recycled memory
  // come back between them.
  for (int round = 0; round < 12; ++round) {
    CAPTURE(round);
    auto instance = module->instantiate(nullptr, hdk_host::Limits{});
    CHECK(instance->call_i32("checksum", 0) == kFreshChecksum);
    CHECK(instance->memory().size() == 2 * 65536u);
    if (round % 2 == 0) {
      // calls 0, data word 42, zeroed word 0, no page grown yet.
      CHECK(instance->call_i64("visit", 0, 0) == 42u);
      // Within one instance the traces are there: 1 call, 7 + 1000 + 1 page.
      CHECK(instance->call_i64("visit", 0, 0) == ((1ull << 32) | 1008u));
      CHECK(instance->memory().size() == 4 * 65536u);
    } else {
      // Memory that keeps its size is what a pool can hand out again.
      CHECK(instance->call_i64("scribble", 0, 0) == 1u);
      CHECK(instance->call_i64("scribble", 0, 0) == 2u);
      // 7 and 1000 (0x03e8) as little-endian words.
      CHECK(instance->call_i32("checksum", 0) == 7 + 0xe8 + 0x03);
    }
    instance.reset();
    if (round % 3 == 2) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

// The same through the engine's own writes only: memory() counts all of
// memory as written by the host, so the loop above restores everything on
// engines that restore instances from a snapshot (aot, tcc). Here nothing
// but the guest's stores, bulk copies and growth, and the host's
// memory_to_write(), touches memory, so only what those mark is copied back.
TEST_CASE("instances: a snapshot's restore undoes every store, bulk copy, growth and host write") {
  HDK_FOR_EACH_ENGINE();
  const auto module = hdk_test::compile_module(*engine, "stateful");
  constexpr std::uint32_t kFreshChecksum = 42;
  constexpr std::uint32_t kPage = 65536;
  for (int round = 0; round < 40; ++round) {
    CAPTURE(round);
    auto instance = module->instantiate(nullptr, hdk_host::Limits{});
    REQUIRE(instance->memory_to_read().size() == 2 * kPage);
    CHECK(instance->call_i32("checksum", 0) == kFreshChecksum);
    switch (round % 4) {
      case 0:  // a global, the data segment, a zeroed word, a grown page
        CHECK(instance->call_i64("visit", 0, 0) == 42u);
        CHECK(instance->call_i64("visit", 0, 0) == ((1ull << 32) | 1008u));
        CHECK(instance->memory_to_read().size() == 4 * kPage);
        break;
      case 1:  // stores across block boundaries and at the end, fill and copy
        instance->call_i64("edges", 0, 0);
        CHECK(instance->call_i32("checksum", 0) != kFreshChecksum);
        break;
      case 2: {  // growth: the new pages are zero, even where another instance wrote
        CHECK(instance->call_i64("grow_sum", 0, 0) == 0u);
        CHECK(instance->call_i64("grow_sum", 0, 0) == 0u);
        CHECK(instance->memory_to_read().size() == 4 * kPage);
        CHECK(instance->call_i32("checksum", 2 * kPage) == 2 * 9u);
        break;
      }
      case 3: {  // the host writes a region of its own
        const std::span<std::uint8_t> region = instance->memory_to_write(kPage - 3, 6);
        REQUIRE(region.size() == 6);
        std::fill(region.begin(), region.end(), std::uint8_t{1});
        CHECK(instance->call_i32("checksum", 0) == kFreshChecksum + 6);
        CHECK(instance->memory_to_write(2 * kPage - 2, 3).empty());  // past the end
        break;
      }
    }
  }
}

TEST_CASE("instances: memory grows after a restore, up to each instance's own limit") {
  HDK_FOR_EACH_ENGINE();
  const auto module = hdk_test::compile_module(*engine, "stateful");
  hdk_host::Limits small;
  small.max_memory_pages = 3;
  for (int round = 0; round < 6; ++round) {
    CAPTURE(round);
    // Alternating limits on instances of the same module (and snapshot).
    auto instance = module->instantiate(nullptr, round % 2 ? small : hdk_host::Limits{});
    CHECK(instance->call_i64("grow_sum", 0, 0) == 0u);
    const std::uint64_t second = instance->call_i64("grow_sum", 0, 0);
    if (round % 2) {
      CHECK(second == ~0ull);  // memory.grow returned -1
      CHECK(instance->memory_to_read().size() == 3 * 65536u);
    } else {
      CHECK(second == 0u);
      CHECK(instance->memory_to_read().size() == 4 * 65536u);
    }
  }
  // Under the module's initial size: refused as without a snapshot.
  hdk_host::Limits tiny;
  tiny.max_memory_pages = 1;
  const auto fault = hdk_test::fault_of([&] { module->instantiate(nullptr, tiny); });
  REQUIRE(fault);
  CHECK(fault->kind() == hdk_host::FaultKind::MemoryLimit);
}

TEST_CASE("instances: the guest allocator's set-up is done once, its state never shared") {
  HDK_FOR_EACH_ENGINE();
  const auto module = hdk_test::compile_module(*engine, "allocator_setup");
  const bool from_snapshot = engine_name == "aot" || engine_name == "tcc";
  std::map<std::uint64_t, std::uint32_t> first_pointer;  // by the state an instance starts in
  for (int round = 0; round < 8; ++round) {
    CAPTURE(round);
    auto instance = module->instantiate(nullptr, hdk_host::Limits{});
    // aot and tcc take their snapshot after one allocation: the set-up is in
    // it. (tiered is on either kind of engine, depending on its tier.)
    const std::uint64_t before = instance->call_i64("state", 0, 0);
    if (from_snapshot) CHECK(before == ((1ull << 32) | 2u));
    CHECK((before == 1u || before == ((1ull << 32) | 2u)));
    const std::uint32_t ptr = instance->call_i32("__hc__allocate_1", 100);
    CHECK(ptr != 0);
    // No instance sees another's allocations.
    CHECK(first_pointer.emplace(before, ptr).first->second == ptr);
    CHECK(instance->call_i32("__hc__allocate_1", 100) == ptr + 100);
    CHECK(instance->call_i64("state", 0, 0) == ((1ull << 32) | 2u));
  }
}
