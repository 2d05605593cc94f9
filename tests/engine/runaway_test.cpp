// Runaway guests end in bounded wall-clock time on every engine: a tight
// loop, a loop with a long body and unbounded recursion each stop well
// within a few seconds of a 2 s deadline, with their typed Fault, and the
// engine then runs the next call as usual.
#include <chrono>
#include <cstdint>
#include <string>

#include <catch2/catch.hpp>

#include "engine_test_support.hpp"
#include "hdk_host/engine.hpp"
#include "support/engines.hpp"

using Catch::Matchers::Contains;
using hdk_host::FaultKind;
using hdk_host::Limits;
using hdk_test::compile_module;
using hdk_test::fault_of;

TEST_CASE("runaway guests stop soon after a 2 s deadline", "[engine][runaway]") {
  HDK_FOR_EACH_ENGINE();
  const auto module = compile_module(*engine, "faults");
  if (engine_name == "wasm-c-api") {
    // The standard C API cannot stop a running call (docs/engines.md), so a
    // deadline is refused rather than left unkept.
    Limits limits;
    limits.deadline = std::chrono::seconds(2);
    limits.allow_uninterruptible = false;
    const auto refused = fault_of([&] { module->instantiate(nullptr, limits); });
    REQUIRE(refused);
    CHECK(refused->kind() == FaultKind::EngineUnavailable);
    CHECK_THAT(refused->what(), Contains("allow_uninterruptible"));
    return;
  }
  // spin: `loop (br 0)`; churn: a loop whose body is ~200 instructions; recurse: no base case.
  const std::string name = GENERATE("spin", "churn", "recurse");
  CAPTURE(name);

  Limits limits;
  limits.deadline = std::chrono::seconds(2);
  auto instance = module->instantiate(nullptr, limits);
  const auto start = std::chrono::steady_clock::now();
  const auto fault = fault_of([&] { instance->call_i64(name, 0, 0); });
  const auto took = std::chrono::steady_clock::now() - start;

  REQUIRE(fault);
  CAPTURE(fault->what());
  if (name == "recurse") {
    CHECK(fault->kind() == FaultKind::Trap);
    CHECK_THAT(fault->what(), Contains("call stack exhausted"));
  } else if (engine_name == "interp") {
    // Whichever ends first on this machine: the default budget or the deadline.
    CHECK((fault->kind() == FaultKind::DeadlineExceeded ||
           fault->kind() == FaultKind::BudgetExhausted));
  } else {
    CHECK(fault->kind() == FaultKind::DeadlineExceeded);
  }
  CHECK_THAT(fault->what(), Contains(name));
  CHECK(took < std::chrono::seconds(5));

  auto fresh = module->instantiate(nullptr, limits);
  CHECK(fresh->call_i64("count", 10, 0) == 45);
}

TEST_CASE("interp stops an unbudgeted loop at its deadline", "[engine][runaway]") {
  auto engine = hdk_host::make_engine("interp");
  const auto module = compile_module(*engine, "faults");
  Limits limits;
  limits.instruction_budget = 0;
  limits.deadline = std::chrono::milliseconds(300);
  auto instance = module->instantiate(nullptr, limits);

  const auto start = std::chrono::steady_clock::now();
  const auto fault = fault_of([&] { instance->call_i64("spin", 0, 0); });
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE(fault);
  CHECK(fault->kind() == FaultKind::DeadlineExceeded);
  CHECK(fault->what() == std::string("faults: `spin` ran past its deadline of 300 ms"));
  CHECK(took >= std::chrono::milliseconds(300));
  CHECK(took < std::chrono::seconds(5));
  // The next call gets a deadline of its own.
  CHECK(instance->call_i64("count", 100000, 0) == 4999950000);
}

TEST_CASE("interp's budget is counted exactly across fuel slices", "[engine][runaway]") {
  auto engine = hdk_host::make_engine("interp");
  const auto module = compile_module(*engine, "faults");
  Limits limits;
  limits.deadline = std::chrono::milliseconds(0);
  // count(n) costs a fixed entry charge plus the same charge per iteration, far more in total
  // than one fuel slice, so the budget that just fits and the one just below differ by one.
  const auto cost = [&](std::uint64_t budget, std::uint32_t n) {
    limits.instruction_budget = budget;
    auto instance = module->instantiate(nullptr, limits);
    return fault_of([&] { instance->call_i64("count", n, 0); });
  };
  std::uint64_t low = 1;
  std::uint64_t high = 100'000'000;
  REQUIRE_FALSE(cost(high, 200000));
  REQUIRE(cost(low, 200000));
  while (high - low > 1) {
    const std::uint64_t mid = low + (high - low) / 2;
    (cost(mid, 200000) ? low : high) = mid;
  }
  // The exact price of 200000 iterations and of 100000 differ by 100000 iterations' charges.
  std::uint64_t low2 = 1;
  std::uint64_t high2 = high;
  while (high2 - low2 > 1) {
    const std::uint64_t mid = low2 + (high2 - low2) / 2;
    (cost(mid, 100000) ? low2 : high2) = mid;
  }
  const std::uint64_t per_iteration = (high - high2) / 100000;
  CHECK(per_iteration * 100000 == high - high2);
  CHECK(per_iteration > 0);
  const auto fault = cost(high - 1, 200000);
  REQUIRE(fault);
  CHECK(fault->kind() == FaultKind::BudgetExhausted);
}
