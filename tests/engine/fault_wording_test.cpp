// One wording for faults: the same missing export, wrong type, trap,
// out-of-bounds access, failed start or deadline gives the same FaultKind
// and the same message on every engine (engines/fault_words.hpp words them).
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <utility>

#include <catch2/catch.hpp>

#include "engine_test_support.hpp"
#include "hdk_host/engine.hpp"
#include "support/engines.hpp"

using hdk_host::Engine;
using hdk_host::FaultKind;
using hdk_host::Limits;
using hdk_test::compile_module;
using hdk_test::fault_of;

namespace {

struct Case {
  std::string name;
  std::function<void(Engine&)> run;  // must throw a Fault
  FaultKind kind;
  std::string message;  // what every engine must say
};

void call_faults(Engine& engine, const std::function<void(hdk_host::Instance&)>& call) {
  const auto module = compile_module(engine, "faults");
  auto instance = module->instantiate(nullptr, Limits{});
  call(*instance);
}

std::vector<Case> cases() {
  using hdk_host::Instance;
  return {
      {"missing export",
       [](Engine& e) { call_faults(e, [](Instance& i) { i.call_i64("nope", 0, 0); }); },
       FaultKind::MissingExport, "faults: no export `nope`"},
      {"export of the wrong type",
       [](Engine& e) { call_faults(e, [](Instance& i) { i.call_i64("one_param", 0, 0); }); },
       FaultKind::BadSignature,
       "faults: export `one_param` has type (i32) -> i64, expected (i32, i32) -> i64"},
      {"export that is not a function",
       [](Engine& e) { call_faults(e, [](Instance& i) { i.call_i64("answer", 0, 0); }); },
       FaultKind::BadSignature,
       "faults: export `answer` is a global, not a function of type (i32, i32) -> i64"},
      {"unreachable",
       [](Engine& e) { call_faults(e, [](Instance& i) { i.call_i64("trap", 0, 0); }); },
       FaultKind::Trap, "faults: `trap` trapped: unreachable executed"},
      {"division by zero",
       [](Engine& e) { call_faults(e, [](Instance& i) { i.call_i64("divide", 1, 0); }); },
       FaultKind::Trap, "faults: `divide` trapped: integer divide by zero"},
      {"deep recursion",
       [](Engine& e) { call_faults(e, [](Instance& i) { i.call_i64("recurse", 0, 0); }); },
       FaultKind::Trap, "faults: `recurse` trapped: call stack exhausted"},
      {"access outside memory",
       [](Engine& e) { call_faults(e, [](Instance& i) { i.call_i64("load", 0xfffffff0u, 0); }); },
       FaultKind::OutOfBounds, "faults: `load` trapped: out of bounds memory or table access"},
      {"a start function that traps",
       [](Engine& e) { compile_module(e, "start_trap")->instantiate(nullptr, Limits{}); },
       FaultKind::Trap, "start_trap: instantiation failed: unreachable executed"},
      {"a data segment outside memory",
       [](Engine& e) { compile_module(e, "data_out_of_bounds")->instantiate(nullptr, Limits{}); },
       FaultKind::Trap,
       "data_out_of_bounds: instantiation failed: out of bounds memory or table access"},
      {"a deadline",
       [](Engine& e) {
         Limits limits;
         limits.deadline = std::chrono::milliseconds(200);
         compile_module(e, "faults")->instantiate(nullptr, limits)->call_i64("spin", 0, 0);
       },
       FaultKind::DeadlineExceeded, "faults: `spin` ran past its deadline of 200 ms"},
  };
}

}  // namespace

TEST_CASE("every engine words the same fault the same way", "[engine][faults]") {
  HDK_FOR_EACH_ENGINE();
  for (const Case& c : cases()) {
    // The standard C API cannot stop a running call (docs/engines.md).
    if (engine_name == "wasm-c-api" && c.kind == FaultKind::DeadlineExceeded) continue;
    CAPTURE(c.name);
    const auto fault = fault_of([&] { c.run(*engine); });
    REQUIRE(fault);
    CHECK(fault->kind() == c.kind);
    CHECK(std::string(fault->what()) == c.message);
  }
}
