// Benchmarks: the same work natively and as a zome on each engine, so every
// figure has a native reference measured in the same run.
//   compute:  sort and hash N records (examples/compute/kernel.hpp)
//   noop:     a zome call that does nothing (fresh instance, as Holochain does;
//             and on a reused instance, which isolates the call itself)
//   echo:     a payload of B bytes in and back out (1 KiB to 1 GiB), as hdk::Bytes,
//             and read in place (hdk::BytesView, echo_in_place)
//   host_calls: the posts zome's create_post plus get_post, in a Scenario:
//             the import path (chain, DHT, validation) besides the no-op
//   load:     getting a module for a call from the in-memory cache
//   memcpy:   the host copying the echo's bytes in and out: the ceiling for echo
// The tiered engine is measured once it has tiered up (its steady state);
// its cold start is hdk-cold-bench's (cold_start.cpp).
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hdk/codec.hpp>

#include "hdk_host/engine.hpp"
#include "hdk_host/host.hpp"
#include "hdk_host/scenario.hpp"
#include "hdk_host/tiered.hpp"
#include "kernel.hpp"

namespace {

struct SortJob {
  std::uint32_t count = 0;
  std::uint64_t seed = 0;
  HDK_STRUCT(count, seed);
};

std::string wasm_path() { return std::string(HDK_BENCH_ZOME_DIR) + "/compute.wasm"; }
std::string native_path() { return std::string(HDK_BENCH_NATIVE_ZOME_DIR) + "/libcompute.so"; }

// Payloads past the first few MiB need the whole of wasm32 memory.
constexpr std::uint32_t kAllPages = 65536;
constexpr std::int64_t kLargeEcho = 64 << 20;

void native_kernel(benchmark::State& state) {
  const auto count = static_cast<std::uint32_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(compute::sort_and_hash(count, 42));
  state.SetItemsProcessed(state.iterations() * count);
}

struct Runtime {
  std::string name;                          // engine name or "native"
  std::shared_ptr<hdk_host::Engine> engine;  // none for native
  std::shared_ptr<hdk_host::Host> host;
  std::shared_ptr<hdk_host::Zome> zome;
  std::shared_ptr<hdk_host::Zome> reused;
};

Runtime open_runtime(const std::string& name) {
  Runtime rt{name, nullptr, nullptr, nullptr, nullptr};
  if (name == "native") {
    rt.zome = rt.reused = hdk_host::Host::load_native(native_path());
    return rt;
  }
  // No budget or deadline: the figures measure the engines themselves (a
  // budget makes interp run metered code, ~1.4x slower; see docs/performance.md).
  hdk_host::HostOptions unlimited;
  unlimited.limits.instruction_budget = 0;
  unlimited.limits.deadline = std::chrono::milliseconds(0);
  unlimited.limits.max_memory_pages = kAllPages;
  // One engine for both hosts: one compile (and, for tiered, one tier-up).
  std::shared_ptr<hdk_host::Engine> engine = hdk_host::make_engine(name);
  rt.engine = engine;
  rt.host = std::make_shared<hdk_host::Host>(engine, unlimited);
  rt.zome = rt.host->load_wasm_file(wasm_path());
  hdk_host::HostOptions reuse = unlimited;
  reuse.reuse_instances = true;
  hdk_host::Host reuse_host(engine, reuse);
  if (name == "tiered") {
    std::ifstream in(wasm_path(), std::ios::binary);
    const std::vector<std::uint8_t> wasm((std::istreambuf_iterator<char>(in)), {});
    auto tiered =
        std::dynamic_pointer_cast<hdk_host::TieredModule>(engine->compile(wasm, "compute"));
    if (!tiered || !tiered->wait_for_aot(std::chrono::minutes(10)))
      throw std::runtime_error("tiered: no aot tier within 10 minutes");
  }
  rt.reused = reuse_host.load_wasm_file(wasm_path());
  return rt;
}

void call_or_fail(benchmark::State& state, hdk_host::Zome& zome, std::string_view fn,
                  const std::vector<std::uint8_t>& input) {
  hdk_host::CallContext context;
  const auto r = zome.call(fn, input, context);
  if (!r.ok()) state.SkipWithError(r.describe().c_str());
}

void zome_compute(benchmark::State& state, Runtime rt) {
  const auto count = static_cast<std::uint32_t>(state.range(0));
  const auto input = hdk_host::extern_input(SortJob{count, 42});
  for (auto _ : state) call_or_fail(state, *rt.zome, "sort_and_hash", input);
  state.SetItemsProcessed(state.iterations() * count);
}

void zome_noop_fresh(benchmark::State& state, Runtime rt) {
  const auto input = hdk_host::extern_input(hdk::Unit{});
  for (auto _ : state) call_or_fail(state, *rt.zome, "noop", input);
}

void zome_noop_reused(benchmark::State& state, Runtime rt) {
  const auto input = hdk_host::extern_input(hdk::Unit{});
  for (auto _ : state) call_or_fail(state, *rt.reused, "noop", input);
}

void echo_with(benchmark::State& state, Runtime rt, std::string_view function) {
  const auto size = static_cast<std::size_t>(state.range(0));
  const auto input = hdk_host::extern_input(hdk::Bytes(size, 7));
  for (auto _ : state) call_or_fail(state, *rt.reused, function, input);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(size) * 2);
}

// `echo` takes and returns hdk::Bytes: the zome copies the payload in and
// encodes it out (four copies with the host's two, where memcpy makes two).
void zome_echo(benchmark::State& state, Runtime rt) { echo_with(state, std::move(rt), "echo"); }

// `echo_in_place` takes an hdk::BytesView: only the encoding of the result
// copies inside the zome (three copies in all).
void zome_echo_in_place(benchmark::State& state, Runtime rt) {
  echo_with(state, std::move(rt), "echo_in_place");
}

// 64 MiB and more on a fresh instance of a host of its own, so the memory the
// echo grew to is returned after the benchmark (a kept instance holds on to it).
void zome_echo_large(benchmark::State& state, Runtime rt) {
  const auto size = static_cast<std::size_t>(state.range(0));
  const auto input = hdk_host::extern_input(hdk::Bytes(size, 7));
  std::optional<hdk_host::Host> host;
  std::shared_ptr<hdk_host::Zome> zome = rt.zome;
  if (rt.engine) {
    host.emplace(rt.engine, rt.host->options());
    zome = host->load_wasm_file(wasm_path());
  }
  for (auto _ : state) call_or_fail(state, *zome, "echo", input);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(size) * 2);
}

struct Post {
  std::string title;
  std::string body;
  HDK_STRUCT(title, body);
};

// A Scenario of one agent on the posts DNA: each iteration commits a post
// (an entry, two links, a signal, validation of each) and reads it back.
void zome_host_calls(benchmark::State& state, std::string runtime) {
  hdk_host::HostOptions unlimited;
  unlimited.limits.instruction_budget = 0;
  unlimited.limits.deadline = std::chrono::milliseconds(0);
  std::optional<hdk_host::Scenario> scenario;
  std::optional<hdk_host::Agent> alice;
  try {
    scenario.emplace(runtime, unlimited);
    const std::string dir = runtime == "native" ? HDK_BENCH_NATIVE_ZOME_DIR : HDK_BENCH_ZOME_DIR;
    const std::string ext = runtime == "native" ? ".so" : ".wasm";
    const std::string prefix = runtime == "native" ? "/lib" : "/";
    scenario->install({"posts",
                       "",
                       {"posts_integrity", dir + prefix + "posts_integrity" + ext},
                       {{"posts", dir + prefix + "posts" + ext}}});
    alice = scenario->add_agent("alice");
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  std::uint64_t n = 0;
  for (auto _ : state) {
    const auto created = scenario->call(*alice, "posts", "create_post",
                                        Post{"post " + std::to_string(++n), "some content"});
    if (!created.ok()) {
      state.SkipWithError(created.describe().c_str());
      break;
    }
    const auto got = scenario->call_bytes(
        *alice, "posts", "get_post",
        std::vector<std::uint8_t>(created.output().begin(), created.output().end()));
    if (!got.ok()) {
      state.SkipWithError(got.describe().c_str());
      break;
    }
  }
}

void host_memcpy(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  std::vector<std::uint8_t> from(size, 7), guest(size), back(size);
  for (auto _ : state) {
    std::memcpy(guest.data(), from.data(), size);
    std::memcpy(back.data(), guest.data(), size);
    benchmark::DoNotOptimize(back.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(size) * 2);
}

void load_memory_cache(benchmark::State& state, Runtime rt) {
  for (auto _ : state) benchmark::DoNotOptimize(rt.host->load_wasm_file(wasm_path()));
}

}  // namespace

int main(int argc, char** argv) {
  // --smoke: every benchmark once, small payloads only (./run test runs this; no timings).
  bool smoke = false;
  for (int i = 1; i < argc; ++i)
    if (std::string_view(argv[i]) == "--smoke") {
      smoke = true;
      for (int j = i; j + 1 < argc; ++j) argv[j] = argv[j + 1];
      --argc;
      break;
    }
  std::vector<std::int64_t> small_echoes = {1 << 10, 64 << 10, 1 << 20};
  std::vector<std::int64_t> large_echoes = {kLargeEcho, std::int64_t{1} << 30};
  if (smoke) large_echoes = {kLargeEcho};
  benchmark::RegisterBenchmark("compute/native_kernel", native_kernel)->Arg(1000)->Arg(100000);
  auto* memcpy_bench = benchmark::RegisterBenchmark("memcpy/memcpy", host_memcpy);
  for (auto size : small_echoes) memcpy_bench->Arg(size);
  for (auto size : large_echoes) memcpy_bench->Arg(size);
  std::vector<std::string> runtimes = {"native"};
  for (const auto& e : hdk_host::available_engines()) runtimes.push_back(e);
  for (const auto& name : runtimes) {
    Runtime rt;
    try {
      rt = open_runtime(name);
    } catch (const std::exception& e) {
      fprintf(stderr, "skipping %s: %s\n", name.c_str(), e.what());
      continue;
    }
    benchmark::RegisterBenchmark(("compute/" + name).c_str(), zome_compute, rt)
        ->Arg(1000)
        ->Arg(100000);
    benchmark::RegisterBenchmark(("noop_fresh/" + name).c_str(), zome_noop_fresh, rt);
    benchmark::RegisterBenchmark(("noop_reused/" + name).c_str(), zome_noop_reused, rt);
    auto* echo = benchmark::RegisterBenchmark(("echo/" + name).c_str(), zome_echo, rt);
    for (auto size : small_echoes) echo->Arg(size);
    auto* in_place =
        benchmark::RegisterBenchmark(("echo_in_place/" + name).c_str(), zome_echo_in_place, rt);
    for (auto size : small_echoes) in_place->Arg(size);
    auto* echo_large = benchmark::RegisterBenchmark(("echo/" + name).c_str(), zome_echo_large, rt);
    for (auto size : large_echoes) echo_large->Arg(size);
    echo_large->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("host_calls/" + name).c_str(), zome_host_calls, name);
    if (rt.host)
      benchmark::RegisterBenchmark(("load_memory_cache/" + name).c_str(), load_memory_cache, rt);
  }
  std::vector<char*> args(argv, argv + argc);
  std::string once = "--benchmark_min_time=0";
  if (smoke) args.push_back(once.data());
  argc = static_cast<int>(args.size());
  argv = args.data();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
