// The host's defences and the guest's obligations at the boundary.
#include <catch2/catch.hpp>

#include "support/zomes.hpp"

using hdk_host::FaultKind;

namespace {

struct TimeAndRandom {
  hdk::Timestamp time;
  hdk::Bytes random;
  HDK_STRUCT(time, random);
};

std::vector<hdk_test::LoadedZome> wasm_only(const hdk_host::HostOptions& options = {}) {
  return hdk_test::load_everywhere("boundary", options, /*with_native=*/false);
}

}  // namespace

TEST_CASE("boundary: static constructors run although nobody calls _initialize") {
  for (const auto& z : hdk_test::load_everywhere("boundary")) {
    DYNAMIC_SECTION(z.label) {
      const auto r = hdk_test::call(*z.zome, "constructed", hdk::Unit{});
      INFO(r.describe());
      REQUIRE(r.ok());
      CHECK(r.value<std::vector<std::string>>() == std::vector<std::string>{"alpha", "beta"});
    }
  }
}

TEST_CASE("boundary: host calls decode, run and free on every runtime") {
  for (const auto& z : hdk_test::load_everywhere("boundary")) {
    DYNAMIC_SECTION(z.label) {
      hdk_host::CallContext context;
      const auto r = hdk_test::call(*z.zome, "host_calls", std::uint32_t{48}, &context);
      INFO(r.describe());
      REQUIRE(r.ok());
      const auto out = r.value<TimeAndRandom>();
      CHECK(out.random.size() == 48);
      CHECK(out.time.micros > 1'600'000'000'000'000LL);  // after 2020
      REQUIRE(context.trace.size() == 2);
      CHECK(context.trace[0].msg == "made 48 random bytes");
      CHECK(context.trace[0].level == hdk::Level::INFO);
      CHECK(context.trace[1].level == hdk::Level::DEBUG);
      CHECK(context.trace[1].msg.find("debug formatted 7") != std::string::npos);
    }
  }
}

TEST_CASE("boundary: a host function's error propagates as the zome's Err") {
  for (const auto& z : hdk_test::load_everywhere("boundary")) {
    DYNAMIC_SECTION(z.label) {
      const auto r = hdk_test::call(*z.zome, "too_many_random_bytes", hdk::Unit{});
      REQUIRE(r.wasm_error());
      CHECK(r.wasm_error()->kind() == "Host");
    }
  }
}

TEST_CASE("boundary: payloads from empty to megabytes cross both ways intact") {
  for (const auto& z : hdk_test::load_everywhere("boundary")) {
    for (std::uint32_t size : {0u, 1u, 65535u, 65536u, 65537u, 3u << 20}) {
      DYNAMIC_SECTION(z.label << " " << size << " bytes") {
        hdk::Bytes payload(size);
        for (std::uint32_t i = 0; i < size; ++i) payload[i] = static_cast<std::uint8_t>(i * 7 + 3);
        const auto r = hdk_test::call(*z.zome, "echo_bytes", payload);
        INFO(r.describe());
        REQUIRE(r.ok());
        CHECK(r.value<hdk::Bytes>() == payload);
        const auto made = hdk_test::call(*z.zome, "make_bytes", size);
        REQUIRE(made.ok());
        CHECK(made.value<hdk::Bytes>().size() == size);
      }
    }
  }
}

struct ViewFacts {
  std::uint64_t size = 0;
  hdk::Bytes first_bytes;
  HDK_STRUCT(size, first_bytes);
};

TEST_CASE("boundary: a BytesView argument reads the payload in place and may be returned") {
  for (const auto& z : hdk_test::load_everywhere("boundary")) {
    DYNAMIC_SECTION(z.label) {
      hdk::Bytes payload(70000);
      for (std::size_t i = 0; i < payload.size(); ++i)
        payload[i] = static_cast<std::uint8_t>(i * 13 + 1);
      const auto facts = hdk_test::call(*z.zome, "view_facts", payload);
      INFO(facts.describe());
      REQUIRE(facts.ok());
      const auto f = facts.value<ViewFacts>();
      CHECK(f.size == payload.size());
      CHECK(f.first_bytes == hdk::Bytes(payload.begin(), payload.begin() + 4));
      // The view is still valid while the result is encoded.
      const auto echoed = hdk_test::call(*z.zome, "echo_view", payload);
      REQUIRE(echoed.ok());
      CHECK(echoed.value<hdk::Bytes>() == payload);
      const auto empty = hdk_test::call(*z.zome, "echo_view", hdk::Bytes{});
      REQUIRE(empty.ok());
      CHECK(empty.value<hdk::Bytes>().empty());
      // Bytes sent as an array of integers have nothing to point at.
      const auto as_array = hdk_test::call(*z.zome, "view_facts", std::vector<std::uint8_t>{1, 2});
      REQUIRE(as_array.wasm_error());
      CHECK(as_array.wasm_error()->kind() == "Deserialize");
    }
  }
}

TEST_CASE("boundary: a payload read in place needs half the memory of one copied") {
  // 14 MiB each way under a 40 MiB limit: in place it is the input plus the
  // output (28 MiB); copied into Bytes it is those plus the copy (42 MiB).
  hdk_host::HostOptions options;
  options.limits.max_memory_pages = 640;
  const hdk::Bytes payload(14u << 20, 0x5a);
  for (const auto& z : wasm_only(options)) {
    DYNAMIC_SECTION(z.label) {
      const auto in_place = hdk_test::call(*z.zome, "echo_view", payload);
      INFO(in_place.describe());
      REQUIRE(in_place.ok());
      CHECK(in_place.value<hdk::Bytes>() == payload);
      const auto copied = hdk_test::call(*z.zome, "echo_bytes", payload);
      CHECK_FALSE(copied.ok());
      const auto small = hdk_test::call(*z.zome, "echo_view", hdk::Bytes{1, 2, 3});
      REQUIRE(small.ok());
    }
  }
}

TEST_CASE("boundary: a payload past the 2 GiB malloc gives out at crosses in place") {
  // dlmalloc never takes 2 GiB from sbrk at once; the HDK's large regions do.
  // 2.25 GiB in, its size and first bytes out, on the compiled engine and the
  // interpreter (the host side is shared by the others).
  constexpr std::uint64_t kSize = (9ull << 30) / 4;
  std::vector<std::uint8_t> input(kSize + 10, 0x11);
  const auto bin32 = [&](std::size_t at, std::uint64_t len) {
    input[at] = 0xc6;
    for (int i = 0; i < 4; ++i) input[at + 1 + i] = static_cast<std::uint8_t>(len >> (24 - 8 * i));
  };
  bin32(0, kSize + 5);  // ExternIO(bin(bytes)), written in place: no second 2 GiB copy
  bin32(5, kSize);
  hdk_host::HostOptions reused;
  reused.reuse_instances = true;
  for (const auto& z : wasm_only(reused)) {
    if (z.label.find("/aot") == std::string::npos && z.label.find("/interp") == std::string::npos)
      continue;
    DYNAMIC_SECTION(z.label) {
      hdk_host::CallContext context;
      const auto r = z.zome->call("view_facts", input, context);
      INFO(r.describe());
      REQUIRE(r.ok());
      const auto f = r.value<ViewFacts>();
      CHECK(f.size == kSize);
      CHECK(f.first_bytes == hdk::Bytes(4, 0x11));
      // On the same instance the released region serves the next call: two
      // regions of 2.25 GiB would not fit in 4 GiB.
      const auto again = z.zome->call("view_facts", input, context);
      REQUIRE(again.ok());
    }
  }
}

TEST_CASE("boundary: faults are typed, name the zome and function, and the host keeps serving") {
  for (const auto& z : wasm_only()) {
    DYNAMIC_SECTION(z.label) {
      struct Case {
        const char* function;
        FaultKind kind;
      };
      for (const Case c :
           {Case{"trap", FaultKind::Trap}, Case{"bad_pointer", FaultKind::OutOfBounds},
            Case{"bad_result", FaultKind::BadResult},
            Case{"trace_bad_pointer", FaultKind::OutOfBounds},
            Case{"no_such_function", FaultKind::MissingExport}}) {
        const auto r = hdk_test::call(*z.zome, c.function, hdk::Unit{});
        INFO(c.function << ": " << r.describe());
        REQUIRE(r.fault());
        CHECK(r.fault()->kind() == c.kind);
        CHECK(std::string(r.fault()->what()).find(std::string("`") + c.function + "`") !=
              std::string::npos);
        CHECK(std::string(r.fault()->what()).find("`boundary`") != std::string::npos);
        // The same zome still answers.
        const auto ok = hdk_test::call(*z.zome, "constructed", hdk::Unit{});
        REQUIRE(ok.ok());
      }
    }
  }
}

TEST_CASE("boundary: memory past the limit is refused and reported, not fatal") {
  hdk_host::HostOptions options;
  options.limits.max_memory_pages = 64;  // 4 MiB
  for (const auto& z : wasm_only(options)) {
    DYNAMIC_SECTION(z.label) {
      // The guest asks for more than the limit: its allocator fails, it says so.
      const auto big = hdk_test::call(*z.zome, "make_bytes", std::uint32_t{8u << 20});
      REQUIRE(big.wasm_error());
      CHECK(big.wasm_error()->message().find("cannot allocate") != std::string::npos);
      // The host's input does not fit: a typed fault, before the function runs.
      const auto too_big = hdk_test::call(*z.zome, "echo_bytes", hdk::Bytes(8u << 20));
      REQUIRE(too_big.fault());
      CHECK(too_big.fault()->kind() == FaultKind::AllocationFailed);
      // Smaller calls still work.
      const auto small = hdk_test::call(*z.zome, "make_bytes", std::uint32_t{1000});
      REQUIRE(small.ok());
    }
  }
}

TEST_CASE("boundary: a runaway loop is stopped") {
  hdk_host::HostOptions options;
  options.limits.instruction_budget = 5'000'000;
  options.limits.deadline = std::chrono::milliseconds(300);
  for (const auto& z : wasm_only(options)) {
    if (z.zome->runtime() == "wasm-c-api") continue;  // the standard C API cannot interrupt
    DYNAMIC_SECTION(z.label) {
      const auto r = hdk_test::call(*z.zome, "spin", hdk::Unit{});
      REQUIRE(r.fault());
      CHECK((r.fault()->kind() == FaultKind::BudgetExhausted ||
             r.fault()->kind() == FaultKind::DeadlineExceeded));
      REQUIRE(hdk_test::call(*z.zome, "constructed", hdk::Unit{}).ok());
    }
  }
}

TEST_CASE("boundary: a fresh instance per call, or one reused on request") {
  for (bool reuse : {false, true}) {
    hdk_host::HostOptions options;
    options.reuse_instances = reuse;
    for (const auto& z : wasm_only(options)) {
      DYNAMIC_SECTION(z.label << (reuse ? " reused" : " fresh")) {
        // Grow the guest's heap, then see whether the next call starts from scratch.
        REQUIRE(hdk_test::call(*z.zome, "make_bytes", std::uint32_t{4u << 20}).ok());
        const auto r = hdk_test::call(*z.zome, "pages", hdk::Unit{});
        REQUIRE(r.ok());
        const auto pages = r.value<std::uint64_t>();
        if (reuse) {
          CHECK(pages > 64);
        } else {
          CHECK(pages < 64);
        }
      }
    }
  }
}

TEST_CASE("boundary: modules a conductor would refuse are refused at load") {
  auto host =
      std::make_shared<hdk_host::Host>(hdk_host::make_engine(hdk_test::engine_names().front()));
  const std::vector<std::uint8_t> not_wasm = {0x00, 0x61, 0x73, 0x6d, 0x02, 0x00};
  try {
    host->load_wasm(not_wasm, "junk");
    FAIL("loaded junk");
  } catch (const hdk_host::Fault& f) {
    CHECK(f.kind() == FaultKind::InvalidModule);
    CHECK(std::string(f.what()).find("junk") != std::string::npos);
  }
}

TEST_CASE("boundary: a second load of the same bytes comes from the memory cache") {
  for (const auto& engine_name : hdk_test::engine_names()) {
    hdk_host::Host host(hdk_host::make_engine(engine_name));
    const auto path = hdk_test::zome_path("wasi", "boundary");
    host.load_wasm_file(path);
    const auto zome = host.load_wasm_file(path);
    CHECK(host.last_load().origin == "memory cache");
    REQUIRE(hdk_test::call(*zome, "constructed", hdk::Unit{}).ok());
  }
}
