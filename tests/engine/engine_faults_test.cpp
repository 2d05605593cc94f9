// How every engine reports a guest that fails: traps, out-of-bounds access,
// memory limits, failed instantiation and (interp only) instruction budgets.
// After each fault a fresh instance of the same module must still work.
#include <cstdint>
#include <limits>
#include <string>
#include <tuple>

#include <catch2/catch.hpp>

#include "engine_test_support.hpp"
#include "hdk_host/engine.hpp"
#include "support/engines.hpp"

using Catch::Matchers::Contains;
using hdk_host::FaultKind;
using hdk_host::HostFunction;
using hdk_host::Instance;
using hdk_host::Limits;
using hdk_test::compile_module;
using hdk_test::fault_of;

namespace {

constexpr std::uint32_t kPage = 65536;
constexpr std::uint32_t kGrowFailed = std::numeric_limits<std::uint32_t>::max();  // -1

}  // namespace

TEST_CASE("guest traps become Trap faults naming the function", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const auto module = compile_module(*engine, "faults");
  const auto row = GENERATE(table<std::string, std::uint32_t, std::uint32_t>({
      {"trap", 0, 0},     // unreachable
      {"divide", 1, 0},   // integer division by zero
      {"recurse", 0, 0},  // call stack exhausted
  }));
  // Named copies, not a structured binding: clang 14 (the sanitizer build's
  // compiler) cannot capture a binding in a lambda.
  const std::string name = std::get<0>(row);
  const std::uint32_t a = std::get<1>(row), b = std::get<2>(row);
  CAPTURE(name);

  auto instance = module->instantiate(nullptr, Limits{});
  const auto fault = fault_of([&] { instance->call_i64(name, a, b); });
  REQUIRE(fault);
  CHECK(fault->kind() == FaultKind::Trap);
  CHECK_THAT(fault->what(), Contains(name));
  CHECK_THAT(fault->what(), Contains("faults"));

  auto fresh = module->instantiate(nullptr, Limits{});
  CHECK(fresh->call_i64("divide", 7, 2) == 3);
}

TEST_CASE("guest memory accesses outside memory are OutOfBounds", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const auto module = compile_module(*engine, "faults");
  auto instance = module->instantiate(nullptr, Limits{});

  instance->memory()[kPage - 8] = 0x2a;
  CHECK(instance->call_i64("load", kPage - 8, 0) == 0x2a);  // the last 8 bytes
  for (const std::uint32_t ptr : {kPage - 4, kPage, 0xfffffff0u}) {
    CAPTURE(ptr);
    const auto fault = fault_of([&] { instance->call_i64("load", ptr, 0); });
    REQUIRE(fault);
    CHECK(fault->kind() == FaultKind::OutOfBounds);
    CHECK_THAT(fault->what(), Contains("load"));
  }
  auto fresh = module->instantiate(nullptr, Limits{});
  CHECK(fresh->call_i64("load", 0, 0) == 0);
}

TEST_CASE("memory grows up to the limit, then memory.grow returns -1", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const auto module = compile_module(*engine, "faults");

  SECTION("with a limit") {
    Limits limits;
    limits.max_memory_pages = 3;
    auto instance = module->instantiate(nullptr, limits);
    CHECK(instance->call_i32("grow", 2) == 1);
    CHECK(instance->memory().size() == 3 * kPage);
    CHECK(instance->call_i32("grow", 1) == kGrowFailed);
    CHECK(instance->call_i32("grow", 1000) == kGrowFailed);
    CHECK(instance->call_i32("grow", 0) == 3);
    CHECK(instance->call_i32("pages", 0) == 3);
    CHECK(instance->memory().size() == 3 * kPage);
    // The guest carries on after a refused growth.
    CHECK(instance->call_i64("count", 4, 0) == 6);
  }
  SECTION("without one") {
    auto instance = module->instantiate(nullptr, Limits{});
    CHECK(instance->call_i32("grow", 9) == 1);
    CHECK(instance->memory().size() == 10 * kPage);
    instance->memory()[10 * kPage - 8] = 1;
    CHECK(instance->call_i64("load", 10 * kPage - 8, 0) == 1);
  }
}

TEST_CASE("a memory that starts above the limit does not instantiate", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const auto module = compile_module(*engine, "faults");
  Limits limits;
  limits.max_memory_pages = 0;
  const auto fault = fault_of([&] { module->instantiate(nullptr, limits); });
  REQUIRE(fault);
  CHECK(fault->kind() == FaultKind::MemoryLimit);
  CHECK_THAT(fault->what(), Contains("faults"));
}

TEST_CASE("a failing start function or data segment fails instantiation", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const std::string name = GENERATE("start_trap", "data_out_of_bounds");
  const auto module = compile_module(*engine, name);
  const auto fault = fault_of([&] { module->instantiate(nullptr, Limits{}); });
  REQUIRE(fault);
  CHECK(fault->kind() == FaultKind::Trap);
  CHECK_THAT(fault->what(), Contains(name));
}

TEST_CASE("an instruction budget stops a call that runs too long", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  if (engine_name != "interp") {
    SUCCEED("instruction budgets are interp's; other engines use a deadline");
    return;
  }
  Limits limits;
  limits.instruction_budget = 100000;

  SECTION("an endless loop") {
    const auto module = compile_module(*engine, "faults");
    auto instance = module->instantiate(nullptr, limits);
    const auto fault = fault_of([&] { instance->call_i64("spin", 0, 0); });
    REQUIRE(fault);
    CHECK(fault->kind() == FaultKind::BudgetExhausted);
    CHECK_THAT(fault->what(), Contains("spin"));
    // The same instance runs the next call with a full budget.
    CHECK(instance->call_i64("count", 10, 0) == 45);
  }
  SECTION("finite work over the budget, and the same work within it") {
    const auto module = compile_module(*engine, "faults");
    auto instance = module->instantiate(nullptr, limits);
    CHECK(fault_of([&] { instance->call_i64("count", 1000000, 0); })->kind() ==
          FaultKind::BudgetExhausted);
    // Each outermost call gets the whole budget again: three of these would
    // not fit in one budget together.
    for (int i = 0; i < 3; ++i) CHECK(instance->call_i64("count", 5000, 0) == 12497500);
    Limits no_budget;
    no_budget.instruction_budget = 0;
    auto unlimited = module->instantiate(nullptr, no_budget);
    CHECK(unlimited->call_i64("count", 1000000, 0) == 499999500000);
  }
  SECTION("a nested call from a host function counts against the outer call") {
    const auto module = compile_module(*engine, "echo");
    const HostFunction trace = [](Instance& caller, std::uint32_t, std::uint32_t) {
      return caller.call_i64("spin", 0, 0);
    };
    auto instance = module->instantiate({trace}, limits);
    const auto fault = fault_of([&] { instance->call_i64("echo", 0, 0); });
    REQUIRE(fault);
    CHECK(fault->kind() == FaultKind::BudgetExhausted);
  }
}
