// The Engine contract (host_stub/include/hdk_host/engine.hpp), run against
// every engine: compiling, listing, instantiating, calling, and host
// functions that re-enter the guest or fail.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine_test_support.hpp"
#include "hdk_host/engine.hpp"
#include "support/engines.hpp"

using Catch::Matchers::Contains;
using hdk_host::ExternKind;
using hdk_host::Fault;
using hdk_host::FaultKind;
using hdk_host::FuncType;
using hdk_host::HostFunction;
using hdk_host::Instance;
using hdk_host::Limits;
using hdk_host::ValType;
using hdk_test::compile_module;
using hdk_test::fault_of;

namespace {

const FuncType kZomeFn{{ValType::I32, ValType::I32}, {ValType::I64}};

/// A trace_1 host function that consumes its input as the ABI says (reads it,
/// then deallocates it) and answers with the input reversed in a fresh region.
HostFunction reversing_host(std::vector<std::string>* seen) {
  return [seen](Instance& caller, std::uint32_t ptr, std::uint32_t len) -> std::uint64_t {
    std::string input = hdk_test::read_region(caller, ptr, len);
    caller.call_void("__hc__deallocate_1", ptr, len);
    if (seen) seen->push_back(input);
    const std::string answer(input.rbegin(), input.rend());
    const std::uint32_t out = hdk_test::place(caller, answer);
    return hdk_test::pack(out, static_cast<std::uint32_t>(answer.size()));
  };
}

std::uint64_t call_echo(Instance& instance, const std::string& input) {
  const std::uint32_t ptr = hdk_test::place(instance, input);
  return instance.call_i64("echo", ptr, static_cast<std::uint32_t>(input.size()));
}

}  // namespace

TEST_CASE("compile rejects bytes that are not a valid module", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  // Not wasm; a truncated header; a function adding with nothing on the stack.
  const std::vector<std::vector<std::uint8_t>> invalid = {
      {'h', 'e', 'l', 'l', 'o'},
      {0x00, 0x61, 0x73, 0x6d, 0x01},
      {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,  // header
       0x01, 0x04, 0x01, 0x60, 0x00, 0x00,              // type: () -> ()
       0x03, 0x02, 0x01, 0x00,                          // one function of type 0
       0x0a, 0x05, 0x01, 0x03, 0x00, 0x6a, 0x0b},       // body: i32.add end
  };
  for (const auto& bytes : invalid) {
    const auto fault = fault_of([&] { engine->compile(bytes, "broken.wasm"); });
    REQUIRE(fault);
    CHECK(fault->kind() == FaultKind::InvalidModule);
    CHECK_THAT(fault->what(), Contains("broken.wasm"));
  }
}

TEST_CASE("a module lists its imports and exports with their types", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const auto module = compile_module(*engine, "echo");

  REQUIRE(module->imports().size() == 1);
  const auto& import = module->imports()[0];
  CHECK(import.module == "env");
  CHECK(import.name == "__hc__trace_1");
  CHECK(import.kind == ExternKind::Func);
  CHECK(import.type == kZomeFn);

  std::vector<std::string> names;
  for (const auto& exp : module->exports()) names.push_back(exp.name);
  CHECK(names == std::vector<std::string>{"memory", "__hc__allocate_1", "__hc__deallocate_1",
                                          "freed", "echo", "boom", "spin"});
  const auto& exports = module->exports();
  CHECK(exports[0].kind == ExternKind::Memory);
  CHECK(exports[1].kind == ExternKind::Func);
  CHECK(exports[1].type == FuncType{{ValType::I32}, {ValType::I32}});
  CHECK(exports[2].type == FuncType{{ValType::I32, ValType::I32}, {}});
  CHECK(exports[4].type == kZomeFn);
}

TEST_CASE("a call passes through a host function that re-enters the guest", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const auto module = compile_module(*engine, "echo");
  std::vector<std::string> seen;
  Instance* caller_seen = nullptr;
  const HostFunction reverse = reversing_host(&seen);
  const HostFunction trace = [&](Instance& caller, std::uint32_t ptr, std::uint32_t len) {
    caller_seen = &caller;
    return reverse(caller, ptr, len);
  };
  auto instance = module->instantiate({trace}, Limits{});
  CHECK(instance->memory().size() == 65536);
  // What a new instance has released already: 0, or on aot and tcc, whose
  // instances start from a snapshot taken after the allocator's first use
  // (an allocate and a deallocate of 16 bytes), 16.
  const std::uint32_t freed_before = instance->call_i32("freed", 0);
  CHECK((freed_before == 0 || freed_before == 16));

  SECTION("small payload") {
    const std::uint64_t packed = call_echo(*instance, "hello");
    CHECK(caller_seen == instance.get());
    CHECK(seen == std::vector<std::string>{"hello"});
    CHECK(hdk_test::packed_len(packed) == 5);
    CHECK(hdk_test::read_region(*instance, hdk_test::packed_ptr(packed), 5) == "olleh");
    // The host freed the input region inside the call.
    CHECK(instance->call_i32("freed", 0) == freed_before + 5);
  }
  SECTION("payload that makes the guest grow its memory during the host function") {
    std::string input(150000, 'a');
    input.back() = 'z';
    const std::uint64_t packed = call_echo(*instance, input);
    CHECK(instance->memory().size() >= 5 * 65536);
    const std::string answer = hdk_test::read_region(*instance, hdk_test::packed_ptr(packed),
                                                     hdk_test::packed_len(packed));
    CHECK(answer == std::string(input.rbegin(), input.rend()));
  }
  SECTION("repeated calls on one instance") {
    for (int i = 0; i < 3; ++i) {
      const std::string input = "call " + std::to_string(i);
      const std::uint64_t packed = call_echo(*instance, input);
      CHECK(hdk_test::read_region(*instance, hdk_test::packed_ptr(packed),
                                  hdk_test::packed_len(packed)) ==
            std::string(input.rbegin(), input.rend()));
    }
    CHECK(seen.size() == 3);
  }
}

TEST_CASE("instances of one module do not share state", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const auto module = compile_module(*engine, "echo");
  auto first = module->instantiate({reversing_host(nullptr)}, Limits{});
  auto second = module->instantiate({reversing_host(nullptr)}, Limits{});

  const std::uint32_t a = hdk_test::place(*first, "first");
  hdk_test::place(*first, "more");
  const std::uint32_t b = hdk_test::place(*second, "other");
  CHECK(a == b);  // each bump allocator starts over
  CHECK(hdk_test::read_region(*first, a, 5) == "first");
  CHECK(hdk_test::read_region(*second, b, 5) == "other");
  // A new instance's count (0, or 16 from a snapshot: see above) is the same for both.
  const std::uint32_t freed_before = second->call_i32("freed", 0);
  CHECK(first->call_i32("freed", 0) == freed_before);
  first->call_void("__hc__deallocate_1", a, 5);
  CHECK(first->call_i32("freed", 0) == freed_before + 5);
  CHECK(second->call_i32("freed", 0) == freed_before);
}

TEST_CASE("a Fault thrown by a host function comes out of the call unchanged", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const auto module = compile_module(*engine, "echo");
  const auto kind = GENERATE(FaultKind::HostError, FaultKind::OutOfBounds, FaultKind::BadResult);
  bool allocated = false;
  const HostFunction trace = [&](Instance& caller, std::uint32_t, std::uint32_t) -> std::uint64_t {
    // Re-enter first, so the Fault leaves from inside a host function that used the guest.
    allocated = caller.call_i32("__hc__allocate_1", 8) != 0;
    throw Fault(kind, "host said no");
  };
  auto instance = module->instantiate({trace}, Limits{});

  const auto fault = fault_of([&] { call_echo(*instance, "hi"); });
  REQUIRE(fault);
  CHECK(allocated);
  CHECK(fault->kind() == kind);
  CHECK(std::string(fault->what()) == "host said no");

  // A fresh instance of the same module works.
  auto fresh = module->instantiate({reversing_host(nullptr)}, Limits{});
  const std::uint64_t packed = call_echo(*fresh, "ok");
  CHECK(hdk_test::read_region(*fresh, hdk_test::packed_ptr(packed), 2) == "ko");
}

TEST_CASE("a guest fault in a nested call reaches the outer call through the host function",
          "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const auto module = compile_module(*engine, "echo");
  const HostFunction trace = [](Instance& caller, std::uint32_t, std::uint32_t) {
    return caller.call_i64("boom", 0, 0);
  };
  auto instance = module->instantiate({trace}, Limits{});
  const auto fault = fault_of([&] { call_echo(*instance, "hi"); });
  REQUIRE(fault);
  CHECK(fault->kind() == FaultKind::Trap);
  CHECK_THAT(fault->what(), Contains("boom"));
}

TEST_CASE("a host function may handle the fault of a nested call and carry on", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const auto module = compile_module(*engine, "echo");
  std::optional<FaultKind> handled;
  const HostFunction trace = [&](Instance& caller, std::uint32_t, std::uint32_t) -> std::uint64_t {
    if (const auto fault = fault_of([&] { caller.call_i64("boom", 0, 0); }))
      handled = fault->kind();
    const std::uint32_t ptr = hdk_test::place(caller, "fine");
    return hdk_test::pack(ptr, 4);
  };
  auto instance = module->instantiate({trace}, Limits{});

  const std::uint64_t packed = call_echo(*instance, "hi");
  CHECK(handled == FaultKind::Trap);
  CHECK(hdk_test::read_region(*instance, hdk_test::packed_ptr(packed), 4) == "fine");
  // The instance keeps working.
  CHECK(hdk_test::packed_len(call_echo(*instance, "again")) == 4);
}

TEST_CASE("calling a missing export or one of another type fails before running", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const auto module = compile_module(*engine, "faults");
  auto instance = module->instantiate(nullptr, Limits{});

  const auto missing = fault_of([&] { instance->call_i64("nope", 0, 0); });
  REQUIRE(missing);
  CHECK(missing->kind() == FaultKind::MissingExport);
  CHECK_THAT(missing->what(), Contains("nope"));
  CHECK(fault_of([&] { instance->call_i32("nope", 0); })->kind() == FaultKind::MissingExport);
  CHECK(fault_of([&] { instance->call_void("nope", 0, 0); })->kind() == FaultKind::MissingExport);

  const auto wrong_params = fault_of([&] { instance->call_i64("one_param", 0, 0); });
  REQUIRE(wrong_params);
  CHECK(wrong_params->kind() == FaultKind::BadSignature);
  CHECK_THAT(wrong_params->what(), Contains("one_param"));
  CHECK(fault_of([&] { instance->call_i64("returns_f64", 0, 0); })->kind() ==
        FaultKind::BadSignature);
  CHECK(fault_of([&] { instance->call_i32("trap", 0); })->kind() == FaultKind::BadSignature);
  CHECK(fault_of([&] { instance->call_void("count", 0, 0); })->kind() == FaultKind::BadSignature);
  // Exports that are not functions.
  CHECK(fault_of([&] { instance->call_i64("memory", 0, 0); })->kind() == FaultKind::BadSignature);
  CHECK(fault_of([&] { instance->call_i32("answer", 0); })->kind() == FaultKind::BadSignature);

  // None of that disturbed the instance.
  CHECK(instance->call_i64("count", 4, 0) == 6);
}

TEST_CASE("instantiation needs a host function for every import", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  const HostFunction trace = reversing_host(nullptr);

  SECTION("an import the host does not provide") {
    const auto module = compile_module(*engine, "import_wasi");
    for (const auto& host_functions :
         {std::vector<HostFunction>{trace}, std::vector<HostFunction>{trace, HostFunction{}}}) {
      const auto fault = fault_of([&] { module->instantiate(host_functions, Limits{}); });
      REQUIRE(fault);
      CHECK(fault->kind() == FaultKind::UnknownImport);
      CHECK_THAT(fault->what(), Contains("wasi_snapshot_preview1.fd_write"));
    }
  }
  SECTION("no host functions at all") {
    const auto module = compile_module(*engine, "echo");
    const auto fault = fault_of([&] { module->instantiate(nullptr, Limits{}); });
    REQUIRE(fault);
    CHECK(fault->kind() == FaultKind::UnknownImport);
    CHECK_THAT(fault->what(), Contains("env.__hc__trace_1"));
  }
  SECTION("an import that is not a function") {
    const auto module = compile_module(*engine, "import_memory");
    const auto fault = fault_of([&] { module->instantiate({trace}, Limits{}); });
    REQUIRE(fault);
    CHECK(fault->kind() == FaultKind::UnknownImport);
    CHECK_THAT(fault->what(), Contains("env.memory"));
  }
  SECTION("a function import of another shape") {
    const auto module = compile_module(*engine, "import_wrong_type");
    const auto fault = fault_of([&] { module->instantiate({trace}, Limits{}); });
    REQUIRE(fault);
    CHECK(fault->kind() == FaultKind::BadSignature);
    CHECK_THAT(fault->what(), Contains("env.__hc__trace_1"));
  }
}

TEST_CASE("start functions run at instantiation", "[engine]") {
  HDK_FOR_EACH_ENGINE();
  auto instance = compile_module(*engine, "start")->instantiate(nullptr, Limits{});
  CHECK(instance->call_i32("started", 0) == 7);
  CHECK(instance->memory().empty());
}
