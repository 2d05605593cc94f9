// A fresh instance per call is Holochain's rule: a global, a data segment,
// zeroed memory or a grown page written by one instance must not be seen by
// the next, whatever an engine recycles between them (malloc hands the same
// blocks back; a pool of memories would too).
#include <chrono>
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
