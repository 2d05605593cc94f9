// The bad-input matrix (docs/testing.md): on every engine, bad modules, bad
// guests and bad inputs each end in their typed Fault, and after each one
// the same scenario (two agents, a committed post) still serves a good call
// and its chains, signals and DHT are byte for byte what they were.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <hdk/types/call.hpp>

#include "engine/engine_test_support.hpp"
#include "world_support.hpp"

using hdk_host::FaultKind;
using posts::Post;

namespace {

namespace fs = std::filesystem;

fs::path write_module(const std::string& name, const std::vector<std::uint8_t>& bytes) {
  const fs::path dir = fs::path(HDK_TEST_BINARY_DIR) / "bad-input-matrix";
  fs::create_directories(dir);
  const fs::path path = dir / (name + ".wasm");
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  return path;
}

struct LoadCase {
  std::string what;
  fs::path path;
  FaultKind kind;
};

struct CallCase {
  std::string what;
  std::string zome;
  std::string function;
  std::vector<std::uint8_t> input;  // the argument's msgpack
  FaultKind kind;
};

}  // namespace

TEST_CASE("bad input matrix: typed faults, and the world stays as it was", "[matrix]") {
  const auto dirs = hdk_test::zome_dirs();
  REQUIRE_FALSE(dirs.empty());
  const fs::path zomes = dirs.front().second;
  const std::vector<std::uint8_t> good_wasm = hdk_test::module_bytes("bad_zome");
  const std::vector<std::uint8_t> nil{0xc0};

  const std::vector<LoadCase> load_cases = {
      {"bytes that are not wasm",
       write_module("not_wasm", {'n', 'o', 't', ' ', 'w', 'a', 's', 'm'}),
       FaultKind::InvalidModule},
      {"a truncated module",
       write_module("truncated", {good_wasm.begin(), good_wasm.begin() + good_wasm.size() / 2}),
       FaultKind::InvalidModule},
      {"no memory export", hdk_test::module_path("no_memory"), FaultKind::MissingExport},
      {"no allocator", hdk_test::module_path("start_trap"), FaultKind::MissingExport},
      {"a mistyped allocator", hdk_test::module_path("bad_allocator"), FaultKind::BadSignature},
      {"a mistyped zome function", hdk_test::module_path("bad_export"), FaultKind::BadSignature},
      {"an unknown host function", hdk_test::module_path("unknown_host_fn"),
       FaultKind::UnknownImport},
      {"a mistyped host function import", hdk_test::module_path("import_wrong_type"),
       FaultKind::BadSignature},
  };
  const std::vector<CallCase> call_cases = {
      {"unreachable", "bad", "unreachable", nil, FaultKind::Trap},
      {"integer division by zero", "bad", "divide_by_zero", nil, FaultKind::Trap},
      {"stack exhaustion", "bad", "recurse", nil, FaultKind::Trap},
      {"an out-of-bounds result", "bad", "out_of_bounds_result", nil, FaultKind::OutOfBounds},
      {"an overflowing result", "bad", "overflowing_result", nil, FaultKind::OutOfBounds},
      {"a result that is not msgpack", "bad", "not_msgpack", nil, FaultKind::BadResult},
      {"a result of the wrong shape", "bad", "wrong_shape", nil, FaultKind::BadResult},
      {"memory growth past the limit", "bad", "grow_past_limit", nil, FaultKind::OutOfBounds},
      {"an input larger than the memory limit", "posts", "get_post",
       hdk::encode_to_vector(hdk::Bytes(32u << 20)), FaultKind::AllocationFailed},
      {"an allocator that returns a pointer outside memory", "liar", "echo", nil,
       FaultKind::OutOfBounds},
      {"a function that is not exported", "posts", "no_such_function", nil,
       FaultKind::MissingExport},
  };

  for (const auto& engine : hdk_test::engine_names()) {
    DYNAMIC_SECTION(engine) {
      hdk_host::HostOptions options;
      options.limits.max_memory_pages = 256;  // 16 MiB
      options.limits.deadline = std::chrono::seconds(1);
      hdk_host::Scenario scenario(engine, options);
      scenario.install({"forum",
                        "seed",
                        {"posts_integrity", zomes / "posts_integrity.wasm"},
                        {{"posts", zomes / "posts.wasm"},
                         {"bad", hdk_test::module_path("bad_zome")},
                         {"liar", hdk_test::module_path("lying_allocator")},
                         {"reuser", hdk_test::module_path("reused_allocator")},
                         {"forwarder", hdk_test::module_path("forwarder")}}});
      const auto alice = scenario.add_agent("alice");
      const auto bob = scenario.add_agent("bob");
      const auto hash = world_test::ok_value<hdk::ActionHash>(
          scenario.call(alice, "posts", "create_post", Post{"Hello", "first"}));
      // Bob's first call runs his init, which commits: before the snapshot.
      world_test::ok_value<std::optional<Post>>(scenario.call(bob, "posts", "get_post", hash));
      const std::vector<std::uint8_t> before = scenario.state_bytes();
      const auto still_serving = [&] {
        const auto post = world_test::ok_value<std::optional<Post>>(
            scenario.call(bob, "posts", "get_post", hash));
        REQUIRE(post);
        CHECK(post->title == "Hello");
        CHECK(scenario.state_bytes() == before);
      };

      for (const LoadCase& c : load_cases) {
        CAPTURE(c.what);
        const auto fault = hdk_test::fault_of([&] { scenario.load({"bad_module", c.path}); });
        REQUIRE(fault);
        CHECK(fault->kind() == c.kind);
        still_serving();
      }
      for (const CallCase& c : call_cases) {
        CAPTURE(c.what);
        const auto r = scenario.call_bytes(alice, c.zome, c.function, c.input);
        INFO(r.describe());
        REQUIRE(r.fault());
        CHECK(r.fault()->kind() == c.kind);
        CHECK(std::string(r.fault()->what()).find(c.function) != std::string::npos);
        CHECK(scenario.state_bytes() == before);
        still_serving();
      }
      {
        INFO("an infinite loop");
        const auto start = std::chrono::steady_clock::now();
        const auto r = scenario.call_bytes(alice, "bad", "spin", nil);
        REQUIRE(r.fault());
        CHECK((r.fault()->kind() == FaultKind::DeadlineExceeded ||
               r.fault()->kind() == FaultKind::BudgetExhausted));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
        still_serving();
      }
      {
        INFO(
            "a host function handed bad msgpack: an Err for the guest, no fault, nothing "
            "committed");
        const auto r = scenario.call_bytes(alice, "bad", "bad_host_input", nil);
        INFO(r.describe());
        REQUIRE(r.wasm_error());
        still_serving();
      }
      // Nested and re-entrant calls: forwarder.forward hands its argument, a
      // Vec<Call>, to the `call` host function. The host guarantees what
      // Holochain's `call` does: a failed local callee (trap, deadline, ...)
      // fails the caller's `call` with Err(Host) naming the callee and its
      // fault, which forward returns; nothing of either call is committed.
      // (A successful `call` answers Ok(Vec<ZomeCallResponse>), not an
      // ExternIO, so forward is only for callees that fail.)
      const auto local_call = [](std::string zome, std::string fn,
                                 std::vector<std::uint8_t> payload) {
        hdk::Call call;
        call.zome_name = std::move(zome);
        call.fn_name = std::move(fn);
        call.payload = hdk::ExternIO{hdk::Bytes(std::move(payload))};
        return std::vector<hdk::Call>{call};
      };
      const auto nested_fails = [&](const std::vector<hdk::Call>& calls,
                                    const std::vector<std::string>& named) {
        const auto start = std::chrono::steady_clock::now();
        const auto r = scenario.call(alice, "forwarder", "forward", calls);
        INFO(r.describe());
        REQUIRE(r.wasm_error());
        CHECK(r.wasm_error()->kind() == "Host");
        for (const auto& part : named) CHECK_THAT(r.describe(), Catch::Contains(part));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
        CHECK(scenario.state_bytes() == before);
        still_serving();
      };
      {
        INFO("a nested call into a zome that traps");
        nested_fails(local_call("bad", "unreachable", nil), {"call bad.unreachable", "trapped"});
      }
      {
        // The caller's deadline runs on while the callee loops, so either the
        // callee's deadline surfaces as the caller's Err(Host), or the caller
        // passes its own first: a typed fault, not a hang, either way.
        INFO("a nested call into a zome that loops");
        const auto start = std::chrono::steady_clock::now();
        const auto r = scenario.call(alice, "forwarder", "forward", local_call("bad", "spin", nil));
        INFO(r.describe());
        REQUIRE_FALSE(r.ok());
        if (r.fault()) {
          CHECK(r.fault()->kind() == FaultKind::DeadlineExceeded);
        } else {
          REQUIRE(r.wasm_error());
          CHECK(r.wasm_error()->kind() == "Host");
          CHECK_THAT(r.describe(), Catch::Contains("call bad.spin"));
        }
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
        CHECK(scenario.state_bytes() == before);
        still_serving();
      }
      {
        INFO("a re-entrant call: the callee calls back into the caller's zome, which traps");
        nested_fails(local_call("forwarder", "forward",
                                hdk::encode_to_vector(local_call("bad", "unreachable", nil))),
                     {"call forwarder.forward", "call bad.unreachable"});
      }
      {
        // The host cannot tell: the guest reads what the second answer left there, and
        // whatever it returns is checked like any result. The host's state is untouched.
        INFO("an allocator that returns the same pointer twice");
        const auto r = scenario.call_bytes(alice, "reuser", "twice", nil);
        INFO(r.describe());
        still_serving();
      }
    }
  }
}

// Native mode has no wasm, so no traps, bounds or allocator to get wrong; what
// applies is what a native zome library meets: files that are not one, calls
// to functions it lacks and inputs it cannot read. Each ends typed, and the
// scenario keeps serving with its state unchanged.
TEST_CASE("bad input matrix in native mode: typed outcomes, and the world stays as it was",
          "[matrix]") {
  const std::vector<std::uint8_t> nil{0xc0};
  const auto write_library = [](const std::string& name, const std::vector<std::uint8_t>& bytes) {
    const fs::path dir = fs::path(HDK_TEST_BINARY_DIR) / "bad-input-matrix";
    fs::create_directories(dir);
    const fs::path path = dir / ("lib" + name + ".so");
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    return path;
  };

  hdk_host::Scenario scenario("native");
  scenario.install(world_test::posts_dna_native());
  const auto alice = scenario.add_agent("alice");
  const auto bob = scenario.add_agent("bob");
  const auto hash = world_test::ok_value<hdk::ActionHash>(
      scenario.call(alice, "posts", "create_post", Post{"Hello", "first"}));
  world_test::ok_value<std::optional<Post>>(scenario.call(bob, "posts", "get_post", hash));
  const std::vector<std::uint8_t> before = scenario.state_bytes();
  const auto still_serving = [&] {
    const auto post =
        world_test::ok_value<std::optional<Post>>(scenario.call(bob, "posts", "get_post", hash));
    REQUIRE(post);
    CHECK(post->title == "Hello");
    CHECK(scenario.state_bytes() == before);
  };

  // A real zome library cut short: dlopen() alone would map past the end of
  // the file and die of SIGBUS.
  const auto truncated_library = [&](const std::string& name, double fraction) {
    std::ifstream in(hdk_test::native_zome_path("posts"), std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() > 8192);
    bytes.resize(static_cast<std::size_t>(static_cast<double>(bytes.size()) * fraction));
    return write_library(name, bytes);
  };
  const std::vector<LoadCase> load_cases = {
      {"bytes that are not a library", write_library("not_a_library", {'n', 'o', 't'}),
       FaultKind::InvalidModule},
      {"a zome library cut to half its size", truncated_library("half", 0.5),
       FaultKind::InvalidModule},
      {"a zome library missing its last bytes", truncated_library("most", 0.98),
       FaultKind::InvalidModule},
      {"an empty file", write_library("empty", {}), FaultKind::InvalidModule},
      {"a library that does not exist",
       fs::path(HDK_TEST_BINARY_DIR) / "bad-input-matrix" / "libno_such_zome.so",
       FaultKind::InvalidModule},
  };
  for (const LoadCase& c : load_cases) {
    CAPTURE(c.what);
    const auto fault = hdk_test::fault_of([&] { scenario.load({"bad_module", c.path}); });
    REQUIRE(fault);
    CHECK(fault->kind() == c.kind);
    still_serving();
  }
  {
    INFO("a function that is not exported");
    const auto r = scenario.call_bytes(alice, "posts", "no_such_function", nil);
    INFO(r.describe());
    REQUIRE(r.fault());
    CHECK(r.fault()->kind() == FaultKind::MissingExport);
    CHECK_THAT(r.describe(), Catch::Contains("no_such_function"));
    CHECK(scenario.state_bytes() == before);
    still_serving();
  }
  // Bytes that are not msgpack, and msgpack of the wrong shape, reach the
  // zome's decoder, which answers Err(Deserialize) as a wasm zome's does.
  for (const auto& [what, input] : std::vector<std::pair<std::string, std::vector<std::uint8_t>>>{
           {"an input that is not msgpack", {0xc1}},
           {"an input of the wrong shape", hdk::encode_to_vector(std::string("not a hash"))}}) {
    CAPTURE(what);
    const auto r = scenario.call_bytes(alice, "posts", "get_post", input);
    INFO(r.describe());
    REQUIRE(r.wasm_error());
    CHECK(r.wasm_error()->kind() == "Deserialize");
    CHECK(scenario.state_bytes() == before);
    still_serving();
  }
}
